//! `krait-tracer`: the language-neutral half of the tracing JIT (see `../shared/DESIGN.md`).
//! Nothing here knows about the language being run: a frontend records traces through
//! `ir::TraceBuilder`, and a `Backend` turns them into something that runs (machine code, or
//! the reference interpreter of the IR).
//!
//! ```text
//!   frontend ── back_edge ──► cache ── Record ──► TraceBuilder ──► Trace ──► opt::optimize
//!      ▲          (hotness,                       (ir: ops, guards,            │ fold, cse,
//!      │           aborts,                         snapshots)                  │ guards, dce
//!      │           blacklist)                                                  ▼
//!      └── exit number + exit buffer ◄── CompiledTrace::run ◄── Backend::compile
//!          (resume from the snapshot)                          (x86-64, AArch64, refbackend)
//! ```
//!
//! | module        | owns                                                                  |
//! |---------------|-----------------------------------------------------------------------|
//! | `ir`          | the IR contract: ops, types, snapshots, the exit ABI, checks, builder |
//! | `text`        | the text form of traces (`Display`, `parse_trace`)                    |
//! | `semantics`   | what every computing op computes, on raw words                        |
//! | `refbackend`  | `RefBackend`, the interpreter of the IR every backend must agree with |
//! | `conformance` | the suite every backend runs (`run_all`, `run_random`)                |
//! | `opt`         | the optimizer passes, one file each                                   |
//! | `cache`       | loops by key: hotness, recording, compiled code, aborts, exits        |
//! | `stats`       | `JitStats`, the counters behind `--jit-stats`                         |
//! | `tunables`    | every threshold and limit, in one table                               |

pub mod cache;
pub mod conformance;
pub mod ir;
pub mod opt;
pub mod refbackend;
pub mod semantics;
pub mod stats;
pub mod text;
pub mod tunables;

pub use cache::{CompiledLoop, OnBackEdge, TraceCache};

pub use ir::{
    Access, Cond, FrameState, Kind, LoopShape, Mem, Op, SnapStore, Snapshot, SnapshotId, Trace, TraceBuilder, Type,
    ValueId,
};
pub use opt::{optimize, OptOptions};
pub use refbackend::RefBackend;
pub use stats::{Abort, JitStats};
pub use text::parse_trace;
pub use tunables::Tunables;

/// Native linking (optional for backends): an exit of one compiled trace jumps straight
/// into another compiled trace, without returning to the frontend.
///
/// A trace compiled with `Backend::compile_tagged` writes its tag into word `LINK_TAG` of
/// the exit buffer whenever it leaves, so the frontend learns which trace of a linked
/// chain left; such traces need an exit buffer of `LINK_BUF` words. `link_exit` makes one
/// exit build the target's parameters from its exit buffer (`LinkArg`s, in the target's
/// parameter order, written to words `LINK_PARAMS..` of the buffer) and jump to the
/// target's entry; when a `LinkArg` check fails the exit leaves as it did before.
pub const LINK_BUF: usize = 512;
/// The exit buffer word that holds the tag of the trace that left.
pub const LINK_TAG: usize = 255;
/// Where a linked exit builds the target's parameters.
pub const LINK_PARAMS: usize = 256;

/// Where a linked exit takes one parameter of its target from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkArg {
    /// Word `k` of the exit buffer (a value of the exit's snapshot).
    Buf(usize),
    /// The word at address `buf[base] + offset`, when `word >> shift == tag`; the
    /// parameter is its low `shift` bits, sign-extended (an inline integer).
    MemTagged { base: usize, offset: i32, shift: u8, tag: u32 },
    /// The word at address `buf[base] + offset`, when `word >> shift < limit`; the
    /// parameter is the word itself (e.g. a float's bits).
    MemBelow { base: usize, offset: i32, shift: u8, limit: u32 },
    /// The target does not read this parameter.
    Dead,
}

