//! `--suite DIR`: the pure-Python programs of a user's own checkout of a PyPy-style
//! benchmark suite. Nothing of such a suite is committed to this repository.
//!
//! Two layouts are recognised:
//!
//! - The PyPy benchmark repository (`pypy/benchmarks`, the suite behind speed.pypy.org):
//!   `DIR/own/*.py` and `DIR/unladen_swallow/performance/bm_*.py`. Each program is a script
//!   with an `if __name__ == "__main__":` block that builds an `optparse` parser with the
//!   suite's `util.add_standard_options_to` (`-n N`: how many times to run the benchmark
//!   in the process, default 100) and prints one time per iteration. The work per
//!   iteration is fixed in the program; PyPy's own runner passes `-n 50` (`-n 5` with
//!   `--fast`). A few take a positional argument naming the variant to run (their usage
//!   line reads `%prog [pickle|unpickle] [options]`): each variant becomes a row. A
//!   directory holding plain `*.py` programs of that kind is also accepted as DIR.
//! - pyperformance (`python/pyperformance`): `DIR/pyperformance/data-files/benchmarks/`
//!   or `DIR/` holding `bm_NAME/run_benchmark.py`, described by `bm_NAME/pyproject.toml`
//!   (`[tool.pyperformance] name`, `extra_opts`, and `dependencies` beyond `pyperf`) and
//!   by variant files `bm_NAME/bm_VARIANT.toml`. These programs import `pyperf`: it is
//!   taken from the reference CPython (use a virtualenv with pyperf installed as
//!   `--cpython`) and put on `PYTHONPATH` for every implementation; the harness runs
//!   them as pyperf workers in one process (`--worker`, no child processes).
//!
//! A program is run only if it is Python 3 (CPython compiles it) and every module it
//! imports outside a `try: ... except ImportError` is in CPython's standard library
//! (`sys.stdlib_module_names`) or beside it in the suite; the others are listed with the
//! reason in the notes. The suites' programs print timings, not checksums, so only their
//! exit status is checked.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::discover::{Bench, Group};

#[derive(Clone, Debug, PartialEq)]
pub enum Layout {
    /// The PyPy benchmark repository (or a folder of programs in its style).
    PyPy,
    /// pyperformance's `bm_*/run_benchmark.py`.
    Pyperformance,
}

/// One program (or one variant of it) that the suite offers.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub name: String,
    pub script: PathBuf,
    /// Arguments after the script path.
    pub args: Vec<String>,
    /// What the table's size column shows (`-n 1`, a pyperformance variant's options).
    pub size: String,
    /// Modules that may be imported without being in the standard library: the files and
    /// folders beside the script (and at the suite's root for the PyPy layout).
    pub local: BTreeSet<String>,
}

/// What a checkout offers: its layout, the candidates, the directory to put on
/// `PYTHONPATH` (PyPy layout: the root, for `from own import util`), and the files that
/// were skipped before any analysis, with the reason.
pub struct Found {
    pub layout: Layout,
    /// The options the harness gives every program (for the notes).
    pub options: String,
    pub candidates: Vec<Candidate>,
    pub pythonpath: Option<PathBuf>,
    pub skipped: Vec<(String, String)>,
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(e) => e.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// Module names a program in `dir` can import without them being installed: `*.py`
/// files and sub-folders.
fn local_names(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for p in entries(dir) {
        let Some(file) = p.file_name().map(|s| s.to_string_lossy().to_string()) else { continue };
        if p.is_dir() {
            out.insert(file);
        } else if let Some(stem) = file.strip_suffix(".py") {
            out.insert(stem.to_string());
        }
    }
    out
}

/// The variants named by an optparse usage line such as `%prog [pickle|unpickle] [options]`.
pub fn usage_variants(source: &str) -> Vec<String> {
    let Some(at) = source.find("%prog [") else { return Vec::new() };
    let rest = &source[at + "%prog [".len()..];
    let Some(end) = rest.find(']') else { return Vec::new() };
    let parts: Vec<&str> = rest[..end].split('|').map(str::trim).collect();
    let word = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if parts.len() >= 2 && parts.iter().all(word) {
        parts.iter().map(|p| p.to_string()).collect()
    } else {
        Vec::new()
    }
}

/// Why a file of the PyPy layout is not a benchmark program, or None.
pub fn pypy_skip_reason(path: &Path, source: &str) -> Option<String> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    if stem == "util" || stem.starts_with('_') || stem.starts_with("test_") || stem == "setup" || stem == "conftest" {
        return Some("helper module".to_string());
    }
    if !source.contains("__main__") {
        return Some("no `if __name__ == \"__main__\"` entry point (a library module)".to_string());
    }
    None
}

