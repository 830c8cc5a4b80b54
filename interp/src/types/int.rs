//! `int` and `bool`.
//!
//! An int is either an inline 48-bit `Value` or a heap `Payload::Int(BigInt)` (for values
//! outside the inline range, and for every instance of an int subclass, whatever its
//! value); `True`/`False` are specials of class `bool`, which arithmetic treats as 1/0.
//! [`int_ref`] views all three uniformly as [`IntRef`]: `Small(i64)` whenever the value
//! fits an i64 — so the common paths compute in i64/i128 and never allocate — and
//! `Big(&BigInt)` otherwise. Results always go through `Vm::new_int`/`new_bigint`, which
//! pick the inline form when possible, so Python never sees the representation.
//!
//! Fast helpers for the operator paths of the interpreter (all return `NotImplemented`
//! / `None` when an operand is not an int or bool, so callers can fall back to the
//! generic dunder protocol):
//!
//! ```text
//!  int_binop(vm, op, a, b)     a op b for ints; bool & | ^ bool stays bool
//!  int_unary(vm, op, v)        -v, +v, ~v
//!  int_compare(op, a, b)       Some(result) for two ints
//!  int_divmod(vm, a, b)        divmod for two ints
//!  int_pow_mod(vm, a, b, m)    pow(a, b, m), negative b via the modular inverse
//!  int_hash(v)                 hash of an int (CPython's value)
//!  int_to_string(vm, v)        str/repr with the 4300-digit conversion limit
//!  to_index / index / index_value    operator.index in its three useful shapes
//! ```
//!
//! Mixed int/float operations live in `float.rs` (`num_binop`, `num_compare`).
//! Error messages and edge cases follow CPython 3.11 exactly: floor division and modulo
//! round toward negative infinity, `int / int` is correctly rounded even for huge ints,
//! shifts by negative counts raise ValueError, and results too large to build raise
//! MemoryError up front instead of exhausting memory.

use std::borrow::Cow;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::cfg::{BinOp, CmpOp, UnaryOp};
use crate::object::Payload;
use crate::types::float::{self, float_pow};
use crate::types::num_conv;
use crate::types::num_parse::{self, IntParseError};
use crate::value::Value;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};

/// Results with more bits than this raise MemoryError instead of being attempted.
const MAX_RESULT_BITS: u64 = 1 << 32;

/// Default of `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// Below this many digits the limit is never checked (CPython's threshold).
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;
const MAX_STR_DIGITS_KEY: &str = "int_max_str_digits";

/// An int operand: `Small` whenever the value fits an i64.
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl<'a> IntRef<'a> {
    pub fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(i),
            IntRef::Big(b) => b.clone(),
        }
    }

    fn big(self) -> Cow<'a, BigInt> {
        match self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }
}

/// The int value of an int or bool (inline, big, or an int-subclass instance).
#[inline]
pub fn int_ref(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    if let Some(b) = v.as_bool() {
        return Some(IntRef::Small(b as i64));
    }
    let b = v.as_bigint()?;
    Some(match b.to_i64() {
        Some(i) => IntRef::Small(i),
        None => IntRef::Big(b),
    })
}

/// True for ints and bools.
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || v.is_bool() || v.as_bigint().is_some()
}

/// The value of an int or bool as a `BigInt`.
pub fn to_bigint(v: Value) -> Option<BigInt> {
    int_ref(&v).map(IntRef::to_bigint)
}

/// An int with value `x`, inline when it fits.
#[inline]
pub fn int_from_i128(vm: &Vm, x: i128) -> Value {
    match i64::try_from(x) {
        Ok(i) => vm.new_int(i),
        Err(_) => vm.new_bigint(BigInt::from(x)),
    }
}

/// The same value as an exact `int` (bools and subclass instances are converted).
pub fn exact_int(vm: &Vm, v: Value) -> Value {
    if v.is_small_int() {
        return v;
    }
    if let Some(b) = v.as_bool() {
        return vm.new_int(b as i64);
    }
    if v.is_obj() && v.obj().class.get().is(vm.types.int) {
        return v;
    }
    match int_ref(&v) {
        Some(IntRef::Small(i)) => vm.new_int(i),
        Some(IntRef::Big(b)) => vm.new_bigint(b.clone()),
        None => v,
    }
}

/// An int of class `cls` (an exact int when `cls` is `int`).
pub fn new_int_of_class(vm: &Vm, cls: Value, v: BigInt) -> Value {
    if cls.is(vm.types.int) {
        vm.new_bigint(v)
    } else {
        vm.alloc(cls, Payload::Int(v))
    }
}

fn memory_error(vm: &Vm) -> PyErr {
    PyErr(vm.new_exception(vm.exc.memory_error, vec![]))
}

fn zero_div(vm: &Vm, op: BinOp) -> PyErr {
    vm.zero_division_error(match op {
        BinOp::TrueDiv => "division by zero",
        BinOp::Mod => "integer modulo by zero",
        _ => "integer division or modulo by zero",
    })
}

// ----- arithmetic -----

/// `a op b` for two ints (bools included). `NotImplemented` when either is not an int.
pub fn int_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        // Inline ints have 48 bits, so sums and differences cannot overflow an i64.
        return match op {
            BinOp::Add => Ok(vm.new_int(x + y)),
            BinOp::Sub => Ok(vm.new_int(x - y)),
            _ => small_binop(vm, op, x, y),
        };
    }
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        match op {
            BinOp::And => return Ok(Value::bool(x & y)),
            BinOp::Or => return Ok(Value::bool(x | y)),
            BinOp::Xor => return Ok(Value::bool(x ^ y)),
            _ => {}
        }
    }
    let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match (x, y) {
        (IntRef::Small(x), IntRef::Small(y)) => small_binop(vm, op, x, y),
        _ => big_binop(vm, op, &x.big(), &y.big()),
    }
}

fn small_binop(vm: &mut Vm, op: BinOp, x: i64, y: i64) -> PyResult<Value> {
    let (wx, wy) = (x as i128, y as i128);
    Ok(match op {
        BinOp::Add => int_from_i128(vm, wx + wy),
        BinOp::Sub => int_from_i128(vm, wx - wy),
        BinOp::Mul => int_from_i128(vm, wx * wy),
        BinOp::TrueDiv => {
            if y == 0 {
                return Err(zero_div(vm, op));
            }
            if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
                // Both exact as doubles, so one IEEE division rounds correctly.
                Value::float(x as f64 / y as f64)
            } else {
                return true_div_big(vm, &BigInt::from(x), &BigInt::from(y));
            }
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(zero_div(vm, op));
            }
            int_from_i128(vm, Integer::div_floor(&wx, &wy))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(zero_div(vm, op));
            }
            int_from_i128(vm, wx.mod_floor(&wy))
        }
        BinOp::Pow => return small_pow(vm, x, y),
        BinOp::LShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            if x == 0 {
                return Ok(vm.new_int(0));
            }
            if y < 64 {
                // |x| < 2**63 and y < 64, so the shift fits an i128.
                int_from_i128(vm, wx << y)
            } else {
                return shift_left_big(vm, &BigInt::from(x), y as u64);
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            // Arithmetic shift floors, as Python requires.
            vm.new_int(if y >= 64 { x >> 63 } else { x >> y })
        }
        BinOp::And => vm.new_int(x & y),
        BinOp::Or => vm.new_int(x | y),
        BinOp::Xor => vm.new_int(x ^ y),
        BinOp::MatMul => Value::NOT_IMPLEMENTED,
    })
}

