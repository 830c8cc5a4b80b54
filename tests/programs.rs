//! End-to-end test: run every program in `tests/programs/` with the `krait` binary and
//! compare against the output CPython 3.11 recorded (see `tests/record.sh`).
//!
//! For each top-level `NAME.py` whose name does not start with `helper`:
//! - run `krait [KRAIT_TEST_ARGS...] NAME.py [args from NAME.args...]` with cwd
//!   `tests/programs`, empty stdin and `PYTHONHASHSEED=0`, killed after 20 s (120 s in
//!   the collector's stress mode, or `KRAIT_TEST_TIMEOUT`);
//! - compare stdout byte for byte with `NAME.stdout`, the exit status with line 1 of
//!   `NAME.status` and the last non-empty stderr line with its line 2.
//!
//! The absolute path of `tests/programs/` in stdout and stderr is replaced by `<programs>`
//! before comparing (`tests/record.sh` does the same), so the checkout location does not matter.
//!
//! `tests/programs/XFAIL` lists programs known to fail (one per line, `#` comments).
//! The test fails only if a program not listed there fails.
//!
//! Environment:
//! - `KRAIT_TEST_ARGS`: whitespace-separated interpreter flags put before the script path
//!   (e.g. `--jit=trace --jit-threshold=1`);
//! - `KRAIT_TEST_ONLY`: run only programs whose name contains this substring;
//! - `KRAIT_TEST_TIMEOUT`: seconds after which a program is killed (and fails): 20 by
//!   default, 120 when `KRAIT_GC_STRESS` is set (the collector's stress stage, where the
//!   slowest programs collect for 10 to 14 seconds);
//! - `KRAIT_TEST_SLOWEST=N`: list the N slowest programs with their times after the
//!   summary (to see what a stage's time goes to).

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Each program's name, its failure report (None when it passed) and its run time.
type Results = Arc<Mutex<Vec<(String, Option<String>, Duration)>>>;

/// Default time limit per program (`KRAIT_TEST_TIMEOUT` overrides it).
const TIMEOUT: Duration = Duration::from_secs(20);
/// The same when the collector runs in stress mode (`KRAIT_GC_STRESS` set): it collects at
/// every allocation safepoint, which takes the slowest programs 10 to 14 seconds of CPU
/// (`interp/src/gc/mod.rs`, "Stress mode"), and a busy 2-core machine running two
/// programs at once can stretch that two to three times.
const STRESS_TIMEOUT: Duration = Duration::from_secs(120);

/// The time limit per program: `KRAIT_TEST_TIMEOUT` seconds, else `STRESS_TIMEOUT` in
/// the collector's stress mode, else `TIMEOUT`.
fn timeout() -> Duration {
    let stress = std::env::var("KRAIT_GC_STRESS").is_ok_and(|s| !s.trim().is_empty() && s.trim() != "0");
    std::env::var("KRAIT_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(if stress { STRESS_TIMEOUT } else { TIMEOUT })
}
/// Output past this many bytes per stream is drained and dropped.
const OUTPUT_CAP: usize = 32 << 20;

/// Writes straight to the process's stdout, bypassing libtest's output capture, so the
/// report and the summary are shown even when the test passes.
fn out(s: &str) {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = lock.write_all(s.as_bytes());
    let _ = lock.flush();
}

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("programs")
}

fn list_programs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read tests/programs")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_owned))
        .filter(|n| !n.starts_with("helper"))
        .collect();
    names.sort();
    names
}

fn read_xfail(dir: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(dir.join("XFAIL")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(".py").unwrap_or(l).to_owned())
        .collect()
}

fn last_nonempty_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_owned()
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 65536];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
            }
        }
        kept
    })
}

struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    timed_out: bool,
    elapsed: Duration,
}

