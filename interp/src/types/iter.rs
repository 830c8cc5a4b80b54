//! Iterator types: the builtin iterator classes (`enumerate`, `zip`, `map`, `filter`,
//! `reversed`) and the iterators of lists, tuples and ranges. (`iter(obj)`'s sequence
//! iterator lives in `eval::ops`, `iter(f, sentinel)` in `builtins::functions`.)
//!
//! The iterator structs are public so the interpreter loop can step them without a method
//! call or a StopIteration allocation: `next_builtin` does that for every type here (and
//! for the dict and set iterators), returning `None` for objects it does not know.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::impl_native;
use crate::object::{class_flags, Layout, Payload};
use crate::types::tuple::{new_cls, no_args};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The builtin class registered under `name` (by this module's `init`).
pub fn class(vm: &Vm, name: &str) -> Value {
    vm.extra_types.get(name).copied().unwrap_or(vm.types.object)
}

// ----- list, tuple and range iterators -----

/// `list_iterator`: walks a list by index, so items appended meanwhile are seen. `list` is
/// NULL once exhausted (and stays so).
pub struct ListIter {
    pub list: Cell<Value>,
    pub index: Cell<usize>,
}
// `list` is only ever cleared (at exhaustion) after the iterator is made.
impl_native!(ListIter, refs_fixed, |s, visit| { visit(s.list.get()) });

impl ListIter {
    #[inline]
    pub fn next(&self) -> Option<Value> {
        let l = self.list.get();
        let data = l.as_obj()?.as_list_data()?;
        let i = self.index.get();
        let v = data.get(i);
        match v {
            Some(x) => {
                self.index.set(i + 1);
                Some(x)
            }
            None => {
                self.list.set(Value::NULL);
                None
            }
        }
    }

    fn len_hint(&self) -> usize {
        match self.list.get().as_obj().and_then(|o| o.as_list_data()) {
            Some(c) => c.len().saturating_sub(self.index.get()),
            None => 0,
        }
    }
}

/// `list_reverseiterator`.
pub struct ListRevIter {
    pub list: Cell<Value>,
    /// Next position to yield; -1 when done.
    pub index: Cell<isize>,
}
impl_native!(ListRevIter, refs_fixed, |s, visit| { visit(s.list.get()) });

impl ListRevIter {
    pub fn next(&self) -> Option<Value> {
        let l = self.list.get();
        let cell = l.as_list()?;
        let i = self.index.get();
        let v = if i >= 0 { cell.borrow().get(i as usize).copied() } else { None };
        match v {
            Some(x) => {
                self.index.set(i - 1);
                Some(x)
            }
            None => {
                self.index.set(-1);
                self.list.set(Value::NULL);
                None
            }
        }
    }

    fn len_hint(&self) -> usize {
        match self.list.get().as_list() {
            Some(c) if self.index.get() >= 0 && (self.index.get() as usize) < c.borrow().len() => {
                self.index.get() as usize + 1
            }
            _ => 0,
        }
    }
}

/// `tuple_iterator`.
pub struct TupleIter {
    pub tuple: Cell<Value>,
    pub index: Cell<usize>,
}
impl_native!(TupleIter, |s, visit| { visit(s.tuple.get()) });

impl TupleIter {
    #[inline]
    pub fn next(&self) -> Option<Value> {
        let t = self.tuple.get();
        let items = t.as_tuple()?;
        let i = self.index.get();
        match items.get(i) {
            Some(&x) => {
                self.index.set(i + 1);
                Some(x)
            }
            None => {
                self.tuple.set(Value::NULL);
                None
            }
        }
    }

    fn len_hint(&self) -> usize {
        match self.tuple.get().as_tuple() {
            Some(t) => t.len().saturating_sub(self.index.get()),
            None => 0,
        }
    }
}

/// `range_iterator` over a range whose bounds fit an i64: no allocation per step.
pub struct RangeIter {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}
impl_native!(RangeIter, refs_fixed, |s, visit| {});

impl RangeIter {
    #[inline]
    pub fn next_i64(&self) -> Option<i64> {
        let r = self.remaining.get();
        if r == 0 {
            return None;
        }
        let v = self.next.get();
        self.remaining.set(r - 1);
        // The value past the last one is never used, so wrapping is harmless.
        self.next.set(v.wrapping_add(self.step));
        Some(v)
    }
}

/// `longrange_iterator`, for ranges beyond i64.
pub struct LongRangeIter {
    pub next: RefCell<BigInt>,
    pub step: BigInt,
    pub remaining: RefCell<BigInt>,
}
impl_native!(LongRangeIter, |s, visit| {});

impl LongRangeIter {
    fn next_big(&self) -> Option<BigInt> {
        if !self.remaining.borrow().is_positive() {
            return None;
        }
        *self.remaining.borrow_mut() -= 1;
        let v = self.next.borrow().clone();
        *self.next.borrow_mut() += &self.step;
        Some(v)
    }
}

pub fn new_list_iter(vm: &Vm, list: Value) -> Value {
    vm.new_native(class(vm, "list_iterator"), ListIter { list: Cell::new(list), index: Cell::new(0) })
}

pub fn new_list_rev_iter(vm: &Vm, list: Value) -> Value {
    let n = list.as_list().map(|l| l.borrow().len()).unwrap_or(0);
    vm.new_native(
        class(vm, "list_reverseiterator"),
        ListRevIter { list: Cell::new(list), index: Cell::new(n as isize - 1) },
    )
}

pub fn new_tuple_iter(vm: &Vm, tuple: Value) -> Value {
    vm.new_native(class(vm, "tuple_iterator"), TupleIter { tuple: Cell::new(tuple), index: Cell::new(0) })
}

/// `new_range_iter` for a range whose bounds are inline ints (so every value fits an i64).
pub fn new_small_range_iter(vm: &Vm, start: i64, step: i64, len: u64) -> Value {
    vm.new_native(class(vm, "range_iterator"), RangeIter { next: Cell::new(start), step, remaining: Cell::new(len) })
}

/// An iterator over `start, start+step, ...` (`len` items), allocation-free when every
/// value fits an i64.
pub fn new_range_iter(vm: &Vm, start: &BigInt, step: &BigInt, len: &BigInt) -> Value {
    let last: BigInt = start + step * (len - BigInt::from(1));
    if let (Some(s), Some(st), Some(n), Some(_)) = (start.to_i64(), step.to_i64(), len.to_u64(), last.to_i64()) {
        return vm.new_native(
            class(vm, "range_iterator"),
            RangeIter { next: Cell::new(s), step: st, remaining: Cell::new(n) },
        );
    }
    vm.new_native(
        class(vm, "longrange_iterator"),
        LongRangeIter { next: RefCell::new(start.clone()), step: step.clone(), remaining: RefCell::new(len.clone()) },
    )
}

// ----- sequence iteration helpers -----

/// `iterator`: `iter(obj)` for objects with `__getitem__` but no `__iter__` (the type
/// lives with the iteration protocol in `eval::ops`).
pub fn new_seq_iter(vm: &Vm, seq: Value) -> Value {
    crate::eval::ops::new_seq_iter(vm, seq)
}

/// True when an exception ends a `__getitem__`-driven iteration.
fn ends_iteration(vm: &Vm, e: &crate::vm::PyErr) -> bool {
    vm.err_matches(e, vm.exc.index_error) || vm.err_matches(e, vm.exc.stop_iteration)
}

// ----- enumerate, zip, map, filter, reversed -----

pub struct Enumerate {
    pub iter: Value,
    /// The next count: an int value (inline until it outgrows 48 bits).
    pub count: Cell<Value>,
}
impl_native!(Enumerate, |s, visit| {
    visit(s.iter);
    visit(s.count.get());
});

fn enumerate_next(vm: &mut Vm, e: &Enumerate) -> PyResult<Option<Value>> {
    let Some(item) = vm.next(e.iter)? else {
        return Ok(None);
    };
    let c = e.count.get();
    let next = match c.as_small_int() {
        Some(i) => vm.new_int(i + 1),
        None => {
            let b = vm.int_value(c).unwrap_or_default();
            vm.new_bigint(b + 1)
        }
    };
    e.count.set(next);
    Ok(Some(vm.new_tuple(vec![c, item])))
}

pub struct Zip {
    pub iters: Box<[Value]>,
    pub strict: bool,
}
impl_native!(Zip, |s, visit| {
    for &v in s.iters.iter() {
        visit(v);
    }
});

fn zip_next(vm: &mut Vm, z: &Zip) -> PyResult<Option<Value>> {
    if z.iters.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(z.iters.len());
    for (i, &it) in z.iters.iter().enumerate() {
        match vm.next(it)? {
            Some(v) => items.push(v),
            None => {
                if !z.strict {
                    return Ok(None);
                }
                let plural = |i: usize| {
                    if i == 1 {
                        " ".to_string()
                    } else {
                        "s 1-".to_string()
                    }
                };
                if i > 0 {
                    return Err(vm.value_error(format!(
                        "zip() argument {} is shorter than argument{}{}",
                        i + 1,
                        plural(i),
                        i
                    )));
                }
                for (j, &other) in z.iters.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(vm.value_error(format!(
                            "zip() argument {} is longer than argument{}{}",
                            j + 1,
                            plural(j),
                            j
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

pub struct Map {
    pub func: Value,
    pub iters: Box<[Value]>,
}
impl_native!(Map, |s, visit| {
    visit(s.func);
    for &v in s.iters.iter() {
        visit(v);
    }
});

fn map_next(vm: &mut Vm, m: &Map) -> PyResult<Option<Value>> {
    let mut args = Vec::with_capacity(m.iters.len());
    for &it in m.iters.iter() {
        match vm.next(it)? {
            Some(v) => args.push(v),
            None => return Ok(None),
        }
    }
    vm.call(m.func, &args, &[]).map(Some)
}

pub struct Filter {
    /// None (or `bool`) means "keep truthy items".
    pub func: Value,
    pub iter: Value,
}
impl_native!(Filter, |s, visit| {
    visit(s.func);
    visit(s.iter);
});

fn filter_next(vm: &mut Vm, f: &Filter) -> PyResult<Option<Value>> {
    let plain = f.func.is_none() || f.func.is(vm.types.bool_);
    loop {
        let Some(item) = vm.next(f.iter)? else {
            return Ok(None);
        };
        let keep = if plain {
            vm.truthy(item)?
        } else {
            let r = vm.call(f.func, &[item], &[])?;
            vm.truthy(r)?
        };
        if keep {
            return Ok(Some(item));
        }
    }
}

/// `reversed(seq)` for sequences without `__reversed__`.
pub struct Reversed {
    pub seq: Cell<Value>,
    /// Next index to fetch; -1 when done.
    pub index: Cell<i64>,
}
impl_native!(Reversed, |s, visit| { visit(s.seq.get()) });

fn reversed_next(vm: &mut Vm, r: &Reversed) -> PyResult<Option<Value>> {
    let seq = r.seq.get();
    let i = r.index.get();
    if seq.is_null() || i < 0 {
        return Ok(None);
    }
    let idx = vm.new_int(i);
    match vm.get_item(seq, idx) {
        Ok(v) => {
            r.index.set(i - 1);
            Ok(Some(v))
        }
        Err(e) if ends_iteration(vm, &e) => {
            r.index.set(-1);
            r.seq.set(Value::NULL);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

// ----- the fast path -----

/// Steps `it` if it is one of the builtin iterator types: `Some(Ok(Some(v)))` for an item,
/// `Some(Ok(None))` when exhausted, `None` when `it` is not a builtin iterator (call
/// `__next__` then).
#[inline]
pub fn next_builtin(vm: &mut Vm, it: Value) -> Option<PyResult<Option<Value>>> {
    let o = it.as_obj()?;
    let Payload::Native(n) = &o.payload else {
        return None;
    };
    let any = n.as_any();
    if let Some(r) = any.downcast_ref::<RangeIter>() {
        return Some(Ok(r.next_i64().map(|i| vm.new_int(i))));
    }
    if let Some(l) = any.downcast_ref::<ListIter>() {
        return Some(Ok(l.next()));
    }
    if let Some(t) = any.downcast_ref::<TupleIter>() {
        return Some(Ok(t.next()));
    }
    if let Some(r) = any.downcast_ref::<LongRangeIter>() {
        return Some(Ok(r.next_big().map(|b| vm.new_bigint(b))));
    }
    if let Some(l) = any.downcast_ref::<ListRevIter>() {
        return Some(Ok(l.next()));
    }
    if let Some(e) = any.downcast_ref::<Enumerate>() {
        return Some(enumerate_next(vm, e));
    }
    if let Some(z) = any.downcast_ref::<Zip>() {
        return Some(zip_next(vm, z));
    }
    if let Some(m) = any.downcast_ref::<Map>() {
        return Some(map_next(vm, m));
    }
    if let Some(f) = any.downcast_ref::<Filter>() {
        return Some(filter_next(vm, f));
    }
    if let Some(r) = any.downcast_ref::<Reversed>() {
        return Some(reversed_next(vm, r));
    }
    if let Some(r) = crate::types::dict::next_dict_iter(vm, any) {
        return Some(r);
    }
    if let Some(r) = crate::types::set::next_set_iter(vm, any) {
        return Some(r);
    }
    None
}

// ----- Python-visible methods -----

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

fn iter_next(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "__next__", args, kwargs)?;
    match next_builtin(vm, args[0]) {
        Some(Ok(Some(v))) => Ok(v),
        Some(Ok(None)) => Err(vm.stop_iteration(Value::NONE)),
        Some(Err(e)) => Err(e),
        None => Err(vm.type_error(format!(
            "descriptor '__next__' requires an iterator but received a '{}'",
            vm.type_tp_name(args[0])
        ))),
    }
}

fn length_hint(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "__length_hint__", args, kwargs)?;
    let o = args[0];
    let n: usize = if let Some(l) = o.as_obj().and_then(|o| o.native::<ListIter>()) {
        l.len_hint()
    } else if let Some(l) = o.as_obj().and_then(|o| o.native::<ListRevIter>()) {
        l.len_hint()
    } else if let Some(t) = o.as_obj().and_then(|o| o.native::<TupleIter>()) {
        t.len_hint()
    } else if let Some(r) = o.as_obj().and_then(|o| o.native::<RangeIter>()) {
        r.remaining.get() as usize
    } else if let Some(r) = o.as_obj().and_then(|o| o.native::<LongRangeIter>()) {
        let n = r.remaining.borrow().clone();
        return Ok(vm.new_bigint(n.max(BigInt::zero())));
    } else if let Some(r) = o.as_obj().and_then(|o| o.native::<Reversed>()) {
        let seq = r.seq.get();
        if seq.is_null() || r.index.get() < 0 {
            0
        } else {
            let len = vm.len(seq)?;
            if (r.index.get() as usize) < len {
                r.index.get() as usize + 1
            } else {
                0
            }
        }
    } else {
        0
    };
    Ok(vm.new_int(n as i64))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let base = class(vm, "enumerate");
    let cls = new_cls(vm, args, "enumerate", base)?;
    let args = &args[1..];
    if args.len() > 2 {
        return Err(vm.type_error(format!("enumerate() takes at most 2 arguments ({} given)", args.len())));
    }
    let mut iterable = args.first().copied().unwrap_or(Value::NULL);
    let mut start = args.get(1).copied().unwrap_or(Value::NULL);
    for &(k, v) in kwargs {
        match k.as_rstr().unwrap_or("") {
            "iterable" if iterable.is_null() => iterable = v,
            "start" if start.is_null() => start = v,
            "iterable" | "start" => {
                return Err(vm.type_error(format!(
                    "argument for enumerate() given by name ('{}') and position",
                    k.as_rstr().unwrap_or("")
                )))
            }
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for enumerate()"))),
        }
    }
    if iterable.is_null() {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    let count = if start.is_null() {
        Value::small_int(0).unwrap_or(Value::NULL)
    } else {
        match crate::types::slice::index_of(vm, start)? {
            Some(i) => vm.new_bigint(i),
            None => {
                return Err(
                    vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(start)))
                )
            }
        }
    };
    let it = vm.iter(iterable)?;
    Ok(vm.alloc(cls, Payload::Native(Box::new(Enumerate { iter: it, count: Cell::new(count) }))))
}

fn zip_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let base = class(vm, "zip");
    let cls = new_cls(vm, args, "zip", base)?;
    let mut strict = false;
    if kwargs.len() > 1 {
        return Err(vm.type_error(format!("zip() takes at most 1 keyword argument ({} given)", kwargs.len())));
    }
    for &(k, v) in kwargs {
        match k.as_rstr().unwrap_or("") {
            "strict" => strict = vm.truthy(v)?,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for zip()"))),
        }
    }
    let mut iters = Vec::with_capacity(args.len().saturating_sub(1));
    for &a in &args[1..] {
        iters.push(vm.iter(a)?);
    }
    Ok(vm.alloc(cls, Payload::Native(Box::new(Zip { iters: iters.into_boxed_slice(), strict }))))
}

fn map_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let base = class(vm, "map");
    let cls = new_cls(vm, args, "map", base)?;
    if !kwargs.is_empty() && cls.is(class(vm, "map")) {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len().saturating_sub(2));
    for &a in &args[2..] {
        iters.push(vm.iter(a)?);
    }
    Ok(vm.alloc(cls, Payload::Native(Box::new(Map { func: args[1], iters: iters.into_boxed_slice() }))))
}

fn filter_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let base = class(vm, "filter");
    let cls = new_cls(vm, args, "filter", base)?;
    if !kwargs.is_empty() && cls.is(class(vm, "filter")) {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let it = vm.iter(args[2])?;
    Ok(vm.alloc(cls, Payload::Native(Box::new(Filter { func: args[1], iter: it }))))
}

/// True when `v` supports the sequence protocol (a `__getitem__`, and not a dict).
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    if vm.is_subclass(ty, vm.types.dict) {
        return false;
    }
    let n = vm.intern("__getitem__");
    matches!(vm.lookup_type(ty, n), Some(f) if !f.is_none())
}

/// `reversed(seq)`.
pub fn reversed(vm: &mut Vm, cls: Value, seq: Value) -> PyResult<Value> {
    let ty = vm.type_of(seq);
    let name = crate::eval::attr::names().__reversed__;
    if let Some(f) = vm.lookup_type(ty, name) {
        if f.is_none() {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_tp_name(seq))));
        }
        return vm.call(f, &[seq], &[]);
    }
    if !is_sequence(vm, seq) {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_tp_name(seq))));
    }
    let n = vm.len(seq)?;
    Ok(vm.alloc(cls, Payload::Native(Box::new(Reversed { seq: Cell::new(seq), index: Cell::new(n as i64 - 1) }))))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let base = class(vm, "reversed");
    let cls = new_cls(vm, args, "reversed", base)?;
    if !kwargs.is_empty() && cls.is(class(vm, "reversed")) {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    reversed(vm, cls, args[1])
}

