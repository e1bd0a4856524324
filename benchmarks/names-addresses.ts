/**
 * PERSON and STREET_ADDRESS on a generated development corpus, and the throughput cost of the names and
 * address detectors (same run, with and without them).
 *
 *   npx tsx benchmarks/names-addresses.ts [--docs 3000] [--seed 7]
 *
 * Names and addresses come from faker's locales (values generated, never listed; the lexicons are not
 * drawn from faker). A value counts as masked only when no word of three letters or more of it is left
 * in clear (accuracy.md 5). Words wrongly altered: unlabelled words that a mask touched, over all
 * unlabelled words. This corpus was written by the detector's author: it is for development; the blind
 * corpus (benchmarks/blind/) is the one to quote.
 */
import { allLocales, Faker, type LocaleDefinition } from '@faker-js/faker';
import { createRedactor, type Redactor } from '../src/index.js';
import { careText } from './corpus.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const DOCS = opt('docs', 3000);
const SEED = opt('seed', 7);

const LOCALES = ['en_US', 'en_GB', 'de', 'fr', 'es', 'it', 'pt_BR', 'pt_PT', 'nl', 'pl', 'hu', 'fi', 'sv', 'cs_CZ', 'sk', 'da', 'nb_NO', 'tr', 'ro', 'hr', 'ru', 'uk', 'el', 'vi', 'en_IN', 'en_AU'];
const fakers = LOCALES.map((l) => new Faker({ locale: [allLocales[l as keyof typeof allLocales] as LocaleDefinition, allLocales.en, allLocales.base] }));

interface Label { entity: 'PERSON' | 'STREET_ADDRESS' | 'OTHER'; start: number; end: number; nonAscii: boolean }
interface Doc { text: string; labels: Label[] }

/** A document assembled from parts: strings, or labelled values. */
function doc(parts: (string | [Label['entity'], string])[]): Doc {
  let text = '';
  const labels: Label[] = [];
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else {
      labels.push({ entity: p[0], start: text.length, end: text.length + p[1].length, nonAscii: /[^\x00-\x7f]/.test(p[1]) });
      text += p[1];
    }
  }
  return { text, labels };
}

type Gen = (f: Faker) => Doc;
const P = (s: string): ['PERSON', string] => ['PERSON', s];
const A = (s: string): ['STREET_ADDRESS', string] => ['STREET_ADDRESS', s];
/** Other personal data in a template (phones, e-mails): not scored here, and not counted as damage. */
const O = (s: string): ['OTHER', string] => ['OTHER', s];
const full = (f: Faker) => `${f.person.firstName()} ${f.person.lastName()}`;
const street = (f: Faker) => f.location.streetAddress(f.datatype.boolean());
const block = (f: Faker) => `${f.location.streetAddress()}\n${f.location.zipCode()} ${f.location.city()}\n${f.location.country()}`;

const TEMPLATES: Gen[] = [
  (f) => doc(['Hi, my name is ', P(full(f)), ' and my order never arrived.']),
  (f) => doc(['this is ', P(full(f)), ', calling about a double charge']),
  (f) => doc(['cust ', P(full(f)), ' called re refund, cb requested']),
  (f) => doc(['spoke to ', P(full(f)), ' who confirmed the address']),
  (f) => doc(['Dear ', P(full(f)), ',\nthank you for your message.']),
  (f) => doc(['Thanks,\n', P(full(f)), '\n']),
  (f) => doc(['Agent: may I have your last name?\nCustomer: ', P(f.person.lastName()), '\nAgent: thank you']),
  (f) => doc(['[09:55] ', P(f.person.firstName()), ': hi, the parcel is late\n[09:56] Agent: sorry to hear that']),
  (f) => doc(['Customer (', P(f.person.firstName()), '): I want to cancel\nAgent: ok']),
  (f) => doc(['Name: ', P(full(f)), '\nMobile: ', O(f.phone.number()), '\nE-mail: ', O(f.internet.email()), '\nWhen: tomorrow']),
  (f) => doc(['From: ', P(full(f)), ' <', O(f.internet.email()), '>\nSubject: refund']),
  (f) => doc(['my name is ', P(full(f).toLowerCase()), ' and i need help']),
  (f) => doc(['Ticket closed. ', P(full(f)), ' confirmed receipt of the replacement.']),
  (f) => doc(['name on account ', P(full(f)), ', verified DOB']),
  (f) => doc(['Please ship it to ', A(street(f)), ' instead.']),
  (f) => doc(['new address: ', A(`${street(f)}, ${f.location.zipCode()} ${f.location.city()}`), '\nthanks']),
  (f) => doc(['billing address:\n', A(block(f)), '\n\nPlease confirm.']),
  (f) => doc(['Customer moved to ', A(street(f)), ' last month.']),
  (f) => doc(['Ship to: ', A(`${street(f)}, ${f.location.city()}`), '\nCarrier: UPS']),
  (f) => doc(['Manager: ', P(full(f)), '\nDispatcher: ', P(full(f)), '\nCallback: ', O(f.phone.number())]),
];

