//! The tracing JIT's Python side: hot loops of the flat CFG become traces of the
//! language-neutral IR (`krait_tracer::ir`), which a `Backend` compiles.
//!
//! ```text
//!  interp::run::<RUN>    back edge ──▶ back_edge(): count; hot? ──▶ Record
//!        │                                    │ compiled? ──▶ exit::run(): run the trace and
//!        │                                    │   the bridges and loops its exits lead to,
//!        │                                    │   rebuild the frame at the last exit
//!  interp::run::<RECORD> before each statement ──▶ record_stmt() ──▶ record.rs (+ arith.rs,
//!                                                   iter.rs, ...): IR specialized on what
//!                                                   the interpreter is about to do
//!  back at the header ──▶ Recorder::finish ──▶ optimize ──▶ Backend::compile ──▶ cache
//!  at another loop's header ──▶ Recorder::finish_link (a bridge, or a loop's path into
//!                               an inner loop) ──▶ ... ──▶ hung off its parent's exit
//! ```
//!
//! # Recording
//!
//! When a loop header's back-edge counter reaches the threshold, the frame switches to the
//! `RECORD` copy of the statement loop: before each statement the recorder looks at the
//! operands the interpreter is about to use (real values in the frame), emits IR that does
//! the same for values of those types, and the interpreter then runs the statement as
//! usual. Recording ends when control comes back to the header by its back edge (the trace
//! is compiled), when it reaches the header of another loop (see "Bridges and links"), or
//! aborts when anything else happens: the frame returns, yields or raises, the trace
//! grows too long, or the path leaves where the recorder expected it. Repeated aborts
//! blacklist the loop.
//!
//! # Bridges and links
//!
//! A trace that reaches the header of another loop (an inner loop it enters, or for a
//! bridge any loop header, its own loop's included) ends there with an unconditional
//! `exit` of kind `link`, whose snapshot makes the frame exact at that header. A guard
//! exit taken often (`bridge_threshold`: the loop threshold, at most 40) gets a bridge:
//! a trace recorded from the statement the exit resumes at, in the same way as a loop,
//! which ends at the first loop header it reaches, or at a `return` of its frame with an
//! unconditional exit of kind `leave` (the interpreter makes the return). Loops whose
//! runs are too short to pay for entering them, or that keep aborting, are blacklisted:
//! their header block is marked `jit_cold` and their back edges no longer reach the JIT.
//! `exit::run` is the dispatcher: after a
//! trace leaves, it enters the bridge of that exit if there is one, or at a `link` exit the
//! trace of the loop at that header (counting the back edge when it has none yet, so
//! outer loops whose back edges only compiled code takes still get hot), and returns to
//! the interpreter otherwise. Every step goes through the frame (values are boxed at the
//! exit and unboxed at the next entry), so the interpreter can take over after any of
//! them. Nested loops thus run as a chain: outer trace -> inner loop's trace -> bridge
//! of its loop exit -> outer trace. Bridges hang off their parent's exit (`ExitInfo`), so
//! they form a tree per loop; exits of bridges get bridges of their own.
//!
//! # Values in a trace and frame memory
//!
//! Every frame slot has a state in the recorder (`record::SlotState`): either its value is
//! in frame memory (`Mem`, read with a `Load` when first needed), or an SSA value holds it,
//! flagged with whether frame memory also holds it (`in_mem`). Every value the trace
//! writes to a slot stays "dirty" in its SSA value (unboxed ints and floats, boxed words,
//! bools) until something needs frame memory to hold it: an exit (its snapshot names the
//! dirty live slots, and the exit writes them back), the end of an iteration (slots live
//! at the header that are no parameters), the end of a trace that links to another loop
//! (words and bools; linked traces hand over only ints and floats), or a helper that reads
//! the frame. Temporaries that die within an iteration are never stored. Words held only
//! in SSA values stay GC roots through the conservative scan of the native stack and
//! registers, which the backends guarantee across calls. Statements the recorder does not
//! specialize run through a runtime helper that executes exactly that statement in the
//! interpreter (`helpers::jit_step`); before such a call every dirty slot is boxed and
//! stored, afterwards the slots the statement wrote are back in `Mem` state.
//!
//! # Loop parameters and snapshots
//!
//! Parameters are the context pointer, the frame's slot array, the range iterators the
//! loop steps, and every slot that held a small int or a float at the start of recording
//! (named locals, and temporaries live at the header), typed `Int`/`Float`. The trace is
//! entered only when the frame's values have those types again (`exit::enter` unboxes
//! them). A snapshot names the slots whose value frame memory does not hold (the dirty
//! and live ones: `liveness::Liveness` at the resume point); every other slot keeps the
//! frame's value. Its `meta` is `block << 32 | stmt`, the
//! statement where the interpreter resumes: for guards before a statement's side effects
//! that is the statement itself (it runs again, from the start), for guards after a
//! helper has done the work it is the statement that follows. An exception raised by a
//! helper is parked in the context and raised at the helper's statement on exit, so no
//! side effect ever happens twice.
//!
//! # Inlined calls (virtual frames)
//!
//! Calls to small Python functions and methods are inlined (`inline.rs`): the callee's
//! frame is virtual, its slots SSA values appended to the recorder's slot states, and
//! the callee's interpreter frame runs in `RECORD` mode so its statements are recorded
//! like the loop's. Snapshots inside an inlined call have one frame per level, outermost
//! first; the real frame's `meta` is then the position of its call statement and the
//! inlined frames' `meta` index a table of (code, function, position). An exit rebuilds
//! the real frame as usual, then materializes and runs the inlined frames innermost
//! first (`inline::resume`), leaving the real frame after its call statement.

