//! The import system: finding `.py` modules and packages on `sys.path`, running them,
//! `sys.modules`, relative imports.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `__import__(name, globals, None, fromlist, level)`: returns the top-level package when
/// `fromlist` is empty/None, else the named module itself.
pub fn import_name(_vm: &mut Vm, _name: Value, _globals: Value, _fromlist: Value, _level: u32) -> PyResult<Value> {
    todo!("import_name")
}

/// `from module import name`: the attribute, or the submodule `module.name`; ImportError
/// ("cannot import name 'x' from 'm' (path)") otherwise.
pub fn import_from(_vm: &mut Vm, _module: Value, _name: Value) -> PyResult<Value> {
    todo!("import_from")
}

/// `from module import *` into the namespace `target` (a dict or other mapping).
pub fn import_star(_vm: &mut Vm, _module: Value, _target: Value) -> PyResult<()> {
    todo!("import_star")
}
