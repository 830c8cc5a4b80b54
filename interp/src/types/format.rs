//! String formatting: the format-spec mini-language (`format(x, spec)`, f-strings,
//! `__format__` of str/int/float/complex), printf-style `%` formatting of str and bytes, and
//! `str.format`/`str.format_map`.
//!
//! Numbers are rendered the way CPython's `formatter_unicode.c` does it: a number becomes
//! sign + prefix + integer digits + remainder (fraction, exponent, `%`); only the integer
//! digits are grouped, and zero padding (fill `0` with `=` alignment) is done by growing the
//! grouped digit run so separators appear among the padding zeros too (`'00,000,001'`).
//! Float digits come from Rust's formatter, which is correctly rounded (round-half-even on
//! the exact binary value, like C's printf that CPython relies on); the shortest round-trip
//! digits used by `repr` come from Rust's `{:e}`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::Payload;
use crate::types::str::ascii_escape;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ----- the format-spec mini-language -----

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None` when not given (each type has its default).
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero.
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Why a spec did not parse; the caller turns it into a ValueError (some messages need
/// the object's type name).
#[derive(Debug, PartialEq)]
pub enum SpecError {
    Invalid,
    TooManyDigits,
    MissingPrecision,
    BothSeparators,
    SeparatorWithType(char, char),
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Reads decimal digits at `*i`; `Ok(None)` when there are none.
fn parse_digits(chars: &[char], i: &mut usize) -> Result<Option<usize>, SpecError> {
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n.checked_mul(10).and_then(|n| n.checked_add(d as usize)).ok_or(SpecError::TooManyDigits)?;
        if n > isize::MAX as usize {
            return Err(SpecError::TooManyDigits);
        }
        *i += 1;
    }
    Ok(if *i == start { None } else { Some(n) })
}

/// Parses a format spec. `numeric` says whether the type's default alignment is right
/// (numbers), which decides what a leading `0` means; `default_ty` is the type assumed
/// when none is given, for the separator check.
pub fn parse_spec(spec: &str, numeric: bool, default_ty: Option<char>) -> Result<Spec, SpecError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut i = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        fill_given = true;
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c) = chars.get(i) {
        if matches!(c, '+' | '-' | ' ') {
            s.sign = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'z') {
        s.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if !fill_given && chars.get(i) == Some(&'0') {
        s.fill = '0';
        if s.align.is_none() && numeric {
            s.align = Some('=');
        }
        i += 1;
    }
    s.width = parse_digits(&chars, &mut i)?;
    if chars.get(i) == Some(&',') {
        s.grouping = Some(',');
        i += 1;
    }
    if chars.get(i) == Some(&'_') {
        if s.grouping.is_some() {
            return Err(SpecError::BothSeparators);
        }
        s.grouping = Some('_');
        i += 1;
    }
    if chars.get(i) == Some(&',') && s.grouping == Some('_') {
        return Err(SpecError::BothSeparators);
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        match parse_digits(&chars, &mut i)? {
            Some(p) => s.precision = Some(p),
            None => return Err(SpecError::MissingPrecision),
        }
    }
    if chars.len() - i > 1 {
        return Err(SpecError::Invalid);
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
    }
    if let Some(g) = s.grouping {
        let ty = s.ty.or(default_ty);
        match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => return Err(SpecError::SeparatorWithType(g, t)),
        }
    }
    Ok(s)
}

/// Parses `spec` for an object of type `tyname`, raising CPython's ValueErrors.
fn spec_for(vm: &Vm, spec: &str, tyname: &str, numeric: bool, default_ty: Option<char>) -> PyResult<Spec> {
    let sp = parse_spec_checked(vm, spec, tyname, numeric, default_ty)?;
    // Padding is allocated up front; refuse widths no machine could hold rather than
    // aborting on a failed allocation.
    if sp.width.unwrap_or(0).saturating_mul(sp.fill.len_utf8()) > MAX_PADDED_LEN {
        return Err(vm.err(vm.exc.memory_error, ""));
    }
    Ok(sp)
}

/// The longest padded result `format` will try to build (4 GiB).
const MAX_PADDED_LEN: usize = 1 << 32;

fn parse_spec_checked(vm: &Vm, spec: &str, tyname: &str, numeric: bool, default_ty: Option<char>) -> PyResult<Spec> {
    parse_spec(spec, numeric, default_ty).map_err(|e| {
        vm.value_error(match e {
            SpecError::Invalid => format!("Invalid format specifier '{spec}' for object of type '{tyname}'"),
            SpecError::TooManyDigits => "Too many decimal digits in format string".to_owned(),
            SpecError::MissingPrecision => "Format specifier missing precision".to_owned(),
            SpecError::BothSeparators => "Cannot specify both ',' and '_'.".to_owned(),
            SpecError::SeparatorWithType(g, t) => {
                if (' '..='~').contains(&t) && t != ' ' {
                    format!("Cannot specify '{g}' with '{t}'.")
                } else {
                    format!("Cannot specify '{g}' with '\\x{:x}'.", t as u32)
                }
            }
        })
    })
}

fn unknown_code(vm: &Vm, ty: char, tyname: &str) -> crate::vm::PyErr {
    if (' '..='~').contains(&ty) && ty != ' ' {
        vm.value_error(format!("Unknown format code '{ty}' for object of type '{tyname}'"))
    } else {
        vm.value_error(format!("Unknown format code '\\x{:x}' for object of type '{tyname}'", ty as u32))
    }
}

/// Pads `body` (of `len` characters) to the spec's width with its fill and alignment
/// (`=` is handled by the number renderer, so here it means right).
fn pad(body: &str, len: usize, spec: &Spec, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return body.to_owned();
    }
    let total = width - len;
    let (left, right) = match spec.align.unwrap_or(default_align) {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut out = String::with_capacity(body.len() + total * spec.fill.len_utf8());
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, right));
    out
}

// ----- str -----

/// `format(s, spec)` for a str.
pub fn format_str(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    let sp = spec_for(vm, spec, "str", false, Some('s'))?;
    format_str_spec(vm, s, &sp, "str")
}

fn format_str_spec(vm: &Vm, s: &str, sp: &Spec, tyname: &str) -> PyResult<String> {
    match sp.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(vm, t, tyname)),
    }
    match sp.sign {
        Some(' ') => return Err(vm.value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(vm.value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if sp.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if sp.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let (body, len) = match sp.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((b, _)) => (&s[..b], p),
            None => (s, s.chars().count()),
        },
        None => (s, if sp.width.is_some() { s.chars().count() } else { 0 }),
    };
    Ok(pad(body, len, sp, '<'))
}

// ----- numbers -----

/// Inserts `sep` every `interval` digits of `digits` (ASCII), and grows the result with
/// leading zeros (and separators among them) until it is at least `min_width` long, never
/// starting with a separator.
fn group_digits(digits: &str, sep: Option<char>, interval: usize, min_width: usize) -> String {
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() * 4 / 3 + 1);
    let mut in_group = 0;
    let push = |rev: &mut Vec<char>, d: char, in_group: &mut usize| {
        if let Some(sep) = sep {
            if *in_group == interval {
                rev.push(sep);
                *in_group = 0;
            }
        }
        rev.push(d);
        *in_group += 1;
    };
    for d in digits.chars().rev() {
        push(&mut rev, d, &mut in_group);
    }
    while rev.len() < min_width {
        push(&mut rev, '0', &mut in_group);
    }
    rev.iter().rev().collect()
}

/// Renders a number from its parts with the spec's sign, grouping, fill and alignment.
/// `negative` is the number's sign; `digits` its integer digits; `rest` what follows them.
fn render_number(spec: &Spec, negative: bool, prefix: &str, digits: &str, rest: &str, interval: usize) -> String {
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let align = spec.align.unwrap_or('>');
    let width = spec.width.unwrap_or(0);
    let fixed = sign.len() + prefix.len() + rest.chars().count();
    let min_digits = if spec.fill == '0' && align == '=' { width.saturating_sub(fixed) } else { 0 };
    let grouped = group_digits(digits, spec.grouping, interval, min_digits);
    let len = fixed + grouped.chars().count();
    if len >= width {
        return format!("{sign}{prefix}{grouped}{rest}");
    }
    let padn = width - len;
    let fill = |n: usize| std::iter::repeat_n(spec.fill, n).collect::<String>();
    match align {
        '<' => format!("{sign}{prefix}{grouped}{rest}{}", fill(padn)),
        '^' => format!("{}{sign}{prefix}{grouped}{rest}{}", fill(padn / 2), fill(padn - padn / 2)),
        '=' => format!("{sign}{prefix}{}{grouped}{rest}", fill(padn)),
        _ => format!("{}{sign}{prefix}{grouped}{rest}", fill(padn)),
    }
}

/// `format(i, spec)` for an int or bool value `v` (int subclasses included).
pub fn format_int(vm: &mut Vm, v: Value, spec: &str) -> PyResult<String> {
    let Some(i) = vm.int_value(v) else {
        return Err(vm.type_error(format!("format_int() needs an int, not {}", vm.type_tp_name(v))));
    };
    let tyname = vm.type_name(v);
    if spec.is_empty() {
        // `format(x, '')` is `str(x)`: computed here for exact ints and bools; subclasses
        // may override `__str__`.
        let ty = vm.type_of(v);
        return if ty.is(vm.types.int) {
            Ok(i.to_string())
        } else if v.is_bool() {
            Ok(if v == Value::TRUE { "True" } else { "False" }.to_owned())
        } else {
            vm.str_string(v)
        };
    }
    let sp = spec_for(vm, spec, &tyname, true, Some('d'))?;
    format_bigint_spec(vm, &i, &sp, &tyname)
}

fn format_bigint_spec(vm: &Vm, i: &BigInt, sp: &Spec, tyname: &str) -> PyResult<String> {
    let ty = sp.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = i.to_f64().filter(|f| f.is_finite());
        let Some(f) = f else {
            return Err(vm.overflow_error("int too large to convert to float"));
        };
        return format_float_spec(vm, f, sp, tyname);
    }
    if !matches!(ty, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        return Err(unknown_code(vm, ty, tyname));
    }
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if sp.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if sp.alternate {
            return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        if i.to_i64().is_none() {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        }
        let c = i.to_u32().and_then(char::from_u32);
        let Some(c) = c else {
            if i.to_u32().is_some_and(|n| n < 0x110000) {
                return Err(vm.not_implemented_error("lone surrogates in str are not supported"));
            }
            return Err(vm.overflow_error("%c arg not in range(0x110000)"));
        };
        let mut buf = [0u8; 4];
        let body = c.encode_utf8(&mut buf);
        let sp2 = Spec { align: Some(if sp.align == Some('=') { '>' } else { sp.align.unwrap_or('>') }), ..sp.clone() };
        return Ok(pad(body, 1, &sp2, '>'));
    }
    let mag = i.abs();
    let (digits, prefix, interval) = match ty {
        'b' => (mag.to_str_radix(2), "0b", 4),
        'o' => (mag.to_str_radix(8), "0o", 4),
        'x' => (mag.to_str_radix(16), "0x", 4),
        'X' => (mag.to_str_radix(16).to_ascii_uppercase(), "0X", 4),
        _ => (mag.to_string(), "", 3),
    };
    let prefix = if sp.alternate { prefix } else { "" };
    Ok(render_number(sp, i.is_negative(), prefix, &digits, "", interval))
}

/// Splits a rendered unsigned float into integer digits and the rest (`"1234.5e+06"` ->
/// `("1234", ".5e+06")`).
fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// The shortest round-trip digits of a finite positive `x` and its decimal exponent:
/// `x == 0.d1d2d3... * 10^(exp+1)`, i.e. `d1.d2d3... * 10^exp`.
fn shortest_digits(x: f64) -> (String, i32) {
    let e = crate::types::float::shortest_sci(x);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Formats an exponent CPython's way: sign and at least two digits.
fn exp_str(exp: i32, upper: bool) -> String {
    format!("{}{}{:02}", if upper { 'E' } else { 'e' }, if exp < 0 { '-' } else { '+' }, exp.unsigned_abs())
}

/// `d1.d2d3...` with an exponent (used by repr-style and 'e' output).
fn sci(digits: &str, exp: i32, upper: bool, force_point: bool) -> String {
    let mut out = String::with_capacity(digits.len() + 6);
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    } else if force_point {
        out.push('.');
    }
    out.push_str(&exp_str(exp, upper));
    out
}

/// Places a decimal point into `digits` (value `0.digits * 10^(exp+1)`) in fixed notation.
fn fixed_from_digits(digits: &str, exp: i32) -> String {
    if exp < 0 {
        let zeros = (-exp - 1) as usize;
        format!("0.{}{}", "0".repeat(zeros), digits)
    } else {
        let point = exp as usize + 1;
        if digits.len() > point {
            format!("{}.{}", &digits[..point], &digits[point..])
        } else {
            format!("{}{}", digits, "0".repeat(point - digits.len()))
        }
    }
}

/// CPython's `float_repr_style` output for a finite, non-negative `x`: shortest digits,
/// scientific when the exponent is below -4 or at least 16, with `.0` added to integral
/// fixed-point results when `add_dot_0`.
fn repr_unsigned(x: f64, add_dot_0: bool) -> String {
    if x == 0.0 {
        return if add_dot_0 { "0.0".to_owned() } else { "0".to_owned() };
    }
    let (digits, exp) = shortest_digits(x);
    if !(-4..16).contains(&exp) {
        return sci(&digits, exp, false, false);
    }
    let mut s = fixed_from_digits(&digits, exp);
    if add_dot_0 && !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// `repr(f)`: the numbers module's implementation, re-exported for formatting code.
pub use crate::types::float::float_repr;

/// Renders a finite non-negative `x` for presentation type `ty` (`e f g E F G r`) and
/// precision, like CPython's `PyOS_double_to_string` without the sign.
fn float_body(x: f64, ty: char, prec: usize, alt: bool, add_dot_0: bool) -> String {
    let upper = ty.is_ascii_uppercase();
    match ty.to_ascii_lowercase() {
        'e' => {
            let s = sci_any(x, prec);
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i32 = exp.parse().unwrap_or(0);
            let mut out = mant.to_owned();
            if alt && prec == 0 {
                out.push('.');
            }
            out.push_str(&exp_str(exp, upper));
            out
        }
        'f' => {
            let mut out = fixed_any(x, prec);
            if alt && prec == 0 {
                out.push('.');
            }
            out
        }
        'g' => {
            let p = prec.max(1);
            let s = sci_any(x, p - 1);
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i32 = exp.parse().unwrap_or(0);
            // The no-type presentation (`add_dot_0`) switches to scientific one digit
            // earlier than 'g' does, as CPython's `format_float_short` does.
            let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
            let fixed = exp >= -4 && (exp as i64) < limit;
            let mut out = if fixed {
                let decimals = (p as i64 - 1 - exp as i64) as usize;
                fixed_any(x, decimals)
            } else {
                mant.to_owned()
            };
            if alt {
                if !out.contains('.') {
                    out.push('.');
                }
            } else if out.contains('.') {
                let t = out.trim_end_matches('0').trim_end_matches('.').len();
                out.truncate(t);
            }
            if !fixed {
                out.push_str(&exp_str(exp, upper));
            } else if add_dot_0 && !out.contains('.') {
                out.push_str(".0");
            }
            out
        }
        _ => {
            let mut s = repr_unsigned(x, add_dot_0);
            if alt && !s.contains('.') {
                // `#` keeps a decimal point even when nothing follows it (`1.e+16`).
                let at = s.find('e').unwrap_or(s.len());
                s.insert(at, '.');
            }
            s
        }
    }
}

