//! The write barrier of the stress mode's minor collections (module docs: "Stress mode").
//!
//! A minor collection marks from the roots and from the old objects that may refer to
//! young ones. Without a barrier that meant tracing (one level) every old object whose
//! references can change. With it, the old objects of the kinds listed below are traced
//! only when they were written since the previous collection: every path that stores a
//! value into one of them calls a hook here first (or right after), which flags the object
//! (`REMEMBERED`, a bit of `PyObj::gc`) and records it in the remembered set. The set is
//! emptied (and the bits cleared) by every collection, full or minor: everything that
//! survives a collection was traced by it, so it refers only to marked (old) objects.
//!
//! Hooks (each a load and a branch unless stress mode is on, `ACTIVE`):
//! - lists: `ListData`'s `Deref` (every generic access, reads included: conservative),
//!   `set` and `push` (`payload_written`, `payload_written_at`: the list's cell is found
//!   from the address of its `ListData`, inline in the cell);
//! - dicts: `DictData::push_new`, `set_value_at`, `set_native` overwriting, and `compact`
//!   (which moves entries);
//! - sets and frozensets: `SetData::store` (the slot written), `resize` (every element
//!   moves: the whole set), `merge_from`, `swap_bodies`;
//! - instance attributes: `Attrs::set_slot` and the interpreter's inline-cache store
//!   (`attrs_written`; an `Attrs` is boxed, so its old owner is found in `OWNERS`), the
//!   stores of an attribute dict (`attr.rs`, `descr.rs`);
//! - `__class__` assignment (`object_type.rs`: `written`).
//!
//! Only old objects are recorded (marked: stress mode leaves the survivors of a collection
//! marked; permanent objects are marked too, so permanent dicts need no scan of their own
//! in a minor collection). A store to one item of a list, one entry of a dict or one slot
//! of a set's table records just that position (`CARDS`), so that a big container written
//! at every step (a memo dict, a list growing by appends, a set filled one element at a
//! time) costs a minor collection one item, not the whole container; other writes record
//! the whole object.
//!
//! Old objects of other kinds are handled as before (module docs): whatever can change
//! and has no barrier (classes, functions, cells, generators, exceptions, native objects
//! other than the list and range iterators, whose references are fixed:
//! `NativeData::refs_fixed`) is traced at every minor collection (`GcState::old_mutable`).
//!
//! Compiled traces store into list items and instance slots inline (`jit::attr`:
//! `MEM_LIST_ITEMS`, `MEM_ATTRS`). In stress mode the recorder follows each such store with
//! a call to `compiled_store` or `compiled_store_at` (`set_compiled_barriers`, called when
//! stress mode starts). Without those calls a minor collection would have to trace every
//! old list and every old object with attributes (`GcState::old_jit`) when compiled code
//! ran since the previous collection (every run starts in `jit::exit::enter`, which counts
//! it in `vm.jit.stats.entries` before jumping to the code) or is suspended below the
//! collection, or was at the previous one (a trace's back edge calls `gc::safepoint`
//! through `jit_safepoint`, and a helper it calls may reach one; the trace goes on storing
//! after it returns: `jit::Jit::in_trace` counts the runs under way); that fallback is
//! kept for a JIT that does not call them. The optimizer treats those calls like any
//! other call that may write memory (no store-to-load forwarding, hoisting or sinking in a
//! loop that makes one), so traces that store references are optimized less in stress
//! mode than elsewhere.

use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

use crate::heap;
use crate::object::{Attrs, PyObj};

/// Flag bit in `PyObj::gc`: the object is in the remembered set.
pub const REMEMBERED: u32 = 2;
/// Flag bit in `PyObj::gc`: the object's `Attrs` box is in `OWNERS`.
pub const OWNED: u32 = 4;

/// Stress mode is on: the hooks record what they see.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Compiled code calls `compiled_store` and `compiled_store_at` (`set_compiled_barriers`).
static COMPILED_BARRIERS: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Cells written since the previous collection (each once: `REMEMBERED`).
    static SET: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    /// Old lists and dicts, with the position of an item or entry written since the
    /// previous collection (`payload_written_at`).
    static CARDS: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
    /// The address of every old object's `Attrs` box, to its cell (an object's `attrs` box
    /// is never replaced: the field is not a `Cell`). Extended when objects are promoted
    /// (`add_owner`, once per object: `OWNED`); entries of freed objects are dropped by
    /// full collections once they may make up half of it (`prune_owners`). Until then such
    /// an entry can only make a store into a younger object's `Attrs` at the same address
    /// remember a wrong cell, which is harmless (an old object traced once more; a cell
    /// that is free or young is not remembered): when that object is promoted, its own
    /// entry replaces the stale one.
    static OWNERS: RefCell<HashMap<usize, usize>> = RefCell::new(HashMap::new());
    /// `OWNERS`'s length after it was last pruned.
    static OWNERS_KEPT: Cell<usize> = const { Cell::new(0) };
    /// Whether any cell was remembered since `take` (a cheap test for the common case).
    static ANY: Cell<bool> = const { Cell::new(false) };
}

