//! `tuple`, and the helpers the sequence types share: lexicographic comparison, the
//! `index(x, start, stop)` bounds, `*` repetition counts and CPython's xxHash-style tuple
//! hash.

use num_traits::Signed;

use crate::cfg::CmpOp;
use crate::object::{class_flags, Payload};
use crate::types::list::{enter_recursion, leave_recursion, repr_enter, repr_leave};
use crate::types::slice;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The TypeError CPython raises when a method of `owner` is called on a foreign object.
/// Dunder methods are slot wrappers in CPython, with their own wording.
pub fn descriptor_error(vm: &Vm, method: &str, owner: &str, got: Value) -> PyErr {
    if method.starts_with("__") {
        return vm.type_error(format!(
            "descriptor '{method}' requires a '{owner}' object but received a '{}'",
            vm.type_tp_name(got)
        ));
    }
    vm.type_error(format!(
        "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
        vm.type_tp_name(got)
    ))
}

/// Validates the class argument of a builtin `__new__` (`args[0]`): present, a class, and
/// a subclass of `base` (named `owner`). Returns it.
pub fn new_cls(vm: &Vm, args: &[Value], owner: &str, base: Value) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error(format!("{owner}.__new__(): not enough arguments")));
    };
    if cls.as_class().is_none() {
        return Err(vm.type_error(format!("{owner}.__new__(X): X is not a type object ({})", vm.type_tp_name(cls))));
    }
    if !vm.is_subclass(cls, base) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("{owner}.__new__({n}): {n} is not a subtype of {owner}")));
    }
    Ok(cls)
}

/// Checks that a method taking exactly one argument got one (`args[0]` is self).
pub fn one_arg(vm: &Vm, qualname: &str, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(
            vm.type_error(format!("{qualname}() takes exactly one argument ({} given)", args.len().saturating_sub(1)))
        );
    }
    Ok(args[1])
}

/// Checks that a method got no arguments besides self.
pub fn no_args(vm: &Vm, qualname: &str, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!("{qualname}() takes no arguments ({} given)", args.len().saturating_sub(1))));
    }
    Ok(())
}

/// `a OP b` on two lengths.
pub fn cmp_len(a: usize, b: usize, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
        _ => false,
    }
}

/// Lexicographic rich comparison of two sequences read through `item_a`/`item_b` (which
/// return `None` past the end). The sequences may change while `__eq__` runs, so every
/// step re-reads them, as CPython does.
pub fn compare_seq(
    vm: &mut Vm,
    item_a: &dyn Fn(usize) -> Option<Value>,
    item_b: &dyn Fn(usize) -> Option<Value>,
    len_a: &dyn Fn() -> usize,
    len_b: &dyn Fn() -> usize,
    op: CmpOp,
) -> PyResult<Value> {
    enter_recursion(vm, " in comparison")?;
    let r = compare_seq_inner(vm, item_a, item_b, len_a, len_b, op);
    leave_recursion(vm);
    r
}

fn compare_seq_inner(
    vm: &mut Vm,
    item_a: &dyn Fn(usize) -> Option<Value>,
    item_b: &dyn Fn(usize) -> Option<Value>,
    len_a: &dyn Fn() -> usize,
    len_b: &dyn Fn() -> usize,
    op: CmpOp,
) -> PyResult<Value> {
    let mut i = 0;
    let mut differ = None;
    while let (Some(x), Some(y)) = (item_a(i), item_b(i)) {
        if !vm.eq(x, y)? {
            differ = Some((x, y));
            break;
        }
        i += 1;
    }
    let Some((x, y)) = differ else {
        return Ok(Value::bool(cmp_len(len_a(), len_b(), op)));
    };
    match op {
        CmpOp::Eq => Ok(Value::FALSE),
        CmpOp::Ne => Ok(Value::TRUE),
        _ => vm.compare(op, x, y),
    }
}

