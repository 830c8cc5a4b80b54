//! `list`, plus two guards every container type uses: the repr-recursion set (`[...]`
//! for self-containing containers) and the native recursion-depth check, so deeply nested
//! data raises RecursionError instead of overflowing the Rust stack.
//!
//! A list's items live in a `RefCell<Vec<Value>>`. Comparisons and `repr` of items run
//! Python code that may mutate the list, so loops here re-borrow and re-check the length
//! at every step instead of iterating over a borrowed slice.

use std::cell::RefCell;

use crate::cfg::CmpOp;
use crate::object::{ListData, Payload, PyObj};
use crate::types::slice;
use crate::types::tuple::{
    check_repeat_size, compare_seq, defers_to_reflected, descriptor_error, index_bounds, new_cls, no_args, one_arg,
    repeat_count, repr_items,
};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ----- recursion guards -----

thread_local! {
    /// Containers whose repr is being computed on this thread (CPython's `Py_ReprEnter`).
    static REPR_ACTIVE: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Marks `v` as being repr'd; false when it already is (the caller prints `[...]`).
pub fn repr_enter(v: Value) -> bool {
    REPR_ACTIVE.with(|r| {
        let mut r = r.borrow_mut();
        if r.contains(&v.bits()) {
            false
        } else {
            r.push(v.bits());
            true
        }
    })
}

pub fn repr_leave(v: Value) {
    REPR_ACTIVE.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(p) = r.iter().rposition(|&b| b == v.bits()) {
            r.remove(p);
        }
    })
}

/// One level of native recursion (CPython's `Py_EnterRecursiveCall`): RecursionError
/// "maximum recursion depth exceeded{what}" past the recursion limit or near the end of
/// the native stack. Pair every success with `leave_recursion`.
pub fn enter_recursion(vm: &Vm, what: &str) -> PyResult<()> {
    let d = vm.depth.get() + 1;
    if d > vm.recursion_limit.get() {
        return Err(vm.recursion_error(format!("maximum recursion depth exceeded{what}")));
    }
    if crate::eval::check_stack(vm).is_err() {
        return Err(vm.recursion_error(format!("maximum recursion depth exceeded{what}")));
    }
    vm.depth.set(d);
    Ok(())
}

pub fn leave_recursion(vm: &Vm) {
    vm.depth.set(vm.depth.get().saturating_sub(1));
}

/// `repr(item)` inside a container's repr: one recursion level with CPython's message (its
/// `PyObject_Repr`), which `vm.repr_string` counts itself.
pub fn repr_item(vm: &mut Vm, item: Value) -> PyResult<String> {
    vm.repr_string(item)
}

// ----- helpers -----

/// The heap object behind `v` with a `'static` lifetime, so natives can keep a payload
/// reference (a list's `RefCell`, a set's storage) while calling back into the VM.
pub fn heap_ref(v: Value) -> Option<&'static PyObj> {
    if !v.is_obj() {
        return None;
    }
    // SAFETY: heap objects never move and are not freed while reachable; callers hold `v`
    // (a root for the conservative stack scan) for as long as they use the reference.
    Some(unsafe { &*v.obj_ptr() })
}

fn cell<'a>(vm: &Vm, v: &'a Value, method: &str) -> PyResult<&'a RefCell<Vec<Value>>> {
    v.as_list().ok_or_else(|| descriptor_error(vm, method, "list", *v))
}

/// The list's storage without switching its strategy (see `ListData`).
fn data<'a>(vm: &Vm, v: &'a Value, method: &str) -> PyResult<&'a ListData> {
    v.as_obj().and_then(|o| o.as_list_data()).ok_or_else(|| descriptor_error(vm, method, "list", *v))
}

fn item(l: &RefCell<Vec<Value>>, i: usize) -> Option<Value> {
    l.borrow().get(i).copied()
}

/// The items of any iterable as a vector; lists and tuples are copied directly (CPython's
/// `PySequence_Fast`), and a TypeError from `iter()` becomes `msg` when given.
pub fn seq_fast(vm: &mut Vm, v: Value, msg: Option<&str>) -> PyResult<Vec<Value>> {
    if let Some(t) = v.as_tuple() {
        return Ok(t.to_vec());
    }
    if let Some(l) = v.as_list() {
        if v.obj().class.get().is(vm.types.list) {
            return Ok(l.borrow().clone());
        }
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) => {
            return Err(match msg {
                Some(m) if vm.err_matches(&e, vm.exc.type_error) => vm.type_error(m),
                _ => e,
            })
        }
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(it)? {
        out.push(x);
    }
    Ok(out)
}

