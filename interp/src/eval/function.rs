//! Python-visible attributes and reprs of functions, bound methods, builtin functions,
//! cells, code objects and frame objects, plus the descriptor binding the interpreter
//! needs for special-method calls.
//!
//! Everything is registered on the builtin classes as native methods and properties, so
//! attribute lookup finds it through the ordinary descriptor protocol; functions keep
//! arbitrary attributes in their own attribute storage (`function` has `HAS_DICT`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::cfg::{code_flags, Code};
use crate::object::{Function, NativeFunction, NativeKind, Payload};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ----- helpers used across eval -----

/// `repr(cls)` for a class without running Python code: `<class 'mod.Name'>`.
pub fn type_repr(vm: &mut Vm, cls: Value) -> String {
    let Some(c) = cls.as_class() else {
        return format!("<{} object>", vm.type_name(cls));
    };
    let q = c.qualname.get().as_rstr().unwrap_or("?").to_owned();
    let k = vm.intern("__module__");
    match vm.dict_get_str(c.dict, k).and_then(|m| m.as_rstr().map(str::to_owned)) {
        Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
        _ => format!("<class '{q}'>"),
    }
}

/// How CPython names a callable in call errors (`_PyObject_FunctionStr`): `mod.qualname()`
/// or `qualname()` for builtins.
pub fn func_str(vm: &mut Vm, f: Value) -> String {
    let (qual, module) = match f.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(fd)) => (fd.qualname.get().as_rstr().map(str::to_owned), fd.module.get()),
        Some(Payload::NativeFunction(nf)) => (Some(native_qualname(vm, nf)), Value::NONE),
        Some(Payload::BoundMethod { func, .. }) => return func_str(vm, *func),
        Some(Payload::Class(c)) => {
            let k = vm.intern("__module__");
            (c.qualname.get().as_rstr().map(str::to_owned), vm.dict_get_str(c.dict, k).unwrap_or(Value::NONE))
        }
        _ => (None, Value::NONE),
    };
    let Some(qual) = qual else {
        return format!("{} object", vm.type_name(f));
    };
    match module.as_rstr() {
        Some(m) if m != "builtins" => format!("{m}.{qual}()"),
        _ => format!("{qual}()"),
    }
}

/// Binds an attribute `m` found on the type `ty` of `obj` (the descriptor protocol for
/// special-method lookups).
pub fn bind_descriptor(vm: &mut Vm, m: Value, obj: Value, ty: Value) -> PyResult<Value> {
    super::attr::descr_get(vm, m, obj, ty)
}

/// `types.MethodType(func, obj)` (`method.__new__`).
fn method_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let [_, func, obj] = args else {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", args.len().saturating_sub(1))));
    };
    if !crate::builtins::functions::is_callable(vm, *func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(new_bound_method(vm, *func, *obj))
}

pub fn new_bound_method(vm: &Vm, func: Value, obj: Value) -> Value {
    vm.alloc(vm.types.method, Payload::BoundMethod { func, obj })
}

fn native_qualname(vm: &Vm, nf: &NativeFunction) -> String {
    match nf.owner.as_class() {
        Some(_) => format!("{}.{}", vm.class_name(nf.owner), nf.name),
        None => nf.name.to_owned(),
    }
}

fn addr(v: Value) -> usize {
    if v.is_obj() {
        v.obj_ptr() as usize
    } else {
        v.bits() as usize & 0xFFFF_FFFF_FFFF
    }
}

fn arg1(args: &[Value]) -> Value {
    args.get(1).copied().unwrap_or(Value::NONE)
}

// ----- function -----

fn func_of<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Function> {
    match args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) {
        Some(Payload::Function(f)) => Ok(f),
        _ => Err(vm.type_error(format!(
            "descriptor for 'function' objects doesn't apply to a '{}' object",
            args.first().map(|&v| vm.type_name(v)).unwrap_or_default()
        ))),
    }
}

fn function_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    let s = format!("<function {} at {:#x}>", f.qualname.get().as_rstr().unwrap_or("?"), addr(args[0]));
    Ok(vm.new_string(s))
}

fn function_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    func_of(vm, args)?;
    let obj = arg1(args);
    let ty = args.get(2).copied().unwrap_or(Value::NONE);
    if obj.is_none() && !ty.is_none() {
        return Ok(args[0]);
    }
    if obj.is_none() && ty.is_none() {
        return Err(vm.type_error("__get__(None, None) is invalid"));
    }
    Ok(new_bound_method(vm, args[0], obj))
}

fn any_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.split_first() {
        Some((&f, rest)) => super::call::call(vm, f, rest, kw),
        None => Err(vm.type_error("descriptor '__call__' needs an argument")),
    }
}

