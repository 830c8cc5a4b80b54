//! `bytes` and `bytearray`, their iterators, and the byte-string algorithms they share.
//!
//! Most methods exist on both types with the same behaviour; one native function serves
//! both, and the receiver's payload decides whether the result is `bytes` or `bytearray`
//! (results are always of the exact builtin type, as in CPython). A bytearray's contents
//! sit in a `RefCell`; methods copy them out (or hold the borrow only while no Python code
//! can run) so that a `__index__` or `__iter__` called midway may mutate the array safely.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use crate::impl_native;
use crate::object::{Layout, Payload};
use crate::types::slice;
use crate::types::str::{
    adjust_indices, arg_index, check_args, join_items, kw_args, opt_slice_index, opt_str_param, repeat_count,
    rsplit_whitespace, split_whitespace, try_reflected, Arity,
};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bytes,
    ByteArray,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Bytes => "bytes",
            Kind::ByteArray => "bytearray",
        }
    }
}

/// The contents of a bytes-like object (bytes or bytearray), copied.
pub fn bytes_data(v: Value) -> Option<Vec<u8>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// The contents of a bytes-like object, borrowed when immutable.
fn data_of(v: &Value) -> Option<Cow<'_, [u8]>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Some(Cow::Borrowed(&b[..])),
        Some(Payload::ByteArray(b)) => Some(Cow::Owned(b.borrow().clone())),
        _ => None,
    }
}

fn kind_of(v: Value) -> Option<Kind> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(_)) => Some(Kind::Bytes),
        Some(Payload::ByteArray(_)) => Some(Kind::ByteArray),
        _ => None,
    }
}

fn bytearray_cell(v: &Value) -> Option<&RefCell<Vec<u8>>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(b)) => Some(b),
        _ => None,
    }
}

/// A new object of the given kind (exact type).
fn make(vm: &Vm, kind: Kind, data: Vec<u8>) -> Value {
    match kind {
        Kind::Bytes => vm.new_bytes(data),
        Kind::ByteArray => new_bytearray(vm, data),
    }
}

pub fn new_bytearray(vm: &Vm, data: Vec<u8>) -> Value {
    vm.alloc(vm.types.bytearray, Payload::ByteArray(RefCell::new(data)))
}

/// The receiver of method `name`: its kind and contents.
fn recv<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<(Kind, Cow<'a, [u8]>)> {
    let Some(v) = args.first() else {
        return Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    match (kind_of(*v), data_of(v)) {
        (Some(k), Some(d)) => Ok((k, d)),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            vm.type_tp_name(*v)
        ))),
    }
}

/// A bytes-like argument ("a bytes-like object is required, not 'str'").
fn buf_arg(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    bytes_data(v).ok_or_else(|| vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(v))))
}

/// The subsequence argument of `find`/`count`/`in`: bytes-like or an int in range(256).
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(v) {
        return Ok(b);
    }
    if slice::has_index(vm, v) {
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", vm.type_tp_name(v))))
}

/// An int in range(256) ("byte must be in range(0, 256)").
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = arg_index(vm, v).map_err(|e| {
        if vm.err_matches(&e, vm.exc.overflow_error) {
            vm.value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

// ----- byte-string algorithms -----

pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    let first = n[0];
    (0..=h.len() - n.len()).find(|&i| h[i] == first && &h[i..i + n.len()] == n)
}

fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).rev().find(|&i| &h[i..i + n.len()] == n)
}

fn count_sub(h: &[u8], n: &[u8]) -> usize {
    if n.is_empty() {
        return h.len() + 1;
    }
    let mut count = 0;
    let mut i = 0;
    while let Some(k) = find_sub(&h[i..], n) {
        count += 1;
        i += k + n.len();
    }
    count
}

fn split_sub<'a>(h: &'a [u8], sep: &[u8], max: Option<usize>) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    while max.is_none_or(|m| out.len() < m) {
        match find_sub(&h[i..], sep) {
            Some(k) => {
                out.push(&h[i..i + k]);
                i += k + sep.len();
            }
            None => break,
        }
    }
    out.push(&h[i..]);
    out
}

fn rsplit_sub<'a>(h: &'a [u8], sep: &[u8], max: Option<usize>) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut end = h.len();
    while max.is_none_or(|m| out.len() < m) {
        match rfind_sub(&h[..end], sep) {
            Some(k) => {
                out.push(&h[k + sep.len()..end]);
                end = k;
            }
            None => break,
        }
    }
    out.push(&h[..end]);
    out.reverse();
    out
}