/// Formats `f` as C's `%` conversions do (`ty` one of `e E f F g G r`), returning the sign
/// separately. `no_neg_zero` drops the sign of a result that rounds to zero.
pub fn float_parts(f: f64, ty: char, prec: usize, alt: bool, add_dot_0: bool, no_neg_zero: bool) -> (bool, String) {
    let upper = ty.is_ascii_uppercase();
    if f.is_nan() {
        return (false, if upper { "NAN" } else { "nan" }.to_owned());
    }
    if f.is_infinite() {
        return (f < 0.0, if upper { "INF" } else { "inf" }.to_owned());
    }
    let body = float_body(f.abs(), ty, prec, alt, add_dot_0);
    let mut negative = f.is_sign_negative();
    if negative && no_neg_zero {
        // `z`: a result that rounded to zero loses its sign (the exponent does not count).
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if mantissa.chars().all(|c| c == '0' || c == '.') {
            negative = false;
        }
    }
    (negative, body)
}

/// `format(f, spec)` for a float.
pub fn format_float(vm: &mut Vm, f: f64, spec: &str) -> PyResult<String> {
    format_float_named(vm, f, spec, "float")
}

/// `format(f, spec)` for a float whose type is called `tyname` (subclasses).
pub fn format_float_named(vm: &mut Vm, f: f64, spec: &str, tyname: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(f));
    }
    let sp = spec_for(vm, spec, tyname, true, None)?;
    format_float_spec(vm, f, &sp, tyname)
}

