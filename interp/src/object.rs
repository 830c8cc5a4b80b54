//! Heap objects.
//!
//! Every heap object is a `PyObj`: a header (its class and GC bits), optional instance
//! attribute storage, and a `Payload` saying what kind of builtin object it is. The class
//! in the header is what Python's `type(x)` returns; the payload is what the object *is*
//! underneath (an instance of `class L(list)` has class `L` and a `List` payload).
//!
//! Objects never move. All mutation goes through `Cell`/`RefCell` because Krait runs Python
//! on one thread and objects are shared freely through `Value` words. A `RefCell` borrow
//! must never be held across a call back into Python (which could touch the same object):
//! copy the `Value`s out first, then call.
//!
//! Instance attributes follow DESIGN.md: an `Attrs` holds a hidden class (`Map`: attribute
//! name to slot index, with cached transitions) and a vector of slots, so that a JIT trace
//! can guard on the map and load by offset. When Python asks for `obj.__dict__` the object
//! switches to "dict mode": its attributes move into a real dict object that the program
//! may mutate directly, and every later attribute access goes through that dict.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::cfg::Code;
use crate::dict::DictData;
use crate::frame::Frame;
use crate::value::Value;
use crate::vm::NativeFn;

pub use crate::types::set::SetData;

/// A heap object. `#[repr(C)]` keeps the header at a fixed offset for compiled code.
#[repr(C)]
pub struct PyObj {
    /// The object's class (a `Payload::Class` object). A `Cell` because `__class__`
    /// assignment is allowed between compatible classes.
    pub class: Cell<Value>,
    /// Mark bits and flags for the collector (issue 3).
    pub gc: Cell<u32>,
    /// Instance attributes; present when the class gives its instances attributes.
    pub attrs: Option<Box<Attrs>>,
    pub payload: Payload,
}

/// A list's items: `Value` words, or, for big lists made by repetition of bools or small
/// ints (`[True] * n`, `[0] * n`), unboxed raw storage (a strategy, as in PyPy):
///
/// - the bool strategy keeps one byte per item (0 or 1): 8 times smaller, which matters for
///   sieves and flag arrays that do not fit in cache otherwise;
/// - the int strategy keeps each item as the eight native-endian bytes of an `i64` in the
///   inline int range (`Value::small_int`), so reading never allocates, the collector has
///   nothing to trace, and compiled loops load and store the numbers without tags.
///
/// Code that knows about the strategies uses `len`, `get`, `set`, `push`, `is_bools` and
/// `is_ints`; everything else reaches the items through `Deref` (`l.borrow()`,
/// `l.borrow_mut()`), which first switches a raw list to values for good, so it always
/// sees `Vec<Value>`. A store or append of an item the strategy cannot hold switches too.
/// Invariant: in a raw mode `items` is empty and nobody holds a borrow of it (taking one
/// switches), and in value mode `raw` is empty. The JIT reads `mode` and both vectors'
/// pointer and length directly (`jit::layout`), hence `repr(C)`.
#[repr(C)]
pub struct ListData {
    /// `MODE_VALUES`, `MODE_BOOLS` or `MODE_INTS` (a whole word, so the JIT loads it as one).
    mode: Cell<u64>,
    items: RefCell<Vec<Value>>,
    /// The raw items of a bool or int list (bytes, so that one vector serves both; an int
    /// is read with `i64::from_ne_bytes`, so its alignment does not matter).
    raw: RefCell<Vec<u8>>,
}

impl ListData {
    pub const MODE_VALUES: u64 = 0;
    pub const MODE_BOOLS: u64 = 1;
    pub const MODE_INTS: u64 = 2;
    /// Repetitions shorter than this stay values: raw storage pays off for big lists, and a
    /// small list would only be switched back by the first generic access.
    pub const RAW_MIN_LEN: usize = 1024;
    /// Bytes per item of an int list.
    pub const INT_BYTES: usize = 8;

