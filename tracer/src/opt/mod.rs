//! The optimizer: a chain of small passes over a trace, one file per pass.
//!
//! ```text
//!   recorded trace ──► fold ──► cse ──► guards ──► dce ──► licm ──► fwd ──► sink ──► ranges ──► backend
//!                      constants,  same pure   guards implied   unused pure  invariant ops  a[i-1]    stores of  int intervals:
//!                      identities  op once     by earlier ones  ops go       to a preamble  after     carried    overflow checks
//!                                                                                           a[i] = w  words move and guards that
//!                                                                                                     to exits   cannot fail go
//! ```
//!
//! Every pass reads a trace and writes a new one through a `Rewriter`, which renumbers the
//! values compactly as it goes: a pass only decides, op by op, whether to keep the op (with
//! its operands renamed), replace its value by one already written, or drop it (ops without
//! a value). Snapshots keep their numbers, so a frontend that keeps data per `SnapshotId`
//! still finds it; their values are renamed, and a snapshot no op leaves through any more is
//! emptied, so the values only it named can die.
//!
//! The passes never change what a trace computes, where it exits or what the exit buffer
//! holds, with one allowance: an exit that can no longer happen (a guard shown to hold)
//! disappears, and exits renumber with the ops. Float NaN results are never folded, since
//! which NaN the hardware produces is the backend's business.
//!
//! In debug builds the trace is checked (`Trace::check`, `check_types`) after every pass.

pub mod cse;
pub mod dce;
pub mod fold;
pub mod fwd;
pub mod guards;
pub mod licm;
pub mod ranges;
pub mod sink;

use crate::ir::{Op, Snapshot, Trace, Type, ValueId};

/// Which passes run (all by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptOptions {
    /// Constant folding and algebraic identities.
    pub fold: bool,
    /// Common-subexpression elimination of pure ops (and loads, between stores and calls).
    pub cse: bool,
    /// Removal of guards (and overflow checks) implied by earlier ones.
    pub guards: bool,
    /// Dead code elimination.
    pub dce: bool,
    /// Loop-invariant code motion into a preamble (needs the trace's entry snapshot), and
    /// the passes that build on its phis: store-to-load forwarding across iterations
    /// (`fwd`) and store sinking into the exits (`sink`).
    pub licm: bool,
    /// Integer intervals (`ranges`, needs `licm`'s preamble): preamble guards on loop-carried
    /// ints, overflow checks and guards that cannot fail removed.
    pub ranges: bool,
}

impl Default for OptOptions {
    fn default() -> OptOptions {
        OptOptions { fold: true, cse: true, guards: true, dce: true, licm: true, ranges: true }
    }
}

impl OptOptions {
    /// No pass at all: `optimize` returns the trace as recorded.
    pub fn none() -> OptOptions {
        OptOptions { fold: false, cse: false, guards: false, dce: false, licm: false, ranges: false }
    }
}

