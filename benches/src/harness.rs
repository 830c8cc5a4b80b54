//! krait-bench: runs Krait's benchmark programs under every available Krait mode and
//! under the other Pythons it finds, verifies each run's output against CPython's, and
//! reports median wall time, peak RSS and ratios to CPython (text table, a combined JSON
//! file, pyperf-format JSON per implementation, and an SVG chart).
//!
//! Usage: cargo run --release -p krait-bench -- [options]   (see `--help`)

mod discover;
mod json;
mod model;
mod pyperf;
mod report;
mod runner;
mod stats;
mod suite;
mod svg;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use discover::{Bench, Group};
use model::{Cell, Impl, Meta, Results, RunRec, Status};
use runner::{Exit, Measured, RunEnv};

const HELP: &str = "\
krait-bench: compare Krait's modes with CPython, PyPy and other Pythons

usage: cargo run --release -p krait-bench -- [options]

  --quick            reduced work sizes (each program ~0.1-0.3 s under CPython);
                     3 timed runs per cell unless --repeat says otherwise
  --repeat N         timed runs per cell after one warm-up run (default 5, or 3 with --quick)
  --only NAME[,NAME] run only benchmarks whose name contains one of these strings
                     (may be repeated; matches start-up rows too, e.g. --only startup)
  --micro            run the micro-benchmarks of benches/micro instead of benches/programs
  --suite DIR        run the pure-Python programs of your own checkout of the PyPy
                     benchmark suite (DIR/own/*.py and DIR/unladen_swallow/performance/
                     bm_*.py, or DIR/*.py) or of pyperformance (bm_*/run_benchmark.py;
                     needs a --cpython that can import pyperf); only their exit status is
                     checked, since they print timings
  --suite-args ARGS  arguments for every suite program instead of the defaults (PyPy
                     layout: \"-n 5\", \"-n 1\" with --quick; pyperformance: pyperf worker
                     options, e.g. \"--loops=1 --warmups=1 --values=3\")
  --python PATH      also run this Python (may be repeated)
  --cpython PATH     the reference CPython (default /usr/bin/python3.11)
  --krait PATH       the krait binary (default: target/release/krait of this workspace)
  --no-pypy          do not look for pypy3 on PATH
  --timeout SECS     per-run timeout (default 300, or 60 with --quick except for a
                     suite); a timeout fails the cell
  --out DIR          output directory (default target/bench-results)
  --list             list the benchmarks and their work sizes, run nothing
  -h, --help         this help

Build Krait first (`cargo build --release`): this harness runs target/release/krait as it is.
";

struct Options {
    quick: bool,
    repeat: Option<usize>,
    only: Vec<String>,
    micro: bool,
    suite: Option<PathBuf>,
    suite_args: Vec<String>,
    pythons: Vec<String>,
    cpython: Option<String>,
    krait: Option<String>,
    no_pypy: bool,
    timeout: Option<f64>,
    out: Option<PathBuf>,
    list: bool,
}

fn die(msg: &str) -> ! {
    eprintln!("krait-bench: {}", msg);
    exit(2)
}

fn parse_args() -> Options {
    let mut o = Options {
        quick: false,
        repeat: None,
        only: Vec::new(),
        micro: false,
        suite: None,
        suite_args: Vec::new(),
        pythons: Vec::new(),
        cpython: None,
        krait: None,
        no_pypy: false,
        timeout: None,
        out: None,
        list: false,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let (flag, inline) = match args[i].split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (args[i].clone(), None),
        };
        let mut value = || -> String {
            if let Some(v) = inline.clone() {
                return v;
            }
            i += 1;
            args.get(i).cloned().unwrap_or_else(|| die(&format!("{} needs a value", flag)))
        };
        match flag.as_str() {
            "--quick" => o.quick = true,
            "--repeat" => {
                let v = value();
                o.repeat = Some(v.parse().ok().filter(|n| *n >= 1).unwrap_or_else(|| die("--repeat needs N >= 1")))
            }
            "--only" => o.only.extend(value().split(',').filter(|s| !s.is_empty()).map(String::from)),
            "--micro" => o.micro = true,
            "--suite" => o.suite = Some(PathBuf::from(value())),
            "--suite-args" => o.suite_args.extend(value().split_whitespace().map(String::from)),
            "--python" => o.pythons.push(value()),
            "--cpython" => o.cpython = Some(value()),
            "--krait" => o.krait = Some(value()),
            "--no-pypy" => o.no_pypy = true,
            "--timeout" => {
                let v = value();
                o.timeout =
                    Some(v.parse().ok().filter(|t: &f64| *t > 0.0).unwrap_or_else(|| die("--timeout needs SECS > 0")))
            }
            "--out" => o.out = Some(PathBuf::from(value())),
            "--list" => o.list = true,
            "-h" | "--help" => {
                print!("{}", HELP);
                exit(0)
            }
            other => die(&format!("unknown option {} (see --help)", other)),
        }
        i += 1;
    }
    o
}

