//! The `_io` module, which CPython's `io.py` re-exports.
//!
//! File streams are Krait's own `builtins::io::Stream` (the objects `open()` returns and
//! `sys.stdout` is): `FileIO`, `BufferedReader/Writer/Random` and `TextIOWrapper` are its
//! classes, and their constructors layer a new stream over an existing Krait stream.
//! `StringIO` and `BytesIO` are implemented here, as are the generic methods of the
//! abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase` that
//! Python subclasses (`io.RawIOBase`...) inherit. Wrapping a stream written in Python
//! (`TextIOWrapper(BytesIO())`) is not supported yet and raises NotImplementedError.

use std::cell::{Cell, RefCell};

use crate::builtins::io::{as_stream, builtin_open, wrap_stream, Enc, Newline};
use crate::impl_native;
use crate::object::{class_flags, Layout, Payload};
use crate::value::Value;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};

use super::{need_bytes, new_class, new_module, opt, set, set_int, this};

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

fn unsupported(vm: &Vm, what: &str) -> PyErr {
    let cls = vm.state.borrow().get("io.UnsupportedOperation").copied().unwrap_or(vm.exc.os_error);
    vm.err(cls, what)
}

fn closed_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn class(vm: &Vm, name: &str) -> Value {
    vm.extra_types.get(name).copied().unwrap_or(vm.types.object)
}

/// The optional size argument: None or negative means "all".
fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v.and_then(opt) {
        None => Ok(None),
        Some(v) => {
            if v.is_float() {
                return Err(vm.type_error(format!("argument should be integer or None, not '{}'", vm.type_tp_name(v))));
            }
            let n = vm.to_index(v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

// ----- the abstract bases: generic methods over the Python protocol -----

fn is_closed(vm: &mut Vm, obj: Value) -> PyResult<bool> {
    let k = vm.intern("closed");
    let c = vm.get_attr(obj, k)?;
    vm.truthy(c)
}

fn check_closed(vm: &mut Vm, obj: Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn self_arg(vm: &Vm, args: &[Value], name: &str) -> PyResult<Value> {
    args.first()
        .copied()
        .ok_or_else(|| vm.type_error(format!("descriptor '{name}' of '_io._IOBase' object needs an argument")))
}

fn b_closed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "closed")?;
    let k = vm.intern("__IOBase_closed");
    Ok(vm.get_attr_opt(s, k)?.unwrap_or(Value::FALSE))
}

fn b_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "close")?;
    if is_closed(vm, s)? {
        return Ok(Value::NONE);
    }
    let r = vm.call_method(s, "flush", &[]);
    let k = vm.intern("__IOBase_closed");
    vm.set_attr(s, k, Value::TRUE)?;
    r.map(|_| Value::NONE)
}

fn b_flush(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "flush")?;
    check_closed(vm, s)?;
    Ok(Value::NONE)
}

fn b_enter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "__enter__")?;
    check_closed(vm, s)?;
    Ok(s)
}

fn b_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "__exit__")?;
    vm.call_method(s, "close", &[])?;
    Ok(Value::NONE)
}

fn b_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "__iter__")?;
    check_closed(vm, s)?;
    Ok(s)
}

fn b_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "__next__")?;
    let line = vm.call_method(s, "readline", &[])?;
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(line)
}

fn b_readline(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "readline")?;
    let [size] = vm.bind_args("readline", &args[1..], kw, ["size"], 0)?;
    let limit = size_arg(vm, Some(size))?;
    let mut out: Vec<u8> = Vec::new();
    let one = vm.new_int(1);
    while limit.is_none_or(|l| out.len() < l) {
        let b = vm.call_method(s, "read", &[one])?;
        let Some(data) = crate::types::bytes::bytes_data(b) else {
            if b.is_none() {
                break;
            }
            return Err(
                vm.os_error(format!("read() should have returned a bytes object, not '{}'", vm.type_tp_name(b)))
            );
        };
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
        if data.ends_with(b"\n") {
            break;
        }
    }
    Ok(vm.new_bytes(out))
}

fn b_readlines(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "readlines")?;
    let [hint] = vm.bind_args("readlines", &args[1..], kw, ["hint"], 0)?;
    let hint = size_arg(vm, Some(hint))?.filter(|&h| h > 0);
    let it = vm.iter(s)?;
    let mut lines = Vec::new();
    let mut total = 0;
    while let Some(line) = vm.next(it)? {
        total += vm.len(line)?;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn b_writelines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "writelines")?;
    check_closed(vm, s)?;
    let Some(&lines) = args.get(1) else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    let it = vm.iter(lines)?;
    while let Some(line) = vm.next(it)? {
        vm.call_method(s, "write", &[line])?;
    }
    Ok(Value::NONE)
}

fn b_false(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    self_arg(vm, args, "readable")?;
    Ok(Value::FALSE)
}

fn b_isatty(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "isatty")?;
    check_closed(vm, s)?;
    Ok(Value::FALSE)
}

fn b_tell(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "tell")?;
    let z = vm.new_int(0);
    let one = vm.new_int(1);
    vm.call_method(s, "seek", &[z, one])
}

