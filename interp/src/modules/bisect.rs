//! `_bisect`: `bisect_left`/`bisect_right` and `insort_left`/`insort_right`, with `lo`,
//! `hi` and `key=`, comparing with `<` as CPython does.

use crate::cfg::CmpOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::helpers_b::ssize_arg;

fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(i), Some(j)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(i < j);
    }
    let r = vm.compare(CmpOp::Lt, a, b)?;
    vm.truthy(r)
}

/// The item at `i` of the sequence (fast for lists).
fn item(vm: &mut Vm, seq: Value, i: usize) -> PyResult<Value> {
    if let Some(l) = seq.as_list() {
        if let Some(&v) = l.borrow().get(i) {
            return Ok(v);
        }
    }
    let k = vm.new_int(i as i64);
    vm.get_item(seq, k)
}

struct Args {
    a: Value,
    x: Value,
    lo: usize,
    hi: usize,
    key: Value,
}

fn parse(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Args> {
    let [a, x, lo, hi, key] = vm.bind_args(name, args, kw, ["a", "x", "lo", "hi", "key"], 2)?;
    if args.len() > 4 {
        return Err(vm.type_error(format!("{name}() takes at most 4 positional arguments ({} given)", args.len())));
    }
    let lo = if lo.is_null() { 0 } else { ssize_arg(vm, lo)? };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let mut hi = if hi.is_null() || hi.is_none() { -1 } else { ssize_arg(vm, hi)? };
    if hi == -1 {
        hi = vm.len(a)? as isize;
    }
    let key = if key.is_null() { Value::NONE } else { key };
    Ok(Args { a, x, lo: lo as usize, hi: hi.max(0) as usize, key })
}

/// Index where `x` goes: `right` puts it after equal items.
fn search(vm: &mut Vm, p: &Args, x: Value, right: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (p.lo, p.hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut v = item(vm, p.a, mid)?;
        if !p.key.is_none() {
            v = vm.call(p.key, &[v], &[])?;
        }
        if right {
            if less(vm, x, v)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if less(vm, v, x)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_impl(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)], right: bool) -> PyResult<Value> {
    let p = parse(vm, name, args, kw)?;
    let i = search(vm, &p, p.x, right)?;
    Ok(vm.new_int(i as i64))
}

fn insort_impl(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)], right: bool) -> PyResult<Value> {
    let p = parse(vm, name, args, kw)?;
    let kx = if p.key.is_none() { p.x } else { vm.call(p.key, &[p.x], &[])? };
    let i = search(vm, &p, kx, right)?;
    if let Some(l) = p.a.as_list().filter(|_| vm.type_of(p.a).is(vm.types.list)) {
        let mut l = l.borrow_mut();
        let i = i.min(l.len());
        l.insert(i, p.x);
        return Ok(Value::NONE);
    }
    let iv = vm.new_int(i as i64);
    vm.call_method(p.a, "insert", &[iv, p.x])?;
    Ok(Value::NONE)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    bisect_impl(vm, "bisect_right", args, kw, true)
}
fn bisect_left(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    bisect_impl(vm, "bisect_left", args, kw, false)
}
fn insort_right(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    insort_impl(vm, "insort_right", args, kw, true)
}
fn insort_left(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    insort_impl(vm, "insort_left", args, kw, false)
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(super::new_module(
        vm,
        "_bisect",
        &[
            ("bisect_right", bisect_right),
            ("bisect_left", bisect_left),
            ("insort_right", insort_right),
            ("insort_left", insort_left),
        ],
    ))
}
