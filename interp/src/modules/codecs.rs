//! The `_codecs` module: the codec registry (`register`, `lookup`, error handlers) and the
//! primitive encoders/decoders that CPython's pure-Python `codecs` and `encodings`
//! packages are built on. The byte-level work is `types::str_codec`'s (the same code
//! `str.encode` and `bytes.decode` use); this file adds the registry, the incremental
//! (`final=False`) forms, the charmap codecs and Python-level error handlers.

use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{need_bytes, new_module, opt, set};
use crate::types::str_codec;

const SEARCH_KEY: &str = "_codecs.search";
const CACHE_KEY: &str = "_codecs.cache";
const ERRORS_KEY: &str = "_codecs.errors";

fn state_obj(vm: &mut Vm, key: &'static str, list: bool) -> Value {
    if let Some(v) = vm.state.borrow().get(key).copied() {
        return v;
    }
    let v = if list { vm.new_list(Vec::new()) } else { vm.new_dict() };
    vm.state.borrow_mut().insert(key, v);
    v
}

/// CPython's name normalization for the registry: lower case, spaces and hyphens become
/// underscores.
fn normalize(name: &str) -> String {
    name.chars().map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() }).collect()
}

fn str_arg(vm: &Vm, v: Value, fname: &str, n: usize) -> PyResult<String> {
    match v.as_rstr() {
        Some(s) => Ok(s.to_owned()),
        None => Err(vm.type_error(format!("{fname}() argument {n} must be str, not {}", vm.arg_type_name(v)))),
    }
}

fn errors_arg(vm: &Vm, v: Value, fname: &str, n: usize) -> PyResult<Option<String>> {
    match opt(v) {
        None => Ok(None),
        Some(e) => str_arg(vm, e, fname, n).map(Some),
    }
}

fn final_arg(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match opt(v) {
        None => Ok(false),
        Some(f) => vm.truthy(f),
    }
}

fn pair(vm: &mut Vm, a: Value, n: usize) -> Value {
    let n = vm.new_int(n as i64);
    vm.new_tuple(vec![a, n])
}

// ----- the registry -----

fn c_register(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [f] = vm.bind_args("register", args, kw, ["search_function"], 1)?;
    if !crate::builtins::functions::is_callable(vm, f) {
        return Err(vm.type_error("argument must be callable"));
    }
    let l = state_obj(vm, SEARCH_KEY, true);
    if let Some(l) = l.as_list() {
        l.borrow_mut().push(f);
    }
    Ok(Value::NONE)
}

fn c_unregister(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [f] = vm.bind_args("unregister", args, kw, ["search_function"], 1)?;
    let l = state_obj(vm, SEARCH_KEY, true);
    if let Some(l) = l.as_list() {
        l.borrow_mut().retain(|x| !x.is(f));
    }
    let c = vm.new_dict();
    vm.state.borrow_mut().insert(CACHE_KEY, c);
    Ok(Value::NONE)
}

/// `codecs.lookup(encoding)`: the `CodecInfo` the registered search functions give
/// (the `encodings` package registers the standard one on first use).
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let norm = normalize(encoding);
    let cache = state_obj(vm, CACHE_KEY, false);
    let key = vm.new_string(norm.clone());
    if let Some(v) = vm.dict_get_str(cache, key) {
        return Ok(v);
    }
    let search = state_obj(vm, SEARCH_KEY, true);
    if search.as_list().is_some_and(|l| l.borrow().is_empty()) {
        // CPython imports `encodings` at start-up; Krait waits for the first lookup.
        crate::builtins::import::import_module(vm, "encodings")?;
    }
    let funcs = search.as_list().map(|l| l.borrow().clone()).unwrap_or_default();
    for f in funcs {
        let r = vm.call(f, &[key], &[])?;
        if r.is_none() {
            continue;
        }
        if r.as_tuple().is_none_or(|t| t.len() != 4) {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        vm.dict_set_str(cache, key, r);
        return Ok(r);
    }
    Err(vm.err(vm.exc.lookup_error, format!("unknown encoding: {encoding}")))
}

