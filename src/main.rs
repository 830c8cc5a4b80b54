//! The `krait` command line, modelled on `python3`'s:
//!
//! ```text
//! krait [option] ... [-c cmd | -m mod | file | -] [arg] ...
//! ```
//!
//! The interpreter runs on a thread of its own with a 1 GiB stack: Python recursion
//! becomes Rust recursion in the interpreter, and a large stack plus `vm.stack_limit`
//! (checked by the eval loop) turns runaway recursion into `RecursionError` instead of a
//! crash. Exit statuses follow CPython: 0 on success, 1 for an uncaught exception, the
//! code of `SystemExit`, 2 for usage errors and unreadable scripts, 130 for an uncaught
//! `KeyboardInterrupt`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use krait_interp::builtins::{exec, import, io, sys};
use krait_interp::cfg::Source;
use krait_interp::lower::Mode;
use krait_interp::object::Payload;
use krait_interp::value::Value;
use krait_interp::vm::PyErr;
use krait_interp::Vm;

const STACK_SIZE: usize = 1 << 30;
/// Stack kept free below `vm.stack_limit` for the native code that runs between two
/// limit checks (natives, the GC, panics' unwinding).
const STACK_MARGIN: usize = 256 << 10;

const USAGE: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "\
Options:
-B     : don't write .pyc files on import (accepted; Krait writes none)
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : accepted and ignored (-OO too)
-P     : don't prepend a potentially unsafe path to sys.path
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path (accepted)
-S     : don't imply 'import site' on initialization (accepted)
-u     : force the stdout and stderr streams to be unbuffered
-v     : verbose (accepted)
-V     : print the Krait version number and exit (also --version)
-W arg : warning control (accepted)
-X opt : set implementation-specific option (accepted)
--jit=off|trace|method : JIT mode: trace (the tracing JIT, default) or off (interpreter
                         only); method is not available yet
--jit-threshold=N      : loop back edges before a loop is recorded (default 200; 1 records
                         every loop at its first back edge)
--jit-stats            : print JIT counters at exit (loops recorded, compiled, aborted and
                         why, guards emitted and failed per speculation kind)
--jit-backend=native|ref : compile traces to machine code (default) or run them on the
                         tracer's reference interpreter of the IR (for debugging)
