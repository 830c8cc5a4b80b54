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

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi, VecAssembler};
use krait_tracer::{LinkArg, LinkBox, LinkStore, LINK_PARAMS};

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
        match st.boxing {
            LinkBox::Word => {}
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
                if bits == 0 || bits >= 64 {
                    return Err(format!("int boxing in {bits} bits"));
                }
                let up = 64 - bits as i8;
                let mask = (1u64 << bits) - 1;
                x64!(ops
                    ; mov rcx, rax
                    ; shl rcx, up
                    ; sar rcx, up
                    ; cmp rcx, rax
                    ; jne =>fallback
                    ; mov rcx, QWORD mask as i64
                    ; and rax, rcx
                    ; mov rcx, QWORD tag_word as i64
                    ; or rax, rcx
                );
            }
            LinkBox::Float => {
                // A NaN has no single boxed form here: the frontend canonicalizes it.
                x64!(ops
                    ; movq xmm0, rax
                    ; ucomisd xmm0, xmm0
                    ; jp =>fallback
                );
            }
        }
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
            LinkArg::MemTagged { base, offset, shift, tag } => {
                let b = word(base)?;
                if shift == 0 || shift >= 64 {
                    return Err(format!("tag shift {shift}"));
                }
                let up = 64 - shift as i8;
                x64!(ops
                    ; mov rcx, [r11 + b]
                    ; mov rax, [rcx + offset]
                    ; mov rcx, rax
                    ; shr rcx, shift as i8
                    ; cmp rcx, tag as i32
                    ; jne =>fallback
                    ; shl rax, up
                    ; sar rax, up
                    ; mov [r11 + dst], rax
                );
            }
            LinkArg::MemBelow { base, offset, shift, limit } => {
                let b = word(base)?;
                if shift == 0 || shift >= 64 {
                    return Err(format!("tag shift {shift}"));
                }
                x64!(ops
                    ; mov rcx, [r11 + b]
                    ; mov rax, [rcx + offset]
                    ; mov rcx, rax
                    ; shr rcx, shift as i8
                    ; cmp rcx, limit as i32
                    ; jae =>fallback
                    ; mov [r11 + dst], rax
                );
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

/// The 12 bytes that replace a stub's tail: `mov rax, imm64 ; jmp rax`.
pub fn tail_jump(to: u64) -> Vec<u8> {
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(0);
    x64!(ops ; mov rax, QWORD to as i64 ; jmp rax);
    ops.finalize().unwrap_or_default()
}
