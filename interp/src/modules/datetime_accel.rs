//! Native parts of `datetime`. Krait runs CPython's pure-Python `datetime.py` (it has no
//! `_datetime`), whose field checks raise other messages than the C module CPython
//! uses: `ValueError('day must be in 1..28', 29)` where CPython says "day is out of range
//! for month". Once the standard library's `datetime` has run, `apply` replaces its
//! `_check_date_fields` and `_check_time_fields` (which every constructor and `replace`
//! call through the module's globals) with these, which check the same fields with the
//! C module's messages, and gives `IsoCalendarDate` the C module's repr.
//!
//! A few methods are wrapped too (`WRAPPED`): the wrapper calls the pure-Python method and
//! gives the exceptions it raises the C module's wording (naive and aware values compared
//! or subtracted, results past `date.max`, timedeltas of a billion days or more), and
//! `date - datetime` is refused as the C module refuses it (its `date.__sub__` returns
//! NotImplemented for a datetime operand; the pure one subtracts the date parts).

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Flags the classes named `names` in namespace `d` as standing in for C types
/// (`class_flags::NATIVE_NAME`), so error messages name them `module.name` as CPython's
/// C types are named (`unsupported operand type(s) for +: 'datetime.date' and 'int'`).
pub fn mark_native_names(vm: &mut Vm, d: Value, names: &[&str]) {
    for name in names {
        let k = vm.intern(name);
        if let Some(c) = vm.dict_get_str(d, k).as_ref().and_then(Value::as_class) {
            c.flags.set(c.flags.get() | crate::object::class_flags::NATIVE_NAME);
        }
    }
}

/// Installs the native helpers into the namespace `d` of the stdlib's `datetime`; does
/// nothing to a `datetime` that is not CPython's (no `_check_date_fields` in it).
pub fn apply(vm: &mut Vm, module: Value, d: Value) {
    let k = vm.intern("_check_date_fields");
    if vm.dict_get_str(d, k).is_none() {
        return;
    }
    vm.add_function(module, "_check_date_fields", check_date_fields);
    vm.add_function(module, "_check_time_fields", check_time_fields);
    vm.add_function(module, "_cmperror", cmperror);
    vm.add_function(module, "_check_tzinfo_arg", check_tzinfo_arg);
    mark_native_names(
        vm,
        d,
        &["date", "time", "datetime", "timedelta", "tzinfo", "timezone", "IsoCalendarDate", "_IsoCalendarDate"],
    );
    let k = vm.intern("_isoweek_to_gregorian");
    if let Some(orig) = vm.dict_get_str(d, k) {
        vm.state.borrow_mut().insert(state_key("", "_isoweek_to_gregorian"), orig);
        vm.add_function(module, "_isoweek_to_gregorian", isoweek_to_gregorian);
    }
    for (name, f) in [("date", date_hash as crate::vm::NativeFn), ("time", time_hash)] {
        let k = vm.intern(name);
        if let Some(c) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) {
            vm.add_method(c, "__hash__", f);
        }
    }
    let k = vm.intern("_IsoCalendarDate");
    if let Some(cls) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) {
        vm.add_method(cls, "__repr__", iso_calendar_date_repr);
    }
    for (name, key) in [("datetime", DATETIME_CLASS), ("tzinfo", TZINFO_CLASS)] {
        let k = vm.intern(name);
        if let Some(c) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) {
            vm.state.borrow_mut().insert(key, c);
        }
    }
    for &(class, method, f) in WRAPPED {
        let k = vm.intern(class);
        let Some(cls) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) else {
            continue;
        };
        let Some(cls_dict) = cls.as_class().map(|c| c.dict) else {
            continue;
        };
        let m = vm.intern(method);
        if vm.dict_get_str(cls_dict, m).is_none() {
            continue;
        }
        // The plain function (`__new__` is stored as a staticmethod, `fromisoformat` as a
        // classmethod: its `__func__`).
        let orig = if method == "fromisoformat" {
            let raw = vm.dict_get_str(cls_dict, m).unwrap_or(Value::NONE);
            let k = vm.intern("__func__");
            vm.get_attr(raw, k)
        } else {
            vm.get_attr(cls, m)
        };
        let Ok(orig) = orig else {
            continue;
        };
        vm.state.borrow_mut().insert(state_key(class, method), orig);
        match method {
            "__new__" => vm.add_staticmethod(cls, method, f),
            "fromisoformat" => vm.add_classmethod(cls, method, f),
            _ => vm.add_method(cls, method, f),
        };
    }
}

