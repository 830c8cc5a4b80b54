//! Native part of `decimal`. Krait runs CPython's pure-Python `_pydecimal` (it has no
//! `_decimal`), whose trapped signals carry an explanation (`InvalidOperation("Invalid
//! literal for Decimal: 'abc'")`) where CPython's C module raises the signal with the list
//! of conditions that occurred (`InvalidOperation([<class 'decimal.ConversionSyntax'>])`).
//! Once the standard library's `_pydecimal` has run, `apply` wraps `Context._raise_error`
//! so that the exception it raises carries `[condition]` as its argument, as in CPython.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const KEY: &str = "decimal.Context._raise_error";

/// Wraps `Context._raise_error` of the stdlib's `_pydecimal` namespace `d`; does nothing
/// when `d` has no such method.
pub fn apply(vm: &mut Vm, d: Value) {
    let k = vm.intern("Context");
    let Some(ctx) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) else {
        return;
    };
    let Some(cls_dict) = ctx.as_class().map(|c| c.dict) else {
        return;
    };
    let k = vm.intern("_raise_error");
    let Some(orig) = vm.dict_get_str(cls_dict, k) else {
        return;
    };
    vm.state.borrow_mut().insert(KEY, orig);
    vm.add_method(ctx, "_raise_error", raise_error);
}

/// `Context._raise_error(self, condition, explanation=None, *args)`: the pure-Python
/// method, whose raised signal gets `([condition],)` as its args.
fn raise_error(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(orig) = vm.state.borrow().get(KEY).copied() else {
        return Err(vm.runtime_error("decimal: Context._raise_error is missing"));
    };
    let r = vm.call(orig, args, kw);
    let (Err(e), Some(&condition)) = (&r, args.get(1)) else {
        return r;
    };
    // Only the signal the method raises itself (a base of `condition`, or `condition`).
    if condition.as_class().is_none() || !vm.is_subclass(condition, vm.type_of(e.0)) {
        return r;
    }
    let list = vm.new_list(vec![condition]);
    let tuple = vm.new_tuple(vec![list]);
    let k = vm.intern("args");
    vm.set_attr(e.0, k, tuple)?;
    r
}
