//! Bundles: the set of extensions a team uses, each with how it loads.
//!
//! A [`Bundle`] names each extension by the blake3 of its `.wasm` (the
//! hash the content-addressed store keys blobs by) and records its grants,
//! prefix, pins and limits. Its [canonical encoding](Bundle::encode) sorts
//! everything that has no meaningful order, so the same set gives the same
//! bytes, and so the same [hash](Bundle::hash), whatever order it was given
//! in and on every machine. Loading a bundle (the shell's `.bundle load`,
//! `sqlink bundle`) is for the hosts; this crate is only the data.

mod encoding;

pub use blake3::Hash;
pub use encoding::BundleError;

/// One extension of a bundle and how it loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The blake3 of the extension's `.wasm`.
    pub blob: Hash,
    /// Qualify its names with this instead of its manifest's prefix.
    pub prefix: Option<String>,
    /// Capabilities granted, as `--grant` takes them (`spi`, `fs:/data:ro`).
    pub grants: Vec<String>,
    /// Bare names it takes even where another extension or SQLite has them.
    pub pins: Vec<String>,
    /// Memory cap in bytes, when not the host's default.
    pub memory: Option<u64>,
    /// Per-call time limit in milliseconds, when not the host's default.
    pub timeout_ms: Option<u64>,
}

impl Member {
    /// An extension loaded as by a plain `.load`: no grants, prefix, pins
    /// or limits of its own.
    pub fn new(blob: Hash) -> Member {
        Member { blob, prefix: None, grants: Vec::new(), pins: Vec::new(), memory: None, timeout_ms: None }
    }

    /// Whether it is granted anything beyond pure computation (replaying
    /// such a bundle needs the operator's consent).
    pub fn reaches_outside(&self) -> bool {
        !self.grants.is_empty()
    }
}

/// A set of extensions, in canonical order (see [`Bundle::new`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    members: Vec<Member>,
}

impl Bundle {
    /// A bundle of `members`, made canonical: members ordered by blob hash,
    /// each one's grants and pins sorted with duplicates dropped (neither
    /// has an order that means anything).
    ///
    /// # Errors
    /// An extension listed twice (it cannot load twice on one connection),
    /// or a value the encoding cannot carry (empty, or with a control
    /// character).
    pub fn new(members: impl IntoIterator<Item = Member>) -> Result<Bundle, BundleError> {
        let mut members: Vec<Member> = members.into_iter().map(canonical).collect();
        members.sort_by(|a, b| a.blob.as_bytes().cmp(b.blob.as_bytes()));
        if let Some(w) = members.windows(2).find(|w| w[0].blob == w[1].blob) {
            return Err(BundleError(format!("extension {} is listed twice; a bundle loads each extension once", w[0].blob)));
        }
        for m in &members {
            for value in m.prefix.iter().chain(&m.grants).chain(&m.pins) {
                encoding::check_value(value)?;
            }
        }
        Ok(Bundle { members })
    }

    /// Its extensions, ordered by blob hash.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// Whether any extension is granted more than pure computation.
    pub fn reaches_outside(&self) -> bool {
        self.members.iter().any(Member::reaches_outside)
    }

    /// The canonical text: the same bytes for the same set.
    pub fn encode(&self) -> String {
        encoding::encode(self)
    }

    /// Reads a bundle's text (canonical or not: it is made canonical).
    ///
    /// # Errors
    /// What is wrong with the text, and on which line.
    pub fn decode(text: &str) -> Result<Bundle, BundleError> {
        Bundle::new(encoding::decode(text)?)
    }

    /// The blake3 of the canonical text: the bundle's identity.
    pub fn hash(&self) -> Hash {
        blake3::hash(self.encode().as_bytes())
    }
}

fn canonical(mut m: Member) -> Member {
    for list in [&mut m.grants, &mut m.pins] {
        list.sort();
        list.dedup();
    }
    m
}

#[cfg(test)]
mod tests;
