//! The virtual machine: builtin classes, interned names, allocation, errors, and the entry
//! points of the object protocol (call, attribute access, operators, iteration).
//!
//! `Vm` is the one context every native function receives (`&mut Vm`). The protocol
//! methods here are thin: each delegates to the module that owns the concern
//! (`eval::call`, `eval::attr`, `eval::ops`, ...), so there is one implementation of each
//! and everybody calls it the same way.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::cfg::{BinOp, CmpOp, UnaryOp};
use crate::dict::{self, DictData};
use crate::exceptions::ExcTypes;
use crate::heap;
use crate::object::{
    class_flags, Attrs, ClassData, ExcData, Layout, ModuleData, NativeData, NativeFunction, NativeKind, Payload, PyObj,
    PyStr, HASH_UNSET,
};
use crate::value::Value;

/// A Python exception in flight: the exception instance.
#[derive(Clone, Copy, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

/// Signature of every native function: positional arguments (for methods, `args[0]` is
/// `self`) and keyword arguments as (interned name, value) pairs.
pub type NativeFn = fn(&mut Vm, &[Value], &[(Value, Value)]) -> PyResult<Value>;

/// The builtin classes every part of the interpreter needs by name.
pub struct Types {
    pub object: Value,
    pub type_: Value,
    pub int: Value,
    pub bool_: Value,
    pub float: Value,
    pub complex: Value,
    pub str_: Value,
    pub bytes: Value,
    pub bytearray: Value,
    pub list: Value,
    pub tuple: Value,
    pub dict: Value,
    pub set: Value,
    pub frozenset: Value,
    pub range: Value,
    pub slice: Value,
    pub none_type: Value,
    pub not_implemented_type: Value,
    pub ellipsis_type: Value,
    pub function: Value,
    pub builtin_function: Value,
    /// Classes of native methods as found on their class (`str.upper`, `dict.fromkeys`,
    /// `int.__add__`) and of slot methods bound to an instance (`(1).__add__`); other bound
    /// natives are `builtin_function_or_method`. Only `type()` and the repr tell them apart.
    pub method_descriptor: Value,
    pub classmethod_descriptor: Value,
    pub wrapper_descriptor: Value,
    pub method_wrapper: Value,
    pub method: Value,
    pub cell: Value,
    pub code: Value,
    pub module: Value,
    pub generator: Value,
    pub traceback: Value,
    pub property: Value,
    pub staticmethod: Value,
    pub classmethod: Value,
    pub super_: Value,
}

pub struct Vm {
    pub types: Types,
    pub exc: ExcTypes,
    /// Further builtin classes created by type modules (iterators, views...), by name.
    pub extra_types: hashbrown::HashMap<&'static str, Value>,
    pub builtins: Value,
    pub builtins_dict: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// The `sys` module, once created.
    pub sys: Value,
    interned: hashbrown::HashMap<Box<str>, Value>,
    /// The interned one-character ASCII strs by code (NULL until first interned): indexing
    /// and iterating text makes them constantly, and this skips hashing.
    ascii_chars: [Value; 128],
    pub empty_tuple: Value,
    pub empty_str: Value,
    /// Python call depth and `sys.getrecursionlimit()`.
    pub depth: Cell<u32>,
    pub recursion_limit: Cell<u32>,
    /// Lowest native stack address Krait may use before raising RecursionError.
    pub stack_limit: Cell<usize>,
    /// The exception being handled (`sys.exc_info()`), or NULL.
    pub handled_exc: Cell<Value>,
    /// Command-line arguments for `sys.argv`.
    pub argv: RefCell<Vec<String>>,
    /// Extra state of subsystems, keyed by name (import machinery, sys streams...).
    pub state: RefCell<hashbrown::HashMap<&'static str, Value>>,
    /// The running Python frames, innermost last (pushed around `eval::run_frame` and
    /// generator resumption): what `globals()`, `locals()`, argument-less `exec` and
    /// `sys._getframe` read.
    pub frames: crate::frame::FrameStack,
    /// The garbage collector's state (`crate::gc`).
    pub gc: crate::gc::GcState,
    /// The tracing JIT's state (`crate::jit`): off unless the command line turns it on.
    pub jit: crate::jit::Jit,
}

