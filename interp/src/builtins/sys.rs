//! The `sys` module.
//!
//! Most of it is data fixed at start-up. The parts the command line decides (`argv`,
//! `path`, `flags`) are filled in by `configure`, which the `krait` binary calls once it
//! has parsed its options; until then they hold what an embedding program would expect
//! (empty `argv`, `PYTHONPATH` on `path`).
//!
//! `version_info`, `float_info`, `flags`... are CPython "struct sequences": tuples with
//! named fields. Here they are instances of `tuple` subclasses whose field getters are
//! generated index accessors (`FIELD_GETTERS`), so indexing, slicing and comparison are
//! plain tuple behaviour.

use crate::cfg::CmpOp;
use crate::object::{class_flags, Layout, Payload};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// What the command line decides about `sys`.
#[derive(Clone, Debug, Default)]
pub struct SysConfig {
    pub argv: Vec<String>,
    pub orig_argv: Vec<String>,
    /// `sys.path[0]`: the script's directory, '' for `-c`/stdin/interactive, the current
    /// directory for `-m`; None to leave it out (`-P`/embedding).
    pub path0: Option<String>,
    /// `-E`/`-I`: ignore `PYTHON*` environment variables.
    pub ignore_environment: bool,
    pub isolated: bool,
    pub dont_write_bytecode: bool,
    pub optimize: u32,
    pub inspect: bool,
    pub interactive: bool,
    pub quiet: bool,
    pub verbose: u32,
    pub no_user_site: bool,
    pub no_site: bool,
    pub safe_path: bool,
    pub unbuffered: bool,
    pub xoptions: Vec<String>,
    pub warnoptions: Vec<String>,
}

/// `sys.version`, in the layout `platform` parses (`VERSION (BUILD) [COMPILER]`).
pub const VERSION: &str = "3.11.0 (krait) [Krait 0.1.0]";

/// Names of the struct-sequence types made here, with their fields.
const FLAG_FIELDS: [&str; 18] = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
];

