//! `itertools`: every iterator of CPython 3.11's module, with its argument checking, its
//! laziness (what is consumed when) and the reprs of `count` and `repeat`.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;

use crate::cfg::BinOp;
use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

use super::helpers_b::ssize_arg;
use super::{nargs, native, new_class, set, this};

/// Defines the `__next__` method of an iterator type from `fn step(vm, &T) ->
/// PyResult<Option<Value>>`.
macro_rules! next_method {
    ($fname:ident, $ty:ty, $step:ident, $owner:literal) => {
        fn $fname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            let s = this::<$ty>(vm, args, "__next__", $owner)?;
            match $step(vm, s)? {
                Some(v) => Ok(v),
                None => Err(vm.stop_iteration(Value::NONE)),
            }
        }
    };
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

/// Rejects keyword arguments for the exact class (subclasses may take them in `__init__`).
fn no_kw_for(vm: &Vm, cls: Value, name: &str, kw: &[(Value, Value)]) -> PyResult<()> {
    if !kw.is_empty() && cls.as_class().is_some_and(|c| !c.has_flag(class_flags::HEAPTYPE)) {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Positional-only arguments `min..=max` of `name(...)` after the class in `args[0]`.
fn pos_args<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
    kw: &[(Value, Value)],
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kw_for(vm, args[0], name, kw)?;
    nargs(vm, name, &args[1..], &[], min, max)?;
    Ok(&args[1..])
}

// ----- count -----

pub struct Count {
    pub cur: Cell<Value>,
    pub step: Value,
}
impl_native!(Count, |s, visit| {
    visit(s.cur.get());
    visit(s.step);
});

/// CPython's `PyNumber_Check`.
fn is_number(vm: &mut Vm, v: Value) -> bool {
    if v.is_small_int() || v.is_float() || v.is_bool() || v.as_bigint().is_some() {
        return true;
    }
    let ty = vm.type_of(v);
    if vm.is_subclass(ty, vm.types.complex) || vm.is_subclass(ty, vm.types.float) {
        return true;
    }
    ["__index__", "__int__", "__float__"].iter().any(|n| {
        let k = vm.intern(n);
        vm.lookup_type(ty, k).is_some()
    })
}

fn count_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    let [start, step] = vm.bind_args("count", &args[1..], kw, ["start", "step"], 0)?;
    let start = if start.is_null() { Value::small_int(0).unwrap_or(Value::NULL) } else { start };
    let step = if step.is_null() { Value::small_int(1).unwrap_or(Value::NULL) } else { step };
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(vm.new_native(cls, Count { cur: Cell::new(start), step }))
}

fn count_step(vm: &mut Vm, c: &Count) -> PyResult<Option<Value>> {
    let v = c.cur.get();
    let next = match (v.as_small_int(), c.step.as_small_int()) {
        (Some(a), Some(b)) => vm.new_int(a + b),
        _ => vm.binary_op(BinOp::Add, v, c.step)?,
    };
    c.cur.set(next);
    Ok(Some(v))
}
next_method!(count_next, Count, count_step, "itertools.count");

fn count_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = this::<Count>(vm, args, "__repr__", "itertools.count")?;
    let (cur, step) = (c.cur.get(), c.step);
    let name = vm.type_name(args[0]);
    let cs = vm.repr_string(cur)?;
    let step_is_one = vm.int_value(step).is_some_and(|i| i == BigInt::from(1)) && !step.is_bool();
    if step_is_one {
        return Ok(vm.new_string(format!("{name}({cs})")));
    }
    let ss = vm.repr_string(step)?;
    Ok(vm.new_string(format!("{name}({cs}, {ss})")))
}

// ----- cycle -----

pub struct Cycle {
    pub it: Cell<Value>,
    pub saved: RefCell<Vec<Value>>,
    pub index: Cell<usize>,
}
impl_native!(Cycle, |s, visit| {
    visit(s.it.get());
    for &v in s.saved.borrow().iter() {
        visit(v);
    }
});

fn cycle_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pos_args(vm, "cycle", args, kw, 1, 1)?;
    let it = vm.iter(a[0])?;
    Ok(vm.new_native(args[0], Cycle { it: Cell::new(it), saved: RefCell::new(Vec::new()), index: Cell::new(0) }))
}