impl Vm {
    /// Builds a VM with every builtin class, exception, method and the builtins module.
    pub fn new() -> Box<Vm> {
        let object = alloc_raw_class("object", &[], Layout::Object, class_flags::BASETYPE);
        let type_ = alloc_raw_class("type", &[object], Layout::Type, class_flags::BASETYPE);
        for c in [object, type_] {
            c.obj().class.set(type_);
        }
        let mk = |name: &'static str, base: Value, layout: Layout, flags: u32| {
            let c = alloc_raw_class(name, &[base], layout, flags);
            c.obj().class.set(type_);
            c
        };
        use class_flags::BASETYPE as B;
        let int = mk("int", object, Layout::Int, B);
        let types = Types {
            object,
            type_,
            int,
            bool_: mk("bool", int, Layout::Int, 0),
            float: mk("float", object, Layout::Float, B),
            complex: mk("complex", object, Layout::Complex, B),
            str_: mk("str", object, Layout::Str, B),
            bytes: mk("bytes", object, Layout::Bytes, B),
            bytearray: mk("bytearray", object, Layout::ByteArray, B),
            list: mk("list", object, Layout::List, B),
            tuple: mk("tuple", object, Layout::Tuple, B),
            dict: mk("dict", object, Layout::Dict, B),
            set: mk("set", object, Layout::Set, B),
            frozenset: mk("frozenset", object, Layout::FrozenSet, B),
            range: mk("range", object, Layout::Other, 0),
            slice: mk("slice", object, Layout::Other, 0),
            none_type: mk("NoneType", object, Layout::Other, 0),
            not_implemented_type: mk("NotImplementedType", object, Layout::Other, 0),
            ellipsis_type: mk("ellipsis", object, Layout::Other, 0),
            function: mk("function", object, Layout::Other, class_flags::HAS_DICT),
            builtin_function: mk("builtin_function_or_method", object, Layout::Other, 0),
            method_descriptor: mk("method_descriptor", object, Layout::Other, 0),
            classmethod_descriptor: mk("classmethod_descriptor", object, Layout::Other, 0),
            wrapper_descriptor: mk("wrapper_descriptor", object, Layout::Other, 0),
            method_wrapper: mk("method-wrapper", object, Layout::Other, 0),
            method: mk("method", object, Layout::Other, 0),
            cell: mk("cell", object, Layout::Other, 0),
            code: mk("code", object, Layout::Other, 0),
            module: mk("module", object, Layout::Module, B | class_flags::HAS_DICT),
            generator: mk("generator", object, Layout::Other, 0),
            traceback: mk("traceback", object, Layout::Other, 0),
            property: mk("property", object, Layout::Other, B),
            staticmethod: mk("staticmethod", object, Layout::Other, B | class_flags::HAS_DICT),
            classmethod: mk("classmethod", object, Layout::Other, B | class_flags::HAS_DICT),
            super_: mk("super", object, Layout::Other, B),
        };
        let exc = ExcTypes::build(
            |name, base| mk(name, base, Layout::Exception, B | class_flags::HAS_DICT | class_flags::EXCEPTION),
            object,
        );
        let empty_tuple = heap::alloc(PyObj::new(types.tuple, None, Payload::Tuple(Box::new([]))));
        let empty_str = heap::alloc(PyObj::new(types.str_, None, Payload::Str(PyStr::new("".into()))));
        let mut vm = Box::new(Vm {
            types,
            exc,
            extra_types: hashbrown::HashMap::new(),
            builtins: Value::NULL,
            builtins_dict: Value::NULL,
            modules: Value::NULL,
            sys: Value::NULL,
            interned: hashbrown::HashMap::new(),
            ascii_chars: [Value::NULL; 128],
            empty_tuple,
            empty_str,
            depth: Cell::new(0),
            recursion_limit: Cell::new(1000),
            stack_limit: Cell::new(0),
            handled_exc: Cell::new(Value::NULL),
            argv: RefCell::new(Vec::new()),
            state: RefCell::new(hashbrown::HashMap::new()),
            frames: crate::frame::FrameStack::default(),
            gc: crate::gc::GcState::new(),
            jit: crate::jit::Jit::default(),
        });
        fix_bootstrap_classes(&vm);
        vm.modules = vm.new_dict();
        let bdict = vm.new_dict();
        vm.builtins_dict = bdict;
        let bname = vm.intern("builtins");
        vm.builtins = vm.alloc(vm.types.module, Payload::Module(Box::new(ModuleData { name: bname, dict: bdict })));
        crate::eval::init(&mut vm);
        crate::types::init(&mut vm);
        crate::builtins::init(&mut vm);
        // The bootstrap objects are permanent (see `gc::freeze_boot`).
        crate::gc::freeze_boot(&vm);
        vm
    }

    /// Calls `t.value` on every `Value` the VM itself holds (collector roots; frames are
    /// traced from `frames` by the collector). Destructures `self` exhaustively so that a
    /// new field is a compile error here until it is classified.
    pub(crate) fn trace_roots(&self, t: &mut dyn crate::gc::trace::Tracer) {
        let Vm {
            types,
            exc,
            extra_types,
            builtins,
            builtins_dict,
            modules,
            sys,
            interned,
            // The same objects as `interned` holds.
            ascii_chars: _,
            empty_tuple,
            empty_str,
            depth: _,
            recursion_limit: _,
            stack_limit: _,
            handled_exc,
            argv: _,
            state,
            frames: _,
            gc,
            jit,
        } = self;
        jit.trace_roots(t);
        let Types {
            object,
            type_,
            int,
            bool_,
            float,
            complex,
            str_,
            bytes,
            bytearray,
            list,
            tuple,
            dict,
            set,
            frozenset,
            range,
            slice,
            none_type,
            not_implemented_type,
            ellipsis_type,
            function,
            builtin_function,
            method_descriptor,
            classmethod_descriptor,
            wrapper_descriptor,
            method_wrapper,
            method,
            cell,
            code,
            module,
            generator,
            traceback,
            property,
            staticmethod,
            classmethod,
            super_,
        } = types;
        // Values that seldom change (builtin classes, the builtins...): the collector
        // traces only those that are not permanent, and looks at them again only when one
        // of them changed (`GcState::trace_static`).
        let mut fixed = gc.static_scratch();
        fixed.extend(
            [
                object,
                type_,
                int,
                bool_,
                float,
                complex,
                str_,
                bytes,
                bytearray,
                list,
                tuple,
                dict,
                set,
                frozenset,
                range,
                slice,
                none_type,
                not_implemented_type,
                ellipsis_type,
                function,
                builtin_function,
                method_descriptor,
                classmethod_descriptor,
                wrapper_descriptor,
                method_wrapper,
                method,
                cell,
                code,
                module,
                generator,
                traceback,
                property,
                staticmethod,
                classmethod,
                super_,
                builtins,
                builtins_dict,
                modules,
                sys,
                empty_tuple,
                empty_str,
            ]
            .into_iter()
            .copied()
            .chain(exc.all().into_iter().map(|(_, v)| v)),
        );
        fixed.extend(extra_types.values().copied());
        gc.trace_static(fixed, t);
        // Interned names are made permanent (`GcState::trace_interned`): the table only
        // grows, so it is looked at again only when its length changed.
        gc.trace_interned(interned.len(), interned.values(), t);
        t.value(handled_exc.get());
        for v in state.borrow().values() {
            t.value(*v);
        }
    }

    // ----- allocation -----

    /// Allocates an object of `class`, giving it attribute storage when the class says so.
    pub fn alloc(&self, class: Value, payload: Payload) -> Value {
        let attrs = match class.as_class() {
            Some(c) if c.has_flag(class_flags::HAS_DICT | class_flags::HAS_SLOTS) => Some(Box::new(Attrs::new())),
            _ => None,
        };
        heap::alloc(PyObj::new(class, attrs, payload))
    }

    pub fn new_str(&self, s: &str) -> Value {
        if s.is_empty() {
            return self.empty_str;
        }
        self.alloc(self.types.str_, Payload::Str(PyStr::new(s.into())))
    }

    pub fn new_string(&self, s: String) -> Value {
        if s.is_empty() {
            return self.empty_str;
        }
        self.alloc(self.types.str_, Payload::Str(PyStr::new(s.into_boxed_str())))
    }

    /// The interned str for `s`: one object per distinct identifier, so attribute names
    /// compare by identity.
    pub fn intern(&mut self, s: &str) -> Value {
        if let &[b] = s.as_bytes() {
            if b < 128 {
                return self.ascii_char(b);
            }
        }
        if let Some(&v) = self.interned.get(s) {
            return v;
        }
        let v = if s.is_empty() { self.empty_str } else { self.new_str(s) };
        self.interned.insert(s.into(), v);
        v
    }

    /// The interned one-character str for the ASCII code `b` (< 128).
    #[inline]
    pub fn ascii_char(&mut self, b: u8) -> Value {
        let i = (b & 0x7f) as usize;
        let v = self.ascii_chars[i];
        if !v.is_null() {
            return v;
        }
        let s = char::from(b & 0x7f).to_string();
        let v = match self.interned.get(s.as_str()) {
            Some(&v) => v,
            None => {
                let v = self.new_str(&s);
                self.interned.insert(s.into_boxed_str(), v);
                v
            }
        };
        self.ascii_chars[i] = v;
        v
    }

    /// The interned equivalent of a str value (same object if already interned).
    pub fn intern_value(&mut self, v: Value) -> Value {
        match v.as_rstr() {
            Some(s) => {
                if let Some(&i) = self.interned.get(s) {
                    return i;
                }
                let s: Box<str> = s.into();
                self.interned.insert(s, v);
                v
            }
            None => v,
        }
    }

    pub fn new_int(&self, i: i64) -> Value {
        match Value::small_int(i) {
            Some(v) => v,
            None => self.alloc(self.types.int, Payload::Int(BigInt::from(i))),
        }
    }

    /// An int from a big integer, inline when it fits.
    pub fn new_bigint(&self, i: BigInt) -> Value {
        if let Some(v) = i.to_i64().and_then(Value::small_int) {
            return v;
        }
        self.alloc(self.types.int, Payload::Int(i))
    }

    pub fn new_float(&self, f: f64) -> Value {
        Value::float(f)
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        self.alloc(self.types.list, Payload::List(crate::object::ListData::new(items)))
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        self.alloc(self.types.tuple, Payload::Tuple(items.into_boxed_slice()))
    }

    pub fn new_dict(&self) -> Value {
        self.alloc(self.types.dict, Payload::Dict(RefCell::new(DictData::new())))
    }

    pub fn new_bytes(&self, b: Vec<u8>) -> Value {
        self.alloc(self.types.bytes, Payload::Bytes(b.into_boxed_slice()))
    }

    /// An object of a native class carrying `data`.
    pub fn new_native(&self, class: Value, data: impl NativeData) -> Value {
        self.alloc(class, Payload::Native(Box::new(data)))
    }

    /// The class of a native function object: see `Types::method_descriptor`.
    pub fn native_class(&self, kind: NativeKind, owner: Value, bound: Value, name: &str) -> Value {
        let t = &self.types;
        if owner.as_class().is_none() {
            return t.builtin_function;
        }
        match (kind, bound.is_null()) {
            (NativeKind::Method, true) if self.is_slot_wrapper(owner, name) => t.wrapper_descriptor,
            (NativeKind::Method, true) => t.method_descriptor,
            (NativeKind::Method, false) if self.is_slot_wrapper(owner, name) => t.method_wrapper,
            (NativeKind::ClassMethod, true) => t.classmethod_descriptor,
            _ => t.builtin_function,
        }
    }

    /// Whether the native method `name` of class `owner` stands for one of the type slots
    /// (CPython's "slot wrappers": `__add__`, `__len__`, `__init__`...) rather than being
    /// an ordinary method. A few classes define `__getitem__`/`__contains__` as ordinary
    /// methods too, and CPython then shows those.
    pub fn is_slot_wrapper(&self, owner: Value, name: &str) -> bool {
        const SLOTS: &[&str] = &[
            "__abs__",
            "__add__",
            "__aiter__",
            "__and__",
            "__anext__",
            "__await__",
            "__bool__",
            "__call__",
            "__contains__",
            "__del__",
            "__delattr__",
            "__delete__",
            "__delitem__",
            "__divmod__",
            "__eq__",
            "__float__",
            "__floordiv__",
            "__ge__",
            "__get__",
            "__getattribute__",
            "__getitem__",
            "__gt__",
            "__hash__",
            "__iadd__",
            "__iand__",
            "__ifloordiv__",
            "__ilshift__",
            "__imatmul__",
            "__imod__",
            "__imul__",
            "__index__",
            "__init__",
            "__int__",
            "__invert__",
            "__ior__",
            "__ipow__",
            "__irshift__",
            "__isub__",
            "__iter__",
            "__itruediv__",
            "__ixor__",
            "__le__",
            "__len__",
            "__lshift__",
            "__lt__",
            "__matmul__",
            "__mod__",
            "__mul__",
            "__ne__",
            "__neg__",
            "__next__",
            "__or__",
            "__pos__",
            "__pow__",
            "__radd__",
            "__rand__",
            "__rdivmod__",
            "__repr__",
            "__rfloordiv__",
            "__rlshift__",
            "__rmatmul__",
            "__rmod__",
            "__rmul__",
            "__ror__",
            "__rpow__",
            "__rrshift__",
            "__rshift__",
            "__rsub__",
            "__rtruediv__",
            "__rxor__",
            "__set__",
            "__setattr__",
            "__setitem__",
            "__str__",
            "__sub__",
            "__truediv__",
            "__xor__",
        ];
        if !SLOTS.contains(&name) {
            return false;
        }
        let t = &self.types;
        match name {
            "__getitem__" => !(owner.is(t.dict) || owner.is(t.list)),
            "__contains__" => !(owner.is(t.dict) || owner.is(t.set) || owner.is(t.frozenset)),
            _ => true,
        }
    }

    pub fn new_native_fn(&mut self, name: &'static str, f: NativeFn) -> Value {
        self.alloc(
            self.types.builtin_function,
            Payload::NativeFunction(Box::new(NativeFunction {
                name,
                f,
                kind: NativeKind::Function,
                bound: Value::NULL,
                owner: Value::NULL,
                data: Value::NULL,
            })),
        )
    }

    /// A new module object with an empty namespace holding `__name__`.
    pub fn new_module(&mut self, name: &str) -> Value {
        let d = self.new_dict();
        let n = self.new_str(name);
        let k = self.intern("__name__");
        self.dict_set_str(d, k, n);
        let none_k = self.intern("__doc__");
        self.dict_set_str(d, none_k, Value::NONE);
        self.alloc(self.types.module, Payload::Module(Box::new(ModuleData { name: n, dict: d })))
    }

    /// A builtin class (used by type modules for iterators and other native types). It is
    /// registered in `extra_types` under `name`.
    pub fn new_builtin_class(&mut self, name: &'static str, base: Value, layout: Layout, flags: u32) -> Value {
        let c = alloc_raw_class(name, &[base], layout, flags);
        c.obj().class.set(self.types.type_);
        fix_bootstrap_classes(self);
        self.extra_types.insert(name, c);
        c
    }

    // ----- registering natives on classes and modules -----

    fn add_native(&mut self, owner: Value, name: &'static str, f: NativeFn, kind: NativeKind) -> Value {
        let func = self.alloc(
            self.native_class(kind, owner, Value::NULL, name),
            Payload::NativeFunction(Box::new(NativeFunction {
                name,
                f,
                kind,
                bound: Value::NULL,
                owner,
                data: Value::NULL,
            })),
        );
        // Static methods other than `__new__` sit in the class wrapped in a `staticmethod`,
        // as in CPython (`str.__dict__['maketrans']`).
        let entry = if kind == NativeKind::StaticMethod && name != "__new__" && owner.as_class().is_some() {
            self.alloc(self.types.staticmethod, Payload::StaticMethod(Cell::new(func)))
        } else {
            func
        };
        let key = self.intern(name);
        self.set_class_or_module_attr(owner, key, entry);
        func
    }

    /// `owner.name = value` on a builtin class or a module, without running Python code.
    pub fn set_class_or_module_attr(&mut self, owner: Value, key: Value, value: Value) {
        let d = match &owner.obj().payload {
            Payload::Class(c) => {
                c.version.set(c.version.get() + 1);
                crate::eval::attr::builtin_class_changed();
                c.dict
            }
            Payload::Module(m) => m.dict,
            _ => panic!("set_class_or_module_attr on a non-class, non-module"),
        };
        self.dict_set_str(d, key, value);
    }

    /// A method of a builtin class (`args[0]` is self).
    pub fn add_method(&mut self, class: Value, name: &'static str, f: NativeFn) -> Value {
        self.add_native(class, name, f, NativeKind::Method)
    }

    /// A classmethod of a builtin class (`args[0]` is the class).
    pub fn add_classmethod(&mut self, class: Value, name: &'static str, f: NativeFn) -> Value {
        self.add_native(class, name, f, NativeKind::ClassMethod)
    }

    pub fn add_staticmethod(&mut self, class: Value, name: &'static str, f: NativeFn) -> Value {
        self.add_native(class, name, f, NativeKind::StaticMethod)
    }

    /// A plain function in a module (or the builtins module).
    pub fn add_function(&mut self, module: Value, name: &'static str, f: NativeFn) -> Value {
        self.add_native(module, name, f, NativeKind::Function)
    }

    /// A read-only attribute computed by `f(self)` (a property whose getter is native).
    pub fn add_getter(&mut self, class: Value, name: &'static str, f: NativeFn) {
        self.add_property(class, name, f, None)
    }

    /// A property with a native getter and optional native setter (`f(self, value)`).
    pub fn add_property(&mut self, class: Value, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
        let fget = self.new_native_fn(name, get);
        let fset = match set {
            Some(s) => self.new_native_fn(name, s),
            None => Value::NONE,
        };
        let p = self.alloc(
            self.types.property,
            Payload::Property {
                fget: Cell::new(fget),
                fset: Cell::new(fset),
                fdel: Cell::new(Value::NONE),
                doc: Cell::new(Value::NONE),
            },
        );
        let key = self.intern(name);
        self.set_class_or_module_attr(class, key, p);
    }

    // ----- dicts with str keys (no Python code runs) -----

    /// Hash of a str value (cached in the object).
    pub fn str_hash(&self, s: &PyStr) -> i64 {
        let h = s.hash.get();
        if h != HASH_UNSET {
            return h;
        }
        let h = crate::types::str::hash_str(s.as_str());
        s.hash.set(h);
        h
    }

    pub fn dict_get_str(&self, d: Value, key: Value) -> Option<Value> {
        let s = key.as_pystr().expect("dict_get_str key must be a str");
        let h = self.str_hash(s);
        d.as_dict().expect("dict_get_str on a non-dict").borrow().get_native(key, h)
    }

    pub fn dict_set_str(&self, d: Value, key: Value, value: Value) {
        let s = key.as_pystr().expect("dict_set_str key must be a str");
        let h = self.str_hash(s);
        d.as_dict().expect("dict_set_str on a non-dict").borrow_mut().set_native(key, h, value)
    }

    pub fn dict_del_str(&self, d: Value, key: Value) -> Option<Value> {
        let s = key.as_pystr().expect("dict_del_str key must be a str");
        let h = self.str_hash(s);
        d.as_dict().expect("dict_del_str on a non-dict").borrow_mut().del_native(key, h)
    }

    /// `d[key]` for any key (may run `__hash__`/`__eq__`).
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let cell = d.as_dict().expect("dict_get on a non-dict");
        dict::get(self, cell, key)
    }

    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let cell = d.as_dict().expect("dict_set on a non-dict");
        dict::set(self, cell, key, value)
    }

    // ----- types -----

    /// `type(v)`.
    #[inline]
    pub fn type_of(&self, v: Value) -> Value {
        if v.is_obj() {
            v.obj().class.get()
        } else if v.is_float() {
            self.types.float
        } else if v.is_small_int() {
            self.types.int
        } else {
            match v {
                Value::NONE => self.types.none_type,
                Value::TRUE | Value::FALSE => self.types.bool_,
                Value::NOT_IMPLEMENTED => self.types.not_implemented_type,
                Value::ELLIPSIS => self.types.ellipsis_type,
                _ => panic!("type_of(NULL)"),
            }
        }
    }

    /// The class's `__name__` as a Rust string.
    pub fn class_name(&self, cls: Value) -> String {
        cls.as_class().and_then(|c| c.name.get().as_rstr().map(str::to_owned)).unwrap_or_else(|| "?".into())
    }

    /// `type(v).__name__`, for error messages.
    pub fn type_name(&self, v: Value) -> String {
        self.class_name(self.type_of(v))
    }

    /// `type(v)`'s `tp_name` (see `tp_name`), for the error messages where CPython shows
    /// it rather than the bare name.
    pub fn type_tp_name(&self, v: Value) -> String {
        self.tp_name(self.type_of(v))
    }

    /// CPython's `tp_name` of a class: the name of a class defined in Python or in
    /// `builtins`, or of an exception class; `module.name` for another class a native
    /// module defines (`collections.deque`, `itertools.count`, `_io.StringIO`) or that
    /// stands in for one (`class_flags::NATIVE_NAME`: `datetime.date`).
    pub fn tp_name(&self, cls: Value) -> String {
        let Some(c) = cls.as_class() else { return "?".into() };
        let name = self.class_name(cls);
        // Exception classes of native modules are heap types in CPython too
        // (`PyErr_NewException`): their `tp_name` is the bare name.
        if (c.has_flag(class_flags::HEAPTYPE) && !c.has_flag(class_flags::NATIVE_NAME))
            || c.has_flag(class_flags::EXCEPTION)
        {
            return name;
        }
        let module = self.dict_get_str(c.dict, crate::eval::attr::names().__module__);
        match module.as_ref().and_then(Value::as_rstr) {
            Some(m) if m != "builtins" => format!("{m}.{name}"),
            _ => name,
        }
    }

    /// The type in argument clinic's "f() argument N must be T, not X" messages, which
    /// say `None` (not `NoneType`) for None.
    pub fn arg_type_name(&self, v: Value) -> String {
        if v.is_none() {
            "None".to_owned()
        } else {
            self.type_name(v)
        }
    }

    /// True when `sub` has `sup` in its MRO.
    pub fn is_subclass(&self, sub: Value, sup: Value) -> bool {
        if sub.is(sup) {
            return true;
        }
        match sub.as_class() {
            Some(c) => c.mro.borrow().iter().any(|m| m.is(sup)),
            None => false,
        }
    }

    /// `isinstance(v, cls)` by MRO (no `__instancecheck__`).
    #[inline]
    pub fn isinstance(&self, v: Value, cls: Value) -> bool {
        self.is_subclass(self.type_of(v), cls)
    }

    /// The int value of an int or bool (inline or big), or None for other objects.
    pub fn int_value(&self, v: Value) -> Option<BigInt> {
        if let Some(i) = v.as_small_int() {
            return Some(BigInt::from(i));
        }
        if let Some(b) = v.as_bool() {
            return Some(BigInt::from(b as i64));
        }
        v.as_bigint().cloned()
    }

    // ----- errors -----

    /// An instance of the exception class `cls` with `args`, made without running Python
    /// code (for exceptions raised by the runtime itself).
    pub fn new_exception(&self, cls: Value, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        heap::alloc(PyObj::new(cls, Some(Box::new(Attrs::new())), Payload::Exception(Box::new(ExcData::new(args)))))
    }

    /// An exception of class `cls` with a message, ready to return as `Err`.
    pub fn err(&self, cls: Value, msg: impl Into<String>) -> PyErr {
        let m = self.new_string(msg.into());
        PyErr(self.new_exception(cls, vec![m]))
    }

    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.type_error, msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.value_error, msg)
    }
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.index_error, msg)
    }
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.attribute_error, msg)
    }
    pub fn name_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.name_error, msg)
    }
    pub fn zero_division_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.zero_division_error, msg)
    }
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.overflow_error, msg)
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.runtime_error, msg)
    }
    pub fn not_implemented_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.not_implemented_error, msg)
    }
    pub fn recursion_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.recursion_error, msg)
    }
    pub fn os_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(self.exc.os_error, msg)
    }

    /// `KeyError(key)`.
    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr(self.new_exception(self.exc.key_error, vec![key]))
    }

    /// `StopIteration(value)` (no args when `value` is None, as CPython does).
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        let e = self.new_exception(self.exc.stop_iteration, args);
        let k = self.intern("value");
        if let Some(a) = e.obj().attrs.as_ref() {
            a.set_slot(k, value);
        }
        PyErr(e)
    }

    /// True when the exception `err` is an instance of `cls`.
    pub fn err_matches(&self, err: &PyErr, cls: Value) -> bool {
        self.isinstance(err.0, cls)
    }

    // ----- argument checking for natives -----

    /// Binds `args`/`kwargs` of a native function to `names`; the first `required` are
    /// mandatory, the rest come back NULL when not given. `fname` names the function in
    /// error messages.
    pub fn bind_args<const N: usize>(
        &self,
        fname: &str,
        args: &[Value],
        kwargs: &[(Value, Value)],
        names: [&str; N],
        required: usize,
    ) -> PyResult<[Value; N]> {
        let mut out = [Value::NULL; N];
        if args.len() > N {
            return Err(self.type_error(if required == N {
                format!("{fname}() takes exactly {N} argument{} ({} given)", if N == 1 { "" } else { "s" }, args.len())
            } else {
                format!("{fname}() takes at most {N} argument{} ({} given)", if N == 1 { "" } else { "s" }, args.len())
            }));
        }
        out[..args.len()].copy_from_slice(args);
        for (k, v) in kwargs {
            let kname = k.as_rstr().unwrap_or("");
            match names.iter().position(|n| *n == kname) {
                Some(i) if out[i].is_null() => out[i] = *v,
                Some(_) => {
                    return Err(
                        self.type_error(format!("argument for {fname}() given by name ('{kname}') and position"))
                    )
                }
                None => return Err(self.type_error(format!("{fname}() got an unexpected keyword argument '{kname}'"))),
            }
        }
        for (i, n) in names.iter().enumerate().take(required) {
            if out[i].is_null() {
                return Err(self.type_error(format!("{fname}() missing required argument '{n}' (pos {})", i + 1)));
            }
        }
        Ok(out)
    }

    /// TypeError unless `kwargs` is empty.
    pub fn no_kwargs(&self, fname: &str, kwargs: &[(Value, Value)]) -> PyResult<()> {
        if kwargs.is_empty() {
            Ok(())
        } else {
            Err(self.type_error(format!("{fname}() takes no keyword arguments")))
        }
    }

    // ----- the object protocol (implemented in eval::*) -----

    /// `f(*args, **kwargs)`.
    pub fn call(&mut self, f: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
        crate::eval::call::call(self, f, args, kwargs)
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let m = self.get_attr(obj, n)?;
        self.call(m, args, &[])
    }

    /// `getattr(obj, name)`; `name` is a str (interned or not).
    pub fn get_attr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        crate::eval::attr::get_attr(self, obj, name)
    }

    /// `getattr(obj, name, None)`-like: Ok(None) when AttributeError was raised.
    pub fn get_attr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        crate::eval::attr::get_attr_opt(self, obj, name)
    }

    pub fn set_attr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        crate::eval::attr::set_attr(self, obj, name, value)
    }

    pub fn del_attr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        crate::eval::attr::del_attr(self, obj, name)
    }

    /// Looks `name` up along the MRO of the class `cls` (no descriptor binding).
    pub fn lookup_type(&self, cls: Value, name: Value) -> Option<Value> {
        crate::eval::attr::lookup_type(self, cls, name)
    }

    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        crate::eval::ops::binary_op(self, op, a, b)
    }

    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        crate::eval::ops::inplace_op(self, op, a, b)
    }

    pub fn unary_op(&mut self, op: UnaryOp, a: Value) -> PyResult<Value> {
        crate::eval::ops::unary_op(self, op, a)
    }

    /// A comparison's result as a Python value (rich comparisons may return anything).
    pub fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        crate::eval::ops::compare(self, op, a, b)
    }

    /// `a == b` as a Rust bool (identity implies equality, as in containers).
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(r)
    }

    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        match v {
            Value::TRUE => Ok(true),
            Value::FALSE | Value::NONE => Ok(false),
            _ => crate::eval::ops::truthy(self, v),
        }
    }

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if let Some(s) = v.as_pystr() {
            if v.obj().class.get().is(self.types.str_) {
                return Ok(self.str_hash(s));
            }
        }
        crate::eval::ops::hash(self, v)
    }

    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        crate::eval::ops::repr(self, v)
    }

    /// `str(v)` as a str value.
    pub fn str(&mut self, v: Value) -> PyResult<Value> {
        if v.is_obj() && v.obj().class.get().is(self.types.str_) {
            return Ok(v);
        }
        crate::eval::ops::str(self, v)
    }

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.as_rstr().unwrap_or("").to_owned())
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(r.as_rstr().unwrap_or("").to_owned())
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        crate::eval::ops::format(self, v, spec)
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        crate::eval::ops::iter(self, v)
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        crate::eval::ops::next(self, it)
    }

    /// All items of an iterable.
    pub fn collect(&mut self, iterable: Value) -> PyResult<Vec<Value>> {
        if let Some(t) = iterable.as_tuple() {
            if iterable.obj().class.get().is(self.types.tuple) {
                return Ok(t.to_vec());
            }
        }
        if let Some(l) = iterable.as_list() {
            if iterable.obj().class.get().is(self.types.list) {
                return Ok(l.borrow().clone());
            }
        }
        let it = self.iter(iterable)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(it)? {
            out.push(v);
        }
        Ok(out)
    }

    pub fn get_item(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        crate::eval::ops::get_item(self, obj, key)
    }

    pub fn set_item(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        crate::eval::ops::set_item(self, obj, key, value)
    }

    pub fn del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        crate::eval::ops::del_item(self, obj, key)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        crate::eval::ops::len(self, v)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        crate::eval::ops::contains(self, container, item)
    }

    /// `operator.index(v)` as an i64 (OverflowError when it does not fit).
    pub fn to_index(&mut self, v: Value) -> PyResult<i64> {
        if let Some(i) = v.as_small_int() {
            return Ok(i);
        }
        crate::types::int::to_index(self, v)
    }

    /// `float(v)` semantics for numeric arguments (`__float__`, `__index__`).
    pub fn to_f64(&mut self, v: Value) -> PyResult<f64> {
        if let Some(f) = v.as_float() {
            return Ok(f);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i as f64);
        }
        crate::types::float::to_f64(self, v)
    }
}