pub fn init(vm: &mut Vm, streams: (Value, Value, Value)) -> Value {
    let sys = vm.new_module("sys");
    vm.sys = sys;
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let k = vm.intern(name);
        vm.set_class_or_module_attr(sys, k, v);
    };
    // Registered first so that importing works from the start.
    let ksys = vm.intern("sys");
    vm.dict_set_str(vm.modules, ksys, sys);
    let kb = vm.intern("builtins");
    vm.dict_set_str(vm.modules, kb, vm.builtins);

    set(vm, "modules", vm.modules);
    let (stdin, stdout, stderr) = streams;
    for (name, v) in [
        ("stdin", stdin),
        ("stdout", stdout),
        ("stderr", stderr),
        ("__stdin__", stdin),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
    ] {
        set(vm, name, v);
    }
    let s = vm.new_str(VERSION);
    set(vm, "version", s);
    let vinfo = version_info(vm, 3, 11, 0, "final", 0);
    set(vm, "version_info", vinfo);
    set(vm, "hexversion", Value::small_int(0x030B_00F0).unwrap_or(Value::NONE));
    set(vm, "api_version", Value::small_int(1013).unwrap_or(Value::NONE));
    let implementation = implementation(vm);
    set(vm, "implementation", implementation);
    for (name, v) in [
        ("platform", "linux"),
        ("byteorder", if cfg!(target_endian = "little") { "little" } else { "big" }),
        ("float_repr_style", "short"),
        ("abiflags", ""),
        ("platlibdir", "lib"),
        ("prefix", "/usr/local"),
        ("base_prefix", "/usr/local"),
        ("exec_prefix", "/usr/local"),
        ("base_exec_prefix", "/usr/local"),
        (
            "copyright",
            "Copyright (c) 2001-2022 Python Software Foundation.\nAll Rights Reserved.\n\nKrait: a Python 3.11 implementation in Rust.",
        ),
    ] {
        let s = vm.new_str(v);
        set(vm, name, s);
    }
    let exe = std::env::current_exe().ok().and_then(|p| p.to_str().map(str::to_owned)).unwrap_or_default();
    let exe = vm.new_string(exe);
    set(vm, "executable", exe);
    set(vm, "_base_executable", exe);
    let maxsize = vm.new_int(i64::MAX);
    set(vm, "maxsize", maxsize);
    set(vm, "maxunicode", Value::small_int(0x10FFFF).unwrap_or(Value::NONE));
    set(vm, "pycache_prefix", Value::NONE);
    set(vm, "dont_write_bytecode", Value::FALSE);

    let float_info = float_info(vm);
    set(vm, "float_info", float_info);
    let int_info = struct_seq(
        vm,
        "int_info",
        &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
        vec![
            Value::small_int(30).unwrap_or(Value::NONE),
            Value::small_int(4).unwrap_or(Value::NONE),
            int(vm, 4300),
            int(vm, 640),
        ],
    );
    set(vm, "int_info", int_info);
    let hash_info = hash_info(vm);
    set(vm, "hash_info", hash_info);
    let thread_info = {
        let vals = vec![vm.new_str("pthread"), Value::NONE, Value::NONE];
        struct_seq(vm, "thread_info", &["name", "lock", "version"], vals)
    };
    set(vm, "thread_info", thread_info);

    let names = vec![vm.new_str("builtins"), vm.new_str("sys")];
    let t = vm.new_tuple(names);
    set(vm, "builtin_module_names", t);
    for name in ["meta_path", "path_hooks", "warnoptions", "argv", "orig_argv"] {
        let l = vm.new_list(Vec::new());
        set(vm, name, l);
    }
    let d = vm.new_dict();
    set(vm, "path_importer_cache", d);
    let d = vm.new_dict();
    set(vm, "_xoptions", d);

    for (name, f) in [
        ("exit", sys_exit as crate::vm::NativeFn),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("get_asyncgen_hooks", sys_get_asyncgen_hooks),
        ("set_asyncgen_hooks", sys_set_asyncgen_hooks),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("getsizeof", sys_getsizeof),
        ("intern", sys_intern),
        ("displayhook", sys_displayhook),
        ("excepthook", sys_excepthook),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getdefaultencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("getrefcount", sys_getrefcount),
        ("settrace", sys_settrace),
        ("setprofile", sys_settrace),
        ("gettrace", sys_gettrace),
        ("getprofile", sys_gettrace),
        ("audit", sys_audit),
        ("addaudithook", sys_audit),
        ("is_finalizing", sys_is_finalizing),
        ("getswitchinterval", sys_getswitchinterval),
        ("setswitchinterval", sys_setswitchinterval),
        ("_getframe", sys_getframe),
        ("getallocatedblocks", sys_getallocatedblocks),
        ("call_tracing", sys_call_tracing),
    ] {
        vm.add_function(sys, name, f);
    }
    // `sys.__displayhook__` and `sys.__excepthook__` keep the originals.
    for (orig, alias) in [("displayhook", "__displayhook__"), ("excepthook", "__excepthook__")] {
        let k = vm.intern(orig);
        if let Some(f) = vm.dict_get_str(module_dict(sys), k) {
            set(vm, alias, f);
        }
    }
    configure(vm, &SysConfig::default());
    sys
}

/// Applies the command line's decisions (`argv`, `path`, `flags`...). Safe to call again.
pub fn configure(vm: &mut Vm, cfg: &SysConfig) {
    let sys = vm.sys;
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let k = vm.intern(name);
        vm.set_class_or_module_attr(sys, k, v);
    };
    *vm.argv.borrow_mut() = cfg.argv.clone();
    let argv: Vec<Value> = cfg.argv.iter().map(|a| vm.new_str(a)).collect();
    let l = vm.new_list(argv);
    set(vm, "argv", l);
    let orig: Vec<Value> = cfg.orig_argv.iter().map(|a| vm.new_str(a)).collect();
    let l = vm.new_list(orig);
    set(vm, "orig_argv", l);

    let mut path = Vec::new();
    if let Some(p0) = &cfg.path0 {
        path.push(vm.new_str(p0));
    }
    if !cfg.ignore_environment && !cfg.isolated {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            for p in pp.split(':').filter(|p| !p.is_empty()) {
                path.push(vm.new_str(p));
            }
        }
    }
    if let Some(dir) = stdlib_dir() {
        path.push(vm.new_str(dir));
    }
    let l = vm.new_list(path);
    set(vm, "path", l);

    let max_str_digits = max_str_digits_option(cfg);
    if let Some(n) = max_str_digits {
        crate::types::int::set_int_max_str_digits(vm, n);
    }
    let b = |x: bool| Value::small_int(x as i64).unwrap_or(Value::NONE);
    let dwb = cfg.dont_write_bytecode
        || (!cfg.ignore_environment && std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty()));
    let vals = vec![
        b(false),
        b(cfg.inspect),
        b(cfg.interactive),
        Value::small_int(cfg.optimize as i64).unwrap_or(Value::NONE),
        b(dwb),
        b(cfg.no_user_site),
        b(cfg.no_site),
        b(cfg.ignore_environment),
        Value::small_int(cfg.verbose as i64).unwrap_or(Value::NONE),
        b(false),
        b(cfg.quiet),
        b(true),
        b(cfg.isolated),
        Value::FALSE,
        b(false),
        b(false),
        Value::bool(cfg.safe_path),
        Value::small_int(max_str_digits.map_or(-1, |n| n as i64)).unwrap_or(Value::NONE),
    ];
    let flags = struct_seq(vm, "flags", &FLAG_FIELDS, vals);
    set(vm, "flags", flags);
    set(vm, "dont_write_bytecode", Value::bool(dwb));

    let x = vm.new_dict();
    for opt in &cfg.xoptions {
        let (k, v) = match opt.split_once('=') {
            Some((k, v)) => (vm.new_str(k), vm.new_str(v)),
            None => (vm.new_str(opt), Value::TRUE),
        };
        vm.dict_set_str(x, k, v);
    }
    set(vm, "_xoptions", x);
    let w: Vec<Value> = cfg.warnoptions.iter().map(|a| vm.new_str(a)).collect();
    let l = vm.new_list(w);
    set(vm, "warnoptions", l);
    let env_set = |name: &str| !cfg.ignore_environment && std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if cfg.unbuffered || env_set("PYTHONUNBUFFERED") {
        super::io::set_unbuffered(vm);
    }
}

