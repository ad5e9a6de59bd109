//! The sqlink shell.
pub mod engine;
