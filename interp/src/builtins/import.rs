//! The import system: finding `.py` modules and packages on `sys.path`, running them,
//! `sys.modules`, relative imports.
//!
//! This follows CPython's `importlib._bootstrap` closely enough that programs cannot tell
//! the difference in the common cases, without its machinery of specs, finders and
//! loaders objects:
//! - a dotted name is imported one component at a time, parents first; each child is
//!   searched for on its parent's `__path__`, top-level names on `sys.path` (read afresh
//!   each time, so programs may change it) after the native modules;
//! - a module is put in `sys.modules` before its body runs, so circular imports see the
//!   partially initialised module, and removed again if the body fails;
//! - in one directory a package (`name/__init__.py`) beats a module (`name.py`), which
//!   beats a namespace package (a bare directory `name/`, used only if no entry of the
//!   path has a regular module or package of that name).
//!
//! Native modules (written in Rust) register an init function with
//! `register_native_module`; they are found before anything on `sys.path`.

use std::path::{Path, PathBuf};

use crate::lower::Mode;
use crate::value::Value;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};

use super::{module_dict, sys_attr};

/// Sets up the import system's state in `vm.state`.
pub fn init(vm: &mut Vm) {
    let natives = vm.new_dict();
    vm.state.borrow_mut().insert("import.natives", natives);
    let importing = vm.new_dict();
    vm.state.borrow_mut().insert("import.initializing", importing);
    // The original `__import__` (registered by `functions::register`, which runs first),
    // to notice when a program replaces it.
    let k = vm.intern("__import__");
    if let Some(f) = vm.dict_get_str(vm.builtins_dict, k) {
        vm.state.borrow_mut().insert("import.builtin", f);
    }
    // The module type's own methods, unless the object model already gave it some.
    let module = vm.types.module;
    let module_dict_v = module.as_class().map(|c| c.dict).unwrap_or(Value::NULL);
    for (name, f) in [("__init__", module_init as NativeFn), ("__repr__", module_repr), ("__dir__", module_dir)] {
        let k = vm.intern(name);
        if module_dict_v.as_dict().is_some() && vm.dict_get_str(module_dict_v, k).is_none() {
            vm.add_method(module, name, f);
        }
    }
}

/// `module.__init__(self, name, doc=None)`.
fn module_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'module' object needs an argument"));
    };
    let [name, doc] = vm.bind_args("module", &args[1..], kw, ["name", "doc"], 1)?;
    if name.as_pystr().is_none() {
        return Err(
            vm.type_error(format!("module.__init__() argument 'name' must be str, not {}", vm.arg_type_name(name)))
        );
    }
    let Some(d) = module_dict(this) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'module' object"));
    };
    let doc = if doc.is_null() { Value::NONE } else { doc };
    for (k, v) in [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", Value::NONE),
        ("__loader__", Value::NONE),
        ("__spec__", Value::NONE),
    ] {
        let k = vm.intern(k);
        vm.dict_set_str(d, k, v);
    }
    Ok(Value::NONE)
}

/// `<module 'name' from 'file'>`, `<module 'sys' (built-in)>`, ...
fn module_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(d) = args.first().and_then(|m| module_dict(*m)) else {
        return Err(vm.type_error("descriptor '__repr__' requires a 'module' object"));
    };
    let get = |vm: &mut Vm, k: &str| {
        let k = vm.intern(k);
        vm.dict_get_str(d, k)
    };
    let name = get(vm, "__name__").filter(|n| n.as_pystr().is_some());
    let name_s = match name {
        Some(n) => vm.repr_string(n)?,
        None => "'?'".to_owned(),
    };
    let file = get(vm, "__file__").filter(|f| f.as_pystr().is_some());
    let text = if let Some(f) = file {
        format!("<module {name_s} from {}>", vm.repr_string(f)?)
    } else if name.is_some_and(|n| is_builtin_module(vm, n)) {
        format!("<module {name_s} (built-in)>")
    } else if get(vm, "__path__").is_some() {
        format!("<module {name_s} (namespace)>")
    } else {
        format!("<module {name_s}>")
    };
    Ok(vm.new_string(text))
}

fn is_builtin_module(vm: &mut Vm, name: Value) -> bool {
    let Some(names) = sys_attr(vm, "builtin_module_names") else {
        return false;
    };
    names.as_tuple().is_some_and(|t| t.iter().any(|n| n.as_rstr() == name.as_rstr()))
}

/// `module.__dir__`: the namespace's keys, or what a module-level `__dir__` returns.
fn module_dir(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(d) = args.first().and_then(|m| module_dict(*m)) else {
        return Err(vm.type_error("descriptor '__dir__' requires a 'module' object"));
    };
    let k = vm.intern("__dir__");
    if let Some(f) = vm.dict_get_str(d, k) {
        return vm.call(f, &[], &[]);
    }
    let keys = d.as_dict().map(|dd| dd.borrow().keys()).unwrap_or_default();
    Ok(vm.new_list(keys))
}