    pub fn new(items: Vec<Value>) -> ListData {
        ListData { mode: Cell::new(Self::MODE_VALUES), items: RefCell::new(items), raw: RefCell::new(Vec::new()) }
    }

    /// A bool list with these items (each 0 or 1).
    pub fn new_bools(bytes: Vec<u8>) -> ListData {
        ListData { mode: Cell::new(Self::MODE_BOOLS), items: RefCell::new(Vec::new()), raw: RefCell::new(bytes) }
    }

    /// An int list whose items are the native-endian `i64`s in `raw` (eight bytes each),
    /// each in the inline int range (`Value::small_int`).
    pub fn new_ints(raw: Vec<u8>) -> ListData {
        debug_assert!(raw.len().is_multiple_of(Self::INT_BYTES));
        ListData { mode: Cell::new(Self::MODE_INTS), items: RefCell::new(Vec::new()), raw: RefCell::new(raw) }
    }

    pub fn is_bools(&self) -> bool {
        self.mode.get() == Self::MODE_BOOLS
    }

    pub fn is_ints(&self) -> bool {
        self.mode.get() == Self::MODE_INTS
    }

    pub fn len(&self) -> usize {
        match self.mode.get() {
            Self::MODE_BOOLS => self.raw.borrow().len(),
            Self::MODE_INTS => self.raw.borrow().len() / Self::INT_BYTES,
            _ => self.items.borrow().len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of items the storage holds without growing (`sys.getsizeof`).
    pub fn capacity(&self) -> usize {
        match self.mode.get() {
            Self::MODE_BOOLS => self.raw.borrow().capacity(),
            Self::MODE_INTS => self.raw.borrow().capacity() / Self::INT_BYTES,
            _ => self.items.borrow().capacity(),
        }
    }

    /// The int at `i` of an int list's raw bytes, if in range.
    #[inline]
    fn int_at(raw: &[u8], i: usize) -> Option<i64> {
        let at = i.checked_mul(Self::INT_BYTES)?;
        let b = raw.get(at..at + Self::INT_BYTES)?;
        Some(i64::from_ne_bytes(b.try_into().ok()?))
    }

    /// Item `i`, if in range.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        match self.mode.get() {
            Self::MODE_VALUES => self.items.borrow().get(i).copied(),
            Self::MODE_BOOLS => self.raw.borrow().get(i).map(|&b| Value::bool(b != 0)),
            _ => Self::int_at(&self.raw.borrow(), i).and_then(Value::small_int),
        }
    }

    /// Stores item `i`; false when out of range. An item the list's strategy cannot hold
    /// switches it to values.
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> bool {
        match self.mode.get() {
            Self::MODE_BOOLS => {
                if let Some(b) = v.as_bool() {
                    return match self.raw.borrow_mut().get_mut(i) {
                        Some(slot) => {
                            *slot = b as u8;
                            true
                        }
                        None => false,
                    };
                }
            }
            Self::MODE_INTS => {
                if let Some(x) = v.as_small_int() {
                    let mut raw = self.raw.borrow_mut();
                    let at = i.saturating_mul(Self::INT_BYTES);
                    return match raw.get_mut(at..at.saturating_add(Self::INT_BYTES)) {
                        Some(slot) => {
                            slot.copy_from_slice(&x.to_ne_bytes());
                            true
                        }
                        None => false,
                    };
                }
            }
            _ => {}
        }
        let items = self.values_cell();
        crate::gc::barrier::payload_written_at(self, i);
        match items.borrow_mut().get_mut(i) {
            Some(slot) => {
                *slot = v;
                true
            }
            None => false,
        }
    }

    /// Appends `v` (`list.append`), keeping the strategy when it can hold `v`.
    #[inline]
    pub fn push(&self, v: Value) {
        match self.mode.get() {
            Self::MODE_BOOLS => {
                if let Some(b) = v.as_bool() {
                    self.raw.borrow_mut().push(b as u8);
                    return;
                }
            }
            Self::MODE_INTS => {
                if let Some(x) = v.as_small_int() {
                    self.raw.borrow_mut().extend_from_slice(&x.to_ne_bytes());
                    return;
                }
            }
            _ => {}
        }
        let items = self.values_cell();
        crate::gc::barrier::payload_written_at(self, items.borrow().len());
        items.borrow_mut().push(v);
    }