/// The workspace root (this crate lives in `benches/`).
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let p = dir.join(name);
        if p.is_file() {
            return Some(p);
        }
    }
    None
}

/// UTC date for a Unix time, "YYYY-MM-DD HH:MM:SS.ffffff" (pyperf's format).
pub fn format_date(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    // civil_from_days (Howard Hinnant)
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = if month <= 2 { y + 1 } else { y };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}",
        year,
        month,
        day,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_micros()
    )
}

fn now() -> String {
    format_date(SystemTime::now())
}

fn loadavg() -> (f64, String) {
    match fs::read_to_string("/proc/loadavg") {
        Ok(s) => {
            let f: Vec<&str> = s.split_whitespace().collect();
            let l1 = f.first().and_then(|v| v.parse().ok()).unwrap_or(0.0);
            (l1, f.iter().take(3).cloned().collect::<Vec<_>>().join(" "))
        }
        Err(_) => (0.0, "unknown".to_string()),
    }
}

fn cpu_count() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

fn command_output(argv: &[&str], renv: &RunEnv) -> Measured {
    let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
    runner::run(&argv, renv)
}

fn version_of(exe: &str, renv: &RunEnv) -> String {
    let m = command_output(&[exe, "--version"], renv);
    let mut text = String::from_utf8_lossy(&m.stdout).to_string();
    text.push_str(&String::from_utf8_lossy(&m.stderr));
    let v: Vec<&str> = text.lines().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    if v.is_empty() {
        format!("(version unknown: {})", m.exit.describe())
    } else {
        v.join(" ")
    }
}

fn sanitize(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// Newest modification time of Krait's Rust sources, to warn about a stale binary.
fn newest_source(root: &Path) -> Option<(SystemTime, PathBuf)> {
    fn walk(dir: &Path, best: &mut Option<(SystemTime, PathBuf)>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, best);
            } else if p.extension().is_some_and(|x| x == "rs") || p.file_name().is_some_and(|n| n == "Cargo.toml") {
                if let Ok(t) = e.metadata().and_then(|m| m.modified()) {
                    if best.as_ref().is_none_or(|(b, _)| t > *b) {
                        *best = Some((t, p));
                    }
                }
            }
        }
    }
    let mut best = None;
    for d in ["src", "interp", "tracer", "backend-x86_64", "backend-aarch64"] {
        walk(&root.join(d), &mut best);
    }
    best
}

fn git_revision(root: &Path, renv: &RunEnv) -> String {
    let root_s = root.to_string_lossy().to_string();
    let head = command_output(&["git", "-C", &root_s, "rev-parse", "--short", "HEAD"], renv);
    if !head.exit.ok() {
        return "unknown".to_string();
    }
    let mut rev = String::from_utf8_lossy(&head.stdout).trim().to_string();
    let st = command_output(&["git", "-C", &root_s, "status", "--porcelain", "--untracked-files=no"], renv);
    if st.exit.ok() && !st.stdout.is_empty() {
        rev.push_str("-dirty");
    }
    rev
}

