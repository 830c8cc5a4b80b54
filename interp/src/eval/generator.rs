//! Generators: objects over suspended frames.
//!
//! A generator owns its frame (`GenState::frame`). Resuming takes the frame out of the
//! state, runs it with `interp::execute` from the saved `(block, stmt)`, and puts it back
//! when it yields; taking it out means no `RefCell` borrow is held while Python code runs,
//! and re-entering a running generator finds no frame and `running` set.
//!
//! A frame that has never run is marked by `frame.sent == NULL` (every resume stores the
//! sent value there before running, so it is never NULL afterwards).
//!
//! `yield from` is the `YieldFrom` statement, re-executed on each resume; `yield_from_step`
//! does one step of the delegation (send, throw or close forwarded to the sub-iterator).
//! Sub-generators are resumed directly, so a `StopIteration` is only materialized for
//! iterators written in Python.

use std::cell::RefCell;

use crate::cfg::code_flags;
use crate::frame::Frame;
use crate::object::{Function, GenKind, GenState, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::interp::{self, Exit};

/// Result of one resumption.
pub(crate) enum Step {
    Yielded(Value),
    /// The generator (or sub-iterator) finished, returning this value.
    Done(Value),
}

pub(crate) enum Resume {
    Next,
    Send(Value),
    /// Raise this exception instance at the suspension point.
    Throw(Value),
}

/// A generator, coroutine or async generator object running `frame` (already bound to
/// its arguments), by the code's flags.
pub(crate) fn new_generator(vm: &mut Vm, mut frame: Box<Frame>, func: &Function) -> Value {
    let fval = frame.func;
    frame.sent = Value::NULL;
    let flags = frame.code.flags;
    let kind = match (flags & code_flags::GENERATOR != 0, flags & code_flags::COROUTINE != 0) {
        (true, true) => GenKind::AsyncGenerator,
        (false, true) => GenKind::Coroutine,
        _ => GenKind::Generator,
    };
    let class = match kind {
        GenKind::Generator => vm.types.generator,
        GenKind::Coroutine => super::coro::coroutine_type(vm),
        GenKind::AsyncGenerator => super::coro::async_generator_type(vm),
    };
    // A generator function marked by `types.coroutine` (its `__code__` replaced by a copy
    // carrying CO_ITERABLE_COROUTINE) makes generators that `await` accepts.
    let code = match kind {
        GenKind::Generator if !fval.is_null() => {
            super::function::code_override(vm, fval).unwrap_or_else(|| frame.code.clone())
        }
        _ => frame.code.clone(),
    };
    vm.alloc(
        class,
        Payload::Generator(RefCell::new(GenState {
            frame: Some(frame),
            running: false,
            name: func.name.get(),
            qualname: func.qualname.get(),
            exc_state: Value::NULL,
            kind,
            code,
            running_async: false,
            closed: false,
            hooks_inited: false,
        })),
    )
}

/// "generator", "coroutine" or "async generator" (for messages).
pub(crate) fn kind_word(kind: GenKind) -> &'static str {
    match kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// The kind of a generator-like object, or None for anything else.
pub(crate) fn gen_kind(v: Value) -> Option<GenKind> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Generator(g)) => Some(g.borrow().kind),
        _ => None,
    }
}

/// True when the suspended frame of `gen` is delegating (`yield from`/`await`), i.e. it
/// is stopped at a `YieldFrom` statement.
pub(crate) fn suspended_in_yield_from(gen: Value) -> bool {
    let Some(Payload::Generator(g)) = gen.as_obj().map(|o| &o.payload) else {
        return false;
    };
    let st = g.borrow();
    let Some(f) = st.frame.as_ref() else {
        return false;
    };
    if f.sent.is_null() {
        return false;
    }
    matches!(
        f.code.blocks.get(f.block as usize).and_then(|b| b.ops.get(f.stmt as usize)),
        Some(crate::cfg::Op::YieldFrom { .. })
    )
}

fn gen_cell<'a>(vm: &Vm, gen: &'a Value) -> PyResult<&'a RefCell<GenState>> {
    match gen.as_obj().map(|o| &o.payload) {
        Some(Payload::Generator(g)) => Ok(g),
        _ => Err(vm.type_error(format!("expected a generator, got '{}'", vm.type_tp_name(*gen)))),
    }
}

