//! Linear-scan register allocation over one trace.
//!
//! A trace body is straight-line code, so a value's live range is one interval of
//! positions: op `i` reads its operands (and the values its snapshot names) at position
//! `2i` and defines its result at `2i + 1`. A value that dies at op `i` therefore frees its
//! register for op `i`'s own result (the lowering copes with the aliasing), and the values a
//! guard's exit stub stores are still in place when the guard jumps.
//!
//! The loop back edge needs no special case: only the parameters are live at the header,
//! and every parameter starts at position 0, so all of them interfere with each other. A
//! parameter the `jump` (or a snapshot) reads stays live up to that use, which keeps its
//! location reserved for the whole body before it; the `jump` then writes the next
//! iteration's values into the parameters' locations with a parallel move. A parameter
//! nothing reads is dead: it gets no location and the `jump` skips it.
//!
//! A trace with a preamble (ops before `Loop`) loops back to `Loop`, so whatever is live
//! there must keep its location until the `jump`: every preamble value read after `Loop`
//! (a loop invariant), and every parameter and phi the `jump` passes back unchanged. A
//! parameter or phi the `jump` gives a new value (its operand is moved into a phi before
//! the header) needs its location only up to its last use, after which a value of the
//! loop body may take it (the `jump`'s parallel move then writes the new value there,
//! often from that very register); but no value that lives across the back edge may, so
//! parameters keep theirs at least until the last phi is defined.
//!
//! Each value keeps one location for its whole life (no interval splitting): a register of
//! its class (general registers for `Int`/`Word`/`Bool`, XMM for `Float`) or, when the
//! scan runs out, a stack slot. The value spilled is, among the current interval and the
//! active ones that end no earlier, the one the loop's ops read least (reads by exit
//! snapshots and a parameter passed back to itself cost nothing in the loop), the one
//! that ends last among equals (Poletto and Sarkar's heuristic). So parameters that only
//! exits need give way to loop invariants and phis. Among free registers the scan takes a hinted one first: the register of the
//! parameter a value becomes at the `jump` (so the back edge moves nothing for it), else
//! that of the first operand dying at the op (so no copy precedes a two-address
//! instruction). Constants are immediates or rematerialized where they are read, except
//! that expensive ones (floats, 64-bit words) get registers nothing else uses
//! (`hoist_constants`). `check_allocation` verifies the result.
//!
//! Calls: an interval that is live across a `Call` prefers a callee-saved register, which
//! the helper preserves and the GC's conservative scan covers. One that lands in a
//! caller-saved register anyway gets a save slot: the call stores it there before the call
//! and reloads it after, so the value sits on the native stack while the helper runs.

use krait_tracer::{Cond, Op, Trace, Type, ValueId};

pub const RAX: u8 = 0;
pub const RCX: u8 = 1;
pub const RDX: u8 = 2;
pub const RBX: u8 = 3;
pub const RBP: u8 = 5;
pub const RSI: u8 = 6;
pub const RDI: u8 = 7;
pub const R8: u8 = 8;
pub const R9: u8 = 9;
pub const R10: u8 = 10;
pub const R11: u8 = 11;
pub const R12: u8 = 12;
pub const R13: u8 = 13;
pub const R14: u8 = 14;
pub const R15: u8 = 15;

/// Callee-saved general registers, all allocatable (the frame is addressed through rsp).
pub const CALLEE_SAVED: [u8; 6] = [RBX, RBP, R12, R13, R14, R15];
/// Caller-saved general registers the allocator may use. rax, rcx, rdx and r11 are
/// scratch registers of the lowering and never hold a value across ops.
pub const CALLER_SAVED: [u8; 5] = [RSI, RDI, R8, R9, R10];
/// XMM registers the allocator may use; xmm14 and xmm15 are scratch.
pub const NUM_ALLOC_XMM: u8 = 14;
pub const XMM_SCRATCH0: u8 = 14;
pub const XMM_SCRATCH1: u8 = 15;

