//! The garbage collector: non-moving mark-sweep over the cells of `crate::heap`.
//!
//! # When it runs: safepoints
//!
//! Native Rust code all over the interpreter keeps `Value`s in Rust heap containers
//! (`Vec<Value>` from `vm.collect`, argument vectors, `items()` snapshots...) while it
//! calls back into Python. Neither the precise roots nor the conservative stack scan can
//! see those. So a collection happens only at explicit *safepoints* of the interpreter
//! loop — loop back-edges (`Jump` to a block at or before the current one, `ForIter`
//! producing an item) and Python function entry (`eval::run_frame`) — and only when the
//! whole native stack below is made of audited code that keeps its values where the
//! collector looks.
//!
//! That is tracked as a whitelist, so new native code is safe by default:
//! `vm.gc.native_depth` counts the Python frames on the stack that were entered by code
//! that was *not* audited. Every entry into Python code goes through `eval::run_frame`
//! or generator resumption, and those increment `native_depth` for the frame they run
//! unless their caller passed `direct = true`. Only these callers do:
//!
//! - the interpreter loop's `Call`/`CallMethod` statements, through `call::call_from_loop`
//!   and `call::call_method_from_loop` to `call_function_in` (Python functions and
//!   bound methods of Python functions; every other callable takes the ordinary path);
//! - `for` loops over generators (`ForIter` -> `generator::resume_in`);
//! - the program's top-level code (`eval::run_code_toplevel`, used by `main.rs`).
//!
//! Everything else — natives (`NativeFunction` calls: their Rust frames may hold `Vec`s of
//! values), dunder dispatch from operators, attribute hooks, `__init__` run by
//! `type.__call__`, imports, `exec`, finalizers — runs Python code with
//! `native_depth > 0`, where safepoints do not collect; their garbage is collected at the
//! next safepoint after they return. (The frames in between the audited callers and the
//! callee hold only values that are also in the caller's frame slots, in Rust locals
//! (found by the stack scan) or in the new frame, which is registered before it runs.)
//!
//! # Roots
//!
//! At a safepoint the live values are:
//! - the slots and other values of every registered frame (`vm.frames`: frames run by
//!   `run_frame` and running generator frames), see `trace::trace_frame`;
//! - everything the `Vm` holds (`Vm::trace_roots`, which destructures the `Vm`
//!   exhaustively), this module's own state (pending finalizers, `gc.garbage`...);
//! - the constants and names of every live code object (`register_code` keeps a registry
//!   of `Weak<Code>`: whoever holds an `Rc<Code>`, its values stay alive);
//! - a conservative scan of the native stack from the current stack pointer to the
//!   interpreter thread's stack base, plus the callee-saved registers (`stack.rs`): a
//!   word counts if it is a NaN-boxed pointer (tag 0xFFFA) or a raw address anywhere
//!   inside an allocated cell (interior pointers count).
//!
//! Thread-locals holding values elsewhere in the crate: the attribute lookup caches
//! (`eval::attr`, keyed by addresses) are cleared after every collection that frees
//! objects (`attr::clear_cache`); the interned-name table, the `object.__getattribute__`
//! hooks and `object.__new__`/`__init__` natives, the std-stream pointer and the
//! bootstrap list hold objects that are also reachable from the `Vm` (interned strings,
//! builtin class dicts, `vm.state`); `SLOT_POOL` holds dead slot vectors that are cleared
//! before reuse; `REPR_ACTIVE` holds addresses of objects on the stack of the repr call.
//!
//! # Destructors
//!
//! Sweeping drops dead `PyObj`s in place, which runs their Rust destructors (freeing
//! payload buffers, closing files). Dead objects may refer to each other and are dropped
//! in address order, so no destructor (`Drop` of a payload or `NativeData`) may
//! dereference a `Value`.
//!
//! # Finalizers
//!
//! CPython 3.4+ semantics: after marking, every unreachable object whose class defines
//! `__del__` and that was not finalized before is flagged finalized and resurrected
//! (marked, with everything it reaches) for this cycle; its `__del__` runs after the
//! sweep, still at the safepoint. If it is still unreachable at a later collection it is
//! freed without running `__del__` again. Exceptions in `__del__` are printed as
//! "Exception ignored in: ..." like CPython's unraisable hook.
//!
//! # Triggering
//!
//! Allocation only counts: bytes of cells allocated since the last collection plus the
//! growth of the system allocator's bytes in use (`counting.rs`, which sees list items,
//! strings, big ints...). Past the budget it raises `WANTED`, an atomic flag the
//! safepoints test; the collection itself waits for a safepoint. After a collection the
//! budget is `max(INITIAL_THRESHOLD, live bytes * GROWTH)`, so collection work stays
//! proportional to allocation as the live heap grows.
//!
//! # Stress mode
//!
//! `KRAIT_GC_STRESS=N` collects at every Nth safepoint (`1`: every safepoint). Collection
//! points are safepoints, not every allocation: collecting inside an arbitrary allocation
//! would free values that native code holds in Rust heap containers (see above). Freed
//! cells are poisoned in stress mode so a use after free fails loudly.

