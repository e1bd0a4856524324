/** Chats and call transcripts rendered from turns: speaker labels, timestamps, case, typos, fillers. */
import { DocBuilder, lowerAll, mapText, neg, type Piece } from '../doc.js';
import { nativeDigits } from '../values/digits.js';
import type { Rng } from '../rng.js';
import { firstNamePiece, fullNamePiece, type Context } from './context.js';
import { conversation, type Who } from './dialogue.js';
import { languageOf, localizedConversation } from './localized.js';

/** A typist's slips in plain words: swapped, dropped and doubled letters, chat shorthand. */
export function typos(rng: Rng, rate: number): (s: string) => string {
  const shorthand: Record<string, string> = { you: 'u', please: 'pls', thanks: 'thx', are: 'r', because: 'bc', your: 'ur', okay: 'ok' };
  return (s) => s.replace(/\p{L}{3,}/gu, (w) => {
    if (!rng.chance(rate)) return w;
    const lower = w.toLowerCase();
    if (shorthand[lower] && rng.chance(0.5)) return shorthand[lower]!;
    const i = rng.int(1, w.length - 2);
    switch (rng.int(0, 2)) {
      case 0: return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      case 1: return w.slice(0, i) + w.slice(i + 1);
      default: return w.slice(0, i) + w[i] + w.slice(i);
    }
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

function clock(rng: Rng, base: { h: number; m: number; s: number }): string {
  base.s += rng.int(4, 70);
  base.m += Math.floor(base.s / 60);
  base.s %= 60;
  base.h = (base.h + Math.floor(base.m / 60)) % 24;
  base.m %= 60;
  return `${pad(base.h)}:${pad(base.m)}`;
}

type LabelStyle = (who: Who, c: Context) => Piece[];

const chatLabels: LabelStyle[] = [
  (who, c) => [who === 'agent' ? firstNamePiece(c.agent) : firstNamePiece(c.customer), ': '],
  (who, c) => [who === 'agent' ? 'Agent ' : '', who === 'agent' ? firstNamePiece(c.agent) : fullNamePiece(c.customer), ': '],
  (who) => [who === 'agent' ? 'Support: ' : 'You: '],
  (who) => [who === 'agent' ? 'agent: ' : 'customer: '],
  (who, c) => [who === 'agent' ? 'Agent (' : 'Customer (', who === 'agent' ? firstNamePiece(c.agent) : firstNamePiece(c.customer), '): '],
  (who) => [who === 'agent' ? 'Bot/Agent > ' : 'Visitor > '],
];

const transcriptLabels: LabelStyle[] = [
  (who) => [who === 'agent' ? 'Agent: ' : 'Customer: '],
  (who) => [who === 'agent' ? 'AGENT: ' : 'CUSTOMER: '],
  (who) => [who === 'agent' ? 'Rep: ' : 'Caller: '],
  (who) => [who === 'agent' ? '**Agent:** ' : '**Customer:** '],
  (who, c) => [who === 'agent' ? 'Agent (' : 'Customer (', who === 'agent' ? firstNamePiece(c.agent) : firstNamePiece(c.customer), '): '],
  (who, c) => [who === 'agent' ? firstNamePiece(c.agent) : firstNamePiece(c.customer), ': '],
  (who, c) => [who === 'agent' ? fullNamePiece(c.agent) : fullNamePiece(c.customer), ': '],
  (who) => [who === 'agent' ? 'A: ' : 'C: '],
  (who) => [who === 'agent' ? 'Speaker 1: ' : 'Speaker 2: '],
  (who) => [who === 'agent' ? 'spk_0: ' : 'spk_1: '],
  (who) => [who === 'agent' ? 'AGENT - ' : 'CUSTOMER - '],
];

/** A chat log: timestamps in some, lower case and typos on the customer's side. */
export function renderChat(c: Context): DocBuilder {
  const { rng } = c;
  const b = new DocBuilder();
  const label = rng.pick(chatLabels);
  const stamp = rng.int(0, 2); // 0 none, 1 [hh:mm] before, 2 "(hh:mm)" after the label
  const lower = rng.chance(0.5);
  // Some customers type numbers in their own script's digits (Arabic-Indic, Persian, Devanagari, full-width).
  const native = rng.chance(0.6);
  const slip = typos(rng, rng.pick([0, 0.03, 0.08]));
  const t = { h: rng.int(7, 21), m: rng.int(0, 59), s: 0 };
  const lang = languageOf(c.locale.id);
  const local = lang && rng.chance(0.3) ? lang : undefined;
  if (local) b.language = local;
  const turns = local ? localizedConversation(c, local) : conversation(c);
  for (const turn of turns) {
    let pieces = turn.pieces;
    if (turn.who === 'customer') {
      pieces = mapText(pieces, slip);
      if (lower) pieces = lowerAll(pieces);
      if (native) pieces = nativeDigits(pieces, c.locale.id, rng);
    }
    const head: Piece[] = [];
    if (stamp === 1) head.push('[', neg('chat-timestamp', clock(rng, t)), '] ');
    head.push(...label(turn.who, c));
    if (stamp === 2) head.push('(', neg('chat-timestamp', clock(rng, t)), ') ');
    b.line(...head, ...pieces);
  }
  return b;
}

const FILLERS = ['um, ', 'uh ', 'so ', 'yeah, ', 'okay so ', 'like, ', 'you know, ', 'hmm, ', 'right, '];

/** A call transcript: a speaker-label style per call, fillers, interruptions, ASR lower case in some. */
export function renderTranscript(c: Context): DocBuilder {
  const { rng } = c;
  const b = new DocBuilder();
  const label = rng.pick(transcriptLabels);
  const timed = rng.chance(0.3);
  const asr = rng.chance(0.3);
  let sec = rng.int(0, 30);
  if (rng.chance(0.5)) b.line('Call recording ', neg('call-id', `#${rng.digits(8)}`), ' - ', neg('timestamp-or-date', `${rng.int(2024, 2026)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`));
  for (const turn of conversation(c)) {
    let pieces = turn.pieces;
    if (turn.who === 'customer' && rng.chance(0.4)) pieces = [rng.pick(FILLERS), ...pieces];
    if (rng.chance(0.05)) pieces = [...pieces, rng.pick([' [inaudible]', ' --', ' [crosstalk]', '...'])];
    if (asr) pieces = lowerAll(mapText(pieces, (s) => s.replace(/[.,!?;"]/g, '')));
    const head: Piece[] = [];
    if (timed) {
      sec += rng.int(3, 40);
      head.push('[', neg('call-offset', `${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}`), '] ');
    }
    b.line(...head, ...label(turn.who, c), ...pieces);
  }
  return b;
}
