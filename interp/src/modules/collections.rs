//! `_collections`: `deque` (with its iterators), `defaultdict`, `OrderedDict` (a dict
//! subclass whose order is the dict's own insertion order), `_count_elements` (Counter's
//! helper) and `_tuplegetter` (namedtuple's field descriptor).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::cfg::{BinOp, CmpOp};
use crate::dict::DictData;
use crate::eval::descr::{new_slot_descr, SlotKind};
use crate::impl_native;
use crate::object::{class_flags, Layout, Payload};
use crate::types::dict::{dict_cell, DictView, Kind};
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

use super::helpers_b::ssize_arg;
use super::{nargs, native, new_class, set, this};

// ----- deque -----

pub struct Deque {
    pub items: RefCell<VecDeque<Value>>,
    /// None: unbounded.
    pub maxlen: Cell<Option<usize>>,
    /// Bumped by every change of length or order (iterators compare it).
    pub state: Cell<u64>,
}
impl_native!(Deque, |s, visit| {
    for &v in s.items.borrow().iter() {
        visit(v);
    }
});

const DQ: &str = "collections.deque";

impl Deque {
    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn append(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        d.push_back(v);
        if let Some(m) = self.maxlen.get() {
            while d.len() > m {
                d.pop_front();
            }
        }
        drop(d);
        self.bump();
    }

    fn appendleft(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        d.push_front(v);
        if let Some(m) = self.maxlen.get() {
            while d.len() > m {
                d.pop_back();
            }
        }
        drop(d);
        self.bump();
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).copied()
    }
}

fn deque_class(vm: &Vm) -> Value {
    vm.state.borrow().get("collections.deque").copied().unwrap_or(Value::NULL)
}

fn dq<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Deque> {
    this::<Deque>(vm, args, method, DQ)
}

fn deque_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    Ok(vm.new_native(cls, Deque { items: RefCell::new(VecDeque::new()), maxlen: Cell::new(None), state: Cell::new(0) }))
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__init__")?;
    let [iterable, maxlen] = vm.bind_args("deque", &args[1..], kw, ["iterable", "maxlen"], 0)?;
    let m = if maxlen.is_null() || maxlen.is_none() {
        None
    } else {
        if vm.int_value(maxlen).is_none() {
            return Err(vm.type_error("an integer is required"));
        }
        let n = ssize_arg(vm, maxlen)?;
        if n < 0 {
            return Err(vm.value_error("maxlen must be non-negative"));
        }
        Some(n as usize)
    };
    d.maxlen.set(m);
    if d.len() > 0 {
        let old = std::mem::take(&mut *d.items.borrow_mut());
        drop(old);
        d.bump();
    }
    if !iterable.is_null() {
        extend_impl(vm, args[0], d, iterable, false)?;
    }
    Ok(Value::NONE)
}

fn extend_impl(vm: &mut Vm, this_v: Value, d: &Deque, iterable: Value, left: bool) -> PyResult<()> {
    let push = |x: Value| if left { d.appendleft(x) } else { d.append(x) };
    if iterable.is(this_v) {
        let items: Vec<Value> = d.items.borrow().iter().copied().collect();
        items.into_iter().for_each(push);
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    if d.maxlen.get() == Some(0) {
        while vm.next(it)?.is_some() {}
        return Ok(());
    }
    while let Some(x) = vm.next(it)? {
        push(x);
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "append", &args[1..], kw, 1, 1)?;
    dq(vm, args, "append")?.append(args[1]);
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "appendleft", &args[1..], kw, 1, 1)?;
    dq(vm, args, "appendleft")?.appendleft(args[1]);
    Ok(Value::NONE)
}

fn deque_pop(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "pop", &args[1..], kw, 0, 0)?;
    let d = dq(vm, args, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "popleft", &args[1..], kw, 0, 0)?;
    let d = dq(vm, args, "popleft")?;
    let v = d.items.borrow_mut().pop_front();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "extend", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "extend")?;
    extend_impl(vm, args[0], d, args[1], false)?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "extendleft", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "extendleft")?;
    extend_impl(vm, args[0], d, args[1], true)?;
    Ok(Value::NONE)
}

fn deque_iadd(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__iadd__", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "__iadd__")?;
    extend_impl(vm, args[0], d, args[1], false)?;
    Ok(args[0])
}

fn rotate(d: &Deque, n: isize) {
    let mut items = d.items.borrow_mut();
    let len = items.len();
    if len <= 1 {
        return;
    }
    let k = n.rem_euclid(len as isize) as usize;
    items.rotate_right(k);
    drop(items);
    d.bump();
}

