/**
 * The narrative corpus: short labelled documents (1–4 sentences: stories, letters, forms written in
 * prose, HR, medical, legal, education and finance paragraphs, travel, messages, bios) in several
 * languages, with people and addresses from faker's locales. Deterministic per (seed, document index).
 */
import { DocBuilder, lowerAll, type LabelledDocument } from '../blind/doc.js';
import { documentSeed, Rng } from '../blind/rng.js';
import { PERSON_LOCALES } from './people.js';
import { expand, type SlotContext } from './slots.js';
import { FILLERS } from './templates/fillers.js';
import { LANGUAGES, type Language } from './templates/index.js';
import { GENRES, type Genre } from './templates/types.js';

/**
 * A labelled document whose kind is its genre, or `plain` for text without personal data; scoring reads
 * only its text, labels and negatives.
 */
export type NarrativeDocument = Omit<LabelledDocument, 'kind'> & { kind: Genre | 'plain' };

/** Share of documents holding no personal data at all (only hard negatives and ordinary words). */
const PLAIN_SHARE = 0.08;

/** Keeps this corpus's streams apart from the blind corpus's for the same seed. */
const SALT = 0x6e617272;

const sentences = (t: string) => (t.match(/[.!?](\s|$)/g) ?? []).length || 1;

export function generateDocument(seed: number, index: number): NarrativeDocument {
  const rng = new Rng(documentSeed(seed, index) ^ SALT);
  const language: Language = rng.weighted(LANGUAGES.map((l) => [l, l.weight] as const));
  const fillers = FILLERS[language.code] ?? [];
  if (fillers.length > 0 && rng.chance(PLAIN_SHARE)) return plainDocument(seed, index, rng, language, fillers);
  const genre: Genre = rng.pick(GENRES);
  const pool = language.templates[genre];
  const first = rng.pick(pool);
  const templates = [first];
  if (genre !== 'letter' && pool.length > 1 && rng.chance(0.4)) {
    const second = rng.pick(pool.filter((t) => t !== first && !t.includes('\n')));
    if (!first.includes('\n') && sentences(first) + sentences(second) <= 4) templates.push(second);
  }
  // A sentence without personal data before or after, when the document stays within four sentences.
  if (genre !== 'letter' && fillers.length > 0 && rng.chance(0.45) && templates.reduce((n, t) => n + sentences(t), 0) < 4) {
    const filler = rng.pick(fillers);
    if (rng.chance(0.5)) templates.push(filler);
    else templates.unshift(filler);
  }
  const locale = rng.pick(language.locales);
  const ctx: SlotContext = {
    rng, language: language.code, locale, otherLocales: PERSON_LOCALES, foreignShare: language.foreignShare,
    lowerShare: genre === 'message' ? 0.25 : 0.02, persons: new Map(), addresses: new Map(),
  };
  let pieces = templates.flatMap((t, i) => [...(i > 0 ? [' '] : []), ...expand(ctx, t)]);
  if (genre === 'message' && rng.chance(0.15)) pieces = lowerAll(pieces);
  const b = new DocBuilder();
  b.add(...pieces);
  return { seed, index, kind: genre, locale, language: language.code, text: b.text, labels: b.labels, negatives: b.negatives };
}

function plainDocument(seed: number, index: number, rng: Rng, language: Language, fillers: readonly string[]): NarrativeDocument {
  const locale = rng.pick(language.locales);
  const ctx: SlotContext = {
    rng, language: language.code, locale, otherLocales: PERSON_LOCALES, foreignShare: 0, lowerShare: 0, persons: new Map(), addresses: new Map(),
  };
  const count = rng.int(1, 3);
  const picked = Array.from({ length: count }, () => rng.pick(fillers));
  const b = new DocBuilder();
  b.add(...picked.flatMap((t, i) => [...(i > 0 ? [' '] : []), ...expand(ctx, t)]));
  return { seed, index, kind: 'plain', locale, language: language.code, text: b.text, labels: b.labels, negatives: b.negatives };
}

export function generateCorpus(seed: number, count: number): NarrativeDocument[] {
  return Array.from({ length: count }, (_, i) => generateDocument(seed, i));
}
