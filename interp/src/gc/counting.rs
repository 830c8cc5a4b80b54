//! The process's global allocator: the system allocator plus a count of the bytes it
//! holds, so that the collector sees memory held by objects' payloads (list items, str
//! data, big-int digits, dict tables...), which do not live in heap cells.
//!
//! The count is approximate on purpose: it is updated with relaxed load/store pairs
//! rather than atomic read-modify-writes (a few cycles instead of a locked instruction
//! on every `malloc`), so concurrent allocation on other threads (test harness threads,
//! output readers) may lose updates. It only steers when to collect.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

pub struct CountingAlloc;

static NET: AtomicIsize = AtomicIsize::new(0);
/// When `NET` passes this, a collection is requested (`gc::request`).
static TRIGGER: AtomicIsize = AtomicIsize::new(isize::MAX);

#[inline(always)]
fn add(n: isize) {
    let v = NET.load(Relaxed) + n;
    NET.store(v, Relaxed);
    if n > 0 && v > TRIGGER.load(Relaxed) {
        super::request();
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so
// `System`'s guarantees carry over; the counting has no effect on the memory returned.
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: forwarded as is (see the impl's comment).
        unsafe { System.alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: forwarded as is.
        unsafe { System.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(-(layout.size() as isize));
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size as isize - layout.size() as isize);
        // SAFETY: forwarded as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// Bytes currently held through the global allocator (approximate).
#[inline]
pub fn net_bytes() -> isize {
    NET.load(Relaxed)
}

/// Requests a collection once the global allocator holds more than `t` bytes.
pub fn set_trigger(t: isize) {
    TRIGGER.store(t, Relaxed);
}
