//! Removal of guards implied by earlier ones.
//!
//! Walking the trace forward, every guard that stays teaches a fact: its condition has the
//! expected value from here on. When the condition is a compare, the facts also cover what
//! the compare implies: after `guard_true (int_cmp lt a, b)` the trace knows `a < b`, hence
//! `a <= b`, `a != b`, `b > a`, and that `a >= b` is false. A later guard whose condition is
//! known to hold goes; one known to fail stays (it is where the trace always leaves).
//!
//! Float compares imply less, because of NaN: only a compare that held (other than `ne`)
//! shows both operands are numbers, and only then does its negation fail.
//!
//! An overflow check repeated with the same operands (`int_add_ov a, b` twice, in either
//! order) cannot fail the second time and gives the same value: it takes the first one's.
//!
//! Facts are only taken from guards that dominate what follows; a trace is straight-line
//! code, so every earlier op does.

use std::collections::HashMap;

use super::Rewriter;
use crate::ir::{Cond, Op, Trace, ValueId};

/// What one true compare implies is also true (itself first).
fn implied(c: Cond, float: bool) -> &'static [Cond] {
    use Cond::*;
    match c {
        Eq if float => &[Eq, Le, Ge],
        Eq => &[Eq, Le, Ge, AboveEq],
        Ne => &[Ne],
        Lt => &[Lt, Le, Ne],
        Le => &[Le],
        Gt => &[Gt, Ge, Ne],
        Ge => &[Ge],
        Below => &[Below, Ne],
        AboveEq => &[AboveEq],
    }
}

/// Known compare results: `(float, cond, a, b) -> value`.
#[derive(Default)]
struct Facts {
    cmps: HashMap<(bool, Cond, ValueId, ValueId), bool>,
    /// Bool values guarded so far.
    bools: HashMap<ValueId, bool>,
}

impl Facts {
    fn set(&mut self, float: bool, c: Cond, a: ValueId, b: ValueId, value: bool) {
        self.cmps.insert((float, c, a, b), value);
        if let Some(s) = c.swapped() {
            self.cmps.insert((float, s, b, a), value);
        }
    }

    /// Records that `c(a, b)` is `value`, with what that implies.
    fn learn(&mut self, float: bool, c: Cond, a: ValueId, b: ValueId, value: bool) {
        if float {
            self.set(true, c, a, b, value);
            if value && c != Cond::Ne {
                for &d in implied(c, true) {
                    self.set(true, d, a, b, true);
                    if d != Cond::Ne {
                        self.set(true, d.negated(), a, b, false);
                    }
                }
            }
            return;
        }
        let holds = if value { c } else { c.negated() };
        for &d in implied(holds, false) {
            self.set(false, d, a, b, true);
            self.set(false, d.negated(), a, b, false);
        }
    }

    /// The known value of Bool `v`, defined in the output by `def`.
    fn value_of(&self, v: ValueId, def: &Op) -> Option<bool> {
        if let Some(&x) = self.bools.get(&v) {
            return Some(x);
        }
        match def {
            Op::IntCmp(c, a, b) => self.cmps.get(&(false, *c, *a, *b)).copied(),
            Op::FloatCmp(c, a, b) => self.cmps.get(&(true, *c, *a, *b)).copied(),
            _ => None,
        }
    }
}