--jit-no=KIND,...      : switch speculations off: int-overflow (int arithmetic through the
                         interpreter), float (float arithmetic through the interpreter),
                         range (for-range loops step their iterator through a helper),
                         global (globals looked up by a helper), branch (no trace),
                         inline (Python calls not inlined), link (trace exits go on into
                         bridges and other loops through the dispatcher, not machine code),
                         licm (loop-invariant code is not hoisted into a preamble), alias
                         (attribute stores not guarded apart from other objects'),
                         int-range (no integer intervals: overflow checks all stay)
KRAIT_JIT_LOG=FILE     : write every trace's IR (as recorded and optimized) and its machine
                         code to FILE
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum JitMode {
    Off,
    Trace,
    Method,
}

/// The JIT's command-line settings.
#[derive(Clone, Debug)]
struct JitOptions {
    mode: JitMode,
    threshold: Option<u32>,
    stats: bool,
    /// `--jit-backend=ref`: the tracer's reference interpreter instead of machine code.
    reference: bool,
    /// `--jit-no=...`: speculation kinds switched off.
    disabled: Vec<String>,
}

#[derive(Clone, Debug)]
enum RunMode {
    Script(String),
    Command(String),
    Module(String),
    /// A program read from stdin; `explicit` when given as `-`.
    Stdin {
        explicit: bool,
    },
    Interactive,
}

#[derive(Clone, Debug)]
struct Options {
    mode: RunMode,
    /// Arguments after the script/command/module.
    args: Vec<String>,
    jit: JitOptions,
    sys: sys::SysConfig,
}

/// Why the command line was rejected, or that it asked for something that ends the
/// process at once.
enum ParseExit {
    Usage(String),
    Print(String),
}

fn parse_args(argv: &[String]) -> Result<Options, ParseExit> {
    let mut cfg = sys::SysConfig { orig_argv: argv.to_vec(), ..Default::default() };
    let mut jit =
        JitOptions { mode: JitMode::Trace, threshold: None, stats: false, reference: false, disabled: vec![] };
    let mut mode = None;
    let mut i = 1;
    let mut rest = Vec::new();
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "-" {
            mode = Some(RunMode::Stdin { explicit: true });
            break;
        }
        if a == "--" {
            if i < argv.len() {
                mode = Some(RunMode::Script(argv[i].clone()));
                i += 1;
            }
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            match (name, value) {
                ("version", None) => return Err(ParseExit::Print(version())),
                ("help", None) => return Err(ParseExit::Print(format!("{USAGE}\n{HELP}"))),
                ("jit", Some(v)) => {
                    jit.mode = match v {
                        "off" => JitMode::Off,
                        "trace" => JitMode::Trace,
                        "method" => JitMode::Method,
                        _ => {
                            return Err(ParseExit::Usage(format!(
                                "krait: invalid --jit mode '{v}' (expected off, trace or method)"
                            )))
                        }
                    }
                }
                ("jit-threshold", Some(v)) => match v.parse::<u32>() {
                    Ok(n) => jit.threshold = Some(n),
                    Err(_) => return Err(ParseExit::Usage(format!("krait: invalid --jit-threshold value '{v}'"))),
                },
                ("jit-stats", None) => jit.stats = true,
                ("jit-backend", Some(v)) => {
                    jit.reference = match v {
                        "native" => false,
                        "ref" => true,
                        _ => {
                            return Err(ParseExit::Usage(format!(
                                "krait: invalid --jit-backend '{v}' (expected native or ref)"
                            )))
                        }
                    }
                }
                ("jit-no", Some(v)) => {
                    for k in v.split(',').filter(|k| !k.is_empty()) {
                        if !krait_interp::jit::SWITCHABLE.iter().any(|(name, _)| *name == k) {
                            return Err(ParseExit::Usage(format!("krait: unknown speculation '{k}' in --jit-no")));
                        }
                        jit.disabled.push(k.to_owned());
                    }
                }
                ("check-hash-based-pycs", _) => {
                    if value.is_none() {
                        i += 1;
                    }
                }
                _ => {
                    return Err(ParseExit::Usage(format!(
                        "unknown option --{name}\n{USAGE}\nTry `krait -h' for more information."
                    )))
                }
            }
            continue;
        }
        if let Some(flags) = a.strip_prefix('-') {
            let chars: Vec<char> = flags.chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                j += 1;
                // Options that take a value: the rest of this argument or the next one.
                let mut take_value = |what: char| -> Result<String, ParseExit> {
                    if j < chars.len() {
                        let v: String = chars[j..].iter().collect();
                        j = chars.len();
                        Ok(v)
                    } else if i < argv.len() {
                        i += 1;
                        Ok(argv[i - 1].clone())
                    } else {
                        Err(ParseExit::Usage(format!(
                            "Argument expected for the -{what} option\n{USAGE}\nTry `krait -h' for more information."
                        )))
                    }
                };
                match c {
                    'c' => {
                        mode = Some(RunMode::Command(take_value('c')?));
                        break;
                    }
                    'm' => {
                        mode = Some(RunMode::Module(take_value('m')?));
                        break;
                    }
                    'X' => {
                        let v = take_value('X')?;
                        cfg.xoptions.push(v);
                    }
                    'W' => {
                        let v = take_value('W')?;
                        cfg.warnoptions.push(v);
                    }
                    'V' => return Err(ParseExit::Print(version())),
                    'h' | '?' => return Err(ParseExit::Print(format!("{USAGE}\n{HELP}"))),
                    'u' => cfg.unbuffered = true,
                    'B' => cfg.dont_write_bytecode = true,
                    'E' => cfg.ignore_environment = true,
                    's' => cfg.no_user_site = true,
                    'S' => cfg.no_site = true,
                    'I' => {
                        cfg.isolated = true;
                        cfg.ignore_environment = true;
                        cfg.no_user_site = true;
                        cfg.safe_path = true;
                    }
                    'P' => cfg.safe_path = true,
                    'O' => cfg.optimize += 1,
                    'q' => cfg.quiet = true,
                    'v' => cfg.verbose += 1,
                    'i' => {
                        cfg.inspect = true;
                        cfg.interactive = true;
                    }
                    'b' | 'd' | 'R' => {}
                    _ => {
                        return Err(ParseExit::Usage(format!(
                            "Unknown option: -{c}\n{USAGE}\nTry `krait -h' for more information."
                        )))
                    }
                }
            }
            if mode.is_some() {
                break;
            }
            continue;
        }
        mode = Some(RunMode::Script(a.clone()));
        break;
    }
    rest.extend(argv[i.min(argv.len())..].iter().cloned());
    let mode = match mode {
        Some(m) => m,
        None if cfg.inspect || std::io::stdin().is_terminal() => RunMode::Interactive,
        None => RunMode::Stdin { explicit: false },
    };
    Ok(Options { mode, args: rest, jit, sys: cfg })
}

