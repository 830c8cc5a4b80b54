//! `memoryview`: one-dimensional views of the buffers Krait has (`bytes`, `bytearray`,
//! `array.array`), with slicing, item access through the struct formats, `cast`,
//! `tolist`, `tobytes`, `hex` and `release`. Multi-dimensional shapes are not supported.

use std::cell::Cell;

use crate::impl_native;
use crate::modules::array::Array;
use crate::modules::r#struct as st;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub struct MemoryView {
    /// The exporting object (bytes, bytearray or array.array).
    pub obj: Value,
    pub format: String,
    pub itemsize: usize,
    /// Byte offset of the first item in the exporter's buffer.
    pub start: usize,
    /// Number of items.
    pub len: usize,
    /// Distance in bytes between items (negative for reversed slices).
    pub stride: isize,
    pub readonly: bool,
    pub released: Cell<bool>,
}
impl_native!(MemoryView, |s, visit| { visit(s.obj) });

/// The whole buffer of an exporter, copied; None for objects without one.
fn exporter_bytes(v: Value) -> Option<Vec<u8>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => v.as_obj().and_then(|o| o.native::<Array>()).map(Array::to_bytes),
    }
}

fn exporter_len(v: Value) -> usize {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => b.len(),
        Some(Payload::ByteArray(b)) => b.borrow().len(),
        _ => v.as_obj().and_then(|o| o.native::<Array>()).map_or(0, Array::byte_len),
    }
}

fn view_of(v: &Value) -> Option<&MemoryView> {
    v.as_obj().and_then(|o| o.native::<MemoryView>())
}

/// The bytes a buffer-protocol object exposes (memoryview or array.array), for the
/// constructors of bytes/bytearray and the like.
pub fn buffer_of(v: Value) -> Option<Vec<u8>> {
    if let Some(m) = view_of(&v) {
        return Some(m.bytes());
    }
    v.as_obj().and_then(|o| o.native::<Array>()).map(Array::to_bytes)
}

impl MemoryView {
    /// The bytes the view covers, in item order.
    pub fn bytes(&self) -> Vec<u8> {
        let all = exporter_bytes(self.obj).unwrap_or_default();
        let mut out = Vec::with_capacity(self.len * self.itemsize);
        for i in 0..self.len {
            let off = self.start as isize + i as isize * self.stride;
            if off < 0 {
                break;
            }
            let off = off as usize;
            if let Some(chunk) = all.get(off..off + self.itemsize) {
                out.extend_from_slice(chunk);
            }
        }
        out
    }

    fn contiguous(&self) -> bool {
        self.stride == self.itemsize as isize
    }
}

fn released_error(vm: &Vm) -> PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

fn this<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a MemoryView> {
    let Some(m) = args.first().and_then(view_of) else {
        return Err(vm.type_error(format!("descriptor '{method}' requires a 'memoryview' object")));
    };
    if m.released.get() && method != "release" && method != "__exit__" && method != "__repr__" {
        return Err(released_error(vm));
    }
    Ok(m)
}

fn mv_class(vm: &Vm) -> Value {
    vm.extra_types.get("memoryview").copied().unwrap_or(vm.types.object)
}

/// A new view over the whole of `obj`.
pub fn new_view(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    if let Some(m) = view_of(&obj) {
        if m.released.get() {
            return Err(released_error(vm));
        }
        let v = MemoryView {
            obj: m.obj,
            format: m.format.clone(),
            itemsize: m.itemsize,
            start: m.start,
            len: m.len,
            stride: m.stride,
            readonly: m.readonly,
            released: Cell::new(false),
        };
        return Ok(vm.new_native(mv_class(vm), v));
    }
    let (readonly, format, itemsize) = match obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(_)) => (true, "B".to_owned(), 1),
        Some(Payload::ByteArray(_)) => (false, "B".to_owned(), 1),
        _ => match obj.as_obj().and_then(|o| o.native::<Array>()) {
            Some(a) => (false, (a.tc as char).to_string(), a.itemsize),
            None => {
                return Err(vm.type_error(format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    vm.type_tp_name(obj)
                )))
            }
        },
    };
    let len = exporter_len(obj) / itemsize;
    let v = MemoryView {
        obj,
        format,
        itemsize,
        start: 0,
        len,
        stride: itemsize as isize,
        readonly,
        released: Cell::new(false),
    };
    Ok(vm.new_native(mv_class(vm), v))
}

fn memoryview_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [obj] = vm.bind_args("memoryview", &args[1..], kw, ["object"], 1)?;
    new_view(vm, obj)
}

/// The struct format for unpacking one item (`'u'` arrays read as 4-byte code points).
fn item_format(vm: &Vm, m: &MemoryView) -> PyResult<st::Format> {
    let f = if m.format == "u" { "@I".to_owned() } else { format!("@{}", m.format) };
    st::compile(vm, f.as_bytes())
}

