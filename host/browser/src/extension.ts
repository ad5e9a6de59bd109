// One extension in the page: its component transpiled to JS by jco (at
// build time for the catalog, in the page for bytes given at run time),
// instantiated with the imports the host gives an extension (log, spi,
// blob, and the WASI shim), and checked as the native hosts check it.

import { extensionFilesystem, wasiImports, type GrantedDirectory } from './wasi.js';
import { coreOf, type CoreInstance } from './fast.js';

/** The contract version this host speaks. */
export const CONTRACT = '0.2.0';

/** What transpiling a component gives: file name to bytes. */
export type Files = Record<string, Uint8Array>;

/** Instantiates one core module (jco's `instantiateCore` hook). */
export type InstantiateCore = (module: WebAssembly.Module, imports?: WebAssembly.Imports) => Promise<WebAssembly.Instance>;

/**
 * A transpiled component, ready to instantiate any number of times: jco's
 * `instantiate`, given the component's own core modules, each compiled once.
 */
export interface Transpiled {
  instantiate: (imports: Record<string, unknown>, instantiateCore: InstantiateCore) => Promise<any>;
}

/** An instance of an extension, as the router calls it. */
export interface Loaded {
  manifest: any;
  exports: any;
  /** The memories of its core instances, to hold it to its cap. */
  memories: WebAssembly.Memory[];
  /** The most bytes its memories may hold (0: no cap). */
  memoryCap: number;
  /** Its main core instance, which the fast value path calls directly. */
  core?: CoreInstance;
  /** It trapped: instantiate it again before its next call. */
  broken: boolean;
}

/** What the host gives extensions that SQLite or the page may call back. */
export interface Host {
  /** Runs an extension's spi or blob request on the connection, or explains why not. */
  serve(extension: string, request: any): any;
  /** Shows an extension's log line. */
  log(extension: string, level: string, message: string): void;
}

/** Refused with a message that says what to do. */
export class LoadError extends Error {}

