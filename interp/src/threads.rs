//! Python threads as green threads: `_thread.start_new_thread` runs a Python callable on a
//! native stack of its own, on the one OS thread the interpreter (its heap, its
//! thread-locals, its collector) lives on. One thread runs at a time, as under CPython's
//! GIL; the running thread hands over
//!
//! - when it waits: for a lock another thread holds (`wait_for`), in `time.sleep`, or at
//!   its end;
//! - every `SWITCH_INTERVAL` of running time, checked at the interpreter's loop back edges
//!   (`tick`) when only audited interpreter code is below (`gc::GcState::native_depth` is
//!   0) and no trace is being recorded.
//!
//! ```text
//!   thread A: ... lock.acquire() -> wait_for -> switch_to(B) ─┐      ┌─> returns in A
//!   thread B:                          (B's stack) runs ... ──┴─ ... ┘ switch_to(A)
//! ```
//!
//! A switch saves the callee-saved registers on the running stack, stores its stack
//! pointer in the thread's record and loads the other thread's (`krait_green_switch`,
//! per architecture below); a new thread starts in `krait_green_start`, which calls
//! `green_entry`. The per-thread parts of the `Vm` (its frame list, Python call depth,
//! handled exception, stack limit, the collector's native depth and stack base) are
//! swapped with the stacks (`Saved`).
//!
//! The collector sees every thread: `trace_roots` traces the frames and values of the
//! suspended threads, `each_suspended_stack` gives their stacks (from the saved stack
//! pointer, below which the switch stored the callee-saved registers, up to the stack's
//! base) to the conservative scan.
//!
//! While more than one thread is alive the JIT neither records nor enters traces (a
//! compiled loop does not reach the switch points), so threads run on the interpreter.
//! Waiting for a lock that no thread can ever release (every thread waits, nothing
//! changed through a whole round) raises RuntimeError instead of hanging.

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use crate::gc::trace::{trace_frame, Tracer};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Running time after which a thread hands over at the next back edge.
const SWITCH_INTERVAL: Duration = Duration::from_millis(5);
/// Back edges between two looks at the clock.
const TICKS_PER_CHECK: u32 = 1000;
/// Address space of a thread's stack (reserved, committed as it is used).
const STACK_SIZE: usize = 256 << 20;
/// Inaccessible pages at the low end of a thread's stack.
const GUARD_SIZE: usize = 64 << 10;
/// Stack kept free below the thread's stack limit (as `main.rs` does for the main thread).
const STACK_MARGIN: usize = 256 << 10;

/// The per-thread parts of the `Vm`, kept here while the thread is suspended.
struct Saved {
    frames: crate::frame::SavedFrames,
    depth: u32,
    handled_exc: Value,
    stack_limit: usize,
    native_depth: u32,
    stack_base: usize,
    /// The thread's `contextvars` context (`modules::contextvars`; None: a new thread's,
    /// made empty when first used).
    context: Option<Value>,
}

/// Where `modules::contextvars` keeps the current context in `vm.state`.
const CONTEXT_KEY: &str = "_contextvars.current";

impl Saved {
    fn take(vm: &Vm) -> Saved {
        Saved {
            frames: vm.frames.take(),
            depth: vm.depth.get(),
            handled_exc: vm.handled_exc.get(),
            stack_limit: vm.stack_limit.get(),
            native_depth: vm.gc.native_depth.get(),
            stack_base: vm.gc.stack_base.get(),
            context: vm.state.borrow_mut().remove(CONTEXT_KEY),
        }
    }

    fn restore(self, vm: &Vm) {
        vm.frames.restore(self.frames);
        vm.depth.set(self.depth);
        vm.handled_exc.set(self.handled_exc);
        vm.stack_limit.set(self.stack_limit);
        vm.gc.native_depth.set(self.native_depth);
        vm.gc.stack_base.set(self.stack_base);
        let mut st = vm.state.borrow_mut();
        match self.context {
            Some(c) => st.insert(CONTEXT_KEY, c),
            None => st.remove(CONTEXT_KEY),
        };
    }
}

