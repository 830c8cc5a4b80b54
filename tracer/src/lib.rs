//! `krait-tracer`: the language-neutral trace IR, recorder, snapshots, optimizer and
//! `Backend` trait (see `../shared/DESIGN.md`). Nothing here knows about Python: a frontend
//! records traces through `ir::TraceBuilder`, and a `Backend` turns them into something that
//! runs (machine code, or the reference interpreter of the IR).

pub mod ir;

pub use ir::{Cond, FrameState, Kind, Op, Snapshot, SnapshotId, Trace, TraceBuilder, Type, ValueId};

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
