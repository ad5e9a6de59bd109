// The browser's router: the one extension sqlite-core imports, standing for
// every extension loaded at run time. It does in JS what
// components/router does for a composed build: qualifies each extension's
// names by its prefix (`prefix__name`), lays their items out in one id
// space per kind, and routes each call to the extension that owns the id.
//
// Ids are append-only: an extension unloaded leaves its items in the lists
// as tombstones (an empty name, which sqlite-core skips), so the ids of the
// others never move while SQLite holds them.

import type { Loaded } from './extension.js';
import type { Routes } from './fast.js';

/** The kinds of items a manifest lists; each is its own id space. */
type Kind = 'functions' | 'aggregates' | 'collations' | 'vtabs' | 'dotCommands';
const KINDS: Kind[] = ['functions', 'aggregates', 'collations', 'vtabs', 'dotCommands'];

/** SQLITE_ERROR, for the router's own errors. */
const ERROR = 1;
/** The `direct-only` function flag. */
const DIRECT_ONLY = 'directOnly';

/** An item of the merged lists: which extension has it, under which id. */
interface Slot {
  owner: Member;
  id: number;
}

/** A loaded extension as the router holds it. */
export interface Member {
  /** The name it was loaded as (its manifest's). */
  name: string;
  /** The prefix its names are qualified with. */
  prefix: string;
  /** Bare names to give this extension's items even where taken. */
  pins: string[];
  /** Its instance; replaced after a trap. */
  loaded: Loaded;
  /** Unloaded: its items are tombstones. */
  gone: boolean;
}

/** Raised by a member whose instance trapped; restarted before its next call. */
class Trapped extends Error {}

export class Router implements Routes {
  private members: Member[] = [];
  private slots: Record<Kind, Slot[]> = { functions: [], aggregates: [], collations: [], vtabs: [], dotCommands: [] };
  private tables = new Map<bigint, [Member, bigint]>();
  private cursors = new Map<bigint, [Member, bigint]>();
  private nextHandle = 0n;
  /** Who left bytes for `overflow.take`, or the router's own message. */
  private pending: Member | Uint8Array | undefined;
  /** The extension the last failing call was routed to (`SqliteError.extension`). */
  blame: string | undefined;

  /** Adds an extension; its items get the next ids of each kind. */
  add(member: Member): void {
    const m = member.loaded.manifest;
    for (const kind of KINDS) {
      m[kind].forEach((_: unknown, id: number) => this.slots[kind].push({ owner: member, id }));
    }
    this.members.push(member);
  }

  /** Unloads an extension: its items become tombstones. */
  remove(member: Member): void {
    member.gone = true;
    for (const map of [this.tables, this.cursors]) {
      for (const [handle, [owner]] of map) if (owner === member) map.delete(handle);
    }
  }

  /** The loaded extensions, in load order. */
  loaded(): Member[] {
    return this.members.filter((m) => !m.gone);
  }

  /** The pins of every loaded extension, qualified. */
  pins(): string[] {
    return this.loaded().flatMap((m) => m.pins.map((p) => `${m.prefix}__${p}`));
  }

  /** The merged manifest sqlite-core registers. */
  describe(): any {
    const live = this.loaded();
    const item = (kind: Kind) =>
      this.slots[kind].map(({ owner, id }) => {
        const it = owner.loaded.manifest[kind][id];
        if (owner.gone) return tombstone(kind, it);
        const outside = owner.loaded.manifest.capabilities.length > 0;
        const named = { ...it, name: `${owner.prefix}__${it.name}` };
        if (outside && 'flags' in named) named.flags = { ...named.flags, [DIRECT_ONLY]: true };
        if (outside && kind === 'vtabs') named.directOnly = true;
        return named;
      });
    const capabilities: any[] = [];
    for (const m of live) {
      for (const c of m.loaded.manifest.capabilities) {
        if (!capabilities.some((d) => JSON.stringify(d) === JSON.stringify(c))) capabilities.push(c);
      }
    }
    const only = live.length === 1 ? live[0].loaded.manifest : undefined;
    return {
      name: live.map((m) => m.name).join('+'),
      version: only?.version ?? '',
      description: only?.description ?? '',
      prefix: '',
      namespace: '',
      functions: item('functions'),
      aggregates: item('aggregates'),
      collations: item('collations'),
      vtabs: item('vtabs'),
      dotCommands: item('dotCommands'),
      hooks: {
        update: live.some((m) => m.loaded.manifest.hooks.update),
        commit: live.some((m) => m.loaded.manifest.hooks.commit),
        rollback: live.some((m) => m.loaded.manifest.hooks.rollback),
      },
      authorizer: live.some((m) => m.loaded.manifest.authorizer),
      capabilities,
    };
  }

