//! Attribute access: the descriptor protocol, instance attributes in hidden-class slots,
//! `__getattr__`/`__getattribute__`/`__setattr__`/`__delattr__`, class attribute lookup.
//!
//! Three generic algorithms exist, as in CPython: `object.__getattribute__` (type MRO for a
//! data descriptor, then the instance's attributes, then a non-data descriptor or plain
//! class attribute), `type.__getattribute__` (the metatype's data descriptors, then the
//! class's own MRO with `__get__(None, cls)`, then the metatype's other attributes) and the
//! module variant (the module dict, then a module-level `__getattr__`). Which one runs is
//! decided by the object's payload; classes whose MRO defines a Python-level
//! `__getattribute__`/`__getattr__`/`__setattr__`/`__delattr__` carry the `CUSTOM_GETATTR`
//! flag, and only for those is the hook looked up at all, so ordinary attribute access
//! never pays for the hooks.
//!
//! Type lookups along the MRO of heap classes are cached in a small direct-mapped cache
//! keyed by (class, interned name) and validated by the class's version. Versions only
//! ever grow and are bumped for a class and all its subclasses whenever a class attribute
//! changes (`bump_version`). Lookups through builtin classes are cached under one global
//! epoch instead (`builtin_class_changed`): their dicts only change while builtin types
//! and native modules are set up, through `Vm::set_class_or_module_attr`.

use std::cell::Cell;

use crate::object::{class_flags, NativeFunction, NativeKind, Payload, PyObj};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

// ----- interned names -----

macro_rules! names_table {
    ($($f:ident),* $(,)?) => {
        /// Interned names the object model uses on its hot paths (one hash-table lookup
        /// saved per use).
        #[allow(non_snake_case)]
        pub struct Names {
            $(pub $f: Value,)*
        }

        impl Names {
            fn build(vm: &mut Vm) -> Names {
                Names { $($f: vm.intern(stringify!($f)),)* }
            }
        }
    };
}

names_table! {
    __getattribute__, __getattr__, __setattr__, __delattr__, __get__, __set__, __delete__,
    __dict__, __class__, __doc__, __name__, __qualname__, __module__, __slots__, __weakref__,
    __init__, __new__, __call__, __init_subclass__, __set_name__, __class_getitem__,
    __mro_entries__, __prepare__, __classcell__, __orig_bases__, __eq__, __ne__, __lt__,
    __le__, __gt__, __ge__, __hash__, __bool__, __len__, __repr__, __str__, __format__,
    __iter__, __next__, __getitem__, __setitem__, __delitem__, __contains__, __neg__,
    __pos__, __invert__, __index__, __instancecheck__, __subclasscheck__,
    __abstractmethods__, __isabstractmethod__, __annotations__, __origin__, __args__,
    __parameters__, __main__, builtins, mro, __add__, __radd__, __iadd__, __sub__,
    __rsub__, __isub__, __mul__, __rmul__, __imul__, __matmul__, __rmatmul__, __imatmul__,
    __truediv__, __rtruediv__, __itruediv__, __floordiv__, __rfloordiv__, __ifloordiv__,
    __mod__, __rmod__, __imod__, __pow__, __rpow__, __ipow__, __lshift__, __rlshift__,
    __ilshift__, __rshift__, __rrshift__, __irshift__, __and__, __rand__, __iand__, __or__,
    __ror__, __ior__, __xor__, __rxor__, __ixor__, __float__, __int__, __missing__,
    __wrapped__, __func__, __reversed__,
}

thread_local! {
    static NAMES: Cell<Option<&'static Names>> = const { Cell::new(None) };
}

/// The interned-name table of the running VM.
#[inline]
pub fn names() -> &'static Names {
    NAMES.with(|n| n.get()).expect("object model names used before eval::object_type::init")
}

/// Builds the name table; called once per VM by `object_type::init`. (A VM lives on one
/// thread; a later VM on the same thread replaces the table.)
pub(crate) fn init_names(vm: &mut Vm) {
    let t: &'static Names = Box::leak(Box::new(Names::build(vm)));
    NAMES.with(|n| n.set(Some(t)));
    clear_cache();
}

// ----- the type-lookup cache -----

#[derive(Clone, Copy)]
struct CacheEntry {
    cls: u64,
    name: u64,
    version: u64,
    /// NULL records "not found".
    value: Value,
}

const CACHE_BITS: u32 = 12;
const EMPTY: CacheEntry = CacheEntry { cls: 0, name: 0, version: 0, value: Value::NULL };

thread_local! {
    /// Leaked once per thread, behind a `const` thread-local so that lookups pay no lazy
    /// initialization check (see `cache`).
    static CACHE: Cell<Option<&'static [Cell<CacheEntry>]>> = const { Cell::new(None) };
    /// Source of fresh class versions: far above what `Vm::set_class_or_module_attr`'s +1
    /// bumps reach, so a version is never reused for one class.
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1 << 40) };
}