mod arith;
mod attr;
mod calls;
mod exit;
mod helpers;
mod inline;
mod iter;
mod layout;
pub(crate) mod liveness;
mod record;

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
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
    "link",         // (not a guard) the unconditional exit ending a trace at a loop header
    "leave",        // (not a guard) the unconditional exit ending a bridge at a `return`
    "alias",        // two objects whose attributes a loop stores are not the same object
    "int-range",    // a loop-carried int enters the loop in the interval the loop keeps it in
];

/// `KINDS` indices the exit path tests.
pub(crate) const KIND_BOX: u8 = 4;
pub(crate) const KIND_GLOBAL: u8 = 9;
pub(crate) const KIND_LINK: u8 = 10;
pub(crate) const KIND_LEAVE: u8 = 11;

#[test]
fn kind_constants() {
    assert_eq!(KINDS[KIND_BOX as usize], "box");
    assert_eq!(KINDS[KIND_GLOBAL as usize], "global");
    assert_eq!(KINDS[KIND_LINK as usize], "link");
    assert_eq!(KINDS[KIND_LEAVE as usize], "leave");
}

/// Kinds `--jit-no=` may switch off, with what switching them off does.
pub const SWITCHABLE: &[(&str, &str)] = &[
    ("int-overflow", "int arithmetic runs through the interpreter's helper"),
    ("float", "float arithmetic runs through the interpreter's helper"),
    ("range", "for-range loops step the iterator through a helper"),
    ("global", "globals and builtins are looked up by the interpreter's helper"),
    ("branch", "no trace is compiled (every trace has branch guards)"),
    ("link", "exits run on into bridges and loops through the interpreter's dispatcher, not in machine code"),
    ("inline", "calls to Python functions are not inlined (they run through the interpreter's helper)"),
    ("licm", "loop-invariant loads, guards and arithmetic stay in the loop (no preamble)"),
    (
        "int-range",
        "loop-carried ints are not guarded into intervals on entry, and no overflow check or guard is \
         dropped for what intervals show",
    ),
    (
        "alias",
        "attribute stores are not guarded apart from other objects' attributes, so loads of an object's \
         attributes that a loop also stores to another object's stay in the loop",
    ),
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
    /// Bridges recorded, compiled and aborted; entries into bridges.
    pub bridges_recorded: u64,
    pub bridges_compiled: u64,
    pub bridges_aborted: u64,
    pub bridge_entries: u64,
    /// Exits that rebuilt inlined frames (`inline::resume`: the interpreter finishes them).
    pub inlined_exits: u64,
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
    code: Rc<Code>,
    count: u32,
    aborts: u32,
    state: LoopState,
    /// Times its trace was dropped to be recorded again with medium-int slots boxed.
    retyped: u32,
    /// Recordings that ended because the loop exited before its next back edge.
    exit_aborts: u32,
    /// Times its trace was dropped to be recorded again through loops that turned out to
    /// run too short (`cfg::Block::jit_unroll`).
    rerecorded: u32,
}

