//! Entering compiled traces and rebuilding the frame at their exits.
//!
//! Entry checks that the frame's values have the types the trace was recorded with and
//! unboxes them into the parameters; no entry otherwise (the interpreter goes on). An exit
//! writes the values its snapshot names into the frame, boxing unboxed ones (ints outside
//! the inline range become big ints), and moves the frame to the snapshot's statement.
//! Words are written before any int is boxed: boxing may allocate, and every word must be
//! in a frame slot (a GC root) by then.

use std::collections::HashMap;

use krait_tracer::{CompiledTrace, Trace, Type};

use super::record::{range_iter, ParamSrc};
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
}

/// Where a guard's exit goes and which slots it writes.
struct ExitInfo {
    block: u32,
    stmt: u32,
    kind: u8,
    /// (slot, index in the exit buffer, type).
    slots: Vec<(u32, usize, Type)>,
}

/// A compiled loop, as the trace cache holds it.
pub(crate) struct CompiledLoop {
    code: Box<dyn CompiledTrace>,
    params: Vec<ParamSrc>,
    /// Heap words baked into the trace: GC roots while the trace exists.
    pub consts: Vec<crate::value::Value>,
    exits: HashMap<u32, ExitInfo>,
    buf_len: usize,
    /// The (globals, builtins) dicts the trace's global loads assume, if any.
    globals: Option<(Value, Value)>,
    /// Exits through a failed constant-global guard: a loop whose namespaces keep changing
    /// is dropped (`jit::back_edge`).
    pub global_fails: std::cell::Cell<u32>,
}

impl CompiledLoop {
    pub(crate) fn new(
        trace: Trace,
        code: Box<dyn CompiledTrace>,
        params: Vec<ParamSrc>,
        consts: Vec<Value>,
        globals: Option<(Value, Value)>,
    ) -> Self {
        let types = trace.types();
        let mut exits = HashMap::new();
        for (i, op) in trace.ops.iter().enumerate() {
            let Some(sid) = op.snapshot() else { continue };
            let snap = &trace.snapshots[sid.0 as usize];
            let live = snap.live();
            let Some(frame) = snap.frames.first() else { continue };
            let kind = match op {
                krait_tracer::Op::Guard { kind, .. }
                | krait_tracer::Op::IntAddOv { kind, .. }
                | krait_tracer::Op::IntSubOv { kind, .. }
                | krait_tracer::Op::IntMulOv { kind, .. } => kind.0,
                _ => 0,
            };
            let slots = frame
                .slots
                .iter()
                .map(|&(s, v)| (s, live.iter().position(|x| *x == v).unwrap_or(0), types[v.index()]))
                .collect();
            exits.insert(i as u32, ExitInfo { block: (frame.meta >> 32) as u32, stmt: frame.meta as u32, kind, slots });
        }
        let buf_len = trace.max_exit_len().max(1);
        CompiledLoop { code, params, consts, exits, buf_len, globals, global_fails: Default::default() }
    }
}

/// Runs `c` from the frame's position (its loop header). None when the frame's values do
/// not fit the trace's parameters; otherwise the frame has been moved to the exit's
/// statement, and an exception a helper raised is returned to be raised there.
pub(crate) fn enter(
    vm: &mut Vm,
    frame: &mut Frame,
    code: &Code,
    c: &CompiledLoop,
) -> Option<Result<(), (PyErr, ErrInfo)>> {
    if let Some((g, b)) = c.globals {
        let builtins = if frame.builtins.as_dict().is_some() { frame.builtins } else { vm.builtins_dict };
        if !g.is(frame.globals) || !b.is(builtins) {
            return None;
        }
    }
    let mut ctx = Ctx { vm: std::ptr::null_mut(), frame: std::ptr::null_mut(), code, pending: None };
    // Small traces (the common case) keep their parameters and exit buffer on the stack.
    const INLINE: usize = 48;
    let (mut pstack, mut bstack) = ([0u64; INLINE], [0u64; INLINE]);
    let (mut pheap, mut bheap) = (Vec::new(), Vec::new());
    let params: &mut [u64] = if c.params.len() <= INLINE {
        &mut pstack[..c.params.len()]
    } else {
        pheap.resize(c.params.len(), 0);
        &mut pheap
    };
    let buf: &mut [u64] = if c.buf_len <= INLINE {
        &mut bstack[..c.buf_len]
    } else {
        bheap.resize(c.buf_len, 0);
        &mut bheap
    };
    for (slot, p) in params.iter_mut().zip(&c.params) {
        *slot = match *p {
            ParamSrc::Ctx => &mut ctx as *mut Ctx as u64,
            ParamSrc::Base => frame.slots.as_mut_ptr() as u64,
            ParamSrc::Int(s) => frame.slots[s as usize].as_small_int()? as u64,
            ParamSrc::Float(s) => frame.slots[s as usize].as_float()?.to_bits(),
            ParamSrc::RangeIter(s) => range_iter(frame.slots[s as usize])? as u64,
            ParamSrc::Unused => 0,
        };
    }
    vm.jit.stats.entries += 1;
    ctx.vm = vm as *mut Vm;
    ctx.frame = frame as *mut Frame;
    // SAFETY: the trace was recorded for this code; its loads and stores touch the frame's
    // slot array and the range iterators checked above (alive in the frame's slots), its
    // helpers get `ctx`, which points to this VM and frame, unused by us until it returns.
    let exit = unsafe { c.code.run(params, buf) };
    let Some(info) = c.exits.get(&exit) else {
        return Some(Err((vm.err(vm.exc.system_error, "JIT: unknown trace exit"), ErrInfo::default())));
    };
    vm.jit.stats.exits[info.kind as usize] += 1;
    if info.kind == super::kind_index("global") {
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
            frame.slots[slot as usize] = vm.new_int(buf[i] as i64);
        }
    }
    frame.block = info.block;
    frame.stmt = info.stmt;
    match ctx.pending.take() {
        Some(p) => Some(Err(p)),
        None => Some(Ok(())),
    }
}