fn cycle_step(vm: &mut Vm, c: &Cycle) -> PyResult<Option<Value>> {
    let it = c.it.get();
    if !it.is_null() {
        if let Some(v) = vm.next(it)? {
            c.saved.borrow_mut().push(v);
            return Ok(Some(v));
        }
        c.it.set(Value::NULL);
    }
    let saved = c.saved.borrow();
    if saved.is_empty() {
        return Ok(None);
    }
    let i = c.index.get();
    let v = saved[i];
    c.index.set(if i + 1 >= saved.len() { 0 } else { i + 1 });
    Ok(Some(v))
}
next_method!(cycle_next, Cycle, cycle_step, "itertools.cycle");

// ----- repeat -----

pub struct Repeat {
    pub obj: Value,
    /// Items left; negative means forever.
    pub remaining: Cell<i64>,
}
impl_native!(Repeat, |s, visit| { visit(s.obj) });

fn repeat_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [obj, times] = vm.bind_args("repeat", &args[1..], kw, ["object", "times"], 1)?;
    let remaining = if times.is_null() {
        -1
    } else {
        let n = ssize_arg(vm, times)? as i64;
        n.max(0)
    };
    Ok(vm.new_native(args[0], Repeat { obj, remaining: Cell::new(remaining) }))
}

fn repeat_step(_vm: &mut Vm, r: &Repeat) -> PyResult<Option<Value>> {
    let n = r.remaining.get();
    if n == 0 {
        return Ok(None);
    }
    if n > 0 {
        r.remaining.set(n - 1);
    }
    Ok(Some(r.obj))
}
next_method!(repeat_next, Repeat, repeat_step, "itertools.repeat");

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<Repeat>(vm, args, "__repr__", "itertools.repeat")?;
    let (obj, n) = (r.obj, r.remaining.get());
    let name = vm.type_name(args[0]);
    let os = super::helpers_b::repr_guarded(vm, args[0], |vm| vm.repr_string(obj))?;
    if n < 0 {
        Ok(vm.new_string(format!("{name}({os})")))
    } else {
        Ok(vm.new_string(format!("{name}({os}, {n})")))
    }
}

fn repeat_length_hint(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<Repeat>(vm, args, "__length_hint__", "itertools.repeat")?;
    let n = r.remaining.get();
    if n < 0 {
        return Err(vm.type_error("len() of unsized object"));
    }
    Ok(vm.new_int(n))
}

// ----- accumulate -----

pub struct Accumulate {
    pub it: Value,
    /// NULL means addition.
    pub func: Value,
    pub total: Cell<Value>,
    pub initial: Cell<Value>,
}
impl_native!(Accumulate, |s, visit| {
    visit(s.it);
    visit(s.func);
    visit(s.total.get());
    visit(s.initial.get());
});

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    // accumulate(iterable, func=None, *, initial=None)
    let mut pos: Vec<Value> = args[1..].to_vec();
    let mut initial = Value::NONE;
    let mut kw_rest = Vec::new();
    for &(k, v) in kw {
        if k.as_rstr() == Some("initial") {
            initial = v;
        } else {
            kw_rest.push((k, v));
        }
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format!("accumulate() takes at most 2 arguments ({} given)", pos.len())));
    }
    pos.truncate(2);
    let [iterable, func] = vm.bind_args("accumulate", &pos, &kw_rest, ["iterable", "func"], 1)?;
    let func = if func.is_null() || func.is_none() { Value::NULL } else { func };
    let it = vm.iter(iterable)?;
    let initial = if initial.is_none() { Value::NULL } else { initial };
    Ok(vm.new_native(args[0], Accumulate { it, func, total: Cell::new(Value::NULL), initial: Cell::new(initial) }))
}

fn accumulate_step(vm: &mut Vm, a: &Accumulate) -> PyResult<Option<Value>> {
    let init = a.initial.get();
    if !init.is_null() {
        a.initial.set(Value::NULL);
        a.total.set(init);
        return Ok(Some(init));
    }
    let Some(v) = vm.next(a.it)? else {
        return Ok(None);
    };
    let total = a.total.get();
    let new = if total.is_null() {
        v
    } else if a.func.is_null() {
        vm.binary_op(BinOp::Add, total, v)?
    } else {
        vm.call(a.func, &[total, v], &[])?
    };
    a.total.set(new);
    Ok(Some(new))
}
next_method!(accumulate_next, Accumulate, accumulate_step, "itertools.accumulate");

// ----- chain -----

pub struct Chain {
    /// Iterator over the iterables; NULL once exhausted.
    pub source: Cell<Value>,
    /// Iterator of the current iterable, or NULL.
    pub active: Cell<Value>,
}
impl_native!(Chain, |s, visit| {
    visit(s.source.get());
    visit(s.active.get());
});

