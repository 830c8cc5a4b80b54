//! `str`: construction, every method of CPython 3.11's `str`, and `str_iterator`.
//!
//! Strings are UTF-8 (`PyStr`) with a cached character count. Python indexes by code
//! point, so every method that takes or returns positions converts between character and
//! byte offsets; when the string is ASCII (`char_len == len`) the two coincide and the
//! conversion is free, which is the common case the fast paths below rely on. UTF-8 byte
//! order equals code-point order, so comparisons work on the bytes directly.
//!
//! Unicode properties (`isdigit`, `title`, ...) live in `str_unicode`, codecs in
//! `str_codec`, and all formatting (`%`, `format`, `__format__`) in `format`.

use std::cell::Cell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::impl_native;
use crate::object::{Layout, Payload, PyStr};
use crate::types::slice;
use crate::types::str_unicode as uni;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Hash of a string's contents, equal to CPython 3.11's under `PYTHONHASHSEED=0`: SipHash-1-3
/// with an all-zero key over the string's canonical fixed-width form (one byte per character
/// when every code point is below 256, else little-endian UCS-2, else UCS-4). Matching
/// CPython here makes the iteration order of sets of strings, and printed hashes, agree
/// with CPython runs that fix the seed (as the test corpus does). Never -1.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let h = if s.is_ascii() {
        siphash13(s.as_bytes())
    } else {
        let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
        let mut buf = Vec::with_capacity(s.len() * 2);
        for c in s.chars() {
            let c = c as u32;
            if max < 0x100 {
                buf.push(c as u8);
            } else if max < 0x10000 {
                buf.extend_from_slice(&(c as u16).to_le_bytes());
            } else {
                buf.extend_from_slice(&c.to_le_bytes());
            }
        }
        siphash13(&buf)
    } as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// SipHash-1-3 with key (0, 0), as CPython uses for `str`/`bytes` when hash randomization
/// is disabled.
pub fn siphash13(data: &[u8]) -> u64 {
    let mut v0: u64 = 0x736f_6d65_7073_6575;
    let mut v1: u64 = 0x646f_7261_6e64_6f6d;
    let mut v2: u64 = 0x6c79_6765_6e65_7261;
    let mut v3: u64 = 0x7465_6462_7974_6573;
    #[inline(always)]
    fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = (data.len() as u64) << 56;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        last |= (b as u64) << (8 * i);
    }
    v3 ^= last;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= last;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

#[cfg(test)]
mod hash_tests {
    use super::hash_str;

    /// Values printed by `PYTHONHASHSEED=0 /usr/bin/python3.11 -c 'print(hash(s))'`.
    #[test]
    fn matches_cpython_with_seed_zero() {
        for (s, h) in HASHES {
            assert_eq!(hash_str(s), *h, "hash of {s:?}");
        }
    }

    const HASHES: &[(&str, i64)] = &[
        ("", 0),
        ("a", 4644417185603328019),
        ("ab", 6148830537548944441),
        ("hello", -2096571579003691106),
        ("hello world!", 839851713330019024),
        ("12345678", 3785724242978802311),
        ("123456789abcdefgh", 78424065292164886),
        ("é", 6047309291227476195),
        ("café", 137524001917817222),
        ("€uro", 7542247858446192590),
        ("日本語", 7116994712188270),
        ("😀x", -8926728262118538918),
        (
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            1359644457043326220,
        ),
    ];
}

// ----- argument helpers shared with `bytes` -----

/// How a builtin method checks its argument count, each with CPython's own wording (the
/// wording depends on how CPython declares the method, so it differs between methods).
#[derive(Clone, Copy)]
pub(crate) enum Arity {
    /// `str.upper() takes no arguments (1 given)`.
    Zero,
    /// `str.join() takes exactly one argument (0 given)`.
    One,
    /// Argument Clinic, positional only: `center expected at least 1 argument, got 0`.
    Clinic(usize, usize),
    /// Old-style parsing: `find() takes at least 1 argument (0 given)`.
    Old(usize, usize),
    /// Slot wrappers (`__add__`...): `expected 1 argument, got 0`.
    Wrapper(usize),
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Checks the arguments (without self) of method `ty.name` against `arity`; the method
/// takes no keyword arguments.
pub(crate) fn check_args(
    vm: &Vm,
    ty: &str,
    name: &str,
    args: &[Value],
    kwargs: &[(Value, Value)],
    arity: Arity,
) -> PyResult<()> {
    let n = args.len();
    if !kwargs.is_empty() {
        return Err(vm.type_error(match arity {
            Arity::Old(..) => format!("{name}() takes no keyword arguments"),
            Arity::Wrapper(_) => format!("wrapper {name}() takes no keyword arguments"),
            _ => format!("{ty}.{name}() takes no keyword arguments"),
        }));
    }
    let msg = match arity {
        Arity::Zero if n != 0 => format!("{ty}.{name}() takes no arguments ({n} given)"),
        Arity::One if n != 1 => format!("{ty}.{name}() takes exactly one argument ({n} given)"),
        Arity::Clinic(lo, hi) if lo == hi && lo > 1 && n != lo => format!("{name} expected {lo} arguments, got {n}"),
        Arity::Clinic(lo, _) if n < lo => format!("{name} expected at least {lo} argument{}, got {n}", plural(lo)),
        Arity::Clinic(_, hi) if n > hi => format!("{name} expected at most {hi} argument{}, got {n}", plural(hi)),
        Arity::Old(lo, _) if n < lo => format!("{name}() takes at least {lo} argument{} ({n} given)", plural(lo)),
        Arity::Old(_, hi) if n > hi => format!("{name}() takes at most {hi} argument{} ({n} given)", plural(hi)),
        Arity::Wrapper(k) if n != k => format!("expected {k} argument{}, got {n}", plural(k)),
        _ => return Ok(()),
    };
    Err(vm.type_error(msg))
}

/// Binds the arguments (without self) of a method that accepts keywords, with CPython's
/// messages for methods parsed by `PyArg_ParseTupleAndKeywords`. Missing ones are NULL.
pub(crate) fn kw_args<const N: usize>(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kwargs: &[(Value, Value)],
    names: [&str; N],
) -> PyResult<[Value; N]> {
    let mut out = [Value::NULL; N];
    if args.len() > N {
        return Err(vm.type_error(format!(
            "{name}() takes at most {N} argument{} ({} given)",
            plural(N),
            args.len() + kwargs.len()
        )));
    }
    out[..args.len()].copy_from_slice(args);
    for (k, v) in kwargs {
        let kname = k.as_rstr().unwrap_or("");
        match names.iter().position(|n| *n == kname) {
            Some(i) if out[i].is_null() => out[i] = *v,
            Some(i) => {
                return Err(
                    vm.type_error(format!("argument for {name}() given by name ('{kname}') and position ({})", i + 1))
                )
            }
            None => return Err(vm.type_error(format!("'{kname}' is an invalid keyword argument for {name}()"))),
        }
    }
    Ok(out)
}

/// An int argument through `__index__` (TypeError "'str' object cannot be interpreted as
/// an integer"; OverflowError when it does not fit a machine word).
pub(crate) fn arg_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    match slice::index_of(vm, v)? {
        Some(i) => i.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))),
    }
}