// ----- where the pure-Python standard library lives -----

/// The CPython version whose pure-Python library Krait runs.
const STDLIB_VERSION: &str = "3.11";

/// The directory of the pure-Python standard library, found once per process:
/// `KRAIT_STDLIB` if set, else `/usr/lib/python3.11` or `/usr/local/lib/python3.11` when it
/// holds `os.py`, else what an installed `python3.11` (or a `python3` that is 3.11) says (asked once, then remembered in
/// `$XDG_CACHE_HOME/krait/stdlib-path` or `~/.cache/krait/stdlib-path`). None when no
/// library was found; importing a missing module then says what was searched.
pub fn stdlib_dir() -> Option<&'static str> {
    static DIR: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    DIR.get_or_init(find_stdlib).as_deref()
}

fn is_stdlib(dir: &std::path::Path) -> bool {
    dir.join("os.py").is_file()
}

fn find_stdlib() -> Option<String> {
    if let Some(d) = std::env::var_os("KRAIT_STDLIB").filter(|d| !d.is_empty()) {
        // An explicit setting wins even when wrong: the import error then names it.
        return Some(d.to_string_lossy().into_owned());
    }
    for prefix in ["/usr/lib", "/usr/local/lib"] {
        let system = format!("{prefix}/python{STDLIB_VERSION}");
        if is_stdlib(std::path::Path::new(&system)) {
            return Some(system);
        }
    }
    let cache = stdlib_cache_file();
    if let Some(c) = &cache {
        if let Ok(text) = std::fs::read_to_string(c) {
            let d = text.trim();
            if !d.is_empty() && is_stdlib(std::path::Path::new(d)) {
                return Some(d.to_owned());
            }
        }
    }
    let d = ["python3.11", "python3"].into_iter().find_map(ask_python_for_stdlib)?;
    if let Some(c) = cache {
        if let Some(parent) = c.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&c, format!("{d}\n"));
    }
    Some(d)
}

/// Asks an installed CPython where its library is; only a 3.11 answer counts.
fn ask_python_for_stdlib(exe: &str) -> Option<String> {
    let (major, minor) = STDLIB_VERSION.split_once('.')?;
    let script = format!(
        "import os, sys; print(os.path.dirname(os.__file__) if sys.version_info[:2] == ({major}, {minor}) else '')"
    );
    let out = std::process::Command::new(exe)
        .args(["-E", "-S", "-c", &script])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let d = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (out.status.success() && !d.is_empty() && is_stdlib(std::path::Path::new(&d))).then_some(d)
}

fn stdlib_cache_file() -> Option<std::path::PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(x) => std::path::PathBuf::from(x),
        None => std::path::PathBuf::from(std::env::var_os("HOME").filter(|v| !v.is_empty())?).join(".cache"),
    };
    Some(base.join("krait").join("stdlib-path"))
}

