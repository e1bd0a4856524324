/** CSV exports (with and without a header row) and JSON records, as CRMs and ticketing tools export them. */
import { DocBuilder, neg, val, type Piece } from '../doc.js';
import type { Rng } from '../rng.js';
import { luhnCheckDigit } from '../values/cards.js';
import * as N from '../values/negatives.js';
import {
  accountPiece, cityLinePiece, cvvPiece, dobPiece, emailPiece, expiryPiece, fullNamePiece, ibanPiece, ipPiece, newContext,
  passwordPiece, phonePiece, routingPiece, ssnPiece, streetPiece, firstNamePiece, lastNamePiece, negativePiece, licencePiece, type Context,
} from './context.js';

/** Cards in exports: plain or with spaces/dashes, never with characters a CSV or JSON writer would escape. */
function exportCard(c: Context): Piece {
  const d = c.card.digits;
  const sep = c.rng.pick(['', '', ' ', '-']);
  const text = sep ? (d.match(/.{1,4}/g) ?? [d]).join(sep) : d;
  return val('CREDIT_CARD', text, `${c.card.brand}-${d.length}-${sep ? 'grouped' : 'plain'}`);
}

interface Column {
  header: string;
  cell: (c: Context) => Piece;
  /**
   * Whether a reader can tell what the cell is without a header: a bare `05/27` or `Monkey315` cannot
   * be told from other data, nor a bare 10-digit order number from a phone number.
   */
  evident?: boolean;
}

const COLUMNS: Column[] = [
  { header: 'customer_name', evident: true, cell: (c) => fullNamePiece(c.customer) },
  { header: 'first_name', cell: (c) => firstNamePiece(c.customer) },
  { header: 'last_name', cell: (c) => lastNamePiece(c.customer) },
  { header: 'email', evident: true, cell: (c) => emailPiece(c) },
  { header: 'phone', evident: true, cell: (c) => phonePiece(c) },
  { header: 'dob', cell: (c) => dobPiece(c) },
  { header: 'card_number', evident: true, cell: exportCard },
  { header: 'exp', cell: (c) => expiryPiece(c) },
  { header: 'cvv', cell: (c) => cvvPiece(c) },
  { header: 'street', evident: true, cell: (c) => streetPiece(c) },
  { header: 'city', evident: true, cell: (c) => cityLinePiece(c) },
  { header: 'ssn', cell: (c) => ssnPiece(c) },
  { header: 'iban', evident: true, cell: (c) => ibanPiece(c) },
  { header: 'routing', cell: (c) => routingPiece(c) },
  { header: 'account', cell: (c) => accountPiece(c) },
  { header: 'dl_number', cell: (c) => licencePiece(c) },
  { header: 'password', cell: (c) => passwordPiece(c) },
  { header: 'last_ip', evident: true, cell: (c) => ipPiece(c) },
  { header: 'order_id', cell: (c) => negativePiece(c, N.orderNumber) },
  { header: 'amount', evident: true, cell: (c) => negativePiece(c, N.amount) },
  { header: 'created_at', evident: true, cell: (c) => negativePiece(c, N.timestampOrDate) },
  { header: 'tracking', cell: (c) => negativePiece(c, N.trackingNumber) },
  { header: 'ticket', cell: (c) => negativePiece(c, N.caseNumber) },
  { header: 'device', evident: true, cell: (c) => negativePiece(c, N.versionOrSerial) },
  { header: 'ref', cell: (c) => neg('non-luhn-16', refDigits(c.rng)) },
];

function refDigits(rng: Rng): string {
  const body = String(rng.int(1, 9)) + rng.digits(14);
  return body + String((luhnCheckDigit(body) + rng.int(1, 9)) % 10);
}

const PAYMENT = ['card_number', 'exp', 'cvv'];

/**
 * A random set of columns. Expiry and CVV come beside the card number as exports have them; without
 * a header row only cells whose content says what they are (or sit beside a card number) are used.
 */
