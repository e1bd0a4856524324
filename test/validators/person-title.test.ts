import { describe, expect, it } from 'vitest';
import { BUILTIN_VALIDATORS } from '../../src/validators/registry.js';

const check = (text: string) => BUILTIN_VALIDATORS['not-person-title']!({ text, digits: '', options: { defaultRegion: 'US', currentYear: 2026 } });

describe('not-person-title', () => {
  it.each(['Mr', 'Mrs', 'Dr', 'Professor', 'Captain', 'Reverend'])('refuses a value that is the title %s alone', (title) => {
    expect(check(title)).toBe(false);
  });
  it.each(['Mrs Bogan', 'Judge Fadel'])('refuses a value that starts with a title (%s): the pattern skips titles before names it reads', (value) => {
    expect(check(value)).toBe(false);
  });
  it.each(['Mirela', 'Drake', 'Profitt Jones', 'Sirius Black', 'Coaches'])('leaves a name that only starts like a title (%s)', (value) => {
    expect(check(value)).toBeUndefined();
  });
});
