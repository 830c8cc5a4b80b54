//! Descriptor types: `property`, `staticmethod`, `classmethod`, `super`, the slot and
//! `__dict__` descriptors that classes get (`member_descriptor`, `getset_descriptor`),
//! and the typing helpers `types.GenericAlias` (`list[int]`) and `types.UnionType`
//! (`int | None`), which annotations evaluate at definition time in 3.11.
//!
//! The binding rules themselves (what `__get__` means for each payload) live in
//! `attr::descr_get`/`descr_set`, which take fast paths for these types; the natives
//! registered here make the same behaviour visible as Python methods.

use std::cell::Cell;

use crate::eval::attr::{self, names};
use crate::impl_native;
use crate::object::{class_flags, Attrs, Layout, Payload, PyObj};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).copied().unwrap_or(Value::NONE)
}

// ----- slot and __dict__ descriptors -----

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// A `__slots__` entry: the value lives in the object's attribute slots.
    Member,
    /// `__dict__` of instances of a class that added a dict.
    Dict,
    /// `__weakref__` (Krait has no weak references yet: always None).
    Weakref,
}

/// The data descriptor a class gets for each `__slots__` name and for `__dict__`.
pub struct SlotDescr {
    pub kind: SlotKind,
    /// Interned attribute name.
    pub name: Value,
    /// The class that declared it.
    pub owner: Value,
}

impl_native!(SlotDescr, |s, visit| {
    visit(s.name);
    visit(s.owner);
});

fn descr_class(vm: &Vm, kind: SlotKind) -> Value {
    let key = if kind == SlotKind::Member { "member_descriptor" } else { "getset_descriptor" };
    vm.extra_types.get(key).copied().unwrap_or(vm.types.object)
}

/// A new slot/`__dict__`/`__weakref__` descriptor for `owner`.
pub fn new_slot_descr(vm: &Vm, kind: SlotKind, name: Value, owner: Value) -> Value {
    vm.new_native(descr_class(vm, kind), SlotDescr { kind, name, owner })
}

fn check_descr_applies(vm: &Vm, sd: &SlotDescr, obj: Value) -> PyResult<()> {
    if !vm.isinstance(obj, sd.owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            sd.name.as_rstr().unwrap_or("?"),
            vm.class_name(sd.owner),
            vm.type_tp_name(obj)
        )));
    }
    Ok(())
}

pub fn slot_get(vm: &mut Vm, sd: &SlotDescr, obj: Value) -> PyResult<Value> {
    check_descr_applies(vm, sd, obj)?;
    match sd.kind {
        SlotKind::Member => {
            let v = obj.as_obj().and_then(|o| o.attrs.as_ref()).and_then(|a| a.get_slot(sd.name));
            match v {
                Some(v) => Ok(v),
                None => Err(attr::attr_error(vm, obj, sd.name)),
            }
        }
        SlotKind::Dict => match attr::instance_dict(vm, obj) {
            Some(d) => Ok(d),
            None => Err(attr::attr_error(vm, obj, sd.name)),
        },
        SlotKind::Weakref => Ok(Value::NONE),
    }
}

pub fn slot_set(vm: &mut Vm, sd: &SlotDescr, obj: Value, value: Value) -> PyResult<()> {
    check_descr_applies(vm, sd, obj)?;
    match sd.kind {
        SlotKind::Member => {
            let Some(attrs) = obj.as_obj().and_then(|o| o.attrs.as_ref()) else {
                return Err(attr::attr_error(vm, obj, sd.name));
            };
            if value.is_null() {
                if !attrs.del_slot(sd.name) {
                    return Err(attr::attr_error(vm, obj, sd.name));
                }
            } else {
                attrs.set_slot(sd.name, value);
            }
            Ok(())
        }
        SlotKind::Dict => set_instance_dict(vm, obj, value),
        SlotKind::Weakref => Err(vm.attribute_error(format!(
            "attribute '__weakref__' of '{}' objects is not writable",
            vm.class_name(sd.owner)
        ))),
    }
}

/// `obj.__dict__ = value` (NULL: `del obj.__dict__`, which starts a fresh dict).
pub fn set_instance_dict(vm: &mut Vm, obj: Value, value: Value) -> PyResult<()> {
    let Some(attrs) = obj.as_obj().and_then(|o| o.attrs.as_ref()) else {
        return Err(attr::attr_error(vm, obj, names().__dict__));
    };
    if value.is_null() {
        let d = vm.new_dict();
        attrs.dict.set(d);
        crate::gc::barrier::attrs_written(attrs);
        return Ok(());
    }
    if value.as_dict().is_none() {
        return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_tp_name(value))));
    }
    attrs.dict.set(value);
    crate::gc::barrier::attrs_written(attrs);
    Ok(())
}

fn slot_descr_of(vm: &Vm, v: Value) -> PyResult<&'static SlotDescr> {
    match v.as_obj().and_then(|o| o.native::<SlotDescr>()) {
        // SAFETY: heap objects never move and are not freed while reachable; `v` is an
        // argument of the running native, so it is reachable for the whole call.
        Some(sd) => Ok(unsafe { &*(sd as *const SlotDescr) }),
        None => Err(vm.type_error("descriptor method called on a non-descriptor")),
    }
}

fn slotdescr_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let sd = slot_descr_of(vm, args.first().copied().unwrap_or(Value::NONE))?;
    let obj = args.get(1).copied().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(arg(args, 0));
    }
    slot_get(vm, sd, obj)
}

