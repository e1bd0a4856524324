// Every value a person supplies is scanned by the redaction engine before it is compared: a card number,
// a CVV by its context, an SSN or other forbidden data is refused whatever the field is called
// (`phone_last4: "<card number>"` is still a card number).
import { createRedactor } from '../redactor.js';
import type { Redactor } from '../redactor.js';
import { forbiddenEntity } from './forbidden.js';
import type { ForbiddenMatch } from './forbidden.js';

let engine: Redactor | undefined;

/** The default engine, created on first use and shared by every verifier of the process. */
function defaultEngine(): Redactor {
  engine ??= createRedactor();
  return engine;
}

/** The first forbidden kind of data the engine finds in a value, if any. */
export function forbiddenInValue(value: string): ForbiddenMatch | undefined {
  for (const finding of defaultEngine().detect(value)) {
    const hit = forbiddenEntity(finding.entity);
    if (hit) return hit;
  }
  return undefined;
}
