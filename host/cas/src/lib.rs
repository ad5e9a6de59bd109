//! The content-addressed store (CAS): `~/.cache/sqlink/cas.sqlite`.
//!
//! Extension blobs are keyed by their blake3 hash; compiled code by the
//! blob's hash and an engine key (the wasmtime version and configuration it
//! was compiled for), and carries its own hash. Every read is verified
//! against its hash: a corrupt entry is reported and removed, never used.
//! Nothing of sqlink's is written into user databases.

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
    /// The stored bytes do not match their hash; the entry was removed.
    Corrupt(String),
}

impl std::fmt::Display for CasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CasError::Sqlite(e) => write!(f, "cache database: {e}"),
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

/// Large pages (for a new store) and memory-mapped reads: the store holds
/// megabytes of compiled code, read whole at every start, and each page of
/// an overflow chain is otherwise one read call and one copy.
const SCHEMA: &str = "
    pragma page_size = 65536;
    pragma mmap_size = 1073741824;
    pragma journal_mode = wal;
    create table if not exists blob(
        hash text primary key,
        bytes blob not null
    ) without rowid;
    create table if not exists compiled(
        blob text not null,
        engine text not null,
        hash text not null,
        code blob not null,
        primary key (blob, engine)
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

    /// Stores compiled code for a blob under an engine key.
    pub fn put_compiled(&self, blob: &Hash, engine: &str, code: &[u8]) -> Result<(), CasError> {
        let code_hash = blake3::hash(code);
        self.run("insert or replace into compiled(blob, engine, hash, code) values (?1, ?2, ?3, ?4)", &[
            ValueRef::Text(blob.to_hex().as_bytes()),
            ValueRef::Text(engine.as_bytes()),
            ValueRef::Text(code_hash.to_hex().as_bytes()),
            ValueRef::Blob(code),
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

    /// Calls `use_code` with the compiled code for a blob under an engine
    /// key, verified, as stored (no copy is made); `None` when there is none.
    pub fn with_compiled<R>(&self, blob: &Hash, engine: &str, use_code: impl FnOnce(&[u8]) -> R) -> Result<Option<R>, CasError> {
        let key = blob.to_hex();
        let params = [ValueRef::Text(key.as_bytes()), ValueRef::Text(engine.as_bytes())];
        let db = self.conn.db();
        let (stmt, _) = db.prepare("select hash, code from compiled where blob = ?1 and engine = ?2")?;
        let mut stmt = stmt.expect("a statement");
        for (i, p) in params.iter().enumerate() {
            stmt.bind(i + 1, *p)?;
        }
        if !stmt.step()? {
            return Ok(None);
        }
        match (stmt.column(0), stmt.column(1)) {
            (ValueRef::Text(want), ValueRef::Blob(code)) if blake3::hash(code).to_hex().as_bytes() == want => Ok(Some(use_code(code))),
            _ => {
                drop(stmt);
                self.run("delete from compiled where blob = ?1 and engine = ?2", &params)?;
                Err(CasError::Corrupt(format!("compiled code for {key}")))
            }
        }
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
            ValueRef::Blob(b) => Some(b.to_vec()),
            _ => Some(Vec::new()),
        })
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
        let path = dir.path().join("cas.sqlite");
        let cas = Cas::open(&path).unwrap();
        let blob = blake3::hash(b"component");
        cas.put_compiled(&blob, "wasmtime-48/abc", b"machine code").unwrap();
        assert_eq!(cas.with_compiled(&blob, "wasmtime-48/abc", <[u8]>::to_vec).unwrap().as_deref(), Some(&b"machine code"[..]));
        assert_eq!(cas.with_compiled(&blob, "wasmtime-48/other", <[u8]>::to_vec).unwrap(), None);

        // Flip the stored code behind the store's back: the read must fail
        // and the entry disappear.
        let raw = sqlink_sqlite::Connection::open(&path).unwrap();
        raw.db().execute_batch("update compiled set code = x'00'").unwrap();
        let err = cas.with_compiled(&blob, "wasmtime-48/abc", <[u8]>::to_vec).unwrap_err();
        assert!(matches!(err, CasError::Corrupt(_)), "{err}");
        assert_eq!(cas.with_compiled(&blob, "wasmtime-48/abc", <[u8]>::to_vec).unwrap(), None);
    }
}
