//! `int` and `bool`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `operator.index(v)` as an i64 for values that are not inline ints.
pub fn to_index(_vm: &mut Vm, _v: Value) -> PyResult<i64> {
    todo!("to_index")
}
