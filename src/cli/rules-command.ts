import type { Command } from 'commander';
import { CaregateError } from '../errors.js';
import { createRedactor, type Redactor, type RuleInfo } from '../redactor.js';
import { describeDetector } from '../report/rule-catalogue.js';
import { DEFAULT_PACKS, loadPackFile, loadShippedPack, shippedPackNames } from '../rules/load.js';
import type { Rule, RulePack } from '../rules/types.js';
import { EXIT } from './exit-codes.js';
import { addRedactorOptions, redactorConfigFrom, type RedactorCliOptions } from './options.js';
import type { CliIO } from './redact-command.js';

/**
 * `caregate rules list | show <id> | validate <pack.json> | test [pack.json]`. Exit statuses: 0 done (all
 * examples pass, pack valid), 1 some example failed (test), 2 usage or configuration error (unknown rule,
 * invalid pack).
 */
export function registerRulesCommand(program: Command, io: CliIO): void {
  const rules = program.command('rules').description('the rule catalogue: list, show, validate a custom pack, run its examples');

  addRedactorOptions(
    rules
      .command('list')
      .description('every rule in use with its entity, mask and regulation references')
      .option('--json', 'as JSON'),
  ).action((opts: RedactorCliOptions & { json?: boolean }) => {
    const redactor = createRedactor(redactorConfigFrom(opts));
    io.stdout.write(opts.json ? `${JSON.stringify(redactor.rules, null, 2)}\n` : renderList(redactor.rules));
    io.exitCode = EXIT.OK;
  });

  addRedactorOptions(
    rules
      .command('show')
      .description('one rule in full: description, detector, validators, context words, regulations, mask, examples')
      .argument('<id>', 'rule id (see rules list)')
      .option('--json', 'as JSON'),
  ).action((id: string, opts: RedactorCliOptions & { json?: boolean }) => {
    const redactor = createRedactor(redactorConfigFrom(opts));
    const info = redactor.rules.find((r) => r.id === id);
    const source = packsInUse(opts).flatMap(({ pack }) => pack.rules.map((rule) => ({ pack, rule }))).find((x) => x.rule.id === id);
    if (!info || !source) {
      const near = redactor.rules.filter((r) => r.id.includes(id) || id.includes(r.id) || r.entity.toLowerCase() === id.toLowerCase()).map((r) => r.id);
      throw new CaregateError('E_USAGE', `no rule "${id}" in use${near.length ? `; did you mean ${near.join(', ')}?` : ''} (caregate rules list shows them all)`);
    }
    io.stdout.write(opts.json ? `${JSON.stringify({ ...info, rule: source.rule }, null, 2)}\n` : renderShow(info, source.rule, source.pack));
    io.exitCode = EXIT.OK;
  });

  rules
    .command('validate')
    .description('check a custom rule pack against the schema (rules/schema.json) and the engine (ReDoS, validators, ids)')
    .argument('<pack>', 'a rule pack JSON file')
    .action((file: string) => {
      try {
        const pack = loadPackFile(file);
        createRedactor({ extraPacks: [file] });
        io.stdout.write(`caregate: ${file}: valid pack "${pack.pack}" ${pack.version}, ${pack.rules.length} rule${pack.rules.length === 1 ? '' : 's'}\n`);
        io.exitCode = EXIT.OK;
      } catch (err) {
        if (!(err instanceof CaregateError)) throw err;
        io.stderr.write(`${err.message}\n${hint(err)}`);
        io.exitCode = EXIT.USAGE;
      }
    });

  addRedactorOptions(
    rules
      .command('test')
      .description('run every example of a pack (default: the packs in use) and print pass/fail per example')
      .argument('[pack]', 'a rule pack JSON file (tested alongside the packs in use)'),
  ).action((file: string | undefined, opts: RedactorCliOptions) => {
    let packs: { pack: RulePack; file: string }[];
    let base: RedactorCliOptions;
    try {
      if (file) {
        packs = [{ pack: loadPackFile(file), file }];
        base = { ...opts, pack: [...opts.pack, file] };
      } else {
        packs = packsInUse(opts);
        base = opts;
      }
      createRedactor(redactorConfigFrom(base));
    } catch (err) {
      if (!(err instanceof CaregateError) || !err.code.startsWith('E_RULE')) throw err;
      io.stderr.write(`${err.message}\n${hint(err)}`);
      io.exitCode = EXIT.USAGE;
      return;
    }
    const outcome = runExamples(packs, base);
    io.stdout.write(outcome.lines.join('\n') + '\n');
    io.stdout.write(`caregate: ${outcome.passed} passed, ${outcome.failed} failed (${outcome.passed + outcome.failed} examples)\n`);
    io.exitCode = outcome.failed ? EXIT.FINDINGS : EXIT.OK;
  });
}

