export type DiffLine = {
  path: string;
  before: string | undefined;
  after: string | undefined;
  change: 'added' | 'removed' | 'changed' | 'same';
};

/** Leaf values by path ("rows[3].quota"), JSON-encoded, so any two snapshots compare line by line. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [prefix ? `.${k}` : k, v] as const);
    if (entries.length === 0) out.set(prefix || '(root)', Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) flatten(v, `${prefix}${k}`, out);
    return;
  }
  out.set(prefix || '(root)', JSON.stringify(value));
}

export function diffJson(before: unknown, after: unknown): DiffLine[] {
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, '', b);
  if (after !== null && after !== undefined) flatten(after, '', a);
  // An empty list or object that gained (or lost) children is shown by its children alone.
  const hasChildren = (m: Map<string, string>, path: string) =>
    [...m.keys()].some((k) => k.startsWith(`${path}[`) || k.startsWith(`${path}.`));
  const isEmptyContainer = (v: string | undefined) => v === '[]' || v === '{}';
  const paths = [...new Set([...b.keys(), ...a.keys()])].filter(
    (path) =>
      !((isEmptyContainer(b.get(path)) && hasChildren(a, path)) || (isEmptyContainer(a.get(path)) && hasChildren(b, path))),
  );
  return paths.map((path) => {
    const x = b.get(path);
    const y = a.get(path);
    const change = x === undefined ? 'added' : y === undefined ? 'removed' : x === y ? 'same' : 'changed';
    return { path, before: x, after: y, change };
  });
}
