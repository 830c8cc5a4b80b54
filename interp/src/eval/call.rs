//! Calling: Python functions (argument binding), natives, bound methods, classes, and
//! objects with `__call__`.
//!
//! The Python-function path allocates nothing but the new frame's slot vector: arguments
//! are copied straight into the parameter slots, and a bound method's `self` is passed
//! alongside the arguments instead of being prepended into a new vector. Binding follows
//! CPython's `initialize_locals` step by step so the TypeError messages (and which one
//! wins when several apply) are the same.

use std::cell::Cell;

use crate::cfg::{code_flags, Code};
use crate::frame::Frame;
use crate::object::{Function, NativeKind, Payload};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{generator, interp};

/// Calls `f` with `first` prepended to `rest`, without allocating for short argument lists.
#[inline]
pub(crate) fn with_prepended<R>(first: Value, rest: &[Value], f: impl FnOnce(&[Value]) -> R) -> R {
    if rest.len() < 8 {
        let mut buf = [Value::NULL; 8];
        buf[0] = first;
        buf[1..=rest.len()].copy_from_slice(rest);
        f(&buf[..=rest.len()])
    } else {
        let mut v = Vec::with_capacity(rest.len() + 1);
        v.push(first);
        v.extend_from_slice(rest);
        f(&v)
    }
}

/// `f(*args, **kwargs)`.
pub fn call(vm: &mut Vm, f: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    super::check_stack(vm)?;
    if let Some(o) = f.as_obj() {
        match &o.payload {
            Payload::Function(func) => return call_function(vm, f, func, None, args, kwargs),
            Payload::NativeFunction(nf) => {
                if !nf.bound.is_null() {
                    let nf_f = nf.f;
                    return with_prepended(nf.bound, args, |a| nf_f(vm, a, kwargs));
                }
                if nf.kind == NativeKind::Method && nf.owner.as_class().is_some() {
                    check_unbound_self(vm, nf.name, nf.owner, args)?;
                }
                return (nf.f)(vm, args, kwargs);
            }
            Payload::BoundMethod { func, obj } => {
                let (func, obj) = (*func, *obj);
                if let Some(Payload::Function(fd)) = func.as_obj().map(|o| &o.payload) {
                    return call_function(vm, func, fd, Some(obj), args, kwargs);
                }
                return with_prepended(obj, args, |a| call(vm, func, a, kwargs));
            }
            Payload::Class(_) => {
                if let Some(r) = call_class(vm, f, args, kwargs, false) {
                    return r;
                }
            }
            _ => {}
        }
    }
    let ty = vm.type_of(f);
    let name = super::attr::names().__call__;
    match vm.lookup_type(ty, name) {
        Some(c) => {
            // CPython counts calls through `tp_call` (classes, instances with `__call__`)
            // as a recursion level of their own, besides the frame they run.
            let d = vm.depth.get() + 1;
            if d > vm.recursion_limit.get() {
                return Err(vm.recursion_error("maximum recursion depth exceeded while calling a Python object"));
            }
            vm.depth.set(d);
            let r = call_unbound(vm, c, f, ty, args, kwargs);
            super::leave(vm);
            r
        }
        None => Err(vm.type_error(format!("'{}' object is not callable", vm.type_tp_name(f)))),
    }
}

/// `call` from the interpreter loop's `Call` statements: the collector's audited path
/// (see `crate::gc`). Python functions (and bound methods of Python functions) called from
/// here run as "direct" frames, whose safepoints may collect; `gc.collect()` collects
/// right here. Every other callable takes the ordinary path.
#[inline]
pub(crate) fn call_from_loop(vm: &mut Vm, f: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    if let Some(o) = f.as_obj() {
        match &o.payload {
            Payload::Function(func) => return call_function_in(vm, f, func, None, args, kwargs, true),
            Payload::BoundMethod { func, obj } => {
                let (func, obj) = (*func, *obj);
                if let Some(Payload::Function(fd)) = func.as_obj().map(|o| &o.payload) {
                    return call_function_in(vm, func, fd, Some(obj), args, kwargs, true);
                }
            }
            Payload::Class(_) => {
                if let Some(r) = call_class(vm, f, args, kwargs, true) {
                    return r;
                }
            }
            Payload::NativeFunction(_) if f.is(vm.gc.collect_fn.get()) => {
                crate::gc::module::check_collect_args(vm, args, kwargs)?;
                clear_dead_temps(vm);
                let n = crate::gc::collect_from_loop(vm);
                return Ok(vm.new_int(n as i64));
            }
            _ => {}
        }
    }
    call(vm, f, args, kwargs)
}

