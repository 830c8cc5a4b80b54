//! The `errno` module: the symbolic names of the C library's error numbers (Linux
//! values) and `errorcode`, the number-to-name map.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{set, set_int};

/// (name, number) in the order CPython fills `errorcode`; the first name of a number is
/// the one `errorcode` gives.
pub const ERRNOS: &[(&str, i64)] = &[
    ("ENODEV", 19),
    ("ENOCSI", 50),
    ("EHOSTUNREACH", 113),
    ("ENOMSG", 42),
    ("EUCLEAN", 117),
    ("EL2NSYNC", 45),
    ("EL2HLT", 51),
    ("ENODATA", 61),
    ("ENOTBLK", 15),
    ("ENOSYS", 38),
    ("EPIPE", 32),
    ("EINVAL", 22),
    ("EOVERFLOW", 75),
    ("EADV", 68),
    ("EINTR", 4),
    ("EUSERS", 87),
    ("ENOTEMPTY", 39),
    ("ENOBUFS", 105),
    ("EPROTO", 71),
    ("EREMOTE", 66),
    ("ENAVAIL", 119),
    ("ECHILD", 10),
    ("ELOOP", 40),
    ("EXDEV", 18),
    ("E2BIG", 7),
    ("ESRCH", 3),
    ("EMSGSIZE", 90),
    ("EAFNOSUPPORT", 97),
    ("EBADR", 53),
    ("EHOSTDOWN", 112),
    ("EPFNOSUPPORT", 96),
    ("ENOPROTOOPT", 92),
    ("EBUSY", 16),
    ("EAGAIN", 11),
    ("EBADFD", 77),
    ("EDOTDOT", 73),
    ("EISCONN", 106),
    ("ENOANO", 55),
    ("ESHUTDOWN", 108),
    ("ECHRNG", 44),
    ("ELIBBAD", 80),
    ("ENONET", 64),
    ("EBADE", 52),
    ("EBADF", 9),
    ("EMULTIHOP", 72),
    ("EIO", 5),
    ("EUNATCH", 49),
    ("EPROTOTYPE", 91),
    ("ENOSPC", 28),
    ("ENOEXEC", 8),
    ("EALREADY", 114),
    ("ENETDOWN", 100),
    ("ENOTNAM", 118),
    ("EACCES", 13),
    ("ELNRNG", 48),
    ("EILSEQ", 84),
    ("ENOTDIR", 20),
    ("ENOTUNIQ", 76),
    ("EPERM", 1),
    ("EDOM", 33),
    ("EXFULL", 54),
    ("ECONNREFUSED", 111),
    ("EISDIR", 21),
    ("EPROTONOSUPPORT", 93),
    ("EROFS", 30),
    ("EADDRNOTAVAIL", 99),
    ("EIDRM", 43),
    ("ECOMM", 70),
    ("ESRMNT", 69),
    ("EREMOTEIO", 121),
    ("EL3RST", 47),
    ("EBADMSG", 74),
    ("ENFILE", 23),
    ("ELIBMAX", 82),
    ("ESPIPE", 29),
    ("ENOLINK", 67),
    ("ENETRESET", 102),
    ("ETIMEDOUT", 110),
    ("ENOENT", 2),
    ("EEXIST", 17),
    ("EDQUOT", 122),
    ("ENOSTR", 60),
    ("EBADSLT", 57),
    ("EBADRQC", 56),
    ("ELIBACC", 79),
    ("EFAULT", 14),
    ("EFBIG", 27),
    ("EDEADLOCK", 35),
    ("ENOTCONN", 107),
    ("EDESTADDRREQ", 89),
    ("ELIBSCN", 81),
    ("ENOLCK", 37),
    ("EISNAM", 120),
    ("ECONNABORTED", 103),
    ("ENETUNREACH", 101),
    ("ESTALE", 116),
    ("ENOSR", 63),
    ("ENOMEM", 12),
    ("ENOTSOCK", 88),
    ("ESTRPIPE", 86),
    ("EMLINK", 31),
    ("ERANGE", 34),
    ("ELIBEXEC", 83),
    ("EL3HLT", 46),
    ("ECONNRESET", 104),
    ("EADDRINUSE", 98),
    ("ENOTSUP", 95),
    ("EREMCHG", 78),
    ("ENAMETOOLONG", 36),
    ("ENOTTY", 25),
    ("ERESTART", 85),
    ("ESOCKTNOSUPPORT", 94),
    ("ETIME", 62),
    ("EBFONT", 59),
    ("ETOOMANYREFS", 109),
    ("EMFILE", 24),
    ("ETXTBSY", 26),
    ("EINPROGRESS", 115),
    ("ENXIO", 6),
    ("ENOPKG", 65),
    ("ENOMEDIUM", 123),
    ("EMEDIUMTYPE", 124),
    ("ECANCELED", 125),
    ("ENOKEY", 126),
    ("EKEYEXPIRED", 127),
    ("EKEYREVOKED", 128),
    ("EKEYREJECTED", 129),
    ("EOWNERDEAD", 130),
    ("ENOTRECOVERABLE", 131),
    ("ERFKILL", 132),
];

/// Second names of numbers that have two.
const ALIASES: &[(&str, i64)] = &[("EWOULDBLOCK", 11), ("EDEADLK", 35), ("EOPNOTSUPP", 95)];

/// The symbolic name of an error number (`errno.errorcode[n]`).
pub fn name_of(n: i64) -> Option<&'static str> {
    ERRNOS.iter().find(|(_, v)| *v == n).map(|(k, _)| *k)
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = vm.new_module("errno");
    let codes = vm.new_dict();
    set(vm, m, "errorcode", codes);
    for &(name, n) in ERRNOS {
        set_int(vm, m, name, n);
        let k = vm.new_int(n);
        let v = vm.new_str(name);
        vm.dict_set(codes, k, v)?;
    }
    for &(name, n) in ALIASES {
        set_int(vm, m, name, n);
    }
    Ok(m)
}
