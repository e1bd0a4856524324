import { describe, expect, it } from 'vitest';
import { BUILTIN_VALIDATORS } from '../../src/validators/registry.js';

// Published test vectors (the issuers' or standards' own examples) pin each named validator's algorithm;
// the property tests build their valid values with these validators.
const check = (name: string, text: string) => BUILTIN_VALIDATORS[name]!({ text, digits: text.replace(/\D/g, ''), options: { defaultRegion: 'US', currentYear: 2026 } });

const VECTORS: [string, string[], string[]][] = [
  ['gb-nhs', ['943 476 5919', '401 023 2137'], ['943 476 5918', '123 456 7890']],
  ['us-npi', ['1234567893'], ['1234567890', '3234567893']],
  ['us-dea', ['AB1234563', 'BJ1234563'], ['AB1234564', 'IB1234563']],
  ['us-mbi', ['1EG4-TE5-MK73', '1EG4TE5MK73'], ['1SG4-TE5-MK73', '0EG4-TE5-MK73', '1EG4-TE5-MK7O']],
  ['vin-check-digit', ['1M8GDM9AXKP042788', '11111111111111111', '1HGCM82633A004352'], ['1M8GDM9A1KP042788', '1HGCM82633A00435I']],
  ['sg-nric', ['S1234567D', 'T0123456G', 'F1234567N', 'G7654321L'], ['S1234567A', 'X1234567D']],
  ['jp-my-number', ['123456789018'], ['123456789019', '12345678901']],
  ['au-medicare', ['2123456701', '21234567011'], ['2123456711', '7123456701']],
  ['bitcoin-address', ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', 'bc1Qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx']],
  ['ethereum-eip55', ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe']],
  ['fi-hetu', ['131052-308T', '131052Y308T', '010105B120L'], ['131052-308U', '131052G308T']],
  ['in-aadhaar', ['2341 2341 2346'], ['2341 2341 2347', '1341 2341 2346']],
  ['it-codice-fiscale', ['RCCMNL83S18D969H'], ['RCCMNL83S18D967H']],
  ['br-cnpj', ['16.727.230/0001-97', '12.ABC.345/01DE-35'], ['16.727.230/0001-98']],
  ['kr-frn', ['850126-5412343'], ['971013-9019902']],
  ['kr-rrn', ['971013-9019902'], ['850126-5412343']],
  ['eu-vat', ['DE136695976', 'EL094259216', 'NL004495445B01', 'ATU13123403'], ['DE136695977', 'XX136695976']],
  ['zip3-restricted', ['03601', '89312-1234'], ['94105', '0360']],
];

describe('named validators of the identifier packs agree with published test vectors', () => {
  for (const [name, valid, invalid] of VECTORS) {
    it(`${name}: accepts ${valid.length}, refuses ${invalid.length}`, () => {
      for (const v of valid) expect(check(name, v), v).toBe(true);
      for (const v of invalid) expect(check(name, v), v).toBe(false);
    });
  }
});