fn chain_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kw_for(vm, args[0], "chain", kw)?;
    let t = vm.new_tuple(args[1..].to_vec());
    let source = vm.iter(t)?;
    Ok(vm.new_native(args[0], Chain { source: Cell::new(source), active: Cell::new(Value::NULL) }))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "from_iterable", &args[1..], kw, 1, 1)?;
    let source = vm.iter(args[1])?;
    Ok(vm.new_native(args[0], Chain { source: Cell::new(source), active: Cell::new(Value::NULL) }))
}

fn chain_step(vm: &mut Vm, c: &Chain) -> PyResult<Option<Value>> {
    loop {
        if c.active.get().is_null() {
            let src = c.source.get();
            if src.is_null() {
                return Ok(None);
            }
            match vm.next(src)? {
                None => {
                    c.source.set(Value::NULL);
                    return Ok(None);
                }
                Some(iterable) => {
                    let it = vm.iter(iterable)?;
                    c.active.set(it);
                }
            }
        }
        match vm.next(c.active.get()) {
            Ok(Some(v)) => return Ok(Some(v)),
            Ok(None) => c.active.set(Value::NULL),
            Err(e) => {
                c.active.set(Value::NULL);
                return Err(e);
            }
        }
    }
}
next_method!(chain_next, Chain, chain_step, "itertools.chain");

// ----- compress, dropwhile, takewhile, filterfalse, starmap -----

pub struct Compress {
    pub data: Value,
    pub selectors: Value,
}
impl_native!(Compress, |s, visit| {
    visit(s.data);
    visit(s.selectors);
});

fn compress_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, selectors] = vm.bind_args("compress", &args[1..], kw, ["data", "selectors"], 2)?;
    let data = vm.iter(data)?;
    let selectors = vm.iter(selectors)?;
    Ok(vm.new_native(args[0], Compress { data, selectors }))
}

fn compress_step(vm: &mut Vm, c: &Compress) -> PyResult<Option<Value>> {
    loop {
        let Some(d) = vm.next(c.data)? else { return Ok(None) };
        let Some(s) = vm.next(c.selectors)? else { return Ok(None) };
        if vm.truthy(s)? {
            return Ok(Some(d));
        }
    }
}
next_method!(compress_next, Compress, compress_step, "itertools.compress");

pub struct PredIter {
    pub func: Value,
    pub it: Value,
    /// dropwhile: done dropping; takewhile: stopped.
    pub flag: Cell<bool>,
}
impl_native!(PredIter, |s, visit| {
    visit(s.func);
    visit(s.it);
});

fn pred_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str) -> PyResult<Value> {
    let a = pos_args(vm, name, args, kw, 2, 2)?;
    let it = vm.iter(a[1])?;
    Ok(vm.new_native(args[0], PredIter { func: a[0], it, flag: Cell::new(false) }))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pred_new(vm, args, kw, "dropwhile")
}
fn takewhile_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pred_new(vm, args, kw, "takewhile")
}
fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pred_new(vm, args, kw, "filterfalse")
}
fn starmap_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pred_new(vm, args, kw, "starmap")
}

fn dropwhile_step(vm: &mut Vm, p: &PredIter) -> PyResult<Option<Value>> {
    loop {
        let Some(v) = vm.next(p.it)? else { return Ok(None) };
        if p.flag.get() {
            return Ok(Some(v));
        }
        let r = vm.call(p.func, &[v], &[])?;
        if !vm.truthy(r)? {
            p.flag.set(true);
            return Ok(Some(v));
        }
    }
}
next_method!(dropwhile_next, PredIter, dropwhile_step, "itertools.dropwhile");

fn takewhile_step(vm: &mut Vm, p: &PredIter) -> PyResult<Option<Value>> {
    if p.flag.get() {
        return Ok(None);
    }
    let Some(v) = vm.next(p.it)? else { return Ok(None) };
    let r = vm.call(p.func, &[v], &[])?;
    if vm.truthy(r)? {
        return Ok(Some(v));
    }
    p.flag.set(true);
    Ok(None)
}
next_method!(takewhile_next, PredIter, takewhile_step, "itertools.takewhile");