fn format_float_spec(vm: &Vm, f: f64, sp: &Spec, tyname: &str) -> PyResult<String> {
    let (ty, prec, add_dot_0, pct) = float_presentation(vm, sp, tyname)?;
    let val = if pct { f * 100.0 } else { f };
    let (neg, mut body) = float_parts(val, ty, prec, sp.alternate, add_dot_0, sp.no_neg_zero);
    if pct {
        body.push('%');
    }
    if !f.is_finite() {
        // No grouping or zero-grouping for inf/nan: render as plain digits-less text.
        return Ok(render_number(&Spec { grouping: None, ..sp.clone() }, neg, "", "", &body, 3));
    }
    let (digits, rest) = split_digits(&body);
    Ok(render_number(sp, neg, "", digits, rest, 3))
}

/// Resolves a float spec's presentation: (type for `float_parts`, precision, add `.0`,
/// percent). Raises for codes floats do not have.
fn float_presentation(vm: &Vm, sp: &Spec, tyname: &str) -> PyResult<(char, usize, bool, bool)> {
    if sp.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.value_error("precision too big"));
    }
    Ok(match sp.ty {
        None => match sp.precision {
            None => ('r', 0, true, false),
            Some(p) => ('g', p, true, false),
        },
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (t, sp.precision.unwrap_or(6), false, false),
        Some('n') => ('g', sp.precision.unwrap_or(6), false, false),
        Some('%') => ('f', sp.precision.unwrap_or(6), false, true),
        Some(t) => return Err(unknown_code(vm, t, tyname)),
    })
}

/// `format(z, spec)` for a complex number.
pub fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &str) -> PyResult<String> {
    format_complex_named(vm, re, im, spec, "complex")
}

