//! Native parts of `datetime`. Krait runs CPython's pure-Python `datetime.py` (it has no
//! `_datetime`), whose field checks raise other messages than the C module CPython
//! uses: `ValueError('day must be in 1..28', 29)` where CPython says "day is out of range
//! for month". Once the standard library's `datetime` has run, `apply` replaces its
//! `_check_date_fields` and `_check_time_fields` (which every constructor and `replace`
//! call through the module's globals) with these, which check the same fields with the
//! C module's messages, and gives `IsoCalendarDate` the C module's repr.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Installs the native helpers into the namespace `d` of the stdlib's `datetime`; does
/// nothing to a `datetime` that is not CPython's (no `_check_date_fields` in it).
pub fn apply(vm: &mut Vm, module: Value, d: Value) {
    let k = vm.intern("_check_date_fields");
    if vm.dict_get_str(d, k).is_none() {
        return;
    }
    vm.add_function(module, "_check_date_fields", check_date_fields);
    vm.add_function(module, "_check_time_fields", check_time_fields);
    let k = vm.intern("_IsoCalendarDate");
    if let Some(cls) = vm.dict_get_str(d, k).filter(|c| c.as_class().is_some()) {
        vm.add_method(cls, "__repr__", iso_calendar_date_repr);
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