// Hard negatives: text with capitalised words, field labels and words that are also names.
const NEGATIVES = [
  'Mobile: please call back after 5pm',
  'Fax: not available. Website: see the help centre',
  'Will you mark the case as resolved? I hope so, may it close today.',
  'The Grace period ends in May; Bill Pay is under Settings.',
  'Order 55812 shipped via FedEx Ground, tracking in the Amazon app.',
  'Reset the Apple ID password, then open Google Chrome and Microsoft Teams.',
  'Card: Visa Platinum ending in the last four digits. Billing: monthly. Shipping: free.',
  'When: Tuesday 3pm. Where: Main Street branch. Contact: front desk.',
  'Blue Widget and Red Gadget are back in stock at the Central Warehouse.',
  'Refund approved under Policy 12, see Section 4 of the Terms and Conditions.',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function corpus(n: number, seed: number): Doc[] {
  const rand = rng(seed);
  const docs: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const f = fakers[Math.floor(rand() * fakers.length)]!;
    f.seed(seed * 100003 + i);
    const main = TEMPLATES[Math.floor(rand() * TEMPLATES.length)]!(f);
    const neg = NEGATIVES[Math.floor(rand() * NEGATIVES.length)]!;
    docs.push({ text: `${main.text}\n${neg}\n`, labels: main.labels });
  }
  return docs;
}

const WORD = /[\p{L}\p{M}]+|\d+/gu;

function score(r: Redactor, docs: Doc[]) {
  const t: Record<string, { n: number; masked: number; nonAscii: number; nonAsciiMasked: number }> = {};
  let unlabelled = 0;
  let altered = 0;
  for (const d of docs) {
    const masked = r.redact(d.text).findings.map((f) => [f.start, f.end] as const);
    const covered = (s: number, e: number) => masked.some(([a, b]) => a <= s && e <= b);
    const touched = (s: number, e: number) => masked.some(([a, b]) => a < e && s < b);
    for (const l of d.labels) {
      const x = (t[l.entity] ??= { n: 0, masked: 0, nonAscii: 0, nonAsciiMasked: 0 });
      let ok = true;
      for (const m of d.text.slice(l.start, l.end).matchAll(WORD)) {
        if (m[0].length >= 3 && !covered(l.start + m.index, l.start + m.index + m[0].length)) ok = false;
      }
      x.n++;
      if (ok) x.masked++;
      if (l.nonAscii) {
        x.nonAscii++;
        if (ok) x.nonAsciiMasked++;
      }
    }
    for (const m of d.text.matchAll(WORD)) {
      const s = m.index;
      const e = s + m[0].length;
      if (d.labels.some((l) => l.start < e && s < l.end)) continue;
      unlabelled++;
      if (touched(s, e)) altered++;
    }
  }
  return { t, unlabelled, altered };
}

function throughput(r: Redactor, text: string): number {
  for (let i = 0; i < 2; i++) r.redact(text);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    r.redact(text);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return text.length / 1e6 / (runs[2]! / 1000);
}