/// Lexicographic comparison of two immutable item slices.
pub fn compare_slices(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<Value> {
    compare_seq(vm, &|i| a.get(i).copied(), &|i| b.get(i).copied(), &|| a.len(), &|| b.len(), op)
}

/// The `start`/`stop` arguments of `index()` methods, clamped into `0..=len`.
pub fn index_bounds(vm: &mut Vm, start: Value, stop: Value, len: usize) -> PyResult<(usize, usize)> {
    let conv = |vm: &mut Vm, v: Value, dflt: isize| -> PyResult<isize> {
        if v.is_null() {
            return Ok(dflt);
        }
        match slice::index_of(vm, v)? {
            Some(i) => Ok(slice::clamp_isize(&i)),
            None => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
        }
    };
    let len_i = len as isize;
    let fix = |x: isize| -> usize {
        if x < 0 {
            (x.saturating_add(len_i)).max(0) as usize
        } else {
            (x.min(len_i)) as usize
        }
    };
    let a = conv(vm, start, 0)?;
    let b = conv(vm, stop, isize::MAX)?;
    Ok((fix(a), fix(b)))
}

/// Most items Krait will build by repetition before giving up with MemoryError (a real
/// allocation failure would abort the process instead).
const MAX_REPEAT_ITEMS: usize = 1 << 32;

/// The count of a `seq * n`: `Ok(Some(n))` (negative counts are 0), `Ok(None)` when `n`
/// is not an int and its class may handle the operation itself (return NotImplemented),
/// TypeError otherwise.
pub fn repeat_count(vm: &mut Vm, n: Value, reflected_name: &str) -> PyResult<Option<usize>> {
    if let Some(i) = n.as_small_int() {
        return Ok(Some(i.max(0) as usize));
    }
    match slice::index_of(vm, n)? {
        Some(i) => {
            if i.is_negative() {
                if isize::try_from(&i).is_ok() {
                    return Ok(Some(0));
                }
                return Err(
                    vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_tp_name(n)))
                );
            }
            match usize::try_from(&i) {
                Ok(x) if x as u64 <= isize::MAX as u64 => Ok(Some(x)),
                _ => Err(vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_tp_name(n)))),
            }
        }
        None => {
            if defers_to_reflected(vm, n, reflected_name) {
                Ok(None)
            } else {
                Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_tp_name(n))))
            }
        }
    }
}

/// True when `other` is an instance of a Python class defining the reflected operator, so
/// a builtin sequence operator should return NotImplemented rather than raise.
pub fn defers_to_reflected(vm: &mut Vm, other: Value, name: &str) -> bool {
    let ty = vm.type_of(other);
    let heap = ty.as_class().map(|c| c.has_flag(class_flags::HEAPTYPE)).unwrap_or(false);
    if !heap {
        return false;
    }
    let n = vm.intern(name);
    vm.lookup_type(ty, n).is_some()
}

/// MemoryError unless `len * n` items can be built.
pub fn check_repeat_size(vm: &Vm, len: usize, n: usize) -> PyResult<usize> {
    match len.checked_mul(n) {
        Some(t) if t <= MAX_REPEAT_ITEMS => Ok(t),
        _ => Err(PyErr(vm.new_exception(vm.exc.memory_error, vec![]))),
    }
}

/// CPython's tuple hash (xxHash-64 lanes over the item hashes).
pub fn hash_items(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    // CPython has no depth limit here; only the native stack bounds nesting.
    crate::eval::check_stack(vm)?;
    let mut acc: u64 = P5;
    for &it in items {
        let lane = vm.hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// A tuple of the exact `tuple` class.
pub fn new_tuple(vm: &Vm, items: Vec<Value>) -> Value {
    vm.new_tuple(items)
}

fn items_of<'a>(vm: &Vm, v: &'a Value, method: &str) -> PyResult<&'a [Value]> {
    v.as_tuple().ok_or_else(|| descriptor_error(vm, method, "tuple", *v))
}

