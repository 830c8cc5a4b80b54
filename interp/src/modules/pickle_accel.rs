//! Native part of `pickle`. Krait runs CPython's pure-Python `_Unpickler` (it has no
//! `_pickle`), which reports input that ends early differently from the C module CPython
//! uses: a bare `EOFError()` where CPython says "Ran out of input", and an IndexError from
//! indexing an empty read where CPython raises `UnpicklingError("pickle data was
//! truncated")` (also for a frame, or an opcode's argument, cut short). Once the standard library's `pickle` has
//! run, `apply` wraps `_Unpickler.load` to raise those instead, and gives the exception
//! classes the C module's `__module__`.

use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

const KEY: &str = "pickle._Unpickler.load";
const ERROR_KEY: &str = "pickle.UnpicklingError";
const FRAME_KEY: &str = "pickle._Unframer.load_frame";

/// `_Unframer.load_frame(self, frame_size)`: the pure-Python method, then, as the C
/// module reads a whole frame at once, "pickle data was truncated" when the input held
/// less than the frame's size.
fn load_frame(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let state = vm.state.borrow();
    let (Some(orig), Some(err_cls)) = (state.get(FRAME_KEY).copied(), state.get(ERROR_KEY).copied()) else {
        drop(state);
        return Err(vm.runtime_error("pickle: _Unframer.load_frame is missing"));
    };
    drop(state);
    let r = vm.call(orig, args, kw)?;
    let (Some(&this), Some(&size)) = (args.first(), args.get(1)) else {
        return Ok(r);
    };
    let k = vm.intern("current_frame");
    let frame = vm.get_attr(this, k)?;
    let data = vm.call_method(frame, "getvalue", &[])?;
    let got = vm.len(data)?;
    let want = vm.to_index(size)?;
    if i64::try_from(got).is_ok_and(|g| g < want) {
        let msg = vm.new_str("pickle data was truncated");
        return Err(PyErr(vm.new_exception(err_cls, vec![msg])));
    }
    Ok(r)
}

/// Wraps `_Unpickler.load` of the stdlib's `pickle` namespace `d`; does nothing when `d`
/// has no such method.
pub fn apply(vm: &mut Vm, d: Value) {
    let k = vm.intern("_Unpickler");
    let Some(cls) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) else {
        return;
    };
    let Some(cls_dict) = cls.as_class().map(|c| c.dict) else {
        return;
    };
    let k = vm.intern("load");
    let Some(orig) = vm.dict_get_str(cls_dict, k) else {
        return;
    };
    let k = vm.intern("UnpicklingError");
    let Some(err) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) else {
        return;
    };
    vm.state.borrow_mut().insert(KEY, orig);
    vm.state.borrow_mut().insert(ERROR_KEY, err);
    vm.add_method(cls, "load", load);
    let k = vm.intern("_Unframer");
    if let Some(unframer) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) {
        let k = vm.intern("load_frame");
        if let Some(orig) = unframer.as_class().and_then(|c| vm.dict_get_str(c.dict, k)) {
            vm.state.borrow_mut().insert(FRAME_KEY, orig);
            vm.add_method(unframer, "load_frame", load_frame);
        }
    }
    // CPython's pickle takes its exception classes from `_pickle`.
    let m = vm.intern("__module__");
    let c_module = vm.new_str("_pickle");
    for name in ["PickleError", "PicklingError", "UnpicklingError"] {
        let k = vm.intern(name);
        if let Some(c) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) {
            let _ = vm.set_attr(c, m, c_module);
        }
    }
}

/// The single argument of exception `e`, if it has exactly one that is a str.
fn only_message(vm: &mut Vm, e: Value) -> Option<String> {
    let k = vm.intern("args");
    let args = vm.get_attr(e, k).ok()?;
    match args.as_tuple()?[..] {
        [m] => m.as_rstr().map(str::to_owned),
        _ => None,
    }
}

/// `_Unpickler.load(self)`: the pure-Python method, with the C module's errors for input
/// that ends before the pickle does.
fn load(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let state = vm.state.borrow();
    let (Some(orig), Some(err_cls)) = (state.get(KEY).copied(), state.get(ERROR_KEY).copied()) else {
        drop(state);
        return Err(vm.runtime_error("pickle: _Unpickler.load is missing"));
    };
    drop(state);
    let r = vm.call(orig, args, kw);
    let Err(e) = &r else {
        return r;
    };
    let e = e.0;
    let kind = vm.type_of(e);
    if kind.is(vm.exc.eof_error) {
        let k = vm.intern("args");
        let empty = vm.get_attr(e, k).ok().and_then(|a| a.as_tuple().map(|t| t.is_empty())).unwrap_or(false);
        if empty {
            let msg = vm.new_str("Ran out of input");
            let t = vm.new_tuple(vec![msg]);
            vm.set_attr(e, k, t)?;
        }
        return r;
    }
    let msg = only_message(vm, e);
    let truncated = match msg.as_deref() {
        Some("index out of range") => kind.is(vm.exc.index_error),
        Some("pickle exhausted before end of frame") => kind.is(err_cls),
        // An opcode's text argument (protocol 0) read at the end of the input.
        Some("invalid literal for int() with base 10: b''") => kind.is(vm.exc.value_error),
        // `struct.unpack` of an opcode's binary argument cut short.
        Some(m) => m.starts_with("unpack requires a buffer of ") && vm.class_name(kind) == "error",
        None => false,
    };
    if truncated {
        let msg = vm.new_str("pickle data was truncated");
        let new = vm.new_exception(err_cls, vec![msg]);
        return Err(PyErr(new));
    }
    r
}
