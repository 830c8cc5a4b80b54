//! The `_signal` module (what `signal.py` builds on).
//!
//! A Python handler installed with `signal.signal` is run by `check_signals`, which is
//! called at the points where Krait polls for signals (today: `time.sleep`; the
//! interpreter loop does not poll yet). `SIG_DFL`/`SIG_IGN` and `default_int_handler` map
//! to the C library's default and ignore actions, so Ctrl-C keeps ending the process
//! (status 130 through the shell, like an uncaught KeyboardInterrupt).

use std::sync::atomic::{AtomicU64, Ordering};

use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{nargs, new_module, set_int};

/// Signals received and not yet handled, one bit per signal number.
static PENDING: AtomicU64 = AtomicU64::new(0);

extern "C" fn on_signal(sig: libc::c_int) {
    if (0..64).contains(&sig) {
        PENDING.fetch_or(1 << sig, Ordering::SeqCst);
    }
}

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

const NSIG: i32 = 65;

fn handlers(vm: &mut Vm) -> Value {
    if let Some(&d) = vm.state.borrow().get("signal.handlers") {
        return d;
    }
    let d = vm.new_dict();
    vm.state.borrow_mut().insert("signal.handlers", d);
    d
}

fn default_int_handler_obj(vm: &Vm) -> Value {
    vm.state.borrow().get("signal.default_int_handler").copied().unwrap_or(Value::NONE)
}

/// Runs the Python handlers of signals that arrived since the last check.
pub fn check_signals(vm: &mut Vm) -> PyResult<()> {
    let pending = PENDING.swap(0, Ordering::SeqCst);
    if pending == 0 {
        return Ok(());
    }
    let d = handlers(vm);
    for sig in 1..64 {
        if pending & (1 << sig) == 0 {
            continue;
        }
        let k = vm.new_int(sig);
        let Some(h) = vm.dict_get(d, k)? else { continue };
        if crate::builtins::functions::is_callable(vm, h) {
            vm.call(h, &[k, Value::NONE], &[])?;
        }
    }
    Ok(())
}

fn sig_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let n = vm.to_index(v)?;
    if !(1..NSIG as i64).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn s_signal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "signal", args, kw, 2, 2)?;
    let sig = sig_arg(vm, args[0])?;
    let handler = args[1];
    let old = s_getsignal(vm, &args[..1], &[])?;
    let action: libc::sighandler_t = if let Some(i) = handler.as_small_int() {
        match i {
            0 => libc::SIG_DFL,
            1 => libc::SIG_IGN,
            _ => {
                return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"))
            }
        }
    } else if handler.is(default_int_handler_obj(vm)) {
        libc::SIG_DFL
    } else if crate::builtins::functions::is_callable(vm, handler) {
        on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
    } else {
        return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
    };
    if sig == libc::SIGKILL || sig == libc::SIGSTOP {
        let e = std::io::Error::from_raw_os_error(libc::EINVAL);
        return Err(crate::builtins::io::os_error_from_io(vm, &e, None));
    }
    // SAFETY: installs either a default action or `on_signal`, which only does an atomic
    // store and so is async-signal-safe.
    let r = unsafe { libc::signal(sig, action) };
    if r == libc::SIG_ERR {
        let e = std::io::Error::last_os_error();
        return Err(crate::builtins::io::os_error_from_io(vm, &e, None));
    }
    let d = handlers(vm);
    let k = vm.new_int(sig as i64);
    vm.dict_set(d, k, handler)?;
    Ok(old)
}

fn s_getsignal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "getsignal", args, kw, 1, 1)?;
    let sig = sig_arg(vm, args[0])?;
    let d = handlers(vm);
    let k = vm.new_int(sig as i64);
    if let Some(h) = vm.dict_get(d, k)? {
        return Ok(h);
    }
    Ok(if sig == libc::SIGINT {
        default_int_handler_obj(vm)
    } else if sig == libc::SIGPIPE || sig == libc::SIGXFSZ {
        vm.new_int(1)
    } else {
        vm.new_int(0)
    })
}

fn s_default_int_handler(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(crate::vm::PyErr(vm.new_exception(vm.exc.keyboard_interrupt, vec![])))
}

fn s_raise_signal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "raise_signal", args, kw, 1, 1)?;
    let sig = sig_arg(vm, args[0])?;
    crate::builtins::io::flush_all(vm);
    // SAFETY: raise() sends a signal to this process; any handler we installed is
    // async-signal-safe.
    unsafe { libc::raise(sig) };
    check_signals(vm)?;
    Ok(Value::NONE)
}

fn s_strsignal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "strsignal", args, kw, 1, 1)?;
    let sig = sig_arg(vm, args[0])?;
    let text = match sig {
        libc::SIGHUP => "Hangup",
        libc::SIGINT => "Interrupt",
        libc::SIGQUIT => "Quit",
        libc::SIGILL => "Illegal instruction",
        libc::SIGTRAP => "Trace/breakpoint trap",
        libc::SIGABRT => "Aborted",
        libc::SIGBUS => "Bus error",
        libc::SIGFPE => "Floating point exception",
        libc::SIGKILL => "Killed",
        libc::SIGUSR1 => "User defined signal 1",
        libc::SIGSEGV => "Segmentation fault",
        libc::SIGUSR2 => "User defined signal 2",
        libc::SIGPIPE => "Broken pipe",
        libc::SIGALRM => "Alarm clock",
        libc::SIGTERM => "Terminated",
        libc::SIGCHLD => "Child exited",
        libc::SIGCONT => "Continued",
        libc::SIGSTOP => "Stopped (signal)",
        libc::SIGTSTP => "Stopped",
        _ => return Ok(Value::NONE),
    };
    Ok(vm.new_str(text))
}

fn s_valid_signals(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "valid_signals", args, kw, 0, 0)?;
    let items: Vec<Value> = (1..NSIG as i64).filter(|&i| i != 32 && i != 33).map(|i| vm.new_int(i)).collect();
    let l = vm.new_list(items);
    vm.call(vm.types.set, &[l], &[])
}

fn s_set_wakeup_fd(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(-1))
}

fn s_alarm(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "alarm", args, kw, 1, 1)?;
    let n = vm.to_index(args[0])?;
    // SAFETY: alarm() only schedules SIGALRM.
    let r = unsafe { libc::alarm(n.clamp(0, u32::MAX as i64) as u32) };
    Ok(vm.new_int(r as i64))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_signal",
        &[
            ("signal", s_signal),
            ("getsignal", s_getsignal),
            ("raise_signal", s_raise_signal),
            ("strsignal", s_strsignal),
            ("valid_signals", s_valid_signals),
            ("set_wakeup_fd", s_set_wakeup_fd),
            ("alarm", s_alarm),
        ],
    );
    let h = vm.add_function(m, "default_int_handler", s_default_int_handler);
    vm.state.borrow_mut().insert("signal.default_int_handler", h);
    set_int(vm, m, "SIG_DFL", 0);
    set_int(vm, m, "SIG_IGN", 1);
    set_int(vm, m, "NSIG", NSIG as i64);
    set_int(vm, m, "SIG_BLOCK", libc::SIG_BLOCK as i64);
    set_int(vm, m, "SIG_UNBLOCK", libc::SIG_UNBLOCK as i64);
    set_int(vm, m, "SIG_SETMASK", libc::SIG_SETMASK as i64);
    for &(name, n) in SIGNALS {
        set_int(vm, m, name, n as i64);
    }
    set_int(vm, m, "SIGRTMIN", 34);
    set_int(vm, m, "SIGRTMAX", 64);
    Ok(m)
}