macro_rules! unsupported_method {
    ($name:ident, $what:literal) => {
        fn $name(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            Err(unsupported(vm, $what))
        }
    };
}

unsupported_method!(b_fileno, "fileno");
unsupported_method!(b_seek, "seek");
unsupported_method!(b_truncate, "truncate");
unsupported_method!(u_read, "read");
unsupported_method!(u_read1, "read1");
unsupported_method!(u_write, "write");
unsupported_method!(u_detach, "detach");
unsupported_method!(u_readline, "readline");

fn check_mode(vm: &mut Vm, args: &[Value], method: &str, msg: &str) -> PyResult<Value> {
    let s = self_arg(vm, args, method)?;
    let r = vm.call_method(s, method, &[])?;
    if !vm.truthy(r)? {
        return Err(unsupported(vm, msg));
    }
    Ok(Value::NONE)
}

fn b_check_readable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_mode(vm, args, "readable", "File or stream is not readable.")
}

fn b_check_writable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_mode(vm, args, "writable", "File or stream is not writable.")
}

fn b_check_seekable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_mode(vm, args, "seekable", "File or stream is not seekable.")
}

fn b_check_closed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "_checkClosed")?;
    check_closed(vm, s)?;
    Ok(Value::NONE)
}

fn raw_read(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "read")?;
    let [size] = vm.bind_args("read", &args[1..], kw, ["size"], 0)?;
    let Some(n) = size_arg(vm, Some(size))? else {
        return vm.call_method(s, "readall", &[]);
    };
    let b = crate::types::bytes::new_bytearray(vm, vec![0; n]);
    let got = vm.call_method(s, "readinto", &[b])?;
    if got.is_none() {
        return Ok(Value::NONE);
    }
    let got = vm.to_index(got)?.clamp(0, n as i64) as usize;
    let data = crate::types::bytes::bytes_data(b).unwrap_or_default();
    Ok(vm.new_bytes(data[..got.min(data.len())].to_vec()))
}

fn raw_readall(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = self_arg(vm, args, "readall")?;
    let mut out = Vec::new();
    let n = vm.new_int(DEFAULT_BUFFER_SIZE as i64);
    loop {
        let d = vm.call_method(s, "read", &[n])?;
        if d.is_none() {
            if out.is_empty() {
                return Ok(Value::NONE);
            }
            break;
        }
        let d = need_bytes(vm, d)?;
        if d.is_empty() {
            break;
        }
        out.extend_from_slice(&d);
    }
    Ok(vm.new_bytes(out))
}

