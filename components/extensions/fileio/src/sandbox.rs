//! What file-system errors mean inside sqlink's sandbox, in words for the
//! user. Shared by the fileio and lines crates (lines includes this file).
//!
//! Under WASI an extension reaches only the directories the operator
//! granted, each at its own absolute path. wasi-libc reports a path outside
//! all of them as "No such file or directory", the same as a missing file,
//! and the host refuses writes under a read-only grant. The references
//! (sqlean's fileio, sqlite-lines) run with the process's full access, so
//! where they would answer "no such file" (NULL, zero rows) for a file that
//! may well exist, this module tells the two apart so that callers can say
//! what really happened; and it names the sandbox's refusals ("Operation
//! not permitted" under WASI). Natively (unit tests) there is no sandbox and
//! nothing is ever outside.

use std::io;
use std::path::Path;

/// The text of an OS error as C's `strerror` gives it ("No such file or
/// directory"), without the " (os error 2)" Rust appends; other errors as
/// they display.
pub fn os_message(e: &io::Error) -> String {
    let text = e.to_string();
    match (e.raw_os_error(), text.rfind(" (os error ")) {
        (Some(_), Some(at)) => text[..at].to_string(),
        _ => text,
    }
}

/// Whether `path` lies outside every directory granted to the extension:
/// true only under WASI, when neither the path nor any directory above it
/// can be reached. Call it after an operation failed as "not found".
pub fn outside_grants(path: &Path) -> bool {
    // An empty path names no file anywhere.
    cfg!(target_os = "wasi") && !path.as_os_str().is_empty() && !reachable_ancestor(path)
}

/// Whether `path`, or a directory above it (lexically, after making it
/// absolute against the current directory), can be looked at.
fn reachable_ancestor(path: &Path) -> bool {
    let mut absolute = std::env::current_dir().unwrap_or_else(|_| "/".into());
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                absolute.pop();
            }
            std::path::Component::CurDir => {}
            other => absolute.push(other),
        }
    }
    absolute.ancestors().any(|dir| std::fs::symlink_metadata(dir).is_ok())
}

/// The reason to show for a path outside the grants: that, and for a
/// relative path, where relative paths start.
pub fn outside_message(path: &Path) -> String {
    if path.is_absolute() {
        "not in a directory granted to this extension".to_string()
    } else {
        "not in a directory granted to this extension; relative paths start at /, use an absolute path".to_string()
    }
}

/// WASI's EPERM ("Operation not permitted"), which wasmtime answers only
/// for what the sandbox refuses: a change under a read-only grant, a path
/// leaving its granted directory through `..`, a link whose target could.
/// (A host's own refusal is EACCES, "Permission denied".)
const WASI_EPERM: i32 = 63;

/// Whether `e` is the sandbox refusing the operation (always false
/// natively).
pub fn refused(e: &io::Error) -> bool {
    cfg!(target_os = "wasi") && e.raw_os_error() == Some(WASI_EPERM)
}

/// Why the sandbox refused an operation on `path` (making a link to
/// `target`, for links): the likeliest of its reasons.
pub fn refusal_message(path: &Path, target: Option<&Path>) -> String {
    let leaves = |p: &Path| p.components().any(|c| c == std::path::Component::ParentDir);
    let why = if leaves(path) {
        "the path leaves the granted directory through .."
    } else if target.is_some_and(Path::is_absolute) {
        "link targets must be relative paths"
    } else if target.is_some_and(leaves) {
        "the link target leaves the directory through .."
    } else {
        "the directory is granted read-only"
    };
    format!("not permitted in the sandbox: {why}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_messages_are_strerror_texts() {
        let e = std::fs::File::open("/no/such/file/anywhere").unwrap_err();
        assert_eq!(os_message(&e), "No such file or directory");
        let custom = io::Error::other("kept as is (os error 1)");
        assert_eq!(os_message(&custom), "kept as is (os error 1)");
    }

    #[test]
    fn natively_nothing_is_outside_and_nothing_is_refused() {
        assert!(!outside_grants(Path::new("/no/such/file")));
        assert!(!refused(&io::Error::from_raw_os_error(WASI_EPERM)));
        assert!(reachable_ancestor(Path::new("/no/such/file")));
    }

    #[test]
    fn refusals_name_their_likeliest_reason() {
        let why = |p: &str, t: Option<&str>| refusal_message(Path::new(p), t.map(Path::new));
        assert_eq!(why("/g/a.txt", None), "not permitted in the sandbox: the directory is granted read-only");
        assert_eq!(why("/g/../a.txt", None), "not permitted in the sandbox: the path leaves the granted directory through ..");
        assert_eq!(why("/g/l", Some("/etc/passwd")), "not permitted in the sandbox: link targets must be relative paths");
        assert_eq!(why("/g/l", Some("../x")), "not permitted in the sandbox: the link target leaves the directory through ..");
    }

    #[test]
    fn relative_paths_get_a_hint() {
        assert!(outside_message(Path::new("a.txt")).contains("use an absolute path"));
        assert!(!outside_message(Path::new("/a.txt")).contains("absolute"));
    }
}
