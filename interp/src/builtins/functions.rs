//! The builtin functions (`len`, `print`, `min`, `sorted`, ...).
//!
//! Each is a `NativeFn` registered in the builtins module by `super::init`. They go
//! through the object protocol on `Vm` (so user classes' dunders are honoured) and keep
//! fast paths for the inline ints and floats that dominate real programs. Error messages
//! are CPython 3.11's, word for word.

use std::cell::Cell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::cfg::{BinOp, CmpOp};
use crate::impl_native;
use crate::object::{Layout, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::io;

fn exactly_one(vm: &Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs(name, kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(args[0])
}

/// Argument count check in the "f expected at least/most N arguments, got M" style.
fn arg_count(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        if min == max {
            return Err(vm.type_error(format!("{name} expected {min} argument{}, got {n}", plural(min))));
        }
        return Err(vm.type_error(format!("{name} expected at least {min} argument{}, got {n}", plural(min))));
    }
    if n > max {
        if min == max {
            return Err(vm.type_error(format!("{name} expected {max} argument{}, got {n}", plural(max))));
        }
        return Err(vm.type_error(format!("{name} expected at most {max} argument{}, got {n}", plural(max))));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Looks a special method up on the type (never the instance), as the interpreter does.
pub(crate) fn special(vm: &mut Vm, obj: Value, name: &str) -> Option<Value> {
    let k = vm.intern(name);
    let t = vm.type_of(obj);
    vm.lookup_type(t, k)
}

/// Calls a special method found on the type with `obj` as self.
fn call_special(vm: &mut Vm, f: Value, obj: Value, rest: &[Value]) -> PyResult<Value> {
    let mut args = Vec::with_capacity(rest.len() + 1);
    args.push(obj);
    args.extend_from_slice(rest);
    // Natives registered as plain functions on a class (rare) and staticmethod objects
    // are called as they are; everything else takes self first.
    vm.call(f, &args, &[])
}

fn attr_name(vm: &Vm, name: Value) -> PyResult<Value> {
    if name.as_pystr().is_some() {
        Ok(name)
    } else {
        Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_tp_name(name))))
    }
}

// ----- numbers -----

pub fn abs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "abs", args, kw)?;
    if let Some(i) = x.as_small_int() {
        return Ok(vm.new_int(i.abs()));
    }
    if let Some(f) = x.as_float() {
        return Ok(Value::float(f.abs()));
    }
    match special(vm, x, "__abs__") {
        Some(f) => call_special(vm, f, x, &[]),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_tp_name(x)))),
    }
}

/// `a op b` through `__op__`/`__rop__` for operators the `BinOp` set does not cover
/// (`divmod`, three-argument `pow`'s two-argument fallback).
fn binary_special(vm: &mut Vm, a: Value, b: Value, name: &str, rname: &str, shown: &str) -> PyResult<Value> {
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let fa = special(vm, a, name);
    let fb = if ta.is(tb) { None } else { special(vm, b, rname) };
    // A subclass's reflected method wins when it overrides the base's.
    if let Some(g) = fb {
        if vm.is_subclass(tb, ta) && !special(vm, a, rname).is_some_and(|x| x.is(g)) {
            let r = vm.call(g, &[b, a], &[])?;
            if !r.is(Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
            return fallback_forward(vm, a, b, fa, shown);
        }
    }
    if let Some(f) = fa {
        let r = vm.call(f, &[a, b], &[])?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    if let Some(g) = fb {
        let r = vm.call(g, &[b, a], &[])?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for {shown}: '{}' and '{}'",
        vm.type_tp_name(a),
        vm.type_tp_name(b)
    )))
}

fn fallback_forward(vm: &mut Vm, a: Value, b: Value, fa: Option<Value>, shown: &str) -> PyResult<Value> {
    if let Some(f) = fa {
        let r = vm.call(f, &[a, b], &[])?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for {shown}: '{}' and '{}'",
        vm.type_tp_name(a),
        vm.type_tp_name(b)
    )))
}

pub fn divmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("divmod", kw)?;
    arg_count(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        if y == 0 {
            return Err(vm.zero_division_error("integer division or modulo by zero"));
        }
        let (q, r) = x.div_mod_floor(&y);
        let (q, r) = (vm.new_int(q), vm.new_int(r));
        return Ok(vm.new_tuple(vec![q, r]));
    }
    binary_special(vm, a, b, "__divmod__", "__rdivmod__", "divmod()")
}

