//! `sqlink bundle`: save the set of extensions a team uses, each with how
//! it loads, as one named bundle whose hash is the same on every machine
//! (`sqlink-bundle` has the format). The extensions' files go into the
//! content-addressed store beside the bundle's record, so a bundle never
//! points at a file that can change.
//!
//! ```text
//! sqlink bundle create NAME (--ext FILE [--grant G]... [--prefix P] [--pin NAME]... [--mem BYTES] [--timeout MS])...
//! sqlink bundle show NAME|HASH
//! sqlink bundle list
//! sqlink bundle export NAME|HASH -o FILE
//! sqlink bundle import FILE [--name NAME]
//! ```

use sqlink_bundle::{Bundle, Hash, Member};
use sqlink_cas::Cas;
use sqlink_policy::{Grant, parse_bytes};

mod archive;

const USAGE: &str = "\
Usage: sqlink bundle create NAME (--ext FILE [OPTIONS])...
       sqlink bundle show NAME|HASH
       sqlink bundle list
       sqlink bundle export NAME|HASH -o FILE
       sqlink bundle import FILE [--name NAME]

A bundle is a set of extensions, each with how it loads; its hash is the
same for the same set on every machine. The options after an --ext apply
to that extension:
   --grant G        a capability, as .load --grant takes it (spi, fs:DIR, fs:DIR:ro, ...)
   --prefix P       qualify its names with P instead of its own prefix
   --pin NAME       give it the bare name NAME even where another has it
   --mem BYTES      its memory cap (64M, 1G, ...)
   --timeout MS     its per-call time limit in milliseconds
Bundles and the extensions' files are kept in the cache ($SQLINK_CACHE_DIR,
else $XDG_CACHE_HOME/sqlink, else ~/.cache/sqlink). `export` writes one file
holding the bundle and its extensions' files; `import` checks every hash in
it before it keeps anything.";

/// Runs `sqlink bundle ARGS`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("create") => create(&args[1..]),
        Some("show") if args.len() == 2 => show(&args[1]),
        Some("list") if args.len() == 1 => list(),
        Some("export") if args.len() == 4 && args[2] == "-o" => export(&args[1], &args[3]),
        Some("import") if args.len() == 2 => import(&args[1], None),
        Some("import") if args.len() == 4 && args[2] == "--name" => import(&args[1], Some(&args[3])),
        Some("--help" | "-h") => {
            println!("{USAGE}");
            return 0;
        }
        _ => Err(format!("expected create, show, list, export or import\n{USAGE}")),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("sqlink bundle: {e}");
            1
        }
    }
}

fn store() -> Result<Cas, String> {
    let path = Cas::default_path().ok_or("no cache directory: set HOME or SQLINK_CACHE_DIR")?;
    Cas::open(&path).map_err(|e| e.to_string())
}

/// A name for a bundle: letters, digits, `_`, `-` and `.`, and not a hash.
fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b));
    if !ok || name.starts_with('-') {
        return Err(format!("'{name}' is not a bundle name: use letters, digits, _, - and ."));
    }
    if Hash::from_hex(name).is_ok() {
        return Err(format!("'{name}' looks like a hash; a bundle name must not"));
    }
    Ok(())
}