/// An optional start/end argument of `find`-like methods: None (or absent) means
/// unbounded; big ints clamp, as CPython's slice indices do.
pub(crate) fn opt_slice_index(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    match slice::index_of(vm, v)? {
        Some(i) => Ok(Some(clamp_i64(&i))),
        None => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

fn clamp_i64(i: &BigInt) -> i64 {
    match i.to_i64() {
        Some(x) => x,
        None if i.is_negative() => i64::MIN,
        None => i64::MAX,
    }
}

/// Resolves optional start/end against `len` like CPython's ADJUST_INDICES. The start may
/// come back beyond `len` (callers treat that as "nothing there").
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    (s as usize, e as usize)
}

/// Reserves a string of `cap` bytes, raising MemoryError instead of aborting when the
/// allocation is impossible (`'a' * 10**12`).
pub(crate) fn alloc_string(vm: &Vm, cap: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(cap).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
    Ok(s)
}

// ----- access to str values -----

/// The str payload of `args[0]`, the receiver of method `name`.
fn this<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a PyStr> {
    match args.first() {
        Some(v) => v.as_pystr().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                vm.type_tp_name(*v)
            ))
        }),
        None => Err(vm.type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// The text of a str argument, or TypeError `msg(type name)`.
fn str_arg<'a>(vm: &Vm, v: &'a Value, msg: impl FnOnce(String) -> String) -> PyResult<&'a PyStr> {
    v.as_pystr().ok_or_else(|| vm.type_error(msg(vm.type_name(*v))))
}

/// `str_arg` for methods whose argument clinic names None `None` in the message.
fn clinic_str_arg<'a>(vm: &Vm, v: &'a Value, msg: impl FnOnce(String) -> String) -> PyResult<&'a PyStr> {
    v.as_pystr().ok_or_else(|| vm.type_error(msg(vm.arg_type_name(*v))))
}

/// A one-character str (ASCII ones are interned, so iteration and indexing of ASCII text
/// allocate nothing).
pub fn char_str(vm: &mut Vm, c: char) -> Value {
    if c.is_ascii() {
        let mut buf = [0u8; 1];
        vm.intern(c.encode_utf8(&mut buf))
    } else {
        vm.new_string(c.to_string())
    }
}

/// Returns `recv` itself when it is an exact str whose text is `s` unchanged, else a new
/// exact str (methods of str subclasses always return plain strs).
fn same_or_new(vm: &Vm, recv: Value, s: String) -> Value {
    if recv.obj().class.get().is(vm.types.str_) && recv.as_rstr() == Some(s.as_str()) {
        return recv;
    }
    vm.new_string(s)
}

/// An exact str with the text of str value `v`.
fn exact(vm: &Vm, v: Value) -> Value {
    if v.obj().class.get().is(vm.types.str_) {
        v
    } else {
        vm.new_str(v.as_rstr().unwrap_or(""))
    }
}

/// Byte offset of character index `ci` (clamped to the end).
pub(crate) fn byte_offset(ps: &PyStr, ci: usize) -> usize {
    if ps.is_ascii() {
        return ci.min(ps.s.len());
    }
    ps.s.char_indices().nth(ci).map_or(ps.s.len(), |(b, _)| b)
}

/// Character index of byte offset `b` (which must be on a character boundary).
pub(crate) fn char_index(ps: &PyStr, b: usize) -> usize {
    if ps.is_ascii() {
        b
    } else {
        ps.s[..b].chars().count()
    }
}

// ----- repr -----

/// `repr(s)`: quotes chosen as CPython does (single unless the text has a single quote and
/// no double quote), with non-printable characters escaped.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` for a str: like `repr` but every non-ASCII character escaped.
pub fn str_ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// Escapes the non-ASCII characters of an already-made repr (`ascii(obj)`).
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

fn push_escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let n = c as u32;
    let _ = if n < 0x100 {
        write!(out, "\\x{n:02x}")
    } else if n < 0x10000 {
        write!(out, "\\u{n:04x}")
    } else {
        write!(out, "\\U{n:08x}")
    };
}

fn repr_impl(s: &str, ascii: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (' '..='~').contains(&c) => out.push(c),
            c if c.is_ascii() || ascii || !uni::is_printable(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

// ----- the str_iterator type -----

struct StrIter {
    s: Value,
    /// Byte offset of the next character.
    pos: Cell<usize>,
}

impl_native!(StrIter, |s, visit| {
    visit(s.s);
});

fn str_iter_next(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "str_iterator", "__next__", &args[1..], kwargs, Arity::Zero)?;
    let Some(it) = args[0].as_obj().and_then(|o| o.native::<StrIter>()) else {
        return Err(vm.type_error("descriptor '__next__' requires a 'str_iterator' object"));
    };
    let s = it.s.as_rstr().unwrap_or("");
    let pos = it.pos.get();
    match s[pos..].chars().next() {
        Some(c) => {
            it.pos.set(pos + c.len_utf8());
            Ok(char_str(vm, c))
        }
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn str_iter_iter(_vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

fn str_iter_length_hint(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let Some(it) = args[0].as_obj().and_then(|o| o.native::<StrIter>()) else {
        return Err(vm.type_error("descriptor '__length_hint__' requires a 'str_iterator' object"));
    };
    let s = it.s.as_rstr().unwrap_or("");
    let rest = &s[it.pos.get()..];
    let n = if rest.is_ascii() { rest.len() } else { rest.chars().count() };
    Ok(vm.new_int(n as i64))
}

// ----- construction -----

/// `str.__new__(cls, object='', encoding='utf-8', errors='strict')`.
fn str_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("str.__new__(): not enough arguments"));
    };
    if !cls.as_class().is_some_and(|_| vm.is_subclass(cls, vm.types.str_)) {
        let what = if cls.as_class().is_some() { vm.class_name(cls) } else { vm.type_name(cls) };
        return Err(vm.type_error(format!("str.__new__({what}): {what} is not a subtype of str")));
    }
    let [obj, encoding, errors] = kw_args(vm, "str", &args[1..], kwargs, ["object", "encoding", "errors"])?;
    let text: Value = if encoding.is_null() && errors.is_null() {
        if obj.is_null() {
            vm.empty_str
        } else {
            let r = vm.str(obj)?;
            if r.as_pystr().is_none() {
                return Err(vm.type_error(format!("__str__ returned non-string (type {})", vm.type_tp_name(r))));
            }
            r
        }
    } else {
        let enc = opt_str_param(vm, encoding, "str", "encoding")?;
        let errs = opt_str_param(vm, errors, "str", "errors")?;
        if obj.is_null() {
            vm.empty_str
        } else if obj.as_pystr().is_some() {
            return Err(vm.type_error("decoding str is not supported"));
        } else {
            let Some(bytes) = crate::types::bytes::bytes_data(obj) else {
                return Err(
                    vm.type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_tp_name(obj)))
                );
            };
            let s = crate::types::str_codec::decode(vm, &bytes, enc.as_deref().unwrap_or("utf-8"), errs.as_deref())?;
            vm.new_string(s)
        }
    };
    if cls.is(vm.types.str_) {
        return Ok(text);
    }
    let s = text.as_rstr().unwrap_or("");
    Ok(vm.alloc(cls, Payload::Str(PyStr::new(s.into()))))
}