    /// The items as values (switching a raw list first), without the write barrier of
    /// `Deref` (`set` and `push` call a finer one).
    #[inline]
    fn values_cell(&self) -> &RefCell<Vec<Value>> {
        if self.mode.get() != Self::MODE_VALUES {
            self.to_values();
        }
        &self.items
    }

    /// The items without switching a raw list (the collector's view: bools and small ints
    /// hold no references, so a raw list yields nothing).
    pub fn values_raw(&self) -> &RefCell<Vec<Value>> {
        &self.items
    }

    /// The mode word and the raw items of a bool or int list, for the JIT's layout probe
    /// and its strategy-aware paths (reading them switches nothing).
    pub fn mode_raw(&self) -> &Cell<u64> {
        &self.mode
    }

    pub fn raw_storage(&self) -> &RefCell<Vec<u8>> {
        &self.raw
    }

    /// Switches a raw list to values (no-op for a value list).
    #[cold]
    fn to_values(&self) {
        let raw = std::mem::take(&mut *self.raw.borrow_mut());
        let items: Vec<Value> = if self.is_ints() {
            (0..raw.len() / Self::INT_BYTES)
                .map(|i| Self::int_at(&raw, i).and_then(Value::small_int).unwrap_or(Value::NONE))
                .collect()
        } else {
            raw.iter().map(|&b| Value::bool(b != 0)).collect()
        };
        *self.items.borrow_mut() = items;
        self.mode.set(Self::MODE_VALUES);
    }
}

impl std::ops::Deref for ListData {
    type Target = RefCell<Vec<Value>>;

    #[inline]
    fn deref(&self) -> &RefCell<Vec<Value>> {
        crate::gc::barrier::payload_written(self);
        self.values_cell()
    }
}

/// What a heap object is underneath its class.
pub enum Payload {
    /// A plain instance (of `object` or a user class without a builtin base).
    Object,
    /// An int outside the inline range, or an instance of an `int` subclass.
    Int(BigInt),
    /// An instance of a `float` subclass (plain floats are inline `Value`s).
    Float(f64),
    Complex(f64, f64),
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    List(ListData),
    Tuple(Box<[Value]>),
    Dict(RefCell<DictData>),
    Set(RefCell<SetData>),
    FrozenSet(RefCell<SetData>),
    Range {
        start: Value,
        stop: Value,
        step: Value,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Class(Box<ClassData>),
    Function(Box<Function>),
    NativeFunction(Box<NativeFunction>),
    BoundMethod {
        func: Value,
        obj: Value,
    },
    /// A closure cell; NULL when empty.
    Cell(Cell<Value>),
    Code(Rc<Code>),
    Module(Box<ModuleData>),
    Generator(RefCell<GenState>),
    Exception(Box<ExcData>),
    Traceback(Box<TracebackData>),
    Property {
        fget: Cell<Value>,
        fset: Cell<Value>,
        fdel: Cell<Value>,
        doc: Cell<Value>,
    },
    StaticMethod(Cell<Value>),
    ClassMethod(Cell<Value>),
    Super {
        ty: Value,
        obj: Value,
        obj_type: Value,
    },
    /// Every other builtin object (iterators, views, native module objects...). Kept open
    /// so that a type can be added without touching this enum.
    Native(Box<dyn NativeData>),
}

/// Data of builtin objects that have no `Payload` variant of their own.
pub trait NativeData: Any {
    fn as_any(&self) -> &dyn Any;
    /// Calls `visit` on every `Value` this object holds (for the collector).
    fn trace(&self, visit: &mut dyn FnMut(Value));
    /// True when what `trace` reports can only lose values after the object is made, never
    /// gain any (the collector's minor collections then skip it, `gc::barrier`).
    fn refs_fixed(&self) -> bool {
        false
    }
}

/// An immutable Python `str`.
pub struct PyStr {
    /// The UTF-8 text (a `&str` through `Deref`).
    pub s: StrText,
    /// Number of code points.
    pub char_len: usize,
    /// Cached hash; `HASH_UNSET` until first computed.
    pub hash: Cell<i64>,
}

pub const HASH_UNSET: i64 = i64::MIN;

impl PyStr {
    pub fn new(s: Box<str>) -> PyStr {
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s: StrText::from(s), char_len, hash: Cell::new(HASH_UNSET) }
    }

