//! The `math` module.
//!
//! Errors follow CPython's convention: a function of finite arguments that produces a NaN
//! is a domain error (`ValueError: math domain error`), one that produces an infinity is a
//! range error (`OverflowError: math range error`) when the function can overflow and a
//! domain error otherwise (`log(0)`). Where CPython computes a function itself instead of
//! calling the C library (`gamma`, `lgamma`, `fsum`, `hypot`, `remainder`, the logarithms of
//! huge ints), Krait uses the same algorithms so that results agree to the last bit.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::cfg::BinOp;
use crate::types::float::float_val;
use crate::types::int::{call_special, index_value, int_ref, is_int, IntRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{nargs, new_module, set};

/// Why a computation failed, as C's `errno` would say.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MathErr {
    Domain,
    Range,
}

type MResult = Result<f64, MathErr>;

fn raise(vm: &Vm, e: MathErr) -> PyErr {
    match e {
        MathErr::Domain => vm.value_error("math domain error"),
        MathErr::Range => vm.overflow_error("math range error"),
    }
}

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn ldexp(x: f64, exp: libc::c_int) -> f64;
}

/// `cbrt` of the C library. Rust's compiler-builtins carries a `cbrt` of its own that the
/// linker prefers; CPython shows glibc's rounding (`cbrt(27.0)` is 3.0000000000000004),
/// so the library's symbol is looked up at run time.
fn c_cbrt(x: f64) -> f64 {
    static F: std::sync::OnceLock<Option<extern "C" fn(f64) -> f64>> = std::sync::OnceLock::new();
    let f = F.get_or_init(|| {
        // SAFETY: dlsym with a NUL-terminated name only looks the symbol up; the binary's
        // own `cbrt` is a local symbol, so this finds the C math library's.
        let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr()) };
        if p.is_null() {
            None
        } else {
            // SAFETY: the symbol `cbrt` of the C library has this signature.
            Some(unsafe { std::mem::transmute::<*mut libc::c_void, extern "C" fn(f64) -> f64>(p) })
        }
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

fn c_erf(x: f64) -> f64 {
    // SAFETY: `erf` from the C math library is a pure function of its argument.
    unsafe { erf(x) }
}

fn c_erfc(x: f64) -> f64 {
    // SAFETY: as above, a pure function.
    unsafe { erfc(x) }
}

/// `ldexp(x, e)` with correct rounding into the subnormal range.
pub fn c_ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: `ldexp` is a pure function of its arguments.
    unsafe { ldexp(x, e) }
}

/// `frexp(x)`: mantissa in [0.5, 1) and exponent; zero and non-finite values unchanged.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2^54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7FF << 52)) | (1022 << 52));
    (m, exp - 1022)
}

// ----- argument conversion -----

fn arg_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    vm.to_f64(v)
}

/// Applies a one-argument function with CPython's `math_1` error rules.
fn math_1(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &str,
    f: fn(f64) -> MResult,
    can_overflow: bool,
) -> PyResult<Value> {
    nargs(vm, name, args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let r = match f(x) {
        Ok(r) => r,
        Err(e) => return Err(raise(vm, e)),
    };
    if r.is_nan() && !x.is_nan() {
        return Err(raise(vm, MathErr::Domain));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(raise(vm, if can_overflow { MathErr::Range } else { MathErr::Domain }));
    }
    Ok(Value::float(r))
}

macro_rules! func1 {
    ($name:ident, $pyname:literal, $f:expr, $over:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            math_1(vm, args, kw, $pyname, $f, $over)
        }
    };
}

