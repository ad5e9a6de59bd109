//! The `vsv` virtual table as sqlean 0.27.4's vsv (Keith Medcalf's vsv.c)
//! defines it: its arguments and their errors, the schema it declares,
//! the header and `skip=` records it passes over, and its rows.

use crate::affinity::{self, Affinity};
use crate::params::{
    NOMEM, SchemaColumns, atoi, boolean_parameter, dequote, parameter, quoted_name,
};
use crate::reader::{Dialect, EOF, Input, Reader, Source, errmsg};
use sqlink_sdk::prelude::*;

/// What every plan costs (vsv.c's `estimatedCost`).
const FULL_SCAN_COST: f64 = 1_000_000.0;

/// One `vsv` table: where its text is, where its data starts, how its
/// records are split and how its values are made.
pub struct VsvTable {
    source: Source,
    /// The byte where rows start: after the header and `skip=` records.
    start: u64,
    /// Values per row (vsv.c's `nCol`). With `schema=` and no `columns=`,
    /// vsv.c counts the first record's fields up from -99, so this may be
    /// negative (and the table unusable).
    columns: i32,
    dialect: Dialect,
    dsep: i32,
    affinity: Affinity,
    nulls: bool,
    validate: bool,
}

/// vsv.c's `vsv_parse_sep_char`: one byte; `\t`, `\n`, `\v`, `\f`; `\xHH`;
/// empty or absent for the default. A 3-byte or 5-byte-and-longer value is
/// taken without complaint as the NUL byte (the C code leaves the
/// separator as it was initialised); other forms are errors (None).
fn separator(value: Option<&str>, default: u8) -> Option<i32> {
    let Some(value) = value else {
        return Some(i32::from(default));
    };
    let b = value.as_bytes();
    match b.len() {
        0 => Some(i32::from(default)),
        1 => Some(i32::from(b[0] as i8)),
        2 if b[0] == b'\\' => match b[1] {
            b'f' => Some(12),
            b'n' => Some(10),
            b't' => Some(9),
            b'v' => Some(11),
            _ => None,
        },
        2 => None,
        4 if b[0] == b'\\'
            && b[1].eq_ignore_ascii_case(&b'x')
            && b[2].is_ascii_hexdigit()
            && b[3].is_ascii_hexdigit() =>
        {
            let nibble = |c: u8| i32::from(if c > b'9' { (c & 0x0f) + 9 } else { c & 0x0f });
            Some((nibble(b[2]) << 4) + nibble(b[3]))
        }
        4 => None,
        _ => Some(0),
    }
}

/// The arguments as vsv.c's `vsvtabConnect` reads them.
struct Arguments {
    strings: [Option<String>; 6],
    affinity: Option<Affinity>,
    header: i32,
    validate: i32,
    nulls: i32,
    columns: i32,
    skip: i32,
}

const STRINGS: [&str; 6] = ["filename", "data", "schema", "fsep", "rsep", "dsep"];

fn arguments(list: &[String]) -> Result<Arguments> {
    let mut a = Arguments {
        strings: Default::default(),
        affinity: None,
        header: -1,
        validate: -1,
        nulls: -1,
        columns: -99,
        skip: -1,
    };
    'arguments: for argument in list {
        for (slot, tag) in a.strings.iter_mut().zip(STRINGS) {
            if let Some(value) = parameter(tag, argument) {
                if slot.is_some() {
                    return Err(Error::new(format!("more than one '{tag}' parameter")));
                }
                *slot = Some(dequote(value));
                continue 'arguments;
            }
        }
        let flags = [
            ("header", &mut a.header),
            ("validatetext", &mut a.validate),
            ("nulls", &mut a.nulls),
        ];
        for (tag, flag) in flags {
            if let Some(b) = boolean_parameter(tag, argument) {
                if *flag >= 0 {
                    return Err(Error::new(format!("more than one '{tag}' parameter")));
                }
                *flag = i32::from(b);
                continue 'arguments;
            }
        }
        if let Some(value) = parameter("columns", argument) {
            if a.columns > 0 {
                return Err(Error::new("more than one 'columns' parameter"));
            }
            a.columns = atoi(value);
            if a.columns <= 0 {
                return Err(Error::new("column= value must be positive"));
            }
        } else if let Some(value) = parameter("skip", argument) {
            if a.skip > 0 {
                return Err(Error::new("more than one 'skip' parameter"));
            }
            a.skip = atoi(value);
            if a.skip <= 0 {
                return Err(Error::new("skip= value must be positive"));
            }
        } else if let Some(value) = parameter("affinity", argument) {
            if a.affinity.is_some() {
                return Err(Error::new("more than one 'affinity' parameter"));
            }
            a.affinity = Some(
                Affinity::parse(value)
                    .ok_or_else(|| errmsg(format!("unknown affinity: '{value}'")))?,
            );
        } else {
            return Err(Error::new(errmsg(format!("bad parameter: '{argument}'"))));
        }
    }
    Ok(a)
}