/// A mapped stack: `GUARD_SIZE` inaccessible bytes, then the usable part up to `top`.
struct Stack {
    base: *mut libc::c_void,
    size: usize,
}

impl Stack {
    fn new() -> Option<Stack> {
        // SAFETY: a fresh anonymous private mapping; nothing else refers to it. The guard
        // pages at its low end are made inaccessible so an overflow faults instead of
        // writing into a neighbour.
        unsafe {
            let p = libc::mmap(
                std::ptr::null_mut(),
                STACK_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
                -1,
                0,
            );
            if p == libc::MAP_FAILED {
                return None;
            }
            libc::mprotect(p, GUARD_SIZE, libc::PROT_NONE);
            Some(Stack { base: p, size: STACK_SIZE })
        }
    }

    fn top(&self) -> usize {
        self.base as usize + self.size
    }

    fn limit(&self) -> usize {
        self.base as usize + GUARD_SIZE + STACK_MARGIN
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        // SAFETY: the mapping was made by `Stack::new` and nothing runs on it any more
        // (finished threads are reaped only from another thread's stack).
        unsafe {
            libc::munmap(self.base, self.size);
        }
    }
}

struct Thread {
    id: u64,
    /// The thread's stack, unmapped when the record is dropped (after the thread ended);
    /// None for the main thread (it runs on the stack the OS gave the interpreter).
    _stack: Option<Stack>,
    /// The stack pointer while suspended.
    sp: usize,
    /// The `Vm` state while suspended (None while running).
    saved: Option<Saved>,
    /// The callable, its positional arguments (a tuple) and keyword arguments (a dict or
    /// NULL), kept as roots until the thread ends.
    start: [Value; 3],
    /// Sleeping until then (`time.sleep`), or the deadline of a wait.
    wake: Option<Instant>,
    /// Waiting (`wait_for`): the progress count when it last looked. It is worth resuming
    /// only once that changed (or its deadline passed).
    waiting: Option<u64>,
    done: bool,
    /// Locks made by `_thread._set_sentinel` in this thread: released when it ends.
    sentinels: Vec<Value>,
}

#[derive(Default)]
struct Sched {
    threads: Vec<Thread>,
    current: usize,
    next_id: u64,
    /// Bumped whenever something a waiting thread may wait for happens (a lock released,
    /// a thread ended): a whole round of switches without it means a deadlock.
    progress: u64,
    /// When the running thread got the interpreter.
    since: Option<Instant>,
    /// The `Vm`, for threads starting (`green_entry`).
    vm: usize,
}

thread_local! {
    static SCHED: RefCell<Sched> = RefCell::default();
    /// More than one thread is alive.
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static TICKS: Cell<u32> = const { Cell::new(0) };
}

extern "C" {
    /// Stores the callee-saved registers on the current stack and the stack pointer in
    /// `*save`, then continues on the stack `to` (saved the same way, or prepared by
    /// `new_stack_frame`).
    fn krait_green_switch(save: *mut usize, to: usize);
    /// Where a new thread's first switch returns to: calls `green_entry` with the word
    /// `new_stack_frame` put in its first callee-saved register.
    fn krait_green_start();
}

#[cfg(target_arch = "x86_64")]
std::arch::global_asm!(
    ".pushsection .text.krait_green,\"ax\",@progbits",
    ".globl krait_green_switch",
    ".type krait_green_switch,@function",
    "krait_green_switch:",
    "push rbp",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov [rdi], rsp",
    "mov rsp, rsi",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".globl krait_green_start",
    ".type krait_green_start,@function",
    "krait_green_start:",
    "mov rdi, r12",
    "call {entry}",
    "ud2",
    ".popsection",
    entry = sym green_entry,
);

