//! `_heapq`: the heap primitives `heapq.py` imports (`heappush`, `heappop`, `heapify`,
//! `heapreplace`, `heappushpop` and the `_max` variants used by `nlargest`/`merge`),
//! comparing with `<` exactly where CPython's C code does.

use crate::cfg::CmpOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::nargs;

fn heap_list<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    v.as_list().ok_or_else(|| vm.type_error("heap argument must be a list"))
}

/// `a < b` (or `b < a` for the max-heap variants) as a Rust bool.
fn less(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    let (x, y) = if max { (b, a) } else { (a, b) };
    if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
        return Ok(i < j);
    }
    let r = vm.compare(CmpOp::Lt, x, y)?;
    vm.truthy(r)
}

fn changed(vm: &Vm) -> crate::vm::PyErr {
    vm.runtime_error("list changed size during iteration")
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn siftdown(
    vm: &mut Vm,
    heap: &std::cell::RefCell<Vec<Value>>,
    start: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let size = heap.borrow().len();
    if pos >= size {
        return Err(vm.index_error("index out of range"));
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = {
            let h = heap.borrow();
            (h[pos], h[parentpos])
        };
        let lt = less(vm, newitem, parent, max)?;
        if heap.borrow().len() != size {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        heap.borrow_mut().swap(pos, parentpos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up until a leaf, then sifts the original item back down.
fn siftup(vm: &mut Vm, heap: &std::cell::RefCell<Vec<Value>>, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.borrow().len();
    let start = pos;
    if pos >= endpos {
        return Err(vm.index_error("index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = {
                let h = heap.borrow();
                (h[childpos], h[childpos + 1])
            };
            let lt = less(vm, a, b, max)?;
            if !lt {
                childpos += 1;
            }
            if heap.borrow().len() != endpos {
                return Err(changed(vm));
            }
        }
        heap.borrow_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, heap, start, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "heappush", args, kw, 2, 2)?;
    let heap = heap_list(vm, &args[0])?;
    heap.borrow_mut().push(args[1]);
    let n = heap.borrow().len();
    siftdown(vm, heap, 0, n - 1, false)?;
    Ok(Value::NONE)
}

fn pop_impl(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str, max: bool) -> PyResult<Value> {
    nargs(vm, name, args, kw, 1, 1)?;
    let heap = heap_list(vm, &args[0])?;
    let last = heap.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if heap.borrow().is_empty() {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut heap.borrow_mut()[0], last);
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pop_impl(vm, args, kw, "heappop", false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pop_impl(vm, args, kw, "_heappop_max", true)
}

fn replace_impl(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str, max: bool) -> PyResult<Value> {
    nargs(vm, name, args, kw, 2, 2)?;
    let heap = heap_list(vm, &args[0])?;
    if heap.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut heap.borrow_mut()[0], args[1]);
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    replace_impl(vm, args, kw, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    replace_impl(vm, args, kw, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "heappushpop", args, kw, 2, 2)?;
    let heap = heap_list(vm, &args[0])?;
    let item = args[1];
    let top = heap.borrow().first().copied();
    let Some(top) = top else { return Ok(item) };
    if !less(vm, top, item, false)? {
        return Ok(item);
    }
    if heap.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut heap.borrow_mut()[0], item);
    siftup(vm, heap, 0, false)?;
    Ok(ret)
}

fn heapify_impl(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str, max: bool) -> PyResult<Value> {
    nargs(vm, name, args, kw, 1, 1)?;
    let heap = heap_list(vm, &args[0])?;
    let n = heap.borrow().len();
    for i in (0..n / 2).rev() {
        siftup(vm, heap, i, max)?;
    }
    Ok(Value::NONE)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    heapify_impl(vm, args, kw, "heapify", false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    heapify_impl(vm, args, kw, "_heapify_max", true)
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(
        vm,
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    );
    let about = vm.new_str("Heap queues");
    super::set(vm, m, "__about__", about);
    Ok(m)
}
