//! `krait-backend-x86_64`: trace IR to x86-64 machine code with dynasm-rs.
//!
//! ```text
//!   Trace ──regalloc──▶ Allocation ──assembler──▶ bytes ──mcode──▶ CodeRegion (RX)
//!   (ir.rs)  linear scan   one Loc per value   dynasm-rs     W^X copy        run()
//! ```
//!
//! # Entry, frame layout and register assignment
//!
//! A compiled trace is one function, `extern "sysv64" fn(params: *const u64, exit_buf:
//! *mut u64) -> u32`. Its prologue pushes all six callee-saved registers (rbx, rbp,
//! r12..r15: the allocator hands them out, and entering a trace is rare next to running its
//! loop), reserves the frame, stores `exit_buf` at `[rsp]` and loads every live loop
//! parameter from `params[i]` into the location the allocator gave it. The loop header
//! follows; the `jump` at the end of the body is a parallel move of its arguments into the
//! parameters' locations (cycles such as `jump v1, v0` go through r11) and a `jmp` back.
//!
//! ```text
//!   [rsp + frame + 48]        return address into `run`
//!   [rsp + frame + 40 .. 0]   saved rbx, rbp, r12, r13, r14, r15 (pushed in that order)
//!   [rsp + 8 + 8k]            spill or save slot k      ┐ the frame: an odd number of words,
//!   [rsp]                     exit_buf pointer          ┘ so rsp is 16-aligned at calls
//! ```
//!
//! Registers (see `regalloc`): Int, Word and Bool values live in rbx, rbp, r12-r15 (callee
//! saved) and rsi, rdi, r8-r10 (caller saved); Float values in xmm0-xmm13. rax, rcx, rdx,
//! r11, xmm14 and xmm15 are scratch registers of the lowering and never hold a value from
//! one op to the next. rsp addresses the frame, so no frame pointer is kept. A value that
//! finds no register lives in a spill slot for its whole life. Constants are immediates
//! where they fit; float and 64-bit constants get a register that no value of the trace
//! uses, loaded once before the loop header (callee-saved ones only when the trace calls
//! out), and are rematerialized at each use when none is left.
//!
//! # Calls
//!
//! `Call` follows the System V ABI: arguments as raw 64-bit words in rdi, rsi, rdx, rcx,
//! r8, r9 (a parallel move, since allocated values may already sit in those registers),
//! the helper's address in rax (`call rax`), the result from rax. Values live across the
//! call sit in callee-saved registers (the allocator prefers them for such values) or are
//! stored to their save slots on the frame before the call and reloaded after, so the
//! GC's conservative scan of the native stack finds every one of them while the helper
//! runs, allocates or re-enters the interpreter (the scan must include the callee-saved
//! registers, as `ir` requires). The code keeps no state outside its frame, so a helper may
//! run compiled traces, this one included, recursively. Helpers must not unwind: there is
//! no unwind information for trace frames (an `extern "C"` Rust function that panics
//! aborts instead).
//!
//! # Guards and the exit-stub protocol
//!
//! Each guard (`guard`, and the overflow checks of `int_add_ov`/`int_sub_ov`/`int_mul_ov`,
//! which compute in rax when the result's register holds a value the exit must store) is a
//! `jcc rel32` to an out-of-line stub of its own, placed after the loop (so the loop body
//! stays straight-line code). A compare whose only use is the guard right after it
//! is fused into the guard (`cmp` + `jcc`; float `==`/`!=` also test the parity flag, which
//! `ucomisd` sets for NaN). The stub first makes the snapshot's `stores` (stores the
//! optimizer sank out of the loop), then loads `exit_buf` from `[rsp]` into r11, stores the
//! values of the guard's `Snapshot::live()` there in order (floats as their bits,
//! constants as immediates), puts the guard's op index in eax and jumps to the shared
//! epilogue, which frees the frame, restores the callee-saved registers and returns.
//!
//! # Patching
//!
//! Code is assembled into a `Vec` and copied into a region of its own (`mcode`), mapped
//! read-write, then switched to read-execute; it is never writable and executable at once.
//! Every guard's jump sites are recorded (`GuardSite`), so a later bridge can be linked by
//! rewriting their rel32 through `CompiledX86::retarget_guard`, which opens the region for
//! writing through a `Writer` that restores read-execute when dropped.
//!
//! On hosts other than x86-64 this crate is empty.

#[cfg(target_arch = "x86_64")]
mod assembler;
#[cfg(target_arch = "x86_64")]
mod disasm;
#[cfg(target_arch = "x86_64")]
mod link;
#[cfg(target_arch = "x86_64")]
pub mod mcode;
#[cfg(target_arch = "x86_64")]
mod moves;
#[cfg(target_arch = "x86_64")]
pub mod regalloc;

