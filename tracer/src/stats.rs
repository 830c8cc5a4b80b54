//! Counters of what the JIT did, printed at exit on request (a frontend's `--jit-stats`).
//!
//! `TraceCache` keeps them up to date as loops are recorded, compiled, aborted and left;
//! a frontend only prints `JitStats::report()` (or reads `fields()` for a machine-readable
//! form). Guards are counted per speculation kind, by the kind names the frontend gave its
//! traces, so the report says which speculations a program pays for and which fail.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::ir::Trace;

/// Why a recording was given up (grouped by `key()` in the statistics).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Abort {
    /// The trace grew past `Tunables::max_trace_len`.
    TooLong,
    /// Calls nested past `Tunables::max_inline_depth`.
    TooDeep,
    /// The frontend met an operation it cannot record (named by the frontend).
    Unsupported(String),
    /// The backend could not compile the trace.
    CompileFailed(String),
    /// Anything else, named by the frontend.
    Other(String),
}

impl Abort {
    /// The statistics key: the reason without per-trace detail.
    pub fn key(&self) -> String {
        match self {
            Abort::TooLong => "trace too long".into(),
            Abort::TooDeep => "inlining too deep".into(),
            Abort::Unsupported(what) => format!("unsupported: {what}"),
            Abort::CompileFailed(_) => "compile failed".into(),
            Abort::Other(what) => what.clone(),
        }
    }
}

/// The JIT's counters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JitStats {
    /// Recordings started.
    pub loops_traced: u64,
    /// Traces compiled and installed.
    pub loops_compiled: u64,
    /// Aborted recordings, by `Abort::key`.
    pub aborts: BTreeMap<String, u64>,
    /// Loops given up on after `Tunables::max_aborts` aborts.
    pub blacklisted: u64,
    /// Guards (and overflow checks) in compiled traces, by speculation kind.
    pub guards_emitted: BTreeMap<String, u64>,
    /// Exits taken, by speculation kind.
    pub guard_failures: BTreeMap<String, u64>,
    /// Times compiled code was entered.
    pub trace_entries: u64,
    /// Ops recorded, and left after optimization, over all compiled traces.
    pub ops_recorded: u64,
    pub ops_optimized: u64,
    /// Machine code generated, in bytes.
    pub code_bytes: u64,
}

fn kind_name(trace: &Trace, k: crate::ir::Kind) -> String {
    trace.kinds.get(k.0 as usize).cloned().unwrap_or_else(|| format!("#{}", k.0))
}

impl JitStats {
    /// Counts a compiled trace: `recorded` as the frontend recorded it, `optimized` as
    /// compiled, `code_bytes` from the backend.
    pub fn note_compiled(&mut self, recorded: &Trace, optimized: &Trace, code_bytes: usize) {
        self.loops_compiled += 1;
        self.ops_recorded += recorded.ops.len() as u64;
        self.ops_optimized += optimized.ops.len() as u64;
        self.code_bytes += code_bytes as u64;
        for op in &optimized.ops {
            if let Some(k) = op.kind() {
                *self.guards_emitted.entry(kind_name(optimized, k)).or_default() += 1;
            }
        }
    }

    pub fn note_abort(&mut self, why: &Abort) {
        *self.aborts.entry(why.key()).or_default() += 1;
    }

    /// Counts an exit through op `exit` of `trace`.
    pub fn note_exit(&mut self, trace: &Trace, exit: u32) {
        let kind = trace.ops.get(exit as usize).and_then(|op| op.kind());
        let name = kind.map_or_else(|| "?".to_string(), |k| kind_name(trace, k));
        *self.guard_failures.entry(name).or_default() += 1;
    }

    pub fn aborted(&self) -> u64 {
        self.aborts.values().sum()
    }

    /// Every counter as `(name, value)`, for machine-readable output.
    pub fn fields(&self) -> Vec<(String, u64)> {
        let mut out = vec![
            ("loops_traced".to_string(), self.loops_traced),
            ("loops_compiled".to_string(), self.loops_compiled),
            ("loops_aborted".to_string(), self.aborted()),
            ("loops_blacklisted".to_string(), self.blacklisted),
            ("trace_entries".to_string(), self.trace_entries),
            ("ops_recorded".to_string(), self.ops_recorded),
            ("ops_optimized".to_string(), self.ops_optimized),
            ("code_bytes".to_string(), self.code_bytes),
        ];
        out.extend(self.aborts.iter().map(|(k, v)| (format!("abort[{k}]"), *v)));
        out.extend(self.guards_emitted.iter().map(|(k, v)| (format!("guards[{k}]"), *v)));
        out.extend(self.guard_failures.iter().map(|(k, v)| (format!("guard_failures[{k}]"), *v)));
        out
    }

    /// The human-readable report.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "jit: loops traced {}, compiled {}, aborted {}, blacklisted {}",
            self.loops_traced,
            self.loops_compiled,
            self.aborted(),
            self.blacklisted
        );
        for (why, n) in &self.aborts {
            let _ = writeln!(s, "jit:   aborted ({why}): {n}");
        }
        let _ = writeln!(
            s,
            "jit: trace entries {}, ops recorded {} -> {} after optimization, machine code {} bytes",
            self.trace_entries, self.ops_recorded, self.ops_optimized, self.code_bytes
        );
        let mut kinds: Vec<&String> = self.guards_emitted.keys().chain(self.guard_failures.keys()).collect();
        kinds.sort();
        kinds.dedup();
        if !kinds.is_empty() {
            let width = kinds.iter().map(|k| k.len()).max().unwrap_or(0).max(10);
            let _ = writeln!(s, "jit: {:<width$} {:>10} {:>10}", "guard kind", "emitted", "failed");
            for k in kinds {
                let emitted = self.guards_emitted.get(k).copied().unwrap_or(0);
                let failed = self.guard_failures.get(k).copied().unwrap_or(0);
                let _ = writeln!(s, "jit: {k:<width$} {emitted:>10} {failed:>10}");
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse_trace;

    #[test]
    fn counts_guards_by_kind_and_reports() {
        let t = parse_trace(
            "kinds: ov, type
v0 = param 0 : int
v1 = const_int 1
v2 = int_add_ov v0, v1 !s0 [ov]
v3 = int_cmp lt v2, v1
guard_true v3 !s0 [type]
guard_false v3 !s0 [type]
jump v2
s0 = snapshot [meta=0: 0=v0]",
        )
        .unwrap();
        let mut st = JitStats { loops_traced: 2, ..JitStats::default() };
        st.note_compiled(&t, &t, 100);
        st.note_exit(&t, 4);
        st.note_exit(&t, 4);
        st.note_abort(&Abort::TooLong);
        st.note_abort(&Abort::Unsupported("yield".into()));
        assert_eq!(st.guards_emitted.get("type"), Some(&2));
        assert_eq!(st.guards_emitted.get("ov"), Some(&1));
        assert_eq!(st.guard_failures.get("type"), Some(&2));
        let r = st.report();
        assert!(r.contains("loops traced 2, compiled 1, aborted 2"), "{r}");
        assert!(r.contains("aborted (unsupported: yield): 1"), "{r}");
        assert!(r.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["jit:", "type", "2", "2"]), "{r}");
        assert!(st.fields().contains(&("guards[ov]".to_string(), 1)));
    }
}
