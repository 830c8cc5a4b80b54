//! Native part of `decimal`. Krait runs CPython's pure-Python `_pydecimal` (it has no
//! `_decimal`), whose trapped signals carry an explanation (`InvalidOperation("Invalid
//! literal for Decimal: 'abc'")`) where CPython's C module raises the signal with the list
//! of conditions that occurred (`InvalidOperation([<class 'decimal.ConversionSyntax'>])`).
//! Once the standard library's `_pydecimal` has run, `apply` wraps `Context._raise_error`
//! so that the exception it raises carries `[condition]` as its argument, as in CPython.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const KEY: &str = "decimal.Context._raise_error";

/// Wraps `Context._raise_error` of the stdlib's `_pydecimal` namespace `d` (does nothing
/// when `d` has no such method), and names `Decimal` and `Context` in error messages as
/// the C types are named (`decimal.Decimal`).
pub fn apply(vm: &mut Vm, d: Value) {
    crate::modules::datetime_accel::mark_native_names(vm, d, &["Decimal", "Context"]);
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
    for &(class, method, f, key) in WRAPPED {
        let k = vm.intern(class);
        let Some(cls) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) else {
            continue;
        };
        let Some(cls_dict) = cls.as_class().map(|c| c.dict) else {
            continue;
        };
        let m = vm.intern(method);
        if vm.dict_get_str(cls_dict, m).is_none() {
            continue;
        }
        // The plain function (`__new__` is stored as a staticmethod).
        let Ok(orig) = vm.get_attr(cls, m) else {
            continue;
        };
        vm.state.borrow_mut().insert(key, orig);
        if method == "__new__" {
            vm.add_staticmethod(cls, method, f);
        } else {
            vm.add_method(cls, method, f);
        }
    }
}

/// The methods `apply` wraps to give their results or errors the C module's wording:
/// (class, method, wrapper, `vm.state` key of the pure-Python original).
const WRAPPED: &[(&str, &str, crate::vm::NativeFn, &str)] = &[
    ("Context", "__repr__", context_repr, "decimal.Context.__repr__"),
    ("Decimal", "__new__", decimal_new, "decimal.Decimal.__new__"),
    ("Decimal", "__int__", decimal_int, "decimal.Decimal.__int__"),
    ("Decimal", "__trunc__", decimal_trunc, "decimal.Decimal.__trunc__"),
    ("Decimal", "__float__", decimal_float, "decimal.Decimal.__float__"),
    ("Decimal", "__round__", decimal_round, "decimal.Decimal.__round__"),
];

/// Calls the original stored under `key`; an exception it raises that `reword` maps to
/// a new message (from the exception's class and message) gets that message as its args.
fn call_reworded(
    vm: &mut Vm,
    key: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    reword: &dyn Fn(&mut Vm, Value, &str) -> Option<String>,
) -> PyResult<Value> {
    let Some(orig) = vm.state.borrow().get(key).copied() else {
        return Err(vm.runtime_error(format!("decimal: {key} is missing")));
    };
    let r = vm.call(orig, args, kw);
    let Err(e) = &r else {
        return r;
    };
    let kind = vm.type_of(e.0);
    let args_name = vm.intern("args");
    let msg = match vm.get_attr(e.0, args_name) {
        Ok(a) => a.as_tuple().filter(|t| t.len() == 1).and_then(|t| t[0].as_rstr().map(str::to_owned)),
        Err(_) => None,
    };
    let Some(new) = msg.and_then(|m| reword(vm, kind, &m)) else {
        return r;
    };
    let s = vm.new_string(new);
    let tuple = vm.new_tuple(vec![s]);
    let k = vm.intern("args");
    vm.set_attr(e.0, k, tuple)?;
    r
}

/// The C module's wording of the conversions of a NaN or an infinity to an int.
fn int_conversion_reword(vm: &mut Vm, kind: Value, m: &str) -> Option<String> {
    match m {
        "Cannot convert NaN to integer" | "cannot round a NaN" if kind.is(vm.exc.value_error) => {
            Some("cannot convert NaN to integer".to_owned())
        }
        "Cannot convert infinity to integer" | "cannot round an infinity" if kind.is(vm.exc.overflow_error) => {
            Some("cannot convert Infinity to integer".to_owned())
        }
        _ => None,
    }
}

fn decimal_int(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "decimal.Decimal.__int__", args, kw, &int_conversion_reword)
}

fn decimal_trunc(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "decimal.Decimal.__trunc__", args, kw, &int_conversion_reword)
}

/// `round(d)` (no digits) converts to an int as `int(d)` does.
fn decimal_round(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let to_int = kw.is_empty() && args.get(1).is_none_or(|n| n.is_none());
    call_reworded(vm, "decimal.Decimal.__round__", args, kw, &|vm, kind, m| {
        if to_int {
            int_conversion_reword(vm, kind, m)
        } else {
            None
        }
    })
}

fn decimal_float(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "decimal.Decimal.__float__", args, kw, &|vm, kind, m| {
        (kind.is(vm.exc.value_error) && m == "Cannot convert signaling NaN to float")
            .then(|| "cannot convert signaling NaN to float".to_owned())
    })
}

/// `Decimal(value)` of an unsupported type: "conversion from T to Decimal is not
/// supported", as the C module says.
fn decimal_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let value = args.get(1).copied();
    call_reworded(vm, "decimal.Decimal.__new__", args, kw, &|vm, kind, m| {
        let v = value?;
        (kind.is(vm.exc.type_error) && m.starts_with("Cannot convert ") && m.ends_with(" to Decimal"))
            .then(|| format!("conversion from {} to Decimal is not supported", vm.type_tp_name(v)))
    })
}

/// The C module's order of the signals in a context's repr: libmpdec's status bits from
/// the lowest (`mpd_lsnprint_signals`), the conditions making up InvalidOperation
/// (from bit 1 on) shown once, where the first of them is.
const SIGNAL_ORDER: [&str; 9] = [
    "Clamped",
    "InvalidOperation",
    "DivisionByZero",
    "Inexact",
    "FloatOperation",
    "Overflow",
    "Rounded",
    "Subnormal",
    "Underflow",
];

/// `Context.__repr__` listing the set flags and traps in the C module's order (the pure
/// module lists them in its dicts' order).
fn context_repr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = call_reworded(vm, "decimal.Context.__repr__", args, kw, &|_, _, _| None)?;
    let Some(text) = r.as_rstr().map(str::to_owned) else {
        return Ok(r);
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("=[") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let Some(j) = rest.find(']') else {
            break;
        };
        let mut names: Vec<&str> = rest[..j].split(", ").filter(|n| !n.is_empty()).collect();
        names.sort_by_key(|n| SIGNAL_ORDER.iter().position(|s| s == n).unwrap_or(SIGNAL_ORDER.len()));
        out.push_str(&names.join(", "));
        rest = &rest[j..];
    }
    out.push_str(rest);
    Ok(vm.new_string(out))
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
