// Short bytes (types.wit `short-bytes`): up to 24 bytes carried in three
// u64 words, byte i being byte i % 8 of word i / 8, least significant
// first, zero past `len`. Unpacking goes through one scratch buffer, so a
// short argument costs no allocation until it is kept.

export const SHORT = 24;
const scratch = new Uint8Array(SHORT);
const words = new DataView(scratch.buffer);
/** views[n]: the first n bytes of scratch. */
const views = Array.from({ length: SHORT + 1 }, (_, n) => scratch.subarray(0, n));

function load(s) {
  // A host that sends more than 24 bytes inline broke the contract.
  if (s.len > SHORT) throw new RangeError(`short-bytes of ${s.len} bytes (at most ${SHORT})`);
  words.setBigUint64(0, s.w0, true);
  words.setBigUint64(8, s.w1, true);
  words.setBigUint64(16, s.w2, true);
}

/** The bytes of short-bytes, valid until the next unpacking: read them at once. */
export function view(s) {
  load(s);
  return views[s.len];
}

/** The bytes of short-bytes, as a Uint8Array of their own. */
export function copy(s) {
  load(s);
  return scratch.slice(0, s.len);
}

function packed(len) {
  return { len, w0: words.getBigUint64(0, true), w1: words.getBigUint64(8, true), w2: words.getBigUint64(16, true) };
}

/** Up to 24 bytes as short-bytes. */
export function pack(bytes) {
  scratch.fill(0);
  scratch.set(bytes);
  return packed(bytes.length);
}

/** A string as short-bytes, or null when its UTF-8 takes over 24 bytes. */
export function packText(s, encoder) {
  // Every UTF-16 unit takes at least one byte of UTF-8.
  if (s.length > SHORT) return null;
  scratch.fill(0);
  const done = encoder.encodeInto(s, scratch);
  return done.read === s.length ? packed(done.written) : null;
}
