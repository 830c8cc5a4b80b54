//! `float`.
//!
//! Plain floats are inline `Value`s; instances of float subclasses carry
//! `Payload::Float`. Every operation here reproduces CPython 3.11 to the bit: `%` and
//! `//` use CPython's fmod-based definitions (the result of `%` takes the divisor's sign,
//! `//` is the floor of the exact quotient computed from the same fmod), `**` sorts out
//! the C99 special cases before calling libm's `pow` (the same libm CPython links, so
//! finite results agree), and a negative base with a fractional exponent hands over to
//! complex exponentiation as Python 3 does.
//!
//! `repr` is the shortest string that round-trips. Rust's `{:e}` already produces the
//! shortest digits; [`float_repr`] only places them in CPython's notation (fixed for
//! decimal exponents -4 <= e < 16, else `1e+16` / `1.5e-05`).
//!
//! Exported for the operator fast paths: [`float_binop`] (float with float/int operands),
//! [`num_binop`] (any int/float mix), [`num_compare`] (exact int/float ordering),
//! [`num_divmod`], [`num_hash`], [`float_pow`], plus [`to_f64`] (`PyFloat_AsDouble`) and
//! [`float_val`].

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::cfg::{BinOp, CmpOp};
use crate::object::Payload;
use crate::types::complex;
use crate::types::int::{self, call_special, slot_args, IntRef};
use crate::types::num_conv;
use crate::types::num_parse;
use crate::value::Value;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};

// ----- representation -----

/// `repr(f)`: the shortest string that round-trips, in CPython's notation
/// (`1e+16`, `1.5`, `inf`, `nan`, `-0.0`).
pub fn float_repr(f: f64) -> String {
    repr_digits(f, true)
}

/// The same digits without the `.0` CPython adds to integral values in fixed notation
/// (`1.0` -> `1`): the form used for the parts of a complex repr.
pub fn float_repr_short(f: f64) -> String {
    repr_digits(f, false)
}

/// The shortest round-trip digits of a finite `f` in Rust's `{:e}` notation (`1.5e-5`),
/// with ties between two equally close shortest candidates broken to even as CPython does.
pub fn shortest_sci(f: f64) -> String {
    let mut sci = format!("{f:e}");
    let sig = sci.bytes().take_while(|&b| b != b'e').filter(u8::is_ascii_digit).count();
    if sig >= 16 {
        // When two shortest candidates are equally close to the exact value (possible only
        // at 16-17 digits), CPython takes the even one while Rust's shortest mode may not.
        // Rust's fixed-precision mode rounds the exact value half-to-even: use it when it
        // still round-trips (near powers of two it may not, and the shortest mode stands).
        let exact = format!("{:.*e}", sig - 1, f);
        if exact.parse::<f64>() == Ok(f) {
            sci = exact;
        }
    }
    sci
}

fn repr_digits(f: f64, add_dot_0: bool) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = shortest_sci(f);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len() as i32;
    let decpt = exp + 1;
    let mut out = String::with_capacity(24);
    if f.is_sign_negative() {
        out.push('-');
    }
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-decpt) as usize));
            out.push_str(&digits);
        } else if decpt < n {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        } else {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
            if add_dot_0 {
                out.push_str(".0");
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs()));
    }
    out
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    if exp_bits == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", exp_bits - 1023)
    }
}

// ----- conversions -----

/// The value of a float (inline or a float-subclass instance).
#[inline]
pub fn float_val(v: Value) -> Option<f64> {
    if let Some(f) = v.as_float() {
        return Some(f);
    }
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Float(f)) => Some(*f),
        _ => None,
    }
}

fn int_too_large(vm: &Vm) -> PyErr {
    vm.overflow_error("int too large to convert to float")
}

/// An int or float as f64 for mixed arithmetic; `Ok(None)` when `v` is neither.
pub fn real_operand(vm: &Vm, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = float_val(v) {
        return Ok(Some(f));
    }
    match int::int_ref(&v) {
        Some(IntRef::Small(i)) => Ok(Some(i as f64)),
        Some(IntRef::Big(b)) => num_conv::bigint_to_f64(b).map(Some).ok_or_else(|| int_too_large(vm)),
        None => Ok(None),
    }
}

