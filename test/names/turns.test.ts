import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { classifyWord } from '../../src/detect/names/classify.js';
import { loadNameLexicon } from '../../src/detect/names/lexicon.js';
import { coveredWhole, expectNames, nameArb } from './support.js';

const lex = loadNameLexicon(['names'], 'test');

const r = createRedactor({});


describe('speaker labels: role and name, any script', () => {
  it.each([
    'Agent [[Omari]]: Hi there!\n[[Lorine Collins]]: hello',
    '[14:12] Agent [[Julide]]: Thank you for calling.',
    '[[Aimé]]: Good morning.\n[[Wale]]: hi',
    '[[悠]]: Hello\n[[恵]]: hi',
    '[[Δημητρα]]: (07:39) hello',
    'Bot/Agent > how can I help?',
    'Support Agent: how can I help?',
  ])('%s', (marked) => expectNames(r, marked));
});

describe('answers to a name question, with or without a question mark', () => {
  it.each([
    'Agent: can i have your full name please\nCustomer: it should be [[terry west]]\nAgent: ok',
    'AGENT: and your last name\nCUSTOMER: uh ok [[lebeda]]\nAGENT: thanks',
    'agent: (10:59) What\'s the last name on the account?\ncustomer: (11:00) [[Le roux]]\n',
    'Bot/Agent > (18:59) Who am I speaking with?\nVisitor > (18:59) ok [[eva bechtelar]]\n',
    '[00:01:09] AGENT - Could you spell your surname?\n[00:01:40] CUSTOMER - um, [[Schmidt]] I think\n',
    'Agent (Zerrin): and your last name\nCustomer (Adrain): [[adams]] [inaudible]\n',
  ])('%s', (marked) => expectNames(r, marked.replace(/\((Zerrin|Adrain)\)/g, '([[$1]])')));

  it('a statement about a name is no question: the next turn is left alone', () => {
    expectNames(r, 'Customer: my last name is [[Ortiz]]\nAgent: Great news then');
  });
});

describe('names after lower-case cues in transcripts', () => {
  it.each([
    'Rep: hello this is [[liam]] how can i help you today',
    'Caller: hi its [[josephine]] here',
    'Customer: hi [[kaan]] this is [[connor kelly]] and i need some help',
    'Customer: that\'s it thanks [[christoph]]',
    'Customer: yes hi i\'m [[archie king]] i\'m calling about a charge',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'agent: Thank you for calling, my name is [[María]], how may I help?',
    'customer: this is damaged and i am locked out',
    'customer: hi there, this is urgent',
    'I spoke to [[佳琪]] last week and was promised a call back.',
    'thanks [[dana belošević]] let me pull that up',
  ])('never a common word: %s', (marked) => expectNames(r, marked));
});

describe('other cue families', () => {
  it.each([
    'Support: (15:32) Hallo, hier ist [[Melanie]].',
    'Bot/Agent > (13:31) Good morning, [[Mirela]], how can I help you today?',
    'Rep: Hi, you\'re chatting with [[Bhudev]], how may I help?',
    'billing addr 739 Main St -[[Zara]]\nShipment resent',
    '- [[Faye]] (T1)\nCredit issued',
    'spoke w/ [[Luc Scheytt]], adv 3-5 bd',
    '{"firstName": "[[Doris]]", "orderId": "871247273"}',
    'Note by [[Robb Swift]] - January 27',
    'agent: Hello, this is [[მაყვალა]]. What can I do for you?',
    'Hi there! I\'m [[颖]].',
    '2701442159982087|[[Malcolm Safo-Owusu]]|R$ 25.763,03',
  ])('%s', (marked) => expectNames(r, marked));

  it('identifiers are no names: CSV headers and field keys', () => {
    expectNames(r, 'last_ip,customer_name,FIRST_NAME,dl_number\n');
  });
});

describe('generated names as speaker labels after a role and as answers (property)', () => {
  it('"Agent <name>:" masks the name whole and leaves the role', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const text = `Agent ${name}: how can I help?\nCustomer: hello`;
        const findings = r.redact(text).findings;
        expect(coveredWhole(findings, 'PERSON', text, 6, 6 + name.length)).toBe(true);
        expect(findings.some((f) => f.start < 5)).toBe(false);
      }),
      { seed: 41, numRuns: 200 },
    );
  });

  it('the turn after "what\'s your last name" holds the name after fillers', () => {
    fc.assert(
      fc.property(nameArb, fc.constantFrom('', 'umm ', 'hold on... ', 'it should be ', 'yes. '), (name, filler) => {
        // A generated word can be a real word the lists know (a title, a function word): not a name then.
        fc.pre(name.split(' ').every((w) => !['not', 'title', 'particle'].includes(classifyWord(lex, w))));
        const text = `Agent: what's your last name?\nCustomer: ${filler}${name}\nAgent: thanks`;
        const start = text.indexOf(name, 30);
        expect(coveredWhole(r.redact(text).findings, 'PERSON', text, start, start + name.length)).toBe(true);
      }),
      { seed: 43, numRuns: 200 },
    );
  });
});

