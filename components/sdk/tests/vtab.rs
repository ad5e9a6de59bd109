//! Virtual tables through the generated `vtab` exports, driven as a host
//! drives them: every rung of the trait ladder, the column mask, batching,
//! errors, and table-valued functions.

#[sqlink_sdk::extension(name = "vtabs")]
mod vtabs {
    use sqlink_sdk::prelude::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    thread_local! {
        /// What the tables were asked to do, for the tests to check.
        pub static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    fn log(entry: String) {
        LOG.with(|l| l.borrow_mut().push(entry));
    }

    /// The integers 1 to 5 and their squares.
    #[vtab(name = "squares", eponymous_only)]
    pub struct Squares;

    impl Table for Squares {
        type Rows = Box<dyn Iterator<Item = Result<Row>>>;
        fn connect(_: &TableArgs) -> Result<(String, Self)> {
            Ok(("CREATE TABLE x(n, square)".into(), Squares))
        }
        fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
            log(format!("squares columns {:b}", scan.columns.0));
            Ok(Box::new((1..=5).map(|n| Ok(Row::new(n * 10, vec![Value::Integer(n), Value::Integer(n * n)])))))
        }
    }

    /// A key-value store made with CREATE VIRTUAL TABLE: writable, in
    /// transactions, looked up by rowid.
    #[vtab(name = "kv")]
    pub struct Kv {
        rows: BTreeMap<i64, (Value, Value)>,
        saved: Option<BTreeMap<i64, (Value, Value)>>,
    }

