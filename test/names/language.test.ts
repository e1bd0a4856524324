import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { calendarNames, loadNameLexicon } from '../../src/detect/names/lexicon.js';
import { frequentIn, languageAt } from '../../src/detect/names/language.js';

const r = createRedactor({});
const persons = (text: string) => r.redact(text).findings.filter((f) => f.entity === 'PERSON').map((f) => text.slice(f.start, f.end));
const lex = loadNameLexicon(['names', 'not-persons', 'languages'], 'test');
const langOf = (text: string, word: string) => {
  const s = text.indexOf(word);
  return languageAt(lex, text, s, s + word.length);
};

describe('the language around a word (function-words.json)', () => {
  it.each([
    ['Als Rocco die Tür öffnete, stand er schon im Flur und hat nicht gewartet.', 'Rocco', 'de'],
    ['Próxima consulta com D. Braga em abril, não se esqueça de trazer os exames.', 'Braga', 'pt'],
    ['dile a juan carlos que empiecen sin mí, llego tarde porque hay mucho tráfico', 'juan', 'es'],
    ['She said that Priya would call the bank about the card again tomorrow.', 'Priya', 'en'],
  ])('%s → %s', (text, word, lang) => expect(langOf(text, word)).toBe(lang));

  it('says nothing when the words around say too little', () => expect(langOf('Priya Patel', 'Priya')).toBe(''));

  it('function words are the first functionWordRank of a language, not every frequent word', () => {
    expect(lex.functionWordRank).toBeGreaterThan(0);
    const t = 'als';
    expect(frequentIn(lex, 'de', t, 0, 3)).toBe(true);
    expect(frequentIn(lex, 'pt', t, 0, 3)).toBe(false);
    expect(frequentIn(lex, '', t, 0, 3)).toBe(false);
  });

  it('month and weekday names come from CLDR for the calendar locales', () => {
    expect(calendarNames('tr')).toEqual(expect.arrayContaining(['kasım', 'aralık', 'pazartesi']));
    expect(lex.calendarWords.has('augusti')).toBe(true);
    expect(calendarNames('xx-invalid-locale-$')).toEqual([]);
  });
});

describe('words that are no part of a name', () => {
  it.each([
    // a sentence's first function word, or a one-letter word the language has as a word
    ['Als Rocco die Tür öffnete, stand Frau Weber schon im Flur.', ['Rocco', 'Weber']],
    ['Tra Leontina Cassano e il comune, entrambi residenti in città, si è firmato il contratto.', ['Leontina Cassano']],
    ['Secondo me il film è troppo lungo e finisce a Pisa, ma non era male. A Ionne Pascali è piaciuto comunque, e anche a me.', ['Ionne Pascali']],
    // a kin word of the soft cues
    // a lower-case name stops at a function word, a particle stays before a name word
    ['¡Venid a vernos! Llego tarde, dile a juan carlos que empiecen sin mí.', ['juan carlos']],
    ['grattis på födelsedagen simon! kram från robin i augusti är det för varmt i tjeckien.', ['simon', 'robin']],
    ['hoi met emiel, kun je de sleutels naar het kantoor brengen?', ['emiel']],
    // an introduction's words inside the run, a function word ending it
    ['Joyeux anniversaire Julie ! Bisous de Jude', ['Julie', 'Jude']],
    ['Alles Gute zum Geburtstag, Raphael! Liebe Grüße von Arta Bin spät dran, sie sollen ohne mich anfangen.', ['Raphael', 'Arta']],
  ])('%s', (text, names) => expect(persons(text)).toEqual(names));

  it('a given name before a particle stays, and so does a surname after one', () => {
    expect(persons('Job de Lange called about the refund')).toEqual(['Job de Lange']);
    expect(persons('Aanwezig: Jess, V. van der Meer, Dhr. van de Pol.')).toEqual(expect.arrayContaining(['V. van der Meer']));
  });
});