func1!(m_acos, "acos", |x| Ok(x.acos()), false);
func1!(m_acosh, "acosh", |x| Ok(x.acosh()), false);
func1!(m_asin, "asin", |x| Ok(x.asin()), false);
func1!(m_asinh, "asinh", |x| Ok(x.asinh()), false);
func1!(m_atan, "atan", |x| Ok(x.atan()), false);
func1!(m_atanh, "atanh", |x| Ok(x.atanh()), false);
func1!(m_cbrt, "cbrt", |x| Ok(c_cbrt(x)), false);
func1!(m_cos, "cos", |x| Ok(x.cos()), false);
func1!(m_cosh, "cosh", |x| Ok(x.cosh()), true);
func1!(m_erf, "erf", |x| Ok(c_erf(x)), false);
func1!(m_erfc, "erfc", |x| Ok(c_erfc(x)), false);
func1!(m_exp, "exp", |x| Ok(x.exp()), true);
func1!(m_exp2, "exp2", |x| Ok(x.exp2()), true);
func1!(m_expm1, "expm1", |x| Ok(x.exp_m1()), true);
func1!(m_fabs, "fabs", |x| Ok(x.abs()), false);
func1!(m_sin, "sin", |x| Ok(x.sin()), false);
func1!(m_sinh, "sinh", |x| Ok(x.sinh()), true);
func1!(m_sqrt, "sqrt", |x| Ok(x.sqrt()), false);
func1!(m_tan, "tan", |x| Ok(x.tan()), false);
func1!(m_tanh, "tanh", |x| Ok(x.tanh()), false);
func1!(m_gamma, "gamma", tgamma, false);
func1!(m_lgamma, "lgamma", lgamma, false);
func1!(m_log1p, "log1p", log1p, false);

fn log1p(x: f64) -> MResult {
    if x == -1.0 {
        return Err(MathErr::Domain);
    }
    Ok(x.ln_1p())
}

fn m_degrees(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "degrees", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "radians", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isfinite", args, kw, 1, 1)?;
    Ok(Value::bool(arg_f64(vm, args[0])?.is_finite()))
}

fn m_isinf(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isinf", args, kw, 1, 1)?;
    Ok(Value::bool(arg_f64(vm, args[0])?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isnan", args, kw, 1, 1)?;
    Ok(Value::bool(arg_f64(vm, args[0])?.is_nan()))
}

// ----- gamma and lgamma (Lanczos approximation, as CPython computes them) -----

const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, accurate for large x.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i64;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> MResult {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            let mut r = 1.0;
            let mut i = 2.0;
            while i < x {
                r *= i;
                i += 1.0;
            }
            return Ok(r);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(MathErr::Range) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(MathErr::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn lgamma(x: f64) -> MResult {
    if !x.is_finite() {
        if x.is_nan() {
            return Ok(x);
        }
        return Ok(f64::INFINITY);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        #[allow(clippy::excessive_precision)]
        const LOGPI: f64 = 1.144729885849400174143427351353058711647;
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

// ----- two-argument functions -----

fn two_floats(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<(f64, f64)> {
    nargs(vm, name, args, kw, 2, 2)?;
    let x = arg_f64(vm, args[0])?;
    let y = arg_f64(vm, args[1])?;
    Ok((x, y))
}

/// CPython's `math_2` error rules.
fn math_2_result(vm: &Vm, x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(raise(vm, MathErr::Domain));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(raise(vm, MathErr::Range));
    }
    Ok(Value::float(r))
}

fn m_atan2(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (y, x) = two_floats(vm, "atan2", args, kw)?;
    math_2_result(vm, y, x, y.atan2(x))
}

fn m_copysign(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "copysign", args, kw)?;
    Ok(Value::float(x.copysign(y)))
}

fn m_fmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "fmod", args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    math_2_result(vm, x, y, x % y)
}

fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: pick the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_remainder(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "remainder", args, kw)?;
    math_2_result(vm, x, y, remainder(x, y))
}

fn m_pow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "pow", args, kw)?;
    let r;
    let mut err = None;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
    } else {
        r = x.powf(y);
        if !r.is_finite() {
            if r.is_nan() || x == 0.0 {
                err = Some(MathErr::Domain);
            } else {
                err = Some(MathErr::Range);
            }
        }
    }
    match err {
        Some(e) => Err(raise(vm, e)),
        None => Ok(Value::float(r)),
    }
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "ldexp", args, kw, 2, 2)?;
    let x = arg_f64(vm, args[0])?;
    let Some(i) = int_ref(&args[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let e: i64 = match i {
        IntRef::Small(i) => i,
        IntRef::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    if e > i32::MAX as i64 {
        return Err(raise(vm, MathErr::Range));
    }
    if e < i32::MIN as i64 {
        return Ok(Value::float(0.0f64.copysign(x)));
    }
    let r = c_ldexp(x, e as i32);
    if r.is_infinite() {
        return Err(raise(vm, MathErr::Range));
    }
    Ok(Value::float(r))
}

fn m_frexp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "frexp", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let (m, e) = frexp(x);
    let e = vm.new_int(e as i64);
    Ok(vm.new_tuple(vec![Value::float(m), e]))
}

fn m_modf(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "modf", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(vm.new_tuple(vec![Value::float(frac), Value::float(int)]))
}

fn m_nextafter(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "nextafter", args, kw)?;
    Ok(Value::float(nextafter(x, y)))
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x < y {
        x.next_up()
    } else {
        x.next_down()
    }
}