/// The `vm.state` keys of the module's `datetime` and `tzinfo` classes.
const DATETIME_CLASS: &str = "datetime.datetime";
const TZINFO_CLASS: &str = "datetime.tzinfo";

/// The methods `apply` wraps: (class, method, wrapper).
const WRAPPED: &[(&str, &str, crate::vm::NativeFn)] = &[
    ("timedelta", "__new__", timedelta_new),
    ("date", "__add__", date_add),
    ("date", "__radd__", date_radd),
    ("date", "__sub__", date_sub),
    ("time", "_cmp", time_cmp),
    ("datetime", "__add__", datetime_add),
    ("datetime", "__radd__", datetime_radd),
    ("datetime", "__sub__", datetime_sub),
    ("datetime", "_cmp", datetime_cmp),
    ("datetime", "astimezone", datetime_astimezone),
    ("timezone", "__new__", timezone_new),
    ("date", "fromisoformat", date_fromisoformat),
    ("time", "fromisoformat", time_fromisoformat),
];

/// The `vm.state` key of a wrapped method's pure-Python original.
fn state_key(class: &str, method: &str) -> &'static str {
    match (class, method) {
        ("timedelta", "__new__") => "datetime.timedelta.__new__",
        ("date", "__add__") => "datetime.date.__add__",
        ("date", "__radd__") => "datetime.date.__radd__",
        ("date", "__sub__") => "datetime.date.__sub__",
        ("time", "_cmp") => "datetime.time._cmp",
        ("datetime", "__add__") => "datetime.datetime.__add__",
        ("datetime", "__radd__") => "datetime.datetime.__radd__",
        ("datetime", "__sub__") => "datetime.datetime.__sub__",
        ("datetime", "_cmp") => "datetime.datetime._cmp",
        ("datetime", "astimezone") => "datetime.datetime.astimezone",
        ("timezone", "__new__") => "datetime.timezone.__new__",
        ("date", "fromisoformat") => "datetime.date.fromisoformat",
        ("time", "fromisoformat") => "datetime.time.fromisoformat",
        ("", "_isoweek_to_gregorian") => "datetime._isoweek_to_gregorian",
        _ => "datetime.?",
    }
}

/// A rewording of an exception message: the new message for the exception class and
/// message the pure-Python code raised, or None to keep it.
type Reword<'a> = &'a dyn Fn(&mut Vm, Value, &str) -> Option<String>;

/// Calls the pure-Python original of `class.method` (`state_key`); an exception it raises
/// whose class and message `reword` recognizes gets the returned message instead.
fn call_reworded(
    vm: &mut Vm,
    class: &str,
    method: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    reword: Reword,
) -> PyResult<Value> {
    let Some(orig) = vm.state.borrow().get(state_key(class, method)).copied() else {
        return Err(vm.runtime_error(format!("datetime: {class}.{method} is missing")));
    };
    let r = vm.call(orig, args, kw);
    let Err(e) = &r else {
        return r;
    };
    let kind = vm.type_of(e.0);
    let k = vm.intern("args");
    let Some(msg) = vm.get_attr(e.0, k).ok().and_then(|a| a.as_tuple().map(|t| t.to_vec())) else {
        return r;
    };
    let [m] = msg[..] else {
        return r;
    };
    let Some(text) = m.as_rstr().map(str::to_owned) else {
        return r;
    };
    let Some(new) = reword(vm, kind, &text) else {
        return r;
    };
    let s = vm.new_string(new);
    let tuple = vm.new_tuple(vec![s]);
    vm.set_attr(e.0, k, tuple)?;
    r
}

/// "result out of range" (past `date.max` or before `date.min`) as the C module says it.
fn out_of_range(vm: &mut Vm, kind: Value, m: &str) -> Option<String> {
    (kind.is(vm.exc.overflow_error) && m == "result out of range").then(|| "date value out of range".to_owned())
}

/// A reword of `TypeError(from)` to `TypeError(to)`.
fn type_error_reword(vm: &Vm, kind: Value, m: &str, from: &str, to: &str) -> Option<String> {
    (kind.is(vm.exc.type_error) && m == from).then(|| to.to_owned())
}