/// The reference CPython 3.11: `--cpython`, else /usr/bin/python3.11, else python3.11 on PATH.
fn reference_cpython(o: &Options) -> String {
    match &o.cpython {
        Some(p) => p.clone(),
        None => {
            if Path::new("/usr/bin/python3.11").is_file() {
                "/usr/bin/python3.11".to_string()
            } else if let Some(p) = find_on_path("python3.11") {
                p.to_string_lossy().to_string()
            } else {
                die("no CPython 3.11 found (/usr/bin/python3.11); give one with --cpython PATH")
            }
        }
    }
}

/// The programs of `--suite DIR` that can run (see suite.rs), and the layout's name. The
/// reference CPython checks which programs are Python 3 and which import only standard
/// library or suite modules; the others go to the notes.
fn suite_benches(
    o: &Options,
    dir: &Path,
    work: &Path,
    probe: &RunEnv,
    notes: &mut Vec<String>,
) -> (Vec<Bench>, String) {
    let found = suite::find(dir, o.quick, &o.suite_args).unwrap_or_else(|e| die(&e));
    let mut skipped = found.skipped.clone();
    let cpython = reference_cpython(o);
    let mut argv = vec![cpython.clone(), "-I".to_string(), "-c".to_string(), suite::ANALYZE_PY.to_string()];
    let mut scripts: Vec<String> = found.candidates.iter().map(|c| c.script.to_string_lossy().to_string()).collect();
    scripts.dedup();
    argv.extend(scripts);
    let m = runner::run(&argv, probe);
    if !m.exit.ok() {
        die(&format!(
            "{} could not analyse the suite's programs ({}): {}",
            cpython,
            m.exit.describe(),
            runner::last_line(&m.stderr)
        ));
    }
    let (stdlib, analysis) = suite::parse_analysis(&String::from_utf8_lossy(&m.stdout));
    let mut env = Vec::new();
    let layout = match found.layout {
        suite::Layout::PyPy => {
            // For programs that import the suite's packages from its root (`from own import util`).
            if let Some(p) = &found.pythonpath {
                env.push(("PYTHONPATH".to_string(), p.to_string_lossy().to_string()));
            }
            "PyPy"
        }
        suite::Layout::Pyperformance => {
            // pyperf itself, from the reference CPython, alone on PYTHONPATH for everyone.
            let find =
                [&cpython, "-I", "-c", "import os, pyperf; print(os.path.dirname(os.path.abspath(pyperf.__file__)))"];
            let m = command_output(&find, probe);
            let pkg = String::from_utf8_lossy(&m.stdout).trim().to_string();
            if !m.exit.ok() || pkg.is_empty() {
                die(&format!(
                    "the programs of a pyperformance checkout import pyperf, which {} cannot import: \
                     make a virtualenv with pyperf (/usr/bin/python3.11 -m venv V && V/bin/pip install pyperf) \
                     and pass --cpython V/bin/python",
                    cpython
                ));
            }
            let lib = work.join("suite-lib");
            let _ = fs::create_dir_all(&lib);
            let link = lib.join("pyperf");
            let _ = fs::remove_file(&link);
            if let Err(e) = std::os::unix::fs::symlink(&pkg, &link) {
                die(&format!("cannot link {} to {}: {}", link.display(), pkg, e));
            }
            // Its distribution metadata too: pyperf finds its hooks through entry points.
            if let Some(site) = Path::new(&pkg).parent() {
                for e in fs::read_dir(site).into_iter().flatten().flatten() {
                    let n = e.file_name().to_string_lossy().to_string();
                    if n.starts_with("pyperf-") && n.ends_with(".dist-info") {
                        let link = lib.join(&n);
                        let _ = fs::remove_file(&link);
                        let _ = std::os::unix::fs::symlink(e.path(), &link);
                    }
                }
            }
            env.push(("PYTHONPATH".to_string(), lib.to_string_lossy().to_string()));
            notes.push(format!("suite: pyperf from {} (via PYTHONPATH={})", pkg, lib.display()));
            "pyperformance"
        }
    };
    notes.push(format!("suite: every program gets {}", found.options));
    let (benches, more) = suite::select(&found, &stdlib, &analysis, &env);
    skipped.extend(more);
    for (name, why) in skipped {
        notes.push(format!("suite: skipped {}: {}", name, why));
    }
    (benches, layout.to_string())
}

