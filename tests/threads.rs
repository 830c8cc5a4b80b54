//! Green threads where Krait differs from CPython on purpose: a deadlock (every thread
//! waits for a lock no thread can release), on which CPython hangs, raises RuntimeError.

use std::path::Path;
use std::process::Command;

#[test]
fn deadlock_raises_instead_of_hanging() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/threads/deadlock.py");
    let out = Command::new(env!("CARGO_BIN_EXE_krait")).arg(&path).output().expect("krait runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("RuntimeError: deadlock: every thread is waiting for a lock that no thread can release"),
        "stdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}