/// Before `gc.collect()` runs from the interpreter loop: clears the temporaries of the
/// calling frame that no later statement reads (slot liveness, `jit::liveness`), so an
/// object whose last name was just deleted (`x = C(); del x; gc.collect()`) is freed
/// there, as CPython's reference counts free it, instead of staying alive in a temporary
/// left over from finished work. The call's own result slot is cleared too (it is written
/// when the call returns); its arguments were copied out before the call. Iterators,
/// context managers and saved exceptions of enclosing statements are live, so they stay.
fn clear_dead_temps(vm: &Vm) {
    let Some(fp) = vm.frames.borrow().last().copied() else {
        return;
    };
    // SAFETY: `vm.frames` holds the frames the eval loop is running; the last one is the
    // frame whose `Call` statement led here, alive, unmoved, and not used by its loop
    // until this call returns. Only temporaries no statement reads again are written.
    let f = unsafe { &mut *fp.cast_mut() };
    let code = f.code.clone();
    let Some(op) = code.blocks.get(f.block as usize).and_then(|b| b.ops.get(f.stmt as usize)) else {
        return;
    };
    let dst = match op {
        crate::cfg::Op::Call { dst, .. } | crate::cfg::Op::CallMethod { dst, .. } => *dst as usize,
        _ => return,
    };
    let live = crate::jit::liveness::Liveness::new(&code).at(&code, f.block, f.stmt + 1);
    let named = code.slot_names.len();
    for (s, v) in f.slots.iter_mut().enumerate().skip(named) {
        if s == dst || !live.get(s).copied().unwrap_or(true) {
            *v = Value::NULL;
        }
    }
}

/// `cls(*args, **kwargs)` for a class whose metaclass is exactly `type`, without looking
/// up and calling `type.__call__`: the common instantiation (a Python class with
/// `object.__new__` and a Python `__init__` or none) runs directly, every other class
/// through `class::call_type`. `None` when the metaclass is not `type` (the generic
/// `__call__` path applies).
#[inline]
fn call_class(
    vm: &mut Vm,
    cls: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
    direct: bool,
) -> Option<PyResult<Value>> {
    if !vm.type_of(cls).is(vm.types.type_) {
        return None;
    }
    // CPython counts calls through `tp_call` as a recursion level of their own; builtin
    // classes with a vectorcall entry are called without one.
    let counted = class_call_counted(vm, cls, args, kwargs);
    if counted {
        let d = vm.depth.get() + 1;
        if d > vm.recursion_limit.get() {
            return Some(Err(vm.recursion_error("maximum recursion depth exceeded while calling a Python object")));
        }
        vm.depth.set(d);
    } else if cls.is(vm.types.range) {
        // `range()` compares its arguments with `PyObject_RichCompare`.
        if let Err(e) = super::ops::check_level(vm, " in comparison") {
            return Some(Err(e));
        }
    }
    if let Err(e) = super::check_stack(vm) {
        if counted {
            super::leave(vm);
        }
        return Some(Err(e));
    }
    let r = match plain_init(vm, cls, args.is_empty() && kwargs.is_empty()) {
        Some(init) => {
            let obj = vm.alloc(cls, Payload::Object);
            match init.as_obj().map(|o| &o.payload) {
                Some(Payload::Function(fd)) => match call_function_in(vm, init, fd, Some(obj), args, kwargs, direct) {
                    Ok(r) if r.is_none() => Ok(obj),
                    Ok(r) => Err(vm.type_error(format!("__init__() should return None, not '{}'", vm.type_tp_name(r)))),
                    Err(e) => Err(e),
                },
                // `object.__init__`, and `plain_init` checked there are no arguments.
                _ => Ok(obj),
            }
        }
        None => match builtin_new(vm, cls) {
            // `type.__call__` calls `__new__(cls, *args)`; `object.__init__` then only
            // checks the arguments, which a builtin `__new__` of its own accepts.
            Some(f) => match with_prepended(cls, args, |a| f(vm, a, kwargs)) {
                Ok(obj) if !vm.type_of(obj).is(cls) => init_other(vm, cls, obj, args, kwargs),
                r => r,
            },
            None => super::class::call_type(vm, cls, args, kwargs),
        },
    };
    if counted {
        super::leave(vm);
    }
    Some(r)
}

