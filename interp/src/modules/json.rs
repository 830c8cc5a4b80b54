//! `_json`: the speedups the `json` package picks up when present — `scanstring`,
//! `make_scanner` (the decoder's `scan_once`), `make_encoder` (the one-shot encoder for
//! `indent=None`), `encode_basestring_ascii` and `encode_basestring` — with CPython 3.11's
//! messages and error positions.

use std::collections::HashMap;

use crate::impl_native;
use crate::object::{class_flags, Layout, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{new_class, set, this};

// ----- string escaping -----

fn hex4(out: &mut String, v: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    out.push('u');
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((v >> shift) & 0xf) as usize] as char);
    }
}

pub fn escape_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            _ => {
                let v = c as u32;
                if v >= 0x10000 {
                    let w = v - 0x10000;
                    hex4(&mut out, 0xd800 | (w >> 10));
                    hex4(&mut out, 0xdc00 | (w & 0x3ff));
                } else {
                    hex4(&mut out, v);
                }
            }
        }
    }
    out.push('"');
    out
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\x1f' => hex4(&mut out, c as u32),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn str_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    v.as_rstr().ok_or_else(|| vm.type_error(format!("first argument must be a string, not {}", vm.type_tp_name(*v))))
}

fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "encode_basestring_ascii", args, kw, 1, 1)?;
    let s = str_arg(vm, &args[0])?;
    Ok(vm.new_string(escape_ascii(s)))
}

fn encode_basestring(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "encode_basestring", args, kw, 1, 1)?;
    let s = str_arg(vm, &args[0])?;
    Ok(vm.new_string(escape(s)))
}

// ----- decoding -----

/// `json.decoder.JSONDecodeError(msg, s, pos)`, raised.
fn decode_error(vm: &mut Vm, msg: &str, s: Value, pos: usize) -> PyErr {
    let cls = match crate::builtins::import::import_module(vm, "json.decoder") {
        Ok(m) => {
            let n = vm.intern("JSONDecodeError");
            match vm.get_attr(m, n) {
                Ok(c) => c,
                Err(e) => return e,
            }
        }
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    let p = vm.new_int(pos as i64);
    match vm.call(cls, &[m, s, p], &[]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// The characters of a str argument: bytes when ASCII, code points otherwise.
enum Chars<'a> {
    Ascii(&'a [u8]),
    Wide(Vec<u32>),
}

impl Chars<'_> {
    fn of(s: &str) -> Chars<'_> {
        if s.is_ascii() {
            Chars::Ascii(s.as_bytes())
        } else {
            Chars::Wide(s.chars().map(|c| c as u32).collect())
        }
    }

    fn len(&self) -> usize {
        match self {
            Chars::Ascii(b) => b.len(),
            Chars::Wide(w) => w.len(),
        }
    }

    #[inline]
    fn at(&self, i: usize) -> u32 {
        match self {
            Chars::Ascii(b) => b.get(i).map_or(0, |&c| c as u32),
            Chars::Wide(w) => w.get(i).copied().unwrap_or(0),
        }
    }

    fn substring(&self, src: &str, a: usize, b: usize) -> String {
        match self {
            Chars::Ascii(_) => src.get(a..b).unwrap_or("").to_owned(),
            Chars::Wide(w) => w.get(a..b).unwrap_or(&[]).iter().filter_map(|&c| char::from_u32(c)).collect(),
        }
    }
}

struct Decoder<'a> {
    src: &'a str,
    pystr: Value,
    chars: Chars<'a>,
    strict: bool,
    scanner: Option<&'a JsonScanner>,
    memo: HashMap<String, Value>,
}

fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d)
}

fn hex_digit(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|c| c.to_digit(16))
}