pub fn format_complex_named(vm: &mut Vm, re: f64, im: f64, spec: &str, tyname: &str) -> PyResult<String> {
    let sp = spec_for(vm, spec, tyname, true, None)?;
    // The presentation type is checked first, then the flags complex numbers refuse.
    if let Some(t) = sp.ty.filter(|t| !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) {
        return Err(unknown_code(vm, t, tyname));
    }
    if sp.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (ty, prec, skip_re, parens) = match sp.ty {
        None => {
            let skip = re == 0.0 && re.is_sign_positive();
            match sp.precision {
                None => ('r', 0, skip, !skip),
                Some(p) => ('g', p, skip, !skip),
            }
        }
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (t, sp.precision.unwrap_or(6), false, false),
        Some('n') => ('g', sp.precision.unwrap_or(6), false, false),
        Some(t) => return Err(unknown_code(vm, t, tyname)),
    };
    let part = |v: f64, force_sign: bool, sign_opt: Option<char>| {
        let (neg, body) = float_parts(v, ty, prec, sp.alternate, false, sp.no_neg_zero);
        let sub = Spec {
            fill: ' ',
            align: Some('<'),
            width: None,
            sign: if force_sign { Some('+') } else { sign_opt },
            ..sp.clone()
        };
        if !v.is_finite() {
            return render_number(&Spec { grouping: None, ..sub }, neg, "", "", &body, 3);
        }
        let (digits, rest) = split_digits(&body);
        render_number(&sub, neg, "", digits, rest, 3)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, false, sp.sign));
    }
    body.push_str(&part(im, !skip_re, sp.sign));
    body.push('j');
    if parens {
        body.push(')');
    }
    let n = body.chars().count();
    Ok(pad(&body, n, &Spec { align: sp.align.or(Some('>')), ..sp }, '>'))
}

// ----- printf-style formatting -----

/// Whether `%` formats a str (result text) or bytes (result bytes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Str,
    Bytes,
}

struct PctArgs {
    args: Value,
    /// Tuple items, when the right operand is a tuple.
    items: Option<Vec<Value>>,
    /// CPython's argidx/arglen state machine: a non-tuple argument is "one argument"
    /// (arglen -1, argidx -2 until used).
    idx: i64,
    len: i64,
    dict: Option<Value>,
}

