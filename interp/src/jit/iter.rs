//! Recording `for` loops.
//!
//! A range iterator that the loop never rebinds comes in as a loop parameter (its
//! address): the trace reads and writes its `next`/`remaining` fields directly, so a
//! `for i in range(n)` iteration costs two loads, two stores and a guard, and `i` stays
//! unboxed. Because the iterator object itself is updated, an exit anywhere leaves it in
//! the state the interpreter expects.
//!
//! A list or tuple iterator is stepped in place too, without a parameter: each iteration
//! loads the iterator word from its frame slot and guards its class (which fixes the Rust
//! type behind its native payload), then reads the sequence and index fields, guards the
//! index against the sequence's *current* length (a list may grow or shrink while it is
//! iterated, and the interpreter compares with the current length at every step), loads
//! the item, and stores the index plus one back. Every guard comes before that store, so
//! an exit resumes at the `for` statement with the iterator untouched and the interpreter
//! takes the step itself (also when the sequence is exhausted). Items seen as small ints
//! or floats are unboxed behind a type guard. Every other iterator is stepped by the
//! generic helper, whose result (the block the frame went to) is guarded to be the loop
//! body.

use std::mem::offset_of;

use krait_tracer::{Cond, Op as IrOp, Type};

use super::layout::{guard_class_exact, layout};
use super::layout::{MEM_HEADER, MEM_ITER, MEM_LIST_ITEMS, MEM_RANGE, MEM_TUPLE_ITEMS};
use super::record::{range_iter, RecResult, Recorder};
use crate::cfg::{Code, Op, Opnd, Slot};
use crate::frame::Frame;
use crate::object::ListData;
use crate::object::Payload;
use crate::types::iter::{ListIter, RangeIter, TupleIter};
use crate::value::Value;

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
        if remaining == 0 && r.at_own_for() {
            return Err("loop exit");
        }
        let rem = r.push(IrOp::Load {
            base: p,
            offset: offset_of!(RangeIter, remaining) as i32,
            ty: Type::Int,
            mem: MEM_RANGE,
        });
        let zero = r.cint(0);
        let more = r.push(IrOp::IntCmp(Cond::Ne, rem, zero));
        if remaining == 0 {
            // A bridge recording the loop's exit path, or an inner loop's end.
            r.guard_here(more, false, "iter");
            r.set_expect(exit);
            return Ok(());
        }
        r.guard_here(more, true, "iter");
        let next =
            r.push(IrOp::Load { base: p, offset: offset_of!(RangeIter, next) as i32, ty: Type::Int, mem: MEM_RANGE });
        // The step is fixed for the iterator's life; a trace takes the one it saw as a
        // constant (behind a guard the optimizer hoists out of the loop), so the index
        // arithmetic folds and `a[i - 1]` after `a[i] = ...` is seen to be the same word.
        // SAFETY: as above.
        let seen_step = unsafe { (*it).step };
        let step_word =
            r.push(IrOp::Load { base: p, offset: offset_of!(RangeIter, step) as i32, ty: Type::Int, mem: MEM_RANGE });
        let step = r.cint(seen_step);
        let same = r.push(IrOp::IntCmp(Cond::Eq, step_word, step));
        r.guard_here(same, true, "range");
        let one = r.cint(1);
        let rem1 = r.push(IrOp::IntSub(rem, one));
        r.push(IrOp::Store { base: p, offset: offset_of!(RangeIter, remaining) as i32, value: rem1, mem: MEM_RANGE });
        let after = r.push(IrOp::IntAdd(next, step));
        r.push(IrOp::Store { base: p, offset: offset_of!(RangeIter, next) as i32, value: after, mem: MEM_RANGE });
        r.write(dst, next);
        r.set_expect(body);
        return Ok(());
    }
    if seq_step(r, frame, code, dst, iter, seen)? {
        r.set_expect(body);
        return Ok(());
    }
    let res = r.generic(op)?;
    if !r.at_own_for() {
        // Where the iterator goes is known at the next statement.
        let b = r.cint(body as i64);
        let into_body = r.push(IrOp::IntCmp(Cond::Eq, res, b));
        r.defer_branch(into_body, body, exit);
        return Ok(());
    }
    // The helper has stepped the iterator: an exhausted one leaves for the loop exit.
    let b = r.cint(body as i64);
    let into_body = r.push(IrOp::IntCmp(Cond::Eq, res, b));
    let snap = r.snap_at(exit, 0);
    r.guard(into_body, true, "iter", snap);
    r.set_expect(body);
    Ok(())
}

/// Whether the loop whose header is `block` is about to end: its header is a `for` whose
/// range, list or tuple iterator is exhausted. Recording it now would only see the exit
/// and abort, so the JIT waits for the next back edge (`jit::count_hot`).
pub(super) fn about_to_exit(frame: &Frame, code: &Code, block: u32) -> bool {
    let Some(Op::ForIter { iter, .. }) = code.blocks.get(block as usize).and_then(|b| b.ops.first()) else {
        return false;
    };
    let it = Recorder::observe(frame, code, *iter);
    if let Some(ri) = range_iter(it) {
        // SAFETY: `ri` points into the iterator object held by the frame slot we observed.
        return unsafe { (*ri).remaining.get() } == 0;
    }
    matches!(seen_seq_item(it), Some((None, _)))
}