/// An optional str parameter (`encoding`, `errors`) with CPython's message.
pub(crate) fn opt_str_param(vm: &Vm, v: Value, fname: &str, pname: &str) -> PyResult<Option<String>> {
    if v.is_null() {
        return Ok(None);
    }
    match v.as_rstr() {
        Some(s) => Ok(Some(s.to_owned())),
        None => {
            let t = if v.is_none() { "None".to_owned() } else { vm.type_name(v) };
            Err(vm.type_error(format!("{fname}() argument '{pname}' must be str, not {t}")))
        }
    }
}

// ----- dunders -----

fn str_len(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__len__")?;
    check_args(vm, "str", "__len__", &args[1..], kwargs, Arity::Wrapper(0))?;
    Ok(vm.new_int(s.char_len as i64))
}

fn str_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__getitem__")?;
    check_args(vm, "str", "__getitem__", &args[1..], kwargs, Arity::Wrapper(1))?;
    str_subscript(vm, s, args[1])
}

/// `s[key]` for an int-like key or a slice.
pub fn str_subscript(vm: &mut Vm, s: &PyStr, key: Value) -> PyResult<Value> {
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(vm, key, s.char_len)?;
        if n == 0 {
            return Ok(vm.empty_str);
        }
        let start = start as usize;
        if step == 1 {
            let a = byte_offset(s, start);
            let b = if s.is_ascii() { start + n } else { a + byte_offset_in(&s.s[a..], n) };
            return Ok(vm.new_str(&s.s[a..b]));
        }
        let mut out = String::with_capacity(n);
        if s.is_ascii() {
            let bytes = s.s.as_bytes();
            for k in 0..n {
                out.push(bytes[(start as isize + k as isize * step) as usize] as char);
            }
        } else {
            let chars: Vec<char> = s.s.chars().collect();
            for k in 0..n {
                out.push(chars[(start as isize + k as isize * step) as usize]);
            }
        }
        return Ok(vm.new_string(out));
    }
    let Some(i) = slice::seq_index(vm, key)? else {
        return Err(vm.type_error(format!("string indices must be integers, not '{}'", vm.type_tp_name(key))));
    };
    let len = s.char_len as isize;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(vm.index_error("string index out of range"));
    }
    let c = if s.is_ascii() { s.s.as_bytes()[i as usize] as char } else { s.s.chars().nth(i as usize).unwrap_or('\0') };
    Ok(char_str(vm, c))
}

/// Byte length of the first `n` characters of `s` (all of it if shorter).
fn byte_offset_in(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

fn str_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__contains__")?;
    check_args(vm, "str", "__contains__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let sub = str_arg(vm, &args[1], |t| format!("'in <string>' requires string as left operand, not {t}"))?;
    Ok(Value::bool(s.s.contains(&*sub.s)))
}

fn str_iter(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__iter__")?;
    check_args(vm, "str", "__iter__", &args[1..], kwargs, Arity::Wrapper(0))?;
    // CPython 3.11 has a separate iterator type for ASCII strings.
    let name = if s.is_ascii() { "str_ascii_iterator" } else { "str_iterator" };
    let cls = vm.extra_types.get(name).copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, StrIter { s: args[0], pos: Cell::new(0) }))
}

/// True when `v`'s class defines `name` (used to defer to reflected operators the way
/// CPython's sequence fallbacks do).
fn type_defines(vm: &mut Vm, v: Value, name: &str) -> bool {
    let ty = vm.type_of(v);
    let n = vm.intern(name);
    vm.lookup_type(ty, n).is_some()
}

/// CPython tries the right operand's reflected method before a sequence's concat/repeat
/// fallback raises; `__add__`/`__mul__` do that here so that `"a" + x` works when `x`
/// defines `__radd__`, and otherwise fails with the sequence's own message.
pub(crate) fn try_reflected(vm: &mut Vm, other: Value, name: &str, this: Value) -> PyResult<Option<Value>> {
    if !type_defines(vm, other, name) {
        return Ok(None);
    }
    let r = vm.call_method(other, name, &[this])?;
    Ok(if r.is(Value::NOT_IMPLEMENTED) { None } else { Some(r) })
}

fn str_add(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__add__")?;
    check_args(vm, "str", "__add__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let Some(o) = args[1].as_pystr() else {
        if let Some(r) = try_reflected(vm, args[1], "__radd__", args[0])? {
            return Ok(r);
        }
        return Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_tp_name(args[1]))));
    };
    if o.s.is_empty() {
        return Ok(exact(vm, args[0]));
    }
    if s.s.is_empty() {
        return Ok(exact(vm, args[1]));
    }
    concat(vm, s, o)
}

/// `a + b` as a new exact str, for non-empty `a` and `b` (the callers return an operand
/// itself when the other is empty, as CPython does). Long results share a growable buffer,
/// so that `s += piece` in a loop takes amortized linear time (see `object::StrText`).
pub(crate) fn concat(vm: &Vm, a: &PyStr, b: &PyStr) -> PyResult<Value> {
    match a.concat(b) {
        Some(p) => Ok(vm.alloc(vm.types.str_, Payload::Str(p))),
        None => Err(vm.err(vm.exc.memory_error, "")),
    }
}

/// The repeat count of `seq * n`, or `None` when `n` is not an int (the caller returns
/// NotImplemented or raises CPython's sequence message).
pub(crate) fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    if let Some(i) = n.as_small_int() {
        return Ok(Some(i.max(0) as usize));
    }
    match slice::index_of(vm, n)? {
        Some(i) => {
            if i.is_negative() {
                if i.to_isize().is_some() {
                    return Ok(Some(0));
                }
                return Err(
                    vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_tp_name(n)))
                );
            }
            match i.to_usize() {
                Some(x) if x <= isize::MAX as usize => Ok(Some(x)),
                _ => Err(vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_tp_name(n)))),
            }
        }
        None => Ok(None),
    }
}

fn str_mul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__mul__")?;
    check_args(vm, "str", "__mul__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let Some(n) = repeat_count(vm, args[1])? else {
        if let Some(r) = try_reflected(vm, args[1], "__rmul__", args[0])? {
            return Ok(r);
        }
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_tp_name(args[1]))));
    };
    str_repeat(vm, args[0], s, n)
}

fn str_rmul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__rmul__")?;
    check_args(vm, "str", "__rmul__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let Some(n) = repeat_count(vm, args[1])? else {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_tp_name(args[1]))));
    };
    str_repeat(vm, args[0], s, n)
}

fn str_repeat(vm: &mut Vm, recv: Value, s: &PyStr, n: usize) -> PyResult<Value> {
    if n == 0 || s.s.is_empty() {
        return Ok(vm.empty_str);
    }
    if n == 1 {
        return Ok(exact(vm, recv));
    }
    let Some(total) = s.s.len().checked_mul(n).filter(|&t| t <= isize::MAX as usize) else {
        return Err(vm.overflow_error("repeated string is too long"));
    };
    let mut out = alloc_string(vm, total)?;
    out.push_str(&s.s);
    while out.len() < total {
        let take = (total - out.len()).min(out.len());
        out.extend_from_within(..take);
    }
    Ok(vm.new_string(out))
}