#[cfg(target_arch = "x86_64")]
pub use x86::{CompiledX86, X86Backend};

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::cell::RefCell;

    use krait_tracer::{Backend, CompiledTrace, LinkArg, LinkStore, Trace, LINK_BUF};

    use crate::assembler::{assemble, GuardSite};
    use crate::disasm::listing;
    use crate::mcode::CodeRegion;
    use crate::regalloc::Loc;

    /// The x86-64 backend.
    #[derive(Default)]
    pub struct X86Backend;

    impl X86Backend {
        pub fn new() -> X86Backend {
            X86Backend
        }

        /// Like `Backend::compile`, but returns the concrete type (for patching).
        pub fn compile_x86(&mut self, trace: &Trace) -> Result<CompiledX86, String> {
            self.compile_with(trace, None)
        }

        fn compile_with(&mut self, trace: &Trace, tag: Option<u32>) -> Result<CompiledX86, String> {
            trace.check()?;
            trace.check_types()?;
            if tag.is_some() && trace.max_exit_len() >= krait_tracer::LINK_TAG {
                return Err(format!("{} exit values are too many for a linkable trace", trace.max_exit_len()));
            }
            let asm = assemble(trace, tag)?;
            let region = CodeRegion::new(&asm.code)?;
            let max_exit = if tag.is_some() { LINK_BUF } else { trace.max_exit_len() };
            Ok(CompiledX86 {
                region: RefCell::new(region),
                num_params: trace.params.len(),
                max_exit,
                guards: asm.guards,
                marks: asm.marks,
                frame_size: asm.frame_size as usize,
                tagged: tag.is_some(),
                link_entry: asm.link_entry,
                epilogue: asm.epilogue,
                direct_entry: asm.direct_entry,
                params: asm.params,
                thunks: RefCell::new(Vec::new()),
            })
        }
    }

    impl Backend for X86Backend {
        fn name(&self) -> &'static str {
            "x86_64"
        }

        fn compile(&mut self, trace: &Trace) -> Result<Box<dyn CompiledTrace>, String> {
            Ok(Box::new(self.compile_x86(trace)?))
        }

        fn compile_tagged(&mut self, trace: &Trace, tag: u32) -> Result<Box<dyn CompiledTrace>, String> {
            Ok(Box::new(self.compile_with(trace, Some(tag))?))
        }

        fn links(&self) -> bool {
            true
        }
    }

    /// A trace compiled to x86-64 machine code.
    pub struct CompiledX86 {
        /// In a cell: linking patches exit stubs of a trace the frontend shares.
        region: RefCell<CodeRegion>,
        num_params: usize,
        /// Exit buffer words the code may write (`LINK_BUF` for tagged code).
        max_exit: usize,
        guards: Vec<GuardSite>,
        marks: Vec<(usize, String)>,
        frame_size: usize,
        /// Compiled with a tag: exit stubs have patchable tails.
        tagged: bool,
        link_entry: usize,
        epilogue: usize,
        /// Where direct links enter (see `assembler::Assembled::direct_entry`).
        direct_entry: usize,
        /// Where the code keeps each parameter.
        params: Vec<Loc>,
        /// Link thunks of this trace's exits (alive as long as the code that jumps to them).
        thunks: RefCell<Vec<CodeRegion>>,
    }

    type Entry = extern "sysv64" fn(*const u64, *mut u64) -> u32;

    impl CompiledX86 {
        /// Bytes of stack frame below the saved registers.
        pub fn frame_size(&self) -> usize {
            self.frame_size
        }

        /// Exit numbers (guard op indices) of the trace, in code order.
        pub fn exits(&self) -> Vec<u32> {
            self.guards.iter().map(|g| g.exit).collect()
        }

        /// Where the values of guard `exit`'s `Snapshot::live()` are when it fails (the
        /// state a bridge from this guard starts in); `Loc::Slot(k)` is `[rsp + 8 + 8k]`.
        pub fn exit_locations(&self, exit: u32) -> Option<&[Loc]> {
            self.guards.iter().find(|g| g.exit == exit).map(|g| &g.live[..])
        }

        /// Address of the exit stub of guard `exit`.
        pub fn stub_address(&self, exit: u32) -> Option<*const u8> {
            let g = self.guards.iter().find(|g| g.exit == exit)?;
            // The offset is inside the region (it came from the assembler's own labels).
            Some(self.region.borrow().start().wrapping_add(g.stub))
        }

        /// Makes guard `exit` jump to `target` instead of its stub (to link a bridge, which
        /// must expect the same machine state: the trace's frame and register assignment).
        pub fn retarget_guard(&mut self, exit: u32, target: *const u8) -> Result<(), String> {
            let g = self.guards.iter().find(|g| g.exit == exit).ok_or(format!("no guard {exit}"))?;
            if g.stores {
                return Err(format!("guard {exit}'s exit makes stores a bridge jumped to directly would skip"));
            }
            let base = self.region.borrow().start() as i64;
            let mut patches = Vec::new();
            for &end in &g.jumps {
                let rel = target as i64 - (base + end as i64);
                let rel =
                    i32::try_from(rel).map_err(|_| format!("bridge target out of rel32 range of guard {exit}"))?;
                patches.push((end - 4, rel.to_le_bytes()));
            }
            let mut region = self.region.borrow_mut();
            let mut w = region.writer()?;
            for (at, bytes) in patches {
                w.write(at, &bytes)?;
            }
            Ok(())
        }
    }

    impl CompiledTrace for CompiledX86 {
        unsafe fn run(&self, params: &[u64], exit_buf: &mut [u64]) -> u32 {
            // Short buffers would let the code read or write past them: pad instead.
            let mut padded_params;
            let params = if params.len() < self.num_params {
                padded_params = params.to_vec();
                padded_params.resize(self.num_params, 0);
                &padded_params[..]
            } else {
                params
            };
            // SAFETY: the region holds code assembled by `assemble` for this signature,
            // read-execute for as long as `self` lives; it reads `num_params` words from
            // `params` and writes at most `max_exit` words to the exit buffer (both checked
            // here); the caller vouches for the helpers and memory the trace touches.
            unsafe {
                let entry: Entry = std::mem::transmute::<*const u8, Entry>(self.region.borrow().start());
                if exit_buf.len() >= self.max_exit {
                    entry(params.as_ptr(), exit_buf.as_mut_ptr())
                } else {
                    let mut buf = vec![0u64; self.max_exit];
                    let exit = entry(params.as_ptr(), buf.as_mut_ptr());
                    let n = exit_buf.len();
                    exit_buf.copy_from_slice(&buf[..n]);
                    exit
                }
            }
        }

        fn code_size(&self) -> usize {
            self.region.borrow().len()
        }

        fn disassembly(&self) -> String {
            listing(self.region.borrow().bytes(), &self.marks)
        }

        fn code_start(&self) -> Option<usize> {
            Some(self.region.borrow().start() as usize)
        }

        fn link_entry(&self) -> Option<usize> {
            self.tagged.then(|| self.region.borrow().start() as usize + self.link_entry)
        }

        unsafe fn link_exit(
            &self,
            exit: u32,
            args: &[LinkArg],
            stores: &[LinkStore],
            target: usize,
        ) -> Result<(), String> {
            if !self.tagged {
                return Err("untagged code has no patchable exits".into());
            }
            let g = self.guards.iter().find(|g| g.exit == exit).ok_or(format!("no exit {exit}"))?;
            let start = self.region.borrow().start() as u64;
            let code = crate::link::thunk(
                args,
                stores,
                self.frame_size as i32,
                exit,
                start + self.epilogue as u64,
                target as u64,
            )?;
            let thunk = CodeRegion::new(&code)?;
            let jump = crate::link::tail_jump(thunk.start() as u64);
            if jump.len() > crate::assembler::TAIL_LEN {
                return Err("stub tail too short".into());
            }
            {
                let mut region = self.region.borrow_mut();
                let mut w = region.writer()?;
                w.write(g.tail, &jump)?;
            }
            self.thunks.borrow_mut().push(thunk);
            Ok(())
        }

        unsafe fn link_exit_to(
            &self,
            exit: u32,
            args: &[LinkArg],
            stores: &[LinkStore],
            target: &dyn CompiledTrace,
        ) -> Result<(), String> {
            let Some(to) = target.as_any().and_then(|a| a.downcast_ref::<CompiledX86>()) else {
                let entry = target.link_entry().ok_or("the target cannot be linked to")?;
                // SAFETY: the caller's guarantees for `target` are those `link_exit` needs.
                return unsafe { self.link_exit(exit, args, stores, entry) };
            };
            if !self.tagged || !to.tagged {
                return Err("untagged code cannot be linked".into());
            }
            let g = self.guards.iter().find(|g| g.exit == exit).ok_or(format!("no exit {exit}"))?;
            let site = g.direct.ok_or("the exit has no direct-link site")?;
            let start = self.region.borrow().start() as u64;
            let code = crate::link::direct_thunk(&crate::link::DirectLink {
                live: &g.live,
                from_frame: self.frame_size as i32,
                args,
                stores,
                params: &to.params,
                to_frame: to.frame_size as i32,
                fallback: start + (site + crate::assembler::DIRECT_LEN) as u64,
                entry: to.region.borrow().start() as u64 + to.direct_entry as u64,
            })?;
            let thunk = CodeRegion::new(&code)?;
            let jump = crate::link::tail_jump(thunk.start() as u64);
            if jump.len() != crate::assembler::DIRECT_LEN {
                return Err("direct-link site of the wrong size".into());
            }
            {
                let mut region = self.region.borrow_mut();
                let mut w = region.writer()?;
                w.write(site, &jump)?;
            }
            self.thunks.borrow_mut().push(thunk);
            Ok(())
        }

        fn as_any(&self) -> Option<&dyn std::any::Any> {
            Some(self)
        }
    }
}