fn timedelta_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    // The C module takes only ints and floats, checking the components in this order.
    const PARAMS: [&str; 7] = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"];
    const C_ORDER: [usize; 7] = [2, 3, 1, 4, 5, 0, 6];
    let mut given = [None; 7];
    for (i, &v) in args.iter().skip(1).take(7).enumerate() {
        given[i] = Some(v);
    }
    for &(k, v) in kw {
        if let Some(i) = PARAMS.iter().position(|p| k.as_rstr() == Some(p)) {
            given[i] = Some(v);
        }
    }
    for i in C_ORDER {
        if let Some(v) = given[i] {
            let ok = vm.isinstance(v, vm.types.int) || vm.isinstance(v, vm.types.float);
            if !ok {
                return Err(vm.type_error(format!(
                    "unsupported type for timedelta {} component: {}",
                    PARAMS[i],
                    vm.type_tp_name(v)
                )));
            }
        }
    }
    call_reworded(vm, "timedelta", "__new__", args, kw, &|vm, kind, m| {
        let days = m.strip_prefix("timedelta # of days is too large: ").filter(|_| kind.is(vm.exc.overflow_error))?;
        Some(format!("days={days}; must have magnitude <= 999999999"))
    })
}

fn date_add(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "date", "__add__", args, kw, &out_of_range)
}

fn date_radd(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "date", "__radd__", args, kw, &out_of_range)
}

fn datetime_add(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "datetime", "__add__", args, kw, &out_of_range)
}

fn datetime_radd(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "datetime", "__radd__", args, kw, &out_of_range)
}

/// `date.__sub__`: NotImplemented when either operand is a `datetime` (the C module keeps
/// the two apart), else the pure-Python method.
fn date_sub(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let datetime = vm.state.borrow().get(DATETIME_CLASS).copied();
    if let Some(dt) = datetime {
        if args.len() == 2 && args.iter().any(|&a| vm.isinstance(a, dt)) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
    }
    call_reworded(vm, "date", "__sub__", args, kw, &out_of_range)
}

fn datetime_sub(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "datetime", "__sub__", args, kw, &|vm, kind, m| {
        let from = "cannot mix naive and timezone-aware time";
        type_error_reword(vm, kind, m, from, "can't subtract offset-naive and offset-aware datetimes")
    })
}

fn datetime_cmp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "datetime", "_cmp", args, kw, &|vm, kind, m| {
        let from = "cannot compare naive and aware datetimes";
        type_error_reword(vm, kind, m, from, "can't compare offset-naive and offset-aware datetimes")
    })
}

fn time_cmp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "time", "_cmp", args, kw, &|vm, kind, m| {
        let from = "cannot compare naive and aware times";
        type_error_reword(vm, kind, m, from, "can't compare offset-naive and offset-aware times")
    })
}

/// `_check_tzinfo_arg(tz)`: None or a `tzinfo` instance, else the C module's TypeError.
fn check_tzinfo_arg(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("_check_tzinfo_arg", kw)?;
    let tz = args_n(vm, "_check_tzinfo_arg", args, 1)?[0];
    check_tzinfo(vm, tz)?;
    Ok(Value::NONE)
}

fn check_tzinfo(vm: &mut Vm, tz: Value) -> PyResult<()> {
    let tzinfo = vm.state.borrow().get(TZINFO_CLASS).copied();
    let ok = tz.is_none() || tzinfo.is_some_and(|c| vm.isinstance(tz, c));
    if ok {
        return Ok(());
    }
    let name = c_type_name(vm, tz);
    Err(vm.type_error(format!("tzinfo argument must be None or of a tzinfo subclass, not type '{name}'")))
}

/// `datetime.astimezone(tz=None)`: a `tz` that is not a tzinfo is refused with the C
/// module's message.
fn datetime_astimezone(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let tz = args.get(1).copied().or_else(|| kw.iter().find(|(k, _)| k.as_rstr() == Some("tz")).map(|p| p.1));
    if let Some(tz) = tz {
        check_tzinfo(vm, tz)?;
    }
    call_reworded(vm, "datetime", "astimezone", args, kw, &|_, _, _| None)
}

/// `timezone(offset, name)`: the C module's argument errors.
fn timezone_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let given: Vec<Value> = args.iter().skip(1).copied().chain(kw.iter().map(|p| p.1)).collect();
    call_reworded(vm, "timezone", "__new__", args, kw, &|vm, kind, m| {
        let arg = |i: usize| given.get(i).map(|&v| vm.arg_type_name(v)).unwrap_or_default();
        if kind.is(vm.exc.type_error) && m == "offset must be a timedelta" {
            return Some(format!("timezone() argument 1 must be datetime.timedelta, not {}", arg(0)));
        }
        if kind.is(vm.exc.type_error) && m == "name must be a string" {
            return Some(format!("timezone() argument 2 must be str, not {}", arg(1)));
        }
        let bound = "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).";
        if kind.is(vm.exc.value_error) && m == bound {
            let offset = vm.repr_string(*given.first()?).ok()?;
            return Some(format!("{}, not {offset}.", bound.trim_end_matches('.')));
        }
        None
    })
}

