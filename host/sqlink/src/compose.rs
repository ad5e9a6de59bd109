//! `sqlink compose`: wires components into one `.wasm`, from a `.wac` file
//! or, for a set of extensions, as a generated router tree.

use clap::{Arg, ArgAction, Command};
use sqlink_compose::{Input, tree, wac};
use std::path::{Path, PathBuf};

fn command() -> Command {
    Command::new("sqlink compose")
        .about("Wire wasm components into one .wasm")
        .override_usage(
            "sqlink compose FILE.wac -o OUT.wasm [--dep sqlink:NAME=FILE]...\n       \
             sqlink compose --ext A.wasm [--ext B.wasm]... -o OUT.wasm",
        )
        .after_help(
            "With a .wac file, each package sqlink:NAME it names is NAME.wasm in the components\n\
             directory unless --dep gives its file. With --ext, the extensions become one\n\
             extension (a tree of router components), ready to be imported by sqlite-core.",
        )
        .arg(Arg::new("wac").value_name("FILE.wac").help("composition to build"))
        .arg(Arg::new("ext").long("ext").value_name("FILE.wasm").action(ArgAction::Append).help("an extension to include (repeat for more)"))
        .arg(Arg::new("out").short('o').long("output").value_name("OUT.wasm").required(true).help("where to write the result"))
        .arg(Arg::new("dep").long("dep").value_name("PACKAGE=FILE").action(ArgAction::Append).help("the file of a package the .wac file names"))
        .arg(
            Arg::new("components")
                .long("components")
                .value_name("DIR")
                .help("directory of sqlink's own components (router.wasm, empty.wasm, sqlite-core.wasm, ...) [default: dist/components]"),
        )
}

/// sqlink's components directory: as `make` lays it out next to the binary,
/// or the repository's `dist/components` for a binary in `target/`.
pub fn default_components() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    let dir = exe.parent().map(Path::to_path_buf).unwrap_or_default();
    let beside = dir.join("../components");
    if beside.is_dir() { beside } else { dir.join("../../dist/components") }
}

/// Runs `sqlink compose ARGS`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let matches = match command().try_get_matches_from(std::iter::once("sqlink compose".to_string()).chain(args.iter().cloned())) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match run(&matches) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("sqlink compose: {e}");
            1
        }
    }
}

fn run(matches: &clap::ArgMatches) -> Result<(), String> {
    let out = PathBuf::from(matches.get_one::<String>("out").expect("required"));
    let components = matches.get_one::<String>("components").map(PathBuf::from).unwrap_or_else(default_components);
    let extensions: Vec<&String> = matches.get_many::<String>("ext").map(|v| v.collect()).unwrap_or_default();
    let bytes = match (matches.get_one::<String>("wac"), extensions.is_empty()) {
        (Some(_), false) => return Err("give either a .wac file or --ext files, not both".into()),
        (None, true) => return Err("nothing to compose: give a .wac file or --ext FILE.wasm (see --help)".into()),
        (Some(file), true) => {
            let mut packages = wac::Packages { dir: Some(components), ..Default::default() };
            for dep in matches.get_many::<String>("dep").into_iter().flatten() {
                let (name, path) = dep.split_once('=').ok_or_else(|| format!("--dep {dep}: expected PACKAGE=FILE, e.g. sqlink:catalog=catalog.wasm"))?;
                packages.files.insert(name.to_string(), PathBuf::from(path));
            }
            wac::compose(Path::new(file), &packages).map_err(|e| e.to_string())?
        }
        (None, false) => {
            if matches.get_many::<String>("dep").is_some() {
                return Err("--dep applies to .wac files only".into());
            }
            let read = |p: &Path| Input::read(p).map_err(|e| e.to_string());
            let inputs = extensions.iter().map(|p| read(Path::new(p))).collect::<Result<Vec<_>, _>>()?;
            let router = read(&components.join("router.wasm"))?;
            let empty = read(&components.join("empty.wasm"))?;
            let tree = tree::compose(&inputs, &router, &empty).map_err(|e| e.to_string())?;
            for note in &tree.notes {
                eprintln!("note: {note}");
            }
            tree.bytes
        }
    };
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes, blake3 {})", out.display(), bytes.len(), blake3::hash(&bytes).to_hex());
    Ok(())
}