fn c_lookup(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [e] = vm.bind_args("lookup", args, kw, ["encoding"], 1)?;
    let e = str_arg(vm, e, "lookup", 1)?;
    lookup(vm, &e)
}

fn c_forget_codec(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [e] = vm.bind_args("_forget_codec", args, kw, ["encoding"], 1)?;
    let e = str_arg(vm, e, "_forget_codec", 1)?;
    let cache = state_obj(vm, CACHE_KEY, false);
    let key = vm.new_string(normalize(&e));
    if vm.dict_get_str(cache, key).is_some() {
        vm.dict_del_str(cache, key);
    }
    Ok(Value::NONE)
}

/// Whether `str_codec` implements `encoding` itself (then no registry round trip).
fn native_codec(encoding: &str) -> bool {
    matches!(
        normalize(encoding).as_str(),
        "utf_8"
            | "utf8"
            | "utf_8_sig"
            | "ascii"
            | "latin_1"
            | "latin1"
            | "iso_8859_1"
            | "iso8859_1"
            | "utf_16"
            | "utf_16_le"
            | "utf_16_be"
            | "utf_32"
            | "utf_32_le"
            | "utf_32_be"
            | "unicode_escape"
            | "raw_unicode_escape"
    )
}

fn codec_call(vm: &mut Vm, which: usize, obj: Value, encoding: &str, errors: Option<&str>) -> PyResult<Value> {
    let info = lookup(vm, encoding)?;
    let f = info.as_tuple().and_then(|t| t.get(which).copied()).unwrap_or(Value::NONE);
    let mut a = vec![obj];
    if let Some(e) = errors {
        a.push(vm.new_str(e));
    }
    let r = vm.call(f, &a, &[])?;
    match r.as_tuple() {
        Some(t) if t.len() == 2 => Ok(t[0]),
        _ => Err(vm.type_error(format!(
            "{} must return a tuple (object, integer)",
            if which == 0 { "encoder" } else { "decoder" }
        ))),
    }
}

fn c_encode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [obj, enc, errors] = vm.bind_args("encode", args, kw, ["obj", "encoding", "errors"], 1)?;
    let enc = match opt(enc) {
        Some(e) => str_arg(vm, e, "encode", 2)?,
        None => "utf-8".to_owned(),
    };
    let errors = errors_arg(vm, errors, "encode", 3)?;
    if let (Some(s), true) = (obj.as_rstr(), native_codec(&enc)) {
        let s = s.to_owned();
        let b = str_codec::encode(vm, &s, &enc, errors.as_deref())?;
        return Ok(vm.new_bytes(b));
    }
    codec_call(vm, 0, obj, &enc, errors.as_deref())
}

fn c_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [obj, enc, errors] = vm.bind_args("decode", args, kw, ["obj", "encoding", "errors"], 1)?;
    let enc = match opt(enc) {
        Some(e) => str_arg(vm, e, "decode", 2)?,
        None => "utf-8".to_owned(),
    };
    let errors = errors_arg(vm, errors, "decode", 3)?;
    if native_codec(&enc) {
        if let Some(b) = super::bytes_like(vm, obj)? {
            let s = str_codec::decode(vm, &b, &enc, errors.as_deref())?;
            return Ok(vm.new_string(s));
        }
    }
    codec_call(vm, 1, obj, &enc, errors.as_deref())
}

// ----- error handlers -----

fn exc_attr(vm: &mut Vm, exc: Value, name: &str) -> PyResult<Value> {
    let k = vm.intern(name);
    vm.get_attr(exc, k)
}

fn exc_range(vm: &mut Vm, exc: Value) -> PyResult<(usize, usize)> {
    let s = exc_attr(vm, exc, "start")?;
    let e = exc_attr(vm, exc, "end")?;
    let s = s.as_small_int().unwrap_or(0).max(0) as usize;
    let e = e.as_small_int().unwrap_or(0).max(0) as usize;
    Ok((s, e))
}

enum ErrKind {
    Encode,
    Decode,
    Translate,
}

