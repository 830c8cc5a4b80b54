//! Coroutines and async generators, on top of the generator machinery (`generator.rs`).
//!
//! A coroutine is a generator object (`Payload::Generator`, `GenKind::Coroutine`) of
//! class `coroutine`; `await x` is lowered to `t = <get_awaitable>(x); dst = yield from t`,
//! where `<get_awaitable>` is one of the hidden native helpers below (a constant of the
//! code object), so awaiting needs no statement kinds of its own.
//!
//! An async generator (`GenKind::AsyncGenerator`) suspends for two reasons: at a `Yield`
//! statement (an "async yield": the value goes to whoever iterates it with `async for`) and
//! at a `YieldFrom` (an `await` inside it: the value goes up to the event loop). The
//! suspension point tells them apart, so no wrapper objects are needed. The awaitables
//! returned by `__anext__`/`asend`/`athrow`/`aclose` (`async_generator_asend` and
//! `async_generator_athrow`) drive the generator and turn an async yield into
//! `StopIteration(value)` for their awaiter, as CPython's do.

use std::cell::Cell;

use crate::cfg::code_flags;
use crate::object::{GenKind, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::generator::{self, gen_kind, Resume, Step};

type Kw<'a> = &'a [(Value, Value)];

fn extra(vm: &Vm, name: &'static str) -> Value {
    vm.extra_types.get(name).copied().unwrap_or(vm.types.object)
}

pub(crate) fn coroutine_type(vm: &Vm) -> Value {
    extra(vm, "coroutine")
}

pub(crate) fn async_generator_type(vm: &Vm) -> Value {
    extra(vm, "async_generator")
}

// ----- hidden helpers called by lowered code -----

/// Which hidden helper the lowering wants.
#[derive(Clone, Copy)]
pub enum Helper {
    /// `await x`
    Await,
    /// the `await` of `__aenter__()`'s result in `async with`
    AwaitAenter,
    /// the `await` of `__aexit__()`'s result in `async with`
    AwaitAexit,
    /// `async for`: `aiter(x)` with its checks
    GetAiter,
    /// `async for`: the awaitable of `anext(it)`
    GetAnext,
}

/// The native function for `h`, created once per VM (kept in `vm.state`).
pub fn helper(vm: &mut Vm, h: Helper) -> Value {
    let (key, f): (&'static str, crate::vm::NativeFn) = match h {
        Helper::Await => ("coro.await", h_await),
        Helper::AwaitAenter => ("coro.await_aenter", h_await_aenter),
        Helper::AwaitAexit => ("coro.await_aexit", h_await_aexit),
        Helper::GetAiter => ("coro.get_aiter", h_get_aiter),
        Helper::GetAnext => ("coro.get_anext", h_get_anext),
    };
    if let Some(v) = vm.state.borrow().get(key) {
        return *v;
    }
    let v = vm.new_native_fn(key, f);
    vm.state.borrow_mut().insert(key, v);
    v
}

fn arg0(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    args.first().copied().ok_or_else(|| vm.type_error("missing argument"))
}

fn h_await(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg0(vm, args)?;
    get_awaitable(vm, x, 0)
}

fn h_await_aenter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg0(vm, args)?;
    get_awaitable(vm, x, 1)
}

fn h_await_aexit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg0(vm, args)?;
    get_awaitable(vm, x, 2)
}

/// True for a native coroutine or a generator marked with CO_ITERABLE_COROUTINE.
fn is_coroutine_like(v: Value) -> bool {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Generator(g)) => {
            let st = g.borrow();
            st.kind == GenKind::Coroutine
                || (st.kind == GenKind::Generator && st.code.flags & code_flags::ITERABLE_COROUTINE != 0)
        }
        _ => false,
    }
}

/// CPython's `_PyCoro_GetAwaitableIter`: the iterator `await` delegates to.
pub(crate) fn awaitable_iter(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if is_coroutine_like(x) {
        return Ok(x);
    }
    let ty = vm.type_of(x);
    let k = vm.intern("__await__");
    let Some(m) = vm.lookup_type(ty, k) else {
        return Err(vm.type_error(format!("object {} can't be used in 'await' expression", vm.type_tp_name(x))));
    };
    let res = super::call::call_unbound(vm, m, x, ty, &[], &[])?;
    if is_coroutine_like(res) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    let rt = vm.type_of(res);
    let kn = super::attr::names().__next__;
    if vm.lookup_type(rt, kn).is_none() {
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{}'", vm.type_tp_name(res))));
    }
    Ok(res)
}