/// Resumes the generator `gen`.
pub(crate) fn resume(vm: &mut Vm, gen: Value, how: Resume) -> PyResult<Step> {
    resume_in(vm, gen, how, false)
}

/// `resume`; `direct` as in `eval::run_frame_in` (true only for `for` loops stepping a
/// generator from the interpreter loop).
pub(crate) fn resume_in(vm: &mut Vm, gen: Value, how: Resume, direct: bool) -> PyResult<Step> {
    let cell = gen_cell(vm, &gen)?;
    let mut frame = {
        let mut st = cell.borrow_mut();
        if st.running {
            return Err(vm.value_error(format!("{} already executing", kind_word(st.kind))));
        }
        match st.frame.take() {
            Some(f) => f,
            None => {
                if st.kind == GenKind::Coroutine {
                    return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
                }
                return match how {
                    Resume::Throw(e) => Err(PyErr(e)),
                    _ => Ok(Step::Done(Value::NONE)),
                };
            }
        }
    };
    let kind = cell.borrow().kind;
    let started = !frame.sent.is_null();
    match how {
        Resume::Next => frame.sent = Value::NONE,
        Resume::Send(v) => {
            if !started && !v.is_none() {
                cell.borrow_mut().frame = Some(frame);
                return Err(vm.type_error(format!("can't send non-None value to a just-started {}", kind_word(kind))));
            }
            frame.sent = v;
        }
        Resume::Throw(e) => {
            if !started {
                // Raised before the first statement: the generator is finished.
                return Err(PyErr(e));
            }
            frame.sent = e;
            frame.throw_in = true;
        }
    }
    if let Err(e) = super::enter(vm) {
        if !started {
            frame.sent = Value::NULL;
        }
        frame.throw_in = false;
        cell.borrow_mut().frame = Some(frame);
        return Err(e);
    }
    let outer = vm.handled_exc.get();
    let own = {
        let mut st = cell.borrow_mut();
        st.running = true;
        std::mem::replace(&mut st.exc_state, Value::NULL)
    };
    if !own.is_null() {
        vm.handled_exc.set(own);
        if let (true, Resume::Throw(e)) = (started, &how) {
            // `gen.throw()` chains the exception to the generator's own handled one
            // (CPython's `_PyErr_ChainStackItem`), never to the caller's.
            super::interp::set_context_to(*e, own);
        }
    }
    // The running frame is registered (for the collector's roots and `sys._getframe`).
    vm.frames.push(&*frame as *const Frame);
    if !direct {
        vm.gc.native_depth.set(vm.gc.native_depth.get() + 1);
    }
    let r = interp::execute(vm, &mut frame, started);
    if !direct {
        vm.gc.native_depth.set(vm.gc.native_depth.get() - 1);
    }
    vm.frames.pop();
    let inner = vm.handled_exc.get();
    vm.handled_exc.set(outer);
    super::leave(vm);
    let mut st = cell.borrow_mut();
    st.running = false;
    if !matches!(r, Ok(Exit::Yield(_))) {
        // The generator finished: its frame is dropped here, its slots reused.
        super::call::recycle_slots(std::mem::take(&mut frame.slots));
    }
    match r {
        Ok(Exit::Yield(v)) => {
            st.exc_state = if inner.is(outer) { Value::NULL } else { inner };
            st.frame = Some(frame);
            Ok(Step::Yielded(v))
        }
        Ok(Exit::Return(v)) => Ok(Step::Done(v)),
        Err(e) => {
            drop(st);
            let stop_async = kind == GenKind::AsyncGenerator && vm.isinstance(e.0, vm.exc.stop_async_iteration);
            if stop_async || vm.isinstance(e.0, vm.exc.stop_iteration) {
                // PEP 479: a StopIteration escaping the generator body is a bug, not the
                // end of iteration (likewise StopAsyncIteration in an async generator).
                let what = if stop_async { "StopAsyncIteration" } else { "StopIteration" };
                let r = vm.runtime_error(format!("{} raised {what}", kind_word(kind)));
                if let Some(ed) = r.0.as_obj().and_then(|o| o.as_exception()) {
                    ed.cause.set(e.0);
                    ed.context.set(e.0);
                    ed.suppress_context.set(true);
                }
                return Err(r);
            }
            Err(e)
        }
    }
}

