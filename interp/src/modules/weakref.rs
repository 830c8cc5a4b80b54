//! The `_weakref` module: `ref`, `proxy`, and the registry the collector clears.
//!
//! A weak reference must not keep its referent alive, and must be cleared (and its
//! callback queued) when the collector finds the referent unreachable. `WeakRef` is built
//! for that: its `trace` does not visit the referent, and every live weak reference is
//! listed in `REFS` (by referent) so that the collector can call `clear_unreachable` after
//! marking and `forget_unreachable` before sweeping. Until the collector announces (with
//! `enable`) that it does so, making a weak reference raises NotImplementedError: a
//! reference that is never cleared would give wrong answers, and one whose referent is
//! freed under it would be unsound.
//!
//! As in CPython, `ref(obj)` without a callback returns the existing plain reference to
//! `obj` when there is one (likewise `proxy(obj)`), a reference's hash is its referent's
//! (remembered once computed, TypeError if the referent died first), and two references
//! compare equal when their referents do (or, once either is dead, when they are the same
//! reference). Proxies forward attribute access, item access, calls, comparisons and
//! arithmetic to the referent and raise ReferenceError once it is gone.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cfg::{BinOp, CmpOp};
use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{nargs, native, new_class, new_module, set};

pub struct WeakRef {
    /// The referent; NULL once it is dead. Not traced: this is the weak edge.
    pub referent: Cell<Value>,
    /// The callback, or NONE.
    pub callback: Cell<Value>,
    hash: Cell<Option<i64>>,
    /// A `proxy` (not a `ref`).
    proxy: bool,
}
impl_native!(WeakRef, |s, visit| { visit(s.callback.get()) });

static ENABLED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Every weak reference object made on this thread, by referent (bits of the referent
    /// `Value`), oldest first. Not traced: see `clear_unreachable`/`forget_unreachable`.
    static REFS: RefCell<HashMap<u64, (Value, Vec<Value>)>> = RefCell::new(HashMap::new());
}

/// Called by the collector once it calls `clear_unreachable`/`forget_unreachable` at
/// every collection.
pub fn enable() {
    ENABLED.store(true, Ordering::SeqCst);
}

/// For the collector, right after marking (before finalizers resurrect anything): clears
/// every weak reference whose referent is unreachable and returns the (callback, weakref)
/// pairs to call once the sweep is done, for the weak references that are themselves
/// reachable, most recently created first as in CPython (`is_live` says whether a value
/// is marked; the callbacks were marked through their weak references).
pub fn clear_unreachable(is_live: &mut dyn FnMut(Value) -> bool) -> Vec<(Value, Value)> {
    let mut calls = Vec::new();
    REFS.with(|r| {
        r.borrow_mut().retain(|_, (t, refs)| {
            if is_live(*t) {
                return true;
            }
            for &w in refs.iter().rev() {
                let Some(d) = native::<WeakRef>(&w) else { continue };
                d.referent.set(Value::NULL);
                let cb = d.callback.get();
                if !cb.is_none() && !cb.is_null() && is_live(w) {
                    calls.push((cb, w));
                }
                d.callback.set(Value::NONE);
            }
            false
        })
    });
    calls
}

/// For the collector, after all marking and before sweeping: forgets the weak reference
/// objects that are unreachable (about to be freed).
pub fn forget_unreachable(is_live: &mut dyn FnMut(Value) -> bool) {
    REFS.with(|r| {
        r.borrow_mut().retain(|_, (_, refs)| {
            refs.retain(|&w| is_live(w));
            !refs.is_empty()
        })
    });
}

/// The weak references (and proxies) to `obj`, oldest first.
fn refs_to(obj: Value) -> Vec<Value> {
    REFS.with(|r| r.borrow().get(&obj.bits()).map(|(_, v)| v.clone()).unwrap_or_default())
}

