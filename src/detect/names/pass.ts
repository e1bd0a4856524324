import type { ScanContext } from '../candidate.js';
import { isSpokenJoiner, readNumberToken } from '../spoken-words.js';
import { cueBefore, endsLine } from './cues.js';
import { classifyRange, nameLike } from './classify.js';
import { hasNonAscii, isCaseless, isJoiner, isLetter, isLower, isUpper, startsWord, wordEnd } from './letters.js';
import { CSV_NAME_GATE, csvFrom, type CsvTable } from './csv.js';
import { gateOpen, gatesOf } from '../prefilter.js';
import { offerScored } from './offer.js';
import type { NameLexicon } from './lexicon.js';
import { leadingNoun, legalForm, notAPerson, notAPersonSlot } from './not-a-person.js';
import type { NamesRule } from './plan.js';
import { readRun, readWord, type NameWord } from './runs.js';
import { NameMentions } from './mentions.js';
import { Coreference } from './coreference.js';
import { displayNamesFrom } from './display.js';
import { MAX_BACK } from '../limits.js';
import { listedName, listedOrUnknown, loneName, pairName } from './lone.js';
import { invertedFamilyStart } from './inverted.js';
import { LOWER_START_GATE, lowerStartsFrom } from './lower-start.js';
import { classGate, nextClassHit } from '../class-gate.js';
import { coordinatedFrom, pairGate, pairsFrom } from './coordinated.js';
import { signoffGate, signoffsFrom } from './signoffs.js';
import { anyFunctionWord, anyLanguageWord, frequentIn, languageAt, wordOf } from './language.js';
import { execFrom, gateProbe, openProbe, testFrom, type GateProbe } from '../gate-probe.js';

/**
 * The names detector: one pass per step over capital letters (irregexp skips the text between them), one
 * over lower-case cue phrases, one over question marks (the answer in the next turn). Each decides a name
 * from at most CUE_WINDOW characters before it and the rest of its line (≤ MAX_LINE), so a stream finds
 * what one pass over the whole text finds.
 */
export interface NamesPassState {
  capPos: number;
  lowerPos: number;
  questionPos: number;
  scriptPos: number;
  herePos: number;
  csvPos: number;
  /** The CSV header naming name columns, while its rows go on. */
  csv: CsvTable | null;
  /** Names given in full so far: their words alone are the same people. */
  mentions: NameMentions;
  lowerStartPos: number;
  pairPos: number;
  signoffPos: number;
  displayPos: number;
  /** Names found so far: their words standing again later are the same people (coreference.ts). */
  coref: Coreference | null;
}

export const newNamesPassState = (): NamesPassState => ({ capPos: 0, lowerPos: 0, questionPos: 0, scriptPos: 0, herePos: 0, csvPos: 0, csv: null, mentions: new NameMentions(), lowerStartPos: 0, pairPos: 0, signoffPos: 0, displayPos: 0, coref: null });

/** How far a name's words reach along its line. */
const MAX_LINE = 160;
/** How far after a question its answer is looked for. */
const ANSWER_REACH = 240;
const CAPITAL = /[\p{Lu}\p{Lt}]/gu;

export function namesPass(ctx: ScanContext, rules: readonly NamesRule[], st: NamesPassState, limit: number): void {
  // A gate that cannot match a short text is not run (ctx.pre, prefilter.ts).
  const pre = ctx.pre;
  const found = ctx.out.length;
  for (const r of rules) {
    const seeds = ctx.out.length;
    const f = gatesOf(pre, r);
    if (gateOpen(pre, f, 0)) st.capPos = capitalsFrom(ctx, r, st.mentions, Math.max(0, st.capPos - ctx.base), limit);
    if (r.cues.lowercaseGate && gateOpen(pre, f, 1)) st.lowerPos = lowerFrom(ctx, r, openProbe(gateProbe(r.cues.lowercaseGate), pre, f ? f[1]! : -1), Math.max(0, st.lowerPos - ctx.base), limit);
    if (r.cues.questionGate && gateOpen(pre, f, 2)) st.questionPos = questionsFrom(ctx, openProbe(gateProbe(r.cues.questionGate), pre, f ? f[2]! : -1), Math.max(0, st.questionPos - ctx.base), limit, r);
    if (gateOpen(pre, f, 8)) st.herePos = hereFrom(ctx, r, Math.max(0, st.herePos - ctx.base), limit);
    if (gateOpen(pre, f, 7)) st.lowerStartPos = lowerStartsFrom(ctx, r, Math.max(0, st.lowerStartPos - ctx.base), limit);
    if (st.csv || gateOpen(pre, f, 3)) st.csvPos = csvFrom(ctx, r, st, Math.max(0, st.csvPos - ctx.base), limit);
    if (r.scriptGate && gateOpen(pre, f, 4)) st.scriptPos = otherScriptsFrom(ctx, r, r.scriptGate, Math.max(0, st.scriptPos - ctx.base), limit);
    const signoffs = signoffGate(r);
    if (signoffs && gateOpen(pre, f, 5)) st.signoffPos = signoffsFrom(ctx, r, signoffs, Math.max(0, st.signoffPos - ctx.base), limit);
    st.displayPos = displayNamesFrom(ctx, r, Math.max(0, st.displayPos - ctx.base), limit);
    const pairs = pairGate(r);
    if (pairs && gateOpen(pre, f, 6)) st.pairPos = pairsFrom(ctx, r, pairs, Math.max(0, st.pairPos - ctx.base), limit);
    // Names joined to the names just found ("Fermin and cesar"): read from those offers.
    if (ctx.out.length > seeds && r.lex.personJoiners.size) coordinatedFrom(ctx, r, seeds);
  }
  // Later mentions of every name found, whichever step found it (made at the first name: most short texts have none).
  if (ctx.out.length > found) st.coref ??= new Coreference();
  if (st.coref) {
    st.coref.learn(ctx, rules, found);
    st.coref.scan(ctx, rules, limit);
  }
}

/**
 * The gates namesPass runs, in the order of its filters: the passes' own, then those of the passes that run
 * on every text (sign-offs, pairs, sentence starts, "here"), so a short text lacking their characters skips them.
 */
export const namesGates = (r: NamesRule) => [CAPITAL, r.cues.lowercaseGate, r.cues.questionGate, CSV_NAME_GATE, r.scriptGate, signoffGate(r), pairGate(r), LOWER_START_GATE, HERE_GATE];

/** What hereFrom looks for (it searches with indexOf): a gate for the prefilters only. */
const HERE_GATE = / here/g;

/** Every regex namesPass runs over a text (its gates, their class prefilters, the sentence-start gate), made now (scanner.ts scanRegExps). */
export function namesRegExps(r: NamesRule): RegExp[] {
  // HERE_GATE is never run (hereFrom searches with indexOf): it has no code to warm.
  const out: (RegExp | null)[] = namesGates(r).filter((g) => g !== HERE_GATE);
  // Their sticky copies, which probe the cue gates in short texts (gate-probe.ts).
  for (const g of [r.cues.lowercaseGate, r.cues.questionGate]) if (g) out.push(gateProbe(g).sticky);
  for (const g of [CAPITAL, r.scriptGate]) {
    const cg = g && classGate(g);
    if (cg) out.push(cg.sticky, cg.skip);
  }
  return out.filter((re): re is RegExp => re !== null);
}

/** How far a run of name words starting at i may reach: runs stop at a line break by themselves (they read letters, joiners, spaces and tabs only), so no scan for the line's end. */
const runLimit = (text: string, i: number) => Math.min(text.length, i + MAX_LINE);

const lineEnd = (text: string, i: number) => {
  const stop = Math.min(text.length, i + MAX_LINE);
  let e = i;
  while (e < stop && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return e;
};

/** No words (never changed): the run of a capital that opens none. */
const NO_WORDS: NameWord[] = [];

/** CAPITAL through its prefilter (class-gate.ts): the same hits. */
const CAPITAL_GATE = classGate(CAPITAL)!;

function capitalsFrom(ctx: ScanContext, r: NamesRule, mentions: NameMentions, from: number, limit: number): number {
  const text = ctx.text;
  let i = from;
  while (i < limit) {
    const hit = nextClassHit(CAPITAL_GATE, text, i);
    if (hit < 0) break;
    const s = hit - 1;
    if (s >= limit) break;
    i = s + 1;
    if (!startsWord(text, s)) continue;
    const le = runLimit(text, s);
    // The first word settles most capitals: a run of name words opens only at a name word, and with common
    // words only at a common one; any other word (a role, a label, "I": three capitals in four in care text),
    // or part of an identifier, opens neither run (readRun stops at it), so neither is read.
    const first = readWord(r.lex, text, s, le);
    const opens = first !== null && nameLike(first.kind);
    const words = opens ? readRun(r.lex, text, s, le, false) : NO_WORDS;
    // Capitalised common words join a name only after an introduction or before a word that marks a
    // name ("Name: Hương Thu Tô", "Vitória Reis called"); they are read only when they would add to it.
    const next = words.length ? words[words.length - 1]!.e : s;
    if ((opens || first?.kind === 'common') && (!words.length || (next < le && text.charCodeAt(next) === 32 && isUpper(text.charCodeAt(next + 1))))) {
      const wide = readRun(r.lex, text, s, le, false, true);
      // Acronyms are no names whatever follows them ("no PII here", "the CEO said").
      // A legal form in the run or after it names a firm ("Johns Partners reported …").
      // Common words alone need a cue before them: a word after them ("Translated from …") is not enough, and a
      // word after the run ("… said", "… and I") marks a name, not one common word alone ("Customers said").
      const named = wide.some((w) => w.kind !== 'common') || cueBefore(r.cues, text, s) !== null;
      const cut = headlineCut(r, text, wide);
      if (cut > 0) wide.length = cut;
      else if (wide.length > words.length && wide.length > 1 && signoffRunOn(r, text, s, wide[wide.length - 1]!)) wide.length--;
      if (wide.length > words.length && named && !wide.every((w) => allCapitals(text, w.s, w.e)) && introFor(r, text, s, wide[wide.length - 1]!.e, words.length > 0 || wide.length > 1) && !legalForm(r.lex, text, wide)) {
        const end = wide[wide.length - 1]!.e;
        if (offerName(ctx, r, mentions, s, end, 0.9, ['cue'])) remember(ctx, r, mentions, wide);
        i = end;
        continue;
      }
    }
    if (!words.length) {
      // A word that is no name (a role, a title, a common word): the next capital may start one, unless
      // it is a word of a name the text gave in full ("Dr. Baba Bama … Baba replied").
      const e = wordEnd(text, s, le);
      if (e - s > 1 && mentions.has(text, s, e) && nameWordAt(r, text, s, e)) offerName(ctx, r, mentions, s, e, 0.75, ['named before']);
      while (i < text.length && isLetter(text.charCodeAt(i))) i++;
      continue;
    }
    decideRun(ctx, r, words, mentions);
    i = words[words.length - 1]!.e;
  }
  return ctx.base + Math.max(i, limit);
}

/**
 * A capitalised common word, not a title, role or function word (those are never a mention); in capitals
 * only when four letters or more ("DUPONT", not an acronym such as "ANA").
 */
function nameWordAt(r: NamesRule, text: string, s: number, e: number): boolean {
  return classifyRange(r.lex, text, s, e) === 'common' && (e - s >= 4 || !allCapitals(text, s, e));
}

/** Whether the run's first word opens a sentence (line start, or after . ! ?): capitals say less there. */
function sentenceStart(text: string, s: number): boolean {
  for (let i = s - 1; i >= Math.max(0, s - 8); i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 34 || c === 42 || c === 40) continue;
    return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 62 || c === 58;
  }
  return s < 8;
}

