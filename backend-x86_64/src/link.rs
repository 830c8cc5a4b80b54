//! Native linking: the thunk a linked exit jumps to (see `krait_tracer::LINK_BUF`).
//!
//! ```text
//!   exit stub of trace P: stores its snapshot's values to the exit buffer (r11), writes
//!   P's tag, then (patched tail) `mov rax, thunk ; jmp rax`
//!   thunk:   for each LinkStore: box buf[src] and store it at buf[base] + offset
//!            for each target parameter j: buf[LINK_PARAMS + j] := its LinkArg
//!            (tag and boxing checks that fail go to `fallback`)
//!            add rsp, P's frame          ; back to P's saved registers
//!            lea rdi, [r11 + 8*LINK_PARAMS] ; mov rsi, r11
//!            jmp target's link entry     ; T's prologue minus the pushes
//!   fallback: mov eax, exit ; jmp P's epilogue   (the exit P took before linking)
//! ```
//!
//! The target then runs in place of P: it returns to P's caller with its own exit number,
//! and its own tag in the exit buffer.
//!
//! When both traces are this backend's code, the link is *direct* (`direct_thunk`): each
//! tagged stub has a second patchable site right after its sunk stores, and the thunk
//! jumped to from there builds nothing in the exit buffer. It checks and stores as above,
//! then moves the exit's values from the registers and frame slots where P's guard left
//! them straight into the registers and slots where T's prologue would have loaded its
//! parameters (one parallel move), switches rsp to T's frame and enters T right after its
//! parameter loads. A failed check jumps back into the stub, which leaves as before.

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use krait_tracer::{LinkArg, LinkBox, LinkStore, LINK_PARAMS};

use crate::regalloc::{Loc, RAX, RCX};

macro_rules! x64 {
    ($ops:expr ; $($t:tt)*) => { dynasm!($ops ; .arch x64 ; $($t)*) };
}

/// Machine code of a thunk (position independent: absolute jumps only).
pub fn thunk(
    args: &[LinkArg],
    stores: &[LinkStore],
    frame_size: i32,
    exit: u32,
    epilogue: u64,
    target: u64,
) -> Result<Vec<u8>, String> {
    if args.len() > krait_tracer::LINK_TAG || args.len() > krait_tracer::LINK_BUF - LINK_PARAMS {
        return Err(format!("{} parameters are too many to link", args.len()));
    }
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(0);
    let fallback = ops.new_dynamic_label();
    let word = |k: usize| -> Result<i32, String> {
        if k >= krait_tracer::LINK_TAG {
            return Err(format!("exit buffer word {k} is beyond the snapshot area"));
        }
        Ok(8 * k as i32)
    };
    for st in stores {
        let (src, b, offset) = (word(st.src)?, word(st.base)?, st.offset);
        x64!(ops ; mov rax, [r11 + src]);
        check_boxable(&mut ops, st.boxing, fallback)?;
        box_rax(&mut ops, st.boxing);
        x64!(ops
            ; mov rcx, [r11 + b]
            ; mov [rcx + offset], rax
        );
    }
    for (j, a) in args.iter().enumerate() {
        let dst = 8 * (LINK_PARAMS + j) as i32;
        match *a {
            LinkArg::Dead => {}
            LinkArg::Buf(k) => {
                let src = word(k)?;
                x64!(ops ; mov rax, [r11 + src] ; mov [r11 + dst], rax);
            }
            LinkArg::MemTagged { base, .. } | LinkArg::MemBelow { base, .. } => {
                let b = word(base)?;
                x64!(ops ; mov rcx, [r11 + b]);
                load_mem_arg(&mut ops, *a, fallback)?;
                x64!(ops ; mov [r11 + dst], rax);
            }
        }
    }
    let params = 8 * LINK_PARAMS as i32;
    x64!(ops
        ; add rsp, frame_size
        ; lea rdi, [r11 + params]
        ; mov rsi, r11
        ; mov rax, QWORD target as i64
        ; jmp rax
        ; =>fallback
        ; mov eax, exit as i32
        ; mov rcx, QWORD epilogue as i64
        ; jmp rcx
    );
    ops.finalize().map_err(|e| format!("assembling a link thunk: {e}"))
}

