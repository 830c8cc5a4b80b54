//! Classes: `__build_class__`, metaclass selection, `type.__new__` (C3 MRO, instance
//! layout, `__slots__`, flags), `type.__call__`, the Python-visible attributes of classes,
//! and `isinstance`/`issubclass` with their dunder hooks.
//!
//! A class is a `Payload::Class` object whose `ClassData` records its MRO, namespace dict,
//! instance layout (which builtin payload its instances carry) and flags. Layout rules
//! follow CPython's "solid base" logic: every class has a solid base (the nearest class
//! along its `__base__` chain that adds instance state: a builtin with its own payload or
//! a class with non-empty `__slots__`), and the solid bases of all bases must lie on one
//! inheritance chain, else "multiple bases have instance lay-out conflict".

use std::cell::{Cell, RefCell};

use crate::eval::attr::{self, lookup, names};
use crate::eval::descr::{self, SlotKind};
use crate::object::{class_flags, ClassData, Layout, Payload};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ----- helpers -----

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).copied().unwrap_or(Value::NONE)
}

fn tuple_items(v: Value) -> Vec<Value> {
    v.as_tuple().map(<[Value]>::to_vec).unwrap_or_default()
}

fn class_bases(cls: Value) -> Vec<Value> {
    cls.as_class().map(|c| c.bases.borrow().clone()).unwrap_or_default()
}

fn class_mro(cls: Value) -> Vec<Value> {
    cls.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default()
}

fn class_has(cls: Value, flag: u32) -> bool {
    cls.as_class().is_some_and(|c| c.has_flag(flag))
}

/// The class's `__module__` as a Rust string: the namespace entry when it is a str,
/// "builtins" for builtin classes without one, None for heap classes without one.
pub fn class_module_opt(vm: &mut Vm, cls: Value) -> Option<String> {
    let c = cls.as_class()?;
    let d = c.dict;
    match vm.dict_get_str(d, names().__module__).and_then(|m| m.as_rstr().map(str::to_owned)) {
        Some(s) => Some(s),
        None if c.has_flag(class_flags::HEAPTYPE) => None,
        None => Some("builtins".into()),
    }
}

/// The class's `__module__` as a Rust string ("builtins" when it has none).
pub fn class_module(vm: &mut Vm, cls: Value) -> String {
    class_module_opt(vm, cls).unwrap_or_else(|| "builtins".into())
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Private-name mangling of a slot name (`__x` in class `_A` -> `_A__x`).
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

// ----- metaclass and layout -----

/// The most derived metaclass among `meta` and the metaclasses of `bases`.
pub fn calculate_meta(vm: &Vm, meta: Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = meta;
    for &b in bases {
        let t = vm.type_of(b);
        if vm.is_subclass(winner, t) {
            continue;
        }
        if vm.is_subclass(t, winner) {
            winner = t;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Whether `cls` adds instance state of its own over its `__base__`.
fn extra_ivars(cls: Value) -> bool {
    let Some(c) = cls.as_class() else {
        return false;
    };
    if c.has_flag(class_flags::HEAPTYPE) {
        return c.slots.borrow().as_ref().is_some_and(|s| !s.is_empty());
    }
    match c.bases.borrow().first().and_then(|b| b.as_class().map(|bc| bc.layout)) {
        Some(base_layout) => base_layout != c.layout || (c.layout == Layout::Other),
        None => false,
    }
}

/// The nearest class along `cls`'s `__base__` chain that adds instance state.
fn solid_base(vm: &Vm, cls: Value) -> Value {
    let mut c = cls;
    // Bounded by the depth of the hierarchy; iterative so no Python data drives recursion.
    for _ in 0..100_000 {
        if extra_ivars(c) {
            return c;
        }
        match best_base_of(vm, &class_bases(c)) {
            Some(b) => c = b,
            None => return c,
        }
    }
    c
}

/// `__base__` of a class with these bases: the base whose solid base is most derived.
/// None when the bases are incompatible (or empty).
fn best_base_of(vm: &Vm, bases: &[Value]) -> Option<Value> {
    best_base(vm, bases).ok().flatten()
}

fn best_base(vm: &Vm, bases: &[Value]) -> PyResult<Option<Value>> {
    let mut winner: Option<Value> = None;
    let mut base: Option<Value> = None;
    for &b in bases {
        if b.as_class().is_none() {
            return Err(vm.type_error("bases must be types"));
        }
        let cand = solid_base_shallow(vm, b);
        match winner {
            None => {
                winner = Some(cand);
                base = Some(b);
            }
            Some(w) if vm.is_subclass(w, cand) => {}
            Some(w) if vm.is_subclass(cand, w) => {
                winner = Some(cand);
                base = Some(b);
            }
            Some(_) => return Err(vm.type_error("multiple bases have instance lay-out conflict")),
        }
    }
    Ok(base)
}

/// `solid_base` without going through `best_base` again for the first step (avoids
/// mutual recursion: walks the first-base chain, which is `__base__` for builtin classes
/// and for single inheritance).
fn solid_base_shallow(vm: &Vm, cls: Value) -> Value {
    let mut c = cls;
    for _ in 0..100_000 {
        if extra_ivars(c) {
            return c;
        }
        let bases = class_bases(c);
        let next = if bases.len() <= 1 {
            bases.first().copied()
        } else {
            // Multiple bases: the one whose own solid base is most derived.
            let mut best: Option<(Value, Value)> = None;
            for b in bases {
                let s = solid_first_chain(b);
                match best {
                    None => best = Some((b, s)),
                    Some((_, ws)) if vm.is_subclass(s, ws) && !s.is(ws) => best = Some((b, s)),
                    _ => {}
                }
            }
            best.map(|(b, _)| b)
        };
        match next {
            Some(n) => c = n,
            None => return c,
        }
    }
    c
}

fn solid_first_chain(cls: Value) -> Value {
    let mut c = cls;
    for _ in 0..100_000 {
        if extra_ivars(c) {
            return c;
        }
        match class_bases(c).first().copied() {
            Some(n) => c = n,
            None => return c,
        }
    }
    c
}

/// C3 linearization of a class with `bases` (the class itself not included).
fn c3_merge(vm: &Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| class_mro(*b)).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand);
                break;
            }
        }
        let Some(next) = found else {
            let mut heads: Vec<Value> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(s[0])) {
                    heads.push(s[0]);
                }
            }
            let names: Vec<String> = heads.iter().map(|h| vm.class_name(*h)).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(next);
        for s in &mut seqs {
            if s[0].is(next) {
                s.remove(0);
            }
        }
    }
}

