// Reading the columns out of the `CREATE TABLE` statement a virtual table
// declares, and writing such statements, as the Rust SDK does
// (components/sdk/src/vtab/schema.rs): the SDK must know how many columns
// a table has to answer a column mask (bit 63 stands for all the columns
// from 63 on), and table-valued functions declare their own.

import { SqlError } from './values.js';

const CONSTRAINT_WORDS = ['constraint', 'primary', 'unique', 'check', 'foreign'];

/** A SQL name quoted for a CREATE TABLE statement. */
export const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * The columns of `CREATE TABLE x(...)`, in order, as `{ name, hidden }`;
 * table constraints (PRIMARY KEY(...), UNIQUE, CHECK, FOREIGN KEY,
 * CONSTRAINT) are not columns. Throws when the statement has no
 * parenthesised column list.
 */
export function columns(schema) {
  const tokens = tokenize(String(schema));
  const open = tokens.findIndex((t) => !t.quoted && t.text === '(');
  if (open < 0) throw bad(schema);
  let depth = 0;
  let closed = false;
  const definitions = [[]];
  for (const token of tokens.slice(open + 1)) {
    const punct = token.quoted ? '' : token.text;
    if (punct === '(') depth++;
    else if (punct === ')' && depth === 0) {
      closed = true;
      break;
    } else if (punct === ')') depth--;
    else if (punct === ',' && depth === 0) {
      definitions.push([]);
      continue;
    }
    definitions[definitions.length - 1].push(token);
  }
  if (!closed) throw bad(schema);
  const out = [];
  for (const [first, ...rest] of definitions) {
    if (!first) continue;
    if (!first.quoted && CONSTRAINT_WORDS.includes(first.text.toLowerCase())) continue;
    const hidden = rest.some((t) => !t.quoted && t.text.toLowerCase() === 'hidden');
    out.push({ name: first.text, hidden });
  }
  return out;
}

/** `CREATE TABLE x(...)` declaring these columns, names quoted, hidden ones marked HIDDEN. */
export function declare(cols) {
  return `CREATE TABLE x(${cols.map((c) => (c.hidden ? `${quote(c.name)} HIDDEN` : quote(c.name))).join(', ')})`;
}

function bad(schema) {
  return new SqlError(`a virtual table's schema must be \`CREATE TABLE x(columns...)\`, got \`${schema}\``);
}

/** Words, quoted names (unquoted) and the punctuation ( ) , as tokens. */
function tokenize(sql) {
  const tokens = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i++];
    if (/\s/.test(c)) continue;
    if (c === '"' || c === '`' || c === "'" || c === '[') {
      const close = c === '[' ? ']' : c;
      let text = '';
      while (i < n) {
        const d = sql[i++];
        if (d === close) {
          // A doubled quote stands for itself (not in [names]).
          if (close !== ']' && sql[i] === close) i++;
          else break;
        }
        text += d;
      }
      tokens.push({ text, quoted: true });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ text: c, quoted: false });
    } else {
      let text = c;
      while (i < n && !/\s/.test(sql[i]) && !'(),"`\'['.includes(sql[i])) text += sql[i++];
      tokens.push({ text, quoted: false });
    }
  }
  return tokens;
}
