//! The Python-level `dict` type, its views (`dict_keys`, `dict_values`, `dict_items`),
//! their iterators, and the read-only `mappingproxy`.
//!
//! Storage is `crate::dict::DictData`; its `get`/`set`/`del` helpers already take care of
//! running `__hash__`/`__eq__` without holding borrows. Iterators walk the entries by raw
//! position and compare the dict's length at every step, which is how CPython detects
//! "dictionary changed size during iteration".

use std::cell::{Cell, RefCell};

use crate::cfg::CmpOp;
use crate::dict::{self as store, DictData};
use crate::impl_native;
use crate::object::Payload;
use crate::types::iter::{class, register_iterator};
use crate::types::list::{enter_recursion, heap_ref, leave_recursion, repr_enter, repr_leave, seq_fast};
use crate::types::set;
use crate::types::tuple::{descriptor_error, new_cls, no_args, one_arg};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type DCell = RefCell<DictData>;

/// The storage of a dict value (subclasses included).
pub fn dict_cell(v: Value) -> Option<&'static DCell> {
    match &heap_ref(v)?.payload {
        Payload::Dict(d) => Some(d),
        _ => None,
    }
}

fn this(vm: &Vm, v: Value, method: &str) -> PyResult<&'static DCell> {
    dict_cell(v).ok_or_else(|| descriptor_error(vm, method, "dict", v))
}

fn is_exact_dict(vm: &Vm, v: Value) -> bool {
    v.is_obj() && v.obj().class.get().is(vm.types.dict)
}

/// (key, hash, value) of every entry, in order.
fn entries(d: &DCell) -> Vec<(Value, i64, Value)> {
    let d = d.borrow();
    (0..d.raw_len()).filter_map(|i| d.entry_at(i)).map(|e| (e.key, e.hash, e.value)).collect()
}

/// A new exact dict holding `items` in order (later duplicates overwrite).
pub fn new_dict_from(vm: &mut Vm, items: &[(Value, Value)]) -> PyResult<Value> {
    let d = vm.new_dict();
    if let Some(c) = dict_cell(d) {
        for &(k, v) in items {
            store::set(vm, c, k, v)?;
        }
    }
    Ok(d)
}

fn copy_dict(vm: &Vm, src: &DCell) -> Value {
    let es = entries(src);
    let mut data = DictData::with_capacity(es.len());
    for (k, h, v) in es {
        data.push_new(k, h, v);
    }
    vm.alloc(vm.types.dict, Payload::Dict(RefCell::new(data)))
}

// ----- update machinery -----

/// `PyDict_Merge(d, other, override=1)`: what `{**other}`, `f(**other)` and
/// `dict.update(mapping)` do. Dicts (and subclasses that keep dict's `__iter__`) are copied
/// entry by entry, ignoring overridden `keys`/`__getitem__`, as CPython does; other
/// mappings go through `keys()` and `__getitem__`.
pub fn merge(vm: &mut Vm, d: &DCell, other: Value) -> PyResult<()> {
    if let Some(oc) = dict_cell(other) {
        let iter_name = vm.intern("__iter__");
        let own = vm.lookup_type(vm.types.dict, iter_name);
        let ty = vm.type_of(other);
        if vm.lookup_type(ty, iter_name) == own {
            if std::ptr::eq(oc, d) {
                return Ok(());
            }
            for (k, h, v) in entries(oc) {
                store::set_hashed(vm, d, k, h, v)?;
            }
            return Ok(());
        }
    }
    let keys = vm.call_method(other, "keys", &[])?;
    let it = vm.iter(keys)?;
    while let Some(k) = vm.next(it)? {
        let v = vm.get_item(other, k)?;
        store::set(vm, d, k, v)?;
    }
    Ok(())
}

