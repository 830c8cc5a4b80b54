//! Shared by the integration tests: a random trace generator aimed at the x86 backend's
//! weak spots (register pressure, calls that clobber every caller-saved register, big
//! snapshots, permuting jumps, memory ops) and a differential runner against `RefBackend`.

#![allow(dead_code)]

use std::arch::asm;

use krait_backend_x86_64::{regalloc, X86Backend};
use krait_tracer::{Backend, Cond, FrameState, Mem, Op, RefBackend, Snapshot, Trace, TraceBuilder, Type, ValueId};

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    pub fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    pub fn int(&mut self) -> u64 {
        let special =
            [0u64, 1, 2, u64::MAX, 7, i64::MAX as u64, i64::MIN as u64, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff];
        match self.below(4) {
            0 => self.pick(&special),
            1 => self.next(),
            _ => (self.below(200) as i64 - 100) as u64,
        }
    }
    pub fn float(&mut self) -> u64 {
        let special = [0.0f64, -0.0, 1.0, -1.5, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e300, 3.25, 1e-310];
        match self.below(3) {
            0 => self.pick(&special).to_bits(),
            _ => ((self.below(2000) as f64 - 1000.0) / 8.0).to_bits(),
        }
    }
}

// --- helpers the generated traces call ----------------------------------------------------

