//! The trace cache: the life of every loop the frontend reports, by its loop-header key.
//!
//! ```text
//!   counting ──(threshold back edges)──► recording ──(install)──► compiled ──► run, exits
//!      ▲                                     │
//!      └──────────(abort: backoff)───────────┤
//!                                            └──(max_aborts aborts)──► blacklisted
//! ```
//!
//! The frontend calls `back_edge(key)` each time its interpreter takes a loop's back edge
//! and does what the answer says: keep interpreting, start recording, or run the compiled
//! trace. A recording ends with `install` (or `compile`, which optimizes, compiles and
//! installs) or with `abort`. Exits are reported with `note_exit`, which keeps the per-exit
//! failure counters (hot exits get bridges in a later design step) and the statistics.
//!
//! Keys are whatever identifies a loop header to the frontend (for Krait: code object and
//! block); they are hashed with a small multiplicative hash, since this runs on every back
//! edge the interpreter takes. Only one recording runs at a time: while one is under way
//! every back edge answers `Interpret` (the recorder itself sees when it is back at its
//! loop header).
//!
//! Compiled loops are shared (`Rc`) so the frontend can run one while the cache is free to
//! change (a helper called from the trace may reach another loop's back edge).

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use crate::ir::Trace;
use crate::opt::{optimize, OptOptions};
use crate::stats::{Abort, JitStats};
use crate::tunables::Tunables;
use crate::{Backend, CompiledTrace};

/// A small, fast hash for loop keys (the FxHash idea: rotate, xor, multiply).
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// A compiled loop: its code, its traces, and how often each exit was taken.
pub struct CompiledLoop {
    /// The trace as compiled: exit numbers index its ops, and its snapshots say how to
    /// resume.
    pub trace: Trace,
    /// The trace as recorded, before optimization (for logs).
    pub recorded: Trace,
    pub code: Box<dyn CompiledTrace>,
    exits: Vec<Cell<u64>>,
}

impl CompiledLoop {
    /// How many times exit `exit` was taken.
    pub fn exit_count(&self, exit: u32) -> u64 {
        self.exits.get(exit as usize).map_or(0, Cell::get)
    }

    /// The exits taken at least once, with their counts.
    pub fn taken_exits(&self) -> Vec<(u32, u64)> {
        (0..self.exits.len()).filter(|&i| self.exits[i].get() > 0).map(|i| (i as u32, self.exits[i].get())).collect()
    }
}

/// What the interpreter does at a back edge.
pub enum OnBackEdge {
    /// Keep interpreting.
    Interpret,
    /// Start recording this loop now (the cache now counts it as being recorded).
    Record,
    /// Enter this compiled trace.
    Run(Rc<CompiledLoop>),
}

enum State {
    Counting(u32),
    Recording,
    Compiled(Rc<CompiledLoop>),
    Blacklisted,
}

struct Loop {
    state: State,
    aborts: u32,
}

/// The cache (see the module doc).
pub struct TraceCache<K> {
    pub tunables: Tunables,
    pub stats: JitStats,
    loops: KeyMap<K, Loop>,
    recording: Option<K>,
}

impl<K: Hash + Eq + Clone> TraceCache<K> {
    pub fn new(tunables: Tunables) -> TraceCache<K> {
        TraceCache { tunables, stats: JitStats::default(), loops: KeyMap::default(), recording: None }
    }

    /// The interpreter took the back edge to loop header `key`.
    pub fn back_edge(&mut self, key: &K) -> OnBackEdge {
        let threshold = |aborts| self.tunables.threshold(aborts);
        let lp = match self.loops.get_mut(key) {
            Some(lp) => lp,
            None => {
                self.loops.insert(key.clone(), Loop { state: State::Counting(0), aborts: 0 });
                self.loops.get_mut(key).expect("just inserted")
            }
        };
        match &mut lp.state {
            State::Counting(n) => {
                *n = n.saturating_add(1);
                if *n < threshold(lp.aborts) || self.recording.is_some() {
                    return OnBackEdge::Interpret;
                }
                lp.state = State::Recording;
                self.recording = Some(key.clone());
                self.stats.loops_traced += 1;
                OnBackEdge::Record
            }
            State::Compiled(code) if self.recording.is_none() => {
                self.stats.trace_entries += 1;
                OnBackEdge::Run(code.clone())
            }
            _ => OnBackEdge::Interpret,
        }
    }