fn make_ref(vm: &mut Vm, cls: Value, obj: Value, callback: Value, proxy: bool, exact: bool) -> PyResult<Value> {
    if !obj.is_obj() || !weakrefable(vm, obj) {
        return Err(vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_tp_name(obj))));
    }
    if !ENABLED.load(Ordering::SeqCst) {
        return Err(vm.not_implemented_error(
            "weak references are not supported yet (they need the garbage collector's support)",
        ));
    }
    let callback = if callback.is_null() { Value::NONE } else { callback };
    if callback.is_none() && exact {
        // CPython shares the plain reference (or proxy) to an object.
        let existing = refs_to(obj).into_iter().find(|w| {
            vm.type_of(*w).is(cls)
                && native::<WeakRef>(w).is_some_and(|d| d.callback.get().is_none() && d.proxy == proxy)
        });
        if let Some(w) = existing {
            return Ok(w);
        }
    }
    let w = vm.new_native(
        cls,
        WeakRef { referent: Cell::new(obj), callback: Cell::new(callback), hash: Cell::new(None), proxy },
    );
    REFS.with(|r| r.borrow_mut().entry(obj.bits()).or_insert_with(|| (obj, Vec::new())).1.push(w));
    Ok(w)
}

/// Whether instances of `obj`'s type accept weak references (CPython: not ints, strs,
/// tuples, lists, dicts... nor instances of classes whose `__slots__` lack `__weakref__`).
fn weakrefable(vm: &Vm, obj: Value) -> bool {
    use crate::object::Payload as P;
    let o = obj.obj();
    match &o.payload {
        P::Int(_)
        | P::Float(_)
        | P::Complex(..)
        | P::Str(_)
        | P::Bytes(_)
        | P::ByteArray(_)
        | P::Tuple(_)
        | P::List(_)
        | P::Dict(_)
        | P::Range { .. }
        | P::Slice { .. }
        | P::Cell(_)
        | P::BoundMethod { .. }
        | P::Traceback(_) => {
            // Subclasses of these builtins (instances with attributes) are weakrefable.
            o.attrs.is_some() && vm.type_of(obj).as_class().is_some_and(|c| c.has_flag(class_flags::HEAPTYPE))
        }
        _ => !obj.is(Value::NONE),
    }
}

fn ref_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first().filter(|c| c.as_class().is_some()) else {
        return Err(vm.type_error("weakref.__new__(X): X is not a type object"));
    };
    if !kw.is_empty() && cls.is(ref_class(vm)) {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let rest = &args[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {}", rest.len())));
    }
    let exact = cls.is(ref_class(vm));
    make_ref(vm, cls, rest[0], rest.get(1).copied().unwrap_or(Value::NONE), false, exact)
}

fn ref_class(vm: &Vm) -> Value {
    vm.state.borrow().get("weakref.ref").copied().unwrap_or(Value::NULL)
}

fn ref_init(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn data<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a WeakRef> {
    super::this::<WeakRef>(vm, args, "__call__", "weakref.ReferenceType")
}

fn ref_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = data(vm, args)?;
    nargs(vm, "weakref", &args[1..], kw, 0, 0)?;
    let t = d.referent.get();
    Ok(if t.is_null() { Value::NONE } else { t })
}

fn ref_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = data(vm, args)?;
    if let Some(h) = d.hash.get() {
        return Ok(vm.new_int(h));
    }
    let t = d.referent.get();
    if t.is_null() {
        return Err(vm.type_error("weak object has gone away"));
    }
    let h = vm.hash(t)?;
    d.hash.set(Some(h));
    Ok(vm.new_int(h))
}

fn ref_eq_impl(vm: &mut Vm, args: &[Value], negate: bool) -> PyResult<Value> {
    let d = data(vm, args)?;
    let Some(&other) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let Some(o) = native::<WeakRef>(&other).filter(|o| !o.proxy) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (a, b) = (d.referent.get(), o.referent.get());
    if a.is_null() || b.is_null() {
        return Ok(Value::bool(args[0].is(other) != negate));
    }
    let r = vm.compare(if negate { CmpOp::Ne } else { CmpOp::Eq }, a, b)?;
    Ok(r)
}