/// The strategy (`ListData::MODE_*`) of the list a list iterator walks (None for other
/// objects or once exhausted).
fn seen_list_mode(it: Value) -> Option<u64> {
    let Payload::Native(n) = &it.as_obj()?.payload else {
        return None;
    };
    let li = n.as_any().downcast_ref::<ListIter>()?;
    let l = li.list.get();
    let d = l.as_obj()?.as_list_data()?;
    Some(d.mode_raw().get())
}

/// The next item of a list or tuple iterator, and whether the iterator is a list one.
fn seen_seq_item(it: Value) -> Option<(Option<Value>, bool)> {
    let Payload::Native(n) = &it.as_obj()?.payload else {
        return None;
    };
    let any = n.as_any();
    if let Some(li) = any.downcast_ref::<ListIter>() {
        let l = li.list.get();
        let item = l.as_obj().and_then(|o| o.as_list_data()).and_then(|d| d.get(li.index.get()));
        return Some((item, true));
    }
    let ti = any.downcast_ref::<TupleIter>()?;
    let item = ti.tuple.get().as_tuple().and_then(|t| t.get(ti.index.get()).copied());
    Some((item, false))
}

/// Steps a list or tuple iterator in the trace (see the module docs). Ok(false) when the
/// iterator is of another kind or the layout is unknown; Err("loop exit") when the loop
/// ends at this step.
fn seq_step(r: &mut Recorder, frame: &Frame, code: &Code, dst: Slot, iter: Opnd, seen: Value) -> RecResult<bool> {
    let (Some(l), Some((item, is_list))) = (layout(), seen_seq_item(seen)) else {
        return Ok(false);
    };
    let Some(item) = item else {
        // A bridge records the loop's exit path: the helper ends the iterator, and the
        // branch to the exit follows (`for_iter`'s generic path).
        return if r.at_own_for() { Err("loop exit") } else { Ok(false) };
    };
    // The list's strategy as seen (`ListData`): raw bools and ints are loaded unboxed.
    let mode = if is_list { seen_list_mode(seen).unwrap_or(ListData::MODE_VALUES) } else { ListData::MODE_VALUES };
    if mode == ListData::MODE_INTS && !r.spec_int {
        return Ok(false);
    }
    let (w, _) = r.read(frame, code, iter);
    if r.ty(w) != Type::Word {
        return Ok(false);
    }
    let cls = seen.obj().class.get();
    let p = guard_class_exact(r, &l, w, cls);
    let data = r.push(IrOp::Load { base: p, offset: l.native_data, ty: Type::Int, mem: MEM_HEADER });
    let (seq_off, idx_off) =
        if is_list { (l.list_iter_seq, l.list_iter_index) } else { (l.tuple_iter_seq, l.tuple_iter_index) };
    let seq = r.push(IrOp::Load { base: data, offset: seq_off, ty: Type::Word, mem: MEM_ITER });
    // An exhausted iterator holds NULL (never a sequence): the interpreter ends the loop.
    let null = r.cword(Value::NULL);
    let live = r.push(IrOp::IntCmp(Cond::Ne, seq, null));
    r.guard_here(live, true, "iter");
    let mask = r.cint(super::layout::PAYLOAD_MASK);
    let sp = r.push(IrOp::IntAnd(seq, mask));
    let idx = r.push(IrOp::Load { base: data, offset: idx_off, ty: Type::Int, mem: MEM_ITER });
    let n = if is_list {
        super::layout::guard_list_mode(r, &l, sp, mode);
        super::layout::list_len(r, &l, sp, mode)
    } else {
        r.push(IrOp::Load { base: sp, offset: l.tuple_len, ty: Type::Int, mem: MEM_HEADER })
    };
    let more = r.push(IrOp::IntCmp(Cond::Below, idx, n));
    r.guard_here(more, true, "iter");
    let buf = if is_list {
        super::layout::list_items(r, &l, sp, mode)
    } else {
        r.push(IrOp::Load { base: sp, offset: l.tuple_ptr, ty: Type::Int, mem: MEM_HEADER })
    };
    let v = if mode != ListData::MODE_VALUES {
        super::layout::raw_item(r, buf, idx, mode)
    } else {
        r.push(IrOp::LoadIndexed {
            base: buf,
            index: idx,
            offset: 0,
            ty: Type::Word,
            mem: if is_list { MEM_LIST_ITEMS } else { MEM_TUPLE_ITEMS },
        })
    };
    let v = if mode != ListData::MODE_VALUES {
        v
    } else if item.is_float() && r.spec_float {
        r.float_of(v, item).unwrap_or(v)
    } else if item.is_small_int() && r.spec_int {
        r.int_of(v, item).unwrap_or(v)
    } else {
        v
    };
    let one = r.cint(1);
    let next = r.push(IrOp::IntAdd(idx, one));
    r.push(IrOp::Store { base: data, offset: idx_off, value: next, mem: MEM_ITER });
    r.write(dst, v);
    Ok(true)
}
