import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from './config.js';
import { CaregateError } from './errors.js';
import { DEFAULT_PACKS, RULES_DIR, shippedPackNames } from './rules/load.js';

/**
 * Turns the `regions` option and the `safe-harbor` mode into packs and disabled rules, from data
 * (rules/presets/regions.json, rules/presets/safe-harbor.json): a US desk loads no national identifiers
 * it never sees, a desk that names GB and IN gets id-gb and id-in on top of the default set.
 */
interface SafeHarborPreset {
  mode: string;
  packs: string[];
  disable: string[];
}

let regionTable: Readonly<Record<string, readonly string[]>> | undefined;
let safeHarbor: SafeHarborPreset | undefined;

const readPreset = (name: string) => JSON.parse(readFileSync(`${RULES_DIR}presets/${name}.json`, 'utf8')) as unknown;

export function regionPacks(): Readonly<Record<string, readonly string[]>> {
  regionTable ??= (readPreset('regions') as { regions: Record<string, string[]> }).regions;
  return regionTable;
}

export function safeHarborPreset(): SafeHarborPreset {
  safeHarbor ??= readPreset('safe-harbor') as SafeHarborPreset;
  return safeHarbor;
}

/** The config with the packs its regions and presets ask for added (once each) and the preset's rules disabled. */
export function withSelectedPacks(config: ResolvedConfig): ResolvedConfig {
  const preset = safeHarborPreset();
  const regions = config.regions;
  const presetOn = config.modes.includes(preset.mode) || regions.includes(preset.mode);
  if (!regions.length && !presetOn) return config;

  const wanted: string[] = [];
  const shipped = new Set(shippedPackNames());
  regions.forEach((region, i) => {
    if (region === preset.mode) return;
    const packs = regionPacks()[region.toUpperCase()] ?? (shipped.has(region) ? [region] : undefined);
    if (!packs) {
      throw new CaregateError(
        'E_CONFIG',
        `invalid redactor option "regions.${i}": "${region}" is neither a region code (${Object.keys(regionPacks()).join(', ')}) nor a shipped pack (${[...shipped].join(', ')}); add a region's pack with extraPacks instead`,
        { path: `regions.${i}` },
      );
    }
    wanted.push(...packs);
  });
  if (presetOn) wanted.push(...preset.packs);

  const inUse = new Set([...(config.packs ?? DEFAULT_PACKS), ...config.extraPacks].filter((p): p is string => typeof p === 'string'));
  const added = [...new Set(wanted)].filter((p) => !inUse.has(p));
  return {
    ...config,
    extraPacks: [...config.extraPacks, ...added],
    modes: presetOn && !config.modes.includes(preset.mode) ? [...config.modes, preset.mode] : config.modes,
    disable: presetOn ? [...config.disable, ...preset.disable] : config.disable,
  };
}

/** Every shipped pack, the default ones first, then the opt-in ones (identifier packs, hipaa…) by name. */
export function catalogueOrder(): string[] {
  return [...DEFAULT_PACKS, ...shippedPackNames().filter((n) => !DEFAULT_PACKS.includes(n)).sort()];
}