fn run_program(dir: &Path, name: &str, extra: &[String]) -> Result<RunResult, String> {
    let mut args: Vec<String> = extra.to_vec();
    args.push(format!("{name}.py"));
    if let Ok(text) = fs::read_to_string(dir.join(format!("{name}.args"))) {
        args.extend(text.lines().map(str::to_owned));
    }
    let limit = timeout();
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(&args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot spawn krait: {e}"))?;
    let out_h = spawn_reader(child.stdout.take().unwrap());
    let err_h = spawn_reader(child.stderr.take().unwrap());
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) => {
                if start.elapsed() >= limit {
                    let _ = child.kill();
                    let _ = child.wait();
                    timed_out = true;
                    break None;
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    let elapsed = start.elapsed();
    let stdout = out_h.join().unwrap_or_default();
    let stderr = err_h.join().unwrap_or_default();
    Ok(RunResult { stdout, stderr, status, timed_out, elapsed })
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        format!("{s:?}")
    } else {
        let t: String = s.chars().take(n).collect();
        format!("{t:?}...")
    }
}

/// Replaces every occurrence of the absolute programs directory by `<programs>`.
fn normalize_paths(mut r: RunResult, dir: &Path) -> RunResult {
    let needle = dir.to_string_lossy().into_owned();
    let fix = |bytes: &mut Vec<u8>| {
        let n = needle.as_bytes();
        if n.is_empty() || bytes.windows(n.len()).all(|w| w != n) {
            return;
        }
        let mut outb = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i..].starts_with(n) {
                outb.extend_from_slice(b"<programs>");
                i += n.len();
            } else {
                outb.push(bytes[i]);
                i += 1;
            }
        }
        *bytes = outb;
    };
    fix(&mut r.stdout);
    fix(&mut r.stderr);
    r
}

/// Returns None when the run matches, else a short report.
/// Runs one program and compares: its failure report (None when it passed) and run time.
fn check(dir: &Path, name: &str, extra: &[String]) -> (Option<String>, Duration) {
    let mut elapsed = Duration::ZERO;
    let report = check_run(dir, name, extra, &mut elapsed);
    (report, elapsed)
}

fn check_run(dir: &Path, name: &str, extra: &[String], elapsed: &mut Duration) -> Option<String> {
    let expected_stdout = match fs::read(dir.join(format!("{name}.stdout"))) {
        Ok(b) => b,
        Err(_) => return Some(format!("{name}.stdout missing: run tests/record.sh {name}")),
    };
    let status_text = match fs::read_to_string(dir.join(format!("{name}.status"))) {
        Ok(t) => t,
        Err(_) => return Some(format!("{name}.status missing: run tests/record.sh {name}")),
    };
    let mut status_lines = status_text.lines();
    let expected_code: i32 = status_lines.next().unwrap_or("").trim().parse().unwrap_or(-1);
    let expected_err = status_lines.next().unwrap_or("").to_owned();

    let r = match run_program(dir, name, extra) {
        Ok(r) => r,
        Err(e) => return Some(e),
    };
    *elapsed = r.elapsed;
    let r = normalize_paths(r, dir);
    let mut report = Vec::new();
    if r.timed_out {
        report.push(format!("timed out after {}s (killed)", timeout().as_secs_f64()));
    }
    let got_code = r.status.and_then(|s| s.code());
    if !r.timed_out && got_code != Some(expected_code) {
        let got = match (got_code, r.status) {
            (Some(c), _) => c.to_string(),
            (None, Some(st)) => format!("{st} (no exit code)"),
            (None, None) => "none".to_owned(),
        };
        report.push(format!("exit status: expected {expected_code}, got {got}"));
    }
    let got_err = last_nonempty_line(&r.stderr);
    if got_err != expected_err {
        report.push(format!(
            "last stderr line:\n      expected {}\n      got      {}",
            truncate(&expected_err, 200),
            truncate(&got_err, 200)
        ));
    }
    if r.stdout != expected_stdout {
        let exp = String::from_utf8_lossy(&expected_stdout);
        let got = String::from_utf8_lossy(&r.stdout);
        let exp_lines: Vec<&str> = exp.split_inclusive('\n').collect();
        let got_lines: Vec<&str> = got.split_inclusive('\n').collect();
        let idx = exp_lines
            .iter()
            .zip(got_lines.iter())
            .position(|(a, b)| a != b)
            .unwrap_or(exp_lines.len().min(got_lines.len()));
        let show = |v: &Vec<&str>| match v.get(idx) {
            Some(l) => truncate(l, 200),
            None => "<end of output>".to_owned(),
        };
        report.push(format!(
            "stdout differs at line {} (expected {} lines, got {}):\n      expected {}\n      got      {}",
            idx + 1,
            exp_lines.len(),
            got_lines.len(),
            show(&exp_lines),
            show(&got_lines)
        ));
    }
    if report.is_empty() {
        None
    } else {
        report.push(format!("({:.2}s)", r.elapsed.as_secs_f64()));
        Some(report.join("\n    "))
    }
}

