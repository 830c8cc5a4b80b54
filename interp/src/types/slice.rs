//! `slice`, and the index conversions every sequence type shares.
//!
//! Slice bounds may be arbitrary ints (`l[:10**30]`) or objects with `__index__`. Sequence
//! indexing clamps them to the machine range the way CPython's `_PyEval_SliceIndex` does,
//! while `slice.indices()` and range slicing work on exact big ints, so both resolutions
//! live here.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::cfg::CmpOp;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `operator.index(v)` as a big int, or `None` when `v` has no `__index__`.
pub fn index_of(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    if let Some(i) = vm.int_value(v) {
        return Ok(Some(i));
    }
    let ty = vm.type_of(v);
    let name = crate::eval::attr::names().__index__;
    let Some(f) = vm.lookup_type(ty, name) else {
        return Ok(None);
    };
    if f.is_none() {
        return Ok(None);
    }
    let r = vm.call(f, &[v], &[])?;
    match vm.int_value(r) {
        Some(i) => Ok(Some(i)),
        None => Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_tp_name(r)))),
    }
}

/// True when `v` has an `__index__` (ints, bools and objects whose class defines it).
pub fn has_index(vm: &mut Vm, v: Value) -> bool {
    if v.is_small_int() || v.is_bool() || v.as_bigint().is_some() {
        return true;
    }
    if !v.is_obj() {
        return false;
    }
    let ty = vm.type_of(v);
    let name = crate::eval::attr::names().__index__;
    matches!(vm.lookup_type(ty, name), Some(f) if !f.is_none())
}

/// Clamps a big int to the `isize` range (CPython's slice-index clamping).
pub fn clamp_isize(i: &BigInt) -> isize {
    match i.to_isize() {
        Some(x) => x,
        None if i.is_negative() => isize::MIN,
        None => isize::MAX,
    }
}

/// A sequence index: `Ok(Some(i))` for index-like `v` (IndexError "cannot fit 'int' into
/// an index-sized integer" when it does not fit), `Ok(None)` when `v` is not index-like.
pub fn seq_index(vm: &mut Vm, v: Value) -> PyResult<Option<isize>> {
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i as isize));
    }
    if is_slice(v) {
        // Not index-like (`slice` has no `__index__` and cannot be subclassed or
        // changed): the common case of `seq[a:b]`, answered without the type lookup.
        return Ok(None);
    }
    match index_of(vm, v)? {
        Some(i) => match i.to_isize() {
            Some(x) => Ok(Some(x)),
            None => Err(vm.index_error(format!("cannot fit '{}' into an index-sized integer", vm.type_tp_name(v)))),
        },
        None => Ok(None),
    }
}

/// The (start, stop, step) Values of a slice object.
pub fn parts(slice: Value) -> Option<(Value, Value, Value)> {
    match slice.as_obj().map(|o| &o.payload) {
        Some(Payload::Slice { start, stop, step }) => Some((*start, *stop, *step)),
        _ => None,
    }
}

pub fn is_slice(v: Value) -> bool {
    parts(v).is_some()
}

pub fn new_slice(vm: &Vm, start: Value, stop: Value, step: Value) -> Value {
    vm.alloc(vm.types.slice, Payload::Slice { start, stop, step })
}

fn bound(vm: &mut Vm, v: Value) -> PyResult<Option<isize>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i as isize));
    }
    match index_of(vm, v)? {
        Some(i) => Ok(Some(clamp_isize(&i))),
        None => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// Resolves a slice object against a sequence of length `len` like `slice.indices`:
/// (start, stop, step, number of selected items). ValueError when step is 0.
pub fn indices(vm: &mut Vm, slice: Value, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let Some((start, stop, step)) = parts(slice) else {
        return Err(vm.type_error("expected a slice object"));
    };
    let step = match bound(vm, step)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        // -isize::MAX keeps `-step` representable.
        Some(s) => s.max(-isize::MAX),
    };
    let start = bound(vm, start)?;
    let stop = bound(vm, stop)?;
    Ok(adjust(len as isize, start, stop, step))
}

