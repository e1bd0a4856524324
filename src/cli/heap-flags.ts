import { setFlagsFromString } from 'node:v8';

/**
 * V8 heap settings for the CLI process, set by bin/caregate.js before the CLI's modules load (issue 20:
 * streaming 2 GB must peak under 200 MB of RSS). With node's defaults the young generation grows to two 16 MiB
 * semi-spaces while the CLI loads (32 MB of RSS however small the input), and the old generation may grow to
 * about twice its live size before a major collection; the stream promotes short-lived garbage steadily, so
 * the peak is set by those two allowances, not by what the stream holds. Kept at its initial 1 MiB
 * semi-spaces and with a major collection at 20% growth, `caregate redact` of a stream peaked at 170 MB
 * against 306 MB (24 MB of care text), for about a tenth more CPU.
 */
export const CLI_HEAP_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

/** Commands that size their own heap: the worker gives its thread a large young generation (worker/thread-host.ts). */
const OWN_HEAP = new Set(['worker']);

/** Flags by which a user sizes the heap; given any, the user's choice stands. */
const USER_HEAP_FLAG = /--(?:max[-_](?:semi|old)[-_]space[-_]size|min[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor|heap[-_]growing[-_]percent)/;

/** The flags to set for a CLI run of `argv` (the arguments after the script), none when the command or the user sizes the heap. */
export function heapFlagsFor(argv: readonly string[], execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): readonly string[] {
  if (argv[0] !== undefined && OWN_HEAP.has(argv[0])) return [];
  if (execArgv.some((a) => USER_HEAP_FLAG.test(a)) || USER_HEAP_FLAG.test(nodeOptions)) return [];
  return CLI_HEAP_FLAGS;
}

/** Sets the CLI's heap flags for `argv`; must run before the CLI's modules are imported (they grow the young generation). */
export function boundCliHeap(argv: readonly string[]): void {
  for (const flag of heapFlagsFor(argv)) setFlagsFromString(flag);
}