fn slotdescr_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let sd = slot_descr_of(vm, arg(args, 0))?;
    slot_set(vm, sd, arg(args, 1), arg(args, 2))?;
    Ok(Value::NONE)
}

fn slotdescr_delete(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let sd = slot_descr_of(vm, arg(args, 0))?;
    slot_set(vm, sd, arg(args, 1), Value::NULL)?;
    Ok(Value::NONE)
}

fn slotdescr_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let sd = slot_descr_of(vm, args.first().copied().unwrap_or(Value::NONE))?;
    let what = if sd.kind == SlotKind::Member { "member" } else { "attribute" };
    Ok(vm.new_string(format!(
        "<{what} '{}' of '{}' objects>",
        sd.name.as_rstr().unwrap_or("?"),
        vm.class_name(sd.owner)
    )))
}

fn slotdescr_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(slot_descr_of(vm, args.first().copied().unwrap_or(Value::NONE))?.name)
}

fn slotdescr_objclass(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(slot_descr_of(vm, args.first().copied().unwrap_or(Value::NONE))?.owner)
}

/// `__doc__` of the descriptor: CPython's docs of the `__dict__` and `__weakref__`
/// getsets (pydoc shows them), None for a `__slots__` member.
fn slotdescr_doc(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match slot_descr_of(vm, args.first().copied().unwrap_or(Value::NONE))?.kind {
        SlotKind::Member => Value::NONE,
        SlotKind::Dict => vm.new_str("dictionary for instance variables (if defined)"),
        SlotKind::Weakref => vm.new_str("list of weak references to the object (if defined)"),
    })
}

// ----- property -----

/// Key of the hidden attribute slot holding a property's name (set by `__set_name__`).
/// Not a str, so no Python-visible attribute can collide with it.
const PROP_NAME_KEY: Value = Value::ELLIPSIS;

fn prop_name(vm: &Vm, prop: Value) -> Option<String> {
    let o = prop.as_obj()?;
    if let Some(n) = o.attrs.as_ref().and_then(|a| a.get_slot(PROP_NAME_KEY)) {
        return n.as_rstr().map(str::to_owned);
    }
    let _ = vm;
    None
}

/// The native name of a property made by `Vm::add_property` (a getset in CPython terms).
fn native_getter_name(prop: Value) -> Option<&'static str> {
    if let Some(Payload::Property { fget, .. }) = prop.as_obj().map(|o| &o.payload) {
        let f = fget.get();
        if let Some(Payload::NativeFunction(nf)) = f.as_obj().map(|o| &o.payload) {
            return Some(nf.name);
        }
    }
    None
}

/// The AttributeError for a property lacking its getter/setter/deleter (`what`).
pub fn property_error(vm: &mut Vm, prop: Value, obj: Value, what: &str) -> PyErr {
    if let Some(n) = native_getter_name(prop) {
        let key = vm.intern(n);
        let tp = vm.type_of(obj);
        let owner = attr::lookup_owner(vm, tp, key).unwrap_or(tp);
        return vm.attribute_error(format!("attribute '{n}' of '{}' objects is not writable", vm.tp_name(owner)));
    }
    let name = prop_name(vm, prop);
    if let (Some(n), "setter" | "deleter") = (&name, what) {
        // A property of a class standing in for a C type (`datetime.date.year`) is a
        // getset descriptor in CPython.
        let key = vm.intern(n);
        let tp = vm.type_of(obj);
        if let Some(owner) = attr::lookup_owner(vm, tp, key) {
            if owner.as_class().is_some_and(|c| c.has_flag(crate::object::class_flags::NATIVE_NAME)) {
                return vm
                    .attribute_error(format!("attribute '{n}' of '{}' objects is not writable", vm.tp_name(owner)));
            }
        }
    }
    let tn = vm.type_name(obj);
    match name {
        Some(n) => vm.attribute_error(format!("property '{n}' of '{tn}' object has no {what}")),
        None => vm.attribute_error(format!("property of '{tn}' object has no {what}")),
    }
}

/// The fget, fset, fdel and doc cells of a property.
type PropCells = (&'static Cell<Value>, &'static Cell<Value>, &'static Cell<Value>, &'static Cell<Value>);

fn prop_fields(vm: &Vm, p: Value) -> PyResult<PropCells> {
    match p.as_obj().map(|o| &o.payload) {
        Some(Payload::Property { fget, fset, fdel, doc }) => {
            // SAFETY: heap objects never move and are not freed while reachable; `p` is an
            // argument of the running native, so it outlives every use of these cells.
            let ext = |c: &Cell<Value>| unsafe { &*(c as *const Cell<Value>) };
            Ok((ext(fget), ext(fset), ext(fdel), ext(doc)))
        }
        _ => {
            Err(vm
                .type_error(format!("descriptor requires a 'property' object but received a '{}'", vm.type_tp_name(p))))
        }
    }
}

fn none_if_null(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn property_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args.first().copied().unwrap_or(vm.types.property);
    if !vm.is_subclass(cls, vm.types.property) {
        return Err(vm.type_error("property.__new__(X): X is not a subtype of property"));
    }
    let payload = Payload::Property {
        fget: Cell::new(Value::NONE),
        fset: Cell::new(Value::NONE),
        fdel: Cell::new(Value::NONE),
        doc: Cell::new(Value::NONE),
    };
    // Properties always get attribute storage, for the hidden name slot; only subclasses
    // (HAS_DICT) expose it as a `__dict__`.
    Ok(crate::heap::alloc(PyObj::new(cls, Some(Box::new(Attrs::new())), payload)))
}

