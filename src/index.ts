// Public entry point of caregate. Each area re-exports from its own folder.
export {};
