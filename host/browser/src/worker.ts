// The worker a Database runs in (dist/browser/worker.js): one engine,
// requests answered in order. A runaway call is stopped from outside, by
// the page terminating this worker.

import { Engine, EngineError } from './engine.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const engine = new Engine();
let queue: Promise<void> = Promise.resolve();

const ops: Record<string, (...args: any[]) => unknown> = {
  open: (base: string, path: string, storage) => engine.open(base, path, storage),
  exec: (sql: string) => engine.exec(sql),
  script: (sql: string) => engine.script(sql),
  query: (sql: string, params) => engine.query(sql, params),
  prepare: (sql: string) => engine.prepare(sql),
  bind: (id: number, params) => engine.bind(id, params),
  step: (id: number, max: number) => engine.step(id, max),
  reset: (id: number) => engine.reset(id),
  finalize: (id: number) => engine.finalize(id),
  load: (source, options, label) => engine.load(source, options, label),
  unload: (name: string) => engine.unload(name),
  extensions: () => engine.extensions(),
  close: () => engine.close(),
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, op, args } = event.data;
  queue = queue.then(async () => {
    let response: WorkerResponse;
    try {
      const run = ops[op];
      if (!run) throw new EngineError(`unknown request ${op}`, 21);
      response = { id, ok: true, value: await run(...args) };
    } catch (e: any) {
      const error = e instanceof EngineError ? e.info() : { message: e instanceof Error ? e.message : String(e), code: 1 };
      response = { id, ok: false, error };
    }
    try {
      await engine.heal();
    } catch (e: any) {
      console.warn(`restarting an extension failed: ${e?.message ?? e}`);
    }
    (self as unknown as Worker).postMessage(response);
  });
};
