// The playground (dist/browser/index.html, served by `make web`): an SQL
// editor over one Database, the catalog as buttons, a file picker for any
// extension's .wasm, results as a table and errors as they are.

import { Database } from './sqlink.js';

const $ = (id) => document.getElementById(id);
const DEFAULT_EXTENSIONS = ['uuid', 'text', 'stats'];
let db;

function status(text) {
  $('status').textContent = text;
}

function showError(e) {
  const box = $('error');
  if (!e) {
    box.hidden = true;
    return;
  }
  const where = e.extension ? ` [extension ${e.extension}]` : '';
  const code = e.code !== undefined ? ` (code ${e.code})` : '';
  box.textContent = `${e.message}${where}${code}`;
  box.hidden = false;
}

function cell(value) {
  const td = document.createElement('td');
  if (value === null) {
    td.textContent = 'NULL';
    td.className = 'null';
  } else if (value instanceof Uint8Array) {
    td.textContent = `x'${[...value].map((b) => b.toString(16).padStart(2, '0')).join('')}'`;
    td.className = 'blob';
  } else {
    td.textContent = String(value);
    if (typeof value === 'number' || typeof value === 'bigint') td.className = 'number';
  }
  return td;
}

function showRows(rows) {
  const results = $('results');
  results.replaceChildren();
  if (!rows.columns.length) {
    results.textContent = 'done (no rows)';
    return;
  }
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of rows.columns) {
    const th = document.createElement('th');
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const v of row) tr.append(cell(v));
  }
  const count = document.createElement('p');
  count.className = 'count';
  count.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
  results.append(table, count);
}

/** Runs the editor's SQL: every statement but the last with exec, the last as a query. */
async function run() {
  showError(null);
  const sql = $('sql').value;
  const t0 = performance.now();
  try {
    const statements = splitLast(sql);
    if (statements.before.trim()) await db.exec(statements.before);
    const rows = statements.last.trim() ? await db.query(statements.last, undefined, { rowMode: 'array' }) : Object.assign([], { columns: [] });
    showRows(rows);
    status(`ran in ${(performance.now() - t0).toFixed(1)} ms`);
  } catch (e) {
    showError(e);
    status('error');
  }
}

/** The text before the last statement, and the last statement (split at top-level semicolons). */
function splitLast(sql) {
  const ends = [];
  let quote = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '-' && sql[i + 1] === '-') i = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
    else if (c === ';') ends.push(i);
  }
  while (ends.length && !sql.slice(ends[ends.length - 1] + 1).trim()) {
    const end = ends.pop();
    if (!ends.length || sql.slice(ends[ends.length - 1] + 1, end).trim()) {
      sql = sql.slice(0, end);
      break;
    }
  }
  const cut = ends.filter((e) => e < sql.length).pop();
  return cut === undefined ? { before: '', last: sql } : { before: sql.slice(0, cut + 1), last: sql.slice(cut + 1) };
}

async function refreshCatalog() {
  const loaded = new Set((await db.extensions()).map((e) => e.name));
  for (const li of $('catalog').children) li.classList.toggle('loaded', loaded.has(li.dataset.name));
}

async function toggle(name) {
  showError(null);
  try {
    const loaded = (await db.extensions()).some((e) => e.name === name);
    if (loaded) {
      await db.unload(name);
      status(`unloaded ${name}`);
    } else {
      const info = await db.load(name, { grants: $('grant-spi').checked ? ['spi'] : [] });
      status(`loaded ${info.name} ${info.version}: ${info.functions.length} functions, ${info.aggregates.length} aggregates, ${info.modules.length} modules`);
    }
  } catch (e) {
    showError(e);
  }
  await refreshCatalog();
}

async function buildCatalog() {
  const catalog = await (await fetch('extensions/index.json')).json();
  const list = $('catalog');
  for (const { name } of catalog) {
    const li = document.createElement('li');
    li.dataset.name = name;
    const button = document.createElement('button');
    button.textContent = name;
    button.onclick = () => toggle(name);
    li.append(button);
    list.append(li);
  }
  $('filter').oninput = () => {
    const q = $('filter').value.toLowerCase();
    for (const li of list.children) li.hidden = !li.dataset.name.includes(q);
  };
}

async function open(storage) {
  await db?.close();
  status('opening…');
  db = await Database.open(storage === 'opfs' ? 'playground.db' : ':memory:', { storage });
  for (const name of DEFAULT_EXTENSIONS) await db.load(name).catch(showError);
  await refreshCatalog();
  status(`SQLite ${db.version}, ${storage === 'opfs' ? 'playground.db in OPFS (kept across reloads)' : 'in memory'}`);
}

$('run').onclick = run;
$('sql').onkeydown = (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
};
$('storage').onchange = () => open($('storage').value).catch(showError);
$('file').onchange = async () => {
  const file = $('file').files[0];
  if (!file) return;
  showError(null);
  status(`loading ${file.name}…`);
  try {
    const info = await db.load(new Uint8Array(await file.arrayBuffer()), { grants: $('grant-spi').checked ? ['spi'] : [] });
    status(`loaded ${info.name} from ${file.name}: ${[...info.functions, ...info.aggregates, ...info.modules].join(', ')}`);
  } catch (e) {
    showError(e);
    status('error');
  }
  $('file').value = '';
  await refreshCatalog();
};

try {
  await buildCatalog();
  await open('memory');
  await run();
} catch (e) {
  showError(e);
  status('failed to start');
}