/// `next(gen)` for an exact generator without materializing StopIteration: `Ok(None)`
/// when it is exhausted. For `Vm::next`/`ops::next` fast paths; `None` when `it` is not
/// an exact generator (then the protocol applies).
pub fn next_value(vm: &mut Vm, it: Value) -> Option<PyResult<Option<Value>>> {
    if !is_exact_generator(vm, it) {
        return None;
    }
    Some(match resume(vm, it, Resume::Next) {
        Ok(Step::Yielded(v)) => Ok(Some(v)),
        Ok(Step::Done(_)) => Ok(None),
        Err(e) => Err(e),
    })
}

/// `gen.close()`.
pub(crate) fn close(vm: &mut Vm, gen: Value) -> PyResult<()> {
    let cell = gen_cell(vm, &gen)?;
    {
        let mut st = cell.borrow_mut();
        if st.running {
            return Err(vm.value_error(format!("{} already executing", kind_word(st.kind))));
        }
        let fresh = match &st.frame {
            None => return Ok(()),
            Some(f) => f.sent.is_null(),
        };
        if fresh {
            st.frame = None;
            return Ok(());
        }
    }
    let exc = vm.new_exception(vm.exc.generator_exit, vec![]);
    let kind = cell.borrow().kind;
    match resume(vm, gen, Resume::Throw(exc)) {
        Ok(Step::Yielded(_)) => Err(vm.runtime_error(format!("{} ignored GeneratorExit", kind_word(kind)))),
        Ok(Step::Done(_)) => Ok(()),
        Err(e) if vm.isinstance(e.0, vm.exc.generator_exit) || vm.isinstance(e.0, vm.exc.stop_iteration) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The value a StopIteration carries (`.value`, else its first argument, else None).
pub(crate) fn stop_value(vm: &mut Vm, exc: Value) -> Value {
    let k = vm.intern("value");
    if let Some(a) = exc.as_obj().and_then(|o| o.attrs.as_ref()) {
        let v = if a.in_dict_mode() {
            let d = a.dict.get();
            if d.as_dict().is_some() {
                vm.dict_get_str(d, k)
            } else {
                None
            }
        } else {
            a.get_slot(k)
        };
        if let Some(v) = v {
            return v;
        }
    }
    exc.as_obj()
        .and_then(|o| o.as_exception())
        .and_then(|e| e.args.get().as_tuple().and_then(|t| t.first().copied()))
        .unwrap_or(Value::NONE)
}

fn is_exact_generator(vm: &Vm, v: Value) -> bool {
    v.as_obj().is_some_and(|o| matches!(o.payload, Payload::Generator(_)) && o.class.get().is(vm.types.generator))
}

/// A generator or coroutine object (resumed directly by `yield from`/`await`).
fn is_direct_delegate(vm: &Vm, v: Value) -> bool {
    is_exact_generator(vm, v) || gen_kind(v) == Some(GenKind::Coroutine)
}

/// Catches StopIteration from a sub-iterator step, turning it into `Done(value)`.
fn finish_on_stop(vm: &mut Vm, r: PyResult<Value>) -> PyResult<Step> {
    match r {
        Ok(v) => Ok(Step::Yielded(v)),
        Err(e) if vm.isinstance(e.0, vm.exc.stop_iteration) => Ok(Step::Done(stop_value(vm, e.0))),
        Err(e) => Err(e),
    }
}

/// One step of `yield from it`: forwards the value sent into (or the exception thrown
/// into) the delegating generator.
pub(crate) fn yield_from_step(vm: &mut Vm, it: Value, sent: Value, throw: bool) -> PyResult<Step> {
    if throw {
        let exc = sent;
        if vm.isinstance(exc, vm.exc.generator_exit) {
            // Close the sub-iterator, then let GeneratorExit unwind the delegator.
            if is_direct_delegate(vm, it) {
                close(vm, it)?;
            } else {
                let k = vm.intern("close");
                if let Some(c) = vm.get_attr_opt(it, k)? {
                    vm.call(c, &[], &[])?;
                }
            }
            return Err(PyErr(exc));
        }
        if is_direct_delegate(vm, it) {
            return resume(vm, it, Resume::Throw(exc));
        }
        let k = vm.intern("throw");
        let Some(t) = vm.get_attr_opt(it, k)? else {
            return Err(PyErr(exc));
        };
        let r = vm.call(t, &[exc], &[]);
        return finish_on_stop(vm, r);
    }
    if is_direct_delegate(vm, it) {
        let how = if sent.is_none() { Resume::Next } else { Resume::Send(sent) };
        return resume(vm, it, how);
    }
    if sent.is_none() {
        // Builtin iterators end without a value, so `vm.next` will do; user iterators and
        // the async generator awaitables may carry one in their StopIteration.
        let heap_type = vm.type_of(it).as_class().is_some_and(|c| c.has_flag(crate::object::class_flags::HEAPTYPE));
        if !heap_type && !super::coro::returns_value(it) {
            return Ok(match vm.next(it)? {
                Some(v) => Step::Yielded(v),
                None => Step::Done(Value::NONE),
            });
        }
        let k = super::attr::names().__next__;
        let ty = vm.type_of(it);
        let Some(m) = vm.lookup_type(ty, k) else {
            return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_tp_name(it))));
        };
        let r = super::call::call_unbound(vm, m, it, ty, &[], &[]);
        return finish_on_stop(vm, r);
    }
    let r = vm.call_method(it, "send", &[sent]);
    finish_on_stop(vm, r)
}