impl LoopInfo {
    /// Gives up on the loop headed by `block`: its back edges no longer reach the JIT
    /// (`cfg::Block::jit_cold`).
    fn blacklist(&mut self, block: u32) {
        self.state = LoopState::Blacklisted;
        if let Some(b) = self.code.blocks.get(block as usize) {
            b.jit_cold.set(true);
        }
    }

    /// Gives up on the loop headed by `block` because its runs are too short, and lets
    /// the traces of other loops record through its iterations (`cfg::Block::jit_unroll`).
    fn blacklist_short(&mut self, block: u32) {
        self.blacklist(block);
        if let Some(b) = self.code.blocks.get(block as usize) {
            b.jit_unroll.set(true);
        }
    }
}

/// The JIT's state, held by the `Vm`.
#[derive(Default)]
pub struct Jit {
    /// Whether back edges count and traces run (`--jit=trace`).
    pub enabled: bool,
    pub config: JitConfig,
    backend: Option<Box<dyn Backend>>,
    loops: HashMap<(usize, u32), LoopInfo, BuildHasherDefault<KeyHasher>>,
    /// Reused parameter and exit buffers (`exit::enter`).
    scratch: Vec<Vec<u64>>,
    /// Every compiled trace, by tag - 1 (natively linked chains report the tag of the
    /// trace that left).
    traces: Vec<std::rc::Weak<exit::CompiledLoop>>,
    recorder: Option<Box<record::Recorder>>,
    /// Compiled code running now (runs nest when a helper re-enters the interpreter):
    /// the collector's write-barrier fallback (`gc::barrier`) must know.
    running: u32,
    pub stats: JitStats,
    log: Option<std::fs::File>,
    /// Codes not to inline, and the descriptions of inlined frames (`inline.rs`).
    inline: inline::InlineMemo,
    /// Traces and bridges compiled so far: a loop whose runs are short is not dropped
    /// while new code keeps appearing (`back_edge`).
    generation: u64,
    /// Slots (code address, slot) seen holding an int beyond the inline range where a
    /// trace wanted an unboxed int: recordings keep them boxed (`record::Recorder::start`).
    medium: std::collections::HashSet<(usize, u32), BuildHasherDefault<KeyHasher>>,
}

impl Jit {
    /// Turns the JIT on with `backend`.
    pub fn enable(&mut self, config: JitConfig, backend: Box<dyn Backend>) {
        self.log = config.log.as_ref().and_then(|p| std::fs::File::create(p).ok());
        let l = layout::layout();
        self.log(format_args!("; object layout for direct access: {l:?}\n"));
        self.config = config;
        self.backend = Some(backend);
        self.enabled = true;
    }

    /// Notes that slot `s` of `code` held an int beyond the inline range where a trace
    /// took or produced an unboxed int.
    pub(crate) fn note_medium(&mut self, code: &Code, s: u32) {
        if self.medium.insert((code as *const Code as usize, s)) {
            self.log(format_args!(
                "; slot {s} of {:#x} holds ints beyond the inline range\n",
                code as *const Code as usize
            ));
        }
    }

    /// Whether slot `s` of `code` was seen holding an int beyond the inline range.
    pub(crate) fn is_medium(&self, code: &Code, s: u32) -> bool {
        !self.medium.is_empty() && self.medium.contains(&(code as *const Code as usize, s))
    }

    pub(crate) fn spec_on(&self, kind: &str) -> bool {
        !self.config.disabled.iter().any(|k| k == kind)
    }

    /// GC roots: the words baked into compiled traces and the recording in progress.
    pub(crate) fn trace_roots(&self, t: &mut dyn crate::gc::trace::Tracer) {
        for l in self.loops.values() {
            if let LoopState::Compiled(c) = &l.state {
                c.each_const(&mut |v| t.value(v));
            }
        }
        if let Some(r) = &self.recorder {
            for v in &r.consts {
                t.value(*v);
            }
        }
    }

