//! The `cmath` module: complex versions of the `math` functions.
//!
//! The formulas are the numerically careful ones CPython uses (Kahan's branch cuts,
//! rescaling of huge and tiny arguments), so finite arguments give CPython's results.
//! CPython handles infinite and NaN parts with per-function tables of special values;
//! those are not reproduced yet, and such arguments raise NotImplementedError (except in
//! the classification functions, `phase`, `polar` and `isclose`, which need no table).

use crate::types::complex::{c_quot, complex_val, new_complex};
use crate::types::int::call_special;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::math::c_ldexp;
use super::{nargs, new_module, set};

type C = (f64, f64);

const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const LARGE: f64 = f64::MAX / 4.0;

fn large_log() -> f64 {
    LARGE.ln()
}

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Err {
    Domain,
    Range,
}

fn raise(vm: &Vm, e: Err) -> crate::vm::PyErr {
    match e {
        Err::Domain => vm.value_error("math domain error"),
        Err::Range => vm.overflow_error("math range error"),
    }
}

/// A complex argument: complex, anything with `__complex__`, or a real number.
fn arg_c(vm: &mut Vm, v: Value) -> PyResult<C> {
    if let Some(c) = complex_val(v) {
        return Ok(c);
    }
    if v.is_obj() && !crate::types::int::is_int(v) && crate::types::float::float_val(v).is_none() {
        if let Some(r) = call_special(vm, v, "__complex__")? {
            return match complex_val(r) {
                Some(c) => Ok(c),
                None => Err(vm.type_error(format!("__complex__ returned non-complex (type {})", vm.type_tp_name(r)))),
            };
        }
    }
    match vm.to_f64(v) {
        Ok(x) => Ok((x, 0.0)),
        Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
            Err(vm.type_error(format!("must be real number, not {}", vm.type_tp_name(v))))
        }
        Err(e) => Err(e),
    }
}

