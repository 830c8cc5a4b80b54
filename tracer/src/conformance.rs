//! The backend conformance suite: traces with inputs and the results they must give.
//!
//! Every backend runs `run_all` (hand-written cases, whose expected results the case
//! builders compute in plain Rust, independently of `RefBackend`) and `run_random` (random
//! traces whose expected results come from `RefBackend`: a differential test). Backend
//! crates call both from their tests:
//!
//! ```ignore
//! let n = krait_tracer::conformance::run_all(&mut MyBackend::new()).unwrap();
//! krait_tracer::conformance::run_random(&mut MyBackend::new(), 0..2000).unwrap();
//! ```
//!
//! A case is a trace in text IR plus its param words, the exit it must leave through, the
//! exit buffer it must fill and the memory it must leave behind. Traces that touch memory
//! get buffers (`Mem`) owned by the case whose addresses are baked into the text as
//! `const_int`, which is why cases are built by functions at run time; `Case::run` resets
//! the buffers first, so a case can run any number of times. Helpers called by traces are
//! `extern "C"` functions defined here; the one with a side effect bumps a counter in a
//! `Mem` of the case, so cases stay independent when tests run in parallel.
//!
//! Exit buffers are compared bit for bit, except that any NaN matches any NaN in a `Float`
//! slot (hardware differs in the NaN it produces).

use std::cell::Cell;

use crate::ir::{Op, Trace, Type};
use crate::refbackend::RefBackend;
use crate::text::parse_trace;
use crate::Backend;

/// A buffer of 64-bit words a case's trace reads and writes.
pub struct Mem {
    cells: Box<[Cell<u64>]>,
    init: Vec<u64>,
    /// The contents the trace must leave behind.
    pub expect: Vec<u64>,
}

impl Mem {
    /// A buffer holding `init`, expected to be unchanged unless `expect` is set.
    pub fn new(init: Vec<u64>) -> Mem {
        let cells = init.iter().map(|&x| Cell::new(x)).collect();
        Mem { cells, expect: init.clone(), init }
    }

    /// The address of word 0, as a trace sees it.
    pub fn addr(&self) -> u64 {
        self.cells.as_ptr().expose_provenance() as u64
    }

    fn reset(&self) {
        for (c, &x) in self.cells.iter().zip(&self.init) {
            c.set(x);
        }
    }

    /// The current contents.
    pub fn contents(&self) -> Vec<u64> {
        self.cells.iter().map(Cell::get).collect()
    }
}

/// One conformance case (see the module doc).
pub struct Case {
    pub name: String,
    pub trace: Trace,
    pub params: Vec<u64>,
    /// The op index the run must return.
    pub exit: u32,
    /// The words it must write to the exit buffer.
    pub exit_buf: Vec<u64>,
    pub mem: Vec<Mem>,
}

/// What one run produced.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub exit: u32,
    pub exit_buf: Vec<u64>,
    pub mem: Vec<Vec<u64>>,
}

impl Case {
    /// Compiles and runs the case on `backend`.
    pub fn outcome(&self, backend: &mut dyn Backend) -> Result<Outcome, String> {
        let code = backend.compile(&self.trace).map_err(|e| format!("compile error: {e}"))?;
        for m in &self.mem {
            m.reset();
        }
        let mut buf = vec![0u64; self.trace.max_exit_len()];
        // SAFETY: the trace's loads and stores stay inside this case's `Mem` buffers and
        // its calls go to the helpers of this module with their arities (the case builders
        // guarantee both); `buf` is `max_exit_len` long.
        let exit = unsafe { code.run(&self.params, &mut buf) };
        let len = self
            .trace
            .ops
            .get(exit as usize)
            .and_then(|op| op.snapshot())
            .map_or(0, |s| self.trace.snapshots.get(s.0 as usize).map_or(0, |s| s.live().len()));
        buf.truncate(len);
        Ok(Outcome { exit, exit_buf: buf, mem: self.mem.iter().map(Mem::contents).collect() })
    }

    /// Runs the case on `backend` and compares with the expected results.
    pub fn run(&self, backend: &mut dyn Backend) -> Result<(), String> {
        let got = self.outcome(backend).map_err(|e| self.failure(&e))?;
        if got.exit != self.exit {
            return Err(self.failure(&format!("left through op {}, expected op {}", got.exit, self.exit)));
        }
        let types = self.trace.types();
        let live = self.trace.ops[self.exit as usize]
            .snapshot()
            .map(|s| self.trace.snapshots[s.0 as usize].live())
            .unwrap_or_default();
        let same = |k: usize, a: u64, b: u64| {
            let float = live.get(k).is_some_and(|v| types[v.index()] == Type::Float);
            a == b || (float && f64::from_bits(a).is_nan() && f64::from_bits(b).is_nan())
        };
        if got.exit_buf.len() != self.exit_buf.len()
            || !(0..self.exit_buf.len()).all(|k| same(k, got.exit_buf[k], self.exit_buf[k]))
        {
            return Err(self.failure(&format!(
                "exit buffer {}, expected {}",
                words(&got.exit_buf),
                words(&self.exit_buf)
            )));
        }
        for (k, m) in self.mem.iter().enumerate() {
            if got.mem[k] != m.expect {
                return Err(self.failure(&format!(
                    "memory {k} holds {}, expected {}",
                    words(&got.mem[k]),
                    words(&m.expect)
                )));
            }
        }
        Ok(())
    }

    fn failure(&self, what: &str) -> String {
        format!("case `{}`: {what}\nparams {}\n{}", self.name, words(&self.params), self.trace)
    }
}

fn words(ws: &[u64]) -> String {
    let parts: Vec<String> = ws.iter().map(|&w| format!("{w:#x} ({})", w as i64)).collect();
    format!("[{}]", parts.join(", "))
}

/// Runs every hand-written case; returns how many passed, or every failure.
pub fn run_all(backend: &mut dyn Backend) -> Result<usize, String> {
    run_cases(backend, cases())
}

/// Runs `random_case(seed)` for every seed; returns how many passed, or the failures.
pub fn run_random(backend: &mut dyn Backend, seeds: std::ops::Range<u64>) -> Result<usize, String> {
    run_cases(backend, seeds.map(random_case).collect())
}

fn run_cases(backend: &mut dyn Backend, cases: Vec<Case>) -> Result<usize, String> {
    let mut failures = Vec::new();
    for c in &cases {
        if let Err(e) = c.run(backend) {
            failures.push(e);
        }
    }
    if failures.is_empty() {
        Ok(cases.len())
    } else {
        let n = failures.len();
        failures.truncate(10);
        Err(format!("{n} of {} cases failed on `{}`:\n\n{}", cases.len(), backend.name(), failures.join("\n")))
    }
}

// --- helpers the traces call ----------------------------------------------------------------

