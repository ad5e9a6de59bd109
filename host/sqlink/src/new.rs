//! `sqlink new NAME --lang rust|c|js|python`: writes a new extension project
//! that `make` builds into `NAME.wasm` and `.load` loads.
//!
//! The templates are the files of each SDK's `template/` directory, built
//! into this binary (it needs no checkout for their text), with `{{name}}`
//! replaced by NAME and `{{sdk}}` by the absolute path of that language's
//! SDK in a sqlink checkout, which the project's Makefile (or Cargo.toml)
//! builds with. It never writes into a directory that has anything in it.

use clap::builder::PossibleValuesParser;
use clap::{Arg, Command};
use std::path::{Path, PathBuf};

/// One language's template, and where its SDK is in a checkout.
struct Template {
    /// The `--lang` value.
    lang: &'static str,
    /// What messages call it.
    title: &'static str,
    /// The SDK's directory under the checkout's `components/` (`{{sdk}}`).
    sdk: &'static str,
    /// A file of the SDK that shows a directory really holds it.
    marker: &'static str,
    /// The project's files: path in the project, text.
    files: &'static [(&'static str, &'static str)],
    /// What the build needs from the checkout beyond the sources (a path
    /// under the SDK's directory), and the `make` target there that makes it.
    built: Option<(&'static str, &'static str)>,
}

/// A template file of `components/DIR/template/PATH`, as (PATH, text).
macro_rules! template_file {
    ($dir:literal, $path:literal) => {
        ($path, include_str!(concat!("../../../components/", $dir, "/template/", $path)))
    };
}

const TEMPLATES: &[Template] = &[
    Template {
        lang: "rust",
        title: "Rust",
        sdk: "sdk",
        marker: "Cargo.toml",
        files: &[
            template_file!("sdk", "Cargo.toml"),
            template_file!("sdk", "src/lib.rs"),
            template_file!("sdk", "Makefile"),
            template_file!("sdk", "README.md"),
            template_file!("sdk", ".gitignore"),
            // The versions the SDK builds with (cargo drops the entries the
            // project does not use), and the Rust it is tested with.
            ("Cargo.lock", include_str!("../../../components/Cargo.lock")),
            ("rust-toolchain.toml", include_str!("../../../rust-toolchain.toml")),
        ],
        built: None,
    },
    Template {
        lang: "c",
        title: "C",
        sdk: "sdk-c",
        marker: "sqlink-cc",
        files: &[
            template_file!("sdk-c", "extension.c"),
            template_file!("sdk-c", "Makefile"),
            template_file!("sdk-c", "README.md"),
            template_file!("sdk-c", ".gitignore"),
        ],
        built: Some(("../../target/sdk-c/functions/sdk/manifest.o", "c-sdk")),
    },
    Template {
        lang: "js",
        title: "JavaScript",
        sdk: "sdk-js",
        marker: "build.mjs",
        files: &[
            template_file!("sdk-js", "extension.js"),
            template_file!("sdk-js", "package.json"),
            template_file!("sdk-js", "Makefile"),
            template_file!("sdk-js", "README.md"),
            template_file!("sdk-js", ".gitignore"),
        ],
        built: Some(("node_modules/.package-lock.json", "js-sdk")),
    },
    Template {
        lang: "python",
        title: "Python",
        sdk: "sdk-py",
        marker: "sqlink-py-build",
        files: &[
            template_file!("sdk-py", "extension.py"),
            template_file!("sdk-py", "requirements.txt"),
            template_file!("sdk-py", "Makefile"),
            template_file!("sdk-py", "README.md"),
            template_file!("sdk-py", ".gitignore"),
        ],
        built: Some(("../../target/tools/componentize-py/componentize_py/__init__.py", "py-examples")),
    },
];

/// Names Rust gives a meaning to: the Rust template makes NAME a module and
/// a crate.
const RUST_RESERVED: &str = "\
    abstract alloc as async await become box break const continue core crate do dyn else enum extern \
    false final fn for gen if impl in let loop macro match mod move mut override priv proc_macro pub ref \
    return self static std struct super test trait true try type typeof unsafe unsized use virtual where \
    while yield";

/// The arguments, as `--help` shows them.
fn command() -> Command {
    let langs: Vec<&str> = TEMPLATES.iter().map(|t| t.lang).collect();
    Command::new("sqlink new")
        .about("Write a new extension project that `make` builds into NAME.wasm")
        .override_usage("sqlink new NAME --lang rust|c|js|python [--dir DIR] [--sdk DIR]")
        .after_help(
            "The project's example function is hello(name), returning 'Hello, NAME!'. It builds with\n\
             the SDK of a sqlink checkout: --sdk DIR, else $SQLINK_SDK, else the checkout this binary\n\
             is in (dist/bin/sqlink or target/*/sqlink); each names that checkout's components/\n\
             directory. Its `make build` builds what the SDKs need.",
        )
        .arg(
            Arg::new("name")
                .value_name("NAME")
                .required(true)
                .help("the extension's name: lowercase letters, digits and _, starting with a letter"),
        )
        .arg(
            Arg::new("lang")
                .long("lang")
                .value_name("LANG")
                .required(true)
                .value_parser(PossibleValuesParser::new(langs))
                .help("the language"),
        )
        .arg(Arg::new("dir").long("dir").value_name("DIR").help("where to write the project: a new or empty directory [default: ./NAME]"))
        .arg(Arg::new("sdk").long("sdk").value_name("DIR").help("the components/ directory of the sqlink checkout to build with"))
}