/// Makes `import name` create a module by calling `init(vm, [], [])`, which returns the
/// new module object (typically from `vm.new_module(name)` plus `vm.add_function`s).
pub fn register_native_module(vm: &mut Vm, name: &'static str, init: NativeFn) {
    let Some(natives) = vm.state.borrow().get("import.natives").copied() else {
        return;
    };
    let f = vm.new_native_fn(name, init);
    let k = vm.intern(name);
    vm.dict_set_str(natives, k, f);
    // `sys.builtin_module_names` lists them.
    if let Some(t) = sys_attr(vm, "builtin_module_names") {
        let mut names = t.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        if !names.iter().any(|n| n.as_rstr() == Some(name)) {
            names.push(vm.new_str(name));
            names.sort_by(|a, b| a.as_rstr().cmp(&b.as_rstr()));
            let t = vm.new_tuple(names);
            let k = vm.intern("builtin_module_names");
            let sys = vm.sys;
            vm.set_class_or_module_attr(sys, k, t);
        }
    }
}

// ----- errors -----

/// An `ImportError` (or subclass) with its `name` (and `path`) attributes, built by
/// calling the class so its `__init__` sets them.
fn import_error(vm: &mut Vm, cls: Value, msg: String, name: Option<&str>, path: Option<Value>) -> PyErr {
    let m = vm.new_string(msg.clone());
    let mut kw = Vec::new();
    if let Some(n) = name {
        let k = vm.intern("name");
        kw.push((k, vm.new_str(n)));
    }
    if let Some(p) = path {
        let k = vm.intern("path");
        kw.push((k, p));
    }
    match vm.call(cls, &[m], &kw) {
        Ok(e) if e.as_obj().and_then(|o| o.as_exception()).is_some() => PyErr(e),
        _ => vm.err(cls, msg),
    }
}

/// When no standard library was found, says so on stderr (once per process) so that a
/// failed `import os` explains itself; the ModuleNotFoundError itself stays CPython's.
fn warn_missing_stdlib(vm: &mut Vm) {
    if let Some(note) = super::sys::missing_stdlib_note() {
        if vm.state.borrow().contains_key("import.warned_stdlib") {
            return;
        }
        vm.state.borrow_mut().insert("import.warned_stdlib", Value::TRUE);
        super::io::flush_all(vm);
        eprintln!("{note}");
    }
}

/// CPython C extension modules Krait does not implement, with the feature a program
/// loses: added to the ModuleNotFoundError so that it does not read as a broken install.
const MISSING_EXTENSIONS: &[(&str, &str)] = &[
    ("_sqlite3", "sqlite3"),
    ("_multiprocessing", "multiprocessing (its locks are POSIX semaphores shared between processes)"),
    ("_ctypes", "ctypes"),
    ("_ssl", "ssl (TLS connections)"),
    ("_bz2", "bz2"),
    ("_lzma", "lzma"),
    ("_curses", "curses"),
    ("_tkinter", "tkinter"),
    ("readline", "readline"),
    ("_dbm", "dbm.ndbm"),
    ("_gdbm", "dbm.gnu"),
    ("mmap", "mmap"),
    ("fcntl", "fcntl"),
    ("termios", "termios (and tty, getpass's hidden input)"),
    ("resource", "resource"),
    ("_elementtree", "the C accelerator of xml.etree (the pure-Python one is used)"),
    ("_asyncio", "the C accelerator of asyncio (the pure-Python one is used)"),
];

/// The note for a missing module that is one of `MISSING_EXTENSIONS`, else "".
fn missing_extension_note(name: &str) -> String {
    match MISSING_EXTENSIONS.iter().find(|(n, _)| *n == name) {
        Some((_, what)) => format!(" (Krait does not implement this CPython extension module yet: {what})"),
        None => String::new(),
    }
}

fn not_found(vm: &mut Vm, msg: String, name: &str) -> PyErr {
    let cls = vm.exc.module_not_found_error;
    import_error(vm, cls, msg, Some(name), None)
}

// ----- small helpers over sys.modules and module namespaces -----

// Module names are interned: they are few, and repeated imports must not allocate.
fn modules_get(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = vm.intern(name);
    vm.dict_get_str(vm.modules, k)
}

fn modules_set(vm: &mut Vm, name: &str, m: Value) {
    let k = vm.intern(name);
    vm.dict_set_str(vm.modules, k, m);
}

fn modules_del(vm: &mut Vm, name: &str) {
    let k = vm.intern(name);
    vm.dict_del_str(vm.modules, k);
}

fn initializing_dict(vm: &Vm) -> Option<Value> {
    vm.state.borrow().get("import.initializing").copied()
}

fn is_initializing(vm: &mut Vm, name: &str) -> bool {
    let Some(d) = initializing_dict(vm) else {
        return false;
    };
    let k = vm.new_str(name);
    vm.dict_get_str(d, k).is_some()
}