fn tuple_new(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let cls = new_cls(vm, args, "tuple", vm.types.tuple)?;
    let args = &args[1..];
    if !kwargs.is_empty() {
        let init = vm.intern("__init__");
        let mine = vm.lookup_type(vm.types.tuple, init);
        if cls.is(vm.types.tuple) || vm.lookup_type(cls, init).map(|f| Some(f) == mine).unwrap_or(true) {
            return Err(vm.type_error("tuple() takes no keyword arguments"));
        }
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("tuple expected at most 1 argument, got {}", args.len())));
    }
    if cls.is(vm.types.tuple) {
        let Some(&src) = args.first() else {
            return Ok(vm.empty_tuple);
        };
        if src.is_obj() && src.obj().class.get().is(vm.types.tuple) {
            return Ok(src);
        }
        let items = vm.collect(src)?;
        return Ok(vm.new_tuple(items));
    }
    let items = match args.first() {
        Some(&src) => vm.collect(src)?,
        None => Vec::new(),
    };
    Ok(vm.alloc(cls, Payload::Tuple(items.into_boxed_slice())))
}

fn tuple_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = items_of(vm, &args[0], "__len__")?;
    Ok(vm.new_int(t.len() as i64))
}

/// `seq[key]` for an immutable item slice; `name` is the type name for errors.
pub fn getitem_slice_seq(vm: &mut Vm, t: &[Value], key: Value, name: &str) -> PyResult<Result<Value, Vec<Value>>> {
    if let Some(i) = slice::seq_index(vm, key)? {
        let n = t.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error(format!("{name} index out of range")));
        }
        return Ok(Ok(t[j as usize]));
    }
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(vm, key, t.len())?;
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(t[i as usize]);
            i += step;
        }
        return Ok(Err(out));
    }
    Err(vm.type_error(format!("{name} indices must be integers or slices, not {}", vm.type_tp_name(key))))
}

fn tuple_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let key = one_arg(vm, "tuple.__getitem__", args, kwargs)?;
    let t = items_of(vm, &args[0], "__getitem__")?;
    match getitem_slice_seq(vm, t, key, "tuple")? {
        Ok(v) => Ok(v),
        Err(items) => {
            let whole = items.len() == t.len() && matches!(slice::indices(vm, key, t.len())?, (0, _, 1, _));
            if whole && args[0].obj().class.get().is(vm.types.tuple) {
                return Ok(args[0]);
            }
            Ok(vm.new_tuple(items))
        }
    }
}

fn tuple_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "tuple.__contains__", args, kwargs)?;
    let t = items_of(vm, &args[0], "__contains__")?;
    for &it in t {
        if vm.eq(it, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn tuple_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    items_of(vm, &args[0], "__iter__")?;
    Ok(crate::types::iter::new_tuple_iter(vm, args[0]))
}

fn tuple_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = items_of(vm, &args[0], "__hash__")?;
    let h = hash_items(vm, t)?;
    Ok(vm.new_int(h))
}

/// `repr` of a sequence of items between `open` and `close` (with the 1-tuple comma).
pub fn repr_items(vm: &mut Vm, items: &[Value], open: &str, close: &str, one_comma: bool) -> PyResult<String> {
    let mut s = String::from(open);
    for (i, &it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&crate::types::list::repr_item(vm, it)?);
    }
    if one_comma && items.len() == 1 {
        s.push(',');
    }
    s.push_str(close);
    Ok(s)
}

fn tuple_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = args[0];
    let t = items_of(vm, &args[0], "__repr__")?;
    if t.is_empty() {
        return Ok(vm.new_str("()"));
    }
    if !repr_enter(this) {
        return Ok(vm.new_str("(...)"));
    }
    let r = repr_items(vm, t, "(", ")", true);
    repr_leave(this);
    Ok(vm.new_string(r?))
}

fn tuple_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = items_of(vm, &args[0], "__eq__")?;
    let Some(b) = args.get(1).and_then(|v| v.as_tuple()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    compare_slices(vm, a, b, op)
}