/// `list.extend(iterable)` on a list object.
pub fn extend(vm: &mut Vm, list: Value, iterable: Value) -> PyResult<()> {
    let Some(l) = list.as_list() else {
        return Err(descriptor_error(vm, "extend", "list", list));
    };
    let exact_seq = iterable.is(list)
        || (iterable.is_obj()
            && (iterable.obj().class.get().is(vm.types.list) || iterable.obj().class.get().is(vm.types.tuple)));
    if exact_seq {
        let items = if let Some(t) = iterable.as_tuple() {
            t.to_vec()
        } else {
            iterable.as_list().map(|x| x.borrow().clone()).unwrap_or_default()
        };
        l.borrow_mut().extend_from_slice(&items);
        return Ok(());
    }
    if let Some(items) = crate::types::dict::view_to_vec(vm, iterable) {
        l.borrow_mut().extend(items);
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(it)? {
        l.borrow_mut().push(x);
    }
    Ok(())
}

/// A new list of the exact `list` class.
pub fn new_list(vm: &Vm, items: Vec<Value>) -> Value {
    vm.new_list(items)
}

// ----- construction -----

fn list_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = new_cls(vm, args, "list", vm.types.list)?;
    if cls.is(vm.types.list) {
        return Ok(vm.new_list(Vec::new()));
    }
    Ok(vm.alloc(cls, Payload::List(ListData::new(Vec::new()))))
}

fn list_init(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(vm, &args[0], "__init__")?;
    if !kwargs.is_empty() {
        let init_name = vm.intern("__init__");
        let own_init = vm.lookup_type(vm.types.list, init_name);
        let cls = args[0].obj().class.get();
        if cls.is(vm.types.list) || vm.lookup_type(cls, init_name) == own_init {
            return Err(vm.type_error("list() takes no keyword arguments"));
        }
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", args.len().saturating_sub(1))));
    }
    if !l.borrow().is_empty() {
        l.borrow_mut().clear();
    }
    if let Some(&src) = args.get(1) {
        extend(vm, args[0], src)?;
    }
    Ok(Value::NONE)
}

// ----- methods -----

fn list_append(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "list.append", args, kwargs)?;
    data(vm, &args[0], "append")?.push(x);
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "list.extend", args, kwargs)?;
    cell(vm, &args[0], "extend")?;
    extend(vm, args[0], x)?;
    Ok(Value::NONE)
}

