//! Operators and the generic protocols: binary/unary/in-place operators with reflected
//! fallbacks, rich comparisons, truth, hashing, repr/str/format, iteration, items, len.
//!
//! Every protocol looks its dunder up on the operand's *type* (never the instance) and
//! follows CPython's dispatch rules: for `a + b`, a right operand whose type is a proper
//! subclass of the left's and overrides the reflected method goes first; NotImplemented
//! passes the turn; comparisons reflect (`a < b` falls back to `b > a`) and `==`/`!=` end
//! in identity. Fast paths for exact ints, floats, strs, lists, tuples and dicts answer
//! first; they must give exactly what the dunder path would.

use std::cell::Cell;

use crate::cfg::{BinOp, CmpOp, UnaryOp};
use crate::eval::attr::{self, lookup, names};
use crate::impl_native;
use crate::object::{Layout, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

// ----- helpers -----

/// An int, bool or float whose type is exactly the builtin one (so the numbers module's
/// arithmetic is what its dunders would do).
#[inline]
fn exact_num(vm: &Vm, v: Value) -> bool {
    v.is_small_int() || v.is_float() || v.is_bool() || (v.is_obj() && v.obj().class.get().is(vm.types.int))
}

#[inline]
fn is_exact(vm: &Vm, v: Value, cls: Value) -> bool {
    let _ = vm;
    v.is_obj() && v.obj().class.get().is(cls)
}

fn binop_names(op: BinOp) -> (Value, Value, Value) {
    let n = names();
    match op {
        BinOp::Add => (n.__add__, n.__radd__, n.__iadd__),
        BinOp::Sub => (n.__sub__, n.__rsub__, n.__isub__),
        BinOp::Mul => (n.__mul__, n.__rmul__, n.__imul__),
        BinOp::MatMul => (n.__matmul__, n.__rmatmul__, n.__imatmul__),
        BinOp::TrueDiv => (n.__truediv__, n.__rtruediv__, n.__itruediv__),
        BinOp::FloorDiv => (n.__floordiv__, n.__rfloordiv__, n.__ifloordiv__),
        BinOp::Mod => (n.__mod__, n.__rmod__, n.__imod__),
        BinOp::Pow => (n.__pow__, n.__rpow__, n.__ipow__),
        BinOp::LShift => (n.__lshift__, n.__rlshift__, n.__ilshift__),
        BinOp::RShift => (n.__rshift__, n.__rrshift__, n.__irshift__),
        BinOp::And => (n.__and__, n.__rand__, n.__iand__),
        BinOp::Or => (n.__or__, n.__ror__, n.__ior__),
        BinOp::Xor => (n.__xor__, n.__rxor__, n.__ixor__),
    }
}

/// The operator's symbol as CPython's error messages show it.
pub fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn unsupported(vm: &Vm, op: BinOp, a: Value, b: Value, inplace: bool) -> PyErr {
    let sym = match (op, inplace) {
        (BinOp::Pow, false) => "** or pow()".to_owned(),
        (_, true) => format!("{}=", binop_symbol(op)),
        (_, false) => binop_symbol(op).to_owned(),
    };
    vm.type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        vm.type_tp_name(a),
        vm.type_tp_name(b)
    ))
}

// ----- binary operators -----

#[inline]
fn fast_binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        match op {
            BinOp::Add => return Ok(Some(vm.new_int(x + y))),
            BinOp::Sub => return Ok(Some(vm.new_int(x - y))),
            BinOp::Mul => {
                if let Some(r) = x.checked_mul(y) {
                    return Ok(Some(vm.new_int(r)));
                }
            }
            BinOp::And => return Ok(Some(vm.new_int(x & y))),
            BinOp::Or => return Ok(Some(vm.new_int(x | y))),
            BinOp::Xor => return Ok(Some(vm.new_int(x ^ y))),
            BinOp::FloorDiv if y != 0 => {
                let q = x / y;
                let q = if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q };
                return Ok(Some(vm.new_int(q)));
            }
            BinOp::Mod if y != 0 => {
                let r = x % y;
                let r = if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r };
                return Ok(Some(vm.new_int(r)));
            }
            BinOp::TrueDiv if y != 0 => return Ok(Some(Value::float(x as f64 / y as f64))),
            _ => {}
        }
    } else if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        match op {
            BinOp::Add => return Ok(Some(Value::float(x + y))),
            BinOp::Sub => return Ok(Some(Value::float(x - y))),
            BinOp::Mul => return Ok(Some(Value::float(x * y))),
            BinOp::TrueDiv if y != 0.0 => return Ok(Some(Value::float(x / y))),
            _ => {}
        }
    }
    if exact_num(vm, a) && exact_num(vm, b) {
        let r = crate::types::float::num_binop(vm, op, a, b)?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(Some(r));
        }
    }
    if op == BinOp::Add && is_exact(vm, a, vm.types.str_) && is_exact(vm, b, vm.types.str_) {
        if let (Some(x), Some(y)) = (a.as_pystr(), b.as_pystr()) {
            if y.s.is_empty() {
                return Ok(Some(a));
            }
            if x.s.is_empty() {
                return Ok(Some(b));
            }
            return crate::types::str::concat(vm, x, y).map(Some);
        }
    }
    Ok(None)
}

