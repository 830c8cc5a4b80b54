//! Recording instance attribute loads and stores, and list/tuple indexing.
//!
//! An attribute of a plain instance is read straight from its slot vector behind guards:
//! the word is an object, its class is the recorded class, the class's version is the
//! recorded one (no descriptor or `__getattribute__`/`__setattr__` appeared; the class is
//! a trace constant, so the address of its version counter is one too), the object is not
//! in dict mode and its map (hidden class) is the recorded map. The recorder only does
//! this when the class and its bases define nothing of that name and no custom attribute
//! hooks, so the slot is exactly what the interpreter would find.
//!
//! Lists and tuples of the exact builtin types are indexed by loading their buffer and
//! length (offsets from `layout`), with an unsigned bounds check that also rejects
//! negative indexes (those take the generic path when seen).
//!
//! In the collector's stress mode (`gc::barrier::active()`), every store of a reference
//! into an instance slot or a list item is followed by a call to the write barrier
//! (`barrier::compiled_store`, `barrier::compiled_store_at`), so that minor collections
//! need not trace every old list and instance after compiled code ran
//! (`barrier::set_compiled_barriers`). Outside stress mode no call is emitted.

use krait_tracer::{Cond, Op as IrOp, Type, ValueId};

use super::layout::{guard_class_exact, guard_list_mode, layout, list_items, list_len, raw_item, Layout};
use super::layout::{
    MEM_ATTRS, MEM_HEADER, MEM_LIST_BYTES, MEM_LIST_INTS, MEM_LIST_ITEMS, MEM_TUPLE_ITEMS, MEM_VERSION,
};
use super::record::{RecResult, Recorder};
use crate::cfg::{Code, NameIdx, Op, Opnd, Slot};
use crate::frame::Frame;
use crate::gc::barrier;
use crate::object::{class_flags, ListData, Map};
use crate::value::Value;
use crate::vm::Vm;

/// The slot index of `name` in `o`'s attributes when a trace may access it directly, with
/// the class and map to guard.
fn plain_slot(vm: &mut Vm, o: Value, name: Value) -> Option<(Value, &'static Map, usize)> {
    let obj = o.as_obj()?;
    let cls = obj.class.get();
    let cd = cls.as_class()?;
    if cd.has_flag(class_flags::CUSTOM_GETATTR) || !cd.has_flag(class_flags::HEAPTYPE) {
        return None;
    }
    if !matches!(obj.payload, crate::object::Payload::Object) {
        return None;
    }
    let attrs = obj.attrs.as_ref()?;
    if attrs.in_dict_mode() {
        return None;
    }
    if vm.lookup_type(cls, name).is_some() {
        return None;
    }
    let map = attrs.map.get();
    let idx = map.lookup(name)?;
    Some((cls, map, idx))
}

/// Guards that `w` is an object of class `cls` at its current version and returns the
/// object's address.
pub(super) fn guard_class(r: &mut Recorder, l: &Layout, w: ValueId, cls: Value) -> Option<ValueId> {
    let p = guard_class_exact(r, l, w, cls);
    let cd = cls.as_class()?;
    let vaddr = r.cint(&cd.version as *const _ as i64);
    let ver = r.push(IrOp::Load { base: vaddr, offset: 0, ty: Type::Int, mem: MEM_VERSION });
    let seen = r.cint(cd.version.get() as i64);
    let same_ver = r.push(IrOp::IntCmp(Cond::Eq, ver, seen));
    r.guard_here(same_ver, true, "type");
    Some(p)
}

/// Guards the object at `p` to be in map mode with `map`; returns its slot buffer.
pub(super) fn guard_map(r: &mut Recorder, l: &Layout, p: ValueId, map: &'static Map) -> ValueId {
    let attrs = r.push(IrOp::Load { base: p, offset: l.attrs, ty: Type::Int, mem: MEM_HEADER });
    let m = r.push(IrOp::Load { base: attrs, offset: l.map, ty: Type::Int, mem: MEM_HEADER });
    let want = r.cint(map as *const Map as i64);
    let same = r.push(IrOp::IntCmp(Cond::Eq, m, want));
    r.guard_here(same, true, "type");
    let d = r.push(IrOp::Load { base: attrs, offset: l.dict, ty: Type::Word, mem: MEM_HEADER });
    let null = r.cword(Value::NULL);
    let no_dict = r.push(IrOp::IntCmp(Cond::Eq, d, null));
    r.guard_here(no_dict, true, "type");
    r.push(IrOp::Load { base: attrs, offset: l.slots_ptr, ty: Type::Int, mem: MEM_HEADER })
}

