//! The recorder core: slot states, parameters, snapshots, boxing and unboxing, the
//! generic helper path, and closing the loop. Statement families live in `arith.rs` and
//! `iter.rs`; the rules this file keeps (slot states, what snapshots name) are in `mod.rs`.

use std::rc::Rc;

use krait_tracer::{Cond, FrameState, Kind, Op as IrOp, Snapshot, SnapshotId, Trace, TraceBuilder, Type, ValueId};

use super::helpers;
use super::layout::{MEM_FRAME, MEM_TRIPS, MEM_VERSION};
use super::liveness;
use crate::cfg::{Code, Op, Opnd, Slot};
use crate::frame::Frame;
use crate::types::iter::RangeIter;
use crate::value::Value;
use crate::vm::Vm;

/// Outcome of recording one statement.
pub(crate) enum Step {
    Continue,
    /// Back at the header: the trace is complete.
    Done,
    /// At the header of another loop (or, for a bridge, of any loop): the trace ends with
    /// an exit there, which the dispatcher (`exit::run`) follows into that loop's trace.
    Link(u32),
    /// A bridge at a `return` of its frame: the trace ends with an exit there and the
    /// interpreter returns (`Recorder::finish_leave`).
    Leave,
}

/// What a recording becomes.
#[derive(Clone)]
pub(crate) enum Target {
    /// The trace of the loop whose header the recording starts at.
    Loop,
    /// A bridge: the code run after exit `exit` of `parent` instead of the interpreter. It
    /// starts at that exit's statement and ends at the first loop header it reaches.
    Bridge { parent: Rc<super::exit::CompiledLoop>, exit: u32 },
}

pub(crate) type RecResult<T> = Result<T, &'static str>;

/// Where a slot's current value is (see `mod.rs`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum SlotState {
    /// Frame memory holds it; no SSA value yet.
    Mem,
    /// `v` holds it; `in_mem` when frame memory holds it too.
    Val { v: ValueId, in_mem: bool },
}

/// What the interpreter passes for each loop parameter when it enters the trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParamSrc {
    /// The address of the `exit::Ctx` of this run.
    Ctx,
    /// The address of the frame's slot array.
    Base,
    /// The small int in this slot, unboxed.
    Int(Slot),
    /// The float in this slot, unboxed.
    Float(Slot),
    /// The address of the `RangeIter` in this slot (never rebound by the loop).
    RangeIter(Slot),
}

/// A branch on a value whose truth only the interpreter computes: the direction guard is
/// emitted at the next statement, when the taken target is known.
struct PendingBranch {
    truth: ValueId,
    t: u32,
    f: u32,
}

pub(crate) struct Recorder {
    pub code: Rc<Code>,
    pub frame: *const Frame,
    pub header: u32,
    pub target: Target,
    /// Where the recording started: the loop header, or the bridge's exit statement.
    pub start: (u32, u32),
    /// Which blocks are loop headers (targets of back edges).
    headers: Vec<bool>,
    /// For a loop's recording, the blocks of that loop (`loop_body`): a header outside it
    /// means the recorded iteration left the loop.
    body: Vec<bool>,
    /// Slot liveness of the code, and the live set of the last resume point asked for:
    /// snapshots name only slots live where they resume.
    liveness: liveness::Liveness,
    live_cache: Option<((u32, u32), Vec<bool>)>,
    b: TraceBuilder,
    /// Slot states: the real frame's, then those of each inlined frame (`inline.rs`).
    pub(super) slots: Vec<SlotState>,
    /// The calls inlined at this point of the recording.
    pub(super) inl: super::inline::InlineState,
    pub params: Vec<ParamSrc>,
    /// For each slot, the parameter it came in as.
    param_of: Vec<Option<u32>>,
    written: Vec<bool>,
    live_at_header: Vec<bool>,
    /// Heap words baked into the trace (kept alive by the JIT).
    pub consts: Vec<Value>,
    pub ctx: ValueId,
    pub base: ValueId,
    expect: Option<(u32, u32)>,
    pending_branch: Option<PendingBranch>,
    nstmts: u32,
    max_stmts: u32,
    has_call: bool,
    /// Guards emitted per speculation kind.
    pub guards: [u64; 16],
    /// The statement being recorded.
    pub pos: (u32, u32),
    snap_cache: Option<SnapshotId>,
    pub spec_int: bool,
    pub spec_float: bool,
    pub spec_range: bool,
    pub spec_global: bool,
    /// Whether stores to attribute slots are guarded apart from the other objects'
    /// (`attr::guard_apart`).
    pub spec_alias: bool,
    /// The attribute slot buffers the trace has reached, by object address: the latest
    /// value for each (`attr::guard_apart`).
    pub attr_bufs: Vec<(usize, ValueId)>,
    /// Pairs of slot buffers already guarded to differ.
    pub apart: Vec<(ValueId, ValueId)>,
    /// The (globals, builtins) dicts the trace's global loads assume.
    pub globals: Option<(Value, Value)>,
    /// Unboxed ints and floats read from a word whose tag a guard checked, and that word:
    /// boxing such a value again gives the word back (`boxed`), with no range guard.
    unboxed_from: std::collections::HashMap<ValueId, ValueId>,
    /// Unboxed ints known to be in the inline int range (loaded from an int list, or
    /// already range-guarded): boxing or storing them into an int list needs no guard.
    small: std::collections::HashSet<ValueId>,
    /// Slots of the recorded frame seen holding ints beyond the inline range
    /// (`Jit::is_medium`): their unboxed ints are boxed by a helper, not guarded.
    pub medium: Vec<bool>,
}