/// `PyDict_MergeFromSeq2`: key/value pairs from an iterable of 2-sequences.
fn merge_seq2(vm: &mut Vm, d: &DCell, seq: Value) -> PyResult<()> {
    let it = vm.iter(seq)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(it)? {
        let pair = match seq_fast(vm, item, None) {
            Ok(p) => p,
            Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
                return Err(
                    vm.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
                )
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        store::set(vm, d, pair[0], pair[1])?;
        i += 1;
    }
    Ok(())
}

/// `dict.update(arg)` semantics: a mapping (anything with `keys`) or pairs.
pub fn update_arg(vm: &mut Vm, d: &DCell, arg: Value) -> PyResult<()> {
    if is_exact_dict(vm, arg) {
        return merge(vm, d, arg);
    }
    let keys = vm.intern("keys");
    if vm.get_attr_opt(arg, keys)?.is_some() {
        return merge(vm, d, arg);
    }
    merge_seq2(vm, d, arg)
}

fn update_common(vm: &mut Vm, fname: &str, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<()> {
    let d = this(vm, args[0], if fname == "dict" { "__init__" } else { "update" })?;
    if args.len() > 2 {
        return Err(vm.type_error(format!("{fname} expected at most 1 argument, got {}", args.len().saturating_sub(1))));
    }
    if let Some(&a) = args.get(1) {
        update_arg(vm, d, a)?;
    }
    for &(k, v) in kwargs {
        store::set(vm, d, k, v)?;
    }
    Ok(())
}

// ----- dict methods -----

fn dict_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = new_cls(vm, args, "dict", vm.types.dict)?;
    if cls.is(vm.types.dict) {
        return Ok(vm.new_dict());
    }
    Ok(vm.alloc(cls, Payload::Dict(RefCell::new(DictData::new()))))
}

fn dict_init(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    update_common(vm, "dict", args, kwargs)?;
    Ok(Value::NONE)
}

fn dict_update(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    update_common(vm, "update", args, kwargs)?;
    Ok(Value::NONE)
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("dict.fromkeys", kwargs)?;
    let cls = args[0];
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(vm.type_error("fromkeys expected at least 1 argument, got 0"));
    }
    if rest.len() > 2 {
        return Err(vm.type_error(format!("fromkeys expected at most 2 arguments, got {}", rest.len())));
    }
    let value = rest.get(1).copied().unwrap_or(Value::NONE);
    let d = vm.call(cls, &[], &[])?;
    let exact = is_exact_dict(vm, d);
    let it = vm.iter(rest[0])?;
    while let Some(k) = vm.next(it)? {
        match (exact, dict_cell(d)) {
            (true, Some(c)) => store::set(vm, c, k, value)?,
            _ => vm.set_item(d, k, value)?,
        }
    }
    Ok(d)
}

/// `d[key]` with `__missing__` for subclasses.
pub fn getitem(vm: &mut Vm, d: Value, key: Value) -> PyResult<Value> {
    let c = this(vm, d, "__getitem__")?;
    if let Some(v) = store::get(vm, c, key)? {
        return Ok(v);
    }
    if !is_exact_dict(vm, d) {
        let name = vm.intern("__missing__");
        let ty = vm.type_of(d);
        if let Some(f) = vm.lookup_type(ty, name) {
            return vm.call(f, &[d, key], &[]);
        }
    }
    Err(vm.key_error(key))
}

fn dict_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "dict.__getitem__", args, kwargs)?;
    getitem(vm, args[0], k)
}

fn dict_setitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("dict.__setitem__", kwargs)?;
    let c = this(vm, args[0], "__setitem__")?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(" expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    store::set(vm, c, args[1], args[2])?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "dict.__delitem__", args, kwargs)?;
    let c = this(vm, args[0], "__delitem__")?;
    match store::del(vm, c, k)? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(k)),
    }
}

fn dict_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "dict.__contains__", args, kwargs)?;
    let c = this(vm, args[0], "__contains__")?;
    let h = vm.hash(k)?;
    Ok(Value::bool(store::lookup(vm, c, k, h)?.is_some()))
}

fn dict_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = this(vm, args[0], "__len__")?.borrow().len();
    Ok(vm.new_int(n as i64))
}

fn dict_get(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("get", kwargs)?;
    let c = this(vm, args[0], "get")?;
    match args.len() {
        1 => return Err(vm.type_error("get expected at least 1 argument, got 0")),
        2 | 3 => {}
        n => return Err(vm.type_error(format!("get expected at most 2 arguments, got {}", n - 1))),
    }
    let dflt = args.get(2).copied().unwrap_or(Value::NONE);
    Ok(store::get(vm, c, args[1])?.unwrap_or(dflt))
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("setdefault", kwargs)?;
    let c = this(vm, args[0], "setdefault")?;
    match args.len() {
        1 => return Err(vm.type_error("setdefault expected at least 1 argument, got 0")),
        2 | 3 => {}
        n => return Err(vm.type_error(format!("setdefault expected at most 2 arguments, got {}", n - 1))),
    }
    let dflt = args.get(2).copied().unwrap_or(Value::NONE);
    let h = vm.hash(args[1])?;
    if let Some(pos) = store::lookup(vm, c, args[1], h)? {
        if let Some(e) = c.borrow().entry_at(pos) {
            return Ok(e.value);
        }
    }
    store::set_hashed(vm, c, args[1], h, dflt)?;
    Ok(dflt)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("pop", kwargs)?;
    let c = this(vm, args[0], "pop")?;
    match args.len() {
        1 => return Err(vm.type_error("pop expected at least 1 argument, got 0")),
        2 | 3 => {}
        n => return Err(vm.type_error(format!("pop expected at most 2 arguments, got {}", n - 1))),
    }
    let key = args[1];
    let dflt = args.get(2).copied();
    if c.borrow().is_empty() {
        return dflt.ok_or_else(|| vm.key_error(key));
    }
    match store::del(vm, c, key)? {
        Some(v) => Ok(v),
        None => dflt.ok_or_else(|| vm.key_error(key)),
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "dict.popitem", args, kwargs)?;
    let c = this(vm, args[0], "popitem")?;
    let r = c.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => {
            let m = vm.new_str("popitem(): dictionary is empty");
            Err(vm.key_error(m))
        }
    }
}

