//! The `pwd` and `grp` modules: the password and group databases, read through the C
//! library (`getpwuid_r`, `getgrnam_r`, ... so NSS sources other than `/etc/passwd` are
//! seen, as in CPython).

use std::ffi::{CStr, CString};

use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::structseq::{self, Spec};
use super::{nargs, new_module, set};

static STRUCT_PASSWD: Spec = Spec {
    module: "pwd",
    name: "struct_passwd",
    fields: &["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"],
    extra: &[],
};

static STRUCT_GROUP: Spec =
    Spec { module: "grp", name: "struct_group", fields: &["gr_name", "gr_passwd", "gr_gid", "gr_mem"], extra: &[] };

/// A C string of the database as a str (undecodable bytes replaced: CPython would use
/// `surrogateescape`, which Krait's str cannot hold).
fn cstr(vm: &Vm, p: *const libc::c_char) -> Value {
    if p.is_null() {
        return vm.new_str("");
    }
    // SAFETY: the C library returned `p` as a NUL-terminated string inside the buffer we
    // passed it, which outlives this call.
    let s = unsafe { CStr::from_ptr(p) };
    vm.new_string(String::from_utf8_lossy(s.to_bytes()).into_owned())
}

fn passwd_value(vm: &mut Vm, p: &libc::passwd) -> Value {
    let seq = vec![
        cstr(vm, p.pw_name),
        cstr(vm, p.pw_passwd),
        vm.new_int(p.pw_uid as i64),
        vm.new_int(p.pw_gid as i64),
        cstr(vm, p.pw_gecos),
        cstr(vm, p.pw_dir),
        cstr(vm, p.pw_shell),
    ];
    structseq::new(vm, &STRUCT_PASSWD, seq, vec![])
}

fn group_value(vm: &mut Vm, g: &libc::group) -> Value {
    let mut mem = Vec::new();
    if !g.gr_mem.is_null() {
        let mut i = 0;
        loop {
            // SAFETY: `gr_mem` is a NULL-terminated array of C strings filled in by the C
            // library; we stop at its NULL.
            let p = unsafe { *g.gr_mem.add(i) };
            if p.is_null() {
                break;
            }
            mem.push(cstr(vm, p));
            i += 1;
        }
    }
    let mem = vm.new_list(mem);
    let seq = vec![cstr(vm, g.gr_name), cstr(vm, g.gr_passwd), vm.new_int(g.gr_gid as i64), mem];
    structseq::new(vm, &STRUCT_GROUP, seq, vec![])
}

/// Runs a reentrant lookup (`getpwuid_r`-style: entry, buffer, length, result pointer),
/// growing the buffer while it reports ERANGE. Some(entry) when found.
fn lookup<T>(mut f: impl FnMut(*mut T, *mut libc::c_char, usize, *mut *mut T) -> libc::c_int) -> Option<(T, Vec<u8>)> {
    let mut len = 1024usize;
    loop {
        let mut buf = vec![0u8; len];
        // SAFETY: `T` is one of libc's plain C structs (passwd, group), valid zeroed.
        let mut ent: T = unsafe { std::mem::zeroed() };
        let mut res: *mut T = std::ptr::null_mut();
        let rc = f(&mut ent, buf.as_mut_ptr() as *mut libc::c_char, len, &mut res);
        if rc == libc::ERANGE && len < (1 << 24) {
            len *= 4;
            continue;
        }
        if rc != 0 || res.is_null() {
            return None;
        }
        return Some((ent, buf));
    }
}

fn str_arg(vm: &Vm, fname: &str, v: Value) -> PyResult<CString> {
    let Some(s) = v.as_pystr() else {
        return Err(vm.type_error(format!("{fname}() argument must be str, not {}", vm.type_tp_name(v))));
    };
    CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character"))
}

/// A uid/gid argument (`what` is "uid" or "gid"), with CPython's TypeError for a non-int.
fn id_arg(vm: &mut Vm, what: &str, v: Value) -> PyResult<i64> {
    if v.as_small_int().is_none() && !vm.isinstance(v, vm.types.int) {
        return Err(vm.type_error(format!("{what} should be integer, not {}", vm.type_tp_name(v))));
    }
    vm.to_index(v)
}

