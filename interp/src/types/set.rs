//! `set` and `frozenset`.
//!
//! `SetData` is an open-addressing hash table laid out exactly like CPython's (8 initial
//! slots, runs of up to 10 adjacent slots then perturbed re-probing, dummies for deleted
//! slots, resizing at 60% fill to a table sized from the live count). Why copy the layout:
//! a set iterates in table order, and programs print sets; `print({10, 1, 100})` must show
//! `{1, 100, 10}` as CPython does, and so must every result of `|`, `&`, `-`, `^`, `copy()`
//! and `pop()`. So every operation below follows CPython 3.11's setobject.c step by step
//! (which table is walked, when it is pre-sized, which side is iterated).
//!
//! Key equality may run Python `__eq__`, which may mutate the very set being probed. Probing
//! therefore runs under a short `RefCell` borrow that is released before any Python call;
//! afterwards the probe restarts if the table was rebuilt or the compared slot changed.

use std::cell::RefCell;

use crate::cfg::CmpOp;
use crate::impl_native;
use crate::object::{class_flags, Payload};
use crate::types::list::{repr_enter, repr_leave};
use crate::types::tuple::{descriptor_error, new_cls, no_args, one_arg};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One table slot. Unused: key NULL, hash 0. Dummy (deleted): key NULL, hash -1 (no real
/// hash is -1).
#[derive(Clone, Copy)]
struct Slot {
    key: Value,
    hash: i64,
}

const UNUSED: Slot = Slot { key: Value::NULL, hash: 0 };
const DUMMY: Slot = Slot { key: Value::NULL, hash: -1 };

impl Slot {
    #[inline]
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }
    #[inline]
    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

/// The storage of a set or frozenset.
pub struct SetData {
    table: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop()` starts looking.
    finger: usize,
    /// Bumped whenever the table is replaced, so a probe interrupted by Python code can
    /// tell it must restart.
    generation: u64,
    /// Cached frozenset hash; -1 when not computed.
    hash: i64,
}

impl Default for SetData {
    fn default() -> Self {
        SetData::new()
    }
}

/// A probe position: `off` steps through a linear run starting at `i`.
struct Probe {
    i: usize,
    off: usize,
    limit: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let i = (hash as u64 as usize) & mask;
        Probe {
            i,
            off: 0,
            limit: if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 },
            perturb: hash as u64,
            mask,
        }
    }

    #[inline]
    fn pos(&self) -> usize {
        self.i + self.off
    }

    #[inline]
    fn advance(&mut self) {
        if self.off < self.limit {
            self.off += 1;
            return;
        }
        self.perturb >>= PERTURB_SHIFT;
        self.i = (self.i.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & self.mask;
        self.off = 0;
        self.limit = if self.i + LINEAR_PROBES <= self.mask { LINEAR_PROBES } else { 0 };
    }
}

/// Key equality decided without Python, as `crate::dict::native_key_eq`, except that
/// instances of str subclasses go to their `__eq__` (CPython only shortcuts exact strs).
fn key_eq(a: Value, b: Value) -> Option<bool> {
    let user_str = |v: Value| {
        v.as_pystr().is_some() && v.obj().class.get().as_class().is_some_and(|c| c.has_flag(class_flags::HEAPTYPE))
    };
    if a.bits() != b.bits() && (user_str(a) || user_str(b)) {
        return None;
    }
    crate::dict::native_key_eq(a, b)
}

/// Outcome of probing under one borrow.
enum Scan {
    /// An active slot holding an equal key.
    Found(usize),
    /// Reached an unused slot (at this position) without finding the key.
    Unused(usize),
    /// This slot's key has the same hash and needs Python `__eq__`.
    Ask(usize, Value),
}

impl SetData {
    pub fn new() -> SetData {
        SetData { table: vec![UNUSED; MINSIZE], fill: 0, used: 0, finger: 0, generation: 0, hash: -1 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The keys in iteration (table) order.
    pub fn keys(&self) -> Vec<Value> {
        self.table.iter().filter(|s| s.is_active()).map(|s| s.key).collect()
    }

    /// (key, hash) of every element in table order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.table.iter().filter(|s| s.is_active()).map(|s| (s.key, s.hash)).collect()
    }

    /// Number of slots, for iterators walking by position.
    pub fn raw_len(&self) -> usize {
        self.table.len()
    }

    /// The element at slot `pos`, if that slot is active.
    pub fn entry_at(&self, pos: usize) -> Option<Value> {
        self.table.get(pos).filter(|s| s.is_active()).map(|s| s.key)
    }

    /// Calls `visit` on every element (for the collector).
    /// The element at table slot `pos`, if that slot holds one (the collector's minor
    /// collections, `gc::barrier`).
    pub fn key_at(&self, pos: usize) -> Option<Value> {
        self.table.get(pos).filter(|s| s.is_active()).map(|s| s.key)
    }

    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        for s in &self.table {
            if s.is_active() {
                visit(s.key);
            }
        }
    }

    /// Probes from `p` for `key` until an answer or a slot needing Python equality. With
    /// `freeslot`, records the last dummy passed (where `add` will insert).
    fn scan(&self, key: Value, hash: i64, p: &mut Probe, mut freeslot: Option<&mut Option<usize>>) -> Scan {
        loop {
            let pos = p.pos();
            let s = self.table[pos];
            if s.is_unused() {
                return Scan::Unused(pos);
            }
            if s.hash == hash && s.is_active() {
                if s.key.is(key) {
                    return Scan::Found(pos);
                }
                match key_eq(s.key, key) {
                    Some(true) => return Scan::Found(pos),
                    Some(false) => {}
                    None => return Scan::Ask(pos, s.key),
                }
            } else if s.hash == -1 && s.key.is_null() {
                if let Some(f) = freeslot.as_deref_mut() {
                    *f = Some(pos);
                }
            }
            p.advance();
        }
    }

    /// Inserts a key known to be absent into a table without dummies.
    fn insert_clean(table: &mut [Slot], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_null() {
                table[i] = Slot { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].key.is_null() {
                        table[i + j] = Slot { key, hash };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Rebuilds the table with the smallest power-of-two size above `minused`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.table.len() == MINSIZE && self.fill == self.used {
            // The small table with no dummies: nothing to gain.
            return;
        }
        // Every element moves: a position recorded by the write barrier (`store`) no longer
        // stands for it, so the whole set is recorded.
        crate::gc::barrier::payload_written(self);
        let old = std::mem::replace(&mut self.table, vec![UNUSED; newsize]);
        for s in old.iter().filter(|s| s.is_active()) {
            SetData::insert_clean(&mut self.table, s.key, s.hash);
        }
        self.fill = self.used;
        self.generation += 1;
    }

    fn grow_after_insert(&mut self) {
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Stores `key` at `pos`, which `scan` reported unused, or at the dummy `freeslot`.
    fn store(&mut self, pos: usize, freeslot: Option<usize>, key: Value, hash: i64) {
        // The write barrier records just the slot written (a big set filled one element at
        // a time costs a minor collection one element); `resize` records the whole set.
        crate::gc::barrier::payload_written_at(self, freeslot.unwrap_or(pos));
        self.hash = -1;
        match freeslot {
            Some(f) => {
                self.table[f] = Slot { key, hash };
                self.used += 1;
            }
            None => {
                self.table[pos] = Slot { key, hash };
                self.fill += 1;
                self.used += 1;
                self.grow_after_insert();
            }
        }
    }

    /// Adds a key whose equality with every element is decided natively (ints, floats,
    /// strs): no Python code runs. Returns false when an equal key needs `__eq__`; the
    /// caller then uses `add_hashed`.
    pub fn add_native(&mut self, key: Value, hash: i64) -> bool {
        let mut p = Probe::new(hash, self.mask());
        let mut freeslot = None;
        match self.scan(key, hash, &mut p, Some(&mut freeslot)) {
            Scan::Found(_) => true,
            Scan::Unused(pos) => {
                self.store(pos, freeslot, key, hash);
                true
            }
            Scan::Ask(..) => false,
        }
    }

    /// Removes the element at slot `pos`.
    fn remove_at(&mut self, pos: usize) {
        self.table[pos] = DUMMY;
        self.used -= 1;
        self.hash = -1;
    }

    pub fn clear(&mut self) {
        self.table = vec![UNUSED; MINSIZE];
        self.fill = 0;
        self.used = 0;
        self.hash = -1;
        self.generation += 1;
    }

    /// `set.pop()`: the next element from the finger on, or None when empty.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.table[i].is_active() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let key = self.table[i].key;
        self.remove_at(i);
        self.finger = i + 1;
        Some(key)
    }

    /// "If more than 1/4th are dummies, then resize them away."
    fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// CPython's frozenset hash: order-independent, from the stored element hashes.
    pub fn frozen_hash(&mut self) -> i64 {
        if self.hash != -1 {
            return self.hash;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut h: u64 = 0;
        for s in self.table.iter().filter(|s| s.is_active()) {
            h ^= shuffle(s.hash as u64);
        }
        h ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        self.hash = h as i64;
        self.hash
    }
}

// ----- Python-aware operations on a RefCell<SetData> -----

type Cell = RefCell<SetData>;

/// The storage of a set or frozenset value (subclasses included).
pub fn set_cell(v: Value) -> Option<&'static Cell> {
    match &crate::types::list::heap_ref(v)?.payload {
        Payload::Set(c) | Payload::FrozenSet(c) => Some(c),
        _ => None,
    }
}

fn is_anyset(v: Value) -> bool {
    set_cell(v).is_some()
}

fn is_frozen(v: Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::FrozenSet(_)))
}

/// Finds the slot of an element equal to `key`, running `__eq__` where needed.
fn lookup(vm: &mut Vm, c: &Cell, key: Value, hash: i64) -> PyResult<Option<usize>> {
    'restart: loop {
        let mut p = Probe::new(hash, c.borrow().mask());
        loop {
            let scan = c.borrow().scan(key, hash, &mut p, None);
            match scan {
                Scan::Found(pos) => return Ok(Some(pos)),
                Scan::Unused(_) => return Ok(None),
                Scan::Ask(pos, startkey) => {
                    let gen = c.borrow().generation;
                    let eq = vm.eq(startkey, key)?;
                    let d = c.borrow();
                    if d.generation != gen || !d.table[pos].key.is(startkey) {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Some(pos));
                    }
                    p.mask = d.mask();
                    p.advance();
                }
            }
        }
    }
}

/// Adds `key` with its known hash; false when an equal element was already there.
pub fn add_hashed(vm: &mut Vm, c: &Cell, key: Value, hash: i64) -> PyResult<bool> {
    'restart: loop {
        let mut p = Probe::new(hash, c.borrow().mask());
        let mut freeslot = None;
        loop {
            let scan = c.borrow().scan(key, hash, &mut p, Some(&mut freeslot));
            match scan {
                Scan::Found(_) => return Ok(false),
                Scan::Unused(pos) => {
                    c.borrow_mut().store(pos, freeslot, key, hash);
                    return Ok(true);
                }
                Scan::Ask(pos, startkey) => {
                    let gen = c.borrow().generation;
                    let eq = vm.eq(startkey, key)?;
                    if eq {
                        return Ok(false);
                    }
                    let d = c.borrow();
                    if d.generation != gen || !d.table[pos].key.is(startkey) {
                        continue 'restart;
                    }
                    p.mask = d.mask();
                    p.advance();
                }
            }
        }
    }
}

/// `set.add(key)` on the storage.
pub fn add(vm: &mut Vm, c: &Cell, key: Value) -> PyResult<()> {
    let hash = vm.hash(key)?;
    add_hashed(vm, c, key, hash).map(|_| ())
}

/// Removes `key`; false when absent.
pub fn discard_hashed(vm: &mut Vm, c: &Cell, key: Value, hash: i64) -> PyResult<bool> {
    match lookup(vm, c, key, hash)? {
        Some(pos) => {
            c.borrow_mut().remove_at(pos);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// `key in set` on the storage.
pub fn contains_hashed(vm: &mut Vm, c: &Cell, key: Value, hash: i64) -> PyResult<bool> {
    Ok(lookup(vm, c, key, hash)?.is_some())
}

/// The hash to look up `key` with; an unhashable `set` key is looked up as the equal
/// frozenset, as CPython does for `in`, `remove` and `discard`.
fn key_hash(vm: &mut Vm, key: Value) -> PyResult<i64> {
    match vm.hash(key) {
        Ok(h) => Ok(h),
        Err(e) => {
            let is_set = matches!(key.as_obj().map(|o| &o.payload), Some(Payload::Set(_)));
            if is_set && vm.err_matches(&e, vm.exc.type_error) {
                if let Some(c) = set_cell(key) {
                    return Ok(c.borrow_mut().frozen_hash_of_set());
                }
            }
            Err(e)
        }
    }
}

impl SetData {
    /// The hash the equal frozenset would have (not cached: sets are mutable).
    fn frozen_hash_of_set(&mut self) -> i64 {
        let saved = self.hash;
        self.hash = -1;
        let h = self.frozen_hash();
        self.hash = saved;
        h
    }
}

/// `key in set` for any set value.
pub fn contains(vm: &mut Vm, set: Value, key: Value) -> PyResult<bool> {
    let Some(c) = set_cell(set) else {
        return Err(descriptor_error(vm, "__contains__", "set", set));
    };
    let hash = key_hash(vm, key)?;
    contains_hashed(vm, c, key, hash)
}

impl SetData {
    /// The native part of CPython's `set_merge`: pre-sizes for `o`'s elements and, when
    /// this table is empty, copies them in directly. Returns false when the elements must
    /// still be added one by one (with Python equality).
    fn merge_from(&mut self, o: &SetData) -> bool {
        crate::gc::barrier::payload_written(self);
        if o.used == 0 {
            return true;
        }
        if (self.fill + o.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + o.used) * 2);
        }
        if self.fill == 0 && self.mask() == o.mask() && o.fill == o.used {
            // Same size, no dummies: copy slot for slot.
            for (dst, src) in self.table.iter_mut().zip(o.table.iter()) {
                if src.is_active() {
                    *dst = *src;
                }
            }
        } else if self.fill == 0 {
            for src in o.table.iter().filter(|s| s.is_active()) {
                SetData::insert_clean(&mut self.table, src.key, src.hash);
            }
        } else {
            return false;
        }
        self.fill = o.used;
        self.used = o.used;
        self.hash = -1;
        true
    }
}

/// `set_merge`: adds every element of the set storage `other`.
fn merge(vm: &mut Vm, c: &Cell, other: &Cell) -> PyResult<()> {
    if std::ptr::eq(c, other) {
        return Ok(());
    }
    if c.borrow_mut().merge_from(&other.borrow()) {
        return Ok(());
    }
    let entries = other.borrow().entries();
    for (k, h) in entries {
        add_hashed(vm, c, k, h)?;
    }
    Ok(())
}

/// `set_update_internal`: adds the elements of any iterable.
pub fn update_cell(vm: &mut Vm, c: &Cell, other: Value) -> PyResult<()> {
    if let Some(oc) = set_cell(other) {
        return merge(vm, c, oc);
    }
    if other.is_obj() && other.obj().class.get().is(vm.types.dict) {
        let entries: Vec<(Value, i64)> = match other.as_dict() {
            Some(dc) => {
                let d = dc.borrow();
                (0..d.raw_len()).filter_map(|i| d.entry_at(i)).map(|e| (e.key, e.hash)).collect()
            }
            None => Vec::new(),
        };
        {
            let mut d = c.borrow_mut();
            if (d.fill + entries.len()) * 5 >= d.mask() * 3 {
                let n = (d.used + entries.len()) * 2;
                d.resize(n);
            }
        }
        for (k, h) in entries {
            add_hashed(vm, c, k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(it)? {
        add(vm, c, k)?;
    }
    Ok(())
}

/// `set.update(other)` on a set value.
pub fn update(vm: &mut Vm, set: Value, other: Value) -> PyResult<()> {
    let Some(c) = set_cell(set) else {
        return Err(descriptor_error(vm, "update", "set", set));
    };
    update_cell(vm, c, other)
}

/// A new empty object of class `cls` (set, frozenset or a subclass).
fn alloc_set(vm: &Vm, cls: Value) -> Value {
    let frozen = vm.is_subclass(cls, vm.types.frozenset);
    let data = RefCell::new(SetData::new());
    vm.alloc(cls, if frozen { Payload::FrozenSet(data) } else { Payload::Set(data) })
}

/// A new `set` holding `items` (for set displays: `{a, b, c}` adds them in order).
pub fn new_set(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let s = alloc_set(vm, vm.types.set);
    if let Some(c) = set_cell(s) {
        for &k in items {
            add(vm, c, k)?;
        }
    }
    Ok(s)
}

/// `set(iterable)` / `frozenset(iterable)` of class `cls` (NULL iterable: empty).
pub fn new_set_from(vm: &mut Vm, cls: Value, iterable: Value) -> PyResult<Value> {
    let s = alloc_set(vm, cls);
    if !iterable.is_null() {
        if let Some(c) = set_cell(s) {
            update_cell(vm, c, iterable)?;
        }
    }
    Ok(s)
}

/// The frozenset CPython's compiler makes for a constant set display (`x in {1, 2, 3}`,
/// `for x in {...}`, and the source of `{1, 2, 3}` itself): built from the items in
/// source order, then rebuilt from its own iteration order when the code object's
/// constants are merged. The rebuild shows in the iteration order of larger sets.
pub fn const_frozenset(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let first = new_frozenset(vm, items)?;
    let order = set_cell(first).map(|c| c.borrow().keys()).unwrap_or_default();
    new_frozenset(vm, &order)
}

/// A set display whose items are all constants and more than two (`{1, 2, 3}`): CPython
/// compiles it to `set().update(<const frozenset>)`, which orders it differently from
/// adding the items one by one (`new_set`).
pub fn new_set_from_consts(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    if items.len() <= 2 {
        return new_set(vm, items);
    }
    let fs = const_frozenset(vm, items)?;
    new_set_from(vm, vm.types.set, fs)
}

/// A new `frozenset` holding `items`.
pub fn new_frozenset(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let s = alloc_set(vm, vm.types.frozenset);
    if let Some(c) = set_cell(s) {
        for &k in items {
            add(vm, c, k)?;
        }
    }
    Ok(s)
}

/// CPython's `make_new_set_basetype`: results of set operations are plain sets or
/// frozensets even for subclasses.
fn base_type(vm: &Vm, v: Value) -> Value {
    let t = vm.type_of(v);
    if t.is(vm.types.set) || t.is(vm.types.frozenset) {
        t
    } else if vm.is_subclass(t, vm.types.set) {
        vm.types.set
    } else {
        vm.types.frozenset
    }
}

fn copy_of(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let cls = base_type(vm, s);
    new_set_from(vm, cls, s)
}

fn len_of(v: Value) -> usize {
    set_cell(v).map(|c| c.borrow().len()).unwrap_or(0)
}

/// `set_intersection(so, other)`.
fn intersection(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    if so.is(other) {
        return copy_of(vm, so);
    }
    let cls = base_type(vm, so);
    let result = alloc_set(vm, cls);
    let rc = set_cell(result).ok_or_else(|| vm.type_error("set expected"))?;
    if is_anyset(other) {
        let (mut big, mut small) = (so, other);
        if len_of(other) > len_of(so) {
            std::mem::swap(&mut big, &mut small);
        }
        let bc = set_cell(big).ok_or_else(|| vm.type_error("set expected"))?;
        let entries = set_cell(small).map(|c| c.borrow().entries()).unwrap_or_default();
        for (k, h) in entries {
            if contains_hashed(vm, bc, k, h)? {
                add_hashed(vm, rc, k, h)?;
            }
        }
        return Ok(result);
    }
    let sc = set_cell(so).ok_or_else(|| vm.type_error("set expected"))?;
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(it)? {
        let h = vm.hash(k)?;
        if contains_hashed(vm, sc, k, h)? {
            add_hashed(vm, rc, k, h)?;
            if rc.borrow().len() >= sc.borrow().len() {
                break;
            }
        }
    }
    Ok(result)
}

/// Swaps the contents of two sets (CPython's `set_swap_bodies`, finger excluded).
fn swap_bodies(a: &Cell, b: &Cell) {
    let mut x = a.borrow_mut();
    let mut y = b.borrow_mut();
    crate::gc::barrier::payload_written(&*x);
    crate::gc::barrier::payload_written(&*y);
    std::mem::swap(&mut x.table, &mut y.table);
    std::mem::swap(&mut x.fill, &mut y.fill);
    std::mem::swap(&mut x.used, &mut y.used);
    x.generation += 1;
    y.generation += 1;
    x.hash = -1;
    y.hash = -1;
}

/// `set_difference_update_internal`.
fn difference_update_cell(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    let c = set_cell(so).ok_or_else(|| vm.type_error("set expected"))?;
    if so.is(other) {
        c.borrow_mut().clear();
        return Ok(());
    }
    if is_anyset(other) {
        let src = if (len_of(other) >> 3) > len_of(so) { intersection(vm, so, other)? } else { other };
        let entries = set_cell(src).map(|c| c.borrow().entries()).unwrap_or_default();
        for (k, h) in entries {
            discard_hashed(vm, c, k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(it)? {
            let h = vm.hash(k)?;
            discard_hashed(vm, c, k, h)?;
        }
    }
    c.borrow_mut().purge_dummies();
    Ok(())
}

/// `set_difference(so, other)`.
fn difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let other_size = if is_anyset(other) {
        len_of(other)
    } else if other.is_obj() && other.obj().class.get().is(vm.types.dict) {
        other.as_dict().map(|d| d.borrow().len()).unwrap_or(0)
    } else {
        let r = copy_of(vm, so)?;
        difference_update_cell(vm, r, other)?;
        return Ok(r);
    };
    if (len_of(so) >> 2) > other_size {
        let r = copy_of(vm, so)?;
        difference_update_cell(vm, r, other)?;
        return Ok(r);
    }
    let cls = base_type(vm, so);
    let result = alloc_set(vm, cls);
    let rc = set_cell(result).ok_or_else(|| vm.type_error("set expected"))?;
    let entries = set_cell(so).map(|c| c.borrow().entries()).unwrap_or_default();
    if let Some(dc) = other.as_dict() {
        for (k, h) in entries {
            if crate::dict::lookup(vm, dc, k, h)?.is_none() {
                add_hashed(vm, rc, k, h)?;
            }
        }
        return Ok(result);
    }
    let oc = set_cell(other).ok_or_else(|| vm.type_error("set expected"))?;
    for (k, h) in entries {
        if !contains_hashed(vm, oc, k, h)? {
            add_hashed(vm, rc, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update(so, other)`.
fn symmetric_difference_update_cell(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    let c = set_cell(so).ok_or_else(|| vm.type_error("set expected"))?;
    if so.is(other) {
        c.borrow_mut().clear();
        return Ok(());
    }
    let entries: Vec<(Value, i64)> = if other.is_obj() && other.obj().class.get().is(vm.types.dict) {
        match other.as_dict() {
            Some(dc) => {
                let d = dc.borrow();
                (0..d.raw_len()).filter_map(|i| d.entry_at(i)).map(|e| (e.key, e.hash)).collect()
            }
            None => Vec::new(),
        }
    } else if let Some(oc) = set_cell(other) {
        oc.borrow().entries()
    } else {
        let cls = base_type(vm, so);
        let tmp = new_set_from(vm, cls, other)?;
        set_cell(tmp).map(|c| c.borrow().entries()).unwrap_or_default()
    };
    for (k, h) in entries {
        if !discard_hashed(vm, c, k, h)? {
            add_hashed(vm, c, k, h)?;
        }
    }
    Ok(())
}

fn symmetric_difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let cls = base_type(vm, so);
    let r = new_set_from(vm, cls, other)?;
    symmetric_difference_update_cell(vm, r, so)?;
    Ok(r)
}

fn union(vm: &mut Vm, so: Value, others: &[Value]) -> PyResult<Value> {
    let r = copy_of(vm, so)?;
    let rc = set_cell(r).ok_or_else(|| vm.type_error("set expected"))?;
    for &o in others {
        if o.is(so) {
            continue;
        }
        update_cell(vm, rc, o)?;
    }
    Ok(r)
}

/// `set_issubset(so, other)`.
fn issubset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if !is_anyset(other) {
        let tmp = intersection(vm, so, other)?;
        return Ok(len_of(tmp) == len_of(so));
    }
    if len_of(so) > len_of(other) {
        return Ok(false);
    }
    let oc = set_cell(other).ok_or_else(|| vm.type_error("set expected"))?;
    let entries = set_cell(so).map(|c| c.borrow().entries()).unwrap_or_default();
    for (k, h) in entries {
        if !contains_hashed(vm, oc, k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(vm, other, so);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(it)? {
        if !contains(vm, so, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if so.is(other) {
        return Ok(len_of(so) == 0);
    }
    let exact_set = |vm: &Vm, v: Value| {
        v.is_obj() && (v.obj().class.get().is(vm.types.set) || v.obj().class.get().is(vm.types.frozenset))
    };
    if exact_set(vm, other) {
        let (mut big, mut small) = (so, other);
        if len_of(other) > len_of(so) {
            std::mem::swap(&mut big, &mut small);
        }
        let bc = set_cell(big).ok_or_else(|| vm.type_error("set expected"))?;
        let entries = set_cell(small).map(|c| c.borrow().entries()).unwrap_or_default();
        for (k, h) in entries {
            if contains_hashed(vm, bc, k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(it)? {
        if contains(vm, so, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `repr` of a set: `{1, 2}`, `set()`, `frozenset({1})`, `S({1})`.
pub fn repr(vm: &mut Vm, s: Value) -> PyResult<String> {
    let Some(c) = set_cell(s) else {
        return Err(descriptor_error(vm, "__repr__", "set", s));
    };
    let name = vm.type_name(s);
    if !repr_enter(s) {
        return Ok(format!("{name}(...)"));
    }
    let keys = c.borrow().keys();
    let r = (|| {
        if keys.is_empty() {
            return Ok(format!("{name}()"));
        }
        let mut body = String::new();
        for (i, &k) in keys.iter().enumerate() {
            if i > 0 {
                body.push_str(", ");
            }
            body.push_str(&crate::types::list::repr_item(vm, k)?);
        }
        if s.obj().class.get().is(vm.types.set) {
            Ok(format!("{{{body}}}"))
        } else {
            Ok(format!("{name}({{{body}}})"))
        }
    })();
    repr_leave(s);
    r
}

// ----- the set iterator -----

/// `set_iterator`: walks the table by slot; raises if the set's size changes.
pub struct SetIter {
    pub set: std::cell::Cell<Value>,
    pub pos: std::cell::Cell<usize>,
    /// The set's length when iteration began (-1 once a change was reported).
    pub used: std::cell::Cell<isize>,
    pub remaining: std::cell::Cell<usize>,
}
impl_native!(SetIter, |s, visit| { visit(s.set.get()) });

pub fn new_set_iter(vm: &Vm, set: Value) -> Value {
    let n = len_of(set);
    vm.new_native(
        crate::types::iter::class(vm, "set_iterator"),
        SetIter {
            set: std::cell::Cell::new(set),
            pos: std::cell::Cell::new(0),
            used: std::cell::Cell::new(n as isize),
            remaining: std::cell::Cell::new(n),
        },
    )
}

fn set_iter_next(vm: &mut Vm, it: &SetIter) -> PyResult<Option<Value>> {
    let s = it.set.get();
    let Some(c) = set_cell(s) else {
        return Ok(None);
    };
    let d = c.borrow();
    if it.used.get() != d.len() as isize {
        it.used.set(-1);
        return Err(vm.runtime_error("Set changed size during iteration"));
    }
    let mut i = it.pos.get();
    while i < d.raw_len() {
        if let Some(k) = d.entry_at(i) {
            it.pos.set(i + 1);
            it.remaining.set(it.remaining.get().saturating_sub(1));
            return Ok(Some(k));
        }
        i += 1;
    }
    it.pos.set(i);
    drop(d);
    it.set.set(Value::NULL);
    Ok(None)
}

/// The fast path of `iter::next_builtin` for set iterators.
pub fn next_set_iter(vm: &mut Vm, any: &dyn std::any::Any) -> Option<PyResult<Option<Value>>> {
    any.downcast_ref::<SetIter>().map(|it| set_iter_next(vm, it))
}

// ----- Python-visible methods -----

fn cell_of(vm: &Vm, v: Value, method: &str, owner: &str) -> PyResult<&'static Cell> {
    set_cell(v).ok_or_else(|| descriptor_error(vm, method, owner, v))
}

/// A mutable set, for the methods frozensets lack.
fn mutable(vm: &Vm, v: Value, method: &str) -> PyResult<&'static Cell> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Set(_)) => cell_of(vm, v, method, "set"),
        _ => Err(descriptor_error(vm, method, "set", v)),
    }
}

fn owner(v: Value) -> &'static str {
    if is_frozen(v) {
        "frozenset"
    } else {
        "set"
    }
}

fn set_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cls = new_cls(vm, args, "set", vm.types.set)?;
    if cls.is(vm.types.set) && !kwargs.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    Ok(alloc_set(vm, cls))
}

fn set_init(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let c = mutable(vm, args[0], "__init__")?;
    if !kwargs.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("set expected at most 1 argument, got {}", args.len().saturating_sub(1))));
    }
    if c.borrow().fill > 0 {
        c.borrow_mut().clear();
    }
    if let Some(&it) = args.get(1) {
        update_cell(vm, c, it)?;
    }
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cls = new_cls(vm, args, "frozenset", vm.types.frozenset)?;
    if !kwargs.is_empty() {
        let init = vm.intern("__init__");
        let mine = vm.lookup_type(vm.types.frozenset, init);
        if cls.is(vm.types.frozenset) || vm.lookup_type(cls, init) == mine {
            return Err(vm.type_error("frozenset() takes no keyword arguments"));
        }
    }
    if cls.as_class().is_none() || !vm.is_subclass(cls, vm.types.frozenset) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("frozenset.__new__({n}): {n} is not a subtype of frozenset")));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            vm.class_name(cls),
            args.len().saturating_sub(1)
        )));
    }
    let iterable = args.get(1).copied().unwrap_or(Value::NULL);
    if cls.is(vm.types.frozenset) && iterable.is_obj() && iterable.obj().class.get().is(vm.types.frozenset) {
        return Ok(iterable);
    }
    new_set_from(vm, cls, iterable)
}

