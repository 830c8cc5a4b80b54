//! `_struct`: `pack`, `unpack`, `calcsize`, `pack_into`, `unpack_from`, `iter_unpack`,
//! the `Struct` class and `struct.error`, with CPython's byte-order, size and alignment
//! rules and its (rather intricate) error messages.

use std::cell::Cell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::impl_native;
use crate::object::{class_flags, Layout, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::helpers_b::ssize_arg;
use super::{native, new_class, set, this};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// `@`: native sizes, alignment and byte order.
    Native,
    /// `<` or `=` (this machine is little-endian): standard sizes, no alignment.
    Little,
    /// `>` or `!`: standard sizes, big-endian.
    Big,
}

#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub fmt: u8,
    /// Byte offset of the first item.
    pub offset: usize,
    /// For `s`/`p`: the byte length; otherwise the item count.
    pub count: usize,
    pub size: usize,
}

/// A compiled format.
#[derive(Clone, Debug)]
pub struct Format {
    pub mode: Mode,
    pub codes: Vec<Code>,
    pub size: usize,
    /// Number of values packed/unpacked.
    pub len: usize,
}

fn struct_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    let cls = vm.state.borrow().get("struct.error").copied().unwrap_or(vm.exc.exception);
    vm.err(cls, msg)
}

/// (size, alignment) of a format character, or None when it is not valid in `mode`.
fn item_size(mode: Mode, c: u8) -> Option<usize> {
    Some(match (mode, c) {
        (_, b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p') => 1,
        (_, b'h' | b'H' | b'e') => 2,
        (_, b'i' | b'I' | b'f') => 4,
        (_, b'q' | b'Q' | b'd') => 8,
        (Mode::Native, b'l' | b'L' | b'n' | b'N' | b'P') => 8,
        (_, b'l' | b'L') => 4,
        _ => return None,
    })
}

pub fn compile(vm: &Vm, fmt: &[u8]) -> PyResult<Format> {
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'<' | b'=') => (Mode::Little, &fmt[1..]),
        Some(b'>' | b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let overflow = || struct_error(vm, "total struct size too long");
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut len = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num: usize = 1;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(struct_error(vm, "repeat count given without format specifier"));
                };
                i += 1;
                if d.is_ascii_digit() {
                    num = num.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)).ok_or_else(overflow)?;
                    if num > isize::MAX as usize {
                        return Err(overflow());
                    }
                } else {
                    c = d;
                    break;
                }
            }
        }
        let Some(isz) = item_size(mode, c) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if mode == Mode::Native && c != b's' && c != b'p' && c != b'x' && isz > 1 {
            size = size.checked_add(isz - 1).ok_or_else(overflow)? / isz * isz;
        }
        let total = num.checked_mul(isz).and_then(|t| t.checked_add(size)).ok_or_else(overflow)?;
        if total > isize::MAX as usize {
            return Err(overflow());
        }
        match c {
            b's' | b'p' => {
                codes.push(Code { fmt: c, offset: size, count: num, size: num });
                len += 1;
            }
            b'x' => {}
            _ => {
                if num > 0 {
                    codes.push(Code { fmt: c, offset: size, count: num, size: isz });
                    len += num;
                }
            }
        }
        size = total;
    }
    Ok(Format { mode, codes, size, len })
}