/// An attribute of a module, read from its namespace directly when it is a plain module
/// (no Python code can run), else through `getattr`.
fn module_attr(vm: &mut Vm, m: Value, name: &str) -> PyResult<Option<Value>> {
    let k = vm.intern(name);
    if let Some(d) = module_dict(m) {
        if let Some(v) = vm.dict_get_str(d, k) {
            return Ok(Some(v));
        }
        if m.obj().class.get().is(vm.types.module) {
            // A module-level `__getattr__` may still provide it.
            let ga = vm.intern("__getattr__");
            if vm.dict_get_str(d, ga).is_none() {
                return Ok(None);
            }
        }
    }
    vm.get_attr_opt(m, k)
}

/// A str entry of a dict-like `globals`, or None.
fn globals_get(vm: &mut Vm, globals: Value, name: &str) -> PyResult<Option<Value>> {
    if globals.is_null() || globals.is_none() {
        return Ok(None);
    }
    let k = vm.intern(name);
    if globals.as_dict().is_some() {
        return vm.dict_get(globals, k);
    }
    match vm.get_item(globals, k) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, vm.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

// ----- name resolution -----

/// The absolute name of a relative import of `name` at `level` from `globals`.
fn resolve_name(vm: &mut Vm, name: &str, globals: Value, level: u32) -> PyResult<String> {
    let package = match globals_get(vm, globals, "__package__")? {
        Some(p) if !p.is_none() => {
            if p.as_pystr().is_none() {
                return Err(vm.type_error("package must be a string"));
            }
            p.as_rstr().unwrap_or("").to_owned()
        }
        _ => {
            let Some(modname) = globals_get(vm, globals, "__name__")? else {
                let k = vm.new_str("'__name__' not in globals");
                return Err(PyErr(vm.new_exception(vm.exc.key_error, vec![k])));
            };
            let Some(modname) = modname.as_rstr().map(str::to_owned) else {
                return Err(vm.type_error("__name__ must be a string"));
            };
            if globals_get(vm, globals, "__path__")?.is_some() {
                modname
            } else {
                modname.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        let cls = vm.exc.import_error;
        return Err(import_error(vm, cls, "attempted relative import with no known parent package".into(), None, None));
    }
    let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if bits.len() < level as usize {
        let cls = vm.exc.import_error;
        return Err(import_error(vm, cls, "attempted relative import beyond top-level package".into(), None, None));
    }
    let base = bits.last().copied().unwrap_or("");
    Ok(if name.is_empty() { base.to_owned() } else { format!("{base}.{name}") })
}

// ----- finding -----

/// Where a module's code lives.
#[derive(Debug, Clone)]
pub enum Location {
    /// A source file; `package_dir` is set for a package's `__init__.py`.
    Source { file: PathBuf, package_dir: Option<PathBuf> },
    /// A namespace package spread over these directories.
    Namespace(Vec<PathBuf>),
    /// A module implemented in Rust.
    Native(Value),
}

fn path_entries(vm: &mut Vm, path: Value) -> PyResult<Vec<String>> {
    let items = match path.as_list() {
        Some(l) => l.borrow().clone(),
        None => vm.collect(path)?,
    };
    Ok(items.iter().filter_map(|v| v.as_rstr().map(str::to_owned)).collect())
}

fn entry_dir(entry: &str) -> PathBuf {
    if entry.is_empty() || entry == "." {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
    } else {
        PathBuf::from(entry)
    }
}

/// Searches the directories `path` for the module `child`.
fn find_on_path(entries: &[String], child: &str) -> Option<Location> {
    let mut namespace = Vec::new();
    for e in entries {
        let dir = entry_dir(e);
        let pkg = dir.join(child);
        if pkg.is_dir() {
            let init = pkg.join("__init__.py");
            if init.is_file() {
                return Some(Location::Source { file: init, package_dir: Some(pkg) });
            }
        }
        let file = dir.join(format!("{child}.py"));
        if file.is_file() {
            return Some(Location::Source { file, package_dir: None });
        }
        if pkg.is_dir() {
            namespace.push(pkg);
        }
    }
    if namespace.is_empty() {
        None
    } else {
        Some(Location::Namespace(namespace))
    }
}

/// Where the module `absname` would be loaded from; its parent packages are imported
/// first (as CPython's `importlib.util.find_spec` does). Ok(None) when nothing is found.
pub fn find_location(vm: &mut Vm, absname: &str) -> PyResult<Option<Location>> {
    match absname.rsplit_once('.') {
        Some((parent, child)) => {
            let parent_mod = import_module(vm, parent)?;
            let Some(path) = module_attr(vm, parent_mod, "__path__")? else {
                return Err(not_found(
                    vm,
                    format!("No module named '{absname}'; '{parent}' is not a package"),
                    absname,
                ));
            };
            let entries = path_entries(vm, path)?;
            Ok(find_on_path(&entries, child))
        }
        None => {
            let natives = vm.state.borrow().get("import.natives").copied();
            if let Some(n) = natives {
                let k = vm.new_str(absname);
                if let Some(f) = vm.dict_get_str(n, k) {
                    return Ok(Some(Location::Native(f)));
                }
            }
            let Some(path) = sys_attr(vm, "path") else {
                return Err(vm.err(vm.exc.import_error, "sys.path must be a list of directory names"));
            };
            let entries = path_entries(vm, path)?;
            Ok(find_on_path(&entries, absname))
        }
    }
}

// ----- loading -----

/// Decodes a source file: UTF-8 (a BOM is skipped) unless a PEP 263 coding comment in
/// the first two lines names Latin-1 or ASCII.
pub fn decode_source(vm: &mut Vm, bytes: Vec<u8>, filename: &str) -> PyResult<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(b) => b.to_vec(),
        None => bytes,
    };
    let mut encoding = None;
    for line in bytes.split(|&b| b == b'\n').take(2) {
        let line = String::from_utf8_lossy(line);
        let t = line.trim_start();
        if !t.starts_with('#') {
            if t.is_empty() {
                continue;
            }
            break;
        }
        if let Some(i) = t.find("coding").filter(|&i| matches!(t.as_bytes().get(i + 6), Some(b':' | b'='))) {
            let rest = t[i + 7..].trim_start();
            let name: String =
                rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
            encoding = Some(name.to_ascii_lowercase().replace('_', "-"));
            break;
        }
    }
    let enc = encoding.unwrap_or_else(|| "utf-8".to_owned());
    if enc == "utf-8" || enc == "utf8" || enc.starts_with("utf-8-") {
        return match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                let byte = e.as_bytes().get(pos).copied().unwrap_or(0);
                let line = e.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(super::syntax_error(vm, format!(
                        "Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
                    ),
                ))
            }
        };
    }
    match enc.as_str() {
        "latin-1" | "iso-8859-1" | "latin1" | "iso8859-1" | "l1" | "iso-latin-1" => {
            Ok(bytes.iter().map(|&b| b as char).collect())
        }
        "ascii" | "us-ascii" if bytes.is_ascii() => Ok(String::from_utf8(bytes).unwrap_or_default()),
        other => Err(super::syntax_error(vm, format!("encoding problem: {other}"))),
    }
}