fn dict_clear(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "dict.clear", args, kwargs)?;
    this(vm, args[0], "clear")?.borrow_mut().clear();
    Ok(Value::NONE)
}

fn dict_copy(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "dict.copy", args, kwargs)?;
    let c = this(vm, args[0], "copy")?;
    Ok(copy_dict(vm, c))
}

fn make_view(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], kind: Kind) -> PyResult<Value> {
    let name = match kind {
        Kind::Keys => "keys",
        Kind::Values => "values",
        Kind::Items => "items",
    };
    if args.len() != 1 || !kwargs.is_empty() {
        no_args(vm, &format!("dict.{name}"), args, kwargs)?;
    }
    this(vm, args[0], name)?;
    Ok(new_view(vm, args[0], kind))
}

fn dict_keys(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    make_view(vm, args, kwargs, Kind::Keys)
}

fn dict_values(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    make_view(vm, args, kwargs, Kind::Values)
}

fn dict_items(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    make_view(vm, args, kwargs, Kind::Items)
}

fn dict_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args[0], "__iter__")?;
    Ok(new_dict_iter(vm, args[0], Kind::Keys, false))
}

fn dict_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args[0], "__reversed__")?;
    Ok(new_dict_iter(vm, args[0], Kind::Keys, true))
}

/// `a == b` for two dicts: same length and every key of `a` maps to an equal value in `b`.
pub fn dict_equal(vm: &mut Vm, a: &DCell, b: &DCell) -> PyResult<bool> {
    if a.borrow().len() != b.borrow().len() {
        return Ok(false);
    }
    let mut i = 0;
    loop {
        let e = {
            let d = a.borrow();
            if i >= d.raw_len() {
                break;
            }
            d.entry_at(i)
        };
        i += 1;
        let Some(e) = e else { continue };
        let Some(bv) = store::get_hashed(vm, b, e.key, e.hash)? else {
            return Ok(false);
        };
        enter_recursion(vm, " in comparison")?;
        let r = vm.eq(e.value, bv);
        leave_recursion(vm);
        if !r? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_cmp(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], op: CmpOp) -> PyResult<Value> {
    let other = one_arg(vm, "dict.__eq__", args, kwargs)?;
    let a = this(vm, args[0], "__eq__")?;
    let Some(b) = dict_cell(other) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let eq = std::ptr::eq(a, b) || dict_equal(vm, a, b)?;
    Ok(Value::bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn dict_eq(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    dict_cmp(vm, args, kwargs, CmpOp::Eq)
}

fn dict_ne(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    dict_cmp(vm, args, kwargs, CmpOp::Ne)
}

fn or_impl(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    let (Some(l), Some(_)) = (dict_cell(left), dict_cell(right)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let new = copy_dict(vm, l);
    if let Some(nc) = dict_cell(new) {
        update_arg(vm, nc, right)?;
    }
    Ok(new)
}

fn dict_or(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "dict.__or__", args, kwargs)?;
    or_impl(vm, args[0], other)
}

fn dict_ror(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "dict.__ror__", args, kwargs)?;
    or_impl(vm, other, args[0])
}

fn dict_ior(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "dict.__ior__", args, kwargs)?;
    let c = this(vm, args[0], "__ior__")?;
    update_arg(vm, c, other)?;
    Ok(args[0])
}

/// `repr(dict)`: `{'a': 1}`, `{...}` for a dict inside itself.
pub fn repr(vm: &mut Vm, d: Value) -> PyResult<String> {
    let c = this(vm, d, "__repr__")?;
    if c.borrow().is_empty() {
        return Ok("{}".into());
    }
    if !repr_enter(d) {
        return Ok("{...}".into());
    }
    let items = entries(c);
    let r = (|| {
        let mut s = String::from("{");
        for (i, &(k, _, v)) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let kr = crate::types::list::repr_item(vm, k)?;
            let vr = crate::types::list::repr_item(vm, v)?;
            s.push_str(&kr);
            s.push_str(": ");
            s.push_str(&vr);
        }
        s.push('}');
        Ok(s)
    })();
    repr_leave(d);
    r
}