function decideRun(ctx: ScanContext, r: NamesRule, run: NameWord[], mentions: NameMentions, ofNoun = false, honorific = false, afterFunction = false): void {
  const text = ctx.text;
  let words = run;
  const s0 = words[0]!.s;
  // "D. Macedo" in Portuguese or Spanish text: a title (Dona, Don), not an initial; the name follows it.
  if (words.length > 1 && words[0]!.kind === 'initial' && honorificAt(r, text, words[0]!, words[words.length - 1]!.e)) return decideRun(ctx, r, words.slice(1), mentions, ofNoun, true);
  // A run that opens with an introduction's words ("Bisous de Jude"): the name follows them.
  for (let j = 1; j < Math.min(words.length, 4) && words[0]!.kind !== 'strong' && introFirstWord(r, text.slice(s0, words[0]!.e).toLowerCase()); j++) {
    if (!r.cues.intro.has(text.slice(s0, words[j - 1]!.e).toLowerCase().replace(/\s+/g, ' '))) continue;
    // The phrase's own particle ("Bisous" + "de") is no part of the name either.
    let k = j;
    while (k < words.length && words[k]!.kind === 'particle') k++;
    return k < words.length ? decideRun(ctx, r, words.slice(k), mentions, ofNoun, true) : undefined;
  }
  // A place before a word that says so ("… Mardin doğumlu", "… şehrine"): no part of a name before it.
  if (words.length > 1 && r.lex.notPersons.placeAfter.has(nextLower(text, words[words.length - 1]!.e))) {
    words = words.slice(0, -1);
    while (words.length && (words[words.length - 1]!.kind === 'particle')) words = words.slice(0, -1);
    if (!words.length) return;
  }
  // A function word or a kin word opening the run is no part of it; one word left is decided alone
  // ("Als Rocco die Tür …": Rocco; "Den Brief hatte …", "A Rosa do jardim": no name).
  const first = words.length > 1 ? leadingFunctionWords(r, text, words, words[words.length - 1]!.e) : 0;
  if (first && words.length - first === 1) return decideRun(ctx, r, words.slice(first), mentions, ofNoun, false, true);
  // A headline in Title Case capitalises its verbs and nouns too: the name ends before a common word
  // after it ("How Lakshmidhar Patil Made It", "Teagan Wan Wins Ho, Ip and Chui Award").
  const cut = headlineCut(r, text, words);
  if (cut > 0) words = words.slice(0, cut);
  // A run ending in an organisation's noun is its name ("… Named Head of Almásháza School Board").
  if (words.length > 1 && orgNounEnds(r, text, words)) return;
  // In a language that capitalises nouns and writes compounds as one word, a word no list holds that ends
  // in a frequent word of the language, or inflects one, is a common word ("Mathearbeit", "Nächster").
  // The language is asked for only when a word could be such a noun (a frequent word of some language ends it).
  let lang: string | undefined;
  const langNow = () => (lang ??= languageAt(r.lex, text, s0, words[words.length - 1]!.e));
  const nounCaseNow = () => r.lex.nounCapitalising.has(langNow());
  // A particle the text's language gives no names, before one of its frequent words, is the sentence's
  // article: the name ends before it ("erbte Vivien das Haus"; not "Maria das Dores", "V. van der Meer").
  const foreign = foreignParticle(r, text, words, langNow);
  if (foreign > 0) words = words.slice(0, foreign);
  if (words.some((w) => w.kind === 'unknown' && compoundCandidate(r.lex, text, w)) && r.lex.compounding.has(langNow())) {
    const l = langNow();
    const inflecting = nounCaseNow();
    words = words.map((w) => (w.kind === 'unknown' && compoundNoun(r.lex, l, text, w, inflecting) ? { ...w, kind: 'common' as const } : w));
  }
  // A title is a word of its own that no run holds ("Mr. Smith", "Sra. Núñez"): cueBefore reads it.
  const cue = honorific ? 'intro' : cueBefore(r.cues, text, s0);
  let strong = 0;
  let weak = 0;
  let unknown = 0;
  let initials = 0;
  let nonAscii = false;
  for (const w of words) {
    if (w.kind === 'strong') strong++;
    else if (w.kind === 'weak') weak++;
    else if (w.kind === 'unknown') unknown++;
    else if (w.kind === 'initial') initials++;
    if (hasNonAscii(text, w.s, w.e)) nonAscii = true;
  }
  const names = strong + weak + unknown;
  if (!names) return;
  // A month or weekday beside a number is a date ("11 Kasım 2024", "2 Aralık 2019"), whatever the lists say.
  if (words.length === 1 && !cue && calendarDate(r, text, s0, words[0]!.e)) return;
  // "of" right after a name just found, or after an age, says where the person is from ("R. Jones of Damak", "Eleonora Cecan, 34, of Bondi").
  if (!cue && whereFrom(text, s0, mentions.lastEnd - ctx.base)) return;
  // A name that is also a word, opening a sentence alone, is that word when its language uses it often ("Damos as boas-vindas").
  // A name the lists hold as distinctive is that word only when it is a function word too ("Come visit", "Les trains").
  if (words.length === 1 && (weak === 1 || strong === 1) && !cue && anyLanguageWord(r.lex, text.slice(s0, words[0]!.e).toLowerCase()) && sentenceStart(text, s0) && !mentions.has(text, s0, words[0]!.e) && sentenceWord(r, text, s0, words[0]!.e, strong === 1)) return;
  // "Zeugenaussage von Rico Lischka", "Bulletin de Eloisa Spinka": a sentence's first noun before a particle is no part of the name.
  // Where every noun is capitalised, a word no list holds opening a sentence before a particle is a noun
  // ("Zahlung von Heydemüller über …"; a given name before "von" is one the lists hold).
  const lead = leadingNoun(r.lex, text, words);
  if (lead > 0) return decideRun(ctx, r, words.slice(lead), mentions, words[lead - 1]!.kind === 'particle');
  // Inside a sentence the noun is an object ("verlangt Schadensersatz von der …"): what follows it stands on its own words.
  const noun = nounBeforeParticle(text, words, s0, nounCaseNow);
  if (noun > 0) return decideRun(ctx, r, words.slice(noun), mentions, sentenceStart(text, s0));
  let end = words[words.length - 1]!.e;
  const cueIntro = cue === 'intro' || (cue === 'signoff' && endsLine(text, end));
  const intro = cueIntro || afterCue(r, text, end);
  // After an introduction, a capitalised surname that is also a common word stays with the name
  // ("ich heiße Jürgen Groß", "my name is Anna Long").
  if (intro) end = extendWithCommon(r, text, end, 3 - words.length, s0);
  const soft = !intro && cue === 'soft';
  // "MOREAU, Quentin", "Kohrt, Selma": the family name before a comma, the given names after it.
  const family = intro ? -1 : invertedFamilyStart(r.lex, text, words, end, mentions.lastEnd - ctx.base);
  if (family >= 0) {
    offerName(ctx, r, mentions, family, end, 0.75, ['family name first']);
    return;
  }
  let confidence = 0;
  // A name alone in a person's slot: set off by commas, it is no organisation's listed name.
  const lone = words.length === 1 && names === 1 ? loneName(r.lex, text, words[0]!) : 0;
  // Joined by "and" to a name just found, a name word is the second person named ("Miss Rogahn and Marquis").
  const coordinated = !intro && words.length <= 3 && joinedToName(r, text, s0, mentions.lastEnd - ctx.base) && joinedNameRun(r, text, words);
  if (intro) confidence = 0.9;
  else if (coordinated) confidence = 0.7;
  else if (soft && (strong || names + initials >= 2)) confidence = 0.85;
  // A listed name that is also a word somewhere, after a soft cue ("her partner Cindy"), when it is no
  // organisation's ("for Tong, Mok and Wang"), a place's ("from Peru") nor a title's first word ("for Remark of the…").
  else if (soft && weak === 1 && words.length === 1 && listedName(r.lex, text, words[0]!) && !organisation(r, text, s0, end, 1) && !placeBefore(r, text, s0) && !/^ of /i.test(text.slice(end, end + 4))) confidence = 0.8;
  // A word no list holds, written as a name, after a soft cue inside a sentence and before a lower-case word
  // ("stayed with Tomiloba for a week", "her partner Ladarius and two cats"): a person, unless a place or firm.
  else if (soft && unknown === 1 && words.length === 1 && listedOrUnknown(r.lex, text, words[0]!) && nameShaped(text, words[0]!) && !sentenceStart(text, s0) && lowerAround(r.lex, text, s0, end) && !organisation(r, text, s0, end, 1) && !placeBefore(r, text, s0) && !/^ of /i.test(text.slice(end, end + 4))) confidence = 0.6;
  else if (strong && names + initials >= 2) confidence = 0.8;
  // Without a cue one listed word is not enough (Ford, Chase, Luhn are brands and terms too); two are, and
  // so are unlisted words with letters outside ASCII beside an initial or another name word.
  else if (names + initials >= 2 && (unknown || weak) && (nonAscii || initials)) confidence = 0.65;
  // One distinctive name inside a sentence, between lower-case words ("asked Priya to call"): a name; at a
  // sentence's start, or beside other capitalised words (titles, brands: "Chase Sapphire"), it is not.
  else if (strong === 1 && words.length === 1 && !sentenceStart(text, s0) && lowerAround(r.lex, text, s0, end, afterFunction)) confidence = 0.6;
  // Not where every noun is capitalised (German): there a word no list holds is most often a noun.
  else if (unknown === 1 && words.length === 1 && nonAscii && !sentenceStart(text, s0) && nameShaped(text, words[0]!) && (soft || afterFunction || !nounCaseNow())) confidence = 0.6;
  // A listed given name beside a double-barrelled surname no list holds ("Malcolm Safo-Owusu", "Ann O'Hare").
  else if (weak === 1 && unknown === 1 && words.length === 2 && words[0]!.kind === 'weak' && joined(text, words[1]!)) confidence = 0.6;
  // A message signed after an exclamation, the name ending it ("Passez nous voir ! Godfrey").
  else if (words.length === 1 && names === 1 && exclaimedBefore(text, s0) && endsLine(text, end) && listedOrUnknown(r.lex, text, words[0]!) && nameShaped(text, words[0]!)) confidence = 0.6;
  // A note signed with a dash ("-Zara", "- Faye (T1)" at the end of a CRM line).
  else if (names === words.length && words.length <= 2 && (strong || unknown || weak) && dashSigned(text, s0, end)) confidence = 0.6;
  else if (words.length === 2 && names === 2) confidence = pairName(r.lex, text, words);
  // One name word alone: a word of a name the text gave in full before, or a name in a person's slot.
  else if (words.length === 1 && names === 1) confidence = mentions.has(text, s0, end) ? 0.75 : lone;
  // The name a noun and a particle lead to ("Besos de María", "Groetjes van Joe"): whose letter, report, garden.
  if (!confidence && ofNoun) confidence = 0.6;
  if (!confidence) return;
  // Without a cue or a title, capitalised words after a place word ("born in Kimberley", "nascida em
  // Moreira do Descoberto") are a place, and names listed with '&', ',', '-' or 'and' beside other
  // capitalised words, or before a company form ("Smyth - Johnston", "Roussel et Gautier", "Swift Pty"),
  // are an organisation.
  // A word after the run ("… reported", "… confirmed") marks firms too ("Banerjee Group reported"): only a cue before it, or a title, outweighs them.
  if (!cueIntro && !titled(r, text, s0) && !coordinated && ((!intro && cue !== 'soft' && ((words.length === 1 && placeBefore(r, text, s0) && !ownerBefore(text, end)) || (!lone && organisation(r, text, s0, end, words.length)))) || notAPerson(r.lex, text, s0, end, words, cue === 'soft', words.some((w) => mentions.has(text, w.s, w.e))))) return;
  // A function word of the text's language ending the run, the sentence going on in lower case after it, is
  // no part of it ("Liebe Grüße von Arta Bin spät dran", "Kram från Ann Jag är sen"; not "V. van der Meer").
  let last = words.length;
  if (last - first > 1 && end === words[last - 1]!.e && words[last - 2]!.kind !== 'particle' && words[last - 2]!.kind !== 'initial' && text.charCodeAt(end) === 32 && isLower(text.charCodeAt(end + 1)) && (trailingFunctionWord(r, text, words[last - 1]!, s0, end) || signoffRunOn(r, text, words[first]!.s, words[last - 1]!))) {
    last--;
    end = words[last - 1]!.e;
  }
  if (offerName(ctx, r, mentions, words[first]!.s, end, confidence, intro ? ['cue'] : soft ? ['soft cue'] : ['name lists'])) remember(ctx, r, mentions, words.slice(first, last));
}