fn detect_impls(o: &Options, out: &Path, renv: &RunEnv, notes: &mut Vec<String>) -> Vec<Impl> {
    let mut impls = Vec::new();
    let cpython = reference_cpython(o);
    impls.push(Impl {
        name: "cpython".to_string(),
        argv: vec![cpython.clone()],
        version: version_of(&cpython, renv),
        reference: true,
        unavailable: None,
        family: "cpython".to_string(),
    });
    if !o.no_pypy {
        if let Some(p) = find_on_path("pypy3") {
            let p = p.to_string_lossy().to_string();
            impls.push(Impl {
                name: "pypy3".to_string(),
                version: version_of(&p, renv),
                argv: vec![p],
                reference: false,
                unavailable: None,
                family: "pypy".to_string(),
            });
        } else {
            notes.push("pypy3 not found on PATH: PyPy not compared".to_string());
        }
    }
    for p in &o.pythons {
        let base = Path::new(p).file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| p.clone());
        let mut name = sanitize(&base);
        let mut k = 2;
        while impls.iter().any(|i| i.name == name) {
            name = format!("{}-{}", sanitize(&base), k);
            k += 1;
        }
        let version = version_of(p, renv);
        let family = if version.to_lowercase().contains("pypy") { "pypy" } else { "cpython" };
        impls.push(Impl {
            name,
            argv: vec![p.clone()],
            version,
            reference: false,
            unavailable: None,
            family: family.to_string(),
        });
    }
    // Krait, in every mode it offers.
    let root = workspace_root();
    let krait = match &o.krait {
        Some(p) => PathBuf::from(p),
        None => {
            let beside = std::env::current_exe().ok().and_then(|e| e.parent().map(|d| d.join("krait")));
            match beside {
                Some(b) if b.is_file() => b,
                _ => root.join("target/release/krait"),
            }
        }
    };
    if !krait.is_file() {
        die(&format!(
            "no krait binary at {}: build it with `cargo build --release` (or give --krait PATH)",
            krait.display()
        ));
    }
    let built = fs::metadata(&krait).and_then(|m| m.modified()).ok();
    // Time a copy taken now, so that a `cargo build` during the run (other work goes on in
    // the same tree) cannot mix two binaries in one table. Krait finds its standard library
    // by absolute path, not relative to the executable, so the copy behaves the same.
    let snapshot = out.join("bin").join("krait");
    let krait_s = match fs::create_dir_all(out.join("bin")).and_then(|_| fs::copy(&krait, &snapshot)) {
        Ok(_) => {
            notes.push(format!(
                "krait: timing a copy of {} taken at the start: {}",
                krait.display(),
                snapshot.display()
            ));
            snapshot.to_string_lossy().to_string()
        }
        Err(e) => {
            notes.push(format!("krait: could not copy {} ({}): timing it in place", krait.display(), e));
            krait.to_string_lossy().to_string()
        }
    };
    if let (Some(built), None) = (built, &o.krait) {
        if let Some((t, p)) = newest_source(&root) {
            if t > built {
                notes.push(format!(
                    "WARNING: {} is newer than the krait binary: the binary may be stale (run `cargo build --release`)",
                    p.strip_prefix(&root).unwrap_or(&p).display()
                ));
            }
        }
    }
    let kversion = format!(
        "{} (binary built {} UTC)",
        version_of(&krait_s, renv),
        built.map(|t| format_date(t)[..16].to_string()).unwrap_or_else(|| "?".to_string())
    );
    for mode in ["off", "trace", "method"] {
        let flag = format!("--jit={}", mode);
        let probe = command_output(&[&krait_s, &flag, "-c", "pass"], renv);
        let unavailable = if probe.exit.ok() {
            None
        } else {
            let why = runner::last_line(&probe.stderr);
            Some(if why.is_empty() { probe.exit.describe() } else { why })
        };
        impls.push(Impl {
            name: format!("krait-{}", mode),
            argv: vec![krait_s.clone(), flag],
            version: kversion.clone(),
            reference: false,
            unavailable,
            family: "krait".to_string(),
        });
    }
    impls
}