fn unpack_item(vm: &mut Vm, m: &MemoryView, data: &[u8]) -> PyResult<Value> {
    if m.format == "u" {
        let c = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
        let ch = char::from_u32(c).unwrap_or('\u{fffd}');
        return Ok(crate::types::str::char_str(vm, ch));
    }
    let f = item_format(vm, m)?;
    let items = st::unpack_values(vm, &f, data);
    Ok(items.first().copied().unwrap_or(Value::NONE))
}

fn mv_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "__len__")?;
    Ok(vm.new_int(m.len as i64))
}

fn mv_tobytes(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "tobytes")?;
    Ok(vm.new_bytes(m.bytes()))
}

fn mv_tolist(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "tolist")?;
    let data = m.bytes();
    let mut out = Vec::with_capacity(m.len);
    for chunk in data.chunks(m.itemsize.max(1)) {
        out.push(unpack_item(vm, m, chunk)?);
    }
    Ok(vm.new_list(out))
}

fn mv_hex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "hex")?;
    let b = vm.new_bytes(m.bytes());
    vm.call_method(b, "hex", &args[1..])
}

fn mv_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "__getitem__")?;
    let key = args.get(1).copied().unwrap_or(Value::NONE);
    if crate::types::slice::is_slice(key) {
        let (start, _stop, step, n) = crate::types::slice::indices(vm, key, m.len)?;
        let v = MemoryView {
            obj: m.obj,
            format: m.format.clone(),
            itemsize: m.itemsize,
            start: (m.start as isize + start * m.stride).max(0) as usize,
            len: n,
            stride: m.stride * step,
            readonly: m.readonly,
            released: Cell::new(false),
        };
        return Ok(vm.new_native(mv_class(vm), v));
    }
    let Some(i) = crate::types::slice::seq_index(vm, key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let n = m.len as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let off = (m.start as isize + j * m.stride) as usize;
    let all = exporter_bytes(m.obj).unwrap_or_default();
    let Some(chunk) = all.get(off..off + m.itemsize) else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    unpack_item(vm, m, chunk)
}

/// Writes `data` at byte offset `off` of the exporter.
fn write_at(m: &MemoryView, off: usize, data: &[u8]) {
    match m.obj.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(b)) => {
            let mut b = b.borrow_mut();
            if off + data.len() <= b.len() {
                b[off..off + data.len()].copy_from_slice(data);
            }
        }
        _ => {
            if let Some(a) = m.obj.as_obj().and_then(|o| o.native::<Array>()) {
                a.write_bytes(off, data);
            }
        }
    }
}

fn pack_item(vm: &mut Vm, m: &MemoryView, v: Value) -> PyResult<Vec<u8>> {
    let is_int_fmt = matches!(m.format.as_str(), "b" | "B" | "h" | "H" | "i" | "I" | "l" | "L" | "q" | "Q" | "n" | "N");
    if is_int_fmt && vm.int_value(v).is_none() && !crate::types::slice::has_index(vm, v) {
        return Err(vm.type_error(format!("memoryview: invalid type for format '{}'", m.format)));
    }
    let f = item_format(vm, m)?;
    let mut out = vec![0u8; m.itemsize];
    match st::pack_values(vm, &f, &[v], &mut out) {
        Ok(()) => Ok(out),
        Err(_) if is_int_fmt => Err(vm.value_error(format!("memoryview: invalid value for format '{}'", m.format))),
        Err(_) => Err(vm.type_error(format!("memoryview: invalid type for format '{}'", m.format))),
    }
}

fn mv_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "__setitem__")?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let key = args.get(1).copied().unwrap_or(Value::NONE);
    let value = args.get(2).copied().unwrap_or(Value::NONE);
    if crate::types::slice::is_slice(key) {
        let (start, _stop, step, n) = crate::types::slice::indices(vm, key, m.len)?;
        let src = match buffer_of(value).or_else(|| crate::types::bytes::bytes_data(value)) {
            Some(b) => b,
            None => {
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(value))))
            }
        };
        if src.len() != n * m.itemsize {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        for k in 0..n {
            let off = (m.start as isize + (start + k as isize * step) * m.stride) as usize;
            write_at(m, off, &src[k * m.itemsize..(k + 1) * m.itemsize]);
        }
        return Ok(Value::NONE);
    }
    let Some(i) = crate::types::slice::seq_index(vm, key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let n = m.len as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let data = pack_item(vm, m, value)?;
    let off = (m.start as isize + j * m.stride) as usize;
    write_at(m, off, &data);
    Ok(Value::NONE)
}

const NATIVE_FORMATS: &str = "bBhHiIlLqQnNfdec?P";

fn mv_cast(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "cast")?;
    let [format, shape] = vm.bind_args("cast", &args[1..], kw, ["format", "shape"], 1)?;
    if !shape.is_null() && !shape.is_none() {
        return Err(vm.not_implemented_error("memoryview.cast with a shape (multi-dimensional views)"));
    }
    let Some(fmt) = format.as_rstr().map(|s| s.strip_prefix('@').unwrap_or(s).to_owned()) else {
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {}", vm.arg_type_name(format))));
    };
    if fmt.len() != 1 || !NATIVE_FORMATS.contains(fmt.as_str()) {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    }
    if !m.contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let is_byte = |f: &str| matches!(f, "B" | "b" | "c");
    if !is_byte(&m.format) && !is_byte(&fmt) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let itemsize = st::compile(vm, format!("@{fmt}").as_bytes())?.size;
    let nbytes = m.len * m.itemsize;
    if nbytes % itemsize != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let v = MemoryView {
        obj: m.obj,
        format: fmt,
        itemsize,
        start: m.start,
        len: nbytes / itemsize,
        stride: itemsize as isize,
        readonly: m.readonly,
        released: Cell::new(false),
    };
    Ok(vm.new_native(mv_class(vm), v))
}