    /// `self + other` as a new str, appending in place to a shared buffer when it can (see
    /// `StrText`); `None` when memory is exhausted.
    pub fn concat(&self, other: &PyStr) -> Option<PyStr> {
        let s = self.s.concat(&other.s)?;
        Some(PyStr { s, char_len: self.char_len + other.char_len, hash: Cell::new(HASH_UNSET) })
    }

    /// True when every character is ASCII, so byte index == character index.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    pub fn as_str(&self) -> &str {
        &self.s
    }
}

/// Results of concatenation at least this long (bytes) are kept in a growable shared
/// buffer; shorter ones get an exact-size copy, so small strings stay compact.
pub const STR_GROW_MIN: usize = 256;

/// The text of a `PyStr`, read as a `&str` through `Deref`.
///
/// Most strings own an exact-size heap copy of their UTF-8 bytes (a `Box<str>`). Long
/// results of `a + b` instead view a prefix of a shared, append-only `StrBuf` with spare
/// capacity. That is what makes `s += piece` in a loop amortized linear: when the left
/// operand's text ends exactly where the bytes written into its buffer end and the buffer
/// has room, `concat` writes the right operand just past that end and returns a new view of
/// the longer prefix; otherwise it copies both into a new buffer of twice the length.
/// Bytes some view can see are never written again and a buffer is never reallocated or
/// freed while a view of it lives, so a `&str` taken from any `PyStr` stays valid and
/// unchanged for as long as that `PyStr` lives, even across calls that run Python code.
pub struct StrText {
    /// First byte of the text: of the owned box, or of `buf`'s bytes.
    ptr: NonNull<u8>,
    /// Length of the text in bytes.
    len: usize,
    /// The shared buffer this text is a prefix of; `None` when `ptr`/`len` are an owned
    /// `Box<str>` (made by `Box::leak`, given back to the allocator on drop).
    buf: Option<Rc<StrBuf>>,
}

/// An append-only byte buffer shared by the `StrText`s that view a prefix of it.
struct StrBuf {
    /// Start of an allocation of `cap` bytes (from a `Vec<u8>`, freed on drop).
    data: NonNull<u8>,
    cap: usize,
    /// Bytes written so far; they are valid UTF-8 up to every view's end, and every view's
    /// text is a prefix of them.
    used: Cell<usize>,
}

impl StrBuf {
    /// An empty buffer of at least `cap` bytes, or `None` when memory is exhausted.
    fn with_capacity(cap: usize) -> Option<StrBuf> {
        let mut v: Vec<u8> = Vec::new();
        v.try_reserve_exact(cap).ok()?;
        let mut v = std::mem::ManuallyDrop::new(v);
        let cap = v.capacity();
        Some(StrBuf { data: NonNull::new(v.as_mut_ptr())?, cap, used: Cell::new(0) })
    }

    /// Appends `bytes` after the written part; the caller has checked there is room.
    fn append(&self, bytes: &[u8]) {
        let used = self.used.get();
        assert!(self.cap - used >= bytes.len(), "StrBuf::append past capacity");
        // SAFETY: `data` is an allocation of `cap` bytes and `used + bytes.len() <= cap`, so
        // the destination is in bounds. It lies past `used`, which no view's text reaches,
        // so no live `&str` covers it; `bytes` may itself be a view of this buffer, but then
        // it lies within `[0, used)` and the two ranges do not overlap.
        unsafe { self.data.as_ptr().add(used).copy_from_nonoverlapping(bytes.as_ptr(), bytes.len()) };
        self.used.set(used + bytes.len());
    }
}

