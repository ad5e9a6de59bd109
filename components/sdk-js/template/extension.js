// The {{name}} extension: its SQL functions, aggregates, collations and
// table-valued functions, declared in one object (see the JS SDK's
// README for every option). `npm run build` makes {{name}}.wasm.
import { extension } from '@sqlink/sdk';

export default extension({
  name: '{{name}}',
  version: '0.1.0',
  description: 'A sqlink extension written in JavaScript.',
  functions: {
    hello: {
      args: ['text'],
      deterministic: true,
      description: 'Greets someone.',
      call: (name) => `Hello, ${name}!`,
    },
  },
});