fn m_add(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "set.add", args, kwargs)?;
    let c = mutable(vm, args[0], "add")?;
    add(vm, c, k)?;
    Ok(Value::NONE)
}

fn m_remove(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "set.remove", args, kwargs)?;
    let c = mutable(vm, args[0], "remove")?;
    let h = key_hash(vm, k)?;
    if !discard_hashed(vm, c, k, h)? {
        return Err(vm.key_error(k));
    }
    Ok(Value::NONE)
}

fn m_discard(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, "set.discard", args, kwargs)?;
    let c = mutable(vm, args[0], "discard")?;
    let h = key_hash(vm, k)?;
    discard_hashed(vm, c, k, h)?;
    Ok(Value::NONE)
}

fn m_pop(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "set.pop", args, kwargs)?;
    let c = mutable(vm, args[0], "pop")?;
    let r = c.borrow_mut().pop();
    r.ok_or_else(|| {
        let m = vm.new_str("pop from an empty set");
        vm.key_error(m)
    })
}

fn m_clear(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "set.clear", args, kwargs)?;
    mutable(vm, args[0], "clear")?.borrow_mut().clear();
    Ok(Value::NONE)
}

fn m_copy(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    no_args(vm, &format!("{}.copy", owner(s)), args, kwargs)?;
    cell_of(vm, s, "copy", owner(s))?;
    if s.obj().class.get().is(vm.types.frozenset) {
        return Ok(s);
    }
    copy_of(vm, s)
}

