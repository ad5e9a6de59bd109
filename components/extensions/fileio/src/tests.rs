//! The scalar functions through the generated dispatch, as a host calls
//! them, on files in a scratch directory. Every expected value is what
//! sqlean 0.27.4's fileio answered for the call in the comment above it
//! (sqlean.py 3.50.4.5 from PyPI, whose Python sqlite3 has it built in,
//! run in a scratch directory with umask 022); most of these calls are
//! also in testdata/fileio.sql, where gen.sh records what sqlean's fileio
//! built from source answers under Debian's sqlite3 3.40.1. The tables are
//! in `tests_tables.rs`.

use crate::fileio_ext::sqlink_test::{call, manifest};
use sqlink_sdk::wit::types::FunctionFlags;
use sqlink_sdk::{Error, IntoValue, Value};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// A fresh scratch directory for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sqlink-ext-fileio-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `dir/name` as SQL text.
pub(crate) fn at(dir: &Path, name: &str) -> Value {
    Value::text(dir.join(name).to_str().unwrap())
}

/// Arguments as SQL values.
macro_rules! args {
    ($($v:expr),*) => { [$(IntoValue::into_value($v)),*] };
}

fn blob(b: &[u8]) -> Value {
    Value::Blob(b.to_vec())
}

fn mode_of(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().mode()
}

#[test]
fn the_manifest_has_sqleans_names_aliases_and_arities() {
    let m = manifest();
    let functions: Vec<(&str, i32)> = m.functions.iter().map(|f| (f.name.as_str(), f.arity)).collect();
    // select name, narg from pragma_function_list where ... (sqlean 0.27.4)
    let expected = [
        ("fileio_read", -1),
        ("readfile", -1),
        ("fileio_write", -1),
        ("writefile", -1),
        ("fileio_append", 2),
        ("fileio_mkdir", -1),
        ("mkdir", -1),
        ("fileio_symlink", 2),
        ("symlink", 2),
        ("fileio_mode", 1),
        ("lsmode", 1),
    ];
    assert_eq!(functions, expected);
    // Nothing is deterministic (files change); what touches files is DIRECTONLY.
    for f in &m.functions {
        assert!((f.flags & FunctionFlags::DETERMINISTIC) != FunctionFlags::DETERMINISTIC, "{}", f.name);
        let touches_files = !f.name.contains("mode");
        assert_eq!((f.flags & FunctionFlags::DIRECT_ONLY) == FunctionFlags::DIRECT_ONLY, touches_files, "{}", f.name);
    }
    let vtabs: Vec<(&str, bool)> = m.vtabs.iter().map(|v| (v.name.as_str(), v.eponymous_only)).collect();
    assert_eq!(vtabs, [("fileio_ls", true), ("lsdir", true), ("fileio_scan", true), ("scanfile", true)]);
    assert_eq!(m.capabilities.len(), 1);
}

