// SQL values as JavaScript extensions see them: UTF-8 checks, numbers as
// SQLite formats and parses them, and the conversions of arguments into
// the types a function declares, with the Rust SDK's rules and messages
// (components/sdk/src/args.rs, value.rs), so an error reads the same
// whichever language an extension is written in.
//
// Arguments arrive as the contract's variants, as componentize-js lifts
// them: an `arg` ({tag, val}: null, integer (a BigInt), real, short-text
// and short-blob (short-bytes), text and blob (Uint8Array)) or, through
// invoke-subtyped and virtual tables, a `value` (the same without the
// short forms). Conversions read them in place: a short text is decoded
// from a scratch buffer, with no allocation before the string.

/** SQLite result codes an extension raises most (SqlError's `code`). */
export const ERROR = 1;
export const TOOBIG = 18;
export const CONSTRAINT = 19;
export const MISMATCH = 20;
export const RANGE = 25;

/** The subtype SQLite's JSON functions use ('J'). */
export const JSON_SUBTYPE = 74;

/**
 * An error raised into SQL: a message and a SQLite result code (default
 * SQLITE_ERROR). Any other thrown value becomes an SQLITE_ERROR with its
 * message. The host shows it as `NAME: message`.
 */
export class SqlError extends Error {
  constructor(message, code = ERROR) {
    super(message);
    this.name = 'SqlError';
    this.code = code;
  }
}

/**
 * A SQL value with its storage class spelled out, for what plain JS
 * values cannot say: a REAL that holds a whole number, an INTEGER beyond
 * 2^53, text that is not valid UTF-8. Parameters typed 'value' receive
 * these; functions may return them. `value` is null, a BigInt (integer),
 * a number (real) or a Uint8Array (the bytes of text or a blob).
 */
export class Value {
  constructor(type, value) {
    this.type = type;
    this.value = value;
  }
  static null() {
    return new Value('null', null);
  }
  static integer(i) {
    return new Value('integer', BigInt.asIntN(64, BigInt(i)));
  }
  static real(x) {
    return new Value('real', Number(x));
  }
  /** Text from a string, or from its bytes (kept as they are). */
  static text(s) {
    return new Value('text', typeof s === 'string' ? encoder.encode(s) : bytesOf(s));
  }
  static blob(b) {
    return new Value('blob', bytesOf(b));
  }
}

/** A result with a SQLite subtype, for functions flagged `resultSubtype`. */
export class Subtyped {
  constructor(value, subtype) {
    this.value = value;
    this.subtype = subtype & 0xff;
  }
}

/** Text carrying SQLite's JSON subtype, so JSON functions take it as JSON. */
export function json(text) {
  return new Subtyped(String(text), JSON_SUBTYPE);
}

import { view, copy } from './short.js';

export const encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is part of the text, not a marker to drop.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/** The bytes of a Uint8Array, ArrayBuffer or other view, as a Uint8Array. */
export function bytesOf(b) {
  if (b instanceof Uint8Array) return b;
  if (b instanceof ArrayBuffer) return new Uint8Array(b);
  if (ArrayBuffer.isView(b)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  throw new TypeError('expected a Uint8Array, an ArrayBuffer or a typed array');
}

/** Bytes as text, replacing invalid sequences with U+FFFD. */
export function lossyText(bytes) {
  return lossy.decode(bytes);
}

/**
 * The offset of the first byte that is not valid UTF-8, or -1 (Rust's
 * `Utf8Error::valid_up_to`).
 */
export function invalidUtf8At(b) {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    let want;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) want = 2;
    else if (c === 0xe0) (want = 3), (lo = 0xa0);
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) want = 3;
    else if (c === 0xed) (want = 3), (hi = 0x9f);
    else if (c === 0xf0) (want = 4), (lo = 0x90);
    else if (c >= 0xf1 && c <= 0xf3) want = 4;
    else if (c === 0xf4) (want = 4), (hi = 0x8f);
    else return i;
    for (let k = 1; k < want; k++) {
      const x = b[i + k];
      if (i + k >= n || (k === 1 ? x < lo || x > hi : (x & 0xc0) !== 0x80)) return i;
    }
    i += want;
  }
  return -1;
}

/**
 * A real as SQLite converts it to text (printf "%!.15g"): 15 significant
 * digits, at least one digit after the point, a two-digit exponent at
 * least (`2.0`, `1.0e+100`, `-1.25e-07`).
 */
