//! The collector's memory limits (issue 3): `tests/gc/churn.py` and `tests/gc/cycles.py`
//! with reduced counts must stay under 64 MiB of peak RSS, and `tests/gc/finalizers.py`
//! must print what CPython 3.11 prints. Each script reports its own peak RSS (VmHWM from
//! `/proc/self/status`); the full-size runs are manual checks (see tests/gc/README.md).

use std::path::Path;
use std::process::Command;

const LIMIT_KIB: u64 = 64 * 1024;

fn krait() -> &'static str {
    env!("CARGO_BIN_EXE_krait")
}

fn run(script: &str, args: &[&str]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("gc");
    let out = Command::new(krait()).arg(dir.join(script)).args(args).output().expect("run krait");
    assert!(out.status.success(), "{script} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn peak_kib(out: &str) -> u64 {
    out.lines()
        .find_map(|l| l.strip_prefix("peak_rss_kib "))
        .and_then(|n| n.trim().parse().ok())
        .expect("the script prints peak_rss_kib")
}

#[test]
#[cfg(target_os = "linux")]
fn churn_stays_under_64_mib() {
    let out = run("churn.py", &["3000000"]);
    let kib = peak_kib(&out);
    assert!(kib < LIMIT_KIB, "churn.py peak RSS {kib} KiB");
}

#[test]
#[cfg(target_os = "linux")]
fn cycles_stay_under_64_mib() {
    let out = run("cycles.py", &["300000"]);
    let kib = peak_kib(&out);
    assert!(kib < LIMIT_KIB, "cycles.py peak RSS {kib} KiB");
}

#[test]
fn finalizers_match_cpython() {
    let out = run("finalizers.py", &[]);
    assert_eq!(out, "['a', 'b']\n1 True\n0\nstill running\nTrue True 3\nFalse\nTrue\n");
}
