//! Golden listings: the exact code for small traces, so changes to register assignment,
//! instruction selection or the exit protocol show up as a readable diff.
#![cfg(target_arch = "x86_64")]

use krait_backend_x86_64::X86Backend;
use krait_tracer::{parse_trace, Backend};

const COUNTING_LOOP: &str = "
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add_ov v0, v2 !s0 [ov]
v4 = int_add v1, v0
v5 = const_int 100
v6 = int_cmp lt v3, v5
guard_true v6 !s1 [exit]
jump v3, v4
s0 = snapshot [meta=0: 0=v0 1=v1]
s1 = snapshot [meta=1: 0=v3 1=v4]
";

const COUNTING_LOOP_CODE: &str = "        ; prologue
     0  push    rbx
     2  push    rbp
     4  push    r12
     6  push    r13
     8  push    r14
     a  push    r15
     c  sub     rsp,8
    13  mov     [rsp],rsi
    17  mov     rax,rdi
    1a  mov     rsi,[rax]
    21  mov     rdi,[rax+8]
    28  nop
    29  nop
    2a  nop
    2b  nop
    2c  nop
    2d  nop
    2e  nop
    2f  nop
        ; loop header
        ; v3 = int_add_ov v0, v2 !s0 [ov]
    30  mov     r8,rsi
    33  add     r8,1
    3a  jo      0000000000000058h
        ; v4 = int_add v1, v0
    40  add     rdi,rsi
        ; v6 = int_cmp lt v3, v5
    43  cmp     r8,64h
        ; guard_true v6 !s1 [exit]  ; #7
    4a  jge     0000000000000076h
        ; jump v3, v4  ; #8
    50  mov     rsi,r8
    53  jmp     0000000000000030h
        ; exit stub of guard 3
    58  mov     r11,[rsp]
    5c  mov     [r11],rsi
    64  mov     [r11+8],rdi
    6c  mov     eax,3
    71  jmp     0000000000000094h
        ; exit stub of guard 7
    76  mov     r11,[rsp]
    7a  mov     [r11],r8
    82  mov     [r11+8],rdi
    8a  mov     eax,7
    8f  jmp     0000000000000094h
        ; epilogue (eax = exit number)
    94  add     rsp,8
    9b  pop     r15
    9d  pop     r14
    9f  pop     r13
    a1  pop     r12
    a3  pop     rbp
    a5  pop     rbx
    a7  ret
";

#[test]
fn counting_loop() {
    let t = parse_trace(COUNTING_LOOP).unwrap();
    let c = X86Backend::new().compile(&t).unwrap();
    let listing = c.disassembly();
    assert_eq!(listing, COUNTING_LOOP_CODE, "listing changed:\n{listing}");
    let mut buf = [0u64; 2];
    // SAFETY: the trace touches no memory and calls nothing.
    let exit = unsafe { c.run(&[0, 0], &mut buf) };
    assert_eq!((exit, buf), (7, [100, 4950]));
}