/// What to tell a user whose import failed when no standard library was found (printed
/// once), or None when one was found.
pub fn missing_stdlib_note() -> Option<String> {
    if let Some(d) = stdlib_dir() {
        if is_stdlib(std::path::Path::new(d)) {
            return None;
        }
        return Some(format!(
            "krait: KRAIT_STDLIB={d} does not hold a Python {STDLIB_VERSION} standard library (no os.py there); \
             point it at the directory that holds CPython {STDLIB_VERSION}'s os.py, or unset it"
        ));
    }
    Some(format!(
        "krait: no Python {STDLIB_VERSION} standard library found (searched $KRAIT_STDLIB, /usr/lib/python{STDLIB_VERSION}, \
         /usr/local/lib/python{STDLIB_VERSION}, the cached answer in {}, and `python{STDLIB_VERSION}`/`python3` on PATH); \
         set KRAIT_STDLIB to the directory that holds CPython {STDLIB_VERSION}'s os.py",
        stdlib_cache_file().map_or_else(|| "~/.cache/krait/stdlib-path".to_owned(), |p| p.display().to_string())
    ))
}

/// The `-X int_max_str_digits=N` / `PYTHONINTMAXSTRDIGITS` setting, if any and valid.
fn max_str_digits_option(cfg: &SysConfig) -> Option<usize> {
    let from_x = cfg.xoptions.iter().rev().find_map(|o| o.strip_prefix("int_max_str_digits=").map(str::to_owned));
    let from_env = if cfg.ignore_environment { None } else { std::env::var("PYTHONINTMAXSTRDIGITS").ok() };
    let n: usize = from_x.or(from_env)?.trim().parse().ok()?;
    (n == 0 || n >= 640).then_some(n)
}

fn module_dict(m: Value) -> Value {
    match &m.obj().payload {
        Payload::Module(md) => md.dict,
        _ => Value::NULL,
    }
}

fn int(vm: &Vm, i: i64) -> Value {
    vm.new_int(i)
}

// ----- struct sequences -----

macro_rules! field_getters {
    ($($i:literal),*) => {
        /// `FIELD_GETTERS[i]` returns item `i` of the struct sequence it is called on.
        const FIELD_GETTERS: &[crate::vm::NativeFn] = &[$({
            fn get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                field(vm, args, $i)
            }
            get
        }),*];
    };
}

field_getters!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);

fn field(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Value> {
    match args.first().and_then(|v| v.as_tuple()).and_then(|t| t.get(i)) {
        Some(v) => Ok(*v),
        None => Err(vm.type_error("descriptor requires a struct sequence object")),
    }
}

/// A struct-sequence type `sys.<name>` with `fields`, made once per name.
fn struct_seq_type(vm: &mut Vm, name: &'static str, fields: &[&'static str]) -> Value {
    let key: &'static str = Box::leak(format!("sys.{name}").into_boxed_str());
    if let Some(&t) = vm.state.borrow().get(key) {
        return t;
    }
    let cls = vm.new_builtin_class(name, vm.types.tuple, Layout::Tuple, 0);
    let k = vm.intern("__module__");
    let m = vm.intern("sys");
    vm.set_class_or_module_attr(cls, k, m);
    for (i, f) in fields.iter().enumerate() {
        match FIELD_GETTERS.get(i) {
            Some(g) => vm.add_getter(cls, f, *g),
            None => break,
        }
    }
    let names: Vec<Value> = fields.iter().map(|f| vm.intern(f)).collect();
    let t = vm.new_tuple(names);
    let k = vm.intern("__match_args__");
    vm.set_class_or_module_attr(cls, k, t);
    let n = Value::small_int(fields.len() as i64).unwrap_or(Value::NONE);
    for attr in ["n_fields", "n_sequence_fields"] {
        let k = vm.intern(attr);
        vm.set_class_or_module_attr(cls, k, n);
    }
    let k = vm.intern("n_unnamed_fields");
    vm.set_class_or_module_attr(cls, k, Value::small_int(0).unwrap_or(Value::NONE));
    vm.add_method(cls, "__repr__", struct_seq_repr);
    vm.add_method(cls, "__reduce__", struct_seq_reduce);
    vm.state.borrow_mut().insert(key, cls);
    cls
}

fn struct_seq(vm: &mut Vm, name: &'static str, fields: &[&'static str], values: Vec<Value>) -> Value {
    let cls = struct_seq_type(vm, name, fields);
    vm.alloc(cls, Payload::Tuple(values.into_boxed_slice()))
}