fn deque_rotate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "rotate", &args[1..], kw, 0, 1)?;
    let d = dq(vm, args, "rotate")?;
    let n = match args.get(1) {
        Some(&v) => ssize_arg(vm, v)?,
        None => 1,
    };
    rotate(d, n);
    Ok(Value::NONE)
}

fn deque_reverse(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "reverse", &args[1..], kw, 0, 0)?;
    let d = dq(vm, args, "reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    d.bump();
    Ok(Value::NONE)
}

fn deque_clear(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "clear", &args[1..], kw, 0, 0)?;
    let d = dq(vm, args, "clear")?;
    let old = std::mem::take(&mut *d.items.borrow_mut());
    drop(old);
    d.bump();
    Ok(Value::NONE)
}

fn deque_count(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "count", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "count")?;
    let state = d.state.get();
    let mut n = 0i64;
    let mut i = 0;
    while let Some(x) = d.get(i) {
        if vm.eq(x, args[1])? {
            n += 1;
        }
        if d.state.get() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn contains_impl(vm: &mut Vm, d: &Deque, x: Value) -> PyResult<bool> {
    let state = d.state.get();
    let mut i = 0;
    while let Some(y) = d.get(i) {
        if vm.eq(y, x)? {
            return Ok(true);
        }
        if d.state.get() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    Ok(false)
}

fn deque_contains(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__contains__", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "__contains__")?;
    Ok(Value::bool(contains_impl(vm, d, args[1])?))
}

/// A `start`/`stop` argument of `index` (slice-index conversion, clamped like CPython).
fn slice_index_arg(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    if !crate::types::slice::has_index(vm, v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let b = crate::types::slice::index_of(vm, v)?.unwrap_or_default();
    let i: i128 = i128::try_from(&b).unwrap_or(if b.sign() == num_bigint::Sign::Minus { i128::MIN } else { i128::MAX });
    let i = if i < 0 { (i + len as i128).max(0) } else { i };
    Ok(i.min(len as i128) as usize)
}

fn deque_index(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "index", &args[1..], kw, 1, 3)?;
    let d = dq(vm, args, "index")?;
    let len = d.len();
    let start = match args.get(2) {
        Some(&v) => slice_index_arg(vm, v, len)?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => slice_index_arg(vm, v, len)?,
        None => len,
    };
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(y) = d.get(i) else { break };
        if vm.eq(y, args[1])? {
            return Ok(vm.new_int(i as i64));
        }
        if d.state.get() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    let r = vm.repr_string(args[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "insert", &args[1..], kw, 2, 2)?;
    let d = dq(vm, args, "insert")?;
    let index = ssize_arg(vm, args[1])?;
    let n = d.len() as isize;
    if d.maxlen.get() == Some(n as usize) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    if index >= n {
        d.append(args[2]);
    } else if index <= -n || index == 0 {
        d.appendleft(args[2]);
    } else {
        let i = if index < 0 { index + n } else { index } as usize;
        d.items.borrow_mut().insert(i, args[2]);
        d.bump();
    }
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "remove", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "remove")?;
    let state = d.state.get();
    let mut i = 0;
    while let Some(y) = d.get(i) {
        let eq = vm.eq(y, args[1])?;
        if d.state.get() != state {
            return Err(vm.index_error("deque mutated during remove()."));
        }
        if eq {
            d.items.borrow_mut().remove(i);
            d.bump();
            return Ok(Value::NONE);
        }
        i += 1;
    }
    let r = vm.repr_string(args[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

/// A sequence index of a deque (`d[i]`): ints only, negative from the end.
fn deque_pos(vm: &mut Vm, d: &Deque, key: Value) -> PyResult<usize> {
    if !crate::types::slice::has_index(vm, key) {
        return Err(vm.type_error(format!("sequence index must be integer, not '{}'", vm.type_tp_name(key))));
    }
    let i = ssize_arg(vm, key)?;
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__getitem__", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "__getitem__")?;
    let i = deque_pos(vm, d, args[1])?;
    d.get(i).ok_or_else(|| vm.index_error("deque index out of range"))
}

fn deque_setitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__setitem__", &args[1..], kw, 2, 2)?;
    let d = dq(vm, args, "__setitem__")?;
    let i = deque_pos(vm, d, args[1])?;
    if let Some(slot) = d.items.borrow_mut().get_mut(i) {
        *slot = args[2];
    }
    Ok(Value::NONE)
}

fn deque_delitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__delitem__", &args[1..], kw, 1, 1)?;
    let d = dq(vm, args, "__delitem__")?;
    let i = deque_pos(vm, d, args[1])?;
    d.items.borrow_mut().remove(i);
    d.bump();
    Ok(Value::NONE)
}

fn deque_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__len__")?;
    Ok(vm.new_int(d.len() as i64))
}

fn deque_bool(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__bool__")?;
    Ok(Value::bool(d.len() > 0))
}

fn deque_maxlen(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "maxlen")?;
    Ok(match d.maxlen.get() {
        Some(n) => vm.new_int(n as i64),
        None => Value::NONE,
    })
}

/// `deque.copy()`: the same class and maxlen.
fn copy_impl(vm: &mut Vm, this_v: Value, d: &Deque) -> PyResult<Value> {
    let cls = vm.type_of(this_v);
    if cls.is(deque_class(vm)) {
        let items = d.items.borrow().clone();
        return Ok(vm.new_native(
            cls,
            Deque { items: RefCell::new(items), maxlen: Cell::new(d.maxlen.get()), state: Cell::new(0) },
        ));
    }
    match d.maxlen.get() {
        None => vm.call(cls, &[this_v], &[]),
        Some(m) => {
            let m = vm.new_int(m as i64);
            vm.call(cls, &[this_v, m], &[])
        }
    }
}

fn deque_copy(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "copy", &args[1..], kw, 0, 0)?;
    let d = dq(vm, args, "copy")?;
    copy_impl(vm, args[0], d)
}

