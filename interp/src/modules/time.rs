//! The `time` module: clocks, `sleep`, and the calendar conversions of the C library
//! (`localtime_r`, `gmtime_r`, `mktime`, `strftime`) behind `struct_time`.

use std::ffi::CStr;

use crate::types::float::float_val;
use crate::types::int::{int_ref, IntRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::structseq::{self, Spec};
use super::{nargs, new_module, set, set_int};

pub static STRUCT_TIME: Spec = Spec {
    module: "time",
    name: "struct_time",
    fields: &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
    extra: &["tm_zone", "tm_gmtoff"],
};

extern "C" {
    fn tzset();
}

// ----- clocks -----

fn clock(id: libc::clockid_t) -> (i64, i64) {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; clock_gettime only writes it.
    let r = unsafe { libc::clock_gettime(id, &mut ts) };
    if r != 0 {
        return (0, 0);
    }
    (ts.tv_sec, ts.tv_nsec)
}

fn secs(id: libc::clockid_t) -> f64 {
    let (s, ns) = clock(id);
    s as f64 + ns as f64 * 1e-9
}

fn nanos(vm: &Vm, id: libc::clockid_t) -> Value {
    let (s, ns) = clock(id);
    crate::types::int::int_from_i128(vm, s as i128 * 1_000_000_000 + ns as i128)
}

/// Seconds since the epoch as a float (what `time.time()` returns).
pub fn now() -> f64 {
    secs(libc::CLOCK_REALTIME)
}

macro_rules! clock_fns {
    ($($f:ident, $fns:ident, $py:literal, $id:expr;)*) => {$(
        fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            nargs(vm, $py, args, kw, 0, 0)?;
            Ok(Value::float(secs($id)))
        }
        fn $fns(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            nargs(vm, concat!($py, "_ns"), args, kw, 0, 0)?;
            Ok(nanos(vm, $id))
        }
    )*};
}

clock_fns! {
    t_time, t_time_ns, "time", libc::CLOCK_REALTIME;
    t_monotonic, t_monotonic_ns, "monotonic", libc::CLOCK_MONOTONIC;
    t_perf_counter, t_perf_counter_ns, "perf_counter", libc::CLOCK_MONOTONIC;
    t_process_time, t_process_time_ns, "process_time", libc::CLOCK_PROCESS_CPUTIME_ID;
    t_thread_time, t_thread_time_ns, "thread_time", libc::CLOCK_THREAD_CPUTIME_ID;
}

fn clock_id_arg(vm: &mut Vm, v: Value) -> PyResult<libc::clockid_t> {
    let i = vm.to_index(v)?;
    Ok(i as libc::clockid_t)
}

fn t_clock_gettime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "clock_gettime", args, kw, 1, 1)?;
    let id = clock_id_arg(vm, args[0])?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: as in `clock`.
    if unsafe { libc::clock_gettime(id, &mut ts) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(crate::builtins::io::os_error_from_io(vm, &e, None));
    }
    Ok(Value::float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

fn t_clock_gettime_ns(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "clock_gettime_ns", args, kw, 1, 1)?;
    let id = clock_id_arg(vm, args[0])?;
    Ok(nanos(vm, id))
}

fn t_sleep(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "sleep", args, kw, 1, 1)?;
    let v = args[0];
    let s = if let Some(f) = float_val(v) {
        f
    } else if int_ref(&v).is_some() {
        crate::types::float::int_to_f64(vm, v)?
    } else {
        match vm.to_f64(v) {
            Ok(f) => f,
            Err(_) => {
                return Err(
                    vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))
                )
            }
        }
    };
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if !s.is_finite() || s > 1e15 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    crate::builtins::io::flush_all(vm);
    if crate::threads::active() {
        // Other threads run meanwhile.
        crate::threads::sleep(vm, s);
    } else {
        std::thread::sleep(std::time::Duration::from_secs_f64(s));
    }
    super::signal::check_signals(vm)?;
    Ok(Value::NONE)
}