/// The dunder dispatch of `a op b`; Ok(None) when both sides returned NotImplemented.
fn binary_dispatch(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (nop, nrop, _) = binop_names(op);
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let fa = lookup(vm, ta, nop);
    let mut fb = if ta.is(tb) { None } else { lookup(vm, tb, nrop) };
    if let Some(f) = fb {
        if vm.is_subclass(tb, ta) && !lookup(vm, ta, nrop).is_some_and(|g| g.is(f)) {
            let r = attr::call_unbound(vm, f, b, &[a])?;
            if !r.is(Value::NOT_IMPLEMENTED) {
                return Ok(Some(r));
            }
            fb = None;
        }
    }
    if let Some(f) = fa {
        let r = attr::call_unbound(vm, f, a, &[b])?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(Some(r));
        }
    }
    if let Some(f) = fb {
        let r = attr::call_unbound(vm, f, b, &[a])?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

pub fn binary_op(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let Some(v) = fast_binary(vm, op, a, b)? {
        return Ok(v);
    }
    match binary_dispatch(vm, op, a, b)? {
        Some(v) => Ok(v),
        None => union_fallback(vm, op, a, b, false),
    }
}

/// `X | Y` between typing objects whose types do not define `__or__` themselves.
fn union_fallback(vm: &mut Vm, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    if op == BinOp::Or && crate::eval::descr::both_unionable(vm, a, b) {
        let r = crate::eval::descr::make_union(vm, a, b)?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    Err(unsupported(vm, op, a, b, inplace))
}

pub fn inplace_op(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let Some(v) = fast_binary(vm, op, a, b)? {
        return Ok(v);
    }
    let (_, _, niop) = binop_names(op);
    if let Some(f) = attr::lookup_special(vm, a, niop) {
        let r = attr::call_unbound(vm, f, a, &[b])?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    match binary_dispatch(vm, op, a, b)? {
        Some(v) => Ok(v),
        None => union_fallback(vm, op, a, b, true),
    }
}

// ----- unary operators -----

pub fn unary_op(vm: &mut Vm, op: UnaryOp, a: Value) -> PyResult<Value> {
    let n = names();
    let (name, sym) = match op {
        UnaryOp::Not => return Ok(Value::bool(!vm.truthy(a)?)),
        UnaryOp::Neg => (n.__neg__, "-"),
        UnaryOp::Pos => (n.__pos__, "+"),
        UnaryOp::Invert => (n.__invert__, "~"),
    };
    if let Some(x) = a.as_small_int() {
        return Ok(match op {
            UnaryOp::Neg => vm.new_int(-x),
            UnaryOp::Pos => a,
            _ => vm.new_int(!x),
        });
    }
    if let Some(x) = a.as_float() {
        match op {
            UnaryOp::Neg => return Ok(Value::float(-x)),
            UnaryOp::Pos => return Ok(a),
            _ => {}
        }
    }
    if exact_num(vm, a) && !a.is_float() {
        let r = crate::types::int::int_unary(vm, op, a)?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    match attr::lookup_special(vm, a, name) {
        Some(f) => attr::call_unbound(vm, f, a, &[]),
        None => Err(vm.type_error(format!("bad operand type for unary {sym}: '{}'", vm.type_tp_name(a)))),
    }
}

// ----- comparisons -----

fn reflected(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn cmp_name(op: CmpOp) -> Value {
    let n = names();
    match op {
        CmpOp::Lt => n.__lt__,
        CmpOp::Le => n.__le__,
        CmpOp::Eq => n.__eq__,
        CmpOp::Ne => n.__ne__,
        CmpOp::Gt => n.__gt__,
        _ => n.__ge__,
    }
}

#[inline]
fn fast_compare(vm: &Vm, op: CmpOp, a: Value, b: Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            _ => return None,
        });
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            _ => return None,
        });
    }
    if exact_num(vm, a) && exact_num(vm, b) {
        return crate::types::float::num_compare(op, a, b);
    }
    if is_exact(vm, a, vm.types.str_) && is_exact(vm, b, vm.types.str_) {
        let (x, y) = (a.as_rstr()?, b.as_rstr()?);
        // UTF-8 byte order is code point order.
        return Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            _ => return None,
        });
    }
    None
}

