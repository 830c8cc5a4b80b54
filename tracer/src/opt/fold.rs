//! Constant folding and algebraic identities.
//!
//! An op whose operands are all constants is evaluated (with `semantics`, the same code the
//! reference backend runs) and replaced by a constant op of its result type. Overflow checks
//! whose operands are constants and do not overflow become constants; one that always
//! overflows stays, since it is the trace's exit. A guard whose condition is known and holds
//! goes; one that always fails stays.
//!
//! There is no boolean constant op, so a compare with a known result stays in the trace (dead
//! code elimination removes it when nothing else reads it); its value is remembered for the
//! guards that test it.
//!
//! Identities (`x + 0`, `x * 1`, `x - x`, `as_int (as_word x)`, ...) replace an op by its
//! operand only when the types agree, because the type of a value tells the frontend how to
//! read it at an exit (`Word` vs `Int`). Left alone on purpose: division by constants whose
//! result the contract leaves undefined (by zero, `i64::MIN // -1`), float results that are
//! NaN, and float identities (`x * 1.0` changes a signalling NaN's bits on some hardware).

use super::Rewriter;
use crate::ir::{Cond, Op, Trace, Type, ValueId};
use crate::semantics::{eval, Eval};

pub fn run(src: &Trace) -> Trace {
    let mut r = Rewriter::new(src);
    // The constant value of each output value, when known.
    let mut consts: Vec<Option<u64>> = vec![None; src.params.len()];
    for i in src.params.len()..src.ops.len() {
        let op = r.renamed(i);
        let (out, c) = fold(&r, &consts, op);
        match out {
            Folded::Op(op) => {
                r.keep(i, op);
                consts.push(c);
            }
            Folded::Const(op) => {
                let c = eval(&op, |_| 0);
                r.keep(i, op);
                consts.push(match c {
                    Eval::Value(x) => Some(x),
                    _ => None,
                });
            }
            Folded::Alias(v) => r.set(i, v),
            Folded::Drop => {}
        }
        debug_assert_eq!(consts.len(), r.out.ops.len());
    }
    r.finish()
}

enum Folded {
    /// Keep this op; the second value of `fold`'s result is its known value, if any.
    Op(Op),
    /// A new constant op.
    Const(Op),
    /// The op's value is this existing value.
    Alias(ValueId),
    /// The op goes (a guard that always holds).
    Drop,
}

/// A constant op of type `ty` holding `bits`, unless that type has no constants (`Bool`) or
/// the bits are a float NaN.
fn constant(ty: Type, bits: u64) -> Option<Op> {
    match ty {
        Type::Int => Some(Op::ConstInt(bits as i64)),
        Type::Float if !f64::from_bits(bits).is_nan() => Some(Op::ConstFloat(bits)),
        Type::Word => Some(Op::ConstWord(bits)),
        _ => None,
    }
}