fn small_pow(vm: &mut Vm, x: i64, y: i64) -> PyResult<Value> {
    if y < 0 {
        return float_pow(vm, x as f64, y as f64);
    }
    let mut acc: i64 = 1;
    let mut base = x;
    let mut e = y as u64;
    loop {
        if e & 1 == 1 {
            match acc.checked_mul(base) {
                Some(v) => acc = v,
                None => break,
            }
        }
        e >>= 1;
        if e == 0 {
            return Ok(vm.new_int(acc));
        }
        match base.checked_mul(base) {
            Some(v) => base = v,
            None => break,
        }
    }
    big_pow(vm, &BigInt::from(x), &BigInt::from(y))
}

fn big_pow(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.sign() == Sign::Minus {
        let fx = float::int_to_f64(vm, vm.new_bigint(x.clone()))?;
        let fy = float::int_to_f64(vm, vm.new_bigint(y.clone()))?;
        return float_pow(vm, fx, fy);
    }
    if y.is_zero() || x.is_one() {
        return Ok(vm.new_int(1));
    }
    if x.is_zero() {
        return Ok(vm.new_int(0));
    }
    if *x == BigInt::from(-1) {
        return Ok(vm.new_int(if y.is_even() { 1 } else { -1 }));
    }
    let e = match y.to_u64() {
        Some(e) if e.saturating_mul(x.bits()) <= MAX_RESULT_BITS => e as u32,
        _ => return Err(memory_error(vm)),
    };
    Ok(vm.new_bigint(x.pow(e)))
}

fn shift_left_big(vm: &Vm, x: &BigInt, s: u64) -> PyResult<Value> {
    if x.is_zero() {
        return Ok(vm.new_int(0));
    }
    if s.saturating_add(x.bits()) > MAX_RESULT_BITS {
        return Err(memory_error(vm));
    }
    Ok(vm.new_bigint(x << s))
}

fn true_div_big(vm: &Vm, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_zero() {
        return Err(zero_div(vm, BinOp::TrueDiv));
    }
    match num_conv::bigint_ratio_to_f64(x, y) {
        Some(f) => Ok(Value::float(f)),
        None => Err(vm.overflow_error("integer division result too large for a float")),
    }
}

fn big_binop(vm: &mut Vm, op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => vm.new_bigint(x + y),
        BinOp::Sub => vm.new_bigint(x - y),
        BinOp::Mul => vm.new_bigint(x * y),
        BinOp::TrueDiv => return true_div_big(vm, x, y),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_div(vm, op));
            }
            vm.new_bigint(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_div(vm, op));
            }
            vm.new_bigint(x.mod_floor(y))
        }
        BinOp::Pow => return big_pow(vm, x, y),
        BinOp::LShift => {
            if y.sign() == Sign::Minus {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(vm.new_int(0));
            }
            match y.to_u64() {
                Some(s) => return shift_left_big(vm, x, s),
                None => return Err(memory_error(vm)),
            }
        }
        BinOp::RShift => {
            if y.sign() == Sign::Minus {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_u64() {
                // num-bigint's `>>` rounds toward negative infinity, like Python.
                Some(s) if s < x.bits() => vm.new_bigint(x >> s),
                _ => vm.new_int(if x.sign() == Sign::Minus { -1 } else { 0 }),
            }
        }
        BinOp::And => vm.new_bigint(x & y),
        BinOp::Or => vm.new_bigint(x | y),
        BinOp::Xor => vm.new_bigint(x ^ y),
        BinOp::MatMul => Value::NOT_IMPLEMENTED,
    })
}

/// `divmod(a, b)` for two ints; `NotImplemented` otherwise.
pub fn int_divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (d, m) = match (x, y) {
        (IntRef::Small(_), IntRef::Small(0)) => return Err(zero_div(vm, BinOp::FloorDiv)),
        (IntRef::Small(x), IntRef::Small(y)) => {
            let (d, m) = (x as i128).div_mod_floor(&(y as i128));
            (int_from_i128(vm, d), int_from_i128(vm, m))
        }
        _ => {
            let (x, y) = (x.big(), y.big());
            if y.is_zero() {
                return Err(zero_div(vm, BinOp::FloorDiv));
            }
            let (d, m) = x.div_mod_floor(&y);
            (vm.new_bigint(d), vm.new_bigint(m))
        }
    };
    Ok(vm.new_tuple(vec![d, m]))
}

/// `pow(a, b, m)` for three ints (`NotImplemented` when one is not an int).
pub fn int_pow_mod(vm: &mut Vm, a: Value, b: Value, m: Value) -> PyResult<Value> {
    let (Some(a), Some(b), Some(m)) = (int_ref(&a), int_ref(&b), int_ref(&m)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (mut a, mut b, m) = (a.to_bigint(), b.to_bigint(), m.to_bigint());
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    if m.abs().is_one() {
        return Ok(vm.new_int(0));
    }
    if b.sign() == Sign::Minus {
        a = match a.mod_floor(&m).modinv(&m) {
            Some(inv) => inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        };
        b = -b;
    }
    Ok(vm.new_bigint(a.modpow(&b, &m)))
}

/// `-v`, `+v`, `~v` for ints (`NotImplemented` otherwise, and for `not`).
pub fn int_unary(vm: &mut Vm, op: UnaryOp, v: Value) -> PyResult<Value> {
    let Some(x) = int_ref(&v) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(match (op, x) {
        (UnaryOp::Neg, IntRef::Small(i)) => int_from_i128(vm, -(i as i128)),
        (UnaryOp::Neg, IntRef::Big(b)) => vm.new_bigint(-b),
        (UnaryOp::Pos, _) => exact_int(vm, v),
        (UnaryOp::Invert, IntRef::Small(i)) => vm.new_int(!i),
        (UnaryOp::Invert, IntRef::Big(b)) => vm.new_bigint(-b - 1),
        (UnaryOp::Not, _) => Value::NOT_IMPLEMENTED,
    })
}

/// `a op b` for two ints (`None` when either is not an int or `op` is not an ordering
/// or equality operator).
#[inline]
pub fn int_compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    let ord = match (a.as_small_int(), b.as_small_int()) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => match (int_ref(&a)?, int_ref(&b)?) {
            (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
            (x, y) => x.big().cmp(&y.big()),
        },
    };
    float::ordering_result(op, Some(ord))
}

