import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordArb } from '../names/support.js';
import { addressGrammar, addressRedactor, expectAddresses } from './support.js';

/**
 * Address forms of issue 17 in table cells, value lines and blocks: the address in [[…]] is masked whole as a
 * STREET_ADDRESS (one-shot and streamed alike), and nothing else is. Names are off so that the address grammar
 * alone is judged. Names and numbers are made up.
 */
const r = addressRedactor;
const g = addressGrammar;

const opts = { seed: 1707, numRuns: 150 };
const rare = (w: string) => !g.commonWords.has(w.toLowerCase()) && !g.months.has(w.toLowerCase()) && !g.notAddress.has(w.toLowerCase());

describe('a street written number first in a table cell', () => {
  it.each([
    'x\ty\tz\t[[98 Bavol de Quirnard Apt. 622]]\t198.51.100.7\n',
    'a,b,c,[[1 Halvo Brae]],WV68 25T,"SN3959739624"',
    'k;l;15 Apr 2026;[[306 رابعہ گاوْں]];03231594946\n',
    'm,n,o,[[827 เลียบคลองสอง]],47 43 21 18',
  ])('%s', (t) => expectAddresses(t));

  it('a date, an amount, a count of frequent words or a field is none', () => {
    expectAddresses('a;b;c;15 Apr 2026;6 May 2023;3 Items;100 USD;5 Stars;2 Order\n');
  });

  it('any number and capitalised rare words in a row of four cells (property)', () => {
    const word = wordArb('latin').filter(rare);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }).filter((n) => !/^(19|20)\d\d$/.test(String(n))), word, fc.constantFrom('', ' de la', ' van'), word, fc.constantFrom(',', ';', '|', '\t'), (n, a, c, b, sep) =>
        expectAddresses(['id-7', 'ok', `[[${n} ${a}${c} ${b}]]`, 'done'].join(sep)),
      ),
      opts,
    );
  });
});

describe('a street written name first in a table cell', () => {
  it.each([
    'IHA-4510;23.05.2027;[[Obalskih radnika 4 Stan 94]];x\n',
    'q\t6520223151212947\t01/29\tf097:95ac:6d54:dc12:4b60:6d75:96eb:ef04\tfoo@example.com\t"[[Коста Абраш 353]]"\n',
    '370061086875402,0534,8083,"[[Камская ул., 559 кв. 705]]",2 Jan 2026',
    '"a@example.com";192.3.164.109;[[بن بست دیباجی, پلاک 4]];x;y',
    'x|y|z|[[Nova pot 28a]]|030 561 909\n',
  ])('%s', (t) => expectAddresses(t));

  it('a number glued by a comma to the next cell is a house number, not an amount ("999,10.12.2023", "420,1 May 2023")', () => {
    expectAddresses('a,920,[[Via Beltramo 999]],10.12.2023\n');
    expectAddresses('a,b,[[Bulevar Amores 420]],1 May 2023,c\n');
    expectAddresses('a,b,[[Tressatown 71842]],21.05.2024\n');
    expectAddresses('a,b,[[Tepexpan 01969]],6 May 2023\n');
  });
});

describe('a city line in a table cell', () => {
  it.each([
    'Duccio T,[[52144 Imelda ligure]],IDR 6.074',
    'a,b,[[uTshwane 7869]],c,d',
    'x,"R$ 217.456.140,06",[[667863 Ногинск (Моск.)]],5/25/2024\n',
    'x,y,[[66 797 Michalovce]],2001:4860:dc73::9ece',
    '"a","102.232.238.221"\n[[30832 Tours]],161,08/29,x',
    'a,b,[[384-345 속초구]],"¥11,938,724"',
  ])('%s', (t) => expectAddresses(t));

  it('two digit groups that a third follows on the line begin a longer number, not a postcode after a city', () => {
    const group = (n: number) => fc.integer({ min: 10 ** (n - 1), max: 10 ** n - 1 }).map(String);
    fc.assert(
      fc.property(wordArb('latin').filter(rare), group(2), group(3), fc.array(group(3), { minLength: 1, maxLength: 3 }), (label, a, b, rest) => {
        expectAddresses(`${label} ${a} ${b} ${rest.join(' ')}`);
      }),
      opts,
    );
  });

  it('digits grouped by a space beside a currency are an amount, not a postcode', () => {
    expectAddresses('Júlio B,[[Reguengos de Monsaraz 7395-579]],USD 33 796,172.44.34.189\n');
  });
});

