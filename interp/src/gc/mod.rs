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
//!   of `Weak<Code>`: whoever holds an `Rc<Code>`, its values stay alive). Every code
//!   object must be registered when it is made (lowering and `code.replace` do): code
//!   objects are traced through the registry only (`trace_codes`; `Tracer::code` calls
//!   from frames, functions and code objects are ignored by the marker), and of each only
//!   the values that were not permanent when a full collection first looked at it;
//! - a conservative scan of the native stack from the collector's entry (its own frames
//!   are left out, `stack::with_stack_top`) to the interpreter thread's stack base, with
//!   the callee-saved registers stored on it first (`stack.rs`): a
//!   word counts if it is a NaN-boxed pointer (tag 0xFFFA) or a raw address anywhere
//!   inside an allocated cell (interior pointers count).
//!
//! Thread-locals holding values elsewhere in the crate: the attribute lookup caches
//! (`eval::attr`, keyed by the addresses of classes and name strs) are cleared after
//! every collection that frees a class or a str (`attr::clear_cache`; a cached result is
//! reachable from its class while the class lives with the same version); the interned-name table, the `object.__getattribute__`
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
//! # Finalizers, weak references, generators, files
//!
//! CPython 3.4+ semantics for `__del__`: after marking, weak references to unreachable
//! objects are cleared first (their callbacks queued, for weak references that are
//! themselves reachable), as CPython's cycle collector does. Then every unreachable
//! object whose class defines `__del__` and that was not finalized before is flagged
//! finalized and resurrected (marked, with everything it reaches) for this cycle; its
//! `__del__` runs after the sweep, still at the safepoint, followed by the weak reference
//! callbacks. If it is still unreachable at a later collection it is freed without
//! running `__del__` again (an explicit `gc.collect()` runs that second collection at
//! once, so like CPython's it frees finalized cycles before returning). Exceptions in
//! `__del__` and callbacks are printed as "Exception ignored in: ..." like CPython's
//! unraisable hook. Unreachable generators and coroutines suspended after they started
//! are finalized the same way by `close()` (their `finally` blocks run). Writable files
//! left open are registered by `builtins::io` for flushing at exit; that registry is a
//! weak root here: unreachable files are flushed before the sweep and closed by their
//! destructor.
//!
//! Differences from CPython that remain: without reference counting, finalizers, weak
//! reference clearing and generator closing happen at the next collection rather than
//! the moment the last reference goes, and `gc.collect()` counts every unreachable object
//! (CPython counts only those its cycle detector sees, i.e. not what refcounting freed).
//!
//! # Roots registered by other components
//!
//! `GcState::add_roots` registers a callback that reports values held outside the heap
//! and outside the `Vm`'s fields (e.g. a JIT's trace constants and snapshots); see its
//! docs. Values in the `Vm`'s own fields go in `Vm::trace_roots`, whose exhaustive
//! destructuring makes a new field a compile error until it is classified.

//! # Triggering
//!
//! Allocation only counts: bytes of cells allocated since the last collection plus the
//! growth of the system allocator's bytes in use (`counting.rs`, which sees list items,
//! strings, big ints...). Past the budget it raises `WANTED`, an atomic flag the
//! safepoints test; the collection itself waits for a safepoint. After a collection the
//! budget is `max(INITIAL_THRESHOLD, live bytes * GROWTH + large bytes)` (live bytes:
//! surviving cells plus the system allocator's bytes in use; large bytes: the part of
//! those held in large blocks, `counting.rs`, which scanning costs little per byte), so
//! marking work (proportional to the live heap) stays proportional to allocation as the
//! live heap grows, and the peak heap stays near `(1 + GROWTH) * live` (up to
//! `(2 + GROWTH) * live` for a heap made of big arrays). Sweeping costs the dead
//! objects' destructors, the price of allocation itself.
//!
//! `KRAIT_GC_STATS=1` prints at exit the number of collections, the time spent
//! collecting and its share of the run time, split into marking, the finalizer scan and
//! sweeping, and the longest pause; `KRAIT_GC_VERBOSE=1` logs every collection (the
//! stress mode's minor ones flagged "(minor)").
//! Measured (quick sizes, `KRAIT_GC_STATS=1`, best of 5 on a loaded 2-core VM):
//! raytrace 0.019 s collecting, chaos 0.074, go 0.044, deltablue 0.010 (from 0.027,
//! 0.097, 0.104 and 0.012 before the finalizer scan stopped touching every dead object
//! when no heap class defines `__del__`); the sweep (the dead objects' destructors, most
//! of it `free`) is now nearly all of it.
//!
//! # Permanent objects
//!
//! `Vm::new` ends with `freeze_boot`: every object of the bootstrap heap (builtin
//! classes, their methods and dicts, interned names, builtin modules) becomes permanent,
//! as CPython's builtins are immortal. Permanent cells keep their mark bit between
//! collections (the page's `perm` bitmap, `Heap::freeze`), so they are never freed and
//! marking stops at them. Those whose references can never change (strs, builtin
//! methods, tuples..., `fixed_refs`) are never traced again: what they refer to was
//! allocated before them, so it is permanent too. Plain dicts among them are traced
//! only while they refer to some non-permanent object (checked again whenever their
//! `version` moves, which every mutation does). Of a builtin class only the list of
//! subclasses is traced (its name, bases, MRO, slots and metaclass cannot change:
//! `type.__setattr__` refuses immutable types, and its dict is a permanent dict of its
//! own), and a property of a builtin class only once one of its four values differs
//! from what it held when frozen (`perm_props`; the bootstrap has ~250). The rest
//! (lists, modules, native objects...) are traced at every collection as roots. This is
//! exact, not an approximation: a collection frees the same objects as if it traced
//! everything, since tracing the skipped objects could only reach permanent objects. It
//! cuts the fixed cost of a collection several times (~2900 bootstrap objects and
//! ~13000 values visited become ~30 objects and ~1500 values), which is what stress mode
//! pays per allocation safepoint.
//!
//! The `Vm`'s own roots are handled the same way (`Vm::trace_roots`). Interned names are
//! made permanent one by one when a collection first sees them in the interned-name
//! table (`GcState::trace_interned`; the table only grows and keeps its names for the
//! whole run, so this frees nothing that would have been freed), and the table is looked
//! at again only when its length changes. The builtin and exception classes, the
//! builtins module and the like are compared with what they were at the previous
//! collection and, while they are the same, only those that are not permanent are traced
//! (`GcState::trace_static`). With the code registry's lists of non-permanent values
//! (`trace_codes`) this took the roots a collection visits from ~1500 values to ~100, and
//! a stress-mode collection of a small heap from ~16 to ~8 µs (`loop_nbody`). `gc.freeze()` makes every current object permanent the same way and
//! `gc.unfreeze()` undoes that (for those objects only); unlike CPython, where frozen
//! objects that are not in a cycle are still freed by reference counting, a frozen
//! object is not freed before `gc.unfreeze()`.
//!
//! # Stress mode
//!
//! `KRAIT_GC_STRESS` makes the collector run as often as it may, to find missing roots.
//! Collections can only happen at safepoints (collecting inside an arbitrary allocation
//! would free values that native code holds in Rust heap containers, see above), so
//! stress mode collects at *allocation safepoints*: every safepoint reached after at
//! least one object was allocated since the previous collection. (Every allocation asks for
//! one, whatever the system allocator's bytes did since: until the budget ignored them in
//! stress mode, a run that released more of those bytes than its new cells took skipped
//! safepoints; `stdlib_pickle` collected at 544 of its 26660.) Any value that lives
//! across a safepoint without being rooted is then freed at the first safepoint after
//! its allocation; freed cells are poisoned and marking aborts on a reachable value that
//! points at no live object, so such a bug fails loudly.
//!
//! - `=1`: every allocation safepoint. Collections are full and minor in turn (every
//!   other one minor, when the marks allow, so that the whole corpus exercises the write
//!   barrier, `barrier`) while the full collections' cumulative work (`COLLECTION_WORK`
//!   per collection + objects marked + values visited / 4 + native stack words read / 8;
//!   one unit is roughly 10 ns) is at most `STRESS_BASE_WORK + STRESS_CAP * objects
//!   allocated` (500M units, about 5 seconds, then 4 units per allocated object), and
//!   minor past that. A full collection still runs past that cap when minor ones do not
//!   pay: when the last minor one cost more than half as much as the last full one, or
//!   when the objects promoted since the last full one outnumber its survivors (10000 at
//!   least; old garbage is only freed by full collections, and this keeps their cost
//!   proportional to allocation), or when the marks do not allow a minor one. Minor
//!   collections have no cap (`STRESS_MINOR_CAP` is 0): every allocation safepoint
//!   collects, and `KRAIT_GC_STATS=1` prints "collected at N of M allocation safepoints
//!   (K minor; ...)" with N = M. The caps count work, not time, so a failure reproduces.
//!
//!   A minor collection frees exactly the young objects (allocated since the previous
//!   collection) that are unreachable, so a value allocated and held unrooted across an
//!   allocation safepoint is still freed and poisoned at that safepoint. It relies on
//!   marks that stay set: in stress mode the sweep leaves every survivor marked
//!   (`Heap::sweep`'s `keep_marks`; a full collection first resets the marks to the
//!   permanent bits) so the old objects count as reached, and the old objects that may
//!   refer to young ones are traced one level as extra roots, with the usual roots:
//!   those a write barrier recorded since the previous collection (`barrier`: lists,
//!   dicts, sets, instance attributes, `__class__`; single items and entries of big
//!   lists, dicts and sets; compiled code calls the barrier too), and the old objects of
//!   the kinds without a barrier (`GcState::old_mutable`: classes, functions, cells,
//!   generators, exceptions, native objects other than list and range iterators...).
//!   Permanent dicts are left to the barrier too. Code objects are immutable, so only
//!   those registered since the previous collection are traced. Old objects that became
//!   unreachable are freed by the next full collection (an explicit `gc.collect()` is
//!   always full), so an old value that loses its last reference and is then used
//!   unrooted is caught only at full collections, as before.
//!
//!   What a minor collection costs is kept independent of the old heap and of the depth
//!   of the stack:
//!   - the frames and the native stack: of the registered frames (`vm.frames`, a
//!     `frame::FrameStack`) only those that may have run since the previous collection
//!     are traced, and the native stack is scanned only below the registration of the
//!     oldest of them. `FrameStack` keeps the fewest frames registered at any time since
//!     the previous collection, `low`: the frames below index `low - 1` stayed registered
//!     and never were the innermost one, so neither they nor the native code that called
//!     them ran; their slots and `Frame` fields are unchanged, and so are the native stack
//!     words between the point where frame `low - 1` was registered and the outermost
//!     frame's registration (collections only run with audited native code on the stack,
//!     module docs above; native code writes into the native frames of a Python frame's
//!     activation only while that Python frame is the innermost one, except through the
//!     `Frame` it runs, traced precisely). A minor collection traces the frames from
//!     `low - 2` up (one frame of margin) and scans the stack below that frame's
//!     registration, and above the outermost frame's registration (the command line's
//!     frames and, at the top of the interpreter thread's stack, its thread-local
//!     variables, which change at any time: a few thousand words). Code that writes
//!     into a frame that is not the innermost one calls `FrameStack::written`
//!     (`builtins::frame_locals`, for `sys._getframe(n).f_locals`), and a thread switch
//!     (`FrameStack::take`) resets `low` to 0: the next minor collection then traces and
//!     scans everything. A stack word left out that points at a young object is then a
//!     stale copy of the address of a cell that was free at the end of the previous
//!     collection (every cell allocated then was old or freed), not a reference.
//!     `KRAIT_GC_CHECK_SKIPPED=1` checks all this at every minor collection, by scanning
//!     what it left out: it aborts if a frame left out refers to a young object not
//!     reached, or a stack word left out does and differs from what the previous
//!     collection saw there (every collection keeps a copy of the stack in this mode;
//!     `KRAIT_GC_CHECK_SKIPPED_VERBOSE=1` lists every word left out that changed). The
//!     corpus passes in stress mode with it (except `qa_adv_deep_limit`, too slow then:
//!     each check copies its deep stack). `qa_adv_deep_limit` (recursion 50000 deep, ~168
//!     stack words per level) went from about 1 ms per collection to about 5 µs;
//!   - the sweep and the finalizer scan: cells allocated since the previous sweep lie in
//!     the bitmap words from where allocation resumed after it up to the allocation
//!     cursor (`Heap::young_words`), so a minor sweep visits only those, keeps every
//!     page, and puts the cursor back only as far as the first of them with a free cell
//!     (allocation after a full sweep restarts from the first page); the finalizer scan
//!     looks at the young cells and the old heap classes (`GcState::old_classes`);
//!   - the write barrier's owner map (`barrier::OWNERS`, which finds an old object from
//!     its `Attrs` box) is extended by promotions and pruned only when it doubled, instead
//!     of being rebuilt by every full collection.
//!
//!   Figures (`tests/gc/stress_count.sh`, 2-core VM). Before these changes, with a minor
//!   cap of 4 units per object as well, 9 of the corpus's 540 programs reached both caps
//!   and stopped collecting (`app_tic_tac_toe` 474691 of 888188 allocation safepoints,
//!   `containers_deep_nesting` 39430 of 410014, `gc_large_blocks` 28539 of 150009,
//!   `loop_collatz_dict` 130874 of 429782, `loop_fannkuch` 1358707 of 2521727,
//!   `loop_string_building` 53899 of 605029, `qa_adv_deep_limit` 8527 of 50064,
//!   `qa_adv_gc_frames` 170482 of 259047, `qa_adv_gc_stress` 38778 of 364017) and the
//!   script's serial run took 152 s. Now every program collects at every allocation
//!   safepoint and the serial run takes 135 s; the slowest programs take 10 to 14 s
//!   (`loop_fannkuch` 2521727 collections in 13.8 s, `qa_adv_gc_stress` 13.6,
//!   `qa_adv_gc_frames` 11.8, `app_tic_tac_toe` 10.1; `qa_adv_deep_limit` 4.1 s instead
//!   of 7.8 s with 8527 collections), about 5 s of each being the full collections the
//!   first cap allows. The corpus stage (`KRAIT_GC_STRESS=1 cargo test --release --test programs`,
//!   2 cores) takes about 70 s instead of about 108.
//! - `=1:K`, `=1:K:L` and `=1:K:L:B`: the same with caps of K (full) and L (minor) units
//!   per object instead of 4 and none, and B million units besides instead of 500
//!   (`=1:0` or `=all`: full collections without a cap; L = 0: minor ones without a cap).
//!   Past both caps an allocation safepoint does not collect.
//! - `=minor`: minor collections whenever the marks allow (a full one only when there
//!   are none or the promoted objects outnumber the survivors of the last full one):
//!   checks the minor collections themselves.
//! - `=N` (N > 1): every Nth allocation safepoint (with the default cap).
//! - `=auto`: every allocation safepoint as long as collecting has taken at most half
//!   of the run time (time-based, so not reproducible run to run).

