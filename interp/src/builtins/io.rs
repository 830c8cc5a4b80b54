//! Streams: `sys.stdin`/`sys.stdout`/`sys.stderr` and the file objects `open()` returns.
//!
//! One Rust type, `Stream`, backs every stream; the Python classes (`_io.TextIOWrapper`,
//! `_io.BufferedReader`, `_io.BufferedWriter`) differ only in whether they move `str` or
//! `bytes`. Krait buffers output itself, as CPython does: stdout is line-buffered on a
//! terminal and block-buffered otherwise (so a program piping a million `print`s does not
//! make a million `write` system calls), stderr is written through. The binary `.buffer`
//! of a text stream shares its text stream's buffers, so interleaved text and binary
//! writes keep their order.
//!
//! Objects are never freed before the collector lands, and even then a finalizer would
//! run late, so a file written and never closed would keep its data in our buffer: every
//! writable file is registered in `vm.state["open_files"]` and flushed when another file
//! is opened and at exit (`flush_all`).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};

use crate::impl_native;
use crate::object::{Layout, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Output is handed to the OS once this many bytes are buffered.
const BUF_SIZE: usize = 8192;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Stdin,
    Stdout,
    Stderr,
    File,
}

/// The `newline=` setting of a text stream.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// `None`: `\r`, `\n` and `\r\n` end lines and read as `\n`.
    Universal,
    /// `''`: the same line ends, returned untranslated.
    Untranslated,
    /// `'\n'`.
    Lf,
    /// `'\r'`: lines end at `\r`; `\n` is written as `\r`.
    Cr,
    /// `'\r\n'`: lines end at `\r\n`; `\n` is written as `\r\n`.
    CrLf,
}

impl Newline {
    /// What `\n` becomes on output, when it changes.
    fn write_ending(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }

    /// The `newline` argument of `open`/`TextIOWrapper`; Err(message) for a bad one.
    pub fn parse(v: Option<&str>) -> Result<Newline, String> {
        Ok(match v {
            None => Newline::Universal,
            Some("") => Newline::Untranslated,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            Some(other) => return Err(format!("illegal newline value: {other}")),
        })
    }
}

/// Text encodings a Krait stream can use.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Enc {
    Utf8,
    Latin1,
    Ascii,
}

impl Enc {
    /// The encoding named `name`, if supported (Python's codec aliases).
    pub fn from_name(name: &str) -> Option<Enc> {
        let n = name.to_ascii_lowercase().replace(['-', ' '], "_");
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "locale" => Enc::Utf8,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => {
                Enc::Latin1
            }
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" => Enc::Ascii,
            _ => return None,
        })
    }

    fn codec(self) -> &'static str {
        match self {
            Enc::Utf8 => "utf-8",
            Enc::Latin1 => "latin-1",
            Enc::Ascii => "ascii",
        }
    }
}

pub struct Stream {
    pub kind: Kind,
    file: RefCell<Option<File>>,
    /// `name` attribute: a str (path or `<stdout>`); binary streams let Python code set it
    /// (`tempfile` sets `raw.name`, and `.raw` is the stream itself here).
    name: Cell<Value>,
    mode: RefCell<Box<str>>,
    pub binary: bool,
    /// Newline handling of a text stream (`newline=` of `open`); the std streams use
    /// `Newline::Lf`, as in CPython.
    newline: Newline,
    /// A raw (`FileIO`, unbuffered) binary stream.
    raw: bool,
    /// The text encoding, and its name as reported by `.encoding`.
    enc: Enc,
    readable: bool,
    writable: bool,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    /// Reported `encoding` (CPython says 'utf-8' for the std streams, 'UTF-8' for files
    /// opened with the locale encoding).
    encoding: Box<str>,
    /// The error handler of the text codec.
    errors: Box<str>,
    /// Close the OS file when the stream is closed (`closefd=False` leaves it open).
    closefd: bool,
    closed: Cell<bool>,
    /// For a `.buffer` object: the text stream whose buffers and file this one uses.
    shared: Value,
    /// The binary `.buffer` of a text stream, created on first use; NULL until then.
    buffer: Cell<Value>,
    wbuf: RefCell<Vec<u8>>,
    rbuf: RefCell<VecDeque<u8>>,
    eof: Cell<bool>,
}

impl_native!(Stream, |s, visit| {
    visit(s.name.get());
    if !s.shared.is_null() {
        visit(s.shared);
    }
    let b = s.buffer.get();
    if !b.is_null() {
        visit(b);
    }
});

impl Stream {
    fn new(kind: Kind, name: Value, mode: &str, binary: bool, file: Option<File>) -> Stream {
        let readable = mode.contains('r') || mode.contains('+');
        let writable = mode.contains('w') || mode.contains('a') || mode.contains('x') || mode.contains('+');
        let line_buffering = kind == Kind::Stdout && std::io::stdout().is_terminal();
        Stream {
            kind,
            file: RefCell::new(file),
            name: Cell::new(name),
            mode: RefCell::new(mode.into()),
            binary,
            newline: Newline::Lf,
            raw: false,
            enc: Enc::Utf8,
            readable,
            writable,
            line_buffering: Cell::new(line_buffering),
            write_through: Cell::new(kind == Kind::Stderr),
            encoding: if kind == Kind::File { "UTF-8".into() } else { "utf-8".into() },
            errors: if kind == Kind::Stderr { "backslashreplace".into() } else { "strict".into() },
            closefd: true,
            closed: Cell::new(false),
            shared: Value::NULL,
            buffer: Cell::new(Value::NULL),
            wbuf: RefCell::new(Vec::new()),
            rbuf: RefCell::new(VecDeque::new()),
            eof: Cell::new(false),
        }
    }

    /// The stream whose buffers and OS handle this one uses (following a chain of
    /// wrappers: a `TextIOWrapper` over a `.buffer` over a text stream).
    fn core(&self) -> &Stream {
        let mut s = self;
        while let Some(inner) = s.shared.as_obj().and_then(|o| o.native::<Stream>()) {
            s = inner;
        }
        s
    }

    /// Text from bytes read, in this stream's encoding and error handling.
    fn decode(&self, vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
        match self.enc {
            Enc::Utf8 if &*self.errors == "strict" => decode_utf8(vm, b),
            Enc::Latin1 => Ok(vm.new_string(b.iter().map(|&c| c as char).collect())),
            Enc::Ascii if b.is_ascii() => Ok(vm.new_string(String::from_utf8(b).unwrap_or_default())),
            _ => {
                let by = vm.new_bytes(b);
                let e = vm.new_str(self.enc.codec());
                let h = vm.new_str(&self.errors);
                vm.call_method(by, "decode", &[e, h])
            }
        }
    }