fn deque_add(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__add__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    if native::<Deque>(&other).is_none() {
        return Err(vm.type_error(format!("can only concatenate deque (not \"{}\") to deque", vm.type_tp_name(other))));
    }
    let new = copy_impl(vm, args[0], d)?;
    let nd = native::<Deque>(&new).ok_or_else(|| vm.type_error("copy did not return a deque"))?;
    extend_impl(vm, new, nd, other, false)?;
    Ok(new)
}

fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<isize>> {
    if !crate::types::slice::has_index(vm, n) {
        return Ok(None);
    }
    Ok(Some(ssize_arg(vm, n)?))
}

fn inplace_repeat(vm: &Vm, d: &Deque, n: isize) -> PyResult<()> {
    let cur: Vec<Value> = d.items.borrow().iter().copied().collect();
    if n <= 0 || cur.is_empty() {
        if !cur.is_empty() {
            d.items.borrow_mut().clear();
            d.bump();
        }
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    let total = (cur.len() as u128) * (n as u128);
    let limit = d.maxlen.get().map(|m| m as u128).unwrap_or(u128::MAX);
    if total > isize::MAX as u128 && limit > isize::MAX as u128 {
        return Err(vm.err(vm.exc.memory_error, ""));
    }
    // Only the last `maxlen` items survive; append them in order.
    let keep = total.min(limit) as usize;
    let skip = (total - keep as u128) as usize;
    let mut out = VecDeque::with_capacity(keep);
    for k in skip..skip + keep {
        out.push_back(cur[k % cur.len()]);
    }
    *d.items.borrow_mut() = out;
    d.bump();
    Ok(())
}

fn deque_imul(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__imul__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(n) = repeat_count(vm, other)? else {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_tp_name(other))));
    };
    inplace_repeat(vm, d, n)?;
    Ok(args[0])
}

fn deque_mul(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__mul__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(n) = repeat_count(vm, other)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let new = copy_impl(vm, args[0], d)?;
    let nd = native::<Deque>(&new).ok_or_else(|| vm.type_error("copy did not return a deque"))?;
    inplace_repeat(vm, nd, n)?;
    Ok(new)
}

fn deque_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__repr__")?;
    let this_v = args[0];
    if !crate::types::list::repr_enter(this_v) {
        return Ok(vm.new_str("[...]"));
    }
    let items: Vec<Value> = d.items.borrow().iter().copied().collect();
    let l = vm.new_list(items);
    let r = vm.repr_string(l);
    crate::types::list::repr_leave(this_v);
    let r = r?;
    let name = vm.type_name(this_v);
    Ok(vm.new_string(match d.maxlen.get() {
        Some(m) => format!("{name}({r}, maxlen={m})"),
        None => format!("{name}({r})"),
    }))
}

fn deque_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = dq(vm, args, "__eq__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(b) = native::<Deque>(&other) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    crate::types::tuple::compare_seq(vm, &|i| a.get(i), &|i| b.get(i), &|| a.len(), &|| b.len(), op)
}

macro_rules! deque_cmps {
    ($($name:ident, $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                deque_cmp(vm, args, $op)
            }
        )*
    };
}
deque_cmps! {
    deque_lt, CmpOp::Lt;
    deque_le, CmpOp::Le;
    deque_eq, CmpOp::Eq;
    deque_ne, CmpOp::Ne;
    deque_gt, CmpOp::Gt;
    deque_ge, CmpOp::Ge;
}

