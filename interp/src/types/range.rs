//! `range`: an immutable arithmetic sequence stored as (start, stop, step) int values,
//! which may be big ints. Every operation has an i64 fast path and an exact big-int path,
//! so `range(10**30)` works (and `len()` of it raises OverflowError, as in CPython).

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::cfg::CmpOp;
use crate::object::Payload;
use crate::types::iter::new_range_iter;
use crate::types::slice;
use crate::types::tuple::{descriptor_error, hash_items, no_args, one_arg};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The (start, stop, step) values of a range object.
pub fn parts(v: Value) -> Option<(Value, Value, Value)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) => Some((*start, *stop, *step)),
        _ => None,
    }
}

/// A range's fields as big ints, plus its length.
pub struct Big {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

fn to_big(vm: &Vm, v: Value) -> BigInt {
    vm.int_value(v).unwrap_or_default()
}

pub fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        BigInt::zero()
    }
}

/// (start, step, len) when all of them and every value fit an i64.
pub fn small_parts(r: Value) -> Option<(i64, i64, i64)> {
    let (a, b, c) = parts(r)?;
    let (start, stop, step) = (a.as_small_int()?, b.as_small_int()?, c.as_small_int()?);
    // Inline ints are 48-bit, so none of this can overflow.
    let len = if step > 0 {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Some((start, step, len))
}

pub fn big(vm: &Vm, r: Value) -> Option<Big> {
    let (a, b, c) = parts(r)?;
    let (start, stop, step) = (to_big(vm, a), to_big(vm, b), to_big(vm, c));
    let len = range_len(&start, &stop, &step);
    Some(Big { start, stop, step, len })
}

fn this(vm: &Vm, v: Value, method: &str) -> PyResult<Big> {
    big(vm, v).ok_or_else(|| descriptor_error(vm, method, "range", v))
}

fn to_int_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(v);
    }
    match slice::index_of(vm, v)? {
        Some(i) => Ok(vm.new_bigint(i)),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))),
    }
}

/// A new range object (arguments already ints).
pub fn new_range(vm: &Vm, start: Value, stop: Value, step: Value) -> Value {
    vm.alloc(vm.types.range, Payload::Range { start, stop, step })
}

fn range_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    crate::types::tuple::new_cls(vm, args, "range", vm.types.range)?;
    let args = &args[1..];
    if !kwargs.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let zero = vm.new_int(0);
    let one = vm.new_int(1);
    let (start, stop, step) = match args.len() {
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        1 => (zero, to_int_arg(vm, args[0])?, one),
        2 => (to_int_arg(vm, args[0])?, to_int_arg(vm, args[1])?, one),
        3 => {
            let a = to_int_arg(vm, args[0])?;
            let b = to_int_arg(vm, args[1])?;
            let c = to_int_arg(vm, args[2])?;
            if c.as_small_int() == Some(0) {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    Ok(new_range(vm, start, stop, step))
}

/// `len(range)`.
pub fn len(vm: &mut Vm, r: Value) -> PyResult<usize> {
    if let Some((_, _, n)) = small_parts(r) {
        return Ok(n as usize);
    }
    let b = this(vm, r, "__len__")?;
    match b.len.to_isize() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_len_m(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = len(vm, args[0])?;
    Ok(vm.new_int(n as i64))
}

fn range_bool(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = this(vm, args[0], "__bool__")?;
    Ok(Value::bool(!b.len.is_zero()))
}

/// `range[key]`.
pub fn getitem(vm: &mut Vm, r: Value, key: Value) -> PyResult<Value> {
    if let (Some((start, step, n)), Some(i)) = (small_parts(r), key.as_small_int()) {
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("range object index out of range"));
        }
        return Ok(vm.new_int(start + j * step));
    }
    let b = this(vm, r, "__getitem__")?;
    if slice::is_slice(key) {
        let (s0, s1, s2) = slice::long_indices(vm, key, &b.len)?;
        let start = &b.start + &s0 * &b.step;
        let stop = &b.start + &s1 * &b.step;
        let step = &b.step * &s2;
        let (a, c, d) = (vm.new_bigint(start), vm.new_bigint(stop), vm.new_bigint(step));
        return Ok(new_range(vm, a, c, d));
    }
    match slice::index_of(vm, key)? {
        Some(mut i) => {
            if i.is_negative() {
                i += &b.len;
            }
            if i.is_negative() || i >= b.len {
                return Err(vm.index_error("range object index out of range"));
            }
            Ok(vm.new_bigint(&b.start + i * &b.step))
        }
        None => Err(vm.type_error(format!("range indices must be integers or slices, not {}", vm.type_tp_name(key)))),
    }
}

fn range_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let key = one_arg(vm, "range.__getitem__", args, kwargs)?;
    getitem(vm, args[0], key)
}