fn layout_is_varsized(l: Layout) -> bool {
    matches!(l, Layout::Int | Layout::Tuple | Layout::Bytes)
}

fn has_weakref(vm: &Vm, cls: Value) -> bool {
    let layout = cls.as_class().map(|c| c.layout);
    matches!(layout, Some(Layout::Set | Layout::FrozenSet | Layout::Type | Layout::Module))
        || lookup(vm, cls, names().__weakref__).is_some()
}

// ----- type.__new__ -----

/// Creates a class: `type.__new__(mcs, name, bases, ns, **kwargs)` after argument checks.
pub fn create_class(
    vm: &mut Vm,
    mcs: Value,
    name: Value,
    bases_in: Vec<Value>,
    ns: Value,
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    let n = names();
    let mut mcs = mcs;
    let winner = calculate_meta(vm, mcs, &bases_in)?;
    if !winner.is(mcs) {
        let tn = lookup(vm, winner, n.__new__);
        let own = lookup(vm, vm.types.type_, n.__new__);
        if let (Some(w), Some(o)) = (tn, own) {
            if !w.is(o) {
                let f = attr::descr_get(vm, w, Value::NULL, winner)?;
                let bt = vm.new_tuple(bases_in);
                return vm.call(f, &[winner, name, bt, ns], kwargs);
            }
        }
        mcs = winner;
    }
    let bases = if bases_in.is_empty() { vec![vm.types.object] } else { bases_in };
    for (i, &b) in bases.iter().enumerate() {
        let Some(bc) = b.as_class() else {
            return Err(vm.type_error("bases must be types"));
        };
        if !bc.has_flag(class_flags::BASETYPE) {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", vm.class_name(b))));
        }
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(vm.type_error(format!("duplicate base class {}", vm.class_name(b))));
        }
    }
    let base = best_base(vm, &bases)?.unwrap_or(vm.types.object);
    let base_cd = base.as_class().ok_or_else(|| vm.type_error("bases must be types"))?;
    let layout = base_cd.layout;
    let name_str = name.as_rstr().unwrap_or("?").to_owned();

    // The namespace, copied.
    let dict = vm.new_dict();
    let items: Vec<(Value, Value)> = match ns.as_dict() {
        Some(d) => d.borrow().items(),
        None => {
            return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {}", vm.arg_type_name(ns))))
        }
    };
    for (k, v) in items {
        vm.dict_set(dict, k, v)?;
    }

    // __module__ from the caller's globals when the namespace lacks it.
    if vm.dict_get_str(dict, n.__module__).is_none() {
        if let Ok((globals, _)) = crate::builtins::caller_namespaces(vm) {
            if let Some(m) = globals.as_dict().and_then(|_| vm.dict_get_str(globals, n.__name__)) {
                vm.dict_set_str(dict, n.__module__, m);
            }
        }
    }

    // __qualname__
    let mut qualname = name;
    if let Some(q) = vm.dict_get_str(dict, n.__qualname__) {
        if q.as_pystr().is_none() {
            return Err(vm.type_error(format!("type __qualname__ must be a str, not {}", vm.type_tp_name(q))));
        }
        qualname = q;
        vm.dict_del_str(dict, n.__qualname__);
    }

    // __slots__
    // Classes keep their attributes in their namespace, so metaclasses have a "dict".
    let base_has_dict = layout == Layout::Type || bases.iter().any(|b| class_has(*b, class_flags::HAS_DICT));
    let base_has_weakref = has_weakref(vm, base);
    let mut slot_names: Option<Vec<Value>> = None;
    let mut add_dict = false;
    let mut add_weak = false;
    if let Some(slots) = vm.dict_get_str(dict, n.__slots__) {
        let raw = if slots.as_pystr().is_some() { vec![slots] } else { vm.collect(slots)? };
        let mut out: Vec<String> = Vec::new();
        for s in raw {
            let Some(st) = s.as_rstr() else {
                return Err(vm.type_error(format!("__slots__ items must be strings, not '{}'", vm.type_tp_name(s))));
            };
            if !is_identifier(st) {
                return Err(vm.type_error("__slots__ must be identifiers"));
            }
            if st == "__dict__" {
                if base_has_dict || add_dict {
                    return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
                continue;
            }
            if st == "__weakref__" {
                if base_has_weakref || add_weak || layout_is_varsized(layout) {
                    return Err(
                        vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0")
                    );
                }
                add_weak = true;
                continue;
            }
            out.push(mangle(&name_str, st));
        }
        if !out.is_empty() && layout_is_varsized(layout) {
            return Err(
                vm.type_error(format!("nonempty __slots__ not supported for subtype of '{}'", vm.class_name(base)))
            );
        }
        out.sort();
        out.dedup();
        let mut interned = Vec::new();
        for s in &out {
            let k = vm.intern(s);
            if vm.dict_get_str(dict, k).is_some() {
                return Err(vm.value_error(format!("'{s}' in __slots__ conflicts with class variable")));
            }
            interned.push(k);
        }
        slot_names = Some(interned);
    } else {
        add_dict = !base_has_dict;
        add_weak = !base_has_weakref && !layout_is_varsized(layout);
    }

    // Flags.
    let mut flags = class_flags::HEAPTYPE | class_flags::BASETYPE;
    if base_has_dict || add_dict {
        flags |= class_flags::HAS_DICT;
    }
    if slot_names.is_some() || bases.iter().any(|b| class_has(*b, class_flags::HAS_SLOTS)) {
        flags |= class_flags::HAS_SLOTS;
    }
    if bases.iter().any(|b| class_has(*b, class_flags::EXCEPTION)) {
        flags |= class_flags::EXCEPTION;
    }
    let hook_names = [n.__getattribute__, n.__getattr__, n.__setattr__, n.__delattr__];
    if bases.iter().any(|b| class_has(*b, class_flags::CUSTOM_GETATTR))
        || hook_names.iter().any(|h| vm.dict_get_str(dict, *h).is_some())
    {
        flags |= class_flags::CUSTOM_GETATTR;
    }

    // Implicit staticmethod/classmethod wrapping.
    if let Some(f) = vm.dict_get_str(dict, n.__new__) {
        if matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
            let sm = vm.alloc(vm.types.staticmethod, Payload::StaticMethod(Cell::new(f)));
            vm.dict_set_str(dict, n.__new__, sm);
        }
    }
    for key in [n.__init_subclass__, n.__class_getitem__] {
        if let Some(f) = vm.dict_get_str(dict, key) {
            if matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
                let cm = vm.alloc(vm.types.classmethod, Payload::ClassMethod(Cell::new(f)));
                vm.dict_set_str(dict, key, cm);
            }
        }
    }

    // __classcell__ is consumed here.
    let classcell = vm.dict_get_str(dict, n.__classcell__);
    if let Some(cell) = classcell {
        if !matches!(cell.as_obj().map(|o| &o.payload), Some(Payload::Cell(_))) {
            let r = vm.repr_string(vm.type_of(cell))?;
            return Err(vm.type_error(format!("__classcell__ must be a nonlocal cell, not {r}")));
        }
        vm.dict_del_str(dict, n.__classcell__);
    }

    let cd = ClassData {
        name: Cell::new(name),
        qualname: Cell::new(qualname),
        bases: RefCell::new(bases.clone()),
        mro: RefCell::new(Vec::new()),
        dict,
        version: Cell::new(attr::fresh_version()),
        layout,
        flags: Cell::new(flags),
        slots: RefCell::new(slot_names.clone()),
        subclasses: RefCell::new(Vec::new()),
    };
    let cls = vm.alloc(mcs, Payload::Class(Box::new(cd)));

    // Descriptors for slots, __dict__ and __weakref__, then __doc__ and __hash__.
    if let Some(sn) = &slot_names {
        for &s in sn {
            let d = descr::new_slot_descr(vm, SlotKind::Member, s, cls);
            vm.dict_set_str(dict, s, d);
        }
    }
    // A `__dict__` or `__weakref__` the class body defined wins (CPython adds its
    // descriptors with `PyDict_SetDefault`).
    if add_dict && !base_has_dict && vm.dict_get_str(dict, n.__dict__).is_none() {
        let d = descr::new_slot_descr(vm, SlotKind::Dict, n.__dict__, cls);
        vm.dict_set_str(dict, n.__dict__, d);
    }
    if add_weak && vm.dict_get_str(dict, n.__weakref__).is_none() {
        let d = descr::new_slot_descr(vm, SlotKind::Weakref, n.__weakref__, cls);
        vm.dict_set_str(dict, n.__weakref__, d);
    }
    if vm.dict_get_str(dict, n.__doc__).is_none() {
        vm.dict_set_str(dict, n.__doc__, Value::NONE);
    }
    if vm.dict_get_str(dict, n.__eq__).is_some() && vm.dict_get_str(dict, n.__hash__).is_none() {
        vm.dict_set_str(dict, n.__hash__, Value::NONE);
    }

    // MRO (possibly through a metaclass's own `mro()`).
    let mro = compute_mro(vm, cls, mcs, &bases)?;
    if let Some(c) = cls.as_class() {
        *c.mro.borrow_mut() = mro;
    }
    for &b in &bases {
        if let Some(bc) = b.as_class() {
            bc.subclasses.borrow_mut().push(cls);
        }
    }

    if let Some(cell) = classcell {
        if let Some(Payload::Cell(c)) = cell.as_obj().map(|o| &o.payload) {
            c.set(cls);
        }
    }

    // __set_name__ on the namespace's values.
    let entries: Vec<(Value, Value)> = dict.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
    for (k, v) in entries {
        if let Some(sn) = attr::lookup_special(vm, v, n.__set_name__) {
            if let Err(e) = attr::call_unbound(vm, sn, v, &[cls, k]) {
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    vm.type_tp_name(v),
                    vm.repr_string(k)?,
                    name_str
                );
                let err = vm.runtime_error(msg);
                if let Some(x) = err.0.obj().as_exception() {
                    x.cause.set(e.0);
                    x.suppress_context.set(true);
                    x.context.set(e.0);
                }
                return Err(err);
            }
        }
    }

    // super(cls, cls).__init_subclass__(**kwargs)
    init_subclass(vm, cls, kwargs)?;
    Ok(cls)
}