fn replace_sub(h: &[u8], old: &[u8], new: &[u8], count: Option<usize>) -> Vec<u8> {
    let mut out = Vec::with_capacity(h.len());
    let mut done = 0;
    if old.is_empty() {
        for &b in h {
            if count.is_none_or(|c| done < c) {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(b);
        }
        if count.is_none_or(|c| done < c) {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut i = 0;
    while count.is_none_or(|c| done < c) {
        match find_sub(&h[i..], old) {
            Some(k) => {
                out.extend_from_slice(&h[i..i + k]);
                out.extend_from_slice(new);
                i += k + old.len();
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&h[i..]);
    out
}

/// `repr` of bytes content: `b'...'` with CPython's quote choice and escapes.
pub fn bytes_repr(b: &[u8]) -> String {
    repr_impl(b, false)
}

/// `repr` of a bytearray's content: like bytes, except that CPython escapes a single quote
/// even inside double quotes (`bytearray(b"a\'b")`).
pub fn bytearray_repr_body(b: &[u8]) -> String {
    repr_impl(b, true)
}

fn repr_impl(b: &[u8], escape_squote: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote || (escape_squote && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

fn hash_bytes(b: &[u8]) -> i64 {
    // CPython hashes bytes with the same function as the latin-1 form of str, so ASCII
    // bytes hash like the equal text.
    if b.is_empty() {
        return 0;
    }
    match crate::types::str::siphash13(b) as i64 {
        -1 => -2,
        h => h,
    }
}

// ----- construction -----

/// The contents `bytes(source, encoding, errors)` / `bytearray(...)` would have.
fn construct(vm: &mut Vm, kind: Kind, source: Value, encoding: Value, errors: Value) -> PyResult<Vec<u8>> {
    let fname = kind.name();
    let enc = opt_str_param(vm, encoding, fname, "encoding")?;
    let errs = opt_str_param(vm, errors, fname, "errors")?;
    if source.is_null() {
        if enc.is_some() || errs.is_some() {
            return Err(vm.type_error(match kind {
                Kind::Bytes if enc.is_some() => "encoding without a string argument",
                Kind::Bytes => "errors without a string argument",
                Kind::ByteArray => "encoding or errors without sequence argument",
            }));
        }
        return Ok(Vec::new());
    }
    if let Some(s) = source.as_pystr() {
        let Some(enc) = enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        return crate::types::str_codec::encode(vm, &s.s, &enc, errs.as_deref());
    }
    if enc.is_some() || errs.is_some() {
        return Err(vm.type_error(if enc.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        }));
    }
    if kind == Kind::Bytes {
        let ty = vm.type_of(source);
        let n = vm.intern("__bytes__");
        if let Some(f) = vm.lookup_type(ty, n) {
            let r = vm.call(f, &[source], &[])?;
            return match r.as_obj().map(|o| &o.payload) {
                Some(Payload::Bytes(b)) => Ok(b.to_vec()),
                _ => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_tp_name(r)))),
            };
        }
    }
    if slice::has_index(vm, source) {
        let n = arg_index(vm, source)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut v = Vec::new();
        v.try_reserve_exact(n as usize).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
        v.resize(n as usize, 0);
        return Ok(v);
    }
    if let Some(b) = bytes_data(source) {
        return Ok(b);
    }
    // Other buffer exporters (memoryview, array.array) give their raw bytes.
    if let Some(b) = crate::builtins::memoryview::buffer_of(source) {
        return Ok(b);
    }
    let items = if let Some(t) = source.as_tuple() {
        t.to_vec()
    } else if let Some(l) = source.as_list() {
        l.borrow().clone()
    } else {
        let it = match vm.iter(source) {
            Ok(it) => it,
            Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
                return Err(vm.type_error(format!("cannot convert '{}' object to {fname}", vm.type_tp_name(source))))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(x) = vm.next(it)? {
            out.push(x);
        }
        out
    };
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        let i = arg_index(vm, x)?;
        match u8::try_from(i) {
            Ok(b) => out.push(b),
            Err(_) => {
                return Err(vm.value_error(match kind {
                    Kind::Bytes => "bytes must be in range(0, 256)",
                    Kind::ByteArray => "byte must be in range(0, 256)",
                }))
            }
        }
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("bytes.__new__(): not enough arguments"));
    };
    if !cls.as_class().is_some_and(|_| vm.is_subclass(cls, vm.types.bytes)) {
        let what = vm.type_name(cls);
        return Err(vm.type_error(format!("bytes.__new__({what}): {what} is not a subtype of bytes")));
    }
    let [source, encoding, errors] = kw_args(vm, "bytes", &args[1..], kwargs, ["source", "encoding", "errors"])?;
    let data = construct(vm, Kind::Bytes, source, encoding, errors)?;
    Ok(vm.alloc(cls, Payload::Bytes(data.into_boxed_slice())))
}

fn bytearray_new(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("bytearray.__new__(): not enough arguments"));
    };
    if !cls.as_class().is_some_and(|_| vm.is_subclass(cls, vm.types.bytearray)) {
        let what = vm.type_name(cls);
        return Err(vm.type_error(format!("bytearray.__new__({what}): {what} is not a subtype of bytearray")));
    }
    Ok(vm.alloc(cls, Payload::ByteArray(RefCell::new(Vec::new()))))
}

fn bytearray_init(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let Some(cell) = args.first().and_then(bytearray_cell) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'bytearray' object"));
    };
    let [source, encoding, errors] = kw_args(vm, "bytearray", &args[1..], kwargs, ["source", "encoding", "errors"])?;
    let data = construct(vm, Kind::ByteArray, source, encoding, errors)?;
    *cell.borrow_mut() = data;
    Ok(Value::NONE)
}

// ----- iterators -----

struct BytesIter {
    seq: Value,
    pos: Cell<usize>,
}

impl_native!(BytesIter, |s, visit| {
    visit(s.seq);
});

fn iter_next(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let Some(it) = args.first().and_then(|v| v.as_obj()).and_then(|o| o.native::<BytesIter>()) else {
        return Err(vm.type_error("descriptor '__next__' requires a 'bytes_iterator' object"));
    };
    let pos = it.pos.get();
    let b = match it.seq.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => b.get(pos).copied(),
        Some(Payload::ByteArray(b)) => b.borrow().get(pos).copied(),
        _ => None,
    };
    match b {
        Some(b) => {
            it.pos.set(pos + 1);
            Ok(vm.new_int(b as i64))
        }
        None => {
            // Stay exhausted even if a bytearray grows later.
            it.pos.set(usize::MAX);
            Err(vm.stop_iteration(Value::NONE))
        }
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let Some(it) = args.first().and_then(|v| v.as_obj()).and_then(|o| o.native::<BytesIter>()) else {
        return Err(vm.type_error("descriptor '__length_hint__' requires a 'bytes_iterator' object"));
    };
    let len = with_data(it.seq, <[u8]>::len).unwrap_or(0);
    Ok(vm.new_int(len.saturating_sub(it.pos.get()) as i64))
}

fn b_iter(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, _) = recv(vm, args, "__iter__")?;
    check_args(vm, kind.name(), "__iter__", &args[1..], kwargs, Arity::Wrapper(0))?;
    let name = match kind {
        Kind::Bytes => "bytes_iterator",
        Kind::ByteArray => "bytearray_iterator",
    };
    let cls = vm.extra_types.get(name).copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, BytesIter { seq: args[0], pos: Cell::new(0) }))
}

// ----- dunders -----

/// Runs `f` on the receiver's bytes without copying a bytearray; `f` must not run Python
/// code (the bytearray stays borrowed meanwhile).
fn with_data<R>(v: Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Some(f(b)),
        Some(Payload::ByteArray(b)) => Some(f(&b.borrow())),
        _ => None,
    }
}

