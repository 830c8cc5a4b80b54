//! `complex`.
//!
//! A complex number is a heap `Payload::Complex(re, im)` (there is no inline form:
//! complex arithmetic is rare enough that the allocation does not matter). Mixed
//! arithmetic converts ints and floats to `complex(x, 0.0)` first, exactly as CPython
//! 3.11 does, so signed zeros and infinities come out the same. Division uses the same
//! scaled (Smith-style) algorithm as CPython and `**` the same two strategies: repeated
//! squaring for small integral exponents (|n| <= 100), polar form otherwise. The libm
//! functions involved (`hypot`, `pow`, `atan2`, `exp`, `log`, `sin`, `cos`) are the
//! platform's, as in CPython.
//!
//! Exported: [`complex_val`], [`new_complex`], [`complex_binop`], [`complex_pow`],
//! [`complex_repr`], [`complex_eq`].

use crate::cfg::{BinOp, CmpOp};
use crate::object::Payload;
use crate::types::float::{self, float_repr_short, float_val, num_compare};
use crate::types::int::{self, call_special, slot_args};
use crate::types::num_conv;
use crate::types::num_parse;
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

type C = (f64, f64);

/// The parts of a complex (or complex-subclass instance).
#[inline]
pub fn complex_val(v: Value) -> Option<C> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Complex(re, im)) => Some((*re, *im)),
        _ => None,
    }
}

/// A new exact complex.
pub fn new_complex(vm: &Vm, re: f64, im: f64) -> Value {
    vm.alloc(vm.types.complex, Payload::Complex(re, im))
}

fn new_complex_of_class(vm: &Vm, cls: Value, c: C) -> Value {
    vm.alloc(cls, Payload::Complex(c.0, c.1))
}

/// An operand of mixed complex arithmetic: complex, float or int; `Ok(None)` otherwise.
fn complex_operand(vm: &Vm, v: Value) -> PyResult<Option<C>> {
    if let Some(c) = complex_val(v) {
        return Ok(Some(c));
    }
    Ok(float::real_operand(vm, v)?.map(|x| (x, 0.0)))
}

fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b`; `None` when `b` is zero.
pub fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // Some part of b is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `x ** n` for integral n; `None` for division by zero.
fn c_powi(x: C, n: i64) -> Option<C> {
    if n > 0 {
        Some(c_powu(x, n as u64))
    } else {
        c_quot((1.0, 0.0), c_powu(x, n.unsigned_abs()))
    }
}

/// `a ** b` in polar form; `None` for zero to a negative or complex power, or an infinite
/// angle.
fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        // The cosine of an infinite angle is a domain error (EDOM) in C, which CPython
        // reports as this ZeroDivisionError.
        return None;
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` with CPython's errors.
pub fn complex_pow(vm: &mut Vm, a: C, b: C) -> PyResult<C> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 { c_powi(a, b.0 as i64) } else { c_pow(a, b) };
    let Some(r) = r else {
        return Err(vm.zero_division_error("0.0 to a negative or complex power"));
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// `a op b` where at least one operand is a complex and the other a number;
/// `NotImplemented` otherwise.
pub fn complex_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if complex_val(a).is_none() && complex_val(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(x), Some(y)) = (complex_operand(vm, a)?, complex_operand(vm, b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => c_prod(x, y),
        BinOp::TrueDiv => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division_error("complex division by zero")),
        },
        _ => complex_pow(vm, x, y)?,
    };
    Ok(new_complex(vm, r.0, r.1))
}

/// `repr(complex(re, im))`: no parentheses when the real part is +0.0, and parts
/// without a trailing `.0`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let i = float_repr_short(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{i}j");
    }
    let sign = if i.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{i}j)", float_repr_short(re))
}

/// `c == other` for a complex `c`; `None` when `other` is not a number.
pub fn complex_eq(c: C, other: Value) -> Option<bool> {
    if let Some(o) = complex_val(other) {
        return Some(c == o);
    }
    if int::is_int(other) {
        return Some(c.1 == 0.0 && num_compare(CmpOp::Eq, Value::float(c.0), other)?);
    }
    float_val(other).map(|f| c.0 == f && c.1 == 0.0)
}

/// `abs(c)`, with CPython's handling of infinities and overflow.
fn c_abs(vm: &Vm, c: C) -> PyResult<f64> {
    if !c.0.is_finite() || !c.1.is_finite() {
        if c.0.is_infinite() {
            return Ok(c.0.abs());
        }
        if c.1.is_infinite() {
            return Ok(c.1.abs());
        }
        return Ok(f64::NAN);
    }
    let r = c.0.hypot(c.1);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(r)
}

// ----- construction -----

fn has_special(vm: &mut Vm, v: Value, name: &str) -> bool {
    let n = vm.intern(name);
    let cls = vm.type_of(v);
    vm.lookup_type(cls, n).is_some()
}

