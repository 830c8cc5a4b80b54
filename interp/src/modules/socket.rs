//! The `_socket` module under `socket.py`: socket objects over the BSD socket calls for
//! the `AF_UNIX`, `AF_INET` and `AF_INET6` families (stream and datagram), `socketpair`,
//! timeouts (blocking, non-blocking, or waiting with `poll(2)`), name lookups through
//! `getaddrinfo(3)`, and the constants `socket.py` turns into enums. `asyncio` needs this
//! for its event loop's self-pipe. Not provided yet: `sendmsg`/`recvmsg`, `AF_PACKET`
//! and other families, `gethostbyaddr` and `if_nameindex`.

use std::cell::Cell;
use std::ffi::{CStr, CString};
use std::time::Instant;

use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::select::last_os_error;
use super::{need_bytes, new_class, new_module, set, set_int, this};

/// A socket: its descriptor (-1 when closed or detached), family, type and protocol,
/// and its timeout in seconds (negative: blocking with no timeout; 0: non-blocking).
struct Sock {
    fd: Cell<i32>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    timeout: Cell<f64>,
}
impl_native!(Sock, |s, visit| {});

thread_local! {
    /// `socket.setdefaulttimeout()`: negative for None.
    static DEFAULT_TIMEOUT: Cell<f64> = const { Cell::new(-1.0) };
}

fn errno_err(vm: &mut Vm, code: i32) -> PyErr {
    let e = std::io::Error::from_raw_os_error(code);
    crate::builtins::io::os_error_from_io(vm, &e, None)
}

fn timeout_err(vm: &mut Vm) -> PyErr {
    let cls = vm.exc.timeout_error;
    vm.err(cls, "timed out")
}

fn sock<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Sock> {
    this::<Sock>(vm, args, method, "_socket.socket")
}

/// The open descriptor of `args[0]`, or `OSError(EBADF)`.
fn open_fd(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<i32> {
    let fd = sock(vm, args, method)?.fd.get();
    if fd < 0 {
        return Err(errno_err(vm, libc::EBADF));
    }
    Ok(fd)
}

fn set_nonblocking(fd: i32, on: bool) {
    // SAFETY: fcntl with F_GETFL/F_SETFL on a descriptor only reads and sets its flags.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl >= 0 {
            let nfl = if on { fl | libc::O_NONBLOCK } else { fl & !libc::O_NONBLOCK };
            libc::fcntl(fd, libc::F_SETFL, nfl);
        }
    }
}

/// Waits until `fd` is ready for `events` within the socket's timeout: Ok(true) when
/// ready, Ok(false) when the time ran out. Blocking sockets (no timeout) return at once.
fn wait_ready(vm: &mut Vm, fd: i32, timeout: f64, events: i16, start: Instant) -> PyResult<bool> {
    if timeout <= 0.0 {
        return Ok(true);
    }
    loop {
        let left = timeout - start.elapsed().as_secs_f64();
        if left <= 0.0 {
            return Ok(false);
        }
        let mut p = libc::pollfd { fd, events, revents: 0 };
        let ms = (left * 1000.0).ceil().min(i32::MAX as f64) as i32;
        // SAFETY: one valid pollfd struct, exclusively borrowed, count 1.
        let r = unsafe { libc::poll(&mut p, 1, ms) };
        if r > 0 {
            return Ok(true);
        }
        if r == 0 {
            return Ok(false);
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_os_error(vm));
        }
        crate::modules::signal::check_signals(vm)?;
    }
}

/// Runs `op` (a system call returning -1 with errno on failure) honouring the socket's
/// timeout and retrying on EINTR.
fn io_call(
    vm: &mut Vm,
    args: &[Value],
    method: &str,
    events: i16,
    mut op: impl FnMut(i32) -> isize,
) -> PyResult<isize> {
    let fd = open_fd(vm, args, method)?;
    let timeout = sock(vm, args, method)?.timeout.get();
    let start = Instant::now();
    loop {
        if !wait_ready(vm, fd, timeout, events, start)? {
            return Err(timeout_err(vm));
        }
        let r = op(fd);
        if r >= 0 {
            return Ok(r);
        }
        let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
        if code == libc::EINTR {
            crate::modules::signal::check_signals(vm)?;
            continue;
        }
        if timeout > 0.0 && (code == libc::EAGAIN || code == libc::EWOULDBLOCK) {
            continue;
        }
        return Err(errno_err(vm, code));
    }
}

// ----- addresses -----

/// A socket address in the C layout, with its length.
struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl SockAddr {
    fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain old data; all zeroes is a valid value.
        let storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
        SockAddr { storage, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const libc::sockaddr_storage as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut libc::sockaddr_storage as *mut libc::sockaddr
    }
}

/// Resolves `host` for `family` to an address with `getaddrinfo(3)`.
fn resolve(vm: &mut Vm, host: &str, port: u16, family: i32) -> PyResult<SockAddr> {
    let host = match host {
        "" => {
            if family == libc::AF_INET6 {
                "::"
            } else {
                "0.0.0.0"
            }
        }
        "<broadcast>" => "255.255.255.255",
        h => h,
    };
    let chost = CString::new(host).map_err(|_| vm.type_error("host name must not contain null character"))?;
    // SAFETY: addrinfo is plain old data; zeroed hints are valid.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid NUL-terminated host, null service, valid hints and out-pointer.
    let rc = unsafe { libc::getaddrinfo(chost.as_ptr(), std::ptr::null(), &hints, &mut res) };
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    let mut out = SockAddr::empty();
    // SAFETY: getaddrinfo succeeded, so `res` is a non-null list whose first entry has an
    // address of `ai_addrlen` bytes, at most sizeof(sockaddr_storage); freed right after.
    unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, out.mut_ptr() as *mut u8, n);
        out.len = n as libc::socklen_t;
        libc::freeaddrinfo(res);
    }
    set_port(&mut out, port);
    Ok(out)
}