/// `GET_AWAITABLE`: `ctx` 0 for `await`, 1 for `__aenter__`'s result, 2 for `__aexit__`'s.
fn get_awaitable(vm: &mut Vm, x: Value, ctx: u8) -> PyResult<Value> {
    let it = match awaitable_iter(vm, x) {
        Ok(it) => it,
        Err(e) => {
            let ty = vm.type_of(x);
            let k = vm.intern("__await__");
            if ctx != 0 && vm.lookup_type(ty, k).is_none() {
                let which = if ctx == 1 { "__aenter__" } else { "__aexit__" };
                return Err(vm.type_error(format!(
                    "'async with' received an object from {which} that does not implement __await__: {}",
                    vm.type_tp_name(x)
                )));
            }
            return Err(e);
        }
    };
    if gen_kind(it) == Some(GenKind::Coroutine) && generator::suspended_in_yield_from(it) {
        return Err(vm.runtime_error("coroutine is being awaited already"));
    }
    Ok(it)
}

fn h_get_aiter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg0(vm, args)?;
    let ty = vm.type_of(x);
    let k = vm.intern("__aiter__");
    let Some(m) = vm.lookup_type(ty, k) else {
        return Err(
            vm.type_error(format!("'async for' requires an object with __aiter__ method, got {}", vm.type_tp_name(x)))
        );
    };
    let it = super::call::call_unbound(vm, m, x, ty, &[], &[])?;
    let it_ty = vm.type_of(it);
    let kn = vm.intern("__anext__");
    if vm.lookup_type(it_ty, kn).is_none() {
        return Err(vm.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            vm.type_tp_name(it)
        )));
    }
    Ok(it)
}

fn h_get_anext(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let it = arg0(vm, args)?;
    if gen_kind(it) == Some(GenKind::AsyncGenerator) {
        init_hooks(vm, it)?;
        return Ok(new_asend(vm, it, Value::NONE));
    }
    let ty = vm.type_of(it);
    let kn = vm.intern("__anext__");
    let Some(m) = vm.lookup_type(ty, kn) else {
        return Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_tp_name(it)
        )));
    };
    let next = super::call::call_unbound(vm, m, it, ty, &[], &[])?;
    match awaitable_iter(vm, next) {
        Ok(a) => Ok(a),
        Err(e) => {
            let err = vm.type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                vm.type_tp_name(next)
            ));
            if let Some(ed) = err.0.as_obj().and_then(|o| o.as_exception()) {
                ed.cause.set(e.0);
                ed.context.set(e.0);
                ed.suppress_context.set(true);
            }
            Err(err)
        }
    }
}

/// True for the native awaitables whose StopIteration carries a value (`asend`, `athrow`,
/// `coroutine_wrapper`).
pub(crate) fn returns_value(it: Value) -> bool {
    it.as_obj().is_some_and(|o| {
        o.native::<ASend>().is_some() || o.native::<AThrow>().is_some() || o.native::<CoroWrapper>().is_some()
    })
}

// ----- coroutine objects -----

fn this_kind(vm: &Vm, args: &[Value], what: &str, kind: GenKind, tname: &str) -> PyResult<Value> {
    match args.first() {
        Some(v) if gen_kind(*v) == Some(kind) => Ok(*v),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{what}' for '{tname}' objects doesn't apply to a '{}' object",
            vm.type_tp_name(*v)
        ))),
        None => Err(vm.type_error(format!("descriptor '{what}' of '{tname}' object needs an argument"))),
    }
}

/// A `coroutine_wrapper`: what `coro.__await__()` returns (an iterator over the coroutine).
struct CoroWrapper {
    coro: Value,
}

crate::impl_native!(CoroWrapper, |s, visit| {
    visit(s.coro);
});

fn coro_await(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let c = this_kind(vm, args, "__await__", GenKind::Coroutine, "coroutine")?;
    let cls = extra(vm, "coroutine_wrapper");
    Ok(vm.new_native(cls, CoroWrapper { coro: c }))
}

fn wrapper_coro(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    args.first()
        .and_then(|v| v.as_obj())
        .and_then(|o| o.native::<CoroWrapper>())
        .map(|w| w.coro)
        .ok_or_else(|| vm.type_error("expected a coroutine_wrapper"))
}

