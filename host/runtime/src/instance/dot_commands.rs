//! Calls on the `dot-commands` interface: shell commands an extension
//! contributes.

use super::{CallResult, Instance, Lookup};
use crate::wit::SqlError;
use wasmtime::AsContext;
use wasmtime::component::{ComponentExportIndex, Func};

/// The `dot-commands` function an instance exports.
#[derive(Default)]
pub(crate) struct DotCommandFuncs {
    run: Option<Func>,
}

type Run<'a> = (u32, &'a [&'a str]);

impl DotCommandFuncs {
    pub(super) fn find(iface: &Option<ComponentExportIndex>, get: &mut Lookup<'_>) -> DotCommandFuncs {
        DotCommandFuncs { run: get(iface, "run") }
    }

    pub(super) fn check(&self, store: impl AsContext) -> wasmtime::Result<()> {
        let store = store.as_context();
        check!(&store, self.run, "run", Run<'static>, (Result<String, SqlError>,));
        Ok(())
    }
}

impl Instance {
    /// Runs dot command `id` with its arguments; the text to print.
    pub(crate) fn run_dot_command(&mut self, id: u32, args: &[&str]) -> CallResult<String> {
        Ok(call!(self, dot_commands.run, Run<'_>, (Result<String, SqlError>,), (id, args)))
    }
}
