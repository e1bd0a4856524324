// caregate integrations: pino (options, destination, transport), the HTTP body policy, helpdesk tickets.
// Express and Fastify have their own entry points (caregate/integrations/express, caregate/integrations/fastify)
// so that their types, which need those frameworks installed, stay out of every other import.
export { pinoRedactionOptions, withRedaction } from './pino-options.js';
export type { PinoRedactionOptions, PinoRedactionHooks } from './pino-options.js';
export { RedactingDestination, createRedactingDestination } from './pino-destination.js';
export type { DestinationLike, RedactingDestinationOptions } from './pino-destination.js';
export { pinoTransportTarget } from './pino-transport-target.js';
export type { CaregateTransportOptions } from './pino-transport.js';
export { LogLineScrubber, DEFAULT_TRUSTED_NUMBERS } from './log-line-scrubber.js';
export type { LineRedaction } from './log-line-scrubber.js';
export { createBodyPolicy, DEFAULT_BODY_LIMIT, DEFAULT_FORBIDDEN_ENTITIES } from './body-policy.js';
export type { BodyPolicy, BodyPolicyOptions, PolicyOutcome, RequestRedaction } from './body-policy.js';
export { PROBLEM_CONTENT_TYPE } from './problem.js';
export type { Problem, ForbiddenField } from './problem.js';
export type { RedactorSource } from './redactor-source.js';
export { redactTicket } from './tickets.js';
export type { TicketFormat, TicketRedaction, TicketRedactionOptions } from './tickets.js';