fn t_get_clock_info(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "get_clock_info", args, kw, 1, 1)?;
    let name = super::need_str(vm, args[0], "get_clock_info() argument")?;
    let (imp, mono, adj) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let cls = crate::builtins::sys::simple_namespace_class(vm);
    let ns = vm.call(cls, &[], &[])?;
    let items = [
        ("implementation", vm.new_str(imp)),
        ("monotonic", Value::bool(mono)),
        ("adjustable", Value::bool(adj)),
        ("resolution", Value::float(1e-9)),
    ];
    for (k, v) in items {
        let k = vm.intern(k);
        vm.set_attr(ns, k, v)?;
    }
    Ok(ns)
}

// ----- calendar conversions -----

fn zero_tm() -> libc::tm {
    libc::tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 0,
        tm_mon: 0,
        tm_year: 0,
        tm_wday: 0,
        tm_yday: 0,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: std::ptr::null(),
    }
}

/// The seconds argument of gmtime/localtime/ctime: None means now.
fn time_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<libc::time_t> {
    let Some(v) = v.filter(|v| !v.is_none() && !v.is_null()) else {
        return Ok(now().floor() as libc::time_t);
    };
    if let Some(i) = int_ref(&v) {
        return match i {
            IntRef::Small(i) => Ok(i as libc::time_t),
            IntRef::Big(_) => Err(vm.overflow_error("timestamp out of range for platform time_t")),
        };
    }
    let f = match float_val(v) {
        Some(f) => f,
        None => match vm.to_f64(v) {
            Ok(f) => f,
            Err(_) => {
                return Err(
                    vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))
                )
            }
        },
    };
    if f.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let t = f.trunc();
    if !(-9.2e18..9.2e18).contains(&t) {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(t as libc::time_t)
}

fn tm_to_struct(vm: &mut Vm, tm: &libc::tm) -> Value {
    let seq = vec![
        vm.new_int(tm.tm_year as i64 + 1900),
        vm.new_int(tm.tm_mon as i64 + 1),
        vm.new_int(tm.tm_mday as i64),
        vm.new_int(tm.tm_hour as i64),
        vm.new_int(tm.tm_min as i64),
        vm.new_int(tm.tm_sec as i64),
        vm.new_int((tm.tm_wday as i64 + 6) % 7),
        vm.new_int(tm.tm_yday as i64 + 1),
        vm.new_int(tm.tm_isdst as i64),
    ];
    let zone = if tm.tm_zone.is_null() {
        Value::NONE
    } else {
        // SAFETY: a non-null tm_zone set by the C library points at a NUL-terminated
        // string that lives at least as long as the time zone settings.
        let s = unsafe { CStr::from_ptr(tm.tm_zone) };
        vm.new_string(s.to_string_lossy().into_owned())
    };
    let off = vm.new_int(tm.tm_gmtoff);
    structseq::new(vm, &STRUCT_TIME, seq, vec![zone, off])
}

fn gmtime_tm(vm: &Vm, t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = zero_tm();
    // SAFETY: both pointers are valid for the call; gmtime_r writes only `tm`.
    let r = unsafe { libc::gmtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

fn localtime_tm(vm: &Vm, t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = zero_tm();
    // SAFETY: as above, for localtime_r.
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

fn t_gmtime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "gmtime", args, kw, 0, 1)?;
    let t = time_arg(vm, args.first().copied())?;
    let tm = gmtime_tm(vm, t)?;
    Ok(tm_to_struct(vm, &tm))
}

fn t_localtime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "localtime", args, kw, 0, 1)?;
    let t = time_arg(vm, args.first().copied())?;
    let tm = localtime_tm(vm, t)?;
    Ok(tm_to_struct(vm, &tm))
}

