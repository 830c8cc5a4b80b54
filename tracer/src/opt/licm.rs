//! Loop-invariant code motion: ops that compute the same value in every iteration move
//! into a preamble that runs once per entry, before a `Loop` op.
//!
//! A parameter is invariant when the `jump` passes it back unchanged; an op is invariant
//! when its operands are and it may be executed early:
//! - pure arithmetic, compares and conversions (integer division and modulo only by a
//!   constant other than 0 and -1, which cannot trap);
//! - loads, when no store in the loop may alias them (`ir::Access::may_alias`) and the
//!   loop calls nothing that is not pure;
//! - guards and overflow checks. A guard on invariant values fails on the first iteration
//!   or never, so the hoisted guard leaves through the trace's entry snapshot
//!   (`Trace::entry`): the frontend resumes where it entered the trace and runs that
//!   iteration itself.
//!
//! Hoisted ops keep their order, so a load still follows the guards that make its address
//! valid: those guards test the same invariant values and move with it. Stores, calls and
//! exits stay in the loop. Traces without an entry snapshot, or that end in an `Exit`,
//! are left alone.
//!
//! Memory words the loop both reads and writes at an invariant address (a range
//! iterator's position, an attribute updated every iteration) are kept in registers:
//! when every store in the loop that may alias such a word stores to exactly that address,
//! and the loop reads it before writing it, the preamble loads it once, a `Phi` carries
//! it from iteration to iteration (the `jump` passes the value last stored), and the
//! loop's loads of it become that value. The stores stay, so memory is up to date at
//! every exit.

use super::Rewriter;
use crate::ir::{distinct_before, Access, Op, Trace, Type, ValueId};

pub fn run(src: &Trace) -> Trace {
    let Some(entry) = src.entry else { return src.clone() };
    let Some(Op::Jump(args)) = src.ops.last() else { return src.clone() };
    if src.ops.iter().any(|op| matches!(op, Op::Exit { .. } | Op::Loop)) {
        return src.clone();
    }
    let np = src.params.len();
    let n = src.ops.len();
    // The stores, each with its position: a guard before it that its base differs from
    // another (`Trace::distinct_pairs`) keeps it apart from that base's other block.
    let stores: Vec<(usize, Access)> = src
        .ops
        .iter()
        .enumerate()
        .filter(|(_, op)| op.is_store())
        .filter_map(|(i, op)| Some((i, op.access()?)))
        .collect();
    let pairs = src.distinct_pairs();
    let calls = src.ops.iter().any(|op| matches!(op, Op::Call { pure: false, .. }));
    let const_divisor = |v: crate::ir::ValueId| matches!(src.ops[v.index()], Op::ConstInt(c) if c != 0 && c != -1);

    let mut inv = vec![false; n];
    for (i, a) in args.iter().enumerate() {
        inv[i] = a.index() == i;
    }
    let mut hoist = vec![false; n];
    for i in np..n - 1 {
        let op = &src.ops[i];
        if !op.operands().iter().all(|v| inv[v.index()]) {
            continue;
        }
        let movable = match op {
            Op::Param(_) | Op::Call { .. } => false,
            _ if op.is_store() => false,
            Op::Exit { .. } | Op::Loop | Op::Jump(_) => false,
            Op::IntFloorDiv(_, b) | Op::IntMod(_, b) => const_divisor(*b),
            Op::Load { .. } | Op::LoadIndexed { .. } | Op::LoadByte { .. } => {
                let a = op.access().expect("a load has an access");
                !calls && stores.iter().all(|(j, s)| !s.may_alias_unless(&a, |x, y| distinct_before(&pairs, *j, x, y)))
            }
            _ => true,
        };
        hoist[i] = movable;
        inv[i] = movable;
    }
    let promoted = if calls { vec![] } else { promotable(src, &inv, &hoist, &stores, &pairs) };
    // Constants are free wherever they are; only hoist what costs something in the loop.
    let worth =
        (np..n).any(|i| hoist[i] && !matches!(src.ops[i], Op::ConstInt(_) | Op::ConstFloat(_) | Op::ConstWord(_)));
    if !worth && promoted.is_empty() {
        return src.clone();
    }

    let mut r = Rewriter::new(src);
    for (i, _) in hoist.iter().enumerate().filter(|(_, &h)| h) {
        let mut op = r.renamed(i);
        op.set_snapshot(entry);
        r.keep(i, op);
    }
    // The promoted words: their first value, loaded in the preamble.
    let firsts: Vec<ValueId> = promoted
        .iter()
        .map(|&(i, _)| {
            let op = r.renamed(i);
            r.emit(op)
        })
        .collect();
    r.emit(Op::Loop);
    let mut current: Vec<ValueId> = promoted.iter().zip(&firsts).map(|(&(_, ty), &f)| r.emit(Op::Phi(f, ty))).collect();
    for i in (np..n - 1).filter(|&i| !hoist[i]) {
        let op = r.renamed(i);
        let k = op.access().and_then(|a| promoted.iter().position(|&(p, _)| r.renamed(p).access() == Some(a)));
        match (k, &op) {
            (Some(k), Op::Load { ty, .. } | Op::LoadIndexed { ty, .. }) if *ty == promoted[k].1 => r.set(i, current[k]),
            (Some(k), Op::Store { value, .. } | Op::StoreIndexed { value, .. }) => {
                current[k] = *value;
                r.keep(i, op);
            }
            _ => {
                r.keep(i, op);
            }
        }
    }
    let Op::Jump(args) = r.renamed(n - 1) else { unreachable!("checked above") };
    let jump = r.emit(Op::Jump(args.into_iter().chain(current).collect()));
    r.set(n - 1, jump);
    r.finish()
}