/// `hash(v)` for an int or bool.
#[inline]
pub fn int_hash(v: Value) -> Option<i64> {
    Some(match int_ref(&v)? {
        IntRef::Small(i) => num_conv::hash_i64(i),
        IntRef::Big(b) => num_conv::hash_bigint(b),
    })
}

// ----- str <-> int -----

/// `sys.get_int_max_str_digits()`.
pub fn int_max_str_digits(vm: &Vm) -> usize {
    vm.state
        .borrow()
        .get(MAX_STR_DIGITS_KEY)
        .and_then(|v| v.as_small_int())
        .map_or(DEFAULT_MAX_STR_DIGITS, |n| n as usize)
}

/// `sys.set_int_max_str_digits(n)` after validation (0 or >= 640).
pub fn set_int_max_str_digits(vm: &Vm, n: usize) {
    vm.state.borrow_mut().insert(MAX_STR_DIGITS_KEY, vm.new_int(n as i64));
}

fn str_limit_error(vm: &Vm, limit: usize) -> PyErr {
    vm.value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// Decimal string of a big int, enforcing the conversion limit.
pub fn bigint_to_string(vm: &Vm, b: &BigInt) -> PyResult<String> {
    let bits = b.bits();
    // 2**(bits-1) has this many digits: a cheap lower bound to refuse before converting.
    let min_digits = ((bits.saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as usize + 1;
    if min_digits > MAX_STR_DIGITS_THRESHOLD {
        let limit = int_max_str_digits(vm);
        if limit > 0 && min_digits > limit {
            return Err(str_limit_error(vm, limit));
        }
        let s = b.to_string();
        let ndigits = s.len() - usize::from(s.starts_with('-'));
        if limit > 0 && ndigits > limit {
            return Err(str_limit_error(vm, limit));
        }
        return Ok(s);
    }
    Ok(b.to_string())
}

/// `repr(v)` of an int (decimal, with the conversion limit); `None` for non-ints.
pub fn int_to_string(vm: &Vm, v: Value) -> Option<PyResult<String>> {
    Some(match int_ref(&v)? {
        IntRef::Small(i) => Ok(i.to_string()),
        IntRef::Big(b) => bigint_to_string(vm, b),
    })
}

/// The text of a str, bytes or bytearray for `int()`/`float()` parsing; `None` for other
/// objects. Non-ASCII bytes yield text that fails to parse, as in CPython.
fn numeric_text(v: Value) -> Option<String> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => Some(s.as_str().to_owned()),
        Some(Payload::Bytes(b)) => Some(bytes_text(b)),
        Some(Payload::ByteArray(b)) => Some(bytes_text(&b.borrow())),
        _ => None,
    }
}

fn bytes_text(b: &[u8]) -> String {
    if b.is_ascii() {
        String::from_utf8_lossy(b).into_owned()
    } else {
        "\u{FFFD}".into()
    }
}

/// `int(text, base)` for a str/bytes value `x` whose text is `text`.
fn parse_int_value(vm: &mut Vm, x: Value, text: &str, base: u32) -> PyResult<Value> {
    let limit = int_max_str_digits(vm);
    match num_parse::parse_int(text, base, limit) {
        Ok(b) => Ok(vm.new_bigint(b)),
        Err(IntParseError::TooManyDigits(n)) => Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
        Err(IntParseError::Invalid) => {
            let r = vm.repr_string(x)?;
            // CPython formats the literal with %.200R.
            let r: String = r.chars().take(200).collect();
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

// ----- operator.index -----

/// Calls the special method `name` found on `type(v)` with `v`; `Ok(None)` when the type
/// has no such attribute.
pub fn call_special(vm: &mut Vm, v: Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    let cls = vm.type_of(v);
    match vm.lookup_type(cls, n) {
        Some(f) if !f.is_none() => Ok(Some(vm.call(f, &[v], &[])?)),
        _ => Ok(None),
    }
}

/// `operator.index(v)`: an exact int value (`__index__` for non-ints).
pub fn index(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_int(v) {
        return Ok(exact_int(vm, v));
    }
    match call_special(vm, v, "__index__")? {
        Some(r) if is_int(r) => Ok(exact_int(vm, r)),
        Some(r) => Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_tp_name(r)))),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(v)))),
    }
}

/// `operator.index(v)` as a `BigInt`.
pub fn index_value(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = to_bigint(v) {
        return Ok(i);
    }
    let r = index(vm, v)?;
    Ok(to_bigint(r).unwrap_or_default())
}

/// `operator.index(v)` as an i64 for values that are not inline ints.
pub fn to_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let r = if is_int(v) { v } else { index(vm, v)? };
    match int_ref(&r) {
        Some(IntRef::Small(i)) => Ok(i),
        _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

// ----- int() -----

/// `int(x)` for one argument.
pub fn int_from_object(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if x.is_small_int() {
        return Ok(x);
    }
    if let Some(b) = x.as_bool() {
        return Ok(vm.new_int(b as i64));
    }
    if let Some(f) = x.as_float() {
        return float::f64_to_int(vm, f);
    }
    if x.is_obj() && x.obj().class.get().is(vm.types.int) {
        return Ok(x);
    }
    if let Some(r) = call_special(vm, x, "__int__")? {
        if !is_int(r) {
            return Err(vm.type_error(format!("__int__ returned non-int (type {})", vm.type_tp_name(r))));
        }
        return Ok(exact_int(vm, r));
    }
    if let Some(r) = call_special(vm, x, "__index__")? {
        if !is_int(r) {
            return Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_tp_name(r))));
        }
        return Ok(exact_int(vm, r));
    }
    if let Some(r) = call_special(vm, x, "__trunc__")? {
        if is_int(r) {
            return Ok(exact_int(vm, r));
        }
        return match index(vm, r) {
            Ok(v) => Ok(v),
            Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
                Err(vm.type_error(format!("__trunc__ returned non-Integral (type {})", vm.type_tp_name(r))))
            }
            Err(e) => Err(e),
        };
    }
    if let Some(text) = numeric_text(x) {
        return parse_int_value(vm, x, &text, 10);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_tp_name(x)
    )))
}

/// `int(x, base)`.
pub fn int_from_str_base(vm: &mut Vm, x: Value, base: Value) -> PyResult<Value> {
    let b = index_value(vm, base)?;
    let base = match b.to_u32() {
        Some(b) if b == 0 || (2..=36).contains(&b) => b,
        _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
    };
    match numeric_text(x) {
        Some(text) => parse_int_value(vm, x, &text, base),
        None => Err(vm.type_error("int() can't convert non-string with explicit base")),
    }
}