fn version() -> String {
    format!("Krait {} (Python 3.11)\n", env!("CARGO_PKG_VERSION"))
}

fn main() {
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let opts = match parse_args(&argv) {
        Ok(o) => o,
        Err(ParseExit::Print(text)) => {
            print!("{text}");
            let _ = std::io::stdout().flush();
            std::process::exit(0);
        }
        Err(ParseExit::Usage(text)) => {
            eprintln!("{text}");
            std::process::exit(2);
        }
    };
    if opts.jit.mode == JitMode::Method {
        eprintln!("krait: --jit=method is not available yet (only --jit=off and --jit=trace)");
        std::process::exit(2);
    }
    let handle = std::thread::Builder::new().name("krait".into()).stack_size(STACK_SIZE).spawn(move || run(opts));
    let code = match handle {
        Ok(h) => h.join().unwrap_or(101),
        Err(e) => {
            eprintln!("krait: cannot start the interpreter thread: {e}");
            1
        }
    };
    std::process::exit(code);
}

/// The backend `--jit-backend` asks for: machine code for this host, or the tracer's
/// reference interpreter.
fn jit_backend(reference: bool) -> Box<dyn krait_tracer::Backend> {
    if reference {
        return Box::new(krait_tracer::RefBackend::new());
    }
    #[cfg(target_arch = "x86_64")]
    {
        Box::new(krait_backend_x86_64::X86Backend::new())
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        Box::new(krait_tracer::RefBackend::new())
    }
}

/// Runs the program the options name; returns the process exit status.
fn run(opts: Options) -> i32 {
    let base = &opts as *const Options as usize;
    let mut vm = Vm::new();
    vm.stack_limit.set(base.saturating_sub(STACK_SIZE) + STACK_MARGIN);
    if opts.jit.mode == JitMode::Trace {
        let defaults = krait_interp::jit::JitConfig::default();
        let config = krait_interp::jit::JitConfig {
            threshold: opts.jit.threshold.unwrap_or(defaults.threshold),
            disabled: opts.jit.disabled.clone(),
            stats: opts.jit.stats,
            log: std::env::var("KRAIT_JIT_LOG").ok().filter(|p| !p.is_empty()),
            ..defaults
        };
        vm.jit.enable(config, jit_backend(opts.jit.reference));
    }
    let stats = opts.jit.stats;
    let code = run_program(&mut vm, opts);
    if stats {
        eprint!("{}", vm.jit.stats_text());
    }
    code
}

