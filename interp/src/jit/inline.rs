//! Inlining calls to Python functions into the trace, with their frames kept virtual.
//!
//! # Recording an inlined call
//!
//! At a `Call`/`CallMethod` statement whose callee is a plain Python function (no
//! generator or coroutine, no cells, no `*args`/`**kwargs`/keyword-only parameters, no
//! `try`/`with`/loops/`yield` in its body, positional arguments with defaults allowed), the
//! recorder guards what fixes the callee (its identity, or for a method the instance's
//! class, class version and map, so the instance does not shadow the method; the defaults
//! tuple when defaults are used; the recursion limit) and pushes a *virtual frame*: the
//! callee's slots are appended to `Recorder::slots` at an offset (`VFrame::off`), each one
//! an SSA value (`SlotState::Val`, never in memory: a virtual frame has no memory). The
//! interpreter then performs the call itself; the callee's `execute` starts in `RECORD`
//! mode (`jit::enter_inlined`) and the recorder follows the innermost frame
//! (`Recorder::frame`). The callee's statements are recorded as usual, on its slots; its
//! `Return` makes the returned value the caller's destination slot and pops the frame.
//!
//! A statement of an inlined frame that the recorder does not specialize (a call it does
//! not inline, an attribute of a module, string operations, ...) cannot use the generic
//! helper, which runs a statement on a real frame: `jit_vstep` runs it on a scratch frame
//! holding just the slots it reads (at most four, passed as boxed words) and returns the
//! slot it writes. Anything else (control flow the callee check did not exclude, a
//! statement reading more slots, an exception while recording) aborts the recording and
//! marks the callee's code as not inlinable (`InlineMemo::refused`), so the next recording
//! of the loop calls it through the helper instead; such aborts do not count towards
//! blacklisting the loop. Inlining nests up to `MAX_DEPTH` frames; a function is never
//! inlined into itself (a recursive call in an inlined frame goes through `jit_vstep`).
//!
//! Virtual frames are not visible to introspection: code called from `jit_vstep` that
//! walks `sys._getframe()` sees the scratch frame, whose `f_back` is the loop's frame.
//!
//! # Snapshots
//!
//! A snapshot taken inside an inlined call has one `FrameState` per frame, outermost first.
//! The real frame's names its dirty slots and its `meta` is the position of its call
//! statement; each virtual frame names every slot that is not NULL, and its `meta` is an
//! index into the JIT's table of frame descriptions (`Table`: code, function and resume
//! position), shared by all traces.
//!
//! # Exits
//!
//! `exit.rs` rebuilds the real frame as for any exit; `resume` then materializes a real
//! `Frame` for each virtual one (counted against the recursion limit and registered with
//! the collector like any running frame) and runs them innermost first: the innermost from
//! the guard's statement (raising there the exception a helper parked, if any), each
//! caller from its call statement, which receives the callee's return value (or raises its
//! exception, adding the caller's traceback entry as an ordinary call would), and finally
//! the real frame is left after its own call statement, or with the exception to raise at
//! it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::mem::offset_of;
use std::rc::Rc;

use krait_tracer::{Cond, FrameState, Op as IrOp, Snapshot, SnapshotId, Type, ValueId};

use super::exit::Ctx;
use super::layout::{MEM_CTX, MEM_VERSION};
use super::record::{RecResult, Recorder, SlotState};
use crate::cfg::{code_flags, Code, Op, Opnd, Slot};
use crate::eval::interp::{ErrInfo, Exit};
use crate::frame::Frame;
use crate::object::{class_flags, Map, Payload};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Inlined frames nested at most.
pub(crate) const MAX_DEPTH: usize = 3;

/// Statements of one inlined call that may run through `jit_vstep`; a callee needing more
/// is cheaper to call through the helper (one interpreter frame for all its statements).
const MAX_VSTEPS: u32 = 2;