fn set_port(a: &mut SockAddr, port: u16) {
    let fam = a.storage.ss_family as i32;
    // SAFETY: the storage holds an address of the family it names, and sockaddr_storage
    // is large and aligned enough for either view.
    unsafe {
        if fam == libc::AF_INET {
            (*(a.mut_ptr() as *mut libc::sockaddr_in)).sin_port = port.to_be();
        } else if fam == libc::AF_INET6 {
            (*(a.mut_ptr() as *mut libc::sockaddr_in6)).sin6_port = port.to_be();
        }
    }
}

fn gai_error(vm: &mut Vm, rc: i32) -> PyErr {
    // SAFETY: gai_strerror returns a pointer to a static NUL-terminated message.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(rc)) }.to_string_lossy().into_owned();
    let cls = vm.state.borrow().get("socket.gaierror").copied().unwrap_or(vm.exc.os_error);
    let args = [vm.new_int(rc as i64), vm.new_string(msg.clone())];
    match vm.call(cls, &args, &[]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// Converts a Python address for `family` (a path for AF_UNIX, `(host, port)` for AF_INET,
/// `(host, port[, flowinfo, scope_id])` for AF_INET6) to the C form.
fn parse_addr(vm: &mut Vm, family: i32, addr: Value, method: &str) -> PyResult<SockAddr> {
    if family == libc::AF_UNIX {
        let path: Vec<u8> = match addr.as_rstr() {
            Some(s) => s.as_bytes().to_vec(),
            None => match super::bytes_like(vm, addr)? {
                Some(b) => b,
                None => {
                    return Err(vm.type_error(format!(
                        "{method}(): AF_UNIX address must be str or bytes, not {}",
                        vm.type_name(addr)
                    )))
                }
            },
        };
        let mut a = SockAddr::empty();
        // SAFETY: sockaddr_storage is large and aligned enough to view as sockaddr_un.
        let un = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_un) };
        if path.len() >= un.sun_path.len() {
            return Err(vm.os_error("AF_UNIX path too long"));
        }
        un.sun_family = libc::AF_UNIX as libc::sa_family_t;
        for (d, s) in un.sun_path.iter_mut().zip(&path) {
            *d = *s as libc::c_char;
        }
        a.len = (std::mem::size_of::<libc::sa_family_t>() + path.len() + usize::from(path.first() != Some(&0)))
            as libc::socklen_t;
        return Ok(a);
    }
    if family != libc::AF_INET && family != libc::AF_INET6 {
        return Err(vm.not_implemented_error(format!("_socket: addresses of address family {family}")));
    }
    let items = match addr.as_tuple() {
        Some(t) => t.to_vec(),
        None => {
            let fam = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
            return Err(
                vm.type_error(format!("{method}(): {fam} address must be tuple, not {}", vm.type_tp_name(addr)))
            );
        }
    };
    let want = if family == libc::AF_INET { 2..=2 } else { 2..=4 };
    if !want.contains(&items.len()) {
        return Err(vm.type_error(format!(
            "{method}(): {} address must be a pair (host, port)",
            if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" }
        )));
    }
    let host = match items[0].as_rstr() {
        Some(h) => h.to_owned(),
        None => match super::bytes_like(vm, items[0])? {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(
                    vm.type_error(format!("str, bytes or bytearray expected, not {}", vm.type_tp_name(items[0])))
                )
            }
        },
    };
    let port = vm.to_index(items[1])?;
    if !(0..=65535).contains(&port) {
        return Err(vm.overflow_error(format!("{method}(): port must be 0-65535.")));
    }
    let mut a = resolve(vm, &host, port as u16, family)?;
    if family == libc::AF_INET6 && items.len() > 2 {
        let flow = vm.to_index(items[2])?;
        let scope = if items.len() > 3 { vm.to_index(items[3])? } else { 0 };
        // SAFETY: the storage holds an AF_INET6 address (resolved for that family).
        let a6 = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in6) };
        a6.sin6_flowinfo = (flow as u32).to_be();
        a6.sin6_scope_id = scope as u32;
    }
    Ok(a)
}

/// The Python form of a C address.
fn addr_value(vm: &mut Vm, a: &SockAddr) -> Value {
    let fam = a.storage.ss_family as i32;
    // SAFETY: each view matches the family stored in the address by the kernel.
    unsafe {
        if fam == libc::AF_INET {
            let s = &*(a.ptr() as *const libc::sockaddr_in);
            let ip = std::net::Ipv4Addr::from(u32::from_be(s.sin_addr.s_addr));
            let items = vec![vm.new_string(ip.to_string()), vm.new_int(u16::from_be(s.sin_port) as i64)];
            return vm.new_tuple(items);
        }
        if fam == libc::AF_INET6 {
            let s = &*(a.ptr() as *const libc::sockaddr_in6);
            let ip = std::net::Ipv6Addr::from(s.sin6_addr.s6_addr);
            let items = vec![
                vm.new_string(ip.to_string()),
                vm.new_int(u16::from_be(s.sin6_port) as i64),
                vm.new_int(u32::from_be(s.sin6_flowinfo) as i64),
                vm.new_int(s.sin6_scope_id as i64),
            ];
            return vm.new_tuple(items);
        }
        if fam == libc::AF_UNIX {
            let s = &*(a.ptr() as *const libc::sockaddr_un);
            let off = std::mem::size_of::<libc::sa_family_t>();
            let n = (a.len as usize).saturating_sub(off).min(s.sun_path.len());
            let bytes: Vec<u8> = s.sun_path[..n].iter().map(|&c| c as u8).collect();
            if bytes.first() == Some(&0) {
                return vm.new_bytes(bytes);
            }
            let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            return vm.new_string(String::from_utf8_lossy(&bytes[..end]).into_owned());
        }
    }
    Value::NONE
}