describe('more name shapes of care text', () => {
  it.each([
    '[[Maria]]: [[maria kubica]] here, account holder',
    'spk_1: um [[muhammad najmiddinov]] here account holder',
    'Cheers,\n[[Gisèle Le gall]]\nSent from my phone',
    'Best regards,\n[[سیف]]\nPhone: see above',
    'Speaker 2: hi [[Sandra]], this is [[Rhea I Tremblay]], I have a problem',
    '[[Rover]]: thanks [[abel van der linden]] let me pull that up',
    '[[Kim Sơn]]: Hello\n[[Khắc Dũng]]: ok\n[[松永菜摘]]: 3841',
  ])('%s', (marked) => expectNames(r, marked));

  it.each(['Customer: the parcel is here, thanks', 'Support: Le code de sécurité ?', 'Téléphone: see the ticket', 'Nombre: [[María José]]'])(
    'field labels of other languages and common words: %s',
    (marked) => expectNames(r, marked),
  );
});

describe('CSV exports: the columns a header names', () => {
  it('cells of name columns are names, the header and other cells are not', () => {
    expectNames(r, 'routing,FIRST_NAME,iban_note,customer_name\n690353549,"[[Alekso]]",none,[[Alekso Dmitrov]]\n668119621,[[Jakub]],n/a,[[Jakub O.]]\n\nRouting Team: done');
    expectNames(r, 'firstName|account|TICKET\n[[Wiktoria]]|819783729|20476168\n');
  });

  it('a row that does not fit the header ends the table', () => {
    expectNames(r, 'first_name;city;zip\n[[Ana]];Porto;4000\nthe parcel never came; sorry\n');
  });

  it('streamed in pieces, the same cells are masked (property)', async () => {
    const text = `id,last_name,note\n${Array.from({ length: 40 }, (_, i) => `${i},Okonkwo${'abc'[i % 3]},late parcel`).join('\n')}\n`;
    const whole = r.redact(text).text;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 5 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const stream = r.createStream();
        const out: string[] = [];
        stream.on('data', (c: Buffer | string) => out.push(c.toString()));
        let prev = 0;
        for (const p of [...points, text.length]) {
          stream.write(text.slice(prev, p));
          prev = p;
        }
        stream.end();
        await new Promise((res) => stream.on('end', res));
        expect(out.join('')).toBe(whole);
      }),
      { seed: 47, numRuns: 30 },
    );
    expect(whole).not.toContain('Okonkwo');
  });
});

describe('places and organisations made of names, without a cue', () => {
  it.each([
    'Pierre-Louis Mueller vit et peint à Lake Ellen.',
    'Mamadou studied law before joining Smyth - Johnston in 2019.',
    'She works at Roussel et Gautier now.',
    'The application to Swift Pty Ltd was unsuccessful.',
    'Luke Twumasi lives in Kimberley with two cats.',
  ])('%s', (text) => {
    const persons = r.redact(text).findings.filter((f) => f.entity === 'PERSON').map((f) => text.slice(f.start, f.end));
    for (const p of persons) expect(['Pierre-Louis Mueller', 'Mamadou', 'Luke Twumasi']).toContain(p);
  });

  it('a cue or a title still makes a name there', () => {
    expectNames(r, 'We stayed in Lisbon with Mr. [[Okafor]], then spoke to [[Anna Roussel]] and [[Tom Gautier]].');
  });
});

describe('letters and stories in other languages', () => {
  it.each([
    'Chère [[Ozanne]],\nnous arrivons samedi.',
    'Kära [[Therese]],\nvi kommer på lördag.',
    'Vielen Dank für alles.\nTack,\n[[Mohamed]]',
    'Kontrolle am Montag. Herrn [[Hohenberger]] klagt seit Mai.',
    'It rained all day. When [[Teagan]] opened the door, nobody was there.',
  ])('%s', (marked) => expectNames(r, marked));
});