/// A direct link (see the module docs): the exit's values go from the registers and
/// frame slots where the guard left them straight to where the target's prologue would
/// have put its parameters.
pub struct DirectLink<'a> {
    /// Where each value of the exit's `Snapshot::live()` is (the source trace's
    /// `GuardSite::live`).
    pub live: &'a [Loc],
    /// The source trace's frame size.
    pub from_frame: i32,
    pub args: &'a [LinkArg],
    pub stores: &'a [LinkStore],
    /// Where the target keeps each parameter (`Loc::None`: never read).
    pub params: &'a [Loc],
    /// The target's frame size.
    pub to_frame: i32,
    /// Where the exit goes on when a check fails: its stub right after the direct site.
    pub fallback: u64,
    /// The target's direct entry (after its prologue loaded the parameters).
    pub entry: u64,
}

/// A location of a direct link's parallel move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    Gpr(u8),
    Xmm(u8),
    /// `[rsp + off]`, rsp being the lower of the two traces' frames during the move.
    Stack(i32),
    /// `[r11 + off]`: a parameter the checks unboxed and staged in the exit buffer.
    Stage(i32),
    Const(u64),
    /// The temporary of the move (rax).
    Temp,
}

/// Machine code of a direct-link thunk, entered from the source trace's exit stub right
/// after its sunk stores, with the trace's registers and frame as the guard left them:
///
/// ```text
///   mov r11, [rsp]                    ; the exit buffer
///   checks: tags of memory parameters (unboxed, staged in buf[LINK_PARAMS + j]) and
///           boxability of stored values; a failure jumps back to the stub (fallback)
///   stores: box and store the values the target does not take
///   rsp := the lower of the two frames; parallel move of the parameters into the
///          target's registers and frame slots; rsp := the target's frame
///   mov [rsp], r11 ; jmp target's direct entry
/// ```
pub fn direct_thunk(d: &DirectLink) -> Result<Vec<u8>, String> {
    if d.args.len() != d.params.len() {
        return Err(format!("{} link arguments for {} parameters", d.args.len(), d.params.len()));
    }
    if d.args.len() > krait_tracer::LINK_BUF - LINK_PARAMS {
        return Err(format!("{} parameters are too many to link", d.args.len()));
    }
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(0);
    let fallback = ops.new_dynamic_label();
    // During the parallel move rsp is the lower frame's: both frames' slots are at
    // non-negative offsets from it.
    let (shift_from, shift_to) =
        if d.to_frame > d.from_frame { (d.to_frame - d.from_frame, 0) } else { (0, d.from_frame - d.to_frame) };
    let at = |loc: Loc, shift: i32| -> Result<At, String> {
        Ok(match loc {
            Loc::Gpr(r) => At::Gpr(r),
            Loc::Xmm(x) => At::Xmm(x),
            Loc::Slot(k) => At::Stack(shift + 8 + 8 * k as i32),
            Loc::Const(c) => At::Const(c),
            Loc::None => return Err("a value of the exit has no location".into()),
        })
    };
    let live = |k: usize| -> Result<Loc, String> {
        d.live.get(k).copied().ok_or_else(|| format!("exit value {k} does not exist"))
    };
    x64!(ops ; mov r11, [rsp]);
    // Checks (the source frame: shift 0), staging memory parameters.
    for (j, a) in d.args.iter().enumerate() {
        if let LinkArg::MemTagged { base, .. } | LinkArg::MemBelow { base, .. } = *a {
            let stage = 8 * (LINK_PARAMS + j) as i32;
            load_gpr(&mut ops, RCX, at(live(base)?, 0)?);
            load_mem_arg(&mut ops, *a, fallback)?;
            x64!(ops ; mov [r11 + stage], rax);
        }
    }
    for st in d.stores {
        if matches!(st.boxing, LinkBox::Int { .. } | LinkBox::Float) {
            load_gpr(&mut ops, RAX, at(live(st.src)?, 0)?);
            check_boxable(&mut ops, st.boxing, fallback)?;
        }
    }
    // Stores: nothing fails from here on.
    for st in d.stores {
        load_gpr(&mut ops, RAX, at(live(st.src)?, 0)?);
        box_rax(&mut ops, st.boxing);
        load_gpr(&mut ops, RCX, at(live(st.base)?, 0)?);
        let offset = st.offset;
        x64!(ops ; mov [rcx + offset], rax);
    }
    // The parameters.
    let mut pairs = Vec::with_capacity(d.args.len());
    for (j, (a, &p)) in d.args.iter().zip(d.params).enumerate() {
        if p == Loc::None {
            continue;
        }
        let src = match *a {
            LinkArg::Dead => continue,
            LinkArg::Buf(k) => at(live(k)?, shift_from)?,
            LinkArg::MemTagged { .. } | LinkArg::MemBelow { .. } => At::Stage(8 * (LINK_PARAMS + j) as i32),
        };
        let dst = match p {
            Loc::Const(_) => continue,
            p => at(p, shift_to)?,
        };
        if pairs.iter().any(|&(x, _)| x == dst) {
            return Err("two parameters in one location".into());
        }
        pairs.push((dst, src));
    }
    if shift_from > 0 {
        x64!(ops ; sub rsp, shift_from);
    }
    for (dst, src) in crate::moves::sequentialize_with(&pairs, At::Temp) {
        move_to(&mut ops, dst, src)?;
    }
    if shift_to > 0 {
        x64!(ops ; add rsp, shift_to);
    }
    x64!(ops
        ; mov [rsp], r11
        ; mov rax, QWORD d.entry as i64
        ; jmp rax
        ; =>fallback
        ; mov rax, QWORD d.fallback as i64
        ; jmp rax
    );
    ops.finalize().map_err(|e| format!("assembling a direct link thunk: {e}"))
}