/// The rich comparison `a op b` (op one of < <= == != > >=) with reflection.
pub fn rich_compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
    rich_compare_in(vm, op, a, b, true)
}

/// One comparison method `f(x, y)` of `rich_compare`. `counted`: CPython's
/// `PyObject_RichCompare` holds a recursion level (" in comparison") while a method
/// written in Python runs; native ones (sequence and dict comparisons) count their own.
fn call_cmp(vm: &mut Vm, f: Value, x: Value, y: Value, counted: bool) -> PyResult<Value> {
    if !counted || !matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
        return attr::call_unbound(vm, f, x, &[y]);
    }
    crate::types::list::enter_recursion(vm, " in comparison")?;
    let r = attr::call_unbound(vm, f, x, &[y]);
    crate::types::list::leave_recursion(vm);
    r
}

/// `rich_compare`; `counted` false calls the methods without the recursion level, as
/// CPython's sort does for keys all of one type (`unsafe_object_compare` calls the type's
/// `tp_richcompare` directly).
pub fn rich_compare_in(vm: &mut Vm, op: CmpOp, a: Value, b: Value, counted: bool) -> PyResult<Value> {
    if let Some(r) = fast_compare(vm, op, a, b) {
        return Ok(Value::bool(r));
    }
    // Two exact tuples (sort keys): what `tuple.__lt__` etc. do, without the dispatch.
    if is_exact(vm, a, vm.types.tuple) && is_exact(vm, b, vm.types.tuple) {
        if let (Some(x), Some(y)) = (a.as_tuple(), b.as_tuple()) {
            return crate::types::tuple::compare_slices(vm, x, y, op);
        }
    }
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let rop = reflected(op);
    let mut checked_reverse = false;
    if !ta.is(tb) && vm.is_subclass(tb, ta) {
        if let Some(f) = lookup(vm, tb, cmp_name(rop)) {
            checked_reverse = true;
            let r = call_cmp(vm, f, b, a, counted)?;
            if !r.is(Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = lookup(vm, ta, cmp_name(op)) {
        let r = call_cmp(vm, f, a, b, counted)?;
        if !r.is(Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = lookup(vm, tb, cmp_name(rop)) {
            let r = call_cmp(vm, f, b, a, counted)?;
            if !r.is(Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::bool(a.is(b))),
        CmpOp::Ne => Ok(Value::bool(!a.is(b))),
        _ => Err(vm.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            cmp_symbol(op),
            vm.type_tp_name(a),
            vm.type_tp_name(b)
        ))),
    }
}

pub fn compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
    match op {
        CmpOp::Is => Ok(Value::bool(a.is(b))),
        CmpOp::IsNot => Ok(Value::bool(!a.is(b))),
        CmpOp::In => Ok(Value::bool(contains(vm, b, a)?)),
        CmpOp::NotIn => Ok(Value::bool(!contains(vm, b, a)?)),
        _ => rich_compare(vm, op, a, b),
    }
}

// ----- truth -----

/// `len()` semantics applied to the result of a `__len__` call.
fn len_result(vm: &mut Vm, r: Value) -> PyResult<usize> {
    let n = match r.as_small_int() {
        Some(i) => i,
        None => {
            let is_intlike = crate::types::int::is_int(r) || attr::lookup_special(vm, r, names().__index__).is_some();
            if !is_intlike {
                return Err(
                    vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(r)))
                );
            }
            let big = match crate::types::int::to_bigint(r) {
                Some(b) => b,
                None => {
                    let i = vm.to_index(r)?;
                    num_bigint::BigInt::from(i)
                }
            };
            if big.sign() == num_bigint::Sign::Minus {
                return Err(vm.value_error("__len__() should return >= 0"));
            }
            match num_traits::ToPrimitive::to_i64(&big) {
                Some(i) => i,
                None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            }
        }
    };
    if n < 0 {
        return Err(vm.value_error("__len__() should return >= 0"));
    }
    Ok(n as usize)
}

