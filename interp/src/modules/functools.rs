//! `_functools`: `reduce`, `partial`, `cmp_to_key` and `_lru_cache_wrapper` (the engine
//! behind `functools.lru_cache` and `functools.cache`).

use std::cell::{Cell, RefCell};

use crate::cfg::CmpOp;
use crate::dict::{self, DictData};
use crate::impl_native;
use crate::object::{class_flags, Layout, Payload};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{nargs, new_class, set, this};

// ----- reduce -----

fn reduce(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "reduce", args, kw, 2, 3)?;
    let (func, seq) = (args[0], args[1]);
    let it = match vm.iter(seq) {
        Ok(it) => it,
        Err(e) => {
            if vm.err_matches(&e, vm.exc.type_error) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = args.get(2).copied();
    while let Some(x) = vm.next(it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(func, &[a, x], &[])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

// ----- partial -----

pub struct Partial {
    pub func: Cell<Value>,
    /// A tuple.
    pub args: Cell<Value>,
    /// A dict.
    pub kw: Cell<Value>,
}
impl_native!(Partial, |s, visit| {
    visit(s.func.get());
    visit(s.args.get());
    visit(s.kw.get());
});

/// True when the instance has gained no attributes (CPython flattens nested partials only
/// then: `part->dict == NULL`).
fn has_no_attrs(v: Value) -> bool {
    match v.as_obj().and_then(|o| o.attrs.as_ref()) {
        None => true,
        Some(a) => {
            if a.in_dict_mode() {
                a.dict.get().as_dict().is_some_and(|d| d.borrow().is_empty())
            } else {
                a.items().is_empty()
            }
        }
    }
}

fn partial_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if args.len() < 2 {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[1];
    let mut pargs: Vec<Value> = Vec::new();
    let mut pkw: Vec<(Value, Value)> = Vec::new();
    if let Some(p) = super::native::<Partial>(&func) {
        if has_no_attrs(func) {
            pargs = p.args.get().as_tuple().map(|t| t.to_vec()).unwrap_or_default();
            pkw = p.kw.get().as_dict().map(|d| d.borrow().items()).unwrap_or_default();
            func = p.func.get();
        }
    }
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    pargs.extend_from_slice(&args[2..]);
    let t = vm.new_tuple(pargs);
    let d = vm.new_dict();
    for (k, v) in pkw.into_iter().chain(kw.iter().copied()) {
        vm.dict_set(d, k, v)?;
    }
    Ok(vm.new_native(cls, Partial { func: Cell::new(func), args: Cell::new(t), kw: Cell::new(d) }))
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<Partial>(vm, args, "__call__", "functools.partial")?;
    let func = p.func.get();
    let mut all: Vec<Value> = p.args.get().as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    all.extend_from_slice(&args[1..]);
    let stored = p.kw.get().as_dict().map(|d| d.borrow().items()).unwrap_or_default();
    if stored.is_empty() {
        return vm.call(func, &all, kw);
    }
    let mut kws: Vec<(Value, Value)> = stored;
    for &(k, v) in kw {
        match kws.iter_mut().find(|(k2, _)| k2.as_rstr() == k.as_rstr()) {
            Some(e) => e.1 = v,
            None => kws.push((k, v)),
        }
    }
    let kws: Vec<(Value, Value)> = kws.into_iter().map(|(k, v)| (vm.intern_value(k), v)).collect();
    vm.call(func, &all, &kws)
}

fn partial_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<Partial>(vm, args, "__repr__", "functools.partial")?;
    let (func, pargs, pkw) = (p.func.get(), p.args.get(), p.kw.get());
    let ty = vm.type_of(args[0]);
    let name = if ty.as_class().is_some_and(|c| c.has_flag(class_flags::HEAPTYPE)) {
        vm.class_name(ty)
    } else {
        "functools.partial".to_owned()
    };
    let s = super::helpers_b::repr_guarded(vm, args[0], |vm| {
        let mut s = vm.repr_string(func)?;
        for a in pargs.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
            s.push_str(", ");
            s.push_str(&vm.repr_string(a)?);
        }
        for (k, v) in pkw.as_dict().map(|d| d.borrow().items()).unwrap_or_default() {
            let ks = vm.str_string(k)?;
            s.push_str(&format!(", {ks}={}", vm.repr_string(v)?));
        }
        Ok(s)
    })?;
    if s == "..." {
        return Ok(vm.new_str("..."));
    }
    Ok(vm.new_string(format!("{name}({s})")))
}

fn partial_func(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Partial>(vm, args, "func", "functools.partial")?.func.get())
}
fn partial_args(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Partial>(vm, args, "args", "functools.partial")?.args.get())
}
fn partial_keywords(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Partial>(vm, args, "keywords", "functools.partial")?.kw.get())
}