/// `int.__new__(cls, x=0, base=10)`.
fn int_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("int.__new__(): not enough arguments"));
    };
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!("int.__new__(X): X is not a type object ({})", vm.type_tp_name(cls))));
    }
    if !vm.is_subclass(cls, vm.types.int) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("int.__new__({n}): {n} is not a subtype of int")));
    }
    if cls.is(vm.types.bool_) {
        return Err(vm.type_error("int.__new__(bool) is not safe, use bool.__new__()"));
    }
    let rest = &args[1..];
    if rest.len() + kw.len() > 2 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", rest.len() + kw.len())));
    }
    let x = rest.first().copied();
    let mut base = rest.get(1).copied();
    for &(k, v) in kw {
        let name = k.as_rstr().unwrap_or("");
        if name != "base" {
            return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for int()")));
        }
        if base.is_some() {
            return Err(vm.type_error("argument for int() given by name ('base') and position (2)"));
        }
        base = Some(v);
    }
    let value = match (x, base) {
        (None, None) => vm.new_int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(vm, x)?,
        (Some(x), Some(b)) => int_from_str_base(vm, x, b)?,
    };
    if cls.is(vm.types.int) {
        Ok(value)
    } else {
        Ok(new_int_of_class(vm, cls, to_bigint(value).unwrap_or_default()))
    }
}

// ----- argument checking shared by the numeric types -----

/// Checks the arguments of a slot wrapper (`int.__add__` and friends) the way CPython's
/// wrappers do: a self of the right type and exactly `nargs` further positional
/// arguments, no keywords. Returns `args` (self first).
pub(crate) fn slot_args<'a>(
    vm: &Vm,
    cls: &str,
    name: &str,
    args: &'a [Value],
    kw: &[(Value, Value)],
    nargs: usize,
    is_self: fn(&Vm, Value) -> bool,
) -> PyResult<&'a [Value]> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of '{cls}' object needs an argument")));
    };
    if !is_self(vm, this) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{cls}' object but received a '{}'",
            vm.type_tp_name(this)
        )));
    }
    if !kw.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = args.len() - 1;
    if given != nargs {
        return Err(
            vm.type_error(format!("expected {nargs} argument{}, got {given}", if nargs == 1 { "" } else { "s" }))
        );
    }
    Ok(args)
}

/// Like `slot_args` for the ternary `__pow__`/`__rpow__` wrappers: one or two arguments.
pub(crate) fn ternary_slot_args<'a>(
    vm: &Vm,
    cls: &str,
    name: &str,
    args: &'a [Value],
    kw: &[(Value, Value)],
    is_self: fn(&Vm, Value) -> bool,
) -> PyResult<&'a [Value]> {
    slot_args(vm, cls, name, &args[..args.len().min(1)], kw, 0, is_self)?;
    let given = args.len() - 1;
    if given > 2 {
        // CPython's message really starts with a space here.
        return Err(vm.type_error(format!(" expected at most 2 arguments, got {given}")));
    }
    if given == 0 {
        return Err(vm.type_error(" expected at least 1 argument, got 0"));
    }
    Ok(args)
}

/// Checks the arguments of an ordinary method (`int.bit_length`) taking `nargs`
/// positional arguments and no keywords.
pub(crate) fn method_args(
    vm: &Vm,
    cls: &str,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    nargs: usize,
    is_self: fn(&Vm, Value) -> bool,
) -> PyResult<()> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error(format!("unbound method {cls}.{name}() needs an argument")));
    };
    if !is_self(vm, this) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for '{cls}' objects doesn't apply to a '{}' object",
            vm.type_tp_name(this)
        )));
    }
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{cls}.{name}() takes no keyword arguments")));
    }
    let given = args.len() - 1;
    if given != nargs {
        return Err(vm.type_error(if nargs == 0 {
            format!("{cls}.{name}() takes no arguments ({given} given)")
        } else {
            format!("{cls}.{name}() takes exactly one argument ({given} given)")
        }));
    }
    Ok(())
}

// ----- the int class -----

fn check_self(_vm: &Vm, v: Value) -> bool {
    is_int(v)
}

fn self_int(args: &[Value]) -> IntRef<'_> {
    args.first().and_then(int_ref).unwrap_or(IntRef::Small(0))
}

macro_rules! binary_dunders {
    ($( $f:ident $rf:ident $name:literal $rname:literal $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "int", $name, args, kw, 1, check_self)?;
                int_binop(vm, $op, a[0], a[1])
            }
            fn $rf(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "int", $rname, args, kw, 1, check_self)?;
                int_binop(vm, $op, a[1], a[0])
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
    lshift rlshift "__lshift__" "__rlshift__" BinOp::LShift;
    rshift rrshift "__rshift__" "__rrshift__" BinOp::RShift;
    and rand "__and__" "__rand__" BinOp::And;
    or ror "__or__" "__ror__" BinOp::Or;
    xor rxor "__xor__" "__rxor__" BinOp::Xor;
}

fn divmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = slot_args(vm, "int", "__divmod__", args, kw, 1, check_self)?;
    int_divmod(vm, a[0], a[1])
}

fn rdivmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = slot_args(vm, "int", "__rdivmod__", args, kw, 1, check_self)?;
    int_divmod(vm, a[1], a[0])
}

fn pow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = ternary_slot_args(vm, "int", "__pow__", args, kw, check_self)?;
    match a.get(2) {
        Some(&m) if !m.is_none() => int_pow_mod(vm, a[0], a[1], m),
        _ => int_binop(vm, BinOp::Pow, a[0], a[1]),
    }
}

fn rpow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = ternary_slot_args(vm, "int", "__rpow__", args, kw, check_self)?;
    match a.get(2) {
        Some(&m) if !m.is_none() => int_pow_mod(vm, a[1], a[0], m),
        _ => int_binop(vm, BinOp::Pow, a[1], a[0]),
    }
}

fn richcmp(vm: &Vm, op: CmpOp, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = slot_args(vm, "int", name, args, kw, 1, check_self)?;
    Ok(match int_compare(op, a[0], a[1]) {
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
    ($( $f:ident $name:literal |$vm:ident, $v:ident| $body:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                slot_args(vm, "int", $name, args, kw, 0, check_self)?;
                let $v = args[0];
                let $vm = vm;
                $body
            }
        )*
        const UNARY: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}

unary_dunders! {
    neg "__neg__" |vm, v| int_unary(vm, UnaryOp::Neg, v);
    pos "__pos__" |vm, v| Ok(exact_int(vm, v));
    invert "__invert__" |vm, v| int_unary(vm, UnaryOp::Invert, v);
    abs "__abs__" |vm, v| Ok(match self_int(&[v]) {
        IntRef::Small(i) => int_from_i128(vm, (i as i128).abs()),
        IntRef::Big(b) => vm.new_bigint(b.abs()),
    });
    bool_ "__bool__" |_vm, v| Ok(Value::bool(match self_int(&[v]) {
        IntRef::Small(i) => i != 0,
        IntRef::Big(_) => true,
    }));
    int_ "__int__" |vm, v| Ok(exact_int(vm, v));
    index_ "__index__" |vm, v| Ok(exact_int(vm, v));
    float_ "__float__" |vm, v| float::int_to_f64(vm, v).map(Value::float);
    repr "__repr__" |vm, v| {
        let s = int_to_string(vm, v).unwrap_or_else(|| Ok(String::new()))?;
        Ok(vm.new_string(s))
    };
    hash "__hash__" |vm, v| Ok(vm.new_int(int_hash(v).unwrap_or(0)));
}

/// Methods that return the value itself as an exact int.
fn identity_method(vm: &Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    method_args(vm, "int", name, args, kw, 0, check_self)?;
    Ok(exact_int(vm, args[0]))
}

fn trunc(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    identity_method(vm, "__trunc__", args, kw)
}
fn floor(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    identity_method(vm, "__floor__", args, kw)
}
fn ceil(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    identity_method(vm, "__ceil__", args, kw)
}
fn conjugate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    identity_method(vm, "conjugate", args, kw)
}

fn getnewargs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = identity_method(vm, "__getnewargs__", args, kw)?;
    Ok(vm.new_tuple(vec![v]))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = identity_method(vm, "as_integer_ratio", args, kw)?;
    let one = vm.new_int(1);
    Ok(vm.new_tuple(vec![v, one]))
}

