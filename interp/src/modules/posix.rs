//! The `posix` module: the operating-system calls `os`, `os.path` and `shutil` are built
//! on. Paths may be str, bytes or `os.PathLike`; a bytes path gives bytes results
//! (`listdir`, `readlink`, `DirEntry.name`), as in CPython. Errors are the `OSError`
//! subclasses CPython raises, with `filename` (and `filename2`) set.
//!
//! `_have_functions` claims only what is implemented here: no `dir_fd` arguments (so
//! `shutil.rmtree` takes its path-based route), `follow_symlinks=False` for `stat`, file
//! descriptors for `stat` and `truncate`.

use std::cell::{Cell, RefCell};
use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::PathBuf;

use crate::impl_native;
use crate::object::{Layout, Payload};
use crate::types::int::{int_ref, IntRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::structseq::{self, Spec};
use super::{nargs, native, new_class, new_module, opt, set, set_int, this};

pub static STAT_RESULT: Spec = Spec {
    module: "os",
    name: "stat_result",
    fields: &["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "", "", ""],
    extra: &[
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
};

static TERMINAL_SIZE: Spec = Spec { module: "os", name: "terminal_size", fields: &["columns", "lines"], extra: &[] };

static UNAME_RESULT: Spec = Spec {
    module: "posix",
    name: "uname_result",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    extra: &[],
};

static TIMES_RESULT: Spec = Spec {
    module: "posix",
    name: "times_result",
    fields: &["user", "system", "children_user", "children_system", "elapsed"],
    extra: &[],
};

// ----- paths and errors -----

/// A path argument: the OS path, whether it was given as bytes, and the original object
/// (for `filename` in errors).
struct PathArg {
    path: PathBuf,
    bytes: bool,
    orig: Value,
}

/// `os.fspath(v)`: str and bytes unchanged, `__fspath__` otherwise.
pub fn fspath(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.as_pystr().is_some() || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Bytes(_))) {
        return Ok(v);
    }
    let k = vm.intern("__fspath__");
    let cls = vm.type_of(v);
    let Some(f) = vm.lookup_type(cls, k).filter(|f| !f.is_none()) else {
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_tp_name(v))));
    };
    let r = vm.call(f, &[v], &[])?;
    if r.as_pystr().is_some() || matches!(r.as_obj().map(|o| &o.payload), Some(Payload::Bytes(_))) {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        vm.type_tp_name(v),
        vm.type_tp_name(r)
    )))
}

fn path_arg(vm: &mut Vm, fname: &str, argname: &str, v: Value) -> PyResult<PathArg> {
    let p = match fspath(vm, v) {
        Ok(p) => p,
        Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
            return Err(vm.type_error(format!(
                "{fname}: {argname} should be string, bytes or os.PathLike, not {}",
                vm.type_tp_name(v)
            )))
        }
        Err(e) => return Err(e),
    };
    if let Some(s) = p.as_rstr() {
        if s.contains('\0') {
            return Err(vm.value_error(format!("{fname}: embedded null character in {argname}")));
        }
        return Ok(PathArg { path: PathBuf::from(s), bytes: false, orig: v });
    }
    let b = crate::types::bytes::bytes_data(p).unwrap_or_default();
    if b.contains(&0) {
        return Err(vm.value_error(format!("{fname}: embedded null byte in {argname}")));
    }
    Ok(PathArg { path: PathBuf::from(OsString::from_vec(b)), bytes: true, orig: v })
}

/// A path or a file descriptor (for functions that take either).
enum PathOrFd {
    Path(PathArg),
    Fd(i32),
}

fn path_or_fd(vm: &mut Vm, fname: &str, argname: &str, v: Value) -> PyResult<PathOrFd> {
    if let Some(i) = int_ref(&v) {
        if v.is_bool() {
            return Err(
                vm.type_error(format!("{fname}: {argname} should be string, bytes, os.PathLike or integer, not bool"))
            );
        }
        return match i {
            IntRef::Small(i) if (i32::MIN as i64..=i32::MAX as i64).contains(&i) => Ok(PathOrFd::Fd(i as i32)),
            _ => Err(vm.overflow_error("fd is greater than maximum")),
        };
    }
    match path_arg(vm, fname, argname, v) {
        Ok(p) => Ok(PathOrFd::Path(p)),
        Err(e) if vm.err_matches(&e, vm.exc.type_error) => Err(vm.type_error(format!(
            "{fname}: {argname} should be string, bytes, os.PathLike or integer, not {}",
            vm.type_tp_name(v)
        ))),
        Err(e) => Err(e),
    }
}

fn c_path(p: &std::path::Path) -> CString {
    // Paths were checked for NUL bytes when converted.
    CString::new(p.as_os_str().as_bytes()).unwrap_or_default()
}

/// A str or bytes result, matching the kind of the path argument.
fn os_value(vm: &mut Vm, s: &OsStr, bytes: bool) -> PyResult<Value> {
    if bytes {
        Ok(vm.new_bytes(s.as_bytes().to_vec()))
    } else {
        fsdecode(vm, s.as_bytes())
    }
}

/// Bytes from the OS as a str. CPython escapes undecodable bytes as lone surrogates
/// (`surrogateescape`), which Krait's str cannot hold: such a name raises
/// NotImplementedError rather than come back altered (bytes paths give the raw names).
fn fsdecode(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(_) => Err(vm.not_implemented_error(format!(
            "the file name {:?} is not valid UTF-8 and would need lone surrogates, which Krait's str \
             cannot hold (use a bytes path to get raw names)",
            String::from_utf8_lossy(b)
        ))),
    }
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

fn strerror_text(code: i32) -> String {
    let t = std::io::Error::from_raw_os_error(code).to_string();
    match t.rfind(" (os error ") {
        Some(i) => t[..i].to_owned(),
        None => t,
    }
}