fn mv_release(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "release")?;
    m.released.set(true);
    Ok(Value::NONE)
}

fn mv_enter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(vm, args, "__enter__")?;
    Ok(args[0])
}

fn mv_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "__exit__")?;
    m.released.set(true);
    Ok(Value::NONE)
}

fn mv_eq_impl(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let m = this(vm, args, "__eq__")?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    if args[0].is(other) {
        return Ok(Some(true));
    }
    let other_bytes = match view_of(&other) {
        Some(o) => {
            if o.released.get() {
                return Ok(Some(false));
            }
            if o.format == m.format {
                Some(o.bytes())
            } else {
                let a = mv_tolist(vm, &[args[0]], &[])?;
                let b = mv_tolist(vm, &[other], &[])?;
                return Ok(Some(vm.eq(a, b)?));
            }
        }
        None => buffer_of(other).or_else(|| crate::types::bytes::bytes_data(other)),
    };
    let Some(ob) = other_bytes else { return Ok(None) };
    if m.format == "B" || view_of(&other).is_some() {
        return Ok(Some(m.bytes() == ob));
    }
    let a = mv_tolist(vm, &[args[0]], &[])?;
    let bv = vm.new_bytes(ob);
    let b = vm.call_method(bv, "__iter__", &[])?;
    let b = vm.collect(b)?;
    let bl = vm.new_list(b);
    Ok(Some(vm.eq(a, bl)?))
}

fn mv_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match mv_eq_impl(vm, args)? {
        Some(b) => Value::bool(b),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn mv_ne(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match mv_eq_impl(vm, args)? {
        Some(b) => Value::bool(!b),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn mv_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "__hash__")?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let b = vm.new_bytes(m.bytes());
    let h = vm.hash(b)?;
    Ok(vm.new_int(h))
}

fn mv_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = mv_tolist(vm, args, &[])?;
    vm.iter(l)
}

fn mv_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = this(vm, args, "__repr__")?;
    let addr = crate::eval::object_type::address_of(args[0]);
    let what = if m.released.get() { "released memory" } else { "memory" };
    Ok(vm.new_string(format!("<{what} at {addr:#x}>")))
}

macro_rules! getter {
    ($name:ident, $attr:literal, |$vm:ident, $m:ident| $body:expr) => {
        fn $name($vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            let $m = this($vm, args, $attr)?;
            Ok($body)
        }
    };
}

getter!(mv_obj, "obj", |vm, m| m.obj);
getter!(mv_format, "format", |vm, m| vm.new_str(&m.format));
getter!(mv_itemsize, "itemsize", |vm, m| vm.new_int(m.itemsize as i64));
getter!(mv_nbytes, "nbytes", |vm, m| vm.new_int((m.len * m.itemsize) as i64));
getter!(mv_readonly, "readonly", |vm, m| Value::bool(m.readonly));
getter!(mv_ndim, "ndim", |vm, _m| vm.new_int(1));
getter!(mv_shape, "shape", |vm, m| {
    let n = vm.new_int(m.len as i64);
    vm.new_tuple(vec![n])
});
getter!(mv_strides, "strides", |vm, m| {
    let n = vm.new_int(m.stride as i64);
    vm.new_tuple(vec![n])
});
getter!(mv_contiguous, "contiguous", |vm, m| Value::bool(m.contiguous()));

fn mv_released(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(m) = args.first().and_then(view_of) else {
        return Err(vm.type_error("descriptor 'released' requires a 'memoryview' object"));
    };
    Ok(Value::bool(m.released.get()))
}

pub fn register(vm: &mut Vm, mv: Value) {
    vm.add_staticmethod(mv, "__new__", memoryview_new);
    let methods: &[(&'static str, crate::vm::NativeFn)] = &[
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__iter__", mv_iter),
        ("__eq__", mv_eq),
        ("__ne__", mv_ne),
        ("__hash__", mv_hash),
        ("__repr__", mv_repr),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("cast", mv_cast),
        ("release", mv_release),
    ];
    for &(n, f) in methods {
        vm.add_method(mv, n, f);
    }
    for (n, f) in [
        ("obj", mv_obj as crate::vm::NativeFn),
        ("format", mv_format),
        ("itemsize", mv_itemsize),
        ("nbytes", mv_nbytes),
        ("readonly", mv_readonly),
        ("ndim", mv_ndim),
        ("shape", mv_shape),
        ("strides", mv_strides),
        ("contiguous", mv_contiguous),
        ("c_contiguous", mv_contiguous),
        ("released", mv_released),
    ] {
        vm.add_getter(mv, n, f);
    }
}