fn pypy_layout(root: &Path, dirs: &[PathBuf], quick: bool, suite_args: &[String]) -> Found {
    let mut candidates = Vec::new();
    let mut skipped = Vec::new();
    let root_names = local_names(root);
    let mut seen = BTreeSet::new();
    for dir in dirs {
        let mut local = local_names(dir);
        local.extend(root_names.iter().cloned());
        for path in entries(dir) {
            if !path.is_file() || path.extension().is_none_or(|x| x != "py") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let source = match fs::read(&path) {
                Ok(b) => String::from_utf8_lossy(&b).to_string(),
                Err(e) => {
                    skipped.push((stem, e.to_string()));
                    continue;
                }
            };
            if let Some(why) = pypy_skip_reason(&path, &source) {
                skipped.push((stem, why));
                continue;
            }
            // unladen-swallow's runner runs bm_*.py; its other files are their modules.
            if dir.ends_with("unladen_swallow/performance") && !stem.starts_with("bm_") {
                skipped.push((stem, "a module of unladen-swallow's bm_*.py programs".to_string()));
                continue;
            }
            // The harness repeats whole processes itself; inside each process the program
            // runs its benchmark a few times (once with --quick), as PyPy's runner's
            // --fast does with -n 5.
            let mut args: Vec<String> = if !suite_args.is_empty() {
                suite_args.to_vec()
            } else if source.contains("add_standard_options_to") || source.contains("num_runs") {
                vec!["-n".to_string(), if quick { "1" } else { "5" }.to_string()]
            } else {
                Vec::new()
            };
            let mut name = stem.clone();
            if !seen.insert(name.clone()) {
                let parent = dir.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
                name = format!("{}/{}", parent, stem);
                seen.insert(name.clone());
            }
            let variants = usage_variants(&source);
            if variants.is_empty() {
                let size = args.join(" ");
                candidates.push(Candidate { name, script: path.clone(), args, size, local: local.clone() });
            } else {
                for v in variants {
                    let mut a = vec![v.clone()];
                    a.append(&mut args.clone());
                    candidates.push(Candidate {
                        name: format!("{} {}", name, v),
                        script: path.clone(),
                        size: a.join(" "),
                        args: a,
                        local: local.clone(),
                    });
                }
                args.clear();
            }
        }
    }
    let options = if !suite_args.is_empty() {
        suite_args.join(" ")
    } else {
        format!("-n {} to programs using the suite's util options", if quick { 1 } else { 5 })
    };
    Found { layout: Layout::PyPy, options, candidates, pythonpath: Some(root.to_path_buf()), skipped }
}

/// The values of a TOML key in the (small, regular) pyproject files of pyperformance: a
/// string `key = "v"` or an array of strings `key = ["a", "b"]` (possibly over several
/// lines), within `[section]` (the whole file when `section` is empty).
pub fn toml_strings(text: &str, section: &str, key: &str) -> Option<Vec<String>> {
    let mut current = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.starts_with('[') && !t.contains('=') {
            current = t.trim_matches(|c| c == '[' || c == ']').trim().to_string();
            continue;
        }
        if !section.is_empty() && current != section {
            continue;
        }
        let Some((k, v)) = t.split_once('=') else { continue };
        if k.trim() != key {
            continue;
        }
        let mut value = v.trim().to_string();
        if value.starts_with('[') {
            while !value.contains(']') {
                match lines.next() {
                    Some(l) => {
                        value.push(' ');
                        value.push_str(l.trim());
                    }
                    None => break,
                }
            }
        }
        let mut out = Vec::new();
        let mut rest = value.as_str();
        while let Some(q0) = rest.find(['"', '\'']) {
            let quote = rest[q0..].chars().next().unwrap();
            let after = &rest[q0 + 1..];
            let Some(q1) = after.find(quote) else { break };
            out.push(after[..q1].to_string());
            rest = &after[q1 + 1..];
        }
        return Some(out);
    }
    None
}