/// Runs the program in `vm`; returns the process exit status.
fn run_program(vm: &mut Vm, mut opts: Options) -> i32 {
    let cwd = std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let main_mod = vm.new_module("__main__");
    let main_dict = module_dict(main_mod);
    let builtins = vm.builtins;
    // CPython's order: the module's own entries, then `__annotations__` and `__builtins__`
    // added by the interpreter's start-up, then `__file__` and `__cached__` by the runner.
    set_item(vm, main_dict, "__package__", Value::NONE);
    set_item(vm, main_dict, "__loader__", Value::NONE);
    set_item(vm, main_dict, "__spec__", Value::NONE);
    let annotations = vm.new_dict();
    set_item(vm, main_dict, "__annotations__", annotations);
    set_item(vm, main_dict, "__builtins__", builtins);
    let k = vm.new_str("__main__");
    vm.dict_set_str(vm.modules, k, main_mod);

    let argv0;
    let result: Result<(), PyErr> = match opts.mode.clone() {
        RunMode::Script(path) => {
            argv0 = path.clone();
            let mut shown = if Path::new(&path).is_absolute() { path.clone() } else { format!("{cwd}/{path}") };
            let mut read_path = path.clone();
            // A directory runs its `__main__.py`, with the directory on sys.path.
            if Path::new(&path).is_dir() {
                let main_file =
                    if shown.ends_with('/') { format!("{shown}__main__.py") } else { format!("{shown}/__main__.py") };
                if !Path::new(&main_file).is_file() {
                    eprintln!("krait: can't find '__main__' module in '{shown}'");
                    return 1;
                }
                if !opts.sys.safe_path {
                    opts.sys.path0 = Some(shown.clone());
                }
                shown = main_file.clone();
                read_path = main_file;
            } else if !opts.sys.safe_path {
                let dir = std::fs::canonicalize(&path)
                    .ok()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .unwrap_or_else(|| PathBuf::from(&cwd));
                opts.sys.path0 = Some(dir.to_string_lossy().into_owned());
            }
            let bytes = match std::fs::read(&read_path) {
                Ok(b) => b,
                Err(e) => {
                    let msg = e.to_string();
                    let msg = msg.rsplit_once(" (os error").map(|(m, _)| m.to_owned()).unwrap_or(msg);
                    eprintln!("krait: can't open file '{shown}': [Errno {}] {msg}", e.raw_os_error().unwrap_or(0));
                    return 2;
                }
            };
            configure(vm, &opts, &argv0);
            let f = vm.new_str(&shown);
            set_item(vm, main_dict, "__file__", f);
            set_item(vm, main_dict, "__cached__", Value::NONE);
            match import::decode_source(vm, bytes, &shown) {
                Ok(text) => run_source(vm, text, &shown, main_dict),
                Err(e) => Err(e),
            }
        }
        RunMode::Command(code) => {
            argv0 = "-c".to_owned();
            if !opts.sys.safe_path {
                opts.sys.path0 = Some(String::new());
            }
            configure(vm, &opts, &argv0);
            run_source(vm, code, "<string>", main_dict)
        }
        RunMode::Stdin { explicit } => {
            argv0 = if explicit { "-".to_owned() } else { String::new() };
            if !opts.sys.safe_path {
                opts.sys.path0 = Some(String::new());
            }
            configure(vm, &opts, &argv0);
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("krait: can't read <stdin>: {e}");
                return 2;
            }
            let f = vm.new_str("<stdin>");
            set_item(vm, main_dict, "__file__", f);
            set_item(vm, main_dict, "__cached__", Value::NONE);
            match import::decode_source(vm, bytes, "<stdin>") {
                Ok(text) => run_source(vm, text, "<stdin>", main_dict),
                Err(e) => Err(e),
            }
        }
        RunMode::Module(name) => {
            if !opts.sys.safe_path {
                opts.sys.path0 = Some(cwd.clone());
            }
            argv0 = "-m".to_owned();
            configure(vm, &opts, &argv0);
            match run_module(vm, &name, main_dict, &opts) {
                Ok(r) => r,
                Err(msg) => {
                    // Output of packages imported on the way comes first, as in CPython.
                    io::flush_all(vm);
                    eprintln!("{msg}");
                    return 1;
                }
            }
        }
        RunMode::Interactive => {
            argv0 = String::new();
            if !opts.sys.safe_path {
                opts.sys.path0 = Some(String::new());
            }
            opts.sys.interactive = true;
            configure(vm, &opts, &argv0);
            let code = repl(vm, main_dict, !opts.sys.quiet);
            krait_interp::threads::shutdown(vm);
            krait_interp::modules::atexit::run_exitfuncs(vm);
            io::flush_all(vm);
            return code;
        }
    };
    let mut code = match result {
        Ok(()) => 0,
        Err(e) if vm.isinstance(e.0, vm.exc.system_exit) => {
            let c = system_exit_code(vm, e.0);
            krait_interp::threads::shutdown(vm);
            krait_interp::modules::atexit::run_exitfuncs(vm);
            krait_interp::gc::finalize_at_exit(vm, main_dict);
            io::flush_all(vm);
            return c;
        }
        Err(e) => handle_uncaught(vm, e),
    };
    // `-i`: the prompt follows the program, even one that failed.
    if opts.sys.inspect {
        code = repl(vm, main_dict, false);
    }
    krait_interp::threads::shutdown(vm);
    krait_interp::modules::atexit::run_exitfuncs(vm);
    krait_interp::gc::finalize_at_exit(vm, main_dict);
    io::flush_all(vm);
    code
}