    /// Bytes to write for `text`, with newline translation and this stream's encoding.
    fn encode(&self, vm: &mut Vm, text: &str) -> PyResult<Vec<u8>> {
        let translated;
        let text = match self.newline.write_ending() {
            Some(nl) if text.contains('\n') => {
                translated = text.replace('\n', nl);
                translated.as_str()
            }
            _ => text,
        };
        if self.enc == Enc::Utf8 || (self.enc == Enc::Ascii && text.is_ascii()) {
            return Ok(text.as_bytes().to_vec());
        }
        if self.enc == Enc::Latin1 && text.chars().all(|c| (c as u32) < 256) {
            return Ok(text.chars().map(|c| c as u8).collect());
        }
        let t = vm.new_str(text);
        let e = vm.new_str(self.enc.codec());
        let h = vm.new_str(&self.errors);
        let r = vm.call_method(t, "encode", &[e, h])?;
        Ok(crate::types::bytes::bytes_data(r).unwrap_or_default())
    }

    fn is_closed(&self) -> bool {
        self.core().closed.get()
    }

    /// Hands buffered output to the OS.
    fn flush_buf(&self) -> std::io::Result<()> {
        let c = self.core();
        let data = std::mem::take(&mut *c.wbuf.borrow_mut());
        if data.is_empty() {
            return Ok(());
        }
        match c.kind {
            Kind::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(&data)?;
                out.flush()
            }
            Kind::Stderr => {
                let mut out = std::io::stderr().lock();
                out.write_all(&data)?;
                out.flush()
            }
            Kind::Stdin => Ok(()),
            Kind::File => match c.file.borrow_mut().as_mut() {
                Some(f) => f.write_all(&data),
                None => Ok(()),
            },
        }
    }

    fn write_bytes(&self, b: &[u8]) -> std::io::Result<()> {
        let c = self.core();
        let flush = {
            let mut w = c.wbuf.borrow_mut();
            w.extend_from_slice(b);
            let line_buffered = c.line_buffering.get() || self.line_buffering.get();
            c.write_through.get()
                || self.write_through.get()
                || w.len() >= BUF_SIZE
                || (line_buffered && b.contains(&b'\n'))
        };
        if flush {
            self.flush_buf()?;
        }
        Ok(())
    }

    /// Reads more input into the read buffer; false at end of file.
    fn fill(&self) -> std::io::Result<bool> {
        let c = self.core();
        if c.eof.get() {
            return Ok(false);
        }
        // Output written so far should be visible before we block on input (prompts).
        if c.kind == Kind::Stdin {
            let _ = flush_std_stdout();
        } else if c.kind == Kind::File {
            self.flush_buf()?;
        }
        let mut tmp = [0u8; BUF_SIZE];
        let n = match c.kind {
            Kind::Stdin => std::io::stdin().lock().read(&mut tmp)?,
            Kind::File => match c.file.borrow_mut().as_mut() {
                Some(f) => f.read(&mut tmp)?,
                None => 0,
            },
            Kind::Stdout | Kind::Stderr => 0,
        };
        if n == 0 {
            // A terminal can deliver more after an EOF (Ctrl-D), so only files latch it.
            if c.kind == Kind::File {
                c.eof.set(true);
            }
            return Ok(false);
        }
        c.rbuf.borrow_mut().extend(&tmp[..n]);
        Ok(true)
    }

    /// Everything up to end of file.
    fn read_all(&self) -> std::io::Result<Vec<u8>> {
        while self.fill()? {}
        Ok(self.core().rbuf.borrow_mut().drain(..).collect())
    }

    /// Up to `n` bytes (fewer only at end of file).
    fn read_n(&self, n: usize) -> std::io::Result<Vec<u8>> {
        let c = self.core();
        while c.rbuf.borrow().len() < n {
            if !self.fill()? {
                break;
            }
        }
        let mut r = c.rbuf.borrow_mut();
        let k = n.min(r.len());
        Ok(r.drain(..k).collect())
    }

    /// One line including its terminator, as `newline` says lines end (and, for
    /// universal newlines, with `\r\n` and `\r` read as `\n`). `limit` caps the bytes
    /// returned.
    fn read_line(&self, newline: Newline, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let c = self.core();
        let mut line = Vec::new();
        loop {
            if limit.is_some_and(|l| line.len() >= l) {
                return Ok(line);
            }
            let b = c.rbuf.borrow_mut().pop_front();
            let b = match b {
                Some(b) => b,
                None => {
                    if self.fill()? {
                        continue;
                    }
                    return Ok(line);
                }
            };
            match newline {
                Newline::Lf | Newline::Universal | Newline::Untranslated if b == b'\n' => {
                    line.push(b'\n');
                    return Ok(line);
                }
                Newline::Universal | Newline::Untranslated | Newline::Cr | Newline::CrLf if b == b'\r' => {
                    if newline == Newline::Cr {
                        line.push(b'\r');
                        return Ok(line);
                    }
                    if c.rbuf.borrow().is_empty() {
                        let _ = self.fill()?;
                    }
                    let mut r = c.rbuf.borrow_mut();
                    let crlf = r.front() == Some(&b'\n');
                    if crlf {
                        r.pop_front();
                    }
                    match newline {
                        Newline::Universal => line.push(b'\n'),
                        Newline::Untranslated => {
                            line.push(b'\r');
                            if crlf {
                                line.push(b'\n');
                            }
                        }
                        _ => {
                            line.push(b'\r');
                            if crlf {
                                line.push(b'\n');
                                return Ok(line);
                            }
                            continue;
                        }
                    }
                    return Ok(line);
                }
                _ => line.push(b),
            }
        }
    }

    /// Up to `n` characters of text (UTF-8).
    fn read_chars(&self, n: usize) -> std::io::Result<Vec<u8>> {
        let c = self.core();
        let mut out = Vec::new();
        let mut chars = 0;
        while chars < n {
            let first = c.rbuf.borrow().front().copied();
            let Some(b) = first else {
                if self.fill()? {
                    continue;
                }
                break;
            };
            let width = if self.enc == Enc::Utf8 { utf8_width(b) } else { 1 };
            while c.rbuf.borrow().len() < width {
                if !self.fill()? {
                    break;
                }
            }
            let mut r = c.rbuf.borrow_mut();
            let k = width.min(r.len());
            out.extend(r.drain(..k));
            chars += 1;
        }
        Ok(out)
    }
}