/// `float(n)` for an int value (OverflowError when too large).
pub fn int_to_f64(vm: &Vm, v: Value) -> PyResult<f64> {
    match int::int_ref(&v) {
        Some(IntRef::Small(i)) => Ok(i as f64),
        Some(IntRef::Big(b)) => num_conv::bigint_to_f64(b).ok_or_else(|| int_too_large(vm)),
        None => Err(vm.type_error("an integer is required")),
    }
}

/// `PyFloat_AsDouble`: floats, ints, objects with `__float__` or `__index__`;
/// "must be real number, not str" otherwise.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = real_operand(vm, v)? {
        return Ok(f);
    }
    if let Some(r) = call_special(vm, v, "__float__")? {
        return float_val(r).ok_or_else(|| {
            vm.type_error(format!("{}.__float__ returned non-float (type {})", vm.type_tp_name(v), vm.type_tp_name(r)))
        });
    }
    if let Some(r) = call_special(vm, v, "__index__")? {
        if int::int_ref(&r).is_none() {
            return Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_tp_name(r))));
        }
        return int_to_f64(vm, r);
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_tp_name(v))))
}

/// `float(x)` for one argument.
pub fn float_from_object(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if let Some(f) = x.as_float() {
        return Ok(f);
    }
    if let Some(i) = x.as_small_int() {
        return Ok(i as f64);
    }
    if let Some(b) = x.as_bool() {
        return Ok(b as i64 as f64);
    }
    if let Some(r) = call_special(vm, x, "__float__")? {
        return float_val(r).ok_or_else(|| {
            vm.type_error(format!("{}.__float__ returned non-float (type {})", vm.type_tp_name(x), vm.type_tp_name(r)))
        });
    }
    if let Some(r) = call_special(vm, x, "__index__")? {
        if int::int_ref(&r).is_none() {
            return Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_tp_name(r))));
        }
        return int_to_f64(vm, r);
    }
    let text: Option<String> = match x.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => Some(s.as_str().to_owned()),
        Some(Payload::Bytes(b)) => Some(String::from_utf8_lossy(b).into_owned()),
        Some(Payload::ByteArray(b)) => Some(String::from_utf8_lossy(&b.borrow()).into_owned()),
        _ => None,
    };
    match text {
        Some(t) => match num_parse::parse_float(&t) {
            Some(f) if t.is_ascii() || x.as_pystr().is_some() => Ok(f),
            _ => {
                let r = vm.repr_string(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        },
        None => Err(
            vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_tp_name(x)))
        ),
    }
}

/// `int(x)` of a float: truncation, with CPython's errors for inf and nan.
pub fn f64_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.2e18 {
        return Ok(vm.new_int(x as i64));
    }
    Ok(vm.new_bigint(num_conv::f64_trunc_to_bigint(x)))
}

// ----- arithmetic -----

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// Python's `x % y` for floats (y != 0): the result has the sign of `y`.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// Python's `divmod(x, y)` for floats (y != 0).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `OverflowError(34, 'Numerical result out of range')`: CPython reports libm's ERANGE
/// with the errno tuple.
pub fn range_error(vm: &Vm) -> PyErr {
    let msg = vm.new_str("Numerical result out of range");
    PyErr(vm.new_exception(vm.exc.overflow_error, vec![vm.new_int(34), msg]))
}

/// `x ** y` for floats, CPython's special cases included. May return a complex (negative
/// base, fractional exponent).
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let a = x.abs();
        let r = if a == 1.0 {
            1.0
        } else if (y > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::float(r));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        let r = if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        };
        return Ok(Value::float(r));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return complex::complex_pow(vm, (x, 0.0), (y, 0.0)).map(|(re, im)| complex::new_complex(vm, re, im));
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Value::float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(if negate { -r } else { r }))
}

fn is_float(v: Value) -> bool {
    float_val(v).is_some()
}