    /// Whether a trace is being recorded.
    pub fn is_recording(&self) -> bool {
        self.recorder.is_some()
    }

    /// Whether compiled code is running (suspended below the caller).
    pub fn in_trace(&self) -> bool {
        self.running != 0
    }

    /// Writes to the log (`KRAIT_JIT_LOG`); the text is formatted only when there is one.
    pub(crate) fn log(&mut self, text: std::fmt::Arguments) {
        if let Some(f) = &mut self.log {
            let _ = f.write_fmt(text);
        }
    }

    /// Whether a log is being written.
    pub(crate) fn logging(&self) -> bool {
        self.log.is_some()
    }

    /// Exits taken before a bridge is recorded for them: the loop threshold, but at most
    /// `BRIDGE_THRESHOLD` (so `--jit-threshold=1` bridges every exit at once).
    pub(crate) fn bridge_threshold(&self) -> u32 {
        self.config.threshold.clamp(1, BRIDGE_THRESHOLD)
    }

    /// Counts a failed recording of `rec` (a loop or a bridge) and blacklists what failed
    /// too often.
    fn abort(&mut self, rec: &record::Recorder, reason: &str) {
        let reason = inline::blame(&mut self.inline, rec, reason).unwrap_or(reason);
        match &rec.target {
            record::Target::Loop => self.note_abort(rec.key(), reason),
            record::Target::Bridge { parent, exit } => {
                self.stats.bridges_aborted += 1;
                *self.stats.abort_reasons.entry(format!("bridge: {reason}")).or_insert(0) += 1;
                if let Some(e) = parent.exit(*exit) {
                    e.bridge_aborts.set(e.bridge_aborts.get() + 1);
                    e.taken.set(0);
                }
                self.log(format_args!("; abort bridge at exit {exit}: {reason}\n"));
            }
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
            // next back edge. One that keeps ending there makes a single trip per run
            // (a `while` that runs its body once each time it is reached): it is given
            // up like a compiled loop whose runs are too short, and the traces of the
            // loops around it take in its iterations.
            if reason == "loop exit" {
                l.exit_aborts += 1;
                l.count = max_threshold;
                if l.exit_aborts >= MAX_EXIT_ABORTS {
                    l.blacklist_short(key.1);
                    black = true;
                    *self.stats.abort_reasons.entry("runs too short".to_owned()).or_insert(0) += 1;
                }
            } else if inline::is_inline_reason(reason) {
                l.count = max_threshold;
            } else {
                l.aborts += 1;
                l.count = 0;
            }
            if l.aborts >= max && !black {
                l.blacklist(key.1);
                black = true;
            }
        }
        if black {
            self.stats.blacklisted += 1;
        }
        self.log(format_args!("; abort loop {:#x}:{}: {reason}\n", key.0, key.1));
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
        if s.bridges_recorded != 0 {
            out.push_str(&format!(
                "jit: bridges recorded {}, compiled {}, aborted {}, bridge entries {}\n",
                s.bridges_recorded, s.bridges_compiled, s.bridges_aborted, s.bridge_entries
            ));
        }
        if s.inlined_exits != 0 {
            out.push_str(&format!("jit: exits inside inlined calls: {}\n", s.inlined_exits));
        }
        for (r, n) in &s.abort_reasons {
            out.push_str(&format!("jit: abort {r}: {n}\n"));
        }
        for (i, k) in KINDS.iter().enumerate() {
            if i == KIND_LINK as usize {
                if s.exits[i] != 0 {
                    out.push_str(&format!("jit: link exits (trace ends at a loop header): {}\n", s.exits[i]));
                }
                continue;
            }
            if i == KIND_LEAVE as usize {
                if s.exits[i] != 0 {
                    out.push_str(&format!("jit: leave exits (bridge ends at a return): {}\n", s.exits[i]));
                }
                continue;
            }
            if s.guards[i] != 0 || s.exits[i] != 0 {
                out.push_str(&format!("jit: guards {k}: {} emitted, {} failed\n", s.guards[i], s.exits[i]));
            }
        }
        out
    }
}