pub mod counting;
pub mod module;
pub mod stack;
pub mod trace;

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::time::Instant;

use crate::cfg::Code;
use crate::heap::{self, Heap, CELL, INITIAL_THRESHOLD};
use crate::object::{class_flags, PyObj};
use crate::value::Value;
use crate::vm::Vm;

use trace::Tracer;

/// Live-heap multiple allowed to be allocated before the next collection.
const GROWTH: usize = 1;

/// Flag bit in `PyObj::gc`: `__del__` has been run (or queued) for this object.
pub const FINALIZED: u32 = 1;

/// A collection is wanted at the next safepoint (set by allocation, tested by safepoints).
static WANTED: AtomicBool = AtomicBool::new(false);

/// Asks for a collection at the next safepoint.
#[inline]
pub fn request() {
    WANTED.store(true, Relaxed);
}

thread_local! {
    /// VMs created on this thread. Collection needs the roots of every VM whose objects
    /// live in this thread's heap, so it only runs when there is exactly one.
    static VMS: Cell<u32> = const { Cell::new(0) };
    /// Every code object made on this thread (see the module docs: roots).
    static CODES: RefCell<Vec<Weak<Code>>> = const { RefCell::new(Vec::new()) };
}

/// Records a new code object: while any `Rc` to it lives, its values are roots.
pub fn register_code(c: &Rc<Code>) {
    CODES.with(|v| v.borrow_mut().push(Rc::downgrade(c)));
}

/// Collector statistics (what `gc.get_stats()` reports).
#[derive(Default, Clone, Copy)]
pub struct Stats {
    pub collections: u64,
    pub collected: u64,
    pub uncollectable: u64,
    /// Total time spent collecting (marking, sweeping; not running finalizers).
    pub seconds: f64,
    /// Objects freed by the last collection, plus those queued for finalization.
    pub last_collected: u64,
}

/// The collector's per-VM state (`vm.gc`).
pub struct GcState {
    /// Python frames on the stack entered by non-audited code (module docs). Safepoints
    /// collect only when it is 0.
    pub native_depth: Cell<u32>,
    /// Highest address of the interpreter thread's stack (0: ask pthread on first use).
    pub stack_base: Cell<usize>,
    /// `gc.enable()`/`gc.disable()`.
    pub enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// `KRAIT_GC_STRESS=N`: collect at every Nth safepoint (0: off). `auto`: collect at
    /// every safepoint as long as collecting has taken at most half of the run time
    /// (`stress_budget`), which bounds the slowdown while still collecting at thousands
    /// of points spread over the whole run.
    stress: u32,
    stress_count: Cell<u32>,
    stress_budget: bool,
    started: Instant,
    /// `gc.set_threshold` values (accepted and reported; the budget is in bytes).
    pub thresholds: Cell<(i64, i64, i64)>,
    pub stats: Cell<Stats>,
    /// Objects whose `__del__` is due (roots until it has run).
    pending: RefCell<Vec<Value>>,
    /// Weak reference callbacks due: (callback, weakref) (roots until called).
    pending_callbacks: RefCell<Vec<(Value, Value)>>,
    running_finalizers: Cell<bool>,
    /// The `gc.collect` native, recognized by `call::call_from_loop`; NULL until the
    /// module is imported.
    pub collect_fn: Cell<Value>,
    /// `gc.garbage` and `gc.callbacks` lists (NULL until the module is imported).
    pub garbage: Cell<Value>,
    pub callbacks: Cell<Value>,
}