/// `a op b` where at least one operand is a float and the other a float or an int;
/// `NotImplemented` otherwise (including for int/int, which `int_binop` owns).
pub fn float_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if !is_float(a) && !is_float(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow)
    {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(x), Some(y)) = (real_operand(vm, a)?, real_operand(vm, b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    float_arith(vm, op, x, y)
}

/// The arithmetic of two doubles under `op` (one of + - * / // % **).
pub fn float_arith(vm: &mut Vm, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float modulo"));
            }
            float_mod(x, y)
        }
        BinOp::Pow => return float_pow(vm, x, y),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    }))
}

/// `a op b` for any mix of ints and floats (`NotImplemented` when an operand is neither).
pub fn num_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if is_float(a) || is_float(b) {
        float_binop(vm, op, a, b)
    } else {
        int::int_binop(vm, op, a, b)
    }
}

/// `divmod(a, b)` for ints and floats (`NotImplemented` otherwise).
pub fn num_divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if !is_float(a) && !is_float(b) {
        return int::int_divmod(vm, a, b);
    }
    let (Some(x), Some(y)) = (real_operand(vm, a)?, real_operand(vm, b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if y == 0.0 {
        return Err(vm.zero_division_error("float divmod()"));
    }
    let (d, m) = float_divmod(x, y);
    Ok(vm.new_tuple(vec![Value::float(d), Value::float(m)]))
}

/// Exact comparison of any two ints/floats (`None` when either is not one, or for
/// non-ordering operators). NaN compares unequal to everything.
pub fn num_compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    if let Some(r) = int::int_compare(op, a, b) {
        return Some(r);
    }
    let ord = match (float_val(a), float_val(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        (Some(x), None) => cmp_int_float(&int::int_ref(&b)?, x).map(Ordering::reverse),
        (None, Some(y)) => cmp_int_float(&int::int_ref(&a)?, y),
        (None, None) => return None,
    };
    ordering_result(op, ord)
}

fn cmp_int_float(i: &IntRef<'_>, x: f64) -> Option<Ordering> {
    match i {
        IntRef::Small(i) => num_conv::cmp_i64_f64(*i, x),
        IntRef::Big(b) => num_conv::cmp_bigint_f64(b, x),
    }
}

/// The truth of `op` given an ordering (`None` = unordered, i.e. NaN involved).
pub fn ordering_result(op: CmpOp, ord: Option<Ordering>) -> Option<bool> {
    use Ordering::*;
    Some(match op {
        CmpOp::Lt => ord == Some(Less),
        CmpOp::Le => matches!(ord, Some(Less | Equal)),
        CmpOp::Eq => ord == Some(Equal),
        CmpOp::Ne => ord != Some(Equal),
        CmpOp::Gt => ord == Some(Greater),
        CmpOp::Ge => matches!(ord, Some(Greater | Equal)),
        _ => return None,
    })
}

/// `hash(v)` for ints, floats and complex numbers (`None` for anything else).
pub fn num_hash(v: Value) -> Option<i64> {
    if let Some(h) = int::int_hash(v) {
        return Some(h);
    }
    if let Some(f) = float_val(v) {
        return Some(num_conv::hash_f64(f));
    }
    complex::complex_val(v).map(|(re, im)| num_conv::hash_complex(re, im))
}

// ----- the float class -----

fn self_f(args: &[Value]) -> f64 {
    args.first().and_then(|&v| float_val(v)).unwrap_or(0.0)
}

fn check_self(_vm: &Vm, v: Value) -> bool {
    is_float(v)
}

macro_rules! binary_dunders {
    ($( $f:ident $rf:ident $name:literal $rname:literal $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "float", $name, args, kw, 1, check_self)?;
                float_binop(vm, $op, a[0], a[1])
            }
            fn $rf(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "float", $rname, args, kw, 1, check_self)?;
                float_binop(vm, $op, a[1], a[0])
            }
        )*
        const BINARY: &[(&str, NativeFn, &str, NativeFn)] = &[ $( ($name, $f, $rname, $rf), )* ];
    };
}

