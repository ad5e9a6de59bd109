// Transpiling an extension's bytes inside the page: jco's transpiler, itself
// a component (about 1.2 MB gzipped), is fetched only when first needed;
// what it gives is kept in Cache Storage under the blob's blake3 (the hash
// the native content-addressed store uses), so a page loads a given
// extension's bytes once.

import { blake3 } from '@noble/hashes/blake3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { LoadError, type Files } from './extension.js';

/** The name transpiled files are given (`extension.js`, `extension.core.wasm`...). */
const NAME = 'extension';
/** The Cache Storage cache holding transpiled extensions. */
const CACHE = 'sqlink-transpiled-v1';

/** The WebAssembly binary magic and the component layer's version field. */
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

let transpiler: Promise<any> | undefined;

/**
 * Transpiles a component, or takes it from the cache; `hash` is its blake3.
 * Errors say what is wrong with `label` (a URL, or "the bytes given") as
 * the native hosts say it of a file.
 */
export async function transpileBytes(bytes: Uint8Array, label: string): Promise<{ name: string; files: Files; hash: string }> {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new LoadError(`${label}: not a WebAssembly file (it does not start with \\0asm)`);
  }
  if (bytes[4] === 1 && bytes[5] === 0) {
    throw new LoadError(`${label}: a core WebAssembly module, not a component: build it for the wasm32-wasip2 target (or wrap it with \`wasm-tools component new\`)`);
  }
  const hash = bytesToHex(blake3(bytes));
  const cached = await fromCache(hash);
  if (cached) return { name: NAME, files: cached, hash };
  transpiler ??= import(/* @vite-ignore */ new URL('./transpiler/transpiler.js', import.meta.url).href);
  const { generate } = await transpiler;
  let generated: any;
  try {
    generated = generate(bytes, {
      name: NAME,
      map: [],
      instantiation: { tag: 'async' },
      noComponentErrorWrapping: true,
      noTypescript: true,
      noNodejsCompat: true,
      base64Cutoff: 0,
      validLiftingOptimization: false,
      tracing: false,
      tlaCompat: false,
    });
  } catch (e: any) {
    const why = typeof e === 'string' ? e : (e?.payload ?? e?.message ?? String(e));
    throw new LoadError(`${label}: not a valid component: ${why}`);
  }
  const files: Files = Object.fromEntries(generated.files);
  await toCache(hash, files);
  return { name: NAME, files, hash };
}

/** One cache entry holds every file: a JSON index of names and lengths, then the bytes. */
async function toCache(hash: string, files: Files): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = Object.keys(files);
  const index = new TextEncoder().encode(JSON.stringify(names.map((n) => [n, files[n].length])));
  const head = new Uint8Array(4);
  new DataView(head.buffer).setUint32(0, index.length);
  const body = new Blob([head, index, ...names.map((n) => files[n] as BlobPart)]);
  try {
    await (await caches.open(CACHE)).put(cacheKey(hash), new Response(body));
  } catch {
    // A full or unavailable cache costs a transpile next time, nothing else.
  }
}

async function fromCache(hash: string): Promise<Files | undefined> {
  if (typeof caches === 'undefined') return undefined;
  const hit = await (await caches.open(CACHE)).match(cacheKey(hash)).catch(() => undefined);
  if (!hit) return undefined;
  const all = new Uint8Array(await hit.arrayBuffer());
  const length = new DataView(all.buffer).getUint32(0);
  const index: [string, number][] = JSON.parse(new TextDecoder().decode(all.subarray(4, 4 + length)));
  const files: Files = {};
  let at = 4 + length;
  for (const [name, size] of index) {
    files[name] = all.slice(at, at + size);
    at += size;
  }
  return files;
}

function cacheKey(hash: string): string {
  return new URL(`/.sqlink-transpiled/${hash}`, self.location.href).href;
}
