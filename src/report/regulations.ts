/**
 * Regulation references as the rules write them ("PCI DSS 4.0.1 3.3.1", "GDPR Art. 4(1)", "CCPA
 * 1798.140(v)", "HIPAA 164.514(b)(2)"…): which regulation each names, the requirement, and a link to the
 * public text, so that an auditor can group findings by regulation and open the requirement.
 */
export interface RegulationRef {
  /** The regulation a reference belongs to: "PCI DSS", "GDPR", "UK GDPR", "CCPA", "HIPAA", "GLBA", … */
  regulation: string;
  /** The reference as written in the rule. */
  ref: string;
  url?: string;
}

interface Family {
  name: string;
  match: RegExp;
  url: (m: RegExpExecArray) => string | undefined;
}

// Order matters: "UK GDPR" before "GDPR".
const FAMILIES: Family[] = [
  { name: 'PCI DSS', match: /^PCI (?:DSS|SSC)\b/, url: () => 'https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0_1.pdf' },
  { name: 'UK GDPR', match: /^UK GDPR\b/, url: () => 'https://www.legislation.gov.uk/eur/2016/679/contents' },
  { name: 'GDPR', match: /^GDPR (?:Art\. (\d+)|Recital (\d+))?/, url: (m) => (m[1] ? `https://gdpr-info.eu/art-${m[1]}-gdpr/` : m[2] ? `https://gdpr-info.eu/recitals/no-${m[2]}/` : 'https://gdpr-info.eu/') },
  { name: 'CCPA', match: /^CCPA (?:(1798\.\d+)|(\d{4}))?/, url: (m) => (m[1] ? `https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=${m[1]}` : 'https://cppa.ca.gov/regulations/') },
  { name: 'HIPAA', match: /^(?:HIPAA|45 CFR)\b(?:.*?(16\d)\.(\d+))?/, url: (m) => (m[1] ? `https://www.ecfr.gov/current/title-45/section-${m[1]}.${m[2]}` : 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C') },
  { name: 'GLBA', match: /^GLBA\b/, url: () => 'https://www.law.cornell.edu/uscode/text/15/6809' },
  { name: 'PSD2', match: /^PSD2\b/, url: () => 'https://eur-lex.europa.eu/eli/dir/2015/2366/oj' },
];

export function parseRegulation(ref: string): RegulationRef {
  for (const f of FAMILIES) {
    const m = f.match.exec(ref);
    if (m) {
      const url = f.url(m);
      return { regulation: f.name, ref, ...(url ? { url } : {}) };
    }
  }
  // A national law or another reference: grouped by its first word(s) before a number.
  const name = /^[^\d(]+/.exec(ref)?.[0]?.trim() || ref;
  return { regulation: name, ref };
}

/** The order regulations are shown in: the four the report is about first, then the rest by name. */
export const REGULATION_ORDER = ['PCI DSS', 'GDPR', 'UK GDPR', 'CCPA', 'HIPAA'];
export function regulationRank(name: string): number {
  const i = REGULATION_ORDER.indexOf(name);
  return i === -1 ? REGULATION_ORDER.length : i;
}
