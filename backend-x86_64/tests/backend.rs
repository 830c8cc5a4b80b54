//! Targeted tests of the x86 backend: parallel moves at the back edge, register pressure
//! and spilling, calls (clobbered registers, stack alignment, values visible to a
//! conservative stack scan), op semantics at their edges, guard patching, disassembly.
//! Every run is also checked against `RefBackend` (`common::check`).
#![cfg(target_arch = "x86_64")]

mod common;

use krait_backend_x86_64::regalloc::{allocate, Loc};
use krait_backend_x86_64::X86Backend;
use krait_tracer::{
    parse_trace, Backend, CompiledTrace, Cond, FrameState, Kind, Op, Snapshot, Trace, TraceBuilder, Type, ValueId,
};

fn snap_of(b: &mut TraceBuilder, vals: &[ValueId]) -> krait_tracer::SnapshotId {
    let slots = vals.iter().enumerate().map(|(k, v)| (k as u32, *v)).collect();
    b.snapshot(Snapshot::new(vec![FrameState { meta: 0, slots }]))
}

/// A loop over `types` params (param 0 is an Int counter) that runs `iters` times; `body`
/// gets the builder and the params and returns the jump args for params 1.. and the values
/// the exit reports.
fn counted_loop(
    types: Vec<Type>,
    iters: i64,
    body: impl FnOnce(&mut TraceBuilder, &[ValueId]) -> (Vec<ValueId>, Vec<ValueId>),
) -> Trace {
    let mut b = TraceBuilder::new(types.clone(), vec!["loop".into()]);
    let params: Vec<ValueId> = (0..types.len() as u32).map(ValueId).collect();
    let (args, report) = body(&mut b, &params);
    let one = b.push(Op::ConstInt(1));
    let next = b.push(Op::IntAdd(params[0], one));
    let limit = b.push(Op::ConstInt(iters));
    let cmp = b.push(Op::IntCmp(Cond::Lt, next, limit));
    let mut rep = vec![next];
    rep.extend(report);
    let s = snap_of(&mut b, &rep);
    b.push(Op::Guard { cond: cmp, expect: true, snap: s, kind: Kind(0) });
    let mut all = vec![next];
    all.extend(args);
    b.finish(all)
}

#[test]
fn jump_swaps_and_rotates() {
    let t = parse_trace(
        "v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : int
v3 = param 3 : float
v4 = param 4 : float
v5 = param 5 : int
v6 = const_int 1
v7 = int_add v0, v6
v8 = const_int 7
v9 = int_cmp lt v7, v8
guard_true v9 !s0 [exit]
jump v7, v5, v1, v4, v3, v2
s0 = snapshot [meta=0: 0=v7 1=v1 2=v2 3=v3 4=v4 5=v5]
",
    )
    .unwrap();
    let (exit, buf) = common::check(&t, &[0, 10, 20, 1.5f64.to_bits(), 2.5f64.to_bits(), 30]);
    assert_eq!(exit, 10);
    // Six trips through the back edge: the int rotation (period 3) and the float swap
    // (period 2) are back where they started.
    assert_eq!(buf, vec![7, 10, 20, 1.5f64.to_bits(), 2.5f64.to_bits(), 30]);
}

#[test]
fn int_pressure_spills() {
    let n = 30;
    let mut types = vec![Type::Int];
    types.extend(std::iter::repeat_n(Type::Int, n));
    let t = counted_loop(types, 9, |b, p| {
        let mut sum = p[1];
        for &v in &p[2..] {
            sum = b.push(Op::IntAdd(sum, v));
        }
        // Every param stays live to the jump: p[k] := p[k+1] + sum (rotated).
        let mut args = Vec::new();
        for k in 1..=n {
            let next = p[1 + k % n];
            args.push(b.push(Op::IntAdd(next, sum)));
        }
        (args, p[1..].to_vec())
    });
    let alloc = allocate(&t);
    assert!(alloc.locs.iter().any(|l| matches!(l, Loc::Slot(_))), "30 live ints must spill");
    let params: Vec<u64> = (0..=n as u64).map(|k| k * 3).collect();
    let (exit, buf) = common::check(&t, &params);
    assert_eq!(buf.len(), n + 1);
    assert_eq!(t.ops[exit as usize].name(), "guard_true");
}

