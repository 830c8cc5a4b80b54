//! The text table and the combined `results.json`.

use crate::discover::Group;
use crate::json::Json;
use crate::model::{Results, Status};
use crate::stats::{fmt_kib, fmt_ratio, fmt_secs};

const NAME_W: usize = 26;
const SIZE_W: usize = 9;

fn pad_left(s: &str, w: usize) -> String {
    format!("{:>w$}", s, w = w)
}

fn pad_right(s: &str, w: usize) -> String {
    format!("{:<w$}", s, w = w)
}

/// Columns of one implementation: wall, cpu, [ratio,] rss.
fn impl_width(reference: bool) -> usize {
    if reference {
        9 + 9 + 7
    } else {
        9 + 9 + 8 + 7
    }
}

fn short_status(s: &Status) -> String {
    match s {
        Status::Pass => String::new(),
        Status::Fail(w) => {
            let w = w.split(" (").next().unwrap_or(w);
            format!("FAIL: {}", w)
        }
        Status::NotRun(_) => "n/a".to_string(),
    }
}

pub fn table(r: &Results) -> String {
    let m = &r.meta;
    let mut s = String::new();
    s.push_str(&format!("Krait benchmarks: {}\n", m.mode_label));
    let checked = if r.benches.iter().any(|b| b.check_output && b.group != Group::Startup) {
        "outputs compared byte for byte with CPython's"
    } else {
        "exit status checked (these programs print timings, not checksums)"
    };
    s.push_str(&format!(
        "runs: 1 warm-up + {} timed runs per cell (medians shown), per-run timeout {} s, {}\n",
        m.repeat, m.timeout_s, checked
    ));
    s.push_str(&format!(
        "date: {} .. {} UTC   host: {}   {}   CPUs: {}   krait git: {}\n",
        &m.started[..19.min(m.started.len())],
        &m.finished[..19.min(m.finished.len())],
        m.hostname,
        m.platform,
        m.cpus,
        m.git
    ));
    s.push_str(&format!("load average (1/5/15 min): at start {}, at end {}\n", m.load_start, m.load_end));
    let l1: f64 = m.load_start.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    let l1e: f64 = m.load_end.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    if l1.max(l1e) > 0.5 * m.cpus as f64 {
        s.push_str(&format!(
            "NOTE: the machine was busy (load {:.1} on {} CPUs): wall times include waiting for a CPU; the cpu columns (user+sys time) are less disturbed\n",
            l1.max(l1e),
            m.cpus
        ));
    }
    s.push_str(&format!(
        "total harness wall time: {:.1} s   peak RSS of the harness itself: {} (a child's rss cannot read below this floor)\n",
        m.total_wall,
        fmt_kib(m.harness_rss_kib)
    ));
    s.push_str("\nimplementations:\n");
    let nw = r.impls.iter().map(|i| i.name.len()).max().unwrap_or(8);
    for imp in &r.impls {
        let what = match &imp.unavailable {
            Some(why) => format!("unavailable ({})", why),
            None => format!("{}  [{}]", imp.argv.join(" "), imp.version),
        };
        s.push_str(&format!(
            "  {}  {}{}\n",
            pad_right(&imp.name, nw),
            what,
            if imp.reference { "  <- reference" } else { "" }
        ));
    }
    s.push_str(
        "\nwall = median wall-clock time; cpu = median user+sys CPU time; rss = peak resident memory;\n\
         ratio = wall / CPython's wall (below 1.00x is faster than CPython)\n\n",
    );

    let shown: Vec<usize> = (0..r.impls.len()).filter(|&i| r.impls[i].unavailable.is_none()).collect();
    // header lines
    let mut h1 = format!("{}{}", pad_right("benchmark", NAME_W), pad_left("size", SIZE_W));
    let mut h2 = format!("{}{}", pad_right("", NAME_W), pad_left("", SIZE_W));
    for &i in &shown {
        let imp = &r.impls[i];
        let w = impl_width(imp.reference);
        h1.push_str(" | ");
        h1.push_str(&pad_right(&imp.name, w));
        h2.push_str(" | ");
        if imp.reference {
            h2.push_str(&format!("{}{}{}", pad_left("wall", 9), pad_left("cpu", 9), pad_left("rss", 7)));
        } else {
            h2.push_str(&format!(
                "{}{}{}{}",
                pad_left("wall", 9),
                pad_left("cpu", 9),
                pad_left("ratio", 8),
                pad_left("rss", 7)
            ));
        }
    }
    s.push_str(&h1);
    s.push('\n');
    s.push_str(&h2);
    s.push('\n');
    s.push_str(&"-".repeat(h2.len()));
    s.push('\n');
    let mut printed_startup_rule = false;
    for (b, bench) in r.benches.iter().enumerate() {
        if !r.in_geomean(b) && !printed_startup_rule {
            s.push_str(&geomean_row(r, &shown));
            printed_startup_rule = true;
        }
        let mut name = bench.name.clone();
        if name.len() > NAME_W - 1 {
            name.truncate(NAME_W - 1);
        }
        s.push_str(&pad_right(&name, NAME_W));
        // A size is never cut short (a longer one shifts its row instead).
        s.push_str(&pad_left(&format!(" {}", bench.size), SIZE_W));
        for &i in &shown {
            let c = &r.cells[b][i];
            let imp = &r.impls[i];
            s.push_str(" | ");
            if c.passed() {
                s.push_str(&pad_left(&fmt_secs(c.median_wall().unwrap()), 9));
                s.push_str(&pad_left(&fmt_secs(c.median_cpu().unwrap()), 9));
                if !imp.reference {
                    let ratio = r.ratio(b, i).map(fmt_ratio).unwrap_or_else(|| "-".to_string());
                    s.push_str(&pad_left(&ratio, 8));
                }
                s.push_str(&pad_left(&c.max_rss_kib().map(fmt_kib).unwrap_or_default(), 7));
            } else {
                s.push_str(&pad_right(&format!("   {}", short_status(&c.status)), impl_width(imp.reference)));
            }
        }
        s.push('\n');
    }
    if !printed_startup_rule {
        s.push_str(&geomean_row(r, &shown));
    }

    s.push_str("\ngeometric mean of ratios to CPython, over the benchmarks that passed (start-up rows and programs that failed under CPython excluded):\n");
    for &i in &shown {
        if r.impls[i].reference {
            continue;
        }
        let (wall, cpu, passed, total) = r.geomeans(i);
        s.push_str(&format!(
            "  {}  wall {}   cpu {}   ({}/{} passed)\n",
            pad_right(&r.impls[i].name, nw),
            pad_left(&wall.map(fmt_ratio).unwrap_or_else(|| "-".to_string()), 7),
            pad_left(&cpu.map(fmt_ratio).unwrap_or_else(|| "-".to_string()), 7),
            passed,
            total
        ));
    }

    let mut failures = Vec::new();
    for (b, bench) in r.benches.iter().enumerate() {
        for &i in &shown {
            let c = &r.cells[b][i];
            if let Status::Fail(why) = &c.status {
                let mut line = format!("  {} under {}: {}", bench.name, r.impls[i].name, why);
                if !c.detail.is_empty() {
                    line.push_str(&format!(": {}", c.detail));
                }
                failures.push(line);
            } else if let Status::NotRun(why) = &c.status {
                failures.push(format!("  {} under {}: not run: {}", bench.name, r.impls[i].name, why));
            }
        }
    }
    if !failures.is_empty() {
        s.push_str("\nfailures (outputs saved under failures/ in the output directory):\n");
        for f in failures {
            s.push_str(&f);
            s.push('\n');
        }
    }
    if !m.notes.is_empty() {
        s.push_str("\nnotes:\n");
        for n in &m.notes {
            s.push_str(&format!("  {}\n", n));
        }
    }
    s
}