/// The `OSError` subclass for `code`, with filename(s), built by calling the class.
fn os_error(vm: &mut Vm, code: i32, f1: Option<Value>, f2: Option<Value>) -> PyErr {
    let cls = vm.exc.os_error;
    let mut args = vec![vm.new_int(code as i64), vm.new_string(strerror_text(code))];
    if let Some(f) = f1 {
        args.push(f);
        if let Some(f2) = f2 {
            args.push(Value::NONE);
            args.push(f2);
        }
    }
    match vm.call(cls, &args, &[]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn io_err(vm: &mut Vm, e: &std::io::Error, f: Option<Value>) -> PyErr {
    os_error(vm, errno_of(e), f, None)
}

fn last_err(vm: &mut Vm, f: Option<Value>) -> PyErr {
    let e = std::io::Error::last_os_error();
    io_err(vm, &e, f)
}

fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.to_index(v)?;
    i32::try_from(i).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

fn flag(vm: &mut Vm, v: Value, default: bool) -> PyResult<bool> {
    if v.is_null() {
        Ok(default)
    } else {
        vm.truthy(v)
    }
}

fn no_dir_fd(vm: &mut Vm, fname: &str, dir_fd: Value) -> PyResult<()> {
    if opt(dir_fd).is_some() {
        return Err(vm.not_implemented_error(format!("{fname}: dir_fd unavailable on this platform")));
    }
    Ok(())
}

// ----- stat -----

fn stat_value(vm: &mut Vm, m: &std::fs::Metadata) -> Value {
    let i = |vm: &mut Vm, x: i64| vm.new_int(x);
    let ns = |vm: &mut Vm, s: i64, n: i64| crate::types::int::int_from_i128(vm, s as i128 * 1_000_000_000 + n as i128);
    let seq = vec![
        i(vm, m.mode() as i64),
        crate::types::int::int_from_i128(vm, m.ino() as i128),
        crate::types::int::int_from_i128(vm, m.dev() as i128),
        i(vm, m.nlink() as i64),
        i(vm, m.uid() as i64),
        i(vm, m.gid() as i64),
        i(vm, m.size() as i64),
        i(vm, m.atime()),
        i(vm, m.mtime()),
        i(vm, m.ctime()),
    ];
    let f = |s: i64, n: i64| Value::float(s as f64 + n as f64 * 1e-9);
    let extra = vec![
        f(m.atime(), m.atime_nsec()),
        f(m.mtime(), m.mtime_nsec()),
        f(m.ctime(), m.ctime_nsec()),
        ns(vm, m.atime(), m.atime_nsec()),
        ns(vm, m.mtime(), m.mtime_nsec()),
        ns(vm, m.ctime(), m.ctime_nsec()),
        i(vm, m.blksize() as i64),
        i(vm, m.blocks() as i64),
        crate::types::int::int_from_i128(vm, m.rdev() as i128),
    ];
    structseq::new(vm, &STAT_RESULT, seq, extra)
}

fn fd_metadata(vm: &mut Vm, fd: i32) -> PyResult<std::fs::Metadata> {
    use std::os::fd::BorrowedFd;
    if fd < 0 {
        return Err(os_error(vm, libc::EBADF, None, None));
    }
    // SAFETY: the descriptor is only borrowed for the duration of this call; if it is not
    // open, fstat fails with EBADF, which is reported.
    let b = unsafe { BorrowedFd::borrow_raw(fd) };
    let owned = b.try_clone_to_owned().map_err(|e| io_err(vm, &e, None))?;
    let f = std::fs::File::from(owned);
    f.metadata().map_err(|e| io_err(vm, &e, None))
}

fn do_stat(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)], follow_default: bool) -> PyResult<Value> {
    let [path, dir_fd, follow] = vm.bind_args(fname, args, kw, ["path", "dir_fd", "follow_symlinks"], 1)?;
    no_dir_fd(vm, fname, dir_fd)?;
    let follow = flag(vm, follow, follow_default)?;
    let m = match path_or_fd(vm, fname, "path", path)? {
        PathOrFd::Fd(fd) => fd_metadata(vm, fd)?,
        PathOrFd::Path(p) => {
            let r = if follow { std::fs::metadata(&p.path) } else { std::fs::symlink_metadata(&p.path) };
            r.map_err(|e| io_err(vm, &e, Some(p.orig)))?
        }
    };
    Ok(stat_value(vm, &m))
}

fn p_stat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    do_stat(vm, "stat", args, kw, true)
}

fn p_lstat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    do_stat(vm, "lstat", args, kw, false)
}

fn p_fstat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd] = vm.bind_args("fstat", args, kw, ["fd"], 1)?;
    let fd = fd_arg(vm, fd)?;
    let m = fd_metadata(vm, fd)?;
    Ok(stat_value(vm, &m))
}

// ----- directories -----

fn p_getcwd(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getcwd", args, kw, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| io_err(vm, &e, None))?;
    os_value(vm, d.as_os_str(), false)
}

fn p_getcwdb(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getcwdb", args, kw, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| io_err(vm, &e, None))?;
    os_value(vm, d.as_os_str(), true)
}

fn p_chdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path] = vm.bind_args("chdir", args, kw, ["path"], 1)?;
    let p = path_arg(vm, "chdir", "path", path)?;
    std::env::set_current_dir(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
    Ok(Value::NONE)
}

/// The path argument of listdir/scandir: '.' by default.
fn dir_arg(vm: &mut Vm, fname: &str, path: Value) -> PyResult<PathArg> {
    match opt(path) {
        None => Ok(PathArg { path: PathBuf::from("."), bytes: false, orig: vm.new_str(".") }),
        Some(p) => {
            if int_ref(&p).is_some() {
                return Err(vm.not_implemented_error(format!("{fname}() of a file descriptor is not supported yet")));
            }
            path_arg(vm, fname, "path", p)
        }
    }
}

fn p_listdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path] = vm.bind_args("listdir", args, kw, ["path"], 0)?;
    let p = dir_arg(vm, "listdir", path)?;
    let rd = std::fs::read_dir(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| io_err(vm, &e, Some(p.orig)))?;
        out.push(os_value(vm, &ent.file_name(), p.bytes)?);
    }
    Ok(vm.new_list(out))
}

fn p_mkdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, mode, dir_fd] = vm.bind_args("mkdir", args, kw, ["path", "mode", "dir_fd"], 1)?;
    no_dir_fd(vm, "mkdir", dir_fd)?;
    let p = path_arg(vm, "mkdir", "path", path)?;
    let mode = if mode.is_null() { 0o777 } else { vm.to_index(mode)? as u32 };
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
    Ok(Value::NONE)
}

fn p_rmdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, dir_fd] = vm.bind_args("rmdir", args, kw, ["path", "dir_fd"], 1)?;
    no_dir_fd(vm, "rmdir", dir_fd)?;
    let p = path_arg(vm, "rmdir", "path", path)?;
    std::fs::remove_dir(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
    Ok(Value::NONE)
}

fn unlink_impl(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, dir_fd] = vm.bind_args(fname, args, kw, ["path", "dir_fd"], 1)?;
    no_dir_fd(vm, fname, dir_fd)?;
    let p = path_arg(vm, fname, "path", path)?;
    std::fs::remove_file(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
    Ok(Value::NONE)
}

fn p_remove(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    unlink_impl(vm, "remove", args, kw)
}

fn p_unlink(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    unlink_impl(vm, "unlink", args, kw)
}

fn rename_impl(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [src, dst, sfd, dfd] = vm.bind_args(fname, args, kw, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 2)?;
    no_dir_fd(vm, fname, sfd)?;
    no_dir_fd(vm, fname, dfd)?;
    let s = path_arg(vm, fname, "src", src)?;
    let d = path_arg(vm, fname, "dst", dst)?;
    if s.bytes != d.bytes {
        return Err(vm.type_error(format!("{fname}: src and dst must be the same type")));
    }
    if let Err(e) = std::fs::rename(&s.path, &d.path) {
        return Err(os_error(vm, errno_of(&e), Some(s.orig), Some(d.orig)));
    }
    Ok(Value::NONE)
}

fn p_rename(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    rename_impl(vm, "rename", args, kw)
}

fn p_replace(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    rename_impl(vm, "replace", args, kw)
}

fn p_readlink(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, dir_fd] = vm.bind_args("readlink", args, kw, ["path", "dir_fd"], 1)?;
    no_dir_fd(vm, "readlink", dir_fd)?;
    let p = path_arg(vm, "readlink", "path", path)?;
    let t = std::fs::read_link(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
    os_value(vm, t.as_os_str(), p.bytes)
}

fn p_symlink(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [src, dst, _isdir, dir_fd] =
        vm.bind_args("symlink", args, kw, ["src", "dst", "target_is_directory", "dir_fd"], 2)?;
    no_dir_fd(vm, "symlink", dir_fd)?;
    let s = path_arg(vm, "symlink", "src", src)?;
    let d = path_arg(vm, "symlink", "dst", dst)?;
    if let Err(e) = std::os::unix::fs::symlink(&s.path, &d.path) {
        return Err(os_error(vm, errno_of(&e), Some(s.orig), Some(d.orig)));
    }
    Ok(Value::NONE)
}

fn p_link(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [src, dst, sfd, dfd, _follow] =
        vm.bind_args("link", args, kw, ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2)?;
    no_dir_fd(vm, "link", sfd)?;
    no_dir_fd(vm, "link", dfd)?;
    let s = path_arg(vm, "link", "src", src)?;
    let d = path_arg(vm, "link", "dst", dst)?;
    if let Err(e) = std::fs::hard_link(&s.path, &d.path) {
        return Err(os_error(vm, errno_of(&e), Some(s.orig), Some(d.orig)));
    }
    Ok(Value::NONE)
}

fn p_access(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, mode, dir_fd, eff, follow] =
        vm.bind_args("access", args, kw, ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2)?;
    no_dir_fd(vm, "access", dir_fd)?;
    if flag(vm, eff, false)? {
        return Err(vm.not_implemented_error("access: effective_ids unavailable on this platform"));
    }
    if !flag(vm, follow, true)? {
        return Err(vm.not_implemented_error("access: follow_symlinks unavailable on this platform"));
    }
    let p = path_arg(vm, "access", "path", path)?;
    let mode = vm.to_index(mode)? as libc::c_int;
    let c = c_path(&p.path);
    // SAFETY: `c` is a NUL-terminated path; access only reads it.
    let r = unsafe { libc::access(c.as_ptr(), mode) };
    Ok(Value::bool(r == 0))
}

fn p_chmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, mode, dir_fd, follow] =
        vm.bind_args("chmod", args, kw, ["path", "mode", "dir_fd", "follow_symlinks"], 2)?;
    no_dir_fd(vm, "chmod", dir_fd)?;
    if !flag(vm, follow, true)? {
        return Err(vm.not_implemented_error("chmod: follow_symlinks unavailable on this platform"));
    }
    let mode = vm.to_index(mode)? as u32;
    match path_or_fd(vm, "chmod", "path", path)? {
        PathOrFd::Fd(fd) => {
            // SAFETY: fchmod on a caller-given descriptor; failure is reported.
            if unsafe { libc::fchmod(fd, mode) } != 0 {
                return Err(last_err(vm, None));
            }
        }
        PathOrFd::Path(p) => {
            std::fs::set_permissions(&p.path, std::fs::Permissions::from_mode(mode))
                .map_err(|e| io_err(vm, &e, Some(p.orig)))?;
        }
    }
    Ok(Value::NONE)
}

/// `(atime, mtime)` as a timespec pair from seconds (float or int).
fn timespec_from_secs(vm: &mut Vm, v: Value) -> PyResult<libc::timespec> {
    if let Some(IntRef::Small(i)) = int_ref(&v) {
        return Ok(libc::timespec { tv_sec: i, tv_nsec: 0 });
    }
    let f = vm.to_f64(v)?;
    let s = f.floor();
    let ns = ((f - s) * 1e9).round() as i64;
    Ok(libc::timespec { tv_sec: s as i64 + ns / 1_000_000_000, tv_nsec: ns % 1_000_000_000 })
}

fn p_utime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, times, ns, dir_fd, follow] =
        vm.bind_args("utime", args, kw, ["path", "times", "ns", "dir_fd", "follow_symlinks"], 1)?;
    no_dir_fd(vm, "utime", dir_fd)?;
    let follow = flag(vm, follow, true)?;
    let p = path_arg(vm, "utime", "path", path)?;
    let ts: Option<[libc::timespec; 2]> = match (opt(times), opt(ns)) {
        (Some(_), Some(_)) => {
            return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
        }
        (Some(t), None) => {
            let items = t.as_tuple().map(|t| t.to_vec()).filter(|t| t.len() == 2);
            let Some(items) = items else {
                return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
            };
            Some([timespec_from_secs(vm, items[0])?, timespec_from_secs(vm, items[1])?])
        }
        (None, Some(n)) => {
            let items = n.as_tuple().map(|t| t.to_vec()).filter(|t| t.len() == 2);
            let Some(items) = items else {
                return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
            };
            let mut out = [libc::timespec { tv_sec: 0, tv_nsec: 0 }; 2];
            for (o, v) in out.iter_mut().zip(items) {
                let b = crate::types::int::index_value(vm, v)?;
                let n: i128 = num_traits::ToPrimitive::to_i128(&b).unwrap_or(0);
                *o = libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000) as i64,
                    tv_nsec: n.rem_euclid(1_000_000_000) as i64,
                };
            }
            Some(out)
        }
        (None, None) => None,
    };
    let c = c_path(&p.path);
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let ptr = match &ts {
        Some(t) => t.as_ptr(),
        None => std::ptr::null(),
    };
    // SAFETY: `c` is NUL-terminated and `ptr` is null or points at two timespecs.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ptr, flags) };
    if r != 0 {
        return Err(last_err(vm, Some(p.orig)));
    }
    Ok(Value::NONE)
}

fn p_truncate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, length] = vm.bind_args("truncate", args, kw, ["path", "length"], 2)?;
    let len = vm.to_index(length)?;
    match path_or_fd(vm, "truncate", "path", path)? {
        PathOrFd::Fd(fd) => {
            // SAFETY: ftruncate on a caller-given descriptor; failure is reported.
            if unsafe { libc::ftruncate(fd, len) } != 0 {
                return Err(last_err(vm, None));
            }
        }
        PathOrFd::Path(p) => {
            let f = std::fs::OpenOptions::new().write(true).open(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
            f.set_len(len.max(0) as u64).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
        }
    }
    Ok(Value::NONE)
}

fn p_ftruncate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "ftruncate", args, kw, 2, 2)?;
    let fd = fd_arg(vm, args[0])?;
    let len = vm.to_index(args[1])?;
    // SAFETY: as in truncate.
    if unsafe { libc::ftruncate(fd, len) } != 0 {
        return Err(last_err(vm, None));
    }
    Ok(Value::NONE)
}

// ----- scandir -----

pub struct DirEntry {
    name: Value,
    path: Value,
    ino: u64,
    file_type: Option<std::fs::FileType>,
    /// Cached stat results (follow, no-follow); NULL until asked.
    stat: Cell<Value>,
    lstat: Cell<Value>,
}
impl_native!(DirEntry, |s, visit| {
    visit(s.name);
    visit(s.path);
    visit(s.stat.get());
    visit(s.lstat.get());
});

pub struct ScandirIter {
    iter: RefCell<Option<std::fs::ReadDir>>,
    base: PathBuf,
    bytes: bool,
    orig: Value,
}
impl_native!(ScandirIter, |s, visit| { visit(s.orig) });

fn p_scandir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path] = vm.bind_args("scandir", args, kw, ["path"], 0)?;
    let explicit = opt(path).is_some();
    let p = dir_arg(vm, "scandir", path)?;
    let rd = std::fs::read_dir(&p.path).map_err(|e| io_err(vm, &e, Some(p.orig)))?;
    let base = if explicit { p.path.clone() } else { PathBuf::new() };
    let cls = vm.state.borrow().get("posix.ScandirIterator").copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, ScandirIter { iter: RefCell::new(Some(rd)), base, bytes: p.bytes, orig: p.orig }))
}

fn sd_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<ScandirIter>(vm, args, "__iter__", "posix.ScandirIterator")?;
    Ok(args[0])
}

fn sd_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = this::<ScandirIter>(vm, args, "__next__", "posix.ScandirIterator")?;
    let next = match it.iter.borrow_mut().as_mut() {
        Some(rd) => rd.next(),
        None => None,
    };
    let Some(ent) = next else {
        *it.iter.borrow_mut() = None;
        return Err(vm.stop_iteration(Value::NONE));
    };
    let ent = ent.map_err(|e| io_err(vm, &e, Some(it.orig)))?;
    let fname = ent.file_name();
    // CPython joins the given path (or '.') with the name.
    let full = if it.base.as_os_str().is_empty() { PathBuf::from(".").join(&fname) } else { it.base.join(&fname) };
    use std::os::unix::fs::DirEntryExt;
    let name = os_value(vm, &fname, it.bytes)?;
    let path = os_value(vm, full.as_os_str(), it.bytes)?;
    let cls = vm.state.borrow().get("posix.DirEntry").copied().unwrap_or(vm.types.object);
    let d = DirEntry {
        name,
        path,
        ino: ent.ino(),
        file_type: ent.file_type().ok(),
        stat: Cell::new(Value::NULL),
        lstat: Cell::new(Value::NULL),
    };
    Ok(vm.new_native(cls, d))
}

fn sd_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = this::<ScandirIter>(vm, args, "close", "posix.ScandirIterator")?;
    *it.iter.borrow_mut() = None;
    Ok(Value::NONE)
}

fn sd_enter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<ScandirIter>(vm, args, "__enter__", "posix.ScandirIterator")?;
    Ok(args[0])
}

fn sd_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    sd_close(vm, &args[..1.min(args.len())], &[])
}

fn entry<'a>(vm: &Vm, args: &'a [Value], m: &str) -> PyResult<&'a DirEntry> {
    this::<DirEntry>(vm, args, m, "posix.DirEntry")
}

fn de_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(entry(vm, args, "name")?.name)
}

fn de_path(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(entry(vm, args, "path")?.path)
}

fn de_inode(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = entry(vm, args, "inode")?;
    Ok(crate::types::int::int_from_i128(vm, e.ino as i128))
}

fn de_stat_impl(vm: &mut Vm, this_v: Value, follow: bool) -> PyResult<Value> {
    let Some(e) = native::<DirEntry>(&this_v) else {
        return Err(vm.type_error("DirEntry expected"));
    };
    let cell = if follow { &e.stat } else { &e.lstat };
    if !cell.get().is_null() {
        return Ok(cell.get());
    }
    let path = e.path;
    let k = vm.intern("follow_symlinks");
    let r = if follow { p_stat(vm, &[path], &[])? } else { p_stat(vm, &[path], &[(k, Value::FALSE)])? };
    cell.set(r);
    Ok(r)
}

fn follow_kw(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<bool> {
    if args.len() > 1 {
        return Err(vm.type_error(format!("DirEntry.{fname}() takes no positional arguments")));
    }
    let [f] = vm.bind_args(fname, &[], kw, ["follow_symlinks"], 0)?;
    flag(vm, f, true)
}

fn de_stat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    entry(vm, args, "stat")?;
    let follow = follow_kw(vm, "stat", args, kw)?;
    de_stat_impl(vm, args[0], follow)
}

fn de_is_symlink(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = entry(vm, args, "is_symlink")?;
    match e.file_type {
        Some(t) => Ok(Value::bool(t.is_symlink())),
        None => Ok(Value::FALSE),
    }
}

fn de_is_kind(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], dir: bool) -> PyResult<Value> {
    let name = if dir { "is_dir" } else { "is_file" };
    let e = entry(vm, args, name)?;
    let follow = follow_kw(vm, name, args, kw)?;
    if let Some(t) = e.file_type {
        if !t.is_symlink() || !follow {
            return Ok(Value::bool(if dir { t.is_dir() } else { t.is_file() }));
        }
    }
    match de_stat_impl(vm, args[0], follow) {
        Ok(st) => {
            let mode =
                st.as_tuple().and_then(|t| t.first().copied()).and_then(|m| m.as_small_int()).unwrap_or(0) as u32;
            let fmt = mode & libc::S_IFMT;
            Ok(Value::bool(if dir { fmt == libc::S_IFDIR } else { fmt == libc::S_IFREG }))
        }
        Err(e) if vm.err_matches(&e, vm.exc.file_not_found_error) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn de_is_dir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    de_is_kind(vm, args, kw, true)
}

fn de_is_file(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    de_is_kind(vm, args, kw, false)
}

fn de_fspath(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(entry(vm, args, "__fspath__")?.path)
}

fn de_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = entry(vm, args, "__repr__")?.name;
    let r = vm.repr_string(n)?;
    Ok(vm.new_string(format!("<DirEntry {r}>")))
}

// ----- file descriptors -----

fn p_open(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path, flags, mode, dir_fd] = vm.bind_args("open", args, kw, ["path", "flags", "mode", "dir_fd"], 2)?;
    no_dir_fd(vm, "open", dir_fd)?;
    let p = path_arg(vm, "open", "path", path)?;
    let flags = vm.to_index(flags)? as libc::c_int | libc::O_CLOEXEC;
    let mode = if mode.is_null() { 0o777 } else { vm.to_index(mode)? as libc::c_uint };
    let c = c_path(&p.path);
    // SAFETY: `c` is NUL-terminated; open returns a new descriptor or -1.
    let fd = unsafe { libc::open(c.as_ptr(), flags, mode) };
    if fd < 0 {
        return Err(last_err(vm, Some(p.orig)));
    }
    Ok(vm.new_int(fd as i64))
}

fn p_close(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd] = vm.bind_args("close", args, kw, ["fd"], 1)?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: closing a descriptor the program names; a bad one fails with EBADF.
    if unsafe { libc::close(fd) } != 0 {
        return Err(last_err(vm, None));
    }
    Ok(Value::NONE)
}

fn p_closerange(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "closerange", args, kw, 2, 2)?;
    let lo = fd_arg(vm, args[0])?;
    let hi = fd_arg(vm, args[1])?;
    for fd in lo.max(0)..hi {
        // SAFETY: as in close; errors are ignored, as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(Value::NONE)
}

