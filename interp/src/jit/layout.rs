//! Byte offsets of the object fields traces load and store directly.
//!
//! `PyObj` is `#[repr(C)]` and `Attrs` is ours, so `offset_of!` gives their fields. The
//! buffer pointer and length of a `Vec` inside a `RefCell` and of a boxed slice have no
//! stable offsets in Rust; they are found once per process by probing sample values for
//! words with known values, and the payload of an enum variant by taking its address.
//! Each probe must find exactly one match; if it does not, the layout is `None` and the
//! recorder uses helpers instead.
//!
//! Native payloads (`Payload::Native(Box<dyn NativeData>)`) are reached through the data
//! half of the box's fat pointer (`native_data`); the fields of the list and tuple
//! iterators behind it have `offset_of!` offsets (`list_iter_*`, `tuple_iter_*`). A trace
//! may only follow `native_data` after guarding the object's class, which fixes the
//! concrete type behind the box (`list_iterator` and `tuple_iterator` objects are created
//! only by `iter()` of a list or tuple).

use std::cell::{Cell, RefCell};
use std::mem::{offset_of, size_of};

use krait_tracer::{Cond, Mem, Op as IrOp, Type, ValueId};

use super::record::Recorder;
use crate::object::{Attrs, ListData, NativeData, Payload, PyObj, PyStr};
use crate::types::iter::{ListIter, TupleIter};
use crate::value::Value;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    /// `PyObj::class` (a word).
    pub class: i32,
    /// `PyObj::attrs` (a nullable pointer to `Attrs`).
    pub attrs: i32,
    /// In `Attrs`: the map pointer, the dict word, the slot vector's buffer pointer.
    pub map: i32,
    pub dict: i32,
    pub slots_ptr: i32,
    /// In `PyObj` of a list: the item buffer pointer and length (of a value list), the
    /// strategy word (`ListData::MODE_*`), and the byte buffer pointer and length (of a
    /// bool list).
    pub list_ptr: i32,
    pub list_len: i32,
    pub list_mode: i32,
    pub list_raw_ptr: i32,
    pub list_raw_len: i32,
    /// In `PyObj` of a tuple: the item pointer and length.
    pub tuple_ptr: i32,
    pub tuple_len: i32,
    /// In `PyObj` of a str: the number of code points.
    pub str_len: i32,
    /// In `PyObj` of a native object: the data pointer of the `Box<dyn NativeData>`.
    pub native_data: i32,
    /// In `ListIter` / `TupleIter`: the sequence word (NULL once exhausted) and the index.
    pub list_iter_seq: i32,
    pub list_iter_index: i32,
    pub tuple_iter_seq: i32,
    pub tuple_iter_index: i32,
}

/// Offset of the one word of `hay` (a fully initialized value) equal to `needle`.
fn find_word<T>(hay: &T, needle: usize) -> Option<i32> {
    let n = size_of::<T>() / size_of::<usize>();
    let base = hay as *const T as *const usize;
    let mut found = None;
    for i in 0..n {
        // SAFETY: reading whole words inside `hay`, which is at least `n` words long and
        // word-aligned (every type probed here contains pointers).
        let w = unsafe { base.add(i).read_unaligned() };
        if w == needle {
            if found.is_some() {
                return None;
            }
            found = Some((i * size_of::<usize>()) as i32);
        }
    }
    found
}

fn sample_vec(len: usize) -> Vec<Value> {
    let mut v = Vec::with_capacity(len + 5);
    v.resize(len, Value::NONE);
    v
}

/// Byte distance from `outer` to `inner` (a field inside it).
fn distance<A, B>(outer: &A, inner: &B) -> i32 {
    (inner as *const B as usize - outer as *const A as usize) as i32
}