/// Whether CPython 3.11 counts a call of class `cls` as a recursion level ("while calling a
/// Python object"): it does for classes called through `tp_call` (Python classes, `int`,
/// `zip`, `object`...), not for the builtin classes with a vectorcall entry (`list`,
/// `dict`, `bool`, `map`...) nor for `str(x)`, which its specializing interpreter calls
/// as `PyObject_Str` (that counts a level of its own).
fn class_call_counted(vm: &Vm, cls: Value, args: &[Value], kwargs: &[(Value, Value)]) -> bool {
    let t = &vm.types;
    if [t.float, t.bool_, t.list, t.tuple, t.dict, t.set, t.frozenset, t.range].iter().any(|c| cls.is(*c)) {
        return false;
    }
    if cls.is(t.str_) || cls.is(t.type_) {
        return !(args.len() == 1 && kwargs.is_empty());
    }
    match cls.as_class() {
        Some(cd) if !cd.has_flag(crate::object::class_flags::HEAPTYPE) => {
            !matches!(cd.name.get().as_rstr(), Some("map" | "filter" | "enumerate"))
        }
        _ => true,
    }
}

/// The end of `type.__call__` when `__new__` returned `obj`, not an exact instance of
/// `cls` (`str(x)` where `x.__str__` returns a str subclass instance): the `__init__` of
/// `obj`'s class runs when that class is a subclass of `cls`.
#[cold]
fn init_other(vm: &mut Vm, cls: Value, obj: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let tp = vm.type_of(obj);
    if !vm.is_subclass(tp, cls) {
        return Ok(obj);
    }
    if let Some(init) = vm.lookup_type(tp, super::attr::names().__init__) {
        if super::object_type::is_object_init(init) {
            super::object_type::object_init_check(vm, tp, args, kwargs)?;
            return Ok(obj);
        }
        let r = super::attr::call_unbound_kw(vm, init, obj, args, kwargs)?;
        if !r.is_none() {
            return Err(vm.type_error(format!("__init__() should return None, not '{}'", vm.type_tp_name(r))));
        }
    }
    Ok(obj)
}

/// The native `__new__` of a builtin class whose `__init__` is `object.__init__` (range,
/// int, str, tuple...): calling the class is calling that with the class prepended.
#[inline]
fn builtin_new(vm: &Vm, cls: Value) -> Option<crate::vm::NativeFn> {
    let cd = cls.as_class()?;
    if cd.has_flag(crate::object::class_flags::HEAPTYPE) || cls.is(vm.types.type_) {
        return None;
    }
    let n = super::attr::names();
    let newf = vm.lookup_type(cls, n.__new__)?;
    let f = match &newf.as_obj()?.payload {
        Payload::NativeFunction(nf) if nf.kind == NativeKind::StaticMethod && nf.bound.is_null() => nf.f,
        _ => return None,
    };
    if super::object_type::is_object_new(newf) || !super::object_type::is_object_init(vm.lookup_type(cls, n.__init__)?)
    {
        return None;
    }
    Some(f)
}

/// The `__init__` to run on a new instance of `cls` when instantiating it is just
/// "allocate, then call `__init__`": a Python class of plain instances (`object` layout)
/// whose `__new__` is `object.__new__`, not abstract, and whose `__init__` is a Python
/// function (or `object.__init__`, returned only when there are no arguments to check).
#[inline]
fn plain_init(vm: &Vm, cls: Value, no_args: bool) -> Option<Value> {
    let cd = cls.as_class()?;
    if !cd.has_flag(crate::object::class_flags::HEAPTYPE) || cd.layout != crate::object::Layout::Object {
        return None;
    }
    let n = super::attr::names();
    if !super::object_type::is_object_new(vm.lookup_type(cls, n.__new__)?) {
        return None;
    }
    let init = vm.lookup_type(cls, n.__init__)?;
    let func = matches!(init.as_obj().map(|o| &o.payload), Some(Payload::Function(_)));
    let object_init = no_args && super::object_type::is_object_init(init);
    if !func && !object_init {
        return None;
    }
    if vm.dict_get_str(cd.dict, n.__abstractmethods__).is_some() {
        return None;
    }
    Some(init)
}