fn m_ulp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "ulp", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let x2 = x.next_up();
    if x2.is_infinite() {
        // x is the largest finite float: the gap below it.
        return Ok(Value::float(x - x.next_down()));
    }
    Ok(Value::float(x2 - x))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", args.len())));
    }
    let [a, b, rel, abs] = vm.bind_args("isclose", args, kw, ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let a = arg_f64(vm, a)?;
    let b = arg_f64(vm, b)?;
    let rel_tol = if rel.is_null() { 1e-9 } else { arg_f64(vm, rel)? };
    let abs_tol = if abs.is_null() { 0.0 } else { arg_f64(vm, abs)? };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

// ----- rounding through the dunders -----

fn m_floor(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "floor", args, kw, 1, 1)?;
    round_with(vm, args[0], "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "ceil", args, kw, 1, 1)?;
    round_with(vm, args[0], "__ceil__", f64::ceil)
}

fn round_with(vm: &mut Vm, x: Value, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if let Some(v) = x.as_float() {
        return crate::types::float::f64_to_int(vm, f(v));
    }
    if is_int(x) {
        return Ok(crate::types::int::exact_int(vm, x));
    }
    if let Some(r) = call_special(vm, x, dunder)? {
        return Ok(r);
    }
    let v = vm.to_f64(x)?;
    crate::types::float::f64_to_int(vm, f(v))
}

fn m_trunc(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "trunc", args, kw, 1, 1)?;
    let x = args[0];
    if let Some(v) = x.as_float() {
        return crate::types::float::f64_to_int(vm, v.trunc());
    }
    match call_special(vm, x, "__trunc__")? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("type {} doesn't define __trunc__ method", vm.type_tp_name(x)))),
    }
}

// ----- logarithms -----

/// The logarithm (by `f`) of a number, working on ints too large for a float.
fn loghelper(vm: &mut Vm, x: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int_ref(&x) {
        let big = match i {
            IntRef::Small(i) => {
                if i <= 0 {
                    return Err(raise(vm, MathErr::Domain));
                }
                return Ok(f(i as f64));
            }
            IntRef::Big(b) => b,
        };
        if !big.is_positive() {
            return Err(raise(vm, MathErr::Domain));
        }
        if let Some(v) = crate::types::num_conv::bigint_to_f64(big).filter(|v| v.is_finite()) {
            return Ok(f(v));
        }
        // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e * log(2).
        let bits = big.bits();
        let shift = bits - 64;
        let top: BigInt = big >> shift;
        let mut top = top.to_u64().unwrap_or(u64::MAX);
        let low_nonzero = big.trailing_zeros().is_some_and(|tz| tz < shift);
        if low_nonzero {
            top |= 1;
        }
        let m = top as f64 / 18446744073709551616.0;
        return Ok(f(m) + f(2.0) * bits as f64);
    }
    let v = arg_f64(vm, x)?;
    log_checked(vm, v, f)
}

fn log_checked(vm: &Vm, x: f64, f: fn(f64) -> f64) -> PyResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if x.is_infinite() {
        if x > 0.0 {
            return Ok(x);
        }
        return Err(raise(vm, MathErr::Domain));
    }
    if x > 0.0 {
        return Ok(f(x));
    }
    Err(raise(vm, MathErr::Domain))
}

