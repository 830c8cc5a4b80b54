//! The process's global allocator: mimalloc (the `mimalloc` crate, which builds its C
//! sources) plus a count of the bytes it holds, so that the collector sees memory held by
//! objects' payloads (list items, str data, big-int digits, dict tables...), which do not
//! live in heap cells. mimalloc rather than glibc's malloc: malloc and free were 25-45% of
//! the profiles of allocation-heavy benchmarks (json_codec, wordcount, chaos), and
//! mimalloc's thread-local free lists take 10-20% off their run time.
//!
//! The count is approximate on purpose: it is updated with relaxed load/store pairs
//! rather than atomic read-modify-writes (a few cycles instead of a locked instruction
//! on every `malloc`), so concurrent allocation on other threads (test harness threads,
//! output readers) may lose updates. It only steers when to collect.
//!
//! # Large blocks
//!
//! Blocks of `LARGE` bytes or more (the items of a list of 128K values, a 1 MB str...)
//! are mapped here directly instead of by mimalloc, for two reasons measured
//! on the benchmarks (`loop_index` builds 16 MB lists):
//!
//! - First touch of fresh anonymous memory costs a page fault per 4 KiB page (about
//!   0.4 ms per MB on the CI machine, map and unmap included). Memory asked for with
//!   `alloc` (not `alloc_zeroed`: a zeroed buffer may well be touched only in part) is
//!   mapped with `MAP_POPULATE`, and the part a `realloc` adds is populated too
//!   (`MADV_POPULATE_WRITE`): the kernel then fills the pages in one go, about half the
//!   cost. Blocks over `POPULATE_MAX` are left to fault page by page.
//! - A freed large block is kept in a small cache (at most `CACHE_SLOTS` blocks and
//!   `CACHE_MAX` bytes) for the next large allocation, which then touches memory already
//!   mapped in (a `[0] * n` built each time round a loop faults only once). A cached block
//!   larger than the request is cut to size (its tail unmapped). Blocks the program does
//!   not reuse before the next collection but one are unmapped (`age_cache`, called at
//!   each collection), so the cache only holds memory while large blocks are being
//!   allocated and freed.
//!
//! A large block is always mapped with exactly `round_up(size, 4096)` bytes, so its
//! `Layout` (which every `dealloc`/`realloc` is given) tells its mapping; growing one uses
//! `mremap`, which moves the pages rather than copying them, as glibc does for its own
//! mapped chunks.

use std::alloc::{GlobalAlloc, Layout};

use mimalloc::MiMalloc as Inner;
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

pub struct CountingAlloc;

static NET: AtomicIsize = AtomicIsize::new(0);
/// When `NET` passes this, a collection is requested (`gc::request`).
static TRIGGER: AtomicIsize = AtomicIsize::new(isize::MAX);

/// Bytes held in large blocks (part of `NET`), same approximation.
static LARGE_NET: AtomicIsize = AtomicIsize::new(0);

#[inline(always)]
fn add_large(n: isize) {
    LARGE_NET.store(LARGE_NET.load(Relaxed) + n, Relaxed);
}

#[inline(always)]
fn add(n: isize) {
    let v = NET.load(Relaxed) + n;
    NET.store(v, Relaxed);
    if n > 0 && v > TRIGGER.load(Relaxed) {
        super::request();
    }
}

// SAFETY: small blocks: every method forwards to `Inner` (mimalloc's `GlobalAlloc`) with
// the caller's arguments unchanged, so its guarantees carry over; the counting has no effect on the
// memory returned. Large blocks (`is_large`: decided by the layout alone, so a block is
// always freed by the path that allocated it): fresh private anonymous mappings of at
// least the size asked for, page-aligned (alignment at most `PAGE`), owned by the caller
// until it deallocates them (`large` module).
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        if is_large(layout) {
            add_large(layout.size() as isize);
            return large::alloc(layout.size(), false);
        }
        // SAFETY: forwarded as is (see the impl's comment).
        unsafe { Inner.alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        if is_large(layout) {
            add_large(layout.size() as isize);
            return large::alloc(layout.size(), true);
        }
        // SAFETY: forwarded as is.
        unsafe { Inner.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(-(layout.size() as isize));
        if is_large(layout) {
            add_large(-(layout.size() as isize));
            // SAFETY: `ptr` was returned by `large::alloc`/`large::realloc` for this size
            // (the caller's contract: same layout as when it was allocated).
            return unsafe { large::free(ptr, layout.size()) };
        }
        // SAFETY: forwarded as is.
        unsafe { Inner.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size as isize - layout.size() as isize);
        // The caller guarantees `new_size` rounded up to the alignment does not overflow.
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return std::ptr::null_mut();
        };
        let (old_large, new_large) = (is_large(layout), is_large(new_layout));
        add_large(if new_large { new_size as isize } else { 0 } - if old_large { layout.size() as isize } else { 0 });
        match (old_large, new_large) {
            // SAFETY: forwarded as is.
            (false, false) => unsafe { Inner.realloc(ptr, layout, new_size) },
            // SAFETY: `ptr` is a large block of `layout.size()` bytes (as in `dealloc`).
            (true, true) => unsafe { large::realloc(ptr, layout.size(), new_size) },
            _ => {
                // Between the two kinds: a new block, a copy, and the old one freed.
                let new = if old_large {
                    // SAFETY: `new_layout` has a non-zero size (smaller blocks than a
                    // large one, but `realloc` is never asked for 0 bytes).
                    unsafe { Inner.alloc(new_layout) }
                } else {
                    large::alloc(new_size, false)
                };
                if !new.is_null() {
                    // SAFETY: both blocks are valid for the smaller of the two sizes and
                    // distinct (one was just allocated).
                    unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size)) };
                    if old_large {
                        // SAFETY: as in `dealloc`.
                        unsafe { large::free(ptr, layout.size()) };
                    } else {
                        // SAFETY: `ptr` came from `Inner` with `layout`.
                        unsafe { Inner.dealloc(ptr, layout) };
                    }
                }
                new
            }
        }
    }
}