fn compute_mro(vm: &mut Vm, cls: Value, mcs: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let n = names();
    if !mcs.is(vm.types.type_) {
        let custom = lookup(vm, mcs, n.mro);
        let own = lookup(vm, vm.types.type_, n.mro);
        if let (Some(c), Some(o)) = (custom, own) {
            if !c.is(o) {
                // A provisional MRO so the method can look things up on the class.
                let mut prov = vec![cls];
                prov.extend(c3_merge(vm, bases)?);
                if let Some(cd) = cls.as_class() {
                    *cd.mro.borrow_mut() = prov;
                }
                let r = attr::call_unbound(vm, c, cls, &[])?;
                let items = vm.collect(r)?;
                for it in &items {
                    if it.as_class().is_none() {
                        return Err(vm.type_error(format!("mro() returned a non-class ('{}')", vm.type_tp_name(*it))));
                    }
                }
                return Ok(items);
            }
        }
    }
    let mut mro = vec![cls];
    mro.extend(c3_merge(vm, bases)?);
    Ok(mro)
}

fn init_subclass(vm: &mut Vm, cls: Value, kwargs: &[(Value, Value)]) -> PyResult<()> {
    let n = names();
    let mro = class_mro(cls);
    for c in mro.iter().skip(1) {
        let Some(cd) = c.as_class() else { continue };
        if let Some(f) = vm.dict_get_str(cd.dict, n.__init_subclass__) {
            let bound = attr::descr_get(vm, f, Value::NULL, cls)?;
            vm.call(bound, &[], kwargs)?;
            return Ok(());
        }
    }
    Ok(())
}

