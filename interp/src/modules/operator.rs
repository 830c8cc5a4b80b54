//! `_operator`: the functions behind `operator` (which does `from _operator import *`),
//! and the `itemgetter`, `attrgetter` and `methodcaller` classes.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::cfg::{BinOp, CmpOp, UnaryOp};
use crate::impl_native;
use crate::object::Layout;
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

use super::helpers_b::index_value;
use super::{nargs as check_nargs, new_class, this};

macro_rules! binop_fns {
    ($($name:ident, $pyname:literal, $op:expr, $inplace:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                check_nargs(vm, $pyname, args, kw, 2, 2)?;
                if $inplace {
                    vm.inplace_op($op, args[0], args[1])
                } else {
                    vm.binary_op($op, args[0], args[1])
                }
            }
        )*
    };
}

binop_fns! {
    op_add, "add", BinOp::Add, false;
    op_sub, "sub", BinOp::Sub, false;
    op_mul, "mul", BinOp::Mul, false;
    op_matmul, "matmul", BinOp::MatMul, false;
    op_truediv, "truediv", BinOp::TrueDiv, false;
    op_floordiv, "floordiv", BinOp::FloorDiv, false;
    op_mod, "mod", BinOp::Mod, false;
    op_pow, "pow", BinOp::Pow, false;
    op_lshift, "lshift", BinOp::LShift, false;
    op_rshift, "rshift", BinOp::RShift, false;
    op_and, "and_", BinOp::And, false;
    op_or, "or_", BinOp::Or, false;
    op_xor, "xor", BinOp::Xor, false;
    op_iadd, "iadd", BinOp::Add, true;
    op_isub, "isub", BinOp::Sub, true;
    op_imul, "imul", BinOp::Mul, true;
    op_imatmul, "imatmul", BinOp::MatMul, true;
    op_itruediv, "itruediv", BinOp::TrueDiv, true;
    op_ifloordiv, "ifloordiv", BinOp::FloorDiv, true;
    op_imod, "imod", BinOp::Mod, true;
    op_ipow, "ipow", BinOp::Pow, true;
    op_ilshift, "ilshift", BinOp::LShift, true;
    op_irshift, "irshift", BinOp::RShift, true;
    op_iand, "iand", BinOp::And, true;
    op_ior, "ior", BinOp::Or, true;
    op_ixor, "ixor", BinOp::Xor, true;
}

macro_rules! cmp_fns {
    ($($name:ident, $pyname:literal, $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                check_nargs(vm, $pyname, args, kw, 2, 2)?;
                vm.compare($op, args[0], args[1])
            }
        )*
    };
}

cmp_fns! {
    op_lt, "lt", CmpOp::Lt;
    op_le, "le", CmpOp::Le;
    op_eq, "eq", CmpOp::Eq;
    op_ne, "ne", CmpOp::Ne;
    op_gt, "gt", CmpOp::Gt;
    op_ge, "ge", CmpOp::Ge;
}

macro_rules! unary_fns {
    ($($name:ident, $pyname:literal, $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                check_nargs(vm, $pyname, args, kw, 1, 1)?;
                vm.unary_op($op, args[0])
            }
        )*
    };
}

unary_fns! {
    op_neg, "neg", UnaryOp::Neg;
    op_pos, "pos", UnaryOp::Pos;
    op_inv, "inv", UnaryOp::Invert;
    op_invert, "invert", UnaryOp::Invert;
}

fn op_not(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "not_", args, kw, 1, 1)?;
    Ok(Value::bool(!vm.truthy(args[0])?))
}

fn op_truth(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "truth", args, kw, 1, 1)?;
    Ok(Value::bool(vm.truthy(args[0])?))
}

fn op_is(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "is_", args, kw, 2, 2)?;
    Ok(Value::bool(args[0].is(args[1])))
}

fn op_is_not(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "is_not", args, kw, 2, 2)?;
    Ok(Value::bool(!args[0].is(args[1])))
}

fn op_abs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "abs", args, kw, 1, 1)?;
    crate::builtins::functions::abs(vm, args, &[])
}

fn op_index(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "index", args, kw, 1, 1)?;
    index_value(vm, args[0])
}

/// CPython's `PySequence_Check`: a `__getitem__` and not a dict.
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    if vm.is_subclass(ty, vm.types.dict) {
        return false;
    }
    let n = vm.intern("__getitem__");
    vm.lookup_type(ty, n).is_some()
}

fn op_concat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "concat", args, kw, 2, 2)?;
    if !is_sequence(vm, args[0]) {
        return Err(vm.type_error(format!("'{}' object can't be concatenated", vm.type_tp_name(args[0]))));
    }
    vm.binary_op(BinOp::Add, args[0], args[1])
}

