//! `exec`, `eval` and `compile`.
//!
//! Source strings are lowered by `crate::lower::compile` into code objects
//! (`Payload::Code`) and run by `crate::eval::run_code` against the given namespaces.
//! Without explicit namespaces the caller's globals and locals are used, which is why
//! these builtins need to see the running frame (`super::caller_namespaces`).

use std::rc::Rc;

use crate::cfg::{Code, Source};
use crate::lower::Mode;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `compile()` flag asking for an AST instead of a code object.
const PYCF_ONLY_AST: i64 = 0x400;

/// Which builtin is asking, for its error messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Caller {
    Exec,
    Eval,
}

/// The text of a `str`/`bytes`/`bytearray` source, or None for other objects.
fn source_text(vm: &mut Vm, src: Value, filename: &str) -> PyResult<Option<String>> {
    let bytes: Vec<u8> = match src.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => {
            if s.as_str().contains('\0') {
                return Err(vm.value_error("source code string cannot contain null bytes"));
            }
            return Ok(Some(s.as_str().to_owned()));
        }
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => return Ok(None),
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("source code string cannot contain null bytes"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes().get(pos).copied().unwrap_or(0);
            Err(super::syntax_error(vm, format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte ({filename}, line 1)"
                ),
            ))
        }
    }
}

/// Lowers `text` as a code object named after `filename`.
pub fn compile_source(vm: &mut Vm, text: String, filename: &str, mode: Mode) -> PyResult<Rc<Code>> {
    let src = Rc::new(Source::new(filename.to_owned(), text));
    crate::lower::compile(vm, src, mode)
}

/// The globals and locals `exec`/`eval` run with, after checking them like CPython.
fn namespaces(vm: &mut Vm, caller: Caller, globals: Value, locals: Value) -> PyResult<(Value, Value)> {
    let given = |v: Value| !v.is_null() && !v.is_none();
    let (g, l) = if !given(globals) {
        let (g, l) = super::caller_namespaces(vm)?;
        (g, if given(locals) { locals } else { l })
    } else {
        (globals, if given(locals) { locals } else { globals })
    };
    if g.as_dict().is_none() {
        let msg = match caller {
            Caller::Exec => format!("exec() globals must be a dict, not {}", vm.type_name(g)),
            Caller::Eval => {
                if super::functions::special(vm, g, "__getitem__").is_some() {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_owned()
                } else {
                    "globals must be a dict".to_owned()
                }
            }
        };
        return Err(vm.type_error(msg));
    }
    if !l.is(g) && l.as_dict().is_none() && super::functions::special(vm, l, "__getitem__").is_none() {
        let msg = match caller {
            Caller::Exec => format!("locals must be a mapping or None, not {}", vm.type_name(l)),
            Caller::Eval => "locals must be a mapping".to_owned(),
        };
        return Err(vm.type_error(msg));
    }
    let k = vm.intern("__builtins__");
    if vm.dict_get_str(g, k).is_none() {
        vm.dict_set_str(g, k, vm.builtins_dict);
    }
    Ok((g, l))
}

/// Runs a code object with the given namespaces (`locals` equal to `globals` runs it as
/// module-level code).
pub fn run(vm: &mut Vm, code: Rc<Code>, globals: Value, locals: Value) -> PyResult<Value> {
    let l = if locals.is(globals) { Value::NULL } else { locals };
    crate::eval::run_code(vm, code, globals, l)
}

fn code_of(v: Value) -> Option<Rc<Code>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Code(c)) => Some(c.clone()),
        _ => None,
    }
}

fn check_no_freevars(vm: &Vm, code: &Code, closure: Value) -> PyResult<()> {
    let n = code.freevars.len();
    let given = closure.as_tuple().map(|t| t.len());
    match given {
        None if n > 0 => Err(vm.type_error(format!("code object requires a closure of exactly length {n}"))),
        Some(k) if k != n => Err(vm.type_error(format!("code object requires a closure of exactly length {n}"))),
        Some(_) => Err(vm.not_implemented_error("exec() with a closure is not supported yet")),
        None => Ok(()),
    }
}

/// Positional-only parameters passed by keyword, reported the way CPython does.
fn reject_posonly_kwargs(vm: &Vm, fname: &str, kw: &[(Value, Value)], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let n = k.as_rstr().unwrap_or("");
        if !allowed.contains(&n) {
            return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for {fname}()")));
        }
    }
    Ok(())
}

