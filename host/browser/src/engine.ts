// The database inside the worker: sqlite-core (transpiled by jco at build
// time) with the router as its one extension, one connection, its
// prepared statements, and the extensions loaded on it.

import { Router, isSqlError, type Member } from './router.js';
import { fromFiles, fromUrl, instantiate, LoadError, type Host, type InstantiateCore, type Transpiled } from './extension.js';
import { flushStorage, mountStorage, wasiImports, type Storage } from './wasi.js';
import { fromWit, toWit, type SqlValue } from './values.js';
import type { ErrorInfo, ExtensionInfo, LoadOptions, Params, QueryResult } from './protocol.js';
import { transpileBytes } from './transpile.js';
import { coreOf, installFastPath, type CoreInstance } from './fast.js';
import { statements } from './statements.js';

/** SQLite's result codes the engine raises itself. */
const SQLITE_ERROR = 1;
const SQLITE_MISUSE = 21;
/** How jco's generated resources are dropped. */
const DISPOSE: symbol = (Symbol as any).dispose ?? Symbol.for('dispose');
/** Rows fetched per step call. */
const BATCH = 256;

/** An error for the page: SQLite's code and message, and whose fault. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly extension?: string,
    readonly offset?: number,
  ) {
    super(message);
  }

  info(): ErrorInfo {
    return { message: this.message, code: this.code, extension: this.extension, offset: this.offset };
  }
}

export class Engine implements Host {
  private router = new Router();
  private sql: any;
  private db: any;
  private statements = new Map<number, { stmt: any; columns: string[]; done: boolean }>();
  private nextStatement = 1;
  /** Inside a call into sqlite-core: an extension's spi cannot be served. */
  private inside = 0;
  private sources = new Map<Member, { transpiled: Transpiled; grants: string[]; label: string; mem: number; blake3: string }>();
  private base = '';
  /** The catalog's index (extensions/index.json), fetched when first needed. */
  private catalog: Promise<{ name: string; blake3: string }[]> | undefined;
  readonly logs: string[] = [];

  /** Instantiates sqlite-core from `base` (the package's URL) and opens `path`. */
  async open(base: string, path: string, storage: Storage): Promise<string> {
    this.base = base;
    await mountStorage(storage);
    const core = await fromUrl('sqlite-core', new URL('core/', base).href);
    const imports = {
      ...wasiImports(),
      ...this.router.imports(),
      'sqlink:engine/file-locks': { FileLock: PageLock },
      'sqlink:engine/relay': { next: () => undefined, reply: () => {} },
    };
    let main: CoreInstance | undefined;
    const instantiateCore: InstantiateCore = async (module, coreImports) => {
      installFastPath(coreImports, this.router, () => main!);
      const instance = await WebAssembly.instantiate(module, coreImports);
      main ??= coreOf(instance);
      return instance;
    };
    const exports = await core.instantiate(imports, instantiateCore);
    this.sql = exports.sql;
    this.db = this.call(() => this.sql.Connection.open(path === ':memory:' ? path : `/${path}`, { readOnly: false, new: false }));
    return this.sql.version();
  }

  /** Runs every statement of `sql`. */
  exec(sql: string): void {
    this.call(() => this.db.exec(sql));
  }

  /** Runs one statement with `params`: its columns and every row. */
  query(sql: string, params: Params | undefined): QueryResult {
    const { id, columns } = this.prepare(sql);
    try {
      if (params !== undefined) this.bind(id, params);
      const rows: SqlValue[][] = [];
      for (let batch = this.step(id, BATCH); batch.length; batch = this.step(id, BATCH)) rows.push(...batch);
      return { columns, rows };
    } finally {
      this.finalize(id);
    }
  }

  /**
   * Runs every statement of a script (cut as sqlite3_complete would, see
   * statements.ts): each one's rows, or its error, going on after an
   * error as the shell does. Tests and the bench run the same scripts
   * natively.
   */
  script(sql: string): ({ rows: SqlValue[][] } | { error: ErrorInfo })[] {
    const out: ({ rows: SqlValue[][] } | { error: ErrorInfo })[] = [];
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    for (const statement of statements(sql)) {
      // `run` compiles the first statement and gives its first rows in one
      // call; what SQLite leaves of the piece (if any) runs next.
      let piece = statement.trimStart();
      while (piece.trim()) {
        let started: any;
        try {
          started = this.call(() => this.db.run(piece, BATCH));
        } catch (e) {
          out.push({ error: (e as EngineError).info() });
          break;
        }
        const first = started.first;
        if (first) out.push(this.rest(first));
        const bytes = encoder.encode(piece);
        if (started.consumed === 0 || started.consumed >= bytes.length) break;
        piece = decoder.decode(bytes.subarray(started.consumed));
      }
    }
    return out;
  }

  /** A statement `run` started: its first rows and the ones `more` still has, or its error. */
  private rest(first: any): { rows: SqlValue[][] } | { error: ErrorInfo } {
    try {
      if (first.rows.tag === 'err') throw first.rows.val;
      const rows: SqlValue[][] = first.rows.val.rows.map((row: any[]) => row.map(fromWit));
      for (let done = first.rows.val.done || !first.more; !done; ) {
        const batch = this.call(() => first.more.step(BATCH));
        for (const row of batch.rows) rows.push(row.map(fromWit));
        done = batch.done;
      }
      return { rows };
    } catch (e) {
      return { error: e instanceof EngineError ? e.info() : { message: (e as any).message, code: (e as any).code, offset: (e as any).offset } };
    } finally {
      first.more?.[DISPOSE]?.();
    }
  }

  /** Compiles the first statement of `sql`; refuses text past it. */
  prepare(sql: string): { id: number; columns: string[]; parameters: number } {
    const prepared = this.call(() => this.db.prepare(sql));
    if (!prepared.statement) throw new EngineError('no SQL statement given', SQLITE_MISUSE);
    const rest = new TextDecoder().decode(new TextEncoder().encode(sql).slice(prepared.consumed));
    if (rest.trim()) {
      // Whatever SQLite makes of the rest, neither statement is kept.
      let more: any;
      try {
        more = this.call(() => this.db.prepare(rest)).statement;
      } catch (e) {
        prepared.statement[DISPOSE]?.();
        throw e;
      }
      if (more) {
        more[DISPOSE]?.();
        prepared.statement[DISPOSE]?.();
        throw new EngineError('query() and prepare() take one statement; use exec() for a script', SQLITE_MISUSE);
      }
    }
    const id = this.nextStatement++;
    this.statements.set(id, { stmt: prepared.statement, columns: prepared.columns, done: false });
    return { id, columns: prepared.columns, parameters: prepared.statement.parameterCount() };
  }

  /** Binds positional (array) or named (object: `a` binds `:a`, `@a` or `$a`) parameters. */
  bind(id: number, params: Params): void {
    const { stmt } = this.statement(id);
    const count = stmt.parameterCount();
    if (Array.isArray(params)) {
      if (params.length > count) throw new EngineError(`the statement takes ${count} parameters, got ${params.length}`, SQLITE_MISUSE);
      params.forEach((v, i) => this.call(() => stmt.bind(i + 1, toWit(v))));
      return;
    }
    const names = new Map<string, number>();
    for (let i = 1; i <= count; i++) {
      const name = stmt.parameterName(i);
      if (name) names.set(name.slice(1), i);
    }
    for (const [key, value] of Object.entries(params)) {
      const index = names.get(key.replace(/^[:@$]/, ''));
      if (index === undefined) throw new EngineError(`the statement has no parameter named ${key}`, SQLITE_MISUSE);
      this.call(() => stmt.bind(index, toWit(value)));
    }
  }

  /** Up to `max` more rows (none once the statement is done). */
  step(id: number, max: number): SqlValue[][] {
    const s = this.statement(id);
    if (s.done) return [];
    const batch = this.call(() => s.stmt.step(max));
    s.done = batch.done;
    return batch.rows.map((row: any[]) => row.map(fromWit));
  }

  /** Rewinds a statement; its bindings stay. */
  reset(id: number): void {
    const s = this.statement(id);
    this.call(() => s.stmt.reset());
    s.done = false;
  }

  finalize(id: number): void {
    const s = this.statements.get(id);
    this.statements.delete(id);
    s?.stmt[DISPOSE]?.();
  }

  columns(id: number): string[] {
    return this.statement(id).columns;
  }

  private statement(id: number) {
    const s = this.statements.get(id);
    if (!s) throw new EngineError(`statement ${id} has been finalized`, SQLITE_MISUSE);
    return s;
  }

  /** Loads an extension from a catalog name, a URL's bytes or bytes, and registers it. */
  async load(source: string | Uint8Array, options: LoadOptions, given = 'the bytes given'): Promise<ExtensionInfo> {
    const { transpiled, label, blake3 } = await this.transpiled(source, given);
    const grants = options.grants ?? [];
    const loaded = await instantiate(transpiled, this, grants, label, options.mem ?? 0);
    const name = loaded.manifest.name;
    if (this.router.loaded().some((m) => m.name === name)) {
      throw new EngineError(`extension ${name} is already loaded; unload it first`, SQLITE_ERROR);
    }
    const member: Member = { name, prefix: options.prefix ?? (loaded.manifest.prefix || name), pins: options.pins ?? [], loaded, gone: false };
    this.router.add(member);
    this.sources.set(member, { transpiled, grants, label, mem: options.mem ?? 0, blake3 });
    try {
      this.refresh();
      if (loaded.exports.lifecycle) loaded.exports.lifecycle.attach();
    } catch (e) {
      this.router.remove(member);
      this.refresh();
      throw isSqlError(e) ? new EngineError(`${name}: ${e.message}`, e.code, name) : e;
    }
    return this.info(member);
  }

  /** Unloads an extension: its names go, its ids stay as tombstones. */
  unload(name: string): void {
    const member = this.router.loaded().find((m) => m.name === name);
    if (!member) throw new EngineError(`no extension named ${name} is loaded`, SQLITE_ERROR);
    this.router.remove(member);
    this.sources.delete(member);
    this.refresh();
  }

  extensions(): ExtensionInfo[] {
    return this.router.loaded().map((m) => this.info(m));
  }

  /** Instantiates again every extension that trapped (their state is lost). */
  async heal(): Promise<void> {
    for (const member of this.router.broken()) {
      const source = this.sources.get(member)!;
      member.loaded = await instantiate(source.transpiled, this, source.grants, source.label, source.mem);
    }
    await flushStorage();
  }

  close(): void {
    for (const id of [...this.statements.keys()]) this.finalize(id);
    this.db?.[DISPOSE]?.();
    this.db = undefined;
  }

  // ---- Host: what extensions call back ------------------------------------

  serve(extension: string, request: any): any {
    if (this.inside > 0) {
      const message = `${extension}: spi is not available inside a call in the browser host (SQLite is running the statement that called the extension); it works from attach`;
      return { tag: request.tag, val: { tag: 'err', val: { code: SQLITE_ERROR, message } } };
    }
    return this.db.serve(request);
  }

  log(extension: string, level: string, message: string): void {
    this.logs.push(`${extension}: ${level}: ${message}`);
    if (level === 'warn' || level === 'error') console.warn(`${extension}: ${message}`);
  }

  // ---- Internals ------------------------------------------------------------

  private refresh(): void {
    const warnings = this.call(() => this.db.refreshExtensions(this.router.pins()));
    for (const w of warnings) this.log('sqlink', 'info', w.message);
  }

  private info(m: Member): ExtensionInfo {
    const manifest = m.loaded.manifest;
    return {
      name: m.name,
      blake3: this.sources.get(m)?.blake3 ?? '',
      version: manifest.version,
      description: manifest.description,
      prefix: m.prefix,
      functions: manifest.functions.map((f: any) => f.name),
      aggregates: manifest.aggregates.map((f: any) => f.name),
      collations: manifest.collations.map((f: any) => f.name),
      modules: manifest.vtabs.map((f: any) => f.name),
    };
  }

  private async transpiled(source: string | Uint8Array, label: string): Promise<{ transpiled: Transpiled; label: string; blake3: string }> {
    if (typeof source === 'string') {
      this.catalog ??= fetch(new URL('extensions/index.json', this.base)).then((r) => r.json());
      const entry = (await this.catalog).find((e) => e.name === source);
      if (!entry) throw new LoadError(`no extension named ${source} in the catalog (dist/browser/extensions/); load a .wasm by URL or bytes`);
      return { transpiled: await fromUrl(source, new URL(`extensions/${source}/`, this.base).href), label: source, blake3: entry.blake3 };
    }
    const files = await transpileBytes(source, label);
    return { transpiled: await fromFiles(files.name, files.files), label, blake3: files.hash };
  }

  /** Calls into sqlite-core, turning its errors into `EngineError`s with their extension. */
  private call<T>(f: () => T): T {
    this.inside += 1;
    this.router.blame = undefined;
    try {
      return f();
    } catch (e: any) {
      const blame = this.router.blame;
      if (isSqlError(e)) throw new EngineError(e.message, e.code, blame, e.offset);
      if (e instanceof EngineError) throw e;
      throw new EngineError(e instanceof Error ? e.message : String(e), SQLITE_ERROR, blame);
    } finally {
      this.inside -= 1;
    }
  }
}

/**
 * File locks in a page: one worker owns its database, so the locks only
 * have to keep this connection consistent with itself.
 */
class PageLock {
  static open(): PageLock {
    return new PageLock();
  }
  lock(): void {}
  unlock(): void {}
  reserved(): boolean {
    return false;
  }
}
