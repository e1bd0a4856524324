/**
 * A minimal glob matcher for --include/--exclude (Node 20 has no fs.glob): `*` any run of characters but
 * `/`, `?` one character but `/`, `**` any number of whole path segments (including none). A pattern
 * without a `/` matches the file's base name at any depth (`*.csv`, like .gitignore); one with a `/`
 * matches the whole path relative to the folder given on the command line (`exports/**` or `a/*.log`).
 * Paths are compared with `/` separators. Everything else is literal.
 */
export type GlobMatcher = (relPath: string) => boolean;

export function compileGlob(pattern: string): GlobMatcher {
  let p = pattern.replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  const anchored = p.includes('/');
  if (p.endsWith('/')) p += '**';
  const re = new RegExp(`^${globToRegExpSource(p)}$`);
  if (anchored) return (rel) => re.test(rel);
  return (rel) => re.test(rel.slice(rel.lastIndexOf('/') + 1));
}

function globToRegExpSource(p: string): string {
  let out = '';
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      const atStart = i === 0 || p[i - 1] === '/';
      const slashAfter = p[i + 2] === '/';
      const atEnd = i + 2 === p.length;
      if (atStart && slashAfter) {
        out += '(?:[^/]*/)*'; // "**/": zero or more whole segments
        i += 3;
        continue;
      }
      if (atStart && atEnd) {
        out += '.*';
        i += 2;
        continue;
      }
      out += '[^/]*'; // "a**b" is just a star
      i += 2;
      continue;
    }
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  return out;
}

/** True when any of the patterns matches. */
export function anyGlob(matchers: readonly GlobMatcher[], rel: string): boolean {
  return matchers.some((m) => m(rel));
}