/**
 * Where a name ends in a headline's run of capitalised words: at its first common word after two name
 * words (not after a particle: "Vienna de Lange"), when the line is in Title Case or a capitalised word
 * that is no name follows that word ("… Made It …"; not "Germán V. Cadena Echevarría"). -1 when it does not.
 */
function headlineCut(r: NamesRule, text: string, words: readonly NameWord[]): number {
  if (words.length < 3) return -1;
  let title: boolean | undefined;
  let headline: boolean | undefined;
  let firm: boolean | undefined;
  let intro: boolean | undefined;
  for (let k = 2; k < words.length; k++) {
    const w = words[k]!;
    const prev = words[k - 1]!;
    if ((w.kind !== 'weak' && w.kind !== 'common') || prev.kind === 'particle' || (prev.e - prev.s <= 3 && r.lex.particles.has(text.slice(prev.s, prev.e).toLowerCase()))) continue;
    const key = text.slice(w.s, w.e).toLowerCase();
    if (!r.lex.commonWords.has(key) || r.lex.wordNames.has(key)) continue;
    // A name word after it keeps it ("Germán V. Cadena Echevarría"), unless the line is a headline of common
    // words in Title Case and two name words stand before it ("Morgane Marchand Wins McLaughlin - Homenick Award").
    const nameAfter = words.slice(k + 1).some((x) => x.kind === 'strong' || x.kind === 'unknown');
    if (nameAfter && !(names(words, k) >= 2 && (headline ??= headlineSentence(r, text, words[0]!.s, words[words.length - 1]!.e)))) continue;
    // A legal form makes the run a firm's.
    if ((firm ??= legalForm(r.lex, text, words))) return -1;
    // After a title or an introduction a name is expected ("Prof. Moreno Di Bella"), unless the line is a
    // headline in Title Case ("Local Teacher Steven Asiama-Opuku Named Head of …").
    if ((intro ??= cueBefore(r.cues, text, words[0]!.s) === 'intro')) {
      if (nameAfter || (headline ??= headlineSentence(r, text, words[0]!.s, words[words.length - 1]!.e))) return k;
      return -1;
    }
    if (nameAfter) return k;
    if (text.charCodeAt(w.e) === 32 && isUpper(text.charCodeAt(w.e + 1))) {
      const nx = wordEnd(text, w.e + 1);
      const kind = classifyRange(r.lex, text, w.e + 1, nx);
      if (kind === 'common' || kind === 'not') return k;
    }
    if ((title ??= titleCaseLine(r, text, words[0]!.s) || (headline ??= headlineSentence(r, text, words[0]!.s, words[words.length - 1]!.e)))) return k;
  }
  return -1;
}

/**
 * The index of the first particle of the run that no name of the text's language holds (nameParticles),
 * before a word no list holds as a distinctive name that is a frequent word of that language; -1 when none,
 * or when the language has no list of particles.
 */
function foreignParticle(r: NamesRule, text: string, words: readonly NameWord[], lang: () => string): number {
  if (!r.lex.nameParticles.size) return -1;
  for (let j = 1; j < words.length - 1; j++) {
    if (words[j]!.kind !== 'particle' || words[j - 1]!.kind === 'particle') continue;
    let m = j;
    while (m < words.length && words[m]!.kind === 'particle') m++;
    if (m >= words.length) return -1;
    const n = words[m]!;
    if (n.kind === 'strong' || n.kind === 'initial') continue;
    const l = lang();
    const own = r.lex.nameParticles.get(l);
    if (!own) return -1;
    let foreign = false;
    for (let q = j; q < m; q++) if (!own.has(text.slice(words[q]!.s, words[q]!.e).toLowerCase())) foreign = true;
    if (foreign && wordOf(r.lex, l, text, n.s, n.e)) return j;
  }
  return -1;
}

/**
 * The index of the first name word after a particle, when the run opens a sentence, or follows a lower-case
 * word, with a word no list holds and a particle, in a language that capitalises nouns ("Zahlung von …",
 * "verlangt Schadensersatz von der …"); else 0.
 */
function nounBeforeParticle(text: string, words: readonly NameWord[], s0: number, nounCase: () => boolean): number {
  if (words.length < 3 || words[0]!.kind !== 'unknown' || words[1]!.kind !== 'particle') return 0;
  let k = 1;
  while (k < words.length && words[k]!.kind === 'particle') k++;
  if (k >= words.length || !(sentenceStart(text, s0) || lowerBefore(text, s0)) || !nounCase()) return 0;
  return k;
}

/** The word right before s (one space apart, same line) starts in lower case ("verlangt Schadensersatz …"). */
function lowerBefore(text: string, s: number): boolean {
  if (text.charCodeAt(s - 1) !== 32) return false;
  let b = s - 1;
  while (b > 0 && s - 1 - b < 24 && isLetter(text.charCodeAt(b - 1))) b--;
  return b < s - 1 && isLower(text.charCodeAt(b));
}

/** The run's last word is an organisation's noun of the lists (School, Bank, Hotel), no distinctive name. */
function orgNounEnds(r: NamesRule, text: string, words: readonly NameWord[]): boolean {
  const w = words[words.length - 1]!;
  return w.kind !== 'strong' && w.e - w.s >= 3 && r.lex.notPersons.organisationWords.has(text.slice(w.s, w.e).toLowerCase());
}

