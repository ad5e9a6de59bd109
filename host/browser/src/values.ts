// SQL values between the page and sqlite-core, byte-exact: integers beyond
// 2^53 stay BigInt, blobs are Uint8Array, texts JS strings.

/** A value SQLite stores: NULL, INTEGER (number or, beyond 2^53, bigint), REAL, TEXT, BLOB. */
export type SqlValue = null | number | bigint | string | Uint8Array;

/** What a parameter may be: a SQL value, a boolean (bound as 0 or 1), or undefined (NULL). */
export type BindValue = SqlValue | boolean | undefined | ArrayBuffer;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** A JS value as the contract's `value`. Integral numbers bind as INTEGER, others as REAL. */
export function toWit(v: BindValue): any {
  if (v === null || v === undefined) return { tag: 'null' };
  if (typeof v === 'boolean') return { tag: 'integer', val: v ? 1n : 0n };
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) ? { tag: 'integer', val: BigInt(v) } : { tag: 'real', val: v };
  }
  if (typeof v === 'bigint') {
    if (v < I64_MIN || v > I64_MAX) throw new RangeError(`${v} does not fit a 64-bit SQLite integer`);
    return { tag: 'integer', val: v };
  }
  if (typeof v === 'string') return { tag: 'text', val: encoder.encode(v) };
  if (v instanceof Uint8Array) return { tag: 'blob', val: v };
  if (v instanceof ArrayBuffer) return { tag: 'blob', val: new Uint8Array(v) };
  throw new TypeError(`cannot bind a ${typeof v} (${Object.prototype.toString.call(v)}) as a SQL value`);
}

/** The contract's `value` as JS: safe integers as numbers, larger ones as BigInt. */
export function fromWit(v: any): SqlValue {
  switch (v.tag) {
    case 'integer':
      return v.val >= BigInt(Number.MIN_SAFE_INTEGER) && v.val <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v.val) : v.val;
    case 'real':
      return v.val;
    case 'text':
      return decoder.decode(v.val);
    case 'blob':
      return new Uint8Array(v.val);
    default:
      return null;
  }
}