/// Turns the hooks on (stress mode).
pub(crate) fn activate() {
    ACTIVE.store(true, Relaxed);
}

#[inline(always)]
pub fn active() -> bool {
    ACTIVE.load(Relaxed)
}

/// The references of `o` may have changed.
#[inline]
pub fn written(o: &PyObj) {
    if active() {
        written_slow(o as *const PyObj as usize);
    }
}

/// The references held by `p` may change, where `p` is the payload data of an object,
/// inline in its cell (`ListData`, `DictData`, `SetData`): the object is found from the
/// address. Data that is not in the heap (being built, or boxed inside another object)
/// is ignored.
#[inline]
pub fn payload_written<T>(p: &T) {
    if active() {
        payload_slow(p as *const T as usize);
    }
}

/// An object's instance attributes may change (`Attrs`'s stores).
#[inline]
pub fn attrs_written(a: &Attrs) {
    if active() {
        attrs_slow(a as *const Attrs as usize);
    }
}

/// Position `pos` of `p`'s items or entries may change (a list's item or append, a dict's
/// entry), `p` as for `payload_written`. For an old object this records only the position
/// (`CARDS`), so a minor collection traces that item instead of a whole big container.
#[inline]
pub fn payload_written_at<T>(p: &T, pos: usize) {
    if active() {
        payload_at_slow(p as *const T as usize, pos);
    }
}

#[cold]
#[inline(never)]
fn payload_at_slow(addr: usize, pos: usize) {
    // SAFETY: as above.
    let h = unsafe { &*heap::heap_ptr() };
    if let Some(cell) = h.cell_of(addr) {
        // Young objects (unmarked) are traced whole when reached; only old ones need it.
        if h.is_marked(cell) {
            // SAFETY: an allocated cell.
            let o: &PyObj = unsafe { &*(cell as *const PyObj) };
            if o.gc.get() & REMEMBERED == 0 {
                CARDS.with(|c| c.borrow_mut().push((cell, pos)));
                ANY.set(true);
            }
        }
    }
}

#[cold]
#[inline(never)]
fn written_slow(addr: usize) {
    // SAFETY: this thread's heap; only read (the bitmaps).
    let h = unsafe { &*heap::heap_ptr() };
    // Only objects in the heap are flagged: a `PyObj` not allocated yet (built on the Rust
    // stack) must not carry the bit into its cell.
    if h.is_object(addr) {
        remember(addr);
    }
}

#[cold]
#[inline(never)]
fn payload_slow(addr: usize) {
    // SAFETY: as above.
    let h = unsafe { &*heap::heap_ptr() };
    // Payload data inline in a cell belongs to that cell's object; data elsewhere (being
    // built, or boxed in a native object, which minor collections always trace) to none.
    if let Some(cell) = h.cell_of(addr) {
        remember(cell);
    }
}

#[cold]
#[inline(never)]
fn attrs_slow(addr: usize) {
    // Only old objects are in `OWNERS`: a young owner is traced when it is reached.
    if let Some(cell) = OWNERS.with(|o| o.borrow().get(&addr).copied()) {
        remember(cell);
    }
}

fn remember(cell: usize) {
    // SAFETY: this thread's heap; only read.
    let h = unsafe { &*heap::heap_ptr() };
    // Young objects (unmarked: stress mode leaves the survivors of a collection marked) are
    // traced whole when reached. Before the marks allow a minor collection, the next
    // collection is a full one, which needs no remembered set.
    if !h.is_marked(cell) {
        return;
    }
    // SAFETY: `cell` is an allocated cell of this heap (checked by the callers, or an old
    // object of `OWNERS`, which only full collections free, and they rebuild it).
    let o: &PyObj = unsafe { &*(cell as *const PyObj) };
    let g = o.gc.get();
    if g & REMEMBERED == 0 {
        o.gc.set(g | REMEMBERED);
        SET.with(|s| s.borrow_mut().push(cell));
        ANY.set(true);
    }
}

