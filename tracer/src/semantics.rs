//! The meaning of every computing op, as a function of raw 64-bit words.
//!
//! `RefBackend` runs these and constant folding folds with them, so the reference and the
//! optimizer cannot disagree. Values are the ABI's encoding (see `ir`): an `Int` is its i64
//! as u64, a `Float` its IEEE bits, a `Bool` 0 or 1.
//!
//! Where the contract leaves a result undefined (division by zero or `i64::MIN // -1`,
//! which the frontend excludes by guards), these functions still return something (0, or the
//! wrapped result) rather than panic; nothing may depend on that value.

use crate::ir::{Cond, Op, ValueId};

/// The outcome of evaluating one op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eval {
    Value(u64),
    /// An `*Ov` op whose result does not fit in an i64: it exits.
    Overflow,
    /// Not a computation on operand words (params, memory, calls, guards, jump).
    NotComputed,
}

/// Python floor division: the quotient rounded toward negative infinity.
pub fn floor_div(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    let q = a.wrapping_div(b);
    if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
        q.wrapping_sub(1)
    } else {
        q
    }
}

/// Python modulo: the remainder has the sign of the divisor.
pub fn floor_mod(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r.wrapping_add(b)
    } else {
        r
    }
}

/// Integer comparison: signed, except `Below`/`AboveEq` which are unsigned.
pub fn int_cmp(c: Cond, a: u64, b: u64) -> bool {
    let (x, y) = (a as i64, b as i64);
    match c {
        Cond::Eq => a == b,
        Cond::Ne => a != b,
        Cond::Lt => x < y,
        Cond::Le => x <= y,
        Cond::Gt => x > y,
        Cond::Ge => x >= y,
        Cond::Below => a < b,
        Cond::AboveEq => a >= b,
    }
}

/// IEEE comparison: false whenever a NaN is involved, except `Ne`. The unsigned conditions
/// are not valid for floats (`Trace::check_types` rejects them); they answer false.
pub fn float_cmp(c: Cond, a: f64, b: f64) -> bool {
    match c {
        Cond::Eq => a == b,
        Cond::Ne => a != b,
        Cond::Lt => a < b,
        Cond::Le => a <= b,
        Cond::Gt => a > b,
        Cond::Ge => a >= b,
        Cond::Below | Cond::AboveEq => false,
    }
}

fn f(bits: u64) -> f64 {
    f64::from_bits(bits)
}

fn fb(x: f64) -> Eval {
    Eval::Value(x.to_bits())
}

fn int(x: i64) -> Eval {
    Eval::Value(x as u64)
}

fn ov(r: Option<i64>) -> Eval {
    match r {
        Some(x) => int(x),
        None => Eval::Overflow,
    }
}

/// Evaluates `op`, reading its operands through `get`.
pub fn eval(op: &Op, get: impl Fn(ValueId) -> u64) -> Eval {
    use Op::*;
    let i = |v: &ValueId| get(*v) as i64;
    let x = |v: &ValueId| f(get(*v));
    match op {
        Loop | Phi(..) => Eval::NotComputed,
        ConstInt(c) => int(*c),
        ConstFloat(bits) => Eval::Value(*bits),
        ConstWord(w) => Eval::Value(*w),
        IntAdd(a, b) => int(i(a).wrapping_add(i(b))),
        IntSub(a, b) => int(i(a).wrapping_sub(i(b))),
        IntMul(a, b) => int(i(a).wrapping_mul(i(b))),
        IntAddOv { a, b, .. } => ov(i(a).checked_add(i(b))),
        IntSubOv { a, b, .. } => ov(i(a).checked_sub(i(b))),
        IntMulOv { a, b, .. } => ov(i(a).checked_mul(i(b))),
        IntNeg(a) => int(i(a).wrapping_neg()),
        IntAnd(a, b) => int(i(a) & i(b)),
        IntOr(a, b) => int(i(a) | i(b)),
        IntXor(a, b) => int(i(a) ^ i(b)),
        // `wrapping_sh*` takes the count modulo 64, like the hardware.
        IntShl(a, b) => int(i(a).wrapping_shl(get(*b) as u32)),
        IntSar(a, b) => int(i(a).wrapping_shr(get(*b) as u32)),
        IntShr(a, b) => Eval::Value(get(*a).wrapping_shr(get(*b) as u32)),
        IntFloorDiv(a, b) => int(floor_div(i(a), i(b))),
        IntMod(a, b) => int(floor_mod(i(a), i(b))),
        IntCmp(c, a, b) => Eval::Value(int_cmp(*c, get(*a), get(*b)) as u64),
        FloatAdd(a, b) => fb(x(a) + x(b)),
        FloatSub(a, b) => fb(x(a) - x(b)),
        FloatMul(a, b) => fb(x(a) * x(b)),
        FloatDiv(a, b) => fb(x(a) / x(b)),
        FloatNeg(a) => Eval::Value(get(*a) ^ (1 << 63)),
        FloatAbs(a) => Eval::Value(get(*a) & !(1 << 63)),
        FloatSqrt(a) => fb(x(a).sqrt()),
        FloatCmp(c, a, b) => Eval::Value(float_cmp(*c, x(a), x(b)) as u64),
        IntToFloat(a) => fb(i(a) as f64),
        FloatBits(a) | BitsToFloat(a) | AsInt(a) | AsWord(a) => Eval::Value(get(*a)),
        Param(_)
        | Load { .. }
        | Store { .. }
        | LoadIndexed { .. }
        | StoreIndexed { .. }
        | LoadByte { .. }
        | StoreByte { .. }
        | Guard { .. }
        | Exit { .. }
        | Call { .. }
        | Jump(_) => Eval::NotComputed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_div_mod_follow_python() {
        // (a, b, a // b, a % b) as CPython computes them.
        let cases: &[(i64, i64, i64, i64)] = &[
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
            (6, 3, 2, 0),
            (-6, 3, -2, 0),
            (i64::MIN, 1, i64::MIN, 0),
            (i64::MIN, 2, i64::MIN / 2, 0),
            (i64::MAX, -1, -i64::MAX, 0),
            (i64::MIN, i64::MAX, -2, i64::MAX - 1),
            (0, -5, 0, 0),
        ];
        for &(a, b, q, r) in cases {
            assert_eq!((floor_div(a, b), floor_mod(a, b)), (q, r), "{a} // {b}");
        }
    }

    #[test]
    fn nan_compares() {
        let n = f64::NAN;
        for c in Cond::ALL {
            assert_eq!(float_cmp(c, n, 1.0), c == Cond::Ne, "{c:?}");
        }
    }
}