#[test]
fn float_pressure_spills() {
    let n = 24;
    let mut types = vec![Type::Int];
    types.extend(std::iter::repeat_n(Type::Float, n));
    let t = counted_loop(types, 6, |b, p| {
        let mut sum = p[1];
        for &v in &p[2..] {
            sum = b.push(Op::FloatAdd(sum, v));
        }
        let half = b.push(Op::ConstFloat(0.5f64.to_bits()));
        let mut args = Vec::new();
        for k in 1..=n {
            let scaled = b.push(Op::FloatMul(p[1 + k % n], half));
            args.push(b.push(Op::FloatSub(scaled, sum)));
        }
        (args, p[1..].to_vec())
    });
    assert!(allocate(&t).locs.iter().any(|l| matches!(l, Loc::Slot(_))), "24 live floats must spill");
    let params: Vec<u64> = std::iter::once(0).chain((0..n).map(|k| (k as f64 * 1.25 - 3.0).to_bits())).collect();
    common::check(&t, &params);
}

#[test]
fn values_survive_clobbering_calls() {
    // 16 ints and 16 floats live across a call that overwrites every caller-saved register.
    let mut types = vec![Type::Int];
    types.extend(std::iter::repeat_n(Type::Int, 16));
    types.extend(std::iter::repeat_n(Type::Float, 16));
    let clobber = common::clobber as extern "C" fn(u64) -> u64 as usize as u64;
    let t = counted_loop(types, 5, |b, p| {
        let r = b.push(Op::Call { func: clobber, args: vec![p[3]], ret: Type::Int, pure: false });
        let mut args = Vec::new();
        for &v in &p[1..17] {
            args.push(b.push(Op::IntAdd(v, r)));
        }
        let rf = b.push(Op::IntToFloat(r));
        for &v in &p[17..] {
            args.push(b.push(Op::FloatAdd(v, rf)));
        }
        (args, p[1..].to_vec())
    });
    let params: Vec<u64> = (0..33u64).map(|k| if k > 16 { (k as f64).to_bits() } else { k }).collect();
    common::check(&t, &params);
}

#[test]
fn calls_are_16_byte_aligned_for_every_frame_size() {
    let probe = common::stack_misalignment as extern "C" fn() -> u64 as usize as u64;
    for live in 0..24 {
        let mut types = vec![Type::Int];
        types.extend(std::iter::repeat_n(Type::Int, live));
        let t = counted_loop(types, 3, |b, p| {
            let m = b.push(Op::Call { func: probe, args: vec![], ret: Type::Int, pure: false });
            let zero = b.push(Op::ConstInt(0));
            let ok = b.push(Op::IntCmp(Cond::Eq, m, zero));
            let s = snap_of(b, &[m]);
            b.push(Op::Guard { cond: ok, expect: true, snap: s, kind: Kind(0) });
            let args = p[1..].iter().map(|&v| b.push(Op::IntAdd(v, m))).collect();
            (args, p[1..].to_vec())
        });
        let params: Vec<u64> = (0..=live as u64).collect();
        let (exit, _) = common::check(&t, &params);
        assert_eq!(t.ops[exit as usize].name(), "guard_true");
        assert_ne!(exit as usize, t.ops.iter().position(|o| matches!(o, Op::Guard { .. })).unwrap_or(0));
    }
}

// --- the GC's view during a call ------------------------------------------------------------

const MAGIC: u64 = 0x5eed_0000_0000_0000;

