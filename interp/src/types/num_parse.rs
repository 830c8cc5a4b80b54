//! Parsing numbers from strings the way `int()`, `float()` and `complex()` do.
//!
//! The constructors accept more than the literal grammar of the language: surrounding
//! whitespace (Unicode spaces included), single underscores between digits, and decimal
//! digits of any script (`int('١٢٣') == 123`). We validate against Python's grammar
//! ourselves — Rust's `f64::from_str` accepts a slightly different language — and only
//! then hand the cleaned ASCII text to Rust for correctly rounded conversion.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

/// Code points of the digit zero of every Unicode decimal-digit (Nd) run; each run holds
/// the ten digits 0..9 in order (checked against Python's `unicodedata` for Unicode 14).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`str.isdecimal()` characters).
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = DECIMAL_ZEROS[i.checked_sub(1)?];
    (cp - zero < 10).then_some(cp - zero)
}

/// Python's notion of whitespace (`str.isspace()`): Unicode White_Space plus the ASCII
/// information separators 0x1C..0x1F.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `s.strip()` with Python's whitespace.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// Why a string is not an int.
#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// Not valid for the base: "invalid literal for int() ...".
    Invalid,
    /// Valid, but has more digits than the conversion limit allows (non-power-of-two
    /// bases only); carries the digit count for the message.
    TooManyDigits(usize),
}

/// Parses `s` like `int(s, base)` (base 0 or 2..=36). `max_digits` is the
/// `sys.get_int_max_str_digits()` limit (0 for none).
pub fn parse_int(s: &str, base: u32, max_digits: usize) -> Result<BigInt, IntParseError> {
    let base0 = base == 0;
    let t = py_strip(s);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower2 = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower2.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let (base, body, after_prefix) = if prefix_base != 0 && (base == 0 || base == prefix_base) {
        (prefix_base, &t[2..], true)
    } else if base == 0 {
        (10, t, false)
    } else {
        (base, t, false)
    };
    let legacy_octal_check = base0 && !after_prefix;
    let mut digits: Vec<u8> = Vec::with_capacity(body.len());
    // An underscore may follow a digit or the base prefix, and must precede a digit.
    let mut prev_ok_for_underscore = after_prefix;
    let mut prev_underscore = false;
    for c in body.chars() {
        if c == '_' {
            if !prev_ok_for_underscore || prev_underscore {
                return Err(IntParseError::Invalid);
            }
            prev_underscore = true;
            continue;
        }
        let d = match c.to_digit(36) {
            Some(d) if c.is_ascii() => d,
            _ => decimal_value(c).ok_or(IntParseError::Invalid)?,
        };
        if d >= base {
            return Err(IntParseError::Invalid);
        }
        digits.push(d as u8);
        prev_underscore = false;
        prev_ok_for_underscore = true;
    }
    if digits.is_empty() || prev_underscore {
        return Err(IntParseError::Invalid);
    }
    // Base 0 forbids leading zeros on nonzero decimal numbers ("010").
    if legacy_octal_check && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
        return Err(IntParseError::Invalid);
    }
    if !base.is_power_of_two() && max_digits > 0 && digits.len() > max_digits {
        return Err(IntParseError::TooManyDigits(digits.len()));
    }
    let mag = if digits.len() <= 18 && base <= 10 {
        BigUint::from(digits.iter().fold(0u64, |acc, &d| acc * base as u64 + d as u64))
    } else {
        BigUint::from_radix_be(&digits, base).ok_or(IntParseError::Invalid)?
    };
    Ok(BigInt::from_biguint(if neg && !mag.is_zero() { Sign::Minus } else { Sign::Plus }, mag))
}

/// Maps Unicode decimal digits to ASCII and Unicode whitespace to spaces, so that the
/// float grammar only has to deal with ASCII. Other non-ASCII characters are kept (and
/// make the parse fail).
fn asciify(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return s.into();
    }
    s.chars()
        .map(|c| match decimal_value(c) {
            Some(d) => char::from(b'0' + d as u8),
            None if py_isspace(c) => ' ',
            None => c,
        })
        .collect::<String>()
        .into()
}

