//! Check two: what a component imports must be covered by its grants.

use crate::{Denied, Grants, hints};

/// Why an import is allowed or what it needs.
enum Need {
    Nothing,
    Spi,
    Fs,
    Http,
    /// Never available; the text says what to do instead.
    Never(&'static str),
}

fn need(import: &str) -> Need {
    let (package, _) = import.split_once('/').unwrap_or((import, ""));
    let interface = import.split('@').next().unwrap_or(import);
    match package {
        "wasi:io" | "wasi:clocks" | "wasi:random" => Need::Nothing,
        // Standard streams and exit are harmless: stdin is empty, output goes
        // to the host's stderr, and the environment holds only granted
        // variables.
        "wasi:cli" => Need::Nothing,
        "wasi:filesystem" => Need::Fs,
        "wasi:http" => Need::Http,
        "wasi:sockets" => Need::Never("raw network sockets are never granted; outgoing HTTP can be granted with http:HOST"),
        "sqlink:extension" => match interface {
            "sqlink:extension/spi" | "sqlink:extension/blob" => Need::Spi,
            "sqlink:extension/types" | "sqlink:extension/vtab-types" | "sqlink:extension/log" => Need::Nothing,
            _ => Need::Never("it is not an interface hosts provide"),
        },
        _ => Need::Never("sqlink does not provide it"),
    }
}

impl Grants {
    /// Checks every import of a component against these grants, reporting
    /// all problems at once.
    pub fn check_imports<S: AsRef<str>>(&self, extension: &str, imports: &[S]) -> Result<(), Denied> {
        let mut problems = Vec::new();
        // The imports the spi grant covers are named together, once.
        let ungranted_spi: Vec<&str> =
            if self.spi() { Vec::new() } else { imports.iter().map(AsRef::as_ref).filter(|i| matches!(need(i), Need::Spi)).collect() };
        if !ungranted_spi.is_empty() {
            problems.push(format!("it imports {}: load it with {}", ungranted_spi.join(" and "), hints::grant("spi")));
        }
        for import in imports {
            let import = import.as_ref();
            let problem = match need(import) {
                Need::Nothing | Need::Spi => None,
                Need::Fs if self.dirs().next().is_some() => None,
                Need::Fs => Some(format!(
                    "it imports {import} but no directory was granted: load it with {} (or fs:DIR:ro)",
                    hints::grant("fs:DIR")
                )),
                Need::Http => Some(format!("it imports {import}: outgoing HTTP is not supported by this host yet")),
                Need::Never(why) => Some(format!("it imports {import}: {why}")),
            };
            problems.extend(problem);
        }
        problems.dedup();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Denied(format!("refusing to load extension {extension}: {}", problems.join("; "))))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Grant, Grants};

    const PURE: &[&str] = &[
        "sqlink:extension/types@0.2.0",
        "sqlink:extension/vtab-types@0.2.0",
        "wasi:io/streams@0.2.6",
        "wasi:cli/stderr@0.2.6",
        "wasi:clocks/wall-clock@0.2.6",
        "wasi:random/random@0.2.6",
    ];

    #[test]
    fn pure_imports_need_no_grant() {
        assert!(Grants::default().check_imports("uuid", PURE).is_ok());
    }

    #[test]
    fn filesystem_import_without_grant_is_refused_naming_the_grant() {
        let err = Grants::default().check_imports("fileio", &["wasi:filesystem/types@0.2.6", "wasi:filesystem/preopens@0.2.6"]).unwrap_err();
        assert_eq!(
            err.0,
            "refusing to load extension fileio: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); \
             it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)"
        );
        let granted = Grants(vec![Grant::Fs { dir: "/tmp".into(), read_only: true }]);
        assert!(granted.check_imports("fileio", &["wasi:filesystem/types@0.2.6"]).is_ok());
    }

    #[test]
    fn spi_import_needs_spi_grant_and_sockets_never_pass() {
        let err = Grants::default().check_imports("define", &["sqlink:extension/spi@0.2.0"]).unwrap_err();
        assert_eq!(err.0, "refusing to load extension define: it imports sqlink:extension/spi@0.2.0: load it with --grant spi");
        assert!(Grants(vec![Grant::Spi]).check_imports("define", &["sqlink:extension/spi@0.2.0"]).is_ok());
        let err = Grants::default().check_imports("vec", &["sqlink:extension/blob@0.2.0"]).unwrap_err();
        assert_eq!(err.0, "refusing to load extension vec: it imports sqlink:extension/blob@0.2.0: load it with --grant spi");
        assert!(Grants(vec![Grant::Spi]).check_imports("vec", &["sqlink:extension/blob@0.2.0"]).is_ok());
        let err = Grants::default().check_imports("vec", &["sqlink:extension/spi@0.2.0", "sqlink:extension/blob@0.2.0"]).unwrap_err();
        assert_eq!(
            err.0,
            "refusing to load extension vec: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with --grant spi"
        );
        let err = Grants(vec![Grant::Spi]).check_imports("x", &["wasi:sockets/tcp@0.2.6"]).unwrap_err();
        assert!(err.0.contains("raw network sockets are never granted"), "{err}");
    }
}