/// Jumps to `fail` unless the value in rax has a boxed form under `boxing` (an int that
/// fits its bits, a float that is not a NaN); clobbers rcx and xmm15.
fn check_boxable(ops: &mut VecAssembler<X64Relocation>, boxing: LinkBox, fail: DynamicLabel) -> Result<(), String> {
    match boxing {
        LinkBox::Word | LinkBox::Bool { .. } => {}
        LinkBox::Int { bits, .. } => {
            if bits == 0 || bits >= 64 {
                return Err(format!("int boxing in {bits} bits"));
            }
            let up = 64 - bits as i8;
            x64!(ops
                ; mov rcx, rax
                ; shl rcx, up
                ; sar rcx, up
                ; cmp rcx, rax
                ; jne =>fail
            );
        }
        LinkBox::Float => {
            // A NaN has no single boxed form here: the frontend canonicalizes it.
            x64!(ops
                ; movq xmm15, rax
                ; ucomisd xmm15, xmm15
                ; jp =>fail
            );
        }
    }
    Ok(())
}

/// Boxes the value in rax under `boxing` (checked by `check_boxable`); clobbers rcx.
fn box_rax(ops: &mut VecAssembler<X64Relocation>, boxing: LinkBox) {
    match boxing {
        LinkBox::Word | LinkBox::Float => {}
        LinkBox::Bool { false_word } => {
            x64!(ops
                ; test rax, rax
                ; setne al
                ; movzx eax, al
                ; mov rcx, QWORD false_word as i64
                ; add rax, rcx
            );
        }
        LinkBox::Int { bits, tag_word } => {
            let mask = (1u64 << bits) - 1;
            x64!(ops
                ; mov rcx, QWORD mask as i64
                ; and rax, rcx
                ; mov rcx, QWORD tag_word as i64
                ; or rax, rcx
            );
        }
    }
}