pub mod barrier;
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
use crate::object::{class_flags, GenKind, GenState, Payload, PyObj};
use crate::value::Value;
use crate::vm::Vm;

use trace::Tracer;

/// Stress mode's cap on full collections: their work (objects marked, plus values
/// visited / 4, plus stack words read / 8) per object allocated, beyond
/// `STRESS_BASE_WORK` (module docs: stress mode; a unit is about 10 ns).
const STRESS_CAP: u64 = 4;
const STRESS_BASE_WORK: u64 = 500_000_000;
/// The same for minor collections (whose values visited count / 2; the same base); 0: no
/// cap (the default: every allocation safepoint collects, module docs).
const STRESS_MINOR_CAP: u64 = 0;
/// Work units charged for a collection's fixed costs (permanent roots, code registry,
/// sweep, caches), measured to be about as long as 400 marked objects.
const COLLECTION_WORK: u64 = 400;

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
    static CODES: RefCell<Vec<CodeEntry>> = const { RefCell::new(Vec::new()) };
}

/// Records a new code object: while any `Rc` to it lives, its values are roots.
pub fn register_code(c: &Rc<Code>) {
    CODES.with(|v| v.borrow_mut().push(CodeEntry { code: Rc::downgrade(c), live: None }));
}

/// An entry of the code registry (`CODES`).
struct CodeEntry {
    code: Weak<Code>,
    /// The values of the code object (`trace::trace_code`) that were not permanent when
    /// a full collection first traced it (None: not yet). A code object never changes and
    /// a permanent object stays permanent (`unfreeze` resets these), so while the code
    /// lives, tracing these is tracing all its values.
    live: Option<Box<[Value]>>,
}

/// Collects the values a code object holds (`trace::trace_code`).
struct CodeValues(Vec<Value>);

impl Tracer for CodeValues {
    fn value(&mut self, v: Value) {
        self.0.push(v);
    }
    fn code(&mut self, _c: &Rc<Code>) {}
}

/// Traces the code objects of the registry (every live code object is registered when it
/// is made, `register_code`): in a full collection all of them (the values of each that
/// were not permanent when first traced, `CodeEntry::live`), in a minor one only those
/// registered since the previous collection (code objects are immutable: what the older
/// ones hold was marked then and is old now).
fn trace_codes(vm: &Vm, m: &mut Marker, minor: bool) {
    CODES.with(|codes| {
        let mut codes = codes.borrow_mut();
        if minor {
            for e in codes.get(vm.gc.codes_seen.get()..).unwrap_or(&[]) {
                if let Some(c) = e.code.upgrade() {
                    trace::trace_code(&c, m);
                }
            }
        } else {
            codes.retain(|e| e.code.strong_count() > 0);
            for e in codes.iter_mut() {
                match &e.live {
                    Some(live) => m.values(live),
                    None => {
                        let Some(c) = e.code.upgrade() else { continue };
                        let mut all = CodeValues(Vec::new());
                        trace::trace_code(&c, &mut all);
                        let heap = m.heap;
                        let live: Box<[Value]> = all
                            .0
                            .into_iter()
                            .filter(|v| v.is_obj() && !heap.is_permanent(v.obj_ptr() as usize))
                            .collect();
                        m.values(&live);
                        e.live = Some(live);
                    }
                }
            }
        }
        vm.gc.codes_seen.set(codes.len());
    });
}