fn property_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [this, fget, fset, fdel, doc] =
        vm.bind_args("property", args, kw, ["self", "fget", "fset", "fdel", "doc"], 1)?;
    let (cg, cs, cd, cdoc) = prop_fields(vm, this)?;
    let fget = none_if_null(fget);
    cg.set(fget);
    cs.set(none_if_null(fset));
    cd.set(none_if_null(fdel));
    let mut doc = none_if_null(doc);
    if doc.is_none() && !fget.is_none() {
        let k = names().__doc__;
        doc = attr::get_attr_opt(vm, fget, k)?.unwrap_or(Value::NONE);
    }
    cdoc.set(doc);
    if !vm.type_of(this).is(vm.types.property) && !doc.is_none() {
        // Subclass instances keep the doc in their own dict, shadowing the class's.
        if let Some(a) = this.obj().attrs.as_ref() {
            if !a.in_dict_mode() {
                a.set_slot(names().__doc__, doc);
            }
        }
    }
    Ok(Value::NONE)
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = args.first().copied().unwrap_or(Value::NONE);
    let obj = args.get(1).copied().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(this);
    }
    let (fget, _, _, _) = prop_fields(vm, this)?;
    let f = fget.get();
    if f.is_none() {
        return Err(property_error(vm, this, obj, "getter"));
    }
    attr::call_fast(vm, f, &[obj])
}

fn property_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let (_, fset, _, _) = prop_fields(vm, arg(args, 0))?;
    let f = fset.get();
    if f.is_none() {
        return Err(property_error(vm, arg(args, 0), arg(args, 1), "setter"));
    }
    attr::call_fast(vm, f, &[arg(args, 1), arg(args, 2)])?;
    Ok(Value::NONE)
}

fn property_delete(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let (_, _, fdel, _) = prop_fields(vm, arg(args, 0))?;
    let f = fdel.get();
    if f.is_none() {
        return Err(property_error(vm, arg(args, 0), arg(args, 1), "deleter"));
    }
    attr::call_fast(vm, f, &[arg(args, 1)])?;
    Ok(Value::NONE)
}

/// `prop.getter(f)` & co: `type(prop)(fget, fset, fdel, doc)` with one function replaced.
fn property_copy(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let this = arg(args, 0);
    let (g, s, d, doc) = prop_fields(vm, this)?;
    let mut fs = [g.get(), s.get(), d.get()];
    let mut docv = doc.get();
    if which == 0 && !fs[0].is_none() {
        // A doc taken from the old getter follows the getter.
        let old = attr::get_attr_opt(vm, fs[0], names().__doc__)?;
        if old.is_some_and(|o| o.is(docv)) {
            docv = Value::NONE;
        }
    }
    fs[which] = arg(args, 1);
    let cls = vm.type_of(this);
    let new = vm.call(cls, &[fs[0], fs[1], fs[2], docv], &[])?;
    if let Some(n) = this.obj().attrs.as_ref().and_then(|a| a.get_slot(PROP_NAME_KEY)) {
        if let Some(a) = new.as_obj().and_then(|o| o.attrs.as_ref()) {
            a.set_slot(PROP_NAME_KEY, n);
        }
    }
    Ok(new)
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

fn property_set_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len().saturating_sub(1)
        )));
    }
    if let Some(a) = arg(args, 0).as_obj().and_then(|o| o.attrs.as_ref()) {
        a.set_slot(PROP_NAME_KEY, arg(args, 2));
    }
    Ok(Value::NONE)
}

fn property_fget(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(prop_fields(vm, arg(args, 0))?.0.get())
}
fn property_fset(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(prop_fields(vm, arg(args, 0))?.1.get())
}
fn property_fdel(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(prop_fields(vm, arg(args, 0))?.2.get())
}
fn property_doc(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(prop_fields(vm, arg(args, 0))?.3.get())
}
fn property_set_doc(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    prop_fields(vm, arg(args, 0))?.3.set(args.get(1).copied().unwrap_or(Value::NONE));
    Ok(Value::NONE)
}

/// Whether `f` has a truthy `__isabstractmethod__`.
pub fn is_abstract(vm: &mut Vm, f: Value) -> PyResult<bool> {
    if f.is_none() || !f.is_obj() {
        return Ok(false);
    }
    match attr::get_attr_opt(vm, f, names().__isabstractmethod__)? {
        Some(v) => vm.truthy(v),
        None => Ok(false),
    }
}