fn p_read(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "read", args, kw, 2, 2)?;
    let fd = fd_arg(vm, args[0])?;
    let n = vm.to_index(args[1])?;
    if n < 0 {
        let e = std::io::Error::from_raw_os_error(libc::EINVAL);
        return Err(io_err(vm, &e, None));
    }
    if fd == 0 {
        crate::builtins::io::flush_all(vm);
    }
    let mut buf = vec![0u8; n as usize];
    // SAFETY: `buf` is writable for `n` bytes.
    let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    if r < 0 {
        return Err(last_err(vm, None));
    }
    buf.truncate(r as usize);
    Ok(vm.new_bytes(buf))
}

fn p_write(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "write", args, kw, 2, 2)?;
    let fd = fd_arg(vm, args[0])?;
    let data = super::need_bytes(vm, args[1])?;
    if fd == 1 || fd == 2 {
        // Keep the order of what the program printed before.
        crate::builtins::io::flush_all(vm);
    }
    // SAFETY: `data` is readable for its length.
    let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
    if r < 0 {
        return Err(last_err(vm, None));
    }
    Ok(vm.new_int(r as i64))
}

fn p_lseek(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "lseek", args, kw, 3, 3)?;
    let fd = fd_arg(vm, args[0])?;
    let pos = vm.to_index(args[1])?;
    let how = vm.to_index(args[2])? as libc::c_int;
    // SAFETY: lseek on a caller-given descriptor; failure is reported.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_err(vm, None));
    }
    Ok(vm.new_int(r))
}

fn p_fsync(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "fsync", args, kw, 1, 1)?;
    let fd = match int_ref(&args[0]) {
        Some(_) => fd_arg(vm, args[0])?,
        None => {
            let r = vm.call_method(args[0], "fileno", &[])?;
            fd_arg(vm, r)?
        }
    };
    // SAFETY: fsync on a caller-given descriptor.
    if unsafe { libc::fsync(fd) } != 0 {
        return Err(last_err(vm, None));
    }
    Ok(Value::NONE)
}

fn p_isatty(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isatty", args, kw, 1, 1)?;
    let fd = fd_arg(vm, args[0])?;
    // SAFETY: isatty only queries the descriptor.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

fn p_dup(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "dup", args, kw, 1, 1)?;
    let fd = fd_arg(vm, args[0])?;
    // SAFETY: duplicates a caller-given descriptor.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_err(vm, None));
    }
    Ok(vm.new_int(r as i64))
}

fn p_dup2(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd, fd2, _inh] = vm.bind_args("dup2", args, kw, ["fd", "fd2", "inheritable"], 2)?;
    let fd = fd_arg(vm, fd)?;
    let fd2 = fd_arg(vm, fd2)?;
    crate::builtins::io::flush_all(vm);
    // SAFETY: dup2 between caller-given descriptors.
    let r = unsafe { libc::dup2(fd, fd2) };
    if r < 0 {
        return Err(last_err(vm, None));
    }
    Ok(vm.new_int(r as i64))
}

fn p_device_encoding(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd] = vm.bind_args("device_encoding", args, kw, ["fd"], 1)?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: isatty only queries the descriptor.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(vm.new_str("UTF-8"));
    }
    Ok(Value::NONE)
}

fn p_get_blocking(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "get_blocking", args, kw, 1, 1)?;
    let fd = fd_arg(vm, args[0])?;
    // SAFETY: F_GETFL only queries the descriptor.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if fl < 0 {
        return Err(last_err(vm, None));
    }
    Ok(Value::bool(fl & libc::O_NONBLOCK == 0))
}

fn p_get_inheritable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "get_inheritable", args, kw, 1, 1)?;
    let fd = fd_arg(vm, args[0])?;
    // SAFETY: F_GETFD only queries the descriptor.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if fl < 0 {
        return Err(last_err(vm, None));
    }
    Ok(Value::bool(fl & libc::FD_CLOEXEC == 0))
}

// ----- the process -----

fn environ_dict(vm: &mut Vm) -> PyResult<Value> {
    let d = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let k = vm.new_bytes(k.into_vec());
        let v = vm.new_bytes(v.into_vec());
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

fn env_bytes(vm: &mut Vm, v: Value, what: &str) -> PyResult<OsString> {
    if let Some(s) = v.as_rstr() {
        return Ok(OsString::from(s));
    }
    let p = fspath(vm, v).map_err(|_| {
        vm.type_error(format!("{what}: should be string, bytes or os.PathLike, not {}", vm.type_tp_name(v)))
    })?;
    if let Some(s) = p.as_rstr() {
        return Ok(OsString::from(s));
    }
    Ok(OsString::from_vec(crate::types::bytes::bytes_data(p).unwrap_or_default()))
}

fn p_putenv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "putenv", args, kw, 2, 2)?;
    let k = env_bytes(vm, args[0], "putenv")?;
    let v = env_bytes(vm, args[1], "putenv")?;
    if k.is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if k.as_bytes().contains(&0) || v.as_bytes().contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(k, v);
    Ok(Value::NONE)
}

fn p_unsetenv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "unsetenv", args, kw, 1, 1)?;
    let k = env_bytes(vm, args[0], "unsetenv")?;
    if k.is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::NONE)
}

macro_rules! id_fn {
    ($name:ident, $py:literal, $e:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            nargs(vm, $py, args, kw, 0, 0)?;
            // SAFETY: these process-identity queries have no preconditions.
            let v = unsafe { $e } as i64;
            Ok(vm.new_int(v))
        }
    };
}

id_fn!(p_getpid, "getpid", libc::getpid());
id_fn!(p_getppid, "getppid", libc::getppid());
id_fn!(p_getuid, "getuid", libc::getuid());
id_fn!(p_geteuid, "geteuid", libc::geteuid());
id_fn!(p_getgid, "getgid", libc::getgid());
id_fn!(p_getegid, "getegid", libc::getegid());
id_fn!(p_getpgrp, "getpgrp", libc::getpgrp());