/// The format argument as bytes (str or bytes).
fn format_bytes(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_rstr() {
        if !s.is_ascii() {
            return Err(struct_error(vm, "bad char in struct format"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(Payload::Bytes(b)) = v.as_obj().map(|o| &o.payload) {
        return Ok(b.to_vec());
    }
    Err(vm.type_error(format!("{what} argument 1 must be a str or bytes object, not {}", vm.type_tp_name(v))))
}

// ----- packing -----

fn get_pylong(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = vm.int_value(v) {
        return Ok(i);
    }
    if crate::types::slice::has_index(vm, v) {
        if let Some(i) = crate::types::slice::index_of(vm, v)? {
            return Ok(i);
        }
    }
    Err(struct_error(vm, "required argument is not an integer"))
}

fn out_of_range(vm: &Vm) -> PyErr {
    struct_error(vm, "argument out of range")
}

fn range_error(vm: &Vm, c: u8, size: usize, unsigned: bool) -> PyErr {
    let ulargest: u64 = if size >= 8 { u64::MAX } else { (1u64 << (size * 8)) - 1 };
    if unsigned {
        struct_error(vm, format!("'{}' format requires 0 <= number <= {ulargest}", c as char))
    } else {
        let largest = (ulargest >> 1) as i64;
        struct_error(vm, format!("'{}' format requires {} <= number <= {largest}", c as char, !largest))
    }
}

/// The integer to store for code `c`, checked the way CPython checks it in this mode.
fn pack_int(vm: &mut Vm, mode: Mode, c: u8, size: usize, v: Value) -> PyResult<u64> {
    let b = get_pylong(vm, v)?;
    let as_long = |vm: &Vm| b.to_i64().ok_or_else(|| out_of_range(vm));
    let as_ulong = |vm: &Vm| {
        if b.is_negative() {
            Err(out_of_range(vm))
        } else {
            b.to_u64().ok_or_else(|| out_of_range(vm))
        }
    };
    // Native packers: always for '@', and for '<'/'=' where the sizes agree (CPython swaps
    // the native functions into its little-endian table on little-endian machines).
    let native_style = mode == Mode::Native || (mode == Mode::Little && !matches!(c, b'l' | b'L'));
    match c {
        b'b' => {
            let x = as_long(vm)?;
            if !(-128..=127).contains(&x) {
                return Err(struct_error(vm, "byte format requires -128 <= number <= 127"));
            }
            Ok(x as u64)
        }
        b'B' => {
            let x = as_long(vm)?;
            if !(0..=255).contains(&x) {
                return Err(struct_error(vm, "ubyte format requires 0 <= number <= 255"));
            }
            Ok(x as u64)
        }
        b'h' if native_style => {
            let x = as_long(vm)?;
            if !(-32768..=32767).contains(&x) {
                return Err(struct_error(vm, "short format requires -32768 <= number <= 32767"));
            }
            Ok(x as u64)
        }
        b'H' if native_style => {
            let x = as_long(vm)?;
            if !(0..=65535).contains(&x) {
                return Err(struct_error(vm, "ushort format requires 0 <= number <= 65535"));
            }
            Ok(x as u64)
        }
        b'i' if native_style => {
            let x = as_long(vm)?;
            if x < i32::MIN as i64 || x > i32::MAX as i64 {
                return Err(range_error(vm, c, 4, false));
            }
            Ok(x as u64)
        }
        b'I' if native_style => {
            let x = as_ulong(vm)?;
            if x > u32::MAX as u64 {
                return Err(range_error(vm, c, 4, true));
            }
            Ok(x)
        }
        b'l' | b'q' | b'n' if native_style => Ok(as_long(vm)? as u64),
        b'L' | b'Q' | b'N' if native_style => as_ulong(vm),
        b'P' => {
            if b.is_negative() {
                b.to_i64().map(|x| x as u64).ok_or_else(|| struct_error(vm, "int too large to convert"))
            } else {
                b.to_u64().ok_or_else(|| struct_error(vm, "int too large to convert"))
            }
        }
        // Standard-size packers.
        b'h' | b'i' | b'l' => {
            let x = as_long(vm)?;
            let bits = size * 8;
            let (lo, hi) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
            if x < lo || x > hi {
                return Err(range_error(vm, c, size, false));
            }
            Ok(x as u64)
        }
        b'H' | b'I' | b'L' => {
            let x = as_ulong(vm)?;
            if x >> (size * 8) != 0 {
                return Err(range_error(vm, c, size, true));
            }
            Ok(x)
        }
        b'q' => b.to_i64().map(|x| x as u64).ok_or_else(|| struct_error(vm, "int too large to convert")),
        b'Q' => {
            if b.is_negative() {
                return Err(struct_error(vm, "int too large to convert"));
            }
            b.to_u64().ok_or_else(|| struct_error(vm, "int too large to convert"))
        }
        _ => Err(struct_error(vm, "bad char in struct format")),
    }
}

fn put_uint(out: &mut [u8], x: u64, size: usize, big: bool) {
    let le = x.to_le_bytes();
    for k in 0..size {
        if big {
            out[size - 1 - k] = le[k];
        } else {
            out[k] = le[k];
        }
    }
}

fn get_uint(data: &[u8], size: usize, big: bool) -> u64 {
    let mut x: u64 = 0;
    for k in 0..size {
        let byte = if big { data[k] } else { data[size - 1 - k] };
        x = (x << 8) | byte as u64;
    }
    x
}

/// `frexp`: `x = f * 2**e` with `0.5 <= |f| < 1` (x finite and nonzero).
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (f, e) = frexp(x * 2f64.powi(64));
        return (f, e - 64);
    }
    let e = exp - 1022;
    let f = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (f, e)
}

/// IEEE 754 binary16 bits of `x` (round half to even); None on overflow.
pub fn pack_half(x: f64) -> Option<u16> {
    let sign: u16;
    let mut e: i32;
    let mut bits: u32;
    if x == 0.0 {
        sign = x.is_sign_negative() as u16;
        e = 0;
        bits = 0;
    } else if x.is_infinite() {
        sign = (x < 0.0) as u16;
        e = 0x1f;
        bits = 0;
    } else if x.is_nan() {
        sign = x.is_sign_negative() as u16;
        e = 0x1f;
        bits = 512;
    } else {
        sign = (x < 0.0) as u16;
        let ax = x.abs();
        let (mut f, ee) = frexp(ax);
        e = ee;
        f *= 2.0;
        e -= 1;
        if e >= 16 {
            return None;
        } else if e < -25 {
            f = 0.0;
            e = 0;
        } else if e < -14 {
            f *= 2f64.powi(14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = f as u32;
        let rest = f - bits as f64;
        if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
            bits += 1;
            if bits == 1024 {
                bits = 0;
                e += 1;
                if e == 31 {
                    return None;
                }
            }
        }
    }
    Some((bits as u16) | ((e as u16) << 10) | (sign << 15))
}

pub fn unpack_half(h: u16) -> f64 {
    let sign = h >> 15;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let v = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if sign == 1 {
        -v
    } else {
        v
    }
}

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.to_f64(v) {
        Ok(f) => Ok(f),
        Err(_) => Err(struct_error(vm, "required argument is not a float")),
    }
}

/// Packs `args` by `f` into `out` (which has `f.size` bytes).
pub fn pack_values(vm: &mut Vm, f: &Format, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let big = f.mode == Mode::Big;
    let mut ai = 0;
    for code in &f.codes {
        let c = code.fmt;
        if c == b's' || c == b'p' {
            let v = args[ai];
            ai += 1;
            let data = match v.as_obj().map(|o| &o.payload) {
                Some(Payload::Bytes(b)) => b.to_vec(),
                Some(Payload::ByteArray(b)) => b.borrow().clone(),
                _ => {
                    return Err(struct_error(vm, format!("argument for '{}' must be a bytes object", c as char)));
                }
            };
            let dst = &mut out[code.offset..code.offset + code.size];
            if c == b's' {
                let n = data.len().min(code.size);
                dst[..n].copy_from_slice(&data[..n]);
            } else if code.size > 0 {
                let n = data.len().min(code.size - 1);
                dst[1..1 + n].copy_from_slice(&data[..n]);
                dst[0] = n.min(255) as u8;
            }
            continue;
        }
        for k in 0..code.count {
            let v = args[ai];
            ai += 1;
            let pos = code.offset + k * code.size;
            let dst = &mut out[pos..pos + code.size];
            match c {
                b'c' => match v.as_obj().map(|o| &o.payload) {
                    Some(Payload::Bytes(b)) if b.len() == 1 => dst[0] = b[0],
                    _ => return Err(struct_error(vm, "char format requires a bytes object of length 1")),
                },
                b'?' => dst[0] = vm.truthy(v)? as u8,
                b'e' => {
                    let x = float_arg(vm, v)?;
                    let Some(h) = pack_half(x) else {
                        if vm.int_value(v).is_some() {
                            return Err(struct_error(vm, "int too large to convert"));
                        }
                        return Err(vm.overflow_error("float too large to pack with e format"));
                    };
                    put_uint(dst, h as u64, 2, big);
                }
                b'f' => {
                    let x = float_arg(vm, v)?;
                    let y = x as f32;
                    if f.mode != Mode::Native && y.is_infinite() && !x.is_infinite() {
                        if vm.int_value(v).is_some() {
                            return Err(struct_error(vm, "int too large to convert"));
                        }
                        return Err(vm.overflow_error("float too large to pack with f format"));
                    }
                    put_uint(dst, y.to_bits() as u64, 4, big);
                }
                b'd' => {
                    let x = float_arg(vm, v)?;
                    put_uint(dst, x.to_bits(), 8, big);
                }
                _ => {
                    let x = pack_int(vm, f.mode, c, code.size, v)?;
                    put_uint(dst, x, code.size, big);
                }
            }
        }
    }
    Ok(())
}

/// Unpacks `data` (exactly `f.size` bytes) by `f`.
pub fn unpack_values(vm: &mut Vm, f: &Format, data: &[u8]) -> Vec<Value> {
    let big = f.mode == Mode::Big;
    let mut out = Vec::with_capacity(f.len);
    for code in &f.codes {
        let c = code.fmt;
        if c == b's' || c == b'p' {
            let src = &data[code.offset..code.offset + code.size];
            let v = if c == b's' {
                src.to_vec()
            } else if code.size == 0 {
                Vec::new()
            } else {
                let n = (src[0] as usize).min(code.size - 1);
                src[1..1 + n].to_vec()
            };
            out.push(vm.new_bytes(v));
            continue;
        }
        for k in 0..code.count {
            let pos = code.offset + k * code.size;
            let src = &data[pos..pos + code.size];
            let v = match c {
                b'c' => vm.new_bytes(vec![src[0]]),
                b'?' => Value::bool(src[0] != 0),
                b'e' => Value::float(unpack_half(get_uint(src, 2, big) as u16)),
                b'f' => Value::float(f32::from_bits(get_uint(src, 4, big) as u32) as f64),
                b'd' => Value::float(f64::from_bits(get_uint(src, 8, big))),
                b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                    let x = get_uint(src, code.size, big);
                    let shift = 64 - code.size * 8;
                    vm.new_int(((x << shift) as i64) >> shift)
                }
                _ => {
                    let x = get_uint(src, code.size, big);
                    if x > i64::MAX as u64 {
                        vm.new_bigint(BigInt::from(x))
                    } else {
                        vm.new_int(x as i64)
                    }
                }
            };
            out.push(v);
        }
    }
    out
}

// ----- buffers -----

/// The bytes of a readable buffer argument.
pub fn read_buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(a) = native::<super::array::Array>(&v) {
        return Ok(a.to_bytes());
    }
    match super::bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(v)))),
    }
}