// ----- the socket type -----

fn sock_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args.first().copied().unwrap_or(Value::NONE);
    if cls.as_class().is_none() {
        return Err(vm.type_error("socket.__new__(X): X is not a type object"));
    }
    let s = Sock {
        fd: Cell::new(-1),
        family: Cell::new(libc::AF_INET),
        kind: Cell::new(libc::SOCK_STREAM),
        proto: Cell::new(0),
        timeout: Cell::new(-1.0),
    };
    Ok(vm.new_native(cls, s))
}

fn sockopt_int(fd: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: valid out-pointers for an int option and its length.
    let r = unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, opt, &mut v as *mut libc::c_int as *mut _, &mut len) };
    (r == 0).then_some(v)
}

fn int_or(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() || v.is_none() {
        Ok(default)
    } else {
        vm.to_index(v)
    }
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`.
fn sock_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    sock(vm, args, "__init__")?;
    let [fam, ty, proto, fileno] = vm.bind_args("socket", &args[1..], kw, ["family", "type", "proto", "fileno"], 0)?;
    let mut family = int_or(vm, fam, -1)? as i32;
    let mut kind = int_or(vm, ty, -1)? as i32;
    let mut prot = int_or(vm, proto, -1)? as i32;
    let fd = if !fileno.is_null() && !fileno.is_none() {
        let fd = vm.to_index(fileno)?;
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        let fd = fd as i32;
        if family == -1 {
            match sockopt_int(fd, libc::SO_DOMAIN) {
                Some(f) => family = f,
                None => return Err(last_os_error(vm)),
            }
        }
        if kind == -1 {
            kind = sockopt_int(fd, libc::SO_TYPE).unwrap_or(libc::SOCK_STREAM);
        }
        if prot == -1 {
            prot = sockopt_int(fd, libc::SO_PROTOCOL).unwrap_or(0);
        }
        fd
    } else {
        if family == -1 {
            family = libc::AF_INET;
        }
        if kind == -1 {
            kind = libc::SOCK_STREAM;
        }
        if prot == -1 {
            prot = 0;
        }
        // SAFETY: socket(2) with integer arguments; the result is checked.
        let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, prot) };
        if fd < 0 {
            return Err(last_os_error(vm));
        }
        fd
    };
    let s = sock(vm, args, "__init__")?;
    s.fd.set(fd);
    s.family.set(family);
    s.kind.set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(prot);
    let t = DEFAULT_TIMEOUT.with(Cell::get);
    s.timeout.set(t);
    if t >= 0.0 {
        set_nonblocking(fd, true);
    }
    Ok(Value::NONE)
}

fn sock_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let fd = sock(vm, args, "fileno")?.fd.get();
    Ok(vm.new_int(fd as i64))
}

fn sock_detach(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sock(vm, args, "detach")?;
    let fd = s.fd.replace(-1);
    Ok(vm.new_int(fd as i64))
}

fn sock_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sock(vm, args, "close")?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: the descriptor belongs to this socket object, which forgets it first.
        let r = unsafe { libc::close(fd) };
        if r < 0 && std::io::Error::last_os_error().raw_os_error() != Some(libc::ECONNRESET) {
            return Err(last_os_error(vm));
        }
    }
    Ok(Value::NONE)
}

fn set_timeout(vm: &mut Vm, args: &[Value], t: f64) -> PyResult<()> {
    let s = sock(vm, args, "settimeout")?;
    s.timeout.set(t);
    let fd = s.fd.get();
    if fd >= 0 {
        set_nonblocking(fd, t >= 0.0);
    }
    Ok(())
}

fn timeout_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    if v.as_small_int().is_none() && !v.is_float() && v.as_bigint().is_none() {
        return Err(vm.type_error("Timeout value must be int, float or None"));
    }
    let t = vm.to_f64(v)?;
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn sock_settimeout(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    sock(vm, args, "settimeout")?;
    let [t] = vm.bind_args("settimeout", &args[1..], kw, ["value"], 1)?;
    let t = timeout_arg(vm, t)?;
    set_timeout(vm, args, t)?;
    Ok(Value::NONE)
}

fn timeout_value(vm: &mut Vm, t: f64) -> Value {
    if t < 0.0 {
        Value::NONE
    } else {
        let _ = vm;
        Value::float(t)
    }
}

fn sock_gettimeout(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = sock(vm, args, "gettimeout")?.timeout.get();
    Ok(timeout_value(vm, t))
}

fn sock_setblocking(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    sock(vm, args, "setblocking")?;
    let [flag] = vm.bind_args("setblocking", &args[1..], kw, ["flag"], 1)?;
    let blocking = vm.truthy(flag)?;
    set_timeout(vm, args, if blocking { -1.0 } else { 0.0 })?;
    Ok(Value::NONE)
}

fn sock_getblocking(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = sock(vm, args, "getblocking")?.timeout.get();
    Ok(Value::bool(t != 0.0))
}

fn sock_family(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = sock(vm, args, "family")?.family.get();
    Ok(vm.new_int(f as i64))
}

fn sock_type(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = sock(vm, args, "type")?.kind.get();
    Ok(vm.new_int(f as i64))
}

fn sock_proto(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = sock(vm, args, "proto")?.proto.get();
    Ok(vm.new_int(f as i64))
}

fn sock_bind(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("bind", kw)?;
    let fd = open_fd(vm, args, "bind")?;
    let Some(&addr) = args.get(1) else {
        return Err(vm.type_error("bind() takes exactly one argument (0 given)"));
    };
    let family = sock(vm, args, "bind")?.family.get();
    let a = parse_addr(vm, family, addr, "bind")?;
    // SAFETY: `a` holds a valid address of `a.len` bytes.
    if unsafe { libc::bind(fd, a.ptr(), a.len) } < 0 {
        return Err(last_os_error(vm));
    }
    Ok(Value::NONE)
}

fn sock_listen(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("listen", kw)?;
    let fd = open_fd(vm, args, "listen")?;
    let backlog = match args.get(1) {
        Some(&b) => vm.to_index(b)?.clamp(0, i32::MAX as i64) as i32,
        None => 128.min(libc::SOMAXCONN),
    };
    // SAFETY: listen(2) on an integer descriptor.
    if unsafe { libc::listen(fd, backlog) } < 0 {
        return Err(last_os_error(vm));
    }
    Ok(Value::NONE)
}

/// `_accept()`: (new descriptor, peer address), as `socket.accept` expects.
fn sock_accept(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut a = SockAddr::empty();
    let p = a.mut_ptr();
    let lenp = &mut a.len as *mut libc::socklen_t;
    let r = io_call(vm, args, "_accept", libc::POLLIN, |fd| {
        // SAFETY: `p`/`lenp` point into `a`, which outlives the call.
        unsafe { libc::accept4(fd, p, lenp, libc::SOCK_CLOEXEC) as isize }
    })?;
    let addr = addr_value(vm, &a);
    let items = vec![vm.new_int(r as i64), addr];
    Ok(vm.new_tuple(items))
}

/// Connects; Ok(0) on success, or the errno for `connect_ex`.
fn do_connect(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<i32> {
    let fd = open_fd(vm, args, method)?;
    let Some(&addr) = args.get(1) else {
        return Err(vm.type_error(format!("{method}() takes exactly one argument (0 given)")));
    };
    let (family, timeout) = {
        let s = sock(vm, args, method)?;
        (s.family.get(), s.timeout.get())
    };
    let a = parse_addr(vm, family, addr, method)?;
    // SAFETY: `a` holds a valid address of `a.len` bytes.
    let mut r = unsafe { libc::connect(fd, a.ptr(), a.len) };
    while r < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
        crate::modules::signal::check_signals(vm)?;
        // SAFETY: as above.
        r = unsafe { libc::connect(fd, a.ptr(), a.len) };
    }
    if r == 0 {
        return Ok(0);
    }
    let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
    if code == libc::EINPROGRESS && timeout > 0.0 {
        if !wait_ready(vm, fd, timeout, libc::POLLOUT, Instant::now())? {
            return Ok(libc::EWOULDBLOCK);
        }
        return Ok(sockopt_int(fd, libc::SO_ERROR).unwrap_or(0));
    }
    Ok(code)
}

fn sock_connect(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("connect", kw)?;
    let timeout = sock(vm, args, "connect")?.timeout.get();
    match do_connect(vm, args, "connect")? {
        0 => Ok(Value::NONE),
        c if c == libc::EWOULDBLOCK && timeout > 0.0 => Err(timeout_err(vm)),
        c => Err(errno_err(vm, c)),
    }
}

fn sock_connect_ex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("connect_ex", kw)?;
    let c = do_connect(vm, args, "connect_ex")?;
    Ok(vm.new_int(c as i64))
}

fn name_call(vm: &mut Vm, args: &[Value], method: &str, peer: bool) -> PyResult<Value> {
    let fd = open_fd(vm, args, method)?;
    let mut a = SockAddr::empty();
    // SAFETY: valid out-pointers into `a`.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, a.mut_ptr(), &mut a.len)
        } else {
            libc::getsockname(fd, a.mut_ptr(), &mut a.len)
        }
    };
    if r < 0 {
        return Err(last_os_error(vm));
    }
    Ok(addr_value(vm, &a))
}

fn sock_getsockname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    name_call(vm, args, "getsockname", false)
}

fn sock_getpeername(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    name_call(vm, args, "getpeername", true)
}

fn sock_recv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    sock(vm, args, "recv")?;
    let [n, flags] = vm.bind_args("recv", &args[1..], kw, ["bufsize", "flags"], 1)?;
    let n = vm.to_index(n)?;
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recv"));
    }
    let flags = int_or(vm, flags, 0)? as i32;
    let mut buf = vec![0u8; n as usize];
    let p = buf.as_mut_ptr();
    let got = io_call(vm, args, "recv", libc::POLLIN, |fd| {
        // SAFETY: `p` points to `n` writable bytes of `buf`, which outlives the call.
        unsafe { libc::recv(fd, p as *mut libc::c_void, n as usize, flags) }
    })?;
    buf.truncate(got as usize);
    Ok(vm.new_bytes(buf))
}

fn sock_recvfrom(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    sock(vm, args, "recvfrom")?;
    let [n, flags] = vm.bind_args("recvfrom", &args[1..], kw, ["bufsize", "flags"], 1)?;
    let n = vm.to_index(n)?;
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recvfrom"));
    }
    let flags = int_or(vm, flags, 0)? as i32;
    let mut buf = vec![0u8; n as usize];
    let mut a = SockAddr::empty();
    let (p, ap, lp) = (buf.as_mut_ptr(), a.mut_ptr(), &mut a.len as *mut libc::socklen_t);
    let got = io_call(vm, args, "recvfrom", libc::POLLIN, |fd| {
        // SAFETY: `p` has `n` writable bytes; `ap`/`lp` point into `a`; both outlive the call.
        unsafe { libc::recvfrom(fd, p as *mut libc::c_void, n as usize, flags, ap, lp) }
    })?;
    buf.truncate(got as usize);
    let data = vm.new_bytes(buf);
    let addr = if a.len == 0 { Value::NONE } else { addr_value(vm, &a) };
    Ok(vm.new_tuple(vec![data, addr]))
}

fn send_once(vm: &mut Vm, args: &[Value], data: &[u8], flags: i32, method: &str) -> PyResult<usize> {
    let p = data.as_ptr();
    let n = data.len();
    let r = io_call(vm, args, method, libc::POLLOUT, |fd| {
        // SAFETY: `p` points to `n` readable bytes of `data`, which outlives the call.
        unsafe { libc::send(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL) }
    })?;
    Ok(r as usize)
}

fn sock_send(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    sock(vm, args, "send")?;
    let [data, flags] = vm.bind_args("send", &args[1..], kw, ["data", "flags"], 1)?;
    let data = need_bytes(vm, data)?;
    let flags = int_or(vm, flags, 0)? as i32;
    let n = send_once(vm, args, &data, flags, "send")?;
    Ok(vm.new_int(n as i64))
}

fn sock_sendall(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    sock(vm, args, "sendall")?;
    let [data, flags] = vm.bind_args("sendall", &args[1..], kw, ["data", "flags"], 1)?;
    let data = need_bytes(vm, data)?;
    let flags = int_or(vm, flags, 0)? as i32;
    let mut off = 0;
    while off < data.len() {
        off += send_once(vm, args, &data[off..], flags, "sendall")?;
    }
    Ok(Value::NONE)
}

fn sock_sendto(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("sendto", kw)?;
    let (data, flags, addr) = match args.len() {
        3 => (args[1], 0, args[2]),
        4 => {
            let f = vm.to_index(args[2])? as i32;
            (args[1], f, args[3])
        }
        n => return Err(vm.type_error(format!("sendto() takes 2 or 3 arguments ({} given)", n.saturating_sub(1)))),
    };
    let data = need_bytes(vm, data)?;
    let family = sock(vm, args, "sendto")?.family.get();
    let a = parse_addr(vm, family, addr, "sendto")?;
    let (p, n, ap, al) = (data.as_ptr(), data.len(), a.ptr(), a.len);
    let r = io_call(vm, args, "sendto", libc::POLLOUT, |fd| {
        // SAFETY: `p` has `n` readable bytes and `ap` a valid address of `al` bytes.
        unsafe { libc::sendto(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL, ap, al) }
    })?;
    Ok(vm.new_int(r as i64))
}

fn sock_shutdown(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("shutdown", kw)?;
    let fd = open_fd(vm, args, "shutdown")?;
    let Some(&how) = args.get(1) else {
        return Err(vm.type_error("shutdown() takes exactly one argument (0 given)"));
    };
    let how = vm.to_index(how)? as i32;
    // SAFETY: shutdown(2) on an integer descriptor.
    if unsafe { libc::shutdown(fd, how) } < 0 {
        return Err(last_os_error(vm));
    }
    Ok(Value::NONE)
}

fn sock_setsockopt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("setsockopt", kw)?;
    let fd = open_fd(vm, args, "setsockopt")?;
    if args.len() != 4 && args.len() != 5 {
        return Err(vm.type_error("setsockopt() takes 3 or 4 arguments"));
    }
    let level = vm.to_index(args[1])? as i32;
    let opt = vm.to_index(args[2])? as i32;
    let r = if args.len() == 5 {
        if !args[3].is_none() {
            return Err(vm.type_error("setsockopt() argument 3 must be NoneType, not an optlen form"));
        }
        let len = vm.to_index(args[4])? as libc::socklen_t;
        // SAFETY: a NULL option value with its length, as setsockopt(2) allows.
        unsafe { libc::setsockopt(fd, level, opt, std::ptr::null(), len) }
    } else if let Some(b) = super::bytes_like(vm, args[3])? {
        // SAFETY: `b` has `b.len()` readable bytes.
        unsafe { libc::setsockopt(fd, level, opt, b.as_ptr() as *const libc::c_void, b.len() as libc::socklen_t) }
    } else {
        let v = vm.to_index(args[3])? as libc::c_int;
        // SAFETY: a pointer to an int and its size.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                &v as *const libc::c_int as *const libc::c_void,
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(last_os_error(vm));
    }
    Ok(Value::NONE)
}

fn sock_getsockopt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("getsockopt", kw)?;
    let fd = open_fd(vm, args, "getsockopt")?;
    if args.len() != 3 && args.len() != 4 {
        return Err(vm.type_error("getsockopt() takes 2 or 3 arguments"));
    }
    let level = vm.to_index(args[1])? as i32;
    let opt = vm.to_index(args[2])? as i32;
    if args.len() == 4 {
        let n = vm.to_index(args[3])?;
        if !(0..=1024).contains(&n) {
            return Err(vm.os_error("getsockopt buflen out of range"));
        }
        let mut buf = vec![0u8; n as usize];
        let mut len = n as libc::socklen_t;
        // SAFETY: `buf` has `len` writable bytes.
        if unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut len) } < 0 {
            return Err(last_os_error(vm));
        }
        buf.truncate(len as usize);
        return Ok(vm.new_bytes(buf));
    }
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: out-pointers to an int and its length.
    if unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut libc::c_int as *mut libc::c_void, &mut len) } < 0 {
        return Err(last_os_error(vm));
    }
    Ok(vm.new_int(v as i64))
}

fn sock_dup(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let fd = open_fd(vm, args, "dup")?;
    // SAFETY: F_DUPFD_CLOEXEC on an open descriptor; the result is checked.
    let nfd = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if nfd < 0 {
        return Err(last_os_error(vm));
    }
    let (family, kind, proto) = {
        let s = sock(vm, args, "dup")?;
        (s.family.get(), s.kind.get(), s.proto.get())
    };
    let cls = vm.state.borrow().get("socket.socket").copied().unwrap_or(Value::NONE);
    let a = [vm.new_int(family as i64), vm.new_int(kind as i64), vm.new_int(proto as i64), vm.new_int(nfd as i64)];
    vm.call(cls, &a, &[])
}

fn sock_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = sock(vm, args, "__repr__")?;
    let text = format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    );
    Ok(vm.new_string(text))
}

// ----- module functions -----

fn m_socketpair(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fam, ty, proto] = vm.bind_args("socketpair", args, kw, ["family", "type", "proto"], 0)?;
    let family = int_or(vm, fam, libc::AF_UNIX as i64)? as i32;
    let kind = int_or(vm, ty, libc::SOCK_STREAM as i64)? as i32;
    let prot = int_or(vm, proto, 0)? as i32;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a writable array of two ints, as socketpair(2) requires.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, prot, fds.as_mut_ptr()) } < 0 {
        return Err(last_os_error(vm));
    }
    let cls = vm.state.borrow().get("socket.socket").copied().unwrap_or(Value::NONE);
    let mut pair = Vec::with_capacity(2);
    for fd in fds {
        let a = [vm.new_int(family as i64), vm.new_int(kind as i64), vm.new_int(prot as i64), vm.new_int(fd as i64)];
        pair.push(vm.call(cls, &a, &[])?);
    }
    Ok(vm.new_tuple(pair))
}

fn m_getdefaulttimeout(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = DEFAULT_TIMEOUT.with(Cell::get);
    Ok(timeout_value(vm, t))
}

fn m_setdefaulttimeout(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [t] = vm.bind_args("setdefaulttimeout", args, kw, ["timeout"], 1)?;
    let t = timeout_arg(vm, t)?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(Value::NONE)
}

fn m_gethostname(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` has the given number of writable bytes.
    if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } < 0 {
        return Err(last_os_error(vm));
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(vm.new_string(String::from_utf8_lossy(&buf[..end]).into_owned()))
}

