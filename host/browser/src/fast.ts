// The fast value path: scalar calls from sqlite-core to an extension
// without jco's generic glue. jco lifts every argument into JS objects,
// lowers them again into the callee and keeps task bookkeeping for each
// call (5-7 µs); here the core-level import sqlite-core calls is replaced
// by a function that copies the canonical-ABI bytes straight from
// sqlite-core's memory into the extension's, calls the extension's core
// export, and copies the 40-byte `outcome` back.
//
// Layouts (canonical ABI, wit/extension/types.wit):
//   arg      = 40 bytes: u8 case at 0; payload at 8 (i64, f64, short-bytes
//              {len u8 @8, w0..w2 u64 @16..}, or a list {ptr u32 @8, len u32 @12}
//              for text (5) and blob (6));
//              flattened: case i32, then four i64 (a list: ptr, len).
//   outcome  = 40 bytes, no pointers (long values wait in `overflow`).

import type { Member } from './router.js';

/** The `arg` cases whose payload is a list of bytes. */
const TEXT = 5;
const BLOB = 6;
const ARG_SIZE = 40;
const OUTCOME_SIZE = 40;
/** The `outcome` case `error`. */
const ERROR_CASE = 7;

/** An instance's core side: its memory, allocator and core exports. */
export interface CoreInstance {
  memory: WebAssembly.Memory;
  realloc: (old: number, oldSize: number, align: number, size: number) => number;
  exports: Record<string, any>;
}

/** Finds, among a component's core instances, the one with its memory and allocator. */
export function coreOf(instance: WebAssembly.Instance): CoreInstance | undefined {
  const e = instance.exports as Record<string, any>;
  if (!(e.memory instanceof WebAssembly.Memory) || typeof e.cabi_realloc !== 'function') return undefined;
  return { memory: e.memory, realloc: e.cabi_realloc, exports: e };
}

/** What the fast path needs from the router. */
export interface Routes {
  /** The extension and its own id for merged scalar function `id`, or why there is none. */
  scalar(id: number): { owner: Member; id: number } | string;
  /** Runs a call on a member as the router does (traps, memory cap, blame). */
  guarded<T>(member: Member, call: () => T): T;
  /** Records who holds the bytes of a long or error outcome (its case). */
  leftBytes(owner: Member, outcomeCase: number): void;
  /** The router's own error, its message kept for `overflow.take`. */
  fail(message: string): number;
}

const SCALAR = 'sqlink:extension/scalar@0.2.0#';

/**
 * Puts the fast path into the imports of sqlite-core's main core module
 * (the one importing `sqlink:extension/scalar@0.2.0`): its scalar imports
 * become direct calls; `core` is that module's instance once it exists.
 */
export function installFastPath(imports: WebAssembly.Imports | undefined, routes: Routes, core: () => CoreInstance): void {
  const scalar = imports?.[SCALAR.slice(0, -1)] as Record<string, unknown> | undefined;
  if (!scalar) return;
  const fast = fastScalars(routes, core);
  for (const name of Object.keys(scalar)) if (fast[name]) scalar[name] = fast[name];
}

/** Bytes of a memory, the view made again only after the memory grew. */
class Bytes {
  private view = new Uint8Array(0);
  constructor(private readonly memory: WebAssembly.Memory) {}
  get(): Uint8Array {
    if (this.view.buffer !== this.memory.buffer) this.view = new Uint8Array(this.memory.buffer);
    return this.view;
  }
}

/** An extension's scalar exports and memory, looked up once per instance. */
interface Callee {
  bytes: Bytes;
  realloc: CoreInstance['realloc'];
  invoke: Function;
  invoke0: Function;
  invoke1: Function;
  invoke2: Function;
  invoke3: Function;
}