fn str_mod(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__mod__")?;
    check_args(vm, "str", "__mod__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let out = crate::types::format::percent_format(vm, &s.s, args[1])?;
    Ok(vm.new_string(out))
}

fn str_rmod(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args, "__rmod__")?;
    check_args(vm, "str", "__rmod__", &args[1..], kwargs, Arity::Wrapper(1))?;
    match args[1].as_pystr() {
        Some(fmt) => {
            let out = crate::types::format::percent_format(vm, &fmt.s, args[0])?;
            Ok(vm.new_string(out))
        }
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn compare_with(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Value, Value)],
    name: &str,
    f: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_args(vm, "str", name, &args[1..], kwargs, Arity::Wrapper(1))?;
    match args[1].as_pystr() {
        Some(o) => Ok(Value::bool(f(s.s.as_bytes().cmp(o.s.as_bytes())))),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn str_eq(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare_with(vm, args, kwargs, "__eq__", |o| o.is_eq())
}
fn str_ne(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare_with(vm, args, kwargs, "__ne__", |o| o.is_ne())
}
fn str_lt(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare_with(vm, args, kwargs, "__lt__", |o| o.is_lt())
}
fn str_le(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare_with(vm, args, kwargs, "__le__", |o| o.is_le())
}
fn str_gt(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare_with(vm, args, kwargs, "__gt__", |o| o.is_gt())
}
fn str_ge(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare_with(vm, args, kwargs, "__ge__", |o| o.is_ge())
}

fn str_hash(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__hash__")?;
    check_args(vm, "str", "__hash__", &args[1..], kwargs, Arity::Wrapper(0))?;
    let h = vm.str_hash(s);
    Ok(vm.new_int(h))
}

fn str_repr_m(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__repr__")?;
    check_args(vm, "str", "__repr__", &args[1..], kwargs, Arity::Wrapper(0))?;
    Ok(vm.new_string(str_repr(&s.s)))
}

fn str_str(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args, "__str__")?;
    check_args(vm, "str", "__str__", &args[1..], kwargs, Arity::Wrapper(0))?;
    Ok(exact(vm, args[0]))
}

fn str_format_m(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__format__")?;
    check_args(vm, "str", "__format__", &args[1..], kwargs, Arity::One)?;
    let spec = clinic_str_arg(vm, &args[1], |t| format!("__format__() argument must be str, not {t}"))?;
    if spec.s.is_empty() {
        // CPython: an empty spec means `str(self)`, which a subclass may override.
        return if vm.type_of(args[0]).is(vm.types.str_) { Ok(args[0]) } else { vm.str(args[0]) };
    }
    let out = crate::types::format::format_str(vm, &s.s, &spec.s)?;
    Ok(vm.new_string(out))
}

fn str_getnewargs(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args, "__getnewargs__")?;
    check_args(vm, "str", "__getnewargs__", &args[1..], kwargs, Arity::Zero)?;
    let v = vm.new_str(args[0].as_rstr().unwrap_or(""));
    Ok(vm.new_tuple(vec![v]))
}

fn str_sizeof(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "__sizeof__")?;
    check_args(vm, "str", "__sizeof__", &args[1..], kwargs, Arity::Zero)?;
    // CPython's compact representations: ASCII in a 48-byte header, otherwise a 72-byte
    // header and 1, 2 or 4 bytes per character depending on the widest one.
    let n = s.char_len as i64;
    let size = if s.is_ascii() {
        48 + n + 1
    } else {
        let width = match s.s.chars().map(|c| c as u32).max().unwrap_or(0) {
            0..=0xFF => 1,
            0x100..=0xFFFF => 2,
            _ => 4,
        };
        72 + (n + 1) * width
    };
    Ok(vm.new_int(size))
}

// ----- case and predicates -----

macro_rules! case_method {
    ($fname:ident, $pyname:literal, $conv:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            let s = this(vm, args, $pyname)?;
            check_args(vm, "str", $pyname, &args[1..], kwargs, Arity::Zero)?;
            let f: fn(&str) -> String = $conv;
            let out = f(&s.s);
            Ok(same_or_new(vm, args[0], out))
        }
    };
}

case_method!(str_upper, "upper", uni::upper);
case_method!(str_lower, "lower", uni::lower);
case_method!(str_casefold, "casefold", uni::casefold);
case_method!(str_swapcase, "swapcase", uni::swapcase);
case_method!(str_title, "title", uni::title);
case_method!(str_capitalize, "capitalize", uni::capitalize);

macro_rules! pred_method {
    ($fname:ident, $pyname:literal, $pred:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            let s = this(vm, args, $pyname)?;
            check_args(vm, "str", $pyname, &args[1..], kwargs, Arity::Zero)?;
            let f: fn(&str) -> bool = $pred;
            Ok(Value::bool(f(&s.s)))
        }
    };
}

fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

pred_method!(str_isascii, "isascii", |s| s.is_ascii());
pred_method!(str_isalnum, "isalnum", |s| all_chars(s, uni::is_alnum));
pred_method!(str_isalpha, "isalpha", |s| all_chars(s, uni::is_alpha));
pred_method!(str_isdecimal, "isdecimal", |s| all_chars(s, uni::is_decimal));
pred_method!(str_isdigit, "isdigit", |s| all_chars(s, uni::is_digit));
pred_method!(str_isnumeric, "isnumeric", |s| all_chars(s, uni::is_numeric));
pred_method!(str_isspace, "isspace", |s| all_chars(s, uni::is_space));
pred_method!(str_isprintable, "isprintable", |s| s.chars().all(uni::is_printable));
pred_method!(str_isidentifier, "isidentifier", uni::is_identifier);
pred_method!(str_islower, "islower", uni::is_lower_str);
pred_method!(str_isupper, "isupper", uni::is_upper_str);
pred_method!(str_istitle, "istitle", uni::is_title_str);

// ----- searching -----

/// The receiver, the substring, and the character range to search (`None` when the start
/// lies beyond the end of the string).
type Search<'a> = (&'a PyStr, &'a PyStr, Option<(usize, usize)>);

/// The (sub, start, end) arguments of `find`/`count`/`index`...
fn search_args<'a>(vm: &mut Vm, args: &'a [Value], kwargs: &[(Value, Value)], name: &str) -> PyResult<Search<'a>> {
    let s = this(vm, args, name)?;
    check_args(vm, "str", name, &args[1..], kwargs, Arity::Old(1, 3))?;
    // The indices are converted while the arguments are parsed, before `sub` is checked.
    let start = opt_slice_index(vm, args.get(2).copied().unwrap_or(Value::NULL))?;
    let end = opt_slice_index(vm, args.get(3).copied().unwrap_or(Value::NULL))?;
    let sub = str_arg(vm, &args[1], |t| format!("must be str, not {t}"))?;
    let (a, b) = adjust_indices(start, end, s.char_len);
    Ok((s, sub, if a > s.char_len { None } else { Some((a, b)) }))
}

/// Byte range of the character range `a..b` (`a <= len`); empty when `b < a`.
fn byte_range(s: &PyStr, a: usize, b: usize) -> (usize, usize) {
    if s.is_ascii() {
        return (a, b.max(a));
    }
    let ba = byte_offset(s, a);
    let bb = if b <= a { ba } else { ba + byte_offset_in(&s.s[ba..], b - a) };
    (ba, bb)
}

