//! The standard library's native modules: what CPython writes in C, Krait writes in Rust.
//! The pure-Python rest of the library is CPython's own, found at run time (see
//! `builtins::sys::stdlib_dir`).
//!
//! Each module lives in a file of its own and registers an init function with
//! `register_native_module`; the init builds the module object when a program first
//! imports it, so start-up pays nothing for modules a program does not use.
//!
//! Engineers add their modules here (one `pub mod` line and one registration each).

use crate::builtins::import::register_native_module as reg;
use crate::object::{Layout, NativeData};
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

pub mod abc;
pub mod ast;
pub mod atexit;
pub mod binascii;
pub mod cmath;
pub mod codecs;
pub mod contextvars;
pub mod csv;
pub mod datetime_accel;
pub mod decimal_accel;
pub mod errno;
pub mod hashes;
pub mod imp;
pub mod io;
pub mod locale;
pub mod math;
pub mod pickle_accel;
pub mod posix;
pub mod process;
pub mod pwd;
pub mod pyexpat;
pub mod select;
pub mod signal;
pub mod socket;
pub mod string;
pub mod structseq;
pub mod thread;
pub mod time;
pub mod unicodedata;
mod unicodedata_tables;
pub mod weakref;
pub mod zlib;

// stdlib engineer B
pub mod array;
pub mod bisect;
pub mod collections;
pub mod functools;
pub mod heapq;
pub mod helpers_b;
pub mod itertools;
pub mod json;
pub mod operator;
pub mod random;
pub mod sre;
pub mod sre_engine;
pub mod r#struct;

pub fn init(vm: &mut Vm) {
    // stdlib engineer A
    reg(vm, "math", math::init_module);
    reg(vm, "cmath", cmath::init_module);
    reg(vm, "errno", errno::init_module);
    reg(vm, "time", time::init_module);
    reg(vm, "atexit", atexit::init_module);
    reg(vm, "_thread", thread::init_module);
    reg(vm, "_signal", signal::init_module);
    reg(vm, "_weakref", weakref::init_module);
    reg(vm, "_string", string::init_module);
    reg(vm, "binascii", binascii::init_module);
    reg(vm, "_md5", hashes::init_md5);
    reg(vm, "_sha1", hashes::init_sha1);
    reg(vm, "_sha256", hashes::init_sha256);
    reg(vm, "_sha512", hashes::init_sha512);
    reg(vm, "_sha3", hashes::init_sha3);
    reg(vm, "_blake2", hashes::init_blake2);
    reg(vm, "_abc", abc::init_module);
    reg(vm, "_locale", locale::init_module);
    reg(vm, "posix", process::init_posix);
    reg(vm, "_posixsubprocess", process::init_posixsubprocess);
    reg(vm, "_io", io::init_module);
    // stdlib engineer B
    reg(vm, "_operator", operator::init_module);
    reg(vm, "_functools", functools::init_module);
    reg(vm, "itertools", itertools::init_module);
    reg(vm, "_collections", collections::init_module);
    reg(vm, "_heapq", heapq::init_module);
    reg(vm, "_bisect", bisect::init_module);
    reg(vm, "_random", random::init_module);
    reg(vm, "_struct", r#struct::init_module);
    reg(vm, "array", array::init_module);
    reg(vm, "_sre", sre::init_module);
    reg(vm, "_json", json::init_module);
    reg(vm, "_codecs", codecs::init_module);
    reg(vm, "_ast", ast::init_module);
    reg(vm, "select", select::init_module);
    reg(vm, "_socket", socket::init_module);
    reg(vm, "_contextvars", contextvars::init_module);
    reg(vm, "_csv", csv::init_module);
    reg(vm, "_imp", imp::init_imp);
    reg(vm, "_warnings", imp::init_warnings);
    reg(vm, "marshal", imp::init_marshal);
    reg(vm, "unicodedata", unicodedata::init_module);
    reg(vm, "zlib", zlib::init_module);
    reg(vm, "pwd", pwd::init_pwd);
    reg(vm, "grp", pwd::init_grp);
    reg(vm, "pyexpat", pyexpat::init_module);
}

// ----- helpers shared by the modules of this directory -----

/// A new module object with these functions.
pub fn new_module(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)]) -> Value {
    let m = vm.new_module(name);
    for (n, f) in funcs {
        vm.add_function(m, n, *f);
    }
    m
}

/// `owner.name = value` on a module or builtin class.
pub fn set(vm: &mut Vm, owner: Value, name: &str, value: Value) {
    let k = vm.intern(name);
    vm.set_class_or_module_attr(owner, k, value);
}

/// `owner.name = n` for an int constant.
pub fn set_int(vm: &mut Vm, owner: Value, name: &str, n: i64) {
    let v = vm.new_int(n);
    set(vm, owner, name, v);
}

/// A builtin class `module.name` with one base.
pub fn new_class(vm: &mut Vm, module: &str, name: &'static str, base: Value, layout: Layout, flags: u32) -> Value {
    let c = vm.new_builtin_class(name, base, layout, flags);
    let m = vm.new_str(module);
    set(vm, c, "__module__", m);
    c
}

/// The native data of `v` when it is a `T`.
pub fn native<T: NativeData>(v: &Value) -> Option<&T> {
    v.as_obj().and_then(|o| o.native::<T>())
}

/// The native data of `self` (`args[0]`), or CPython's TypeError for a method descriptor
/// of `owner` applied to another object.
pub fn this<'a, T: NativeData>(vm: &Vm, args: &'a [Value], method: &str, owner: &str) -> PyResult<&'a T> {
    match args.first().and_then(|v| native::<T>(v)) {
        Some(t) => Ok(t),
        None => Err(match args.first() {
            Some(v) => vm.type_error(format!(
                "descriptor '{method}' requires a '{owner}' object but received a '{}'",
                vm.type_tp_name(*v)
            )),
            None => vm.type_error(format!("descriptor '{method}' of '{owner}' object needs an argument")),
        }),
    }
}

/// Checks the count of positional arguments of a function that takes no keywords, with
/// the messages of CPython's argument clinic.
pub fn nargs(vm: &Vm, fname: &str, args: &[Value], kw: &[(Value, Value)], min: usize, max: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(if min == max {
        match min {
            0 => vm.type_error(format!("{fname}() takes no arguments ({n} given)")),
            1 => vm.type_error(format!("{fname}() takes exactly one argument ({n} given)")),
            _ => vm.type_error(format!("{fname} expected {min} arguments, got {n}")),
        }
    } else if n < min {
        vm.type_error(format!("{fname} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" }))
    } else {
        vm.type_error(format!("{fname} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" }))
    })
}

/// Optional argument: None when missing (NULL) or None.
pub fn opt(v: Value) -> Option<Value> {
    if v.is_null() || v.is_none() {
        None
    } else {
        Some(v)
    }
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview), copied.
pub fn bytes_like(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = crate::types::bytes::bytes_data(v) {
        return Ok(Some(b));
    }
    if vm.extra_types.get("memoryview").is_some_and(|m| vm.isinstance(v, *m)) {
        let b = vm.call_method(v, "tobytes", &[])?;
        return Ok(crate::types::bytes::bytes_data(b));
    }
    Ok(None)
}

/// A bytes-like argument, or CPython's "a bytes-like object is required, not 'str'".
pub fn need_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(v)))),
    }
}

/// A str argument as a Rust string, or "NAME() argument N must be str, not T".
pub fn need_str(vm: &Vm, v: Value, what: &str) -> PyResult<String> {
    match v.as_rstr() {
        Some(s) => Ok(s.to_owned()),
        None => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_tp_name(v)))),
    }
}