fn deque_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__reduce__")?;
    let cls = vm.type_of(args[0]);
    let state = match args[0].as_obj().and_then(|o| o.attrs.as_ref()) {
        Some(_) => {
            let n = vm.intern("__dict__");
            match vm.get_attr_opt(args[0], n)? {
                Some(dd) if dd.as_dict().is_some_and(|c| !c.borrow().is_empty()) => dd,
                _ => Value::NONE,
            }
        }
        None => Value::NONE,
    };
    let it = new_deque_iter(vm, args[0], d, false);
    let cargs = match d.maxlen.get() {
        None => vm.empty_tuple,
        Some(m) => {
            let m = vm.new_int(m as i64);
            vm.new_tuple(vec![vm.empty_tuple, m])
        }
    };
    Ok(vm.new_tuple(vec![cls, cargs, state, it]))
}

// deque iterators

pub struct DequeIter {
    pub deque: Value,
    /// Next position (forward) or the position of the next item from the end (reverse).
    pub index: Cell<usize>,
    pub state: u64,
    pub remaining: Cell<usize>,
    pub reverse: bool,
}
impl_native!(DequeIter, |s, visit| { visit(s.deque) });

fn new_deque_iter(vm: &mut Vm, this_v: Value, d: &Deque, reverse: bool) -> Value {
    let key = if reverse { "collections._deque_reverse_iterator" } else { "collections._deque_iterator" };
    let cls = vm.state.borrow().get(key).copied().unwrap_or(vm.types.object);
    vm.new_native(
        cls,
        DequeIter { deque: this_v, index: Cell::new(0), state: d.state.get(), remaining: Cell::new(d.len()), reverse },
    )
}

fn deque_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__iter__")?;
    Ok(new_deque_iter(vm, args[0], d, false))
}

fn deque_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dq(vm, args, "__reversed__")?;
    Ok(new_deque_iter(vm, args[0], d, true))
}

fn dequeiter_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = this::<DequeIter>(vm, args, "__next__", "_collections._deque_iterator")?;
    let Some(d) = native::<Deque>(&it.deque) else {
        return Err(vm.stop_iteration(Value::NONE));
    };
    if d.state.get() != it.state {
        it.remaining.set(0);
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    if it.remaining.get() == 0 {
        return Err(vm.stop_iteration(Value::NONE));
    }
    let i = it.index.get();
    let len = d.len();
    let pos = if it.reverse { len.checked_sub(i + 1) } else { Some(i) };
    let Some(v) = pos.and_then(|p| d.get(p)) else {
        return Err(vm.stop_iteration(Value::NONE));
    };
    it.index.set(i + 1);
    it.remaining.set(it.remaining.get() - 1);
    Ok(v)
}

fn dequeiter_length_hint(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = this::<DequeIter>(vm, args, "__length_hint__", "_collections._deque_iterator")?;
    Ok(vm.new_int(it.remaining.get() as i64))
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

// ----- defaultdict -----

fn factory_name(vm: &mut Vm) -> Value {
    vm.intern("default_factory")
}

/// The `default_factory` of a defaultdict (None when unset).
fn factory_of(vm: &mut Vm, d: Value) -> Value {
    let k = factory_name(vm);
    d.as_obj().and_then(|o| o.attrs.as_ref()).and_then(|a| a.get_slot(k)).unwrap_or(Value::NONE)
}

fn set_factory(vm: &mut Vm, d: Value, f: Value) {
    let k = factory_name(vm);
    if let Some(a) = d.as_obj().and_then(|o| o.attrs.as_ref()) {
        a.set_slot(k, f);
    }
}

fn dd_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    let d = vm.alloc(cls, Payload::Dict(RefCell::new(DictData::new())));
    set_factory(vm, d, Value::NONE);
    Ok(d)
}

fn dd_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let this_v = args[0];
    if dict_cell(this_v).is_none() {
        return Err(vm.type_error("descriptor '__init__' requires a 'collections.defaultdict' object"));
    }
    let (factory, rest) = match args.get(1) {
        Some(&f) => (f, &args[2..]),
        None => (Value::NONE, &args[1..]),
    };
    if !factory.is_none() && !crate::builtins::functions::is_callable(vm, factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    set_factory(vm, this_v, factory);
    let init = vm.intern("__init__");
    let dict_init = vm.lookup_type(vm.types.dict, init).ok_or_else(|| vm.type_error("dict has no __init__"))?;
    let mut a = vec![this_v];
    a.extend_from_slice(rest);
    vm.call(dict_init, &a, kw)?;
    Ok(Value::NONE)
}

