//! Differential test of the tracing JIT against the interpreter, property-based
//! (`proptest`).
//!
//! Generates random Python loops (mixed int/float arithmetic near the 48-bit and 64-bit
//! int boundaries, branches, attribute updates, type changes, list stores), runs each
//! program with `--jit=off` and with `--jit=trace` at a few thresholds and both backends,
//! and requires identical stdout and exit status. The interpreter is the specification of
//! the JIT.
//!
//! A program is built from a sequence of choices (`Choices`), which is what proptest
//! generates: when a case fails, proptest shrinks the sequence (fewer and smaller
//! choices, read as 0 once used up), which gives a smaller program, and reports the
//! smallest failing one.
//!
//! Environment: `KRAIT_JIT_DIFF_SEED` (default 1) seeds the generator (runs are
//! deterministic), `KRAIT_JIT_DIFF_CASES` (default 40) is the number of programs.

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// The choices a program is built from, read in order.
struct Choices<'a> {
    seq: &'a [u64],
    pos: usize,
}

impl Choices<'_> {
    fn next(&mut self) -> u64 {
        let v = self.seq.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        v
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'b>(&mut self, xs: &[&'b str]) -> &'b str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const INT_SEEDS: &[&str] =
    &["0", "1", "-1", "7", "2**47 - 3", "-(2**47) + 2", "2**62", "-(2**63) + 5", "2**63 - 9", "12345", "3"];
const FLOAT_SEEDS: &[&str] = &["0.5", "-1.25", "1e300", "3.0", "-0.0", "1e-300", "2.0**53"];

fn int_expr(r: &mut Choices) -> String {
    let vars = ["a", "b", "i", "o.x"];
    let x = r.pick(&vars);
    let y = if r.below(3) == 0 { r.pick(INT_SEEDS).to_owned() } else { r.pick(&vars).to_owned() };
    let op = r.pick(&["+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>"]);
    match op {
        "//" | "%" => format!("{x} {op} (({y}) % 13 + 1)"),
        "<<" => format!("{x} << (({y}) % 70 if ({y}) >= 0 else 3)"),
        ">>" => format!("{x} >> (({y}) % 70 if ({y}) >= 0 else 2)"),
        _ => format!("{x} {op} ({y})"),
    }
}

fn float_expr(r: &mut Choices) -> String {
    let vars = ["f", "g", "i", "o.y", "a"];
    let x = r.pick(&vars);
    let y = if r.below(3) == 0 { r.pick(FLOAT_SEEDS).to_owned() } else { r.pick(&vars).to_owned() };
    let op = r.pick(&["+", "-", "*", "/"]);
    if op == "/" {
        format!("{x} / (({y}) or 1.5)")
    } else {
        format!("{x} {op} ({y})")
    }
}

fn cond(r: &mut Choices) -> String {
    let l = r.pick(&["a", "b", "f", "i", "o.x", "g"]);
    let rt = r.pick(&["b", "f", "0", "i * 3", "2**47", "-5.5", "o.y"]);
    let c = r.pick(&["<", "<=", "==", "!=", ">", ">="]);
    format!("{l} {c} {rt}")
}

/// Keeps values bounded so programs stay fast: big ints are folded back.
fn clamp(var: &str) -> String {
    format!("    if type({var}) is int and ({var} > 2**70 or {var} < -(2**70)): {var} = {var} % 1000003\n")
}

fn statement(r: &mut Choices, depth: u32) -> String {
    let ind = "    ".repeat(depth as usize + 2);
    match r.below(13) {
        0 | 1 => format!("{ind}a = {}\n", int_expr(r)),
        2 => format!("{ind}b = {}\n", int_expr(r)),
        3 => format!("{ind}f = {}\n", float_expr(r)),
        4 => format!("{ind}o.x = {}\n", int_expr(r)),
        5 => format!("{ind}o.y = {}\n", float_expr(r)),
        6 if depth < 2 => {
            let mut s = format!("{ind}if {}:\n", cond(r));
            s += &statement(r, depth + 1);
            s += &format!("{ind}else:\n");
            s += &statement(r, depth + 1);
            s
        }
        7 => format!("{ind}if i == {}:\n{ind}    g = {}\n", r.below(30), r.pick(&["'s'", "1", "2.5", "None", "[1]"])),
        // Lists: stores at variant and fixed indexes (a fixed one is a memory word the
        // optimizer may carry in a register), loads, and a list rebound mid-loop.
        9 => format!("{ind}lst[i % 8] = {}\n", if r.below(3) == 0 { float_expr(r) } else { int_expr(r) }),
        10 => format!("{ind}lst[{}] += {}\n", r.below(8), r.pick(&["1", "a % 5", "0.5", "i"])),
        11 => format!("{ind}b = b + lst[{}] if type(lst[{}]) is int else b\n", r.below(8), r.below(8)),
        12 => format!(
            "{ind}if i == {}:\n{ind}    lst = {}\n",
            r.below(40),
            r.pick(&["[0.5] * 8", "list(range(8))", "(1,) * 8"])
        ),
        _ => format!("{ind}acc = acc + (a % 97) + (1 if f > 0 else 0)\n"),
    }
}

