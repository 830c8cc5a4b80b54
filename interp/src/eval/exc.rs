//! Methods and attributes of the builtin exception classes.
//!
//! Every exception instance carries `Payload::Exception` (args, traceback, cause, context,
//! suppress_context) made by `BaseException.__new__`, so a user subclass whose `__init__`
//! never calls `super().__init__` still has `args`, as in CPython.
//!
//! Subclass-specific fields (`StopIteration.value`, `OSError.errno`, `SyntaxError.lineno`,
//! ...) live in the instance's attribute storage under their own names and are exposed
//! through properties that read that storage with a default of None. CPython keeps them
//! in C struct members; the properties give the same behaviour (present and None until
//! set, settable) while letting the runtime set them without running Python code
//! (`Vm::stop_iteration` stores `value` directly).

use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

fn arg1(args: &[Value]) -> Value {
    args.get(1).copied().unwrap_or(Value::NONE)
}

/// `args[0]` as an exception instance.
fn self_exc(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(&v) if v.as_obj().and_then(|o| o.as_exception()).is_some() => Ok(v),
        Some(&v) => Err(vm.type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            vm.type_tp_name(v)
        ))),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

fn exc_data(v: &Value) -> &crate::object::ExcData {
    match v.as_obj().and_then(|o| o.as_exception()) {
        Some(d) => d,
        None => unreachable!("exception payload checked by self_exc"),
    }
}

/// An attribute stored in the instance's own storage (NONE when absent).
pub fn slot_get(vm: &mut Vm, obj: Value, name: &str) -> Value {
    let k = vm.intern(name);
    let Some(a) = obj.as_obj().and_then(|o| o.attrs.as_ref()) else {
        return Value::NONE;
    };
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
    v.unwrap_or(Value::NONE)
}

/// Stores an attribute in the instance's own storage.
pub fn slot_set(vm: &mut Vm, obj: Value, name: &str, v: Value) {
    super::interp::set_exc_attr(vm, obj, name, v)
}

fn args_tuple(vm: &Vm, args: &[Value]) -> Value {
    vm.new_tuple(args.to_vec())
}

// ----- BaseException -----

fn base_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments"));
    };
    if cls.as_class().is_none() {
        return Err(
            vm.type_error(format!("BaseException.__new__(X): X is not a type object ({})", vm.type_tp_name(cls)))
        );
    }
    if !vm.is_subclass(cls, vm.exc.base_exception) {
        return Err(vm.type_error(format!(
            "BaseException.__new__({}): {} is not a subtype of BaseException",
            vm.class_name(cls),
            vm.class_name(cls)
        )));
    }
    let a = args_tuple(vm, &args[1..]);
    Ok(vm.alloc(cls, Payload::Exception(Box::new(crate::object::ExcData::new(a)))))
}

fn no_kwargs(vm: &Vm, obj: Value, kw: &[(Value, Value)]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", vm.type_tp_name(obj))))
    }
}

fn base_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    no_kwargs(vm, e, kw)?;
    exc_data(&e).args.set(args_tuple(vm, &args[1..]));
    Ok(Value::NONE)
}

/// The args tuple of an exception as a vector.
pub fn exc_args(v: Value) -> Vec<Value> {
    v.as_obj()
        .and_then(|o| o.as_exception())
        .and_then(|e| e.args.get().as_tuple().map(|t| t.to_vec()))
        .unwrap_or_default()
}

/// `BaseException.__str__`: "", str(arg) or str(args).
pub fn base_str_of(vm: &mut Vm, e: Value) -> PyResult<Value> {
    let a = exc_args(e);
    match a.len() {
        0 => Ok(vm.empty_str),
        1 => vm.str(a[0]),
        _ => {
            let t = exc_data(&e).args.get();
            vm.str(t)
        }
    }
}

fn base_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    base_str_of(vm, e)
}

/// The class name CPython's `BaseException.__repr__` shows (`tp_name` after the last dot).
fn short_type_name(vm: &Vm, v: Value) -> String {
    vm.type_name(v)
}

fn base_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let name = short_type_name(vm, e);
    let a = exc_args(e);
    let inner = if a.len() == 1 {
        format!("({})", vm.repr_string(a[0])?)
    } else {
        let t = exc_data(&e).args.get();
        vm.repr_string(t)?
    };
    Ok(vm.new_string(format!("{name}{inner}")))
}

fn get_args(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    Ok(exc_data(&e).args.get())
}

fn set_args(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let items = vm.collect(arg1(args))?;
    let t = vm.new_tuple(items);
    exc_data(&e).args.set(t);
    Ok(Value::NONE)
}

fn is_traceback(v: Value) -> bool {
    v.as_obj().is_some_and(|o| matches!(o.payload, Payload::Traceback(_)))
}

