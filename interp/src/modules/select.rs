//! The `select` module: `select.select()` and `select.poll()` over `poll(2)`, which is
//! what `selectors` (and through it `asyncio` and `subprocess`) needs on Linux.
//! `epoll`/`devpoll`/`kqueue` are absent, so `selectors.DefaultSelector` is the
//! `PollSelector`.

use std::cell::RefCell;
use std::time::Instant;

use crate::impl_native;
use crate::object::Layout;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{new_class, new_module, set, set_int, this};

/// An OSError subclass for the current `errno`.
pub(crate) fn last_os_error(vm: &mut Vm) -> PyErr {
    let e = std::io::Error::last_os_error();
    crate::builtins::io::os_error_from_io(vm, &e, None)
}

/// A file descriptor: an int, or an object with a `fileno()` method returning one.
pub(crate) fn fd_of(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let fd = if v.as_small_int().is_some() || v.as_bigint().is_some() || v.is_bool() {
        vm.to_index(v)?
    } else {
        let k = vm.intern("fileno");
        match vm.get_attr_opt(v, k)? {
            Some(f) => {
                let r = vm.call(f, &[], &[])?;
                if r.as_small_int().is_none() && r.as_bigint().is_none() {
                    return Err(vm.type_error("fileno() returned a non-integer"));
                }
                vm.to_index(r)?
            }
            None => return Err(vm.type_error("argument must be an int, or have a fileno() method.")),
        }
    };
    if fd < 0 {
        return Err(vm.value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    i32::try_from(fd).map_err(|_| vm.overflow_error("file descriptor is greater than maximum"))
}

/// Runs `poll(2)` on `fds`, retrying on EINTR with the remaining time. `timeout_ms < 0`
/// waits forever.
fn poll_fds(vm: &mut Vm, fds: &mut [libc::pollfd], timeout_ms: i64) -> PyResult<()> {
    let start = Instant::now();
    loop {
        let left = if timeout_ms < 0 {
            -1
        } else {
            (timeout_ms - start.elapsed().as_millis() as i64).max(0).min(i32::MAX as i64) as i32
        };
        // SAFETY: `fds` is a valid, exclusively borrowed slice of `pollfd` structs whose
        // length is passed alongside; poll(2) writes only their `revents` fields.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, left) };
        if r >= 0 {
            return Ok(());
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_os_error(vm));
        }
        crate::modules::signal::check_signals(vm)?;
    }
}

/// A timeout in seconds (None: forever) as milliseconds, rounded up like CPython.
fn timeout_secs_to_ms(vm: &mut Vm, t: Value) -> PyResult<i64> {
    if t.is_null() || t.is_none() {
        return Ok(-1);
    }
    if t.as_small_int().is_none() && !t.is_float() && t.as_bigint().is_none() {
        return Err(vm.type_error("timeout must be a float or None"));
    }
    let s = vm.to_f64(t)?;
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(vm.value_error("timeout must be non-negative"));
    }
    Ok((s * 1000.0).ceil().min(i64::MAX as f64) as i64)
}

/// `select.select(rlist, wlist, xlist[, timeout])`.
fn select_select(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("select", kw)?;
    if args.len() < 3 || args.len() > 4 {
        return Err(vm.type_error(format!("select expected at most 4 arguments, got {}", args.len())));
    }
    let timeout = timeout_secs_to_ms(vm, args.get(3).copied().unwrap_or(Value::NULL))?;
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::with_capacity(3);
    for &l in &args[..3] {
        let items = vm.collect(l)?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let fd = fd_of(vm, it)?;
            out.push((it, fd));
        }
        lists.push(out);
    }
    let wanted = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut pfds: Vec<libc::pollfd> = Vec::new();
    for (l, &ev) in lists.iter().zip(&wanted) {
        for &(_, fd) in l {
            pfds.push(libc::pollfd { fd, events: ev, revents: 0 });
        }
    }
    poll_fds(vm, &mut pfds, timeout)?;
    if let Some(bad) = pfds.iter().find(|p| p.revents & libc::POLLNVAL != 0) {
        let _ = bad;
        let e = std::io::Error::from_raw_os_error(libc::EBADF);
        return Err(crate::builtins::io::os_error_from_io(vm, &e, None));
    }
    let mut k = 0;
    let mut result = Vec::with_capacity(3);
    for (l, &ev) in lists.iter().zip(&wanted) {
        let mut ready = Vec::new();
        for &(obj, _) in l {
            let got = pfds[k].revents;
            let hit = if ev == libc::POLLIN {
                got & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0
            } else if ev == libc::POLLOUT {
                got & (libc::POLLOUT | libc::POLLERR) != 0
            } else {
                got & libc::POLLPRI != 0
            };
            if hit {
                ready.push(obj);
            }
            k += 1;
        }
        result.push(vm.new_list(ready));
    }
    Ok(vm.new_tuple(result))
}

