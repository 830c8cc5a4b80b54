//! Support for the criterion benchmarks in `benches/interp.rs`: a Krait VM with a module
//! namespace, Python source compiled and run once into it, and lookups of what it defined.
//!
//! The hot paths are timed two ways: Python functions (compiled once, called with a work
//! size, so the eval loop's dispatch, attribute, dict, call and allocation paths run as
//! they do in a program) and direct calls of krait-interp's public API (`Vm::dict_get`,
//! `Vm::get_attr`, `Vm::call`, `Vm::new_list`, ...), which time one operation without the
//! eval loop around it.

use std::rc::Rc;

use krait_interp::cfg::Source;
use krait_interp::lower::Mode;
use krait_interp::object::Payload;
use krait_interp::{Value, Vm};

/// A VM and the namespace (`globals`) of one module that benchmark code runs in.
///
/// The collector is non-moving and scans the native stack conservatively, so `Value`s
/// held in Rust locals stay alive; long-lived values are kept in `globals`.
pub struct Session {
    pub vm: Box<Vm>,
    pub globals: Value,
}

impl Session {
    /// A fresh VM and an empty `__main__`-like module named `bench`.
    ///
    /// krait-interp's collector runs only while one VM exists on the thread, so create one
    /// `Session` at a time.
    pub fn new() -> Session {
        let mut vm = Vm::new();
        let module = vm.new_module("bench");
        let globals = match module.as_obj().map(|o| &o.payload) {
            Some(Payload::Module(m)) => m.dict,
            _ => panic!("Vm::new_module did not return a module"),
        };
        let key = vm.intern("__builtins__");
        let builtins = vm.builtins;
        vm.dict_set_str(globals, key, builtins);
        Session { vm, globals }
    }

    /// Compiles `source` once and runs it in the module's namespace.
    pub fn exec(&mut self, source: &str) -> Result<(), String> {
        let src = Rc::new(Source::new("<bench>".to_string(), source.to_string()));
        let vm = &mut *self.vm;
        let code = match krait_interp::lower::compile(vm, src, Mode::Exec) {
            Ok(c) => c,
            Err(e) => return Err(krait_interp::eval::traceback::format_exception(vm, e.0)),
        };
        match krait_interp::eval::run_code_toplevel(vm, code, self.globals, Value::NULL) {
            Ok(_) => Ok(()),
            Err(e) => Err(krait_interp::eval::traceback::format_exception(vm, e.0)),
        }
    }

    /// A global the executed source defined.
    pub fn global(&mut self, name: &str) -> Value {
        let key = self.vm.intern(name);
        match self.vm.dict_get_str(self.globals, key) {
            Some(v) => v,
            None => panic!("the benchmark source defines no global {name:?}"),
        }
    }

    /// `f(*args)`, panicking with the Python traceback if it raises (a benchmark whose
    /// code fails has nothing to measure).
    pub fn call(&mut self, f: Value, args: &[Value]) -> Value {
        match self.vm.call(f, args, &[]) {
            Ok(v) => v,
            Err(e) => {
                let text = krait_interp::eval::traceback::format_exception(&mut self.vm, e.0);
                panic!("benchmark code raised:\n{text}")
            }
        }
    }

    /// A small int as a Python value.
    pub fn int(&self, i: i64) -> Value {
        self.vm.new_int(i)
    }

    /// The value of a Python int (panics for anything else).
    pub fn to_i64(&self, v: Value) -> i64 {
        match v.as_small_int() {
            Some(i) => i,
            None => panic!("expected a small int, got a {}", self.vm.type_name(v)),
        }
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// The Python side of the benchmarks: one function per hot path, each taking the number
/// of operations to do, so a benchmark's throughput is that count per call. Each returns
/// a value that depends on all its work (checked by the tests against CPython's answer).
pub const PYTHON: &str = r#"
def dispatch(n):
    # cheap integer statements on locals: the eval loop's dispatch
    i = 0
    a = 1
    b = 0
    while i < n:
        a = (a + i) & 0xFFFF
        if a & 1:
            b ^= a
        else:
            b += 1
        i += 1
    return b

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y

class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

def attr_load(p, n):
    # instance attribute loads (hidden-class slots) and a class attribute
    s = 0
    for i in range(n):
        s += p.x + p.y + p.z
    return s

def attr_store(p, n):
    for i in range(n):
        p.x = i
        p.y = i
    return p.x + p.y

def dict_get_set(n):
    # int keys, then str keys, in a dict of 1024 entries
    d = {}
    for i in range(n):
        d[i & 1023] = i
    s = 0
    for i in range(n):
        s += d[i & 1023]
    return s

KEYS = ["k%d" % i for i in range(64)]

def dict_str_keys(n):
    d = {}
    keys = KEYS
    for i in range(n):
        k = keys[i & 63]
        d[k] = d.get(k, 0) + 1
    return len(d) + d["k0"]

def leaf(a, b):
    return a

def call_function(n):
    s = 0
    for i in range(n):
        s += leaf(i, n)
    return s

def call_method(p, n):
    s = 0
    for i in range(n):
        s += p.total()
    return s

def call_kwargs(n):
    s = 0
    for i in range(n):
        s += leaf(b=n, a=i)
    return s

def alloc(n):
    # a list, a tuple and an instance per iteration, all garbage at once
    last = None
    for i in range(n):
        last = Point(i, (i, [i]))
    return last.x

def alloc_float(n):
    # floats are inline values: the loop allocates nothing
    x = 0.0
    for i in range(n):
        x = x * 0.5 + 1.0
    return int(x)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    /// The answers CPython 3.11 gives for the same calls in the same order (attr_store
    /// changes P before call_method reads it).
    #[test]
    fn python_side_matches_cpython() {
        let mut s = Session::new();
        s.exec(PYTHON).unwrap();
        s.exec("P = Point3(1, 2, 3)").unwrap();
        let p = s.global("P");
        let cases: &[(&str, bool, i64, i64)] = &[
            ("dispatch", false, 1000, 29260),
            ("attr_load", true, 1000, 6000),
            ("attr_store", true, 1000, 1998),
            ("dict_get_set", false, 2048, 3144704),
            ("dict_str_keys", false, 1000, 80),
            ("call_function", false, 1000, 499500),
            ("call_method", true, 1000, 1998000),
            ("call_kwargs", false, 1000, 499500),
            ("alloc", false, 1000, 999),
            ("alloc_float", false, 1000, 2),
        ];
        for &(name, with_p, n, want) in cases {
            let f = s.global(name);
            let n = s.int(n);
            let r = if with_p { s.call(f, &[p, n]) } else { s.call(f, &[n]) };
            assert_eq!(s.to_i64(r), want, "{name}");
        }
    }

    #[test]
    fn errors_come_back_as_tracebacks() {
        let mut s = Session::new();
        let e = s.exec("1/0").unwrap_err();
        assert!(e.contains("ZeroDivisionError"), "{e}");
        let e = s.exec("def f(:\n  pass").unwrap_err();
        assert!(e.contains("SyntaxError"), "{e}");
    }
}