fn op_iconcat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "iconcat", args, kw, 2, 2)?;
    if !is_sequence(vm, args[0]) {
        return Err(vm.type_error(format!("'{}' object can't be concatenated", vm.type_tp_name(args[0]))));
    }
    vm.inplace_op(BinOp::Add, args[0], args[1])
}

fn op_contains(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "contains", args, kw, 2, 2)?;
    Ok(Value::bool(vm.contains(args[0], args[1])?))
}

fn op_count_of(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "countOf", args, kw, 2, 2)?;
    let it = vm.iter(args[0])?;
    let mut n: i64 = 0;
    while let Some(x) = vm.next(it)? {
        if vm.eq(x, args[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn op_index_of(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "indexOf", args, kw, 2, 2)?;
    let it = vm.iter(args[0])?;
    let mut n: i64 = 0;
    while let Some(x) = vm.next(it)? {
        if vm.eq(x, args[1])? {
            return Ok(vm.new_int(n));
        }
        n += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "getitem", args, kw, 2, 2)?;
    vm.get_item(args[0], args[1])
}

fn op_setitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "setitem", args, kw, 3, 3)?;
    vm.set_item(args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn op_delitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "delitem", args, kw, 2, 2)?;
    vm.del_item(args[0], args[1])?;
    Ok(Value::NONE)
}

/// `operator.length_hint(obj, default=0)` (CPython's `PyObject_LengthHint`).
pub fn length_hint_of(vm: &mut Vm, obj: Value, default: i64) -> PyResult<i64> {
    let ty = vm.type_of(obj);
    let len_name = vm.intern("__len__");
    if vm.lookup_type(ty, len_name).is_some() {
        match vm.len(obj) {
            Ok(n) => return Ok(n as i64),
            Err(e) if vm.err_matches(&e, vm.exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let hint_name = vm.intern("__length_hint__");
    let Some(f) = vm.lookup_type(ty, hint_name) else {
        return Ok(default);
    };
    let r = match vm.call(f, &[obj], &[]) {
        Ok(r) => r,
        Err(e) if vm.err_matches(&e, vm.exc.type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is(Value::NOT_IMPLEMENTED) {
        return Ok(default);
    }
    let Some(i) = vm.int_value(r) else {
        return Err(vm.type_error(format!("__length_hint__ must be an integer, not {}", vm.type_tp_name(r))));
    };
    if i.is_negative() {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    match i64::try_from(&i) {
        Ok(n) => Ok(n),
        Err(_) => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn op_length_hint(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "length_hint", args, kw, 1, 2)?;
    let default = match args.get(1) {
        None => 0,
        Some(&d) => {
            if vm.int_value(d).is_none() {
                return Err(
                    vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(d)))
                );
            }
            let b: BigInt = vm.int_value(d).unwrap_or_default();
            match i64::try_from(&b) {
                Ok(n) => n,
                Err(_) => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
            }
        }
    };
    let n = length_hint_of(vm, args[0], default)?;
    Ok(vm.new_int(n))
}

fn op_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("call() missing required argument 'obj' (pos 1)"));
    }
    vm.call(args[0], &args[1..], kw)
}

/// `_compare_digest(a, b)`: equality that takes time independent of where the inputs
/// differ (for ASCII str or bytes-like inputs).
fn op_compare_digest(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_nargs(vm, "_compare_digest", args, kw, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    let (x, y): (Vec<u8>, Vec<u8>) = match (a.as_rstr(), b.as_rstr()) {
        (Some(s), Some(t)) => {
            if !s.is_ascii() || !t.is_ascii() {
                return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (s.as_bytes().to_vec(), t.as_bytes().to_vec())
        }
        _ => {
            let (da, db) = (crate::types::bytes::bytes_data(a), crate::types::bytes::bytes_data(b));
            match (da, db) {
                (Some(x), Some(y)) => (x, y),
                (None, None) => {
                    return Err(vm.type_error(format!(
                        "unsupported operand types(s) or combination of types: '{}' and '{}'",
                        vm.type_tp_name(a),
                        vm.type_tp_name(b)
                    )))
                }
                (None, _) => {
                    return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(a))))
                }
                (_, None) => {
                    return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(b))))
                }
            }
        }
    };
    // Walk all of `y` whatever happens, accumulating differences.
    let mut diff: u8 = (x.len() != y.len()) as u8;
    let left: &[u8] = if x.len() == y.len() { &x } else { &y };
    for (i, &c) in y.iter().enumerate() {
        diff |= left[i] ^ c;
    }
    Ok(Value::bool(diff == 0))
}

// ----- itemgetter -----

pub struct ItemGetter {
    pub items: Box<[Value]>,
}
impl_native!(ItemGetter, |s, visit| {
    for &v in s.items.iter() {
        visit(v);
    }
});