/// One probe with sample length `n`. Only fully initialized values are scanned (a
/// standalone `RefCell<Vec>` and `Box<[Value]>`); where they sit inside a `PyObj`'s payload
/// comes from the addresses of the variant's fields, not from scanning the enum (whose
/// unused bytes are uninitialized).
fn probe(n: usize) -> Option<Layout> {
    let cell = RefCell::new(sample_vec(n));
    let vec_ptr = find_word(&cell, cell.borrow().as_ptr() as usize)?;
    let vec_len = find_word(&cell, n)?;
    let boxed: Box<[Value]> = sample_vec(n + 2).into_boxed_slice();
    let box_ptr = find_word(&boxed, boxed.as_ptr() as usize)?;
    let box_len = find_word(&boxed, n + 2)?;
    let mut byte_vec: Vec<u8> = Vec::with_capacity(n + 12);
    byte_vec.resize(n + 7, 0);
    let bytes = RefCell::new(byte_vec);
    let bytes_ptr = find_word(&bytes, bytes.borrow().as_ptr() as usize)?;
    let bytes_len = find_word(&bytes, n + 7)?;
    let list = PyObj::new(Value::NONE, None, Payload::List(crate::object::ListData::new(Vec::new())));
    let (list_cell, list_mode, list_raw) = match &list.payload {
        Payload::List(l) => {
            (distance(&list, l.values_raw()), distance(&list, l.mode_raw()), distance(&list, l.raw_storage()))
        }
        _ => return None,
    };
    let tuple = PyObj::new(Value::NONE, None, Payload::Tuple(Box::new([])));
    let tuple_box = match &tuple.payload {
        Payload::Tuple(t) => distance(&tuple, t),
        _ => return None,
    };
    let s = PyObj::new(Value::NONE, None, Payload::Str(PyStr::new("probe".into())));
    let str_len = match &s.payload {
        Payload::Str(p) => distance(&s, &p.char_len),
        _ => return None,
    };
    let it: Box<dyn NativeData> = Box::new(ListIter { list: Cell::new(Value::NONE), index: Cell::new(n) });
    let data = &*it as *const dyn NativeData as *const () as usize;
    let data_word = find_word(&it, data)?;
    let native = PyObj::new(Value::NONE, None, Payload::Native(it));
    let native_box = match &native.payload {
        Payload::Native(b) => distance(&native, b),
        _ => return None,
    };
    Some(Layout {
        class: offset_of!(PyObj, class) as i32,
        attrs: offset_of!(PyObj, attrs) as i32,
        map: offset_of!(Attrs, map) as i32,
        dict: offset_of!(Attrs, dict) as i32,
        slots_ptr: offset_of!(Attrs, slots) as i32 + vec_ptr,
        list_ptr: list_cell + vec_ptr,
        list_len: list_cell + vec_len,
        list_mode,
        list_raw_ptr: list_raw + bytes_ptr,
        list_raw_len: list_raw + bytes_len,
        tuple_ptr: tuple_box + box_ptr,
        tuple_len: tuple_box + box_len,
        str_len,
        native_data: native_box + data_word,
        list_iter_seq: offset_of!(ListIter, list) as i32,
        list_iter_index: offset_of!(ListIter, index) as i32,
        tuple_iter_seq: offset_of!(TupleIter, tuple) as i32,
        tuple_iter_index: offset_of!(TupleIter, index) as i32,
    })
}

fn probe_twice() -> Option<Layout> {
    let (a, b) = (probe(100_003)?, probe(100_019)?);
    let same = (a.slots_ptr, a.list_ptr, a.list_len, a.list_raw_ptr, a.list_raw_len)
        == (b.slots_ptr, b.list_ptr, b.list_len, b.list_raw_ptr, b.list_raw_len)
        && (a.tuple_ptr, a.tuple_len, a.str_len, a.native_data) == (b.tuple_ptr, b.tuple_len, b.str_len, b.native_data);
    same.then_some(a)
}

thread_local! {
    static LAYOUT: Option<Layout> = probe_twice();
}

/// The probed layout, or None when a probe was ambiguous.
pub(crate) fn layout() -> Option<Layout> {
    LAYOUT.with(|l| *l)
}

/// The tag (bits 48..64) of a pointer `Value`.
/// Memory classes of the loads and stores traces make (`krait_tracer::Mem`): the optimizer
/// takes accesses of different classes to never touch the same bytes.
/// Frame slots (based on the frame's slot array).
pub(crate) const MEM_FRAME: Mem = Mem(1);
/// Object header fields: class word, instance attribute block, map and slot pointer, list
/// and tuple length and item pointer, native data pointer. Traces never store to them;
/// only calls change them (a list's items pointer when it grows, `__class__` assignment).
pub(crate) const MEM_HEADER: Mem = Mem(2);
/// Instance attribute slots: a class of separate blocks (`Mem::SEPARATE`). Every access
/// is based at the start of an object's slot buffer (an allocation of its own, one per
/// object), at the offset of a slot the guarded map has, so inside the buffer.
pub(crate) const MEM_ATTRS: Mem = Mem(3 | Mem::SEPARATE);
/// List items.
pub(crate) const MEM_LIST_ITEMS: Mem = Mem(4);
/// Tuple items (never stored).
pub(crate) const MEM_TUPLE_ITEMS: Mem = Mem(5);
/// Range iterator state.
pub(crate) const MEM_RANGE: Mem = Mem(6);
/// List and tuple iterator state.
pub(crate) const MEM_ITER: Mem = Mem(7);
/// Version counters of classes and dicts, function defaults (changed only by calls).
pub(crate) const MEM_VERSION: Mem = Mem(8);
/// The JIT context and VM fields it reaches (recursion depth and limit).
pub(crate) const MEM_CTX: Mem = Mem(9);
/// The context's count of trips around loops (`exit::Ctx::trips`), only traces touch it.
pub(crate) const MEM_TRIPS: Mem = Mem(10);
/// The bytes of bool lists (`ListData`'s bool strategy); byte accesses only.
pub(crate) const MEM_LIST_BYTES: Mem = Mem(11);
/// The raw `i64` items of int lists (`ListData`'s int strategy).
pub(crate) const MEM_LIST_INTS: Mem = Mem(12);