fn get_traceback(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let t = exc_data(&e).traceback.get();
    Ok(if t.is_null() { Value::NONE } else { t })
}

fn set_traceback(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let v = arg1(args);
    if !v.is_none() && !is_traceback(v) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    exc_data(&e).traceback.set(v);
    Ok(Value::NONE)
}

fn with_traceback(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let v = arg1(args);
    if !v.is_none() && !is_traceback(v) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    exc_data(&e).traceback.set(v);
    Ok(e)
}

fn get_cause(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let c = exc_data(&e).cause.get();
    Ok(if c.is_null() { Value::NONE } else { c })
}

fn set_cause(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let v = arg1(args);
    if !v.is_none() && !vm.isinstance(v, vm.exc.base_exception) {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    let d = exc_data(&e);
    d.cause.set(v);
    d.suppress_context.set(true);
    Ok(Value::NONE)
}

fn get_context(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let c = exc_data(&e).context.get();
    Ok(if c.is_null() { Value::NONE } else { c })
}

fn set_context(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let v = arg1(args);
    if !v.is_none() && !vm.isinstance(v, vm.exc.base_exception) {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    exc_data(&e).context.set(v);
    Ok(Value::NONE)
}

fn get_suppress(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    Ok(Value::bool(exc_data(&e).suppress_context.get()))
}

fn set_suppress(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let b = vm.truthy(arg1(args))?;
    exc_data(&e).suppress_context.set(b);
    Ok(Value::NONE)
}

fn add_note(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let note = args[1];
    if note.as_pystr().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_tp_name(note))));
    }
    let k = vm.intern("__notes__");
    let notes = match vm.get_attr_opt(e, k)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            vm.set_attr(e, k, l)?;
            l
        }
    };
    match notes.as_list() {
        Some(l) if vm.type_of(notes).is(vm.types.list) => l.borrow_mut().push(note),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::NONE)
}

fn base_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let cls = vm.type_of(e);
    let a = exc_data(&e).args.get();
    Ok(vm.new_tuple(vec![cls, a]))
}

// ----- member-like attributes -----

macro_rules! member {
    ($get:ident, $set:ident, $name:literal) => {
        fn $get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            let e = self_exc(vm, args)?;
            Ok(slot_get(vm, e, $name))
        }
        fn $set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            let e = self_exc(vm, args)?;
            slot_set(vm, e, $name, arg1(args));
            Ok(Value::NONE)
        }
    };
}

member!(get_value, set_value, "value");
member!(get_code, set_code, "code");
member!(get_msg, set_msg, "msg");
member!(get_name, set_name, "name");
member!(get_path, set_path, "path");
member!(get_obj, set_obj, "obj");
member!(get_errno, set_errno, "errno");
member!(get_strerror, set_strerror, "strerror");
member!(get_filename, set_filename, "filename");
member!(get_filename2, set_filename2, "filename2");
member!(get_lineno, set_lineno, "lineno");
member!(get_offset, set_offset, "offset");
member!(get_text, set_text, "text");
member!(get_end_lineno, set_end_lineno, "end_lineno");
member!(get_end_offset, set_end_offset, "end_offset");
member!(get_pfal, set_pfal, "print_file_and_line");
member!(get_encoding, set_encoding, "encoding");
member!(get_object, set_object, "object");
member!(get_start, set_start, "start");
member!(get_end, set_end, "end");
member!(get_reason, set_reason, "reason");
member!(get_message, set_message, "message");
member!(get_exceptions, set_exceptions, "exceptions");

// ----- StopIteration, SystemExit -----

fn stop_iteration_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    base_init(vm, args, kw)?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    slot_set(vm, args[0], "value", v);
    Ok(Value::NONE)
}

fn system_exit_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    base_init(vm, args, kw)?;
    let code = match args.len() {
        1 => Value::NONE,
        2 => args[1],
        _ => vm.new_tuple(args[1..].to_vec()),
    };
    slot_set(vm, args[0], "code", code);
    Ok(Value::NONE)
}

// ----- ImportError, NameError, AttributeError -----

/// Accepts only the keyword arguments in `allowed`, storing each as an attribute.
fn store_kwargs(vm: &mut Vm, e: Value, kw: &[(Value, Value)], allowed: &[&str], cls: &str) -> PyResult<()> {
    for &(k, _) in kw {
        let name = k.as_rstr().unwrap_or("");
        if !allowed.contains(&name) {
            return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for {cls}()")));
        }
    }
    for &a in allowed {
        let v = kw.iter().find(|(k, _)| k.as_rstr() == Some(a)).map(|(_, v)| *v).unwrap_or(Value::NONE);
        slot_set(vm, e, a, v);
    }
    Ok(())
}

