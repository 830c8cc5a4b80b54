//! The methods of `object` (the default behaviour every class inherits), of the singleton
//! types `NoneType`, `NotImplementedType` and `ellipsis`, and the start-up of the whole
//! object model (`init`: interned names, `type`, descriptors, `__build_class__`).

use std::cell::{Cell, RefCell};

use crate::eval::attr::{self, lookup, names};
use crate::object::{class_flags, ExcData, Layout, ModuleData, Payload};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).copied().unwrap_or(Value::NONE)
}

// ----- identities of object.__new__ / object.__init__ -----

#[derive(Clone, Copy)]
struct ObjNatives {
    new: Value,
    init: Value,
    reduce: Value,
    getstate: Value,
}

thread_local! {
    static OBJ_NATIVES: Cell<ObjNatives> = const { Cell::new(ObjNatives { new: Value::NULL, init: Value::NULL, reduce: Value::NULL, getstate: Value::NULL }) };
}

/// Whether `f` (found as `__new__` on a class) is `object.__new__`.
#[inline]
pub fn is_object_new(f: Value) -> bool {
    OBJ_NATIVES.with(|c| c.get().new.is(f))
}

/// Whether `f` (found as `__init__` on a class) is `object.__init__`.
#[inline]
pub fn is_object_init(f: Value) -> bool {
    OBJ_NATIVES.with(|c| c.get().init.is(f))
}

/// An address for `id()`-like displays: the object's address, or the word itself for
/// inline values.
pub fn address_of(v: Value) -> u64 {
    if v.is_obj() {
        v.obj_ptr() as u64
    } else {
        v.bits()
    }
}

// ----- object.__new__ / __init__ -----

fn abstract_check(vm: &mut Vm, cls: Value) -> PyResult<()> {
    let Some(c) = cls.as_class() else {
        return Ok(());
    };
    let Some(am) = vm.dict_get_str(c.dict, names().__abstractmethods__) else {
        return Ok(());
    };
    if !vm.truthy(am)? {
        return Ok(());
    }
    let mut ms: Vec<String> = Vec::new();
    for m in vm.collect(am)? {
        ms.push(vm.str_string(m)?);
    }
    ms.sort();
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        vm.class_name(cls),
        if ms.len() == 1 { "" } else { "s" },
        ms.join(", ")
    )))
}

/// `object.__new__(cls, *args, **kwargs)`: a new instance of `cls` with the empty payload
/// of its layout.
pub fn object_new_for(vm: &mut Vm, cls: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = names();
    if !args.is_empty() || !kw.is_empty() {
        let new_overridden = lookup(vm, cls, n.__new__).is_some_and(|f| !is_object_new(f));
        if new_overridden {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        let init_overridden = lookup(vm, cls, n.__init__).is_some_and(|f| !is_object_init(f));
        if !init_overridden {
            return Err(vm.type_error(format!("{}() takes no arguments", vm.class_name(cls))));
        }
    }
    let Some(cd) = cls.as_class() else {
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({})", vm.type_tp_name(cls))));
    };
    let layout = cd.layout;
    if cd.has_flag(class_flags::HEAPTYPE) {
        abstract_check(vm, cls)?;
    }
    let payload = match layout {
        Layout::Object => Payload::Object,
        Layout::List => Payload::List(crate::object::ListData::new(Vec::new())),
        Layout::Dict => Payload::Dict(RefCell::new(crate::dict::DictData::new())),
        Layout::Set => Payload::Set(RefCell::new(crate::object::SetData::new())),
        Layout::ByteArray => Payload::ByteArray(RefCell::new(Vec::new())),
        Layout::Exception => {
            let t = vm.new_tuple(args.to_vec());
            Payload::Exception(Box::new(ExcData::new(t)))
        }
        Layout::Module => {
            let d = vm.new_dict();
            Payload::Module(Box::new(ModuleData { name: Value::NONE, dict: d }))
        }
        Layout::Other if !cd.has_flag(class_flags::BASETYPE) => {
            return Err(vm.type_error(format!("cannot create '{}' instances", vm.class_name(cls))));
        }
        _ => {
            // The builtin base whose own __new__ must be used.
            let mut builtin = cls;
            for c in cd.mro.borrow().iter() {
                if !c.as_class().is_some_and(|k| k.has_flag(class_flags::HEAPTYPE)) {
                    builtin = *c;
                    break;
                }
            }
            let bn = vm.class_name(builtin);
            return Err(
                vm.type_error(format!("object.__new__({}) is not safe, use {bn}.__new__()", vm.class_name(cls)))
            );
        }
    };
    Ok(vm.alloc(cls, payload))
}

fn object_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let Some(cd) = cls.as_class() else {
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({})", vm.type_tp_name(cls))));
    };
    // Like CPython's tp_new_wrapper: a builtin base with its own __new__ must be used.
    let n = names();
    let mro = cd.mro.borrow().clone();
    for c in mro {
        let Some(k) = c.as_class() else { continue };
        if k.has_flag(class_flags::HEAPTYPE) {
            continue;
        }
        if let Some(f) = vm.dict_get_str(k.dict, n.__new__) {
            if !is_object_new(f) {
                return Err(vm.type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    vm.class_name(cls),
                    vm.class_name(c)
                )));
            }
        }
        break;
    }
    object_new_for(vm, cls, &args[1..], kw)
}