binary_dunders! {
    add radd "__add__" "__radd__" BinOp::Add;
    sub rsub "__sub__" "__rsub__" BinOp::Sub;
    mul rmul "__mul__" "__rmul__" BinOp::Mul;
    truediv rtruediv "__truediv__" "__rtruediv__" BinOp::TrueDiv;
    floordiv rfloordiv "__floordiv__" "__rfloordiv__" BinOp::FloorDiv;
    mod_ rmod "__mod__" "__rmod__" BinOp::Mod;
}

fn pow_args<'a>(vm: &Vm, name: &str, args: &'a [Value], kw: &[(Value, Value)]) -> PyResult<&'a [Value]> {
    let a = int::ternary_slot_args(vm, "float", name, args, kw, check_self)?;
    if a.len() == 3 && !a[2].is_none() {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Ok(a)
}

fn pow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pow_args(vm, "__pow__", args, kw)?;
    float_binop(vm, BinOp::Pow, a[0], a[1])
}

fn rpow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pow_args(vm, "__rpow__", args, kw)?;
    float_binop(vm, BinOp::Pow, a[1], a[0])
}

fn divmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = slot_args(vm, "float", "__divmod__", args, kw, 1, check_self)?;
    num_divmod(vm, a[0], a[1])
}

fn rdivmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = slot_args(vm, "float", "__rdivmod__", args, kw, 1, check_self)?;
    num_divmod(vm, a[1], a[0])
}

fn richcmp(vm: &Vm, op: CmpOp, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = slot_args(vm, "float", name, args, kw, 1, check_self)?;
    Ok(match num_compare(op, a[0], a[1]) {
        Some(r) => Value::bool(r),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn eq(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    richcmp(vm, CmpOp::Eq, "__eq__", args, kw)
}
fn ne(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    richcmp(vm, CmpOp::Ne, "__ne__", args, kw)
}
fn lt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    richcmp(vm, CmpOp::Lt, "__lt__", args, kw)
}
fn le(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    richcmp(vm, CmpOp::Le, "__le__", args, kw)
}
fn gt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    richcmp(vm, CmpOp::Gt, "__gt__", args, kw)
}
fn ge(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    richcmp(vm, CmpOp::Ge, "__ge__", args, kw)
}

macro_rules! unary_dunders {
    ($( $f:ident $name:literal |$vm:ident, $x:ident| $body:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                slot_args(vm, "float", $name, args, kw, 0, check_self)?;
                let $x = self_f(args);
                let $vm = vm;
                $body
            }
        )*
        const UNARY: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}

unary_dunders! {
    neg "__neg__" |_vm, x| Ok(Value::float(-x));
    pos "__pos__" |_vm, x| Ok(Value::float(x));
    abs "__abs__" |_vm, x| Ok(Value::float(x.abs()));
    bool_ "__bool__" |_vm, x| Ok(Value::bool(x != 0.0));
    float_ "__float__" |_vm, x| Ok(Value::float(x));
    int_ "__int__" |vm, x| f64_to_int(vm, x);
    repr "__repr__" |vm, x| Ok(vm.new_string(float_repr(x)));
    hash "__hash__" |vm, x| Ok(vm.new_int(num_conv::hash_f64(x)));
}

fn method_self(vm: &Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<f64> {
    int::method_args(vm, "float", name, args, kw, 0, check_self)?;
    Ok(self_f(args))
}

fn trunc(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "__trunc__", args, kw)?;
    f64_to_int(vm, x)
}

fn floor(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "__floor__", args, kw)?;
    f64_to_int(vm, x.floor())
}

fn ceil(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "__ceil__", args, kw)?;
    f64_to_int(vm, x.ceil())
}

fn round(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("float.__round__() takes no keyword arguments"));
    }
    int::method_args(vm, "float", "__round__", &args[..args.len().min(1)], kw, 0, check_self)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.len() - 1)));
    }
    let x = self_f(args);
    match args.get(1) {
        None | Some(&Value::NONE) => f64_to_int(vm, x.round_ties_even()),
        Some(&nd) => {
            let nd = int::index_value(vm, nd)?;
            // CPython clamps ndigits to the ssize_t range.
            let nd = nd.to_i64().unwrap_or(if nd.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX });
            match num_conv::round_f64_digits(x, nd) {
                Some(r) => Ok(Value::float(r)),
                None => Err(vm.overflow_error("rounded value too large to represent")),
            }
        }
    }
}