fn is_number(vm: &mut Vm, v: Value) -> bool {
    complex_val(v).is_some() || has_special(vm, v, "__float__") || has_special(vm, v, "__index__")
}

/// `complex(real, imag)` as parts.
pub fn complex_from_args(vm: &mut Vm, real: Option<Value>, imag: Option<Value>) -> PyResult<C> {
    let mut r = real.unwrap_or_else(|| vm.new_int(0));
    if let Some(s) = r.as_rstr() {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let parsed = if s.contains('_') {
            if !num_parse::underscores_ok(s) {
                let rs = vm.repr_string(r)?;
                return Err(vm.value_error(format!("could not convert string to complex: {rs}")));
            }
            num_parse::parse_complex(&s.replace('_', ""))
        } else {
            num_parse::parse_complex(s)
        };
        return parsed.ok_or_else(|| vm.value_error("complex() arg is a malformed string"));
    }
    if let Some(i) = imag {
        if i.as_rstr().is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    if let Some(t) = call_special(vm, r, "__complex__")? {
        if complex_val(t).is_none() {
            return Err(vm.type_error(format!("__complex__ returned non-complex (type {})", vm.type_tp_name(t))));
        }
        r = t;
    }
    if !is_number(vm, r) {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_tp_name(r)
        )));
    }
    if let Some(i) = imag {
        if !is_number(vm, i) {
            return Err(
                vm.type_error(format!("complex() second argument must be a number, not '{}'", vm.type_tp_name(i)))
            );
        }
    }
    let (mut cr, r_is_complex) = match complex_val(r) {
        Some(c) => (c, true),
        None => ((float::to_f64(vm, r)?, 0.0), false),
    };
    let (ci, i_is_complex) = match imag {
        None => ((0.0, 0.0), false),
        Some(i) => match complex_val(i) {
            Some(c) => (c, true),
            None => ((float::to_f64(vm, i)?, 0.0), false),
        },
    };
    let mut ci_real = ci.0;
    if i_is_complex {
        cr.0 -= ci.1;
    }
    if r_is_complex && imag.is_some() {
        ci_real += cr.1;
    }
    if imag.is_none() {
        ci_real = cr.1;
    }
    Ok((cr.0, ci_real))
}

/// `complex.__new__(cls, real=0, imag=0)`.
fn complex_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("complex.__new__(): not enough arguments"));
    };
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!("complex.__new__(X): X is not a type object ({})", vm.type_tp_name(cls))));
    }
    if !vm.is_subclass(cls, vm.types.complex) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("complex.__new__({n}): {n} is not a subtype of complex")));
    }
    if args.len() - 1 + kw.len() > 2 {
        return Err(vm.type_error(format!("complex() takes at most 2 arguments ({} given)", args.len() - 1 + kw.len())));
    }
    if let Some((k, _)) = kw.iter().find(|(k, _)| !matches!(k.as_rstr(), Some("real" | "imag"))) {
        let k = k.as_rstr().unwrap_or("");
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for complex()")));
    }
    let [real, imag] = vm.bind_args("complex", &args[1..], kw, ["real", "imag"], 0)?;
    let real = (!real.is_null()).then_some(real);
    let imag = (!imag.is_null()).then_some(imag);
    // complex(z) for an exact complex z is z itself.
    if let (Some(r), None) = (real, imag) {
        if cls.is(vm.types.complex) && r.is_obj() && r.obj().class.get().is(vm.types.complex) {
            return Ok(r);
        }
    }
    let c = complex_from_args(vm, real, imag)?;
    Ok(new_complex_of_class(vm, cls, c))
}

// ----- the complex class -----

fn check_self(_vm: &Vm, v: Value) -> bool {
    complex_val(v).is_some()
}

fn self_c(args: &[Value]) -> C {
    args.first().and_then(|&v| complex_val(v)).unwrap_or((0.0, 0.0))
}

macro_rules! binary_dunders {
    ($( $f:ident $rf:ident $name:literal $rname:literal $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "complex", $name, args, kw, 1, check_self)?;
                complex_binop(vm, $op, a[0], a[1])
            }
            fn $rf(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "complex", $rname, args, kw, 1, check_self)?;
                complex_binop(vm, $op, a[1], a[0])
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
}

fn pow_args<'a>(vm: &Vm, name: &str, args: &'a [Value], kw: &[(Value, Value)]) -> PyResult<&'a [Value]> {
    let a = int::ternary_slot_args(vm, "complex", name, args, kw, check_self)?;
    if a.len() == 3 && !a[2].is_none() {
        return Err(vm.value_error("complex modulo"));
    }
    Ok(a)
}

fn pow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pow_args(vm, "__pow__", args, kw)?;
    complex_binop(vm, BinOp::Pow, a[0], a[1])
}

