import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createBodyPolicy, type BodyPolicy, type BodyPolicyOptions, type RequestRedaction } from './body-policy.js';
import { readRequestBody } from './json-body-reader.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by caregate's middleware: what was redacted from the body (and response), never the values. */
      caregate?: RequestRedaction;
    }
  }
}

export type ExpressRedactionOptions = BodyPolicyOptions;

/**
 * Express middleware: reads JSON and text/plain bodies itself (limit counted while reading: 413; bad JSON:
 * 400; both as application/problem+json), refuses forbidden card data with 422, and hands the route a
 * redacted req.body with req.caregate describing the findings. Mount it instead of express.json(); if a
 * body parser already ran, the body it produced is checked and redacted the same way.
 */
export function caregateExpress(options: ExpressRedactionOptions = {}): RequestHandler {
  const policy = createBodyPolicy(options);
  return (req: Request, res: Response, next: NextFunction) => {
    handle(policy, req, res, next).catch(next);
  };
}

async function handle(policy: BodyPolicy, req: Request, res: Response, next: NextFunction): Promise<void> {
  const redaction: RequestRedaction = { findings: [], errors: [] };
  req.caregate = redaction;
  if (policy.redactResponse) redactJsonResponses(policy, res, redaction);

  let body: unknown = req.body;
  if (body === undefined) {
    const read = readRequestBody(req, policy.limit, policy.sensitiveDigits);
    if (!read) return next();
    const result = await read;
    if (!result.ok) return sendProblem(res, result.problem);
    body = result.body;
  }
  const outcome = policy.applyToRequest(body);
  if (!outcome.ok) return sendProblem(res, outcome.problem);
  req.body = outcome.body;
  redaction.findings = outcome.findings;
  redaction.errors = outcome.errors;
  next();
}

/** res.send(object) goes through res.json in Express 5, so wrapping json covers both. */
function redactJsonResponses(policy: BodyPolicy, res: Response, redaction: RequestRedaction): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    const r = policy.redactResponseBody(body);
    redaction.response = { findings: r.findings, errors: r.errors };
    return json(r.value);
  };
}

export function sendProblem(res: ServerResponse, problem: Problem): void {
  res.statusCode = problem.status;
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  // After a 413 the rest of the body is unread; closing spares the next request from parsing it.
  if (problem.status === 413) res.setHeader('Connection', 'close');
  res.end(JSON.stringify(problem));
}