/// `sys.version_info(major=3, minor=11, ...)`.
fn struct_seq_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__repr__ needs an argument"));
    };
    let Some(items) = this.as_tuple().map(|t| t.to_vec()) else {
        return Err(vm.type_error("__repr__ of a non-struct-sequence"));
    };
    let cls = vm.type_of(this);
    let k = vm.intern("__match_args__");
    let names = vm.lookup_type(cls, k).and_then(|t| t.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    let k = vm.intern("__module__");
    let module = vm.lookup_type(cls, k).and_then(|m| m.as_rstr().map(str::to_owned));
    let mut out = match module {
        Some(m) if m != "builtins" => format!("{m}.{}(", vm.class_name(cls)),
        _ => format!("{}(", vm.class_name(cls)),
    };
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let name = names.get(i).and_then(|n| n.as_rstr().map(str::to_owned)).unwrap_or_else(|| format!("_{i}"));
        let r = vm.repr_string(*v)?;
        out.push_str(&name);
        out.push('=');
        out.push_str(&r);
    }
    out.push(')');
    Ok(vm.new_string(out))
}

fn struct_seq_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__reduce__ needs an argument"));
    };
    let items = this.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let t = vm.new_tuple(items);
    let d = vm.new_dict();
    let inner = vm.new_tuple(vec![t, d]);
    let cls = vm.type_of(this);
    Ok(vm.new_tuple(vec![cls, inner]))
}

fn version_info(vm: &mut Vm, major: i64, minor: i64, micro: i64, level: &str, serial: i64) -> Value {
    let vals = vec![int(vm, major), int(vm, minor), int(vm, micro), vm.new_str(level), int(vm, serial)];
    struct_seq(vm, "version_info", &["major", "minor", "micro", "releaselevel", "serial"], vals)
}

fn float_info(vm: &mut Vm) -> Value {
    let f = Value::float;
    let vals = vec![
        f(f64::MAX),
        int(vm, f64::MAX_EXP as i64),
        int(vm, f64::MAX_10_EXP as i64),
        f(f64::MIN_POSITIVE),
        int(vm, f64::MIN_EXP as i64),
        int(vm, f64::MIN_10_EXP as i64),
        int(vm, f64::DIGITS as i64),
        int(vm, f64::MANTISSA_DIGITS as i64),
        f(f64::EPSILON),
        int(vm, f64::RADIX as i64),
        int(vm, 1),
    ];
    struct_seq(
        vm,
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vals,
    )
}

fn hash_info(vm: &mut Vm) -> Value {
    let vals = vec![
        int(vm, 64),
        vm.new_int((1i64 << 61) - 1),
        int(vm, 314159),
        int(vm, 0),
        int(vm, 1000003),
        vm.new_str("siphash13"),
        int(vm, 64),
        int(vm, 128),
        int(vm, 0),
    ];
    struct_seq(
        vm,
        "hash_info",
        &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
        vals,
    )
}

// ----- sys.implementation: a SimpleNamespace -----

/// `types.SimpleNamespace`, made here because `sys.implementation` is one; a later
/// `types` module can take it from `vm.extra_types`.
pub fn simple_namespace_class(vm: &mut Vm) -> Value {
    if let Some(&c) = vm.extra_types.get("SimpleNamespace") {
        return c;
    }
    let cls = vm.new_builtin_class(
        "SimpleNamespace",
        vm.types.object,
        Layout::Object,
        class_flags::BASETYPE | class_flags::HAS_DICT,
    );
    let k = vm.intern("__module__");
    let m = vm.intern("types");
    vm.set_class_or_module_attr(cls, k, m);
    let k = vm.intern("__doc__");
    let doc = vm.new_str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)");
    vm.set_class_or_module_attr(cls, k, doc);
    // Defines `__eq__`, so instances are unhashable.
    let k = vm.intern("__hash__");
    vm.set_class_or_module_attr(cls, k, Value::NONE);
    vm.add_method(cls, "__init__", namespace_init);
    vm.add_method(cls, "__repr__", namespace_repr);
    vm.add_method(cls, "__eq__", namespace_eq);
    vm.add_method(cls, "__ne__", |vm, a, _| namespace_compare(vm, a, CmpOp::Ne));
    vm.add_method(cls, "__lt__", |vm, a, _| namespace_compare(vm, a, CmpOp::Lt));
    vm.add_method(cls, "__le__", |vm, a, _| namespace_compare(vm, a, CmpOp::Le));
    vm.add_method(cls, "__gt__", |vm, a, _| namespace_compare(vm, a, CmpOp::Gt));
    vm.add_method(cls, "__ge__", |vm, a, _| namespace_compare(vm, a, CmpOp::Ge));
    cls
}

/// A comparison other than `==` of two namespaces: their `__dict__`s compared with `op`
/// (so `<` raises the dicts' TypeError, as in CPython); NotImplemented for other operands.
fn namespace_compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (Some(&a), Some(&b)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let ns = simple_namespace_class(vm);
    if !vm.isinstance(a, ns) || !vm.isinstance(b, ns) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let k = vm.intern("__dict__");
    let da = vm.get_attr(a, k)?;
    let db = vm.get_attr(b, k)?;
    vm.compare(op, da, db)
}