/// A virtual frame's code, function and resume position (what a snapshot's `meta` names).
struct FrameDesc {
    code: Rc<Code>,
    func: Value,
    block: u32,
    stmt: u32,
}

/// Frame descriptions of every trace, deduplicated.
#[derive(Default)]
pub(crate) struct Table {
    descs: Vec<FrameDesc>,
    index: HashMap<(usize, u64, u32, u32), u64>,
}

impl Table {
    fn meta(&mut self, code: &Rc<Code>, func: Value, block: u32, stmt: u32) -> u64 {
        let key = (Rc::as_ptr(code) as usize, func.bits(), block, stmt);
        if let Some(&m) = self.index.get(&key) {
            return m;
        }
        let m = self.descs.len() as u64;
        self.descs.push(FrameDesc { code: code.clone(), func, block, stmt });
        self.index.insert(key, m);
        m
    }
}

/// What the JIT remembers about inlining across recordings.
#[derive(Default)]
pub(crate) struct InlineMemo {
    /// Codes whose inlining failed once (kept alive so their addresses stay unique).
    refused: HashMap<usize, Rc<Code>>,
    table: Rc<RefCell<Table>>,
}

/// A call inlined into the trace being recorded.
pub(crate) struct VFrame {
    code: Rc<Code>,
    func: Value,
    /// Where its slots start in `Recorder::slots`.
    off: usize,
    /// The NULL constant its unbound slots hold.
    null: ValueId,
    /// The caller's interpreter frame, the position of the call and its destination slot.
    caller_frame: *const Frame,
    call_pos: (u32, u32),
    dst: Slot,
    /// Statements recorded through `jit_vstep` so far.
    vsteps: u32,
}

/// The recorder's stack of inlined frames.
#[derive(Default)]
pub(crate) struct InlineState {
    stack: Vec<VFrame>,
    /// An inlined call about to start: the callee's code and the parameter values its
    /// frame will hold.
    expecting: Option<(usize, Vec<Value>)>,
    table: Option<Rc<RefCell<Table>>>,
}

impl InlineState {
    /// Whether the recorder is inside an inlined call.
    pub(crate) fn active(&self) -> bool {
        !self.stack.is_empty()
    }

    /// Where the current frame's slots start in `Recorder::slots`.
    pub(crate) fn base(&self) -> usize {
        self.stack.last().map_or(0, |f| f.off)
    }

    /// How many entries of `Recorder::slots` (of `total`) belong to the real frame.
    pub(crate) fn nreal(&self, total: usize) -> usize {
        self.stack.first().map_or(total, |f| f.off)
    }
}

fn pos_meta(block: u32, stmt: u32) -> u64 {
    ((block as u64) << 32) | stmt as u64
}

/// The function a `CallMethod` on `o` calls when a trace may inline it: a plain function
/// found on the instance's class, with the class and the instance's map to guard.
fn method_of(vm: &mut Vm, o: Value, name: Value) -> Option<(Value, &'static Map, Value)> {
    let obj = o.as_obj()?;
    let cls = obj.class.get();
    let cd = cls.as_class()?;
    if cd.has_flag(class_flags::CUSTOM_GETATTR) || !cd.has_flag(class_flags::HEAPTYPE) {
        return None;
    }
    if !matches!(obj.payload, Payload::Object) {
        return None;
    }
    let attrs = obj.attrs.as_ref()?;
    if attrs.in_dict_mode() {
        return None;
    }
    let map = attrs.map.get();
    if map.lookup(name).is_some() {
        return None;
    }
    let m = vm.lookup_type(cls, name)?;
    matches!(m.as_obj()?.payload, Payload::Function(_)).then_some((cls, map, m))
}