impl Recorder {
    /// Starts recording at the frame's current position (a loop header, or for a bridge
    /// the statement its exit resumes at).
    pub(crate) fn start(vm: &Vm, frame: &Frame, code: &Code, target: Target) -> RecResult<Recorder> {
        if !vm.jit.spec_on("branch") {
            return Err("branch speculation off");
        }
        let header = frame.block;
        let lv = liveness::Liveness::new(code);
        // (A bridge may start in the middle of a block.)
        let live = lv.at(code, header, frame.stmt);
        let n = code.nslots as usize;
        let mut params = vec![ParamSrc::Ctx, ParamSrc::Base];
        let mut types = vec![Type::Int, Type::Int];
        let mut param_of = vec![None; n];
        for s in 0..n {
            if !live[s] {
                continue;
            }
            let v = frame.slots[s];
            let (p, t) = if v.is_small_int() && !vm.jit.is_medium(code, s as u32) {
                (ParamSrc::Int(s as Slot), Type::Int)
            } else if v.is_float() {
                (ParamSrc::Float(s as Slot), Type::Float)
            } else if range_iter(v).is_some() {
                (ParamSrc::RangeIter(s as Slot), Type::Int)
            } else {
                continue;
            };
            param_of[s] = Some(params.len() as u32);
            params.push(p);
            types.push(t);
        }
        let kinds = super::KINDS.iter().map(|k| (*k).to_owned()).collect();
        let b = TraceBuilder::new(types, kinds);
        let mut slots = vec![SlotState::Mem; n];
        for (s, p) in param_of.iter().enumerate() {
            if let Some(i) = p {
                if !matches!(params[*i as usize], ParamSrc::RangeIter(_)) {
                    slots[s] = SlotState::Val { v: ValueId(*i), in_mem: false };
                }
            }
        }
        let body = if matches!(target, Target::Loop) { loop_body(code, header) } else { Vec::new() };
        let mut rec = Recorder {
            code: frame.code.clone(),
            frame: frame as *const Frame,
            header,
            target,
            start: (frame.block, frame.stmt),
            headers: loop_headers(code),
            body,
            liveness: lv,
            live_cache: None,
            unboxed_from: std::collections::HashMap::new(),
            small: std::collections::HashSet::new(),
            medium: (0..n as u32).map(|s| vm.jit.is_medium(code, s)).collect(),
            b,
            slots,
            params,
            param_of,
            written: vec![false; n],
            live_at_header: live,
            // The namespaces the trace assumes (`globals`), kept alive with it.
            consts: vec![frame.globals, frame.builtins_dict(vm)],
            ctx: ValueId(0),
            base: ValueId(1),
            expect: None,
            pending_branch: None,
            nstmts: 0,
            max_stmts: vm.jit.config.max_stmts,
            has_call: false,
            guards: [0; 16],
            pos: (header, 0),
            snap_cache: None,
            spec_int: vm.jit.spec_on("int-overflow"),
            spec_float: vm.jit.spec_on("float"),
            spec_range: vm.jit.spec_on("range"),
            spec_global: vm.jit.spec_on("global"),
            spec_alias: vm.jit.spec_on("alias"),
            attr_bufs: Vec::new(),
            apart: Vec::new(),
            // Every trace assumes the namespaces of the frame it was recorded in (checked
            // on entry), so traces linked to each other agree on them.
            globals: Some((frame.globals, frame.builtins_dict(vm))),
            inl: Default::default(),
        };
        if matches!(rec.target, Target::Loop) {
            // Where a loop trace is entered: guards the optimizer hoists out of the loop
            // leave through it (`opt::licm`), and the interpreter reruns that iteration.
            let entry = rec.snap_at(frame.block, frame.stmt);
            rec.b.trace.entry = Some(entry);
        }
        Ok(rec)
    }

    pub(crate) fn key(&self) -> (usize, u32) {
        (Rc::as_ptr(&self.code) as usize, self.header)
    }