extern "C" fn h0() -> u64 {
    42
}
extern "C" fn h1(a: u64) -> u64 {
    a.wrapping_mul(3) ^ 1
}
extern "C" fn h2(a: u64, b: u64) -> u64 {
    a.wrapping_sub(b)
}
extern "C" fn h3(a: u64, b: u64, c: u64) -> u64 {
    a.wrapping_mul(100).wrapping_add(b.wrapping_mul(10)).wrapping_add(c)
}
extern "C" fn h4(a: u64, b: u64, c: u64, d: u64) -> u64 {
    h3(a, b, c).wrapping_mul(10).wrapping_add(d)
}
extern "C" fn h5(a: u64, b: u64, c: u64, d: u64, e: u64) -> u64 {
    h4(a, b, c, d).wrapping_mul(10).wrapping_add(e)
}
extern "C" fn h6(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> u64 {
    h5(a, b, c, d, e).wrapping_mul(10).wrapping_add(f)
}
/// Float helper: `a * b + 0.5` on float bits.
extern "C" fn hf(a: u64, b: u64) -> u64 {
    (f64::from_bits(a) * f64::from_bits(b) + 0.5).to_bits()
}
/// The side-effecting helper: adds `by` to the word at `counter` and returns the new value.
extern "C" fn bump(counter: u64, by: u64) -> u64 {
    let p = std::ptr::with_exposed_provenance_mut::<u64>(counter as usize);
    // SAFETY: traces only pass the address of a word of a live `Mem` of their case.
    unsafe {
        *p = (*p).wrapping_add(by);
        *p
    }
}
/// Returns a Bool: whether `a` is odd.
extern "C" fn odd(a: u64) -> u64 {
    a & 1
}

/// A helper's address as the text IR writes it.
fn addr(f: *const ()) -> String {
    format!("{:#x}", f.expose_provenance())
}

// --- building cases --------------------------------------------------------------------------

/// Writes a trace's text while numbering its ops.
struct Text {
    lines: Vec<String>,
    n: u32,
    snaps: Vec<String>,
}

impl Text {
    fn new(kinds: &str, params: &[Type]) -> Text {
        let mut t = Text { lines: vec![format!("kinds: {kinds}")], n: 0, snaps: vec![] };
        for (i, ty) in params.iter().enumerate() {
            t.val(&format!("param {i} : {}", ty.name()));
        }
        t
    }

    /// Appends an op with a value; returns its number.
    fn val(&mut self, op: &str) -> u32 {
        self.lines.push(format!("v{} = {op}", self.n));
        self.n += 1;
        self.n - 1
    }

    /// Appends an op without a value; returns its index.
    fn void(&mut self, op: &str) -> u32 {
        self.lines.push(op.to_string());
        self.n += 1;
        self.n - 1
    }

    /// Adds a snapshot with one frame naming `vals` in slots 0..; returns its number.
    fn snap(&mut self, vals: &[u32]) -> u32 {
        let slots: Vec<String> = vals.iter().enumerate().map(|(k, v)| format!("{k}=v{v}")).collect();
        self.snaps.push(format!("[meta={}: {}]", self.snaps.len(), slots.join(" ")));
        self.snaps.len() as u32 - 1
    }

    fn finish(mut self, jump: &[u32]) -> String {
        let args: Vec<String> = jump.iter().map(|v| format!("v{v}")).collect();
        self.lines.push(format!("jump {}", args.join(", ")));
        for (k, s) in self.snaps.iter().enumerate() {
            self.lines.push(format!("s{k} = snapshot {s}"));
        }
        self.lines.join("\n")
    }
}

/// A case from text; the exit is the op that leaves through snapshot `snap`.
fn case(name: &str, text: &str, params: Vec<u64>, snap: u32, exit_buf: Vec<u64>, mem: Vec<Mem>) -> Case {
    let trace = match parse_trace(text) {
        Ok(t) => t,
        Err(e) => panic!("conformance case `{name}` does not parse: {e}\n{text}"),
    };
    if let Err(e) = trace.check().and_then(|_| trace.check_types()) {
        panic!("conformance case `{name}` is not well formed: {e}\n{trace}");
    }
    let exits: Vec<usize> =
        (0..trace.ops.len()).filter(|&i| trace.ops[i].snapshot().map(|s| s.0) == Some(snap)).collect();
    assert_eq!(exits.len(), 1, "case `{name}`: snapshot s{snap} must belong to exactly one op");
    Case { name: name.to_string(), trace, params, exit: exits[0] as u32, exit_buf, mem }
}

const MAX: i64 = i64::MAX;
const MIN: i64 = i64::MIN;

const INTS_A: [i64; 10] = [0, 1, -1, 7, -7, MAX, MIN, 0x5555_5555_5555_5555, -1_234_567_890_123, 1 << 32];
const INTS_B: [i64; 12] = [1, -1, 2, -2, 3, 63, 64, 65, MAX, MIN, 0, -1000];

fn float_edges() -> Vec<f64> {
    vec![
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        3.0,
        1e308,
        -1e308,
        5e-324,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        9007199254740993.0,
    ]
}

/// Python's `a // b` and `a % b`, computed through `rem_euclid` (not as `semantics` does).
fn py_divmod(a: i64, b: i64) -> (i64, i64) {
    let e = a.rem_euclid(b);
    let m = if b < 0 && e != 0 { e + b } else { e };
    let q = ((a as i128 - m as i128) / b as i128) as i64;
    (q, m)
}

/// Evaluates a binary op of the suite in plain Rust.
fn int_binop(name: &str, a: i64, b: i64) -> Option<i64> {
    let s = (b as u64 % 64) as u32;
    Some(match name {
        "int_add" => a.wrapping_add(b),
        "int_sub" => a.wrapping_sub(b),
        "int_mul" => a.wrapping_mul(b),
        "int_and" => a & b,
        "int_or" => a | b,
        "int_xor" => a ^ b,
        "int_shl" => ((a as u64) << s) as i64,
        "int_sar" => a >> s,
        "int_shr" => ((a as u64) >> s) as i64,
        "int_floordiv" | "int_mod" => {
            if b == 0 || (a == MIN && b == -1) {
                return None;
            }
            let (q, m) = py_divmod(a, b);
            if name == "int_floordiv" {
                q
            } else {
                m
            }
        }
        _ => unreachable!("{name}"),
    })
}

fn int_cond(c: &str, a: i64, b: i64) -> bool {
    match c {
        "eq" => a == b,
        "ne" => a != b,
        "lt" => a < b,
        "le" => a <= b,
        "gt" => a > b,
        "ge" => a >= b,
        "below" => (a as u64) < (b as u64),
        "above_eq" => (a as u64) >= (b as u64),
        _ => unreachable!(),
    }
}

fn float_cond(c: &str, a: f64, b: f64) -> bool {
    match c {
        "eq" => a == b,
        "ne" => a != b,
        "lt" => a < b,
        "le" => a <= b,
        "gt" => a > b,
        "ge" => a >= b,
        _ => unreachable!(),
    }
}

/// A trace with params `inputs` (types `ty`) and a final bool param `stop`, that computes
/// `f` on each group of inputs once and leaves through `guard_false stop` naming the
/// results. Run with stop = 1, so the body runs exactly once.
fn one_shot(
    name: &str,
    ty: Type,
    arity: usize,
    inputs: &[u64],
    op: &dyn Fn(&[u32]) -> String,
    expect: Vec<u64>,
) -> Case {
    let mut types = vec![ty; inputs.len()];
    types.push(Type::Bool);
    let mut t = Text::new("stop", &types);
    let mut results = vec![];
    for group in 0..inputs.len() / arity {
        let args: Vec<u32> = (0..arity).map(|k| (group * arity + k) as u32).collect();
        results.push(t.val(&op(&args)));
    }
    let stop = inputs.len() as u32;
    let s = t.snap(&results);
    t.void(&format!("guard_false v{stop} !s{s} [stop]"));
    let params: Vec<u32> = (0..=stop).collect();
    let mut words = inputs.to_vec();
    words.push(1);
    case(name, &t.finish(&params), words, s, expect, vec![])
}

fn arith_cases(out: &mut Vec<Case>) {
    let pairs: Vec<(i64, i64)> = INTS_A.iter().flat_map(|&a| INTS_B.iter().map(move |&b| (a, b))).collect();
    for name in [
        "int_add",
        "int_sub",
        "int_mul",
        "int_and",
        "int_or",
        "int_xor",
        "int_shl",
        "int_sar",
        "int_shr",
        "int_floordiv",
        "int_mod",
    ] {
        let ok: Vec<(i64, i64)> = pairs.iter().copied().filter(|&(a, b)| int_binop(name, a, b).is_some()).collect();
        for (k, chunk) in ok.chunks(8).enumerate() {
            let inputs: Vec<u64> = chunk.iter().flat_map(|&(a, b)| [a as u64, b as u64]).collect();
            let expect = chunk.iter().map(|&(a, b)| int_binop(name, a, b).unwrap_or(0) as u64).collect();
            let op = |v: &[u32]| format!("{name} v{}, v{}", v[0], v[1]);
            out.push(one_shot(&format!("{name}/{k}"), Type::Int, 2, &inputs, &op, expect));
        }
    }
    let negs: Vec<u64> = INTS_A.iter().map(|&a| a as u64).collect();
    let expect = INTS_A.iter().map(|&a| a.wrapping_neg() as u64).collect();
    out.push(one_shot("int_neg", Type::Int, 1, &negs, &|v| format!("int_neg v{}", v[0]), expect));
    for c in ["eq", "ne", "lt", "le", "gt", "ge", "below", "above_eq"] {
        let mut ps = pairs.clone();
        ps.extend([(5, 5), (MAX, MAX), (MIN, MIN), (-1, -1)]);
        for (k, chunk) in ps.chunks(12).enumerate() {
            let inputs: Vec<u64> = chunk.iter().flat_map(|&(a, b)| [a as u64, b as u64]).collect();
            let expect = chunk.iter().map(|&(a, b)| int_cond(c, a, b) as u64).collect();
            let op = |v: &[u32]| format!("int_cmp {c} v{}, v{}", v[0], v[1]);
            out.push(one_shot(&format!("int_cmp_{c}/{k}"), Type::Int, 2, &inputs, &op, expect));
        }
    }
    let fl = float_edges();
    let fpairs: Vec<(f64, f64)> = fl.iter().flat_map(|&a| fl.iter().map(move |&b| (a, b))).collect();
    type FOp = fn(f64, f64) -> f64;
    let fops: [(&str, FOp); 4] = [
        ("float_add", |a, b| a + b),
        ("float_sub", |a, b| a - b),
        ("float_mul", |a, b| a * b),
        ("float_div", |a, b| a / b),
    ];
    for (name, f) in fops {
        for (k, chunk) in fpairs.chunks(10).enumerate() {
            let inputs: Vec<u64> = chunk.iter().flat_map(|&(a, b)| [a.to_bits(), b.to_bits()]).collect();
            let expect = chunk.iter().map(|&(a, b)| f(a, b).to_bits()).collect();
            let op = |v: &[u32]| format!("{name} v{}, v{}", v[0], v[1]);
            out.push(one_shot(&format!("{name}/{k}"), Type::Float, 2, &inputs, &op, expect));
        }
    }
    for c in ["eq", "ne", "lt", "le", "gt", "ge"] {
        for (k, chunk) in fpairs.chunks(16).enumerate() {
            let inputs: Vec<u64> = chunk.iter().flat_map(|&(a, b)| [a.to_bits(), b.to_bits()]).collect();
            let expect = chunk.iter().map(|&(a, b)| float_cond(c, a, b) as u64).collect();
            let op = |v: &[u32]| format!("float_cmp {c} v{}, v{}", v[0], v[1]);
            out.push(one_shot(&format!("float_cmp_{c}/{k}"), Type::Float, 2, &inputs, &op, expect));
        }
    }
    let fin: Vec<u64> = fl.iter().map(|x| x.to_bits()).collect();
    type FUn = fn(f64) -> f64;
    let funs: [(&str, FUn); 3] = [("float_neg", |x| -x), ("float_abs", f64::abs), ("float_sqrt", f64::sqrt)];
    for (name, f) in funs {
        // Neg and abs only touch the sign bit, so even NaNs keep their payload.
        let expect = fl.iter().map(|&x| f(x).to_bits()).collect();
        out.push(one_shot(name, Type::Float, 1, &fin, &|v| format!("{name} v{}", v[0]), expect));
    }
    let expect = fl.iter().map(|&x| x.to_bits()).collect();
    out.push(one_shot("float_bits", Type::Float, 1, &fin, &|v| format!("float_bits v{}", v[0]), expect));
    let ints: Vec<i64> = vec![0, 1, -1, MAX, MIN, (1 << 53) + 1, -(1 << 53) - 1, 0x7ff0_0000_0000_0001, 123456789];
    let iin: Vec<u64> = ints.iter().map(|&x| x as u64).collect();
    let expect = ints.iter().map(|&x| (x as f64).to_bits()).collect();
    out.push(one_shot("int_to_float", Type::Int, 1, &iin, &|v| format!("int_to_float v{}", v[0]), expect));
    out.push(one_shot("bits_to_float", Type::Int, 1, &iin, &|v| format!("bits_to_float v{}", v[0]), iin.clone()));
    out.push(one_shot("as_word", Type::Int, 1, &iin, &|v| format!("as_word v{}", v[0]), iin.clone()));
    out.push(one_shot("as_int", Type::Word, 1, &iin, &|v| format!("as_int v{}", v[0]), iin.clone()));
    out.push(one_shot("as_int_bool", Type::Bool, 1, &[0, 1, 1, 0], &|v| format!("as_int v{}", v[0]), vec![0, 1, 1, 0]));
}

/// `*Ov` ops at the edges: either the op exits (naming its operands) or the final guard
/// does (naming the result).
fn overflow_cases(out: &mut Vec<Case>) {
    let edges = [0, 1, -1, 2, -2, MAX, MIN, MAX - 1, MIN + 1, 1 << 32, -(1 << 32), 3_037_000_500, -3_037_000_500];
    type Checked = fn(i64, i64) -> Option<i64>;
    let ops: [(&str, Checked); 3] =
        [("int_add_ov", i64::checked_add), ("int_sub_ov", i64::checked_sub), ("int_mul_ov", i64::checked_mul)];
    for (name, f) in ops {
        for &a in &edges {
            for &b in &edges {
                let text = format!(
                    "kinds: overflow, stop
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : bool
v3 = {name} v0, v1 !s0 [overflow]
guard_false v2 !s1 [stop]
jump v0, v1, v2
s0 = snapshot [meta=1: 0=v1 1=v0]
s1 = snapshot [meta=2: 4=v3]"
                );
                let (snap, buf) = match f(a, b) {
                    Some(r) => (1, vec![r as u64]),
                    None => (0, vec![b as u64, a as u64]),
                };
                out.push(case(&format!("{name}({a}, {b})"), &text, vec![a as u64, b as u64, 1], snap, buf, vec![]));
            }
        }
    }
}

/// Loops that run many iterations, guards of both polarities, snapshot layouts.
fn loop_cases(out: &mut Vec<Case>) {
    // Count up to n: exits through the loop guard after n iterations.
    let count = "kinds: overflow, loop
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add_ov v0, v2 !s0 [overflow]
v4 = int_cmp lt v3, v1
guard_true v4 !s1 [loop]
jump v3, v1
s0 = snapshot [meta=10: 0=v0 1=v1]
s1 = snapshot [meta=11: 0=v3 1=v1]";
    out.push(case("count_to_100000", count, vec![0, 100_000], 1, vec![100_000, 100_000], vec![]));
    out.push(case("count_from_negative", count, vec![(-50i64) as u64, 7], 1, vec![7, 7], vec![]));
    // Counting up to MIN (`ne` instead of `lt`) overflows at MAX instead.
    let to_min = count.replace("int_cmp lt", "int_cmp ne");
    let buf = vec![MAX as u64, MIN as u64];
    out.push(case("count_overflows", &to_min, vec![(MAX - 1000) as u64, MIN as u64], 0, buf, vec![]));

    // Sum of i*i with guard_false on `i == n`; the snapshot names the same value twice and
    // two constants, one of them twice.
    let text = "kinds: ov, done
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : int
v3 = int_mul_ov v0, v0 !s0 [ov]
v4 = int_add_ov v1, v3 !s0 [ov]
v5 = const_int 1
v6 = int_add v0, v5
v7 = int_cmp eq v6, v2
v8 = const_float 2.5
guard_false v7 !s1 [done]
jump v6, v4, v2
s0 = snapshot [meta=1: 0=v0 1=v1 2=v2]
s1 = snapshot [meta=2: 0=v4 1=v6 2=v4 3=v5] [meta=3: 0=v8 1=v5 2=v0]";
    let n = 5000i64;
    let sum: i64 = (0..n).map(|i| i * i).sum();
    let buf = vec![sum as u64, n as u64, 1, 2.5f64.to_bits(), (n - 1) as u64];
    // (s0 is shared by two ops; the exit is found by op index instead.)
    let mut c = case_at("sum_squares_shared_snapshot", text, vec![0, 0, n as u64], 9, buf, vec![]);
    out.push(c.take());
    // Sum of squares overflowing the multiplication at i = 3037000500.
    let start = 3_037_000_499i64;
    let buf = vec![(start + 1) as u64, (start * start) as u64, (start + 10) as u64];
    out.push(case_at("square_overflows", text, vec![start as u64, 0, (start + 10) as u64], 3, buf, vec![]).take());

    // A trace that ends in an unconditional exit (a bridge): computes, then leaves with
    // floats, ints and a constant; the jump after the exit is never reached.
    let bridge = "kinds: link
v0 = param 0 : int
v1 = param 1 : float
v2 = const_int 3
v3 = int_mul v0, v2
v4 = int_to_float v3
v5 = float_add v4, v1
v6 = const_int -7
exit !s0 [link]
jump v0, v1
s0 = snapshot [meta=4: 0=v5 1=v3 2=v6 3=v0]";
    let buf = vec![(42.0f64 + 0.5).to_bits(), 42, (-7i64) as u64, 14];
    out.push(case("exit_unconditional", bridge, vec![14, 0.5f64.to_bits()], 0, buf, vec![]));
    // An exit after a loop guard that may leave first.
    let guarded = "kinds: loop, link
v0 = param 0 : int
v1 = const_int 10
v2 = int_cmp lt v0, v1
guard_true v2 !s0 [loop]
v4 = int_add v0, v1
exit !s1 [link]
jump v0
s0 = snapshot [meta=1: 0=v0]
s1 = snapshot [meta=2: 0=v4]";
    out.push(case("exit_after_guard_taken", guarded, vec![3], 1, vec![13], vec![]));
    out.push(case("exit_after_guard_fails", guarded, vec![12], 0, vec![12], vec![]));

    // Floor division and modulo by constant powers of two (backends may shift and mask).
    let pow2 = "kinds: link
v0 = param 0 : int
v1 = const_int 8
v2 = int_mod v0, v1
v3 = int_floordiv v0, v1
v4 = const_int 2147483648
v5 = int_mod v0, v4
v6 = int_floordiv v0, v4
exit !s0 [link]
jump v0
s0 = snapshot [meta=1: 0=v2 1=v3 2=v5 3=v6]";
    for x in [-7i64, 7, -8, 0, i64::MIN, i64::MAX, -(1 << 40) - 3] {
        let d = 1i64 << 31;
        let buf = vec![x.rem_euclid(8) as u64, x.div_euclid(8) as u64, x.rem_euclid(d) as u64, x.div_euclid(d) as u64];
        out.push(case(&format!("pow2_divmod_{x}"), pow2, vec![x as u64], 0, buf, vec![]));
    }
    const_divmod_cases(out);

    // Guards on a bool param with each expect value.
    for (expect, input, exits) in [("true", 0, true), ("true", 1, false), ("false", 1, true), ("false", 0, false)] {
        let text = format!(
            "kinds: flag, loop
v0 = param 0 : bool
v1 = param 1 : int
guard_{expect} v0 !s0 [flag]
v3 = const_int 1
v4 = int_sub v1, v3
v5 = const_int 0
v6 = int_cmp gt v4, v5
guard_true v6 !s1 [loop]
jump v0, v4
s0 = snapshot [meta=0: 0=v1 1=v0]
s1 = snapshot [meta=1: 0=v4]"
        );
        let (snap, buf) = if exits { (0, vec![10, input]) } else { (1, vec![0]) };
        out.push(case(&format!("guard_{expect}_on_{input}"), &text, vec![input, 10], snap, buf, vec![]));
    }

    // `jump v1, v0`: params swapped each iteration; a three-way rotation of floats too.
    let text = "kinds: loop
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : int
v3 = param 3 : float
v4 = param 4 : float
v5 = param 5 : float
v6 = const_int 1
v7 = int_sub v2, v6
v8 = const_int 0
v9 = int_cmp ne v7, v8
guard_true v9 !s0 [loop]
jump v1, v0, v7, v4, v5, v3
s0 = snapshot [meta=0: 0=v0 1=v1 2=v3 3=v4 4=v5]";
    for n in [1u64, 2, 3, 7, 1000, 1001] {
        let (mut a, mut b) = (11u64, 22u64);
        let mut f = [1.5f64, 2.5, 3.5];
        for _ in 1..n {
            std::mem::swap(&mut a, &mut b);
            f.rotate_left(1);
        }
        let buf = vec![a, b, f[0].to_bits(), f[1].to_bits(), f[2].to_bits()];
        let params = vec![11, 22, n, 1.5f64.to_bits(), 2.5f64.to_bits(), 3.5f64.to_bits()];
        out.push(case(&format!("jump_swaps_{n}"), text, params, 0, buf, vec![]));
    }

    // A guard before anything else: leaves on the first op of the body.
    let text = "kinds: k
v0 = param 0 : bool
v1 = param 1 : float
guard_true v0 !s0 [k]
jump v0, v1
s0 = snapshot [meta=9: 3=v1 4=v0 5=v1]";
    out.push(case("exit_at_once", text, vec![0, 0.25f64.to_bits()], 0, vec![0.25f64.to_bits(), 0], vec![]));

    // Float accumulation over many iterations; the loop test is a float compare.
    let text = "kinds: loop
v0 = param 0 : float
v1 = param 1 : float
v2 = const_float 0.1
v3 = float_add v0, v2
v4 = float_mul v3, v3
v5 = float_add v1, v4
v6 = const_float 100.0
v7 = float_cmp lt v3, v6
guard_true v7 !s0 [loop]
jump v3, v5
s0 = snapshot [meta=0: 0=v3 1=v5]";
    let (mut x, mut acc) = (0.0f64, 0.0f64);
    loop {
        x += 0.1;
        acc += x * x;
        if x >= 100.0 || x.is_nan() {
            break;
        }
    }
    out.push(case("float_loop", text, vec![0, 0], 0, vec![x.to_bits(), acc.to_bits()], vec![]));

    // A word param round trip: as_int, arithmetic, as_word back.
    let text = "kinds: loop
v0 = param 0 : word
v1 = param 1 : int
v2 = as_int v0
v3 = const_int 8
v4 = int_add v2, v3
v5 = as_word v4
v6 = const_int 1
v7 = int_sub v1, v6
v8 = const_word 0x7ff9000000000000
v9 = int_cmp ne v7, v6
guard_true v9 !s0 [loop]
jump v5, v7
s0 = snapshot [meta=0: 0=v5 1=v8 2=v0]";
    let base = 0xfff8_0000_0000_0000u64;
    let buf = vec![base + 8 * 9, 0x7ff9_0000_0000_0000, base + 8 * 8];
    out.push(case("word_values", text, vec![base, 10], 0, buf, vec![]));
}

/// Floor division and modulo by constants other than positive powers of two (backends may
/// multiply by a reciprocal instead of dividing): small and large divisors of both signs,
/// dividends at the ends of the range and around multiples of the divisor, a dividend that
/// is itself a constant, and both ops on one dividend. Then variable divisors on both sides
/// of 2^32 (backends may divide in 32 bits when both operands are small).
fn const_divmod_cases(out: &mut Vec<Case>) {
    let divisors: [i64; 36] = [
        3,
        5,
        6,
        7,
        10,
        100,
        641,
        1000,
        7919,
        2_147_483_647,
        2_147_483_649,
        4_294_967_295,
        1 << 32,
        1 << 40,
        1 << 62,
        (1 << 62) + 1,
        1_000_000_000_000,
        1_000_000_000_000_000_000,
        MAX - 1,
        MAX,
        1,
        2,
        -1,
        -2,
        -3,
        -7,
        -10,
        -1000,
        -2_147_483_647,
        -2_147_483_648,
        -(1 << 40),
        -1_000_000_000_000,
        -(1 << 62) - 1,
        -MAX,
        MIN,
        MIN + 1,
    ];
    for d in divisors {
        let mut xs = vec![MIN, MIN + 1, MAX, MAX - 1, -1, 0, 1, 2, -2, 12345, -12345];
        for k in [1, 2, 3, 12345, MAX.wrapping_div(d), MIN.wrapping_div(d)] {
            for k in [k, k.wrapping_neg()] {
                if let Some(m) = k.checked_mul(d) {
                    xs.extend([m.checked_sub(1), Some(m), m.checked_add(1)].into_iter().flatten());
                }
            }
        }
        xs.sort_unstable();
        xs.dedup();
        xs.retain(|&x| !(x == MIN && d == -1));
        let consts = [-1_000_000_000_000_007i64, 99];
        for (k, chunk) in xs.chunks(8).enumerate() {
            let mut t = Text::new("link", &[Type::Int; 8]);
            let dv = t.val(&format!("const_int {d}"));
            let mut dividends: Vec<u32> = (0..8).collect();
            for c in consts {
                dividends.push(t.val(&format!("const_int {c}")));
            }
            let mut results = vec![];
            for &x in &dividends {
                results.push(t.val(&format!("int_mod v{x}, v{dv}")));
                results.push(t.val(&format!("int_floordiv v{x}, v{dv}")));
            }
            let s = t.snap(&results);
            t.void(&format!("exit !s{s} [link]"));
            let text = t.finish(&(0..8).collect::<Vec<u32>>());
            let mut params: Vec<i64> = chunk.to_vec();
            params.resize(8, 0);
            let buf = params
                .iter()
                .chain(&consts)
                .flat_map(|&x| {
                    let (q, m) = py_divmod(x, d);
                    [m as u64, q as u64]
                })
                .collect();
            let params = params.iter().map(|&x| x as u64).collect();
            out.push(case(&format!("const_divmod_{d}_{k}"), &text, params, s, buf, vec![]));
        }
    }
    let xs = [0, 1, 7, (1 << 31) - 1, 1 << 31, (1 << 32) - 1, 1 << 32, (1 << 32) + 1, -1, -(1 << 32), MAX, MIN];
    let ds = [1, 3, 10, 7919, (1 << 31) + 1, (1 << 32) - 1, 1 << 32, (1 << 32) + 1, -3, -(1 << 32) + 1];
    let pairs: Vec<(i64, i64)> = xs.iter().flat_map(|&x| ds.iter().map(move |&d| (x, d))).collect();
    for name in ["int_floordiv", "int_mod"] {
        for (k, chunk) in pairs.chunks(8).enumerate() {
            let inputs: Vec<u64> = chunk.iter().flat_map(|&(a, b)| [a as u64, b as u64]).collect();
            let expect = chunk.iter().map(|&(a, b)| int_binop(name, a, b).unwrap_or(0) as u64).collect();
            let op = |v: &[u32]| format!("{name} v{}, v{}", v[0], v[1]);
            out.push(one_shot(&format!("{name}_near_2_pow_32_{k}"), Type::Int, 2, &inputs, &op, expect));
        }
    }
}

/// `case` with the exit given as an op index (for traces whose snapshots are shared).
fn case_at(name: &str, text: &str, params: Vec<u64>, exit: u32, exit_buf: Vec<u64>, mem: Vec<Mem>) -> Taken {
    let trace = match parse_trace(text) {
        Ok(t) => t,
        Err(e) => panic!("conformance case `{name}` does not parse: {e}\n{text}"),
    };
    if let Err(e) = trace.check().and_then(|_| trace.check_types()) {
        panic!("conformance case `{name}` is not well formed: {e}\n{trace}");
    }
    assert!(trace.ops[exit as usize].snapshot().is_some(), "case `{name}`: op {exit} cannot exit");
    Taken(Some(Case { name: name.to_string(), trace, params, exit, exit_buf, mem }))
}

struct Taken(Option<Case>);

impl Taken {
    fn take(&mut self) -> Case {
        self.0.take().expect("case taken twice")
    }
}

/// Loads, stores and their indexed forms, against buffers owned by the case.
/// Traces with a preamble (`loop`) and phis, as `opt::licm` writes them, and one it can
/// rewrite so (it has an entry snapshot): a sum over an array whose pointer is read once
/// and whose running total is a memory word carried in a register.
fn preamble_cases(out: &mut Vec<Case>) {
    let data: Vec<u64> = (0..16).map(|i: i64| (i * i * 1001 - 7) as u64).collect();
    let sum = data.iter().fold(0u64, |a, &x| a.wrapping_add(x));
    for flag in [1u64, 0] {
        let d = Mem::new(data.clone());
        let mut table = Mem::new(vec![flag, d.addr(), 5]);
        let base = table.addr() as u64;
        let text = "kinds: loop, pre
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1 + 8] : int mem 1
v3 = load [v1] : int mem 1
v4 = const_int 0
v5 = int_cmp ne v3, v4
guard_true v5 !s1 [pre]
v7 = load [v1 + 16] : int mem 2
loop
v9 = phi v7 : int
v10 = load_indexed [v2 + v0*8] : int mem 3
v11 = int_add v9, v10
store [v1 + 16], v11 mem 2
v13 = const_int 1
v14 = int_add v0, v13
v15 = const_int 16
v16 = int_cmp below v14, v15
guard_true v16 !s0 [loop]
jump v14, v1, v11
s0 = snapshot [meta=0: 0=v14 1=v11]
s1 = snapshot [meta=1: 0=v0 1=v1]";
        if flag == 1 {
            table.expect = vec![1, d.addr(), sum.wrapping_add(5)];
            out.push(case("preamble_phi_sum", text, vec![0, base], 0, vec![16, sum.wrapping_add(5)], vec![table, d]));
        } else {
            out.push(case("preamble_guard_leaves_at_entry", text, vec![3, base], 1, vec![3, base], vec![table, d]));
        }
    }
    // The same loop with its store sunk into the exit (`opt::sink`), which also stores a
    // constant and a float (the stub's stores of every kind of location).
    let d = Mem::new(data.clone());
    let mut table = Mem::new(vec![1, d.addr(), 5, 0, 0]);
    let base = table.addr();
    let text = "kinds: loop, pre
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1 + 8] : int mem 1
v3 = load [v1] : int mem 1
v4 = const_int 0
v5 = int_cmp ne v3, v4
guard_true v5 !s1 [pre]
v7 = load [v1 + 16] : int mem 2
loop
v9 = phi v7 : int
v10 = load_indexed [v2 + v0*8] : int mem 3
v11 = int_add v9, v10
v12 = const_int 1
v13 = int_add v0, v12
v14 = int_to_float v11
v15 = const_int 16
v16 = int_cmp below v13, v15
guard_true v16 !s0 [loop]
jump v13, v1, v11
s0 = snapshot [meta=0: 0=v13 1=v11] store [v1 + 16], v11 mem 2 store [v1 + 24], v12 mem 2 store [v1 + 32], v14 mem 2
s1 = snapshot [meta=1: 0=v0 1=v1]";
    let total = sum.wrapping_add(5);
    table.expect = vec![1, d.addr(), total, 1, (total as i64 as f64).to_bits()];
    out.push(case("sunk_stores_at_exit", text, vec![0, base], 0, vec![16, total], vec![table, d]));

    // The same loop as recorded, with the loads in the body.
    let d = Mem::new(data.clone());
    let mut table = Mem::new(vec![1, d.addr(), 5]);
    let base = table.addr() as u64;
    let text = "kinds: loop, pre
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1] : int mem 1
v3 = const_int 0
v4 = int_cmp ne v2, v3
guard_true v4 !s2 [pre]
v6 = load [v1 + 8] : int mem 1
v7 = load_indexed [v6 + v0*8] : int mem 3
v8 = load [v1 + 16] : int mem 2
v9 = int_add v8, v7
store [v1 + 16], v9 mem 2
v11 = const_int 1
v12 = int_add v0, v11
v13 = const_int 16
v14 = int_cmp below v12, v13
guard_true v14 !s0 [loop]
jump v12, v1
s0 = snapshot [meta=0: 0=v12 1=v9]
s1 = snapshot [meta=1: 0=v0 1=v1]
s2 = snapshot [meta=2: 0=v0 1=v1]";
    table.expect = vec![1, d.addr(), sum.wrapping_add(5)];
    out.push(case("licm_candidate_sum", text, vec![0, base], 0, vec![16, sum.wrapping_add(5)], vec![table, d]));

    // A recurrence over an array as recorded, out[i] = 2 * out[i - 1] + i: the optimizer
    // hoists the array's pointer and length, and `opt::fwd` carries out[i - 1] in a phi.
    let mut expect = vec![3u64];
    for i in 1..16u64 {
        let prev = expect[expect.len() - 1];
        expect.push(prev.wrapping_mul(2).wrapping_add(i));
    }
    let mut arr = Mem::new(vec![3; 16]);
    let table = Mem::new(vec![arr.addr(), 16]);
    let base = table.addr() as u64;
    let text = "kinds: loop, type
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = load [v1] : int mem 1
v3 = load [v1 + 8] : int mem 1
v4 = const_int 1
v5 = int_sub_ov v0, v4 !s2 [type]
v6 = int_cmp below v5, v3
guard_true v6 !s2 [type]
v8 = load_indexed [v2 + v5*8] : int mem 2
v9 = int_add v8, v8
v10 = int_add v9, v0
v11 = int_cmp below v0, v3
guard_true v11 !s2 [type]
store_indexed [v2 + v0*8], v10 mem 2
v14 = int_add v0, v4
v15 = int_cmp below v14, v3
guard_true v15 !s0 [loop]
jump v14, v1
s0 = snapshot [meta=0: 0=v14 1=v10]
s1 = snapshot [meta=1: 0=v0 1=v1]
s2 = snapshot [meta=2: 0=v0 1=v1]";
    let last = expect[15];
    arr.expect = expect;
    out.push(case("recurrence_over_array", text, vec![1, base], 0, vec![16, last], vec![table, arr]));
}