/// The loads to keep in registers across iterations (see the module doc), one per
/// address, with their type: loop loads at an invariant address that the loop reads before
/// any store to it, and where every store that may alias it stores a value of that type
/// to exactly that address.
fn promotable(
    src: &Trace,
    inv: &[bool],
    hoist: &[bool],
    stores: &[(usize, Access)],
    pairs: &[(usize, ValueId, ValueId)],
) -> Vec<(usize, Type)> {
    let types = src.types();
    let n = src.ops.len();
    let mut out: Vec<(usize, Type)> = Vec::new();
    let mut seen: Vec<Access> = Vec::new();
    for (i, op) in src.ops.iter().enumerate().take(n - 1).skip(src.params.len()) {
        let Some(a) = op.access() else { continue };
        if seen.contains(&a) {
            continue;
        }
        seen.push(a);
        let ty = match op {
            Op::Load { ty, .. } | Op::LoadIndexed { ty, .. } => *ty,
            // Written before it is read: nothing to carry.
            _ => continue,
        };
        if hoist[i] || !op.operands().iter().all(|v| inv[v.index()]) {
            continue;
        }
        let aliasing: Vec<&Access> = stores
            .iter()
            .filter(|(j, s)| s.may_alias_unless(&a, |x, y| distinct_before(pairs, *j, x, y)))
            .map(|(_, s)| s)
            .collect();
        let exact = aliasing.iter().all(|s| **s == a);
        let typed = src.ops.iter().all(|o| match o {
            Op::Store { value, .. } | Op::StoreIndexed { value, .. } if o.access() == Some(a) => {
                types[value.index()] == ty
            }
            // A byte store at the same address never carries the word (byte accesses have
            // classes of their own, so this does not happen).
            Op::StoreByte { .. } if o.access() == Some(a) => false,
            _ => true,
        });
        if !aliasing.is_empty() && exact && typed {
            out.push((i, ty));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::assert_pass;

    #[test]
    fn hoists_invariant_loads_and_guards_with_the_entry_snapshot() {
        // v1 (a base) and v2 are invariant; the store into class 2 does not alias the
        // class-1 loads, so the list header load and its guard move up; the indexed load
        // depends on v0 and stays.
        assert_pass(
            run,
            "
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : int
v3 = load [v1 + 8] : int mem 1
v4 = int_cmp below v0, v3
guard_true v4 !s0 [type]
v6 = load [v1 + 16] : int mem 1
v7 = const_int 0
v8 = int_cmp ne v6, v7
guard_true v8 !s0 [type]
v10 = load_indexed [v6 + v0*8] : int mem 2
v11 = int_add_ov v10, v2 !s0 [ov]
store_indexed [v6 + v0*8], v11 mem 2
v13 = const_int 1
v14 = int_add v0, v13
jump v14, v1, v2
s0 = snapshot [meta=1: 0=v0 1=v1 2=v2]
s1 = snapshot [meta=0: 0=v0 1=v1 2=v2]
",
            "
kinds: type, ov
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : int
v3 = load [v1 + 8] : int mem 1
v4 = load [v1 + 16] : int mem 1
v5 = const_int 0
v6 = int_cmp ne v4, v5
guard_true v6 !s1 [type]
v8 = const_int 1
loop
v10 = int_cmp below v0, v3
guard_true v10 !s0 [type]
v12 = load_indexed [v4 + v0*8] : int mem 2
v13 = int_add_ov v12, v2 !s0 [ov]
store_indexed [v4 + v0*8], v13 mem 2
v15 = int_add v0, v8
jump v15, v1, v2
s0 = snapshot [meta=1: 0=v0 1=v1 2=v2]
s1 = snapshot [meta=0: 0=v0 1=v1 2=v2]
",
        );
    }

    #[test]
    fn leaves_loops_with_calls_or_aliasing_stores_alone() {
        let src = "
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1 + 8] : int
store [v1 + 16], v0
v4 = int_add v0, v2
jump v4, v1
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=0: 0=v0 1=v1]
";
        // `store [v1 + 16]` may alias nothing at offset 8 of the same base: hoisted.
        let t = crate::text::parse_trace(src).unwrap();
        assert!(run(&t).ops.iter().any(|op| matches!(op, crate::ir::Op::Loop)));
        // An unrelated base in class 0 may alias anything: not hoisted.
        let t = crate::text::parse_trace(&src.replace("store [v1 + 16], v0", "store [v0 + 16], v0")).unwrap();
        assert_eq!(run(&t), t);
        // A call that is not pure may write anything: not hoisted.
        let t = crate::text::parse_trace(&src.replace("store [v1 + 16], v0", "call 0x10(v0)")).unwrap();
        assert_eq!(run(&t), t);
    }
}