/// Copies `data` into the writable buffer `b` (bytearray or memoryview).
fn fill_buffer(vm: &mut Vm, b: Value, data: &[u8]) -> PyResult<()> {
    if let Some(Payload::ByteArray(cell)) = b.as_obj().map(|o| &o.payload) {
        let mut v = cell.borrow_mut();
        let n = data.len().min(v.len());
        v[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    let d = vm.new_bytes(data.to_vec());
    let n = vm.new_int(data.len() as i64);
    let z = vm.new_int(0);
    let sl = vm.call(vm.types.slice, &[z, n], &[])?;
    vm.set_item(b, sl, d)
}

fn buffered_readinto_impl(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    let s = self_arg(vm, args, "readinto")?;
    let Some(&b) = args.get(1) else {
        return Err(vm.type_error("readinto() takes exactly one argument (0 given)"));
    };
    let n = vm.len(b)?;
    let nv = vm.new_int(n as i64);
    let d = vm.call_method(s, method, &[nv])?;
    let d = need_bytes(vm, d)?;
    if d.len() > n {
        return Err(vm.value_error(format!("read() returned too much data: {n} bytes requested, {} returned", d.len())));
    }
    fill_buffer(vm, b, &d)?;
    Ok(vm.new_int(d.len() as i64))
}

fn buffered_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    buffered_readinto_impl(vm, args, "read")
}

fn buffered_readinto1(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    buffered_readinto_impl(vm, args, "read1")
}

fn none_getter(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn init_bases(vm: &mut Vm) {
    let iobase = class(vm, "_IOBase");
    let m: &[(&'static str, NativeFn)] = &[
        ("close", b_close),
        ("flush", b_flush),
        ("__enter__", b_enter),
        ("__exit__", b_exit),
        ("__iter__", b_iter),
        ("__next__", b_next),
        ("readline", b_readline),
        ("readlines", b_readlines),
        ("writelines", b_writelines),
        ("readable", b_false),
        ("writable", b_false),
        ("seekable", b_false),
        ("isatty", b_isatty),
        ("tell", b_tell),
        ("fileno", b_fileno),
        ("seek", b_seek),
        ("truncate", b_truncate),
        ("_checkClosed", b_check_closed),
        ("_checkReadable", b_check_readable),
        ("_checkWritable", b_check_writable),
        ("_checkSeekable", b_check_seekable),
    ];
    for &(n, f) in m {
        vm.add_method(iobase, n, f);
    }
    vm.add_getter(iobase, "closed", b_closed);
    let raw = class(vm, "_RawIOBase");
    vm.add_method(raw, "read", raw_read);
    vm.add_method(raw, "readall", raw_readall);
    let buf = class(vm, "_BufferedIOBase");
    vm.add_method(buf, "read", u_read);
    vm.add_method(buf, "read1", u_read1);
    vm.add_method(buf, "write", u_write);
    vm.add_method(buf, "detach", u_detach);
    vm.add_method(buf, "readinto", buffered_readinto);
    vm.add_method(buf, "readinto1", buffered_readinto1);
    let text = class(vm, "_TextIOBase");
    vm.add_method(text, "read", u_read);
    vm.add_method(text, "readline", u_readline);
    vm.add_method(text, "write", u_write);
    vm.add_method(text, "detach", u_detach);
    for g in ["encoding", "newlines", "errors"] {
        vm.add_getter(text, g, none_getter);
    }
}

// ----- StringIO -----

pub struct StringIO {
    buf: RefCell<Vec<char>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    newline: Cell<Newline>,
}
impl_native!(StringIO, |s, visit| {});

fn sio<'a>(vm: &Vm, args: &'a [Value], m: &str) -> PyResult<&'a StringIO> {
    let s = this::<StringIO>(vm, args, m, "_io.StringIO")?;
    if s.closed.get() {
        return Err(closed_error(vm));
    }
    Ok(s)
}

impl StringIO {
    fn write_str(&self, text: &str) {
        let text: Vec<char> = match self.newline.get() {
            // Universal mode stores translated text.
            Newline::Universal => text.replace("\r\n", "\n").replace('\r', "\n").chars().collect(),
            Newline::Cr => text.replace('\n', "\r").chars().collect(),
            Newline::CrLf => text.replace('\n', "\r\n").chars().collect(),
            _ => text.chars().collect(),
        };
        let mut buf = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > buf.len() {
            buf.resize(pos, '\0');
        }
        let end = pos + text.len();
        let overlap = end.min(buf.len()) - pos;
        buf[pos..pos + overlap].copy_from_slice(&text[..overlap]);
        buf.extend_from_slice(&text[overlap..]);
        self.pos.set(end);
    }

    fn read_line(&self, limit: Option<usize>) -> String {
        let buf = self.buf.borrow();
        let start = self.pos.get().min(buf.len());
        let mut i = start;
        let nl = self.newline.get();
        while i < buf.len() && limit.is_none_or(|l| i - start < l) {
            let c = buf[i];
            i += 1;
            match nl {
                Newline::Untranslated if c == '\r' => {
                    if i < buf.len() && buf[i] == '\n' && limit.is_none_or(|l| i - start < l) {
                        i += 1;
                    }
                    break;
                }
                Newline::Cr if c == '\r' => break,
                Newline::CrLf
                    if c == '\r' && i < buf.len() && buf[i] == '\n' && limit.is_none_or(|l| i - start < l) =>
                {
                    i += 1;
                    break;
                }
                Newline::Lf | Newline::Universal | Newline::Untranslated if c == '\n' => break,
                _ => {}
            }
        }
        self.pos.set(i.max(self.pos.get()));
        buf[start..i].iter().collect()
    }
}

fn sio_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = crate::types::tuple::new_cls(vm, args, "StringIO", class(vm, "StringIO"))?;
    Ok(vm.new_native(
        cls,
        StringIO {
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            newline: Cell::new(Newline::Lf),
        },
    ))
}

fn sio_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<StringIO>(vm, args, "__init__", "_io.StringIO")?;
    let [initial, newline] = vm.bind_args("StringIO", &args[1..], kw, ["initial_value", "newline"], 0)?;
    let nl = if newline.is_null() {
        Newline::Lf
    } else if newline.is_none() {
        Newline::Universal
    } else {
        match newline.as_rstr() {
            Some(n) => Newline::parse(Some(n)).map_err(|m| vm.value_error(m))?,
            None => {
                return Err(vm.type_error(format!("newline must be str or None, not {}", vm.type_tp_name(newline))));
            }
        }
    };
    let init = match opt(initial) {
        None => None,
        Some(v) => match v.as_rstr() {
            Some(s) => Some(s.to_owned()),
            None => return Err(vm.type_error(format!("initial_value must be str or None, not {}", vm.type_tp_name(v)))),
        },
    };
    let s = this::<StringIO>(vm, args, "__init__", "_io.StringIO")?;
    s.newline.set(nl);
    s.buf.borrow_mut().clear();
    s.pos.set(0);
    s.closed.set(false);
    if let Some(text) = init {
        s.write_str(&text);
        s.pos.set(0);
    }
    Ok(Value::NONE)
}

fn sio_write(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::builtins::io::check_native_call_depth(vm, 1)?;
    let s = sio(vm, args, "write")?;
    let Some(&v) = args.get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(text) = v.as_pystr() else {
        return Err(vm.type_error(format!("string argument expected, got '{}'", vm.type_tp_name(v))));
    };
    s.write_str(text.as_str());
    Ok(vm.new_int(text.char_len as i64))
}