fn namespace_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__init__ needs an argument"));
    };
    for (k, v) in kw {
        vm.set_attr(this, *k, *v)?;
    }
    Ok(Value::NONE)
}

/// The attributes of an object as (name, value) pairs, in insertion order.
fn instance_items(vm: &mut Vm, obj: Value) -> Vec<(Value, Value)> {
    let Some(attrs) = obj.as_obj().and_then(|o| o.attrs.as_ref()) else {
        return Vec::new();
    };
    let d = attrs.dict.get();
    if d.is_null() {
        attrs.items()
    } else {
        let _ = vm;
        d.as_dict().map(|d| d.borrow().items()).unwrap_or_default()
    }
}

fn namespace_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("__repr__ needs an argument"));
    };
    let cls = vm.type_of(this);
    let name = if vm.extra_types.get("SimpleNamespace").is_some_and(|c| c.is(cls)) {
        "namespace".to_owned()
    } else {
        vm.class_name(cls)
    };
    let inner = crate::modules::helpers_b::repr_guarded(vm, this, |vm| {
        let mut parts = Vec::new();
        for (k, v) in instance_items(vm, this) {
            let r = vm.repr_string(v)?;
            parts.push(format!("{}={r}", k.as_rstr().unwrap_or("?")));
        }
        Ok(parts.join(", "))
    })?;
    Ok(vm.new_string(format!("{name}({inner})")))
}

fn namespace_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (Some(&a), Some(&b)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let ns = simple_namespace_class(vm);
    if !vm.isinstance(b, ns) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let x = instance_items(vm, a);
    let y = instance_items(vm, b);
    if x.len() != y.len() {
        return Ok(Value::FALSE);
    }
    for (k, v) in x {
        let Some((_, w)) = y.iter().find(|(k2, _)| k2.as_rstr() == k.as_rstr()) else {
            return Ok(Value::FALSE);
        };
        if !vm.eq(v, *w)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn implementation(vm: &mut Vm) -> Value {
    let cls = simple_namespace_class(vm);
    let obj = vm.alloc(cls, Payload::Object);
    let version = version_info(vm, 0, 1, 0, "alpha", 0);
    let items = [
        ("name", vm.new_str("krait")),
        ("cache_tag", Value::NONE),
        ("version", version),
        ("hexversion", vm.new_int(0x0001_00A0)),
        ("_multiarch", vm.new_str(&format!("{}-linux-gnu", std::env::consts::ARCH))),
    ];
    for (k, v) in items {
        let k = vm.intern(k);
        if let Some(a) = obj.obj().attrs.as_ref() {
            a.set_slot(k, v);
        }
    }
    obj
}

// ----- functions -----

fn sys_exit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("exit", kw)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("exit expected at most 1 argument, got {}", args.len())));
    }
    let exc_args: Vec<Value> = match args.first().copied() {
        None | Some(Value::NONE) => Vec::new(),
        Some(v) => match v.as_tuple() {
            Some(t) if vm.type_of(v).is(vm.types.tuple) => t.to_vec(),
            _ => vec![v],
        },
    };
    let cls = vm.exc.system_exit;
    let e = vm.call(cls, &exc_args, &[])?;
    Err(crate::vm::PyErr(e))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.getrecursionlimit() takes no arguments ({} given)", args.len())));
    }
    Ok(vm.new_int(vm.recursion_limit.get() as i64))
}

/// `vm.state` keys of the `sys.set_asyncgen_hooks` hooks (None when unset).
pub const ASYNCGEN_FIRSTITER: &str = "sys.asyncgen_firstiter";
pub const ASYNCGEN_FINALIZER: &str = "sys.asyncgen_finalizer";

static ASYNCGEN_HOOKS: crate::modules::structseq::Spec = crate::modules::structseq::Spec {
    module: "sys",
    name: "asyncgen_hooks",
    fields: &["firstiter", "finalizer"],
    extra: &[],
};