#[cfg(test)]
mod separate_tests {
    use super::run;
    use crate::ir::{Op, Trace};

    /// The loop-invariant base v1's block is read at offset 0 and 8 each iteration, and
    /// v2 (another block, loaded anew each iteration) is stored at `OFFSET` after `GUARD`.
    const SRC: &str = "
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v0] : int mem 1
v3 = load [v1] : int mem 131
v4 = load [v1 + 8] : int mem 131
GUARD
store [v2 + OFFSET], v3 mem 131
v8 = int_add v3, v4
v9 = const_int 1
v10 = int_add v0, v9
jump v10, v1
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=0: 0=v0 1=v1]
";

    fn hoisted(guard: &str, offset: &str) -> Vec<Op> {
        let src = SRC.replace("GUARD", guard).replace("OFFSET", offset);
        let t: Trace = crate::text::parse_trace(&src).unwrap();
        let out = run(&t);
        let h = out.ops.iter().position(|op| matches!(op, Op::Loop)).unwrap_or(0);
        out.ops[..h].iter().filter(|op| matches!(op, Op::Load { mem, .. } if mem.0 == 131)).cloned().collect()
    }

    #[test]
    fn separate_blocks_are_apart_at_other_offsets_or_behind_a_guard() {
        let ne = "v5 = int_cmp ne v2, v1\nguard_true v5 !s0 [alias]";
        let eq = "v5 = int_cmp eq v1, v2\nguard_false v5 !s0 [alias]";
        let none = "v5 = const_int 0\nv6 = const_int 0";
        // Offset 16 is neither 0 nor 8: no guard needed.
        assert_eq!(hoisted(none, "16").len(), 2);
        // Offset 8 of another block may be v1's unless a guard tells the bases apart.
        assert_eq!(hoisted(none, "8").len(), 1);
        assert_eq!(hoisted(ne, "8").len(), 2);
        assert_eq!(hoisted(eq, "8").len(), 2);
        // Class 3 without the separate flag keeps the old rule: nothing is apart.
        let src = SRC.replace("GUARD", ne).replace("OFFSET", "16").replace("mem 131", "mem 3");
        let t: Trace = crate::text::parse_trace(&src).unwrap();
        assert_eq!(run(&t), t);
    }

    #[test]
    fn a_guard_after_the_store_does_not_count() {
        // The store (op 5) precedes the guard (op 7): a store to v1's block at offset 8
        // in the iteration where v2 is v1 would be missed.
        let t = crate::text::parse_trace(
            "
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v0] : int mem 1
v3 = load [v1 + 8] : int mem 131
store [v2 + 8], v3 mem 131
v5 = int_cmp ne v2, v1
guard_true v5 !s0 [alias]
v7 = const_int 1
v8 = int_add v0, v7
jump v8, v1
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=0: 0=v0 1=v1]
",
        )
        .unwrap();
        let out = run(&t);
        let h = out.ops.iter().position(|op| matches!(op, Op::Loop)).unwrap_or(0);
        assert!(!out.ops[..h].iter().any(|op| matches!(op, Op::Load { mem, .. } if mem.0 == 131)));
    }
}