/** The direct versions of `scalar`'s functions, by name (`invoke1`). */
function fastScalars(routes: Routes, core: () => CoreInstance): Record<string, Function> {
  let coreBytes: Bytes | undefined;
  const ours = () => (coreBytes ??= new Bytes(core().memory)).get();
  const callees = new WeakMap<CoreInstance, Callee>();
  const callee = (member: Member): Callee => {
    const to = member.loaded.core;
    if (!to) throw new Error(`${member.name}: its component exports no memory and allocator to call it with`);
    let c = callees.get(to);
    if (!c) {
      const f = (name: string) => to.exports[SCALAR + name];
      c = { bytes: new Bytes(to.memory), realloc: to.realloc, invoke: f('invoke'), invoke0: f('invoke0'), invoke1: f('invoke1'), invoke2: f('invoke2'), invoke3: f('invoke3') };
      callees.set(to, c);
    }
    return c;
  };
  /** Copies `len` bytes at `ptr` of sqlite-core into the callee; the callee's pointer. */
  const copyIn = (to: Callee, ptr: number, len: number): number => {
    const at = to.realloc(0, 0, 1, len);
    to.bytes.get().set(ours().subarray(ptr, ptr + len), at);
    return at;
  };
  /** A flattened text or blob arg's bytes, moved into the callee: the new pointer. */
  const moved = (to: Callee, c: number, a: bigint, b: bigint): bigint =>
    c === TEXT || c === BLOB ? BigInt(copyIn(to, Number(a), Number(b))) : a;
  /** Writes an outcome (at `at` in the callee) to `retptr` in sqlite-core. */
  const copyOut = (owner: Member, to: Callee, at: number, retptr: number) => {
    const from = to.bytes.get();
    const into = ours();
    for (let i = 0; i < OUTCOME_SIZE; i++) into[retptr + i] = from[at + i];
    if (from[at] >= 5) routes.leftBytes(owner, from[at]);
  };
  const failed = (retptr: number, message: string) => {
    const view = new DataView(core().memory.buffer, retptr, OUTCOME_SIZE);
    view.setUint8(0, ERROR_CASE);
    view.setInt32(8, routes.fail(message), true);
  };
  /** Routes merged id `id` and runs `call` on its extension, writing the outcome to `retptr`. */
  const call = (id: number, retptr: number, run: (to: Callee, local: number) => number) => {
    const slot = routes.scalar(id);
    if (typeof slot === 'string') return failed(retptr, slot);
    try {
      routes.guarded(slot.owner, () => {
        const to = callee(slot.owner);
        copyOut(slot.owner, to, run(to, slot.id), retptr);
      });
    } catch (e) {
      failed(retptr, e instanceof Error ? e.message : String(e));
    }
  };
  return {
    invoke0: (id: number, retptr: number) => call(id, retptr, (to, l) => to.invoke0(l)),
    invoke1: (id: number, c: number, a: bigint, b: bigint, x: bigint, y: bigint, retptr: number) =>
      call(id, retptr, (to, l) => to.invoke1(l, c, moved(to, c, a, b), b, x, y)),
    invoke2: (
      id: number, c1: number, a1: bigint, b1: bigint, x1: bigint, y1: bigint,
      c2: number, a2: bigint, b2: bigint, x2: bigint, y2: bigint, retptr: number,
    ) => call(id, retptr, (to, l) => to.invoke2(l, c1, moved(to, c1, a1, b1), b1, x1, y1, c2, moved(to, c2, a2, b2), b2, x2, y2)),
    invoke3: (
      id: number, c1: number, a1: bigint, b1: bigint, x1: bigint, y1: bigint,
      c2: number, a2: bigint, b2: bigint, x2: bigint, y2: bigint,
      c3: number, a3: bigint, b3: bigint, x3: bigint, y3: bigint, retptr: number,
    ) =>
      call(id, retptr, (to, l) =>
        to.invoke3(l, c1, moved(to, c1, a1, b1), b1, x1, y1, c2, moved(to, c2, a2, b2), b2, x2, y2, c3, moved(to, c3, a3, b3), b3, x3, y3),
      ),
    invoke: (id: number, ptr: number, len: number, retptr: number) =>
      call(id, retptr, (to, l) => {
        const list = to.realloc(0, 0, 8, len * ARG_SIZE);
        to.bytes.get().set(ours().subarray(ptr, ptr + len * ARG_SIZE), list);
        for (let i = 0; i < len; i++) {
          const src = ours();
          const c = src[ptr + i * ARG_SIZE];
          if (c !== TEXT && c !== BLOB) continue;
          const from = new DataView(src.buffer, ptr + i * ARG_SIZE + 8, 8);
          const bytes = copyIn(to, from.getUint32(0, true), from.getUint32(4, true));
          new DataView(to.bytes.get().buffer, list + i * ARG_SIZE + 8, 4).setUint32(0, bytes, true);
        }
        return to.invoke(l, list, len);
      }),
  };
}