/// Character index of the first (or last) occurrence of `sub` in `s[a..b]`.
fn find_impl(s: &PyStr, sub: &str, range: Option<(usize, usize)>, reverse: bool) -> Option<usize> {
    let (a, b) = range?;
    if b < a {
        return None;
    }
    let (ba, bb) = byte_range(s, a, b);
    let hay = &s.s[ba..bb];
    let found = if reverse { hay.rfind(sub) } else { hay.find(sub) }?;
    Some(char_index(s, ba + found))
}

fn str_find(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, range) = search_args(vm, args, kwargs, "find")?;
    Ok(vm.new_int(find_impl(s, &sub.s, range, false).map_or(-1, |i| i as i64)))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, range) = search_args(vm, args, kwargs, "rfind")?;
    Ok(vm.new_int(find_impl(s, &sub.s, range, true).map_or(-1, |i| i as i64)))
}

fn str_index(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, range) = search_args(vm, args, kwargs, "index")?;
    match find_impl(s, &sub.s, range, false) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, range) = search_args(vm, args, kwargs, "rindex")?;
    match find_impl(s, &sub.s, range, true) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, range) = search_args(vm, args, kwargs, "count")?;
    let Some((a, b)) = range else { return Ok(vm.new_int(0)) };
    if b < a {
        return Ok(vm.new_int(0));
    }
    let n = if sub.s.is_empty() {
        b - a + 1
    } else {
        let (ba, bb) = byte_range(s, a, b);
        s.s[ba..bb].matches(&*sub.s).count()
    };
    Ok(vm.new_int(n as i64))
}