fn pyperformance_layout(base: &Path, quick: bool, suite_args: &[String]) -> Found {
    let mut candidates = Vec::new();
    let mut skipped = Vec::new();
    // pyperf worker options: one process measures what the harness times.
    let opts: Vec<String> = if !suite_args.is_empty() {
        let mut v = vec!["--worker".to_string()];
        v.extend(suite_args.iter().filter(|a| *a != "--worker").cloned());
        v
    } else if quick {
        vec!["--worker".to_string(), "--debug-single-value".to_string()]
    } else {
        ["--worker", "--loops=1", "--warmups=1", "--values=3"].iter().map(|s| s.to_string()).collect()
    };
    for dir in entries(base) {
        let dname = dir.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        if !dir.is_dir() || !dname.starts_with("bm_") {
            continue;
        }
        let script = dir.join("run_benchmark.py");
        if !script.is_file() {
            skipped.push((dname, "no run_benchmark.py".to_string()));
            continue;
        }
        let main_toml = fs::read_to_string(dir.join("pyproject.toml")).unwrap_or_default();
        let mut deps: Vec<String> = toml_strings(&main_toml, "project", "dependencies").unwrap_or_default();
        if let Ok(req) = fs::read_to_string(dir.join("requirements.txt")) {
            deps.extend(req.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty() && !l.starts_with('#')));
        }
        let third_party: Vec<String> = deps
            .iter()
            .map(|d| {
                d.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .map(|d| d.to_ascii_lowercase())
            .filter(|d| !d.is_empty() && d != "pyperf")
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let base_name = dname.trim_start_matches("bm_").to_string();
        if !third_party.is_empty() {
            skipped.push((base_name, format!("needs {} (not pure Python standard library)", third_party.join(", "))));
            continue;
        }
        let mut local = local_names(&dir);
        local.insert("pyperf".to_string());
        // The main benchmark and its variants (bm_*.toml beside pyproject.toml).
        let mut metas = vec![main_toml];
        for p in entries(&dir) {
            let f = p.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            if f.starts_with("bm_") && f.ends_with(".toml") {
                metas.push(fs::read_to_string(&p).unwrap_or_default());
            }
        }
        for meta in metas {
            let name = toml_strings(&meta, "tool.pyperformance", "name")
                .and_then(|v| v.into_iter().next())
                .unwrap_or_else(|| base_name.clone());
            let extra = toml_strings(&meta, "tool.pyperformance", "extra_opts").unwrap_or_default();
            let mut args = opts.clone();
            args.extend(extra.iter().cloned());
            candidates.push(Candidate {
                name,
                script: script.clone(),
                args,
                size: extra.join(" "),
                local: local.clone(),
            });
        }
    }
    candidates.sort_by(|a, b| a.name.cmp(&b.name));
    Found { layout: Layout::Pyperformance, options: opts.join(" "), candidates, pythonpath: None, skipped }
}

/// Finds the suite's layout and its candidate programs.
pub fn find(dir: &Path, quick: bool, suite_args: &[String]) -> Result<Found, String> {
    if !dir.is_dir() {
        return Err(format!("--suite {}: not a directory", dir.display()));
    }
    let pyperf_base = dir.join("pyperformance/data-files/benchmarks");
    if pyperf_base.is_dir() {
        return Ok(pyperformance_layout(&pyperf_base, quick, suite_args));
    }
    if entries(dir).iter().any(|p| p.join("run_benchmark.py").is_file()) {
        return Ok(pyperformance_layout(dir, quick, suite_args));
    }
    let mut dirs = Vec::new();
    for sub in ["own", "unladen_swallow/performance"] {
        if dir.join(sub).is_dir() {
            dirs.push(dir.join(sub));
        }
    }
    if dirs.is_empty() {
        dirs.push(dir.to_path_buf());
    }
    Ok(pypy_layout(dir, &dirs, quick, suite_args))
}

/// Run by the reference CPython with the candidate scripts as arguments: prints the
/// standard library's module names, then per script whether it compiles and which
/// top-level modules it imports unconditionally (outside `try: ... except ImportError`).
pub const ANALYZE_PY: &str = r#"
import ast, sys
print("STDLIB\t" + ",".join(sorted(sys.stdlib_module_names)))
CATCH = ("ImportError", "ModuleNotFoundError", "Exception", "BaseException")
def optional(handlers):
    for h in handlers:
        if h.type is None:
            return True
        elts = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
        for e in elts:
            if isinstance(e, ast.Name) and e.id in CATCH:
                return True
    return False
def walk(node, opt, out):
    if isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
        inner = opt or optional(node.handlers)
        for n in node.body:
            walk(n, inner, out)
        for n in node.handlers + node.orelse + node.finalbody:
            walk(n, opt, out)
        return
    if isinstance(node, ast.Import):
        for a in node.names:
            out.add((a.name.split(".")[0], opt))
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        out.add((node.module.split(".")[0], opt))
    for c in ast.iter_child_nodes(node):
        walk(c, opt, out)
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read(), path)
    except SyntaxError as e:
        print(path + "\tSYNTAX\t" + str(e.msg) + " (line " + str(e.lineno) + ")")
        continue
    except Exception as e:
        print(path + "\tERROR\t" + " ".join(str(e).split()))
        continue
    found = set()
    walk(tree, False, found)
    needed = sorted({m for m, o in found if not o and m != "__future__"})
    print(path + "\tOK\t" + ",".join(needed))