fn sizeof(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    method_args(vm, "int", "__sizeof__", args, kw, 0, check_self)?;
    let bits = match self_int(args) {
        IntRef::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    };
    // CPython: the header plus one 30-bit digit per 30 bits, at least one.
    Ok(vm.new_int(24 + 4 * bits.div_ceil(30).max(1) as i64))
}

fn bit_length(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    method_args(vm, "int", "bit_length", args, kw, 0, check_self)?;
    let n = match self_int(args) {
        IntRef::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    };
    Ok(vm.new_int(n as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    method_args(vm, "int", "bit_count", args, kw, 0, check_self)?;
    let n = match self_int(args) {
        IntRef::Small(i) => i.unsigned_abs().count_ones() as u64,
        IntRef::Big(b) => b.magnitude().count_ones(),
    };
    Ok(vm.new_int(n as i64))
}

fn round(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("int.__round__() takes no keyword arguments"));
    }
    method_args(vm, "int", "__round__", &args[..args.len().min(1)], kw, 0, check_self)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.len() - 1)));
    }
    let v = args[0];
    let Some(&nd) = args.get(1) else {
        return Ok(exact_int(vm, v));
    };
    let nd = index_value(vm, nd)?;
    if nd.sign() != Sign::Minus {
        return Ok(exact_int(vm, v));
    }
    let x = self_int(args).to_bigint();
    // 10**k > 2|x| means every multiple of 10**k but 0 is farther away than 0 is.
    let k = (-nd).to_u64().unwrap_or(u64::MAX);
    if k as f64 > x.bits() as f64 * std::f64::consts::LOG10_2 + 1.0 {
        return Ok(vm.new_int(0));
    }
    let p = BigInt::from(10u32).pow(k as u32);
    let (q, r) = x.div_mod_floor(&p);
    let base = &x - &r;
    let twice = &r << 1u32;
    let up = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => q.is_odd(),
        std::cmp::Ordering::Less => false,
    };
    Ok(vm.new_bigint(if up { base + p } else { base }))
}

fn byteorder_is_little(vm: &Vm, fname: &str, v: Value) -> PyResult<bool> {
    match v.as_rstr() {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => Err(vm.type_error(format!("{fname}() argument 'byteorder' must be str, not {}", vm.arg_type_name(v)))),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    method_args(vm, "int", "to_bytes", &args[..args.len().min(1)], &[], 0, check_self)?;
    if args.len() > 3 {
        return Err(
            vm.type_error(format!("to_bytes() takes at most 2 positional arguments ({} given)", args.len() - 1))
        );
    }
    let [length, byteorder, signed] = vm.bind_args("to_bytes", &args[1..], kw, ["length", "byteorder", "signed"], 0)?;
    let length = if length.is_null() { 1 } else { to_index(vm, length)? };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = if byteorder.is_null() { false } else { byteorder_is_little(vm, "to_bytes", byteorder)? };
    let signed = !signed.is_null() && vm.truthy(signed)?;
    let x = self_int(args).to_bigint();
    if !signed && x.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut le = if x.is_zero() {
        Vec::new()
    } else if signed {
        x.to_signed_bytes_le()
    } else {
        x.magnitude().to_bytes_le()
    };
    if le.len() as u64 > length as u64 {
        return Err(vm.overflow_error("int too big to convert"));
    }
    if length as u64 > MAX_RESULT_BITS / 8 {
        return Err(memory_error(vm));
    }
    let fill = if x.sign() == Sign::Minus { 0xFF } else { 0 };
    le.resize(length as usize, fill);
    if !little {
        le.reverse();
    }
    Ok(vm.new_bytes(le))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
fn from_bytes(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("from_bytes() needs a class"));
    };
    if args.len() > 3 {
        return Err(
            vm.type_error(format!("from_bytes() takes at most 2 positional arguments ({} given)", args.len() - 1))
        );
    }
    let [data, byteorder, signed] = vm.bind_args("from_bytes", &args[1..], kw, ["bytes", "byteorder", "signed"], 1)?;
    let little = if byteorder.is_null() { false } else { byteorder_is_little(vm, "from_bytes", byteorder)? };
    let signed = !signed.is_null() && vm.truthy(signed)?;
    let bytes: Vec<u8> = match data.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => {
            // `bytes(x)` would encode a str or make n zero bytes of an int; CPython's
            // conversion accepts neither (unless the class defines `__bytes__`).
            let dunder = vm.intern("__bytes__");
            if (vm.isinstance(data, vm.types.str_) || vm.isinstance(data, vm.types.int))
                && crate::eval::attr::lookup_special(vm, data, dunder).is_none()
            {
                return Err(vm.type_error(format!("cannot convert '{}' object to bytes", vm.type_tp_name(data))));
            }
            let b = vm.call(vm.types.bytes, &[data], &[])?;
            match b.as_obj().map(|o| &o.payload) {
                Some(Payload::Bytes(b)) => b.to_vec(),
                _ => return Err(vm.type_error("cannot convert to bytes")),
            }
        }
    };
    let x = match (signed, little) {
        (true, true) => BigInt::from_signed_bytes_le(&bytes),
        (true, false) => BigInt::from_signed_bytes_be(&bytes),
        (false, true) => BigInt::from_bytes_le(Sign::Plus, &bytes),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &bytes),
    };
    let v = vm.new_bigint(x);
    if cls.is(vm.types.int) {
        Ok(v)
    } else {
        vm.call(cls, &[v], &[])
    }
}

/// The spec argument of a `__format__` method (a str), after the usual checks.
pub(crate) fn format_spec_arg(
    vm: &Vm,
    cls: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    is_self: fn(&Vm, Value) -> bool,
) -> PyResult<String> {
    method_args(vm, cls, "__format__", args, kw, 1, is_self)?;
    match args[1].as_rstr() {
        Some(s) => Ok(s.to_owned()),
        None => Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.arg_type_name(args[1])))),
    }
}