fn itemgetter_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if !kw.is_empty() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    if args.len() < 2 {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(vm.new_native(cls, ItemGetter { items: args[1..].into() }))
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let ig = this::<ItemGetter>(vm, args, "__call__", "operator.itemgetter")?;
    if !kw.is_empty() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("itemgetter expected 1 argument, got {}", args.len() - 1)));
    }
    let obj = args[1];
    if ig.items.len() == 1 {
        return vm.get_item(obj, ig.items[0]);
    }
    let mut out = Vec::with_capacity(ig.items.len());
    for &k in ig.items.iter() {
        out.push(vm.get_item(obj, k)?);
    }
    Ok(vm.new_tuple(out))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let ig = this::<ItemGetter>(vm, args, "__repr__", "operator.itemgetter")?;
    let items = ig.items.to_vec();
    let name = qualified_name(vm, args[0]);
    let s = super::helpers_b::repr_guarded(vm, args[0], |vm| {
        let mut parts = Vec::new();
        for v in items {
            parts.push(vm.repr_string(v)?);
        }
        Ok(parts.join(", "))
    })?;
    Ok(vm.new_string(format!("{name}({s})")))
}

fn itemgetter_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let ig = this::<ItemGetter>(vm, args, "__reduce__", "operator.itemgetter")?;
    let t = vm.new_tuple(ig.items.to_vec());
    let cls = vm.type_of(args[0]);
    Ok(vm.new_tuple(vec![cls, t]))
}

/// `operator.name` for the repr of the getter classes (the type's qualified name as
/// CPython's `Py_TYPE(self)->tp_name`, i.e. "operator.itemgetter" for the base class,
/// the plain name for subclasses).
fn qualified_name(vm: &mut Vm, v: Value) -> String {
    let ty = vm.type_of(v);
    let name = vm.class_name(ty);
    if ty.as_class().is_some_and(|c| c.has_flag(crate::object::class_flags::HEAPTYPE)) {
        name
    } else {
        format!("operator.{name}")
    }
}

// ----- attrgetter -----

pub struct AttrGetter {
    /// One entry per attribute argument: the interned names of its dotted parts.
    pub attrs: Box<[Box<[Value]>]>,
    /// The original argument strings, for the repr.
    pub originals: Box<[Value]>,
}
impl_native!(AttrGetter, |s, visit| {
    for a in s.attrs.iter() {
        for &v in a.iter() {
            visit(v);
        }
    }
    for &v in s.originals.iter() {
        visit(v);
    }
});

fn attrgetter_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if !kw.is_empty() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    if args.len() < 2 {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut attrs = Vec::new();
    for &a in &args[1..] {
        let Some(s) = a.as_rstr() else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let s = s.to_owned();
        let parts: Vec<Value> = s.split('.').map(|p| vm.intern(p)).collect();
        attrs.push(parts.into_boxed_slice());
    }
    Ok(vm.new_native(cls, AttrGetter { attrs: attrs.into(), originals: args[1..].into() }))
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let ag = this::<AttrGetter>(vm, args, "__call__", "operator.attrgetter")?;
    if !kw.is_empty() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("attrgetter expected 1 argument, got {}", args.len() - 1)));
    }
    let obj = args[1];
    let mut out = Vec::with_capacity(ag.attrs.len());
    for parts in ag.attrs.iter() {
        let mut v = obj;
        for &p in parts.iter() {
            v = vm.get_attr(v, p)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out[0]);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let ag = this::<AttrGetter>(vm, args, "__repr__", "operator.attrgetter")?;
    let items = ag.originals.to_vec();
    let name = qualified_name(vm, args[0]);
    let mut parts = Vec::new();
    for v in items {
        parts.push(vm.repr_string(v)?);
    }
    Ok(vm.new_string(format!("{name}({})", parts.join(", "))))
}

fn attrgetter_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let ag = this::<AttrGetter>(vm, args, "__reduce__", "operator.attrgetter")?;
    let t = vm.new_tuple(ag.originals.to_vec());
    let cls = vm.type_of(args[0]);
    Ok(vm.new_tuple(vec![cls, t]))
}

// ----- methodcaller -----

pub struct MethodCaller {
    pub name: Value,
    pub args: Box<[Value]>,
    pub kwargs: Box<[(Value, Value)]>,
}
impl_native!(MethodCaller, |s, visit| {
    visit(s.name);
    for &v in s.args.iter() {
        visit(v);
    }
    for &(k, v) in s.kwargs.iter() {
        visit(k);
        visit(v);
    }
});