/// Forgets the code objects' lists of non-permanent values (`gc.unfreeze()`).
fn forget_code_values() {
    CODES.with(|codes| {
        for e in codes.borrow_mut().iter_mut() {
            e.live = None;
        }
    });
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
    /// Longest single collection (seconds).
    pub max_pause: f64,
    /// Time spent marking, looking for objects to finalize, and sweeping (seconds).
    pub mark_seconds: f64,
    pub scan_seconds: f64,
    pub sweep_seconds: f64,
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
    /// Stress work cap (see the module docs): collector work may not exceed
    /// `stress_base + stress_cap * cells allocated`; 0 means no cap.
    stress_cap: u64,
    /// Collector work done so far by full collections: objects marked, plus values visited
    /// / 4, plus native stack words read / 8, plus `COLLECTION_WORK` per collection.
    work: Cell<u64>,
    /// The same for the stress mode's minor collections, and their cap (`stress_cap`'s
    /// counterpart; 0: none).
    work_minor: Cell<u64>,
    stress_minor_cap: u64,
    /// The work both caps allow besides their share per object allocated
    /// (`STRESS_BASE_WORK`, or `KRAIT_GC_STRESS=1:K:L:B`: B million).
    stress_base: u64,
    /// `KRAIT_GC_STRESS=minor`: minor collections whenever they may run, under the
    /// minor collections' cap only (to test them on their own).
    minor_first: bool,
    minor_collections: Cell<u64>,
    /// Stress mode: the mark bits are set on every object that survived the previous
    /// collection (`Heap::sweep`'s `keep_marks`), so a minor collection may run.
    sticky: Cell<bool>,
    /// Stress mode: the non-permanent objects that survived a collection and whose
    /// references may change without a write barrier (not `fixed_refs`, not of the kinds
    /// `barrier` covers), traced as roots by every minor collection (`trace_old`). Rebuilt
    /// by every full collection, extended by minor ones.
    old_mutable: RefCell<Vec<usize>>,
    /// Stress mode: the old lists and old objects with instance attributes that are not in
    /// `old_mutable` (their stores go through the write barrier, `barrier`), traced by a
    /// minor collection only when compiled code ran since the previous collection and does
    /// not call the barrier itself (`barrier::set_compiled_barriers`; empty when it does).
    /// Rebuilt like `old_mutable`.
    old_jit: RefCell<Vec<usize>>,
    /// Stress mode: the heap classes that survived a collection (rebuilt by every full
    /// collection, extended by minor ones) and the permanent heap classes (`freeze`): the
    /// classes whose dict a minor collection's finalizer scan looks up `__del__` in (the
    /// young ones are found in the young cells).
    old_classes: RefCell<Vec<usize>>,
    perm_heap_classes: RefCell<Vec<usize>>,
    /// `vm.jit.stats.entries` (runs of compiled code) at the previous collection.
    jit_entries: Cell<u64>,
    /// Compiled code was running (suspended below it: a trace's back edge, or a helper
    /// the trace called, reached the safepoint) at the previous collection: it went on
    /// storing afterwards without a new entry.
    prev_in_trace: Cell<bool>,
    /// Objects promoted by minor collections since the last full one, and the survivors
    /// of that one (stress mode: when to run a full collection, `safepoint_slow`).
    promoted: Cell<u64>,
    live_at_full: Cell<u64>,
    /// The work of the last full collection and of the last minor one since (0: none).
    last_full_work: Cell<u64>,
    last_minor_work: Cell<u64>,
    /// Length of the code registry (`CODES`) after the last collection.
    codes_seen: Cell<usize>,
    /// Allocation safepoints reached in stress mode, and those that collected.
    stress_points: Cell<u64>,
    stress_collections: Cell<u64>,
    /// `heap.total_cells` when `stress_points` was last counted.
    points_cells: Cell<u64>,
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
    /// Root sets registered by other components (`add_roots`).
    extra_roots: RefCell<Vec<(u64, Rc<RootFn>)>>,
    next_root_id: Cell<u64>,
    /// `KRAIT_GC_STATS`: print the statistics when the VM is dropped.
    print_stats: bool,
    /// `KRAIT_GC_VERBOSE`: log every collection.
    verbose: bool,
    /// `KRAIT_GC_CHECK_SKIPPED`: check what minor collections leave out (`check_skipped`),
    /// and the native stack as the previous collection saw it (lowest address, words).
    check_skipped: bool,
    stack_copy: RefCell<(usize, Vec<usize>)>,
    /// The marker's work lists, kept between collections so that a collection allocates
    /// nothing in the common case (stress mode runs millions of them).
    scratch: Cell<Scratch>,
    /// The interned `"__del__"` (NULL until the first collection).
    del_name: Cell<Value>,
    /// Permanent objects (`freeze`) whose references may change: traced at every
    /// collection (the other permanent objects are never traced, see `freeze`).
    perm_roots: RefCell<Vec<usize>>,
    /// Objects made permanent by `gc.freeze()` (not those of the bootstrap).
    user_frozen: RefCell<Vec<usize>>,
    /// Permanent plain dicts: traced only while they refer to non-permanent objects.
    perm_dicts: RefCell<Vec<PermDict>>,
    /// Permanent builtin classes (not heap classes, no instance attributes). Their name,
    /// qualname, bases, MRO, slots and metaclass cannot be changed after they are made
    /// (setting an attribute of an immutable type raises `TypeError`), their dict is a
    /// permanent dict of `perm_dicts` and never replaced: only `subclasses` grows when a
    /// class derives from one, so only it is traced.
    perm_classes: RefCell<Vec<usize>>,
    /// Permanent properties (of builtin classes, no instance attributes) and the four
    /// values they held when frozen: `property.__init__` can replace those, so one is
    /// traced only once they differ (the bootstrap makes ~250 of them).
    perm_props: RefCell<Vec<(usize, [Value; 4])>>,
    /// `gc.callbacks` are running (no nested calls).
    in_callbacks: Cell<bool>,
    /// The `Vm`'s seldom-changing root values as of the last collection, those of them
    /// that are not permanent, and a spare buffer (`trace_static`).
    static_prev: RefCell<Vec<Value>>,
    static_live: RefCell<Vec<Value>>,
    static_scratch: Cell<Vec<Value>>,
    /// Length of the interned-name table when its names were last made permanent
    /// (`usize::MAX`: not yet), and the names that could not be (`trace_interned`).
    interned_len: Cell<usize>,
    interned_live: RefCell<Vec<Value>>,
}

/// A permanent dict and what it held when last checked (see `collect`).
struct PermDict {
    cell: usize,
    /// `DictData::version` and `raw_len` when last checked (`u64::MAX`: never).
    version: u64,
    len: usize,
    /// Every key and value was a permanent object or not an object at all.
    clean: bool,
}

/// Reused buffers of the marker (see `GcState::scratch`).
#[derive(Default)]
struct Scratch {
    stack: Vec<usize>,
    young: Vec<usize>,
}

/// A root-set callback: calls `Tracer::value` on every `Value` (and `Tracer::code` on
/// every code object) its owner holds outside the heap. See `GcState::add_roots`.
pub type RootFn = dyn Fn(&mut dyn Tracer);

/// Identifies a root set registered with `GcState::add_roots`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RootsId(u64);

impl GcState {
    pub fn new() -> GcState {
        VMS.with(|n| n.set(n.get() + 1));
        // Weak references are cleared by `collect` from now on.
        crate::modules::weakref::enable();
        let var = std::env::var("KRAIT_GC_STRESS").unwrap_or_default();
        let var = var.trim();
        let stress_budget = var == "auto";
        let minor_first = var == "minor";
        let (stress, stress_cap, stress_minor_cap, stress_base) = match var {
            "auto" | "all" => (1, 0, 0, STRESS_BASE_WORK),
            "minor" => (1, 0, STRESS_MINOR_CAP, STRESS_BASE_WORK),
            _ => {
                let mut parts = var.split(':');
                let every = parts.next().unwrap_or("").parse::<u32>().unwrap_or(0);
                let cap = parts.next().and_then(|c| c.parse::<u64>().ok()).unwrap_or(STRESS_CAP);
                let minor = parts.next().and_then(|c| c.parse::<u64>().ok()).unwrap_or(STRESS_MINOR_CAP);
                let base = parts
                    .next()
                    .and_then(|c| c.parse::<u64>().ok())
                    .map_or(STRESS_BASE_WORK, |b| b.saturating_mul(1_000_000));
                (every, cap, minor, base)
            }
        };
        // SAFETY: the heap pointer is this thread's heap (leaked, never freed); nothing
        // else refers to it during this update.
        unsafe {
            let h = &mut *heap::heap_ptr();
            h.poison = stress > 0;
            if stress > 0 {
                h.threshold = 0;
            }
        }
        if stress > 0 {
            request();
            barrier::activate();
            // The JIT records a barrier call after each store of compiled code into a list
            // or an instance slot while the barrier is active (`jit::attr`).
            barrier::set_compiled_barriers();
        }
        GcState {
            native_depth: Cell::new(0),
            stack_base: Cell::new(0),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            stress,
            stress_count: Cell::new(0),
            stress_cap,
            work: Cell::new(0),
            work_minor: Cell::new(0),
            stress_minor_cap,
            stress_base,
            minor_first,
            minor_collections: Cell::new(0),
            sticky: Cell::new(false),
            old_mutable: RefCell::new(Vec::new()),
            old_jit: RefCell::new(Vec::new()),
            old_classes: RefCell::new(Vec::new()),
            perm_heap_classes: RefCell::new(Vec::new()),
            jit_entries: Cell::new(0),
            prev_in_trace: Cell::new(false),
            codes_seen: Cell::new(0),
            promoted: Cell::new(0),
            live_at_full: Cell::new(0),
            last_full_work: Cell::new(0),
            last_minor_work: Cell::new(0),
            stress_points: Cell::new(0),
            stress_collections: Cell::new(0),
            points_cells: Cell::new(u64::MAX),
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
            extra_roots: RefCell::new(Vec::new()),
            next_root_id: Cell::new(1),
            print_stats: std::env::var_os("KRAIT_GC_STATS").is_some_and(|v| !v.is_empty() && v != "0"),
            verbose: std::env::var_os("KRAIT_GC_VERBOSE").is_some(),
            check_skipped: std::env::var_os("KRAIT_GC_CHECK_SKIPPED").is_some_and(|v| !v.is_empty() && v != "0"),
            stack_copy: RefCell::new((0, Vec::new())),
            scratch: Cell::new(Scratch::default()),
            del_name: Cell::new(Value::NULL),
            perm_roots: RefCell::new(Vec::new()),
            user_frozen: RefCell::new(Vec::new()),
            perm_dicts: RefCell::new(Vec::new()),
            perm_classes: RefCell::new(Vec::new()),
            perm_props: RefCell::new(Vec::new()),
            in_callbacks: Cell::new(false),
            static_prev: RefCell::new(Vec::new()),
            static_live: RefCell::new(Vec::new()),
            static_scratch: Cell::new(Vec::new()),
            interned_len: Cell::new(usize::MAX),
            interned_live: RefCell::new(Vec::new()),
        }
    }

    /// An empty buffer for `Vm::trace_roots` to gather its seldom-changing roots in.
    pub(crate) fn static_scratch(&self) -> Vec<Value> {
        let mut v = self.static_scratch.take();
        v.clear();
        v
    }

    /// Traces the `Vm`'s seldom-changing roots `cur` (builtin classes, exception classes,
    /// the builtins module...). Most are permanent objects, which marking skips anyway: only
    /// the others (`static_live`) are traced, as long as `cur` equals what it was at the
    /// previous call. Exact: a permanent object stays permanent (`unfreeze` forgets the
    /// previous values, see `forget_permanent`), and a value that changed is seen.
    pub(crate) fn trace_static(&self, cur: Vec<Value>, t: &mut dyn Tracer) {
        let mut prev = self.static_prev.borrow_mut();
        let mut live = self.static_live.borrow_mut();
        if *prev != cur {
            // SAFETY: this thread's heap; only read (called during marking, which holds
            // shared references only).
            let h = unsafe { &*heap::heap_ptr() };
            live.clear();
            live.extend(cur.iter().copied().filter(|v| v.is_obj() && !h.is_permanent(v.obj_ptr() as usize)));
            self.static_scratch.set(std::mem::replace(&mut *prev, cur));
        } else {
            self.static_scratch.set(cur);
        }
        for &v in live.iter() {
            t.value(v);
        }
    }

