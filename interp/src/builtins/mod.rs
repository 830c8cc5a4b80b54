//! The `builtins` module, `sys`, the import system, and `exec`/`eval`/`compile`.
//!
//! `init` runs last in `Vm::new`, after the type modules have made their classes (some,
//! like the iterator types, only exist in `vm.extra_types`), and fills the builtins
//! namespace: functions, classes, exceptions and constants. Entries that other parts of
//! the interpreter put there first (`__build_class__`) are kept.

use crate::cfg::code_flags;
use crate::frame::Frame;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub mod exec;
pub mod functions;
pub mod import;
pub mod io;
pub mod memoryview;
pub mod sys;

pub fn init(vm: &mut Vm) {
    let streams = io::init(vm);
    sys::init(vm, streams);
    functions::register(vm);
    import::init(vm);
    crate::gc::module::register(vm);

    let b = vm.builtins;
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let k = vm.intern(name);
        vm.set_class_or_module_attr(b, k, v);
    };
    let t = &vm.types;
    let classes = [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str_),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
        ("super", t.super_),
    ];
    for (name, cls) in classes {
        set(vm, name, cls);
    }
    for name in ["memoryview", "enumerate", "zip", "map", "filter", "reversed"] {
        if let Some(&cls) = vm.extra_types.get(name) {
            set(vm, name, cls);
        }
    }
    for (name, cls) in vm.exc.all() {
        set(vm, name, cls);
    }
    let os_error = vm.exc.os_error;
    set(vm, "EnvironmentError", os_error);
    set(vm, "IOError", os_error);
    for (name, v) in [
        ("None", Value::NONE),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
        ("Ellipsis", Value::ELLIPSIS),
        ("NotImplemented", Value::NOT_IMPLEMENTED),
        ("__debug__", Value::TRUE),
    ] {
        set(vm, name, v);
    }
    let n = vm.intern("builtins");
    set(vm, "__name__", n);
    set(vm, "__package__", vm.empty_str);
    set(vm, "__spec__", Value::NONE);
    set(vm, "__loader__", Value::NONE);
    let doc = vm.new_str(
        "Built-in functions, types, exceptions, and other objects.\n\nThis module provides \
         direct access to all 'built-in' identifiers of Python; for example, builtins.len is\n\
         the full name for the built-in function len().",
    );
    set(vm, "__doc__", doc);
    crate::modules::init(vm);
}

/// A `SyntaxError` with only a message (no location), as CPython raises for undecodable
/// source; its attributes are set directly, as the lowering does for its own errors.
pub(crate) fn syntax_error(vm: &mut Vm, msg: String) -> crate::vm::PyErr {
    let m = vm.new_string(msg);
    let exc = vm.new_exception(vm.exc.syntax_error, vec![m]);
    let attrs = [
        ("msg", m),
        ("filename", Value::NONE),
        ("lineno", Value::NONE),
        ("offset", Value::NONE),
        ("text", Value::NONE),
        ("end_lineno", Value::NONE),
        ("end_offset", Value::NONE),
        ("print_file_and_line", Value::NONE),
    ];
    for (k, v) in attrs {
        let key = vm.intern(k);
        if let Some(a) = exc.obj().attrs.as_ref() {
            a.set_slot(key, v);
        }
    }
    crate::vm::PyErr(exc)
}

/// The namespace dict of a module object.
pub(crate) fn module_dict(m: Value) -> Option<Value> {
    match m.as_obj().map(|o| &o.payload) {
        Some(Payload::Module(md)) => Some(md.dict),
        _ => None,
    }
}

/// `sys.<name>`, read from the sys module each time (programs may replace entries).
pub fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let d = module_dict(vm.sys)?;
    let k = vm.intern(name);
    vm.dict_get_str(d, k)
}

/// The globals and the locals mapping of the Python code that called the running
/// builtin (for `globals()`, `locals()`, `vars()`, `dir()` and `exec`/`eval` defaults).
pub(crate) fn caller_namespaces(vm: &mut Vm) -> PyResult<(Value, Value)> {
    match current_frame(vm) {
        Some(f) => {
            let locals = frame_locals(vm, f);
            // SAFETY: the eval loop keeps the frame alive and unmoved while it runs the
            // call that led here.
            let globals = unsafe { (*f).globals };
            Ok((globals, locals))
        }
        None => Err(vm.not_implemented_error("no Python frame is running (globals()/locals() need one)")),
    }
}

/// The innermost running Python frame, as the eval loop records it.
fn current_frame(vm: &Vm) -> Option<*const Frame> {
    vm.frames.borrow().last().copied()
}

/// The locals mapping of a running frame: its own mapping for module and class bodies;
/// for a function, the dict CPython calls `f_locals`, made on first use and kept in the
/// frame's otherwise unused `locals` field, refreshed from the named slots (cells
/// dereferenced) on every call: bound names are set, unbound ones removed, and other keys
/// (names an `exec` stored there) kept, so `exec("y = 1"); locals()["y"]` works as in
/// CPython.
pub(crate) fn frame_locals(vm: &mut Vm, fp: *const Frame) -> Value {
    // SAFETY: `fp` is a frame of `vm.frames`, alive and unmoved while the eval loop runs
    // the call that led here; this shared borrow ends before the write below.
    let f: &Frame = unsafe { &*fp };
    if f.code.flags & code_flags::NAME_LOOKUP != 0 {
        return if f.locals.is_null() { f.globals } else { f.locals };
    }
    let d = if f.locals.as_dict().is_some() { f.locals } else { vm.new_dict() };
    let cell_slots: Vec<u32> = f.code.cellvars.iter().map(|c| c.1).chain(f.code.freevars.iter().map(|c| c.1)).collect();
    for (i, name) in f.code.slot_names.iter().enumerate() {
        let Some(&v) = f.slots.get(i) else { break };
        if name.as_pystr().is_none() {
            continue;
        }
        let v = if cell_slots.contains(&(i as u32)) {
            match v.as_obj().map(|o| &o.payload) {
                Some(Payload::Cell(c)) => c.get(),
                _ => v,
            }
        } else {
            v
        };
        if v.is_null() {
            vm.dict_del_str(d, *name);
        } else {
            vm.dict_set_str(d, *name, v);
        }
    }
    if !d.is(f.locals) {
        // SAFETY: the frame is alive (see above) and nothing else borrows it while this
        // builtin runs: the eval loop that owns it is suspended in the call that led
        // here, and only reads `locals` of module and class frames. The collector traces
        // `locals` of every registered frame, so the dict stays alive with the frame.
        unsafe { (*fp.cast_mut()).locals = d };
        // The frame may be one that is not running (`sys._getframe(1).f_locals`).
        vm.frames.written();
    }
    d
}
