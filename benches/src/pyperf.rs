//! One pyperf-format JSON file per implementation, so that
//! `python3 -m pyperf compare_to OUT/cpython.json OUT/krait-off.json` works.
//!
//! pyperf's format (version "1.0"): a suite `{"version", "metadata", "benchmarks"}`; each
//! benchmark `{"metadata": {"name", "unit", "loops"}, "runs": [...]}`; each run
//! `{"metadata": {...}, "warmups": [[loops, value]], "values": [value, ...]}`. pyperf runs
//! one worker process per run; so does this harness, so each timed process is one run with
//! one value, and the warm-up process is recorded as the first run's warm-up.

use crate::json::Json;
use crate::model::Results;

pub fn suite(r: &Results, imp: usize) -> Option<Json> {
    let i = &r.impls[imp];
    if i.unavailable.is_some() {
        return None;
    }
    let mut benchmarks = Vec::new();
    for (b, bench) in r.benches.iter().enumerate() {
        let c = &r.cells[b][imp];
        if !c.passed() {
            continue;
        }
        let mut runs = Vec::new();
        for (k, run) in c.runs.iter().enumerate() {
            if run.wall.is_nan() || run.wall <= 0.0 {
                continue;
            }
            let mut meta = Json::obj().with("date", run.date.as_str()).with("duration", run.wall);
            if run.maxrss_kib > 0 {
                meta.set("mem_max_rss", run.maxrss_kib * 1024);
            }
            meta.set("load_avg_1min", run.load1.max(0.0));
            meta.set("cpu_time", run.cpu);
            let mut rj = Json::obj().with("metadata", meta);
            if k == 0 {
                if let Some(w) = &c.warmup {
                    if w.wall > 0.0 {
                        rj.set("warmups", Json::Arr(vec![Json::Arr(vec![Json::Int(1), Json::Num(w.wall)])]));
                    }
                }
            }
            rj.set("values", Json::Arr(vec![Json::Num(run.wall)]));
            runs.push(rj);
        }
        if runs.is_empty() {
            continue;
        }
        let mut desc = format!("{} {}", bench.group.label(), bench.name);
        if !bench.size.is_empty() {
            desc.push_str(&format!(", size {}", bench.size));
        }
        benchmarks.push(
            Json::obj()
                .with(
                    "metadata",
                    Json::obj()
                        .with("name", bench.name.as_str())
                        .with("description", desc)
                        .with("unit", "second")
                        .with("loops", 1i64),
                )
                .with("runs", Json::Arr(runs)),
        );
    }
    if benchmarks.is_empty() {
        return None;
    }
    let m = &r.meta;
    let mut meta = Json::obj().with("cpu_count", m.cpus);
    // pyperf rejects empty string values
    for (k, v) in [
        ("hostname", m.hostname.clone()),
        ("platform", m.platform.clone()),
        ("python_implementation", i.family.clone()),
        ("python_version", i.version.clone()),
        ("python_executable", i.argv.join(" ")),
        ("perf_version", "krait-bench".to_string()),
        ("krait_git", if i.family == "krait" { m.git.clone() } else { String::new() }),
    ] {
        if !v.trim().is_empty() {
            meta.set(k, v);
        }
    }
    Some(Json::obj().with("version", "1.0").with("metadata", meta).with("benchmarks", Json::Arr(benchmarks)))
}
