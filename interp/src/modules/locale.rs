//! The `_locale` module: the C library's locale settings, as far as `locale.py` needs.
//! Like CPython at start-up, importing it sets `LC_CTYPE` from the environment.

use std::ffi::{CStr, CString};

use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{nargs, new_class, new_module, opt, set, set_int};

extern "C" {
    fn nl_langinfo(item: libc::c_int) -> *const libc::c_char;
}

const CODESET: i64 = 14;

fn c_string(vm: &Vm, s: &str) -> PyResult<CString> {
    CString::new(s).map_err(|_| vm.value_error("embedded null character"))
}

/// `setlocale(category, locale)` of the C library; None when the request is refused.
fn c_setlocale(category: libc::c_int, locale: Option<&CStr>) -> Option<String> {
    let p = match locale {
        // SAFETY: `l` is NUL-terminated; setlocale copies what it needs.
        Some(l) => unsafe { libc::setlocale(category, l.as_ptr()) },
        // SAFETY: a NULL locale only queries.
        None => unsafe { libc::setlocale(category, std::ptr::null()) },
    };
    if p.is_null() {
        return None;
    }
    // SAFETY: a non-null result is a NUL-terminated string owned by the C library, valid
    // until the next setlocale call; it is copied at once.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

fn l_setlocale(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [cat, loc] = vm.bind_args("setlocale", args, kw, ["category", "locale"], 1)?;
    let cat = vm.to_index(cat)? as libc::c_int;
    let loc = match opt(loc) {
        Some(l) => match l.as_rstr() {
            Some(s) => Some(c_string(vm, s)?),
            None => {
                return Err(
                    vm.type_error(format!("setlocale() argument 2 must be str or None, not {}", vm.arg_type_name(l)))
                )
            }
        },
        None => None,
    };
    match c_setlocale(cat, loc.as_deref()) {
        Some(s) => Ok(vm.new_string(s)),
        None => {
            let cls = vm.state.borrow().get("locale.Error").copied().unwrap_or(vm.exc.value_error);
            if loc.is_some() {
                Err(vm.err(cls, "unsupported locale setting"))
            } else {
                Err(vm.err(cls, "locale query failed"))
            }
        }
    }
}

fn grouping(vm: &mut Vm, p: *const libc::c_char) -> Value {
    let mut items = Vec::new();
    if !p.is_null() {
        // SAFETY: lconv's grouping strings are NUL-terminated arrays owned by the C library.
        let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
        for &b in bytes {
            items.push(vm.new_int(b as i8 as i64));
            if b as i8 == libc::c_char::MAX {
                break;
            }
        }
    }
    vm.new_list(items)
}

fn l_localeconv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "localeconv", args, kw, 0, 0)?;
    // SAFETY: localeconv returns a pointer to a static struct of the C library, read at
    // once (Krait runs Python on one thread).
    let lc = unsafe { &*libc::localeconv() };
    let s = |p: *const libc::c_char| -> String {
        if p.is_null() {
            String::new()
        } else {
            // SAFETY: the string fields of lconv are NUL-terminated.
            unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
        }
    };
    let d = vm.new_dict();
    let strs = [
        ("int_curr_symbol", s(lc.int_curr_symbol)),
        ("currency_symbol", s(lc.currency_symbol)),
        ("mon_decimal_point", s(lc.mon_decimal_point)),
        ("mon_thousands_sep", s(lc.mon_thousands_sep)),
    ];
    for (k, v) in strs {
        let k = vm.new_str(k);
        let v = vm.new_string(v);
        vm.dict_set(d, k, v)?;
    }
    let g = grouping(vm, lc.mon_grouping);
    let k = vm.new_str("mon_grouping");
    vm.dict_set(d, k, g)?;
    for (k, v) in [("positive_sign", s(lc.positive_sign)), ("negative_sign", s(lc.negative_sign))] {
        let k = vm.new_str(k);
        let v = vm.new_string(v);
        vm.dict_set(d, k, v)?;
    }
    let nums = [
        ("int_frac_digits", lc.int_frac_digits),
        ("frac_digits", lc.frac_digits),
        ("p_cs_precedes", lc.p_cs_precedes),
        ("p_sep_by_space", lc.p_sep_by_space),
        ("n_cs_precedes", lc.n_cs_precedes),
        ("n_sep_by_space", lc.n_sep_by_space),
        ("p_sign_posn", lc.p_sign_posn),
        ("n_sign_posn", lc.n_sign_posn),
    ];
    for (k, v) in nums {
        let k = vm.new_str(k);
        let v = vm.new_int(v as u8 as i64);
        vm.dict_set(d, k, v)?;
    }
    for (k, v) in [("decimal_point", s(lc.decimal_point)), ("thousands_sep", s(lc.thousands_sep))] {
        let k = vm.new_str(k);
        let v = vm.new_string(v);
        vm.dict_set(d, k, v)?;
    }
    let g = grouping(vm, lc.grouping);
    let k = vm.new_str("grouping");
    vm.dict_set(d, k, g)?;
    Ok(d)
}

