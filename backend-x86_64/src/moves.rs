//! Parallel moves: the loop-closing `jump` and the argument setup of a `Call` assign several
//! locations "all at once", so a move must not overwrite a location another move still has
//! to read. `sequentialize` orders the moves so every source is read before it is
//! overwritten; a cycle (`jump v1, v0` swapping two registers) is broken by parking one of
//! its values in a temporary location.

use crate::regalloc::Loc;

/// One step of a sequentialized parallel move. `Loc::None` as a source or destination
/// means the temporary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    pub dst: Loc,
    pub src: Loc,
}

/// Orders the parallel assignment `dst_k := src_k` (destinations distinct, never
/// `Loc::Const`) into moves that can run one after another. Moves onto themselves are
/// dropped. The temporary is written as `Loc::None`.
pub fn sequentialize(pairs: &[(Loc, Loc)]) -> Vec<Move> {
    sequentialize_with(pairs, Loc::None).into_iter().map(|(dst, src)| Move { dst, src }).collect()
}

/// `sequentialize` over any kind of location, with `temp` naming the temporary; returns
/// (destination, source) pairs.
pub fn sequentialize_with<L: Copy + PartialEq>(pairs: &[(L, L)], temp: L) -> Vec<(L, L)> {
    let mut pending: Vec<(L, L)> = pairs.iter().copied().filter(|(d, s)| d != s).collect();
    let mut out = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        // A move whose destination no other pending move reads can go now.
        let ready = (0..pending.len()).find(|&k| {
            let d = pending[k].0;
            !pending.iter().enumerate().any(|(j, &(_, s))| j != k && s == d)
        });
        match ready {
            Some(k) => out.push(pending.remove(k)),
            None => {
                // Every destination is still read by someone: the rest are cycles. Park the
                // first move's destination in the temporary and redirect its readers.
                let d = pending[0].0;
                out.push((temp, d));
                for p in pending.iter_mut() {
                    if p.1 == d {
                        p.1 = temp;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the moves on a toy machine and checks the parallel semantics.
    fn check(pairs: &[(Loc, Loc)]) {
        use std::collections::HashMap;
        let mut m: HashMap<Loc, u64> = HashMap::new();
        let all: Vec<Loc> = pairs.iter().flat_map(|&(d, s)| [d, s]).collect();
        for (k, l) in all.iter().enumerate() {
            let v = match l {
                Loc::Const(c) => *c,
                _ => 1000 + k as u64,
            };
            m.entry(*l).or_insert(v);
        }
        let before = m.clone();
        for mv in sequentialize(pairs) {
            let v = match mv.src {
                Loc::Const(c) => c,
                s => m[&s],
            };
            m.insert(mv.dst, v);
        }
        for &(d, s) in pairs {
            let want = match s {
                Loc::Const(c) => c,
                s => before[&s],
            };
            assert_eq!(m[&d], want, "{d:?} := {s:?}");
        }
    }

    #[test]
    fn swaps_and_rotations() {
        let (a, b, c, d) = (Loc::Gpr(3), Loc::Gpr(5), Loc::Slot(0), Loc::Xmm(2));
        check(&[(a, b), (b, a)]);
        check(&[(a, b), (b, c), (c, a)]);
        check(&[(a, b), (b, c), (c, a), (d, a)]);
        check(&[(a, a), (b, Loc::Const(7)), (c, b)]);
        check(&[(a, b), (c, b), (b, d), (d, a)]);
    }
}