/// Reads and lowers a source file as module code.
pub fn compile_file(vm: &mut Vm, file: &Path) -> PyResult<std::rc::Rc<crate::cfg::Code>> {
    let display = file.to_string_lossy().into_owned();
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            let f = vm.new_string(display);
            return Err(super::io::os_error_from_io(vm, &e, Some(f)));
        }
    };
    let text = decode_source(vm, bytes, &display)?;
    super::exec::compile_source(vm, text, &display, Mode::Exec)
}

/// Fills the standard attributes of a module namespace loaded from `loc`.
fn init_namespace(vm: &mut Vm, d: Value, absname: &str, loc: &Location) {
    let set = |vm: &mut Vm, k: &str, v: Value| {
        let k = vm.intern(k);
        vm.dict_set_str(d, k, v);
    };
    let parent = absname.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
    let (file, pkg_dirs): (Option<&Path>, Option<Vec<PathBuf>>) = match loc {
        Location::Source { file, package_dir } => (Some(file), package_dir.clone().map(|p| vec![p])),
        Location::Namespace(dirs) => (None, Some(dirs.clone())),
        Location::Native(_) => (None, None),
    };
    let package = if pkg_dirs.is_some() { absname } else { parent };
    let p = vm.new_str(package);
    set(vm, "__package__", p);
    set(vm, "__spec__", Value::NONE);
    set(vm, "__loader__", Value::NONE);
    let f = match file {
        Some(f) => vm.new_string(f.to_string_lossy().into_owned()),
        None => Value::NONE,
    };
    set(vm, "__file__", f);
    if let Some(dirs) = pkg_dirs {
        let items: Vec<Value> = dirs.iter().map(|d| vm.new_string(d.to_string_lossy().into_owned())).collect();
        let l = vm.new_list(items);
        set(vm, "__path__", l);
    }
    set(vm, "__builtins__", vm.builtins_dict);
}

