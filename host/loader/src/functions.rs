//! `sqlink_load`, `sqlink_unload` and `sqlink_extensions`, and the
//! per-connection state they share.

use libsqlite3_sys as ffi;
use sqlink_runtime::{AttachOptions, AttachedInfo, Grants, Limits, Registry, Runtime};
use sqlink_sqlite::{Callbacks, Db, ValueRef, arguments, result};
use std::ffi::{c_char, c_int};
use std::sync::{Arc, Mutex};

/// What one connection has loaded. Shared by the three functions; dropped
/// when SQLite drops them, i.e. when the connection closes.
struct State {
    registry: Mutex<Option<Registry>>,
}

impl Drop for State {
    fn drop(&mut self) {
        // The connection is closing and drops every registration itself.
        if let Some(registry) = self.registry.get_mut().unwrap_or_else(|p| p.into_inner()).take() {
            registry.forget();
        }
    }
}

/// Writes an error for `sqlite3_load_extension` to return.
///
/// # Safety
/// `err` must be the error pointer SQLite passed to the entry point.
pub(crate) unsafe fn report(err: *mut *mut c_char, message: &str) {
    if err.is_null() {
        return;
    }
    // SAFETY: SQLite frees the message with sqlite3_free, so it is
    // allocated with sqlite3_malloc; the copy is NUL-terminated.
    unsafe {
        let p = ffi::sqlite3_malloc(message.len() as c_int + 1).cast::<u8>();
        if !p.is_null() {
            std::ptr::copy_nonoverlapping(message.as_ptr(), p, message.len());
            *p.add(message.len()) = 0;
            *err = p.cast();
        }
    }
}

/// Registers the loader's functions on a connection, then loads what
/// `SQLINK_LOAD` lists.
pub(crate) fn register(db: Db) -> Result<(), String> {
    // Loading the library again on the same connection changes nothing.
    if db.prepare("select sqlink_extensions()").is_ok_and(|(s, _)| s.is_some()) {
        return Ok(());
    }
    let state = Arc::new(State { registry: Mutex::new(Some(Registry::new(db))) });
    let flags = ffi::SQLITE_UTF8 | ffi::SQLITE_DIRECTONLY;
    let functions: [(&str, i32, sqlink_sqlite::XFunc); 5] = [
        ("sqlink_load", 1, load),
        ("sqlink_load", 2, load),
        ("sqlink_load", 3, load),
        ("sqlink_unload", 1, unload),
        ("sqlink_extensions", 0, extensions),
    ];
    for (name, arity, f) in functions {
        db.create_function(name, arity, flags, Box::new(state.clone()), Callbacks::Scalar(f)).map_err(|e| e.to_string())?;
    }
    let eager = std::env::var("SQLINK_LOAD").unwrap_or_default();
    for path in eager.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        state.load(path, "", "").map_err(|e| format!("SQLINK_LOAD: {e}"))?;
    }
    Ok(())
}

impl State {
    fn with_registry<R>(&self, f: impl FnOnce(&mut Registry) -> Result<R, String>) -> Result<R, String> {
        let mut guard = self.registry.lock().unwrap_or_else(|p| p.into_inner());
        f(guard.as_mut().ok_or("the connection is closing")?)
    }

    /// Loads an extension: `grants` as for `--grant`, comma-separated;
    /// `options` as `mem=64M,timeout=500,pin=upper,prefix=u`.
    fn load(&self, path: &str, grants: &str, options: &str) -> Result<String, String> {
        let grants = Grants::parse_list(grants).map_err(|e| e.to_string())?;
        let (mut mem, mut timeout, mut attach) = (None, None, AttachOptions::default());
        for option in options.split(',').map(str::trim).filter(|o| !o.is_empty()) {
            match option.split_once('=') {
                Some(("mem", v)) => mem = Some(v.to_string()),
                Some(("timeout", v)) => timeout = Some(v.parse::<u64>().map_err(|_| format!("timeout={v}: expected milliseconds"))?),
                Some(("pin", v)) => attach.pins.push(v.to_string()),
                Some(("prefix", v)) => attach.prefix = Some(v.to_string()),
                _ => return Err(format!("unknown option '{option}': expected mem=BYTES, timeout=MS, pin=NAME or prefix=P")),
            }
        }
        let limits = Limits::with(mem.as_deref(), timeout).map_err(|e| e.to_string())?;
        let runtime = Runtime::get().map_err(|e| e.to_string())?;
        let ext = runtime.load_file(path.as_ref(), grants, limits).map_err(|e| e.to_string())?;
        let report = self.with_registry(|r| r.attach(ext, &attach).map_err(|e| e.to_string()))?;
        let mut lines = vec![report.summary];
        lines.extend(report.warnings.into_iter().map(|w| format!("warning: {w}")));
        lines.extend(report.notes.into_iter().map(|n| format!("note: {n}")));
        Ok(lines.join("\n"))
    }
}