/// Length of a builtin container without calling its `__len__`, for exact builtin types.
#[inline]
fn fast_len(vm: &Vm, v: Value) -> Option<usize> {
    let o = v.as_obj()?;
    let cls = o.class.get();
    let t = &vm.types;
    match &o.payload {
        Payload::Str(s) if cls.is(t.str_) => Some(s.char_len),
        Payload::List(l) if cls.is(t.list) => Some(l.len()),
        Payload::Tuple(items) if cls.is(t.tuple) => Some(items.len()),
        Payload::Dict(d) if cls.is(t.dict) => Some(d.borrow().len()),
        Payload::Set(s) if cls.is(t.set) => Some(s.borrow().len()),
        Payload::FrozenSet(s) if cls.is(t.frozenset) => Some(s.borrow().len()),
        Payload::Bytes(b) if cls.is(t.bytes) => Some(b.len()),
        _ => None,
    }
}

pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match v {
        Value::TRUE => return Ok(true),
        Value::FALSE | Value::NONE => return Ok(false),
        _ => {}
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if let Some(f) = v.as_float() {
        return Ok(f != 0.0);
    }
    if !v.is_obj() {
        return Ok(true);
    }
    if let Some(n) = fast_len(vm, v) {
        return Ok(n != 0);
    }
    if is_exact(vm, v, vm.types.int) {
        return Ok(v.as_bigint().is_some_and(|b| b.sign() != num_bigint::Sign::NoSign));
    }
    let n = names();
    if let Some(f) = attr::lookup_special(vm, v, n.__bool__) {
        let r = attr::call_unbound(vm, f, v, &[])?;
        return match r.as_bool() {
            Some(b) => Ok(b),
            None => Err(vm.type_error(format!("__bool__ should return bool, returned {}", vm.type_tp_name(r)))),
        };
    }
    if let Some(f) = attr::lookup_special(vm, v, n.__len__) {
        let r = attr::call_unbound(vm, f, v, &[])?;
        return Ok(len_result(vm, r)? != 0);
    }
    // Builtin payloads whose classes did not register __bool__/__len__.
    Ok(match &v.obj().payload {
        Payload::Int(b) => b.sign() != num_bigint::Sign::NoSign,
        Payload::Float(f) => *f != 0.0,
        Payload::Complex(re, im) => *re != 0.0 || *im != 0.0,
        _ => true,
    })
}

// ----- hash -----

/// The hash of an int result of `__hash__`: itself when it fits, else the int's hash.
fn hash_result(vm: &Vm, r: Value) -> PyResult<i64> {
    let h = if let Some(i) = r.as_small_int() {
        i
    } else if let Some(b) = r.as_bool() {
        b as i64
    } else if let Some(b) = r.as_bigint() {
        match num_traits::ToPrimitive::to_i64(b) {
            Some(i) => i,
            None => crate::types::num_conv::hash_bigint(b),
        }
    } else {
        return Err(vm.type_error("__hash__ method should return an integer"));
    };
    Ok(if h == -1 { -2 } else { h })
}

pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if exact_num(vm, v) {
        if let Some(h) = crate::types::float::num_hash(v) {
            return Ok(h);
        }
    }
    if let Some(s) = v.as_pystr() {
        if is_exact(vm, v, vm.types.str_) {
            return Ok(vm.str_hash(s));
        }
    }
    let tp = vm.type_of(v);
    match lookup(vm, tp, names().__hash__) {
        Some(f) if !f.is_none() => {
            let r = attr::call_unbound(vm, f, v, &[])?;
            hash_result(vm, r)
        }
        _ => Err(vm.type_error(format!("unhashable type: '{}'", vm.tp_name(tp)))),
    }
}

// ----- repr / str / format -----

fn special_repr(v: Value) -> Option<&'static str> {
    Some(match v {
        Value::NONE => "None",
        Value::TRUE => "True",
        Value::FALSE => "False",
        Value::ELLIPSIS => "Ellipsis",
        Value::NOT_IMPLEMENTED => "NotImplemented",
        _ => return None,
    })
}