fn dd_missing(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "__missing__", &args[1..], kw, 1, 1)?;
    let f = factory_of(vm, args[0]);
    if f.is_none() {
        return Err(vm.key_error(args[1]));
    }
    let v = vm.call(f, &[], &[])?;
    vm.set_item(args[0], args[1], v)?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this_v = args[0];
    let base = crate::types::dict::repr(vm, this_v)?;
    let f = factory_of(vm, this_v);
    let fr = if f.is_none() {
        "None".to_owned()
    } else if !crate::types::list::repr_enter(f) {
        "...".to_owned()
    } else {
        let r = vm.repr_string(f);
        crate::types::list::repr_leave(f);
        r?
    };
    let name = vm.type_name(this_v);
    Ok(vm.new_string(format!("{name}({fr}, {base})")))
}

fn dd_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = factory_of(vm, args[0]);
    let cls = vm.type_of(args[0]);
    vm.call(cls, &[f, args[0]], &[])
}

fn dd_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = factory_of(vm, args[0]);
    let cls = vm.type_of(args[0]);
    let a = if f.is_none() { vm.empty_tuple } else { vm.new_tuple(vec![f]) };
    let items = vm.call_method(args[0], "items", &[])?;
    let it = vm.iter(items)?;
    Ok(vm.new_tuple(vec![cls, a, Value::NONE, Value::NONE, it]))
}

fn dd_or_impl(vm: &mut Vm, left: Value, right: Value, reflected: bool) -> PyResult<Value> {
    let (selfv, other) = if reflected { (right, left) } else { (left, right) };
    if dict_cell(other).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let f = factory_of(vm, selfv);
    let cls = vm.type_of(selfv);
    let new = vm.call(cls, &[f, left], &[])?;
    vm.call_method(new, "update", &[right])?;
    Ok(new)
}

fn dd_or(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dd_or_impl(vm, args[0], args.get(1).copied().unwrap_or(Value::NONE), false)
}

fn dd_ror(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dd_or_impl(vm, args.get(1).copied().unwrap_or(Value::NONE), args[0], true)
}

// ----- OrderedDict -----

fn od_cell(vm: &Vm, args: &[Value], method: &str) -> PyResult<&'static RefCell<DictData>> {
    args.first()
        .and_then(|v| dict_cell(*v))
        .ok_or_else(|| vm.type_error(format!("descriptor '{method}' requires a 'collections.OrderedDict' object")))
}

/// `MutableMapping.update`-style update through `self[key] = value`, so subclasses that
/// override `__setitem__` see every item (as the C OrderedDict does).
fn od_update_impl(vm: &mut Vm, this_v: Value, args: &[Value], kw: &[(Value, Value)], fname: &str) -> PyResult<()> {
    if args.len() > 1 {
        return Err(vm.type_error(format!("{fname} expected at most 1 argument, got {}", args.len())));
    }
    if let Some(&other) = args.first() {
        if let Some(c) = dict_cell(other).filter(|_| vm.type_of(other).is(vm.types.dict)) {
            let items = c.borrow().items();
            for (k, v) in items {
                vm.set_item(this_v, k, v)?;
            }
        } else {
            let keys_name = vm.intern("keys");
            if let Some(keys) = vm.get_attr_opt(other, keys_name)? {
                let ks = vm.call(keys, &[], &[])?;
                let it = vm.iter(ks)?;
                while let Some(k) = vm.next(it)? {
                    let v = vm.get_item(other, k)?;
                    vm.set_item(this_v, k, v)?;
                }
            } else {
                let it = vm.iter(other)?;
                while let Some(pair) = vm.next(it)? {
                    let items = vm.collect(pair)?;
                    if items.len() != 2 {
                        return Err(vm.value_error(format!(
                            "need more than {} value{} to unpack",
                            items.len(),
                            if items.len() == 1 { "" } else { "s" }
                        )));
                    }
                    vm.set_item(this_v, items[0], items[1])?;
                }
            }
        }
    }
    for &(k, v) in kw {
        vm.set_item(this_v, k, v)?;
    }
    Ok(())
}

fn od_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    od_cell(vm, args, "__init__")?;
    od_update_impl(vm, args[0], &args[1..], kw, "OrderedDict")?;
    Ok(Value::NONE)
}

fn od_update(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    od_cell(vm, args, "update")?;
    od_update_impl(vm, args[0], &args[1..], kw, "update")?;
    Ok(Value::NONE)
}