fn opt_cstring(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<CString>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    let s = if let Some(s) = v.as_rstr() {
        s.to_owned()
    } else if v.as_small_int().is_some() || v.as_bigint().is_some() {
        let i = vm.to_index(v)?;
        i.to_string()
    } else if let Some(b) = super::bytes_like(vm, v)? {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        return Err(vm.type_error(format!("getaddrinfo() argument {what} must be string or None")));
    };
    CString::new(s).map(Some).map_err(|_| vm.value_error("embedded null character"))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
fn m_getaddrinfo(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [host, port, fam, ty, proto, flags] =
        vm.bind_args("getaddrinfo", args, kw, ["host", "port", "family", "type", "proto", "flags"], 2)?;
    let chost = opt_cstring(vm, host, "1")?;
    let cport = opt_cstring(vm, port, "2")?;
    // SAFETY: addrinfo is plain old data; zeroed hints are valid.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = int_or(vm, fam, 0)? as i32;
    hints.ai_socktype = int_or(vm, ty, 0)? as i32;
    hints.ai_protocol = int_or(vm, proto, 0)? as i32;
    hints.ai_flags = int_or(vm, flags, 0)? as i32;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: NUL-terminated strings or null, valid hints and out-pointer.
    let rc = unsafe {
        libc::getaddrinfo(
            chost.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            cport.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned; freed after the loop.
        let ai = unsafe { &*p };
        let mut a = SockAddr::empty();
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: `ai_addr` has `ai_addrlen` readable bytes; `a` has room for `n`.
        unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, a.mut_ptr() as *mut u8, n) };
        a.len = n as libc::socklen_t;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string owned by the list.
            unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
        };
        let items = vec![
            vm.new_int(ai.ai_family as i64),
            vm.new_int(ai.ai_socktype as i64),
            vm.new_int(ai.ai_protocol as i64),
            vm.new_string(canon),
            addr_value(vm, &a),
        ];
        out.push(vm.new_tuple(items));
        p = ai.ai_next;
    }
    // SAFETY: `res` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(vm.new_list(out))
}