/// Whether a trace may inline a call of `func` (the arguments are checked by `bind`).
fn inlinable(vm: &Vm, r: &Recorder, func: Value) -> bool {
    let Some(fd) = func.as_obj().and_then(|o| o.as_function()) else {
        return false;
    };
    let code = &fd.code;
    const BAD: u32 = code_flags::GENERATOR
        | code_flags::COROUTINE
        | code_flags::VARARGS
        | code_flags::VARKEYWORDS
        | code_flags::NAME_LOOKUP
        | code_flags::CLASS_BODY
        | code_flags::MODULE
        | code_flags::ITERABLE_COROUTINE;
    let key = Rc::as_ptr(code) as usize;
    if code.flags & BAD != 0
        || code.kwonlyargcount != 0
        || !code.cellvars.is_empty()
        || !code.freevars.is_empty()
        || r.inl.stack.len() >= MAX_DEPTH
        || vm.jit.inline.refused.contains_key(&key)
        || Rc::as_ptr(&r.code) as usize == key
        || r.inl.stack.iter().any(|f| Rc::as_ptr(&f.code) as usize == key)
    {
        return false;
    }
    code.blocks.iter().enumerate().all(|(i, b)| {
        b.handler.is_none()
            && b.ops.iter().all(|op| match op {
                Op::Yield { .. } | Op::YieldFrom { .. } => false,
                Op::Jump { target } => target.0 as usize > i,
                Op::Branch { t, f, .. } => t.0 as usize > i && f.0 as usize > i,
                Op::ForIter { .. } => false,
                _ => true,
            })
    })
}

/// Where each parameter of `fd` gets its value from, for a call with `npos` positional
/// arguments followed by keyword arguments named `kwnames`: `Some(i)`, the call's `i`th
/// argument, or `None`, its default. None when binding would fail or needs more than
/// positional parameters (the interpreter raises the TypeError).
fn bind(fd: &crate::object::Function, npos: usize, kwnames: &[Value]) -> Option<Vec<Option<usize>>> {
    let code = &fd.code;
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    if npos > argcount {
        return None;
    }
    let mut map: Vec<Option<usize>> = (0..argcount).map(|i| (i < npos).then_some(i)).collect();
    for (k, n) in kwnames.iter().enumerate() {
        let name = n.as_rstr()?;
        let j = (posonly..argcount).find(|&j| code.slot_names.get(j).and_then(|s| s.as_rstr()) == Some(name))?;
        if map[j].is_some() {
            return None;
        }
        map[j] = Some(npos + k);
    }
    let ndefaults = fd.defaults.get().as_tuple().map_or(0, |t| t.len()).min(argcount);
    if map.iter().enumerate().any(|(j, m)| m.is_none() && j < argcount - ndefaults) {
        return None;
    }
    Some(map)
}

/// The IR constant for the value `v`.
fn constant(r: &mut Recorder, v: Value) -> ValueId {
    if let Some(i) = v.as_small_int() {
        r.cint(i)
    } else if let Some(f) = v.as_float() {
        r.cfloat(f)
    } else {
        r.cword(v)
    }
}

/// Guards that entering `level` more frames stays within the recursion limit
/// (`vm.depth + level <= vm.recursion_limit`, read through the context's VM pointer).
fn guard_depth(r: &mut Recorder, level: usize) {
    let ctx = r.ctx;
    let vmp = r.push(IrOp::Load { base: ctx, offset: offset_of!(Ctx, vm) as i32, ty: Type::Int, mem: MEM_CTX });
    let mask = r.cint(u32::MAX as i64);
    let d = r.push(IrOp::Load { base: vmp, offset: offset_of!(Vm, depth) as i32, ty: Type::Int, mem: MEM_CTX });
    let d = r.push(IrOp::IntAnd(d, mask));
    let lim =
        r.push(IrOp::Load { base: vmp, offset: offset_of!(Vm, recursion_limit) as i32, ty: Type::Int, mem: MEM_CTX });
    let lim = r.push(IrOp::IntAnd(lim, mask));
    let k = r.cint(level as i64);
    let dk = r.push(IrOp::IntAdd(d, k));
    let ok = r.push(IrOp::IntCmp(Cond::Le, dk, lim));
    r.guard_here(ok, true, "type");
}

