// The extension's side of the hot-call encoding (`arg`, `outcome` and
// `overflow` in wit/extension/types.wit and overflow.wit), as the Rust SDK
// implements it (components/sdk/src/abi.rs): text and blobs of up to 24
// bytes leave inline as short-bytes (lib/short.js), and what does not fit
// in an outcome (a long result, an error's message) waits here until the
// host takes it with overflow.take. Extension code never sees this.

import { SqlError, ERROR, encoder, fromResult } from './values.js';
import { SHORT, pack, packText } from './short.js';

const EMPTY = new Uint8Array(0);
export const NULL_OUTCOME = { tag: 'null' };

/** The bytes the last outcome left for overflow.take. */
let left = EMPTY;

/** `overflow.take`: the bytes the last outcome left, once. */
export function take() {
  const bytes = left;
  left = EMPTY;
  return bytes;
}

function leave(bytes) {
  left = bytes;
  return bytes.length;
}

function textOutcome(s) {
  const short = packText(s, encoder);
  if (short !== null) return { tag: 'short-text', val: short };
  return { tag: 'long-text', val: leave(encoder.encode(s)) };
}

function bytesOutcome(short, long, bytes) {
  if (bytes.length <= SHORT) return { tag: short, val: pack(bytes) };
  return { tag: long, val: leave(bytes.slice()) };
}

/** A value variant (values.js fromResult) as an outcome. */
export function outcome(v) {
  switch (v.tag) {
    case 'text':
      return typeof v.val === 'string' ? textOutcome(v.val) : bytesOutcome('short-text', 'long-text', v.val);
    case 'blob':
      return bytesOutcome('short-blob', 'long-blob', v.val);
    default:
      return v;
  }
}

/**
 * A function's JavaScript result as an outcome (see fromResult), with the
 * common cases (a string, a safe integer, null) first.
 */
export function resultOutcome(x, hint, name) {
  if (typeof x === 'string') return textOutcome(x);
  if (typeof x === 'number' && hint !== 'real' && Number.isSafeInteger(x)) return { tag: 'integer', val: BigInt(x) };
  if (x === null || x === undefined) return NULL_OUTCOME;
  return outcome(fromResult(x, hint, name));
}

/** The SQLite result code and message of anything thrown. */
export function errorOf(e) {
  if (e instanceof SqlError) return { code: e.code || ERROR, message: e.message };
  if (e instanceof Error) return { code: ERROR, message: e.message || String(e) };
  return { code: ERROR, message: String(e) };
}

/** An error as an outcome, its message left for overflow.take. */
export function errorOutcome(e) {
  const { code, message } = errorOf(e);
  leave(encoder.encode(message));
  return { tag: 'error', val: code };
}

/** A step status: 0, or the error's code with its message left. */
export function errorStatus(e) {
  return errorOutcome(e).val;
}

/** A sort key (string or bytes) as a blob outcome. */
export function keyOutcome(key) {
  return bytesOutcome('short-blob', 'long-blob', typeof key === 'string' ? encoder.encode(key) : key);
}
