//! The twelve hash algorithms behind one streaming interface.
//!
//! Each is fed its input in pieces (one per argument, one per row) and
//! finishes into the bytes sqlite-hashes returns: the digest of the
//! cryptographic hashes as is, and the integer of the non-cryptographic
//! ones (FNV-1a 64, XXH32, XXH64, XXH3-64, XXH3-128, all with seed 0)
//! big-endian, as its `noncrypto-digests` crate writes them.

use sha2::Digest;
use std::hash::Hasher as _;

/// A hash fed in pieces: the pieces hash as if concatenated.
pub trait Algorithm: Default {
    /// Feeds the next piece.
    fn update(&mut self, bytes: &[u8]);
    /// The digest of everything fed.
    fn digest(self) -> Vec<u8>;
}

/// Implements [`Algorithm`] for a RustCrypto `Digest`.
macro_rules! rust_crypto {
    ($($name:ident = $ty:ty, $doc:literal;)*) => {$(
        #[doc = $doc]
        #[derive(Default)]
        pub struct $name($ty);

        impl Algorithm for $name {
            fn update(&mut self, bytes: &[u8]) {
                Digest::update(&mut self.0, bytes);
            }
            fn digest(self) -> Vec<u8> {
                self.0.finalize().to_vec()
            }
        }
    )*};
}

rust_crypto! {
    Md5 = md5::Md5, "MD5 (RFC 1321): 16 bytes.";
    Sha1 = sha1::Sha1, "SHA-1 (FIPS 180-4): 20 bytes.";
    Sha224 = sha2::Sha224, "SHA-224 (FIPS 180-4): 28 bytes.";
    Sha256 = sha2::Sha256, "SHA-256 (FIPS 180-4): 32 bytes.";
    Sha384 = sha2::Sha384, "SHA-384 (FIPS 180-4): 48 bytes.";
    Sha512 = sha2::Sha512, "SHA-512 (FIPS 180-4): 64 bytes.";
}

/// BLAKE3: 32 bytes.
#[derive(Default)]
pub struct Blake3(blake3::Hasher);

impl Algorithm for Blake3 {
    fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn digest(self) -> Vec<u8> {
        self.0.finalize().as_bytes().to_vec()
    }
}

/// FNV-1a, 64-bit: 8 bytes, big-endian.
#[derive(Default)]
pub struct Fnv1a(fnv::FnvHasher);

impl Algorithm for Fnv1a {
    fn update(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }
    fn digest(self) -> Vec<u8> {
        self.0.finish().to_be_bytes().to_vec()
    }
}

/// XXH32, seed 0: 4 bytes, big-endian.
pub struct Xxh32(xxhash_rust::xxh32::Xxh32);

impl Default for Xxh32 {
    fn default() -> Self {
        Xxh32(xxhash_rust::xxh32::Xxh32::new(0))
    }
}

impl Algorithm for Xxh32 {
    fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn digest(self) -> Vec<u8> {
        self.0.digest().to_be_bytes().to_vec()
    }
}

/// XXH64, seed 0: 8 bytes, big-endian.
pub struct Xxh64(xxhash_rust::xxh64::Xxh64);

impl Default for Xxh64 {
    fn default() -> Self {
        Xxh64(xxhash_rust::xxh64::Xxh64::new(0))
    }
}

impl Algorithm for Xxh64 {
    fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn digest(self) -> Vec<u8> {
        self.0.digest().to_be_bytes().to_vec()
    }
}

/// XXH3, 64-bit, seed 0 and the default secret: 8 bytes, big-endian.
#[derive(Default)]
pub struct Xxh3_64(xxhash_rust::xxh3::Xxh3Default);

impl Algorithm for Xxh3_64 {
    fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn digest(self) -> Vec<u8> {
        self.0.digest().to_be_bytes().to_vec()
    }
}

/// XXH3, 128-bit, seed 0 and the default secret: 16 bytes, big-endian.
#[derive(Default)]
pub struct Xxh3_128(xxhash_rust::xxh3::Xxh3Default);