    /// Records the statement at the frame's position, before the interpreter runs it.
    pub(crate) fn record(&mut self, vm: &mut Vm, frame: &Frame, code: &Code) -> RecResult<Step> {
        let pos = (frame.block, frame.stmt);
        if let Some(pb) = self.pending_branch.take() {
            let taken = if pos == (pb.t, 0) {
                true
            } else if pos == (pb.f, 0) {
                false
            } else {
                return Err("left the recorded path");
            };
            let other = if taken { pb.f } else { pb.t };
            let snap = self.snap_at(other, 0);
            self.guard(pb.truth, taken, "branch", snap);
        } else if let Some(e) = self.expect {
            if e != pos {
                return Err("left the recorded path");
            }
        }
        self.nstmts += 1;
        if self.nstmts > self.max_stmts || self.b.trace.ops.len() > 20 * self.max_stmts as usize {
            return Err("trace too long");
        }
        if self.nstmts > 1
            && pos.1 == 0
            && !self.inl.active()
            && self.headers[pos.0 as usize]
            && !self.unrolls(code, pos.0)
        {
            if matches!(self.target, Target::Loop) {
                if pos.0 == self.header {
                    return Ok(Step::Done);
                }
                if !self.body.get(pos.0 as usize).copied().unwrap_or(false) {
                    // The iteration left the loop for an enclosing (or following) loop's
                    // header: a trace of it would never loop. Try another iteration.
                    return Err("loop exit");
                }
            }
            return Ok(Step::Link(pos.0));
        }
        self.pos = pos;
        self.snap_cache = None;
        let op = &code.blocks[pos.0 as usize].ops[pos.1 as usize];
        self.expect = Some((pos.0, pos.1 + 1));
        if reads_unbound_local(op, frame) {
            self.generic(op)?;
            return Ok(Step::Continue);
        }
        match op {
            Op::Nop => {}
            Op::Move { dst, src } => {
                let (v, _) = self.read(frame, code, *src);
                self.write(*dst, v);
            }
            Op::Binary { dst, op: bop, a, b } | Op::InPlace { dst, op: bop, a, b } => {
                super::arith::binary(self, vm, frame, code, op, *dst, *bop, *a, *b)?
            }
            Op::Unary { dst, op: uop, src } => super::arith::unary(self, frame, code, op, *dst, *uop, *src)?,
            Op::Compare { dst, op: cop, a, b } => super::arith::compare(self, frame, code, op, *dst, *cop, *a, *b)?,
            Op::Truth { dst, src } => super::arith::truth_stmt(self, frame, code, op, *dst, *src)?,
            Op::GetAttr { dst, obj, name } => super::attr::get_attr(self, vm, frame, code, op, *dst, *obj, *name)?,
            Op::SetAttr { obj, name, src } => super::attr::set_attr(self, vm, frame, code, op, *obj, *name, *src)?,
            Op::GetItem { dst, obj, key } => super::attr::get_item(self, vm, frame, code, op, *dst, *obj, *key)?,
            Op::SetItem { obj, key, src } => super::attr::set_item(self, vm, frame, code, op, *obj, *key, *src)?,
            Op::Unpack { dsts, src } => super::attr::unpack(self, vm, frame, code, op, dsts, *src)?,
            Op::LoadGlobal { dst, name } => self.load_global(vm, frame, code, op, *dst, *name)?,
            Op::Call { .. } | Op::CallMethod { .. } => super::calls::call(self, vm, frame, code, op)?,
            Op::ListAppend { list, item } => super::calls::list_append_op(self, vm, frame, code, op, *list, *item)?,
            Op::Branch { cond, t, f } => super::arith::branch(self, vm, frame, code, *cond, t.0, f.0)?,
            Op::ForIter { dst, iter, body, exit } => {
                super::iter::for_iter(self, frame, code, op, *dst, *iter, body.0, exit.0)?
            }
            Op::Jump { target } => {
                if matches!(self.target, Target::Loop) && target.0 == self.header && !self.inl.active() {
                    return Ok(Step::Done);
                }
                // A back edge leads to a loop header, where the trace ends (`Step::Link`).
                self.expect = Some((target.0, 0));
            }
            Op::Return { value } if self.inl.active() => super::inline::ret(self, frame, code, *value)?,
            Op::Return { .. } if self.is_bridge() => return Ok(Step::Leave),
            Op::Return { .. } | Op::Yield { .. } | Op::YieldFrom { .. } => return Err("leaves the frame"),
            Op::Raise { .. } | Op::Reraise { .. } => return Err("raises"),
            _ => {
                self.generic(op)?;
            }
        }
        Ok(Step::Continue)
    }

    /// Whether the `for` at the current statement heads the recorded loop itself: when
    /// its iterator is exhausted, a trace from here would never loop. (An exhausted `for`
    /// elsewhere, in a bridge, an inlined call or a loop recorded through, is a path like
    /// any other.)
    pub(crate) fn at_own_for(&self) -> bool {
        matches!(self.target, Target::Loop) && !self.inl.active() && self.pos == (self.header, 0)
    }

    /// Whether the trace records on through the loop headed by `block` rather than ending
    /// at its header: a loop given up for runs of about one trip (`cfg::Block::jit_unroll`)
    /// inside the recorded loop. (Bridges end there: one recorded through an enclosing
    /// loop given up too could run on through its whole body.)
    fn unrolls(&self, code: &Code, block: u32) -> bool {
        let short = code.blocks.get(block as usize).is_some_and(|b| b.jit_unroll.get());
        short && block != self.header && self.body.get(block as usize).copied().unwrap_or(false)
    }

    // ----- IR building -----

    pub(crate) fn push(&mut self, op: IrOp) -> ValueId {
        self.b.push(op)
    }

    pub(crate) fn ty(&self, v: ValueId) -> Type {
        self.b.type_of(v)
    }

    pub(crate) fn cint(&mut self, i: i64) -> ValueId {
        self.push(IrOp::ConstInt(i))
    }

    pub(crate) fn cfloat(&mut self, f: f64) -> ValueId {
        self.push(IrOp::ConstFloat(f.to_bits()))
    }

    pub(crate) fn cword(&mut self, v: Value) -> ValueId {
        if v.is_obj() {
            self.consts.push(v);
        }
        self.push(IrOp::ConstWord(v.bits()))
    }

    pub(crate) fn kind(name: &str) -> Kind {
        Kind(super::kind_index(name))
    }

    /// A snapshot resuming at `(block, stmt)` with the current slot states.
    pub(crate) fn snap_at(&mut self, block: u32, stmt: u32) -> SnapshotId {
        let id = self.snap_at_frames(block, stmt);
        // The context, slot array and range iterators, for exits linked to other traces
        // (`exit::link_args`); never written back to the frame.
        let mut pseudo = vec![(PSEUDO_CTX, self.ctx), (PSEUDO_BASE, self.base)];
        for (s, p) in self.param_of.iter().enumerate() {
            if let Some(p) = p {
                if matches!(self.params[*p as usize], ParamSrc::RangeIter(_)) && !self.written[s] {
                    pseudo.push((PSEUDO_RANGE | s as u32, ValueId(*p)));
                }
            }
        }
        if let Some(f) = self.b.trace.snapshots[id.0 as usize].frames.first_mut() {
            f.slots.splice(0..0, pseudo);
        }
        id
    }

    fn snap_at_frames(&mut self, block: u32, stmt: u32) -> SnapshotId {
        if self.inl.active() {
            return super::inline::snap(self, block, stmt);
        }
        let live = self.live_at_resume(block, stmt).to_vec();
        let mut slots = Vec::new();
        for (s, st) in self.slots.iter().enumerate() {
            if let SlotState::Val { v, in_mem: false } = st {
                if live.get(s).copied().unwrap_or(true) {
                    slots.push((s as u32, *v));
                }
            }
        }
        let meta = ((block as u64) << 32) | stmt as u64;
        self.b.snapshot(Snapshot::new(vec![FrameState { meta, slots }]))
    }