    /// The loop being recorded, if any.
    pub fn recording(&self) -> Option<&K> {
        self.recording.as_ref()
    }

    /// Gives up the recording of `key`: the loop counts again (needing more back edges after
    /// each abort), or is blacklisted after `Tunables::max_aborts` aborts.
    pub fn abort(&mut self, key: &K, why: Abort) {
        self.stats.note_abort(&why);
        if self.recording.as_ref() == Some(key) {
            self.recording = None;
        }
        let max = self.tunables.max_aborts;
        if let Some(lp) = self.loops.get_mut(key) {
            lp.aborts += 1;
            if lp.aborts >= max {
                lp.state = State::Blacklisted;
                self.stats.blacklisted += 1;
            } else {
                lp.state = State::Counting(0);
            }
        }
    }

    /// Installs compiled code for `key` (ending its recording).
    pub fn install(&mut self, key: K, recorded: Trace, trace: Trace, code: Box<dyn CompiledTrace>) -> Rc<CompiledLoop> {
        self.stats.note_compiled(&recorded, &trace, code.code_size());
        if self.recording.as_ref() == Some(&key) {
            self.recording = None;
        }
        let exits = (0..trace.ops.len()).map(|_| Cell::new(0)).collect();
        let lp = Rc::new(CompiledLoop { trace, recorded, code, exits });
        let aborts = self.loops.get(&key).map_or(0, |l| l.aborts);
        self.loops.insert(key, Loop { state: State::Compiled(lp.clone()), aborts });
        lp
    }

    /// Optimizes `recorded` with `opts`, compiles it with `backend` and installs it; on a
    /// compile error the recording is aborted and the error returned.
    pub fn compile(
        &mut self,
        key: K,
        recorded: Trace,
        opts: &OptOptions,
        backend: &mut dyn Backend,
    ) -> Result<Rc<CompiledLoop>, String> {
        let checked = recorded.check().and_then(|_| recorded.check_types());
        let trace = optimize(&recorded, opts);
        match checked.and_then(|_| backend.compile(&trace)) {
            Ok(code) => Ok(self.install(key, recorded, trace, code)),
            Err(e) => {
                self.abort(&key, Abort::CompileFailed(e.clone()));
                Err(e)
            }
        }
    }

    /// Counts a run of `lp` that left through `exit`; returns how often that exit has been
    /// taken (compare with `Tunables::hot_exit`).
    pub fn note_exit(&mut self, lp: &CompiledLoop, exit: u32) -> u64 {
        self.stats.note_exit(&lp.trace, exit);
        match lp.exits.get(exit as usize) {
            Some(c) => {
                c.set(c.get() + 1);
                c.get()
            }
            None => 0,
        }
    }

    /// The compiled trace of `key`, if any.
    pub fn get(&self, key: &K) -> Option<Rc<CompiledLoop>> {
        match self.loops.get(key).map(|l| &l.state) {
            Some(State::Compiled(c)) => Some(c.clone()),
            _ => None,
        }
    }

    pub fn is_blacklisted(&self, key: &K) -> bool {
        matches!(self.loops.get(key).map(|l| &l.state), Some(State::Blacklisted))
    }

    /// Forgets everything about `key` (its code too), as if its loop had never run.
    pub fn forget(&mut self, key: &K) {
        self.loops.remove(key);
        if self.recording.as_ref() == Some(key) {
            self.recording = None;
        }
    }