fn create(args: &[String]) -> Result<(), String> {
    let Some(name) = args.first() else { return Err(format!("create needs a NAME\n{USAGE}")) };
    check_name(name)?;
    let cas = store()?;
    let mut members: Vec<Member> = Vec::new();
    let mut rest = args[1..].iter();
    while let Some(option) = rest.next() {
        let mut value = || rest.next().cloned().ok_or_else(|| format!("{option} needs a value"));
        if option == "--ext" {
            let file = value()?;
            let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
            if !bytes.starts_with(b"\0asm") {
                return Err(format!("{file}: not a WebAssembly file (it does not start with \\0asm)"));
            }
            members.push(Member::new(cas.put_blob(&bytes).map_err(|e| e.to_string())?));
            continue;
        }
        let Some(m) = members.last_mut() else { return Err(format!("{option} comes before any --ext: options apply to the --ext they follow")) };
        match option.as_str() {
            "--grant" => m.grants.push(Grant::parse(&value()?).map_err(|e| e.to_string())?.to_string()),
            "--prefix" => m.prefix = Some(value()?),
            "--pin" => m.pins.push(value()?),
            "--mem" => m.memory = Some(parse_bytes(&value()?).map_err(|e| e.to_string())?),
            "--timeout" => {
                let v = value()?;
                m.timeout_ms = Some(v.parse().ok().filter(|&ms: &u64| ms > 0).ok_or(format!("--timeout {v}: expected milliseconds"))?);
            }
            other => return Err(format!("unknown option '{other}'\n{USAGE}")),
        }
    }
    if members.is_empty() {
        return Err("a bundle needs at least one --ext FILE".into());
    }
    let bundle = Bundle::new(members).map_err(|e| e.to_string())?;
    let hash = cas.put_bundle(&bundle.encode()).map_err(|e| e.to_string())?;
    cas.name_bundle(name, &hash).map_err(|e| e.to_string())?;
    println!("{hash}  {name}");
    Ok(())
}

/// The bundle a name or a hash stands for.
fn find(cas: &Cas, which: &str) -> Result<(Hash, String), String> {
    let hash = match Hash::from_hex(which) {
        Ok(hash) => hash,
        Err(_) => cas.bundle_named(which).map_err(|e| e.to_string())?.ok_or_else(|| format!("no bundle named {which}: `sqlink bundle list` lists them"))?,
    };
    let text = cas.bundle(&hash).map_err(|e| e.to_string())?.ok_or_else(|| format!("no bundle {hash} in the cache"))?;
    Ok((hash, text))
}

fn show(which: &str) -> Result<(), String> {
    let (_, text) = find(&store()?, which)?;
    print!("{text}");
    Ok(())
}

fn list() -> Result<(), String> {
    for (name, hash) in store()?.bundle_names().map_err(|e| e.to_string())? {
        println!("{hash}  {name}");
    }
    Ok(())
}

fn export(which: &str, out: &str) -> Result<(), String> {
    let cas = store()?;
    let (hash, text) = find(&cas, which)?;
    let bundle = Bundle::decode(&text).map_err(|e| format!("bundle {hash}: {e}"))?;
    let mut blobs = Vec::new();
    for m in bundle.members() {
        let bytes = cas.blob(&m.blob).map_err(|e| e.to_string())?.ok_or_else(|| format!("the cache lost extension {} of this bundle", m.blob))?;
        blobs.push((m.blob, bytes));
    }
    let name = Hash::from_hex(which).is_err().then_some(which);
    let file = archive::write(name, &text, &blobs);
    std::fs::write(out, file).map_err(|e| format!("cannot write {out}: {e}"))?;
    println!("{hash}  {out}");
    Ok(())
}

fn import(file: &str, rename: Option<&str>) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let archive = archive::read(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let name = rename.or(archive.name.as_deref()).ok_or_else(|| format!("{file} was exported by hash: give it a name with --name NAME"))?;
    check_name(name)?;
    // Everything is checked before anything is kept.
    let bundle = Bundle::decode(&archive.text).map_err(|e| format!("{file}: {e}"))?;
    if bundle.encode() != archive.text {
        return Err(format!("{file}: its bundle text is not in canonical form, so its hash would not be the bundle's"));
    }
    for m in bundle.members() {
        if !archive.blobs.iter().any(|(h, _)| *h == m.blob) {
            return Err(format!("{file}: extension {} of the bundle is missing", m.blob));
        }
    }
    if let Some((h, _)) = archive.blobs.iter().find(|(h, _)| !bundle.members().iter().any(|m| m.blob == *h)) {
        return Err(format!("{file}: it holds a file ({h}) that is not in the bundle"));
    }
    let cas = store()?;
    for (_, bytes) in &archive.blobs {
        cas.put_blob(bytes).map_err(|e| e.to_string())?;
    }
    let hash = cas.put_bundle(&archive.text).map_err(|e| e.to_string())?;
    cas.name_bundle(name, &hash).map_err(|e| e.to_string())?;
    println!("{hash}  {name}");
    Ok(())
}