fn err_kind(vm: &mut Vm, exc: Value, handler: &str) -> PyResult<ErrKind> {
    if vm.isinstance(exc, vm.exc.unicode_encode_error) {
        Ok(ErrKind::Encode)
    } else if vm.isinstance(exc, vm.exc.unicode_decode_error) {
        Ok(ErrKind::Decode)
    } else if vm.isinstance(exc, vm.exc.unicode_translate_error) {
        Ok(ErrKind::Translate)
    } else {
        let _ = handler;
        Err(vm.type_error(format!("don't know how to handle {} in error callback", vm.type_tp_name(exc))))
    }
}

/// The characters `start..end` of the exception's `object` (a str).
fn exc_chars(vm: &mut Vm, exc: Value, start: usize, end: usize) -> PyResult<Vec<char>> {
    let o = exc_attr(vm, exc, "object")?;
    let s = o.as_rstr().unwrap_or("");
    Ok(s.chars().skip(start).take(end.saturating_sub(start)).collect())
}

fn handler_result(vm: &mut Vm, s: String, end: usize) -> Value {
    let r = vm.new_string(s);
    pair(vm, r, end)
}

fn one_exc(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, name, args, kw, 1, 1)?;
    Ok(args[0])
}

fn strict_errors(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let exc = one_exc(vm, "strict_errors", args, kw)?;
    if vm.isinstance(exc, vm.exc.base_exception) {
        return Err(PyErr(exc));
    }
    Err(vm.type_error("codec must pass exception instance"))
}

fn ignore_errors(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let exc = one_exc(vm, "ignore_errors", args, kw)?;
    err_kind(vm, exc, "ignore")?;
    let (_, end) = exc_range(vm, exc)?;
    Ok(handler_result(vm, String::new(), end))
}

fn replace_errors(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let exc = one_exc(vm, "replace_errors", args, kw)?;
    let kind = err_kind(vm, exc, "replace")?;
    let (start, end) = exc_range(vm, exc)?;
    let n = end.saturating_sub(start);
    let s = match kind {
        ErrKind::Encode => "?".repeat(n),
        ErrKind::Decode => "\u{FFFD}".to_owned(),
        ErrKind::Translate => "\u{FFFD}".repeat(n),
    };
    Ok(handler_result(vm, s, end))
}

fn backslashreplace_errors(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let exc = one_exc(vm, "backslashreplace_errors", args, kw)?;
    let kind = err_kind(vm, exc, "backslashreplace")?;
    let (start, end) = exc_range(vm, exc)?;
    let mut s = String::new();
    match kind {
        ErrKind::Decode => {
            let o = exc_attr(vm, exc, "object")?;
            let b = super::bytes_like(vm, o)?.unwrap_or_default();
            for x in b.get(start..end.min(b.len())).unwrap_or(&[]) {
                s.push_str(&format!("\\x{x:02x}"));
            }
        }
        _ => {
            for c in exc_chars(vm, exc, start, end)? {
                let n = c as u32;
                s.push_str(&if n < 0x100 {
                    format!("\\x{n:02x}")
                } else if n < 0x10000 {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                });
            }
        }
    }
    Ok(handler_result(vm, s, end))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let exc = one_exc(vm, "xmlcharrefreplace_errors", args, kw)?;
    if !matches!(err_kind(vm, exc, "xmlcharrefreplace")?, ErrKind::Encode) {
        return Err(vm.type_error(format!("don't know how to handle {} in error callback", vm.type_tp_name(exc))));
    }
    let (start, end) = exc_range(vm, exc)?;
    let s: String = exc_chars(vm, exc, start, end)?.iter().map(|&c| format!("&#{};", c as u32)).collect();
    Ok(handler_result(vm, s, end))
}

fn namereplace_errors(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    one_exc(vm, "namereplace_errors", args, kw)?;
    Err(vm.not_implemented_error("the 'namereplace' error handler is not supported yet (no Unicode name database)"))
}