/// Where a value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loc {
    /// No value (void, dead, or a compare fused into the guard after it).
    None,
    /// A constant, materialized at each use.
    Const(u64),
    Gpr(u8),
    Xmm(u8),
    /// Spill slot `n` of the frame (see `frame` in `assembler`).
    Slot(u32),
}

impl Loc {
    pub fn is_caller_saved_reg(self) -> bool {
        match self {
            Loc::Gpr(r) => !CALLEE_SAVED.contains(&r),
            Loc::Xmm(_) => true,
            _ => false,
        }
    }
}

/// The result of allocation for one trace.
#[derive(Debug)]
pub struct Allocation {
    pub locs: Vec<Loc>,
    /// Live interval `(start, end)` of every value that has a register or slot.
    pub intervals: Vec<Option<(u32, u32)>>,
    /// Save slot of a value in a caller-saved register that is live across a call.
    pub save_slot: Vec<Option<u32>>,
    /// Compares whose only use is the guard right after them: the guard branches on the
    /// flags, and the compare has no location.
    pub fused: Vec<bool>,
    /// Number of stack slots the frame needs.
    pub num_slots: u32,
}

impl Allocation {
    /// Whether value `v` is live across the call at op `i` (read after it, defined before).
    pub fn live_across(&self, v: usize, i: usize) -> bool {
        match self.intervals[v] {
            Some((s, e)) => crosses(s, e, i),
            None => false,
        }
    }
}

fn crosses(start: u32, end: u32, call: usize) -> bool {
    let p = 2 * call as u32;
    start < p && end > p + 1
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Gpr,
    Xmm,
}

fn class_of(t: Type) -> Class {
    if t == Type::Float {
        Class::Xmm
    } else {
        Class::Gpr
    }
}

/// Allocates every value of `trace` (which passed `Trace::check`).
pub fn allocate(trace: &Trace) -> Allocation {
    let n = trace.ops.len();
    let np = trace.params.len();
    let types = trace.types();
    let mut uses = vec![0u32; n];
    let mut end: Vec<Option<u32>> = vec![None; n];
    let mut calls = Vec::new();
    let header = trace.ops.iter().position(|op| matches!(op, Op::Loop));
    // The spill cost: the memory accesses a stack slot would add to one iteration of the
    // loop. Reads by ops in the loop (preamble ops run once), a definition in the loop (its
    // store), and for a parameter or phi the `jump` writing another value into it, which
    // counts more (see below).
    let mut weight = vec![0u32; n];
    let body = header.map_or(0, |h| h + 1);
    let mut read = vec![false; n];
    for op in trace.ops.iter().skip(body).filter(|op| !matches!(op, Op::Jump(_) | Op::Phi(..))) {
        for v in op.operands() {
            read[v.index()] = true;
        }
    }
    for (i, op) in trace.ops.iter().enumerate().skip(body) {
        match op {
            Op::Jump(args) => {
                let targets = (0..np).chain(trace.phis());
                for (a, t) in args.iter().zip(targets) {
                    if a.index() != t {
                        weight[a.index()] += 1;
                        // A loop-carried value in a slot costs the jump's store, and if the
                        // loop reads it, the next iteration's load waits for that store: a
                        // store-to-load forwarding delay on the recurrence, which bounds the
                        // loop's speed. (One only exits read costs the store.)
                        weight[t] += if read[t] { 3 } else { 1 };
                    }
                }
            }
            Op::Phi(..) => {}
            _ => {
                for v in op.operands() {
                    weight[v.index()] += 1;
                }
                weight[i] += 1;
            }
        }
    }
    let mut read_in_loop = vec![false; n];
    for (i, op) in trace.ops.iter().enumerate() {
        let mut read = op.operands();
        if let Some(s) = op.snapshot() {
            if let Some(snap) = trace.snapshots.get(s.0 as usize) {
                read.extend(snap.reads());
            }
        }
        for v in read {
            uses[v.index()] += 1;
            end[v.index()] = Some(2 * i as u32);
            read_in_loop[v.index()] |= header.is_some_and(|h| i > h) && !matches!(op, Op::Phi(..));
        }
        if matches!(op, Op::Call { .. }) {
            calls.push(i);
        }
    }
    if let Some(shape) = trace.loop_shape() {
        let (h, jump) = (shape.header, 2 * (n as u32 - 1));
        let after_phis = 2 * shape.phis.last().map_or(h, |&p| p) as u32 + 1;
        for v in (0..h).chain(shape.phis.iter().copied()) {
            let Some(e) = end[v] else { continue };
            let id = ValueId(v as u32);
            end[v] = Some(if !shape.is_carried(id) {
                if read_in_loop[v] {
                    jump
                } else {
                    e
                }
            } else if shape.next(id) == Some(id) {
                jump
            } else if v < np {
                e.max(after_phis)
            } else {
                e
            });
        }
    }

    let mut locs = vec![Loc::None; n];
    let mut fused = vec![false; n];
    let mut intervals: Vec<Option<(u32, u32)>> = vec![None; n];
    for (i, op) in trace.ops.iter().enumerate() {
        match op {
            Op::ConstInt(c) => locs[i] = Loc::Const(*c as u64),
            Op::ConstFloat(c) | Op::ConstWord(c) => locs[i] = Loc::Const(*c),
            _ if types[i] == Type::Void => {}
            Op::IntCmp(..) | Op::FloatCmp(..) if uses[i] == 1 && is_guard_on(trace.ops.get(i + 1), i) => {
                fused[i] = true
            }
            _ => {
                if let Some(e) = end[i] {
                    let start = if i < np { 0 } else { 2 * i as u32 + 1 };
                    intervals[i] = Some((start, e));
                }
            }
        }
    }

    let mut alloc = Allocation { locs, intervals, save_slot: vec![None; n], fused, num_slots: 0 };
    let hints = hints(trace, &end);
    scan(&mut alloc, &types, &calls, &hints, &weight);
    assign_slots(&mut alloc, &calls);
    hoist_constants(&mut alloc, trace, &uses, !calls.is_empty());
    alloc
}