pub fn pow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [base, exp, m] = vm.bind_args("pow", args, kw, ["base", "exp", "mod"], 2)?;
    if m.is_null() || m.is_none() {
        return vm.binary_op(BinOp::Pow, base, exp);
    }
    if let (Some(b), Some(e), Some(md)) = (vm.int_value(base), vm.int_value(exp), vm.int_value(m)) {
        return int_modpow(vm, b, e, md);
    }
    let is_num = |vm: &Vm, v: Value| {
        v.is_float()
            || vm.int_value(v).is_some()
            || vm.isinstance(v, vm.types.float)
            || vm.isinstance(v, vm.types.complex)
    };
    if is_num(vm, base) && is_num(vm, exp) && is_num(vm, m) {
        // CPython tries the slots of base, exp and mod in turn: int's declines, float's
        // refuses any modulus, complex's refuses it with "complex modulo".
        for v in [base, exp, m] {
            if vm.isinstance(v, vm.types.complex) {
                return Err(vm.value_error("complex modulo"));
            }
            if v.is_float() || vm.isinstance(v, vm.types.float) {
                break;
            }
        }
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    if let Some(f) = special(vm, base, "__pow__") {
        let r = vm.call(f, &[base, exp, m], &[])?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_tp_name(base),
        vm.type_tp_name(exp),
        vm.type_tp_name(m)
    )))
}

/// `pow(b, e, m)` for ints; the result has the sign of `m` like Python's `%`.
fn int_modpow(vm: &mut Vm, b: BigInt, e: BigInt, m: BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut base = b.mod_floor(&am);
    let mut e = e;
    if e.is_negative() {
        base = match mod_inverse(&base, &am) {
            Some(inv) => inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        };
        e = -e;
    }
    let mut r = if am.is_one() { BigInt::zero() } else { base.modpow(&e, &am) };
    if m.is_negative() && !r.is_zero() {
        r -= &am;
    }
    Ok(vm.new_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

pub fn round(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [number, ndigits] = vm.bind_args("round", args, kw, ["number", "ndigits"], 1)?;
    let Some(f) = special(vm, number, "__round__") else {
        return Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_tp_name(number))));
    };
    if ndigits.is_null() || ndigits.is_none() {
        call_special(vm, f, number, &[])
    } else {
        call_special(vm, f, number, &[ndigits])
    }
}

/// The int value of an `__index__`-able object.
fn index_bigint(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = vm.int_value(v) {
        return Ok(i);
    }
    let Some(f) = special(vm, v, "__index__") else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v))));
    };
    let r = call_special(vm, f, v, &[])?;
    match vm.int_value(r) {
        Some(i) if !r.is_bool() => Ok(i),
        _ => Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_tp_name(r)))),
    }
}

fn radix_repr(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &str,
    radix: u32,
    prefix: &str,
) -> PyResult<Value> {
    let x = exactly_one(vm, name, args, kw)?;
    let i = index_bigint(vm, x)?;
    let digits = i.magnitude().to_str_radix(radix);
    let sign = if i.is_negative() { "-" } else { "" };
    Ok(vm.new_string(format!("{sign}{prefix}{digits}")))
}

pub fn hex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    radix_repr(vm, args, kw, "hex", 16, "0x")
}

pub fn oct(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    radix_repr(vm, args, kw, "oct", 8, "0o")
}

pub fn bin(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    radix_repr(vm, args, kw, "bin", 2, "0b")
}