function chooseColumns(rng: Rng, header: boolean): Column[] {
  const pool = COLUMNS.filter((c) => !PAYMENT.includes(c.header) && (header || c.evident));
  const cols = [...pool].sort(() => rng.next() - 0.5).slice(0, rng.int(3, 8));
  if (rng.chance(0.4)) {
    const payment = PAYMENT.map((h) => COLUMNS.find((c) => c.header === h)!);
    if (rng.chance(0.3)) payment.reverse();
    cols.splice(rng.int(0, cols.length), 0, ...payment);
  }
  return cols;
}

const text = (p: Piece) => (typeof p === 'string' ? p : 'value' in p ? p.value : 'part' in p ? p.part : p.negative);

/** Cells are quoted when they hold the delimiter, as CSV writers do; the label is the value inside the quotes. */
export function renderCsv(rng: Rng): DocBuilder {
  const b = new DocBuilder();
  const delim = rng.weighted<string>([[',', 6], [';', 2], ['\t', 1], ['|', 1]]);
  const header = rng.chance(0.6);
  const cols = chooseColumns(rng, header);
  if (header) b.line(cols.map((c) => (rng.chance(0.3) ? c.header.toUpperCase() : c.header)).join(delim));
  const rows = rng.int(3, 8);
  for (let r = 0; r < rows; r++) {
    const ctx = newContext(rng.fork(r + 1), false);
    cols.forEach((col, i) => {
      if (i > 0) b.add(delim);
      const piece = col.cell(ctx);
      const t = text(piece);
      if (t.includes(delim) || t.includes('"') || t.includes('\n') || rng.chance(0.1)) b.add('"', piece, '"');
      else b.add(piece);
    });
    b.add('\n');
  }
  return b;
}

/** Values that JSON would escape are re-drawn, so that labels point at the text as written. */
const needsEscape = (p: Piece) => JSON.stringify(text(p)) !== `"${text(p)}"`;

export function renderJson(rng: Rng): DocBuilder {
  const b = new DocBuilder();
  const many = rng.chance(0.4);
  const count = many ? rng.int(2, 4) : 1;
  const pretty = rng.chance(0.5);
  const nl = pretty ? '\n' : '';
  const ind = (n: number) => (pretty ? '  '.repeat(n) : '');
  if (many) b.add('[', nl);
  for (let r = 0; r < count; r++) {
    const ctx = newContext(rng.fork(r + 101), false);
    const cols = chooseColumns(rng, true);
    const depth = many ? 1 : 0;
    b.add(ind(depth), '{', nl);
    const entries: [string, Piece[]][] = [];
    for (const col of cols) {
      let piece = col.cell(ctx);
      for (let k = 0; k < 5 && needsEscape(piece); k++) piece = col.cell(ctx);
      if (!needsEscape(piece)) entries.push([rng.chance(0.3) ? camel(col.header) : col.header, [piece]]);
    }
    if (rng.chance(0.5)) {
      const note = rng.pick<Piece[]>([
        ['cust asked to update phone to ', phonePiece(ctx)],
        ['DOB confirmed ', dobPiece(ctx)],
        ['order ', negativePiece(ctx, N.orderNumber), ' refunded ', negativePiece(ctx, N.amount)],
        ['card exp ', expiryPiece(ctx), ' cvv ', cvvPiece(ctx)],
      ]);
      if (!note.some(needsEscape)) entries.push(['note', note]);
    }
    entries.forEach(([key, pieces], i) => {
      b.add(ind(depth + 1), `"${key}": "`, ...pieces, '"', i < entries.length - 1 ? ',' : '', nl);
    });
    b.add(ind(depth), '}', r < count - 1 ? ',' : '', nl);
  }
  if (many) b.add(']', nl);
  return b;
}

function camel(s: string): string {
  return s.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase());
}