/// The argument check of `object.__init__` for an instance of `tp`.
pub fn object_init_check(vm: &mut Vm, tp: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult<()> {
    if args.is_empty() && kw.is_empty() {
        return Ok(());
    }
    let n = names();
    if lookup(vm, tp, n.__init__).is_some_and(|f| !is_object_init(f)) {
        return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
    }
    if lookup(vm, tp, n.__new__).is_some_and(is_object_new) {
        return Err(vm.type_error(format!(
            "{}.__init__() takes exactly one argument (the instance to initialize)",
            vm.class_name(tp)
        )));
    }
    Ok(())
}

fn object_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'object' object needs an argument"));
    };
    let tp = vm.type_of(this);
    object_init_check(vm, tp, &args[1..], kw)?;
    Ok(Value::NONE)
}

// ----- repr, str, hash, comparisons -----

/// `object.__repr__`: `<module.Qualname object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: Value) -> String {
    let tp = vm.type_of(v);
    let qn = tp.as_class().and_then(|c| c.qualname.get().as_rstr().map(str::to_owned)).unwrap_or_else(|| "?".into());
    let module = crate::eval::class::class_module(vm, tp);
    let addr = address_of(v);
    if module == "builtins" {
        format!("<{qn} object at {addr:#x}>")
    } else {
        format!("<{module}.{qn} object at {addr:#x}>")
    }
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = default_repr(vm, arg(args, 0));
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::eval::ops::repr_uncounted(vm, arg(args, 0))
}

/// CPython's pointer hash: the address rotated right by 4 bits.
pub fn pointer_hash(v: Value) -> i64 {
    let y = address_of(v);
    let h = y.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(pointer_hash(arg(args, 0))))
}

fn object_eq(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(if arg(args, 0).is(arg(args, 1)) { Value::TRUE } else { Value::NOT_IMPLEMENTED })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (a, b) = (arg(args, 0), arg(args, 1));
    let Some(eq) = attr::lookup_special(vm, a, names().__eq__) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = attr::call_unbound(vm, eq, a, &[b])?;
    if r.is(Value::NOT_IMPLEMENTED) {
        return Ok(r);
    }
    Ok(Value::bool(!vm.truthy(r)?))
}

fn object_not_implemented(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NOT_IMPLEMENTED)
}

// ----- attribute hooks -----

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let obj = arg(args, 0);
    let name = attr::intern_name(vm, arg(args, 1))?;
    let tp = vm.type_of(obj);
    match attr::object_get(vm, obj, tp, name)? {
        Some(v) => Ok(v),
        None => Err(attr::attr_error(vm, obj, name)),
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let obj = args[0];
    if obj.as_class().is_some() {
        return Err(vm.type_error("can't apply this __setattr__ to type object"));
    }
    let name = attr::intern_name(vm, args[1])?;
    let tp = vm.type_of(obj);
    attr::generic_set(vm, obj, tp, name, args[2])?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let obj = args[0];
    if obj.as_class().is_some() {
        return Err(vm.type_error("can't apply this __delattr__ to type object"));
    }
    let name = attr::intern_name(vm, args[1])?;
    let tp = vm.type_of(obj);
    attr::generic_set(vm, obj, tp, name, Value::NULL)?;
    Ok(Value::NONE)
}

fn object_class_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.type_of(arg(args, 0)))
}