fn import_error_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    exc_data(&e).args.set(args_tuple(vm, &args[1..]));
    let cls = vm.type_name(e);
    store_kwargs(vm, e, kw, &["name", "path"], &cls)?;
    let msg = if args.len() == 2 { args[1] } else { Value::NONE };
    slot_set(vm, e, "msg", msg);
    Ok(Value::NONE)
}

fn import_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let msg = slot_get(vm, e, "msg");
    if msg.as_obj().is_some_and(|o| o.class.get().is(vm.types.str_)) {
        return Ok(msg);
    }
    base_str_of(vm, e)
}

fn name_error_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    exc_data(&e).args.set(args_tuple(vm, &args[1..]));
    let cls = vm.type_name(e);
    store_kwargs(vm, e, kw, &["name"], &cls)?;
    Ok(Value::NONE)
}

fn attribute_error_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    exc_data(&e).args.set(args_tuple(vm, &args[1..]));
    let cls = vm.type_name(e);
    store_kwargs(vm, e, kw, &["name", "obj"], &cls)?;
    Ok(Value::NONE)
}

// ----- KeyError -----

fn key_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let a = exc_args(e);
    if a.len() == 1 {
        return vm.repr(a[0]);
    }
    base_str_of(vm, e)
}

// ----- OSError -----

/// The OSError subclass CPython picks for an errno (Linux values).
fn os_subclass_for(vm: &Vm, errno: i64) -> Option<Value> {
    let e = &vm.exc;
    Some(match errno {
        11 | 114 | 115 => e.blocking_io_error,
        10 => e.child_process_error,
        32 | 108 => e.broken_pipe_error,
        103 => e.connection_aborted_error,
        111 => e.connection_refused_error,
        104 => e.connection_reset_error,
        17 => e.file_exists_error,
        2 => e.file_not_found_error,
        21 => e.is_a_directory_error,
        20 => e.not_a_directory_error,
        4 => e.interrupted_error,
        1 | 13 => e.permission_error,
        3 => e.process_lookup_error,
        110 => e.timeout_error,
        _ => return None,
    })
}

/// Sets errno/strerror/filename/filename2 from the constructor arguments and trims `args`
/// to (errno, strerror) when a filename was given, as CPython does.
fn os_parse_args(vm: &mut Vm, e: Value, a: &[Value]) {
    let none = Value::NONE;
    let (mut errno, mut strerror, mut filename, mut filename2) = (none, none, none, none);
    let mut args = a.to_vec();
    if (2..=5).contains(&a.len()) {
        errno = a[0];
        strerror = a[1];
        if a.len() >= 3 {
            filename = a[2];
            if a.len() == 5 {
                filename2 = a[4];
            }
            args.truncate(2);
        }
    }
    slot_set(vm, e, "errno", errno);
    slot_set(vm, e, "strerror", strerror);
    slot_set(vm, e, "filename", filename);
    slot_set(vm, e, "filename2", filename2);
    let t = vm.new_tuple(args);
    exc_data(&e).args.set(t);
}

fn os_error_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls0) = args.first() else {
        return Err(vm.type_error("OSError.__new__(): not enough arguments"));
    };
    let mut cls = cls0;
    let a = &args[1..];
    if cls.is(vm.exc.os_error) && (2..=5).contains(&a.len()) {
        if let Some(n) = a[0].as_small_int() {
            if let Some(sub) = os_subclass_for(vm, n) {
                cls = sub;
            }
        }
    }
    let mut full = Vec::with_capacity(args.len());
    full.push(cls);
    full.extend_from_slice(a);
    let e = base_new(vm, &full, &[])?;
    os_parse_args(vm, e, a);
    Ok(e)
}

fn os_error_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    no_kwargs(vm, e, kw)?;
    os_parse_args(vm, e, &args[1..]);
    Ok(Value::NONE)
}

fn os_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let errno = slot_get(vm, e, "errno");
    let strerror = slot_get(vm, e, "strerror");
    let filename = slot_get(vm, e, "filename");
    let filename2 = slot_get(vm, e, "filename2");
    if !filename.is_none() {
        let en = vm.str_string(errno)?;
        let se = vm.str_string(strerror)?;
        let f1 = vm.repr_string(filename)?;
        let s = if !filename2.is_none() {
            let f2 = vm.repr_string(filename2)?;
            format!("[Errno {en}] {se}: {f1} -> {f2}")
        } else {
            format!("[Errno {en}] {se}: {f1}")
        };
        return Ok(vm.new_string(s));
    }
    if !errno.is_none() && !strerror.is_none() {
        let en = vm.str_string(errno)?;
        let se = vm.str_string(strerror)?;
        return Ok(vm.new_string(format!("[Errno {en}] {se}")));
    }
    base_str_of(vm, e)
}