fn type_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let mcs = arg(args, 0);
    if mcs.as_class().is_none() {
        return Err(vm.type_error(format!("type.__new__(X): X is not a type object ({})", vm.type_tp_name(mcs))));
    }
    if !vm.is_subclass(mcs, vm.types.type_) {
        return Err(vm.type_error(format!(
            "type.__new__({}): {} is not a subtype of type",
            vm.class_name(mcs),
            vm.class_name(mcs)
        )));
    }
    let rest = &args[1..];
    if mcs.is(vm.types.type_) && rest.len() == 1 && kw.is_empty() {
        return Ok(vm.type_of(rest[0]));
    }
    if rest.len() != 3 {
        return Err(vm.type_error(format!("type.__new__() takes exactly 3 arguments ({} given)", rest.len())));
    }
    let (name, bases, ns) = (rest[0], rest[1], rest[2]);
    if name.as_pystr().is_none() {
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {}", vm.arg_type_name(name))));
    }
    if bases.as_tuple().is_none() {
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {}", vm.arg_type_name(bases))));
    }
    if ns.as_dict().is_none() {
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {}", vm.arg_type_name(ns))));
    }
    create_class(vm, mcs, name, tuple_items(bases), ns, kw)
}

fn type_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = args.len().saturating_sub(1);
    if n == 1 && !kw.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}

// ----- type.__call__ -----

/// `cls(*args, **kwargs)` for a class whose metaclass does not override `__call__`:
/// `__new__`, then `__init__` when the result is an instance of `cls`.
pub fn call_type(vm: &mut Vm, cls: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let n = names();
    if cls.is(vm.types.type_) {
        if args.len() == 1 && kwargs.is_empty() {
            return Ok(vm.type_of(args[0]));
        }
        if args.len() != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let Some(newf) = lookup(vm, cls, n.__new__) else {
        return Err(vm.type_error(format!("cannot create '{}' instances", vm.class_name(cls))));
    };
    let obj = if crate::eval::object_type::is_object_new(newf) {
        crate::eval::object_type::object_new_for(vm, cls, args, kwargs)?
    } else {
        let f = attr::descr_get(vm, newf, Value::NULL, cls)?;
        attr::with_prefix(cls, args, |all| vm.call(f, all, kwargs))?
    };
    let tp = vm.type_of(obj);
    if !tp.is(cls) && !vm.is_subclass(tp, cls) {
        return Ok(obj);
    }
    if let Some(init) = lookup(vm, tp, n.__init__) {
        if crate::eval::object_type::is_object_init(init) {
            // object.__init__ only checks the arguments.
            crate::eval::object_type::object_init_check(vm, tp, args, kwargs)?;
            return Ok(obj);
        }
        let r = attr::call_unbound_kw(vm, init, obj, args, kwargs)?;
        if !r.is_none() {
            return Err(vm.type_error(format!("__init__() should return None, not '{}'", vm.type_tp_name(r))));
        }
    }
    Ok(obj)
}

fn type_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            vm.type_tp_name(cls)
        )));
    }
    call_type(vm, cls, &args[1..], kw)
}

