//! `_imp` (what `importlib._bootstrap` needs of the import machinery), plus the two
//! modules `importlib._bootstrap_external` imports at load time: `_warnings` (empty, so
//! `warnings` uses its pure-Python implementation) and `marshal` (not supported yet:
//! Krait neither reads nor writes `.pyc` files).
//!
//! Krait's own import system (`builtins::import`) loads modules; these functions let
//! `importlib` describe and find builtin modules the same way.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{new_module, set};

fn name_arg(vm: &Vm, v: Value, fname: &str) -> PyResult<String> {
    match v.as_rstr() {
        Some(s) => Ok(s.to_owned()),
        None => Err(vm.type_error(format!("{fname}() argument must be str, not {}", vm.arg_type_name(v)))),
    }
}

fn is_builtin_name(vm: &mut Vm, name: &str) -> bool {
    let natives = vm.state.borrow().get("import.natives").copied();
    match natives {
        Some(n) => {
            let k = vm.new_str(name);
            vm.dict_get_str(n, k).is_some() || name == "sys" || name == "builtins"
        }
        None => name == "sys" || name == "builtins",
    }
}

fn imp_is_builtin(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [n] = vm.bind_args("is_builtin", args, kw, ["name"], 1)?;
    let name = name_arg(vm, n, "is_builtin")?;
    let b = is_builtin_name(vm, &name);
    Ok(vm.new_int(b as i64))
}

fn imp_false(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let _ = (vm, args);
    Ok(Value::FALSE)
}

fn imp_none(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn imp_create_builtin(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [spec] = vm.bind_args("create_builtin", args, kw, ["spec"], 1)?;
    let k = vm.intern("name");
    let n = vm.get_attr(spec, k)?;
    let name = name_arg(vm, n, "create_builtin")?;
    if !is_builtin_name(vm, &name) {
        return Err(vm.err(vm.exc.import_error, format!("no built-in module named {name}")));
    }
    crate::builtins::import::import_module(vm, &name)
}

fn imp_exec_builtin(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(0))
}

fn imp_extension_suffixes(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_list(Vec::new()))
}

fn imp_frozen_names(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_list(Vec::new()))
}

fn imp_not_frozen(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = args.first().and_then(|v| v.as_rstr()).unwrap_or("?").to_owned();
    Err(vm.err(vm.exc.import_error, format!("No such frozen object named '{n}'")))
}

fn imp_source_hash(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.not_implemented_error("_imp.source_hash is not supported yet (Krait does not use .pyc files)"))
}

pub fn init_imp(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_imp",
        &[
            ("is_builtin", imp_is_builtin),
            ("is_frozen", imp_false),
            ("is_frozen_package", imp_false),
            ("find_frozen", imp_none),
            ("init_frozen", imp_not_frozen),
            ("get_frozen_object", imp_not_frozen),
            ("create_builtin", imp_create_builtin),
            ("exec_builtin", imp_exec_builtin),
            ("exec_dynamic", imp_exec_builtin),
            ("extension_suffixes", imp_extension_suffixes),
            ("_frozen_module_names", imp_frozen_names),
            ("acquire_lock", imp_none),
            ("release_lock", imp_none),
            ("lock_held", imp_false),
            ("_fix_co_filename", imp_none),
            ("source_hash", imp_source_hash),
            ("_override_frozen_modules_for_tests", imp_none),
            ("_override_multi_interp_extensions_check", imp_none),
        ],
    );
    let never = vm.new_str("never");
    set(vm, m, "check_hash_based_pycs", never);
    Ok(m)
}

/// `_warnings.warn(...)`: the pure-Python `warnings.warn` (Krait has no C filters, so
/// `warnings` runs its Python implementation and this module only forwards to it).
fn warnings_forward(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let w = crate::builtins::import::import_module(vm, "warnings")?;
    let k = vm.intern(name);
    let f = vm.get_attr(w, k)?;
    vm.call(f, args, kw)
}

fn warnings_warn(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    warnings_forward(vm, "warn", args, kw)
}

fn warnings_warn_explicit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    warnings_forward(vm, "warn_explicit", args, kw)
}

pub fn init_warnings(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(new_module(vm, "_warnings", &[("warn", warnings_warn), ("warn_explicit", warnings_warn_explicit)]))
}

fn marshal_unsupported(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.not_implemented_error("the marshal module is not supported yet"))
}

pub fn init_marshal(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "marshal",
        &[
            ("dumps", marshal_unsupported),
            ("loads", marshal_unsupported),
            ("dump", marshal_unsupported),
            ("load", marshal_unsupported),
        ],
    );
    super::set_int(vm, m, "version", 4);
    Ok(m)
}