thread_local! {
    /// The version under which lookups through builtin (non-heap) classes are cached: one
    /// counter for all of them, bumped by `builtin_class_changed` whenever any builtin
    /// class's dict changes (which happens while builtin types and native modules are being
    /// set up), so a change to a builtin base also invalidates its builtin subclasses.
    static BUILTIN_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// Invalidates every cached lookup through builtin classes (`Vm::set_class_or_module_attr`
/// calls this after changing a builtin class's dict).
pub fn builtin_class_changed() {
    BUILTIN_EPOCH.with(|e| e.set(e.get() + 1));
}

/// The type-lookup cache of this thread.
#[inline]
fn cache() -> &'static [Cell<CacheEntry>] {
    super::thread_table(&CACHE, CACHE_BITS, EMPTY)
}

/// Forgets every cached lookup. The collector must call this after every collection that
/// frees a class or a string: the caches are keyed by the addresses of classes and name
/// strings.
pub fn clear_cache() {
    cache().iter().for_each(|e| e.set(EMPTY));
    KNOWN_INTERNED.with(|k| k.iter().for_each(|e| e.set(0)));
    crate::eval::attr_ic::clear();
}

/// A version number no class has had.
pub fn fresh_version() -> u64 {
    NEXT_VERSION.with(|n| {
        let v = n.get() + 1;
        n.set(v);
        v
    })
}

/// Invalidates cached lookups through `cls` and every class derived from it.
pub fn bump_version(cls: Value) {
    let mut work = vec![cls];
    let mut seen: Vec<u64> = Vec::new();
    while let Some(c) = work.pop() {
        if seen.contains(&c.bits()) {
            continue;
        }
        seen.push(c.bits());
        if let Some(cd) = c.as_class() {
            let v = fresh_version().max(cd.version.get() + 1);
            NEXT_VERSION.with(|n| n.set(n.get().max(v)));
            cd.version.set(v);
            work.extend(cd.subclasses.borrow().iter().copied());
        }
    }
}

/// Sets `flag` on `cls` and every class derived from it.
pub fn set_flag_recursive(cls: Value, flag: u32) {
    let mut work = vec![cls];
    let mut seen: Vec<u64> = Vec::new();
    while let Some(c) = work.pop() {
        if seen.contains(&c.bits()) {
            continue;
        }
        seen.push(c.bits());
        if let Some(cd) = c.as_class() {
            cd.flags.set(cd.flags.get() | flag);
            work.extend(cd.subclasses.borrow().iter().copied());
        }
    }
}

#[inline]
fn cache_index(cls: u64, name: u64) -> usize {
    let h = (cls >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (name >> 3).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (h >> (64 - CACHE_BITS)) as usize
}

/// `name` (a str, normally interned) along the MRO of `cls`, without binding; cached for
/// heap classes.
#[inline]
pub fn lookup(vm: &Vm, cls: Value, name: Value) -> Option<Value> {
    lookup_type(vm, cls, name)
}

/// `name` along the MRO of `cls`, without binding (`Vm::lookup_type`). Lookups through
/// heap classes are cached by (class, name object, class version).
pub fn lookup_type(vm: &Vm, cls: Value, name: Value) -> Option<Value> {
    let c = cls.as_class()?;
    let version = if c.has_flag(class_flags::HEAPTYPE) { c.version.get() } else { BUILTIN_EPOCH.with(Cell::get) };
    let idx = cache_index(cls.bits(), name.bits());
    let tab = cache();
    let e = tab[idx].get();
    if e.cls == cls.bits() && e.name == name.bits() && e.version == version {
        return if e.value.is_null() { None } else { Some(e.value) };
    }
    let found = lookup_uncached(vm, cls, name);
    tab[idx].set(CacheEntry { cls: cls.bits(), name: name.bits(), version, value: found.unwrap_or(Value::NULL) });
    found
}

/// The MRO walk itself.
pub fn lookup_uncached(vm: &Vm, cls: Value, name: Value) -> Option<Value> {
    let c = cls.as_class()?;
    for k in c.mro.borrow().iter() {
        let d = k.as_class()?.dict;
        if let Some(v) = vm.dict_get_str(d, name) {
            return Some(v);
        }
    }
    None
}

/// The class along `cls`'s MRO whose own dict holds `name`.
pub fn lookup_owner(vm: &Vm, cls: Value, name: Value) -> Option<Value> {
    let c = cls.as_class()?;
    let mro = c.mro.borrow().clone();
    mro.into_iter().find(|k| k.as_class().is_some_and(|kc| vm.dict_get_str(kc.dict, name).is_some()))
}

// ----- names -----

const INTERNED_BITS: u32 = 10;

thread_local! {
    /// Addresses of strs known to be the interned object for their text (interned strs live
    /// as long as the intern table), so re-interning a name from code costs no hashing.
    static KNOWN_INTERNED: Box<[Cell<u64>]> = (0..1usize << INTERNED_BITS).map(|_| Cell::new(0)).collect();
}

/// The interned str for an attribute name; TypeError for non-str names.
pub fn intern_name(vm: &mut Vm, name: Value) -> PyResult<Value> {
    let slot = ((name.bits() >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - INTERNED_BITS)) as usize;
    if KNOWN_INTERNED.with(|k| k[slot].get() == name.bits()) {
        return Ok(name);
    }
    match name.as_rstr() {
        Some(s) => {
            if name.obj().class.get().is(vm.types.str_) {
                let i = vm.intern_value(name);
                if i.is(name) {
                    KNOWN_INTERNED.with(|k| k[slot].set(name.bits()));
                }
                Ok(i)
            } else {
                // Never intern a str subclass instance: the table must hold exact strs.
                let s = s.to_owned();
                Ok(vm.intern(&s))
            }
        }
        None => Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_tp_name(name)))),
    }
}

