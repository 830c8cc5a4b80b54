//! The trace IR: one loop iteration in SSA form, with guards that leave through snapshots.
//!
//! This file is the contract between the frontend that records traces (Krait's `interp`),
//! the optimizer passes and the backends. It knows nothing of Python: the frontend describes
//! its values as raw 64-bit words (`Type::Word`) and uses the integer, float and memory ops
//! below to take them apart; everything language-specific that is not worth inlining is a
//! `Call` to an `extern "C"` helper the frontend supplies.
//!
//! # Shape of a trace
//!
//! ```text
//!   v0 = param 0 : int        ┐ one `Param` per loop parameter, in order, first in `ops`
//!   v1 = param 1 : float      ┘
//!   v2 = const_int 1          ┐
//!   v3 = int_add_ov v0, v2 !s0│ the body: one iteration of the loop, straight-line SSA;
//!   v4 = int_cmp lt v3, ...   │ a guard that fails leaves the trace through its snapshot
//!   guard v4 == true !s1      ┘
//!   jump v3, v1               ← last op: params take these values, run the body again
//! ```
//!
//! Every op defines the value whose `ValueId` is its index in `Trace::ops` (ops without a
//! result have type `Void`). Operands always refer to earlier ops.
//!
//! After loop-invariant code motion (`opt::licm`) a trace has a preamble: the ops before
//! `Loop` run once per entry, then the body loops. `Phi`s right after `Loop` carry values
//! other than the params from iteration to iteration, and the `jump` passes their next
//! values after the params':
//!
//! ```text
//!   v0 = param 0 : int         preamble: invariant loads and guards (guards leave through
//!   v1 = param 1 : int         the entry snapshot), first values of the phis
//!   v2 = load [v1 + 8] : int mem 1
//!   v3 = load [v1 + 16] : int mem 2
//!   loop
//!   v5 = phi v3 : int          body: reads v2 and v5, stores v7 to [v1 + 16]
//!   ...
//!   jump v8, v1, v7
//! ```
//!
//! # Entering and leaving (the ABI every backend implements)
//!
//! `CompiledTrace::run(params, exit_buf)`: `params[i]` holds loop parameter `i` as 64 raw
//! bits (`Int`: the i64; `Float`: the f64's bits; `Bool`: 0 or 1; `Word`: the word). The
//! trace loops until a guard fails; it then writes the values of `Snapshot::live()` of that
//! guard's snapshot into `exit_buf`, in that order and with the same encoding, and returns the
//! guard's op index (its exit number). The frontend rebuilds its frames from the snapshot.
//! There is no other way out: a loop ends when the guard on its condition fails.
//!
//! # After optimization
//!
//! The optimizer (`opt`) renumbers values and ops, so exit numbers refer to the optimized
//! trace, which is the one to keep for resuming. It never renumbers snapshots: a snapshot
//! no op leaves through any more is emptied instead. Operand types follow the rules of
//! `Trace::check_types` (added after the first version of this contract; `RefBackend` and
//! the optimizer enforce it).
//!
//! # Speculation kinds
//!
//! Every guard names the speculation it checks (`Kind`, an index into `Trace::kinds`, whose
//! names the frontend chooses, e.g. "int-overflow", "type", "map"), so failures can be
//! counted and each speculation switched off per kind.

use std::fmt;

/// An SSA value: the index of the op that defines it in `Trace::ops`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ValueId(pub u32);

impl ValueId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for ValueId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}", self.0)
    }
}

/// Index into `Trace::snapshots`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SnapshotId(pub u32);

/// Speculation kind of a guard: index into `Trace::kinds`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Kind(pub u8);

/// Memory class of a load or store, for alias analysis: the frontend gives each kind of
/// memory it touches (say "frame slots", "object headers", "list items") its own number, and
/// promises that accesses of two different classes never touch the same bytes. Two accesses
/// of one class may alias unless they have the same base value and, both indexed by the
/// same index or both unindexed, different offsets. `Mem::ANY` (0) may alias anything.
/// Calls that are not pure may read and write memory of every class.
///
/// A class with the `Mem::SEPARATE` bit (numbers 128 and up) is a class of separate blocks
/// (say the attribute slots of objects, each object's in an allocation of its own): the
/// frontend further promises that the base of every unindexed access of the class is the
/// start of a block, that blocks never overlap, and that the offset stays inside the block.
/// Two unindexed accesses of such a class at different offsets then never alias, whatever
/// their bases (the same block or two disjoint ones), and two at the same offset alias only
/// if their bases are equal: a guard that they differ (`guard_true (int_cmp ne a, b)`) lets
/// the passes that know to look for it (`licm`, `sink`) treat them apart after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Mem(pub u8);

impl Mem {
    pub const ANY: Mem = Mem(0);
    /// The flag bit of classes of separate blocks (see the type's docs).
    pub const SEPARATE: u8 = 0x80;

    /// Whether this is a class of separate blocks.
    pub fn separate(self) -> bool {
        self.0 & Self::SEPARATE != 0
    }
}

/// The 8 bytes a load or store touches: `base + index * 8 + offset` in class `mem`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Access {
    pub base: ValueId,
    pub index: Option<ValueId>,
    pub offset: i32,
    pub mem: Mem,
}