/// Gives constants that cost more than an immediate (floats, 64-bit ints and words) the
/// registers no value uses anywhere in the trace, most used first; the prologue loads them
/// and they stay put for the whole loop. With calls in the trace only callee-saved
/// registers qualify (so no XMM register), because nothing saves a constant's register.
fn hoist_constants(alloc: &mut Allocation, trace: &Trace, uses: &[u32], calls: bool) {
    let taken: Vec<Loc> = alloc.locs.clone();
    let mut gprs: Vec<Loc> = CALLEE_SAVED.iter().chain(CALLER_SAVED.iter()).map(|&r| Loc::Gpr(r)).collect();
    gprs.retain(|l| !(taken.contains(l) || calls && l.is_caller_saved_reg()));
    let mut xmms: Vec<Loc> = if calls { vec![] } else { (0..NUM_ALLOC_XMM).map(Loc::Xmm).collect() };
    xmms.retain(|l| !taken.contains(l));
    let mut consts: Vec<usize> = (0..trace.ops.len())
        .filter(|&v| uses[v] > 0)
        .filter(|&v| match trace.ops[v] {
            Op::ConstFloat(_) => true,
            Op::ConstInt(c) => i32::try_from(c).is_err(),
            Op::ConstWord(c) => i32::try_from(c as i64).is_err(),
            _ => false,
        })
        .collect();
    consts.sort_by_key(|&v| std::cmp::Reverse(uses[v]));
    for v in consts {
        let pool = if matches!(trace.ops[v], Op::ConstFloat(_)) { &mut xmms } else { &mut gprs };
        if let Some(r) = pool.pop() {
            alloc.locs[v] = r;
        }
    }
}

