//! Dot commands through the router: a merged id goes to the side that
//! owns it, like any other item.

use crate::bindings::exports::sqlink::extension::dot_commands as out;
use crate::bindings::sqlink::extension::types::SqlError;
use crate::bindings::{left_dot_commands, right_dot_commands};
use crate::merge::Route;
use crate::{Router, merged};

impl out::Guest for Router {
    fn run(id: u32, args: Vec<String>) -> Result<String, SqlError> {
        match merged().dot_command(id) {
            Route::Left(i) => left_dot_commands::run(i, &args),
            Route::Right(i) => right_dot_commands::run(i, &args),
            Route::Unknown => Err(SqlError { code: 1, message: format!("this router has no dot command {id}") }),
        }
    }
}