fn rpow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = pow_args(vm, "__rpow__", args, kw)?;
    complex_binop(vm, BinOp::Pow, a[1], a[0])
}

fn richcmp(vm: &Vm, op: CmpOp, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = slot_args(vm, "complex", name, args, kw, 1, check_self)?;
    let eq = match op {
        CmpOp::Eq | CmpOp::Ne => complex_eq(self_c(a), a[1]),
        _ => None,
    };
    Ok(match eq {
        Some(e) => Value::bool(e == (op == CmpOp::Eq)),
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
    ($( $f:ident $name:literal |$vm:ident, $c:ident| $body:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                slot_args(vm, "complex", $name, args, kw, 0, check_self)?;
                let $c = self_c(args);
                let $vm = vm;
                $body
            }
        )*
        const UNARY: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}

unary_dunders! {
    neg "__neg__" |vm, c| Ok(new_complex(vm, -c.0, -c.1));
    pos "__pos__" |vm, c| Ok(new_complex(vm, c.0, c.1));
    abs "__abs__" |vm, c| c_abs(vm, c).map(Value::float);
    bool_ "__bool__" |_vm, c| Ok(Value::bool(c.0 != 0.0 || c.1 != 0.0));
    repr "__repr__" |vm, c| Ok(vm.new_string(complex_repr(c.0, c.1)));
    hash "__hash__" |vm, c| Ok(vm.new_int(num_conv::hash_complex(c.0, c.1)));
}

fn complex_self(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    int::method_args(vm, "complex", "__complex__", args, kw, 0, check_self)?;
    let c = self_c(args);
    if args[0].obj().class.get().is(vm.types.complex) {
        return Ok(args[0]);
    }
    Ok(new_complex(vm, c.0, c.1))
}

fn getnewargs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    int::method_args(vm, "complex", "__getnewargs__", args, kw, 0, check_self)?;
    let c = self_c(args);
    Ok(vm.new_tuple(vec![Value::float(c.0), Value::float(c.1)]))
}

fn conjugate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    int::method_args(vm, "complex", "conjugate", args, kw, 0, check_self)?;
    let c = self_c(args);
    Ok(new_complex(vm, c.0, -c.1))
}

/// `complex.__format__(spec)`: an empty spec means `str(self)`.
fn format(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let spec = int::format_spec_arg(vm, "complex", args, kw, check_self)?;
    if spec.is_empty() {
        return vm.str(args[0]);
    }
    let c = self_c(args);
    let tyname = vm.type_name(args[0]);
    let s = crate::types::format::format_complex_named(vm, c.0, c.1, &spec, &tyname)?;
    Ok(vm.new_string(s))
}

fn real(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::float(self_c(args).0))
}

fn imag(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::float(self_c(args).1))
}

pub fn init(vm: &mut Vm) {
    let cls = vm.types.complex;
    vm.add_staticmethod(cls, "__new__", complex_new);
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
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__complex__", complex_self),
        ("__getnewargs__", getnewargs),
        ("conjugate", conjugate),
        ("__format__", format),
    ];
    for &(name, f) in methods {
        vm.add_method(cls, name, f);
    }
    vm.add_getter(cls, "real", real);
    vm.add_getter(cls, "imag", imag);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(complex_repr(1.0, 0.0), "(1+0j)");
        assert_eq!(complex_repr(1e22, 1.0), "(1e+22+1j)");
        assert_eq!(complex_repr(f64::INFINITY, -0.0), "(inf-0j)");
        assert_eq!(complex_repr(0.0, 1e-5), "1e-05j");
        assert_eq!(complex_repr(1.5, f64::NAN), "(1.5+nanj)");
    }

    #[test]
    fn arithmetic_matches_cpython() {
        assert_eq!(c_quot((1.0, 2.0), (3.0, 4.0)), Some((0.44, 0.08)));
        assert_eq!(c_quot((1.0, 0.0), (0.0, 1.0)), Some((0.0, -1.0)));
        assert_eq!(c_quot((1.0, 0.0), (0.0, 0.0)), None);
        assert_eq!(c_powi((1.0, 2.0), 2), Some((-3.0, 4.0)));
        assert_eq!(c_powi((1.0, 2.0), -2), Some((-0.12, -0.16)));
        // python3.11: (1+2j)**0.5, 1j**1j, 2**1j
        assert_eq!(c_pow((1.0, 2.0), (0.5, 0.0)), Some((1.272019649514069, 0.7861513777574233)));
        assert_eq!(c_pow((0.0, 1.0), (0.0, 1.0)), Some((0.20787957635076193, 0.0)));
        assert_eq!(c_pow((2.0, 0.0), (0.0, 1.0)), Some((0.7692389013639721, 0.6389612763136348)));
        assert_eq!(c_pow((0.0, 0.0), (0.0, 1.0)), None);
    }
}