impl Access {
    /// Whether the two accesses may touch a common byte (the rules of `Mem`).
    pub fn may_alias(&self, other: &Access) -> bool {
        self.may_alias_unless(other, |_, _| false)
    }

    /// `may_alias`, given that `distinct(a, b)` tells bases known to differ (by a guard
    /// that dominates both accesses); only classes of separate blocks use it.
    pub fn may_alias_unless(&self, other: &Access, distinct: impl Fn(ValueId, ValueId) -> bool) -> bool {
        if self.mem != other.mem && self.mem != Mem::ANY && other.mem != Mem::ANY {
            return false;
        }
        let apart = (self.offset as i64 - other.offset as i64).abs() >= 8;
        if self.mem == other.mem && self.mem.separate() && self.index.is_none() && other.index.is_none() {
            // Separate blocks: the same byte only in the same block at the same offset.
            return !apart && (self.base == other.base || !distinct(self.base, other.base));
        }
        !(self.base == other.base && self.index == other.index && apart)
    }
}

/// The type of an SSA value. Every value is 64 bits wide in registers and exit buffers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// Signed 64-bit integer (an unboxed int, an address, a raw bit pattern).
    Int,
    /// IEEE-754 double, kept in a float register by machine backends.
    Float,
    /// 0 or 1.
    Bool,
    /// A frontend value word (for Krait: a NaN-boxed `Value`). Backends treat it as `Int`;
    /// the type tells the frontend to take the bits as a value when it rebuilds frames.
    Word,
    /// No result (guards, stores, `jump`, calls without a result).
    Void,
}

/// Integer and float comparisons. Integer `Lt`..`Ge` are signed; `Below`/`AboveEq` are
/// unsigned (one compare does a `0 <= i < len` bounds check). Float comparisons are IEEE:
/// every comparison with a NaN is false except `Ne`, which is true.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cond {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Below,
    AboveEq,
}