// ----- __build_class__ -----

fn resolve_bases(vm: &mut Vm, orig: &[Value]) -> PyResult<Vec<Value>> {
    let n = names();
    let mut out = Vec::new();
    let orig_t = vm.new_tuple(orig.to_vec());
    for &b in orig {
        if b.as_class().is_some() {
            out.push(b);
            continue;
        }
        match attr::get_attr_opt(vm, b, n.__mro_entries__)? {
            Some(f) => {
                let r = vm.call(f, &[orig_t], &[])?;
                let Some(items) = r.as_tuple() else {
                    return Err(vm.type_error("__mro_entries__ must return a tuple"));
                };
                out.extend_from_slice(items);
            }
            None => out.push(b),
        }
    }
    Ok(out)
}

fn build_class(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = names();
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args[0];
    if func.as_obj().and_then(|o| o.as_function()).is_none() {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    let name = args[1];
    if name.as_pystr().is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases = &args[2..];
    let bases = resolve_bases(vm, orig_bases)?;
    let changed = bases.len() != orig_bases.len() || bases.iter().zip(orig_bases).any(|(a, b)| !a.is(*b));

    let mut meta = Value::NULL;
    let mut kwargs: Vec<(Value, Value)> = Vec::with_capacity(kw.len());
    for &(k, v) in kw {
        if k.as_rstr() == Some("metaclass") {
            meta = v;
        } else {
            kwargs.push((k, v));
        }
    }
    let is_class = if meta.is_null() {
        meta = match bases.first() {
            Some(b) => vm.type_of(*b),
            None => vm.types.type_,
        };
        true
    } else {
        meta.as_class().is_some()
    };
    if is_class {
        meta = calculate_meta(vm, meta, &bases)?;
    }
    let bases_t = vm.new_tuple(bases.clone());

    let ns = match attr::get_attr_opt(vm, meta, n.__prepare__)? {
        Some(prep) => vm.call(prep, &[name, bases_t], &kwargs)?,
        None => vm.new_dict(),
    };
    if !is_mapping(vm, ns) {
        let mname = if is_class { vm.class_name(meta) } else { "<metaclass>".to_owned() };
        return Err(vm.type_error(format!("{mname}.__prepare__() must return a mapping, not {}", vm.type_tp_name(ns))));
    }
    let body_result = crate::eval::call::run_with_locals(vm, func, ns)?;
    if changed {
        let ob = vm.new_tuple(orig_bases.to_vec());
        vm.set_item(ns, n.__orig_bases__, ob)?;
    }
    // The body stores its `__class__` cell in the namespace (CPython also returns it) when
    // methods use `super()`/`__class__`; `type.__new__` must fill it.
    let mut cell = body_result;
    if ns.as_dict().is_some() {
        if let Some(c) = vm.dict_get_str(ns, n.__classcell__) {
            cell = c;
        }
    }
    let cls = vm.call(meta, &[name, bases_t, ns], &kwargs)?;
    if let Some(Payload::Cell(c)) = cell.as_obj().map(|o| &o.payload) {
        if cls.as_class().is_some() {
            let cur = c.get();
            if cur.is_null() {
                let r1 = vm.repr_string(name)?;
                let r2 = vm.repr_string(cls)?;
                return Err(vm.runtime_error(format!(
                    "__class__ not set defining {r1} as {r2}. Was __classcell__ propagated to type.__new__?"
                )));
            }
            if !cur.is(cls) {
                let r0 = vm.repr_string(cur)?;
                let r1 = vm.repr_string(name)?;
                let r2 = vm.repr_string(cls)?;
                return Err(vm.type_error(format!("__class__ set to {r0} defining {r1} as {r2}")));
            }
        }
    }
    Ok(cls)
}

fn is_mapping(vm: &Vm, v: Value) -> bool {
    v.as_dict().is_some() || lookup(vm, vm.type_of(v), names().__getitem__).is_some()
}

// ----- isinstance / issubclass -----

/// `isinstance(obj, cls_or_tuple)` with tuples, unions and `__instancecheck__`.
pub fn isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    let tp = vm.type_of(obj);
    if tp.is(cls) {
        return Ok(true);
    }
    if let Some(items) = cls.as_tuple() {
        if vm.type_of(cls).is(vm.types.tuple) || vm.is_subclass(vm.type_of(cls), vm.types.tuple) {
            let items = items.to_vec();
            crate::eval::check_stack(vm)?;
            for it in items {
                if isinstance(vm, obj, it)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    }
    let meta = vm.type_of(cls);
    if cls.as_class().is_some() && meta.is(vm.types.type_) {
        return recursive_isinstance(vm, obj, cls);
    }
    if let Some(chk) = lookup(vm, meta, names().__instancecheck__) {
        crate::eval::check_stack(vm)?;
        let r = attr::call_unbound(vm, chk, cls, &[obj])?;
        return vm.truthy(r);
    }
    recursive_isinstance(vm, obj, cls)
}

fn recursive_isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    if cls.as_class().is_some() {
        if vm.isinstance(obj, cls) {
            return Ok(true);
        }
        // A `__class__` that differs from the real type (proxies) counts too.
        if let Some(c) = attr::get_attr_opt(vm, obj, names().__class__)? {
            if !c.is(vm.type_of(obj)) && c.as_class().is_some() {
                return Ok(vm.is_subclass(c, cls));
            }
        }
        return Ok(false);
    }
    if !has_bases(vm, cls)? {
        return Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    match attr::get_attr_opt(vm, obj, names().__class__)? {
        Some(c) => abstract_issubclass(vm, c, cls),
        None => Ok(false),
    }
}

fn has_bases(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let k = vm.intern("__bases__");
    Ok(attr::get_attr_opt(vm, v, k)?.is_some_and(|b| b.as_tuple().is_some()))
}

/// Subclass check through `__bases__` for objects that pretend to be classes.
fn abstract_issubclass(vm: &mut Vm, derived: Value, cls: Value) -> PyResult<bool> {
    let k = vm.intern("__bases__");
    let mut work = vec![derived];
    let mut steps = 0usize;
    while let Some(d) = work.pop() {
        if d.is(cls) {
            return Ok(true);
        }
        steps += 1;
        if steps > 100_000 {
            return Err(crate::eval::recursion_error(vm));
        }
        if let Some(b) = attr::get_attr_opt(vm, d, k)? {
            if let Some(items) = b.as_tuple() {
                work.extend(items.iter().rev().copied());
            }
        }
    }
    Ok(false)
}

/// `issubclass(sub, cls_or_tuple)` with tuples, unions and `__subclasscheck__`.
pub fn issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    if sub.as_class().is_some() && cls.as_class().is_some() && vm.type_of(cls).is(vm.types.type_) {
        return Ok(vm.is_subclass(sub, cls));
    }
    if let Some(items) = cls.as_tuple() {
        let items = items.to_vec();
        crate::eval::check_stack(vm)?;
        for it in items {
            if issubclass(vm, sub, it)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let meta = vm.type_of(cls);
    if !(cls.as_class().is_some() && meta.is(vm.types.type_)) {
        if let Some(chk) = lookup(vm, meta, names().__subclasscheck__) {
            crate::eval::check_stack(vm)?;
            let r = attr::call_unbound(vm, chk, cls, &[sub])?;
            return vm.truthy(r);
        }
    }
    recursive_issubclass(vm, sub, cls)
}

fn recursive_issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    if sub.as_class().is_some() && cls.as_class().is_some() {
        return Ok(vm.is_subclass(sub, cls));
    }
    if sub.as_class().is_none() && !has_bases(vm, sub)? {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if cls.as_class().is_none() && descr::union_members(cls).is_none() && !has_bases(vm, cls)? {
        return Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }
    abstract_issubclass(vm, sub, cls)
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (cls, obj) = (arg(args, 0), arg(args, 1));
    Ok(Value::bool(recursive_isinstance(vm, obj, cls)?))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (cls, sub) = (arg(args, 0), arg(args, 1));
    Ok(Value::bool(recursive_issubclass(vm, sub, cls)?))
}

// ----- the Python-visible attributes of classes -----

fn need_class(vm: &Vm, v: Value) -> PyResult<&'static ClassData> {
    match v.as_obj().map(|o| &o.payload) {
        // SAFETY: heap objects never move and are not freed while reachable; `v` is an
        // argument of the running native, so it outlives every use of this reference.
        Some(Payload::Class(c)) => Ok(unsafe { &*(&**c as *const ClassData) }),
        _ => Err(vm.type_error(format!("descriptor requires a 'type' object but received a '{}'", vm.type_tp_name(v)))),
    }
}

/// `repr(cls)`: `<class 'module.Qualname'>`, without the module for builtins.
pub fn type_repr_string(vm: &mut Vm, cls: Value) -> String {
    let qn = cls.as_class().and_then(|c| c.qualname.get().as_rstr().map(str::to_owned)).unwrap_or_else(|| "?".into());
    match class_module_opt(vm, cls) {
        Some(m) if m != "builtins" => format!("<class '{m}.{qn}'>"),
        _ => format!("<class '{qn}'>"),
    }
}

fn type_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    need_class(vm, arg(args, 0))?;
    let s = type_repr_string(vm, args[0]);
    Ok(vm.new_string(s))
}

fn type_name_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(need_class(vm, arg(args, 0))?.name.get())
}