fn name_string(name: Value) -> String {
    name.as_rstr().unwrap_or("?").to_owned()
}

// ----- errors -----

/// The AttributeError for a missing attribute, with CPython's message for the kind of
/// object and the `name`/`obj` attributes the traceback printer uses for suggestions.
pub fn attr_error(vm: &mut Vm, obj: Value, name: Value) -> PyErr {
    let n = name_string(name);
    let msg = match obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Class(_)) => format!("type object '{}' has no attribute '{n}'", vm.tp_name(obj)),
        Some(Payload::Module(m)) => {
            let key = names().__name__;
            match vm.dict_get_str(m.dict, key).and_then(|v| v.as_rstr().map(str::to_owned)) {
                Some(mname) => format!("module '{mname}' has no attribute '{n}'"),
                None => format!("module has no attribute '{n}'"),
            }
        }
        _ => format!("'{}' object has no attribute '{n}'", vm.type_tp_name(obj)),
    };
    let e = vm.attribute_error(msg);
    set_attr_error_info(vm, e, obj, name);
    e
}

/// Records `name` and `obj` on an AttributeError (used for "Did you mean" suggestions).
pub fn set_attr_error_info(vm: &mut Vm, e: PyErr, obj: Value, name: Value) {
    crate::eval::exc::slot_set(vm, e.0, "name", name);
    crate::eval::exc::slot_set(vm, e.0, "obj", obj);
}

fn is_attr_error(vm: &Vm, e: &PyErr) -> bool {
    vm.err_matches(e, vm.exc.attribute_error)
}

// ----- identities of the builtin hooks -----

/// The native hook functions registered on object/type/module/super, so that finding one
/// of them on a CUSTOM_GETATTR class means "use the generic algorithm".
#[derive(Clone, Copy)]
pub(crate) struct Hooks {
    pub getattribute: [Value; 4],
    pub setattr: [Value; 2],
    pub delattr: [Value; 2],
}

thread_local! {
    static HOOKS: Cell<Hooks> = const {
        Cell::new(Hooks { getattribute: [Value::NULL; 4], setattr: [Value::NULL; 2], delattr: [Value::NULL; 2] })
    };
}

pub(crate) fn set_hooks(h: Hooks) {
    HOOKS.with(|c| c.set(h));
}

fn hooks() -> Hooks {
    HOOKS.with(|c| c.get())
}

// ----- descriptors -----

/// Builtin classes whose instances are never descriptors (checked before any MRO walk).
#[inline]
fn is_plain_builtin(vm: &Vm, cls: Value) -> bool {
    let t = &vm.types;
    [t.int, t.str_, t.float, t.tuple, t.list, t.dict, t.set, t.frozenset, t.bytes, t.none_type, t.bool_, t.complex]
        .iter()
        .any(|c| c.is(cls))
        || (cls.is(t.type_))
}

/// Whether `d`, found on a type, is a data descriptor (its type defines `__set__` or
/// `__delete__`).
pub fn is_data_descr(vm: &Vm, d: Value) -> bool {
    let Some(o) = d.as_obj() else { return false };
    let cls = o.class.get();
    match &o.payload {
        Payload::Function(_) | Payload::NativeFunction(_) => return false,
        Payload::Property { .. } if cls.is(vm.types.property) => return true,
        Payload::StaticMethod(_) if cls.is(vm.types.staticmethod) => return false,
        Payload::ClassMethod(_) if cls.is(vm.types.classmethod) => return false,
        Payload::Native(n) if n.as_any().is::<crate::eval::descr::SlotDescr>() => return true,
        _ => {}
    }
    if is_plain_builtin(vm, cls) {
        return false;
    }
    let n = names();
    lookup(vm, cls, n.__set__).is_some() || lookup(vm, cls, n.__delete__).is_some()
}

/// A bound method object for a Python function.
pub fn new_method(vm: &Vm, func: Value, obj: Value) -> Value {
    vm.alloc(vm.types.method, Payload::BoundMethod { func, obj })
}

/// A copy of a native function bound to `obj` (passed as its first argument).
pub fn bind_native(vm: &Vm, nf: &NativeFunction, obj: Value) -> Value {
    vm.alloc(
        vm.native_class(nf.kind, nf.owner, obj, nf.name),
        Payload::NativeFunction(Box::new(NativeFunction {
            name: nf.name,
            f: nf.f,
            kind: nf.kind,
            bound: obj,
            owner: nf.owner,
            data: nf.data,
        })),
    )
}

