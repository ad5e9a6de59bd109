// @sqlink/browser: SQLite with the sqlink extension catalog in a web page.
//
//   import { Database } from './sqlink.js';
//   const db = await Database.open();
//   await db.load('uuid');                           // from the catalog
//   await db.load(await fetch('my.wasm'), { grants: ['spi'] });
//   for (const row of await db.query('select uuid4() as id')) console.log(row.id);
//
// The database runs in a Worker: a call that runs longer than its time
// limit is stopped by terminating the worker, which is then started again
// with the same database (kept when stored in OPFS, reported lost when in
// memory) and the same extensions.

import type { ErrorInfo, ExtensionInfo, LoadOptions, Params, Storage, WorkerRequest, WorkerResponse } from './protocol.js';
import type { BindValue, SqlValue } from './values.js';

export type { BindValue, ExtensionInfo, LoadOptions, Params, SqlValue, Storage };

/** SQLITE_INTERRUPT: a call stopped for running past its time limit. */
const SQLITE_INTERRUPT = 9;
/** SQLITE_NOMEM: the worker ran out of memory. */
const SQLITE_NOMEM = 7;
/** Rows fetched per `step` round trip by `Statement.all`. */
const BATCH = 256;

/** An error from SQLite or an extension, with SQLite's extended result code. */
export class SqliteError extends Error {
  /** The extended result code (e.g. 2067, SQLITE_CONSTRAINT_UNIQUE). */
  readonly code: number;
  /** The extension the error came from, when one raised it. */
  readonly extension?: string;
  /** For an error in SQL text, the byte offset SQLite points at. */
  readonly offset?: number;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'SqliteError';
    this.code = info.code;
    this.extension = info.extension;
    this.offset = info.offset;
  }

  /** The primary result code (the extended code's low byte). */
  get primaryCode(): number {
    return this.code & 0xff;
  }
}

/** How `Database.open` opens a database. */
export interface OpenOptions {
  /** `'memory'` (the default): gone when the page closes; `'opfs'`: kept in the Origin Private File System. */
  storage?: Storage;
  /** Where the package lives (the URL of dist/browser/); defaults to this module's directory. */
  base?: string | URL;
  /** Per-call time limit in milliseconds for every request (default 5000). */
  timeout?: number;
}

/** How rows come back: objects keyed by column name (the default) or arrays. */
export interface QueryOptions {
  rowMode?: 'object' | 'array';
}

/** A row as an object keyed by column name. */
export type Row = Record<string, SqlValue>;

/** Rows, with the statement's column names. */
export type Rows<R> = R[] & { columns: string[] };

/** An extension as `load` was asked for it, replayed after a restart. */
interface LoadRecord {
  name: string;
  source: string | Uint8Array;
  label: string;
  options: LoadOptions;
}

/** A SQLite database in a Worker, with sqlink extensions loaded at run time. */
export class Database {
  private worker!: Worker;
  private next = 1;
  private waiting = new Map<number, { resolve: (v: any) => void; reject: (e: any) => void; timer?: ReturnType<typeof setTimeout> }>();
  private loads: LoadRecord[] = [];
  private restarting: Promise<void> | undefined;
  /** The SQLite version, e.g. `3.54.1`. */
  version = '';

  private constructor(
    readonly name: string,
    private readonly storage: Storage,
    private readonly base: string,
    private readonly timeout: number,
  ) {}

  /** Opens `name` (`:memory:` by default) in a new worker. */
  static async open(name = ':memory:', options: OpenOptions = {}): Promise<Database> {
    const storage = options.storage ?? 'memory';
    if (storage !== 'memory' && storage !== 'opfs') throw new TypeError(`storage must be 'memory' or 'opfs', got ${storage}`);
    if (name !== ':memory:' && !/^[^/\\\0]+$/.test(name)) throw new TypeError(`a database name is a file name without slashes, got ${JSON.stringify(name)}`);
    const base = new URL(options.base ?? '.', import.meta.url).href.replace(/\/?$/, '/');
    const db = new Database(name, storage, base, options.timeout ?? 5000);
    await db.start();
    return db;
  }