    /// Traces the interned names (`Vm::trace_roots`; `len` is the table's length). The
    /// table only ever grows and holds its names for the rest of the run, so each name
    /// that is a plain `str` is made permanent (`make_name_permanent`) the first time it
    /// is seen here, and the table is looked at again only when its length changed; the
    /// other names (instances of `str` subclasses, through `sys.intern`) are traced.
    pub(crate) fn trace_interned<'a>(&self, len: usize, names: impl Iterator<Item = &'a Value>, t: &mut dyn Tracer) {
        let mut live = self.interned_live.borrow_mut();
        if len != self.interned_len.get() {
            // SAFETY: this thread's heap; the bitmaps are updated through raw pointers
            // (`Heap::make_permanent`), as marking does.
            let h = unsafe { &*heap::heap_ptr() };
            live.clear();
            for &v in names {
                if !make_name_permanent(h, v) {
                    live.push(v);
                }
            }
            self.interned_len.set(len);
        }
        for &v in live.iter() {
            t.value(v);
        }
    }

    /// Forgets which roots were found permanent (`gc.unfreeze()` makes objects ordinary
    /// again): the next collection looks at all of them.
    fn forget_permanent(&self) {
        self.static_prev.borrow_mut().clear();
        self.interned_len.set(usize::MAX);
    }

    /// Registers a root set: at every collection, `f` must report (through the `Tracer`
    /// it is given) every `Value` and code object its owner keeps outside the heap and
    /// outside the `Vm`'s own fields — e.g. constants embedded in compiled traces, values
    /// in side-exit snapshots, caches keyed by objects. Values that compiled code holds in
    /// machine registers or on the native stack at a safepoint need no registration: the
    /// conservative stack scan finds them (callee-saved registers included). `f` runs
    /// during marking: it must not allocate objects, run Python code or mutate objects.
    /// Returns an id for `remove_roots`.
    pub fn add_roots(&self, f: Rc<RootFn>) -> RootsId {
        let id = self.next_root_id.get();
        self.next_root_id.set(id + 1);
        self.extra_roots.borrow_mut().push((id, f));
        RootsId(id)
    }

    /// Unregisters a root set registered with `add_roots` (no effect if already removed).
    pub fn remove_roots(&self, id: RootsId) {
        self.extra_roots.borrow_mut().retain(|(i, _)| *i != id.0);
    }

    /// Whether stress mode (`KRAIT_GC_STRESS`) is on.
    pub fn stress(&self) -> bool {
        self.stress > 0
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
        t.value(self.del_name.get());
        t.value(self.garbage.get());
        t.value(self.callbacks.get());
        let extra: Vec<Rc<RootFn>> = self.extra_roots.borrow().iter().map(|(_, f)| f.clone()).collect();
        for f in extra {
            f(t);
        }
    }

    /// The statistics line `KRAIT_GC_STATS=1` prints at exit.
    pub fn stats_line(&self) -> String {
        let st = self.stats.get();
        let run = self.started.elapsed().as_secs_f64();
        // SAFETY: this thread's heap; only read.
        let h = unsafe { &*heap::heap_ptr() };
        format!(
            "krait: gc: {} collections, {} objects freed, {} allocated; {:.3} s collecting of {:.3} s run ({:.1}%: \
             mark {:.3}, finalizer scan {:.3}, sweep {:.3}), longest pause {:.2} ms; {} live cells, {} pages ({} KiB) \
             mapped at most{}",
            st.collections,
            st.collected,
            h.total_cells,
            st.seconds,
            run,
            if run > 0.0 { 100.0 * st.seconds / run } else { 0.0 },
            st.mark_seconds + (st.seconds - st.mark_seconds - st.scan_seconds - st.sweep_seconds),
            st.scan_seconds,
            st.sweep_seconds,
            st.max_pause * 1e3,
            h.live_cells,
            h.peak_pages,
            h.peak_pages * heap::PAGE_SIZE / 1024,
            if self.stress > 0 {
                format!(
                    "; stress: collected at {} of {} allocation safepoints ({} minor; {} + {} units of work)",
                    self.stress_collections.get(),
                    self.stress_points.get(),
                    self.minor_collections.get(),
                    self.work.get(),
                    self.work_minor.get()
                )
            } else {
                String::new()
            },
        )
    }
}

impl Drop for GcState {
    fn drop(&mut self) {
        if self.print_stats {
            eprintln!("{}", self.stats_line());
        }
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
    safepoint_at(vm);
}

fn safepoint_at(vm: &mut Vm) {
    let g = &vm.gc;
    if g.native_depth.get() != 0 || g.collecting.get() || g.running_finalizers.get() {
        return;
    }
    // SAFETY: this thread's heap; only read here.
    let h = unsafe { &*heap::heap_ptr() };
    let mut minor = false;
    let mut charge_minor = false;
    if g.stress > 0 {
        // Stress mode collects at allocation safepoints: safepoints reached after at least
        // one object was allocated since the last collection (allocation requests a
        // collection again: the budget is 0 in stress mode).
        if h.cell_bytes == 0 {
            WANTED.store(false, Relaxed);
            return;
        }
        if h.total_cells != g.points_cells.get() {
            g.points_cells.set(h.total_cells);
            g.stress_points.set(g.stress_points.get() + 1);
        }
        if g.stress_budget {
            if g.stats.get().seconds > 0.5 * g.started.elapsed().as_secs_f64() {
                return;
            }
        } else {
            let n = g.stress_count.get() + 1;
            if n < g.stress {
                g.stress_count.set(n);
                return;
            }
            if g.minor_first
                || g.stress_cap > 0
                    && g.work.get() > g.stress_base.saturating_add(g.stress_cap.saturating_mul(h.total_cells))
            {
                // Past the full collections' cap: a minor collection, under its own cap.
                if g.stress_minor_cap > 0
                    && g.work_minor.get()
                        > g.stress_base.saturating_add(g.stress_minor_cap.saturating_mul(h.total_cells))
                {
                    return;
                }
                // A full collection runs instead (charged to the minor collections' work)
                // when minor ones do not pay: when the last one cost more than half as much
                // as the last full one (a heap of lists or instances is traced one level
                // either way), or when the objects promoted since the last full one
                // outnumber the survivors it left (10000 at least; old garbage is only
                // freed by full collections), or when the marks do not allow a minor one
                // (`GcState::sticky`).
                minor = g.sticky.get()
                    && (g.minor_first || g.last_minor_work.get().saturating_mul(2) <= g.last_full_work.get())
                    && g.promoted.get() <= g.live_at_full.get().max(10_000);
                charge_minor = true;
            } else if g.stress == 1 && g.stress_collections.get() % 2 == 1 {
                // Under the full collections' cap, every other collection is a minor one
                // (when the marks allow), so that the whole corpus exercises the write
                // barrier (`barrier`); its work counts towards the full collections' cap.
                minor = g.sticky.get() && g.promoted.get() <= g.live_at_full.get().max(10_000);
            }
            g.stress_count.set(0);
        }
        g.stress_collections.set(g.stress_collections.get() + 1);
    } else {
        if !g.enabled.get() {
            WANTED.store(false, Relaxed);
            return;
        }
        let used = h.cell_bytes as isize + (counting::net_bytes() - h.net_at_gc);
        if used < h.threshold as isize {
            WANTED.store(false, Relaxed);
            return;
        }
    }
    // `gc.callbacks` see automatic collections too, unless the collector is disabled
    // (stress mode collects then as well, invisibly).
    let callbacks = vm.gc.enabled.get() && has_callbacks(vm) && can_collect(vm);
    if callbacks {
        run_callbacks(vm, "start", 0);
    }
    if let Some(n) = collect_kind(vm, minor, charge_minor) {
        run_finalizers(vm);
        if callbacks {
            run_callbacks(vm, "stop", n);
        }
    }
}

/// Whether `gc.callbacks` is a non-empty list.
fn has_callbacks(vm: &Vm) -> bool {
    !vm.gc.in_callbacks.get()
        && vm.gc.callbacks.get().as_list().is_some_and(|l| l.try_borrow().is_ok_and(|l| !l.is_empty()))
}

/// Calls every callable in `gc.callbacks` with `(phase, info)` as CPython does around a
/// collection (`info`: generation, collected, uncollectable). Exceptions are reported as
/// unraisable. No collection runs meanwhile: the callbacks run with `native_depth > 0`.
fn run_callbacks(vm: &mut Vm, phase: &str, collected: usize) {
    if vm.gc.in_callbacks.get() {
        return;
    }
    vm.gc.in_callbacks.set(true);
    let list = vm.gc.callbacks.get();
    let phase = vm.new_str(phase);
    let info = vm.new_dict();
    for (k, v) in [("generation", 2), ("collected", collected as i64), ("uncollectable", 0)] {
        let k = vm.intern(k);
        let v = vm.new_int(v);
        vm.dict_set_str(info, k, v);
    }
    // The list may change while the callbacks run: index it afresh each time.
    let mut i = 0;
    loop {
        let next = list.as_list().and_then(|l| l.try_borrow().ok().and_then(|l| l.get(i).copied()));
        i += 1;
        let Some(cb) = next else { break };
        let saved = vm.handled_exc.get();
        if let Err(e) = vm.call(cb, &[phase, info], &[]) {
            report_unraisable(vm, e.0, cb);
        }
        vm.handled_exc.set(saved);
    }
    vm.gc.in_callbacks.set(false);
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
    let callbacks = has_callbacks(vm) && can_collect(vm);
    if callbacks {
        run_callbacks(vm, "start", 0);
    }
    let n = collect(vm).unwrap_or(0);
    if !vm.gc.pending.borrow().is_empty() || !vm.gc.pending_callbacks.borrow().is_empty() {
        run_finalizers(vm);
        // CPython frees the objects whose finalizers ran and did not resurrect them in
        // the same collection (they were counted above): so does an explicit collect.
        collect(vm);
    }
    if callbacks {
        run_callbacks(vm, "stop", n);
    }
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
    /// Objects marked and values visited (work accounting).
    marked: u64,
    visited: u64,
    stack: Vec<usize>,
    /// Report values that point at no live object (a use after free already happened).
    strict: bool,
    /// Push every object this marker marks on `young` (stress mode, see `promote`).
    record: bool,
    young: Vec<usize>,
}

impl<'h> Marker<'h> {
    /// A marker over `heap` that reuses the vectors of `scratch`.
    fn new(heap: &'h Heap, scratch: Scratch, strict: bool) -> Self {
        Marker { heap, marked: 0, visited: 0, stack: scratch.stack, strict, record: false, young: scratch.young }
    }
}

impl Tracer for Marker<'_> {
    #[inline(always)]
    fn value(&mut self, v: Value) {
        self.visited += 1;
        if !v.is_obj() {
            return;
        }
        let a = v.obj_ptr() as usize;
        match self.heap.mark_object(a) {
            Some(true) => {
                prefetch(a);
                self.marked += 1;
                self.stack.push(a);
                if self.record {
                    self.young.push(a);
                }
            }
            Some(false) => {}
            None => {
                if self.strict {
                    dangling(v)
                }
            }
        }
    }

    /// Code objects are traced through their registry (`trace_codes`), which holds every
    /// live one.
    fn code(&mut self, _c: &Rc<Code>) {}

    /// Long runs of non-objects (a list of a million small ints or floats) cost one tag
    /// test each: the slice is counted once and only its objects go through `value`. The
    /// tags are tested eight at a time without branches (the compiler vectorizes the
    /// test), so a block of eight non-objects costs a few instructions.
    #[inline(always)]
    fn values(&mut self, vs: &[Value]) {
        self.visited += vs.len() as u64;
        let mut chunks = vs.chunks_exact(8);
        for c in &mut chunks {
            let objs = c.iter().fold(0u32, |n, v| n + v.is_obj() as u32);
            if objs != 0 {
                self.visited -= objs as u64;
                for &v in c {
                    if v.is_obj() {
                        self.value(v);
                    }
                }
            }
        }
        for &v in chunks.remainder() {
            if v.is_obj() {
                self.visited -= 1;
                self.value(v);
            }
        }
    }
}