impl Drop for StrBuf {
    fn drop(&mut self) {
        // SAFETY: `data` and `cap` are the pointer and capacity of the `Vec<u8>` forgotten in
        // `with_capacity`; the last view is gone (this is the `Rc`'s last owner), so nothing
        // reads the bytes any more. Length 0: `u8` needs no destructors.
        drop(unsafe { Vec::from_raw_parts(self.data.as_ptr(), 0, self.cap) });
    }
}

impl From<Box<str>> for StrText {
    fn from(b: Box<str>) -> StrText {
        let len = b.len();
        StrText { ptr: NonNull::from(Box::leak(b)).cast::<u8>(), len, buf: None }
    }
}

impl From<&str> for StrText {
    fn from(s: &str) -> StrText {
        StrText::from(Box::<str>::from(s))
    }
}

impl Drop for StrText {
    fn drop(&mut self) {
        if self.buf.is_none() {
            let raw = std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len) as *mut str;
            // SAFETY: with no buffer, `ptr`/`len` came from `Box::leak` of a `Box<str>` in
            // `From<Box<str>>` and were never changed; this is the only owner.
            drop(unsafe { Box::from_raw(raw) });
        }
        // A view just drops its `Rc`; the buffer frees itself with the last one.
    }
}

impl std::ops::Deref for StrText {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: `ptr`/`len` are either an owned `Box<str>` or a prefix of a `StrBuf` this
        // text keeps alive through its `Rc`; both hold valid UTF-8 that is never written
        // again or freed while `self` lives (see `StrText`).
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr.as_ptr(), self.len)) }
    }
}

impl AsRef<str> for StrText {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::borrow::Borrow<str> for StrText {
    fn borrow(&self) -> &str {
        self
    }
}

impl std::fmt::Display for StrText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&**self, f)
    }
}

impl std::fmt::Debug for StrText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq for StrText {
    fn eq(&self, other: &StrText) -> bool {
        **self == **other
    }
}

impl Eq for StrText {}

impl StrText {
    /// `self + b`; `None` when memory is exhausted.
    pub fn concat(&self, b: &str) -> Option<StrText> {
        let total = self.len.checked_add(b.len())?;
        if let Some(buf) = &self.buf {
            if self.len == buf.used.get() && buf.cap - self.len >= b.len() {
                buf.append(b.as_bytes());
                return Some(StrText { ptr: buf.data, len: total, buf: Some(buf.clone()) });
            }
        }
        // A new buffer with room to grow as much again (amortized linear appends); when
        // that much memory is not to be had, an exact-size copy as before.
        let grown = if total >= STR_GROW_MIN { total.checked_mul(2).and_then(StrBuf::with_capacity) } else { None };
        if let Some(buf) = grown {
            buf.append(self.as_bytes());
            buf.append(b.as_bytes());
            return Some(StrText { ptr: buf.data, len: total, buf: Some(Rc::new(buf)) });
        }
        let mut s = String::new();
        s.try_reserve_exact(total).ok()?;
        s.push_str(self);
        s.push_str(b);
        Some(StrText::from(s.into_boxed_str()))
    }
}

/// Which builtin payload the instances of a class carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    Module,
    /// Builtin types whose instances cannot be made by subclassing (function, generator...).
    Other,
}