fn dict_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = repr(vm, args[0])?;
    Ok(vm.new_string(s))
}

// ----- iterators -----

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Keys,
    Values,
    Items,
}

/// The iterator of a dict or of one of its views.
pub struct DictIter {
    /// NULL once exhausted.
    pub dict: Cell<Value>,
    /// Next raw position to look at (forward), or one past it (reverse).
    pub pos: Cell<usize>,
    /// The dict's length when iteration began; -1 once a change was reported.
    pub used: Cell<isize>,
    pub remaining: Cell<usize>,
    pub kind: Kind,
    pub reverse: bool,
}
impl_native!(DictIter, |s, visit| { visit(s.dict.get()) });

fn iter_class_name(kind: Kind, reverse: bool) -> &'static str {
    match (kind, reverse) {
        (Kind::Keys, false) => "dict_keyiterator",
        (Kind::Values, false) => "dict_valueiterator",
        (Kind::Items, false) => "dict_itemiterator",
        (Kind::Keys, true) => "dict_reversekeyiterator",
        (Kind::Values, true) => "dict_reversevalueiterator",
        (Kind::Items, true) => "dict_reverseitemiterator",
    }
}

pub fn new_dict_iter(vm: &Vm, dict: Value, kind: Kind, reverse: bool) -> Value {
    let (n, raw) = dict_cell(dict).map(|c| (c.borrow().len(), c.borrow().raw_len())).unwrap_or((0, 0));
    vm.new_native(
        class(vm, iter_class_name(kind, reverse)),
        DictIter {
            dict: Cell::new(dict),
            pos: Cell::new(if reverse { raw } else { 0 }),
            used: Cell::new(n as isize),
            remaining: Cell::new(n),
            kind,
            reverse,
        },
    )
}

fn dict_iter_next(vm: &mut Vm, it: &DictIter) -> PyResult<Option<Value>> {
    let d = it.dict.get();
    let Some(c) = dict_cell(d) else {
        return Ok(None);
    };
    let found = {
        let data = c.borrow();
        if it.used.get() != data.len() as isize {
            it.used.set(-1);
            return Err(vm.runtime_error("dictionary changed size during iteration"));
        }
        let mut found = None;
        if it.reverse {
            let mut i = it.pos.get().min(data.raw_len());
            while i > 0 {
                i -= 1;
                if let Some(e) = data.entry_at(i) {
                    found = Some(e);
                    break;
                }
            }
            it.pos.set(i);
        } else {
            let mut i = it.pos.get();
            while i < data.raw_len() {
                if let Some(e) = data.entry_at(i) {
                    found = Some(e);
                    break;
                }
                i += 1;
            }
            it.pos.set(i + 1);
        }
        found
    };
    let Some(e) = found else {
        it.dict.set(Value::NULL);
        return Ok(None);
    };
    if it.remaining.get() == 0 {
        it.dict.set(Value::NULL);
        return Err(vm.runtime_error("dictionary keys changed during iteration"));
    }
    it.remaining.set(it.remaining.get() - 1);
    Ok(Some(match it.kind {
        Kind::Keys => e.key,
        Kind::Values => e.value,
        Kind::Items => vm.new_tuple(vec![e.key, e.value]),
    }))
}

/// The fast path of `iter::next_builtin` for dict iterators.
pub fn next_dict_iter(vm: &mut Vm, any: &dyn std::any::Any) -> Option<PyResult<Option<Value>>> {
    any.downcast_ref::<DictIter>().map(|it| dict_iter_next(vm, it))
}