fn cw_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    wrapper_coro(vm, args)?;
    Ok(args[0])
}

fn cw_next(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = wrapper_coro(vm, args)?;
    generator::gen_next(vm, &[c], kw)
}

fn cw_send(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = wrapper_coro(vm, args)?;
    let mut a = vec![c];
    a.extend_from_slice(&args[1..]);
    generator::gen_send(vm, &a, kw)
}

fn cw_throw(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = wrapper_coro(vm, args)?;
    let mut a = vec![c];
    a.extend_from_slice(&args[1..]);
    generator::gen_throw(vm, &a, kw)
}

fn cw_close(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = wrapper_coro(vm, args)?;
    generator::gen_close(vm, &[c], kw)
}

// ----- async generator objects -----

/// Runs `f` on the state of async generator `g`.
fn with_agen<R>(g: Value, f: impl FnOnce(&mut crate::object::GenState) -> R) -> Option<R> {
    match g.as_obj().map(|o| &o.payload) {
        Some(Payload::Generator(c)) => Some(f(&mut c.borrow_mut())),
        _ => None,
    }
}

fn set_running_async(g: Value, on: bool) {
    with_agen(g, |st| st.running_async = on);
}

/// True when the async generator last suspended at an async `yield` (not at an `await`).
fn at_async_yield(g: Value) -> bool {
    with_agen(g, |st| {
        st.frame.as_ref().is_some_and(|f| {
            matches!(
                f.code.blocks.get(f.block as usize).and_then(|b| b.ops.get(f.stmt as usize)),
                Some(crate::cfg::Op::Yield { .. })
            )
        })
    })
    .unwrap_or(false)
}

/// One resumption of an async generator, as CPython's `async_gen_unwrap_value` sees it:
/// `Ok(v)` when it awaits something (v goes to the event loop); an async yield becomes
/// `StopIteration(value)`; finishing becomes `StopAsyncIteration`.
fn agen_step(vm: &mut Vm, g: Value, how: Resume) -> PyResult<Value> {
    let r = generator::resume(vm, g, how);
    unwrap_value(vm, g, r)
}

fn unwrap_value(vm: &mut Vm, g: Value, r: PyResult<Step>) -> PyResult<Value> {
    match r {
        Ok(Step::Yielded(v)) => {
            if at_async_yield(g) {
                set_running_async(g, false);
                Err(vm.stop_iteration(v))
            } else {
                Ok(v)
            }
        }
        Ok(Step::Done(_)) => {
            with_agen(g, |st| {
                st.closed = true;
                st.running_async = false;
            });
            Err(PyErr(vm.new_exception(vm.exc.stop_async_iteration, vec![])))
        }
        Err(e) => {
            let closing = vm.isinstance(e.0, vm.exc.stop_async_iteration) || vm.isinstance(e.0, vm.exc.generator_exit);
            with_agen(g, |st| {
                if closing {
                    st.closed = true;
                }
                st.running_async = false;
            });
            Err(e)
        }
    }
}

/// Before an async generator's first `__anext__`/`asend`/`athrow`/`aclose`: calls the
/// firstiter hook of `sys.set_asyncgen_hooks` (how asyncio tracks async generators so that
/// `loop.shutdown_asyncgens()` can close them). The finalizer hook is not called: Krait's
/// collector does not finalize suspended async generators.
fn init_hooks(vm: &mut Vm, g: Value) -> PyResult<()> {
    let first = with_agen(g, |st| !std::mem::replace(&mut st.hooks_inited, true)).unwrap_or(false);
    if !first {
        return Ok(());
    }
    let hook = vm.state.borrow().get(crate::builtins::sys::ASYNCGEN_FIRSTITER).copied();
    match hook {
        Some(h) if !h.is_none() => vm.call(h, &[g], &[]).map(|_| ()),
        _ => Ok(()),
    }
}

fn ag_aiter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    this_kind(vm, args, "__aiter__", GenKind::AsyncGenerator, "async_generator")
}

fn ag_anext(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = this_kind(vm, args, "__anext__", GenKind::AsyncGenerator, "async_generator")?;
    init_hooks(vm, g)?;
    Ok(new_asend(vm, g, Value::NONE))
}