    impl Table for Kv {
        type Rows = std::vec::IntoIter<Result<Row>>;
        fn connect(args: &TableArgs) -> Result<(String, Self)> {
            log(format!("connect {} {}", args.module, args.table));
            Ok(("CREATE TABLE x(key TEXT, value)".into(), Kv { rows: BTreeMap::new(), saved: None }))
        }
        /// `rowid = ?` is a lookup (plan 1), anything else a full scan.
        fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
            let mut plan = IndexPlan::default();
            if let Some(i) = info.constraints.iter().position(|c| c.usable && c.column == -1 && c.op == ConstraintOp::EQ) {
                plan.pass(i, true);
                plan.idx_num = 1;
                plan.unique = true;
            }
            Ok(plan)
        }
        fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
            let wanted = match (scan.idx_num, scan.args.first()) {
                (1, Some(Value::Integer(r))) => Some(*r),
                (1, _) => return Ok(Vec::new().into_iter()),
                _ => None,
            };
            let rows = self.rows.iter().filter(|(r, _)| wanted.is_none_or(|w| w == **r));
            Ok(rows.map(|(r, (k, v))| Ok(Row::new(*r, vec![k.clone(), v.clone()]))).collect::<Vec<_>>().into_iter())
        }
    }

    impl CreateTable for Kv {
        fn create(args: &TableArgs) -> Result<(String, Self)> {
            log(format!("create {} {:?}", args.table, args.arguments));
            Self::connect(args)
        }
        fn destroy(&mut self) -> Result<()> {
            log(format!("destroy with {} rows", self.rows.len()));
            Ok(())
        }
    }

    impl UpdateTable for Kv {
        fn insert(&mut self, rowid: Option<i64>, mut values: Vec<Value>) -> Result<i64> {
            let rowid = rowid.unwrap_or_else(|| self.rows.keys().last().map_or(1, |r| r + 1));
            let value = values.pop().unwrap_or(Value::Null);
            let key = values.pop().unwrap_or(Value::Null);
            self.rows.insert(rowid, (key, value));
            Ok(rowid)
        }
        fn update(&mut self, old_rowid: i64, new_rowid: i64, mut values: Vec<Value>) -> Result<()> {
            self.rows.remove(&old_rowid).ok_or_else(|| Error::new(format!("no row {old_rowid}")))?;
            let value = values.pop().unwrap_or(Value::Null);
            let key = values.pop().unwrap_or(Value::Null);
            self.rows.insert(new_rowid, (key, value));
            Ok(())
        }
        fn delete(&mut self, rowid: i64) -> Result<()> {
            self.rows.remove(&rowid);
            Ok(())
        }
    }

    impl TransactionTable for Kv {
        fn begin(&mut self) -> Result<()> {
            self.saved = Some(self.rows.clone());
            Ok(())
        }
        fn commit(&mut self) -> Result<()> {
            self.saved = None;
            Ok(())
        }
        fn rollback(&mut self) -> Result<()> {
            self.rows = self.saved.take().unwrap_or_default();
            Ok(())
        }
        fn rename(&mut self, new_name: &str) -> Result<()> {
            if new_name.starts_with("bad") { Err(Error::new(format!("kv refuses the name {new_name}"))) } else { Ok(()) }
        }
    }

    /// A table whose columns are the CREATE VIRTUAL TABLE arguments, with one
    /// row holding their names; eponymous too (one column, `x`).
    #[vtab]
    pub struct Echo(Vec<String>);

    impl Table for Echo {
        type Rows = std::iter::Once<Result<Row>>;
        fn connect(args: &TableArgs) -> Result<(String, Self)> {
            let columns = if args.arguments.is_empty() { vec!["x".to_string()] } else { args.arguments.clone() };
            Ok((format!("CREATE TABLE x({})", columns.join(", ")), Echo(columns)))
        }
        fn scan(&self, _: &Scan) -> Result<Self::Rows> {
            Ok(std::iter::once(Ok(Row::new(1, self.0.iter().map(|c| Value::text(c.as_str())).collect()))))
        }
    }

    /// 70 columns, each holding its own index: column masks past bit 62.
    #[vtab(eponymous_only)]
    pub struct Wide;

    impl Table for Wide {
        type Rows = std::vec::IntoIter<Result<Row>>;
        fn connect(_: &TableArgs) -> Result<(String, Self)> {
            let columns: Vec<String> = (0..70).map(|i| format!("c{i}")).collect();
            Ok((format!("CREATE TABLE x({})", columns.join(", ")), Wide))
        }
        fn scan(&self, _: &Scan) -> Result<Self::Rows> {
            Ok(vec![Ok(Row::new(7, (0..70).map(Value::Integer).collect()))].into_iter())
        }
    }

    /// A table whose plan breaks SQLite's rules (argument 2 without 1).
    #[vtab(eponymous_only)]
    pub struct Broken;

    impl Table for Broken {
        type Rows = std::iter::Empty<Result<Row>>;
        fn connect(_: &TableArgs) -> Result<(String, Self)> {
            Ok(("CREATE TABLE x(a)".into(), Broken))
        }
        fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
            let usage = vec![ConstraintUse { argv_index: 2, omit: true, all_at_once: false }; info.constraints.len()];
            Ok(IndexPlan { usage, ..IndexPlan::default() })
        }
        fn scan(&self, _: &Scan) -> Result<Self::Rows> {
            Ok(std::iter::empty())
        }
    }

    /// The words of a text and their positions (from 1), split at the
    /// separator (a space by default). Alias: split_words.
    #[table(name = "words", alias = "split_words", columns = "word, position")]
    fn words(text: &str, #[optional] separator: Option<String>) -> Vec<(String, i64)> {
        let separator = separator.unwrap_or_else(|| " ".into());
        text.split(separator.as_str()).zip(1..).map(|(w, i)| (w.to_string(), i)).collect()
    }

    /// The decimal digits: a function without arguments.
    #[table]
    fn digits() -> std::ops::RangeInclusive<i64> {
        0..=9
    }

    /// The integers from 1 to n; n above 1000 is refused, and 13 is an error.
    #[table]
    fn count_to(n: i64) -> Result<impl Iterator<Item = Result<i64>>> {
        if n > 1000 {
            return Err(Error::new("count_to(): n is at most 1000"));
        }
        Ok((1..=n).map(|i| if i == 13 { Err(Error::with_code(Error::RANGE, "unlucky")) } else { Ok(i) }))
    }
}