fn filterfalse_step(vm: &mut Vm, p: &PredIter) -> PyResult<Option<Value>> {
    loop {
        let Some(v) = vm.next(p.it)? else { return Ok(None) };
        let keep = if p.func.is_none() || p.func.is(vm.types.bool_) {
            !vm.truthy(v)?
        } else {
            let r = vm.call(p.func, &[v], &[])?;
            !vm.truthy(r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
}
next_method!(filterfalse_next, PredIter, filterfalse_step, "itertools.filterfalse");

fn starmap_step(vm: &mut Vm, p: &PredIter) -> PyResult<Option<Value>> {
    let Some(a) = vm.next(p.it)? else { return Ok(None) };
    let items = match a.as_tuple() {
        Some(t) => t.to_vec(),
        None => vm.collect(a)?,
    };
    vm.call(p.func, &items, &[]).map(Some)
}
next_method!(starmap_next, PredIter, starmap_step, "itertools.starmap");

// ----- groupby -----

pub struct GroupBy {
    pub it: Value,
    /// NULL for identity.
    pub keyfunc: Value,
    pub tgtkey: Cell<Value>,
    pub currkey: Cell<Value>,
    pub currvalue: Cell<Value>,
    pub currgrouper: Cell<Value>,
}
impl_native!(GroupBy, |s, visit| {
    visit(s.it);
    visit(s.keyfunc);
    visit(s.tgtkey.get());
    visit(s.currkey.get());
    visit(s.currvalue.get());
    visit(s.currgrouper.get());
});

pub struct Grouper {
    pub parent: Value,
    pub tgtkey: Value,
}
impl_native!(Grouper, |s, visit| {
    visit(s.parent);
    visit(s.tgtkey);
});

fn groupby_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [iterable, key] = vm.bind_args("groupby", &args[1..], kw, ["iterable", "key"], 1)?;
    let keyfunc = if key.is_null() || key.is_none() { Value::NULL } else { key };
    let it = vm.iter(iterable)?;
    Ok(vm.new_native(
        args[0],
        GroupBy {
            it,
            keyfunc,
            tgtkey: Cell::new(Value::NULL),
            currkey: Cell::new(Value::NULL),
            currvalue: Cell::new(Value::NULL),
            currgrouper: Cell::new(Value::NULL),
        },
    ))
}

/// Reads the next value and its key; false when the input is exhausted.
fn groupby_advance(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(v) = vm.next(g.it)? else { return Ok(false) };
    let k = if g.keyfunc.is_null() { v } else { vm.call(g.keyfunc, &[v], &[])? };
    g.currvalue.set(v);
    g.currkey.set(k);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this::<GroupBy>(vm, args, "__next__", "itertools.groupby")?;
    match groupby_step_with_self(vm, g, args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn groupby_step_with_self(vm: &mut Vm, g: &GroupBy, this_v: Value) -> PyResult<Option<Value>> {
    g.currgrouper.set(Value::NULL);
    loop {
        let ck = g.currkey.get();
        if !ck.is_null() {
            let tk = g.tgtkey.get();
            if tk.is_null() || !vm.eq(tk, ck)? {
                break;
            }
        }
        if !groupby_advance(vm, g)? {
            return Ok(None);
        }
    }
    let key = g.currkey.get();
    g.tgtkey.set(key);
    let cls = class(vm, "itertools._grouper");
    let grouper = vm.new_native(cls, Grouper { parent: this_v, tgtkey: key });
    g.currgrouper.set(grouper);
    Ok(Some(vm.new_tuple(vec![key, grouper])))
}

fn grouper_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let gr = this::<Grouper>(vm, args, "__next__", "itertools._grouper")?;
    let Some(g) = native::<GroupBy>(&gr.parent) else {
        return Err(vm.stop_iteration(Value::NONE));
    };
    if !g.currgrouper.get().is(args[0]) {
        return Err(vm.stop_iteration(Value::NONE));
    }
    if g.currvalue.get().is_null() && !groupby_advance(vm, g)? {
        return Err(vm.stop_iteration(Value::NONE));
    }
    if !vm.eq(gr.tgtkey, g.currkey.get())? {
        return Err(vm.stop_iteration(Value::NONE));
    }
    let v = g.currvalue.get();
    g.currvalue.set(Value::NULL);
    Ok(v)
}

// ----- islice -----

pub struct ISlice {
    pub it: Cell<Value>,
    pub next: Cell<usize>,
    /// None: no stop.
    pub stop: Option<usize>,
    pub step: usize,
    pub cnt: Cell<usize>,
}
impl_native!(ISlice, |s, visit| { visit(s.it.get()) });

/// `PyNumber_AsSsize_t(v, OverflowError)` for islice: None when it fails.
fn islice_index(vm: &mut Vm, v: Value) -> Option<isize> {
    ssize_arg(vm, v).ok()
}

fn islice_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pos_args(vm, "islice", args, kw, 2, 4)?;
    let seq = a[0];
    let mut start: isize = 0;
    let mut stop: isize = -1;
    let mut step: isize = 1;
    const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if a.len() == 2 {
        if !a[1].is_none() {
            stop = islice_index(vm, a[1]).unwrap_or(-1);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    } else {
        if !a[1].is_none() {
            start = islice_index(vm, a[1]).unwrap_or(-1);
        }
        if !a[2].is_none() {
            stop = islice_index(vm, a[2]).unwrap_or(-1);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
    }
    if a.len() == 4 && !a[3].is_none() {
        step = islice_index(vm, a[3]).unwrap_or(-1);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.iter(seq)?;
    Ok(vm.new_native(
        args[0],
        ISlice {
            it: Cell::new(it),
            next: Cell::new(start as usize),
            stop: if stop == -1 { None } else { Some(stop as usize) },
            step: step as usize,
            cnt: Cell::new(0),
        },
    ))
}

fn islice_step(vm: &mut Vm, s: &ISlice) -> PyResult<Option<Value>> {
    let it = s.it.get();
    if it.is_null() {
        return Ok(None);
    }
    let fetch = |vm: &mut Vm| -> PyResult<Option<Value>> {
        match vm.next(it) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                s.it.set(Value::NULL);
                Ok(None)
            }
            Err(e) => {
                s.it.set(Value::NULL);
                Err(e)
            }
        }
    };
    while s.cnt.get() < s.next.get() {
        if fetch(vm)?.is_none() {
            return Ok(None);
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if let Some(stop) = s.stop {
        if s.cnt.get() >= stop {
            s.it.set(Value::NULL);
            return Ok(None);
        }
    }
    let Some(v) = fetch(vm)? else { return Ok(None) };
    s.cnt.set(s.cnt.get() + 1);
    let old = s.next.get();
    let mut nx = old.wrapping_add(s.step);
    if let Some(stop) = s.stop {
        if nx < old || nx > stop {
            nx = stop;
        }
    } else if nx < old {
        nx = usize::MAX;
    }
    s.next.set(nx);
    Ok(Some(v))
}
next_method!(islice_next, ISlice, islice_step, "itertools.islice");

// ----- pairwise -----

pub struct Pairwise {
    pub it: Cell<Value>,
    pub old: Cell<Value>,
}
impl_native!(Pairwise, |s, visit| {
    visit(s.it.get());
    visit(s.old.get());
});

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pos_args(vm, "pairwise", args, kw, 1, 1)?;
    let it = vm.iter(a[0])?;
    Ok(vm.new_native(args[0], Pairwise { it: Cell::new(it), old: Cell::new(Value::NULL) }))
}

fn pairwise_step(vm: &mut Vm, p: &Pairwise) -> PyResult<Option<Value>> {
    let it = p.it.get();
    if it.is_null() {
        return Ok(None);
    }
    if p.old.get().is_null() {
        match vm.next(it)? {
            Some(v) => p.old.set(v),
            None => {
                p.it.set(Value::NULL);
                return Ok(None);
            }
        }
    }
    let Some(new) = vm.next(it)? else {
        p.it.set(Value::NULL);
        p.old.set(Value::NULL);
        return Ok(None);
    };
    let old = p.old.get();
    p.old.set(new);
    Ok(Some(vm.new_tuple(vec![old, new])))
}
next_method!(pairwise_next, Pairwise, pairwise_step, "itertools.pairwise");

// ----- tee -----

const LINKCELLS: usize = 57;

/// A chunk of values read from the shared iterator, linked to the next chunk.
pub struct TeeData {
    pub it: Value,
    pub values: RefCell<Vec<Value>>,
    pub next: Cell<Value>,
    pub running: Cell<bool>,
}
impl_native!(TeeData, |s, visit| {
    visit(s.it);
    visit(s.next.get());
    for &v in s.values.borrow().iter() {
        visit(v);
    }
});

pub struct Tee {
    pub data: Cell<Value>,
    pub index: Cell<usize>,
}
impl_native!(Tee, |s, visit| { visit(s.data.get()) });

fn new_teedata(vm: &mut Vm, it: Value) -> Value {
    let cls = class(vm, "itertools._tee_dataobject");
    vm.new_native(
        cls,
        TeeData { it, values: RefCell::new(Vec::new()), next: Cell::new(Value::NULL), running: Cell::new(false) },
    )
}

fn tee_from_iterable(vm: &mut Vm, iterable: Value) -> PyResult<Value> {
    let it = vm.iter(iterable)?;
    let tee_cls = class(vm, "itertools._tee");
    if let Some(t) = native::<Tee>(&it).filter(|_| vm.type_of(it).is(tee_cls)) {
        return Ok(vm.new_native(tee_cls, Tee { data: Cell::new(t.data.get()), index: Cell::new(t.index.get()) }));
    }
    let data = new_teedata(vm, it);
    Ok(vm.new_native(tee_cls, Tee { data: Cell::new(data), index: Cell::new(0) }))
}

fn tee_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pos_args(vm, "_tee", args, kw, 1, 1)?;
    tee_from_iterable(vm, a[0])
}

fn tee_step(vm: &mut Vm, t: &Tee) -> PyResult<Option<Value>> {
    if t.index.get() >= LINKCELLS {
        let d = t.data.get();
        let Some(data) = native::<TeeData>(&d) else { return Ok(None) };
        let mut nx = data.next.get();
        if nx.is_null() {
            nx = new_teedata(vm, data.it);
            data.next.set(nx);
        }
        t.data.set(nx);
        t.index.set(0);
    }
    let d = t.data.get();
    let Some(data) = native::<TeeData>(&d) else { return Ok(None) };
    let i = t.index.get();
    let have = data.values.borrow().get(i).copied();
    let v = match have {
        Some(v) => v,
        None => {
            if data.running.get() {
                return Err(vm.runtime_error("cannot re-enter the tee iterator"));
            }
            data.running.set(true);
            let r = vm.next(data.it);
            data.running.set(false);
            let Some(v) = r? else { return Ok(None) };
            data.values.borrow_mut().push(v);
            v
        }
    };
    t.index.set(i + 1);
    Ok(Some(v))
}
next_method!(tee_next, Tee, tee_step, "itertools._tee");

fn tee_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = this::<Tee>(vm, args, "__copy__", "itertools._tee")?;
    let cls = class(vm, "itertools._tee");
    Ok(vm.new_native(cls, Tee { data: Cell::new(t.data.get()), index: Cell::new(t.index.get()) }))
}

fn tee(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "tee", args, kw, 1, 2)?;
    let n = match args.get(1) {
        Some(&v) => ssize_arg(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.empty_tuple);
    }
    let it = vm.iter(args[0])?;
    let copy_name = vm.intern("__copy__");
    let (copyable, copyfunc) = match vm.get_attr_opt(it, copy_name)? {
        Some(f) => (it, f),
        None => {
            let c = tee_from_iterable(vm, it)?;
            let f = vm.get_attr(c, copy_name)?;
            (c, f)
        }
    };
    let mut out = vec![copyable];
    for _ in 1..n {
        out.push(vm.call(copyfunc, &[], &[])?);
    }
    Ok(vm.new_tuple(out))
}

// ----- zip_longest -----

pub struct ZipLongest {
    pub iters: Box<[Cell<Value>]>,
    pub active: Cell<usize>,
    pub fill: Value,
}
impl_native!(ZipLongest, |s, visit| {
    for c in s.iters.iter() {
        visit(c.get());
    }
    visit(s.fill);
});

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut fill = Value::NONE;
    if !kw.is_empty() {
        match kw {
            [(k, v)] if k.as_rstr() == Some("fillvalue") => fill = *v,
            _ => return Err(vm.type_error("zip_longest() got an unexpected keyword argument")),
        }
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for &a in &args[1..] {
        iters.push(Cell::new(vm.iter(a)?));
    }
    let n = iters.len();
    Ok(vm.new_native(args[0], ZipLongest { iters: iters.into(), active: Cell::new(n), fill }))
}

fn zip_longest_step(vm: &mut Vm, z: &ZipLongest) -> PyResult<Option<Value>> {
    if z.iters.is_empty() || z.active.get() == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(z.iters.len());
    for c in z.iters.iter() {
        let it = c.get();
        if it.is_null() {
            out.push(z.fill);
            continue;
        }
        match vm.next(it) {
            Ok(Some(v)) => out.push(v),
            Ok(None) => {
                let a = z.active.get() - 1;
                z.active.set(a);
                if a == 0 {
                    return Ok(None);
                }
                c.set(Value::NULL);
                out.push(z.fill);
            }
            Err(e) => {
                z.active.set(0);
                return Err(e);
            }
        }
    }
    Ok(Some(vm.new_tuple(out)))
}
next_method!(zip_longest_next, ZipLongest, zip_longest_step, "itertools.zip_longest");

// ----- combinatorics -----

/// State of `product`, `combinations`, `combinations_with_replacement` and
/// `permutations`: the pool(s), the index vector and (for permutations) the cycles.
pub struct Combinatoric {
    pub pools: Box<[Box<[Value]>]>,
    pub r: usize,
    pub indices: RefCell<Vec<usize>>,
    pub cycles: RefCell<Vec<usize>>,
    pub started: Cell<bool>,
    pub stopped: Cell<bool>,
}
impl_native!(Combinatoric, |s, visit| {
    for p in s.pools.iter() {
        for &v in p.iter() {
            visit(v);
        }
    }
});

fn new_combinatoric(pools: Vec<Box<[Value]>>, r: usize, stopped: bool) -> Combinatoric {
    Combinatoric {
        pools: pools.into(),
        r,
        indices: RefCell::new(Vec::new()),
        cycles: RefCell::new(Vec::new()),
        started: Cell::new(false),
        stopped: Cell::new(stopped),
    }
}

fn product_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut repeat: isize = 1;
    for &(k, v) in kw {
        match k.as_rstr() {
            Some("repeat") => repeat = ssize_arg(vm, v)?,
            other => {
                return Err(
                    vm.type_error(format!("'{}' is an invalid keyword argument for product()", other.unwrap_or("")))
                )
            }
        }
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for &a in &args[1..] {
        base.push(vm.collect(a)?.into_boxed_slice());
    }
    let mut pools = Vec::new();
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(vm.new_native(args[0], new_combinatoric(pools, n, false)))
}

fn product_step(vm: &mut Vm, p: &Combinatoric) -> PyResult<Option<Value>> {
    if p.stopped.get() {
        return Ok(None);
    }
    let mut idx = p.indices.borrow_mut();
    if !p.started.get() {
        p.started.set(true);
        if p.pools.iter().any(|pool| pool.is_empty()) {
            p.stopped.set(true);
            return Ok(None);
        }
        *idx = vec![0; p.pools.len()];
    } else {
        let mut i = p.pools.len();
        loop {
            if i == 0 {
                p.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            idx[i] += 1;
            if idx[i] == p.pools[i].len() {
                idx[i] = 0;
            } else {
                break;
            }
        }
    }
    let items: Vec<Value> = idx.iter().enumerate().map(|(i, &j)| p.pools[i][j]).collect();
    drop(idx);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(product_next, Combinatoric, product_step, "itertools.product");

fn r_arg(vm: &mut Vm, r: Value) -> PyResult<usize> {
    let r = ssize_arg(vm, r)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [iterable, r] = vm.bind_args("combinations", &args[1..], kw, ["iterable", "r"], 2)?;
    let pool = vm.collect(iterable)?;
    let r = r_arg(vm, r)?;
    let stopped = r > pool.len();
    Ok(vm.new_native(args[0], new_combinatoric(vec![pool.into_boxed_slice()], r, stopped)))
}

fn combinations_step(vm: &mut Vm, c: &Combinatoric) -> PyResult<Option<Value>> {
    if c.stopped.get() {
        return Ok(None);
    }
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut idx = c.indices.borrow_mut();
    if !c.started.get() {
        c.started.set(true);
        *idx = (0..r).collect();
    } else {
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            if idx[i] != i + n - r {
                break;
            }
        }
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = idx[j - 1] + 1;
        }
    }
    let items: Vec<Value> = idx.iter().map(|&j| pool[j]).collect();
    drop(idx);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(combinations_next, Combinatoric, combinations_step, "itertools.combinations");

fn cwr_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [iterable, r] = vm.bind_args("combinations_with_replacement", &args[1..], kw, ["iterable", "r"], 2)?;
    let pool = vm.collect(iterable)?;
    let r = r_arg(vm, r)?;
    let stopped = pool.is_empty() && r > 0;
    Ok(vm.new_native(args[0], new_combinatoric(vec![pool.into_boxed_slice()], r, stopped)))
}

fn cwr_step(vm: &mut Vm, c: &Combinatoric) -> PyResult<Option<Value>> {
    if c.stopped.get() {
        return Ok(None);
    }
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut idx = c.indices.borrow_mut();
    if !c.started.get() {
        c.started.set(true);
        *idx = vec![0; r];
    } else {
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            if idx[i] != n - 1 {
                break;
            }
        }
        let v = idx[i] + 1;
        for x in idx[i..].iter_mut() {
            *x = v;
        }
    }
    let items: Vec<Value> = idx.iter().map(|&j| pool[j]).collect();
    drop(idx);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(cwr_next, Combinatoric, cwr_step, "itertools.combinations_with_replacement");

fn permutations_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [iterable, r] = vm.bind_args("permutations", &args[1..], kw, ["iterable", "r"], 1)?;
    let pool = vm.collect(iterable)?;
    let r = if r.is_null() || r.is_none() { pool.len() } else { r_arg(vm, r)? };
    let stopped = r > pool.len();
    Ok(vm.new_native(args[0], new_combinatoric(vec![pool.into_boxed_slice()], r, stopped)))
}

