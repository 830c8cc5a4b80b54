//! Struct sequences of native modules (`time.struct_time`, `os.stat_result`,
//! `os.terminal_size`...): tuples whose items also have names, as CPython's
//! `PyStructSequence`.
//!
//! An instance is a tuple (of a `tuple` subclass) holding the *sequence* fields; the
//! further named fields that are not part of the sequence (`st_atime` as a float,
//! `tm_zone`) are instance attributes. Sequence fields may be unnamed (`os.stat_result`'s
//! integer times at 7..9), exactly as in CPython, where the repr then shows the names of
//! the following members.

use crate::object::{class_flags, Layout, Payload};
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

use super::{new_class, set};

/// Describes a struct-sequence type.
pub struct Spec {
    pub module: &'static str,
    pub name: &'static str,
    /// Names of the sequence fields; "" for an unnamed one.
    pub fields: &'static [&'static str],
    /// Names of the fields past the sequence (instance attributes).
    pub extra: &'static [&'static str],
}

macro_rules! field_getters {
    ($($i:literal),*) => {
        /// `GETTERS[i]` returns item `i` of the struct sequence it is called on.
        const GETTERS: &[NativeFn] = &[$({
            fn get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                match args.first().and_then(|v| v.as_tuple()).and_then(|t| t.get($i)) {
                    Some(v) => Ok(*v),
                    None => Err(vm.type_error("descriptor requires a struct sequence object")),
                }
            }
            get
        }),*];
    };
}

field_getters!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);

/// The class for `spec`, made once per VM (kept in `vm.state`).
pub fn class(vm: &mut Vm, spec: &'static Spec) -> Value {
    let key: &'static str = state_key(spec);
    if let Some(&c) = vm.state.borrow().get(key) {
        return c;
    }
    let cls = new_class(vm, spec.module, spec.name, vm.types.tuple, Layout::Tuple, class_flags::HAS_DICT);
    for (i, f) in spec.fields.iter().enumerate() {
        if !f.is_empty() {
            vm.add_getter(cls, f, GETTERS[i]);
        }
    }
    let names: Vec<Value> = spec.fields.iter().filter(|f| !f.is_empty()).map(|f| vm.intern(f)).collect();
    let t = vm.new_tuple(names);
    set(vm, cls, "__match_args__", t);
    let nseq = spec.fields.len() as i64;
    let unnamed = spec.fields.iter().filter(|f| f.is_empty()).count() as i64;
    let nf = vm.new_int(nseq + spec.extra.len() as i64);
    set(vm, cls, "n_fields", nf);
    let ns = vm.new_int(nseq);
    set(vm, cls, "n_sequence_fields", ns);
    let nu = vm.new_int(unnamed);
    set(vm, cls, "n_unnamed_fields", nu);
    vm.add_staticmethod(cls, "__new__", structseq_new);
    vm.add_method(cls, "__repr__", structseq_repr);
    vm.add_method(cls, "__reduce__", structseq_reduce);
    vm.state.borrow_mut().insert(key, cls);
    SPECS.with(|s| s.borrow_mut().push((cls.bits(), spec)));
    cls
}