impl PctArgs {
    fn next(&mut self, vm: &Vm) -> PyResult<Value> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            if self.len < 0 {
                return Ok(self.args);
            }
            if let Some(&v) = self.items.as_ref().and_then(|items| items.get(i as usize)) {
                return Ok(v);
            }
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// True when `v` counts as a mapping for `%(key)s` (CPython: has `__getitem__` and is not a
/// tuple, str or bytes).
fn is_pct_mapping(vm: &mut Vm, v: Value) -> bool {
    if v.as_tuple().is_some() || v.as_pystr().is_some() {
        return false;
    }
    if let Some(o) = v.as_obj() {
        if matches!(o.payload, Payload::Bytes(_)) {
            return false;
        }
        if o.as_dict().is_some() {
            return true;
        }
    } else {
        return false;
    }
    let ty = vm.type_of(v);
    let n = vm.intern("__getitem__");
    vm.lookup_type(ty, n).is_some()
}

/// `fmt % args` for a str format.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: Value) -> PyResult<String> {
    let out = percent_impl(vm, fmt.as_bytes(), args, Mode::Str)?;
    // Only UTF-8 text (from the format and from str conversions) is ever pushed.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// `fmt % args` for a bytes/bytearray format.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    percent_impl(vm, fmt, args, Mode::Bytes)
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

fn percent_impl(vm: &mut Vm, fmt: &[u8], args: Value, mode: Mode) -> PyResult<Vec<u8>> {
    let (items, len) = match args.as_tuple() {
        Some(t) => (Some(t.to_vec()), t.len() as i64),
        None => (None, -1),
    };
    let dict = if is_pct_mapping(vm, args) { Some(args) } else { None };
    let mut st = PctArgs { args, items, idx: if len < 0 { -2 } else { 0 }, len, dict };
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 16);
    let n = fmt.len();
    let mut i = 0;
    while i < n {
        let Some(off) = fmt[i..].iter().position(|&b| b == b'%') else {
            out.extend_from_slice(&fmt[i..]);
            break;
        };
        out.extend_from_slice(&fmt[i..i + off]);
        i += off + 1;
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        if fmt[i] == b'%' {
            out.push(b'%');
            i += 1;
            continue;
        }
        if fmt[i] == b'(' {
            let Some(d) = st.dict else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let kstart = i + 1;
            i += 1;
            while i < n && depth > 0 {
                match fmt[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let kb = &fmt[kstart..i - 1];
            let key = match mode {
                Mode::Str => vm.new_str(std::str::from_utf8(kb).unwrap_or("")),
                Mode::Bytes => vm.new_bytes(kb.to_vec()),
            };
            st.args = vm.get_item(d, key)?;
            st.items = None;
            st.len = -1;
            st.idx = -2;
        }
        let mut fl = Flags::default();
        while i < n {
            match fmt[i] {
                b'-' => fl.left = true,
                b'+' => fl.plus = true,
                b' ' => fl.space = true,
                b'#' => fl.alt = true,
                b'0' => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < n && fmt[i] == b'*' {
            let w = st.next(vm)?;
            let Some(wv) = vm.int_value(w) else {
                return Err(vm.type_error("* wants int"));
            };
            let wv = wv.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
            if wv < 0 {
                fl.left = true;
            }
            if wv.unsigned_abs() > i32::MAX as u64 {
                // CPython cannot allocate such a result either.
                return Err(vm.err(vm.exc.memory_error, String::new()));
            }
            width = Some(wv.unsigned_abs() as usize);
            i += 1;
        } else {
            let mut w: usize = 0;
            let mut any = false;
            while i < n && fmt[i].is_ascii_digit() {
                w = w
                    .checked_mul(10)
                    .and_then(|w| w.checked_add((fmt[i] - b'0') as usize))
                    .filter(|&w| w <= i32::MAX as usize)
                    .ok_or_else(|| vm.value_error("width too big"))?;
                any = true;
                i += 1;
            }
            if any {
                width = Some(w);
            }
        }
        let mut prec: Option<usize> = None;
        if i < n && fmt[i] == b'.' {
            i += 1;
            if i < n && fmt[i] == b'*' {
                let p = st.next(vm)?;
                let Some(pv) = vm.int_value(p) else {
                    return Err(vm.type_error("* wants int"));
                };
                let pv = pv
                    .to_i64()
                    .filter(|&p| p <= i32::MAX as i64)
                    .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
                prec = Some(pv.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && fmt[i].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|p| p.checked_add((fmt[i] - b'0') as usize))
                        .filter(|&p| p <= i32::MAX as usize)
                        .ok_or_else(|| vm.value_error("precision too big"))?;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        // C length modifiers are accepted and ignored.
        while i < n && matches!(fmt[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        let conv_pos = i;
        let conv = match mode {
            // The conversion character may be any code point; decode it for messages.
            Mode::Str => std::str::from_utf8(&fmt[i..]).ok().and_then(|s| s.chars().next()).unwrap_or('\u{FFFD}'),
            Mode::Bytes => fmt[i] as char,
        };
        i += if mode == Mode::Str { conv.len_utf8() } else { 1 };
        let v = st.next(vm)?;
        let piece = convert_one(vm, v, conv, &fl, prec, mode, fmt, conv_pos)?;
        let (body, numeric_sign_len) = piece;
        let body_len = match mode {
            Mode::Str => std::str::from_utf8(&body).map_or(body.len(), |s| s.chars().count()),
            Mode::Bytes => body.len(),
        };
        let w = width.unwrap_or(0);
        if body_len >= w {
            out.extend_from_slice(&body);
        } else if fl.left {
            out.extend_from_slice(&body);
            out.extend(std::iter::repeat_n(b' ', w - body_len));
        } else if fl.zero && numeric_sign_len.is_some() {
            let k = numeric_sign_len.unwrap_or(0);
            out.extend_from_slice(&body[..k]);
            out.extend(std::iter::repeat_n(b'0', w - body_len));
            out.extend_from_slice(&body[k..]);
        } else {
            out.extend(std::iter::repeat_n(b' ', w - body_len));
            out.extend_from_slice(&body);
        }
    }
    if st.idx < st.len && st.dict.is_none() {
        return Err(vm.type_error(match mode {
            Mode::Str => "not all arguments converted during string formatting",
            Mode::Bytes => "not all arguments converted during bytes formatting",
        }));
    }
    Ok(out)
}

/// True when `v`'s class defines `name`.
fn defines(vm: &mut Vm, v: Value, name: &str) -> bool {
    let ty = vm.type_of(v);
    let n = vm.intern(name);
    vm.lookup_type(ty, n).is_some()
}

/// `int(v)` for `%d` of a non-int number; `None` when `v` is not a real number.
fn pct_int(vm: &mut Vm, v: Value, index_only: bool) -> PyResult<Option<BigInt>> {
    if let Some(i) = vm.int_value(v) {
        return Ok(Some(i));
    }
    if index_only {
        return crate::types::slice::index_of(vm, v);
    }
    if let Some(f) = v.as_float().or_else(|| match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Float(f)) => Some(*f),
        _ => None,
    }) {
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(Some(BigInt::from_f64_trunc(f)));
    }
    for name in ["__int__", "__index__"] {
        if defines(vm, v, name) {
            let r = vm.call_method(v, name, &[])?;
            return Ok(vm.int_value(r));
        }
    }
    Ok(None)
}

/// Truncating f64 -> BigInt conversion (finite input).
trait FromF64Trunc {
    fn from_f64_trunc(f: f64) -> BigInt;
}

impl FromF64Trunc for BigInt {
    fn from_f64_trunc(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_else(BigInt::zero)
    }
}

/// `float(v)` for `%f` and friends (TypeError "must be real number, not X").
pub(crate) fn real_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = vm.int_value(v) {
        return i
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    if let Some(Payload::Float(f)) = v.as_obj().map(|o| &o.payload) {
        return Ok(*f);
    }
    if defines(vm, v, "__float__") || defines(vm, v, "__index__") {
        return vm.to_f64(v);
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_tp_name(v))))
}

/// Formats one `%` conversion. Returns the bytes and, for numbers, the length of their
/// sign/prefix (where `0` padding goes).
#[allow(clippy::too_many_arguments)]
fn convert_one(
    vm: &mut Vm,
    v: Value,
    conv: char,
    fl: &Flags,
    prec: Option<usize>,
    mode: Mode,
    fmt: &[u8],
    pos: usize,
) -> PyResult<(Vec<u8>, Option<usize>)> {
    let truncate_chars = |s: String| -> String {
        match prec {
            Some(p) => match s.char_indices().nth(p) {
                Some((b, _)) => s[..b].to_owned(),
                None => s,
            },
            None => s,
        }
    };
    match conv {
        's' if mode == Mode::Str => {
            let s = vm.str_string(v)?;
            Ok((truncate_chars(s).into_bytes(), None))
        }
        'r' | 'a' if mode == Mode::Str => {
            let mut s = vm.repr_string(v)?;
            if conv == 'a' {
                s = ascii_escape(&s);
            }
            Ok((truncate_chars(s).into_bytes(), None))
        }
        's' | 'b' if mode == Mode::Bytes => {
            let mut b = match crate::types::bytes::bytes_data(v) {
                Some(b) => b,
                None if defines(vm, v, "__bytes__") => {
                    let r = vm.call_method(v, "__bytes__", &[])?;
                    match crate::types::bytes::bytes_data(r) {
                        Some(b) if r.as_obj().is_some_and(|o| matches!(o.payload, Payload::Bytes(_))) => b,
                        _ => {
                            return Err(
                                vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_tp_name(r)))
                            )
                        }
                    }
                }
                None => {
                    return Err(vm.type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        vm.type_tp_name(v)
                    )))
                }
            };
            if let Some(p) = prec {
                b.truncate(p);
            }
            Ok((b, None))
        }
        'r' | 'a' if mode == Mode::Bytes => {
            let s = vm.repr_string(v)?;
            let mut b = ascii_escape(&s).into_bytes();
            if let Some(p) = prec {
                b.truncate(p);
            }
            Ok((b, None))
        }
        'c' => {
            if mode == Mode::Bytes {
                if let Some(b) = crate::types::bytes::bytes_data(v) {
                    if b.len() == 1 {
                        return Ok((b, None));
                    }
                } else if let Some(i) = vm.int_value(v) {
                    return match i.to_u8() {
                        Some(x) => Ok((vec![x], None)),
                        None => Err(vm.overflow_error("%c arg not in range(256)")),
                    };
                }
                return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
            }
            if let Some(s) = v.as_pystr() {
                if s.char_len == 1 {
                    return Ok((s.s.as_bytes().to_vec(), None));
                }
                return Err(vm.type_error("%c requires int or char"));
            }
            let Some(i) = pct_int(vm, v, true).ok().flatten() else {
                return Err(vm.type_error("%c requires int or char"));
            };
            match i.to_u32().and_then(char::from_u32) {
                Some(c) => Ok((c.to_string().into_bytes(), None)),
                None if i.to_u32().is_some_and(|n| n < 0x110000) => {
                    Err(vm.not_implemented_error("lone surrogates in str are not supported"))
                }
                None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
            }
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let index_only = matches!(conv, 'o' | 'x' | 'X');
            let is_number = vm.int_value(v).is_some()
                || v.is_float()
                || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Float(_) | Payload::Complex(..)))
                || defines(vm, v, "__index__")
                || defines(vm, v, "__int__")
                || defines(vm, v, "__float__");
            let wrong = |vm: &Vm| {
                if index_only {
                    vm.type_error(format!("%{conv} format: an integer is required, not {}", vm.type_tp_name(v)))
                } else {
                    vm.type_error(format!("%{conv} format: a real number is required, not {}", vm.type_tp_name(v)))
                }
            };
            if !is_number {
                return Err(wrong(vm));
            }
            let i = match pct_int(vm, v, index_only) {
                Ok(Some(i)) => i,
                Ok(None) => return Err(wrong(vm)),
                Err(e) if vm.err_matches(&e, vm.exc.type_error) => return Err(wrong(vm)),
                Err(e) => return Err(e),
            };
            let mag = i.abs();
            let mut digits = match conv {
                'o' => mag.to_str_radix(8),
                'x' => mag.to_str_radix(16),
                'X' => mag.to_str_radix(16).to_ascii_uppercase(),
                _ => mag.to_string(),
            };
            if let Some(p) = prec {
                if digits.len() < p {
                    digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                }
            }
            let sign = if i.is_negative() {
                "-"
            } else if fl.plus {
                "+"
            } else if fl.space {
                " "
            } else {
                ""
            };
            let prefix = if fl.alt {
                match conv {
                    'o' => "0o",
                    'x' => "0x",
                    'X' => "0X",
                    _ => "",
                }
            } else {
                ""
            };
            let head = sign.len() + prefix.len();
            Ok((format!("{sign}{prefix}{digits}").into_bytes(), Some(head)))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = real_arg(vm, v)?;
            let (neg, body) = float_parts(f, conv, prec.unwrap_or(6), fl.alt, false, false);
            let sign = if neg {
                "-"
            } else if fl.plus {
                "+"
            } else if fl.space {
                " "
            } else {
                ""
            };
            Ok((format!("{sign}{body}").into_bytes(), Some(sign.len())))
        }
        c => {
            let shown = if mode == Mode::Bytes && !(' '..='~').contains(&c) { '?' } else { c };
            let idx = match mode {
                Mode::Str => std::str::from_utf8(&fmt[..pos]).map_or(pos, |s| s.chars().count()),
                Mode::Bytes => pos,
            };
            Err(vm.value_error(format!("unsupported format character '{shown}' (0x{:x}) at index {idx}", c as u32)))
        }
    }
}

