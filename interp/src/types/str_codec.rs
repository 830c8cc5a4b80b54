//! The codecs `str.encode`, `bytes.decode` and `str(b, encoding)` use: UTF-8 (and
//! UTF-8-sig), ASCII, Latin-1, UTF-16 and UTF-32 in both byte orders, with CPython's error
//! handlers and its `UnicodeEncodeError`/`UnicodeDecodeError` (whose `__init__` and
//! `__str__` are defined here because their message is computed from the attributes).
//!
//! Krait strings are UTF-8 and so cannot hold lone surrogates; the handlers that exist to
//! produce or consume them (`surrogateescape` on decode, `surrogatepass`) raise
//! NotImplementedError where they would need one, and behave like `strict` elsewhere
//! (which is what they do in CPython on text without surrogates).

use crate::types::bytes::bytes_data;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// Byte order: `None` means "with BOM" (encode writes one; decode honours one).
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    /// Python-literal escapes (`\\n`, `\\xe9`, `\\u20ac`) over Latin-1.
    UnicodeEscape,
    /// Only `\\uXXXX`/`\\UXXXXXXXX` escapes, other characters below 256 raw.
    RawUnicodeEscape,
}

/// Looks an encoding name up the way Python's codec registry normalizes names: `None`
/// for the codecs implemented in Python (the `encodings` package's, found through the
/// registry).
fn lookup(name: &str) -> Option<Codec> {
    // The common spellings, without building the normalized name.
    match name {
        "utf-8" | "utf8" | "UTF-8" => return Some(Codec::Utf8),
        "ascii" => return Some(Codec::Ascii),
        "latin-1" | "latin1" => return Some(Codec::Latin1),
        _ => {}
    }
    let norm: String =
        name.trim().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect();
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "iso8859" | "8859" | "cp819"
        | "ibm819" | "iso_ir_100" | "csisolatin1" | "iso_8859_1_1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16(Some(true)),
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16(Some(false)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32(Some(true)),
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32(Some(false)),
        "unicode_escape" => Codec::UnicodeEscape,
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
        // Everything else (cp1252, mac_roman, idna, ...) is the codec registry's.
        _ => return None,
    })
}

/// Runs a codec of the registry for `str.encode` (`which` 0) or `bytes.decode` (1): it
/// must be a text encoding and give bytes (encode) or str (decode), as CPython checks.
fn registry_codec(vm: &mut Vm, which: usize, obj: Value, encoding: &str, errors: Option<&str>) -> PyResult<Value> {
    let info = crate::modules::codecs::lookup(vm, encoding)?;
    let (verb, other) = if which == 0 { ("encode", "encoder") } else { ("decode", "decoder") };
    let text_attr = vm.new_str("_is_text_encoding");
    if let Some(flag) = vm.get_attr_opt(info, text_attr)? {
        if !vm.truthy(flag)? {
            return Err(vm.err(
                vm.exc.lookup_error,
                format!("'{encoding}' is not a text encoding; use codecs.{verb}() to handle arbitrary codecs"),
            ));
        }
    }
    let f = info.as_tuple().and_then(|t| t.get(which).copied()).unwrap_or(Value::NONE);
    let mut a = vec![obj];
    if let Some(e) = errors {
        a.push(vm.new_str(e));
    }
    let r = vm.call(f, &a, &[])?;
    let out = match r.as_tuple() {
        Some(t) if t.len() == 2 => t[0],
        _ => return Err(vm.type_error(format!("{other} must return a tuple (object, integer)"))),
    };
    let ok = if which == 0 { crate::types::bytes::bytes_data(out).is_some() } else { out.as_rstr().is_some() };
    if !ok {
        let (want, to) = if which == 0 { ("bytes", "encode to") } else { ("str", "decode to") };
        return Err(vm.type_error(format!(
            "'{encoding}' {other} returned '{}' instead of '{want}'; use codecs.{verb}() to {to} arbitrary types",
            vm.type_tp_name(out)
        )));
    }
    Ok(out)
}

