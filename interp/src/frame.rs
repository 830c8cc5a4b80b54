//! A frame: the state of one running (or suspended) code object.
//!
//! Because the CFG is flat (see `cfg.rs`), a frame is fully described by its code, its slot
//! values and the `(block, stmt)` to run next. Starting a frame at any point is just
//! building one of these and handing it to `eval::run_frame`.

use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use crate::cfg::Code;
use crate::value::Value;

pub struct Frame {
    pub code: Rc<Code>,
    pub slots: Vec<Value>,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping for name lookups (class bodies, exec'd module code); NULL when
    /// names are slots.
    pub locals: Value,
    /// The function being run, or NULL for module/exec code.
    pub func: Value,
    /// Next statement to run.
    pub block: u32,
    pub stmt: u32,
    /// The exception delivered to the current handler block (`GetException`).
    pub exc: Value,
    /// Value sent into a suspended generator, read by `Yield`/`YieldFrom` on resume; an
    /// exception to throw in when `throw_in` is set.
    pub sent: Value,
    pub throw_in: bool,
}

impl Frame {
    /// The builtins dict this frame's global lookups fall back to: its own, or the VM's
    /// when the frame has none.
    #[inline]
    pub(crate) fn builtins_dict(&self, vm: &crate::vm::Vm) -> Value {
        if self.builtins.as_dict().is_some() {
            self.builtins
        } else {
            vm.builtins_dict
        }
    }

    pub fn new(code: Rc<Code>, globals: Value, builtins: Value, locals: Value, func: Value) -> Frame {
        let n = code.nslots as usize;
        Frame::with_slots(code, vec![Value::NULL; n], globals, builtins, locals, func)
    }

    /// A frame using `slots` (already `code.nslots` long, all NULL) as its slot vector, so
    /// callers can recycle slot vectors instead of allocating one per call.
    pub fn with_slots(
        code: Rc<Code>,
        slots: Vec<Value>,
        globals: Value,
        builtins: Value,
        locals: Value,
        func: Value,
    ) -> Frame {
        debug_assert_eq!(slots.len(), code.nslots as usize);
        Frame {
            code,
            slots,
            globals,
            builtins,
            locals,
            func,
            block: 0,
            stmt: 0,
            exc: Value::NULL,
            sent: Value::NONE,
            throw_in: false,
        }
    }
}

/// The running Python frames, innermost last (`Vm::frames`), with the native stack pointer
/// at each one's registration, and the fewest frames registered at any time since the
/// collector last looked (`take_low`).
///
/// The collector's minor collections (stress mode) trace only the frames and the part of
/// the native stack that can have changed since the previous collection: a frame that
/// stayed registered and never was the innermost one since then did not run, and neither
/// did the native code that called it (`gc` module docs: stress mode). Every change goes
/// through these methods, so the low-water mark cannot miss one; code that writes into a
/// frame other than the innermost one calls `written`.
#[derive(Default)]
pub struct FrameStack {
    inner: RefCell<(Vec<*const Frame>, Vec<usize>)>,
    low: Cell<usize>,
}

/// A thread's frames while another thread runs (`FrameStack::take`).
#[derive(Default)]
pub struct SavedFrames(Vec<*const Frame>, Vec<usize>);

impl FrameStack {
    /// The frames, innermost last.
    #[inline]
    pub fn borrow(&self) -> Ref<'_, Vec<*const Frame>> {
        Ref::map(self.inner.borrow(), |i| &i.0)
    }

    /// Registers `f` as the innermost running frame.
    #[inline]
    pub fn push(&self, f: *const Frame) {
        let sp = crate::gc::stack::current_sp();
        let mut i = self.inner.borrow_mut();
        i.0.push(f);
        i.1.push(sp);
    }

    /// Unregisters the innermost frame.
    #[inline]
    pub fn pop(&self) {
        let mut i = self.inner.borrow_mut();
        i.0.pop();
        i.1.pop();
        let n = i.0.len();
        if n < self.low.get() {
            self.low.set(n);
        }
    }

    /// A frame other than the innermost one may have been written (its values changed):
    /// the next minor collection traces every frame.
    #[inline]
    pub fn written(&self) {
        self.low.set(0);
    }

    /// Takes the frames out (a thread switch, `crate::threads`).
    pub fn take(&self) -> SavedFrames {
        self.low.set(0);
        let mut i = self.inner.borrow_mut();
        SavedFrames(std::mem::take(&mut i.0), std::mem::take(&mut i.1))
    }

    /// Puts back frames taken by `take`.
    pub fn restore(&self, s: SavedFrames) {
        self.low.set(0);
        *self.inner.borrow_mut() = (s.0, s.1);
    }

    /// The fewest frames registered at any time since the previous call (or since the
    /// last `take`, `restore` or `written`: 0), and starts counting afresh.
    pub(crate) fn take_low(&self) -> usize {
        let n = self.inner.borrow().0.len();
        self.low.replace(n).min(n)
    }

    /// The native stack pointer when frame `i` was registered: the native code that runs
    /// it, and every frame registered after it, lies below.
    pub(crate) fn sp(&self, i: usize) -> usize {
        self.inner.borrow().1[i]
    }
}

impl SavedFrames {
    /// The saved frames, innermost last.
    pub fn frames(&self) -> &[*const Frame] {
        &self.0
    }
}