impl GcState {
    pub fn new() -> GcState {
        VMS.with(|n| n.set(n.get() + 1));
        // Weak references are cleared by `collect` from now on.
        crate::modules::weakref::enable();
        let var = std::env::var("KRAIT_GC_STRESS").unwrap_or_default();
        let stress_budget = var.trim() == "auto";
        let stress = if stress_budget { 1 } else { var.trim().parse::<u32>().unwrap_or(0) };
        // SAFETY: the heap pointer is this thread's heap (leaked, never freed).
        unsafe { (*heap::heap_ptr()).poison = stress > 0 };
        if stress > 0 {
            request();
        }
        GcState {
            native_depth: Cell::new(0),
            stack_base: Cell::new(0),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            stress,
            stress_count: Cell::new(0),
            stress_budget,
            started: Instant::now(),
            thresholds: Cell::new((700, 10, 10)),
            stats: Cell::new(Stats::default()),
            pending: RefCell::new(Vec::new()),
            pending_callbacks: RefCell::new(Vec::new()),
            running_finalizers: Cell::new(false),
            collect_fn: Cell::new(Value::NULL),
            garbage: Cell::new(Value::NULL),
            callbacks: Cell::new(Value::NULL),
        }
    }

    /// The values this state keeps alive.
    fn trace_roots(&self, t: &mut dyn Tracer) {
        for &v in self.pending.borrow().iter() {
            t.value(v);
        }
        for &(c, w) in self.pending_callbacks.borrow().iter() {
            t.value(c);
            t.value(w);
        }
        t.value(self.collect_fn.get());
        t.value(self.garbage.get());
        t.value(self.callbacks.get());
    }
}

impl Default for GcState {
    fn default() -> Self {
        GcState::new()
    }
}

/// A safepoint of the interpreter loop: collects when a collection is wanted and it is
/// safe here (see the module docs). Cheap when no collection is wanted.
#[inline(always)]
pub fn safepoint(vm: &mut Vm) {
    if WANTED.load(Relaxed) {
        safepoint_slow(vm);
    }
}

#[cold]
#[inline(never)]
fn safepoint_slow(vm: &mut Vm) {
    let g = &vm.gc;
    if g.native_depth.get() != 0 || g.collecting.get() || g.running_finalizers.get() {
        return;
    }
    if g.stress_budget {
        if g.stats.get().seconds > 0.5 * g.started.elapsed().as_secs_f64() {
            return;
        }
    } else if g.stress > 0 {
        let n = g.stress_count.get() + 1;
        if n < g.stress {
            g.stress_count.set(n);
            return;
        }
        g.stress_count.set(0);
    } else {
        if !g.enabled.get() {
            WANTED.store(false, Relaxed);
            return;
        }
        // SAFETY: this thread's heap; only read here.
        let h = unsafe { &*heap::heap_ptr() };
        let used = h.cell_bytes as isize + (counting::net_bytes() - h.net_at_gc);
        if used < h.threshold as isize {
            WANTED.store(false, Relaxed);
            return;
        }
    }
    if collect(vm).is_some() {
        run_finalizers(vm);
    }
}

/// Whether a collection may run now (besides being at a safepoint with no non-audited
/// code below): one VM on this thread and a known stack base.
fn can_collect(vm: &Vm) -> bool {
    VMS.with(|n| n.get()) == 1 && stack::stack_base(vm) != 0 && !vm.gc.collecting.get()
}

/// `gc.collect()` called straight from the interpreter loop (`call::call_from_loop`): a
/// full collection, then the finalizers. Returns the number of unreachable objects.
pub fn collect_from_loop(vm: &mut Vm) -> usize {
    if vm.gc.native_depth.get() != 0 || vm.gc.running_finalizers.get() {
        request();
        return 0;
    }
    let n = collect(vm).unwrap_or(0);
    run_finalizers(vm);
    n
}

/// Hints the CPU to load the object `a` (it is traced soon after being pushed).
#[inline(always)]
fn prefetch(a: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and has no architectural effect.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(a as *const i8);
    }
    let _ = a;
}

struct Marker<'h> {
    heap: &'h Heap,
    stack: Vec<usize>,
    codes: HashSet<*const Code>,
    code_stack: Vec<Rc<Code>>,
    /// Report values that point at no live object (a use after free already happened).
    strict: bool,
}

impl Tracer for Marker<'_> {
    #[inline]
    fn value(&mut self, v: Value) {
        if !v.is_obj() {
            return;
        }
        let a = v.obj_ptr() as usize;
        if self.heap.is_object(a) {
            if self.heap.mark(a) {
                prefetch(a);
                self.stack.push(a);
            }
        } else if self.strict {
            eprintln!("krait: gc: a reachable value refers to no live object ({v:?})");
            std::process::abort();
        }
    }

    fn code(&mut self, c: &Rc<Code>) {
        if self.codes.insert(Rc::as_ptr(c)) {
            self.code_stack.push(c.clone());
        }
    }
}