/// Words `count_magic` scans: `scan_gc`'s six pushed registers, the return address into the
/// trace and the trace's frame (set by the test), and nothing of the frames above.
static SCAN_WORDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Counts the distinct `MAGIC + k` words in the callee-saved registers pushed by `scan_gc`
/// and in the trace's frame (its spill and save slots).
extern "C" fn count_magic(sp: *const u64) -> u64 {
    let mut seen = [false; 64];
    for k in 0..SCAN_WORDS.load(std::sync::atomic::Ordering::Relaxed) {
        // SAFETY: these words are scan_gc's pushes, the return address and the trace's frame,
        // all live on this thread's stack above `sp`.
        let w = unsafe { sp.add(k).read_volatile() };
        if w & !63 == MAGIC {
            seen[(w & 63) as usize] = true;
        }
    }
    seen.iter().filter(|&&s| s).count() as u64
}

/// A helper standing in for a GC: spills the callee-saved registers (as a conservative
/// collector does) and scans the stack from there.
// SAFETY: the body is a complete function in assembly: it saves and restores every
// callee-saved register it pushes, keeps rsp 16-byte aligned at the inner call, passes one
// pointer argument in rdi as count_magic expects, and returns its result in rax.
#[unsafe(naked)]
extern "C" fn scan_gc() -> u64 {
    std::arch::naked_asm!(
        "push rbx", "push rbp", "push r12", "push r13", "push r14", "push r15", "sub rsp, 8",
        "lea rdi, [rsp + 8]", "call {count}", "add rsp, 8",
        "pop r15", "pop r14", "pop r13", "pop r12", "pop rbp", "pop rbx", "ret",
        count = sym count_magic,
    )
}