/// The hash of loop keys (code address, block): a multiply-and-rotate over the words,
/// far cheaper than SipHash on the back-edge path; the keys are not attacker-chosen.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// Failed constant-global guards after which a compiled loop is dropped.
const MAX_GLOBAL_FAILS: u32 = 100;

/// Runs of a loop's trace (from the interpreter's back edge) over which the trips they
/// make are counted; a loop whose runs made fewer than `MIN_TRIPS_PER_RUN` trips each on
/// average in such a window is dropped: entering and leaving cost more than the trace saves.
const RUN_WINDOW: u32 = 100;
/// Recordings ending at a loop exit (each retried at the next back edge, so in runs that
/// follow each other) after which the loop is given up: its runs make one trip each.
const MAX_EXIT_ABORTS: u32 = 3;
/// Times a loop's trace is dropped to be recorded again through inner loops found to run
/// too short.
const MAX_RERECORDS: u32 = 2;
const MIN_TRIPS_PER_RUN: u64 = 2;

/// Entries of a loop's trace with an int parameter beyond the inline range (48 bits)
/// after which the loop is recorded again with that slot boxed, at most `MAX_RETYPES`
/// times: such a trace falls back to the dispatcher at each boxing and native link
/// (meteor_contest's 50-bit masks).
const MEDIUM_ENTRIES: u32 = 50;
const MAX_RETYPES: u32 = 6;

/// Windows in a row whose runs were too short that do not drop a loop because new code
/// was compiled meanwhile.
const MAX_REPRIEVES: u32 = 10;

/// Times a guard's exit is taken before a bridge is recorded from it (at most). Compiling
/// a bridge costs about as much as interpreting a few thousand statements, so exits taken
/// only a handful of times are left to the interpreter (at 10, hexiom compiled ~130 bridges
/// and spent a quarter of its time more than `--jit=off`).
const BRIDGE_THRESHOLD: u32 = 40;

/// The compiled trace of the loop whose header is `block` of `code`, if any.
pub(crate) fn compiled_at(vm: &Vm, code: &Code, block: u32) -> Option<Rc<exit::CompiledLoop>> {
    match &vm.jit.loops.get(&(code as *const Code as usize, block))?.state {
        LoopState::Compiled(c) => Some(c.clone()),
        _ => None,
    }
}

/// Starts recording a bridge from exit `exit` of `parent` (the frame is at that exit).
pub(crate) fn start_bridge(
    vm: &mut Vm,
    frame: &Frame,
    code: &Code,
    parent: &Rc<exit::CompiledLoop>,
    exit: u32,
) -> bool {
    if vm.jit.recorder.is_some() {
        return false;
    }
    let target = record::Target::Bridge { parent: parent.clone(), exit };
    match record::Recorder::start(vm, frame, code, target) {
        Ok(r) => {
            vm.jit.stats.bridges_recorded += 1;
            vm.jit.recorder = Some(Box::new(r));
            true
        }
        Err(reason) => {
            if let Some(e) = parent.exit(exit) {
                e.bridge_aborts.set(u32::MAX);
            }
            vm.jit.log(format_args!("; no bridge at exit {exit}: {reason}\n"));
            false
        }
    }
}

/// What the interpreter does at a loop back edge (the frame is already at the header).
pub(crate) enum BackEdge {
    /// Keep interpreting.
    Go,
    /// Switch to recording from the header.
    Record,
    /// A compiled trace ran; the frame is at its exit point, or the exception must be
    /// raised at that statement.
    Ran(Result<(), (PyErr, ErrInfo)>),
    /// A compiled trace ran and left through a hot exit: record a bridge from the frame's
    /// position.
    RanRecord,
}