#[cfg(target_arch = "aarch64")]
std::arch::global_asm!(
    ".pushsection .text.krait_green,\"ax\",@progbits",
    ".globl krait_green_switch",
    ".type krait_green_switch,@function",
    "krait_green_switch:",
    "sub sp, sp, #176",
    "stp x19, x20, [sp, #0]",
    "stp x21, x22, [sp, #16]",
    "stp x23, x24, [sp, #32]",
    "stp x25, x26, [sp, #48]",
    "stp x27, x28, [sp, #64]",
    "stp x29, x30, [sp, #80]",
    "stp d8, d9, [sp, #96]",
    "stp d10, d11, [sp, #112]",
    "stp d12, d13, [sp, #128]",
    "stp d14, d15, [sp, #144]",
    "mov x9, sp",
    "str x9, [x0]",
    "mov sp, x1",
    "ldp x19, x20, [sp, #0]",
    "ldp x21, x22, [sp, #16]",
    "ldp x23, x24, [sp, #32]",
    "ldp x25, x26, [sp, #48]",
    "ldp x27, x28, [sp, #64]",
    "ldp x29, x30, [sp, #80]",
    "ldp d8, d9, [sp, #96]",
    "ldp d10, d11, [sp, #112]",
    "ldp d12, d13, [sp, #128]",
    "ldp d14, d15, [sp, #144]",
    "add sp, sp, #176",
    "ret",
    ".globl krait_green_start",
    ".type krait_green_start,@function",
    "krait_green_start:",
    "mov x0, x19",
    "bl {entry}",
    "brk #0",
    ".popsection",
    entry = sym green_entry,
);

/// Prepares the top of `stack` so that switching to the returned stack pointer enters
/// `krait_green_start` with `arg` in the register it passes on.
fn new_stack_frame(stack: &Stack, arg: usize) -> usize {
    let top = stack.top() & !15;
    #[cfg(target_arch = "x86_64")]
    {
        // From the stack pointer up: r15, r14, r13, r12 (= arg), rbx, rbp, the return
        // address. After the pops and `ret`, rsp = top (16-aligned) for the `call`.
        let sp = top - 56;
        let words: [usize; 7] = [0, 0, 0, arg, 0, 0, krait_green_start as *const () as usize];
        for (k, w) in words.iter().enumerate() {
            // SAFETY: `sp..top` lies in the stack's mapped, writable part, unused yet.
            unsafe { ((sp + 8 * k) as *mut usize).write(*w) };
        }
        sp
    }
    #[cfg(target_arch = "aarch64")]
    {
        // The 176-byte frame `krait_green_switch` loads: x19 (= arg) first, x29 = 0 and
        // x30 = krait_green_start at 80 and 88, everything else zero.
        let sp = top - 176;
        for k in 0..22 {
            let w = match k {
                0 => arg,
                11 => krait_green_start as *const () as usize,
                _ => 0,
            };
            // SAFETY: as above.
            unsafe { ((sp + 8 * k) as *mut usize).write(w) };
        }
        sp
    }
}

/// Whether more than one thread is alive (the JIT stands aside then).
#[inline]
pub fn active() -> bool {
    ACTIVE.with(|a| a.get())
}

fn sched<R>(f: impl FnOnce(&mut Sched) -> R) -> R {
    SCHED.with(|s| f(&mut s.borrow_mut()))
}

/// Makes sure the main thread has its record (the first time a thread starts).
fn ensure_main(s: &mut Sched) {
    if s.threads.is_empty() {
        s.threads.push(Thread {
            id: main_ident(),
            _stack: None,
            sp: 0,
            saved: None,
            start: [Value::NULL; 3],
            wake: None,
            waiting: None,
            done: false,
            sentinels: Vec::new(),
        });
        s.current = 0;
        s.next_id = 1;
        s.since = Some(Instant::now());
    }
}

fn main_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// The id of the running thread (`_thread.get_ident()`).
pub fn ident() -> u64 {
    sched(|s| s.threads.get(s.current).map_or_else(main_ident, |t| t.id))
}

/// Threads alive besides the main one (`_thread._count()`).
pub fn count() -> usize {
    sched(|s| s.threads.iter().skip(1).filter(|t| !t.done).count())
}

/// Registers `lock` to be released when the running thread ends (`_thread._set_sentinel`).
pub fn add_sentinel(lock: Value) {
    sched(|s| {
        ensure_main(s);
        let cur = s.current;
        s.threads[cur].sentinels.push(lock);
    })
}

