import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pinnedCommit, referenceBuild } from '../../benchmarks/reference/build.js';
import { createRedactor } from '../../src/index.js';

/**
 * The address pass reads a few tokens or char codes before it reads a window (numberBeforeCity, cityLineAt,
 * codeLineAt, slashedAt, streetAt's crossings, layout blocks): those tests only skip readings that find
 * nothing. Text made of the pieces those readings decide on must give the reference build's output.
 */
const RUNS = Number(process.env.DIFF_RUNS ?? 300);

type R = ReturnType<typeof createRedactor>;
let ours: R;
let ref: R;
beforeAll(async () => {
  const mod = (await import(pathToFileURL(referenceBuild(pinnedCommit())).href)) as { createRedactor: () => R };
  ours = createRedactor();
  ref = mod.createRedactor();
}, 600_000);

// Street types and suffixes, joiners, prepositions, region codes, postcodes, dates, slashed numbers, names, marks.
const PIECES = [
  'Street', 'street', 'St.', 'Avenue', 'Way', 'way', 'Lane', 'Rua', 'Via', 'rue', 'Hauptstraße', 'Puruntie', 'Drottninggatan', 'Kirchweg',
  '&', 'and', '/', 'y', 'Am', 'Auf', 'dem', 'Im', 'Na', 'de', 'van', 'den',
  'IL', 'CA', 'Berlin', 'Springfield', 'Lisboa', 'Praha', 'Oak', 'Main', 'Canal', 'Bowen', 'Drive', 'Mary', 'Křemílkova', 'Dudkova', 'the', 'at', 'on', 'my',
  '5', '12', '31', '32', '742', '3228', '10115', '62704', '1200-195', '111', '51', '901/18', '12/05', '2024/05/12', '5/2', '5th', '12B', '1017', 'GC', 'SW1A', '1AA', 'C4B', '7K9', 'LV-4638', '2019', '4.99', '727,55',
  ',', '.', ':', '(', ')', '#', '"', '|', ';', '-', '@', 'Apt.', 'Apt', 'Suite', 'PO', 'Box', 'address:', 'Ship', 'to:',
];
const SEPS = [' ', ' ', ' ', ', ', '\n', '\t', '', '  '];
const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPS)), { minLength: 1, maxLength: 40 })
  .map((ps) => ps.map(([p, s]) => p + s).join(''));

describe(`the address pass against the reference build (${pinnedCommit().slice(0, 12)})`, () => {
  it('finds the same addresses on text made of address pieces', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = ours.redact(t);
        const b = ref.redact(t);
        expect(JSON.stringify([a.text, a.findings])).toBe(JSON.stringify([b.text, b.findings]));
      }),
      { seed: 20261207, numRuns: RUNS },
    );
  });

  it('finds addresses in these pieces at all (the comparison is not of empty outputs)', () => {
    // A street before its city, a crossing, a slashed house number, a city line: each read after its cheap test.
    for (const t of ['Matteopark 3228, 8995 Voormezeletem', 'deliver to Oak Street & Canal Street please', 'Křemílkova 901/18', 'Springfield, IL 62704']) {
      expect(ours.redact(t).findings.filter((f) => f.entity === 'STREET_ADDRESS').length).toBe(1);
    }
  });
});
