//! `array`: typed arrays of numbers (and UCS-4 characters for `'u'`), stored as their raw
//! native bytes so `tobytes`/`frombytes`/`byteswap` and the struct module see CPython's
//! layout.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::cfg::CmpOp;
use crate::impl_native;
use crate::object::{class_flags, Layout, Payload};
use crate::types::slice;
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

use super::helpers_b::ssize_arg;
use super::{nargs, native, new_class, set, this};

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub struct Array {
    pub tc: u8,
    pub itemsize: usize,
    pub data: RefCell<Vec<u8>>,
}
impl_native!(Array, |s, visit| {});

fn itemsize_of(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

impl Array {
    pub fn new(tc: u8) -> Array {
        Array { tc, itemsize: itemsize_of(tc), data: RefCell::new(Vec::new()) }
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len() / self.itemsize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn byte_len(&self) -> usize {
        self.data.borrow().len()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }

    /// Overwrites bytes at `off` (within the current length).
    pub fn write_bytes(&self, off: usize, b: &[u8]) {
        let mut d = self.data.borrow_mut();
        if off + b.len() <= d.len() {
            d[off..off + b.len()].copy_from_slice(b);
        }
    }

    fn raw(&self, i: usize) -> Vec<u8> {
        let s = self.itemsize;
        self.data.borrow()[i * s..(i + 1) * s].to_vec()
    }
}

fn le_u64(b: &[u8]) -> u64 {
    let mut x = [0u8; 8];
    x[..b.len()].copy_from_slice(b);
    u64::from_le_bytes(x)
}

/// The Python value of one item's bytes.
fn decode(vm: &mut Vm, tc: u8, b: &[u8]) -> Value {
    let u = le_u64(b);
    match tc {
        b'b' => vm.new_int(u as u8 as i8 as i64),
        b'B' => vm.new_int(u as u8 as i64),
        b'h' => vm.new_int(u as u16 as i16 as i64),
        b'H' => vm.new_int(u as u16 as i64),
        b'i' => vm.new_int(u as u32 as i32 as i64),
        b'I' => vm.new_int(u as u32 as i64),
        b'l' | b'q' => vm.new_int(u as i64),
        b'L' | b'Q' => {
            if u > i64::MAX as u64 {
                vm.new_bigint(BigInt::from(u))
            } else {
                vm.new_int(u as i64)
            }
        }
        b'f' => Value::float(f32::from_bits(u as u32) as f64),
        b'd' => Value::float(f64::from_bits(u)),
        _ => {
            let c = char::from_u32(u as u32).unwrap_or('\u{fffd}');
            crate::types::str::char_str(vm, c)
        }
    }
}

/// A C `long` from an integer-like value (`PyLong_AsLong` through `__index__`).
fn c_long(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let Some(b) = slice::index_of(vm, v)? else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v))));
    };
    b.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

fn c_index(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match slice::index_of(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))),
    }
}

fn range_check(vm: &Vm, x: i64, lo: i64, hi: i64, what: &str) -> PyResult<()> {
    if x < lo {
        return Err(vm.overflow_error(format!("{what} is less than minimum")));
    }
    if x > hi {
        return Err(vm.overflow_error(format!("{what} is greater than maximum")));
    }
    Ok(())
}

