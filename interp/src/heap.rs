//! The heap: fixed-size cells for `PyObj` in pages mapped with `memmap2`. Objects never
//! move; the collector (`crate::gc`) marks them and `sweep` drops the dead ones in place.
//!
//! ```text
//!  page (PAGE_SIZE = 256 KiB, aligned to its size)
//!  +-----------------------------+------+------+------+-- ... --+------+
//!  | PageHeader: magic, alloc,   | cell | cell | cell |         | cell |
//!  | mark, permanent bitmaps     |  0   |  1   |  2   |         | N-1  |
//!  +-----------------------------+------+------+------+-- ... --+------+
//!  ^ base = any address & !(PAGE_SIZE - 1)      cell i at base + CELLS_START + i * CELL
//! ```
//!
//! Size classes: there is exactly one, because every `PyObj` has the same Rust size (the
//! `Payload` enum is as large as its largest variant). Everything variable-sized an object
//! owns — list and tuple items, str and bytes data, big-int digits, dict tables, boxed
//! payloads (`Box<ClassData>`, `Box<dyn NativeData>`...) — lives in the system allocator
//! and is freed by the `PyObj`'s Rust destructor when the cell is swept. "Large objects"
//! are therefore handled by the global allocator (`gc::counting`, which maps blocks of
//! 1 MiB or more itself, prefaulted, and keeps a few freed ones for reuse); the collector
//! sees their whole volume through the bytes that allocator holds, which drive
//! collections together with the number of cells allocated.
//!
//! Any address can be mapped to its cell: round down to the page, check the page is one of
//! ours, divide the offset (interior pointers count). The conservative stack scan uses
//! that (`Heap::cell_of`).
//!
//! Allocation fast path (`alloc`): take the lowest set bit of `free_bits`, the free cells
//! of the current 64-cell group (a snapshot of the inverted alloc bitmap word), else
//! `refill`, which moves the cursor to the next bitmap word with a free cell, page after
//! page, mapping a new page when every page is full. There is no free list: a sweep only
//! clears alloc bits and resets the cursor, so its cost is the dead objects' destructors
//! plus a few words per page, not a walk over every free cell; and allocation never
//! reads the free cell it hands out. A fresh page is all free bits, so allocating in it
//! is bump allocation in 64-cell steps. `alloc` sets the cell's alloc bit and bumps the
//! byte counter; when the counter passes the threshold it raises `gc::WANTED`, which the
//! interpreter checks at its safepoints. Allocation itself never collects.
//!
//! The heap is per thread (a VM lives on one thread): a leaked `Heap` reached through a
//! `thread_local!` pointer.

use std::cell::Cell;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use memmap2::MmapMut;

use crate::object::{class_flags, Payload, PyObj};
use crate::value::Value;

/// Size and alignment of a page.
pub const PAGE_SIZE: usize = 256 * 1024;
const PAGE_MASK: usize = PAGE_SIZE - 1;
/// Size of one cell: `PyObj` rounded up to 16 bytes.
pub const CELL: usize = (std::mem::size_of::<PyObj>() + 15) & !15;
/// Words in each per-page bitmap (enough bits for every cell the page could hold).
const BITMAP_WORDS: usize = PAGE_SIZE / CELL / 64 + 1;
const PAGE_MAGIC: u64 = 0x4B52_4149_5450_4147; // "KRAITPAG"

#[repr(C)]
struct PageHeader {
    magic: u64,
    /// Bit i set: cell i holds a live (not yet swept) `PyObj`.
    alloc: [u64; BITMAP_WORDS],
    /// Bit i set: cell i was reached in the current mark phase. Between collections the
    /// mark bits equal the permanent bits (the mark phase starts from them), except in
    /// stress mode, where they are left set on every survivor for the next minor
    /// collection (`sweep`'s `keep_marks`; a full one starts with `reset_marks`).
    mark: [u64; BITMAP_WORDS],
    /// Bit i set: cell i holds a permanent object (`Heap::freeze`), never freed.
    perm: [u64; BITMAP_WORDS],
    /// Bit i set: cell i holds a class that may be a heap class, or a generator (what the
    /// collector's finalizer scan must look at first, `Heap::for_each_special`).
    special: [u64; BITMAP_WORDS],
}

