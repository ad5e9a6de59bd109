//! zstd_compress and zstd_decompress, step by step as the reference's
//! `basic.rs` (its argument reads, its checks in its order, its contexts).

use crate::chain::{Chain, Context as _, bail};
use sqlink_sdk::{Error, Value};
use std::io::Write;
use zstd::bulk::Compressor;
use zstd::dict::DecoderDictionary;

/// SQLITE_CONSTRAINT_FUNCTION: what rusqlite reports a Rust function's
/// error as.
pub const CONSTRAINT_FUNCTION: i32 = 19 | (4 << 8);

/// The reference's `ah`: the whole anyhow chain, as `{:?}` prints it.
pub fn sql_error(e: Chain) -> Error {
    Error::with_code(CONSTRAINT_FUNCTION, e.to_string())
}

/// rusqlite's name for a value's type.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "Null",
        Value::Integer(_) => "Integer",
        Value::Real(_) => "Real",
        Value::Text(_) => "Text",
        Value::Blob(_) => "Blob",
    }
}

/// An error of rusqlite's `Context::get`, its own Display as the message.
#[derive(Debug)]
pub struct ArgError(pub String);

impl std::fmt::Display for ArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ArgError {}

/// `ctx.get::<i64>(index)`: integers only.
pub fn get_i64(value: &Value, index: usize) -> Result<i64, ArgError> {
    match value {
        Value::Integer(i) => Ok(*i),
        other => Err(ArgError(format!("Invalid function parameter type {} at index {index}", type_name(other)))),
    }
}

/// `ctx.get::<i32>(index)`.
pub fn get_i32(value: &Value, index: usize) -> Result<i32, ArgError> {
    let i = get_i64(value, index)?;
    i32::try_from(i).map_err(|_| ArgError(format!("Integer {i} out of range at index {index}")))
}

/// `ctx.get::<bool>(index)`: an integer, true when non-zero.
pub fn get_bool(value: &Value, index: usize) -> Result<bool, ArgError> {
    get_i64(value, index).map(|i| i != 0)
}

/// `ctx.get::<f64>(index)`: integers and reals.
pub fn get_f64(value: &Value, index: usize) -> Result<f64, ArgError> {
    match value {
        Value::Integer(i) => Ok(*i as f64),
        Value::Real(r) => Ok(*r),
        other => Err(ArgError(format!("Invalid function parameter type {} at index {index}", type_name(other)))),
    }
}

/// A dictionary given by id, which needs the `_zstd_dicts` table.
fn dict_by_id(id: i64) -> Chain {
    Chain::msg(format!(
        "dictionary {id} is in _zstd_dicts, which this extension cannot read (it runs no SQL): \
         pass the dictionary itself, (select dict from _zstd_dicts where id = {id})"
    ))
}

/// `zstd_compress` (and with `passthrough`, `zstd_compress_col`).
pub fn compress(data: &Value, level: Option<&Value>, dict: Option<&Value>, compact: Option<&Value>, passthrough: bool) -> Result<Value, Error> {
    compress_inner(data, level, dict, compact, passthrough).map_err(sql_error)
}

fn compress_inner(data: &Value, level: Option<&Value>, dict: Option<&Value>, compact: Option<&Value>, passthrough: bool) -> Result<Value, Chain> {
    let input = match data {
        Value::Blob(b) | Value::Text(b) => b,
        Value::Null => return Ok(Value::Null),
        other => bail!("zstd_compress expects blob or text as input, got {}", type_name(other)),
    };
    if passthrough && matches!(dict, Some(Value::Null)) {
        return Ok(Value::Blob(input.clone()));
    }
    let level = match level {
        None => 0,
        Some(l) => get_i32(l, 1).context("level argument")?,
    };
    let compact = match compact {
        None => false,
        Some(c) => get_bool(c, 3).context("is_compact argument")?,
    };
    let encoder = match dict {
        None | Some(Value::Null | Value::Integer(-1)) => Compressor::new(level),
        Some(Value::Blob(d)) => Compressor::with_dictionary(level, d),
        Some(Value::Integer(id)) => return Err(dict_by_id(*id).context("loading dictionary from int")),
        Some(other) => bail!("dict argument must be int or blob, got {}", type_name(other)),
    };
    let mut encoder = encoder.context("creating zstd encoder")?;
    encoder
        .context_mut()
        .set_pledged_src_size(Some(input.len() as u64))
        .map_err(|c| Chain::msg(format!("setting pledged source size (code {c})")))?;
    if compact {
        encoder.include_checksum(false).context("disable checksums")?;
        encoder.include_contentsize(false).context("cs")?;
        encoder.include_dictid(false).context("did")?;
        encoder.include_magicbytes(false).context("did")?;
    }
    let out = encoder.compress(input).context("writing data to zstd encoder")?;
    Ok(Value::Blob(out))
}

/// `zstd_decompress` (and with `passthrough`, `zstd_decompress_col`).
pub fn decompress(data: &Value, is_text: &Value, dict: Option<&Value>, compact: Option<&Value>, passthrough: bool) -> Result<Value, Error> {
    decompress_inner(data, is_text, dict, compact, passthrough).map_err(sql_error)
}

fn decompress_inner(data: &Value, is_text: &Value, dict: Option<&Value>, compact: Option<&Value>, passthrough: bool) -> Result<Value, Chain> {
    if passthrough && matches!(dict, Some(Value::Null)) {
        return Ok(data.clone());
    }
    let output_text = get_bool(is_text, 1).context("output_text arg invalid")?;
    let input = match data {
        Value::Blob(b) => b,
        Value::Null => return Ok(Value::Null),
        other => bail!("zstd_decompress expects blob as input, got {}", type_name(other)),
    };
    let dict = match dict {
        None | Some(Value::Null | Value::Integer(-1)) => None,
        Some(Value::Blob(d)) => Some(DecoderDictionary::copy(d)),
        Some(Value::Integer(id)) => return Err(dict_by_id(*id).context("load dict")),
        Some(other) => bail!("dict argument must be int or blob, got {}", type_name(other)),
    };
    let compact = match compact {
        None => false,
        Some(c) => get_bool(c, 3).context("argument 'compact'")?,
    };
    let out = {
        let mut decoder = match &dict {
            Some(dict) => zstd::stream::write::Decoder::with_prepared_dictionary(Vec::new(), dict),
            None => zstd::stream::write::Decoder::new(Vec::new()),
        }
        .context("dict load doesn't work")?;
        if compact {
            decoder.include_magicbytes(false).map_err(Chain::of)?;
        }
        decoder.write_all(input).context("decoding")?;
        decoder.flush().context("decoder flushing")?;
        decoder.into_inner()
    };
    Ok(if output_text { Value::Text(out) } else { Value::Blob(out) })
}