fn type_name_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    let v = arg(args, 1);
    if v.as_pystr().is_none() {
        return Err(vm.type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            vm.class_name(args[0]),
            vm.type_tp_name(v)
        )));
    }
    if v.as_rstr().is_some_and(|s| s.contains('\0')) {
        return Err(vm.value_error("type name must not contain null characters"));
    }
    c.name.set(v);
    Ok(Value::NONE)
}

fn type_qualname_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(need_class(vm, arg(args, 0))?.qualname.get())
}

fn type_qualname_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    let v = arg(args, 1);
    if v.as_pystr().is_none() {
        return Err(vm.type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            vm.class_name(args[0]),
            vm.type_tp_name(v)
        )));
    }
    c.qualname.set(v);
    Ok(Value::NONE)
}

fn type_bases_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    let b = c.bases.borrow().clone();
    Ok(vm.new_tuple(b))
}

fn type_bases_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    let v = arg(args, 1);
    let items = match v.as_tuple() {
        Some(t) if !t.is_empty() => t.to_vec(),
        _ => {
            let r = vm.repr_string(v)?;
            let shown = if v.as_tuple().is_some() { r } else { format!("'{}'", vm.type_name(v)) };
            return Err(vm.type_error(format!(
                "can only assign non-empty tuple to {}.__bases__, not {shown}",
                vm.class_name(cls)
            )));
        }
    };
    for &b in &items {
        if b.as_class().is_none() {
            return Err(vm.type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                vm.class_name(cls),
                vm.type_tp_name(b)
            )));
        }
        if b.is(cls) || vm.is_subclass(b, cls) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = best_base(vm, &items)?.unwrap_or(vm.types.object);
    let old_base = best_base_of(vm, &c.bases.borrow().clone()).unwrap_or(vm.types.object);
    if !solid_base(vm, new_base).is(solid_base(vm, old_base)) {
        return Err(vm.type_error(format!(
            "__bases__ assignment: '{}' deallocator differs from '{}'",
            vm.class_name(new_base),
            vm.class_name(old_base)
        )));
    }
    let mut mro = vec![cls];
    mro.extend(c3_merge(vm, &items)?);
    for old in c.bases.borrow().iter() {
        if let Some(oc) = old.as_class() {
            oc.subclasses.borrow_mut().retain(|s| !s.is(cls));
        }
    }
    for &b in &items {
        if let Some(bc) = b.as_class() {
            bc.subclasses.borrow_mut().push(cls);
        }
    }
    *c.bases.borrow_mut() = items;
    *c.mro.borrow_mut() = mro;
    // Subclasses' MROs embed ours: recompute them (iteratively, parents first).
    let mut work: Vec<Value> = c.subclasses.borrow().clone();
    let mut guard = 0usize;
    while let Some(s) = work.pop() {
        guard += 1;
        if guard > 100_000 {
            break;
        }
        let sb = class_bases(s);
        if let Ok(m) = c3_merge(vm, &sb) {
            if let Some(sc) = s.as_class() {
                let mut full = vec![s];
                full.extend(m);
                *sc.mro.borrow_mut() = full;
                work.extend(sc.subclasses.borrow().iter().copied());
            }
        }
    }
    attr::bump_version(cls);
    Ok(Value::NONE)
}

