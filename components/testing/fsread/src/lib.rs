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

    /// The contents of a file, or NULL when it cannot be read (for loops
    /// that try many times).
    #[function]
    fn fs_try_read(path: &str) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }

    /// Makes `link` a hard link to `target`; returns 1.
    #[function]
    fn fs_link(target: &str, link: &str) -> Result<i64> {
        std::fs::hard_link(target, link).map_err(|e| Error::new(format!("{link}: {e}")))?;
        Ok(1)
    }

    /// The names of every environment variable the extension can see,
    /// sorted, comma-separated.
    #[function]
    fn fs_env_names() -> String {
        let mut names: Vec<String> = std::env::vars_os().map(|(k, _)| k.to_string_lossy().into_owned()).collect();
        names.sort();
        names.join(",")
    }

    /// An environment variable, or NULL when the extension cannot see it.
    #[function]
    fn fs_env(name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}
