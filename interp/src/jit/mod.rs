//! The tracing JIT's Python side: hot loops of the flat CFG become traces of the
//! language-neutral IR (`krait_tracer::ir`), which a `Backend` compiles.
//!
//! ```text
//!  interp::run::<RUN>    back edge ──▶ back_edge(): count; hot? ──▶ Record
//!        │                                    │ compiled? ──▶ exit::enter(): run the trace,
//!        │                                    │               rebuild the frame at the exit
//!  interp::run::<RECORD> before each statement ──▶ record_stmt() ──▶ record.rs (+ arith.rs,
//!                                                   iter.rs, ...): IR specialized on what
//!                                                   the interpreter is about to do
//!  back at the header ──▶ Recorder::finish ──▶ optimize ──▶ Backend::compile ──▶ cache
//! ```
//!
//! # Recording
//!
//! When a loop header's back-edge counter reaches the threshold, the frame switches to the
//! `RECORD` copy of the statement loop: before each statement the recorder looks at the
//! operands the interpreter is about to use (real values in the frame), emits IR that does
//! the same for values of those types, and the interpreter then runs the statement as
//! usual. Recording ends when control comes back to the header by its back edge (the trace
//! is compiled) or aborts when anything else happens: the frame returns, yields or raises,
//! another loop's back edge is taken (inner loops get traces of their own), the trace
//! grows too long, or the path leaves where the recorder expected it. Repeated aborts
//! blacklist the loop.
//!
//! # Values in a trace and frame memory
//!
//! Every frame slot has a state in the recorder (`record::SlotState`): either its value is
//! in frame memory (`Mem`, read with a `Load` when first needed), or an SSA value holds it,
//! flagged with whether frame memory also holds it (`in_mem`). Boxed words and bools are
//! written through to frame memory at once (so every word the trace holds is also in a
//! frame slot, a precise GC root); unboxed ints and floats stay in SSA values and are
//! "dirty". Statements the recorder does not specialize run through a runtime helper that
//! executes exactly that statement in the interpreter (`helpers::jit_step`); before such a
//! call every dirty slot is boxed and stored, afterwards the slots the statement wrote are
//! back in `Mem` state.
//!
//! # Loop parameters and snapshots
//!
//! Parameters are the context pointer, the frame's slot array, the range iterators the
//! loop steps, and every slot that held a small int or a float at the start of recording
//! (named locals, and temporaries live at the header), typed `Int`/`Float`. The trace is
//! entered only when the frame's values have those types again (`exit::enter` unboxes
//! them). A snapshot names the slots whose value frame memory does not hold (the dirty
//! ones); every other slot keeps the frame's value. Its `meta` is `block << 32 | stmt`, the
//! statement where the interpreter resumes: for guards before a statement's side effects
//! that is the statement itself (it runs again, from the start), for guards after a
//! helper has done the work it is the statement that follows. An exception raised by a
//! helper is parked in the context and raised at the helper's statement on exit, so no
//! side effect ever happens twice.
//!
//! Inlining of Python calls (virtual frames) is not done yet: calls run through the
//! generic helper, so every snapshot has exactly one frame.

mod arith;
mod attr;
mod exit;
mod helpers;
mod iter;
mod layout;
mod liveness;
mod record;

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::rc::Rc;

use krait_tracer::{Backend, Trace};

use crate::cfg::Code;
use crate::eval::interp::ErrInfo;
use crate::frame::Frame;
use crate::vm::{PyErr, Vm};

/// Speculation kinds, in the order of `Trace::kinds`. Each guard names one; `--jit-no`
/// switches off the ones marked switchable in `SWITCHABLE`.
pub const KINDS: &[&str] = &[
    "int-overflow", // unboxed int arithmetic does not overflow i64
    "type",         // a value has the type seen while recording
    "branch",       // a branch goes the way it went while recording
    "zero-div",     // a divisor is not zero
    "box",          // an unboxed value fits its boxed form (48-bit int, canonical float)
    "iter",         // a loop's iterator is not exhausted
    "exception",    // a runtime helper did not raise
    "float",        // (switch only) floats are unboxed
    "range",        // (switch only) `for` over a range iterator is inlined
    "global",       // a global's namespace dicts did not change (constant globals)
];

