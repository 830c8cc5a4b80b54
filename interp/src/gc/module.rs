//! The `gc` module (native).
//!
//! `gc.collect()` is special: called straight from a `Call`/`CallMethod` statement of the
//! interpreter loop, it is recognized by `call::call_from_loop` before any native frame
//! exists and collects right there — that point is a safepoint like a loop back-edge (the
//! loop's Rust frames hold their values in frame slots and locals, and
//! `native_depth == 0` says no non-audited native is below). Called any other way (from a
//! native such as `map`, or via `__call__` indirection) it only requests a collection at
//! the next safepoint and returns 0: a native may hold values in Rust heap containers
//! that no root covers, so collecting under it is not safe.
//!
//! `get_objects()` lists every object in the heap that `is_tracked` (including garbage not
//! collected yet, as CPython's does until a collection runs), `get_referents(*objs)`
//! uses the collector's own tracing, and `get_referrers(*objs)` scans the heap with it.
//!
//! Generations do not exist here (one full mark-sweep); `get_stats()` reports everything
//! under the oldest generation and `set_threshold()` values are stored and reported only.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Registers `gc` as a builtin module.
pub fn register(vm: &mut Vm) {
    crate::builtins::import::register_native_module(vm, "gc", init_module);
}

fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = vm.new_module("gc");
    let f = vm.add_function(m, "collect", gc_collect);
    vm.gc.collect_fn.set(f);
    vm.add_function(m, "enable", gc_enable);
    vm.add_function(m, "disable", gc_disable);
    vm.add_function(m, "isenabled", gc_isenabled);
    vm.add_function(m, "get_count", gc_get_count);
    vm.add_function(m, "get_stats", gc_get_stats);
    vm.add_function(m, "get_threshold", gc_get_threshold);
    vm.add_function(m, "set_threshold", gc_set_threshold);
    vm.add_function(m, "is_tracked", gc_is_tracked);
    vm.add_function(m, "is_finalized", gc_is_finalized);
    vm.add_function(m, "freeze", gc_freeze);
    vm.add_function(m, "unfreeze", gc_unfreeze);
    vm.add_function(m, "get_freeze_count", gc_get_freeze_count);
    vm.add_function(m, "get_objects", gc_get_objects);
    vm.add_function(m, "get_referrers", gc_get_referrers);
    vm.add_function(m, "get_referents", gc_get_referents);
    vm.add_function(m, "set_debug", gc_set_debug);
    vm.add_function(m, "get_debug", gc_get_debug);
    let garbage = if vm.gc.garbage.get().is_null() { vm.new_list(Vec::new()) } else { vm.gc.garbage.get() };
    vm.gc.garbage.set(garbage);
    let callbacks = if vm.gc.callbacks.get().is_null() { vm.new_list(Vec::new()) } else { vm.gc.callbacks.get() };
    vm.gc.callbacks.set(callbacks);
    for (name, v) in [
        ("garbage", garbage),
        ("callbacks", callbacks),
        ("DEBUG_STATS", Value::small_int(1).unwrap()),
        ("DEBUG_COLLECTABLE", Value::small_int(2).unwrap()),
        ("DEBUG_UNCOLLECTABLE", Value::small_int(4).unwrap()),
        ("DEBUG_SAVEALL", Value::small_int(32).unwrap()),
        ("DEBUG_LEAK", Value::small_int(38).unwrap()),
    ] {
        let k = vm.intern(name);
        vm.set_class_or_module_attr(m, k, v);
    }
    Ok(m)
}

/// `gc.collect(generation=2)` reached other than straight from the interpreter loop.
fn gc_collect(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_collect_args(vm, args, kw)?;
    super::request();
    Ok(Value::small_int(0).unwrap())
}

/// Validates `gc.collect`'s arguments (also used by the loop's direct path).
pub fn check_collect_args(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<()> {
    let [g] = vm.bind_args("collect", args, kw, ["generation"], 0)?;
    if !g.is_null() {
        let g = vm.to_index(g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    Ok(())
}

fn gc_enable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "enable", args, kw)?;
    vm.gc.enabled.set(true);
    super::request();
    Ok(Value::NONE)
}

fn gc_disable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "disable", args, kw)?;
    vm.gc.enabled.set(false);
    Ok(Value::NONE)
}

fn gc_isenabled(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "isenabled", args, kw)?;
    Ok(Value::bool(vm.gc.enabled.get()))
}

fn gc_get_count(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "get_count", args, kw)?;
    let (young, _) = super::counts();
    let a = vm.new_int(young as i64);
    let z = Value::small_int(0).unwrap();
    Ok(vm.new_tuple(vec![a, z, z]))
}

fn gc_get_stats(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "get_stats", args, kw)?;
    let st = vm.gc.stats.get();
    let mut out = Vec::new();
    for gen in 0..3 {
        let (c, n) = if gen == 2 { (st.collections, st.collected) } else { (0, 0) };
        let d = vm.new_dict();
        for (k, v) in [("collections", c), ("collected", n), ("uncollectable", 0)] {
            let k = vm.intern(k);
            let v = vm.new_int(v as i64);
            vm.dict_set_str(d, k, v);
        }
        out.push(d);
    }
    Ok(vm.new_list(out))
}