/// Binds the native method `d` to `obj`, checking that `obj` is an instance of the class
/// the method belongs to (natives rely on their receiver's payload).
fn bind_native_method(vm: &mut Vm, d: Value, nf: &NativeFunction, obj: Value) -> PyResult<Value> {
    if nf.owner.as_class().is_some() && !vm.isinstance(obj, nf.owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            nf.name,
            vm.class_name(nf.owner),
            vm.type_tp_name(obj)
        )));
    }
    let _ = d;
    Ok(bind_native(vm, nf, obj))
}

/// `d.__get__(obj, tp)` for a `d` found on type `tp`; `obj` NULL means access through the
/// class itself (`__get__(None, tp)`).
pub fn descr_get(vm: &mut Vm, d: Value, obj: Value, tp: Value) -> PyResult<Value> {
    let Some(o) = d.as_obj() else { return Ok(d) };
    let cls = o.class.get();
    match &o.payload {
        Payload::Function(_) => {
            return Ok(if obj.is_null() { d } else { new_method(vm, d, obj) });
        }
        Payload::NativeFunction(nf) => {
            if !nf.bound.is_null() {
                return Ok(d);
            }
            return match nf.kind {
                NativeKind::Method if !obj.is_null() => bind_native_method(vm, d, nf, obj),
                NativeKind::ClassMethod => Ok(bind_native(vm, nf, tp)),
                _ => Ok(d),
            };
        }
        Payload::Property { fget, .. } if cls.is(vm.types.property) => {
            let f = fget.get();
            // None is an instance for the natively defined attributes (CPython's getset
            // descriptors: `None.__class__`); a Python property treats it as "no instance".
            let native = matches!(f.as_obj().map(|o| &o.payload), Some(Payload::NativeFunction(_)));
            if obj.is_null() || (obj.is_none() && !native) {
                return Ok(d);
            }
            if f.is_none() || f.is_null() {
                return Err(crate::eval::descr::property_error(vm, d, obj, "getter"));
            }
            return call_fast(vm, f, &[obj]);
        }
        Payload::StaticMethod(f) if cls.is(vm.types.staticmethod) => return Ok(f.get()),
        Payload::ClassMethod(f) if cls.is(vm.types.classmethod) => {
            let f = f.get();
            return classmethod_bind(vm, f, tp);
        }
        Payload::Native(n) => {
            if let Some(sd) = n.as_any().downcast_ref::<crate::eval::descr::SlotDescr>() {
                if obj.is_null() || obj.is_none() {
                    return Ok(d);
                }
                return crate::eval::descr::slot_get(vm, sd, obj);
            }
        }
        _ => {}
    }
    if is_plain_builtin(vm, cls) {
        return Ok(d);
    }
    match lookup(vm, cls, names().__get__) {
        Some(g) => {
            let inst = if obj.is_null() { Value::NONE } else { obj };
            call_unbound(vm, g, d, &[inst, tp])
        }
        None => Ok(d),
    }
}

/// What `classmethod(f).__get__(_, tp)` returns in 3.11: `f.__get__(tp, tp)` when `f` is
/// itself a descriptor, else a method bound to `tp`.
pub fn classmethod_bind(vm: &mut Vm, f: Value, tp: Value) -> PyResult<Value> {
    if let Some(fo) = f.as_obj() {
        match &fo.payload {
            Payload::Function(_) => return Ok(new_method(vm, f, tp)),
            Payload::NativeFunction(nf) if nf.bound.is_null() => return Ok(bind_native(vm, nf, tp)),
            _ => {}
        }
        let fcls = fo.class.get();
        if !is_plain_builtin(vm, fcls) {
            if let Some(g) = lookup(vm, fcls, names().__get__) {
                return call_unbound(vm, g, f, &[tp, tp]);
            }
        }
    }
    Ok(new_method(vm, f, tp))
}