/// `int.__format__(spec)`: an empty spec means `str(self)` (so `format(True)` is `'True'`).
fn format(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let spec = format_spec_arg(vm, "int", args, kw, check_self)?;
    if spec.is_empty() {
        return vm.str(args[0]);
    }
    let s = crate::types::format::format_int(vm, args[0], &spec)?;
    Ok(vm.new_string(s))
}

fn numerator(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(exact_int(vm, args.first().copied().unwrap_or(Value::NONE)))
}

fn zero(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(0))
}

fn one(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(1))
}

// ----- bool -----

fn bool_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("bool.__new__(): not enough arguments"));
    };
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!("bool.__new__(X): X is not a type object ({})", vm.type_tp_name(cls))));
    }
    if !vm.is_subclass(cls, vm.types.bool_) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("bool.__new__({n}): {n} is not a subtype of bool")));
    }
    if !kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("bool expected at most 1 argument, got {}", args.len() - 1)));
    }
    match args.get(1) {
        Some(&x) => Ok(Value::bool(vm.truthy(x)?)),
        None => Ok(Value::FALSE),
    }
}

fn check_bool(_vm: &Vm, v: Value) -> bool {
    v.is_bool()
}

fn bool_repr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    slot_args(vm, "bool", "__repr__", args, kw, 0, check_bool)?;
    Ok(vm.intern(if args[0] == Value::TRUE { "True" } else { "False" }))
}

macro_rules! bool_dunders {
    ($( $f:ident $rf:ident $name:literal $rname:literal $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "bool", $name, args, kw, 1, check_bool)?;
                int_binop(vm, $op, a[0], a[1])
            }
            fn $rf(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
                let a = slot_args(vm, "bool", $rname, args, kw, 1, check_bool)?;
                int_binop(vm, $op, a[1], a[0])
            }
        )*
        const BOOL_BINARY: &[(&str, NativeFn, &str, NativeFn)] = &[ $( ($name, $f, $rname, $rf), )* ];
    };
}

bool_dunders! {
    bool_and bool_rand "__and__" "__rand__" BinOp::And;
    bool_or bool_ror "__or__" "__ror__" BinOp::Or;
    bool_xor bool_rxor "__xor__" "__rxor__" BinOp::Xor;
}