macro_rules! func_getter {
    ($fname:ident, |$vm:ident, $f:ident| $body:expr) => {
        fn $fname($vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            let $f = func_of($vm, args)?;
            Ok($body)
        }
    };
}

fn null_to_none(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

func_getter!(function_name, |vm, f| f.name.get());
func_getter!(function_qualname, |vm, f| f.qualname.get());
func_getter!(function_doc, |vm, f| null_to_none(f.doc.get()));
func_getter!(function_module, |vm, f| null_to_none(f.module.get()));
func_getter!(function_defaults, |vm, f| null_to_none(f.defaults.get()));
func_getter!(function_kwdefaults, |vm, f| null_to_none(f.kwdefaults.get()));
func_getter!(function_globals, |vm, f| f.globals);
fn function_code(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    let code = code_override(vm, args[0]).unwrap_or_else(|| f.code.clone());
    Ok(vm.alloc(vm.types.code, Payload::Code(code)))
}

const CODE_OVERRIDES: &str = "function.code_overrides";

/// The code object assigned to `func.__code__` (only flag changes are supported, see
/// `function_set_code`), if any.
pub(crate) fn code_override(vm: &mut Vm, fval: Value) -> Option<Rc<Code>> {
    let d = vm.state.borrow().get(CODE_OVERRIDES).copied()?;
    let c = vm.dict_get(d, fval).ok().flatten()?;
    match c.as_obj().map(|o| &o.payload) {
        Some(Payload::Code(c)) => Some(c.clone()),
        _ => None,
    }
}

/// `func.__code__ = code`. Krait's functions keep their code immutably, so only a code
/// object that differs from the function's own by its flags (what `types.coroutine` does
/// with `code.replace(co_flags=...)`) can be assigned; it changes what `__code__` reports
/// and how calls of the function create generators.
fn function_set_code(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    let v = args.get(1).copied().unwrap_or(Value::NULL);
    let new = match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Code(c)) => c.clone(),
        _ => return Err(vm.type_error("__code__ must be set to a code object")),
    };
    let own = f.code.clone();
    let same_body = Rc::ptr_eq(&own, &new)
        || (Rc::ptr_eq(&own.source, &new.source)
            && own.first_line == new.first_line
            && own.blocks.len() == new.blocks.len()
            && own.nslots == new.nslots
            && own.argcount == new.argcount
            && own.kwonlyargcount == new.kwonlyargcount
            && own.freevars.len() == new.freevars.len()
            && own.name.is(new.name));
    if !same_body {
        return Err(vm.not_implemented_error(
            "assigning a different code object to a function's __code__ is not supported".to_string(),
        ));
    }
    let d = match vm.state.borrow().get(CODE_OVERRIDES).copied() {
        Some(d) => d,
        None => Value::NULL,
    };
    let d = if d.is_null() {
        let d = vm.new_dict();
        vm.state.borrow_mut().insert(CODE_OVERRIDES, d);
        d
    } else {
        d
    };
    vm.set_item(d, args[0], v)?;
    Ok(Value::NONE)
}

/// `code.replace(**changes)`: the flags (ITERABLE_COROUTINE only), name and qualname.
fn code_replace(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = code_of(vm, args)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("replace() takes no positional arguments ({} given)", args.len() - 1)));
    }
    let mut new: Code = (*c).clone();
    for &(k, v) in kw {
        let key = k.as_rstr().unwrap_or("");
        match key {
            "co_flags" => {
                let Some(fl) = v.as_small_int() else {
                    return Err(vm.type_error(format!(
                        "replace() argument 'co_flags' must be int, not {}",
                        vm.arg_type_name(v)
                    )));
                };
                let cur = co_flags(vm, &args[..1], &[])?.as_small_int().unwrap_or_default();
                if (fl ^ cur) & !0x100 != 0 {
                    return Err(vm.not_implemented_error(format!(
                        "code.replace(co_flags={fl:#x}): only the CO_ITERABLE_COROUTINE bit can be changed"
                    )));
                }
                if fl & 0x100 != 0 {
                    new.flags |= code_flags::ITERABLE_COROUTINE;
                } else {
                    new.flags &= !code_flags::ITERABLE_COROUTINE;
                }
            }
            "co_name" | "co_qualname" => {
                if v.as_pystr().is_none() {
                    return Err(
                        vm.type_error(format!("replace() argument '{key}' must be str, not {}", vm.arg_type_name(v)))
                    );
                }
                if key == "co_name" {
                    new.name = v;
                } else {
                    new.qualname = v;
                }
            }
            _ => {
                return Err(vm.not_implemented_error(format!("code.replace() of '{key}' is not supported")));
            }
        }
    }
    let new = Rc::new(new);
    // Every code object is registered with the collector, which traces code objects
    // through that registry (`gc::register_code`).
    crate::gc::register_code(&new);
    Ok(vm.alloc(vm.types.code, Payload::Code(new)))
}
func_getter!(function_builtins, |vm, f| if f.builtins.is_null() { vm.builtins_dict } else { f.builtins });
func_getter!(function_closure, |vm, f| if f.closure.is_empty() {
    Value::NONE
} else {
    vm.new_tuple(f.closure.to_vec())
});