/// The kind of the receiver of method `name`, with CPython's descriptor error.
fn recv_kind(vm: &Vm, args: &[Value], name: &str) -> PyResult<Kind> {
    match args.first() {
        Some(&v) => kind_of(v).ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
                vm.type_tp_name(v)
            ))
        }),
        None => Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument"))),
    }
}

fn b_len(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let kind = recv_kind(vm, args, "__len__")?;
    check_args(vm, kind.name(), "__len__", &args[1..], kwargs, Arity::Wrapper(0))?;
    let n = with_data(args[0], <[u8]>::len).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn b_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let kind = recv_kind(vm, args, "__getitem__")?;
    check_args(vm, kind.name(), "__getitem__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let key = args[1];
    let len = with_data(args[0], <[u8]>::len).unwrap_or(0);
    if slice::is_slice(key) {
        let (start, _, step, n) = slice::indices(vm, key, len)?;
        // `indices` may have run `__index__` code that resized a bytearray: clamp.
        let out: Vec<u8> = with_data(args[0], |d| {
            (0..n).filter_map(|k| d.get((start + k as isize * step) as usize).copied()).collect()
        })
        .unwrap_or_default();
        return Ok(make(vm, kind, out));
    }
    let Some(i) = slice::seq_index(vm, key)? else {
        return Err(vm.type_error(match kind {
            Kind::Bytes => format!("byte indices must be integers or slices, not {}", vm.type_name(key)),
            Kind::ByteArray => format!("bytearray indices must be integers or slices, not {}", vm.type_name(key)),
        }));
    };
    let byte = with_data(args[0], |d| {
        let i = if i < 0 { i + d.len() as isize } else { i };
        if i < 0 {
            None
        } else {
            d.get(i as usize).copied()
        }
    })
    .flatten();
    match byte {
        Some(b) => Ok(vm.new_int(b as i64)),
        None => Err(vm.index_error(match kind {
            Kind::Bytes => "index out of range",
            Kind::ByteArray => "bytearray index out of range",
        })),
    }
}

fn b_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let kind = recv_kind(vm, args, "__contains__")?;
    check_args(vm, kind.name(), "__contains__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let v = args[1];
    let sub = if let Some(b) = bytes_data(v) {
        b
    } else if slice::has_index(vm, v) {
        vec![byte_value(vm, v)?]
    } else {
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(v))));
    };
    Ok(Value::bool(with_data(args[0], |d| find_sub(d, &sub).is_some()).unwrap_or(false)))
}

fn b_add(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "__add__")?;
    check_args(vm, kind.name(), "__add__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let Some(o) = bytes_data(args[1]) else {
        if let Some(r) = try_reflected(vm, args[1], "__radd__", args[0])? {
            return Ok(r);
        }
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            vm.type_tp_name(args[1]),
            vm.type_tp_name(args[0])
        )));
    };
    let mut out = Vec::new();
    out.try_reserve_exact(d.len() + o.len()).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
    out.extend_from_slice(&d);
    out.extend_from_slice(&o);
    Ok(make(vm, kind, out))
}

fn repeat(vm: &Vm, d: &[u8], n: usize) -> PyResult<Vec<u8>> {
    let Some(total) = d.len().checked_mul(n).filter(|&t| t <= isize::MAX as usize) else {
        return Err(vm.err(vm.exc.memory_error, ""));
    };
    let mut out = Vec::new();
    out.try_reserve_exact(total).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
    if total > 0 {
        out.extend_from_slice(d);
        while out.len() < total {
            let take = (total - out.len()).min(out.len());
            out.extend_from_within(..take);
        }
    }
    Ok(out)
}

fn mul_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, name)?;
    check_args(vm, kind.name(), name, &args[1..], kwargs, Arity::Wrapper(1))?;
    let Some(n) = repeat_count(vm, args[1])? else {
        if name == "__mul__" {
            if let Some(r) = try_reflected(vm, args[1], "__rmul__", args[0])? {
                return Ok(r);
            }
        }
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_tp_name(args[1]))));
    };
    let out = repeat(vm, &d, n)?;
    Ok(make(vm, kind, out))
}

fn b_mul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    mul_impl(vm, args, kwargs, "__mul__")
}
fn b_rmul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    mul_impl(vm, args, kwargs, "__rmul__")
}

fn b_mod(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "__mod__")?;
    check_args(vm, kind.name(), "__mod__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let out = crate::types::format::percent_format_bytes(vm, &d, args[1])?;
    Ok(make(vm, kind, out))
}

fn b_rmod(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, _) = recv(vm, args, "__rmod__")?;
    check_args(vm, kind.name(), "__rmod__", &args[1..], kwargs, Arity::Wrapper(1))?;
    match (kind_of(args[1]), bytes_data(args[1])) {
        (Some(k), Some(fmt)) => {
            let out = crate::types::format::percent_format_bytes(vm, &fmt, args[0])?;
            Ok(make(vm, k, out))
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn compare(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Value, Value)],
    name: &str,
    f: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, name)?;
    check_args(vm, kind.name(), name, &args[1..], kwargs, Arity::Wrapper(1))?;
    match data_of(&args[1]) {
        Some(o) => Ok(Value::bool(f(d[..].cmp(&o[..])))),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn b_eq(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, kwargs, "__eq__", |o| o.is_eq())
}
fn b_ne(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, kwargs, "__ne__", |o| o.is_ne())
}
fn b_lt(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, kwargs, "__lt__", |o| o.is_lt())
}
fn b_le(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, kwargs, "__le__", |o| o.is_le())
}
fn b_gt(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, kwargs, "__gt__", |o| o.is_gt())
}
fn b_ge(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, kwargs, "__ge__", |o| o.is_ge())
}

fn b_hash(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "__hash__")?;
    check_args(vm, kind.name(), "__hash__", &args[1..], kwargs, Arity::Wrapper(0))?;
    if kind == Kind::ByteArray {
        return Err(vm.type_error("unhashable type: 'bytearray'"));
    }
    Ok(vm.new_int(hash_bytes(&d)))
}

