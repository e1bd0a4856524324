import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { expectExactNames, expectNames, wordArb } from './support.js';

const r = createRedactor({});

const expectExactly = (marked: string): void => expectExactNames(r, marked);

describe('a headline in Title Case: its common words are no part of a name', () => {
  it.each([
    // After a title, the headline's verb and noun stay out of the name.
    'The band was late. Local Teacher [[Steven Asiama-Opuku]] Named Head of the School Board',
    'Local Teacher [[Markus Keller]] Named Head of Itahari School Board Grace and patience are key.',
    // A name word after the verb does not pull the verb into the name.
    'It rained. [[Morgane Marchand]] Wins McLaughlin - Homenick Award for Best New Novel',
    // A sentence ends at a closing quote too; a run ending in an organisation's noun is the organisation.
    'He said "no, Father [[Tari]]." Local Teacher [[Gavino Pisani]] Named Head of Almásháza School Board',
  ])('%s', (marked) => expectExactly(marked));

  it.each([
    // A line of credits is mostly names: a surname that is also a common word stays.
    'Fotografía: M.[[Rosas Munguía]]. Diseño: [[Germán V. Cadena Echevarría]]',
    // Outside a headline a surname that is a common word stays after an introduction.
    'ich heiße [[Jürgen Groß]] und wohne hier.',
  ])('%s', (marked) => expectNames(r, marked));

  it('any two-word name in a headline keeps the headline words out (property)', () => {
    fc.assert(
      fc.property(wordArb('latin'), wordArb('latin'), (given, family) => {
        const text = `Local Teacher ${given} ${family} Named Head of Town School Board`;
        const at = text.indexOf(' Named');
        for (const f of r.redact(text).findings) expect(f.end <= at || f.start > at + 11, `${JSON.stringify(text.slice(f.start, f.end))} in ${text}`).toBe(true);
      }),
      { seed: 17, numRuns: 60 },
    );
  });
});

describe('a particle only in the languages whose names hold it', () => {
  it.each([
    // "das" is a German article, not a particle: the name ends before it.
    'Nach dem Tod von Frau [[Giada Gesell]] erbte [[Vivien]] das Haus in der Stadt.',
    // Where it is a particle, it stays in the name.
    'Como combinado, a [[Maria das Dores Silva]] chegou ontem à noite.',
    'De brief van [[Dirk de Winter]] is gisteren verstuurd en hij komt morgen meer vertellen.',
  ])('%s', (marked) => expectExactly(marked));

  it('the article and its noun are never masked after any name (property)', () => {
    fc.assert(
      fc.property(wordArb('latin'), (name) => {
        const text = `Nach dem Tod ihrer Mutter erbte ${name} das Haus in der Stadt und wohnt jetzt dort.`;
        const at = text.indexOf(' das Haus');
        for (const f of r.redact(text).findings) expect(f.end <= at || f.start >= at + 9, `${JSON.stringify(text.slice(f.start, f.end))} in ${text}`).toBe(true);
      }),
      { seed: 17, numRuns: 60 },
    );
  });
});

describe('a word opening the sentence is no part of the name after it', () => {
  it.each([
    // A listed name that is also a frequent word stays at a sentence's start before two name words (a Korean family name).
    'Agent: [[Park Seo Yeon]] called about the refund.',
    // A name joined by "e" does not bring back the function word the run was cut from.
    'Il risarcimento va a Gioacchini e figli. Tra [[Tesauro Gobbi]] e [[Campisi]], entrambi residenti a Roma.',
    // Where nouns are capitalised, a noun before "von" opening a sentence.
    'Die Rechnung ist bezahlt. Zahlung von [[Heydemüller]] über 1.555,70 EUR ist heute bei uns eingegangen.',
  ])('%s', (marked) => expectExactly(marked));
});

describe('inside a sentence, a noun no list holds before a particle stays out of a name', () => {
  it.each(['Die Mieterin wohnt seit Jahren in der Stadt und verlangt Schadensersatz von der Thränhardt, Fincke und Kumbernuss. Der Vertrag wurde im Mai geschlossen.'])('%s', (text) => {
    const at = text.indexOf('Schadensersatz');
    const f = r.redact(text).findings.filter((x) => x.entity === 'PERSON');
    expect(f.some((x) => x.start <= at + 20 && x.end > at)).toBe(false);
  });
});

describe('a message signed on its sign-off line runs on into its next sentence', () => {
  it.each([
    'Alles Gute zum Geburtstag, [[Raphael]]! Liebe Grüße von [[Roderyk]] Hoffnung allein ist kein Plan.',
    // A function word after the surname goes on with the signature.
    'Liebe Grüße von [[Jürgen Groß]] aus Berlin',
    // A credits line is no headline: the run's own words are not counted.
    'The prize went to Hulist and Swaniawski. Illustrations by [[Maja S Blom]]. Cover design by [[Maia]].',
    'Leo Thompson Wins Crooks, Gibson and Donnelly Award for Best New Novel. It rained all night.',
  ])('%s', (marked) => {
    // The headline's first two words are the name there; the rest of that line is no one's.
    if (marked.startsWith('Leo')) {
      const f = r.redact(marked).findings.filter((x) => x.entity === 'PERSON');
      expect(f.some((x) => x.end > marked.indexOf(' Wins'))).toBe(false);
      return;
    }
    expectExactly(marked);
  });
});
