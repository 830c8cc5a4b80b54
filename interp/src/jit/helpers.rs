//! `extern "C"` runtime helpers that compiled traces call.
//!
//! Each receives the `exit::Ctx` of the running trace as a raw word. A helper that raises
//! parks the exception in the context and returns `SENTINEL`; the trace's next op is a
//! guard on that, whose exit raises the exception at the helper's statement.

use super::exit::Ctx;
use crate::value::Value;

/// "The helper raised."
pub(crate) const SENTINEL: u64 = u64::MAX;

/// The context, VM, frame and code of the trace run `ctx` points to.
///
/// # Safety
/// `ctx` must be the address of the live `Ctx` of the trace that is calling.
unsafe fn parts<'a>(ctx: u64) -> &'a mut Ctx {
    // SAFETY: guaranteed by the caller.
    unsafe { &mut *(ctx as *mut Ctx) }
}

/// Runs the statement at `(block, stmt)` of the trace's frame in the interpreter and
/// returns the block the frame is in afterwards.
pub(crate) extern "C" fn jit_step(ctx: u64, block: u64, stmt: u64) -> u64 {
    // SAFETY: traces pass their own context (parameter 0); it outlives the run, and the
    // VM, frame and code it points to are not otherwise used while the trace runs.
    let c = unsafe { parts(ctx) };
    let (vm, frame, code) = unsafe { (&mut *c.vm, &mut *c.frame, &*c.code) };
    frame.block = block as u32;
    frame.stmt = stmt as u32;
    match crate::eval::interp::step(vm, frame, code) {
        Ok(()) => frame.block as u64,
        Err(p) => {
            c.pending = Some(p);
            SENTINEL
        }
    }
}

/// The truth of the word `w` (1 or 0), running `__bool__`/`__len__` as the interpreter does.
pub(crate) extern "C" fn jit_truth(ctx: u64, w: u64) -> u64 {
    // SAFETY: as in `jit_step`; `w` is a live value word (the trace keeps it in a slot).
    let c = unsafe { parts(ctx) };
    let vm = unsafe { &mut *c.vm };
    let v = unsafe { Value::from_bits(w) };
    match crate::eval::interp::truth_of(vm, v) {
        Ok(b) => b as u64,
        Err(e) => {
            c.pending = Some((e, Default::default()));
            SENTINEL
        }
    }
}

/// The boxed word of the int `i`: inline when it fits 48 bits, else a new big int (for
/// slots seen holding such ints, `record::Recorder::boxed_slot`). Allocation never
/// collects (collections wait for a safepoint), so the trace's words stay valid.
pub(crate) extern "C" fn jit_box_int(ctx: u64, i: u64) -> u64 {
    // SAFETY: as in `jit_step`.
    let c = unsafe { parts(ctx) };
    let vm = unsafe { &*c.vm };
    vm.new_int(i as i64).bits()
}

/// A collector safepoint at the loop's back edge (traces that call helpers allocate).
pub(crate) extern "C" fn jit_safepoint(ctx: u64) -> u64 {
    // SAFETY: as in `jit_step`. Every word the trace holds is also in a frame slot.
    let c = unsafe { parts(ctx) };
    let vm = unsafe { &mut *c.vm };
    crate::gc::safepoint(vm);
    0
}

/// `x ** y` for two floats (given as their bits), as the interpreter computes it: a float,
/// a complex for a negative base with a fractional exponent, or an exception.
pub(crate) extern "C" fn jit_float_pow(ctx: u64, x: u64, y: u64) -> u64 {
    // SAFETY: as in `jit_step`.
    let c = unsafe { parts(ctx) };
    let vm = unsafe { &mut *c.vm };
    match crate::types::float::float_pow(vm, f64::from_bits(x), f64::from_bits(y)) {
        Ok(v) => v.bits(),
        Err(e) => {
            c.pending = Some((e, Default::default()));
            SENTINEL
        }
    }
}