/// Blocks of at least this size are mapped by `large` (see the module docs).
const LARGE: usize = 1 << 20;
/// Page size assumed for large blocks (their alignment and length granule).
const PAGE: usize = 4096;

#[inline(always)]
fn is_large(layout: Layout) -> bool {
    cfg!(target_os = "linux") && layout.size() >= LARGE && layout.align() <= PAGE
}

/// Unmaps the large-block cache's blocks that were not reused since the previous call
/// (the collector calls it after each collection).
pub fn age_cache() {
    large::age();
}

#[cfg(target_os = "linux")]
mod large {
    use std::cell::UnsafeCell;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::PAGE;

    /// Largest block mapped with its pages filled in at once (bigger ones fault page by
    /// page: a huge buffer may never be touched in full).
    const POPULATE_MAX: usize = 256 << 20;
    /// Most blocks and bytes the cache holds.
    const CACHE_SLOTS: usize = 8;
    const CACHE_MAX: usize = 64 << 20;
    /// Blocks of at least this size are mapped for transparent huge pages (`map_huge`).
    const HUGE: usize = 2 << 20;

    #[derive(Clone, Copy)]
    struct Block {
        ptr: usize,
        len: usize,
        /// Survived one `age` call already.
        old: bool,
    }

    struct Cache {
        lock: AtomicBool,
        blocks: UnsafeCell<[Option<Block>; CACHE_SLOTS]>,
    }

    // SAFETY: `blocks` is only accessed while `lock` is held (`with_cache`).
    unsafe impl Sync for Cache {}

    static CACHE: Cache = Cache { lock: AtomicBool::new(false), blocks: UnsafeCell::new([None; CACHE_SLOTS]) };

