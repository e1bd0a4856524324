// The one vocabulary of verification factor categories, shared by the verifier (policy, check() result)
// and the request register (transition(id, 'verified', { verification })).

/** Something the person knows, has, or is (NIST SP 800-63B; PCI DSS FAQ 1426). */
export const FACTOR_CATEGORIES = ['knowledge', 'possession', 'inherence'] as const;
export type FactorCategory = (typeof FACTOR_CATEGORIES)[number];

/** Short forms older callers and ledgers used (know / have / are), read as the same categories. */
export const FACTOR_CATEGORY_ALIASES: Readonly<Record<string, FactorCategory>> = Object.freeze({
  know: 'knowledge',
  have: 'possession',
  are: 'inherence',
});

/** The category a name stands for (a category or an alias), or undefined. */
export function factorCategoryOf(name: string): FactorCategory | undefined {
  if ((FACTOR_CATEGORIES as readonly string[]).includes(name)) return name as FactorCategory;
  return Object.hasOwn(FACTOR_CATEGORY_ALIASES, name) ? FACTOR_CATEGORY_ALIASES[name] : undefined;
}