/// Counts a back edge to `(code, frame.block)`, and starts recording or runs the trace.
pub(crate) fn back_edge(vm: &mut Vm, frame: &mut Frame, code: &Code) -> BackEdge {
    if code.blocks[frame.block as usize].jit_cold.get() || crate::threads::active() {
        return BackEdge::Go;
    }
    let key = (code as *const Code as usize, frame.block);
    let entry = loop_at(vm, frame, key);
    match &entry.state {
        LoopState::Blacklisted => BackEdge::Go,
        LoopState::Compiled(c) => {
            let c = c.clone();
            if c.global_fails.get() > MAX_GLOBAL_FAILS {
                entry.blacklist(key.1);
                vm.jit.stats.blacklisted += 1;
                *vm.jit.stats.abort_reasons.entry("globals keep changing".to_owned()).or_insert(0) += 1;
                return BackEdge::Go;
            }
            let ran = exit::run(vm, frame, code, c.clone());
            if c.runs.get() >= RUN_WINDOW {
                let mut short = c.trips.get() < u64::from(c.runs.get()) * MIN_TRIPS_PER_RUN;
                // Runs are short while the bridges and loops they lead to are still being
                // compiled (a loop's exits get bridges only after `BRIDGE_THRESHOLD`
                // exits): judge the loop once the code around it has settled.
                let generation = vm.jit.generation;
                let grew = c.window_gen.replace(generation) != generation;
                if short && grew && c.reprieves.get() < MAX_REPRIEVES {
                    c.reprieves.set(c.reprieves.get() + 1);
                    short = false;
                } else if !short {
                    c.reprieves.set(0);
                }
                vm.jit.log(format_args!(
                    "; loop {:#x}:{}: {} runs made {} trips\n",
                    key.0,
                    key.1,
                    c.runs.get(),
                    c.trips.get()
                ));
                c.runs.set(0);
                c.trips.set(0);
                if short {
                    c.dead.set(true);
                    // Runs that end where the trace links to a loop given up since (one
                    // trip per run) get longer when recorded again through that loop.
                    let unroll = c.links_to(|b| code.blocks.get(b as usize).is_some_and(|b| b.jit_unroll.get()));
                    let rerecord = vm.jit.loops.get(&key).is_some_and(|l| unroll && l.rerecorded < MAX_RERECORDS);
                    if let Some(l) = vm.jit.loops.get_mut(&key) {
                        if rerecord {
                            l.rerecorded += 1;
                            l.state = LoopState::Counting;
                            l.count = 0;
                        } else {
                            l.blacklist_short(key.1);
                        }
                    }
                    if rerecord {
                        vm.jit.log(format_args!("; drop loop {:#x}:{}: record it through short loops\n", key.0, key.1));
                    } else {
                        vm.jit.stats.blacklisted += 1;
                        *vm.jit.stats.abort_reasons.entry("runs too short".to_owned()).or_insert(0) += 1;
                        vm.jit.log(format_args!("; drop loop {:#x}:{}: runs too short\n", key.0, key.1));
                    }
                }
            }
            if c.medium.get() >= MEDIUM_ENTRIES && !c.dead.get() {
                retype(vm, &c, key);
            }
            match ran {
                Some(exit::Ran::Done(r)) => BackEdge::Ran(r),
                Some(exit::Ran::Record) => BackEdge::RanRecord,
                None => BackEdge::Go,
            }
        }
        LoopState::Counting => {
            if count_hot(vm, frame, code, key) {
                BackEdge::Record
            } else {
                BackEdge::Go
            }
        }
    }
}

/// Drops the trace `c` of loop `key`, entered too often with ints beyond the inline range
/// in its int parameters, so that the loop is recorded again with those slots boxed
/// (`Jit::note_medium`); at most `MAX_RETYPES` times per loop.
fn retype(vm: &mut Vm, c: &exit::CompiledLoop, key: (usize, u32)) {
    c.medium.set(0);
    let Some(l) = vm.jit.loops.get_mut(&key) else { return };
    if l.retyped >= MAX_RETYPES {
        return;
    }
    l.retyped += 1;
    l.state = LoopState::Counting;
    l.count = 0;
    c.dead.set(true);
    *vm.jit.stats.abort_reasons.entry("dropped for ints beyond the inline range".to_owned()).or_insert(0) += 1;
    vm.jit.log(format_args!("; drop loop {:#x}:{}: ints beyond the inline range\n", key.0, key.1));
}

/// The loop `key` (the header the frame is at), known from now on.
fn loop_at<'a>(vm: &'a mut Vm, frame: &Frame, key: (usize, u32)) -> &'a mut LoopInfo {
    vm.jit.loops.entry(key).or_insert_with(|| LoopInfo {
        code: frame.code.clone(),
        count: 0,
        aborts: 0,
        state: LoopState::Counting,
        retyped: 0,
        exit_aborts: 0,
        rerecorded: 0,
    })
}