/// Length of the longest prefix of `b` that is a float in Python's grammar (sign
/// included), or 0. `inf`, `infinity` and `nan` (any case) count.
fn float_prefix_len(b: &[u8]) -> usize {
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &b[i..];
    let starts_ci = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
    if starts_ci(b"infinity") {
        return i + 8;
    }
    if starts_ci(b"inf") || starts_ci(b"nan") {
        return i + 3;
    }
    let digits = |mut j: usize| -> usize {
        // digit (["_"] digit)*: returns the end, or j when no digit.
        if j >= b.len() || !b[j].is_ascii_digit() {
            return j;
        }
        j += 1;
        loop {
            if j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            } else if j + 1 < b.len() && b[j] == b'_' && b[j + 1].is_ascii_digit() {
                j += 2;
            } else {
                return j;
            }
        }
    };
    let int_end = digits(i);
    let mut end = int_end;
    let mut have_digits = int_end > i;
    if end < b.len() && b[end] == b'.' {
        let frac_end = digits(end + 1);
        if frac_end > end + 1 || have_digits {
            have_digits = true;
            end = frac_end;
        }
    }
    if !have_digits {
        return 0;
    }
    if end < b.len() && (b[end] == b'e' || b[end] == b'E') {
        let mut j = end + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_end = digits(j);
        if exp_end > j {
            end = exp_end;
        }
    }
    end
}

/// Converts text already validated by `float_prefix_len`.
fn convert_float(text: &str) -> f64 {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().unwrap_or(f64::NAN)
}

/// Parses `s` like `float(s)`; `None` when it is not a float.
pub fn parse_float(s: &str) -> Option<f64> {
    let a = asciify(s);
    let t = py_strip(&a);
    let n = float_prefix_len(t.as_bytes());
    if n == 0 || n != t.len() {
        return None;
    }
    Some(convert_float(t))
}

/// CPython's underscore rule for `float()`/`complex()` strings: every `_` sits between
/// two digits. (`complex()` reports a violation with a different message than other
/// malformed strings, so the check is separate from the grammar.)
pub fn underscores_ok(s: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let prev_digit = prev.is_some_and(|p| decimal_value(p).is_some());
        if c == '_' {
            if !prev_digit {
                return false;
            }
        } else if prev == Some('_') && decimal_value(c).is_none() {
            return false;
        }
        prev = Some(c);
    }
    prev != Some('_')
}

/// Parses `s` like `complex(s)` into (real, imag); `None` when malformed.
pub fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let a = asciify(s);
    let mut t = py_strip(&a);
    if let Some(inner) = t.strip_prefix('(') {
        t = py_strip(inner.strip_suffix(')')?);
    }
    let b = t.as_bytes();
    let is_j = |i: usize| matches!(b.get(i), Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    let mut pos;
    let n = float_prefix_len(b);
    if n > 0 {
        let x = convert_float(&t[..n]);
        pos = n;
        if matches!(b.get(pos), Some(b'+' | b'-')) {
            re = x;
            let m = float_prefix_len(&b[pos..]);
            if m > 0 {
                im = convert_float(&t[pos..pos + m]);
                pos += m;
            } else {
                im = if b[pos] == b'-' { -1.0 } else { 1.0 };
                pos += 1;
            }
            if !is_j(pos) {
                return None;
            }
            pos += 1;
        } else if is_j(pos) {
            im = x;
            pos += 1;
        } else {
            re = x;
        }
    } else {
        pos = 0;
        let mut sign = 1.0;
        if matches!(b.first(), Some(b'+' | b'-')) {
            sign = if b[0] == b'-' { -1.0 } else { 1.0 };
            pos = 1;
        }
        if !is_j(pos) {
            return None;
        }
        im = sign;
        pos += 1;
    }
    (pos == b.len()).then_some((re, im))
}

/// A parsed `float.fromhex` string: inf/nan, or the exact value
/// `(-1)**neg × mantissa × 2**exp` still to be rounded to a double.
pub enum HexFloat {
    Special(f64),
    Finite { neg: bool, mantissa: BigUint, exp: i64 },
}

