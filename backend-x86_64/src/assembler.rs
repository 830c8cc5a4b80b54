//! Lowering: one pass over the allocated trace that emits the prologue, the loop body, the
//! loop-closing parallel move, the exit stubs and the shared epilogue (the layout and the
//! protocols are described in the crate docs, `lib.rs`).
//!
//! Scratch registers: rax, rcx, rdx and r11 (and xmm14, xmm15) hold values only within
//! the lowering of one op. Conventions inside an op: rax is the default result and first
//! operand scratch, rcx the second operand (and shift count), rdx the index of indexed
//! stores (and the remainder of `idiv` and the high half of `mul`), r11 the temporary of
//! parallel moves, of float constants and of division's sign fix-ups.

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use krait_tracer::{Cond, Op, Trace, Type, ValueId};

use crate::moves::sequentialize;
use crate::regalloc::{
    allocate, check_allocation, float_cond_ok, Allocation, Loc, CALLEE_SAVED, R11, R8, R9, RAX, RCX, RDI, RDX, RSI,
    XMM_SCRATCH0, XMM_SCRATCH1,
};

type Asm = VecAssembler<X64Relocation>;

macro_rules! x64 {
    ($ops:expr ; $($t:tt)*) => { dynasm!($ops ; .arch x64 ; $($t)*) };
}

/// Spill slots a frame may have (512 KiB of stack): beyond that a trace is refused rather
/// than risk overflowing the native stack.
const MAX_SLOTS: u32 = 1 << 16;

/// Integer argument registers of the System V ABI, in order.
const ARG_REGS: [u8; 6] = [RDI, RSI, RDX, RCX, R8, R9];

/// Where a guard jumps when it fails: the exit stub, and the jumps that lead to it.
#[derive(Clone, Debug)]
pub struct GuardSite {
    /// The guard's op index (its exit number).
    pub exit: u32,
    /// Offset of the exit stub.
    pub stub: usize,
    /// Offsets just past each `jcc rel32`/`jmp rel32` that goes to the stub; the rel32 is
    /// the 4 bytes before. Patching these retargets the guard (to a bridge, later).
    pub jumps: Vec<usize>,
    /// Where each value of the guard's `Snapshot::live()` is when the guard fails: the
    /// state a bridge attached to this guard starts from.
    pub live: Vec<Loc>,
    /// Offset of the stub's tail (`mov eax, exit; jmp epilogue`, padded to `TAIL_LEN`
    /// bytes in tagged code), which linking overwrites with a jump to a thunk.
    pub tail: usize,
    /// Whether the stub makes stores (`Snapshot::stores`) that a jump around it would skip.
    pub stores: bool,
    /// In tagged code, offset of the stub's direct-link site: `DIRECT_LEN` bytes right
    /// after its stores (a short jump over padding) that direct linking overwrites with a
    /// jump to a thunk entered with the trace's registers and frame as the guard left them.
    pub direct: Option<usize>,
}

/// Bytes of a stub's direct-link site (`mov rax, imm64; jmp rax`).
pub const DIRECT_LEN: usize = 12;

/// Bytes of a tagged stub's patchable tail (`mov rax, imm64; jmp rax` needs 12).
pub const TAIL_LEN: usize = 16;

/// Machine code of one trace, position independent, plus what patching and disassembly need.
pub struct Assembled {
    pub code: Vec<u8>,
    pub guards: Vec<GuardSite>,
    /// Offsets annotated in disassembly listings (op boundaries, stubs).
    pub marks: Vec<(usize, String)>,
    pub frame_size: i32,
    /// Offset of the code right after the callee-saved pushes: where linked exits of
    /// other traces enter (rdi = parameters, rsi = exit buffer, registers already saved).
    pub link_entry: usize,
    /// Offset of the shared epilogue (eax = exit number).
    pub epilogue: usize,
    /// Offset right after the prologue loads the parameters: where a direct link enters
    /// with the parameters already in `params`, `[rsp]` = exit buffer, rsp = the frame.
    pub direct_entry: usize,
    /// Where the prologue puts each parameter (`Loc::None` for parameters never read).
    pub params: Vec<Loc>,
}

/// x86 condition codes used by the lowering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cc {
    O,
    E,
    Ne,
    L,
    Le,
    G,
    Ge,
    B,
    Ae,
    A,
    Be,
}

impl Cc {
    fn not(self) -> Cc {
        match self {
            Cc::O => Cc::O, // not used negated
            Cc::E => Cc::Ne,
            Cc::Ne => Cc::E,
            Cc::L => Cc::Ge,
            Cc::Ge => Cc::L,
            Cc::Le => Cc::G,
            Cc::G => Cc::Le,
            Cc::B => Cc::Ae,
            Cc::Ae => Cc::B,
            Cc::A => Cc::Be,
            Cc::Be => Cc::A,
        }
    }
}

/// A condition on the flags. Float equality needs the parity flag too: `ucomisd` reports
/// an unordered result (a NaN operand) as ZF = PF = CF = 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flags {
    Cc(Cc),
    /// ZF = 1 and PF = 0: ordered and equal.
    FloatEq,
    /// ZF = 0 or PF = 1: unequal or unordered.
    FloatNe,
}

impl Flags {
    fn not(self) -> Flags {
        match self {
            Flags::Cc(c) => Flags::Cc(c.not()),
            Flags::FloatEq => Flags::FloatNe,
            Flags::FloatNe => Flags::FloatEq,
        }
    }
}

/// An integer source operand.
#[derive(Clone, Copy)]
enum Src {
    Imm(i32),
    Reg(u8),
    /// `[rsp + offset]`
    Mem(i32),
}

#[derive(Clone, Copy)]
enum Alu {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
}

#[derive(Clone, Copy)]
enum Shift {
    Shl,
    Sar,
    Shr,
}

fn fits_i32(c: u64) -> bool {
    c as i64 >= i32::MIN as i64 && c as i64 <= i32::MAX as i64
}

/// Constants for an unsigned division by a constant `d` (3 <= d < 2^63, not a power of
/// two) of any numerator `u` in 0..=2^63, as a multiplication: `u / d` is the high half of
/// the 128-bit product `u * mul`, shifted right by `shift`.
///
/// Derivation: let `l = ceil(log2 d)`, so `2^(l-1) < d < 2^l`, and `mul = ceil(2^(63+l) / d)`,
/// so `mul * d = 2^(63+l) + r` with `0 <= r < d`. Then `u * mul / 2^(63+l) = u/d + u*r /
/// (d * 2^(63+l))`, and for `u <= 2^63` the second term is below `r / (d * 2^l) < 1/d`.
/// Writing `u/d = q + t/d` with `0 <= t <= d-1`, the sum lies in `[q, q + 1)`, so its floor,
/// `(u * mul) >> (63 + l)`, is `q`. `mul < 2^64` because `2^(63+l) / d < 2^64` and the gap
/// to 2^64 exceeds 1 (`d >= 2^(l-1) + 1`), and `shift = l - 1` (64 bits come from taking
/// the high half).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct UdivMagic {
    mul: u64,
    shift: u32,
}

