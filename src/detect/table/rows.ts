import { cardBrand, isPlainProductCode } from '../../validators/card.js';
import type { ScanContext } from '../candidate.js';
import { LOOKAHEAD, MAX_MATCH } from '../limits.js';
import type { ValidatorOptions } from '../../validators/types.js';
import { fitsEntity, isCardCell, isCodeCell, isCompactExpiry, isExpiryCell, isHeaderCell, isInternationalPhoneCell, isPhoneCell, isPhoneColumnCell } from './cell-shapes.js';
import { countCells, DELIMITERS, splitCells, type Cell, type Delimiter } from './cells.js';
import { BY_COLUMN, BY_HEADER, BY_NEIGHBOUR, BY_SHAPE, offerCell } from './offer.js';
import type { TablePlan } from './plan.js';

/**
 * Delimited rows in text (a CSV export pasted into a note, a tab- or pipe-separated table): consecutive lines
 * that split into the same number of cells on the same delimiter. A first line of column names types its
 * columns by the key hints; without one, cells are typed by their neighbours (a short code or an expiry
 * beside a card number). A line is decided from itself, the next line and what the earlier lines left in
 * the state (the delimiter, the cell count, the header's types), so a stream decides each line as one pass
 * over the whole text does: a line and the next one are read only within MAX_MATCH + LOOKAHEAD of the
 * line's start, the window every step has ahead of a hit.
 */
export interface RowPassState {
  /** Absolute offset of the next line to read. */
  next: number;
  /** Inside a line too long to be a row: skip to its end. */
  skipping: boolean;
  block: Block | null;
}

interface Block {
  delim: Delimiter;
  count: number;
  /** The entity each column's header names; null when the block has no header. */
  columns: (string | undefined)[] | null;
  /**
   * Without a header: the entity each column's cells were typed as by their neighbours in the rows read so
   * far (and the first row's next line), so a row whose card number is not recognised on its own still has
   * its code and expiry found in their columns.
   */
  learned: (string | undefined)[];
}

export const newRowPassState = (): RowPassState => ({ next: 0, skipping: false, block: null });

/** Rows are short: a longer line is prose (or a record too wide to type). */
const MAX_ROW = 512;
const WINDOW = MAX_MATCH + LOOKAHEAD;
/** How far from a card number (in cells, either side) its expiry and code are looked for. */
const NEAR_CARD = 3;

export function rowsPass(ctx: ScanContext, tp: TablePlan, st: RowPassState, limit: number): void {
  const text = ctx.text;
  delimNext.fill(UNKNOWN);
  let i = Math.max(0, st.next - ctx.base);
  while (i < limit) {
    const nl = text.indexOf('\n', i);
    if (st.skipping) {
      if (nl < 0 || nl >= limit) {
        i = limit;
        break;
      }
      st.skipping = false;
      i = nl + 1;
      continue;
    }
    const e = nl < 0 ? text.length : nl;
    if (e - i > MAX_ROW) {
      st.block = null;
      st.skipping = true;
      continue;
    }
    line(ctx, tp, st, i, trimCr(text, i, e), nl < 0 ? -1 : nextLineEnd(text, nl + 1, i + WINDOW));
    if (nl < 0) {
      i = text.length;
      break;
    }
    i = nl + 1;
  }
  st.next = ctx.base + i;
}

/**
 * Per delimiter (DELIMITERS order): where its first occurrence at or after the line being read is in this
 * pass's text (-1: none left, UNKNOWN: not looked for yet). Lines are read in order, so each delimiter's
 * occurrences are found by indexOf, in native code, instead of a JavaScript walk over every line.
 */
const delimNext = new Float64Array(DELIMITERS.length);
const UNKNOWN = -2;

/** Which delimiters text[s, e) holds, as bits in DELIMITERS order (cells.ts delimitersIn); s never decreases within a pass. */
function delimitersAhead(text: string, s: number, e: number): number {
  let bits = 0;
  for (let k = 0; k < DELIMITERS.length; k++) {
    let p = delimNext[k]!;
    if (p < s && p !== -1) delimNext[k] = p = text.indexOf(DELIMITERS[k]!, s);
    if (p >= 0 && p < e) bits |= 1 << k;
  }
  return bits;
}

const trimCr = (text: string, s: number, e: number) => (e > s && text.charCodeAt(e - 1) === 13 ? e - 1 : e);