/// Position of the int `x` in the range, if it is there.
fn int_position(b: &Big, x: &BigInt) -> Option<BigInt> {
    let in_bounds = if b.step.is_positive() { &b.start <= x && x < &b.stop } else { &b.stop < x && x <= &b.start };
    if !in_bounds {
        return None;
    }
    let off = x - &b.start;
    if (&off % &b.step).is_zero() {
        Some(off / &b.step)
    } else {
        None
    }
}

/// True for exact ints and bools, whose membership is arithmetic.
fn is_exact_int(vm: &Vm, v: Value) -> bool {
    v.is_small_int() || v.is_bool() || (v.as_bigint().is_some() && v.obj().class.get().is(vm.types.int))
}

/// `x in range`.
pub fn contains(vm: &mut Vm, r: Value, x: Value) -> PyResult<bool> {
    if let (Some((start, step, n)), Some(i)) = (small_parts(r), x.as_small_int()) {
        if n == 0 {
            return Ok(false);
        }
        let off = i - start;
        return Ok(off % step == 0 && (0..n).contains(&(off / step)));
    }
    let b = this(vm, r, "__contains__")?;
    if is_exact_int(vm, x) {
        let xi = vm.int_value(x).unwrap_or_default();
        return Ok(int_position(&b, &xi).is_some());
    }
    linear_find(vm, r, &b, x).map(|p| p.is_some())
}

/// Scans the range comparing with `==` (for non-int needles, as CPython does).
fn linear_find(vm: &mut Vm, r: Value, b: &Big, x: Value) -> PyResult<Option<BigInt>> {
    let it = new_range_iter(vm, &b.start, &b.step, &b.len);
    let mut i = BigInt::zero();
    while let Some(v) = vm.next(it)? {
        if vm.eq(v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    let _ = r;
    Ok(None)
}

fn range_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "range.__contains__", args, kwargs)?;
    Ok(Value::bool(contains(vm, args[0], x)?))
}