/// `sum(iterable, /, start=0)`: inline ints are added in an `i64` and floats in an `f64`
/// until something else turns up; then the generic `+` takes over, and the fast paths
/// resume whenever the running total is an inline number again.
pub fn sum(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({} given)", args.len())));
    }
    let mut start = args.get(1).copied().unwrap_or(Value::NULL);
    for (k, v) in kw {
        match k.as_rstr() {
            Some("start") if start.is_null() => start = *v,
            Some("start") => return Err(vm.type_error("argument for sum() given by name ('start') and position (2)")),
            Some(other) => return Err(vm.type_error(format!("sum() got an unexpected keyword argument '{other}'"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    if start.is_null() {
        start = Value::small_int(0).unwrap_or(Value::NONE);
    }
    enum Acc {
        Int(i64),
        Float(f64),
        Obj(Value),
    }
    let classify = |v: Value| {
        if let Some(i) = v.as_small_int() {
            Acc::Int(i)
        } else if let Some(f) = v.as_float() {
            Acc::Float(f)
        } else {
            Acc::Obj(v)
        }
    };
    let mut acc = classify(start);
    // An exact list or tuple is read by index, without an iterator object (a list is
    // re-read at each step, so a list changed by an `__add__` behaves as with iter()).
    let seq = args[0];
    let exact_seq = seq.is_obj() && {
        let c = seq.obj().class.get();
        c.is(vm.types.list) || c.is(vm.types.tuple)
    };
    // As CPython: the iterable is checked before the start value.
    let it = if exact_seq { Value::NULL } else { vm.iter(seq)? };
    if let Some(o) = start.as_obj() {
        let msg = match o.payload {
            Payload::Str(_) => Some("sum() can't sum strings [use ''.join(seq) instead]"),
            Payload::Bytes(_) => Some("sum() can't sum bytes [use b''.join(seq) instead]"),
            Payload::ByteArray(_) => Some("sum() can't sum bytearray [use b''.join(seq) instead]"),
            _ => None,
        };
        if let Some(m) = msg {
            return Err(vm.type_error(m));
        }
    }
    let mut index = 0usize;
    loop {
        let next = if exact_seq {
            index += 1;
            match seq.as_tuple() {
                Some(t) => t.get(index - 1).copied(),
                None => seq.as_list().and_then(|l| l.borrow().get(index - 1).copied()),
            }
        } else {
            vm.next(it)?
        };
        let Some(item) = next else { break };
        acc = match acc {
            Acc::Int(a) => {
                if let Some(b) = item.as_small_int().or_else(|| item.as_bool().map(|b| b as i64)) {
                    match a.checked_add(b) {
                        Some(s) => Acc::Int(s),
                        None => Acc::Obj(vm.new_bigint(BigInt::from(a) + b)),
                    }
                } else if let Some(f) = item.as_float() {
                    Acc::Float(a as f64 + f)
                } else {
                    let av = vm.new_int(a);
                    classify(vm.binary_op(BinOp::Add, av, item)?)
                }
            }
            Acc::Float(a) => {
                if let Some(f) = item.as_float() {
                    Acc::Float(a + f)
                } else if let Some(i) = item.as_small_int() {
                    Acc::Float(a + i as f64)
                } else {
                    classify(vm.binary_op(BinOp::Add, Value::float(a), item)?)
                }
            }
            Acc::Obj(a) => classify(vm.binary_op(BinOp::Add, a, item)?),
        };
    }
    Ok(match acc {
        Acc::Int(i) => vm.new_int(i),
        Acc::Float(f) => Value::float(f),
        Acc::Obj(v) => v,
    })
}

fn min_max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    for (k, v) in kw {
        match k.as_rstr() {
            Some("key") => key = *v,
            Some("default") => default = *v,
            Some(other) => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for {name}()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if args.len() > 1 && !default.is_null() {
        return Err(vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
    }
    let op = if is_max { CmpOp::Gt } else { CmpOp::Lt };
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let k = if key.is_none() { item } else { vm.call(key, &[item], &[])? };
        match best {
            None => best = Some((item, k)),
            Some((_, bk)) => {
                let better = match (k.as_small_int(), bk.as_small_int()) {
                    (Some(a), Some(b)) => {
                        if is_max {
                            a > b
                        } else {
                            a < b
                        }
                    }
                    _ => {
                        let r = vm.compare(op, k, bk)?;
                        vm.truthy(r)?
                    }
                };
                if better {
                    best = Some((item, k));
                }
            }
        }
        Ok(())
    };
    if args.len() == 1 {
        let it = vm.iter(args[0])?;
        while let Some(item) = vm.next(it)? {
            consider(vm, item)?;
        }
    } else {
        for &item in args {
            consider(vm, item)?;
        }
    }
    match best {
        Some((v, _)) => Ok(v),
        None if !default.is_null() => Ok(default),
        None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

pub fn max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, true)
}

pub fn min(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, false)
}

// ----- iteration -----

pub fn all(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "all", args, kw)?;
    let it = vm.iter(x)?;
    while let Some(v) = vm.next(it)? {
        if !vm.truthy(v)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

pub fn any(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "any", args, kw)?;
    let it = vm.iter(x)?;
    while let Some(v) = vm.next(it)? {
        if vm.truthy(v)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

pub fn len(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "len", args, kw)?;
    let n = vm.len(x)?;
    Ok(vm.new_int(n as i64))
}

/// The iterator `iter(callable, sentinel)` returns.
pub struct CallableIter {
    func: Cell<Value>,
    sentinel: Value,
}

impl_native!(CallableIter, |s, visit| {
    visit(s.func.get());
    visit(s.sentinel);
});

pub fn iter(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("iter", kw)?;
    arg_count(vm, "iter", args, 1, 2)?;
    if args.len() == 1 {
        return vm.iter(args[0]);
    }
    if !is_callable(vm, args[0]) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    let cls = vm.extra_types["callable_iterator"];
    Ok(vm.new_native(cls, CallableIter { func: Cell::new(args[0]), sentinel: args[1] }))
}

fn callable_iter_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(ci) = args.first().and_then(|v| v.as_obj()).and_then(|o| o.native::<CallableIter>()) else {
        return Err(vm.type_error("descriptor '__next__' requires a 'callable_iterator' object"));
    };
    let f = ci.func.get();
    if f.is_null() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    let sentinel = ci.sentinel;
    let v = match vm.call(f, &[], &[]) {
        Ok(v) => v,
        Err(e) if vm.err_matches(&e, vm.exc.stop_iteration) => {
            ci.func.set(Value::NULL);
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    if vm.eq(v, sentinel)? {
        ci.func.set(Value::NULL);
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(v)
}

fn identity(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args.first().copied().unwrap_or(Value::NONE))
}

pub fn next(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("next", kw)?;
    arg_count(vm, "next", args, 1, 2)?;
    let it = args[0];
    let Some(f) = special(vm, it, "__next__") else {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_tp_name(it))));
    };
    match call_special(vm, f, it, &[]) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 2 && vm.err_matches(&e, vm.exc.stop_iteration) => Ok(args[1]),
        Err(e) => Err(e),
    }
}

pub fn aiter(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "aiter", args, kw)?;
    match special(vm, x, "__aiter__") {
        Some(f) => call_special(vm, f, x, &[]),
        None => Err(vm.type_error(format!("'{}' object is not an async iterable", vm.type_tp_name(x)))),
    }
}

pub fn anext(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("anext", kw)?;
    arg_count(vm, "anext", args, 1, 2)?;
    if args.len() == 2 {
        return Err(vm.not_implemented_error("anext() with a default is not supported yet"));
    }
    let x = args[0];
    match special(vm, x, "__anext__") {
        Some(f) => call_special(vm, f, x, &[]),
        None => Err(vm.type_error(format!("'{}' object is not an async iterator", vm.type_tp_name(x)))),
    }
}

pub fn sorted(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let items = vm.collect(args[0])?;
    let l = vm.new_list(items);
    let k = vm.intern("sort");
    let sort = vm.get_attr(l, k)?;
    vm.call(sort, &[], kw)?;
    Ok(l)
}

// ----- objects and attributes -----

pub fn getattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("getattr", kw)?;
    arg_count(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, args[1])?;
    if args.len() == 3 {
        match vm.get_attr_opt(args[0], name)? {
            Some(v) => Ok(v),
            None => Ok(args[2]),
        }
    } else {
        vm.get_attr(args[0], name)
    }
}

