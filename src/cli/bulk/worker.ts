/**
 * The worker of the bulk pool (piscina). It gets a task with paths, reads its own input and writes its own
 * output, and hands back counts (never data). One redactor per configuration is kept for the thread's life.
 */
import { createRedactor, type Redactor } from '../../redactor.js';
import { processFile } from './process-file.js';
import type { FileResult, FileTask } from './types.js';

const redactors = new Map<string, Redactor>();

export default async function run(task: FileTask): Promise<FileResult> {
  const key = JSON.stringify(task.config);
  let redactor = redactors.get(key);
  if (!redactor) {
    redactor = createRedactor(task.config);
    redactors.set(key, redactor);
  }
  return processFile(task, redactor);
}