/// Offset of cell 0 in a page.
const CELLS_START: usize = (std::mem::size_of::<PageHeader>() + 63) & !63;
/// Cells per page.
pub const NCELLS: usize = (PAGE_SIZE - CELLS_START) / CELL;

const _: () = assert!(NCELLS <= BITMAP_WORDS * 64);
const _: () = assert!(std::mem::align_of::<PyObj>() <= 16);

/// Largest address span (in pages) indexed by `Heap::page_bits` (a 512 KiB bitmap).
const MAX_SPAN_PAGES: usize = 1 << 22;

/// Empty pages kept mapped after a sweep (beyond these, empty pages go back to the OS).
const RESERVE_PAGES: usize = 4;

/// Hashes page bases (multiples of PAGE_SIZE) with one multiply: the set of pages is
/// consulted for every word of the stack scan and every value marked.
#[derive(Default)]
struct PageHasher(u64);

impl Hasher for PageHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n >> 18) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type PageSet = HashSet<usize, BuildHasherDefault<PageHasher>>;

struct Page {
    /// Aligned start of the page inside `map`.
    base: usize,
    /// The mapping (twice `PAGE_SIZE`, so an aligned page fits in it); unmapped on drop.
    _map: MmapMut,
}

pub(crate) struct Heap {
    /// Free cells of the allocation group: bit i set means the cell at
    /// `group + i * CELL` is free.
    free_bits: u64,
    group: usize,
    /// Allocation cursor: index in `pages` and bitmap word of the group.
    cur_page: usize,
    cur_word: usize,
    /// Every mapped page, in no particular order.
    pages: Vec<Page>,
    /// Bases of `pages`, for `cell_of`.
    page_bases: PageSet,
    /// Lowest page base and highest page end ever mapped (a cheap first filter).
    lo: usize,
    hi: usize,
    /// Bit k set: the page at `lo + k * PAGE_SIZE` is one of ours. Used instead of
    /// `page_bases` by `cell_of` (the stack scan and every marked value go through it)
    /// while the span `lo..hi` is at most `MAX_SPAN_PAGES` pages.
    page_bits: Vec<u64>,
    page_bits_ok: bool,
    /// Bytes of cells allocated since the last collection.
    pub(crate) cell_bytes: usize,
    /// Collection budget in bytes (cells plus system-allocator growth), see `gc`.
    pub(crate) threshold: usize,
    /// System-allocator bytes in use right after the last collection.
    pub(crate) net_at_gc: isize,
    /// Cells allocated since the heap was created (`gc.get_count` style statistics).
    pub(crate) total_cells: u64,
    /// Live cells after the last sweep.
    pub(crate) live_cells: usize,
    /// Most pages mapped at once.
    pub(crate) peak_pages: usize,
    /// True while `sweep` runs destructors: allocating then is a bug.
    sweeping: bool,
    /// Fill freed cells with a poison pattern (stress mode), so a use after free fails
    /// loudly instead of reading a plausible stale object.
    pub(crate) poison: bool,
    /// Where the allocation cursor (page index, bitmap word) stood right after the last
    /// sweep. Every bitmap word before it was full then, and the cursor only moves forward
    /// until the next sweep, so every cell allocated since lies in the words from here up
    /// to the cursor (`young_words`): what a minor sweep visits (`sweep`).
    young_from: (usize, usize),
    /// `total_cells` at the last sweep.
    cells_at_sweep: u64,
}

thread_local! {
    static HEAP: Cell<*mut Heap> = const { Cell::new(std::ptr::null_mut()) };
}