fn property_isabstract(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (g, s, d, _) = prop_fields(vm, arg(args, 0))?;
    for f in [g.get(), s.get(), d.get()] {
        if is_abstract(vm, f)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

// ----- staticmethod / classmethod -----

fn wrapped_cell(vm: &Vm, v: Value, want_static: bool) -> PyResult<&'static Cell<Value>> {
    match v.as_obj().map(|o| &o.payload) {
        // SAFETY: as in `prop_fields`: the object is reachable for the whole native call.
        Some(Payload::StaticMethod(c)) if want_static => Ok(unsafe { &*(c as *const Cell<Value>) }),
        Some(Payload::ClassMethod(c)) if !want_static => Ok(unsafe { &*(c as *const Cell<Value>) }),
        _ => Err(vm.type_error(format!(
            "descriptor requires a '{}' object but received a '{}'",
            if want_static { "staticmethod" } else { "classmethod" },
            vm.type_tp_name(v)
        ))),
    }
}

fn wrapper_new(vm: &mut Vm, args: &[Value], is_static: bool) -> PyResult<Value> {
    let base = if is_static { vm.types.staticmethod } else { vm.types.classmethod };
    let cls = args.first().copied().unwrap_or(base);
    if !vm.is_subclass(cls, base) {
        return Err(vm.type_error(format!("{0}.__new__(X): X is not a subtype of {0}", vm.class_name(base))));
    }
    let payload = if is_static {
        Payload::StaticMethod(Cell::new(Value::NONE))
    } else {
        Payload::ClassMethod(Cell::new(Value::NONE))
    };
    Ok(vm.alloc(cls, payload))
}

fn wrapper_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], is_static: bool) -> PyResult<Value> {
    let fname = if is_static { "staticmethod" } else { "classmethod" };
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("{fname} expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let cell = wrapped_cell(vm, arg(args, 0), is_static)?;
    let f = arg(args, 1);
    cell.set(f);
    // 3.10+: the wrapper copies the function's metadata into its own __dict__.
    if let Some(attrs) = arg(args, 0).obj().attrs.as_ref() {
        if f.is_obj() && !attrs.in_dict_mode() {
            let n = names();
            for key in [n.__module__, n.__name__, n.__qualname__, n.__doc__] {
                if let Some(v) = attr::get_attr_opt(vm, f, key)? {
                    attrs.set_slot(key, v);
                }
            }
        }
    }
    Ok(Value::NONE)
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    wrapper_new(vm, args, true)
}
fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    wrapper_new(vm, args, false)
}
fn staticmethod_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    wrapper_init(vm, args, kw, true)
}
fn classmethod_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    wrapper_init(vm, args, kw, false)
}

fn staticmethod_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(wrapped_cell(vm, args.first().copied().unwrap_or(Value::NONE), true)?.get())
}

fn classmethod_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = wrapped_cell(vm, args.first().copied().unwrap_or(Value::NONE), false)?.get();
    let obj = args.get(1).copied().unwrap_or(Value::NONE);
    let mut tp = args.get(2).copied().unwrap_or(Value::NONE);
    if tp.is_none() {
        tp = vm.type_of(obj);
    }
    attr::classmethod_bind(vm, f, tp)
}

fn staticmethod_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = wrapped_cell(vm, args.first().copied().unwrap_or(Value::NONE), true)?.get();
    vm.call(f, args.get(1..).unwrap_or(&[]), kw)
}

fn staticmethod_func(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(wrapped_cell(vm, arg(args, 0), true)?.get())
}
fn classmethod_func(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(wrapped_cell(vm, arg(args, 0), false)?.get())
}

fn staticmethod_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = wrapped_cell(vm, arg(args, 0), true)?.get();
    let r = vm.repr_string(f)?;
    Ok(vm.new_string(format!("<staticmethod({r})>")))
}
fn classmethod_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = wrapped_cell(vm, arg(args, 0), false)?.get();
    let r = vm.repr_string(f)?;
    Ok(vm.new_string(format!("<classmethod({r})>")))
}
fn staticmethod_isabstract(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = wrapped_cell(vm, arg(args, 0), true)?.get();
    Ok(Value::bool(is_abstract(vm, f)?))
}
fn classmethod_isabstract(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = wrapped_cell(vm, arg(args, 0), false)?.get();
    Ok(Value::bool(is_abstract(vm, f)?))
}

// ----- super -----

fn super_parts(vm: &Vm, v: Value) -> PyResult<(Value, Value, Value)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Super { ty, obj, obj_type }) => Ok((*ty, *obj, *obj_type)),
        _ => {
            Err(vm.type_error(format!("descriptor requires a 'super' object but received a '{}'", vm.type_tp_name(v))))
        }
    }
}

/// The type `super(ty, obj)` searches: `type(obj)` for instances, `obj` for subclasses.
fn super_check(vm: &Vm, ty: Value, obj: Value) -> PyResult<Value> {
    if obj.as_class().is_some() && vm.is_subclass(obj, ty) {
        return Ok(obj);
    }
    let t = vm.type_of(obj);
    if vm.is_subclass(t, ty) {
        return Ok(t);
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// `super(ty, obj)` as an object (also used by `__init_subclass__` dispatch).
pub fn new_super(vm: &Vm, cls: Value, ty: Value, obj: Value) -> PyResult<Value> {
    if ty.as_class().is_none() {
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_tp_name(ty))));
    }
    let (obj, obj_type) =
        if obj.is_null() || obj.is_none() { (Value::NULL, Value::NULL) } else { (obj, super_check(vm, ty, obj)?) };
    Ok(vm.alloc(cls, Payload::Super { ty, obj, obj_type }))
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args.first().copied().unwrap_or(vm.types.super_);
    match args.len() {
        0 | 1 => Err(vm.runtime_error("super(): no arguments")),
        2 => new_super(vm, cls, arg(args, 1), Value::NULL),
        3 => new_super(vm, cls, arg(args, 1), arg(args, 2)),
        n => Err(vm.type_error(format!("super() takes at most 2 arguments ({} given)", n - 1))),
    }
}