fn configure(vm: &mut Vm, opts: &Options, argv0: &str) {
    let mut cfg = opts.sys.clone();
    cfg.argv = std::iter::once(argv0.to_owned()).chain(opts.args.iter().cloned()).collect();
    sys::configure(vm, &cfg);
}

fn module_dict(m: Value) -> Value {
    match m.as_obj().map(|o| &o.payload) {
        Some(Payload::Module(md)) => md.dict,
        _ => Value::NULL,
    }
}

fn set_item(vm: &mut Vm, d: Value, k: &str, v: Value) {
    let k = vm.intern(k);
    vm.dict_set_str(d, k, v);
}

fn run_source(vm: &mut Vm, text: String, filename: &str, globals: Value) -> Result<(), PyErr> {
    let src = Rc::new(Source::new(filename.to_owned(), text));
    let code = krait_interp::lower::compile(vm, src, Mode::Exec)?;
    krait_interp::eval::run_code_toplevel(vm, code, globals, Value::NULL)?;
    Ok(())
}

/// `-m name`: runs the module (or a package's `__main__`) found on `sys.path` as
/// `__main__`. Err carries the message to print when the module cannot be found.
fn run_module(vm: &mut Vm, name: &str, main_dict: Value, opts: &Options) -> Result<Result<(), PyErr>, String> {
    let loc = match import::find_location(vm, name) {
        Ok(l) => l,
        Err(e) => {
            let text = exception_summary(vm, e);
            return Err(format!("krait: Error while finding module specification for '{name}' ({text})"));
        }
    };
    let (file, package) = match loc {
        Some(import::Location::Source { file, package_dir: None }) => {
            (file, name.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default())
        }
        Some(import::Location::Source { package_dir: Some(_), .. }) | Some(import::Location::Namespace(_)) => {
            let main_name = format!("{name}.__main__");
            match import::find_location(vm, &main_name) {
                Ok(Some(import::Location::Source { file, package_dir: None })) => (file, name.to_owned()),
                Ok(_) => {
                    return Err(format!(
                        "krait: No module named {main_name}; '{name}' is a package and cannot be directly executed"
                    ));
                }
                Err(e) => {
                    let text = exception_summary(vm, e);
                    return Err(format!("krait: Error while finding module specification for '{main_name}' ({text})"));
                }
            }
        }
        Some(import::Location::Native(_)) => {
            return Err(format!("krait: No code object available for {name}"));
        }
        None => {
            return Err(format!("krait: No module named {name}"));
        }
    };
    let shown = file.to_string_lossy().into_owned();
    configure(vm, opts, &shown);
    let f = vm.new_str(&shown);
    set_item(vm, main_dict, "__file__", f);
    let p = vm.new_str(&package);
    set_item(vm, main_dict, "__package__", p);
    Ok(match import::compile_file(vm, &file) {
        Ok(code) => krait_interp::eval::run_code_toplevel(vm, code, main_dict, Value::NULL).map(|_| ()),
        Err(e) => Err(e),
    })
}