/// Kinds `--jit-no=` may switch off, with what switching them off does.
pub const SWITCHABLE: &[(&str, &str)] = &[
    ("int-overflow", "int arithmetic runs through the interpreter's helper"),
    ("float", "float arithmetic runs through the interpreter's helper"),
    ("range", "for-range loops step the iterator through a helper"),
    ("global", "globals and builtins are looked up by the interpreter's helper"),
    ("branch", "no trace is compiled (every trace has branch guards)"),
];

pub(crate) fn kind_index(name: &str) -> u8 {
    KINDS.iter().position(|k| *k == name).unwrap_or(0) as u8
}

/// Tunable parameters (defaults documented here, set from the command line).
#[derive(Clone, Debug)]
pub struct JitConfig {
    /// Back edges of a loop before it is recorded (1: at its first back edge).
    pub threshold: u32,
    /// Aborted recordings of a loop before it is blacklisted.
    pub max_aborts: u32,
    /// Statements recorded before a trace is abandoned as too long.
    pub max_stmts: u32,
    /// Speculation kinds switched off (`--jit-no`).
    pub disabled: Vec<String>,
    /// Print counters at exit (`--jit-stats`).
    pub stats: bool,
    /// Where to log every trace's IR and code (`KRAIT_JIT_LOG`).
    pub log: Option<String>,
}

impl Default for JitConfig {
    fn default() -> Self {
        JitConfig { threshold: 200, max_aborts: 3, max_stmts: 400, disabled: Vec::new(), stats: false, log: None }
    }
}

/// Counters reported by `--jit-stats`.
#[derive(Default, Debug)]
pub struct JitStats {
    pub recorded: u64,
    pub compiled: u64,
    pub aborted: u64,
    pub abort_reasons: BTreeMap<String, u64>,
    pub blacklisted: u64,
    pub entries: u64,
    pub guards: [u64; 16],
    pub exits: [u64; 16],
}

enum LoopState {
    Counting,
    Blacklisted,
    Compiled(Rc<exit::CompiledLoop>),
}

struct LoopInfo {
    /// Keeps the code (and so the key's address) alive while the loop is known.
    _code: Rc<Code>,
    count: u32,
    aborts: u32,
    state: LoopState,
}

/// The JIT's state, held by the `Vm`.
#[derive(Default)]
pub struct Jit {
    /// Whether back edges count and traces run (`--jit=trace`).
    pub enabled: bool,
    pub config: JitConfig,
    backend: Option<Box<dyn Backend>>,
    loops: HashMap<(usize, u32), LoopInfo>,
    recorder: Option<Box<record::Recorder>>,
    pub stats: JitStats,
    log: Option<std::fs::File>,
}

impl Jit {
    /// Turns the JIT on with `backend`.
    pub fn enable(&mut self, config: JitConfig, backend: Box<dyn Backend>) {
        self.log = config.log.as_ref().and_then(|p| std::fs::File::create(p).ok());
        let l = layout::layout();
        self.log(&format!("; object layout for direct access: {l:?}\n"));
        self.config = config;
        self.backend = Some(backend);
        self.enabled = true;
    }

    pub(crate) fn spec_on(&self, kind: &str) -> bool {
        !self.config.disabled.iter().any(|k| k == kind)
    }

    /// GC roots: the words baked into compiled traces and the recording in progress.
    pub(crate) fn trace_roots(&self, t: &mut dyn crate::gc::trace::Tracer) {
        for l in self.loops.values() {
            if let LoopState::Compiled(c) = &l.state {
                for v in &c.consts {
                    t.value(*v);
                }
            }
        }
        if let Some(r) = &self.recorder {
            for v in &r.consts {
                t.value(*v);
            }
        }
    }