fn ag_asend(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let g = this_kind(vm, args, "asend", GenKind::AsyncGenerator, "async_generator")?;
    vm.no_kwargs("asend", kw)?;
    if args.len() != 2 {
        return Err(
            vm.type_error(format!("async_generator.asend() takes exactly one argument ({} given)", args.len() - 1))
        );
    }
    init_hooks(vm, g)?;
    Ok(new_asend(vm, g, args[1]))
}

fn ag_athrow(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let g = this_kind(vm, args, "athrow", GenKind::AsyncGenerator, "async_generator")?;
    vm.no_kwargs("athrow", kw)?;
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!("athrow expected at least 1 argument, got {}", args.len() - 1)));
    }
    init_hooks(vm, g)?;
    let t = vm.new_tuple(args[1..].to_vec());
    Ok(new_athrow(vm, g, t))
}

fn ag_aclose(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = this_kind(vm, args, "aclose", GenKind::AsyncGenerator, "async_generator")?;
    init_hooks(vm, g)?;
    Ok(new_athrow(vm, g, Value::NULL))
}

fn ag_running(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = this_kind(vm, args, "ag_running", GenKind::AsyncGenerator, "async_generator")?;
    Ok(Value::bool(with_agen(g, |st| st.running_async).unwrap_or(false)))
}

// ----- asend / athrow awaitables -----

const INIT: u8 = 0;
const ITER: u8 = 1;
const CLOSED: u8 = 2;

struct ASend {
    gen: Value,
    sendval: Value,
    state: Cell<u8>,
}

crate::impl_native!(ASend, |s, visit| {
    visit(s.gen);
    visit(s.sendval);
});

struct AThrow {
    gen: Value,
    /// The `athrow` arguments as a tuple, or NULL for `aclose()`.
    args: Value,
    state: Cell<u8>,
}

crate::impl_native!(AThrow, |s, visit| {
    visit(s.gen);
    visit(s.args);
});

fn new_asend(vm: &mut Vm, gen: Value, sendval: Value) -> Value {
    let cls = extra(vm, "async_generator_asend");
    vm.new_native(cls, ASend { gen, sendval, state: Cell::new(INIT) })
}

fn new_athrow(vm: &mut Vm, gen: Value, args: Value) -> Value {
    let cls = extra(vm, "async_generator_athrow");
    vm.new_native(cls, AThrow { gen, args, state: Cell::new(INIT) })
}

fn asend_of<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a ASend> {
    args.first()
        .and_then(|v| v.as_obj())
        .and_then(|o| o.native::<ASend>())
        .ok_or_else(|| vm.type_error("expected an async_generator_asend object"))
}

fn athrow_of<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a AThrow> {
    args.first()
        .and_then(|v| v.as_obj())
        .and_then(|o| o.native::<AThrow>())
        .ok_or_else(|| vm.type_error("expected an async_generator_athrow object"))
}

fn self_iter(_vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(args.first().copied().unwrap_or(Value::NONE))
}

fn asend_send_impl(vm: &mut Vm, a: &ASend, mut arg: Value) -> PyResult<Value> {
    let g = a.gen;
    match a.state.get() {
        CLOSED => return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()")),
        INIT => {
            if with_agen(g, |st| st.running_async).unwrap_or(false) {
                a.state.set(CLOSED);
                return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
            }
            if arg.is_none() {
                arg = a.sendval;
            }
            a.state.set(ITER);
        }
        _ => {}
    }
    set_running_async(g, true);
    let how = if arg.is_none() { Resume::Next } else { Resume::Send(arg) };
    let r = agen_step(vm, g, how);
    if r.is_err() {
        a.state.set(CLOSED);
    }
    r
}

fn asend_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let a = asend_of(vm, args)?;
    asend_send_impl(vm, a, Value::NONE)
}

fn asend_send(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = asend_of(vm, args)?;
    vm.no_kwargs("send", kw)?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    asend_send_impl(vm, a, v)
}

/// Normalized exception of `throw(typ[, val[, tb]])` arguments.
fn throw_args(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 3 {
        return Err(vm.type_error(format!("throw expected at least 1 argument, got {}", args.len())));
    }
    let val = args.get(1).copied().unwrap_or(Value::NULL);
    let tb = args.get(2).copied().unwrap_or(Value::NULL);
    generator::throw_exception(vm, args[0], val, tb)
}