/// Creates, registers and runs the module `absname` from `loc`.
fn load(vm: &mut Vm, absname: &str, loc: Location) -> PyResult<Value> {
    if let Location::Native(init) = loc {
        let m = vm.call(init, &[], &[])?;
        // The attributes every module has (`module.__init__` sets them for the others).
        if let Some(d) = module_dict(m) {
            let parent = absname.rsplit_once('.').map_or("", |(p, _)| p);
            let package = vm.new_str(parent);
            for (k, v) in [("__package__", package), ("__loader__", Value::NONE), ("__spec__", Value::NONE)] {
                let k = vm.intern(k);
                if vm.dict_get_str(d, k).is_none() {
                    vm.dict_set_str(d, k, v);
                }
            }
        }
        modules_set(vm, absname, m);
        attach_spec(vm, absname, m)?;
        return Ok(m);
    }
    let module = vm.new_module(absname);
    let Some(d) = module_dict(module) else {
        return Err(vm.runtime_error("new module has no namespace"));
    };
    init_namespace(vm, d, absname, &loc);
    let Location::Source { file, .. } = loc else {
        // A namespace package has no code to run.
        modules_set(vm, absname, module);
        return Ok(module);
    };
    modules_set(vm, absname, module);
    let r = exec_module_file(vm, absname, &file, d);
    if let Err(e) = r {
        modules_del(vm, absname);
        return Err(e);
    }
    if absname == "importlib" {
        install_importlib_finders(vm)?;
    }
    // CPython's pure-Python datetime, decimal and pickle, with the messages of their C
    // modules.
    let stdlib = super::sys::stdlib_dir();
    if absname.starts_with("asyncio.") && stdlib.is_some_and(|s| file.parent() == Some(&Path::new(s).join("asyncio"))) {
        // `_asyncio`'s Future and Task classes and running-loop functions are C code.
        let hidden: Option<&'static [&'static str]> = match absname {
            "asyncio.futures" => Some(&["Future."]),
            "asyncio.tasks" => Some(&["Task."]),
            "asyncio.events" => Some(&["get_running_loop", "_get_running_loop", "get_event_loop"]),
            _ => None,
        };
        if let Some(names) = hidden {
            crate::eval::traceback::hide_stand_in_frames(&file.to_string_lossy(), names);
        }
    }
    if stdlib.is_some_and(|s| file.parent() == Some(Path::new(s))) {
        // Their frames stand for C code in CPython: tracebacks leave them out.
        let hidden: Option<&'static [&'static str]> = match absname {
            "datetime" | "_pydecimal" => Some(&[]),
            "pickle" => Some(&["_Pickler.", "_Unpickler.", "_dump", "_dumps", "_load", "_loads"]),
            _ => None,
        };
        if let Some(names) = hidden {
            crate::eval::traceback::hide_stand_in_frames(&file.to_string_lossy(), names);
        }
        match absname {
            "datetime" => crate::modules::datetime_accel::apply(vm, module, d),
            "_pydecimal" => crate::modules::decimal_accel::apply(vm, d),
            "hashlib" => crate::modules::hashes::apply_hashlib(vm, module, d),
            "pickle" => crate::modules::pickle_accel::apply(vm, d),
            _ => {}
        }
    }
    // A module may replace itself in sys.modules while it runs.
    match modules_get(vm, absname) {
        Some(m) => {
            attach_spec(vm, absname, m)?;
            Ok(m)
        }
        None => {
            let cls = vm.exc.import_error;
            Err(import_error(vm, cls, format!("Loaded module {absname} not found in sys.modules"), Some(absname), None))
        }
    }
}

/// Once `importlib` is loaded: what CPython's `importlib._bootstrap._install` and
/// `_bootstrap_external._install` do at start-up, put `BuiltinImporter`,
/// `FrozenImporter` and `PathFinder` on `sys.meta_path` and the `FileFinder` hook on
/// `sys.path_hooks`. Krait's own import statement does not need them (it finds modules
/// natively, see the module docs), so they are installed only when a program loads
/// importlib, whose `import_module`, `reload` and `util.find_spec` search `sys.meta_path`.
fn install_importlib_finders(vm: &mut Vm) -> PyResult<()> {
    let Some(meta_path) = sys_attr(vm, "meta_path") else {
        return Ok(());
    };
    if meta_path.as_list().is_none_or(|l| !l.borrow().is_empty()) {
        return Ok(());
    }
    let (Some(bootstrap), Some(external)) =
        (modules_get(vm, "importlib._bootstrap"), modules_get(vm, "importlib._bootstrap_external"))
    else {
        return Ok(());
    };
    for name in ["BuiltinImporter", "FrozenImporter"] {
        let k = vm.intern(name);
        let finder = vm.get_attr(bootstrap, k)?;
        if let Some(l) = meta_path.as_list() {
            l.borrow_mut().push(finder);
        }
    }
    let k = vm.intern("_install");
    let install = vm.get_attr(external, k)?;
    vm.call(install, &[bootstrap], &[])?;
    vm.state.borrow_mut().insert("import.specs", bootstrap);
    // Give the modules imported so far the specs importlib would have made.
    let names: Vec<(Value, Value)> = match vm.modules.as_dict() {
        Some(_) => {
            let items = vm.call_method(vm.modules, "items", &[])?;
            let pairs = vm.collect(items)?;
            let mut out = Vec::with_capacity(pairs.len());
            for p in pairs {
                if let Some(t) = p.as_tuple() {
                    if t.len() == 2 {
                        out.push((t[0], t[1]));
                    }
                }
            }
            out
        }
        None => Vec::new(),
    };
    for (name, m) in names {
        if let Some(n) = name.as_rstr().map(str::to_owned) {
            if n != "__main__" {
                attach_spec(vm, &n, m)?;
            }
        }
    }
    Ok(())
}