/// One operation. `ValueId` operands refer to earlier ops.
///
/// `Eq` and `Hash` compare ops structurally (constants by their bits), which is what
/// common-subexpression elimination wants.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// Loop parameter `i`, with type `Trace::params[i]`. The first `params.len()` ops of a
    /// trace are exactly `Param(0)`, `Param(1)`, ... and no `Param` appears elsewhere.
    Param(u32),

    ConstInt(i64),
    /// The float with these bits.
    ConstFloat(u64),
    /// A frontend value word. Frontends keep whatever it points to alive while the trace
    /// exists (the trace is a GC root through them).
    ConstWord(u64),

    // --- integers (operands Int, Word or Bool; result Int) -----------------------------
    /// Wrapping arithmetic.
    IntAdd(ValueId, ValueId),
    IntSub(ValueId, ValueId),
    IntMul(ValueId, ValueId),
    /// Arithmetic that leaves through `snap` when the i64 result overflows (the int
    /// non-overflow speculation). The result is not defined on that exit, so `snap` must not
    /// name it. The exit number is this op's index, as for `Guard`.
    IntAddOv {
        a: ValueId,
        b: ValueId,
        snap: SnapshotId,
        kind: Kind,
    },
    IntSubOv {
        a: ValueId,
        b: ValueId,
        snap: SnapshotId,
        kind: Kind,
    },
    IntMulOv {
        a: ValueId,
        b: ValueId,
        snap: SnapshotId,
        kind: Kind,
    },
    IntNeg(ValueId),
    IntAnd(ValueId, ValueId),
    IntOr(ValueId, ValueId),
    IntXor(ValueId, ValueId),
    /// Shifts take the count modulo 64, as the hardware does; frontends guard the range.
    IntShl(ValueId, ValueId),
    /// Arithmetic (sign-filling) right shift.
    IntSar(ValueId, ValueId),
    /// Logical (zero-filling) right shift.
    IntShr(ValueId, ValueId),
    /// Floor division and modulo with Python's semantics (quotient rounded toward negative
    /// infinity, remainder with the sign of the divisor). The frontend guarantees (by guards)
    /// that the divisor is not 0 and that the pair is not (i64::MIN, -1); otherwise the result
    /// is unspecified and a machine backend may trap (`RefBackend` and constant folding give
    /// 0 and the wrapped quotient, and never fold those cases).
    IntFloorDiv(ValueId, ValueId),
    IntMod(ValueId, ValueId),
    /// Compare two integers (or words, or bools); result Bool.
    IntCmp(Cond, ValueId, ValueId),

    // --- floats (operands Float; result Float unless stated) ----------------------------
    FloatAdd(ValueId, ValueId),
    FloatSub(ValueId, ValueId),
    FloatMul(ValueId, ValueId),
    FloatDiv(ValueId, ValueId),
    FloatNeg(ValueId),
    FloatAbs(ValueId),
    FloatSqrt(ValueId),
    /// Result Bool, IEEE semantics (see `Cond`; `Below`/`AboveEq` are not valid here).
    FloatCmp(Cond, ValueId, ValueId),
    /// Int to the nearest float (round-to-nearest-even, like `cvtsi2sd`).
    IntToFloat(ValueId),

    // --- reinterpretation (no computation; machine backends move between register files) --
    /// The float's bits as Int.
    FloatBits(ValueId),
    /// Int bits as a Float.
    BitsToFloat(ValueId),
    /// A Word or Bool viewed as Int.
    AsInt(ValueId),
    /// An Int viewed as a Word.
    AsWord(ValueId),

    // --- memory: address = base + offset (+ index * 8 for the indexed forms) ------------
    /// Load 64 bits; the result has type `ty` (Int, Float or Word).
    Load {
        base: ValueId,
        offset: i32,
        ty: Type,
        mem: Mem,
    },
    Store {
        base: ValueId,
        offset: i32,
        value: ValueId,
        mem: Mem,
    },
    LoadIndexed {
        base: ValueId,
        index: ValueId,
        offset: i32,
        ty: Type,
        mem: Mem,
    },
    StoreIndexed {
        base: ValueId,
        index: ValueId,
        offset: i32,
        value: ValueId,
        mem: Mem,
    },
    /// Load the byte at `base + index + offset` (index not scaled), zero-extended; result
    /// Int. Byte accesses must use memory classes of their own (never shared with 8-byte
    /// accesses): `Access::may_alias` compares offsets at word granularity, which is
    /// conservative for bytes of one class but says nothing across widths.
    LoadByte {
        base: ValueId,
        index: ValueId,
        offset: i32,
        mem: Mem,
    },
    /// Store the low byte of `value` (Int or Bool) at `base + index + offset`.
    StoreByte {
        base: ValueId,
        index: ValueId,
        offset: i32,
        value: ValueId,
        mem: Mem,
    },

    // --- control ------------------------------------------------------------------------
    /// Leave through `snap` unless `cond` (a Bool) equals `expect`.
    Guard {
        cond: ValueId,
        expect: bool,
        snap: SnapshotId,
        kind: Kind,
    },
    /// Leave through `snap`, unconditionally. Ends a trace that does not loop back to its
    /// own start (a bridge, or a loop's path into another loop): the snapshot hands the
    /// frontend its state at the point where another trace (or the interpreter) goes on.
    /// The trace must still end with `Jump`, which the exit makes unreachable.
    Exit {
        snap: SnapshotId,
        kind: Kind,
    },
    /// Call `extern "C" fn(u64, ...) -> u64` at address `func` with up to 6 arguments, each
    /// passed as 64 raw bits in an integer register (floats as their bits); the result (raw
    /// bits in the integer return register) is taken as `ret` (`Void`: ignored). A call with
    /// `pure == true` has no side effects and may be removed or folded when unused.
    /// A helper whose `ret` is `Bool` returns exactly 0 or 1 in the whole 64-bit register.
    /// Helpers may allocate and collect garbage: backends must leave every live value
    /// where the frontend's conservative stack scan finds it (on the native stack or in
    /// callee-saved registers) across the call.
    Call {
        func: u64,
        args: Vec<ValueId>,
        ret: Type,
        pure: bool,
    },
    /// The loop header, at most once, in a trace without `Exit`: the ops before it (the
    /// preamble, e.g. loop-invariant code that `opt::licm` hoisted) run once each time the
    /// trace is entered, and `Jump` goes back to the op after it. Values the preamble
    /// defines may be read by every later op. Without `Loop`, the loop starts after the
    /// params.
    Loop,
    /// A loop-carried value other than a parameter (e.g. a memory word `opt::licm` keeps in
    /// a register): phis come right after `Loop`, before any other op. In the first
    /// iteration a phi is its operand (a preamble value); on each back edge it takes the
    /// value `Jump` passes for it. The type is the operand's.
    Phi(ValueId, Type),
    /// The last op: loop parameters take these values (all at once), run the body again
    /// (from after `Loop` and its phis, if there is one). With phis, the values for the
    /// phis follow those for the parameters, in order.
    Jump(Vec<ValueId>),
}

/// The state of one frontend frame at a guard: its description (`meta`, opaque to the
/// tracer: the frontend's own index of code object, resume point, return slot, ...) and the
/// value each of its slots holds.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FrameState {
    pub meta: u64,
    pub slots: Vec<(u32, ValueId)>,
}

/// What the frontend needs to resume after a guard: every live frame, outermost first
/// (frames of calls inlined into the trace follow the frame that made the call).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    pub frames: Vec<FrameState>,
    /// Memory words the exit writes before anything else (a machine backend's exit stub,
    /// before it fills the exit buffer): stores the optimizer sank out of the loop
    /// (`opt::sink`), with the value memory must hold where this snapshot's op leaves.
    pub stores: Vec<SnapStore>,
}

/// One store an exit makes: `value` to the word at `base + offset` (class `mem`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnapStore {
    pub base: ValueId,
    pub offset: i32,
    pub value: ValueId,
    pub mem: Mem,
}

impl Snapshot {
    /// A snapshot of these frames that makes no stores.
    pub fn new(frames: Vec<FrameState>) -> Snapshot {
        Snapshot { frames, stores: Vec::new() }
    }