fn starts_ends(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str, ends: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_args(vm, "str", name, &args[1..], kwargs, Arity::Old(1, 3))?;
    let start = opt_slice_index(vm, args.get(2).copied().unwrap_or(Value::NULL))?;
    let end = opt_slice_index(vm, args.get(3).copied().unwrap_or(Value::NULL))?;
    let (a, b) = adjust_indices(start, end, s.char_len);
    let prefixes: Vec<Value> = match args[1].as_tuple() {
        Some(t) => t.to_vec(),
        None => {
            if args[1].as_pystr().is_none() {
                return Err(vm.type_error(format!(
                    "{name} first arg must be str or a tuple of str, not {}",
                    vm.type_tp_name(args[1])
                )));
            }
            vec![args[1]]
        }
    };
    for p in prefixes {
        let Some(p) = p.as_pystr() else {
            return Err(vm.type_error(format!("tuple for {name} must only contain str, not {}", vm.type_tp_name(p))));
        };
        if a > s.char_len || (b < a) || b - a < p.char_len {
            continue;
        }
        let (ba, bb) = byte_range(s, a, b);
        let hay = &s.s[ba..bb];
        if (ends && hay.ends_with(&*p.s)) || (!ends && hay.starts_with(&*p.s)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn str_startswith(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    starts_ends(vm, args, kwargs, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    starts_ends(vm, args, kwargs, "endswith", true)
}

// ----- splitting and joining -----

/// The sep/maxsplit arguments of `split`/`rsplit`.
fn split_args(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str) -> PyResult<(Value, Option<usize>)> {
    let [sep, maxsplit] = kw_args(vm, name, &args[1..], kwargs, ["sep", "maxsplit"])?;
    // maxsplit is converted while the arguments are parsed, before `sep` is checked.
    let maxsplit = if maxsplit.is_null() { -1 } else { arg_index(vm, maxsplit)? };
    // The separator: a non-empty str, or NULL for whitespace splitting.
    let sep = if sep.is_null() || sep.is_none() {
        Value::NULL
    } else {
        match sep.as_rstr() {
            Some("") => return Err(vm.value_error("empty separator")),
            Some(_) => sep,
            None => return Err(vm.type_error(format!("must be str or None, not {}", vm.type_tp_name(sep)))),
        }
    };
    Ok((sep, if maxsplit < 0 { None } else { Some(maxsplit as usize) }))
}

/// Splits on runs of whitespace (`is_ws`), at most `max` times, from the left.
pub(crate) fn split_whitespace<T: Copy>(items: &[T], is_ws: impl Fn(T) -> bool, max: Option<usize>) -> Vec<&[T]> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = items.len();
    let mut splits = 0;
    loop {
        while i < n && is_ws(items[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        if max.is_some_and(|m| splits >= m) {
            // The rest, with trailing whitespace kept.
            out.push(&items[i..]);
            break;
        }
        let start = i;
        while i < n && !is_ws(items[i]) {
            i += 1;
        }
        out.push(&items[start..i]);
        splits += 1;
    }
    out
}

/// Splits on runs of whitespace from the right; the pieces come back in order.
pub(crate) fn rsplit_whitespace<T: Copy>(items: &[T], is_ws: impl Fn(T) -> bool, max: Option<usize>) -> Vec<&[T]> {
    let mut out = Vec::new();
    let mut i = items.len();
    let mut splits = 0;
    loop {
        while i > 0 && is_ws(items[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if max.is_some_and(|m| splits >= m) {
            out.push(&items[..i]);
            break;
        }
        let end = i;
        while i > 0 && !is_ws(items[i - 1]) {
            i -= 1;
        }
        out.push(&items[i..end]);
        splits += 1;
    }
    out.reverse();
    out
}

fn str_list(vm: &mut Vm, parts: Vec<&str>) -> Value {
    let items = parts.into_iter().map(|p| vm.new_str(p)).collect();
    vm.new_list(items)
}

/// The list of `parts` of `s` (the str object `whole`) as new strs; a part that is all of
/// `s` is `whole` itself when that is an exact str, as in CPython.
fn parts_list<'a>(vm: &Vm, whole: Value, s: &str, parts: impl Iterator<Item = &'a str>) -> Value {
    let exact = whole.is_obj() && whole.obj().class.get().is(vm.types.str_);
    let items = parts.map(|p| if exact && p.len() == s.len() { whole } else { vm.new_str(p) }).collect();
    vm.new_list(items)
}

/// The byte ranges of ASCII `pieces` (subslices of `s`'s bytes) as subslices of `s`.
fn ascii_pieces<'a>(s: &'a str, pieces: Vec<&'a [u8]>) -> impl Iterator<Item = &'a str> {
    let base = s.as_ptr() as usize;
    pieces.into_iter().map(move |p| {
        let start = p.as_ptr() as usize - base;
        s.get(start..start + p.len()).unwrap_or("")
    })
}

/// Splits a non-ASCII `s` on runs of Unicode whitespace, at most `max` times, from the left.
fn split_whitespace_str(s: &str, max: Option<usize>) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(uni::is_space);
        if rest.is_empty() {
            break;
        }
        if max.is_some_and(|m| out.len() >= m) {
            out.push(rest);
            break;
        }
        let end = rest.find(uni::is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

/// Splits a non-ASCII `s` on runs of Unicode whitespace from the right; pieces in order.
fn rsplit_whitespace_str(s: &str, max: Option<usize>) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_end_matches(uni::is_space);
        if rest.is_empty() {
            break;
        }
        if max.is_some_and(|m| out.len() >= m) {
            out.push(rest);
            break;
        }
        let start = rest.char_indices().rev().find(|&(_, c)| uni::is_space(c)).map_or(0, |(i, c)| i + c.len_utf8());
        out.push(&rest[start..]);
        rest = &rest[..start];
    }
    out.reverse();
    out
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' | b'\x1c'..=b'\x1f')
}

fn str_split(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "split")?;
    let (sep, max) = split_args(vm, args, kwargs, "split")?;
    let whole = args[0];
    Ok(match sep.as_rstr() {
        Some(sep) => match max {
            Some(m) => parts_list(vm, whole, &s.s, s.s.splitn(m.saturating_add(1), sep)),
            None => parts_list(vm, whole, &s.s, s.s.split(sep)),
        },
        None if s.is_ascii() => split_ascii_whitespace(vm, whole, &s.s, max),
        None => parts_list(vm, whole, &s.s, split_whitespace_str(&s.s, max).into_iter()),
    })
}

/// `str.split()` of an ASCII `s` (the str object `whole`), in one pass without a
/// list of intermediate pieces.
fn split_ascii_whitespace(vm: &Vm, whole: Value, s: &str, max: Option<usize>) -> Value {
    let b = s.as_bytes();
    let n = b.len();
    let mut items = Vec::new();
    let mut i = 0;
    loop {
        while i < n && is_ascii_space(b[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        let start = i;
        if max.is_some_and(|m| items.len() >= m) {
            // The rest, with trailing whitespace kept.
            i = n;
        } else {
            while i < n && !is_ascii_space(b[i]) {
                i += 1;
            }
        }
        let exact = start == 0 && i == n && whole.is_obj() && whole.obj().class.get().is(vm.types.str_);
        // ASCII bytes: every index is a char boundary.
        items.push(if exact { whole } else { vm.new_str(s.get(start..i).unwrap_or("")) });
    }
    vm.new_list(items)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "rsplit")?;
    let (sep, max) = split_args(vm, args, kwargs, "rsplit")?;
    let whole = args[0];
    Ok(match sep.as_rstr() {
        Some(sep) => {
            let mut parts: Vec<&str> = match max {
                Some(m) => s.s.rsplitn(m.saturating_add(1), sep).collect(),
                None => s.s.rsplit(sep).collect(),
            };
            parts.reverse();
            parts_list(vm, whole, &s.s, parts.into_iter())
        }
        None if s.is_ascii() => {
            let parts = rsplit_whitespace(s.s.as_bytes(), is_ascii_space, max);
            parts_list(vm, whole, &s.s, ascii_pieces(&s.s, parts))
        }
        None => parts_list(vm, whole, &s.s, rsplit_whitespace_str(&s.s, max).into_iter()),
    })
}

/// Line boundaries of `str.splitlines`: byte length of the line break starting at `i`.
fn line_break_len(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    let c = rest.chars().next()?;
    match c {
        '\r' if rest.as_bytes().get(1) == Some(&b'\n') => Some(2),
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Some(c.len_utf8())
        }
        _ => None,
    }
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "splitlines")?;
    let [keepends] = kw_args(vm, "splitlines", &args[1..], kwargs, ["keepends"])?;
    let keep = if keepends.is_null() { false } else { arg_index(vm, keepends)? != 0 };
    let text: &str = &s.s;
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some(n) = line_break_len(text, i) {
            parts.push(&text[start..if keep { i + n } else { i }]);
            i += n;
            start = i;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    Ok(str_list(vm, parts))
}

fn str_join(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let sep = this(vm, args, "join")?;
    check_args(vm, "str", "join", &args[1..], kwargs, Arity::One)?;
    let items = join_items(vm, args[1])?;
    let mut total = 0usize;
    for (i, v) in items.iter().enumerate() {
        match v.as_pystr() {
            Some(p) => total = total.saturating_add(p.s.len()),
            None => {
                return Err(
                    vm.type_error(format!("sequence item {i}: expected str instance, {} found", vm.type_tp_name(*v)))
                )
            }
        }
    }
    if items.len() == 1 {
        return Ok(exact(vm, items[0]));
    }
    total = total.saturating_add(sep.s.len().saturating_mul(items.len().saturating_sub(1)));
    let mut out = alloc_string(vm, total)?;
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep.s);
        }
        out.push_str(v.as_rstr().unwrap_or(""));
    }
    Ok(vm.new_string(out))
}

/// The items of the argument of `join` ("can only join an iterable" when it is not one).
pub(crate) fn join_items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if let Some(t) = v.as_tuple() {
        return Ok(t.to_vec());
    }
    if let Some(l) = v.as_list() {
        return Ok(l.borrow().clone());
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.exc.type_error) && !type_defines(vm, v, "__iter__") => {
            return Err(vm.type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(it)? {
        out.push(x);
    }
    Ok(out)
}

fn partition_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str, rev: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_args(vm, "str", name, &args[1..], kwargs, Arity::One)?;
    let sep = str_arg(vm, &args[1], |t| format!("must be str, not {t}"))?;
    if sep.s.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { s.s.rfind(&*sep.s) } else { s.s.find(&*sep.s) };
    let parts = match found {
        Some(i) => {
            let a = vm.new_str(&s.s[..i]);
            let b = exact(vm, args[1]);
            let c = vm.new_str(&s.s[i + sep.s.len()..]);
            [a, b, c]
        }
        None if rev => [vm.empty_str, vm.empty_str, exact(vm, args[0])],
        None => [exact(vm, args[0]), vm.empty_str, vm.empty_str],
    };
    Ok(vm.new_tuple(parts.to_vec()))
}

fn str_partition(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, kwargs, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, kwargs, "rpartition", true)
}

// ----- stripping, padding, replacing -----

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Value, Value)],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_args(vm, "str", name, &args[1..], kwargs, Arity::Clinic(0, 1))?;
    let chars = args.get(1).copied().filter(|v| !v.is_none());
    let text: &str = &s.s;
    let out = match chars {
        None => {
            let t = if left { text.trim_start_matches(uni::is_space) } else { text };
            if right {
                t.trim_end_matches(uni::is_space)
            } else {
                t
            }
        }
        Some(c) => {
            let set = str_arg(vm, &c, |_| format!("{name} arg must be None or str"))?;
            let set: &str = &set.s;
            let t = if left { text.trim_start_matches(|ch| set.contains(ch)) } else { text };
            if right {
                t.trim_end_matches(|ch| set.contains(ch))
            } else {
                t
            }
        }
    };
    if out.len() == text.len() {
        return Ok(exact(vm, args[0]));
    }
    Ok(vm.new_str(out))
}

fn str_strip(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kwargs, "strip", true, true)
}
fn str_lstrip(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kwargs, "lstrip", true, false)
}
fn str_rstrip(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kwargs, "rstrip", false, true)
}