pub fn setattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("setattr", kw)?;
    arg_count(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, args[1])?;
    let name = vm.intern_value(name);
    vm.set_attr(args[0], name, args[2])?;
    Ok(Value::NONE)
}

pub fn delattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("delattr", kw)?;
    arg_count(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    vm.del_attr(args[0], name)?;
    Ok(Value::NONE)
}

pub fn hasattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("hasattr", kw)?;
    arg_count(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    Ok(Value::bool(vm.get_attr_opt(args[0], name)?.is_some()))
}

pub(crate) fn is_callable(vm: &mut Vm, v: Value) -> bool {
    if let Some(o) = v.as_obj() {
        if matches!(
            o.payload,
            Payload::Function(_) | Payload::NativeFunction(_) | Payload::BoundMethod { .. } | Payload::Class(_)
        ) {
            return true;
        }
    }
    special(vm, v, "__call__").is_some()
}

pub fn callable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "callable", args, kw)?;
    Ok(Value::bool(is_callable(vm, x)))
}

pub fn hash(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "hash", args, kw)?;
    let h = vm.hash(x)?;
    Ok(vm.new_int(h))
}

/// Heap objects answer their address. Inline values (ints, floats, None...) have no
/// address; they answer 2^64 plus their bit pattern, which is stable, equal exactly when
/// the values are identical (`is`), and never collides with an address (< 2^48).
pub fn id(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "id", args, kw)?;
    if x.is_obj() {
        return Ok(vm.new_int(x.obj_ptr() as usize as i64));
    }
    Ok(vm.new_bigint((BigInt::one() << 64u32) + BigInt::from(x.bits())))
}

pub fn repr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "repr", args, kw)?;
    vm.repr(x)
}

/// Escapes non-ASCII characters the way `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xFF {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xFFFF {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

pub fn ascii(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "ascii", args, kw)?;
    let r = vm.repr(x)?;
    match r.as_rstr() {
        Some(s) if s.is_ascii() => Ok(r),
        Some(s) => {
            let e = ascii_escape(s);
            Ok(vm.new_string(e))
        }
        None => Ok(r),
    }
}