/// A `struct_time` or 9-tuple as a C `tm` (CPython's `gettmarg`).
fn tuple_to_tm(vm: &mut Vm, v: Value, fname: &str) -> PyResult<libc::tm> {
    let Some(items) = v.as_tuple().map(|t| t.to_vec()) else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (i, x) in items.iter().enumerate() {
        if x.is_float() || float_val(*x).is_some() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        n[i] = vm.to_index(*x)?;
    }
    let mut tm = zero_tm();
    let c = |x: i64| x.clamp(i32::MIN as i64, i32::MAX as i64) as libc::c_int;
    tm.tm_year = c(n[0] - 1900);
    tm.tm_mon = c(n[1] - 1);
    tm.tm_mday = c(n[2]);
    tm.tm_hour = c(n[3]);
    tm.tm_min = c(n[4]);
    tm.tm_sec = c(n[5]);
    tm.tm_wday = c((n[6] + 1) % 7);
    tm.tm_yday = c(n[7] - 1);
    tm.tm_isdst = c(n[8]);
    // The zone fields of a struct_time carry over (strftime's %Z reads them).
    let cls = structseq::class(vm, &STRUCT_TIME);
    if vm.isinstance(v, cls) {
        let k = vm.intern("tm_gmtoff");
        if let Some(off) = vm.get_attr_opt(v, k)? {
            if let Some(IntRef::Small(o)) = int_ref(&off) {
                tm.tm_gmtoff = o as libc::c_long;
            }
        }
    }
    Ok(tm)
}

/// CPython's `checktm`: range checks before asctime/strftime.
fn check_tm(vm: &Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn t_asctime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "asctime", args, kw, 0, 1)?;
    let mut tm = match args.first() {
        Some(&v) => tuple_to_tm(vm, v, "asctime")?,
        None => {
            let t = time_arg(vm, None)?;
            localtime_tm(vm, t)?
        }
    };
    check_tm(vm, &mut tm)?;
    Ok(vm.new_string(asctime_text(&tm)))
}

fn t_ctime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "ctime", args, kw, 0, 1)?;
    let t = time_arg(vm, args.first().copied())?;
    let tm = localtime_tm(vm, t)?;
    Ok(vm.new_string(asctime_text(&tm)))
}

fn t_mktime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "mktime", args, kw, 1, 1)?;
    let mut tm = tuple_to_tm(vm, args[0], "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid tm; mktime normalizes it in place.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::float(t as f64))
}

fn t_strftime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "strftime", args, kw, 1, 2)?;
    let Some(fmt) = args[0].as_rstr().map(str::to_owned) else {
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {}", vm.arg_type_name(args[0]))));
    };
    let mut tm = match args.get(1) {
        Some(&v) => tuple_to_tm(vm, v, "strftime")?,
        None => {
            let t = time_arg(vm, None)?;
            localtime_tm(vm, t)?
        }
    };
    check_tm(vm, &mut tm)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    Ok(vm.new_string(strftime(&fmt, &tm)))
}

/// `strftime` of the C library for one `tm`. Text between directives passes through
/// untouched (so non-ASCII and NUL characters survive).
pub fn strftime(fmt: &str, tm: &libc::tm) -> String {
    let mut out = String::new();
    let mut rest = fmt;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        // A directive: optional flags/width (glibc), then one conversion character.
        let mut end = 0;
        let bytes = after.as_bytes();
        while end < bytes.len() && (b"_-0^#".contains(&bytes[end]) || bytes[end].is_ascii_digit()) {
            end += 1;
        }
        while end < bytes.len() && (bytes[end] == b'E' || bytes[end] == b'O') {
            end += 1;
        }
        if end >= bytes.len() {
            // A lone '%' at the end is kept, as glibc does.
            out.push('%');
            out.push_str(after);
            return out;
        }
        let ch_len = after[end..].chars().next().map(char::len_utf8).unwrap_or(1);
        let directive = &after[..end + ch_len];
        if !directive.is_ascii() {
            out.push('%');
            out.push_str(directive);
        } else {
            out.push_str(&c_strftime(&format!("%{directive}"), tm));
        }
        rest = &after[end + ch_len..];
    }
    out.push_str(rest);
    out
}