/// An OSError (of the subclass matching `errno`) as CPython raises it for a failed system
/// call: `[Errno N] strerror: 'filename'`.
pub fn os_error_errno(vm: &mut Vm, errno: i32, strerror: &str, filename: Option<Value>) -> PyErr {
    let cls = os_subclass_for(vm, errno as i64).unwrap_or(vm.exc.os_error);
    let en = vm.new_int(errno as i64);
    let se = vm.new_str(strerror);
    let e = vm.new_exception(cls, vec![en, se]);
    slot_set(vm, e, "errno", en);
    slot_set(vm, e, "strerror", se);
    slot_set(vm, e, "filename", filename.unwrap_or(Value::NONE));
    slot_set(vm, e, "filename2", Value::NONE);
    PyErr(e)
}

/// An OSError for a Rust I/O error (errno and message as the C library reports them).
pub fn os_error_from_io(vm: &mut Vm, err: &std::io::Error, filename: Option<Value>) -> PyErr {
    match err.raw_os_error() {
        Some(n) => {
            let msg = std::io::Error::from_raw_os_error(n).to_string();
            let suffix = format!(" (os error {n})");
            let msg = msg.strip_suffix(&suffix).unwrap_or(&msg).to_owned();
            os_error_errno(vm, n, &msg, filename)
        }
        None => {
            let m = err.to_string();
            vm.os_error(m)
        }
    }
}

// ----- SyntaxError -----

const SYNTAX_FIELDS: [&str; 6] = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];

fn syntax_error_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    no_kwargs(vm, e, kw)?;
    let a = &args[1..];
    exc_data(&e).args.set(args_tuple(vm, a));
    for f in SYNTAX_FIELDS {
        slot_set(vm, e, f, Value::NONE);
    }
    slot_set(vm, e, "print_file_and_line", Value::NONE);
    slot_set(vm, e, "msg", a.first().copied().unwrap_or(Value::NONE));
    if a.len() == 2 {
        let info = vm.collect(a[1])?;
        if info.len() < 4 || info.len() > 6 {
            return Err(vm.err(vm.exc.index_error, "tuple index out of range"));
        }
        for (f, v) in SYNTAX_FIELDS.iter().zip(info) {
            slot_set(vm, e, f, v);
        }
    }
    Ok(Value::NONE)
}

fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn syntax_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let msg = slot_get(vm, e, "msg");
    let msg = if msg.is_none() && exc_args(e).is_empty() { vm.empty_str } else { msg };
    let m = vm.str_string(msg)?;
    let filename = slot_get(vm, e, "filename");
    let lineno = slot_get(vm, e, "lineno");
    let file = filename.as_rstr().map(|f| basename(f).to_owned());
    let line = if vm.isinstance(lineno, vm.types.int) { Some(vm.str_string(lineno)?) } else { None };
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
        (Some(f), None) => format!("{m} ({f})"),
        (None, Some(l)) => format!("{m} (line {l})"),
        (None, None) => m,
    };
    Ok(vm.new_string(s))
}

// ----- Unicode errors -----

fn unicode_error_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], decode: bool) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    no_kwargs(vm, e, kw)?;
    let a = &args[1..];
    if a.len() != 5 {
        return Err(vm.type_error(format!("function takes exactly 5 arguments ({} given)", a.len())));
    }
    if a[0].as_pystr().is_none() {
        return Err(vm.type_error(format!("argument 1 must be str, not {}", vm.arg_type_name(a[0]))));
    }
    let obj_ok = if decode {
        a[1].as_obj().is_some_and(|o| matches!(o.payload, Payload::Bytes(_) | Payload::ByteArray(_)))
    } else {
        a[1].as_pystr().is_some()
    };
    if !obj_ok {
        let want = if decode { "bytes-like object" } else { "str" };
        return Err(vm.type_error(format!("argument 2 must be {want}, not '{}'", vm.type_tp_name(a[1]))));
    }
    for (i, v) in [(3, a[2]), (4, a[3])] {
        if !vm.isinstance(v, vm.types.int) {
            return Err(vm.type_error(format!("argument {i} must be int, not {}", vm.arg_type_name(v))));
        }
    }
    if a[4].as_pystr().is_none() {
        return Err(vm.type_error(format!("argument 5 must be str, not {}", vm.arg_type_name(a[4]))));
    }
    exc_data(&e).args.set(args_tuple(vm, a));
    let obj = if decode && matches!(a[1].obj().payload, Payload::ByteArray(_)) {
        let b = match &a[1].obj().payload {
            Payload::ByteArray(b) => b.borrow().clone(),
            _ => Vec::new(),
        };
        vm.new_bytes(b)
    } else {
        a[1]
    };
    slot_set(vm, e, "encoding", a[0]);
    slot_set(vm, e, "object", obj);
    slot_set(vm, e, "start", a[2]);
    slot_set(vm, e, "end", a[3]);
    slot_set(vm, e, "reason", a[4]);
    Ok(Value::NONE)
}

