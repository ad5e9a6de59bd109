//! The file `sqlink bundle export` writes and `import` reads: a bundle's
//! canonical text and its extensions' files, each with its length, after a
//! header line; every file's blake3 is checked when read.
//!
//! ```text
//! sqlink-bundle-export 1
//! name team                    (when exported by name)
//! bundle LENGTH
//! <the bundle's text>
//! blob HASH LENGTH
//! <the extension's bytes>
//! ...
//! ```

use sqlink_bundle::Hash;

const HEADER: &str = "sqlink-bundle-export 1";

/// What an export file holds.
pub struct Archive {
    pub name: Option<String>,
    pub text: String,
    pub blobs: Vec<(Hash, Vec<u8>)>,
}

/// The file for a bundle (`name` when exported by name) and its extensions' files.
pub fn write(name: Option<&str>, text: &str, blobs: &[(Hash, Vec<u8>)]) -> Vec<u8> {
    let mut out = format!("{HEADER}\n").into_bytes();
    if let Some(name) = name {
        out.extend(format!("name {name}\n").as_bytes());
    }
    out.extend(format!("bundle {}\n", text.len()).as_bytes());
    out.extend(text.as_bytes());
    for (hash, bytes) in blobs {
        out.extend(format!("blob {hash} {}\n", bytes.len()).as_bytes());
        out.extend(bytes);
    }
    out
}

/// Reads an export file, checking each file against its hash.
pub fn read(mut bytes: &[u8]) -> Result<Archive, String> {
    let line = |bytes: &mut &[u8]| -> Option<String> {
        let end = bytes.iter().position(|&b| b == b'\n')?;
        let text = String::from_utf8(bytes[..end].to_vec()).ok()?;
        *bytes = &bytes[end + 1..];
        Some(text)
    };
    if line(&mut bytes).as_deref() != Some(HEADER) {
        return Err(format!("not a bundle export (it does not start with `{HEADER}`)"));
    }
    let take = |bytes: &mut &[u8], len: &str| -> Result<Vec<u8>, String> {
        let n: usize = len.parse().map_err(|_| format!("`{len}` is not a length"))?;
        if bytes.len() < n {
            return Err("the file is cut short".into());
        }
        let (taken, rest) = bytes.split_at(n);
        *bytes = rest;
        Ok(taken.to_vec())
    };
    let (mut name, mut text, mut blobs) = (None, None, Vec::new());
    while !bytes.is_empty() {
        let record = line(&mut bytes).ok_or("the file is cut short or not UTF-8 where a record begins")?;
        let words: Vec<&str> = record.split(' ').collect();
        match words.as_slice() {
            ["name", n] => name = Some(n.to_string()),
            ["bundle", len] => {
                let t = take(&mut bytes, len)?;
                text = Some(String::from_utf8(t).map_err(|_| "the bundle text is not UTF-8")?);
            }
            ["blob", hash, len] => {
                let hash = Hash::from_hex(hash).map_err(|_| format!("`{hash}` is not a blake3 hash"))?;
                let blob = take(&mut bytes, len)?;
                if blake3::hash(&blob) != hash {
                    return Err(format!("the file for {hash} does not have that hash: it was changed or damaged"));
                }
                blobs.push((hash, blob));
            }
            _ => return Err(format!("unexpected record `{record}`")),
        }
    }
    Ok(Archive { name, text: text.ok_or("it holds no bundle")?, blobs })
}