fn utf8_width(b: u8) -> usize {
    match b {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Translates `\r\n` and lone `\r` to `\n` (universal newlines on read).
fn translate_newlines(b: Vec<u8>) -> Vec<u8> {
    if !b.contains(&b'\r') {
        return b;
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            out.push(b'\n');
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    out
}

/// Decodes UTF-8 input the way CPython's strict decoder reports failures.
pub fn decode_utf8(vm: &Vm, b: Vec<u8>) -> PyResult<Value> {
    match String::from_utf8(b) {
        Ok(s) => Ok(vm.new_string(s)),
        Err(e) => {
            let bytes = e.as_bytes();
            let u = e.utf8_error();
            let pos = u.valid_up_to();
            let byte = bytes.get(pos).copied().unwrap_or(0);
            let msg = match u.error_len() {
                None => {
                    format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: unexpected end of data")
                }
                Some(_) if (0x80..0xC2).contains(&byte) || byte >= 0xF5 => {
                    format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte")
                }
                Some(n) => {
                    if n == 1 {
                        format!(
                            "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid continuation byte"
                        )
                    } else {
                        format!(
                            "'utf-8' codec can't decode bytes in position {pos}-{}: invalid continuation byte",
                            pos + n - 1
                        )
                    }
                }
            };
            Err(vm.err(vm.exc.unicode_decode_error, msg))
        }
    }
}

/// The `OSError` subclass CPython raises for an errno, built by calling the class so
/// that `errno`/`strerror`/`filename` are set as Python code expects.
pub fn os_error_from_io(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    let Some(code) = e.raw_os_error() else {
        return vm.os_error(e.to_string());
    };
    let cls = match code {
        2 => vm.exc.file_not_found_error,
        13 | 1 => vm.exc.permission_error,
        17 => vm.exc.file_exists_error,
        20 => vm.exc.not_a_directory_error,
        21 => vm.exc.is_a_directory_error,
        32 => vm.exc.broken_pipe_error,
        4 => vm.exc.interrupted_error,
        11 => vm.exc.blocking_io_error,
        10 => vm.exc.child_process_error,
        3 => vm.exc.process_lookup_error,
        110 => vm.exc.timeout_error,
        104 => vm.exc.connection_reset_error,
        111 => vm.exc.connection_refused_error,
        103 => vm.exc.connection_aborted_error,
        _ => vm.exc.os_error,
    };
    // Rust renders "<strerror> (os error N)"; CPython shows just the strerror.
    let text = e.to_string();
    let strerror = match text.rfind(" (os error ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    let mut args = vec![vm.new_int(code as i64), vm.new_string(strerror.clone())];
    if let Some(f) = filename {
        args.push(f);
    }
    match vm.call(cls, &args, &[]) {
        Ok(exc) => PyErr(exc),
        Err(_) => {
            let msg = match filename.and_then(|f| f.as_rstr().map(str::to_owned)) {
                Some(f) => format!("[Errno {code}] {strerror}: '{f}'"),
                None => format!("[Errno {code}] {strerror}"),
            };
            vm.err(cls, msg)
        }
    }
}

// ----- setup and the entry points other modules use -----

const TEXT_CLASS: &str = "TextIOWrapper";
const READER_CLASS: &str = "BufferedReader";
const WRITER_CLASS: &str = "BufferedWriter";
const RANDOM_CLASS: &str = "BufferedRandom";
const FILEIO_CLASS: &str = "FileIO";

/// Creates the stream classes and the three standard streams; returns
/// (stdin, stdout, stderr).
pub fn init(vm: &mut Vm) -> (Value, Value, Value) {
    let object = vm.types.object;
    // A heap type deriving from OSError and ValueError, as CPython makes it (`io.py`
    // sets its `__module__`).
    let io_mod = vm.intern("io");
    let k = vm.intern("__module__");
    let unsupported = {
        let name = vm.new_str("UnsupportedOperation");
        let bases = vm.new_tuple(vec![vm.exc.os_error, vm.exc.value_error]);
        let ns = vm.new_dict();
        vm.dict_set_str(ns, k, io_mod);
        match vm.call(vm.types.type_, &[name, bases, ns], &[]) {
            Ok(c) if c.as_class().is_some() => c,
            _ => {
                let c = vm.new_builtin_class("UnsupportedOperation", vm.exc.os_error, Layout::Exception, {
                    use crate::object::class_flags::*;
                    BASETYPE | HAS_DICT | EXCEPTION | HEAPTYPE
                });
                vm.set_class_or_module_attr(c, k, io_mod);
                c
            }
        }
    };
    vm.state.borrow_mut().insert("io.UnsupportedOperation", unsupported);
    // The abstract bases of `_io` (their generic methods are added by `modules::io`).
    let m = vm.intern("_io");
    let base_flags = crate::object::class_flags::BASETYPE | crate::object::class_flags::HAS_DICT;
    let iobase = vm.new_builtin_class("_IOBase", object, Layout::Object, base_flags);
    vm.set_class_or_module_attr(iobase, k, m);
    for name in ["_RawIOBase", "_BufferedIOBase", "_TextIOBase"] {
        let c = vm.new_builtin_class(name, iobase, Layout::Object, base_flags);
        vm.set_class_or_module_attr(c, k, m);
    }
    for name in [TEXT_CLASS, READER_CLASS, WRITER_CLASS, RANDOM_CLASS, FILEIO_CLASS] {
        let base = match name {
            TEXT_CLASS => vm.extra_types["_TextIOBase"],
            FILEIO_CLASS => vm.extra_types["_RawIOBase"],
            _ => vm.extra_types["_BufferedIOBase"],
        };
        let cls = vm.new_builtin_class(name, base, Layout::Other, crate::object::class_flags::BASETYPE);
        vm.set_class_or_module_attr(cls, k, m);
        register_methods(vm, cls, name == TEXT_CLASS);
    }
    let n = vm.new_str("<stdin>");
    let stdin = new_stream(vm, Stream::new(Kind::Stdin, n, "r", false, None));
    let n = vm.new_str("<stdout>");
    let stdout = new_stream(vm, Stream::new(Kind::Stdout, n, "w", false, None));
    let n = vm.new_str("<stderr>");
    let stderr = new_stream(vm, Stream::new(Kind::Stderr, n, "w", false, None));
    vm.state.borrow_mut().insert("io.stdout", stdout);
    register_std_stdout(stdout);
    vm.state.borrow_mut().insert("io.stdin", stdin);
    vm.state.borrow_mut().insert("io.stderr", stderr);
    let files = vm.new_list(Vec::new());
    vm.state.borrow_mut().insert("open_files", files);
    (stdin, stdout, stderr)
}

fn class_for(vm: &Vm, s: &Stream) -> Value {
    let name = if !s.binary {
        TEXT_CLASS
    } else if s.raw {
        FILEIO_CLASS
    } else if s.readable && s.writable {
        RANDOM_CLASS
    } else if s.readable {
        READER_CLASS
    } else {
        WRITER_CLASS
    };
    vm.extra_types[name]
}

fn new_stream(vm: &mut Vm, s: Stream) -> Value {
    let cls = class_for(vm, &s);
    vm.new_native(cls, s)
}

/// Registers a writable file so that its buffered output is flushed at exit.
fn register_open_file(vm: &mut Vm, v: Value) {
    let files = vm.state.borrow().get("open_files").copied();
    if let Some(l) = files.as_ref().and_then(|f| f.as_list()) {
        l.borrow_mut().push(v);
    }
}

/// The text layer of a wrapped stream: encoding, encoding name, error handler, newline
/// mode, line buffering, write-through.
pub type TextSettings = (Enc, Box<str>, Box<str>, Newline, bool, bool);

/// `io.TextIOWrapper(buffer, ...)` / `io.BufferedReader(raw)`...: a stream of class
/// `cls` layered over the Krait stream `inner` (sharing its buffers and file), or None
/// when `inner` is not a Krait stream.
pub fn wrap_stream(vm: &mut Vm, cls: Value, inner: Value, text: Option<TextSettings>) -> Option<Value> {
    let s = as_stream(&inner)?;
    let binary = text.is_none();
    let mode = if binary { s.mode.borrow().to_string() } else { s.mode.borrow().replace('b', "") };
    let mut w = Stream::new(s.kind, s.name.get(), &mode, binary, None);
    w.shared = inner;
    w.readable = s.readable;
    w.writable = s.writable;
    if let Some((enc, encoding, errors, newline, line_buffering, write_through)) = text {
        w.enc = enc;
        w.encoding = encoding;
        w.errors = errors;
        w.newline = newline;
        w.line_buffering.set(line_buffering);
        w.write_through.set(write_through || s.core().write_through.get());
        w.buffer.set(inner);
    }
    Some(vm.new_native(cls, w))
}

/// The `Stream` behind a value, if it is one.
pub fn as_stream(v: &Value) -> Option<&Stream> {
    v.as_obj()?.native::<Stream>()
}

/// Writes a str to a stream (the fast path of `print`).
/// How many recursion levels CPython's `write(text)` on this stream occupies: one for the
/// call of the native method, and one more when the write flushes into the underlying
/// buffer from inside (`TextIOWrapper` calls `buffer.write` when it is write-through, or
/// line-buffered and given a newline: stderr always is, stdout with `-u`).
pub fn write_call_levels(s: &Stream, text: &str) -> u32 {
    let c = s.core();
    if s.binary {
        return 1;
    }
    let line_buffered = c.kind == Kind::Stderr || c.line_buffering.get() || s.line_buffering.get();
    // Krait's stderr is always written through; CPython's only with `-u`.
    let write_through = if c.kind == Kind::Stderr {
        UNBUFFERED.with(Cell::get)
    } else {
        c.write_through.get() || s.write_through.get()
    };
    if write_through || (line_buffered && text.contains('\n')) {
        2
    } else {
        1
    }
}

/// CPython checks the recursion limit when C code calls a native method (`write` from
/// `print`, `sys.stdout.write(...)`): `levels` more levels past the current Python depth
/// raise "maximum recursion depth exceeded while calling a Python object".
pub fn check_native_call_depth(vm: &Vm, levels: u32) -> PyResult<()> {
    if vm.depth.get().saturating_add(levels) > vm.recursion_limit.get() {
        return Err(vm.recursion_error("maximum recursion depth exceeded while calling a Python object"));
    }
    Ok(())
}

pub fn stream_write_str(vm: &mut Vm, s: &Stream, text: &str) -> PyResult<()> {
    check_writable(vm, s)?;
    if s.binary {
        return Err(vm.type_error("a bytes-like object is required, not 'str'"));
    }
    if s.enc == Enc::Utf8 && s.newline.write_ending().is_none() {
        return s.write_bytes(text.as_bytes()).map_err(|e| os_error_from_io(vm, &e, None));
    }
    let bytes = s.encode(vm, text)?;
    s.write_bytes(&bytes).map_err(|e| os_error_from_io(vm, &e, None))
}

pub fn stream_flush(vm: &mut Vm, s: &Stream) -> PyResult<()> {
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    s.flush_buf().map_err(|e| os_error_from_io(vm, &e, None))
}

/// Flushes Krait's own stdout object (before reading stdin, at exit).
fn flush_std_stdout() -> std::io::Result<()> {
    STDOUT_PTR.with(|p| match p.get() {
        Some(v) => match as_stream(&v) {
            Some(s) if !s.closed.get() => s.flush_buf(),
            _ => Ok(()),
        },
        None => Ok(()),
    })
}

thread_local! {
    /// The original stdout stream, so that reads from stdin can flush it without a `Vm`.
    static STDOUT_PTR: Cell<Option<Value>> = const { Cell::new(None) };
    /// `-u` or PYTHONUNBUFFERED was given.
    static UNBUFFERED: Cell<bool> = const { Cell::new(false) };
}

/// `-u`: stdout and stderr are written through, unbuffered.
pub fn set_unbuffered(vm: &Vm) {
    UNBUFFERED.with(|u| u.set(true));
    let v = vm.state.borrow().get("io.stdout").copied();
    if let Some(s) = v.as_ref().and_then(as_stream) {
        s.write_through.set(true);
    }
}

/// Remembers the standard stdout for `flush_std_stdout`.
fn register_std_stdout(stdout: Value) {
    STDOUT_PTR.with(|p| p.set(Some(stdout)));
}

/// Flushes stdout, stderr and every open writable file; errors are ignored (a closed
/// pipe at exit is not the program's failure).
pub fn flush_all(vm: &mut Vm) {
    let files = vm.state.borrow().get("open_files").copied();
    if let Some(l) = files.and_then(|f| f.as_list().map(|l| l.borrow().clone())) {
        for f in l {
            if let Some(s) = as_stream(&f) {
                let _ = s.flush_buf();
            }
        }
    }
    for key in ["io.stdout", "io.stderr"] {
        let v = vm.state.borrow().get(key).copied();
        if let Some(s) = v.as_ref().and_then(as_stream) {
            let _ = s.flush_buf();
        }
    }
}

/// For the collector: flushes the buffered output of a file found unreachable (its
/// destructor closes it when it is swept). Runs no Python code and allocates no object.
pub fn flush_unreachable(v: &Value) {
    if let Some(s) = as_stream(v) {
        let _ = s.flush_buf();
    }
}

/// Reads one line from Krait's stdin (for `input()`); None at end of file.
pub fn stdin_readline(vm: &mut Vm) -> PyResult<Option<Value>> {
    let v = vm.state.borrow().get("io.stdin").copied();
    let Some(s) = v.as_ref().and_then(as_stream) else {
        return Ok(None);
    };
    let line = s.read_line(Newline::Lf, None).map_err(|e| os_error_from_io(vm, &e, None))?;
    if line.is_empty() {
        return Ok(None);
    }
    s.decode(vm, line).map(Some)
}

// ----- errors -----

fn closed_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn unsupported(vm: &Vm, what: &str) -> PyErr {
    let cls = vm.state.borrow().get("io.UnsupportedOperation").copied().unwrap_or(vm.exc.os_error);
    vm.err(cls, what)
}

fn check_writable(vm: &Vm, s: &Stream) -> PyResult<()> {
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    if !s.writable {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(())
}

fn check_readable(vm: &Vm, s: &Stream) -> PyResult<()> {
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    if !s.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

// ----- methods -----

fn this<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a Stream> {
    match args.first().and_then(as_stream) {
        Some(s) => Ok(s),
        None => {
            let got = args.first().map(|v| vm.type_name(*v)).unwrap_or_else(|| "NoneType".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for '_io.TextIOWrapper' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn register_methods(vm: &mut Vm, cls: Value, text: bool) {
    vm.add_method(cls, "write", m_write);
    vm.add_method(cls, "writelines", m_writelines);
    vm.add_method(cls, "flush", m_flush);
    vm.add_method(cls, "read", m_read);
    vm.add_method(cls, "readline", m_readline);
    vm.add_method(cls, "readlines", m_readlines);
    vm.add_method(cls, "close", m_close);
    vm.add_method(cls, "fileno", m_fileno);
    vm.add_method(cls, "isatty", m_isatty);
    vm.add_method(cls, "readable", m_readable);
    vm.add_method(cls, "writable", m_writable);
    vm.add_method(cls, "seekable", m_seekable);
    vm.add_method(cls, "seek", m_seek);
    vm.add_method(cls, "tell", m_tell);
    vm.add_method(cls, "truncate", m_truncate);
    vm.add_method(cls, "__iter__", m_iter);
    vm.add_method(cls, "__next__", m_next);
    vm.add_method(cls, "__enter__", m_enter);
    vm.add_method(cls, "__exit__", m_exit);
    vm.add_method(cls, "__repr__", m_repr);
    vm.add_getter(cls, "closed", g_closed);
    vm.add_property(cls, "name", g_name, Some(s_name));
    vm.add_property(cls, "mode", g_mode, Some(s_mode));
    if text {
        vm.add_getter(cls, "encoding", g_encoding);
        vm.add_getter(cls, "errors", g_errors);
        vm.add_getter(cls, "newlines", g_newlines);
        vm.add_getter(cls, "line_buffering", g_line_buffering);
        vm.add_method(cls, "reconfigure", m_reconfigure);
        vm.add_getter(cls, "buffer", g_buffer);
    } else {
        vm.add_method(cls, "read1", m_read);
        vm.add_getter(cls, "raw", g_raw);
    }
}

fn m_write(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "write")?;
    vm.no_kwargs("write", kw)?;
    let Some(&data) = args.get(1) else {
        return Err(vm.type_error(format!("write() takes exactly one argument ({} given)", args.len() - 1)));
    };
    if args.len() > 2 {
        return Err(vm.type_error(format!("write() takes exactly one argument ({} given)", args.len() - 1)));
    }
    check_writable(vm, s)?;
    if s.binary {
        let bytes: Vec<u8> = match data.as_obj().map(|o| &o.payload) {
            Some(Payload::Bytes(b)) => b.to_vec(),
            Some(Payload::ByteArray(b)) => b.borrow().clone(),
            _ => match crate::modules::bytes_like(vm, data)? {
                Some(b) => b,
                None => {
                    return Err(
                        vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(data)))
                    );
                }
            },
        };
        check_native_call_depth(vm, 1)?;
        s.write_bytes(&bytes).map_err(|e| os_error_from_io(vm, &e, None))?;
        Ok(vm.new_int(bytes.len() as i64))
    } else {
        let Some(text) = data.as_pystr() else {
            return Err(vm.type_error(format!("write() argument must be str, not {}", vm.arg_type_name(data))));
        };
        let n = text.char_len as i64;
        let text = text.as_str().to_owned();
        check_native_call_depth(vm, write_call_levels(s, &text))?;
        let bytes = s.encode(vm, &text)?;
        s.write_bytes(&bytes).map_err(|e| os_error_from_io(vm, &e, None))?;
        Ok(vm.new_int(n))
    }
}

fn m_writelines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let _ = this(vm, args, "writelines")?;
    let Some(&lines) = args.get(1) else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    let it = vm.iter(lines)?;
    while let Some(line) = vm.next(it)? {
        m_write(vm, &[args[0], line], &[])?;
    }
    Ok(Value::NONE)
}

fn m_flush(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "flush")?;
    stream_flush(vm, s)?;
    Ok(Value::NONE)
}

/// The optional size argument of read/readline: None or negative means "all".
fn size_arg(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<Option<usize>> {
    match args.get(1).copied() {
        None | Some(Value::NONE) => Ok(None),
        Some(v) => {
            if v.is_float() {
                return Err(vm.type_error(format!("argument should be integer or None, not '{}'", vm.type_tp_name(v))));
            }
            let n = vm.to_index(v).map_err(|_| vm.type_error(format!("{fname}() argument must be int or None")))?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn finish_read(vm: &mut Vm, s: &Stream, data: Vec<u8>) -> PyResult<Value> {
    if s.binary {
        Ok(vm.new_bytes(data))
    } else {
        let data = if s.newline == Newline::Universal { translate_newlines(data) } else { data };
        s.decode(vm, data)
    }
}

fn m_read(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "read")?;
    check_readable(vm, s)?;
    let n = size_arg(vm, args, "read")?;
    let data = match n {
        None => s.read_all(),
        Some(n) if s.binary => s.read_n(n),
        Some(n) => s.read_chars(n),
    }
    .map_err(|e| os_error_from_io(vm, &e, None))?;
    finish_read(vm, s, data)
}

fn m_readline(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "readline")?;
    check_readable(vm, s)?;
    let n = size_arg(vm, args, "readline")?;
    let data = s.read_line(s.newline, n).map_err(|e| os_error_from_io(vm, &e, None))?;
    if s.binary {
        Ok(vm.new_bytes(data))
    } else {
        s.decode(vm, data)
    }
}

fn m_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "readlines")?;
    check_readable(vm, s)?;
    let hint = size_arg(vm, args, "readlines")?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let data = s.read_line(s.newline, None).map_err(|e| os_error_from_io(vm, &e, None))?;
        if data.is_empty() {
            break;
        }
        total += data.len();
        let v = if s.binary { vm.new_bytes(data) } else { s.decode(vm, data)? };
        lines.push(v);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn m_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "close")?;
    let c = s.core();
    if c.closed.get() {
        return Ok(Value::NONE);
    }
    let r = c.flush_buf();
    c.closed.set(true);
    let f = c.file.borrow_mut().take();
    if let Some(f) = f {
        if c.closefd {
            drop(f);
        } else {
            // `closefd=False`: the descriptor stays open for its owner.
            let _ = std::os::fd::IntoRawFd::into_raw_fd(f);
        }
    }
    // Drop it from the registry of files to flush at exit.
    let files = vm.state.borrow().get("open_files").copied();
    if let Some(l) = files.as_ref().and_then(|f| f.as_list()) {
        let target = if s.shared.is_null() { args[0] } else { s.shared };
        l.borrow_mut().retain(|v| !v.is(target));
    }
    r.map_err(|e| os_error_from_io(vm, &e, None))?;
    Ok(Value::NONE)
}

fn m_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "fileno")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    let c = s.core();
    let fd: i64 = match c.kind {
        Kind::Stdin => 0,
        Kind::Stdout => 1,
        Kind::Stderr => 2,
        Kind::File => {
            use std::os::fd::AsRawFd;
            match c.file.borrow().as_ref() {
                Some(f) => f.as_raw_fd() as i64,
                None => return Err(closed_error(vm)),
            }
        }
    };
    Ok(vm.new_int(fd))
}

fn m_isatty(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "isatty")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    let c = s.core();
    Ok(Value::bool(match c.kind {
        Kind::Stdin => std::io::stdin().is_terminal(),
        Kind::Stdout => std::io::stdout().is_terminal(),
        Kind::Stderr => std::io::stderr().is_terminal(),
        Kind::File => c.file.borrow().as_ref().is_some_and(|f| f.is_terminal()),
    }))
}

fn m_readable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "readable")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    Ok(Value::bool(s.readable))
}