impl Decoder<'_> {
    /// Scans a JSON string whose opening quote is just before `end`; returns the string
    /// and the index after the closing quote.
    fn scanstring(&mut self, vm: &mut Vm, mut end: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        if end > len {
            return Err(vm.value_error("end is out of bounds"));
        }
        let begin = end as isize - 1;
        let begin_pos = begin.max(0) as usize;
        let mut out = String::new();
        loop {
            let mut next = end;
            let mut c = 0u32;
            while next < len {
                c = self.chars.at(next);
                if c == b'"' as u32 || c == b'\\' as u32 {
                    break;
                }
                if c <= 0x1f && self.strict {
                    return Err(decode_error(vm, "Invalid control character at", self.pystr, next));
                }
                next += 1;
            }
            if next >= len || !(c == b'"' as u32 || c == b'\\' as u32) {
                return Err(decode_error(vm, "Unterminated string starting at", self.pystr, begin_pos));
            }
            if c == b'"' as u32 && out.is_empty() {
                let s = self.chars.substring(self.src, end, next);
                return Ok((vm.new_string(s), next + 1));
            }
            if next != end {
                out.push_str(&self.chars.substring(self.src, end, next));
            }
            next += 1;
            if c == b'"' as u32 {
                end = next;
                break;
            }
            if next == len {
                return Err(decode_error(vm, "Unterminated string starting at", self.pystr, begin_pos));
            }
            let e = self.chars.at(next);
            let ch: u32;
            if e != b'u' as u32 {
                end = next + 1;
                ch = match char::from_u32(e) {
                    Some('"') => '"' as u32,
                    Some('\\') => '\\' as u32,
                    Some('/') => '/' as u32,
                    Some('b') => 8,
                    Some('f') => 12,
                    Some('n') => 10,
                    Some('r') => 13,
                    Some('t') => 9,
                    _ => return Err(decode_error(vm, "Invalid \\escape", self.pystr, end - 2)),
                };
            } else {
                next += 1;
                end = next + 4;
                if end >= len {
                    return Err(decode_error(vm, "Invalid \\uXXXX escape", self.pystr, next - 1));
                }
                let mut v = 0u32;
                while next < end {
                    let Some(d) = hex_digit(self.chars.at(next)) else {
                        return Err(decode_error(vm, "Invalid \\uXXXX escape", self.pystr, end - 5));
                    };
                    v = (v << 4) | d;
                    next += 1;
                }
                if (0xd800..=0xdbff).contains(&v)
                    && end + 6 < len
                    && self.chars.at(next) == b'\\' as u32
                    && self.chars.at(next + 1) == b'u' as u32
                {
                    next += 2;
                    end += 6;
                    let mut v2 = 0u32;
                    while next < end {
                        let Some(d) = hex_digit(self.chars.at(next)) else {
                            return Err(decode_error(vm, "Invalid \\uXXXX escape", self.pystr, end - 5));
                        };
                        v2 = (v2 << 4) | d;
                        next += 1;
                    }
                    if (0xdc00..=0xdfff).contains(&v2) {
                        v = 0x10000 + (((v - 0xd800) << 10) | (v2 - 0xdc00));
                    } else {
                        end -= 6;
                    }
                }
                ch = v;
            }
            match char::from_u32(ch) {
                Some(c) => out.push(c),
                None => {
                    return Err(vm.not_implemented_error(
                        "a JSON string with a lone surrogate (Krait's str cannot hold surrogates)",
                    ))
                }
            }
        }
        Ok((vm.new_string(out), end))
    }

    fn skip_ws(&self, mut idx: usize) -> usize {
        let len = self.chars.len();
        while idx < len && is_ws(self.chars.at(idx)) {
            idx += 1;
        }
        idx
    }

    fn stop(vm: &mut Vm, idx: usize) -> PyErr {
        let v = vm.new_int(idx as i64);
        vm.stop_iteration(v)
    }

    fn scan_once(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        if idx >= len {
            return Err(Self::stop(vm, idx));
        }
        let starts = |d: &Self, lit: &str| {
            idx + lit.len() <= len && lit.bytes().enumerate().all(|(k, b)| d.chars.at(idx + k) == b as u32)
        };
        match self.chars.at(idx) {
            0x22 => return self.scanstring(vm, idx + 1),
            0x7b => {
                crate::types::list::enter_recursion(vm, " while decoding a JSON object from a unicode string")?;
                let r = self.parse_object(vm, idx + 1);
                crate::types::list::leave_recursion(vm);
                return r;
            }
            0x5b => {
                crate::types::list::enter_recursion(vm, " while decoding a JSON array from a unicode string")?;
                let r = self.parse_array(vm, idx + 1);
                crate::types::list::leave_recursion(vm);
                return r;
            }
            0x6e if starts(self, "null") => return Ok((Value::NONE, idx + 4)),
            0x74 if starts(self, "true") => return Ok((Value::TRUE, idx + 4)),
            0x66 if starts(self, "false") => return Ok((Value::FALSE, idx + 5)),
            0x4e if starts(self, "NaN") => return self.constant(vm, "NaN", idx),
            0x49 if starts(self, "Infinity") => return self.constant(vm, "Infinity", idx),
            0x2d if starts(self, "-Infinity") => return self.constant(vm, "-Infinity", idx),
            _ => {}
        }
        self.number(vm, idx)
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, idx: usize) -> PyResult<(Value, usize)> {
        let f = self.scanner.map(|s| s.parse_constant).unwrap_or(Value::NONE);
        let n = vm.new_str(name);
        let v = vm.call(f, &[n], &[])?;
        Ok((v, idx + name.len()))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        let end_idx = len as isize - 1;
        let at = |i: usize| self.chars.at(i);
        let is_digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
        let mut idx = start;
        if at(idx) == b'-' as u32 {
            idx += 1;
            if idx as isize > end_idx {
                return Err(Self::stop(vm, start));
            }
        }
        if (b'1' as u32..=b'9' as u32).contains(&at(idx)) {
            idx += 1;
            while (idx as isize) <= end_idx && is_digit(at(idx)) {
                idx += 1;
            }
        } else if at(idx) == b'0' as u32 {
            idx += 1;
        } else {
            return Err(Self::stop(vm, start));
        }
        let mut is_float = false;
        if (idx as isize) < end_idx && at(idx) == b'.' as u32 && is_digit(at(idx + 1)) {
            is_float = true;
            idx += 2;
            while (idx as isize) <= end_idx && is_digit(at(idx)) {
                idx += 1;
            }
        }
        if (idx as isize) < end_idx && (at(idx) == b'e' as u32 || at(idx) == b'E' as u32) {
            let e_start = idx;
            idx += 1;
            if (idx as isize) < end_idx && (at(idx) == b'-' as u32 || at(idx) == b'+' as u32) {
                idx += 1;
            }
            while (idx as isize) <= end_idx && is_digit(at(idx)) {
                idx += 1;
            }
            if is_digit(at(idx - 1)) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = (start..idx).filter_map(|i| char::from_u32(at(i))).collect();
        let (pf, pi) = self.scanner.map(|s| (s.parse_float, s.parse_int)).unwrap_or((Value::NONE, Value::NONE));
        let custom = if is_float && !pf.is(vm.types.float) {
            Some(pf)
        } else if !is_float && !pi.is(vm.types.int) {
            Some(pi)
        } else {
            None
        };
        let v = match custom {
            Some(f) => {
                let s = vm.new_string(text);
                vm.call(f, &[s], &[])?
            }
            None if is_float => Value::float(text.parse::<f64>().unwrap_or(f64::NAN)),
            None => match text.parse::<i64>() {
                Ok(i) => vm.new_int(i),
                Err(_) => {
                    let s = vm.new_string(text);
                    vm.call(vm.types.int, &[s], &[])?
                }
            },
        };
        Ok((v, idx))
    }

    fn parse_object(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        let (hook, pairs_hook) =
            self.scanner.map(|s| (s.object_hook, s.object_pairs_hook)).unwrap_or((Value::NONE, Value::NONE));
        let has_pairs = !pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = if has_pairs { Value::NONE } else { vm.new_dict() };
        let mut idx = self.skip_ws(idx);
        if idx >= len || self.chars.at(idx) != b'}' as u32 {
            loop {
                if idx >= len || self.chars.at(idx) != b'"' as u32 {
                    return Err(decode_error(vm, "Expecting property name enclosed in double quotes", self.pystr, idx));
                }
                let (key, next) = self.scanstring(vm, idx + 1)?;
                let key = match key.as_rstr() {
                    Some(k) => match self.memo.get(k) {
                        Some(&m) => m,
                        None => {
                            self.memo.insert(k.to_owned(), key);
                            key
                        }
                    },
                    None => key,
                };
                idx = self.skip_ws(next);
                if idx >= len || self.chars.at(idx) != b':' as u32 {
                    return Err(decode_error(vm, "Expecting ':' delimiter", self.pystr, idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.scan_once(vm, idx)?;
                if has_pairs {
                    pairs.push(vm.new_tuple(vec![key, val]));
                } else {
                    vm.dict_set(dict, key, val)?;
                }
                idx = self.skip_ws(next);
                if idx < len && self.chars.at(idx) == b'}' as u32 {
                    break;
                }
                if idx >= len || self.chars.at(idx) != b',' as u32 {
                    return Err(decode_error(vm, "Expecting ',' delimiter", self.pystr, idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let next = idx + 1;
        if has_pairs {
            let l = vm.new_list(pairs);
            return Ok((vm.call(pairs_hook, &[l], &[])?, next));
        }
        if !hook.is_none() {
            return Ok((vm.call(hook, &[dict], &[])?, next));
        }
        Ok((dict, next))
    }

    fn parse_array(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        let mut items = Vec::new();
        let mut idx = self.skip_ws(idx);
        if idx >= len || self.chars.at(idx) != b']' as u32 {
            loop {
                let (val, next) = self.scan_once(vm, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if idx < len && self.chars.at(idx) == b']' as u32 {
                    break;
                }
                if idx >= len || self.chars.at(idx) != b',' as u32 {
                    return Err(decode_error(vm, "Expecting ',' delimiter", self.pystr, idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((vm.new_list(items), idx + 1))
    }
}

fn scanstring(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("scanstring", kw)?;
    super::nargs(vm, "scanstring", args, &[], 2, 3)?;
    let s = args[0];
    let end = super::helpers_b::ssize_arg(vm, args[1])?;
    let strict = match args.get(2) {
        Some(&v) => vm.truthy(v)?,
        None => true,
    };
    let Some(src) = s.as_rstr() else {
        return Err(vm.type_error(format!("first argument must be a string, not {}", vm.type_tp_name(s))));
    };
    let chars = Chars::of(src);
    if end < 0 || end as usize > chars.len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let mut d = Decoder { src, pystr: s, chars, strict, scanner: None, memo: HashMap::new() };
    let (v, e) = d.scanstring(vm, end as usize)?;
    let e = vm.new_int(e as i64);
    Ok(vm.new_tuple(vec![v, e]))
}

// ----- make_scanner -----

pub struct JsonScanner {
    pub strict: bool,
    pub object_hook: Value,
    pub object_pairs_hook: Value,
    pub parse_float: Value,
    pub parse_int: Value,
    pub parse_constant: Value,
}
impl_native!(JsonScanner, |s, visit| {
    visit(s.object_hook);
    visit(s.object_pairs_hook);
    visit(s.parse_float);
    visit(s.parse_int);
    visit(s.parse_constant);
});

fn scanner_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [ctx] = vm.bind_args("make_scanner", &args[1..], kw, ["context"], 1)?;
    let get = |vm: &mut Vm, name: &str| {
        let n = vm.intern(name);
        vm.get_attr(ctx, n)
    };
    let strict_v = get(vm, "strict")?;
    let strict = vm.truthy(strict_v)?;
    let object_hook = get(vm, "object_hook")?;
    let object_pairs_hook = get(vm, "object_pairs_hook")?;
    let parse_float = get(vm, "parse_float")?;
    let parse_int = get(vm, "parse_int")?;
    let parse_constant = get(vm, "parse_constant")?;
    Ok(vm.new_native(
        args[0],
        JsonScanner { strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant },
    ))
}

fn scanner_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let sc = this::<JsonScanner>(vm, args, "__call__", "_json.Scanner")?;
    let [s, idx] = vm.bind_args("scan_once", &args[1..], kw, ["string", "idx"], 2)?;
    let idx = super::helpers_b::ssize_arg(vm, idx)?;
    let Some(src) = s.as_rstr() else {
        return Err(vm.type_error(format!("first argument must be a string, not {}", vm.type_tp_name(s))));
    };
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let mut d =
        Decoder { src, pystr: s, chars: Chars::of(src), strict: sc.strict, scanner: Some(sc), memo: HashMap::new() };
    let (v, e) = d.scan_once(vm, idx as usize)?;
    let e = vm.new_int(e as i64);
    Ok(vm.new_tuple(vec![v, e]))
}

// ----- make_encoder -----

pub struct JsonEncoder {
    pub markers: Value,
    pub default: Value,
    pub encoder: Value,
    pub indent: Value,
    pub key_separator: Value,
    pub item_separator: Value,
    pub sort_keys: bool,
    pub skipkeys: bool,
    pub allow_nan: bool,
    /// 1: the encoder is `encode_basestring_ascii`, 2: `encode_basestring`, 0: other.
    pub fast: u8,
}
impl_native!(JsonEncoder, |s, visit| {
    visit(s.markers);
    visit(s.default);
    visit(s.encoder);
    visit(s.indent);
    visit(s.key_separator);
    visit(s.item_separator);
});

fn encoder_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [markers, default, encoder, indent, key_sep, item_sep, sort_keys, skipkeys, allow_nan] = vm.bind_args(
        "make_encoder",
        &args[1..],
        kw,
        [
            "markers",
            "default",
            "encoder",
            "indent",
            "key_separator",
            "item_separator",
            "sort_keys",
            "skipkeys",
            "allow_nan",
        ],
        9,
    )?;
    if !markers.is_none() && markers.as_dict().is_none() {
        return Err(
            vm.type_error(format!("make_encoder() argument 1 must be dict or None, not {}", vm.arg_type_name(markers)))
        );
    }
    for (i, v) in [(5, key_sep), (6, item_sep)] {
        if v.as_pystr().is_none() {
            return Err(vm.type_error(format!("make_encoder() argument {i} must be str, not {}", vm.arg_type_name(v))));
        }
    }
    let fast = {
        let st = vm.state.borrow();
        if st.get("_json.encode_basestring_ascii").is_some_and(|f| f.is(encoder)) {
            1
        } else if st.get("_json.encode_basestring").is_some_and(|f| f.is(encoder)) {
            2
        } else {
            0
        }
    };
    let (sort_keys, skipkeys, allow_nan) = (vm.truthy(sort_keys)?, vm.truthy(skipkeys)?, vm.truthy(allow_nan)?);
    Ok(vm.new_native(
        args[0],
        JsonEncoder {
            markers,
            default,
            encoder,
            indent,
            key_separator: key_sep,
            item_separator: item_sep,
            sort_keys,
            skipkeys,
            allow_nan,
            fast,
        },
    ))
}

impl JsonEncoder {
    fn encode_str(&self, vm: &mut Vm, s: Value, out: &mut String) -> PyResult<()> {
        match (self.fast, s.as_rstr()) {
            (1, Some(t)) => out.push_str(&escape_ascii(t)),
            (2, Some(t)) => out.push_str(&escape(t)),
            _ => {
                let r = vm.call(self.encoder, &[s], &[])?;
                match r.as_rstr() {
                    Some(t) => out.push_str(t),
                    None => {
                        return Err(vm.type_error(format!("encoder() must return a string, not {}", vm.type_tp_name(r))))
                    }
                }
            }
        }
        Ok(())
    }

    fn encode_float(&self, vm: &mut Vm, f: f64) -> PyResult<String> {
        if !f.is_finite() {
            if !self.allow_nan {
                return Err(vm.value_error("Out of range float values are not JSON compliant"));
            }
            return Ok(if f > 0.0 {
                "Infinity".into()
            } else if f < 0.0 {
                "-Infinity".into()
            } else {
                "NaN".into()
            });
        }
        Ok(crate::types::float::float_repr(f))
    }

    fn float_of(vm: &Vm, v: Value) -> Option<f64> {
        if let Some(f) = v.as_float() {
            return Some(f);
        }
        match v.as_obj().map(|o| &o.payload) {
            Some(Payload::Float(f)) if vm.isinstance(v, vm.types.float) => Some(*f),
            _ => None,
        }
    }

    fn is_int(vm: &Vm, v: Value) -> bool {
        v.is_small_int() || (v.as_bigint().is_some() && vm.isinstance(v, vm.types.int))
    }

    /// Adds `obj` to the markers (circular reference detection); the key to remove later.
    fn mark(&self, vm: &mut Vm, obj: Value) -> PyResult<Option<Value>> {
        if self.markers.is_none() {
            return Ok(None);
        }
        let ident = crate::builtins::functions::id(vm, &[obj], &[])?;
        if vm.dict_get(self.markers, ident)?.is_some() {
            return Err(vm.value_error("Circular reference detected"));
        }
        vm.dict_set(self.markers, ident, obj)?;
        Ok(Some(ident))
    }

    fn unmark(&self, vm: &mut Vm, ident: Option<Value>) -> PyResult<()> {
        if let Some(i) = ident {
            if let Some(d) = self.markers.as_dict() {
                crate::dict::del(vm, d, i)?;
            }
        }
        Ok(())
    }

    fn encode(&self, vm: &mut Vm, obj: Value, out: &mut String) -> PyResult<()> {
        match obj {
            Value::NONE => {
                out.push_str("null");
                return Ok(());
            }
            Value::TRUE => {
                out.push_str("true");
                return Ok(());
            }
            Value::FALSE => {
                out.push_str("false");
                return Ok(());
            }
            _ => {}
        }
        if obj.as_pystr().is_some() {
            return self.encode_str(vm, obj, out);
        }
        if Self::is_int(vm, obj) {
            let i = vm.int_value(obj).unwrap_or_default();
            out.push_str(&i.to_string());
            return Ok(());
        }
        if let Some(f) = Self::float_of(vm, obj) {
            out.push_str(&self.encode_float(vm, f)?);
            return Ok(());
        }
        if obj.as_list().is_some() || obj.as_tuple().is_some() {
            crate::types::list::enter_recursion(vm, " while encoding a JSON object")?;
            let r = self.encode_list(vm, obj, out);
            crate::types::list::leave_recursion(vm);
            return r;
        }
        if obj.as_dict().is_some() {
            crate::types::list::enter_recursion(vm, " while encoding a JSON object")?;
            let r = self.encode_dict(vm, obj, out);
            crate::types::list::leave_recursion(vm);
            return r;
        }
        let ident = self.mark(vm, obj)?;
        let newobj = vm.call(self.default, &[obj], &[])?;
        crate::types::list::enter_recursion(vm, " while encoding a JSON object")?;
        let r = self.encode(vm, newobj, out);
        crate::types::list::leave_recursion(vm);
        r?;
        self.unmark(vm, ident)
    }

    fn encode_list(&self, vm: &mut Vm, seq: Value, out: &mut String) -> PyResult<()> {
        let items: Vec<Value> = match (seq.as_list(), seq.as_tuple()) {
            (Some(l), _) => l.borrow().clone(),
            (_, Some(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        let ident = self.mark(vm, seq)?;
        out.push('[');
        let sep = self.item_separator.as_rstr().unwrap_or(", ").to_owned();
        for (i, &it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            self.encode(vm, it, out)?;
        }
        self.unmark(vm, ident)?;
        out.push(']');
        Ok(())
    }

    fn encode_dict(&self, vm: &mut Vm, dct: Value, out: &mut String) -> PyResult<()> {
        if dct.as_dict().is_some_and(|d| d.borrow().is_empty()) {
            out.push_str("{}");
            return Ok(());
        }
        let ident = self.mark(vm, dct)?;
        out.push('{');
        let items: Vec<(Value, Value)> = if vm.type_of(dct).is(vm.types.dict) && !self.sort_keys {
            dct.as_dict().map(|d| d.borrow().items()).unwrap_or_default()
        } else {
            let it = vm.call_method(dct, "items", &[])?;
            let l = vm.collect(it)?;
            let lv = vm.new_list(l);
            if self.sort_keys {
                crate::types::sort::sort_list(vm, lv, Value::NONE, false)?;
            }
            let l = lv.as_list().map(|c| c.borrow().clone()).unwrap_or_default();
            let mut pairs = Vec::with_capacity(l.len());
            for item in l {
                match item.as_tuple() {
                    Some(t) if t.len() == 2 => pairs.push((t[0], t[1])),
                    _ => return Err(vm.value_error("items must return 2-tuples")),
                }
            }
            pairs
        };
        let item_sep = self.item_separator.as_rstr().unwrap_or(", ").to_owned();
        let key_sep = self.key_separator.as_rstr().unwrap_or(": ").to_owned();
        let mut first = true;
        for (key, value) in items {
            let keystr: Value = if key.as_pystr().is_some() {
                key
            } else if let Some(f) = Self::float_of(vm, key) {
                let s = self.encode_float(vm, f)?;
                vm.new_string(s)
            } else if key == Value::TRUE || key == Value::FALSE || key == Value::NONE {
                vm.new_str(match key {
                    Value::TRUE => "true",
                    Value::FALSE => "false",
                    _ => "null",
                })
            } else if Self::is_int(vm, key) {
                let i = vm.int_value(key).unwrap_or_default();
                vm.new_string(i.to_string())
            } else if self.skipkeys {
                continue;
            } else {
                return Err(
                    vm.type_error(format!("keys must be str, int, float, bool or None, not {}", vm.type_tp_name(key)))
                );
            };
            if first {
                first = false;
            } else {
                out.push_str(&item_sep);
            }
            self.encode_str(vm, keystr, out)?;
            out.push_str(&key_sep);
            self.encode(vm, value, out)?;
        }
        self.unmark(vm, ident)?;
        out.push('}');
        Ok(())
    }
}

fn encoder_call(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let enc = this::<JsonEncoder>(vm, args, "__call__", "_json.Encoder")?;
    let [obj, level] = vm.bind_args("_iterencode", &args[1..], kw, ["obj", "_current_indent_level"], 2)?;
    super::helpers_b::ssize_arg(vm, level)?;
    let mut out = String::new();
    enc.encode(vm, obj, &mut out)?;
    let s = vm.new_string(out);
    Ok(vm.new_list(vec![s]))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(vm, "_json", &[("scanstring", scanstring)]);
    let f = vm.add_function(m, "encode_basestring_ascii", encode_basestring_ascii);
    vm.state.borrow_mut().insert("_json.encode_basestring_ascii", f);
    let f = vm.add_function(m, "encode_basestring", encode_basestring);
    vm.state.borrow_mut().insert("_json.encode_basestring", f);
    let obj = vm.types.object;
    let sc = new_class(vm, "_json", "Scanner", obj, Layout::Other, class_flags::BASETYPE);
    vm.add_staticmethod(sc, "__new__", scanner_new);
    vm.add_method(sc, "__call__", scanner_call);
    set(vm, m, "make_scanner", sc);
    let en = new_class(vm, "_json", "Encoder", obj, Layout::Other, class_flags::BASETYPE);
    vm.add_staticmethod(en, "__new__", encoder_new);
    vm.add_method(en, "__call__", encoder_call);
    set(vm, m, "make_encoder", en);
    let doc = vm.new_str("json speedups\n");
    set(vm, m, "__doc__", doc);
    Ok(m)
}