// ----- closing generators a `for` loop abandons -----

/// `fresh = for_fresh(callee, it)` after `it = iter(callee(...))` in a `for` header: True
/// when `callee` is a generator function (plain or bound), so `it` is the generator that
/// call just created and only the loop holds it. Krait has no reference counting; this is
/// how it gives CPython's behaviour of finalizing such a generator as soon as the loop is
/// left by `break`, `return` or an exception (see `lower::stmt::for_stmt`).
fn for_fresh(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (callee, it) = (args.first().copied().unwrap_or(Value::NONE), args.get(1).copied().unwrap_or(Value::NONE));
    let func = match callee.as_obj().map(|o| &o.payload) {
        Some(Payload::BoundMethod { func, .. }) => *func,
        _ => callee,
    };
    let gen_code = match func.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(f)) => {
            f.code.flags & (code_flags::GENERATOR | code_flags::COROUTINE) == code_flags::GENERATOR
        }
        _ => false,
    };
    let fresh = gen_code
        && is_exact_generator(vm, it)
        && gen_cell(vm, &it)
            .is_ok_and(|c| c.borrow().frame.as_ref().is_some_and(|f| f.sent.is_null() && f.func.is(func)));
    Ok(Value::bool(fresh))
}

/// `fresh = for_fresh_method(obj, name, it)` after `it = iter(obj.name(...))`: the same
/// as `for_fresh` when the method call found a generator function on the type (no custom
/// attribute hooks, not shadowed by an instance attribute); calling a generator function
/// runs no code, so nothing can have changed the lookup since.
fn for_fresh_method(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let [obj, name, it] = [0, 1, 2].map(|i| args.get(i).copied().unwrap_or(Value::NONE));
    let ty = vm.type_of(obj);
    if super::interp::custom_getattr(ty) || obj.as_class().is_some() {
        return Ok(Value::FALSE);
    }
    if let Some(a) = obj.as_obj().and_then(|o| o.attrs.as_ref()) {
        let shadowed = if a.in_dict_mode() {
            let d = a.dict.get();
            d.as_dict().is_none() || vm.dict_get_str(d, name).is_some()
        } else {
            a.get_slot(name).is_some()
        };
        if shadowed {
            return Ok(Value::FALSE);
        }
    }
    match vm.lookup_type(ty, name) {
        Some(f) if matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) => for_fresh(vm, &[f, it], &[]),
        _ => Ok(Value::FALSE),
    }
}

/// `for_close(it, fresh)`: closes the loop's own generator when the loop is left early.
/// Errors are reported as unraisable, as CPython's generator finalizer does.
fn for_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (it, fresh) = (args.first().copied().unwrap_or(Value::NONE), args.get(1).copied().unwrap_or(Value::FALSE));
    if !fresh.is(Value::TRUE) || !is_exact_generator(vm, it) {
        return Ok(Value::NONE);
    }
    let finished = gen_cell(vm, &it).map(|c| c.borrow().frame.is_none()).unwrap_or(true);
    if finished {
        return Ok(Value::NONE);
    }
    let saved = vm.handled_exc.get();
    let r = close(vm, it);
    vm.handled_exc.set(saved);
    if let Err(e) = r {
        crate::builtins::io::flush_all(vm);
        let what = match vm.repr(it) {
            Ok(r) => r.as_rstr().unwrap_or("?").to_owned(),
            Err(_) => "<object repr() failed>".to_owned(),
        };
        let text = super::traceback::format_unraisable(vm, e.0);
        crate::builtins::sys::write_to_sys_stream(vm, "stderr", &format!("Exception ignored in: {what}\n{text}"))?;
    }
    Ok(Value::NONE)
}

