//! Test fixture: an extension that reads files (imports wasi:filesystem).

/// Reads files and environment variables, for sqlink's tests of grants.
#[sqlink_sdk::extension(name = "fsread", capabilities = ["fs:ro"])]
mod fsread {
    use sqlink_sdk::prelude::*;

    /// The contents of a file, as text.
    #[function]
    fn fs_read(path: &str) -> Result<String> {
        std::fs::read_to_string(path).map_err(|e| Error::new(format!("{path}: {e}")))
    }

    /// Writes text to a file; returns the bytes written.
    #[function]
    fn fs_write(path: &str, text: &str) -> Result<i64> {
        std::fs::write(path, text).map_err(|e| Error::new(format!("{path}: {e}")))?;
        Ok(text.len() as i64)
    }

    /// An environment variable, or NULL when the extension cannot see it.
    #[function]
    fn fs_env(name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}
