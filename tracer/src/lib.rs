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
pub use ir::{Cond, FrameState, Kind, Op, Snapshot, SnapshotId, Trace, TraceBuilder, Type, ValueId};
pub use opt::{optimize, OptOptions};
pub use refbackend::RefBackend;
pub use stats::{Abort, JitStats};
pub use text::parse_trace;
pub use tunables::Tunables;

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
}

/// Turns traces into runnable code.
pub trait Backend {
    fn name(&self) -> &'static str;
    /// Compiles a trace that passed `Trace::check`.
    fn compile(&mut self, trace: &Trace) -> Result<Box<dyn CompiledTrace>, String>;
}