describe('honorifics of one language (languages.json)', () => {
  it('"D." is a title in Portuguese and Spanish text: the name follows it', () => {
    expect(persons('Próxima consulta com D. Braga em abril, não se esqueça de trazer os exames e a carta.')).toEqual(['Braga']);
    expect(persons('La paciente D. Macedo tiene una cita el martes con el médico de familia, que la llamará.')).toEqual(['Macedo']);
  });

  it('an initial elsewhere, and after a number (a flat\'s door) in any language', () => {
    expect(persons('The refund was approved by D. Smith and the card will be sent again this week.')).toEqual(['D. Smith']);
    expect(persons('Cambiar la dirección de facturación a Calle Mayor 45, 3º D. Titular de la cuenta: Concepción Tello.')).not.toContain('Titular');
  });
});

describe('calendar words beside numbers', () => {
  it.each(['Kira sözleşmesi 11 Kasım 2024 tarihinde imzalandı.', 'Sonraki randevu 2 Aralık 2019 için ayarlandı.'])('%s holds no name', (text) => expect(persons(text)).toEqual([]));
  it('a month that is a name is a name with a cue', () => expect(persons('Benim adım Kasım Yılmaz.')).toEqual(['Kasım Yılmaz']));
});

describe('German nouns are capitalised', () => {
  it.each([
    ['Frau Lakin klagt seit dem 17.11.2022 über Rückenschmerzen; die Tochter hat sie begleitet.', 'Rückenschmerzen'],
    ['Jasper hat die beste Mathearbeit der Klasse geschrieben, sagt die Lehrerin, und sie ist sehr stolz auf ihn.', 'Mathearbeit'],
    ['Der Befund ist gut, es gibt nichts zu tun. Nächster Termin bei Frau Egli am 21. November 2023 in der Praxis.', 'Nächster'],
  ])('%s', (text, noun) => expect(persons(text).filter((p) => p.includes(noun))).toEqual([]));

  it('a name of letters outside ASCII after a kin word is still a name, without the kin word', () => {
    const found = persons('„Das ist Abhaidev“, sagte sie, „und das ist mein Bruder Ömer.“');
    expect(found).toContain('Ömer');
    expect(found.filter((p) => p.includes('Bruder'))).toEqual([]);
  });
});

describe('headlines and firms', () => {
  it.each([
    ['From Mainaguri to the Olympics: How Lakshmidhar Patil Made It', ['Lakshmidhar Patil']],
    ['Diseño: José Eduardo Olivo Cadena.', ['José Eduardo Olivo Cadena']],
    ['Haar nieuwste boek verscheen bij Hermans - van der Berg.', []],
    ['Hij werkt sinds 2010 bij Meijer - van Veen en rapporteert aan mevr. Freriks.', ['Freriks']],
    ['O seu último livro saiu pela Oliveira, Moraes e Silva.', []],
    ['Bünül Akçal Mardin doğumlu bir yazar ve çevirmendir.', ['Bünül Akçal']],
    ['Het schooljaar is voorbij. Rapport van Eva Devos: goed in lezen, spelling kan beter.', ['Eva Devos']],
    ['Nos vemos a las doce delante del ayuntamiento de Mérida.', []],
  ])('%s', (text, names) => expect(persons(text)).toEqual(names));
});

describe('properties', () => {
  const given = ['Rocco', 'Giulia', 'Priyanka', 'Jolanta', 'Gustavo'];
  const family = ['Cassano', 'Kowalczyk', 'Deshpande', 'Moretti', 'Hoffmann'];
  const opener = ['Als', 'Wenn', 'Dass', 'Weil'];
  it('a German sentence opened by a function word masks the name after it, never the function word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...opener), fc.constantFrom(...given), fc.constantFrom(...family), (o, g, f) => {
        const text = `${o} ${g} ${f} die Tür öffnete, war es schon spät und niemand hat gewartet.`;
        const found = persons(text);
        return found.length === 1 && found[0] === `${g} ${f}`;
      }),
    );
  });
});
