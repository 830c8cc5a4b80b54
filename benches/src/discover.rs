//! What to run: the benchmark programs of `benches/programs` and `benches/micro` (with
//! their work sizes), the start-up rows, and the programs of a user's PyPy-suite checkout.

use std::fs;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq)]
pub enum Group {
    Program,
    Micro,
    Startup,
    Suite,
}

impl Group {
    pub fn label(&self) -> &'static str {
        match self {
            Group::Program => "program",
            Group::Micro => "micro",
            Group::Startup => "startup",
            Group::Suite => "suite",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Bench {
    pub name: String,
    pub group: Group,
    /// Arguments after the interpreter (and its mode flags).
    pub args: Vec<String>,
    /// The work size passed on the command line ("" when none).
    pub size: String,
    /// Whether stdout is compared with CPython's (the suite's programs print timings).
    pub check_output: bool,
    /// Where the program runs (the same for every implementation).
    pub cwd: Option<PathBuf>,
}

/// Reads the `# bench-sizes: default=N quick=M` line of a benchmark program.
pub fn parse_sizes(source: &str) -> Option<(String, String)> {
    for line in source.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("# bench-sizes:") {
            let mut default = None;
            let mut quick = None;
            for item in rest.split_whitespace() {
                if let Some(v) = item.strip_prefix("default=") {
                    default = Some(v.to_string());
                } else if let Some(v) = item.strip_prefix("quick=") {
                    quick = Some(v.to_string());
                }
            }
            return Some((default?, quick?));
        }
    }
    None
}

fn py_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {}", dir.display(), e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    Ok(files)
}

/// The programs of one of our directories (programs/ or micro/).
pub fn own_programs(dir: &Path, group: Group, quick: bool) -> Result<Vec<Bench>, String> {
    let mut out = Vec::new();
    for path in py_files(dir)? {
        let source = fs::read_to_string(&path).map_err(|e| format!("{}: {}", path.display(), e))?;
        let (default, quick_size) = parse_sizes(&source)
            .ok_or_else(|| format!("{}: no `# bench-sizes: default=N quick=M` line", path.display()))?;
        let size = if quick { quick_size } else { default };
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        out.push(Bench {
            name,
            group: group.clone(),
            args: vec![path.to_string_lossy().to_string(), size.clone()],
            size,
            check_output: true,
            cwd: None,
        });
    }
    Ok(out)
}

pub fn startup_rows() -> Vec<Bench> {
    let row = |name: &str, code: &str| Bench {
        name: name.to_string(),
        group: Group::Startup,
        args: vec!["-c".to_string(), code.to_string()],
        size: String::new(),
        check_output: true,
        cwd: None,
    };
    vec![row("startup: -c pass", "pass"), row("startup: import optparse", "import optparse")]
}

/// Imports that mark a suite program as not pure Python (a C extension or a third-party
/// package that a plain interpreter does not have).
const NOT_PURE: &[&str] = &[
    "numpy",
    "twisted",
    "django",
    "genshi",
    "sqlalchemy",
    "sympy",
    "html5lib",
    "spitfire",
    "mako",
    "cffi",
    "ctypes",
    "_sqlite3",
    "sqlite3",
    "zope",
    "pyxl",
    "eparse",
    "scimark",
    "rpython",
    "pypy",
    "translate",
    "gevent",
    "greenlet",
];

fn imports_of(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let t = line.trim_start();
        let rest = if let Some(r) = t.strip_prefix("import ") {
            r
        } else if let Some(r) = t.strip_prefix("from ") {
            r.split(" import").next().unwrap_or("")
        } else {
            continue;
        };
        for part in rest.split(',') {
            let module = part.split_whitespace().next().unwrap_or("");
            let top = module.split('.').next().unwrap_or("");
            if !top.is_empty() {
                out.push(top.to_string());
            }
        }
    }
    out
}

/// Why a suite file is not run, or None when it is a benchmark to run.
pub fn suite_skip_reason(path: &Path, source: &str) -> Option<String> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    if stem == "util" || stem.starts_with('_') || stem.starts_with("test_") || stem == "setup" || stem == "conftest" {
        return Some("helper module".to_string());
    }
    if !source.contains("__main__") {
        return Some("no `if __name__ == \"__main__\"` entry point (a library module)".to_string());
    }
    for m in imports_of(source) {
        if NOT_PURE.contains(&m.as_str()) {
            return Some(format!("imports {} (not pure Python)", m));
        }
    }
    None
}

/// The pure-Python benchmark programs of a PyPy benchmark-suite checkout: `DIR/own/*.py`
/// when that folder exists, else `DIR/*.py`. Returns the benches and the skipped files.
/// (benchmarks to run, (skipped file, why) pairs)
pub type SuiteFound = (Vec<Bench>, Vec<(String, String)>);

pub fn suite_programs(dir: &Path, extra_args: &[String]) -> Result<SuiteFound, String> {
    let own = dir.join("own");
    let base = if own.is_dir() { own } else { dir.to_path_buf() };
    let mut benches = Vec::new();
    let mut skipped = Vec::new();
    for path in py_files(&base)? {
        let source = match fs::read(&path) {
            Ok(b) => String::from_utf8_lossy(&b).to_string(),
            Err(e) => {
                skipped.push((path.display().to_string(), e.to_string()));
                continue;
            }
        };
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if let Some(why) = suite_skip_reason(&path, &source) {
            skipped.push((name, why));
            continue;
        }
        let mut args = vec![path.to_string_lossy().to_string()];
        args.extend(extra_args.iter().cloned());
        benches.push(Bench {
            name,
            group: Group::Suite,
            args,
            size: extra_args.join(" "),
            check_output: false,
            cwd: Some(base.clone()),
        });
    }
    Ok((benches, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_line() {
        let src = "\"\"\"doc\"\"\"\nimport sys\n# bench-sizes: default=100 quick=20\n";
        assert_eq!(parse_sizes(src), Some(("100".to_string(), "20".to_string())));
        assert_eq!(parse_sizes("# bench-sizes: default=1\n"), None);
        assert_eq!(parse_sizes("print(1)\n"), None);
    }

    #[test]
    fn suite_filter() {
        let p = Path::new("/x/own/chaos.py");
        let main = "import optparse, util\nif __name__ == '__main__':\n    main()\n";
        assert_eq!(suite_skip_reason(p, main), None);
        assert!(suite_skip_reason(p, "def f(): pass\n").is_some());
        assert!(suite_skip_reason(Path::new("/x/own/util.py"), main).is_some());
        let np = "import numpy as np\nif __name__ == '__main__':\n    pass\n";
        assert!(suite_skip_reason(p, np).unwrap().contains("numpy"));
        let tw = "from twisted.internet import reactor\nif __name__ == '__main__': pass\n";
        assert!(suite_skip_reason(p, tw).unwrap().contains("twisted"));
    }

    #[test]
    fn our_programs_all_have_sizes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (dir, group) in [("programs", Group::Program), ("micro", Group::Micro)] {
            let quick = own_programs(&root.join(dir), group.clone(), true).unwrap();
            let full = own_programs(&root.join(dir), group, false).unwrap();
            assert!(!quick.is_empty());
            assert_eq!(quick.len(), full.len());
        }
    }
}