fn finite(z: C) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn c_sqrt(z: C) -> C {
    let (re, im) = z;
    if re == 0.0 && im == 0.0 {
        return (0.0, im);
    }
    let (mut ax, ay) = (re.abs(), im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = c_ldexp(ax, 53);
        c_ldexp((ax + ax.hypot(c_ldexp(ay, 53))).sqrt(), -27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if re >= 0.0 {
        (s, d.copysign(im))
    } else {
        (d, s.copysign(im))
    }
}

fn c_exp(z: C) -> Result<C, Err> {
    let (re, im) = z;
    let r = if re > large_log() {
        let l = (re - 1.0).exp();
        (l * im.cos() * std::f64::consts::E, l * im.sin() * std::f64::consts::E)
    } else {
        let l = re.exp();
        (l * im.cos(), l * im.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(Err::Range);
    }
    Ok(r)
}

fn c_log(z: C) -> Result<C, Err> {
    let (re, im) = z;
    let (ax, ay) = (re.abs(), im.abs());
    let real = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            c_ldexp(ax, 53).hypot(c_ldexp(ay, 53)).ln() - 53.0 * LN2
        } else {
            return Err(Err::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((real, im.atan2(re)))
}

fn c_asinh(z: C) -> C {
    let (re, im) = z;
    if re.abs() > LARGE || im.abs() > LARGE {
        let real = if im >= 0.0 {
            ((re / 2.0).hypot(im / 2.0).ln() + LN2 * 2.0).copysign(re)
        } else {
            -((re / 2.0).hypot(im / 2.0).ln() + LN2 * 2.0).copysign(-re)
        };
        return (real, im.atan2(re.abs()));
    }
    let s1 = c_sqrt((1.0 + im, -re));
    let s2 = c_sqrt((1.0 - im, re));
    ((s1.0 * s2.1 - s2.0 * s1.1).asinh(), im.atan2(s1.0 * s2.0 - s1.1 * s2.1))
}

fn c_asin(z: C) -> C {
    let s = c_asinh((-z.1, z.0));
    (s.1, -s.0)
}

fn c_acos(z: C) -> C {
    let (re, im) = z;
    if re.abs() > LARGE || im.abs() > LARGE {
        let real = im.abs().atan2(re);
        let l = (re / 2.0).hypot(im / 2.0).ln() + LN2 * 2.0;
        let imag = if re < 0.0 { -l.copysign(im) } else { l.copysign(-im) };
        return (real, imag);
    }
    let s1 = c_sqrt((1.0 - re, -im));
    let s2 = c_sqrt((1.0 + re, im));
    (2.0 * s1.0.atan2(s2.0), (s2.0 * s1.1 - s2.1 * s1.0).asinh())
}

fn c_acosh(z: C) -> C {
    let (re, im) = z;
    if re.abs() > LARGE || im.abs() > LARGE {
        return ((re / 2.0).hypot(im / 2.0).ln() + LN2 * 2.0, im.atan2(re));
    }
    let s1 = c_sqrt((re - 1.0, im));
    let s2 = c_sqrt((re + 1.0, im));
    ((s1.0 * s2.0 + s1.1 * s2.1).asinh(), 2.0 * s1.1.atan2(s2.0))
}

fn c_atanh(z: C) -> Result<C, Err> {
    let (re, im) = z;
    if re < 0.0 {
        let r = c_atanh((-re, -im))?;
        return Ok((-r.0, -r.1));
    }
    let ay = im.abs();
    if re > sqrt_large() || ay > sqrt_large() {
        let h = (re / 2.0).hypot(im / 2.0);
        return Ok((re / 4.0 / h / h, -(std::f64::consts::FRAC_PI_2).copysign(-im)));
    }
    if re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(Err::Domain);
        }
        return Ok((-(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), (2.0f64.atan2(-ay) / 2.0).copysign(im)));
    }
    Ok((
        (4.0 * re / ((1.0 - re) * (1.0 - re) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * im).atan2((1.0 - re) * (1.0 + re) - ay * ay) / 2.0,
    ))
}

fn c_atan(z: C) -> Result<C, Err> {
    let s = c_atanh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_cosh(z: C) -> Result<C, Err> {
    let (re, im) = z;
    let r = if re.abs() > large_log() {
        let x = re - 1.0f64.copysign(re);
        (im.cos() * x.cosh() * std::f64::consts::E, im.sin() * x.sinh() * std::f64::consts::E)
    } else {
        (im.cos() * re.cosh(), im.sin() * re.sinh())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(Err::Range);
    }
    Ok(r)
}

fn c_sinh(z: C) -> Result<C, Err> {
    let (re, im) = z;
    let r = if re.abs() > large_log() {
        let x = re - 1.0f64.copysign(re);
        (im.cos() * x.sinh() * std::f64::consts::E, im.sin() * x.cosh() * std::f64::consts::E)
    } else {
        (im.cos() * re.sinh(), im.sin() * re.cosh())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(Err::Range);
    }
    Ok(r)
}

fn c_tanh(z: C) -> C {
    let (re, im) = z;
    if re.abs() > large_log() {
        return (1.0f64.copysign(re), 4.0 * im.sin() * im.cos() * (-2.0 * re.abs()).exp());
    }
    let tx = re.tanh();
    let ty = im.tan();
    let cx = 1.0 / re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}

fn c_cos(z: C) -> Result<C, Err> {
    c_cosh((-z.1, z.0))
}

fn c_sin(z: C) -> Result<C, Err> {
    let s = c_sinh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_tan(z: C) -> C {
    let s = c_tanh((-z.1, z.0));
    (s.1, -s.0)
}

fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<C> {
    nargs(vm, name, args, kw, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    if !finite(z) {
        return Err(vm.not_implemented_error(format!("cmath.{name}() of infinite or NaN values is not supported yet")));
    }
    Ok(z)
}

fn done(vm: &Vm, r: Result<C, Err>) -> PyResult<Value> {
    match r {
        Ok((re, im)) => Ok(new_complex(vm, re, im)),
        Err(e) => Err(raise(vm, e)),
    }
}

macro_rules! cfunc {
    ($name:ident, $py:literal, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let z = one_arg(vm, $py, args, kw)?;
            let f: fn(C) -> Result<C, Err> = $f;
            done(vm, f(z))
        }
    };
}

cfunc!(m_sqrt, "sqrt", |z| Ok(c_sqrt(z)));
cfunc!(m_exp, "exp", c_exp);
cfunc!(m_asinh, "asinh", |z| Ok(c_asinh(z)));
cfunc!(m_asin, "asin", |z| Ok(c_asin(z)));
cfunc!(m_acos, "acos", |z| Ok(c_acos(z)));
cfunc!(m_acosh, "acosh", |z| Ok(c_acosh(z)));
cfunc!(m_atanh, "atanh", c_atanh);
cfunc!(m_atan, "atan", c_atan);
cfunc!(m_cosh, "cosh", c_cosh);
cfunc!(m_sinh, "sinh", c_sinh);
cfunc!(m_tanh, "tanh", |z| Ok(c_tanh(z)));
cfunc!(m_cos, "cos", c_cos);
cfunc!(m_sin, "sin", c_sin);
cfunc!(m_tan, "tan", |z| Ok(c_tan(z)));
cfunc!(m_log10, "log10", |z| c_log(z).map(|(a, b)| (a / LN10, b / LN10)));

fn m_log(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [x, base] = vm.bind_args("log", args, kw, ["x", "base"], 1)?;
    let z = arg_c(vm, x)?;
    let b = if base.is_null() { None } else { Some(arg_c(vm, base)?) };
    if !finite(z) || b.is_some_and(|b| !finite(b)) {
        return Err(vm.not_implemented_error("cmath.log() of infinite or NaN values is not supported yet"));
    }
    let mut r = c_log(z).map_err(|e| raise(vm, e))?;
    if let Some(b) = b {
        let lb = c_log(b).map_err(|e| raise(vm, e))?;
        r = match c_quot(r, lb) {
            Some(q) => q,
            None => return Err(raise(vm, Err::Domain)),
        };
    }
    Ok(new_complex(vm, r.0, r.1))
}

fn m_phase(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "phase", args, kw, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    Ok(Value::float(z.1.atan2(z.0)))
}

fn m_polar(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "polar", args, kw, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    let r = z.0.hypot(z.1);
    if r.is_infinite() && finite(z) {
        return Err(raise(vm, Err::Range));
    }
    let phi = z.1.atan2(z.0);
    Ok(vm.new_tuple(vec![Value::float(r), Value::float(phi)]))
}

fn m_rect(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "rect", args, kw, 2, 2)?;
    let r = vm.to_f64(args[0])?;
    let phi = vm.to_f64(args[1])?;
    if !r.is_finite() || !phi.is_finite() {
        if r.is_finite() && phi.is_infinite() {
            return Err(raise(vm, Err::Domain));
        }
        return Err(vm.not_implemented_error("cmath.rect() of infinite or NaN values is not supported yet"));
    }
    let z = if phi == 0.0 { (r, r * phi) } else { (r * phi.cos(), r * phi.sin()) };
    Ok(new_complex(vm, z.0, z.1))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isfinite", args, kw, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    Ok(Value::bool(finite(z)))
}

fn m_isinf(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isinf", args, kw, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    Ok(Value::bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "isnan", args, kw, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    Ok(Value::bool(z.0.is_nan() || z.1.is_nan()))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", args.len())));
    }
    let [a, b, rel, abs] = vm.bind_args("isclose", args, kw, ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let a = arg_c(vm, a)?;
    let b = arg_c(vm, b)?;
    let rel_tol = if rel.is_null() { 1e-9 } else { vm.to_f64(rel)? };
    let abs_tol = if abs.is_null() { 0.0 } else { vm.to_f64(abs)? };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b.0 - a.0).hypot(b.1 - a.1);
    let ab = b.0.hypot(b.1);
    let aa = a.0.hypot(a.1);
    Ok(Value::bool(diff <= rel_tol * ab || diff <= rel_tol * aa || diff <= abs_tol))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "cmath",
        &[
            ("acos", m_acos),
            ("acosh", m_acosh),
            ("asin", m_asin),
            ("asinh", m_asinh),
            ("atan", m_atan),
            ("atanh", m_atanh),
            ("cos", m_cos),
            ("cosh", m_cosh),
            ("exp", m_exp),
            ("isclose", m_isclose),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("log", m_log),
            ("log10", m_log10),
            ("phase", m_phase),
            ("polar", m_polar),
            ("rect", m_rect),
            ("sin", m_sin),
            ("sinh", m_sinh),
            ("sqrt", m_sqrt),
            ("tan", m_tan),
            ("tanh", m_tanh),
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
    let infj = new_complex(vm, 0.0, f64::INFINITY);
    set(vm, m, "infj", infj);
    let nanj = new_complex(vm, 0.0, f64::NAN);
    set(vm, m, "nanj", nanj);
    Ok(m)
}