fn super_init(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// Attribute lookup on a `super` object: the MRO of the searched type after `ty`, bound
/// to the object; then the super object's own attributes.
pub fn super_get(vm: &mut Vm, sup: Value, tp: Value, name: Value) -> PyResult<Option<Value>> {
    let (ty, obj, obj_type) = super_parts(vm, sup)?;
    if !obj_type.is_null() && !name.is(names().__class__) {
        let mro = obj_type.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default();
        if let Some(i) = mro.iter().position(|c| c.is(ty)) {
            for c in &mro[i + 1..] {
                let Some(cd) = c.as_class() else { continue };
                if let Some(v) = vm.dict_get_str(cd.dict, name) {
                    let inst = if obj.is(obj_type) { Value::NULL } else { obj };
                    return attr::descr_get(vm, v, inst, obj_type).map(Some);
                }
            }
        }
    }
    attr::object_get(vm, sup, tp, name)
}

fn super_get_descr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = args.first().copied().unwrap_or(Value::NONE);
    let (ty, obj, _) = super_parts(vm, this)?;
    let inst = args.get(1).copied().unwrap_or(Value::NONE);
    if inst.is_none() || !obj.is_null() {
        return Ok(this);
    }
    let cls = vm.type_of(this);
    new_super(vm, cls, ty, inst)
}

fn super_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (ty, _, obj_type) = super_parts(vm, arg(args, 0))?;
    let tn = vm.class_name(ty);
    let s = if obj_type.is_null() {
        format!("<super: <class '{tn}'>, NULL>")
    } else {
        format!("<super: <class '{tn}'>, <{} object>>", vm.class_name(obj_type))
    };
    Ok(vm.new_string(s))
}

fn super_thisclass(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(super_parts(vm, arg(args, 0))?.0)
}
fn super_self(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(none_if_null(super_parts(vm, arg(args, 0))?.1))
}
fn super_self_class(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(none_if_null(super_parts(vm, arg(args, 0))?.2))
}

// ----- types.GenericAlias and types.UnionType -----

/// `list[int]`: an origin class with a tuple of arguments.
pub struct GenericAlias {
    pub origin: Value,
    pub args: Value,
}
impl_native!(GenericAlias, |s, visit| {
    visit(s.origin);
    visit(s.args);
});

/// `int | None`: a tuple of distinct member types.
pub struct UnionType {
    pub args: Value,
}
impl_native!(UnionType, |s, visit| {
    visit(s.args);
});

fn alias_of(v: Value) -> Option<(Value, Value)> {
    v.as_obj().and_then(|o| o.native::<GenericAlias>()).map(|g| (g.origin, g.args))
}

fn union_args(v: Value) -> Option<Value> {
    v.as_obj().and_then(|o| o.native::<UnionType>()).map(|u| u.args)
}

/// Whether `v` is a `types.GenericAlias`.
pub fn is_generic_alias(v: Value) -> bool {
    alias_of(v).is_some()
}

/// The member types of a `types.UnionType`, if `v` is one.
pub fn union_members(v: Value) -> Option<Vec<Value>> {
    union_args(v).map(|a| a.as_tuple().map(<[Value]>::to_vec).unwrap_or_default())
}

// The classes live in `vm.state` (not looked up by name in `extra_types`, where another
// module may register a class of the same name).
const GA_KEY: &str = "eval.GenericAlias";
const UNION_KEY: &str = "eval.UnionType";

/// `types.GenericAlias(origin, args)`.
pub fn new_generic_alias(vm: &mut Vm, origin: Value, args: Value) -> Value {
    let args =
        if args.as_tuple().is_some() && vm.type_of(args).is(vm.types.tuple) { args } else { vm.new_tuple(vec![args]) };
    let cls = vm.state.borrow().get(GA_KEY).copied().unwrap_or(vm.types.object);
    vm.new_native(cls, GenericAlias { origin, args })
}

/// `__class_getitem__` of the builtin generic classes (`list[int]`): registered as a
/// classmethod; other engineers' generic classes can register it too.
pub fn class_getitem_generic(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(new_generic_alias(vm, arg(args, 0), arg(args, 1)))
}

fn ga_repr_item(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v.is(Value::ELLIPSIS) {
        return Ok("...".into());
    }
    if alias_of(v).is_some() || union_args(v).is_some() {
        return vm.repr_string(v);
    }
    if let Some(c) = v.as_class() {
        let qn = c.qualname.get().as_rstr().unwrap_or("?").to_owned();
        let module = crate::eval::class::class_module(vm, v);
        return Ok(if module == "builtins" { qn } else { format!("{module}.{qn}") });
    }
    if v.is_none() {
        return Ok("None".into());
    }
    vm.repr_string(v)
}

fn ga_parts(vm: &Vm, v: Value) -> PyResult<(Value, Value)> {
    alias_of(v).ok_or_else(|| vm.type_error("descriptor requires a 'types.GenericAlias' object"))
}

fn ga_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (origin, a) = ga_parts(vm, arg(args, 0))?;
    let mut s = ga_repr_item(vm, origin)?;
    s.push('[');
    let items = a.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&ga_repr_item(vm, *it)?);
    }
    s.push(']');
    Ok(vm.new_string(s))
}