/**
 * A message signed on the line of its sign-off ("Liebe Grüße von", "Bisous de") often runs on without a
 * period: the run's last word no name list holds, the sentence going on in lower case after it, opens the
 * next sentence ("Liebe Grüße von Marc Hoffnung allein ist kein Plan", "Bisous de Gondebaud Nouvelle adresse").
 */
function signoffRunOn(r: NamesRule, text: string, s: number, w: NameWord): boolean {
  if (w.kind !== 'common' || text.charCodeAt(w.e) !== 32 || !isLower(text.charCodeAt(w.e + 1))) return false;
  const before = wordBefore(text, s);
  if (before === '' || !r.lex.signoffPrepositions.has(before)) return false;
  // A function word after it goes on with the signature ("Liebe Grüße von Jürgen Groß aus Berlin").
  const n = wordEnd(text, w.e + 1);
  return !anyFunctionWord(r.lex, text.slice(w.e + 1, n).toLowerCase());
}

/** How many of the first k words are name words (not initials, particles or common words). */
function names(words: readonly NameWord[], k: number): number {
  let n = 0;
  for (let j = 0; j < k; j++) if (words[j]!.kind === 'strong' || words[j]!.kind === 'weak' || words[j]!.kind === 'unknown') n++;
  return n;
}

/**
 * The sentence holding s is a headline in Title Case: from its start (a line's, or after . ! ?) to its end
 * or the first lower-case word of four letters or more after s (a headline often runs into the next sentence
 * without a period), three common words of four letters or more at least outside the run, every one capitalised ("Local Teacher …
 * Named Head of … School Board"). A sentence, not the line: a line of credits is mostly names ("Fotografía:
 * M.Rosas Munguía. Diseño: Germán V. Cadena Echevarría").
 */
function headlineSentence(r: NamesRule, text: string, s: number, runEnd: number): boolean {
  let a = s;
  while (a > 0 && s - a < MAX_BACK / 2) {
    const c = text.charCodeAt(a - 1);
    if (c === 10 || c === 13) break;
    if ((c === 32 || c === 9) && a >= 2) {
      let q = a - 2;
      // A closing quote or bracket after the sentence's end ('… Tari." Local Teacher …').
      if (q > 0 && (text.charCodeAt(q) === 34 || text.charCodeAt(q) === 0x201d || text.charCodeAt(q) === 41)) q--;
      const p = text.charCodeAt(q);
      if (p === 46 || p === 33 || p === 63) break;
    }
    a--;
  }
  const stop = Math.min(text.length, s + MAX_LINE);
  let long = 0;
  for (let i = a; i < stop; ) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    // The sentence's end after s (not an initial's period: "Josefin A. Blom. Cover design …").
    if ((c === 46 || c === 33 || c === 63) && i > s && (i + 1 >= stop || text.charCodeAt(i + 1) === 32) && !(c === 46 && isUpper(text.charCodeAt(i - 1)) && !isLetter(text.charCodeAt(i - 2)))) break;
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const e = wordEnd(text, i, stop);
    if (e - i >= 4) {
      if (isLower(c)) {
        if (i > s) break;
        return false;
      }
      // The run's own words say nothing of the line ("Illustrations by Maja S Blom": Maja and Blom are words too).
      const k = i >= s && i < runEnd ? 'name' : classifyRange(r.lex, text, i, e);
      if (k === 'common' || k === 'not' || (k === 'weak' && r.lex.commonWords.has(text.slice(i, e).toLowerCase()))) long++;
    }
    i = Math.max(e, i + 1);
  }
  return long >= 3;
}

/**
 * The line holding s is written in Title Case: three common words of four letters or more at least, and
 * nearly all of them capitalised (a headline), so capitals there say nothing of names.
 */
function titleCaseLine(r: NamesRule, text: string, s: number): boolean {
  let a = s;
  while (a > 0 && s - a < MAX_BACK / 2 && text.charCodeAt(a - 1) !== 10) a--;
  const b = lineEnd(text, s);
  let long = 0;
  let capital = 0;
  for (let i = a; i < b; ) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const e = wordEnd(text, i, b);
    // Common words only: a line of credits is mostly names ("Diseño: José Eduardo Olivo Cadena").
    if (e - i >= 4) {
      const k = classifyRange(r.lex, text, i, e);
      if (k === 'common' || k === 'not' || (k === 'weak' && r.lex.commonWords.has(text.slice(i, e).toLowerCase()))) {
        long++;
        if (isUpper(text.charCodeAt(i))) capital++;
      }
    }
    i = Math.max(e, i + 1);
  }
  return long >= 3 && capital >= long - 1 && capital >= 0.85 * long;
}

/** Whether any language's frequent words end the word or inflect into it (compoundNoun's test, for all languages at once). */
function compoundCandidate(lex: NameLexicon, text: string, w: NameWord): boolean {
  if (w.e - w.s < 6) return false;
  const word = text.slice(w.s, w.e).toLowerCase();
  if (anyLanguageWord(lex, word.slice(0, -1)) || anyLanguageWord(lex, word.slice(0, -2))) return true;
  for (let k = COMPOUND_HEAD; k <= word.length - COMPOUND_TAIL; k++) if (anyLanguageWord(lex, word.slice(k))) return true;
  return false;
}

/** Shortest head and tail of a compound noun. */
const COMPOUND_HEAD = 3;
const COMPOUND_TAIL = 5;

/**
 * A word that ends in one of the language's frequent words of five letters or more after three or more
 * letters ("Mathe|arbeit"), or (when `inflecting`) one of them with one or two letters of an ending more ("Nächster").
 */
function compoundNoun(lex: NameLexicon, lang: string, text: string, w: NameWord, inflecting: boolean): boolean {
  const ranks = lex.languageWords.get(lang);
  if (!ranks) return false;
  const word = text.slice(w.s, w.e).toLowerCase();
  // Where nouns and adjectives are capitalised alike (German), an inflected form of a frequent word: one or
  // two letters more ("Nächster" of "nächste"); elsewhere a given name may look so ("Merete", "mere").
  if (inflecting && word.length >= 6 && (ranks.has(word.slice(0, -1)) || ranks.has(word.slice(0, -2)))) return true;
  if (w.e - w.s < COMPOUND_HEAD + COMPOUND_TAIL) return false;
  for (let k = COMPOUND_HEAD; k <= word.length - COMPOUND_TAIL; k++) if (ranks.has(word.slice(k))) return true;
  return false;
}

/** A month or weekday name of the calendar locales (CLDR) with a number right before or after it. */
function calendarDate(r: NamesRule, text: string, s: number, e: number): boolean {
  if (!r.lex.calendarWords.size) return false;
  const digit = (c: number) => c >= 48 && c <= 57;
  let b = s - 1;
  while (b >= 0 && s - b <= 2 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 46)) b--;
  let a = e;
  if (text.charCodeAt(a) === 46) a++;
  while (a < text.length && a - e <= 2 && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 44)) a++;
  if (!((b >= 0 && b < s - 1 && digit(text.charCodeAt(b))) || (a > e && digit(text.charCodeAt(a))))) return false;
  return r.lex.calendarWords.has(text.slice(s, e).toLowerCase().normalize('NFC'));
}

const introFirst = new WeakMap<NamesRule, Set<string>>();
/** Whether some introduction phrase starts with this lower-case word. */
function introFirstWord(r: NamesRule, word: string): boolean {
  let set = introFirst.get(r);
  if (!set) introFirst.set(r, (set = new Set([...r.cues.intro].map((p) => p.split(' ')[0]!))));
  return set.has(word);
}

/** The lower-case word one space after e, or ''. */
function nextLower(text: string, e: number): string {
  if (text.charCodeAt(e) !== 32) return '';
  const n = wordEnd(text, e + 1);
  return text.slice(e + 1, n).toLowerCase();
}

/**
 * The word at a sentence's start is a frequent word of the text's language; a distinctive name only when it is
 * also some language's function word ("Come" is Italian "how"; "John" is frequent in English subtitles, as a name).
 */
function sentenceWord(r: NamesRule, text: string, s: number, e: number, strong: boolean): boolean {
  if (strong && !anyFunctionWord(r.lex, text.slice(s, e).toLowerCase())) return false;
  return wordOf(r.lex, languageAt(r.lex, text, s, e), text, s, e);
}

/** A listed word that is also a common word, one of the text's language's function words ("Bin", "Jag"; not Will, May). */
function trailingFunctionWord(r: NamesRule, text: string, w: NameWord, s: number, e: number): boolean {
  if (w.kind !== 'weak' && w.kind !== 'common') return false;
  const key = text.slice(w.s, w.e).toLowerCase();
  if (r.lex.wordNames.has(key) || !anyFunctionWord(r.lex, key)) return false;
  return frequentIn(r.lex, languageAt(r.lex, text, s, e), text, w.s, w.e);
}

/** An initial with its period that the text's language writes as a title ("D." in Portuguese and Spanish: `honorifics`). */
function honorificAt(r: NamesRule, text: string, w: NameWord, end: number): boolean {
  if (!r.lex.honorifics.size || text.charCodeAt(w.e - 1) !== 46) return false;
  // Not a letter after a number ("3º D. Titular" is a flat's door).
  let b = w.s - 1;
  while (b >= 0 && text.charCodeAt(b) === 32) b--;
  const p = b >= 0 ? text.charCodeAt(b) : 10;
  if ((p >= 48 && p <= 57) || p === 0xba || p === 0xaa) return false;
  const key = text.slice(w.s, w.e - 1).toLowerCase();
  let any = false;
  for (const set of r.lex.honorifics.values()) if (set.has(key)) any = true;
  // Where the words do not tell the language (Portuguese and Galician share most of theirs), a title of some
  // language too: an initial left out of the span it opens leaves one letter, which names nobody.
  const lang = any ? languageAt(r.lex, text, w.s, end) : '';
  return any && (lang === '' || r.lex.honorifics.get(lang)?.has(key) === true);
}

