import { keyHintOf, normalizeKey } from '../../value.js';
import type { CompiledRule } from '../plan.js';

/**
 * The table detector's plan: which entity a column header or a record key names (the redactor's key hints,
 * the same table redactValue and the CSV/JSON adapters read), and the rule that reports each entity (the
 * first active rule of that entity, as a key-hinted value is masked by it). Entities with no active rule
 * (disabled, or not in the packs) are never reported.
 */
export interface TablePlan {
  /** The entity a header or key names: a key hint, or CITY_LINE for a city column. */
  hintOf(key: string): string | undefined;
  ruleOf(entity: string): CompiledRule | undefined;
  /** A value this redactor already masked (its mask characters, or a [LABEL]): nothing new to find in it. */
  isMasked(value: string): boolean;
}

/**
 * A city column: a city alone is no personal data, but a city with its postcode is the second line of an
 * address, reported as STREET_ADDRESS (cell-shapes.ts, fitsEntity). Not a key hint: redactValue keeps a
 * "city" value unless the text engine finds something in it.
 */
export const CITY_LINE = 'CITY_LINE';
const CITY_KEYS: ReadonlySet<string> = new Set(['city', 'town', 'locality', 'cityline', 'citystatezip', 'cityzip', 'billingcity', 'shippingcity']);

export function compileTablePlan(rules: readonly CompiledRule[], keyHints: Readonly<Record<string, string>>, maskChars: ReadonlySet<number>): TablePlan | null {
  const byEntity = new Map<string, CompiledRule>();
  for (const r of rules) {
    // Reported as the entity's own rule (its id and mask), found by the table detector.
    if (!byEntity.has(r.entity)) byEntity.set(r.entity, { ...r, detector: 'table' });
  }
  if (!byEntity.size) return null;
  return {
    hintOf: (key) => keyHintOf(keyHints, key) ?? (CITY_KEYS.has(normalizeKey(key)) ? CITY_LINE : undefined),
    ruleOf: (entity) => byEntity.get(entity === CITY_LINE ? 'STREET_ADDRESS' : entity),
    isMasked: (value) => {
      for (let i = 0; i < value.length; i++) if (maskChars.has(value.charCodeAt(i))) return true;
      return /^\[[A-Z][A-Z0-9_:]*\]$/.test(value);
    },
  };
}