/// A value of a linked exit that the target trace does not take as a parameter: the
/// thunk stores it (boxed) to the frontend's memory at `buf[base] + offset`, where the
/// frontend would have put it had the exit returned (a frame slot), before it jumps. When
/// a value has no boxed form the thunk can build, the exit leaves as it did before
/// linking (stores already made then hold the same values the frontend writes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkStore {
    /// The exit buffer word holding the value.
    pub src: usize,
    /// The exit buffer word holding the base address.
    pub base: usize,
    pub offset: i32,
    pub boxing: LinkBox,
}

/// How a `LinkStore` boxes its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkBox {
    /// Stored as it is (already a boxed word).
    Word,
    /// A boolean (0 or not): stored as `false_word + (value != 0)`.
    Bool { false_word: u64 },
    /// An int that must fit in `bits` bits (signed): stored as
    /// `tag_word | (value & ((1 << bits) - 1))`.
    Int { bits: u8, tag_word: u64 },
    /// A float that is not NaN: its bits.
    Float,
}

/// A compiled trace, ready to run.
pub trait CompiledTrace {
    /// Runs the loop with `params` (one raw 64-bit word per `Trace::params` entry, see the
    /// ABI in `ir`) until a guard fails; fills `exit_buf[..snapshot.live().len()]` and
    /// returns the failing guard's op index.
    ///
    /// # Safety
    /// The trace's `Call`s jump to the frontend's helper addresses and its loads and stores
    /// touch the frontend's memory: the caller guarantees those are valid for the values the
    /// trace will see, and that `exit_buf` is at least `Trace::max_exit_len()` long.
    unsafe fn run(&self, params: &[u64], exit_buf: &mut [u64]) -> u32;

    /// Size of the generated machine code in bytes (0 for interpreters).
    fn code_size(&self) -> usize;

    /// Human-readable machine code (empty for interpreters).
    fn disassembly(&self) -> String;

    /// Where the machine code starts (its length is `code_size`), for profilers' symbol
    /// maps; `None` for interpreters.
    fn code_start(&self) -> Option<usize> {
        None
    }

    /// The address other traces' linked exits jump to, if this trace can be linked to.
    fn link_entry(&self) -> Option<usize> {
        None
    }

    /// Links exit `exit` to the trace whose `link_entry` is `target` (see `LINK_BUF`),
    /// making `stores` first (see `LinkStore`).
    ///
    /// # Safety
    /// `target` must be the link entry of a trace that stays alive as long as this one,
    /// the arguments must give it parameters it can run with, and the caller must then
    /// handle exits of every trace of the chain (by their tags).
    unsafe fn link_exit(&self, exit: u32, args: &[LinkArg], stores: &[LinkStore], target: usize) -> Result<(), String> {
        let _ = (exit, args, stores, target);
        Err("this backend does not link traces".into())
    }

    /// Links exit `exit` to `target` like `link_exit`; a backend that knows `target`'s
    /// code may hand the values over directly (registers to registers), which is what
    /// this default does not do.
    ///
    /// # Safety
    /// As for `link_exit`, with `target` the trace whose link entry it would take.
    unsafe fn link_exit_to(
        &self,
        exit: u32,
        args: &[LinkArg],
        stores: &[LinkStore],
        target: &dyn CompiledTrace,
    ) -> Result<(), String> {
        let entry = target.link_entry().ok_or("the target cannot be linked to")?;
        // SAFETY: the caller's guarantees for `target` are those `link_exit` needs.
        unsafe { self.link_exit(exit, args, stores, entry) }
    }

    /// The concrete code, for backends that link their own traces directly.
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        None
    }
}

/// Turns traces into runnable code.
pub trait Backend {
    fn name(&self) -> &'static str;
    /// Compiles a trace that passed `Trace::check`.
    fn compile(&mut self, trace: &Trace) -> Result<Box<dyn CompiledTrace>, String>;

    /// Compiles a trace whose exits write `tag` to word `LINK_TAG` of the exit buffer and
    /// that can be linked (see `LINK_BUF`); backends without linking just compile it.
    fn compile_tagged(&mut self, trace: &Trace, tag: u32) -> Result<Box<dyn CompiledTrace>, String> {
        let _ = tag;
        self.compile(trace)
    }

    /// Whether `compile_tagged` traces can be linked.
    fn links(&self) -> bool {
        false
    }
}
