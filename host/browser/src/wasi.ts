// WASI for sqlite-core and extensions in a worker: jco's browser shim
// (@bytecodealliance/preview2-shim), with the database's directory as the
// one preopen: in memory, or the Origin Private File System, which keeps
// the database across reloads.

import * as shim from '@bytecodealliance/preview2-shim';
import { _addPreopen, _addPreopenWithAdapter, _clearPreopens, OpfsFilesystemAdapter, loadOpfsCapability } from '@bytecodealliance/preview2-shim/filesystem';

/** Where a database's files live. */
export type Storage = 'memory' | 'opfs';

/** The OPFS directory sqlink's databases live in. */
export const OPFS_DIRECTORY = 'sqlink';

let opfs: OpfsFilesystemAdapter | undefined;

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
  if (!navigator.storage?.getDirectory) throw new Error('this browser has no Origin Private File System (storage: "opfs")');
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(OPFS_DIRECTORY, { create: true });
  opfs = new OpfsFilesystemAdapter();
  _addPreopenWithAdapter('/', opfs, await loadOpfsCapability(dir));
}

/** Writes what is pending to OPFS (no-op in memory). */
export async function flushStorage(): Promise<void> {
  await opfs?.flush();
}
