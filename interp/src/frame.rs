//! A frame: the state of one running (or suspended) code object.
//!
//! Because the CFG is flat (see `cfg.rs`), a frame is fully described by its code, its slot
//! values and the `(block, stmt)` to run next. Starting a frame at any point is just
//! building one of these and handing it to `eval::run_frame`.

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