/// Records `op` (a call) as an inlined call when its callee is a Python function the
/// trace can inline; Ok(false) when it is not (the caller records it otherwise).
pub(super) fn call_python(r: &mut Recorder, vm: &mut Vm, frame: &Frame, code: &Code, op: &Op) -> RecResult<bool> {
    if r.inl.expecting.is_some() {
        return Err("inlined call did not start");
    }
    if !vm.jit.spec_on("inline") {
        return Ok(false);
    }
    let (dst, args, kwnames, func, method) = match op {
        Op::Call { dst, func, args, kwnames } => {
            let f = Recorder::observe(frame, code, *func);
            if !inlinable(vm, r, f) {
                return Ok(false);
            }
            (*dst, args, kwnames, f, None)
        }
        Op::CallMethod { dst, obj, name, args, kwnames } => {
            let o = Recorder::observe(frame, code, *obj);
            let n = vm.intern_value(code.names[*name as usize]);
            let Some((cls, map, m)) = method_of(vm, o, n) else {
                return Ok(false);
            };
            if !inlinable(vm, r, m) {
                return Ok(false);
            }
            (*dst, args, kwnames, m, Some((*obj, cls, map)))
        }
        _ => return Ok(false),
    };
    let Some(l) = super::layout::layout() else {
        return Ok(false);
    };
    let Some(fd) = func.as_obj().and_then(|o| o.as_function()) else {
        return Ok(false);
    };
    let callee = fd.code.clone();
    let names: Vec<Value> = kwnames.iter().map(|&k| code.names[k as usize]).collect();
    let npos = method.is_some() as usize + args.len() - kwnames.len().min(args.len());
    let Some(binding) = bind(fd, npos, &names) else {
        return Ok(false);
    };
    // Guards, before the call (their exits run it in the interpreter).
    let mut vals = Vec::new();
    let mut seen = Vec::new();
    match method {
        None => {
            let Op::Call { func: fo, .. } = op else {
                return Ok(false);
            };
            let (fv, _) = r.read(frame, code, *fo);
            if r.ty(fv) != Type::Word {
                return Ok(false);
            }
            let want = r.cword(func);
            let same = r.push(IrOp::IntCmp(Cond::Eq, fv, want));
            r.guard_here(same, true, "type");
        }
        Some((obj, cls, map)) => {
            let (w, o) = r.read(frame, code, obj);
            if r.ty(w) != Type::Word {
                return Ok(false);
            }
            let Some(p) = super::attr::guard_class(r, &l, w, cls) else {
                return Ok(false);
            };
            super::attr::guard_map(r, &l, p, map);
            r.consts.push(func);
            vals.push(w);
            seen.push(o);
        }
    }
    for a in args.iter() {
        let (v, s) = r.read(frame, code, *a);
        vals.push(v);
        seen.push(s);
    }
    let argcount = callee.argcount as usize;
    let defaults = fd.defaults.get();
    let items: &[Value] = defaults.as_tuple().map_or(&[], |t| t);
    if binding.iter().any(|b| b.is_none()) {
        // `__defaults__` can be reassigned: guard the tuple (its items are then fixed).
        let addr = r.cint(&fd.defaults as *const _ as i64);
        let cur = r.push(IrOp::Load { base: addr, offset: 0, ty: Type::Word, mem: MEM_VERSION });
        let want = r.cword(defaults);
        let same = r.push(IrOp::IntCmp(Cond::Eq, cur, want));
        r.guard_here(same, true, "type");
    }
    let first = argcount - items.len().min(argcount);
    let mut params = Vec::with_capacity(argcount);
    let mut pseen = Vec::with_capacity(argcount);
    for (j, b) in binding.iter().enumerate() {
        match *b {
            Some(i) => {
                params.push(vals[i]);
                pseen.push(seen[i]);
            }
            None => {
                let d = items[j - first];
                let c = constant(r, d);
                params.push(c);
                pseen.push(d);
            }
        }
    }
    let (vals, seen) = (params, pseen);
    let level = r.inl.stack.len() + 1;
    guard_depth(r, level);
    // The virtual frame.
    let null = r.cword(Value::NULL);
    let off = r.slots.len();
    r.slots.resize(off + callee.nslots as usize, SlotState::Val { v: null, in_mem: false });
    for (i, v) in vals.iter().enumerate() {
        r.slots[off + i] = SlotState::Val { v: *v, in_mem: false };
    }
    if r.inl.table.is_none() {
        r.inl.table = Some(vm.jit.inline.table.clone());
    }
    r.inl.expecting = Some((Rc::as_ptr(&callee) as usize, seen));
    r.inl.stack.push(VFrame { code: callee, func, off, null, caller_frame: r.frame, call_pos: r.pos, dst, vsteps: 0 });
    r.set_pos_expect((0, 0));
    Ok(true)
}