/// vsv.c's `vsvtabConnect`: the schema and the table, or the message.
fn connect(args: &TableArgs) -> Result<(String, VsvTable)> {
    let Arguments {
        strings,
        affinity,
        header,
        validate,
        nulls,
        columns: mut ncol,
        skip,
    } = arguments(&args.arguments)?;
    let [filename, data, schema, fsep, rsep, dsep] = strings;
    let source = match (filename, data) {
        (Some(path), None) => Source::File(path),
        (None, Some(text)) => Source::Data(text.into_bytes().into()),
        _ => return Err("must specify either filename= or data= but not both".into()),
    };
    let parse = |name: &str, value: &Option<String>, default: u8| {
        separator(value.as_deref(), default).ok_or_else(|| {
            errmsg(format!(
                "cannot parse {name}: '{}'",
                value.as_deref().unwrap_or("")
            ))
        })
    };
    let dialect = Dialect {
        fsep: parse("fsep", &fsep, b',')?,
        rsep: parse("rsep", &rsep, b'\n')?,
        vsv: true,
    };
    let dsep = parse("dsep", &dsep, b'.')?;
    let mut reader = match ncol <= 0 || header == 1 {
        true => Some(Reader::new(Input::open(&source)?, dialect, false)),
        false => None,
    };
    let record = |reader: &mut Option<Reader>, each: &mut dyn FnMut(Option<&[u8]>)| {
        let reader = reader.as_mut().expect("opened when a record is read");
        loop {
            let read = reader.read_field();
            each(read.then(|| reader.c_str()));
            if reader.term() != dialect.fsep {
                return;
            }
        }
    };
    let schema = match schema {
        None => {
            let mut named = Vec::new();
            let mut numbered = 0..0;
            if ncol < 0 && header < 1 {
                ncol = 0;
                record(&mut reader, &mut |_| ncol += 1);
            }
            if ncol > 0 && header < 1 {
                numbered = 0..i64::from(ncol);
            } else {
                record(&mut reader, &mut |name| {
                    if (ncol > 0 && (named.len() as i32) < ncol) || (ncol < 0 && header != 0) {
                        named.push(format!("\"{}\"", quoted_name(name)));
                    }
                });
                if ncol < 0 {
                    ncol = named.len() as i32;
                } else {
                    numbered = named.len() as i64 + 1..i64::from(ncol) + 1;
                }
            }
            SchemaColumns {
                named,
                numbered,
                suffix: "",
            }
            .schema()
            .map_err(|e| e.into_error())?
        }
        Some(schema) => {
            if ncol < 0 {
                // Counted up from -99, as vsv.c does.
                record(&mut reader, &mut |_| ncol += 1);
            } else if skip < 1 && header == 1 {
                record(&mut reader, &mut |_| ());
            }
            schema
        }
    };
    if skip > 0 {
        let mut remaining = skip + i32::from(header == 1);
        let reader = match &mut reader {
            Some(r) => {
                r.reopen(&source)?;
                r
            }
            None => reader.insert(Reader::new(Input::open(&source)?, dialect, false)),
        };
        loop {
            loop {
                if !reader.read_field() {
                    return Err(Error::new(reader.error().map_or_else(
                        || format!("vtable constructor failed: {}", args.table),
                        str::to_string,
                    )));
                }
                if reader.term() != dialect.fsep {
                    break;
                }
            }
            remaining -= 1;
            if !(remaining > 0 && reader.term() == dialect.rsep) {
                break;
            }
        }
        if remaining > 0 {
            return Err(Error::new("premature end of file during skip"));
        }
    }
    let start = match (header != 1 && skip < 1, &reader) {
        (false, Some(reader)) => reader.position(),
        _ => 0,
    };
    let table = VsvTable {
        source,
        start,
        columns: ncol,
        dialect,
        dsep,
        affinity: affinity.unwrap_or(Affinity::None),
        nulls: nulls == 1,
        validate: validate == 1,
    };
    Ok((schema, table))
}

