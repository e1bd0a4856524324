import { CaregateError } from '../errors.js';
import type { Redactor, ScanError, ValueFinding } from '../index.js';
import { newMaskState } from '../redactor.js';
import { safePointer, safePointerToken } from '../safe-output.js';
import { compilePointerPattern, matchesPointer, pointerSegments, type PointerPattern } from './pointer-pattern.js';
import { toRedactor, type RedactorSource } from './redactor-source.js';

export type TicketFormat = 'zendesk' | 'freshdesk';

export interface TicketRedactionOptions {
  /** The redactor to use, or its options (default: one shared createRedactor()). */
  redactor?: RedactorSource;
  /** Default 'auto': told apart by shape (Zendesk custom_fields is an array, Freshdesk's an object…). */
  format?: TicketFormat | 'auto';
  /**
   * Custom fields masked whatever they hold, as entity names: by Zendesk field id ("360001234567") or
   * Freshdesk field name ("cf_card_number"). Freshdesk names are also matched against the redactor's
   * sensitive-key hints without their "cf_" prefix, so cf_card_number and cf_cvv need no hint.
   */
  fieldHints?: Record<string, string>;
  /** More fields to redact, as pointer patterns into the ticket JSON (e.g. "/ticket/via/source/from/**"). */
  extraFields?: string[];
}

export interface TicketRedaction<T> {
  ticket: T;
  format: TicketFormat;
  /** Paths are JSON pointers into the ticket as given; no values. */
  findings: ValueFinding[];
  errors: ScanError[];
  /**
   * HTML fields rebuilt from their redacted plain-text twin because the twin held PII the HTML scan did
   * not see (markup or character references splitting a number). Their formatting is simplified.
   */
  rebuiltHtml: string[];
}

type FieldKind = 'text' | 'url' | 'html' | 'custom-zendesk' | 'custom-freshdesk';
interface FieldRule {
  pattern: PointerPattern;
  kind: FieldKind;
  /** For HTML: sibling members holding the same content as plain text, in order of preference. */
  twins?: readonly string[];
}

const rule = (pattern: string, kind: FieldKind, twins?: readonly string[]): FieldRule => ({ pattern: compilePointerPattern(pattern), kind, ...(twins ? { twins } : {}) });

const zendeskAttachment = (base: string) =>
  (['file_name', 'content_url', 'mapped_content_url'] as const).flatMap((k) => {
    const kind = k === 'file_name' ? 'text' : 'url';
    return [rule(`${base}/attachments/*/${k}`, kind), rule(`${base}/attachments/*/thumbnails/*/${k}`, kind)];
  });
const zendeskComment = (base: string) => [
  rule(`${base}/body`, 'text'),
  rule(`${base}/plain_body`, 'text'),
  rule(`${base}/html_body`, 'html', ['plain_body', 'body']),
  ...zendeskAttachment(base),
];
/** Zendesk: a ticket, { ticket, comments } as the API returns them side by side, or a ticket with comments. */
const ZENDESK: FieldRule[] = ['', '/ticket'].flatMap((t) => [
  rule(`${t}/subject`, 'text'),
  rule(`${t}/raw_subject`, 'text'),
  rule(`${t}/description`, 'text'),
  rule(`${t}/custom_fields/*/value`, 'custom-zendesk'),
  rule(`${t}/fields/*/value`, 'custom-zendesk'),
  ...zendeskComment(`${t}/comment`),
  ...zendeskComment(`${t}/comments/*`),
]);

const freshdeskAttachments = (base: string) => [rule(`${base}/attachments/*/name`, 'text'), rule(`${base}/attachments/*/attachment_url`, 'url')];
/** Freshdesk: a ticket as GET /api/v2/tickets/:id?include=conversations returns it. */
const FRESHDESK: FieldRule[] = [
  rule('/subject', 'text'),
  rule('/description_text', 'text'),
  rule('/description', 'html', ['description_text']),
  rule('/custom_fields/*', 'custom-freshdesk'),
  ...freshdeskAttachments(''),
  rule('/conversations/*/body_text', 'text'),
  rule('/conversations/*/body', 'html', ['body_text']),
  ...freshdeskAttachments('/conversations/*'),
];

let sharedRedactor: Redactor | undefined;

/**
 * Redacts a Zendesk- or Freshdesk-shaped ticket: subject, description, comments/conversations (text and
 * HTML), custom field values and attachment names and URLs. Everything else (ids, dates, statuses,
 * requester records) is left as it is unless `extraFields` selects it. The input is not modified.
 */