// ----- the Struct class -----

pub struct StructObj {
    pub format: Value,
    pub compiled: Format,
}
impl_native!(StructObj, |s, visit| { visit(s.format) });

fn struct_class(vm: &Vm) -> Value {
    vm.state.borrow().get("_struct.Struct").copied().unwrap_or(vm.types.object)
}

/// A Struct object for a format argument (str or bytes), or the argument itself when it
/// already is one.
fn get_struct(vm: &mut Vm, fmt: Value) -> PyResult<Value> {
    if native::<StructObj>(&fmt).is_some() {
        return Ok(fmt);
    }
    let bytes = format_bytes(vm, fmt, "Struct()")?;
    let compiled = compile(vm, &bytes)?;
    let format =
        if fmt.as_pystr().is_some() { fmt } else { vm.new_string(String::from_utf8_lossy(&bytes).into_owned()) };
    let cls = struct_class(vm);
    Ok(vm.new_native(cls, StructObj { format, compiled }))
}

fn struct_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    let [fmt] = vm.bind_args("Struct", &args[1..], kw, ["format"], 1)?;
    let bytes = format_bytes(vm, fmt, "Struct()")?;
    let compiled = compile(vm, &bytes)?;
    let format =
        if fmt.as_pystr().is_some() { fmt } else { vm.new_string(String::from_utf8_lossy(&bytes).into_owned()) };
    Ok(vm.new_native(cls, StructObj { format, compiled }))
}

