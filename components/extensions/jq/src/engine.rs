//! Compiling and running a jq filter with jaq, the way liteJQ drives libjq:
//! one input value, every output visited in turn, the last one kept.

use std::cell::RefCell;

use hifijson::token::Lex;
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Native, RcIter};
use jaq_json::Val;

type Filter = jaq_core::Filter<Native<Val>>;

/// What liteJQ has no inputs for: libjq started without an input callback
/// reports `input` as an error and `inputs` as empty, and has no file name.
/// `halt` and `halt_error` end the run (jaq's would exit the process).
/// Then jq 1.7 builtins that jaq 2 lacks, defined as jq's manual does.
const PRELUDE: &str = r#"
def input: error("No more inputs");
def input_filename: null;
def halt: error("halt");
def halt_error($code): error("halt");
def halt_error: error("halt");
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] |= $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $w | [$x] + $w end;
def combinations(n): . as $dot | [range(n)] | map($dot) | combinations;
def leaf_paths: paths(scalars);
def toarray: if type == "array" then . else [.] end;
def have_literal_numbers: true;
"#;

/// Why a call ended without a value of its own.
#[derive(Debug, PartialEq)]
pub enum Failure {
    /// The JSON text is not exactly one JSON value.
    InvalidJson,
    /// The filter does not parse or names something undefined.
    Compile,
}

/// Compiles `program`; `None` when it does not parse or compile.
fn compile(program: &str) -> Option<Filter> {
    let extra = jaq_core::load::parse(PRELUDE, |p| p.defs()).expect("built-in definitions parse");
    let defs = jaq_std::defs().chain(jaq_json::defs()).chain(extra);
    let funs = jaq_std::funs().chain(jaq_json::funs());
    let arena = Arena::default();
    let modules = Loader::new(defs).load(&arena, File { code: program, path: () }).ok()?;
    Compiler::default().with_funs(funs).compile(modules).ok()
}

thread_local! {
    /// The last program compiled, so that a filter applied row by row is
    /// compiled once (the standard library is re-parsed on every compile).
    static LAST: RefCell<Option<(String, Filter)>> = const { RefCell::new(None) };
}

/// Runs `program` on the single JSON value in `json` and returns its last
/// output: `Ok(None)` when it yields nothing before finishing or failing
/// (a run-time error ends the run, keeping what came before, as in liteJQ).
pub fn run(json: &str, program: &str) -> Result<Option<Val>, Failure> {
    let mut lexer = hifijson::SliceLexer::new(json.as_bytes());
    let input = lexer.exactly_one(Val::parse).map_err(|_| Failure::InvalidJson)?;
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|(p, _)| p != program) {
            let filter = compile(program).ok_or(Failure::Compile)?;
            *last = Some((program.to_owned(), filter));
        }
        let (_, filter) = last.as_ref().expect("compiled above");
        let inputs = RcIter::new(core::iter::empty());
        let mut kept = None;
        for out in filter.run((Ctx::new([], &inputs), input)) {
            match out {
                Ok(v) => kept = Some(v),
                Err(_) => break,
            }
        }
        Ok(kept)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last(json: &str, program: &str) -> Option<String> {
        run(json, program).expect("runs").map(|v| crate::dump::dump(&v))
    }

    #[test]
    fn keeps_the_last_output() {
        assert_eq!(last("[1,2,3]", ".[]").as_deref(), Some("3"));
        assert_eq!(last("[1,2,3]", "empty"), None);
        assert_eq!(last("1", r#"., error("x"), 5"#).as_deref(), Some("1"));
        assert_eq!(last("1", "input"), None);
        assert_eq!(last("1", "[inputs]").as_deref(), Some("[]"));
    }

    #[test]
    fn failures() {
        assert_eq!(run("{", "."), Err(Failure::InvalidJson));
        assert_eq!(run("1 2", "."), Err(Failure::InvalidJson));
        assert_eq!(run("", "."), Err(Failure::InvalidJson));
        assert_eq!(run("1", ".["), Err(Failure::Compile));
        assert_eq!(run("1", "nosuchfunction"), Err(Failure::Compile));
    }
}