    /// Every compiled loop.
    pub fn compiled(&self) -> Vec<(&K, Rc<CompiledLoop>)> {
        self.loops
            .iter()
            .filter_map(|(k, l)| match &l.state {
                State::Compiled(c) => Some((k, c.clone())),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refbackend::RefBackend;
    use crate::text::parse_trace;

    fn count_loop() -> Trace {
        parse_trace(
            "kinds: ov, loop
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add_ov v0, v2 !s0 [ov]
v4 = int_cmp lt v3, v1
guard_true v4 !s1 [loop]
jump v3, v1
s0 = snapshot [meta=0: 0=v0]
s1 = snapshot [meta=1: 0=v3]",
        )
        .unwrap()
    }

    #[test]
    fn counts_records_compiles_and_runs() {
        let mut c: TraceCache<u64> = TraceCache::new(Tunables { hot_loop: 3, ..Tunables::DEFAULT });
        assert!(matches!(c.back_edge(&7), OnBackEdge::Interpret));
        assert!(matches!(c.back_edge(&7), OnBackEdge::Interpret));
        assert!(matches!(c.back_edge(&7), OnBackEdge::Record));
        assert_eq!(c.recording(), Some(&7));
        // Other loops keep interpreting while a recording is under way.
        for _ in 0..5 {
            assert!(matches!(c.back_edge(&8), OnBackEdge::Interpret));
        }
        let lp = c.compile(7, count_loop(), &OptOptions::default(), &mut RefBackend).unwrap();
        assert_eq!(c.recording(), None);
        // Loop 8 was hot while 7 recorded: it records at its next back edge.
        assert!(matches!(c.back_edge(&8), OnBackEdge::Record));
        c.abort(&8, Abort::Unsupported("frobnicate".into()));
        let OnBackEdge::Run(code) = c.back_edge(&7) else { panic!("loop 7 should run") };
        assert!(Rc::ptr_eq(&code, &lp));
        let mut buf = vec![0; code.trace.max_exit_len()];
        // SAFETY: the trace touches no memory and calls nothing.
        let exit = unsafe { code.code.run(&[0, 10], &mut buf) };
        assert_eq!(buf, vec![10]);
        assert_eq!(c.note_exit(&code, exit), 1);
        assert_eq!(c.note_exit(&code, exit), 2);
        assert_eq!(code.taken_exits(), vec![(exit, 2)]);
        let s = &c.stats;
        assert_eq!((s.loops_traced, s.loops_compiled, s.aborted(), s.trace_entries), (2, 1, 1, 1));
        assert_eq!(s.guard_failures.get("loop"), Some(&2));
    }

    #[test]
    fn aborts_back_off_then_blacklist() {
        let t = Tunables { hot_loop: 2, max_aborts: 3, abort_backoff: 2, ..Tunables::DEFAULT };
        let mut c: TraceCache<(u32, u32)> = TraceCache::new(t);
        let key = (1, 2);
        for aborts in 0..3 {
            let mut edges = 0;
            loop {
                edges += 1;
                if let OnBackEdge::Record = c.back_edge(&key) {
                    break;
                }
            }
            assert_eq!(edges, 2 << aborts, "after {aborts} aborts");
            c.abort(&key, Abort::TooLong);
        }
        assert!(c.is_blacklisted(&key));
        for _ in 0..100 {
            assert!(matches!(c.back_edge(&key), OnBackEdge::Interpret));
        }
        assert_eq!(c.stats.blacklisted, 1);
        assert_eq!(c.stats.aborts.get("trace too long"), Some(&3));
    }

    #[test]
    fn compile_errors_abort() {
        let mut c: TraceCache<u64> = TraceCache::new(Tunables { hot_loop: 1, ..Tunables::DEFAULT });
        assert!(matches!(c.back_edge(&1), OnBackEdge::Record));
        let mut bad = count_loop();
        bad.ops.pop();
        assert!(c.compile(1, bad, &OptOptions::default(), &mut RefBackend).is_err());
        assert_eq!(c.stats.aborts.get("compile failed"), Some(&1));
        assert!(c.get(&1).is_none());
    }
}