/// rax := the parameter a `MemTagged` or `MemBelow` argument reads from `[rcx + offset]`,
/// or a jump to `fail` when its tag check fails.
fn load_mem_arg(ops: &mut VecAssembler<X64Relocation>, a: LinkArg, fail: DynamicLabel) -> Result<(), String> {
    match a {
        LinkArg::MemTagged { offset, shift, tag, .. } => {
            if shift == 0 || shift >= 64 {
                return Err(format!("tag shift {shift}"));
            }
            let up = 64 - shift as i8;
            x64!(ops
                ; mov rax, [rcx + offset]
                ; mov rcx, rax
                ; shr rcx, shift as i8
                ; cmp rcx, tag as i32
                ; jne =>fail
                ; shl rax, up
                ; sar rax, up
            );
        }
        LinkArg::MemBelow { offset, shift, limit, .. } => {
            if shift == 0 || shift >= 64 {
                return Err(format!("tag shift {shift}"));
            }
            x64!(ops
                ; mov rax, [rcx + offset]
                ; mov rcx, rax
                ; shr rcx, shift as i8
                ; cmp rcx, limit as i32
                ; jae =>fail
            );
        }
        LinkArg::Dead | LinkArg::Buf(_) => return Err("not a memory argument".into()),
    }
    Ok(())
}

/// Loads the word at `src` into general register `r` (rcx for constants and memory).
fn load_gpr(ops: &mut VecAssembler<X64Relocation>, r: u8, src: At) {
    match src {
        At::Gpr(s) if s == r => {}
        At::Gpr(s) => x64!(ops ; mov Rq(r), Rq(s)),
        At::Xmm(x) => x64!(ops ; movq Rq(r), Rx(x)),
        At::Stack(o) => x64!(ops ; mov Rq(r), QWORD [rsp + o]),
        At::Stage(o) => x64!(ops ; mov Rq(r), QWORD [r11 + o]),
        At::Const(c) => x64!(ops ; mov Rq(r), QWORD c as i64),
        At::Temp if r == RAX => {}
        At::Temp => x64!(ops ; mov Rq(r), rax),
    }
}

/// One step of the parallel move (rax is the temporary, rcx a scratch register).
fn move_to(ops: &mut VecAssembler<X64Relocation>, dst: At, src: At) -> Result<(), String> {
    match dst {
        At::Gpr(d) => load_gpr(ops, d, src),
        At::Temp => load_gpr(ops, RAX, src),
        At::Xmm(d) => match src {
            At::Xmm(s) => x64!(ops ; movaps Rx(d), Rx(s)),
            At::Stack(o) => x64!(ops ; movsd Rx(d), QWORD [rsp + o]),
            At::Stage(o) => x64!(ops ; movsd Rx(d), QWORD [r11 + o]),
            At::Temp => x64!(ops ; movq Rx(d), rax),
            _ => {
                load_gpr(ops, RCX, src);
                x64!(ops ; movq Rx(d), rcx);
            }
        },
        At::Stack(o) => match src {
            At::Gpr(s) => x64!(ops ; mov [rsp + o], Rq(s)),
            At::Xmm(x) => x64!(ops ; movsd QWORD [rsp + o], Rx(x)),
            At::Temp => x64!(ops ; mov [rsp + o], rax),
            _ => {
                load_gpr(ops, RCX, src);
                x64!(ops ; mov [rsp + o], rcx);
            }
        },
        At::Stage(_) | At::Const(_) => return Err(format!("cannot move into {dst:?}")),
    }
    Ok(())
}

/// The 12 bytes that replace a stub's tail: `mov rax, imm64 ; jmp rax`.
pub fn tail_jump(to: u64) -> Vec<u8> {
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(0);
    x64!(ops ; mov rax, QWORD to as i64 ; jmp rax);
    ops.finalize().unwrap_or_default()
}