/// `s.__reduce__()`: `(type(s), (list(s),), s.__dict__ or None)`, as pickle and
/// `copy.deepcopy` use it.
fn m_reduce(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    no_args(vm, &format!("{}.__reduce__", owner(s)), args, kwargs)?;
    cell_of(vm, s, "__reduce__", owner(s))?;
    let items = vm.collect(s)?;
    let l = vm.new_list(items);
    let cls = vm.type_of(s);
    let inner = vm.new_tuple(vec![l]);
    let k = vm.intern("__dict__");
    let d = match vm.get_attr_opt(s, k) {
        Ok(Some(d)) => d,
        _ => Value::NONE,
    };
    Ok(vm.new_tuple(vec![cls, inner, d]))
}

fn m_update(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("set.update", kwargs)?;
    let c = mutable(vm, args[0], "update")?;
    for &o in &args[1..] {
        update_cell(vm, c, o)?;
    }
    Ok(Value::NONE)
}

fn m_union(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    vm.no_kwargs(&format!("{}.union", owner(s)), kwargs)?;
    cell_of(vm, s, "union", owner(s))?;
    union(vm, s, &args[1..])
}

fn intersection_multi(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return copy_of(vm, s);
    }
    let mut r = s;
    for &o in others {
        r = intersection(vm, r, o)?;
    }
    Ok(r)
}