fn partial_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<Partial>(vm, args, "__reduce__", "functools.partial")?;
    let (f, a, k) = (p.func.get(), p.args.get(), p.kw.get());
    let ty = vm.type_of(args[0]);
    let fa = vm.new_tuple(vec![f]);
    let k2 = if k.as_dict().is_some_and(|d| d.borrow().is_empty()) { Value::NONE } else { k };
    let d = match args[0].as_obj().and_then(|o| o.attrs.as_ref()) {
        Some(_) if !has_no_attrs(args[0]) => {
            let n = vm.intern("__dict__");
            vm.get_attr(args[0], n)?
        }
        _ => Value::NONE,
    };
    let state = vm.new_tuple(vec![f, a, k2, d]);
    Ok(vm.new_tuple(vec![ty, fa, state]))
}

fn partial_setstate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<Partial>(vm, args, "__setstate__", "functools.partial")?;
    let state = args.get(1).copied().unwrap_or(Value::NULL);
    let Some(t) = state.as_tuple().filter(|t| t.len() == 4) else {
        return Err(vm.type_error("invalid partial state"));
    };
    let (f, a, k, d) = (t[0], t[1], t[2], t[3]);
    if !crate::builtins::functions::is_callable(vm, f)
        || a.as_tuple().is_none()
        || (!k.is_none() && k.as_dict().is_none())
    {
        return Err(vm.type_error("invalid partial state"));
    }
    let a = if vm.type_of(a).is(vm.types.tuple) { a } else { vm.new_tuple(a.as_tuple().unwrap_or(&[]).to_vec()) };
    let k = if k.is_none() {
        vm.new_dict()
    } else {
        let nd = vm.new_dict();
        for (kk, vv) in k.as_dict().map(|d| d.borrow().items()).unwrap_or_default() {
            vm.dict_set(nd, kk, vv)?;
        }
        nd
    };
    p.func.set(f);
    p.args.set(a);
    p.kw.set(k);
    if !d.is_none() {
        let n = vm.intern("__dict__");
        vm.set_attr(args[0], n, d)?;
    }
    Ok(Value::NONE)
}

// ----- cmp_to_key -----

pub struct KeyWrapper {
    pub cmp: Value,
    /// The wrapped object, or NULL for the callable returned by `cmp_to_key`.
    pub obj: Value,
}
impl_native!(KeyWrapper, |s, visit| {
    visit(s.cmp);
    visit(s.obj);
});

fn keywrapper_class(vm: &Vm) -> Value {
    vm.state.borrow().get("functools.KeyWrapper").copied().unwrap_or(Value::NULL)
}

fn cmp_to_key(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [cmp] = vm.bind_args("cmp_to_key", args, kw, ["mycmp"], 1)?;
    let cls = keywrapper_class(vm);
    Ok(vm.new_native(cls, KeyWrapper { cmp, obj: Value::NULL }))
}

fn keywrapper_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let k = this::<KeyWrapper>(vm, args, "__call__", "functools.KeyWrapper")?;
    let cmp = k.cmp;
    let [obj] = vm.bind_args("K", &args[1..], kw, ["obj"], 1)?;
    let cls = keywrapper_class(vm);
    Ok(vm.new_native(cls, KeyWrapper { cmp, obj }))
}

fn keywrapper_obj(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let k = this::<KeyWrapper>(vm, args, "obj", "functools.KeyWrapper")?;
    if k.obj.is_null() {
        return Err(vm.attribute_error("obj"));
    }
    Ok(k.obj)
}

fn keywrapper_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let k = this::<KeyWrapper>(vm, args, "__lt__", "functools.KeyWrapper")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(o) = super::native::<KeyWrapper>(&other).filter(|_| vm.type_of(other).is(keywrapper_class(vm))) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (x, y) = (k.obj, o.obj);
    if x.is_null() || y.is_null() {
        return Err(vm.attribute_error("object"));
    }
    let r = vm.call(k.cmp, &[x, y], &[])?;
    let zero = Value::small_int(0).unwrap_or(Value::NULL);
    vm.compare(op, r, zero)
}

