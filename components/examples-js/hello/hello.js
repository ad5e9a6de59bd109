// Greetings, repetition, the longest text of a group, a count, and the
// numbers up to a bound as a table: the Rust example
// (components/examples/hello, and count_nulls from the C one) in
// JavaScript, with the JS SDK (components/sdk-js). Built by
// `make js-examples` into dist/examples/hello-js.wasm.
import { extension, SqlError } from '@sqlink/sdk';

/** The number of characters (code points) of a string. */
const chars = (s) => s.length - (s.match(/[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g)?.length ?? 0);

export default extension({
  name: 'hello',
  version: '0.1.0',
  description: 'Greetings, repetition, the longest text of a group, and a count.',
  functions: {
    hello: {
      args: ['text'],
      deterministic: true,
      description: 'Greets someone.',
      call: (name) => `Hello, ${name}!`,
    },
    repeat_text: {
      args: ['text', 'integer'],
      optional: ['text'],
      deterministic: true,
      description: 'Repeats text n times, joined by an optional separator.',
      call(text, n, sep = '') {
        if (n < 0) throw new SqlError('repeat_text(): n must not be negative');
        return Array(n).fill(text).join(sep);
      },
    },
    count_nulls: {
      variadic: 'value', // any value as it is, NULL included
      deterministic: true,
      description: 'How many of the arguments are NULL.',
      call: (...args) => args.filter((a) => a.type === 'null').length,
    },
  },
  aggregates: {
    longest: {
      args: ['text'],
      deterministic: true,
      description: 'The longest text of a group.',
      // The state: the longest text so far and its length, or null.
      init: () => null,
      step(best, text) {
        const n = chars(text);
        return best === null || n > best.chars ? { text, chars: n } : best;
      },
      finalize: (best) => best?.text ?? null,
    },
  },
  tables: {
    upto: {
      args: { start: 'integer', stop: 'integer' },
      columns: ['n'],
      description: 'The numbers from start up to stop, as a table.',
      *rows(start, stop) {
        for (let n = start; n <= stop; n++) yield n;
      },
    },
  },
});
