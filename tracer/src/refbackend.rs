//! The reference backend: an interpreter of the trace IR.
//!
//! It is the executable meaning of the contract in `ir`: every machine backend must give
//! the same exit number and exit buffer (and leave memory in the same state) for the same
//! trace and inputs, which `conformance` checks. It is written for obviousness, not speed:
//! each value lives in a `Vec<u64>` slot indexed by its `ValueId`, and the body is walked
//! op by op until a guard fails.
//!
//! Arithmetic comes from `semantics`, shared with constant folding. Memory ops and calls are
//! what they say: raw loads and stores at the computed address, and calls through the
//! helper's address with the arguments as raw words.

use crate::ir::{Op, Trace, ValueId};
use crate::semantics::{eval, Eval};
use crate::{Backend, CompiledTrace};

/// The reference backend (see the module doc).
#[derive(Default)]
pub struct RefBackend;

impl RefBackend {
    pub fn new() -> RefBackend {
        RefBackend
    }
}

impl Backend for RefBackend {
    fn name(&self) -> &'static str {
        "ref"
    }

    /// Checks the trace (structure and operand types) and keeps a copy to interpret.
    fn compile(&mut self, trace: &Trace) -> Result<Box<dyn CompiledTrace>, String> {
        trace.check()?;
        trace.check_types()?;
        let live = trace.snapshots.iter().map(|s| s.live()).collect();
        Ok(Box::new(RefTrace { trace: trace.clone(), live }))
    }
}

/// A trace ready to be interpreted.
pub struct RefTrace {
    trace: Trace,
    /// `Snapshot::live()` of each snapshot, computed once.
    live: Vec<Vec<ValueId>>,
}

/// `base + offset (+ index * 8)`, wrapping like the machine's address arithmetic.
fn address(base: u64, index: Option<u64>, offset: i32) -> usize {
    let scaled = index.map_or(0, |i| i.wrapping_mul(8));
    base.wrapping_add(scaled).wrapping_add(offset as i64 as u64) as usize
}

/// Calls the `extern "C"` helper at `func` with `args` as raw words.
///
/// # Safety
/// `func` must be the address of an `extern "C"` function taking `args.len()` 64-bit
/// integer arguments (at most 6) and returning a 64-bit integer or nothing.
unsafe fn call(func: u64, args: &[u64]) -> u64 {
    type F0 = extern "C" fn() -> u64;
    type F1 = extern "C" fn(u64) -> u64;
    type F2 = extern "C" fn(u64, u64) -> u64;
    type F3 = extern "C" fn(u64, u64, u64) -> u64;
    type F4 = extern "C" fn(u64, u64, u64, u64) -> u64;
    type F5 = extern "C" fn(u64, u64, u64, u64, u64) -> u64;
    type F6 = extern "C" fn(u64, u64, u64, u64, u64, u64) -> u64;
    let p = func as usize;
    // SAFETY: the caller guarantees `p` is a helper of this arity (the `CompiledTrace::run`
    // contract); a fn pointer and a usize have the same size.
    unsafe {
        match *args {
            [] => std::mem::transmute::<usize, F0>(p)(),
            [a] => std::mem::transmute::<usize, F1>(p)(a),
            [a, b] => std::mem::transmute::<usize, F2>(p)(a, b),
            [a, b, c] => std::mem::transmute::<usize, F3>(p)(a, b, c),
            [a, b, c, d] => std::mem::transmute::<usize, F4>(p)(a, b, c, d),
            [a, b, c, d, e] => std::mem::transmute::<usize, F5>(p)(a, b, c, d, e),
            [a, b, c, d, e, g] => std::mem::transmute::<usize, F6>(p)(a, b, c, d, e, g),
            // `Trace::check` rejects more than 6 arguments before a trace gets here.
            _ => 0,
        }
    }
}

impl RefTrace {
    /// The trace this interprets.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    fn exit(&self, i: usize, vals: &[u64], exit_buf: &mut [u64]) -> u32 {
        if let Some(snap) = self.trace.ops[i].snapshot() {
            for st in &self.trace.snapshots[snap.0 as usize].stores {
                let a = address(vals[st.base.index()], None, st.offset);
                // SAFETY: a snapshot's stores are stores the trace made in its loop (the
                // optimizer moved them to the exits), to memory the caller of `run`
                // guarantees valid and writable.
                unsafe {
                    std::ptr::write_unaligned(std::ptr::with_exposed_provenance_mut::<u64>(a), vals[st.value.index()])
                };
            }
            for (slot, v) in exit_buf.iter_mut().zip(&self.live[snap.0 as usize]) {
                *slot = vals[v.index()];
            }
        }
        i as u32
    }
}

