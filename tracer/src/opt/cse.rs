//! Common-subexpression elimination: a pure op computed a second time with the same
//! operands takes the first one's value.
//!
//! Ops are compared structurally after their operands are renamed, with commutative
//! operands and compare directions put in a canonical order (`a < b` is `b > a`), so
//! constants, arithmetic and compares are each computed once per iteration.
//!
//! Loads are values too, but memory changes: a load is reused only until the next store that
//! may alias it (`ir::Access::may_alias`, by memory class and address), call that is not
//! pure, or the `Loop` header (after which the body runs many times), and a store makes the
//! value it wrote the one a later load of the same address and type reads (store-to-load
//! forwarding). Calls are never merged, even pure
//! ones: a pure helper may allocate, and two allocations are two objects.

use std::collections::HashMap;

use super::Rewriter;
use crate::ir::{Op, Trace, Type, ValueId};

/// The key under which an op is looked up: commutative operands ordered, compares turned
/// to have the smaller operand first.
fn canonical(op: &Op) -> Op {
    use Op::*;
    let ord = |a: &ValueId, b: &ValueId| if a <= b { (*a, *b) } else { (*b, *a) };
    match op {
        IntAdd(a, b) => {
            let (a, b) = ord(a, b);
            IntAdd(a, b)
        }
        IntMul(a, b) => {
            let (a, b) = ord(a, b);
            IntMul(a, b)
        }
        IntAnd(a, b) => {
            let (a, b) = ord(a, b);
            IntAnd(a, b)
        }
        IntOr(a, b) => {
            let (a, b) = ord(a, b);
            IntOr(a, b)
        }
        IntXor(a, b) => {
            let (a, b) = ord(a, b);
            IntXor(a, b)
        }
        IntCmp(c, a, b) if a > b => match c.swapped() {
            Some(s) => IntCmp(s, *b, *a),
            None => op.clone(),
        },
        FloatCmp(c, a, b) if a > b => match c.swapped() {
            Some(s) => FloatCmp(s, *b, *a),
            None => op.clone(),
        },
        _ => op.clone(),
    }
}