fn m_intersection(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    vm.no_kwargs(&format!("{}.intersection", owner(s)), kwargs)?;
    cell_of(vm, s, "intersection", owner(s))?;
    intersection_multi(vm, s, &args[1..])
}

fn m_intersection_update(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("set.intersection_update", kwargs)?;
    let c = mutable(vm, args[0], "intersection_update")?;
    let tmp = intersection_multi(vm, args[0], &args[1..])?;
    if let Some(tc) = set_cell(tmp) {
        if !std::ptr::eq(tc, c) {
            swap_bodies(c, tc);
        }
    }
    Ok(Value::NONE)
}

fn difference_multi(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<Value> {
    let Some((&first, rest)) = others.split_first() else {
        return copy_of(vm, s);
    };
    let r = difference(vm, s, first)?;
    for &o in rest {
        difference_update_cell(vm, r, o)?;
    }
    Ok(r)
}

fn m_difference(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    vm.no_kwargs(&format!("{}.difference", owner(s)), kwargs)?;
    cell_of(vm, s, "difference", owner(s))?;
    difference_multi(vm, s, &args[1..])
}

fn m_difference_update(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("set.difference_update", kwargs)?;
    mutable(vm, args[0], "difference_update")?;
    for &o in &args[1..] {
        difference_update_cell(vm, args[0], o)?;
    }
    Ok(Value::NONE)
}

fn m_symmetric_difference(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    let o = one_arg(vm, &format!("{}.symmetric_difference", owner(s)), args, kwargs)?;
    cell_of(vm, s, "symmetric_difference", owner(s))?;
    symmetric_difference(vm, s, o)
}

fn m_symmetric_difference_update(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let o = one_arg(vm, "set.symmetric_difference_update", args, kwargs)?;
    mutable(vm, args[0], "symmetric_difference_update")?;
    symmetric_difference_update_cell(vm, args[0], o)?;
    Ok(Value::NONE)
}

fn m_issubset(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    let o = one_arg(vm, &format!("{}.issubset", owner(s)), args, kwargs)?;
    cell_of(vm, s, "issubset", owner(s))?;
    Ok(Value::bool(issubset(vm, s, o)?))
}

fn m_issuperset(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    let o = one_arg(vm, &format!("{}.issuperset", owner(s)), args, kwargs)?;
    cell_of(vm, s, "issuperset", owner(s))?;
    Ok(Value::bool(issuperset(vm, s, o)?))
}

fn m_isdisjoint(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0];
    let o = one_arg(vm, &format!("{}.isdisjoint", owner(s)), args, kwargs)?;
    cell_of(vm, s, "isdisjoint", owner(s))?;
    Ok(Value::bool(isdisjoint(vm, s, o)?))
}