/// The interpreter is starting `frame`: when it is the inlined call the recorder expects,
/// the recorder follows it (returns true: the frame runs in `RECORD` mode).
pub(super) fn adopt(r: &mut Recorder, frame: &Frame) -> bool {
    let Some((code, args)) = &r.inl.expecting else {
        return false;
    };
    if Rc::as_ptr(&frame.code) as usize != *code
        || (frame.block, frame.stmt) != (0, 0)
        || args.len() > frame.slots.len()
        || !args.iter().zip(&frame.slots).all(|(a, b)| a.bits() == b.bits())
    {
        return false;
    }
    r.inl.expecting = None;
    r.frame = frame as *const Frame;
    true
}

/// `Return` in an inlined frame: its value becomes the caller's destination slot.
pub(super) fn ret(r: &mut Recorder, frame: &Frame, code: &Code, value: Opnd) -> RecResult<()> {
    let (v, _) = r.read(frame, code, value);
    let Some(vf) = r.inl.stack.pop() else {
        return Err("leaves the frame");
    };
    r.slots.truncate(vf.off);
    r.frame = vf.caller_frame;
    r.pos = vf.call_pos;
    r.write(vf.dst, v);
    r.set_pos_expect((vf.call_pos.0, vf.call_pos.1 + 1));
    Ok(())
}

/// A snapshot resuming the innermost inlined frame at `(block, stmt)` (see the module
/// docs for what each frame names).
pub(super) fn snap(r: &mut Recorder, block: u32, stmt: u32) -> SnapshotId {
    let nreal = r.inl.nreal(r.slots.len());
    let mut frames = Vec::with_capacity(r.inl.stack.len() + 1);
    let mut slots = Vec::new();
    for (s, st) in r.slots[..nreal].iter().enumerate() {
        if let SlotState::Val { v, in_mem: false } = st {
            slots.push((s as u32, *v));
        }
    }
    let (cb, cs) = r.inl.stack[0].call_pos;
    frames.push(FrameState { meta: pos_meta(cb, cs), slots });
    let table = r.inl.table.clone().unwrap_or_default();
    let mut table = table.borrow_mut();
    let depth = r.inl.stack.len();
    for k in 0..depth {
        let vf = &r.inl.stack[k];
        let end = r.inl.stack.get(k + 1).map_or(r.slots.len(), |n| n.off);
        let (b, s) = if k + 1 < depth { r.inl.stack[k + 1].call_pos } else { (block, stmt) };
        let meta = table.meta(&vf.code, vf.func, b, s);
        let mut slots = Vec::new();
        for (i, st) in r.slots[vf.off..end].iter().enumerate() {
            if let SlotState::Val { v, .. } = st {
                if *v != vf.null {
                    slots.push((i as u32, *v));
                }
            }
        }
        frames.push(FrameState { meta, slots });
    }
    drop(table);
    r.add_snapshot(Snapshot::new(frames))
}

