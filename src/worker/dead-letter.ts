import { headers as natsHeaders, type JetStreamClient, type JsMsg, type MsgHdrs } from 'nats';
import type { Redactor } from '../redactor.js';
import { deadLetterSubject, type ResolvedWorkerOptions } from './config.js';
import { HEADERS, type ClassifiedError } from './process-message.js';

/** Input headers carried over to a dead letter so it can be replayed: identifiers only, never content. */
const CARRIED = [HEADERS.format, HEADERS.contentType, HEADERS.object, HEADERS.objectBucket] as const;

export function deadLetterHeaders(msg: JsMsg, error: ClassifiedError, payloadMode: ResolvedWorkerOptions['deadLetterPayload']): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADERS.errorCode, error.code);
  h.set(HEADERS.error, error.message);
  h.set(HEADERS.errorKind, error.kind);
  if (error.line !== undefined) h.set(HEADERS.errorLine, String(error.line));
  if (error.byte !== undefined) h.set(HEADERS.errorByte, String(error.byte));
  h.set(HEADERS.deliveries, String(msg.info.deliveryCount));
  h.set(HEADERS.input, `${msg.info.stream}:${msg.seq}`);
  h.set(HEADERS.inputSubject, msg.subject);
  const inputId = msg.headers?.get(HEADERS.msgId);
  if (inputId) h.set(HEADERS.inputMsgId, inputId);
  h.set(HEADERS.deadLetterPayload, payloadMode);
  for (const name of CARRIED) {
    const v = msg.headers?.get(name);
    if (v) h.set(name, v.replace(/[\r\n]/g, ' ').slice(0, 512));
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