fn memory_cases(out: &mut Vec<Case>) {
    // Sum an array with load_indexed.
    let data: Vec<u64> = (0..64).map(|i: i64| (i * 37 - 500) as u64).collect();
    let m = Mem::new(data.clone());
    let text = format!(
        "kinds: loop
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int {}
v3 = load_indexed [v2 + v0*8] : int
v4 = int_add v1, v3
v5 = const_int 1
v6 = int_add v0, v5
v7 = const_int 64
v8 = int_cmp below v6, v7
guard_true v8 !s0 [loop]
jump v6, v4
s0 = snapshot [meta=0: 0=v6 1=v4]",
        m.addr()
    );
    let sum: i64 = data.iter().map(|&x| x as i64).sum();
    out.push(case("sum_array", &text, vec![0, 0], 0, vec![64, sum as u64], vec![m]));

    // Bytes: read the byte after j, clear byte j, and store the running total's low byte two
    // bytes on (a register value, truncated), for j = 3, 8, ..., 58.
    let init: Vec<u8> = (1..=64).collect();
    let words =
        |b: &[u8]| -> Vec<u64> { b.chunks(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect() };
    let mut m = Mem::new(words(&init));
    let text = format!(
        "kinds: loop
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int {}
v3 = load_byte [v2 + v0 + 1] mem 7
v4 = int_add v1, v3
v5 = const_int 0
store_byte [v2 + v0], v5 mem 7
store_byte [v2 + v0 + 2], v4 mem 7
v8 = const_int 5
v9 = int_add v0, v8
v10 = const_int 60
v11 = int_cmp below v9, v10
guard_true v11 !s0 [loop]
jump v9, v4
s0 = snapshot [meta=0: 0=v9 1=v4]",
        m.addr()
    );
    let (mut bytes, mut acc, mut j) = (init.clone(), 1000u64, 3usize);
    while j < 60 {
        acc += bytes[j + 1] as u64;
        bytes[j] = 0;
        bytes[j + 2] = acc as u8;
        j += 5;
    }
    m.expect = words(&bytes);
    out.push(case("bytes", &text, vec![3, 1000], 0, vec![j as u64, acc], vec![m]));

    // Fill buf[i-1] = i*i with a negative offset, and a plain store of a running total
    // into the last word.
    let m = Mem::new(vec![0; 33]);
    let text = format!(
        "kinds: loop
v0 = param 0 : int
v1 = const_int {}
v2 = int_mul v0, v0
store_indexed [v1 + v0*8 - 8], v2
v4 = load [v1 + 256] : int
v5 = int_add v4, v2
store [v1 + 256], v5
v7 = const_int 1
v8 = int_add v0, v7
v9 = const_int 32
v10 = int_cmp le v8, v9
guard_true v10 !s0 [loop]
jump v8
s0 = snapshot [meta=0: 0=v8]",
        m.addr()
    );
    let mut m = m;
    let mut expect: Vec<u64> = (1..=32u64).map(|i| i * i).collect();
    expect.push((1..=32u64).map(|i| i * i).sum());
    m.expect = expect;
    out.push(case("fill_array", &text, vec![1], 0, vec![33], vec![m]));

    // Floats and words through memory at both positive and negative offsets from a base in
    // the middle of the buffer.
    let mut m = Mem::new(vec![1.5f64.to_bits(), 0, 0x7ff8_0000_0000_0001, 2.0f64.to_bits(), 0]);
    let mid = m.addr() + 16;
    let text = format!(
        "kinds: stop
v0 = param 0 : bool
v1 = const_int {mid}
v2 = load [v1 - 16] : float
v3 = load [v1 + 8] : float
v4 = float_mul v2, v3
store [v1 - 8], v4
v6 = load [v1] : word
store [v1 + 16], v6
v8 = const_int -1
v9 = load_indexed [v1 + v8*8 + 0] : float
guard_false v0 !s0 [stop]
jump v0
s0 = snapshot [meta=0: 0=v4 1=v6 2=v9]"
    );
    m.expect = vec![1.5f64.to_bits(), 3.0f64.to_bits(), 0x7ff8_0000_0000_0001, 2.0f64.to_bits(), 0x7ff8_0000_0000_0001];
    out.push(case(
        "float_word_memory",
        &text,
        vec![1],
        0,
        vec![3.0f64.to_bits(), 0x7ff8_0000_0000_0001, 3.0f64.to_bits()],
        vec![m],
    ));
}

/// Calls with 0..6 arguments, float bits, a bool result, and a side effect.
fn call_cases(out: &mut Vec<Case>) {
    let text = format!(
        "kinds: stop
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : int
v3 = param 3 : int
v4 = param 4 : int
v5 = param 5 : int
v6 = param 6 : bool
v7 = call {}() : int
v8 = call {}(v0) : int
v9 = call {}(v0, v1) : int
v10 = call_pure {}(v0, v1, v2) : int
v11 = call {}(v0, v1, v2, v3) : int
v12 = call {}(v0, v1, v2, v3, v4) : int
v13 = call {}(v0, v1, v2, v3, v4, v5) : int
v14 = call {}(v5, v4, v3, v2, v1, v0) : int
guard_false v6 !s0 [stop]
jump v0, v1, v2, v3, v4, v5, v6
s0 = snapshot [meta=0: 0=v7 1=v8 2=v9 3=v10 4=v11 5=v12 6=v13 7=v14 8=v0 9=v5]",
        addr(h0 as *const ()),
        addr(h1 as *const ()),
        addr(h2 as *const ()),
        addr(h3 as *const ()),
        addr(h4 as *const ()),
        addr(h5 as *const ()),
        addr(h6 as *const ()),
        addr(h6 as *const ())
    );
    let p = [1u64, 2, 3, 4, 5, 6];
    let r = |ds: &[u64]| ds.iter().fold(0u64, |acc, &d| acc.wrapping_mul(10).wrapping_add(d));
    let buf = vec![42, 3 ^ 1, 1u64.wrapping_sub(2), 123, 1234, 12345, 123456, 654321, 1, 6];
    assert_eq!(buf[4], r(&p[..4]));
    let mut params = p.to_vec();
    params.push(1);
    out.push(case("calls_0_to_6_args", &text, params, 0, buf, vec![]));

    // Float bits through a call, a bool-returning helper in a guard, and a counter bumped
    // once per iteration (its value is also loaded back by the trace).
    let mut m = Mem::new(vec![0, 0]);
    let text = format!(
        "kinds: loop
v0 = param 0 : int
v1 = param 1 : float
v2 = const_int {ctr}
v3 = const_int 3
v4 = call {bump}(v2, v3) : int
v5 = const_float 1.0
v6 = call {hf}(v1, v5) : float
v7 = call_pure {odd}(v4) : bool
v8 = const_int 1
v9 = int_add v0, v8
v10 = const_int 100
v11 = int_cmp lt v9, v10
guard_true v11 !s0 [loop]
call {bump}(v2, v7)
jump v9, v6
s0 = snapshot [meta=0: 0=v9 1=v4 2=v6 3=v7]",
        ctr = m.addr(),
        bump = addr(bump as *const ()),
        hf = addr(hf as *const ()),
        odd = addr(odd as *const ()),
    );
    let (mut counter, mut x) = (0u64, 0.0f64);
    let mut last = (0u64, 0.0f64, 0u64);
    for i in 1..=100u64 {
        counter += 3;
        x = x * 1.0 + 0.5;
        let o = counter & 1;
        last = (counter, x, o);
        if i >= 100 {
            break;
        }
        counter += o;
    }
    m.expect = vec![counter, 0];
    out.push(case("calls_side_effects", &text, vec![0, 0], 0, vec![100, last.0, last.1.to_bits(), last.2], vec![m]));
}

/// Many live values (more than 16 ints and 16 floats) and a long trace.
fn pressure_cases(out: &mut Vec<Case>) {
    // 20 int and 20 float params rotated by the jump, each also updated, with all of them
    // live at the exit.
    let (ni, nf) = (20usize, 20usize);
    let mut types = vec![Type::Int];
    types.extend(std::iter::repeat_n(Type::Int, ni));
    types.extend(std::iter::repeat_n(Type::Float, nf));
    let mut t = Text::new("loop", &types);
    let one = t.val("const_int 1");
    let half = t.val("const_float 0.5");
    let n = t.val(&format!("int_sub v0, v{one}"));
    let zero = t.val("const_int 0");
    let c = t.val(&format!("int_cmp gt v{n}, v{zero}"));
    let mut ints = vec![];
    for k in 0..ni {
        ints.push(t.val(&format!("int_add v{}, v{}", 1 + k, 1 + (k + 1) % ni)));
    }
    let mut floats = vec![];
    for k in 0..nf {
        floats.push(t.val(&format!("float_add v{}, v{half}", 1 + ni + (k + 1) % nf)));
    }
    let mut live = vec![n];
    live.extend(&ints);
    live.extend(&floats);
    let s = t.snap(&live);
    t.void(&format!("guard_true v{c} !s{s} [loop]"));
    let mut jump = vec![n];
    jump.extend(&ints);
    jump.extend(&floats);
    let text = t.finish(&jump);
    let iters = 37u64;
    let mut iv: Vec<i64> = (0..ni as i64).map(|k| k * 1000 - 7).collect();
    let mut fv: Vec<f64> = (0..nf).map(|k| k as f64 * 0.25).collect();
    let mut left = iters as i64;
    let buf = loop {
        left -= 1;
        let ni2: Vec<i64> = (0..ni).map(|k| iv[k].wrapping_add(iv[(k + 1) % ni])).collect();
        let nf2: Vec<f64> = (0..nf).map(|k| fv[(k + 1) % nf] + 0.5).collect();
        iv = ni2;
        fv = nf2;
        if left <= 0 {
            let mut b = vec![left as u64];
            b.extend(iv.iter().map(|&x| x as u64));
            b.extend(fv.iter().map(|x| x.to_bits()));
            break b;
        }
    };
    let mut params = vec![iters];
    params.extend((0..ni as i64).map(|k| (k * 1000 - 7) as u64));
    params.extend((0..nf).map(|k| (k as f64 * 0.25).to_bits()));
    out.push(case("many_live_values", &text, params, 0, buf, vec![]));

    // A long trace: 400 ops of a mixed chain where early values stay live to the end.
    let mut t = Text::new("loop", &[Type::Int, Type::Int, Type::Float]);
    let k1 = t.val("const_int 1");
    let k3 = t.val("const_int 3");
    let kf = t.val("const_float 1.0000001");
    let mut x = 1u32;
    let mut f = 2u32;
    let mut keep = vec![];
    for i in 0..100 {
        x = t.val(&format!("int_mul v{x}, v{k3}"));
        x = t.val(&format!("int_add v{x}, v{k1}"));
        f = t.val(&format!("float_mul v{f}, v{kf}"));
        let y = t.val(&format!("int_xor v{x}, v{}", if i % 10 == 0 { 0 } else { keep[keep.len() - 1] }));
        if i % 10 == 0 {
            keep.push(y);
        }
    }
    let acc = keep.iter().fold(x, |a, &k| t.val(&format!("int_add v{a}, v{k}")));
    let n = t.val(&format!("int_sub v0, v{k1}"));
    let z = t.val("const_int 0");
    let c = t.val(&format!("int_cmp gt v{n}, v{z}"));
    let mut live = vec![n, acc, f];
    live.extend(&keep);
    let s = t.snap(&live);
    t.void(&format!("guard_true v{c} !s{s} [loop]"));
    let text = t.finish(&[n, acc, f]);
    // The same computation in Rust.
    let (mut pn, mut px, mut pf) = (25i64, 5i64, 1.0f64);
    let buf = loop {
        let mut x = px;
        let mut f = pf;
        let mut keep: Vec<i64> = vec![];
        for i in 0..100 {
            x = x.wrapping_mul(3).wrapping_add(1);
            f *= 1.0000001;
            let y = x ^ if i % 10 == 0 { pn } else { keep[keep.len() - 1] };
            if i % 10 == 0 {
                keep.push(y);
            }
        }
        let acc = keep.iter().fold(x, |a, &k| a.wrapping_add(k));
        let n = pn - 1;
        if n <= 0 {
            let mut b = vec![n as u64, acc as u64, f.to_bits()];
            b.extend(keep.iter().map(|&k| k as u64));
            break b;
        }
        (pn, px, pf) = (n, acc, f);
    };
    out.push(case("long_trace", &text, vec![25, 5, 1.0f64.to_bits()], 0, buf, vec![]));
}

/// Values live across calls: every caller-saved register a backend uses must be saved.
fn across_calls_cases(out: &mut Vec<Case>) {
    let (ni, nf) = (12usize, 12usize);
    let mut types = vec![Type::Int];
    types.extend(std::iter::repeat_n(Type::Int, ni));
    types.extend(std::iter::repeat_n(Type::Float, nf));
    let mut t = Text::new("loop", &types);
    let ints: Vec<u32> = (1..=ni as u32).collect();
    let floats: Vec<u32> = (1 + ni as u32..1 + (ni + nf) as u32).collect();
    // Derived values defined before the calls and read after them.
    let mut di = vec![];
    for k in 0..ni {
        di.push(t.val(&format!("int_mul v{}, v{}", ints[k], ints[(k + 3) % ni])));
    }
    let mut df = vec![];
    for k in 0..nf {
        df.push(t.val(&format!("float_mul v{}, v{}", floats[k], floats[(k + 5) % nf])));
    }
    let args: Vec<String> = ints[..6].iter().map(|v| format!("v{v}")).collect();
    let c6 = t.val(&format!("call {}({}) : int", addr(h6 as *const ()), args.join(", ")));
    let cf = t.val(&format!("call {}(v{}, v{}) : float", addr(hf as *const ()), floats[0], floats[1]));
    let c0 = t.val(&format!("call {}() : int", addr(h0 as *const ())));
    let mut new_ints = vec![];
    for k in 0..ni {
        let x = t.val(&format!("int_add v{}, v{}", di[k], if k % 2 == 0 { c6 } else { c0 }));
        new_ints.push(t.val(&format!("int_sub v{x}, v{}", ints[k])));
    }
    let mut new_floats = vec![];
    for k in 0..nf {
        let x = t.val(&format!("float_add v{}, v{cf}", df[k]));
        new_floats.push(t.val(&format!("float_sub v{x}, v{}", floats[(k + 1) % nf])));
    }
    let one = t.val("const_int 1");
    let n = t.val(&format!("int_sub v0, v{one}"));
    let zero = t.val("const_int 0");
    let c = t.val(&format!("int_cmp gt v{n}, v{zero}"));
    let mut live = vec![n, c6, cf];
    live.extend(&new_ints);
    live.extend(&new_floats);
    live.extend(&ints);
    live.extend(&floats);
    let s = t.snap(&live);
    t.void(&format!("guard_true v{c} !s{s} [loop]"));
    let mut jump = vec![n];
    jump.extend(&new_ints);
    jump.extend(&new_floats);
    let text = t.finish(&jump);
    let init_i: Vec<i64> = (0..ni as i64).map(|k| 3 * k - 11).collect();
    let init_f: Vec<f64> = (0..nf).map(|k| 1.0 + k as f64 / 8.0).collect();
    let (mut n, mut iv, mut fv) = (9i64, init_i.clone(), init_f.clone());
    let buf = loop {
        let di: Vec<i64> = (0..ni).map(|k| iv[k].wrapping_mul(iv[(k + 3) % ni])).collect();
        let df: Vec<f64> = (0..nf).map(|k| fv[k] * fv[(k + 5) % nf]).collect();
        let c6 = iv[..6].iter().fold(0i64, |a, &d| a.wrapping_mul(10).wrapping_add(d));
        let cf = fv[0] * fv[1] + 0.5;
        let ni2: Vec<i64> =
            (0..ni).map(|k| di[k].wrapping_add(if k % 2 == 0 { c6 } else { 42 }).wrapping_sub(iv[k])).collect();
        let nf2: Vec<f64> = (0..nf).map(|k| (df[k] + cf) - fv[(k + 1) % nf]).collect();
        n -= 1;
        if n <= 0 {
            let mut b = vec![n as u64, c6 as u64, cf.to_bits()];
            b.extend(ni2.iter().map(|&x| x as u64));
            b.extend(nf2.iter().map(|x| x.to_bits()));
            b.extend(iv.iter().map(|&x| x as u64));
            b.extend(fv.iter().map(|x| x.to_bits()));
            break b;
        }
        (iv, fv) = (ni2, nf2);
    };
    let mut params = vec![9u64];
    params.extend(init_i.iter().map(|&x| x as u64));
    params.extend(init_f.iter().map(|x| x.to_bits()));
    out.push(case("values_live_across_calls", &text, params, 0, buf, vec![]));
}

/// Every hand-written case.
pub fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    arith_cases(&mut out);
    overflow_cases(&mut out);
    loop_cases(&mut out);
    memory_cases(&mut out);
    preamble_cases(&mut out);
    call_cases(&mut out);
    pressure_cases(&mut out);
    across_calls_cases(&mut out);
    out
}

