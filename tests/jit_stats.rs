//! What `--jit-stats` reports on programs whose JIT behaviour is part of the contract:
//! the benchmark loops of the tracing JIT's issue compile with no aborted loop or bridge,
//! and loops that make one trip per run are given up after a few recordings (not
//! recorded again on every run) while the loops around them still compile.

use std::path::Path;
use std::process::Command;

/// Runs krait with `--jit-stats` on `path` with `args`; returns (stdout, the stats text).
fn run_stats(path: &Path, args: &[&str]) -> (String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_krait")).arg("--jit-stats").arg(path).args(args).output().expect("krait runs");
    assert!(out.status.success(), "{} failed: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The number after `label` in the stats line that starts with `line`.
fn counter(stats: &str, line: &str, label: &str) -> u64 {
    let l = stats.lines().find(|l| l.starts_with(line)).unwrap_or_else(|| panic!("no `{line}` line in:\n{stats}"));
    let rest = &l[l.find(label).unwrap_or_else(|| panic!("no `{label}` in `{l}`")) + label.len()..];
    rest.trim_start().split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn benchmark_loops_compile_without_aborts() {
    for (name, size) in [("loop_int", "300000"), ("loop_index", "200000"), ("loop_float_attr", "30")] {
        let (_, stats) = run_stats(&root().join("benches/programs").join(format!("{name}.py")), &[size]);
        assert!(counter(&stats, "jit: loops", "compiled") > 0, "{name}: nothing compiled:\n{stats}");
        assert_eq!(counter(&stats, "jit: loops", "aborted"), 0, "{name}: aborted loops:\n{stats}");
        assert_eq!(counter(&stats, "jit: loops", "blacklisted"), 0, "{name}: blacklisted loops:\n{stats}");
        if stats.contains("jit: bridges") {
            assert_eq!(counter(&stats, "jit: bridges", "aborted"), 0, "{name}: aborted bridges:\n{stats}");
        }
    }
}

#[test]
fn one_trip_loops_are_given_up_and_unrolled() {
    let path = root().join("tests/jit/short_inner.py");
    let (out, stats) = run_stats(&path, &[]);
    let off = Command::new(env!("CARGO_BIN_EXE_krait")).arg("--jit=off").arg(&path).output().expect("krait runs");
    assert_eq!(out, String::from_utf8_lossy(&off.stdout), "output differs from --jit=off");
    // Before, every run of the one-trip loops started a recording that aborted at the
    // loop exit: tens of thousands of recordings.
    let recorded = counter(&stats, "jit: loops", "recorded");
    assert!(recorded < 20, "{recorded} recordings:\n{stats}");
    assert!(counter(&stats, "jit: loops", "compiled") >= 2, "the enclosing loops did not compile:\n{stats}");
    assert!(stats.contains("runs too short"), "{stats}");
}