fn function_annotations(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    let a = f.annotations.get();
    if a.is_null() || a.is_none() {
        let d = vm.new_dict();
        f.annotations.set(d);
        return Ok(d);
    }
    Ok(a)
}

fn set_str_field(vm: &Vm, cell: &Cell<Value>, v: Value, what: &str) -> PyResult<Value> {
    if v.as_pystr().is_none() {
        return Err(vm.type_error(format!("{what} must be set to a string object")));
    }
    cell.set(v);
    Ok(Value::NONE)
}

fn function_set_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    set_str_field(vm, &f.name, arg1(args), "__name__")
}

fn function_set_qualname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    set_str_field(vm, &f.qualname, arg1(args), "__qualname__")
}

fn function_set_doc(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    func_of(vm, args)?.doc.set(arg1(args));
    Ok(Value::NONE)
}

fn function_set_module(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    func_of(vm, args)?.module.set(arg1(args));
    Ok(Value::NONE)
}

fn function_set_defaults(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    let v = arg1(args);
    if v.is_none() {
        f.defaults.set(Value::NULL);
    } else if v.as_tuple().is_some() {
        f.defaults.set(v);
    } else {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    Ok(Value::NONE)
}

fn function_set_kwdefaults(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    let v = arg1(args);
    if v.is_none() {
        f.kwdefaults.set(Value::NULL);
    } else if v.as_dict().is_some() {
        f.kwdefaults.set(v);
    } else {
        return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
    }
    Ok(Value::NONE)
}

fn function_set_annotations(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = func_of(vm, args)?;
    let v = arg1(args);
    if v.is_none() || v.as_dict().is_some() {
        f.annotations.set(v);
        Ok(Value::NONE)
    } else {
        Err(vm.type_error("__annotations__ must be set to a dict object"))
    }
}

// ----- bound methods -----

fn method_parts(vm: &Vm, args: &[Value]) -> PyResult<(Value, Value)> {
    match args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) {
        Some(Payload::BoundMethod { func, obj }) => Ok((*func, *obj)),
        _ => Err(vm.type_error("descriptor requires a 'method' object")),
    }
}

fn method_func(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(method_parts(vm, args)?.0)
}

fn method_self(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(method_parts(vm, args)?.1)
}

fn method_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (func, obj) = method_parts(vm, args)?;
    let qk = vm.intern("__qualname__");
    let nk = vm.intern("__name__");
    let name = match vm.get_attr_opt(func, qk)? {
        Some(n) => n,
        None => vm.get_attr_opt(func, nk)?.unwrap_or(Value::NONE),
    };
    let name = if name.as_pystr().is_some() { name.as_rstr().unwrap_or("?").to_owned() } else { "?".to_owned() };
    let r = vm.repr_string(obj)?;
    Ok(vm.new_string(format!("<bound method {name} of {r}>")))
}

fn method_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (f1, s1) = method_parts(vm, args)?;
    let other = arg1(args);
    let Ok((f2, s2)) = method_parts(vm, &[other]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !s1.is(s2) {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(vm.eq(f1, f2)?))
}

fn method_ne(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = method_eq(vm, args, kw)?;
    Ok(match r {
        Value::TRUE => Value::FALSE,
        Value::FALSE => Value::TRUE,
        other => other,
    })
}

fn method_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (f, s) = method_parts(vm, args)?;
    let hf = vm.hash(f)?;
    let hs = (addr(s) >> 4) as i64;
    let h = hf ^ hs;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn method_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    method_parts(vm, args)?;
    Ok(args[0])
}

macro_rules! method_forward {
    ($fname:ident, $attr:literal) => {
        fn $fname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            let (f, _) = method_parts(vm, args)?;
            let k = vm.intern($attr);
            vm.get_attr(f, k)
        }
    };
}

method_forward!(method_name, "__name__");
method_forward!(method_qualname, "__qualname__");
method_forward!(method_doc, "__doc__");
method_forward!(method_code, "__code__");
method_forward!(method_defaults, "__defaults__");

// ----- builtin functions -----

fn native_of<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a NativeFunction> {
    match args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) {
        Some(Payload::NativeFunction(nf)) => Ok(nf),
        _ => Err(vm.type_error("descriptor requires a 'builtin_function_or_method' object")),
    }
}