pub fn init(vm: &mut Vm) {
    let cls = vm.types.int;
    vm.add_staticmethod(cls, "__new__", int_new);
    for &(name, f, rname, rf) in BINARY {
        vm.add_method(cls, name, f);
        vm.add_method(cls, rname, rf);
    }
    for &(name, f) in UNARY {
        vm.add_method(cls, name, f);
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__divmod__", divmod),
        ("__rdivmod__", rdivmod),
        ("__pow__", pow),
        ("__rpow__", rpow),
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
        ("__sizeof__", sizeof),
        ("conjugate", conjugate),
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("to_bytes", to_bytes),
        ("as_integer_ratio", as_integer_ratio),
        ("__format__", format),
    ];
    for &(name, f) in methods {
        vm.add_method(cls, name, f);
    }
    vm.add_classmethod(cls, "from_bytes", from_bytes);
    vm.add_getter(cls, "real", numerator);
    vm.add_getter(cls, "imag", zero);
    vm.add_getter(cls, "numerator", numerator);
    vm.add_getter(cls, "denominator", one);

    let b = vm.types.bool_;
    vm.add_staticmethod(b, "__new__", bool_new);
    vm.add_method(b, "__repr__", bool_repr);
    for &(name, f, rname, rf) in BOOL_BINARY {
        vm.add_method(b, name, f);
        vm.add_method(b, rname, rf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::float::float_val;

    fn int(vm: &Vm, s: &str) -> Value {
        vm.new_bigint(s.parse().unwrap())
    }

    fn text(v: Value) -> String {
        to_bigint(v).map(|b| b.to_string()).unwrap_or_else(|| format!("{v:?}"))
    }

    #[test]
    fn floor_division_modulo_and_true_division() {
        let mut vm = Vm::new();
        // (a, b, a // b, a % b, a / b) from python3.11.
        let table: &[(&str, &str, &str, &str, f64)] = &[
            ("-7", "-7", "1", "0", 1.0),
            ("-7", "-3", "2", "-1", 2.3333333333333335),
            ("-7", "-1", "7", "0", 7.0),
            ("-7", "1", "-7", "0", -7.0),
            ("-7", "2", "-4", "1", -3.5),
            ("-7", "5", "-2", "3", -1.4),
            ("-7", "7", "-1", "0", -1.0),
            ("-7", "1125899906842627", "-1", "1125899906842620", -6.21724893790086e-15),
            ("-7", "-1125899906842627", "0", "-7", 6.21724893790086e-15),
            ("-7", "1180591620717411303423", "-1", "1180591620717411303416", -5.929230630780102e-21),
            ("-7", "-1180591620717411303424", "0", "-7", 5.929230630780102e-21),
            ("-3", "-7", "0", "-3", 0.42857142857142855),
            ("-3", "-3", "1", "0", 1.0),
            ("-3", "-1", "3", "0", 3.0),
            ("-3", "1", "-3", "0", -3.0),
            ("-3", "2", "-2", "1", -1.5),
            ("-3", "5", "-1", "2", -0.6),
            ("-3", "7", "-1", "4", -0.42857142857142855),
            ("-3", "1125899906842627", "-1", "1125899906842624", -2.6645352591003686e-15),
            ("-3", "-1125899906842627", "0", "-3", 2.6645352591003686e-15),
            ("-3", "1180591620717411303423", "-1", "1180591620717411303420", -2.541098841762901e-21),
            ("-3", "-1180591620717411303424", "0", "-3", 2.541098841762901e-21),
            ("-1", "-7", "0", "-1", 0.14285714285714285),
            ("-1", "-3", "0", "-1", 0.3333333333333333),
            ("-1", "-1", "1", "0", 1.0),
            ("-1", "1", "-1", "0", -1.0),
            ("-1", "2", "-1", "1", -0.5),
            ("-1", "5", "-1", "4", -0.2),
            ("-1", "7", "-1", "6", -0.14285714285714285),
            ("-1", "1125899906842627", "-1", "1125899906842626", -8.881784197001229e-16),
            ("-1", "-1125899906842627", "0", "-1", 8.881784197001229e-16),
            ("-1", "1180591620717411303423", "-1", "1180591620717411303422", -8.470329472543003e-22),
            ("-1", "-1180591620717411303424", "0", "-1", 8.470329472543003e-22),
            ("0", "-7", "0", "0", -0.0),
            ("0", "-3", "0", "0", -0.0),
            ("0", "-1", "0", "0", -0.0),
            ("0", "1", "0", "0", 0.0),
            ("0", "2", "0", "0", 0.0),
            ("0", "5", "0", "0", 0.0),
            ("0", "7", "0", "0", 0.0),
            ("0", "1125899906842627", "0", "0", 0.0),
            ("0", "-1125899906842627", "0", "0", -0.0),
            ("0", "1180591620717411303423", "0", "0", 0.0),
            ("0", "-1180591620717411303424", "0", "0", -0.0),
            ("1", "-7", "-1", "-6", -0.14285714285714285),
            ("1", "-3", "-1", "-2", -0.3333333333333333),
            ("1", "-1", "-1", "0", -1.0),
            ("1", "1", "1", "0", 1.0),
            ("1", "2", "0", "1", 0.5),
            ("1", "5", "0", "1", 0.2),
            ("1", "7", "0", "1", 0.14285714285714285),
            ("1", "1125899906842627", "0", "1", 8.881784197001229e-16),
            ("1", "-1125899906842627", "-1", "-1125899906842626", -8.881784197001229e-16),
            ("1", "1180591620717411303423", "0", "1", 8.470329472543003e-22),
            ("1", "-1180591620717411303424", "-1", "-1180591620717411303423", -8.470329472543003e-22),
            ("2", "-7", "-1", "-5", -0.2857142857142857),
            ("2", "-3", "-1", "-1", -0.6666666666666666),
            ("2", "-1", "-2", "0", -2.0),
            ("2", "1", "2", "0", 2.0),
            ("2", "2", "1", "0", 1.0),
            ("2", "5", "0", "2", 0.4),
            ("2", "7", "0", "2", 0.2857142857142857),
            ("2", "1125899906842627", "0", "2", 1.7763568394002457e-15),
            ("2", "-1125899906842627", "-1", "-1125899906842625", -1.7763568394002457e-15),
            ("2", "1180591620717411303423", "0", "2", 1.6940658945086007e-21),
            ("2", "-1180591620717411303424", "-1", "-1180591620717411303422", -1.6940658945086007e-21),
            ("5", "-7", "-1", "-2", -0.7142857142857143),
            ("5", "-3", "-2", "-1", -1.6666666666666667),
            ("5", "-1", "-5", "0", -5.0),
            ("5", "1", "5", "0", 5.0),
            ("5", "2", "2", "1", 2.5),
            ("5", "5", "1", "0", 1.0),
            ("5", "7", "0", "5", 0.7142857142857143),
            ("5", "1125899906842627", "0", "5", 4.440892098500614e-15),
            ("5", "-1125899906842627", "-1", "-1125899906842622", -4.440892098500614e-15),
            ("5", "1180591620717411303423", "0", "5", 4.235164736271502e-21),
            ("5", "-1180591620717411303424", "-1", "-1180591620717411303419", -4.235164736271502e-21),
            ("7", "-7", "-1", "0", -1.0),
            ("7", "-3", "-3", "-2", -2.3333333333333335),
            ("7", "-1", "-7", "0", -7.0),
            ("7", "1", "7", "0", 7.0),
            ("7", "2", "3", "1", 3.5),
            ("7", "5", "1", "2", 1.4),
            ("7", "7", "1", "0", 1.0),
            ("7", "1125899906842627", "0", "7", 6.21724893790086e-15),
            ("7", "-1125899906842627", "-1", "-1125899906842620", -6.21724893790086e-15),
            ("7", "1180591620717411303423", "0", "7", 5.929230630780102e-21),
            ("7", "-1180591620717411303424", "-1", "-1180591620717411303417", -5.929230630780102e-21),
            ("1125899906842627", "-7", "-160842843834661", "0", -160842843834661.0),
            ("1125899906842627", "-3", "-375299968947543", "-2", -375299968947542.3),
            ("1125899906842627", "-1", "-1125899906842627", "0", -1125899906842627.0),
            ("1125899906842627", "1", "1125899906842627", "0", 1125899906842627.0),
            ("1125899906842627", "2", "562949953421313", "1", 562949953421313.5),
            ("1125899906842627", "5", "225179981368525", "2", 225179981368525.4),
            ("1125899906842627", "7", "160842843834661", "0", 160842843834661.0),
            ("1125899906842627", "1125899906842627", "1", "0", 1.0),
            ("1125899906842627", "-1125899906842627", "-1", "0", -1.0),
            ("1125899906842627", "1180591620717411303423", "0", "1125899906842627", 9.536743164062525e-07),
            ("1125899906842627", "-1180591620717411303424", "-1", "-1180590494817504460797", -9.536743164062525e-07),
            ("-1125899906842627", "-7", "160842843834661", "0", 160842843834661.0),
            ("-1125899906842627", "-3", "375299968947542", "-1", 375299968947542.3),
            ("-1125899906842627", "-1", "1125899906842627", "0", 1125899906842627.0),
            ("-1125899906842627", "1", "-1125899906842627", "0", -1125899906842627.0),
            ("-1125899906842627", "2", "-562949953421314", "1", -562949953421313.5),
            ("-1125899906842627", "5", "-225179981368526", "3", -225179981368525.4),
            ("-1125899906842627", "7", "-160842843834661", "0", -160842843834661.0),
            ("-1125899906842627", "1125899906842627", "-1", "0", -1.0),
            ("-1125899906842627", "-1125899906842627", "1", "0", 1.0),
            ("-1125899906842627", "1180591620717411303423", "-1", "1180590494817504460796", -9.536743164062525e-07),
            ("-1125899906842627", "-1180591620717411303424", "0", "-1125899906842627", 9.536743164062525e-07),
            ("1180591620717411303423", "-7", "-168655945816773043347", "-6", -1.6865594581677303e+20),
            ("1180591620717411303423", "-3", "-393530540239137101141", "0", -3.935305402391371e+20),
            ("1180591620717411303423", "-1", "-1180591620717411303423", "0", -1.1805916207174113e+21),
            ("1180591620717411303423", "1", "1180591620717411303423", "0", 1.1805916207174113e+21),
            ("1180591620717411303423", "2", "590295810358705651711", "1", 5.902958103587057e+20),
            ("1180591620717411303423", "5", "236118324143482260684", "3", 2.3611832414348227e+20),
            ("1180591620717411303423", "7", "168655945816773043346", "1", 1.6865594581677303e+20),
            ("1180591620717411303423", "1125899906842627", "1048575", "1125899903696898", 1048575.9999999972),
            ("1180591620717411303423", "-1125899906842627", "-1048576", "-3145729", -1048575.9999999972),
            ("1180591620717411303423", "1180591620717411303423", "1", "0", 1.0),
            ("1180591620717411303423", "-1180591620717411303424", "-1", "-1", -1.0),
            ("-1180591620717411303424", "-7", "168655945816773043346", "-2", 1.6865594581677303e+20),
            ("-1180591620717411303424", "-3", "393530540239137101141", "-1", 3.935305402391371e+20),
            ("-1180591620717411303424", "-1", "1180591620717411303424", "0", 1.1805916207174113e+21),
            ("-1180591620717411303424", "1", "-1180591620717411303424", "0", -1.1805916207174113e+21),
            ("-1180591620717411303424", "2", "-590295810358705651712", "0", -5.902958103587057e+20),
            ("-1180591620717411303424", "5", "-236118324143482260685", "1", -2.3611832414348227e+20),
            ("-1180591620717411303424", "7", "-168655945816773043347", "5", -1.6865594581677303e+20),
            ("-1180591620717411303424", "1125899906842627", "-1048576", "3145728", -1048575.9999999972),
            ("-1180591620717411303424", "-1125899906842627", "1048575", "-1125899903696899", 1048575.9999999972),
            ("-1180591620717411303424", "1180591620717411303423", "-2", "1180591620717411303422", -1.0),
            ("-1180591620717411303424", "-1180591620717411303424", "1", "0", 1.0),
        ];
        for &(a, b, q, r, t) in table {
            let (x, y) = (int(&vm, a), int(&vm, b));
            let fq = int_binop(&mut vm, BinOp::FloorDiv, x, y).unwrap();
            let fr = int_binop(&mut vm, BinOp::Mod, x, y).unwrap();
            let ft = int_binop(&mut vm, BinOp::TrueDiv, x, y).unwrap();
            assert_eq!((text(fq), text(fr)), (q.to_owned(), r.to_owned()), "{a} // {b}, {a} % {b}");
            assert_eq!(float_val(ft), Some(t), "{a} / {b}");
            let dm = int_divmod(&mut vm, x, y).unwrap();
            let parts = dm.as_tuple().unwrap().to_vec();
            assert_eq!((text(parts[0]), text(parts[1])), (q.to_owned(), r.to_owned()));
        }
    }

    #[test]
    fn small_results_stay_inline() {
        let mut vm = Vm::new();
        let big = int(&vm, "1267650600228229401496703205376");
        let r = int_binop(&mut vm, BinOp::Sub, big, big).unwrap();
        assert!(r.is_small_int());
        let a = vm.new_int(1 << 46);
        let r = int_binop(&mut vm, BinOp::Add, a, a).unwrap();
        assert!(!r.is_small_int());
        assert_eq!(text(r), (1i64 << 47).to_string());
        let r = int_binop(&mut vm, BinOp::Mul, a, a).unwrap();
        assert_eq!(text(r), (1i128 << 92).to_string());
    }

    #[test]
    fn powers_shifts_and_bool_ops() {
        let mut vm = Vm::new();
        let cases: &[(&str, BinOp, &str, &str)] = &[
            ("1", BinOp::LShift, "100", "1267650600228229401496703205376"),
            ("-1267650600228229401496703205376", BinOp::RShift, "99", "-2"),
            ("1267650600228229401496703205376", BinOp::RShift, "200", "0"),
            ("-1267650600228229401496703205376", BinOp::RShift, "200", "-1"),
            ("5", BinOp::LShift, "70", "5902958103587056517120"),
            ("10", BinOp::Pow, "22", "10000000000000000000000"),
            ("-3", BinOp::Pow, "41", "-36472996377170786403"),
            ("-1180591620717411303424", BinOp::Or, "5", "-1180591620717411303419"),
            ("-1180591620717411303424", BinOp::Xor, "-1", "1180591620717411303423"),
            ("-1267650600228229401496703205376", BinOp::And, "255", "0"),
        ];
        for &(a, op, b, want) in cases {
            let (x, y) = (int(&vm, a), int(&vm, b));
            let r = int_binop(&mut vm, op, x, y).unwrap();
            assert_eq!(text(r), want, "{a} {op:?} {b}");
        }
        let r = int_binop(&mut vm, BinOp::Pow, Value::small_int(3).unwrap(), Value::small_int(-2).unwrap()).unwrap();
        assert_eq!(float_val(r), Some(0.1111111111111111));
        assert_eq!(int_binop(&mut vm, BinOp::And, Value::TRUE, Value::FALSE).unwrap(), Value::FALSE);
        assert_eq!(int_binop(&mut vm, BinOp::Xor, Value::TRUE, Value::FALSE).unwrap(), Value::TRUE);
        assert_eq!(text(int_binop(&mut vm, BinOp::Add, Value::TRUE, Value::TRUE).unwrap()), "2");
        let one = Value::small_int(1).unwrap();
        let neg = Value::small_int(-1).unwrap();
        assert!(int_binop(&mut vm, BinOp::LShift, one, neg).is_err());
        assert!(int_binop(&mut vm, BinOp::FloorDiv, one, Value::small_int(0).unwrap()).is_err());
        assert_eq!(int_binop(&mut vm, BinOp::Add, one, Value::NONE).unwrap(), Value::NOT_IMPLEMENTED);
    }

    #[test]
    fn modular_powers() {
        let mut vm = Vm::new();
        // pow(a, b, m) from python3.11.
        let cases: &[(i64, i64, i64, i64)] = &[
            (3, -1, 7, 5),
            (-3, -1, 7, 2),
            (3, -1, -7, -2),
            (2, 100, 1_000_000_007, 976371285),
            (-2, 101, 1000, 248),
            (2, -1, 1, 0),
            (5, 0, 1, 0),
            (7, 2, -5, -1),
            (0, 0, 5, 1),
        ];
        for &(a, b, m, want) in cases {
            let (x, y, z) = (vm.new_int(a), vm.new_int(b), vm.new_int(m));
            let r = int_pow_mod(&mut vm, x, y, z).unwrap();
            assert_eq!(text(r), want.to_string(), "pow({a}, {b}, {m})");
        }
        let (two, three, neg, four, zero) =
            (vm.new_int(2), vm.new_int(3), vm.new_int(-1), vm.new_int(4), vm.new_int(0));
        assert!(int_pow_mod(&mut vm, two, neg, four).is_err());
        assert!(int_pow_mod(&mut vm, two, three, zero).is_err());
    }

    #[test]
    fn comparisons_hashes_and_strings() {
        let vm = Vm::new();
        let a = int(&vm, "1267650600228229401496703205376");
        let b = int(&vm, "-1267650600228229401496703205376");
        assert_eq!(int_compare(CmpOp::Lt, b, a), Some(true));
        assert_eq!(int_compare(CmpOp::Eq, Value::TRUE, Value::small_int(1).unwrap()), Some(true));
        assert_eq!(int_compare(CmpOp::Lt, a, Value::float(1.0)), None);
        assert_eq!(int_hash(Value::small_int(-1).unwrap()), Some(-2));
        assert_eq!(int_hash(Value::TRUE), Some(1));
        assert_eq!(
            int_hash(int(&vm, "100000000000000000000")),
            Some(100000000000000000000i128.rem_euclid((1 << 61) - 1) as i64)
        );
        assert_eq!(int_to_string(&vm, a).unwrap().ok().as_deref(), Some("1267650600228229401496703205376"));
        let huge = vm.new_bigint(BigInt::from(10).pow(5000));
        assert!(int_to_string(&vm, huge).unwrap().is_err());
        let edge = vm.new_bigint(BigInt::from(10).pow(4300) - 1);
        assert_eq!(int_to_string(&vm, edge).unwrap().map(|s| s.len()).ok(), Some(4300));
    }
}