fn m_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell_of(vm, args[0], "__len__", owner(args[0]))?;
    let n = c.borrow().len();
    Ok(vm.new_int(n as i64))
}

fn m_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let k = one_arg(vm, &format!("{}.__contains__", owner(args[0])), args, kwargs)?;
    Ok(Value::bool(contains(vm, args[0], k)?))
}

fn m_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cell_of(vm, args[0], "__iter__", owner(args[0]))?;
    Ok(new_set_iter(vm, args[0]))
}

fn m_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = repr(vm, args[0])?;
    Ok(vm.new_string(s))
}

fn m_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell_of(vm, args[0], "__hash__", "frozenset")?;
    let h = c.borrow_mut().frozen_hash();
    Ok(vm.new_int(h))
}

fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_anyset(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = if len_of(a) != len_of(b) {
                false
            } else {
                let ha = set_cell(a).map(|c| c.borrow().hash).unwrap_or(-1);
                let hb = set_cell(b).map(|c| c.borrow().hash).unwrap_or(-1);
                if ha != -1 && hb != -1 && ha != hb {
                    false
                } else {
                    issubset(vm, a, b)?
                }
            };
            if op == CmpOp::Eq {
                eq
            } else {
                !eq
            }
        }
        CmpOp::Le => issubset(vm, a, b)?,
        CmpOp::Ge => issuperset(vm, a, b)?,
        CmpOp::Lt => len_of(a) < len_of(b) && issubset(vm, a, b)?,
        CmpOp::Gt => len_of(a) > len_of(b) && issuperset(vm, a, b)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool(r))
}