macro_rules! kw_cmp {
    ($($name:ident, $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                keywrapper_cmp(vm, args, $op)
            }
        )*
    };
}
kw_cmp! {
    kw_lt, CmpOp::Lt;
    kw_le, CmpOp::Le;
    kw_eq, CmpOp::Eq;
    kw_ne, CmpOp::Ne;
    kw_gt, CmpOp::Gt;
    kw_ge, CmpOp::Ge;
}

// ----- _lru_cache_wrapper -----

pub struct LruCache {
    pub func: Value,
    /// None for an unbounded cache; else the bound (0 means no caching).
    pub maxsize: Option<usize>,
    pub typed: bool,
    pub cache_info_type: Value,
    /// Keys in least-recently-used-first order: a hit moves its entry to the end.
    pub cache: RefCell<DictData>,
    pub hits: Cell<u64>,
    pub misses: Cell<u64>,
    /// The marker separating positional from keyword arguments in keys.
    pub kwd_mark: Value,
    /// Lookups of a bounded cache under way (a key's `__eq__` may call the cached
    /// function again). While one is, a hit leaves the entry where it is: CPython keeps
    /// the recency order in a list beside the dict, so its hits never change the dict,
    /// and a lookup restarted by every change would never end.
    pub looking: Cell<u32>,
}
impl_native!(LruCache, |s, visit| {
    visit(s.func);
    visit(s.cache_info_type);
    visit(s.kwd_mark);
    for (k, v) in s.cache.borrow().iter() {
        visit(k);
        visit(v);
    }
});

fn lru_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    let [func, maxsize, typed, info] =
        vm.bind_args("lru_cache_wrapper", &args[1..], kw, ["user_function", "maxsize", "typed", "cache_info_type"], 4)?;
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = if maxsize.is_none() {
        None
    } else if vm.int_value(maxsize).is_some() || crate::types::slice::has_index(vm, maxsize) {
        let n = super::helpers_b::ssize_arg(vm, maxsize)?;
        Some(n.max(0) as usize)
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let typed = vm.truthy(typed)?;
    let mark = vm.alloc(vm.types.object, Payload::Object);
    Ok(vm.new_native(
        cls,
        LruCache {
            func,
            maxsize,
            typed,
            cache_info_type: info,
            cache: RefCell::new(DictData::new()),
            hits: Cell::new(0),
            misses: Cell::new(0),
            kwd_mark: mark,
            looking: Cell::new(0),
        },
    ))
}

/// The cache key of a call, as CPython's `lru_cache_make_key`.
fn make_key(vm: &mut Vm, c: &LruCache, args: &[Value], kw: &[(Value, Value)]) -> Value {
    if !c.typed && kw.is_empty() {
        if args.len() == 1 {
            let k = args[0];
            let exact_scalar = k.is_small_int()
                || (k.is_obj() && {
                    let t = vm.type_of(k);
                    t.is(vm.types.str_) || t.is(vm.types.int)
                });
            if exact_scalar {
                return k;
            }
        }
        return vm.new_tuple(args.to_vec());
    }
    let mut items: Vec<Value> = args.to_vec();
    if !kw.is_empty() {
        items.push(c.kwd_mark);
        for &(k, v) in kw {
            items.push(k);
            items.push(v);
        }
    }
    if c.typed {
        for &a in args {
            items.push(vm.type_of(a));
        }
        for &(_, v) in kw {
            items.push(vm.type_of(v));
        }
    }
    vm.new_tuple(items)
}

fn lru_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = this::<LruCache>(vm, args, "__call__", "functools._lru_cache_wrapper")?;
    let call_args = &args[1..];
    match c.maxsize {
        Some(0) => {
            c.misses.set(c.misses.get() + 1);
            vm.call(c.func, call_args, kw)
        }
        None => {
            let key = make_key(vm, c, call_args, kw);
            let hash = vm.hash(key)?;
            if let Some(v) = dict::get_hashed(vm, &c.cache, key, hash)? {
                c.hits.set(c.hits.get() + 1);
                return Ok(v);
            }
            c.misses.set(c.misses.get() + 1);
            let r = vm.call(c.func, call_args, kw)?;
            dict::set_hashed(vm, &c.cache, key, hash, r)?;
            Ok(r)
        }
        Some(max) => {
            let key = make_key(vm, c, call_args, kw);
            let hash = vm.hash(key)?;
            let outer = c.looking.get() > 0;
            c.looking.set(c.looking.get() + 1);
            let found = dict::lookup(vm, &c.cache, key, hash);
            c.looking.set(c.looking.get() - 1);
            if let Some(pos) = found? {
                // A hit: move the entry to the most-recently-used end, unless this call
                // comes from inside another lookup of this cache (see `looking`).
                let entry = c.cache.borrow().entry_at(pos);
                if let Some(e) = entry {
                    if !outer {
                        let mut d = c.cache.borrow_mut();
                        d.remove_at(pos);
                        d.push_new(e.key, e.hash, e.value);
                    }
                    c.hits.set(c.hits.get() + 1);
                    return Ok(e.value);
                }
            }
            c.misses.set(c.misses.get() + 1);
            let r = vm.call(c.func, call_args, kw)?;
            // The call may have added this key itself (recursion): then keep that entry.
            c.looking.set(c.looking.get() + 1);
            let again = dict::lookup(vm, &c.cache, key, hash);
            c.looking.set(c.looking.get() - 1);
            if again?.is_some() {
                return Ok(r);
            }
            let mut d = c.cache.borrow_mut();
            if d.len() >= max {
                let first = (0..d.raw_len()).find(|&p| d.entry_at(p).is_some());
                if let Some(p) = first {
                    d.remove_at(p);
                }
            }
            d.push_new(key, hash, r);
            Ok(r)
        }
    }
}