pub fn run(src: &Trace) -> Trace {
    let mut r = Rewriter::new(src);
    let mut facts = Facts::default();
    // Overflow checks done so far: (op name, operands in canonical order) -> value.
    let mut checked: HashMap<(&'static str, ValueId, ValueId), ValueId> = HashMap::new();
    for i in src.params.len()..src.ops.len() {
        let op = r.renamed(i);
        match &op {
            Op::Guard { cond, expect, .. } => {
                let (cond, expect) = (*cond, *expect);
                if facts.value_of(cond, r.def(cond)) == Some(expect) {
                    continue;
                }
                match *r.def(cond) {
                    Op::IntCmp(c, a, b) => facts.learn(false, c, a, b, expect),
                    Op::FloatCmp(c, a, b) => facts.learn(true, c, a, b, expect),
                    _ => {}
                }
                facts.bools.insert(cond, expect);
                r.keep(i, op);
            }
            Op::IntAddOv { a, b, .. } | Op::IntSubOv { a, b, .. } | Op::IntMulOv { a, b, .. } => {
                let (mut a, mut b) = (*a, *b);
                if !matches!(op, Op::IntSubOv { .. }) && a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                let key = (op.name(), a, b);
                if let Some(&v) = checked.get(&key) {
                    r.set(i, v);
                } else {
                    let v = r.keep(i, op);
                    checked.insert(key, v);
                }
            }
            _ => {
                r.keep(i, op);
            }
        }
    }
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::assert_pass;

    #[test]
    fn repeated_and_implied_guards_go() {
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : bool
v3 = int_cmp lt v0, v1
guard_true v3 !s0 [k]
guard_true v3 !s1 [k]
v6 = int_cmp ge v0, v1
guard_false v6 !s2 [k]
v8 = int_cmp gt v1, v0
guard_true v8 !s3 [k]
v10 = int_cmp ne v0, v1
guard_true v10 !s4 [k]
v12 = int_cmp eq v1, v0
guard_true v12 !s5 [k]
v14 = int_cmp le v0, v1
guard_false v14 !s6 [k]
guard_false v2 !s7 [k]
guard_false v2 !s8 [k]
v18 = int_cmp below v0, v1
guard_true v18 !s9 [k]
jump v0, v1, v2
s0 = snapshot [meta=0: 0=v0]
s1 = snapshot [meta=1: 0=v0]
s2 = snapshot [meta=2: 0=v0]
s3 = snapshot [meta=3: 0=v0]
s4 = snapshot [meta=4: 0=v0]
s5 = snapshot [meta=5: 0=v0]
s6 = snapshot [meta=6: 0=v0]
s7 = snapshot [meta=7: 0=v0]
s8 = snapshot [meta=8: 0=v0]
s9 = snapshot [meta=9: 0=v0]
",
            "
kinds: k
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : bool
v3 = int_cmp lt v0, v1
guard_true v3 !s0 [k]
v5 = int_cmp ge v0, v1
v6 = int_cmp gt v1, v0
v7 = int_cmp ne v0, v1
v8 = int_cmp eq v1, v0
guard_true v8 !s5 [k]
v10 = int_cmp le v0, v1
guard_false v10 !s6 [k]
guard_false v2 !s7 [k]
v13 = int_cmp below v0, v1
guard_true v13 !s9 [k]
jump v0, v1, v2
s0 = snapshot [meta=0: 0=v0]
s1 = snapshot
s2 = snapshot
s3 = snapshot
s4 = snapshot
s5 = snapshot [meta=5: 0=v0]
s6 = snapshot [meta=6: 0=v0]
s7 = snapshot [meta=7: 0=v0]
s8 = snapshot
s9 = snapshot [meta=9: 0=v0]
",
        );
    }

    #[test]
    fn float_facts_respect_nan_and_overflow_checks_merge() {
        assert_pass(
            run,
            "
v0 = param 0 : float
v1 = param 1 : float
v2 = param 2 : int
v3 = float_cmp ge v0, v1
guard_false v3 !s0 [k]
v5 = float_cmp lt v0, v1
guard_true v5 !s1 [k]
v7 = float_cmp ge v0, v1
guard_false v7 !s2 [k]
v9 = float_cmp ne v0, v1
guard_true v9 !s3 [k]
v11 = int_add_ov v2, v2 !s4 [ov]
v12 = int_mul_ov v2, v11 !s4 [ov]
v13 = int_mul_ov v11, v2 !s5 [ov]
v14 = int_sub_ov v11, v2 !s5 [ov]
v15 = int_sub_ov v2, v11 !s5 [ov]
v16 = int_add v12, v13
v17 = int_add v14, v15
jump v0, v1, v17
s0 = snapshot [meta=0: 0=v0]
s1 = snapshot [meta=1: 0=v0]
s2 = snapshot [meta=2: 0=v0]
s3 = snapshot [meta=3: 0=v0]
s4 = snapshot [meta=4: 0=v2]
s5 = snapshot [meta=5: 0=v2]
",
            "
kinds: k, ov
v0 = param 0 : float
v1 = param 1 : float
v2 = param 2 : int
v3 = float_cmp ge v0, v1
guard_false v3 !s0 [k]
v5 = float_cmp lt v0, v1
guard_true v5 !s1 [k]
v7 = float_cmp ge v0, v1
v8 = float_cmp ne v0, v1
v9 = int_add_ov v2, v2 !s4 [ov]
v10 = int_mul_ov v2, v9 !s4 [ov]
v11 = int_sub_ov v9, v2 !s5 [ov]
v12 = int_sub_ov v2, v9 !s5 [ov]
v13 = int_add v10, v10
v14 = int_add v11, v12
jump v0, v1, v14
s0 = snapshot [meta=0: 0=v0]
s1 = snapshot [meta=1: 0=v0]
s2 = snapshot
s3 = snapshot
s4 = snapshot [meta=4: 0=v2]
s5 = snapshot [meta=5: 0=v2]
",
        );
    }
}