  /** Runs every statement of `sql`, discarding rows. */
  async exec(sql: string): Promise<void> {
    await this.request('exec', [sql]);
  }

  /** Runs one statement with `params`; its rows, as objects (or arrays). */
  async query(sql: string, params?: Params, options?: QueryOptions & { rowMode?: 'object' }): Promise<Rows<Row>>;
  async query(sql: string, params: Params | undefined, options: { rowMode: 'array' }): Promise<Rows<SqlValue[]>>;
  async query(sql: string, params?: Params, options: QueryOptions = {}): Promise<Rows<Row> | Rows<SqlValue[]>> {
    const result = (await this.request('query', [sql, params])) as { columns: string[]; rows: SqlValue[][] };
    return shape(result.columns, result.rows, options.rowMode ?? 'object');
  }

  /** Compiles one statement, to bind and step it. */
  async prepare(sql: string): Promise<Statement> {
    const { id, columns, parameters } = (await this.request('prepare', [sql])) as { id: number; columns: string[]; parameters: number };
    return new Statement(this, id, columns, parameters);
  }

  /**
   * Loads an extension: a catalog name (`'uuid'`), a URL, the bytes of a
   * `.wasm` component or a fetch `Response`. Extensions get pure
   * computation unless `options.grants` grants more.
   */
  async load(source: string | URL | Uint8Array | ArrayBuffer | Response, options: LoadOptions = {}): Promise<ExtensionInfo> {
    const [resolved, label] = await bytesOf(source);
    const info = (await this.request('load', [resolved, options, label], Math.max(this.limit(), options.timeout ?? 0))) as ExtensionInfo;
    this.loads.push({ name: info.name, source: resolved, label, options });
    return info;
  }

  /** Unloads an extension by name: its functions, aggregates, collations and modules go. */
  async unload(name: string): Promise<void> {
    await this.request('unload', [name]);
    this.loads = this.loads.filter((l) => l.name !== name);
  }

  /** The loaded extensions. */
  async extensions(): Promise<ExtensionInfo[]> {
    return (await this.request('extensions', [])) as ExtensionInfo[];
  }

  /** Closes the database and stops its worker. */
  async close(): Promise<void> {
    try {
      await this.request('close', []);
    } finally {
      this.worker.terminate();
      for (const w of this.waiting.values()) w.reject(new SqliteError({ message: 'the database is closed', code: 21 }));
      this.waiting.clear();
    }
  }

  /**
   * The time limit of a request: the page cannot tell which extension a
   * statement is running, so it is the largest of the database's limit and
   * those of the extensions loaded.
   */
  private limit(): number {
    return Math.max(this.timeout, ...this.loads.map((l) => l.options.timeout ?? 0));
  }

  /** @internal A request to the worker, once it has (re)started, stopped after `timeout` ms. */
  async request(op: string, args: unknown[], timeout = this.limit()): Promise<unknown> {
    await this.restarting;
    return this.post(op, args, timeout);
  }