/// Calls `type(v).f(v)` holding one level of recursion with CPython's message, as its
/// `PyObject_Repr`/`PyObject_Str` do whatever `f` is (a native container repr then counts
/// one more level per item it reprs).
fn call_counted(vm: &mut Vm, f: Value, v: Value, what: &str) -> PyResult<Value> {
    crate::types::list::enter_recursion(vm, what)?;
    let r = attr::call_unbound(vm, f, v, &[]);
    crate::types::list::leave_recursion(vm);
    r
}

/// CPython's `Py_EnterRecursiveCall(what)` around C code that calls nothing back: the
/// RecursionError one more level would raise, without holding the level.
#[inline]
pub fn check_level(vm: &Vm, what: &str) -> PyResult<()> {
    if vm.depth.get() >= vm.recursion_limit.get() {
        return Err(vm.recursion_error(format!("maximum recursion depth exceeded{what}")));
    }
    Ok(())
}

const REPR_LEVEL: &str = " while getting the repr of an object";
const STR_LEVEL: &str = " while getting the str of an object";

pub fn repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = repr_unchecked(vm, v)?;
    if r.as_pystr().is_none() {
        return Err(vm.type_error(format!("__repr__ returned non-string (type {})", vm.type_tp_name(r))));
    }
    Ok(r)
}

/// What the type's `__repr__` returns, not yet checked to be a str (`repr()` and `str()`
/// check it), counted as one recursion level as CPython's `PyObject_Repr` does.
pub fn repr_unchecked(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(i) = v.as_small_int() {
        check_level(vm, REPR_LEVEL)?;
        return Ok(vm.new_string(i.to_string()));
    }
    if let Some(s) = special_repr(v) {
        check_level(vm, REPR_LEVEL)?;
        return Ok(vm.intern(s));
    }
    let Some(f) = attr::lookup_special(vm, v, names().__repr__) else {
        check_level(vm, REPR_LEVEL)?;
        let s = crate::eval::object_type::default_repr(vm, v);
        return Ok(vm.new_string(s));
    };
    call_counted(vm, f, v, REPR_LEVEL)
}

/// `type(v).__repr__(v)` called directly, as `object.__str__` does (CPython's
/// `object_str` calls `tp_repr`, not `PyObject_Repr`, so no recursion level is counted).
pub fn repr_uncounted(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(i) = v.as_small_int() {
        return Ok(vm.new_string(i.to_string()));
    }
    if let Some(s) = special_repr(v) {
        return Ok(vm.intern(s));
    }
    let Some(f) = attr::lookup_special(vm, v, names().__repr__) else {
        let s = crate::eval::object_type::default_repr(vm, v);
        return Ok(vm.new_string(s));
    };
    attr::call_unbound(vm, f, v, &[])
}

pub fn str(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_exact(vm, v, vm.types.str_) {
        return Ok(v);
    }
    if let Some(i) = v.as_small_int() {
        check_level(vm, STR_LEVEL)?;
        return Ok(vm.new_string(i.to_string()));
    }
    if let Some(s) = special_repr(v) {
        check_level(vm, STR_LEVEL)?;
        return Ok(vm.intern(s));
    }
    let Some(f) = attr::lookup_special(vm, v, names().__str__) else {
        return repr(vm, v);
    };
    let r = call_counted(vm, f, v, STR_LEVEL)?;
    if r.as_pystr().is_none() {
        return Err(vm.type_error(format!("__str__ returned non-string (type {})", vm.type_tp_name(r))));
    }
    Ok(r)
}

pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    let empty = spec.as_rstr().is_some_and(str::is_empty);
    if empty {
        if is_exact(vm, v, vm.types.str_) {
            return Ok(v);
        }
        if let Some(i) = v.as_small_int() {
            // `PyObject_Format` takes `PyObject_Str` of an exact int.
            check_level(vm, STR_LEVEL)?;
            return Ok(vm.new_string(i.to_string()));
        }
    }
    let Some(f) = attr::lookup_special(vm, v, names().__format__) else {
        return Err(vm.type_error(format!("Type {} doesn't define __format__", vm.type_tp_name(v))));
    };
    let r = if matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
        attr::call_unbound(vm, f, v, &[spec])?
    } else {
        // CPython calls a builtin `__format__` as a C method, one recursion level; with
        // an empty spec the builtin ones take `PyObject_Str`, one more.
        crate::types::list::enter_recursion(vm, " while calling a Python object")?;
        let r = if empty { check_level(vm, STR_LEVEL) } else { Ok(()) };
        let r = r.and_then(|()| attr::call_unbound(vm, f, v, &[spec]));
        crate::types::list::leave_recursion(vm);
        r?
    };
    if r.as_pystr().is_none() {
        return Err(vm.type_error(format!("__format__ must return a str, not {}", vm.type_tp_name(r))));
    }
    Ok(r)
}