"#;

/// What CPython said about one script.
#[derive(Clone, Debug, PartialEq)]
pub enum Analysis {
    /// Compiles; the modules it needs.
    Ok(Vec<String>),
    /// Does not compile under CPython 3 (a Python 2 program): the message.
    Syntax(String),
    Error(String),
}

/// Parses ANALYZE_PY's output: (stdlib names, per-script analysis).
pub fn parse_analysis(out: &str) -> (BTreeSet<String>, Vec<(String, Analysis)>) {
    let mut stdlib = BTreeSet::new();
    let mut files = Vec::new();
    for line in out.lines() {
        let f: Vec<&str> = line.splitn(3, '\t').collect();
        if f.len() < 2 {
            continue;
        }
        if f[0] == "STDLIB" {
            stdlib.extend(f[1].split(',').filter(|s| !s.is_empty()).map(String::from));
            continue;
        }
        let rest = f.get(2).copied().unwrap_or("");
        let a = match f[1] {
            "OK" => Analysis::Ok(rest.split(',').filter(|s| !s.is_empty()).map(String::from).collect()),
            "SYNTAX" => Analysis::Syntax(rest.to_string()),
            _ => Analysis::Error(rest.to_string()),
        };
        files.push((f[0].to_string(), a));
    }
    (stdlib, files)
}

