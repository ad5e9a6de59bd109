//! zstd_compress and zstd_decompress, step by step as the reference's
//! `basic.rs` (its argument reads, its checks in its order, its contexts).

use crate::args::{get_bool, get_i32, sql_error, type_name};
use crate::chain::{Chain, Context as _, bail};
use sqlink_sdk::{Error, Value};
use std::io::Write;
use zstd::bulk::Compressor;
use zstd::dict::DecoderDictionary;

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
    let dict = match dict {
        None | Some(Value::Null | Value::Integer(-1)) => None,
        Some(Value::Blob(d)) => Some(&d[..]),
        Some(Value::Integer(id)) => return Err(dict_by_id(*id).context("loading dictionary from int")),
        Some(other) => bail!("dict argument must be int or blob, got {}", type_name(other)),
    };
    let out = compress_with(&mut compressor(level, dict, compact)?, input)?;
    Ok(Value::Blob(out))
}

/// A compressor at `level` with the dictionary `dict`, writing compact
/// frames (no magic number, checksum, content size or dictionary id) when
/// `compact`: one per value for `zstd_compress`, one per batch of rows for
/// the transparent mode's maintenance.
pub fn compressor(level: i32, dict: Option<&[u8]>, compact: bool) -> Result<Compressor<'static>, Chain> {
    let mut encoder = match dict {
        None => Compressor::new(level),
        Some(d) => Compressor::with_dictionary(level, d),
    }
    .context("creating zstd encoder")?;
    if compact {
        encoder.include_checksum(false).context("disable checksums")?;
        encoder.include_contentsize(false).context("cs")?;
        encoder.include_dictid(false).context("did")?;
        encoder.include_magicbytes(false).context("did")?;
    }
    Ok(encoder)
}

/// One value through `encoder`, its size pledged first as the reference
/// does (so a non-compact frame records it).
pub fn compress_with(encoder: &mut Compressor<'static>, input: &[u8]) -> Result<Vec<u8>, Chain> {
    encoder
        .context_mut()
        .set_pledged_src_size(Some(input.len() as u64))
        .map_err(|c| Chain::msg(format!("setting pledged source size (code {c})")))?;
    encoder.compress(input).context("writing data to zstd encoder")
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
        Some(Value::Blob(d)) => Some(decoder_dictionary(d)),
        Some(Value::Integer(id)) => return Err(dict_by_id(*id).context("load dict")),
        Some(other) => bail!("dict argument must be int or blob, got {}", type_name(other)),
    };
    let compact = match compact {
        None => false,
        Some(c) => get_bool(c, 3).context("argument 'compact'")?,
    };
    let out = {
        let mut decoder = match &dict {
            Some(dict) => zstd::stream::write::Decoder::with_prepared_dictionary(Vec::new(), &dict.1),
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

/// The last few dictionaries decompression used, with their bytes: the
/// transparent mode's views pass the same dictionary with every row, and
/// digesting it costs more than most rows' decompression.
const KEPT_DICTIONARIES: usize = 4;

thread_local! {
    static DECODER_DICTIONARIES: std::cell::RefCell<Vec<std::rc::Rc<(Vec<u8>, DecoderDictionary<'static>)>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The decoder dictionary of these bytes, digested once while it is among
/// the last few used (found by comparing the bytes, so never a stale one).
fn decoder_dictionary(bytes: &[u8]) -> std::rc::Rc<(Vec<u8>, DecoderDictionary<'static>)> {
    DECODER_DICTIONARIES.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some(i) = kept.iter().position(|d| d.0 == bytes) {
            let d = kept.remove(i);
            kept.insert(0, d.clone());
            return d;
        }
        let d = std::rc::Rc::new((bytes.to_vec(), DecoderDictionary::copy(bytes)));
        kept.insert(0, d.clone());
        kept.truncate(KEPT_DICTIONARIES);
        d
    })
}