/// The bytes of `v` as an item of type `tc`, with CPython's conversion errors.
fn encode(vm: &mut Vm, tc: u8, v: Value) -> PyResult<u64> {
    Ok(match tc {
        b'b' => {
            let x = c_long(vm, v)?;
            range_check(vm, x, -32768, 32767, "signed short integer")?;
            range_check(vm, x, -128, 127, "signed char")?;
            x as u8 as u64
        }
        b'B' => {
            let x = c_long(vm, v)?;
            range_check(vm, x, 0, 255, "unsigned byte integer")?;
            x as u64
        }
        b'h' => {
            let x = c_long(vm, v)?;
            range_check(vm, x, -32768, 32767, "signed short integer")?;
            x as u16 as u64
        }
        b'H' => {
            let x = c_long(vm, v)?;
            range_check(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            range_check(vm, x, 0, 65535, "unsigned short")?;
            x as u64
        }
        b'i' => {
            let x = c_long(vm, v)?;
            range_check(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            x as u32 as u64
        }
        b'l' => c_long(vm, v)? as u64,
        b'I' | b'L' => {
            let b = c_index(vm, v)?;
            if b.is_negative() {
                return Err(vm.overflow_error("can't convert negative value to unsigned int"));
            }
            let x =
                b.to_u64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C unsigned long"))?;
            if tc == b'I' && x > u32::MAX as u64 {
                return Err(vm.overflow_error("unsigned int is greater than maximum"));
            }
            x
        }
        b'q' => {
            let b = c_index(vm, v)?;
            b.to_i64().ok_or_else(|| vm.overflow_error("int too big to convert"))? as u64
        }
        b'Q' => {
            let b = c_index(vm, v)?;
            if b.is_negative() {
                return Err(vm.overflow_error("can't convert negative int to unsigned"));
            }
            b.to_u64().ok_or_else(|| vm.overflow_error("int too big to convert"))?
        }
        b'f' => (vm.to_f64(v)? as f32).to_bits() as u64,
        b'd' => vm.to_f64(v)?.to_bits(),
        _ => {
            let c = v.as_rstr().and_then(|s| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            });
            match c {
                Some(c) => c as u64,
                None => return Err(vm.type_error("array item must be unicode character")),
            }
        }
    })
}

fn push_encoded(a: &Array, x: u64, out: &mut Vec<u8>) {
    out.extend_from_slice(&x.to_le_bytes()[..a.itemsize]);
}

fn array_class(vm: &Vm) -> Value {
    vm.state.borrow().get("array.array").copied().unwrap_or(vm.types.object)
}

fn new_array(vm: &Vm, cls: Value, tc: u8, data: Vec<u8>) -> Value {
    let a = Array::new(tc);
    *a.data.borrow_mut() = data;
    vm.new_native(cls, a)
}

const OWNER: &str = "array.array";

fn arr<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Array> {
    this::<Array>(vm, args, method, OWNER)
}

/// Appends every item of `iterable` (converted) to `a`.
fn extend_iter(vm: &mut Vm, a: &Array, iterable: Value) -> PyResult<()> {
    let it = vm.iter(iterable)?;
    while let Some(v) = vm.next(it)? {
        let x = encode(vm, a.tc, v)?;
        let mut d = a.data.borrow_mut();
        let bytes = x.to_le_bytes();
        d.extend_from_slice(&bytes[..a.itemsize]);
    }
    Ok(())
}

fn frombytes_impl(vm: &Vm, a: &Array, b: &[u8]) -> PyResult<()> {
    if !b.len().is_multiple_of(a.itemsize) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    a.data.borrow_mut().extend_from_slice(b);
    Ok(())
}

fn array_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if !kw.is_empty() && cls.is(array_class(vm)) {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if rest.len() > 2 {
        return Err(vm.type_error(format!("array() takes at most 2 arguments ({} given)", rest.len())));
    }
    let tcv = rest[0];
    let tc = match tcv.as_rstr() {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('\0'),
        _ => {
            let what = if tcv.as_pystr().is_some() { "str".to_owned() } else { vm.type_name(tcv) };
            return Err(vm.type_error(format!("array() argument 1 must be a unicode character, not {what}")));
        }
    };
    if !tc.is_ascii() || !TYPECODES.contains(tc) {
        return Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let tc = tc as u8;
    let a = Array::new(tc);
    if let Some(&init) = rest.get(1) {
        if let Some(s) = init.as_rstr() {
            if tc != b'u' {
                return Err(
                    vm.type_error(format!("cannot use a str to initialize an array with typecode '{}'", tc as char))
                );
            }
            let mut d = a.data.borrow_mut();
            for c in s.chars() {
                d.extend_from_slice(&(c as u32).to_le_bytes());
            }
        } else if let Some(src) = native::<Array>(&init) {
            if src.tc == tc {
                *a.data.borrow_mut() = src.to_bytes();
            } else if src.tc == b'u' || tc == b'u' {
                return Err(vm.type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    tc as char
                )));
            } else {
                extend_iter(vm, &a, init)?;
            }
        } else if let Some(Payload::Bytes(b)) = init.as_obj().map(|o| &o.payload) {
            let b = b.to_vec();
            frombytes_impl(vm, &a, &b)?;
        } else if let Some(Payload::ByteArray(b)) = init.as_obj().map(|o| &o.payload) {
            let b = b.borrow().clone();
            frombytes_impl(vm, &a, &b)?;
        } else {
            extend_iter(vm, &a, init)?;
        }
    }
    Ok(vm.new_native(cls, a))
}

