import fc from 'fast-check';
import { validCard } from '../../support/cards.js';

/** Generated table values: Luhn-valid cards of every brand, codes, expiries, names, order numbers, amounts. */
export const cardDigits = validCard.map((c) => c.digits);
export const cvv = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
export const expiry = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 39 }), fc.boolean())
  .map(([m, y, long]) => `${String(m).padStart(2, '0')}/${long ? `20${y}` : y}`);
export const person = fc
  .tuple(fc.constantFrom('Maria', 'Jonas', 'Aiko', 'Olumide', 'Sven', 'Priya'), fc.constantFrom('Lopez', 'Berg', 'Tanaka', 'Adeyemi', 'Holm', 'Nair'))
  .map(([f, l]) => `${f} ${l}`);
export const orderNo = fc.integer({ min: 100000, max: 9999999 }).map((n) => `ORD-${n}`);
export const amount = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => `${a}.${String(c).padStart(2, '0')}`);
export const timestamp = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }))
  .map(([m, d, h]) => `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:15:00`);
export const sku = fc.integer({ min: 1000, max: 99999 }).map((n) => `SKU-${n}-BLK`);
export const delimiter = fc.constantFrom(',', ';', '\t', '|');

/** A cell as a CSV writer may give it: quoted or not. */
export const cell = (v: string, quoted: boolean) => (quoted ? `"${v}"` : v);