fn getpwuid(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getpwuid", args, kw, 1, 1)?;
    let uid = id_arg(vm, "uid", args[0])?;
    let found = u32::try_from(uid).ok().and_then(|uid| {
        // SAFETY: the pointers are to live locals and a buffer of the given length.
        lookup::<libc::passwd>(|e, b, l, r| unsafe { libc::getpwuid_r(uid, e, b, l, r) })
    });
    match found {
        Some((p, _buf)) => Ok(passwd_value(vm, &p)),
        None => {
            let k = vm.new_string(format!("getpwuid(): uid not found: {uid}"));
            Err(vm.key_error(k))
        }
    }
}

fn getpwnam(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getpwnam", args, kw, 1, 1)?;
    let name = str_arg(vm, "getpwnam", args[0])?;
    // SAFETY: the pointers are to live locals and a buffer of the given length; `name` is
    // NUL-terminated.
    let found = lookup::<libc::passwd>(|e, b, l, r| unsafe { libc::getpwnam_r(name.as_ptr(), e, b, l, r) });
    match found {
        Some((p, _buf)) => Ok(passwd_value(vm, &p)),
        None => Err(name_not_found(vm, "getpwnam", &name)),
    }
}

/// CPython's KeyError for a name not in the database (the name shown with `%R`).
fn name_not_found(vm: &mut Vm, fname: &str, name: &CString) -> PyErr {
    let s = vm.new_string(name.to_string_lossy().into_owned());
    let shown = match crate::eval::ops::repr(vm, s) {
        Ok(r) => r.as_pystr().map(|r| r.as_str().to_string()).unwrap_or_default(),
        Err(e) => return e,
    };
    let k = vm.new_string(format!("{fname}(): name not found: {shown}"));
    vm.key_error(k)
}

fn getpwall(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getpwall", args, kw, 0, 0)?;
    let mut out = Vec::new();
    // SAFETY: setpwent/getpwent/endpwent walk the database; each entry returned by
    // getpwent is read before the next call. Krait runs one thread.
    unsafe {
        libc::setpwent();
        loop {
            let p = libc::getpwent();
            if p.is_null() {
                break;
            }
            out.push(passwd_value(vm, &*p));
        }
        libc::endpwent();
    }
    Ok(vm.new_list(out))
}

pub fn init_pwd(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(vm, "pwd", &[("getpwuid", getpwuid), ("getpwnam", getpwnam), ("getpwall", getpwall)]);
    let c = structseq::class(vm, &STRUCT_PASSWD);
    set(vm, m, "struct_passwd", c);
    Ok(m)
}

fn getgrgid(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getgrgid", args, kw, 1, 1)?;
    let gid = id_arg(vm, "gid", args[0])?;
    let found = u32::try_from(gid).ok().and_then(|gid| {
        // SAFETY: the pointers are to live locals and a buffer of the given length.
        lookup::<libc::group>(|e, b, l, r| unsafe { libc::getgrgid_r(gid, e, b, l, r) })
    });
    match found {
        Some((g, _buf)) => Ok(group_value(vm, &g)),
        None => {
            let k = vm.new_string(format!("getgrgid(): gid not found: {gid}"));
            Err(vm.key_error(k))
        }
    }
}

fn getgrnam(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getgrnam", args, kw, 1, 1)?;
    let name = str_arg(vm, "getgrnam", args[0])?;
    // SAFETY: the pointers are to live locals and a buffer of the given length; `name` is
    // NUL-terminated.
    let found = lookup::<libc::group>(|e, b, l, r| unsafe { libc::getgrnam_r(name.as_ptr(), e, b, l, r) });
    match found {
        Some((g, _buf)) => Ok(group_value(vm, &g)),
        None => Err(name_not_found(vm, "getgrnam", &name)),
    }
}

fn getgrall(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getgrall", args, kw, 0, 0)?;
    let mut out = Vec::new();
    // SAFETY: setgrent/getgrent/endgrent walk the database; each entry returned by
    // getgrent is read before the next call. Krait runs one thread.
    unsafe {
        libc::setgrent();
        loop {
            let g = libc::getgrent();
            if g.is_null() {
                break;
            }
            out.push(group_value(vm, &*g));
        }
        libc::endgrent();
    }
    Ok(vm.new_list(out))
}

pub fn init_grp(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(vm, "grp", &[("getgrgid", getgrgid), ("getgrnam", getgrnam), ("getgrall", getgrall)]);
    let c = structseq::class(vm, &STRUCT_GROUP);
    set(vm, m, "struct_group", c);
    Ok(m)
}