fn m_writable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "writable")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    Ok(Value::bool(s.writable))
}

fn m_seekable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "seekable")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    Ok(Value::bool(s.core().kind == Kind::File))
}

/// The OS position adjusted for what is buffered on our side.
fn logical_pos(vm: &mut Vm, s: &Stream) -> PyResult<u64> {
    let c = s.core();
    c.flush_buf().map_err(|e| os_error_from_io(vm, &e, None))?;
    let mut f = c.file.borrow_mut();
    let Some(f) = f.as_mut() else {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    };
    let pos = f.stream_position().map_err(|e| os_error_from_io(vm, &e, None))?;
    Ok(pos - c.rbuf.borrow().len() as u64)
}

fn m_seek(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "seek")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    let c = s.core();
    if c.kind != Kind::File {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let Some(&off) = args.get(1) else {
        return Err(vm.type_error("seek expected at least 1 argument, got 0"));
    };
    let off = vm.to_index(off)?;
    let whence = match args.get(2) {
        Some(&w) => vm.to_index(w)?,
        None => 0,
    };
    let target = match whence {
        0 => {
            if off < 0 {
                return Err(vm.value_error(format!("negative seek position {off}")));
            }
            SeekFrom::Start(off as u64)
        }
        1 => {
            if off != 0 && !s.binary {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            SeekFrom::Start(logical_pos(vm, s)?.saturating_add_signed(off))
        }
        2 => {
            if off != 0 && !s.binary {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            SeekFrom::End(off)
        }
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    c.flush_buf().map_err(|e| os_error_from_io(vm, &e, None))?;
    c.rbuf.borrow_mut().clear();
    c.eof.set(false);
    let r = match c.file.borrow_mut().as_mut() {
        Some(f) => f.seek(target),
        None => return Err(closed_error(vm)),
    };
    let pos = r.map_err(|e| os_error_from_io(vm, &e, None))?;
    Ok(vm.new_int(pos as i64))
}

fn m_tell(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "tell")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    if s.core().kind != Kind::File {
        return Err(vm.os_error("[Errno 29] Illegal seek"));
    }
    let p = logical_pos(vm, s)?;
    Ok(vm.new_int(p as i64))
}

fn m_truncate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "truncate")?;
    check_writable(vm, s)?;
    let size = match args.get(1).copied() {
        None | Some(Value::NONE) => logical_pos(vm, s)?,
        Some(v) => vm.to_index(v)?.max(0) as u64,
    };
    let c = s.core();
    c.flush_buf().map_err(|e| os_error_from_io(vm, &e, None))?;
    let r = match c.file.borrow().as_ref() {
        Some(f) => f.set_len(size),
        None => return Err(closed_error(vm)),
    };
    r.map_err(|e| os_error_from_io(vm, &e, None))?;
    Ok(vm.new_int(size as i64))
}

