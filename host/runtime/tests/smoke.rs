use sqlink_runtime::{AttachOptions, Grants, Limits, Registry, Runtime};
use sqlink_sqlite::{Db, ValueRef, ffi};

fn memory_db() -> Db {
    let mut raw = std::ptr::null_mut();
    unsafe {
        assert_eq!(ffi::sqlite3_open(c":memory:".as_ptr(), &mut raw), 0);
        Db::from_raw(raw)
    }
}

#[test]
fn uuid_loads_and_runs() {
    let db = memory_db();
    let rt = Runtime::get().unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../components/target/wasm32-wasip2/release/sqlink_ext_uuid.wasm");
    let ext = rt.load_file(path.as_ref(), Grants::default(), Limits::default()).unwrap();
    let mut reg = Registry::new(db);
    let lines = reg.attach(ext, &AttachOptions::default()).unwrap();
    println!("{lines:#?}");
    let (stmt, _) = db.prepare("select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40')), uuid__uuid4() = uuid4(), length(gen_random_uuid())").unwrap();
    let mut stmt = stmt.unwrap();
    assert!(stmt.step().unwrap());
    assert_eq!(stmt.column(0), ValueRef::Text(b"d5a80b20-0d8f-11e5-b8cb-080027b6ec40"));
    assert_eq!(stmt.column(1), ValueRef::Integer(0));
    assert_eq!(stmt.column(2), ValueRef::Integer(36));
    println!("{:#?}", reg.info());
}
