import type { ReportContext, RunResults } from '../model.js';
import { formatReportCsv } from './csv.js';
import { formatReportHtml } from './html.js';
import { formatReportJson, formatScanJson } from './json.js';
import { formatScanNdjson } from './ndjson.js';
import { formatSarif } from './sarif.js';

/** A formatter: pure, results and context in, the whole document out. */
export type Formatter = (results: RunResults, context: ReportContext) => string;

/** `caregate scan --format …` (findings with locations and masked excerpts). */
export const SCAN_FORMATTERS = { json: formatScanJson, ndjson: formatScanNdjson, sarif: formatSarif } as const satisfies Record<string, Formatter>;
export type ScanFormat = keyof typeof SCAN_FORMATTERS;

/** `caregate report --format …` (counts for auditors). */
export const REPORT_FORMATTERS = { html: formatReportHtml, json: formatReportJson, csv: formatReportCsv } as const satisfies Record<string, Formatter>;
export type ReportFormat = keyof typeof REPORT_FORMATTERS;

export { formatReportCsv, formatReportHtml, formatReportJson, formatScanJson, formatScanNdjson, formatSarif };