    /// Every value an exit through this snapshot reads: `live()`, then the bases and
    /// values of its stores.
    pub fn reads(&self) -> Vec<ValueId> {
        let mut out = self.live();
        for st in &self.stores {
            for v in [st.base, st.value] {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        out
    }

    /// The distinct values the snapshot names, in order of first appearance: the layout of
    /// the exit buffer a failing guard fills.
    pub fn live(&self) -> Vec<ValueId> {
        let mut out: Vec<ValueId> = Vec::new();
        for f in &self.frames {
            for &(_, v) in &f.slots {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        out
    }
}

/// A recorded (and possibly optimized) trace.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Trace {
    /// Loop parameter types.
    pub params: Vec<Type>,
    pub ops: Vec<Op>,
    pub snapshots: Vec<Snapshot>,
    /// Names of the speculation kinds guards refer to.
    pub kinds: Vec<String>,
    /// A snapshot of the state where the trace is entered, naming only params: leaving
    /// through it resumes the frontend exactly where it entered the trace. Guards that
    /// `opt::licm` hoists out of the loop leave through it (a guard on loop-invariant
    /// values fails on the first iteration or never). `None`: no hoisting.
    pub entry: Option<SnapshotId>,
}

impl Op {
    /// The type of the value this op defines.
    pub fn result_type(&self, params: &[Type]) -> Type {
        use Op::*;
        match self {
            Param(i) => params[*i as usize],
            ConstInt(_) => Type::Int,
            ConstFloat(_) => Type::Float,
            ConstWord(_) => Type::Word,
            IntAdd(..)
            | IntSub(..)
            | IntMul(..)
            | IntAddOv { .. }
            | IntSubOv { .. }
            | IntMulOv { .. }
            | IntNeg(_)
            | IntAnd(..)
            | IntOr(..)
            | IntXor(..)
            | IntShl(..)
            | IntSar(..)
            | IntShr(..)
            | IntFloorDiv(..)
            | IntMod(..)
            | FloatBits(_)
            | AsInt(_)
            | LoadByte { .. } => Type::Int,
            IntCmp(..) | FloatCmp(..) => Type::Bool,
            FloatAdd(..) | FloatSub(..) | FloatMul(..) | FloatDiv(..) | FloatNeg(_) | FloatAbs(_) | FloatSqrt(_)
            | IntToFloat(_) | BitsToFloat(_) => Type::Float,
            AsWord(_) => Type::Word,
            Load { ty, .. } | LoadIndexed { ty, .. } => *ty,
            Call { ret, .. } => *ret,
            Phi(_, ty) => *ty,
            Store { .. } | StoreIndexed { .. } | StoreByte { .. } | Guard { .. } | Exit { .. } | Loop | Jump(_) => {
                Type::Void
            }
        }
    }

    /// The values this op reads (snapshots not included).
    pub fn operands(&self) -> Vec<ValueId> {
        let mut op = self.clone();
        op.operands_mut().into_iter().map(|v| *v).collect()
    }

    /// Every operand of this op, in order, for reading or rewriting: the one place that
    /// knows which fields of each op are operands.
    fn operands_mut(&mut self) -> Vec<&mut ValueId> {
        use Op::*;
        match self {
            Param(_) | ConstInt(_) | ConstFloat(_) | ConstWord(_) | Exit { .. } | Loop => vec![],
            IntAdd(a, b)
            | IntSub(a, b)
            | IntMul(a, b)
            | IntAnd(a, b)
            | IntOr(a, b)
            | IntXor(a, b)
            | IntShl(a, b)
            | IntSar(a, b)
            | IntShr(a, b)
            | IntFloorDiv(a, b)
            | IntMod(a, b)
            | IntCmp(_, a, b)
            | FloatAdd(a, b)
            | FloatSub(a, b)
            | FloatMul(a, b)
            | FloatDiv(a, b)
            | FloatCmp(_, a, b) => vec![a, b],
            IntAddOv { a, b, .. } | IntSubOv { a, b, .. } | IntMulOv { a, b, .. } => vec![a, b],
            IntNeg(a) | FloatNeg(a) | FloatAbs(a) | FloatSqrt(a) | IntToFloat(a) | FloatBits(a) | BitsToFloat(a)
            | AsInt(a) | AsWord(a) => vec![a],
            Load { base, .. } => vec![base],
            Store { base, value, .. } => vec![base, value],
            LoadIndexed { base, index, .. } | LoadByte { base, index, .. } => vec![base, index],
            StoreIndexed { base, index, value, .. } | StoreByte { base, index, value, .. } => vec![base, index, value],
            Guard { cond, .. } => vec![cond],
            Phi(a, _) => vec![a],
            Call { args, .. } | Jump(args) => args.iter_mut().collect(),
        }
    }

    /// The snapshot this op exits through, if it can exit.
    pub fn snapshot(&self) -> Option<SnapshotId> {
        match self {
            Op::Guard { snap, .. }
            | Op::Exit { snap, .. }
            | Op::IntAddOv { snap, .. }
            | Op::IntSubOv { snap, .. }
            | Op::IntMulOv { snap, .. } => Some(*snap),
            _ => None,
        }
    }

    /// Makes an op that can leave (see `snapshot`) leave through `to`; other ops are left
    /// as they are.
    pub fn set_snapshot(&mut self, to: SnapshotId) {
        match self {
            Op::Guard { snap, .. }
            | Op::Exit { snap, .. }
            | Op::IntAddOv { snap, .. }
            | Op::IntSubOv { snap, .. }
            | Op::IntMulOv { snap, .. } => *snap = to,
            _ => {}
        }
    }

    /// Whether removing this op when its value is unused changes nothing.
    pub fn is_pure(&self) -> bool {
        match self {
            Op::Store { .. }
            | Op::StoreIndexed { .. }
            | Op::StoreByte { .. }
            | Op::Guard { .. }
            | Op::Exit { .. }
            | Op::Loop
            | Op::Jump(_) => false,
            Op::IntAddOv { .. } | Op::IntSubOv { .. } | Op::IntMulOv { .. } => false,
            Op::Call { pure, .. } => *pure,
            // Loads are pure here: a load whose value is unused can go. Frontends must not
            // rely on a load faulting.
            _ => true,
        }
    }
}

impl Trace {
    /// The type of every value, indexed by `ValueId`.
    pub fn types(&self) -> Vec<Type> {
        let mut types = Vec::with_capacity(self.ops.len());
        for op in &self.ops {
            let t = op.result_type(&self.params);
            types.push(t);
        }
        types
    }

    /// The largest exit buffer any guard of this trace needs, in 64-bit words.
    pub fn max_exit_len(&self) -> usize {
        self.snapshots.iter().map(|s| s.live().len()).max().unwrap_or(0)
    }

    /// Checks the structural rules stated in this file; returns the first violation.
    pub fn check(&self) -> Result<(), String> {
        let types = self.types();
        let np = self.params.len();
        if self.ops.len() < np + 1 {
            return Err("trace shorter than its params plus a jump".into());
        }
        for (i, op) in self.ops.iter().enumerate() {
            match op {
                Op::Param(p) if i < np && *p as usize == i => {}
                _ if i < np => return Err(format!("op {i} must be param {i}")),
                Op::Param(_) => return Err(format!("param at op {i} after the body started")),
                _ => {}
            }
            for v in op.operands() {
                if v.index() >= i {
                    return Err(format!("op {i} reads {v}, not defined before it"));
                }
                if types[v.index()] == Type::Void {
                    return Err(format!("op {i} reads {v}, which has no value"));
                }
            }
            if let Some(s) = op.snapshot() {
                let snap = self.snapshots.get(s.0 as usize).ok_or_else(|| format!("op {i}: no snapshot {}", s.0))?;
                for v in snap.reads() {
                    let bad = v.index() >= i || types[v.index()] == Type::Void;
                    if bad {
                        return Err(format!("op {i}: snapshot {} names {v}, not available there", s.0));
                    }
                }
                if let Some(st) = snap.stores.iter().find(|st| types[st.base.index()] != Type::Int) {
                    return Err(format!("op {i}: snapshot {} stores through {}, not an int", s.0, st.base));
                }
            }
            match op {
                Op::Guard { kind, .. }
                | Op::Exit { kind, .. }
                | Op::IntAddOv { kind, .. }
                | Op::IntSubOv { kind, .. }
                | Op::IntMulOv { kind, .. }
                    if kind.0 as usize >= self.kinds.len() =>
                {
                    return Err(format!("op {i}: unknown speculation kind {}", kind.0));
                }
                Op::Call { args, .. } if args.len() > 6 => return Err(format!("op {i}: call with more than 6 args")),
                Op::Jump(args) => {
                    if i != self.ops.len() - 1 {
                        return Err(format!("jump at op {i} is not the last op"));
                    }
                    let phis = self.phis();
                    if args.len() != np + phis.len() {
                        return Err(format!(
                            "jump passes {} values for {np} params and {} phis",
                            args.len(),
                            phis.len()
                        ));
                    }
                    let wanted = self.params.iter().copied().chain(phis.iter().map(|p| types[*p]));
                    for (k, (a, want)) in args.iter().zip(wanted).enumerate() {
                        let got = types[a.index()];
                        if want != got {
                            return Err(format!("jump arg {k} is {got:?}, wants {want:?}"));
                        }
                    }
                }
                _ => {}
            }
        }
        let header = self.ops.iter().position(|op| matches!(op, Op::Loop));
        for (i, op) in self.ops.iter().enumerate() {
            if let Op::Phi(a, ty) = op {
                if types.get(a.index()) != Some(ty) {
                    return Err(format!("phi at op {i} has type {ty:?}, its operand {a} another"));
                }
                let after_loop =
                    header.is_some_and(|h| (h + 1..i).all(|k| matches!(self.ops[k], Op::Phi(..))) && h < i);
                if !after_loop {
                    return Err(format!("phi at op {i} does not follow the loop op"));
                }
                if header.is_some_and(|h| a.index() >= h) {
                    return Err(format!("phi at op {i} reads {a}, not a preamble value"));
                }
            }
        }
        let loops = self.ops.iter().filter(|op| matches!(op, Op::Loop)).count();
        if loops > 1 {
            return Err("more than one loop op".into());
        }
        if loops == 1 && self.ops.iter().any(|op| matches!(op, Op::Exit { .. })) {
            return Err("a trace with an exit op has no loop op".into());
        }
        if let Some(e) = self.entry {
            let snap = self.snapshots.get(e.0 as usize).ok_or_else(|| format!("no entry snapshot {}", e.0))?;
            if let Some(v) = snap.live().into_iter().find(|v| v.index() >= np) {
                return Err(format!("entry snapshot names {v}, not a param"));
            }
        }
        match self.ops.last() {
            Some(Op::Jump(_)) => Ok(()),
            _ => Err("trace does not end with jump".into()),
        }
    }

    /// Index of the first op the `jump` goes back to: after `Loop` and its phis, else
    /// after the params.
    pub fn loop_start(&self) -> usize {
        match self.ops.iter().position(|op| matches!(op, Op::Loop)) {
            Some(i) => i + 1 + self.phis().len(),
            None => self.params.len(),
        }
    }

    /// The indices of the phi ops, in order.
    pub fn phis(&self) -> Vec<usize> {
        (0..self.ops.len()).filter(|&i| matches!(self.ops[i], Op::Phi(..))).collect()
    }

    /// For a trace with a preamble (a `Loop` op) that ends in a `jump`: its loop's shape.
    /// The pairs of values a guard shows to differ (`guard_true (int_cmp ne a, b)` or
    /// `guard_false (int_cmp eq a, b)`), each with the guard's position: what
    /// `Access::may_alias_unless` is given about the bases of separate blocks.
    pub fn distinct_pairs(&self) -> Vec<(usize, ValueId, ValueId)> {
        let mut out = Vec::new();
        for (i, op) in self.ops.iter().enumerate() {
            let Op::Guard { cond, expect, .. } = *op else { continue };
            match self.ops[cond.index()] {
                Op::IntCmp(Cond::Ne, a, b) if expect => out.push((i, a, b)),
                Op::IntCmp(Cond::Eq, a, b) if !expect => out.push((i, a, b)),
                _ => {}
            }
        }
        out
    }

    pub fn loop_shape(&self) -> Option<LoopShape<'_>> {
        let header = self.ops.iter().position(|op| matches!(op, Op::Loop))?;
        let Some(Op::Jump(args)) = self.ops.last() else { return None };
        Some(LoopShape { header, params: self.params.len(), phis: self.phis(), args })
    }
}

/// Whether one of `pairs` (`Trace::distinct_pairs`), guarded before position `at`, shows
/// `a` and `b` to differ.
pub fn distinct_before(pairs: &[(usize, ValueId, ValueId)], at: usize, a: ValueId, b: ValueId) -> bool {
    pairs.iter().any(|&(p, x, y)| p < at && ((x, y) == (a, b) || (x, y) == (b, a)))
}

/// A trace with a preamble seen from its loop (`Trace::loop_shape`): where `Loop` stands,
/// the phis, and what the `jump` passes to each parameter and phi (in that order).
pub struct LoopShape<'a> {
    pub header: usize,
    pub params: usize,
    pub phis: Vec<usize>,
    pub args: &'a [ValueId],
}

impl LoopShape<'_> {
    /// Whether `v` is a parameter or a phi: a value the `jump` writes.
    pub fn is_carried(&self, v: ValueId) -> bool {
        v.index() < self.params || self.phis.contains(&v.index())
    }