// --- random traces ---------------------------------------------------------------------------

/// xorshift64*: small, deterministic, good enough to pick ops.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    fn int(&mut self) -> i64 {
        const EDGES: [i64; 14] = [0, 1, -1, 2, -2, 63, 64, MAX, MIN, MAX - 1, MIN + 1, 1 << 31, 1 << 32, 3_037_000_499];
        match self.below(4) {
            0 => self.pick(&EDGES),
            1 => self.next() as i64,
            _ => self.below(2001) as i64 - 1000,
        }
    }

    fn float(&mut self) -> f64 {
        let edges = float_edges();
        match self.below(3) {
            0 => self.pick(&edges),
            1 => f64::from_bits(self.next()),
            _ => (self.below(20001) as f64 - 10000.0) / 64.0,
        }
    }
}

/// Emits random ops into a text trace, tracking values by type.
struct Gen {
    rng: Rng,
    t: Text,
    ints: Vec<u32>,
    floats: Vec<u32>,
    bools: Vec<u32>,
    words: Vec<u32>,
    base: u64,
}

impl Gen {
    fn int_like(&mut self) -> u32 {
        match self.rng.below(10) {
            0 if !self.bools.is_empty() => self.rng.pick(&self.bools),
            1 if !self.words.is_empty() => self.rng.pick(&self.words),
            _ => self.rng.pick(&self.ints),
        }
    }

