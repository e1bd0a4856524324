// Field selectors for request bodies and tickets: JSON pointers (RFC 6901) where a segment `*` matches any
// one member name or array index and `**` matches any number of levels (none included). Examples:
// "/notes", "/items/*/comment", "/customer/**", "/**" (everything).
export type PointerPattern = readonly string[];

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
}

export function compilePointerPattern(pattern: string): PointerPattern {
  if (pattern !== '' && !pattern.startsWith('/')) {
    throw new TypeError(`"${pattern}" is not a JSON pointer pattern: start it with "/" (e.g. "/notes", "/items/*/comment", "/**")`);
  }
  return pointerSegments(pattern);
}

/** Whether the pointer (as segments) is selected by the pattern. */
export function matchesPointer(segments: readonly string[], pattern: PointerPattern, i = 0, j = 0): boolean {
  if (j === pattern.length) return i === segments.length;
  const p = pattern[j]!;
  if (p === '**') return matchesPointer(segments, pattern, i, j + 1) || (i < segments.length && matchesPointer(segments, pattern, i + 1, j));
  if (i === segments.length) return false;
  return (p === '*' || p === segments[i]) && matchesPointer(segments, pattern, i + 1, j + 1);
}

/** Whether some pointer below this one (or this one) could be selected: worth descending into. */
export function mayMatchBelow(segments: readonly string[], pattern: PointerPattern, i = 0, j = 0): boolean {
  if (i === segments.length) return true;
  if (j === pattern.length) return false;
  const p = pattern[j]!;
  if (p === '**') return true;
  return (p === '*' || p === segments[i]) && mayMatchBelow(segments, pattern, i + 1, j + 1);
}

export const selectsEverything = (pattern: PointerPattern) => pattern.length === 1 && pattern[0] === '**';
