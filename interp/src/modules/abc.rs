//! The `_abc` module: the C half of `abc.ABCMeta` (abstract-method bookkeeping, virtual
//! subclass registration and the subclass-check caches).
//!
//! CPython keeps the registry and caches as sets of weak references, so that a class that
//! is registered or checked can still be freed. Krait holds them strongly (classes are
//! rarely freed, and weak references need collector support that is not there yet): the
//! only difference a program can see is that such classes stay alive.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::impl_native;
use crate::object::Layout;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{nargs, native, new_class, new_module};

/// Bumped by every `register`, so negative caches know when they are stale.
static TOKEN: AtomicU64 = AtomicU64::new(0);

pub struct AbcData {
    registry: Value,
    cache: Value,
    negative: Value,
    negative_version: Cell<u64>,
}
impl_native!(AbcData, |s, visit| {
    visit(s.registry);
    visit(s.cache);
    visit(s.negative);
});

fn new_set(vm: &mut Vm) -> PyResult<Value> {
    vm.call(vm.types.set, &[], &[])
}

/// `cls._abc_impl`: the object holding the sets (a `Value` the caller keeps).
fn impl_of(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let k = vm.intern("_abc_impl");
    let v = vm.get_attr(cls, k)?;
    if native::<AbcData>(&v).is_none() {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(v)
}

/// The data of an object `impl_of` returned.
fn data(v: &Value) -> &AbcData {
    match native::<AbcData>(v) {
        Some(d) => d,
        None => unreachable!("checked by impl_of"),
    }
}

fn contains(vm: &mut Vm, set: Value, x: Value) -> PyResult<bool> {
    vm.contains(set, x)
}

fn add(vm: &mut Vm, set: Value, x: Value) -> PyResult<()> {
    vm.call_method(set, "add", &[x])?;
    Ok(())
}

fn a_get_cache_token(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "get_cache_token", args, kw, 0, 0)?;
    Ok(vm.new_int(TOKEN.load(Ordering::SeqCst) as i64))
}

fn is_abstract(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let k = vm.intern("__isabstractmethod__");
    match vm.get_attr_opt(v, k)? {
        Some(x) => vm.truthy(x),
        None => Ok(false),
    }
}

fn a_abc_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_abc_init", args, kw, 1, 1)?;
    let cls = args[0];
    let Some(cd) = cls.as_class() else {
        return Err(vm.type_error("_abc_init() argument must be a class"));
    };
    let mut abstracts: Vec<Value> = Vec::new();
    let items = cd.dict.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
    for (name, value) in items {
        if is_abstract(vm, value)? {
            abstracts.push(name);
        }
    }
    let bases = cd.bases.borrow().clone();
    let am = vm.intern("__abstractmethods__");
    for base in bases {
        let Some(names) = vm.get_attr_opt(base, am)? else { continue };
        for name in vm.collect(names)? {
            let value = vm.get_attr_opt(cls, name)?;
            if let Some(v) = value {
                if is_abstract(vm, v)? && !abstracts.iter().any(|a| a.as_rstr() == name.as_rstr()) {
                    abstracts.push(name);
                }
            }
        }
    }
    let l = vm.new_list(abstracts);
    let fs = vm.call(vm.types.frozenset, &[l], &[])?;
    vm.set_attr(cls, am, fs)?;
    let data = AbcData {
        registry: new_set(vm)?,
        cache: new_set(vm)?,
        negative: new_set(vm)?,
        negative_version: Cell::new(TOKEN.load(Ordering::SeqCst)),
    };
    let dcls = vm.state.borrow().get("abc.data").copied().unwrap_or(vm.types.object);
    let d = vm.new_native(dcls, data);
    let k = vm.intern("_abc_impl");
    vm.set_attr(cls, k, d)?;
    Ok(Value::NONE)
}

fn issubclass(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let f = vm.intern("issubclass");
    let f = vm.dict_get_str(vm.builtins_dict, f).unwrap_or(Value::NONE);
    let r = vm.call(f, &[a, b], &[])?;
    vm.truthy(r)
}

fn a_abc_register(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_abc_register", args, kw, 2, 2)?;
    let (cls, sub) = (args[0], args[1]);
    if sub.as_class().is_none() {
        return Err(vm.type_error("Can only register classes"));
    }
    if issubclass(vm, sub, cls)? {
        return Ok(sub);
    }
    if issubclass(vm, cls, sub)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let dv = impl_of(vm, cls)?;
    let d = data(&dv);
    add(vm, d.registry, sub)?;
    TOKEN.fetch_add(1, Ordering::SeqCst);
    Ok(sub)
}