impl Marker<'_> {
    /// A word found by the conservative scan.
    #[inline]
    fn word(&mut self, w: usize) {
        let addr = if (w as u64) >> 48 == 0xFFFA { w & ((1 << 48) - 1) } else { w };
        if let Some(cell) = self.heap.cell_of(addr) {
            if self.heap.mark(cell) {
                self.stack.push(cell);
            }
        }
    }

    /// Marks everything reachable from what was marked so far.
    fn drain(&mut self) {
        loop {
            if let Some(a) = self.stack.pop() {
                // SAFETY: `a` is an allocated cell (checked when it was pushed) and nothing
                // is freed during marking.
                let o: &PyObj = unsafe { &*(a as *const PyObj) };
                trace::trace_obj(o, self);
            } else if let Some(c) = self.code_stack.pop() {
                trace::trace_code(&c, self);
            } else {
                break;
            }
        }
    }
}

/// A full collection. Returns the number of unreachable objects found (freed plus queued
/// for finalization), or None when collecting is not possible here.
fn collect(vm: &mut Vm) -> Option<usize> {
    if !can_collect(vm) {
        return None;
    }
    let start = Instant::now();
    vm.gc.collecting.set(true);
    WANTED.store(false, Relaxed);
    let del_name = vm.intern("__del__");
    let base = stack::stack_base(vm);
    let hp = heap::heap_ptr();
    // SAFETY: this thread's heap. No allocation happens until `sweep` returns (marking
    // and the finalizer scan allocate no objects), so this shared borrow is not aliased
    // by a mutable one.
    let heap_ref: &Heap = unsafe { &*hp };
    let mut m = Marker {
        heap: heap_ref,
        stack: Vec::with_capacity(1024),
        codes: HashSet::new(),
        code_stack: Vec::new(),
        strict: vm.gc.stress > 0,
    };

    // Roots.
    vm.trace_roots(&mut m);
    vm.gc.trace_roots(&mut m);
    for &fp in vm.frames.borrow().iter() {
        // SAFETY: registered frames are alive and unmoved while registered (pushed on
        // entry, popped on exit by the code that owns them).
        let f = unsafe { &*fp };
        trace::trace_frame(f, &mut m);
    }
    CODES.with(|codes| {
        let mut codes = codes.borrow_mut();
        codes.retain(|w| w.strong_count() > 0);
        for w in codes.iter() {
            if let Some(c) = w.upgrade() {
                m.code(&c);
            }
        }
    });
    stack::scan(base, &mut |w| m.word(w));
    m.drain();
    let t_mark = start.elapsed();

    // Finalizers: unreachable objects with a `__del__` not run yet are resurrected.
    let mut has_del: HashMap<u64, bool> = HashMap::new();
    let mut to_finalize = Vec::new();
    let mut last: (u64, bool) = (0, false);
    heap_ref.for_each_unmarked(|cell| {
        // SAFETY: an allocated cell (not freed before the sweep below).
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        if o.gc.get() & FINALIZED != 0 {
            return;
        }
        let cls = o.class.get();
        let d = if cls.bits() == last.0 {
            last.1
        } else {
            let d = *has_del.entry(cls.bits()).or_insert_with(|| class_has(vm, cls, del_name));
            last = (cls.bits(), d);
            d
        };
        if d {
            to_finalize.push(cell);
        }
    });
    let nfinal = to_finalize.len();
    for &cell in &to_finalize {
        // SAFETY: as above.
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        o.gc.set(o.gc.get() | FINALIZED);
        let v = Value::from_obj(o);
        vm.gc.pending.borrow_mut().push(v);
        m.value(v);
    }
    m.drain();
    drop(m);
    let t_final = start.elapsed();

    // Weak references: those whose referent is unreachable (after resurrection, so a
    // referent kept for its finalizer is cleared at the collection that frees it) are
    // cleared; their callbacks run after the sweep.
    let callbacks = crate::modules::weakref::clear_dead(&mut |v| match v.as_obj() {
        Some(_) => {
            let a = v.obj_ptr() as usize;
            heap_ref.is_object(a) && heap_ref.is_marked(a)
        }
        None => true,
    });
    vm.gc.pending_callbacks.borrow_mut().extend(callbacks);

    // SAFETY: marking is complete: every root and everything reachable from it is
    // marked (module docs), so unmarked objects are garbage.
    let freed = unsafe { (*hp).sweep() };
    if freed > 0 {
        crate::eval::attr::clear_cache();
    }

    // Next budget.
    // SAFETY: this thread's heap; no other reference to it is live.
    let h = unsafe { &mut *hp };
    let net = counting::net_bytes();
    let live = h.live_cells * CELL + net.max(0) as usize;
    h.threshold = INITIAL_THRESHOLD.max(live.saturating_mul(GROWTH));
    h.cell_bytes = 0;
    h.net_at_gc = net;
    counting::set_trigger(net + h.threshold as isize);
    if vm.gc.stress > 0 {
        request();
    }

    let mut st = vm.gc.stats.get();
    st.collections += 1;
    st.collected += (freed + nfinal) as u64;
    st.last_collected = (freed + nfinal) as u64;
    st.seconds += start.elapsed().as_secs_f64();
    vm.gc.stats.set(st);
    vm.gc.collecting.set(false);
    if std::env::var_os("KRAIT_GC_VERBOSE").is_some() {
        eprintln!(
            "krait: gc #{}: freed {freed}, finalizing {nfinal}, live {} cells, {} pages, budget {} KiB, {:.3} ms (mark {:.3}, finalizer scan {:.3})",
            st.collections,
            h.live_cells,
            h.page_count(),
            h.threshold >> 10,
            start.elapsed().as_secs_f64() * 1e3,
            t_mark.as_secs_f64() * 1e3,
            (t_final - t_mark).as_secs_f64() * 1e3,
        );
    }
    Some(freed + nfinal)
}