    /// Which slots of the recorded frame are live when it resumes at `(block, stmt)`:
    /// a snapshot need not name the others.
    pub(crate) fn live_at_resume(&mut self, block: u32, stmt: u32) -> &[bool] {
        if self.live_cache.as_ref().map(|c| c.0) != Some((block, stmt)) {
            let live = self.liveness.at(&self.code, block, stmt);
            self.live_cache = Some(((block, stmt), live));
        }
        &self.live_cache.as_ref().expect("just set").1
    }

    /// Adds a snapshot to the trace (`inline.rs` builds multi-frame ones).
    pub(super) fn add_snapshot(&mut self, s: Snapshot) -> SnapshotId {
        self.b.snapshot(s)
    }

    /// Moves the recording to `pos` (an inlined call starting or returning): the next
    /// statement recorded must be there.
    pub(super) fn set_pos_expect(&mut self, pos: (u32, u32)) {
        self.pos = pos;
        self.expect = Some(pos);
        self.snap_cache = None;
    }

    /// A snapshot resuming at the statement being recorded (it runs again from its start).
    pub(crate) fn snap(&mut self) -> SnapshotId {
        if let Some(s) = self.snap_cache {
            return s;
        }
        let s = self.snap_at(self.pos.0, self.pos.1);
        self.snap_cache = Some(s);
        s
    }

    pub(crate) fn guard(&mut self, cond: ValueId, expect: bool, kind: &str, snap: SnapshotId) {
        let k = Self::kind(kind);
        self.guards[k.0 as usize] += 1;
        self.push(IrOp::Guard { cond, expect, snap, kind: k });
    }

    /// Guards with a snapshot at the current statement.
    pub(crate) fn guard_here(&mut self, cond: ValueId, expect: bool, kind: &str) {
        let s = self.snap();
        self.guard(cond, expect, kind, s);
    }

    /// `IntAddOv` and friends, leaving through the current statement's snapshot.
    pub(crate) fn int_ov(&mut self, which: u8, a: ValueId, b: ValueId) -> ValueId {
        let snap = self.snap();
        let kind = Self::kind("int-overflow");
        self.guards[kind.0 as usize] += 1;
        self.push(match which {
            b'+' => IrOp::IntAddOv { a, b, snap, kind },
            b'-' => IrOp::IntSubOv { a, b, snap, kind },
            _ => IrOp::IntMulOv { a, b, snap, kind },
        })
    }

    // ----- slots -----

    fn load_slot(&mut self, s: Slot) -> ValueId {
        let base = self.base;
        self.push(IrOp::Load { base, offset: slot_offset(s), ty: Type::Word, mem: MEM_FRAME })
    }

    fn store_slot(&mut self, s: Slot, w: ValueId) {
        let base = self.base;
        self.push(IrOp::Store { base, offset: slot_offset(s), value: w, mem: MEM_FRAME });
    }

    /// The value `frame` holds for an operand (what the interpreter is about to read).
    pub(crate) fn observe(frame: &Frame, code: &Code, o: Opnd) -> Value {
        match o {
            Opnd::Slot(s) | Opnd::Local(s) => frame.slots[s as usize],
            Opnd::Const(c) => code.consts[c as usize],
        }
    }

    /// The value of an operand the recorder may treat as an i64: a small int, or an int
    /// the trace holds unboxed (which may be beyond the inline range in its boxed form).
    pub(crate) fn int_seen(&self, o: Opnd, seen: Value) -> Option<i64> {
        if let Some(i) = seen.as_small_int() {
            return Some(i);
        }
        let (Opnd::Slot(s) | Opnd::Local(s)) = o else { return None };
        match self.slots[self.inl.base() + s as usize] {
            SlotState::Val { v, .. } if self.ty(v) == Type::Int => match crate::types::int::int_ref(&seen)? {
                crate::types::int::IntRef::Small(i) => Some(i),
                _ => None,
            },
            _ => None,
        }
    }

    /// The SSA value of an operand (callers have checked that locals are bound).
    pub(crate) fn read(&mut self, frame: &Frame, code: &Code, o: Opnd) -> (ValueId, Value) {
        let observed = Self::observe(frame, code, o);
        let v = match o {
            Opnd::Const(_) => {
                if let Some(i) = observed.as_small_int() {
                    self.cint(i)
                } else if let Some(f) = observed.as_float() {
                    self.cfloat(f)
                } else {
                    self.cword(observed)
                }
            }
            Opnd::Slot(s) | Opnd::Local(s) => match self.slots[self.inl.base() + s as usize] {
                SlotState::Val { v, .. } => v,
                SlotState::Mem => {
                    let w = self.load_slot(s);
                    if matches!(o, Opnd::Local(_)) {
                        let null = self.cword(Value::NULL);
                        let c = self.push(IrOp::IntCmp(Cond::Ne, w, null));
                        self.guard_here(c, true, "type");
                    }
                    self.slots[s as usize] = SlotState::Val { v: w, in_mem: true };
                    w
                }
            },
        };
        (v, observed)
    }

    /// Makes `v` the value of slot `s`. The slot is dirty: frame memory gets the value
    /// only when something needs it there (an exit through a snapshot, a helper that reads
    /// the frame, the loop's end), so temporaries that die within an iteration are never
    /// stored.
    pub(crate) fn write(&mut self, s: Slot, v: ValueId) {
        let i = self.inl.base() + s as usize;
        self.slots[i] = SlotState::Val { v, in_mem: false };
        if !self.inl.active() {
            self.written[s as usize] = true;
        }
        self.snap_cache = None;
    }

