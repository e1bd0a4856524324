/** The blind corpus: document `index` of seed `seed`, always the same text and labels for the same pair. */
import { type DocBuilder, type DocKind, type LabelledDocument, type Piece } from './doc.js';
import { documentSeed, Rng } from './rng.js';
import * as N from './values/negatives.js';
import { fieldLabelPieces, nameWordPieces, negativePiece, newContext, type Context } from './templates/context.js';
import { renderCrmNote, renderEmail } from './templates/notes.js';
import { renderChat, renderTranscript } from './templates/render.js';
import { renderCsv, renderJson } from './templates/structured.js';

const KIND_WEIGHTS: [DocKind, number][] = [['chat', 25], ['transcript', 25], ['crm', 20], ['email', 15], ['csv', 8], ['json', 7]];

/** A sentence of the kind agents add to a thread: hard negatives only. */
function negativeSentence(c: Context): Piece[] {
  const { rng } = c;
  return rng.pick<() => Piece[]>([
    () => ['Ref ', negativePiece(c, N.caseNumber), ' / order ', negativePiece(c, N.orderNumber), ' updated ', negativePiece(c, N.timestampOrDate), '.'],
    () => ['Shipment ', negativePiece(c, N.trackingNumber), ' was re-sent on ', negativePiece(c, N.timestampOrDate), '.'],
    () => ['Credit of ', negativePiece(c, N.amount), ' issued; balance now ', negativePiece(c, N.amount), '.'],
    () => ['Device ', negativePiece(c, N.versionOrSerial), ' on firmware ', negativePiece(c, N.versionOrSerial), '.'],
    () => fieldLabelPieces(c),
    () => nameWordPieces(c, true),
    () => ['Invoice ', negativePiece(c, N.orderNumber), ' total ', negativePiece(c, N.amount), ' due ', negativePiece(c, N.timestampOrDate), '.'],
  ])();
}

export function generateDocument(seed: number, index: number): LabelledDocument {
  const rng = new Rng(documentSeed(seed, index));
  const kind = rng.weighted(KIND_WEIGHTS);
  const ctx = newContext(rng, kind === 'transcript');
  let b: DocBuilder;
  switch (kind) {
    case 'chat': b = renderChat(ctx); break;
    case 'transcript': b = renderTranscript(ctx); break;
    case 'crm': b = renderCrmNote(ctx); break;
    case 'email': b = renderEmail(ctx); break;
    case 'csv': b = renderCsv(rng); break;
    default: b = renderJson(rng);
  }
  // Hard negatives as many as values: free-text documents get agent remarks holding only negatives.
  if (kind !== 'csv' && kind !== 'json') {
    if (!b.text.endsWith('\n')) b.add('\n');
    while (b.negatives.length < b.labels.length) b.line(...negativeSentence(ctx));
  }
  return { seed, index, kind, locale: ctx.locale.id, language: b.language, text: b.text, labels: b.labels, negatives: b.negatives };
}

export function generateCorpus(seed: number, docs: number): LabelledDocument[] {
  return Array.from({ length: docs }, (_, i) => generateDocument(seed, i));
}