/// The (width, fill) arguments of `center`/`ljust`/`rjust`.
fn pad_args(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str) -> PyResult<(i64, char)> {
    check_args(vm, "str", name, &args[1..], kwargs, Arity::Clinic(1, 2))?;
    let width = arg_index(vm, args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(f) => {
            let f = str_arg(vm, f, |t| format!("The fill character must be a unicode character, not {t}"))?;
            let mut it = f.s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
    };
    Ok((width, fill))
}

/// `s` padded with `left` and `right` copies of `fill`.
fn padded(vm: &Vm, s: &str, left: usize, right: usize, fill: char) -> PyResult<Value> {
    let total = (left + right).saturating_mul(fill.len_utf8()).saturating_add(s.len());
    let mut out = alloc_string(vm, total)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(vm.new_string(out))
}

fn str_center(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "center")?;
    let (width, fill) = pad_args(vm, args, kwargs, "center")?;
    if width <= s.char_len as i64 {
        return Ok(exact(vm, args[0]));
    }
    let marg = width as usize - s.char_len;
    // CPython's rounding: the extra space goes left when both the margin and the width
    // are odd.
    let left = marg / 2 + (marg & width as usize & 1);
    padded(vm, &s.s, left, marg - left, fill)
}

fn str_ljust(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "ljust")?;
    let (width, fill) = pad_args(vm, args, kwargs, "ljust")?;
    if width <= s.char_len as i64 {
        return Ok(exact(vm, args[0]));
    }
    padded(vm, &s.s, 0, width as usize - s.char_len, fill)
}

fn str_rjust(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "rjust")?;
    let (width, fill) = pad_args(vm, args, kwargs, "rjust")?;
    if width <= s.char_len as i64 {
        return Ok(exact(vm, args[0]));
    }
    padded(vm, &s.s, width as usize - s.char_len, 0, fill)
}

fn str_zfill(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "zfill")?;
    check_args(vm, "str", "zfill", &args[1..], kwargs, Arity::One)?;
    let width = arg_index(vm, args[1])?;
    if width <= s.char_len as i64 {
        return Ok(exact(vm, args[0]));
    }
    let fill = width as usize - s.char_len;
    let mut out = alloc_string(vm, s.s.len() + fill)?;
    let (sign, rest) = match s.s.as_bytes().first() {
        Some(b'+') | Some(b'-') => s.s.split_at(1),
        _ => ("", &*s.s),
    };
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(vm.new_string(out))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "expandtabs")?;
    let [tabsize] = kw_args(vm, "expandtabs", &args[1..], kwargs, ["tabsize"])?;
    let tabsize = if tabsize.is_null() { 8 } else { arg_index(vm, tabsize)? };
    if !s.s.contains('\t') {
        return Ok(exact(vm, args[0]));
    }
    let mut out = String::with_capacity(s.s.len());
    let mut col: i64 = 0;
    for c in s.s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    if out.len() as i64 + n > isize::MAX as i64 / 2 {
                        return Err(vm.overflow_error("result too long"));
                    }
                    out.try_reserve(n as usize).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_replace(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "replace")?;
    check_args(vm, "str", "replace", &args[1..], kwargs, Arity::Clinic(2, 3))?;
    let old = clinic_str_arg(vm, &args[1], |t| format!("replace() argument 1 must be str, not {t}"))?;
    let new = clinic_str_arg(vm, &args[2], |t| format!("replace() argument 2 must be str, not {t}"))?;
    let count = match args.get(3) {
        Some(&c) => arg_index(vm, c)?,
        None => -1,
    };
    if count == 0 || (!old.s.is_empty() && !s.s.contains(&*old.s)) {
        return Ok(exact(vm, args[0]));
    }
    // Size check first, so that `'a' * 10**5 .replace('', 'x' * 10**6)` fails cleanly.
    let occurrences = if old.s.is_empty() { s.char_len + 1 } else { s.s.matches(&*old.s).count() };
    let n = if count < 0 { occurrences } else { occurrences.min(count as usize) };
    let grow = new.s.len().saturating_mul(n);
    alloc_string(vm, s.s.len().saturating_add(grow))?;
    let out = if count < 0 { s.s.replace(&*old.s, &new.s) } else { s.s.replacen(&*old.s, &new.s, count as usize) };
    Ok(vm.new_string(out))
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "removeprefix")?;
    check_args(vm, "str", "removeprefix", &args[1..], kwargs, Arity::One)?;
    let p = clinic_str_arg(vm, &args[1], |t| format!("removeprefix() argument must be str, not {t}"))?;
    match s.s.strip_prefix(&*p.s) {
        Some(rest) if !p.s.is_empty() => Ok(vm.new_str(rest)),
        _ => Ok(exact(vm, args[0])),
    }
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "removesuffix")?;
    check_args(vm, "str", "removesuffix", &args[1..], kwargs, Arity::One)?;
    let p = clinic_str_arg(vm, &args[1], |t| format!("removesuffix() argument must be str, not {t}"))?;
    match s.s.strip_suffix(&*p.s) {
        Some(rest) if !p.s.is_empty() => Ok(vm.new_str(rest)),
        _ => Ok(exact(vm, args[0])),
    }
}

// ----- translate / maketrans -----