    /// Stores the dirty words and bools of the real frame that are live at `(block, stmt)`:
    /// traces linked to each other hand over only ints and floats in registers.
    fn flush_words(&mut self, block: u32, stmt: u32) {
        let live = self.live_at_resume(block, stmt).to_vec();
        for s in 0..self.inl.nreal(self.slots.len()) {
            let SlotState::Val { v, in_mem: false } = self.slots[s] else { continue };
            if !live.get(s).copied().unwrap_or(true) {
                continue;
            }
            let w = match self.ty(v) {
                Type::Word => v,
                Type::Bool => self.box_bool(v),
                _ => continue,
            };
            self.store_slot(s as Slot, w);
            self.slots[s] = SlotState::Val { v, in_mem: true };
        }
        self.snap_cache = None;
    }

    // ----- boxing -----

    pub(crate) fn box_bool(&mut self, b: ValueId) -> ValueId {
        let i = self.push(IrOp::AsInt(b));
        let f = self.cint(Value::FALSE.bits() as i64);
        let w = self.push(IrOp::IntAdd(i, f));
        self.push(IrOp::AsWord(w))
    }

    /// The word for an unboxed value; guards (through `snap`) that it has a boxed form
    /// the trace can build (a 48-bit int, a canonical float).
    pub(crate) fn boxed(&mut self, v: ValueId, snap: SnapshotId) -> ValueId {
        if let Some(&w) = self.unboxed_from.get(&v) {
            return w;
        }
        match self.ty(v) {
            Type::Int => {
                self.guard_small(v, snap);
                let mask = self.cint((1 << 48) - 1);
                let p = self.push(IrOp::IntAnd(v, mask));
                let tag = self.cint(Value::small_int(0).map(|z| z.bits() as i64).unwrap_or(0));
                let w = self.push(IrOp::IntOr(p, tag));
                self.push(IrOp::AsWord(w))
            }
            Type::Float => {
                let ok = self.push(IrOp::FloatCmp(Cond::Eq, v, v));
                self.guard(ok, true, "box", snap);
                let bits = self.push(IrOp::FloatBits(v));
                self.push(IrOp::AsWord(bits))
            }
            Type::Bool => self.box_bool(v),
            _ => v,
        }
    }

    /// Notes that the unboxed int `v` is in the inline int range.
    pub(crate) fn known_small(&mut self, v: ValueId) {
        self.small.insert(v);
    }

    /// Guards (kind "box", exiting to `snap`) that the unboxed int `v` is in the inline int
    /// range, unless that is known already.
    pub(crate) fn guard_small(&mut self, v: ValueId, snap: SnapshotId) {
        if self.unboxed_from.contains_key(&v) || self.small.contains(&v) {
            return;
        }
        let bias = self.cint(1 << 47);
        let t = self.push(IrOp::IntAdd(v, bias));
        let lim = self.cint(1 << 48);
        let ok = self.push(IrOp::IntCmp(Cond::Below, t, lim));
        self.guard(ok, true, "box", snap);
        self.small.insert(v);
    }

    /// `v` (observed as `seen`) as an unboxed int, or None when it is not a small int.
    pub(crate) fn int_of(&mut self, v: ValueId, seen: Value) -> Option<ValueId> {
        match self.ty(v) {
            Type::Int => Some(v),
            Type::Word if seen.is_small_int() => {
                let sh = self.cint(48);
                let tag = self.push(IrOp::IntShr(v, sh));
                let want = self.cint((Value::small_int(0)?.bits() >> 48) as i64);
                let ok = self.push(IrOp::IntCmp(Cond::Eq, tag, want));
                self.guard_here(ok, true, "type");
                let sixteen = self.cint(16);
                let up = self.push(IrOp::IntShl(v, sixteen));
                let i = self.push(IrOp::IntSar(up, sixteen));
                self.unboxed_from.insert(i, v);
                Some(i)
            }
            _ => None,
        }
    }

    /// `v` (observed as `seen`) as an unboxed float: floats, and small ints converted.
    pub(crate) fn float_of(&mut self, v: ValueId, seen: Value) -> Option<ValueId> {
        match self.ty(v) {
            Type::Float => Some(v),
            Type::Int => Some(self.push(IrOp::IntToFloat(v))),
            Type::Word if seen.is_float() => {
                let lim = self.cint(Value::small_int(0)?.bits() as i64);
                let ok = self.push(IrOp::IntCmp(Cond::Below, v, lim));
                self.guard_here(ok, true, "type");
                let i = self.push(IrOp::AsInt(v));
                let f = self.push(IrOp::BitsToFloat(i));
                self.unboxed_from.insert(f, v);
                Some(f)
            }
            Type::Word if seen.is_small_int() => {
                let i = self.int_of(v, seen)?;
                Some(self.push(IrOp::IntToFloat(i)))
            }
            _ => None,
        }
    }

    /// Guards that the unboxed int `v` converts to a float exactly (|v| <= 2^53).
    pub(crate) fn guard_exact_float(&mut self, v: ValueId) {
        let bias = self.cint(1 << 53);
        let t = self.push(IrOp::IntAdd(v, bias));
        let lim = self.cint((1 << 54) + 1);
        let ok = self.push(IrOp::IntCmp(Cond::Below, t, lim));
        self.guard_here(ok, true, "int-overflow");
    }

    /// Boxes and stores every dirty slot, so that frame memory is the whole truth.
    pub(crate) fn flush_all(&mut self) {
        let snap = self.snap();
        for s in 0..self.inl.nreal(self.slots.len()) {
            if let SlotState::Val { v, in_mem: false } = self.slots[s] {
                let w = self.boxed_slot(s, v, snap);
                self.store_slot(s as Slot, w);
                self.slots[s] = SlotState::Val { v, in_mem: true };
            }
        }
        self.snap_cache = None;
    }

