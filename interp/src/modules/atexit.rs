//! The `atexit` module: functions registered to run when the interpreter exits (in
//! reverse order of registration), after the main program and after an uncaught
//! exception's traceback, as in CPython. `krait`'s exit path calls `run_exitfuncs`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::new_module;

const KEY: &str = "atexit.callbacks";

/// The list of registered (func, args, kwargs) tuples, made on first use.
fn callbacks(vm: &mut Vm) -> Value {
    if let Some(&l) = vm.state.borrow().get(KEY) {
        return l;
    }
    let l = vm.new_list(Vec::new());
    vm.state.borrow_mut().insert(KEY, l);
    l
}

fn a_register(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&func) = args.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let a = vm.new_tuple(args[1..].to_vec());
    let d = vm.new_dict();
    for &(k, v) in kw {
        vm.dict_set(d, k, v)?;
    }
    let entry = vm.new_tuple(vec![func, a, d]);
    let l = callbacks(vm);
    if let Some(l) = l.as_list() {
        l.borrow_mut().push(entry);
    }
    Ok(func)
}

fn a_unregister(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "unregister", args, kw, 1, 1)?;
    let l = callbacks(vm);
    let entries = l.as_list().map(|l| l.borrow().clone()).unwrap_or_default();
    let mut keep = Vec::new();
    for e in entries {
        let f = e.as_tuple().and_then(|t| t.first().copied()).unwrap_or(Value::NONE);
        if !vm.eq(f, args[0])? {
            keep.push(e);
        }
    }
    if let Some(l) = l.as_list() {
        *l.borrow_mut() = keep;
    }
    Ok(Value::NONE)
}

fn a_run_exitfuncs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "_run_exitfuncs", args, kw, 0, 0)?;
    run_exitfuncs(vm);
    Ok(Value::NONE)
}

fn a_clear(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "_clear", args, kw, 0, 0)?;
    let l = callbacks(vm);
    if let Some(l) = l.as_list() {
        l.borrow_mut().clear();
    }
    Ok(Value::NONE)
}

fn a_ncallbacks(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "_ncallbacks", args, kw, 0, 0)?;
    let l = callbacks(vm);
    let n = l.as_list().map(|l| l.borrow().len()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

/// Runs and forgets the registered functions, last registered first. An exception in one
/// is reported ("Exception ignored in atexit callback") and the others still run.
pub fn run_exitfuncs(vm: &mut Vm) {
    let Some(l) = vm.state.borrow().get(KEY).copied() else {
        return;
    };
    loop {
        let entry = match l.as_list() {
            Some(cell) => cell.borrow_mut().pop(),
            None => None,
        };
        let Some(entry) = entry else { break };
        let Some(t) = entry.as_tuple().map(|t| t.to_vec()) else { continue };
        let (f, a, d) = (t[0], t[1], t[2]);
        let args = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        let kwargs = d.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
        if let Err(e) = vm.call(f, &args, &kwargs) {
            report(vm, e.0, f);
        }
    }
}

fn report(vm: &mut Vm, exc: Value, func: Value) {
    crate::builtins::io::flush_all(vm);
    let r = match vm.repr(func) {
        Ok(r) => r.as_rstr().unwrap_or("?").to_owned(),
        Err(_) => "<object repr() failed>".to_owned(),
    };
    let text = crate::eval::traceback::format_exception(vm, exc);
    let _ = crate::builtins::sys::write_to_sys_stream(
        vm,
        "stderr",
        &format!("Exception ignored in atexit callback: {r}\n{text}"),
    );
    crate::builtins::io::flush_all(vm);
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(new_module(
        vm,
        "atexit",
        &[
            ("register", a_register),
            ("unregister", a_unregister),
            ("_run_exitfuncs", a_run_exitfuncs),
            ("_clear", a_clear),
            ("_ncallbacks", a_ncallbacks),
        ],
    ))
}