fn geomean_row(r: &Results, shown: &[usize]) -> String {
    let mut s = String::new();
    s.push_str(&pad_right("geometric mean", NAME_W));
    s.push_str(&pad_left("", SIZE_W));
    for &i in shown {
        let imp = &r.impls[i];
        s.push_str(" | ");
        if imp.reference {
            s.push_str(&pad_left("", impl_width(true)));
        } else {
            let (wall, _, passed, total) = r.geomeans(i);
            let n = format!("{}/{}", passed, total);
            s.push_str(&pad_left(&n, 18));
            s.push_str(&pad_left(&wall.map(fmt_ratio).unwrap_or_else(|| "-".to_string()), 8));
            s.push_str(&pad_left("", 7));
        }
    }
    s.push('\n');
    s
}

/// Everything about the run in one JSON document (the harness's own format).
pub fn results_json(r: &Results) -> Json {
    let m = &r.meta;
    let meta = Json::obj()
        .with("mode", m.mode_label.as_str())
        .with("quick", m.quick)
        .with("repeat", m.repeat)
        .with("warmups", 1usize)
        .with("timeout_s", m.timeout_s)
        .with("started", m.started.as_str())
        .with("finished", m.finished.as_str())
        .with("total_wall_s", m.total_wall)
        .with("hostname", m.hostname.as_str())
        .with("platform", m.platform.as_str())
        .with("cpu_count", m.cpus)
        .with("load_avg_start", m.load_start.as_str())
        .with("load_avg_end", m.load_end.as_str())
        .with("harness_maxrss_kib", m.harness_rss_kib)
        .with("krait_git", m.git.as_str())
        .with("notes", m.notes.clone());
    let impls: Vec<Json> = r
        .impls
        .iter()
        .map(|i| {
            Json::obj()
                .with("name", i.name.as_str())
                .with("argv", i.argv.clone())
                .with("version", i.version.as_str())
                .with("reference", i.reference)
                .with("available", i.unavailable.is_none())
                .with("unavailable_reason", i.unavailable.clone())
        })
        .collect();
    let run_json = |x: &crate::model::RunRec| {
        Json::obj()
            .with("wall_s", x.wall)
            .with("cpu_s", x.cpu)
            .with("maxrss_kib", x.maxrss_kib)
            .with("exit", x.exit.describe())
            .with("output_ok", x.output_ok)
            .with("load_avg_1min", x.load1)
            .with("date", x.date.as_str())
    };
    let mut benches = Vec::new();
    for (b, bench) in r.benches.iter().enumerate() {
        let mut results = Json::obj();
        for (i, imp) in r.impls.iter().enumerate() {
            let c = &r.cells[b][i];
            let (status, reason) = match &c.status {
                Status::Pass if c.passed() => ("pass", None),
                Status::Pass => ("not run", Some("no runs".to_string())),
                Status::Fail(w) => ("fail", Some(w.clone())),
                Status::NotRun(w) => ("not run", Some(w.clone())),
            };
            let cell = Json::obj()
                .with("status", status)
                .with("reason", reason)
                .with("stderr_last_line", if c.detail.is_empty() { None } else { Some(c.detail.clone()) })
                .with("median_wall_s", if c.passed() { c.median_wall() } else { None })
                .with("median_cpu_s", if c.passed() { c.median_cpu() } else { None })
                .with("max_rss_kib", c.max_rss_kib())
                .with("ratio_to_cpython", r.ratio(b, i))
                .with("cpu_ratio_to_cpython", r.cpu_ratio(b, i))
                .with("warmup", c.warmup.as_ref().map(run_json).unwrap_or(Json::Null))
                .with("runs", Json::Arr(c.runs.iter().map(run_json).collect()));
            results.set(&imp.name, cell);
        }
        benches.push(
            Json::obj()
                .with("name", bench.name.as_str())
                .with("group", bench.group.label())
                .with("size", bench.size.as_str())
                .with("args", bench.args.clone())
                .with("output_checked", bench.check_output)
                .with("results", results),
        );
    }
    let mut geo = Json::obj();
    for (i, imp) in r.impls.iter().enumerate() {
        if imp.reference || imp.unavailable.is_some() {
            continue;
        }
        let (wall, cpu, passed, total) = r.geomeans(i);
        geo.set(
            &imp.name,
            Json::obj().with("wall_ratio", wall).with("cpu_ratio", cpu).with("passed", passed).with("counted", total),
        );
    }
    Json::obj()
        .with("format", "krait-bench results 1")
        .with("metadata", meta)
        .with("implementations", Json::Arr(impls))
        .with("benchmarks", Json::Arr(benches))
        .with("geometric_means", geo)
}