    /// `boxed` for a value going to slot `s` of the recorded frame: an int for a slot seen
    /// holding ints beyond the inline range is boxed by a helper (no guard that would
    /// fail there).
    fn boxed_slot(&mut self, s: usize, v: ValueId, snap: SnapshotId) -> ValueId {
        if self.ty(v) == Type::Int
            && !self.unboxed_from.contains_key(&v)
            && self.medium.get(s).copied().unwrap_or(false)
        {
            let ctx = self.ctx;
            let w = self.call(helpers::jit_box_int as *const () as usize, vec![ctx, v]);
            return self.push(IrOp::AsWord(w));
        }
        self.boxed(v, snap)
    }

    // ----- globals -----

    /// A global or builtin of a function is a trace constant, guarded by the versions of
    /// both namespace dicts (whose identity `exit::enter` checks). Module-level code
    /// stores its variables in the globals dict, so it takes the generic path.
    fn load_global(
        &mut self,
        vm: &mut Vm,
        frame: &Frame,
        code: &Code,
        op: &Op,
        dst: Slot,
        name: crate::cfg::NameIdx,
    ) -> RecResult<()> {
        let builtins = frame.builtins_dict(vm);
        let n = code.names[name as usize];
        let module = code.flags & crate::cfg::code_flags::MODULE != 0;
        let found = vm.dict_get_str(frame.globals, n).or_else(|| vm.dict_get_str(builtins, n));
        let (Some(g), Some(b), Some(v)) = (frame.globals.as_dict(), builtins.as_dict(), found) else {
            self.generic(op)?;
            return Ok(());
        };
        // An inlined function's namespaces are fixed by its identity (guarded at the call):
        // only the real frame's are checked on entry.
        let inlined = self.inl.active();
        if module
            || !self.spec_global
            || (!inlined && self.globals.is_some() && self.globals != Some((frame.globals, builtins)))
        {
            self.generic(op)?;
            return Ok(());
        }
        if !inlined {
            self.globals = Some((frame.globals, builtins));
        }
        self.consts.push(frame.globals);
        self.consts.push(builtins);
        for d in [g, b] {
            let ver = d.borrow().version;
            // SAFETY: only the address of the field is taken; the dict is kept alive by
            // the trace's constants.
            let addr = unsafe { std::ptr::addr_of!((*d.as_ptr()).version) } as i64;
            let a = self.cint(addr);
            let cur = self.push(IrOp::Load { base: a, offset: 0, ty: Type::Int, mem: MEM_VERSION });
            let want = self.cint(ver as i64);
            let same = self.push(IrOp::IntCmp(Cond::Eq, cur, want));
            self.guard_here(same, true, "global");
        }
        let c = self.cword(v);
        self.write(dst, c);
        Ok(())
    }

    // ----- the generic path -----

    /// Runs the statement through `helpers::jit_step` (exactly what the interpreter does);
    /// returns the helper's result (the block the frame is in afterwards).
    pub(crate) fn generic(&mut self, op: &Op) -> RecResult<ValueId> {
        if self.inl.active() {
            return super::inline::generic_virtual(self, op);
        }
        self.flush_all();
        let (b, s) = self.pos;
        let args = vec![self.ctx, self.cint(b as i64), self.cint(s as i64)];
        let r = self.call(helpers::jit_step as *const () as usize, args);
        self.guard_not_raised(r);
        for d in liveness::op_writes(op) {
            self.slots[d as usize] = SlotState::Mem;
            self.written[d as usize] = true;
        }
        self.snap_cache = None;
        Ok(r)
    }

    /// A call to a runtime helper returning a raw word.
    pub(crate) fn call(&mut self, func: usize, args: Vec<ValueId>) -> ValueId {
        self.has_call = true;
        self.push(IrOp::Call { func: func as u64, args, ret: Type::Int, pure: false })
    }

    /// Leaves through the current statement when a helper returned the error sentinel; the
    /// exit raises the exception the helper parked.
    pub(crate) fn guard_not_raised(&mut self, r: ValueId) {
        let bad = self.cint(helpers::SENTINEL as i64);
        let ok = self.push(IrOp::IntCmp(Cond::Ne, r, bad));
        let snap = self.snap();
        self.guard(ok, true, "exception", snap);
    }

    /// A branch whose truth a helper computed: the direction guard waits for the next
    /// statement (see `PendingBranch`).
    pub(crate) fn defer_branch(&mut self, truth: ValueId, t: u32, f: u32) {
        self.pending_branch = Some(PendingBranch { truth, t, f });
        self.expect = None;
    }

    pub(crate) fn set_expect(&mut self, block: u32) {
        self.expect = Some((block, 0));
    }

    /// The parameter a `RangeIter` slot came in as, when the loop may step it inline.
    pub(crate) fn range_param(&self, s: Slot) -> Option<ValueId> {
        let p = (*self.param_of.get(self.inl.base() + s as usize)?)?;
        if matches!(self.params[p as usize], ParamSrc::RangeIter(_)) && !self.written[s as usize] {
            Some(ValueId(p))
        } else {
            None
        }
    }

    // ----- closing the loop -----