/// Keeps the candidates that CPython compiles and whose imports are all standard library
/// or local; returns the benches and the (name, reason) of the others.
pub fn select(
    found: &Found,
    stdlib: &BTreeSet<String>,
    analysis: &[(String, Analysis)],
    env: &[(String, String)],
) -> (Vec<Bench>, Vec<(String, String)>) {
    let mut benches = Vec::new();
    let mut skipped = Vec::new();
    for c in &found.candidates {
        let script = c.script.to_string_lossy().to_string();
        let verdict = analysis.iter().find(|(p, _)| *p == script).map(|(_, a)| a.clone());
        let why = match verdict {
            None => Some("not analysed by CPython".to_string()),
            Some(Analysis::Syntax(m)) => Some(format!("not Python 3 (CPython: SyntaxError: {})", m)),
            Some(Analysis::Error(m)) => Some(format!("cannot be read: {}", m)),
            Some(Analysis::Ok(mods)) => {
                let missing: Vec<&String> =
                    mods.iter().filter(|m| !stdlib.contains(*m) && !c.local.contains(*m)).collect();
                if missing.is_empty() {
                    None
                } else {
                    Some(format!(
                        "imports {} (neither standard library nor part of the suite)",
                        missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                }
            }
        };
        if let Some(why) = why {
            skipped.push((c.name.clone(), why));
            continue;
        }
        let mut args = vec![script];
        args.extend(c.args.iter().cloned());
        benches.push(Bench {
            name: c.name.clone(),
            group: Group::Suite,
            args,
            size: c.size.clone(),
            check_output: false,
            env: env.to_vec(),
        });
    }
    (benches, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("krait-bench-test-{}-{}", name, std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn variants_from_usage() {
        assert_eq!(usage_variants("usage=\"%prog [pickle|unpickle] [options]\""), vec!["pickle", "unpickle"]);
        assert!(usage_variants("usage=\"%prog [options]\"").is_empty());
        assert!(usage_variants("usage=\"%prog [options] [test]\"").is_empty());
        assert!(usage_variants("print(1)").is_empty());
    }

    #[test]
    fn toml_values() {
        let t = "[project]\nname = \"pyperformance_bm_x\"\ndependencies = [\n    \"pyperf\",\n    \"Chameleon\",\n]\n\n[tool.pyperformance]\nname = \"x_dict\"\nextra_opts = [\"dict\", '--fast']\n";
        assert_eq!(toml_strings(t, "project", "dependencies").unwrap(), vec!["pyperf", "Chameleon"]);
        assert_eq!(toml_strings(t, "tool.pyperformance", "name").unwrap(), vec!["x_dict"]);
        assert_eq!(toml_strings(t, "tool.pyperformance", "extra_opts").unwrap(), vec!["dict", "--fast"]);
        assert_eq!(toml_strings(t, "tool.pyperformance", "tags"), None);
    }

    #[test]
    fn pypy_layout_found() {
        let d = tmp("pypy");
        fs::create_dir_all(d.join("own")).unwrap();
        let main = "import optparse, util\nif __name__ == '__main__':\n    util.add_standard_options_to(p)\n";
        fs::write(d.join("own/chaos.py"), main).unwrap();
        fs::write(d.join("own/util.py"), "def f(): pass\n").unwrap();
        fs::write(d.join("own/lib.py"), "def f(): pass\n").unwrap();
        let pickle = "usage=\"%prog [pickle|unpickle] [options]\"\nif __name__ == '__main__': pass\n";
        fs::write(d.join("own/bm_pickle.py"), pickle).unwrap();
        let f = find(&d, true, &[]).unwrap();
        assert_eq!(f.layout, Layout::PyPy);
        let names: Vec<&str> = f.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["bm_pickle pickle", "bm_pickle unpickle", "chaos"]);
        assert_eq!(f.candidates[2].args, vec!["-n", "1"]);
        assert_eq!(f.candidates[0].args, vec!["pickle"]);
        assert!(f.candidates[2].local.contains("util"));
        assert!(f.candidates[2].local.contains("own"));
        assert_eq!(f.skipped.len(), 2);
        let f = find(&d, false, &["-n".to_string(), "3".to_string()]).unwrap();
        assert_eq!(f.candidates[2].args, vec!["-n", "3"]);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn pyperformance_layout_found() {
        let d = tmp("pyperf");
        let b = d.join("pyperformance/data-files/benchmarks");
        fs::create_dir_all(b.join("bm_nbody")).unwrap();
        fs::create_dir_all(b.join("bm_chameleon")).unwrap();
        fs::create_dir_all(b.join("bm_pickle")).unwrap();
        fs::write(b.join("bm_nbody/run_benchmark.py"), "import pyperf\n").unwrap();
        fs::write(
            b.join("bm_nbody/pyproject.toml"),
            "[project]\ndependencies = [\"pyperf\"]\n[tool.pyperformance]\nname = \"nbody\"\n",
        )
        .unwrap();
        fs::write(b.join("bm_chameleon/run_benchmark.py"), "import chameleon\n").unwrap();
        fs::write(
            b.join("bm_chameleon/pyproject.toml"),
            "[project]\ndependencies = [\n \"pyperf\",\n \"Chameleon\",\n]\n",
        )
        .unwrap();
        fs::write(b.join("bm_pickle/run_benchmark.py"), "import pyperf\n").unwrap();
        fs::write(
            b.join("bm_pickle/pyproject.toml"),
            "[tool.pyperformance]\nname = \"pickle\"\nextra_opts = [\"pickle\"]\n",
        )
        .unwrap();
        fs::write(
            b.join("bm_pickle/bm_unpickle.toml"),
            "[tool.pyperformance]\nname = \"unpickle\"\nextra_opts = [\"unpickle\"]\n",
        )
        .unwrap();
        let f = find(&d, true, &[]).unwrap();
        assert_eq!(f.layout, Layout::Pyperformance);
        let names: Vec<&str> = f.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["nbody", "pickle", "unpickle"]);
        assert_eq!(f.candidates[2].args, vec!["--worker", "--debug-single-value", "unpickle"]);
        assert!(f.candidates[0].local.contains("pyperf"));
        assert_eq!(f.skipped.len(), 1);
        assert!(f.skipped[0].1.contains("chameleon"));
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn selection() {
        let out = "STDLIB\tos,sys,optparse,time\n/s/a.py\tOK\toptparse,util\n/s/b.py\tSYNTAX\tinvalid syntax (line 3)\n/s/c.py\tOK\tnumpy,sys\n";
        let (stdlib, analysis) = parse_analysis(out);
        assert!(stdlib.contains("optparse"));
        let local: BTreeSet<String> = ["util".to_string()].into_iter().collect();
        let cand = |n: &str| Candidate {
            name: n.to_string(),
            script: PathBuf::from(format!("/s/{}.py", n)),
            args: vec!["-n".to_string(), "1".to_string()],
            size: "-n 1".to_string(),
            local: local.clone(),
        };
        let found = Found {
            layout: Layout::PyPy,
            options: String::new(),
            candidates: vec![cand("a"), cand("b"), cand("c"), cand("d")],
            pythonpath: None,
            skipped: Vec::new(),
        };
        let (benches, skipped) = select(&found, &stdlib, &analysis, &[]);
        assert_eq!(benches.len(), 1);
        assert_eq!(benches[0].args, vec!["/s/a.py", "-n", "1"]);
        assert!(!benches[0].check_output);
        assert_eq!(skipped.len(), 3);
        assert!(skipped[0].1.contains("not Python 3"));
        assert!(skipped[1].1.contains("numpy"));
    }
}