use sqlink_sdk::__private::vtab::testing::Exports;
use sqlink_sdk::vtab::ConstraintOp;
use sqlink_sdk::wit::vtab_types::TableArgs;
use sqlink_sdk::{Error, Value};
use vtabs::sqlink_test::{Vtabs, create_table, manifest, query_table, table};

fn ints(rows: &[&[i64]]) -> Vec<Vec<Value>> {
    rows.iter().map(|r| r.iter().map(|&i| Value::Integer(i)).collect()).collect()
}

/// The arguments of an eponymous use of `name`.
fn args(name: &str) -> TableArgs {
    TableArgs { database: "main".into(), table: name.into(), arguments: Vec::new() }
}

fn log() -> Vec<String> {
    vtabs::LOG.with(|l| l.borrow_mut().drain(..).collect())
}

#[test]
fn the_manifest_declares_what_the_traits_implement() {
    let modules: Vec<_> = manifest().vtabs.into_iter().map(|m| (m.name, m.eponymous, m.eponymous_only, m.writable)).collect();
    let expected = [
        ("squares", true, true, false),
        ("kv", false, false, true),
        ("echo", true, false, false),
        ("wide", true, true, false),
        ("broken", true, true, false),
        ("words", true, true, false),
        ("split_words", true, true, false),
        ("digits", true, true, false),
        ("count_to", true, true, false),
    ];
    assert_eq!(modules, expected.map(|(n, e, o, w)| (n.to_string(), e, o, w)));
    let words = &manifest().vtabs[5];
    assert_eq!(words.description, "The words of a text and their positions (from 1), split at the separator (a space by default). Alias: split_words.");
}

#[test]
fn scans_return_rows_in_batches_with_rowids() {
    let squares = table("squares");
    assert_eq!(squares.schema(), "CREATE TABLE x(n, square)");
    for batch in [1, 2, 5, 100] {
        let rows = squares.query().select(&["rowid", "n", "square"]).batch(batch).rows().unwrap();
        assert_eq!(rows, ints(&[&[10, 1, 1], &[20, 2, 4], &[30, 3, 9], &[40, 4, 16], &[50, 5, 25]]), "batches of {batch}");
    }
}

#[test]
fn sqlite_filters_and_sorts_what_the_plan_leaves_to_it() {
    let squares = table("squares");
    let rows = squares.query().constraint("square", ConstraintOp::GT, 4).order_by("n", true).limit(2).rows().unwrap();
    assert_eq!(rows, ints(&[&[5, 25], &[4, 16]]));
}

#[test]
fn scans_receive_the_columns_read_and_rows_carry_only_those() {
    log();
    let squares = table("squares");
    assert_eq!(squares.query().select(&["square"]).rows().unwrap(), ints(&[&[1], &[4], &[9], &[16], &[25]]));
    assert_eq!(log(), ["squares columns 10"]);
    // Bit 63 stands for columns 63 to 69: all eight come back.
    let wide = table("wide");
    let rows = wide.query().select(&["c0", "c65", "c69", "rowid"]).rows().unwrap();
    assert_eq!(rows, ints(&[&[0, 65, 69, 7]]));
}