impl Table for VsvTable {
    type Rows = VsvRows;

    /// Reads the arguments, then the header and the records `skip=` passes
    /// over; declares `c0, c1, ...` (no types), the header's names, or
    /// `schema=`.
    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        connect(args)
    }

    /// A full scan costing 1000000: vsv.c plans nothing else.
    fn best_index(&self, _: &IndexInfo) -> Result<IndexPlan> {
        Ok(IndexPlan {
            estimated_cost: FULL_SCAN_COST,
            ..IndexPlan::default()
        })
    }

    /// Opens the text (a file afresh, so it streams) at the first data
    /// record.
    fn scan(&self, scan: &Scan) -> Result<VsvRows> {
        let columns =
            usize::try_from(self.columns).map_err(|_| Error::with_code(NOMEM, "out of memory"))?;
        let input = Input::open_at(&self.source, self.start).map_err(Error::new)?;
        let reader = Reader::new(input, self.dialect, false);
        let values = ValueRules {
            affinity: self.affinity,
            validate: self.validate,
            dsep: self.dsep,
            nulls: self.nulls,
        };
        Ok(VsvRows {
            reader,
            columns,
            wanted: scan.columns,
            values,
            fsep: self.dialect.fsep,
            rowid: 0,
            done: false,
        })
    }
}

impl CreateTable for VsvTable {}

/// How fields become values.
#[derive(Clone, Copy)]
struct ValueRules {
    affinity: Affinity,
    validate: bool,
    dsep: i32,
    nulls: bool,
}

/// The rows of one scan, read a record at a time.
pub struct VsvRows {
    reader: Reader,
    columns: usize,
    /// The columns the query reads: only their values are made (so only
    /// they can fail validation).
    wanted: Columns,
    values: ValueRules,
    /// The field separator, which continues a record.
    fsep: i32,
    rowid: i64,
    done: bool,
}

impl VsvRows {
    /// vsv.c's `vsvtabNext`: the fields of the next record (None: a NULL),
    /// or None at the end.
    fn record(&mut self) -> Option<Vec<Option<Vec<u8>>>> {
        let mut fields = vec![None; self.columns];
        let mut i = 0;
        loop {
            if self.reader.read_field() && i < self.columns {
                if self.reader.not_null() || !self.values.nulls {
                    fields[i] = Some(self.reader.field().to_vec());
                }
                i += 1;
            }
            if self.reader.term() != self.fsep {
                break;
            }
        }
        if self.reader.term() == EOF && i == 0 {
            None
        } else {
            Some(fields)
        }
    }
}

impl Iterator for VsvRows {
    type Item = Result<Row>;

    /// The next record's values: NULL for missing fields (and empty ones
    /// with `nulls`), the others by `affinity` (see `affinity.rs`). Rowids
    /// count records from 1.
    fn next(&mut self) -> Option<Result<Row>> {
        if self.done {
            return None;
        }
        let Some(fields) = self.record() else {
            self.done = true;
            return None;
        };
        self.rowid += 1;
        let ValueRules {
            affinity,
            validate,
            dsep,
            ..
        } = self.values;
        let mut values = Vec::with_capacity(fields.len());
        for (i, field) in fields.into_iter().enumerate() {
            values.push(match field {
                Some(mut bytes) if self.wanted.contains(i) => {
                    match affinity::value(&mut bytes, affinity, validate, dsep) {
                        Ok(v) => v,
                        Err(e) => {
                            self.done = true;
                            return Some(Err(e));
                        }
                    }
                }
                _ => Value::Null,
            });
        }
        Some(Ok(Row::new(self.rowid, values)))
    }
}
