/** Parent side of benchmarks/peers/runner.ts: one child process per engine, request/reply over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineName } from './engines.js';

export interface Child {
  name: EngineName;
  ask<T>(msg: object): Promise<T>;
  close(): Promise<void>;
}

export async function spawnEngine(name: EngineName): Promise<Child> {
  const proc: ChildProcess = fork(fileURLToPath(new URL('./runner.ts', import.meta.url)), [name], {
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let waiting: { resolve: (v: unknown) => void; reject: (e: Error) => void } | undefined;
  proc.on('message', (m: { error?: string }) => {
    const w = waiting;
    waiting = undefined;
    if (!w) return;
    if (m.error) w.reject(new Error(`${name}: ${m.error}`));
    else w.resolve(m);
  });
  proc.on('exit', (code) => waiting?.reject(new Error(`${name} exited with ${code}`)));
  const next = () => new Promise<unknown>((resolve, reject) => (waiting = { resolve, reject }));
  await next(); // { loaded }
  return {
    name,
    ask: <T>(msg: object) => {
      const p = next() as Promise<T>;
      proc.send(msg);
      return p;
    },
    close: async () => {
      if (proc.exitCode !== null) return;
      const done = new Promise((r) => proc.once('exit', r));
      proc.send({ cmd: 'exit' });
      await done;
    },
  };
}