fn sys_get_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.bind_args("get_asyncgen_hooks", args, kw, [], 0)?;
    let (first, fin) = {
        let st = vm.state.borrow();
        let get = |k| st.get(k).copied().unwrap_or(Value::NONE);
        (get(ASYNCGEN_FIRSTITER), get(ASYNCGEN_FINALIZER))
    };
    Ok(crate::modules::structseq::new(vm, &ASYNCGEN_HOOKS, vec![first, fin], Vec::new()))
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: omitted hooks stay as they are.
fn sys_set_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [first, fin] = vm.bind_args("set_asyncgen_hooks", args, kw, ["firstiter", "finalizer"], 0)?;
    for (v, what) in [(fin, "finalizer"), (first, "firstiter")] {
        if !v.is_null() && !v.is_none() && !crate::builtins::functions::is_callable(vm, v) {
            return Err(vm.type_error(format!("callable {what} expected, got {}", vm.type_tp_name(v))));
        }
    }
    for (v, key) in [(fin, ASYNCGEN_FINALIZER), (first, ASYNCGEN_FIRSTITER)] {
        if !v.is_null() {
            vm.state.borrow_mut().insert(key, v);
        }
    }
    Ok(Value::NONE)
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("setrecursionlimit", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("setrecursionlimit() takes exactly one argument ({} given)", args.len())));
    }
    if args[0].is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.to_index(args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let n = n.min(i32::MAX as i64) as u32;
    let depth = vm.depth.get();
    if n <= depth {
        return Err(vm.recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    vm.recursion_limit.set(n);
    Ok(Value::NONE)
}

fn exc_traceback(vm: &Vm, e: Value) -> Value {
    let _ = vm;
    e.as_obj().and_then(|o| o.as_exception()).map(|x| x.traceback.get()).unwrap_or(Value::NONE)
}

fn sys_exc_info(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = vm.handled_exc.get();
    if e.is_null() || e.is_none() {
        return Ok(vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let t = vm.type_of(e);
    let tb = exc_traceback(vm, e);
    Ok(vm.new_tuple(vec![t, e, tb]))
}

fn sys_exception(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let e = vm.handled_exc.get();
    Ok(if e.is_null() { Value::NONE } else { e })
}

/// A rough `sys.getsizeof`, modelled on CPython's 64-bit sizes.
fn sys_getsizeof(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [obj, default] = vm.bind_args("getsizeof", args, kw, ["object", "default"], 1)?;
    let _ = default;
    let n: i64 = if obj.is_float() {
        24
    } else if let Some(i) = obj.as_small_int() {
        // 30-bit digits; CPython 3.11 counts one even for 0.
        let bits = 64 - i.unsigned_abs().leading_zeros();
        24 + 4 * i64::from(bits.div_ceil(30).max(1))
    } else if obj.is_bool() {
        28
    } else if obj.is_special() {
        16
    } else {
        match &obj.obj().payload {
            Payload::Int(b) => 24 + 4 * (b.bits().div_ceil(30).max(1) as i64),
            Payload::Float(_) => 24,
            Payload::Complex(..) => 32,
            Payload::Str(s) => {
                let max = s.as_str().chars().map(|c| c as u32).max().unwrap_or(0);
                let (base, w) = if max < 128 {
                    (49, 1)
                } else if max < 256 {
                    (73, 1)
                } else if max < 65536 {
                    (74, 2)
                } else {
                    (76, 4)
                };
                base + w * s.char_len as i64 - if max < 128 { 0 } else { w }
            }
            Payload::Bytes(b) => 33 + b.len() as i64,
            Payload::ByteArray(b) => 57 + b.borrow().len() as i64,
            Payload::List(l) => 56 + 8 * l.capacity() as i64,
            Payload::Tuple(t) => 40 + 8 * t.len() as i64,
            Payload::Dict(d) => {
                let n = d.borrow().len();
                if n == 0 {
                    64
                } else {
                    let mut cap = 8;
                    while cap * 2 / 3 < n {
                        cap *= 2;
                    }
                    64 + 8 + cap as i64 + 24 * (cap as i64 * 2 / 3)
                }
            }
            Payload::Set(_) | Payload::FrozenSet(_) => 216,
            Payload::Function(_) => 152,
            Payload::Class(_) => 1064,
            Payload::Module(_) => 72,
            _ => {
                if obj.obj().attrs.is_some() {
                    48
                } else {
                    16
                }
            }
        }
    };
    Ok(vm.new_int(n))
}

fn sys_intern(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("intern", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("intern() takes exactly one argument ({} given)", args.len())));
    }
    let s = args[0];
    if s.as_pystr().is_none() || !vm.type_of(s).is(vm.types.str_) {
        return Err(vm.type_error(format!("intern() argument must be str, not {}", vm.arg_type_name(s))));
    }
    Ok(vm.intern_value(s))
}

/// Writes `text` to `sys.<name>` (a Krait stream or any object with `write`).
pub fn write_to_sys_stream(vm: &mut Vm, name: &str, text: &str) -> PyResult<()> {
    let k = vm.intern(name);
    let Some(f) = vm.dict_get_str(module_dict(vm.sys), k) else {
        return Err(vm.runtime_error(format!("lost sys.{name}")));
    };
    if f.is_none() {
        return Ok(());
    }
    if let Some(s) = super::io::as_stream(&f) {
        return super::io::stream_write_str(vm, s, text);
    }
    let t = vm.new_str(text);
    vm.call_method(f, "write", &[t])?;
    Ok(())
}

fn sys_displayhook(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("displayhook", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("displayhook() takes exactly one argument ({} given)", args.len())));
    }
    let v = args[0];
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let underscore = vm.intern("_");
    vm.dict_set_str(vm.builtins_dict, underscore, Value::NONE);
    let mut text = vm.repr_string(v)?;
    text.push('\n');
    write_to_sys_stream(vm, "stdout", &text)?;
    vm.dict_set_str(vm.builtins_dict, underscore, v);
    Ok(Value::NONE)
}