/// Runs the data descriptor `d`'s `__set__(obj, value)` (or `__delete__(obj)` when `value`
/// is NULL). Ok(false) when `d` is not a data descriptor.
pub fn descr_set(vm: &mut Vm, d: Value, obj: Value, value: Value) -> PyResult<bool> {
    let Some(o) = d.as_obj() else {
        return Ok(false);
    };
    let cls = o.class.get();
    match &o.payload {
        Payload::Function(_) | Payload::NativeFunction(_) => return Ok(false),
        Payload::Property { fset, fdel, .. } if cls.is(vm.types.property) => {
            let (f, what) = if value.is_null() { (fdel.get(), "deleter") } else { (fset.get(), "setter") };
            if f.is_none() || f.is_null() {
                return Err(crate::eval::descr::property_error(vm, d, obj, what));
            }
            if value.is_null() {
                call_fast(vm, f, &[obj])?;
            } else {
                call_fast(vm, f, &[obj, value])?;
            }
            return Ok(true);
        }
        Payload::StaticMethod(_) if cls.is(vm.types.staticmethod) => return Ok(false),
        Payload::ClassMethod(_) if cls.is(vm.types.classmethod) => return Ok(false),
        Payload::Native(n) => {
            if let Some(sd) = n.as_any().downcast_ref::<crate::eval::descr::SlotDescr>() {
                crate::eval::descr::slot_set(vm, sd, obj, value)?;
                return Ok(true);
            }
        }
        _ => {}
    }
    if is_plain_builtin(vm, cls) {
        return Ok(false);
    }
    let n = names();
    let set = lookup(vm, cls, n.__set__);
    let del = lookup(vm, cls, n.__delete__);
    if value.is_null() {
        match (del, set) {
            (Some(del), _) => {
                call_unbound(vm, del, d, &[obj])?;
                Ok(true)
            }
            (None, Some(_)) => Err(vm.attribute_error("__delete__")),
            (None, None) => Ok(false),
        }
    } else {
        match (set, del) {
            (Some(set), _) => {
                call_unbound(vm, set, d, &[obj, value])?;
                Ok(true)
            }
            (None, Some(_)) => Err(vm.attribute_error("__set__")),
            (None, None) => Ok(false),
        }
    }
}

// ----- calling helpers -----

/// Calls `f(args)`, going straight to the Rust function for unbound-free natives.
pub fn call_fast(vm: &mut Vm, f: Value, args: &[Value]) -> PyResult<Value> {
    if let Some(Payload::NativeFunction(nf)) = f.as_obj().map(|o| &o.payload) {
        crate::eval::check_stack(vm)?;
        if nf.bound.is_null() {
            return (nf.f)(vm, args, &[]);
        }
        return with_prefix(nf.bound, args, |all| (nf.f)(vm, all, &[]));
    }
    vm.call(f, args, &[])
}

/// Runs `k` on `[first] + rest` without allocating for short argument lists.
#[inline]
pub fn with_prefix<R>(first: Value, rest: &[Value], k: impl FnOnce(&[Value]) -> R) -> R {
    if rest.len() < 4 {
        let mut buf = [Value::NULL; 4];
        buf[0] = first;
        buf[1..=rest.len()].copy_from_slice(rest);
        k(&buf[..=rest.len()])
    } else {
        let mut v = Vec::with_capacity(rest.len() + 1);
        v.push(first);
        v.extend_from_slice(rest);
        k(&v)
    }
}

/// Calls the attribute `meth` found on `type(obj)` as a method of `obj`: `meth(obj, *args)`
/// for functions and native methods, else through its `__get__`.
pub fn call_unbound(vm: &mut Vm, meth: Value, obj: Value, args: &[Value]) -> PyResult<Value> {
    if let Some(o) = meth.as_obj() {
        match &o.payload {
            Payload::Function(_) => return with_prefix(obj, args, |all| vm.call(meth, all, &[])),
            Payload::NativeFunction(nf) if nf.bound.is_null() && nf.kind == NativeKind::Method => {
                crate::eval::check_stack(vm)?;
                return with_prefix(obj, args, |all| (nf.f)(vm, all, &[]));
            }
            _ => {}
        }
    }
    let tp = vm.type_of(obj);
    let bound = descr_get(vm, meth, obj, tp)?;
    vm.call(bound, args, &[])
}

/// Like `call_unbound`, with keyword arguments.
pub fn call_unbound_kw(
    vm: &mut Vm,
    meth: Value,
    obj: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    if let Some(o) = meth.as_obj() {
        match &o.payload {
            Payload::Function(_) => return with_prefix(obj, args, |all| vm.call(meth, all, kwargs)),
            Payload::NativeFunction(nf) if nf.bound.is_null() && nf.kind == NativeKind::Method => {
                crate::eval::check_stack(vm)?;
                return with_prefix(obj, args, |all| (nf.f)(vm, all, kwargs));
            }
            _ => {}
        }
    }
    let tp = vm.type_of(obj);
    let bound = descr_get(vm, meth, obj, tp)?;
    vm.call(bound, args, kwargs)
}

/// The special method `name` of `type(obj)` (looked up on the type, never the instance).
#[inline]
pub fn lookup_special(vm: &Vm, obj: Value, name: Value) -> Option<Value> {
    lookup(vm, vm.type_of(obj), name)
}

/// `type(obj).name` bound to `obj`, or None when the type lacks it (`LoadSpecial`).
pub fn get_special(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let tp = vm.type_of(obj);
    match lookup(vm, tp, name) {
        Some(m) => descr_get(vm, m, obj, tp).map(Some),
        None => Ok(None),
    }
}

// ----- instance storage -----

/// The instance attribute `name` of `obj` (its `__dict__` entry), if any. For classes and
/// modules that is their namespace dict.
pub fn instance_get(vm: &Vm, obj: Value, name: Value) -> Option<Value> {
    let o = obj.as_obj()?;
    match &o.payload {
        Payload::Class(c) => return vm.dict_get_str(c.dict, name),
        Payload::Module(m) => return vm.dict_get_str(m.dict, name),
        _ => {}
    }
    let attrs = o.attrs.as_ref()?;
    let d = attrs.dict.get();
    if !d.is_null() {
        return vm.dict_get_str(d, name);
    }
    attrs.get_slot(name)
}