fn array_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__repr__")?;
    let name = vm.type_name(args[0]);
    let tc = a.tc as char;
    if a.is_empty() {
        return Ok(vm.new_string(format!("{name}('{tc}')")));
    }
    let inner = if a.tc == b'u' {
        let s = unicode_of(a);
        let sv = vm.new_string(s);
        vm.repr_string(sv)?
    } else {
        let items = tolist_impl(vm, a);
        let l = vm.new_list(items);
        vm.repr_string(l)?
    };
    Ok(vm.new_string(format!("{name}('{tc}', {inner})")))
}

fn unicode_of(a: &Array) -> String {
    a.data
        .borrow()
        .chunks(4)
        .map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect()
}

fn tolist_impl(vm: &mut Vm, a: &Array) -> Vec<Value> {
    let data = a.data.borrow().clone();
    data.chunks(a.itemsize).map(|c| decode(vm, a.tc, c)).collect()
}

fn array_tolist(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "tolist", &args[1..], kw, 0, 0)?;
    let a = arr(vm, args, "tolist")?;
    let items = tolist_impl(vm, a);
    Ok(vm.new_list(items))
}

fn array_tobytes(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "tobytes", &args[1..], kw, 0, 0)?;
    let a = arr(vm, args, "tobytes")?;
    Ok(vm.new_bytes(a.to_bytes()))
}

fn array_frombytes(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "frombytes", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "frombytes")?;
    let b = super::r#struct::read_buffer(vm, args[1])?;
    frombytes_impl(vm, a, &b)?;
    Ok(Value::NONE)
}

fn array_fromlist(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "fromlist", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "fromlist")?;
    let Some(l) = args[1].as_list() else {
        return Err(vm.type_error("arg must be list"));
    };
    let items = l.borrow().clone();
    // All or nothing: convert first, then append.
    let mut out = Vec::with_capacity(items.len() * a.itemsize);
    for v in items {
        let x = encode(vm, a.tc, v)?;
        push_encoded(a, x, &mut out);
    }
    a.data.borrow_mut().extend_from_slice(&out);
    Ok(Value::NONE)
}

fn array_fromunicode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "fromunicode", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "fromunicode")?;
    let Some(s) = args[1].as_rstr() else {
        return Err(vm.type_error(format!("fromunicode() argument must be str, not {}", vm.arg_type_name(args[1]))));
    };
    if a.tc != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let mut d = a.data.borrow_mut();
    for c in s.chars() {
        d.extend_from_slice(&(c as u32).to_le_bytes());
    }
    Ok(Value::NONE)
}

fn array_tounicode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "tounicode", &args[1..], kw, 0, 0)?;
    let a = arr(vm, args, "tounicode")?;
    if a.tc != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    Ok(vm.new_string(unicode_of(a)))
}

fn array_append(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "append", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "append")?;
    let x = encode(vm, a.tc, args[1])?;
    let mut d = a.data.borrow_mut();
    d.extend_from_slice(&x.to_le_bytes()[..a.itemsize]);
    Ok(Value::NONE)
}

fn extend_impl(vm: &mut Vm, a: &Array, other: Value) -> PyResult<()> {
    if let Some(b) = native::<Array>(&other) {
        if b.tc != a.tc {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let bytes = b.to_bytes();
        a.data.borrow_mut().extend_from_slice(&bytes);
        return Ok(());
    }
    extend_iter(vm, a, other)
}

fn array_extend(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "extend", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "extend")?;
    extend_impl(vm, a, args[1])?;
    Ok(Value::NONE)
}

fn array_iadd(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__iadd__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    if native::<Array>(&other).is_none() {
        return Err(vm.type_error(format!("can only extend array with array (not \"{}\")", vm.type_tp_name(other))));
    }
    extend_impl(vm, a, other)?;
    Ok(args[0])
}

fn array_add(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__add__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(b) = native::<Array>(&other) else {
        return Err(vm.type_error(format!("can only append array (not \"{}\") to array", vm.type_tp_name(other))));
    };
    if a.tc != b.tc {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut data = a.to_bytes();
    data.extend_from_slice(&b.to_bytes());
    let cls = array_class(vm);
    Ok(new_array(vm, cls, a.tc, data))
}

fn repeat_n(vm: &mut Vm, n: Value) -> PyResult<Option<isize>> {
    if !slice::has_index(vm, n) {
        return Ok(None);
    }
    Ok(Some(ssize_arg(vm, n)?))
}

fn array_mul(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__mul__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(n) = repeat_n(vm, other)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let src = a.to_bytes();
    let n = n.max(0) as usize;
    if src.len().checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
        return Err(vm.err(vm.exc.memory_error, ""));
    }
    let data = src.repeat(n);
    let cls = array_class(vm);
    Ok(new_array(vm, cls, a.tc, data))
}