fn native_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let nf = native_of(vm, args)?;
    let cls = vm.type_of(args[0]);
    let s = if cls.is(vm.types.wrapper_descriptor) {
        format!("<slot wrapper '{}' of '{}' objects>", nf.name, vm.class_name(nf.owner))
    } else if cls.is(vm.types.method_wrapper) {
        format!("<method-wrapper '{}' of {} object at {:#x}>", nf.name, vm.type_name(nf.bound), addr(nf.bound))
    } else if !nf.bound.is_null() {
        if nf.bound.as_obj().is_some_and(|o| matches!(o.payload, Payload::Module(_))) {
            format!("<built-in function {}>", nf.name)
        } else {
            format!("<built-in method {} of {} object at {:#x}>", nf.name, vm.type_name(nf.bound), addr(nf.bound))
        }
    } else {
        match (nf.kind, nf.owner.as_class()) {
            (NativeKind::Method, Some(_)) => format!("<method '{}' of '{}' objects>", nf.name, vm.class_name(nf.owner)),
            (NativeKind::ClassMethod, Some(_)) => {
                format!("<method '{}' of '{}' objects>", nf.name, vm.class_name(nf.owner))
            }
            _ => format!("<built-in function {}>", nf.name),
        }
    };
    Ok(vm.new_string(s))
}

fn native_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let nf = native_of(vm, args)?;
    Ok(vm.new_str(nf.name))
}

/// `__reduce__` of a native function or method (for pickle and copy): a module-level
/// function pickles by name, anything attached to an object or class as
/// `getattr(owner, name)`.
fn native_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let nf = native_of(vm, args)?;
    let is_module = |v: Value| v.as_obj().is_some_and(|o| matches!(o.payload, Payload::Module(_)));
    let owner = if !nf.bound.is_null() {
        nf.bound
    } else if nf.kind != NativeKind::Function && nf.owner.as_class().is_some() {
        nf.owner
    } else {
        Value::NULL
    };
    let name = vm.new_str(nf.name);
    if owner.is_null() || is_module(owner) {
        return Ok(name);
    }
    let k = vm.intern("getattr");
    let getattr = vm.get_attr(vm.builtins, k)?;
    let inner = vm.new_tuple(vec![owner, name]);
    Ok(vm.new_tuple(vec![getattr, inner]))
}

fn native_qualname_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let nf = native_of(vm, args)?;
    let owner = if nf.bound.is_null() || nf.owner.as_class().is_some() { nf.owner } else { Value::NULL };
    let q = match owner.as_class() {
        Some(_) => format!("{}.{}", vm.class_name(owner), nf.name),
        None => nf.name.to_owned(),
    };
    Ok(vm.new_string(q))
}

/// `__objclass__` of a method descriptor or method-wrapper: the class defining it.
fn native_objclass(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let nf = native_of(vm, args)?;
    if nf.owner.as_class().is_some() {
        return Ok(nf.owner);
    }
    Err(vm.attribute_error(format!("'{}' object has no attribute '__objclass__'", vm.type_tp_name(args[0]))))
}

fn native_self(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let nf = native_of(vm, args)?;
    if !nf.bound.is_null() {
        return Ok(nf.bound);
    }
    if nf.owner.as_obj().is_some_and(|o| matches!(o.payload, Payload::Module(_))) {
        return Ok(nf.owner);
    }
    if nf.kind == NativeKind::Function {
        return Ok(vm.builtins);
    }
    if nf.kind == NativeKind::StaticMethod {
        // `int.__new__.__self__ is int` (copyreg relies on it); other static methods
        // (`str.maketrans`) have `__self__` None.
        if nf.name == "__new__" && nf.owner.as_class().is_some() {
            return Ok(nf.owner);
        }
        return Ok(Value::NONE);
    }
    Err(vm.attribute_error(format!("'{}' object has no attribute '__self__'", vm.type_tp_name(args[0]))))
}

fn native_doc(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    native_of(vm, args)?;
    Ok(Value::NONE)
}

fn native_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let nf = native_of(vm, args)?;
    let obj = arg1(args);
    let ty = args.get(2).copied().unwrap_or(Value::NONE);
    if !nf.bound.is_null() {
        return Ok(args[0]);
    }
    match nf.kind {
        NativeKind::Method if !obj.is_none() => {
            if nf.owner.as_class().is_some() && !vm.isinstance(obj, nf.owner) {
                return Err(vm.type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    nf.name,
                    vm.class_name(nf.owner),
                    vm.type_tp_name(obj)
                )));
            }
            Ok(bound_native(vm, nf, obj))
        }
        NativeKind::ClassMethod => {
            let cls = if ty.is_none() { vm.type_of(obj) } else { ty };
            Ok(bound_native(vm, nf, cls))
        }
        _ => Ok(args[0]),
    }
}