impl UdivMagic {
    fn new(d: u64) -> UdivMagic {
        debug_assert!((3..1 << 63).contains(&d) && !d.is_power_of_two());
        let l = 64 - (d - 1).leading_zeros();
        let mul = (1u128 << (63 + l)).div_ceil(d as u128);
        UdivMagic { mul: mul as u64, shift: l - 1 }
    }

    /// The quotient the machine code computes (for tests).
    #[cfg(test)]
    fn div(self, u: u64) -> u64 {
        ((u as u128 * self.mul as u128) >> 64) as u64 >> self.shift
    }
}

/// Offset from rsp of spill slot `s`; `[rsp]` holds the exit buffer pointer.
fn slot_offset(s: u32) -> i32 {
    8 + 8 * s as i32
}

struct Exit {
    op: usize,
    label: DynamicLabel,
    jumps: Vec<usize>,
    tail: usize,
    direct: Option<usize>,
}

struct Codegen<'t> {
    trace: &'t Trace,
    alloc: Allocation,
    ops: Asm,
    frame: i32,
    header: DynamicLabel,
    epilogue: DynamicLabel,
    exits: Vec<Exit>,
    marks: Vec<(usize, String)>,
    /// Flags set by a compare fused into the guard that follows it.
    pending: Option<Flags>,
    /// The tag exit stubs write to the exit buffer (tagged, linkable code).
    tag: Option<u32>,
    link_entry: usize,
    direct_entry: usize,
    /// Whether each value is a never-negative integer (`krait_tracer::opt::ranges`).
    nonneg: Vec<bool>,
}

/// Allocates registers for `trace` (which passed `Trace::check`) and emits its code.
pub fn assemble(trace: &Trace, tag: Option<u32>) -> Result<Assembled, String> {
    for (i, op) in trace.ops.iter().enumerate() {
        if let Op::FloatCmp(c, ..) = op {
            if !float_cond_ok(*c) {
                return Err(format!("op {i}: float comparison with unsigned condition {c:?}"));
            }
        }
    }
    let alloc = allocate(trace);
    if cfg!(debug_assertions) {
        check_allocation(trace, &alloc).map_err(|e| format!("register allocation is broken: {e}"))?;
    }
    if alloc.num_slots > MAX_SLOTS {
        return Err(format!("trace needs {} spill slots, more than the {MAX_SLOTS} a frame may hold", alloc.num_slots));
    }
    // After the return address and six pushes rsp is 8 mod 16: an odd number of 8-byte
    // words keeps calls 16-byte aligned.
    let words = 1 + alloc.num_slots as i32;
    let frame = 8 * (words | 1);
    let mut ops = Asm::new(0);
    let header = ops.new_dynamic_label();
    let epilogue = ops.new_dynamic_label();
    let mut g = Codegen {
        trace,
        alloc,
        ops,
        frame,
        header,
        epilogue,
        exits: Vec::new(),
        marks: Vec::new(),
        pending: None,
        tag,
        link_entry: 0,
        direct_entry: 0,
        nonneg: krait_tracer::opt::ranges::analyze(trace).iter().map(|r| r.nonneg()).collect(),
    };
    g.prologue();
    for i in trace.params.len()..trace.ops.len() {
        g.op(i)?;
    }
    g.exit_stubs()?;
    g.epilogue();
    let Codegen { ops, exits, marks, alloc, link_entry, direct_entry, .. } = g;
    let epilogue = ops.labels().resolve_dynamic(epilogue).map_err(|e| format!("{e}"))?.0;
    let mut guards = Vec::new();
    for e in &exits {
        let stub = ops.labels().resolve_dynamic(e.label).map_err(|e| format!("{e}"))?.0;
        let snap = trace.ops[e.op].snapshot().and_then(|s| trace.snapshots.get(s.0 as usize));
        let live = snap.map(|s| s.live().iter().map(|v| alloc.locs[v.index()]).collect()).unwrap_or_default();
        let stores = snap.is_some_and(|s| !s.stores.is_empty());
        guards.push(GuardSite {
            exit: e.op as u32,
            stub,
            jumps: e.jumps.clone(),
            live,
            tail: e.tail,
            stores,
            direct: e.direct,
        });
    }
    let params = alloc.locs[..trace.params.len()].to_vec();
    let code = ops.finalize().map_err(|e| format!("assembling trace: {e}"))?;
    Ok(Assembled { code, guards, marks, frame_size: frame, link_entry, epilogue, direct_entry, params })
}

macro_rules! alu_src {
    ($ops:expr, $m:ident, $d:expr, $src:expr) => {
        match $src {
            Src::Imm(k) => x64!($ops ; $m Rq($d), k),
            Src::Reg(r) => x64!($ops ; $m Rq($d), Rq(r)),
            Src::Mem(off) => x64!($ops ; $m Rq($d), QWORD [rsp + off]),
        }
    };
}

macro_rules! float_src {
    ($ops:expr, $m:ident, $d:expr, $s:expr) => {
        x64!($ops ; $m Rx($d), Rx($s))
    };
}