/// After importlib is loaded (see `install_importlib_finders`): gives a module that
/// Krait's importer loaded the `__spec__` (and `__loader__`, `__cached__`) importlib
/// would have, so that `importlib.reload`, `importlib.util.find_spec` and code reading
/// `module.__spec__` see CPython's values. Before that, `__spec__` stays None: making
/// specs needs importlib, which is too costly to load for every program.
fn attach_spec(vm: &mut Vm, absname: &str, m: Value) -> PyResult<()> {
    let bootstrap = vm.state.borrow().get("import.specs").copied();
    let Some(bootstrap) = bootstrap else {
        return Ok(());
    };
    let Some(d) = module_dict(m) else {
        return Ok(());
    };
    if !m.obj().class.get().is(vm.types.module) {
        return Ok(());
    }
    let k = vm.intern("__spec__");
    if vm.dict_get_str(d, k).is_some_and(|s| !s.is_none()) {
        return Ok(());
    }
    let Some(external) = modules_get(vm, "importlib._bootstrap_external") else {
        return Ok(());
    };
    let name = vm.new_str(absname);
    let file = module_attr(vm, m, "__file__")?.filter(|f| f.as_rstr().is_some_and(|f| f.ends_with(".py")));
    let path = module_attr(vm, m, "__path__")?;
    let natives = vm.state.borrow().get("import.natives").copied();
    let is_native = natives.is_some_and(|n| vm.dict_get_str(n, name).is_some());
    let spec = if let Some(f) = file {
        let k = vm.intern("spec_from_file_location");
        let sff = vm.get_attr(external, k)?;
        vm.call(sff, &[name, f], &[])?
    } else if is_native {
        let k = vm.intern("BuiltinImporter");
        let loader = vm.get_attr(bootstrap, k)?;
        let k = vm.intern("ModuleSpec");
        let ms = vm.get_attr(bootstrap, k)?;
        let origin = (vm.intern("origin"), vm.new_str("built-in"));
        vm.call(ms, &[name, loader], &[origin])?
    } else if let Some(p) = path {
        // A namespace package.
        let k = vm.intern("ModuleSpec");
        let ms = vm.get_attr(bootstrap, k)?;
        let is_pkg = (vm.intern("is_package"), Value::TRUE);
        let spec = vm.call(ms, &[name, Value::NONE], &[is_pkg])?;
        let k = vm.intern("submodule_search_locations");
        vm.set_attr(spec, k, p)?;
        spec
    } else {
        return Ok(());
    };
    if spec.is_none() {
        return Ok(());
    }
    let k = vm.intern("_init_module_attrs");
    let init = vm.get_attr(bootstrap, k)?;
    vm.call(init, &[spec, m], &[])?;
    Ok(())
}

fn exec_module_file(vm: &mut Vm, absname: &str, file: &Path, d: Value) -> PyResult<()> {
    let code = compile_file(vm, file)?;
    let init = initializing_dict(vm);
    let key = vm.new_str(absname);
    if let Some(i) = init {
        vm.dict_set_str(i, key, Value::TRUE);
    }
    let r = crate::eval::run_code(vm, code, d, Value::NULL);
    if let Some(i) = init {
        vm.dict_del_str(i, key);
    }
    r.map(|_| ())
}

/// Imports `absname` (an absolute dotted name) and returns that module itself, like
/// `importlib.import_module`.
pub fn import_module(vm: &mut Vm, absname: &str) -> PyResult<Value> {
    if let Some(m) = modules_get(vm, absname) {
        if m.is_none() {
            return Err(not_found(vm, format!("import of {absname} halted; None in sys.modules"), absname));
        }
        return Ok(m);
    }
    if absname.is_empty() || absname.starts_with('.') || absname.ends_with('.') || absname.contains("..") {
        if absname.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        return Err(not_found(vm, format!("No module named '{absname}'"), absname));
    }
    // Parents first, iteratively (a name with many dots must not recurse deeply).
    let parts: Vec<&str> = absname.split('.').collect();
    let mut parent: Option<Value> = None;
    for i in 1..=parts.len() {
        let name = parts[..i].join(".");
        if let Some(m) = modules_get(vm, &name) {
            if m.is_none() {
                return Err(not_found(vm, format!("import of {name} halted; None in sys.modules"), &name));
            }
            parent = Some(m);
            continue;
        }
        let loc = match parent {
            None => find_location(vm, &name)?,
            Some(p) => {
                let Some(path) = module_attr(vm, p, "__path__")? else {
                    let pname = parts[..i - 1].join(".");
                    return Err(not_found(vm, format!("No module named '{name}'; '{pname}' is not a package"), &name));
                };
                let entries = path_entries(vm, path)?;
                find_on_path(&entries, parts[i - 1])
            }
        };
        let Some(loc) = loc else {
            if parent.is_none() {
                warn_missing_stdlib(vm);
            }
            return Err(not_found(vm, format!("No module named '{name}'{}", missing_extension_note(&name)), &name));
        };
        let m = load(vm, &name, loc)?;
        if let Some(p) = parent {
            let k = vm.intern(parts[i - 1]);
            if module_dict(p).is_some() && p.obj().class.get().is(vm.types.module) {
                let d = module_dict(p).unwrap_or(Value::NULL);
                vm.dict_set_str(d, k, m);
            } else {
                vm.set_attr(p, k, m)?;
            }
        }
        parent = Some(m);
    }
    match parent {
        Some(m) => Ok(m),
        None => Err(not_found(vm, format!("No module named '{absname}'"), absname)),
    }
}