fn ga_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (origin, _) = ga_parts(vm, arg(args, 0))?;
    let r = vm.call(origin, args.get(1..).unwrap_or(&[]), kw)?;
    // Like CPython, record the alias on the instance when it takes attributes.
    let k = vm.intern("__orig_class__");
    if let Err(e) = attr::set_attr_interned(vm, r, k, arg(args, 0)) {
        if !vm.err_matches(&e, vm.exc.attribute_error) && !vm.err_matches(&e, vm.exc.type_error) {
            return Err(e);
        }
    }
    Ok(r)
}

fn ga_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    // Attributes the alias lacks come from its origin (`list[int].append`).
    let (origin, _) = ga_parts(vm, arg(args, 0))?;
    let name = args.get(1).copied().unwrap_or(Value::NONE);
    // Like CPython, everything but the alias's own attributes comes from the origin.
    const OWN: [&str; 11] = [
        "__class__",
        "__origin__",
        "__args__",
        "__unpacked__",
        "__parameters__",
        "__typing_unpacked_tuple_args__",
        "__mro_entries__",
        "__reduce_ex__",
        "__reduce__",
        "__copy__",
        "__deepcopy__",
    ];
    if name.as_rstr().is_some_and(|s| OWN.contains(&s)) {
        return Err(attr::attr_error(vm, arg(args, 0), name));
    }
    vm.get_attr(origin, name)
}

fn ga_origin(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(ga_parts(vm, arg(args, 0))?.0)
}
fn ga_args(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(ga_parts(vm, arg(args, 0))?.1)
}
fn ga_parameters(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (_, a) = ga_parts(vm, arg(args, 0))?;
    let params = make_parameters(vm, a)?;
    Ok(vm.new_tuple(params))
}

/// The type variables among `args`, in order of first appearance: arguments with a
/// `__typing_subst__` attribute, and the `__parameters__` of the others (classes skipped).
fn make_parameters(vm: &mut Vm, args: Value) -> PyResult<Vec<Value>> {
    let items = args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    let mut out: Vec<Value> = Vec::new();
    let subst = vm.intern("__typing_subst__");
    let params = vm.intern("__parameters__");
    for t in items {
        if t.as_class().is_some() {
            continue;
        }
        if vm.get_attr_opt(vm.type_of(t), subst)?.is_some() {
            if !out.iter().any(|x| x.is(t)) {
                out.push(t);
            }
            continue;
        }
        if let Some(p) = vm.get_attr_opt(t, params)? {
            if let Some(ps) = p.as_tuple() {
                for &x in ps {
                    if !out.iter().any(|y| y.is(x)) {
                        out.push(x);
                    }
                }
            }
        }
    }
    Ok(out)
}

/// `obj` with its own type variables replaced by the matching items of `argitems`.
fn subs_tvars(vm: &mut Vm, obj: Value, params: &[Value], argitems: &[Value]) -> PyResult<Value> {
    let k = vm.intern("__parameters__");
    let Some(sub) = vm.get_attr_opt(obj, k)? else { return Ok(obj) };
    let Some(subparams) = sub.as_tuple().map(<[Value]>::to_vec) else { return Ok(obj) };
    if subparams.is_empty() {
        return Ok(obj);
    }
    let mut subargs = Vec::with_capacity(subparams.len());
    for p in subparams {
        match params.iter().position(|x| x.is(p)) {
            Some(i) => subargs.push(argitems[i]),
            None => subargs.push(p),
        }
    }
    let t = vm.new_tuple(subargs);
    vm.get_item(obj, t)
}

/// `alias[items]`: substitutes the alias's type variables (`list[T][int]` is `list[int]`).
fn ga_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = arg(args, 0);
    let (origin, a) = ga_parts(vm, this)?;
    let params = make_parameters(vm, a)?;
    if params.is_empty() {
        let r = vm.repr_string(this)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    let mut item = args.get(1).copied().unwrap_or(Value::NONE);
    let prep = vm.intern("__typing_prepare_subst__");
    for &p in &params {
        if let Some(f) = vm.get_attr_opt(p, prep)? {
            let it = if item.as_tuple().is_some() { item } else { vm.new_tuple(vec![item]) };
            item = vm.call(f, &[this, it], &[])?;
        }
    }
    let argitems: Vec<Value> = match item.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![item],
    };
    if argitems.len() != params.len() {
        let r = vm.repr_string(this)?;
        let which = if argitems.len() > params.len() { "many" } else { "few" };
        return Err(vm.type_error(format!(
            "Too {which} arguments for {r}; actual {}, expected {}",
            argitems.len(),
            params.len()
        )));
    }
    let subst = vm.intern("__typing_subst__");
    let unpacked = vm.intern("__typing_is_unpacked_typevartuple__");
    let mut newargs = Vec::new();
    for x in a.as_tuple().map(<[Value]>::to_vec).unwrap_or_default() {
        if x.as_class().is_some() {
            newargs.push(x);
            continue;
        }
        let unpack = match vm.get_attr_opt(x, unpacked)? {
            Some(u) => vm.truthy(u)?,
            None => false,
        };
        let tp = vm.type_of(x);
        let v = if let Some(f) = vm.get_attr_opt(tp, subst)? {
            let i = params.iter().position(|p| p.is(x)).unwrap_or(0);
            vm.call(f, &[x, argitems[i]], &[])?
        } else {
            subs_tvars(vm, x, &params, &argitems)?
        };
        if unpack {
            if let Some(t) = v.as_tuple() {
                newargs.extend_from_slice(t);
                continue;
            }
        }
        newargs.push(v);
    }
    let t = vm.new_tuple(newargs);
    Ok(new_generic_alias(vm, origin, t))
}