impl Codegen<'_> {
    fn loc(&self, v: ValueId) -> Loc {
        self.alloc.locs[v.index()]
    }

    fn mark(&mut self, text: String) {
        self.marks.push((self.ops.offset().0, text));
    }

    // --- entry and exit -----------------------------------------------------------------

    fn prologue(&mut self) {
        self.mark("prologue".into());
        for &r in CALLEE_SAVED.iter() {
            x64!(self.ops ; push Rq(r));
        }
        self.link_entry = self.ops.offset().0;
        let frame = self.frame;
        x64!(self.ops
            ; sub rsp, frame
            ; mov [rsp], rsi
            ; mov rax, rdi
        );
        for p in 0..self.trace.params.len() {
            let off = 8 * p as i32;
            match self.alloc.locs[p] {
                Loc::Gpr(r) => x64!(self.ops ; mov Rq(r), QWORD [rax + off]),
                Loc::Xmm(x) => x64!(self.ops ; movsd Rx(x), QWORD [rax + off]),
                Loc::Slot(s) => {
                    let so = slot_offset(s);
                    x64!(self.ops ; mov r11, QWORD [rax + off] ; mov QWORD [rsp + so], r11);
                }
                Loc::None | Loc::Const(_) => {}
            }
        }
        self.direct_entry = self.ops.offset().0;
        for (v, op) in self.trace.ops.iter().enumerate() {
            if let (Loc::Gpr(_) | Loc::Xmm(_), Op::ConstInt(_) | Op::ConstFloat(_) | Op::ConstWord(_)) =
                (self.alloc.locs[v], op)
            {
                let c = match op {
                    Op::ConstInt(c) => *c as u64,
                    Op::ConstFloat(c) | Op::ConstWord(c) => *c,
                    _ => 0,
                };
                self.emit_move(self.alloc.locs[v], Loc::Const(c));
            }
        }
        if !self.trace.ops.iter().any(|op| matches!(op, Op::Loop)) {
            self.loop_header();
        }
    }

    /// The label the `jump` goes back to: after the prologue, or at `Loop` (after the
    /// preamble).
    fn loop_header(&mut self) {
        x64!(self.ops ; .align 16);
        self.mark("loop header".into());
        let header = self.header;
        x64!(self.ops ; =>header);
    }

    fn epilogue(&mut self) {
        self.mark("epilogue (eax = exit number)".into());
        let (frame, epilogue) = (self.frame, self.epilogue);
        x64!(self.ops ; =>epilogue ; add rsp, frame);
        for &r in CALLEE_SAVED.iter().rev() {
            x64!(self.ops ; pop Rq(r));
        }
        x64!(self.ops ; ret);
    }

    fn exit_stubs(&mut self) -> Result<(), String> {
        let exits: Vec<(usize, DynamicLabel)> = self.exits.iter().map(|e| (e.op, e.label)).collect();
        for (op, label) in exits {
            let Some(snap) = self.trace.ops[op].snapshot() else { continue };
            let snap = self.trace.snapshots.get(snap.0 as usize).ok_or(format!("op {op}: missing snapshot"))?;
            self.mark(format!("exit stub of guard {op}"));
            x64!(self.ops ; =>label);
            // The stores sunk out of the loop come first: the exit buffer's words and
            // whatever the exit leads to (the interpreter, a linked trace) see memory as
            // the loop left it. rcx and rax are free here (scratch registers hold no value
            // across ops).
            for st in snap.stores.clone() {
                self.load_gpr(RCX, st.base);
                self.store_word(RCX, st.offset, st.value)
                    .map_err(|v| format!("op {op}: stored value {v} has no location"))?;
            }
            let mut direct = None;
            if self.tag.is_some() {
                // The direct-link site: skipped until linking patches it.
                direct = Some(self.ops.offset().0);
                x64!(self.ops ; jmp BYTE >after);
                while self.ops.offset().0 < direct.unwrap_or(0) + DIRECT_LEN {
                    x64!(self.ops ; nop);
                }
                x64!(self.ops ; after:);
            }
            x64!(self.ops ; mov r11, [rsp]);
            for (k, v) in snap.live().into_iter().enumerate() {
                self.store_word(R11, 8 * k as i32, v)
                    .map_err(|v| format!("op {op}: snapshot value {v} has no location"))?;
            }
            let (exit, epilogue) = (op as i32, self.epilogue);
            if let Some(tag) = self.tag {
                let off = 8 * krait_tracer::LINK_TAG as i32;
                x64!(self.ops ; mov QWORD [r11 + off], tag as i32);
            }
            let tail = self.ops.offset().0;
            x64!(self.ops ; mov eax, exit ; jmp =>epilogue);
            if self.tag.is_some() {
                while self.ops.offset().0 < tail + TAIL_LEN {
                    x64!(self.ops ; nop);
                }
            }
            if let Some(e) = self.exits.iter_mut().find(|e| e.op == op) {
                e.tail = tail;
                e.direct = direct;
            }
        }
        Ok(())
    }

    /// Stores value `v` (floats as their bits) to the word at `[base + off]` (`base` not
    /// rax, which it may use); the error names a value without a location.
    fn store_word(&mut self, base: u8, off: i32, v: ValueId) -> Result<(), ValueId> {
        match self.loc(v) {
            Loc::Gpr(r) => x64!(self.ops ; mov [Rq(base) + off], Rq(r)),
            Loc::Xmm(x) => x64!(self.ops ; movsd QWORD [Rq(base) + off], Rx(x)),
            Loc::Slot(s) => {
                let so = slot_offset(s);
                x64!(self.ops ; mov rax, QWORD [rsp + so] ; mov [Rq(base) + off], rax);
            }
            Loc::Const(c) if fits_i32(c) => x64!(self.ops ; mov QWORD [Rq(base) + off], c as i32),
            Loc::Const(c) => x64!(self.ops ; mov rax, QWORD c as i64 ; mov [Rq(base) + off], rax),
            Loc::None => return Err(v),
        }
        Ok(())
    }

    // --- moving values ------------------------------------------------------------------

    fn mov_imm(&mut self, r: u8, c: u64) {
        if c == 0 {
            x64!(self.ops ; xor Rd(r), Rd(r));
        } else if c <= u32::MAX as u64 {
            x64!(self.ops ; mov Rd(r), c as u32 as i32);
        } else if fits_i32(c) {
            x64!(self.ops ; mov Rq(r), c as i32);
        } else {
            x64!(self.ops ; mov Rq(r), QWORD c as i64);
        }
    }

    /// `dst := src` for any pair of locations (`Loc::None` means r11, the move temporary).
    /// Uses rax for memory-to-memory moves.
    fn emit_move(&mut self, dst: Loc, src: Loc) {
        let fix = |l: Loc| if l == Loc::None { Loc::Gpr(R11) } else { l };
        let (dst, src) = (fix(dst), fix(src));
        if dst == src {
            return;
        }
        match (dst, src) {
            (Loc::Gpr(d), Loc::Gpr(s)) => x64!(self.ops ; mov Rq(d), Rq(s)),
            (Loc::Gpr(d), Loc::Xmm(s)) => x64!(self.ops ; movq Rq(d), Rx(s)),
            (Loc::Gpr(d), Loc::Slot(s)) => {
                let off = slot_offset(s);
                x64!(self.ops ; mov Rq(d), QWORD [rsp + off]);
            }
            (Loc::Gpr(d), Loc::Const(c)) => self.mov_imm(d, c),
            (Loc::Xmm(d), Loc::Xmm(s)) => x64!(self.ops ; movaps Rx(d), Rx(s)),
            (Loc::Xmm(d), Loc::Gpr(s)) => x64!(self.ops ; movq Rx(d), Rq(s)),
            (Loc::Xmm(d), Loc::Slot(s)) => {
                let off = slot_offset(s);
                x64!(self.ops ; movsd Rx(d), QWORD [rsp + off]);
            }
            (Loc::Xmm(d), Loc::Const(0)) => x64!(self.ops ; xorps Rx(d), Rx(d)),
            (Loc::Xmm(d), Loc::Const(c)) => {
                self.mov_imm(RAX, c);
                x64!(self.ops ; movq Rx(d), rax);
            }
            (Loc::Slot(d), Loc::Gpr(s)) => {
                let off = slot_offset(d);
                x64!(self.ops ; mov QWORD [rsp + off], Rq(s));
            }
            (Loc::Slot(d), Loc::Xmm(s)) => {
                let off = slot_offset(d);
                x64!(self.ops ; movsd QWORD [rsp + off], Rx(s));
            }
            (Loc::Slot(d), Loc::Slot(s)) => {
                let (doff, soff) = (slot_offset(d), slot_offset(s));
                x64!(self.ops ; mov rax, QWORD [rsp + soff] ; mov QWORD [rsp + doff], rax);
            }
            (Loc::Slot(d), Loc::Const(c)) => {
                let off = slot_offset(d);
                if fits_i32(c) {
                    x64!(self.ops ; mov QWORD [rsp + off], c as i32);
                } else {
                    x64!(self.ops ; mov rax, QWORD c as i64 ; mov QWORD [rsp + off], rax);
                }
            }
            // Nothing is ever moved into a constant or to nowhere.
            (Loc::Const(_) | Loc::None, _) | (_, Loc::None) => {}
        }
    }

    /// Loads `v` into general register `r`.
    fn load_gpr(&mut self, r: u8, v: ValueId) {
        match self.loc(v) {
            Loc::Const(c) => self.mov_imm(r, c),
            l => self.emit_move(Loc::Gpr(r), l),
        }
    }

    /// A general register holding `v`: its own, or `scratch` loaded with it.
    fn gpr(&mut self, v: ValueId, scratch: u8) -> u8 {
        match self.loc(v) {
            Loc::Gpr(r) => r,
            _ => {
                self.load_gpr(scratch, v);
                scratch
            }
        }
    }

    /// Loads `v` into XMM register `x` (constants go through r11).
    fn load_xmm(&mut self, x: u8, v: ValueId) {
        match self.loc(v) {
            Loc::Const(0) => x64!(self.ops ; xorps Rx(x), Rx(x)),
            Loc::Const(c) => {
                self.mov_imm(R11, c);
                x64!(self.ops ; movq Rx(x), r11);
            }
            l => self.emit_move(Loc::Xmm(x), l),
        }
    }

    fn xmm(&mut self, v: ValueId, scratch: u8) -> u8 {
        match self.loc(v) {
            Loc::Xmm(x) => x,
            _ => {
                self.load_xmm(scratch, v);
                scratch
            }
        }
    }

    /// `v` as an integer source operand (constants that fit as immediates).
    fn int_src(&mut self, v: ValueId, scratch: u8) -> Src {
        match self.loc(v) {
            Loc::Const(c) if fits_i32(c) => Src::Imm(c as i32),
            Loc::Gpr(r) => Src::Reg(r),
            Loc::Slot(s) => Src::Mem(slot_offset(s)),
            _ => Src::Reg(self.gpr(v, scratch)),
        }
    }

    /// The register to compute op `i`'s integer result in: its own, or rax.
    fn result_gpr(&self, i: usize) -> u8 {
        match self.alloc.locs[i] {
            Loc::Gpr(r) => r,
            _ => RAX,
        }
    }

    fn result_xmm(&self, i: usize) -> u8 {
        match self.alloc.locs[i] {
            Loc::Xmm(x) => x,
            _ => XMM_SCRATCH0,
        }
    }

    /// Puts op `i`'s result, computed in general register `r`, where it lives.
    fn finish_gpr(&mut self, i: usize, r: u8) {
        let l = self.alloc.locs[i];
        if l != Loc::None {
            self.emit_move(l, Loc::Gpr(r));
        }
    }

    fn finish_xmm(&mut self, i: usize, x: u8) {
        let l = self.alloc.locs[i];
        if l != Loc::None {
            self.emit_move(l, Loc::Xmm(x));
        }
    }

    // --- branches -----------------------------------------------------------------------

    fn new_exit(&mut self, op: usize) -> usize {
        let label = self.ops.new_dynamic_label();
        self.exits.push(Exit { op, label, jumps: Vec::new(), tail: 0, direct: None });
        self.exits.len() - 1
    }

    fn jcc(&mut self, cc: Cc, exit: usize) {
        let l = self.exits[exit].label;
        match cc {
            Cc::O => x64!(self.ops ; jo =>l),
            Cc::E => x64!(self.ops ; je =>l),
            Cc::Ne => x64!(self.ops ; jne =>l),
            Cc::L => x64!(self.ops ; jl =>l),
            Cc::Le => x64!(self.ops ; jle =>l),
            Cc::G => x64!(self.ops ; jg =>l),
            Cc::Ge => x64!(self.ops ; jge =>l),
            Cc::B => x64!(self.ops ; jb =>l),
            Cc::Ae => x64!(self.ops ; jae =>l),
            Cc::A => x64!(self.ops ; ja =>l),
            Cc::Be => x64!(self.ops ; jbe =>l),
        }
        let at = self.ops.offset().0;
        self.exits[exit].jumps.push(at);
    }

    /// Jumps to the exit stub when `f` holds.
    fn exit_if(&mut self, f: Flags, exit: usize) {
        match f {
            Flags::Cc(cc) => self.jcc(cc, exit),
            Flags::FloatNe => {
                let l = self.exits[exit].label;
                x64!(self.ops ; jne =>l);
                let at = self.ops.offset().0;
                self.exits[exit].jumps.push(at);
                x64!(self.ops ; jp =>l);
                let at = self.ops.offset().0;
                self.exits[exit].jumps.push(at);
            }
            Flags::FloatEq => {
                let l = self.exits[exit].label;
                x64!(self.ops ; jp >ordered ; je =>l ; ordered:);
                let at = self.ops.offset().0;
                self.exits[exit].jumps.push(at);
            }
        }
    }

    /// Materializes `f` as a Bool in op `i`'s location.
    fn set_bool(&mut self, i: usize, f: Flags) {
        match f {
            Flags::Cc(cc) => match cc {
                Cc::O => x64!(self.ops ; seto al),
                Cc::E => x64!(self.ops ; sete al),
                Cc::Ne => x64!(self.ops ; setne al),
                Cc::L => x64!(self.ops ; setl al),
                Cc::Le => x64!(self.ops ; setle al),
                Cc::G => x64!(self.ops ; setg al),
                Cc::Ge => x64!(self.ops ; setge al),
                Cc::B => x64!(self.ops ; setb al),
                Cc::Ae => x64!(self.ops ; setae al),
                Cc::A => x64!(self.ops ; seta al),
                Cc::Be => x64!(self.ops ; setbe al),
            },
            Flags::FloatEq => x64!(self.ops ; sete al ; setnp cl ; and al, cl),
            Flags::FloatNe => x64!(self.ops ; setne al ; setp cl ; or al, cl),
        }
        x64!(self.ops ; movzx eax, al);
        self.finish_gpr(i, RAX);
    }

    // --- ops ----------------------------------------------------------------------------

    fn op(&mut self, i: usize) -> Result<(), String> {
        let trace = self.trace;
        let op = &trace.ops[i];
        if let Op::Loop | Op::Phi(..) = op {
            // The preamble ends: phis take their first values, then the loop header.
            if let (Op::Phi(init, _), Loc::Gpr(_) | Loc::Xmm(_) | Loc::Slot(_)) = (op, self.alloc.locs[i]) {
                self.mark(format!("v{i} = {}", op.to_text(&trace.params, &trace.kinds)));
                self.emit_move(self.alloc.locs[i], self.loc(*init));
            }
            if !matches!(trace.ops.get(i + 1), Some(Op::Phi(..))) {
                self.loop_header();
            }
            return Ok(());
        }
        let dead = self.alloc.locs[i] == Loc::None && !self.alloc.fused[i];
        let no_code = matches!(op, Op::Param(_) | Op::ConstInt(_) | Op::ConstFloat(_) | Op::ConstWord(_));
        if no_code || (dead && op.is_pure()) {
            return Ok(());
        }
        let text = op.to_text(&trace.params, &trace.kinds);
        self.mark(if op.result_type(&trace.params) == Type::Void {
            format!("{text}  ; #{i}")
        } else {
            format!("v{i} = {text}")
        });
        match op {
            Op::Param(_) | Op::ConstInt(_) | Op::ConstFloat(_) | Op::ConstWord(_) => {}
            Op::IntAdd(a, b) => self.alu(i, Alu::Add, *a, *b, None),
            Op::IntSub(a, b) => self.alu(i, Alu::Sub, *a, *b, None),
            Op::IntMul(a, b) => self.alu(i, Alu::Mul, *a, *b, None),
            Op::IntAnd(a, b) => self.alu(i, Alu::And, *a, *b, None),
            Op::IntOr(a, b) => self.alu(i, Alu::Or, *a, *b, None),
            Op::IntXor(a, b) => self.alu(i, Alu::Xor, *a, *b, None),
            Op::IntAddOv { a, b, .. } => self.alu(i, Alu::Add, *a, *b, Some(i)),
            Op::IntSubOv { a, b, .. } => self.alu(i, Alu::Sub, *a, *b, Some(i)),
            Op::IntMulOv { a, b, .. } => self.alu(i, Alu::Mul, *a, *b, Some(i)),
            Op::IntNeg(a) => {
                let d = self.result_gpr(i);
                self.load_gpr(d, *a);
                x64!(self.ops ; neg Rq(d));
                self.finish_gpr(i, d);
            }
            Op::IntShl(a, b) => self.shift(i, Shift::Shl, *a, *b),
            Op::IntSar(a, b) => self.shift(i, Shift::Sar, *a, *b),
            Op::IntShr(a, b) => self.shift(i, Shift::Shr, *a, *b),
            Op::IntFloorDiv(a, b) => self.floor_div_mod(i, *a, *b, false),
            Op::IntMod(a, b) => self.floor_div_mod(i, *a, *b, true),
            Op::IntCmp(c, a, b) => {
                let ar = self.gpr(*a, RAX);
                let src = self.int_src(*b, RCX);
                alu_src!(self.ops, cmp, ar, src);
                let cc = match c {
                    Cond::Eq => Cc::E,
                    Cond::Ne => Cc::Ne,
                    Cond::Lt => Cc::L,
                    Cond::Le => Cc::Le,
                    Cond::Gt => Cc::G,
                    Cond::Ge => Cc::Ge,
                    Cond::Below => Cc::B,
                    Cond::AboveEq => Cc::Ae,
                };
                self.flags_result(i, Flags::Cc(cc));
            }
            Op::FloatCmp(c, a, b) => {
                // ucomisd x, y sets "above" for x > y and CF = ZF = 1 when unordered, so the
                // ordered "less" tests swap the operands and use "above" too: every test but
                // `!=` is then false on a NaN.
                let (x, y, f) = match c {
                    Cond::Lt => (*b, *a, Flags::Cc(Cc::A)),
                    Cond::Le => (*b, *a, Flags::Cc(Cc::Ae)),
                    Cond::Gt => (*a, *b, Flags::Cc(Cc::A)),
                    Cond::Ge => (*a, *b, Flags::Cc(Cc::Ae)),
                    Cond::Eq => (*a, *b, Flags::FloatEq),
                    Cond::Ne | Cond::Below | Cond::AboveEq => (*a, *b, Flags::FloatNe),
                };
                let xr = self.xmm(x, XMM_SCRATCH0);
                let yr = self.xmm(y, XMM_SCRATCH1);
                x64!(self.ops ; ucomisd Rx(xr), Rx(yr));
                self.flags_result(i, f);
            }
            Op::FloatAdd(a, b) => self.float_binop(i, FloatOp::Add, *a, *b),
            Op::FloatSub(a, b) => self.float_binop(i, FloatOp::Sub, *a, *b),
            Op::FloatMul(a, b) => self.float_binop(i, FloatOp::Mul, *a, *b),
            Op::FloatDiv(a, b) => self.float_binop(i, FloatOp::Div, *a, *b),
            Op::FloatNeg(a) | Op::FloatAbs(a) => {
                let d = self.result_xmm(i);
                self.load_xmm(d, *a);
                let neg = matches!(op, Op::FloatNeg(_));
                let mask = if neg { 1u64 << 63 } else { !(1u64 << 63) };
                x64!(self.ops ; mov r11, QWORD mask as i64 ; movq Rx(XMM_SCRATCH1), r11);
                if neg {
                    float_src!(self.ops, xorpd, d, XMM_SCRATCH1);
                } else {
                    float_src!(self.ops, andpd, d, XMM_SCRATCH1);
                }
                self.finish_xmm(i, d);
            }
            Op::FloatSqrt(a) => {
                let s = self.xmm(*a, XMM_SCRATCH1);
                let d = self.result_xmm(i);
                float_src!(self.ops, sqrtsd, d, s);
                self.finish_xmm(i, d);
            }
            Op::IntToFloat(a) => {
                let s = self.gpr(*a, RAX);
                let d = self.result_xmm(i);
                // Clearing first breaks cvtsi2sd's false dependency on the old register.
                x64!(self.ops ; xorps Rx(d), Rx(d) ; cvtsi2sd Rx(d), Rq(s));
                self.finish_xmm(i, d);
            }
            Op::FloatBits(a) | Op::BitsToFloat(a) | Op::AsInt(a) | Op::AsWord(a) => {
                let (dst, src) = (self.alloc.locs[i], self.loc(*a));
                match (dst, src) {
                    (Loc::Xmm(x), _) => self.load_xmm(x, *a),
                    (Loc::Gpr(r), _) => self.load_gpr(r, *a),
                    (Loc::Slot(_), Loc::Const(c)) => self.emit_move(dst, Loc::Const(c)),
                    _ => self.emit_move(dst, src),
                }
            }
            Op::Load { base, offset, ty, .. } => {
                let b = self.gpr(*base, RAX);
                let off = *offset;
                if *ty == Type::Float {
                    let d = self.result_xmm(i);
                    x64!(self.ops ; movsd Rx(d), QWORD [Rq(b) + off]);
                    self.finish_xmm(i, d);
                } else {
                    let d = self.result_gpr(i);
                    x64!(self.ops ; mov Rq(d), QWORD [Rq(b) + off]);
                    self.finish_gpr(i, d);
                }
            }
            Op::LoadIndexed { base, index, offset, ty, .. } => {
                let b = self.gpr(*base, RAX);
                let x = self.gpr(*index, RCX);
                let off = *offset;
                if *ty == Type::Float {
                    let d = self.result_xmm(i);
                    x64!(self.ops ; movsd Rx(d), QWORD [Rq(b) + Rq(x) * 8 + off]);
                    self.finish_xmm(i, d);
                } else {
                    let d = self.result_gpr(i);
                    x64!(self.ops ; mov Rq(d), QWORD [Rq(b) + Rq(x) * 8 + off]);
                    self.finish_gpr(i, d);
                }
            }
            Op::Store { base, offset, value, .. } => {
                let b = self.gpr(*base, RAX);
                let off = *offset;
                match self.loc(*value) {
                    Loc::Xmm(x) => x64!(self.ops ; movsd QWORD [Rq(b) + off], Rx(x)),
                    Loc::Const(c) if fits_i32(c) => x64!(self.ops ; mov QWORD [Rq(b) + off], c as i32),
                    _ => {
                        let v = self.gpr(*value, RCX);
                        x64!(self.ops ; mov QWORD [Rq(b) + off], Rq(v));
                    }
                }
            }
            Op::StoreIndexed { base, index, offset, value, .. } => {
                let b = self.gpr(*base, RAX);
                let x = self.gpr(*index, RDX);
                let off = *offset;
                match self.loc(*value) {
                    Loc::Xmm(v) => x64!(self.ops ; movsd QWORD [Rq(b) + Rq(x) * 8 + off], Rx(v)),
                    Loc::Const(c) if fits_i32(c) => {
                        x64!(self.ops ; mov QWORD [Rq(b) + Rq(x) * 8 + off], c as i32)
                    }
                    _ => {
                        let v = self.gpr(*value, RCX);
                        x64!(self.ops ; mov QWORD [Rq(b) + Rq(x) * 8 + off], Rq(v));
                    }
                }
            }
            Op::LoadByte { base, index, offset, .. } => {
                let b = self.gpr(*base, RAX);
                let x = self.gpr(*index, RCX);
                let off = *offset;
                let d = self.result_gpr(i);
                x64!(self.ops ; movzx Rd(d), BYTE [Rq(b) + Rq(x) + off]);
                self.finish_gpr(i, d);
            }
            Op::StoreByte { base, index, offset, value, .. } => {
                let b = self.gpr(*base, RAX);
                let x = self.gpr(*index, RDX);
                let off = *offset;
                match self.loc(*value) {
                    Loc::Const(c) => x64!(self.ops ; mov BYTE [Rq(b) + Rq(x) + off], c as u8 as i8),
                    _ => {
                        let v = self.gpr(*value, RCX);
                        x64!(self.ops ; mov BYTE [Rq(b) + Rq(x) + off], Rb(v));
                    }
                }
            }
            Op::Guard { cond, expect, .. } => self.guard(i, *cond, *expect),
            Op::Exit { .. } => {
                let e = self.new_exit(i);
                let l = self.exits[e].label;
                x64!(self.ops ; jmp =>l);
                let at = self.ops.offset().0;
                self.exits[e].jumps.push(at);
            }
            Op::Call { func, args, .. } => self.call(i, *func, args),
            Op::Loop | Op::Phi(..) => {}
            Op::Jump(args) => self.jump(args),
        }
        Ok(())
    }

    fn flags_result(&mut self, i: usize, f: Flags) {
        if self.alloc.fused[i] {
            self.pending = Some(f);
        } else {
            self.set_bool(i, f);
        }
    }

    fn alu(&mut self, i: usize, alu: Alu, a: ValueId, b: ValueId, exit_op: Option<usize>) {
        let commutative = !matches!(alu, Alu::Sub);
        let (mut a, mut b) = (a, b);
        // An overflow check must leave the values its exit stores intact until the jump: it
        // computes in rax unless the result's register holds none of them.
        let mut d = self.result_gpr(i);
        if exit_op.is_some() && self.exit_reads(i, Loc::Gpr(d)) {
            d = RAX;
        }
        if self.loc(b) == Loc::Gpr(d) && a != b {
            if commutative {
                std::mem::swap(&mut a, &mut b);
            } else {
                d = RAX;
            }
        }
        let src = self.int_src(b, RCX);
        self.load_gpr(d, a);
        match alu {
            Alu::Add => alu_src!(self.ops, add, d, src),
            Alu::Sub => alu_src!(self.ops, sub, d, src),
            Alu::And => alu_src!(self.ops, and, d, src),
            Alu::Or => alu_src!(self.ops, or, d, src),
            Alu::Xor => alu_src!(self.ops, xor, d, src),
            Alu::Mul => match src {
                Src::Imm(k) => x64!(self.ops ; imul Rq(d), Rq(d), k),
                Src::Reg(r) => x64!(self.ops ; imul Rq(d), Rq(r)),
                Src::Mem(off) => x64!(self.ops ; imul Rq(d), QWORD [rsp + off]),
            },
        }
        if let Some(op) = exit_op {
            let e = self.new_exit(op);
            self.jcc(Cc::O, e);
        }
        self.finish_gpr(i, d);
    }

    /// Whether the exit stub of op `i` reads location `l`.
    fn exit_reads(&self, i: usize, l: Loc) -> bool {
        let Some(s) = self.trace.ops[i].snapshot() else { return false };
        let Some(snap) = self.trace.snapshots.get(s.0 as usize) else { return false };
        snap.reads().iter().any(|v| self.loc(*v) == l)
    }

    fn shift(&mut self, i: usize, kind: Shift, a: ValueId, b: ValueId) {
        let d = self.result_gpr(i);
        if let Loc::Const(c) = self.loc(b) {
            let k = (c & 63) as i8;
            self.load_gpr(d, a);
            match kind {
                Shift::Shl => x64!(self.ops ; shl Rq(d), k),
                Shift::Sar => x64!(self.ops ; sar Rq(d), k),
                Shift::Shr => x64!(self.ops ; shr Rq(d), k),
            }
        } else {
            // The count goes to cl first: `d` may be the register `b` dies in.
            self.load_gpr(RCX, b);
            self.load_gpr(d, a);
            match kind {
                Shift::Shl => x64!(self.ops ; shl Rq(d), cl),
                Shift::Sar => x64!(self.ops ; sar Rq(d), cl),
                Shift::Shr => x64!(self.ops ; shr Rq(d), cl),
            }
        }
        self.finish_gpr(i, d);
    }

    /// Python's floor division and modulo (quotient rounded toward negative infinity,
    /// remainder with the divisor's sign), in three ways:
    ///
    /// - by a constant: shifts and masks for a positive power of two, else a multiplication
    ///   by a reciprocal (`floor_div_mod_const`);
    /// - by a variable, when both operands are in 0..2^32: `div r32`, which is faster than a
    ///   64-bit `idiv` and needs no sign fix-up (both operands are nonnegative);
    /// - otherwise `idiv`, which truncates toward zero: when the remainder is nonzero and its
    ///   sign differs from the divisor's, the quotient is one less and the remainder gains
    ///   the divisor.
    fn floor_div_mod(&mut self, i: usize, a: ValueId, b: ValueId, modulo: bool) {
        if let Op::ConstInt(d) = self.trace.ops[b.index()] {
            if d != 0 {
                self.floor_div_mod_const(i, a, d, modulo);
                return;
            }
        }
        let br = match self.loc(b) {
            Loc::Gpr(r) => r,
            _ => {
                self.load_gpr(RCX, b);
                RCX
            }
        };
        self.load_gpr(RAX, a);
        x64!(self.ops
            ; mov r11, rax
            ; or r11, Rq(br)
            ; shr r11, 32
            ; jnz >slow
            ; xor edx, edx
            ; div Rd(br)
            ; jmp >done
            ; slow:
            ; cqo
            ; idiv Rq(br)
            ; test rdx, rdx
            ; jz >done
            ; mov r11, rdx
            ; xor r11, Rq(br)
            ; jns >done
        );
        if modulo {
            x64!(self.ops ; add rdx, Rq(br) ; done:);
            self.finish_gpr(i, RDX);
        } else {
            x64!(self.ops ; sub rax, 1 ; done:);
            self.finish_gpr(i, RAX);
        }
    }

    /// Floor division or modulo of `a` by the constant `d` (not 0), without a divide
    /// instruction.
    ///
    /// A positive power of two `2^k` is exact in two's complement: `n // 2^k` is `n >> k`
    /// (arithmetic) and `n % 2^k` keeps the low `k` bits.
    ///
    /// Any other divisor reduces the signed floor division to an unsigned division of a
    /// numerator `u` in 0..=2^63 by `e = |d|`, done by `UdivMagic` (or a shift when `e` is a
    /// power of two), and a conditional bitwise not (`x ^ mask` with mask 0 or -1):
    ///
    /// - `d > 0`: with `s = n >> 63` (0 or -1), `u = n ^ s` and `q = (u / d) ^ s`. For
    ///   `n < 0`, `u = -n - 1` and `floor(n / d) = -1 - floor((-n - 1) / d)`.
    /// - `d < 0`: with `s = -(n <= 0)`, `u = (n - 1) ^ s` and `q = !((u / e) ^ s)`. For
    ///   `n <= 0`, `u = -n` (2^63 for i64::MIN, read unsigned) and `q = floor(-n / e)`; for
    ///   `n > 0`, `u = n - 1` and `q = -ceil(n / e) = -1 - floor((n - 1) / e)`.
    ///
    /// The remainder is then `n - q * d`, which is exact modulo 2^64 and fits.
    fn floor_div_mod_const(&mut self, i: usize, a: ValueId, d: i64, modulo: bool) {
        if d > 0 && d & (d - 1) == 0 {
            let k = d.trailing_zeros() as i8;
            let dst = self.result_gpr(i);
            self.load_gpr(dst, a);
            if !modulo {
                if k > 0 {
                    x64!(self.ops ; sar Rq(dst), k);
                }
            } else if k == 0 {
                x64!(self.ops ; xor Rd(dst), Rd(dst));
            } else if k <= 31 {
                let mask = (d - 1) as i32;
                x64!(self.ops ; and Rq(dst), mask);
            } else {
                let back = 64 - k;
                x64!(self.ops ; shl Rq(dst), back ; shr Rq(dst), back);
            }
            self.finish_gpr(i, dst);
            return;
        }
        // The dividend stays in `n` (its own register, or rcx) for the remainder; the
        // sequences below use rax, rdx and r11 only.
        let n = self.gpr(a, RCX);
        let e = d.unsigned_abs();
        // A dividend known never to be negative (its range, `opt::ranges`) divided by a
        // positive `d` is its own `u`, with the mask 0: no sign handling.
        let plain = d > 0 && self.nonneg.get(a.index()).copied().unwrap_or(false);
        if plain {
            x64!(self.ops ; mov rax, Rq(n));
        } else if d > 0 {
            x64!(self.ops
                ; mov rax, Rq(n)
                ; cqo
                ; mov r11, rdx
                ; xor rax, rdx
            );
        } else {
            x64!(self.ops
                ; xor r11d, r11d
                ; test Rq(n), Rq(n)
                ; setle r11b
                ; neg r11
                ; lea rax, [Rq(n) - 1]
                ; xor rax, r11
            );
        }
        // rax = u; the unsigned quotient goes to rdx.
        if e & (e - 1) == 0 {
            let k = e.trailing_zeros() as i8;
            if k > 0 {
                x64!(self.ops ; shr rax, k);
            }
            x64!(self.ops ; mov rdx, rax);
        } else {
            let magic = UdivMagic::new(e);
            self.mov_imm(RDX, magic.mul);
            x64!(self.ops ; mul rdx);
            if magic.shift > 0 {
                let s = magic.shift as i8;
                x64!(self.ops ; shr rdx, s);
            }
        }
        if !plain {
            x64!(self.ops ; xor rdx, r11);
        }
        if d < 0 {
            x64!(self.ops ; not rdx);
        }
        if !modulo {
            self.finish_gpr(i, RDX);
            return;
        }
        if fits_i32(d as u64) {
            let k = d as i32;
            x64!(self.ops ; imul rdx, rdx, k);
        } else {
            x64!(self.ops ; mov rax, QWORD d ; imul rdx, rax);
        }
        let dst = self.result_gpr(i);
        if dst != n {
            x64!(self.ops ; mov Rq(dst), Rq(n));
        }
        x64!(self.ops ; sub Rq(dst), rdx);
        self.finish_gpr(i, dst);
    }

    /// Float arithmetic. Operands are never swapped, even for `+` and `*`: with two NaN
    /// operands SSE returns the first one's payload, as compiled Rust and C code do for
    /// `a + b`, so NaN bits (which a frontend may observe through `float_bits`) match the
    /// reference backend's.
    fn float_binop(&mut self, i: usize, fop: FloatOp, a: ValueId, b: ValueId) {
        let mut d = self.result_xmm(i);
        if self.loc(b) == Loc::Xmm(d) && a != b {
            d = XMM_SCRATCH0;
        }
        let s = self.xmm(b, XMM_SCRATCH1);
        self.load_xmm(d, a);
        match fop {
            FloatOp::Add => float_src!(self.ops, addsd, d, s),
            FloatOp::Sub => float_src!(self.ops, subsd, d, s),
            FloatOp::Mul => float_src!(self.ops, mulsd, d, s),
            FloatOp::Div => float_src!(self.ops, divsd, d, s),
        }
        self.finish_xmm(i, d);
    }

    fn guard(&mut self, i: usize, cond: ValueId, expect: bool) {
        let e = self.new_exit(i);
        if self.alloc.fused[cond.index()] {
            if let Some(f) = self.pending.take() {
                self.exit_if(if expect { f.not() } else { f }, e);
                return;
            }
        }
        // Bools are 0 or 1: leave when the word is zero and `true` was expected, or nonzero
        // and `false` was.
        let leave = if expect { Cc::E } else { Cc::Ne };
        match self.loc(cond) {
            Loc::Const(c) => {
                if (c != 0) != expect {
                    let l = self.exits[e].label;
                    x64!(self.ops ; jmp =>l);
                    let at = self.ops.offset().0;
                    self.exits[e].jumps.push(at);
                }
            }
            Loc::Slot(s) => {
                let off = slot_offset(s);
                x64!(self.ops ; cmp QWORD [rsp + off], 0);
                self.jcc(leave, e);
            }
            _ => {
                let r = self.gpr(cond, RAX);
                x64!(self.ops ; test Rq(r), Rq(r));
                self.jcc(leave, e);
            }
        }
    }

    /// A call to an `extern "C"` helper. Values live across it in caller-saved registers
    /// go to their save slots (where the GC's stack scan sees them) and come back after;
    /// the arguments are a parallel move into the argument registers.
    fn call(&mut self, i: usize, func: u64, args: &[ValueId]) {
        let saves: Vec<(Loc, Loc)> = (0..self.alloc.locs.len())
            .filter(|&v| self.alloc.live_across(v, i))
            .filter_map(|v| self.alloc.save_slot[v].map(|s| (self.alloc.locs[v], Loc::Slot(s))))
            .collect();
        for &(reg, slot) in &saves {
            self.emit_move(slot, reg);
        }
        let pairs: Vec<(Loc, Loc)> =
            args.iter().enumerate().map(|(k, a)| (Loc::Gpr(ARG_REGS[k]), self.loc(*a))).collect();
        for m in sequentialize(&pairs) {
            self.emit_move(m.dst, m.src);
        }
        x64!(self.ops ; mov rax, QWORD func as i64 ; call rax);
        for &(reg, slot) in &saves {
            self.emit_move(reg, slot);
        }
        self.finish_gpr(i, RAX);
    }

    /// The loop-closing jump: parameters take the arguments' values, all at once.
    fn jump(&mut self, args: &[ValueId]) {
        // Parameters, then phis, take the arguments in order.
        let targets: Vec<usize> = (0..self.trace.params.len()).chain(self.trace.phis()).collect();
        let pairs: Vec<(Loc, Loc)> = args
            .iter()
            .zip(targets)
            .filter(|&(_, p)| self.alloc.locs[p] != Loc::None)
            .map(|(a, p)| (self.alloc.locs[p], self.loc(*a)))
            .collect();
        for m in sequentialize(&pairs) {
            self.emit_move(m.dst, m.src);
        }
        let header = self.header;
        x64!(self.ops ; jmp =>header);
    }
}

