// Writes docs/rules.md from the shipped packs (npm run docs:rules).
import { writeFileSync } from 'node:fs';
import { renderRuleCatalogue } from '../src/report/rule-catalogue.js';
import { catalogueOrder } from '../src/pack-selection.js';
import { loadShippedPack } from '../src/rules/load.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRuleCatalogue(catalogueOrder().map(loadShippedPack)));
console.log('docs/rules.md written');

