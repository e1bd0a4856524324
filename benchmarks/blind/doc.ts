/** Labelled documents: the text, where each value sits in it, and where each hard negative sits. */

export const ENTITIES = [
  'CREDIT_CARD', 'CARD_CVV', 'CARD_EXPIRY', 'PHONE_NUMBER', 'EMAIL', 'PERSON', 'STREET_ADDRESS',
  'DATE_OF_BIRTH', 'US_SSN', 'US_BANK_ROUTING', 'BANK_ACCOUNT', 'IBAN', 'DRIVER_LICENSE', 'US_PASSPORT',
  'PASSWORD', 'IP_ADDRESS', 'PIN',
] as const;
export type Entity = (typeof ENTITIES)[number];

export const DOC_KINDS = ['chat', 'transcript', 'crm', 'email', 'csv', 'json'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export interface Span {
  start: number;
  end: number;
}

/** One value; `parts` has more than one span when the value is split (two chat lines, two turns). */
export interface Label {
  entity: Entity;
  /** How it is written, e.g. `spoken`, `grouped-4-6-5`, `iso`; scores are also reported per form. */
  form: string;
  parts: Span[];
}

export interface Negative {
  /** What it is, e.g. `tracking-ups`, `amount`, `imei`, `field-label`. */
  kind: string;
  span: Span;
}

export interface LabelledDocument {
  seed: number;
  index: number;
  kind: DocKind;
  locale: string;
  /** The language the document is written in (`en`, or the customer's: `de`, `fr`, `es`, `it`, `pt`, `nl`). */
  language: string;
  text: string;
  labels: Label[];
  negatives: Negative[];
}

/** A piece of text to place: plain text, a value, a value split in parts, or a hard negative. */
export type Piece =
  | string
  | { value: string; entity: Entity; form: string }
  | { negative: string; kind: string }
  /** One part of a value written in several places; `first` opens the value. */
  | { part: string; entity: Entity; form: string; first: boolean };

export const val = (entity: Entity, value: string, form: string): Piece => ({ value, entity, form });
export const neg = (kind: string, negative: string): Piece => ({ negative, kind });

/** Builds a document's text and keeps every label's offsets (UTF-16, like caregate's findings). */
export class DocBuilder {
  text = '';
  language = 'en';
  readonly labels: Label[] = [];
  readonly negatives: Negative[] = [];
  /** Parts of a value being written across several places (see `openSplit`). */
  private split: Label | undefined;

  add(...pieces: Piece[]): this {
    for (const p of pieces) {
      if (typeof p === 'string') {
        this.text += p;
      } else if ('value' in p) {
        const start = this.text.length;
        this.text += p.value;
        this.labels.push({ entity: p.entity, form: p.form, parts: [{ start, end: this.text.length }] });
      } else if ('part' in p) {
        if (p.first) this.openSplit(p.entity, p.form);
        this.addPart(p.part);
      } else {
        const start = this.text.length;
        this.text += p.negative;
        this.negatives.push({ kind: p.kind, span: { start, end: this.text.length } });
      }
    }
    return this;
  }

  /** Starts a value written in several parts; each `addPart` appends one of them. */
  openSplit(entity: Entity, form: string): void {
    this.split = { entity, form, parts: [] };
    this.labels.push(this.split);
  }

  addPart(text: string): this {
    if (!this.split) throw new Error('DocBuilder.addPart: no split value open; call openSplit first');
    const start = this.text.length;
    this.text += text;
    this.split.parts.push({ start, end: this.text.length });
    return this;
  }

  line(...pieces: Piece[]): this {
    this.add(...pieces);
    this.text += '\n';
    return this;
  }
}

/** Applies `f` to the plain-text pieces only (typos, case), leaving values and negatives as generated. */
export function mapText(pieces: Piece[], f: (s: string) => string): Piece[] {
  return pieces.map((p) => (typeof p === 'string' ? f(p) : p));
}

/** Lower-cases every piece, values included, as people typing in chats do. */
export function lowerAll(pieces: Piece[]): Piece[] {
  return pieces.map((p) => {
    if (typeof p === 'string') return p.toLowerCase();
    if ('value' in p) return { ...p, value: p.value.toLowerCase() };
    if ('part' in p) return { ...p, part: p.part.toLowerCase() };
    return { ...p, negative: p.negative.toLowerCase() };
  });
}