/// Hidden helpers of `for` loops: (`for_fresh`, `for_close`, `for_fresh_method`), created
/// once per VM.
pub fn for_helpers(vm: &mut Vm) -> (Value, Value, Value) {
    let mut out = [Value::NULL; 3];
    let all: [(&'static str, crate::vm::NativeFn); 3] =
        [("gen.for_fresh", for_fresh), ("gen.for_close", for_close), ("gen.for_fresh_method", for_fresh_method)];
    for (i, (key, f)) in all.into_iter().enumerate() {
        let existing = vm.state.borrow().get(key).copied();
        out[i] = match existing {
            Some(v) => v,
            None => {
                let v = vm.new_native_fn(key, f);
                vm.state.borrow_mut().insert(key, v);
                v
            }
        };
    }
    (out[0], out[1], out[2])
}

// ----- Python-visible methods -----

fn this(vm: &Vm, args: &[Value], what: &str) -> PyResult<Value> {
    match args.first() {
        Some(v) if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Generator(_))) => Ok(*v),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{what}' for 'generator' objects doesn't apply to a '{}' object",
            vm.type_tp_name(*v)
        ))),
        None => Err(vm.type_error(format!("descriptor '{what}' of 'generator' object needs an argument"))),
    }
}

fn step_result(vm: &mut Vm, s: Step) -> PyResult<Value> {
    match s {
        Step::Yielded(v) => Ok(v),
        Step::Done(v) => Err(vm.stop_iteration(v)),
    }
}

pub(crate) fn gen_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args, "__iter__")
}

pub(crate) fn gen_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "__next__")?;
    let s = resume(vm, g, Resume::Next)?;
    step_result(vm, s)
}

pub(crate) fn gen_send(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "send")?;
    vm.no_kwargs("send", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("generator.send() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let s = resume(vm, g, Resume::Send(args[1]))?;
    step_result(vm, s)
}

/// Normalizes `throw(type[, value[, tb]])` arguments to an exception instance.
pub(crate) fn throw_exception(vm: &mut Vm, typ: Value, val: Value, tb: Value) -> PyResult<Value> {
    let base = vm.exc.base_exception;
    if !tb.is_null() && !tb.is_none() {
        let is_tb = tb.as_obj().is_some_and(|o| matches!(o.payload, Payload::Traceback(_)));
        if !is_tb {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let exc = if typ.as_class().is_some() && vm.is_subclass(typ, base) {
        if !val.is_null() && !val.is_none() && vm.isinstance(val, typ) {
            val
        } else {
            let args: Vec<Value> = if val.is_null() || val.is_none() {
                vec![]
            } else if let Some(t) = val.as_tuple() {
                t.to_vec()
            } else {
                vec![val]
            };
            let e = vm.call(typ, &args, &[])?;
            if !vm.isinstance(e, base) {
                let tr = super::function::type_repr(vm, typ);
                return Err(vm.type_error(format!(
                    "calling {tr} should have returned an instance of BaseException, not {}",
                    vm.type_tp_name(e)
                )));
            }
            e
        }
    } else if vm.isinstance(typ, base) {
        if !val.is_null() && !val.is_none() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_tp_name(typ)
        )));
    };
    if !tb.is_null() && !tb.is_none() {
        if let Some(ed) = exc.as_obj().and_then(|o| o.as_exception()) {
            ed.traceback.set(tb);
        }
    }
    Ok(exc)
}

pub(crate) fn gen_throw(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "throw")?;
    vm.no_kwargs("throw", kw)?;
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!("throw expected at least 1 argument, got {}", args.len() - 1)));
    }
    let val = args.get(2).copied().unwrap_or(Value::NULL);
    let tb = args.get(3).copied().unwrap_or(Value::NULL);
    let exc = throw_exception(vm, args[1], val, tb)?;
    let s = resume(vm, g, Resume::Throw(exc))?;
    step_result(vm, s)
}

pub(crate) fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "close")?;
    close(vm, g)?;
    Ok(Value::NONE)
}