fn asend_throw(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = asend_of(vm, args)?;
    vm.no_kwargs("throw", kw)?;
    if a.state.get() == CLOSED {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let exc = throw_args(vm, &args[1..])?;
    let r = agen_step(vm, a.gen, Resume::Throw(exc));
    if r.is_err() {
        a.state.set(CLOSED);
    }
    r
}

fn asend_close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let a = asend_of(vm, args)?;
    a.state.set(CLOSED);
    Ok(Value::NONE)
}

fn gen_finished(g: Value) -> bool {
    with_agen(g, |st| st.frame.is_none()).unwrap_or(true)
}

/// aclose() mode: an async yield in answer to GeneratorExit is an error.
fn yield_close(vm: &mut Vm, t: &AThrow) -> PyErr {
    set_running_async(t.gen, false);
    t.state.set(CLOSED);
    vm.runtime_error("async generator ignored GeneratorExit")
}

/// The error path shared by athrow's send: StopAsyncIteration/GeneratorExit end aclose()
/// quietly (StopIteration for its awaiter).
fn athrow_check_error(vm: &mut Vm, t: &AThrow, e: PyErr) -> PyErr {
    set_running_async(t.gen, false);
    t.state.set(CLOSED);
    let closing = vm.isinstance(e.0, vm.exc.stop_async_iteration) || vm.isinstance(e.0, vm.exc.generator_exit);
    if closing && t.args.is_null() {
        return PyErr(vm.new_exception(vm.exc.stop_iteration, vec![]));
    }
    e
}

fn athrow_send_impl(vm: &mut Vm, t: &AThrow, arg: Value) -> PyResult<Value> {
    let g = t.gen;
    if t.state.get() == CLOSED {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if gen_finished(g) {
        t.state.set(CLOSED);
        return Err(PyErr(vm.new_exception(vm.exc.stop_iteration, vec![])));
    }
    if t.state.get() == INIT {
        if with_agen(g, |st| st.running_async).unwrap_or(false) {
            t.state.set(CLOSED);
            let which = if t.args.is_null() { "aclose" } else { "athrow" };
            return Err(vm.runtime_error(format!("{which}(): asynchronous generator is already running")));
        }
        if with_agen(g, |st| st.closed).unwrap_or(false) {
            t.state.set(CLOSED);
            return Err(PyErr(vm.new_exception(vm.exc.stop_async_iteration, vec![])));
        }
        if !arg.is_none() {
            return Err(vm.runtime_error("can't send non-None value to a just-started coroutine"));
        }
        t.state.set(ITER);
        set_running_async(g, true);
        if t.args.is_null() {
            with_agen(g, |st| st.closed = true);
            let exc = vm.new_exception(vm.exc.generator_exit, vec![]);
            return match generator::resume(vm, g, Resume::Throw(exc)) {
                Ok(Step::Yielded(v)) => {
                    if at_async_yield(g) {
                        Err(yield_close(vm, t))
                    } else {
                        Ok(v)
                    }
                }
                Ok(Step::Done(_)) => {
                    let e = PyErr(vm.new_exception(vm.exc.stop_async_iteration, vec![]));
                    Err(athrow_check_error(vm, t, e))
                }
                Err(e) => Err(athrow_check_error(vm, t, e)),
            };
        }
        let targs: Vec<Value> = t.args.as_tuple().map(|x| x.to_vec()).unwrap_or_default();
        let exc = throw_args(vm, &targs)?;
        let r = agen_step(vm, g, Resume::Throw(exc));
        return r.map_err(|e| athrow_check_error(vm, t, e));
    }
    let how = if arg.is_none() { Resume::Next } else { Resume::Send(arg) };
    if !t.args.is_null() {
        return agen_step(vm, g, how);
    }
    match generator::resume(vm, g, how) {
        Ok(Step::Yielded(v)) => {
            if at_async_yield(g) {
                Err(yield_close(vm, t))
            } else {
                Ok(v)
            }
        }
        Ok(Step::Done(_)) => {
            let e = PyErr(vm.new_exception(vm.exc.stop_async_iteration, vec![]));
            Err(athrow_check_error(vm, t, e))
        }
        Err(e) => Err(athrow_check_error(vm, t, e)),
    }
}

fn athrow_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = athrow_of(vm, args)?;
    athrow_send_impl(vm, t, Value::NONE)
}

fn athrow_send(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = athrow_of(vm, args)?;
    vm.no_kwargs("send", kw)?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    athrow_send_impl(vm, t, v)
}