#[test]
fn writable_tables_insert_update_delete_and_look_up_by_rowid() {
    log();
    let kv = create_table("kv", "store", &["a", "'b c'"]).unwrap();
    assert_eq!(log(), ["create store [\"a\", \"'b c'\"]", "connect kv store"]);
    assert_eq!(kv.insert(None, vec![Value::text("one"), Value::Integer(1)]).unwrap(), Some(1));
    assert_eq!(kv.insert(Some(7), vec![Value::text("seven"), Value::Real(7.5)]).unwrap(), Some(7));
    assert_eq!(kv.insert(None, vec![Value::text("eight"), Value::Blob(vec![8, 0])]).unwrap(), Some(8));
    kv.update(1, 2, vec![Value::text("two"), Value::Integer(2)]).unwrap();
    kv.delete(8).unwrap();
    let rows = kv.query().select(&["rowid", "key", "value"]).rows().unwrap();
    assert_eq!(rows, [
        vec![Value::Integer(2), Value::text("two"), Value::Integer(2)],
        vec![Value::Integer(7), Value::text("seven"), Value::Real(7.5)],
    ]);
    let lookup = kv.query().arg("rowid", 7);
    let plan = lookup.plan().unwrap();
    assert_eq!((plan.idx_num, plan.unique, plan.usage[0].argv_index), (1, true, 1));
    assert_eq!(lookup.select(&["key"]).rows().unwrap(), [vec![Value::text("seven")]]);
    assert_eq!(kv.update(99, 99, vec![]).unwrap_err().message, "no row 99");
    kv.destroy().unwrap();
    assert_eq!(log(), ["destroy with 2 rows"]);
}

#[test]
fn transactions_and_renames_reach_the_table() {
    let kv = create_table("kv", "t", &[]).unwrap();
    kv.begin().unwrap();
    kv.insert(None, vec![Value::text("k"), Value::Integer(1)]).unwrap();
    kv.sync().unwrap();
    kv.rollback().unwrap();
    assert!(kv.query().rows().unwrap().is_empty());
    kv.begin().unwrap();
    kv.insert(None, vec![Value::text("kept"), Value::Integer(2)]).unwrap();
    kv.commit().unwrap();
    assert_eq!(kv.query().rows().unwrap(), [vec![Value::text("kept"), Value::Integer(2)]]);
    kv.rename("fine").unwrap();
    assert_eq!(kv.rename("bad_name").unwrap_err().message, "kv refuses the name bad_name");
}

#[test]
fn read_only_tables_refuse_writes_and_eponymous_only_ones_refuse_create() {
    let squares = table("squares");
    let e = squares.insert(None, vec![Value::Integer(6), Value::Integer(36)]).unwrap_err();
    assert_eq!(e.message, "table squares may not be modified");
    // Transactions and renames of tables without them succeed, as in SQLite.
    squares.begin().unwrap();
    squares.rename("other").unwrap();
    let e = create_table("squares", "s", &[]).err().expect("CREATE VIRTUAL TABLE refused");
    assert_eq!(e.message, "no such module: squares (it is a table-valued function only)");
}

#[test]
fn an_eponymous_module_also_serves_create_through_connect() {
    let echo = create_table("echo", "e", &["a", "b"]).unwrap();
    assert_eq!(echo.schema(), "CREATE TABLE x(a, b)");
    assert_eq!(echo.query().rows().unwrap(), [vec![Value::text("a"), Value::text("b")]]);
    assert_eq!(table("echo").query().rows().unwrap(), [vec![Value::text("x")]]);
}

#[test]
fn plans_breaking_sqlites_rules_are_errors_that_say_which_rule() {
    let broken = table("broken");
    let e = broken.query().arg("a", 1).rows().unwrap_err();
    assert_eq!(e.message, "best_index: argv indexes must be 1, 2, 3... each used once, got [2]");
}