fn unicode_decode_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_init(vm, args, kw, true)
}

fn unicode_encode_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_init(vm, args, kw, false)
}

fn unicode_translate_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    no_kwargs(vm, e, kw)?;
    let a = &args[1..];
    if a.len() != 4 {
        return Err(vm.type_error(format!("function takes exactly 4 arguments ({} given)", a.len())));
    }
    exc_data(&e).args.set(args_tuple(vm, a));
    slot_set(vm, e, "encoding", Value::NONE);
    slot_set(vm, e, "object", a[0]);
    slot_set(vm, e, "start", a[1]);
    slot_set(vm, e, "end", a[2]);
    slot_set(vm, e, "reason", a[3]);
    Ok(Value::NONE)
}

fn escape_char(c: char) -> String {
    let u = c as u32;
    if u < 0x100 {
        format!("\\x{u:02x}")
    } else if u < 0x10000 {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

fn unicode_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let object = slot_get(vm, e, "object");
    if object.is_none() {
        return base_str_of(vm, e);
    }
    let encoding = slot_get(vm, e, "encoding");
    let start = slot_get(vm, e, "start").as_small_int().unwrap_or(0);
    let end = slot_get(vm, e, "end").as_small_int().unwrap_or(0);
    let reason = slot_get(vm, e, "reason");
    let reason = vm.str_string(reason)?;
    let decode = vm.isinstance(e, vm.exc.unicode_decode_error);
    let translate = vm.isinstance(e, vm.exc.unicode_translate_error);
    let s = if decode {
        let enc = vm.str_string(encoding)?;
        let bytes: Vec<u8> = match &object.as_obj().map(|o| &o.payload) {
            Some(Payload::Bytes(b)) => b.to_vec(),
            _ => Vec::new(),
        };
        if end == start + 1 && start >= 0 && (start as usize) < bytes.len() {
            format!("'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}", bytes[start as usize])
        } else {
            format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
        }
    } else {
        let text = object.as_rstr().unwrap_or("").to_owned();
        let ch = if start >= 0 { text.chars().nth(start as usize) } else { None };
        let head = if translate {
            "can't translate".to_owned()
        } else {
            let enc = vm.str_string(encoding)?;
            format!("'{enc}' codec can't encode")
        };
        match ch {
            Some(c) if end == start + 1 => {
                format!("{head} character '{}' in position {start}: {reason}", escape_char(c))
            }
            _ => format!("{head} characters in position {start}-{}: {reason}", end - 1),
        }
    };
    Ok(vm.new_string(s))
}

// ----- exception groups -----

fn exc_group_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls0) = args.first() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(): not enough arguments"));
    };
    let a = &args[1..];
    let cname = vm.class_name(cls0);
    if a.len() != 2 {
        return Err(
            vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", a.len()))
        );
    }
    let (message, excs) = (a[0], a[1]);
    if message.as_pystr().is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.arg_type_name(message)
        )));
    }
    let is_seq = excs.as_tuple().is_some() || excs.as_list().is_some();
    if !is_seq {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    for (i, &x) in items.iter().enumerate() {
        if !vm.isinstance(x, vm.exc.base_exception) {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
    }
    let all_exc = items.iter().all(|&x| vm.isinstance(x, vm.exc.exception));
    let mut cls = cls0;
    if cls.is(vm.exc.base_exception_group) {
        if all_exc {
            cls = vm.exc.exception_group;
        }
    } else if vm.is_subclass(cls, vm.exc.exception_group) {
        if !all_exc {
            if cls.is(vm.exc.exception_group) {
                return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
            }
            return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{cname}'")));
        }
    } else if !all_exc && !vm.is_subclass(cls, vm.exc.exception) {
        // A user subclass of BaseExceptionGroup only: fine.
    } else if !all_exc {
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{cname}'")));
    }
    let e = base_new(vm, &[cls, message, excs], &[])?;
    slot_set(vm, e, "message", message);
    let t = vm.new_tuple(items);
    slot_set(vm, e, "exceptions", t);
    Ok(e)
}

fn exc_group_init(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    self_exc(vm, args)?;
    Ok(Value::NONE)
}

fn exc_group_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let m = slot_get(vm, e, "message");
    let m = vm.str_string(m)?;
    let n = slot_get(vm, e, "exceptions").as_tuple().map(|t| t.len()).unwrap_or(0);
    Ok(vm.new_string(format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" })))
}

fn exc_group_derive(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let m = slot_get(vm, e, "message");
    let cls = vm.exc.base_exception_group;
    vm.call(cls, &[m, arg1(args)], &[])
}

/// A `split`/`subgroup` condition.
enum Cond<'a> {
    /// Exception classes (a class or a tuple of them, checked by `matcher`).
    Types(Vec<Value>),
    /// A predicate called on each exception.
    Pred(Value),
    /// Leaves whose identity is in the set (`except*` re-raise bookkeeping).
    Ids(&'a std::collections::HashSet<usize>),
}

/// CPython's `get_matcher_type`: validates a `split`/`subgroup` argument.
fn matcher(vm: &mut Vm, cond: Value) -> PyResult<Cond<'static>> {
    let is_exc_class = |vm: &Vm, c: Value| c.as_class().is_some() && vm.is_subclass(c, vm.exc.base_exception);
    if cond.as_class().is_none() && crate::builtins::functions::is_callable(vm, cond) {
        return Ok(Cond::Pred(cond));
    }
    if is_exc_class(vm, cond) {
        return Ok(Cond::Types(vec![cond]));
    }
    if let Some(t) = cond.as_tuple() {
        if vm.type_of(cond).is(vm.types.tuple) && t.iter().all(|&c| is_exc_class(vm, c)) {
            return Ok(Cond::Types(t.to_vec()));
        }
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

/// Whether `exc` (a leaf or a group) matches a `split`/`subgroup` condition.
fn group_matches(vm: &mut Vm, cond: &Cond, exc: Value) -> PyResult<bool> {
    match cond {
        Cond::Types(types) => Ok(types.iter().any(|&t| vm.isinstance(exc, t))),
        Cond::Pred(f) => {
            let r = vm.call(*f, &[exc], &[])?;
            vm.truthy(r)
        }
        Cond::Ids(ids) => Ok(ids.contains(&(exc.obj_ptr() as usize))),
    }
}

/// Splits the group `e` by `cond`: (matching part, rest), each a derived group or None.
fn group_split(vm: &mut Vm, e: Value, cond: &Cond, depth: u32) -> PyResult<(Value, Value)> {
    super::check_stack(vm)?;
    if depth > 10_000 {
        return Err(super::recursion_error(vm));
    }
    if group_matches(vm, cond, e)? {
        return Ok((e, Value::NONE));
    }
    let is_group = vm.isinstance(e, vm.exc.base_exception_group);
    if !is_group {
        return Ok((Value::NONE, e));
    }
    let subs: Vec<Value> = slot_get(vm, e, "exceptions").as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for s in subs {
        let (a, b) = group_split(vm, s, cond, depth + 1)?;
        if !a.is_none() {
            yes.push(a);
        }
        if !b.is_none() {
            no.push(b);
        }
    }
    let derive = |vm: &mut Vm, items: Vec<Value>| -> PyResult<Value> {
        if items.is_empty() {
            return Ok(Value::NONE);
        }
        let l = vm.new_list(items);
        let d = vm.call_method(e, "derive", &[l])?;
        // The derived group keeps the original's traceback, cause, context and notes.
        if let (Some(src), Some(dst)) =
            (e.as_obj().and_then(|o| o.as_exception()), d.as_obj().and_then(|o| o.as_exception()))
        {
            dst.traceback.set(src.traceback.get());
            // CPython copies the cause with PyException_SetCause, which also sets
            // __suppress_context__.
            dst.cause.set(src.cause.get());
            dst.suppress_context.set(true);
            dst.context.set(src.context.get());
        }
        let nk = vm.intern("__notes__");
        if let Some(n) = vm.get_attr_opt(e, nk)? {
            vm.set_attr(d, nk, n)?;
        }
        Ok(d)
    };
    let a = derive(vm, yes)?;
    let b = derive(vm, no)?;
    Ok((a, b))
}

fn exc_group_split(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let cond = matcher(vm, arg1(args))?;
    let (a, b) = group_split(vm, e, &cond, 0)?;
    Ok(vm.new_tuple(vec![a, b]))
}

fn exc_group_subgroup(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    let cond = matcher(vm, arg1(args))?;
    Ok(group_split(vm, e, &cond, 0)?.0)
}

// ----- except* support (called by lowered code) -----

/// Hidden helpers the lowering of `except*` calls.
#[derive(Clone, Copy)]
pub enum Helper {
    /// `(match, rest) = f(rest, type)`: CPython's CHECK_EG_MATCH.
    StarMatch,
    /// `f(orig, raised_and_rest_list)`: what to raise at the end, or None (PREP_RERAISE_STAR).
    StarReraise,
}

/// The native function for `h`, created once per VM (kept in `vm.state`).
pub fn helper(vm: &mut Vm, h: Helper) -> Value {
    let (key, f): (&'static str, crate::vm::NativeFn) = match h {
        Helper::StarMatch => ("exc.star_match", star_match),
        Helper::StarReraise => ("exc.star_reraise", star_reraise),
    };
    if let Some(v) = vm.state.borrow().get(key) {
        return *v;
    }
    let v = vm.new_native_fn(key, f);
    vm.state.borrow_mut().insert(key, v);
    v
}

fn is_group(vm: &Vm, v: Value) -> bool {
    vm.isinstance(v, vm.exc.base_exception_group)
}

fn star_match(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (rest, ty) = (args.first().copied().unwrap_or(Value::NONE), arg1(args));
    // check_except_star_type_valid
    let types: Vec<Value> = match ty.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![ty],
    };
    for &t in &types {
        if t.as_class().is_none() || !vm.is_subclass(t, vm.exc.base_exception) {
            return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
    }
    if types.iter().any(|&t| vm.is_subclass(t, vm.exc.base_exception_group)) {
        return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    if rest.is_none() {
        return Ok(vm.new_tuple(vec![Value::NONE, Value::NONE]));
    }
    let (m, r) = if types.iter().any(|&t| vm.isinstance(rest, t)) {
        if is_group(vm, rest) {
            (rest, Value::NONE)
        } else {
            // A naked exception is wrapped in a new group (3.11 gives it no traceback).
            let empty = vm.new_str("");
            let l = vm.new_list(vec![rest]);
            let g = vm.call(vm.exc.base_exception_group, &[empty, l], &[])?;
            (g, Value::NONE)
        }
    } else if is_group(vm, rest) {
        group_split(vm, rest, &Cond::Types(types), 0)?
    } else {
        (Value::NONE, rest)
    };
    Ok(vm.new_tuple(vec![m, r]))
}

/// Identities of the leaf exceptions of `e`.
fn leaf_ids(vm: &mut Vm, e: Value, out: &mut std::collections::HashSet<usize>, depth: u32) -> PyResult<()> {
    super::check_stack(vm)?;
    if depth > 10_000 {
        return Err(super::recursion_error(vm));
    }
    if is_group(vm, e) {
        let subs: Vec<Value> = slot_get(vm, e, "exceptions").as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        for s in subs {
            leaf_ids(vm, s, out, depth + 1)?;
        }
    } else {
        out.insert(e.obj_ptr() as usize);
    }
    Ok(())
}

/// Same notes, traceback, cause and context (by identity): `e` is `orig` or a split of it.
fn same_metadata(vm: &mut Vm, e: Value, orig: Value) -> PyResult<bool> {
    let nk = vm.intern("__notes__");
    let n1 = vm.get_attr_opt(e, nk)?;
    let n2 = vm.get_attr_opt(orig, nk)?;
    let notes_same = match (n1, n2) {
        (None, None) => true,
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    };
    let (Some(a), Some(b)) = (e.as_obj().and_then(|o| o.as_exception()), orig.as_obj().and_then(|o| o.as_exception()))
    else {
        return Ok(false);
    };
    Ok(notes_same
        && a.traceback.get().is(b.traceback.get())
        && a.cause.get().is(b.cause.get())
        && a.context.get().is(b.context.get()))
}

fn star_reraise(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let orig = args.first().copied().unwrap_or(Value::NONE);
    let excs: Vec<Value> = arg1(args).as_list().map(|l| l.borrow().clone()).unwrap_or_default();
    if excs.is_empty() {
        return Ok(Value::NONE);
    }
    if !is_group(vm, orig) {
        // A naked exception was caught and wrapped: at most one clause ran.
        return Ok(excs[0]);
    }
    let (mut raised, mut reraised) = (Vec::new(), Vec::new());
    for &e in excs.iter().filter(|e| !e.is_none()) {
        if same_metadata(vm, e, orig)? {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    // The part of `orig` made of the leaves that were re-raised.
    let mut keep = std::collections::HashSet::new();
    for &e in &reraised {
        leaf_ids(vm, e, &mut keep, 0)?;
    }
    let reraised_eg = if keep.is_empty() { Value::NONE } else { group_split(vm, orig, &Cond::Ids(&keep), 0)?.0 };
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    // 3.11.2 wraps even a single raised exception (later 3.11 releases do not).
    let empty = vm.new_str("");
    let l = vm.new_list(raised);
    vm.call(vm.exc.base_exception_group, &[empty, l], &[])
}

pub fn init(vm: &mut Vm) {
    let b = vm.exc.base_exception;
    vm.add_staticmethod(b, "__new__", base_new);
    vm.add_method(b, "__init__", base_init);
    vm.add_method(b, "__str__", base_str);
    vm.add_method(b, "__repr__", base_repr);
    vm.add_method(b, "with_traceback", with_traceback);
    vm.add_method(b, "add_note", add_note);
    vm.add_method(b, "__reduce__", base_reduce);
    vm.add_property(b, "args", get_args, Some(set_args));
    vm.add_property(b, "__traceback__", get_traceback, Some(set_traceback));
    vm.add_property(b, "__cause__", get_cause, Some(set_cause));
    vm.add_property(b, "__context__", get_context, Some(set_context));
    vm.add_property(b, "__suppress_context__", get_suppress, Some(set_suppress));

    let si = vm.exc.stop_iteration;
    vm.add_method(si, "__init__", stop_iteration_init);
    vm.add_property(si, "value", get_value, Some(set_value));

    let se = vm.exc.system_exit;
    vm.add_method(se, "__init__", system_exit_init);
    vm.add_property(se, "code", get_code, Some(set_code));

    let ie = vm.exc.import_error;
    vm.add_method(ie, "__init__", import_error_init);
    vm.add_method(ie, "__str__", import_error_str);
    vm.add_property(ie, "msg", get_msg, Some(set_msg));
    vm.add_property(ie, "name", get_name, Some(set_name));
    vm.add_property(ie, "path", get_path, Some(set_path));

    let ne = vm.exc.name_error;
    vm.add_method(ne, "__init__", name_error_init);
    vm.add_property(ne, "name", get_name, Some(set_name));

    let ae = vm.exc.attribute_error;
    vm.add_method(ae, "__init__", attribute_error_init);
    vm.add_property(ae, "name", get_name, Some(set_name));
    vm.add_property(ae, "obj", get_obj, Some(set_obj));

    let ke = vm.exc.key_error;
    vm.add_method(ke, "__str__", key_error_str);

    let oe = vm.exc.os_error;
    vm.add_staticmethod(oe, "__new__", os_error_new);
    vm.add_method(oe, "__init__", os_error_init);
    vm.add_method(oe, "__str__", os_error_str);
    vm.add_property(oe, "errno", get_errno, Some(set_errno));
    vm.add_property(oe, "strerror", get_strerror, Some(set_strerror));
    vm.add_property(oe, "filename", get_filename, Some(set_filename));
    vm.add_property(oe, "filename2", get_filename2, Some(set_filename2));

    let sy = vm.exc.syntax_error;
    vm.add_method(sy, "__init__", syntax_error_init);
    vm.add_method(sy, "__str__", syntax_error_str);
    vm.add_property(sy, "msg", get_msg, Some(set_msg));
    vm.add_property(sy, "filename", get_filename, Some(set_filename));
    vm.add_property(sy, "lineno", get_lineno, Some(set_lineno));
    vm.add_property(sy, "offset", get_offset, Some(set_offset));
    vm.add_property(sy, "text", get_text, Some(set_text));
    vm.add_property(sy, "end_lineno", get_end_lineno, Some(set_end_lineno));
    vm.add_property(sy, "end_offset", get_end_offset, Some(set_end_offset));
    vm.add_property(sy, "print_file_and_line", get_pfal, Some(set_pfal));

    let ue = vm.exc.unicode_error;
    vm.add_method(ue, "__str__", unicode_error_str);
    vm.add_property(ue, "encoding", get_encoding, Some(set_encoding));
    vm.add_property(ue, "object", get_object, Some(set_object));
    vm.add_property(ue, "start", get_start, Some(set_start));
    vm.add_property(ue, "end", get_end, Some(set_end));
    vm.add_property(ue, "reason", get_reason, Some(set_reason));
    let ud = vm.exc.unicode_decode_error;
    vm.add_method(ud, "__init__", unicode_decode_init);
    let uen = vm.exc.unicode_encode_error;
    vm.add_method(uen, "__init__", unicode_encode_init);
    let ut = vm.exc.unicode_translate_error;
    vm.add_method(ut, "__init__", unicode_translate_init);

    // `class ExceptionGroup(BaseExceptionGroup, Exception)`: the exception table builds
    // single-inheritance classes, so give ExceptionGroup its second base here.
    let bg = vm.exc.base_exception_group;
    let eg = vm.exc.exception_group;
    if let (Some(egc), Some(bgc)) = (eg.as_class(), bg.as_class()) {
        let exc = vm.exc.exception;
        *egc.bases.borrow_mut() = vec![bg, exc];
        let mut mro = vec![eg, bg];
        mro.extend(exc.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default());
        *egc.mro.borrow_mut() = mro;
        bgc.subclasses.borrow_mut().push(eg);
        super::attr::bump_version(eg);
    }
    vm.add_staticmethod(bg, "__new__", exc_group_new);
    vm.add_method(bg, "__init__", exc_group_init);
    vm.add_method(bg, "__str__", exc_group_str);
    vm.add_method(bg, "derive", exc_group_derive);
    vm.add_method(bg, "split", exc_group_split);
    vm.add_method(bg, "subgroup", exc_group_subgroup);
    vm.add_property(bg, "message", get_message, Some(set_message));
    vm.add_property(bg, "exceptions", get_exceptions, Some(set_exceptions));
}