fn athrow_throw(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = athrow_of(vm, args)?;
    vm.no_kwargs("throw", kw)?;
    if t.state.get() == CLOSED {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let exc = throw_args(vm, &args[1..])?;
    let g = t.gen;
    if !t.args.is_null() {
        return agen_step(vm, g, Resume::Throw(exc));
    }
    match generator::resume(vm, g, Resume::Throw(exc)) {
        Ok(Step::Yielded(v)) => {
            if at_async_yield(g) {
                Err(yield_close(vm, t))
            } else {
                Ok(v)
            }
        }
        Ok(Step::Done(_)) => Err(PyErr(vm.new_exception(vm.exc.stop_iteration, vec![]))),
        Err(e) => {
            if vm.isinstance(e.0, vm.exc.stop_async_iteration) || vm.isinstance(e.0, vm.exc.generator_exit) {
                Err(PyErr(vm.new_exception(vm.exc.stop_iteration, vec![])))
            } else {
                Err(e)
            }
        }
    }
}

fn athrow_close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = athrow_of(vm, args)?;
    t.state.set(CLOSED);
    Ok(Value::NONE)
}

pub fn init(vm: &mut Vm) {
    use crate::object::Layout;
    let object = vm.types.object;
    let c = vm.new_builtin_class("coroutine", object, Layout::Other, 0);
    vm.add_method(c, "send", generator::gen_send);
    vm.add_method(c, "throw", generator::gen_throw);
    vm.add_method(c, "close", generator::gen_close);
    vm.add_method(c, "__await__", coro_await);
    vm.add_method(c, "__repr__", generator::gen_repr);
    vm.add_getter(c, "cr_running", generator::gi_running);
    vm.add_getter(c, "cr_suspended", generator::gi_suspended);
    vm.add_getter(c, "cr_frame", generator::gi_frame);
    vm.add_getter(c, "cr_code", generator::gi_code);
    vm.add_getter(c, "cr_await", generator::gi_yieldfrom);
    vm.add_getter(c, "cr_origin", |_vm, _a, _k| Ok(Value::NONE));
    vm.add_property(c, "__name__", generator::gen_name, Some(generator::gen_set_name));
    vm.add_property(c, "__qualname__", generator::gen_qualname, Some(generator::gen_set_qualname));

    let w = vm.new_builtin_class("coroutine_wrapper", object, Layout::Other, 0);
    vm.add_method(w, "__iter__", cw_iter);
    vm.add_method(w, "__next__", cw_next);
    vm.add_method(w, "send", cw_send);
    vm.add_method(w, "throw", cw_throw);
    vm.add_method(w, "close", cw_close);

    let a = vm.new_builtin_class("async_generator", object, Layout::Other, 0);
    vm.add_method(a, "__aiter__", ag_aiter);
    vm.add_method(a, "__anext__", ag_anext);
    vm.add_method(a, "asend", ag_asend);
    vm.add_method(a, "athrow", ag_athrow);
    vm.add_method(a, "aclose", ag_aclose);
    vm.add_method(a, "__repr__", generator::gen_repr);
    vm.add_getter(a, "ag_running", ag_running);
    vm.add_getter(a, "ag_frame", generator::gi_frame);
    vm.add_getter(a, "ag_code", generator::gi_code);
    vm.add_getter(a, "ag_await", generator::gi_yieldfrom);
    vm.add_property(a, "__name__", generator::gen_name, Some(generator::gen_set_name));
    vm.add_property(a, "__qualname__", generator::gen_qualname, Some(generator::gen_set_qualname));

    let s = vm.new_builtin_class("async_generator_asend", object, Layout::Other, 0);
    vm.add_method(s, "__await__", self_iter);
    vm.add_method(s, "__iter__", self_iter);
    vm.add_method(s, "__next__", asend_next);
    vm.add_method(s, "send", asend_send);
    vm.add_method(s, "throw", asend_throw);
    vm.add_method(s, "close", asend_close);

    let t = vm.new_builtin_class("async_generator_athrow", object, Layout::Other, 0);
    vm.add_method(t, "__await__", self_iter);
    vm.add_method(t, "__iter__", self_iter);
    vm.add_method(t, "__next__", athrow_next);
    vm.add_method(t, "send", athrow_send);
    vm.add_method(t, "throw", athrow_throw);
    vm.add_method(t, "close", athrow_close);
}
