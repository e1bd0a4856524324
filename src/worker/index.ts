export { startWorker, messageIdentity, type Worker, type WorkerDeps } from './worker.js';
export {
  parseWorkerOptions,
  workerOptionsSchema,
  subjectSuffix,
  outputSubject,
  deadLetterSubject,
  backoffFor,
  type WorkerOptions,
  type ResolvedWorkerOptions,
} from './config.js';
export { provision, deprovision, consumerConfig, streamConfigs, type ProvisionReport } from './provision.js';
export { chooseFormat, redactPayload, classifyError, safeMessage, HEADERS, CONTENT_TYPES, type ClassifiedError, type ErrorKind } from './process-message.js';
export { redactObject, type ObjectReference, type RedactedObject } from './object-transcripts.js';
export { deadLetterHeaders, publishDeadLetter } from './dead-letter.js';
export { renderMetrics, startMetricsServer, newStats, type WorkerStats, type MetricsServer } from './metrics.js';
export { submitTranscript, type SubmitOptions } from './submit.js';
