//! `zstd_enable_transparent`: the reference's steps, in its order, with its
//! checks and messages, in one transaction that a failure rolls back.

use crate::config::{Config, backing_table, dict_column};
use crate::sql::{self, cells, ident};
use sqlink_sdk::Value;
use sqlink_zstd_sql::chain::{Chain, Context as _, bail};
use std::collections::HashMap;

/// What enabling needs to know of one of the table's columns.
#[derive(Debug)]
struct Column {
    name: String,
    declared_type: String,
    is_primary_key: bool,
    to_compress: bool,
    /// A `_C_dict` column added by an earlier enable.
    is_dict_id: bool,
}

/// `zstd_enable_transparent(config)`.
pub fn enable(config: &Value) -> Result<Value, Chain> {
    let text = sql::text_argument(config, 0)?;
    let config: Config = serde_json::from_str(&text).map_err(Chain::of).context(&format!("parsing json config '{text}'"))?;
    sql::execute("BEGIN DEFERRED").context("Could not start transaction")?;
    match steps(&config, &text) {
        Ok(()) => {
            sql::execute("COMMIT").context("Could not commit transaction")?;
            Ok(Value::text("Done!"))
        }
        Err(e) => {
            // As dropping rusqlite's transaction does: the error is the one
            // that matters.
            let _ = sql::execute("ROLLBACK");
            Err(e)
        }
    }
}

fn steps(config: &Config, config_text: &str) -> Result<(), Chain> {
    let table = &config.table;
    let backing = backing_table(table);
    let enabled: Vec<String> = sql::configs()?.into_iter().filter(|c| &c.table == table).map(|c| c.column).collect();
    if enabled.contains(&config.column) {
        bail!("Column {} is already enabled for compression.", config.column);
    }
    let already_enabled = !enabled.is_empty();
    let dict_id_columns = if already_enabled { dict_id_columns(&backing)? } else { Vec::new() };
    let source = if already_enabled { &backing } else { table };
    if !sql::table_exists(source) {
        bail!("Table {} doesn't exist", table);
    }
    let columns = columns(source, &config.column, &enabled, &dict_id_columns)?;
    sql::show_warnings()?;
    let primary_key: Vec<&Column> = columns.iter().filter(|c| c.is_primary_key).collect();
    if columns.is_empty() {
        bail!("Table {} does not exist", table);
    }
    if primary_key.is_empty() {
        bail!(
            "Table {} does not have a primary key, sqlite-zstd only works on tables with primary keys, since rowids can change on VACUUM.",
            table
        );
    }
    let column = columns
        .iter()
        .find(|c| c.name == config.column)
        .ok_or_else(|| Chain::msg(format!("Column {} does not exist in {}", config.column, table)))?;
    if column.is_primary_key {
        bail!(
            "Can't compress column {} since it is part of primary key (this could probably be supported, but currently isn't)",
            config.column
        );
    }
    check_not_indexed(&columns, table)?;
    check_chooser(config)?;

    let dict_col = dict_column(&column.name);
    if !already_enabled {
        sql::execute(&format!("alter table {} rename to {}", ident(table), ident(&backing))).context("Could not rename table")?;
    }
    sql::ensure_dicts_table()?;
    sql::execute(
        "create table if not exists _zstd_configs (
            id integer primary key autoincrement,
            config json not null
        );",
    )
    .context("Could not create _zstd_configs")?;
    sql::query("insert into _zstd_configs (config) values (?)", &[Value::text(config_text)]).context("Could not insert config")?;
    sql::execute(&format!(
        "alter table {} add column {} integer default null references _zstd_dicts(id)",
        ident(&backing),
        ident(&dict_col)
    ))
    .context("Could not add dictid column")?;
    // Maintenance looks rows up by it to find those not compressed yet.
    sql::execute(&format!("create index {} on {} ({})", ident(&format!("{dict_col}_idx")), ident(&backing), ident(&dict_col)))
        .context("Could not create index on dictid")?;

    create_view(&columns, table, &backing, already_enabled)?;
    create_insert_trigger(&columns, table, &backing)?;
    let key_condition = primary_key.iter().map(|c| format!("old.{0} = {0}", ident(&c.name))).collect::<Vec<_>>().join(" and ");
    create_delete_trigger(table, &backing, &key_condition)?;
    create_update_triggers(&columns, table, &backing, &key_condition)
}