fn m_gethostbyname(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [host] = vm.bind_args("gethostbyname", args, kw, ["host"], 1)?;
    let Some(h) = host.as_rstr().map(str::to_owned) else {
        return Err(vm.type_error(format!("gethostbyname() argument 1 must be str, not {}", vm.arg_type_name(host))));
    };
    let a = resolve(vm, &h, 0, libc::AF_INET)?;
    let v = addr_value(vm, &a);
    match v.as_tuple() {
        Some(t) => Ok(t[0]),
        None => Ok(v),
    }
}

fn m_close(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd] = vm.bind_args("close", args, kw, ["fd"], 1)?;
    let fd = vm.to_index(fd)? as i32;
    // SAFETY: closing a descriptor the caller owns, as socket.close(fd) does.
    if unsafe { libc::close(fd) } < 0 && std::io::Error::last_os_error().raw_os_error() != Some(libc::ECONNRESET) {
        return Err(last_os_error(vm));
    }
    Ok(Value::NONE)
}

fn m_dup(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [fd] = vm.bind_args("dup", args, kw, ["fd"], 1)?;
    let fd = vm.to_index(fd)? as i32;
    // SAFETY: F_DUPFD_CLOEXEC on a descriptor; the result is checked.
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if n < 0 {
        return Err(last_os_error(vm));
    }
    Ok(vm.new_int(n as i64))
}