/// Whether `obj` takes arbitrary instance attributes (has a `__dict__`).
fn has_instance_dict(obj: &PyObj) -> bool {
    obj.attrs.is_some() && obj.class.get().as_class().is_some_and(|c| c.has_flag(class_flags::HAS_DICT))
}

/// Names declared in `__slots__` along `cls`'s MRO (kept in the slot storage even when the
/// object's other attributes live in a dict).
fn is_slot_name(cls: Value, name: Value) -> bool {
    let Some(c) = cls.as_class() else {
        return false;
    };
    let mro = c.mro.borrow();
    mro.iter().any(|k| {
        k.as_class().is_some_and(|kc| kc.slots.borrow().as_ref().is_some_and(|s| s.iter().any(|n| n.is(name))))
    })
}

/// `obj.__dict__` for an object with attribute storage: switches it to dict mode (the
/// attributes move into a real dict that Python code may mutate directly).
pub fn instance_dict(vm: &mut Vm, obj: Value) -> Option<Value> {
    let o = obj.as_obj()?;
    match &o.payload {
        Payload::Module(m) => return Some(m.dict),
        Payload::Class(c) => return Some(c.dict),
        _ => {}
    }
    let attrs = o.attrs.as_ref()?;
    let d = attrs.dict.get();
    if !d.is_null() {
        return Some(d);
    }
    let d = vm.new_dict();
    let cls = o.class.get();
    for (k, v) in attrs.items() {
        if k.as_pystr().is_some() && !is_slot_name(cls, k) {
            vm.dict_set_str(d, k, v);
        }
    }
    attrs.dict.set(d);
    crate::gc::barrier::attrs_written(attrs);
    Some(d)
}

/// Stores (or with NULL `value`, deletes) an instance attribute. Ok(false) when the
/// object has no attribute storage; Err(AttributeError) for deleting a missing one.
fn instance_set(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<bool> {
    let Some(o) = obj.as_obj() else {
        return Ok(false);
    };
    if !has_instance_dict(o) {
        return Ok(false);
    }
    let Some(attrs) = o.attrs.as_ref() else {
        return Ok(false);
    };
    let d = attrs.dict.get();
    if !d.is_null() {
        if value.is_null() {
            let hash = vm.hash(name)?;
            let removed = match d.as_dict() {
                Some(cell) => {
                    let pos = crate::dict::lookup(vm, cell, name, hash)?;
                    pos.map(|p| cell.borrow_mut().remove_at(p))
                }
                None => None,
            };
            if removed.is_none() {
                return Err(attr_error(vm, obj, name));
            }
        } else {
            vm.dict_set(d, name, value)?;
        }
        return Ok(true);
    }
    if value.is_null() {
        if !attrs.del_slot(name) {
            return Err(attr_error(vm, obj, name));
        }
    } else {
        attrs.set_slot(name, value);
    }
    Ok(true)
}

// ----- get -----

/// `getattr(obj, name)`; `name` is a str (interned or not).
pub fn get_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    let name = intern_name(vm, name)?;
    get_attr_interned(vm, obj, name)
}

/// `getattr(obj, name)` for an already interned `name` (names from code objects).
pub fn get_attr_interned(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    let tp = vm.type_of(obj);
    let custom = tp.as_class().is_some_and(|c| c.has_flag(class_flags::CUSTOM_GETATTR));
    if !custom {
        return match generic_get(vm, obj, tp, name)? {
            Some(v) => Ok(v),
            None => Err(attr_error(vm, obj, name)),
        };
    }
    hooked_get(vm, obj, tp, name)
}

/// `getattr(obj, name, None)`-like: Ok(None) when the attribute is missing (no
/// AttributeError is built on the common path).
pub fn get_attr_opt(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let name = intern_name(vm, name)?;
    let tp = vm.type_of(obj);
    let custom = tp.as_class().is_some_and(|c| c.has_flag(class_flags::CUSTOM_GETATTR));
    let r = if custom { hooked_get(vm, obj, tp, name).map(Some) } else { generic_get(vm, obj, tp, name) };
    match r {
        Err(e) if is_attr_error(vm, &e) => Ok(None),
        r => r,
    }
}

/// Attribute access on a class with Python-level hooks: its `__getattribute__`, then
/// `__getattr__` on AttributeError.
fn hooked_get(vm: &mut Vm, obj: Value, tp: Value, name: Value) -> PyResult<Value> {
    let n = names();
    let ga = lookup(vm, tp, n.__getattribute__);
    let r = match ga {
        Some(g) if !hooks().getattribute.iter().any(|h| h.is(g)) => call_unbound(vm, g, obj, &[name]).map(Some),
        _ => generic_get(vm, obj, tp, name),
    };
    let err = match r {
        Ok(Some(v)) => return Ok(v),
        Ok(None) => None,
        Err(e) if is_attr_error(vm, &e) => Some(e),
        Err(e) => return Err(e),
    };
    if let Some(ga) = lookup(vm, tp, n.__getattr__) {
        return call_unbound(vm, ga, obj, &[name]);
    }
    Err(match err {
        Some(e) => e,
        None => attr_error(vm, obj, name),
    })
}