/** MB/s by CPU time (user + system) of one redact() call, median of `runs`: less noisy than wall time on a shared machine. */
function cpuThroughput(r: Redactor, text: string, runs = 7): number {
  for (let i = 0; i < 2; i++) r.redact(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    r.redact(text);
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1e6);
  }
  times.sort((a, b) => a - b);
  return text.length / 1e6 / times[runs >> 1]!;
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');

if (process.argv[1]?.endsWith('names-addresses.ts') && !args.includes('--address-cpu') && !args.includes('--names-cpu')) {
  const docs = corpus(DOCS, SEED);
  const withNames = createRedactor({});
  const without = createRedactor({ disable: ['person-names', 'postal-address'] });
  for (const [name, r] of [['with names/address detectors', withNames], ['without them', without]] as const) {
    const s = score(r, docs);
    console.log(`${name}: ${DOCS} docs, seed ${SEED}`);
    for (const [e, x] of Object.entries(s.t).filter(([e]) => e !== 'OTHER')) {
      console.log(`  ${e.padEnd(15)} ${pct(x.masked, x.n)}% fully masked (${x.masked}/${x.n}); non-ASCII ${pct(x.nonAsciiMasked, x.nonAscii)}% (${x.nonAsciiMasked}/${x.nonAscii})`);
    }
    console.log(`  words wrongly altered ${pct(s.altered, s.unlabelled)}% (${s.altered}/${s.unlabelled})`);
  }
  const onlyNames = createRedactor({ disable: ['postal-address'] });
  const onlyAddresses = createRedactor({ disable: ['person-names'] });
  const texts = [
    ['this corpus (a name or address in every document)', docs.map((d) => d.text).join('\n').repeat(3)],
    ['care text of benchmarks/corpus.ts (PII on one line in five)', careText(2_000_000, 1)],
  ] as const;
  for (const [what, text] of texts) {
    const [a, n, ad, b] = [withNames, onlyNames, onlyAddresses, without].map((r) => throughput(r, text));
    console.log(`throughput, ${what}, ${(text.length / 1e6).toFixed(1)} M chars, median of 5 (MB/s of UTF-16 units):`);
    console.log(`  both detectors ${a!.toFixed(2)}, names only ${n!.toFixed(2)}, addresses only ${ad!.toFixed(2)}, neither ${b!.toFixed(2)}; with/without ${(a! / b!).toFixed(2)}`);
  }
  // Names on and off, the addresses detector off in both, measured alternately in one run by CPU time.
  const text = careText(2_000_000, 1);
  const on: number[] = [];
  const off: number[] = [];
  for (let k = 0; k < 3; k++) {
    on.push(cpuThroughput(onlyNames, text, 3));
    off.push(cpuThroughput(without, text, 3));
  }
  const mid = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1]!;
  console.log(`CPU time, care text, addresses off: names on ${mid(on).toFixed(2)} MB/s, names off ${mid(off).toFixed(2)} MB/s (medians, same run)`);
}

/**
 * The address detector's cost in CPU time (process.cpuUsage, not wall time: the machine is shared), on care
 * text, with and without it, interleaved in one run; `--baseline PATH` adds another build (its
 * dist/index.js, e.g. main's) measured in the same run, for a before/after figure.
 *
 *   npx tsx benchmarks/names-addresses.ts --address-cpu [--runs 7] [--baseline /work/main/dist/index.js]
 */
async function addressCpuCost(): Promise<void> {
  const runs = opt('runs', 7);
  const b = args.indexOf('--baseline');
  const builds: [string, (o: object) => Redactor][] = [['this build', (o) => createRedactor(o)]];
  if (b >= 0) {
    const mod = (await import(args[b + 1]!)) as { createRedactor: (o: object) => Redactor };
    builds.unshift([`baseline ${args[b + 1]}`, (o) => mod.createRedactor(o)]);
  }
  const text = careText(1_000_000, 1);
  const cpu = (r: Redactor) => {
    const t0 = process.cpuUsage();
    r.redact(text);
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1e6;
  };
  const cases = builds.flatMap(([name, make]) => [
    [`${name}: addresses on`, make({})],
    [`${name}: addresses off`, make({ disable: ['postal-address'] })],
  ] as const);
  for (const [, r] of cases) r.redact(text);
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) cases.forEach(([, r], k) => times[k]!.push(cpu(r)));
  console.log(`address detector, CPU time, care text ${(text.length / 1e6).toFixed(1)} M chars, median of ${runs} (MB/s of UTF-16 units):`);
  cases.forEach(([name], k) => {
    const t = times[k]!.sort((x, y) => x - y);
    console.log(`  ${name.padEnd(60)} ${(text.length / 1e6 / t[t.length >> 1]!).toFixed(2)}`);
  });
}