macro_rules! cmp_fn {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            let o = one_arg(vm, "set.__eq__", args, kwargs)?;
            cell_of(vm, args[0], "__eq__", owner(args[0]))?;
            richcompare(vm, args[0], o, $op)
        }
    };
}
cmp_fn!(m_eq, CmpOp::Eq);
cmp_fn!(m_ne, CmpOp::Ne);
cmp_fn!(m_lt, CmpOp::Lt);
cmp_fn!(m_le, CmpOp::Le);
cmp_fn!(m_gt, CmpOp::Gt);
cmp_fn!(m_ge, CmpOp::Ge);

/// A binary set operator: both operands must be sets. `reflected` methods receive the
/// right operand as self.
fn binop(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Value, Value)],
    reflected: bool,
    f: fn(&mut Vm, Value, Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let o = one_arg(vm, "set.__or__", args, kwargs)?;
    let (l, r) = if reflected { (o, args[0]) } else { (args[0], o) };
    if !is_anyset(l) || !is_anyset(r) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    f(vm, l, r)
}

fn op_or(vm: &mut Vm, l: Value, r: Value) -> PyResult<Value> {
    let res = copy_of(vm, l)?;
    if !l.is(r) {
        if let Some(c) = set_cell(res) {
            update_cell(vm, c, r)?;
        }
    }
    Ok(res)
}

