import { describe, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { expectNames } from './support.js';

const r = createRedactor({});

describe('names in messages: whose, fetched when, met with', () => {
  it.each([
    // A possessive after a name of a script without case: the clitic is Latin, the name is not.
    'Blue or green wrapping for [[ศศิธร]]\'s gift?',
    'We ended the evening at [[زهرا]]\'s flat.',
    // Someone to fetch, then when.
    'puoi prendere [[Ermengarda]] alle 6 davanti alla scuola?',
    'tu peux récupérer [[Gwenaëlle]] à 18h devant la gare ?',
    'can you pick up [[Tobiasz]] at 4 from practice?',
    // "with" in other languages, and "at the home of".
    'Ci vediamo con [[Ermengarda]] a mezzogiorno.',
    'Pasamos una semana en casa de [[Eulalio]].',
    'We spreken morgen af met [[Wietske]] op het plein.',
    // A letter signed "your" in the German plural.
    'Hallo [[Wibke]] und [[Tarek]],\ndanke für die Blumen!\nEure [[Sontje]]',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'puoi prendere il pane alle 6?',
    'Ci vediamo con calma a mezzogiorno.',
    'The price for 2 items is lower.',
    'Eure Bestellung ist unterwegs.',
  ])('no name: %s', (text) => expectNames(r, text));
});