fn b_repr(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "__repr__")?;
    check_args(vm, kind.name(), "__repr__", &args[1..], kwargs, Arity::Wrapper(0))?;
    Ok(match kind {
        Kind::Bytes => vm.new_string(bytes_repr(&d)),
        Kind::ByteArray => {
            let r = bytearray_repr_body(&d);
            let name = vm.type_name(args[0]);
            vm.new_string(format!("{name}({r})"))
        }
    })
}

fn b_str(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    // str(b) is repr(b) (CPython only warns under -b).
    b_repr(vm, args, kwargs)
}

fn b_bytes(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "__bytes__")?;
    check_args(vm, kind.name(), "__bytes__", &args[1..], kwargs, Arity::Zero)?;
    if vm.type_of(args[0]).is(vm.types.bytes) {
        return Ok(args[0]);
    }
    Ok(vm.new_bytes(d.into_owned()))
}

fn b_getnewargs(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "__getnewargs__")?;
    check_args(vm, kind.name(), "__getnewargs__", &args[1..], kwargs, Arity::Zero)?;
    let b = vm.new_bytes(d.into_owned());
    Ok(vm.new_tuple(vec![b]))
}

fn b_sizeof(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "__sizeof__")?;
    check_args(vm, kind.name(), "__sizeof__", &args[1..], kwargs, Arity::Zero)?;
    let n = d.len() as i64;
    Ok(vm.new_int(match kind {
        Kind::Bytes => 33 + n,
        Kind::ByteArray => 56 + if n == 0 { 0 } else { n + 1 },
    }))
}

// ----- searching -----

/// A search's receiver kind and data, the needle, and the index range to search (`None`
/// when empty or beyond the end).
type Search = (Kind, Vec<u8>, Vec<u8>, Option<(usize, usize)>);

fn search_args(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str) -> PyResult<Search> {
    let (kind, d) = recv(vm, args, name)?;
    let d = d.into_owned();
    check_args(vm, kind.name(), name, &args[1..], kwargs, Arity::Old(1, 3))?;
    // The indices are converted while the arguments are parsed, before `sub` is checked.
    let start = opt_slice_index(vm, args.get(2).copied().unwrap_or(Value::NULL))?;
    let end = opt_slice_index(vm, args.get(3).copied().unwrap_or(Value::NULL))?;
    let sub = sub_arg(vm, args[1])?;
    let (a, b) = adjust_indices(start, end, d.len());
    let range = if a > d.len() || b < a { None } else { Some((a, b)) };
    Ok((kind, d, sub, range))
}

fn find_in(d: &[u8], sub: &[u8], range: Option<(usize, usize)>, rev: bool) -> Option<usize> {
    let (a, b) = range?;
    let h = &d[a..b];
    let r = if rev { rfind_sub(h, sub) } else { find_sub(h, sub) };
    r.map(|i| i + a)
}

fn b_find(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (_, d, sub, range) = search_args(vm, args, kwargs, "find")?;
    Ok(vm.new_int(find_in(&d, &sub, range, false).map_or(-1, |i| i as i64)))
}
fn b_rfind(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (_, d, sub, range) = search_args(vm, args, kwargs, "rfind")?;
    Ok(vm.new_int(find_in(&d, &sub, range, true).map_or(-1, |i| i as i64)))
}
fn b_index(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (_, d, sub, range) = search_args(vm, args, kwargs, "index")?;
    match find_in(&d, &sub, range, false) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_rindex(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (_, d, sub, range) = search_args(vm, args, kwargs, "rindex")?;
    match find_in(&d, &sub, range, true) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_count(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (_, d, sub, range) = search_args(vm, args, kwargs, "count")?;
    let n = match range {
        Some((a, b)) => count_sub(&d[a..b], &sub),
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn starts_ends(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str, ends: bool) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, name)?;
    let d = d.into_owned();
    check_args(vm, kind.name(), name, &args[1..], kwargs, Arity::Old(1, 3))?;
    let start = opt_slice_index(vm, args.get(2).copied().unwrap_or(Value::NULL))?;
    let end = opt_slice_index(vm, args.get(3).copied().unwrap_or(Value::NULL))?;
    let (a, b) = adjust_indices(start, end, d.len());
    let prefixes: Vec<Vec<u8>> = match args[1].as_tuple() {
        Some(t) => t.iter().map(|&p| buf_arg(vm, p)).collect::<PyResult<_>>()?,
        None => match bytes_data(args[1]) {
            Some(p) => vec![p],
            None => {
                return Err(vm.type_error(format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {}",
                    vm.type_tp_name(args[1])
                )))
            }
        },
    };
    if a > d.len() || b < a {
        return Ok(Value::FALSE);
    }
    let h = &d[a..b];
    Ok(Value::bool(prefixes.iter().any(|p| if ends { h.ends_with(p) } else { h.starts_with(p) })))
}

fn b_startswith(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    starts_ends(vm, args, kwargs, "startswith", false)
}
fn b_endswith(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    starts_ends(vm, args, kwargs, "endswith", true)
}

// ----- splitting, joining, stripping -----

fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Value, Value)],
    name: &str,
) -> PyResult<(Option<Vec<u8>>, Option<usize>)> {
    let [sep, maxsplit] = kw_args(vm, name, &args[1..], kwargs, ["sep", "maxsplit"])?;
    // maxsplit is converted while the arguments are parsed, before `sep` is checked.
    let max = if maxsplit.is_null() { -1 } else { arg_index(vm, maxsplit)? };
    let sep = if sep.is_null() || sep.is_none() {
        None
    } else {
        let s = buf_arg(vm, sep)?;
        if s.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        Some(s)
    };
    Ok((sep, if max < 0 { None } else { Some(max as usize) }))
}

fn list_of(vm: &Vm, kind: Kind, parts: Vec<&[u8]>) -> Value {
    let items = parts.into_iter().map(|p| make(vm, kind, p.to_vec())).collect();
    vm.new_list(items)
}

fn b_split(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "split")?;
    let d = d.into_owned();
    let (sep, max) = split_args(vm, args, kwargs, "split")?;
    let parts = match &sep {
        Some(s) => split_sub(&d, s, max),
        None => split_whitespace(&d, is_space, max),
    };
    Ok(list_of(vm, kind, parts))
}