/// The object operand as a word, or None when the trace holds it unboxed.
fn obj_word(r: &mut Recorder, frame: &Frame, code: &Code, o: Opnd) -> Option<ValueId> {
    let (w, _) = r.read(frame, code, o);
    (r.ty(w) == Type::Word).then_some(w)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn get_attr(
    r: &mut Recorder,
    vm: &mut Vm,
    frame: &Frame,
    code: &Code,
    op: &Op,
    dst: Slot,
    obj: Opnd,
    name: NameIdx,
) -> RecResult<()> {
    let o = Recorder::observe(frame, code, obj);
    let n = vm.intern_value(code.names[name as usize]);
    if let (Some(l), Some((cls, map, idx))) = (layout(), plain_slot(vm, o, n)) {
        if let Some(w) = obj_word(r, frame, code, obj) {
            if let Some(p) = guard_class(r, &l, w, cls) {
                let buf = guard_map(r, &l, p, map);
                note_buffer(r, o, buf);
                let v = r.push(IrOp::Load { base: buf, offset: (idx * 8) as i32, ty: Type::Word, mem: MEM_ATTRS });
                // An empty slot (an attribute deleted since) holds `Value::NULL`, which is
                // neither a float nor a small int: the type guard that unboxes the value
                // also exits for it, so only a value kept boxed needs the guard of its own.
                let u = unbox_seen(r, v, o, n);
                if u == v {
                    let null = r.cword(Value::NULL);
                    let set = r.push(IrOp::IntCmp(Cond::Ne, v, null));
                    r.guard_here(set, true, "type");
                }
                r.write(dst, u);
                return Ok(());
            }
        }
    }
    r.generic(op).map(|_| ())
}

/// Remembers `buf` as the slot buffer of the object `o` (`Recorder::attr_bufs`).
fn note_buffer(r: &mut Recorder, o: Value, buf: ValueId) {
    let addr = o.bits() as usize;
    match r.attr_bufs.iter_mut().find(|(a, _)| *a == addr) {
        Some(e) => e.1 = buf,
        None => r.attr_bufs.push((addr, buf)),
    }
}

/// Before a store into the slot buffer `buf` of the object `o`: guards (kind "alias") that
/// `buf` is not the buffer of any other object the trace reached, as it was not while
/// recording. Slot buffers are separate blocks (`MEM_ATTRS`), so the optimizer then knows
/// the store leaves those objects' attributes alone: a loop that reads one object's
/// attributes and stores another's (`b1.vx -= dx * m2` beside `b2.vx += dx * m1`) can keep
/// the first in registers (`opt::licm`).
fn guard_apart(r: &mut Recorder, o: Value, buf: ValueId) {
    if !r.spec_alias {
        return;
    }
    let addr = o.bits() as usize;
    let others: Vec<ValueId> = r.attr_bufs.iter().filter(|&&(a, b)| a != addr && b != buf).map(|&(_, b)| b).collect();
    for b in others {
        if r.apart.contains(&(buf, b)) || r.apart.contains(&(b, buf)) {
            continue;
        }
        r.apart.push((buf, b));
        let ne = r.push(IrOp::IntCmp(Cond::Ne, buf, b));
        r.guard_here(ne, true, "alias");
    }
}

/// Attribute values observed as floats or small ints are unboxed right away (they are
/// what numeric loops read); the type guard exits before the statement.
fn unbox_seen(r: &mut Recorder, w: ValueId, o: Value, name: Value) -> ValueId {
    let seen = o.as_obj().and_then(|x| x.attrs.as_ref()).and_then(|a| a.get_slot(name)).unwrap_or(Value::NULL);
    if seen.is_float() && r.spec_float {
        r.float_of(w, seen).unwrap_or(w)
    } else if seen.is_small_int() && r.spec_int {
        r.int_of(w, seen).unwrap_or(w)
    } else {
        w
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn set_attr(
    r: &mut Recorder,
    vm: &mut Vm,
    frame: &Frame,
    code: &Code,
    op: &Op,
    obj: Opnd,
    name: NameIdx,
    src: Opnd,
) -> RecResult<()> {
    let o = Recorder::observe(frame, code, obj);
    let n = vm.intern_value(code.names[name as usize]);
    if let (Some(l), Some((cls, map, idx))) = (layout(), plain_slot(vm, o, n)) {
        if let Some(w) = obj_word(r, frame, code, obj) {
            let (v, _) = r.read(frame, code, src);
            if let Some(p) = guard_class(r, &l, w, cls) {
                let buf = guard_map(r, &l, p, map);
                guard_apart(r, o, buf);
                note_buffer(r, o, buf);
                let snap = r.snap();
                let vw = r.boxed(v, snap);
                r.push(IrOp::Store { base: buf, offset: (idx * 8) as i32, value: vw, mem: MEM_ATTRS });
                if barrier::active() {
                    // Stress mode: the write barrier of the minor collections (`gc::barrier`).
                    let f = barrier::compiled_store as *const () as u64;
                    r.push(IrOp::Call { func: f, args: vec![p], ret: Type::Int, pure: false });
                }
                return Ok(());
            }
        }
    }
    r.generic(op).map(|_| ())
}

/// `obj[key]` for an exact list or tuple and a small int key; the item is unboxed when it
/// was seen as a number.
#[allow(clippy::too_many_arguments)]
pub(super) fn get_item(
    r: &mut Recorder,
    vm: &Vm,
    frame: &Frame,
    code: &Code,
    op: &Op,
    dst: Slot,
    obj: Opnd,
    key: Opnd,
) -> RecResult<()> {
    let (o, k) = (Recorder::observe(frame, code, obj), Recorder::observe(frame, code, key));
    if let (Some(l), Some(i)) = (layout(), k.as_small_int()) {
        let cls = o.as_obj().map(|x| x.class.get()).unwrap_or(Value::NULL);
        let is_list = cls.is(vm.types.list);
        let data = if is_list { o.as_obj().and_then(|x| x.as_list_data()) } else { None };
        if let Some(d) = data.filter(|d| d.is_bools() || d.is_ints()) {
            if let Some(v) = load_raw_item(r, frame, code, &l, obj, key, cls, (i, k), d) {
                r.write(dst, v);
                return Ok(());
            }
            return r.generic(op).map(|_| ());
        }
        let len = if is_list {
            data.map(|x| x.len())
        } else if cls.is(vm.types.tuple) {
            o.as_tuple().map(|t| t.len())
        } else {
            None
        };
        if let Some(len) = len {
            if i >= 0 && (i as usize) < len {
                if let Some(w) = obj_word(r, frame, code, obj) {
                    let (kv, _) = r.read(frame, code, key);
                    if let Some(ki) = r.int_of(kv, k) {
                        let (pt, lo) = if is_list { (l.list_ptr, l.list_len) } else { (l.tuple_ptr, l.tuple_len) };
                        let p = guard_class_exact(r, &l, w, cls);
                        if is_list {
                            guard_list_mode(r, &l, p, ListData::MODE_VALUES);
                        }
                        let n = r.push(IrOp::Load { base: p, offset: lo, ty: Type::Int, mem: MEM_HEADER });
                        let ok = r.push(IrOp::IntCmp(Cond::Below, ki, n));
                        r.guard_here(ok, true, "type");
                        let buf = r.push(IrOp::Load { base: p, offset: pt, ty: Type::Int, mem: MEM_HEADER });
                        let v = r.push(IrOp::LoadIndexed {
                            base: buf,
                            index: ki,
                            offset: 0,
                            ty: Type::Word,
                            mem: if is_list { MEM_LIST_ITEMS } else { MEM_TUPLE_ITEMS },
                        });
                        let seen = if is_list {
                            data.and_then(|x| x.get(i as usize))
                        } else {
                            o.as_tuple().map(|t| t[i as usize])
                        }
                        .unwrap_or(Value::NULL);
                        let v = if seen.is_float() && r.spec_float {
                            r.float_of(v, seen).unwrap_or(v)
                        } else if seen.is_small_int() && r.spec_int {
                            r.int_of(v, seen).unwrap_or(v)
                        } else {
                            v
                        };
                        r.write(dst, v);
                        return Ok(());
                    }
                }
            }
        }
    }
    r.generic(op).map(|_| ())
}

/// `list[key] = value` for an exact list and a small int key in range.
#[allow(clippy::too_many_arguments)]
pub(super) fn set_item(
    r: &mut Recorder,
    vm: &Vm,
    frame: &Frame,
    code: &Code,
    op: &Op,
    obj: Opnd,
    key: Opnd,
    src: Opnd,
) -> RecResult<()> {
    let (o, k) = (Recorder::observe(frame, code, obj), Recorder::observe(frame, code, key));
    if let (Some(l), Some(i), Some(list)) = (layout(), k.as_small_int(), o.as_obj().and_then(|x| x.as_list_data())) {
        let cls = o.obj().class.get();
        if list.is_bools() || list.is_ints() {
            let seen = Recorder::observe(frame, code, src);
            let fits = if list.is_bools() { seen.is_bool() } else { seen.is_small_int() };
            if cls.is(vm.types.list) && fits && store_raw_item(r, frame, code, &l, obj, (key, i, k), (src, seen)) {
                return Ok(());
            }
            return r.generic(op).map(|_| ());
        }
        if cls.is(vm.types.list) && i >= 0 && (i as usize) < list.len() {
            if let Some(w) = obj_word(r, frame, code, obj) {
                let (kv, _) = r.read(frame, code, key);
                let (v, _) = r.read(frame, code, src);
                if let Some(ki) = r.int_of(kv, k) {
                    let p = guard_class_exact(r, &l, w, cls);
                    guard_list_mode(r, &l, p, ListData::MODE_VALUES);
                    let n = r.push(IrOp::Load { base: p, offset: l.list_len, ty: Type::Int, mem: MEM_HEADER });
                    let ok = r.push(IrOp::IntCmp(Cond::Below, ki, n));
                    r.guard_here(ok, true, "type");
                    let snap = r.snap();
                    let vw = r.boxed(v, snap);
                    let buf = r.push(IrOp::Load { base: p, offset: l.list_ptr, ty: Type::Int, mem: MEM_HEADER });
                    r.push(IrOp::StoreIndexed { base: buf, index: ki, offset: 0, value: vw, mem: MEM_LIST_ITEMS });
                    if barrier::active() {
                        // Stress mode: the write barrier of the minor collections (`gc::barrier`).
                        let f = barrier::compiled_store_at as *const () as u64;
                        r.push(IrOp::Call { func: f, args: vec![p, ki], ret: Type::Int, pure: false });
                    }
                    return Ok(());
                }
            }
        }
    }
    r.generic(op).map(|_| ())
}

/// `a, b, c = src` for an exact list or tuple of the right length: the items are loaded
/// from its buffer (all of them before any target is written, as the interpreter reads
/// the sequence before it assigns) and unboxed when they were seen as numbers.
pub(super) fn unpack(
    r: &mut Recorder,
    vm: &Vm,
    frame: &Frame,
    code: &Code,
    op: &Op,
    dsts: &[Slot],
    src: Opnd,
) -> RecResult<()> {
    let o = Recorder::observe(frame, code, src);
    let cls = o.as_obj().map(|x| x.class.get()).unwrap_or(Value::NULL);
    let is_list = cls.is(vm.types.list);
    let seen: Option<Vec<Value>> = if is_list {
        o.as_obj().and_then(|x| x.as_list_data()).filter(|d| !d.is_bools() && !d.is_ints()).map(|x| x.borrow().clone())
    } else if cls.is(vm.types.tuple) {
        o.as_tuple().map(|t| t.to_vec())
    } else {
        None
    };
    if let (Some(l), Some(seen)) = (layout(), seen) {
        if seen.len() == dsts.len() && !dsts.is_empty() {
            if let Some(w) = obj_word(r, frame, code, src) {
                let (pt, lo) = if is_list { (l.list_ptr, l.list_len) } else { (l.tuple_ptr, l.tuple_len) };
                let p = guard_class_exact(r, &l, w, cls);
                if is_list {
                    guard_list_mode(r, &l, p, ListData::MODE_VALUES);
                }
                let n = r.push(IrOp::Load { base: p, offset: lo, ty: Type::Int, mem: MEM_HEADER });
                let want = r.cint(dsts.len() as i64);
                let ok = r.push(IrOp::IntCmp(Cond::Eq, n, want));
                r.guard_here(ok, true, "type");
                let buf = r.push(IrOp::Load { base: p, offset: pt, ty: Type::Int, mem: MEM_HEADER });
                let mem = if is_list { MEM_LIST_ITEMS } else { MEM_TUPLE_ITEMS };
                let mut items = Vec::with_capacity(dsts.len());
                for (i, s) in seen.iter().enumerate() {
                    let v = r.push(IrOp::Load { base: buf, offset: 8 * i as i32, ty: Type::Word, mem });
                    let v = if s.is_float() && r.spec_float {
                        r.float_of(v, *s).unwrap_or(v)
                    } else if s.is_small_int() && r.spec_int {
                        r.int_of(v, *s).unwrap_or(v)
                    } else {
                        v
                    };
                    items.push(v);
                }
                for (d, v) in dsts.iter().zip(items) {
                    r.write(*d, v);
                }
                return Ok(());
            }
        }
    }
    r.generic(op).map(|_| ())
}

/// The raw item buffer of the bool or int list (`mode`, `ListData::MODE_BOOLS` or
/// `MODE_INTS`) in word `w` (of exact class `cls`), behind guards on its class, its
/// strategy and the int index `ki` being in range.
fn raw_items(r: &mut Recorder, l: &Layout, w: ValueId, cls: Value, ki: ValueId, mode: u64) -> ValueId {
    let p = guard_class_exact(r, l, w, cls);
    guard_list_mode(r, l, p, mode);
    let n = list_len(r, l, p, mode);
    let ok = r.push(IrOp::IntCmp(Cond::Below, ki, n));
    r.guard_here(ok, true, "type");
    list_items(r, l, p, mode)
}

/// `raw[key]` of a bool or int list (`ListData`'s strategies) with a small int key in
/// range, seen at `(i, k)`: the byte as a Bool, or the unboxed int. None when the operands
/// are not in the registers this needs (the caller records the generic path).
#[allow(clippy::too_many_arguments)]
fn load_raw_item(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    l: &Layout,
    obj: Opnd,
    key: Opnd,
    cls: Value,
    (i, k): (i64, Value),
    d: &ListData,
) -> Option<ValueId> {
    if i < 0 || i as usize >= d.len() || (d.is_ints() && !r.spec_int) {
        return None;
    }
    let w = obj_word(r, frame, code, obj)?;
    let (kv, _) = r.read(frame, code, key);
    let ki = r.int_of(kv, k)?;
    let mode = d.mode_raw().get();
    let buf = raw_items(r, l, w, cls, ki, mode);
    Some(raw_item(r, buf, ki, mode))
}

/// `raw[key] = src` of a bool or int list with a small int key in range (seen
/// `(key, i, k)`) and a value its strategy holds (seen as `seen`): a byte store behind a
/// guard that the value is a bool, or an `i64` store behind a guard that the int is in the
/// inline range. False when nothing was recorded (the caller records the generic path).
fn store_raw_item(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    l: &Layout,
    obj: Opnd,
    (key, i, k): (Opnd, i64, Value),
    (src, seen): (Opnd, Value),
) -> bool {
    let o = Recorder::observe(frame, code, obj);
    let Some(d) = o.as_obj().and_then(|x| x.as_list_data()) else {
        return false;
    };
    if i < 0 || i as usize >= d.len() {
        return false;
    }
    let cls = o.obj().class.get();
    let Some(w) = obj_word(r, frame, code, obj) else { return false };
    let (kv, _) = r.read(frame, code, key);
    let (v, _) = r.read(frame, code, src);
    if d.is_ints() {
        let Some(x) = r.int_of(v, seen) else { return false };
        let Some(ki) = r.int_of(kv, k) else { return false };
        let buf = raw_items(r, l, w, cls, ki, ListData::MODE_INTS);
        let snap = r.snap();
        r.guard_small(x, snap);
        r.push(IrOp::StoreIndexed { base: buf, index: ki, offset: 0, value: x, mem: MEM_LIST_INTS });
        return true;
    }
    if !matches!(r.ty(v), Type::Bool | Type::Word) {
        return false;
    }
    let Some(ki) = r.int_of(kv, k) else { return false };
    let buf = raw_items(r, l, w, cls, ki, ListData::MODE_BOOLS);
    let byte = if r.ty(v) == Type::Bool {
        v
    } else {
        // A word: False and True are consecutive words, so the difference is the byte,
        // and any other value fails the guard.
        let x = r.push(IrOp::AsInt(v));
        let f = r.cint(Value::FALSE.bits() as i64);
        let b = r.push(IrOp::IntSub(x, f));
        let two = r.cint(2);
        let is_bool = r.push(IrOp::IntCmp(Cond::Below, b, two));
        r.guard_here(is_bool, true, "type");
        b
    };
    r.push(IrOp::StoreByte { base: buf, index: ki, offset: 0, value: byte, mem: MEM_LIST_BYTES });
    true
}