/// Initial collection budget (bytes).
pub const INITIAL_THRESHOLD: usize = 8 << 20;

#[cold]
fn new_heap() -> *mut Heap {
    let h = Box::into_raw(Box::new(Heap {
        free_bits: 0,
        group: 0,
        cur_page: 0,
        cur_word: 0,
        pages: Vec::new(),
        page_bases: PageSet::default(),
        lo: usize::MAX,
        hi: 0,
        page_bits: Vec::new(),
        page_bits_ok: false,
        cell_bytes: 0,
        threshold: INITIAL_THRESHOLD,
        net_at_gc: crate::gc::counting::net_bytes(),
        total_cells: 0,
        live_cells: 0,
        peak_pages: 0,
        sweeping: false,
        poison: false,
        young_from: (0, 0),
        cells_at_sweep: 0,
    }));
    crate::gc::counting::set_trigger(crate::gc::counting::net_bytes() + INITIAL_THRESHOLD as isize);
    HEAP.with(|c| c.set(h));
    h
}

/// This thread's heap.
#[inline(always)]
pub(crate) fn heap_ptr() -> *mut Heap {
    let p = HEAP.with(|c| c.get());
    if p.is_null() {
        new_heap()
    } else {
        p
    }
}

/// Moves `obj` to the heap and returns a `Value` referring to it.
#[inline]
pub fn alloc(obj: PyObj) -> Value {
    let h = heap_ptr();
    // SAFETY: `h` is this thread's heap, created leaked and never freed; no other
    // reference to it is live here (heap methods do not call back into `alloc`, and
    // `sweep` refuses allocation while it runs destructors).
    unsafe {
        let heap = &mut *h;
        let cell = heap.take_cell();
        let special = matches!(obj.payload, Payload::Class(_) | Payload::Generator(_));
        // SAFETY: `cell` is a free, suitably aligned cell of CELL >= size_of::<PyObj>()
        // bytes inside a mapped page; writing initializes it.
        std::ptr::write(cell as *mut PyObj, obj);
        let (page, i) = split(cell);
        (*page).alloc[i / 64] |= 1 << (i % 64);
        if special {
            (*page).special[i / 64] |= 1 << (i % 64);
        }
        heap.cell_bytes += CELL;
        heap.total_cells += 1;
        if heap.cell_bytes as isize + (crate::gc::counting::net_bytes() - heap.net_at_gc) >= heap.threshold as isize {
            crate::gc::request();
        }
        Value::from_obj(cell as *const PyObj)
    }
}

/// The bits of bitmap word `w` that stand for cells of the page (the last word is partial).
#[inline(always)]
const fn word_mask(w: usize) -> u64 {
    if (w + 1) * 64 <= NCELLS {
        u64::MAX
    } else if w * 64 >= NCELLS {
        0
    } else {
        (1u64 << (NCELLS - w * 64)) - 1
    }
}

/// The page header and cell index of a cell address known to be in one of our pages.
#[inline(always)]
fn split(cell: usize) -> (*mut PageHeader, usize) {
    let base = cell & !PAGE_MASK;
    (base as *mut PageHeader, (cell - base - CELLS_START) / CELL)
}

impl Heap {
    #[inline(always)]
    fn take_cell(&mut self) -> usize {
        let b = self.free_bits;
        if b != 0 {
            self.free_bits = b & (b - 1);
            return self.group + b.trailing_zeros() as usize * CELL;
        }
        self.refill()
    }