export function redactTicket<T>(ticket: T, options: TicketRedactionOptions = {}): TicketRedaction<T> {
  if (ticket === null || typeof ticket !== 'object' || Array.isArray(ticket)) {
    throw new CaregateError('E_INPUT', `redactTicket() takes a ticket object, got ${ticket === null ? 'null' : Array.isArray(ticket) ? 'an array' : typeof ticket}`);
  }
  const redactor = options.redactor ? toRedactor(options.redactor) : (sharedRedactor ??= toRedactor(undefined));
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(ticket as Record<string, unknown>);
  const rules = [...(format === 'zendesk' ? ZENDESK : FRESHDESK), ...(options.extraFields ?? []).map((p) => rule(p, 'text'))];
  return new TicketWalk(redactor, format, options.fieldHints ?? {}, rules).run(ticket);
}

function detectFormat(t: Record<string, unknown>): TicketFormat {
  const inner = (typeof t.ticket === 'object' && t.ticket !== null ? t.ticket : t) as Record<string, unknown>;
  if (Array.isArray(inner.custom_fields) || Array.isArray(t.comments) || Array.isArray(inner.comments) || 'raw_subject' in inner || t.ticket !== undefined) return 'zendesk';
  if ('description_text' in t || Array.isArray(t.conversations) || (typeof t.custom_fields === 'object' && t.custom_fields !== null)) return 'freshdesk';
  throw new CaregateError(
    'E_INPUT',
    'redactTicket(): cannot tell whether this is a Zendesk or a Freshdesk ticket (no custom_fields, comments, conversations, raw_subject or description_text); pass { format: "zendesk" } or { format: "freshdesk" }',
  );
}

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class TicketWalk {
  private readonly state = newMaskState();
  private readonly findings: ValueFinding[] = [];
  private readonly errors: ScanError[] = [];
  private readonly rebuilt: string[] = [];
  /** Redacted text and findings of plain-text fields, by pointer, for their HTML twins. */
  private readonly texts = new Map<string, { text: string; findings: ValueFinding[] }>();
  private readonly html: Array<{ parent: Record<string, unknown>; key: string; path: string; twins: readonly string[] }> = [];

  constructor(
    private readonly redactor: Redactor,
    private readonly format: TicketFormat,
    private readonly hints: Record<string, string>,
    private readonly rules: readonly FieldRule[],
  ) {}

  run<T>(ticket: T): TicketRedaction<T> {
    const copy = structuredClone(ticket);
    this.visit(copy as unknown, [], '', undefined, '');
    // HTML after text, so each HTML field can be checked against its redacted plain-text twin.
    for (const h of this.html) this.redactHtml(h.parent, h.key, h.path, h.twins);
    // Paths were walked with the ticket's own member names; what leaves has each name through the output gate.
    const findings = this.findings.map((f) => ({ ...f, path: safePointer(f.path) }));
    return { ticket: copy, format: this.format, findings, errors: this.errors, rebuiltHtml: this.rebuilt.map(safePointer) };
  }

  private visit(node: unknown, segments: string[], path: string, parent: Record<string, unknown> | unknown[] | undefined, key: string): void {
    const matched = segments.length ? this.rules.find((r) => matchesPointer(segments, r.pattern)) : undefined;
    if (matched && parent) {
      this.apply(matched, node, parent, key, path);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) node.forEach((item, i) => this.visit(item, [...segments, String(i)], `${path}/${i}`, node, String(i)));
    else for (const [k, v] of Object.entries(node)) this.visit(v, [...segments, k], `${path}/${escapePointer(k)}`, node as Record<string, unknown>, k);
  }

  private apply(r: FieldRule, node: unknown, parent: Record<string, unknown> | unknown[], key: string, path: string): void {
    const set = (v: unknown) => ((parent as Record<string, unknown>)[key] = v);
    if (r.kind === 'text') {
      if (typeof node === 'string') set(this.redactText(node, path));
      else if (node !== null && typeof node === 'object') this.redactValueAt(node, path, set);
    } else if (r.kind === 'url') {
      if (typeof node === 'string') set(this.redactUrl(node, path));
    } else if (r.kind === 'html') {
      if (typeof node === 'string') this.html.push({ parent: parent as Record<string, unknown>, key, path, twins: r.twins ?? [] });
    } else if (r.kind === 'custom-zendesk') {
      const id = (parent as Record<string, unknown>).id;
      const entity = id === undefined || !Object.hasOwn(this.hints, String(id)) ? undefined : this.hints[String(id)];
      if (entity) set(this.maskHinted(node, entity, path, `field-hint:${String(id)}`));
      else this.redactValueAt(node, path, set);
    } else {
      const entity = Object.hasOwn(this.hints, key) ? this.hints[key] : undefined;
      if (entity) set(this.maskHinted(node, entity, path, `field-hint:${key}`));
      else {
        // Freshdesk names custom fields cf_<label>: the label is what the sensitive-key hints know.
        const label = key.replace(/^cf_/i, '');
        const r2 = this.redactor.redactValue({ [label]: node });
        // redactValue's paths carry gated member names.
        const own = `/${safePointerToken(label)}`;
        for (const f of r2.findings) if (!f.path.startsWith(`${own}#`)) this.findings.push({ ...f, path: path + f.path.slice(own.length) });
        this.errors.push(...r2.errors);
        set(Object.values(r2.value as Record<string, unknown>)[0]);
      }
    }
  }

  private redactText(text: string, path: string): string {
    const session = this.redactor.session({ maskState: this.state });
    const a = session.push(text);
    const b = session.finish();
    const found = [...a.findings, ...b.findings].map((f) => ({ path, ruleId: f.ruleId, entity: f.entity, start: f.start, end: f.end, confidence: f.confidence }));
    this.findings.push(...found);
    this.errors.push(...a.errors, ...b.errors);
    const out = a.text + b.text;
    this.texts.set(path, { text: out, findings: found });
    return out;
  }

  /**
   * Attachment URLs carry the file name percent-encoded ("declined%20378282246310005.png"), where the
   * digits run into the escape. The decoded URL is what is scanned; when it holds PII, the redacted decoded
   * text replaces the URL (a signed link stops working once changed anyway).
   */
  private redactUrl(url: string, path: string): string {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url.replace(/\+/g, ' '));
    } catch {
      // Not valid percent-encoding: scan it as written.
    }
    const before = this.findings.length;
    const redacted = this.redactText(decoded, path);
    return this.findings.length > before ? redacted : url;
  }

  private redactValueAt(node: unknown, path: string, set: (v: unknown) => void): void {
    const r = this.redactor.redactValue(node);
    for (const f of r.findings) this.findings.push({ ...f, path: path + f.path });
    this.errors.push(...r.errors);
    set(r.value);
  }

  /** A hinted field: every string or number in it is masked as the hinted entity, whatever it looks like. */
  private maskHinted(node: unknown, entity: string, path: string, ruleId: string): unknown {
    if (typeof node === 'string' || typeof node === 'number') {
      const raw = String(node);
      if (!raw) return node;
      const masked = this.redactor.maskEntity(entity, raw, this.state);
      // Already a mask of its entity (a ticket redacted before): kept as it is, nothing found.
      if (masked !== raw) this.findings.push({ path, ruleId, entity, start: 0, end: raw.length, confidence: 1 });
      return masked;
    }
    if (Array.isArray(node)) return node.map((v, i) => this.maskHinted(v, entity, `${path}/${i}`, ruleId));
    return node;
  }

  /**
   * HTML is scanned as text, which finds what is written plainly in text and attributes. Markup or a
   * character reference inside a number (4111&nbsp;1111…) hides it from that scan, so the plain-text twin
   * decides: if it held more of any entity than the HTML scan found, the HTML is rebuilt from the twin.
   */
  private redactHtml(parent: Record<string, unknown>, key: string, path: string, twins: readonly string[]): void {
    const html = parent[key] as string;
    const before = this.findings.length;
    const redacted = this.redactText(html, path);
    const found = this.findings.slice(before);
    parent[key] = redacted;
    const parentPath = path.slice(0, path.lastIndexOf('/'));
    const twin = twins.map((t) => this.texts.get(`${parentPath}/${escapePointer(t)}`)).find((t) => t !== undefined);
    if (!twin) return;
    const count = (fs: readonly ValueFinding[]) => fs.reduce((m, f) => m.set(f.entity, (m.get(f.entity) ?? 0) + 1), new Map<string, number>());
    const inHtml = count(found);
    const missed = [...count(twin.findings)].some(([entity, n]) => (inHtml.get(entity) ?? 0) < n);
    if (missed) {
      parent[key] = `<div>${escapeHtml(twin.text).replace(/\r?\n/g, '<br>')}</div>`;
      this.rebuilt.push(path);
    }
  }
}