fn permutations_step(vm: &mut Vm, c: &Combinatoric) -> PyResult<Option<Value>> {
    if c.stopped.get() {
        return Ok(None);
    }
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut idx = c.indices.borrow_mut();
    let mut cycles = c.cycles.borrow_mut();
    if !c.started.get() {
        c.started.set(true);
        *idx = (0..n).collect();
        *cycles = (0..r).map(|i| n - i).collect();
    } else {
        if n == 0 {
            c.stopped.set(true);
            return Ok(None);
        }
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let x = idx.remove(i);
                idx.push(x);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                idx.swap(i, n - j);
                break;
            }
        }
    }
    let items: Vec<Value> = idx[..r].iter().map(|&j| pool[j]).collect();
    drop(idx);
    drop(cycles);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(permutations_next, Combinatoric, permutations_step, "itertools.permutations");

// ----- module -----

/// An itertools class by its qualified name (as registered by `init_module`).
fn class(vm: &Vm, name: &str) -> Value {
    vm.state.borrow().get(name).copied().unwrap_or(vm.types.object)
}

fn register(vm: &mut Vm, m: Value, name: &'static str, new: NativeFn, next: NativeFn, base_flags: u32) -> Value {
    let c = new_class(vm, "itertools", name, vm.types.object, Layout::Other, base_flags);
    vm.add_staticmethod(c, "__new__", new);
    vm.add_method(c, "__iter__", iter_self);
    vm.add_method(c, "__next__", next);
    set(vm, m, name, c);
    c
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(vm, "itertools", &[("tee", tee)]);
    let b = class_flags::BASETYPE;
    let c = register(vm, m, "count", count_new, count_next, b);
    vm.add_method(c, "__repr__", count_repr);
    register(vm, m, "cycle", cycle_new, cycle_next, b);
    let c = register(vm, m, "repeat", repeat_new, repeat_next, b);
    vm.add_method(c, "__repr__", repeat_repr);
    vm.add_method(c, "__length_hint__", repeat_length_hint);
    register(vm, m, "accumulate", accumulate_new, accumulate_next, b);
    let c = register(vm, m, "chain", chain_new, chain_next, b);
    vm.add_classmethod(c, "from_iterable", chain_from_iterable);
    vm.add_classmethod(c, "__class_getitem__", crate::eval::descr::class_getitem_generic);
    register(vm, m, "compress", compress_new, compress_next, b);
    register(vm, m, "dropwhile", dropwhile_new, dropwhile_next, b);
    register(vm, m, "takewhile", takewhile_new, takewhile_next, b);
    register(vm, m, "filterfalse", filterfalse_new, filterfalse_next, b);
    register(vm, m, "starmap", starmap_new, starmap_next, b);
    register(vm, m, "groupby", groupby_new, groupby_next, b);
    let g = new_class(vm, "itertools", "_grouper", vm.types.object, Layout::Other, 0);
    vm.add_method(g, "__iter__", iter_self);
    vm.add_method(g, "__next__", grouper_next);
    vm.state.borrow_mut().insert("itertools._grouper", g);
    register(vm, m, "islice", islice_new, islice_next, b);
    register(vm, m, "pairwise", pairwise_new, pairwise_next, b);
    let t = register(vm, m, "_tee", tee_new, tee_next, 0);
    vm.add_method(t, "__copy__", tee_copy);
    vm.state.borrow_mut().insert("itertools._tee", t);
    let td = new_class(vm, "itertools", "_tee_dataobject", vm.types.object, Layout::Other, 0);
    set(vm, m, "_tee_dataobject", td);
    vm.state.borrow_mut().insert("itertools._tee_dataobject", td);
    register(vm, m, "zip_longest", zip_longest_new, zip_longest_next, b);
    register(vm, m, "product", product_new, product_next, b);
    register(vm, m, "combinations", combinations_new, combinations_next, b);
    register(vm, m, "combinations_with_replacement", cwr_new, cwr_next, b);
    register(vm, m, "permutations", permutations_new, permutations_next, b);
    Ok(m)
}