/**
 * How many words at the run's start are function words of the text's language (language.ts), not parts of
 * the name: a sentence's first word ("Als Rocco die Tür öffnete", "Tra Leontina Cassano e …", "Come visit,
 * Mugur"), or a one-letter word written without a period that the language has as a word, not an initial
 * ("A Ionne Pascali è piaciuto"). A listed given name (Ben, Will) stays, and a name word must remain.
 */
function leadingFunctionWords(r: NamesRule, text: string, words: readonly NameWord[], end: number): number {
  const w = words[0]!;
  const letter = w.kind === 'initial' && w.e - w.s === 1;
  if (!letter && w.kind !== 'weak' && w.kind !== 'common' && w.kind !== 'unknown') return 0;
  if (!words.slice(1).some((x) => x.kind === 'strong' || x.kind === 'weak' || x.kind === 'unknown')) return 0;
  // A particle after it makes it a given name ("Job de Lange").
  if (words[1]!.kind === 'particle') return 0;
  const key = text.slice(w.s, w.e).toLowerCase();
  if (r.lex.wordNames.has(key)) return 0;
  // A kin or role word of the soft cues ("mein Bruder Ömer", "Tochter Cora").
  if (!letter && r.cues.soft.has(key)) return 1;
  if (!letter && !sentenceStart(text, w.s)) return 0;
  const opensLine = lineStart(text, w.s);
  if (w.kind === 'unknown' || opensLine ? !anyLanguageWord(r.lex, key) : !anyFunctionWord(r.lex, key)) return 0;
  const lang = languageAt(r.lex, text, w.s, end);
  // A word no name list holds is any frequent word of the language ("Mellem Mathis og …", "Eure Keno").
  if (w.kind === 'unknown') return wordOf(r.lex, lang, text, w.s, w.e) ? 1 : 0;
  // Opening a line, any frequent word of the language ("Mellan Agneta Sjögren och …", "Eure Ariane" closing a letter).
  return frequentIn(r.lex, lang, text, w.s, w.e) || (opensLine && wordOf(r.lex, lang, text, w.s, w.e)) ? 1 : 0;
}

/** " of " right before s, and right before it the end of the name offered last or an age set off by commas (", 34,"). */
function whereFrom(text: string, s: number, lastEnd: number): boolean {
  if (s < 5 || text.charCodeAt(s - 1) !== 32 || text.charCodeAt(s - 2) !== 102 || text.charCodeAt(s - 3) !== 111 || text.charCodeAt(s - 4) !== 32) return false;
  const b = s - 4;
  if (lastEnd === b) return true;
  // ", 34, of": digits between a comma and a space and a comma right before " of".
  if (text.charCodeAt(b - 1) !== 44) return false;
  let k = b - 2;
  while (k >= 0 && b - 1 - k <= 3 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k--;
  return k < b - 2 && text.charCodeAt(k) === 32 && text.charCodeAt(k - 1) === 44;
}

/** Whether s opens its line (spaces and tabs allowed before it). */
function lineStart(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/** Offers a name the capitals pass found, and remembers where it ends (a name joined to it by "and" is a person too). */
function offerName(ctx: ScanContext, r: NamesRule, mentions: NameMentions, s: number, e: number, confidence: number, evidence: string[]): boolean {
  // A possessive's clitic is no part of the name ("Radha's place": the name is Radha).
  if (!offerScored(ctx, r.rule, s, ownerBefore(ctx.text, e) ? e - 2 : e, confidence, evidence)) return false;
  mentions.lastEnd = ctx.base + e;
  return true;
}

/**
 * Whether the run at s is joined to the name the capitals pass offered last by a conjunction or '&'
 * ("Mrs. Olivier and Shilpa", "Chers Solange et Gaspar", "Kazkatun ve Zeliha"): two people named together.
 */
function joinedToName(r: NamesRule, text: string, s: number, lastEnd: number): boolean {
  if (lastEnd < 0 || lastEnd >= s || s - lastEnd > 8) return false;
  let i = lastEnd;
  if (text.charCodeAt(i) !== 32) return false;
  i++;
  const b = i;
  while (i < s && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 38)) i++;
  if (b === i || text.charCodeAt(i) !== 32 || i + 1 !== s) return false;
  return r.lex.orgJoiners.has(text.slice(b, i).toLowerCase());
}

/** Remembers a full name just offered, and offers its words standing alone shortly before it. */
function remember(ctx: ScanContext, r: NamesRule, mentions: NameMentions, words: readonly NameWord[]): void {
  mentions.add(ctx.text, words);
  // Within MAX_BACK of the hit a stream has not yet placed its findings (limits.ts): earlier words of
  // this name are found as one pass finds them.
  for (const [s, e] of mentions.before(r.lex, ctx.text, words, words[0]!.s - MAX_BACK + 1)) offerScored(ctx, r.rule, s, e, 0.75, ['named after']);
}

/**
 * A run that may be the second of two people named together: a distinctive name, a listed name no word
 * list holds, a name-shaped word no list holds, or two name words; not "Sons", "Co", a country.
 */
function joinedNameRun(r: NamesRule, text: string, words: readonly NameWord[]): boolean {
  let names = 0;
  let good = false;
  for (const w of words) {
    if (w.kind === 'strong' || w.kind === 'weak' || w.kind === 'unknown') names++;
    else if (w.kind !== 'initial' && w.kind !== 'particle') return false;
    if (w.kind === 'strong' || ((w.kind === 'weak' || w.kind === 'unknown') && listedOrUnknown(r.lex, text, w) && nameShaped(text, w))) good = true;
  }
  return names > 0 && (good || names >= 2);
}

/** An exclamation mark right before s, one or two spaces apart ("Kommt vorbei! Talea"). */
function exclaimedBefore(text: string, s: number): boolean {
  let b = s - 1;
  if (text.charCodeAt(b) !== 32) return false;
  if (text.charCodeAt(b - 1) === 32) b--;
  return text.charCodeAt(b - 1) === 33;
}

/**
 * A dash right before s (at a line's start or after a space) and nothing after e on its line but a
 * parenthesised tier or team ("(T1)"): an agent's signature under a CRM note.
 */
function dashSigned(text: string, s: number, e: number): boolean {
  let b = s - 1;
  if (text.charCodeAt(b) === 32) b--;
  if (text.charCodeAt(b) !== 45) return false;
  const p = b > 0 ? text.charCodeAt(b - 1) : 10;
  if (p !== 10 && p !== 32 && p !== 13) return false;
  let a = e;
  while (a < text.length && text.charCodeAt(a) === 32) a++;
  if (text.charCodeAt(a) === 40) {
    const close = text.indexOf(')', a);
    if (close < 0 || close - a > 8) return false;
    a = close + 1;
    while (a < text.length && text.charCodeAt(a) === 32) a++;
  }
  return a >= text.length || text.charCodeAt(a) === 10 || text.charCodeAt(a) === 13;
}

/** A capitalised word with a capitalised part after a hyphen or apostrophe inside it (Safo-Owusu, O'Hare). */
function joined(text: string, w: NameWord): boolean {
  for (let i = w.s + 1; i < w.e - 1; i++) if (isJoiner(text.charCodeAt(i)) && isUpper(text.charCodeAt(i + 1))) return isUpper(text.charCodeAt(w.s));
  return false;
}

/** A word written in capitals only (an acronym such as PII or CEO). */
function allCapitals(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isLower(text.charCodeAt(i))) return false;
  return true;
}

/** The word right before s (one space apart, same line), lower-cased, or ''. */
function wordBefore(text: string, s: number): string {
  let e = s;
  while (e > 0 && s - e < 2 && text.charCodeAt(e - 1) === 32) e--;
  if (e === s) return '';
  let b = e;
  while (b > 0 && e - b < 16 && isLetter(text.charCodeAt(b - 1))) b--;
  return b < e ? text.slice(b, e).toLowerCase() : '';
}

/** A title right before s ("Mr. Smith", "Frau Weber"). */
function titled(r: NamesRule, text: string, s: number): boolean {
  let e = s;
  while (e > 0 && s - e < 2 && text.charCodeAt(e - 1) === 32) e--;
  if (text.charCodeAt(e - 1) === 46) e--;
  let b = e;
  while (b > 0 && e - b < 12 && isLetter(text.charCodeAt(b - 1))) b--;
  return b < e && r.lex.titles.has(text.slice(b, e).toLowerCase());
}

/** A possessive name before a lower-case noun ("at Monserrat's cabin"): whose place, not a place. */
function ownerBefore(text: string, e: number): boolean {
  const c = text.charCodeAt(e - 2);
  return (c === 39 || c === 0x2019) && text.charCodeAt(e - 1) === 115 && text.charCodeAt(e) === 32 && isLower(text.charCodeAt(e + 1));
}

function placeBefore(r: NamesRule, text: string, s: number): boolean {
  const w = wordBefore(text, s);
  return w !== '' && r.lex.placeWords.has(w);
}

/**
 * A run that is part of an organisation's name: a company form after it, or (for one or two words) a
 * joiner ('&', ',', '-', 'and', 'et', 'y', 'und'…) between it and another capitalised word.
 */
function organisation(r: NamesRule, text: string, s: number, e: number, count: number): boolean {
  if (count > 1) return false;
  const joinerAfter = joinerAt(r, text, e, 1);
  const joinerBefore = joinerAt(r, text, s, -1);
  return joinerAfter || joinerBefore;
}