// ----- iteration -----

/// The iterator `iter(obj)` makes for objects with `__getitem__` but no `__iter__`:
/// indexes 0, 1, 2... until IndexError or StopIteration.
pub struct SeqIter {
    /// NULL once exhausted.
    pub seq: Cell<Value>,
    pub index: Cell<i64>,
}
impl_native!(SeqIter, |s, visit| {
    visit(s.seq.get());
});

const SEQ_ITER_KEY: &str = "eval.seq_iterator";

fn seq_iter_class(vm: &Vm) -> Value {
    vm.state.borrow().get(SEQ_ITER_KEY).copied().unwrap_or(vm.types.object)
}

/// A new sequence iterator over `seq`.
pub fn new_seq_iter(vm: &Vm, seq: Value) -> Value {
    vm.new_native(seq_iter_class(vm), SeqIter { seq: Cell::new(seq), index: Cell::new(0) })
}

fn seq_iter_step(vm: &mut Vm, it: &SeqIter) -> PyResult<Option<Value>> {
    let seq = it.seq.get();
    if seq.is_null() {
        return Ok(None);
    }
    let i = it.index.get();
    let key = vm.new_int(i);
    match get_item(vm, seq, key) {
        Ok(v) => {
            it.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e) if vm.err_matches(&e, vm.exc.index_error) || vm.err_matches(&e, vm.exc.stop_iteration) => {
            it.seq.set(Value::NULL);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn seq_iter_of(vm: &Vm, v: Value) -> PyResult<&'static SeqIter> {
    match v.as_obj().and_then(|o| o.native::<SeqIter>()) {
        // SAFETY: heap objects never move and are not freed while reachable; `v` is an
        // argument of the running native, so it outlives every use of this reference.
        Some(s) => Ok(unsafe { &*(s as *const SeqIter) }),
        None => Err(vm.type_error("descriptor requires an 'iterator' object")),
    }
}

fn seq_iter_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = seq_iter_of(vm, args.first().copied().unwrap_or(Value::NONE))?;
    match seq_iter_step(vm, it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn seq_iter_iter(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args.first().copied().unwrap_or(Value::NONE))
}

pub fn iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    // Exact lists, tuples and ranges: what their `__iter__` does, without the lookups.
    if let Some(o) = v.as_obj() {
        let cls = o.class.get();
        match &o.payload {
            Payload::List(_) if cls.is(vm.types.list) => return Ok(crate::types::iter::new_list_iter(vm, v)),
            Payload::Tuple(_) if cls.is(vm.types.tuple) => return Ok(crate::types::iter::new_tuple_iter(vm, v)),
            // A generator is its own iterator (`generator.__iter__`, which cannot be replaced).
            Payload::Generator(_) if cls.is(vm.types.generator) => return Ok(v),
            Payload::Range { .. } if cls.is(vm.types.range) => {
                if let Some((start, step, len)) = crate::types::range::small_parts(v) {
                    return Ok(crate::types::iter::new_small_range_iter(vm, start, step, len as u64));
                }
            }
            _ => {}
        }
    }
    let n = names();
    let tp = vm.type_of(v);
    match lookup(vm, tp, n.__iter__) {
        Some(f) if !f.is_none() => {
            let it = attr::call_unbound(vm, f, v, &[])?;
            let itp = vm.type_of(it);
            if lookup(vm, itp, n.__next__).is_none_or(|x| x.is_none()) {
                return Err(vm.type_error(format!("iter() returned non-iterator of type '{}'", vm.class_name(itp))));
            }
            Ok(it)
        }
        Some(_) => Err(vm.type_error(format!("'{}' object is not iterable", vm.tp_name(tp)))),
        None => {
            if v.as_class().is_none() && lookup(vm, tp, n.__getitem__).is_some_and(|f| !f.is_none()) {
                return Ok(new_seq_iter(vm, v));
            }
            Err(vm.type_error(format!("'{}' object is not iterable", vm.tp_name(tp))))
        }
    }
}

pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    if let Some(s) = it.as_obj().and_then(|o| o.native::<SeqIter>()) {
        // SAFETY: as in `seq_iter_of`: `it` is held by the caller for this whole call.
        let s: &'static SeqIter = unsafe { &*(s as *const SeqIter) };
        return seq_iter_step(vm, s);
    }
    let tp = vm.type_of(it);
    // The builtin iterators step without a StopIteration allocation (not subclasses,
    // which may override `__next__`).
    if !tp.as_class().is_some_and(|c| c.has_flag(crate::object::class_flags::HEAPTYPE)) {
        if let Some(r) = crate::types::iter::next_builtin(vm, it) {
            return r;
        }
        // Exact generators too (`tuple(x for x in ...)`, `sum(...)`, `"".join(...)`).
        if let Some(r) = crate::eval::generator::next_value(vm, it) {
            return r;
        }
    }
    let Some(f) = lookup(vm, tp, names().__next__).filter(|f| !f.is_none()) else {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.class_name(tp))));
    };
    match attr::call_unbound(vm, f, it, &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, vm.exc.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

// ----- items -----

/// A list/tuple index for the fast paths: in range, else None (the dunder raises).
#[inline]
fn seq_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

pub fn get_item(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    if let (Some(o), Some(i)) = (obj.as_obj(), key.as_small_int()) {
        let cls = o.class.get();
        match &o.payload {
            Payload::List(l) if cls.is(vm.types.list) => {
                if let Some(v) = seq_index(i, l.len()).and_then(|j| l.get(j)) {
                    return Ok(v);
                }
            }
            Payload::Tuple(t) if cls.is(vm.types.tuple) => {
                if let Some(j) = seq_index(i, t.len()) {
                    return Ok(t[j]);
                }
            }
            _ => {}
        }
    }
    if crate::types::slice::is_slice(key) && obj.as_obj().is_some_and(|o| o.class.get().is(vm.types.list)) {
        // `list.__getitem__` of an exact list (it cannot be replaced), without the lookup.
        return crate::types::list::getitem(vm, obj, key);
    }
    if let Some(d) = obj.as_dict() {
        if is_exact(vm, obj, vm.types.dict) {
            return match crate::dict::get(vm, d, key)? {
                Some(v) => Ok(v),
                None => Err(vm.key_error(key)),
            };
        }
    }
    let n = names();
    let tp = vm.type_of(obj);
    if let Some(f) = lookup(vm, tp, n.__getitem__) {
        return attr::call_unbound(vm, f, obj, &[key]);
    }
    if obj.as_class().is_some() {
        if obj.is(vm.types.type_) {
            return Ok(crate::eval::descr::new_generic_alias(vm, obj, key));
        }
        if let Some(cg) = attr::get_attr_opt(vm, obj, n.__class_getitem__)? {
            return vm.call(cg, &[key], &[]);
        }
        return Err(vm.type_error(format!("type '{}' is not subscriptable", vm.class_name(obj))));
    }
    Err(vm.type_error(format!("'{}' object is not subscriptable", vm.tp_name(tp))))
}

pub fn set_item(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    if let (Some(o), Some(i)) = (obj.as_obj(), key.as_small_int()) {
        if let Payload::List(l) = &o.payload {
            if o.class.get().is(vm.types.list) {
                if let Some(j) = seq_index(i, l.len()) {
                    if l.set(j, value) {
                        return Ok(());
                    }
                }
            }
        }
    }
    if crate::types::slice::is_slice(key) && obj.as_obj().is_some_and(|o| o.class.get().is(vm.types.list)) {
        // `list.__setitem__` of an exact list, without the lookup.
        return crate::types::list::setitem(vm, obj, key, value);
    }
    if let Some(d) = obj.as_dict() {
        if is_exact(vm, obj, vm.types.dict) {
            return crate::dict::set(vm, d, key, value);
        }
    }
    let tp = vm.type_of(obj);
    match lookup(vm, tp, names().__setitem__) {
        Some(f) => {
            attr::call_unbound(vm, f, obj, &[key, value])?;
            Ok(())
        }
        None => Err(vm.type_error(format!("'{}' object does not support item assignment", vm.tp_name(tp)))),
    }
}

pub fn del_item(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    if let Some(d) = obj.as_dict() {
        if is_exact(vm, obj, vm.types.dict) {
            return match crate::dict::del(vm, d, key)? {
                Some(_) => Ok(()),
                None => Err(vm.key_error(key)),
            };
        }
    }
    let tp = vm.type_of(obj);
    match lookup(vm, tp, names().__delitem__) {
        Some(f) => {
            attr::call_unbound(vm, f, obj, &[key])?;
            Ok(())
        }
        None => Err(del_item_error(vm, tp, key)),
    }
}

/// CPython's error for `del obj[key]` on a type without `__delitem__`: types with
/// sequence slots (classes defined in Python, but not those standing in for C types;
/// native ones with `__len__`, `__getitem__` or `__contains__`) given an index say
/// "doesn't support", the others "does not support".
fn del_item_error(vm: &mut Vm, tp: Value, key: Value) -> PyErr {
    use crate::object::class_flags::{HEAPTYPE, NATIVE_NAME};
    let heap = tp.as_class().is_some_and(|c| c.has_flag(HEAPTYPE) && !c.has_flag(NATIVE_NAME));
    let seq = heap
        || ["__len__", "__getitem__", "__contains__"].iter().any(|n| {
            let k = vm.intern(n);
            lookup(vm, tp, k).is_some_and(|f| !f.is_none())
        });
    let index_key = {
        let k = vm.intern("__index__");
        lookup(vm, vm.type_of(key), k).is_some_and(|f| !f.is_none())
    };
    let verb = if seq && index_key { "doesn't" } else { "does not" };
    vm.type_error(format!("'{}' object {verb} support item deletion", vm.tp_name(tp)))
}

pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if let Some(n) = fast_len(vm, v) {
        return Ok(n);
    }
    let tp = vm.type_of(v);
    match lookup(vm, tp, names().__len__) {
        Some(f) if !f.is_none() => {
            let r = attr::call_unbound(vm, f, v, &[])?;
            len_result(vm, r)
        }
        _ => Err(vm.type_error(format!("object of type '{}' has no len()", vm.tp_name(tp)))),
    }
}

