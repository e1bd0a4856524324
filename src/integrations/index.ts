// caregate integrations: pino (options, destination, transport), HTTP (Express, Fastify), helpdesk tickets.
export { pinoRedactionOptions, withRedaction } from './pino-options.js';
export type { PinoRedactionOptions, PinoRedactionHooks } from './pino-options.js';
export { RedactingDestination, createRedactingDestination } from './pino-destination.js';
export type { DestinationLike, RedactingDestinationOptions } from './pino-destination.js';
export { pinoTransportTarget } from './pino-transport-target.js';
export type { CaregateTransportOptions } from './pino-transport.js';
export { LogLineScrubber } from './log-line-scrubber.js';
export type { LineRedaction } from './log-line-scrubber.js';
export { createBodyPolicy, DEFAULT_BODY_LIMIT, DEFAULT_FORBIDDEN_ENTITIES } from './body-policy.js';
export type { BodyPolicy, BodyPolicyOptions, PolicyOutcome, RequestRedaction } from './body-policy.js';
export { caregateExpress } from './express.js';
export type { ExpressRedactionOptions } from './express.js';
export { caregateFastify, problemForBodyError } from './fastify.js';
export type { FastifyRedactionOptions } from './fastify.js';
export { PROBLEM_CONTENT_TYPE } from './problem.js';
export type { Problem, ForbiddenField } from './problem.js';
export type { RedactorSource } from './redactor-source.js';
