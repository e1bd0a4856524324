import fc from 'fast-check';

// Property tests that do not pin their own seed run with a fixed one under CI (FC_SEED to try another),
// so a CI run is repeatable; locally they draw a new seed each run, to keep finding new cases.
if (process.env.CI || process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });
