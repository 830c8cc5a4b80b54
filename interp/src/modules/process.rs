//! Child processes: `_posixsubprocess.fork_exec` (what `subprocess.Popen` runs) and the
//! `posix` functions around it (`pipe`, `pipe2`, `waitpid`, `wait`, `set_inheritable`,
//! `set_blocking`), added to the `posix` module when it is created.
//!
//! Krait runs one thread, so the child may allocate and even run Python code
//! (`preexec_fn`) between `fork` and `exec` without the deadlocks a multi-threaded
//! parent risks; still, everything the child needs is prepared before forking.

use std::ffi::CString;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::select::last_os_error;

/// `posix` with the process functions of this file added.
pub fn init_posix(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::posix::init_module(vm, args, kw)?;
    for (n, f) in [
        ("pipe", p_pipe as crate::vm::NativeFn),
        ("pipe2", p_pipe2),
        ("waitpid", p_waitpid),
        ("wait", p_wait),
        ("set_inheritable", p_set_inheritable),
        ("set_blocking", p_set_blocking),
        ("WIFSTOPPED", p_wifstopped),
        ("WSTOPSIG", p_wstopsig),
        ("WIFCONTINUED", p_wifcontinued),
        ("WCOREDUMP", p_wcoredump),
    ] {
        let k = vm.intern(n);
        if vm.get_attr_opt(m, k)?.is_none() {
            vm.add_function(m, n, f);
        }
    }
    Ok(m)
}

pub fn init_posixsubprocess(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(super::new_module(vm, "_posixsubprocess", &[("fork_exec", fork_exec)]))
}

fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.to_index(v)?;
    i32::try_from(i).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

fn make_pipe(vm: &mut Vm, flags: i32) -> PyResult<Value> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a writable array of two ints, as pipe2(2) requires.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } < 0 {
        return Err(last_os_error(vm));
    }
    let items = vec![vm.new_int(fds[0] as i64), vm.new_int(fds[1] as i64)];
    Ok(vm.new_tuple(items))
}

/// `os.pipe()`: both ends non-inheritable, as in CPython.
fn p_pipe(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.bind_args("pipe", args, kw, [], 0)?;
    make_pipe(vm, libc::O_CLOEXEC)
}

fn p_pipe2(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("pipe2", kw)?;
    let [flags] = vm.bind_args("pipe2", args, kw, ["flags"], 1)?;
    let flags = vm.to_index(flags)? as i32;
    make_pipe(vm, flags)
}

fn wait_result(vm: &mut Vm, pid: libc::pid_t, status: libc::c_int) -> Value {
    let items = vec![vm.new_int(pid as i64), vm.new_int(status as i64)];
    vm.new_tuple(items)
}

/// `os.waitpid(pid, options)`: retried when a signal interrupts it.
fn p_waitpid(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("waitpid", kw)?;
    let [pid, options] = vm.bind_args("waitpid", args, kw, ["pid", "options"], 2)?;
    let pid = vm.to_index(pid)? as libc::pid_t;
    let options = vm.to_index(options)? as libc::c_int;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: waitpid(2) with a valid out-pointer for the status.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r >= 0 {
            return Ok(wait_result(vm, r, status));
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_os_error(vm));
        }
        super::signal::check_signals(vm)?;
    }
}

fn p_wait(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.bind_args("wait", args, kw, [], 0)?;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: wait(2) with a valid out-pointer for the status.
        let r = unsafe { libc::wait(&mut status) };
        if r >= 0 {
            return Ok(wait_result(vm, r, status));
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_os_error(vm));
        }
        super::signal::check_signals(vm)?;
    }
}

fn set_fd_flag(fd: i32, get: i32, set: i32, bit: i32, on: bool) -> bool {
    // SAFETY: fcntl get/set of descriptor or status flags; results are checked.
    unsafe {
        let fl = libc::fcntl(fd, get);
        if fl < 0 {
            return false;
        }
        let nfl = if on { fl | bit } else { fl & !bit };
        nfl == fl || libc::fcntl(fd, set, nfl) >= 0
    }
}

fn p_set_inheritable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd, inh] = vm.bind_args("set_inheritable", args, kw, ["fd", "inheritable"], 2)?;
    let fd = fd_arg(vm, fd)?;
    let on = vm.truthy(inh)?;
    if !set_fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, !on) {
        return Err(last_os_error(vm));
    }
    Ok(Value::NONE)
}

fn p_set_blocking(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd, blocking] = vm.bind_args("set_blocking", args, kw, ["fd", "blocking"], 2)?;
    let fd = fd_arg(vm, fd)?;
    let on = vm.truthy(blocking)?;
    if !set_fd_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, !on) {
        return Err(last_os_error(vm));
    }
    Ok(Value::NONE)
}

fn status_arg(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<i32> {
    let [st] = vm.bind_args(name, args, kw, ["status"], 1)?;
    Ok(vm.to_index(st)? as i32)
}

fn p_wifstopped(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = status_arg(vm, "WIFSTOPPED", args, kw)?;
    Ok(Value::bool(libc::WIFSTOPPED(s)))
}

fn p_wstopsig(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = status_arg(vm, "WSTOPSIG", args, kw)?;
    Ok(vm.new_int(libc::WSTOPSIG(s) as i64))
}

fn p_wifcontinued(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = status_arg(vm, "WIFCONTINUED", args, kw)?;
    Ok(Value::bool(libc::WIFCONTINUED(s)))
}

fn p_wcoredump(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = status_arg(vm, "WCOREDUMP", args, kw)?;
    Ok(Value::bool(libc::WCOREDUMP(s)))
}

// ----- fork_exec -----

/// A path-like argument as bytes (str as UTF-8, bytes as they are, `__fspath__` objects).
fn fs_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_rstr() {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = super::bytes_like(vm, v)? {
        return Ok(b);
    }
    let k = vm.intern("__fspath__");
    if let Some(f) = vm.lookup_type(vm.type_of(v), k) {
        let p = vm.call(f, &[v], &[])?;
        if let Some(s) = p.as_rstr() {
            return Ok(s.as_bytes().to_vec());
        }
        if let Some(b) = crate::types::bytes::bytes_data(p) {
            return Ok(b);
        }
    }
    Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_tp_name(v))))
}

fn cstring(vm: &mut Vm, b: Vec<u8>) -> PyResult<CString> {
    CString::new(b).map_err(|_| vm.value_error("embedded null byte"))
}

fn opt_list(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<CString>>> {
    if v.is_none() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for item in vm.collect(v)? {
        let b = fs_bytes(vm, item)?;
        out.push(cstring(vm, b)?);
    }
    Ok(Some(out))
}

fn opt_id(vm: &mut Vm, v: Value) -> PyResult<Option<u32>> {
    if v.is_none() {
        return Ok(None);
    }
    Ok(Some(vm.to_index(v)? as u32))
}

/// Reports a failure to the parent through the error pipe and ends the child.
fn child_fail(errpipe: i32, name: &str, errno: i32, noexec: bool) -> ! {
    let msg = format!("{name}:{errno:x}:{}", if noexec { "noexec" } else { "" });
    // SAFETY: writes a buffer to a descriptor and ends the child without running atexit
    // handlers or flushing the parent's buffers (as the C child does).
    unsafe {
        libc::write(errpipe, msg.as_ptr() as *const libc::c_void, msg.len());
        libc::_exit(255)
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// Closes every descriptor from 3 up except those in `keep` (sorted).
fn close_fds_except(keep: &[i32]) {
    let fds: Vec<i32> = match std::fs::read_dir("/proc/self/fd") {
        Ok(d) => d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect(),
        Err(_) => {
            // SAFETY: sysconf only queries a limit.
            let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) }.clamp(256, 65536) as i32;
            (3..max).collect()
        }
    };
    for fd in fds {
        if fd >= 3 && keep.binary_search(&fd).is_err() {
            // SAFETY: closing descriptors in the child before exec.
            unsafe { libc::close(fd) };
        }
    }
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite,
/// c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals,
/// call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,
/// allow_vfork)`: forks, sets up the child's descriptors and state, and executes the
/// first of `executable_list` that runs; returns the child's pid. Failures in the child
/// come back through `errpipe_write` as "ExceptionName:hex errno:detail", which
/// `subprocess` turns into the exception.
fn fork_exec(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("fork_exec", kw)?;
    if args.len() != 23 {
        return Err(vm.type_error(format!("fork_exec() takes exactly 23 arguments ({} given)", args.len())));
    }
    let argv = opt_list(vm, args[0])?;
    let exes = opt_list(vm, args[1])?.unwrap_or_default();
    let close_fds = vm.truthy(args[2])?;
    let mut keep: Vec<i32> = Vec::new();
    for v in vm.collect(args[3])? {
        keep.push(fd_arg(vm, v)?);
    }
    keep.sort_unstable();
    let cwd = if args[4].is_none() {
        None
    } else {
        let b = fs_bytes(vm, args[4])?;
        Some(cstring(vm, b)?)
    };
    let env = opt_list(vm, args[5])?;
    let mut fds = [0i32; 8];
    for (i, v) in args[6..14].iter().enumerate() {
        fds[i] = fd_arg(vm, *v)?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] = fds;
    let restore_signals = vm.truthy(args[14])?;
    let call_setsid = vm.truthy(args[15])?;
    let pgid = vm.to_index(args[16])?;
    let gid = opt_id(vm, args[17])?;
    let groups: Option<Vec<libc::gid_t>> = if args[18].is_none() {
        None
    } else {
        let mut g = Vec::new();
        for v in vm.collect(args[18])? {
            g.push(vm.to_index(v)? as libc::gid_t);
        }
        Some(g)
    };
    let uid = opt_id(vm, args[19])?;
    let umask = vm.to_index(args[20])?;
    let preexec = if args[21].is_none() { None } else { Some(args[21]) };

    // Pointer arrays for exec, built before forking.
    let argv_ptrs: Option<Vec<*const libc::c_char>> =
        argv.as_ref().map(|a| a.iter().map(|c| c.as_ptr()).chain(std::iter::once(std::ptr::null())).collect());
    let env_ptrs: Option<Vec<*const libc::c_char>> =
        env.as_ref().map(|a| a.iter().map(|c| c.as_ptr()).chain(std::iter::once(std::ptr::null())).collect());
    let empty_argv: [*const libc::c_char; 1] = [std::ptr::null()];

    crate::builtins::io::flush_all(vm);
    // SAFETY: fork(2); Krait is single-threaded, so the child holds a consistent copy of
    // the process and may continue in Rust until it execs or exits.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(last_os_error(vm));
    }
    if pid > 0 {
        return Ok(vm.new_int(pid as i64));
    }

    // ----- in the child -----
    // SAFETY (whole block): descriptor, process-state and exec system calls on values
    // prepared above; every pointer passed points into a live CString or pointer array.
    unsafe {
        for fd in [p2cwrite, c2pread, errread, errpipe_read] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        // Keep the child's ends clear of 0..2 before moving them there.
        let mut c2pwrite = c2pwrite;
        let mut errwrite = errwrite;
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
        }
        for (src, dst) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if src == dst {
                set_fd_flag(src, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, false);
            } else if src != -1 && libc::dup2(src, dst) < 0 {
                child_fail(errpipe_write, "OSError", errno(), true);
            }
        }
        for fd in [p2cread, c2pwrite, errwrite] {
            if fd > 2 {
                libc::close(fd);
            }
        }
        if let Some(c) = &cwd {
            if libc::chdir(c.as_ptr()) < 0 {
                child_fail(errpipe_write, "OSError", errno(), true);
            }
        }
        if umask >= 0 {
            libc::umask(umask as libc::mode_t);
        }
        if restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if call_setsid && libc::setsid() < 0 {
            child_fail(errpipe_write, "OSError", errno(), true);
        }
        if pgid >= 0 && libc::setpgid(0, pgid as libc::pid_t) < 0 {
            child_fail(errpipe_write, "OSError", errno(), true);
        }
        if let Some(g) = &groups {
            if libc::setgroups(g.len(), g.as_ptr()) < 0 {
                child_fail(errpipe_write, "OSError", errno(), true);
            }
        }
        if let Some(g) = gid {
            if libc::setregid(g, g) < 0 {
                child_fail(errpipe_write, "OSError", errno(), true);
            }
        }
        if let Some(u) = uid {
            if libc::setreuid(u, u) < 0 {
                child_fail(errpipe_write, "OSError", errno(), true);
            }
        }
        if let Some(f) = preexec {
            if vm.call(f, &[], &[]).is_err() {
                let msg = "SubprocessError:0:Exception occurred in preexec_fn.";
                libc::write(errpipe_write, msg.as_ptr() as *const libc::c_void, msg.len());
                libc::_exit(255);
            }
        }
        for &fd in &keep {
            if fd != errpipe_write {
                set_fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, false);
            }
        }
        if close_fds {
            close_fds_except(&keep);
        }
        let argvp = argv_ptrs.as_ref().map_or(empty_argv.as_ptr(), |a| a.as_ptr());
        // The first error other than "not found" wins, as in CPython.
        let (mut saved, mut last) = (0, libc::ENOENT);
        for exe in &exes {
            match &env_ptrs {
                Some(e) => libc::execve(exe.as_ptr(), argvp, e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argvp),
            };
            last = errno();
            if last != libc::ENOENT && last != libc::ENOTDIR && saved == 0 {
                saved = last;
            }
        }
        child_fail(errpipe_write, "OSError", if saved != 0 { saved } else { last }, false)
    }
}