fn b_rsplit(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "rsplit")?;
    let d = d.into_owned();
    let (sep, max) = split_args(vm, args, kwargs, "rsplit")?;
    let parts = match &sep {
        Some(s) => rsplit_sub(&d, s, max),
        None => rsplit_whitespace(&d, is_space, max),
    };
    Ok(list_of(vm, kind, parts))
}

fn b_splitlines(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "splitlines")?;
    let d = d.into_owned();
    let [keepends] = kw_args(vm, "splitlines", &args[1..], kwargs, ["keepends"])?;
    let keep = if keepends.is_null() { false } else { arg_index(vm, keepends)? != 0 };
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < d.len() {
        let n = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if n > 0 {
            parts.push(&d[start..if keep { i + n } else { i }]);
            i += n;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        parts.push(&d[start..]);
    }
    Ok(list_of(vm, kind, parts))
}

fn b_join(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, sep) = recv(vm, args, "join")?;
    let sep = sep.into_owned();
    check_args(vm, kind.name(), "join", &args[1..], kwargs, Arity::One)?;
    let items = join_items(vm, args[1])?;
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let Some(b) = bytes_data(*v) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_tp_name(*v)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(make(vm, kind, out))
}

fn partition_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str, rev: bool) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, name)?;
    let d = d.into_owned();
    check_args(vm, kind.name(), name, &args[1..], kwargs, Arity::One)?;
    let sep = buf_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { rfind_sub(&d, &sep) } else { find_sub(&d, &sep) };
    let parts = match found {
        Some(i) => [d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), d.clone()],
        None => [d.clone(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| make(vm, kind, p)).collect();
    Ok(vm.new_tuple(items))
}

fn b_partition(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, kwargs, "partition", false)
}
fn b_rpartition(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, kwargs, "rpartition", true)
}

fn strip_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str, l: bool, r: bool) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, name)?;
    let d = d.into_owned();
    check_args(vm, kind.name(), name, &args[1..], kwargs, Arity::Clinic(0, 1))?;
    let set = match args.get(1) {
        Some(v) if !v.is_none() => Some(buf_arg(vm, *v)?),
        _ => None,
    };
    let strip = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_space(b),
    };
    let mut a = 0;
    let mut e = d.len();
    if l {
        while a < e && strip(d[a]) {
            a += 1;
        }
    }
    if r {
        while e > a && strip(d[e - 1]) {
            e -= 1;
        }
    }
    Ok(make(vm, kind, d[a..e].to_vec()))
}

fn b_strip(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kwargs, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kwargs, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kwargs, "rstrip", false, true)
}

// ----- padding, replacing, case -----

fn pad_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], name: &str) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, name)?;
    let d = d.into_owned();
    check_args(vm, kind.name(), name, &args[1..], kwargs, Arity::Clinic(1, 2))?;
    let width = arg_index(vm, args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(&f) => match bytes_data(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.arg_type_name(f)
                )))
            }
        },
    };
    if width <= d.len() as i64 {
        return Ok(make(vm, kind, d));
    }
    let marg = width as usize - d.len();
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg & width as usize & 1),
    };
    let mut out = Vec::new();
    out.try_reserve_exact(width as usize).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
    out.resize(left, fill);
    out.extend_from_slice(&d);
    out.resize(width as usize, fill);
    Ok(make(vm, kind, out))
}

fn b_center(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    pad_impl(vm, args, kwargs, "center")
}
fn b_ljust(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    pad_impl(vm, args, kwargs, "ljust")
}
fn b_rjust(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    pad_impl(vm, args, kwargs, "rjust")
}

fn b_zfill(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "zfill")?;
    let d = d.into_owned();
    check_args(vm, kind.name(), "zfill", &args[1..], kwargs, Arity::One)?;
    let width = arg_index(vm, args[1])?;
    if width <= d.len() as i64 {
        return Ok(make(vm, kind, d));
    }
    let fill = width as usize - d.len();
    let (sign, rest) = match d.first() {
        Some(b'+' | b'-') => d.split_at(1),
        _ => (&d[..0], &d[..]),
    };
    let mut out = Vec::new();
    out.try_reserve_exact(width as usize).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
    out.extend_from_slice(sign);
    out.resize(sign.len() + fill, b'0');
    out.extend_from_slice(rest);
    Ok(make(vm, kind, out))
}

fn b_expandtabs(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "expandtabs")?;
    let d = d.into_owned();
    let [tabsize] = kw_args(vm, "expandtabs", &args[1..], kwargs, ["tabsize"])?;
    let tabsize = if tabsize.is_null() { 8 } else { arg_index(vm, tabsize)? };
    let mut out = Vec::with_capacity(d.len());
    let mut col: i64 = 0;
    for &b in &d {
        match b {
            b'\t' => {
                if tabsize > 0 {
                    let n = (tabsize - col % tabsize) as usize;
                    out.try_reserve(n).map_err(|_| vm.err(vm.exc.memory_error, ""))?;
                    out.resize(out.len() + n, b' ');
                    col += n as i64;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(make(vm, kind, out))
}

fn b_replace(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "replace")?;
    let d = d.into_owned();
    check_args(vm, kind.name(), "replace", &args[1..], kwargs, Arity::Clinic(2, 3))?;
    let old = buf_arg(vm, args[1])?;
    let new = buf_arg(vm, args[2])?;
    let count = match args.get(3) {
        Some(&c) => arg_index(vm, c)?,
        None => -1,
    };
    let count = if count < 0 { None } else { Some(count as usize) };
    let occurrences = count_sub(&d, &old).min(count.unwrap_or(usize::MAX));
    let grow = new.len().saturating_mul(occurrences);
    if grow > isize::MAX as usize / 2 {
        return Err(vm.overflow_error("replace bytes is too long"));
    }
    Ok(make(vm, kind, replace_sub(&d, &old, &new, count)))
}

fn b_removeprefix(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "removeprefix")?;
    let d = d.into_owned();
    check_args(vm, kind.name(), "removeprefix", &args[1..], kwargs, Arity::One)?;
    let p = buf_arg(vm, args[1])?;
    let out = d.strip_prefix(&p[..]).unwrap_or(&d).to_vec();
    Ok(make(vm, kind, out))
}

fn b_removesuffix(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "removesuffix")?;
    let d = d.into_owned();
    check_args(vm, kind.name(), "removesuffix", &args[1..], kwargs, Arity::One)?;
    let p = buf_arg(vm, args[1])?;
    let out = if p.is_empty() { d.clone() } else { d.strip_suffix(&p[..]).unwrap_or(&d).to_vec() };
    Ok(make(vm, kind, out))
}

