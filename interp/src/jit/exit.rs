//! Entering compiled traces and rebuilding the frame at their exits.
//!
//! Entry checks that the frame's values have the types the trace was recorded with and
//! unboxes them into the parameters; no entry otherwise (the interpreter goes on). An exit
//! writes the values its snapshot names into the frame, boxing unboxed ones (ints outside
//! the inline range become big ints), and moves the frame to the snapshot's statement.
//! Words are written before any int is boxed: boxing may allocate, and every word must be
//! in a frame slot (a GC root) by then.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use krait_tracer::{CompiledTrace, Trace, Type};

use krait_tracer::{LinkArg, LinkBox, LinkStore, ValueId};

use super::record::{range_iter, ParamSrc, PSEUDO, PSEUDO_BASE, PSEUDO_CTX, PSEUDO_RANGE};
use crate::cfg::Code;
use crate::eval::interp::ErrInfo;
use crate::frame::Frame;
use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// What helpers called from a running trace reach through parameter 0.
pub(crate) struct Ctx {
    pub vm: *mut Vm,
    pub frame: *mut Frame,
    pub code: *const Code,
    /// The exception a helper raised, raised at its statement when the trace exits.
    pub pending: Option<(PyErr, ErrInfo)>,
    /// Trips the run made: every loop trace's back jump and every trace's end at a loop
    /// header adds one (`record::Recorder::count_trip`). Runs that make few trips cost
    /// more to enter and leave than they save, and get their loop dropped (`run`).
    pub trips: u64,
}

/// Where a guard's exit goes and which slots it writes, and what the JIT has learned
/// about it since.
pub(crate) struct ExitInfo {
    pub block: u32,
    pub stmt: u32,
    pub kind: u8,
    /// (slot, index in the exit buffer, type).
    slots: Vec<(u32, usize, Type)>,
    /// How often the exit was taken (hot exits get bridges).
    pub taken: Cell<u32>,
    /// The bridge compiled for this exit: entered right after the exit instead of the
    /// interpreter.
    pub bridge: RefCell<Option<Rc<CompiledLoop>>>,
    /// Failed attempts to record a bridge here; at `JitConfig::max_aborts` none is tried.
    pub bridge_aborts: Cell<u32>,
    /// For a `link` exit: the loop trace found at its header the last time.
    link: RefCell<Option<Rc<CompiledLoop>>>,
    /// The snapshot's pseudo slots (`record::PSEUDO`..): (slot, index in the exit buffer).
    pseudo: Vec<(u32, usize)>,
    /// Whether native linking of this exit was tried (`link_natively`).
    linked: Cell<bool>,
    /// The frames of calls inlined into the trace at this exit (`inline::resume`).
    inlined: Vec<super::inline::VExit>,
    /// For a `box` guard: the slot of the frame whose int it failed to box in 48 bits.
    box_slot: Option<u32>,
}

impl ExitInfo {
    /// Whether this is the `exit` that ends a trace at a loop header (`link` kind).
    pub(crate) fn is_link(&self) -> bool {
        self.kind == super::KIND_LINK
    }
}

/// A compiled loop, as the trace cache holds it.
pub(crate) struct CompiledLoop {
    code: Box<dyn CompiledTrace>,
    /// What the code writes to `LINK_TAG` of the exit buffer (0: untagged code).
    pub tag: u32,
    /// 0 for a loop's trace, its parent's depth + 1 for a bridge.
    pub depth: u32,
    params: Vec<ParamSrc>,
    /// Heap words baked into the trace: GC roots while the trace exists.
    pub consts: Vec<crate::value::Value>,
    /// Indexed by exit number (the op index of the guard).
    exits: Vec<Option<ExitInfo>>,
    buf_len: usize,
    /// The (globals, builtins) dicts the trace's global loads assume, if any.
    globals: Option<(Value, Value)>,
    /// Exits through a failed constant-global guard: a loop whose namespaces keep changing
    /// is dropped (`jit::back_edge`).
    pub global_fails: std::cell::Cell<u32>,
    /// Runs of this loop's trace from the interpreter's back edge in the current window,
    /// and the trips they made (`Ctx::trips`), to drop loops whose runs are too short.
    pub runs: Cell<u32>,
    pub trips: Cell<u64>,
    /// `Jit::generation` when the current window started, and the windows in a row that
    /// were too short but saw new code compiled (bridges, linked loops), which may make
    /// the next window's runs longer (`jit::back_edge`).
    pub window_gen: Cell<u64>,
    pub reprieves: Cell<u32>,
    /// Entries whose int parameters were not all small ints (`enter`): the trace, typed
    /// for 48-bit ints, then falls back to the dispatcher at every boxing and link.
    /// Shared by a loop's trace and all its bridges.
    pub medium: Rc<Cell<u32>>,
    /// The slots recorded as holding ints beyond the inline range (boxed by a helper):
    /// exits writing such ints there are expected, not counted in `medium`.
    medium_slots: Vec<bool>,
    /// Set when the loop was dropped: traces linked to its header no longer enter it
    /// through the dispatcher.
    pub dead: Cell<bool>,
}

