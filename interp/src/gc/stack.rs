//! Conservative scan of the interpreter thread's native stack and callee-saved registers.
//!
//! At a safepoint the interpreter's own Rust functions up the stack may hold `Value`s (or
//! plain `&PyObj` addresses) in locals, which live either in stack slots or in registers.
//! Every caller-saved register is dead across the call into the collector (the ABI lets
//! the callee clobber them), so live values are in stack slots or callee-saved registers;
//! we store the callee-saved registers into a local array first, then scan every word
//! from the current stack pointer up to the thread's stack base.

use crate::vm::Vm;

/// Base (highest address) of the current thread's stack, from pthread's view of the
/// thread, or 0 when it cannot be found.
pub fn thread_stack_top() -> usize {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `attr` is initialized by `pthread_getattr_np` before it is read and
        // destroyed after; the out-pointers are valid locals.
        unsafe {
            let mut attr: libc::pthread_attr_t = std::mem::zeroed();
            if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
                return 0;
            }
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
            libc::pthread_attr_destroy(&mut attr);
            if ok {
                return addr as usize + size;
            }
        }
    }
    0
}

/// The stack base to scan up to: the one recorded in `vm.gc` (main.rs records it when
/// the interpreter thread starts), else pthread's.
pub fn stack_base(vm: &Vm) -> usize {
    let b = vm.gc.stack_base.get();
    if b != 0 {
        return b;
    }
    let t = thread_stack_top();
    vm.gc.stack_base.set(t);
    t
}

/// Runs `f` with the lowest address of the stack a collection must scan: the bottom of
/// this function's frame, after the callee-saved registers were stored in it.
///
/// The collector's own frames (below that address) are left out of the scan: they hold
/// no value that is not rooted elsewhere, and their slots not yet written may hold stale
/// words of the frames that were at that depth before (a Python call that just
/// returned), which would keep dead objects alive by accident.
///
/// Every value a caller keeps in a register is in memory above the returned address:
/// callee-saved registers are either still holding it here (stored into `regs`) or were
/// saved by this function's prologue into its frame; caller-saved registers are dead
/// across a call.
#[inline(never)]
pub fn with_stack_top<R>(f: impl FnOnce(usize) -> R) -> R {
    let mut regs = [0usize; 12];
    spill_registers(&mut regs);
    let regs = std::hint::black_box(&mut regs);
    let sp = current_sp();
    let r = f(sp);
    std::hint::black_box(regs);
    r
}

/// Calls `visit` with every word of the native stack from `from` (an address given by
/// `with_stack_top`, which stored the callee-saved registers above it) up to `base`.
#[inline(always)]
pub fn scan(from: usize, base: usize, mut visit: impl FnMut(usize)) {
    let mut p = from & !7;
    while p + 8 <= base {
        // SAFETY: `[from, base)` is this thread's stack, mapped and readable: `from` is
        // above the current stack pointer (a frame of our callers) and `base` the top of
        // the stack the thread started on.
        // The words may be padding or dead data; we only look at their bits.
        let w = unsafe { std::ptr::read_volatile(p as *const usize) };
        visit(w);
        p += 8;
    }
}

/// The address a stack word stands for (a NaN-boxed object pointer or a raw address), as
/// the collector's `Marker::word` reads it.
#[inline(always)]
pub fn word_addr(w: usize) -> usize {
    if (w as u64) >> 48 == 0xFFFA {
        w & ((1 << 48) - 1)
    } else {
        w
    }
}

/// `scan`, for a collector that ignores words outside the heap's address span
/// `span = (lo, hi)` (`Heap::cell_of` rejects them first): calls `visit` on exactly the
/// words from `from` up to `base` whose address (`word_addr`) lies in `lo..hi`. The words
/// are read and tested eight at a time without branches (most stack words are return
/// addresses, stack addresses and small integers), so a word costs a few instructions.
/// Returns the number of words read.
#[inline(always)]
pub fn scan_span(from: usize, base: usize, span: (usize, usize), mut visit: impl FnMut(usize)) -> u64 {
    let (lo, hi) = span;
    let width = hi.wrapping_sub(lo);
    let inside = |w: usize| word_addr(w).wrapping_sub(lo) < width;
    let start = from & !7;
    let mut p = start;
    while p + 64 <= base {
        // SAFETY: `[from, base)` is this thread's stack, mapped and readable (see `scan`),
        // and `p` is word-aligned. The words may be padding or dead data; we only look at
        // their bits.
        let ws: [usize; 8] = unsafe { std::ptr::read_volatile(p as *const [usize; 8]) };
        if ws.iter().fold(0u32, |k, &w| k | inside(w) as u32) != 0 {
            for w in ws {
                if inside(w) {
                    visit(w);
                }
            }
        }
        p += 64;
    }
    while p + 8 <= base {
        // SAFETY: as above.
        let w = unsafe { std::ptr::read_volatile(p as *const usize) };
        if inside(w) {
            visit(w);
        }
        p += 8;
    }
    ((p - start) / 8) as u64
}

/// The native stack pointer (of the caller, this being inlined).
#[inline(always)]
pub(crate) fn current_sp() -> usize {
    let sp: usize;
    #[cfg(target_arch = "x86_64")]
    // SAFETY: reads the stack pointer into a register; no memory is touched.
    unsafe {
        std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: as above.
    unsafe {
        std::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        let marker = 0usize;
        sp = std::ptr::addr_of!(marker) as usize;
    }
    sp
}

/// Stores the callee-saved registers into `out`.
#[inline(always)]
fn spill_registers(out: &mut [usize; 12]) {
    let p = out.as_mut_ptr();
    #[cfg(target_arch = "x86_64")]
    // SAFETY: writes six words into `out`, which has room for twelve; the registers are
    // only read.
    unsafe {
        std::arch::asm!(
            "mov [{p}], rbx",
            "mov [{p} + 8], rbp",
            "mov [{p} + 16], r12",
            "mov [{p} + 24], r13",
            "mov [{p} + 32], r14",
            "mov [{p} + 40], r15",
            p = in(reg) p,
            options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: writes twelve words into `out` (x19..x30); the registers are only read.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{p}]",
            "stp x21, x22, [{p}, #16]",
            "stp x23, x24, [{p}, #32]",
            "stp x25, x26, [{p}, #48]",
            "stp x27, x28, [{p}, #64]",
            "stp x29, x30, [{p}, #80]",
            p = in(reg) p,
            options(nostack, preserves_flags)
        );
    }
    let _ = p;
}

/// Bytes of dead stack `scrub_below` clears.
const SCRUB_BYTES: usize = 4096;

/// Zeroes the `SCRUB_BYTES` of stack below the caller's frame: dead words there (copies
/// of values from calls that returned) would otherwise turn up in the uninitialized slots
/// of later calls' frames, where the conservative scan takes them for references.
#[inline(never)]
pub fn scrub_below() {
    let mut dead = [0u8; SCRUB_BYTES];
    // The zeroing must happen: the array is otherwise unused.
    std::hint::black_box(&mut dead);
}
