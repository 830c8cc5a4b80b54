//! Inline caches for the interpreter's `GetAttr`/`SetAttr` statements on plain instances.
//!
//! A direct-mapped table indexed by the statement's address remembers, for one
//! (class, class version, hidden-class map, name), what `object.__getattribute__` /
//! `object.__setattr__` worked out: "the attribute is instance slot i", "it is the plain
//! function f of the class (bind it)", "it is the plain class value v", or for stores "write
//! slot i" / "append a slot and move to map m". Every entry is validated against all of
//! its key (the statement address only decides where it is stored), so a collision or a
//! stale entry just misses and the generic path runs. Only cases whose generic algorithm
//! runs no Python code and has no side effect besides the result are cached: heap classes
//! without attribute hooks, objects in map mode, and type attributes that are not data
//! descriptors for a reason that depends on nothing but the attribute itself (functions,
//! natives, exact staticmethod/classmethod, values of plain builtin types). The class
//! version covers every change to the class or its bases (`attr::bump_version`); maps are
//! immutable; the collector clears the table with the type-lookup cache
//! (`attr::clear_cache`), since entries are keyed by addresses of classes and names.

use std::cell::Cell;

use crate::object::{class_flags, Map, Payload, PyObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const BITS: u32 = 10;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    /// Get: the instance's slot `idx`. Set: write slot `idx`.
    Slot,
    /// Get: `value` is a plain function of the class: bind it to the instance.
    Method,
    /// Get: `value` is a class attribute returned as is.
    ClassValue,
    /// Set: append a slot and move the object to map `next`.
    Add,
}

#[derive(Clone, Copy)]
struct Entry {
    site: usize,
    cls: u64,
    version: u64,
    map: usize,
    name: u64,
    kind: Kind,
    idx: u32,
    value: Value,
    next: Option<&'static Map>,
}

impl Entry {
    /// The entry for `name` at `site` on instances of `cls` (at `version`) with `map`.
    #[allow(clippy::too_many_arguments)]
    fn new(
        site: usize,
        cls: Value,
        version: u64,
        map: &'static Map,
        name: Value,
        kind: Kind,
        idx: u32,
        value: Value,
        next: Option<&'static Map>,
    ) -> Entry {
        Entry { site, cls: cls.bits(), version, map: map_addr(map), name: name.bits(), kind, idx, value, next }
    }

    /// Whether the entry was made for `name` at `site` on this class version and map.
    #[inline]
    fn hits(&self, site: usize, name: Value, cls: Value, version: u64, map: &'static Map) -> bool {
        self.site == site
            && self.name == name.bits()
            && self.cls == cls.bits()
            && self.version == version
            && self.map == map_addr(map)
    }
}

const EMPTY: Entry =
    Entry { site: 0, cls: 0, version: 0, map: 0, name: 0, kind: Kind::Empty, idx: 0, value: Value::NULL, next: None };

type Table = Cell<Option<&'static [Cell<Entry>]>>;

thread_local! {
    // Tables leaked once per thread and reached through a `const` thread-local (no lazy
    // initialization check or destructor registration on every access).
    static GET: Table = const { Cell::new(None) };
    static SET: Table = const { Cell::new(None) };
    static METH: Table = const { Cell::new(None) };
}