#[test]
fn values_live_across_a_call_are_visible_to_a_stack_scan() {
    for live in [1usize, 4, 8, 12, 20] {
        let mut types = vec![Type::Int];
        types.extend(std::iter::repeat_n(Type::Word, live));
        let scan = scan_gc as extern "C" fn() -> u64 as usize as u64;
        let t = counted_loop(types, 2, |b, p| {
            let found = b.push(Op::Call { func: scan, args: vec![], ret: Type::Int, pure: false });
            // Everything stays live after the call (the jump reads it), so the scan must see
            // every word whether it sits in a callee-saved register or a save slot.
            let s = snap_of(b, &[found]);
            let want = b.push(Op::ConstInt(live as i64));
            let ok = b.push(Op::IntCmp(Cond::Eq, found, want));
            b.push(Op::Guard { cond: ok, expect: true, snap: s, kind: Kind(0) });
            (p[1..].to_vec(), vec![found])
        });
        let params: Vec<u64> = std::iter::once(0).chain((0..live as u64).map(|k| MAGIC + k)).collect();
        let mut buf = vec![0; t.max_exit_len()];
        let c = X86Backend::new().compile_x86(&t).unwrap();
        SCAN_WORDS.store(7 + c.frame_size() / 8, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: the trace calls only `scan_gc`.
        let exit = unsafe { c.run(&params, &mut buf) };
        assert_eq!(t.ops[exit as usize].name(), "guard_true");
        let loop_guard = t.ops.iter().rposition(|o| matches!(o, Op::Guard { .. })).unwrap();
        assert_eq!(exit as usize, loop_guard, "scan found {} of {live} values\n{}", buf[0], c.disassembly());
    }
}

// --- op semantics at the edges --------------------------------------------------------------

/// A trace computing `op(a, b)` from two params and leaving at once with the result
/// (through snapshot 1; snapshot 0 is there for overflow checks).
fn binop_trace(ty: Type, op: impl Fn(ValueId, ValueId) -> Op) -> Trace {
    let mut b = TraceBuilder::new(vec![Type::Int, ty, ty], vec!["k".into()]);
    // Snapshot 0 is for ops that can exit themselves (the overflow checks).
    snap_of(&mut b, &[ValueId(2), ValueId(1)]);
    let r = b.push(op(ValueId(1), ValueId(2)));
    let never = b.push(Op::IntCmp(Cond::Ne, ValueId(0), ValueId(0)));
    let s = snap_of(&mut b, &[r, ValueId(1), ValueId(2)]);
    b.push(Op::Guard { cond: never, expect: true, snap: s, kind: Kind(0) });
    b.finish(vec![ValueId(0), ValueId(1), ValueId(2)])
}

#[test]
fn floor_division_and_modulo_follow_python() {
    let vals: [i64; 10] = [7, -7, 3, -3, 1, 0, i64::MAX, i64::MIN + 1, 2, -2];
    for (op, expect) in [
        (true, [(7, 2, 3), (-7, 2, -4), (7, -2, -4), (-7, -2, 3), (i64::MIN, 2, i64::MIN / 2)]),
        (false, [(7, 2, 1), (-7, 2, 1), (7, -2, -1), (-7, -2, -1), (i64::MIN, 3, 1)]),
    ] {
        let t = binop_trace(Type::Int, |a, b| if op { Op::IntFloorDiv(a, b) } else { Op::IntMod(a, b) });
        for (a, b, want) in expect {
            let (_, buf) = common::check(&t, &[0, a as u64, b as u64]);
            assert_eq!(buf[0] as i64, want, "{a} {} {b}", if op { "//" } else { "%" });
        }
        for &a in &vals {
            for &b in &vals {
                if b != 0 && !(a == i64::MIN && b == -1) {
                    common::check(&t, &[0, a as u64, b as u64]);
                }
            }
        }
    }
}

#[test]
fn shifts_compares_and_overflow_edges() {
    let ints: [i64; 9] = [0, 1, -1, 63, 64, 65, i64::MAX, i64::MIN, -100];
    type MkOp = fn(ValueId, ValueId) -> Op;
    let ops: [MkOp; 8] = [
        Op::IntShl,
        Op::IntSar,
        Op::IntShr,
        |a, b| Op::IntCmp(Cond::Below, a, b),
        |a, b| Op::IntCmp(Cond::AboveEq, a, b),
        |a, b| Op::IntCmp(Cond::Le, a, b),
        |a, b| Op::IntAddOv { a, b, snap: krait_tracer::SnapshotId(0), kind: Kind(0) },
        |a, b| Op::IntMulOv { a, b, snap: krait_tracer::SnapshotId(0), kind: Kind(0) },
    ];
    for mk in ops {
        let t = binop_trace(Type::Int, mk);
        for &a in &ints {
            for &b in &ints {
                common::check(&t, &[0, a as u64, b as u64]);
            }
        }
    }
}

#[test]
fn float_compares_with_nan() {
    let fs = [0.0, -0.0, 1.0, -1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
    for c in [Cond::Eq, Cond::Ne, Cond::Lt, Cond::Le, Cond::Gt, Cond::Ge] {
        for fused in [false, true] {
            // Fused: the compare feeds the guard directly. Not fused: its Bool is reported.
            let mut b = TraceBuilder::new(vec![Type::Int, Type::Float, Type::Float], vec!["k".into()]);
            let r = b.push(Op::FloatCmp(c, ValueId(1), ValueId(2)));
            let report = if fused { vec![ValueId(1)] } else { vec![r] };
            let s = snap_of(&mut b, &report);
            b.push(Op::Guard { cond: r, expect: true, snap: s, kind: Kind(0) });
            let s2 = snap_of(&mut b, &[ValueId(2)]);
            let never = b.push(Op::IntCmp(Cond::Ne, ValueId(0), ValueId(0)));
            b.push(Op::Guard { cond: never, expect: true, snap: s2, kind: Kind(0) });
            let t = b.finish(vec![ValueId(0), ValueId(1), ValueId(2)]);
            assert_eq!(allocate(&t).fused[r.index()], fused);
            for &x in &fs {
                for &y in &fs {
                    let (exit, _) = common::check(&t, &[0, x.to_bits(), y.to_bits()]);
                    let holds = krait_tracer::semantics::float_cmp(c, x, y);
                    assert_eq!(exit as usize == 4, !holds, "{x} {c:?} {y}");
                }
            }
        }
    }
}

#[test]
fn unary_float_ops_and_conversions() {
    let fs = [0.0, -0.0, 2.0, -2.25, f64::NAN, -f64::NAN, f64::INFINITY, 1e-310];
    type MkOp = fn(ValueId) -> Op;
    let ops: [MkOp; 4] = [Op::FloatNeg, Op::FloatAbs, Op::FloatSqrt, Op::FloatBits];
    for mk in ops {
        let t = binop_trace(Type::Float, |a, _| mk(a));
        for &x in &fs {
            common::check(&t, &[0, x.to_bits(), 0]);
        }
    }
    let t = binop_trace(Type::Int, |a, _| Op::IntToFloat(a));
    for x in [0i64, -1, i64::MAX, i64::MIN, (1 << 53) + 1] {
        common::check(&t, &[0, x as u64, 0]);
    }
}

#[test]
fn overflow_exit_keeps_the_operands() {
    let t = parse_trace(
        "v0 = param 0 : int
v1 = param 1 : int
v2 = int_add_ov v0, v1 !s0 [ov]
v3 = int_mul_ov v2, v1 !s1 [ov]
jump v3, v1
s0 = snapshot [meta=0: 0=v0 1=v1]
s1 = snapshot [meta=0: 0=v2 1=v0]
",
    )
    .unwrap();
    let (exit, buf) = common::check(&t, &[5, 3]);
    // (5+3)*3 = 24, (24+3)*3 = 81, ... until a product or sum overflows.
    assert!(exit == 2 || exit == 3);
    assert!(buf.iter().all(|&w| (w as i64) > 0));
    let (exit, buf) = common::check(&t, &[i64::MAX as u64 - 3, 2]);
    assert_eq!((exit, buf), (3, vec![i64::MAX as u64 - 1, i64::MAX as u64 - 3]));
    let (exit, buf) = common::check(&t, &[i64::MAX as u64, 1]);
    assert_eq!((exit, buf), (2, vec![i64::MAX as u64, 1]));
}

// --- patching and disassembly ---------------------------------------------------------------

#[test]
fn a_guard_can_be_retargeted() {
    let t = parse_trace(
        "v0 = param 0 : int
v1 = const_int 0
v2 = int_cmp eq v0, v1
guard_false v2 !s0 [a]
v4 = int_cmp ne v0, v0
guard_true v4 !s1 [b]
jump v0
s0 = snapshot [meta=0: 0=v0]
s1 = snapshot [meta=1: 0=v0 1=v1]
",
    )
    .unwrap();
    let mut c = X86Backend::new().compile_x86(&t).unwrap();
    let mut buf = [9u64; 2];
    // SAFETY: the trace touches no memory and calls nothing.
    assert_eq!(unsafe { c.run(&[0], &mut buf) }, 3);
    // Send guard 3 to guard 5's stub: the state there is the same frame and registers.
    let target = c.stub_address(5).unwrap();
    c.retarget_guard(3, target).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { c.run(&[0], &mut buf) }, 5);
    assert_eq!(buf, [0, 0]);
    assert_eq!(c.exits(), vec![3, 5]);
    let at5 = c.exit_locations(5).unwrap();
    assert_eq!(at5.len(), 2);
    assert!(matches!(at5[0], Loc::Gpr(_)) && at5[1] == Loc::Const(0));
}

#[test]
fn disassembly_names_ops_and_instructions() {
    let t = parse_trace(
        "v0 = param 0 : int
v1 = param 1 : float
v2 = const_int 3
v3 = int_floordiv v0, v2
v4 = float_sqrt v1
v5 = int_add_ov v0, v3 !s0 [ov]
v6 = float_cmp lt v4, v1
guard_true v6 !s0 [exit]
jump v5, v4
s0 = snapshot [meta=0: 0=v0 1=v1]
",
    )
    .unwrap();
    let c = X86Backend::new().compile(&t).unwrap();
    let d = c.disassembly();
    for needle in ["loop header", "v3 = int_floordiv v0, v2", "mul", "sqrtsd", "jo", "ucomisd", "exit stub of guard 7"]
    {
        assert!(d.contains(needle), "{needle} missing from\n{d}");
    }
    assert!(c.code_size() > 0);
}

/// Native linking: a loop whose exit jumps into a second trace (a "bridge") that adds to
/// the count and leaves; parameters come from the exit buffer and from memory through a
/// tag check, and the second trace's tag tells which trace left.
#[test]
fn linked_exit_runs_the_target() {
    linked_exit_runs_the_target_by(false);
    linked_exit_runs_the_target_by(true);
}

/// Links exit `exit` of `pc` to `tc`: through the exit buffer and `tc`'s link entry, or
/// directly (registers to registers, `link_exit_to`).
///
/// # Safety
/// As for `CompiledTrace::link_exit`.
unsafe fn link(
    pc: &dyn CompiledTrace,
    exit: u32,
    args: &[krait_tracer::LinkArg],
    stores: &[krait_tracer::LinkStore],
    tc: &dyn CompiledTrace,
    direct: bool,
) {
    // SAFETY: the caller's.
    unsafe {
        if direct {
            pc.link_exit_to(exit, args, stores, tc).unwrap()
        } else {
            pc.link_exit(exit, args, stores, tc.link_entry().unwrap()).unwrap()
        }
    }
}

fn linked_exit_runs_the_target_by(direct: bool) {
    use krait_tracer::{LinkArg, LINK_BUF, LINK_TAG};
    // P: counts v0 up to 100, leaving with [v0, v1(address)] when done.
    let p = parse_trace(
        "v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add v0, v2
v4 = const_int 100
v5 = int_cmp lt v3, v4
guard_true v5 !s0 [exit]
jump v3, v1
s0 = snapshot [meta=0: 0=v3 1=v1]
",
    )
    .unwrap();
    // T: params (count, tagged word from memory); leaves with count * 2 + word.
    let t = parse_trace(
        "v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 2
v3 = int_mul v0, v2
v4 = int_add v3, v1
exit !s0 [exit]
jump v0, v1
s0 = snapshot [meta=0: 0=v4]
",
    )
    .unwrap();
    let mut be = X86Backend::new();
    let pc = be.compile_tagged(&p, 7).unwrap();
    let tc = be.compile_tagged(&t, 9).unwrap();
    // A word tagged 0x1234 in its top 16 bits holding -5 in the low 48.
    let mem: [u64; 2] = [0, (0x1234u64 << 48) | ((-5i64 as u64) & ((1 << 48) - 1))];
    let params = [0u64, mem.as_ptr() as u64];
    let mut buf = vec![0u64; LINK_BUF];
    // Unlinked: P leaves by its guard (op 6) with its tag.
    // SAFETY: the traces only touch `mem`, which outlives the runs.
    let e = unsafe { pc.run(&params, &mut buf) };
    assert_eq!((e, buf[0], buf[LINK_TAG]), (6, 100, 7));
    let args = [LinkArg::Buf(0), LinkArg::MemTagged { base: 1, offset: 8, shift: 48, tag: 0x1234 }];
    // SAFETY: `tc` outlives `pc`'s runs below.
    unsafe { link(&*pc, 6, &args, &[], &*tc, direct) };
    // SAFETY: as above; `tc` is alive.
    let e = unsafe { pc.run(&params, &mut buf) };
    assert_eq!((e, buf[0] as i64, buf[LINK_TAG]), (5, 195, 9));
    // A failing tag check leaves through P's exit as before.
    let bad: [u64; 2] = [0, 1];
    let params = [0u64, bad.as_ptr() as u64];
    // SAFETY: as above; `bad` outlives the run.
    let e = unsafe { pc.run(&params, &mut buf) };
    assert_eq!((e, buf[0], buf[LINK_TAG]), (6, 100, 7));
}

/// Native linking with stores: the exit's values the target does not take are boxed and
/// stored to memory by the thunk (an int in 48 bits, a float, a bool), and a value that
/// cannot be boxed (an int beyond 48 bits) leaves through the original exit.
#[test]
fn linked_exit_stores_values_the_target_does_not_take() {
    linked_exit_stores_by(false);
    linked_exit_stores_by(true);
}

fn linked_exit_stores_by(direct: bool) {
    use krait_tracer::{LinkArg, LinkBox, LinkStore, LINK_BUF, LINK_TAG};
    // P: leaves at once with [v0 (int), v1 (address), v3 (float), v5 (bool)].
    let p = parse_trace(
        "v0 = param 0 : int
v1 = param 1 : int
v2 = const_float 2.5
v3 = float_add v2, v2
v4 = const_int 0
v5 = int_cmp eq v0, v4
exit !s0 [exit]
jump v0, v1
s0 = snapshot [meta=0: 0=v0 1=v1 2=v3 3=v5]
",
    )
    .unwrap();
    // T: leaves with its parameter (the address) as it is.
    let t = parse_trace(
        "v0 = param 0 : int
exit !s0 [exit]
jump v0
s0 = snapshot [meta=0: 0=v0]
",
    )
    .unwrap();
    let mut be = X86Backend::new();
    let pc = be.compile_tagged(&p, 3).unwrap();
    let tc = be.compile_tagged(&t, 4).unwrap();
    let tag_word = 0xFFF9u64 << 48;
    let stores = [
        LinkStore { src: 0, base: 1, offset: 0, boxing: LinkBox::Int { bits: 48, tag_word } },
        LinkStore { src: 2, base: 1, offset: 8, boxing: LinkBox::Float },
        LinkStore { src: 3, base: 1, offset: 16, boxing: LinkBox::Bool { false_word: 0x40 } },
    ];
    // SAFETY: `tc` outlives `pc`'s runs below.
    unsafe { link(&*pc, 6, &[LinkArg::Buf(1)], &stores, &*tc, direct) };
    let mut mem = [0u64; 3];
    let mut buf = vec![0u64; LINK_BUF];
    let params = [(-7i64) as u64, mem.as_mut_ptr() as u64];
    // SAFETY: the traces only touch `mem`, which outlives the runs.
    let e = unsafe { pc.run(&params, &mut buf) };
    assert_eq!((e, buf[LINK_TAG]), (1, 4));
    assert_eq!(mem, [tag_word | ((-7i64 as u64) & ((1 << 48) - 1)), 5.0f64.to_bits(), 0x40]);
    let mut mem = [0u64; 3];
    let params = [1u64 << 50, mem.as_mut_ptr() as u64];
    // SAFETY: as above.
    let e = unsafe { pc.run(&params, &mut buf) };
    assert_eq!((e, buf[LINK_TAG], buf[0]), (6, 3, 1 << 50));
    assert_eq!(mem[0], 0);
}

/// A trace over `ints` int and `floats` float params that leaves at once through an exit
/// whose snapshot holds, in slot order, the params permuted by `perm` followed by
/// `extra` computed ints (`p_i + i + 1`, which keep registers busy and spill).
fn shuffling_exit(ints: usize, floats: usize, perm: &[usize], extra: usize) -> Trace {
    let mut types = vec![Type::Int; ints];
    types.extend(vec![Type::Float; floats]);
    let mut b = TraceBuilder::new(types.clone(), vec!["exit".into()]);
    let params: Vec<ValueId> = (0..types.len() as u32).map(ValueId).collect();
    let mut live: Vec<ValueId> = perm.iter().map(|&k| params[k]).collect();
    for i in 0..extra {
        let c = b.push(Op::ConstInt(i as i64 + 1));
        live.push(b.push(Op::IntAdd(params[i % ints], c)));
    }
    let s = snap_of(&mut b, &live);
    b.push(Op::Exit { snap: s, kind: Kind(0) });
    b.finish(params)
}

/// A trace over `ints` int and `floats` float params that leaves at once with
/// `sum((j + 1) * int_j)` and the sum of its floats, after computing `extra` more ints
/// that stay live to the exit (so its frame differs from the source's).
fn weighing_target(ints: usize, floats: usize, extra: usize) -> Trace {
    let mut types = vec![Type::Int; ints];
    types.extend(vec![Type::Float; floats]);
    let mut b = TraceBuilder::new(types.clone(), vec!["exit".into()]);
    let params: Vec<ValueId> = (0..types.len() as u32).map(ValueId).collect();
    let mut keep = Vec::new();
    for i in 0..extra {
        let c = b.push(Op::ConstInt(1000 + i as i64));
        keep.push(b.push(Op::IntMul(params[i % ints], c)));
    }
    let mut sum = b.push(Op::ConstInt(0));
    for (j, &p) in params[..ints].iter().enumerate() {
        let w = b.push(Op::ConstInt(j as i64 + 1));
        let m = b.push(Op::IntMul(p, w));
        sum = b.push(Op::IntAdd(sum, m));
    }
    let mut fsum = b.push(Op::ConstFloat(0.0f64.to_bits()));
    for &p in &params[ints..] {
        fsum = b.push(Op::FloatAdd(fsum, p));
    }
    let mut live = vec![sum, fsum];
    live.extend(keep);
    let s = snap_of(&mut b, &live);
    b.push(Op::Exit { snap: s, kind: Kind(0) });
    b.finish(params)
}

/// Direct links move an exit's values into the target's registers and frame slots with
/// one parallel move: many values (spilled on both sides), floats, permutations (cycles
/// between registers and slots), and source frames larger and smaller than the target's.
/// Every result is checked against the same link made through the exit buffer.
#[test]
fn direct_links_shuffle_many_values() {
    use krait_tracer::{LinkArg, LINK_BUF, LINK_TAG};
    let (ints, floats) = (20usize, 4usize);
    let n = ints + floats;
    // Int params reversed, floats rotated: every register and slot is read by another.
    let mut perm: Vec<usize> = (0..ints).rev().collect();
    perm.extend((0..floats).map(|f| ints + (f + 1) % floats));
    let params: Vec<u64> =
        (0..ints as u64).map(|i| i * 7 + 3).chain((0..floats).map(|f| (0.5 + f as f64 * 1.25).to_bits())).collect();
    // The target's param j takes the source's value params[j]: find where perm put it.
    let args: Vec<LinkArg> = (0..n).map(|j| LinkArg::Buf(perm.iter().position(|&k| k == j).unwrap())).collect();
    let want_sum: i64 = (0..ints).map(|j| (j as i64 + 1) * params[j] as i64).sum();
    let want_fsum: f64 = params[ints..].iter().fold(0.0, |a, &b| a + f64::from_bits(b));
    for (src_extra, dst_extra) in [(0, 0), (12, 0), (0, 12), (3, 30), (30, 3)] {
        let p = shuffling_exit(ints, floats, &perm, src_extra);
        let t = weighing_target(ints, floats, dst_extra);
        let mut results = Vec::new();
        for direct in [false, true] {
            let mut be = X86Backend::new();
            let pc = be.compile_tagged(&p, 1).unwrap();
            let tc = be.compile_tagged(&t, 2).unwrap();
            let exit = p.ops.iter().position(|o| matches!(o, Op::Exit { .. })).unwrap() as u32;
            // SAFETY: `tc` outlives `pc`'s run; the traces touch no memory.
            unsafe { link(&*pc, exit, &args, &[], &*tc, direct) };
            let mut buf = vec![0u64; LINK_BUF];
            // SAFETY: as above.
            let e = unsafe { pc.run(&params, &mut buf) };
            assert_eq!(buf[LINK_TAG], 2, "direct={direct} extra={src_extra}/{dst_extra}: the target did not run");
            assert_eq!(buf[0] as i64, want_sum, "direct={direct} extra={src_extra}/{dst_extra}");
            assert_eq!(f64::from_bits(buf[1]), want_fsum, "direct={direct} extra={src_extra}/{dst_extra}");
            for i in 0..dst_extra {
                assert_eq!(buf[2 + i] as i64, params[i % ints] as i64 * (1000 + i as i64));
            }
            results.push((e, buf[..2 + dst_extra].to_vec()));
        }
        assert_eq!(results[0], results[1], "extra={src_extra}/{dst_extra}");
    }
}