/// A copy of the native `nf` bound to `obj`.
pub fn bound_native(vm: &Vm, nf: &NativeFunction, obj: Value) -> Value {
    vm.alloc(
        vm.native_class(nf.kind, nf.owner, obj, nf.name),
        Payload::NativeFunction(Box::new(NativeFunction {
            name: nf.name,
            f: nf.f,
            kind: nf.kind,
            bound: obj,
            owner: nf.owner,
            data: nf.data,
        })),
    )
}

fn native_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = native_of(vm, args)?;
    let other = arg1(args);
    let oa = [other];
    let Ok(b) = native_of(vm, &oa) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::bool(args[0].is(other) || (a.f as usize == b.f as usize && a.bound.is(b.bound) && a.name == b.name)))
}

fn native_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = native_of(vm, args)?;
    let h = ((a.f as usize) >> 4) as i64 ^ (addr(a.bound) >> 4) as i64;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

// ----- cells -----

fn cell_of<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Cell<Value>> {
    match args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) {
        Some(Payload::Cell(c)) => Ok(c),
        _ => Err(vm.type_error("descriptor requires a 'cell' object")),
    }
}

fn cell_contents(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = cell_of(vm, args)?.get();
    if v.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(v)
}

fn cell_set_contents(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cell_of(vm, args)?.set(arg1(args));
    Ok(Value::NONE)
}

fn cell_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = cell_of(vm, args)?.get();
    let s = if v.is_null() {
        format!("<cell at {:#x}: empty>", addr(args[0]))
    } else {
        format!("<cell at {:#x}: {} object at {:#x}>", addr(args[0]), vm.type_name(v), addr(v))
    };
    Ok(vm.new_string(s))
}

fn cell_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("cell expected at most 1 argument, got {}", args.len() - 1)));
    }
    let v = args.get(1).copied().unwrap_or(Value::NULL);
    Ok(vm.alloc(vm.types.cell, Payload::Cell(Cell::new(v))))
}

// ----- code objects -----

fn code_of(vm: &Vm, args: &[Value]) -> PyResult<Rc<Code>> {
    match args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) {
        Some(Payload::Code(c)) => Ok(c.clone()),
        _ => Err(vm.type_error("descriptor requires a 'code' object")),
    }
}

/// Names of the code's local variables (parameters first), as `co_varnames`.
pub(crate) fn varnames(code: &Code) -> Vec<Value> {
    let special: Vec<u32> = code.cellvars.iter().map(|c| c.1).chain(code.freevars.iter().map(|f| f.1)).collect();
    code.slot_names
        .iter()
        .enumerate()
        .filter(|(i, n)| !special.contains(&(*i as u32)) && n.as_pystr().is_some())
        .map(|(_, n)| *n)
        .collect()
}

macro_rules! code_getter {
    ($fname:ident, |$vm:ident, $c:ident| $body:expr) => {
        fn $fname($vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            let $c = code_of($vm, args)?;
            Ok($body)
        }
    };
}

code_getter!(co_name, |vm, c| c.name);
code_getter!(co_qualname, |vm, c| c.qualname);
code_getter!(co_filename, |vm, c| vm.new_str(c.filename()));
code_getter!(co_firstlineno, |vm, c| vm.new_int(c.first_line as i64));
code_getter!(co_argcount, |vm, c| vm.new_int(c.argcount as i64));
code_getter!(co_posonlyargcount, |vm, c| vm.new_int(c.posonlyargcount as i64));
code_getter!(co_kwonlyargcount, |vm, c| vm.new_int(c.kwonlyargcount as i64));
code_getter!(co_varnames, |vm, c| vm.new_tuple(varnames(&c)));
code_getter!(co_nlocals, |vm, c| vm.new_int(varnames(&c).len() as i64));
code_getter!(co_cellvars, |vm, c| vm.new_tuple(c.cellvars.iter().map(|x| x.0).collect()));
code_getter!(co_freevars, |vm, c| vm.new_tuple(c.freevars.iter().map(|x| x.0).collect()));
code_getter!(co_names, |vm, c| vm.new_tuple(c.names.clone()));
code_getter!(co_consts, |vm, c| {
    let mut v = vec![c.doc];
    v.extend(c.consts.iter().copied().filter(|x| !x.is_null()));
    vm.new_tuple(v)
});
code_getter!(co_code, |vm, c| {
    let _ = &c;
    vm.new_bytes(Vec::new())
});
code_getter!(co_stacksize, |vm, c| vm.new_int(c.nslots as i64));
code_getter!(co_flags, |vm, c| {
    // CPython's CO_* bits: OPTIMIZED|NEWLOCALS for functions, VARARGS, VARKEYWORDS,
    // NESTED, GENERATOR, NOFREE, COROUTINE, ITERABLE_COROUTINE, ASYNC_GENERATOR.
    let mut f = 0i64;
    if c.flags & (code_flags::MODULE | code_flags::CLASS_BODY) == 0 {
        f |= 0x1 | 0x2;
    }
    if c.flags & code_flags::VARARGS != 0 {
        f |= 0x4;
    }
    if c.flags & code_flags::VARKEYWORDS != 0 {
        f |= 0x8;
    }
    if !c.freevars.is_empty() {
        f |= 0x10;
    }
    let gen = c.flags & code_flags::GENERATOR != 0;
    let coro = c.flags & code_flags::COROUTINE != 0;
    match (gen, coro) {
        (true, true) => f |= 0x200,
        (true, false) => f |= 0x20,
        (false, true) => f |= 0x80,
        (false, false) => {}
    }
    if c.freevars.is_empty() && c.cellvars.is_empty() {
        f |= 0x40;
    }
    if c.flags & code_flags::ITERABLE_COROUTINE != 0 {
        f |= 0x100;
    }
    vm.new_int(f)
});