fn p_umask(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "umask", args, kw, 1, 1)?;
    let m = vm.to_index(args[0])? as libc::mode_t;
    // SAFETY: umask only swaps the process's mask.
    let old = unsafe { libc::umask(m) };
    Ok(vm.new_int(old as i64))
}

fn p_kill(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "kill", args, kw, 2, 2)?;
    let pid = vm.to_index(args[0])? as libc::pid_t;
    let sig = vm.to_index(args[1])? as libc::c_int;
    crate::builtins::io::flush_all(vm);
    // SAFETY: sends a signal; failure is reported.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(last_err(vm, None));
    }
    super::signal::check_signals(vm)?;
    Ok(Value::NONE)
}

fn p_exit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [code] = vm.bind_args("_exit", args, kw, ["status"], 1)?;
    let code = vm.to_index(code)?;
    // SAFETY: ends the process at once, as os._exit does (no clean-up, no flushing).
    unsafe { libc::_exit(code as libc::c_int) }
}

fn p_system(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [cmd] = vm.bind_args("system", args, kw, ["command"], 1)?;
    let c = env_bytes(vm, cmd, "system")?;
    let Ok(c) = CString::new(c.into_vec()) else {
        return Err(vm.value_error("embedded null byte"));
    };
    crate::builtins::io::flush_all(vm);
    // SAFETY: `c` is NUL-terminated; system runs the shell and waits for it.
    let r = unsafe { libc::system(c.as_ptr()) };
    Ok(vm.new_int(r as i64))
}

fn p_urandom(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "urandom", args, kw, 1, 1)?;
    let n = vm.to_index(args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: the destination is the unfilled tail of `buf`.
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) };
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(io_err(vm, &e, None));
        }
        got += r as usize;
    }
    Ok(vm.new_bytes(buf))
}

fn p_strerror(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "strerror", args, kw, 1, 1)?;
    let code = vm.to_index(args[0])?;
    Ok(vm.new_string(strerror_text(code as i32)))
}

fn p_fspath(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [path] = vm.bind_args("fspath", args, kw, ["path"], 1)?;
    fspath(vm, path)
}

fn cstr_field(f: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn p_uname(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "uname", args, kw, 0, 0)?;
    // SAFETY: utsname is plain data; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable utsname.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(last_err(vm, None));
    }
    let seq = [&u.sysname[..], &u.nodename[..], &u.release[..], &u.version[..], &u.machine[..]]
        .iter()
        .map(|f| vm.new_string(cstr_field(f)))
        .collect();
    Ok(structseq::new(vm, &UNAME_RESULT, seq, vec![]))
}

fn p_times(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "times", args, kw, 0, 0)?;
    // SAFETY: tms is plain data; times fills it.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid, writable tms.
    let c = unsafe { libc::times(&mut t) };
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let seq = vec![
        Value::float(t.tms_utime as f64 / hz),
        Value::float(t.tms_stime as f64 / hz),
        Value::float(t.tms_cutime as f64 / hz),
        Value::float(t.tms_cstime as f64 / hz),
        Value::float(c as f64 / hz),
    ];
    Ok(structseq::new(vm, &TIMES_RESULT, seq, vec![]))
}

fn p_cpu_count(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "cpu_count", args, kw, 0, 0)?;
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { Value::NONE } else { vm.new_int(n as i64) })
}

fn p_getloadavg(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getloadavg", args, kw, 0, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for the three values asked for.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(vm.os_error("Load averages are unobtainable"));
    }
    Ok(vm.new_tuple(l.iter().map(|&x| Value::float(x)).collect()))
}

fn p_get_terminal_size(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "get_terminal_size", args, kw, 0, 1)?;
    let fd = match args.first() {
        Some(&v) => fd_arg(vm, v)?,
        None => 1,
    };
    // SAFETY: winsize is plain data.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes a winsize into `w`.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } != 0 {
        return Err(last_err(vm, None));
    }
    let seq = vec![vm.new_int(w.ws_col as i64), vm.new_int(w.ws_row as i64)];
    Ok(structseq::new(vm, &TERMINAL_SIZE, seq, vec![]))
}