fn od_popitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = od_cell(vm, args, "popitem")?;
    let [last] = vm.bind_args("popitem", &args[1..], kw, ["last"], 0)?;
    let last = if last.is_null() { true } else { vm.truthy(last)? };
    if c.borrow().is_empty() {
        let m = vm.new_str("dictionary is empty");
        return Err(vm.key_error(m));
    }
    let (k, v) = {
        let mut d = c.borrow_mut();
        if last {
            d.pop_last()
        } else {
            let first = (0..d.raw_len()).find(|&p| d.entry_at(p).is_some());
            first.map(|p| d.remove_at(p))
        }
    }
    .ok_or_else(|| vm.runtime_error("OrderedDict changed size during popitem"))?;
    Ok(vm.new_tuple(vec![k, v]))
}

fn od_move_to_end(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = od_cell(vm, args, "move_to_end")?;
    let [key, last] = vm.bind_args("move_to_end", &args[1..], kw, ["key", "last"], 1)?;
    let last = if last.is_null() { true } else { vm.truthy(last)? };
    let hash = vm.hash(key)?;
    let Some(pos) = crate::dict::lookup(vm, c, key, hash)? else {
        return Err(vm.key_error(key));
    };
    let mut d = c.borrow_mut();
    let Some(e) = d.entry_at(pos) else { return Ok(Value::NONE) };
    if last {
        d.remove_at(pos);
        d.push_new(e.key, e.hash, e.value);
    } else {
        let mut rest = Vec::with_capacity(d.len());
        for p in 0..d.raw_len() {
            if let Some(x) = d.entry_at(p) {
                if p != pos {
                    rest.push(x);
                }
            }
        }
        d.clear();
        d.push_new(e.key, e.hash, e.value);
        for x in rest {
            d.push_new(x.key, x.hash, x.value);
        }
    }
    Ok(Value::NONE)
}

fn od_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = od_cell(vm, args, "__repr__")?;
    let this_v = args[0];
    let name = vm.type_name(this_v);
    if c.borrow().is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    if !crate::types::list::repr_enter(this_v) {
        return Ok(vm.new_str("..."));
    }
    let r = (|| {
        let items = vm.call_method(this_v, "items", &[])?;
        let pairs = vm.collect(items)?;
        let l = vm.new_list(pairs);
        vm.repr_string(l)
    })();
    crate::types::list::repr_leave(this_v);
    Ok(vm.new_string(format!("{name}({})", r?)))
}

fn od_eq_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let dict_eq = {
        let n = vm.intern("__eq__");
        vm.lookup_type(vm.types.dict, n).ok_or_else(|| vm.type_error("dict has no __eq__"))?
    };
    let r = vm.call(dict_eq, &[a, b], &[])?;
    if r.is(Value::NOT_IMPLEMENTED) || !vm.truthy(r)? {
        return Ok(r);
    }
    let od = od_class(vm);
    if vm.isinstance(b, od) {
        let (ka, kb) = match (dict_cell(a), dict_cell(b)) {
            (Some(x), Some(y)) => (x.borrow().keys(), y.borrow().keys()),
            _ => return Ok(r),
        };
        for (x, y) in ka.into_iter().zip(kb) {
            if !vm.eq(x, y)? {
                return Ok(Value::FALSE);
            }
        }
    }
    Ok(Value::TRUE)
}

fn od_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    od_cell(vm, args, "__eq__")?;
    od_eq_impl(vm, args[0], args.get(1).copied().unwrap_or(Value::NONE))
}

fn od_ne(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    od_cell(vm, args, "__ne__")?;
    let r = od_eq_impl(vm, args[0], args.get(1).copied().unwrap_or(Value::NONE))?;
    if r.is(Value::NOT_IMPLEMENTED) {
        return Ok(r);
    }
    Ok(Value::bool(!vm.truthy(r)?))
}

fn od_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    od_cell(vm, args, "copy")?;
    let cls = vm.type_of(args[0]);
    vm.call(cls, &[args[0]], &[])
}

fn od_view(vm: &mut Vm, args: &[Value], kind: Kind, key: &str) -> PyResult<Value> {
    od_cell(vm, args, key)?;
    let cls = vm.state.borrow().get(key).copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, DictView { dict: args[0], kind }))
}

fn od_keys(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "keys", &args[1..], kw, 0, 0)?;
    od_view(vm, args, Kind::Keys, "odict_keys")
}
fn od_values(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "values", &args[1..], kw, 0, 0)?;
    od_view(vm, args, Kind::Values, "odict_values")
}
fn od_items(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "items", &args[1..], kw, 0, 0)?;
    od_view(vm, args, Kind::Items, "odict_items")
}

fn od_or(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    if dict_cell(other).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let cls = vm.type_of(args[0]);
    let new = vm.call(cls, &[args[0]], &[])?;
    vm.call_method(new, "update", &[other])?;
    Ok(new)
}