/// The elements of a builtin dict view as a Vec, without an iterator object (the fast
/// path of `list(view)` and `list.extend(view)`); None when `v` is no such view.
pub fn view_to_vec(vm: &mut Vm, v: Value) -> Option<Vec<Value>> {
    let dv = view_of(v)?;
    if heap_ref(v)?.class.get().as_class().is_some_and(|c| c.has_flag(crate::object::class_flags::HEAPTYPE)) {
        return None;
    }
    let data = dict_cell(dv.dict)?.borrow();
    let mut out = Vec::with_capacity(data.len());
    match dv.kind {
        Kind::Keys => out.extend(data.iter().map(|(k, _)| k)),
        Kind::Values => out.extend(data.iter().map(|(_, v)| v)),
        Kind::Items => out.extend(data.iter().map(|(k, v)| vm.new_tuple(vec![k, v]))),
    }
    Some(out)
}

fn dict_iter_length_hint(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "__length_hint__", args, kwargs)?;
    let n = match args[0].as_obj().and_then(|o| o.native::<DictIter>()) {
        Some(it) if dict_cell(it.dict.get()).map(|c| c.borrow().len() as isize) == Some(it.used.get()) => {
            it.remaining.get()
        }
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

// ----- views -----

/// `dict_keys`, `dict_values` or `dict_items` of a dict.
pub struct DictView {
    pub dict: Value,
    pub kind: Kind,
}
impl_native!(DictView, |s, visit| { visit(s.dict) });

fn view_class_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Keys => "dict_keys",
        Kind::Values => "dict_values",
        Kind::Items => "dict_items",
    }
}

pub fn new_view(vm: &Vm, dict: Value, kind: Kind) -> Value {
    vm.new_native(class(vm, view_class_name(kind)), DictView { dict, kind })
}

fn view_of(v: Value) -> Option<&'static DictView> {
    heap_ref(v)?.native::<DictView>()
}

fn view_this(vm: &Vm, v: Value, method: &str) -> PyResult<&'static DictView> {
    view_of(v).ok_or_else(|| descriptor_error(vm, method, "dict_keys", v))
}

/// A keys or items view (the set-like ones).
fn is_setlike_view(v: Value) -> bool {
    matches!(view_of(v), Some(dv) if dv.kind != Kind::Values)
}

fn view_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let dv = view_this(vm, args[0], "__len__")?;
    let n = dict_cell(dv.dict).map(|c| c.borrow().len()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn view_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let dv = view_this(vm, args[0], "__iter__")?;
    Ok(new_dict_iter(vm, dv.dict, dv.kind, false))
}

fn view_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let dv = view_this(vm, args[0], "__reversed__")?;
    Ok(new_dict_iter(vm, dv.dict, dv.kind, true))
}

/// `x in view`.
fn view_contains_value(vm: &mut Vm, dv: &DictView, x: Value) -> PyResult<bool> {
    let Some(c) = dict_cell(dv.dict) else {
        return Ok(false);
    };
    match dv.kind {
        Kind::Keys => {
            let h = vm.hash(x)?;
            Ok(store::lookup(vm, c, x, h)?.is_some())
        }
        Kind::Items => {
            let Some(t) = x.as_tuple() else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            match store::get(vm, c, t[0])? {
                Some(v) => vm.eq(v, t[1]),
                None => Ok(false),
            }
        }
        Kind::Values => {
            for v in c.borrow().values() {
                if vm.eq(v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "__contains__", args, kwargs)?;
    let dv = view_this(vm, args[0], "__contains__")?;
    Ok(Value::bool(view_contains_value(vm, dv, x)?))
}

fn view_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = args[0];
    view_this(vm, v, "__repr__")?;
    // The class's own name: `odict_keys` (a subclass made by `_collections`) prints so.
    let name = vm.type_name(v);
    if !repr_enter(v) {
        return Ok(vm.new_str("..."));
    }
    let r = (|| {
        let items = vm.collect(v)?;
        let l = vm.new_list(items);
        let inner = vm.repr_string(l)?;
        Ok(format!("{name}({inner})"))
    })();
    repr_leave(v);
    Ok(vm.new_string(r?))
}

fn view_mapping(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let dv = view_this(vm, args[0], "mapping")?;
    Ok(new_mappingproxy(vm, dv.dict))
}

/// `set(x)`, from the dict itself for a keys view of an exact dict (as CPython does).
fn to_set(vm: &mut Vm, x: Value) -> PyResult<Value> {
    let src = match view_of(x) {
        Some(dv) if dv.kind == Kind::Keys && is_exact_dict(vm, dv.dict) => dv.dict,
        _ => x,
    };
    set::new_set_from(vm, vm.types.set, src)
}

/// `_PyDictView_Intersect`.
fn view_and_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (mut this_v, mut other) = if is_setlike_view(a) { (a, b) } else { (b, a) };
    let len_self = vm.len(this_v)?;
    if other.is_obj() && other.obj().class.get().is(vm.types.set) && len_self <= vm.len(other)? {
        return vm.call_method(other, "intersection", &[this_v]);
    }
    if is_setlike_view(other) && vm.len(other)? > len_self {
        std::mem::swap(&mut this_v, &mut other);
    }
    let result = set::new_set_from(vm, vm.types.set, Value::NULL)?;
    let Some(rc) = set::set_cell(result) else {
        return Ok(result);
    };
    let dv = view_this(vm, this_v, "__and__")?;
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(it)? {
        if view_contains_value(vm, dv, k)? {
            set::add(vm, rc, k)?;
        }
    }
    Ok(result)
}

fn view_or_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let r = to_set(vm, a)?;
    set::update(vm, r, b)?;
    Ok(r)
}