pub fn builtin_exec(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    reject_posonly_kwargs(vm, "exec", kw, &["closure"])?;
    if args.is_empty() || args.len() > 3 {
        let n = args.len();
        return Err(vm.type_error(if n == 0 {
            "exec expected at least 1 argument, got 0".to_owned()
        } else {
            format!("exec expected at most 3 arguments, got {n}")
        }));
    }
    let closure = kw.iter().find(|(k, _)| k.as_rstr() == Some("closure")).map(|(_, v)| *v).unwrap_or(Value::NONE);
    let src = args[0];
    let globals = args.get(1).copied().unwrap_or(Value::NONE);
    let locals = args.get(2).copied().unwrap_or(Value::NONE);
    let (g, l) = namespaces(vm, Caller::Exec, globals, locals)?;
    let code = match code_of(src) {
        Some(c) => {
            check_no_freevars(vm, &c, closure)?;
            c
        }
        None => match source_text(vm, src, "<string>")? {
            Some(text) => compile_source(vm, text, "<string>", Mode::Exec)?,
            None => return Err(vm.type_error("exec() arg 1 must be a string, bytes or code object")),
        },
    };
    run(vm, code, g, l)?;
    Ok(Value::NONE)
}

pub fn builtin_eval(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    reject_posonly_kwargs(vm, "eval", kw, &[])?;
    if args.is_empty() || args.len() > 3 {
        let n = args.len();
        return Err(vm.type_error(if n == 0 {
            "eval expected at least 1 argument, got 0".to_owned()
        } else {
            format!("eval expected at most 3 arguments, got {n}")
        }));
    }
    let src = args[0];
    let globals = args.get(1).copied().unwrap_or(Value::NONE);
    let locals = args.get(2).copied().unwrap_or(Value::NONE);
    if code_of(src).is_none() && source_text(vm, src, "<string>")?.is_none() {
        return Err(vm.type_error("eval() arg 1 must be a string, bytes or code object"));
    }
    let (g, l) = namespaces(vm, Caller::Eval, globals, locals)?;
    let code = match code_of(src) {
        Some(c) => {
            check_no_freevars(vm, &c, Value::NONE)?;
            c
        }
        None => {
            let text = source_text(vm, src, "<string>")?.unwrap_or_default();
            // eval() ignores leading blanks, so indented expressions work.
            let text = text.trim_start_matches([' ', '\t']).to_owned();
            compile_source(vm, text, "<string>", Mode::Eval)?
        }
    };
    run(vm, code, g, l)
}

pub fn builtin_compile(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [source, filename, mode, flags, _dont_inherit, _optimize, _feature] = vm.bind_args(
        "compile",
        args,
        kw,
        ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        3,
    )?;
    let fname = match filename.as_rstr() {
        Some(f) => f.to_owned(),
        None => match filename.as_obj().map(|o| &o.payload) {
            Some(Payload::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
            _ => {
                let k = vm.intern("__fspath__");
                match vm.lookup_type(vm.type_of(filename), k) {
                    Some(f) => {
                        let p = vm.call(f, &[filename], &[])?;
                        vm.str_string(p)?
                    }
                    None => {
                        return Err(vm.type_error(format!(
                            "expected str, bytes or os.PathLike object, not {}",
                            vm.type_tp_name(filename)
                        )))
                    }
                }
            }
        },
    };
    let mode = match mode.as_rstr() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some("func_type") => return Err(vm.not_implemented_error("compile() mode 'func_type' is not supported yet")),
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {}", vm.arg_type_name(mode))))
        }
    };
    let flags = if flags.is_null() { 0 } else { vm.to_index(flags)? };
    let Some(text) = source_text(vm, source, &fname)? else {
        let m = crate::builtins::import::import_module(vm, "_ast")?;
        let k = vm.intern("AST");
        let ast_class = vm.get_attr(m, k)?;
        if vm.isinstance(source, ast_class) {
            return Err(vm.not_implemented_error("compile() of an AST object is not supported yet"));
        }
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if flags & PYCF_ONLY_AST != 0 {
        let src = Rc::new(Source::new(fname, text));
        return crate::lower::to_ast::parse_to_ast(vm, src, mode);
    }
    let code = compile_source(vm, text, &fname, mode)?;
    Ok(vm.alloc(vm.types.code, Payload::Code(code)))
}