#[cfg(test)]
mod promote_tests {
    use super::run;
    use crate::opt::assert_pass;

    #[test]
    fn carries_a_memory_word_in_a_phi() {
        // The total at [v1 + 16] is read, then written, at an invariant address that no
        // other store may alias: loaded once, carried by a phi, stored every iteration.
        assert_pass(
            run,
            "
kinds: loop, pre
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1] : int mem 1
v3 = const_int 0
v4 = int_cmp ne v2, v3
guard_true v4 !s2 [pre]
v6 = load [v1 + 8] : int mem 1
v7 = load_indexed [v6 + v0*8] : int mem 3
v8 = load [v1 + 16] : int mem 2
v9 = int_add v8, v7
store [v1 + 16], v9 mem 2
v11 = load [v1 + 16] : int mem 2
v12 = int_add v0, v11
v13 = const_int 16
v14 = int_cmp below v12, v13
guard_true v14 !s0 [loop]
jump v12, v1
s0 = snapshot [meta=0: 0=v12 1=v9]
s1 = snapshot [meta=1: 0=v0 1=v1]
s2 = snapshot [meta=2: 0=v0 1=v1]
",
            "
kinds: loop, pre
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1] : int mem 1
v3 = const_int 0
v4 = int_cmp ne v2, v3
guard_true v4 !s1 [pre]
v6 = load [v1 + 8] : int mem 1
v7 = const_int 16
v8 = load [v1 + 16] : int mem 2
loop
v10 = phi v8 : int
v11 = load_indexed [v6 + v0*8] : int mem 3
v12 = int_add v10, v11
store [v1 + 16], v12 mem 2
v14 = int_add v0, v12
v15 = int_cmp below v14, v7
guard_true v15 !s0 [loop]
jump v14, v1, v12
s0 = snapshot [meta=0: 0=v14 1=v12]
s1 = snapshot [meta=1: 0=v0 1=v1]
s2 = snapshot
",
        );
    }
}