fn range_count(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "range.count", args, kwargs)?;
    let b = this(vm, args[0], "count")?;
    if is_exact_int(vm, x) {
        let xi = vm.int_value(x).unwrap_or_default();
        return Ok(vm.new_int(int_position(&b, &xi).is_some() as i64));
    }
    let it = new_range_iter(vm, &b.start, &b.step, &b.len);
    let mut n = 0i64;
    while let Some(v) = vm.next(it)? {
        if vm.eq(v, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn range_index(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "range.index", args, kwargs)?;
    let b = this(vm, args[0], "index")?;
    if is_exact_int(vm, x) {
        let xi = vm.int_value(x).unwrap_or_default();
        return match int_position(&b, &xi) {
            Some(p) => Ok(vm.new_bigint(p)),
            None => {
                let r = vm.repr_string(x)?;
                Err(vm.value_error(format!("{r} is not in range")))
            }
        };
    }
    match linear_find(vm, args[0], &b, x)? {
        Some(p) => Ok(vm.new_bigint(p)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if let Some((start, step, len)) = small_parts(args[0]) {
        return Ok(crate::types::iter::new_small_range_iter(vm, start, step, len as u64));
    }
    let b = this(vm, args[0], "__iter__")?;
    Ok(new_range_iter(vm, &b.start, &b.step, &b.len))
}

fn range_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if let Some((start, step, len)) = small_parts(args[0]) {
        // Inline ints are 48-bit: the last item and the negated step fit an i64.
        let last = start + (len - 1).max(0) * step;
        return Ok(crate::types::iter::new_small_range_iter(vm, last, -step, len as u64));
    }
    let b = this(vm, args[0], "__reversed__")?;
    let last = &b.start + (&b.len - 1) * &b.step;
    Ok(new_range_iter(vm, &last, &(-&b.step), &b.len))
}

fn range_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some((a, b, c)) = parts(args[0]) else {
        return Err(descriptor_error(vm, "__repr__", "range", args[0]));
    };
    let a = vm.repr_string(a)?;
    let b = vm.repr_string(b)?;
    let s = if c.as_small_int() == Some(1) {
        format!("range({a}, {b})")
    } else {
        let c = vm.repr_string(c)?;
        format!("range({a}, {b}, {c})")
    };
    Ok(vm.new_string(s))
}

fn ranges_equal(x: &Big, y: &Big) -> bool {
    if x.len != y.len {
        return false;
    }
    if x.len.is_zero() {
        return true;
    }
    if x.start != y.start {
        return false;
    }
    x.len.is_one() || x.step == y.step
}

fn range_cmp(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], op: CmpOp) -> PyResult<Value> {
    let other = one_arg(vm, "range.__eq__", args, kwargs)?;
    let x = this(vm, args[0], "__eq__")?;
    let Some(y) = big(vm, other) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let eq = args[0].is(other) || ranges_equal(&x, &y);
    Ok(Value::bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn range_eq(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    range_cmp(vm, args, kwargs, CmpOp::Eq)
}

fn range_ne(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    range_cmp(vm, args, kwargs, CmpOp::Ne)
}

fn range_hash(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "range.__hash__", args, kwargs)?;
    let Some((start, _, step)) = parts(args[0]) else {
        return Err(descriptor_error(vm, "__hash__", "range", args[0]));
    };
    let b = this(vm, args[0], "__hash__")?;
    let len = vm.new_bigint(b.len.clone());
    let items = if b.len.is_zero() {
        [len, Value::NONE, Value::NONE]
    } else if b.len.is_one() {
        [len, start, Value::NONE]
    } else {
        [len, start, step]
    };
    let h = hash_items(vm, &items)?;
    Ok(vm.new_int(h))
}

fn range_start(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    parts(args[0]).map(|p| p.0).ok_or_else(|| descriptor_error(vm, "start", "range", args[0]))
}

fn range_stop(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    parts(args[0]).map(|p| p.1).ok_or_else(|| descriptor_error(vm, "stop", "range", args[0]))
}

fn range_step(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    parts(args[0]).map(|p| p.2).ok_or_else(|| descriptor_error(vm, "step", "range", args[0]))
}

pub fn init(vm: &mut Vm) {
    let c = vm.types.range;
    vm.add_staticmethod(c, "__new__", range_new);
    vm.add_method(c, "__len__", range_len_m);
    vm.add_method(c, "__bool__", range_bool);
    vm.add_method(c, "__getitem__", range_getitem);
    vm.add_method(c, "__contains__", range_contains);
    vm.add_method(c, "__iter__", range_iter);
    vm.add_method(c, "__reversed__", range_reversed);
    vm.add_method(c, "__repr__", range_repr);
    vm.add_method(c, "__eq__", range_eq);
    vm.add_method(c, "__ne__", range_ne);
    vm.add_method(c, "__hash__", range_hash);
    vm.add_method(c, "count", range_count);
    vm.add_method(c, "index", range_index);
    vm.add_getter(c, "start", range_start);
    vm.add_getter(c, "stop", range_stop);
    vm.add_getter(c, "step", range_step);
}