fn c_strftime(fmt: &str, tm: &libc::tm) -> String {
    let Ok(cfmt) = std::ffi::CString::new(fmt) else {
        return String::new();
    };
    let mut size = 256;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` is writable for `size` bytes, `cfmt` is NUL-terminated and `tm`
        // is a valid tm; strftime writes at most `size` bytes and returns the length.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), tm) };
        if n > 0 || size > 1 << 16 {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        size *= 4;
    }
}

fn t_strptime(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = crate::builtins::import::import_module(vm, "_strptime")?;
    let k = vm.intern("_strptime_time");
    let f = vm.get_attr(m, k)?;
    vm.call(f, args, kw)
}

fn t_tzset(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "tzset", args, kw, 0, 0)?;
    let Some(m) = vm.state.borrow().get("time.module").copied() else {
        return Ok(Value::NONE);
    };
    init_timezone(vm, m);
    Ok(Value::NONE)
}

/// `timezone`, `altzone`, `daylight` and `tzname` from the zone's offsets in January and
/// July of this year, as CPython computes them.
fn init_timezone(vm: &mut Vm, m: Value) {
    // SAFETY: tzset only reads the TZ environment variable and updates libc's zone state.
    unsafe { tzset() };
    let t = now() as libc::time_t;
    let year_start = {
        let Ok(tm) = gmtime_tm(vm, t) else { return };
        let days = tm.tm_yday as libc::time_t;
        t - days * 86400 - (tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec) as libc::time_t
    };
    let jan = localtime_tm(vm, year_start).ok();
    let jul = localtime_tm(vm, year_start + 182 * 86400).ok();
    let (Some(jan), Some(jul)) = (jan, jul) else { return };
    let zone_name = |tm: &libc::tm| {
        if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: as in `tm_to_struct`.
            unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
        }
    };
    let janzone = -jan.tm_gmtoff;
    let julzone = -jul.tm_gmtoff;
    let (janname, julname) = (zone_name(&jan), zone_name(&jul));
    let (tz, alt, names) = if janzone < julzone {
        // Southern hemisphere: DST in January.
        (julzone, janzone, (julname, janname))
    } else {
        (janzone, julzone, (janname, julname))
    };
    set_int(vm, m, "timezone", tz);
    set_int(vm, m, "altzone", alt);
    set_int(vm, m, "daylight", (janzone != julzone) as i64);
    set_int(vm, m, "_STRUCT_TM_ITEMS", 11);
    let n = vec![vm.new_string(names.0), vm.new_string(names.1)];
    let t = vm.new_tuple(n);
    set(vm, m, "tzname", t);
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "time",
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter", t_perf_counter),
            ("perf_counter_ns", t_perf_counter_ns),
            ("process_time", t_process_time),
            ("process_time_ns", t_process_time_ns),
            ("thread_time", t_thread_time),
            ("thread_time_ns", t_thread_time_ns),
            ("clock_gettime", t_clock_gettime),
            ("clock_gettime_ns", t_clock_gettime_ns),
            ("sleep", t_sleep),
            ("get_clock_info", t_get_clock_info),
            ("gmtime", t_gmtime),
            ("localtime", t_localtime),
            ("asctime", t_asctime),
            ("ctime", t_ctime),
            ("mktime", t_mktime),
            ("strftime", t_strftime),
            ("strptime", t_strptime),
            ("tzset", t_tzset),
        ],
    );
    let st = structseq::class(vm, &STRUCT_TIME);
    set(vm, m, "struct_time", st);
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        set_int(vm, m, name, id as i64);
    }
    vm.state.borrow_mut().insert("time.module", m);
    init_timezone(vm, m);
    Ok(m)
}