// ----- str.format -----

/// Where `str.format` gets its fields: positional args and keywords, or a mapping
/// (`format_map`).
struct FormatArgs<'a> {
    args: &'a [Value],
    kwargs: &'a [(Value, Value)],
    /// The `format_map` mapping, or NULL.
    mapping: Value,
    /// Automatic numbering state: `Some(next)` once `{}` was used, and whether manual
    /// numbering was used.
    auto: Option<usize>,
    manual: bool,
}

/// `fmt.format(*args, **kwargs)`, or `fmt.format_map(mapping)` when `mapping` is not NULL.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(Value, Value)],
    mapping: Value,
) -> PyResult<String> {
    let mut fa = FormatArgs { args, kwargs, mapping, auto: None, manual: false };
    let mut out = String::with_capacity(fmt.len() + 16);
    build_string(vm, fmt, &mut fa, 2, &mut out)?;
    Ok(out)
}

fn build_string(vm: &mut Vm, fmt: &str, fa: &mut FormatArgs, depth: u32, out: &mut String) -> PyResult<()> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c != '{' && c != '}' {
            out.push(c);
            i += 1;
            continue;
        }
        let at_end = i + 1 >= n;
        if c == '}' {
            if at_end || chars[i + 1] != '}' {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            out.push('}');
            i += 2;
            continue;
        }
        if at_end {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if chars[i + 1] == '{' {
            out.push('{');
            i += 2;
            continue;
        }
        i += 1;
        // The field: name up to '}', ':' or '!' (brackets may hold anything but ']').
        let name_start = i;
        let mut term = '\0';
        while i < n {
            let ch = chars[i];
            i += 1;
            match ch {
                '{' => return Err(vm.value_error("unexpected '{' in field name")),
                '[' => {
                    while i < n && chars[i] != ']' {
                        i += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => {
                    term = ch;
                    break;
                }
                _ => continue,
            }
        }
        let name_end = if term == '\0' { i } else { i - 1 };
        let name: String = chars[name_start..name_end].iter().collect();
        let mut conversion = '\0';
        let mut spec = String::new();
        let mut spec_nested = false;
        if term == '!' || term == ':' {
            let mut need_spec = true;
            if term == '!' {
                if i >= n {
                    return Err(vm.value_error("end of string while looking for conversion specifier"));
                }
                conversion = chars[i];
                i += 1;
                if i < n {
                    let ch = chars[i];
                    i += 1;
                    if ch == '}' {
                        need_spec = false;
                    } else if ch != ':' {
                        return Err(vm.value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            if need_spec {
                let spec_start = i;
                let mut count = 1;
                let mut closed = false;
                while i < n {
                    let ch = chars[i];
                    i += 1;
                    match ch {
                        '{' => {
                            spec_nested = true;
                            count += 1;
                        }
                        '}' => {
                            count -= 1;
                            if count == 0 {
                                closed = true;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                if !closed {
                    return Err(vm.value_error("unmatched '{' in format spec"));
                }
                spec = chars[spec_start..i - 1].iter().collect();
            }
        } else if term != '}' {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        let obj = resolve_field(vm, &name, fa)?;
        let obj = match conversion {
            '\0' => obj,
            'r' => vm.repr(obj)?,
            's' => vm.str(obj)?,
            'a' => {
                let r = vm.repr_string(obj)?;
                vm.new_string(ascii_escape(&r))
            }
            c => {
                return Err(vm.value_error(if (' '..='~').contains(&c) && c != ' ' {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{:x}", c as u32)
                }))
            }
        };
        let spec = if spec_nested {
            let mut s = String::new();
            build_string(vm, &spec, fa, depth - 1, &mut s)?;
            s
        } else {
            spec
        };
        format_into(vm, obj, &spec, out)?;
    }
    Ok(())
}

/// Appends `format(obj, spec)`, with fast paths for exact strs.
fn format_into(vm: &mut Vm, obj: Value, spec: &str, out: &mut String) -> PyResult<()> {
    if let Some(s) = obj.as_pystr() {
        if vm.type_of(obj).is(vm.types.str_) {
            if spec.is_empty() {
                out.push_str(&s.s);
            } else {
                out.push_str(&format_str(vm, &s.s, spec)?);
            }
            return Ok(());
        }
    }
    let spec_v = vm.new_str(spec);
    let r = vm.format(obj, spec_v)?;
    match r.as_rstr() {
        Some(s) => out.push_str(s),
        None => {
            return Err(vm.type_error(format!("__format__ must return a str, not {}", vm.type_tp_name(r))));
        }
    }
    Ok(())
}

/// A non-negative decimal integer made of (any script's) decimal digits, `None` when `s`
/// is not one; error when it overflows.
fn field_integer(vm: &Vm, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s.chars() {
        let Some(d) = crate::types::str_unicode::decimal_value(c) else { return Ok(None) };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// Looks up a replacement field (`0`, `name`, `0.attr[key]`...).
fn resolve_field(vm: &mut Vm, name: &str, fa: &mut FormatArgs) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let index = field_integer(vm, first)?;
    let mut obj = if first.is_empty() || index.is_some() {
        if !fa.mapping.is_null() {
            return Err(vm.value_error("Format string contains positional fields"));
        }
        let idx = match index {
            Some(i) => {
                if fa.auto.is_some() {
                    return Err(
                        vm.value_error("cannot switch from automatic field numbering to manual field specification")
                    );
                }
                fa.manual = true;
                i
            }
            None => {
                if fa.manual {
                    return Err(
                        vm.value_error("cannot switch from manual field specification to automatic field numbering")
                    );
                }
                let i = fa.auto.unwrap_or(0);
                fa.auto = Some(i + 1);
                i
            }
        };
        match fa.args.get(idx) {
            Some(&v) => v,
            None => {
                return Err(vm.index_error(format!("Replacement index {idx} out of range for positional args tuple")))
            }
        }
    } else {
        let key = vm.new_str(first);
        if !fa.mapping.is_null() {
            vm.get_item(fa.mapping, key)?
        } else {
            match fa.kwargs.iter().find(|(k, _)| k.as_rstr() == Some(first)) {
                Some(&(_, v)) => v,
                None => return Err(vm.key_error(key)),
            }
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let a = vm.intern(attr);
            obj = vm.get_attr(obj, a)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let k = &r[..end];
            let key = match field_integer(vm, k)? {
                Some(i) => vm.new_int(i as i64),
                None => vm.new_str(k),
            };
            obj = vm.get_item(obj, key)?;
            rest = &r[end + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(obj)
}

/// Digits past the decimal point beyond which a double's exact expansion is all zeros
/// (at most 1074 fractional digits); Rust's formatter also caps precision at 65535.
const MAX_EXACT_DIGITS: usize = 1100;

/// `x` with `prec` digits after the point (any precision).
fn fixed_any(x: f64, prec: usize) -> String {
    let p = prec.min(MAX_EXACT_DIGITS);
    let mut s = format!("{x:.p$}");
    if prec > p && x.is_finite() {
        s.extend(std::iter::repeat_n('0', prec - p));
    }
    s
}

/// `x` in Rust's scientific form (`d.ddde5`) with `prec` digits after the point.
fn sci_any(x: f64, prec: usize) -> String {
    let p = prec.min(MAX_EXACT_DIGITS);
    let s = format!("{x:.p$e}");
    if prec > p && x.is_finite() {
        if let Some((m, e)) = s.split_once('e') {
            return format!("{m}{}e{e}", "0".repeat(prec - p));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> Spec {
        parse_spec(s, true, Some('d')).unwrap()
    }

    /// Renders an int without a VM (the paths that cannot raise).
    fn fi(i: i64, s: &str) -> String {
        let sp = spec(s);
        let b = BigInt::from(i);
        let ty = sp.ty.unwrap_or('d');
        let mag = b.abs();
        let (digits, prefix, interval) = match ty {
            'b' => (mag.to_str_radix(2), "0b", 4),
            'o' => (mag.to_str_radix(8), "0o", 4),
            'x' => (mag.to_str_radix(16), "0x", 4),
            'X' => (mag.to_str_radix(16).to_ascii_uppercase(), "0X", 4),
            _ => (mag.to_string(), "", 3),
        };
        render_number(&sp, i < 0, if sp.alternate { prefix } else { "" }, &digits, "", interval)
    }

    fn ff(f: f64, s: &str) -> String {
        let sp = parse_spec(s, true, None).unwrap();
        let (ty, prec, add_dot_0, pct) = match sp.ty {
            None => match sp.precision {
                None => ('r', 0, true, false),
                Some(p) => ('g', p, true, false),
            },
            Some('n') => ('g', sp.precision.unwrap_or(6), false, false),
            Some('%') => ('f', sp.precision.unwrap_or(6), false, true),
            Some(t) => (t, sp.precision.unwrap_or(6), false, false),
        };
        let (neg, mut body) =
            float_parts(if pct { f * 100.0 } else { f }, ty, prec, sp.alternate, add_dot_0, sp.no_neg_zero);
        if pct {
            body.push('%');
        }
        if !f.is_finite() {
            return render_number(&Spec { grouping: None, ..sp }, neg, "", "", &body, 3);
        }
        let (d, r) = split_digits(&body);
        render_number(&sp, neg, "", d, r, 3)
    }

    #[test]
    fn spec_parsing() {
        assert_eq!(parse_spec("*^+#010,.3f", true, None).unwrap().fill, '*');
        let s = spec("010_");
        assert_eq!((s.fill, s.align, s.width, s.grouping), ('0', Some('='), Some(10), Some('_')));
        assert_eq!(parse_spec("abc", true, None), Err(SpecError::Invalid));
        assert_eq!(parse_spec(",_d", true, None), Err(SpecError::BothSeparators));
        assert_eq!(parse_spec("_,d", true, None), Err(SpecError::BothSeparators));
        assert_eq!(parse_spec(".d", true, None), Err(SpecError::MissingPrecision));
        assert_eq!(parse_spec(",x", true, None), Err(SpecError::SeparatorWithType(',', 'x')));
        assert_eq!(parse_spec(",", false, Some('s')), Err(SpecError::SeparatorWithType(',', 's')));
        assert_eq!(parse_spec("99999999999999999999", true, None), Err(SpecError::TooManyDigits));
        assert_eq!(parse_spec("05", false, Some('s')).unwrap().align, None);
    }

    #[test]
    fn ints() {
        // (value, spec, CPython 3.11's output)
        let table: &[(i64, &str, &str)] = &[
            (0, "d", "0"),
            (-7, "5d", "   -7"),
            (255, "<6d", "255   "),
            (-7, "^7d", "  -7   "),
            (42, "=+8d", "+     42"),
            (7, " d", " 7"),
            (-7, "08d", "-0000007"),
            (1234567, ",d", "1,234,567"),
            (-1234567890, "_d", "-1_234_567_890"),
            (255, "_b", "1111_1111"),
            (1234567, "_x", "12_d687"),
            (255, "#x", "0xff"),
            (255, "#X", "0XFF"),
            (8, "#o", "0o10"),
            (5, "#b", "0b101"),
            (1234567, "10,d", " 1,234,567"),
            (-1234567, "*>+10,d", "-1,234,567"),
            (255, "#010x", "0x000000ff"),
            (-5, "#010x", "-0x0000005"),
            (1, "0=10,", "00,000,001"),
            (1, "x=10,", "xxxxxxxxx1"),
            (1, "0>10,", "0000000001"),
            (-1, "010,", "-0,000,001"),
            (-1234, "0=+12_", "-000_001_234"),
            (12345, "011,", "000,012,345"),
            (1234, "#012_b", "0b100_1101_0010"),
            (1, "04,", "0,001"),
            (1, "06,", "00,001"),
            (255, "#07_x", "0x0_00ff"),
            (5, "0<3", "500"),
        ];
        for (v, s, want) in table {
            assert_eq!(fi(*v, s), *want, "format({v}, {s:?})");
        }
    }

    #[test]
    #[allow(clippy::approx_constant)] // the values CPython's outputs were recorded for
    fn floats() {
        let table: &[(f64, &str, &str)] = &[
            (0.0, "", "0.0"),
            (-0.0, "", "-0.0"),
            (3.14159, ".1f", "3.1"),
            (3.14159, "e", "3.141590e+00"),
            (1234567.891, ".2E", "1.23E+06"),
            (0.000012345, "g", "1.2345e-05"),
            (1234567.891, ".3g", "1.23e+06"),
            (1e100, "G", "1E+100"),
            (-2.5, "%", "-250.000000%"),
            (2.5, ".0%", "250%"),
            (7.5, "+.2f", "+7.50"),
            (3.14159, " .2f", " 3.14"),
            (-2.5, "=10.2f", "-     2.50"),
            (1234567.891, ",.2f", "1,234,567.89"),
            (1234567.891, "_.3f", "1_234_567.891"),
            (2.5, "#.0f", "2."),
            (1.0, "#g", "1.00000"),
            (1.5, ".0e", "2e+00"),
            (0.5, ".0f", "0"),
            (2.5, ".0f", "2"),
            (0.125, ".2f", "0.12"),
            (3.14159, "*^12.3g", "****3.14****"),
            (1e16, "", "1e+16"),
            (1e16, "+", "+1e+16"),
            (123456.0, ".3", "1.23e+05"),
            (1.0, ".3", "1.0"),
            (100.0, ".3", "1e+02"),
            (12.0, ".3", "12.0"),
            (99.0, ".2", "9.9e+01"),
            (1.0, ".0", "1e+00"),
            (0.5, ".0", "0.5"),
            (100.0, ".2", "1e+02"),
            (100.0, "#.2", "1.0e+02"),
            (1.5, "#.3", "1.50"),
            (100.0, "#.3g", "100."),
            (1e-5, "", "1e-05"),
            (123456789012345678.0, "", "1.2345678901234568e+17"),
            (1234.5, ",", "1,234.5"),
            (1e15, ",", "1,000,000,000,000,000.0"),
            (1.5, "010,", "0,000,001.5"),
            (-12345.5, "012,.1f", "-0,012,345.5"),
            (12345.6, "0=+15,.2f", "+000,012,345.60"),
            (-0.0, "z", "0.0"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0001, "z.2e", "-1.00e-04"),
            (-0.0, "zg", "0"),
            (f64::INFINITY, "+", "+inf"),
            (f64::NEG_INFINITY, "=010", "-000000inf"),
            (f64::NAN, "010f", "0000000nan"),
            (f64::INFINITY, "E", "INF"),
            (12345.678, "n", "12345.7"),
            (1e22, "f", "10000000000000000000000.000000"),
            (5e-324, ".3e", "4.941e-324"),
            (0.1, ".17g", "0.10000000000000001"),
            (9.5, ".0e", "1e+01"),
            (0.0, "#g", "0.00000"),
            (-1.0, "*=10", "-******1.0"),
            (1.0, "x^+10", "xxx+1.0xxx"),
        ];
        for (v, s, want) in table {
            assert_eq!(ff(*v, s), *want, "format({v}, {s:?})");
        }
    }

    #[test]
    fn reprs() {
        for (v, want) in [
            (1.5, "1.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-0.0, "-0.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ] {
            assert_eq!(float_repr(v), want);
        }
    }

    #[test]
    fn percent_and_format_method() {
        let mut vm = Vm::new();
        let (a, b) = (vm.new_str("ab"), vm.new_int(42));
        let t = vm.new_tuple(vec![a, b, Value::float(2.675)]);
        assert_eq!(percent_format(&mut vm, "%-4s|%05d|%.2f|%%", t).ok().as_deref(), Some("ab  |00042|2.67|%"));
        let one = vm.new_int(1);
        let e = percent_format(&mut vm, "%s %s", one).unwrap_err();
        assert_eq!(vm.str_string(e.0).ok().as_deref(), Some("not enough arguments for format string"));
        let e = percent_format(&mut vm, "%z", one).unwrap_err();
        assert_eq!(vm.str_string(e.0).ok().as_deref(), Some("unsupported format character 'z' (0x7a) at index 1"));
        let t2 = vm.new_tuple(vec![one, b]);
        assert_eq!(percent_format_bytes(&mut vm, b"%c%x", t2).ok(), Some(b"\x012a".to_vec()));
        let args = [a, b];
        assert_eq!(str_format(&mut vm, "{1:>4}{0!r}{{}}", &args, &[], Value::NULL).ok().as_deref(), Some("  42'ab'{}"));
        let e = str_format(&mut vm, "{}{0}", &args, &[], Value::NULL).unwrap_err();
        assert_eq!(
            vm.str_string(e.0).ok().as_deref(),
            Some("cannot switch from automatic field numbering to manual field specification")
        );
        let e = str_format(&mut vm, "{5}", &args, &[], Value::NULL).unwrap_err();
        assert!(vm.err_matches(&e, vm.exc.index_error));
    }

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1234567", Some(','), 3, 0), "1,234,567");
        assert_eq!(group_digits("1", Some(','), 3, 4), "0,001");
        assert_eq!(group_digits("ff", Some('_'), 4, 5), "0_00ff");
        assert_eq!(group_digits("12", None, 3, 5), "00012");
    }
}