/// Counts a back edge of the counting loop `key`; true when it got hot and recording it
/// has started.
fn count_hot(vm: &mut Vm, frame: &Frame, code: &Code, key: (usize, u32)) -> bool {
    let threshold = vm.jit.config.threshold.max(1);
    let recording = vm.jit.recorder.is_some();
    let Some(entry) = vm.jit.loops.get_mut(&key) else { return false };
    entry.count += 1;
    if entry.count < threshold || recording {
        return false;
    }
    if iter::about_to_exit(frame, code, key.1) {
        // Try again at the next back edge, when the loop runs on. A loop that is always
        // about to end there makes one trip per run: given up as for aborted recordings
        // that end at the loop exit (`Jit::note_abort`).
        entry.count = threshold - 1;
        entry.exit_aborts += 1;
        if entry.exit_aborts >= MAX_EXIT_ABORTS {
            entry.blacklist_short(key.1);
            vm.jit.stats.blacklisted += 1;
            *vm.jit.stats.abort_reasons.entry("runs too short".to_owned()).or_insert(0) += 1;
            vm.jit.log(format_args!("; drop loop {:#x}:{}: runs too short\n", key.0, key.1));
        }
        return false;
    }
    entry.count = 0;
    start_loop(vm, frame, code, key)
}

/// Starts recording the loop `key` whose header the frame is at; false when it cannot.
fn start_loop(vm: &mut Vm, frame: &Frame, code: &Code, key: (usize, u32)) -> bool {
    match record::Recorder::start(vm, frame, code, record::Target::Loop) {
        Ok(r) => {
            vm.jit.stats.recorded += 1;
            vm.jit.recorder = Some(Box::new(r));
            true
        }
        Err(reason) => {
            vm.jit.note_abort(key, reason);
            false
        }
    }
}

/// A back edge taken inside compiled code (a trace's `link` exit) to a loop without a
/// trace: counts it as the interpreter would; true when recording that loop has started.
pub(crate) fn count_linked_back_edge(vm: &mut Vm, frame: &Frame, code: &Code) -> bool {
    let key = (code as *const Code as usize, frame.block);
    if vm.jit.recorder.is_some() || !matches!(loop_at(vm, frame, key).state, LoopState::Counting) {
        return false;
    }
    count_hot(vm, frame, code, key)
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
            let trace = rec.finish_trace();
            compile(vm, *rec, trace);
            false
        }
        Ok(record::Step::Link(block)) => {
            let trace = rec.finish_link(frame, code, block);
            compile(vm, *rec, trace);
            false
        }
        Ok(record::Step::Leave) => {
            let trace = rec.finish_leave();
            compile(vm, *rec, trace);
            false
        }
        Err(reason) => {
            vm.jit.abort(&rec, reason);
            false
        }
    }
}

/// Whether `frame`, about to run, is a call the recorder is inlining (it then follows the
/// frame, which runs in `RECORD` mode).
#[inline]
pub(crate) fn enter_inlined(vm: &mut Vm, frame: &Frame) -> bool {
    match vm.jit.recorder.as_mut() {
        Some(r) => inline::adopt(r, frame),
        None => false,
    }
}

/// Abandons the recording of `frame` (it raised, returned or yielded).
pub(crate) fn abort_recording(vm: &mut Vm, frame: &Frame, reason: &str) {
    if let Some(rec) = vm.jit.recorder.take() {
        if std::ptr::eq(rec.frame, frame as *const Frame) {
            vm.jit.abort(&rec, reason);
        } else {
            vm.jit.recorder = Some(rec);
        }
    }
}

