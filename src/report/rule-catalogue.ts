import type { Rule, RulePack } from '../rules/types.js';

/** How a rule's detector reads, in words, for auditors. */
export function describeDetector(rule: Rule): string {
  const d = rule.detector as unknown as Record<string, unknown>;
  if (d.builtin === 'digits') {
    const digits = d.digits as { min: number; max: number };
    const parts = [`${digits.min === digits.max ? digits.min : `${digits.min}–${digits.max}`} digits`];
    if (d.groups) parts.push(`grouped ${(d.groups as string[]).join(', ')}`);
    if (d.layouts) parts.push(`laid out ${(d.layouts as string[]).join(', ')}`);
    if (d.requireLeading) parts.push(`opening with '${d.leading as string}'`);
    if (d.spoken) parts.push(d.spokenWindows === 'whole' ? 'written or read out as a whole' : 'written or read out');
    return `number: ${parts.join(', ')}`;
  }
  if (typeof d.builtin === 'string') return `built-in detector \`${d.builtin}\``;
  if (Array.isArray(d.keywords)) {
    const kws = d.keywords as string[];
    const shown = kws.slice(0, 8).map((k) => `“${k}”`).join(', ');
    return `after ${d.before ? 'and before ' : ''}keywords ${shown}${kws.length > 8 ? ` and ${kws.length - 8} more` : ''}${d.typos ? ', also misspelt by one slip' : ''}`;
  }
  return `pattern \`${d.pattern as string}\``;
}

const maskName = (m: Rule['mask']) => (typeof m === 'string' ? m : m.type);

/** The rule catalogue as Markdown: one section per rule, anchored by rule id (findings' docsUrl). */
export function renderRuleCatalogue(packs: RulePack[]): string {
  const out: string[] = [
    '# Rule catalogue',
    '',
    'Generated from the shipped rule packs in `rules/` by `npm run docs:rules`; a test fails when this file and the packs disagree.',
    'Each section is what a finding\'s `docsUrl` points to. Examples are test data (generated numbers), run as tests.',
    '',
  ];
  for (const pack of packs) {
    out.push(`## Pack \`${pack.pack}\` ${pack.version}`, '', pack.description, '');
    out.push('| rule | entity | default mask | regulations |', '|---|---|---|---|');
    for (const r of pack.rules) out.push(`| [${r.id}](#${r.id}) | ${r.entity} | ${maskName(r.mask)} | ${r.regulations.join('; ')} |`);
    out.push('');
    for (const r of pack.rules) {
      out.push(`### ${r.id}`, '');
      out.push(r.description, '');
      out.push(`- Entity: \`${r.entity}\`; confidence ${r.confidence}; default mask \`${maskName(r.mask)}\`${r.retention === 'none' ? ' (keeps nothing of the value: only `label` or `remove`)' : ''}`);
      out.push(`- Detector: ${describeDetector(r)}`);
      if (r.validators?.length) out.push(`- Validators: ${r.validators.map((v) => `\`${v}\``).join(', ')}`);
      if (r.context) {
        out.push(`- Context words (${r.context.before ?? 48} characters before, ${r.context.after ?? 24} after${r.context.required ? ', required' : ''}): ${r.context.words.join(', ')}`);
        if (r.context.exclude?.length) out.push(`- Not when near: ${r.context.exclude.join(', ')}`);
      }
      if (r.modes) out.push(`- Only in mode: ${r.modes.join(', ')}`);
      out.push(`- Regulations: ${r.regulations.join('; ') || '—'}`);
      out.push('- Finds:');
      for (const ex of r.examples.positive) out.push(`  - \`${ex.text.replace(/\n/g, '⏎')}\` → \`${ex.match}\``);
      out.push('- Leaves alone:');
      for (const ex of r.examples.negative) out.push(`  - \`${ex}\``);
      out.push('');
    }
  }
  return out.join('\n');
}