pub mod class_flags {
    /// Instances get an `Attrs` (a `__dict__`).
    pub const HAS_DICT: u32 = 1;
    /// The class may be subclassed.
    pub const BASETYPE: u32 = 2;
    /// Defined by Python code (attributes may be set on the class).
    pub const HEAPTYPE: u32 = 4;
    /// Has `__slots__` (instances get an `Attrs` restricted to the slot names).
    pub const HAS_SLOTS: u32 = 8;
    /// The class or a base defines `__getattr__`/`__getattribute__` etc. in Python; set by
    /// the interpreter to skip fast paths.
    pub const CUSTOM_GETATTR: u32 = 16;
    /// Is or derives from BaseException.
    pub const EXCEPTION: u32 = 32;
    /// A class defined in Python that stands in for a type CPython implements in C (the
    /// pure-Python `datetime.date`, `decimal.Decimal`): its `tp_name` in error messages
    /// is `module.name`, as the C type's is.
    pub const NATIVE_NAME: u32 = 64;
}

pub struct ClassData {
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub bases: RefCell<Vec<Value>>,
    /// Method resolution order, this class first.
    pub mro: RefCell<Vec<Value>>,
    /// The namespace: a dict object. Python sees it through a mappingproxy.
    pub dict: Value,
    /// Bumped on every change to this class or any class in its MRO, so that lookups can
    /// be cached (and, later, guarded in traces) against it.
    pub version: Cell<u64>,
    pub layout: Layout,
    pub flags: Cell<u32>,
    /// `__slots__` names when the class declares them.
    pub slots: RefCell<Option<Vec<Value>>>,
    /// Direct subclasses (for `__subclasses__()` and version propagation).
    pub subclasses: RefCell<Vec<Value>>,
}

impl ClassData {
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Value,
    pub builtins: Value,
    /// Tuple of positional defaults, or NULL.
    pub defaults: Cell<Value>,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: Cell<Value>,
    /// Cell objects for the code's free variables, in `Code::freevars` order.
    pub closure: Box<[Value]>,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub doc: Cell<Value>,
    pub module: Cell<Value>,
    pub annotations: Cell<Value>,
}

/// How a native function binds when found on a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// A plain function (`len`); never binds.
    Function,
    /// A method (`list.append`); binds to the instance like a Python function.
    Method,
    /// A classmethod (`dict.fromkeys`); binds to the class.
    ClassMethod,
    /// A staticmethod (`str.maketrans`); never binds.
    StaticMethod,
}

pub struct NativeFunction {
    pub name: &'static str,
    pub f: NativeFn,
    pub kind: NativeKind,
    /// The object it is bound to (passed as the first argument), or NULL.
    pub bound: Value,
    /// The class or module it belongs to (for `__qualname__`/`__module__`), or NULL.
    pub owner: Value,
    /// Extra data some natives carry (e.g. `functools.partial`-like closures), or NULL.
    pub data: Value,
}

pub struct ModuleData {
    pub name: Value,
    /// The module's namespace (its globals), a dict object.
    pub dict: Value,
}

pub struct GenState {
    /// The suspended frame; `None` once the generator has finished.
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub name: Value,
    pub qualname: Value,
    /// The exception the generator's own frame was handling when it last suspended
    /// (restored as `sys.exc_info()` when it resumes), or NULL.
    pub exc_state: Value,
    /// Generator, coroutine or async generator.
    pub kind: GenKind,
    /// The code object (kept after the frame is gone, for `gi_code`/`cr_code`).
    pub code: Rc<Code>,
    /// Async generators: an `asend`/`athrow` awaitable is currently driving it.
    pub running_async: bool,
    /// Async generators: finished or being closed (`ag_closed` in CPython).
    pub closed: bool,
    /// Async generators: the `sys.set_asyncgen_hooks` firstiter hook has been run
    /// (`ag_hooks_inited` in CPython).
    pub hooks_inited: bool,
}

/// What kind of object a `Payload::Generator` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct ExcData {
    /// Tuple.
    pub args: Cell<Value>,
    pub traceback: Cell<Value>,
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub suppress_context: Cell<bool>,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args: Cell::new(args),
            traceback: Cell::new(Value::NONE),
            cause: Cell::new(Value::NONE),
            context: Cell::new(Value::NONE),
            suppress_context: Cell::new(false),
        }
    }
}