macro_rules! binop_fns {
    ($name:ident, $rname:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            binop(vm, args, kwargs, false, $f)
        }
        fn $rname(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            binop(vm, args, kwargs, true, $f)
        }
    };
}
binop_fns!(m_or, m_ror, op_or);
binop_fns!(m_and, m_rand, intersection);
binop_fns!(m_sub, m_rsub, difference);
binop_fns!(m_xor, m_rxor, symmetric_difference);

fn inplace(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Value, Value)],
    f: fn(&mut Vm, Value, Value) -> PyResult<()>,
) -> PyResult<Value> {
    let o = one_arg(vm, "set.__ior__", args, kwargs)?;
    mutable(vm, args[0], "__ior__")?;
    if !is_anyset(o) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    f(vm, args[0], o)?;
    Ok(args[0])
}

fn ip_or(vm: &mut Vm, s: Value, o: Value) -> PyResult<()> {
    update(vm, s, o)
}

fn ip_and(vm: &mut Vm, s: Value, o: Value) -> PyResult<()> {
    let tmp = intersection(vm, s, o)?;
    if let (Some(a), Some(b)) = (set_cell(s), set_cell(tmp)) {
        if !std::ptr::eq(a, b) {
            swap_bodies(a, b);
        }
    }
    Ok(())
}

fn m_ior(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    inplace(vm, args, kwargs, ip_or)
}
fn m_iand(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    inplace(vm, args, kwargs, ip_and)
}
fn m_isub(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    inplace(vm, args, kwargs, difference_update_cell)
}
fn m_ixor(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    inplace(vm, args, kwargs, symmetric_difference_update_cell)
}