/// The type named in argument clinic's "argument N must be T, not X": `None` for None.
fn arg_type_name(vm: &Vm, v: Value) -> String {
    if v.is_none() {
        "None".to_owned()
    } else {
        vm.type_name(v)
    }
}

pub fn format(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() && kw.is_empty() {
        return Err(vm.type_error("format expected at least 1 argument, got 0"));
    }
    let [value, spec] = vm.bind_args("format", args, kw, ["value", "format_spec"], 1)?;
    let spec = if spec.is_null() {
        vm.empty_str
    } else if spec.as_pystr().is_some() {
        spec
    } else {
        return Err(vm.type_error(format!("format() argument 2 must be str, not {}", arg_type_name(vm, spec))));
    };
    vm.format(value, spec)
}

pub fn chr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "chr", args, kw)?;
    if x.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = index_bigint(vm, x)?;
    let Some(i) = i.to_i64().filter(|i| i32::try_from(*i).is_ok()) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if !(0..0x110000).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            Ok(vm.new_str(c.encode_utf8(&mut b)))
        }
        None => Err(vm.not_implemented_error("lone surrogate code points in str are not supported")),
    }
}

pub fn ord(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = exactly_one(vm, "ord", args, kw)?;
    let (n, code) = match x.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => (s.char_len, s.as_str().chars().next().map(|c| c as i64)),
        Some(Payload::Bytes(b)) => (b.len(), b.first().map(|&c| c as i64)),
        Some(Payload::ByteArray(b)) => {
            let b = b.borrow();
            (b.len(), b.first().map(|&c| c as i64))
        }
        _ => {
            return Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_tp_name(x))));
        }
    };
    match code {
        Some(c) if n == 1 => Ok(vm.new_int(c)),
        _ => Err(vm.type_error(format!("ord() expected a character, but string of length {n} found"))),
    }
}

// ----- isinstance / issubclass -----

pub fn isinstance(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("isinstance", kw)?;
    arg_count(vm, "isinstance", args, 2, 2)?;
    Ok(Value::bool(crate::eval::class::isinstance(vm, args[0], args[1])?))
}

pub fn issubclass(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("issubclass", kw)?;
    arg_count(vm, "issubclass", args, 2, 2)?;
    Ok(Value::bool(crate::eval::class::issubclass(vm, args[0], args[1])?))
}

// ----- namespaces -----

pub fn globals(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("globals", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("globals() takes no arguments ({} given)", args.len())));
    }
    Ok(super::caller_namespaces(vm)?.0)
}

pub fn locals(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("locals", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("locals() takes no arguments ({} given)", args.len())));
    }
    Ok(super::caller_namespaces(vm)?.1)
}

pub fn vars(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("vars", kw)?;
    arg_count(vm, "vars", args, 0, 1)?;
    if args.is_empty() {
        return Ok(super::caller_namespaces(vm)?.1);
    }
    let k = vm.intern("__dict__");
    match vm.get_attr_opt(args[0], k)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

pub fn dir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("dir", kw)?;
    arg_count(vm, "dir", args, 0, 1)?;
    let names = if args.is_empty() {
        let locals = super::caller_namespaces(vm)?.1;
        if let Some(d) = locals.as_dict() {
            let keys = d.borrow().keys();
            let l = vm.new_list(keys);
            vm.call_method(l, "sort", &[])?;
            return Ok(l);
        }
        let k = vm.intern("keys");
        let keys = vm.get_attr(locals, k)?;
        let keys = vm.call(keys, &[], &[])?;
        vm.collect(keys)?
    } else {
        let x = args[0];
        match special(vm, x, "__dir__") {
            Some(f) => {
                let r = call_special(vm, f, x, &[])?;
                vm.collect(r)?
            }
            None => fallback_dir(vm, x)?,
        }
    };
    let l = vm.new_list(names);
    vm.call_method(l, "sort", &[])?;
    Ok(l)
}

/// Attribute names of an object when its class has no `__dir__`: its own attributes and
/// those of its class's MRO, without duplicates.
fn fallback_dir(vm: &mut Vm, x: Value) -> PyResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    let mut push = |vm: &mut Vm, k: Value| {
        let k = vm.intern_value(k);
        if !out.iter().any(|o| o.is(k)) {
            out.push(k);
        }
    };
    if let Some(a) = x.as_obj().and_then(|o| o.attrs.as_ref()) {
        let d = a.dict.get();
        let keys = if d.is_null() {
            a.items().into_iter().map(|(k, _)| k).collect()
        } else {
            d.as_dict().map(|d| d.borrow().keys()).unwrap_or_default()
        };
        for k in keys {
            push(vm, k);
        }
    }
    let classes: Vec<Value> = match x.as_class() {
        Some(c) => c.mro.borrow().clone(),
        None => {
            let t = vm.type_of(x);
            t.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default()
        }
    };
    if let Some(Payload::Module(m)) = x.as_obj().map(|o| &o.payload) {
        if let Some(d) = m.dict.as_dict() {
            let keys = d.borrow().keys();
            for k in keys {
                push(vm, k);
            }
        }
        return Ok(out);
    }
    for c in classes {
        let keys = c.as_class().and_then(|c| c.dict.as_dict().map(|d| d.borrow().keys())).unwrap_or_default();
        for k in keys {
            push(vm, k);
        }
    }
    Ok(out)
}