fn type_base_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    let bases = c.bases.borrow().clone();
    Ok(best_base_of(vm, &bases).unwrap_or(Value::NONE))
}

fn type_mro_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    let m = c.mro.borrow().clone();
    Ok(vm.new_tuple(m))
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    let bases = c.bases.borrow().clone();
    let mut m = vec![cls];
    m.extend(c3_merge(vm, &bases)?);
    Ok(vm.new_list(m))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    let s = c.subclasses.borrow().clone();
    Ok(vm.new_list(s))
}

/// `cls.__dict__`: a read-only `mappingproxy` over the namespace.
pub fn class_dict_view(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let c = need_class(vm, cls)?;
    let d = c.dict;
    Ok(crate::types::dict::new_mappingproxy(vm, d))
}

fn type_dict_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    class_dict_view(vm, arg(args, 0))
}

fn type_doc_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    let Some(d) = vm.dict_get_str(c.dict, names().__doc__) else {
        return Ok(Value::NONE);
    };
    if !c.has_flag(class_flags::HEAPTYPE) {
        return Ok(if d.as_pystr().is_some() { d } else { Value::NONE });
    }
    attr::descr_get(vm, d, Value::NULL, cls)
}

fn type_doc_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    vm.dict_set_str(c.dict, names().__doc__, arg(args, 1));
    Ok(Value::NONE)
}

fn type_module_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    let heap = c.has_flag(class_flags::HEAPTYPE);
    match vm.dict_get_str(c.dict, names().__module__) {
        Some(m) if heap || m.as_pystr().is_some() => Ok(m),
        None if heap => Err(vm.attribute_error("__module__")),
        _ => Ok(names().builtins),
    }
}

fn type_module_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    vm.dict_set_str(c.dict, names().__module__, arg(args, 1));
    Ok(Value::NONE)
}

fn type_abstract_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    let v = if cls.is(vm.types.type_) { None } else { vm.dict_get_str(c.dict, names().__abstractmethods__) };
    v.ok_or_else(|| vm.attribute_error("__abstractmethods__"))
}

fn type_abstract_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    vm.dict_set_str(c.dict, names().__abstractmethods__, arg(args, 1));
    Ok(Value::NONE)
}

fn type_annotations_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    let c = need_class(vm, cls)?;
    let k = names().__annotations__;
    if let Some(a) = vm.dict_get_str(c.dict, k) {
        return attr::descr_get(vm, a, Value::NULL, cls);
    }
    if !c.has_flag(class_flags::HEAPTYPE) {
        return Err(
            vm.attribute_error(format!("type object '{}' has no attribute '__annotations__'", vm.class_name(cls)))
        );
    }
    let d = vm.new_dict();
    vm.dict_set_str(c.dict, k, d);
    Ok(d)
}

fn type_annotations_set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = need_class(vm, arg(args, 0))?;
    vm.dict_set_str(c.dict, names().__annotations__, arg(args, 1));
    Ok(Value::NONE)
}

fn type_prepare(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_dict())
}

fn type_or(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    descr::make_union(vm, arg(args, 0), arg(args, 1))
}

fn type_ror(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    descr::make_union(vm, arg(args, 1), arg(args, 0))
}

fn type_getattribute(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    need_class(vm, cls)?;
    let name = attr::intern_name(vm, arg(args, 1))?;
    let meta = vm.type_of(cls);
    match attr::type_get(vm, cls, meta, name)? {
        Some(v) => Ok(v),
        None => Err(attr::attr_error(vm, cls, name)),
    }
}