/// Calls an attribute `m` found on `ty` (the type of `obj`) as a method of `obj`: plain
/// functions and native methods get `obj` prepended, other descriptors are bound through
/// their `__get__` first.
pub(crate) fn call_unbound(
    vm: &mut Vm,
    m: Value,
    obj: Value,
    ty: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    match m.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(fd)) => call_function(vm, m, fd, Some(obj), args, kwargs),
        Some(Payload::NativeFunction(nf)) if nf.kind == NativeKind::Method && nf.bound.is_null() => {
            let nf_f = nf.f;
            with_prepended(obj, args, |a| nf_f(vm, a, kwargs))
        }
        _ => {
            let bound = super::function::bind_descriptor(vm, m, obj, ty)?;
            call(vm, bound, args, kwargs)
        }
    }
}

/// TypeError unless an unbound native method got an instance of its class as `self`.
fn check_unbound_self(vm: &Vm, name: &str, owner: Value, args: &[Value]) -> PyResult<()> {
    match args.first() {
        None if vm.is_slot_wrapper(owner, name) => {
            Err(vm.type_error(format!("descriptor '{name}' of '{}' object needs an argument", vm.class_name(owner))))
        }
        None => Err(vm.type_error(format!("unbound method {}.{name}() needs an argument", vm.class_name(owner)))),
        Some(&s) if !vm.isinstance(s, owner) => Err(vm.type_error(if vm.is_slot_wrapper(owner, name) {
            format!(
                "descriptor '{name}' requires a '{}' object but received a '{}'",
                vm.class_name(owner),
                vm.type_tp_name(s)
            )
        } else {
            format!(
                "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                vm.class_name(owner),
                vm.type_tp_name(s)
            )
        })),
        _ => Ok(()),
    }
}

/// `obj.name(*args[1..], **kwargs)` where `args[0]` is `obj`, without creating a bound
/// method when `name` is a plain function or native method on `obj`'s type that the
/// instance does not shadow.
pub fn call_method(vm: &mut Vm, name: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let mut narrow = interp::Narrow::None;
    call_method_marking(vm, name, args, kwargs, &mut narrow)
}

/// `call_method`, noting in `narrow` when the attribute lookup (rather than the call)
/// failed, so the traceback can mark `obj.name` as CPython does.
#[inline]
pub(crate) fn call_method_marking(
    vm: &mut Vm,
    name: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
    narrow: &mut interp::Narrow,
) -> PyResult<Value> {
    call_method_in(vm, name, args, kwargs, narrow, false)
}

/// `call_method_marking` from the interpreter loop's `CallMethod` statements: the
/// collector's audited path, as `call_from_loop`.
#[inline]
pub(crate) fn call_method_from_loop(
    vm: &mut Vm,
    name: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
    narrow: &mut interp::Narrow,
) -> PyResult<Value> {
    call_method_in(vm, name, args, kwargs, narrow, true)
}

/// `call_method_from_loop` for the `CallMethod` statement at address `site`: the method
/// of a plain instance is found through the statement's inline cache (`attr_ic`).
#[inline]
pub(crate) fn call_method_at(
    vm: &mut Vm,
    site: usize,
    name: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
    narrow: &mut interp::Narrow,
) -> PyResult<Value> {
    if let Some(m) = super::attr_ic::lookup_method(vm, site, args[0], name) {
        match &m.obj().payload {
            Payload::Function(fd) => return call_function_in(vm, m, fd, None, args, kwargs, true),
            Payload::NativeFunction(nf) => {
                super::check_stack(vm)?;
                return (nf.f)(vm, args, kwargs);
            }
            _ => {}
        }
    }
    call_method_in(vm, name, args, kwargs, narrow, true)
}