fn state_key(spec: &'static Spec) -> &'static str {
    // One leaked string per struct-sequence type, made once.
    thread_local! {
        static KEYS: std::cell::RefCell<Vec<(usize, &'static str)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let addr = spec as *const Spec as usize;
    KEYS.with(|k| {
        if let Some((_, s)) = k.borrow().iter().find(|(a, _)| *a == addr) {
            return *s;
        }
        let s: &'static str = Box::leak(format!("structseq.{}.{}", spec.module, spec.name).into_boxed_str());
        k.borrow_mut().push((addr, s));
        s
    })
}

thread_local! {
    /// Class (by address; classes live as long as `vm.state` holds them) to its spec.
    static SPECS: std::cell::RefCell<Vec<(u64, &'static Spec)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn spec_of(vm: &Vm, cls: Value) -> Option<&'static Spec> {
    let mro = cls.as_class()?.mro.borrow().clone();
    let _ = vm;
    SPECS.with(|s| {
        let s = s.borrow();
        mro.iter().find_map(|c| s.iter().find(|(b, _)| *b == c.bits()).map(|(_, sp)| *sp))
    })
}

/// A new instance: `seq` holds the sequence fields, `extra` the others (None when absent).
pub fn new(vm: &mut Vm, spec: &'static Spec, seq: Vec<Value>, extra: Vec<Value>) -> Value {
    let cls = class(vm, spec);
    make(vm, cls, spec, seq, extra)
}

fn make(vm: &mut Vm, cls: Value, spec: &'static Spec, seq: Vec<Value>, extra: Vec<Value>) -> Value {
    let v = vm.alloc(cls, Payload::Tuple(seq.into_boxed_slice()));
    for (i, name) in spec.extra.iter().enumerate() {
        let val = extra.get(i).copied().unwrap_or(Value::NONE);
        let k = vm.intern(name);
        if let Some(a) = v.obj().attrs.as_ref() {
            a.set_slot(k, val);
        }
    }
    v
}

/// `T(sequence, dict=None)`.
fn structseq_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("structseq.__new__(): not enough arguments"));
    };
    let Some(spec) = spec_of(vm, cls) else {
        return Err(vm.type_error("structseq.__new__(X): X is not a struct sequence type"));
    };
    let [seq, dict] = vm.bind_args(spec.name, &args[1..], kw, ["sequence", "dict"], 1)?;
    let items = vm.collect(seq)?;
    let min = spec.fields.len();
    let max = min + spec.extra.len();
    let qual = format!("{}.{}", spec.module, spec.name);
    let n = items.len();
    if n < min {
        return Err(if min == max {
            vm.type_error(format!("{qual}() takes a {min}-sequence ({n}-sequence given)"))
        } else {
            vm.type_error(format!("{qual}() takes an at least {min}-sequence ({n}-sequence given)"))
        });
    }
    if n > max {
        return Err(if min == max {
            vm.type_error(format!("{qual}() takes a {min}-sequence ({n}-sequence given)"))
        } else {
            vm.type_error(format!("{qual}() takes an at most {max}-sequence ({n}-sequence given)"))
        });
    }
    let mut extra: Vec<Value> = items[min..].to_vec();
    for name in &spec.extra[extra.len()..] {
        let mut v = Value::NONE;
        if !dict.is_null() && !dict.is_none() {
            let k = vm.new_str(name);
            if let Ok(x) = vm.get_item(dict, k) {
                v = x;
            }
        }
        extra.push(v);
    }
    let seq_items = items[..min].to_vec();
    Ok(make(vm, cls, spec, seq_items, extra))
}

fn structseq_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__repr__ needs an argument"));
    };
    let cls = vm.type_of(this);
    let Some(spec) = spec_of(vm, cls) else {
        return Err(vm.type_error("__repr__ of a non-struct-sequence"));
    };
    let items = this.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    // Member names skip the unnamed fields, so the names shown run ahead of the values.
    let names: Vec<&str> = spec.fields.iter().chain(spec.extra.iter()).filter(|f| !f.is_empty()).copied().collect();
    let mut out = format!("{}.{}(", spec.module, spec.name);
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr_string(*v)?;
        out.push_str(names.get(i).copied().unwrap_or("?"));
        out.push('=');
        out.push_str(&r);
    }
    out.push(')');
    Ok(vm.new_string(out))
}

fn structseq_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__reduce__ needs an argument"));
    };
    let cls = vm.type_of(this);
    let spec = spec_of(vm, cls);
    let items = this.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let t = vm.new_tuple(items);
    let d = vm.new_dict();
    if let Some(spec) = spec {
        for name in spec.extra {
            let k = vm.intern(name);
            if let Some(v) = vm.get_attr_opt(this, k)? {
                vm.dict_set_str(d, k, v);
            }
        }
    }
    let inner = vm.new_tuple(vec![t, d]);
    Ok(vm.new_tuple(vec![cls, inner]))
}