/// "ModuleNotFoundError: No module named 'x'" for an exception.
fn exception_summary(vm: &mut Vm, e: PyErr) -> String {
    let tn = vm.type_name(e.0);
    match vm.str_string(e.0) {
        Ok(s) if !s.is_empty() => format!("{tn}: {s}"),
        _ => tn,
    }
}

/// What an exception that reached the top level does: print it (or `SystemExit`'s
/// message) and give the exit status.
fn handle_uncaught(vm: &mut Vm, e: PyErr) -> i32 {
    let exc = e.0;
    if vm.isinstance(exc, vm.exc.system_exit) {
        return system_exit_code(vm, exc);
    }
    print_exception(vm, exc);
    if vm.isinstance(exc, vm.exc.keyboard_interrupt) {
        130
    } else {
        1
    }
}

/// The exit status `SystemExit` asks for, printing a non-int code to stderr.
fn system_exit_code(vm: &mut Vm, exc: Value) -> i32 {
    let k = vm.intern("code");
    let code = match vm.get_attr_opt(exc, k) {
        Ok(Some(c)) => c,
        _ => {
            let args = exc
                .as_obj()
                .and_then(|o| o.as_exception())
                .map(|x| x.args.get())
                .and_then(|a| a.as_tuple().map(|t| t.to_vec()))
                .unwrap_or_default();
            match args.len() {
                0 => Value::NONE,
                1 => args[0],
                _ => vm.new_tuple(args),
            }
        }
    };
    if code.is_none() {
        return 0;
    }
    if let Some(i) = vm.int_value(code) {
        return i32::try_from(&i).unwrap_or(-1);
    }
    let text = match vm.str_string(code) {
        Ok(s) => s,
        Err(_) => String::from("<exception str() failed>"),
    };
    io::flush_all(vm);
    if sys::write_to_sys_stream(vm, "stderr", &format!("{text}\n")).is_err() {
        eprintln!("{text}");
    }
    1
}

/// Prints an uncaught exception through `sys.excepthook` (the default one writes
/// CPython's traceback format to `sys.stderr`).
fn print_exception(vm: &mut Vm, exc: Value) {
    // CPython flushes stdout first, so output and traceback keep their order when both
    // go to the same file.
    io::flush_all(vm);
    let hook = krait_interp::builtins::sys_attr(vm, "excepthook");
    let orig = krait_interp::builtins::sys_attr(vm, "__excepthook__");
    if let (Some(h), Some(o)) = (hook, orig) {
        if !h.is(o) {
            let t = vm.type_of(exc);
            let tb = exc.as_obj().and_then(|o| o.as_exception()).map(|x| x.traceback.get()).unwrap_or(Value::NONE);
            match vm.call(h, &[t, exc, tb], &[]) {
                Ok(_) => return,
                Err(e2) => {
                    let text = krait_interp::eval::traceback::format_exception(vm, e2.0);
                    write_stderr(vm, &format!("Error in sys.excepthook:\n{text}\nOriginal exception was:\n"));
                }
            }
        }
    }
    let text = krait_interp::eval::traceback::format_exception(vm, exc);
    write_stderr(vm, &text);
}

fn write_stderr(vm: &mut Vm, text: &str) {
    if sys::write_to_sys_stream(vm, "stderr", text).is_err() {
        eprint!("{text}");
    }
    let v = krait_interp::builtins::sys_attr(vm, "stderr");
    if let Some(s) = v.as_ref().and_then(io::as_stream) {
        let _ = io::stream_flush(vm, s);
    }
}

// ----- the interactive prompt -----

/// Where the prompt's lines come from: a line editor on a terminal, plain stdin
/// otherwise (`krait -i < file`), with prompts on stderr as CPython does.
enum LineSource {
    Editor(Box<rustyline::DefaultEditor>),
    Plain,
}