fn object_class_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (obj, new) = (arg(args, 0), arg(args, 1));
    let Some(nc) = new.as_class() else {
        return Err(vm.type_error(format!("__class__ must be set to a class, not '{}' object", vm.type_tp_name(new))));
    };
    let old = vm.type_of(obj);
    let Some(oc) = old.as_class() else {
        return Err(vm.type_error("__class__ assignment: bad old class"));
    };
    let both_modules = vm.is_subclass(new, vm.types.module) && vm.is_subclass(old, vm.types.module);
    if !obj.is_obj() || (!both_modules && (!nc.has_flag(class_flags::HEAPTYPE) || !oc.has_flag(class_flags::HEAPTYPE)))
    {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    let same_slots = |a: &crate::object::ClassData, b: &crate::object::ClassData| {
        let sa = a.slots.borrow().clone().unwrap_or_default();
        let sb = b.slots.borrow().clone().unwrap_or_default();
        sa.len() == sb.len() && sa.iter().zip(sb.iter()).all(|(x, y)| x.is(*y))
    };
    let dict_flag = |c: &crate::object::ClassData| c.has_flag(class_flags::HAS_DICT | class_flags::HAS_SLOTS);
    let compatible = nc.layout == oc.layout && dict_flag(nc) == dict_flag(oc) && same_slots(nc, oc);
    if !compatible {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            vm.class_name(new),
            vm.class_name(old)
        )));
    }
    obj.obj().class.set(new);
    crate::gc::barrier::written(obj.obj());
    Ok(Value::NONE)
}

// ----- format, dir, misc -----

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (this, spec) = (arg(args, 0), arg(args, 1));
    let Some(s) = spec.as_rstr() else {
        return Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.arg_type_name(spec))));
    };
    if !s.is_empty() {
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_tp_name(this))));
    }
    vm.str(this)
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = arg(args, 0);
    let seen = vm.new_dict();
    let mut keys: Vec<Value> = Vec::new();
    let add = |vm: &mut Vm, k: Value, keys: &mut Vec<Value>| -> PyResult<()> {
        if vm.dict_get(seen, k)?.is_none() {
            vm.dict_set(seen, k, Value::NONE)?;
            keys.push(k);
        }
        Ok(())
    };
    if let Some(d) = attr::get_attr_opt(vm, this, names().__dict__)? {
        if let Some(dd) = d.as_dict() {
            let ks = dd.borrow().keys();
            for k in ks {
                add(vm, k, &mut keys)?;
            }
        }
    }
    let cls = match attr::get_attr_opt(vm, this, names().__class__)? {
        Some(c) if c.as_class().is_some() => c,
        _ => vm.type_of(this),
    };
    let mro = cls.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default();
    for c in mro {
        let Some(cd) = c.as_class() else { continue };
        let ks = cd.dict.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
        for k in ks {
            add(vm, k, &mut keys)?;
        }
    }
    Ok(vm.new_list(keys))
}

fn object_sizeof(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("unbound method object.__sizeof__() needs an argument"));
    }
    Ok(vm.new_int(16))
}

/// Names of all `__slots__` entries along `cls`'s MRO (what `copyreg._slotnames` finds).
fn slot_names(cls: Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(c) = cls.as_class() {
        for k in c.mro.borrow().iter() {
            if let Some(s) = k.as_class().and_then(|kc| kc.slots.borrow().clone()) {
                out.extend(s);
            }
        }
    }
    out
}

/// `object.__getstate__()`: the instance dict (None when empty), paired with a dict of
/// the set slots when the class has `__slots__`. `required` refuses objects whose state
/// lives in a builtin payload that no `__getnewargs__` describes.
fn default_getstate(vm: &mut Vm, obj: Value, required: bool) -> PyResult<Value> {
    let tp = vm.type_of(obj);
    let layout = tp.as_class().map(|c| c.layout);
    if required && !matches!(layout, Some(Layout::Object | Layout::List | Layout::Dict)) {
        return Err(vm.type_error(format!("cannot pickle '{}' object", vm.class_name(tp))));
    }
    let mut state = Value::NONE;
    let has_dict = obj.as_obj().is_some_and(|o| o.attrs.is_some())
        && tp.as_class().is_some_and(|c| c.has_flag(class_flags::HAS_DICT));
    if has_dict {
        if let Some(d) = attr::instance_dict(vm, obj) {
            if d.as_dict().is_some_and(|x| !x.borrow().is_empty()) {
                state = d;
            }
        }
    }
    let names = slot_names(tp);
    if !names.is_empty() {
        let slots = vm.new_dict();
        let mut any = false;
        for n in names {
            let v = obj.as_obj().and_then(|o| o.attrs.as_ref()).and_then(|a| a.get_slot(n));
            if let Some(v) = v {
                vm.dict_set_str(slots, n, v);
                any = true;
            }
        }
        if any {
            state = vm.new_tuple(vec![state, slots]);
        }
    }
    Ok(state)
}

