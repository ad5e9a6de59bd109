//! The encodings `crypto_encode` and `crypto_decode` accept, by name.

use crate::{base85, url};
use data_encoding::{BASE32_NOPAD, Encoding, HEXLOWER_PERMISSIVE};
use sqlink_sdk::Error;
use std::sync::LazyLock;

/// A binary-to-text encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Base32,
    Base64,
    Base85,
    Hex,
    Url,
}

/// Names in the order sqlean tries them, which decides what an abbreviation
/// means (`'base'` is base32).
const NAMES: [(&str, Codec); 5] = [
    ("base32", Codec::Base32),
    ("base64", Codec::Base64),
    ("base85", Codec::Base85),
    ("hex", Codec::Hex),
    ("url", Codec::Url),
];

/// RFC 4648 base64 with padding that, like sqlean (and most decoders),
/// ignores non-zero bits past the last byte (`YR==` is `a`).
static BASE64: LazyLock<Encoding> = LazyLock::new(|| {
    let mut spec = data_encoding::BASE64.specification();
    spec.check_trailing_bits = false;
    spec.encoding().expect("a valid base64 specification")
});

impl Codec {
    /// The codec called `name`, or any non-empty prefix of its name (as
    /// sqlean matches names); case-sensitive.
    pub fn named(name: &str) -> Result<Codec, Error> {
        NAMES
            .iter()
            .find(|(full, _)| !name.is_empty() && full.starts_with(name))
            .map(|&(_, codec)| codec)
            .ok_or_else(|| Error::new(format!("unknown encoding '{name}' (expected base32, base64, base85, hex or url)")))
    }

    fn name(self) -> &'static str {
        NAMES.iter().find(|(_, c)| *c == self).map_or("?", |(n, _)| n)
    }

    /// Encodes bytes as text.
    pub fn encode(self, data: &[u8]) -> String {
        match self {
            Codec::Base32 => data_encoding::BASE32.encode(data),
            Codec::Base64 => BASE64.encode(data),
            Codec::Base85 => base85::encode(data),
            Codec::Hex => data_encoding::HEXLOWER.encode(data),
            Codec::Url => url::encode(data),
        }
    }

    /// Decodes text into bytes; empty text is an empty blob.
    pub fn decode(self, text: &[u8]) -> Result<Vec<u8>, Error> {
        let decoded = match self {
            // Padding is optional: sqlean drops every trailing '='.
            Codec::Base32 => {
                let end = text.iter().rposition(|&c| c != b'=').map_or(0, |i| i + 1);
                BASE32_NOPAD.decode(&text[..end]).ok()
            }
            Codec::Base64 => BASE64.decode(text).ok(),
            Codec::Base85 => base85::decode(text),
            Codec::Hex => HEXLOWER_PERMISSIVE.decode(text).ok(),
            Codec::Url => url::decode(text),
        };
        decoded.ok_or_else(|| Error::new(format!("invalid input string for {}", self.name())))
    }
}
