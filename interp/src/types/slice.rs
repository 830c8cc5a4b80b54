//! `slice`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Resolves a slice object against a sequence of length `len` like `slice.indices`:
/// (start, stop, step, number of selected items). ValueError when step is 0.
pub fn indices(_vm: &mut Vm, _slice: Value, _len: usize) -> PyResult<(isize, isize, isize, usize)> {
    todo!("slice indices")
}
