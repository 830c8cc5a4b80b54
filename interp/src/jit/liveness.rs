//! Which slots a code object may still read at a block's start.
//!
//! Named slots (locals, cells, free variables) always count as live: `locals()`,
//! tracebacks' frames and closures can read them without a statement naming them. Only
//! temporaries get a real backward dataflow analysis, so that a temporary left over from
//! before the loop neither becomes a loop parameter nor has to be boxed and stored at every
//! back edge.

use crate::cfg::{visit_opnds, Code, Op, Opnd, Slot};

/// The slots an op writes (on at least one of its ways out).
pub(crate) fn op_writes(op: &Op) -> Vec<Slot> {
    use Op::*;
    match op {
        Move { dst, .. }
        | LoadGlobal { dst, .. }
        | LoadName { dst, .. }
        | LoadClassDeref { dst, .. }
        | LoadDeref { dst, .. }
        | LoadLocals { dst }
        | Unary { dst, .. }
        | Binary { dst, .. }
        | InPlace { dst, .. }
        | Compare { dst, .. }
        | Truth { dst, .. }
        | GetAttr { dst, .. }
        | LoadSpecial { dst, .. }
        | GetItem { dst, .. }
        | Call { dst, .. }
        | CallMethod { dst, .. }
        | CallEx { dst, .. }
        | BuildTuple { dst, .. }
        | BuildList { dst, .. }
        | BuildSet { dst, .. }
        | BuildDict { dst, .. }
        | BuildSlice { dst, .. }
        | BuildString { dst, .. }
        | FormatValue { dst, .. }
        | ListToTuple { dst, .. }
        | MakeFunction { dst, .. }
        | LoadBuildClass { dst }
        | GetIter { dst, .. }
        | Yield { dst, .. }
        | YieldFrom { dst, .. }
        | GetException { dst }
        | ExcMatch { dst, .. }
        | Import { dst, .. }
        | ImportFrom { dst, .. }
        | GetLen { dst, .. }
        | MatchSequence { dst, .. }
        | MatchMapping { dst, .. }
        | MatchKeys { dst, .. }
        | MatchClass { dst, .. }
        | CopyDictWithout { dst, .. }
        | ForIter { dst, .. } => vec![*dst],
        PushExcInfo { save, .. } => vec![*save],
        DeleteLocal { slot } => vec![*slot],
        Unpack { dsts, .. } => dsts.to_vec(),
        UnpackEx { before, star, after, .. } => {
            let mut v = before.to_vec();
            v.push(*star);
            v.extend_from_slice(after);
            v
        }
        StoreGlobal { .. }
        | DeleteGlobal { .. }
        | StoreName { .. }
        | DeleteName { .. }
        | StoreDeref { .. }
        | DeleteDeref { .. }
        | SetAttr { .. }
        | DelAttr { .. }
        | SetItem { .. }
        | DelItem { .. }
        | ListAppend { .. }
        | ListExtend { .. }
        | SetAdd { .. }
        | SetUpdate { .. }
        | DictSet { .. }
        | DictUpdate { .. }
        | DictMerge { .. }
        | PopExcInfo { .. }
        | ImportStar { .. }
        | Nop
        | Jump { .. }
        | Branch { .. }
        | Return { .. }
        | Raise { .. }
        | Reraise { .. } => vec![],
    }
}

/// The slots an op reads: its operands plus the slots it names without an `Opnd`.
pub(crate) fn op_reads(op: &Op) -> Vec<Slot> {
    let mut out = Vec::new();
    visit_opnds(op, &mut |o| {
        if let Opnd::Slot(s) | Opnd::Local(s) = *o {
            out.push(s);
        }
    });
    use Op::*;
    match op {
        ListAppend { list, .. } | ListExtend { list, .. } => out.push(*list),
        SetAdd { set, .. } | SetUpdate { set, .. } => out.push(*set),
        DictSet { dict, .. } | DictUpdate { dict, .. } | DictMerge { dict, .. } => out.push(*dict),
        MakeFunction { closure, .. } => out.extend_from_slice(closure),
        LoadDeref { cell, .. } | StoreDeref { cell, .. } | DeleteDeref { cell } | LoadClassDeref { cell, .. } => {
            out.push(*cell)
        }
        DeleteLocal { slot } => out.push(*slot),
        _ => {}
    }
    out
}

fn successors(code: &Code, b: usize) -> Vec<usize> {
    let block = &code.blocks[b];
    let mut out = Vec::new();
    match block.ops.last() {
        Some(Op::Jump { target }) => out.push(target.0 as usize),
        Some(Op::Branch { t, f, .. }) => out.extend([t.0 as usize, f.0 as usize]),
        Some(Op::ForIter { body, exit, .. }) => out.extend([body.0 as usize, exit.0 as usize]),
        _ => {}
    }
    if let Some(h) = block.handler {
        out.push(h.0 as usize);
    }
    out
}

/// Slot liveness of a code object: which slots may be read before being written, from
/// any statement on.
pub(crate) struct Liveness {
    /// Per block, the live slots at its start (bit sets).
    live_in: Vec<Vec<u64>>,
    /// Named locals count as live everywhere (frames and tracebacks may show them).
    named: usize,
    n: usize,
}

fn set(bits: &mut [u64], s: Slot) {
    bits[s as usize / 64] |= 1 << (s % 64);
}

fn clear(bits: &mut [u64], s: Slot) {
    bits[s as usize / 64] &= !(1 << (s % 64));
}

/// Runs `op` backwards over the live set `cur`.
fn step_back(cur: &mut [u64], op: &Op) {
    // `ForIter` writes its target only on the way into the body.
    if !matches!(op, Op::ForIter { .. }) {
        for s in op_writes(op) {
            clear(cur, s);
        }
    }
    for s in op_reads(op) {
        set(cur, s);
    }
}

impl Liveness {
    pub(crate) fn new(code: &Code) -> Liveness {
        let n = code.nslots as usize;
        let words = n.div_ceil(64);
        let nb = code.blocks.len();
        let mut live = Liveness { live_in: vec![vec![0u64; words]; nb], named: code.slot_names.len(), n };
        let mut changed = true;
        while changed {
            changed = false;
            for b in (0..nb).rev() {
                let cur = live.live_before(code, b, 0);
                if cur != live.live_in[b] {
                    live.live_in[b] = cur;
                    changed = true;
                }
            }
        }
        live
    }

    /// The live set before statement `stmt` of block `b`, from the current block sets.
    fn live_before(&self, code: &Code, b: usize, stmt: usize) -> Vec<u64> {
        let words = self.n.div_ceil(64);
        let mut cur = vec![0u64; words];
        for s in successors(code, b) {
            for (c, x) in cur.iter_mut().zip(&self.live_in[s]) {
                *c |= *x;
            }
        }
        for op in code.blocks[b].ops.iter().skip(stmt).rev() {
            step_back(&mut cur, op);
        }
        // An exception can leave the block before any of its writes.
        if let Some(h) = code.blocks[b].handler {
            for (c, x) in cur.iter_mut().zip(&self.live_in[h.0 as usize]) {
                *c |= *x;
            }
        }
        cur
    }

    /// `live[s]`: slot `s` may be read from statement `stmt` of `block` on before being
    /// written.
    pub(crate) fn at(&self, code: &Code, block: u32, stmt: u32) -> Vec<bool> {
        let bits = self.live_before(code, block as usize, stmt as usize);
        (0..self.n).map(|s| s < self.named || bits[s / 64] & (1 << (s % 64)) != 0).collect()
    }
}