/** The end of the line starting at `s` when it ends within `reach` (else -1: unknown, too far to read). */
function nextLineEnd(text: string, s: number, reach: number): number {
  const nl = text.indexOf('\n', s);
  const e = nl < 0 ? text.length : nl;
  return e <= reach ? trimCr(text, s, e) : -1;
}

function line(ctx: ScanContext, tp: TablePlan, st: RowPassState, s: number, e: number, nextEnd: number): void {
  const text = ctx.text;
  const b = st.block;
  if (b) {
    const cells = splitCells(text, s, e, b.delim);
    if (cells && cells.length === b.count) {
      row(ctx, tp, cells, b);
      return;
    }
    st.block = null;
  }
  if (e <= s) return;
  const ns = e + (text.charCodeAt(e) === 13 ? 2 : 1);
  // Counted first (most lines split on nothing, or not as the next line does); cells built for the best only.
  const present = delimitersAhead(text, s, e);
  if (!present) return;
  let best: { delim: Delimiter; count: number } | null = null;
  for (let k = 0; k < DELIMITERS.length; k++) {
    if (!(present & (1 << k))) continue;
    const delim = DELIMITERS[k]!;
    const count = countCells(text, s, e, delim);
    if (count < 2 || (best && best.count >= count)) continue;
    if (nextEnd >= 0 && countCells(text, ns, nextEnd, delim) === count) best = { delim, count };
  }
  if (best) {
    const delim = best.delim;
    const cells = splitCells(text, s, e, delim)!;
    const names = cells.map((c) => text.slice(c.start, c.end));
    // A header: every cell a column name; on commas (prose has them too) three columns at least.
    const header = names.every(isHeaderCell) && (delim !== ',' || cells.length >= 3);
    const block: Block = { delim, count: cells.length, columns: header ? names.map((n) => tp.hintOf(n)) : null, learned: [] };
    st.block = block;
    if (!header) {
      // The next line's types seed the columns (read only: it is offered when its own turn comes).
      const next = splitCells(text, ns, nextEnd, delim)!;
      learn(block, typeRow(ctx.text, next, block, ctx.validatorOptions), ctx.text, next, ctx.validatorOptions);
      row(ctx, tp, cells, block);
    }
    return;
  }
  // A lone line is a row only when it holds a card number among three cells or more.
  if (!hasDigitRun(text, s, e, 12)) return;
  for (let k = 0; k < DELIMITERS.length; k++) {
    const delim = DELIMITERS[k]!;
    if (!(present & (1 << k)) || countCells(text, s, e, delim) < 3) continue;
    const cells = splitCells(text, s, e, delim);
    if (cells && cells.length >= 3 && cells.some((c) => isLoneCard(text.slice(c.start, c.end)))) {
      row(ctx, tp, cells, null);
      return;
    }
  }
}

/** Whether text[s, e) holds at least `n` digits (a card number has twelve at least). */
function hasDigitRun(text: string, s: number, e: number, n: number): boolean {
  let k = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++k >= n) return true;
  }
  return false;
}

/**
 * A card number cell without a header saying so: Luhn and a card network's IIN range, and no product code
 * (a plain 12–13 digit cell with a valid GS1 check digit is an EAN or UPC, as the credit-card rule reads it).
 */
function isLoneCard(value: string): boolean {
  // The digits only for a card-shaped cell (most cells are not; the checks are pure, so the order is free).
  if (!isCardCell(value)) return false;
  const digits = value.replace(/\D/g, '');
  return cardBrand(digits) !== undefined && !isPlainProductCode(value, digits);
}

/** Types a row's cells and offers them; without a header, what its cells were typed as is learned by their columns. */
function row(ctx: ScanContext, tp: TablePlan, cells: Cell[], block: Block | null): void {
  const typed = typeRow(ctx.text, cells, block, ctx.validatorOptions);
  typed.forEach((t, k) => {
    if (t) offerCell(ctx, tp, t.entity, cells[k]!.start, cells[k]!.end, t.confidence);
  });
  if (block && !block.columns) learn(block, typed, ctx.text, cells, ctx.validatorOptions);
}

/**
 * What a headerless block's columns hold, from one row's types: an expiry or a code beside a card number; a
 * phone number, national (by its region's grouping) or international (by its '+' and calling code), which the
 * digit rules mask on their own but which tells the column's other cells apart ("0490627546" under
 * "0979.882.119" is a phone number, not an order number).
 */