fn list_insert(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("insert", kwargs)?;
    let l = cell(vm, &args[0], "insert")?;
    if args.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let i = vm.to_index(args[1])?;
    let mut v = l.borrow_mut();
    let n = v.len() as i64;
    let mut i = if i < 0 { i + n } else { i };
    i = i.clamp(0, n);
    v.insert(i as usize, args[2]);
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("pop", kwargs)?;
    let l = cell(vm, &args[0], "pop")?;
    if args.len() > 2 {
        return Err(vm.type_error(format!("pop expected at most 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let i = match args.get(1) {
        Some(&v) => vm.to_index(v)?,
        None => -1,
    };
    let mut v = l.borrow_mut();
    if v.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let n = v.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(v.remove(j as usize))
}

fn list_remove(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "list.remove", args, kwargs)?;
    let l = cell(vm, &args[0], "remove")?;
    let mut i = 0;
    while let Some(it) = item(l, i) {
        if vm.eq(it, x)? {
            let mut v = l.borrow_mut();
            if i < v.len() {
                v.remove(i);
            }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("index", kwargs)?;
    let l = cell(vm, &args[0], "index")?;
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(vm.type_error("index expected at least 1 argument, got 0"));
    }
    if rest.len() > 3 {
        return Err(vm.type_error(format!("index expected at most 3 arguments, got {}", rest.len())));
    }
    let start = rest.get(1).copied().unwrap_or(Value::NULL);
    let stop = rest.get(2).copied().unwrap_or(Value::NULL);
    let len = l.borrow().len();
    let (a, b) = index_bounds(vm, start, stop, len)?;
    let mut i = a;
    while i < b {
        let Some(it) = item(l, i) else { break };
        if vm.eq(it, rest[0])? {
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr_string(rest[0])?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "list.count", args, kwargs)?;
    let l = cell(vm, &args[0], "count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(it) = item(l, i) {
        if vm.eq(it, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn list_clear(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "list.clear", args, kwargs)?;
    let l = cell(vm, &args[0], "clear")?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "list.copy", args, kwargs)?;
    let items = cell(vm, &args[0], "copy")?.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_reverse(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "list.reverse", args, kwargs)?;
    cell(vm, &args[0], "reverse")?.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_sort(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    cell(vm, &args[0], "sort")?;
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::NONE;
    let mut reverse = false;
    for &(k, v) in kwargs {
        match k.as_rstr().unwrap_or("") {
            "key" => key = v,
            "reverse" => reverse = vm.to_index(v)? != 0,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    crate::types::sort::sort_list(vm, args[0], key, reverse)?;
    Ok(Value::NONE)
}

// ----- dunders -----

fn list_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = data(vm, &args[0], "__len__")?.len();
    Ok(vm.new_int(n as i64))
}

/// `list[key]`.
pub fn getitem(vm: &mut Vm, list: Value, key: Value) -> PyResult<Value> {
    let l = cell(vm, &list, "__getitem__")?;
    if let Some(i) = key.as_small_int() {
        let v = l.borrow();
        let n = v.len() as i64;
        let j = if i < 0 { i + n } else { i };
        return match v.get(j as usize) {
            Some(&x) if j >= 0 => Ok(x),
            _ => Err(vm.index_error("list index out of range")),
        };
    }
    if let Some(i) = slice::seq_index(vm, key)? {
        let v = l.borrow();
        let n = v.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("list index out of range"));
        }
        return Ok(v[j as usize]);
    }
    if slice::is_slice(key) {
        let len = l.borrow().len();
        let (start, _stop, step, n) = slice::indices(vm, key, len)?;
        let v = l.borrow();
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            match v.get(i as usize) {
                Some(&x) => out.push(x),
                None => break,
            }
            i += step;
        }
        drop(v);
        return Ok(vm.new_list(out));
    }
    Err(vm.type_error(format!("list indices must be integers or slices, not {}", vm.type_tp_name(key))))
}

fn list_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let key = one_arg(vm, "list.__getitem__", args, kwargs)?;
    getitem(vm, args[0], key)
}

/// `list[key] = value`.
pub fn setitem(vm: &mut Vm, list: Value, key: Value, value: Value) -> PyResult<()> {
    let l = cell(vm, &list, "__setitem__")?;
    if let Some(i) = slice::seq_index(vm, key)? {
        let mut v = l.borrow_mut();
        let n = v.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("list assignment index out of range"));
        }
        v[j as usize] = value;
        return Ok(());
    }
    if !slice::is_slice(key) {
        return Err(vm.type_error(format!("list indices must be integers or slices, not {}", vm.type_tp_name(key))));
    }
    let len = l.borrow().len();
    let (start, stop, step, n) = slice::indices(vm, key, len)?;
    if step == 1 {
        let items = seq_fast(vm, value, Some("can only assign an iterable"))?;
        let mut v = l.borrow_mut();
        let len = v.len() as isize;
        let lo = start.clamp(0, len);
        let hi = stop.clamp(lo, len);
        v.splice(lo as usize..hi as usize, items);
        return Ok(());
    }
    let items = seq_fast(vm, value, Some("must assign iterable to extended slice"))?;
    if items.len() != n {
        return Err(
            vm.value_error(format!("attempt to assign sequence of size {} to extended slice of size {n}", items.len()))
        );
    }
    let mut v = l.borrow_mut();
    let mut i = start;
    for x in items {
        if let Some(slot) = v.get_mut(i as usize) {
            *slot = x;
        }
        i += step;
    }
    Ok(())
}

fn list_setitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("list.__setitem__", kwargs)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(" expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    setitem(vm, args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

/// `del list[key]`.
pub fn delitem(vm: &mut Vm, list: Value, key: Value) -> PyResult<()> {
    let l = cell(vm, &list, "__delitem__")?;
    if let Some(i) = slice::seq_index(vm, key)? {
        let mut v = l.borrow_mut();
        let n = v.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("list assignment index out of range"));
        }
        v.remove(j as usize);
        return Ok(());
    }
    if !slice::is_slice(key) {
        return Err(vm.type_error(format!("list indices must be integers or slices, not {}", vm.type_tp_name(key))));
    }
    let len = l.borrow().len();
    let (start, _stop, step, n) = slice::indices(vm, key, len)?;
    if n == 0 {
        return Ok(());
    }
    let mut v = l.borrow_mut();
    // Normalize to an ascending walk over the selected positions.
    let (first, stride) = if step < 0 { (start + step * (n as isize - 1), -step) } else { (start, step) };
    let (first, stride) = (first as usize, stride as usize);
    if stride == 1 {
        v.drain(first..first + n);
        return Ok(());
    }
    let old = std::mem::take(&mut *v);
    let mut k = 0;
    for (i, x) in old.into_iter().enumerate() {
        let selected = i >= first && (i - first) % stride == 0 && k < n;
        if selected {
            k += 1;
        } else {
            v.push(x);
        }
    }
    Ok(())
}