fn view_sub_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let r = to_set(vm, a)?;
    vm.call_method(r, "difference_update", &[b])?;
    Ok(r)
}

fn view_xor_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let r = to_set(vm, a)?;
    vm.call_method(r, "symmetric_difference_update", &[b])?;
    Ok(r)
}

macro_rules! view_binops {
    ($name:ident, $rname:ident, $f:ident) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            let o = one_arg(vm, stringify!($name), args, kwargs)?;
            $f(vm, args[0], o)
        }
        fn $rname(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            let o = one_arg(vm, stringify!($rname), args, kwargs)?;
            $f(vm, o, args[0])
        }
    };
}
view_binops!(view_and, view_rand, view_and_impl);
view_binops!(view_or, view_ror, view_or_impl);
view_binops!(view_sub, view_rsub, view_sub_impl);
view_binops!(view_xor, view_rxor, view_xor_impl);

fn view_isdisjoint(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "isdisjoint", args, kwargs)?;
    let dv = view_this(vm, args[0], "isdisjoint")?;
    if args[0].is(other) {
        return Ok(Value::bool(vm.len(args[0])? == 0));
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(it)? {
        if view_contains_value(vm, dv, k)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// Every item of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(it)? {
        if !vm.contains(b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], op: CmpOp) -> PyResult<Value> {
    let other = one_arg(vm, "__eq__", args, kwargs)?;
    let me = args[0];
    view_this(vm, me, "__eq__")?;
    if set::set_cell(other).is_none() && !is_setlike_view(other) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (la, lb) = (vm.len(me)?, vm.len(other)?);
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = la == lb && all_contained_in(vm, me, other)?;
            if op == CmpOp::Eq {
                eq
            } else {
                !eq
            }
        }
        CmpOp::Lt => la < lb && all_contained_in(vm, me, other)?,
        CmpOp::Le => la <= lb && all_contained_in(vm, me, other)?,
        CmpOp::Gt => la > lb && all_contained_in(vm, other, me)?,
        CmpOp::Ge => la >= lb && all_contained_in(vm, other, me)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool(r))
}

macro_rules! view_cmp {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            view_richcompare(vm, args, kwargs, $op)
        }
    };
}
view_cmp!(view_eq, CmpOp::Eq);
view_cmp!(view_ne, CmpOp::Ne);
view_cmp!(view_lt, CmpOp::Lt);
view_cmp!(view_le, CmpOp::Le);
view_cmp!(view_gt, CmpOp::Gt);
view_cmp!(view_ge, CmpOp::Ge);

// ----- mappingproxy -----

/// A read-only view of a mapping (`cls.__dict__`, `types.MappingProxyType`).
pub struct MappingProxy {
    pub mapping: Value,
}
impl_native!(MappingProxy, |s, visit| { visit(s.mapping) });

/// A mappingproxy over `mapping` (normally a dict).
pub fn new_mappingproxy(vm: &Vm, mapping: Value) -> Value {
    vm.new_native(class(vm, "mappingproxy"), MappingProxy { mapping })
}

fn proxied(vm: &Vm, v: Value, method: &str) -> PyResult<Value> {
    heap_ref(v)
        .and_then(|o| o.native::<MappingProxy>())
        .map(|p| p.mapping)
        .ok_or_else(|| descriptor_error(vm, method, "mappingproxy", v))
}