fn od_ror(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    if dict_cell(other).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let cls = vm.type_of(args[0]);
    let new = vm.call(cls, &[other], &[])?;
    vm.call_method(new, "update", &[args[0]])?;
    Ok(new)
}

fn od_ior(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    vm.call_method(args[0], "update", &[other])?;
    Ok(args[0])
}

fn od_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    od_cell(vm, args, "__reduce__")?;
    let cls = vm.type_of(args[0]);
    let state = match args[0].as_obj().and_then(|o| o.attrs.as_ref()) {
        Some(_) => {
            let n = vm.intern("__dict__");
            match vm.get_attr_opt(args[0], n)? {
                Some(dd) if dd.as_dict().is_some_and(|c| !c.borrow().is_empty()) => dd,
                _ => Value::NONE,
            }
        }
        None => Value::NONE,
    };
    let items = vm.call_method(args[0], "items", &[])?;
    let it = vm.iter(items)?;
    Ok(vm.new_tuple(vec![cls, vm.empty_tuple, state, Value::NONE, it]))
}

fn od_class(vm: &Vm) -> Value {
    vm.state.borrow().get("collections.OrderedDict").copied().unwrap_or(Value::NULL)
}

// ----- _count_elements -----

fn count_elements(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_count_elements", args, kw, 2, 2)?;
    let (mapping, iterable) = (args[0], args[1]);
    let it = vm.iter(iterable)?;
    let one = Value::small_int(1).unwrap_or(Value::NULL);
    let zero = Value::small_int(0).unwrap_or(Value::NULL);
    // The fast path when `get` and `__setitem__` are dict's own.
    let ty = vm.type_of(mapping);
    let (get_n, set_n) = (vm.intern("get"), vm.intern("__setitem__"));
    let plain = dict_cell(mapping).is_some()
        && vm.lookup_type(ty, get_n) == vm.lookup_type(vm.types.dict, get_n)
        && vm.lookup_type(ty, set_n) == vm.lookup_type(vm.types.dict, set_n);
    if let Some(c) = dict_cell(mapping).filter(|_| plain) {
        while let Some(k) = vm.next(it)? {
            let h = vm.hash(k)?;
            let new = match crate::dict::get_hashed(vm, c, k, h)? {
                None => one,
                Some(old) => match old.as_small_int() {
                    Some(i) => vm.new_int(i + 1),
                    None => vm.binary_op(BinOp::Add, old, one)?,
                },
            };
            crate::dict::set_hashed(vm, c, k, h, new)?;
        }
        return Ok(Value::NONE);
    }
    let get = vm.get_attr(mapping, get_n)?;
    while let Some(k) = vm.next(it)? {
        let old = vm.call(get, &[k, zero], &[])?;
        let new = vm.binary_op(BinOp::Add, old, one)?;
        vm.set_item(mapping, k, new)?;
    }
    Ok(Value::NONE)
}

// ----- _tuplegetter -----

pub struct TupleGetter {
    pub index: usize,
}
impl_native!(TupleGetter, |s, visit| {});

fn tg_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "_tuplegetter", &args[1..], kw, 2, 2)?;
    let i = ssize_arg(vm, args[1])?;
    let tg = vm.new_native(args[0], TupleGetter { index: i.max(0) as usize });
    let k = vm.intern("__doc__");
    if let Some(a) = tg.as_obj().and_then(|o| o.attrs.as_ref()) {
        a.set_slot(k, args[2]);
    }
    Ok(tg)
}

fn tg_get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let tg = this::<TupleGetter>(vm, args, "__get__", "_collections._tuplegetter")?;
    let obj = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(t) = obj.as_tuple() else {
        if obj.is_none() {
            return Ok(args[0]);
        }
        return Err(vm.type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            tg.index,
            vm.type_tp_name(obj)
        )));
    };
    t.get(tg.index).copied().ok_or_else(|| vm.index_error("tuple index out of range"))
}

fn tg_set(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.attribute_error("can't set attribute"))
}

fn tg_delete(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.attribute_error("can't delete attribute"))
}

fn tg_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let tg = this::<TupleGetter>(vm, args, "__reduce__", "_collections._tuplegetter")?;
    let cls = vm.type_of(args[0]);
    let i = vm.new_int(tg.index as i64);
    let k = vm.intern("__doc__");
    let doc = args[0].as_obj().and_then(|o| o.attrs.as_ref()).and_then(|a| a.get_slot(k)).unwrap_or(Value::NONE);
    let a = vm.new_tuple(vec![i, doc]);
    Ok(vm.new_tuple(vec![cls, a]))
}

// ----- module -----

