//! The `_weakref` module.
//!
//! A weak reference must not keep its referent alive, and must be cleared (and its
//! callback queued) when the collector finds the referent unreachable. `WeakRef` is built
//! for that: its `trace` does not visit the referent, and every live weak reference is
//! listed in `REFS` so that the collector can call `clear_dead` between marking and
//! sweeping. Until the collector calls it (it announces so with `enable`), making a weak
//! reference raises NotImplementedError: a reference that is never cleared would give
//! wrong answers (`ref()` returning an object CPython has freed), and one whose referent
//! is freed under it would be unsound.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

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
}
impl_native!(WeakRef, |s, visit| { visit(s.callback.get()) });

static ENABLED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Every weak reference object made on this thread (not traced: see `clear_dead`).
    static REFS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Called by the collector once it calls `clear_dead` at every collection.
pub fn enable() {
    ENABLED.store(true, Ordering::SeqCst);
}

/// For the collector, after marking and before sweeping: forgets weak reference objects
/// that are themselves unreachable, clears those whose referent is unreachable, and
/// returns the (callback, weakref) pairs to call once the sweep is done (the weakref
/// objects returned must be kept alive until then).
pub fn clear_dead(is_live: &mut dyn FnMut(Value) -> bool) -> Vec<(Value, Value)> {
    let mut calls = Vec::new();
    REFS.with(|r| {
        r.borrow_mut().retain(|&w| {
            if !is_live(w) {
                return false;
            }
            let Some(d) = native::<WeakRef>(&w) else { return false };
            let t = d.referent.get();
            if !t.is_null() && !is_live(t) {
                d.referent.set(Value::NULL);
                let cb = d.callback.get();
                if !cb.is_none() && !cb.is_null() {
                    calls.push((cb, w));
                }
                d.callback.set(Value::NONE);
                return false;
            }
            true
        })
    });
    calls
}

fn ref_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first().filter(|c| c.as_class().is_some()) else {
        return Err(vm.type_error("weakref.__new__(X): X is not a type object"));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let rest = &args[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {}", rest.len())));
    }
    let obj = rest[0];
    if !obj.is_obj() {
        return Err(vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_name(obj))));
    }
    if !ENABLED.load(Ordering::SeqCst) {
        return Err(vm.not_implemented_error(
            "weak references are not supported yet (they need the garbage collector's support)",
        ));
    }
    let callback = rest.get(1).copied().unwrap_or(Value::NONE);
    let w =
        vm.new_native(cls, WeakRef { referent: Cell::new(obj), callback: Cell::new(callback), hash: Cell::new(None) });
    REFS.with(|r| r.borrow_mut().push(w));
    Ok(w)
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
    let Some(o) = native::<WeakRef>(&other) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (a, b) = (d.referent.get(), o.referent.get());
    let r = if a.is_null() || b.is_null() { args[0].is(other) } else { vm.eq(a, b)? };
    Ok(Value::bool(r != negate))
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
    Ok(vm.new_string(format!("<weakref at {me:#x}; to '{tn}' at {:#x}>", t.bits() & 0xFFFF_FFFF_FFFF)))
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
    let n = REFS.with(|r| {
        r.borrow().iter().filter(|w| native::<WeakRef>(w).is_some_and(|d| d.referent.get().is(args[0]))).count()
    });
    Ok(vm.new_int(n as i64))
}

fn w_getweakrefs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getweakrefs", args, kw, 1, 1)?;
    let l: Vec<Value> = REFS.with(|r| {
        r.borrow()
            .iter()
            .copied()
            .filter(|w| native::<WeakRef>(w).is_some_and(|d| d.referent.get().is(args[0])))
            .collect()
    });
    Ok(vm.new_list(l))
}

fn w_proxy(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.not_implemented_error("weakref.proxy is not supported yet"))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn w_remove_dead_weakref(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_remove_dead_weakref", args, kw, 2, 2)?;
    let (d, key) = (args[0], args[1]);
    if d.as_dict().is_none() {
        return Err(vm.type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {}", vm.type_name(d))));
    }
    if let Some(v) = vm.dict_get(d, key)? {
        if native::<WeakRef>(&v).is_some_and(|w| w.referent.get().is_null()) {
            vm.del_item(d, key)?;
        }
    }
    Ok(Value::NONE)
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
    for n in ["ProxyType", "CallableProxyType"] {
        let c = new_class(vm, "weakref", n, vm.types.object, Layout::Other, 0);
        set(vm, m, n, c);
    }
    Ok(m)
}