fn int16(vm: &mut Vm, args: &[Value], name: &str, swap: fn(u16) -> u16) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return Err(vm.type_error(format!("{name}() takes exactly one argument (0 given)")));
    };
    let x = vm.to_index(v)?;
    if !(0..=0xFFFF).contains(&x) {
        return Err(vm.overflow_error(format!("{name}: Python int too large to convert to C 16-bit unsigned integer")));
    }
    Ok(vm.new_int(swap(x as u16) as i64))
}

fn int32(vm: &mut Vm, args: &[Value], name: &str, swap: fn(u32) -> u32) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return Err(vm.type_error(format!("{name}() takes exactly one argument (0 given)")));
    };
    let x = vm.to_index(v)?;
    if !(0..=0xFFFF_FFFF).contains(&x) {
        return Err(vm.overflow_error("int larger than 32 bits"));
    }
    Ok(vm.new_int(swap(x as u32) as i64))
}

fn m_htons(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    int16(vm, args, "htons", u16::to_be)
}
fn m_ntohs(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    int16(vm, args, "ntohs", u16::from_be)
}
fn m_htonl(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    int32(vm, args, "htonl", u32::to_be)
}
fn m_ntohl(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    int32(vm, args, "ntohl", u32::from_be)
}

fn m_inet_aton(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args.first().and_then(|v| v.as_rstr()).map(str::to_owned);
    let Some(s) = s else {
        return Err(vm.type_error("inet_aton() argument 1 must be str"));
    };
    match s.parse::<std::net::Ipv4Addr>() {
        Ok(ip) => Ok(vm.new_bytes(ip.octets().to_vec())),
        Err(_) => Err(vm.os_error("illegal IP address string passed to inet_aton")),
    }
}