fn code_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = code_of(vm, args)?;
    let s = format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name.as_rstr().unwrap_or("?"),
        addr(args[0]),
        c.filename(),
        c.first_line
    );
    Ok(vm.new_string(s))
}

fn code_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = code_of(vm, args)?;
    let Ok(b) = code_of(vm, &[arg1(args)]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::bool(Rc::ptr_eq(&a, &b)))
}

fn code_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = code_of(vm, args)?;
    Ok(vm.new_int((Rc::as_ptr(&a) as usize >> 4) as i64))
}

// ----- frame objects -----

/// What a `frame` object shows: a snapshot of a frame's code, line and namespaces.
pub struct FrameInfo {
    pub code: Rc<Code>,
    pub lineno: u32,
    pub globals: Value,
    pub locals: Value,
    pub back: Value,
}

crate::impl_native!(FrameInfo, |s, visit| {
    visit(s.globals);
    visit(s.locals);
    visit(s.back);
});

/// A `frame` object for `code` at `lineno` (for `gi_frame`, `sys._getframe`, tracebacks).
pub fn new_frame_object(vm: &mut Vm, code: Rc<Code>, lineno: u32, globals: Value, locals: Value) -> Value {
    let cls = frame_class(vm);
    vm.new_native(cls, FrameInfo { code, lineno, globals, locals, back: Value::NONE })
}

fn frame_class(vm: &mut Vm) -> Value {
    if let Some(&c) = vm.extra_types.get("frame") {
        return c;
    }
    let object = vm.types.object;
    let c = vm.new_builtin_class("frame", object, crate::object::Layout::Other, 0);
    vm.add_getter(c, "f_code", frame_code);
    vm.add_getter(c, "f_lineno", frame_lineno);
    vm.add_getter(c, "f_lasti", frame_lasti);
    vm.add_getter(c, "f_globals", frame_globals);
    vm.add_getter(c, "f_locals", frame_locals);
    vm.add_getter(c, "f_back", frame_back);
    vm.add_getter(c, "f_builtins", frame_builtins);
    vm.add_method(c, "__repr__", frame_repr);
    vm.add_method(c, "clear", frame_clear);
    c
}

/// `frame.clear()`: frame objects here are snapshots holding no locals, so there is
/// nothing to release (`traceback.clear_frames` calls it).
fn frame_clear(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    frame_info(vm, args)?;
    Ok(Value::NONE)
}

fn frame_info<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a FrameInfo> {
    args.first()
        .and_then(|v| v.as_obj())
        .and_then(|o| o.native::<FrameInfo>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'frame' object"))
}

/// `frame.f_lasti`: a frame snapshot knows its line, not its instruction, so this is the
/// `co_positions()` index (times two, as CPython's offsets) of the first statement on
/// that line, or -1 when there is none (`inspect.getframeinfo` then uses `f_lineno`).
fn frame_lasti(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = frame_info(vm, args)?;
    let k = statement_spans(&f.code).iter().position(|&s| f.code.line_of_span(s) == f.lineno);
    Ok(vm.new_int(k.map_or(-1, |k| 2 * k as i64)))
}

fn frame_code(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = frame_info(vm, args)?.code.clone();
    Ok(vm.alloc(vm.types.code, Payload::Code(c)))
}

fn frame_lineno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = frame_info(vm, args)?.lineno;
    Ok(vm.new_int(l as i64))
}