  /** The imports sqlite-core is instantiated with: every call lands here. */
  imports(): Record<string, any> {
    const scalar = (id: number, call: (s: any, local: number) => any) => this.outcome('functions', id, (e, local) => call(e.scalar, local));
    return {
      'sqlink:extension/manifest': { describe: () => this.describe() },
      'sqlink:extension/overflow': { take: () => this.take() },
      'sqlink:extension/scalar': {
        invoke: (id: number, args: any[]) => scalar(id, (s, l) => s.invoke(l, args)),
        invoke0: (id: number) => scalar(id, (s, l) => s.invoke0(l)),
        invoke1: (id: number, a: any) => scalar(id, (s, l) => s.invoke1(l, a)),
        invoke2: (id: number, a: any, b: any) => scalar(id, (s, l) => s.invoke2(l, a, b)),
        invoke3: (id: number, a: any, b: any, c: any) => scalar(id, (s, l) => s.invoke3(l, a, b, c)),
        invokeSubtyped: (id: number, args: any[]) =>
          this.subtyped('functions', id, (e, l) => e.scalar.invokeSubtyped(l, args)),
      },
      'sqlink:extension/aggregate': {
        step: (id: number, group: bigint, rows: number, width: number, args: any[], subtypes: Uint8Array) =>
          this.status('aggregates', id, (e, l) => e.aggregate.step(l, group, rows, width, args, subtypes)),
        inverse: (id: number, group: bigint, rows: number, width: number, args: any[], subtypes: Uint8Array) =>
          this.status('aggregates', id, (e, l) => e.aggregate.inverse(l, group, rows, width, args, subtypes)),
        value: (id: number, group: bigint) => this.subtyped('aggregates', id, (e, l) => e.aggregate.value(l, group)),
        finalize: (id: number, group: bigint) => this.subtyped('aggregates', id, (e, l) => e.aggregate.finalize(l, group)),
      },
      'sqlink:extension/collation': {
        compare: (id: number, a: any, b: any) => this.status('collations', id, (e, l) => e.collation.compare(l, a, b)),
        sortKey: (id: number, text: any) => this.outcome('collations', id, (e, l) => e.collation.sortKey(l, text)),
      },
      'sqlink:extension/vtab': this.vtab(),
      'sqlink:extension/hooks': {
        onUpdate: (kind: string, database: string, table: string, rowid: bigint) =>
          this.watchers('update').forEach((m) => this.guard(m, (e) => e.hooks.onUpdate(kind, database, table, rowid))),
        // Any watcher vetoing the commit turns it into a rollback; all are asked.
        onCommit: () => this.watchers('commit').map((m) => this.guard(m, (e) => e.hooks.onCommit())).some(Boolean),
        onRollback: () => this.watchers('rollback').forEach((m) => this.guard(m, (e) => e.hooks.onRollback())),
      },
      'sqlink:extension/authorizer': {
        // The strictest answer wins: deny over ignore over allow.
        authorize: (action: any) => {
          let decision = 'allow';
          for (const m of this.loaded().filter((m) => m.loaded.manifest.authorizer)) {
            const d = this.guard(m, (e) => e.authorizer.authorize(action)) ?? 'deny';
            if (d === 'deny' || (d === 'ignore' && decision === 'allow')) decision = d;
          }
          return decision;
        },
      },
      'sqlink:extension/dot-commands': {
        run: (id: number, args: string[]) => this.result('dotCommands', id, (e, l) => e.dotCommands.run(l, args)),
      },
    };
  }

  private watchers(hook: 'update' | 'commit' | 'rollback'): Member[] {
    return this.loaded().filter((m) => m.loaded.manifest.hooks[hook]);
  }

