//! Tracebacks: recording frames as exceptions propagate, and printing them in CPython's
//! format (chained exceptions, SyntaxError's caret).

use crate::value::Value;
use crate::vm::Vm;

/// The full text CPython prints to stderr for an uncaught exception `exc` (with its
/// chain), ending in a newline.
pub fn format_exception(_vm: &mut Vm, _exc: Value) -> String {
    todo!("format_exception")
}
