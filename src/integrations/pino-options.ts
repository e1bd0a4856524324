import type { LoggerOptions } from 'pino';
import { LogLineScrubber, type LineRedaction } from './log-line-scrubber.js';
import { toRedactor, type RedactorSource } from './redactor-source.js';

export interface PinoRedactionOptions {
  /** The redactor to use, or its options (default: createRedactor()). */
  redactor?: RedactorSource;
  /** Called for each line that had findings, detector errors, or was withheld. No raw values. */
  onRedaction?: (report: Omit<LineRedaction, 'line'>) => void;
  /**
   * Top-level members whose number values the clean-line check skips (default ['level', 'time', 'pid'],
   * which pino writes itself). Pass [] to scan them too, at one more engine pass per line.
   */
  trustedNumbers?: string[];
}

export type PinoRedactionHooks = { hooks: { streamWrite: (line: string) => string } };

/**
 * Options for pino() that scrub every record in-process: `pino({ ...pinoRedactionOptions(), level })`.
 *
 * It uses pino's streamWrite hook, which receives the finished line. The earlier hooks each see only part
 * of a record: logMethod runs before the message is interpolated (a card split between the template and
 * an argument is only recognisable after), and formatters.log runs before serializers, child bindings
 * and the message are added. The finished line holds all of them, errors already serialized.
 */
export function pinoRedactionOptions(options: PinoRedactionOptions = {}): PinoRedactionHooks {
  return { hooks: { streamWrite: createLineHook(options) } };
}

/** Your pino options with scrubbing added; a streamWrite hook of yours runs first, ours on its output. */
export function withRedaction<T extends LoggerOptions>(pinoOptions: T, options: PinoRedactionOptions = {}): T {
  const scrub = createLineHook(options);
  const theirs = pinoOptions.hooks?.streamWrite;
  const streamWrite = theirs ? (s: string) => scrub(theirs(s)) : scrub;
  return { ...pinoOptions, hooks: { ...pinoOptions.hooks, streamWrite } };
}

function createLineHook(options: PinoRedactionOptions): (line: string) => string {
  const scrubber = new LogLineScrubber(toRedactor(options.redactor), options.trustedNumbers);
  const report = options.onRedaction;
  return (s) => {
    // Most lines are clean JSON records: written as they are, line ending included, with no copy.
    if (scrubber.isCleanJson(s)) return s;
    // One record per call; keep its line ending (pino's crlf option writes \r\n).
    const ending = s.endsWith('\r\n') ? '\r\n' : s.endsWith('\n') ? '\n' : '';
    const r = scrubber.scrub(ending ? s.slice(0, -ending.length) : s);
    if (report && (r.findings.length || r.errors.length || r.withheld)) report({ findings: r.findings, errors: r.errors, withheld: r.withheld });
    return r.line + ending;
  };
}