/// Locations worth sharing, best first: a value the `jump` passes as parameter `k`
/// prefers parameter `k`'s register (then the back edge needs no move for it), and a result
/// prefers the register of its first operand when that dies here (no copy before a
/// two-address instruction), unless the op's exit stub still needs the operand.
fn hints(trace: &Trace, end: &[Option<u32>]) -> Vec<Vec<usize>> {
    let n = trace.ops.len();
    let mut hints = vec![Vec::new(); n];
    if let Some(Op::Jump(args)) = trace.ops.last() {
        let targets = (0..trace.params.len()).chain(trace.phis());
        for (a, t) in args.iter().zip(targets) {
            if a.index() >= trace.params.len() && a.index() > t && hints[a.index()].is_empty() {
                hints[a.index()].push(t);
            }
        }
    }
    for (i, op) in trace.ops.iter().enumerate() {
        let Some(&a) = op.operands().first() else { continue };
        let exit_reads =
            op.snapshot().and_then(|s| trace.snapshots.get(s.0 as usize)).is_some_and(|s| s.reads().contains(&a));
        if end[a.index()] == Some(2 * i as u32) && !exit_reads && !matches!(op, Op::Call { .. } | Op::Jump(_)) {
            hints[i].push(a.index());
        }
    }
    hints
}

fn is_guard_on(op: Option<&Op>, v: usize) -> bool {
    matches!(op, Some(Op::Guard { cond, .. }) if cond.index() == v)
}

/// The linear scan proper: registers, or `Slot(u32::MAX)` for "spilled, slot to be assigned".
fn scan(alloc: &mut Allocation, types: &[Type], calls: &[usize], hints: &[Vec<usize>], weight: &[u32]) {
    const SPILLED: Loc = Loc::Slot(u32::MAX);
    // (end, value) of intervals currently holding a register.
    let mut active: Vec<(u32, usize)> = Vec::new();
    for v in 0..alloc.locs.len() {
        let Some((start, end)) = alloc.intervals[v] else { continue };
        active.retain(|&(e, _)| e >= start);
        let class = class_of(types[v]);
        let in_use: Vec<Loc> = active.iter().map(|&(_, w)| alloc.locs[w]).collect();
        let across = calls.iter().any(|&c| crosses(start, end, c));
        let candidates: Vec<Loc> = match class {
            Class::Gpr if across => CALLEE_SAVED.iter().chain(CALLER_SAVED.iter()).map(|&r| Loc::Gpr(r)).collect(),
            Class::Gpr => CALLER_SAVED.iter().chain(CALLEE_SAVED.iter()).map(|&r| Loc::Gpr(r)).collect(),
            Class::Xmm => (0..NUM_ALLOC_XMM).map(Loc::Xmm).collect(),
        };
        let hinted = hints[v]
            .iter()
            .map(|&h| alloc.locs[h])
            .find(|l| candidates.contains(l) && !in_use.contains(l) && !(across && l.is_caller_saved_reg()));
        if let Some(free) = hinted.or_else(|| candidates.iter().find(|l| !in_use.contains(l)).copied()) {
            alloc.locs[v] = free;
            active.push((end, v));
            continue;
        }
        // No free register: spill the cheapest of this interval and the active ones of its
        // class that end no earlier (see the module doc).
        let victim = active
            .iter()
            .enumerate()
            .filter(|(_, &(e, w))| class_of(types[w]) == class && e >= end)
            .min_by_key(|(_, &(e, w))| (weight[w], std::cmp::Reverse(e)))
            .map(|(k, &(e, w))| (k, e, w));
        match victim {
            Some((k, e, w)) if (weight[w], std::cmp::Reverse(e)) < (weight[v], std::cmp::Reverse(end)) => {
                alloc.locs[v] = alloc.locs[w];
                alloc.locs[w] = SPILLED;
                active.swap_remove(k);
                active.push((end, v));
            }
            _ => alloc.locs[v] = SPILLED,
        }
    }
}

