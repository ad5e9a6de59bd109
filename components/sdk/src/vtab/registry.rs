//! How the SDK reaches a module's table type without knowing it: the
//! generated code lists each module with a [`Registration`] of its type,
//! and connecting gives a [`DynTable`].
//!
//! Which of [`CreateTable`], [`UpdateTable`] and [`TransactionTable`] a type
//! implements is found where the `#[extension]` macro registers it, where
//! the type is concrete: `<Probe<T>>::UPDATE` names the inherent constant
//! (`Some`) when `T: UpdateTable` holds, and otherwise the fallback trait's
//! (`None`). So the manifest follows the traits, and code calls only
//! methods that exist.

use super::rows::DynRowSource;
use super::{CreateTable, IndexInfo, IndexPlan, Scan, Table, TableArgs, TransactionTable, UpdateTable};
use crate::error::{Error, Result};
use crate::wit::vtab_types as contract;
use std::marker::PhantomData;

/// A transaction step or a rename (the calls [`TransactionTable`] serves).
#[derive(Debug, Clone, PartialEq)]
pub enum TableEvent {
    /// `xBegin`: a write transaction starts.
    Begin,
    /// `xSync`: first phase of a commit.
    Sync,
    /// `xCommit`.
    Commit,
    /// `xRollback`.
    Rollback,
    /// `xRename`, with the new name.
    Rename(String),
}

/// `create` and `destroy` of a [`CreateTable`].
pub struct CreateOps<T> {
    /// [`CreateTable::create`].
    pub create: fn(&TableArgs) -> Result<(String, T)>,
    /// [`CreateTable::destroy`].
    pub destroy: fn(&mut T) -> Result<()>,
    /// [`CreateTable::SHADOW_TABLES`].
    pub shadow_tables: &'static [&'static str],
}

/// An INSERT, UPDATE or DELETE on an [`UpdateTable`]: the new rowid of an
/// inserted row.
pub type UpdateFn<T> = fn(&mut T, contract::RowChange, &contract::WriteContext) -> Result<Option<i64>>;

/// A transaction step or a rename on a [`TransactionTable`].
pub type EventFn<T> = fn(&mut T, TableEvent) -> Result<()>;

/// What a table type can do beyond [`Table`], found by the probes.
pub struct Capabilities<T> {
    /// Set when `T` is a [`CreateTable`]: the module is not eponymous.
    pub create: Option<CreateOps<T>>,
    /// Set when `T` is an [`UpdateTable`]: the module is writable.
    pub update: Option<UpdateFn<T>>,
    /// Set when `T` is a [`TransactionTable`].
    pub events: Option<EventFn<T>>,
}

impl<T> Clone for CreateOps<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for CreateOps<T> {}
impl<T> Clone for Capabilities<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Capabilities<T> {}

/// Names the capabilities of `T` (see the module docs).
pub struct Probe<T>(PhantomData<T>);

impl<T: CreateTable> Probe<T> {
    /// `T`'s create and destroy.
    pub const CREATE: Option<CreateOps<T>> = Some(CreateOps { create: T::create, destroy: T::destroy, shadow_tables: T::SHADOW_TABLES });
}
impl<T: UpdateTable> Probe<T> {
    /// `T`'s writes.
    pub const UPDATE: Option<UpdateFn<T>> = Some(update_table::<T>);
}
impl<T: TransactionTable> Probe<T> {
    /// `T`'s transaction steps and rename.
    pub const EVENTS: Option<EventFn<T>> = Some(table_event::<T>);
}

/// The fallback when `T` is not a [`CreateTable`].
pub trait NotCreateTable<T> {
    /// None: the module is eponymous (or eponymous only).
    const CREATE: Option<CreateOps<T>> = None;
}
impl<T> NotCreateTable<T> for Probe<T> {}

/// The fallback when `T` is not an [`UpdateTable`].
pub trait NotUpdateTable<T> {
    /// None: the module is read-only.
    const UPDATE: Option<UpdateFn<T>> = None;
}
impl<T> NotUpdateTable<T> for Probe<T> {}

/// The fallback when `T` is not a [`TransactionTable`].
pub trait NotTransactionTable<T> {
    /// None: transaction steps and renames succeed without a call.
    const EVENTS: Option<EventFn<T>> = None;
}
impl<T> NotTransactionTable<T> for Probe<T> {}

fn update_table<T: UpdateTable>(table: &mut T, change: contract::RowChange, context: &contract::WriteContext) -> Result<Option<i64>> {
    table.write(change, context)
}

fn table_event<T: TransactionTable>(table: &mut T, event: TableEvent) -> Result<()> {
    match event {
        TableEvent::Begin => table.begin(),
        TableEvent::Sync => table.sync(),
        TableEvent::Commit => table.commit(),
        TableEvent::Rollback => table.rollback(),
        TableEvent::Rename(name) => table.rename(&name),
    }
}

