// The messages between a Database (the page) and its worker.

import type { BindValue, SqlValue } from './values.js';
import type { Storage } from './wasi.js';

/** Parameters: positional, or by name (`{ a: 1 }` binds `:a`, `@a` or `$a`). */
export type Params = BindValue[] | Record<string, BindValue>;

/** How `Database.load` loads an extension. */
export interface LoadOptions {
  /**
   * Capabilities granted beyond pure computation: `'spi'` (SQL from its
   * attach hook), `'fs:/DIR'` and `'fs:/DIR:ro'` (the directory DIR, to
   * read and write or only to read, kept in the Origin Private File System
   * under `sqlink-files/`).
   */
  grants?: string[];
  /** Qualify its names with this prefix instead of its own (`prefix__name`). */
  prefix?: string;
  /** Bare names to give its items even where another extension has them. */
  pins?: string[];
  /** The most memory its instance may have, in MiB: past it the call fails and the extension restarts. */
  mem?: number;
  /**
   * Time limit of a call in milliseconds; past it the worker is stopped and
   * restarted. The page cannot tell which extension a statement runs, so a
   * request's limit is the largest of the database's and its extensions'.
   */
  timeout?: number;
}

/** A loaded extension, as `Database.extensions()` lists it. */
export interface ExtensionInfo {
  name: string;
  /** The blake3 of its `.wasm` (the hash the native content-addressed store names it by). */
  blake3: string;
  version: string;
  description: string;
  prefix: string;
  functions: string[];
  aggregates: string[];
  collations: string[];
  modules: string[];
}

/** A statement's columns and rows. */
export interface QueryResult {
  columns: string[];
  rows: SqlValue[][];
}

/** What crosses back when a request fails. */
export interface ErrorInfo {
  message: string;
  code: number;
  extension?: string;
  offset?: number;
}

/** A request to the worker. */
export interface WorkerRequest {
  id: number;
  op: string;
  args: unknown[];
}

/** The worker's answer to request `id`. */
export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorInfo };

export type { Storage };
