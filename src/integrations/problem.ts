import { safePointer } from '../safe-output.js';

/**
 * RFC 9457 problem details for the HTTP integrations. Bodies name fields (JSON pointers, their member names
 * passed through the output gate) and entity types, never a value from the request.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  /** A URN naming the kind of problem (stable, for programs). */
  type: string;
  title: string;
  status: number;
  /** What was wrong and what to do, for people. */
  detail: string;
  [member: string]: unknown;
}

/** A field that carried data the policy forbids there. */
export interface ForbiddenField {
  /** JSON pointer to the field. */
  pointer: string;
  entity: string;
  /** 'name' when the member name itself carried it. */
  in: 'value' | 'name';
}

const ENTITY_WORDS: Record<string, string> = {
  CREDIT_CARD: 'a card number',
  CARD_CVV: 'a card security code (CVV)',
  CARD_TRACK_DATA: 'card track data',
  CARD_EXPIRY: 'a card expiry date',
  PIN: 'a PIN',
};

const describeEntity = (entity: string) => ENTITY_WORDS[entity] ?? `data of type ${entity}`;
const describeField = (f: ForbiddenField) => `${describeEntity(f.entity)} ${f.in === 'name' ? 'in the member name at' : 'at'} ${f.pointer || '/ (the whole body)'}`;

export function forbiddenDataProblem(given: readonly ForbiddenField[]): Problem {
  // Finding paths are gated already; a pointer from anywhere else is gated here (idempotent on safe ones).
  const fields = given.map((f) => ({ ...f, pointer: safePointer(f.pointer) }));
  const listed = fields.slice(0, 5).map(describeField);
  const more = fields.length > 5 ? ` and ${fields.length - 5} more` : '';
  return {
    type: 'urn:caregate:problem:forbidden-data',
    title: 'The request carries card data in fields that must not hold it',
    status: 422,
    detail: `The request carries ${listed.join(', ')}${more}. These fields must not hold card data: remove it and send it again; card details go only through the fields meant for them.`,
    errors: fields.map((f) => ({ pointer: f.pointer, entity: f.entity, in: f.in, detail: `${describeEntity(f.entity)} is not accepted here` })),
  };
}

export function malformedJsonProblem(position?: number): Problem {
  return {
    type: 'urn:caregate:problem:malformed-json',
    title: 'The request body is not valid JSON',
    status: 400,
    detail: `The request body could not be parsed as JSON${position === undefined ? '' : ` (the error is near character ${position})`}. Send a single JSON document encoded as UTF-8.`,
  };
}

export function emptyJsonProblem(): Problem {
  return {
    type: 'urn:caregate:problem:malformed-json',
    title: 'The request body is empty',
    status: 400,
    detail: 'The request says its body is JSON but the body is empty. Send a JSON document, or leave out the Content-Type header.',
  };
}

export function forbiddenMemberProblem(name: string): Problem {
  return {
    type: 'urn:caregate:problem:malformed-json',
    title: 'The request body uses a reserved member name',
    status: 400,
    detail: `The JSON body contains a member named "${name}", which is refused because it can alter objects' prototypes. Rename the member.`,
  };
}

export function bodyTooLargeProblem(limit: number): Problem {
  return {
    type: 'urn:caregate:problem:body-too-large',
    title: 'The request body is too large',
    status: 413,
    detail: `The request body is larger than the ${limit} bytes this endpoint accepts. Send a smaller body.`,
    limit,
  };
}

export function unsupportedBodyProblem(detail: string): Problem {
  return { type: 'urn:caregate:problem:unsupported-body', title: 'The request body cannot be read', status: 415, detail };
}

export function unreadableBodyProblem(): Problem {
  return {
    type: 'urn:caregate:problem:unreadable-body',
    title: 'The request body could not be read',
    status: 400,
    detail: 'The request body ended early or was not valid UTF-8. Send the whole body, encoded as UTF-8.',
  };
}