fn m_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__iter__")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    Ok(args[0])
}

fn m_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__next__")?;
    check_readable(vm, s)?;
    let data = s.read_line(s.newline, None).map_err(|e| os_error_from_io(vm, &e, None))?;
    if data.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    if s.binary {
        Ok(vm.new_bytes(data))
    } else {
        s.decode(vm, data)
    }
}

fn m_enter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__enter__")?;
    if s.is_closed() {
        return Err(closed_error(vm));
    }
    Ok(args[0])
}

fn m_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    m_close(vm, &args[..1.min(args.len())], &[])?;
    Ok(Value::NONE)
}

fn m_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__repr__")?;
    let cls = vm.type_name(args[0]);
    let name = vm.repr_string(s.name.get())?;
    let r = if s.raw {
        let closefd = if s.closefd { "True" } else { "False" };
        format!("<_io.{cls} name={name} mode='{}' closefd={closefd}>", s.mode.borrow())
    } else if s.binary {
        format!("<_io.{cls} name={name}>")
    } else {
        format!("<_io.{cls} name={name} mode='{}' encoding='{}'>", s.mode.borrow(), s.encoding)
    };
    Ok(vm.new_string(r))
}

fn g_closed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::bool(this(vm, args, "closed")?.is_closed()))
}

fn g_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "name")?;
    // A text stream reports its buffer's name, which Python code may have changed.
    let b = s.buffer.get();
    if !b.is_null() {
        if let Some(bs) = b.as_obj().and_then(|o| o.native::<Stream>()) {
            return Ok(bs.name.get());
        }
    }
    Ok(s.name.get())
}