    /// Closes the loop: parameters get their values for the next iteration, other dirty
    /// slots live at the header are stored. Returns the finished trace.
    pub(crate) fn finish_trace(&mut self) -> RecResult<Trace> {
        if self.pending_branch.is_some() {
            return Err("branch at the loop end");
        }
        self.pos = (self.header, 0);
        self.snap_cache = None;
        let snap = self.snap();
        for s in 0..self.slots.len() {
            if self.param_of[s].is_some() || !self.live_at_header[s] {
                continue;
            }
            if let SlotState::Val { v, in_mem: false } = self.slots[s] {
                let w = self.boxed_slot(s, v, snap);
                self.store_slot(s as Slot, w);
                self.slots[s] = SlotState::Val { v, in_mem: true };
            }
        }
        let mut args = Vec::with_capacity(self.params.len());
        for i in 0..self.params.len() {
            let p = self.params[i];
            let v = match p {
                ParamSrc::Ctx | ParamSrc::Base => ValueId(i as u32),
                ParamSrc::RangeIter(s) => {
                    if self.written[s as usize] {
                        return Err("loop rebinds its iterator");
                    }
                    ValueId(i as u32)
                }
                ParamSrc::Int(s) | ParamSrc::Float(s) => {
                    let cur = match self.slots[s as usize] {
                        SlotState::Val { v, .. } => v,
                        SlotState::Mem => self.load_slot(s),
                    };
                    let want = if matches!(p, ParamSrc::Int(_)) { Type::Int } else { Type::Float };
                    match (want, self.ty(cur)) {
                        (Type::Int, Type::Int) | (Type::Float, Type::Float) => cur,
                        (Type::Int, Type::Word) => self.word_to(cur, Type::Int),
                        (Type::Float, Type::Word) => self.word_to(cur, Type::Float),
                        _ => return Err("type-unstable loop variable"),
                    }
                }
            };
            args.push(v);
        }
        if self.has_call {
            let ctx = self.ctx;
            self.call(helpers::jit_safepoint as *const () as usize, vec![ctx]);
        }
        self.count_trip();
        Ok(self.close(args))
    }

    /// Ends the trace at the header of loop `block` with an unconditional exit there (a
    /// bridge's end, or a loop's path into an inner loop). The exit's snapshot names every
    /// dirty slot; the dispatcher enters that loop's trace from the frame.
    pub(crate) fn finish_link(&mut self, frame: &Frame, code: &Code, block: u32) -> RecResult<Trace> {
        if self.pending_branch.is_some() {
            return Err("branch at the trace end");
        }
        self.pos = (block, 0);
        self.snap_cache = None;
        if self.has_call {
            // Linked traces may run on without returning: keep a collector safepoint.
            let ctx = self.ctx;
            self.call(helpers::jit_safepoint as *const () as usize, vec![ctx]);
        }
        self.count_trip();
        let range = self.link_range_iter(frame, code, block);
        Ok(self.end_with_exit_plus(block, 0, "link", range))
    }

    /// At the header `block` of a `for` loop over a range iterator in a slot: the slot and
    /// the address of that `RangeIter` (behind a class guard), which the exit names as a
    /// pseudo slot so the loop's trace, whose parameter it is, can be linked to in machine
    /// code (`exit::link_args`) also when this trace created the iterator.
    fn link_range_iter(&mut self, frame: &Frame, code: &Code, block: u32) -> Option<(u32, ValueId)> {
        if !self.spec_range {
            return None;
        }
        let Some(Op::ForIter { iter: Opnd::Slot(s) | Opnd::Local(s), .. }) =
            code.blocks.get(block as usize).and_then(|b| b.ops.first())
        else {
            return None;
        };
        let s = *s;
        if self
            .param_of
            .get(s as usize)
            .copied()
            .flatten()
            .is_some_and(|p| matches!(self.params[p as usize], ParamSrc::RangeIter(_)) && !self.written[s as usize])
        {
            // Already named by every snapshot (`snap_at`).
            return None;
        }
        let seen = frame.slots.get(s as usize).copied()?;
        range_iter(seen)?;
        let l = super::layout::layout()?;
        let (w, _) = self.read(frame, code, Opnd::Slot(s));
        if self.ty(w) != Type::Word {
            return None;
        }
        let cls = seen.obj().class.get();
        let p = super::layout::guard_class_exact(self, &l, w, cls);
        let data =
            self.push(IrOp::Load { base: p, offset: l.native_data, ty: Type::Int, mem: super::layout::MEM_HEADER });
        Some((PSEUDO_RANGE | s, data))
    }

    /// Ends a bridge at the `return` statement it reached (the recorder's position) with
    /// an unconditional exit there: the interpreter makes the return. Traces cannot leave
    /// their frame, but without this the path from a hot exit to its function's return
    /// would never get a bridge and keep running in the interpreter.
    pub(crate) fn finish_leave(&mut self) -> RecResult<Trace> {
        if self.pending_branch.is_some() {
            return Err("branch at the trace end");
        }
        let (block, stmt) = self.pos;
        Ok(self.end_with_exit(block, stmt, "leave"))
    }

    /// Ends the trace with an unconditional exit of speculation kind `kind` that resumes
    /// the frame at `(block, stmt)`, its dirty words stored first.
    fn end_with_exit(&mut self, block: u32, stmt: u32, kind: &str) -> Trace {
        self.end_with_exit_plus(block, stmt, kind, None)
    }

    /// `end_with_exit`, the exit's snapshot also naming the pseudo slot `extra`.
    fn end_with_exit_plus(&mut self, block: u32, stmt: u32, kind: &str, extra: Option<(u32, ValueId)>) -> Trace {
        self.snap_cache = None;
        self.flush_words(block, stmt);
        let snap = self.snap_at(block, stmt);
        if let Some(x) = extra {
            if let Some(f) = self.b.trace.snapshots[snap.0 as usize].frames.first_mut() {
                f.slots.insert(0, x);
            }
        }
        let kind = Self::kind(kind);
        self.push(IrOp::Exit { snap, kind });
        // Unreachable: the IR wants every trace to end with a jump.
        let args = (0..self.params.len() as u32).map(ValueId).collect();
        self.close(args)
    }

    /// Adds one to the run's trip count (`exit::Ctx::trips`): the trace went once around
    /// its loop, or reached a loop header.
    fn count_trip(&mut self) {
        let ctx = self.ctx;
        let offset = std::mem::offset_of!(super::exit::Ctx, trips) as i32;
        let n = self.push(IrOp::Load { base: ctx, offset, ty: Type::Int, mem: MEM_TRIPS });
        let one = self.cint(1);
        let n1 = self.push(IrOp::IntAdd(n, one));
        self.push(IrOp::Store { base: ctx, offset, value: n1, mem: MEM_TRIPS });
    }