/// Notes that something a waiting thread may wait for happened (a lock was released).
pub fn note_progress() {
    if active() {
        sched(|s| s.progress += 1);
    }
}

/// Starts a thread running `func(*args, **kwargs)` (`kwargs` a dict or NULL); it runs at
/// the next switch. Returns its id.
pub fn start(vm: &mut Vm, func: Value, args: Value, kwargs: Value) -> PyResult<u64> {
    let stack = Stack::new().ok_or_else(|| vm.runtime_error("can't start new thread"))?;
    let id = sched(|s| {
        ensure_main(s);
        let id = main_ident().wrapping_add(s.next_id << 12);
        s.next_id += 1;
        let sp = new_stack_frame(&stack, id as usize);
        let saved = Saved {
            frames: crate::frame::SavedFrames::default(),
            depth: 0,
            handled_exc: Value::NULL,
            stack_limit: stack.limit(),
            native_depth: 0,
            stack_base: stack.top(),
            context: None,
        };
        s.threads.push(Thread {
            id,
            _stack: Some(stack),
            sp,
            saved: Some(saved),
            start: [func, args, kwargs],
            wake: None,
            waiting: None,
            done: false,
            sentinels: Vec::new(),
        });
        id
    });
    ACTIVE.with(|a| a.set(true));
    Ok(id)
}

/// The body of a new thread (entered from `krait_green_start` on its own stack).
extern "C" fn green_entry(id: usize) -> ! {
    let (vm_addr, [func, args, kwargs]) = sched(|s| {
        let start = s.threads.iter().find(|t| t.id == id as u64).map_or([Value::NULL; 3], |t| t.start);
        (s.vm, start)
    });
    // SAFETY: `switch_to` stored the `Vm` of the thread that switched here; that thread
    // is suspended inside `switch_to` (its `&mut Vm` is not used until it resumes, and it
    // resumes only when a thread switches back, which hands the `Vm` over again).
    let vm = unsafe { &mut *(vm_addr as *mut Vm) };
    reap();
    let pos: Vec<Value> = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let kw: Vec<(Value, Value)> = kwargs.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
    // The callable and its arguments stay rooted in the thread's record until it ends,
    // so the collector may run below this frame (the audited call path).
    let r = crate::eval::call::call_from_loop(vm, func, &pos, &kw);
    drop((pos, kw));
    if let Err(PyErr(e)) = r {
        if !vm.isinstance(e, vm.exc.system_exit) {
            report(vm, e, func);
        }
    }
    finish(vm)
}

/// "Exception ignored in thread started by: ..." with the traceback, as CPython's
/// `_thread` prints for a raw thread whose function raised.
fn report(vm: &mut Vm, exc: Value, func: Value) {
    crate::builtins::io::flush_all(vm);
    let r = match vm.repr(func) {
        Ok(r) => r.as_rstr().unwrap_or("?").to_owned(),
        Err(_) => "<object repr() failed>".to_owned(),
    };
    let text = crate::eval::traceback::format_unraisable(vm, exc);
    let _ = crate::builtins::sys::write_to_sys_stream(
        vm,
        "stderr",
        &format!("Exception ignored in thread started by: {r}\n{text}"),
    );
    crate::builtins::io::flush_all(vm);
}

/// Ends the running thread: releases its sentinel locks and switches away for good.
fn finish(vm: &mut Vm) -> ! {
    let sentinels = sched(|s| {
        let cur = s.current;
        let t = &mut s.threads[cur];
        t.done = true;
        t.start = [Value::NULL; 3];
        s.progress += 1;
        std::mem::take(&mut s.threads[cur].sentinels)
    });
    for l in sentinels {
        crate::modules::thread::release_sentinel(l);
    }
    loop {
        // The main thread is never done while the program runs, and this thread's end
        // was progress for any thread waiting: some thread can run.
        match pick() {
            Some(next) => switch_to(vm, next),
            None => std::process::abort(),
        }
    }
}

