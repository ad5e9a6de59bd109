//! The content-addressed store (CAS): `~/.cache/sqlink/cas.sqlite`.
//!
//! Extension blobs are keyed by their blake3 hash, bundle records too (see
//! `bundles`, with the names they are saved under); compiled code by the
//! blob's hash and an engine key (the wasmtime version and configuration it
//! was compiled for), and carries its own hash. Compiled code is kept in
//! files beside the store (`code/<engine>/<blob>.cwasm`), whose hashes the
//! store records: a runtime maps such a file instead of copying megabytes
//! out of the database at every start. Every read is verified against its
//! hash: a corrupt entry is reported and removed, never used. Nothing of
//! sqlink's is written into user databases.

mod bundles;

use sqlink_sqlite::{Connection, Error, ValueRef};
use std::path::{Path, PathBuf};

pub use blake3::Hash;

/// A store opened on one SQLite file.
pub struct Cas {
    conn: Connection,
    path: PathBuf,
}

/// Why a read failed.
#[derive(Debug)]
pub enum CasError {
    Sqlite(Error),
    /// A file of compiled code could not be written.
    Io(String),
    /// The stored bytes do not match their hash; the entry was removed.
    Corrupt(String),
}

impl std::fmt::Display for CasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CasError::Sqlite(e) => write!(f, "cache database: {e}"),
            CasError::Io(e) => write!(f, "cache: {e}"),
            CasError::Corrupt(what) => write!(f, "cache entry {what} is corrupt (hash mismatch); it was removed"),
        }
    }
}

impl std::error::Error for CasError {}

impl From<Error> for CasError {
    fn from(e: Error) -> Self {
        CasError::Sqlite(e)
    }
}

/// Large pages (for a new store) and memory-mapped reads: blobs of
/// megabytes are read whole, and each page of an overflow chain is
/// otherwise one read call and one copy. `compiled` was the table of
/// compiled code before it moved to files.
const SCHEMA: &str = "
    pragma page_size = 65536;
    pragma mmap_size = 1073741824;
    pragma journal_mode = wal;
    create table if not exists blob(
        hash text primary key,
        bytes blob not null
    ) without rowid;
    create table if not exists compiled_file(
        blob text not null,
        engine text not null,
        hash text not null,
        primary key (blob, engine)
    ) without rowid;
    drop table if exists compiled;
    create table if not exists bundle(
        hash text primary key,
        text text not null
    ) without rowid;
    create table if not exists bundle_name(
        name text primary key,
        hash text not null
    ) without rowid;
";