fn object_getstate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    default_getstate(vm, arg(args, 0), false)
}

fn import_copyreg(vm: &mut Vm) -> PyResult<Value> {
    match crate::builtins::import::import_module(vm, "copyreg") {
        Ok(m) => Ok(m),
        Err(e) if vm.err_matches(&e, vm.exc.import_error) => {
            Err(vm.not_implemented_error("object.__reduce_ex__() needs the copyreg module, which is missing"))
        }
        Err(e) => Err(e),
    }
}

/// CPython's `reduce_newobj`: `(copyreg.__newobj__, (cls, *args), state, listitems,
/// dictitems)`.
fn reduce_newobj(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let tp = vm.type_of(obj);
    let mut args = vm.empty_tuple;
    let mut kwargs = Value::NONE;
    let k_ex = vm.intern("__getnewargs_ex__");
    let k = vm.intern("__getnewargs__");
    if let Some(f) = attr::get_attr_opt(vm, obj, k_ex)? {
        let r = vm.call(f, &[], &[])?;
        let pair = r.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        if pair.len() != 2 || pair[0].as_tuple().is_none() || pair[1].as_dict().is_none() {
            return Err(vm.type_error("__getnewargs_ex__ should return a tuple of length 2"));
        }
        args = pair[0];
        kwargs = pair[1];
    } else if let Some(f) = attr::get_attr_opt(vm, obj, k)? {
        let r = vm.call(f, &[], &[])?;
        if r.as_tuple().is_none() {
            return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{}'", vm.type_tp_name(r))));
        }
        args = r;
    }
    let copyreg = import_copyreg(vm)?;
    let has_kwargs = kwargs.as_dict().is_some_and(|d| !d.borrow().is_empty());
    let (newobj, newargs) = if has_kwargs {
        let n = vm.intern("__newobj_ex__");
        let f = vm.get_attr(copyreg, n)?;
        (f, vm.new_tuple(vec![tp, args, kwargs]))
    } else {
        let n = vm.intern("__newobj__");
        let f = vm.get_attr(copyreg, n)?;
        let mut v = vec![tp];
        v.extend(args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default());
        (f, vm.new_tuple(v))
    };
    let is_list = vm.isinstance(obj, vm.types.list);
    let is_dict = vm.isinstance(obj, vm.types.dict);
    let has_args = args.as_tuple().is_some_and(|t| !t.is_empty());
    let gs = vm.intern("__getstate__");
    let state = match attr::lookup_special(vm, obj, gs) {
        Some(f) if !OBJ_NATIVES.with(|c| c.get().getstate.is(f)) => attr::call_unbound(vm, f, obj, &[])?,
        _ => default_getstate(vm, obj, !has_args && !is_list && !is_dict)?,
    };
    let listitems = if is_list { vm.iter(obj)? } else { Value::NONE };
    let dictitems = if is_dict {
        let items = vm.call_method(obj, "items", &[])?;
        vm.iter(items)?
    } else {
        Value::NONE
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

fn common_reduce(vm: &mut Vm, obj: Value, proto: i64) -> PyResult<Value> {
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let copyreg = import_copyreg(vm)?;
    let n = vm.intern("_reduce_ex");
    let f = vm.get_attr(copyreg, n)?;
    let p = vm.new_int(proto);
    vm.call(f, &[obj, p], &[])
}

fn object_reduce_ex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = arg(args, 0);
    let Some(&p) = args.get(1) else {
        return Err(vm.type_error("object.__reduce_ex__() takes exactly one argument (0 given)"));
    };
    let proto = vm.to_index(p)?;
    let k = vm.intern("__reduce__");
    if let Some(red) = attr::lookup_special(vm, this, k) {
        if !OBJ_NATIVES.with(|c| c.get().reduce.is(red)) {
            return attr::call_unbound(vm, red, this, &[]);
        }
    }
    common_reduce(vm, this, proto)
}

fn object_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    common_reduce(vm, arg(args, 0), 0)
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}.__init_subclass__() takes no keyword arguments", vm.class_name(cls))));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{}.__init_subclass__() takes no arguments ({} given)",
            vm.class_name(cls),
            args.len() - 1
        )));
    }
    Ok(Value::NONE)
}

// ----- NoneType, NotImplementedType, ellipsis -----

fn singleton_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], v: Value) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let cls = arg(args, 0);
        return Err(vm.type_error(format!("{} takes no arguments", vm.class_name(cls))));
    }
    Ok(v)
}