pub struct TracebackData {
    pub next: Cell<Value>,
    pub code: Rc<Code>,
    /// 1-based line of the statement that raised.
    pub lineno: u32,
    /// Byte range in the source of the statement that raised.
    pub span: (u32, u32),
    /// A frame object for `tb_frame`, or NULL.
    pub frame: Value,
}

// ----- instance attributes: hidden classes -----

/// A hidden class: attribute names in slot order, shared by all objects that gained the
/// same attributes in the same order. Maps are immutable and live forever (there are few).
pub struct Map {
    pub names: Vec<Value>,
    /// Name bits to slot index; only built for maps with more than `MAP_LINEAR_MAX` names
    /// (smaller maps are searched linearly, which beats hashing).
    index: hashbrown::HashMap<u64, u32>,
    transitions: RefCell<hashbrown::HashMap<u64, &'static Map>>,
}

/// Maps with at most this many names are searched linearly instead of through `index`.
const MAP_LINEAR_MAX: usize = 12;

thread_local! {
    static EMPTY_MAP: &'static Map = Box::leak(Box::new(Map {
        names: Vec::new(),
        index: hashbrown::HashMap::new(),
        transitions: RefCell::new(hashbrown::HashMap::new()),
    }));
}

impl Map {
    pub fn empty() -> &'static Map {
        EMPTY_MAP.with(|m| *m)
    }

    /// Slot index of an interned attribute name.
    #[inline]
    pub fn lookup(&self, name: Value) -> Option<usize> {
        if self.names.len() <= MAP_LINEAR_MAX {
            return self.names.iter().position(|n| n.bits() == name.bits());
        }
        self.index.get(&name.bits()).map(|&i| i as usize)
    }

    /// The map that adds `name` (interned) after this map's names.
    pub fn with_added(&'static self, name: Value) -> &'static Map {
        if let Some(m) = self.transitions.borrow().get(&name.bits()) {
            return m;
        }
        let mut names = self.names.clone();
        names.push(name);
        let index = if names.len() > MAP_LINEAR_MAX {
            names.iter().enumerate().map(|(i, n)| (n.bits(), i as u32)).collect()
        } else {
            hashbrown::HashMap::new()
        };
        let m: &'static Map =
            Box::leak(Box::new(Map { names, index, transitions: RefCell::new(hashbrown::HashMap::new()) }));
        self.transitions.borrow_mut().insert(name.bits(), m);
        m
    }

    /// The map of the same names without `name`, reached through cached transitions from
    /// the empty map.
    pub fn without(&self, name: Value) -> &'static Map {
        let mut m = Map::empty();
        for &n in &self.names {
            if n != name {
                m = m.with_added(n);
            }
        }
        m
    }
}

/// Attribute storage of one object.
pub struct Attrs {
    pub map: Cell<&'static Map>,
    pub slots: RefCell<Vec<Value>>,
    /// In dict mode, the dict object holding the attributes; NULL otherwise.
    pub dict: Cell<Value>,
}

impl Default for Attrs {
    fn default() -> Self {
        Attrs::new()
    }
}

impl Attrs {
    pub fn new() -> Attrs {
        Attrs { map: Cell::new(Map::empty()), slots: RefCell::new(Vec::new()), dict: Cell::new(Value::NULL) }
    }

    pub fn in_dict_mode(&self) -> bool {
        !self.dict.get().is_null()
    }

    /// Looks up an interned name in map mode. Callers handle dict mode first.
    #[inline]
    pub fn get_slot(&self, name: Value) -> Option<Value> {
        let i = self.map.get().lookup(name)?;
        let v = self.slots.borrow()[i];
        if v.is_null() {
            None
        } else {
            Some(v)
        }
    }

    /// Sets an interned name in map mode.
    pub fn set_slot(&self, name: Value, v: Value) {
        crate::gc::barrier::attrs_written(self);
        let map = self.map.get();
        if let Some(i) = map.lookup(name) {
            self.slots.borrow_mut()[i] = v;
        } else {
            let m = map.with_added(name);
            self.slots.borrow_mut().push(v);
            self.map.set(m);
        }
    }

