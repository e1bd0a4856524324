import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { createBodyPolicy, type BodyPolicyOptions, type RequestRedaction } from './body-policy.js';
import { quoteSensitiveIntegers } from './json-body-reader.js';
import { bodyTooLargeProblem, emptyJsonProblem, malformedJsonProblem, PROBLEM_CONTENT_TYPE, type Problem, unreadableBodyProblem, unsupportedBodyProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by caregate's plugin: what was redacted from the body (and response), never the values. */
    caregate: RequestRedaction | null;
  }
}

export type FastifyRedactionOptions = BodyPolicyOptions;

const PLUS_JSON = /^application\/[a-z0-9.!#$&^_-]+\+json$/i;

/**
 * Fastify plugin. Bodies are read by Fastify's own JSON and text parsers, re-registered with `limit` as
 * their bodyLimit (enforced while reading). A preValidation hook refuses forbidden card data with 422 and
 * replaces request.body with its redacted copy before validation and the handler; request.caregate holds
 * the findings. Body errors (too large, malformed or empty JSON, unsupported media type) are answered as
 * application/problem+json; any other error goes on to the error handler that was in place before.
 *
 * The plugin applies to the scope it is registered in and its children (it is not encapsulated), so
 * register it at the root for the whole app or inside a plugin for some routes.
 */
export const caregateFastify: FastifyPluginCallback<FastifyRedactionOptions> = (fastify, options, done) => {
  try {
    install(fastify, options);
    done();
  } catch (err) {
    done(err as Error);
  }
};
Object.assign(caregateFastify, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'caregate' });

function install(fastify: FastifyInstance, options: FastifyRedactionOptions): void {
  const policy = createBodyPolicy(options);
  const defaultJson = fastify.getDefaultJsonParser('error', 'error');
  // Integers too large for a Number whose digits are a card number are read as their source digits.
  const parseJson: typeof defaultJson = (req, body, done) => defaultJson(req, typeof body === 'string' ? quoteSensitiveIntegers(body, policy.sensitiveDigits) : body, done);
  const asString = { parseAs: 'string' as const, bodyLimit: policy.limit };
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', asString, parseJson);
  fastify.addContentTypeParser('text/plain', asString, (_req, body, parsed) => parsed(null, body));
  if (!fastify.hasContentTypeParser(PLUS_JSON)) fastify.addContentTypeParser(PLUS_JSON, asString, parseJson);

  fastify.decorateRequest('caregate', null);

  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const redaction: RequestRedaction = { findings: [], errors: [] };
    request.caregate = redaction;
    if (request.body === undefined) return;
    const outcome = policy.applyToRequest(request.body);
    if (!outcome.ok) return sendProblem(reply, outcome.problem);
    request.body = outcome.body;
    redaction.findings = outcome.findings;
    redaction.errors = outcome.errors;
  });

  if (policy.redactResponse) {
    fastify.addHook('preSerialization', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith(PROBLEM_CONTENT_TYPE)) return payload;
      const r = policy.redactResponseBody(payload);
      if (request.caregate) request.caregate.response = { findings: r.findings, errors: r.errors };
      return r.value;
    });
  }

  const previous = fastify.errorHandler;
  fastify.setErrorHandler(function caregateBodyErrors(error, request, reply) {
    const problem = problemForBodyError(error, policy.limit);
    if (!problem) return previous.call(this, error, request, reply);
    return sendProblem(reply, problem);
  });
}

/** The Fastify body errors this plugin answers, as problem details; undefined for any other error. */
export function problemForBodyError(error: unknown, limit: number): Problem | undefined {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLargeProblem(limit);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformedJsonProblem();
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return unreadableBodyProblem();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return emptyJsonProblem();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedBodyProblem('This endpoint reads JSON (application/json) and text/plain bodies. Send the body as one of those.');
    default:
      return undefined;
  }
}

function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.status === 413) reply.header('connection', 'close');
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