export function formatReal(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sci = x.toExponential(14);
  const e = sci.indexOf('e');
  const exp = Number(sci.slice(e + 1));
  if (exp < -4 || exp >= 15) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${trimFraction(sci.slice(0, e))}e${sign}${digits}`;
  }
  return trimFraction(x.toFixed(14 - exp));
}

/** Drops trailing zeros after the point, keeping at least one digit. */
function trimFraction(s) {
  const dot = s.indexOf('.');
  if (dot < 0) return `${s}.0`;
  let end = s.length;
  while (end > dot + 2 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** An integer in text, whole but for surrounding whitespace; else null. */
function parseInteger(s) {
  if (!INTEGER.test(s)) return null;
  const i = BigInt(s);
  return i >= I64_MIN && i <= I64_MAX ? i : null;
}

/**
 * A number in text as Rust's `str::parse::<f64>` reads it (Rust SDK:
 * surrounding whitespace allowed, nothing else); null when there is none.
 */
function parseNumber(s) {
  if (DECIMAL.test(s)) return Number(s);
  const m = SPECIAL.exec(s);
  if (!m) return null;
  const x = m[2].toLowerCase() === 'nan' ? NaN : Infinity;
  return m[1] === '-' ? -x : x;
}

/** A value for error messages, as the Rust SDK describes it. */
export function describe(arg) {
  switch (arg.tag) {
    case 'integer':
      return `integer ${int64(arg)}`;
    case 'real':
      return `real ${formatReal(arg.val)}`;
    case 'text':
    case 'short-text': {
      const chars = Array.from(lossy.decode(bytesView(arg)));
      return `text '${chars.slice(0, 40).join('')}${chars.length > 40 ? '...' : ''}'`;
    }
    case 'blob':
    case 'short-blob':
      return `blob of ${arg.tag === 'blob' ? arg.val.length : arg.val.len} bytes`;
    default:
      return 'NULL';
  }
}

const isText = (tag) => tag === 'short-text' || tag === 'text';
const isBlob = (tag) => tag === 'short-blob' || tag === 'blob';
const isShort = (tag) => tag === 'short-text' || tag === 'short-blob';
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The bytes of a text or blob argument, valid until the next unpacking. */
const bytesView = (a) => (isShort(a.tag) ? view(a.val) : a.val);
/** The bytes of a text or blob argument, to keep. */
export const bytesCopy = (a) => (isShort(a.tag) ? copy(a.val) : a.val);
/**
 * An integer argument as a BigInt. componentize-js 0.23 lifts the s64 of
 * a flattened `arg` as its unsigned bits: read them as signed.
 */
export const int64 = (a) => BigInt.asIntN(64, a.val);

/**
 * The argument types a function may declare, each with its manifest type
 * and its conversion; a trailing '?' (as in 'text?') lets NULL through as
 * null, else a NULL argument gives NULL without a call (the NULL rule).
 * 'any' and 'value' see NULL as it is.
 */
export const TYPES = {
  /** A string: text (valid UTF-8), a blob holding UTF-8, a number as SQLite formats it. */
  text: { kind: 'text', convert: toText },
  /** A number holding a safe integer (|n| < 2^53): integers, reals (truncated), text holding a number. */
  integer: { kind: 'integer', convert: toSafeInteger },
  /** A BigInt: what 'integer' takes, over the whole 64-bit range. */
  bigint: { kind: 'integer', convert: toBigInt },
  /** A number: integers, reals, text holding a number. */
  real: { kind: 'real', convert: toReal },
  /** A boolean: a number, true when not zero. */
  boolean: { kind: 'integer', convert: (a, name, i) => toReal(a, name, i) !== 0 },
  /** A Uint8Array: the bytes of a blob or text; a number as text. */
  blob: { kind: 'blob', convert: toBytes },
  /** null, a number (a BigInt for integers beyond 2^53), a string, or a Uint8Array (a blob). */
  any: { kind: 'any', nulls: true, convert: toAny },
  /** A Value: the exact storage class and bytes. */
  value: { kind: 'any', nulls: true, convert: toValue },
};

/** The entry of TYPES a declaration names, and whether it takes NULL. */
export function parseType(decl, where) {
  const nullable = typeof decl === 'string' && decl.endsWith('?');
  const name = nullable ? decl.slice(0, -1) : decl;
  const type = TYPES[name];
  if (!type) throw new TypeError(`${where}: unknown argument type ${JSON.stringify(decl)} (one of ${Object.keys(TYPES).join(', ')}, with ? for NULL)`);
  return { name, kind: type.kind, nulls: nullable || !!type.nulls, convert: type.convert };
}

function mismatch(expected, arg, name, i) {
  return new SqlError(`${name}(): argument ${i + 1} must be ${expected}, got ${describe(arg)}`, MISMATCH);
}

function utf8(bytes, name, i) {
  try {
    return strict.decode(bytes);
  } catch {
    const at = invalidUtf8At(bytes);
    throw new SqlError(`${name}(): argument ${i + 1} is not valid UTF-8 text (invalid byte at offset ${at})`, MISMATCH);
  }
}

function toText(a, name, i) {
  switch (a.tag) {
    case 'integer':
      return String(int64(a));
    case 'real':
      return formatReal(a.val);
    default:
      return utf8(bytesView(a), name, i);
  }
}

function toBigInt(a, name, i) {
  switch (a.tag) {
    case 'integer':
      return int64(a);
    case 'real':
      // The i64 range is [-2^63, 2^63): both bounds are exact doubles.
      if (a.val >= -9223372036854775808 && a.val < 9223372036854775808) return BigInt(Math.trunc(a.val));
      break;
    case 'text':
    case 'short-text': {
      const n = textNumber(a);
      if (n === null) break;
      if (n.whole !== null) return n.whole;
      if (n.real !== null && Number.isFinite(n.real) && Math.abs(n.real) < 9.2e18) return BigInt(Math.trunc(n.real));
      break;
    }
  }
  throw mismatch('an integer', a, name, i);
}

/**
 * The number a text argument holds, as SQLite reads one: the integer it
 * spells exactly (a BigInt) or null, and the real it spells or null; null
 * when the text is not valid UTF-8.
 */
function textNumber(a) {
  let s;
  try {
    s = strict.decode(bytesView(a)).trim();
  } catch {
    return null;
  }
  return { whole: parseInteger(s), real: parseNumber(s) };
}

function toSafeInteger(a, name, i) {
  if (a.tag === 'integer') {
    const n = Number(a.val);
    if (n <= MAX_SAFE && n >= -MAX_SAFE) return n;
  }
  const wide = toBigInt(a, name, i);
  const n = Number(wide);
  if (!Number.isSafeInteger(n)) {
    throw new SqlError(`${name}(): argument ${i + 1} is out of range: ${wide} does not fit in a safe integer (use 'bigint')`, MISMATCH);
  }
  return n;
}

function toReal(a, name, i) {
  switch (a.tag) {
    case 'integer':
      return Number(int64(a));
    case 'real':
      return a.val;
    case 'text':
    case 'short-text': {
      const n = textNumber(a);
      if (n === null) break;
      if (n.whole !== null) return Number(n.whole);
      if (n.real !== null) return n.real;
      break;
    }
  }
  throw mismatch('a number', a, name, i);
}

function toBytes(a) {
  switch (a.tag) {
    case 'integer':
      return encoder.encode(String(int64(a)));
    case 'real':
      return encoder.encode(formatReal(a.val));
    default:
      return bytesCopy(a);
  }
}

function toAny(a, name, i) {
  switch (a.tag) {
    case 'null':
      return null;
    case 'integer': {
      const n = Number(a.val);
      if (n <= MAX_SAFE && n >= -MAX_SAFE) return n;
      const wide = int64(a);
      return Number.isSafeInteger(Number(wide)) ? Number(wide) : wide;
    }
    case 'real':
      return a.val;
    default:
      return isBlob(a.tag) ? bytesCopy(a) : utf8(bytesView(a), name, i);
  }
}

function toValue(a) {
  if (isText(a.tag)) return new Value('text', bytesCopy(a));
  if (isBlob(a.tag)) return new Value('blob', bytesCopy(a));
  if (a.tag === 'integer') return new Value('integer', int64(a));
  return new Value(a.tag, a.tag === 'null' ? null : a.val);
}

/**
 * A JavaScript result as a value variant ({tag, val} with tags null,
 * integer, real, text, blob; text as a string or bytes). `hint` is the
 * declared result type: 'real' makes every number REAL; otherwise a
 * number that is a safe integer is INTEGER. NaN is NULL, as in SQLite.
 */
export function fromResult(x, hint, name) {
  switch (typeof x) {
    case 'string':
      return { tag: 'text', val: x };
    case 'number':
      if (Number.isNaN(x)) return { tag: 'null' };
      if (hint !== 'real' && Number.isSafeInteger(x)) return { tag: 'integer', val: BigInt(x) };
      return { tag: 'real', val: x };
    case 'bigint':
      if (x < I64_MIN || x > I64_MAX) throw new SqlError(`${name}(): the result ${x} does not fit in a 64-bit integer`, RANGE);
      return { tag: 'integer', val: x };
    case 'boolean':
      return { tag: 'integer', val: x ? 1n : 0n };
    case 'undefined':
      return { tag: 'null' };
  }
  if (x === null) return { tag: 'null' };
  if (x instanceof Value) {
    switch (x.type) {
      case 'integer':
        return fromResult(BigInt(x.value), 'integer', name);
      case 'real':
        return fromResult(Number(x.value), 'real', name);
      case 'text':
        return { tag: 'text', val: typeof x.value === 'string' ? x.value : bytesOf(x.value) };
      case 'blob':
        return { tag: 'blob', val: bytesOf(x.value) };
      default:
        return { tag: 'null' };
    }
  }
  if (x instanceof Uint8Array || x instanceof ArrayBuffer || ArrayBuffer.isView(x)) return { tag: 'blob', val: bytesOf(x) };
  if (typeof x.then === 'function') throw new SqlError(`${name}(): returned a Promise; functions must return their value synchronously`);
  throw new SqlError(`${name}(): cannot return ${x.constructor?.name ?? 'an object'} as a SQL value (return a string, number, bigint, boolean, Uint8Array, null or a Value)`);
}