impl CompiledLoop {
    pub(crate) fn new(
        trace: Trace,
        code: Box<dyn CompiledTrace>,
        params: Vec<ParamSrc>,
        consts: Vec<Value>,
        globals: Option<(Value, Value)>,
        tag: u32,
        depth: u32,
    ) -> Self {
        let types = trace.types();
        let mut exits: Vec<Option<ExitInfo>> = (0..trace.ops.len()).map(|_| None).collect();
        for (i, op) in trace.ops.iter().enumerate() {
            let Some(sid) = op.snapshot() else { continue };
            let snap = &trace.snapshots[sid.0 as usize];
            let live = snap.live();
            let Some(frame) = snap.frames.first() else { continue };
            let kind = match op {
                krait_tracer::Op::Guard { kind, .. }
                | krait_tracer::Op::Exit { kind, .. }
                | krait_tracer::Op::IntAddOv { kind, .. }
                | krait_tracer::Op::IntSubOv { kind, .. }
                | krait_tracer::Op::IntMulOv { kind, .. } => kind.0,
                _ => 0,
            };
            let at = |v: ValueId| live.iter().position(|x| *x == v).unwrap_or(0);
            let slots =
                frame.slots.iter().filter(|(s, _)| *s < PSEUDO).map(|&(s, v)| (s, at(v), types[v.index()])).collect();
            let pseudo = frame.slots.iter().filter(|(s, _)| *s >= PSEUDO).map(|&(s, v)| (s, at(v))).collect();
            exits[i] = Some(ExitInfo {
                block: (frame.meta >> 32) as u32,
                stmt: frame.meta as u32,
                kind,
                slots,
                taken: Cell::new(0),
                bridge: RefCell::new(None),
                bridge_aborts: Cell::new(0),
                link: RefCell::new(None),
                pseudo,
                linked: Cell::new(false),
                inlined: super::inline::exit_frames(snap, &live, &types),
                box_slot: if kind == super::KIND_BOX { box_slot(&trace, i) } else { None },
            });
        }
        let buf_len = trace.max_exit_len().max(1);
        CompiledLoop {
            code,
            tag,
            depth,
            params,
            consts,
            exits,
            buf_len,
            globals,
            global_fails: Default::default(),
            runs: Cell::new(0),
            trips: Cell::new(0),
            window_gen: Cell::new(0),
            reprieves: Cell::new(0),
            medium: Rc::default(),
            medium_slots: Vec::new(),
            dead: Cell::new(false),
        }
    }

    /// The trace with the medium-int counter of its family (`medium`, the parent's for a
    /// bridge) and the slots its recording boxed through a helper (`medium_slots`).
    pub(crate) fn with_medium(mut self, family: Rc<Cell<u32>>, slots: Vec<bool>) -> Self {
        self.medium = family;
        self.medium_slots = slots;
        self
    }

    /// The exit buffer words a run needs: `LINK_BUF` for linkable (tagged) code, which
    /// may run on into any trace it is linked to.
    fn buf_words(&self) -> usize {
        if self.tag != 0 {
            self.buf_len.max(krait_tracer::LINK_BUF)
        } else {
            self.buf_len
        }
    }

    /// Whether one of the trace's `link` exits (not those of its bridges) ends at a block
    /// for which `f` holds.
    pub(crate) fn links_to(&self, f: impl Fn(u32) -> bool) -> bool {
        self.exits.iter().flatten().any(|e| e.is_link() && f(e.block))
    }