fn sio_read(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "read")?;
    let n = size_arg(vm, args.get(1).copied())?;
    let buf = s.buf.borrow();
    let start = s.pos.get().min(buf.len());
    let end = match n {
        Some(n) => (start + n).min(buf.len()),
        None => buf.len(),
    };
    let text: String = buf[start..end].iter().collect();
    drop(buf);
    s.pos.set(end.max(s.pos.get()));
    Ok(vm.new_string(text))
}

fn sio_readline(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "readline")?;
    let n = size_arg(vm, args.get(1).copied())?;
    let line = s.read_line(n);
    Ok(vm.new_string(line))
}

fn sio_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "__next__")?;
    let line = s.read_line(None);
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(vm.new_string(line))
}

fn sio_getvalue(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "getvalue")?;
    let text: String = s.buf.borrow().iter().collect();
    Ok(vm.new_string(text))
}

fn sio_tell(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "tell")?;
    Ok(vm.new_int(s.pos.get() as i64))
}

fn sio_seek(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "seek")?;
    let Some(&p) = args.get(1) else {
        return Err(vm.type_error("seek expected at least 1 argument, got 0"));
    };
    let pos = vm.to_index(p)?;
    let whence = match args.get(2) {
        Some(&w) => vm.to_index(w)?,
        None => 0,
    };
    match whence {
        0 => {
            if pos < 0 {
                return Err(vm.value_error(format!("Negative seek position {pos}")));
            }
            s.pos.set(pos as usize);
        }
        1 => {
            if pos != 0 {
                return Err(vm.os_error("Can't do nonzero cur-relative seeks"));
            }
        }
        2 => {
            if pos != 0 {
                return Err(vm.os_error("Can't do nonzero end-relative seeks"));
            }
            s.pos.set(s.buf.borrow().len());
        }
        _ => return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    Ok(vm.new_int(s.pos.get() as i64))
}

fn sio_truncate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "truncate")?;
    let size = match args.get(1).copied().and_then(opt) {
        None => s.pos.get(),
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
    };
    let mut b = s.buf.borrow_mut();
    if size < b.len() {
        b.truncate(size);
    }
    Ok(vm.new_int(size as i64))
}

fn sio_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<StringIO>(vm, args, "close", "_io.StringIO")?;
    s.closed.set(true);
    s.buf.borrow_mut().clear();
    Ok(Value::NONE)
}

fn sio_closed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<StringIO>(vm, args, "closed", "_io.StringIO")?;
    Ok(Value::bool(s.closed.get()))
}

fn sio_true(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    sio(vm, args, "readable")?;
    Ok(Value::TRUE)
}

fn sio_line_buffering(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    sio(vm, args, "line_buffering")?;
    Ok(Value::FALSE)
}

fn sio_newlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "newlines")?;
    if s.newline.get() != Newline::Universal {
        return Ok(Value::NONE);
    }
    // Universal mode translated on write; what was seen is not recorded.
    if s.buf.borrow().contains(&'\n') {
        return Ok(vm.new_str("\n"));
    }
    Ok(Value::NONE)
}

fn sio_getstate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sio(vm, args, "__getstate__")?;
    let text: String = s.buf.borrow().iter().collect();
    let t = vm.new_string(text);
    let nl = match s.newline.get() {
        Newline::Universal => Value::NONE,
        Newline::Untranslated => vm.new_str(""),
        Newline::Lf => vm.new_str("\n"),
        Newline::Cr => vm.new_str("\r"),
        Newline::CrLf => vm.new_str("\r\n"),
    };
    let p = vm.new_int(s.pos.get() as i64);
    let this_v = args[0];
    let d = match this_v.as_obj().and_then(|o| o.attrs.as_ref()) {
        Some(_) => {
            let k = vm.intern("__dict__");
            vm.get_attr(this_v, k)?
        }
        None => Value::NONE,
    };
    Ok(vm.new_tuple(vec![t, nl, p, d]))
}

// ----- BytesIO -----

pub struct BytesIO {
    buf: RefCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}
impl_native!(BytesIO, |s, visit| {});

fn bio<'a>(vm: &Vm, args: &'a [Value], m: &str) -> PyResult<&'a BytesIO> {
    let s = this::<BytesIO>(vm, args, m, "_io.BytesIO")?;
    if s.closed.get() {
        return Err(closed_error(vm));
    }
    Ok(s)
}

impl BytesIO {
    fn read_n(&self, n: Option<usize>) -> Vec<u8> {
        let buf = self.buf.borrow();
        let start = self.pos.get().min(buf.len());
        let end = match n {
            Some(n) => (start + n).min(buf.len()),
            None => buf.len(),
        };
        self.pos.set(end.max(self.pos.get()));
        buf[start..end].to_vec()
    }

    fn read_line(&self, limit: Option<usize>) -> Vec<u8> {
        let buf = self.buf.borrow();
        let start = self.pos.get().min(buf.len());
        let mut end = match buf[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start + i + 1,
            None => buf.len(),
        };
        if let Some(l) = limit {
            end = end.min(start + l);
        }
        self.pos.set(end.max(self.pos.get()));
        buf[start..end].to_vec()
    }
}

fn bio_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = crate::types::tuple::new_cls(vm, args, "BytesIO", class(vm, "BytesIO"))?;
    Ok(vm.new_native(cls, BytesIO { buf: RefCell::new(Vec::new()), pos: Cell::new(0), closed: Cell::new(false) }))
}

