/**
 * What a custom rule pack costs (issue 15 item 6, issue 18 item 12): each figure from a fresh Node process,
 * so that module loading and first-use costs count as a server starting up would pay them.
 *  - `import` of caregate plus the default `createRedactor()`;
 *  - the first `createRedactor` with a small custom pack (5 shape and 5 keyword rules);
 *  - `createRedactor` with N generated shape rules and N keyword rules (N from PACK_SIZES, default 100,1000);
 *  - the scan speed of 1 MB of care text with 5,000 keyword rules, against the default redactor.
 * Wall and CPU time are both printed: on a shared machine the CPU time is the figure that holds.
 * Runs the package as published (`from 'caregate'`, dist/): `npm run build` first.
 *   npx tsx benchmarks/pack-load.ts
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.PACK_SIZES ?? '100,1000').split(',').map(Number);
const RUNS = Number(process.env.PACK_RUNS ?? 3);

/** The child's program: builds the pack named by argv, times what is asked, prints JSON. */
const CHILD = String.raw`
const t0 = performance.now();
const c0 = process.cpuUsage();
const { createRedactor } = await import('caregate');
const tImport = performance.now() - t0;
const cpuImport = process.cpuUsage(c0);
const cpuMs = (u) => (u.user + u.system) / 1000;
/** Wall and CPU time of f: the CPU figure holds up when other processes share the cores. */
const timed = (f) => { const c = process.cpuUsage(); const t = performance.now(); f(); return { wall: performance.now() - t, cpu: cpuMs(process.cpuUsage(c)) }; };
const [kind, n] = [process.argv[1], Number(process.argv[2])];
const rule = (id, detector) => ({
  id, entity: 'CUSTOM_ID', description: 'generated', regulations: [], detector, confidence: 0.9, mask: 'label',
  examples: { positive: [{ text: 'x', match: 'x' }], negative: ['y'] },
});
const shape = (i) => rule('shape-' + i, { pattern: '\\bK' + i + '-[A-Z]{2}\\d{6,8}\\b', maxLength: 24 });
const keyword = (i) => rule('kw-' + i, { keywords: ['customer ref' + i], value: [{ pattern: '[:\\s]{0,3}(?<value>[A-Z0-9]{6,12})', maxLength: 20 }] });
const pack = (rules) => ({ pack: 'generated', version: '1.0.0', description: 'generated', rules });
const out = { import: tImport, importCpu: cpuMs(cpuImport) };
if (kind === 'default') {
  ({ wall: out.create, cpu: out.createCpu } = timed(() => createRedactor()));
} else if (kind === 'small') {
  const rules = [];
  for (let i = 0; i < 5; i++) rules.push(shape(i), keyword(i));
  ({ wall: out.create, cpu: out.createCpu } = timed(() => createRedactor({ extraPacks: [pack(rules)] })));
} else if (kind === 'shape' || kind === 'keyword') {
  const rules = Array.from({ length: n }, (_, i) => (kind === 'shape' ? shape(i) : keyword(i)));
  ({ wall: out.create, cpu: out.createCpu } = timed(() => createRedactor({ extraPacks: [pack(rules)] })));
} else if (kind === 'scan') {
  const { careText } = await import(process.argv[3]);
  const text = careText(1_000_000, 3);
  const rules = Array.from({ length: n }, (_, i) => keyword(i));
  const many = createRedactor({ extraPacks: [pack(rules)] });
  const plain = createRedactor();
  const time = (r) => { r.redact(text); const ts = []; for (let i = 0; i < 3; i++) { const t = performance.now(); r.redact(text); ts.push(performance.now() - t); } return ts.sort((a, b) => a - b)[1]; };
  out.plainMs = time(plain); out.manyMs = time(many); out.mb = text.length / 1e6;
}
console.log(JSON.stringify(out));
`;

function child(...args: string[]): Record<string, number> {
  const stdout = execFileSync(process.execPath, [...(args[0] === 'scan' ? ['--import', 'tsx'] : []), '--input-type=module', '-e', CHILD, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;

console.log(`pack loading, fresh process per figure, median of ${RUNS}; node ${process.version}`);
for (const kind of ['default', 'small']) {
  const runs = Array.from({ length: RUNS }, () => child(kind, '0'));
  console.log(
    `${kind === 'default' ? 'createRedactor() (default packs)' : 'first createRedactor, 10-rule custom pack'}`.padEnd(48),
    `import ${ms(median(runs.map((r) => r.import!)))} (cpu ${ms(median(runs.map((r) => r.importCpu!)))})   create ${ms(median(runs.map((r) => r.create!)))} (cpu ${ms(median(runs.map((r) => r.createCpu!)))})`,
  );
}
for (const n of SIZES) {
  for (const kind of ['shape', 'keyword']) {
    const runs = Array.from({ length: RUNS }, () => child(kind, String(n)));
    console.log(`createRedactor, ${n} ${kind} rules`.padEnd(48), `create ${ms(median(runs.map((r) => r.create!)))} (cpu ${ms(median(runs.map((r) => r.createCpu!)))})`);
  }
}
const corpus = new URL('./corpus.ts', import.meta.url).href;
const scan = child('scan', process.env.SCAN_RULES ?? '5000', corpus);
console.log(
  `scan ${scan.mb!.toFixed(1)} MB of care text: default ${(scan.mb! / (scan.plainMs! / 1000)).toFixed(1)} MB/s, with ${process.env.SCAN_RULES ?? 5000} keyword rules ${(scan.mb! / (scan.manyMs! / 1000)).toFixed(1)} MB/s (×${(scan.manyMs! / scan.plainMs!).toFixed(2)} the time)`,
);