    fn float(&mut self) -> u32 {
        if self.floats.is_empty() {
            let x = self.rng.float();
            let v = self.t.val(&format!("const_float {:#x}", x.to_bits()));
            self.floats.push(v);
        }
        self.rng.pick(&self.floats)
    }

    fn any(&mut self) -> u32 {
        match self.rng.below(3) {
            0 => self.float(),
            _ => self.int_like(),
        }
    }

    /// A snapshot naming a random selection of the values defined so far (duplicates and
    /// constants included), over one or two frames.
    fn snap(&mut self) -> u32 {
        let n = self.rng.below(6);
        let mut vals: Vec<u32> = (0..n).map(|_| self.any()).collect();
        if self.rng.chance(30) && !vals.is_empty() {
            vals.push(vals[0]);
        }
        if self.rng.chance(30) {
            let frames = [&vals[..vals.len() / 2], &vals[vals.len() / 2..]];
            let mut parts = vec![];
            for (k, fr) in frames.iter().enumerate() {
                let slots: Vec<String> = fr.iter().enumerate().map(|(s, v)| format!("{}=v{v}", s * 2 + k)).collect();
                parts.push(format!("[meta={}: {}]", self.rng.below(1000), slots.join(" ")));
            }
            self.t.snaps.push(parts.join(" "));
            return self.t.snaps.len() as u32 - 1;
        }
        self.t.snap(&vals)
    }

