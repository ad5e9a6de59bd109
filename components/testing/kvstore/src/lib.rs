//! Test fixture: `kvstore`, a writable virtual table of (key, value) pairs
//! that keeps its rows in a shadow table, `<table>_data`, created, read,
//! written, renamed and dropped through spi. It shows the whole life of a
//! table with shadow tables, as SQLite's fts5 or sqlite-vec keep theirs.

use sqlink_sdk::prelude::*;
use sqlink_sdk::spi;

#[sqlink_sdk::extension(name = "kvstore", capabilities = ["spi"])]
mod kvstore_ext {
    /// Key-value pairs kept in the shadow table `<table>_data`.
    #[vtab(name = "kvstore")]
    pub type KvStore = crate::KvStore;
}

/// One `CREATE VIRTUAL TABLE t USING kvstore`.
pub struct KvStore {
    /// The database the table is in ("main", "temp", ...).
    database: String,
    /// The table's name.
    table: String,
    /// The running write's ON CONFLICT clause for the shadow table ("",
    /// "OR IGNORE" or "OR REPLACE"): keys are unique, and `INSERT OR
    /// REPLACE` into the table replaces the row holding the key.
    or: &'static str,
}

/// A name quoted for SQL.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl KvStore {
    /// The shadow table, qualified and quoted.
    fn data(&self) -> String {
        format!("{}.{}", quoted(&self.database), quoted(&format!("{}_data", self.table)))
    }

    fn run(&self, sql: &str, params: &[Value]) -> Result<()> {
        spi::query(&sql.replace("{data}", &self.data()).replace("{or}", self.or), params).map(|_| ())
    }
}

impl Table for KvStore {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        if !args.arguments.is_empty() {
            return Err(Error::new(format!("kvstore takes no arguments, got {}", args.arguments.join(", "))));
        }
        Ok(("CREATE TABLE x(key, value)".into(), KvStore { database: args.database.clone(), table: args.table.clone(), or: "" }))
    }

    /// Every row of the shadow table, in rowid order.
    fn scan(&self, _: &Scan) -> Result<Self::Rows> {
        let rows = spi::query(&format!("SELECT rowid, key, value FROM {} ORDER BY rowid", self.data()), &[])?;
        let rows = rows.rows.into_iter().map(|mut r| {
            let rowid = match r.first() {
                Some(Value::Integer(rowid)) => *rowid,
                other => return Err(Error::new(format!("kvstore: a rowid of {other:?}"))),
            };
            Ok(Row::new(rowid, r.split_off(1)))
        });
        Ok(rows.collect::<Vec<_>>().into_iter())
    }
}

impl CreateTable for KvStore {
    const SHADOW_TABLES: &'static [&'static str] = &["data"];

    fn create(args: &TableArgs) -> Result<(String, Self)> {
        let (schema, table) = Self::connect(args)?;
        table.run("CREATE TABLE {data}(key UNIQUE, value)", &[])?;
        Ok((schema, table))
    }

    fn destroy(&mut self) -> Result<()> {
        self.run("DROP TABLE {data}", &[])
    }
}

impl UpdateTable for KvStore {
    fn insert(&mut self, rowid: Option<i64>, values: Vec<Value>) -> Result<i64> {
        let rowid = rowid.map_or(Value::Null, Value::Integer);
        let params = [vec![rowid], values].concat();
        self.run("INSERT {or} INTO {data}(rowid, key, value) VALUES (?, ?, ?)", &params)?;
        let last = spi::query("SELECT last_insert_rowid()", &[])?;
        match last.rows.first().and_then(|r| r.first()) {
            Some(Value::Integer(rowid)) => Ok(*rowid),
            other => Err(Error::new(format!("kvstore: last_insert_rowid() gave {other:?}"))),
        }
    }

    fn update(&mut self, old_rowid: i64, new_rowid: i64, values: Vec<Value>) -> Result<()> {
        let params = [vec![Value::Integer(new_rowid)], values, vec![Value::Integer(old_rowid)]].concat();
        self.run("UPDATE {or} {data} SET rowid = ?, key = ?, value = ? WHERE rowid = ?", &params)
    }

    fn delete(&mut self, rowid: i64) -> Result<()> {
        self.run("DELETE FROM {data} WHERE rowid = ?", &[Value::Integer(rowid)])
    }

    /// Honours the statement's ON CONFLICT mode on the unique key: IGNORE
    /// and REPLACE reach the shadow table's INSERT or UPDATE.
    fn write(&mut self, change: RowChange, context: &WriteContext) -> Result<Option<i64>> {
        self.or = match context.on_conflict {
            2 => "OR IGNORE",
            5 => "OR REPLACE",
            _ => "",
        };
        let result = sqlink_sdk::vtab::apply(self, change);
        self.or = "";
        result
    }
}

impl TransactionTable for KvStore {
    /// Renames the shadow table along.
    fn rename(&mut self, new_name: &str) -> Result<()> {
        self.run(&format!("ALTER TABLE {{data}} RENAME TO {}", quoted(&format!("{new_name}_data"))), &[])?;
        self.table = new_name.to_string();
        Ok(())
    }
}
