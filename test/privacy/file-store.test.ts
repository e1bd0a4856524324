import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { registerContract } from './contract.js';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

describe('request register on the JSONL file ledger', () => {
  registerContract({
    replayRuns: 40,
    tamperRuns: 60,
    async newPlace() {
      const path = join(tmp.dir, `ledger-${++n}.jsonl`);
      return {
        options: { ledger: path },
        async lines() {
          return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
        },
        async replace(lines) {
          writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
        },
      };
    },
  });
});