/// A reachable value points at no live object: a use after free already happened.
#[cold]
#[inline(never)]
fn dangling(v: Value) -> ! {
    eprintln!("krait: gc: a reachable value refers to no live object ({v:?})");
    std::process::abort();
}

impl Marker<'_> {
    /// A word found by the conservative scan.
    #[inline]
    fn word(&mut self, w: usize) {
        if let Some(cell) = self.heap.cell_of(stack::word_addr(w)) {
            if self.heap.mark(cell) {
                self.marked += 1;
                self.stack.push(cell);
                if self.record {
                    self.young.push(cell);
                }
            }
        }
    }

    /// Marks everything reachable from what was marked so far.
    fn drain(&mut self) {
        while let Some(a) = self.stack.pop() {
            // SAFETY: `a` is an allocated cell (checked when it was pushed) and nothing is
            // freed during marking.
            let o: &PyObj = unsafe { &*(a as *const PyObj) };
            trace::trace_obj(o, self);
        }
    }
}

/// `KRAIT_GC_CHECK_SKIPPED=1` (stress mode): after a minor collection marked, checks that
/// what it left out (`first` frames and the native stack from `top` to `base`) refers to
/// no young object it did not reach (else aborts): a frame must not, and a stack word only
/// if it is what the previous collection saw there (a stale copy of the address of a cell
/// that was free then; every collection keeps a copy of the stack in this mode).
/// `KRAIT_GC_CHECK_SKIPPED_VERBOSE=1` also reports words left out that changed (without
/// pointing at a young object).
#[cold]
fn check_skipped(vm: &Vm, heap: &Heap, frames: &[*const crate::frame::Frame], top: usize, base: usize) {
    struct Check<'h>(&'h Heap, u64);
    impl Tracer for Check<'_> {
        fn value(&mut self, v: Value) {
            if v.is_obj() && self.0.is_object(v.obj_ptr() as usize) && !self.0.is_marked(v.obj_ptr() as usize) {
                self.1 += 1;
            }
        }
        fn code(&mut self, _c: &Rc<Code>) {}
    }
    let mut c = Check(heap, 0);
    for &fp in frames {
        // SAFETY: registered frames are alive and unmoved while registered.
        trace::trace_frame(unsafe { &*fp }, &mut c);
    }
    if c.1 != 0 {
        eprintln!("krait: gc: a frame left out of a minor collection refers to {} young objects not reached", c.1);
        std::process::abort();
    }
    // Every word left out must be what the previous collection saw there: a word that
    // changed and points at a young object not reached is a missed root.
    let copy = vm.gc.stack_copy.borrow();
    let verbose = std::env::var_os("KRAIT_GC_CHECK_SKIPPED_VERBOSE").is_some();
    let (mut stale, mut changed, mut missed) = (0, 0, 0);
    let mut p = top & !7;
    while p + 8 <= base {
        // SAFETY: `[top, base)` is part of this thread's stack above the collector's frames
        // (see `stack::scan`); only the bits are looked at.
        let w = unsafe { std::ptr::read_volatile(p as *const usize) };
        let young = heap.cell_of(stack::word_addr(w)).is_some_and(|c| !heap.is_marked(c));
        let before = p.checked_sub(copy.0).and_then(|d| copy.1.get(d / 8)).copied();
        if before != Some(w) {
            changed += 1;
            missed += young as u64;
            if verbose {
                eprintln!("  base-{:#x}: {:#x} -> {w:#x}", base - p, before.unwrap_or(0));
            }
        } else if young {
            stale += 1;
        }
        p += 8;
    }
    if missed != 0 {
        eprintln!("krait: gc: {missed} native stack words left out of a minor collection changed since the previous one and point at young objects not reached");
        std::process::abort();
    }
    if changed != 0 && verbose {
        eprintln!(
            "krait: gc: {changed} native stack words left out changed ({stale} stale words point at young objects)"
        );
    }
}

/// Pushes on the marker's stack the permanent objects whose references may have come to
/// include non-permanent objects (see `freeze`; permanent objects are marked already,
/// their mark bits being set between collections), so that marking traces them as roots.
fn trace_permanent(vm: &Vm, m: &mut Marker, minor: bool) {
    m.stack.extend_from_slice(&vm.gc.perm_roots.borrow());
    // Permanent builtin classes: only their list of subclasses can change (see
    // `GcState::perm_classes`); most are empty.
    for &cell in vm.gc.perm_classes.borrow().iter() {
        // SAFETY: a permanent object: allocated, never freed while it is permanent.
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        match &o.payload {
            Payload::Class(c) => m.values(trace::read(&c.subclasses).as_slice()),
            _ => m.stack.push(cell),
        }
    }
    for (cell, vals) in vm.gc.perm_props.borrow().iter() {
        // SAFETY: a permanent object: allocated, never freed while it is permanent.
        let o: &PyObj = unsafe { &*(*cell as *const PyObj) };
        // The class of a property of a builtin class cannot change (`__class__` can only
        // be assigned between heap classes): only its four values are compared.
        let same = match &o.payload {
            Payload::Property { fget, fset, fdel, doc } => [fget.get(), fset.get(), fdel.get(), doc.get()] == *vals,
            _ => false,
        };
        if !same {
            m.stack.push(*cell);
        }
    }
    // Permanent plain dicts (class dicts, module dicts of the bootstrap...) are traced
    // only if they refer to some non-permanent object. `DictData::version` is bumped by
    // every mutation (crate::dict), so a dict whose version did not move since it was
    // found to refer to permanent objects only still does, and tracing it would mark
    // nothing.
    // A minor collection leaves them to the write barrier (`barrier`): every store into a
    // dict's entries records it (permanent objects are marked, so old), and the next full
    // collection sees the version moved.
    if minor {
        return;
    }
    for pd in vm.gc.perm_dicts.borrow_mut().iter_mut() {
        // SAFETY: a permanent object: allocated, never freed while it is permanent.
        let o: &PyObj = unsafe { &*(pd.cell as *const PyObj) };
        let Payload::Dict(d) = &o.payload else {
            m.stack.push(pd.cell);
            continue;
        };
        let d = trace::read(d);
        if d.version != pd.version || d.raw_len() != pd.len {
            pd.version = d.version;
            pd.len = d.raw_len();
            let perm = |v: Value| !v.is_obj() || m.heap.is_permanent(v.obj_ptr() as usize);
            pd.clean = d.iter().all(|(k, v)| perm(k) && perm(v));
        }
        if !pd.clean {
            m.stack.push(pd.cell);
        }
    }
}

/// A minor collection's extra roots: the old objects whose references may have changed
/// since the previous collection (recorded by the write barrier, `barrier`; all old lists
/// and instances when compiled code ran, `jit_ran`; `GcState::old_mutable`). Only their
/// own references are traced; those to old objects stop at once (they are marked).
fn trace_old(vm: &Vm, m: &mut Marker, remembered: &[usize], cards: &[(usize, usize)], jit_ran: bool) {
    // Objects written since the previous collection (`barrier`): the old ones (marked:
    // old, or reached already by this collection, which is as good) are traced; a young
    // one is traced only if it is reached.
    for &cell in remembered {
        if m.heap.is_marked(cell) {
            // SAFETY: remembered cells are allocated until the next sweep (`barrier`).
            let o: &PyObj = unsafe { &*(cell as *const PyObj) };
            trace::trace_obj(o, m);
        }
    }
    // Single items and entries written in old lists and dicts (unless the whole object is
    // remembered, and traced above).
    for &(cell, pos) in cards {
        if !m.heap.is_marked(cell) {
            continue;
        }
        // SAFETY: as above.
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        if o.gc.get() & barrier::REMEMBERED != 0 {
            continue;
        }
        match &o.payload {
            Payload::List(l) => {
                if let Some(&v) = trace::read(l.values_raw()).get(pos) {
                    m.value(v);
                }
            }
            Payload::Dict(d) => {
                if let Some(e) = trace::read(d).entry_at(pos) {
                    m.value(e.key);
                    m.value(e.value);
                }
            }
            Payload::Set(s) | Payload::FrozenSet(s) => {
                if let Some(k) = trace::read(s).key_at(pos) {
                    m.value(k);
                }
            }
            _ => trace::trace_obj(o, m),
        }
    }
    // Compiled code ran since the previous collection: it may have stored into any list
    // or instance slot without a barrier.
    if jit_ran {
        for &cell in vm.gc.old_jit.borrow().iter() {
            // SAFETY: as for `old_mutable` below.
            let o: &PyObj = unsafe { &*(cell as *const PyObj) };
            trace::trace_obj(o, m);
        }
    }
    // The old objects of the kinds without a barrier.
    for &cell in vm.gc.old_mutable.borrow().iter() {
        // SAFETY: an object that survived the previous collection; minor collections free
        // no such object and a full one rebuilds the list.
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        trace::trace_obj(o, m);
    }
}

/// After a stress-mode collection: the objects it marked (`young`, all survivors) join
/// `old_mutable` unless their references can never change; a full collection starts the
/// list afresh. The marks stay set (`Heap::sweep`'s `keep_marks`) for a minor collection.
fn promote(vm: &Vm, young: &[usize], minor: bool) {
    let mut old = vm.gc.old_mutable.borrow_mut();
    let mut old_jit = vm.gc.old_jit.borrow_mut();
    let mut old_classes = vm.gc.old_classes.borrow_mut();
    if minor {
        vm.gc.promoted.set(vm.gc.promoted.get() + young.len() as u64);
    } else {
        old.clear();
        old_jit.clear();
        old_classes.clear();
        barrier::prune_owners();
        vm.gc.promoted.set(0);
        vm.gc.live_at_full.set(young.len() as u64);
    }
    for &cell in young {
        // SAFETY: a marked object, so it survived the sweep.
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        if fixed_refs(o) {
            continue;
        }
        if matches!(&o.payload, Payload::Class(c) if c.has_flag(class_flags::HEAPTYPE)) {
            old_classes.push(cell);
        }
        // The class changes only through `__class__` assignment and the attributes only
        // through stores with a barrier (`barrier` docs); so do the items of a list, and
        // the payloads below hold no references or never change them. Compiled code
        // stores into lists and attributes without a barrier (`old_jit`).
        let barriered = matches!(&o.payload, Payload::Native(n) if n.refs_fixed())
            || matches!(
                o.payload,
                Payload::Object
                    | Payload::Int(_)
                    | Payload::Float(_)
                    | Payload::Complex(..)
                    | Payload::Str(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_)
                    | Payload::Tuple(_)
                    | Payload::Range { .. }
                    | Payload::Slice { .. }
                    | Payload::NativeFunction(_)
                    | Payload::BoundMethod { .. }
                    | Payload::Module(_)
                    | Payload::List(_)
                    | Payload::Dict(_)
                    | Payload::Set(_)
                    | Payload::FrozenSet(_)
            );
        if barriered {
            if let Some(a) = &o.attrs {
                barrier::add_owner(o, a, cell);
            }
            if !barrier::compiled_barriers() && (o.attrs.is_some() || matches!(o.payload, Payload::List(_))) {
                old_jit.push(cell);
            }
            continue;
        }
        old.push(cell);
    }
    vm.gc.sticky.set(true);
    if minor {
        vm.gc.minor_collections.set(vm.gc.minor_collections.get() + 1);
    }
}