/// Forgets finished threads and frees their stacks (never the running thread's).
fn reap() {
    let dead: Vec<Thread> = sched(|s| {
        if !s.threads.iter().enumerate().any(|(i, t)| i != s.current && t.done) {
            return Vec::new();
        }
        let cur_id = s.threads[s.current].id;
        let all = std::mem::take(&mut s.threads);
        let (dead, live): (Vec<Thread>, Vec<Thread>) = all.into_iter().partition(|t| t.done && t.id != cur_id);
        s.threads = live;
        s.current = s.threads.iter().position(|t| t.id == cur_id).unwrap_or(0);
        if s.threads.len() <= 1 {
            ACTIVE.with(|a| a.set(false));
        }
        dead
    });
    drop(dead);
}

/// The next thread to run after the current one, round robin: one not done, not asleep
/// and, if it waits, with something changed since it last looked. When none is, sleeps
/// until the first sleeper (or waiter with a deadline) is due. None when no other thread
/// will ever be able to run without the current one.
fn pick() -> Option<usize> {
    loop {
        let (found, first_wake) = sched(|s| {
            let n = s.threads.len();
            let now = Instant::now();
            let mut first_wake: Option<Instant> = None;
            for k in 1..n {
                let i = (s.current + k) % n;
                let t = &s.threads[i];
                if t.done {
                    continue;
                }
                let due = t.wake.is_some_and(|w| w <= now);
                let runnable = match t.waiting {
                    None => t.wake.is_none() || due,
                    Some(p) => p != s.progress || due,
                };
                if runnable {
                    return (Some(i), None);
                }
                if let Some(w) = t.wake {
                    first_wake = Some(first_wake.map_or(w, |f| f.min(w)));
                }
            }
            (None, first_wake)
        });
        match (found, first_wake) {
            (Some(i), _) => return Some(i),
            (None, Some(w)) => std::thread::sleep(w.saturating_duration_since(Instant::now())),
            (None, None) => return None,
        }
    }
}

/// Suspends the running thread and runs thread `next` until some thread switches back.
fn switch_to(vm: &mut Vm, next: usize) {
    let (save, to) = sched(|s| {
        let cur = s.current;
        if cur == next {
            return (std::ptr::null_mut(), 0);
        }
        s.threads[cur].saved = Some(Saved::take(vm));
        if let Some(saved) = s.threads[next].saved.take() {
            saved.restore(vm);
        }
        s.current = next;
        s.since = Some(Instant::now());
        s.vm = vm as *mut Vm as usize;
        (&mut s.threads[cur].sp as *mut usize, s.threads[next].sp)
    });
    if save.is_null() {
        return;
    }
    // SAFETY: `save` points to the current thread's record, which stays where it is until
    // the switch stored the stack pointer (nothing else runs in between); `to` is the
    // stack pointer another thread's switch saved, or a new thread's prepared frame, on a
    // stack that is still mapped (stacks are freed only once their thread is done).
    unsafe { krait_green_switch(save, to) };
    // Resumed: the thread that switched here restored this thread's `Vm` state.
    reap();
}

/// Lets another thread run, if one can; returns at once otherwise.
pub fn yield_now(vm: &mut Vm) {
    if !active() {
        return;
    }
    if let Some(next) = pick() {
        switch_to(vm, next);
    }
}

/// Called at the interpreter's loop back edges: hands over once the running thread had
/// the interpreter for `SWITCH_INTERVAL`, when only audited code is below and nothing is
/// being recorded.
#[inline]
pub fn tick(vm: &mut Vm) {
    if !active() {
        return;
    }
    let t = TICKS.with(|t| {
        let n = t.get() + 1;
        t.set(if n >= TICKS_PER_CHECK { 0 } else { n });
        n
    });
    if t < TICKS_PER_CHECK || vm.gc.native_depth.get() != 0 || vm.jit.is_recording() {
        return;
    }
    let due = sched(|s| s.since.is_none_or(|t| t.elapsed() >= SWITCH_INTERVAL));
    if due {
        yield_now(vm);
    }
}