/// `item in seq` for a vector of candidates: identity, then `==`.
fn contains_in(vm: &mut Vm, items: &[Value], item: Value) -> PyResult<bool> {
    for &x in items {
        if x.is(item) || vm.eq(x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    if let Some(o) = container.as_obj() {
        let cls = o.class.get();
        match &o.payload {
            Payload::Tuple(t) if cls.is(vm.types.tuple) => {
                // A tuple's items never change, and the caller holds the tuple.
                return contains_in(vm, t, item);
            }
            Payload::List(l) if cls.is(vm.types.list) => {
                // Re-borrowed per item: `==` may run Python code that mutates the list.
                let mut i = 0;
                loop {
                    let Some(x) = l.borrow().get(i).copied() else { return Ok(false) };
                    if x.is(item) || vm.eq(x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Payload::Set(_) | Payload::FrozenSet(_) if cls.is(vm.types.set) || cls.is(vm.types.frozenset) => {
                return crate::types::set::contains(vm, container, item);
            }
            Payload::Dict(d) if cls.is(vm.types.dict) => return Ok(crate::dict::get(vm, d, item)?.is_some()),
            Payload::Str(s) if cls.is(vm.types.str_) => {
                if let Some(needle) = item.as_rstr() {
                    return Ok(s.as_str().contains(needle));
                }
            }
            _ => {}
        }
    }
    let tp = vm.type_of(container);
    if let Some(f) = lookup(vm, tp, names().__contains__) {
        if !f.is_none() {
            let r = attr::call_unbound(vm, f, container, &[item])?;
            return vm.truthy(r);
        }
    }
    let it = match iter(vm, container) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
            return Err(vm.type_error(format!("argument of type '{}' is not iterable", vm.class_name(tp))));
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = next(vm, it)? {
        if x.is(item) || vm.eq(x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Registers the sequence iterator class.
pub fn init(vm: &mut Vm) {
    let object = vm.types.object;
    let cls = vm.new_builtin_class("iterator", object, Layout::Other, 0);
    vm.state.borrow_mut().insert(SEQ_ITER_KEY, cls);
    vm.add_method(cls, "__next__", seq_iter_next);
    vm.add_method(cls, "__iter__", seq_iter_iter);
}