impl Cas {
    /// Where the store lives: `$SQLINK_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/sqlink`, else `~/.cache/sqlink`; the file is
    /// `cas.sqlite` in that directory.
    pub fn default_path() -> Option<PathBuf> {
        let dir = std::env::var_os("SQLINK_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("sqlink")))
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("sqlink")))?;
        Some(dir.join("cas.sqlite"))
    }

    /// Opens or creates the store at `path`, creating its directory.
    pub fn open(path: &Path) -> Result<Cas, CasError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| CasError::Sqlite(Error::new(14, format!("cannot create {}: {e}", dir.display()))))?;
        }
        let conn = Connection::open(path)?;
        conn.db().execute_batch(SCHEMA)?;
        Ok(Cas { conn, path: path.to_path_buf() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores a blob (once) and returns its hash.
    pub fn put_blob(&self, bytes: &[u8]) -> Result<Hash, CasError> {
        let hash = blake3::hash(bytes);
        self.run("insert or ignore into blob(hash, bytes) values (?1, ?2)", &[
            ValueRef::Text(hash.to_hex().as_bytes()),
            ValueRef::Blob(bytes),
        ])?;
        self.checkpoint()?;
        Ok(hash)
    }

    /// The blob with this hash, verified.
    pub fn blob(&self, hash: &Hash) -> Result<Option<Vec<u8>>, CasError> {
        let key = hash.to_hex();
        let Some(bytes) = self.fetch("select bytes from blob where hash = ?1", &[ValueRef::Text(key.as_bytes())])? else {
            return Ok(None);
        };
        if blake3::hash(&bytes) != *hash {
            self.run("delete from blob where hash = ?1", &[ValueRef::Text(key.as_bytes())])?;
            return Err(CasError::Corrupt(format!("blob {key}")));
        }
        Ok(Some(bytes))
    }

    /// Where compiled code for a blob under an engine key is kept.
    fn code_path(&self, blob: &Hash, engine: &str) -> PathBuf {
        let engine: String = engine.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '-' }).collect();
        let dir = self.path.parent().unwrap_or(Path::new("."));
        dir.join("code").join(engine).join(format!("{}.cwasm", blob.to_hex()))
    }

    /// Stores compiled code for a blob under an engine key: the file is
    /// written under another name and renamed into place, so a reader never
    /// sees part of it, then its hash is recorded.
    pub fn put_compiled(&self, blob: &Hash, engine: &str, code: &[u8]) -> Result<(), CasError> {
        let path = self.code_path(blob, engine);
        let io = |what: &str, e: std::io::Error| CasError::Io(format!("cannot {what} {}: {e}", path.display()));
        let dir = path.parent().expect("a code directory");
        std::fs::create_dir_all(dir).map_err(|e| io("create the directory of", e))?;
        let partial = path.with_extension(format!("cwasm.{}.partial", std::process::id()));
        // A write that fails (disk full, a file-size limit) leaves no part
        // of the file behind.
        if let Err(e) = std::fs::write(&partial, code).and_then(|()| std::fs::rename(&partial, &path)) {
            let _ = std::fs::remove_file(&partial);
            return Err(io("write", e));
        }
        remove_abandoned_partials(&path);
        self.run("insert or replace into compiled_file(blob, engine, hash) values (?1, ?2, ?3)", &[
            ValueRef::Text(blob.to_hex().as_bytes()),
            ValueRef::Text(engine.as_bytes()),
            ValueRef::Text(blake3::hash(code).to_hex().as_bytes()),
        ])?;
        self.checkpoint()
    }

    /// Moves what the write-ahead log holds into the database file and
    /// empties the log. Otherwise the log is only folded in when the last
    /// connection closes, which a process holding the store until it exits
    /// never does, and every later open would first read and checksum all
    /// of it. A checkpoint that other connections hold up is left for later.
    fn checkpoint(&self) -> Result<(), CasError> {
        self.run("pragma wal_checkpoint(truncate)", &[])
    }

    /// The file of compiled code for a blob under an engine key, its
    /// contents verified against the recorded hash; `None` when there is
    /// none. A file that does not match is removed with its record.
    pub fn compiled(&self, blob: &Hash, engine: &str) -> Result<Option<PathBuf>, CasError> {
        let key = blob.to_hex();
        let params = [ValueRef::Text(key.as_bytes()), ValueRef::Text(engine.as_bytes())];
        let Some(want) = self.fetch("select hash from compiled_file where blob = ?1 and engine = ?2", &params)? else {
            return Ok(None);
        };
        let path = self.code_path(blob, engine);
        let mut hasher = blake3::Hasher::new();
        if hasher.update_mmap(&path).is_ok() && hasher.finalize().to_hex().as_bytes() == want.as_slice() {
            return Ok(Some(path));
        }
        let _ = std::fs::remove_file(&path);
        self.run("delete from compiled_file where blob = ?1 and engine = ?2", &params)?;
        Err(CasError::Corrupt(format!("compiled code for {key}")))
    }

    fn run(&self, sql: &str, params: &[ValueRef<'_>]) -> Result<(), CasError> {
        let (stmt, _) = self.conn.db().prepare(sql)?;
        let mut stmt = stmt.expect("a statement");
        for (i, p) in params.iter().enumerate() {
            stmt.bind(i + 1, *p)?;
        }
        while stmt.step()? {}
        Ok(())
    }

    fn fetch(&self, sql: &str, params: &[ValueRef<'_>]) -> Result<Option<Vec<u8>>, CasError> {
        let (stmt, _) = self.conn.db().prepare(sql)?;
        let mut stmt = stmt.expect("a statement");
        for (i, p) in params.iter().enumerate() {
            stmt.bind(i + 1, *p)?;
        }
        if !stmt.step()? {
            return Ok(None);
        }
        Ok(match stmt.column(0) {
            ValueRef::Blob(b) | ValueRef::Text(b) => Some(b.to_vec()),
            _ => Some(Vec::new()),
        })
    }
}

/// Removes what writers of `path` that died (killed while writing) left:
/// `<blob>.cwasm.<pid>.partial` files whose process is gone (where that can
/// be told, Linux) or that are older than an hour. No reader ever opens
/// them; they only take space.
fn remove_abandoned_partials(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!("{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file.to_str().and_then(|f| f.strip_prefix(&prefix)).and_then(|f| f.strip_suffix(".partial")) else { continue };
        if pid == std::process::id().to_string() {
            continue;
        }
        let dead = cfg!(target_os = "linux") && pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists();
        let old = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 3600));
        if dead || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_round_trip_by_hash() {
        let dir = tempfile::tempdir().unwrap();
        let cas = Cas::open(&dir.path().join("sub/cas.sqlite")).unwrap();
        let hash = cas.put_blob(b"hello").unwrap();
        assert_eq!(hash.to_hex().as_str(), "ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f");
        assert_eq!(cas.blob(&hash).unwrap().as_deref(), Some(&b"hello"[..]));
        assert_eq!(cas.blob(&blake3::hash(b"other")).unwrap(), None);
    }

    #[test]
    fn compiled_code_is_keyed_by_engine_and_verified() {
        let dir = tempfile::tempdir().unwrap();
        let cas = Cas::open(&dir.path().join("cas.sqlite")).unwrap();
        let blob = blake3::hash(b"component");
        cas.put_compiled(&blob, "wasmtime/abc", b"machine code").unwrap();
        let path = cas.compiled(&blob, "wasmtime/abc").unwrap().expect("stored");
        assert!(path.starts_with(dir.path().join("code")), "{}", path.display());
        assert_eq!(std::fs::read(&path).unwrap(), b"machine code");
        assert_eq!(cas.compiled(&blob, "wasmtime/other").unwrap(), None);

        // Change the code behind the store's back: the read must fail, and
        // the entry and its file disappear.
        std::fs::write(&path, b"machine cod3").unwrap();
        let err = cas.compiled(&blob, "wasmtime/abc").unwrap_err();
        assert!(matches!(err, CasError::Corrupt(_)), "{err}");
        assert!(!path.exists());
        assert_eq!(cas.compiled(&blob, "wasmtime/abc").unwrap(), None);

        // A missing file is corrupt too.
        cas.put_compiled(&blob, "wasmtime/abc", b"machine code").unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(cas.compiled(&blob, "wasmtime/abc"), Err(CasError::Corrupt(_))));
    }

    #[test]
    fn what_a_killed_writer_left_is_removed_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let cas = Cas::open(&dir.path().join("cas.sqlite")).unwrap();
        let blob = blake3::hash(b"component");
        let path = cas.code_path(&blob, "wasmtime/abc");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // No process has this id (above the kernel's maximum, 2^22).
        let dead = path.with_extension("cwasm.4294967.partial");
        std::fs::write(&dead, b"machine co").unwrap();
        assert_eq!(cas.compiled(&blob, "wasmtime/abc").unwrap(), None, "a partial file is never read");
        cas.put_compiled(&blob, "wasmtime/abc", b"machine code").unwrap();
        assert_eq!(std::fs::read(cas.compiled(&blob, "wasmtime/abc").unwrap().unwrap()).unwrap(), b"machine code");
        assert_eq!(dead.exists(), !cfg!(target_os = "linux"));
    }

    #[test]
    fn a_store_of_the_old_layout_is_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cas.sqlite");
        let old = sqlink_sqlite::Connection::open(&path).unwrap();
        old.db()
            .execute_batch("create table compiled(blob text, engine text, hash text, code blob, primary key (blob, engine)) without rowid; insert into compiled values ('b', 'e', 'h', x'00');")
            .unwrap();
        drop(old);
        let cas = Cas::open(&path).unwrap();
        assert_eq!(cas.fetch("select name from sqlite_schema where name = 'compiled'", &[]).unwrap(), None, "the old table is gone");
        assert_eq!(cas.compiled(&blake3::hash(b"b"), "e").unwrap(), None);
    }
}