fn title_bytes(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize_bytes(d: &[u8]) -> Vec<u8> {
    d.iter().enumerate().map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect()
}

fn swapcase_bytes(d: &[u8]) -> Vec<u8> {
    d.iter().map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }).collect()
}

macro_rules! bytes_case {
    ($fname:ident, $pyname:literal, $conv:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            let (kind, d) = recv(vm, args, $pyname)?;
            check_args(vm, kind.name(), $pyname, &args[1..], kwargs, Arity::Zero)?;
            let f: fn(&[u8]) -> Vec<u8> = $conv;
            let out = f(&d);
            Ok(make(vm, kind, out))
        }
    };
}

bytes_case!(b_upper, "upper", |d| d.to_ascii_uppercase());
bytes_case!(b_lower, "lower", |d| d.to_ascii_lowercase());
bytes_case!(b_title, "title", title_bytes);
bytes_case!(b_capitalize, "capitalize", capitalize_bytes);
bytes_case!(b_swapcase, "swapcase", swapcase_bytes);

macro_rules! bytes_pred {
    ($fname:ident, $pyname:literal, $pred:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            let (kind, d) = recv(vm, args, $pyname)?;
            check_args(vm, kind.name(), $pyname, &args[1..], kwargs, Arity::Zero)?;
            let f: fn(&[u8]) -> bool = $pred;
            Ok(Value::bool(f(&d)))
        }
    };
}

fn is_title_bytes(d: &[u8]) -> bool {
    let (mut cased, mut prev) = (false, false);
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

bytes_pred!(b_isalnum, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric));
bytes_pred!(b_isalpha, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic));
bytes_pred!(b_isascii, "isascii", |d| d.is_ascii());
bytes_pred!(b_isdigit, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit));
bytes_pred!(b_isspace, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_space(b)));
bytes_pred!(b_islower, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase));
bytes_pred!(b_isupper, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase));
bytes_pred!(b_istitle, "istitle", is_title_bytes);

// ----- translate, maketrans, hex, decode -----

fn b_translate(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (kind, d) = recv(vm, args, "translate")?;
    let d = d.into_owned();
    if args.len() < 2 {
        // `table` is positional-only.
        return Err(vm.type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    let [table, delete] = kw_args(vm, "translate", &args[1..], kwargs, ["table", "delete"])?;
    if table.is_null() {
        return Err(vm.type_error("translate() missing required argument 'table' (pos 1)"));
    }
    let table = if table.is_none() {
        None
    } else {
        let t = buf_arg(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = if delete.is_null() { Vec::new() } else { buf_arg(vm, delete)? };
    let out = d
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| match &table {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect();
    Ok(make(vm, kind, out))
}

fn b_maketrans(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "bytes", "maketrans", args, kwargs, Arity::Clinic(2, 2))?;
    let from = buf_arg(vm, args[0])?;
    let to = buf_arg(vm, args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (a, b) in from.iter().zip(&to) {
        table[*a as usize] = *b;
    }
    Ok(vm.new_bytes(table))
}

fn b_hex(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (_, d) = recv(vm, args, "hex")?;
    let d = d.into_owned();
    let [sep, per] = kw_args(vm, "hex", &args[1..], kwargs, ["sep", "bytes_per_sep"])?;
    // bytes_per_sep is converted while parsing; sep's length is checked before its type.
    let per = if per.is_null() { 1 } else { arg_index(vm, per)? };
    let sep = if sep.is_null() {
        None
    } else {
        let s: Vec<char> = match (sep.as_rstr(), sep.as_obj().map(|o| &o.payload)) {
            (Some(s), _) => s.chars().collect(),
            (None, Some(Payload::Bytes(b))) => b.iter().map(|&x| x as char).collect(),
            _ => {
                if vm.len(sep)? != 1 {
                    return Err(vm.value_error("sep must be length 1."));
                }
                return Err(vm.type_error("sep must be str or bytes."));
            }
        };
        if s.len() != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        if !s[0].is_ascii() {
            return Err(vm.value_error("sep must be ASCII."));
        }
        Some(s[0])
    };
    let mut out = String::with_capacity(d.len() * 3);
    let n = d.len();
    let group = per.unsigned_abs() as usize;
    for (i, b) in d.iter().enumerate() {
        if i > 0 {
            if let Some(s) = sep {
                // Positive counts group from the right, negative from the left.
                let boundary = if group == 0 {
                    false
                } else if per > 0 {
                    (n - i) % group == 0
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(vm.new_string(out))
}

fn fromhex_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], tyname: &str) -> PyResult<Value> {
    check_args(vm, tyname, "fromhex", &args[1..], kwargs, Arity::One)?;
    let cls = args[0];
    let Some(s) = args[1].as_rstr() else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", vm.arg_type_name(args[1]))));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() || chars[i] == '\x0b' {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => {
                return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")))
            }
            (Some(_), None) => {
                return Err(
                    vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1))
                )
            }
        }
        i += 2;
    }
    let base = if tyname == "bytes" { vm.types.bytes } else { vm.types.bytearray };
    let v = make(vm, if tyname == "bytes" { Kind::Bytes } else { Kind::ByteArray }, out);
    if cls.is(base) {
        Ok(v)
    } else {
        // Subclasses are built through their own constructor, as CPython does.
        vm.call(cls, &[v], &[])
    }
}

fn bytes_fromhex(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    fromhex_impl(vm, args, kwargs, "bytes")
}
fn bytearray_fromhex(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    fromhex_impl(vm, args, kwargs, "bytearray")
}

fn b_decode(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let (_, d) = recv(vm, args, "decode")?;
    let d = d.into_owned();
    let [encoding, errors] = kw_args(vm, "decode", &args[1..], kwargs, ["encoding", "errors"])?;
    let enc = opt_str_param(vm, encoding, "decode", "encoding")?;
    let errs = opt_str_param(vm, errors, "decode", "errors")?;
    let s = crate::types::str_codec::decode(vm, &d, enc.as_deref().unwrap_or("utf-8"), errs.as_deref())?;
    Ok(vm.new_string(s))
}

// ----- bytearray mutators -----

/// The bytearray receiver of a mutating method.
fn this_ba<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a RefCell<Vec<u8>>> {
    args.first().and_then(bytearray_cell).ok_or_else(|| {
        let t = args.first().map_or_else(|| "nothing".to_owned(), |v| vm.type_name(*v));
        vm.type_error(format!("descriptor '{name}' for 'bytearray' objects doesn't apply to a '{t}' object"))
    })
}

fn ba_append(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "append")?;
    check_args(vm, "bytearray", "append", &args[1..], kwargs, Arity::One)?;
    let b = byte_value(vm, args[1])?;
    cell.borrow_mut().push(b);
    Ok(Value::NONE)
}

/// The bytes an iterable of ints (or a bytes-like object) stands for.
fn iterable_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(v) {
        return Ok(b);
    }
    let items = vm.collect(v)?;
    items.into_iter().map(|x| byte_value(vm, x)).collect()
}

