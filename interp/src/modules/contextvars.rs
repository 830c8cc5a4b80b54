//! The `_contextvars` module (`contextvars`): `ContextVar`, `Token`, `Context` and
//! `copy_context`, as `decimal` and the other users of context-local state need them.
//! The current context lives in `vm.state`; each thread has its own (`crate::threads` swaps
//! it with the thread), and `Context.run` switches it.

use std::cell::Cell;

use crate::impl_native;
use crate::object::Layout;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{native, new_class, new_module, set, this};

const CURRENT: &str = "_contextvars.current";
const VAR_CLS: &str = "_contextvars.ContextVar";
const TOKEN_CLS: &str = "_contextvars.Token";
const CTX_CLS: &str = "_contextvars.Context";
const MISSING: &str = "_contextvars.MISSING";

pub struct ContextVar {
    name: Value,
    /// NULL when the variable has no default.
    default: Value,
}
impl_native!(ContextVar, |s, visit| {
    visit(s.name);
    if !s.default.is_null() {
        visit(s.default);
    }
});

pub struct Token {
    var: Value,
    /// NULL when the variable had no value before `set`.
    old: Value,
    ctx: Value,
    used: Cell<bool>,
}
impl_native!(Token, |s, visit| {
    visit(s.var);
    if !s.old.is_null() {
        visit(s.old);
    }
    visit(s.ctx);
});

/// A context: a dict from ContextVar objects to values.
pub struct Context {
    vars: Cell<Value>,
    entered: Cell<bool>,
}
impl_native!(Context, |s, visit| {
    visit(s.vars.get());
});

fn cls(vm: &Vm, key: &str) -> Value {
    vm.state.borrow().get(key).copied().unwrap_or(vm.types.object)
}

fn new_context(vm: &mut Vm, vars: Value) -> Value {
    let c = cls(vm, CTX_CLS);
    vm.new_native(c, Context { vars: Cell::new(vars), entered: Cell::new(false) })
}

/// The current context object (made on first use).
fn current(vm: &mut Vm) -> Value {
    if let Some(c) = vm.state.borrow().get(CURRENT).copied() {
        return c;
    }
    let d = vm.new_dict();
    let c = new_context(vm, d);
    vm.state.borrow_mut().insert(CURRENT, c);
    c
}

fn ctx_vars(vm: &mut Vm, ctx: Value) -> Value {
    match native::<Context>(&ctx) {
        Some(c) => c.vars.get(),
        None => vm.new_dict(),
    }
}

fn missing(vm: &mut Vm) -> Value {
    if let Some(m) = vm.state.borrow().get(MISSING).copied() {
        return m;
    }
    let o = vm.types.object;
    let m = vm.call(o, &[], &[]).unwrap_or(Value::NONE);
    vm.state.borrow_mut().insert(MISSING, m);
    m
}

// ----- ContextVar -----

fn var_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [_cls, name, default] = vm.bind_args("ContextVar", args, kw, ["cls", "name", "default"], 2)?;
    if name.as_rstr().is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let c = cls(vm, VAR_CLS);
    Ok(vm.new_native(c, ContextVar { name, default }))
}

fn var_get(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = this::<ContextVar>(vm, args, "get", "_contextvars.ContextVar")?;
    let (name, dflt) = (v.name, v.default);
    super::nargs(vm, "get", &args[1..], kw, 0, 1)?;
    let ctx = current(vm);
    let d = ctx_vars(vm, ctx);
    if let Some(x) = vm.dict_get(d, args[0])? {
        return Ok(x);
    }
    if let Some(&x) = args.get(1) {
        return Ok(x);
    }
    if !dflt.is_null() {
        return Ok(dflt);
    }
    let r = vm.repr_string(args[0]).unwrap_or_else(|_| name.as_rstr().unwrap_or("").to_owned());
    Err(vm.err(vm.exc.lookup_error, r))
}

fn var_set(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<ContextVar>(vm, args, "set", "_contextvars.ContextVar")?;
    super::nargs(vm, "set", &args[1..], kw, 1, 1)?;
    let ctx = current(vm);
    let d = ctx_vars(vm, ctx);
    let old = vm.dict_get(d, args[0])?.unwrap_or(Value::NULL);
    vm.dict_set(d, args[0], args[1])?;
    let c = cls(vm, TOKEN_CLS);
    Ok(vm.new_native(c, Token { var: args[0], old, ctx, used: Cell::new(false) }))
}

fn var_reset(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<ContextVar>(vm, args, "reset", "_contextvars.ContextVar")?;
    super::nargs(vm, "reset", &args[1..], kw, 1, 1)?;
    let Some(t) = native::<Token>(&args[1]) else {
        return Err(vm.type_error(format!("expected an instance of Token, got '{}'", vm.type_tp_name(args[1]))));
    };
    if t.used.get() {
        let r = vm.repr_string(args[1])?;
        return Err(vm.runtime_error(format!("{r} has already been used once")));
    }
    if !t.var.is(args[0]) {
        let r = vm.repr_string(args[1])?;
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx = current(vm);
    if !t.ctx.is(ctx) {
        let r = vm.repr_string(args[1])?;
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    t.used.set(true);
    let old = t.old;
    let d = ctx_vars(vm, ctx);
    if old.is_null() {
        if vm.dict_get(d, args[0])?.is_some() {
            vm.call_method(d, "__delitem__", &[args[0]])?;
        }
    } else {
        vm.dict_set(d, args[0], old)?;
    }
    Ok(Value::NONE)
}

fn var_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<ContextVar>(vm, args, "name", "_contextvars.ContextVar")?.name)
}