/// `_isoweek_to_gregorian(year, week, day)` (behind `date.fromisocalendar`), with the C
/// module's "Invalid day" message.
fn isoweek_to_gregorian(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    call_reworded(vm, "", "_isoweek_to_gregorian", args, kw, &|vm, kind, m| {
        let rest = m.strip_prefix("Invalid weekday: ").filter(|_| kind.is(vm.exc.value_error))?;
        Some(format!("Invalid day: {rest}"))
    })
}

/// `_cmperror(x, y)`: ordering a datetime against a date, with the C module's message,
/// which names the types by their `tp_name` (`datetime.date`; a subclass by its name).
fn cmperror(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("_cmperror", kw)?;
    let a = args_n(vm, "_cmperror", args, 2)?;
    let names: Vec<String> = a.iter().map(|&v| c_type_name(vm, v)).collect();
    Err(vm.type_error(format!("can't compare {} to {}", names[0], names[1])))
}

/// The C module's `tp_name` of `v`'s type: `datetime.X` for the module's own classes.
fn c_type_name(vm: &Vm, v: Value) -> String {
    let tp = vm.type_of(v);
    let name = vm.class_name(tp);
    let own = tp.as_class().and_then(|c| vm.dict_get_str(c.dict, crate::eval::attr::names().__module__));
    if own.as_ref().and_then(Value::as_rstr) == Some("datetime") {
        format!("datetime.{name}")
    } else {
        name
    }
}

/// `operator.index(v)` as an i64 (OverflowError past the C int range, as the C module's
/// argument parsing says).
fn field(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let i = crate::types::int::index(vm, v)?;
    match vm.int_value(i).and_then(|b| i32::try_from(b).ok()) {
        Some(n) => Ok(i64::from(n)),
        None => {
            let sign = vm.int_value(i).is_some_and(|b| b.sign() == num_bigint::Sign::Minus);
            let what = if sign { "less than minimum" } else { "greater than maximum" };
            Err(vm.overflow_error(format!("signed integer is {what}")))
        }
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn args_n<'a>(vm: &Vm, name: &str, args: &'a [Value], n: usize) -> PyResult<&'a [Value]> {
    if args.len() != n {
        return Err(vm.type_error(format!("{name}() takes {n} positional arguments but {} were given", args.len())));
    }
    Ok(args)
}