fn frame_globals(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(frame_info(vm, args)?.globals)
}

fn frame_locals(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = frame_info(vm, args)?.locals;
    Ok(if l.is_none() || l.is_null() { vm.new_dict() } else { l })
}

fn frame_back(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(frame_info(vm, args)?.back)
}

fn frame_builtins(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = frame_info(vm, args)?.globals;
    Ok(super::builtins_of(vm, g))
}

fn frame_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = frame_info(vm, args)?;
    let s = format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        addr(args[0]),
        f.code.filename(),
        f.lineno,
        f.code.name.as_rstr().unwrap_or("?")
    );
    Ok(vm.new_string(s))
}

// ----- tracebacks -----

fn tb_data<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a crate::object::TracebackData> {
    match args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) {
        Some(Payload::Traceback(t)) => Ok(t),
        _ => Err(vm.type_error("descriptor requires a 'traceback' object")),
    }
}

fn tb_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(null_to_none(tb_data(vm, args)?.next.get()))
}

fn tb_set_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = tb_data(vm, args)?;
    let v = arg1(args);
    let ok = v.is_none() || v.as_obj().is_some_and(|o| matches!(o.payload, Payload::Traceback(_)));
    if !ok {
        return Err(vm.type_error(format!("expected traceback object or None, got '{}'", vm.type_tp_name(v))));
    }
    // Refuse loops: walking from `v` must not reach this traceback.
    let mut cur = v;
    while let Some(Payload::Traceback(n)) = cur.as_obj().map(|o| &o.payload) {
        if cur.is(args[0]) {
            return Err(vm.value_error("traceback loop detected"));
        }
        cur = n.next.get();
    }
    t.next.set(v);
    Ok(Value::NONE)
}

fn tb_lineno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = tb_data(vm, args)?.lineno;
    Ok(vm.new_int(l as i64))
}

fn tb_frame(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = tb_data(vm, args)?;
    if !t.frame.is_null() {
        return Ok(t.frame);
    }
    let (code, line) = (t.code.clone(), t.lineno);
    Ok(new_frame_object(vm, code, line, Value::NONE, Value::NONE))
}

/// The statement spans of a code object in block order: what `co_positions()` describes
/// and what `tb_lasti` indexes (as CPython's instruction offset, i.e. twice the index).
fn statement_spans(code: &Code) -> Vec<(u32, u32)> {
    code.blocks.iter().flat_map(|b| b.spans.iter().copied()).collect()
}

thread_local! {
    /// Per code object (keyed by its address), the spans that traceback entries narrowed
    /// to a sub-expression (the callee of `obj.name()`, an unbound local's name): they are
    /// no statement's span, so `co_positions()` lists them after the statements' and
    /// `tb_lasti` indexes them there, which lets the `traceback` module mark the same
    /// columns as the native printer.
    static NARROWED_SPANS: RefCell<HashMap<usize, Vec<(u32, u32)>>> = RefCell::new(HashMap::new());
}

fn tb_lasti(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = tb_data(vm, args)?;
    let spans = statement_spans(&t.code);
    let k = spans.iter().position(|&s| s == t.span).unwrap_or_else(|| {
        let key = Rc::as_ptr(&t.code) as usize;
        NARROWED_SPANS.with(|m| {
            let mut m = m.borrow_mut();
            let extra = m.entry(key).or_default();
            let j = extra.iter().position(|&s| s == t.span).unwrap_or_else(|| {
                extra.push(t.span);
                extra.len() - 1
            });
            spans.len() + j
        })
    });
    Ok(vm.new_int(2 * k as i64))
}

/// `code.co_positions()`: (line, end_line, column, end_column) of each statement, then
/// of each narrowed traceback span (`NARROWED_SPANS`).
fn co_positions(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = code_of(vm, args)?;
    let src = c.source.clone();
    let mut items = Vec::new();
    let mut spans = statement_spans(&c);
    let key = Rc::as_ptr(&c) as usize;
    NARROWED_SPANS.with(|m| spans.extend(m.borrow().get(&key).into_iter().flatten().copied()));
    for (s, e) in spans {
        let (l0, l1) = (src.line_of(s), src.line_of(e.max(s)));
        let col =
            |line: u32, off: u32| off.saturating_sub(src.line_starts.get(line as usize - 1).copied().unwrap_or(0));
        let vals = [l0 as i64, l1 as i64, col(l0, s) as i64, col(l1, e.max(s)) as i64];
        let t: Vec<Value> = vals.iter().map(|&v| vm.new_int(v)).collect();
        items.push(vm.new_tuple(t));
    }
    let l = vm.new_list(items);
    vm.iter(l)
}