    /// Moves the allocation cursor to the next bitmap word with a free cell (mapping a
    /// new page when every page is full) and takes its first free cell.
    #[cold]
    #[inline(never)]
    fn refill(&mut self) -> usize {
        assert!(!self.sweeping, "krait: object allocated while the collector runs destructors");
        loop {
            if self.cur_page >= self.pages.len() {
                self.map_page();
                self.cur_page = self.pages.len() - 1;
                self.cur_word = 0;
            }
            let base = self.pages[self.cur_page].base;
            // SAFETY: our page; the header is initialized.
            let h = unsafe { &*(base as *const PageHeader) };
            while self.cur_word < BITMAP_WORDS {
                let w = self.cur_word;
                self.cur_word += 1;
                let free = !h.alloc[w] & word_mask(w);
                if free != 0 {
                    self.group = base + CELLS_START + w * 64 * CELL;
                    self.free_bits = free & (free - 1);
                    return self.group + free.trailing_zeros() as usize * CELL;
                }
            }
            self.cur_page += 1;
            self.cur_word = 0;
        }
    }

    fn map_page(&mut self) -> usize {
        let map = match memmap2::MmapOptions::new().len(2 * PAGE_SIZE).map_anon() {
            Ok(m) => m,
            Err(e) => {
                eprintln!("krait: out of memory (cannot map a heap page: {e})");
                std::process::abort();
            }
        };
        let start = map.as_ptr() as usize;
        let base = (start + PAGE_MASK) & !PAGE_MASK;
        // SAFETY: `base .. base + PAGE_SIZE` lies inside the fresh, writable, zeroed
        // mapping (it is 2 * PAGE_SIZE long), and nothing else refers to it yet.
        unsafe {
            let h = base as *mut PageHeader;
            (*h).magic = PAGE_MAGIC;
        }
        self.pages.push(Page { base, _map: map });
        self.peak_pages = self.peak_pages.max(self.pages.len());
        self.page_bases.insert(base);
        if base < self.lo || base + PAGE_SIZE > self.hi {
            self.lo = self.lo.min(base);
            self.hi = self.hi.max(base + PAGE_SIZE);
            self.rebuild_page_bits();
        } else {
            self.set_page_bit(base, true);
        }
        base
    }

    /// Rebuilds `page_bits` for a new span `lo..hi`.
    fn rebuild_page_bits(&mut self) {
        let span = (self.hi - self.lo) / PAGE_SIZE;
        self.page_bits_ok = span <= MAX_SPAN_PAGES;
        self.page_bits.clear();
        if self.page_bits_ok {
            self.page_bits.resize(span.div_ceil(64), 0);
            let bases: Vec<usize> = self.page_bases.iter().copied().collect();
            for b in bases {
                self.set_page_bit(b, true);
            }
        }
    }

    fn set_page_bit(&mut self, base: usize, on: bool) {
        if self.page_bits_ok {
            let k = (base - self.lo) / PAGE_SIZE;
            if on {
                self.page_bits[k / 64] |= 1 << (k % 64);
            } else {
                self.page_bits[k / 64] &= !(1 << (k % 64));
            }
        }
    }

    /// Whether `base` (a multiple of PAGE_SIZE in `lo..hi`) is one of our pages.
    #[inline(always)]
    fn is_page(&self, base: usize) -> bool {
        if self.page_bits_ok {
            let k = (base - self.lo) / PAGE_SIZE;
            self.page_bits[k / 64] & (1 << (k % 64)) != 0
        } else {
            self.page_bases.contains(&base)
        }
    }