#[inline]
fn call_method_in(
    vm: &mut Vm,
    name: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
    narrow: &mut interp::Narrow,
    direct: bool,
) -> PyResult<Value> {
    let Some(&obj) = args.first() else {
        return Err(vm.err(vm.exc.system_error, "call_method without self"));
    };
    if let Some(m) = lookup_method(vm, obj, name) {
        match &m.obj().payload {
            Payload::Function(fd) => return call_function_in(vm, m, fd, None, args, kwargs, direct),
            Payload::NativeFunction(nf) => {
                super::check_stack(vm)?;
                return (nf.f)(vm, args, kwargs);
            }
            _ => {}
        }
    }
    let m = match vm.get_attr(obj, name) {
        Ok(m) => m,
        Err(e) => {
            *narrow = interp::Narrow::Callee;
            return Err(e);
        }
    };
    if direct {
        return call_from_loop(vm, m, &args[1..], kwargs);
    }
    call(vm, m, &args[1..], kwargs)
}

/// The unbound function `type(obj).name` when calling it with `obj` prepended is exactly
/// what `obj.name(...)` would do: found on the type as a plain function or native method,
/// not shadowed by an instance attribute, and no custom attribute hooks on the type.
#[inline]
fn lookup_method(vm: &Vm, obj: Value, name: Value) -> Option<Value> {
    let ty = vm.type_of(obj);
    if interp::custom_getattr(ty) {
        return None;
    }
    if let Some(o) = obj.as_obj() {
        match o.payload {
            Payload::Class(_) | Payload::Module(_) | Payload::Super { .. } => return None,
            _ => {}
        }
        if let Some(a) = &o.attrs {
            let shadowed = if a.in_dict_mode() {
                let d = a.dict.get();
                d.as_dict().is_none() || vm.dict_get_str(d, name).is_some()
            } else {
                a.get_slot(name).is_some()
            };
            if shadowed {
                return None;
            }
        }
    }
    let m = vm.lookup_type(ty, name)?;
    match &m.as_obj()?.payload {
        Payload::Function(_) => Some(m),
        Payload::NativeFunction(nf) if nf.kind == NativeKind::Method && nf.bound.is_null() => Some(m),
        _ => None,
    }
}

/// Calls the Python function `func` (the payload of `fval`), with `self_arg` (a bound
/// method's instance) before `args`.
pub(crate) fn call_function(
    vm: &mut Vm,
    fval: Value,
    func: &Function,
    self_arg: Option<Value>,
    args: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    call_function_in(vm, fval, func, self_arg, args, kwargs, false)
}

/// `call_function`; `direct` as in `eval::run_frame_in`.
#[inline]
pub(crate) fn call_function_in(
    vm: &mut Vm,
    fval: Value,
    func: &Function,
    self_arg: Option<Value>,
    args: &[Value],
    kwargs: &[(Value, Value)],
    direct: bool,
) -> PyResult<Value> {
    let code = &func.code;
    let slots = take_slots(code.nslots as usize);
    let mut frame = Frame::with_slots(code.clone(), slots, func.globals, func.builtins, Value::NULL, fval);
    bind_arguments(vm, func, &mut frame.slots, self_arg, args, kwargs)?;
    init_cells(vm, code, func, &mut frame.slots);
    if interp::is_generator_code(code) {
        return Ok(generator::new_generator(vm, Box::new(frame), func));
    }
    let r = super::run_frame_in(vm, &mut frame, direct);
    recycle_slots(std::mem::take(&mut frame.slots));
    r
}

type SlotPool = std::cell::RefCell<Vec<Vec<Value>>>;

thread_local! {
    /// Slot vectors of finished frames, reused by the next calls: most calls would
    /// otherwise pay a malloc/free pair for their frame. (Leaked once per thread behind a
    /// `const` thread-local, so an access pays no lazy-initialization check.)
    static SLOT_POOL: Cell<Option<&'static SlotPool>> = const { Cell::new(None) };
}