    /// The `jump`'s value for parameter or phi `v`.
    pub fn next(&self, v: ValueId) -> Option<ValueId> {
        let k = if v.index() < self.params {
            v.index()
        } else {
            self.params + self.phis.iter().position(|&p| p == v.index())?
        };
        self.args.get(k).copied()
    }

    /// Whether `v` is the same in every iteration: a preamble value, or a parameter the
    /// `jump` passes back unchanged.
    pub fn is_invariant(&self, v: ValueId) -> bool {
        v.index() < self.header && (v.index() >= self.params || self.args.get(v.index()) == Some(&v))
    }
}

impl Cond {
    /// The name used in the text IR (`lt`, `above_eq`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Cond::Eq => "eq",
            Cond::Ne => "ne",
            Cond::Lt => "lt",
            Cond::Le => "le",
            Cond::Gt => "gt",
            Cond::Ge => "ge",
            Cond::Below => "below",
            Cond::AboveEq => "above_eq",
        }
    }

    pub const ALL: [Cond; 8] = [Cond::Eq, Cond::Ne, Cond::Lt, Cond::Le, Cond::Gt, Cond::Ge, Cond::Below, Cond::AboveEq];

    /// The condition with its operands swapped: `a c b` iff `b c' a` (for floats too, NaN
    /// included). `None` for the unsigned conditions, whose mirror images are not in `Cond`.
    pub fn swapped(self) -> Option<Cond> {
        match self {
            Cond::Eq => Some(Cond::Eq),
            Cond::Ne => Some(Cond::Ne),
            Cond::Lt => Some(Cond::Gt),
            Cond::Le => Some(Cond::Ge),
            Cond::Gt => Some(Cond::Lt),
            Cond::Ge => Some(Cond::Le),
            Cond::Below | Cond::AboveEq => None,
        }
    }

    /// The integer condition that holds exactly when this one does not (not valid for
    /// floats, where a NaN makes both false).
    pub fn negated(self) -> Cond {
        match self {
            Cond::Eq => Cond::Ne,
            Cond::Ne => Cond::Eq,
            Cond::Lt => Cond::Ge,
            Cond::Le => Cond::Gt,
            Cond::Gt => Cond::Le,
            Cond::Ge => Cond::Lt,
            Cond::Below => Cond::AboveEq,
            Cond::AboveEq => Cond::Below,
        }
    }
}