/// A full collection. Returns the number of unreachable objects found (freed plus queued
/// for finalization), or None when collecting is not possible here.
fn collect(vm: &mut Vm) -> Option<usize> {
    collect_kind(vm, false, false)
}

/// A collection: a minor one (stress mode only, see the module docs) if `minor` and the
/// marks left by the previous collection allow it, else a full one. Its work counts
/// towards the minor collections' cap if `charge_minor`.
fn collect_kind(vm: &mut Vm, minor: bool, charge_minor: bool) -> Option<usize> {
    if !can_collect(vm) {
        return None;
    }
    stack::with_stack_top(|from| collect_from(vm, from, minor, charge_minor))
}

/// `collect_kind`, scanning the native stack from `from` up (`stack::with_stack_top`).
#[inline(never)]
fn collect_from(vm: &mut Vm, from: usize, minor: bool, charge_minor: bool) -> Option<usize> {
    let start = Instant::now();
    let stress = vm.gc.stress > 0;
    let minor = minor && stress && vm.gc.sticky.get();
    vm.gc.collecting.set(true);
    WANTED.store(false, Relaxed);
    let del_name = match vm.gc.del_name.get() {
        v if v.is_null() => {
            let v = vm.intern("__del__");
            vm.gc.del_name.set(v);
            v
        }
        v => v,
    };
    let base = stack::stack_base(vm);
    let hp = heap::heap_ptr();
    if stress && !minor && vm.gc.sticky.get() {
        // The marks left on the survivors of the previous collection (for a minor one)
        // go: a full collection starts from the permanent objects only.
        // SAFETY: this thread's heap; no reference to it is live yet.
        unsafe { (*hp).reset_marks() };
    }
    vm.gc.sticky.set(false);
    // SAFETY: this thread's heap. No allocation happens until `sweep` returns (marking,
    // the finalizer scan, weak reference clearing and file flushing allocate no objects),
    // so this shared borrow is not aliased by a mutable one.
    let heap_ref: &Heap = unsafe { &*hp };
    // The registry of writable files to flush at exit (`builtins::io`) holds its files
    // weakly: it is taken out of the roots while marking, and files found unreachable are
    // flushed and dropped from it (their destructor closes them when they are swept).
    let open_files = vm.state.try_borrow_mut().ok().and_then(|mut st| st.remove("open_files"));
    // The old objects written since the previous collection (`barrier`).
    let remembered = barrier::take();
    let scratch = vm.gc.scratch.take();
    let mut m = Marker::new(heap_ref, scratch, stress);
    // Stress mode records the objects marked (all the surviving non-permanent objects in a
    // full collection, the surviving young ones in a minor one) for `old_mutable`.
    m.record = stress;

    // Roots.
    vm.trace_roots(&mut m);
    vm.gc.trace_roots(&mut m);
    // A minor collection traces only the frames that may have run since the previous
    // collection, and scans the native stack only below the registration of the oldest of
    // them (module docs: "Stress mode"; `FrameStack`): those that stayed registered and
    // never were the innermost one (fewer than `low - 1` frames below them), with a margin
    // of one frame, are left out.
    let low = vm.frames.take_low();
    let first = if minor { low.saturating_sub(2) } else { 0 };
    let top = match first {
        0 => base,
        i => Some(vm.frames.sp(i)).filter(|&sp| sp > from && sp <= base).unwrap_or(base),
    };
    let first = if top == base { 0 } else { first };
    for &fp in vm.frames.borrow()[first..].iter() {
        // SAFETY: registered frames are alive and unmoved while registered (pushed on
        // entry, popped on exit by the code that owns them).
        let f = unsafe { &*fp };
        trace::trace_frame(f, &mut m);
    }
    // The suspended threads' frames and values (`crate::threads`).
    crate::threads::trace_roots(&mut m);
    trace_permanent(vm, &mut m, minor);
    let n_remembered = remembered.0.len() + remembered.1.len();
    // Compiled code ran since the previous collection, or is running (suspended below this
    // collection) now or was at the previous collection.
    let in_trace = vm.jit.in_trace();
    let jit_ran = !barrier::compiled_barriers()
        && (vm.jit.stats.entries != vm.gc.jit_entries.get() || in_trace || vm.gc.prev_in_trace.get());
    if minor {
        trace_old(vm, &mut m, &remembered.0, &remembered.1, jit_ran);
    }
    vm.gc.jit_entries.set(vm.jit.stats.entries);
    vm.gc.prev_in_trace.set(in_trace);
    trace_codes(vm, &mut m, minor);
    let mut words = stack::scan_span(from, top, heap_ref.span(), |w| m.word(w));
    // Above the outermost frame's registration lie the command line's frames and, for a
    // thread the interpreter started, its thread-local variables (glibc puts them at the
    // top of the thread's stack), which other code writes at any time: always scanned.
    let outer = if top == base { base } else { vm.frames.sp(0).clamp(top, base) };
    words += stack::scan_span(outer, base, heap_ref.span(), |w| m.word(w));
    // The stacks of the suspended threads (`crate::threads`).
    crate::threads::each_suspended_stack(|lo, hi| words += stack::scan_span(lo, hi, heap_ref.span(), |w| m.word(w)));
    m.drain();
    if vm.gc.check_skipped {
        if first > 0 {
            check_skipped(vm, heap_ref, &vm.frames.borrow()[..first], top, outer);
        }
        // The stack as this collection saw it, for the next one's check.
        let mut copy = vm.gc.stack_copy.borrow_mut();
        copy.0 = from & !7;
        copy.1.clear();
        stack::scan(from, base, |w| copy.1.push(w));
    }
    let t_mark = start.elapsed();
    let marked = |v: Value| match v.as_obj() {
        Some(_) => {
            let a = v.obj_ptr() as usize;
            heap_ref.is_object(a) && heap_ref.is_marked(a)
        }
        None => true,
    };

    // Weak references to unreachable objects are cleared before any finalizer resurrects
    // anything (the order of CPython's cycle collector), so a referent kept only for its
    // `__del__` already reads as dead. Callbacks of weak references that are themselves
    // reachable run after the sweep.
    let callbacks = crate::modules::weakref::clear_unreachable(&mut |v| marked(v));
    vm.gc.pending_callbacks.borrow_mut().extend(callbacks);

    // Finalizers: unreachable objects with a `__del__` not run yet, and unreachable
    // generators suspended after they started (they are closed), are resurrected.
    //
    // Only classes and generators are looked at first (the heap flags them at
    // allocation): unless some heap class defines `__del__` itself (a class inherits it
    // only from a heap class: `class_has` ignores builtin classes), no dead object but a
    // generator needs finalizing, and the dead objects are not touched before the sweep.
    //
    // A minor collection looks only at the young cells (every old one is marked) and at
    // the old heap classes (`GcState::old_classes`; a class's dict can gain `__del__`).
    let mut any_del = false;
    let mut to_finalize = Vec::new();
    if minor {
        for &cell in vm.gc.old_classes.borrow().iter().chain(vm.gc.perm_heap_classes.borrow().iter()) {
            // SAFETY: an old object: allocated (minor collections free no old object).
            let o: &PyObj = unsafe { &*(cell as *const PyObj) };
            if let Payload::Class(c) = &o.payload {
                any_del |= c.has_flag(class_flags::HEAPTYPE) && dict_has_str(vm, c.dict, del_name);
            }
        }
    }
    let each_special = |f: &mut dyn FnMut(usize)| {
        if minor {
            heap_ref.for_each_special_young(f)
        } else {
            heap_ref.for_each_special(f)
        }
    };
    each_special(&mut |cell| {
        // SAFETY: an allocated cell (not freed before the sweep below).
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        match &o.payload {
            Payload::Class(c) => {
                any_del |= c.has_flag(class_flags::HEAPTYPE) && dict_has_str(vm, c.dict, del_name);
            }
            Payload::Generator(g)
                if !heap_ref.is_marked(cell)
                    && o.gc.get() & FINALIZED == 0
                    && generator_needs_close(trace::read(g)) =>
            {
                to_finalize.push(cell);
            }
            _ => {}
        }
    });
    // Otherwise every dead object is looked at, in address order (the order finalizers
    // run in). Whether each class met defines `__del__` is kept in a small direct-mapped
    // cache keyed by the class's address (a collection after a burst of allocation sees
    // tens of thousands of dead objects, of a handful of classes).
    if any_del {
        to_finalize.clear();
        let mut has_del = [(0u64, false); 64];
        let each_unmarked = |f: &mut dyn FnMut(usize)| {
            if minor {
                heap_ref.for_each_unmarked_young(f)
            } else {
                heap_ref.for_each_unmarked(f)
            }
        };
        each_unmarked(&mut |cell| {
            // SAFETY: an allocated cell (not freed before the sweep below).
            let o: &PyObj = unsafe { &*(cell as *const PyObj) };
            if let Payload::Generator(g) = &o.payload {
                if o.gc.get() & FINALIZED == 0 && generator_needs_close(trace::read(g)) {
                    to_finalize.push(cell);
                }
                return;
            }
            let cls = o.class.get();
            let slot = &mut has_del[(cls.bits() >> 4) as usize % 64];
            let d = if slot.0 == cls.bits() {
                slot.1
            } else {
                let d = class_has(vm, cls, del_name);
                *slot = (cls.bits(), d);
                d
            };
            if d && o.gc.get() & FINALIZED == 0 {
                to_finalize.push(cell);
            }
        });
    }
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
    let t_final = start.elapsed();

    // Unreachable open files: flushed now, closed by their destructor in the sweep.
    if let Some(files) = open_files {
        if let Some(l) = files.as_list() {
            if let Ok(mut l) = l.try_borrow_mut() {
                l.retain(|f| {
                    if marked(*f) {
                        return true;
                    }
                    crate::builtins::io::flush_unreachable(f);
                    false
                });
            }
        }
        m.value(files);
        m.drain();
        vm.state.borrow_mut().insert("open_files", files);
    }
    // A minor collection's values are mostly references to old objects, each looked up in
    // the heap (a full one's are often small ints and floats, skipped eight at a time).
    // Stack words are read and tested eight at a time (`stack::scan_span`).
    let work = COLLECTION_WORK + m.marked + m.visited / if minor { 2 } else { 4 } + words / 8;
    let counter = if charge_minor { &vm.gc.work_minor } else { &vm.gc.work };
    counter.set(counter.get() + work);
    if minor {
        vm.gc.last_minor_work.set(work);
    } else {
        vm.gc.last_full_work.set(work);
        vm.gc.last_minor_work.set(0);
    }
    let (n_marked, n_visited) = (m.marked, m.visited);
    let Marker { mut stack, young, .. } = m;
    stack.clear();

    // Weak reference objects that are garbage themselves are forgotten.
    crate::modules::weakref::forget_unreachable(&mut |v| marked(v));

    // Large blocks cached since before the previous collection are unmapped; those the
    // sweep frees stay cached until the next one (`counting` docs: large blocks).
    counting::age_cache();
    let t_unmark = start.elapsed();
    // Everything that survives was traced: the remembered set starts afresh.
    barrier::finish(remembered);
    // SAFETY: marking is complete: every root and everything reachable from it is
    // marked (module docs), so unmarked objects are garbage.
    let (freed, freed_keys) = unsafe { (*hp).sweep(stress, minor) };
    if stress {
        promote(vm, &young, minor);
    }
    let mut young = young;
    young.clear();
    vm.gc.scratch.set(Scratch { stack, young });
    // Time in the sweep (the file flushing and weak reference pruning between the
    // finalizer scan and the sweep count as marking).
    let t_swept = start.elapsed() - (t_unmark - t_final);
    if freed_keys {
        // The attribute caches are keyed by the addresses of classes and name strs: once
        // one of those is freed, a new object at its address could hit a stale entry.
        // (A cached lookup result is reachable from its class while the class is alive
        // with the same version, so freeing other objects leaves every entry valid.)
        crate::eval::attr::clear_cache();
    }

    // Next budget.
    // SAFETY: this thread's heap; no other reference to it is live.
    let h = unsafe { &mut *hp };
    let net = counting::net_bytes();
    let live = h.live_cells * CELL + net.max(0) as usize;
    h.cell_bytes = 0;
    h.net_at_gc = net;
    if vm.gc.stress > 0 {
        // Stress mode: any allocation asks for the next collection, even when the system
        // allocator holds fewer bytes than at this collection (`heap::alloc` adds the
        // growth since `net_at_gc`, which may be negative, to the cells' bytes).
        h.threshold = 0;
        h.net_at_gc = isize::MIN / 4;
        counting::set_trigger(isize::MAX);
    } else {
        // Bytes in large blocks (the items of big lists...) count twice: scanning them
        // costs a fraction of what tracing objects does (long runs of non-objects are
        // tested eight at a time, and are memory-bound), so a heap made mostly of big
        // arrays is given room for about twice as much allocation between collections.
        let large = counting::large_bytes().clamp(0, net.max(0)) as usize;
        h.threshold = INITIAL_THRESHOLD.max(live.saturating_mul(GROWTH).saturating_add(large));
        counting::set_trigger(net + h.threshold as isize);
    }

    let mut st = vm.gc.stats.get();
    st.mark_seconds += t_mark.as_secs_f64();
    st.scan_seconds += (t_final - t_mark).as_secs_f64();
    st.sweep_seconds += (t_swept - t_final).as_secs_f64();
    st.collections += 1;
    st.collected += (freed + nfinal) as u64;
    st.last_collected = (freed + nfinal) as u64;
    let pause = start.elapsed().as_secs_f64();
    st.seconds += pause;
    st.max_pause = st.max_pause.max(pause);
    vm.gc.stats.set(st);
    vm.gc.collecting.set(false);
    if vm.gc.verbose {
        eprintln!(
            "krait: gc #{}: freed {freed}, finalizing {nfinal}, live {} cells, {} pages, budget {} KiB, {:.3} ms (mark {:.3}, finalizer scan {:.3}); marked {n_marked}, visited {n_visited}, stack words {words}{}",
            st.collections,
            h.live_cells,
            h.page_count(),
            h.threshold >> 10,
            start.elapsed().as_secs_f64() * 1e3,
            t_mark.as_secs_f64() * 1e3,
            (t_final - t_mark).as_secs_f64() * 1e3,
            if minor {
                format!(
                    " (minor: {n_remembered} remembered, {} old always traced, {} old lists and instances{})",
                    vm.gc.old_mutable.borrow().len(),
                    vm.gc.old_jit.borrow().len(),
                    if jit_ran { " traced: compiled code ran" } else { "" }
                )
            } else {
                String::new()
            },
        );
    }
    Some(freed + nfinal)
}