/// The text of argument `i`, or None for NULL or absent.
///
/// # Safety
/// `argv` must be the arguments of the running callback.
unsafe fn text_arg(argv: &[*mut ffi::sqlite3_value], i: usize) -> Result<Option<String>, String> {
    let Some(&v) = argv.get(i) else { return Ok(None) };
    // SAFETY: per the function contract.
    match unsafe { ValueRef::from_raw(v) } {
        ValueRef::Null => Ok(None),
        ValueRef::Text(t) => String::from_utf8(t.to_vec()).map(Some).map_err(|_| format!("argument {} is not valid UTF-8", i + 1)),
        other => Err(format!("argument {} must be text, not {other:?}", i + 1)),
    }
}

/// Runs a function body: its state and text arguments in, text (or NULL) out.
///
/// # Safety
/// SQLite's callback contract, for a function registered by [`register`].
unsafe fn run(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
    body: impl FnOnce(&State, &[*mut ffi::sqlite3_value]) -> Result<Option<String>, String>,
) {
    // SAFETY: per the function contract; the user data is an `Arc<State>`.
    unsafe {
        let state = &**ffi::sqlite3_user_data(ctx).cast::<Arc<State>>();
        let argv = arguments(argc, argv);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body(state, argv)));
        match outcome {
            Ok(Ok(Some(text))) => result::value(ctx, ValueRef::Text(text.as_bytes())),
            Ok(Ok(None)) => result::value(ctx, ValueRef::Null),
            Ok(Err(message)) => result::error(ctx, ffi::SQLITE_ERROR, &message),
            Err(_) => result::error(ctx, ffi::SQLITE_ERROR, "sqlink_loader: internal error (panic)"),
        }
    }
}

/// `sqlink_load(path [, grants [, options]])`.
unsafe extern "C" fn load(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe {
        run(ctx, argc, argv, |state, args| {
            let path = text_arg(args, 0)?.ok_or("sqlink_load(): the path is NULL")?;
            let grants = text_arg(args, 1)?.unwrap_or_default();
            let options = text_arg(args, 2)?.unwrap_or_default();
            state.load(&path, &grants, &options).map(Some)
        })
    }
}

/// `sqlink_unload(name)`.
unsafe extern "C" fn unload(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe {
        run(ctx, argc, argv, |state, args| {
            let name = text_arg(args, 0)?.ok_or("sqlink_unload(): the name is NULL")?;
            let notes = state.with_registry(|r| r.detach(&name).map_err(|e| e.to_string()))?;
            Ok((!notes.is_empty()).then(|| notes.join("\n")))
        })
    }
}

/// `sqlink_extensions()`: a JSON array describing each loaded extension.
unsafe extern "C" fn extensions(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe { run(ctx, argc, argv, |state, _| state.with_registry(|r| Ok(Some(to_json(&r.info()))))) }
}

fn to_json(infos: &[AttachedInfo]) -> String {
    let list: Vec<serde_json::Value> = infos
        .iter()
        .map(|i| {
            serde_json::json!({
                "name": i.name,
                "version": i.version,
                "description": i.description,
                "source": i.source,
                "prefix": i.prefix,
                "namespace": i.namespace,
                "functions": i.functions,
                "aggregates": i.aggregates,
                "collations": i.collations,
                "modules": i.vtabs,
                "declared": i.declared,
                "grants": i.grants,
                "memory_limit": i.memory_limit,
                "timeout_ms": i.timeout_ms,
            })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}