#[test]
fn read_returns_the_bytes_from_an_offset_up_to_a_limit() {
    let dir = scratch("read");
    std::fs::write(dir.join("hello.txt"), "hello world").unwrap();
    let hello = at(&dir, "hello.txt");
    let read = |extra: &[Value]| call("fileio_read", &[std::slice::from_ref(&hello), extra].concat());
    // fileio_read('hello.txt')  hello world (a blob)
    assert_eq!(read(&[]).unwrap(), blob(b"hello world"));
    // fileio_read('hello.txt', 6)  world
    assert_eq!(read(&args!(6)).unwrap(), blob(b"world"));
    // fileio_read('hello.txt', 11), ('hello.txt', 12)  x'' (empty blob)
    assert_eq!(read(&args!(11)).unwrap(), blob(b""));
    assert_eq!(read(&args!(12)).unwrap(), blob(b""));
    // fileio_read('hello.txt', 0, 5)  hello;  (6, 0)  world;  (6, 1)  w;  (6, 10)  world
    assert_eq!(read(&args!(0, 5)).unwrap(), blob(b"hello"));
    assert_eq!(read(&args!(6, 0)).unwrap(), blob(b"world"));
    assert_eq!(read(&args!(6, 1)).unwrap(), blob(b"w"));
    assert_eq!(read(&args!(6, 10)).unwrap(), blob(b"world"));
    // fileio_read('hello.txt', 'abc')  hello world;  (1.9)  ello world;  (4294967297)  ello world
    assert_eq!(read(&args!("abc")).unwrap(), blob(b"hello world"));
    assert_eq!(read(&args!(1.9)).unwrap(), blob(b"ello world"));
    assert_eq!(read(&args!(4294967297i64)).unwrap(), blob(b"ello world"));
    // fileio_read('hello.txt', null, 3)  hel;  (2, 3, 4)  llo world (a fourth argument drops the limit)
    assert_eq!(read(&args!((), 3)).unwrap(), blob(b"hel"));
    assert_eq!(read(&args!(2, 3, 4)).unwrap(), blob(b"llo world"));
    // readfile('hello.txt')  hello world;  the path as a blob too
    assert_eq!(call("readfile", std::slice::from_ref(&hello)).unwrap(), blob(b"hello world"));
    let path_blob = Value::Blob(dir.join("hello.txt").to_str().unwrap().as_bytes().to_vec());
    assert_eq!(call("fileio_read", &[path_blob]).unwrap(), blob(b"hello world"));
    // Unicode names: fileio_read('hello世界.txt')  hello世界
    std::fs::write(dir.join("hello世界.txt"), "hello世界").unwrap();
    assert_eq!(call("fileio_read", &[at(&dir, "hello世界.txt")]).unwrap(), blob("hello世界".as_bytes()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn read_gives_null_for_missing_files_and_errors_for_bad_arguments() {
    let dir = scratch("read-errors");
    std::fs::write(dir.join("hello.txt"), "hello world").unwrap();
    let hello = at(&dir, "hello.txt");
    // fileio_read(null)  NULL;  fileio_read('whatever')  NULL
    assert_eq!(call("fileio_read", &[Value::Null]).unwrap(), Value::Null);
    assert_eq!(call("fileio_read", &[at(&dir, "whatever")]).unwrap(), Value::Null);
    // fileio_read('hello.txt', -1)  offset must be >= 0;  (0, -1)  limit must be >= 0
    assert_eq!(call("fileio_read", &[hello.clone(), Value::Integer(-1)]).unwrap_err().message, "offset must be >= 0");
    let e = call("fileio_read", &[hello, Value::Integer(0), Value::Integer(-1)]).unwrap_err();
    assert_eq!(e.message, "limit must be >= 0");
    // fileio_read('.')  string or blob too big
    let e = call("fileio_read", &[Value::text(dir.to_str().unwrap())]).unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Error::TOOBIG, "string or blob too big"));
    let e = call("fileio_read", &[]).unwrap_err();
    assert_eq!(e.message, "wrong number of arguments to function fileio_read()");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn write_returns_the_bytes_written_and_sets_perm_and_mtime() {
    let dir = scratch("write");
    let write = |name: &str, rest: &[Value]| call("fileio_write", &[&[at(&dir, name)], rest].concat());
    // fileio_write('w1.txt', 'abc')  3, and the file is -rw-rw-rw- (33206)
    assert_eq!(write("w1.txt", &args!("abc")).unwrap(), Value::Integer(3));
    assert_eq!(std::fs::read(dir.join("w1.txt")).unwrap(), b"abc");
    assert_eq!(mode_of(&dir.join("w1.txt")), 33206);
    // fileio_write('w2.txt', 123)  3;  ('w3.txt', 1.5)  3;  ('w4.txt', null)  0;  ('w5.txt', x'00ff01')  3
    assert_eq!(write("w2.txt", &args!(123)).unwrap(), Value::Integer(3));
    assert_eq!(std::fs::read(dir.join("w2.txt")).unwrap(), b"123");
    assert_eq!(write("w3.txt", &args!(1.5)).unwrap(), Value::Integer(3));
    assert_eq!(write("w4.txt", &args!(())).unwrap(), Value::Integer(0));
    assert_eq!(std::fs::read(dir.join("w4.txt")).unwrap(), b"");
    assert_eq!(write("w5.txt", &[blob(b"\x00\xff\x01")]).unwrap(), Value::Integer(3));
    assert_eq!(std::fs::read(dir.join("w5.txt")).unwrap(), b"\x00\xff\x01");
    // writefile('w12.txt', 'é')  2
    assert_eq!(call("writefile", &[at(&dir, "w12.txt"), Value::text("é")]).unwrap(), Value::Integer(2));
    // fileio_write('sub/deep/w6.txt', 'x')  1 (the directories are made)
    assert_eq!(write("sub/deep/w6.txt", &args!("x")).unwrap(), Value::Integer(1));
    assert!(dir.join("sub/deep").is_dir());
    // fileio_write('hello.txt', 'hello world', 420)  11, -rw-r--r-- (33188)
    assert_eq!(write("w7.txt", &args!("hello world", 420)).unwrap(), Value::Integer(11));
    assert_eq!(mode_of(&dir.join("w7.txt")), 33188);
    // fileio_write('w15.txt', 'x', 16877)  1, -rwxr-xr-x
    assert_eq!(write("w15.txt", &args!("x", 16877)).unwrap(), Value::Integer(1));
    assert_eq!(mode_of(&dir.join("w15.txt")) & 0o777, 0o755);
    // fileio_write('w8.txt', 'x', 420, 1000000000)  1, mtime 1000000000
    assert_eq!(write("w8.txt", &args!("x", 420, 1000000000)).unwrap(), Value::Integer(1));
    assert_eq!(std::fs::metadata(dir.join("w8.txt")).unwrap().mtime(), 1000000000);
    // fileio_write('w10.txt', 'x', 420, null)  1, mtime 0;  ('w14.txt', 'x', 420, -5)  1, mtime now
    assert_eq!(write("w10.txt", &args!("x", 420, ())).unwrap(), Value::Integer(1));
    assert_eq!(std::fs::metadata(dir.join("w10.txt")).unwrap().mtime(), 0);
    assert_eq!(write("w14.txt", &args!("x", 420, -5)).unwrap(), Value::Integer(1));
    assert!(std::fs::metadata(dir.join("w14.txt")).unwrap().mtime() > 1000000000);
    // perm 0, NULL or 'abc' leave the bits as made (under the umask).
    let fresh = |name: &str| {
        let probe = dir.join(format!("{name}.probe"));
        std::fs::write(&probe, "").unwrap();
        mode_of(&probe)
    };
    for (name, perm) in [("w9.txt", Value::Null), ("w13.txt", Value::text("abc")), ("w16.txt", Value::Integer(0))] {
        assert_eq!(write(name, &[Value::text("x"), perm]).unwrap(), Value::Integer(1));
        assert_eq!(mode_of(&dir.join(name)), fresh(name), "{name}");
    }
    // Writing again truncates.
    assert_eq!(write("w1.txt", &args!("z")).unwrap(), Value::Integer(1));
    assert_eq!(std::fs::read(dir.join("w1.txt")).unwrap(), b"z");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn write_fails_with_null_for_two_arguments_and_an_error_for_more() {
    let dir = scratch("write-errors");
    std::fs::write(dir.join("hello.txt"), "hello world").unwrap();
    let d = dir.to_str().unwrap();
    // fileio_write(null, 'x')  NULL
    assert_eq!(call("fileio_write", &args!((), "x")).unwrap(), Value::Null);
    // fileio_write('.', 'x')  NULL;  fileio_write('.', 'x', 420)  failed to write file: .
    assert_eq!(call("fileio_write", &args!(d, "x")).unwrap(), Value::Null);
    assert_eq!(call("fileio_write", &args!(d, "x", 420)).unwrap_err().message, format!("failed to write file: {d}"));
    // fileio_write('hello.txt/x', 'x')  NULL;  (…, 1)  failed to write file: hello.txt/x
    let inside_file = format!("{d}/hello.txt/x");
    assert_eq!(call("fileio_write", &args!(inside_file.as_str(), "x")).unwrap(), Value::Null);
    let e = call("fileio_write", &args!(inside_file.as_str(), "x", 1)).unwrap_err();
    assert_eq!(e.message, format!("failed to write file: {inside_file}"));
    // fileio_write('nodir2/', 'x', 420)  failed to write file: nodir2/
    let nodir = format!("{d}/nodir2/");
    assert_eq!(call("fileio_write", &args!(nodir.as_str(), "x", 420)).unwrap_err().message, format!("failed to write file: {nodir}"));
    // fileio_write('w11.txt')  and 5 arguments: wrong number of arguments to function writefile()
    let wrong = "wrong number of arguments to function writefile()";
    assert_eq!(call("fileio_write", &args!("w11.txt")).unwrap_err().message, wrong);
    assert_eq!(call("writefile", &args!("w11.txt", "a", 1, 2, 3)).unwrap_err().message, wrong);
    assert_eq!(call("fileio_write", &args!(())).unwrap_err().message, wrong);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn append_adds_text_up_to_a_nul_and_makes_directories() {
    let dir = scratch("append");
    let a1 = at(&dir, "a1.txt");
    let append = |text: Value| call("fileio_append", &[a1.clone(), text]);
    // fileio_append('a1.txt', 'one')  3;  (12)  2;  (x'41004243')  1;  ('é')  2;  ('')  0
    assert_eq!(append(Value::text("one")).unwrap(), Value::Integer(3));
    assert_eq!(append(Value::Integer(12)).unwrap(), Value::Integer(2));
    assert_eq!(append(blob(b"A\x00BC")).unwrap(), Value::Integer(1));
    assert_eq!(append(Value::text("é")).unwrap(), Value::Integer(2));
    assert_eq!(append(Value::text("")).unwrap(), Value::Integer(0));
    // The file: one12Aé
    assert_eq!(std::fs::read(dir.join("a1.txt")).unwrap(), "one12Aé".as_bytes());
    // fileio_append('sub/a2.txt', 'x')  1
    assert_eq!(call("fileio_append", &[at(&dir, "sub/a2.txt"), Value::text("x")]).unwrap(), Value::Integer(1));
    assert_eq!(std::fs::read(dir.join("sub/a2.txt")).unwrap(), b"x");
    // sum(fileio_append('hello.txt', value)) over 'one', 'two', 'three'  11; the file: onetwothree
    let hello = at(&dir, "hello.txt");
    let sum: i64 = ["one", "two", "three"]
        .iter()
        .map(|v| match call("fileio_append", &[hello.clone(), Value::text(*v)]).unwrap() {
            Value::Integer(n) => n,
            other => panic!("{other:?}"),
        })
        .sum();
    assert_eq!(sum, 11);
    assert_eq!(std::fs::read(dir.join("hello.txt")).unwrap(), b"onetwothree");
    // NULL text: NULL, nothing written (sqlean crashes).
    assert_eq!(append(Value::Null).unwrap(), Value::Null);
    assert_eq!(std::fs::read(dir.join("a1.txt")).unwrap().len(), 8);
    // fileio_append(null, 'x'), ('.', 'x'), ('hello.txt/x', 'x')  failed to open file
    for path in [Value::Null, Value::text(dir.to_str().unwrap()), at(&dir, "hello.txt/x")] {
        assert_eq!(call("fileio_append", &[path, Value::text("x")]).unwrap_err().message, "failed to open file");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn mkdir_makes_directories_and_sets_the_bits_of_existing_ones() {
    let dir = scratch("mkdir");
    let mkdir = |args: &[Value]| call("fileio_mkdir", args);
    // fileio_mkdir('d1')  NULL, drwxr-xr-x (under umask 022); again: NULL, now drwxrwxrwx
    let umask = {
        let probe = dir.join("probe");
        std::fs::create_dir(&probe).unwrap();
        0o777 & !mode_of(&probe)
    };
    assert_eq!(mkdir(&[at(&dir, "d1")]).unwrap(), Value::Null);
    assert_eq!(mode_of(&dir.join("d1")) & 0o777, 0o777 & !umask);
    assert_eq!(mkdir(&[at(&dir, "d1")]).unwrap(), Value::Null);
    assert_eq!(mode_of(&dir.join("d1")), 0o40777);
    // fileio_mkdir('d2', 448) then ('d2', 493)  NULL, NULL: drwxr-xr-x
    assert_eq!(mkdir(&[at(&dir, "d2"), Value::Integer(448)]).unwrap(), Value::Null);
    assert_eq!(mode_of(&dir.join("d2")), 0o40700);
    assert_eq!(call("mkdir", &[at(&dir, "d2"), Value::Integer(493)]).unwrap(), Value::Null);
    assert_eq!(mode_of(&dir.join("d2")), 0o40755);
    // mkdir('d3', null)  NULL, d---------
    assert_eq!(mkdir(&[at(&dir, "d3"), Value::Null]).unwrap(), Value::Null);
    assert_eq!(mode_of(&dir.join("d3")), 0o40000);
    // fileio_mkdir(null)  NULL
    assert_eq!(mkdir(&[Value::Null]).unwrap(), Value::Null);
    // fileio_mkdir('hello.txt'), ('x/y')  failed to create directory: ...
    std::fs::write(dir.join("hello.txt"), "").unwrap();
    for name in ["hello.txt", "x/y"] {
        let path = dir.join(name);
        let e = mkdir(&[Value::text(path.to_str().unwrap())]).unwrap_err();
        assert_eq!(e.message, format!("failed to create directory: {}", path.display()));
    }
    // fileio_mkdir(), ('a', 'b', 'c')  wrong number of arguments to function mkdir()
    assert_eq!(mkdir(&[]).unwrap_err().message, "wrong number of arguments to function mkdir()");
    assert_eq!(mkdir(&args!("a", "b", "c")).unwrap_err().message, "wrong number of arguments to function mkdir()");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn symlink_makes_links_and_reports_failures() {
    let dir = scratch("symlink");
    std::fs::write(dir.join("hello.txt"), "hello world").unwrap();
    let link = dir.join("hello.lnk");
    // fileio_symlink('hello.txt', 'hello.lnk')  NULL; length(fileio_read('hello.lnk'))  11
    assert_eq!(call("fileio_symlink", &[Value::text("hello.txt"), at(&dir, "hello.lnk")]).unwrap(), Value::Null);
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("hello.txt"));
    assert_eq!(call("fileio_read", &[at(&dir, "hello.lnk")]).unwrap(), blob(b"hello world"));
    // A dangling link is fine: symlink('nonexist', 'dangling.lnk')  NULL
    assert_eq!(call("symlink", &[Value::text("nonexist"), at(&dir, "dangling.lnk")]).unwrap(), Value::Null);
    assert!(std::fs::symlink_metadata(dir.join("dangling.lnk")).unwrap().file_type().is_symlink());
    // The link exists already: sqlean returns NULL; here it is the error its code means.
    let e = call("fileio_symlink", &[Value::text("hello.txt"), at(&dir, "hello.lnk")]).unwrap_err();
    assert_eq!(e.message, "failed to create symlink to: hello.txt");
    // fileio_symlink(null, 'h2.lnk'), ('hello.txt', null)  NULL
    assert_eq!(call("fileio_symlink", &[Value::Null, at(&dir, "h2.lnk")]).unwrap(), Value::Null);
    assert_eq!(call("fileio_symlink", &[Value::text("hello.txt"), Value::Null]).unwrap(), Value::Null);
    assert!(!dir.join("h2.lnk").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn mode_shows_modes_as_ls_does() {
    // select fileio_mode(16877), ... (sqlean 0.27.4)
    let cases: [(Value, &str); 14] = [
        (Value::Integer(16877), "drwxr-xr-x"),
        (Value::Integer(33206), "-rw-rw-rw-"),
        (Value::Integer(33188), "-rw-r--r--"),
        (Value::Integer(41471), "lrwxrwxrwx"),
        (Value::Integer(384), "?rw-------"),
        (Value::Integer(420), "?rw-r--r--"),
        (Value::Integer(511), "?rwxrwxrwx"),
        (Value::Integer(-1), "?rwxrwxrwx"),
        (Value::text("abc"), "?---------"),
        (Value::Null, "?---------"),
        (Value::Integer(4294967295 + 16877 + 1), "drwxr-xr-x"),
        (Value::Integer(8630), "?rw-rw-rw-"),
        (Value::Real(2.9), "?-------w-"),
        (Value::Integer(33279 + 2048), "-rwxrwxrwx"),
    ];
    for (mode, want) in cases {
        assert_eq!(call("fileio_mode", std::slice::from_ref(&mode)).unwrap(), Value::text(want), "{mode:?}");
    }
    assert_eq!(call("lsmode", &[Value::Integer(24992)]).unwrap(), Value::text("?rw-r-----"));
    // The modes of real files read back.
    let dir = scratch("mode");
    std::fs::write(dir.join("f"), "").unwrap();
    std::fs::set_permissions(dir.join("f"), std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(call("fileio_mode", &[Value::Integer(i64::from(mode_of(&dir.join("f"))))]).unwrap(), Value::text("-rw-r-----"));
    let _ = std::fs::remove_dir_all(&dir);
}