    /// The exit with this number.
    pub(crate) fn exit(&self, n: u32) -> Option<&ExitInfo> {
        self.exits.get(n as usize).and_then(|e| e.as_ref())
    }

    /// Visits the heap words of this trace and of every bridge hanging off it.
    pub(crate) fn each_const(&self, f: &mut dyn FnMut(Value)) {
        for v in &self.consts {
            f(*v);
        }
        for e in self.exits.iter().flatten() {
            if let Some(b) = &*e.bridge.borrow() {
                b.each_const(f);
            }
        }
    }
}

/// The frame slot the `box` guard at op `i` of `trace` boxes an int for
/// (`record::Recorder::boxed`): the guard checks `v + 2^47 < 2^48`, and a store of the
/// slot array (parameter 1) soon after stores `v`'s boxed form.
fn box_slot(trace: &Trace, i: usize) -> Option<u32> {
    use krait_tracer::Op;
    let op = |v: ValueId| trace.ops.get(v.index());
    let Some(Op::Guard { cond, .. }) = trace.ops.get(i) else { return None };
    let Some(Op::IntCmp(_, t, _)) = op(*cond) else { return None };
    let Some(Op::IntAdd(v, _)) = op(*t) else { return None };
    for o in trace.ops.iter().skip(i + 1).take(8) {
        let Op::Store { base, offset, value, .. } = o else { continue };
        if base.index() != 1 || *offset < 0 || offset % 8 != 0 {
            continue;
        }
        let Some(Op::AsWord(w)) = op(*value) else { continue };
        let Some(Op::IntOr(p, _)) = op(*w) else { continue };
        if matches!(op(*p), Some(Op::IntAnd(x, _)) if x == v) {
            return Some((offset / 8) as u32);
        }
    }
    None
}

/// An int (not a bool, not a subclass instance) that fits an i64.
fn exact_i64(vm: &Vm, v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    let b = v.as_bigint()?;
    if !v.obj().class.get().is(vm.types.int) {
        return None;
    }
    num_traits::ToPrimitive::to_i64(b)
}

/// Links exit `n` (`info`) of `from` to `to` in machine code, once, when the backend
/// links and `to`'s parameters can be built from the exit's values: from then on that
/// exit runs straight into `to`, which the dispatcher learns from the tag of the trace
/// that finally leaves.
fn link_natively(vm: &mut Vm, from: &CompiledLoop, n: u32, info: &ExitInfo, to: &Rc<CompiledLoop>) {
    if info.linked.replace(true) || from.tag == 0 || to.tag == 0 {
        return;
    }
    let r = try_link(from, n, info, to);
    vm.jit.log(format_args!(
        "; link exit {n} of trace {} to trace {}: {}\n",
        from.tag,
        to.tag,
        r.err().unwrap_or("in machine code")
    ));
}

fn try_link(from: &CompiledLoop, n: u32, info: &ExitInfo, to: &Rc<CompiledLoop>) -> Result<(), &'static str> {
    if !info.inlined.is_empty() {
        return Err("not linked: the exit has inlined frames");
    }
    let bits = |g: Option<(Value, Value)>| g.map(|(g, b)| (g.bits(), b.bits()));
    if to.globals.is_some() && bits(to.globals) != bits(from.globals) {
        return Err("not linked: the target assumes other globals");
    }
    let (args, stores) = link_args(info, to)?;
    to.code.link_entry().ok_or("not linked: the target cannot be linked to")?;
    // SAFETY: `to` stays alive as long as `from` (the exit keeps it: `bridge` or `link`,
    // set by the caller), the arguments are `to`'s parameters as `enter` would build
    // them from the frame the exit describes, and `enter` finds out by the tag which
    // trace of the chain left.
    unsafe { from.code.link_exit_to(n, &args, &stores, &*to.code) }.map_err(|_| "not linked: the backend refused")
}