pub(crate) fn gen_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "__repr__")?;
    let (q, kind) = {
        let st = gen_cell(vm, &g)?.borrow();
        (st.qualname, st.kind)
    };
    let what = match kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    let s = format!("<{what} object {} at {:#x}>", q.as_rstr().unwrap_or("?"), g.obj_ptr() as usize);
    Ok(vm.new_string(s))
}

pub(crate) fn gi_running(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "gi_running")?;
    let r = gen_cell(vm, &g)?.borrow().running;
    Ok(Value::bool(r))
}

pub(crate) fn gi_suspended(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "gi_suspended")?;
    let r = gen_cell(vm, &g)?.borrow().frame.as_ref().is_some_and(|f| !f.sent.is_null());
    Ok(Value::bool(r))
}

pub(crate) fn gi_frame(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "gi_frame")?;
    let info = {
        let st = gen_cell(vm, &g)?.borrow();
        st.frame.as_ref().map(|f| {
            let line = if f.sent.is_null() {
                f.code.first_line
            } else {
                f.code
                    .blocks
                    .get(f.block as usize)
                    .and_then(|b| b.spans.get(f.stmt as usize))
                    .map(|&s| f.code.line_of_span(s))
                    .unwrap_or(f.code.first_line)
            };
            (f.code.clone(), line, f.globals)
        })
    };
    match info {
        Some((code, line, globals)) => Ok(super::function::new_frame_object(vm, code, line, globals, Value::NONE)),
        None => Ok(Value::NONE),
    }
}

pub(crate) fn gi_code(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "gi_code")?;
    let code = gen_cell(vm, &g)?.borrow().code.clone();
    Ok(vm.alloc(vm.types.code, Payload::Code(code)))
}

pub(crate) fn gi_yieldfrom(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "gi_yieldfrom")?;
    let st = gen_cell(vm, &g)?.borrow();
    let Some(f) = st.frame.as_ref() else {
        return Ok(Value::NONE);
    };
    if f.sent.is_null() {
        return Ok(Value::NONE);
    }
    let op = f.code.blocks.get(f.block as usize).and_then(|b| b.ops.get(f.stmt as usize));
    Ok(match op {
        Some(crate::cfg::Op::YieldFrom { iter, .. }) => match *iter {
            crate::cfg::Opnd::Slot(s) | crate::cfg::Opnd::Local(s) => {
                f.slots.get(s as usize).copied().unwrap_or(Value::NONE)
            }
            crate::cfg::Opnd::Const(c) => f.code.consts.get(c as usize).copied().unwrap_or(Value::NONE),
        },
        _ => Value::NONE,
    })
}

pub(crate) fn gen_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "__name__")?;
    let r = gen_cell(vm, &g)?.borrow().name;
    Ok(r)
}

pub(crate) fn gen_set_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "__name__")?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    if v.as_pystr().is_none() {
        return Err(vm.type_error("__name__ must be set to a string object"));
    }
    gen_cell(vm, &g)?.borrow_mut().name = v;
    Ok(Value::NONE)
}

pub(crate) fn gen_qualname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "__qualname__")?;
    let r = gen_cell(vm, &g)?.borrow().qualname;
    Ok(r)
}

pub(crate) fn gen_set_qualname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this(vm, args, "__qualname__")?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    if v.as_pystr().is_none() {
        return Err(vm.type_error("__qualname__ must be set to a string object"));
    }
    gen_cell(vm, &g)?.borrow_mut().qualname = v;
    Ok(Value::NONE)
}

pub fn init(vm: &mut Vm) {
    let g = vm.types.generator;
    vm.add_method(g, "__iter__", gen_iter);
    vm.add_method(g, "__next__", gen_next);
    vm.add_method(g, "send", gen_send);
    vm.add_method(g, "throw", gen_throw);
    vm.add_method(g, "close", gen_close);
    vm.add_method(g, "__repr__", gen_repr);
    vm.add_getter(g, "gi_running", gi_running);
    vm.add_getter(g, "gi_suspended", gi_suspended);
    vm.add_getter(g, "gi_frame", gi_frame);
    vm.add_getter(g, "gi_code", gi_code);
    vm.add_getter(g, "gi_yieldfrom", gi_yieldfrom);
    vm.add_property(g, "__name__", gen_name, Some(gen_set_name));
    vm.add_property(g, "__qualname__", gen_qualname, Some(gen_set_qualname));
}
