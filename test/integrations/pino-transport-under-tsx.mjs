// pino loads transport targets in a worker thread, which does not inherit tsx from the test runner.
// This shim registers tsx inside the worker and re-exports the TypeScript source of the target, so the
// test exercises the real worker path without a build. Installed users load dist/integrations/pino-transport.js.
import { register } from 'tsx/esm/api';

register();
const { default: caregateTransport } = await import('../../src/integrations/pino-transport.ts');
export default caregateTransport;