    /// The start of the allocated cell containing `addr` (any address inside the cell
    /// counts), if `addr` points into a live object of this heap.
    #[inline]
    pub(crate) fn cell_of(&self, addr: usize) -> Option<usize> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        let base = addr & !PAGE_MASK;
        let off = addr - base;
        if off < CELLS_START || !self.is_page(base) {
            return None;
        }
        let i = (off - CELLS_START) / CELL;
        if i >= NCELLS {
            return None;
        }
        // SAFETY: `base` is one of our mapped pages, whose header is initialized.
        let h = unsafe { &*(base as *const PageHeader) };
        if h.alloc[i / 64] & (1 << (i % 64)) == 0 {
            return None;
        }
        Some(base + CELLS_START + i * CELL)
    }

    /// Whether `addr` is the start of an allocated cell of this heap.
    #[inline]
    pub(crate) fn is_object(&self, addr: usize) -> bool {
        self.cell_of(addr) == Some(addr)
    }

    /// Sets the mark bit of an allocated cell; true when it was not marked yet.
    #[inline]
    pub(crate) fn mark(&self, cell: usize) -> bool {
        let (page, i) = split(cell);
        // SAFETY: `cell` was checked by `cell_of`/`is_object` to be a cell of one of our
        // pages; the header is ours to update (one thread).
        unsafe {
            let w = &mut (*page).mark[i / 64];
            let bit = 1u64 << (i % 64);
            if *w & bit != 0 {
                return false;
            }
            *w |= bit;
            true
        }
    }

    /// Marks the allocated cell that starts exactly at `addr` (the collector's hot path:
    /// one bounds check, one page check, one bitmap word each). Returns `None` when `addr`
    /// is not the start of an allocated cell, else `Some(true)` when the cell was not
    /// marked before.
    #[inline(always)]
    pub(crate) fn mark_object(&self, addr: usize) -> Option<bool> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        let base = addr & !PAGE_MASK;
        // Below CELLS_START this wraps to a huge value, rejected by the index check.
        let rel = (addr - base).wrapping_sub(CELLS_START);
        let i = rel / CELL;
        if i >= NCELLS || !rel.is_multiple_of(CELL) || !self.is_page(base) {
            return None;
        }
        let bit = 1u64 << (i % 64);
        let h = base as *mut PageHeader;
        // SAFETY: `base` is one of our mapped pages (checked above), whose header is
        // initialized and only touched by this thread; `i < NCELLS` indexes its bitmaps.
        // A marked cell is allocated (cells are marked only once found allocated, or
        // permanent, and permanent cells are never freed), so the mark bit is tested
        // first: most values a collection visits point at objects marked already.
        unsafe {
            let w = &mut (*h).mark[i / 64];
            if *w & bit != 0 {
                return Some(false);
            }
            if (*h).alloc[i / 64] & bit == 0 {
                return None;
            }
            *w |= bit;
        }
        Some(true)
    }

    /// Whether `addr` is the start of a permanent object (`freeze`).
    #[inline]
    pub(crate) fn is_permanent(&self, addr: usize) -> bool {
        if self.cell_of(addr) != Some(addr) {
            return false;
        }
        let (page, i) = split(addr);
        // SAFETY: an allocated cell of one of our pages (checked above).
        unsafe { (*page).perm[i / 64] & (1 << (i % 64)) != 0 }
    }

    /// Makes the allocated cell `cell` permanent (`gc`: interned names): its permanent
    /// and mark bits are set, so it is never freed and marking stops at it. The caller
    /// makes sure that what it refers to is permanent too.
    #[inline]
    pub(crate) fn make_permanent(&self, cell: usize) {
        let (page, i) = split(cell);
        // SAFETY: `cell` was checked by `cell_of`/`is_object` to be a cell of one of our
        // pages; the header is ours to update (one thread).
        unsafe {
            (*page).perm[i / 64] |= 1 << (i % 64);
            (*page).mark[i / 64] |= 1 << (i % 64);
        }
    }

    /// Lowest page base and highest page end ever mapped: no object lies outside.
    #[inline]
    pub(crate) fn span(&self) -> (usize, usize) {
        (self.lo, self.hi)
    }

    /// Whether an allocated cell is marked.
    #[inline]
    pub(crate) fn is_marked(&self, cell: usize) -> bool {
        let (page, i) = split(cell);
        // SAFETY: as in `mark`.
        unsafe { (*page).mark[i / 64] & (1 << (i % 64)) != 0 }
    }

    /// Calls `f` on every allocated cell (objects, whether marked or not).
    pub(crate) fn for_each_object(&self, mut f: impl FnMut(usize)) {
        for p in &self.pages {
            // SAFETY: our page; the header is initialized.
            let h = unsafe { &*(p.base as *const PageHeader) };
            for (w, &bits) in h.alloc.iter().enumerate() {
                let mut b = bits;
                while b != 0 {
                    let i = w * 64 + b.trailing_zeros() as usize;
                    b &= b - 1;
                    f(p.base + CELLS_START + i * CELL);
                }
            }
        }
    }

    /// Calls `f` on every allocated class and generator (marked or not; permanent classes
    /// that are not heap classes excepted), in address order within each page.
    pub(crate) fn for_each_special(&self, mut f: impl FnMut(usize)) {
        for p in &self.pages {
            // SAFETY: our page; the header is initialized.
            let h = unsafe { &*(p.base as *const PageHeader) };
            for w in 0..BITMAP_WORDS {
                let mut b = h.alloc[w] & h.special[w];
                while b != 0 {
                    let i = w * 64 + b.trailing_zeros() as usize;
                    b &= b - 1;
                    f(p.base + CELLS_START + i * CELL);
                }
            }
        }
    }

    /// Calls `f(page base, word)` on every bitmap word that may hold a cell allocated since
    /// the last sweep: from `young_from` up to (not including) the allocation cursor's
    /// next word. The cursor's current group is the word before `cur_word`.
    #[inline]
    fn young_words(&self, mut f: impl FnMut(usize, usize)) {
        let (p0, w0) = self.young_from;
        let end = self.cur_page.min(self.pages.len().saturating_sub(1));
        for p in p0..self.pages.len().min(end + 1) {
            let from = if p == p0 { w0 } else { 0 };
            let to = if p == self.cur_page { self.cur_word } else { BITMAP_WORDS };
            let base = self.pages[p].base;
            for w in from..to {
                f(base, w);
            }
        }
    }

    /// `for_each_special` restricted to the cells allocated since the last sweep (the
    /// other specials are all marked when a minor collection runs).
    pub(crate) fn for_each_special_young(&self, mut f: impl FnMut(usize)) {
        self.young_words(|base, w| {
            // SAFETY: our page; the header is initialized.
            let h = unsafe { &*(base as *const PageHeader) };
            let mut b = h.alloc[w] & h.special[w];
            while b != 0 {
                let i = w * 64 + b.trailing_zeros() as usize;
                b &= b - 1;
                f(base + CELLS_START + i * CELL);
            }
        });
    }

    /// `for_each_unmarked` for a minor collection: only cells allocated since the last
    /// sweep can be unmarked then (every older cell is marked, `sweep`'s `keep_marks`).
    pub(crate) fn for_each_unmarked_young(&self, mut f: impl FnMut(usize)) {
        self.young_words(|base, w| {
            // SAFETY: our page; the header is initialized.
            let h = unsafe { &*(base as *const PageHeader) };
            let mut b = h.alloc[w] & !h.mark[w];
            while b != 0 {
                let i = w * 64 + b.trailing_zeros() as usize;
                b &= b - 1;
                f(base + CELLS_START + i * CELL);
            }
        });
    }

    /// Calls `f` on every allocated cell that is not marked.
    pub(crate) fn for_each_unmarked(&self, mut f: impl FnMut(usize)) {
        for p in &self.pages {
            // SAFETY: our page; the header is initialized.
            let h = unsafe { &*(p.base as *const PageHeader) };
            for w in 0..BITMAP_WORDS {
                let mut b = h.alloc[w] & !h.mark[w];
                while b != 0 {
                    let i = w * 64 + b.trailing_zeros() as usize;
                    b &= b - 1;
                    f(p.base + CELLS_START + i * CELL);
                }
            }
        }
    }

    /// Drops every allocated, unmarked object, resets the marks to the permanent bits (or,
    /// with `keep_marks`, leaves every survivor marked: the stress mode's minor
    /// collections, `gc` module docs), resets the allocation cursor and
    /// returns surplus empty pages to the OS. Returns the number of objects freed and
    /// whether any of them was a class or a str (what the attribute caches are keyed by).
    ///
    /// With `young` (a minor collection, after a sweep with `keep_marks`: every cell
    /// allocated before the last sweep is marked), only the bitmap words that may hold
    /// cells allocated since are visited (`young_words`), no page is released, and the
    /// allocation cursor goes back only as far as the first of those words with a free
    /// cell (every word before it is full), so neither this sweep nor the allocation after
    /// it walks the old pages.
    ///
    /// # Safety
    /// Must only run at the end of a complete mark phase: every object still reachable
    /// from anything that will be used again is marked.
    pub(crate) unsafe fn sweep(&mut self, keep_marks: bool, young: bool) -> (usize, bool) {
        self.sweeping = true;
        let mut freed = 0usize;
        let mut freed_keys = false;
        let mut live = 0usize;
        let poison = self.poison;
        // Drops the dead objects of bitmap word `w` of the page at `base` and updates its
        // bitmaps; returns the word's surviving cells. Dead objects may point at each other,
        // so a destructor must not dereference `Value`s (none does: see the gc module docs).
        let mut sweep_word = |base: usize, w: usize| -> u64 {
            let h = base as *mut PageHeader;
            // SAFETY: our page's header.
            let (alloc, mark) = unsafe { ((*h).alloc[w], (*h).mark[w]) };
            let mut dead = alloc & !mark;
            while dead != 0 {
                let i = w * 64 + dead.trailing_zeros() as usize;
                dead &= dead - 1;
                let cell = base + CELLS_START + i * CELL;
                // SAFETY: the alloc bit says the cell holds an initialized PyObj, and
                // it is unmarked, so (caller's contract) nothing will use it again.
                unsafe {
                    freed_keys |= matches!((*(cell as *const PyObj)).payload, Payload::Class(_) | Payload::Str(_));
                    std::ptr::drop_in_place(cell as *mut PyObj);
                    if poison {
                        std::ptr::write_bytes(cell as *mut u8, 0xDB, CELL);
                    }
                }
                freed += 1;
            }
            // SAFETY: our page's header.
            unsafe {
                (*h).alloc[w] = alloc & mark;
                (*h).special[w] &= alloc & mark;
                (*h).mark[w] = if keep_marks { alloc & mark } else { (*h).perm[w] };
            }
            alloc & mark
        };
        if young {
            debug_assert!(keep_marks);
            let mut first_free = None;
            let (p0, w0) = self.young_from;
            let end = self.cur_page.min(self.pages.len().saturating_sub(1));
            for p in p0..self.pages.len().min(end + 1) {
                let from = if p == p0 { w0 } else { 0 };
                let to = if p == self.cur_page { self.cur_word } else { BITMAP_WORDS };
                let base = self.pages[p].base;
                for w in from..to {
                    let kept = sweep_word(base, w);
                    if first_free.is_none() && !kept & word_mask(w) != 0 {
                        first_free = Some((p, w));
                    }
                }
            }
            self.sweeping = false;
            let allocated = (self.total_cells - self.cells_at_sweep) as usize;
            self.live_cells = self.live_cells + allocated - freed;
            self.cells_at_sweep = self.total_cells;
            // Allocation resumes at the first word with a free cell (the cells left in the
            // current group are free in its bitmap word, so that word at the latest).
            let (p, w) = first_free.unwrap_or((self.cur_page, self.cur_word));
            self.free_bits = 0;
            self.group = 0;
            self.cur_page = p;
            self.cur_word = w;
            self.young_from = (p, w);
            return (freed, freed_keys);
        }
        for p in &self.pages {
            for w in 0..BITMAP_WORDS {
                live += sweep_word(p.base, w).count_ones() as usize;
            }
        }
        self.sweeping = false;
        self.live_cells = live;
        self.cells_at_sweep = self.total_cells;

        // Second pass: page release. Empty pages beyond the reserve are unmapped; the
        // allocation cursor restarts at the first page (free cells are found through the
        // alloc bitmaps, lowest address first within each page). The reserve is at least
        // the pages the allocation budget until the next collection can fill (the last
        // budget, `threshold`): unmapping those would only have the kernel map and zero
        // them again at once, a page fault per 4 KiB (raytrace took 26K faults, all
        // here, when the reserve was 4 pages).
        self.free_bits = 0;
        self.group = 0;
        self.cur_page = 0;
        self.cur_word = 0;
        let reserve = RESERVE_PAGES.max(self.threshold / PAGE_SIZE + 1);
        let mut kept_empty = 0usize;
        let mut i = 0;
        while i < self.pages.len() {
            let base = self.pages[i].base;
            // SAFETY: our page's header.
            let h = unsafe { &*(base as *const PageHeader) };
            let empty = h.alloc.iter().all(|&w| w == 0);
            if empty {
                if kept_empty >= reserve {
                    self.page_bases.remove(&base);
                    self.set_page_bit(base, false);
                    self.pages.swap_remove(i); // drops the mapping
                    continue;
                }
                kept_empty += 1;
            }
            i += 1;
        }
        self.pages.sort_unstable_by_key(|p| p.base);
        self.young_from = (0, 0);
        (freed, freed_keys)
    }

    /// Resets every mark bit to the permanent bits, as a sweep does, without freeing
    /// anything (after a marking done only to look, `gc::finalize_at_exit`).
    pub(crate) fn reset_marks(&mut self) {
        for p in &self.pages {
            let h = p.base as *mut PageHeader;
            // SAFETY: our page's header; no collection is running.
            unsafe { (*h).mark = (*h).perm };
        }
    }

    /// Makes every allocated object permanent (`gc.freeze()`): it is marked from now on
    /// at the start of every collection, so it is never freed. Calls `f` on each object
    /// that was not permanent yet. Must not run during a collection.
    pub(crate) fn freeze(&mut self, mut f: impl FnMut(usize)) {
        for p in &self.pages {
            let h = p.base as *mut PageHeader;
            for w in 0..BITMAP_WORDS {
                // SAFETY: our page's header; no collection is running, so the mark bits
                // are the permanent bits, or a superset of them in stress mode (where
                // `gc::freeze_new` makes the next collection a full one).
                let (alloc, perm) = unsafe { ((*h).alloc[w], (*h).perm[w]) };
                let mut new = alloc & !perm;
                // SAFETY: as above.
                unsafe {
                    (*h).perm[w] = alloc;
                    (*h).mark[w] = alloc;
                }
                while new != 0 {
                    let i = w * 64 + new.trailing_zeros() as usize;
                    new &= new - 1;
                    let cell = p.base + CELLS_START + i * CELL;
                    // SAFETY: an allocated cell of our page (its alloc bit is set).
                    let o = unsafe { &*(cell as *const PyObj) };
                    if let Payload::Class(c) = &o.payload {
                        if !c.has_flag(class_flags::HEAPTYPE) {
                            // A permanent builtin class never defines `__del__` for the
                            // collector (`gc::class_has`): the finalizer scan skips it.
                            // SAFETY: our page's header.
                            unsafe { (*h).special[w] &= !(1 << (i % 64)) };
                        }
                    }
                    f(cell);
                }
            }
        }
    }

    /// Makes the given permanent objects ordinary again (`gc.unfreeze()`). Must not run
    /// during a collection.
    pub(crate) fn unfreeze(&mut self, cells: &[usize]) {
        for &cell in cells {
            if self.cell_of(cell) != Some(cell) {
                continue;
            }
            let (h, i) = split(cell);
            // SAFETY: an allocated cell of one of our pages (checked above); no collection
            // is running, so its mark bit is its permanent bit.
            unsafe {
                (*h).perm[i / 64] &= !(1 << (i % 64));
                (*h).mark[i / 64] &= !(1 << (i % 64));
            }
        }
    }

    /// Number of mapped pages.
    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }
}