#[test]
fn programs() {
    let dir = programs_dir();
    let extra: Vec<String> =
        std::env::var("KRAIT_TEST_ARGS").unwrap_or_default().split_whitespace().map(str::to_owned).collect();
    let only = std::env::var("KRAIT_TEST_ONLY").ok().filter(|s| !s.is_empty());
    let all = list_programs(&dir);
    let xfail = read_xfail(&dir);

    for x in &xfail {
        if !all.contains(x) {
            out(&format!("note: XFAIL names {x}, which is not a program\n"));
        }
    }

    let names: Vec<String> = all.into_iter().filter(|n| only.as_deref().is_none_or(|o| n.contains(o))).collect();
    assert!(only.is_some() || !names.is_empty(), "no programs found in {}", dir.display());

    let threads = thread::available_parallelism().map(|n| n.get()).unwrap_or(1).max(1);
    let names = Arc::new(names);
    let next = Arc::new(AtomicUsize::new(0));
    let results: Results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..threads.min(names.len().max(1)))
        .map(|_| {
            let (names, next, results) = (names.clone(), next.clone(), results.clone());
            let (dir, extra) = (dir.clone(), extra.clone());
            thread::spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                let (r, t) = check(&dir, name, &extra);
                results.lock().unwrap().push((name.clone(), r, t));
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread panicked");
    }
    let mut results = std::mem::take(&mut *results.lock().unwrap());
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let (mut passed, mut failed, mut xfailed) = (0, 0, 0);
    let mut now_passing = Vec::new();
    let mut report = String::new();
    for (name, r, _) in &results {
        match (r, xfail.contains(name)) {
            (None, false) => passed += 1,
            (None, true) => {
                passed += 1;
                now_passing.push(name.clone());
            }
            (Some(_), true) => xfailed += 1,
            (Some(msg), false) => {
                failed += 1;
                report.push_str(&format!("FAIL {name}\n    {msg}\n"));
            }
        }
    }
    if !now_passing.is_empty() {
        report.push_str(&format!(
            "note: {} program(s) in XFAIL now pass (remove them from tests/programs/XFAIL):\n",
            now_passing.len()
        ));
        for n in &now_passing {
            report.push_str(&format!("    {n}\n"));
        }
    }
    if !extra.is_empty() {
        report.push_str(&format!("krait flags: {}\n", extra.join(" ")));
    }
    report.push_str(&format!("programs: {passed} passed, {failed} failed, {xfailed} xfail\n"));
    if let Some(n) = std::env::var("KRAIT_TEST_SLOWEST").ok().and_then(|s| s.trim().parse::<usize>().ok()) {
        let mut times: Vec<(Duration, &str)> = results.iter().map(|(name, _, t)| (*t, name.as_str())).collect();
        times.sort_by(|a, b| b.cmp(a));
        let total: f64 = times.iter().map(|(t, _)| t.as_secs_f64()).sum();
        report.push_str(&format!("slowest programs (of {total:.1} s in all):\n"));
        for (t, name) in times.iter().take(n) {
            report.push_str(&format!("    {:7.2}s {name}\n", t.as_secs_f64()));
        }
    }
    out(&report);
    assert!(failed == 0, "{failed} program(s) not in XFAIL failed (see report above)");
}