#[inline]
fn slot_pool() -> &'static SlotPool {
    SLOT_POOL.with(|c| match c.get() {
        Some(p) => p,
        None => {
            let p: &'static SlotPool = Box::leak(Box::new(std::cell::RefCell::new(Vec::new())));
            c.set(Some(p));
            p
        }
    })
}

/// A vector of `n` NULL slots, recycled when possible.
#[inline]
fn take_slots(n: usize) -> Vec<Value> {
    let pooled = slot_pool().borrow_mut().pop();
    match pooled {
        Some(mut v) => {
            v.clear();
            v.resize(n, Value::NULL);
            v
        }
        // At least 16 slots, so a recycled vector rarely has to grow for the next call.
        None => {
            let mut v = Vec::with_capacity(n.max(16));
            v.resize(n, Value::NULL);
            v
        }
    }
}

/// Gives a finished frame's slot vector back for reuse by later calls.
#[inline]
pub(crate) fn recycle_slots(v: Vec<Value>) {
    if v.capacity() <= 512 {
        let mut p = slot_pool().borrow_mut();
        if p.len() < 256 {
            p.push(v);
        }
    }
}

/// Runs the body of the function `func` (a class body) with `locals` as its namespace and
/// no arguments; returns what the body returns. Used by `__build_class__`.
pub fn run_with_locals(vm: &mut Vm, func: Value, locals: Value) -> PyResult<Value> {
    let Some(fd) = func.as_obj().and_then(|o| o.as_function()) else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let code = &fd.code;
    let mut frame = Frame::new(code.clone(), fd.globals, fd.builtins, locals, func);
    bind_arguments(vm, fd, &mut frame.slots, None, &[], &[])?;
    init_cells(vm, code, fd, &mut frame.slots);
    super::run_frame(vm, &mut frame)
}

/// Creates the frame's cells (seeded from parameters where a parameter is captured) and
/// installs the closure's cells in the free-variable slots.
#[inline]
fn init_cells(vm: &Vm, code: &Code, func: &Function, slots: &mut [Value]) {
    for &(_, slot, param) in &code.cellvars {
        let init = param.map(|p| slots[p as usize]).unwrap_or(Value::NULL);
        slots[slot as usize] = vm.alloc(vm.types.cell, Payload::Cell(Cell::new(init)));
    }
    for (i, &(_, slot)) in code.freevars.iter().enumerate() {
        slots[slot as usize] = func.closure.get(i).copied().unwrap_or(Value::NULL);
    }
}