enum Line {
    Text(String),
    Eof,
    Interrupted,
}

impl LineSource {
    fn new() -> LineSource {
        if std::io::stdin().is_terminal() {
            if let Ok(ed) = rustyline::DefaultEditor::new() {
                return LineSource::Editor(Box::new(ed));
            }
        }
        LineSource::Plain
    }

    fn read(&mut self, vm: &mut Vm, prompt: &str) -> Line {
        match self {
            LineSource::Editor(ed) => match ed.readline(prompt) {
                Ok(l) => Line::Text(l),
                Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
                Err(_) => Line::Eof,
            },
            LineSource::Plain => {
                // Through the program's own stdin stream, so that `input()` in the
                // entered code reads the following lines, as in CPython.
                eprint!("{prompt}");
                match io::stdin_readline(vm) {
                    Ok(Some(v)) => {
                        let s = v.as_rstr().unwrap_or("");
                        Line::Text(s.strip_suffix('\n').unwrap_or(s).to_owned())
                    }
                    _ => Line::Eof,
                }
            }
        }
    }

    fn remember(&mut self, entry: &str) {
        if let LineSource::Editor(ed) = self {
            let _ = ed.add_history_entry(entry);
        }
    }
}

fn prompt_text(vm: &mut Vm, name: &str, default: &str) -> String {
    match krait_interp::builtins::sys_attr(vm, name) {
        Some(p) => vm.str_string(p).unwrap_or_else(|_| default.to_owned()),
        None => default.to_owned(),
    }
}

/// The read-eval-print loop; returns the exit status.
fn repl(vm: &mut Vm, globals: Value, banner: bool) -> i32 {
    if banner {
        eprintln!(
            "Krait {} (Python 3.11) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
            env!("CARGO_PKG_VERSION")
        );
    }
    for (k, v) in [("ps1", ">>> "), ("ps2", "... ")] {
        if krait_interp::builtins::sys_attr(vm, k).is_none() {
            let s = vm.new_str(v);
            let kk = vm.intern(k);
            let sysm = vm.sys;
            vm.set_class_or_module_attr(sysm, kk, s);
        }
    }
    let mut lines = LineSource::new();
    'outer: loop {
        io::flush_all(vm);
        let ps1 = prompt_text(vm, "ps1", ">>> ");
        let first = match lines.read(vm, &ps1) {
            Line::Text(t) => t,
            Line::Eof => {
                if matches!(lines, LineSource::Plain) {
                    eprintln!();
                }
                return 0;
            }
            Line::Interrupted => {
                write_stderr(vm, "\nKeyboardInterrupt\n");
                continue;
            }
        };
        let mut buf = first;
        while needs_more(&buf) {
            io::flush_all(vm);
            let ps2 = prompt_text(vm, "ps2", "... ");
            match lines.read(vm, &ps2) {
                Line::Text(t) => {
                    buf.push('\n');
                    buf.push_str(&t);
                }
                Line::Eof => break,
                Line::Interrupted => {
                    write_stderr(vm, "\nKeyboardInterrupt\n");
                    continue 'outer;
                }
            }
        }
        if buf.trim().is_empty() {
            continue;
        }
        lines.remember(&buf);
        buf.push('\n');
        let src = Rc::new(Source::new("<stdin>".to_owned(), buf));
        let r = krait_interp::lower::compile(vm, src, Mode::Single)
            .and_then(|code| exec::run(vm, code, globals, globals).map(|_| ()));
        if let Err(e) = r {
            if vm.isinstance(e.0, vm.exc.system_exit) {
                return system_exit_code(vm, e.0);
            }
            io::flush_all(vm);
            print_exception(vm, e.0);
        }
    }
}

/// Lexical state at the end of some source: open brackets, an unterminated triple-quoted
/// string, a trailing backslash.
struct Scan {
    depth: i32,
    in_triple: bool,
    continued: bool,
}