fn bio_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<BytesIO>(vm, args, "__init__", "_io.BytesIO")?;
    let [initial] = vm.bind_args("BytesIO", &args[1..], kw, ["initial_bytes"], 0)?;
    let data = match opt(initial) {
        None => Vec::new(),
        Some(v) => need_bytes(vm, v)?,
    };
    let s = this::<BytesIO>(vm, args, "__init__", "_io.BytesIO")?;
    *s.buf.borrow_mut() = data;
    s.pos.set(0);
    Ok(Value::NONE)
}

fn bio_write(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bio(vm, args, "write")?;
    let Some(&v) = args.get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let data = need_bytes(vm, v)?;
    let s = bio(vm, args, "write")?;
    let mut buf = s.buf.borrow_mut();
    let pos = s.pos.get();
    if pos > buf.len() {
        buf.resize(pos, 0);
    }
    let end = pos + data.len();
    let overlap = end.min(buf.len()) - pos;
    buf[pos..pos + overlap].copy_from_slice(&data[..overlap]);
    buf.extend_from_slice(&data[overlap..]);
    s.pos.set(end);
    Ok(vm.new_int(data.len() as i64))
}

fn bio_writelines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bio(vm, args, "writelines")?;
    let Some(&lines) = args.get(1) else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    let it = vm.iter(lines)?;
    while let Some(l) = vm.next(it)? {
        bio_write(vm, &[args[0], l], &[])?;
    }
    Ok(Value::NONE)
}

fn bio_read(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "read")?;
    let n = size_arg(vm, args.get(1).copied())?;
    let d = s.read_n(n);
    Ok(vm.new_bytes(d))
}

fn bio_readline(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "readline")?;
    let n = size_arg(vm, args.get(1).copied())?;
    let d = s.read_line(n);
    Ok(vm.new_bytes(d))
}

fn bio_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "readlines")?;
    let hint = size_arg(vm, args.get(1).copied())?.filter(|&h| h > 0);
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let l = s.read_line(None);
        if l.is_empty() {
            break;
        }
        total += l.len();
        out.push(vm.new_bytes(l));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(out))
}

fn bio_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "__next__")?;
    let l = s.read_line(None);
    if l.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(vm.new_bytes(l))
}

fn bio_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bio(vm, args, "readinto")?;
    let Some(&b) = args.get(1) else {
        return Err(vm.type_error("readinto() takes exactly one argument (0 given)"));
    };
    let n = vm.len(b)?;
    let s = bio(vm, args, "readinto")?;
    let d = s.read_n(Some(n));
    fill_buffer(vm, b, &d)?;
    Ok(vm.new_int(d.len() as i64))
}

fn bio_getvalue(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "getvalue")?;
    let d = s.buf.borrow().clone();
    Ok(vm.new_bytes(d))
}

fn bio_getbuffer(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    // A memoryview cannot view a BytesIO's growable storage, so this views a snapshot of
    // the contents: reading through it is exact, and since nothing is shared the stream
    // may still be resized. The view is read-only so that writes through it (which would
    // not reach the stream) raise TypeError instead of being silently lost.
    let d = bio(vm, args, "getbuffer")?.buf.borrow().clone();
    let b = vm.new_bytes(d);
    crate::builtins::memoryview::new_view(vm, b)
}

fn bio_tell(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "tell")?;
    Ok(vm.new_int(s.pos.get() as i64))
}

fn bio_seek(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "seek")?;
    let Some(&p) = args.get(1) else {
        return Err(vm.type_error("seek expected at least 1 argument, got 0"));
    };
    let pos = vm.to_index(p)?;
    let whence = match args.get(2) {
        Some(&w) => vm.to_index(w)?,
        None => 0,
    };
    let new = match whence {
        0 => {
            if pos < 0 {
                return Err(vm.value_error(format!("negative seek value {pos}")));
            }
            pos
        }
        1 => (s.pos.get() as i64 + pos).max(0),
        2 => (s.buf.borrow().len() as i64 + pos).max(0),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    s.pos.set(new as usize);
    Ok(vm.new_int(new))
}

fn bio_truncate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = bio(vm, args, "truncate")?;
    let size = match args.get(1).copied().and_then(opt) {
        None => s.pos.get(),
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error(format!("negative size value {n}")));
            }
            n as usize
        }
    };
    let mut b = s.buf.borrow_mut();
    if size < b.len() {
        b.truncate(size);
    }
    Ok(vm.new_int(size as i64))
}

fn bio_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<BytesIO>(vm, args, "close", "_io.BytesIO")?;
    s.closed.set(true);
    s.buf.borrow_mut().clear();
    Ok(Value::NONE)
}

fn bio_closed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<BytesIO>(vm, args, "closed", "_io.BytesIO")?;
    Ok(Value::bool(s.closed.get()))
}

fn bio_true(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bio(vm, args, "readable")?;
    Ok(Value::TRUE)
}

fn bio_flush(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bio(vm, args, "flush")?;
    Ok(Value::NONE)
}

// ----- IncrementalNewlineDecoder -----

