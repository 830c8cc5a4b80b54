//! Lowering: Python source to flat-CFG code objects (see `cfg.rs`).

use std::rc::Rc;

use crate::cfg::{Code, Source};
use crate::vm::{PyResult, Vm};

/// What the source is compiled as (`compile()`'s mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` string.
    Exec,
    /// A single expression (`eval`); the code returns its value.
    Eval,
    /// One interactive statement: expression statements print their value (`sys.displayhook`).
    Single,
}

/// Parses and lowers `source`. Syntax errors come back as a `SyntaxError` (or subclass)
/// exception whose `filename`, `lineno`, `offset`, `text` and `msg` attributes follow
/// CPython.
pub fn compile(_vm: &mut Vm, _source: Rc<Source>, _mode: Mode) -> PyResult<Rc<Code>> {
    todo!("compile")
}