fn ref_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ref_eq_impl(vm, args, false)
}

fn ref_ne(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ref_eq_impl(vm, args, true)
}

fn ref_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = data(vm, args)?;
    let me = args[0].bits() & 0xFFFF_FFFF_FFFF;
    let t = d.referent.get();
    if t.is_null() {
        return Ok(vm.new_string(format!("<weakref at {me:#x}; dead>")));
    }
    let tn = vm.type_name(t);
    let k = vm.intern("__name__");
    let name = vm.get_attr_opt(t, k).ok().flatten();
    let shown = match name.and_then(|n| n.as_rstr().map(str::to_owned)) {
        Some(n) => format!(" ({n})"),
        None => String::new(),
    };
    Ok(vm.new_string(format!("<weakref at {me:#x}; to '{tn}' at {:#x}{shown}>", t.bits() & 0xFFFF_FFFF_FFFF)))
}

fn ref_callback(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(data(vm, args)?.callback.get())
}

fn ref_class_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__class_getitem__", &args[1.min(args.len())..], &[], 1, 1)?;
    Ok(crate::types::list::generic_alias(vm, args[0], args[1]))
}

fn w_getweakrefcount(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getweakrefcount", args, kw, 1, 1)?;
    let n = refs_to(args[0]).len();
    Ok(vm.new_int(n as i64))
}

fn w_getweakrefs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getweakrefs", args, kw, 1, 1)?;
    let l = refs_to(args[0]);
    Ok(vm.new_list(l))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn w_remove_dead_weakref(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_remove_dead_weakref", args, kw, 2, 2)?;
    let (d, key) = (args[0], args[1]);
    if d.as_dict().is_none() {
        return Err(
            vm.type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {}", vm.arg_type_name(d)))
        );
    }
    if let Some(v) = vm.dict_get(d, key)? {
        if native::<WeakRef>(&v).is_some_and(|w| w.referent.get().is_null()) {
            vm.del_item(d, key)?;
        }
    }
    Ok(Value::NONE)
}

// ----- proxies -----

/// `proxy(obj, callback=None)`.
fn w_proxy(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "proxy", args, kw, 1, 2)?;
    let obj = args[0];
    let callable = vm.state.borrow().get("weakref.callable").copied().unwrap_or(Value::NULL);
    let is_callable = if callable.is_null() { false } else { vm.call(callable, &[obj], &[])?.is(Value::TRUE) };
    let key = if is_callable { "weakref.CallableProxyType" } else { "weakref.ProxyType" };
    let cls = vm.state.borrow().get(key).copied().unwrap_or(Value::NULL);
    make_ref(vm, cls, obj, args.get(1).copied().unwrap_or(Value::NONE), true, true)
}

/// The referent of the proxy `args[0]`, or ReferenceError.
fn referent(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    let d = super::this::<WeakRef>(vm, args, "__getattr__", "weakproxy")?;
    let t = d.referent.get();
    if t.is_null() {
        let msg = vm.new_str("weakly-referenced object no longer exists");
        return Err(crate::vm::PyErr(vm.new_exception(vm.exc.reference_error, vec![msg])));
    }
    Ok(t)
}

/// Replaces proxies among `vals` by their referents (CPython unwraps proxy operands).
fn unwrap(vm: &Vm, v: Value) -> PyResult<Value> {
    match native::<WeakRef>(&v) {
        Some(d) if d.proxy => referent(vm, &[v]),
        _ => Ok(v),
    }
}

fn px_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let name = args.get(1).copied().ok_or_else(|| vm.type_error("expected 1 argument"))?;
    vm.get_attr(t, name)
}

