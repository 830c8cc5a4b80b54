//! The `_thread` module over Krait's green threads (`crate::threads`): threads, locks
//! and re-entrant locks. A thread that waits for a lock another thread holds lets the
//! others run until it is released (or the timeout passes).

use std::cell::Cell;

use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{nargs, new_class, new_module, opt, set, this};

pub struct Lock {
    locked: Cell<bool>,
}
impl_native!(Lock, |s, visit| {});

pub struct RLock {
    /// Owner's thread id (0: unowned) and recursion count.
    owner: Cell<u64>,
    count: Cell<u64>,
}
impl_native!(RLock, |s, visit| {});

/// The id of the running thread (`threading.get_ident()`).
pub fn ident() -> u64 {
    crate::threads::ident()
}

/// Releases a lock made by `_set_sentinel` when its thread ends (`crate::threads`).
pub fn release_sentinel(lock: Value) {
    if let Some(l) = lock.as_obj().and_then(|o| o.native::<Lock>()) {
        l.locked.set(false);
    }
}

/// A deadline `timeout` seconds from now (None: wait forever).
fn deadline(timeout: Option<f64>) -> Option<std::time::Instant> {
    timeout.map(|t| std::time::Instant::now() + std::time::Duration::from_secs_f64(t.clamp(0.0, 1e9)))
}

/// `acquire(blocking=True, timeout=-1)` arguments: Ok(None) means "wait forever".
fn acquire_args(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Option<f64>> {
    let [blocking, timeout] = vm.bind_args("acquire", &args[1..], kw, ["blocking", "timeout"], 0)?;
    let blocking = if blocking.is_null() { true } else { vm.truthy(blocking)? };
    let timeout = if timeout.is_null() { -1.0 } else { vm.to_f64(timeout)? };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    if !blocking {
        return Ok(Some(0.0));
    }
    Ok(if timeout < 0.0 { None } else { Some(timeout) })
}

/// Waits for the lock `lock` (held by another thread, or this one) until `take()` gets
/// it, letting the other threads run; Ok(false) when the timeout passes first.
fn wait_lock(vm: &mut Vm, lock: Value, timeout: Option<f64>, take: impl FnMut() -> bool) -> PyResult<Value> {
    if timeout == Some(0.0) {
        return Ok(Value::FALSE);
    }
    // The lock stays on this stack (found by the collector's scan) while others run.
    let lock = std::hint::black_box(lock);
    let got = crate::threads::wait_for(vm, take, deadline(timeout))?;
    std::hint::black_box(lock);
    Ok(Value::bool(got))
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Lock>(vm, args, "acquire", "_thread.lock")?;
    let timeout = acquire_args(vm, args, kw)?;
    let l = this::<Lock>(vm, args, "acquire", "_thread.lock")?;
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(Value::TRUE);
    }
    let take = || !l.locked.replace(true);
    wait_lock(vm, args[0], timeout, take)
}

fn lock_release(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<Lock>(vm, args, "release", "_thread.lock")?;
    if !l.locked.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    crate::threads::note_progress();
    Ok(Value::NONE)
}

fn lock_locked(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<Lock>(vm, args, "locked", "_thread.lock")?;
    Ok(Value::bool(l.locked.get()))
}

fn lock_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    lock_release(vm, &args[..1.min(args.len())], &[])
}

fn lock_at_fork_reinit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<Lock>(vm, args, "_at_fork_reinit", "_thread.lock")?;
    l.locked.set(false);
    Ok(Value::NONE)
}

fn lock_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<Lock>(vm, args, "__repr__", "_thread.lock")?;
    let state = if l.locked.get() { "locked" } else { "unlocked" };
    let cls = vm.type_of(args[0]);
    let m = class_module(vm, cls);
    Ok(vm.new_string(format!(
        "<{state} {m}.{} object at {:#x}>",
        vm.class_name(cls),
        args[0].bits() & 0xFFFF_FFFF_FFFF
    )))
}

fn class_module(vm: &mut Vm, cls: Value) -> String {
    let k = vm.intern("__module__");
    vm.lookup_type(cls, k).and_then(|m| m.as_rstr().map(str::to_owned)).unwrap_or_else(|| "_thread".into())
}