/** A joiner of names in an organisation, then a capitalised word, after e (dir 1) or before s (dir -1). */
function joinerAt(r: NamesRule, text: string, at: number, dir: 1 | -1): boolean {
  let i = dir > 0 ? at : at - 1;
  const step = (k: number) => (i += dir * k);
  while (i >= 0 && i < text.length && text.charCodeAt(i) === 32) step(1);
  const c = text.charCodeAt(i);
  let joined = false;
  // A dash joins only with spaces around it ("Smyth - Johnston"); "-Zara" signs a note.
  if ((c === 45 || c === 0x2013) && i === (dir > 0 ? at : at - 1)) return false;
  if (c === 38 || c === 44 || c === 45 || c === 0x2013) {
    joined = true;
    step(1);
  } else {
    // a conjunction word
    let j = i;
    while (j >= 0 && j < text.length && Math.abs(j - i) < 5 && isLetter(text.charCodeAt(j))) j += dir;
    if (j === i) return false;
    const w = (dir > 0 ? text.slice(i, j) : text.slice(j + 1, i + 1)).toLowerCase();
    if (!r.lex.orgJoiners.has(w)) return false;
    joined = true;
    i = j;
  }
  if (!joined) return false;
  while (i >= 0 && i < text.length && text.charCodeAt(i) === 32) step(1);
  if (dir > 0) return isUpper(text.charCodeAt(i));
  // before: the word before the joiner starts with a capital
  let b = i;
  while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
  return b <= i && isUpper(text.charCodeAt(b)) && b < i + 1 && isLetter(text.charCodeAt(i));
}

/** The words before s and after e on the line start in lower case (or there is none after). */
function lowerAround(lex: NameLexicon, text: string, s: number, e: number, afterFunction = false): boolean {
  let b = s - 1;
  while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 44)) b--;
  // The word before starts in lower case ("asked Priya"), not only ends so ("Lake Ellen"), or is a
  // capitalised function word opening its sentence ("When Teagan opened", "Toen Nola").
  const pe = b + 1;
  while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
  if (b < 0) return false;
  if (!isLower(text.charCodeAt(b)) && !afterFunction) {
    if (!isUpper(text.charCodeAt(b)) || !sentenceStart(text, b)) return false;
    const k = classifyRange(lex, text, b, pe);
    if (k !== 'not' && k !== 'common') return false;
  }
  let a = e;
  while (a < text.length && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 44)) a++;
  return a >= text.length || !isUpper(text.charCodeAt(a));
}

/** A capital and at least two lower-case letters: a word written as a name ("Ludmiła", not "Ự" or "ĐT"). */
function nameShaped(text: string, w: NameWord): boolean {
  let lower = 0;
  for (let i = w.s + 1; i < w.e; i++) if (isLower(text.charCodeAt(i))) lower++;
  return lower >= 2;
}

/** An introduction before s, a sign-off on the line before (the name ending its line), or a marking word after e (when markedAfter). */
function introFor(r: NamesRule, text: string, s: number, e: number, markedAfter = true): boolean {
  const cue = cueBefore(r.cues, text, s);
  return cue === 'intro' || (cue === 'signoff' && endsLine(text, e)) || (markedAfter && afterCue(r, text, e));
}

function extendWithCommon(r: NamesRule, text: string, end: number, room: number, s0: number): number {
  for (let k = 0; k < room; k++) {
    const n = end + 1;
    if (text.charCodeAt(end) !== 32 || !isUpper(text.charCodeAt(n))) break;
    const w = readRun(r.lex, text, n, runLimit(text, n), false);
    if (w.length) break;
    const e = wordEnd(text, n, runLimit(text, n));
    if (classifyRange(r.lex, text, n, e) !== 'common') break;
    // Not into a headline's capitalised words ("Teacher Jaiden Hartmann Named Head of …").
    if (text.charCodeAt(e) === 32 && isUpper(text.charCodeAt(e + 1))) break;
    // Nor into the next sentence of a message signed on its sign-off's line ("Liebe Grüße von Marc Hoffnung allein …").
    if (signoffRunOn(r, text, s0, { s: n, e, kind: 'common' })) break;
    end = e;
  }
  return end;
}

/** A word after the run that marks it as a name ("… calling", "… speaking") or an e-mail address after it. */
function afterCue(r: NamesRule, text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  // Only a space, a tab, a quote or '<' can start what marks a name: most runs end at other characters.
  if (c !== 32 && c !== 9 && c !== 34 && c !== 60) return false;
  if (displayName(text, end)) return true;
  const re = r.cues.after;
  if (!re) return false;
  re.lastIndex = end;
  return re.test(text);
}

/** An e-mail address in angle brackets after the name ("Maria Lopez <maria@…>"), within 24 characters. */
function displayName(text: string, end: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 34) i++;
  for (let n = 0; n < 2 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9); n++) i++;
  if (text.charCodeAt(i) !== 60) return false;
  const stop = Math.min(text.length, end + 24);
  for (let j = i + 1; j < stop; j++) {
    const c = text.charCodeAt(j);
    if (c === 64) return j > i + 1;
    if (c === 62 || c === 32 || c === 9 || c === 10 || c === 13) return false;
  }
  return false;
}

function lowerFrom(ctx: ScanContext, r: NamesRule, gate: GateProbe, from: number, limit: number): number {
  const text = ctx.text;
  let i = from;
  while (i < limit) {
    const m = execFrom(gate, text, i);
    if (!m || m.index >= limit) break;
    let e = m.index + m[0].length;
    i = Math.max(e, m.index + 1);
    // The phrase ends a word ("hi" is no cue inside "his"), and a lower-case word follows it.
    if (isLetter(text.charCodeAt(m.index + m[1]!.length))) continue;
    if (!isLetter(text.charCodeAt(e))) continue;
    const cueKey = m[1]!.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
    // Capitals are the capitals pass's, but for the person addressed ("tell Gayatri to start").
    if (isUpper(text.charCodeAt(e))) {
      if (r.cues.lowercaseWeak.has(cueKey) && m[0].indexOf('.', m[1]!.length) < 0) addressedAt(ctx, r, e);
      continue;
    }
    // A title written as one, with a capital ("Mr. kertzmann", "Frau graf"), takes a name in any case: a
    // word no list holds as a common word is enough. A period after the phrase is a title's only.
    const titleCue = r.lex.titles.has(cueKey) && isUpper(text.charCodeAt(m.index)) && !capitalisedWordBefore(text, m.index);
    if (!titleCue && m[0].indexOf('.', m[1]!.length) >= 0) continue;
    // A title no cue list holds is a cue only written as one ("Mme baldé"; not "pan" or "dona" in a sentence).
    const titleOnly = r.cues.lowercaseTitles.has(cueKey);
    // Written as a title, not as an acronym or a code ("$MX à", "BC, reclama").
    if (titleOnly && !(titleCue && isLower(text.charCodeAt(m.index + 1)))) continue;
    let words = readRun(r.lex, text, e, runLimit(text, e), true, true).slice(0, 4);
    // A surname opening with its particles, written with a capital after them ("mevrouw van Leeuwen wil"):
    // the name ends at the next lower-case word that is no particle.
    if (words.length > 1 && words[0]!.kind === 'particle') {
      const k = words.findIndex((w) => w.kind !== 'particle');
      if (k > 0 && isUpper(text.charCodeAt(words[k]!.s))) {
        const cut = words.findIndex((w, j) => j > k && w.kind !== 'particle' && isLower(text.charCodeAt(w.s)));
        if (cut > 0) words = words.slice(0, cut);
      }
    }
    const weakCue = r.cues.lowercaseWeak.has(cueKey) || titleOnly;
    // After a weak cue the name stops at the first word that is no likely name ("佳琪 last week").
    if (weakCue) {
      // After a title, a listed name that is also a common word stops it too ("Frau graf am …").
      const cut = words.findIndex((w) => !(w.kind === 'strong' || (w.kind === 'weak' && !(titleCue && w.s > e)) || w.kind === 'particle' || w.kind === 'initial' || lowerNameish(r, text, w)));
      if (cut >= 0) words = words.slice(0, cut);
      while (words.length && words[words.length - 1]!.kind === 'particle') words.pop();
    }
    // A lower-case name ends before a function word of the text's language ("dile a juan carlos que
    // empiecen", "diz à santiago para começarem", "kram från robin i augusti").
    // A name in a script without case ends before a lower-case word of a script with case ("Mlle 武藤 attendait déjà").
    if (words.length > 1 && isCaseless(text.charCodeAt(words[0]!.s))) {
      const cut = words.findIndex((w) => isLower(text.charCodeAt(w.s)));
      if (cut > 0) words = words.slice(0, cut);
    }
    if (words.length > 1 && words.some((w) => anyLanguageWord(r.lex, text.slice(w.s, w.e).toLowerCase()) || r.lex.calendarWords.has(text.slice(w.s, w.e).toLowerCase()))) {
      const lang = languageAt(r.lex, text, e, words[words.length - 1]!.e);
      // After the name's first word, a word no list holds as a name that is a frequent word of the language or a
      // function word of some language ends it ("christian à 17h", "santos já esperava"; not "anna long calling").
      const later = (w: NameWord) => (w.kind === 'common' || w.kind === 'unknown') && (wordOf(r.lex, lang, text, w.s, w.e) || anyFunctionWord(r.lex, text.slice(w.s, w.e).toLowerCase()));
      const common = (w: NameWord) => w.kind !== 'strong' && (frequentIn(r.lex, lang, text, w.s, w.e) || r.lex.calendarWords.has(text.slice(w.s, w.e).toLowerCase()));
      // A particle stays before a name word ("merle van der velde"), not before a function word or a month ("robin i augusti").
      // A function word opening it is no part of it either ("hoi met emiel", "hej tu Michał").
      if (common(words[0]!) && words[0]!.kind !== 'particle' && words.slice(1).some((w) => !common(w) && w.kind !== 'particle')) {
        words = words.slice(1);
        e = words[0]!.s;
      }
      const cut = words.findIndex((w, k) => {
        if (k === 0 || !(common(w) || (w.kind !== 'particle' && later(w)))) return false;
        if (w.kind !== 'particle') return true;
        const next = words.slice(k + 1).find((x) => x.kind !== 'particle');
        return next === undefined || common(next);
      });
      if (cut > 0) words = words.slice(0, cut);
      while (words.length && words[words.length - 1]!.kind === 'particle') words.pop();
    }
    if (!words.length) continue;
    // A digit said as a word before another ("it's oh three", "is one two"): a number read aloud, no name.
    if (spokenNumberAt(text, e)) continue;
    // A lower-case name is a word the lists know as a name, one they do not know at all, or a common word
    // with letters outside ASCII (readRun admits only those). After a weak cue ("hi", "this is", "thanks")
    // the lists must know a distinctive name there, or the turn go on as it does after a name: a marking
    // word ("hi its karl here"), a comma, the line's end, "how can i help", "and i need…".
    const named = words.filter((w) => w.kind !== 'particle');
    const end = words[words.length - 1]!.e;
    if (weakCue) {
      const strong = named.some((w) => w.kind === 'strong');
      const listed = named.some((w) => w.kind === 'weak');
      const nameish = listed || named.some((w) => lowerNameish(r, text, w));
      // After a title, a capitalised name after its particles is written as a name ("mevrouw van Hoogstraten wil").
      const titled = (titleCue || (r.lex.titles.has(cueKey) && words[0]!.kind === 'particle' && named.some((w) => isUpper(text.charCodeAt(w.s))))) && named.some((w) => lowerNameish(r, text, w));
      if (!strong && !titled && !(nameish && (afterCue(r, text, end) || clauseEnds(text, end) || complementAfter(r, text, end) || (listed && endsLine(text, end))))) continue;
    } else if (!named.some((w) => w.kind === 'strong' || w.kind === 'unknown' || (w.kind === 'common' && hasNonAscii(text, w.s, w.e)))) continue;
    offerScored(ctx, r.rule, e, end, weakCue ? 0.8 : 0.9, ['cue']);
    i = end;
  }
  return ctx.base + Math.max(i, limit);
}