fn px_setattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let [_, name, v] = args else { return Err(vm.type_error("expected 2 arguments")) };
    vm.set_attr(t, *name, *v)?;
    Ok(Value::NONE)
}

fn px_delattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let [_, name] = args else { return Err(vm.type_error("expected 1 argument")) };
    vm.del_attr(t, *name)?;
    Ok(Value::NONE)
}

fn px_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = super::this::<WeakRef>(vm, args, "__repr__", "weakproxy")?;
    let t = d.referent.get();
    let me = args[0].bits() & 0xFFFF_FFFF_FFFF;
    if t.is_null() {
        return Ok(vm.new_string(format!("<weakproxy at {me:#x}; dead>")));
    }
    let tn = vm.type_name(t);
    Ok(vm.new_string(format!("<weakproxy at {me:#x}; to '{tn}' at {:#x}>", t.bits() & 0xFFFF_FFFF_FFFF)))
}

fn px_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    vm.str(t)
}

fn px_bool(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    Ok(Value::bool(vm.truthy(t)?))
}

fn px_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let n = vm.len(t)?;
    Ok(vm.new_int(n as i64))
}

fn px_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    vm.iter(t)
}

fn px_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    vm.call_method(t, "__next__", &[])
}

fn px_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let tn = args.first().map(|a| vm.type_name(*a)).unwrap_or_default();
    Err(vm.type_error(format!("unhashable type: 'weakref.{tn}'")))
}

fn px_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let [_, k] = args else { return Err(vm.type_error("expected 1 argument")) };
    vm.get_item(t, *k)
}

fn px_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let [_, k, v] = args else { return Err(vm.type_error("expected 2 arguments")) };
    vm.set_item(t, *k, *v)?;
    Ok(Value::NONE)
}

fn px_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let [_, k] = args else { return Err(vm.type_error("expected 1 argument")) };
    vm.del_item(t, *k)?;
    Ok(Value::NONE)
}

fn px_contains(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    let [_, k] = args else { return Err(vm.type_error("expected 1 argument")) };
    Ok(Value::bool(vm.contains(t, *k)?))
}

fn px_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = referent(vm, args)?;
    vm.call(t, &args[1..], kw)
}

macro_rules! proxy_binops {
    ($($name:ident $rname:ident $op:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                let [a, b] = args else { return Err(vm.type_error("expected 1 argument")) };
                let (a, b) = (unwrap(vm, *a)?, unwrap(vm, *b)?);
                vm.binary_op(BinOp::$op, a, b)
            }
            fn $rname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                let [a, b] = args else { return Err(vm.type_error("expected 1 argument")) };
                let (a, b) = (unwrap(vm, *a)?, unwrap(vm, *b)?);
                vm.binary_op(BinOp::$op, b, a)
            }
        )*
    };
}

proxy_binops!(
    px_add px_radd Add, px_sub px_rsub Sub, px_mul px_rmul Mul, px_matmul px_rmatmul MatMul,
    px_truediv px_rtruediv TrueDiv, px_floordiv px_rfloordiv FloorDiv, px_mod px_rmod Mod,
    px_pow px_rpow Pow, px_lshift px_rlshift LShift, px_rshift px_rrshift RShift, px_and px_rand And,
    px_or px_ror Or, px_xor px_rxor Xor,
);

macro_rules! proxy_cmps {
    ($($name:ident $op:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                let [a, b] = args else { return Err(vm.type_error("expected 1 argument")) };
                let (a, b) = (unwrap(vm, *a)?, unwrap(vm, *b)?);
                vm.compare(CmpOp::$op, a, b)
            }
        )*
    };
}

proxy_cmps!(px_lt Lt, px_le Le, px_eq Eq, px_ne Ne, px_gt Gt, px_ge Ge);