fn ba_extend(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "extend")?;
    check_args(vm, "bytearray", "extend", &args[1..], kwargs, Arity::One)?;
    let v = args[1];
    let data = if let Some(b) = bytes_data(v) {
        b
    } else {
        let it = match vm.iter(v) {
            Ok(it) => it,
            Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
                return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_tp_name(v))))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(x) = vm.next(it)? {
            out.push(byte_value(vm, x)?);
        }
        out
    };
    cell.borrow_mut().extend_from_slice(&data);
    Ok(Value::NONE)
}

fn ba_insert(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "insert")?;
    check_args(vm, "bytearray", "insert", &args[1..], kwargs, Arity::Clinic(2, 2))?;
    let i = arg_index(vm, args[1])?;
    let b = byte_value(vm, args[2])?;
    let mut v = cell.borrow_mut();
    let n = v.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(i as usize, b);
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "pop")?;
    check_args(vm, "bytearray", "pop", &args[1..], kwargs, Arity::Clinic(0, 1))?;
    let i = match args.get(1) {
        Some(&x) => arg_index(vm, x)?,
        None => -1,
    };
    let mut v = cell.borrow_mut();
    if v.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = v.len() as i64;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = v.remove(i as usize);
    Ok(vm.new_int(b as i64))
}

fn ba_remove(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "remove")?;
    check_args(vm, "bytearray", "remove", &args[1..], kwargs, Arity::One)?;
    let b = byte_value(vm, args[1])?;
    let mut v = cell.borrow_mut();
    match v.iter().position(|&x| x == b) {
        Some(i) => {
            v.remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "reverse")?;
    check_args(vm, "bytearray", "reverse", &args[1..], kwargs, Arity::Zero)?;
    cell.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn ba_clear(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "clear")?;
    check_args(vm, "bytearray", "clear", &args[1..], kwargs, Arity::Zero)?;
    cell.borrow_mut().clear();
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "copy")?;
    check_args(vm, "bytearray", "copy", &args[1..], kwargs, Arity::Zero)?;
    let d = cell.borrow().clone();
    Ok(new_bytearray(vm, d))
}

fn ba_alloc(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "__alloc__")?;
    check_args(vm, "bytearray", "__alloc__", &args[1..], kwargs, Arity::Zero)?;
    let n = cell.borrow().len();
    Ok(vm.new_int(if n == 0 { 0 } else { n as i64 + 1 }))
}

fn ba_setitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "__setitem__")?;
    check_args(vm, "bytearray", "__setitem__", &args[1..], kwargs, Arity::Wrapper(2))?;
    let (key, value) = (args[1], args[2]);
    if slice::is_slice(key) {
        let data = if let Some(b) = bytes_data(value) {
            b
        } else if value.as_pystr().is_some() || slice::has_index(vm, value) {
            return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
        } else {
            match iterable_bytes(vm, value) {
                Ok(b) => b,
                Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
                    return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"))
                }
                Err(e) => return Err(e),
            }
        };
        let len = cell.borrow().len();
        let (start, stop, step, n) = slice::indices(vm, key, len)?;
        let mut v = cell.borrow_mut();
        if step == 1 {
            let start = start as usize;
            let stop = (stop.max(start as isize)) as usize;
            v.splice(start..stop, data);
        } else {
            if data.len() != n {
                return Err(vm.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    data.len()
                )));
            }
            for (k, b) in data.into_iter().enumerate() {
                v[(start + k as isize * step) as usize] = b;
            }
        }
        return Ok(Value::NONE);
    }
    let Some(i) = slice::seq_index(vm, key)? else {
        return Err(
            vm.type_error(format!("bytearray indices must be integers or slices, not {}", vm.type_tp_name(key)))
        );
    };
    let b = byte_value(vm, value)?;
    let mut v = cell.borrow_mut();
    let n = v.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(vm.index_error("bytearray index out of range"));
    }
    v[i as usize] = b;
    Ok(Value::NONE)
}

fn ba_delitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "__delitem__")?;
    check_args(vm, "bytearray", "__delitem__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let key = args[1];
    if slice::is_slice(key) {
        let len = cell.borrow().len();
        let (start, _, step, n) = slice::indices(vm, key, len)?;
        let mut doomed: Vec<usize> = (0..n).map(|k| (start + k as isize * step) as usize).collect();
        doomed.sort_unstable();
        let mut v = cell.borrow_mut();
        let mut di = 0;
        let mut idx = 0;
        v.retain(|_| {
            let keep = !(di < doomed.len() && doomed[di] == idx);
            if !keep {
                di += 1;
            }
            idx += 1;
            keep
        });
        return Ok(Value::NONE);
    }
    let Some(i) = slice::seq_index(vm, key)? else {
        return Err(
            vm.type_error(format!("bytearray indices must be integers or slices, not {}", vm.type_tp_name(key)))
        );
    };
    let mut v = cell.borrow_mut();
    let n = v.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(vm.index_error("bytearray index out of range"));
    }
    v.remove(i as usize);
    Ok(Value::NONE)
}