/// How `to`'s parameters come from the exit buffer of `info` (or through it from the
/// frame's slots), and the exit's values `to` does not take as parameters, which the link
/// stores (boxed) to their frame slots as the interpreter would; an error when one cannot.
fn link_args(info: &ExitInfo, to: &CompiledLoop) -> Result<(Vec<LinkArg>, Vec<LinkStore>), &'static str> {
    let pseudo = |p: u32| info.pseudo.iter().find(|(s, _)| *s == p).map(|&(_, k)| k);
    let base = pseudo(PSEUDO_BASE).ok_or("not linked: no slot array in the exit")?;
    let int_word = Value::small_int(0).ok_or("no int tag")?.bits();
    let int_tag = (int_word >> 48) as u32;
    let named = |s: u32| info.slots.iter().find(|(x, _, _)| *x == s).map(|&(_, k, t)| (k, t));
    // Every value the exit would write to the frame goes on in a parameter of `to` (whose
    // exits name all of them) or is stored to its slot by the link.
    let mut stores = Vec::new();
    for &(s, k, ty) in &info.slots {
        let carried = to.params.iter().any(|p| match *p {
            ParamSrc::Int(x) => x == s && ty == Type::Int,
            ParamSrc::Float(x) => x == s && ty == Type::Float,
            _ => false,
        });
        if carried {
            continue;
        }
        let boxing = match ty {
            Type::Word => LinkBox::Word,
            Type::Bool => LinkBox::Bool { false_word: Value::FALSE.bits() },
            Type::Int => LinkBox::Int { bits: 48, tag_word: int_word },
            Type::Float => LinkBox::Float,
            _ => return Err("not linked: a value of the exit has no boxed form"),
        };
        stores.push(LinkStore { src: k, base, offset: 8 * s as i32, boxing });
    }
    let mut args = Vec::with_capacity(to.params.len());
    for p in &to.params {
        args.push(match *p {
            ParamSrc::Ctx => LinkArg::Buf(pseudo(PSEUDO_CTX).ok_or("not linked: no context in the exit")?),
            ParamSrc::Base => LinkArg::Buf(base),
            ParamSrc::Int(s) => match named(s) {
                Some((k, Type::Int)) => LinkArg::Buf(k),
                Some(_) => return Err("not linked: an int parameter has another type in the exit"),
                None => LinkArg::MemTagged { base, offset: 8 * s as i32, shift: 48, tag: int_tag },
            },
            ParamSrc::Float(s) => match named(s) {
                Some((k, Type::Float)) => LinkArg::Buf(k),
                Some(_) => return Err("not linked: a float parameter has another type in the exit"),
                None => LinkArg::MemBelow { base, offset: 8 * s as i32, shift: 48, limit: int_tag },
            },
            ParamSrc::RangeIter(s) => LinkArg::Buf(
                pseudo(PSEUDO_RANGE | s).ok_or("not linked: the target's range iterator is not in the exit")?,
            ),
        });
    }
    Ok((args, stores))
}

/// Bridges on bridges on ... a loop's trace, at most.
const MAX_BRIDGE_DEPTH: u32 = 6;

/// An exception to raise at the frame's statement, with its traceback details.
type Raised = (PyErr, ErrInfo);

/// How a run of compiled code ended (`run`).
pub(crate) enum Ran {
    /// The frame is where the interpreter goes on, or the exception must be raised there.
    Done(Result<(), (PyErr, ErrInfo)>),
    /// A hot exit without a bridge: the frame is at the exit, and recording a bridge from
    /// there has started.
    Record,
}

/// Runs the compiled loop `c` from the frame's position (its header), then whatever the
/// exits lead to: a guard's bridge, or at a `link` exit (a loop header) that loop's trace.
/// None when `c` itself cannot be entered (the frame's values do not fit its parameters).
/// Every step between traces goes through the frame (values boxed at the exit, unboxed
/// at the next entry), so any exit can stop the chain and leave the interpreter a frame
/// that is exactly right.
pub(crate) fn run(vm: &mut Vm, frame: &mut Frame, code: &Code, c: Rc<CompiledLoop>) -> Option<Ran> {
    let root = c.clone();
    let mut trips = 0;
    let r = run_chain(vm, frame, code, c, &mut trips);
    if r.is_some() {
        root.runs.set(root.runs.get() + 1);
        root.trips.set(root.trips.get().saturating_add(trips));
    }
    r
}