    fn log(&mut self, text: &str) {
        if let Some(f) = &mut self.log {
            let _ = f.write_all(text.as_bytes());
        }
    }

    fn note_abort(&mut self, key: (usize, u32), reason: &str) {
        self.stats.aborted += 1;
        *self.stats.abort_reasons.entry(reason.to_owned()).or_insert(0) += 1;
        let max = self.config.max_aborts;
        let max_threshold = self.config.threshold.saturating_sub(1);
        let mut black = false;
        if let Some(l) = self.loops.get_mut(&key) {
            // A loop that ended while being recorded is not at fault: try again at its
            // next back edge.
            if reason == "loop exit" {
                l.count = max_threshold;
            } else {
                l.aborts += 1;
                l.count = 0;
            }
            if l.aborts >= max {
                l.state = LoopState::Blacklisted;
                black = true;
            }
        }
        if black {
            self.stats.blacklisted += 1;
        }
        self.log(&format!("; abort loop {:#x}:{}: {reason}\n", key.0, key.1));
    }

    /// The counters as text (`--jit-stats`).
    pub fn stats_text(&self) -> String {
        let s = &self.stats;
        let mut out = format!(
            "jit: backend {}, threshold {}\njit: loops recorded {}, compiled {}, aborted {}, blacklisted {}, trace entries {}\n",
            self.backend.as_ref().map(|b| b.name()).unwrap_or("none"),
            self.config.threshold,
            s.recorded,
            s.compiled,
            s.aborted,
            s.blacklisted,
            s.entries
        );
        for (r, n) in &s.abort_reasons {
            out.push_str(&format!("jit: abort {r}: {n}\n"));
        }
        for (i, k) in KINDS.iter().enumerate() {
            if s.guards[i] != 0 || s.exits[i] != 0 {
                out.push_str(&format!("jit: guards {k}: {} emitted, {} failed\n", s.guards[i], s.exits[i]));
            }
        }
        out
    }
}

/// Failed constant-global guards after which a compiled loop is dropped.
const MAX_GLOBAL_FAILS: u32 = 100;

/// What the interpreter does at a loop back edge (the frame is already at the header).
pub(crate) enum BackEdge {
    /// Keep interpreting.
    Go,
    /// Switch to recording from the header.
    Record,
    /// A compiled trace ran; the frame is at its exit point, or the exception must be
    /// raised at that statement.
    Ran(Result<(), (PyErr, ErrInfo)>),
}

/// Counts a back edge to `(code, frame.block)`, and starts recording or runs the trace.
pub(crate) fn back_edge(vm: &mut Vm, frame: &mut Frame, code: &Code) -> BackEdge {
    let key = (code as *const Code as usize, frame.block);
    let threshold = vm.jit.config.threshold.max(1);
    let recording = vm.jit.recorder.is_some();
    let entry = vm.jit.loops.entry(key).or_insert_with(|| LoopInfo {
        _code: frame.code.clone(),
        count: 0,
        aborts: 0,
        state: LoopState::Counting,
    });
    match &entry.state {
        LoopState::Blacklisted => BackEdge::Go,
        LoopState::Compiled(c) => {
            let c = c.clone();
            if c.global_fails.get() > MAX_GLOBAL_FAILS {
                entry.state = LoopState::Blacklisted;
                vm.jit.stats.blacklisted += 1;
                *vm.jit.stats.abort_reasons.entry("globals keep changing".to_owned()).or_insert(0) += 1;
                return BackEdge::Go;
            }
            match exit::enter(vm, frame, code, &c) {
                Some(r) => BackEdge::Ran(r),
                None => BackEdge::Go,
            }
        }
        LoopState::Counting => {
            entry.count += 1;
            if entry.count < threshold || recording {
                return BackEdge::Go;
            }
            entry.count = 0;
            match record::Recorder::start(vm, frame, code) {
                Ok(r) => {
                    vm.jit.stats.recorded += 1;
                    vm.jit.recorder = Some(Box::new(r));
                    BackEdge::Record
                }
                Err(reason) => {
                    vm.jit.note_abort(key, reason);
                    BackEdge::Go
                }
            }
        }
    }
}