/// The name CPython's codec puts in its error messages.
fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Utf8Sig => "utf-8-sig",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(Some(false)) => "utf-16-be",
        Codec::Utf16(_) => "utf-16-le",
        Codec::Utf32(Some(false)) => "utf-32-be",
        Codec::Utf32(_) => "utf-32-le",
        Codec::UnicodeEscape => "unicodeescape",
        Codec::RawUnicodeEscape => "rawunicodeescape",
    }
}

fn unknown_handler(vm: &Vm, errors: &str) -> PyErr {
    vm.err(vm.exc.lookup_error, format!("unknown error handler name '{errors}'"))
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let Some(codec) = lookup(encoding) else {
        let obj = vm.new_str(s);
        let r = registry_codec(vm, 0, obj, encoding, errors)?;
        return Ok(bytes_data(r).unwrap_or_default());
    };
    let errors = errors.unwrap_or("strict");
    let little = cfg!(target_endian = "little");
    Ok(match codec {
        Codec::Utf8 => s.as_bytes().to_vec(),
        Codec::Utf8Sig => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend_from_slice(s.as_bytes());
            out
        }
        Codec::Ascii | Codec::Latin1 => {
            let limit = if codec == Codec::Ascii { 0x80 } else { 0x100 };
            if codec == Codec::Ascii && s.is_ascii() {
                return Ok(s.as_bytes().to_vec());
            }
            let chars: Vec<char> = s.chars().collect();
            let mut out = Vec::with_capacity(chars.len());
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i] as u32;
                if c < limit {
                    out.push(c as u8);
                    i += 1;
                    continue;
                }
                // CPython reports a whole run of unencodable characters as one error.
                let mut j = i + 1;
                while j < chars.len() && chars[j] as u32 >= limit {
                    j += 1;
                }
                encode_error(vm, codec, s, &chars, i, j, errors, &mut out)?;
                i = j;
            }
            out
        }
        Codec::Utf16(order) => {
            let le = order.unwrap_or(little);
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            if order.is_none() {
                push_u16(&mut out, 0xFEFF, le);
            }
            for u in s.encode_utf16() {
                push_u16(&mut out, u, le);
            }
            out
        }
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            let raw = codec == Codec::RawUnicodeEscape;
            let mut out = Vec::with_capacity(s.len() + 8);
            for c in s.chars() {
                let n = c as u32;
                match c {
                    _ if raw && n < 0x100 => out.push(n as u8),
                    '\\' => out.extend_from_slice(b"\\\\"),
                    '\t' => out.extend_from_slice(b"\\t"),
                    '\n' => out.extend_from_slice(b"\\n"),
                    '\r' => out.extend_from_slice(b"\\r"),
                    ' '..='~' => out.push(n as u8),
                    _ if n < 0x100 => out.extend_from_slice(format!("\\x{n:02x}").as_bytes()),
                    _ if n < 0x10000 => out.extend_from_slice(format!("\\u{n:04x}").as_bytes()),
                    _ => out.extend_from_slice(format!("\\U{n:08x}").as_bytes()),
                }
            }
            out
        }
        Codec::Utf32(order) => {
            let le = order.unwrap_or(little);
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            if order.is_none() {
                push_u32(&mut out, 0xFEFF, le);
            }
            for c in s.chars() {
                push_u32(&mut out, c as u32, le);
            }
            out
        }
    })
}

fn push_u16(out: &mut Vec<u8>, u: u16, le: bool) {
    out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
}

fn push_u32(out: &mut Vec<u8>, u: u32, le: bool) {
    out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
}