fn type_setattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!(
            "descriptor '__setattr__' requires a 'type' object but received a '{}'",
            vm.type_tp_name(cls)
        )));
    }
    let name = attr::intern_name(vm, arg(args, 1))?;
    let meta = vm.type_of(cls);
    attr::type_set(vm, cls, meta, name, arg(args, 2))?;
    Ok(Value::NONE)
}

fn type_delattr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!(
            "descriptor '__delattr__' requires a 'type' object but received a '{}'",
            vm.type_tp_name(cls)
        )));
    }
    let name = attr::intern_name(vm, arg(args, 1))?;
    let meta = vm.type_of(cls);
    attr::type_set(vm, cls, meta, name, Value::NULL)?;
    Ok(Value::NONE)
}

fn type_dir(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = arg(args, 0);
    need_class(vm, cls)?;
    let mut keys: Vec<Value> = Vec::new();
    let seen = vm.new_dict();
    for c in class_mro(cls) {
        let Some(cd) = c.as_class() else { continue };
        let items = cd.dict.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
        for k in items {
            if vm.dict_get(seen, k)?.is_none() {
                vm.dict_set(seen, k, Value::NONE)?;
                keys.push(k);
            }
        }
    }
    Ok(vm.new_list(keys))
}

fn type_sizeof(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    need_class(vm, arg(args, 0))?;
    Ok(vm.new_int(std::mem::size_of::<ClassData>() as i64 + 16))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.type_;
    vm.add_staticmethod(t, "__new__", type_new);
    vm.add_method(t, "__init__", type_init);
    vm.add_method(t, "__call__", type_call);
    vm.add_method(t, "__repr__", type_repr);
    vm.add_method(t, "__getattribute__", type_getattribute);
    vm.add_method(t, "__setattr__", type_setattr);
    vm.add_method(t, "__delattr__", type_delattr);
    vm.add_method(t, "mro", type_mro);
    vm.add_method(t, "__subclasses__", type_subclasses);
    vm.add_classmethod(t, "__prepare__", type_prepare);
    vm.add_method(t, "__instancecheck__", type_instancecheck);
    vm.add_method(t, "__subclasscheck__", type_subclasscheck);
    vm.add_method(t, "__or__", type_or);
    vm.add_method(t, "__ror__", type_ror);
    vm.add_method(t, "__dir__", type_dir);
    vm.add_method(t, "__sizeof__", type_sizeof);
    vm.add_property(t, "__name__", type_name_get, Some(type_name_set));
    vm.add_property(t, "__qualname__", type_qualname_get, Some(type_qualname_set));
    vm.add_property(t, "__bases__", type_bases_get, Some(type_bases_set));
    vm.add_getter(t, "__base__", type_base_get);
    vm.add_getter(t, "__mro__", type_mro_get);
    vm.add_getter(t, "__dict__", type_dict_get);
    vm.add_property(t, "__doc__", type_doc_get, Some(type_doc_set));
    vm.add_property(t, "__module__", type_module_get, Some(type_module_set));
    vm.add_property(t, "__abstractmethods__", type_abstract_get, Some(type_abstract_set));
    vm.add_property(t, "__annotations__", type_annotations_get, Some(type_annotations_set));
    let b = vm.builtins;
    vm.add_function(b, "__build_class__", build_class);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling_follows_cpython() {
        assert_eq!(mangle("A", "__x"), "_A__x");
        assert_eq!(mangle("_A", "__x"), "_A__x");
        assert_eq!(mangle("__", "__x"), "__x");
        assert_eq!(mangle("A", "__x__"), "__x__");
        assert_eq!(mangle("A", "_x"), "_x");
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("a_1"));
        assert!(is_identifier("_"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier("a-b"));
        assert!(!is_identifier(""));
    }

    fn new_class(vm: &mut Vm, name: &str, bases: &[Value]) -> PyResult<Value> {
        let n = vm.new_str(name);
        let ns = vm.new_dict();
        let t = vm.types.type_;
        create_class(vm, t, n, bases.to_vec(), ns, &[])
    }

    #[test]
    fn c3_diamond_and_conflict() {
        let mut vm = Vm::new();
        let vm = &mut *vm;
        let a = new_class(vm, "A", &[]).unwrap();
        let b = new_class(vm, "B", &[a]).unwrap();
        let c = new_class(vm, "C", &[a]).unwrap();
        let d = new_class(vm, "D", &[b, c]).unwrap();
        let mro: Vec<String> = class_mro(d).iter().map(|k| vm.class_name(*k)).collect();
        assert_eq!(mro, ["D", "B", "C", "A", "object"]);
        let e = new_class(vm, "E", &[a, b]);
        assert!(e.is_err());
        assert!(class_has(d, class_flags::HAS_DICT) && class_has(d, class_flags::HEAPTYPE));
    }

    #[test]
    fn layout_conflicts_are_detected() {
        let mut vm = Vm::new();
        let vm = &mut *vm;
        let (int, str_, list) = (vm.types.int, vm.types.str_, vm.types.list);
        assert!(new_class(vm, "X", &[int, str_]).is_err());
        let l = new_class(vm, "L", &[list]).unwrap();
        assert_eq!(l.as_class().map(|c| c.layout), Some(Layout::List));
        let bool_ = vm.types.bool_;
        assert!(new_class(vm, "B", &[bool_]).is_err());
    }
}