fn fold(r: &Rewriter, consts: &[Option<u64>], op: Op) -> (Folded, Option<u64>) {
    use Op::*;
    let k = |v: &ValueId| consts.get(v.index()).copied().flatten();
    let ty = op.result_type(&r.out.params);
    if let Guard { cond, expect, .. } = &op {
        return match k(cond) {
            Some(c) if (c != 0) == *expect => (Folded::Drop, None),
            _ => (Folded::Op(op), None),
        };
    }
    // Everything constant: evaluate.
    let operands = op.operands();
    let computes =
        !matches!(op, Param(_) | ConstInt(_) | ConstFloat(_) | ConstWord(_)) && eval(&op, |_| 0) != Eval::NotComputed;
    if computes && operands.iter().all(|v| k(v).is_some()) {
        let undefined = match &op {
            IntFloorDiv(a, b) | IntMod(a, b) => {
                let (a, b) = (k(a).unwrap_or(0) as i64, k(b).unwrap_or(0) as i64);
                b == 0 || (a == i64::MIN && b == -1)
            }
            _ => false,
        };
        if !undefined {
            if let Eval::Value(x) = eval(&op, |v| k(&v).unwrap_or(0)) {
                return match constant(ty, x) {
                    Some(c) => (Folded::Const(c), None),
                    // A known bool (or a NaN): the op stays, its value is remembered.
                    None if ty == Type::Bool => (Folded::Op(op), Some(x)),
                    None => (Folded::Op(op), None),
                };
            }
            // Always overflows: stays as the trace's exit.
            return (Folded::Op(op), None);
        }
    }
    if matches!(op, ConstInt(_) | ConstFloat(_) | ConstWord(_)) {
        let c = eval(&op, |_| 0);
        return (Folded::Op(op), if let Eval::Value(x) = c { Some(x) } else { None });
    }
    // Identities.
    let int = |v: &ValueId| if r.ty(*v) == Type::Int { Some(*v) } else { None };
    let is = |v: &ValueId, c: i64| k(v) == Some(c as u64);
    let alias = |v: Option<ValueId>| v.map(Folded::Alias);
    let zero = Some(Folded::Const(ConstInt(0)));
    let shift_zero = |b: &ValueId| k(b).is_some_and(|c| c % 64 == 0);
    let folded = match &op {
        IntAdd(a, b) | IntAddOv { a, b, .. } | IntOr(a, b) | IntXor(a, b) if is(b, 0) => alias(int(a)),
        IntAdd(a, b) | IntAddOv { a, b, .. } | IntOr(a, b) | IntXor(a, b) if is(a, 0) => alias(int(b)),
        IntSub(a, b) | IntSubOv { a, b, .. } if is(b, 0) => alias(int(a)),
        IntSub(a, b) | IntSubOv { a, b, .. } | IntXor(a, b) if a == b => zero,
        IntMul(a, b) | IntMulOv { a, b, .. } if is(b, 1) => alias(int(a)),
        IntMul(a, b) | IntMulOv { a, b, .. } if is(a, 1) => alias(int(b)),
        IntMul(a, b) | IntMulOv { a, b, .. } | IntAnd(a, b) if is(a, 0) || is(b, 0) => zero,
        IntAnd(a, b) if is(b, -1) => alias(int(a)),
        IntAnd(a, b) if is(a, -1) => alias(int(b)),
        IntAnd(a, b) | IntOr(a, b) if a == b => alias(int(a)),
        IntShl(a, b) | IntSar(a, b) | IntShr(a, b) if shift_zero(b) => alias(int(a)),
        IntCmp(c, a, b) if a == b => {
            let holds = matches!(c, Cond::Eq | Cond::Le | Cond::Ge | Cond::AboveEq);
            return (Folded::Op(op), Some(holds as u64));
        }
        // Round trips through reinterpretation.
        AsInt(a) => match r.def(*a) {
            AsWord(x) => alias(int(x)),
            _ => None,
        },
        AsWord(a) => match r.def(*a) {
            AsInt(x) if r.ty(*x) == Type::Word => Some(Folded::Alias(*x)),
            _ => None,
        },
        FloatBits(a) => match r.def(*a) {
            BitsToFloat(x) => alias(int(x)),
            _ => None,
        },
        BitsToFloat(a) => match r.def(*a) {
            FloatBits(x) => Some(Folded::Alias(*x)),
            _ => None,
        },
        IntNeg(a) => match r.def(*a) {
            IntNeg(x) => alias(int(x)),
            _ => None,
        },
        _ => None,
    };
    (folded.unwrap_or(Folded::Op(op)), None)
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::assert_pass;

    #[test]
    fn folds_arithmetic_and_overflow_checks() {
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = const_int 6
v2 = const_int 7
v3 = int_mul_ov v1, v2 !s0 [ov]
v4 = int_floordiv v1, v2
v5 = const_int -7
v6 = int_mod v5, v1
v7 = int_add v0, v3
v8 = const_int 9223372036854775807
v9 = int_add_ov v8, v2 !s0 [ov]
v10 = int_add v8, v2
v11 = int_shl v2, v1
v12 = int_floordiv v2, v4
jump v12
s0 = snapshot [meta=1: 0=v0 1=v1]
",
            "
kinds: ov
v0 = param 0 : int
v1 = const_int 6
v2 = const_int 7
v3 = const_int 42
v4 = const_int 0
v5 = const_int -7
v6 = const_int 5
v7 = int_add v0, v3
v8 = const_int 9223372036854775807
v9 = int_add_ov v8, v2 !s0 [ov]
v10 = const_int -9223372036854775802
v11 = const_int 448
v12 = int_floordiv v2, v4
jump v12
s0 = snapshot [meta=1: 0=v0 1=v1]
",
        );
    }

    #[test]
    fn folds_floats_but_not_nan() {
        assert_pass(
            run,
            "
v0 = param 0 : float
v1 = const_float 1.5
v2 = const_float 2.0
v3 = float_mul v1, v2
v4 = float_sqrt v3
v5 = const_float -1.0
v6 = float_sqrt v5
v7 = float_add v0, v6
v8 = float_bits v1
v9 = bits_to_float v8
v10 = int_to_float v8
jump v7
",
            "
v0 = param 0 : float
v1 = const_float 1.5
v2 = const_float 2.0
v3 = const_float 3.0
v4 = const_float 1.7320508075688772
v5 = const_float -1.0
v6 = float_sqrt v5
v7 = float_add v0, v6
v8 = const_int 4609434218613702656
v9 = const_float 1.5
v10 = const_float 4.6094342186137027e18
jump v7
",
        );
    }

    #[test]
    fn known_guards_go_and_failing_ones_stay() {
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = const_int 1
v2 = const_int 2
v3 = int_cmp lt v1, v2
guard_true v3 !s0 [k]
guard_false v3 !s1 [k]
v6 = int_cmp le v0, v0
guard_true v6 !s2 [k]
jump v0
s0 = snapshot [meta=0: 0=v0]
s1 = snapshot [meta=1: 0=v0 1=v1]
s2 = snapshot [meta=2: 0=v3]
",
            "
kinds: k
v0 = param 0 : int
v1 = const_int 1
v2 = const_int 2
v3 = int_cmp lt v1, v2
guard_false v3 !s1 [k]
v5 = int_cmp le v0, v0
jump v0
s0 = snapshot
s1 = snapshot [meta=1: 0=v0 1=v1]
s2 = snapshot
",
        );
    }

    #[test]
    fn identities_respect_types() {
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = param 1 : word
v2 = const_int 0
v3 = const_int 1
v4 = int_add v0, v2
v5 = int_add v1, v2
v6 = int_mul_ov v3, v4 !s0 [ov]
v7 = int_sub_ov v6, v6 !s0 [ov]
v8 = as_word v6
v9 = as_int v8
v10 = as_int v1
v11 = as_word v10
v12 = int_shl v0, v2
v13 = int_and v5, v5
jump v9, v11
s0 = snapshot [meta=0: 0=v0]
",
            "
kinds: ov
v0 = param 0 : int
v1 = param 1 : word
v2 = const_int 0
v3 = const_int 1
v4 = int_add v1, v2
v5 = const_int 0
v6 = as_word v0
v7 = as_int v1
jump v0, v1
s0 = snapshot
",
        );
    }
}