fn methodcaller_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if args.len() < 2 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if args[1].as_pystr().is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let name = vm.intern_value(args[1]);
    Ok(vm.new_native(cls, MethodCaller { name, args: args[2..].into(), kwargs: kw.into() }))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let mc = this::<MethodCaller>(vm, args, "__call__", "operator.methodcaller")?;
    if !kw.is_empty() {
        return Err(vm.type_error("methodcaller() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("methodcaller expected 1 argument, got {}", args.len() - 1)));
    }
    let m = vm.get_attr(args[1], mc.name)?;
    let (a, k) = (mc.args.to_vec(), mc.kwargs.to_vec());
    vm.call(m, &a, &k)
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let mc = this::<MethodCaller>(vm, args, "__repr__", "operator.methodcaller")?;
    let (name, a, k) = (mc.name, mc.args.to_vec(), mc.kwargs.to_vec());
    let qn = qualified_name(vm, args[0]);
    let s = super::helpers_b::repr_guarded(vm, args[0], |vm| {
        let mut parts = vec![vm.repr_string(name)?];
        for v in a {
            parts.push(vm.repr_string(v)?);
        }
        for (k, v) in k {
            let ks = k.as_rstr().unwrap_or("").to_owned();
            parts.push(format!("{ks}={}", vm.repr_string(v)?));
        }
        Ok(parts.join(", "))
    })?;
    Ok(vm.new_string(format!("{qn}({s})")))
}

fn methodcaller_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let mc = this::<MethodCaller>(vm, args, "__reduce__", "operator.methodcaller")?;
    let cls = vm.type_of(args[0]);
    if mc.kwargs.is_empty() {
        let mut items = vec![mc.name];
        items.extend_from_slice(&mc.args);
        let t = vm.new_tuple(items);
        return Ok(vm.new_tuple(vec![cls, t]));
    }
    Err(vm.not_implemented_error("methodcaller.__reduce__ with keyword arguments (needs functools.partial)"))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = vm.new_module("_operator");
    let fns: &[(&'static str, NativeFn)] = &[
        ("abs", op_abs),
        ("add", op_add),
        ("and_", op_and),
        ("call", op_call),
        ("concat", op_concat),
        ("contains", op_contains),
        ("countOf", op_count_of),
        ("delitem", op_delitem),
        ("eq", op_eq),
        ("floordiv", op_floordiv),
        ("ge", op_ge),
        ("getitem", op_getitem),
        ("gt", op_gt),
        ("iadd", op_iadd),
        ("iand", op_iand),
        ("iconcat", op_iconcat),
        ("ifloordiv", op_ifloordiv),
        ("ilshift", op_ilshift),
        ("imatmul", op_imatmul),
        ("imod", op_imod),
        ("imul", op_imul),
        ("index", op_index),
        ("indexOf", op_index_of),
        ("inv", op_inv),
        ("invert", op_invert),
        ("ior", op_ior),
        ("ipow", op_ipow),
        ("irshift", op_irshift),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("isub", op_isub),
        ("itruediv", op_itruediv),
        ("ixor", op_ixor),
        ("le", op_le),
        ("length_hint", op_length_hint),
        ("lshift", op_lshift),
        ("lt", op_lt),
        ("matmul", op_matmul),
        ("mod", op_mod),
        ("mul", op_mul),
        ("ne", op_ne),
        ("neg", op_neg),
        ("not_", op_not),
        ("or_", op_or),
        ("pos", op_pos),
        ("pow", op_pow),
        ("rshift", op_rshift),
        ("setitem", op_setitem),
        ("sub", op_sub),
        ("truediv", op_truediv),
        ("truth", op_truth),
        ("xor", op_xor),
        ("_compare_digest", op_compare_digest),
    ];
    for &(name, f) in fns {
        vm.add_function(m, name, f);
    }
    let obj = vm.types.object;
    let flags = crate::object::class_flags::BASETYPE;
    let ig = new_class(vm, "operator", "itemgetter", obj, Layout::Other, flags);
    vm.add_staticmethod(ig, "__new__", itemgetter_new);
    vm.add_method(ig, "__call__", itemgetter_call);
    vm.add_method(ig, "__repr__", itemgetter_repr);
    vm.add_method(ig, "__reduce__", itemgetter_reduce);
    let ag = new_class(vm, "operator", "attrgetter", obj, Layout::Other, flags);
    vm.add_staticmethod(ag, "__new__", attrgetter_new);
    vm.add_method(ag, "__call__", attrgetter_call);
    vm.add_method(ag, "__repr__", attrgetter_repr);
    vm.add_method(ag, "__reduce__", attrgetter_reduce);
    let mc = new_class(vm, "operator", "methodcaller", obj, Layout::Other, flags);
    vm.add_staticmethod(mc, "__new__", methodcaller_new);
    vm.add_method(mc, "__call__", methodcaller_call);
    vm.add_method(mc, "__repr__", methodcaller_repr);
    vm.add_method(mc, "__reduce__", methodcaller_reduce);
    for (name, c) in [("itemgetter", ig), ("attrgetter", ag), ("methodcaller", mc)] {
        let k = vm.intern(name);
        vm.set_class_or_module_attr(m, k, c);
    }
    Ok(m)
}