fn langinfo(item: i64) -> String {
    // SAFETY: nl_langinfo returns a NUL-terminated string owned by the C library (an empty
    // one for unknown items); it is copied at once.
    let p = unsafe { nl_langinfo(item as libc::c_int) };
    if p.is_null() {
        return String::new();
    }
    // SAFETY: as above.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

fn l_nl_langinfo(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "nl_langinfo", args, kw, 1, 1)?;
    let item = vm.to_index(args[0])?;
    if item != CODESET {
        return Err(vm.value_error("unsupported langinfo constant"));
    }
    Ok(vm.new_string(langinfo(item)))
}

fn l_getencoding(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getencoding", args, kw, 0, 0)?;
    let enc = langinfo(CODESET);
    Ok(vm.new_string(if enc.is_empty() { "UTF-8".to_owned() } else { enc }))
}

fn l_strcoll(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "strcoll", args, kw, 2, 2)?;
    let a = super::need_str(vm, args[0], "strcoll() argument 1")?;
    let b = super::need_str(vm, args[1], "strcoll() argument 2")?;
    let (a, b) = (c_string(vm, &a)?, c_string(vm, &b)?);
    // SAFETY: both strings are NUL-terminated.
    let r = unsafe { libc::strcoll(a.as_ptr(), b.as_ptr()) };
    Ok(vm.new_int(r.signum() as i64))
}

fn l_strxfrm(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "strxfrm", args, kw, 1, 1)?;
    let collate = c_setlocale(libc::LC_COLLATE, None).unwrap_or_default();
    if collate != "C" && collate != "POSIX" {
        return Err(vm.not_implemented_error("locale.strxfrm() outside the C locale is not supported yet"));
    }
    super::need_str(vm, args[0], "strxfrm() argument")?;
    Ok(args[0])
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if let Ok(empty) = CString::new("") {
        c_setlocale(libc::LC_CTYPE, Some(&empty));
    }
    let m = new_module(
        vm,
        "_locale",
        &[
            ("setlocale", l_setlocale),
            ("localeconv", l_localeconv),
            ("nl_langinfo", l_nl_langinfo),
            ("getencoding", l_getencoding),
            ("strcoll", l_strcoll),
            ("strxfrm", l_strxfrm),
        ],
    );
    for (n, v) in [
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_TIME", libc::LC_TIME),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_MESSAGES", libc::LC_MESSAGES),
        ("LC_ALL", libc::LC_ALL),
    ] {
        set_int(vm, m, n, v as i64);
    }
    set_int(vm, m, "CHAR_MAX", 127);
    set_int(vm, m, "CODESET", CODESET);
    let flags = class_flags::BASETYPE | class_flags::HAS_DICT | class_flags::EXCEPTION;
    let err = new_class(vm, "locale", "Error", vm.exc.exception, Layout::Exception, flags);
    vm.state.borrow_mut().insert("locale.Error", err);
    set(vm, m, "Error", err);
    Ok(m)
}