fn run_chain(vm: &mut Vm, frame: &mut Frame, code: &Code, c: Rc<CompiledLoop>, trips: &mut u64) -> Option<Ran> {
    let mut cur = c;
    let mut entered = false;
    loop {
        let Some(r) = enter(vm, frame, code, &cur, trips) else {
            return if entered { Some(Ran::Done(Ok(()))) } else { None };
        };
        entered = true;
        let n = match r {
            Ok((left, n)) => {
                cur = left;
                n
            }
            Err(e) => return Some(Ran::Done(Err(e))),
        };
        let Some(info) = cur.exit(n) else {
            return Some(Ran::Done(Ok(())));
        };
        if info.kind == super::KIND_LEAVE {
            // A bridge's end at a `return`: the interpreter returns.
            return Some(Ran::Done(Ok(())));
        }
        if info.is_link() {
            // At a loop header: go on with its trace, if it has one.
            crate::gc::safepoint(vm);
            let cached = info.link.borrow().clone();
            // Whether `next` is the exit's cached link (it keeps a natively linked target
            // alive, so only that one may be linked to).
            let mut is_cached = true;
            let next = match cached {
                Some(n) if !n.dead.get() => Some(n),
                // A loop dropped to be recorded again may have a new trace by now. The
                // cache keeps the dropped one: this exit's code may be linked to it.
                Some(_) => {
                    is_cached = false;
                    super::compiled_at(vm, code, info.block)
                }
                None => {
                    let n = super::compiled_at(vm, code, info.block);
                    info.link.borrow_mut().clone_from(&n);
                    n
                }
            };
            match next {
                Some(next) if !next.dead.get() => {
                    if is_cached {
                        link_natively(vm, &cur, n, info, &next);
                    }
                    cur = next;
                    continue;
                }
                None if super::count_linked_back_edge(vm, frame, code) => return Some(Ran::Record),
                _ => return Some(Ran::Done(Ok(()))),
            }
        }
        let bridge = info.bridge.borrow().clone();
        if let Some(b) = bridge {
            vm.jit.stats.bridge_entries += 1;
            link_natively(vm, &cur, n, info, &b);
            cur = b;
            continue;
        }
        let taken = info.taken.get().saturating_add(1);
        info.taken.set(taken);
        // No bridges for changed globals (the loop is dropped when they keep changing)
        // and no towers of bridges on bridges.
        let bridgeable = info.kind != super::KIND_GLOBAL && cur.depth < MAX_BRIDGE_DEPTH;
        if bridgeable
            && taken >= vm.jit.bridge_threshold()
            && info.bridge_aborts.get() < vm.jit.config.max_aborts
            && super::start_bridge(vm, frame, code, &cur, n)
        {
            return Some(Ran::Record);
        }
        return Some(Ran::Done(Ok(())));
    }
}

