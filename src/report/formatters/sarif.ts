import { pathToFileURL } from 'node:url';
import type { ReportContext, ResultFinding, RunResults } from '../model.js';
import { effectiveRules, relUri } from '../model.js';
import { safePointer } from '../../safe-output.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE_ID = 'INPUTROOT';

/**
 * SARIF 2.1.0 (OASIS): one run, caregate as the driver with every rule in use (id, entity, description,
 * regulation references as tags and properties, mask), one result per finding pointing at the file, line and
 * column (UTF-16 code units, 1-based, endColumn exclusive). The message carries only the masked excerpt.
 * Files that failed are tool execution notifications; the invocation then says it was not successful.
 */
export function formatSarif(results: RunResults, context: ReportContext): string {
  const rules = effectiveRules(results);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const okFiles = results.files.filter((f) => f.ok);
  const artifactIndex = new Map(okFiles.map((f, i) => [f.rel, i]));
  const loc = (rel: string) => ({ uri: relUri(rel), uriBaseId: BASE_ID, ...(artifactIndex.has(rel) ? { index: artifactIndex.get(rel)! } : {}) });
  const sarifResults = [];
  for (const f of okFiles) {
    for (const found of f.items ?? []) {
      // Finding paths are gated where they are made; gated again here (idempotent), since SARIF leaves the host.
      const item = found.pointer ? { ...found, pointer: safePointer(found.pointer) } : found;
      const rule = rules[ruleIndex.get(item.ruleId) ?? -1];
      sarifResults.push({
        ruleId: item.ruleId,
        ...(ruleIndex.has(item.ruleId) ? { ruleIndex: ruleIndex.get(item.ruleId)! } : {}),
        level: rule?.pack === 'pci' ? 'error' : 'warning',
        kind: 'fail',
        message: { text: `${item.entity} found (${item.ruleId}); masked: ${item.excerpt}` },
        locations: [
          {
            physicalLocation: { artifactLocation: loc(f.rel), ...(region(item) ? { region: region(item)! } : {}) },
            ...(item.pointer !== undefined ? { logicalLocations: [{ fullyQualifiedName: item.pointer || '/', kind: 'element' }] } : {}),
          },
        ],
        properties: {
          entity: item.entity,
          confidence: item.confidence,
          maskedExcerpt: item.excerpt,
          ...(item.pointer !== undefined ? { jsonPointer: item.pointer } : {}),
          ...(item.record !== undefined ? { csvRecord: item.record } : {}),
          ...(item.field !== undefined ? { csvColumn: String(item.field) } : {}),
        },
      });
    }
  }
  const failed = results.files.filter((f) => !f.ok);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'caregate',
            semanticVersion: context.version,
            version: context.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: `${r.entity}: ${firstSentence(r.description)}` },
              fullDescription: { text: r.description },
              ...(r.docsUrl && /^https?:\/\//.test(r.docsUrl) ? { helpUri: r.docsUrl } : {}),
              help: { text: `${r.description}\nRegulations: ${r.regulations.join('; ') || 'none'}\nDefault mask: ${r.mask}` },
              defaultConfiguration: { level: r.pack === 'pci' ? 'error' : 'warning' },
              properties: {
                entity: r.entity,
                pack: r.pack,
                mask: r.mask,
                detector: r.detector,
                regulations: r.regulations,
                ...(r.docsUrl ? { docs: r.docsUrl } : {}),
                tags: [...new Set(['privacy', r.entity, ...r.regulations])],
              },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            endTimeUtc: context.generatedAt.toISOString(),
            toolExecutionNotifications: failed.map((f) => ({
              level: 'error',
              message: { text: f.error?.message ?? 'failed' },
              locations: [{ physicalLocation: { artifactLocation: { uri: relUri(f.rel), uriBaseId: BASE_ID } } }],
              properties: { code: f.error?.code ?? 'E_INPUT' },
            })),
          },
        ],
        originalUriBaseIds: { [BASE_ID]: { uri: `${pathToFileURL(results.base).href.replace(/\/?$/, '/')}` } },
        artifacts: okFiles.map((f) => ({
          location: { uri: relUri(f.rel), uriBaseId: BASE_ID },
          length: f.bytes,
          ...(f.sha256 ? { hashes: { 'sha-256': f.sha256 } } : {}),
          properties: { format: f.format ?? 'text', findings: f.findings },
        })),
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function region(item: ResultFinding) {
  if (item.line === undefined) return undefined;
  return {
    startLine: item.line,
    ...(item.column !== undefined ? { startColumn: item.column } : {}),
    ...(item.endLine !== undefined && item.column !== undefined ? { endLine: item.endLine } : {}),
    ...(item.endColumn !== undefined && item.column !== undefined ? { endColumn: item.endColumn } : {}),
  };
}

/** "credit-card" → "CreditCard" (SARIF rule names are identifiers). */
const ruleName = (id: string) => id.replace(/(^|[-_.])([a-z0-9])/gi, (_m, _s, c: string) => c.toUpperCase());

function firstSentence(s: string): string {
  const m = /^(.*?[.!?])(\s|$)/.exec(s);
  return m ? m[1]! : s;
}