fn getnewargs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "__getnewargs__", args, kw)?;
    Ok(vm.new_tuple(vec![Value::float(x)]))
}

fn is_integer(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "is_integer", args, kw)?;
    Ok(Value::bool(x.is_finite() && x == x.trunc()))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "as_integer_ratio", args, kw)?;
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (n, d) = num_conv::f64_as_ratio(x);
    let items = vec![vm.new_bigint(n), vm.new_bigint(d)];
    Ok(vm.new_tuple(items))
}

fn hex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "hex", args, kw)?;
    Ok(vm.new_string(float_hex(x)))
}

fn conjugate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = method_self(vm, "conjugate", args, kw)?;
    Ok(Value::float(x))
}

fn real(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::float(self_f(args)))
}

fn imag(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::float(0.0))
}

/// `float.__format__(spec)`: an empty spec means `str(self)`.
fn format(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let spec = int::format_spec_arg(vm, "float", args, kw, check_self)?;
    if spec.is_empty() {
        return vm.str(args[0]);
    }
    let tyname = vm.type_name(args[0]);
    let s = crate::types::format::format_float_named(vm, self_f(args), &spec, &tyname)?;
    Ok(vm.new_string(s))
}

/// `float.fromhex(s)` (a classmethod: subclasses get `cls(result)`).
fn fromhex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("float.fromhex", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let cls = args[0];
    let Some(s) = args[1].as_rstr() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = match num_parse::parse_hex_float(s) {
        None => return Err(vm.value_error("invalid hexadecimal floating-point string")),
        Some(num_parse::HexFloat::Special(x)) => x,
        Some(num_parse::HexFloat::Finite { neg, mantissa, exp }) => {
            let mag = if mantissa.is_zero() {
                Some(0.0)
            } else {
                let bits = mantissa.bits();
                if bits > 64 {
                    let shift = bits - 64;
                    let m = (&mantissa >> shift).to_u64().unwrap_or(u64::MAX);
                    let sticky = mantissa.trailing_zeros().is_some_and(|tz| tz < shift);
                    num_conv::round_parts(m, exp + shift as i64, sticky)
                } else {
                    num_conv::round_parts(mantissa.to_u64().unwrap_or(0), exp, false)
                }
            };
            match mag {
                Some(m) => {
                    if neg {
                        -m
                    } else {
                        m
                    }
                }
                None => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
            }
        }
    };
    if cls.is(vm.types.float) {
        Ok(new_float_of_class(vm, cls, x))
    } else {
        vm.call(cls, &[Value::float(x)], &[])
    }
}

/// `float.__new__(cls, x=0.0)`.
fn float_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("float.__new__(): not enough arguments"));
    };
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!("float.__new__(X): X is not a type object ({})", vm.type_tp_name(cls))));
    }
    if !vm.is_subclass(cls, vm.types.float) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("float.__new__({n}): {n} is not a subtype of float")));
    }
    if !kw.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", args.len() - 1)));
    }
    let x = match args.get(1) {
        // float(x) of an exact float is x itself (identity matters for NaN).
        Some(&x) if x.is_float() && cls.is(vm.types.float) => return Ok(x),
        Some(&x) => float_from_object(vm, x)?,
        None => 0.0,
    };
    Ok(new_float_of_class(vm, cls, x))
}

/// A float of class `cls` (a plain inline float when `cls` is `float`).
///
/// A NaN made by the constructor is the exception: inline NaNs are all one bit pattern,
/// hence all `is`-identical, while in CPython every `float('nan')` is a distinct object —
/// and containers compare by identity first, so `float('nan') in [nan]` must be False. A
/// heap float (`Payload::Float` of class `float`) gives the new NaN its own identity;
/// every float operation accepts that form through `float_val`.
pub fn new_float_of_class(vm: &Vm, cls: Value, x: f64) -> Value {
    if cls.is(vm.types.float) && !x.is_nan() {
        Value::float(x)
    } else {
        vm.alloc(cls, Payload::Float(x))
    }
}