/// The `_C_dict` columns of an enabled table: those referencing
/// `_zstd_dicts`.
fn dict_id_columns(backing: &str) -> Result<Vec<String>, Chain> {
    let sql = format!(r#"select "from" from pragma_foreign_key_list('{}') where "table" = '_zstd_dicts'"#, backing.replace('\'', "''"));
    let rows = sql::query(&sql, &[]).context("Could not get dicts ids info")?;
    rows.rows.iter().map(|row| cells(&rows.columns, row)(0).text()).collect::<Result<_, _>>().context("Could not get dicts ids info")
}

/// The table's columns, from `pragma table_info`.
fn columns(source: &str, column: &str, enabled: &[String], dict_id_columns: &[String]) -> Result<Vec<Column>, Chain> {
    let rows = sql::query(&format!("pragma table_info({})", ident(source)), &[])?;
    let index = |name: &str| rows.columns.iter().position(|c| c == name).expect("table_info's columns");
    let (name, kind, pk) = (index("name"), index("type"), index("pk"));
    rows.rows
        .iter()
        .map(|row| {
            let cell = cells(&rows.columns, row);
            let name = cell(name).text()?;
            Ok(Column {
                to_compress: name == column || enabled.contains(&name),
                is_dict_id: dict_id_columns.contains(&name),
                is_primary_key: cell(pk).integer()? != 0,
                declared_type: cell(kind).text()?,
                name,
            })
        })
        .collect::<Result<_, Chain>>()
        .context("Could not query table_info")
}

/// Refuses to compress a column an index uses (its index would hold the
/// compressed bytes).
fn check_not_indexed(columns: &[Column], table: &str) -> Result<(), Chain> {
    let rows = sql::query(
        "select distinct ii.name as column_name, il.name as index_name
        from sqlite_master as m,
        pragma_index_list(m.name) as il,
        pragma_index_info(il.name) as ii
        where m.type='table' AND m.name=?",
        &[Value::text(table)],
    )
    .context("could not get indices info")?;
    let mut indexed = HashMap::new();
    for row in &rows.rows {
        let cell = cells(&rows.columns, row);
        // An expression's column has no name: it names no column here.
        if let Ok(column) = cell(0).text() {
            indexed.insert(column, cell(1).text()?);
        }
    }
    let offending: Vec<String> = columns
        .iter()
        .filter(|c| c.to_compress)
        .filter_map(|c| indexed.get(&c.name).map(|index| format!("{} ({index})", c.name)))
        .collect();
    if !offending.is_empty() {
        bail!(
            "Can't compress column(s): {} - used as part of index (this could probably be supported, but currently isn't)",
            offending.join(", ")
        );
    }
    Ok(())
}

/// Runs the chooser on one row, so a mistake shows now, not during
/// maintenance.
fn check_chooser(config: &Config) -> Result<(), Chain> {
    let query = format!("select ({}) as dict_chooser from {} limit 1", config.dict_chooser, ident(&config.table));
    let checked = sql::query(&query, &[]).and_then(|rows| match rows.rows.first() {
        Some(row) => cells(&rows.columns, row)(0).text().map(drop),
        None => Ok(()),
    });
    checked.context(&format!("Tried to execute:\n{query}")).context(
        r#"Dict chooser expression does not seem to be valid. Make sure you return a string and get your escaping right: If you want an sqlite string inside a json string inside a sqlite string you need to do '{"foo": "''bar''"}'"#,
    )
}

/// SQLite's affinity rules for a declared type: only text and blob columns
/// can hold compressed data.
fn affinity(declared_type: &str) -> &'static str {
    let t = declared_type.to_ascii_lowercase();
    if t.contains("int") {
        "Integer"
    } else if t.contains("char") || t.contains("clob") || t.contains("text") {
        "Text"
    } else if t.contains("blob") || t.is_empty() {
        "Blob"
    } else if t.contains("real") || t.contains("floa") || t.contains("doub") {
        "Real"
    } else {
        "Numeric"
    }
}