fn sys_excepthook(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.no_kwargs("excepthook", kw)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!("excepthook expected 3 arguments, got {}", args.len())));
    }
    let exc = args[1];
    let text = if exc.as_obj().and_then(|o| o.as_exception()).is_some() {
        crate::eval::traceback::format_exception(vm, exc)
    } else {
        let tn = vm.type_name(exc);
        format!("TypeError: print_exception(): Exception expected for value, {tn} found\n")
    };
    write_to_sys_stream(vm, "stderr", &text)?;
    Ok(Value::NONE)
}

fn sys_getdefaultencoding(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_str("surrogateescape"))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [n] = vm.bind_args("set_int_max_str_digits", args, kw, ["maxdigits"], 1)?;
    if n.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.to_index(n)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::types::int::set_int_max_str_digits(vm, n as usize);
    Ok(Value::NONE)
}

fn sys_get_int_max_str_digits(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = crate::types::int::int_max_str_digits(vm);
    Ok(vm.new_int(n as i64))
}

/// Krait has no reference counts; 2 is what CPython reports for a fresh temporary.
fn sys_getrefcount(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("getrefcount() takes exactly one argument ({} given)", args.len())));
    }
    Ok(vm.new_int(2))
}

fn sys_settrace(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.first() {
        Some(v) if !v.is_none() => Err(vm.not_implemented_error("sys.settrace/sys.setprofile are not supported")),
        _ => Ok(Value::NONE),
    }
}

fn sys_gettrace(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn sys_audit(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn sys_is_finalizing(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn sys_getswitchinterval(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::float(0.005))
}

fn sys_setswitchinterval(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return Err(vm.type_error("setswitchinterval() takes exactly one argument (0 given)"));
    };
    let f = vm.to_f64(v)?;
    if f <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    Ok(Value::NONE)
}

/// `sys._getframe(depth=0)`: a snapshot `frame` object of a running frame, with its
/// callers linked through `f_back`.
fn sys_getframe(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [depth] = vm.bind_args("_getframe", args, kw, ["depth"], 0)?;
    let depth = if depth.is_null() { 0 } else { vm.to_index(depth)? };
    let frames = vm.frames.borrow().clone();
    let depth = usize::try_from(depth).unwrap_or(0);
    if depth >= frames.len() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let target = frames.len() - 1 - depth;
    let mut back = Value::NONE;
    for &fp in &frames[..=target] {
        // SAFETY: every pointer in `vm.frames` is a frame the eval loop is running right
        // now (pushed on entry, popped on exit), so it is alive; we only read it.
        let f: &crate::frame::Frame = unsafe { &*fp };
        let code = f.code.clone();
        let line = code
            .blocks
            .get(f.block as usize)
            .and_then(|b| b.spans.get(f.stmt as usize))
            .map(|&sp| code.line_of_span(sp))
            .unwrap_or(code.first_line);
        let globals = f.globals;
        let locals = super::frame_locals(vm, fp);
        let cls = match vm.extra_types.get("frame") {
            Some(&c) => c,
            None => {
                let probe = crate::eval::function::new_frame_object(vm, code.clone(), line, globals, locals);
                vm.type_of(probe)
            }
        };
        let info = crate::eval::function::FrameInfo { code, lineno: line, globals, locals, back };
        back = vm.new_native(cls, info);
    }
    Ok(back)
}

fn sys_getallocatedblocks(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(0))
}

fn sys_call_tracing(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("call_tracing expected 2 arguments, got {}", args.len())));
    }
    let a = vm.collect(args[1])?;
    vm.call(args[0], &a, &[])
}