/// Applies error handler `errors` to the unencodable characters `chars[start..end]`.
#[allow(clippy::too_many_arguments)]
fn encode_error(
    vm: &mut Vm,
    codec: Codec,
    s: &str,
    chars: &[char],
    start: usize,
    end: usize,
    errors: &str,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    let bad = &chars[start..end];
    match errors {
        "strict" | "surrogateescape" | "surrogatepass" => {
            let reason = if codec == Codec::Ascii { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
            let e = new_unicode_error(
                vm,
                vm.exc.unicode_encode_error,
                codec_name(codec),
                vm.new_str(s),
                start,
                end,
                reason,
            );
            return Err(PyErr(e));
        }
        "ignore" => {}
        "replace" => out.extend(std::iter::repeat_n(b'?', bad.len())),
        "backslashreplace" => {
            for &c in bad {
                let n = c as u32;
                let esc = if n < 0x100 {
                    format!("\\x{n:02x}")
                } else if n < 0x10000 {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
        }
        "xmlcharrefreplace" => {
            for &c in bad {
                out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
            }
        }
        "namereplace" => {
            return Err(vm.not_implemented_error("the 'namereplace' error handler is not supported"));
        }
        _ => return Err(unknown_handler(vm, errors)),
    }
    Ok(())
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: Option<&str>) -> PyResult<String> {
    let Some(codec) = lookup(encoding) else {
        let obj = vm.new_bytes(b.to_vec());
        let r = registry_codec(vm, 1, obj, encoding, errors)?;
        return Ok(r.as_rstr().unwrap_or_default().to_owned());
    };
    let errors = errors.unwrap_or("strict");
    let little = cfg!(target_endian = "little");
    match codec {
        Codec::Utf8 => decode_utf8(vm, b, errors, codec),
        Codec::Utf8Sig => {
            let rest = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b);
            // Error positions count from the start of the whole input.
            let off = b.len() - rest.len();
            decode_utf8_from(vm, b, off, errors, codec)
        }
        Codec::Ascii => {
            if b.is_ascii() {
                // ASCII bytes are valid UTF-8.
                return Ok(String::from_utf8_lossy(b).into_owned());
            }
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                } else {
                    decode_error(vm, codec, b, i, i + 1, "ordinal not in range(128)", errors, &mut out)?;
                }
            }
            Ok(out)
        }
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => decode_escapes(vm, b, errors, codec),
        Codec::Utf16(order) => {
            let (le, start) = match order {
                Some(le) => (le, 0),
                None if b.starts_with(&[0xFF, 0xFE]) => (true, 2),
                None if b.starts_with(&[0xFE, 0xFF]) => (false, 2),
                None => (little, 0),
            };
            let codec = Codec::Utf16(Some(le));
            decode_utf16(vm, b, start, le, errors, codec)
        }
        Codec::Utf32(order) => {
            let (le, start) = match order {
                Some(le) => (le, 0),
                None if b.starts_with(&[0xFF, 0xFE, 0, 0]) => (true, 4),
                None if b.starts_with(&[0, 0, 0xFE, 0xFF]) => (false, 4),
                None => (little, 0),
            };
            let codec = Codec::Utf32(Some(le));
            decode_utf32(vm, b, start, le, errors, codec)
        }
    }
}

fn decode_utf8(vm: &mut Vm, b: &[u8], errors: &str, codec: Codec) -> PyResult<String> {
    decode_utf8_from(vm, b, 0, errors, codec)
}

/// Length of the valid prefix of a UTF-8 sequence starting at `b[0]` and whether it was
/// cut short by the end of the data: `Ok(n)` for a complete character of `n` bytes,
/// `Err((n, reason))` for an invalid one whose error covers `n` bytes.
fn utf8_seq(b: &[u8]) -> Result<usize, (usize, &'static str)> {
    let lead = b[0];
    let (need, lo, hi) = match lead {
        0x00..=0x7F => return Ok(1),
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Err((1, "invalid start byte")),
    };
    for k in 1..need {
        let Some(&c) = b.get(k) else {
            return Err((k, "unexpected end of data"));
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if c < l || c > h {
            return Err((k, "invalid continuation byte"));
        }
    }
    Ok(need)
}

fn decode_utf8_from(vm: &mut Vm, b: &[u8], start: usize, errors: &str, codec: Codec) -> PyResult<String> {
    let body = &b[start..];
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok(s.to_owned());
    }
    let mut out = String::with_capacity(body.len());
    let mut i = start;
    while i < b.len() {
        match utf8_seq(&b[i..]) {
            Ok(n) => {
                // `utf8_seq` accepted exactly one well-formed character.
                out.push_str(std::str::from_utf8(&b[i..i + n]).unwrap_or("\u{FFFD}"));
                i += n;
            }
            Err((n, reason)) => {
                decode_error(vm, codec, b, i, i + n, reason, errors, &mut out)?;
                i += n;
            }
        }
    }
    Ok(out)
}