#[derive(Clone, Copy)]
enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[cfg(test)]
mod tests {
    use super::UdivMagic;

    /// Divisors of every size: small ones, ones just off powers of two, and large primes.
    fn divisors() -> Vec<u64> {
        let mut ds: Vec<u64> = (3..2000).filter(|d: &u64| !d.is_power_of_two()).collect();
        for k in 2..63 {
            ds.extend([(1u64 << k) - 1, (1u64 << k) + 1, (1u64 << k) + (1u64 << (k - 1)), 3u64 << (k - 1)]);
        }
        ds.extend([7919, 1_000_000_007, 2_147_483_647, 1_000_000_000_000, 6_700_417, (1 << 63) - 25]);
        ds.retain(|&d| (3..1 << 63).contains(&d) && !d.is_power_of_two());
        ds
    }

    #[test]
    fn unsigned_magic_divides_every_numerator_up_to_2_pow_63() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for d in divisors() {
            let m = UdivMagic::new(d);
            let mut us = vec![0, 1, d - 1, d, d + 1, 1 << 63, (1 << 63) - 1, (1 << 63) - 2];
            // Numerators around the largest multiples of d and around random multiples.
            let top = (1u64 << 63) / d * d;
            us.extend([top, top - 1, top.wrapping_add(d - 1), top - d, top - d + 1]);
            for _ in 0..200 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let u = x >> 1;
                let near = u / d * d;
                us.extend([u, near, near.wrapping_sub(1), near + (d - 1).min((1 << 63) - near)]);
            }
            for u in us.into_iter().filter(|&u| u <= 1 << 63) {
                assert_eq!(m.div(u), u / d, "{u} / {d} with {m:?}");
            }
        }
    }
}