/// Runs `c` from the frame's position (its loop header, or the exit its bridge hangs
/// off). None when the frame's values do not fit the trace's parameters; otherwise the
/// frame has been moved to the exit's statement and the exit number is returned, or the
/// exception a helper raised, to be raised there.
fn enter(
    vm: &mut Vm,
    frame: &mut Frame,
    code: &Code,
    c: &Rc<CompiledLoop>,
    trips: &mut u64,
) -> Option<Result<(Rc<CompiledLoop>, u32), Raised>> {
    if let Some((g, b)) = c.globals {
        let builtins = frame.builtins_dict(vm);
        if !g.is(frame.globals) || !b.is(builtins) {
            return None;
        }
    }
    let mut ctx = Ctx { vm: std::ptr::null_mut(), frame: std::ptr::null_mut(), code, pending: None, trips: 0 };
    // Parameters and exit buffer in one vector, reused from run to run (nested runs, from
    // helpers, take another).
    // Not cleared between runs: every parameter is written below, and the trace writes
    // each exit-buffer word its exit names (and the tag word) before returning, so stale
    // words are never read. (Zeroing `LINK_BUF` words per entry cost more than the entry.)
    let mut words = vm.jit.scratch.pop().unwrap_or_default();
    let need = c.params.len() + c.buf_words();
    if words.len() < need {
        words.resize(need, 0);
    }
    let (params, buf) = words[..need].split_at_mut(c.params.len());
    let mut medium = None;
    for (slot, p) in params.iter_mut().zip(&c.params) {
        let w = match *p {
            ParamSrc::Ctx => Some(&mut ctx as *mut Ctx as u64),
            ParamSrc::Base => Some(frame.slots.as_mut_ptr() as u64),
            ParamSrc::Int(s) => {
                let v = frame.slots[s as usize];
                if !v.is_small_int() {
                    medium = Some(s);
                }
                exact_i64(vm, v).map(|i| i as u64)
            }
            ParamSrc::Float(s) => frame.slots[s as usize].as_float().map(f64::to_bits),
            ParamSrc::RangeIter(s) => range_iter(frame.slots[s as usize]).map(|p| p as u64),
        };
        let Some(w) = w else {
            // The frame's values do not fit: keep the vector for the next run.
            vm.jit.scratch.push(words);
            return None;
        };
        *slot = w;
    }
    if let Some(s) = medium {
        c.medium.set(c.medium.get().saturating_add(1));
        vm.jit.note_medium(code, s);
    }
    vm.jit.stats.entries += 1;
    ctx.vm = vm as *mut Vm;
    ctx.frame = frame as *mut Frame;
    // SAFETY: the trace was recorded for this code; its loads and stores touch the frame's
    // slot array and the range iterators checked above (alive in the frame's slots), its
    // helpers get `ctx`, which points to this VM and frame, unused by us until it returns.
    vm.jit.running += 1;
    let exit = unsafe { c.code.run(params, buf) };
    vm.jit.running -= 1;
    *trips = trips.saturating_add(ctx.trips);
    // A linked exit may have run on into other traces: the tag says whose exit this is.
    let tag = if c.tag != 0 { buf[krait_tracer::LINK_TAG] as u32 } else { 0 };
    let left: Rc<CompiledLoop> = if tag == c.tag {
        c.clone()
    } else {
        match vm.jit.traces.get(tag.wrapping_sub(1) as usize).and_then(|w| w.upgrade()) {
            Some(t) => t,
            None => {
                return Some(Err((vm.err(vm.exc.system_error, "JIT: exit of an unknown trace"), ErrInfo::default())));
            }
        }
    };
    let c = &left;
    let Some(info) = c.exit(exit) else {
        return Some(Err((vm.err(vm.exc.system_error, "JIT: unknown trace exit"), ErrInfo::default())));
    };
    vm.jit.stats.exits[info.kind as usize] += 1;
    if let Some(s) = info.box_slot {
        if !c.medium_slots.get(s as usize).copied().unwrap_or(true) {
            c.medium.set(c.medium.get().saturating_add(1));
            vm.jit.note_medium(code, s);
        }
    }
    if info.kind == super::KIND_GLOBAL {
        c.global_fails.set(c.global_fails.get() + 1);
    }
    for &(slot, i, ty) in &info.slots {
        let bits = buf[i];
        let v = match ty {
            // SAFETY: a word the trace held in a frame slot or as a rooted constant.
            Type::Word => unsafe { Value::from_bits(bits) },
            Type::Bool => Value::bool(bits != 0),
            Type::Float => Value::float(f64::from_bits(bits)),
            _ => continue,
        };
        frame.slots[slot as usize] = v;
    }
    for &(slot, i, ty) in &info.slots {
        if ty == Type::Int {
            let n = buf[i] as i64;
            if Value::small_int(n).is_none() && !c.medium_slots.get(slot as usize).copied().unwrap_or(true) {
                c.medium.set(c.medium.get().saturating_add(1));
                vm.jit.note_medium(code, slot);
            }
            frame.slots[slot as usize] = vm.new_int(n);
        }
    }
    frame.block = info.block;
    frame.stmt = info.stmt;
    if !info.inlined.is_empty() {
        vm.jit.stats.inlined_exits += 1;
        // The frame is at its call statement: run the inlined frames, then go on after it.
        let pending = ctx.pending.take();
        let r = super::inline::resume(vm, frame, &info.inlined, buf, pending).map(|()| (left.clone(), exit));
        vm.jit.scratch.push(words);
        return Some(r);
    }
    vm.jit.scratch.push(words);
    match ctx.pending.take() {
        Some(p) => Some(Err(p)),
        None => Some(Ok((left, exit))),
    }
}