impl Algorithm for Xxh3_128 {
    fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn digest(self) -> Vec<u8> {
        self.0.digest128().to_be_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex<A: Algorithm>(pieces: &[&[u8]]) -> String {
        let mut a = A::default();
        for p in pieces {
            a.update(p);
        }
        a.digest().iter().map(|b| format!("{b:02X}")).collect()
    }

    /// sqlite-hashes' tests/test-ext.sh: every algorithm of '12345'.
    #[test]
    fn reference_vectors_of_12345() {
        let m: &[&[u8]] = &[b"12345"];
        assert_eq!(hex::<Md5>(m), "827CCB0EEA8A706C4C34A16891F84E7B");
        assert_eq!(hex::<Sha1>(m), "8CB2237D0679CA88DB6464EAC60DA96345513964");
        assert_eq!(hex::<Sha224>(m), "A7470858E79C282BC2F6ADFD831B132672DFD1224C1E78CBF5BCD057");
        assert_eq!(hex::<Sha256>(m), "5994471ABB01112AFCC18159F6CC74B4F511B99806DA59B3CAF5A9C173CACFC5");
        assert_eq!(
            hex::<Sha384>(m),
            "0FA76955ABFA9DAFD83FACCA8343A92AA09497F98101086611B0BFA95DBC0DCC661D62E9568A5A032BA81960F3E55D4A"
        );
        assert_eq!(
            hex::<Sha512>(m),
            "3627909A29C31381A071EC27F7C9CA97726182AED29A7DDD2E54353322CFB30ABB9E3A6DF2AC2C20FE23436311D678564D0C8D305930575F60E2D3D048184D79"
        );
        assert_eq!(hex::<Blake3>(m), "86F2D80ABE9C3F7B4A1A57A8D1130FA8DC08C81604833CE1212DC039B010D9E4");
        assert_eq!(hex::<Fnv1a>(m), "E575E8883C0F89F8");
        assert_eq!(hex::<Xxh32>(m), "B30D56B4");
        assert_eq!(hex::<Xxh64>(m), "C6F2D2DD0AD64FB6");
        assert_eq!(hex::<Xxh3_64>(m), "F34099EDE96B5581");
        assert_eq!(hex::<Xxh3_128>(m), "4AF3DA69F61E14CF26F4C14B6B6BFDB4");
    }

    /// sqlite-hashes' doc examples: 'hello' for the algorithms it shows.
    #[test]
    fn reference_doc_examples_of_hello() {
        let m: &[&[u8]] = &[b"hello"];
        assert_eq!(hex::<Md5>(m), "5D41402ABC4B2A76B9719D911017C592");
        assert_eq!(hex::<Blake3>(m), "EA8F163DB38682925E4491C5E58D4BB3506EF8C14EB78A86E908C5624A67200F");
        assert_eq!(hex::<Fnv1a>(m), "A430D84680AABD0B");
        assert_eq!(hex::<Xxh32>(m), "FB0077F9");
        assert_eq!(hex::<Xxh64>(m), "26C7827D889F6DA3");
        assert_eq!(hex::<Xxh3_64>(m), "9555E8555C62DCFD");
        assert_eq!(hex::<Xxh3_128>(m), "B5E9C1AD071B3E7FC779CFAA5E523818");
    }

    /// Pieces hash as their concatenation, across every buffer boundary.
    #[test]
    fn pieces_hash_as_concatenation() {
        let data: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        fn split<A: Algorithm>(data: &[u8]) {
            let whole = hex::<A>(&[data]);
            for cut in [0, 1, 3, 31, 32, 64, 65, 127, 128, 129, 240, 1024, 2999, 3000] {
                let (a, b) = data.split_at(cut);
                assert_eq!(hex::<A>(&[a, b]), whole, "cut at {cut}");
            }
        }
        split::<Md5>(&data);
        split::<Sha1>(&data);
        split::<Sha224>(&data);
        split::<Sha256>(&data);
        split::<Sha384>(&data);
        split::<Sha512>(&data);
        split::<Blake3>(&data);
        split::<Fnv1a>(&data);
        split::<Xxh32>(&data);
        split::<Xxh64>(&data);
        split::<Xxh3_64>(&data);
        split::<Xxh3_128>(&data);
    }
}