/// One pass: its name (for logs) and the function that runs it.
pub type Pass = (&'static str, fn(&Trace) -> Trace);

/// The passes `opts` enables, in the order they run.
pub fn passes(opts: &OptOptions) -> Vec<Pass> {
    let all: [(bool, Pass); 8] = [
        (opts.fold, ("fold", fold::run)),
        (opts.cse, ("cse", cse::run)),
        (opts.guards, ("guards", guards::run)),
        (opts.dce, ("dce", dce::run)),
        (opts.licm, ("licm", licm::run)),
        // These two need the preamble and phis of `licm`, and switch off with it.
        (opts.licm, ("fwd", fwd::run)),
        (opts.licm, ("sink", sink::run)),
        (opts.licm && opts.ranges, ("ranges", ranges::run)),
    ];
    all.into_iter().filter(|(on, _)| *on).map(|(_, p)| p).collect()
}

/// Optimizes `trace` with the passes `opts` enables. A trace that fails `Trace::check` or
/// `check_types` is returned unchanged (the backend then reports the problem).
pub fn optimize(trace: &Trace, opts: &OptOptions) -> Trace {
    optimize_logged(trace, opts, &mut |_, _| {})
}

/// `optimize`, calling `log(pass name, trace)` after every pass (for staged IR dumps).
pub fn optimize_logged(trace: &Trace, opts: &OptOptions, log: &mut dyn FnMut(&'static str, &Trace)) -> Trace {
    if trace.check().and_then(|_| trace.check_types()).is_err() {
        return trace.clone();
    }
    let mut t = trace.clone();
    for (name, pass) in passes(opts) {
        t = pass(&t);
        debug_assert!(
            t.check().and_then(|_| t.check_types()).is_ok(),
            "pass {name} broke the trace: {:?}\n{t}",
            t.check().and_then(|_| t.check_types())
        );
        log(name, &t);
    }
    t
}

/// Writes a pass's output trace, renaming values (see the module doc).
pub struct Rewriter<'a> {
    pub src: &'a Trace,
    pub out: Trace,
    /// Type of every value of `out`.
    pub types: Vec<Type>,
    /// For each value of `src`, the value of `out` that stands for it.
    map: Vec<Option<ValueId>>,
}

impl<'a> Rewriter<'a> {
    /// Starts the output with `src`'s params (and kinds); `Param` ops map to themselves.
    pub fn new(src: &'a Trace) -> Rewriter<'a> {
        let mut r = Rewriter {
            src,
            out: Trace { params: src.params.clone(), kinds: src.kinds.clone(), entry: src.entry, ..Trace::default() },
            types: vec![],
            map: vec![None; src.ops.len()],
        };
        for i in 0..src.params.len() {
            let v = r.emit(Op::Param(i as u32));
            r.map[i] = Some(v);
        }
        r
    }

    /// The output value standing for source value `v`.
    pub fn get(&self, v: ValueId) -> ValueId {
        // Passes map every value op before any later op reads it; falling back to `v` keeps
        // a broken pass from panicking here (the debug check reports it).
        self.map.get(v.index()).copied().flatten().unwrap_or(v)
    }

    /// Source op `i` with its operands renamed to output values.
    pub fn renamed(&self, i: usize) -> Op {
        self.src.ops[i].map_operands(|v| self.get(v))
    }

    /// Appends `op` to the output, returning its value.
    pub fn emit(&mut self, op: Op) -> ValueId {
        self.types.push(op.result_type(&self.out.params));
        self.out.ops.push(op);
        ValueId(self.out.ops.len() as u32 - 1)
    }

    /// Records that source value `i` is output value `v`.
    pub fn set(&mut self, i: usize, v: ValueId) {
        self.map[i] = Some(v);
    }

    /// Appends `op` as the output of source op `i`.
    pub fn keep(&mut self, i: usize, op: Op) -> ValueId {
        let v = self.emit(op);
        self.set(i, v);
        v
    }

    /// The output op defining `v`.
    pub fn def(&self, v: ValueId) -> &Op {
        &self.out.ops[v.index()]
    }

    /// The type of output value `v`.
    pub fn ty(&self, v: ValueId) -> Type {
        self.types.get(v.index()).copied().unwrap_or(Type::Void)
    }

    /// Renames the snapshots' values, empties the snapshots no op leaves through, and
    /// returns the output trace.
    pub fn finish(mut self) -> Trace {
        let mut used = vec![false; self.src.snapshots.len()];
        if let Some(u) = self.src.entry.and_then(|e| used.get_mut(e.0 as usize)) {
            *u = true;
        }
        for op in &self.out.ops {
            if let Some(s) = op.snapshot() {
                if let Some(u) = used.get_mut(s.0 as usize) {
                    *u = true;
                }
            }
        }
        let snapshots = self
            .src
            .snapshots
            .iter()
            .zip(&used)
            .map(|(s, &used)| {
                if !used {
                    return Snapshot::default();
                }
                let mut s = s.clone();
                for f in &mut s.frames {
                    for (_, v) in &mut f.slots {
                        *v = self.get(*v);
                    }
                }
                for st in &mut s.stores {
                    st.base = self.get(st.base);
                    st.value = self.get(st.value);
                }
                s
            })
            .collect();
        self.out.snapshots = snapshots;
        self.out
    }
}

/// Test support: runs `pass` on the text trace `input` and compares with `expected`.
#[cfg(test)]
pub(crate) fn assert_pass(pass: fn(&Trace) -> Trace, input: &str, expected: &str) {
    let src = crate::text::parse_trace(input).unwrap_or_else(|e| panic!("input: {e}"));
    src.check().and_then(|_| src.check_types()).unwrap_or_else(|e| panic!("input: {e}\n{src}"));
    let want = crate::text::parse_trace(expected).unwrap_or_else(|e| panic!("expected: {e}"));
    let got = pass(&src);
    got.check().and_then(|_| got.check_types()).unwrap_or_else(|e| panic!("output: {e}\n{got}"));
    assert_eq!(got.to_string(), want.to_string(), "\n--- input\n{src}--- got\n{got}--- expected\n{want}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::{cases, random_case, Case};
    use crate::refbackend::RefBackend;

    /// The whole pipeline on the shape of trace a frontend records for `o.x += i * (2 * 3)`
    /// in a counting loop: a repeated layout guard, a reloaded field, `x + 0`, a constant
    /// product and the loop condition checked twice.
    #[test]
    fn pipeline_golden() {
        let input = "
kinds: int-overflow, type, loop
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : word
v3 = const_int 1
v4 = int_add_ov v0, v3 !s0 [int-overflow]
v5 = int_cmp lt v4, v1
guard_true v5 !s1 [loop]
v7 = as_int v2
v8 = load [v7 + 8] : int
v9 = const_int 4096
v10 = int_cmp eq v8, v9
guard_true v10 !s2 [type]
v12 = load [v7 + 8] : int
v13 = int_cmp eq v12, v9
guard_true v13 !s3 [type]
v15 = load [v7 + 16] : int
v16 = const_int 0
v17 = int_add v15, v16
v18 = int_add_ov v4, v17 !s4 [int-overflow]
v19 = const_int 2
v20 = const_int 3
v21 = int_mul v19, v20
v22 = int_mul_ov v18, v21 !s4 [int-overflow]
store [v7 + 16], v22
v24 = int_cmp gt v1, v4
guard_true v24 !s5 [loop]
jump v4, v1, v2
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=2: 0=v4 1=v1]
s2 = snapshot [meta=3: 0=v4]
s3 = snapshot [meta=4: 0=v4]
s4 = snapshot [meta=5: 0=v4 1=v17]
s5 = snapshot [meta=6: 0=v4]
";
        let expected = "
kinds: int-overflow, type, loop
v0 = param 0 : int
v1 = param 1 : int
v2 = param 2 : word
v3 = const_int 1
v4 = int_add_ov v0, v3 !s0 [int-overflow]
v5 = int_cmp lt v4, v1
guard_true v5 !s1 [loop]
v7 = as_int v2
v8 = load [v7 + 8] : int
v9 = const_int 4096
v10 = int_cmp eq v8, v9
guard_true v10 !s2 [type]
v12 = load [v7 + 16] : int
v13 = int_add_ov v4, v12 !s4 [int-overflow]
v14 = const_int 6
v15 = int_mul_ov v13, v14 !s4 [int-overflow]
store [v7 + 16], v15
jump v4, v1, v2
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=2: 0=v4 1=v1]
s2 = snapshot [meta=3: 0=v4]
s3 = snapshot
s4 = snapshot [meta=5: 0=v4 1=v12]
s5 = snapshot
";
        assert_pass(|t| optimize(t, &OptOptions::default()), input, expected);
        // With every pass off, nothing changes.
        assert_pass(|t| optimize(t, &OptOptions::none()), input, input);
    }

    /// What an exit gives the frontend: every frame's meta and each slot's type and bits.
    fn resumed(trace: &Trace, exit: u32, buf: &[u64]) -> Vec<(u64, u32, Type, u64)> {
        let Some(s) = trace.ops[exit as usize].snapshot() else { return vec![] };
        let snap = &trace.snapshots[s.0 as usize];
        let live = snap.live();
        let types = trace.types();
        let mut out = vec![];
        for f in &snap.frames {
            for &(slot, v) in &f.slots {
                let k = live.iter().position(|&l| l == v).unwrap_or(0);
                let bits = buf.get(k).copied().unwrap_or(0);
                let ty = types[v.index()];
                // Any NaN stands for any other.
                let bits = if ty == Type::Float && f64::from_bits(bits).is_nan() { u64::MAX } else { bits };
                out.push((f.meta, slot, ty, bits));
            }
        }
        out
    }

    /// Optimizes `case`'s trace and checks it still behaves the same: it leaves through the
    /// op (renumbered) that carries the same snapshot, every slot of that snapshot gets the
    /// same value (the exit buffer itself may be shorter: values the optimizer merged are
    /// stored once), and memory ends the same. Returns how many ops the optimizer removed.
    fn same_after_optimizing(case: Case) -> usize {
        let before = case.trace.clone();
        let want = case.outcome(&mut RefBackend).unwrap();
        let after = optimize(&before, &OptOptions::default());
        let shrunk = before.ops.len() - after.ops.len();
        let snap = before.ops[want.exit as usize].snapshot();
        let case = Case { trace: after, ..case };
        let got = case.outcome(&mut RefBackend).unwrap();
        let ctx = || format!("{}\n--- before\n{before}--- after\n{}", case.name, case.trace);
        assert_eq!(case.trace.ops[got.exit as usize].snapshot(), snap, "{}", ctx());
        assert_eq!(
            resumed(&case.trace, got.exit, &got.exit_buf),
            resumed(&before, want.exit, &want.exit_buf),
            "{}",
            ctx()
        );
        assert_eq!(got.mem, want.mem, "{}", ctx());
        shrunk
    }

    #[test]
    fn optimized_conformance_cases_behave_the_same() {
        for case in cases() {
            same_after_optimizing(case);
        }
    }

    /// The whole pipeline keeps every random trace's behaviour.
    #[test]
    fn optimized_random_traces_behave_the_same() {
        let shrunk: usize = (0..1500).map(|seed| same_after_optimizing(random_case(seed))).sum();
        assert!(shrunk > 1000, "the optimizer removed only {shrunk} ops");
    }
}