if (process.argv[1]?.endsWith('names-addresses.ts') && args.includes('--address-cpu')) await addressCpuCost();

/**
 * The names pass's cost in CPU time, interleaved in one run: each build with the names detector on and off
 * (the address detector on in both), on held-out sparse and dense care text (blind-text.ts) and on short
 * lines (µs per call); the pass costs the difference. `--baseline PATH` adds another build's dist/index.js.
 *
 *   npx tsx benchmarks/names-addresses.ts --names-cpu [--runs 5] [--mb 0.5] [--baseline /path/dist/index.js]
 */
async function namesCpuCost(): Promise<void> {
  const { denseText, shortLines, sparseText } = await import('./blind-text.js');
  const runs = opt('runs', 5);
  const mb = opt('mb', 0.5);
  const b = args.indexOf('--baseline');
  // This build as published (dist/, imported as 'caregate'), as the baseline is: the same code generation for both.
  const self = (await import('caregate')) as unknown as { createRedactor: (o: object) => Redactor };
  const builds: [string, (o: object) => Redactor][] = [['this build', (o) => self.createRedactor(o)]];
  if (b >= 0) {
    const mod = (await import(args[b + 1]!)) as { createRedactor: (o: object) => Redactor };
    builds.unshift(['baseline', (o) => mod.createRedactor(o)]);
  }
  const texts: [string, string[]][] = [
    ['sparse', sparseText(mb * 1e6).docs],
    ['dense', denseText((mb * 1e6) / 2).docs],
    ['short lines', shortLines(2000)],
  ];
  const cases = builds.flatMap(([name, make]) => [
    [`${name}: names on`, make({})],
    [`${name}: names off`, make({ disable: ['person-names'] })],
  ] as const);
  const cpu = (r: Redactor, docs: string[]) => {
    const t0 = process.cpuUsage();
    for (const d of docs) r.redact(d);
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1e6;
  };
  for (const [what, docs] of texts) {
    for (const [, r] of cases) cpu(r, docs);
    const times = cases.map(() => [] as number[]);
    // Interleaved text by text (every case on each text in turn), so the machine's noise falls on all alike.
    const batch = what === 'short lines' ? 50 : 1;
    for (let i = 0; i < runs; i++) {
      const sum = cases.map(() => 0);
      for (let d = 0; d < docs.length; d += batch) {
        const part = docs.slice(d, d + batch);
        cases.forEach(([, r], k) => (sum[k]! += cpu(r, part)));
      }
      sum.forEach((t, k) => times[k]!.push(t));
    }
    const chars = docs.reduce((a, d) => a + d.length, 0);
    const med = (k: number) => [...times[k]!].sort((x, y) => x - y)[runs >> 1]!;
    console.log(`names pass, CPU time, ${what}: ${docs.length} texts, ${(chars / 1e6).toFixed(2)} M chars, median of ${runs}`);
    for (let k = 0; k < cases.length; k += 2) {
      const [on, off] = [med(k), med(k + 1)];
      const per = (t: number) => (what === 'short lines' ? `${((t * 1e6) / docs.length).toFixed(2)} µs/call` : `${(chars / 1e6 / t).toFixed(2)} MB/s`);
      console.log(`  ${builds[k >> 1]![0].padEnd(12)} names on ${per(on)}, off ${per(off)}; the pass ${(((on - off) * 1e6) / docs.length).toFixed(2)} µs per text (${((100 * (on - off)) / on).toFixed(1)}% of the time)`);
    }
  }
}

if (process.argv[1]?.endsWith('names-addresses.ts') && args.includes('--names-cpu')) await namesCpuCost();