fn proxy_class(vm: &mut Vm, m: Value, name: &'static str, callable: bool) -> Value {
    let c = new_class(vm, "weakref", name, vm.types.object, Layout::Other, class_flags::CUSTOM_GETATTR);
    let methods: &[(&'static str, crate::vm::NativeFn)] = &[
        ("__getattr__", px_getattr),
        ("__setattr__", px_setattr),
        ("__delattr__", px_delattr),
        ("__repr__", px_repr),
        ("__str__", px_str),
        ("__bool__", px_bool),
        ("__len__", px_len),
        ("__iter__", px_iter),
        ("__next__", px_next),
        ("__hash__", px_hash),
        ("__getitem__", px_getitem),
        ("__setitem__", px_setitem),
        ("__delitem__", px_delitem),
        ("__contains__", px_contains),
        ("__lt__", px_lt),
        ("__le__", px_le),
        ("__eq__", px_eq),
        ("__ne__", px_ne),
        ("__gt__", px_gt),
        ("__ge__", px_ge),
        ("__add__", px_add),
        ("__radd__", px_radd),
        ("__sub__", px_sub),
        ("__rsub__", px_rsub),
        ("__mul__", px_mul),
        ("__rmul__", px_rmul),
        ("__matmul__", px_matmul),
        ("__rmatmul__", px_rmatmul),
        ("__truediv__", px_truediv),
        ("__rtruediv__", px_rtruediv),
        ("__floordiv__", px_floordiv),
        ("__rfloordiv__", px_rfloordiv),
        ("__mod__", px_mod),
        ("__rmod__", px_rmod),
        ("__pow__", px_pow),
        ("__rpow__", px_rpow),
        ("__lshift__", px_lshift),
        ("__rlshift__", px_rlshift),
        ("__rshift__", px_rshift),
        ("__rrshift__", px_rrshift),
        ("__and__", px_and),
        ("__rand__", px_rand),
        ("__or__", px_or),
        ("__ror__", px_ror),
        ("__xor__", px_xor),
        ("__rxor__", px_rxor),
    ];
    for &(n, f) in methods {
        vm.add_method(c, n, f);
    }
    if callable {
        vm.add_method(c, "__call__", px_call);
    }
    set(vm, m, name, c);
    c
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_weakref",
        &[
            ("getweakrefcount", w_getweakrefcount),
            ("getweakrefs", w_getweakrefs),
            ("proxy", w_proxy),
            ("_remove_dead_weakref", w_remove_dead_weakref),
        ],
    );
    let r = new_class(vm, "weakref", "ReferenceType", vm.types.object, Layout::Other, class_flags::BASETYPE);
    let name = vm.new_str("weakref");
    if let Some(c) = r.as_class() {
        c.name.set(name);
        c.qualname.set(name);
    }
    vm.add_staticmethod(r, "__new__", ref_new);
    vm.add_method(r, "__init__", ref_init);
    vm.add_method(r, "__call__", ref_call);
    vm.add_method(r, "__hash__", ref_hash);
    vm.add_method(r, "__eq__", ref_eq);
    vm.add_method(r, "__ne__", ref_ne);
    vm.add_method(r, "__repr__", ref_repr);
    vm.add_getter(r, "__callback__", ref_callback);
    vm.add_classmethod(r, "__class_getitem__", ref_class_getitem);
    set(vm, m, "ref", r);
    set(vm, m, "ReferenceType", r);
    vm.state.borrow_mut().insert("weakref.ref", r);
    let p = proxy_class(vm, m, "ProxyType", false);
    vm.state.borrow_mut().insert("weakref.ProxyType", p);
    let cp = proxy_class(vm, m, "CallableProxyType", true);
    vm.state.borrow_mut().insert("weakref.CallableProxyType", cp);
    let k = vm.intern("callable");
    let callable = vm.dict_get_str(vm.builtins_dict, k).unwrap_or(Value::NULL);
    vm.state.borrow_mut().insert("weakref.callable", callable);
    Ok(m)
}