pub fn init(vm: &mut Vm) {
    let f = vm.types.function;
    vm.add_method(f, "__repr__", function_repr);
    vm.add_method(f, "__get__", function_get);
    vm.add_method(f, "__call__", any_call);
    vm.add_property(f, "__name__", function_name, Some(function_set_name));
    vm.add_property(f, "__qualname__", function_qualname, Some(function_set_qualname));
    vm.add_property(f, "__doc__", function_doc, Some(function_set_doc));
    vm.add_property(f, "__module__", function_module, Some(function_set_module));
    vm.add_property(f, "__defaults__", function_defaults, Some(function_set_defaults));
    vm.add_property(f, "__kwdefaults__", function_kwdefaults, Some(function_set_kwdefaults));
    vm.add_property(f, "__annotations__", function_annotations, Some(function_set_annotations));
    vm.add_property(f, "__code__", function_code, Some(function_set_code));
    vm.add_getter(f, "__globals__", function_globals);
    vm.add_getter(f, "__builtins__", function_builtins);
    vm.add_getter(f, "__closure__", function_closure);

    let m = vm.types.method;
    vm.add_staticmethod(m, "__new__", method_new);
    vm.add_method(m, "__repr__", method_repr);
    vm.add_method(m, "__eq__", method_eq);
    vm.add_method(m, "__ne__", method_ne);
    vm.add_method(m, "__hash__", method_hash);
    vm.add_method(m, "__get__", method_get);
    vm.add_method(m, "__call__", any_call);
    vm.add_getter(m, "__func__", method_func);
    vm.add_getter(m, "__self__", method_self);
    vm.add_getter(m, "__name__", method_name);
    vm.add_getter(m, "__qualname__", method_qualname);
    vm.add_getter(m, "__doc__", method_doc);
    vm.add_getter(m, "__code__", method_code);
    vm.add_getter(m, "__defaults__", method_defaults);

    let t = &vm.types;
    let native_classes =
        [t.builtin_function, t.method_descriptor, t.classmethod_descriptor, t.wrapper_descriptor, t.method_wrapper];
    for b in native_classes {
        vm.add_method(b, "__repr__", native_repr);
        vm.add_method(b, "__call__", any_call);
        vm.add_method(b, "__get__", native_get);
        vm.add_method(b, "__eq__", native_eq);
        vm.add_method(b, "__hash__", native_hash);
        vm.add_method(b, "__reduce__", native_reduce);
        vm.add_getter(b, "__name__", native_name);
        vm.add_getter(b, "__qualname__", native_qualname_get);
        vm.add_getter(b, "__self__", native_self);
        vm.add_getter(b, "__doc__", native_doc);
        if !b.is(vm.types.builtin_function) {
            vm.add_getter(b, "__objclass__", native_objclass);
        }
    }

    let c = vm.types.cell;
    vm.add_property(c, "cell_contents", cell_contents, Some(cell_set_contents));
    vm.add_method(c, "__repr__", cell_repr);
    vm.add_staticmethod(c, "__new__", cell_new);

    let k = vm.types.code;
    vm.add_method(k, "__repr__", code_repr);
    vm.add_method(k, "__eq__", code_eq);
    vm.add_method(k, "__hash__", code_hash);
    vm.add_getter(k, "co_name", co_name);
    vm.add_getter(k, "co_qualname", co_qualname);
    vm.add_getter(k, "co_filename", co_filename);
    vm.add_getter(k, "co_firstlineno", co_firstlineno);
    vm.add_getter(k, "co_argcount", co_argcount);
    vm.add_getter(k, "co_posonlyargcount", co_posonlyargcount);
    vm.add_getter(k, "co_kwonlyargcount", co_kwonlyargcount);
    vm.add_getter(k, "co_varnames", co_varnames);
    vm.add_getter(k, "co_nlocals", co_nlocals);
    vm.add_getter(k, "co_cellvars", co_cellvars);
    vm.add_getter(k, "co_freevars", co_freevars);
    vm.add_getter(k, "co_names", co_names);
    vm.add_getter(k, "co_consts", co_consts);
    vm.add_getter(k, "co_code", co_code);
    vm.add_getter(k, "co_stacksize", co_stacksize);
    vm.add_getter(k, "co_flags", co_flags);
    vm.add_method(k, "replace", code_replace);
    vm.add_method(k, "co_positions", co_positions);

    let t = vm.types.traceback;
    vm.add_property(t, "tb_next", tb_next, Some(tb_set_next));
    vm.add_getter(t, "tb_lineno", tb_lineno);
    vm.add_getter(t, "tb_frame", tb_frame);
    vm.add_getter(t, "tb_lasti", tb_lasti);
}