/// Creates a class object with no class pointer yet (bootstrap of `type`/`object`).
fn alloc_raw_class(name: &'static str, bases: &[Value], layout: Layout, flags: u32) -> Value {
    let dict = heap::alloc(PyObj::new(Value::NULL, None, Payload::Dict(RefCell::new(DictData::new()))));
    let name_v = heap::alloc(PyObj::new(Value::NULL, None, Payload::Str(PyStr::new(name.into()))));
    let cls = heap::alloc(PyObj::new(
        Value::NULL,
        None,
        Payload::Class(Box::new(ClassData {
            name: Cell::new(name_v),
            qualname: Cell::new(name_v),
            bases: RefCell::new(bases.to_vec()),
            mro: RefCell::new(Vec::new()),
            dict,
            version: Cell::new(0),
            layout,
            flags: Cell::new(flags),
            slots: RefCell::new(None),
            subclasses: RefCell::new(Vec::new()),
        })),
    ));
    let mut mro = vec![cls];
    if let Some(b) = bases.first() {
        b.as_class().expect("base is a class").subclasses.borrow_mut().push(cls);
        mro.extend(b.as_class().expect("base is a class").mro.borrow().iter().copied());
    }
    *cls.as_class().unwrap().mro.borrow_mut() = mro;
    // Fix up the class pointers of the dict and name once `dict`/`str` exist: done lazily
    // by `fix_bootstrap_classes`.
    BOOT_OBJECTS.with(|b| b.borrow_mut().extend([dict, name_v]));
    cls
}

thread_local! {
    static BOOT_OBJECTS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Gives the dicts and names made during bootstrap their classes (`dict`, `str`).
pub fn fix_bootstrap_classes(vm: &Vm) {
    BOOT_OBJECTS.with(|b| {
        for v in b.borrow_mut().drain(..) {
            let o = v.obj();
            if o.class.get().is_null() {
                match o.payload {
                    Payload::Dict(_) => o.class.set(vm.types.dict),
                    Payload::Str(_) => o.class.set(vm.types.str_),
                    _ => {}
                }
            }
        }
    });
}

/// Runs `f` with a reference to a class's namespace dict data.
pub fn class_dict(cls: Value) -> Value {
    cls.as_class().expect("class_dict on a non-class").dict
}

/// Shared handle type for code objects.
pub type CodeRef = Rc<crate::cfg::Code>;
