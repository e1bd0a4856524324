import { describe, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { expectNames } from './support.js';

const r = createRedactor({});

describe('an article is a particle of a name only after another particle', () => {
  it.each([
    'Firmado por [[Aurelio de la Fuente Quiroga]].',
    'Signed by [[Joost van der Poel]] today.',
    'Brief van [[Dirk de Winter]] ontvangen.',
    // Alone after a name, the article is the sentence's: the name ends before it.
    'Prof. [[desmet]] begeleidt het proefschrift sinds maart.',
    'Dr. [[Ermengarda]] la chiama domani.',
  ])('%s', (marked) => expectNames(r, marked));
});
