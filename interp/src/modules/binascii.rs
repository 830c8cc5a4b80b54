//! The `binascii` module: hex, base64, quoted-printable, uuencode and CRC conversions (`base64`, `hashlib` and
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
            Err(vm
                .type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", vm.type_tp_name(v))))
        }
    }
}

fn binary_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(v)))),
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

/// `a2b_uu(data)`: one line of uuencoded data. The first character gives the length; a
/// line cut short (spaces eaten at its end) is padded with zero bits.
fn b_a2b_uu(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "a2b_uu", args, kw, 1, 1)?;
    let b = ascii_data(vm, args[0])?;
    let mut it = b.iter().copied();
    // An empty line reads as the C string's NUL terminator: a length of 32.
    let len = (it.next().unwrap_or(0).wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    while out.len() < len {
        let c = match it.next() {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) if !(b' '..=b' ' + 64).contains(&c) => return Err(error(vm, "Illegal char")),
            Some(c) => (c - b' ') & 0o77,
        };
        acc = (acc << 6) | c as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if it.any(|c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(error(vm, "Trailing garbage"));
    }
    Ok(vm.new_bytes(out))
}

/// `b2a_uu(data, *, backtick=False)`: one uuencoded line (at most 45 bytes of data).
fn b_b2a_uu(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error(format!("b2a_uu() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let [data, backtick] = vm.bind_args("b2a_uu", args, kw, ["data", "backtick"], 1)?;
    let b = binary_data(vm, data)?;
    let backtick = !backtick.is_null() && vm.truthy(backtick)?;
    if b.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u32| if backtick && v == 0 { b'`' } else { b' ' + v as u8 };
    let mut out = vec![enc(b.len() as u32)];
    for chunk in b.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for shift in [18, 12, 6, 0] {
            out.push(enc((n >> shift) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(vm.new_bytes(out))
}

/// `a2b_qp(data, header=False)`: quoted-printable decoding (`=XX` escapes, `=` at a line
/// end is a soft line break, and with `header` an underscore is a space).
fn b_a2b_qp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, header] = vm.bind_args("a2b_qp", args, kw, ["data", "header"], 1)?;
    let b = ascii_data(vm, data)?;
    let header = !header.is_null() && vm.truthy(header)?;
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'=' {
            i += 1;
            let Some(&n) = b.get(i) else { break };
            if n == b'\n' || n == b'\r' {
                // A soft line break: skip to the end of the line.
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                i += 1;
            } else if n == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) = (hexval(n), b.get(i + 1).and_then(|&c| hexval(c))) {
                out.push(h << 4 | l);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`: quoted-printable encoding
/// with lines of at most 76 characters (soft breaks `=` + newline), keeping the data's
/// line ends (CRLF when its first line end is one).
fn b_b2a_qp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    const MAXLINE: usize = 76;
    let [data, quotetabs, istext, header] =
        vm.bind_args("b2a_qp", args, kw, ["data", "quotetabs", "istext", "header"], 1)?;
    let d = binary_data(vm, data)?;
    let flag = |vm: &mut Vm, v: Value, default: bool| if v.is_null() { Ok(default) } else { vm.truthy(v) };
    let quotetabs = flag(vm, quotetabs, false)?;
    let istext = flag(vm, istext, true)?;
    let header = flag(vm, header, false)?;
    let crlf = d.iter().position(|&c| c == b'\n').is_some_and(|p| p > 0 && d[p - 1] == b'\r');
    let hex = |c: u8| [b"0123456789ABCDEF"[(c >> 4) as usize], b"0123456789ABCDEF"[(c & 15) as usize]];
    let mut out: Vec<u8> = Vec::with_capacity(d.len() * 3 / 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let (mut i, mut linelen) = (0, 0);
    while i < d.len() {
        let c = d[i];
        let next = d.get(i + 1).copied();
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            out.extend_from_slice(&hex(c));
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // White space at the end of a line is quoted.
            if let Some(&last) = out.last().filter(|&&l| l == b' ' || l == b'\t') {
                out.pop();
                out.push(b'=');
                out.extend_from_slice(&hex(last));
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && linelen + 1 >= MAXLINE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
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
            ("a2b_qp", b_a2b_qp),
            ("b2a_qp", b_b2a_qp),
            ("a2b_uu", b_a2b_uu),
            ("b2a_uu", b_b2a_uu),
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