fn new_lock(vm: &mut Vm) -> Value {
    let cls = vm.state.borrow().get("thread.lock").copied().unwrap_or(vm.types.object);
    vm.new_native(cls, Lock { locked: Cell::new(false) })
}

fn t_allocate_lock(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "allocate_lock", args, kw, 0, 0)?;
    Ok(new_lock(vm))
}

fn lock_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "lock", &args[1.min(args.len())..], kw, 0, 0)?;
    Ok(new_lock(vm))
}

// ----- RLock -----

fn rlock_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args.first().copied().unwrap_or(Value::NONE);
    if cls.as_class().is_none() {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    }
    Ok(vm.new_native(cls, RLock { owner: Cell::new(0), count: Cell::new(0) }))
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<RLock>(vm, args, "acquire", "_thread.RLock")?;
    let timeout = acquire_args(vm, args, kw)?;
    let l = this::<RLock>(vm, args, "acquire", "_thread.RLock")?;
    let me = ident();
    if l.count.get() == 0 || l.owner.get() == me {
        l.owner.set(me);
        l.count.set(l.count.get() + 1);
        return Ok(Value::TRUE);
    }
    let take = || {
        if l.count.get() != 0 {
            return false;
        }
        l.owner.set(me);
        l.count.set(1);
        true
    };
    wait_lock(vm, args[0], timeout, take)
}

fn rlock_release(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<RLock>(vm, args, "release", "_thread.RLock")?;
    if l.count.get() == 0 || l.owner.get() != ident() {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    l.count.set(l.count.get() - 1);
    if l.count.get() == 0 {
        l.owner.set(0);
        crate::threads::note_progress();
    }
    Ok(Value::NONE)
}

fn rlock_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    rlock_release(vm, &args[..1.min(args.len())], &[])
}

fn rlock_is_owned(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<RLock>(vm, args, "_is_owned", "_thread.RLock")?;
    Ok(Value::bool(l.count.get() > 0 && l.owner.get() == ident()))
}

fn rlock_recursion_count(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<RLock>(vm, args, "_recursion_count", "_thread.RLock")?;
    let n = if l.owner.get() == ident() { l.count.get() } else { 0 };
    Ok(vm.new_int(n as i64))
}

/// `_release_save()`: releases completely, returning (count, owner) for `_acquire_restore`.
fn rlock_release_save(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<RLock>(vm, args, "_release_save", "_thread.RLock")?;
    if l.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let (c, o) = (l.count.get(), l.owner.get());
    l.count.set(0);
    l.owner.set(0);
    crate::threads::note_progress();
    let c = vm.new_int(c as i64);
    let o = crate::types::int::int_from_i128(vm, o as i128);
    Ok(vm.new_tuple(vec![c, o]))
}

fn rlock_acquire_restore(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<RLock>(vm, args, "_acquire_restore", "_thread.RLock")?;
    let state = args.get(1).and_then(|s| s.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    if state.len() != 2 {
        return Err(vm.type_error("_acquire_restore() argument must be a 2-tuple"));
    }
    let c = crate::types::int::to_bigint(state[0]).and_then(|b| num_traits::ToPrimitive::to_u64(&b)).unwrap_or(1);
    let o = crate::types::int::to_bigint(state[1]).and_then(|b| num_traits::ToPrimitive::to_u64(&b)).unwrap_or(0);
    if l.count.get() > 0 {
        let take = || {
            if l.count.get() != 0 {
                return false;
            }
            l.count.set(c);
            l.owner.set(o);
            true
        };
        wait_lock(vm, args[0], None, take)?;
        return Ok(Value::NONE);
    }
    l.count.set(c);
    l.owner.set(o);
    Ok(Value::NONE)
}

fn rlock_at_fork_reinit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<RLock>(vm, args, "_at_fork_reinit", "_thread.RLock")?;
    l.count.set(0);
    l.owner.set(0);
    Ok(Value::NONE)
}

fn rlock_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = this::<RLock>(vm, args, "__repr__", "_thread.RLock")?;
    let (count, owner) = (l.count.get(), l.owner.get());
    let state = if count > 0 { "locked" } else { "unlocked" };
    let cls = vm.type_of(args[0]);
    let m = class_module(vm, cls);
    Ok(vm.new_string(format!(
        "<{state} {m}.{} object owner={owner} count={count} at {:#x}>",
        vm.class_name(cls),
        args[0].bits() & 0xFFFF_FFFF_FFFF
    )))
}