fn array_imul(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__imul__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(n) = repeat_n(vm, other)? else {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_tp_name(other))));
    };
    let src = a.to_bytes();
    let n = n.max(0) as usize;
    if src.len().checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
        return Err(vm.err(vm.exc.memory_error, ""));
    }
    *a.data.borrow_mut() = src.repeat(n);
    Ok(args[0])
}

fn index_arg(vm: &mut Vm, a: &Array, key: Value, msg: &str) -> PyResult<usize> {
    let i = ssize_arg(vm, key)?;
    let n = a.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error(msg.to_owned()));
    }
    Ok(j as usize)
}

fn array_getitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__getitem__", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "__getitem__")?;
    let key = args[1];
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(vm, key, a.len())?;
        let s = a.itemsize;
        let d = a.data.borrow();
        let mut out = Vec::with_capacity(n * s);
        let mut i = start;
        for _ in 0..n {
            let p = i as usize * s;
            out.extend_from_slice(&d[p..p + s]);
            i += step;
        }
        drop(d);
        let cls = array_class(vm);
        return Ok(new_array(vm, cls, a.tc, out));
    }
    if !slice::has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_arg(vm, a, key, "array index out of range")?;
    let b = a.raw(i);
    Ok(decode(vm, a.tc, &b))
}

fn array_setitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__setitem__", &args[1..], kw, 2, 2)?;
    let a = arr(vm, args, "__setitem__")?;
    let (key, value) = (args[1], args[2]);
    let s = a.itemsize;
    if slice::is_slice(key) {
        let Some(b) = native::<Array>(&value) else {
            return Err(
                vm.type_error(format!("can only assign array (not \"{}\") to array slice", vm.type_tp_name(value)))
            );
        };
        if b.tc != a.tc {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let src = b.to_bytes();
        let (start, stop, step, n) = slice::indices(vm, key, a.len())?;
        let mut d = a.data.borrow_mut();
        if step == 1 {
            let len = (d.len() / s) as isize;
            let lo = start.clamp(0, len) as usize;
            let hi = stop.clamp(lo as isize, len) as usize;
            d.splice(lo * s..hi * s, src);
            return Ok(Value::NONE);
        }
        let m = src.len() / s;
        if m != n {
            return Err(vm.value_error(format!("attempt to assign array of size {m} to extended slice of size {n}")));
        }
        let mut i = start;
        for k in 0..n {
            let p = i as usize * s;
            d[p..p + s].copy_from_slice(&src[k * s..(k + 1) * s]);
            i += step;
        }
        return Ok(Value::NONE);
    }
    if !slice::has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_arg(vm, a, key, "array assignment index out of range")?;
    let x = encode(vm, a.tc, value)?;
    let mut d = a.data.borrow_mut();
    if (i + 1) * s <= d.len() {
        d[i * s..(i + 1) * s].copy_from_slice(&x.to_le_bytes()[..s]);
    }
    Ok(Value::NONE)
}

fn array_delitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__delitem__", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "__delitem__")?;
    let key = args[1];
    let s = a.itemsize;
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(vm, key, a.len())?;
        let mut positions: Vec<usize> = (0..n).map(|k| (start + step * k as isize) as usize).collect();
        positions.sort_unstable();
        let mut d = a.data.borrow_mut();
        let old = std::mem::take(&mut *d);
        let mut drop_i = positions.into_iter().peekable();
        for (i, chunk) in old.chunks(s).enumerate() {
            if drop_i.peek() == Some(&i) {
                drop_i.next();
                continue;
            }
            d.extend_from_slice(chunk);
        }
        return Ok(Value::NONE);
    }
    if !slice::has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_arg(vm, a, key, "array assignment index out of range")?;
    a.data.borrow_mut().drain(i * s..(i + 1) * s);
    Ok(Value::NONE)
}

fn array_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__len__")?;
    Ok(vm.new_int(a.len() as i64))
}

fn item_at(vm: &mut Vm, a: &Array, i: usize) -> Option<Value> {
    if i >= a.len() {
        return None;
    }
    let b = a.raw(i);
    Some(decode(vm, a.tc, &b))
}