// ----- input and output -----

pub fn print(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut sep = Value::NONE;
    let mut end = Value::NONE;
    let mut file = Value::NONE;
    let mut flush = Value::FALSE;
    for (k, v) in kw {
        match k.as_rstr() {
            Some("sep") => sep = *v,
            Some("end") => end = *v,
            Some("file") => file = *v,
            Some("flush") => flush = *v,
            Some(other) => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for print()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    for (v, what) in [(sep, "sep"), (end, "end")] {
        if !v.is_none() && v.as_pystr().is_none() {
            return Err(vm.type_error(format!("{what} must be None or a string, not {}", vm.type_tp_name(v))));
        }
    }
    if file.is_none() {
        let k = vm.intern("stdout");
        file = match vm.sys.as_obj().map(|o| &o.payload) {
            Some(Payload::Module(m)) => vm.dict_get_str(m.dict, k).unwrap_or(Value::NULL),
            _ => Value::NULL,
        };
        if file.is_null() {
            return Err(vm.runtime_error("lost sys.stdout"));
        }
        if file.is_none() {
            return Ok(Value::NONE);
        }
    }
    let sep_s = sep.as_rstr().unwrap_or(" ").to_owned();
    let end_s = end.as_rstr().unwrap_or("\n").to_owned();
    if let Some(stream) = io::as_stream(&file) {
        // One write of the whole line: what CPython's buffered writer ends up doing. On the
        // way, CPython's recursion checks in CPython's order: `str()` of each argument that
        // is not a str, and each `write` call (see `io::write_call_levels`). Text of the
        // writes that passed is kept, except what a failed flush inside `write` drops.
        // `out[..flushed]` went through a flush (a write-through stream's write, or a newline
        // on a line-buffered one); a failing flush drops only what came after.
        let mut out = String::new();
        let mut flushed = 0;
        let write_checked = |vm: &Vm, out: &mut String, flushed: &mut usize, text: &str| -> PyResult<()> {
            io::check_native_call_depth(vm, 1)?;
            let levels = io::write_call_levels(stream, text);
            if let Err(e) = io::check_native_call_depth(vm, levels) {
                out.truncate(*flushed);
                return Err(e);
            }
            out.push_str(text);
            if levels > 1 {
                *flushed = out.len();
            }
            Ok(())
        };
        let mut r = Ok(());
        for (i, &a) in args.iter().enumerate() {
            if i > 0 {
                r = write_checked(vm, &mut out, &mut flushed, &sep_s);
                if r.is_err() {
                    break;
                }
            }
            match print_str(vm, a) {
                Ok(s) => r = write_checked(vm, &mut out, &mut flushed, s.as_rstr().unwrap_or("")),
                Err(e) => r = Err(e),
            }
            if r.is_err() {
                break;
            }
        }
        if r.is_ok() {
            r = write_checked(vm, &mut out, &mut flushed, &end_s);
        }
        if let Err(e) = r {
            if !out.is_empty() {
                io::stream_write_str(vm, stream, &out)?;
            }
            return Err(e);
        }
        io::stream_write_str(vm, stream, &out)?;
        if vm.truthy(flush)? {
            io::stream_flush(vm, stream)?;
        }
        return Ok(Value::NONE);
    }
    let k = vm.intern("write");
    let write = vm.get_attr(file, k)?;
    // A native `write` (io.StringIO's) is a recursion level of its own in CPython.
    let native_write = matches!(write.as_obj().map(|o| &o.payload), Some(Payload::NativeFunction(_)));
    let write_level = |vm: &Vm| if native_write { io::check_native_call_depth(vm, 1) } else { Ok(()) };
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            let s = vm.new_str(&sep_s);
            write_level(vm)?;
            vm.call(write, &[s], &[])?;
        }
        let s = print_str(vm, a)?;
        write_level(vm)?;
        vm.call(write, &[s], &[])?;
    }
    let e = vm.new_str(&end_s);
    write_level(vm)?;
    vm.call(write, &[e], &[])?;
    if vm.truthy(flush)? {
        vm.call_method(file, "flush", &[])?;
    }
    Ok(Value::NONE)
}

