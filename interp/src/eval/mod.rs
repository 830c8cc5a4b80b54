//! The interpreter: runs flat-CFG frames (see `cfg.rs`).
//!
//! ```text
//!  interp.rs     the dispatch loop (`execute`): one match arm per flat statement,
//!                exception delivery to handler blocks, traceback entries
//!  call.rs       calling anything; argument binding for Python functions
//!  generator.rs  generator objects over suspended frames; `yield from` delegation
//!  coro.rs       coroutines, async generators and the awaitables that drive them
//!  function.rs   Python-visible attributes of functions, cells, code, methods, natives
//!  exc.rs        methods of the builtin exception classes
//!  traceback.rs  CPython's text for an uncaught exception
//! ```
//!
//! Every frame run goes through `enter`/`leave`, which count Python depth against
//! `sys.getrecursionlimit()` and guard the native stack, and restore the handled exception
//! (`sys.exc_info()`) on the way out: in CPython the exc_info state is per frame, so
//! nothing a callee handles is visible to its caller once it returns.

pub mod attr;
pub(crate) mod attr_ic;
pub mod call;
pub mod class;
pub mod coro;
pub mod descr;
pub mod exc;
pub mod function;
pub mod generator;
pub mod interp;
pub mod object_type;
pub mod ops;
pub mod suggestions;
pub mod traceback;

use std::cell::Cell;
use std::rc::Rc;

use crate::cfg::Code;
use crate::frame::Frame;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Registers the methods of the core classes (object, type, function, exceptions...).
pub fn init(vm: &mut Vm) {
    // object/type first (it also sets up class.rs, descr.rs and the interned-name table
    // everything else uses).
    object_type::init(vm);
    function::init(vm);
    generator::init(vm);
    coro::init(vm);
    exc::init(vm);
}

/// The RecursionError CPython raises when Python frames nest too deeply.
pub fn recursion_error(vm: &Vm) -> crate::vm::PyErr {
    vm.recursion_error("maximum recursion depth exceeded")
}

/// Raises RecursionError when the native stack is nearly exhausted. Recursive Rust code
/// driven by Python data (repr of nested containers, comparisons, ...) calls this so that
/// no input can overflow the stack.
#[inline]
pub fn check_stack(vm: &Vm) -> PyResult<()> {
    let marker = 0u8;
    let here = std::ptr::addr_of!(marker) as usize;
    if here < vm.stack_limit.get() {
        return Err(recursion_error(vm));
    }
    Ok(())
}

/// Accounts for one more Python frame: RecursionError past the recursion limit or when the
/// native stack runs low. Pair with `leave` when this returns Ok.
#[inline]
pub(crate) fn enter(vm: &Vm) -> PyResult<()> {
    let d = vm.depth.get() + 1;
    if d > vm.recursion_limit.get() {
        return Err(recursion_error(vm));
    }
    check_stack(vm)?;
    vm.depth.set(d);
    Ok(())
}

#[inline]
pub(crate) fn leave(vm: &Vm) {
    vm.depth.set(vm.depth.get().saturating_sub(1));
}

/// Runs `frame` from its current `(block, stmt)` until it returns (or, for generator
/// frames, yields). Returns the returned/yielded value.
pub fn run_frame(vm: &mut Vm, frame: &mut Frame) -> PyResult<Value> {
    run_frame_in(vm, frame, false)
}

/// `run_frame`; `direct` says the caller is one of the collector's audited paths (see
/// `crate::gc`): only then may safepoints in this frame collect.
pub(crate) fn run_frame_in(vm: &mut Vm, frame: &mut Frame, direct: bool) -> PyResult<Value> {
    enter(vm)?;
    let saved = vm.handled_exc.get();
    vm.frames.push(frame as *const Frame);
    if !direct {
        vm.gc.native_depth.set(vm.gc.native_depth.get() + 1);
    }
    crate::gc::safepoint(vm);
    let r = interp::execute(vm, frame, false);
    if !direct {
        vm.gc.native_depth.set(vm.gc.native_depth.get() - 1);
    }
    vm.frames.pop();
    vm.handled_exc.set(saved);
    leave(vm);
    r.map(|e| match e {
        interp::Exit::Return(v) | interp::Exit::Yield(v) => v,
    })
}

