//! Recording `for` loops.
//!
//! A range iterator that the loop never rebinds comes in as a loop parameter (its
//! address): the trace reads and writes its `next`/`remaining` fields directly, so a
//! `for i in range(n)` iteration costs two loads, two stores and a guard, and `i` stays
//! unboxed. Because the iterator object itself is updated, an exit anywhere leaves it in
//! the state the interpreter expects. Every other iterator is stepped by the generic
//! helper, whose result (the block the frame went to) is guarded to be the loop body.

use std::mem::offset_of;

use krait_tracer::{Cond, Op as IrOp, Type};

use super::record::{range_iter, RecResult, Recorder};
use crate::cfg::{Code, Op, Opnd, Slot};
use crate::frame::Frame;
use crate::types::iter::RangeIter;

#[allow(clippy::too_many_arguments)]
pub(super) fn for_iter(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    op: &Op,
    dst: Slot,
    iter: Opnd,
    body: u32,
    exit: u32,
) -> RecResult<()> {
    let seen = Recorder::observe(frame, code, iter);
    let param = match iter {
        Opnd::Slot(s) | Opnd::Local(s) if r.spec_range => r.range_param(s),
        _ => None,
    };
    if let (Some(p), Some(it)) = (param, range_iter(seen)) {
        // SAFETY: `it` points into the iterator object held by the frame slot we observed.
        let remaining = unsafe { (*it).remaining.get() };
        if remaining == 0 {
            return Err("loop exit");
        }
        r.mark_param_read(p);
        let rem = r.push(IrOp::Load { base: p, offset: offset_of!(RangeIter, remaining) as i32, ty: Type::Int });
        let zero = r.cint(0);
        let more = r.push(IrOp::IntCmp(Cond::Ne, rem, zero));
        r.guard_here(more, true, "iter");
        let next = r.push(IrOp::Load { base: p, offset: offset_of!(RangeIter, next) as i32, ty: Type::Int });
        let step = r.push(IrOp::Load { base: p, offset: offset_of!(RangeIter, step) as i32, ty: Type::Int });
        let one = r.cint(1);
        let rem1 = r.push(IrOp::IntSub(rem, one));
        r.push(IrOp::Store { base: p, offset: offset_of!(RangeIter, remaining) as i32, value: rem1 });
        let after = r.push(IrOp::IntAdd(next, step));
        r.push(IrOp::Store { base: p, offset: offset_of!(RangeIter, next) as i32, value: after });
        r.write(dst, next);
        r.set_expect(body);
        return Ok(());
    }
    let res = r.generic(op)?;
    // The helper has stepped the iterator: an exhausted one leaves for the loop exit.
    let b = r.cint(body as i64);
    let into_body = r.push(IrOp::IntCmp(Cond::Eq, res, b));
    let snap = r.snap_at(exit, 0);
    r.guard(into_body, true, "iter", snap);
    r.set_expect(body);
    Ok(())
}