/// `iter(obj)` fallback for objects with `__getitem__`: a sequence iterator, or the
/// CPython TypeError "'X' object is not iterable".
pub fn iter_fallback(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    if is_sequence(vm, obj) {
        return Ok(new_seq_iter(vm, obj));
    }
    Err(vm.type_error(format!("'{}' object is not iterable", vm.type_tp_name(obj))))
}

/// Creates an iterator class with `__iter__` (self) and `__next__` (via `next_builtin`).
pub fn register_iterator(vm: &mut Vm, name: &'static str, base_flags: u32, hint: bool) -> Value {
    let c = vm.new_builtin_class(name, vm.types.object, Layout::Other, base_flags);
    vm.add_method(c, "__iter__", iter_self);
    vm.add_method(c, "__next__", iter_next);
    if hint {
        vm.add_method(c, "__length_hint__", length_hint);
    }
    c
}

pub fn init(vm: &mut Vm) {
    for name in ["list_iterator", "list_reverseiterator", "tuple_iterator", "range_iterator", "longrange_iterator"] {
        register_iterator(vm, name, 0, true);
    }
    let b = class_flags::BASETYPE;
    let c = register_iterator(vm, "enumerate", b, false);
    vm.add_staticmethod(c, "__new__", enumerate_new);
    let c = register_iterator(vm, "zip", b, false);
    vm.add_staticmethod(c, "__new__", zip_new);
    let c = register_iterator(vm, "map", b, false);
    vm.add_staticmethod(c, "__new__", map_new);
    let c = register_iterator(vm, "filter", b, false);
    vm.add_staticmethod(c, "__new__", filter_new);
    let c = register_iterator(vm, "reversed", b, true);
    vm.add_staticmethod(c, "__new__", reversed_new);
}