/// Sleeps `secs` seconds, letting other threads run meanwhile.
pub fn sleep(vm: &mut Vm, secs: f64) {
    let until = Instant::now() + Duration::from_secs_f64(secs.clamp(0.0, 1e9));
    sched(|s| {
        let cur = s.current;
        s.threads[cur].wake = Some(until);
    });
    while Instant::now() < until {
        match pick() {
            Some(next) => switch_to(vm, next),
            None => std::thread::sleep(until.saturating_duration_since(Instant::now())),
        }
    }
    sched(|s| {
        let cur = s.current;
        s.threads[cur].wake = None;
    });
}

/// Waits, letting other threads run, until `ready()` (which then did what it waited for,
/// e.g. took the lock) or `deadline` passes: Ok(false) then. RuntimeError when no thread
/// can ever make it ready (every other thread waits too, and nothing changed).
pub fn wait_for(vm: &mut Vm, mut ready: impl FnMut() -> bool, deadline: Option<Instant>) -> PyResult<bool> {
    loop {
        if ready() {
            return Ok(true);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
        sched(|s| {
            let (cur, p) = (s.current, s.progress);
            let t = &mut s.threads[cur];
            t.waiting = Some(p);
            t.wake = deadline;
        });
        // Marked waiting while suspended: the others resume this thread only when
        // something changed (or its deadline passed).
        let next = pick();
        let stuck = match (next, deadline) {
            (Some(n), _) => {
                switch_to(vm, n);
                false
            }
            (None, Some(d)) => {
                std::thread::sleep(d.saturating_duration_since(Instant::now()));
                false
            }
            (None, None) => true,
        };
        sched(|s| {
            let cur = s.current;
            let t = &mut s.threads[cur];
            t.waiting = None;
            t.wake = None;
        });
        if stuck {
            return Err(deadlock(vm));
        }
    }
}

fn deadlock(vm: &Vm) -> PyErr {
    vm.runtime_error("deadlock: every thread is waiting for a lock that no thread can release")
}

/// At exit: `threading._shutdown()` (it joins the threads that are not daemons), when
/// `threading` was imported, as CPython's finalization does.
pub fn shutdown(vm: &mut Vm) {
    let key = vm.intern("threading");
    let Some(m) = vm.dict_get_str(vm.modules, key) else { return };
    let name = vm.intern("_shutdown");
    let Ok(f) = vm.get_attr(m, name) else { return };
    if let Err(PyErr(e)) = vm.call(f, &[], &[]) {
        report(vm, e, f);
    }
}

/// Traces the suspended threads' frames and values (the running thread's are the `Vm`'s).
pub fn trace_roots(t: &mut dyn Tracer) {
    SCHED.with(|s| {
        let Ok(s) = s.try_borrow() else { return };
        for (i, th) in s.threads.iter().enumerate() {
            for &v in &th.start {
                t.value(v);
            }
            for &v in &th.sentinels {
                t.value(v);
            }
            if i == s.current {
                continue;
            }
            if let Some(saved) = &th.saved {
                t.value(saved.handled_exc);
                if let Some(c) = saved.context {
                    t.value(c);
                }
                for &fp in saved.frames.frames() {
                    // SAFETY: a suspended thread's registered frames are alive and unmoved
                    // (they live on its stack or in its generators, untouched until it
                    // resumes).
                    trace_frame(unsafe { &*fp }, t);
                }
            }
        }
    })
}

/// Calls `f(low, high)` with the part of every suspended thread's stack in use: from its
/// saved stack pointer (the switch stored its callee-saved registers just above) to its
/// base.
pub fn each_suspended_stack(mut f: impl FnMut(usize, usize)) {
    SCHED.with(|s| {
        let Ok(s) = s.try_borrow() else { return };
        for (i, th) in s.threads.iter().enumerate() {
            if i == s.current || th.done {
                continue;
            }
            if let Some(saved) = &th.saved {
                if th.sp != 0 && saved.stack_base > th.sp {
                    f(th.sp, saved.stack_base);
                }
            }
        }
    })
}