/**
 * A capitalised name after a cue that addresses someone, then what they are to do ("tell Gayatri to start",
 * "di' a Esterina di cominciare", "säg till Per att") or when ("pick up Gayatri at 5", "récupérer Gaspard à
 * 17h"): words the lists know as names or no list holds.
 */
function addressedAt(ctx: ScanContext, r: NamesRule, s: number): void {
  const text = ctx.text;
  const words = readRun(r.lex, text, s, runLimit(text, s), false).slice(0, 3);
  if (!words.length || !words.every((w) => w.kind === 'particle' || w.kind === 'initial' || listedOrUnknown(r.lex, text, w) || (w.kind === 'strong'))) return;
  if (!words.some((w) => w.kind === 'strong' || w.kind === 'weak' || w.kind === 'unknown')) return;
  const end = words[words.length - 1]!.e;
  if (complementAfter(r, text, end) || timeAfter(text, end)) offerScored(ctx, r.rule, s, end, 0.75, ['addressed']);
}

/** A short lower-case word and a number after the name: when to fetch or meet them ("… at 5", "… à 17h", "… às 5", "… um 5"). */
function timeAfter(text: string, e: number): boolean {
  if (text.charCodeAt(e) !== 32) return false;
  let i = e + 1;
  const b = i;
  while (i < text.length && i - b < 4 && isLower(text.charCodeAt(i))) i++;
  if (i === b || text.charCodeAt(i) !== 32) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 48 && d <= 57;
}

/** A complementiser after the name, a comma allowed before it ("… to start", "…, dass", "… de commencer"). */
function complementAfter(r: NamesRule, text: string, e: number): boolean {
  let i = e;
  if (text.charCodeAt(i) === 44) i++;
  if (text.charCodeAt(i) !== 32) return false;
  i++;
  const b = i;
  while (i < text.length && i - b < 6 && isLetter(text.charCodeAt(i))) i++;
  return i > b && text.charCodeAt(i) === 32 && r.lex.complementisers.has(text.slice(b, i));
}

/** Two number words (or digits) in a row from e ("oh three", "five 5"). */
function spokenNumberAt(text: string, e: number): boolean {
  const first = readNumberToken(text, e, text.length);
  if (!first) return false;
  let p = first.end;
  while (p < text.length && p - first.end < 3 && isSpokenJoiner(text.charCodeAt(p))) p++;
  return p > first.end && readNumberToken(text, p, text.length) !== null;
}

function questionsFrom(ctx: ScanContext, gate: GateProbe, from: number, limit: number, r: NamesRule): number {
  const text = ctx.text;
  let i = from;
  while (i < limit) {
    // test(), not exec(): only the match's end is needed, and no match array is allocated.
    const me = testFrom(gate, text, i);
    if (me < 0) break;
    if (me > limit + 64) break;
    const le = lineEnd(text, me);
    i = Math.max(me, le);
    if (isAsked(text, me, le)) answerAfter(ctx, r, le);
  }
  return ctx.base + Math.max(i, limit);
}

/**
 * Whether the name phrase ending at me asks (a question mark after it on its line), or, in a transcript
 * without punctuation, ends its line nearly ("and your last name", "may i have the name on the account")
 * and is no statement ("my last name is Ortiz").
 */
function isAsked(text: string, me: number, le: number): boolean {
  let q = false;
  for (let k = me; k < le; k++) if (text.charCodeAt(k) === 63) q = true;
  if (q) return true;
  if (le - me > 24) return false;
  for (let k = me; k < le; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 58 || (c >= 48 && c <= 57)) return false;
  }
  // "… name is …": a statement.
  let k = me;
  while (k < le && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return !(text.charCodeAt(k) === 105 && text.charCodeAt(k + 1) === 115 && !isLetter(text.charCodeAt(k + 2)));
}

/**
 * Where the words of a turn start: after a timestamp, a speaker label ending in ':', '>' or ' - '
 * (`Customer (Adrain):`, `Visitor >`, `[00:01:40] CUSTOMER -`), a time after the label (`(11:00)`) and
 * markdown emphasis. Character codes only; returns s when the line has no label.
 */