// ----- the entry points used by the interpreter -----

/// Items of a `fromlist` (None/NULL/empty means none).
fn fromlist_items(vm: &mut Vm, fromlist: Value) -> PyResult<Vec<Value>> {
    if fromlist.is_null() || fromlist.is_none() {
        return Ok(Vec::new());
    }
    if let Some(t) = fromlist.as_tuple() {
        return Ok(t.to_vec());
    }
    vm.collect(fromlist)
}

/// Imports the submodules a `from package import a, b` names that are not attributes
/// of the package yet (CPython's `_handle_fromlist`).
fn handle_fromlist(vm: &mut Vm, module: Value, items: &[Value], recursive: bool) -> PyResult<()> {
    let Some(modname) = module_attr(vm, module, "__name__")? else {
        return Ok(());
    };
    let Some(modname) = modname.as_rstr().map(str::to_owned) else {
        return Ok(());
    };
    for &x in items {
        let Some(xs) = x.as_rstr().map(str::to_owned) else {
            let what = if recursive { format!("`{modname}.__all__`") } else { "``from list''".to_owned() };
            return Err(vm.type_error(format!("Item in {what} must be str, not {}", vm.type_tp_name(x))));
        };
        if xs == "*" {
            if !recursive {
                if let Some(all) = module_attr(vm, module, "__all__")? {
                    let names = vm.collect(all)?;
                    handle_fromlist(vm, module, &names, true)?;
                }
            }
            continue;
        }
        if module_attr(vm, module, &xs)?.is_some() {
            continue;
        }
        let from_name = format!("{modname}.{xs}");
        if let Err(e) = import_module(vm, &from_name) {
            // A missing submodule is fine: `import_from` reports the missing name.
            if vm.err_matches(&e, vm.exc.module_not_found_error) {
                let k = vm.intern("name");
                let n = vm.get_attr_opt(e.0, k).ok().flatten();
                if n.and_then(|n| n.as_rstr().map(|s| s == from_name)).unwrap_or(false)
                    && modules_get(vm, &from_name).is_none_or(|m| !m.is_none())
                {
                    continue;
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

/// `__import__(name, globals, None, fromlist, level)`: returns the top-level package when
/// `fromlist` is empty/None, else the named module itself.
pub fn import_name(vm: &mut Vm, name: Value, globals: Value, fromlist: Value, level: u32) -> PyResult<Value> {
    // A program may replace `builtins.__import__`; the import statement then calls it.
    let k = vm.intern("__import__");
    if let Some(f) = vm.dict_get_str(vm.builtins_dict, k) {
        if !is_builtin_import(vm, f) {
            let g = if globals.is_null() { Value::NONE } else { globals };
            let fl = if fromlist.is_null() { Value::NONE } else { fromlist };
            let lv = vm.new_int(level as i64);
            return vm.call(f, &[name, g, Value::NONE, fl, lv], &[]);
        }
    }
    import_name_impl(vm, name, globals, fromlist, level)
}

fn is_builtin_import(vm: &Vm, f: Value) -> bool {
    vm.state.borrow().get("import.builtin").is_some_and(|b| b.is(f))
}

/// `import_name` without the `builtins.__import__` override check.
fn import_name_impl(vm: &mut Vm, name: Value, globals: Value, fromlist: Value, level: u32) -> PyResult<Value> {
    let Some(name_str) = name.as_rstr() else {
        return Err(vm.type_error("module name must be a string"));
    };
    // Fast path: `import x` of a module already loaded.
    if level == 0 && !name_str.contains('.') && (fromlist.is_null() || fromlist.is_none()) {
        if let Some(m) = vm.dict_get_str(vm.modules, name) {
            if !m.is_none() {
                return Ok(m);
            }
        }
    }
    let name_s = name_str.to_owned();
    if level == 0 && name_s.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let absname = if level > 0 { resolve_name(vm, &name_s, globals, level)? } else { name_s.clone() };
    let module = import_module(vm, &absname)?;
    let items = fromlist_items(vm, fromlist)?;
    if items.is_empty() {
        if level == 0 {
            let top = name_s.split('.').next().unwrap_or("");
            return match modules_get(vm, top) {
                Some(m) => Ok(m),
                None => import_module(vm, top),
            };
        }
        if name_s.is_empty() {
            return Ok(module);
        }
        let cut = name_s.len() - name_s.split('.').next().unwrap_or("").len();
        let target = &absname[..absname.len() - cut];
        return match modules_get(vm, target) {
            Some(m) => Ok(m),
            None => import_module(vm, target),
        };
    }
    if module_attr(vm, module, "__path__")?.is_some() {
        handle_fromlist(vm, module, &items, false)?;
    }
    Ok(module)
}

/// `from module import name`: the attribute, or the submodule `module.name`; ImportError
/// ("cannot import name 'x' from 'm' (path)") otherwise.
pub fn import_from(vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
    let Some(attr) = name.as_rstr().map(str::to_owned) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern_value(name);
    if let Some(v) = vm.get_attr_opt(module, name)? {
        return Ok(v);
    }
    let modname = module_attr(vm, module, "__name__")?.and_then(|n| n.as_rstr().map(str::to_owned));
    let Some(modname) = modname else {
        let cls = vm.exc.import_error;
        return Err(import_error(
            vm,
            cls,
            format!("cannot import name '{attr}' from '<unknown module name>' (unknown location)"),
            None,
            None,
        ));
    };
    let full = format!("{modname}.{attr}");
    if let Some(m) = modules_get(vm, &full) {
        if !m.is_none() {
            return Ok(m);
        }
    }
    let file = module_attr(vm, module, "__file__")?.filter(|f| f.as_pystr().is_some());
    let loc = match file.and_then(|f| f.as_rstr().map(str::to_owned)) {
        Some(f) => f,
        None => "unknown location".to_owned(),
    };
    let msg = if is_initializing(vm, &modname) {
        format!(
            "cannot import name '{attr}' from partially initialized module '{modname}' (most likely due to a circular import) ({loc})"
        )
    } else {
        format!("cannot import name '{attr}' from '{modname}' ({loc})")
    };
    let cls = vm.exc.import_error;
    Err(import_error(vm, cls, msg, Some(&modname), Some(file.unwrap_or(Value::NONE))))
}

/// `from module import *` into the namespace `target` (a dict or other mapping).
pub fn import_star(vm: &mut Vm, module: Value, target: Value) -> PyResult<()> {
    let modname = module_attr(vm, module, "__name__")?
        .and_then(|n| n.as_rstr().map(str::to_owned))
        .unwrap_or_else(|| "<unknown module name>".to_owned());
    let (names, from_all) = match module_attr(vm, module, "__all__")? {
        Some(all) => (vm.collect(all)?, true),
        None => {
            let d = match module_dict(module) {
                Some(d) => d,
                None => {
                    let k = vm.intern("__dict__");
                    match vm.get_attr_opt(module, k)? {
                        Some(d) => d,
                        None => {
                            return Err(
                                vm.err(vm.exc.import_error, "from-import-* object has no __dict__ and no __all__")
                            )
                        }
                    }
                }
            };
            let keys = match d.as_dict() {
                Some(dd) => dd.borrow().keys(),
                None => {
                    let k = vm.call_method(d, "keys", &[])?;
                    vm.collect(k)?
                }
            };
            (keys, false)
        }
    };
    for n in names {
        let Some(s) = n.as_rstr() else {
            let what = if from_all { "__all__" } else { "__dict__" };
            let kind = if from_all { "Item" } else { "Key" };
            return Err(vm.type_error(format!("{kind} in {modname}.{what} must be str, not {}", vm.type_tp_name(n))));
        };
        if !from_all && s.starts_with('_') {
            continue;
        }
        let n = vm.intern_value(n);
        let v = match module_dict(module).filter(|_| !from_all) {
            Some(d) => match vm.dict_get_str(d, n) {
                Some(v) => v,
                None => continue,
            },
            None => vm.get_attr(module, n)?,
        };
        if target.as_dict().is_some() && vm.type_of(target).is(vm.types.dict) {
            vm.dict_set_str(target, n, v);
        } else {
            vm.set_item(target, n, v)?;
        }
    }
    Ok(())
}

/// The builtin `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] =
        vm.bind_args("__import__", args, kw, ["name", "globals", "locals", "fromlist", "level"], 1)?;
    if name.as_pystr().is_none() {
        return Err(vm.type_error("module name must be a string"));
    }
    let level = if level.is_null() { 0 } else { vm.to_index(level)? };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let level = u32::try_from(level).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    import_name_impl(vm, name, globals, fromlist, level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_packages_before_modules_before_namespaces() {
        let dir = std::env::temp_dir().join(format!("krait-import-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("pkg/__init__.py"), "").unwrap();
        std::fs::write(dir.join("pkg.py"), "").unwrap();
        std::fs::create_dir_all(dir.join("ns")).unwrap();
        std::fs::write(dir.join("mod.py"), "").unwrap();
        let entries = vec![dir.to_string_lossy().into_owned()];
        assert!(matches!(find_on_path(&entries, "pkg"), Some(Location::Source { package_dir: Some(_), .. })));
        assert!(matches!(find_on_path(&entries, "mod"), Some(Location::Source { package_dir: None, .. })));
        assert!(matches!(find_on_path(&entries, "ns"), Some(Location::Namespace(_))));
        assert!(find_on_path(&entries, "missing").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