pub struct NewlineDecoder {
    decoder: Value,
    translate: bool,
    pendingcr: Cell<bool>,
    /// Kinds of newline seen: 1 `\n`, 2 `\r`, 4 `\r\n`.
    seen: Cell<u8>,
}
impl_native!(NewlineDecoder, |s, visit| { visit(s.decoder) });

fn nd_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls =
        crate::types::tuple::new_cls(vm, args, "IncrementalNewlineDecoder", class(vm, "IncrementalNewlineDecoder"))?;
    let [decoder, translate, _errors] =
        vm.bind_args("IncrementalNewlineDecoder", &args[1..], kw, ["decoder", "translate", "errors"], 2)?;
    let translate = vm.truthy(translate)?;
    Ok(vm.new_native(cls, NewlineDecoder { decoder, translate, pendingcr: Cell::new(false), seen: Cell::new(0) }))
}

fn nd_init(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn nd_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = this::<NewlineDecoder>(vm, args, "decode", "_io.IncrementalNewlineDecoder")?;
    let (decoder, translate) = (d.decoder, d.translate);
    let [input, fin] = vm.bind_args("decode", &args[1..], kw, ["input", "final"], 1)?;
    let fin_b = if fin.is_null() { false } else { vm.truthy(fin)? };
    let out = if decoder.is_none() {
        input
    } else {
        let k = vm.intern("final");
        let f = vm.intern("decode");
        let m = vm.get_attr(decoder, f)?;
        vm.call(m, &[input], &[(k, Value::bool(fin_b))])?
    };
    let Some(text) = out.as_rstr() else {
        return Err(vm.type_error(format!("decoder should return a string result, not '{}'", vm.type_tp_name(out))));
    };
    let mut text = text.to_owned();
    let d = this::<NewlineDecoder>(vm, args, "decode", "_io.IncrementalNewlineDecoder")?;
    if d.pendingcr.get() && (!text.is_empty() || fin_b) {
        text.insert(0, '\r');
        d.pendingcr.set(false);
    }
    if text.ends_with('\r') && !fin_b {
        text.pop();
        d.pendingcr.set(true);
    }
    let crlf = text.matches("\r\n").count();
    let cr = text.matches('\r').count() - crlf;
    let lf = text.matches('\n').count() - crlf;
    let mut seen = d.seen.get();
    if lf > 0 {
        seen |= 1;
    }
    if cr > 0 {
        seen |= 2;
    }
    if crlf > 0 {
        seen |= 4;
    }
    d.seen.set(seen);
    if translate {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    Ok(vm.new_string(text))
}

fn nd_getstate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = this::<NewlineDecoder>(vm, args, "getstate", "_io.IncrementalNewlineDecoder")?;
    let (decoder, pending) = (d.decoder, d.pendingcr.get());
    let (buf, flag) = if decoder.is_none() {
        (vm.new_bytes(Vec::new()), 0i64)
    } else {
        let st = vm.call_method(decoder, "getstate", &[])?;
        let t = st.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        if t.len() != 2 {
            return Err(vm.type_error("illegal decoder state"));
        }
        (t[0], vm.to_index(t[1])?)
    };
    let f = vm.new_int((flag << 1) | pending as i64);
    Ok(vm.new_tuple(vec![buf, f]))
}

fn nd_setstate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = this::<NewlineDecoder>(vm, args, "setstate", "_io.IncrementalNewlineDecoder")?;
    let decoder = d.decoder;
    let st = args.get(1).and_then(|s| s.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    if st.len() != 2 {
        return Err(vm.type_error("state argument must be a tuple"));
    }
    let flag = vm.to_index(st[1])?;
    let d = this::<NewlineDecoder>(vm, args, "setstate", "_io.IncrementalNewlineDecoder")?;
    d.pendingcr.set(flag & 1 != 0);
    if !decoder.is_none() {
        let f = vm.new_int(flag >> 1);
        let t = vm.new_tuple(vec![st[0], f]);
        vm.call_method(decoder, "setstate", &[t])?;
    }
    Ok(Value::NONE)
}

fn nd_reset(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = this::<NewlineDecoder>(vm, args, "reset", "_io.IncrementalNewlineDecoder")?;
    d.pendingcr.set(false);
    d.seen.set(0);
    let decoder = d.decoder;
    if !decoder.is_none() {
        vm.call_method(decoder, "reset", &[])?;
    }
    Ok(Value::NONE)
}

fn nd_newlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = this::<NewlineDecoder>(vm, args, "newlines", "_io.IncrementalNewlineDecoder")?;
    let kinds: Vec<&str> = [(2, "\r"), (1, "\n"), (4, "\r\n")]
        .iter()
        .filter(|(bit, _)| d.seen.get() & bit != 0)
        .map(|(_, s)| *s)
        .collect();
    Ok(match kinds.len() {
        0 => Value::NONE,
        1 => vm.new_str(kinds[0]),
        _ => {
            let items = kinds.iter().map(|k| vm.new_str(k)).collect();
            vm.new_tuple(items)
        }
    })
}

// ----- constructors of the stream classes -----