#[inline]
fn table(key: &'static std::thread::LocalKey<Table>) -> &'static [Cell<Entry>] {
    super::thread_table(key, BITS, EMPTY)
}

/// Forgets every entry (called from `attr::clear_cache`).
pub(crate) fn clear() {
    table(&GET).iter().for_each(|e| e.set(EMPTY));
    table(&SET).iter().for_each(|e| e.set(EMPTY));
    table(&METH).iter().for_each(|e| e.set(EMPTY));
}

#[inline]
fn index(site: usize) -> usize {
    ((site as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

#[inline]
fn map_addr(m: &'static Map) -> usize {
    m as *const Map as usize
}

/// The object, its heap class and the class's version when `obj` is a plain instance in
/// map mode whose attribute access takes the generic `object` algorithm.
#[inline]
fn plain_instance(obj: &Value) -> Option<(&PyObj, Value, u64)> {
    let o = obj.as_obj()?;
    if matches!(o.payload, Payload::Class(_) | Payload::Module(_) | Payload::Super { .. }) {
        return None;
    }
    if o.attrs.as_ref()?.in_dict_mode() {
        return None;
    }
    let cls = o.class.get();
    let c = cls.as_class()?;
    if c.flags.get() & (class_flags::HEAPTYPE | class_flags::CUSTOM_GETATTR) != class_flags::HEAPTYPE {
        return None;
    }
    Some((o, cls, c.version.get()))
}

/// How a type attribute found for `name` behaves in `object.__getattribute__`, when that
/// depends on nothing but the attribute: Some(Method) for a function to bind,
/// Some(ClassValue) for a value returned as is (never a data descriptor), None otherwise.
fn type_attr_kind(vm: &Vm, d: Value) -> Option<Kind> {
    let Some(o) = d.as_obj() else { return Some(Kind::ClassValue) };
    match &o.payload {
        Payload::Function(_) => Some(Kind::Method),
        Payload::Int(_) | Payload::Float(_) | Payload::Str(_) | Payload::Tuple(_) | Payload::Bytes(_)
            if is_plain(vm, o.class.get()) =>
        {
            Some(Kind::ClassValue)
        }
        _ => None,
    }
}

/// Exact builtin value classes (never descriptors).
fn is_plain(vm: &Vm, cls: Value) -> bool {
    let t = &vm.types;
    [t.int, t.str_, t.float, t.tuple, t.bytes].iter().any(|c| c.is(cls))
}

/// `obj.name` for the `GetAttr` statement at `site` (`name` interned).
#[inline]
pub(crate) fn get_attr(vm: &mut Vm, site: usize, obj: Value, name: Value) -> PyResult<Value> {
    if let Some((o, cls, version)) = plain_instance(&obj) {
        // `plain_instance` checked that the object has attribute storage.
        let Some(attrs) = o.attrs.as_ref() else { return super::attr::get_attr_interned(vm, obj, name) };
        let map = attrs.map.get();
        let i = index(site);
        let e = table(&GET)[i].get();
        if e.hits(site, name, cls, version, map) {
            match e.kind {
                Kind::Slot => {
                    let v = attrs.slots.borrow().get(e.idx as usize).copied().unwrap_or(Value::NULL);
                    if !v.is_null() {
                        return Ok(v);
                    }
                }
                Kind::Method => return Ok(super::attr::new_method(vm, e.value, obj)),
                Kind::ClassValue => return Ok(e.value),
                Kind::Empty | Kind::Add => {}
            }
        } else {
            fill_get(vm, site, cls, version, map, name);
        }
    }
    super::attr::get_attr_interned(vm, obj, name)
}

/// The attribute name a `__slots__` member descriptor `d` stores under, when `d` is one
/// that applies to instances of `cls` (so reading or writing it is a plain slot access).
fn member_slot(vm: &Vm, cls: Value, d: Value) -> Option<Value> {
    let sd = d.as_obj()?.native::<super::descr::SlotDescr>()?;
    (sd.kind == super::descr::SlotKind::Member && vm.is_subclass(cls, sd.owner)).then_some(sd.name)
}

fn fill_get(vm: &Vm, site: usize, cls: Value, version: u64, map: &'static Map, name: Value) {
    let descr = super::attr::lookup(vm, cls, name);
    if let Some(slot_name) = descr.and_then(|d| member_slot(vm, cls, d)) {
        // A member descriptor (a data descriptor) reads the slot of its own name.
        if let Some(idx) = map.lookup(slot_name) {
            let e = Entry::new(site, cls, version, map, name, Kind::Slot, idx as u32, Value::NULL, None);
            table(&GET)[index(site)].set(e);
        }
        return;
    }
    let (kind, idx, value) = match map.lookup(name) {
        Some(idx) => match descr {
            // An instance attribute wins over a non-data descriptor or plain value.
            None => (Kind::Slot, idx as u32, Value::NULL),
            Some(d) if type_attr_kind(vm, d).is_some() => (Kind::Slot, idx as u32, Value::NULL),
            Some(_) => return,
        },
        None => match descr.and_then(|d| type_attr_kind(vm, d).map(|k| (k, d))) {
            Some((k, d)) => (k, 0, d),
            None => return,
        },
    };
    let e = Entry::new(site, cls, version, map, name, kind, idx, value, None);
    table(&GET)[index(site)].set(e);
}

/// `obj.name = value` for the `SetAttr` statement at `site` (`name` interned).
#[inline]
pub(crate) fn set_attr(vm: &mut Vm, site: usize, obj: Value, name: Value, value: Value) -> PyResult<()> {
    if let Some((o, cls, version)) = plain_instance(&obj) {
        let Some(attrs) = o.attrs.as_ref() else { return super::attr::set_attr_interned(vm, obj, name, value) };
        crate::gc::barrier::attrs_written(attrs);
        let map = attrs.map.get();
        let i = index(site);
        let e = table(&SET)[i].get();
        if e.hits(site, name, cls, version, map) {
            match (e.kind, e.next) {
                (Kind::Slot, _) => {
                    let mut slots = attrs.slots.borrow_mut();
                    if let Some(s) = slots.get_mut(e.idx as usize) {
                        *s = value;
                        return Ok(());
                    }
                }
                (Kind::Add, Some(next)) => {
                    let mut slots = attrs.slots.borrow_mut();
                    if slots.len() == map.names.len() {
                        slots.push(value);
                        attrs.map.set(next);
                        return Ok(());
                    }
                }
                _ => {}
            }
        } else {
            // The generic path below does the store this time.
            fill_set(vm, site, cls, version, map, name);
        }
    }
    super::attr::set_attr_interned(vm, obj, name, value)
}

fn fill_set(vm: &Vm, site: usize, cls: Value, version: u64, map: &'static Map, name: Value) {
    let Some(c) = cls.as_class() else { return };
    let descr = super::attr::lookup(vm, cls, name);
    // A member descriptor writes the slot of its own name (with or without a `__dict__`).
    let member = descr.and_then(|d| member_slot(vm, cls, d));
    if member.is_none() && !c.has_flag(class_flags::HAS_DICT) {
        return;
    }
    if let (None, Some(d)) = (member, descr) {
        // Only type attributes that `descr_set` ignores without running anything.
        let ignorable = match d.as_obj() {
            None => true,
            Some(o) => match &o.payload {
                Payload::Function(_) | Payload::NativeFunction(_) => true,
                Payload::StaticMethod(_) => o.class.get().is(vm.types.staticmethod),
                Payload::ClassMethod(_) => o.class.get().is(vm.types.classmethod),
                Payload::Int(_) | Payload::Float(_) | Payload::Str(_) | Payload::Tuple(_) | Payload::Bytes(_) => {
                    is_plain(vm, o.class.get())
                }
                _ => false,
            },
        };
        if !ignorable {
            return;
        }
    }
    let slot_name = member.unwrap_or(name);
    let (kind, idx, next) = match map.lookup(slot_name) {
        Some(idx) => (Kind::Slot, idx as u32, None),
        None => (Kind::Add, 0, Some(map.with_added(slot_name))),
    };
    let e = Entry::new(site, cls, version, map, name, kind, idx, Value::NULL, next);
    table(&SET)[index(site)].set(e);
}

/// For the `CallMethod` statement at `site` on a plain instance (see `plain_instance`):
/// the function `type(obj).name` to call with `obj` prepended, when that is exactly what
/// `obj.name(...)` does (the name is a plain function or native method of the class and
/// the instance's map has no attribute of that name). Remembered per (class, version,
/// map): the map says whether the instance shadows the name, the version what the class
/// holds. `None` means "not known here": the caller takes its generic path.
#[inline]
pub(crate) fn lookup_method(vm: &Vm, site: usize, obj: Value, name: Value) -> Option<Value> {
    let (o, cls, version) = plain_instance(&obj)?;
    let map = o.attrs.as_ref()?.map.get();
    let e = table(&METH)[index(site)].get();
    if e.hits(site, name, cls, version, map) {
        return Some(e.value);
    }
    if map.lookup(name).is_some() {
        return None;
    }
    let m = super::attr::lookup_type(vm, cls, name)?;
    let plain = match &m.as_obj()?.payload {
        Payload::Function(_) => true,
        Payload::NativeFunction(nf) => nf.kind == crate::object::NativeKind::Method && nf.bound.is_null(),
        _ => false,
    };
    if !plain {
        return None;
    }
    let e = Entry::new(site, cls, version, map, name, Kind::Method, 0, m, None);
    table(&METH)[index(site)].set(e);
    Some(m)
}