/// One entry of the manifest's `vtabs`: a SQL name and the type serving it.
/// The generated code keeps them in a static list; a module's id is its
/// position there.
pub struct Module {
    /// The SQL name (an alias is a module of its own).
    pub name: &'static str,
    /// The manifest's description: the first paragraph of the item's doc.
    pub description: &'static str,
    /// Declared `eponymous_only`: CREATE VIRTUAL TABLE is refused.
    pub eponymous_only: bool,
    /// The type serving the module.
    pub ops: &'static (dyn ModuleOps + Sync),
}

impl Module {
    /// Usable without CREATE VIRTUAL TABLE (SQLite's rule: xCreate is
    /// xConnect, or absent).
    pub fn eponymous(&self) -> bool {
        self.eponymous_only || !self.ops.creatable()
    }

    /// Accepts INSERT, UPDATE and DELETE.
    pub fn writable(&self) -> bool {
        self.ops.writable()
    }
}

/// How the SDK connects a module's type without knowing it.
pub trait ModuleOps {
    /// [`Table::connect`]: the schema and the connected table.
    fn connect(&self, args: &TableArgs) -> Result<(String, Box<dyn DynTable>)>;
    /// [`CreateTable::create`]; `None` when the type is not a [`CreateTable`].
    fn create(&self, args: &TableArgs) -> Option<Result<(String, Box<dyn DynTable>)>>;
    /// The type is a [`CreateTable`].
    fn creatable(&self) -> bool;
    /// The type is an [`UpdateTable`].
    fn writable(&self) -> bool;
    /// [`CreateTable::SHADOW_TABLES`], or none.
    fn shadow_tables(&self) -> &'static [&'static str];
}

/// A table type with its capabilities, as a [`ModuleOps`].
pub struct Registration<T> {
    capabilities: Capabilities<T>,
}

impl<T> Registration<T> {
    /// `T` with the capabilities the probes found (a constant, so that
    /// the module list is a `static`).
    pub const fn new(capabilities: Capabilities<T>) -> Self {
        Registration { capabilities }
    }
}

impl<T: Table> ModuleOps for Registration<T> {
    fn connect(&self, args: &TableArgs) -> Result<(String, Box<dyn DynTable>)> {
        let (schema, table) = T::connect(args)?;
        Ok((schema, Box::new(Live { table, capabilities: self.capabilities, name: args.table.clone() })))
    }

    fn create(&self, args: &TableArgs) -> Option<Result<(String, Box<dyn DynTable>)>> {
        let ops = self.capabilities.create?;
        Some((ops.create)(args).map(|(schema, table)| {
            let live: Box<dyn DynTable> = Box::new(Live { table, capabilities: self.capabilities, name: args.table.clone() });
            (schema, live)
        }))
    }

    fn creatable(&self) -> bool {
        self.capabilities.create.is_some()
    }

    fn writable(&self) -> bool {
        self.capabilities.update.is_some()
    }

    fn shadow_tables(&self) -> &'static [&'static str] {
        self.capabilities.create.map_or(&[], |c| c.shadow_tables)
    }
}

/// The rows of a scan, whatever the table's type.
pub type DynRows = Box<dyn DynRowSource>;

/// A connected table, whatever its type.
pub trait DynTable {
    /// [`Table::best_index`].
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan>;
    /// [`Table::scan`].
    fn scan(&self, scan: &Scan) -> Result<DynRows>;
    /// A write, or SQLite's error for a read-only table.
    fn update(&mut self, change: contract::RowChange, context: &contract::WriteContext) -> Result<Option<i64>>;
    /// A transaction step or rename; succeeds without a call for tables
    /// that are not [`TransactionTable`]s.
    fn event(&mut self, event: TableEvent) -> Result<()>;
    /// [`CreateTable::destroy`], or nothing.
    fn destroy(&mut self) -> Result<()>;
}

/// A connected table of type `T`.
struct Live<T> {
    table: T,
    capabilities: Capabilities<T>,
    /// The table's SQL name, for messages.
    name: String,
}

impl<T: Table> DynTable for Live<T> {
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        self.table.best_index(info)
    }

    fn scan(&self, scan: &Scan) -> Result<DynRows> {
        Ok(Box::new(self.table.scan(scan)?))
    }

    fn update(&mut self, change: contract::RowChange, context: &contract::WriteContext) -> Result<Option<i64>> {
        match self.capabilities.update {
            Some(update) => update(&mut self.table, change, context),
            // SQLite's own message for a table without xUpdate.
            None => Err(Error::new(format!("table {} may not be modified", self.name))),
        }
    }

    fn event(&mut self, event: TableEvent) -> Result<()> {
        // Without xBegin or xRename, SQLite goes on as if they succeeded.
        match self.capabilities.events {
            Some(handle) => handle(&mut self.table, event),
            None => Ok(()),
        }
    }

    fn destroy(&mut self) -> Result<()> {
        match self.capabilities.create {
            Some(ops) => (ops.destroy)(&mut self.table),
            None => Ok(()),
        }
    }
}
