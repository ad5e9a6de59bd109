// The in-page transpiler's bundle (dist/browser/transpiler/transpiler.js):
// jco's js-component-bindgen, a component transpiled to JS, with its core
// modules beside it. Loaded by transpile.ts only when first needed; ready
// once this module has been imported.

import { $init, generate as bindgen } from '@bytecodealliance/jco-transpile/component';

await $init;

/** jco's `generate`: a component's bytes to JS and core modules. */
export const generate = bindgen;