/// The builtin `__getattribute__` algorithm that fits `obj`'s kind; Ok(None) when the
/// attribute does not exist.
pub fn generic_get(vm: &mut Vm, obj: Value, tp: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(o) = obj.as_obj() {
        match &o.payload {
            Payload::Class(_) => return type_get(vm, obj, tp, name),
            Payload::Module(m) => {
                let d = m.dict;
                return module_get(vm, obj, d, tp, name);
            }
            Payload::Super { .. } => return crate::eval::descr::super_get(vm, obj, tp, name),
            _ => {}
        }
    }
    object_get(vm, obj, tp, name)
}

/// `object.__getattribute__`: Ok(None) when missing.
pub fn object_get(vm: &mut Vm, obj: Value, tp: Value, name: Value) -> PyResult<Option<Value>> {
    let descr = lookup(vm, tp, name);
    if let Some(d) = descr {
        if is_data_descr(vm, d) {
            return descr_get(vm, d, obj, tp).map(Some);
        }
    }
    if let Some(v) = instance_get(vm, obj, name) {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        return descr_get(vm, d, obj, tp).map(Some);
    }
    object_get_fallback(vm, obj, name)
}

/// Attributes every object of a kind has without a descriptor for them in its type.
fn object_get_fallback(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let n = names();
    if let Some(o) = obj.as_obj() {
        if name.is(n.__dict__) && has_instance_dict(o) {
            return Ok(instance_dict(vm, obj));
        }
        if let Payload::BoundMethod { func, .. } = &o.payload {
            // Methods forward unknown attributes to their function (`m.__name__`).
            let f = *func;
            return match get_attr_opt(vm, f, name)? {
                Some(v) => Ok(Some(v)),
                None => Err(attr_error(vm, f, name)),
            };
        }
    }
    if name.is(n.__doc__) {
        // Every type has a `__doc__` in CPython (builtins have docstrings Krait lacks).
        return Ok(Some(Value::NONE));
    }
    Ok(None)
}

/// `type.__getattribute__(cls, name)`: Ok(None) when missing.
pub fn type_get(vm: &mut Vm, cls: Value, meta: Value, name: Value) -> PyResult<Option<Value>> {
    let meta_attr = lookup(vm, meta, name);
    if let Some(d) = meta_attr {
        if is_data_descr(vm, d) {
            return descr_get(vm, d, cls, meta).map(Some);
        }
    }
    if let Some(v) = lookup(vm, cls, name) {
        return descr_get(vm, v, Value::NULL, cls).map(Some);
    }
    if let Some(d) = meta_attr {
        return descr_get(vm, d, cls, meta).map(Some);
    }
    Ok(None)
}

fn module_get(vm: &mut Vm, m: Value, dict: Value, tp: Value, name: Value) -> PyResult<Option<Value>> {
    let n = names();
    let descr = lookup(vm, tp, name);
    if let Some(d) = descr {
        if is_data_descr(vm, d) {
            return descr_get(vm, d, m, tp).map(Some);
        }
    }
    if name.is(n.__dict__) {
        return Ok(Some(dict));
    }
    if let Some(v) = vm.dict_get_str(dict, name) {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        return descr_get(vm, d, m, tp).map(Some);
    }
    if let Some(ga) = vm.dict_get_str(dict, n.__getattr__) {
        return vm.call(ga, &[name], &[]).map(Some);
    }
    Ok(None)
}

// ----- set / delete -----

pub fn set_attr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let name = intern_name(vm, name)?;
    set_attr_interned(vm, obj, name, value)
}

pub fn del_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    let name = intern_name(vm, name)?;
    del_attr_interned(vm, obj, name)
}

/// `obj.name = value` for an interned `name`.
pub fn set_attr_interned(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let tp = vm.type_of(obj);
    if tp.as_class().is_some_and(|c| c.has_flag(class_flags::CUSTOM_GETATTR)) {
        if let Some(sa) = lookup(vm, tp, names().__setattr__) {
            if !hooks().setattr.iter().any(|h| h.is(sa)) {
                call_unbound(vm, sa, obj, &[name, value])?;
                return Ok(());
            }
        }
    }
    generic_set(vm, obj, tp, name, value)
}

/// `del obj.name` for an interned `name`.
pub fn del_attr_interned(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    let tp = vm.type_of(obj);
    if tp.as_class().is_some_and(|c| c.has_flag(class_flags::CUSTOM_GETATTR)) {
        if let Some(da) = lookup(vm, tp, names().__delattr__) {
            if !hooks().delattr.iter().any(|h| h.is(da)) {
                call_unbound(vm, da, obj, &[name])?;
                return Ok(());
            }
        }
    }
    generic_set(vm, obj, tp, name, Value::NULL)
}