fn p_waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [st] = vm.bind_args("waitstatus_to_exitcode", args, kw, ["status"], 1)?;
    let s = vm.to_index(st)? as i32;
    if libc::WIFEXITED(s) {
        return Ok(vm.new_int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(vm.new_int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

macro_rules! wait_macro {
    ($name:ident, $py:literal, $e:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let [st] = vm.bind_args($py, args, kw, ["status"], 1)?;
            let s = vm.to_index(st)? as i32;
            let f: fn(i32) -> i64 = $e;
            Ok(vm.new_int(f(s)))
        }
    };
}

wait_macro!(p_wifexited, "WIFEXITED", |s| libc::WIFEXITED(s) as i64);
wait_macro!(p_wexitstatus, "WEXITSTATUS", |s| libc::WEXITSTATUS(s) as i64);
wait_macro!(p_wifsignaled, "WIFSIGNALED", |s| libc::WIFSIGNALED(s) as i64);
wait_macro!(p_wtermsig, "WTERMSIG", |s| libc::WTERMSIG(s) as i64);

fn bool_result(v: Value) -> Value {
    match v.as_small_int() {
        Some(i) => Value::bool(i != 0),
        None => v,
    }
}

fn p_wifexited_b(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    p_wifexited(vm, args, kw).map(bool_result)
}

fn p_wifsignaled_b(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    p_wifsignaled(vm, args, kw).map(bool_result)
}

/// Functions whose `HAVE_*` name os.py checks; only those implemented are claimed.
const HAVE_FUNCTIONS: &[&str] = &["HAVE_FSTAT", "HAVE_FTRUNCATE", "HAVE_LSTAT", "HAVE_FCHMOD"];

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "posix",
        &[
            ("stat", p_stat),
            ("lstat", p_lstat),
            ("fstat", p_fstat),
            ("getcwd", p_getcwd),
            ("getcwdb", p_getcwdb),
            ("chdir", p_chdir),
            ("listdir", p_listdir),
            ("scandir", p_scandir),
            ("mkdir", p_mkdir),
            ("rmdir", p_rmdir),
            ("remove", p_remove),
            ("unlink", p_unlink),
            ("rename", p_rename),
            ("replace", p_replace),
            ("readlink", p_readlink),
            ("symlink", p_symlink),
            ("link", p_link),
            ("access", p_access),
            ("chmod", p_chmod),
            ("utime", p_utime),
            ("truncate", p_truncate),
            ("ftruncate", p_ftruncate),
            ("open", p_open),
            ("close", p_close),
            ("closerange", p_closerange),
            ("read", p_read),
            ("write", p_write),
            ("lseek", p_lseek),
            ("fsync", p_fsync),
            ("isatty", p_isatty),
            ("dup", p_dup),
            ("dup2", p_dup2),
            ("device_encoding", p_device_encoding),
            ("get_blocking", p_get_blocking),
            ("get_inheritable", p_get_inheritable),
            ("putenv", p_putenv),
            ("unsetenv", p_unsetenv),
            ("getpid", p_getpid),
            ("getppid", p_getppid),
            ("getuid", p_getuid),
            ("geteuid", p_geteuid),
            ("getgid", p_getgid),
            ("getegid", p_getegid),
            ("getpgrp", p_getpgrp),
            ("umask", p_umask),
            ("kill", p_kill),
            ("_exit", p_exit),
            ("system", p_system),
            ("urandom", p_urandom),
            ("strerror", p_strerror),
            ("fspath", p_fspath),
            ("uname", p_uname),
            ("times", p_times),
            ("cpu_count", p_cpu_count),
            ("getloadavg", p_getloadavg),
            ("get_terminal_size", p_get_terminal_size),
            ("waitstatus_to_exitcode", p_waitstatus_to_exitcode),
            ("WIFEXITED", p_wifexited_b),
            ("WEXITSTATUS", p_wexitstatus),
            ("WIFSIGNALED", p_wifsignaled_b),
            ("WTERMSIG", p_wtermsig),
        ],
    );
    let env = environ_dict(vm)?;
    set(vm, m, "environ", env);
    let err = vm.exc.os_error;
    set(vm, m, "error", err);
    let have: Vec<Value> = HAVE_FUNCTIONS.iter().map(|s| vm.new_str(s)).collect();
    let have = vm.new_list(have);
    set(vm, m, "_have_functions", have);
    let st = structseq::class(vm, &STAT_RESULT);
    set(vm, m, "stat_result", st);
    let ts = structseq::class(vm, &TERMINAL_SIZE);
    set(vm, m, "terminal_size", ts);
    let ur = structseq::class(vm, &UNAME_RESULT);
    set(vm, m, "uname_result", ur);
    let tr = structseq::class(vm, &TIMES_RESULT);
    set(vm, m, "times_result", tr);

    let de = new_class(vm, "posix", "DirEntry", vm.types.object, Layout::Other, 0);
    vm.add_getter(de, "name", de_name);
    vm.add_getter(de, "path", de_path);
    vm.add_method(de, "inode", de_inode);
    vm.add_method(de, "stat", de_stat);
    vm.add_method(de, "is_dir", de_is_dir);
    vm.add_method(de, "is_file", de_is_file);
    vm.add_method(de, "is_symlink", de_is_symlink);
    vm.add_method(de, "__fspath__", de_fspath);
    vm.add_method(de, "__repr__", de_repr);
    vm.add_classmethod(de, "__class_getitem__", de_class_getitem);
    vm.state.borrow_mut().insert("posix.DirEntry", de);
    set(vm, m, "DirEntry", de);
    let si = new_class(vm, "posix", "ScandirIterator", vm.types.object, Layout::Other, 0);
    vm.add_method(si, "__iter__", sd_iter);
    vm.add_method(si, "__next__", sd_next);
    vm.add_method(si, "close", sd_close);
    vm.add_method(si, "__enter__", sd_enter);
    vm.add_method(si, "__exit__", sd_exit);
    vm.state.borrow_mut().insert("posix.ScandirIterator", si);

    let ints: &[(&str, i64)] = &[
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_NDELAY", libc::O_NDELAY as i64),
        ("O_SYNC", libc::O_SYNC as i64),
        ("O_DSYNC", libc::O_DSYNC as i64),
        ("O_NOCTTY", libc::O_NOCTTY as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("O_ACCMODE", libc::O_ACCMODE as i64),
        ("O_ASYNC", libc::O_ASYNC as i64),
        ("O_PATH", libc::O_PATH as i64),
        ("O_TMPFILE", libc::O_TMPFILE as i64),
        ("O_NOATIME", libc::O_NOATIME as i64),
        ("O_LARGEFILE", 0),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
        ("WNOHANG", libc::WNOHANG as i64),
        ("WUNTRACED", libc::WUNTRACED as i64),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("TMP_MAX", 238328),
        ("NGROUPS_MAX", 65536),
    ];
    for &(n, v) in ints {
        set_int(vm, m, n, v);
    }
    Ok(m)
}

fn de_class_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__class_getitem__", &args[1.min(args.len())..], &[], 1, 1)?;
    Ok(crate::types::list::generic_alias(vm, args[0], args[1]))
}