/// `types.GenericAlias(origin, args)`, also for subclasses (`_CallableGenericAlias`).
fn ga_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!("GenericAlias expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let (cls, origin, a) = (args[0], args[1], args[2]);
    let a = if a.as_tuple().is_some() && vm.type_of(a).is(vm.types.tuple) { a } else { vm.new_tuple(vec![a]) };
    Ok(vm.new_native(cls, GenericAlias { origin, args: a }))
}

fn ga_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = arg(args, 0);
    let (origin, a) = ga_parts(vm, this)?;
    let cls = vm.type_of(this);
    let inner = vm.new_tuple(vec![origin, a]);
    Ok(vm.new_tuple(vec![cls, inner]))
}
fn ga_mro_entries(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (origin, _) = ga_parts(vm, arg(args, 0))?;
    Ok(vm.new_tuple(vec![origin]))
}

fn ga_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (o1, a1) = ga_parts(vm, arg(args, 0))?;
    let Some((o2, a2)) = args.get(1).and_then(|v| alias_of(*v)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !vm.eq(o1, o2)? {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(vm.eq(a1, a2)?))
}

fn ga_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (o, a) = ga_parts(vm, arg(args, 0))?;
    let h1 = vm.hash(o)?;
    let h2 = vm.hash(a)?;
    Ok(vm.new_int(h1 ^ h2))
}

fn ga_instancecheck(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}
fn ga_subclasscheck(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

/// Whether `v` can be a member of `X | Y` (classes, None, aliases and unions).
fn unionable(vm: &Vm, v: Value) -> bool {
    v.is_none()
        || v.as_class().is_some()
        || alias_of(v).is_some()
        || union_args(v).is_some()
        || (v.is_obj() && vm.type_name(v) == "GenericAlias")
}

/// Whether `X | Y` should build a union (used by the `|` operator when neither operand
/// handles it, e.g. another module's generic alias type without `__or__`).
pub fn both_unionable(vm: &Vm, a: Value, b: Value) -> bool {
    unionable(vm, a) && unionable(vm, b) && !(a.is_none() && b.is_none())
}

/// `a | b` for types: a `types.UnionType`, or NotImplemented.
pub fn make_union(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if !unionable(vm, a) || !unionable(vm, b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let mut members: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts = match union_args(v) {
            Some(t) => t.as_tuple().map(<[Value]>::to_vec).unwrap_or_default(),
            None => vec![if v.is_none() { vm.types.none_type } else { v }],
        };
        for p in parts {
            let mut dup = false;
            for m in &members {
                if m.is(p) || (alias_of(*m).is_some() && vm.eq(*m, p)?) {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members[0]);
    }
    let args = vm.new_tuple(members);
    let cls = vm.state.borrow().get(UNION_KEY).copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, UnionType { args }))
}

fn union_or(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    make_union(vm, arg(args, 0), args.get(1).copied().unwrap_or(Value::NONE))
}
fn union_ror(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    make_union(vm, args.get(1).copied().unwrap_or(Value::NONE), arg(args, 0))
}

fn union_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = union_args(arg(args, 0)).ok_or_else(|| vm.type_error("descriptor requires a 'types.UnionType' object"))?;
    let items = a.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    let mut parts = Vec::new();
    for it in items {
        parts.push(if it.is(vm.types.none_type) { "None".to_owned() } else { ga_repr_item(vm, it)? });
    }
    Ok(vm.new_string(parts.join(" | ")))
}

fn union_args_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    union_args(arg(args, 0)).ok_or_else(|| vm.type_error("descriptor requires a 'types.UnionType' object"))
}

fn union_eq(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (Some(a), Some(b)) = (union_members(arg(args, 0)), args.get(1).and_then(|v| union_members(*v))) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let same = a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| x.is(*y)));
    Ok(Value::bool(same))
}

fn union_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = union_members(arg(args, 0)).unwrap_or_default();
    let mut h: i64 = 0x345678;
    for m in a {
        h ^= vm.hash(m)?;
    }
    Ok(vm.new_int(h))
}