describe('values after a cue or an address question', () => {
  it.each([
    'Visitor > And the address on file?\nVisitor > hld on... [[andador rafael 9966]]\nBot > ok',
    'A: (08:25) Wie lautet Ihre neue Adresse?\nB: (08:26) lieferaadresse: [[spreestr. 85, 73004 west emely]]\nB: danke',
    '[00:02:42] spk_0: Can you confirm your billing address?\n[00:02:45] spk_1: yes. [[סמטת הקריה-מע"ר 128. 5321424 נווה שלום]]\n[00:02:51] spk_0: ok',
    'My new address is [[Qəzənfər Musabəyov küç., 789, Naxçıvan (şəhər) AZ3510]].\n\nThe Jack is loose.',
    'case ok; new addr: [[Na výslní 85, Kysucké Nové Mesto 180 06]]; pmt taken',
    'upd addr to [[Contrada Pamela 803, 07278 Tecla a mare]] | Passport No. x',
    'new addr: [[wyspa Klimczak 7/6 m. 876, 99-773 Parczew]]\nRef RMA-126848',
  ])('%s', (t) => expectAddresses(t));
});

describe('blocks and their lines', () => {
  it.each([
    'SHIP TO\n[[Manjo I. Mybs\nInsulo de Rittenberg 8301\nBona Viktoroburgo 24952]] /mk\nProduct: Router X2',
    'verified | Billing address:\n[[عمائم ملوک\n9845 علی گلی\n86008 نیا شفیعٹاوْن]] /مم\nThe Royal blue variant.',
    'ABA 1 | ship to:\n[[ސައުދާ M ޒުމުއްރުދާ\n187 ޚަދީޖާ މަގު\n92684 ނައްބާރުދޫ]] | E-mail: x',
    'Regards,\nA L\nTel: 1\n[[62 Lambert d\'Assas\nT9E 2O0 Maxellendecester]]\nProduct: Router X2',
    'Regards,\nM V\nPhone: 1\n[[Juulplantsoen 872 I\nGraetgeest 8632 FY]]\nManager: on shift\n',
    'Kind regards\nD\nTel: 1\n[[Oskarlaan 7 3 hoog achter\nKapolder 6372 IB]]\nShipping: standard\n',
    'Cheers,\nD\nPhone: 1\n[[Otonelská 1\n87 086 Prešov]]\nWhere: front desk\n',
    'Kind regards\nM\nM: 1\n[[Barranco Francisca Ornelas Mena s/n. Bajo\nGranada 63975]]\nE-mail: not provided',
    'Mobile: 1\n[[Prolongación Cuauhtémoc s/n. Edificio 5\n09749 Colima-Villa de Álvarez]]\nE-mail: not provided',
  ])('%s', (t) => expectAddresses(t));

  it('a line of grouped digits and a currency after a block is no city line', () => {
    expectAddresses('- SHIP TO\n[[莫明\n崔巷95587号\n609720 诸沙市]] \nCredit of 22 916.32 CAD issued.\n');
  });
});

describe('Arabic street types with vowel marks or a tatweel', () => {
  const harakat = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640'];
  it.each([
    'Please send it to [[شَارِع الملك فهد 45، الرياض 12345]] thanks',
    'Please send it to [[شـارع النخيل 7]] thanks',
  ])('%s', (t) => expectAddresses(t));

  it('any marks between the letters of a type leave it a type (property)', () => {
    const types = ['شارع', 'طريق', 'جادة'];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.array(fc.constantFrom(...harakat), { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 999 }), (t, marks, n) => {
        const marked = [...t].map((ch, i) => ch + (marks[i] ?? '')).join('');
        expectAddresses(`Please send it to [[${marked} الورود ${n}]] thanks`);
      }),
      opts,
    );
  });
});

describe('answers typed in lower case, and unit and particle words', () => {
  it.each([
    'Bot > Sure, what is the new address?\nVisitor > yes. [[6 considine brae. doyle cross hx2 6pk]]\nBot > Updated.',
    'Agent: And the address on file?\nCustomer: yes. [[3683 ismail mill apt. 797. apese 80284]]\nAgent: ok',
    '[00:04:38] **Agent:** What is your current address?\n[00:04:49] **Customer:** um, [[8350 Léna Lepic 9 étage]]\n[00:05:03] **Agent:** ok',
    'mój nowy adres to [[os. jaros 2671]] dzięki',
    'Ze wonen op [[van den Bergsingel 135a]] sinds mei.',
    'Stuur het naar [[Kikiweg 62 hs, 6278 LN BREUKELE AAN DE RIJN]] graag.',
    'Il paziente abita in [[via Borgo, 111, 55197 San Agata ligure, Italia]] e lavora.',
    'Klíče na adrese [[U Klimentky 1037/25]] prosím.',
    'a;b;c;[[Granroa 4 Oppgang B]];x@example.com;d',
  ])('%s', (t) => expectAddresses(t));

  it('a title and a lower-case word after it is no street ("St. john 5 times")', () => {
    expectAddresses('i went via st. john 5 times');
  });
});

describe('escapes in a record', () => {
  it('the letter of an escape glued to a city is no class prefix ("\\nKaka" in a JSON string)', () => {
    const text = String.raw`{"name":"4 Elm Street\nKaka, IL 62704","dob":"x"}`;
    const found = r.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS');
    for (const f of found) expect(text.slice(f.start, f.end)).not.toMatch(/^nKaka/);
  });
});