/// Gives `cls` a `__slots__`-style member named `name` (kept out of any `__dict__`).
fn add_member_slot(vm: &mut Vm, cls: Value, name: &str) {
    let k = vm.intern(name);
    if let Some(c) = cls.as_class() {
        c.slots.borrow_mut().get_or_insert_with(Vec::new).push(k);
    }
    let d = new_slot_descr(vm, SlotKind::Member, k, cls);
    vm.set_class_or_module_attr(cls, k, d);
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(vm, "_collections", &[("_count_elements", count_elements)]);
    let b = class_flags::BASETYPE;
    let obj = vm.types.object;

    let d = new_class(vm, "collections", "deque", obj, Layout::Other, b);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("rotate", deque_rotate),
        ("reverse", deque_reverse),
        ("clear", deque_clear),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("__len__", deque_len),
        ("__bool__", deque_bool),
        ("__contains__", deque_contains),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__repr__", deque_repr),
        ("__add__", deque_add),
        ("__iadd__", deque_iadd),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__reduce__", deque_reduce),
    ];
    for &(n, f) in methods {
        vm.add_method(d, n, f);
    }
    vm.add_staticmethod(d, "__new__", deque_new);
    vm.add_getter(d, "maxlen", deque_maxlen);
    vm.add_classmethod(d, "__class_getitem__", crate::eval::descr::class_getitem_generic);
    set(vm, d, "__hash__", Value::NONE);
    set(vm, m, "deque", d);
    vm.state.borrow_mut().insert("collections.deque", d);
    for (name, key) in [
        ("_deque_iterator", "collections._deque_iterator"),
        ("_deque_reverse_iterator", "collections._deque_reverse_iterator"),
    ] {
        let it = new_class(vm, "_collections", name, obj, Layout::Other, 0);
        vm.add_method(it, "__iter__", iter_self);
        vm.add_method(it, "__next__", dequeiter_next);
        vm.add_method(it, "__length_hint__", dequeiter_length_hint);
        vm.state.borrow_mut().insert(key, it);
    }

    let dd = new_class(vm, "collections", "defaultdict", vm.types.dict, Layout::Dict, b | class_flags::HAS_SLOTS);
    add_member_slot(vm, dd, "default_factory");
    vm.add_staticmethod(dd, "__new__", dd_new);
    vm.add_method(dd, "__init__", dd_init);
    vm.add_method(dd, "__missing__", dd_missing);
    vm.add_method(dd, "__repr__", dd_repr);
    vm.add_method(dd, "copy", dd_copy);
    vm.add_method(dd, "__copy__", dd_copy);
    vm.add_method(dd, "__reduce__", dd_reduce);
    vm.add_method(dd, "__or__", dd_or);
    vm.add_method(dd, "__ror__", dd_ror);
    set(vm, m, "defaultdict", dd);

    let od = new_class(vm, "collections", "OrderedDict", vm.types.dict, Layout::Dict, b | class_flags::HAS_DICT);
    let od_methods: &[(&'static str, NativeFn)] = &[
        ("__init__", od_init),
        ("update", od_update),
        ("popitem", od_popitem),
        ("move_to_end", od_move_to_end),
        ("__repr__", od_repr),
        ("__eq__", od_eq),
        ("__ne__", od_ne),
        ("copy", od_copy),
        ("keys", od_keys),
        ("values", od_values),
        ("items", od_items),
        ("__or__", od_or),
        ("__ror__", od_ror),
        ("__ior__", od_ior),
        ("__reduce__", od_reduce),
    ];
    for &(n, f) in od_methods {
        vm.add_method(od, n, f);
    }
    set(vm, m, "OrderedDict", od);
    vm.state.borrow_mut().insert("collections.OrderedDict", od);
    for (name, base) in [("odict_keys", "dict_keys"), ("odict_values", "dict_values"), ("odict_items", "dict_items")] {
        let base_cls = vm.extra_types.get(base).copied().unwrap_or(obj);
        let c = vm.new_builtin_class(name, base_cls, Layout::Other, 0);
        vm.state.borrow_mut().insert(name, c);
    }

    let tg = new_class(vm, "_collections", "_tuplegetter", obj, Layout::Other, class_flags::HAS_SLOTS);
    add_member_slot(vm, tg, "__doc__");
    vm.add_staticmethod(tg, "__new__", tg_new);
    vm.add_method(tg, "__get__", tg_get);
    vm.add_method(tg, "__set__", tg_set);
    vm.add_method(tg, "__delete__", tg_delete);
    vm.add_method(tg, "__reduce__", tg_reduce);
    set(vm, m, "_tuplegetter", tg);
    Ok(m)
}