fn compile(vm: &mut Vm, rec: record::Recorder, trace: Result<Trace, &'static str>) {
    let trace = match trace {
        Ok(t) => t,
        Err(reason) => {
            vm.jit.abort(&rec, reason);
            return;
        }
    };
    let key = rec.key();
    let name = match &rec.target {
        record::Target::Loop => format!("loop {}:{} block {}", rec.code.filename(), rec.code.first_line, key.1),
        record::Target::Bridge { exit, .. } => format!(
            "bridge {}:{} at block {} stmt {} (exit {exit})",
            rec.code.filename(),
            rec.code.first_line,
            rec.start.0,
            rec.start.1
        ),
    };
    vm.jit.log(format_args!("; ---- trace for {name} (recorded)\n{trace}\n"));
    let trace = optimize(trace, vm.jit.spec_on("licm"), vm.jit.spec_on("int-range"));
    vm.jit.log(format_args!("; ---- trace for {name} (optimized)\n{trace}\n"));
    if let Err(e) = trace.check() {
        vm.jit.log(format_args!("; invalid trace: {e}\n"));
        vm.jit.abort(&rec, "invalid trace");
        return;
    }
    let Some(backend) = vm.jit.backend.as_mut() else {
        return;
    };
    let linking = backend.links() && vm.jit.config.disabled.iter().all(|k| k != "link");
    let tag = vm.jit.traces.len() as u32 + 1;
    let compiled = if linking { backend.compile_tagged(&trace, tag) } else { backend.compile(&trace) };
    match compiled {
        Ok(code) => {
            vm.jit.generation += 1;
            let dis = if vm.jit.logging() { code.disassembly() } else { String::new() };
            if !dis.is_empty() {
                vm.jit.log(format_args!("; ---- machine code for {name} ({} bytes)\n{dis}\n", code.code_size()));
            }
            perf_map(&name, code.code_start(), code.code_size());
            for (i, n) in rec.guards.iter().enumerate() {
                vm.jit.stats.guards[i] += n;
            }
            // The optimizer's own guards (`opt::ranges`), which the recorder did not count.
            let ranged = kind_index("int-range");
            vm.jit.stats.guards[ranged as usize] += trace
                .ops
                .iter()
                .filter(|op| matches!(op, krait_tracer::Op::Guard { kind, .. } if kind.0 == ranged))
                .count() as u64;
            let target = rec.target.clone();
            let tag = if linking { tag } else { 0 };
            let (depth, medium) = match &target {
                record::Target::Loop => (0, Rc::default()),
                record::Target::Bridge { parent, .. } => (parent.depth + 1, parent.medium.clone()),
            };
            let compiled = exit::CompiledLoop::new(trace, code, rec.params, rec.consts, rec.globals, tag, depth);
            let compiled = Rc::new(compiled.with_medium(medium, rec.medium));
            compiled.window_gen.set(vm.jit.generation);
            if linking {
                vm.jit.traces.push(Rc::downgrade(&compiled));
            }
            match target {
                record::Target::Loop => {
                    vm.jit.stats.compiled += 1;
                    if let Some(l) = vm.jit.loops.get_mut(&key) {
                        l.state = LoopState::Compiled(compiled);
                    }
                }
                record::Target::Bridge { parent, exit } => {
                    vm.jit.stats.bridges_compiled += 1;
                    if let Some(e) = parent.exit(exit) {
                        *e.bridge.borrow_mut() = Some(compiled);
                    }
                }
            }
        }
        Err(e) => {
            vm.jit.log(format_args!("; backend refused: {e}\n"));
            vm.jit.abort(&rec, "backend error");
        }
    }
}

/// With `KRAIT_PERF_MAP=1`, appends the trace's code range to `/tmp/perf-PID.map`, the
/// symbol map Linux `perf` reads for JIT code, so `perf report` names traces.
fn perf_map(name: &str, start: Option<usize>, size: usize) {
    use std::io::Write;
    let (Some(start), true) = (start, std::env::var_os("KRAIT_PERF_MAP").is_some_and(|v| v == "1")) else {
        return;
    };
    let path = format!("/tmp/perf-{}.map", std::process::id());
    if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = writeln!(f, "{start:x} {size:x} krait {name}");
    }
}

/// The tracer's optimizer passes (constant folding, CSE, redundant guards, DCE, and
/// loop-invariant code motion unless `--jit-no=licm`, integer ranges unless
/// `--jit-no=int-range`). Exit numbers are op indices of the optimized trace, which is the
/// one `CompiledLoop` keeps.
fn optimize(trace: Trace, licm: bool, ranges: bool) -> Trace {
    let opts = krait_tracer::opt::OptOptions { licm, ranges, ..Default::default() };
    krait_tracer::opt::optimize(&trace, &opts)
}
