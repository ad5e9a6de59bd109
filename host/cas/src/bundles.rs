//! Bundle records: a bundle's canonical text keyed by its blake3 (see
//! `sqlink-bundle`), and the names bundles are saved under. A record is
//! verified against its hash when read, as blobs are; a name is only a
//! pointer, which saving again under it moves.

use crate::{Cas, CasError, Hash};
use sqlink_sqlite::ValueRef;

impl Cas {
    /// Stores a bundle's text (once) and returns its hash.
    pub fn put_bundle(&self, text: &str) -> Result<Hash, CasError> {
        let hash = blake3::hash(text.as_bytes());
        self.run("insert or ignore into bundle(hash, text) values (?1, ?2)", &[
            ValueRef::Text(hash.to_hex().as_bytes()),
            ValueRef::Text(text.as_bytes()),
        ])?;
        self.checkpoint()?;
        Ok(hash)
    }

    /// The text of the bundle with this hash, verified.
    pub fn bundle(&self, hash: &Hash) -> Result<Option<String>, CasError> {
        let key = hash.to_hex();
        let Some(text) = self.fetch("select text from bundle where hash = ?1", &[ValueRef::Text(key.as_bytes())])? else {
            return Ok(None);
        };
        if blake3::hash(&text) != *hash {
            self.run("delete from bundle where hash = ?1", &[ValueRef::Text(key.as_bytes())])?;
            return Err(CasError::Corrupt(format!("bundle {key}")));
        }
        String::from_utf8(text).map(Some).map_err(|_| CasError::Corrupt(format!("bundle {key}")))
    }

    /// Saves `hash` under `name`, replacing what the name pointed to.
    pub fn name_bundle(&self, name: &str, hash: &Hash) -> Result<(), CasError> {
        self.run("insert or replace into bundle_name(name, hash) values (?1, ?2)", &[
            ValueRef::Text(name.as_bytes()),
            ValueRef::Text(hash.to_hex().as_bytes()),
        ])?;
        self.checkpoint()
    }

    /// The hash saved under `name`, if any.
    pub fn bundle_named(&self, name: &str) -> Result<Option<Hash>, CasError> {
        let Some(hex) = self.fetch("select hash from bundle_name where name = ?1", &[ValueRef::Text(name.as_bytes())])? else {
            return Ok(None);
        };
        let hex = String::from_utf8_lossy(&hex).into_owned();
        Hash::from_hex(&hex).map(Some).map_err(|_| CasError::Corrupt(format!("the name {name} (it points to `{hex}`)")))
    }

    /// Every saved name with its hash, by name.
    pub fn bundle_names(&self) -> Result<Vec<(String, String)>, CasError> {
        let (stmt, _) = self.conn.db().prepare("select name, hash from bundle_name order by name")?;
        let mut stmt = stmt.expect("a statement");
        let mut out = Vec::new();
        while stmt.step()? {
            let text = |i| match stmt.column(i) {
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                _ => String::new(),
            };
            out.push((text(0), text(1)));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Cas, CasError};

    #[test]
    fn bundles_are_kept_by_hash_and_found_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let cas = Cas::open(&dir.path().join("cas.sqlite")).unwrap();
        let text = "sqlink-bundle 1\n";
        let hash = cas.put_bundle(text).unwrap();
        assert_eq!(hash, blake3::hash(text.as_bytes()));
        assert_eq!(cas.bundle(&hash).unwrap().as_deref(), Some(text));
        assert_eq!(cas.bundle_named("team").unwrap(), None);
        cas.name_bundle("team", &hash).unwrap();
        let other = cas.put_bundle("sqlink-bundle 1\nextension x\n").unwrap();
        cas.name_bundle("other", &other).unwrap();
        assert_eq!(cas.bundle_named("team").unwrap(), Some(hash));
        assert_eq!(cas.bundle_names().unwrap(), [("other".to_string(), other.to_hex().to_string()), ("team".to_string(), hash.to_hex().to_string())]);
        // Saving under a name again moves it.
        cas.name_bundle("team", &other).unwrap();
        assert_eq!(cas.bundle_named("team").unwrap(), Some(other));
    }

    #[test]
    fn a_corrupt_bundle_record_is_reported_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let cas = Cas::open(&dir.path().join("cas.sqlite")).unwrap();
        let hash = cas.put_bundle("sqlink-bundle 1\n").unwrap();
        cas.run("update bundle set text = 'sqlink-bundle 1\nextension tampered\n'", &[]).unwrap();
        let err = cas.bundle(&hash).unwrap_err();
        assert!(matches!(err, CasError::Corrupt(ref what) if what == &format!("bundle {}", hash.to_hex())), "{err}");
        assert_eq!(cas.bundle(&hash).unwrap(), None);
    }
}