function learn(block: Block, typed: (Typed | undefined)[], text: string, cells: Cell[], options: ValidatorOptions): void {
  typed.forEach((t, k) => {
    if (t && (t.confidence >= BY_NEIGHBOUR || (t.entity === 'PHONE_NUMBER' && t.confidence >= BY_SHAPE))) block.learned[k] ??= t.entity;
  });
  cells.forEach((c, k) => {
    if (!typed[k] && block.learned[k] === undefined && isInternationalPhoneCell(text.slice(c.start, c.end), options)) block.learned[k] = 'PHONE_NUMBER';
  });
}

interface Typed {
  entity: string;
  confidence: number;
}

/**
 * A row's types: by the header's columns; without a header, around each card number an expiry-shaped cell is
 * its expiry and the nearest 3–4 digit cell its code, cells of columns typed so in earlier rows that fit
 * their column's entity, and national phone numbers by their own grouping.
 */
function typeRow(text: string, cells: Cell[], block: Block | null, options: ValidatorOptions): (Typed | undefined)[] {
  const values = cells.map((c) => text.slice(c.start, c.end));
  const columns = block?.columns ?? null;
  const typed = new Array<Typed | undefined>(cells.length);
  values.forEach((v, k) => {
    const entity = columns?.[k];
    if (entity && fitsEntity(entity, v)) typed[k] = { entity, confidence: BY_HEADER };
  });
  // Under a header, its names decide: a column called "qty" or "amount" keeps its numbers beside a card.
  if (columns) return typed;
  for (let k = 0; k < cells.length; k++) {
    if (isLoneCard(values[k]!)) {
      typed[k] = { entity: 'CREDIT_CARD', confidence: BY_NEIGHBOUR };
      neighbours(values, typed, k);
    }
  }
  const learned = block?.learned ?? [];
  values.forEach((v, k) => {
    const entity = learned[k];
    if (entity && !typed[k] && fitsLearned(entity, v, options)) typed[k] = { entity, confidence: BY_COLUMN };
  });
  // A cell that is a national phone number of a configured region, grouped as that region writes it: the
  // cell's delimiters (',' '|' tab) would join it to its neighbours' digits in free text.
  values.forEach((v, k) => {
    if (!typed[k] && isPhoneCell(v, options)) typed[k] = { entity: 'PHONE_NUMBER', confidence: BY_SHAPE };
  });
  return typed;
}

/**
 * A cell of a column learned as `entity`: the shape the neighbour rules gave it. Card columns are not
 * learned: IMEIs, EANs and other Luhn-valid numbers share their shape, only the IIN table tells them apart.
 */
function fitsLearned(entity: string, value: string, options: ValidatorOptions): boolean {
  if (entity === 'CARD_EXPIRY') return isExpiryCell(value) || isCompactExpiry(value);
  if (entity === 'CARD_CVV') return isCodeCell(value);
  if (entity === 'PHONE_NUMBER') return isPhoneColumnCell(value, options);
  return false;
}

/** Beside a card number: an expiry-shaped cell is its expiry, the nearest 3–4 digit cell its code. */
function neighbours(values: string[], typed: (Typed | undefined)[], card: number): void {
  const near: number[] = [];
  // Nearest first, after the card before the cell as far before it.
  for (let d = 1; d <= NEAR_CARD; d++) {
    if (card + d < values.length) near.push(card + d);
    if (card - d >= 0) near.push(card - d);
  }
  const free = near.filter((k) => !typed[k]);
  const has = (entity: string) => typed.some((t) => t?.entity === entity);
  let expiry = free.find((k) => isExpiryCell(values[k]!));
  const codes = free.filter((k) => isCodeCell(values[k]!));
  // Two codes and no expiry: the first one reading as mmyy (0527) is the expiry.
  if (expiry === undefined && !has('CARD_EXPIRY') && codes.length >= 2 && isCompactExpiry(values[codes[0]!]!)) expiry = codes.shift();
  if (expiry !== undefined && !has('CARD_EXPIRY')) typed[expiry] = { entity: 'CARD_EXPIRY', confidence: BY_NEIGHBOUR };
  const code = codes.find((k) => k !== expiry);
  if (code !== undefined && !has('CARD_CVV')) typed[code] = { entity: 'CARD_CVV', confidence: BY_NEIGHBOUR };
}