// ----- functions -----

fn t_get_ident(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "get_ident", args, kw, 0, 0)?;
    Ok(crate::types::int::int_from_i128(vm, ident() as i128))
}

fn t_get_native_id(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "get_native_id", args, kw, 0, 0)?;
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() };
    Ok(vm.new_int(tid as i64))
}

/// `start_new_thread(function, args, kwargs=None)`: a green thread (`crate::threads`).
fn t_start_new_thread(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("start_new_thread() takes no keyword arguments"));
    }
    if !(2..=3).contains(&args.len()) {
        return Err(vm.type_error(format!("start_new_thread expected at least 2 arguments, got {}", args.len())));
    }
    let (func, fargs) = (args[0], args[1]);
    let fkw = args.get(2).copied().unwrap_or(Value::NULL);
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    if fargs.as_tuple().is_none() {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    if !fkw.is_null() && fkw.as_dict().is_none() {
        return Err(vm.type_error("optional 3rd arg must be a dictionary"));
    }
    let id = crate::threads::start(vm, func, fargs, fkw)?;
    Ok(crate::types::int::int_from_i128(vm, id as i128))
}

fn t_count(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(crate::threads::count() as i64))
}

fn t_true(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn t_set_sentinel(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_set_sentinel", args, kw, 0, 0)?;
    let l = new_lock(vm);
    crate::threads::add_sentinel(l);
    Ok(l)
}

fn t_stack_size(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "stack_size", args, kw, 0, 1)?;
    if let Some(v) = args.first().copied().and_then(opt) {
        let n = vm.to_index(v)?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes"));
        }
    }
    Ok(vm.new_int(0))
}

fn t_exit(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(crate::vm::PyErr(vm.new_exception(vm.exc.system_exit, vec![])))
}

fn t_interrupt_main(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(crate::vm::PyErr(vm.new_exception(vm.exc.keyboard_interrupt, vec![])))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_thread",
        &[
            ("allocate_lock", t_allocate_lock),
            ("allocate", t_allocate_lock),
            ("get_ident", t_get_ident),
            ("get_native_id", t_get_native_id),
            ("start_new_thread", t_start_new_thread),
            ("start_new", t_start_new_thread),
            ("_count", t_count),
            ("daemon_threads_allowed", t_true),
            ("_set_sentinel", t_set_sentinel),
            ("stack_size", t_stack_size),
            ("exit", t_exit),
            ("exit_thread", t_exit),
            ("interrupt_main", t_interrupt_main),
        ],
    );
    let lock = new_class(vm, "_thread", "lock", vm.types.object, Layout::Other, 0);
    vm.state.borrow_mut().insert("thread.lock", lock);
    vm.add_staticmethod(lock, "__new__", lock_new);
    for (n, f) in [
        ("acquire", lock_acquire as crate::vm::NativeFn),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_exit),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("_at_fork_reinit", lock_at_fork_reinit),
        ("__repr__", lock_repr),
    ] {
        vm.add_method(lock, n, f);
    }
    set(vm, m, "LockType", lock);
    set(vm, m, "lock", lock);
    let rlock = new_class(vm, "_thread", "RLock", vm.types.object, Layout::Other, class_flags::BASETYPE);
    vm.add_staticmethod(rlock, "__new__", rlock_new);
    for (n, f) in [
        ("acquire", rlock_acquire as crate::vm::NativeFn),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_exit),
        ("_is_owned", rlock_is_owned),
        ("_recursion_count", rlock_recursion_count),
        ("_release_save", rlock_release_save),
        ("_acquire_restore", rlock_acquire_restore),
        ("_at_fork_reinit", rlock_at_fork_reinit),
        ("__repr__", rlock_repr),
    ] {
        vm.add_method(rlock, n, f);
    }
    set(vm, m, "RLock", rlock);
    // No `_local`: `threading.local` is then `_threading_local.local`, whose data is kept
    // per `threading.current_thread()`.
    let err = vm.exc.runtime_error;
    set(vm, m, "error", err);
    set(vm, m, "TIMEOUT_MAX", Value::float(9223372036.0));
    Ok(m)
}
