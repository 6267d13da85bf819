import { AppError } from '../../shared/errors';

/**
 * Canonical JSON, one implementation for every hash in BaseDesk (event chain, package payloads, station
 * bundles, import content hashes): object keys sorted by UTF-16 code units (the order RFC 8785
 * uses), no whitespace, strings escaped as JSON.stringify does, numbers as JavaScript prints them
 * (-0 becomes 0), UTF-8 when turned into bytes. Anything JSON cannot carry faithfully (undefined,
 * NaN, Infinity, bigint, functions, symbols, Dates, Maps, class instances, sparse arrays, cycles) is
 * refused with JSON_NOT_CANONICAL instead of being dropped or coerced: a silently different payload
 * would change the package hash, or worse, the data.
 */
export type CanonicalOptions = {
  /**
   * Drop object keys whose value is undefined, as JSON.stringify does (audit snapshots of optional fields).
   * Off for package payloads, where a silently missing field must be an error.
   */
  dropUndefinedKeys?: boolean;
};

export function canonicalJson(value: unknown, options: CanonicalOptions = { dropUndefinedKeys: true }): string {
  const out: string[] = [];
  write(value, '$', out, new Set(), options.dropUndefinedKeys === true);
  return out.join('');
}

/** Strict canonical bytes, for signed and hashed package payloads. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value, { dropUndefinedKeys: false }), 'utf8');
}

function write(v: unknown, path: string, out: string[], stack: Set<object>, drop: boolean): void {
  if (v === null) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'string':
      out.push(JSON.stringify(v));
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(v)) fail(path, String(v));
      out.push(JSON.stringify(v)); // JSON.stringify(-0) === '0'
      return;
    case 'object':
      break;
    default:
      fail(path, typeof v);
  }
  const obj = v as object;
  if (stack.has(obj)) fail(path, '循环引用');
  stack.add(obj);
  if (Array.isArray(obj)) {
    out.push('[');
    for (let i = 0; i < obj.length; i++) {
      if (!(i in obj)) fail(`${path}[${i}]`, '稀疏数组的空位');
      if (i > 0) out.push(',');
      write(obj[i], `${path}[${i}]`, out, stack, drop);
    }
    out.push(']');
  } else {
    const proto = Object.getPrototypeOf(obj) as unknown;
    if (proto !== Object.prototype && proto !== null) fail(path, describeObject(obj));
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec)
      .filter((k) => !(drop && rec[k] === undefined))
      .sort();
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(k), ':');
      write(rec[k], `${path}.${k}`, out, stack, drop);
    });
    out.push('}');
  }
  stack.delete(obj);
}

function describeObject(o: object): string {
  const name = (o as { constructor?: { name?: string } }).constructor?.name;
  return name ? `${name} 对象` : '非普通对象';
}

function fail(path: string, what: string): never {
  throw new AppError(
    'JSON_NOT_CANONICAL',
    `无法生成规范 JSON：${path} 的值（${what}）不能写入数据包。请先转换为字符串、数字、布尔、null、数组或普通对象（日期请用 ISO 字符串）。`,
    { path },
  );
}