/// The builtin `__setattr__`/`__delattr__` (NULL `value`) fitting `obj`'s kind.
pub fn generic_set(vm: &mut Vm, obj: Value, tp: Value, name: Value, value: Value) -> PyResult<()> {
    match obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Class(_)) => type_set(vm, obj, tp, name, value),
        Some(Payload::Module(m)) => {
            let d = m.dict;
            module_set(vm, obj, d, tp, name, value)
        }
        _ => object_set(vm, obj, tp, name, value),
    }
}

/// `object.__setattr__`/`object.__delattr__` (NULL `value`).
pub fn object_set(vm: &mut Vm, obj: Value, tp: Value, name: Value, value: Value) -> PyResult<()> {
    let descr = lookup(vm, tp, name);
    if let Some(d) = descr {
        if descr_set(vm, d, obj, value)? {
            return Ok(());
        }
    }
    if instance_set(vm, obj, name, value)? {
        return Ok(());
    }
    if name.is(names().__dict__) {
        if let Some(o) = obj.as_obj() {
            if has_instance_dict(o) {
                return crate::eval::descr::set_instance_dict(vm, obj, value);
            }
        }
    }
    match descr {
        Some(_) => Err(vm.attribute_error(format!(
            "'{}' object attribute '{}' is read-only",
            vm.type_tp_name(obj),
            name_string(name)
        ))),
        None => Err(attr_error(vm, obj, name)),
    }
}

const HOOK_NAMES: [&str; 4] = ["__getattribute__", "__getattr__", "__setattr__", "__delattr__"];

/// `type.__setattr__`/`type.__delattr__` (NULL `value`).
pub fn type_set(vm: &mut Vm, cls: Value, meta: Value, name: Value, value: Value) -> PyResult<()> {
    let Some(c) = cls.as_class() else {
        return Err(vm.type_error("can't apply this __setattr__ to non-type object"));
    };
    if !c.has_flag(class_flags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name_string(name),
            vm.class_name(cls)
        )));
    }
    if let Some(d) = lookup(vm, meta, name) {
        if descr_set(vm, d, cls, value)? {
            bump_version(cls);
            return Ok(());
        }
    }
    let dict = c.dict;
    if value.is_null() {
        if vm.dict_del_str(dict, name).is_none() {
            return Err(attr_error(vm, cls, name));
        }
    } else {
        vm.dict_set_str(dict, name, value);
    }
    bump_version(cls);
    if name.as_rstr().is_some_and(|s| HOOK_NAMES.contains(&s)) && !value.is_null() {
        set_flag_recursive(cls, class_flags::CUSTOM_GETATTR);
    }
    Ok(())
}

fn module_set(vm: &mut Vm, m: Value, dict: Value, tp: Value, name: Value, value: Value) -> PyResult<()> {
    if let Some(d) = lookup(vm, tp, name) {
        if descr_set(vm, d, m, value)? {
            return Ok(());
        }
    }
    if name.is(names().__dict__) {
        return Err(vm.attribute_error("readonly attribute"));
    }
    if value.is_null() {
        if vm.dict_del_str(dict, name).is_none() {
            let e =
                vm.attribute_error(format!("'{}' object has no attribute '{}'", vm.type_tp_name(m), name_string(name)));
            set_attr_error_info(vm, e, m, name);
            return Err(e);
        }
    } else {
        vm.dict_set_str(dict, name, value);
    }
    Ok(())
}

// ----- method calls without a bound-method object -----

/// For `obj.name(...)`: the callable and, when it is a plain function or native method
/// found on the type (not shadowed by an instance attribute), `obj` to pass as the first
/// argument (else NULL: call the callable as is). Saves allocating a bound method.
pub fn get_method(vm: &mut Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let tp = vm.type_of(obj);
    let plain_kind = match obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Class(_) | Payload::Module(_) | Payload::Super { .. }) => false,
        _ => tp.as_class().is_some_and(|c| !c.has_flag(class_flags::CUSTOM_GETATTR)),
    };
    if plain_kind {
        if let Some(d) = lookup(vm, tp, name) {
            let unbound_ok = match d.as_obj().map(|o| &o.payload) {
                Some(Payload::Function(_)) => true,
                Some(Payload::NativeFunction(nf)) => {
                    nf.kind == NativeKind::Method
                        && nf.bound.is_null()
                        && (nf.owner.as_class().is_none() || tp.is(nf.owner) || vm.is_subclass(tp, nf.owner))
                }
                _ => false,
            };
            if unbound_ok {
                if let Some(v) = instance_get(vm, obj, name) {
                    return Ok((v, Value::NULL));
                }
                return Ok((d, obj));
            }
        }
    }
    let v = get_attr_interned(vm, obj, name)?;
    Ok((v, Value::NULL))
}

// ----- class dict helpers -----

/// A class's namespace dict.
pub fn class_dict(cls: Value) -> Option<Value> {
    cls.as_class().map(|c| c.dict)
}