    /// Runs `f` on the cache under its spin lock (held for a few instructions: no system
    /// call and no allocation happens inside).
    fn with_cache<R>(f: impl FnOnce(&mut [Option<Block>; CACHE_SLOTS]) -> R) -> R {
        while CACHE.lock.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            std::hint::spin_loop();
        }
        // SAFETY: the lock is held: no other reference to `blocks` exists until it is
        // released below.
        let r = f(unsafe { &mut *CACHE.blocks.get() });
        CACHE.lock.store(false, Ordering::Release);
        r
    }

    fn round(size: usize) -> usize {
        (size + PAGE - 1) & !(PAGE - 1)
    }

    fn unmap(ptr: usize, len: usize) {
        // SAFETY: `ptr..ptr + len` is a whole mapping (or the tail of one) made by this
        // module that nothing refers to any more.
        unsafe { libc::munmap(ptr as *mut libc::c_void, len) };
    }

    /// A large block of `size` bytes (null on failure).
    pub(super) fn alloc(size: usize, zeroed: bool) -> *mut u8 {
        let len = round(size);
        // The smallest cached block that is large enough.
        let hit = with_cache(|blocks| {
            let mut best: Option<(usize, usize)> = None;
            for (i, b) in blocks.iter().enumerate() {
                if let Some(b) = b {
                    if b.len >= len && best.is_none_or(|(_, l)| b.len < l) {
                        best = Some((i, b.len));
                    }
                }
            }
            best.and_then(|(i, _)| blocks[i].take())
        });
        if let Some(b) = hit {
            if b.len > len {
                unmap(b.ptr + len, b.len - len);
            }
            if zeroed {
                // SAFETY: the block is ours now, mapped and writable for `len >= size` bytes.
                unsafe { std::ptr::write_bytes(b.ptr as *mut u8, 0, size) };
            }
            return b.ptr as *mut u8;
        }
        let populate = !zeroed && len <= POPULATE_MAX;
        if len >= HUGE {
            return map_huge(len, populate);
        }
        let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | if populate { libc::MAP_POPULATE } else { 0 };
        // SAFETY: a fresh private anonymous mapping; no existing memory is affected.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, flags, -1, 0) };
        if p == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        p as *mut u8
    }

    /// Maps `len` bytes (at least `HUGE`) at a `HUGE`-aligned address and asks for
    /// transparent huge pages there: filling in 16 MB then takes 8 faults instead of 4096,
    /// which is most of the cost of building a big list. Both requests are advisory (a
    /// kernel with THP off keeps small pages).
    fn map_huge(len: usize, populate: bool) -> *mut u8 {
        let span = len + HUGE;
        // SAFETY: a fresh private anonymous mapping; no existing memory is affected.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                span,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        let start = p as usize;
        let aligned = (start + HUGE - 1) & !(HUGE - 1);
        if aligned > start {
            unmap(start, aligned - start);
        }
        let end = start + span;
        if end > aligned + len {
            unmap(aligned + len, end - aligned - len);
        }
        // SAFETY: `aligned..aligned + len` is the part of the fresh mapping kept above.
        unsafe {
            libc::madvise(aligned as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
            if populate {
                libc::madvise(aligned as *mut libc::c_void, len, libc::MADV_POPULATE_WRITE);
            }
        }
        aligned as *mut u8
    }

    /// Frees a large block of `size` bytes: into the cache if there is room, else unmapped.
    ///
    /// # Safety
    /// `ptr` must be a block returned by `alloc` or `realloc` for `size` bytes, not freed.
    pub(super) unsafe fn free(ptr: *mut u8, size: usize) {
        let len = round(size);
        let kept = with_cache(|blocks| {
            let held: usize = blocks.iter().flatten().map(|b| b.len).sum();
            if held + len > CACHE_MAX {
                return false;
            }
            match blocks.iter_mut().find(|b| b.is_none()) {
                Some(slot) => {
                    *slot = Some(Block { ptr: ptr as usize, len, old: false });
                    true
                }
                None => false,
            }
        });
        if !kept {
            unmap(ptr as usize, len);
        }
    }

    /// Resizes a large block to another large size.
    ///
    /// # Safety
    /// As for `free`.
    pub(super) unsafe fn realloc(ptr: *mut u8, size: usize, new_size: usize) -> *mut u8 {
        let (len, new_len) = (round(size), round(new_size));
        if new_len == len {
            return ptr;
        }
        if new_len > len && (HUGE..=POPULATE_MAX).contains(&new_len) {
            // A growing vector: move it to a huge-page mapping (`mremap` would keep the
            // small pages and lose the alignment huge pages need).
            let p = map_huge(new_len, true);
            if p.is_null() {
                return p;
            }
            // SAFETY: `ptr` holds `size` bytes (the caller's contract) and `p` is a fresh
            // mapping of `new_len > size` bytes; they do not overlap.
            unsafe { std::ptr::copy_nonoverlapping(ptr, p, size) };
            unmap(ptr as usize, len);
            return p;
        }
        // SAFETY: `ptr..ptr + len` is a whole mapping of ours (the caller's contract);
        // `mremap` moves or resizes it, keeping its contents.
        let p = unsafe { libc::mremap(ptr as *mut libc::c_void, len, new_len, libc::MREMAP_MAYMOVE) };
        if p == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        if new_len > len && new_len <= POPULATE_MAX {
            // Fills in the pages added (a growing vector writes them next). Advisory: a
            // kernel without MADV_POPULATE_WRITE (before 5.14) refuses it, and the pages
            // fault in one by one as before.
            // SAFETY: the range is the new tail of the mapping just resized.
            unsafe { libc::madvise((p as usize + len) as *mut libc::c_void, new_len - len, libc::MADV_POPULATE_WRITE) };
        }
        p as *mut u8
    }

    /// Unmaps the cached blocks already there at the previous call; marks the others.
    pub(super) fn age() {
        let mut drop = [None; CACHE_SLOTS];
        with_cache(|blocks| {
            for (slot, d) in blocks.iter_mut().zip(drop.iter_mut()) {
                match slot {
                    Some(b) if b.old => *d = slot.take(),
                    Some(b) => b.old = true,
                    None => {}
                }
            }
        });
        for b in drop.into_iter().flatten() {
            unmap(b.ptr, b.len);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod large {
    // `is_large` is always false here: these are never called.
    pub(super) fn alloc(_size: usize, _zeroed: bool) -> *mut u8 {
        std::ptr::null_mut()
    }
    pub(super) unsafe fn free(_ptr: *mut u8, _size: usize) {}
    pub(super) unsafe fn realloc(_ptr: *mut u8, _size: usize, _new_size: usize) -> *mut u8 {
        std::ptr::null_mut()
    }
    pub(super) fn age() {}
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// Bytes currently held through the global allocator (approximate).
#[inline]
pub fn net_bytes() -> isize {
    NET.load(Relaxed)
}

/// Bytes currently held in large blocks (approximate; included in `net_bytes`).
#[inline]
pub fn large_bytes() -> isize {
    LARGE_NET.load(Relaxed)
}

/// Requests a collection once the global allocator holds more than `t` bytes.
pub fn set_trigger(t: isize) {
    TRIGGER.store(t, Relaxed);
}
