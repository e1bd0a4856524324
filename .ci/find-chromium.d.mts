export declare const CHROMIUM_CANDIDATES: readonly string[];
/** The Chromium executable to use (CAREGATE_CHROMIUM, else the usual paths), or undefined when there is none. */
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