fn mp_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let mp = class(vm, "mappingproxy");
    new_cls(vm, args, "mappingproxy", mp)?;
    let args = &args[1..];
    let mut mapping = args.first().copied().unwrap_or(Value::NULL);
    for &(k, v) in kwargs {
        if k.as_rstr() == Some("mapping") && mapping.is_null() {
            mapping = v;
        } else {
            return Err(vm.type_error(format!(
                "mappingproxy() got an unexpected keyword argument '{}'",
                k.as_rstr().unwrap_or("")
            )));
        }
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("mappingproxy() takes at most 1 argument ({} given)", args.len())));
    }
    if mapping.is_null() {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    }
    let getitem = vm.intern("__getitem__");
    let ty = vm.type_of(mapping);
    let is_mapping = vm.lookup_type(ty, getitem).is_some()
        && !vm.isinstance(mapping, vm.types.list)
        && !vm.isinstance(mapping, vm.types.tuple);
    if !is_mapping {
        return Err(
            vm.type_error(format!("mappingproxy() argument must be a mapping, not {}", vm.type_tp_name(mapping)))
        );
    }
    Ok(new_mappingproxy(vm, mapping))
}

fn mp_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "mappingproxy.__getitem__", args, kwargs)?;
    let m = proxied(vm, args[0], "__getitem__")?;
    vm.get_item(m, k)
}

fn mp_get(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("get", kwargs)?;
    let m = proxied(vm, args[0], "get")?;
    vm.call_method(m, "get", &args[1..])
}

macro_rules! mp_delegate {
    ($name:ident, $meth:literal) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            no_args(vm, concat!("mappingproxy.", $meth), args, kwargs)?;
            let m = proxied(vm, args[0], $meth)?;
            vm.call_method(m, $meth, &[])
        }
    };
}
mp_delegate!(mp_keys, "keys");
mp_delegate!(mp_values, "values");
mp_delegate!(mp_items, "items");
mp_delegate!(mp_copy, "copy");

fn mp_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = proxied(vm, args[0], "__len__")?;
    let n = vm.len(m)?;
    Ok(vm.new_int(n as i64))
}

fn mp_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = proxied(vm, args[0], "__iter__")?;
    vm.iter(m)
}

fn mp_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = proxied(vm, args[0], "__reversed__")?;
    let cls = class(vm, "reversed");
    crate::types::iter::reversed(vm, cls, m)
}

fn mp_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "mappingproxy.__contains__", args, kwargs)?;
    let m = proxied(vm, args[0], "__contains__")?;
    Ok(Value::bool(vm.contains(m, k)?))
}

fn mp_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = proxied(vm, args[0], "__repr__")?;
    let r = vm.repr_string(m)?;
    Ok(vm.new_string(format!("mappingproxy({r})")))
}

fn mp_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = proxied(vm, args[0], "__str__")?;
    vm.str(m)
}

fn mp_cmp(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], op: CmpOp) -> PyResult<Value> {
    let other = one_arg(vm, "mappingproxy.__eq__", args, kwargs)?;
    let m = proxied(vm, args[0], "__eq__")?;
    vm.compare(op, m, other)
}

macro_rules! mp_cmp_fn {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            mp_cmp(vm, args, kwargs, $op)
        }
    };
}
mp_cmp_fn!(mp_eq, CmpOp::Eq);
mp_cmp_fn!(mp_ne, CmpOp::Ne);
mp_cmp_fn!(mp_lt, CmpOp::Lt);
mp_cmp_fn!(mp_le, CmpOp::Le);
mp_cmp_fn!(mp_gt, CmpOp::Gt);
mp_cmp_fn!(mp_ge, CmpOp::Ge);

fn unproxy(v: Value) -> Value {
    heap_ref(v).and_then(|o| o.native::<MappingProxy>()).map(|p| p.mapping).unwrap_or(v)
}

fn mp_or(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "mappingproxy.__or__", args, kwargs)?;
    let m = proxied(vm, args[0], "__or__")?;
    vm.binary_op(crate::cfg::BinOp::Or, m, unproxy(other))
}

fn mp_ror(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "mappingproxy.__ror__", args, kwargs)?;
    let m = proxied(vm, args[0], "__ror__")?;
    vm.binary_op(crate::cfg::BinOp::Or, unproxy(other), m)
}

fn mp_ior(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.type_error(format!("'|=' is not supported by {}; use '|' instead", vm.type_tp_name(args[0]))))
}

fn class_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let item = one_arg(vm, "__class_getitem__", args, kwargs)?;
    Ok(crate::types::list::generic_alias(vm, args[0], item))
}

