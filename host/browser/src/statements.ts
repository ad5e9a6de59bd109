// Cutting a script into statements in JS, where SQLite's sqlite3_complete
// would: at a `;` outside strings, quoted names and comments, except inside
// the body of CREATE [TEMP] TRIGGER, which a `;` after END closes. So a
// script runs one statement per call into sqlite-core, without handing it
// the rest of the script each time.

/** The tokens that matter for where a statement ends. */
type Token = 'semi' | 'explain' | 'create' | 'temp' | 'trigger' | 'end' | 'other';

/** The statements of `sql`, each with its `;`; text after the last one is the last. */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  // Where the statement is: 0 before its first token, 1 after EXPLAIN,
  // 2 after CREATE, 3 after CREATE TEMP, 4 in a trigger, 5 after its END,
  // 6 in any other statement.
  let state = 0;
  for (let i = 0; i < sql.length; ) {
    const [token, next] = tokenAt(sql, i);
    i = next;
    if (token === null) continue;
    if (token === 'semi') {
      if (state === 4) continue;
      out.push(sql.slice(start, i));
      start = i;
      state = 0;
      continue;
    }
    state = step(state, token);
  }
  if (sql.slice(start).trim()) out.push(sql.slice(start));
  return out;
}

function step(state: number, token: Token): number {
  switch (state) {
    case 0:
      return token === 'explain' ? 1 : token === 'create' ? 2 : 6;
    case 1:
      return token === 'create' ? 2 : 6;
    case 2:
      return token === 'temp' ? 3 : token === 'trigger' ? 4 : 6;
    case 3:
      return token === 'trigger' ? 4 : 6;
    case 4:
    case 5:
      return token === 'end' ? 5 : 4;
    default:
      return 6;
  }
}

const KEYWORDS: Record<string, Token> = { explain: 'explain', create: 'create', temp: 'temp', temporary: 'temp', trigger: 'trigger', end: 'end' };

/** Whether char code `c` may be in an identifier (`first`: may start one). */
function identifier(c: number, first: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128 || (!first && ((c >= 48 && c <= 57) || c === 36));
}

/** The token at `i` (null for whitespace and comments) and where the next starts. */
function tokenAt(sql: string, i: number): [Token | null, number] {
  const c = sql.charCodeAt(i);
  if (c === 59) return ['semi', i + 1]; // ;
  if (c === 32 || (c >= 9 && c <= 13)) return [null, i + 1];
  if (c === 45 && sql.charCodeAt(i + 1) === 45) {
    const nl = sql.indexOf('\n', i);
    return [null, nl < 0 ? sql.length : nl + 1];
  }
  if (c === 47 && sql.charCodeAt(i + 1) === 42) {
    const close = sql.indexOf('*/', i + 2);
    return [null, close < 0 ? sql.length : close + 2];
  }
  if (c === 39 || c === 34 || c === 96 || c === 91) {
    // '...', "...", `...` (a doubled quote is one inside) and [...].
    const closer = c === 91 ? ']' : sql[i];
    let j = i + 1;
    for (;;) {
      const k = sql.indexOf(closer, j);
      if (k < 0) return ['other', sql.length];
      if (c !== 91 && sql[k + 1] === closer) {
        j = k + 2;
        continue;
      }
      return ['other', k + 1];
    }
  }
  if (identifier(c, true)) {
    let j = i + 1;
    while (j < sql.length && identifier(sql.charCodeAt(j), false)) j++;
    // Only the few keywords that decide where a statement ends matter.
    return [j - i <= 9 ? (KEYWORDS[sql.slice(i, j).toLowerCase()] ?? 'other') : 'other', j];
  }
  return ['other', i + 1];
}
