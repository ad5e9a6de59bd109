//! `zstd_incremental_maintenance`: for each config, the rows not compressed
//! yet grouped by their dictionary key; each group gets its dictionary
//! (found, or trained once the group holds enough data) and is compressed
//! in batches, until done or out of time.

use crate::config::Config;
use crate::sql::{self, cells, ident, pretty_bytes};
use sqlink_sdk::Value;
use sqlink_sdk::log;
use sqlink_zstd_sql::args::{get_f64, type_name};
use sqlink_zstd_sql::chain::{Chain, Context as _, bail};
use sqlink_zstd_sql::frames::{compress_with, compressor};
use sqlink_zstd_sql::train::Trainer;
use std::time::{Duration, Instant};

/// Compressed data leaves out zstd's magic number, checksum and dictionary
/// id, as the reference's transparent mode writes it.
const COMPACT: bool = true;

/// How many rows training reads per query.
const TRAINING_PAGE: i64 = 1000;

/// When to stop, and how much of the time to spend writing.
struct Budget {
    end: Option<Instant>,
    time_limit: f64,
    target_db_load: f32,
}

impl Budget {
    fn exhausted(&self) -> bool {
        self.end.is_some_and(|end| Instant::now() > end)
    }
}

/// `zstd_incremental_maintenance(time_limit, target_db_load)`.
pub fn run(time_limit: &Value, target_db_load: &Value) -> Result<Value, Chain> {
    let time_limit = match time_limit {
        Value::Null => 100000000.0,
        v => get_f64(v, 0).map_err(Chain::of).context("could not get time limit argument")?,
    };
    let target_db_load = get_f64(target_db_load, 1).map_err(Chain::of).context("could not get target db load argument")? as f32;
    if !(0.0..=1e100).contains(&time_limit) {
        bail!("time too large");
    }
    let end = Duration::try_from_secs_f64(time_limit).ok().and_then(|d| Instant::now().checked_add(d));
    let budget = Budget { end, time_limit, target_db_load };
    sql::show_warnings()?;
    for config in sql::configs()? {
        if !for_config(&config, &budget)? {
            log::info(&format!("time limit of {:.1}s reached, stopping with more maintenance work pending", budget.time_limit));
            return Ok(Value::Integer(1));
        }
    }
    log::info("All maintenance work completed!");
    Ok(Value::Integer(0))
}

/// The rows of one dictionary key waiting to be compressed.
struct Group {
    key: Option<String>,
    count: i64,
    total_bytes: i64,
}

