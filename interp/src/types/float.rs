//! `float`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `float(v)` for numeric values that are not inline floats or ints.
pub fn to_f64(_vm: &mut Vm, _v: Value) -> PyResult<f64> {
    todo!("to_f64")
}
