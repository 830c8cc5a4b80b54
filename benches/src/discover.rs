//! What to run: the benchmark programs of `benches/programs` and `benches/micro` (with
//! their work sizes) and the start-up rows. (`--suite DIR` programs: `suite.rs`.)

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
    /// Environment variables added for this benchmark (the same for every implementation).
    pub env: Vec<(String, String)>,
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
            env: Vec::new(),
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
        env: Vec::new(),
    };
    vec![row("startup: -c pass", "pass"), row("startup: import optparse", "import optparse")]
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