    /// Removes an interned name in map mode; false when it was not there.
    pub fn del_slot(&self, name: Value) -> bool {
        let map = self.map.get();
        let Some(i) = map.lookup(name) else { return false };
        let mut slots = self.slots.borrow_mut();
        if slots[i].is_null() {
            return false;
        }
        slots.remove(i);
        self.map.set(map.without(name));
        true
    }

    /// (name, value) pairs in map mode, in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        let map = self.map.get();
        let slots = self.slots.borrow();
        map.names.iter().zip(slots.iter()).filter(|(_, v)| !v.is_null()).map(|(n, v)| (*n, *v)).collect()
    }
}

// ----- convenient accessors -----

impl PyObj {
    pub fn new(class: Value, attrs: Option<Box<Attrs>>, payload: Payload) -> PyObj {
        PyObj { class: Cell::new(class), gc: Cell::new(0), attrs, payload }
    }

    pub fn as_str(&self) -> Option<&PyStr> {
        match &self.payload {
            Payload::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_class(&self) -> Option<&ClassData> {
        match &self.payload {
            Payload::Class(c) => Some(c),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match &self.payload {
            Payload::List(l) => Some(l),
            _ => None,
        }
    }

    /// The list's storage without switching a bool list to values (see `ListData`).
    pub fn as_list_data(&self) -> Option<&ListData> {
        match &self.payload {
            Payload::List(l) => Some(l),
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        match &self.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&RefCell<DictData>> {
        match &self.payload {
            Payload::Dict(d) => Some(d),
            _ => None,
        }
    }

    pub fn as_function(&self) -> Option<&Function> {
        match &self.payload {
            Payload::Function(f) => Some(f),
            _ => None,
        }
    }

    pub fn as_exception(&self) -> Option<&ExcData> {
        match &self.payload {
            Payload::Exception(e) => Some(e),
            _ => None,
        }
    }

    /// The native data of a `Payload::Native` object, if it is of type `T`.
    pub fn native<T: 'static>(&self) -> Option<&T> {
        match &self.payload {
            Payload::Native(n) => n.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl Value {
    /// The Rust string of a `str` value.
    pub fn as_pystr(&self) -> Option<&PyStr> {
        self.as_obj().and_then(|o| o.as_str())
    }

    pub fn as_rstr(&self) -> Option<&str> {
        self.as_pystr().map(|s| s.as_str())
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        self.as_obj().and_then(|o| o.as_tuple())
    }

    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        self.as_obj().and_then(|o| o.as_list())
    }

    pub fn as_dict(&self) -> Option<&RefCell<DictData>> {
        self.as_obj().and_then(|o| o.as_dict())
    }

    pub fn as_class(&self) -> Option<&ClassData> {
        self.as_obj().and_then(|o| o.as_class())
    }

    pub fn as_bigint(&self) -> Option<&BigInt> {
        match self.as_obj().map(|o| &o.payload) {
            Some(Payload::Int(i)) => Some(i),
            _ => None,
        }
    }
}

/// Helper so native types can implement `NativeData` in one line:
/// `impl_native!(MyIter, |s, visit| { visit(s.seq); });`
#[macro_export]
macro_rules! impl_native {
    ($t:ty, |$s:ident, $visit:ident| $body:block) => {
        impl $crate::object::NativeData for $t {
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
            #[allow(unused_variables)]
            fn trace(&self, $visit: &mut dyn FnMut($crate::value::Value)) {
                let $s = self;
                $body
            }
        }
    };
    // The same for an object whose references never gain a value (`NativeData::refs_fixed`).
    ($t:ty, refs_fixed, |$s:ident, $visit:ident| $body:block) => {
        impl $crate::object::NativeData for $t {
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
            #[allow(unused_variables)]
            fn trace(&self, $visit: &mut dyn FnMut($crate::value::Value)) {
                let $s = self;
                $body
            }
            fn refs_fixed(&self) -> bool {
                true
            }
        }
    };
}