fn decode_utf16(vm: &mut Vm, b: &[u8], start: usize, le: bool, errors: &str, codec: Codec) -> PyResult<String> {
    let unit = |i: usize| if le { u16::from_le_bytes([b[i], b[i + 1]]) } else { u16::from_be_bytes([b[i], b[i + 1]]) };
    let mut out = String::with_capacity(b.len() / 2);
    let mut i = start;
    while i < b.len() {
        if i + 1 >= b.len() {
            decode_error(vm, codec, b, i, b.len(), "truncated data", errors, &mut out)?;
            break;
        }
        let u = unit(i);
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
            i += 2;
        } else if u >= 0xDC00 {
            decode_error(vm, codec, b, i, i + 2, "illegal encoding", errors, &mut out)?;
            i += 2;
        } else if i + 3 >= b.len() {
            decode_error(vm, codec, b, i, b.len(), "unexpected end of data", errors, &mut out)?;
            break;
        } else {
            let u2 = unit(i + 2);
            if (0xDC00..0xE000).contains(&u2) {
                let c = 0x10000 + (((u as u32) - 0xD800) << 10) + ((u2 as u32) - 0xDC00);
                out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                i += 4;
            } else {
                decode_error(vm, codec, b, i, i + 2, "illegal UTF-16 surrogate", errors, &mut out)?;
                i += 2;
            }
        }
    }
    Ok(out)
}

fn decode_utf32(vm: &mut Vm, b: &[u8], start: usize, le: bool, errors: &str, codec: Codec) -> PyResult<String> {
    let mut out = String::with_capacity(b.len() / 4);
    let mut i = start;
    while i < b.len() {
        if i + 4 > b.len() {
            decode_error(vm, codec, b, i, b.len(), "truncated data", errors, &mut out)?;
            break;
        }
        let q = [b[i], b[i + 1], b[i + 2], b[i + 3]];
        let u = if le { u32::from_le_bytes(q) } else { u32::from_be_bytes(q) };
        match char::from_u32(u) {
            Some(c) => out.push(c),
            None => {
                let reason = if (0xD800..0xE000).contains(&u) {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                } else {
                    "code point not in range(0x110000)"
                };
                decode_error(vm, codec, b, i, i + 4, reason, errors, &mut out)?;
            }
        }
        i += 4;
    }
    Ok(out)
}