/// A recording failed inside an inlined call: the innermost inlined code is not inlined
/// again. Returns the reason to count (inlining failures say so).
pub(super) fn blame(memo: &mut InlineMemo, r: &Recorder, reason: &str) -> Option<&'static str> {
    let vf = r.inl.stack.last()?;
    memo.refused.insert(Rc::as_ptr(&vf.code) as usize, vf.code.clone());
    Some(match reason {
        "trace too long" => "inlined call: trace too long",
        "raises" => "inlined call: raises",
        "exception" => "inlined call: exception",
        "left the recorded path" => "inlined call: left the recorded path",
        GENERIC => GENERIC,
        TOO_GENERIC => TOO_GENERIC,
        _ => "inlined call: other",
    })
}

/// The abort reason of an inlined call with too many statements for `jit_vstep`.
pub(super) const TOO_GENERIC: &str = "inlined call: too many generic statements";

/// The abort reason of a statement an inlined frame cannot record.
pub(super) const GENERIC: &str = "inlined call: statement needs the generic helper";

/// Whether an abort reason comes from an inlined call (not the loop's fault).
pub(super) fn is_inline_reason(reason: &str) -> bool {
    reason.starts_with("inlined call")
}

// ----- statements of inlined frames that need the interpreter -----

/// The slots `op` reads (operands and slots it names directly), each once.
fn slots_read(op: &Op) -> Vec<Slot> {
    let mut out = Vec::new();
    for s in super::liveness::op_reads(op) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The generic path for a statement of an inlined frame: `jit_vstep` runs it in the
/// interpreter on a scratch frame holding just the slots it reads (passed as boxed
/// words), and returns the one slot it writes. Statements that move control, touch the
/// exception state, write several slots or read more than four slots abort the recording.
pub(super) fn generic_virtual(r: &mut Recorder, op: &Op) -> RecResult<ValueId> {
    let reads = slots_read(op);
    let writes = super::liveness::op_writes(op);
    let special = matches!(
        op,
        Op::Yield { .. }
            | Op::YieldFrom { .. }
            | Op::GetException { .. }
            | Op::PushExcInfo { .. }
            | Op::PopExcInfo { .. }
            | Op::LoadLocals { .. }
    );
    if op.is_terminator() || special || reads.len() > 4 || writes.len() > 1 {
        return Err(GENERIC);
    }
    let Some(vf) = r.inl.stack.last_mut() else {
        return Err(GENERIC);
    };
    vf.vsteps += 1;
    if vf.vsteps > MAX_VSTEPS {
        return Err(TOO_GENERIC);
    }
    let (code, func, base, level) = (vf.code.clone(), vf.func, vf.off, r.inl.stack.len() as u64);
    let Some(table) = r.inl.table.clone() else {
        return Err(GENERIC);
    };
    let meta = table.borrow_mut().meta(&code, func, r.pos.0, r.pos.1);
    let snap = r.snap();
    let ctx = r.ctx;
    let desc = r.cint(((level << 32) | meta) as i64);
    let mut args = vec![ctx, desc];
    for s in reads {
        let v = match r.slots[base + s as usize] {
            SlotState::Val { v, .. } => v,
            SlotState::Mem => return Err(GENERIC),
        };
        let w = r.boxed(v, snap);
        args.push(w);
    }
    let res = r.call(jit_vstep as *const () as usize, args);
    r.guard_not_raised(res);
    if let Some(&d) = writes.first() {
        let w = r.push(IrOp::AsWord(res));
        r.write(d, w);
    }
    Ok(res)
}

/// Runs the statement described by `desc` (`level << 32 | frame table index`) of an
/// inlined frame with the slots it reads set to `w0..w3`; returns the word it wrote, or
/// `SENTINEL` with the exception parked in the context. The scratch frame is registered
/// with the collector and counted `level` frames deep, as the inlined frame would be.
pub(crate) extern "C" fn jit_vstep(ctx: u64, desc: u64, w0: u64, w1: u64, w2: u64, w3: u64) -> u64 {
    // SAFETY: traces pass their own context (parameter 0); it outlives the run, and the VM
    // it points to is not otherwise used while the trace runs.
    let c = unsafe { &mut *(ctx as *mut Ctx) };
    // SAFETY: as above.
    let vm = unsafe { &mut *c.vm };
    let (idx, level) = ((desc & u32::MAX as u64) as usize, (desc >> 32) as u32);
    let found = vm.jit.inline.table.borrow().descs.get(idx).map(|d| (d.code.clone(), d.func, d.block, d.stmt));
    let Some((code, func, block, stmt)) = found else {
        c.pending = Some((vm.err(vm.exc.system_error, "JIT: unknown inlined frame"), ErrInfo::default()));
        return super::helpers::SENTINEL;
    };
    let Some(fd) = func.as_obj().and_then(|o| o.as_function()) else {
        c.pending = Some((vm.err(vm.exc.system_error, "JIT: inlined frame without a function"), ErrInfo::default()));
        return super::helpers::SENTINEL;
    };
    let Some(op) = code.blocks.get(block as usize).and_then(|b| b.ops.get(stmt as usize)) else {
        return super::helpers::SENTINEL;
    };
    let mut slots = SCRATCH.with(|p| p.borrow_mut().pop()).unwrap_or_default();
    slots.resize(code.nslots as usize, Value::NULL);
    let mut f = Frame::with_slots(code.clone(), slots, fd.globals, fd.builtins, Value::NULL, func);
    f.block = block;
    f.stmt = stmt;
    let words = [w0, w1, w2, w3];
    for (s, w) in slots_read(op).into_iter().zip(words) {
        // SAFETY: boxed words the trace holds (rooted by the stack scan or as constants).
        f.slots[s as usize] = unsafe { Value::from_bits(w) };
    }
    vm.frames.push(&f as *const Frame);
    vm.depth.set(vm.depth.get() + level);
    let r = crate::eval::interp::step(vm, &mut f, &code);
    vm.depth.set(vm.depth.get().saturating_sub(level));
    vm.frames.pop();
    let out = match r {
        Ok(()) => super::liveness::op_writes(op).first().map_or(0, |&d| f.slots[d as usize].bits()),
        Err(p) => {
            c.pending = Some(p);
            super::helpers::SENTINEL
        }
    };
    let mut slots = std::mem::take(&mut f.slots);
    slots.clear();
    if slots.capacity() <= 256 {
        SCRATCH.with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < 16 {
                p.push(slots);
            }
        });
    }
    out
}