pub extern "C" fn h0() -> u64 {
    42
}
pub extern "C" fn h1(a: u64) -> u64 {
    a.rotate_left(7) ^ 0x1234
}
pub extern "C" fn h2(a: u64, b: u64) -> u64 {
    a.wrapping_mul(31).wrapping_add(b)
}
pub extern "C" fn h3(a: u64, b: u64, c: u64) -> u64 {
    a ^ b.rotate_left(13) ^ c.rotate_left(29)
}
pub extern "C" fn h4(a: u64, b: u64, c: u64, d: u64) -> u64 {
    h2(h2(a, b), h2(c, d))
}
pub extern "C" fn h5(a: u64, b: u64, c: u64, d: u64, e: u64) -> u64 {
    h3(a, b, c).wrapping_sub(h2(d, e))
}
pub extern "C" fn h6(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> u64 {
    h3(a, b, c).wrapping_add(h3(d, e, f).rotate_left(1))
}

/// Returns its argument, after overwriting every caller-saved register the ABI lets it.
pub extern "C" fn clobber(a: u64) -> u64 {
    // SAFETY: only writes registers declared as clobbered.
    unsafe {
        asm!(
            "mov rsi, -1", "mov rdi, -1", "mov rcx, -1", "mov rdx, -1", "mov r8, -1", "mov r9, -1",
            "mov r10, -1", "mov r11, -1",
            "pcmpeqd xmm0, xmm0", "pcmpeqd xmm1, xmm1", "pcmpeqd xmm2, xmm2", "pcmpeqd xmm3, xmm3",
            "pcmpeqd xmm4, xmm4", "pcmpeqd xmm5, xmm5", "pcmpeqd xmm6, xmm6", "pcmpeqd xmm7, xmm7",
            "pcmpeqd xmm8, xmm8", "pcmpeqd xmm9, xmm9", "pcmpeqd xmm10, xmm10", "pcmpeqd xmm11, xmm11",
            "pcmpeqd xmm12, xmm12", "pcmpeqd xmm13, xmm13", "pcmpeqd xmm14, xmm14", "pcmpeqd xmm15, xmm15",
            out("rsi") _, out("rdi") _, out("rcx") _, out("rdx") _, out("r8") _, out("r9") _, out("r10") _,
            out("r11") _, out("xmm0") _, out("xmm1") _, out("xmm2") _, out("xmm3") _, out("xmm4") _,
            out("xmm5") _, out("xmm6") _, out("xmm7") _, out("xmm8") _, out("xmm9") _, out("xmm10") _,
            out("xmm11") _, out("xmm12") _, out("xmm13") _, out("xmm14") _, out("xmm15") _,
        );
    }
    a
}

/// `rsp mod 16` at the call instruction (0 when the caller keeps the ABI's alignment).
// SAFETY: the body is a complete leaf function: it only reads rsp, writes rax (caller-saved,
// the return register) and returns; it touches no memory.
#[unsafe(naked)]
pub extern "C" fn stack_misalignment() -> u64 {
    // At entry rsp points at the return address: the call pushed 8 bytes.
    std::arch::naked_asm!("lea rax, [rsp + 8]", "and rax, 15", "ret")
}

pub fn helpers() -> Vec<(u64, usize)> {
    vec![
        (h0 as extern "C" fn() -> u64 as usize as u64, 0),
        (h1 as extern "C" fn(u64) -> u64 as usize as u64, 1),
        (h2 as extern "C" fn(u64, u64) -> u64 as usize as u64, 2),
        (h3 as extern "C" fn(u64, u64, u64) -> u64 as usize as u64, 3),
        (h4 as extern "C" fn(u64, u64, u64, u64) -> u64 as usize as u64, 4),
        (h5 as extern "C" fn(u64, u64, u64, u64, u64) -> u64 as usize as u64, 5),
        (h6 as extern "C" fn(u64, u64, u64, u64, u64, u64) -> u64 as usize as u64, 6),
        (clobber as extern "C" fn(u64) -> u64 as usize as u64, 1),
        (stack_misalignment as extern "C" fn() -> u64 as usize as u64, 0),
    ]
}

// --- the generator ------------------------------------------------------------------------

pub const MEM_WORDS: usize = 64;

/// A generated case: the trace, its parameters, and which parameter is the memory base (its
/// value differs between the two runs, so it never reaches a snapshot or arithmetic).
pub struct Case {
    pub trace: Trace,
    pub params: Vec<u64>,
    pub base_param: Option<usize>,
    pub memory: Vec<u64>,
}

struct Gen {
    rng: Rng,
    b: TraceBuilder,
    /// Values usable as operands, by type (the memory base is not among them).
    pool: Vec<(ValueId, Type)>,
    base: ValueId,
}

impl Gen {
    fn of(&mut self, want: &[Type]) -> Option<ValueId> {
        let c: Vec<ValueId> = self.pool.iter().filter(|(_, t)| want.contains(t)).map(|(v, _)| *v).collect();
        if c.is_empty() {
            None
        } else {
            Some(self.rng.pick(&c))
        }
    }
    fn int(&mut self) -> ValueId {
        match self.of(&[Type::Int, Type::Int, Type::Word, Type::Bool]) {
            Some(v) if self.rng.below(8) != 0 => v,
            _ => {
                let c = self.rng.int();
                self.push(Op::ConstInt(c as i64))
            }
        }
    }
    fn float(&mut self) -> ValueId {
        match self.of(&[Type::Float]) {
            Some(v) if self.rng.below(8) != 0 => v,
            _ => {
                let c = self.rng.float();
                self.push(Op::ConstFloat(c))
            }
        }
    }
    fn bool(&mut self) -> ValueId {
        match self.of(&[Type::Bool]) {
            Some(v) => v,
            None => {
                let (a, b) = (self.int(), self.int());
                self.push(Op::IntCmp(Cond::Ne, a, b))
            }
        }
    }
    fn push(&mut self, op: Op) -> ValueId {
        let v = self.b.push(op);
        let t = self.b.type_of(v);
        if t != Type::Void {
            self.pool.push((v, t));
        }
        v
    }
    fn snapshot(&mut self) -> krait_tracer::SnapshotId {
        let vals: Vec<ValueId> = self.pool.iter().map(|(v, _)| *v).collect();
        let n = match self.rng.below(4) {
            0 => vals.len(),
            _ => self.rng.below(vals.len().min(12) + 1),
        };
        let mut frames = vec![FrameState { meta: 0, slots: vec![] }];
        for k in 0..n {
            if self.rng.below(6) == 0 {
                frames.push(FrameState { meta: k as u64, slots: vec![] });
            }
            let v = self.rng.pick(&vals);
            if let Some(f) = frames.last_mut() {
                f.slots.push((k as u32, v));
            }
        }
        self.b.snapshot(Snapshot::new(frames))
    }
    fn index(&mut self) -> ValueId {
        let x = self.int();
        let m = self.b.push(Op::ConstInt(63));
        self.b.push(Op::IntAnd(x, m))
    }

    fn random_op(&mut self, helpers: &[(u64, usize)]) {
        let conds = [Cond::Eq, Cond::Ne, Cond::Lt, Cond::Le, Cond::Gt, Cond::Ge, Cond::Below, Cond::AboveEq];
        let kind = krait_tracer::Kind(1);
        match self.rng.below(30) {
            0..=5 => {
                let (a, b) = (self.int(), self.int());
                let op = match self.rng.below(10) {
                    0 => Op::IntAdd(a, b),
                    1 => Op::IntSub(a, b),
                    2 => Op::IntMul(a, b),
                    3 => Op::IntAnd(a, b),
                    4 => Op::IntOr(a, b),
                    5 => Op::IntXor(a, b),
                    6 => Op::IntShl(a, b),
                    7 => Op::IntSar(a, b),
                    8 => Op::IntShr(a, b),
                    _ => Op::IntNeg(a),
                };
                self.push(op);
            }
            6 | 7 => {
                let (a, b) = (self.int(), self.int());
                let snap = self.snapshot();
                let k = krait_tracer::Kind(0);
                let op = match self.rng.below(3) {
                    0 => Op::IntAddOv { a, b, snap, kind: k },
                    1 => Op::IntSubOv { a, b, snap, kind: k },
                    _ => Op::IntMulOv { a, b, snap, kind: k },
                };
                self.push(op);
            }
            8 => {
                // A divisor with |d| >= 2: never zero, never -1.
                let (a, x) = (self.int(), self.int());
                let m = self.b.push(Op::ConstInt(0xff));
                let two = self.b.push(Op::ConstInt(2));
                let d = self.b.push(Op::IntAnd(x, m));
                let mut d = self.b.push(Op::IntOr(d, two));
                if self.rng.below(2) == 0 {
                    d = self.b.push(Op::IntNeg(d));
                }
                if self.rng.below(2) == 0 {
                    self.push(Op::IntFloorDiv(a, d));
                } else {
                    self.push(Op::IntMod(a, d));
                }
            }
            9 | 10 => {
                let (a, b) = (self.int(), self.int());
                let c = self.rng.pick(&conds);
                self.push(Op::IntCmp(c, a, b));
            }
            11..=13 => {
                let (a, b) = (self.float(), self.float());
                let op = match self.rng.below(8) {
                    0 => Op::FloatAdd(a, b),
                    1 => Op::FloatSub(a, b),
                    2 => Op::FloatMul(a, b),
                    3 => Op::FloatDiv(a, b),
                    4 => Op::FloatNeg(a),
                    5 => Op::FloatAbs(a),
                    6 => Op::FloatSqrt(a),
                    _ => Op::FloatAdd(b, a),
                };
                self.push(op);
            }
            14 => {
                let (a, b) = (self.float(), self.float());
                let c = self.rng.pick(&conds[..6]);
                self.push(Op::FloatCmp(c, a, b));
            }
            15 => {
                let op = match self.rng.below(5) {
                    0 => Op::IntToFloat(self.int()),
                    1 => Op::FloatBits(self.float()),
                    2 => Op::BitsToFloat(self.int()),
                    3 => Op::AsWord(self.int()),
                    _ => match self.of(&[Type::Word, Type::Bool]) {
                        Some(v) => Op::AsInt(v),
                        None => Op::IntToFloat(self.int()),
                    },
                };
                self.push(op);
            }
            16 | 17 => {
                let ty = self.rng.pick(&[Type::Int, Type::Float, Type::Word]);
                let base = self.base;
                if self.rng.below(2) == 0 {
                    let offset = 8 * self.rng.below(MEM_WORDS) as i32;
                    self.push(Op::Load { base, offset, ty, mem: Mem::ANY });
                } else {
                    let index = self.index();
                    self.push(Op::LoadIndexed { base, index, offset: 0, ty, mem: Mem::ANY });
                }
            }
            18 | 19 => {
                let value = if self.rng.below(3) == 0 { self.float() } else { self.int() };
                let base = self.base;
                if self.rng.below(2) == 0 {
                    let offset = 8 * self.rng.below(MEM_WORDS) as i32;
                    self.push(Op::Store { base, offset, value, mem: Mem::ANY });
                } else {
                    let index = self.index();
                    self.push(Op::StoreIndexed { base, index, offset: 0, value, mem: Mem::ANY });
                }
            }
            20..=23 => {
                let (func, arity) = self.rng.pick(helpers);
                let args: Vec<ValueId> =
                    (0..arity).map(|_| if self.rng.below(3) == 0 { self.float() } else { self.int() }).collect();
                let ret = self.rng.pick(&[Type::Int, Type::Word, Type::Float, Type::Void]);
                let pure = self.rng.below(2) == 0;
                self.push(Op::Call { func, args, ret, pure });
            }
            24 | 25 => {
                // Likely-true guards, so loops run several iterations.
                let a = self.int();
                let c = self.b.push(Op::ConstInt(self.rng.int() as i64 ^ 0x5a5a_0000_0000));
                let cmp = self.b.push(Op::IntCmp(Cond::Ne, a, c));
                let snap = self.snapshot();
                self.b.push(Op::Guard { cond: cmp, expect: true, snap, kind });
            }
            26 => {
                let cond = self.bool();
                let snap = self.snapshot();
                let expect = self.rng.below(2) == 0;
                self.b.push(Op::Guard { cond, expect, snap, kind });
            }
            _ => {
                let c = if self.rng.below(2) == 0 { self.rng.int() } else { self.rng.float() };
                let op = match self.rng.below(3) {
                    0 => Op::ConstInt(c as i64),
                    1 => Op::ConstFloat(c),
                    _ => Op::ConstWord(c),
                };
                self.push(op);
            }
        }
    }
}

/// A random loop: a counter (param 0), the memory base (param 1) and up to 10 more params.
pub fn case(seed: u64, max_ops: usize) -> Case {
    let mut rng = Rng::new(seed);
    let mut types = vec![Type::Int, Type::Word];
    let extra = rng.below(11);
    for _ in 0..extra {
        types.push(rng.pick(&[Type::Int, Type::Int, Type::Float, Type::Float, Type::Bool, Type::Word]));
    }
    let mut params = vec![0u64, 0];
    for t in &types[2..] {
        params.push(match t {
            Type::Float => rng.float(),
            Type::Bool => rng.below(2) as u64,
            _ => rng.int(),
        });
    }
    let memory: Vec<u64> = (0..MEM_WORDS).map(|_| if rng.below(2) == 0 { rng.int() } else { rng.float() }).collect();
    let kinds = vec!["ov".to_string(), "guard".to_string(), "loop".to_string()];
    let b = TraceBuilder::new(types.clone(), kinds);
    let mut g = Gen { rng, b, pool: vec![], base: ValueId(1) };
    for (i, t) in types.iter().enumerate() {
        if i != 1 {
            g.pool.push((ValueId(i as u32), *t));
        }
    }
    let helpers = helpers();
    let n = 1 + g.rng.below(max_ops);
    let loop_guard_at = g.rng.below(n);
    let mut counter = ValueId(0);
    for k in 0..n {
        if k == loop_guard_at {
            let one = g.push(Op::ConstInt(1));
            counter = g.push(Op::IntAdd(ValueId(0), one));
            let limit = 1 + g.rng.below(30) as i64;
            let limit = g.b.push(Op::ConstInt(limit));
            let cmp = g.b.push(Op::IntCmp(Cond::Lt, counter, limit));
            let snap = g.snapshot();
            g.b.push(Op::Guard { cond: cmp, expect: true, snap, kind: krait_tracer::Kind(2) });
        }
        g.random_op(&helpers);
    }
    let mut args = vec![counter, ValueId(1)];
    for t in &types[2..] {
        let same: Vec<ValueId> = g.pool.iter().filter(|(_, u)| u == t).map(|(v, _)| *v).collect();
        args.push(g.rng.pick(&same));
    }
    let trace = g.b.finish(args);
    Case { trace, params, base_param: Some(1), memory }
}

/// Runs `case` on the reference backend and on x86; panics with the trace on a difference.
pub fn differential(case: &Case, seed: u64) -> (u32, Vec<u64>) {
    let t = &case.trace;
    if let Err(e) = t.check().and_then(|_| t.check_types()) {
        panic!("seed {seed}: generator made a bad trace: {e}\n{t}");
    }
    if let Err(e) = regalloc::check_allocation(t, &regalloc::allocate(t)) {
        panic!("seed {seed}: {e}\n{t}");
    }
    let run = |backend: &mut dyn Backend| {
        let compiled =
            backend.compile(t).unwrap_or_else(|e| panic!("seed {seed}: {} failed: {e}\n{t}", backend.name()));
        let mut mem = case.memory.clone();
        let mut params = case.params.clone();
        if let Some(b) = case.base_param {
            params[b] = mem.as_mut_ptr() as u64;
        }
        let mut buf = vec![0xdead_beefu64; t.max_exit_len()];
        // SAFETY: the trace only touches `mem` (64 words at the base) and calls `helpers()`.
        let exit = unsafe { compiled.run(&params, &mut buf) };
        let snap = t.ops[exit as usize].snapshot().map(|s| t.snapshots[s.0 as usize].live().len()).unwrap_or(0);
        buf.truncate(snap);
        (exit, buf, mem, compiled.disassembly())
    };
    let want = run(&mut RefBackend::new());
    let got = run(&mut X86Backend::new());
    // Hardware and Rust may pick different NaNs (which operand's payload, which sign): any
    // NaN matches any NaN, in Float exit slots and in memory.
    let types = t.types();
    let live = t.ops.get(want.0 as usize).and_then(|o| o.snapshot()).map(|s| t.snapshots[s.0 as usize].live());
    let nan = |w: u64| f64::from_bits(w).is_nan();
    let buf_same = want.1.len() == got.1.len()
        && want.1.iter().zip(&got.1).enumerate().all(|(k, (&a, &b))| {
            let float = live.as_ref().and_then(|l| l.get(k)).is_some_and(|v| types[v.index()] == Type::Float);
            a == b || (float && nan(a) && nan(b))
        });
    let mem_same = want.2.iter().zip(&got.2).all(|(&a, &b)| a == b || (nan(a) && nan(b)));
    if want.0 != got.0 || !buf_same || !mem_same {
        panic!(
            "seed {seed}: x86 differs from ref\n ref: exit {} buf {:x?}\n x86: exit {} buf {:x?}\n memory equal: {}\n{t}\n{}",
            want.0,
            want.1,
            got.0,
            got.1,
            mem_same,
            got.3
        );
    }
    (got.0, got.1)
}

/// Compares x86 with the reference on `trace` and `params` (no memory); returns x86's exit.
pub fn check(trace: &Trace, params: &[u64]) -> (u32, Vec<u64>) {
    let case = Case { trace: trace.clone(), params: params.to_vec(), base_param: None, memory: vec![] };
    differential(&case, 0)
}