#[test]
fn table_functions_take_arguments_as_hidden_columns() {
    let words = table("words");
    assert_eq!(words.schema(), r#"CREATE TABLE x("word", "position", "text" HIDDEN, "separator" HIDDEN)"#);
    let rows = query_table("words", &[("text", Value::text("to be or"))]).unwrap();
    assert_eq!(rows, [
        vec![Value::text("to"), Value::Integer(1)],
        vec![Value::text("be"), Value::Integer(2)],
        vec![Value::text("or"), Value::Integer(3)],
    ]);
    // The hidden columns read the arguments (NULL for one not given); rowids count from 1.
    let rows = words.query().arg("separator", "-").arg("text", "a-b").select(&["rowid", "word", "text", "separator"]).rows().unwrap();
    assert_eq!(rows, [
        vec![Value::Integer(1), Value::text("a"), Value::text("a-b"), Value::text("-")],
        vec![Value::Integer(2), Value::text("b"), Value::text("a-b"), Value::text("-")],
    ]);
    let rows = words.query().arg("text", "x").select(&["separator"]).rows().unwrap();
    assert_eq!(rows, [vec![Value::Null]]);
}

#[test]
fn a_table_function_may_take_no_arguments() {
    assert_eq!(table("digits").schema(), r#"CREATE TABLE x("value")"#);
    let rows = query_table("digits", &[]).unwrap();
    assert_eq!(rows, (0..=9).map(|d| vec![Value::Integer(d)]).collect::<Vec<_>>());
}

#[test]
fn table_function_arguments_follow_the_null_rule_and_report_errors() {
    assert_eq!(query_table("words", &[("text", Value::Null)]).unwrap(), Vec::<Vec<Value>>::new());
    let e = query_table("split_words", &[("separator", Value::text(","))]).unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Error::ERROR, "first argument to \"split_words()\" missing or unusable"));
    let e = query_table("words", &[("text", Value::Blob(vec![0xff]))]).unwrap_err();
    assert_eq!(e.message, "words(): argument 1 is not valid UTF-8 text (invalid byte at offset 0)");
    let e = query_table("count_to", &[("n", Value::Integer(5000))]).unwrap_err();
    assert_eq!(e.message, "count_to(): n is at most 1000");
}

#[test]
fn rows_before_a_failing_item_arrive_before_its_error() {
    let count = table("count_to");
    assert_eq!(count.query().arg("n", 12).rows().unwrap().len(), 12);
    let e = count.query().arg("n", 20).rows().unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Error::RANGE, "unlucky"));
    // At the contract level: a batch of the twelve good rows, then the error.
    let handle = Vtabs::connect(8, args("count_to")).unwrap().table;
    let cursor = Vtabs::open(handle).unwrap();
    let first = Vtabs::filter(cursor, 1, None, vec![Value::Integer(20)], vec![], vec![], 1, 100).unwrap();
    assert_eq!((first.rowids.len(), first.done), (12, false));
    // Kind 1, integer.
    assert_eq!((first.kinds[11], first.values[11]), (1, 12));
    assert_eq!(Vtabs::fetch(cursor, 100).unwrap_err().message, "unlucky");
    // A batch ending just before the failing item: the error is the next
    // fetch's, without an empty batch first.
    let first = Vtabs::filter(cursor, 1, None, vec![Value::Integer(20)], vec![], vec![], 1, 12).unwrap();
    assert_eq!((first.rowids.len(), first.done), (12, false));
    assert_eq!(Vtabs::fetch(cursor, 5).unwrap_err().code, Error::RANGE);
    Vtabs::close(cursor);
    Vtabs::disconnect(handle);
}

#[test]
fn text_and_blob_bytes_follow_their_cells_in_order() {
    let handle = Vtabs::connect(5, args("words")).unwrap().table;
    let cursor = Vtabs::open(handle).unwrap();
    let batch = Vtabs::filter(cursor, 1, None, vec![Value::text("ab cde")], vec![], vec![], 0b111, 10).unwrap();
    assert_eq!(batch.rowids, [1, 2]);
    // Kinds 3 text and 1 integer; a text's value is its length.
    assert_eq!(batch.kinds, [3, 1, 3, 3, 1, 3]);
    assert_eq!(batch.values, [2, 1, 6, 3, 2, 6]);
    // Each text is followed by a NUL.
    assert_eq!(batch.bytes, b"ab\0ab cde\0cde\0ab cde\0");
    assert!(batch.done);
    Vtabs::close(cursor);
    Vtabs::disconnect(handle);
}