/// Runs module-level code with `globals` as its namespace (and locals).
pub fn run_module_code(vm: &mut Vm, code: Rc<Code>, globals: Value) -> PyResult<Value> {
    run_code(vm, code, globals, Value::NULL)
}

/// Runs top-level code (module, `exec`, `eval`) with `globals` and a locals mapping
/// (`locals` NULL means the globals dict). Returns the code's return value.
pub fn run_code(vm: &mut Vm, code: Rc<Code>, globals: Value, locals: Value) -> PyResult<Value> {
    run_code_in(vm, code, globals, locals, false)
}

/// `run_code` for the program's top-level code, called by the command line with no
/// Python frame below: the collector may collect in it (see `crate::gc`).
pub fn run_code_toplevel(vm: &mut Vm, code: Rc<Code>, globals: Value, locals: Value) -> PyResult<Value> {
    let direct = vm.frames.borrow().is_empty() && vm.gc.native_depth.get() == 0;
    run_code_in(vm, code, globals, locals, direct)
}

fn run_code_in(vm: &mut Vm, code: Rc<Code>, globals: Value, locals: Value, direct: bool) -> PyResult<Value> {
    if globals.as_dict().is_none() {
        return Err(vm.type_error(format!("globals must be a dict, not {}", vm.type_tp_name(globals))));
    }
    let key = vm.intern("__builtins__");
    if vm.dict_get_str(globals, key).is_none() {
        let b = vm.builtins;
        vm.dict_set_str(globals, key, b);
    }
    let builtins = builtins_of(vm, globals);
    let locals = if locals.is_null() { globals } else { locals };
    let mut frame = Frame::new(code, globals, builtins, locals, Value::NULL);
    run_frame_in(vm, &mut frame, direct)
}

/// The builtins namespace (a dict) that code running with `globals` sees: the dict of the
/// `__builtins__` module (or the dict itself) found in `globals`, else the real builtins.
pub fn builtins_of(vm: &mut Vm, globals: Value) -> Value {
    let key = vm.intern("__builtins__");
    let found = if globals.as_dict().is_some() { vm.dict_get_str(globals, key) } else { None };
    let Some(b) = found else {
        return vm.builtins_dict;
    };
    if let Some(Payload::Module(m)) = b.as_obj().map(|o| &o.payload) {
        return m.dict;
    }
    if b.as_dict().is_some() {
        b
    } else {
        vm.builtins_dict
    }
}

/// A thread's lookup cache: a table of `1 << bits` entries, all `empty` at first, made on
/// first use and leaked (it lives as long as the thread), behind a `const` thread-local
/// so that an access costs no lazy-initialization check beyond this `None` test.
#[inline]
pub(crate) fn thread_table<T: Copy + 'static>(
    key: &'static std::thread::LocalKey<Cell<Option<&'static [Cell<T>]>>>,
    bits: u32,
    empty: T,
) -> &'static [Cell<T>] {
    // The fast path is a thread-local load and a test, inlined into every cache lookup;
    // the allocation stays out of line so that it does not keep `with` from inlining.
    match key.with(|c| c.get()) {
        Some(t) => t,
        None => new_thread_table(key, bits, empty),
    }
}

#[cold]
#[inline(never)]
fn new_thread_table<T: Copy + 'static>(
    key: &'static std::thread::LocalKey<Cell<Option<&'static [Cell<T>]>>>,
    bits: u32,
    empty: T,
) -> &'static [Cell<T>] {
    let t: &'static [Cell<T>] = Box::leak((0..1usize << bits).map(|_| Cell::new(empty)).collect::<Box<[_]>>());
    key.with(|c| c.set(Some(t)));
    t
}