fn m_inet_ntoa(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = match args.first() {
        Some(&v) => need_bytes(vm, v)?,
        None => return Err(vm.type_error("inet_ntoa() takes exactly one argument (0 given)")),
    };
    let Ok(o) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(vm.os_error("packed IP wrong length for inet_ntoa"));
    };
    Ok(vm.new_string(std::net::Ipv4Addr::from(o).to_string()))
}

fn m_inet_pton(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("inet_pton", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("inet_pton expected 2 arguments, got {}", args.len())));
    }
    let family = vm.to_index(args[0])? as i32;
    let Some(s) = args[1].as_rstr().map(str::to_owned) else {
        return Err(vm.type_error(format!("inet_pton() argument 2 must be str, not {}", vm.arg_type_name(args[1]))));
    };
    let bytes = if family == libc::AF_INET {
        s.parse::<std::net::Ipv4Addr>().ok().map(|ip| ip.octets().to_vec())
    } else if family == libc::AF_INET6 {
        s.parse::<std::net::Ipv6Addr>().ok().map(|ip| ip.octets().to_vec())
    } else {
        return Err(errno_err(vm, libc::EAFNOSUPPORT));
    };
    match bytes {
        Some(b) => Ok(vm.new_bytes(b)),
        None => Err(vm.os_error("illegal IP address string passed to inet_pton")),
    }
}

fn m_inet_ntop(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("inet_ntop", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("inet_ntop expected 2 arguments, got {}", args.len())));
    }
    let family = vm.to_index(args[0])? as i32;
    let b = need_bytes(vm, args[1])?;
    let text = if family == libc::AF_INET {
        match <[u8; 4]>::try_from(b.as_slice()) {
            Ok(o) => std::net::Ipv4Addr::from(o).to_string(),
            Err(_) => return Err(vm.value_error("invalid length of packed IP address string")),
        }
    } else if family == libc::AF_INET6 {
        match <[u8; 16]>::try_from(b.as_slice()) {
            Ok(o) => std::net::Ipv6Addr::from(o).to_string(),
            Err(_) => return Err(vm.value_error("invalid length of packed IP address string")),
        }
    } else {
        return Err(vm.value_error(format!("unknown address family {family}")));
    };
    Ok(vm.new_string(text))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_socket",
        &[
            ("socketpair", m_socketpair),
            ("getdefaulttimeout", m_getdefaulttimeout),
            ("setdefaulttimeout", m_setdefaulttimeout),
            ("gethostname", m_gethostname),
            ("getaddrinfo", m_getaddrinfo),
            ("gethostbyname", m_gethostbyname),
            ("close", m_close),
            ("dup", m_dup),
            ("htons", m_htons),
            ("ntohs", m_ntohs),
            ("htonl", m_htonl),
            ("ntohl", m_ntohl),
            ("inet_aton", m_inet_aton),
            ("inet_ntoa", m_inet_ntoa),
            ("inet_pton", m_inet_pton),
            ("inet_ntop", m_inet_ntop),
        ],
    );
    let cls = new_class(vm, "_socket", "socket", vm.types.object, Layout::Other, class_flags::BASETYPE);
    vm.state.borrow_mut().insert("socket.socket", cls);
    vm.add_staticmethod(cls, "__new__", sock_new);
    for (n, f) in [
        ("__init__", sock_init as crate::vm::NativeFn),
        ("__repr__", sock_repr),
        ("fileno", sock_fileno),
        ("detach", sock_detach),
        ("close", sock_close),
        ("settimeout", sock_settimeout),
        ("gettimeout", sock_gettimeout),
        ("setblocking", sock_setblocking),
        ("getblocking", sock_getblocking),
        ("bind", sock_bind),
        ("listen", sock_listen),
        ("_accept", sock_accept),
        ("connect", sock_connect),
        ("connect_ex", sock_connect_ex),
        ("getsockname", sock_getsockname),
        ("getpeername", sock_getpeername),
        ("recv", sock_recv),
        ("recvfrom", sock_recvfrom),
        ("send", sock_send),
        ("sendall", sock_sendall),
        ("sendto", sock_sendto),
        ("shutdown", sock_shutdown),
        ("setsockopt", sock_setsockopt),
        ("getsockopt", sock_getsockopt),
        ("dup", sock_dup),
    ] {
        vm.add_method(cls, n, f);
    }
    vm.add_getter(cls, "family", sock_family);
    vm.add_getter(cls, "type", sock_type);
    vm.add_getter(cls, "proto", sock_proto);
    vm.add_getter(cls, "timeout", sock_gettimeout);
    set(vm, m, "socket", cls);
    set(vm, m, "SocketType", cls);
    let os_error = vm.exc.os_error;
    set(vm, m, "error", os_error);
    let timeout = vm.exc.timeout_error;
    set(vm, m, "timeout", timeout);
    for name in ["herror", "gaierror"] {
        let n = vm.new_str(name);
        let bases = vm.new_tuple(vec![os_error]);
        let ns = vm.new_dict();
        let k = vm.intern("__module__");
        let mv = vm.new_str("socket");
        vm.dict_set_str(ns, k, mv);
        let ty = vm.types.type_;
        let c = vm.call(ty, &[n, bases, ns], &[])?;
        set(vm, m, name, c);
        let key: &'static str = if name == "gaierror" { "socket.gaierror" } else { "socket.herror" };
        vm.state.borrow_mut().insert(key, c);
    }
    set(vm, m, "has_ipv6", Value::TRUE);
    set_int(vm, m, "INADDR_BROADCAST", 0xFFFF_FFFF);
    for (n, v) in CONSTANTS {
        set_int(vm, m, n, *v as i64);
    }
    Ok(m)
}