    fn step(&mut self) {
        let r = self.rng.below(100);
        if r < 8 {
            let c = self.rng.int();
            let v = self.t.val(&format!("const_int {c}"));
            self.ints.push(v);
        } else if r < 30 {
            let name = self.rng.pick(&[
                "int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_shl", "int_sar", "int_shr",
            ]);
            let (a, b) = (self.int_like(), self.int_like());
            let v = self.t.val(&format!("{name} v{a}, v{b}"));
            self.ints.push(v);
        } else if r < 37 {
            let name = self.rng.pick(&["int_add_ov", "int_sub_ov", "int_mul_ov"]);
            let a = self.int_like();
            // Mostly a small constant operand, so that overflow comes after a few iterations
            // rather than at once.
            let b = if self.rng.chance(60) {
                let k = self.rng.below(21) as i64 - 10;
                self.t.val(&format!("const_int {k}"))
            } else {
                self.int_like()
            };
            let s = self.snap();
            let v = self.t.val(&format!("{name} v{a}, v{b} !s{s} [ov]"));
            self.ints.push(v);
        } else if r < 40 {
            // Division as a frontend emits it: guards exclude 0 and -1 as divisors.
            let (a, x) = (self.int_like(), self.int_like());
            let bits = self.rng.pick(&[1, 2, 3, 8, 0x100, 0x7fff_ffff]);
            let bits = self.t.val(&format!("const_int {bits}"));
            let b = self.t.val(&format!("int_or v{x}, v{bits}"));
            let zero = self.t.val("const_int 0");
            let m1 = self.t.val("const_int -1");
            let c0 = self.t.val(&format!("int_cmp ne v{b}, v{zero}"));
            let s = self.snap();
            self.t.void(&format!("guard_true v{c0} !s{s} [div]"));
            let c1 = self.t.val(&format!("int_cmp eq v{b}, v{m1}"));
            let s = self.snap();
            self.t.void(&format!("guard_false v{c1} !s{s} [div]"));
            let name = self.rng.pick(&["int_floordiv", "int_mod"]);
            let v = self.t.val(&format!("{name} v{a}, v{b}"));
            self.ints.push(v);
        } else if r < 48 {
            let c = self.rng.pick(&["eq", "ne", "lt", "le", "gt", "ge", "below", "above_eq"]);
            let (a, b) = (self.int_like(), self.int_like());
            let v = self.t.val(&format!("int_cmp {c} v{a}, v{b}"));
            self.bools.push(v);
        } else if r < 52 {
            let c = self.rng.pick(&["eq", "ne", "lt", "le", "gt", "ge"]);
            let (a, b) = (self.float(), self.float());
            let v = self.t.val(&format!("float_cmp {c} v{a}, v{b}"));
            self.bools.push(v);
        } else if r < 56 && !self.bools.is_empty() {
            // Guards mostly expect what a first iteration would see, so loops run a while.
            let c = self.rng.pick(&self.bools);
            let expect = self.rng.pick(&["true", "false"]);
            let s = self.snap();
            self.t.void(&format!("guard_{expect} v{c} !s{s} [cond]"));
        } else if r < 66 {
            let name = self.rng.pick(&["float_add", "float_sub", "float_mul", "float_div"]);
            let (a, b) = (self.float(), self.float());
            let v = self.t.val(&format!("{name} v{a}, v{b}"));
            self.floats.push(v);
        } else if r < 70 {
            let name = self.rng.pick(&["float_neg", "float_abs", "float_sqrt"]);
            let a = self.float();
            let v = self.t.val(&format!("{name} v{a}"));
            self.floats.push(v);
        } else if r < 74 {
            let x = self.rng.float();
            let v = self.t.val(&format!("const_float {:#x}", x.to_bits()));
            self.floats.push(v);
        } else if r < 80 {
            match self.rng.below(7) {
                5 if !self.bools.is_empty() || !self.words.is_empty() => {
                    let a = if self.rng.chance(50) && !self.bools.is_empty() {
                        self.rng.pick(&self.bools)
                    } else {
                        self.int_like()
                    };
                    let v = self.t.val(&format!("as_int v{a}"));
                    self.ints.push(v);
                }
                6 => {
                    let a = self.int_like();
                    let v = self.t.val(&format!("call_pure {}(v{a}) : bool", addr(odd as *const ())));
                    self.bools.push(v);
                }
                0 => {
                    let a = self.int_like();
                    let v = self.t.val(&format!("int_to_float v{a}"));
                    self.floats.push(v);
                }
                1 => {
                    let a = self.int_like();
                    let v = self.t.val(&format!("bits_to_float v{a}"));
                    self.floats.push(v);
                }
                2 => {
                    let a = self.float();
                    let v = self.t.val(&format!("float_bits v{a}"));
                    self.ints.push(v);
                }
                3 => {
                    let a = self.int_like();
                    let v = self.t.val(&format!("as_word v{a}"));
                    self.words.push(v);
                }
                _ => {
                    let a = self.int_like();
                    let v = self.t.val(&format!("int_neg v{a}"));
                    self.ints.push(v);
                }
            }
        } else if r < 90 {
            // Memory: an index masked into the 16-word buffer.
            let base = self.t.val(&format!("const_int {}", self.base));
            let i = self.int_like();
            let mask = self.t.val("const_int 15");
            let idx = self.t.val(&format!("int_and v{i}, v{mask}"));
            let off = 8 * self.rng.below(4) as i64;
            let neg = self.t.val(&format!("const_int {}", -(off / 8)));
            let idx = self.t.val(&format!("int_add v{idx}, v{neg}"));
            if self.rng.chance(50) {
                let ty = self.rng.pick(&[Type::Int, Type::Float, Type::Word]);
                let v = self.t.val(&format!("load_indexed [v{base} + v{idx}*8 + {off}] : {}", ty.name()));
                match ty {
                    Type::Int => self.ints.push(v),
                    Type::Float => self.floats.push(v),
                    _ => self.words.push(v),
                }
            } else {
                let val = self.any();
                self.t.void(&format!("store_indexed [v{base} + v{idx}*8 + {off}], v{val}"));
                if self.rng.chance(50) {
                    let v = self.t.val(&format!("load [v{base} + 8] : int"));
                    self.ints.push(v);
                } else if self.rng.chance(30) {
                    let val = self.any();
                    self.t.void(&format!("store [v{base} + {}], v{val}", 8 * self.rng.below(16)));
                }
            }
        } else {
            let helpers: [(usize, *const ()); 7] = [
                (0, h0 as *const ()),
                (1, h1 as *const ()),
                (2, h2 as *const ()),
                (3, h3 as *const ()),
                (4, h4 as *const ()),
                (5, h5 as *const ()),
                (6, h6 as *const ()),
            ];
            match self.rng.below(3) {
                0 => {
                    let a = self.float();
                    let b = self.float();
                    let v = self.t.val(&format!("call {}(v{a}, v{b}) : float", addr(hf as *const ())));
                    self.floats.push(v);
                }
                1 => {
                    let base = self.t.val(&format!("const_int {}", self.base + 16 * 8));
                    let by = self.int_like();
                    let v = self.t.val(&format!("call {}(v{base}, v{by}) : int", addr(bump as *const ())));
                    self.ints.push(v);
                }
                _ => {
                    let (n, f) = self.rng.pick(&helpers);
                    let args: Vec<String> = (0..n).map(|_| format!("v{}", self.any())).collect();
                    let pure = if self.rng.chance(50) { "call_pure" } else { "call" };
                    let v = self.t.val(&format!("{pure} {}({}) : int", addr(f), args.join(", ")));
                    self.ints.push(v);
                }
            }
        }
    }
}