thread_local! {
    /// Slot vectors of `jit_vstep`'s scratch frames, reused; empty while pooled.
    static SCRATCH: RefCell<Vec<Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

// ----- exits -----

/// A virtual frame of a guard's snapshot: its description and (slot, index in the exit
/// buffer, type) for the slots it names.
pub(crate) struct VExit {
    meta: u64,
    slots: Vec<(u32, usize, Type)>,
}

/// The virtual frames of `snap` (all but the first), for `exit.rs`.
pub(crate) fn exit_frames(snap: &Snapshot, live: &[ValueId], types: &[Type]) -> Vec<VExit> {
    snap.frames
        .iter()
        .skip(1)
        .map(|f| VExit {
            meta: f.meta,
            slots: f
                .slots
                .iter()
                .map(|&(s, v)| (s, live.iter().position(|x| *x == v).unwrap_or(0), types[v.index()]))
                .collect(),
        })
        .collect()
}

/// Writes `v` into the destination of the call statement `frame` is at and moves it past.
fn deliver(frame: &mut Frame, v: Value) {
    let op = frame.code.blocks.get(frame.block as usize).and_then(|b| b.ops.get(frame.stmt as usize));
    if let Some(Op::Call { dst, .. } | Op::CallMethod { dst, .. }) = op {
        frame.slots[*dst as usize] = v;
    }
    frame.stmt += 1;
}

fn returned(r: PyResult<Exit>) -> PyResult<Value> {
    r.map(|e| match e {
        Exit::Return(v) | Exit::Yield(v) => v,
    })
}

/// Rebuilds and runs the virtual frames of an exit (module docs). `frame` is the real
/// frame, already at its call statement; on return it is after it, or the exception is
/// to be raised at it.
pub(crate) fn resume(
    vm: &mut Vm,
    frame: &mut Frame,
    vexits: &[VExit],
    buf: &[u64],
    pending: Option<(PyErr, ErrInfo)>,
) -> Result<(), (PyErr, ErrInfo)> {
    if vexits.is_empty() {
        return Ok(());
    }
    let descs: Vec<(Rc<Code>, Value, u32, u32)> = {
        let table = vm.jit.inline.table.borrow();
        let mut out = Vec::with_capacity(vexits.len());
        for ve in vexits {
            match table.descs.get(ve.meta as usize) {
                Some(d) => out.push((d.code.clone(), d.func, d.block, d.stmt)),
                None => return Err((vm.err(vm.exc.system_error, "JIT: unknown inlined frame"), ErrInfo::default())),
            }
        }
        out
    };
    let mut frames: Vec<Box<Frame>> = Vec::with_capacity(descs.len());
    for (code, func, block, stmt) in descs {
        let Some(fd) = func.as_obj().and_then(|o| o.as_function()) else {
            return Err((vm.err(vm.exc.system_error, "JIT: inlined frame without a function"), ErrInfo::default()));
        };
        let mut f = Box::new(Frame::new(code, fd.globals, fd.builtins, Value::NULL, func));
        f.block = block;
        f.stmt = stmt;
        frames.push(f);
    }
    // Words first, then ints (boxing may allocate; no collection happens before the frames
    // run, and by then they are registered).
    for (f, ve) in frames.iter_mut().zip(vexits) {
        for &(slot, i, ty) in &ve.slots {
            let bits = buf[i];
            let v = match ty {
                // SAFETY: a word the trace held in an SSA value (found by the collector's
                // stack scan while the trace ran) or as a rooted constant.
                Type::Word => unsafe { Value::from_bits(bits) },
                Type::Bool => Value::bool(bits != 0),
                Type::Float => Value::float(f64::from_bits(bits)),
                _ => continue,
            };
            f.slots[slot as usize] = v;
        }
    }
    for (f, ve) in frames.iter_mut().zip(vexits) {
        for &(slot, i, ty) in &ve.slots {
            if ty == Type::Int {
                f.slots[slot as usize] = vm.new_int(buf[i] as i64);
            }
        }
    }
    let saved = vm.handled_exc.get();
    let mut entered = 0;
    let mut result: Option<PyResult<Value>> = None;
    for f in &frames {
        if let Err(e) = crate::eval::enter(vm) {
            result = Some(Err(e));
            break;
        }
        vm.frames.push(&**f as *const Frame);
        entered += 1;
    }
    let mut result = match result {
        Some(r) => r,
        None => {
            let f = &mut frames[entered - 1];
            let r = match pending {
                Some((e, info)) => crate::eval::interp::execute_raising(vm, f, e, info),
                None => crate::eval::interp::execute(vm, f, false),
            };
            vm.frames.pop();
            vm.handled_exc.set(saved);
            crate::eval::leave(vm);
            entered -= 1;
            returned(r)
        }
    };
    while entered > 0 {
        let f = &mut frames[entered - 1];
        let r = match result {
            Ok(v) => {
                deliver(f, v);
                crate::eval::interp::execute(vm, f, false)
            }
            Err(e) => crate::eval::interp::execute_raising(vm, f, e, ErrInfo::default()),
        };
        vm.frames.pop();
        vm.handled_exc.set(saved);
        crate::eval::leave(vm);
        entered -= 1;
        result = returned(r);
    }
    match result {
        Ok(v) => {
            deliver(frame, v);
            Ok(())
        }
        Err(e) => Err((e, ErrInfo::default())),
    }
}