fn do_pack(vm: &mut Vm, s: &StructObj, args: &[Value]) -> PyResult<Value> {
    if args.len() != s.compiled.len {
        return Err(struct_error(
            vm,
            format!("pack expected {} items for packing (got {})", s.compiled.len, args.len()),
        ));
    }
    let mut out = vec![0u8; s.compiled.size];
    pack_values(vm, &s.compiled, args, &mut out)?;
    Ok(vm.new_bytes(out))
}

fn do_unpack(vm: &mut Vm, s: &StructObj, buf: Value) -> PyResult<Value> {
    let data = read_buffer(vm, buf)?;
    if data.len() != s.compiled.size {
        return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", s.compiled.size)));
    }
    let items = unpack_values(vm, &s.compiled, &data);
    Ok(vm.new_tuple(items))
}

fn do_unpack_from(vm: &mut Vm, s: &StructObj, buf: Value, offset: Value) -> PyResult<Value> {
    let data = read_buffer(vm, buf)?;
    let mut off = if offset.is_null() { 0 } else { ssize_arg(vm, offset)? };
    let len = data.len() as isize;
    let size = s.compiled.size as isize;
    if off < 0 {
        if off + len < 0 {
            return Err(struct_error(vm, format!("offset {off} out of range for {len}-byte buffer")));
        }
        off += len;
    }
    if len - off < size {
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})",
                size + off
            ),
        ));
    }
    let off = off as usize;
    let items = unpack_values(vm, &s.compiled, &data[off..off + s.compiled.size]);
    Ok(vm.new_tuple(items))
}

