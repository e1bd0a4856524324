import { createRequire } from 'node:module';
import type { Validator } from './types.js';

/**
 * The checksum libraries are required on first use (a desk without the crypto pack never loads them):
 * bs58check and bech32 (bitcoinjs) and @noble/hashes' keccak-256, all three CommonJS-loadable.
 */
interface Bech32Codec {
  decodeUnsafe(address: string, limit?: number): { prefix: string; words: number[] } | undefined;
  fromWordsUnsafe(words: number[]): number[] | undefined;
}
interface CryptoLibs {
  bs58check: { decode(address: string): Uint8Array };
  bech32: Bech32Codec;
  bech32m: Bech32Codec;
  keccak256: (data: Uint8Array) => Uint8Array;
}

const require = createRequire(import.meta.url);
let libs: CryptoLibs | undefined;

function cryptoLibs(): CryptoLibs {
  if (!libs) {
    const { bech32, bech32m } = require('bech32') as { bech32: Bech32Codec; bech32m: Bech32Codec };
    libs = {
      bs58check: (require('bs58check') as { default: CryptoLibs['bs58check'] }).default,
      bech32,
      bech32m,
      keccak256: (require('@noble/hashes/sha3') as { keccak_256: CryptoLibs['keccak256'] }).keccak_256,
    };
  }
  return libs;
}

/**
 * Bitcoin mainnet addresses. Legacy P2PKH (1…) and P2SH (3…) addresses are Base58Check (bs58check, from the
 * bitcoinjs project): a version byte 0x00 or 0x05, a 20-byte hash and a 4-byte double-SHA-256 checksum.
 * SegWit addresses (bc1…) are Bech32 for witness version 0 and Bech32m from version 1 (BIP 173, BIP 350;
 * the `bech32` package, also bitcoinjs).
 */
export const bitcoinAddress: Validator = ({ text }) => {
  if (/^bc1/i.test(text)) return segwitOk(text);
  try {
    const payload = cryptoLibs().bs58check.decode(text);
    return payload.length === 21 && (payload[0] === 0x00 || payload[0] === 0x05);
  } catch {
    return false;
  }
};

function segwitOk(address: string): boolean {
  // Mixed case is invalid Bech32 (BIP 173).
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  const lower = address.toLowerCase();
  const { bech32, bech32m } = cryptoLibs();
  for (const codec of [bech32, bech32m]) {
    const decoded = codec.decodeUnsafe(lower, 90);
    if (!decoded || decoded.prefix !== 'bc' || decoded.words.length < 1) continue;
    const version = decoded.words[0]!;
    if (version > 16 || (codec === bech32) !== (version === 0)) continue;
    const program = codec.fromWordsUnsafe(decoded.words.slice(1));
    if (!program || program.length < 2 || program.length > 40) continue;
    if (version === 0 && program.length !== 20 && program.length !== 32) continue;
    return true;
  }
  return false;
}

/**
 * Ethereum address (0x + 40 hex digits). A mixed-case address carries the EIP-55 checksum: each letter is
 * upper case exactly when the matching nibble of keccak-256(lower-case address) is ≥ 8 (@noble/hashes).
 * A single-case address has no checksum to test and is confirmed by its shape.
 */
export const ethereumEip55: Validator = ({ text }) => {
  const m = /^0x([0-9a-fA-F]{40})$/.exec(text);
  if (!m) return false;
  const hex = m[1]!;
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  return hex === eip55Case(hex);
};

/** The EIP-55 spelling of a 40-digit hex address (without 0x). */
export function eip55Case(hex: string): string {
  const lower = hex.toLowerCase();
  const hash = cryptoLibs().keccak256(new TextEncoder().encode(lower));
  let out = '';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? lower[i]!.toUpperCase() : lower[i]!;
  }
  return out;
}