fn array_contains(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__contains__", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "__contains__")?;
    let mut i = 0;
    while let Some(v) = item_at(vm, a, i) {
        if vm.eq(v, args[1])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn array_count(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "count", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = item_at(vm, a, i) {
        if vm.eq(v, args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn array_index(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "index", &args[1..], kw, 1, 3)?;
    let a = arr(vm, args, "index")?;
    let len = a.len();
    let (start, stop) = crate::types::tuple::index_bounds(
        vm,
        args.get(2).copied().unwrap_or(Value::NULL),
        args.get(3).copied().unwrap_or(Value::NULL),
        len,
    )?;
    let mut i = start;
    while i < stop {
        let Some(v) = item_at(vm, a, i) else { break };
        if vm.eq(v, args[1])? {
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    Err(vm.value_error("array.index(x): x not in array"))
}

fn array_remove(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "remove", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "remove")?;
    let mut i = 0;
    while let Some(v) = item_at(vm, a, i) {
        if vm.eq(v, args[1])? {
            let s = a.itemsize;
            a.data.borrow_mut().drain(i * s..(i + 1) * s);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("array.remove(x): x not in array"))
}

fn array_pop(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "pop", &args[1..], kw, 0, 1)?;
    let a = arr(vm, args, "pop")?;
    if a.is_empty() {
        return Err(vm.index_error("pop from empty array"));
    }
    let key = args.get(1).copied().unwrap_or(Value::small_int(-1).unwrap_or(Value::NONE));
    let i = index_arg(vm, a, key, "pop index out of range")?;
    let b = a.raw(i);
    let v = decode(vm, a.tc, &b);
    let s = a.itemsize;
    a.data.borrow_mut().drain(i * s..(i + 1) * s);
    Ok(v)
}

fn array_insert(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "insert", &args[1..], kw, 2, 2)?;
    let a = arr(vm, args, "insert")?;
    let i = ssize_arg(vm, args[1])?;
    let x = encode(vm, a.tc, args[2])?;
    let n = a.len() as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let s = a.itemsize;
    let bytes = x.to_le_bytes();
    a.data.borrow_mut().splice(j * s..j * s, bytes[..s].iter().copied());
    Ok(Value::NONE)
}

fn array_reverse(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "reverse", &args[1..], kw, 0, 0)?;
    let a = arr(vm, args, "reverse")?;
    let s = a.itemsize;
    let old = a.to_bytes();
    let mut out = Vec::with_capacity(old.len());
    for chunk in old.chunks(s).rev() {
        out.extend_from_slice(chunk);
    }
    *a.data.borrow_mut() = out;
    Ok(Value::NONE)
}

fn array_byteswap(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "byteswap", &args[1..], kw, 0, 0)?;
    let a = arr(vm, args, "byteswap")?;
    let s = a.itemsize;
    for chunk in a.data.borrow_mut().chunks_mut(s) {
        chunk.reverse();
    }
    Ok(Value::NONE)
}

fn array_buffer_info(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "buffer_info", &args[1..], kw, 0, 0)?;
    let a = arr(vm, args, "buffer_info")?;
    let addr = a.data.borrow().as_ptr() as usize as i64;
    let addr = vm.new_int(addr);
    let n = vm.new_int(a.len() as i64);
    Ok(vm.new_tuple(vec![addr, n]))
}

fn array_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__copy__")?;
    let cls = array_class(vm);
    Ok(new_array(vm, cls, a.tc, a.to_bytes()))
}

fn array_tofile(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "tofile", &args[1..], kw, 1, 1)?;
    let a = arr(vm, args, "tofile")?;
    let b = vm.new_bytes(a.to_bytes());
    vm.call_method(args[1], "write", &[b])?;
    Ok(Value::NONE)
}

fn array_fromfile(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "fromfile", &args[1..], kw, 2, 2)?;
    let a = arr(vm, args, "fromfile")?;
    let n = ssize_arg(vm, args[2])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let want = n as usize * a.itemsize;
    let wv = vm.new_int(want as i64);
    let b = vm.call_method(args[1], "read", &[wv])?;
    let Some(data) = crate::types::bytes::bytes_data(b) else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let whole = data.len() / a.itemsize * a.itemsize;
    a.data.borrow_mut().extend_from_slice(&data[..whole]);
    if data.len() != want {
        return Err(vm.err(vm.exc.eof_error, "read() didn't return enough bytes"));
    }
    Ok(Value::NONE)
}