/// Binds call arguments to the parameter slots of `func`'s code.
#[inline]
fn bind_arguments(
    vm: &mut Vm,
    func: &Function,
    slots: &mut [Value],
    self_arg: Option<Value>,
    args: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<()> {
    let code = &*func.code;
    let argcount = code.argcount as usize;
    let nself = self_arg.is_some() as usize;
    let given = nself + args.len();
    if kwargs.is_empty()
        && given == argcount
        && code.kwonlyargcount == 0
        && code.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
    {
        if let Some(s) = self_arg {
            slots[0] = s;
        }
        slots[nself..argcount].copy_from_slice(args);
        return Ok(());
    }
    bind_slow(vm, func, slots, self_arg, args, kwargs)
}

#[inline(never)]
fn bind_slow(
    vm: &mut Vm,
    func: &Function,
    slots: &mut [Value],
    self_arg: Option<Value>,
    args: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<()> {
    let code = &*func.code;
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let total = argcount + kwonly;
    let varargs = code.flags & code_flags::VARARGS != 0;
    let varkw = code.flags & code_flags::VARKEYWORDS != 0;
    let nself = self_arg.is_some() as usize;
    let given = nself + args.len();
    let arg = |i: usize| {
        if i < nself {
            self_arg.unwrap_or(Value::NONE)
        } else {
            args[i - nself]
        }
    };
    let qualname = || func.qualname.get().as_rstr().unwrap_or("?").to_owned();

    let ncopy = given.min(argcount);
    for (i, s) in slots.iter_mut().enumerate().take(ncopy) {
        *s = arg(i);
    }
    let mut next = total;
    if varargs {
        let rest: Vec<Value> = (ncopy..given).map(arg).collect();
        slots[next] = vm.new_tuple(rest);
        next += 1;
    }
    let kwdict = if varkw {
        let d = vm.new_dict();
        slots[next] = d;
        Some(d)
    } else {
        None
    };

    for &(k, v) in kwargs {
        let Some(kstr) = k.as_rstr() else {
            return Err(vm.type_error(format!("{}() keywords must be strings", qualname())));
        };
        let found = (posonly..total)
            .find(|&j| code.slot_names.get(j).is_some_and(|n| n.is(k)))
            .or_else(|| (posonly..total).find(|&j| code.slot_names.get(j).and_then(|n| n.as_rstr()) == Some(kstr)));
        match found {
            Some(j) => {
                if !slots[j].is_null() {
                    return Err(vm.type_error(format!("{}() got multiple values for argument '{kstr}'", qualname())));
                }
                slots[j] = v;
            }
            None => match kwdict {
                Some(d) => vm.dict_set(d, k, v)?,
                None => {
                    if posonly > 0 {
                        let names: Vec<String> = (0..posonly)
                            .filter_map(|j| code.slot_names.get(j).and_then(|n| n.as_rstr()))
                            .filter(|n| kwargs.iter().any(|(k2, _)| k2.as_rstr() == Some(*n)))
                            .map(str::to_owned)
                            .collect();
                        if !names.is_empty() {
                            return Err(vm.type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                qualname(),
                                names.join(", ")
                            )));
                        }
                    }
                    return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{kstr}'", qualname())));
                }
            },
        }
    }

    if given > argcount && !varargs {
        return Err(too_many_positional(vm, func, given, slots, &qualname()));
    }

    // The function holds its defaults tuple, and nothing below runs Python code.
    let defaults_tuple = func.defaults.get();
    let defaults: &[Value] = defaults_tuple.as_tuple().unwrap_or(&[]);
    if given < argcount {
        let defcount = defaults.len().min(argcount);
        let m = argcount - defcount;
        if (given..m).any(|i| slots[i].is_null()) {
            let names: Vec<String> = (given..m).filter(|&i| slots[i].is_null()).map(|i| quoted_name(code, i)).collect();
            return Err(missing_error(vm, &qualname(), "positional", &names));
        }
        let start = given.saturating_sub(m);
        for (i, &d) in defaults.iter().enumerate().skip(start).take(defcount) {
            if slots[m + i].is_null() {
                slots[m + i] = d;
            }
        }
    }
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.get();
        let mut missing = Vec::new();
        for (i, slot) in slots.iter_mut().enumerate().take(total).skip(argcount) {
            if !slot.is_null() {
                continue;
            }
            let name = code.slot_names.get(i).copied().unwrap_or(Value::NONE);
            let def = if kwdefaults.as_dict().is_some() && name.as_pystr().is_some() {
                vm.dict_get_str(kwdefaults, name)
            } else {
                None
            };
            match def {
                Some(d) => *slot = d,
                None => missing.push(quoted_name(code, i)),
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(vm, &qualname(), "keyword-only", &missing));
        }
    }
    Ok(())
}

fn quoted_name(code: &Code, i: usize) -> String {
    format!("'{}'", code.slot_names.get(i).and_then(|n| n.as_rstr()).unwrap_or("?"))
}

fn missing_error(vm: &Vm, qualname: &str, kind: &str, names: &[String]) -> crate::vm::PyErr {
    let list = match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    vm.type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

fn too_many_positional(vm: &Vm, func: &Function, given: usize, slots: &[Value], qualname: &str) -> crate::vm::PyErr {
    let code = &*func.code;
    let argcount = code.argcount as usize;
    let kwonly_given = (argcount..argcount + code.kwonlyargcount as usize).filter(|&i| !slots[i].is_null()).count();
    let defcount = func.defaults.get().as_tuple().map(|t| t.len()).unwrap_or(0);
    let (sig, plural) = if defcount > 0 {
        (format!("from {} to {}", argcount.saturating_sub(defcount), argcount), true)
    } else {
        (argcount.to_string(), argcount != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            kwonly_given,
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    vm.type_error(format!(
        "{qualname}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
        if plural { "s" } else { "" },
        if given == 1 && kwonly_given == 0 { "was" } else { "were" }
    ))
}