fn rec(m: &Measured, output_ok: bool) -> RunRec {
    RunRec {
        exit: m.exit.clone(),
        wall: m.wall,
        cpu: m.cpu,
        maxrss_kib: m.maxrss_kib,
        load1: loadavg().0,
        date: now(),
        output_ok,
    }
}

/// Saves a failing run's outputs (and the expected output) for inspection.
fn save_failure(out: &Path, bench: &Bench, imp: &Impl, m: &Measured, expected: Option<&[u8]>) {
    let dir = out.join("failures");
    let _ = fs::create_dir_all(&dir);
    let stem = format!("{}.{}", sanitize(&bench.name), sanitize(&imp.name));
    let _ = fs::write(dir.join(format!("{}.stdout", stem)), &m.stdout);
    let _ = fs::write(dir.join(format!("{}.stderr", stem)), &m.stderr);
    if let Some(e) = expected {
        let _ = fs::write(dir.join(format!("{}.expected", sanitize(&bench.name))), e);
    }
}

/// Judges one run: None when it passed, else the short failure reason.
fn judge(bench: &Bench, m: &Measured, expected: Option<&[u8]>) -> Option<String> {
    if !m.exit.ok() {
        return Some(match &m.exit {
            Exit::Code(c) => format!("exit {}", c),
            e => e.describe(),
        });
    }
    if bench.check_output {
        match expected {
            Some(e) if e == m.stdout.as_slice() => None,
            Some(_) => Some("output".to_string()),
            None => Some("no reference".to_string()),
        }
    } else {
        None
    }
}

fn run_bench(
    bench: &Bench,
    impls: &[Impl],
    repeat: usize,
    renv_default: &RunEnv,
    out: &Path,
    progress: &str,
) -> Vec<Cell> {
    // The benchmark's own environment variables (suite programs: PYTHONPATH) on top of
    // the common one; every implementation gets the same.
    let mut env_owned: Vec<(String, String)> = renv_default.env.to_vec();
    for (k, v) in &bench.env {
        env_owned.retain(|(k0, _)| k0 != k);
        env_owned.push((k.clone(), v.clone()));
    }
    let renv = RunEnv { cwd: renv_default.cwd, env: &env_owned, timeout: renv_default.timeout };
    let argv_of = |imp: &Impl| -> Vec<String> {
        let mut v = imp.argv.clone();
        v.extend(bench.args.iter().cloned());
        v
    };
    let mut cells: Vec<Cell> = impls.iter().map(|_| Cell::new()).collect();
    let reference = impls.iter().position(|i| i.reference).unwrap();
    let mut expected: Option<Vec<u8>> = None;

    // Warm-up runs; the reference goes first and provides the expected output.
    let mut order: Vec<usize> = vec![reference];
    order.extend((0..impls.len()).filter(|&i| i != reference));
    for &i in &order {
        let imp = &impls[i];
        if let Some(why) = &imp.unavailable {
            cells[i].status = Status::NotRun(format!("unavailable: {}", why));
            continue;
        }
        if i != reference && bench.check_output && expected.is_none() {
            cells[i].status = Status::NotRun("no reference output (CPython failed)".to_string());
            continue;
        }
        let m = runner::run(&argv_of(imp), &renv);
        if i == reference && m.exit.ok() {
            expected = Some(m.stdout.clone());
        }
        let verdict = judge(bench, &m, expected.as_deref());
        cells[i].warmup = Some(rec(&m, verdict.is_none()));
        if let Some(why) = verdict {
            cells[i].status = Status::Fail(format!("{} (warm-up)", why));
            cells[i].detail = runner::last_line(&m.stderr);
            save_failure(out, bench, imp, &m, expected.as_deref());
        }
    }
    // Timed runs, interleaved across implementations so that load changes hit all alike.
    for _ in 0..repeat {
        for &i in &order {
            if cells[i].status != Status::Pass {
                continue;
            }
            let m = runner::run(&argv_of(&impls[i]), &renv);
            let verdict = judge(bench, &m, expected.as_deref());
            cells[i].runs.push(rec(&m, verdict.is_none()));
            if let Some(why) = verdict {
                let n = cells[i].runs.len();
                cells[i].status = Status::Fail(format!("{} (run {})", why, n));
                cells[i].detail = runner::last_line(&m.stderr);
                save_failure(out, bench, &impls[i], &m, expected.as_deref());
            }
        }
    }
    // Progress line on stderr.
    let mut line = format!("{} {}", progress, bench.name);
    for &i in &order {
        let c = &cells[i];
        match &c.status {
            Status::Pass => {
                line.push_str(&format!("  {} {}", impls[i].name, stats::fmt_secs(c.median_wall().unwrap_or(0.0))))
            }
            Status::Fail(w) => line.push_str(&format!("  {} FAIL({})", impls[i].name, w)),
            Status::NotRun(_) => {}
        }
    }
    eprintln!("{}", line);
    cells
}

