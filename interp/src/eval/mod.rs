//! The interpreter: runs flat-CFG frames (see `cfg.rs`).

pub mod attr;
pub mod call;
pub mod ops;
pub mod traceback;

use std::rc::Rc;

use crate::cfg::Code;
use crate::frame::Frame;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Registers the methods of the core classes (object, type, function, exceptions...).
pub fn init(_vm: &mut Vm) {}

/// Runs `frame` from its current `(block, stmt)` until it returns (or, for generator
/// frames, yields). Returns the returned/yielded value.
pub fn run_frame(_vm: &mut Vm, _frame: &mut Frame) -> PyResult<Value> {
    todo!("run_frame")
}

/// Runs module-level code with `globals` as its namespace (and locals).
pub fn run_module_code(_vm: &mut Vm, _code: Rc<Code>, _globals: Value) -> PyResult<Value> {
    todo!("run_module_code")
}

/// Runs top-level code (module, `exec`, `eval`) with `globals` and a locals mapping
/// (`locals` NULL means the globals dict). Returns the code's return value.
pub fn run_code(_vm: &mut Vm, _code: Rc<Code>, _globals: Value, _locals: Value) -> PyResult<Value> {
    todo!("run_code")
}
