// Table-valued functions: a function served as an eponymous-only virtual
// table, as the Rust SDK's #[table] serves one (components/sdk/src/vtab/
// function.rs). Its parameters are HIDDEN columns after the output
// columns, an equality constraint on one is its argument, and each item it
// yields is a row:
//
//   tables: {
//     upto: {
//       args: { start: 'integer', stop: 'integer' },   // hidden columns, in order
//       optional: { step: 'integer' },                  // may be left out
//       columns: ['n'],                                 // default ['value']
//       description: 'The integers from start to stop.',
//       *rows(start, stop, step = 1) { for (let n = start; n <= stop; n += step) yield n; },
//     },
//   }
//
// `rows` returns an iterable (a generator, an array). An item is one value
// for a one-column table, or an array (or an object keyed by column name)
// of values; values convert as scalar results do. A NULL argument for a
// parameter whose type does not end in '?' gives no rows; a missing
// required one fails the statement with SQLite's own words ("first
// argument to "upto()" missing or unusable"). Rows cross the boundary in
// the contract's batches (vtab.wit row-batch), as many as the host asks for.

import { SqlError, CONSTRAINT, parseType } from './values.js';
import { DONE, ConstraintOp } from './vtab.js';
import { quote } from './schema.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** The error for a required argument a query did not give. */
function missingArgument(name, p) {
  const ordinal = p < ORDINALS.length ? `${ORDINALS[p]} argument` : `argument ${p + 1}`;
  return new SqlError(`${ordinal} to "${name}()" missing or unusable`);
}

/**
 * The modules of `spec.tables`, one per SQL name, for lib/vtab.js: each
 * with its manifest entry.
 */
export function tableModules(tables) {
  const modules = [];
  for (const [name, raw] of Object.entries(tables)) {
    const where = `table ${name}`;
    const item = typeof raw === 'function' ? { rows: raw } : { ...raw };
    if (typeof item.rows !== 'function') throw new TypeError(`${where}: needs a rows function`);
    if (Array.isArray(item.args) || Array.isArray(item.optional)) {
      throw new TypeError(`${where}: args and optional are objects of hidden column names and types, e.g. { start: 'integer' }`);
    }
    const args = Object.entries(item.args ?? {});
    const params = [...args, ...Object.entries(item.optional ?? {})].map(([p, t]) => ({ ...parseType(t, where), column: p }));
    const columns = item.columns ?? ['value'];
    const schema = `CREATE TABLE x(${[...columns.map(quote), ...params.map((p) => `${quote(p.column)} HIDDEN`)].join(', ')})`;
    Object.assign(item, { params, required: args.length, columns, schema });
    for (const sqlName of [name, ...(item.aliases ?? [])]) {
      modules.push({
        name: sqlName,
        manifest: {
          name: sqlName,
          eponymous: true,
          eponymousOnly: true,
          writable: false,
          directOnly: false,
          shadowTables: [],
          description: item.description ?? '',
        },
        connect: () => new FunctionTable(item, sqlName),
      });
    }
  }
  return modules;
}

/** A connected table-valued function. */
class FunctionTable {
  constructor(item, name) {
    this.item = item;
    this.name = name;
    this.schema = item.schema;
  }

  /**
   * Passes the first usable equality constraint on each parameter's
   * column, in parameter order; bit p of idxNum says parameter p is
   * passed. A parameter whose only constraints are unusable makes the plan
   * unusable (SQLite then tries another order); a required one without
   * any is an error.
   */
  bestIndex(info) {
    const { item, name } = this;
    const first = item.columns.length;
    const count = item.params.length;
    const chosen = new Array(count).fill(-1);
    const unusable = new Array(count).fill(false);
    info.constraints.forEach((c, i) => {
      const p = c.column - first;
      if (p < 0 || p >= count) return;
      if (!c.usable) unusable[p] = true;
      else if (c.op === ConstraintOp.EQ && chosen[p] < 0) chosen[p] = i;
    });
    const usage = info.constraints.map(() => ({ argvIndex: 0, omit: false }));
    let idxNum = 0;
    let passed = 0;
    for (let p = 0; p < count; p++) {
      if (chosen[p] >= 0) {
        usage[chosen[p]] = { argvIndex: ++passed, omit: true };
        idxNum |= 1 << p;
      } else if (unusable[p]) {
        throw new SqlError('unusable argument', CONSTRAINT);
      } else if (p < item.required) {
        throw missingArgument(name, p);
      }
    }
    return { usage, idxNum, estimatedCost: 1000, estimatedRows: 1000 };
  }

  /** Starts a scan: the arguments converted, the function called. */
  scan({ idxNum, args: given }, wanted) {
    const { item, name } = this;
    const values = [];
    const hidden = [];
    let next = 0;
    let nullRule = false;
    for (let p = 0; p < item.params.length; p++) {
      const param = item.params[p];
      const a = idxNum & (1 << p) ? given[next++] : undefined;
      hidden.push(a ?? { tag: 'null' });
      if (a === undefined) values.push(undefined);
      else if (a.tag === 'null') {
        if (!param.nulls) nullRule = true;
        values.push(null);
      } else values.push(param.convert(a, name, p));
    }
    while (values.length && values[values.length - 1] === undefined) values.pop();
    const rows = nullRule ? [][Symbol.iterator]() : iterate(item.rows(...values), name);
    return new FunctionScan(item.columns, rows, hidden, wanted, name);
  }
}

function iterate(items, name) {
  if (items == null || typeof items[Symbol.iterator] !== 'function') {
    throw new SqlError(`${name}(): rows must return an iterable (an array, a generator)`);
  }
  return items[Symbol.iterator]();
}

/** A scan of a table-valued function: its items, then its arguments. */
class FunctionScan {
  constructor(columns, rows, hidden, wanted, name) {
    Object.assign(this, { columns, rows, hidden, wanted, name });
  }

  /** One item's cells: the outputs the scan reads, then the arguments. */
  row(batch) {
    const step = this.rows.next();
    if (step.done) return DONE;
    const item = step.value;
    const { columns, wanted, name, hidden } = this;
    const width = columns.length;
    if (width === 1) {
      if (wanted[0]) batch.value(item, name);
    } else {
      let outputs;
      if (Array.isArray(item)) outputs = item;
      else if (item !== null && typeof item === 'object' && item.constructor === Object) outputs = columns.map((c) => item[c]);
      else outputs = [item];
      if (outputs.length !== width) throw new SqlError(`${name}(): a row has ${outputs.length} values for ${width} columns`);
      for (let c = 0; c < width; c++) if (wanted[c]) batch.value(outputs[c], name);
    }
    for (let p = 0; p < hidden.length; p++) if (wanted[width + p]) batch.variant(hidden[p]);
    return null;
  }
}