/// Whether the class `cls` (or a class in its MRO) defines `name`, looked up in the class
/// dicts directly (no Python code, no caches).
fn class_has(vm: &Vm, cls: Value, name: Value) -> bool {
    let Some(c) = cls.as_class() else { return false };
    if !c.has_flag(class_flags::HEAPTYPE) {
        return false;
    }
    let mro = c.mro.borrow();
    mro.iter().any(|k| match k.as_class() {
        Some(kc) => kc.dict.as_dict().is_some() && vm.dict_get_str(kc.dict, name).is_some(),
        None => false,
    })
}

/// Runs the queued `__del__` methods (at a safepoint, after a collection).
fn run_finalizers(vm: &mut Vm) {
    if vm.gc.running_finalizers.get() {
        return;
    }
    vm.gc.running_finalizers.set(true);
    let name = vm.intern("__del__");
    loop {
        let next = {
            let mut p = vm.gc.pending.borrow_mut();
            if p.is_empty() {
                None
            } else {
                Some(p.remove(0))
            }
        };
        let Some(obj) = next else { break };
        let cls = vm.type_of(obj);
        let Some(f) = vm.lookup_type(cls, name) else { continue };
        let saved = vm.handled_exc.get();
        if let Err(e) = crate::eval::attr::call_unbound(vm, f, obj, &[]) {
            report_unraisable(vm, e.0, f);
        }
        vm.handled_exc.set(saved);
    }
    loop {
        let next = {
            let mut p = vm.gc.pending_callbacks.borrow_mut();
            if p.is_empty() {
                None
            } else {
                Some(p.remove(0))
            }
        };
        let Some((cb, w)) = next else { break };
        let saved = vm.handled_exc.get();
        if let Err(e) = vm.call(cb, &[w], &[]) {
            report_unraisable(vm, e.0, cb);
        }
        vm.handled_exc.set(saved);
    }
    vm.gc.running_finalizers.set(false);
}

/// CPython's default unraisable hook: "Exception ignored in: <repr of obj>" and the
/// traceback, on stderr.
pub fn report_unraisable(vm: &mut Vm, exc: Value, obj: Value) {
    crate::builtins::io::flush_all(vm);
    let r = match vm.repr(obj) {
        Ok(r) => r.as_rstr().unwrap_or("?").to_owned(),
        Err(_) => "<object repr() failed>".to_owned(),
    };
    let text = crate::eval::traceback::format_exception(vm, exc);
    eprint!("Exception ignored in: {r}\n{text}");
}

/// Number of objects allocated since the last collection and the live count after it
/// (for `gc.get_count`).
pub fn counts() -> (u64, u64) {
    // SAFETY: this thread's heap; only read.
    let h = unsafe { &*heap::heap_ptr() };
    ((h.cell_bytes / CELL) as u64, h.live_cells as u64)
}