fn stream_ctor_class(vm: &Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let base = class(vm, name);
    let cls = crate::types::tuple::new_cls(vm, args, name, base)?;
    if !cls.is(base) {
        return Err(vm.not_implemented_error(format!("subclasses of {name} are not supported yet")));
    }
    Ok(cls)
}

fn fileio_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    stream_ctor_class(vm, args, "FileIO")?;
    let [file, mode, closefd, opener] =
        vm.bind_args("FileIO", &args[1..], kw, ["file", "mode", "closefd", "opener"], 1)?;
    let m = if mode.is_null() { "r".to_owned() } else { super::need_str(vm, mode, "FileIO() argument 'mode'")? };
    if m.chars().any(|c| !"rwxab+".contains(c)) || m.matches(['r', 'w', 'x', 'a']).count() != 1 {
        return Err(vm.value_error(format!("invalid mode: {m}")));
    }
    let mb = if m.contains('b') { m } else { format!("{m}b") };
    let mv = vm.new_string(mb);
    let mut kws = vec![(vm.intern("buffering"), vm.new_int(0))];
    if !closefd.is_null() {
        kws.push((vm.intern("closefd"), closefd));
    }
    if !opener.is_null() {
        kws.push((vm.intern("opener"), opener));
    }
    builtin_open(vm, &[file, mv], &kws)
}

fn buffered_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str) -> PyResult<Value> {
    let cls = stream_ctor_class(vm, args, name)?;
    let [raw, size] = vm.bind_args(name, &args[1..], kw, ["raw", "buffer_size"], 1)?;
    if !size.is_null() && vm.to_index(size)? <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    match as_stream(&raw) {
        Some(s) if s.binary => {}
        Some(_) => return Err(vm.type_error(format!("{name}() argument must be a raw binary stream"))),
        None => {
            // A raw stream written in Python (gzip's `_GzipReader`, ...): `_pyio`'s
            // pure-Python buffered classes, as for TextIOWrapper below.
            let pyio = crate::builtins::import::import_module(vm, "_pyio")?;
            let k = vm.intern(name);
            let cls = vm.get_attr(pyio, k)?;
            return vm.call(cls, &args[1..], kw);
        }
    }
    wrap_stream(vm, cls, raw, None).ok_or_else(|| vm.type_error("not a stream"))
}

fn reader_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    buffered_new(vm, args, kw, "BufferedReader")
}

fn writer_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    buffered_new(vm, args, kw, "BufferedWriter")
}

fn random_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    buffered_new(vm, args, kw, "BufferedRandom")
}

fn textwrapper_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = stream_ctor_class(vm, args, "TextIOWrapper")?;
    let [buffer, encoding, errors, newline, lb, wt] = vm.bind_args(
        "TextIOWrapper",
        &args[1..],
        kw,
        ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        1,
    )?;
    let encoding_s = match opt(encoding) {
        None => "UTF-8".to_owned(),
        Some(e) => super::need_str(vm, e, "TextIOWrapper() argument 'encoding'")?,
    };
    let enc_name = if encoding_s == "locale" { "UTF-8".to_owned() } else { encoding_s.clone() };
    let Some(enc) = Enc::from_name(&enc_name) else {
        // Other codecs (cp1252, ...) through the codec registry, by `_pyio`'s wrapper.
        let pyio = crate::builtins::import::import_module(vm, "_pyio")?;
        let k = vm.intern("TextIOWrapper");
        let cls = vm.get_attr(pyio, k)?;
        return vm.call(cls, &args[1..], kw);
    };
    let errors_s = match opt(errors) {
        None => "strict".to_owned(),
        Some(e) => super::need_str(vm, e, "TextIOWrapper() argument 'errors'")?,
    };
    let nl = match opt(newline) {
        None => Newline::Universal,
        Some(n) => {
            let s = super::need_str(vm, n, "TextIOWrapper() argument 'newline'")?;
            Newline::parse(Some(&s)).map_err(|m| vm.value_error(m))?
        }
    };
    let lb = if lb.is_null() { false } else { vm.truthy(lb)? };
    let wt = if wt.is_null() { false } else { vm.truthy(wt)? };
    match as_stream(&buffer) {
        Some(s) if s.binary => {}
        Some(_) => return Err(vm.type_error("TextIOWrapper() argument must be a binary buffer")),
        None => {
            // Any other binary buffer (BytesIO, a Python object with read/write): the
            // pure-Python implementation of the standard library's `_pyio` does the work.
            let pyio = crate::builtins::import::import_module(vm, "_pyio")?;
            let k = vm.intern("TextIOWrapper");
            let cls = vm.get_attr(pyio, k)?;
            return vm.call(cls, &args[1..], kw);
        }
    }
    let text = Some((enc, enc_name.into_boxed_str(), errors_s.into_boxed_str(), nl, lb, wt));
    wrap_stream(vm, cls, buffer, text).ok_or_else(|| vm.type_error("not a stream"))
}

fn rwpair_new(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.not_implemented_error("io.BufferedRWPair is not supported yet"))
}

// ----- module functions -----