pub fn run(src: &Trace) -> Trace {
    let mut r = Rewriter::new(src);
    let mut pure: HashMap<Op, ValueId> = HashMap::new();
    let mut loads: HashMap<Op, ValueId> = HashMap::new();
    for i in src.params.len()..src.ops.len() {
        let op = r.renamed(i);
        match &op {
            Op::Load { .. } | Op::LoadIndexed { .. } | Op::LoadByte { .. } => {
                if let Some(&v) = loads.get(&op) {
                    r.set(i, v);
                } else {
                    let v = r.keep(i, op.clone());
                    loads.insert(op, v);
                }
            }
            Op::Store { base, offset, value, mem } | Op::StoreIndexed { base, offset, value, mem, .. } => {
                let (base, offset, value, mem) = (*base, *offset, *value, *mem);
                if let Some(st) = op.access() {
                    loads.retain(|l, _| l.access().is_some_and(|a| !a.may_alias(&st)));
                }
                let ty = r.ty(value);
                if matches!(ty, Type::Int | Type::Float | Type::Word) {
                    let key = match &op {
                        Op::StoreIndexed { index, .. } => Op::LoadIndexed { base, index: *index, offset, ty, mem },
                        _ => Op::Load { base, offset, ty, mem },
                    };
                    loads.insert(key, value);
                }
                r.keep(i, op);
            }
            Op::StoreByte { .. } => {
                // Kills the loads it may alias; no forwarding (a load gives the low byte only).
                if let Some(st) = op.access() {
                    loads.retain(|l, _| l.access().is_some_and(|a| !a.may_alias(&st)));
                }
                r.keep(i, op);
            }
            Op::Call { pure: false, .. } | Op::Loop => {
                loads.clear();
                r.keep(i, op);
            }
            _ if op.is_pure() && !matches!(op, Op::Call { .. }) => {
                let key = canonical(&op);
                if let Some(&v) = pure.get(&key) {
                    r.set(i, v);
                } else {
                    let v = r.keep(i, op);
                    pure.insert(key, v);
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
    fn merges_pure_ops_constants_and_mirrored_compares() {
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add v0, v1
v4 = const_int 1
v5 = int_add v1, v0
v6 = int_sub v1, v0
v7 = int_sub v0, v1
v8 = int_cmp lt v0, v1
v9 = int_cmp gt v1, v0
v10 = int_cmp below v1, v0
v11 = int_mul_ov v3, v5 !s0 [ov]
v12 = int_mul_ov v5, v3 !s0 [ov]
jump v11, v12
s0 = snapshot [meta=0: 0=v8 1=v9 2=v10 3=v4]
",
            "
kinds: ov
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add v0, v1
v4 = int_sub v1, v0
v5 = int_sub v0, v1
v6 = int_cmp lt v0, v1
v7 = int_cmp below v1, v0
v8 = int_mul_ov v3, v3 !s0 [ov]
v9 = int_mul_ov v3, v3 !s0 [ov]
jump v8, v9
s0 = snapshot [meta=0: 0=v6 1=v6 2=v7 3=v2]
",
        );
    }

    #[test]
    fn loads_are_reused_until_memory_changes() {
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = param 1 : float
v2 = load [v0 + 8] : int
v3 = load [v0 + 8] : int
v4 = load [v0 + 8] : float
store [v0 + 16], v1
v6 = load [v0 + 8] : int
v7 = load [v0 + 16] : float
v8 = call_pure 0x1000(v0) : int
v9 = load [v0 + 8] : int
call 0x1000(v0)
v11 = load [v0 + 8] : int
v12 = call_pure 0x1000(v0) : int
v13 = int_add v2, v3
v14 = int_add v6, v9
v15 = int_add v11, v12
v16 = int_add v13, v14
v17 = int_add v16, v15
v18 = float_add v7, v4
jump v17, v18
",
            "
v0 = param 0 : int
v1 = param 1 : float
v2 = load [v0 + 8] : int
v3 = load [v0 + 8] : float
store [v0 + 16], v1
v5 = call_pure 0x1000(v0) : int
call 0x1000(v0)
v7 = load [v0 + 8] : int
v8 = call_pure 0x1000(v0) : int
v9 = int_add v2, v2
v10 = int_add v7, v8
v11 = int_add v9, v9
v12 = int_add v11, v10
v13 = float_add v1, v3
jump v12, v13
",
        );
    }

    #[test]
    fn stores_forget_only_the_loads_they_may_alias() {
        // Class 1 and class 2 never alias; class 0 aliases everything; in one class the
        // same base with offsets 8 apart does not alias, with 4 apart it does (nor does class 0
        // at the same base and another offset).
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v0 + 8] : int mem 1
v3 = load [v1 + 8] : int mem 2
v4 = load [v0 + 16] : int mem 1
store_indexed [v1 + v0*8], v0 mem 2
v6 = load [v0 + 8] : int mem 1
v7 = load [v1 + 8] : int mem 2
store [v0 + 12], v1 mem 1
v9 = load [v0 + 8] : int mem 1
v10 = load [v0 + 24] : int mem 1
store [v1 + 40], v1
v12 = load [v0 + 24] : int mem 1
v13 = int_add v2, v3
v14 = int_add v4, v6
v15 = int_add v7, v9
v16 = int_add v10, v12
v17 = int_add v13, v14
v18 = int_add v15, v16
jump v17, v18
",
            "
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v0 + 8] : int mem 1
v3 = load [v1 + 8] : int mem 2
v4 = load [v0 + 16] : int mem 1
store_indexed [v1 + v0*8], v0 mem 2
v6 = load [v1 + 8] : int mem 2
store [v0 + 12], v1 mem 1
v8 = load [v0 + 8] : int mem 1
v9 = load [v0 + 24] : int mem 1
store [v1 + 40], v1
v11 = load [v0 + 24] : int mem 1
v12 = int_add v2, v3
v13 = int_add v4, v2
v14 = int_add v6, v8
v15 = int_add v9, v11
v16 = int_add v12, v13
v17 = int_add v14, v15
jump v16, v17
",
        );
    }
}