fn ba_iadd(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "__iadd__")?;
    check_args(vm, "bytearray", "__iadd__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let Some(o) = bytes_data(args[1]) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_tp_name(args[1]))));
    };
    cell.borrow_mut().extend_from_slice(&o);
    Ok(args[0])
}

fn ba_imul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cell = this_ba(vm, args, "__imul__")?;
    check_args(vm, "bytearray", "__imul__", &args[1..], kwargs, Arity::Wrapper(1))?;
    let Some(n) = repeat_count(vm, args[1])? else {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_tp_name(args[1]))));
    };
    let d = cell.borrow().clone();
    let out = repeat(vm, &d, n)?;
    *cell.borrow_mut() = out;
    Ok(args[0])
}

/// Registers `bytes`, `bytearray` and their iterators.
pub fn init(vm: &mut Vm) {
    let (b, ba) = (vm.types.bytes, vm.types.bytearray);
    vm.add_staticmethod(b, "__new__", bytes_new);
    vm.add_staticmethod(ba, "__new__", bytearray_new);
    vm.add_method(ba, "__init__", bytearray_init);
    let shared: &[(&'static str, crate::vm::NativeFn)] = &[
        ("__len__", b_len),
        ("__getitem__", b_getitem),
        ("__contains__", b_contains),
        ("__iter__", b_iter),
        ("__add__", b_add),
        ("__mul__", b_mul),
        ("__rmul__", b_rmul),
        ("__mod__", b_mod),
        ("__rmod__", b_rmod),
        ("__eq__", b_eq),
        ("__ne__", b_ne),
        ("__lt__", b_lt),
        ("__le__", b_le),
        ("__gt__", b_gt),
        ("__ge__", b_ge),
        ("__repr__", b_repr),
        ("__str__", b_str),
        ("__sizeof__", b_sizeof),
        ("capitalize", b_capitalize),
        ("center", b_center),
        ("count", b_count),
        ("decode", b_decode),
        ("endswith", b_endswith),
        ("expandtabs", b_expandtabs),
        ("find", b_find),
        ("hex", b_hex),
        ("index", b_index),
        ("isalnum", b_isalnum),
        ("isalpha", b_isalpha),
        ("isascii", b_isascii),
        ("isdigit", b_isdigit),
        ("islower", b_islower),
        ("isspace", b_isspace),
        ("istitle", b_istitle),
        ("isupper", b_isupper),
        ("join", b_join),
        ("ljust", b_ljust),
        ("lower", b_lower),
        ("lstrip", b_lstrip),
        ("partition", b_partition),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("replace", b_replace),
        ("rfind", b_rfind),
        ("rindex", b_rindex),
        ("rjust", b_rjust),
        ("rpartition", b_rpartition),
        ("rsplit", b_rsplit),
        ("rstrip", b_rstrip),
        ("split", b_split),
        ("splitlines", b_splitlines),
        ("startswith", b_startswith),
        ("strip", b_strip),
        ("swapcase", b_swapcase),
        ("title", b_title),
        ("translate", b_translate),
        ("upper", b_upper),
        ("zfill", b_zfill),
    ];
    for &(name, f) in shared {
        vm.add_method(b, name, f);
        vm.add_method(ba, name, f);
    }
    vm.add_staticmethod(b, "maketrans", b_maketrans);
    vm.add_staticmethod(ba, "maketrans", b_maketrans);
    vm.add_classmethod(b, "fromhex", bytes_fromhex);
    vm.add_classmethod(ba, "fromhex", bytearray_fromhex);
    vm.add_method(b, "__hash__", b_hash);
    vm.add_method(b, "__bytes__", b_bytes);
    vm.add_method(b, "__getnewargs__", b_getnewargs);
    let hash_key = vm.intern("__hash__");
    vm.set_class_or_module_attr(ba, hash_key, Value::NONE);
    let mutators: &[(&'static str, crate::vm::NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("insert", ba_insert),
        ("pop", ba_pop),
        ("remove", ba_remove),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("__alloc__", ba_alloc),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__iadd__", ba_iadd),
        ("__imul__", ba_imul),
    ];
    for &(name, f) in mutators {
        vm.add_method(ba, name, f);
    }

    for name in ["bytes_iterator", "bytearray_iterator"] {
        let it = vm.new_builtin_class(name, vm.types.object, Layout::Other, 0);
        vm.add_method(it, "__iter__", iter_self);
        vm.add_method(it, "__next__", iter_next);
        vm.add_method(it, "__length_hint__", iter_length_hint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithms() {
        assert_eq!(find_sub(b"hello", b"ll"), Some(2));
        assert_eq!(rfind_sub(b"abab", b"ab"), Some(2));
        assert_eq!(count_sub(b"aaaa", b"aa"), 2);
        assert_eq!(count_sub(b"ab", b""), 3);
        assert_eq!(split_sub(b"a,b,,c", b",", None), vec![&b"a"[..], b"b", b"", b"c"]);
        assert_eq!(split_sub(b"a,b,c", b",", Some(1)), vec![&b"a"[..], b"b,c"]);
        assert_eq!(rsplit_sub(b"a,b,c", b",", Some(1)), vec![&b"a,b"[..], b"c"]);
        assert_eq!(replace_sub(b"abc", b"", b"-", None), b"-a-b-c-");
        assert_eq!(replace_sub(b"abc", b"", b"-", Some(2)), b"-a-bc");
        assert_eq!(replace_sub(b"aXbXc", b"X", b"--", Some(1)), b"a--bXc");
        assert_eq!(title_bytes(b"hello wORLD"), b"Hello World");
    }

    #[test]
    fn reprs() {
        assert_eq!(bytes_repr(b"abc"), "b'abc'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"\x00\n\t\r\\\x7f\x80'\""), "b'\\x00\\n\\t\\r\\\\\\x7f\\x80\\'\"'");
    }
}