pub fn init(vm: &mut Vm) {
    let c = vm.types.dict;
    vm.add_staticmethod(c, "__new__", dict_new);
    vm.add_method(c, "__init__", dict_init);
    vm.add_classmethod(c, "fromkeys", dict_fromkeys);
    vm.add_method(c, "get", dict_get);
    vm.add_method(c, "setdefault", dict_setdefault);
    vm.add_method(c, "pop", dict_pop);
    vm.add_method(c, "popitem", dict_popitem);
    vm.add_method(c, "keys", dict_keys);
    vm.add_method(c, "values", dict_values);
    vm.add_method(c, "items", dict_items);
    vm.add_method(c, "update", dict_update);
    vm.add_method(c, "clear", dict_clear);
    vm.add_method(c, "copy", dict_copy);
    vm.add_method(c, "__getitem__", dict_getitem);
    vm.add_method(c, "__setitem__", dict_setitem);
    vm.add_method(c, "__delitem__", dict_delitem);
    vm.add_method(c, "__contains__", dict_contains);
    vm.add_method(c, "__len__", dict_len);
    vm.add_method(c, "__iter__", dict_iter);
    vm.add_method(c, "__reversed__", dict_reversed);
    vm.add_method(c, "__eq__", dict_eq);
    vm.add_method(c, "__ne__", dict_ne);
    vm.add_method(c, "__or__", dict_or);
    vm.add_method(c, "__ror__", dict_ror);
    vm.add_method(c, "__ior__", dict_ior);
    vm.add_method(c, "__repr__", dict_repr);
    vm.add_classmethod(c, "__class_getitem__", class_getitem);
    let k = vm.intern("__hash__");
    vm.set_class_or_module_attr(c, k, Value::NONE);

    for kind in [Kind::Keys, Kind::Values, Kind::Items] {
        for reverse in [false, true] {
            let it = register_iterator(vm, iter_class_name(kind, reverse), 0, false);
            vm.add_method(it, "__length_hint__", dict_iter_length_hint);
        }
        let v = vm.new_builtin_class(view_class_name(kind), vm.types.object, crate::object::Layout::Other, 0);
        vm.add_method(v, "__len__", view_len);
        vm.add_method(v, "__iter__", view_iter);
        vm.add_method(v, "__reversed__", view_reversed);
        vm.add_method(v, "__contains__", view_contains);
        vm.add_method(v, "__repr__", view_repr);
        vm.add_getter(v, "mapping", view_mapping);
        if kind != Kind::Values {
            vm.add_method(v, "__and__", view_and);
            vm.add_method(v, "__rand__", view_rand);
            vm.add_method(v, "__or__", view_or);
            vm.add_method(v, "__ror__", view_ror);
            vm.add_method(v, "__sub__", view_sub);
            vm.add_method(v, "__rsub__", view_rsub);
            vm.add_method(v, "__xor__", view_xor);
            vm.add_method(v, "__rxor__", view_rxor);
            vm.add_method(v, "isdisjoint", view_isdisjoint);
            vm.add_method(v, "__eq__", view_eq);
            vm.add_method(v, "__ne__", view_ne);
            vm.add_method(v, "__lt__", view_lt);
            vm.add_method(v, "__le__", view_le);
            vm.add_method(v, "__gt__", view_gt);
            vm.add_method(v, "__ge__", view_ge);
            let k = vm.intern("__hash__");
            vm.set_class_or_module_attr(v, k, Value::NONE);
        }
    }

    let m = vm.new_builtin_class("mappingproxy", vm.types.object, crate::object::Layout::Other, 0);
    vm.add_staticmethod(m, "__new__", mp_new);
    vm.add_method(m, "__getitem__", mp_getitem);
    vm.add_method(m, "get", mp_get);
    vm.add_method(m, "keys", mp_keys);
    vm.add_method(m, "values", mp_values);
    vm.add_method(m, "items", mp_items);
    vm.add_method(m, "copy", mp_copy);
    vm.add_method(m, "__len__", mp_len);
    vm.add_method(m, "__iter__", mp_iter);
    vm.add_method(m, "__reversed__", mp_reversed);
    vm.add_method(m, "__contains__", mp_contains);
    vm.add_method(m, "__repr__", mp_repr);
    vm.add_method(m, "__str__", mp_str);
    vm.add_method(m, "__eq__", mp_eq);
    vm.add_method(m, "__ne__", mp_ne);
    vm.add_method(m, "__lt__", mp_lt);
    vm.add_method(m, "__le__", mp_le);
    vm.add_method(m, "__gt__", mp_gt);
    vm.add_method(m, "__ge__", mp_ge);
    vm.add_method(m, "__or__", mp_or);
    vm.add_method(m, "__ror__", mp_ror);
    vm.add_method(m, "__ior__", mp_ior);
}