fn var_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = this::<ContextVar>(vm, args, "__repr__", "_contextvars.ContextVar")?;
    let (name, dflt) = (v.name, v.default);
    let n = vm.repr_string(name)?;
    let mut s = format!("<ContextVar name={n}");
    if !dflt.is_null() {
        s.push_str(&format!(" default={}", vm.repr_string(dflt)?));
    }
    s.push_str(&format!(" at 0x{:x}>", args[0].bits()));
    Ok(vm.new_string(s))
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(crate::types::list::generic_alias(vm, args[0], args.get(1).copied().unwrap_or(Value::NONE)))
}

// ----- Token -----

fn token_var(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Token>(vm, args, "var", "_contextvars.Token")?.var)
}

fn token_old_value(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let old = this::<Token>(vm, args, "old_value", "_contextvars.Token")?.old;
    if old.is_null() {
        let k = vm.intern("MISSING");
        let c = cls(vm, TOKEN_CLS);
        return vm.get_attr(c, k);
    }
    Ok(old)
}

fn token_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = this::<Token>(vm, args, "__repr__", "_contextvars.Token")?;
    let (used, var) = (t.used.get(), t.var);
    let v = vm.repr_string(var)?;
    let s = format!("<Token{} var={v} at 0x{:x}>", if used { " used" } else { "" }, args[0].bits());
    Ok(vm.new_string(s))
}

// ----- Context -----

fn ctx_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    let d = vm.new_dict();
    Ok(new_context(vm, d))
}

fn copy_context(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "copy_context", args, kw, 0, 0)?;
    let c = current(vm);
    ctx_copy(vm, &[c], &[])
}

fn ctx_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Context>(vm, args, "copy", "_contextvars.Context")?;
    let d = ctx_vars(vm, args[0]);
    let d2 = vm.call_method(d, "copy", &[])?;
    Ok(new_context(vm, d2))
}

fn ctx_run(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = this::<Context>(vm, args, "run", "_contextvars.Context")?;
    if c.entered.get() {
        let r = vm.repr_string(args[0])?;
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let Some(&f) = args.get(1) else {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    };
    c.entered.set(true);
    let prev = current(vm);
    vm.state.borrow_mut().insert(CURRENT, args[0]);
    let r = vm.call(f, &args[2..], kw);
    vm.state.borrow_mut().insert(CURRENT, prev);
    c.entered.set(false);
    r
}

fn ctx_dict_method(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    this::<Context>(vm, args, name, "_contextvars.Context")?;
    let d = ctx_vars(vm, args[0]);
    vm.call_method(d, name, &args[1..])
}

fn ctx_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if native::<ContextVar>(&args.get(1).copied().unwrap_or(Value::NONE)).is_none() {
        let t = vm.type_name(args.get(1).copied().unwrap_or(Value::NONE));
        return Err(vm.type_error(format!("a ContextVar key was expected, got {t}")));
    }
    ctx_dict_method(vm, args, "__getitem__")
}
fn ctx_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ctx_dict_method(vm, args, "get")
}
fn ctx_contains(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ctx_dict_method(vm, args, "__contains__")
}
fn ctx_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ctx_dict_method(vm, args, "__len__")
}
fn ctx_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ctx_dict_method(vm, args, "__iter__")
}
fn ctx_keys(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ctx_dict_method(vm, args, "keys")
}
fn ctx_values(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ctx_dict_method(vm, args, "values")
}
fn ctx_items(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    ctx_dict_method(vm, args, "items")
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(vm, "_contextvars", &[("copy_context", copy_context)]);
    let obj = vm.types.object;

    let v = new_class(vm, "_contextvars", "ContextVar", obj, Layout::Other, 0);
    vm.add_staticmethod(v, "__new__", var_new);
    vm.add_method(v, "get", var_get);
    vm.add_method(v, "set", var_set);
    vm.add_method(v, "reset", var_reset);
    vm.add_method(v, "__repr__", var_repr);
    vm.add_getter(v, "name", var_name);
    vm.add_classmethod(v, "__class_getitem__", class_getitem);
    vm.state.borrow_mut().insert(VAR_CLS, v);
    set(vm, m, "ContextVar", v);

    let t = new_class(vm, "_contextvars", "Token", obj, Layout::Other, 0);
    vm.add_getter(t, "var", token_var);
    vm.add_getter(t, "old_value", token_old_value);
    vm.add_method(t, "__repr__", token_repr);
    vm.add_classmethod(t, "__class_getitem__", class_getitem);
    let miss = missing(vm);
    set(vm, t, "MISSING", miss);
    vm.state.borrow_mut().insert(TOKEN_CLS, t);
    set(vm, m, "Token", t);

    let c = new_class(vm, "_contextvars", "Context", obj, Layout::Other, 0);
    vm.add_staticmethod(c, "__new__", ctx_new);
    vm.add_method(c, "run", ctx_run);
    vm.add_method(c, "copy", ctx_copy);
    vm.add_method(c, "__getitem__", ctx_getitem);
    vm.add_method(c, "get", ctx_get);
    vm.add_method(c, "__contains__", ctx_contains);
    vm.add_method(c, "__len__", ctx_len);
    vm.add_method(c, "__iter__", ctx_iter);
    vm.add_method(c, "keys", ctx_keys);
    vm.add_method(c, "values", ctx_values);
    vm.add_method(c, "items", ctx_items);
    vm.state.borrow_mut().insert(CTX_CLS, c);
    set(vm, m, "Context", c);
    Ok(m)
}