/// Makes every object allocated so far permanent: it stays marked from one collection to
/// the next and is never freed. Called once at the end of `Vm::new`, so the builtins are
/// permanent (as CPython's are immortal), and by `gc.freeze()`.
///
/// A permanent object whose references can never change (`fixed_refs`) is never traced
/// again: everything it refers to was allocated when it was frozen, so it is permanent
/// too. The others (dicts, lists, classes, modules, functions...) are traced at every
/// collection as roots, since they may come to refer to new objects. Most of the
/// bootstrap heap (builtin methods, names) is of the first kind, which makes a
/// collection's fixed cost several times smaller (stress mode runs one per allocation
/// safepoint).
pub fn freeze_boot(vm: &Vm) {
    freeze_new(vm);
}

/// `gc.freeze()`: like `freeze_boot`, and the objects are counted by `gc.get_freeze_count()`
/// and made ordinary again by `gc.unfreeze()` (the bootstrap objects are not).
pub fn freeze(vm: &Vm) {
    let cells = freeze_new(vm);
    vm.gc.user_frozen.borrow_mut().extend(cells);
}

/// Makes every object allocated so far permanent; returns those that were not yet.
fn freeze_new(vm: &Vm) -> Vec<usize> {
    let mut new = Vec::new();
    if vm.gc.collecting.get() {
        return new;
    }
    // The next collection is a full one (it rebuilds `old_mutable`).
    vm.gc.sticky.set(false);
    let mut roots = vm.gc.perm_roots.borrow_mut();
    let mut dicts = vm.gc.perm_dicts.borrow_mut();
    let mut classes = vm.gc.perm_classes.borrow_mut();
    let mut props = vm.gc.perm_props.borrow_mut();
    let mut heap_classes = vm.gc.perm_heap_classes.borrow_mut();
    // SAFETY: this thread's heap; no collection is running (checked above) and no other
    // reference to the heap is live during this call.
    let h = unsafe { &mut *heap::heap_ptr() };
    h.freeze(|cell| {
        // SAFETY: an allocated cell.
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        if matches!(&o.payload, Payload::Class(c) if c.has_flag(class_flags::HEAPTYPE)) {
            heap_classes.push(cell);
        }
        if matches!(o.payload, Payload::Dict(_)) && o.attrs.is_none() && o.class.get().is(vm.types.dict) {
            // `dict` is not a heap class, so the dict's class cannot change.
            dicts.push(PermDict { cell, version: u64::MAX, len: 0, clean: false });
        } else if matches!(&o.payload, Payload::Class(c) if !c.has_flag(class_flags::HEAPTYPE)) && o.attrs.is_none() {
            classes.push(cell);
        } else if let (Some(vals), None) = (property_values(o), &o.attrs) {
            props.push((cell, vals));
        } else if !fixed_refs(o) {
            roots.push(cell);
        }
        new.push(cell);
    });
    new
}

/// `gc.unfreeze()`: the objects frozen by `gc.freeze()` become ordinary again.
pub fn unfreeze(vm: &Vm) {
    if vm.gc.collecting.get() {
        return;
    }
    let cells = std::mem::take(&mut *vm.gc.user_frozen.borrow_mut());
    vm.gc.sticky.set(false);
    vm.gc.forget_permanent();
    forget_code_values();
    let set: HashSet<usize> = cells.iter().copied().collect();
    vm.gc.perm_roots.borrow_mut().retain(|c| !set.contains(c));
    vm.gc.perm_classes.borrow_mut().retain(|c| !set.contains(c));
    vm.gc.perm_heap_classes.borrow_mut().retain(|c| !set.contains(c));
    vm.gc.perm_props.borrow_mut().retain(|(c, _)| !set.contains(c));
    let mut dicts = vm.gc.perm_dicts.borrow_mut();
    dicts.retain(|d| !set.contains(&d.cell));
    // Dicts found to refer to permanent objects only may refer to these ones.
    for d in dicts.iter_mut() {
        d.version = u64::MAX;
    }
    // SAFETY: this thread's heap; no collection is running.
    unsafe { (*heap::heap_ptr()).unfreeze(&cells) };
}

/// `gc.get_freeze_count()`: objects frozen by `gc.freeze()`.
pub fn freeze_count(vm: &Vm) -> usize {
    vm.gc.user_frozen.borrow().len()
}

/// The four values of a property of a builtin class (whose class cannot be changed).
fn property_values(o: &PyObj) -> Option<[Value; 4]> {
    match &o.payload {
        Payload::Property { fget, fset, fdel, doc }
            if o.class.get().as_class().is_some_and(|c| !c.has_flag(class_flags::HEAPTYPE)) =>
        {
            Some([fget.get(), fset.get(), fdel.get(), doc.get()])
        }
        _ => None,
    }
}

/// Makes the interned name `v` permanent if it is a plain `str` (no instance attributes,
/// a builtin class that is permanent: then the str refers to nothing but that class, and
/// its class cannot be reassigned). Returns whether `v` is permanent now (or no object).
fn make_name_permanent(h: &Heap, v: Value) -> bool {
    if !v.is_obj() {
        return true;
    }
    let a = v.obj_ptr() as usize;
    if !h.is_object(a) {
        return false;
    }
    if h.is_permanent(a) {
        return true;
    }
    // SAFETY: an allocated cell (checked above), not freed during this call.
    let o: &PyObj = unsafe { &*(a as *const PyObj) };
    let cls = o.class.get();
    let plain = o.attrs.is_none()
        && matches!(o.payload, Payload::Str(_))
        && cls.as_class().is_some_and(|c| !c.has_flag(class_flags::HEAPTYPE))
        && h.is_permanent(cls.obj_ptr() as usize);
    if plain {
        h.make_permanent(a);
    }
    plain
}