fn m_iter_length_hint(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "__length_hint__", args, kwargs)?;
    let n = match args[0].as_obj().and_then(|o| o.native::<SetIter>()) {
        Some(it) if set_cell(it.set.get()).map(|c| c.borrow().len() as isize) == Some(it.used.get()) => {
            it.remaining.get()
        }
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

pub fn init(vm: &mut Vm) {
    let it = crate::types::iter::register_iterator(vm, "set_iterator", 0, false);
    vm.add_method(it, "__length_hint__", m_iter_length_hint);
    let (set, fset) = (vm.types.set, vm.types.frozenset);
    vm.add_staticmethod(set, "__new__", set_new);
    vm.add_method(set, "__init__", set_init);
    vm.add_staticmethod(fset, "__new__", frozenset_new);
    for c in [set, fset] {
        vm.add_method(c, "copy", m_copy);
        vm.add_method(c, "__reduce__", m_reduce);
        vm.add_method(c, "union", m_union);
        vm.add_method(c, "intersection", m_intersection);
        vm.add_method(c, "difference", m_difference);
        vm.add_method(c, "symmetric_difference", m_symmetric_difference);
        vm.add_method(c, "issubset", m_issubset);
        vm.add_method(c, "issuperset", m_issuperset);
        vm.add_method(c, "isdisjoint", m_isdisjoint);
        vm.add_method(c, "__len__", m_len);
        vm.add_method(c, "__contains__", m_contains);
        vm.add_method(c, "__iter__", m_iter);
        vm.add_method(c, "__repr__", m_repr);
        vm.add_method(c, "__eq__", m_eq);
        vm.add_method(c, "__ne__", m_ne);
        vm.add_method(c, "__lt__", m_lt);
        vm.add_method(c, "__le__", m_le);
        vm.add_method(c, "__gt__", m_gt);
        vm.add_method(c, "__ge__", m_ge);
        vm.add_method(c, "__or__", m_or);
        vm.add_method(c, "__ror__", m_ror);
        vm.add_method(c, "__and__", m_and);
        vm.add_method(c, "__rand__", m_rand);
        vm.add_method(c, "__sub__", m_sub);
        vm.add_method(c, "__rsub__", m_rsub);
        vm.add_method(c, "__xor__", m_xor);
        vm.add_method(c, "__rxor__", m_rxor);
    }
    vm.add_method(set, "add", m_add);
    vm.add_method(set, "remove", m_remove);
    vm.add_method(set, "discard", m_discard);
    vm.add_method(set, "pop", m_pop);
    vm.add_method(set, "clear", m_clear);
    vm.add_method(set, "update", m_update);
    vm.add_method(set, "intersection_update", m_intersection_update);
    vm.add_method(set, "difference_update", m_difference_update);
    vm.add_method(set, "symmetric_difference_update", m_symmetric_difference_update);
    vm.add_method(set, "__ior__", m_ior);
    vm.add_method(set, "__iand__", m_iand);
    vm.add_method(set, "__isub__", m_isub);
    vm.add_method(set, "__ixor__", m_ixor);
    let k = vm.intern("__hash__");
    vm.set_class_or_module_attr(set, k, Value::NONE);
    vm.add_method(fset, "__hash__", m_hash);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CPython's hash of a small int.
    fn int_hash(i: i64) -> i64 {
        if i == -1 {
            -2
        } else {
            i
        }
    }

    fn build(items: &[i64]) -> SetData {
        let mut s = SetData::new();
        for &i in items {
            assert!(s.add_native(Value::small_int(i).unwrap(), int_hash(i)));
        }
        s
    }

    /// What CPython 3.11 does for a display of more than two constants: a frozenset from
    /// the items, rebuilt from its own order, merged into an empty set.
    fn literal(items: &[i64]) -> SetData {
        if items.len() <= 2 {
            return build(items);
        }
        let first = build(items);
        let again: Vec<i64> = order(&first);
        let fs = build(&again);
        let mut s = SetData::new();
        assert!(s.merge_from(&fs));
        s
    }

    fn order(s: &SetData) -> Vec<i64> {
        s.keys().iter().map(|k| k.as_small_int().unwrap()).collect()
    }

    /// Iteration orders recorded from `/usr/bin/python3.11`: `print(list({...}))` for
    /// displays of constants, `print(list(set([...])))` for sets built one by one.
    #[test]
    fn iteration_order_matches_cpython() {
        let literals: &[(&[i64], &[i64])] = &[
            (&[10, 1, 100, 7, 33], &[1, 33, 100, 7, 10]),
            (&[3, 1, 2], &[1, 2, 3]),
            (&[-1, -2, 0, 5, 8, 16, 24], &[0, 16, 5, -2, 8, 24, -1]),
            (&[100, 200, 300, 17, 33, 64, 1000, 5], &[64, 33, 100, 5, 200, 1000, 300, 17]),
            (&[8, 0], &[8, 0]),
            (&[1, 9, 17, 25, 33, 41, 49, 57, 65, 73, 81], &[65, 1, 33, 41, 9, 73, 17, 49, 81, 25, 57]),
            (&[5, 13, 21, 29, 37], &[29, 5, 37, 21, 13]),
        ];
        for (input, expect) in literals {
            assert_eq!(order(&literal(input)), expect.to_vec(), "literal {input:?}");
        }
        let built: &[(&[i64], &[i64])] = &[
            (
                &[20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
                &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
            ),
            (&[0, 8, 16, 24, 32, 40, 48, 56, 64, 72], &[0, 32, 64, 8, 40, 72, 16, 48, 24, 56]),
            (&[1000, 2000, 3000, 4000, 5000, 6000, 7, 8], &[4000, 7, 1000, 5000, 8, 2000, 6000, 3000]),
            (
                &[
                    0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225, 256, 289, 324, 361, 400, 441,
                    484, 529, 576, 625, 676, 729, 784, 841,
                ],
                &[
                    0, 1, 256, 4, 9, 16, 144, 400, 529, 784, 25, 289, 36, 676, 169, 49, 441, 64, 576, 196, 324, 841,
                    81, 729, 225, 100, 484, 361, 625, 121,
                ],
            ),
            (
                &[1099511627776, 8589934593, 7, 70368744177664, 35184372088835, 12345678901],
                &[1099511627776, 8589934593, 70368744177664, 35184372088835, 7, 12345678901],
            ),
            (
                &[
                    0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126, 133, 140, 147, 154,
                    161, 168, 175, 182, 189, 196,
                ],
                &[
                    0, 133, 7, 140, 14, 147, 21, 154, 28, 161, 35, 168, 42, 175, 49, 182, 56, 189, 63, 196, 70, 77, 84,
                    91, 98, 105, 112, 119, 126,
                ],
            ),
        ];
        for (input, expect) in built {
            assert_eq!(order(&build(input)), expect.to_vec(), "built {input:?}");
        }
    }

    #[test]
    fn discard_then_add_reuses_dummies_like_cpython() {
        // s = {1,2,3}; s.discard(2); s.add(10); s.add(18) -> {18, 1, 10, 3}
        let mut s = build(&[1, 2, 3]);
        let two = Value::small_int(2).unwrap();
        let mut p = Probe::new(2, s.mask());
        match s.scan(two, 2, &mut p, None) {
            Scan::Found(pos) => s.remove_at(pos),
            _ => panic!("2 not found"),
        }
        s.add_native(Value::small_int(10).unwrap(), 10);
        s.add_native(Value::small_int(18).unwrap(), 18);
        assert_eq!(order(&s), vec![18, 1, 10, 3]);
    }

    #[test]
    fn pop_uses_the_finger() {
        let mut s = build(&(0..10).collect::<Vec<_>>());
        let a = s.pop().unwrap().as_small_int();
        let b = s.pop().unwrap().as_small_int();
        assert_eq!((a, b), (Some(0), Some(1)));
        assert_eq!(order(&s), vec![2, 3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn frozenset_hashes_match_cpython() {
        assert_eq!(SetData::new().frozen_hash(), 133146708735736);
        assert_eq!(build(&[1, 2, 3]).frozen_hash(), -272375401224217160);
        assert_eq!(build(&(0..100).collect::<Vec<_>>()).frozen_hash(), 4411996150312757951);
    }
}
