import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the compiled transport module (dist/integrations/pino-transport.js in the installed
 * package), for `pino.transport({ target: pinoTransportTarget })`. pino loads targets in a worker thread
 * by path or package specifier; this path works wherever the package is installed.
 */
export const pinoTransportTarget: string = fileURLToPath(new URL('./pino-transport.js', import.meta.url));