/// `f.name = v`: a plain attribute of the raw `FileIO` in CPython (`tempfile` sets it
/// through `f.raw`, which is the binary stream itself here); text streams refuse it.
fn s_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "name")?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    if !s.binary {
        let cls = vm.type_name(args[0]);
        return Err(vm.attribute_error(format!("attribute 'name' of '_io.{cls}' objects is not writable")));
    }
    s.name.set(v);
    Ok(Value::NONE)
}

fn g_mode(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "mode")?;
    let m = s.mode.borrow().clone();
    Ok(vm.new_str(&m))
}

/// `f.mode = 'r'`: CPython stores it in the wrapper's `__dict__` (`tokenize.open` does).
fn s_mode(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "mode")?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(m) = v.as_rstr() else {
        return Err(vm.type_error(format!("mode must be str, not {}", vm.type_tp_name(v))));
    };
    *s.mode.borrow_mut() = m.into();
    Ok(Value::NONE)
}

fn g_encoding(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "encoding")?;
    Ok(vm.new_str(&s.encoding))
}

fn g_errors(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "errors")?;
    Ok(vm.new_str(&s.errors))
}

fn g_newlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args, "newlines")?;
    Ok(Value::NONE)
}

/// `reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
/// write_through=None)`: only the buffering settings can change; Krait streams are UTF-8.
fn m_reconfigure(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "reconfigure")?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("reconfigure() takes no positional arguments ({} given)", args.len() - 1)));
    }
    let [encoding, _errors, _newline, line_buffering, write_through] =
        vm.bind_args("reconfigure", &[], kw, ["encoding", "errors", "newline", "line_buffering", "write_through"], 0)?;
    if let Some(enc) = encoding.as_rstr() {
        let e = enc.to_ascii_lowercase().replace(['-', '_'], "");
        if e != "utf8" {
            return Err(vm.not_implemented_error(format!("reconfigure() to encoding '{enc}' is not supported yet")));
        }
    }
    let c = s.core();
    if !line_buffering.is_null() && !line_buffering.is_none() {
        let on = vm.truthy(line_buffering)?;
        c.line_buffering.set(on);
    }
    if !write_through.is_null() && !write_through.is_none() {
        let on = vm.truthy(write_through)?;
        c.write_through.set(on);
    }
    c.flush_buf().map_err(|e| os_error_from_io(vm, &e, None))?;
    Ok(Value::NONE)
}