impl CompiledTrace for RefTrace {
    unsafe fn run(&self, params: &[u64], exit_buf: &mut [u64]) -> u32 {
        let ops = &self.trace.ops;
        let np = self.trace.params.len();
        let body = self.trace.loop_start();
        let mut start = np;
        let mut vals = vec![0u64; ops.len()];
        for (v, p) in vals.iter_mut().zip(params).take(np) {
            *v = *p;
        }
        loop {
            for i in start..ops.len() {
                let get = |v: &ValueId| vals[v.index()];
                let r = match &ops[i] {
                    Op::Load { base, offset, .. } => {
                        let a = address(get(base), None, *offset);
                        // SAFETY: the caller of `run` guarantees the trace's loads touch
                        // valid memory; `read_unaligned` because nothing promises alignment.
                        unsafe { std::ptr::read_unaligned(std::ptr::with_exposed_provenance::<u64>(a)) }
                    }
                    Op::LoadIndexed { base, index, offset, .. } => {
                        let a = address(get(base), Some(get(index)), *offset);
                        // SAFETY: as for `Load`.
                        unsafe { std::ptr::read_unaligned(std::ptr::with_exposed_provenance::<u64>(a)) }
                    }
                    Op::Store { base, offset, value, .. } => {
                        let a = address(get(base), None, *offset);
                        // SAFETY: the caller of `run` guarantees the trace's stores touch
                        // valid, writable memory.
                        unsafe {
                            std::ptr::write_unaligned(std::ptr::with_exposed_provenance_mut::<u64>(a), get(value))
                        };
                        0
                    }
                    Op::StoreIndexed { base, index, offset, value, .. } => {
                        let a = address(get(base), Some(get(index)), *offset);
                        // SAFETY: as for `Store`.
                        unsafe {
                            std::ptr::write_unaligned(std::ptr::with_exposed_provenance_mut::<u64>(a), get(value))
                        };
                        0
                    }
                    Op::LoadByte { base, index, offset, .. } => {
                        // The index is not scaled: it goes into the base.
                        let a = address(get(base).wrapping_add(get(index)), None, *offset);
                        // SAFETY: as for `Load`.
                        unsafe { std::ptr::read(std::ptr::with_exposed_provenance::<u8>(a)) as u64 }
                    }
                    Op::StoreByte { base, index, offset, value, .. } => {
                        let a = address(get(base).wrapping_add(get(index)), None, *offset);
                        // SAFETY: as for `Store`.
                        unsafe { std::ptr::write(std::ptr::with_exposed_provenance_mut::<u8>(a), get(value) as u8) };
                        0
                    }
                    Op::Call { func, args, .. } => {
                        let words: Vec<u64> = args.iter().map(get).collect();
                        // SAFETY: the caller of `run` guarantees `func` is a helper of this
                        // arity that is valid for the values the trace passes. The result is
                        // taken as raw bits (a helper returning `Bool` returns 0 or 1 as u64).
                        unsafe { call(*func, &words) }
                    }
                    Op::Guard { cond, expect, .. } => {
                        if (get(cond) != 0) != *expect {
                            return self.exit(i, &vals, exit_buf);
                        }
                        0
                    }
                    Op::Exit { .. } => return self.exit(i, &vals, exit_buf),
                    Op::Phi(init, _) => get(init),
                    Op::Jump(args) => {
                        let next: Vec<u64> = args.iter().map(get).collect();
                        vals[..np].copy_from_slice(&next[..np]);
                        for (p, v) in self.trace.phis().into_iter().zip(&next[np..]) {
                            vals[p] = *v;
                        }
                        start = body;
                        break;
                    }
                    op => match eval(op, |v| vals[v.index()]) {
                        Eval::Value(x) => x,
                        Eval::Overflow => return self.exit(i, &vals, exit_buf),
                        // Params only appear first; every other op is handled above.
                        Eval::NotComputed => 0,
                    },
                };
                vals[i] = r;
            }
        }
    }

    fn code_size(&self) -> usize {
        0
    }

    fn disassembly(&self) -> String {
        String::new()
    }
}