/// Whether no reference held by `o` can ever change: no instance attributes, a payload
/// without interior mutability, and a builtin class (`__class__` can only be reassigned
/// between heap classes, or between module classes, whose objects are not listed here).
fn fixed_refs(o: &PyObj) -> bool {
    if o.attrs.is_some() {
        return false;
    }
    match o.class.get().as_class() {
        Some(c) if !c.has_flag(class_flags::HEAPTYPE) => {}
        _ => return false,
    }
    matches!(
        o.payload,
        Payload::Object
            | Payload::Int(_)
            | Payload::Float(_)
            | Payload::Complex(..)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::Tuple(_)
            | Payload::Range { .. }
            | Payload::Slice { .. }
            | Payload::NativeFunction(_)
            | Payload::BoundMethod { .. }
    )
}

/// Whether an unreachable generator must be closed before it is freed: CPython closes
/// (throws GeneratorExit into) generators and coroutines suspended after they started.
fn generator_needs_close(g: &GenState) -> bool {
    matches!(g.kind, GenKind::Generator | GenKind::Coroutine)
        && !g.running
        && g.frame.as_ref().is_some_and(|f| !f.sent.is_null())
}

/// Whether the class `cls` (or a class in its MRO) defines `name`, looked up in the class
/// dicts directly (no Python code, no caches).
fn class_has(vm: &Vm, cls: Value, name: Value) -> bool {
    let Some(c) = cls.as_class() else { return false };
    if !c.has_flag(class_flags::HEAPTYPE) {
        return false;
    }
    let mro = trace::read(&c.mro);
    mro.iter().any(|k| match k.as_class() {
        Some(kc) => dict_has_str(vm, kc.dict, name),
        None => false,
    })
}

/// Whether `d` is a dict holding the str key `name` (no Python code; readable even while
/// some suspended native code holds the dict mutably borrowed).
fn dict_has_str(vm: &Vm, d: Value, name: Value) -> bool {
    let (Some(dd), Some(s)) = (d.as_dict(), name.as_pystr()) else { return false };
    trace::read(dd).get_native(name, vm.str_hash(s)).is_some()
}

/// Runs the queued `__del__` methods (at a safepoint, after a collection).
fn run_finalizers(vm: &mut Vm) {
    if vm.gc.running_finalizers.get() {
        return;
    }
    vm.gc.running_finalizers.set(true);
    let name = vm.intern("__del__");
    // No collection runs while finalizers run (`running_finalizers`), so the queues only
    // shrink here; they stay roots until they are cleared at the end.
    let mut i = 0;
    loop {
        let next = vm.gc.pending.borrow().get(i).copied();
        i += 1;
        let Some(obj) = next else { break };
        if matches!(obj.as_obj().map(|o| &o.payload), Some(Payload::Generator(_))) {
            let saved = vm.handled_exc.get();
            if let Err(e) = crate::eval::generator::close(vm, obj) {
                report_unraisable(vm, e.0, obj);
            }
            vm.handled_exc.set(saved);
            continue;
        }
        let cls = vm.type_of(obj);
        let Some(f) = vm.lookup_type(cls, name) else { continue };
        let saved = vm.handled_exc.get();
        if let Err(e) = crate::eval::attr::call_unbound(vm, f, obj, &[]) {
            report_unraisable(vm, e.0, f);
        }
        vm.handled_exc.set(saved);
    }
    vm.gc.pending.borrow_mut().clear();
    let mut i = 0;
    loop {
        let next = vm.gc.pending_callbacks.borrow().get(i).copied();
        i += 1;
        let Some((cb, w)) = next else { break };
        let saved = vm.handled_exc.get();
        if let Err(e) = vm.call(cb, &[w], &[]) {
            report_unraisable(vm, e.0, cb);
        }
        vm.handled_exc.set(saved);
    }
    vm.gc.pending_callbacks.borrow_mut().clear();
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

/// The objects of a container global released item by item at exit (see
/// `finalize_at_exit`): lists and tuples from their last item to their first (CPython's
/// deallocators), dicts and sets in iteration order. None for other objects.
fn exit_items(v: Value) -> Option<Vec<Value>> {
    let o = v.as_obj()?;
    match &o.payload {
        Payload::List(l) => Some(trace::read(l.values_raw()).iter().rev().copied().collect()),
        Payload::Tuple(t) => Some(t.iter().rev().copied().collect()),
        Payload::Dict(d) => Some(trace::read(d).iter().flat_map(|(k, v)| [k, v]).collect()),
        Payload::Set(s) | Payload::FrozenSet(s) => {
            let mut items = Vec::new();
            trace::read(s).trace(&mut |x| items.push(x));
            Some(items)
        }
        _ => None,
    }
}

/// The values an instance's attributes hold (slots, or its dict in dict mode), in order.
fn exit_attrs(v: Value) -> Vec<Value> {
    let Some(a) = v.as_obj().and_then(|o| o.attrs.as_deref()) else { return Vec::new() };
    let mut out: Vec<Value> = trace::read(&a.slots).to_vec();
    if let Some(d) = a.dict.get().as_dict() {
        out.extend(trace::read(d).iter().map(|(_, x)| x));
    }
    out
}

/// Appends to `events` the objects released when `v` is released in the second pass of
/// `finalize_at_exit`: a container's items (nested containers where they sit) or an
/// instance's attribute values, each followed by what it releases in turn.
fn expand_exit(v: Value, events: &mut Vec<Value>, seen: &mut HashSet<u64>, depth: u32) {
    if !v.is_obj() || depth > 100 || !seen.insert(v.bits()) {
        return;
    }
    let items = exit_items(v).unwrap_or_else(|| exit_attrs(v));
    for x in items {
        if x.is_obj() && exit_items(x).is_none() {
            events.push(x);
        }
        expand_exit(x, events, seen, depth + 1);
    }
}

/// At interpreter exit: runs the finalizers (`__del__`, and `close()` of suspended
/// generators) of the objects that only `__main__`'s globals keep alive, in the order
/// the reference CPython (`/usr/bin/python3.11`, 3.11.2) runs them at shutdown for the
/// common cases (`tests/programs/gc_del_at_exit*.py`).
///
/// The order observed there: first the objects the globals hold directly, in insertion
/// order (not what they refer to, and not list, tuple, dict or set globals); then, global
/// by global again, what each one holds: a list's or tuple's items from last to first, a
/// dict's keys and values or a set's items in order, an instance's attribute values in
/// order, each item followed by what it holds in turn. An object is finalized where it is
/// first met. The globals still hold their values while finalizers run. Objects also
/// reachable from anything else (other modules, the stack) are not finalized (CPython may
/// finalize some of them later in its shutdown), nor are weak reference callbacks run.
///
/// Garbage already unreachable is collected first (CPython would have finalized it when it
/// died). Nothing is freed afterwards: the process is about to exit.
/// Whether the heap holds a heap class defining `__del__` or a generator (which exit
/// finalization closes).
fn exit_finalizers_possible(vm: &Vm, del_name: Value) -> bool {
    let mut possible = false;
    // SAFETY: this thread's heap; only read.
    let heap_ref: &Heap = unsafe { &*heap::heap_ptr() };
    heap_ref.for_each_special(|cell| {
        // SAFETY: an allocated cell.
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        possible |= match &o.payload {
            Payload::Class(c) => c.has_flag(class_flags::HEAPTYPE) && dict_has_str(vm, c.dict, del_name),
            Payload::Generator(_) => true,
            _ => false,
        };
    });
    possible
}

pub fn finalize_at_exit(vm: &mut Vm, globals: Value) {
    if globals.as_dict().is_none()
        || vm.gc.native_depth.get() != 0
        || vm.gc.running_finalizers.get()
        || !can_collect(vm)
    {
        return;
    }
    let del_name = vm.intern("__del__");
    // Anything to finalize at all? (A heap class with `__del__`, or a generator.)
    if !exit_finalizers_possible(vm, del_name) {
        return;
    }
    vm.gc.del_name.set(del_name);
    collect_from_loop(vm);
    // Again after collecting: the generators and classes seen above may have been garbage
    // (a finished generator expression), and then the walk below, which costs memory in
    // proportion to what the globals hold, is not needed.
    if !exit_finalizers_possible(vm, del_name) {
        return;
    }
    // SAFETY: this thread's heap; only read.
    let heap_ref: &Heap = unsafe { &*heap::heap_ptr() };

    // The objects in the order they are released.
    let values: Vec<Value> = trace::read(globals.as_dict().expect("checked")).iter().map(|(_, v)| v).collect();
    let mut events: Vec<Value> = values.iter().copied().filter(|&v| exit_items(v).is_none()).collect();
    let mut seen = HashSet::new();
    for &v in &values {
        expand_exit(v, &mut events, &mut seen, 0);
    }

    // Mark what the other roots keep alive, with the globals dict left out (marked first,
    // so marking stops there).
    if vm.gc.sticky.replace(false) {
        // SAFETY: this thread's heap; no reference to it is live here.
        unsafe { (*heap::heap_ptr()).reset_marks() };
    }
    vm.gc.collecting.set(true);
    let scratch = vm.gc.scratch.take();
    let mut m = Marker::new(heap_ref, scratch, false);
    if heap_ref.is_object(globals.obj_ptr() as usize) {
        heap_ref.mark(globals.obj_ptr() as usize);
    }
    vm.trace_roots(&mut m);
    for &fp in vm.frames.borrow().iter() {
        // SAFETY: registered frames are alive and unmoved while registered.
        let f = unsafe { &*fp };
        trace::trace_frame(f, &mut m);
    }
    crate::threads::trace_roots(&mut m);
    trace_permanent(vm, &mut m, false);
    trace_codes(vm, &mut m, false);
    m.drain();

    let mut has_del: HashMap<u64, bool> = HashMap::new();
    let mut due = Vec::new();
    let mut queued = HashSet::new();
    for v in events {
        let cell = v.obj_ptr() as usize;
        if !v.is_obj() || !heap_ref.is_object(cell) || heap_ref.is_marked(cell) || !queued.insert(cell) {
            continue;
        }
        // SAFETY: an allocated cell (checked above).
        let o: &PyObj = unsafe { &*(cell as *const PyObj) };
        if o.gc.get() & FINALIZED != 0 {
            continue;
        }
        let fin = match &o.payload {
            Payload::Generator(g) => generator_needs_close(trace::read(g)),
            _ => {
                let cls = o.class.get();
                *has_del.entry(cls.bits()).or_insert_with(|| class_has(vm, cls, del_name))
            }
        };
        if fin {
            o.gc.set(o.gc.get() | FINALIZED);
            due.push(v);
        }
    }
    let Marker { mut stack, mut young, .. } = m;
    stack.clear();
    young.clear();
    vm.gc.scratch.set(Scratch { stack, young });
    // SAFETY: this thread's heap; the marks set above are dropped (no sweep follows).
    unsafe { (*heap::heap_ptr()).reset_marks() };
    vm.gc.collecting.set(false);

    vm.gc.pending.borrow_mut().extend(due);
    run_finalizers(vm);
}