/// `BigInt` of an integral float (used by int/float mixed code that needs exact ints).
pub fn integral_f64_to_bigint(x: f64) -> BigInt {
    num_conv::f64_trunc_to_bigint(x)
}

pub fn init(vm: &mut Vm) {
    let cls = vm.types.float;
    vm.add_staticmethod(cls, "__new__", float_new);
    for &(name, f, rname, rf) in BINARY {
        vm.add_method(cls, name, f);
        vm.add_method(cls, rname, rf);
    }
    for &(name, f) in UNARY {
        vm.add_method(cls, name, f);
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__divmod__", divmod),
        ("__rdivmod__", rdivmod),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__trunc__", trunc),
        ("__floor__", floor),
        ("__ceil__", ceil),
        ("__round__", round),
        ("__getnewargs__", getnewargs),
        ("is_integer", is_integer),
        ("as_integer_ratio", as_integer_ratio),
        ("hex", hex),
        ("conjugate", conjugate),
        ("__format__", format),
    ];
    for &(name, f) in methods {
        vm.add_method(cls, name, f);
    }
    vm.add_classmethod(cls, "fromhex", fromhex);
    vm.add_classmethod(cls, "__getformat__", getformat);
    vm.add_getter(cls, "real", real);
    vm.add_getter(cls, "imag", imag);
}

/// `float.__getformat__(typestr)`: the storage format of C doubles and floats.
fn getformat(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 2 {
        return Err(vm.type_error(format!(
            "float.__getformat__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let Some(t) = args[1].as_rstr() else {
        return Err(vm.type_error(format!("__getformat__() argument must be str, not {}", vm.arg_type_name(args[1]))));
    };
    if t != "double" && t != "float" {
        return Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    let fmt = if cfg!(target_endian = "little") { "IEEE, little-endian" } else { "IEEE, big-endian" };
    Ok(vm.new_str(fmt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        // Expected strings from python3.11 -c "print(repr(x))".
        let table: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (0.3, "0.3"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0 / 3.0, "0.6666666666666666"),
            (100.0, "100.0"),
            (123.456, "123.456"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-5, "1.5e-05"),
            (1e-100, "1e-100"),
            (1e100, "1e+100"),
            (1e22, "1e+22"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-2.5, "-2.5"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (9007199254740993.0, "9007199254740992.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1234567.0, "1234567.0"),
            // A tie between two 17-digit candidates: CPython picks the even one.
            (-100052969090562.0 - 0.125, "-100052969090562.12"),
        ];
        for &(x, s) in table {
            assert_eq!(float_repr(x), s, "repr of {x:?}");
        }
        assert_eq!(float_repr_short(1.0), "1");
        assert_eq!(float_repr_short(-0.0), "-0");
        assert_eq!(float_repr_short(1e16), "1e+16");
    }

    #[test]
    fn hex_matches_cpython() {
        assert_eq!(float_hex(3.0), "0x1.8000000000000p+1");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(1e308), "0x1.1ccf385ebc8a0p+1023");
        assert_eq!(float_hex(-2.5), "-0x1.4000000000000p+1");
    }

    #[test]
    fn mod_and_floordiv_follow_python() {
        // (x, y, x // y, x % y) from python3.11.
        let table: &[(f64, f64, f64, f64)] = &[
            (5.0, -3.0, -2.0, -1.0),
            (-5.0, 3.0, -2.0, 1.0),
            (-7.5, 2.0, -4.0, 0.5),
            (1e300, 1e-300, f64::INFINITY, 4.891554850853602e-301),
            (-1e-300, 1e300, -1.0, 1e300),
            (3.0, f64::INFINITY, 0.0, 3.0),
            (-3.0, f64::INFINITY, -1.0, f64::INFINITY),
        ];
        for &(x, y, d, m) in table {
            assert_eq!(float_divmod(x, y), (d, m), "divmod({x}, {y})");
            assert_eq!(float_mod(x, y), m);
        }
        assert!(float_mod(-0.0, 3.0).is_sign_positive());
        assert!(float_mod(0.0, -3.0).is_sign_negative());
        assert!(float_divmod(f64::INFINITY, 3.0).0.is_nan());
    }
}