/// Runs `sqlink new ARGS`; returns the exit status (2 for bad arguments).
pub fn main(args: &[String]) -> i32 {
    let matches = match command().try_get_matches_from(std::iter::once("sqlink new".to_string()).chain(args.iter().cloned())) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let name = matches.get_one::<String>("name").expect("required");
    let lang = matches.get_one::<String>("lang").expect("required");
    let template = TEMPLATES.iter().find(|t| t.lang == lang).expect("checked by clap");
    if let Err(e) = check_name(name, template) {
        eprintln!("sqlink new: {e}");
        return 2;
    }
    let dir = matches.get_one::<String>("dir").map_or_else(|| PathBuf::from(name), PathBuf::from);
    match run(name, template, &dir, matches.get_one::<String>("sdk").map(PathBuf::from)) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("sqlink new: {e}");
            1
        }
    }
}

/// NAME names the SQL extension, the crate or package, and `NAME.wasm`.
fn check_name(name: &str, template: &Template) -> Result<(), String> {
    let mut chars = name.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.len() <= 64;
    if !well_formed {
        return Err(format!(
            "bad name '{name}': a name is 1 to 64 lowercase letters, digits and underscores, starting with a letter \
             (it names the extension, its package and NAME.wasm)"
        ));
    }
    if template.lang == "rust" && RUST_RESERVED.split_whitespace().any(|w| w == name) {
        return Err(format!("bad name '{name}': Rust reserves it (the Rust template makes the name a module and a crate)"));
    }
    Ok(())
}

/// Writes the project into `dir`, unless `dir` has anything in it, and says what to run next.
fn run(name: &str, template: &Template, dir: &Path, sdk_flag: Option<PathBuf>) -> Result<(), String> {
    let sdk = find_sdk(template, sdk_flag)?;
    let sdk_text = sdk.to_str().ok_or_else(|| format!("the SDK's path {} is not UTF-8, which Makefiles cannot name", sdk.display()))?;
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!("{} exists and is not empty: nothing written (choose another --dir, or empty it)", dir.display()));
        }
    }
    for (path, text) in template.files {
        let to = dir.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        let text = text.replace("{{name}}", name).replace("{{sdk}}", sdk_text);
        std::fs::write(&to, text).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    let wasm = std::path::absolute(dir.join(format!("{name}.wasm"))).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files: Vec<&str> = template.files.iter().map(|(path, _)| *path).collect();
    println!("Wrote the {} extension {name} into {}: {}", template.title, dir.display(), files.join(" "));
    println!("Its SDK: {}", sdk.display());
    if sdk_text.contains(char::is_whitespace) {
        println!("note: that path has a space, which make splits at: move the checkout, or `make` will fail");
    }
    if let Some((needed, target)) = template.built
        && !sdk.join(needed).exists()
        && !(template.lang == "python" && (std::env::var_os("COMPONENTIZE_PY").is_some() || on_path("componentize-py")))
    {
        let checkout = sdk.join("../..");
        let checkout = checkout.canonicalize().unwrap_or(checkout);
        println!(
            "note: the {} SDK is not built yet: run `make {target}` (or `make build`) in {} first",
            template.title,
            checkout.display()
        );
    }
    println!("Next:");
    println!("  cd {} && make", shell_word(&dir.display().to_string()));
    println!("  {}", shell_word(&this_command()));
    println!("  sqlink> .load {}", wasm.display());
    println!("  sqlink> select hello('world');");
    println!("  Hello, world!");
    Ok(())
}

/// The SDK's directory: under `--sdk`, else `$SQLINK_SDK`, else the
/// checkout this binary is in (`dist/bin/sqlink`, `target/*/sqlink`,
/// `target/TRIPLE/*/sqlink`). The directories named are `components/` (a
/// checkout's root is accepted too); the result is absolute.
fn find_sdk(template: &Template, sdk_flag: Option<PathBuf>) -> Result<PathBuf, String> {
    let holds = |components: &Path| components.join(template.sdk).join(template.marker).is_file();
    let named = sdk_flag.map(|d| ("--sdk", d)).or_else(|| std::env::var_os("SQLINK_SDK").map(|d| ("$SQLINK_SDK", PathBuf::from(d))));
    let found = if let Some((how, dir)) = named {
        let found = [dir.clone(), dir.join("components")].into_iter().find(|d| holds(d));
        found.ok_or_else(|| {
            format!(
                "{how} names {}, which has no {}/{}: name the components/ directory of a sqlink checkout",
                dir.display(),
                template.sdk,
                template.marker
            )
        })?
    } else {
        let exe = std::env::current_exe().and_then(|e| e.canonicalize()).map_err(|e| format!("where is this binary? {e}"))?;
        let found = exe.ancestors().skip(1).take(4).map(|d| d.join("components")).find(|d| holds(d));
        found.ok_or_else(|| {
            format!(
                "the {} SDK ({}/{} in a sqlink checkout's components/) is not beside this binary ({}): \
                 point at a checkout with --sdk /path/to/sqlink/components or SQLINK_SDK=/path/to/sqlink/components",
                template.title,
                template.sdk,
                template.marker,
                exe.display()
            )
        })?
    };
    let sdk = found.join(template.sdk);
    sdk.canonicalize().map_err(|e| format!("{}: {e}", sdk.display()))
}

/// How to run this binary again: `sqlink` when that is what PATH finds.
fn this_command() -> String {
    let exe = std::env::current_exe().and_then(|e| e.canonicalize()).ok();
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("sqlink"))
        .find(|p| p.is_file())
        .and_then(|p| p.canonicalize().ok());
    match exe {
        Some(exe) if on_path.as_ref() != Some(&exe) => exe.display().to_string(),
        _ => "sqlink".to_string(),
    }
}

/// Whether PATH has an executable named `program`.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

/// `text` quoted for a POSIX shell when it needs to be.
fn shell_word(text: &str) -> String {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@%".contains(c)) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
