//! The `binascii` module: hex, base64 and CRC conversions (`base64`, `hashlib` and
//! `zipfile`-free scripts use these).

use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{bytes_like, nargs, new_class, new_module, set};

fn error(vm: &Vm, msg: &str) -> PyErr {
    let cls = vm.state.borrow().get("binascii.Error").copied().unwrap_or(vm.exc.value_error);
    vm.err(cls, msg)
}

/// The argument of the a2b_* functions: bytes-like, or a str of ASCII characters.
fn ascii_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_rstr() {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => {
            Err(vm.type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", vm.type_name(v))))
        }
    }
}

fn binary_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
    }
}

fn b_hexlify(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, sep, bps] = vm.bind_args("hexlify", args, kw, ["data", "sep", "bytes_per_sep"], 1)?;
    let b = binary_data(vm, data)?;
    let bytes = vm.new_bytes(b);
    let mut a = Vec::new();
    if !sep.is_null() {
        a.push(sep);
        if !bps.is_null() {
            a.push(bps);
        }
    }
    let s = vm.call_method(bytes, "hex", &a)?;
    Ok(vm.new_bytes(s.as_rstr().unwrap_or("").as_bytes().to_vec()))
}

fn hexval(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn b_unhexlify(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data] = vm.bind_args("unhexlify", args, kw, ["hexstr"], 1)?;
    let b = ascii_data(vm, data)?;
    if b.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(b.len() / 2);
    for pair in b.chunks(2) {
        match (hexval(pair[0]), hexval(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    B64.iter().position(|&x| x == c).map(|p| p as u8)
}

fn b_b2a_base64(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error(format!("b2a_base64() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let [data, newline] = vm.bind_args("b2a_base64", args, kw, ["data", "newline"], 1)?;
    let b = binary_data(vm, data)?;
    let newline = if newline.is_null() { true } else { vm.truthy(newline)? };
    let mut out = Vec::with_capacity(b.len().div_ceil(3) * 4 + 1);
    for chunk in b.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

fn b_a2b_base64(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error(format!("a2b_base64() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let [data, strict] = vm.bind_args("a2b_base64", args, kw, ["data", "strict_mode"], 1)?;
    let b = ascii_data(vm, data)?;
    let strict = if strict.is_null() { false } else { vm.truthy(strict)? };
    if strict && b.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    let mut quad_pos = 0;
    let mut left = 0u8;
    let mut pads = 0;
    let mut padding_started = false;
    let mut data_chars = 0usize;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i < b.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(vm.new_bytes(out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        data_chars += 1;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = v;
            }
            1 => {
                quad_pos = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    if quad_pos != 0 {
        if quad_pos == 1 {
            return Err(error(
                vm,
                &format!(
                    "Invalid base64-encoded string: number of data characters ({data_chars}) cannot be 1 more than a multiple of 4"
                ),
            ));
        }
        return Err(error(vm, "Incorrect padding"));
    }
    Ok(vm.new_bytes(out))
}

/// The CRC-32 of zlib (reflected polynomial 0xEDB88320).
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
        }
    }
    !c
}

fn b_crc32(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "crc32", args, kw, 1, 2)?;
    let b = binary_data(vm, args[0])?;
    let start = match args.get(1) {
        Some(&v) => {
            let n = crate::types::int::index_value(vm, v)?;
            let m: num_bigint::BigInt = n & num_bigint::BigInt::from(u32::MAX);
            num_traits::ToPrimitive::to_u32(&m).unwrap_or(0)
        }
        None => 0,
    };
    Ok(vm.new_int(crc32(&b, start) as i64))
}

fn b_crc_hqx(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "crc_hqx", args, kw, 2, 2)?;
    let b = binary_data(vm, args[0])?;
    let n = crate::types::int::index_value(vm, args[1])?;
    let m: num_bigint::BigInt = n & num_bigint::BigInt::from(0xFFFF);
    let mut crc = num_traits::ToPrimitive::to_u32(&m).unwrap_or(0);
    for &byte in &b {
        crc ^= (byte as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
            crc &= 0xFFFF;
        }
    }
    Ok(vm.new_int(crc as i64))
}

fn b_unsupported(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.not_implemented_error("binascii: quoted-printable and uuencode conversions are not supported yet"))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "binascii",
        &[
            ("hexlify", b_hexlify),
            ("b2a_hex", b_hexlify),
            ("unhexlify", b_unhexlify),
            ("a2b_hex", b_unhexlify),
            ("b2a_base64", b_b2a_base64),
            ("a2b_base64", b_a2b_base64),
            ("crc32", b_crc32),
            ("crc_hqx", b_crc_hqx),
            ("a2b_qp", b_unsupported),
            ("b2a_qp", b_unsupported),
            ("a2b_uu", b_unsupported),
            ("b2a_uu", b_unsupported),
        ],
    );
    use class_flags::*;
    let flags = BASETYPE | HAS_DICT | EXCEPTION;
    let err = new_class(vm, "binascii", "Error", vm.exc.value_error, Layout::Exception, flags);
    vm.state.borrow_mut().insert("binascii.Error", err);
    set(vm, m, "Error", err);
    let inc = new_class(vm, "binascii", "Incomplete", vm.exc.exception, Layout::Exception, flags);
    set(vm, m, "Incomplete", inc);
    Ok(m)
}