fn union_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let members = union_members(arg(args, 0)).unwrap_or_default();
    let obj = args.get(1).copied().unwrap_or(Value::NONE);
    for m in members {
        if crate::eval::class::isinstance(vm, obj, m)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn union_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let members = union_members(arg(args, 0)).unwrap_or_default();
    let c = args.get(1).copied().unwrap_or(Value::NONE);
    for m in members {
        if crate::eval::class::issubclass(vm, c, m)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

// ----- registration -----

fn set_module(vm: &mut Vm, cls: Value, module: &str) {
    let k = names().__module__;
    let v = vm.new_str(module);
    vm.set_class_or_module_attr(cls, k, v);
}

pub fn init(vm: &mut Vm) {
    let object = vm.types.object;
    for (name, kind) in [("member_descriptor", SlotKind::Member), ("getset_descriptor", SlotKind::Dict)] {
        let c = vm.new_builtin_class(name, object, Layout::Other, 0);
        let _ = kind;
        vm.add_method(c, "__get__", slotdescr_get);
        vm.add_method(c, "__set__", slotdescr_set);
        vm.add_method(c, "__delete__", slotdescr_delete);
        vm.add_method(c, "__repr__", slotdescr_repr);
        vm.add_getter(c, "__name__", slotdescr_name);
        vm.add_getter(c, "__objclass__", slotdescr_objclass);
        vm.add_getter(c, "__doc__", slotdescr_doc);
    }

    let p = vm.types.property;
    vm.add_staticmethod(p, "__new__", property_new);
    vm.add_method(p, "__init__", property_init);
    vm.add_method(p, "__get__", property_get);
    vm.add_method(p, "__set__", property_set);
    vm.add_method(p, "__delete__", property_delete);
    vm.add_method(p, "getter", property_getter);
    vm.add_method(p, "setter", property_setter);
    vm.add_method(p, "deleter", property_deleter);
    vm.add_method(p, "__set_name__", property_set_name);
    vm.add_getter(p, "fget", property_fget);
    vm.add_getter(p, "fset", property_fset);
    vm.add_getter(p, "fdel", property_fdel);
    vm.add_property(p, "__doc__", property_doc, Some(property_set_doc));
    vm.add_getter(p, "__isabstractmethod__", property_isabstract);

    let s = vm.types.staticmethod;
    vm.add_staticmethod(s, "__new__", staticmethod_new);
    vm.add_method(s, "__init__", staticmethod_init);
    vm.add_method(s, "__get__", staticmethod_get);
    vm.add_method(s, "__call__", staticmethod_call);
    vm.add_method(s, "__repr__", staticmethod_repr);
    vm.add_getter(s, "__func__", staticmethod_func);
    vm.add_getter(s, "__wrapped__", staticmethod_func);
    vm.add_getter(s, "__isabstractmethod__", staticmethod_isabstract);

    let c = vm.types.classmethod;
    vm.add_staticmethod(c, "__new__", classmethod_new);
    vm.add_method(c, "__init__", classmethod_init);
    vm.add_method(c, "__get__", classmethod_get);
    vm.add_method(c, "__repr__", classmethod_repr);
    vm.add_getter(c, "__func__", classmethod_func);
    vm.add_getter(c, "__wrapped__", classmethod_func);
    vm.add_getter(c, "__isabstractmethod__", classmethod_isabstract);

    let sp = vm.types.super_;
    // Attribute lookup on super objects is not the instance-then-type algorithm: the flag
    // keeps generic fast paths (method calls in the eval loop) off them.
    if let Some(c) = sp.as_class() {
        c.flags.set(c.flags.get() | class_flags::CUSTOM_GETATTR);
    }
    vm.add_staticmethod(sp, "__new__", super_new);
    vm.add_method(sp, "__init__", super_init);
    vm.add_method(sp, "__get__", super_get_descr);
    vm.add_method(sp, "__repr__", super_repr);
    vm.add_getter(sp, "__thisclass__", super_thisclass);
    vm.add_getter(sp, "__self__", super_self);
    vm.add_getter(sp, "__self_class__", super_self_class);

    let ga = vm.new_builtin_class("GenericAlias", object, Layout::Other, class_flags::BASETYPE);
    vm.add_staticmethod(ga, "__new__", ga_new);
    vm.add_method(ga, "__reduce__", ga_reduce);
    vm.state.borrow_mut().insert(GA_KEY, ga);
    set_module(vm, ga, "types");
    vm.add_method(ga, "__repr__", ga_repr);
    vm.add_method(ga, "__call__", ga_call);
    vm.add_method(ga, "__getattr__", ga_getattr);
    vm.add_method(ga, "__mro_entries__", ga_mro_entries);
    vm.add_method(ga, "__eq__", ga_eq);
    vm.add_method(ga, "__hash__", ga_hash);
    vm.add_method(ga, "__getitem__", ga_getitem);
    vm.add_method(ga, "__or__", union_or);
    vm.add_method(ga, "__ror__", union_ror);
    vm.add_method(ga, "__instancecheck__", ga_instancecheck);
    vm.add_method(ga, "__subclasscheck__", ga_subclasscheck);
    vm.add_getter(ga, "__origin__", ga_origin);
    vm.add_getter(ga, "__args__", ga_args);
    vm.add_getter(ga, "__parameters__", ga_parameters);
    // `__getattr__` is defined natively, so the flag that routes lookups through the
    // hooks must be set by hand.
    if let Some(c) = ga.as_class() {
        c.flags.set(c.flags.get() | class_flags::CUSTOM_GETATTR);
    }

    let un = vm.new_builtin_class("UnionType", object, Layout::Other, 0);
    vm.state.borrow_mut().insert(UNION_KEY, un);
    set_module(vm, un, "types");
    vm.add_method(un, "__repr__", union_repr);
    vm.add_method(un, "__or__", union_or);
    vm.add_method(un, "__ror__", union_ror);
    vm.add_method(un, "__eq__", union_eq);
    vm.add_method(un, "__hash__", union_hash);
    vm.add_method(un, "__instancecheck__", union_instancecheck);
    vm.add_method(un, "__subclasscheck__", union_subclasscheck);
    vm.add_getter(un, "__args__", union_args_get);

    let t = &vm.types;
    for cls in [t.list, t.dict, t.tuple, t.set, t.frozenset] {
        vm.add_classmethod(cls, "__class_getitem__", class_getitem_generic);
    }
}
