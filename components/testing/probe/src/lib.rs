//! Test fixture: one function per host behaviour worth checking (values,
//! flags, subtypes, arities, errors, aggregate batching, collations).

/// Probes of host behaviour, for sqlink's own tests.
#[sqlink_sdk::extension(name = "probe")]
mod probe {
    use sqlink_sdk::prelude::*;
    use std::cell::Cell;
    use std::cmp::Ordering;

    thread_local! {
        static COUNTER: Cell<i64> = const { Cell::new(0) };
    }

    /// Returns its argument unchanged (any type, NULL included).
    #[function(deterministic)]
    fn probe_echo(x: &Value) -> Value {
        x.clone()
    }

    /// The SQL type of its argument as the extension received it.
    #[function(deterministic)]
    fn probe_typeof(x: &Value) -> &'static str {
        x.type_name()
    }

    /// Counts calls: never constant.
    #[function]
    fn probe_counter() -> i64 {
        COUNTER.with(|c| {
            c.set(c.get() + 1);
            c.get()
        })
    }

    /// Twice its argument; deterministic, so usable in indexes.
    #[function(deterministic)]
    fn probe_det(x: i64) -> i64 {
        x * 2
    }

    /// Its argument; callable only from top-level SQL.
    #[function(deterministic, direct_only)]
    fn probe_direct(x: &Value) -> Value {
        x.clone()
    }

    /// Its argument; safe in untrusted schemas.
    #[function(deterministic, innocuous)]
    fn probe_innocuous(x: &Value) -> Value {
        x.clone()
    }

    /// Its argument; neither innocuous nor direct-only.
    #[function(deterministic)]
    fn probe_plain(x: &Value) -> Value {
        x.clone()
    }

    /// Text returned with SQLite's JSON subtype.
    #[function(deterministic, result_subtype)]
    fn probe_json(text: String) -> Json {
        Json(text)
    }

    /// The subtype of its argument.
    #[function(subtype)]
    fn probe_subtype(_x: &Value) -> i64 {
        sqlink_sdk::arg_subtype(0) as i64
    }

    /// How many arguments it got.
    #[function(deterministic)]
    fn probe_count(args: &[Value]) -> usize {
        args.len()
    }

    /// Its arguments' types, comma-separated (exercises the list call for
    /// more than three arguments).
    #[function(deterministic)]
    fn probe_types(args: &[Value]) -> String {
        args.iter().map(Value::type_name).collect::<Vec<_>>().join(",")
    }

    /// Raises an error with the given code and message.
    #[function]
    fn probe_fail(code: i32, message: &str) -> Result<i64> {
        Err(Error::with_code(code, message))
    }

    /// Length of its argument in bytes, with an optional second argument
    /// added; NULL second argument gives NULL.
    #[function(deterministic)]
    fn probe_len(x: RawText<'_>, #[optional] plus: Option<i64>) -> i64 {
        x.0.len() as i64 + plus.unwrap_or(0)
    }

    /// The integers of a group joined by commas, in the order stepped
    /// (a window function: removes from the front).
    #[aggregate(name = "probe_seq", window)]
    #[derive(Default)]
    struct Seq(std::collections::VecDeque<i64>);

    impl Seq {
        fn step(&mut self, x: i64) {
            self.0.push_back(x);
        }
        fn inverse(&mut self, _x: i64) {
            self.0.pop_front();
        }
        fn value(&self) -> String {
            self.0.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
        }
    }

    /// The texts of a group joined by '|', in the order stepped.
    #[aggregate(name = "probe_join")]
    #[derive(Default)]
    struct Join(Vec<String>);

    impl Join {
        fn step(&mut self, x: &str) {
            self.0.push(x.to_string());
        }
        fn finalize(self) -> String {
            self.0.join("|")
        }
    }

    /// The subtype of each row's argument, joined by commas.
    #[aggregate(name = "probe_subtypes", subtype)]
    #[derive(Default)]
    struct Subtypes(Vec<String>);

    impl Subtypes {
        fn step(&mut self, _x: &Value) {
            self.0.push(sqlink_sdk::arg_subtype(0).to_string());
        }
        fn finalize(self) -> String {
            self.0.join(",")
        }
    }

    /// Orders texts by their reversed bytes (a comparison collation).
    #[collation(name = "PROBE_REVERSE")]
    fn reverse(a: &[u8], b: &[u8]) -> Ordering {
        a.iter().rev().cmp(b.iter().rev())
    }

    /// Orders texts by length, then bytes (a keyed collation).
    #[collation(name = "PROBE_LENGTH", key)]
    fn by_length(text: &[u8]) -> Vec<u8> {
        let mut key = (text.len() as u64).to_be_bytes().to_vec();
        key.extend_from_slice(text);
        key
    }
}