/// Gives stack slots to spilled values and save slots to values in caller-saved registers
/// that live across a call; slots are reused once their interval is over.
fn assign_slots(alloc: &mut Allocation, calls: &[usize]) {
    let mut free: Vec<u32> = Vec::new();
    let mut active: Vec<(u32, u32)> = Vec::new(); // (end, slot)
    for v in 0..alloc.locs.len() {
        let Some((start, end)) = alloc.intervals[v] else { continue };
        let spilled = matches!(alloc.locs[v], Loc::Slot(_));
        let saved = alloc.locs[v].is_caller_saved_reg() && calls.iter().any(|&c| crosses(start, end, c));
        if !spilled && !saved {
            continue;
        }
        active.retain(|&(e, s)| {
            if e < start {
                free.push(s);
                false
            } else {
                true
            }
        });
        free.sort_unstable_by(|a, b| b.cmp(a));
        let slot = free.pop().unwrap_or_else(|| {
            alloc.num_slots += 1;
            alloc.num_slots - 1
        });
        active.push((end, slot));
        if spilled {
            alloc.locs[v] = Loc::Slot(slot);
        } else {
            alloc.save_slot[v] = Some(slot);
        }
    }
}

/// Whether a float comparison condition is valid (unsigned conditions are integer-only).
pub fn float_cond_ok(c: Cond) -> bool {
    !matches!(c, Cond::Below | Cond::AboveEq)
}

/// Checks an allocation's invariants, as `Trace::check` does for traces: every value read
/// has a location; values live at the same time never share a register or slot (hoisted
/// constants hold theirs for the whole loop); slots are in the frame; and a value in a
/// caller-saved register across a call has a save slot. Tests run it on every trace they
/// compile, debug builds on every trace.
pub fn check_allocation(trace: &Trace, a: &Allocation) -> Result<(), String> {
    let calls: Vec<usize> = (0..trace.ops.len()).filter(|&i| matches!(trace.ops[i], Op::Call { .. })).collect();
    let mut occupied: Vec<(u32, u32, Loc, usize)> = Vec::new();
    for (v, op) in trace.ops.iter().enumerate() {
        let loc = a.locs[v];
        if let Loc::Slot(s) = loc {
            if s >= a.num_slots {
                return Err(format!("v{v}: slot {s} outside the frame's {}", a.num_slots));
            }
        }
        let is_const = matches!(op, Op::ConstInt(_) | Op::ConstFloat(_) | Op::ConstWord(_));
        match a.intervals[v] {
            Some((s, e)) => {
                if matches!(loc, Loc::None | Loc::Const(_)) {
                    return Err(format!("v{v} is live over {s}..{e} but has no location"));
                }
                occupied.push((s, e, loc, v));
                let across = calls.iter().any(|&c| crosses(s, e, c));
                match a.save_slot[v] {
                    Some(slot) => occupied.push((s, e, Loc::Slot(slot), v)),
                    None if across && loc.is_caller_saved_reg() => {
                        return Err(format!("v{v} is in caller-saved {loc:?} across a call without a save slot"))
                    }
                    None => {}
                }
            }
            None if is_const && matches!(loc, Loc::Gpr(_) | Loc::Xmm(_)) => {
                if !calls.is_empty() && loc.is_caller_saved_reg() {
                    return Err(format!("constant v{v} hoisted into caller-saved {loc:?} in a trace with calls"));
                }
                occupied.push((0, u32::MAX, loc, v));
            }
            None => {}
        }
        for r in op.operands() {
            let fused_here = a.fused[r.index()] && r.index() + 1 == v;
            if a.locs[r.index()] == Loc::None && !fused_here {
                return Err(format!("op {v} reads v{} which has no location", r.0));
            }
        }
    }
    occupied.sort_by_key(|o| o.0);
    for (k, &(s1, e1, l1, v1)) in occupied.iter().enumerate() {
        for &(s2, e2, l2, v2) in &occupied[k + 1..] {
            if s2 > e1 {
                break;
            }
            if l1 == l2 && v1 != v2 && s2 <= e1 && s1 <= e2 {
                return Err(format!("v{v1} ({s1}..{e1}) and v{v2} ({s2}..{e2}) share {l1:?}"));
            }
        }
    }
    Ok(())
}
