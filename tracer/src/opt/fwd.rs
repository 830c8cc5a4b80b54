//! Loop-carried store-to-load forwarding: a load that reads, in every iteration, the word
//! the previous iteration stored becomes a `Phi` carrying the stored value.
//!
//! The pattern is a recurrence over an array, `out[i] = out[i - 1] + x`: in a loop with a
//! preamble (after `licm`), an induction variable `X` (a parameter or phi whose `jump`
//! value is `X + s` for a constant `s`), a `load_indexed [B + (X + a)*k + o]` and, after it
//! in the loop, a `store_indexed [B + (X + b)*k + o], W` with the same invariant base,
//! offset and memory class, and `s + a == b`. The next iteration's load then reads the
//! address this iteration's store wrote, so it is `W`. The load becomes a phi whose first
//! value the preamble loads (at index `X0 + a`, `X0` the first value of `X`), and whose
//! value from the `jump` is `W`. This takes the store-to-load round trip through memory
//! off the recurrence; the store stays, so memory is up to date at every exit.
//!
//! Conditions, besides the shapes above: the loop calls nothing that is not pure, no other
//! store in the loop may alias the load or the store (`ir::Access::may_alias`), the load and
//! the stored value have the same type, and the load is preceded in the loop by a guard
//! `X + a below LEN` with `LEN` invariant: the preamble repeats that bounds check on
//! `X0 + a` (leaving through the entry snapshot, like the guards `licm` hoists) before its
//! load, so the load it adds reads only memory the loop's own first load would have read.
//! A loop whose first iteration would leave before its load (so never reads that word)
//! may then leave at the entry instead, where the frontend runs the iteration itself.

use super::Rewriter;
use crate::ir::{Cond, Op, Trace, Type, ValueId};

/// One forwarded load.
struct Pair {
    /// The load (source index) and its type.
    load: usize,
    ty: Type,
    /// The value the store writes (source value).
    stored: ValueId,
    /// The first value of the induction variable, the load's constant `a`, and the
    /// invariant length of the bounds guard (source values).
    first: ValueId,
    a: i64,
    len: ValueId,
    /// The load's base, offset and memory class, and the bounds guard's kind.
    base: ValueId,
    offset: i32,
    mem: crate::ir::Mem,
    kind: crate::ir::Kind,
}