/// The view in the table's place: its columns, the compressed ones
/// decompressed with their dictionary.
fn create_view(columns: &[Column], table: &str, backing: &str, already_enabled: bool) -> Result<(), Chain> {
    if already_enabled {
        // Its triggers go with it.
        sql::execute(&format!("drop view {}", ident(table))).context("Could not drop view")?;
    }
    let select = columns
        .iter()
        .filter(|c| !c.is_dict_id)
        .map(|c| {
            if !c.to_compress {
                return Ok(ident(&c.name));
            }
            let is_text = match affinity(&c.declared_type) {
                "Text" => 1,
                "Blob" => 0,
                other => bail!(
                    "the to-compress column has type {} which has affinity {other}, but affinity must be text or blob. See https://www.sqlite.org/draft/datatype3.html#determination_of_column_affinity",
                    c.declared_type
                ),
            };
            let (data, dict) = (ident(&c.name), format!("{}.{}", ident(backing), ident(&dict_column(&c.name))));
            // The dictionary itself, not its id: -1 (none) and NULL (not
            // compressed) as they are; an id missing from _zstd_dicts stays
            // an id, which zstd_decompress_col refuses.
            let dict_bytes = format!("case {dict} when -1 then -1 else coalesce((select dict from _zstd_dicts where _zstd_dicts.id = {dict}), {dict}) end");
            Ok(format!("zstd_decompress_col({data}, {is_text}, {dict_bytes}, true) as {data}"))
        })
        .collect::<Result<Vec<_>, Chain>>()
        .context("could not construct select in view")?
        .join(", ");
    sql::execute(&format!("create view {} as select {select} from {}", ident(table), ident(backing))).context("Could not create view")
}

/// Inserts go to the backing table uncompressed (maintenance compresses
/// them later).
fn create_insert_trigger(columns: &[Column], table: &str, backing: &str) -> Result<(), Chain> {
    let (mut names, mut values) = (Vec::new(), Vec::new());
    for c in columns.iter().filter(|c| !c.is_dict_id) {
        let name = ident(&c.name);
        names.push(name.clone());
        if c.to_compress {
            let dict = ident(&dict_column(&c.name));
            values.push(format!("new.{name} as {name}, null as {dict}"));
            names.push(dict);
        } else {
            values.push(format!("new.{name}"));
        }
    }
    let trigger = ident(&format!("{table}_insert_trigger"));
    sql::execute(&format!(
        "create trigger {trigger} instead of insert on {} for each row begin insert into {}({}) select {}; end;",
        ident(table),
        ident(backing),
        names.join(", "),
        values.join(",\n")
    ))
    .context("Could not create insert trigger")
}

fn create_delete_trigger(table: &str, backing: &str, key_condition: &str) -> Result<(), Chain> {
    let trigger = ident(&format!("{table}_delete_trigger"));
    sql::execute(&format!(
        "create trigger {trigger} instead of delete on {} for each row begin delete from {} where {key_condition}; end;",
        ident(table),
        ident(backing)
    ))
    .context("could not create delete trigger")
}

/// One trigger per column; an update of a compressed column stores it
/// uncompressed again.
fn create_update_triggers(columns: &[Column], table: &str, backing: &str, key_condition: &str) -> Result<(), Chain> {
    for c in columns.iter().filter(|c| !c.is_dict_id) {
        let name = ident(&c.name);
        let set = if c.to_compress { format!("{name} = new.{name}, {} = null", ident(&dict_column(&c.name))) } else { format!("{name} = new.{name}") };
        let trigger = ident(&format!("{table}_update_{}_trigger", c.name));
        sql::execute(&format!(
            "create trigger {trigger} instead of update of {name} on {} for each row begin update {} set {set} where {key_condition}; end;",
            ident(table),
            ident(backing)
        ))
        .context(&format!("Could not create update of {} trigger", c.name))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn affinity_follows_sqlite() {
        let cases = [("INTEGER", "Integer"), ("varchar(10)", "Text"), ("", "Blob"), ("BLOB", "Blob"), ("double", "Real"), ("date", "Numeric"), ("CHARINT", "Integer")];
        for (declared, affinity) in cases {
            assert_eq!(super::affinity(declared), affinity, "{declared}");
        }
    }
}
