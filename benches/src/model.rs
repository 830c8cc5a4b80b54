//! The results of a harness run: implementations, benchmarks and one cell per pair.

use crate::discover::{Bench, Group};
use crate::runner::Exit;
use crate::stats;

#[derive(Clone, Debug)]
pub struct Impl {
    /// Short name used in tables and file names: "cpython", "pypy3", "krait-off", ...
    pub name: String,
    /// Executable followed by its mode flags.
    pub argv: Vec<String>,
    /// Version line(s) as the implementation reports them.
    pub version: String,
    /// CPython: the reference every output is compared with and every ratio is relative to.
    pub reference: bool,
    /// Why it is not run (a Krait mode that is not available yet), or None.
    pub unavailable: Option<String>,
    /// "cpython", "pypy", "krait" (pyperf's python_implementation metadata).
    pub family: String,
}

/// One measured run of one benchmark under one implementation.
#[derive(Clone, Debug)]
pub struct RunRec {
    pub exit: Exit,
    pub wall: f64,
    pub cpu: f64,
    pub maxrss_kib: i64,
    /// 1-minute load average when the run ended.
    pub load1: f64,
    /// UTC date of the end of the run, "YYYY-MM-DD HH:MM:SS.ffffff".
    pub date: String,
    /// Whether the run's stdout equalled CPython's (true when outputs are not compared).
    pub output_ok: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Pass,
    /// Short reason ("output", "exit 1", "timeout", "signal 11", ...).
    Fail(String),
    /// Not run: implementation unavailable, or no reference output.
    NotRun(String),
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub warmup: Option<RunRec>,
    pub runs: Vec<RunRec>,
    pub status: Status,
    /// Last non-empty line of stderr of the failing run (for the failure list).
    pub detail: String,
}

impl Cell {
    pub fn new() -> Cell {
        Cell { warmup: None, runs: Vec::new(), status: Status::Pass, detail: String::new() }
    }

    pub fn passed(&self) -> bool {
        self.status == Status::Pass && !self.runs.is_empty()
    }

    pub fn median_wall(&self) -> Option<f64> {
        stats::median(&self.runs.iter().map(|r| r.wall).collect::<Vec<_>>())
    }

    pub fn median_cpu(&self) -> Option<f64> {
        stats::median(&self.runs.iter().map(|r| r.cpu).collect::<Vec<_>>())
    }

    /// Peak RSS over the timed runs and the warm-up.
    pub fn max_rss_kib(&self) -> Option<i64> {
        self.runs.iter().chain(self.warmup.iter()).map(|r| r.maxrss_kib).max()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub quick: bool,
    pub repeat: usize,
    pub timeout_s: f64,
    pub mode_label: String,
    pub started: String,
    pub finished: String,
    pub total_wall: f64,
    pub hostname: String,
    pub platform: String,
    pub cpus: usize,
    pub load_start: String,
    pub load_end: String,
    pub harness_rss_kib: i64,
    pub git: String,
    pub notes: Vec<String>,
}

pub struct Results {
    pub meta: Meta,
    pub impls: Vec<Impl>,
    pub benches: Vec<Bench>,
    /// cells[bench][impl]
    pub cells: Vec<Vec<Cell>>,
}

impl Results {
    pub fn reference(&self) -> usize {
        self.impls.iter().position(|i| i.reference).expect("a reference implementation")
    }

    /// Median wall time of `imp` divided by CPython's, when both passed.
    pub fn ratio(&self, bench: usize, imp: usize) -> Option<f64> {
        let r = self.reference();
        let (c, base) = (&self.cells[bench][imp], &self.cells[bench][r]);
        if !c.passed() || !base.passed() {
            return None;
        }
        Some(c.median_wall()? / base.median_wall()?)
    }

    pub fn cpu_ratio(&self, bench: usize, imp: usize) -> Option<f64> {
        let r = self.reference();
        let (c, base) = (&self.cells[bench][imp], &self.cells[bench][r]);
        if !c.passed() || !base.passed() {
            return None;
        }
        let b = base.median_cpu()?;
        if b <= 0.0 {
            return None;
        }
        Some(c.median_cpu()? / b)
    }

    /// Benchmarks that count for the geometric mean (not the start-up rows).
    pub fn in_geomean(&self, bench: usize) -> bool {
        self.benches[bench].group != Group::Startup
    }

    /// (geomean of wall ratios, geomean of CPU ratios, passed, counted programs) of one
    /// implementation. Counted: the programs that CPython ran (a suite program that fails
    /// under CPython has no ratio for anyone).
    pub fn geomeans(&self, imp: usize) -> (Option<f64>, Option<f64>, usize, usize) {
        let mut wall = Vec::new();
        let mut cpu = Vec::new();
        let mut total = 0;
        let reference = self.reference();
        for b in 0..self.benches.len() {
            if !self.in_geomean(b) || !self.cells[b][reference].passed() {
                continue;
            }
            total += 1;
            if let Some(r) = self.ratio(b, imp) {
                wall.push(r);
                if let Some(c) = self.cpu_ratio(b, imp) {
                    cpu.push(c);
                }
            }
        }
        let cpu_g = if cpu.len() == wall.len() { stats::geomean(&cpu) } else { None };
        (stats::geomean(&wall), cpu_g, wall.len(), total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imp(name: &str, reference: bool) -> Impl {
        Impl {
            name: name.to_string(),
            argv: vec![name.to_string()],
            version: String::new(),
            reference,
            unavailable: None,
            family: "cpython".to_string(),
        }
    }

    fn bench(name: &str, group: Group) -> Bench {
        Bench {
            name: name.to_string(),
            group,
            args: Vec::new(),
            size: String::new(),
            check_output: true,
            env: Vec::new(),
        }
    }

    fn cell(wall: Option<f64>) -> Cell {
        let mut c = Cell::new();
        match wall {
            Some(w) => c.runs.push(RunRec {
                exit: Exit::Code(0),
                wall: w,
                cpu: w,
                maxrss_kib: 1,
                load1: 0.0,
                date: String::new(),
                output_ok: true,
            }),
            None => c.status = Status::Fail("exit 1".to_string()),
        }
        c
    }

    #[test]
    fn geomean_counts_only_what_cpython_ran() {
        let r = Results {
            meta: Meta::default(),
            impls: vec![imp("cpython", true), imp("other", false)],
            benches: vec![
                bench("a", Group::Suite),
                bench("b", Group::Suite),
                bench("c", Group::Suite),
                bench("d", Group::Suite),
                bench("startup", Group::Startup),
            ],
            cells: vec![
                vec![cell(Some(1.0)), cell(Some(2.0))],
                vec![cell(Some(1.0)), cell(Some(8.0))],
                vec![cell(Some(1.0)), cell(None)],
                vec![cell(None), cell(Some(1.0))], // CPython failed: no ratio for anyone
                vec![cell(Some(1.0)), cell(Some(100.0))],
            ],
        };
        assert_eq!(r.ratio(1, 1), Some(8.0));
        assert_eq!(r.ratio(3, 1), None);
        let (wall, cpu, passed, counted) = r.geomeans(1);
        assert!((wall.unwrap() - 4.0).abs() < 1e-12);
        assert!((cpu.unwrap() - 4.0).abs() < 1e-12);
        assert_eq!((passed, counted), (2, 3));
    }
}
