//! Small helpers shared by the native modules of stdlib engineer B (`_operator`,
//! `_functools`, `itertools`, `_collections`, `_random`, `_struct`, `array`, `_sre`,
//! `_json`, `_csv`...), beyond the ones in `modules/mod.rs`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `operator.index(v)` as a Python int (exact int, as `PyNumber_Index`).
pub fn index_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(v);
    }
    match crate::types::slice::index_of(vm, v)? {
        Some(i) => Ok(vm.new_bigint(i)),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))),
    }
}

/// An `isize` index argument (`Py_ssize_t` conversion): TypeError for non-integers,
/// OverflowError "Python int too large to convert to C ssize_t" when it does not fit.
pub fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as isize);
    }
    use num_traits::ToPrimitive;
    match crate::types::slice::index_of(vm, v)? {
        Some(i) => i.to_isize().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))),
    }
}

/// The class of `v` is exactly `cls` (not a subclass).
pub fn is_exact(vm: &Vm, v: Value, cls: Value) -> bool {
    vm.type_of(v).is(cls)
}

/// The `repr` of `v` as a Rust string, guarding against recursion the way containers do
/// (`...` when `v` is already being repr'd).
pub fn repr_guarded(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm) -> PyResult<String>) -> PyResult<String> {
    if !crate::types::list::repr_enter(v) {
        return Ok("...".into());
    }
    let r = f(vm);
    crate::types::list::repr_leave(v);
    r
}