impl Type {
    /// The name used in the text IR.
    pub fn name(self) -> &'static str {
        match self {
            Type::Int => "int",
            Type::Float => "float",
            Type::Bool => "bool",
            Type::Word => "word",
            Type::Void => "void",
        }
    }

    /// Whether values of this type live in integer registers and may be integer operands
    /// (`Int`, `Word`, `Bool`).
    pub fn is_intlike(self) -> bool {
        matches!(self, Type::Int | Type::Word | Type::Bool)
    }
}

impl Op {
    /// The op's name in the text IR (`int_add_ov`, `load_indexed`, ...). Guards are named
    /// `guard_true`/`guard_false` after their `expect`, calls `call`/`call_pure`.
    pub fn name(&self) -> &'static str {
        use Op::*;
        match self {
            Param(_) => "param",
            ConstInt(_) => "const_int",
            ConstFloat(_) => "const_float",
            ConstWord(_) => "const_word",
            IntAdd(..) => "int_add",
            IntSub(..) => "int_sub",
            IntMul(..) => "int_mul",
            IntAddOv { .. } => "int_add_ov",
            IntSubOv { .. } => "int_sub_ov",
            IntMulOv { .. } => "int_mul_ov",
            IntNeg(_) => "int_neg",
            IntAnd(..) => "int_and",
            IntOr(..) => "int_or",
            IntXor(..) => "int_xor",
            IntShl(..) => "int_shl",
            IntSar(..) => "int_sar",
            IntShr(..) => "int_shr",
            IntFloorDiv(..) => "int_floordiv",
            IntMod(..) => "int_mod",
            IntCmp(..) => "int_cmp",
            FloatAdd(..) => "float_add",
            FloatSub(..) => "float_sub",
            FloatMul(..) => "float_mul",
            FloatDiv(..) => "float_div",
            FloatNeg(_) => "float_neg",
            FloatAbs(_) => "float_abs",
            FloatSqrt(_) => "float_sqrt",
            FloatCmp(..) => "float_cmp",
            IntToFloat(_) => "int_to_float",
            FloatBits(_) => "float_bits",
            BitsToFloat(_) => "bits_to_float",
            AsInt(_) => "as_int",
            AsWord(_) => "as_word",
            Load { .. } => "load",
            Store { .. } => "store",
            LoadIndexed { .. } => "load_indexed",
            StoreIndexed { .. } => "store_indexed",
            LoadByte { .. } => "load_byte",
            StoreByte { .. } => "store_byte",
            Guard { expect: true, .. } => "guard_true",
            Guard { expect: false, .. } => "guard_false",
            Exit { .. } => "exit",
            Loop => "loop",
            Phi(..) => "phi",
            Call { pure: false, .. } => "call",
            Call { pure: true, .. } => "call_pure",
            Jump(_) => "jump",
        }
    }

    /// This op with every operand `v` replaced by `f(v)` (snapshot and kind untouched).
    pub fn map_operands(&self, mut f: impl FnMut(ValueId) -> ValueId) -> Op {
        let mut op = self.clone();
        for v in op.operands_mut() {
            *v = f(*v);
        }
        op
    }

    /// The memory this load or store touches.
    pub fn access(&self) -> Option<Access> {
        match *self {
            Op::Load { base, offset, mem, .. } | Op::Store { base, offset, mem, .. } => {
                Some(Access { base, index: None, offset, mem })
            }
            Op::LoadIndexed { base, index, offset, mem, .. }
            | Op::StoreIndexed { base, index, offset, mem, .. }
            | Op::LoadByte { base, index, offset, mem }
            | Op::StoreByte { base, index, offset, mem, .. } => Some(Access { base, index: Some(index), offset, mem }),
            _ => None,
        }
    }

    /// Whether this op writes memory through an address (`store`, `store_indexed`,
    /// `store_byte`; calls are not included).
    pub fn is_store(&self) -> bool {
        matches!(self, Op::Store { .. } | Op::StoreIndexed { .. } | Op::StoreByte { .. })
    }

    /// The speculation kind of an op that can exit.
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Op::Guard { kind, .. }
            | Op::Exit { kind, .. }
            | Op::IntAddOv { kind, .. }
            | Op::IntSubOv { kind, .. }
            | Op::IntMulOv { kind, .. } => Some(*kind),
            _ => None,
        }
    }
}