fn str_translate(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "translate")?;
    check_args(vm, "str", "translate", &args[1..], kwargs, Arity::One)?;
    let table = args[1];
    let exact_dict = table.as_dict().is_some() && vm.type_of(table).is(vm.types.dict);
    let mut out = String::with_capacity(s.s.len());
    for c in s.s.chars() {
        let key = vm.new_int(c as i64);
        let mapped = if exact_dict {
            vm.dict_get(table, key)?
        } else {
            match vm.get_item(table, key) {
                Ok(v) => Some(v),
                Err(e) if vm.err_matches(&e, vm.exc.lookup_error) => None,
                Err(e) => return Err(e),
            }
        };
        match mapped {
            None => out.push(c),
            Some(v) if v.is_none() => {}
            Some(v) => {
                if let Some(t) = v.as_rstr() {
                    out.push_str(t);
                } else if let Some(i) = vm.int_value(v) {
                    match i.to_u32().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None if i.to_u32().is_some_and(|n| n < 0x110000) => {
                            return Err(vm.not_implemented_error("lone surrogates in str are not supported"))
                        }
                        None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
                    }
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_maketrans(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "str", "maketrans", args, kwargs, Arity::Clinic(1, 3))?;
    let d = vm.new_dict();
    if args.len() == 1 {
        let Some(src) = args[0].as_dict() else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let items = src.borrow().items();
        for (k, v) in items {
            let key = if let Some(ks) = k.as_pystr() {
                if ks.char_len != 1 {
                    return Err(vm.value_error("string keys in translate table must be of length 1"));
                }
                vm.new_int(ks.s.chars().next().map_or(0, |c| c as i64))
            } else if vm.int_value(k).is_some() {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            vm.dict_set(d, key, v)?;
        }
        return Ok(d);
    }
    let Some(x) = args[0].as_pystr() else {
        return Err(vm.type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let y = clinic_str_arg(vm, &args[1], |t| format!("maketrans() argument 2 must be str, not {t}"))?;
    if x.char_len != y.char_len {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.s.chars().zip(y.s.chars()) {
        let (ka, vb) = (vm.new_int(a as i64), vm.new_int(b as i64));
        vm.dict_set(d, ka, vb)?;
    }
    if let Some(z) = args.get(2) {
        let z = clinic_str_arg(vm, z, |t| format!("maketrans() argument 3 must be str, not {t}"))?;
        for c in z.s.chars() {
            let k = vm.new_int(c as i64);
            vm.dict_set(d, k, Value::NONE)?;
        }
    }
    Ok(d)
}

// ----- encoding and formatting -----

fn str_encode(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "encode")?;
    let [encoding, errors] = kw_args(vm, "encode", &args[1..], kwargs, ["encoding", "errors"])?;
    // The default UTF-8 (errors do not matter: a str always encodes to UTF-8).
    if errors.is_null() && (encoding.is_null() || matches!(encoding.as_rstr(), Some("utf-8" | "utf8"))) {
        return Ok(vm.new_bytes(s.s.as_bytes().to_vec()));
    }
    let enc = opt_str_param(vm, encoding, "encode", "encoding")?;
    let errs = opt_str_param(vm, errors, "encode", "errors")?;
    let b = crate::types::str_codec::encode(vm, &s.s, enc.as_deref().unwrap_or("utf-8"), errs.as_deref())?;
    Ok(vm.new_bytes(b))
}

fn str_format(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "format")?;
    let out = crate::types::format::str_format(vm, &s.s, &args[1..], kwargs, Value::NULL)?;
    Ok(vm.new_string(out))
}

fn str_format_map(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(vm, args, "format_map")?;
    check_args(vm, "str", "format_map", &args[1..], kwargs, Arity::One)?;
    let out = crate::types::format::str_format(vm, &s.s, &[], &[], args[1])?;
    Ok(vm.new_string(out))
}

/// Registers `str` and `str_iterator`.
pub fn init(vm: &mut Vm) {
    let c = vm.types.str_;
    vm.add_staticmethod(c, "__new__", str_new);
    let methods: &[(&'static str, crate::vm::NativeFn)] = &[
        ("__len__", str_len),
        ("__getitem__", str_getitem),
        ("__contains__", str_contains),
        ("__iter__", str_iter),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_rmul),
        ("__mod__", str_mod),
        ("__rmod__", str_rmod),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__hash__", str_hash),
        ("__repr__", str_repr_m),
        ("__str__", str_str),
        ("__format__", str_format_m),
        ("__getnewargs__", str_getnewargs),
        ("__sizeof__", str_sizeof),
        ("capitalize", str_capitalize),
        ("casefold", str_casefold),
        ("center", str_center),
        ("count", str_count),
        ("encode", str_encode),
        ("endswith", str_endswith),
        ("expandtabs", str_expandtabs),
        ("find", str_find),
        ("format", str_format),
        ("format_map", str_format_map),
        ("index", str_index),
        ("isalnum", str_isalnum),
        ("isalpha", str_isalpha),
        ("isascii", str_isascii),
        ("isdecimal", str_isdecimal),
        ("isdigit", str_isdigit),
        ("isidentifier", str_isidentifier),
        ("islower", str_islower),
        ("isnumeric", str_isnumeric),
        ("isprintable", str_isprintable),
        ("isspace", str_isspace),
        ("istitle", str_istitle),
        ("isupper", str_isupper),
        ("join", str_join),
        ("ljust", str_ljust),
        ("lower", str_lower),
        ("lstrip", str_lstrip),
        ("partition", str_partition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("replace", str_replace),
        ("rfind", str_rfind),
        ("rindex", str_rindex),
        ("rjust", str_rjust),
        ("rpartition", str_rpartition),
        ("rsplit", str_rsplit),
        ("rstrip", str_rstrip),
        ("split", str_split),
        ("splitlines", str_splitlines),
        ("startswith", str_startswith),
        ("strip", str_strip),
        ("swapcase", str_swapcase),
        ("title", str_title),
        ("translate", str_translate),
        ("upper", str_upper),
        ("zfill", str_zfill),
    ];
    for &(name, f) in methods {
        vm.add_method(c, name, f);
    }
    vm.add_staticmethod(c, "maketrans", str_maketrans);

    for name in ["str_iterator", "str_ascii_iterator"] {
        let it = vm.new_builtin_class(name, vm.types.object, Layout::Other, 0);
        vm.add_method(it, "__iter__", str_iter_iter);
        vm.add_method(it, "__next__", str_iter_next);
        vm.add_method(it, "__length_hint__", str_iter_length_hint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_and_escapes() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("both'\""), "'both\\'\"'");
        assert_eq!(str_repr("tab\there\n\\"), "'tab\\there\\n\\\\'");
        assert_eq!(str_repr("\x00\x7f\u{80}\u{ff}"), "'\\x00\\x7f\\x80ÿ'");
        assert_eq!(str_repr("\u{200b}é😀"), "'\\u200bé😀'");
        assert_eq!(str_ascii_repr("é😀\u{2028}"), "'\\xe9\\U0001f600\\u2028'");
    }

    #[test]
    fn whitespace_splitting() {
        let s = "  a b  c  ".as_bytes();
        let ws = |b: u8| b == b' ';
        let join = |v: Vec<&[u8]>| v.iter().map(|p| String::from_utf8_lossy(p).into_owned()).collect::<Vec<_>>();
        assert_eq!(join(split_whitespace(s, ws, None)), ["a", "b", "c"]);
        assert_eq!(join(split_whitespace(s, ws, Some(1))), ["a", "b  c  "]);
        assert_eq!(join(rsplit_whitespace(s, ws, Some(1))), ["  a b", "c"]);
        assert_eq!(join(split_whitespace(s, ws, Some(0))), ["a b  c  "]);
        assert!(split_whitespace("   ".as_bytes(), ws, None).is_empty());
    }

    #[test]
    fn index_adjustment() {
        assert_eq!(adjust_indices(None, None, 5), (0, 5));
        assert_eq!(adjust_indices(Some(-2), Some(100), 5), (3, 5));
        assert_eq!(adjust_indices(Some(7), Some(-9), 5), (7, 0));
    }

    #[test]
    fn concat_shares_buffers_without_changing_views() {
        let big = "x".repeat(crate::object::STR_GROW_MIN);
        let a = PyStr::new(big.as_str().into());
        let b = a.concat(&PyStr::new("é".into())).unwrap();
        let c = b.concat(&PyStr::new("1".into())).unwrap();
        // `c` extended `b`'s buffer in place; `d` branches from `b` and must copy.
        let d = b.concat(&PyStr::new("2".into())).unwrap();
        assert_eq!(c.s.as_ptr(), b.s.as_ptr());
        assert_ne!(d.s.as_ptr(), b.s.as_ptr());
        assert_eq!(&*b.s, format!("{big}é"));
        assert_eq!(&*c.s, format!("{big}é1"));
        assert_eq!(&*d.s, format!("{big}é2"));
        assert_eq!((b.char_len, c.char_len, d.char_len), (big.len() + 1, big.len() + 2, big.len() + 2));
        assert!(!c.is_ascii() && a.is_ascii());
        // `s + s` appends a view of the buffer to itself.
        let e = c.concat(&c).unwrap();
        assert_eq!(&*e.s, format!("{big}é1{big}é1"));
        assert_eq!(&*c.s, format!("{big}é1"));
        drop((a, b, c));
        assert_eq!(&*d.s, format!("{big}é2"));
        assert_eq!(e.s.len(), 2 * (big.len() + 3));
        // Small results stay exact-size copies.
        let small = PyStr::new("ab".into()).concat(&PyStr::new("cd".into())).unwrap();
        assert_eq!(&*small.s, "abcd");
    }
}
