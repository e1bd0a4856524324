import { headers as natsHeaders, type JetStreamClient, type JsMsg, type MsgHdrs } from 'nats';
import type { Redactor } from '../redactor.js';
import { safeText } from '../safe-output.js';
import { deadLetterSubject, type ResolvedWorkerOptions } from './config.js';
import { HEADERS, type ClassifiedError } from './process-message.js';

/** Input headers carried over to a dead letter so it can be replayed: identifiers only, never content. */
const CARRIED = [HEADERS.format, HEADERS.contentType, HEADERS.object, HEADERS.objectBucket] as const;

/**
 * A header value that came from an error or from the input message: through the output gate (a card number
 * spelt out in words, an id that is an SSN are masked, not only digits), then one line of printable ASCII.
 */
export function safeHeaderValue(value: string, max: number): string {
  return safeText(value.replace(/[\r\n\t\0]+/g, ' '))
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, max);
}

export function deadLetterHeaders(msg: JsMsg, error: ClassifiedError, payloadMode: ResolvedWorkerOptions['deadLetterPayload']): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADERS.errorCode, safeHeaderValue(error.code, 80));
  h.set(HEADERS.error, safeHeaderValue(error.message, 300));
  h.set(HEADERS.errorKind, error.kind);
  if (error.line !== undefined) h.set(HEADERS.errorLine, String(error.line));
  if (error.byte !== undefined) h.set(HEADERS.errorByte, String(error.byte));
  h.set(HEADERS.deliveries, String(msg.info.deliveryCount));
  h.set(HEADERS.input, `${msg.info.stream}:${msg.seq}`);
  h.set(HEADERS.inputSubject, safeHeaderValue(msg.subject, 512));
  const inputId = msg.headers?.get(HEADERS.msgId);
  if (inputId) h.set(HEADERS.inputMsgId, safeHeaderValue(inputId, 512));
  h.set(HEADERS.deadLetterPayload, payloadMode);
  for (const name of CARRIED) {
    const v = msg.headers?.get(name);
    if (v) h.set(name, safeHeaderValue(v, 512));
  }
  return h;
}

export function deadLetterPayload(msg: JsMsg, mode: ResolvedWorkerOptions['deadLetterPayload'], redactor: Redactor): Uint8Array {
  if (mode === 'none') return new Uint8Array(0);
  if (mode === 'raw') return msg.data;
  return Buffer.from(redactor.redact(Buffer.from(msg.data).toString('utf8')).text, 'utf8');
}

/**
 * Publishes the dead letter to deadLetterPrefix.<suffix> (expecting the dead-letter stream, so a raw dead letter can
 * never be captured by the output stream) with Nats-Msg-Id "dlq:<identity>": a retried dead-lettering is de-duplicated.
 */
export async function publishDeadLetter(
  js: JetStreamClient,
  o: ResolvedWorkerOptions,
  redactor: Redactor,
  msg: JsMsg,
  suffix: string | undefined,
  identity: string,
  error: ClassifiedError,
): Promise<void> {
  await js.publish(deadLetterSubject(o, suffix ?? '_unroutable'), deadLetterPayload(msg, o.deadLetterPayload, redactor), {
    msgID: `dlq:${identity}`,
    headers: deadLetterHeaders(msg, error, o.deadLetterPayload),
    expect: { streamName: o.deadLetterStream },
  });
}
