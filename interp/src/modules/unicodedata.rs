//! `unicodedata`: the Unicode 14.0.0 character database of CPython 3.11.
//!
//! The properties (category, bidirectional class, East Asian width, mirroring, combining
//! class, decomposition, numeric values) come from tables generated from CPython 3.11's own
//! database (`unicodedata_tables.rs`). Names come from the `unicode_names2` crate and
//! normalization from `unicode-normalization` (both already used by the parser); their data
//! is newer than 14.0, so names are only given for code points assigned in 14.0, and the
//! normalization of characters assigned since may differ from CPython's. `ucd_3_2_0` (the
//! old database `idna` uses) is not provided.

use unicode_normalization::UnicodeNormalization;

use super::unicodedata_tables as t;
use crate::types::str_unicode;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The value of the range of `table` holding `c`.
fn range_value(table: &[(u32, u32, u8)], c: char) -> Option<u8> {
    let c = c as u32;
    let i = table.partition_point(|r| r.0 <= c);
    let r = table.get(i.checked_sub(1)?)?;
    (c <= r.1).then_some(r.2)
}

fn category_of(c: char) -> &'static str {
    range_value(t::CATEGORY, c).map(|i| t::CATEGORY_NAMES[i as usize]).unwrap_or("Cn")
}

/// Assigned in Unicode 14.0 (the crates know later characters too).
fn assigned(c: char) -> bool {
    range_value(t::CATEGORY, c).is_some()
}

fn numeric_of(c: char) -> Option<f64> {
    let c = c as u32;
    t::NUMERIC.binary_search_by_key(&c, |e| e.0).ok().map(|i| t::NUMERIC[i].1)
}

/// The one-character str argument of `fname`; `numbered` says whether CPython's message
/// counts the argument ("argument 1 must be ...").
fn char_arg(vm: &Vm, fname: &str, v: Value, numbered: bool) -> PyResult<char> {
    if let Some(s) = v.as_rstr() {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
    }
    let which = if numbered { "argument 1" } else { "argument" };
    Err(vm.type_error(format!("{fname}() {which} must be a unicode character, not {}", vm.type_tp_name(v))))
}

/// A function of one character: checks the argument count and the character.
fn one_char(vm: &Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<char> {
    super::nargs(vm, &format!("unicodedata.{fname}"), args, kw, 1, 1)?;
    char_arg(vm, fname, args[0], false)
}

/// A function of a character and an optional default (`name`, `decimal`, ...).
fn char_default(vm: &Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<(char, Option<Value>)> {
    super::nargs(vm, fname, args, kw, 1, 2)?;
    let c = char_arg(vm, fname, args[0], true)?;
    Ok((c, args.get(1).copied()))
}

fn category(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = one_char(vm, "category", args, kw)?;
    Ok(vm.new_str(category_of(c)))
}

fn bidirectional(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = one_char(vm, "bidirectional", args, kw)?;
    Ok(vm.new_str(range_value(t::BIDI, c).map(|i| t::BIDI_NAMES[i as usize]).unwrap_or("")))
}

fn east_asian_width(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = one_char(vm, "east_asian_width", args, kw)?;
    Ok(vm.new_str(range_value(t::EAW, c).map(|i| t::EAW_NAMES[i as usize]).unwrap_or("N")))
}

fn mirrored(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = one_char(vm, "mirrored", args, kw)?;
    Ok(vm.new_int(range_value(t::MIRRORED, c).unwrap_or(0) as i64))
}

fn combining(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = one_char(vm, "combining", args, kw)?;
    Ok(vm.new_int(range_value(t::COMBINING, c).unwrap_or(0) as i64))
}

fn decomposition(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = one_char(vm, "decomposition", args, kw)?;
    let d = t::DECOMPOSITION.binary_search_by_key(&(c as u32), |e| e.0).map(|i| t::DECOMPOSITION[i].1);
    Ok(vm.new_str(d.unwrap_or("")))
}

fn name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (c, default) = char_default(vm, "name", args, kw)?;
    match unicode_names2::name(c).filter(|_| assigned(c)) {
        Some(n) => Ok(vm.new_string(n.to_string())),
        None => default.ok_or_else(|| vm.value_error("no such name")),
    }
}

fn decimal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (c, default) = char_default(vm, "decimal", args, kw)?;
    match str_unicode::decimal_value(c) {
        Some(d) => Ok(vm.new_int(d as i64)),
        None => default.ok_or_else(|| vm.value_error("not a decimal")),
    }
}

fn digit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (c, default) = char_default(vm, "digit", args, kw)?;
    match numeric_of(c).filter(|_| str_unicode::is_digit(c)) {
        Some(d) => Ok(vm.new_int(d as i64)),
        None => default.ok_or_else(|| vm.value_error("not a digit")),
    }
}

fn numeric(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (c, default) = char_default(vm, "numeric", args, kw)?;
    match numeric_of(c) {
        Some(d) => Ok(vm.new_float(d)),
        None => default.ok_or_else(|| vm.value_error("not a numeric character")),
    }
}

fn lookup(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "lookup", args, kw, 1, 1)?;
    let text = match args[0].as_rstr() {
        Some(s) => s.to_owned(),
        None => String::from_utf8_lossy(&super::need_bytes(vm, args[0])?).into_owned(),
    };
    if text.len() > 256 {
        let m = vm.new_str("name too long");
        return Err(vm.key_error(m));
    }
    match unicode_names2::character(&text).filter(|c| assigned(*c)) {
        Some(c) => Ok(vm.new_string(c.to_string())),
        None => {
            let m = vm.new_string(format!("undefined character name '{text}'"));
            Err(vm.key_error(m))
        }
    }
}

/// The form argument of `normalize`/`is_normalized`, and the string.
fn form_and_str(vm: &Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<(u8, String)> {
    super::nargs(vm, fname, args, kw, 2, 2)?;
    let mut out = [""; 2];
    for (i, v) in args.iter().enumerate() {
        out[i] = v.as_rstr().ok_or_else(|| {
            vm.type_error(format!("{fname}() argument {} must be str, not {}", i + 1, vm.arg_type_name(*v)))
        })?;
    }
    let form = match out[0] {
        "NFC" => 0,
        "NFD" => 1,
        "NFKC" => 2,
        "NFKD" => 3,
        _ => return Err(vm.value_error("invalid normalization form")),
    };
    Ok((form, out[1].to_owned()))
}

fn normalized(form: u8, s: &str) -> String {
    match form {
        0 => s.nfc().collect(),
        1 => s.nfd().collect(),
        2 => s.nfkc().collect(),
        _ => s.nfkd().collect(),
    }
}

fn normalize(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (form, s) = form_and_str(vm, "normalize", args, kw)?;
    let n = normalized(form, &s);
    if n == s {
        // CPython hands back the argument itself when it is already normalized.
        return Ok(args[1]);
    }
    Ok(vm.new_string(n))
}

fn is_normalized(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (form, s) = form_and_str(vm, "is_normalized", args, kw)?;
    Ok(Value::bool(normalized(form, &s) == s))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(
        vm,
        "unicodedata",
        &[
            ("category", category),
            ("bidirectional", bidirectional),
            ("east_asian_width", east_asian_width),
            ("mirrored", mirrored),
            ("combining", combining),
            ("decomposition", decomposition),
            ("name", name),
            ("lookup", lookup),
            ("decimal", decimal),
            ("digit", digit),
            ("numeric", numeric),
            ("normalize", normalize),
            ("is_normalized", is_normalized),
        ],
    );
    let v = vm.new_str("14.0.0");
    super::set(vm, m, "unidata_version", v);
    Ok(m)
}
