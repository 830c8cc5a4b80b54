//! Store sinking: stores of memory words the loop carries in phis move out of the loop body
//! into the exits.
//!
//! After `licm`, a word the loop reads and writes at an invariant address (a range
//! iterator's position, a trip counter) is a phi, and the loop still stores it every
//! iteration so that memory is up to date wherever the loop leaves. Nothing in the loop
//! reads that memory any more, so the store can instead be made by each exit: the snapshot
//! of every guard (and overflow check, and exit) in the loop gets a store
//! (`Snapshot::stores`) of the value memory must hold there, the phi (the last
//! iteration's value, or in the first iteration the value the preamble loaded, already in
//! memory) before the store's position, the stored value after it. The loop then makes no
//! store at all for that word, and needs its base only at exits.
//!
//! Conditions: the trace has a preamble (`Loop`); the loop calls nothing; the store is
//! unindexed at an invariant base; no other op in the loop loads or stores memory that may
//! alias it (`ir::Access::may_alias`); and a phi carries exactly that word (its first value
//! is a preamble load of the same address and class, its value from the `jump` is the
//! stored value). A snapshot keeps its number and gets the stores unless ops that need
//! other stores (on the other side of a store, or outside the loop) share it: those leave
//! through copies appended to `Trace::snapshots`.

use super::Rewriter;
use crate::ir::{distinct_before, Access, Op, SnapStore, SnapshotId, Trace, ValueId};

/// One store to sink (source values).
struct Sunk {
    at: usize,
    base: ValueId,
    offset: i32,
    mem: crate::ir::Mem,
    value: ValueId,
    phi: ValueId,
}

pub fn run(src: &Trace) -> Trace {
    let Some(shape) = src.loop_shape() else { return src.clone() };
    let (h, n, np) = (shape.header, src.ops.len(), src.params.len());
    let body = h + 1..n - 1;
    if src.ops[body.clone()].iter().any(|op| matches!(op, Op::Call { .. } | Op::Exit { .. })) {
        return src.clone();
    }
    let accesses: Vec<(usize, Access)> = body.clone().filter_map(|i| Some((i, src.ops[i].access()?))).collect();
    let pairs = src.distinct_pairs();

    let mut sunk: Vec<Sunk> = Vec::new();
    for &(at, acc) in &accesses {
        let Op::Store { base, offset, value, mem } = src.ops[at] else { continue };
        // An access that a guard before it keeps apart from the word's block cannot touch
        // it, even while memory lags behind the phi.
        let touches =
            |&(i, a): &(usize, Access)| i != at && a.may_alias_unless(&acc, |x, y| distinct_before(&pairs, i, x, y));
        if !shape.is_invariant(base) || accesses.iter().any(touches) {
            continue;
        }
        // The phi that carries this word: first loaded from it, then the stored value.
        let phi = shape.phis.iter().map(|&p| ValueId(p as u32)).find(|&p| {
            let Op::Phi(first, _) = src.ops[p.index()] else { return false };
            let loads_it = matches!(src.ops[first.index()],
                Op::Load { base: b, offset: o, mem: m, .. } if b == base && o == offset && m == mem);
            loads_it && shape.next(p) == Some(value)
        });
        let Some(phi) = phi else { continue };
        sunk.push(Sunk { at, base, offset, mem, value, phi });
    }
    if sunk.is_empty() {
        return src.clone();
    }

    // Each loop op that can leave gets a snapshot with the stores for its position: its
    // own, given the stores, where no op outside the loop or with other stores leaves
    // through it; else a copy.
    let mut t = src.clone();
    let outside: Vec<SnapshotId> = (0..h).filter_map(|i| src.ops[i].snapshot()).chain(src.entry).collect();
    let mut made: Vec<(SnapshotId, Vec<SnapStore>, SnapshotId)> = Vec::new();
    for i in body.clone() {
        let Some(s) = t.ops[i].snapshot() else { continue };
        let stores: Vec<SnapStore> = sunk
            .iter()
            .map(|k| SnapStore {
                base: k.base,
                offset: k.offset,
                value: if i < k.at { k.phi } else { k.value },
                mem: k.mem,
            })
            .collect();
        let id = match made.iter().find(|(old, st, _)| *old == s && *st == stores) {
            Some(&(_, _, id)) => id,
            None if !outside.contains(&s) && !made.iter().any(|(old, _, _)| *old == s) => {
                t.snapshots[s.0 as usize].stores.extend(stores.iter().copied());
                made.push((s, stores, s));
                s
            }
            None => {
                let mut snap = src.snapshots[s.0 as usize].clone();
                snap.stores.extend(stores.iter().copied());
                t.snapshots.push(snap);
                let id = SnapshotId(t.snapshots.len() as u32 - 1);
                made.push((s, stores, id));
                id
            }
        };
        t.ops[i].set_snapshot(id);
    }

    let mut r = Rewriter::new(&t);
    for i in np..n {
        if sunk.iter().any(|k| k.at == i) {
            continue;
        }
        let op = r.renamed(i);
        r.keep(i, op);
    }
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::assert_pass;

    /// The loop both tests start from.
    const COUNTER: &str = "
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = const_int 100
v4 = load [v1 + 16] : int mem 2
loop
v6 = phi v4 : int
v7 = int_cmp below v6, v3
guard_true v7 !s0 [loop]
v9 = int_add v6, v2
store [v1 + 16], v9 mem 2
v11 = int_add_ov v0, v9 !s0 [ov]
jump v11, v1, v9
s0 = snapshot [meta=1: 0=v0]
s1 = snapshot [meta=0: 0=v0 1=v1]
";

    #[test]
    fn moves_a_carried_words_store_into_the_exits() {
        // A counter at [v1 + 16], carried by phi v6: the guard before the store leaves with
        // the phi stored, the overflow check after it (through a copy of their shared
        // snapshot) with the new value; the loop stores nothing.
        assert_pass(
            run,
            COUNTER,
            "
kinds: loop, ov
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = const_int 100
v4 = load [v1 + 16] : int mem 2
loop
v6 = phi v4 : int
v7 = int_cmp below v6, v3
guard_true v7 !s0 [loop]
v9 = int_add v6, v2
v10 = int_add_ov v0, v9 !s2 [ov]
jump v10, v1, v9
s0 = snapshot [meta=1: 0=v0] store [v1 + 16], v6 mem 2
s1 = snapshot [meta=0: 0=v0 1=v1]
s2 = snapshot [meta=1: 0=v0] store [v1 + 16], v9 mem 2
",
        );
    }

    #[test]
    fn keeps_stores_something_in_the_loop_may_read() {
        let src = COUNTER;
        let t = crate::text::parse_trace(src).unwrap();
        assert_ne!(run(&t), t);
        // A load in the loop that may alias the word.
        let t =
            crate::text::parse_trace(&src.replace("v9 = int_add v6, v2", "v9 = load [v0 + 8] : int mem 2")).unwrap();
        assert_eq!(run(&t), t);
        // A call.
        let t = crate::text::parse_trace(&src.replace("v9 = int_add v6, v2", "v9 = call 0x10(v6) : int")).unwrap();
        assert_eq!(run(&t), t);
        // No phi carries the word.
        let t = crate::text::parse_trace(&src.replace("jump v11, v1, v9", "jump v11, v1, v6")).unwrap();
        assert_eq!(run(&t), t);
    }
}