fn do_pack_into(vm: &mut Vm, s: &StructObj, args: &[Value]) -> PyResult<Value> {
    let n = s.compiled.len;
    if args.len() != n + 2 {
        if args.is_empty() {
            return Err(vm.type_error("pack_into expected buffer argument"));
        }
        if args.len() == 1 {
            return Err(vm.type_error("pack_into expected offset argument"));
        }
        return Err(struct_error(vm, format!("pack_into expected {n} items for packing (got {})", args.len() - 2)));
    }
    let buf = args[0];
    let blen = if let Some(Payload::ByteArray(b)) = buf.as_obj().map(|o| &o.payload) {
        b.borrow().len()
    } else if let Some(a) = native::<super::array::Array>(&buf) {
        a.byte_len()
    } else {
        return Err(
            vm.type_error(format!("argument must be read-write bytes-like object, not {}", vm.arg_type_name(buf)))
        );
    };
    let mut off = ssize_arg(vm, args[1])?;
    let size = s.compiled.size as isize;
    let len = blen as isize;
    if off < 0 {
        if off + size > 0 {
            return Err(struct_error(vm, format!("no space to pack {size} bytes at offset {off}")));
        }
        if off + len < 0 {
            return Err(struct_error(vm, format!("offset {off} out of range for {len}-byte buffer")));
        }
        off += len;
    }
    if len - off < size {
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})",
                size + off
            ),
        ));
    }
    let mut out = vec![0u8; s.compiled.size];
    pack_values(vm, &s.compiled, &args[2..], &mut out)?;
    let off = off as usize;
    if let Some(Payload::ByteArray(b)) = buf.as_obj().map(|o| &o.payload) {
        let mut b = b.borrow_mut();
        if off + out.len() <= b.len() {
            b[off..off + out.len()].copy_from_slice(&out);
        }
    } else if let Some(a) = native::<super::array::Array>(&buf) {
        a.write_bytes(off, &out);
    }
    Ok(Value::NONE)
}

pub struct UnpackIter {
    pub st: Value,
    pub data: Vec<u8>,
    pub pos: Cell<usize>,
}
impl_native!(UnpackIter, |s, visit| { visit(s.st) });

fn do_iter_unpack(vm: &mut Vm, st: Value, buf: Value) -> PyResult<Value> {
    let Some(s) = native::<StructObj>(&st) else {
        return Err(vm.type_error("not a Struct"));
    };
    let size = s.compiled.size;
    if size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let data = read_buffer(vm, buf)?;
    if data.len() % size != 0 {
        return Err(struct_error(vm, format!("iterative unpacking requires a buffer of a multiple of {size} bytes")));
    }
    let cls = vm.state.borrow().get("_struct.unpack_iterator").copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, UnpackIter { st, data, pos: Cell::new(0) }))
}

fn unpackiter_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = this::<UnpackIter>(vm, args, "__next__", "_struct.unpack_iterator")?;
    let Some(s) = native::<StructObj>(&it.st) else {
        return Err(vm.stop_iteration(Value::NONE));
    };
    let size = s.compiled.size;
    let p = it.pos.get();
    if p + size > it.data.len() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    it.pos.set(p + size);
    let items = unpack_values(vm, &s.compiled, &it.data[p..p + size]);
    Ok(vm.new_tuple(items))
}

fn unpackiter_length_hint(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = this::<UnpackIter>(vm, args, "__length_hint__", "_struct.unpack_iterator")?;
    let size = native::<StructObj>(&it.st).map(|s| s.compiled.size).unwrap_or(1).max(1);
    Ok(vm.new_int(((it.data.len() - it.pos.get()) / size) as i64))
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

// Struct methods

const SOWNER: &str = "_struct.Struct";

fn s_pack(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<StructObj>(vm, args, "pack", SOWNER)?;
    vm.no_kwargs("pack", kw)?;
    do_pack(vm, s, &args[1..])
}

fn s_unpack(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<StructObj>(vm, args, "unpack", SOWNER)?;
    super::nargs(vm, "unpack", &args[1..], kw, 1, 1)?;
    do_unpack(vm, s, args[1])
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<StructObj>(vm, args, "unpack_from", SOWNER)?;
    let [buf, off] = vm.bind_args("unpack_from", &args[1..], kw, ["buffer", "offset"], 1)?;
    do_unpack_from(vm, s, buf, off)
}

fn s_pack_into(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this::<StructObj>(vm, args, "pack_into", SOWNER)?;
    vm.no_kwargs("pack_into", kw)?;
    do_pack_into(vm, s, &args[1..])
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<StructObj>(vm, args, "iter_unpack", SOWNER)?;
    super::nargs(vm, "iter_unpack", &args[1..], kw, 1, 1)?;
    do_iter_unpack(vm, args[0], args[1])
}

fn s_format(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<StructObj>(vm, args, "format", SOWNER)?.format)
}