/// The remembered set and the written positions (emptied; `REMEMBERED` stays set on the
/// cells until `finish`).
pub(crate) fn take() -> (Vec<usize>, Vec<(usize, usize)>) {
    if !ANY.get() {
        return (Vec::new(), Vec::new());
    }
    ANY.set(false);
    (SET.with(|s| std::mem::take(&mut *s.borrow_mut())), CARDS.with(|c| std::mem::take(&mut *c.borrow_mut())))
}

/// Clears `REMEMBERED` on the cells `take` returned and on any remembered since (called
/// right before the sweep: they are all still allocated), and empties the set.
pub(crate) fn finish((mut cells, mut cards): (Vec<usize>, Vec<(usize, usize)>)) {
    let clear = |cells: &[usize]| {
        for &cell in cells {
            // SAFETY: remembered cells are allocated until the sweep that follows this call.
            let o: &PyObj = unsafe { &*(cell as *const PyObj) };
            o.gc.set(o.gc.get() & !REMEMBERED);
        }
    };
    clear(&cells);
    cells.clear();
    SET.with(|s| {
        let mut s = s.borrow_mut();
        clear(&s);
        s.clear();
        if s.capacity() < cells.capacity() {
            *s = cells;
        }
    });
    cards.clear();
    CARDS.with(|c| {
        let mut c = c.borrow_mut();
        c.clear();
        if c.capacity() < cards.capacity() {
            *c = cards;
        }
    });
    ANY.set(false);
}

/// Records the old owner `o` (at `cell`) of an `Attrs` box (`promote`).
pub(crate) fn add_owner(o: &PyObj, attrs: &Attrs, cell: usize) {
    let g = o.gc.get();
    if g & OWNED == 0 {
        o.gc.set(g | OWNED);
        OWNERS.with(|m| m.borrow_mut().insert(attrs as *const Attrs as usize, cell));
    }
}

/// Drops the entries of `OWNERS` whose object was freed, when it doubled since it was
/// last pruned (a full collection, after its sweep).
pub(crate) fn prune_owners() {
    OWNERS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() <= 2 * OWNERS_KEPT.get().max(4096) {
            return;
        }
        // SAFETY: this thread's heap; only read.
        let h = unsafe { &*heap::heap_ptr() };
        m.retain(|&attrs, &mut cell| {
            // SAFETY: an allocated cell (checked first).
            h.is_object(cell)
                && unsafe { &*(cell as *const PyObj) }.attrs.as_deref().map(|a| a as *const Attrs as usize)
                    == Some(attrs)
        });
        OWNERS_KEPT.set(m.len());
    });
}

/// The barrier for compiled code: the object at `obj` (the address of its `PyObj`, as a
/// trace holds it after its class guard) was stored into: one of its instance slots
/// (`MEM_ATTRS`), called by traces in stress mode (`jit::attr`, `set_compiled_barriers`).
pub extern "C" fn compiled_store(obj: u64) -> u64 {
    if active() {
        written_slow(obj as usize);
    }
    0
}

/// The same for a store into item `index` of the list at `obj` (`MEM_LIST_ITEMS`).
pub extern "C" fn compiled_store_at(obj: u64, index: u64) -> u64 {
    if active() {
        // SAFETY: this thread's heap; only read.
        let h = unsafe { &*heap::heap_ptr() };
        if h.is_object(obj as usize) {
            // SAFETY: an allocated cell.
            let o: &PyObj = unsafe { &*(obj as *const PyObj) };
            if let crate::object::Payload::List(l) = &o.payload {
                payload_at_slow(l as *const crate::object::ListData as usize, index as usize);
            }
        }
    }
    0
}

/// Compiled code stores into lists and instance slots without a barrier, so minor
/// collections trace every old list and instance after compiled code ran
/// (`GcState::old_jit`). A JIT that records, while `active()`, a call to `compiled_store`
/// after every `MEM_ATTRS` store and to `compiled_store_at` after every `MEM_LIST_ITEMS`
/// store (and whose exits store into old objects only through the interpreter's paths)
/// calls this once, before compiling anything, and that fallback goes.
pub fn set_compiled_barriers() {
    COMPILED_BARRIERS.store(true, Relaxed);
}

/// Whether compiled code calls the barrier itself (`set_compiled_barriers`).
pub(crate) fn compiled_barriers() -> bool {
    COMPILED_BARRIERS.load(Relaxed)
}