fn surrogate_errors(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let exc = one_exc(vm, "surrogate_errors", args, kw)?;
    // Krait strings cannot hold lone surrogates, so these handlers can only fail.
    if vm.isinstance(exc, vm.exc.base_exception) {
        return Err(PyErr(exc));
    }
    Err(vm.type_error("codec must pass exception instance"))
}

const BUILTIN_HANDLERS: [&str; 8] = [
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

fn c_register_error(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [name, f] = vm.bind_args("register_error", args, kw, ["errors", "handler"], 2)?;
    let n = str_arg(vm, name, "register_error", 1)?;
    if !crate::builtins::functions::is_callable(vm, f) {
        return Err(vm.type_error("handler must be callable"));
    }
    let d = state_obj(vm, ERRORS_KEY, false);
    let k = vm.new_string(n);
    vm.dict_set_str(d, k, f);
    Ok(Value::NONE)
}

fn c_lookup_error(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [name] = vm.bind_args("lookup_error", args, kw, ["name"], 1)?;
    let n = str_arg(vm, name, "lookup_error", 1)?;
    let d = state_obj(vm, ERRORS_KEY, false);
    let k = vm.new_string(n.clone());
    if let Some(f) = vm.dict_get_str(d, k) {
        return Ok(f);
    }
    let (fname, f): (&'static str, crate::vm::NativeFn) = match n.as_str() {
        "strict" => ("strict_errors", strict_errors),
        "ignore" => ("ignore_errors", ignore_errors),
        "replace" => ("replace_errors", replace_errors),
        "xmlcharrefreplace" => ("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
        "backslashreplace" => ("backslashreplace_errors", backslashreplace_errors),
        "namereplace" => ("namereplace_errors", namereplace_errors),
        "surrogateescape" => ("surrogateescape", surrogate_errors),
        "surrogatepass" => ("surrogatepass", surrogate_errors),
        _ => return Err(vm.err(vm.exc.lookup_error, format!("unknown error handler name '{n}'"))),
    };
    debug_assert!(BUILTIN_HANDLERS.contains(&n.as_str()));
    let func = vm.new_native_fn(fname, f);
    vm.dict_set_str(d, k, func);
    Ok(func)
}

// ----- the primitive codecs -----

/// `xxx_encode(str, errors=None)` -> `(bytes, len(str))` through `str_codec`.
fn encode_with(vm: &mut Vm, fname: &str, encoding: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [s, errors] = vm.bind_args(fname, args, kw, ["str", "errors"], 1)?;
    let text = str_arg(vm, s, fname, 1)?;
    let errors = errors_arg(vm, errors, fname, 2)?;
    let b = str_codec::encode(vm, &text, encoding, errors.as_deref())?;
    let n = text.chars().count();
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

/// How many leading bytes of `b` form complete UTF-8 sequences (an incomplete but so far
/// valid sequence at the end is left for the next call).
fn utf8_complete(b: &[u8]) -> usize {
    let n = b.len();
    let lo = n.saturating_sub(3);
    for p in (lo..n).rev() {
        let x = b[p];
        if x & 0xC0 == 0x80 {
            continue;
        }
        let need = match x {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return n,
        };
        let have = n - p;
        if have >= need {
            return n;
        }
        // Check that the second byte is in range for the lead (else it is an error now).
        if let Some(&y) = b.get(p + 1) {
            let ok = match x {
                0xE0 => (0xA0..=0xBF).contains(&y),
                0xED => (0x80..=0x9F).contains(&y),
                0xF0 => (0x90..=0xBF).contains(&y),
                0xF4 => (0x80..=0x8F).contains(&y),
                _ => (0x80..=0xBF).contains(&y),
            };
            if !ok {
                return n;
            }
        }
        return p;
    }
    n
}

/// `xxx_decode(data, errors=None, final=False)` -> `(str, consumed)`.
fn decode_with(vm: &mut Vm, fname: &str, encoding: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, errors, fin] = vm.bind_args(fname, args, kw, ["data", "errors", "final"], 1)?;
    let b = need_bytes(vm, data)?;
    let errors = errors_arg(vm, errors, fname, 2)?;
    let fin = if fin.is_null() { !takes_final(encoding) } else { final_arg(vm, fin)? };
    let upto = if fin { b.len() } else { complete_prefix(encoding, &b) };
    let s = str_codec::decode(vm, &b[..upto], encoding, errors.as_deref())?;
    let s = vm.new_string(s);
    Ok(pair(vm, s, upto))
}

/// Codecs whose decoder takes a `final` argument (default False).
fn takes_final(encoding: &str) -> bool {
    encoding.starts_with("utf")
}

fn complete_prefix(encoding: &str, b: &[u8]) -> usize {
    match encoding {
        "utf-8" | "utf-8-sig" => utf8_complete(b),
        "utf-16-le" | "utf-16-be" | "utf-16" => {
            let mut n = b.len() & !1;
            if n >= 2 {
                let le = encoding != "utf-16-be";
                let u = if le {
                    u16::from_le_bytes([b[n - 2], b[n - 1]])
                } else {
                    u16::from_be_bytes([b[n - 2], b[n - 1]])
                };
                if (0xD800..0xDC00).contains(&u) {
                    n -= 2;
                }
            }
            n
        }
        "utf-32-le" | "utf-32-be" | "utf-32" => b.len() & !3,
        _ => b.len(),
    }
}

macro_rules! codec_pair {
    ($enc:ident, $dec:ident, $name:literal) => {
        fn $enc(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            encode_with(vm, concat!(stringify!($enc)), $name, args, kw)
        }
        fn $dec(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            decode_with(vm, concat!(stringify!($dec)), $name, args, kw)
        }
    };
}

codec_pair!(utf_8_encode, utf_8_decode, "utf-8");
codec_pair!(ascii_encode, ascii_decode, "ascii");
codec_pair!(latin_1_encode, latin_1_decode, "latin-1");
codec_pair!(utf_16_le_encode, utf_16_le_decode, "utf-16-le");
codec_pair!(utf_16_be_encode, utf_16_be_decode, "utf-16-be");
codec_pair!(utf_32_le_encode, utf_32_le_decode, "utf-32-le");
codec_pair!(utf_32_be_encode, utf_32_be_decode, "utf-32-be");
codec_pair!(unicode_escape_encode, unicode_escape_decode, "unicode-escape");
codec_pair!(raw_unicode_escape_encode, raw_unicode_escape_decode, "raw-unicode-escape");

/// `utf_16_encode(str, errors=None, byteorder=0)`: 0 writes a BOM in native order.
fn utf_n_encode(vm: &mut Vm, fname: &str, width: u8, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [s, errors, order] = vm.bind_args(fname, args, kw, ["str", "errors", "byteorder"], 1)?;
    let order = opt(order).and_then(|v| v.as_small_int()).unwrap_or(0);
    let enc = match (width, order.signum()) {
        (16, 0) => "utf-16",
        (16, -1) => "utf-16-le",
        (16, _) => "utf-16-be",
        (_, 0) => "utf-32",
        (_, -1) => "utf-32-le",
        _ => "utf-32-be",
    };
    encode_with(vm, fname, enc, &[s, errors], &[])
}

fn utf_16_encode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    utf_n_encode(vm, "utf_16_encode", 16, args, kw)
}
fn utf_32_encode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    utf_n_encode(vm, "utf_32_encode", 32, args, kw)
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)` ->
/// `(str, consumed, byteorder)`: with byteorder 0 a BOM picks the order (and is consumed).
fn utf_n_ex_decode(vm: &mut Vm, fname: &str, width: usize, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, errors, order, fin] = vm.bind_args(fname, args, kw, ["data", "errors", "byteorder", "final"], 1)?;
    let b = need_bytes(vm, data)?;
    let errors = errors_arg(vm, errors, fname, 2)?;
    let mut order = opt(order).and_then(|v| v.as_small_int()).unwrap_or(0);
    let fin = final_arg(vm, fin)?;
    let mut start = 0;
    if order == 0 {
        let (le_bom, be_bom): (&[u8], &[u8]) =
            if width == 2 { (&[0xFF, 0xFE], &[0xFE, 0xFF]) } else { (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF]) };
        if b.starts_with(le_bom) {
            order = -1;
            start = width;
        } else if b.starts_with(be_bom) {
            order = 1;
            start = width;
        }
    }
    let le = order <= 0 && (order < 0 || cfg!(target_endian = "little"));
    let enc = match (width, le) {
        (2, true) => "utf-16-le",
        (2, false) => "utf-16-be",
        (_, true) => "utf-32-le",
        _ => "utf-32-be",
    };
    let rest = &b[start..];
    let upto = if fin { rest.len() } else { complete_prefix(enc, rest) };
    let s = str_codec::decode(vm, &rest[..upto], enc, errors.as_deref())?;
    let s = vm.new_string(s);
    let n = vm.new_int((start + upto) as i64);
    let o = vm.new_int(order);
    Ok(vm.new_tuple(vec![s, n, o]))
}

fn utf_16_ex_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    utf_n_ex_decode(vm, "utf_16_ex_decode", 2, args, kw)
}
fn utf_32_ex_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    utf_n_ex_decode(vm, "utf_32_ex_decode", 4, args, kw)
}

/// `utf_16_decode(data, errors, final)`: BOM-detecting, returns `(str, consumed)`.
fn utf_n_decode(vm: &mut Vm, fname: &str, width: usize, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, errors, fin] = vm.bind_args(fname, args, kw, ["data", "errors", "final"], 1)?;
    let zero = vm.new_int(0);
    let fin = if fin.is_null() { Value::FALSE } else { fin };
    let r = utf_n_ex_decode(vm, fname, width, &[data, errors, zero, fin], &[])?;
    let t = r.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    Ok(vm.new_tuple(t.into_iter().take(2).collect()))
}

fn utf_16_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    utf_n_decode(vm, "utf_16_decode", 2, args, kw)
}
fn utf_32_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    utf_n_decode(vm, "utf_32_decode", 4, args, kw)
}

/// `escape_encode(bytes)`: the body of a bytes literal's repr.
fn escape_encode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, _errors] = vm.bind_args("escape_encode", args, kw, ["data", "errors"], 1)?;
    let b = match crate::types::bytes::bytes_data(data) {
        Some(b) if vm.type_of(data).is(vm.types.bytes) => b,
        _ => return Err(vm.type_error(format!("argument 1 must be bytes, not {}", vm.arg_type_name(data)))),
    };
    let mut out = Vec::with_capacity(b.len());
    for &x in &b {
        match x {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(x),
            _ => out.extend_from_slice(format!("\\x{x:02x}").as_bytes()),
        }
    }
    let r = vm.new_bytes(out);
    Ok(pair(vm, r, b.len()))
}

/// `escape_decode(data)`: a bytes literal's escapes (`\\n`, `\\x41`, `\\101`) decoded.
fn escape_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, errors] = vm.bind_args("escape_decode", args, kw, ["data", "errors"], 1)?;
    let b = match data.as_rstr() {
        Some(s) => s.as_bytes().to_vec(),
        None => need_bytes(vm, data)?,
    };
    let errors = errors_arg(vm, errors, "escape_decode", 2)?;
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&e) = b.get(i) else {
            return Err(vm.value_error("Trailing \\ in string"));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            b'x' => {
                let h = b
                    .get(i..i + 2)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match h {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => match errors.as_deref().unwrap_or("strict") {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "strict" => {
                            return Err(vm.value_error(format!("invalid \\x escape at position {}", i - 2)));
                        }
                        other => {
                            return Err(vm.value_error(format!("decoding error; unknown error handling code: {other}")))
                        }
                    },
                }
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    let r = vm.new_bytes(out);
    Ok(pair(vm, r, b.len()))
}

fn readbuffer_encode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, _errors] = vm.bind_args("readbuffer_encode", args, kw, ["data", "errors"], 1)?;
    let b = match data.as_rstr() {
        Some(s) => s.as_bytes().to_vec(),
        None => need_bytes(vm, data)?,
    };
    let n = b.len();
    let r = vm.new_bytes(b);
    Ok(pair(vm, r, n))
}

// ----- charmap codecs (cp1252, mac_roman, ...: tables in the encodings package) -----

/// `charmap_build(decoding_table)`: the reverse table, as a dict {code point: byte}.
fn charmap_build(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "charmap_build", args, kw, 1, 1)?;
    let table = str_arg(vm, args[0], "charmap_build", 1)?;
    let d = vm.new_dict();
    for (i, c) in table.chars().enumerate() {
        if c == '\u{FFFE}' {
            continue;
        }
        let k = vm.new_int(c as i64);
        let v = vm.new_int(i as i64);
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

fn unicode_error(vm: &mut Vm, cls: Value, obj: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let enc = vm.new_str("charmap");
    let (s, e) = (vm.new_int(start as i64), vm.new_int(end as i64));
    let r = vm.new_str(reason);
    match vm.call(cls, &[enc, obj, s, e, r], &[]) {
        Ok(x) => PyErr(x),
        Err(e) => e,
    }
}

/// What `mapping[key]` says for a charmap: Ok(None) when undefined.
fn map_get(vm: &mut Vm, mapping: Value, key: i64) -> PyResult<Option<Value>> {
    let k = vm.new_int(key);
    match vm.get_item(mapping, k) {
        Ok(v) if v.is_none() => Ok(None),
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, vm.exc.lookup_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn charmap_encode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [s, errors, mapping] = vm.bind_args("charmap_encode", args, kw, ["str", "errors", "mapping"], 1)?;
    let text = str_arg(vm, s, "charmap_encode", 1)?;
    let errors = errors_arg(vm, errors, "charmap_encode", 2)?;
    let chars: Vec<char> = text.chars().collect();
    let Some(mapping) = opt(mapping) else {
        return encode_with(
            vm,
            "charmap_encode",
            "latin-1",
            &[s, errors.map_or(Value::NONE, |e| vm.new_string(e))],
            &[],
        );
    };
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        match map_get(vm, mapping, chars[i] as i64)? {
            Some(v) => {
                if let Some(n) = v.as_small_int() {
                    if !(0..256).contains(&n) {
                        return Err(vm.type_error("character mapping must be in range(256)"));
                    }
                    out.push(n as u8);
                } else if let Some(b) = crate::types::bytes::bytes_data(v) {
                    out.extend_from_slice(&b);
                } else {
                    return Err(vm.type_error("character mapping must return integer, bytes or None, not str"));
                }
                i += 1;
            }
            None => {
                let mut j = i + 1;
                while j < chars.len() && map_get(vm, mapping, chars[j] as i64)?.is_none() {
                    j += 1;
                }
                match errors.as_deref().unwrap_or("strict") {
                    "ignore" => {}
                    "replace" => {
                        for _ in i..j {
                            match map_get(vm, mapping, '?' as i64)?.and_then(|v| v.as_small_int()) {
                                Some(n) => out.push(n as u8),
                                None => {
                                    let cls = vm.exc.unicode_encode_error;
                                    return Err(unicode_error(vm, cls, s, i, j, "character maps to <undefined>"));
                                }
                            }
                        }
                    }
                    "xmlcharrefreplace" | "backslashreplace" => {
                        let esc = if errors.as_deref() == Some("xmlcharrefreplace") {
                            chars[i..j].iter().map(|&c| format!("&#{};", c as u32)).collect::<String>()
                        } else {
                            chars[i..j]
                                .iter()
                                .map(|&c| {
                                    let n = c as u32;
                                    if n < 0x100 {
                                        format!("\\x{n:02x}")
                                    } else if n < 0x10000 {
                                        format!("\\u{n:04x}")
                                    } else {
                                        format!("\\U{n:08x}")
                                    }
                                })
                                .collect()
                        };
                        out.extend_from_slice(esc.as_bytes());
                    }
                    _ => {
                        let cls = vm.exc.unicode_encode_error;
                        return Err(unicode_error(vm, cls, s, i, j, "character maps to <undefined>"));
                    }
                }
                i = j;
            }
        }
    }
    let b = vm.new_bytes(out);
    Ok(pair(vm, b, chars.len()))
}

fn charmap_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, errors, mapping] = vm.bind_args("charmap_decode", args, kw, ["data", "errors", "mapping"], 1)?;
    let b = need_bytes(vm, data)?;
    let errors = errors_arg(vm, errors, "charmap_decode", 2)?;
    let Some(mapping) = opt(mapping) else {
        let s: String = b.iter().map(|&x| x as char).collect();
        let s = vm.new_string(s);
        return Ok(pair(vm, s, b.len()));
    };
    let table: Option<Vec<char>> = mapping.as_rstr().map(|t| t.chars().collect());
    let mut out = String::with_capacity(b.len());
    for (i, &x) in b.iter().enumerate() {
        let got: Option<String> = match &table {
            Some(t) => t.get(x as usize).filter(|&&c| c != '\u{FFFE}').map(|c| c.to_string()),
            None => match map_get(vm, mapping, x as i64)? {
                None => None,
                Some(v) => {
                    if let Some(s) = v.as_rstr() {
                        Some(s.to_owned())
                    } else if let Some(n) = v.as_small_int() {
                        match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(c) if c != '\u{FFFE}' => Some(c.to_string()),
                            Some(_) => None,
                            None => return Err(vm.type_error("character mapping must be in range(0x110000)")),
                        }
                    } else {
                        return Err(vm.type_error("character mapping must return integer, None or str"));
                    }
                }
            },
        };
        match got {
            Some(s) => out.push_str(&s),
            None => match errors.as_deref().unwrap_or("strict") {
                "ignore" => {}
                "replace" => out.push('\u{FFFD}'),
                "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                _ => {
                    let obj = vm.new_bytes(b.clone());
                    let cls = vm.exc.unicode_decode_error;
                    return Err(unicode_error(vm, cls, obj, i, i + 1, "character maps to <undefined>"));
                }
            },
        }
    }
    let s = vm.new_string(out);
    Ok(pair(vm, s, b.len()))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_codecs",
        &[
            ("register", c_register),
            ("unregister", c_unregister),
            ("lookup", c_lookup),
            ("_forget_codec", c_forget_codec),
            ("encode", c_encode),
            ("decode", c_decode),
            ("register_error", c_register_error),
            ("lookup_error", c_lookup_error),
            ("utf_8_encode", utf_8_encode),
            ("utf_8_decode", utf_8_decode),
            ("ascii_encode", ascii_encode),
            ("ascii_decode", ascii_decode),
            ("latin_1_encode", latin_1_encode),
            ("latin_1_decode", latin_1_decode),
            ("utf_16_encode", utf_16_encode),
            ("utf_16_decode", utf_16_decode),
            ("utf_16_ex_decode", utf_16_ex_decode),
            ("utf_16_le_encode", utf_16_le_encode),
            ("utf_16_le_decode", utf_16_le_decode),
            ("utf_16_be_encode", utf_16_be_encode),
            ("utf_16_be_decode", utf_16_be_decode),
            ("utf_32_encode", utf_32_encode),
            ("utf_32_decode", utf_32_decode),
            ("utf_32_ex_decode", utf_32_ex_decode),
            ("utf_32_le_encode", utf_32_le_encode),
            ("utf_32_le_decode", utf_32_le_decode),
            ("utf_32_be_encode", utf_32_be_encode),
            ("utf_32_be_decode", utf_32_be_decode),
            ("unicode_escape_encode", unicode_escape_encode),
            ("unicode_escape_decode", unicode_escape_decode),
            ("raw_unicode_escape_encode", raw_unicode_escape_encode),
            ("raw_unicode_escape_decode", raw_unicode_escape_decode),
            ("escape_encode", escape_encode),
            ("escape_decode", escape_decode),
            ("readbuffer_encode", readbuffer_encode),
            ("charmap_build", charmap_build),
            ("charmap_encode", charmap_encode),
            ("charmap_decode", charmap_decode),
        ],
    );
    let doc = vm.new_str("Codec registry and support functions (Krait).");
    set(vm, m, "__doc__", doc);
    Ok(m)
}
