import { expect } from 'vitest';
import { PREFILTERS } from '../../src/detect/prefilter.js';
import type { Redactor } from '../../src/redactor.js';

/** The redactor's output and explained findings on text are the same with the prefilters on and off. */
export function expectSameWithoutPrefilters(redactor: Redactor, text: string): void {
  PREFILTERS.enabled = true;
  const on = JSON.stringify([redactor.redact(text), redactor.detect(text, { explain: true })]);
  PREFILTERS.enabled = false;
  const off = JSON.stringify([redactor.redact(text), redactor.detect(text, { explain: true })]);
  PREFILTERS.enabled = true;
  expect(on).toBe(off);
}