/// A random, valid trace with its inputs; the expected results are `RefBackend`'s (this is
/// for differential testing). The loop runs at most 64 iterations: param 0 counts down and
/// the first guard leaves when it reaches 0. Divisions are guarded as a frontend would
/// guard them, and memory accesses are masked into a 17-word buffer of the case (16 data
/// words and a counter for the side-effecting helper).
pub fn random_case(seed: u64) -> Case {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let (ni, nf) = (1 + rng.below(20), rng.below(20));
    let (nb, nw) = (rng.below(2), rng.below(2));
    let mut types = vec![Type::Int];
    types.extend(std::iter::repeat_n(Type::Int, ni));
    types.extend(std::iter::repeat_n(Type::Float, nf));
    types.extend(std::iter::repeat_n(Type::Bool, nb));
    types.extend(std::iter::repeat_n(Type::Word, nw));
    let init: Vec<u64> = (0..17).map(|k| if k < 16 { rng.next() % 5000 } else { 0 }).collect();
    let mem = Mem::new(init);
    let mut params = vec![1 + rng.below(64) as u64];
    for ty in &types[1..] {
        params.push(match ty {
            Type::Int => rng.int() as u64,
            Type::Float => rng.float().to_bits(),
            Type::Bool => rng.below(2) as u64,
            _ => 0xfff9_0000_0000_0000 | rng.below(1 << 20) as u64,
        });
    }
    let mut g = Gen {
        t: Text::new("ov, loop, cond, div", &types),
        rng,
        ints: (1..=ni as u32).collect(),
        floats: (1 + ni as u32..1 + (ni + nf) as u32).collect(),
        bools: (1 + (ni + nf) as u32..1 + (ni + nf + nb) as u32).collect(),
        words: (1 + (ni + nf + nb) as u32..types.len() as u32).collect(),
        base: mem.addr(),
    };
    let one = g.t.val("const_int 1");
    let n = g.t.val(&format!("int_sub v0, v{one}"));
    let zero = g.t.val("const_int 0");
    let c = g.t.val(&format!("int_cmp gt v{n}, v{zero}"));
    let s = g.snap();
    g.t.void(&format!("guard_true v{c} !s{s} [loop]"));
    let len = 10 + g.rng.below(120);
    for _ in 0..len {
        g.step();
    }
    let mut jump = vec![n];
    for ty in &types[1..] {
        jump.push(match ty {
            Type::Int => g.rng.pick(&g.ints),
            Type::Float => g.float(),
            Type::Bool => g.rng.pick(&g.bools),
            _ => g.rng.pick(&g.words),
        });
    }
    let text = g.t.finish(&jump);
    let trace = match parse_trace(&text) {
        Ok(t) => t,
        Err(e) => panic!("random case {seed} does not parse: {e}\n{text}"),
    };
    if let Err(e) = trace.check().and_then(|_| trace.check_types()) {
        panic!("random case {seed} is not well formed: {e}\n{trace}");
    }
    let mut case = Case { name: format!("random({seed})"), trace, params, exit: 0, exit_buf: vec![], mem: vec![mem] };
    // Flip the random guards that fail, a few times, so that loops run for a while before
    // leaving (through the loop guard, or a guard that fails in a later iteration).
    let cond = case.trace.kinds.iter().position(|k| k == "cond");
    for attempt in 0.. {
        let o = match case.outcome(&mut RefBackend) {
            Ok(o) => o,
            Err(e) => panic!("random case {seed}: {e}"),
        };
        case.exit = o.exit;
        case.exit_buf = o.exit_buf;
        case.mem[0].expect = o.mem[0].clone();
        match &mut case.trace.ops[o.exit as usize] {
            Op::Guard { expect, kind, .. } if attempt < 40 && Some(kind.0 as usize) == cond && g.rng.chance(90) => {
                *expect = !*expect
            }
            _ => break,
        }
    }
    case
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_cases_pass_on_the_reference_backend() {
        let n = run_all(&mut RefBackend).unwrap_or_else(|e| panic!("{e}"));
        assert!(n > 300, "{n} cases");
    }

    #[test]
    fn random_cases_are_valid_and_deterministic() {
        for seed in 0..2000 {
            let a = random_case(seed);
            let b = random_case(seed);
            assert_eq!(a.trace.to_string().lines().count(), b.trace.to_string().lines().count());
            a.run(&mut RefBackend).unwrap();
        }
    }
}