  /** The members whose instance trapped, to be instantiated again. */
  broken(): Member[] {
    return this.loaded().filter((m) => m.loaded.broken);
  }

  /** Runs `call` on a member's exports; a trap leaves it broken until restarted. */
  private guard<T>(member: Member, call: (exports: any) => T): T {
    if (member.loaded.broken) throw new Trapped(`${member.name}: the extension crashed and is being restarted; try again`);
    try {
      const out = call(member.loaded.exports);
      const cap = member.loaded.memoryCap;
      if (cap && member.loaded.memories.reduce((n, m) => n + m.buffer.byteLength, 0) > cap) {
        member.loaded.broken = true;
        this.blame = member.name;
        throw new Trapped(`${member.name}: call exceeded the memory limit of ${cap / 1048576} MiB (raise it with { mem: MiB }); the extension was restarted`);
      }
      return out;
    } catch (e) {
      if (e instanceof Trapped) throw e;
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        member.loaded.broken = true;
        this.blame = member.name;
        throw new Trapped(`${member.name}: the extension crashed (wasm trap: ${e.message}); the extension was restarted`);
      }
      throw e;
    }
  }

  // ---- Routes: what the fast value path asks -------------------------------

  scalar(id: number): Slot | string {
    return this.route('functions', id);
  }

  guarded<T>(member: Member, call: () => T): T {
    return this.guard(member, call);
  }

  leftBytes(owner: Member, outcomeCase: number): void {
    // long-text (5), long-blob (6), error (7): bytes wait in the extension.
    if (outcomeCase >= 5) this.pending = owner;
    if (outcomeCase === 7) this.blame = owner.name;
  }

  private route(kind: Kind, id: number): Slot | string {
    const slot = this.slots[kind][id];
    if (!slot) return `this router has no ${kind} ${id}`;
    if (slot.owner.gone) return `${slot.owner.name} has been unloaded`;
    return slot;
  }

  /** The router's own error: the code, with its message left for `take`. */
  fail(message: string): number {
    this.pending = new TextEncoder().encode(message);
    return ERROR;
  }

  /** A call returning an `outcome` (or a subtyped one, through `wrap`). */
  private outcome(kind: Kind, id: number, call: (e: any, local: number) => any): any {
    const slot = this.route(kind, id);
    if (typeof slot === 'string') return { tag: 'error', val: this.fail(slot) };
    try {
      const out = this.guard(slot.owner, (e) => call(e, slot.id));
      this.noteOutcome(slot.owner, out);
      return out;
    } catch (e) {
      return { tag: 'error', val: this.fail(message(e)) };
    }
  }

  private subtyped(kind: Kind, id: number, call: (e: any, local: number) => any): any {
    let subtype = 0;
    const value = this.outcome(kind, id, (e, l) => {
      const out = call(e, l);
      subtype = out.subtype;
      return out.value;
    });
    return { value, subtype };
  }

  /** Remembers who holds the bytes of a long or error outcome. */
  private noteOutcome(owner: Member, out: any): void {
    if (out.tag === 'long-text' || out.tag === 'long-blob' || out.tag === 'error') this.pending = owner;
    if (out.tag === 'error') this.blame = owner.name;
  }

  /** A call returning a status code (0 ok, else an error whose message waits). */
  private status(kind: Kind, id: number, call: (e: any, local: number) => number): number {
    const slot = this.route(kind, id);
    if (typeof slot === 'string') return this.fail(slot);
    try {
      const code = this.guard(slot.owner, (e) => call(e, slot.id));
      if (kind !== 'collations' && code !== 0) {
        this.pending = slot.owner;
        this.blame = slot.owner.name;
      }
      return code;
    } catch (e) {
      return this.fail(message(e));
    }
  }

  /** A call whose result is a `result<_, sql-error>` (thrown as `{ payload }`). */
  private result<T>(kind: Kind, id: number, call: (e: any, local: number) => T): T {
    const slot = this.route(kind, id);
    if (typeof slot === 'string') throw sqlError(slot);
    return this.forward(slot.owner, (e) => call(e, slot.id));
  }

  /** Forwards a result-returning call, blaming its extension for an error. */
  private forward<T>(owner: Member, call: (e: any) => T): T {
    try {
      return this.guard(owner, call);
    } catch (e: any) {
      if (isSqlError(e)) {
        this.blame ??= owner.name;
        throw e;
      }
      throw sqlError(message(e));
    }
  }

  private take(): Uint8Array {
    const p = this.pending;
    this.pending = undefined;
    if (p instanceof Uint8Array) return p;
    if (!p || p.loaded.broken) return new Uint8Array();
    return p.loaded.exports.overflow.take();
  }

  /** Virtual tables: module ids routed, tables and cursors given router handles. */
  private vtab(): Record<string, any> {
    const hand = (map: Map<bigint, [Member, bigint]>, owner: Member, child: bigint) => {
      this.nextHandle += 1n;
      map.set(this.nextHandle, [owner, child]);
      return this.nextHandle;
    };
    const find = (map: Map<bigint, [Member, bigint]>, what: string, handle: bigint) => {
      const found = map.get(handle);
      if (!found) throw sqlError(`this router has no ${what} ${handle}`);
      return found;
    };
    const onTable = (handle: bigint, call: (v: any, h: bigint) => any) => {
      const [owner, h] = find(this.tables, 'table', handle);
      return this.forward(owner, (e) => call(e.vtab, h));
    };
    const onCursor = (handle: bigint, call: (v: any, h: bigint) => any) => {
      const [owner, h] = find(this.cursors, 'cursor', handle);
      return this.forward(owner, (e) => call(e.vtab, h));
    };
    const declare = (how: 'create' | 'connect') => (module: number, args: any) => {
      const slot = this.route('vtabs', module);
      if (typeof slot === 'string') throw sqlError(slot);
      const declared = this.forward(slot.owner, (e) => e.vtab[how](slot.id, args));
      return { ...declared, table: hand(this.tables, slot.owner, declared.table) };
    };
    return {
      create: declare('create'),
      connect: declare('connect'),
      bestIndex: (t: bigint, info: any) => onTable(t, (v, h) => v.bestIndex(h, info)),
      disconnect: (t: bigint) => {
        const found = this.tables.get(t);
        this.tables.delete(t);
        if (found && !found[0].gone) this.guard(found[0], (e) => e.vtab.disconnect(found[1]));
      },
      destroy: (t: bigint) => {
        const r = onTable(t, (v, h) => v.destroy(h));
        this.tables.delete(t);
        return r;
      },
      open: (t: bigint) => {
        const [owner] = find(this.tables, 'table', t);
        return hand(this.cursors, owner, onTable(t, (v, h) => v.open(h)));
      },
      close: (c: bigint) => {
        const found = this.cursors.get(c);
        this.cursors.delete(c);
        if (found && !found[0].gone) this.guard(found[0], (e) => e.vtab.close(found[1]));
      },
      filter: (c: bigint, ...rest: any[]) => onCursor(c, (v, h) => v.filter(h, ...rest)),
      fetch: (c: bigint, max: number) => onCursor(c, (v, h) => v.fetch(h, max)),
      update: (t: bigint, change: any, context: any) => onTable(t, (v, h) => v.update(h, change, context)),
      begin: (t: bigint) => onTable(t, (v, h) => v.begin(h)),
      sync: (t: bigint) => onTable(t, (v, h) => v.sync(h)),
      commit: (t: bigint) => onTable(t, (v, h) => v.commit(h)),
      rollback: (t: bigint) => onTable(t, (v, h) => v.rollback(h)),
      rename: (t: bigint, name: string) => onTable(t, (v, h) => v.rename(h, name)),
    };
  }
}

/** A tombstone of `kind`: the item's shape, no name. */
function tombstone(kind: Kind, item: any): any {
  return kind === 'dotCommands' ? { name: '', usage: '', help: '' } : { ...item, name: '' };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A `sql-error` as the generated code throws and expects it: the record itself. */
function sqlError(text: string): { code: number; message: string } {
  return { code: ERROR, message: text };
}

/** Whether `e` is a thrown `sql-error` record. */
export function isSqlError(e: unknown): e is { code: number; message: string; offset?: number } {
  return typeof e === 'object' && e !== null && !(e instanceof Error) && typeof (e as any).code === 'number';
}