/// `str(a)` for `print`: CPython's `PyObject_Str`, which counts one recursion level ("while
/// getting the str of an object") for every argument that is not exactly a str, even ints;
/// `vm.str` does that accounting.
fn print_str(vm: &mut Vm, a: Value) -> PyResult<Value> {
    vm.str(a)
}

fn sys_stream(vm: &mut Vm, name: &str) -> Value {
    let k = vm.intern(name);
    match vm.sys.as_obj().map(|o| &o.payload) {
        Some(Payload::Module(m)) => vm.dict_get_str(m.dict, k).unwrap_or(Value::NONE),
        _ => Value::NONE,
    }
}

pub fn input(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("input", kw)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("input expected at most 1 argument, got {}", args.len())));
    }
    let stdin = sys_stream(vm, "stdin");
    let stdout = sys_stream(vm, "stdout");
    if stdin.is_none() {
        return Err(vm.runtime_error("input(): lost sys.stdin"));
    }
    if stdout.is_none() {
        return Err(vm.runtime_error("input(): lost sys.stdout"));
    }
    if let Some(&prompt) = args.first() {
        let p = vm.str(prompt)?;
        match io::as_stream(&stdout) {
            Some(s) => io::stream_write_str(vm, s, p.as_rstr().unwrap_or(""))?,
            None => {
                vm.call_method(stdout, "write", &[p])?;
            }
        }
    }
    match io::as_stream(&stdout) {
        Some(s) => {
            let _ = io::stream_flush(vm, s);
        }
        None => {
            vm.call_method(stdout, "flush", &[])?;
        }
    }
    let line = if io::as_stream(&stdin).is_some_and(|s| s.kind == io::Kind::Stdin && !s.binary) {
        io::stdin_readline(vm)?
    } else {
        let l = vm.call_method(stdin, "readline", &[])?;
        if l.as_pystr().is_none() {
            return Err(vm.type_error("object.readline() returned non-string"));
        }
        if l.as_rstr() == Some("") {
            None
        } else {
            Some(l)
        }
    };
    let Some(line) = line else {
        return Err(vm.err(vm.exc.eof_error, "EOF when reading a line"));
    };
    let s = line.as_rstr().unwrap_or("");
    match s.strip_suffix('\n') {
        Some(t) => Ok(vm.new_str(t)),
        None => Ok(line),
    }
}

pub fn breakpoint(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `help(...)`: what CPython's `site._Helper` does, `pydoc.help(...)` (the standard
/// library's pydoc, which pages to stdout when it is not a terminal).
pub fn help(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let pydoc = super::import::import_module(vm, "pydoc")?;
    let k = vm.intern("help");
    let f = vm.get_attr(pydoc, k)?;
    vm.call(f, args, kw)
}

// ----- exit/quit, copyright/credits/license -----

/// `exit`/`quit` (`_sitebuiltins.Quitter`) and `copyright`/`credits`/`license`
/// (`_sitebuiltins._Printer`): objects whose repr tells what to do and whose call acts.
pub struct SiteObject {
    name: &'static str,
    text: &'static str,
}

impl_native!(SiteObject, |s, visit| {});

const CREDITS: &str = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.";
const LICENSE: &str = "Type license() to see the full license text";
const LICENSE_FULL: &str = "Krait is distributed under the MIT license. The Python language it implements is \
developed by the Python Software Foundation; see https://docs.python.org/3/license.html.";

fn site_this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a SiteObject> {
    args.first()
        .and_then(|v| v.as_obj())
        .and_then(|o| o.native::<SiteObject>())
        .ok_or_else(|| vm.type_error("expected a site object"))
}

fn site_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = site_this(vm, args)?;
    let text = if s.name == "exit" || s.name == "quit" {
        format!("Use {}() or Ctrl-D (i.e. EOF) to exit", s.name)
    } else {
        s.text.to_owned()
    };
    Ok(vm.new_string(text))
}

fn site_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = site_this(vm, args)?;
    if s.name == "exit" || s.name == "quit" {
        let [code] = vm.bind_args(s.name, &args[1..], kw, ["code"], 0)?;
        let code = if code.is_null() { Value::NONE } else { code };
        let cls = vm.exc.system_exit;
        let e = vm.call(cls, &[code], &[])?;
        return Err(PyErr(e));
    }
    let text = if s.name == "license" { LICENSE_FULL } else { s.text };
    super::sys::write_to_sys_stream(vm, "stdout", &format!("{text}\n"))?;
    Ok(Value::NONE)
}