fn io_open_code(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path] = vm.bind_args("open_code", args, kw, ["path"], 1)?;
    if path.as_pystr().is_none() {
        return Err(vm.type_error(format!("open_code() argument 'path' must be str, not {}", vm.arg_type_name(path))));
    }
    let m = vm.new_str("rb");
    builtin_open(vm, &[path, m], &[])
}

fn io_text_encoding(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [encoding, _stacklevel] = vm.bind_args("text_encoding", args, kw, ["encoding", "stacklevel"], 1)?;
    if !encoding.is_none() {
        return Ok(encoding);
    }
    Ok(vm.new_str("locale"))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(vm, "_io", &[("open_code", io_open_code), ("text_encoding", io_text_encoding)]);
    init_bases(vm);
    let open = vm.intern("open");
    let open_fn = vm.dict_get_str(vm.builtins_dict, open).unwrap_or(Value::NONE);
    set(vm, m, "open", open_fn);
    set_int(vm, m, "DEFAULT_BUFFER_SIZE", DEFAULT_BUFFER_SIZE as i64);
    let uo = vm.state.borrow().get("io.UnsupportedOperation").copied().unwrap_or(vm.exc.os_error);
    set(vm, m, "UnsupportedOperation", uo);
    let bio_err = vm.exc.blocking_io_error;
    set(vm, m, "BlockingIOError", bio_err);
    for name in ["_IOBase", "_RawIOBase", "_BufferedIOBase", "_TextIOBase"] {
        let c = class(vm, name);
        set(vm, m, name, c);
    }
    for (name, ctor) in [
        ("FileIO", fileio_new as NativeFn),
        ("BufferedReader", reader_new),
        ("BufferedWriter", writer_new),
        ("BufferedRandom", random_new),
        ("TextIOWrapper", textwrapper_new),
    ] {
        let c = class(vm, name);
        vm.add_staticmethod(c, "__new__", ctor);
        set(vm, m, name, c);
    }
    let fio = class(vm, "FileIO");
    vm.add_method(fio, "readinto", buffered_readinto);
    let flags = class_flags::BASETYPE;
    let text_base = class(vm, "_TextIOBase");
    let sio_cls = new_class(vm, "_io", "StringIO", text_base, Layout::Other, flags);
    vm.add_staticmethod(sio_cls, "__new__", sio_new);
    let sio_methods: &[(&'static str, NativeFn)] = &[
        ("__init__", sio_init),
        ("write", sio_write),
        ("read", sio_read),
        ("readline", sio_readline),
        ("__next__", sio_next),
        ("getvalue", sio_getvalue),
        ("tell", sio_tell),
        ("seek", sio_seek),
        ("truncate", sio_truncate),
        ("close", sio_close),
        ("readable", sio_true),
        ("writable", sio_true),
        ("seekable", sio_true),
        ("__getstate__", sio_getstate),
    ];
    for &(n, f) in sio_methods {
        vm.add_method(sio_cls, n, f);
    }
    vm.add_getter(sio_cls, "closed", sio_closed);
    vm.add_getter(sio_cls, "line_buffering", sio_line_buffering);
    vm.add_getter(sio_cls, "newlines", sio_newlines);
    set(vm, m, "StringIO", sio_cls);

    let buf_base = class(vm, "_BufferedIOBase");
    let bio_cls = new_class(vm, "_io", "BytesIO", buf_base, Layout::Other, flags);
    vm.add_staticmethod(bio_cls, "__new__", bio_new);
    let bio_methods: &[(&'static str, NativeFn)] = &[
        ("__init__", bio_init),
        ("write", bio_write),
        ("writelines", bio_writelines),
        ("read", bio_read),
        ("read1", bio_read),
        ("readline", bio_readline),
        ("readlines", bio_readlines),
        ("__next__", bio_next),
        ("readinto", bio_readinto),
        ("readinto1", bio_readinto),
        ("getvalue", bio_getvalue),
        ("getbuffer", bio_getbuffer),
        ("tell", bio_tell),
        ("seek", bio_seek),
        ("truncate", bio_truncate),
        ("close", bio_close),
        ("flush", bio_flush),
        ("readable", bio_true),
        ("writable", bio_true),
        ("seekable", bio_true),
    ];
    for &(n, f) in bio_methods {
        vm.add_method(bio_cls, n, f);
    }
    vm.add_getter(bio_cls, "closed", bio_closed);
    set(vm, m, "BytesIO", bio_cls);

    let nd = new_class(vm, "_io", "IncrementalNewlineDecoder", vm.types.object, Layout::Other, flags);
    vm.add_staticmethod(nd, "__new__", nd_new);
    vm.add_method(nd, "__init__", nd_init);
    vm.add_method(nd, "decode", nd_decode);
    vm.add_method(nd, "getstate", nd_getstate);
    vm.add_method(nd, "setstate", nd_setstate);
    vm.add_method(nd, "reset", nd_reset);
    vm.add_getter(nd, "newlines", nd_newlines);
    set(vm, m, "IncrementalNewlineDecoder", nd);

    let rw = new_class(vm, "_io", "BufferedRWPair", buf_base, Layout::Other, flags);
    vm.add_staticmethod(rw, "__new__", rwpair_new);
    set(vm, m, "BufferedRWPair", rw);
    Ok(m)
}