/// The recording hook, called before each statement of the recording frame. Returns false
/// when recording has ended (compiled or aborted): the frame goes back to interpreting.
pub(crate) fn record_stmt(vm: &mut Vm, frame: &mut Frame, code: &Code) -> bool {
    let Some(mut rec) = vm.jit.recorder.take() else {
        return false;
    };
    if !std::ptr::eq(rec.frame, frame as *const Frame) {
        // Another frame's recording: not ours to touch.
        vm.jit.recorder = Some(rec);
        return false;
    }
    match rec.record(vm, frame, code) {
        Ok(record::Step::Continue) => {
            vm.jit.recorder = Some(rec);
            true
        }
        Ok(record::Step::Done) => {
            let key = rec.key();
            let trace = rec.finish_trace();
            compile(vm, key, *rec, trace);
            false
        }
        Err(reason) => {
            let key = rec.key();
            vm.jit.note_abort(key, reason);
            false
        }
    }
}

/// Abandons the recording of `frame` (it raised, returned or yielded).
pub(crate) fn abort_recording(vm: &mut Vm, frame: &Frame, reason: &str) {
    if let Some(rec) = vm.jit.recorder.take() {
        if std::ptr::eq(rec.frame, frame as *const Frame) {
            let key = rec.key();
            vm.jit.note_abort(key, reason);
        } else {
            vm.jit.recorder = Some(rec);
        }
    }
}

fn compile(vm: &mut Vm, key: (usize, u32), rec: record::Recorder, trace: Result<Trace, &'static str>) {
    let trace = match trace {
        Ok(t) => t,
        Err(reason) => {
            vm.jit.note_abort(key, reason);
            return;
        }
    };
    let name = format!("loop {}:{} block {}", rec.code.filename(), rec.code.first_line, key.1);
    vm.jit.log(&format!("; ---- trace for {name} (recorded)\n{trace}\n"));
    let trace = optimize(trace);
    vm.jit.log(&format!("; ---- trace for {name} (optimized)\n{trace}\n"));
    if let Err(e) = trace.check() {
        vm.jit.log(&format!("; invalid trace: {e}\n"));
        vm.jit.note_abort(key, "invalid trace");
        return;
    }
    let Some(backend) = vm.jit.backend.as_mut() else {
        return;
    };
    match backend.compile(&trace) {
        Ok(code) => {
            let dis = code.disassembly();
            if !dis.is_empty() {
                vm.jit.log(&format!("; ---- machine code for {name} ({} bytes)\n{dis}\n", code.code_size()));
            }
            for (i, n) in rec.guards.iter().enumerate() {
                vm.jit.stats.guards[i] += n;
            }
            let compiled = exit::CompiledLoop::new(trace, code, rec.params, rec.consts, rec.globals);
            vm.jit.stats.compiled += 1;
            if let Some(l) = vm.jit.loops.get_mut(&key) {
                l.state = LoopState::Compiled(Rc::new(compiled));
            }
        }
        Err(e) => {
            vm.jit.log(&format!("; backend refused: {e}\n"));
            vm.jit.note_abort(key, "backend error");
        }
    }
}

/// The tracer's optimizer passes (constant folding, CSE, redundant guards, DCE). Exit
/// numbers are op indices of the optimized trace, which is the one `CompiledLoop` keeps.
fn optimize(trace: Trace) -> Trace {
    krait_tracer::opt::optimize(&trace, &krait_tracer::opt::OptOptions::default())
}
