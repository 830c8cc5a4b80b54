//! The `builtins` module, `sys`, the import system, and `exec`/`eval`/`compile`.

use crate::vm::Vm;

pub mod import;

pub fn init(_vm: &mut Vm) {}