fn main() {
    let o = parse_args();
    let t0 = Instant::now();
    let started = now();
    let root = workspace_root();
    let bench_dir = root.join("benches");
    let out = o.out.clone().unwrap_or_else(|| root.join("target/bench-results"));
    let repeat = o.repeat.unwrap_or(if o.quick { 3 } else { 5 });

    // Where and how every run happens: the same for every implementation.
    let work = out.join("work");
    fs::create_dir_all(&work).unwrap_or_else(|e| die(&format!("{}: {}", work.display(), e)));
    let work = work.canonicalize().unwrap_or(work);
    let out = out.canonicalize().unwrap_or(out);
    let env: Vec<(String, String)> = vec![
        ("PATH".to_string(), "/usr/local/bin:/usr/bin:/bin".to_string()),
        ("HOME".to_string(), work.to_string_lossy().to_string()),
        ("LANG".to_string(), "C.UTF-8".to_string()),
        ("LC_ALL".to_string(), "C.UTF-8".to_string()),
        ("PYTHONHASHSEED".to_string(), "0".to_string()),
        ("PYTHONDONTWRITEBYTECODE".to_string(), "1".to_string()),
    ];
    // Quick programs take well under a second under CPython: a minute is plenty even for
    // a slow mode, and keeps a hanging one from eating the run's time budget.
    let timeout = o.timeout.unwrap_or(if o.quick && o.suite.is_none() { 60.0 } else { 300.0 });
    let renv = RunEnv { cwd: &work, env: &env, timeout: Duration::from_secs_f64(timeout) };
    let probe_env = RunEnv { cwd: &work, env: &env, timeout: Duration::from_secs(60) };

    // What to run.
    let mut notes = Vec::new();
    let mut benches: Vec<Bench> = Vec::new();
    let mode_label;
    if let Some(dir) = &o.suite {
        let dir = dir.canonicalize().unwrap_or_else(|e| die(&format!("--suite {}: {}", dir.display(), e)));
        let (b, layout) = suite_benches(&o, &dir, &work, &probe_env, &mut notes);
        if b.is_empty() {
            die(&format!("no pure-Python benchmark programs found in {} (see the notes above)", dir.display()));
        }
        benches.extend(b);
        benches.extend(discover::startup_rows());
        mode_label = format!(
            "{} benchmark suite at {}, {} sizes (exit status checked, not output)",
            layout,
            dir.display(),
            if o.quick { "quick" } else { "default" }
        );
    } else if o.micro {
        benches.extend(
            discover::own_programs(&bench_dir.join("micro"), Group::Micro, o.quick).unwrap_or_else(|e| die(&e)),
        );
        mode_label = format!("micro-benchmarks, {} sizes", if o.quick { "quick" } else { "default" });
    } else {
        benches.extend(
            discover::own_programs(&bench_dir.join("programs"), Group::Program, o.quick).unwrap_or_else(|e| die(&e)),
        );
        benches.extend(discover::startup_rows());
        mode_label = format!("benchmark programs, {} sizes", if o.quick { "quick" } else { "default" });
    }
    if !o.only.is_empty() {
        benches.retain(|b| o.only.iter().any(|s| b.name.contains(s.as_str())));
        if benches.is_empty() {
            die("--only matched no benchmark (see --list)");
        }
    }
    if o.list {
        for b in &benches {
            println!("{:<28} {:<8} size {}", b.name, b.group.label(), if b.size.is_empty() { "-" } else { &b.size });
        }
        for n in &notes {
            eprintln!("note: {}", n);
        }
        return;
    }
    if let Ok(entries) = fs::read_dir(out.join("failures")) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "stdout" || x == "stderr" || x == "expected") {
                let _ = fs::remove_file(p);
            }
        }
    }

    let impls = detect_impls(&o, &out, &probe_env, &mut notes);
    let (_, load_start) = loadavg();
    let mut meta = Meta {
        quick: o.quick,
        repeat,
        timeout_s: timeout,
        mode_label,
        started,
        hostname: fs::read_to_string("/proc/sys/kernel/hostname").map(|s| s.trim().to_string()).unwrap_or_default(),
        platform: fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| format!("Linux-{}-{}", s.trim(), std::env::consts::ARCH))
            .unwrap_or_default(),
        cpus: cpu_count(),
        load_start,
        git: git_revision(&root, &probe_env),
        ..Meta::default()
    };
    eprintln!(
        "krait-bench: {} benchmarks x {} implementations ({} runnable), 1 warm-up + {} runs each, timeout {} s",
        benches.len(),
        impls.len(),
        impls.iter().filter(|i| i.unavailable.is_none()).count(),
        repeat,
        timeout
    );

    let mut cells = Vec::new();
    for (k, b) in benches.iter().enumerate() {
        let progress = format!("[{}/{}]", k + 1, benches.len());
        cells.push(run_bench(b, &impls, repeat, &renv, &out, &progress));
    }

    meta.finished = now();
    meta.load_end = loadavg().1;
    meta.total_wall = t0.elapsed().as_secs_f64();
    meta.harness_rss_kib = runner::own_maxrss_kib();
    meta.notes = notes;
    let results = Results { meta, impls, benches, cells };

    let text = report::table(&results);
    print!("{}", text);
    let write = |name: &str, data: &str| {
        let p = out.join(name);
        if let Err(e) = fs::write(&p, data) {
            eprintln!("krait-bench: cannot write {}: {}", p.display(), e);
        }
    };
    write("results.txt", &text);
    write("results.json", &report::results_json(&results).render(2));
    for (i, imp) in results.impls.iter().enumerate() {
        let file = format!("{}.json", sanitize(&imp.name));
        match pyperf::suite(&results, i) {
            Some(doc) => write(&file, &doc.render(0)),
            // no passing benchmark: do not leave an older run's file behind
            None => {
                let _ = fs::remove_file(out.join(&file));
            }
        }
    }
    write("speedups.svg", &svg::chart(&results));
    eprintln!(
        "krait-bench: wrote results.txt, results.json, <impl>.json (pyperf) and speedups.svg to {}",
        out.display()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(format_date(UNIX_EPOCH), "1970-01-01 00:00:00.000000");
        let t = UNIX_EPOCH + Duration::from_micros(1_700_000_000_123_456);
        assert_eq!(format_date(t), "2023-11-14 22:13:20.123456");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(&format_date(leap)[..10], "2000-02-29");
    }

    #[test]
    fn names_are_file_safe() {
        assert_eq!(sanitize("startup: -c pass"), "startup__-c_pass");
        assert_eq!(sanitize("python3.12"), "python3.12");
    }
}