fn scan(src: &str) -> Scan {
    let b: Vec<char> = src.chars().collect();
    let mut depth = 0;
    let mut i = 0;
    let mut in_triple = false;
    while i < b.len() {
        let c = b[i];
        match c {
            '#' => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '\'' | '"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                if triple {
                    i += 3;
                    in_triple = true;
                    while i < b.len() {
                        if b[i] == '\\' {
                            i += 2;
                            continue;
                        }
                        if i + 2 < b.len() && b[i] == c && b[i + 1] == c && b[i + 2] == c {
                            in_triple = false;
                            i += 2;
                            break;
                        }
                        i += 1;
                    }
                } else {
                    i += 1;
                    while i < b.len() && b[i] != c && b[i] != '\n' {
                        if b[i] == '\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let continued = src.trim_end_matches([' ', '\t']).ends_with('\\');
    Scan { depth, in_triple, continued }
}

const COMPOUND: [&str; 12] =
    ["if", "elif", "else", "for", "while", "def", "class", "with", "try", "async", "match", "@"];

/// True when the first line opens a block (which a blank line must close).
fn opens_block(src: &str) -> bool {
    let first = src.lines().next().unwrap_or("").trim_start();
    let code = first.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        return true;
    }
    let word: String = first.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '@').collect();
    COMPOUND.contains(&word.as_str()) || word.starts_with('@')
}

/// Whether the prompt should ask for another line before compiling.
fn needs_more(src: &str) -> bool {
    let s = scan(src);
    if s.depth > 0 || s.in_triple || s.continued {
        return true;
    }
    // A block goes on until an empty line closes it.
    opens_block(src) && !src.rsplit_once('\n').is_some_and(|(_, last)| last.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        std::iter::once("krait").chain(a.iter().copied()).map(String::from).collect()
    }

    #[test]
    fn parses_script_and_arguments() {
        let Ok(o) = parse_args(&args(&["-u", "-X", "dev", "x.py", "-c", "1"])) else { panic!() };
        assert!(matches!(o.mode, RunMode::Script(ref s) if s == "x.py"));
        assert_eq!(o.args, vec!["-c", "1"]);
        assert!(o.sys.unbuffered);
        assert_eq!(o.sys.xoptions, vec!["dev"]);
    }

    #[test]
    fn parses_command_and_module() {
        let Ok(o) = parse_args(&args(&["-c", "print(1)", "a"])) else { panic!() };
        assert!(matches!(o.mode, RunMode::Command(ref s) if s == "print(1)"));
        assert_eq!(o.args, vec!["a"]);
        let Ok(o) = parse_args(&args(&["-mpkg.mod"])) else { panic!() };
        assert!(matches!(o.mode, RunMode::Module(ref s) if s == "pkg.mod"));
        assert!(matches!(parse_args(&args(&["-c"])), Err(ParseExit::Usage(_))));
        assert!(matches!(parse_args(&args(&["-z"])), Err(ParseExit::Usage(_))));
    }

    #[test]
    fn parses_jit_options() {
        let Ok(o) = parse_args(&args(&["--jit=trace", "--jit-threshold=7", "--jit-stats", "x.py"])) else { panic!() };
        assert_eq!(o.jit.mode, JitMode::Trace);
        assert_eq!(o.jit.threshold, Some(7));
        assert!(o.jit.stats);
        assert!(matches!(parse_args(&args(&["--jit=fast"])), Err(ParseExit::Usage(_))));
    }

    #[test]
    fn continuation_lines() {
        assert!(!needs_more("1 + 1"));
        assert!(needs_more("(1 +"));
        assert!(needs_more("if x:"));
        assert!(needs_more("if x:\n    y"));
        assert!(!needs_more("if x:\n    y\n"));
        assert!(!needs_more("if x:\n    y\n   "));
        assert!(needs_more("for i in r: print(i)"));
        assert!(needs_more("s = '''abc"));
        assert!(!needs_more("s = '''abc'''"));
        assert!(!needs_more("d = {'a': '('}"));
        assert!(needs_more("x = 1 + \\"));
    }
}