fn program(choices: &[u64]) -> String {
    let mut r = Choices { seq: choices, pos: 0 };
    let mut p = String::from("class O:\n    pass\n\n");
    for k in 0..3 {
        p += &format!("def loop{k}(n):\n    o = O()\n");
        p += &format!("    o.x = {}\n    o.y = {}\n", r.pick(INT_SEEDS), r.pick(FLOAT_SEEDS));
        p += &format!("    a = {}\n    b = {}\n", r.pick(INT_SEEDS), r.pick(INT_SEEDS));
        p += &format!("    f = {}\n    g = {}\n    acc = 0\n", r.pick(FLOAT_SEEDS), r.pick(FLOAT_SEEDS));
        p += &format!("    lst = [{}] * 8\n", r.pick(INT_SEEDS));
        p += if r.below(2) == 0 { "    for i in range(n):\n" } else { "    i = 0\n    while i < n:\n        i += 1\n" };
        for _ in 0..(3 + r.below(5)) {
            p += &statement(&mut r, 0);
        }
        for v in ["a", "b", "o.x"] {
            p += &clamp(v).replace("    if", "        if");
        }
        p += "    return a, b, f, o.x, o.y, acc, g, lst\n\n";
        p += &format!(
            "for n in (3, 40, 300):\n    try:\n        print(loop{k}(n))\n    except Exception as e:\n        print(type(e).__name__, e)\n\n"
        );
    }
    p
}

fn krait() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_krait")).to_path_buf()
}

/// A generated program may run away (ints that double every iteration): runs longer
/// than this are stopped.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Stdout and exit status of `krait FLAGS SCRIPT`, or None when it ran past `TIMEOUT`.
fn run(script: &Path, flags: &[&str]) -> Option<(String, Option<i32>)> {
    let mut child = Command::new(krait())
        .args(flags)
        .arg(script)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run krait");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut s);
        s
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait for krait") {
            break Some(st);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let out = reader.join().unwrap_or_default();
    status.map(|st| (String::from_utf8_lossy(&out).into_owned(), st.code()))
}

#[test]
fn jit_matches_interpreter_on_random_loops() {
    let seed: u64 = std::env::var("KRAIT_JIT_DIFF_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let cases: u32 = std::env::var("KRAIT_JIT_DIFF_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(40);
    let dir = std::env::temp_dir().join(format!("krait-jit-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let modes: [&[&str]; 4] = [
        &["--jit=trace", "--jit-threshold=1"],
        &["--jit=trace", "--jit-threshold=2"],
        &["--jit=trace", "--jit-threshold=7"],
        &["--jit=trace", "--jit-threshold=1", "--jit-backend=ref"],
    ];
    // No regression files: a failure prints its (shrunk) program and the seed reruns it.
    let config = Config { cases, failure_persistence: None, max_shrink_iters: 300, ..Config::default() };
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &key));
    let n = std::cell::Cell::new(0u64);
    let result = runner.run(&vec(any::<u64>(), 0..400), |choices| {
        n.set(n.get() + 1);
        let src = program(&choices);
        let path = dir.join(format!("case{}.py", n.get()));
        std::fs::write(&path, &src).expect("write program");
        let Some(want) = run(&path, &["--jit=off"]) else {
            let _ = std::fs::remove_file(&path);
            return Err(TestCaseError::reject("the interpreter ran past the time limit"));
        };
        for m in modes {
            let got = run(&path, m).unwrap_or_else(|| (format!("(ran past {TIMEOUT:?})"), None));
            if got != want {
                return Err(TestCaseError::fail(format!(
                    "seed {seed} with {m:?}:\n--- program\n{src}--- interpreter ({:?})\n{}--- jit ({:?})\n{}",
                    want.1, want.0, got.1, got.0
                )));
            }
        }
        let _ = std::fs::remove_file(&path);
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = result {
        panic!("the JIT differs from the interpreter: {e}");
    }
}
