//! Every user-tunable parameter of the tracing JIT, in one table, with its default.
//!
//! | field              | default | meaning                                                            |
//! |--------------------|---------|--------------------------------------------------------------------|
//! | `hot_loop`         | 50      | back edges a loop header takes before it is recorded               |
//! | `max_trace_len`    | 4000    | ops a recording may emit before it aborts as too long              |
//! | `max_inline_depth` | 8       | calls deep a recording may inline before it aborts                 |
//! | `max_aborts`       | 4       | aborted recordings of one loop before it is blacklisted            |
//! | `abort_backoff`    | 2       | after each abort the loop must get this many times hotter again    |
//! | `hot_exit`         | 50      | failures of one exit before it counts as hot (for bridges)         |
//!
//! `hot_loop` is what a frontend's threshold flag sets; 1 records every loop on its first
//! back edge. The backoff keeps a loop that aborts for a transient reason (an exception on
//! the recorded iteration, say) from being retried on every iteration: after `n` aborts it
//! needs `hot_loop * abort_backoff^n` more back edges. The numbers are in the range LuaJIT
//! (`hotloop` 56, `maxrecord` 4000, `hotexit` 10) and PyPy (`trace_limit` 6000) use;
//! change them with a measurement.

/// The tunables (see the module doc for the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tunables {
    pub hot_loop: u32,
    pub max_trace_len: usize,
    pub max_inline_depth: u32,
    pub max_aborts: u32,
    pub abort_backoff: u32,
    pub hot_exit: u64,
}

impl Tunables {
    pub const DEFAULT: Tunables = Tunables {
        hot_loop: 50,
        max_trace_len: 4000,
        max_inline_depth: 8,
        max_aborts: 4,
        abort_backoff: 2,
        hot_exit: 50,
    };

    /// Back edges a loop needs before its next recording, after `aborts` aborts.
    pub fn threshold(&self, aborts: u32) -> u32 {
        let factor = self.abort_backoff.max(1).saturating_pow(aborts);
        self.hot_loop.max(1).saturating_mul(factor)
    }
}

impl Default for Tunables {
    fn default() -> Tunables {
        Tunables::DEFAULT
    }
}