/// Guards (kind "type") that the list at address `p` has storage `mode`
/// (`ListData::MODE_*`): code that reads a list's item vector must first know the list
/// keeps values (a bool list's vector is empty).
pub(crate) fn guard_list_mode(r: &mut Recorder, l: &Layout, p: ValueId, mode: u64) {
    let m = r.push(IrOp::Load { base: p, offset: l.list_mode, ty: Type::Int, mem: MEM_HEADER });
    let want = r.cint(mode as i64);
    let ok = r.push(IrOp::IntCmp(Cond::Eq, m, want));
    r.guard_here(ok, true, "type");
}

/// The number of items of the list at address `p`, whose strategy `mode` the caller has
/// guarded: the value vector's length, the byte count of a bool list, or the byte count of
/// an int list divided by `ListData::INT_BYTES`.
pub(crate) fn list_len(r: &mut Recorder, l: &Layout, p: ValueId, mode: u64) -> ValueId {
    let off = if mode == ListData::MODE_VALUES { l.list_len } else { l.list_raw_len };
    let n = r.push(IrOp::Load { base: p, offset: off, ty: Type::Int, mem: MEM_HEADER });
    if mode != ListData::MODE_INTS {
        return n;
    }
    let sh = r.cint(ListData::INT_BYTES.trailing_zeros() as i64);
    r.push(IrOp::IntShr(n, sh))
}

/// The item buffer of the list at address `p`, whose strategy `mode` the caller has guarded.
pub(crate) fn list_items(r: &mut Recorder, l: &Layout, p: ValueId, mode: u64) -> ValueId {
    let off = if mode == ListData::MODE_VALUES { l.list_ptr } else { l.list_raw_ptr };
    r.push(IrOp::Load { base: p, offset: off, ty: Type::Int, mem: MEM_HEADER })
}

/// Item `idx` (in range) of the raw buffer `buf` of a bool or int list (`mode`), unboxed:
/// a Bool, or an Int known to be in the inline int range.
pub(crate) fn raw_item(r: &mut Recorder, buf: ValueId, idx: ValueId, mode: u64) -> ValueId {
    if mode == ListData::MODE_INTS {
        let v = r.push(IrOp::LoadIndexed { base: buf, index: idx, offset: 0, ty: Type::Int, mem: MEM_LIST_INTS });
        r.known_small(v);
        return v;
    }
    let b = r.push(IrOp::LoadByte { base: buf, index: idx, offset: 0, mem: MEM_LIST_BYTES });
    let zero = r.cint(0);
    r.push(IrOp::IntCmp(Cond::Ne, b, zero))
}

pub(crate) const PTR_TAG: i64 = 0xFFFA;
/// The address bits of a pointer `Value`.
pub(crate) const PAYLOAD_MASK: i64 = (1 << 48) - 1;

/// Guards (kind "type", at the current statement) that the word `w` is an object whose
/// class word is `cls`; returns the object's address.
pub(crate) fn guard_class_exact(r: &mut Recorder, l: &Layout, w: ValueId, cls: Value) -> ValueId {
    let sh = r.cint(48);
    let tag = r.push(IrOp::IntShr(w, sh));
    let pt = r.cint(PTR_TAG);
    let is_obj = r.push(IrOp::IntCmp(Cond::Eq, tag, pt));
    r.guard_here(is_obj, true, "type");
    let mask = r.cint(PAYLOAD_MASK);
    let p = r.push(IrOp::IntAnd(w, mask));
    let c = r.push(IrOp::Load { base: p, offset: l.class, ty: Type::Word, mem: MEM_HEADER });
    let want = r.cword(cls);
    let same = r.push(IrOp::IntCmp(Cond::Eq, c, want));
    r.guard_here(same, true, "type");
    p
}