/// A `select.poll()` object: registered descriptors and their event masks, in order.
struct Poll {
    fds: RefCell<Vec<(i32, i16)>>,
}
impl_native!(Poll, |s, visit| {});

fn poll_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("poll", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("poll expected 0 arguments, got {}", args.len())));
    }
    let cls = vm.state.borrow().get("select.poll").copied();
    let Some(cls) = cls else {
        return Err(vm.runtime_error("select.poll: class missing"));
    };
    Ok(vm.new_native(cls, Poll { fds: RefCell::new(Vec::new()) }))
}

fn event_mask(vm: &mut Vm, v: Value, default: i16) -> PyResult<i16> {
    if v.is_null() {
        return Ok(default);
    }
    let m = vm.to_index(v)?;
    if !(0..=u16::MAX as i64).contains(&m) {
        return Err(vm.overflow_error("Python int too large for C unsigned short"));
    }
    Ok(m as u16 as i16)
}

fn poll_register(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Poll>(vm, args, "register", "select.poll")?;
    let [fd, mask] = vm.bind_args("register", &args[1..], kw, ["fd", "eventmask"], 1)?;
    let fd = fd_of(vm, fd)?;
    let mask = event_mask(vm, mask, libc::POLLIN | libc::POLLPRI | libc::POLLOUT)?;
    let p = this::<Poll>(vm, args, "register", "select.poll")?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(Value::NONE)
}

fn poll_modify(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Poll>(vm, args, "modify", "select.poll")?;
    let [fd, mask] = vm.bind_args("modify", &args[1..], kw, ["fd", "eventmask"], 2)?;
    let fd = fd_of(vm, fd)?;
    let mask = event_mask(vm, mask, 0)?;
    let p = this::<Poll>(vm, args, "modify", "select.poll")?;
    let found = match p.fds.borrow_mut().iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => {
            e.1 = mask;
            true
        }
        None => false,
    };
    if !found {
        let e = std::io::Error::from_raw_os_error(libc::ENOENT);
        return Err(crate::builtins::io::os_error_from_io(vm, &e, None));
    }
    Ok(Value::NONE)
}

fn poll_unregister(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Poll>(vm, args, "unregister", "select.poll")?;
    let [fdv] = vm.bind_args("unregister", &args[1..], kw, ["fd"], 1)?;
    let fd = fd_of(vm, fdv)?;
    let p = this::<Poll>(vm, args, "unregister", "select.poll")?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(Value::NONE)
        }
        None => {
            drop(fds);
            let k = vm.new_int(fd as i64);
            Err(vm.key_error(k))
        }
    }
}

/// `poll.poll([timeout])`: timeout in milliseconds; None or negative waits forever.
fn poll_poll(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Poll>(vm, args, "poll", "select.poll")?;
    let [t] = vm.bind_args("poll", &args[1..], kw, ["timeout"], 0)?;
    let timeout = if t.is_null() || t.is_none() {
        -1
    } else {
        if t.as_small_int().is_none() && !t.is_float() && t.as_bigint().is_none() {
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(t))));
        }
        let ms = vm.to_f64(t)?;
        if ms < 0.0 {
            -1
        } else {
            ms.ceil().min(i64::MAX as f64) as i64
        }
    };
    let p = this::<Poll>(vm, args, "poll", "select.poll")?;
    let mut pfds: Vec<libc::pollfd> =
        p.fds.borrow().iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
    poll_fds(vm, &mut pfds, timeout)?;
    let mut out = Vec::new();
    for p in pfds.iter().filter(|p| p.revents != 0) {
        let pair = vec![vm.new_int(p.fd as i64), vm.new_int(p.revents as u16 as i64)];
        out.push(vm.new_tuple(pair));
    }
    Ok(vm.new_list(out))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(vm, "select", &[("select", select_select), ("poll", poll_new)]);
    let poll = new_class(vm, "select", "poll", vm.types.object, Layout::Other, 0);
    vm.state.borrow_mut().insert("select.poll", poll);
    for (n, f) in [
        ("register", poll_register as crate::vm::NativeFn),
        ("modify", poll_modify),
        ("unregister", poll_unregister),
        ("poll", poll_poll),
    ] {
        vm.add_method(poll, n, f);
    }
    let err = vm.exc.os_error;
    set(vm, m, "error", err);
    for (n, v) in [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLRDBAND", libc::POLLRDBAND),
        ("POLLWRNORM", libc::POLLWRNORM),
        ("POLLWRBAND", libc::POLLWRBAND),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", 0x2000),
    ] {
        set_int(vm, m, n, v as i64);
    }
    set_int(vm, m, "PIPE_BUF", libc::PIPE_BUF as i64);
    Ok(m)
}
