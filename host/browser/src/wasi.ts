// WASI for sqlite-core and extensions in a worker: jco's browser shim
// (@bytecodealliance/preview2-shim), with the database's directory as the
// one preopen: in memory, or the Origin Private File System, which keeps
// the database across reloads.

import * as shim from '@bytecodealliance/preview2-shim';
import {
  _addPreopen,
  _addPreopenWithAdapter,
  _clearPreopens,
  createFilesystem,
  InMemoryFilesystemAdapter,
  OpfsFilesystemAdapter,
  loadOpfsCapability,
} from '@bytecodealliance/preview2-shim/filesystem';

/** Where a database's files live. */
export type Storage = 'memory' | 'opfs';

/** The OPFS directory sqlink's databases live in. */
export const OPFS_DIRECTORY = 'sqlink';
/** The OPFS directory whose subdirectories `fs:DIR` grants give extensions. */
export const OPFS_FILES = 'sqlink-files';

/** Adapters holding OPFS trees in memory, flushed after each request. */
const opfsAdapters = new Set<OpfsFilesystemAdapter>();

/** The WASI imports by the unversioned keys jco's generated code reads. */
export function wasiImports(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [pkg, interfaces] of Object.entries(shim)) {
    for (const [name, impl] of Object.entries(interfaces as Record<string, unknown>)) {
      if (name.startsWith('_') || /^[A-Z]/.test(name)) continue;
      out[`wasi:${pkg}/${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`] = impl;
    }
  }
  return out;
}

/** Makes `/` the database directory: empty memory, or OPFS's `sqlink/`. */
export async function mountStorage(storage: Storage): Promise<void> {
  _clearPreopens();
  if (storage === 'memory') {
    _addPreopen('/', { dir: {} });
    return;
  }
  const opfs = new OpfsFilesystemAdapter();
  opfsAdapters.add(opfs);
  _addPreopenWithAdapter('/', opfs, await loadOpfsCapability(await opfsDirectory([OPFS_DIRECTORY])));
}

/** Writes what is pending to OPFS: the database's files and the extensions'. */
export async function flushStorage(): Promise<void> {
  await Promise.all([...opfsAdapters].map((a) => a.flush()));
}

/** A directory an `fs:` grant gives: its path, and whether only to read it. */
export interface GrantedDirectory {
  path: string;
  readOnly: boolean;
}

/**
 * The filesystem an extension sees, apart from the database's: no
 * directory at all, or each granted directory (`fs:/DIR`, `fs:/DIR:ro`) as
 * OPFS's `sqlink-files/DIR`, kept across reloads.
 */
export async function extensionFilesystem(dirs: GrantedDirectory[]): Promise<Record<string, unknown>> {
  if (!dirs.length) {
    const none = createFilesystem({ adapter: new InMemoryFilesystemAdapter(), preopens: {} });
    return { 'wasi:filesystem/preopens': none.preopens, 'wasi:filesystem/types': none.types };
  }
  type Granted = { root: Root; readOnly: boolean };
  const adapter = { getRoot: (g: Granted) => (g.readOnly ? readOnly(g.root) : g.root) };
  const preopens: Record<string, Granted> = {};
  for (const dir of dirs) preopens[dir.path] = { root: await directoryRoot(dir.path), readOnly: dir.readOnly };
  const fs = createFilesystem({ adapter, preopens });
  return { 'wasi:filesystem/preopens': fs.preopens, 'wasi:filesystem/types': fs.types };
}

/** The OPFS adapter holding every granted directory's tree (made when first needed). */
let grantedOpfs: OpfsFilesystemAdapter | undefined;
/** A directory's root descriptor, as the shim's adapters give it. */
type Root = ReturnType<OpfsFilesystemAdapter['getRoot']>;
/** Each granted directory's root, by path. */
const grantedRoots = new Map<string, Promise<Root>>();

/**
 * The root of a granted directory: read from OPFS once per worker and
 * shared by every instance granted it (an extension made again after a
 * trap, another extension), as a directory on disk would be; one copy in
 * memory, so no stale copy can overwrite newer files when it is flushed.
 */
function directoryRoot(path: string): Promise<Root> {
  let root = grantedRoots.get(path);
  if (!root) {
    if (!grantedOpfs) {
      grantedOpfs = new OpfsFilesystemAdapter();
      opfsAdapters.add(grantedOpfs);
    }
    const opfs = grantedOpfs;
    root = opfsDirectory([OPFS_FILES, ...path.split('/').filter(Boolean)]).then(loadOpfsCapability).then((c) => opfs.getRoot(c));
    grantedRoots.set(path, root);
  }
  return root;
}

/** What a read-only grant refuses: every change to a file or directory. */
const WRITES = new Set([
  'writeViaStream', 'appendViaStream', 'setSize', 'setTimes', 'write', 'createDirectoryAt', 'setTimesAt',
  'linkAt', 'removeDirectoryAt', 'renameAt', 'symlinkAt', 'unlinkFileAt',
]);

/**
 * A descriptor (the shim's implementation object) that refuses writes with
 * WASI's `read-only`, and hands out only read-only descriptors.
 */
function readOnly<D extends object>(inner: D): D {
  return new Proxy(inner, {
    get(target: any, key) {
      const value = target[key];
      if (typeof value !== 'function') return value;
      if (typeof key === 'string' && WRITES.has(key)) {
        return () => {
          throw 'read-only';
        };
      }
      if (key === 'openAt') {
        return (pathFlags: any, path: string, openFlags: any, flags: any) => {
          if (openFlags?.create || openFlags?.truncate || flags?.write) throw 'read-only';
          return readOnly(value.call(target, pathFlags, path, openFlags, flags));
        };
      }
      return value.bind(target);
    },
  });
}

/** An OPFS directory by its path from the origin's root, made if missing. */
async function opfsDirectory(path: string[]): Promise<FileSystemDirectoryHandle> {
  if (!navigator.storage?.getDirectory) throw new Error('this browser has no Origin Private File System (storage: "opfs", fs grants)');
  let dir = await navigator.storage.getDirectory();
  for (const name of path) dir = await dir.getDirectoryHandle(name, { create: true });
  return dir;
}
