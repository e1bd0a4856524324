import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/cli/bulk/glob.js';

describe('glob matcher (--include/--exclude)', () => {
  const m = (p: string, rel: string) => compileGlob(p)(rel);
  it('a pattern without / matches the file name at any depth', () => {
    expect(m('*.csv', 'a.csv')).toBe(true);
    expect(m('*.csv', 'deep/er/a.csv')).toBe(true);
    expect(m('*.csv', 'a.csv.bak')).toBe(false);
    expect(m('?.txt', 'x/a.txt')).toBe(true);
    expect(m('?.txt', 'ab.txt')).toBe(false);
  });
  it('a pattern with / matches the whole relative path; * and ? stop at /', () => {
    expect(m('notes/*.txt', 'notes/a.txt')).toBe(true);
    expect(m('notes/*.txt', 'notes/x/a.txt')).toBe(false);
    expect(m('./notes/*.txt', 'notes/a.txt')).toBe(true);
    expect(m('n?tes/a.txt', 'n/tes/a.txt')).toBe(false);
  });
  it('** spans zero or more folders', () => {
    expect(m('**/*.log', 'a.log')).toBe(true);
    expect(m('**/*.log', 'x/y/a.log')).toBe(true);
    expect(m('logs/**', 'logs/a/b.txt')).toBe(true);
    expect(m('logs/', 'logs/a/b.txt')).toBe(true);
    expect(m('a/**/b.txt', 'a/b.txt')).toBe(true);
    expect(m('a/**/b.txt', 'a/x/y/b.txt')).toBe(true);
    expect(m('a/**/b.txt', 'ab.txt')).toBe(false);
  });
  it('everything else is literal (dots, brackets, plus signs)', () => {
    expect(m('a+b.(1).txt', 'a+b.(1).txt')).toBe(true);
    expect(m('a.txt', 'abtxt')).toBe(false);
    expect(m('[ab].txt', 'a.txt')).toBe(false);
    expect(m('[ab].txt', '[ab].txt')).toBe(true);
  });
});