/// One config's groups; false when time ran out.
fn for_config(config: &Config, budget: &Budget) -> Result<bool, Chain> {
    let (table, data, dict) = (ident(&config.backing_table()), ident(&config.column), ident(&config.dict_column()));
    let rows = sql::query(
        &format!(
            "select ({chooser}) as dict_choice, count(*) as count, sum(length({data})) as total_bytes \
             from {table} where {dict} is null group by dict_choice",
            chooser = config.dict_chooser
        ),
        &[],
    )?;
    let groups = rows
        .rows
        .iter()
        .map(|row| {
            let cell = cells(&rows.columns, row);
            Ok(Group { key: cell(0).optional_text()?, count: cell(1).integer()?, total_bytes: cell(2).integer()? })
        })
        .collect::<Result<Vec<_>, Chain>>()?;
    let chosen = groups.iter().filter(|g| g.key.is_some());
    let (total_rows, total_bytes): (i64, i64) = chosen.fold((0, 0), |(r, b), g| (r + g.count, b + g.total_bytes));
    log::info(&format!(
        "{}.{}: Total {total_rows} rows ({}) to potentially compress (split in {} groups).",
        config.table,
        config.column,
        pretty_bytes(total_bytes),
        groups.len()
    ));
    let (mut rows_done, mut bytes_done) = (0i64, 0i64);
    for group in &groups {
        let handled = for_group(config, group, budget)?;
        rows_done += handled;
        bytes_done += ((handled as f64 / group.count as f64) * group.total_bytes as f64) as i64;
        if handled > 0 {
            log::info(&format!(
                "Handled {rows_done} / {total_rows} rows  ({} / {})",
                pretty_bytes(bytes_done),
                pretty_bytes(total_bytes)
            ));
        }
        if budget.exhausted() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The dictionary a group is compressed with.
enum Dictionary {
    /// Not yet: no key, or too little data to train one.
    Skip,
    /// `_zstd_dicts`' id (-1: none) and its bytes, and whether it was
    /// trained just now.
    Use { id: i64, bytes: Option<Vec<u8>>, is_new: bool },
}

/// Compresses one group's rows in batches; returns how many.
fn for_group(config: &Config, group: &Group, budget: &Budget) -> Result<i64, Chain> {
    let average = group.total_bytes / group.count.max(1);
    let key = group.key.as_deref().unwrap_or("[null]");
    let (id, bytes, is_new) = match dictionary(config, group).context("getting dict")? {
        Dictionary::Skip => return Ok(0),
        Dictionary::Use { id, bytes, is_new } => (id, bytes, is_new),
    };
    let (table, data, dict) = (ident(&config.backing_table()), ident(&config.column), ident(&config.dict_column()));
    let batch = (config.incremental_compression_step_bytes / average.max(1)).max(1);
    let select = format!(
        "select rowid, {data} from {table} where {dict} is null and ? = ({chooser}) limit ?",
        chooser = config.dict_chooser
    );
    let update = format!("update {table} set {data} = ?, {dict} = ? where rowid = ?");
    let context = format!("while compressing chunk for key {key}");
    let mut encoder = compressor(config.compression_level.into(), bytes.as_deref(), COMPACT).context(&context)?;
    let mut total = 0i64;
    loop {
        let started = Instant::now();
        let rows = sql::query(&select, &[Value::text(key), Value::Integer(batch)]).context(&context)?;
        for row in &rows.rows {
            let compressed = match &row[1] {
                Value::Text(b) | Value::Blob(b) => Value::Blob(compress_with(&mut encoder, b).context(&context)?),
                Value::Null => Value::Null,
                other => return Err(Chain::msg(format!("zstd_compress expects blob or text as input, got {}", type_name(other))).context(&context)),
            };
            sql::query(&update, &[compressed, Value::Integer(id), row[0].clone()]).context(&context)?;
        }
        let updated = rows.rows.len() as i64;
        total += updated;
        log::debug(&format!("Compressed {total} / {}", group.count));
        if budget.exhausted() {
            break;
        }
        let elapsed = started.elapsed();
        let paced = elapsed.div_f32(budget.target_db_load);
        if paced > elapsed && paced - elapsed > Duration::from_millis(1) {
            std::thread::sleep(paced - elapsed);
        }
        if updated == 0 {
            break;
        }
    }
    if is_new {
        let row = sql::one_row(&format!("select sum(length({data})), count(*) from {table} where {dict} = ?"), &[Value::Integer(id)])?;
        let columns = [format!("sum(length({data}))"), "count(*)".to_string()];
        let cell = cells(&columns, &row);
        let (size_after, count_after) = (cell(0).integer()?, cell(1).integer()?);
        log::info(&format!(
            "Compressed {total} rows with dict_choice={key} (dict_id={id}). Total size of entries before: {}, afterwards: {}, (average: before={}, after={})",
            pretty_bytes(group.total_bytes),
            pretty_bytes(size_after),
            pretty_bytes(average),
            pretty_bytes(size_after / count_after.max(1)),
        ));
    }
    Ok(total)
}

/// The group's dictionary: the one saved under its key, none for
/// `[nodict]`, or one trained on the group now (saved under the key).
fn dictionary(config: &Config, group: &Group) -> Result<Dictionary, Chain> {
    let Some(key) = group.key.as_deref() else {
        log::debug("Skipping group, no dict chosen");
        return Ok(Dictionary::Skip);
    };
    if key == "[nodict]" {
        return Ok(Dictionary::Use { id: -1, bytes: None, is_new: false });
    }
    if let Some(row) = sql::first_row("select id, dict from _zstd_dicts where chooser_key = ?", &[Value::text(key)])? {
        return match row.as_slice() {
            [Value::Integer(id), Value::Blob(bytes)] => Ok(Dictionary::Use { id: *id, bytes: Some(bytes.clone()), is_new: false }),
            [id, dict] => bail!("_zstd_dicts holds {} {} for key {key}: not an id and a dictionary", type_name(id), type_name(dict)),
            _ => unreachable!("two columns"),
        };
    }
    let average = group.total_bytes / group.count.max(1);
    let target_size = (group.total_bytes as f32 * config.dict_size_ratio) as i64;
    if target_size < config.min_dict_size_bytes_for_training {
        log::debug(&format!(
            "Dictionary for group '{key}' would be smaller than minimum ({} * {:.3} = {} < {}), ignoring",
            pretty_bytes(group.total_bytes),
            config.dict_size_ratio,
            pretty_bytes(target_size),
            pretty_bytes(config.min_dict_size_bytes_for_training)
        ));
        return Ok(Dictionary::Skip);
    }
    let samples = (target_size as f32 * config.train_dict_samples_ratio / average.max(1) as f32) as i64;
    log::debug(&format!("Training dict for key {key} of max size {}", pretty_bytes(target_size)));
    let dict = train(config, key, target_size, samples)?;
    let bytes = match &dict {
        Value::Blob(b) => b.clone(),
        _ => unreachable!("a trained dictionary is a blob"),
    };
    let id = sql::save_dictionary(Some(key), dict)?;
    Ok(Dictionary::Use { id, bytes: Some(bytes), is_new: true })
}

/// A dictionary trained on the group's rows not compressed yet, read a
/// page at a time (zstd_train_dict_and_save's work, done here).
fn train(config: &Config, key: &str, size: i64, samples: i64) -> Result<Value, Chain> {
    let (table, data, dict) = (ident(&config.backing_table()), ident(&config.column), ident(&config.dict_column()));
    let page = format!(
        "select rowid, {data} from {table} where {dict} is null and ? = ({chooser}) and rowid > ? order by rowid limit {TRAINING_PAGE}",
        chooser = config.dict_chooser
    );
    let mut trainer = Trainer::default();
    let (size, samples) = (Value::Integer(size), Value::Integer(samples));
    let mut after = i64::MIN;
    loop {
        let rows = sql::query(&page, &[Value::text(key), Value::Integer(after)])?;
        for row in &rows.rows {
            trainer.step(&row[1], &size, &samples).map_err(|e| Chain::msg(e.message))?;
        }
        match rows.rows.last().map(|row| &row[0]) {
            Some(Value::Integer(rowid)) if rows.rows.len() as i64 == TRAINING_PAGE => after = *rowid,
            _ => break,
        }
    }
    trainer.finish().map_err(|e| Chain::msg(e.message))
}
