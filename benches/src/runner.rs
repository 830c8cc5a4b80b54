//! Running one child process and measuring it: wall time, CPU time and peak RSS (from the
//! kernel's rusage of exactly that child, via `wait4`), with a timeout that kills the
//! child's whole process group.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    Timeout,
    /// The program could not be started at all.
    SpawnError(String),
}

impl Exit {
    pub fn ok(&self) -> bool {
        *self == Exit::Code(0)
    }

    pub fn describe(&self) -> String {
        match self {
            Exit::Code(c) => format!("exit {}", c),
            Exit::Signal(s) => format!("signal {}", s),
            Exit::Timeout => "timeout".to_string(),
            Exit::SpawnError(e) => format!("spawn error: {}", e),
        }
    }
}

/// The measurements of one run.
#[derive(Clone, Debug)]
pub struct Measured {
    pub exit: Exit,
    /// Wall-clock seconds from spawn to exit.
    pub wall: f64,
    /// User + system CPU seconds of the child (and of any children it waited for).
    pub cpu: f64,
    /// Peak resident set size in KiB (`ru_maxrss`).
    pub maxrss_kib: i64,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Everything a run needs besides its command line; identical for every implementation.
pub struct RunEnv<'a> {
    pub cwd: &'a Path,
    pub env: &'a [(String, String)],
    pub timeout: Duration,
}

/// Outputs larger than this are truncated (the checksums are a few lines).
const OUTPUT_CAP: usize = 4 << 20;

fn read_capped(mut r: impl Read) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 16384];
    loop {
        match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                if out.len() < OUTPUT_CAP {
                    let take = n.min(OUTPUT_CAP - out.len());
                    out.extend_from_slice(&buf[..take]);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    out
}

fn tv_secs(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

/// Run `argv` once and measure it.
pub fn run(argv: &[String], renv: &RunEnv) -> Measured {
    let fail = |e: String| Measured {
        exit: Exit::SpawnError(e),
        wall: 0.0,
        cpu: 0.0,
        maxrss_kib: 0,
        stdout: Vec::new(),
        stderr: Vec::new(),
    };
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .current_dir(renv.cwd)
        .env_clear()
        .envs(renv.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so a timeout kills everything it started.
        .process_group(0);

    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return fail(format!("{}: {}", argv[0], e)),
    };
    let pid = child.id() as libc::pid_t;
    let out = child.stdout.take().expect("piped stdout");
    let err = child.stderr.take().expect("piped stderr");
    let out_reader = thread::spawn(move || read_capped(out));
    let err_reader = thread::spawn(move || read_capped(err));

    // Watchdog: kills the process group unless told that the child has exited. The child is
    // only reaped after the watchdog has been told, so its pid (= process group id) cannot
    // have been reused when the watchdog signals it.
    let exited = Arc::new((Mutex::new(false), Condvar::new()));
    let exited2 = Arc::clone(&exited);
    let timeout = renv.timeout;
    let watchdog = thread::spawn(move || {
        let (lock, cv) = &*exited2;
        let guard = lock.lock().unwrap();
        let (guard, _) = cv.wait_timeout_while(guard, timeout, |done| !*done).unwrap();
        if !*guard {
            // SAFETY: kill(2) takes plain integers and touches no memory of ours; -pid names
            // the child's own process group, and the child is not reaped yet (WNOWAIT below),
            // so the pid cannot have been reused.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
            true
        } else {
            false
        }
    });

    // Wait for the exit without reaping (WNOWAIT), so the pid stays ours.
    loop {
        // SAFETY: siginfo_t is a plain C struct for which all-zero bytes are a valid value.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: `info` is a valid, writable siginfo_t for the duration of the call.
        let r = unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if r == 0 {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            break;
        }
    }
    let wall = start.elapsed().as_secs_f64();
    {
        let (lock, cv) = &*exited;
        *lock.lock().unwrap() = true;
        cv.notify_all();
    }
    let timed_out = watchdog.join().unwrap_or(false);
    // Anything the program left running in its group would keep our pipes open: end it.
    // SAFETY: as above, kill(2) touches no memory of ours and the child is still unreaped.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }

    let mut status: libc::c_int = 0;
    // SAFETY: rusage is a plain C struct for which all-zero bytes are a valid value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `status` and `ru` are valid, writable locals for the duration of the call.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    // `child` was reaped by wait4 above; dropping a std Child neither waits nor kills.
    drop(child);
    if r != pid {
        return Measured { stdout, stderr, ..fail(format!("wait4: {}", std::io::Error::last_os_error())) };
    }
    let exit = if timed_out {
        Exit::Timeout
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(-1)
    };
    Measured {
        exit,
        wall,
        cpu: tv_secs(&ru.ru_utime) + tv_secs(&ru.ru_stime),
        maxrss_kib: ru.ru_maxrss as i64,
        stdout,
        stderr,
    }
}

/// The peak RSS of this process's memory so far, in KiB: the floor under every child's
/// `ru_maxrss`, since Linux carries the high-water mark of the memory a child was forked
/// with across its exec. Read from `VmHWM` (`getrusage` would also count the memory of
/// whatever exec'ed this process, e.g. cargo).
pub fn own_maxrss_kib() -> i64 {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status.lines() {
            if let Some(rest) = line.strip_prefix("VmHWM:") {
                if let Some(kib) = rest.split_whitespace().next().and_then(|v| v.parse().ok()) {
                    return kib;
                }
            }
        }
    }
    // SAFETY: rusage is a plain C struct for which all-zero bytes are a valid value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid, writable rusage for the duration of the call.
    unsafe {
        libc::getrusage(libc::RUSAGE_SELF, &mut ru);
    }
    ru.ru_maxrss as i64
}

/// Last non-empty line of a stream, for failure reports.
pub fn last_line(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Vec<(String, String)> {
        vec![("PATH".to_string(), "/usr/bin:/bin".to_string())]
    }

    fn sh(script: &str, timeout: f64) -> Measured {
        let e = env();
        let renv = RunEnv { cwd: Path::new("/"), env: &e, timeout: Duration::from_secs_f64(timeout) };
        run(&["/bin/sh".to_string(), "-c".to_string(), script.to_string()], &renv)
    }

    #[test]
    fn captures_output_and_status() {
        let m = sh("echo hello; echo oops >&2; exit 3", 10.0);
        assert_eq!(m.exit, Exit::Code(3));
        assert_eq!(m.stdout, b"hello\n");
        assert_eq!(last_line(&m.stderr), "oops");
        assert!(m.maxrss_kib > 0);
    }

    #[test]
    fn stdin_is_empty_and_env_is_clean() {
        let m = sh("cat; echo \"[$HOME]\"", 10.0);
        assert_eq!(m.exit, Exit::Code(0));
        assert_eq!(m.stdout, b"[]\n");
    }

    #[test]
    fn timeout_kills_the_group() {
        let t = Instant::now();
        let m = sh("sleep 30 & sleep 30; echo never", 0.3);
        assert_eq!(m.exit, Exit::Timeout);
        assert!(t.elapsed().as_secs_f64() < 10.0);
        assert!(m.stdout.is_empty());
    }

    #[test]
    fn missing_program() {
        let e = env();
        let renv = RunEnv { cwd: Path::new("/"), env: &e, timeout: Duration::from_secs(5) };
        let m = run(&["/nonexistent/python".to_string()], &renv);
        assert!(matches!(m.exit, Exit::SpawnError(_)));
    }
}