fn list_delitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let key = one_arg(vm, "list.__delitem__", args, kwargs)?;
    delitem(vm, args[0], key)?;
    Ok(Value::NONE)
}

/// `x in list`.
pub fn contains(vm: &mut Vm, list: Value, x: Value) -> PyResult<bool> {
    let l = cell(vm, &list, "__contains__")?;
    let mut i = 0;
    while let Some(it) = item(l, i) {
        if vm.eq(it, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "list.__contains__", args, kwargs)?;
    Ok(Value::bool(contains(vm, args[0], x)?))
}

fn list_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    data(vm, &args[0], "__iter__")?;
    Ok(crate::types::iter::new_list_iter(vm, args[0]))
}

fn list_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cell(vm, &args[0], "__reversed__")?;
    Ok(crate::types::iter::new_list_rev_iter(vm, args[0]))
}

fn list_add(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "list.__add__", args, kwargs)?;
    let a = cell(vm, &args[0], "__add__")?;
    let Some(b) = other.as_list() else {
        if defers_to_reflected(vm, other, "__radd__") {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        return Err(vm.type_error(format!("can only concatenate list (not \"{}\") to list", vm.type_tp_name(other))));
    };
    let mut out = a.borrow().clone();
    out.extend_from_slice(&b.borrow());
    Ok(vm.new_list(out))
}

fn list_iadd(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "list.__iadd__", args, kwargs)?;
    cell(vm, &args[0], "__iadd__")?;
    extend(vm, args[0], other)?;
    Ok(args[0])
}

fn list_mul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let n = one_arg(vm, "list.__mul__", args, kwargs)?;
    let l = cell(vm, &args[0], "__mul__")?;
    let Some(n) = repeat_count(vm, n, "__rmul__")? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let src = l.borrow().clone();
    let total = check_repeat_size(vm, src.len(), n)?;
    if total >= ListData::RAW_MIN_LEN && src.iter().all(|v| v.is_bool()) {
        // The bool strategy (see `ListData`).
        let bytes: Vec<u8> = src.iter().map(|v| v.is(Value::TRUE) as u8).collect();
        return Ok(vm.alloc(vm.types.list, Payload::List(ListData::new_bools(repeat_vec(&bytes, total)))));
    }
    if total >= ListData::RAW_MIN_LEN {
        // The int strategy (see `ListData`).
        if let Some(ints) = src.iter().map(|v| v.as_small_int()).collect::<Option<Vec<i64>>>() {
            let raw = if ints.iter().all(|&x| x == 0) {
                // Zeroed memory straight from the allocator (fresh pages need no writing).
                vec![0u8; total * ListData::INT_BYTES]
            } else {
                let unit: Vec<u8> = ints.iter().flat_map(|x| x.to_ne_bytes()).collect();
                repeat_vec(&unit, total * ListData::INT_BYTES)
            };
            return Ok(vm.alloc(vm.types.list, Payload::List(ListData::new_ints(raw))));
        }
    }
    Ok(vm.new_list(repeat_vec(&src, total)))
}

/// `src` repeated to `total` items (a multiple of its length).
fn repeat_vec<T: Copy>(src: &[T], total: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(total);
    if total > 0 {
        out.extend_from_slice(src);
        while out.len() < total {
            let take = (total - out.len()).min(out.len());
            out.extend_from_within(..take);
        }
    }
    out
}

fn list_imul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let n = one_arg(vm, "list.__imul__", args, kwargs)?;
    let l = cell(vm, &args[0], "__imul__")?;
    let Some(n) = repeat_count(vm, n, "__rmul__")? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let src = l.borrow().clone();
    let total = check_repeat_size(vm, src.len(), n)?;
    *l.borrow_mut() = repeat_vec(&src, total);
    Ok(args[0])
}