fn gc_get_threshold(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "get_threshold", args, kw)?;
    let (a, b, c) = vm.gc.thresholds.get();
    let items = vec![vm.new_int(a), vm.new_int(b), vm.new_int(c)];
    Ok(vm.new_tuple(items))
}

fn gc_set_threshold(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("set_threshold", kw)?;
    if args.is_empty() || args.len() > 3 {
        return Err(vm.type_error(format!("set_threshold() takes at most 3 arguments ({} given)", args.len())));
    }
    let (_, mut b, mut c) = vm.gc.thresholds.get();
    let a = vm.to_index(args[0])?;
    if let Some(&x) = args.get(1) {
        b = vm.to_index(x)?;
    }
    if let Some(&x) = args.get(2) {
        c = vm.to_index(x)?;
    }
    vm.gc.thresholds.set((a, b, c));
    Ok(Value::NONE)
}

fn gc_is_tracked(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [o] = vm.bind_args("is_tracked", args, kw, ["obj"], 1)?;
    // Every heap object is traced, but CPython reports atoms (ints, strs...) as untracked.
    Ok(Value::bool(tracked(o)))
}

fn gc_is_finalized(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [o] = vm.bind_args("is_finalized", args, kw, ["obj"], 1)?;
    Ok(Value::bool(o.is_obj() && o.obj().gc.get() & super::FINALIZED != 0))
}

fn gc_freeze(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "freeze", args, kw)?;
    super::freeze(vm);
    Ok(Value::NONE)
}

fn gc_unfreeze(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "unfreeze", args, kw)?;
    super::unfreeze(vm);
    Ok(Value::NONE)
}

fn gc_get_freeze_count(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "get_freeze_count", args, kw)?;
    let n = super::freeze_count(vm);
    Ok(vm.new_int(n as i64))
}

fn gc_get_debug(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "get_debug", args, kw)?;
    Ok(Value::small_int(0).unwrap())
}

/// The arguments check of CPython's METH_NOARGS functions, with its messages.
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("gc.{name}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!("gc.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// Values `o` refers to (what the collector traces, code objects' constants included).
fn referents_of(o: &crate::object::PyObj) -> Vec<Value> {
    struct Collect(Vec<Value>);
    impl super::trace::Tracer for Collect {
        fn value(&mut self, v: Value) {
            if v.is_obj() {
                self.0.push(v);
            }
        }
        fn code(&mut self, _c: &std::rc::Rc<crate::cfg::Code>) {}
    }
    let mut c = Collect(Vec::new());
    super::trace::trace_obj(o, &mut c);
    c.0
}

/// Whether CPython's collector would track `o` (containers; not atoms such as ints and
/// strs).
fn tracked(o: Value) -> bool {
    o.is_obj()
        && !matches!(
            o.obj().payload,
            crate::object::Payload::Int(_)
                | crate::object::Payload::Float(_)
                | crate::object::Payload::Complex(..)
                | crate::object::Payload::Str(_)
                | crate::object::Payload::Bytes(_)
        )
}

/// Every allocated heap object (a snapshot: no allocation happens while it is taken).
fn all_objects() -> Vec<Value> {
    let mut out = Vec::new();
    // SAFETY: this thread's heap, only read; every allocated cell holds a valid object
    // (cells are only freed by a sweep, which cannot run while this executes).
    let h = unsafe { &*crate::heap::heap_ptr() };
    h.for_each_object(|cell| out.push(Value::from_obj(cell as *const crate::object::PyObj)));
    out
}

fn gc_get_objects(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [g] = vm.bind_args("get_objects", args, kw, ["generation"], 0)?;
    if !g.is_null() && !g.is_none() {
        let g = vm.to_index(g)?;
        if g >= 3 {
            return Err(
                vm.value_error("generation parameter must be less than the number of available generations (3)")
            );
        }
        if g < 0 {
            return Err(vm.value_error("generation parameter cannot be negative"));
        }
    }
    let objs: Vec<Value> = all_objects().into_iter().filter(|&o| tracked(o)).collect();
    Ok(vm.new_list(objs))
}

fn gc_get_referents(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("get_referents", kw)?;
    let mut out = Vec::new();
    for &a in args {
        if tracked(a) {
            out.extend(referents_of(a.obj()));
        }
    }
    Ok(vm.new_list(out))
}

fn gc_get_referrers(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("get_referrers", kw)?;
    let targets: std::collections::HashSet<u64> = args.iter().map(|v| v.bits()).collect();
    let mut out = Vec::new();
    for o in all_objects() {
        if !tracked(o) {
            continue;
        }
        if referents_of(o.obj()).iter().any(|r| targets.contains(&r.bits())) {
            out.push(o);
        }
    }
    Ok(vm.new_list(out))
}

/// `gc.set_debug(flags)`: 0 is accepted; the debugging flags (printing statistics,
/// saving garbage in `gc.garbage`) are not implemented.
fn gc_set_debug(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [f] = vm.bind_args("set_debug", args, kw, ["flags"], 1)?;
    if vm.to_index(f)? != 0 {
        return Err(vm.not_implemented_error("gc.set_debug: debugging flags are not supported by Krait's collector"));
    }
    Ok(Value::NONE)
}
