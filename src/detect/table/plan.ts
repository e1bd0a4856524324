import { keyHintOf } from '../../value.js';
import type { CompiledRule } from '../plan.js';

/**
 * The table detector's plan: which entity a column header or a record key names (the redactor's key hints,
 * the same table redactValue and the CSV/JSON adapters read), and the rule that reports each entity (the
 * first active rule of that entity, as a key-hinted value is masked by it). Entities with no active rule
 * (disabled, or not in the packs) are never reported.
 */
export interface TablePlan {
  hintOf(key: string): string | undefined;
  ruleOf(entity: string): CompiledRule | undefined;
  /** A value this redactor already masked (its mask characters, or a [LABEL]): nothing new to find in it. */
  isMasked(value: string): boolean;
}

export function compileTablePlan(rules: readonly CompiledRule[], keyHints: Readonly<Record<string, string>>, maskChars: ReadonlySet<number>): TablePlan | null {
  const byEntity = new Map<string, CompiledRule>();
  for (const r of rules) {
    // Reported as the entity's own rule (its id and mask), found by the table detector.
    if (!byEntity.has(r.entity)) byEntity.set(r.entity, { ...r, detector: 'table' });
  }
  if (!byEntity.size) return null;
  return {
    hintOf: (key) => keyHintOf(keyHints, key),
    ruleOf: (entity) => byEntity.get(entity),
    isMasked: (value) => /^\[[A-Z][A-Z0-9_:]*\]$/.test(value) || [...value].some((c) => maskChars.has(c.charCodeAt(0))),
  };
}