fn a_abc_instancecheck(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_abc_instancecheck", args, kw, 2, 2)?;
    let (cls, inst) = (args[0], args[1]);
    let dv = impl_of(vm, cls)?;
    let d = data(&dv);
    let k = vm.intern("__class__");
    let subclass = vm.get_attr(inst, k)?;
    if contains(vm, d.cache, subclass)? {
        return Ok(Value::TRUE);
    }
    let subtype = vm.type_of(inst);
    if subtype.is(subclass) {
        if d.negative_version.get() == TOKEN.load(Ordering::SeqCst) && contains(vm, d.negative, subclass)? {
            return Ok(Value::FALSE);
        }
        return vm.call_method(cls, "__subclasscheck__", &[subclass]);
    }
    for c in [subclass, subtype] {
        let r = vm.call_method(cls, "__subclasscheck__", &[c])?;
        if vm.truthy(r)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn a_abc_subclasscheck(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_abc_subclasscheck", args, kw, 2, 2)?;
    let (cls, sub) = (args[0], args[1]);
    if sub.as_class().is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let dv = impl_of(vm, cls)?;
    let d = data(&dv);
    if contains(vm, d.cache, sub)? {
        return Ok(Value::TRUE);
    }
    let token = TOKEN.load(Ordering::SeqCst);
    if d.negative_version.get() < token {
        vm.call_method(d.negative, "clear", &[])?;
        d.negative_version.set(token);
    } else if contains(vm, d.negative, sub)? {
        return Ok(Value::FALSE);
    }
    let ok = vm.call_method(cls, "__subclasshook__", &[sub])?;
    if !ok.is(Value::NOT_IMPLEMENTED) {
        if ok.as_bool().is_none() {
            return Err(
                vm.err(vm.exc.assertion_error, "__subclasshook__ must return either False, True, or NotImplemented")
            );
        }
        let target = if ok == Value::TRUE { d.cache } else { d.negative };
        add(vm, target, sub)?;
        return Ok(ok);
    }
    let mro = sub.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default();
    if mro.iter().any(|c| c.is(cls)) {
        add(vm, d.cache, sub)?;
        return Ok(Value::TRUE);
    }
    let registry = vm.collect(d.registry)?;
    for r in registry {
        if issubclass(vm, sub, r)? {
            add(vm, d.cache, sub)?;
            return Ok(Value::TRUE);
        }
    }
    let subs = vm.call_method(cls, "__subclasses__", &[])?;
    for s in vm.collect(subs)? {
        if issubclass(vm, sub, s)? {
            add(vm, d.cache, sub)?;
            return Ok(Value::TRUE);
        }
    }
    add(vm, d.negative, sub)?;
    Ok(Value::FALSE)
}

fn a_get_dump(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_get_dump", args, kw, 1, 1)?;
    let dv = impl_of(vm, args[0])?;
    let d = data(&dv);
    let r = vm.call_method(d.registry, "copy", &[])?;
    let c = vm.call_method(d.cache, "copy", &[])?;
    let n = vm.call_method(d.negative, "copy", &[])?;
    let v = vm.new_int(d.negative_version.get() as i64);
    Ok(vm.new_tuple(vec![r, c, n, v]))
}

fn a_reset_registry(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_reset_registry", args, kw, 1, 1)?;
    let dv = impl_of(vm, args[0])?;
    let d = data(&dv);
    vm.call_method(d.registry, "clear", &[])?;
    Ok(Value::NONE)
}

fn a_reset_caches(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_reset_caches", args, kw, 1, 1)?;
    let dv = impl_of(vm, args[0])?;
    let d = data(&dv);
    vm.call_method(d.cache, "clear", &[])?;
    vm.call_method(d.negative, "clear", &[])?;
    Ok(Value::NONE)
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_abc",
        &[
            ("get_cache_token", a_get_cache_token),
            ("_abc_init", a_abc_init),
            ("_abc_register", a_abc_register),
            ("_abc_instancecheck", a_abc_instancecheck),
            ("_abc_subclasscheck", a_abc_subclasscheck),
            ("_get_dump", a_get_dump),
            ("_reset_registry", a_reset_registry),
            ("_reset_caches", a_reset_caches),
        ],
    );
    let c = new_class(vm, "_abc", "_abc_data", vm.types.object, Layout::Other, 0);
    vm.state.borrow_mut().insert("abc.data", c);
    Ok(m)
}