    /// Finishes the trace with `jump args`.
    fn close(&mut self, args: Vec<ValueId>) -> Trace {
        // Int and float parameters the trace never uses still pass through it, so that a
        // trace entered by a linked exit carries every value the exit had (see `keep`).
        // Exits name the slots the trace wrote, and the int and float parameters it uses:
        // a trace entered by a linked exit (`exit::link_args`) holds values the frame
        // does not have yet.
        let mut keep: Vec<bool> = (0..self.slots.len()).map(|s| self.written[s]).collect();
        for p in &self.params {
            if let ParamSrc::Int(s) | ParamSrc::Float(s) = *p {
                keep[s as usize] = true;
            }
        }
        let b = std::mem::take(&mut self.b);
        let mut trace = b.finish(args);
        for snap in &mut trace.snapshots {
            // Only the real frame has memory; inlined frames name every slot.
            for f in snap.frames.iter_mut().take(1) {
                f.slots.retain(|(s, _)| *s >= PSEUDO || keep[*s as usize]);
            }
        }
        trace
    }

    /// Whether the recording is of a bridge (which records a loop's exit path too).
    pub(crate) fn is_bridge(&self) -> bool {
        matches!(self.target, Target::Bridge { .. })
    }

    /// A word in frame memory as the loop parameter type `want`, guarded; exits to the
    /// header when it has another type.
    fn word_to(&mut self, w: ValueId, want: Type) -> ValueId {
        let snap = self.snap();
        let sh = self.cint(48);
        let tag = self.push(IrOp::IntShr(w, sh));
        let int_tag = (Value::small_int(0).map(|z| z.bits()).unwrap_or(0) >> 48) as i64;
        if want == Type::Int {
            let t = self.cint(int_tag);
            let ok = self.push(IrOp::IntCmp(Cond::Eq, tag, t));
            self.guard(ok, true, "type", snap);
            let sixteen = self.cint(16);
            let up = self.push(IrOp::IntShl(w, sixteen));
            self.push(IrOp::IntSar(up, sixteen))
        } else {
            let t = self.cint(int_tag);
            let ok = self.push(IrOp::IntCmp(Cond::Below, tag, t));
            self.guard(ok, true, "type", snap);
            let i = self.push(IrOp::AsInt(w));
            self.push(IrOp::BitsToFloat(i))
        }
    }
}

/// Which blocks of `code` are loop headers: targets of a jump, branch or `for` exit back
/// to a block at or before the one it is in (the interpreter's back edges).
fn loop_headers(code: &Code) -> Vec<bool> {
    let mut h = vec![false; code.blocks.len()];
    for (b, block) in code.blocks.iter().enumerate() {
        for op in block.ops.iter() {
            let targets: &[u32] = match op {
                Op::Jump { target } => &[target.0],
                Op::Branch { t, f, .. } => &[t.0, f.0],
                Op::ForIter { exit, .. } => &[exit.0],
                _ => &[],
            };
            for &t in targets {
                if (t as usize) <= b {
                    h[t as usize] = true;
                }
            }
        }
    }
    h
}

/// The blocks of the natural loop headed by `header`: the header and every block from
/// which a back edge to it is reached without passing through it.
fn loop_body(code: &Code, header: u32) -> Vec<bool> {
    let n = code.blocks.len();
    let mut preds: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut work = Vec::new();
    for (b, block) in code.blocks.iter().enumerate() {
        let targets: &[u32] = match block.ops.last() {
            Some(Op::Jump { target }) => &[target.0],
            Some(Op::Branch { t, f, .. }) => &[t.0, f.0],
            Some(Op::ForIter { body, exit, .. }) => &[body.0, exit.0],
            _ => &[],
        };
        for &t in targets {
            if let Some(p) = preds.get_mut(t as usize) {
                p.push(b as u32);
            }
            if t == header && b as u32 >= header {
                work.push(b as u32);
            }
        }
    }
    let mut body = vec![false; n];
    if let Some(h) = body.get_mut(header as usize) {
        *h = true;
    }
    while let Some(b) = work.pop() {
        if std::mem::replace(&mut body[b as usize], true) {
            continue;
        }
        work.extend(preds[b as usize].iter().copied());
    }
    body
}

/// Snapshot slot numbers from `PSEUDO` on name no frame slot: the context, the slot
/// array, and (`PSEUDO_RANGE | slot`) the range iterator a loop parameter points to.
pub(crate) const PSEUDO: u32 = 0x8000_0000;
pub(crate) const PSEUDO_RANGE: u32 = 0xC000_0000;
pub(crate) const PSEUDO_CTX: u32 = u32::MAX;
pub(crate) const PSEUDO_BASE: u32 = u32::MAX - 1;

/// Byte offset of slot `s` in the frame's slot array.
pub(crate) fn slot_offset(s: Slot) -> i32 {
    (s as usize * std::mem::size_of::<Value>()) as i32
}

/// The `RangeIter` behind a value, if it is one.
pub(crate) fn range_iter(v: Value) -> Option<*const RangeIter> {
    match &v.as_obj()?.payload {
        crate::object::Payload::Native(n) => n.as_any().downcast_ref::<RangeIter>().map(|r| r as *const RangeIter),
        _ => None,
    }
}

/// Whether `op` reads a local that is unbound in `frame` (it will raise).
fn reads_unbound_local(op: &Op, frame: &Frame) -> bool {
    let mut bad = false;
    crate::cfg::visit_opnds(op, &mut |o| {
        if let Opnd::Local(s) = *o {
            if frame.slots[s as usize].is_null() {
                bad = true;
            }
        }
    });
    bad
}