  /** Sends a request to the current worker; `timeout` 0: no limit. */
  private post(op: string, args: unknown[], timeout: number): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const entry: { resolve: (v: any) => void; reject: (e: any) => void; timer?: ReturnType<typeof setTimeout> } = { resolve, reject };
      if (timeout > 0) entry.timer = setTimeout(() => this.runaway(id, op, timeout), timeout);
      this.waiting.set(id, entry);
      this.worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
  }

  private async start(): Promise<void> {
    this.worker = new Worker(new URL('worker.js', this.base), { type: 'module', name: `sqlink ${this.name}` });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.answer(event.data);
    this.worker.onerror = (event) => this.crashed(event.message || 'the worker failed');
    this.version = (await this.post('open', [this.base, this.name, this.storage], 0)) as string;
  }

  private answer(response: WorkerResponse): void {
    const w = this.waiting.get(response.id);
    if (!w) return;
    this.waiting.delete(response.id);
    clearTimeout(w.timer);
    if (response.ok) w.resolve(response.value);
    else w.reject(new SqliteError(response.error));
  }

  /** A call ran past its limit: stop the worker, start another, fail the call. */
  private runaway(id: number, op: string, timeout: number): void {
    const lost = this.storage === 'memory' ? '; the database was in memory and is lost (use storage: "opfs" to keep it)' : '; the database (OPFS) is intact';
    this.restart(id, { message: `${op} exceeded the time limit of ${timeout} ms: the worker was stopped and restarted${lost}`, code: SQLITE_INTERRUPT });
  }

  private crashed(message: string): void {
    const first = [...this.waiting.keys()][0];
    const lost = this.storage === 'memory' ? '; the in-memory database is lost' : '';
    this.restart(first, { message: `the database worker failed (${message}) and was restarted${lost}`, code: SQLITE_NOMEM });
  }

  private restart(failed: number | undefined, error: ErrorInfo): void {
    this.worker.terminate();
    const pending = [...this.waiting.entries()];
    this.waiting.clear();
    for (const [id, w] of pending) {
      clearTimeout(w.timer);
      w.reject(new SqliteError(id === failed ? error : { message: 'cancelled: the database worker was restarted', code: SQLITE_INTERRUPT }));
    }
    const loads = this.loads;
    this.restarting = (async () => {
      await this.start();
      this.loads = [];
      for (const l of loads) {
        await this.post('load', [l.source, l.options, l.label], 0).then(() => this.loads.push(l), () => undefined);
      }
    })();
  }

}

/** A prepared statement: bind parameters, step rows, reset, finalize. */
export class Statement {
  /** @internal */
  constructor(
    private readonly db: Database,
    private readonly id: number,
    /** Its result columns. */
    readonly columns: string[],
    /** How many parameters it takes. */
    readonly parameterCount: number,
  ) {}

  /** Binds positional (array) or named (object) parameters. */
  async bind(params: Params): Promise<this> {
    await this.db.request('bind', [this.id, params]);
    return this;
  }

  /** The next row as an object (or array), or undefined once done. */
  async step(options: QueryOptions = {}): Promise<Row | SqlValue[] | undefined> {
    const [row] = (await this.db.request('step', [this.id, 1])) as SqlValue[][];
    if (!row) return undefined;
    return options.rowMode === 'array' ? row : shape(this.columns, [row], 'object')[0];
  }

  /** Every remaining row. */
  async all(options: QueryOptions = {}): Promise<Rows<Row> | Rows<SqlValue[]>> {
    const rows: SqlValue[][] = [];
    for (;;) {
      const batch = (await this.db.request('step', [this.id, BATCH])) as SqlValue[][];
      if (!batch.length) break;
      rows.push(...batch);
    }
    return shape(this.columns, rows, options.rowMode ?? 'object');
  }

  /** Rewinds it to run again; bindings stay. */
  async reset(): Promise<void> {
    await this.db.request('reset', [this.id]);
  }

  /** Frees it. */
  async finalize(): Promise<void> {
    await this.db.request('finalize', [this.id]);
  }
}

function shape(columns: string[], rows: SqlValue[][], mode: 'object' | 'array'): Rows<Row> | Rows<SqlValue[]> {
  const out: any[] =
    mode === 'array' ? rows : rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  return Object.assign(out, { columns });
}

/**
 * A catalog name stays a name; anything else becomes the component's bytes,
 * with what errors call it: its URL, or "the bytes given".
 */
async function bytesOf(source: string | URL | Uint8Array | ArrayBuffer | Response): Promise<[string | Uint8Array, string]> {
  if (source instanceof Uint8Array) return [source, 'the bytes given'];
  if (source instanceof ArrayBuffer) return [new Uint8Array(source), 'the bytes given'];
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (!source.ok) throw new SqliteError({ message: `fetching the extension failed: ${source.status} ${source.statusText} (${source.url})`, code: 1 });
    return [new Uint8Array(await source.arrayBuffer()), source.url || 'the response given'];
  }
  const text = String(source);
  if (/^[a-z][a-z0-9_]*$/i.test(text)) return [text, text];
  return bytesOf(await fetch(text));
}
