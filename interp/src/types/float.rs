//! `float`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `float(v)` for numeric values that are not inline floats or ints.
pub fn to_f64(_vm: &mut Vm, _v: Value) -> PyResult<f64> {
    todo!("to_f64")
}

/// `repr(f)`: the shortest string that round-trips, in CPython's notation
/// (`1e+16`, `1.5`, `inf`, `nan`, `-0.0`).
pub fn float_repr(_f: f64) -> String {
    todo!("float_repr")
}
