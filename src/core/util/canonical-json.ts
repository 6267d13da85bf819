/**
 * Canonical JSON: sorted object keys, no whitespace, UTF-8. Used wherever bytes must be reproducible
 * (event hashes, package payloads). Refuses values JSON cannot carry faithfully instead of silently
 * dropping them (undefined, NaN, functions), because a silently different hash is worse than an error.
 */
export function canonicalJson(value: unknown): string {
  return write(value);
}

function write(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: non-finite number ${v}`);
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof v}`);
  }
}