fn m_log(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "log", args, kw, 1, 2)?;
    let num = loghelper(vm, args[0], f64::ln)?;
    if let Some(&base) = args.get(1) {
        let den = loghelper(vm, base, f64::ln)?;
        if den == 0.0 {
            return Err(vm.zero_division_error("float division by zero"));
        }
        return Ok(Value::float(num / den));
    }
    Ok(Value::float(num))
}

fn m_log2(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "log2", args, kw, 1, 1)?;
    Ok(Value::float(loghelper(vm, args[0], f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "log10", args, kw, 1, 1)?;
    Ok(Value::float(loghelper(vm, args[0], f64::log10)?))
}

// ----- sums, products and norms -----

fn m_fsum(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "fsum", args, kw, 1, 1)?;
    let it = vm.iter(args[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = vm.next(it)? {
        let mut x = arg_f64(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either a summand was inf/nan or an intermediate sum overflowed.
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across the remaining partials.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let [iterable, start] = vm.bind_args("prod", args, kw, ["iterable", "start"], 1)?;
    let mut acc = if start.is_null() { Value::small_int(1).unwrap_or(Value::NONE) } else { start };
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(it)? {
        acc = vm.binary_op(BinOp::Mul, acc, x)?;
    }
    Ok(acc)
}

/// Splits a float into two halves whose products are exact (Veltkamp).
fn dl_split(x: f64) -> (f64, f64) {
    let t = x * 134217729.0;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// `x * y` as an unevaluated sum hi + lo (Dekker).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let (xh, xl) = dl_split(x);
    let (yh, yl) = dl_split(y);
    let p = xh * yh;
    let q = xh * yl + xl * yh;
    let z = p + q;
    let zz = p - z + q + xl * yl;
    (z, zz)
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, b - z)
}

/// The Euclidean norm of `v` (absolute values; `max` their maximum), accurate to within
/// an ulp: scaled so that squares and their sum are exact, then corrected.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = c_ldexp(1.0, -max_e);
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    let mut frac2 = 0.0;
    for &x in v.iter() {
        let x = x * scale;
        let (phi, plo) = dl_mul(x, x);
        let (shi, slo) = dl_fast_sum(csum, phi);
        csum = shi;
        frac1 += plo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (phi, plo) = dl_mul(-h, h);
    let (shi, slo) = dl_fast_sum(csum, phi);
    csum = shi;
    frac1 += plo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn m_hypot(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("hypot", kw)?;
    let mut v = Vec::with_capacity(args.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &a in args {
        let x = arg_f64(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::float(vector_norm(&mut v, max, found_nan)))
}

fn m_dist(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "dist", args, kw, 2, 2)?;
    let mut pts = Vec::new();
    for (i, &p) in args.iter().enumerate() {
        let items = match p.as_tuple() {
            Some(t) => t.to_vec(),
            None => {
                if vm.iter(p).is_err() {
                    return Err(vm.type_error(format!(
                        "dist() argument {} must be tuple, not {}",
                        i + 1,
                        vm.arg_type_name(p)
                    )));
                }
                vm.collect(p)?
            }
        };
        pts.push(items);
    }
    if pts[0].len() != pts[1].len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(pts[0].len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (a, b) in pts[0].clone().into_iter().zip(pts[1].clone()) {
        let x = arg_f64(vm, a)?;
        let y = arg_f64(vm, b)?;
        let d = (x - y).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        v.push(d);
    }
    Ok(Value::float(vector_norm(&mut v, max, found_nan)))
}

// ----- integer functions -----

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    index_value(vm, v)
}

fn m_gcd(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("gcd", kw)?;
    let mut g = BigInt::zero();
    for &a in args {
        let x = int_arg(vm, a)?;
        g = g.gcd(&x);
    }
    Ok(vm.new_bigint(g))
}

fn m_lcm(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("lcm", kw)?;
    let mut l = BigInt::one();
    for &a in args {
        let x = int_arg(vm, a)?;
        if l.is_zero() || x.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(vm.new_bigint(l.abs()))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isqrt", args, kw, 1, 1)?;
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

/// The product of the integers in [lo, hi), split in halves so the operands stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut r = BigInt::one();
        let mut acc: u128 = 1;
        for i in lo..hi {
            match acc.checked_mul(i as u128) {
                Some(a) if a < (1u128 << 100) => acc = a,
                _ => {
                    r *= acc;
                    acc = i as u128;
                }
            }
        }
        return r * acc;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn m_factorial(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "factorial", args, kw, 1, 1)?;
    let x = args[0];
    if x.is_float() || float_val(x).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, x)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(vm.new_bigint(range_product(1, n as u64 + 1)))
}

fn nonneg(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    let x = int_arg(vm, v)?;
    if x.is_negative() {
        return Err(vm.value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(x)
}

fn m_perm(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "perm", args, kw, 1, 2)?;
    let n = nonneg(vm, args[0], "n")?;
    let k = match args.get(1).copied().filter(|v| !v.is_none()) {
        None => n.clone(),
        Some(v) => nonneg(vm, v, "k")?,
    };
    if k > n {
        return Ok(vm.new_int(0));
    }
    let Some(ku) = k.to_u64() else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    let mut r = BigInt::one();
    let mut f = n.clone();
    for _ in 0..ku {
        r *= &f;
        f -= 1;
    }
    Ok(vm.new_bigint(r))
}

fn m_comb(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "comb", args, kw, 2, 2)?;
    let n = nonneg(vm, args[0], "n")?;
    let k = nonneg(vm, args[1], "k")?;
    if k > n {
        return Ok(vm.new_int(0));
    }
    let nk = &n - &k;
    let k = if nk < k { nk } else { k };
    let Some(ku) = k.to_u64() else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let mut r = BigInt::one();
    for i in 0..ku {
        r *= &n - BigInt::from(i);
        r /= BigInt::from(i + 1);
    }
    Ok(vm.new_bigint(r))
}

// ----- the module -----

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "math",
        &[
            ("acos", m_acos),
            ("acosh", m_acosh),
            ("asin", m_asin),
            ("asinh", m_asinh),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("ceil", m_ceil),
            ("comb", m_comb),
            ("copysign", m_copysign),
            ("cos", m_cos),
            ("cosh", m_cosh),
            ("degrees", m_degrees),
            ("dist", m_dist),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("fabs", m_fabs),
            ("factorial", m_factorial),
            ("floor", m_floor),
            ("fmod", m_fmod),
            ("frexp", m_frexp),
            ("fsum", m_fsum),
            ("gamma", m_gamma),
            ("gcd", m_gcd),
            ("hypot", m_hypot),
            ("isclose", m_isclose),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isqrt", m_isqrt),
            ("lcm", m_lcm),
            ("ldexp", m_ldexp),
            ("lgamma", m_lgamma),
            ("log", m_log),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("log2", m_log2),
            ("modf", m_modf),
            ("nextafter", m_nextafter),
            ("perm", m_perm),
            ("pow", m_pow),
            ("prod", m_prod),
            ("radians", m_radians),
            ("remainder", m_remainder),
            ("sin", m_sin),
            ("sinh", m_sinh),
            ("sqrt", m_sqrt),
            ("tan", m_tan),
            ("tanh", m_tanh),
            ("trunc", m_trunc),
            ("ulp", m_ulp),
        ],
    );
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        set(vm, m, name, Value::float(v));
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_matches_c() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(1.0), (0.5, 1));
        assert_eq!(frexp(-3.0), (-0.75, 2));
        assert_eq!(frexp(5e-324), (0.5, -1073));
    }

    #[test]
    fn gamma_of_integers_is_factorial() {
        assert_eq!(tgamma(5.0), Ok(24.0));
        assert_eq!(tgamma(-1.0), Err(MathErr::Domain));
        assert_eq!(lgamma(1.0), Ok(0.0));
    }

    #[test]
    fn remainder_rounds_half_to_even() {
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(7.0, 2.0), -1.0);
        assert_eq!(remainder(-7.0, 2.0), 1.0);
    }
}