function turnBodyStart(text: string, s: number, le: number): number {
  let i = skipStamp(text, s, le);
  const ls = i;
  let label = -1;
  for (let j = i; j < le && j - ls <= 48; j++) {
    const c = text.charCodeAt(j);
    if (c === 58 || c === 62) {
      label = j + 1;
      break;
    }
    if (c === 45 && j > ls && text.charCodeAt(j - 1) === 32 && text.charCodeAt(j + 1) === 32) {
      label = j + 1;
      break;
    }
    if (!(isLetter(c) || c === 32 || c === 40 || c === 41 || c === 46 || c === 39 || c === 0x2019 || c === 45 || c === 47 || c === 95 || c === 42 || (c >= 48 && c <= 57))) break;
  }
  if (label < 0) return i;
  i = label;
  while (i < le && (text.charCodeAt(i) === 42 || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return skipStamp(text, i, le);
}

/** After a timestamp `[…]` or `(…)` of at most 24 characters and the spaces after it. */
function skipStamp(text: string, s: number, le: number): number {
  let i = s;
  while (i < le && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const open = text.charCodeAt(i);
  if (open !== 91 && open !== 40) return i;
  const close = open === 91 ? 93 : 41;
  for (let j = i + 1; j < le && j - i <= 24; j++) {
    const c = text.charCodeAt(j);
    if (c === close) {
      j++;
      while (j < le && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      return j;
    }
    if (isLetter(c) && open === 40 && !(c === 97 || c === 112 || c === 109 || c === 65 || c === 80 || c === 77)) return i;
  }
  return i;
}

/** The answer to a name question: the first words of the next turn, after its speaker label and fillers. */
function answerAfter(ctx: ScanContext, r: NamesRule, from: number): void {
  const text = ctx.text;
  let s = from;
  const stop = Math.min(text.length, from + ANSWER_REACH);
  // The rest of the question's line, then the next line that holds something.
  while (s < stop && text.charCodeAt(s) !== 10) s++;
  while (s < stop && (text.charCodeAt(s) === 10 || text.charCodeAt(s) === 13 || text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  if (s >= stop) return;
  const le = lineEnd(text, s);
  s = turnBodyStart(text, s, le);
  for (let k = 0; k < 5 && r.cues.filler; k++) {
    const f = r.cues.filler.exec(text.slice(s, Math.min(le, s + 40)));
    if (!f || !f[0].length) break;
    s += f[0].length;
  }
  if (!startsWord(text, s) || !isLetter(text.charCodeAt(s))) return;
  // The answer to a name question is a name even when its words are common ones ("Dương", "Long").
  const capital = isUpper(text.charCodeAt(s));
  const words = readRun(r.lex, text, s, le, true, true).slice(0, 3);
  const named = words.filter((w) => w.kind !== 'particle' && w.kind !== 'initial');
  if (!named.length) return;
  const end = words[words.length - 1]!.e;
  const listed = named.some((w) => w.kind === 'strong' || w.kind === 'weak' || w.kind === 'unknown');
  // Common words only: a name when the answer is that short and ends its turn ("uh ok Lebeda", "west").
  if (!listed && (named.length > 2 || !answerEnds(text, end, le) || (!capital && !named.every((w) => hasNonAscii(text, w.s, w.e)) && named.length > 1))) return;
  offerScored(ctx, r.rule, s, end, 0.85, ['answer to a name question']);
}

/**
 * A lower-case word after a weak cue that may be a name: unknown to the lists and not an English
 * participle ("damaged", "pending"), a listed name that is no common word, or a word with letters outside ASCII.
 */
function lowerNameish(r: NamesRule, text: string, w: NameWord): boolean {
  if (hasNonAscii(text, w.s, w.e)) return w.kind === 'weak' || w.kind === 'unknown' || w.kind === 'common';
  if (w.kind === 'unknown') {
    const t = text.slice(w.e - 3, w.e);
    return w.e - w.s >= 3 && !t.endsWith('ed') && !t.endsWith('ing');
  }
  return w.kind === 'weak' && !r.lex.commonWords.has(text.slice(w.s, w.e).toLowerCase());
}

/** A capitalised word right before the phrase at s: a title there is part of a name such as a place's ("Nossa Senhora para …"). */
function capitalisedWordBefore(text: string, s: number): boolean {
  let b = s;
  while (b > 0 && s - b < 2 && text.charCodeAt(b - 1) === 32) b--;
  if (b === s || b === 0 || !isLetter(text.charCodeAt(b - 1))) return false;
  while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
  return isUpper(text.charCodeAt(b));
}

/** The clause goes on after e: a comma, an exclamation mark, or an agent's greeting ("… how can i help", "… and i need help"). */
function clauseEnds(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  // A comma, or an exclamation mark ("buon compleanno leonilda!", "joyeux anniversaire henriette !").
  if (c === 44 || c === 33 || (c === 32 && text.charCodeAt(e + 1) === 33)) return true;
  if (c !== 32) return false;
  const w = text.slice(e + 1, e + 9).toLowerCase();
  return w.startsWith('how ') || w.startsWith('what ') || w.startsWith('and i') || w.startsWith('i ') || w.startsWith('this is ') || w.startsWith('i\'m ');
}

/**
 * A lower-case name opening a turn and marked by "here" after it ("maria kubica here, account holder",
 * "Customer: so pantelejmon sazonov here"): found from " here", read from the turn's start.
 */
function hereFrom(ctx: ScanContext, r: NamesRule, from: number, limit: number): number {
  const text = ctx.text;
  let i = from;
  while ((i = text.indexOf(' here', i)) >= 0 && i < limit) {
    const h = i;
    i += 5;
    if (isLetter(text.charCodeAt(h + 5)) || !isLower(text.charCodeAt(h - 1))) continue;
    // The word before "here" must be able to end a name ("is here", "parcel here" cannot).
    let wb = h;
    while (wb > 0 && h - wb < 40 && isLetter(text.charCodeAt(wb - 1))) wb--;
    const kind = classifyRange(r.lex, text, wb, h);
    if (kind === 'not' || (kind === 'common' && !hasNonAscii(text, wb, h))) continue;
    let ls = h;
    while (ls > 0 && h - ls < 80 && text.charCodeAt(ls - 1) !== 10) ls--;
    if (ls > 0 && text.charCodeAt(ls - 1) !== 10) continue;
    let s = turnBodyStart(text, ls, h);
    for (let k = 0; k < 5 && r.cues.filler; k++) {
      const f = r.cues.filler.exec(text.slice(s, h));
      if (!f || !f[0].length) break;
      s += f[0].length;
    }
    if (s >= h || !isLower(text.charCodeAt(s)) || !startsWord(text, s)) continue;
    const words = readRun(r.lex, text, s, h, true, true);
    if (!words.length || words[words.length - 1]!.e !== h || words.length > 4) continue;
    if (!words.some((w) => w.kind === 'strong' || w.kind === 'weak' || lowerNameish(r, text, w))) continue;
    offerScored(ctx, r.rule, s, h, 0.8, ['cue']);
  }
  return ctx.base + limit;
}

/** Nothing but punctuation, a filler tail ("I think") or a bracketed note after the answer on its line. */
function answerEnds(text: string, e: number, le: number): boolean {
  let i = e;
  while (i < le) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 46 || c === 44 || c === 45 || c === 33) i++;
    else if (c === 91) {
      while (i < le && text.charCodeAt(i) !== 93) i++;
      i++;
    } else break;
  }
  if (i >= le) return true;
  const rest = text.slice(i, le).toLowerCase();
  return rest === 'i think' || rest === 'i tihnk' || rest.startsWith('i think');
}

const isLatinLetter = (c: number) => isLetter(c) && (c < 0x250 || (c >= 0x1e00 && c <= 0x1eff));

/**
 * Words of another script (Cyrillic, Greek, Han, Arabic…) standing among Latin-script words: a name as the
 * customer writes it ("cust Анна Гаврилова called", "王秀英: hi"). The run of such words (at most four on
 * the line) is a name when a Latin word stands before or after it on the line and no word of another script does.
 */
function otherScriptsFrom(ctx: ScanContext, r: NamesRule, gate: RegExp, from: number, limit: number): number {
  const text = ctx.text;
  // The gate through its prefilter (class-gate.ts) when it is one class: the same hits.
  const cg = classGate(gate);
  let i = from;
  while (i < limit) {
    let hit: number;
    if (cg) hit = nextClassHit(cg, text, i);
    else {
      gate.lastIndex = i;
      hit = gate.test(text) ? gate.lastIndex : -1;
    }
    if (hit < 0) break;
    const h = hit - 1;
    if (h >= limit) break;
    let s = h;
    while (s > 0 && isLetter(text.charCodeAt(s - 1)) && !isLatinLetter(text.charCodeAt(s - 1))) s--;
    let e = wordEnd(text, s);
    if (e <= h) e = h + 1;
    // Up to three more words of that kind, one or two spaces apart.
    for (let n = 0; n < 3; n++) {
      let j = e;
      while (j < text.length && j - e < 2 && text.charCodeAt(j) === 32) j++;
      if (j === e || !isLetter(text.charCodeAt(j)) || isLatinLetter(text.charCodeAt(j))) break;
      e = wordEnd(text, j);
    }
    i = Math.max(e, h + 1);
    // A possessive's clitic is Latin and no part of the name ("for خدیجہ's present", "at 凤英's place").
    const owner = e - s > 2 && text.charCodeAt(e - 1) === 115 && (text.charCodeAt(e - 2) === 39 || text.charCodeAt(e - 2) === 0x2019);
    if (owner) e -= 2;
    // Written as a name: two letters or more, a capital first in a script with case.
    const first = text.charCodeAt(s);
    if ((e - s < 2 && !isCaseless(first)) || !(isUpper(first) || isCaseless(first)) || !oneScriptWord(gate, text, s, e)) continue;
    // "Family, Given" in one script, the item ending there ("عظومة, اروي." after "Name (last, first):",
    // "…; ޢާއިދާ, ބަރްކާ." in a list of attendees): the given name after the comma is part of it.
    const given = commaGivenOtherScript(gate, text, e);
    if (given > e) {
      e = given;
      i = Math.max(i, e);
    }
    const before = neighbour(text, s, -1);
    const after = neighbour(text, e, 1);
    // One character ("悠", "颖") is a name only after an introduction or as a speaker label.
    if ([...text.slice(s, e)].length < 2 && !(cueBefore(r.cues, text, s) === 'intro' || text.charCodeAt(e) === 58)) continue;
    if (before === 'other' || after === 'other') continue;
    const cue = cueBefore(r.cues, text, s);
    if (before === 'none' && after === 'none' && !(cue === 'intro' || (cue === 'signoff' && endsLine(text, e)))) continue;
    // "Trains to 长安市", "née à 남구", "Biuro firmy w mieście Крушево": a place or an organisation.
    if (cue !== 'intro' && notAPersonSlot(r.lex, text, s, e, cue === 'soft')) continue;
    // One word after a place word and no cue ("à Березники", "i 마포구", "from اهواز"), as for Latin runs (decideRun).
    // Whose place is a person's ("at زهرا's flat").
    if (!cue && !owner && !text.slice(s, e).includes(' ') && placeBefore(r, text, s)) continue;
    // A word of a script without case (Han, Arabic, Thai) has no capital to say it is a name: it needs a
    // cue, a colon after it (a speaker label), or Latin words on both sides ("asked 王秀英 to call");
    // "café 日本" at a line's end is none of these.
    if (isCaseless(first) && !(before === 'latin' && after === 'latin') && text.charCodeAt(e) !== 58 && !cueBefore(r.cues, text, s) && !afterCue(r, text, e)) continue;
    offerScored(ctx, r.rule, s, e, 0.65, ['script among Latin words']);
  }
  return ctx.base + Math.max(i, limit);
}

/**
 * The end of one word of the gate's scripts after ", " at e that ends its item (then . ; ) a line break or
 * the text's end), or e.
 */
function commaGivenOtherScript(gate: RegExp, text: string, e: number): number {
  if (text.charCodeAt(e) !== 44 || text.charCodeAt(e + 1) !== 32) return e;
  const g = e + 2;
  const c = text.charCodeAt(g);
  if (!isLetter(c) || isLatinLetter(c)) return e;
  const ge = wordEnd(text, g);
  if (ge - g > 40 || !oneScriptWord(gate, text, g, ge)) return e;
  const n = ge < text.length ? text.charCodeAt(ge) : 10;
  return n === 46 || n === 59 || n === 41 || n === 10 || n === 13 ? ge : e;
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/** Every letter of the words in [s, e) belongs to the gate's scripts and is a letter (not a mix such as "ၐⰀ", nor a numeral of the script such as "𐹠"). */
const oneCharForms = new WeakMap<RegExp, RegExp>();

function oneScriptWord(gate: RegExp, text: string, s: number, e: number): boolean {
  // One non-global form per gate, not one per word: V8 compiles every new regex (regexp-warm.ts).
  let one = oneCharForms.get(gate);
  if (!one) oneCharForms.set(gate, (one = new RegExp(gate.source, 'u')));
  for (const ch of text.slice(s, e)) if (ch !== ' ' && (!one.test(ch) || !LETTER_OR_MARK.test(ch))) return false;
  return true;
}

/** The nearest letter before s (dir -1) or from e (dir 1) on the line, within 24 characters. */
function neighbour(text: string, at: number, dir: -1 | 1): 'latin' | 'other' | 'none' {
  for (let k = 0, j = dir < 0 ? at - 1 : at; k < 24 && j >= 0 && j < text.length; k++, j += dir) {
    const c = text.charCodeAt(j);
    if (c === 10) return 'none';
    if (isLetter(c)) return isLatinLetter(c) ? 'latin' : 'other';
  }
  return 'none';
}