/// Parses `s` like `float.fromhex(s)`; `None` when malformed.
pub fn parse_hex_float(s: &str) -> Option<HexFloat> {
    let t = py_strip(s);
    let b = t.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &t[i..];
    let lower = rest.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(HexFloat::Special(if neg { f64::NEG_INFINITY } else { f64::INFINITY }));
    }
    if lower == "nan" {
        return Some(HexFloat::Special(f64::NAN));
    }
    let mut j = 0;
    let rb = rest.as_bytes();
    if lower.starts_with("0x") {
        j = 2;
    }
    let mut mantissa = BigUint::zero();
    let mut exp: i64 = 0;
    let mut ndigits = 0;
    while j < rb.len() && rb[j].is_ascii_hexdigit() {
        mantissa = (mantissa << 4u32) + BigUint::from((rb[j] as char).to_digit(16)?);
        ndigits += 1;
        j += 1;
    }
    if j < rb.len() && rb[j] == b'.' {
        j += 1;
        while j < rb.len() && rb[j].is_ascii_hexdigit() {
            mantissa = (mantissa << 4u32) + BigUint::from((rb[j] as char).to_digit(16)?);
            exp -= 4;
            ndigits += 1;
            j += 1;
        }
    }
    if ndigits == 0 {
        return None;
    }
    if j < rb.len() && (rb[j] == b'p' || rb[j] == b'P') {
        j += 1;
        let start = j;
        if j < rb.len() && (rb[j] == b'+' || rb[j] == b'-') {
            j += 1;
        }
        let dstart = j;
        while j < rb.len() && rb[j].is_ascii_digit() {
            j += 1;
        }
        if j == dstart {
            return None;
        }
        // Exponents beyond any representable value saturate; the result is then
        // zero or an overflow either way.
        let e: i64 = rest[start..j].parse::<i64>().unwrap_or(if rb[start] == b'-' { -(1 << 40) } else { 1 << 40 });
        exp = exp.saturating_add(e.clamp(-(1 << 40), 1 << 40));
    }
    if j != rb.len() {
        return None;
    }
    Some(HexFloat::Finite { neg, mantissa, exp })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str, base: u32) -> Option<i64> {
        use num_traits::ToPrimitive;
        parse_int(s, base, 4300).ok().and_then(|b| b.to_i64())
    }

    #[test]
    fn ints() {
        assert_eq!(int(" 12 ", 10), Some(12));
        assert_eq!(int("-0b101", 0), Some(-5));
        assert_eq!(int("0B101", 2), Some(5));
        assert_eq!(int(" 0x_1F ", 0), Some(31));
        assert_eq!(int("0_0", 0), Some(0));
        assert_eq!(int("00", 0), Some(0));
        assert_eq!(int("010", 0), None);
        assert_eq!(int("010", 10), Some(10));
        assert_eq!(int("0_", 0), None);
        assert_eq!(int("_1", 10), None);
        assert_eq!(int("1__0", 10), None);
        assert_eq!(int("0x", 16), None);
        assert_eq!(int("+ 1", 10), None);
        assert_eq!(int("١٢٣", 10), Some(123));
        assert_eq!(int("zz", 36), Some(1295));
        assert_eq!(int("12", 2), None);
        assert_eq!(int("", 10), None);
        assert_eq!(parse_int(&"1".repeat(5000), 10, 4300), Err(IntParseError::TooManyDigits(5000)));
        assert!(parse_int(&"1".repeat(5000), 16, 4300).is_ok());
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float(" 1_0.5e1_0 "), Some(105000000000.0));
        assert_eq!(parse_float("  -iNfinity "), Some(f64::NEG_INFINITY));
        assert!(parse_float("nan").unwrap().is_nan());
        assert_eq!(parse_float("1."), Some(1.0));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("١٢٣.5"), Some(123.5));
        for bad in ["1__0", "1_0._5", "0x10", "infi", "", ".", "e5", "1e", "1_", "_1", "+", "1 0"] {
            assert_eq!(parse_float(bad), None, "{bad}");
        }
    }

    #[test]
    fn complexes() {
        assert_eq!(parse_complex("1_0j"), Some((0.0, 10.0)));
        assert_eq!(parse_complex("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex("-j"), Some((0.0, -1.0)));
        assert_eq!(parse_complex("1-j"), Some((1.0, -1.0)));
        assert_eq!(parse_complex(" ( 1+2j ) "), Some((1.0, 2.0)));
        assert_eq!(parse_complex("-1.5e-3+2e+2J"), Some((-0.0015, 200.0)));
        assert_eq!(parse_complex("1.e5j"), Some((0.0, 100000.0)));
        assert_eq!(parse_complex("5"), Some((5.0, 0.0)));
        for bad in ["1e", "1+", "1+2", "(1+2j", "1+2jj", "", " ", "()", "1 +2j", "+-1j", ".j", "j1"] {
            assert_eq!(parse_complex(bad), None, "{bad}");
        }
        assert!(underscores_ok("1_2.5_6j") && underscores_ok("no underscores"));
        for bad in ["1__2", "_1", "1_", "0x_1", "1_e5", "+_1"] {
            assert!(!underscores_ok(bad), "{bad}");
        }
    }
}