function hint(err: CaregateError): string {
  if (err.code === 'E_RULE_PACK') return 'caregate: the pack must follow rules/schema.json (see docs/rules.md for the shipped packs as examples)\n';
  if (err.code === 'E_RULE_REDOS') return 'caregate: rewrite the pattern without nested or ambiguous repetition (README: rules as data, ReDoS policy)\n';
  return '';
}

/** The packs the options select, in load order (shipped by name, others by path). */
export function packsInUse(opts: Pick<RedactorCliOptions, 'onlyPacks' | 'pack'>): { pack: RulePack; file: string }[] {
  const names = opts.onlyPacks ? opts.onlyPacks.split(',').map((s) => s.trim()).filter(Boolean) : [...DEFAULT_PACKS];
  const shipped = new Set(shippedPackNames());
  return [...names, ...opts.pack].map((n) => (shipped.has(n) ? { pack: loadShippedPack(n), file: `rules/${n}.json` } : { pack: loadPackFile(n), file: n }));
}

export interface ExampleOutcome {
  lines: string[];
  passed: number;
  failed: number;
}

/** Runs the positive and negative examples of the packs' rules against a redactor built from the options. */
export function runExamples(packs: { pack: RulePack; file: string }[], opts: RedactorCliOptions): ExampleOutcome {
  const cache = new Map<string, Redactor>();
  const redactorFor = (modes: string[]) => {
    const key = modes.join(',');
    let r = cache.get(key);
    if (!r) {
      r = createRedactor({ ...redactorConfigFrom(opts), modes });
      cache.set(key, r);
    }
    return r;
  };
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  const show = (s: string) => JSON.stringify(s.length > 70 ? `${s.slice(0, 69)}…` : s);
  for (const { pack, file } of packs) {
    lines.push(`${pack.pack} ${pack.version} (${file})`);
    for (const rule of pack.rules) {
      rule.examples.positive.forEach((ex, i) => {
        const found = redactorFor(ex.modes ?? rule.modes ?? [])
          .detect(ex.text)
          .filter((f) => f.ruleId === rule.id)
          .map((f) => ex.text.slice(f.start, f.end));
        const ok = found.includes(ex.match);
        ok ? passed++ : failed++;
        lines.push(`  ${ok ? 'PASS' : 'FAIL'} ${rule.id} positive #${i + 1}: finds ${show(ex.match)} in ${show(ex.text)}${ok ? '' : found.length ? ` (found ${found.map(show).join(', ')} instead)` : ' (found nothing)'}`);
      });
      rule.examples.negative.forEach((text, i) => {
        const found = redactorFor(rule.modes ?? [])
          .detect(text)
          .filter((f) => f.ruleId === rule.id)
          .map((f) => text.slice(f.start, f.end));
        const ok = found.length === 0;
        ok ? passed++ : failed++;
        lines.push(`  ${ok ? 'PASS' : 'FAIL'} ${rule.id} negative #${i + 1}: finds nothing in ${show(text)}${ok ? '' : ` (found ${found.map(show).join(', ')})`}`);
      });
    }
  }
  return { lines, passed, failed };
}

function renderList(rules: readonly RuleInfo[]): string {
  const rows = [['RULE', 'ENTITY', 'MASK', 'PACK', 'REGULATIONS'], ...rules.map((r) => [r.id, r.entity, r.mask, r.pack, r.regulations.join('; ') || '—'])];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join('  ')).join('\n') + '\n';
}

function renderShow(info: RuleInfo, rule: Rule, pack: RulePack): string {
  const out = [
    `${info.id} (${info.entity})`,
    '',
    rule.description,
    '',
    `pack:         ${pack.pack} ${pack.version}`,
    `detector:     ${describeDetector(rule)}`,
    `mask:         ${info.mask}${info.mask !== (typeof rule.mask === 'string' ? rule.mask : rule.mask.type) ? ` (pack default ${typeof rule.mask === 'string' ? rule.mask : rule.mask.type})` : ''}`,
    `confidence:   ${rule.confidence}`,
  ];
  if (rule.validators?.length) out.push(`validators:   ${rule.validators.join(', ')}`);
  if (rule.context) out.push(`context:      ${rule.context.words.join(', ')}${rule.context.required ? ' (required)' : ''}`);
  if (rule.modes?.length) out.push(`modes:        ${rule.modes.join(', ')}`);
  out.push(`regulations:  ${rule.regulations.join('; ') || '—'}`);
  if (info.docsUrl) out.push(`docs:         ${info.docsUrl}`);
  out.push('', 'examples (test data):');
  for (const ex of rule.examples.positive) out.push(`  finds ${JSON.stringify(ex.match)} in ${JSON.stringify(ex.text)}`);
  for (const ex of rule.examples.negative) out.push(`  leaves ${JSON.stringify(ex)}`);
  return out.join('\n') + '\n';
}