fn none_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    singleton_new(vm, args, kw, Value::NONE)
}
fn notimpl_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    singleton_new(vm, args, kw, Value::NOT_IMPLEMENTED)
}
fn ellipsis_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    singleton_new(vm, args, kw, Value::ELLIPSIS)
}

fn none_repr(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.intern("None"))
}
fn notimpl_repr(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.intern("NotImplemented"))
}
fn ellipsis_repr(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.intern("Ellipsis"))
}
fn none_bool(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn singleton_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = arg(args, 0);
    Ok(vm.intern(match v {
        Value::NOT_IMPLEMENTED => "NotImplemented",
        Value::ELLIPSIS => "Ellipsis",
        _ => "None",
    }))
}

// ----- start-up -----

/// Registers the object model: interned names, `object`, `type`, the descriptor types,
/// the singleton types and `__build_class__`. Runs first in `eval::init`.
pub fn init(vm: &mut Vm) {
    attr::init_names(vm);
    let o = vm.types.object;
    let new = vm.add_staticmethod(o, "__new__", object_new);
    let init = vm.add_method(o, "__init__", object_init);

    // Every builtin class of CPython has a `__doc__` entry (so `dir()` of any object lists
    // it); Krait keeps no docstrings for them, so `object`'s None stands for all of them.
    vm.set_class_or_module_attr(o, names().__doc__, Value::NONE);
    vm.add_method(o, "__repr__", object_repr);
    vm.add_method(o, "__str__", object_str);
    vm.add_method(o, "__hash__", object_hash);
    vm.add_method(o, "__eq__", object_eq);
    vm.add_method(o, "__ne__", object_ne);
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        vm.add_method(o, name, object_not_implemented);
    }
    let ga = vm.add_method(o, "__getattribute__", object_getattribute);
    let sa = vm.add_method(o, "__setattr__", object_setattr);
    let da = vm.add_method(o, "__delattr__", object_delattr);
    vm.add_property(o, "__class__", object_class_get, Some(object_class_set));
    vm.add_method(o, "__format__", object_format);
    vm.add_method(o, "__dir__", object_dir);
    vm.add_method(o, "__sizeof__", object_sizeof);
    vm.add_method(o, "__reduce_ex__", object_reduce_ex);
    let reduce = vm.add_method(o, "__reduce__", object_reduce);
    let getstate = vm.add_method(o, "__getstate__", object_getstate);
    OBJ_NATIVES.with(|c| c.set(ObjNatives { new, init, reduce, getstate }));
    vm.add_classmethod(o, "__init_subclass__", object_init_subclass);
    vm.add_classmethod(o, "__subclasshook__", object_not_implemented);

    crate::eval::class::init(vm);
    let t = vm.types.type_;
    let k = vm.intern("__getattribute__");
    let tga = vm.dict_get_str(crate::vm::class_dict(t), k).unwrap_or(Value::NULL);
    let k = vm.intern("__setattr__");
    let tsa = vm.dict_get_str(crate::vm::class_dict(t), k).unwrap_or(Value::NULL);
    let k = vm.intern("__delattr__");
    let tda = vm.dict_get_str(crate::vm::class_dict(t), k).unwrap_or(Value::NULL);
    attr::set_hooks(attr::Hooks {
        getattribute: [ga, tga, Value::NULL, Value::NULL],
        setattr: [sa, tsa],
        delattr: [da, tda],
    });

    crate::eval::descr::init(vm);
    crate::eval::ops::init(vm);

    let nt = vm.types.none_type;
    vm.add_staticmethod(nt, "__new__", none_new);
    vm.add_method(nt, "__repr__", none_repr);
    vm.add_method(nt, "__bool__", none_bool);
    let ni = vm.types.not_implemented_type;
    vm.add_staticmethod(ni, "__new__", notimpl_new);
    vm.add_method(ni, "__repr__", notimpl_repr);
    vm.add_method(ni, "__reduce__", singleton_reduce);
    let el = vm.types.ellipsis_type;
    vm.add_staticmethod(el, "__new__", ellipsis_new);
    vm.add_method(el, "__repr__", ellipsis_repr);
    vm.add_method(el, "__reduce__", singleton_reduce);

    // Mutable builtin containers are unhashable (their classes set __hash__ = None).
    let k = vm.intern("__hash__");
    let t = &vm.types;
    let unhashable = [t.list, t.dict, t.set, t.bytearray];
    for c in unhashable {
        vm.set_class_or_module_attr(c, k, Value::NONE);
    }
}