/// Decodes `unicode_escape` (all Python string-literal escapes) or `raw_unicode_escape`
/// (only `\\u`/`\\U`); other bytes are Latin-1.
fn decode_escapes(vm: &mut Vm, b: &[u8], errors: &str, codec: Codec) -> PyResult<String> {
    let raw = codec == Codec::RawUnicodeEscape;
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = b.get(i + 1) else {
            if raw {
                out.push('\\');
                break;
            }
            decode_error(vm, codec, b, i, i + 1, "\\ at end of string", errors, &mut out)?;
            break;
        };
        // Hex escapes: (digit count, message) per escape letter.
        let hex = match e {
            b'x' if !raw => Some((2, "truncated \\xXX escape")),
            b'u' => Some((4, "truncated \\uXXXX escape")),
            b'U' => Some((8, "truncated \\UXXXXXXXX escape")),
            _ => None,
        };
        if let Some((ndig, msg)) = hex {
            let digits = &b[i + 2..(i + 2 + ndig).min(b.len())];
            let valid = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
            if valid < ndig {
                let end = i + 2 + valid;
                decode_error(vm, codec, b, start, end, msg, errors, &mut out)?;
                i = end;
                continue;
            }
            let n = digits.iter().fold(0u32, |acc, &d| acc * 16 + (d as char).to_digit(16).unwrap_or(0));
            match char::from_u32(n) {
                Some(ch) => out.push(ch),
                None if (0xD800..0xE000).contains(&n) => {
                    return Err(vm.not_implemented_error("lone surrogates in str are not supported"));
                }
                None => decode_error(vm, codec, b, start, i + 2 + ndig, "illegal Unicode character", errors, &mut out)?,
            }
            i += 2 + ndig;
            continue;
        }
        if raw {
            out.push('\\');
            i += 1;
            continue;
        }
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut n = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            n = n * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(n).unwrap_or('\u{FFFD}'));
            }
            b'N' => {
                return Err(vm.not_implemented_error("\\N{...} escapes are not supported (no Unicode name database)"))
            }
            other => {
                out.push('\\');
                out.push(other as char);
            }
        }
    }
    Ok(out)
}

/// Applies error handler `errors` to the undecodable bytes `b[start..end]`.
#[allow(clippy::too_many_arguments)]
fn decode_error(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let obj = vm.new_bytes(b.to_vec());
            let e = new_unicode_error(vm, vm.exc.unicode_decode_error, codec_name(codec), obj, start, end, reason);
            Err(PyErr(e))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for &x in &b[start..end] {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        "surrogateescape" | "surrogatepass" => Err(vm.not_implemented_error(format!(
            "the '{errors}' error handler is not supported when decoding (Krait strings cannot hold lone surrogates)"
        ))),
        "xmlcharrefreplace" | "namereplace" => {
            // CPython: these handlers only work for encoding.
            Err(vm.type_error("don't know how to handle UnicodeDecodeError in error callback"))
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

/// A UnicodeEncodeError/UnicodeDecodeError instance with its args and attributes set.
fn new_unicode_error(
    vm: &mut Vm,
    cls: Value,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let enc = vm.new_str(encoding);
    let (s, e) = (vm.new_int(start as i64), vm.new_int(end as i64));
    let r = vm.new_str(reason);
    let args = vec![enc, object, s, e, r];
    let exc = vm.new_exception(cls, args.clone());
    set_unicode_attrs(vm, exc, &args);
    exc
}

const ATTR_NAMES: [&str; 5] = ["encoding", "object", "start", "end", "reason"];

fn set_unicode_attrs(vm: &mut Vm, exc: Value, vals: &[Value]) {
    let names: Vec<&str> = if vals.len() == 4 { vec!["object", "start", "end", "reason"] } else { ATTR_NAMES.to_vec() };
    for (n, &v) in names.iter().zip(vals) {
        let k = vm.intern(n);
        if let Some(a) = exc.obj().attrs.as_ref() {
            if a.in_dict_mode() {
                vm.dict_set_str(a.dict.get(), k, v);
            } else {
                a.set_slot(k, v);
            }
        }
    }
}

/// `UnicodeEncodeError.__init__(self, encoding, object, start, end, reason)` and its
/// decode/translate siblings: validates like CPython and stores the attributes.
fn unicode_error_init(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)], kind: u8) -> PyResult<Value> {
    let this = args[0];
    let a = &args[1..];
    let want = if kind == b't' { 4 } else { 5 };
    if a.len() != want {
        return Err(vm.type_error(format!("function takes exactly {want} arguments ({} given)", a.len())));
    }
    let mut vals = a.to_vec();
    let base = if kind == b't' { 0 } else { 1 };
    if kind != b't' && a[0].as_pystr().is_none() {
        return Err(vm.type_error(format!("argument 1 must be str, not {}", vm.arg_type_name(a[0]))));
    }
    if kind == b'd' {
        match bytes_data(a[1]) {
            Some(d) => {
                vals[1] = if a[1].as_obj().is_some_and(|o| matches!(o.payload, crate::object::Payload::Bytes(_))) {
                    a[1]
                } else {
                    vm.new_bytes(d)
                }
            }
            None => {
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(a[1]))))
            }
        }
    } else if a[base].as_pystr().is_none() {
        return Err(vm.type_error(format!("argument {} must be str, not {}", base + 1, vm.arg_type_name(a[base]))));
    }
    for k in [base + 1, base + 2] {
        crate::types::str::arg_index(vm, a[k])?;
    }
    if a[base + 3].as_pystr().is_none() {
        return Err(vm.type_error(format!("argument {} must be str, not {}", base + 4, vm.arg_type_name(a[base + 3]))));
    }
    if let Some(e) = this.as_obj().and_then(|o| o.as_exception()) {
        e.args.set(vm.new_tuple(a.to_vec()));
    }
    set_unicode_attrs(vm, this, &vals);
    Ok(Value::NONE)
}

