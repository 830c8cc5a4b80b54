//! The `_string` module: the format-string parser behind `string.Formatter`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{nargs, need_str, new_module};

/// One piece of a format string: literal text and, when a replacement field follows,
/// (field name, format spec, conversion).
type Piece = (String, Option<(String, String, Option<char>)>);

fn parse_format(s: &str) -> Result<Vec<Piece>, &'static str> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut pos = 0;
    let end = chars.len();
    while pos < end {
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < end {
            c = chars[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == '}' && markup && (at_end || chars[pos] != '}') {
            return Err("Single '}' encountered in format string");
        }
        if at_end && c == '{' && markup {
            return Err("Single '{' encountered in format string");
        }
        if !at_end && markup {
            if chars[pos] == c {
                // An escaped brace: literal text up to and including one of them.
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal: String = chars[start..start + len].iter().collect();
        if !markup {
            out.push((literal, None));
            continue;
        }
        // A replacement field: up to the matching '}'.
        let fstart = pos;
        let mut count = 1;
        let mut fend = None;
        while pos < end {
            let ch = chars[pos];
            pos += 1;
            if ch == '{' {
                count += 1;
            } else if ch == '}' {
                count -= 1;
                if count == 0 {
                    fend = Some(pos - 1);
                    break;
                }
            }
        }
        let Some(fend) = fend else {
            return Err("expected '}' before end of string");
        };
        let field = parse_field(&chars[fstart..fend])?;
        out.push((literal, Some(field)));
    }
    Ok(out)
}

fn parse_field(f: &[char]) -> Result<(String, String, Option<char>), &'static str> {
    let mut i = 0;
    let mut term = None;
    while i < f.len() {
        let c = f[i];
        i += 1;
        match c {
            '{' => return Err("unexpected '{' in field name"),
            '[' => {
                while i < f.len() && f[i] != ']' {
                    i += 1;
                }
            }
            '}' | ':' | '!' => {
                term = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(t) = term.filter(|t| *t == '!' || *t == ':') else {
        let name_end = if term.is_some() { i - 1 } else { f.len() };
        return Ok((f[..name_end].iter().collect(), String::new(), None));
    };
    let name: String = f[..i - 1].iter().collect();
    let mut conversion = None;
    if t == '!' {
        if i >= f.len() {
            return Err("end of string while looking for conversion specifier");
        }
        conversion = Some(f[i]);
        i += 1;
        if i < f.len() {
            if f[i] != ':' {
                return Err("expected ':' after conversion specifier");
            }
            i += 1;
        }
    }
    Ok((name, f[i..].iter().collect(), conversion))
}

fn s_formatter_parser(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "formatter_parser", args, kw, 1, 1)?;
    let s = need_str(vm, args[0], "formatter_parser() argument")?;
    let pieces = parse_format(&s).map_err(|m| vm.value_error(m))?;
    let mut items = Vec::with_capacity(pieces.len());
    for (lit, field) in pieces {
        let l = vm.new_string(lit);
        let t = match field {
            None => vm.new_tuple(vec![l, Value::NONE, Value::NONE, Value::NONE]),
            Some((name, spec, conv)) => {
                let n = vm.new_string(name);
                let sp = vm.new_string(spec);
                let c = match conv {
                    Some(c) => vm.new_string(c.to_string()),
                    None => Value::NONE,
                };
                vm.new_tuple(vec![l, n, sp, c])
            }
        };
        items.push(t);
    }
    let l = vm.new_list(items);
    vm.iter(l)
}

/// A field-name component: an int when it is all digits, else the text.
fn key_value(vm: &mut Vm, s: &str) -> Value {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = s.parse::<i64>() {
            return vm.new_int(n);
        }
    }
    vm.new_str(s)
}

fn s_formatter_field_name_split(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "formatter_field_name_split", args, kw, 1, 1)?;
    let s = need_str(vm, args[0], "formatter_field_name_split() argument")?;
    let chars: Vec<char> = s.chars().collect();
    let first_end = chars.iter().position(|&c| c == '.' || c == '[').unwrap_or(chars.len());
    let first: String = chars[..first_end].iter().collect();
    let first = key_value(vm, &first);
    let mut rest = Vec::new();
    let mut i = first_end;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c == '.' {
            let start = i;
            while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                i += 1;
            }
            if i == start {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let name: String = chars[start..i].iter().collect();
            let n = vm.new_string(name);
            rest.push(vm.new_tuple(vec![Value::TRUE, n]));
        } else if c == '[' {
            let start = i;
            while i < chars.len() && chars[i] != ']' {
                i += 1;
            }
            if i >= chars.len() {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            let key: String = chars[start..i].iter().collect();
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            i += 1;
            if i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
            let k = key_value(vm, &key);
            rest.push(vm.new_tuple(vec![Value::FALSE, k]));
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let l = vm.new_list(rest);
    let it = vm.iter(l)?;
    Ok(vm.new_tuple(vec![first, it]))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(new_module(
        vm,
        "_string",
        &[("formatter_parser", s_formatter_parser), ("formatter_field_name_split", s_formatter_field_name_split)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_and_escapes() {
        let p = parse_format("a{{b}}{0!r:>{w}}c").unwrap();
        assert_eq!(p[0], ("a{".to_owned(), None));
        assert_eq!(p[1], ("b}".to_owned(), None));
        assert_eq!(p[2], (String::new(), Some(("0".to_owned(), ">{w}".to_owned(), Some('r')))));
        assert_eq!(p[3], ("c".to_owned(), None));
        assert!(parse_format("}").is_err());
        assert!(parse_format("{").is_err());
    }
}