fn g_line_buffering(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::bool(this(vm, args, "line_buffering")?.line_buffering.get()))
}

/// `.buffer` of a text stream: a binary stream sharing its buffers, made once.
fn g_buffer(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "buffer")?;
    let b = s.buffer.get();
    if !b.is_null() {
        return Ok(b);
    }
    let mode = s.mode.borrow().replace('t', "");
    let mut inner = Stream::new(s.kind, s.name.get(), &format!("{mode}b"), true, None);
    inner.shared = args[0];
    inner.readable = s.readable;
    inner.writable = s.writable;
    let v = new_stream(vm, inner);
    s.buffer.set(v);
    Ok(v)
}

fn g_raw(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args, "raw")?;
    Ok(args[0])
}

// ----- open() -----

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`: paths (str, bytes, `os.PathLike`) or file descriptors, in
/// text (UTF-8, Latin-1 or ASCII) or binary mode; `buffering=0` gives a raw `FileIO`.
pub fn builtin_open(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = vm.bind_args(
        "open",
        args,
        kw,
        ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        1,
    )?;
    let mode_s = if mode.is_null() {
        "r".to_owned()
    } else {
        match mode.as_rstr() {
            Some(m) => m.to_owned(),
            None => {
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {}", vm.arg_type_name(mode))))
            }
        }
    };
    let str_arg = |vm: &mut Vm, v: Value, what: &str| -> PyResult<Option<String>> {
        if v.is_null() || v.is_none() {
            return Ok(None);
        }
        match v.as_rstr() {
            Some(s) => Ok(Some(s.to_owned())),
            None => {
                Err(vm.type_error(format!("open() argument '{what}' must be str or None, not {}", vm.arg_type_name(v))))
            }
        }
    };
    let encoding_s = str_arg(vm, encoding, "encoding")?;
    let errors_s = str_arg(vm, errors, "errors")?;
    let newline_s = str_arg(vm, newline, "newline")?;
    let buffering = if buffering.is_null() { -1 } else { vm.to_index(buffering)? };
    let closefd = if closefd.is_null() { true } else { vm.truthy(closefd)? };
    // Validate the mode like CPython.
    let mut seen = String::new();
    for ch in mode_s.chars() {
        if !"rwaxbt+U".contains(ch) || seen.contains(ch) {
            return Err(vm.value_error(format!("invalid mode: '{mode_s}'")));
        }
        seen.push(ch);
    }
    let creating = ["r", "w", "a", "x"].iter().filter(|c| mode_s.contains(*c)).count();
    if creating > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    let binary = mode_s.contains('b');
    if binary && mode_s.contains('t') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if creating == 0 {
        return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    if binary && encoding_s.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors_s.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline_s.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    let newline_mode = Newline::parse(newline_s.as_deref()).map_err(|m| vm.value_error(m))?;
    if buffering == 0 && !binary {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let enc = match &encoding_s {
        None => Enc::Utf8,
        Some(e) => match Enc::from_name(e) {
            Some(enc) => enc,
            None => {
                // Unknown to Python as well? Then LookupError, as CPython.
                let name = vm.new_str(e);
                let codecs = crate::builtins::import::import_module(vm, "codecs")?;
                let k = vm.intern("lookup");
                let lookup = vm.get_attr(codecs, k)?;
                vm.call(lookup, &[name], &[])?;
                // A codec of the registry (cp1252, ...): a binary file under `_pyio`'s
                // text wrapper, which encodes and decodes through `codecs`.
                let bmode = format!("{}b", mode_s.replace('t', ""));
                let bm = vm.new_string(bmode);
                let mut bkw = Vec::new();
                if buffering != -1 && buffering != 1 {
                    bkw.push((vm.intern("buffering"), vm.new_int(buffering)));
                }
                if !closefd {
                    bkw.push((vm.intern("closefd"), Value::FALSE));
                }
                if !opener.is_null() {
                    bkw.push((vm.intern("opener"), opener));
                }
                let raw = builtin_open(vm, &[file, bm], &bkw)?;
                let pyio = crate::builtins::import::import_module(vm, "_pyio")?;
                let k = vm.intern("TextIOWrapper");
                let cls = vm.get_attr(pyio, k)?;
                let enc_v = vm.new_str(e);
                let err_v = match &errors_s {
                    Some(x) => vm.new_str(x),
                    None => Value::NONE,
                };
                let nl_v = if newline.is_null() { Value::NONE } else { newline };
                let lb = Value::bool(buffering == 1);
                let w = vm.call(cls, &[raw, enc_v, err_v, nl_v, lb], &[])?;
                let mk = vm.intern("mode");
                let mv = vm.new_str(&mode_s);
                vm.set_attr(w, mk, mv)?;
                return Ok(w);
            }
        },
    };
    let plus = mode_s.contains('+');
    let readable = mode_s.contains('r') || plus;
    let writable = !mode_s.contains('r') || plus;
    // Data a program wrote to another file it has not closed must be visible now.
    flush_all(vm);
    let (f, name) = if let Some(fd) = crate::types::int::int_ref(&file).filter(|_| !file.is_bool()) {
        let fd = match fd {
            crate::types::int::IntRef::Small(i) if (0..=i32::MAX as i64).contains(&i) => i as i32,
            _ => return Err(vm.value_error("negative file descriptor")),
        };
        (file_from_fd(vm, fd)?, file)
    } else {
        let p = crate::modules::posix::fspath(vm, file)?;
        let path: std::path::PathBuf = match p.as_rstr() {
            Some(s) => s.into(),
            None => {
                use std::os::unix::ffi::OsStringExt;
                std::ffi::OsString::from_vec(crate::types::bytes::bytes_data(p).unwrap_or_default()).into()
            }
        };
        let f = if !opener.is_null() && !opener.is_none() {
            let flags = open_flags(&mode_s);
            let fl = vm.new_int(flags as i64);
            let fd = vm.call(opener, &[p, fl], &[])?;
            let fd = vm.to_index(fd)?;
            if fd < 0 {
                return Err(vm.value_error(format!("opener returned {fd}")));
            }
            file_from_fd(vm, fd as i32)?
        } else {
            let mut oo = std::fs::OpenOptions::new();
            if mode_s.contains('r') {
                oo.read(true).write(plus);
            } else if mode_s.contains('w') {
                oo.write(true).create(true).truncate(true).read(plus);
            } else if mode_s.contains('a') {
                oo.append(true).create(true).read(plus);
            } else {
                oo.write(true).create_new(true).read(plus);
            }
            match oo.open(&path) {
                Ok(f) => f,
                Err(e) => return Err(os_error_from_io(vm, &e, Some(p))),
            }
        };
        let name = if file.as_pystr().is_some() || p.as_pystr().is_none() { file } else { p };
        (f, name)
    };
    if !closefd && crate::types::int::int_ref(&file).is_none() {
        return Err(vm.value_error("Cannot use closefd=False with file name"));
    }
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        if !closefd {
            let _ = std::os::fd::IntoRawFd::into_raw_fd(f);
        }
        return Err(os_error_from_io(vm, &e, Some(name)));
    }
    let shown_mode = if binary { binary_mode(&mode_s) } else { mode_s.replace('t', "") };
    let mut s = Stream::new(Kind::File, name, &shown_mode, binary, Some(f));
    s.readable = readable;
    s.writable = writable;
    s.closefd = closefd;
    s.raw = binary && buffering == 0;
    if s.raw {
        s.write_through.set(true);
    }
    if !binary {
        s.newline = newline_mode;
        s.enc = enc;
        if let Some(e) = &encoding_s {
            s.encoding = e.as_str().into();
        }
        if let Some(e) = &errors_s {
            s.errors = e.as_str().into();
        }
        s.line_buffering.set(buffering == 1);
    }
    let v = new_stream(vm, s);
    if writable {
        register_open_file(vm, v);
    }
    Ok(v)
}

/// The mode a binary file reports: `rb`, `wb`, `ab`, `xb`, with `+` last (as FileIO).
fn binary_mode(m: &str) -> String {
    let base = ['r', 'w', 'a', 'x'].into_iter().find(|c| m.contains(*c)).unwrap_or('r');
    let mut out = format!("{base}b");
    if m.contains('+') {
        out.push('+');
    }
    out
}

/// The `os.open` flags `open()` passes to an opener for `mode`.
fn open_flags(m: &str) -> i32 {
    let plus = m.contains('+');
    let acc = if plus {
        libc::O_RDWR
    } else if m.contains('r') {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    let extra = if m.contains('w') {
        libc::O_CREAT | libc::O_TRUNC
    } else if m.contains('a') {
        libc::O_CREAT | libc::O_APPEND
    } else if m.contains('x') {
        libc::O_CREAT | libc::O_EXCL
    } else {
        0
    };
    acc | extra | libc::O_CLOEXEC
}

/// A `File` owning the descriptor `fd` (released again without closing when the stream
/// was opened with `closefd=False`).
fn file_from_fd(vm: &mut Vm, fd: i32) -> PyResult<File> {
    // SAFETY: F_GETFD only checks that `fd` is an open descriptor.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        let e = std::io::Error::last_os_error();
        return Err(os_error_from_io(vm, &e, None));
    }
    // SAFETY: the program hands this open descriptor to the new file object, which
    // becomes its owner (or gives it back untouched on close when closefd=False).
    Ok(unsafe { <File as std::os::fd::FromRawFd>::from_raw_fd(fd) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newline_translation() {
        assert_eq!(translate_newlines(b"a\r\nb\rc\n".to_vec()), b"a\nb\nc\n".to_vec());
        assert_eq!(translate_newlines(b"plain".to_vec()), b"plain".to_vec());
    }

    #[test]
    fn utf8_widths() {
        assert_eq!(utf8_width(b'a'), 1);
        assert_eq!("é".as_bytes()[0], 0xC3);
        assert_eq!(utf8_width(0xC3), 2);
        assert_eq!(utf8_width("€".as_bytes()[0]), 3);
        assert_eq!(utf8_width("𝄞".as_bytes()[0]), 4);
    }
}
