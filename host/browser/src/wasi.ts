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

/**
 * The filesystem an extension sees, apart from the database's: no
 * directory at all, or each granted `DIR` (`fs:DIR`) as OPFS's
 * `sqlink-files/DIR`, kept across reloads.
 */
export async function extensionFilesystem(dirs: string[]): Promise<Record<string, unknown>> {
  if (!dirs.length) {
    const none = createFilesystem({ adapter: new InMemoryFilesystemAdapter(), preopens: {} });
    return { 'wasi:filesystem/preopens': none.preopens, 'wasi:filesystem/types': none.types };
  }
  const adapter = new OpfsFilesystemAdapter();
  opfsAdapters.add(adapter);
  const preopens: Record<string, Awaited<ReturnType<typeof loadOpfsCapability>>> = {};
  for (const dir of dirs) {
    preopens[dir] = await loadOpfsCapability(await opfsDirectory([OPFS_FILES, ...dir.split('/').filter(Boolean)]));
  }
  const fs = createFilesystem({ adapter, preopens });
  return { 'wasi:filesystem/preopens': fs.preopens, 'wasi:filesystem/types': fs.types };
}

/** An OPFS directory by its path from the origin's root, made if missing. */
async function opfsDirectory(path: string[]): Promise<FileSystemDirectoryHandle> {
  if (!navigator.storage?.getDirectory) throw new Error('this browser has no Origin Private File System (storage: "opfs", fs grants)');
  let dir = await navigator.storage.getDirectory();
  for (const name of path) dir = await dir.getDirectoryHandle(name, { create: true });
  return dir;
}