macro_rules! cmp_fn {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
            one_arg(vm, "tuple.__cmp__", args, kwargs)?;
            tuple_cmp(vm, args, $op)
        }
    };
}
cmp_fn!(tuple_eq, CmpOp::Eq);
cmp_fn!(tuple_ne, CmpOp::Ne);
cmp_fn!(tuple_lt, CmpOp::Lt);
cmp_fn!(tuple_le, CmpOp::Le);
cmp_fn!(tuple_gt, CmpOp::Gt);
cmp_fn!(tuple_ge, CmpOp::Ge);

fn tuple_add(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let other = one_arg(vm, "tuple.__add__", args, kwargs)?;
    let a = items_of(vm, &args[0], "__add__")?;
    let Some(b) = other.as_tuple() else {
        if defers_to_reflected(vm, other, "__radd__") {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        return Err(vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_tp_name(other))));
    };
    let exact = |v: Value, vm: &Vm| v.obj().class.get().is(vm.types.tuple);
    if b.is_empty() && exact(args[0], vm) {
        return Ok(args[0]);
    }
    if a.is_empty() && exact(other, vm) {
        return Ok(other);
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    Ok(vm.new_tuple(out))
}

fn tuple_mul(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let n = one_arg(vm, "tuple.__mul__", args, kwargs)?;
    let t = items_of(vm, &args[0], "__mul__")?;
    let Some(n) = repeat_count(vm, n, "__rmul__")? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if n == 1 && args[0].obj().class.get().is(vm.types.tuple) {
        return Ok(args[0]);
    }
    if t.is_empty() || n == 0 {
        return Ok(vm.empty_tuple);
    }
    let total = check_repeat_size(vm, t.len(), n)?;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(t);
    while out.len() < total {
        let take = (total - out.len()).min(out.len());
        out.extend_from_within(..take);
    }
    Ok(vm.new_tuple(out))
}

fn tuple_count(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_arg(vm, "tuple.count", args, kwargs)?;
    let t = items_of(vm, &args[0], "count")?;
    let mut n = 0;
    for &it in t {
        if vm.eq(it, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn tuple_index(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("index", kwargs)?;
    let t = items_of(vm, &args[0], "index")?;
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(vm.type_error("index expected at least 1 argument, got 0"));
    }
    if rest.len() > 3 {
        return Err(vm.type_error(format!("index expected at most 3 arguments, got {}", rest.len())));
    }
    let start = rest.get(1).copied().unwrap_or(Value::NULL);
    let stop = rest.get(2).copied().unwrap_or(Value::NULL);
    let (a, b) = index_bounds(vm, start, stop, t.len())?;
    for (i, &it) in t.iter().enumerate().take(b).skip(a) {
        if vm.eq(it, rest[0])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_getnewargs(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
    no_args(vm, "tuple.__getnewargs__", args, kwargs)?;
    let t = items_of(vm, &args[0], "__getnewargs__")?.to_vec();
    let inner = vm.new_tuple(t);
    Ok(vm.new_tuple(vec![inner]))
}

pub fn init(vm: &mut Vm) {
    let c = vm.types.tuple;
    vm.add_staticmethod(c, "__new__", tuple_new);
    vm.add_method(c, "__len__", tuple_len);
    vm.add_method(c, "__getitem__", tuple_getitem);
    vm.add_method(c, "__contains__", tuple_contains);
    vm.add_method(c, "__iter__", tuple_iter);
    vm.add_method(c, "__hash__", tuple_hash);
    vm.add_method(c, "__repr__", tuple_repr);
    vm.add_method(c, "__eq__", tuple_eq);
    vm.add_method(c, "__ne__", tuple_ne);
    vm.add_method(c, "__lt__", tuple_lt);
    vm.add_method(c, "__le__", tuple_le);
    vm.add_method(c, "__gt__", tuple_gt);
    vm.add_method(c, "__ge__", tuple_ge);
    vm.add_method(c, "__add__", tuple_add);
    vm.add_method(c, "__mul__", tuple_mul);
    vm.add_method(c, "__rmul__", tuple_mul);
    vm.add_method(c, "count", tuple_count);
    vm.add_method(c, "index", tuple_index);
    vm.add_method(c, "__getnewargs__", tuple_getnewargs);
}