/// The constants `socket.py` exports (and turns into `AddressFamily`, `SocketKind`,
/// `MsgFlag` and `AddressInfo` enums).
const CONSTANTS: &[(&str, i32)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC),
    ("AF_UNIX", libc::AF_UNIX),
    ("AF_INET", libc::AF_INET),
    ("AF_INET6", libc::AF_INET6),
    ("SOCK_STREAM", libc::SOCK_STREAM),
    ("SOCK_DGRAM", libc::SOCK_DGRAM),
    ("SOCK_RAW", libc::SOCK_RAW),
    ("SOCK_RDM", libc::SOCK_RDM),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
    ("SOL_SOCKET", libc::SOL_SOCKET),
    ("SOL_IP", libc::SOL_IP),
    ("SOL_TCP", libc::SOL_TCP),
    ("SOL_UDP", libc::SOL_UDP),
    ("SO_REUSEADDR", libc::SO_REUSEADDR),
    ("SO_REUSEPORT", libc::SO_REUSEPORT),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
    ("SO_BROADCAST", libc::SO_BROADCAST),
    ("SO_ERROR", libc::SO_ERROR),
    ("SO_TYPE", libc::SO_TYPE),
    ("SO_RCVBUF", libc::SO_RCVBUF),
    ("SO_SNDBUF", libc::SO_SNDBUF),
    ("SO_LINGER", libc::SO_LINGER),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN),
    ("SO_DOMAIN", libc::SO_DOMAIN),
    ("SO_PROTOCOL", libc::SO_PROTOCOL),
    ("SOMAXCONN", libc::SOMAXCONN),
    ("IPPROTO_IP", libc::IPPROTO_IP),
    ("IPPROTO_TCP", libc::IPPROTO_TCP),
    ("IPPROTO_UDP", libc::IPPROTO_UDP),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP),
    ("IPPROTO_RAW", libc::IPPROTO_RAW),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
    ("IP_TTL", libc::IP_TTL),
    ("TCP_NODELAY", libc::TCP_NODELAY),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT),
    ("MSG_OOB", libc::MSG_OOB),
    ("MSG_PEEK", libc::MSG_PEEK),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
    ("MSG_WAITALL", libc::MSG_WAITALL),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL),
    ("MSG_TRUNC", libc::MSG_TRUNC),
    ("MSG_CTRUNC", libc::MSG_CTRUNC),
    ("MSG_EOR", libc::MSG_EOR),
    ("SHUT_RD", libc::SHUT_RD),
    ("SHUT_WR", libc::SHUT_WR),
    ("SHUT_RDWR", libc::SHUT_RDWR),
    ("AI_PASSIVE", libc::AI_PASSIVE),
    ("AI_CANONNAME", libc::AI_CANONNAME),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
    ("AI_V4MAPPED", libc::AI_V4MAPPED),
    ("AI_ALL", libc::AI_ALL),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV),
    ("NI_NOFQDN", libc::NI_NOFQDN),
    ("NI_NAMEREQD", libc::NI_NAMEREQD),
    ("NI_DGRAM", libc::NI_DGRAM),
    ("EAI_NONAME", libc::EAI_NONAME),
    ("EAI_AGAIN", libc::EAI_AGAIN),
    ("EAI_FAIL", libc::EAI_FAIL),
    ("EAI_FAMILY", libc::EAI_FAMILY),
    ("EAI_SERVICE", libc::EAI_SERVICE),
    ("INADDR_ANY", 0),
    ("INADDR_LOOPBACK", 0x7f00_0001),
];
