// Where the HTML report test finds Chromium: CAREGATE_CHROMIUM when set (and nothing else then), else the
// usual Debian/Ubuntu paths. Shared by .ci/test-prerequisites.mjs (npm's pretest) and the test itself.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or undefined when there is none. */
export function findChromium(env = process.env) {
  if (env.CAREGATE_CHROMIUM) return executable(env.CAREGATE_CHROMIUM) ? env.CAREGATE_CHROMIUM : undefined;
  return CHROMIUM_CANDIDATES.find(executable);
}