/// The builtins CPython calls with a recursion check of their own, "while calling a Python
/// object": those taking one argument (`METH_O`: `cfunction_vectorcall_O`, and the
/// interpreter's specialized `PRECALL_NO_KW_BUILTIN_O`) or an argument tuple (`max`, `min`,
/// `dir`, `vars`: `METH_VARARGS`, called through `tp_call`). The level is held while the
/// builtin runs, so `__repr__` calling `repr(self)` recurses three levels at a time
/// (`repr()`, `PyObject_Repr`, the frame), and the limit is hit where CPython hits it.
/// `len` is left out: the specialized `PRECALL_NO_KW_LEN` that runs a recursive `__len__`
/// skips the check. Registered in place of the plain functions, which Rust code calls
/// without the level (as CPython's C code calls the functions behind them).
pub(crate) mod c_level {
    use crate::value::Value;
    use crate::vm::{PyResult, Vm};

    macro_rules! counted {
        ($($name:ident),* $(,)?) => {$(
            pub fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                crate::types::list::enter_recursion(vm, " while calling a Python object")?;
                let r = super::$name(vm, args, kw);
                crate::types::list::leave_recursion(vm);
                r
            }
        )*};
    }

    counted!(abs, aiter, all, any, ascii, bin, callable, chr, dir, hash, hex, id, max, min, oct, ord, repr, vars);
}

/// Creates the helper classes and registers every builtin function in the builtins
/// module.
pub fn register(vm: &mut Vm) {
    let b = vm.builtins;
    let fns: &[(&'static str, crate::vm::NativeFn)] = &[
        ("abs", c_level::abs),
        ("aiter", c_level::aiter),
        ("all", c_level::all),
        ("anext", anext),
        ("any", c_level::any),
        ("ascii", c_level::ascii),
        ("bin", c_level::bin),
        ("breakpoint", breakpoint),
        ("callable", c_level::callable),
        ("chr", c_level::chr),
        ("delattr", delattr),
        ("dir", c_level::dir),
        ("divmod", divmod),
        ("format", format),
        ("getattr", getattr),
        ("globals", globals),
        ("hasattr", hasattr),
        ("hash", c_level::hash),
        ("help", help),
        ("hex", c_level::hex),
        ("id", c_level::id),
        ("input", input),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("len", len),
        ("locals", locals),
        ("max", c_level::max),
        ("min", c_level::min),
        ("next", next),
        ("oct", c_level::oct),
        ("open", io::builtin_open),
        ("ord", c_level::ord),
        ("pow", pow),
        ("print", print),
        ("repr", c_level::repr),
        ("round", round),
        ("setattr", setattr),
        ("sorted", sorted),
        ("sum", sum),
        ("vars", c_level::vars),
        ("__import__", super::import::builtin_import),
        ("exec", super::exec::builtin_exec),
        ("eval", super::exec::builtin_eval),
        ("compile", super::exec::builtin_compile),
    ];
    for &(name, f) in fns {
        vm.add_function(b, name, f);
    }

    let object = vm.types.object;
    let ci = vm.new_builtin_class("callable_iterator", object, Layout::Other, 0);
    vm.add_method(ci, "__iter__", identity);
    vm.add_method(ci, "__next__", callable_iter_next);

    let quitter = vm.new_builtin_class("Quitter", object, Layout::Other, 0);
    let printer = vm.new_builtin_class("_Printer", object, Layout::Other, 0);
    let k = vm.intern("__module__");
    let m = vm.intern("_sitebuiltins");
    for c in [quitter, printer] {
        vm.set_class_or_module_attr(c, k, m);
        vm.add_method(c, "__repr__", site_repr);
        vm.add_method(c, "__call__", site_call);
    }
    let copyright = "Copyright (c) 2001-2022 Python Software Foundation.\nAll Rights Reserved.\n\n\
Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n\
Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";
    for (name, cls, text) in [
        ("exit", quitter, ""),
        ("quit", quitter, ""),
        ("copyright", printer, copyright),
        ("credits", printer, CREDITS),
        ("license", printer, LICENSE),
    ] {
        let v = vm.new_native(cls, SiteObject { name, text });
        let k = vm.intern(name);
        vm.set_class_or_module_attr(b, k, v);
    }

    let mv = vm.new_builtin_class("memoryview", object, Layout::Other, 0);
    super::memoryview::register(vm, mv);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_escapes() {
        assert_eq!(ascii_escape("a\u{e9}\u{1234}\u{12345}"), "a\\xe9\\u1234\\U00012345");
    }
}