pub fn run(src: &Trace) -> Trace {
    let Some(entry) = src.entry else { return src.clone() };
    let Some(shape) = src.loop_shape() else { return src.clone() };
    let (h, n, np) = (shape.header, src.ops.len(), src.params.len());
    let body = h + 1..n - 1;
    if src.ops[body.clone()].iter().any(|op| matches!(op, Op::Call { pure: false, .. })) {
        return src.clone();
    }
    // The first value of a loop-carried value (what the preamble sees).
    let first = |v: ValueId| -> Option<ValueId> {
        match src.ops.get(v.index())? {
            Op::Param(_) => Some(v),
            Op::Phi(f, _) => Some(*f),
            _ => None,
        }
    };
    let konst = |v: ValueId| match src.ops.get(v.index()) {
        Some(Op::ConstInt(c)) => Some(*c),
        _ => None,
    };
    // `v` as `(X, c)` meaning `X + c`, X loop-carried (one level of constant offset).
    let affine = |v: ValueId| -> Option<(ValueId, i64)> {
        if shape.is_carried(v) {
            return Some((v, 0));
        }
        let (x, c) = match src.ops.get(v.index())? {
            Op::IntAdd(a, b) | Op::IntAddOv { a, b, .. } => match (konst(*a), konst(*b)) {
                (None, Some(c)) => (*a, c),
                (Some(c), None) => (*b, c),
                _ => return None,
            },
            Op::IntSub(a, b) | Op::IntSubOv { a, b, .. } => (*a, konst(*b)?.checked_neg()?),
            _ => return None,
        };
        shape.is_carried(x).then_some((x, c))
    };
    // The constant step of a loop-carried value.
    let step = |x: ValueId| -> Option<i64> {
        let (y, s) = affine(shape.next(x)?)?;
        (y == x).then_some(s)
    };
    let stores: Vec<(usize, crate::ir::Access)> =
        body.clone().filter(|&i| src.ops[i].is_store()).filter_map(|i| Some((i, src.ops[i].access()?))).collect();
    let types = src.types();

    let mut pairs: Vec<Pair> = Vec::new();
    for l in body.clone() {
        let Op::LoadIndexed { base, index, offset, ty, mem } = src.ops[l] else { continue };
        if !shape.is_invariant(base) {
            continue;
        }
        let Some((x, a)) = affine(index) else { continue };
        let Some(s) = step(x) else { continue };
        let Some(la) = src.ops[l].access() else { continue };
        // The one store that writes what the next iteration's load reads.
        let mut found = None;
        let mut clash = false;
        for &(i, sa) in &stores {
            let hit = match src.ops[i] {
                Op::StoreIndexed { base: b2, index: i2, offset: o2, value, mem: m2 }
                    if i > l && b2 == base && o2 == offset && m2 == mem && types[value.index()] == ty =>
                {
                    affine(i2).is_some_and(|(x2, b)| x2 == x && s.checked_add(a) == Some(b)).then_some(value)
                }
                _ => None,
            };
            match hit {
                Some(v) if found.is_none() => found = Some((i, v)),
                _ if sa.may_alias(&la) => clash = true,
                _ => {}
            }
        }
        let Some((si, stored)) = found else { continue };
        let Some(sacc) = src.ops[si].access() else { continue };
        if clash || stores.iter().any(|&(i, a2)| i != si && a2.may_alias(&sacc)) {
            continue;
        }
        // The bounds guard on the load's index, earlier in the loop.
        let guard = (h + 1..l).find_map(|g| match src.ops[g] {
            Op::Guard { cond, expect: true, kind, .. } => match src.ops[cond.index()] {
                Op::IntCmp(Cond::Below, j, len) if j == index && shape.is_invariant(len) => Some((len, kind)),
                _ => None,
            },
            _ => None,
        });
        let Some((len, kind)) = guard else { continue };
        let Some(f) = first(x) else { continue };
        pairs.push(Pair { load: l, ty, stored, first: f, a, len, base, offset, mem, kind });
    }
    if pairs.is_empty() {
        return src.clone();
    }

    let mut r = Rewriter::new(src);
    for i in np..h {
        let op = r.renamed(i);
        r.keep(i, op);
    }
    // The preamble's loads of the first values, each behind its bounds check.
    let firsts: Vec<ValueId> = pairs
        .iter()
        .map(|p| {
            let x0 = r.get(p.first);
            let j0 = if p.a == 0 {
                x0
            } else {
                let c = r.emit(Op::ConstInt(p.a));
                r.emit(Op::IntAdd(x0, c))
            };
            let len = r.get(p.len);
            let ok = r.emit(Op::IntCmp(Cond::Below, j0, len));
            r.emit(Op::Guard { cond: ok, expect: true, snap: entry, kind: p.kind });
            let base = r.get(p.base);
            r.emit(Op::LoadIndexed { base, index: j0, offset: p.offset, ty: p.ty, mem: p.mem })
        })
        .collect();
    let lp = r.emit(Op::Loop);
    r.set(h, lp);
    let mut i = h + 1;
    while i < n - 1 && matches!(src.ops[i], Op::Phi(..)) {
        let op = r.renamed(i);
        r.keep(i, op);
        i += 1;
    }
    for (p, &f) in pairs.iter().zip(&firsts) {
        let q = r.emit(Op::Phi(f, p.ty));
        r.set(p.load, q);
    }
    for i in i..n - 1 {
        if pairs.iter().any(|p| p.load == i) {
            continue;
        }
        let op = r.renamed(i);
        r.keep(i, op);
    }
    let Op::Jump(args) = r.renamed(n - 1) else { unreachable!("checked above") };
    let carried: Vec<ValueId> = pairs.iter().map(|p| r.get(p.stored)).collect();
    let jump = r.emit(Op::Jump(args.into_iter().chain(carried).collect()));
    r.set(n - 1, jump);
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::assert_pass;

    /// The loop both tests start from.
    const RECURRENCE: &str = "
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1 + 8] : int mem 1
v3 = load [v1 + 16] : int mem 1
v4 = const_int 1
v5 = const_int 5
loop
v7 = int_sub_ov v0, v4 !s0 [ov]
v8 = int_cmp below v7, v3
guard_true v8 !s0 [type]
v10 = load_indexed [v2 + v7*8] : int mem 2
v11 = int_add v10, v5
v12 = int_cmp below v0, v3
guard_true v12 !s0 [type]
store_indexed [v2 + v0*8], v11 mem 2
v15 = int_add v0, v4
jump v15, v1
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=0: 0=v0 1=v1]
";

    #[test]
    fn forwards_the_previous_iterations_store() {
        // out[i] = out[i - 1] + 5 over an invariant array v2 of length v3: the load of
        // out[i - 1] becomes a phi, first loaded in the preamble behind the bounds check.
        assert_pass(
            run,
            RECURRENCE,
            "
kinds: ov, type
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1 + 8] : int mem 1
v3 = load [v1 + 16] : int mem 1
v4 = const_int 1
v5 = const_int 5
v6 = const_int -1
v7 = int_add v0, v6
v8 = int_cmp below v7, v3
guard_true v8 !s1 [type]
v10 = load_indexed [v2 + v7*8] : int mem 2
loop
v12 = phi v10 : int
v13 = int_sub_ov v0, v4 !s0 [ov]
v14 = int_cmp below v13, v3
guard_true v14 !s0 [type]
v16 = int_add v12, v5
v17 = int_cmp below v0, v3
guard_true v17 !s0 [type]
store_indexed [v2 + v0*8], v16 mem 2
v20 = int_add v0, v4
jump v20, v1, v16
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=0: 0=v0 1=v1]
",
        );
    }

    #[test]
    fn leaves_other_recurrences_alone() {
        let src = RECURRENCE;
        let t = crate::text::parse_trace(src).unwrap();
        assert!(run(&t).ops.iter().any(|op| matches!(op, crate::ir::Op::Phi(..))));
        // A step of 2 reads out[i + 1], not what the last iteration stored.
        let t = crate::text::parse_trace(&src.replace("v15 = int_add v0, v4", "v15 = int_add v0, v5")).unwrap();
        assert_eq!(run(&t), t);
        // Another store that may alias the array.
        let t = crate::text::parse_trace(&src.replace(
            "v15 = int_add v0, v4\njump v15, v1",
            "store_indexed [v2 + v5*8], v4 mem 2\nv16 = int_add v0, v4\njump v16, v1",
        ))
        .unwrap();
        assert_eq!(run(&t), t);
        // A call that is not pure.
        let t = crate::text::parse_trace(&src.replace("v11 = int_add v10, v5", "v11 = call 0x10(v10) : int")).unwrap();
        assert_eq!(run(&t), t);
        // No bounds guard before the load.
        let t =
            crate::text::parse_trace(&src.replace("guard_true v8 !s0 [type]", "guard_true v12 !s0 [type]")).unwrap();
        assert_eq!(run(&t), t);
    }
}