fn lru_cache_info(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = this::<LruCache>(vm, args, "cache_info", "functools._lru_cache_wrapper")?;
    let hits = vm.new_int(c.hits.get() as i64);
    let misses = vm.new_int(c.misses.get() as i64);
    let maxsize = match c.maxsize {
        None => Value::NONE,
        Some(n) => vm.new_int(n as i64),
    };
    let cur = vm.new_int(c.cache.borrow().len() as i64);
    vm.call(c.cache_info_type, &[hits, misses, maxsize, cur], &[])
}

fn lru_cache_clear(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = this::<LruCache>(vm, args, "cache_clear", "functools._lru_cache_wrapper")?;
    c.hits.set(0);
    c.misses.set(0);
    // Drop the entries outside the borrow: their destructors cannot run Python, but keep
    // the habit of never holding a borrow longer than needed.
    let old = std::mem::take(&mut *c.cache.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn lru_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let obj = args.get(1).copied().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(args[0]);
    }
    Ok(crate::eval::attr::new_method(vm, args[0], obj))
}

fn lru_copy(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

fn lru_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = vm.intern("__qualname__");
    vm.get_attr(args[0], n)
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(vm, "_functools", &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    let obj = vm.types.object;
    let b = class_flags::BASETYPE;
    let p = new_class(vm, "functools", "partial", obj, Layout::Other, b | class_flags::HAS_DICT);
    vm.add_staticmethod(p, "__new__", partial_new);
    vm.add_method(p, "__call__", partial_call);
    vm.add_method(p, "__repr__", partial_repr);
    vm.add_method(p, "__reduce__", partial_reduce);
    vm.add_method(p, "__setstate__", partial_setstate);
    vm.add_getter(p, "func", partial_func);
    vm.add_getter(p, "args", partial_args);
    vm.add_getter(p, "keywords", partial_keywords);
    vm.add_classmethod(p, "__class_getitem__", crate::eval::descr::class_getitem_generic);
    let doc = vm.new_str("partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n");
    set(vm, p, "__doc__", doc);
    set(vm, m, "partial", p);

    let k = new_class(vm, "functools", "KeyWrapper", obj, Layout::Other, 0);
    vm.add_method(k, "__call__", keywrapper_call);
    vm.add_getter(k, "obj", keywrapper_obj);
    for (name, f) in [
        ("__lt__", kw_lt as crate::vm::NativeFn),
        ("__le__", kw_le),
        ("__eq__", kw_eq),
        ("__ne__", kw_ne),
        ("__gt__", kw_gt),
        ("__ge__", kw_ge),
    ] {
        vm.add_method(k, name, f);
    }
    set(vm, k, "__hash__", Value::NONE);
    vm.state.borrow_mut().insert("functools.KeyWrapper", k);

    let l = new_class(vm, "functools", "_lru_cache_wrapper", obj, Layout::Other, b | class_flags::HAS_DICT);
    vm.add_staticmethod(l, "__new__", lru_new);
    vm.add_method(l, "__call__", lru_call);
    vm.add_method(l, "__get__", lru_get);
    vm.add_method(l, "cache_info", lru_cache_info);
    vm.add_method(l, "cache_clear", lru_cache_clear);
    vm.add_method(l, "__copy__", lru_copy);
    vm.add_method(l, "__deepcopy__", lru_copy);
    vm.add_method(l, "__reduce__", lru_reduce);
    set(vm, m, "_lru_cache_wrapper", l);
    Ok(m)
}
