/**
 * Canonical JSON (the RFC 8785 subset our entries use): object keys sorted by UTF-16 code units,
 * no whitespace, strings escaped as JSON.stringify does, only finite numbers. Two equal values always
 * give the same bytes, so a hash over them is stable.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`caregate: canonical JSON cannot hold ${value} at ${path || '/'}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}/${i}`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`caregate: canonical JSON takes plain objects only, found ${proto?.constructor?.name ?? 'object'} at ${path || '/'}`);
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], `${path}/${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`caregate: canonical JSON cannot hold a ${typeof value} at ${path || '/'}`);
  }
}