fn list_cmp(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)], op: CmpOp) -> PyResult<Value> {
    let other = one_arg(vm, "list.__eq__", args, kwargs)?;
    let a = cell(vm, &args[0], "__eq__")?;
    let Some(b) = other.as_list() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (la, lb) = (a.borrow().len(), b.borrow().len());
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    compare_seq(vm, &|i| item(a, i), &|i| item(b, i), &|| a.borrow().len(), &|| b.borrow().len(), op)
}

macro_rules! cmp_fn {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            list_cmp(vm, args, kwargs, $op)
        }
    };
}
cmp_fn!(list_eq, CmpOp::Eq);
cmp_fn!(list_ne, CmpOp::Ne);
cmp_fn!(list_lt, CmpOp::Lt);
cmp_fn!(list_le, CmpOp::Le);
cmp_fn!(list_gt, CmpOp::Gt);
cmp_fn!(list_ge, CmpOp::Ge);

/// `repr(list)`.
pub fn repr(vm: &mut Vm, list: Value) -> PyResult<String> {
    let l = cell(vm, &list, "__repr__")?;
    if l.borrow().is_empty() {
        return Ok("[]".into());
    }
    if !repr_enter(list) {
        return Ok("[...]".into());
    }
    // Items are read one at a time: an item's __repr__ may mutate the list.
    let r = (|| {
        let mut s = String::from("[");
        let mut i = 0;
        while let Some(it) = item(l, i) {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&repr_items(vm, &[it], "", "", false)?);
            i += 1;
        }
        s.push(']');
        Ok(s)
    })();
    repr_leave(list);
    r
}

fn list_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = repr(vm, args[0])?;
    Ok(vm.new_string(s))
}

fn list_class_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let item = one_arg(vm, "__class_getitem__", args, kwargs)?;
    Ok(generic_alias(vm, args[0], item))
}

// ----- types.GenericAlias (`list[int]`) -----

/// `origin[item]` for a builtin generic class: a `types.GenericAlias` (see `eval::descr`).
pub fn generic_alias(vm: &mut Vm, origin: Value, item: Value) -> Value {
    crate::eval::descr::new_generic_alias(vm, origin, item)
}

pub fn init(vm: &mut Vm) {
    let c = vm.types.list;
    vm.add_staticmethod(c, "__new__", list_new);
    vm.add_method(c, "__init__", list_init);
    vm.add_method(c, "append", list_append);
    vm.add_method(c, "extend", list_extend);
    vm.add_method(c, "insert", list_insert);
    vm.add_method(c, "pop", list_pop);
    vm.add_method(c, "remove", list_remove);
    vm.add_method(c, "index", list_index);
    vm.add_method(c, "count", list_count);
    vm.add_method(c, "clear", list_clear);
    vm.add_method(c, "copy", list_copy);
    vm.add_method(c, "reverse", list_reverse);
    vm.add_method(c, "sort", list_sort);
    vm.add_method(c, "__len__", list_len);
    vm.add_method(c, "__getitem__", list_getitem);
    vm.add_method(c, "__setitem__", list_setitem);
    vm.add_method(c, "__delitem__", list_delitem);
    vm.add_method(c, "__contains__", list_contains);
    vm.add_method(c, "__iter__", list_iter);
    vm.add_method(c, "__reversed__", list_reversed);
    vm.add_method(c, "__add__", list_add);
    vm.add_method(c, "__iadd__", list_iadd);
    vm.add_method(c, "__mul__", list_mul);
    vm.add_method(c, "__rmul__", list_mul);
    vm.add_method(c, "__imul__", list_imul);
    vm.add_method(c, "__eq__", list_eq);
    vm.add_method(c, "__ne__", list_ne);
    vm.add_method(c, "__lt__", list_lt);
    vm.add_method(c, "__le__", list_le);
    vm.add_method(c, "__gt__", list_gt);
    vm.add_method(c, "__ge__", list_ge);
    vm.add_method(c, "__repr__", list_repr);
    for cls in [vm.types.list, vm.types.tuple, vm.types.set, vm.types.frozenset] {
        vm.add_classmethod(cls, "__class_getitem__", list_class_getitem);
    }
    let k = vm.intern("__hash__");
    vm.set_class_or_module_attr(c, k, Value::NONE);
}
