/**
 * The worker of the bulk pool (piscina). It gets a task with paths, reads its own input and writes its own
 * output, and hands back counts (never data). One redactor per configuration is kept for the thread's life.
 */
import { createRedactor, type Redactor } from '../../redactor.js';
import { openVaultSink } from '../vault-scope.js';
import { processFile } from './process-file.js';
import type { FileResult, FileTask } from './types.js';

const redactors = new Map<string, Promise<Redactor>>();

export default async function run(task: FileTask): Promise<FileResult> {
  const key = JSON.stringify([task.config, task.vault ?? null]);
  let redactor = redactors.get(key);
  if (!redactor) {
    // A vault scope is opened once per thread; its connection lives as long as the thread.
    redactor = task.vault ? openVaultSink(task.vault).then(({ sink }) => createRedactor({ ...task.config, vault: sink })) : Promise.resolve(createRedactor(task.config));
    redactors.set(key, redactor);
  }
  return processFile(task, await redactor);
}