fn array_reduce_ex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "__reduce_ex__")?;
    let cls = vm.type_of(args[0]);
    let tc = vm.new_string((a.tc as char).to_string());
    let items = tolist_impl(vm, a);
    let l = vm.new_list(items);
    let t = vm.new_tuple(vec![tc, l]);
    Ok(vm.new_tuple(vec![cls, t, Value::NONE]))
}

fn array_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = arr(vm, args, "__eq__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(b) = native::<Array>(&other) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    let xa = tolist_impl(vm, a);
    let xb = tolist_impl(vm, b);
    crate::types::tuple::compare_slices(vm, &xa, &xb, op)
}

macro_rules! array_cmps {
    ($($name:ident, $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                array_cmp(vm, args, $op)
            }
        )*
    };
}
array_cmps! {
    array_lt, CmpOp::Lt;
    array_le, CmpOp::Le;
    array_eq, CmpOp::Eq;
    array_ne, CmpOp::Ne;
    array_gt, CmpOp::Gt;
    array_ge, CmpOp::Ge;
}

fn array_typecode(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "typecode")?;
    Ok(vm.new_string((a.tc as char).to_string()))
}

fn array_itemsize(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = arr(vm, args, "itemsize")?;
    Ok(vm.new_int(a.itemsize as i64))
}

// iterator

pub struct ArrayIter {
    pub array: Value,
    pub index: Cell<usize>,
}
impl_native!(ArrayIter, |s, visit| { visit(s.array) });

fn array_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arr(vm, args, "__iter__")?;
    let cls = vm.state.borrow().get("array.arrayiterator").copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, ArrayIter { array: args[0], index: Cell::new(0) }))
}

fn arrayiter_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = this::<ArrayIter>(vm, args, "__next__", "array.arrayiterator")?;
    let Some(a) = native::<Array>(&it.array) else {
        return Err(vm.stop_iteration(Value::NONE));
    };
    let i = it.index.get();
    match item_at(vm, a, i) {
        Some(v) => {
            it.index.set(i + 1);
            Ok(v)
        }
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = vm.new_module("array");
    let c = new_class(vm, "array", "array", vm.types.object, Layout::Other, class_flags::BASETYPE);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__repr__", array_repr),
        ("tolist", array_tolist),
        ("tobytes", array_tobytes),
        ("frombytes", array_frombytes),
        ("fromlist", array_fromlist),
        ("fromunicode", array_fromunicode),
        ("tounicode", array_tounicode),
        ("append", array_append),
        ("extend", array_extend),
        ("__iadd__", array_iadd),
        ("__add__", array_add),
        ("__mul__", array_mul),
        ("__rmul__", array_mul),
        ("__imul__", array_imul),
        ("__getitem__", array_getitem),
        ("__setitem__", array_setitem),
        ("__delitem__", array_delitem),
        ("__len__", array_len),
        ("__contains__", array_contains),
        ("__iter__", array_iter),
        ("count", array_count),
        ("index", array_index),
        ("remove", array_remove),
        ("pop", array_pop),
        ("insert", array_insert),
        ("reverse", array_reverse),
        ("byteswap", array_byteswap),
        ("buffer_info", array_buffer_info),
        ("__copy__", array_copy),
        ("__deepcopy__", array_copy),
        ("tofile", array_tofile),
        ("fromfile", array_fromfile),
        ("__reduce_ex__", array_reduce_ex),
        ("__lt__", array_lt),
        ("__le__", array_le),
        ("__eq__", array_eq),
        ("__ne__", array_ne),
        ("__gt__", array_gt),
        ("__ge__", array_ge),
    ];
    for &(n, f) in methods {
        vm.add_method(c, n, f);
    }
    vm.add_staticmethod(c, "__new__", array_new);
    vm.add_getter(c, "typecode", array_typecode);
    vm.add_getter(c, "itemsize", array_itemsize);
    vm.add_classmethod(c, "__class_getitem__", crate::eval::descr::class_getitem_generic);
    set(vm, c, "__hash__", Value::NONE);
    set(vm, m, "array", c);
    set(vm, m, "ArrayType", c);
    vm.state.borrow_mut().insert("array.array", c);
    let tcs = vm.new_str(TYPECODES);
    set(vm, m, "typecodes", tcs);
    let it = new_class(vm, "array", "arrayiterator", vm.types.object, Layout::Other, 0);
    vm.add_method(it, "__iter__", iter_self);
    vm.add_method(it, "__next__", arrayiter_next);
    vm.state.borrow_mut().insert("array.arrayiterator", it);
    Ok(m)
}