/** Makes a transpiled module from jco's output files. */
export async function fromFiles(name: string, files: Files): Promise<Transpiled> {
  const js = files[`${name}.js`];
  if (!js) throw new LoadError(`transpiling ${name} gave no ${name}.js`);
  const url = URL.createObjectURL(new Blob([js as BlobPart], { type: 'text/javascript' }));
  try {
    const module = await import(/* @vite-ignore */ url);
    const modules = new Map<string, WebAssembly.Module>();
    for (const [file, bytes] of Object.entries(files)) {
      if (file.endsWith('.wasm')) modules.set(file, await WebAssembly.compile(bytes as BufferSource));
    }
    const core = async (path: string) => {
      const m = modules.get(path);
      if (!m) throw new Error(`transpiling ${name} gave no core module ${path}`);
      return m;
    };
    return { instantiate: (imports, instantiateCore) => module.instantiate(core, imports, instantiateCore) };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Loads a component transpiled at build time, from `base` (a URL ending in `/`). */
export async function fromUrl(name: string, base: string): Promise<Transpiled> {
  const module = await import(/* @vite-ignore */ new URL(`${name}.js`, base).href);
  const modules = new Map<string, Promise<WebAssembly.Module>>();
  const core = (path: string) => {
    let m = modules.get(path);
    if (!m) {
      m = WebAssembly.compileStreaming(fetch(new URL(path, base)));
      modules.set(path, m);
    }
    return m;
  };
  return { instantiate: (imports, instantiateCore) => module.instantiate(core, imports, instantiateCore) };
}

/**
 * Instantiates an extension, checks its contract version, its manifest and
 * its grants; `memoryMiB` caps its memory (0: no cap).
 */
export async function instantiate(t: Transpiled, host: Host, grants: string[], label: string, memoryMiB = 0): Promise<Loaded> {
  let name = label;
  const imports = {
    ...wasiImports(),
    ...(await extensionFilesystem(fsDirectories(grants))),
    'sqlink:extension/log': { log: (level: string, message: string) => host.log(name, level, message) },
    'sqlink:extension/spi': spiImports((r) => host.serve(name, r)),
    'sqlink:extension/blob': blobImports((r) => host.serve(name, r)),
  };
  const memories: WebAssembly.Memory[] = [];
  let main: CoreInstance | undefined;
  const instantiateCore: InstantiateCore = async (module, imports) => {
    const instance = await WebAssembly.instantiate(module, imports);
    for (const e of Object.values(instance.exports)) if (e instanceof WebAssembly.Memory) memories.push(e);
    main ??= coreOf(instance);
    return instance;
  };
  let exports: any;
  try {
    exports = await t.instantiate(imports, instantiateCore);
  } catch (e) {
    throw new LoadError(`${label}: cannot instantiate the component: ${e instanceof Error ? e.message : e}`);
  }
  checkVersion(label, exports);
  const manifest = exports.manifest.describe();
  name = manifest.name;
  const missing = manifest.capabilities.filter((c: any) => !granted(c, grants));
  if (missing.length) {
    const wanted = missing.map((c: any) => (c.tag === 'fs' ? (c.val === 'read-only' ? "'fs:/DIR:ro'" : "'fs:/DIR'") : `'${capabilityName(c)}'`));
    throw new LoadError(`refusing to load extension ${name}: it needs ${missing.map(capabilityName).join(', ')}: load it with { grants: [${wanted.join(', ')}] }`);
  }
  const unsupported = manifest.capabilities.filter((c: any) => c.tag === 'http' || c.tag === 'env');
  if (unsupported.length) {
    throw new LoadError(`extension ${name} needs ${unsupported.map(capabilityName).join(', ')}, which the browser host does not provide yet (spi and fs only)`);
  }
  return { manifest, exports, memories, memoryCap: memoryMiB * 1024 * 1024, core: main, broken: false };
}

/** The capability in words: `spi`, `fs (read-only)`, `http:HOST`, `env:NAME`. */
function capabilityName(c: any): string {
  return c.tag === 'spi' ? 'spi' : c.tag === 'fs' ? `fs (${c.val})` : `${c.tag}:${c.val}`;
}

/**
 * Whether `grants` cover a capability: `spi`; for fs, a directory granted
 * (a read-write one when the extension says it writes).
 */
function granted(c: any, grants: string[]): boolean {
  if (c.tag === 'fs') return fsDirectories(grants).some((d) => c.val === 'read-only' || !d.readOnly);
  return grants.includes(capabilityName(c));
}

/** The directories of `fs:/DIR` (read-write) and `fs:/DIR:ro` grants, each an OPFS directory. */
function fsDirectories(grants: string[]): GrantedDirectory[] {
  const dirs: GrantedDirectory[] = [];
  for (const g of grants) {
    if (!g.startsWith('fs:')) continue;
    const readOnly = g.endsWith(':ro');
    const dir = g.slice(3, readOnly ? -3 : undefined);
    if (!dir.startsWith('/') || dir.split('/').some((p) => p === '..')) {
      throw new LoadError(`${g}: an fs grant names an absolute directory without .., e.g. fs:/data or fs:/data:ro`);
    }
    dirs.push({ path: dir.replace(/\/+$/, '') || '/', readOnly });
  }
  return dirs;
}

/** Refuses a component that speaks another version of the contract. */
function checkVersion(label: string, exports: any): void {
  const keys = Object.keys(exports).filter((k) => k.includes('@'));
  const manifest = keys.find((k) => k.startsWith('sqlink:extension/manifest@'));
  if (!manifest) {
    throw new LoadError(`${label}: not a sqlink extension: it does not export sqlink:extension/manifest (it exports ${keys.join(', ') || 'nothing'})`);
  }
  const version = manifest.split('@')[1];
  if (version !== CONTRACT) {
    const ours = `sqlink:extension@${CONTRACT}`;
    throw new LoadError(`${label}: built for contract sqlink:extension@${version}, but this host speaks ${ours}; rebuild the extension against ${ours}`);
  }
}

/** `spi`'s functions, each a request served by the host (or refused). */
function spiImports(serve: (request: any) => any) {
  const ask = (tag: string, val: any) => unwrap(serve({ tag, val }));
  return {
    query: (sql: string, params: any[]) => ask('query', { sql, params }),
    execute: (sql: string) => ask('execute', sql),
    parameterCount: (sql: string) => ask('parameter-count', sql),
    declareFunction: (name: string, arity: number, flags: any, body: any) => ask('declare-function', { name, arity, flags, body }),
    forgetFunction: (name: string, arity: number) => ask('forget-function', { name, arity }),
  };
}

function blobImports(serve: (request: any) => any) {
  const ask = (tag: string, val: any) => unwrap(serve({ tag, val }));
  return {
    size: (at: any) => ask('blob-size', at),
    read: (at: any, offset: number, length: number) => ask('blob-read', { at, offset, length }),
    write: (at: any, offset: number, data: Uint8Array) => ask('blob-write', { at, offset, data }),
  };
}

/** An `answer`'s result as an import returns it: the value, or a thrown payload. */
function unwrap(answer: any): any {
  const r = answer.val;
  if (r.tag === 'err') throw r.val;
  return r.val;
}