fn encode_error_init(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_init(vm, args, kwargs, b'e')
}
fn decode_error_init(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_init(vm, args, kwargs, b'd')
}
fn translate_error_init(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_init(vm, args, kwargs, b't')
}

/// Reads attribute `name` of a unicode error (None when missing).
fn attr(vm: &mut Vm, exc: Value, name: &str) -> PyResult<Value> {
    let k = vm.intern(name);
    Ok(vm.get_attr_opt(exc, k)?.unwrap_or(Value::NONE))
}

fn unicode_error_str(vm: &mut Vm, args: &[Value], kind: u8) -> PyResult<Value> {
    let exc = args[0];
    let obj = attr(vm, exc, "object")?;
    if obj.is_none() {
        // Not initialized through __init__: CPython shows an empty message.
        return Ok(vm.empty_str);
    }
    let enc = attr(vm, exc, "encoding")?;
    let start = attr(vm, exc, "start")?;
    let end = attr(vm, exc, "end")?;
    let reason = attr(vm, exc, "reason")?;
    let start = crate::types::str::arg_index(vm, start)?;
    let end = crate::types::str::arg_index(vm, end)?;
    let reason = vm.str_string(reason)?;
    let enc = if kind == b't' { String::new() } else { vm.str_string(enc)? };
    let verb = match kind {
        b'e' => "encode",
        b'd' => "decode",
        _ => "translate",
    };
    let single = start >= 0 && end == start + 1;
    let msg = if kind == b'd' {
        let data = bytes_data(obj).unwrap_or_default();
        match data.get(start as usize) {
            Some(&x) if single => format!("'{enc}' codec can't decode byte 0x{x:02x} in position {start}: {reason}"),
            _ => format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
        }
    } else {
        let text = obj.as_rstr().unwrap_or("");
        let prefix = if kind == b't' { "can't".to_owned() } else { format!("'{enc}' codec can't") };
        match text.chars().nth(start.max(0) as usize) {
            Some(c) if single => {
                let n = c as u32;
                let shown = if n <= 0xFF {
                    format!("\\x{n:02x}")
                } else if n <= 0xFFFF {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                format!("{prefix} {verb} character '{shown}' in position {start}: {reason}")
            }
            _ => format!("{prefix} {verb} characters in position {start}-{}: {reason}", end - 1),
        }
    };
    Ok(vm.new_string(msg))
}

fn encode_error_str(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_str(vm, args, b'e')
}
fn decode_error_str(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_str(vm, args, b'd')
}
fn translate_error_str(vm: &mut Vm, args: &[Value], _kwargs: &[(Value, Value)]) -> PyResult<Value> {
    unicode_error_str(vm, args, b't')
}

/// Gives the Unicode error classes their constructors and messages.
pub fn init(vm: &mut Vm) {
    let (e, d, t) = (vm.exc.unicode_encode_error, vm.exc.unicode_decode_error, vm.exc.unicode_translate_error);
    vm.add_method(e, "__init__", encode_error_init);
    vm.add_method(e, "__str__", encode_error_str);
    vm.add_method(d, "__init__", decode_error_init);
    vm.add_method(d, "__str__", decode_error_str);
    vm.add_method(t, "__init__", translate_error_init);
    vm.add_method(t, "__str__", translate_error_str);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message of a raised exception (its `str`).
    fn message(vm: &mut Vm, e: PyErr) -> String {
        vm.str_string(e.0).unwrap_or_default()
    }

    #[test]
    fn encoding() {
        let mut vm = Vm::new();
        let s = "aé€😀";
        assert_eq!(encode(&mut vm, s, "utf-8", None).ok(), Some(s.as_bytes().to_vec()));
        assert_eq!(encode(&mut vm, "é", "UTF-16", None).ok(), Some(vec![0xFF, 0xFE, 0xE9, 0]));
        assert_eq!(encode(&mut vm, "é", "utf_32_be", None).ok(), Some(vec![0, 0, 0, 0xE9]));
        assert_eq!(encode(&mut vm, s, "ascii", Some("replace")).ok(), Some(b"a???".to_vec()));
        assert_eq!(
            encode(&mut vm, s, "latin-1", Some("xmlcharrefreplace")).ok(),
            Some(b"a\xe9&#8364;&#128512;".to_vec())
        );
        assert_eq!(encode(&mut vm, "é\n", "unicode_escape", None).ok(), Some(b"\\xe9\\n".to_vec()));
        let e = encode(&mut vm, s, "ascii", None).unwrap_err();
        assert_eq!(
            message(&mut vm, e),
            "'ascii' codec can't encode characters in position 1-3: ordinal not in range(128)"
        );
        let e = encode(&mut vm, "x", "bogus", None).unwrap_err();
        assert!(vm.err_matches(&e, vm.exc.lookup_error));
    }

    #[test]
    fn decoding() {
        let mut vm = Vm::new();
        assert_eq!(decode(&mut vm, b"caf\xc3\xa9", "utf8", None).ok().as_deref(), Some("café"));
        assert_eq!(decode(&mut vm, b"\xff\xfeh\x00", "utf-16", None).ok().as_deref(), Some("h"));
        assert_eq!(decode(&mut vm, b"a\xffb", "utf-8", Some("replace")).ok().as_deref(), Some("a\u{FFFD}b"));
        assert_eq!(decode(&mut vm, b"a\xffb", "utf-8", Some("backslashreplace")).ok().as_deref(), Some("a\\xffb"));
        assert_eq!(decode(&mut vm, b"\\u20ac\\n", "unicode_escape", None).ok().as_deref(), Some("€\n"));
        let e = decode(&mut vm, b"\xff", "utf-8", None).unwrap_err();
        assert_eq!(message(&mut vm, e), "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        let e = decode(&mut vm, b"ab\xe2\x82", "utf-8", None).unwrap_err();
        assert_eq!(message(&mut vm, e), "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data");
    }

    #[test]
    fn utf8_sequences() {
        assert_eq!(utf8_seq(b"a"), Ok(1));
        assert_eq!(utf8_seq("é".as_bytes()), Ok(2));
        assert_eq!(utf8_seq(b"\xe2\x28\xa1"), Err((1, "invalid continuation byte")));
        assert_eq!(utf8_seq(b"\xe2\x82"), Err((2, "unexpected end of data")));
        assert_eq!(utf8_seq(b"\xf0\x90\x28"), Err((2, "invalid continuation byte")));
        assert_eq!(utf8_seq(b"\xed\xa0\x80"), Err((1, "invalid continuation byte")));
        assert_eq!(utf8_seq(b"\xc0\x80"), Err((1, "invalid start byte")));
        assert_eq!(utf8_seq(b"\xf4\x90\x80\x80"), Err((1, "invalid continuation byte")));
    }
}
