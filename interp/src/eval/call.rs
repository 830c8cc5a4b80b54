//! Calling: Python functions (argument binding), natives, bound methods, classes, and
//! objects with `__call__`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn call(_vm: &mut Vm, _f: Value, _args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    todo!("call")
}