impl Trace {
    /// Checks the operand types of every op, which `check` leaves alone (a gap in the first
    /// version of this contract, closed compatibly here; `RefBackend` and the optimizer call
    /// both). The rules, which every backend may rely on:
    /// - integer ops (`int_*`, `int_cmp`, the `*Ov` ops), `int_to_float`, `bits_to_float`,
    ///   `as_int`, `as_word`, load/store bases and indices: operands are `Int`, `Word` or
    ///   `Bool` (all live in integer registers);
    /// - float ops, `float_cmp` and `float_bits`: operands are `Float`; `float_cmp` never
    ///   uses `Below`/`AboveEq`;
    /// - `Guard::cond` is a `Bool`; `Load`/`LoadIndexed` produce `Int`, `Float` or `Word`;
    /// - stored values, call arguments and snapshot values are any type but `Void`.
    pub fn check_types(&self) -> Result<(), String> {
        use Op::*;
        let types = self.types();
        let ty = |v: &ValueId| types.get(v.index()).copied().unwrap_or(Type::Void);
        for (i, op) in self.ops.iter().enumerate() {
            let ints: Vec<ValueId> = match op {
                IntAdd(a, b)
                | IntSub(a, b)
                | IntMul(a, b)
                | IntAnd(a, b)
                | IntOr(a, b)
                | IntXor(a, b)
                | IntShl(a, b)
                | IntSar(a, b)
                | IntShr(a, b)
                | IntFloorDiv(a, b)
                | IntMod(a, b)
                | IntCmp(_, a, b) => {
                    vec![*a, *b]
                }
                IntAddOv { a, b, .. } | IntSubOv { a, b, .. } | IntMulOv { a, b, .. } => vec![*a, *b],
                IntNeg(a) | IntToFloat(a) | BitsToFloat(a) | AsInt(a) | AsWord(a) => vec![*a],
                Load { base, .. } | Store { base, .. } => vec![*base],
                LoadIndexed { base, index, .. }
                | StoreIndexed { base, index, .. }
                | LoadByte { base, index, .. }
                | StoreByte { base, index, .. } => vec![*base, *index],
                _ => vec![],
            };
            for v in &ints {
                if !ty(v).is_intlike() {
                    return Err(format!("op {i} ({}): operand {v} is {:?}, wants an integer", op.name(), ty(v)));
                }
            }
            let floats: Vec<ValueId> = match op {
                FloatAdd(a, b) | FloatSub(a, b) | FloatMul(a, b) | FloatDiv(a, b) | FloatCmp(_, a, b) => vec![*a, *b],
                FloatNeg(a) | FloatAbs(a) | FloatSqrt(a) | FloatBits(a) => vec![*a],
                _ => vec![],
            };
            for v in &floats {
                if ty(v) != Type::Float {
                    return Err(format!("op {i} ({}): operand {v} is {:?}, wants a float", op.name(), ty(v)));
                }
            }
            match op {
                FloatCmp(Cond::Below | Cond::AboveEq, ..) => {
                    return Err(format!("op {i}: float_cmp has no unsigned conditions"));
                }
                Guard { cond, .. } if ty(cond) != Type::Bool => {
                    return Err(format!("op {i}: guard on {cond}, which is {:?}, not a bool", ty(cond)));
                }
                Load { ty: t, .. } | LoadIndexed { ty: t, .. }
                    if !matches!(t, Type::Int | Type::Float | Type::Word) =>
                {
                    return Err(format!("op {i}: load of type {t:?}"));
                }
                StoreByte { value, .. } if !ty(value).is_intlike() => {
                    return Err(format!("op {i}: store_byte of {value}, which is {:?}, not an integer", ty(value)));
                }
                Store { value, .. } | StoreIndexed { value, .. } if ty(value) == Type::Void => {
                    return Err(format!("op {i}: store of {value}, which has no value"));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Builds a trace op by op (the recorder API the frontend drives).
#[derive(Default)]
pub struct TraceBuilder {
    pub trace: Trace,
    types: Vec<Type>,
}

impl TraceBuilder {
    /// A builder for a trace with these loop parameter types; `Param` ops are emitted.
    pub fn new(params: Vec<Type>, kinds: Vec<String>) -> TraceBuilder {
        let mut b = TraceBuilder { trace: Trace { params: params.clone(), kinds, ..Trace::default() }, types: vec![] };
        for i in 0..params.len() {
            b.push(Op::Param(i as u32));
        }
        b
    }

    /// Appends `op`, returning the value it defines.
    pub fn push(&mut self, op: Op) -> ValueId {
        let t = op.result_type(&self.trace.params);
        self.types.push(t);
        self.trace.ops.push(op);
        ValueId(self.trace.ops.len() as u32 - 1)
    }

    pub fn type_of(&self, v: ValueId) -> Type {
        self.types[v.index()]
    }

    pub fn snapshot(&mut self, s: Snapshot) -> SnapshotId {
        self.trace.snapshots.push(s);
        SnapshotId(self.trace.snapshots.len() as u32 - 1)
    }

    /// Closes the loop and returns the trace.
    pub fn finish(mut self, jump_args: Vec<ValueId>) -> Trace {
        self.push(Op::Jump(jump_args));
        self.trace
    }
}