/// `_check_date_fields(year, month, day)` -> `(year, month, day)` as exact ints.
fn check_date_fields(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("_check_date_fields", kw)?;
    let a = args_n(vm, "_check_date_fields", args, 3)?;
    // `date.__new__` defaults month and day to None (for unpickling); the C module's
    // argument parsing reports them missing.
    for (i, name) in [(1, "month"), (2, "day")] {
        if a[i].is_none() {
            return Err(vm.type_error(format!("function missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    let (year, month, day) = (field(vm, a[0])?, field(vm, a[1])?, field(vm, a[2])?);
    if !(1..=9999).contains(&year) {
        return Err(vm.value_error(format!("year {year} is out of range")));
    }
    if !(1..=12).contains(&month) {
        return Err(vm.value_error("month must be in 1..12"));
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err(vm.value_error("day is out of range for month"));
    }
    let items = vec![vm.new_int(year), vm.new_int(month), vm.new_int(day)];
    Ok(vm.new_tuple(items))
}

/// `_check_time_fields(hour, minute, second, microsecond, fold)` -> the five as ints.
fn check_time_fields(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("_check_time_fields", kw)?;
    let a = args_n(vm, "_check_time_fields", args, 5)?;
    let mut v = [0i64; 5];
    for (slot, &x) in v.iter_mut().zip(a) {
        *slot = field(vm, x)?;
    }
    let checks: [(i64, &str); 5] = [
        (23, "hour must be in 0..23"),
        (59, "minute must be in 0..59"),
        (59, "second must be in 0..59"),
        (999_999, "microsecond must be in 0..999999"),
        (1, "fold must be either 0 or 1"),
    ];
    for (&x, (max, msg)) in v.iter().zip(checks) {
        if !(0..=max).contains(&x) {
            return Err(vm.value_error(msg));
        }
    }
    let items = v.iter().map(|&x| vm.new_int(x)).collect();
    Ok(vm.new_tuple(items))
}

/// The messages of `check_date_fields` and `check_time_fields`.
const FIELD_ERRORS: [&str; 7] = [
    "month must be in 1..12",
    "day is out of range for month",
    "hour must be in 0..23",
    "minute must be in 0..59",
    "second must be in 0..59",
    "microsecond must be in 0..999999",
    "fold must be either 0 or 1",
];

/// `date.fromisoformat` and `time.fromisoformat`: a string that parses but names no
/// valid date or time raises the field's ValueError, as the C module does (the pure
/// module raises "Invalid isoformat string" while handling it); one that does not parse
/// raises "Invalid isoformat string" with no context.
fn fromisoformat(vm: &mut Vm, class: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(orig) = vm.state.borrow().get(state_key(class, "fromisoformat")).copied() else {
        return Err(vm.runtime_error(format!("datetime: {class}.fromisoformat is missing")));
    };
    let r = vm.call(orig, args, kw);
    let Err(e) = &r else {
        return r;
    };
    let Some(ed) = e.0.as_obj().and_then(|o| o.as_exception()) else {
        return r;
    };
    let cause = ed.context.get();
    if !vm.isinstance(e.0, vm.exc.value_error) || cause.is_null() || !vm.isinstance(cause, vm.exc.value_error) {
        return r;
    }
    let k = vm.intern("args");
    let msg = vm.get_attr(cause, k).ok().and_then(|a| a.as_tuple().and_then(|t| t.first().copied()));
    let is_field = msg
        .as_ref()
        .and_then(Value::as_rstr)
        .is_some_and(|m| FIELD_ERRORS.contains(&m) || (m.starts_with("year ") && m.ends_with(" is out of range")));
    if is_field {
        return Err(crate::vm::PyErr(cause));
    }
    // A string that does not parse: "Invalid isoformat string", not chained to the
    // parser's own error.
    ed.context.set(Value::NONE);
    r
}

fn date_fromisoformat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    fromisoformat(vm, "date", args, kw)
}

fn time_fromisoformat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    fromisoformat(vm, "time", args, kw)
}

/// The `i`th item of `obj._getstate()`: the pickled state bytes of a date or time.
fn state_bytes(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let state = vm.call_method(obj, "_getstate", &[])?;
    let zero = vm.new_int(0);
    vm.get_item(state, zero)
}

/// `date.__hash__` as the C module's: the hash of the date's four state bytes (the pure
/// module hashes a tuple holding them, so sets of dates iterated in another order).
fn date_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__hash__() needs an argument"));
    };
    let b = state_bytes(vm, this)?;
    let h = vm.hash(b)?;
    Ok(vm.new_int(h))
}

/// `time.__hash__` as the C module's: a naive time hashes its six state bytes, an aware
/// one (even at UTC) the timedelta of its time of day minus its UTC offset; `fold` is
/// ignored.
fn time_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__hash__() needs an argument"));
    };
    let fold = vm.intern("fold");
    let f = vm.get_attr(this, fold)?;
    let t0 = if vm.truthy(f)? {
        let replace = vm.intern("replace");
        let m = vm.get_attr(this, replace)?;
        vm.call(m, &[], &[(fold, vm.new_int(0))])?
    } else {
        this
    };
    let off = vm.call_method(t0, "utcoffset", &[])?;
    if off.is_none() {
        let b = state_bytes(vm, t0)?;
        let h = vm.hash(b)?;
        return Ok(vm.new_int(h));
    }
    let mut parts = [0i64; 4];
    for (p, name) in parts.iter_mut().zip(["hour", "minute", "second", "microsecond"]) {
        let k = vm.intern(name);
        let v = vm.get_attr(t0, k)?;
        *p = field(vm, v)?;
    }
    let seconds = vm.new_int(parts[0] * 3600 + parts[1] * 60 + parts[2]);
    let (zero, us) = (vm.new_int(0), vm.new_int(parts[3]));
    let td = vm.type_of(off);
    let day = vm.call(td, &[zero, seconds, us], &[])?;
    let delta = vm.binary_op(crate::cfg::BinOp::Sub, day, off)?;
    let h = vm.hash(delta)?;
    Ok(vm.new_int(h))
}

/// `IsoCalendarDate.__repr__`: `datetime.IsoCalendarDate(year=2023, week=52, weekday=7)`.
fn iso_calendar_date_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__repr__() needs an argument"));
    };
    let mut parts = Vec::with_capacity(3);
    for i in 0..3 {
        let idx = vm.new_int(i);
        let item = vm.get_item(this, idx)?;
        parts.push(vm.repr_string(item)?);
    }
    Ok(vm.new_string(format!("datetime.IsoCalendarDate(year={}, week={}, weekday={})", parts[0], parts[1], parts[2])))
}