/// CPython's `PySlice_AdjustIndices`, with `None` bounds defaulted by the step's sign.
pub fn adjust(len: isize, start: Option<isize>, stop: Option<isize>, step: isize) -> (isize, isize, isize, usize) {
    let clampb = |b: Option<isize>, dflt_neg: isize, dflt_pos: isize| -> isize {
        match b {
            None => {
                if step < 0 {
                    dflt_neg
                } else {
                    dflt_pos
                }
            }
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let start = clampb(start, len - 1, 0);
    let stop = clampb(stop, -1, len);
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, step, n)
}

fn long_bound(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    match index_of(vm, v)? {
        Some(i) => Ok(Some(i)),
        None => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// `slice.indices(length)` on exact ints: (start, stop, step), each clamped into the
/// sequence like CPython's `_PySlice_GetLongIndices`.
pub fn long_indices(vm: &mut Vm, slice: Value, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let Some((start, stop, step)) = parts(slice) else {
        return Err(vm.type_error("expected a slice object"));
    };
    let step = match long_bound(vm, step)? {
        None => BigInt::one(),
        Some(s) if s.is_zero() => return Err(vm.value_error("slice step cannot be zero")),
        Some(s) => s,
    };
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), length - 1) } else { (BigInt::zero(), length.clone()) };
    let fix = |b: Option<BigInt>, dflt: &BigInt| -> BigInt {
        match b {
            None => dflt.clone(),
            Some(mut x) => {
                if x.is_negative() {
                    x += length;
                    if x < lower {
                        x = lower.clone();
                    }
                } else if x > upper {
                    x = upper.clone();
                }
                x
            }
        }
    };
    let start = long_bound(vm, start)?;
    let stop = long_bound(vm, stop)?;
    let start = fix(start, if neg { &upper } else { &lower });
    let stop = fix(stop, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

fn slice_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    crate::types::tuple::new_cls(vm, args, "slice", vm.types.slice)?;
    let args = &args[1..];
    if !kwargs.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    match args.len() {
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        1 => Ok(new_slice(vm, Value::NONE, args[0], Value::NONE)),
        2 => Ok(new_slice(vm, args[0], args[1], Value::NONE)),
        3 => Ok(new_slice(vm, args[0], args[1], args[2])),
        n => Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    }
}

fn this(vm: &Vm, v: Value, method: &str) -> PyResult<(Value, Value, Value)> {
    parts(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{method}' for 'slice' objects doesn't apply to a '{}' object",
            vm.type_tp_name(v)
        ))
    })
}

fn slice_start(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this(vm, args[0], "start")?.0)
}

fn slice_stop(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this(vm, args[0], "stop")?.1)
}

fn slice_step(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this(vm, args[0], "step")?.2)
}

fn slice_indices(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("slice.indices", kwargs)?;
    this(vm, args[0], "indices")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let Some(len) = index_of(vm, args[1])? else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(args[1]))));
    };
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c) = long_indices(vm, args[0], &len)?;
    let items = vec![vm.new_bigint(a), vm.new_bigint(b), vm.new_bigint(c)];
    Ok(vm.new_tuple(items))
}

fn slice_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (a, b, c) = this(vm, args[0], "__repr__")?;
    let a = vm.repr_string(a)?;
    let b = vm.repr_string(b)?;
    let c = vm.repr_string(c)?;
    Ok(vm.new_string(format!("slice({a}, {b}, {c})")))
}

fn slice_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (parts(args[0]), args.get(1).and_then(|v| parts(*v))) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if args[0].is(args[1]) {
        return Ok(Value::bool(matches!(op, CmpOp::Eq | CmpOp::Le | CmpOp::Ge)));
    }
    let ta = [a.0, a.1, a.2];
    let tb = [b.0, b.1, b.2];
    crate::types::tuple::compare_slices(vm, &ta, &tb, op)
}

macro_rules! cmp_fn {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            slice_cmp(vm, args, $op)
        }
    };
}
cmp_fn!(slice_eq, CmpOp::Eq);
cmp_fn!(slice_ne, CmpOp::Ne);
cmp_fn!(slice_lt, CmpOp::Lt);
cmp_fn!(slice_le, CmpOp::Le);
cmp_fn!(slice_gt, CmpOp::Gt);
cmp_fn!(slice_ge, CmpOp::Ge);

pub fn init(vm: &mut Vm) {
    let c = vm.types.slice;
    vm.add_staticmethod(c, "__new__", slice_new);
    vm.add_getter(c, "start", slice_start);
    vm.add_getter(c, "stop", slice_stop);
    vm.add_getter(c, "step", slice_step);
    vm.add_method(c, "indices", slice_indices);
    vm.add_method(c, "__repr__", slice_repr);
    vm.add_method(c, "__eq__", slice_eq);
    vm.add_method(c, "__ne__", slice_ne);
    vm.add_method(c, "__lt__", slice_lt);
    vm.add_method(c, "__le__", slice_le);
    vm.add_method(c, "__gt__", slice_gt);
    vm.add_method(c, "__ge__", slice_ge);
    let k = vm.intern("__hash__");
    vm.set_class_or_module_attr(c, k, Value::NONE);
}