fn s_size(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = this::<StructObj>(vm, args, "size", SOWNER)?.compiled.size;
    Ok(vm.new_int(n as i64))
}

// module functions

fn m_pack(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("pack", kw)?;
    if args.is_empty() {
        return Err(vm.type_error("pack expected at least 1 argument, got 0"));
    }
    let st = get_struct(vm, args[0])?;
    let s = native::<StructObj>(&st).ok_or_else(|| vm.type_error("not a Struct"))?;
    do_pack(vm, s, &args[1..])
}

fn m_unpack(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "unpack", args, kw, 2, 2)?;
    let st = get_struct(vm, args[0])?;
    let s = native::<StructObj>(&st).ok_or_else(|| vm.type_error("not a Struct"))?;
    do_unpack(vm, s, args[1])
}

fn m_unpack_from(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("unpack_from() missing required argument 'format' (pos 1)"));
    }
    let [buf, off] = vm.bind_args("unpack_from", &args[1..], kw, ["buffer", "offset"], 1)?;
    let st = get_struct(vm, args[0])?;
    let s = native::<StructObj>(&st).ok_or_else(|| vm.type_error("not a Struct"))?;
    do_unpack_from(vm, s, buf, off)
}

fn m_pack_into(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("pack_into", kw)?;
    if args.is_empty() {
        return Err(vm.type_error("pack_into expected at least 1 argument, got 0"));
    }
    let st = get_struct(vm, args[0])?;
    let s = native::<StructObj>(&st).ok_or_else(|| vm.type_error("not a Struct"))?;
    do_pack_into(vm, s, &args[1..])
}

fn m_iter_unpack(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "iter_unpack", args, kw, 2, 2)?;
    let st = get_struct(vm, args[0])?;
    do_iter_unpack(vm, st, args[1])
}

fn m_calcsize(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "calcsize", args, kw, 1, 1)?;
    let st = get_struct(vm, args[0])?;
    let n = native::<StructObj>(&st).map(|s| s.compiled.size).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn m_clearcache(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(
        vm,
        "_struct",
        &[
            ("pack", m_pack),
            ("unpack", m_unpack),
            ("unpack_from", m_unpack_from),
            ("pack_into", m_pack_into),
            ("iter_unpack", m_iter_unpack),
            ("calcsize", m_calcsize),
            ("_clearcache", m_clearcache),
        ],
    );
    use class_flags::*;
    let err = new_class(vm, "struct", "error", vm.exc.exception, Layout::Exception, BASETYPE | HAS_DICT | EXCEPTION);
    vm.state.borrow_mut().insert("struct.error", err);
    set(vm, m, "error", err);
    let c = new_class(vm, "_struct", "Struct", vm.types.object, Layout::Other, BASETYPE);
    vm.add_staticmethod(c, "__new__", struct_new);
    vm.add_method(c, "pack", s_pack);
    vm.add_method(c, "unpack", s_unpack);
    vm.add_method(c, "unpack_from", s_unpack_from);
    vm.add_method(c, "pack_into", s_pack_into);
    vm.add_method(c, "iter_unpack", s_iter_unpack);
    vm.add_getter(c, "format", s_format);
    vm.add_getter(c, "size", s_size);
    set(vm, m, "Struct", c);
    vm.state.borrow_mut().insert("_struct.Struct", c);
    let it = new_class(vm, "_struct", "unpack_iterator", vm.types.object, Layout::Other, 0);
    vm.add_method(it, "__iter__", iter_self);
    vm.add_method(it, "__next__", unpackiter_next);
    vm.add_method(it, "__length_hint__", unpackiter_length_hint);
    vm.state.borrow_mut().insert("_struct.unpack_iterator", it);
    Ok(m)
}
