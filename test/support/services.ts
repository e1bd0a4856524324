import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const SERVICES_SCRIPT = fileURLToPath(new URL('../../.ci/services.sh', import.meta.url));

/**
 * Makes sure a local service (PostgreSQL 5432, Redis 6379, NATS 4222) is up, starting it with the
 * machine's own start commands when it is down. Throws with a message saying what to do when it cannot.
 */
export async function ensureService(port: 5432 | 6379 | 4222): Promise<void> {
  if (await portOpen(port)) return;
  execFileSync('bash', [SERVICES_SCRIPT], { stdio: 'ignore' });
  if (!(await portOpen(port, 2000))) {
    throw new Error(`local service on 127.0.0.1:${port} is down and could not be started; run .ci/services.sh as root`);
  }
}
