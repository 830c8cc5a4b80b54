//! The dispatch loop over the flat CFG (`cfg.rs`).
//!
//! `execute` runs one frame from its `(block, stmt)`: one `match` arm per flat statement,
//! operands read straight from the frame's slot vector or the code's constants. The hot
//! arms (moves, small-int and float arithmetic and comparisons, branches on bools, calls)
//! are inline; everything else is a call into the object protocol or a helper kept out of
//! line so the loop's own stack frame stays small (it is on the native stack once per
//! Python call level).
//!
//! Exceptions: when a statement fails, the loop records a traceback entry for this frame
//! (prepended to the exception's `__traceback__`, so the chain reads outermost frame first
//! like CPython's `tb_next` order) and continues at the block's handler with the
//! exception in `frame.exc`, or leaves the frame. `Reraise` and bare `raise` deliver an
//! exception without a new entry, as CPython's RERAISE does.
//!
//! Implicit chaining (`__context__`) happens where CPython's `_PyErr_SetObject` does it:
//! when an exception is raised while another is handled. Native code creates exceptions
//! without knowing the handled one, so the loop chains every exception that arrives
//! "fresh" (no traceback yet, no context yet); `raise` chains explicitly.

use std::cell::Cell;
use std::rc::Rc;

use crate::cfg::{code_flags, BinOp, CmpOp, Code, Conversion, NameIdx, Op, Opnd, Slot, UnaryOp};
use crate::frame::Frame;
use crate::object::{class_flags, Function, Payload, TracebackData};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::call;
use super::generator;

/// How a frame run ended without an exception.
pub(crate) enum Exit {
    Return(Value),
    /// The frame suspended at a `Yield`/`YieldFrom` (its position is saved in the frame).
    Yield(Value),
}

/// Modes of the statement loop (`run::<MODE>`), one monomorphized copy each so the plain
/// interpreter pays nothing for the JIT's hooks.
/// `RUN`: interpret (back edges count towards the JIT and enter compiled traces).
pub(crate) const RUN: u8 = 0;
/// `STEP`: run exactly one statement and return (the JIT's generic runtime helper).
pub(crate) const STEP: u8 = 1;
/// `RECORD`: call the JIT's recorder before every statement (`crate::jit::record_stmt`).
pub(crate) const RECORD: u8 = 2;

/// How a run of the statement loop ended without an exception.
pub(crate) enum Flow {
    Exit(Exit),
    /// Continue in another mode from the frame's current position.
    Mode(u8),
    /// `STEP` ran its one statement.
    Stepped,
}

/// Runs `frame` from `(frame.block, frame.stmt)`. With `resuming`, the frame is a generator
/// frame suspended at a `Yield` or `YieldFrom`: the sent value (or thrown exception) in
/// `frame.sent`/`frame.throw_in` is delivered there first.
pub(crate) fn execute(vm: &mut Vm, frame: &mut Frame, resuming: bool) -> PyResult<Exit> {
    let mut pending: Option<(PyErr, ErrInfo)> = None;
    if resuming {
        let here = frame.code.blocks.get(frame.block as usize).and_then(|b| b.ops.get(frame.stmt as usize));
        if let Some(Op::Yield { dst, .. }) = here {
            let dst = *dst;
            let sent = std::mem::replace(&mut frame.sent, Value::NONE);
            if std::mem::take(&mut frame.throw_in) {
                // Thrown in by `gen.throw()`: chained (if at all) by the generator code,
                // as CPython's `_gen_throw` does, not here.
                pending = Some((PyErr(sent), ErrInfo { thrown_in: true, ..ErrInfo::default() }));
            } else {
                frame.slots[dst as usize] = sent;
                frame.stmt += 1;
            }
        }
    }
    // A call the JIT is inlining into the trace it records runs in `RECORD` mode.
    let mode = if !resuming && crate::jit::enter_inlined(vm, frame) { RECORD } else { RUN };
    execute_in(vm, frame, pending, mode)
}

/// Runs `frame` from `(frame.block, frame.stmt)`, raising `err` there first as if that
/// statement had raised it (a JIT side exit resuming an inlined frame at the call whose
/// callee raised, or at a statement whose runtime helper raised).
pub(crate) fn execute_raising(vm: &mut Vm, frame: &mut Frame, err: PyErr, info: ErrInfo) -> PyResult<Exit> {
    execute_in(vm, frame, Some((err, info)), RUN)
}

fn execute_in(vm: &mut Vm, frame: &mut Frame, mut pending: Option<(PyErr, ErrInfo)>, mut mode: u8) -> PyResult<Exit> {
    let code_rc = frame.code.clone();
    let code: &Code = &code_rc;
    loop {
        let mut info = ErrInfo::default();
        let err = match pending.take() {
            Some((e, i)) => {
                info = i;
                e
            }
            None => {
                let r = if mode == RECORD {
                    run::<RECORD>(vm, frame, code, &mut info)
                } else {
                    run::<RUN>(vm, frame, code, &mut info)
                };
                match r {
                    Ok(Flow::Mode(m)) => {
                        mode = m;
                        // The other `run` gets a frame of its own shape where this one's
                        // was: its slots not yet written would hold this one's dead words
                        // (and those of the calls it made), which the conservative stack
                        // scan takes for references. Mode switches are rare.
                        crate::gc::stack::scrub_below();
                        continue;
                    }
                    Ok(Flow::Exit(exit)) => {
                        if mode == RECORD {
                            crate::jit::abort_recording(vm, frame, "left the frame");
                        }
                        return Ok(exit);
                    }
                    Ok(Flow::Stepped) => continue,
                    Err(e) => {
                        if mode == RECORD {
                            crate::jit::abort_recording(vm, frame, "exception");
                            mode = RUN;
                        }
                        e
                    }
                }
            }
        };
        let (b, i) = (frame.block as usize, frame.stmt as usize);
        if !info.reraise {
            let span = code.blocks[b].spans.get(i).copied().unwrap_or((0, 0));
            let span = match info.narrow {
                Narrow::None => span,
                Narrow::Callee => super::traceback::narrow_to_callee(&code.source, span),
                Narrow::Name(slot) => super::traceback::narrow_to_name(&code.source, span, &slot_name(code, slot)),
            };
            record_traceback(vm, &code_rc, span, err, !info.thrown_in, frame.globals);
        }
        match code.blocks[b].handler {
            Some(h) => {
                frame.exc = err.0;
                frame.block = h.0;
                frame.stmt = 0;
            }
            None => return Err(err),
        }
    }
}

/// How a failed statement wants its exception delivered.
#[derive(Default, Clone, Copy)]
pub(crate) struct ErrInfo {
    /// Re-raise as is: no new traceback entry (bare `raise`, `Reraise`).
    reraise: bool,
    /// Which part of the statement's source the traceback entry should mark.
    narrow: Narrow,
    /// Delivered by `throw()` at a yield.
    thrown_in: bool,
}

#[derive(Default, Clone, Copy)]
pub(crate) enum Narrow {
    /// The statement's whole span.
    #[default]
    None,
    /// The callee of a method call (`obj.name` in `obj.name(...)`): the attribute lookup
    /// failed.
    Callee,
    /// The first use of this local's name: reading it found it unbound.
    Name(Slot),
}

/// Chains a fresh exception to the handled one and prepends this frame's traceback entry.
fn record_traceback(vm: &mut Vm, code: &Rc<Code>, span: (u32, u32), err: PyErr, chain: bool, globals: Value) {
    let exc = err.0;
    let Some(ed) = exc.as_obj().and_then(|o| o.as_exception()) else {
        return;
    };
    if chain && ed.traceback.get().is_none() && ed.context.get().is_none() {
        set_context(vm, exc);
    }
    if crate::eval::traceback::is_stand_in_code(code) {
        return;
    }
    let lineno = code.line_of_span(span);
    // `tb.tb_frame.f_globals` must be the frame's globals (unittest looks for
    // `__unittest` there to hide its own frames).
    let frame = crate::eval::function::new_frame_object(vm, code.clone(), lineno, globals, Value::NONE);
    let tb = vm.alloc(
        vm.types.traceback,
        Payload::Traceback(Box::new(TracebackData {
            next: Cell::new(ed.traceback.get()),
            code: code.clone(),
            lineno,
            span,
            frame,
        })),
    );
    ed.traceback.set(tb);
}

/// Sets `exc.__context__` to the handled exception, breaking any cycle that would create
/// (as `_PyErr_SetObject` does).
pub(crate) fn set_context(vm: &Vm, exc: Value) {
    set_context_to(exc, vm.handled_exc.get());
}

/// Sets `exc.__context__` to `handled` (when it is an exception other than `exc`),
/// breaking any cycle that would create.
pub(crate) fn set_context_to(exc: Value, handled: Value) {
    if handled.is_null() || handled.is_none() || handled.is(exc) {
        return;
    }
    let Some(ed) = exc.as_obj().and_then(|o| o.as_exception()) else {
        return;
    };
    // Walk the handled exception's context chain; if `exc` is on it, cut the link so that
    // `exc -> handled -> ... -> exc` does not become a cycle.
    let mut o = handled;
    let mut steps = 0u32;
    while let Some(od) = o.as_obj().and_then(|x| x.as_exception()) {
        let c = od.context.get();
        if c.is_none() || c.is_null() {
            break;
        }
        if c.is(exc) {
            od.context.set(Value::NONE);
            break;
        }
        o = c;
        steps += 1;
        if steps > 100_000 {
            break;
        }
    }
    ed.context.set(handled);
}

#[cold]
fn unbound_local(vm: &Vm, code: &Code, slot: Slot) -> PyErr {
    let name = slot_name(code, slot);
    vm.err(
        vm.exc.unbound_local_error,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn slot_name(code: &Code, slot: Slot) -> String {
    code.slot_names.get(slot as usize).and_then(|n| n.as_rstr()).unwrap_or("?").to_owned()
}

#[cold]
fn name_not_defined(vm: &mut Vm, name: Value) -> PyErr {
    let e = vm.err(vm.exc.name_error, format!("name '{}' is not defined", name.as_rstr().unwrap_or("?")));
    set_exc_attr(vm, e.0, "name", name);
    e
}

/// Sets an attribute of a runtime-made exception without running Python code.
pub(crate) fn set_exc_attr(vm: &mut Vm, exc: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    if let Some(a) = exc.as_obj().and_then(|o| o.attrs.as_ref()) {
        if a.in_dict_mode() {
            vm.dict_set_str(a.dict.get(), k, v);
        } else {
            a.set_slot(k, v);
        }
    }
}

/// The error for reading an empty cell held in `slot`.
#[cold]
fn empty_cell(vm: &mut Vm, code: &Code, slot: Slot) -> PyErr {
    let name = slot_name(code, slot);
    if code.freevars.iter().any(|&(_, s)| s == slot) {
        let e = vm.name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ));
        if let Some(n) = code.slot_names.get(slot as usize).copied() {
            set_exc_attr(vm, e.0, "name", n);
        }
        e
    } else {
        vm.err(
            vm.exc.unbound_local_error,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }
}

/// Contents of the cell object `c` (NULL when empty or not a cell).
#[inline(always)]
fn cell_get(c: Value) -> Value {
    match c.as_obj().map(|o| &o.payload) {
        Some(Payload::Cell(x)) => x.get(),
        _ => Value::NULL,
    }
}

/// Stores into the cell object `c`; false when `c` is not a cell.
#[inline(always)]
fn cell_set(c: Value, v: Value) -> bool {
    match c.as_obj().map(|o| &o.payload) {
        Some(Payload::Cell(x)) => {
            x.set(v);
            true
        }
        _ => false,
    }
}

/// Small-int and float arithmetic that needs no Python code. `None` means "take the slow
/// path" (other types, overflow past i64, division by zero...).
#[inline(always)]
fn fast_binary(vm: &Vm, op: BinOp, x: Value, y: Value) -> Option<Value> {
    if x.is_small_int() && y.is_small_int() {
        let (a, b) = (x.small_int_unchecked(), y.small_int_unchecked());
        return match op {
            BinOp::Add => Some(vm.new_int(a + b)),
            BinOp::Sub => Some(vm.new_int(a - b)),
            BinOp::Mul => a.checked_mul(b).map(|p| vm.new_int(p)),
            BinOp::FloorDiv if b != 0 => {
                let q = a / b;
                Some(vm.new_int(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q }))
            }
            BinOp::Mod if b != 0 => {
                let r = a % b;
                Some(vm.new_int(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r }))
            }
            BinOp::TrueDiv if b != 0 => Some(Value::float(a as f64 / b as f64)),
            BinOp::And => Some(vm.new_int(a & b)),
            BinOp::Or => Some(vm.new_int(a | b)),
            BinOp::Xor => Some(vm.new_int(a ^ b)),
            BinOp::RShift if b >= 0 => Some(vm.new_int(if b >= 63 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            })),
            BinOp::LShift if (0..16).contains(&b) => Some(vm.new_int(a << b)),
            _ => None,
        };
    }
    let fa = if x.is_float() {
        x.float_unchecked()
    } else if x.is_small_int() {
        x.small_int_unchecked() as f64
    } else {
        return None;
    };
    let fb = if y.is_float() {
        y.float_unchecked()
    } else if y.is_small_int() {
        y.small_int_unchecked() as f64
    } else {
        return None;
    };
    match op {
        BinOp::Add => Some(Value::float(fa + fb)),
        BinOp::Sub => Some(Value::float(fa - fb)),
        BinOp::Mul => Some(Value::float(fa * fb)),
        BinOp::TrueDiv if fb != 0.0 => Some(Value::float(fa / fb)),
        _ => None,
    }
}

#[inline(always)]
fn fast_compare(op: CmpOp, x: Value, y: Value) -> Option<bool> {
    if x.is_small_int() && y.is_small_int() {
        let (a, b) = (x.small_int_unchecked(), y.small_int_unchecked());
        return match op {
            CmpOp::Lt => Some(a < b),
            CmpOp::Le => Some(a <= b),
            CmpOp::Eq => Some(a == b),
            CmpOp::Ne => Some(a != b),
            CmpOp::Gt => Some(a > b),
            CmpOp::Ge => Some(a >= b),
            _ => None,
        };
    }
    // Inline ints are exactly representable as f64, so mixed comparisons are exact.
    let fa = if x.is_float() {
        x.float_unchecked()
    } else if x.is_small_int() {
        x.small_int_unchecked() as f64
    } else {
        return None;
    };
    let fb = if y.is_float() {
        y.float_unchecked()
    } else if y.is_small_int() {
        y.small_int_unchecked() as f64
    } else {
        return None;
    };
    match op {
        CmpOp::Lt => Some(fa < fb),
        CmpOp::Le => Some(fa <= fb),
        CmpOp::Eq => Some(fa == fb),
        CmpOp::Ne => Some(fa != fb),
        CmpOp::Gt => Some(fa > fb),
        CmpOp::Ge => Some(fa >= fb),
        _ => None,
    }
}

/// Python truth of a value, with the common cases inline.
#[inline(always)]
fn truth(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match v {
        Value::TRUE => Ok(true),
        Value::FALSE | Value::NONE => Ok(false),
        _ if v.is_small_int() => Ok(v.small_int_unchecked() != 0),
        _ => vm.truthy(v),
    }
}

/// `a op b` for comparison operators, including identity and membership.
pub(crate) fn compare_op(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
    match op {
        CmpOp::Is => Ok(Value::bool(a.is(b))),
        CmpOp::IsNot => Ok(Value::bool(!a.is(b))),
        CmpOp::In => Ok(Value::bool(vm.contains(b, a)?)),
        CmpOp::NotIn => Ok(Value::bool(!vm.contains(b, a)?)),
        _ => vm.compare(op, a, b),
    }
}

/// The statement loop. The frame's `(block, stmt)` is the statement being run at all
/// times (so `sys._getframe` and tracebacks of callers see where each frame is); on error
/// it is the failing statement, and `info` says how to deliver the exception.
/// the exception is re-raised as is (no new traceback entry).
fn run<const MODE: u8>(vm: &mut Vm, frame: &mut Frame, code: &Code, info: &mut ErrInfo) -> PyResult<Flow> {
    let mut ops: &[Op] = &code.blocks[frame.block as usize].ops;
    macro_rules! rd {
        ($o:expr) => {
            match $o {
                Opnd::Slot(s) => frame.slots[s as usize],
                Opnd::Local(s) => {
                    let v = frame.slots[s as usize];
                    if v.is_null() {
                        info.narrow = Narrow::Name(s);
                        return Err(unbound_local(vm, code, s));
                    }
                    v
                }
                Opnd::Const(c) => code.consts[c as usize],
            }
        };
    }
    macro_rules! jump {
        ($t:expr) => {{
            frame.block = $t.0;
            frame.stmt = 0;
            if MODE == STEP {
                return Ok(Flow::Stepped);
            }
            ops = &code.blocks[frame.block as usize].ops;
            continue;
        }};
    }
    // A loop back edge to `$t`: the JIT counts it, and may record or run the loop.
    macro_rules! back_edge {
        ($t:expr) => {
            if MODE == RUN && vm.jit.enabled {
                frame.block = $t.0;
                frame.stmt = 0;
                match crate::jit::back_edge(vm, frame, code) {
                    crate::jit::BackEdge::Go => {}
                    crate::jit::BackEdge::Record | crate::jit::BackEdge::RanRecord => return Ok(Flow::Mode(RECORD)),
                    crate::jit::BackEdge::Ran(Ok(())) => {
                        ops = &code.blocks[frame.block as usize].ops;
                        continue;
                    }
                    crate::jit::BackEdge::Ran(Err((e, i))) => {
                        *info = i;
                        return Err(e);
                    }
                }
            }
        };
    }
    loop {
        let op = &ops[frame.stmt as usize];
        if MODE == RECORD && !crate::jit::record_stmt(vm, frame, code) {
            return Ok(Flow::Mode(RUN));
        }
        match op {
            Op::Move { dst, src } => {
                let v = rd!(*src);
                frame.slots[*dst as usize] = v;
            }
            Op::LoadGlobal { dst, name } => {
                let n = code.names[*name as usize];
                let v = match load_global(vm, frame, op as *const Op as usize, n) {
                    Some(v) => v,
                    None => return Err(name_not_defined(vm, n)),
                };
                frame.slots[*dst as usize] = v;
            }
            Op::StoreGlobal { name, src } => {
                let v = rd!(*src);
                vm.dict_set_str(frame.globals, code.names[*name as usize], v);
            }
            Op::Unary { dst, op, src } => {
                let v = rd!(*src);
                let r = match op {
                    UnaryOp::Not => Value::bool(!truth(vm, v)?),
                    UnaryOp::Neg if v.is_small_int() => vm.new_int(-v.small_int_unchecked()),
                    UnaryOp::Neg if v.is_float() => Value::float(-v.float_unchecked()),
                    _ => vm.unary_op(*op, v)?,
                };
                frame.slots[*dst as usize] = r;
            }
            Op::Binary { dst, op, a, b } => {
                let x = rd!(*a);
                let y = rd!(*b);
                let r = match fast_binary(vm, *op, x, y) {
                    Some(r) => r,
                    None => vm.binary_op(*op, x, y)?,
                };
                frame.slots[*dst as usize] = r;
            }
            Op::InPlace { dst, op, a, b } => {
                let x = rd!(*a);
                let y = rd!(*b);
                let r = match fast_binary(vm, *op, x, y) {
                    Some(r) => r,
                    None => vm.inplace_op(*op, x, y)?,
                };
                frame.slots[*dst as usize] = r;
            }
            Op::Compare { dst, op, a, b } => {
                let x = rd!(*a);
                let y = rd!(*b);
                let r = match fast_compare(*op, x, y) {
                    Some(r) => Value::bool(r),
                    None => compare_op(vm, *op, x, y)?,
                };
                frame.slots[*dst as usize] = r;
            }
            Op::Truth { dst, src } => {
                let v = rd!(*src);
                let r = truth(vm, v)?;
                frame.slots[*dst as usize] = Value::bool(r);
            }
            Op::GetAttr { dst, obj, name } => {
                let o = rd!(*obj);
                // Code names are interned at lowering time.
                let site = op as *const Op as usize;
                let r = crate::eval::attr_ic::get_attr(vm, site, o, code.names[*name as usize])?;
                frame.slots[*dst as usize] = r;
            }
            Op::SetAttr { obj, name, src } => {
                let o = rd!(*obj);
                let v = rd!(*src);
                let site = op as *const Op as usize;
                crate::eval::attr_ic::set_attr(vm, site, o, code.names[*name as usize], v)?;
            }
            Op::GetItem { dst, obj, key } => {
                let o = rd!(*obj);
                let k = rd!(*key);
                let r = match fast_getitem(vm, o, k) {
                    Some(v) => v,
                    None => vm.get_item(o, k)?,
                };
                frame.slots[*dst as usize] = r;
            }
            Op::SetItem { obj, key, src } => {
                let o = rd!(*obj);
                let k = rd!(*key);
                let v = rd!(*src);
                if !fast_setitem(vm, o, k, v) {
                    vm.set_item(o, k, v)?;
                }
            }
            Op::Call { dst, func, args, kwnames } => {
                let f = rd!(*func);
                let r = if kwnames.is_empty() && args.len() <= 6 {
                    let mut buf = [Value::NULL; 6];
                    for (k, a) in args.iter().enumerate() {
                        buf[k] = rd!(*a);
                    }
                    call::call_from_loop(vm, f, &buf[..args.len()], &[])?
                } else if args.len() <= 8 && kwnames.len() <= 4 {
                    // Keyword calls without heap vectors for the arguments.
                    let mut buf = [Value::NULL; 8];
                    for (k, a) in args.iter().enumerate() {
                        buf[k] = rd!(*a);
                    }
                    let npos = args.len() - kwnames.len();
                    let mut kw = [(Value::NULL, Value::NULL); 4];
                    for (i, &n) in kwnames.iter().enumerate() {
                        kw[i] = (code.names[n as usize], buf[npos + i]);
                    }
                    call::call_from_loop(vm, f, &buf[..npos], &kw[..kwnames.len()])?
                } else {
                    let mut v = Vec::with_capacity(args.len());
                    for a in args.iter() {
                        v.push(rd!(*a));
                    }
                    call_with_kwnames(vm, code, f, &v, kwnames)?
                };
                frame.slots[*dst as usize] = r;
            }
            Op::CallMethod { dst, obj, name, args, kwnames } => {
                let o = rd!(*obj);
                let n = code.names[*name as usize];
                let r = if kwnames.is_empty() && args.len() < 6 {
                    let mut buf = [Value::NULL; 6];
                    buf[0] = o;
                    for (k, a) in args.iter().enumerate() {
                        buf[k + 1] = rd!(*a);
                    }
                    let site = op as *const Op as usize;
                    call::call_method_at(vm, site, n, &buf[..=args.len()], &[], &mut info.narrow)?
                } else {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(o);
                    for a in args.iter() {
                        v.push(rd!(*a));
                    }
                    let npos = v.len() - kwnames.len();
                    let kw = kw_pairs(code, &v[npos..], kwnames);
                    call::call_method_from_loop(vm, n, &v[..npos], &kw, &mut info.narrow)?
                };
                frame.slots[*dst as usize] = r;
            }
            Op::BuildTuple { dst, items } => {
                let mut v = Vec::with_capacity(items.len());
                for a in items.iter() {
                    v.push(rd!(*a));
                }
                frame.slots[*dst as usize] = vm.new_tuple(v);
            }
            Op::BuildList { dst, items } => {
                let mut v = Vec::with_capacity(items.len());
                for a in items.iter() {
                    v.push(rd!(*a));
                }
                frame.slots[*dst as usize] = vm.new_list(v);
            }
            Op::ListAppend { list, item } => {
                let v = rd!(*item);
                let l = frame.slots[*list as usize];
                match l.as_list() {
                    Some(cell) => cell.borrow_mut().push(v),
                    None => {
                        vm.call_method(l, "append", &[v])?;
                    }
                }
            }
            Op::Nop => {}
            Op::Jump { target } => {
                if target.0 <= frame.block {
                    // A loop back-edge: a collector safepoint (see `crate::gc`).
                    crate::gc::safepoint(vm);
                    crate::threads::tick(vm);
                    back_edge!(target);
                }
                jump!(target)
            }
            Op::Branch { cond, t, f } => {
                let c = rd!(*cond);
                let target = if truth(vm, c)? { t } else { f };
                if MODE == RUN && target.0 <= frame.block {
                    back_edge!(target);
                }
                jump!(target)
            }
            Op::ForIter { dst, iter, body, exit } => {
                let it = rd!(*iter);
                match for_next(vm, it)? {
                    Some(v) => {
                        frame.slots[*dst as usize] = v;
                        crate::gc::safepoint(vm);
                        crate::threads::tick(vm);
                        jump!(body)
                    }
                    None => {
                        // An inner `for` that is the last statement of an outer loop
                        // exits straight to the outer loop's header: a back edge.
                        if MODE == RUN && exit.0 <= frame.block {
                            back_edge!(exit);
                        }
                        jump!(exit)
                    }
                }
            }
            Op::Return { value } => {
                let v = rd!(*value);
                return Ok(Flow::Exit(Exit::Return(v)));
            }
            Op::Yield { value, .. } => {
                let v = rd!(*value);
                return Ok(Flow::Exit(Exit::Yield(v)));
            }
            Op::YieldFrom { dst, iter } => {
                let it = rd!(*iter);
                let sent = std::mem::replace(&mut frame.sent, Value::NONE);
                let throw = std::mem::take(&mut frame.throw_in);
                match generator::yield_from_step(vm, it, sent, throw)? {
                    generator::Step::Yielded(v) => {
                        return Ok(Flow::Exit(Exit::Yield(v)));
                    }
                    generator::Step::Done(r) => frame.slots[*dst as usize] = r,
                }
            }
            Op::Raise { exc, cause } => {
                let e = match exc {
                    Some(o) => Some(rd!(*o)),
                    None => None,
                };
                let c = match cause {
                    Some(o) => Some(rd!(*o)),
                    None => None,
                };
                let (err, re) = do_raise(vm, e, c);
                info.reraise = re;
                return Err(err);
            }
            Op::Reraise { exc } => {
                let e = rd!(*exc);
                info.reraise = true;
                return Err(PyErr(e));
            }
            Op::GetException { dst } => {
                frame.slots[*dst as usize] = frame.exc;
            }
            Op::PushExcInfo { save, exc } => {
                let e = rd!(*exc);
                frame.slots[*save as usize] = vm.handled_exc.get();
                vm.handled_exc.set(e);
            }
            Op::PopExcInfo { saved } => {
                let s = rd!(*saved);
                vm.handled_exc.set(s);
            }
            Op::ExcMatch { dst, exc, ty } => {
                let e = rd!(*exc);
                let t = rd!(*ty);
                let r = exc_match(vm, e, t)?;
                frame.slots[*dst as usize] = Value::bool(r);
            }
            Op::LoadDeref { dst, cell } => {
                let v = cell_get(frame.slots[*cell as usize]);
                if v.is_null() {
                    return Err(empty_cell(vm, code, *cell));
                }
                frame.slots[*dst as usize] = v;
            }
            Op::StoreDeref { cell, src } => {
                let v = rd!(*src);
                if !cell_set(frame.slots[*cell as usize], v) {
                    return Err(vm.err(vm.exc.system_error, "cell slot does not hold a cell"));
                }
            }
            Op::GetIter { dst, src } => {
                let v = rd!(*src);
                let r = vm.iter(v)?;
                frame.slots[*dst as usize] = r;
            }
            Op::Unpack { dsts, src } => {
                let v = rd!(*src);
                unpack(vm, frame, dsts, v)?;
            }
            Op::DeleteGlobal { .. } | Op::DeleteName { .. } | Op::DeleteLocal { .. } | Op::DeleteDeref { .. } => {
                // `del x` usually means "x is garbage now" (`del x; gc.collect()`): wipe the
                // dead stack below this frame, where the statements before left copies of x
                // that the collector's conservative scan would find in the uninitialized
                // slots of the next calls' frames.
                crate::gc::stack::scrub_below();
                slow_op(vm, frame, code, op, info)?
            }
            _ => slow_op(vm, frame, code, op, info)?,
        }
        frame.stmt += 1;
        if MODE == STEP {
            return Ok(Flow::Stepped);
        }
    }
}

/// Runs the one statement at the frame's `(block, stmt)` (the JIT's generic helper: exactly
/// what the interpreter does for it), leaving the frame at the next statement or the
/// jump's target. On error the frame still points at the statement, and the `ErrInfo`
/// says how `execute` must deliver the exception there.
pub(crate) fn step(vm: &mut Vm, frame: &mut Frame, code: &Code) -> Result<(), (PyErr, ErrInfo)> {
    let mut info = ErrInfo::default();
    match run::<STEP>(vm, frame, code, &mut info) {
        Ok(_) => Ok(()),
        Err(e) => Err((e, info)),
    }
}

/// The Python truth of `v` (the JIT's truth helper).
pub(crate) fn truth_of(vm: &mut Vm, v: Value) -> PyResult<bool> {
    truth(vm, v)
}

/// One remembered global lookup: the value `name` had at the `LoadGlobal` statement at
/// address `site`, valid while neither namespace dict has changed since (their
/// `version`s) and no collection has run (`epoch`): a dict's identity is its address, and
/// only a collection can free a dict and let another take its address and version.
#[derive(Clone, Copy)]
struct GlobalEntry {
    epoch: u64,
    site: usize,
    name: u64,
    globals: u64,
    gver: u64,
    builtins: u64,
    bver: u64,
    value: Value,
}

const GLOBAL_CACHE_BITS: u32 = 10;
const NO_GLOBAL: GlobalEntry =
    GlobalEntry { epoch: u64::MAX, site: 0, name: 0, globals: 0, gver: 0, builtins: 0, bver: 0, value: Value::NULL };

thread_local! {
    /// Direct-mapped cache of `LoadGlobal` results. Functions read the same globals and
    /// builtins (`len`, `range`, other functions) over and over while those dicts rarely
    /// change; a hit costs two version reads instead of up to two hash probes. Entries
    /// are keyed by the statement's address and checked against the name and both dicts,
    /// so a code object freed and replaced at the same address cannot be confused.
    /// (Leaked once per thread behind a `const` thread-local: no lazy-initialization check
    /// per access.)
    static GLOBAL_CACHE: Cell<Option<&'static [Cell<GlobalEntry>]>> = const { Cell::new(None) };
}

#[inline]
fn global_cache() -> &'static [Cell<GlobalEntry>] {
    super::thread_table(&GLOBAL_CACHE, GLOBAL_CACHE_BITS, NO_GLOBAL)
}

fn dict_version(d: Value) -> u64 {
    d.as_dict().map(|c| c.borrow().version).unwrap_or(u64::MAX)
}

/// `name` in the frame's globals, then builtins (None when in neither).
#[inline]
fn load_global(vm: &Vm, frame: &Frame, site: usize, name: Value) -> Option<Value> {
    let globals = frame.globals;
    let builtins = frame.builtins_dict(vm);
    let idx = (site as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - GLOBAL_CACHE_BITS);
    let idx = idx as usize;
    let (gver, bver) = (dict_version(globals), dict_version(builtins));
    let epoch = vm.gc.stats.get().collections;
    let hit = {
        let e = global_cache()[idx].get();
        if e.site == site
            && e.epoch == epoch
            && e.name == name.bits()
            && e.globals == globals.bits()
            && e.gver == gver
            && e.builtins == builtins.bits()
            && e.bver == bver
        {
            Some(e.value)
        } else {
            None
        }
    };
    if hit.is_some() {
        return hit;
    }
    let v = vm.dict_get_str(globals, name).or_else(|| vm.dict_get_str(builtins, name))?;
    let entry = GlobalEntry {
        epoch,
        site,
        name: name.bits(),
        globals: globals.bits(),
        gver,
        builtins: builtins.bits(),
        bver,
        value: v,
    };
    global_cache()[idx].set(entry);
    Some(v)
}

/// `name` in the frame's builtins namespace.
#[inline]
fn builtins_get(vm: &Vm, frame: &Frame, name: Value) -> Option<Value> {
    vm.dict_get_str(frame.builtins_dict(vm), name)
}

/// The next item of an iterator for `for` loops: range/list/tuple iterators and
/// generators are stepped directly, other builtin iterators through their native step.
#[inline]
fn for_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    if let Some(o) = it.as_obj() {
        match &o.payload {
            Payload::Native(n) => {
                let any = n.as_any();
                if let Some(r) = any.downcast_ref::<crate::types::iter::RangeIter>() {
                    return Ok(r.next_i64().map(|i| vm.new_int(i)));
                }
                if let Some(l) = any.downcast_ref::<crate::types::iter::ListIter>() {
                    return Ok(l.next());
                }
                if let Some(t) = any.downcast_ref::<crate::types::iter::TupleIter>() {
                    return Ok(t.next());
                }
                let heap = o.class.get().as_class().is_none_or(|c| c.has_flag(class_flags::HEAPTYPE));
                if !heap {
                    if let Some(r) = crate::types::iter::next_builtin(vm, it) {
                        return r;
                    }
                }
            }
            Payload::Generator(_) if o.class.get().is(vm.types.generator) => {
                return match generator::resume_in(vm, it, generator::Resume::Next, true)? {
                    generator::Step::Yielded(v) => Ok(Some(v)),
                    generator::Step::Done(_) => Ok(None),
                };
            }
            _ => {}
        }
    }
    vm.next(it)
}

/// `list[int]`, `tuple[int]` and `ascii_str[int]` without the protocol.
#[inline]
fn fast_getitem(vm: &mut Vm, o: Value, k: Value) -> Option<Value> {
    let i = k.as_small_int()?;
    let obj = o.as_obj()?;
    match &obj.payload {
        Payload::List(l) if obj.class.get().is(vm.types.list) => {
            let n = l.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) {
                l.get(j as usize)
            } else {
                None
            }
        }
        Payload::Tuple(t) if obj.class.get().is(vm.types.tuple) => {
            let n = t.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) {
                Some(t[j as usize])
            } else {
                None
            }
        }
        Payload::Str(s) if s.is_ascii() && obj.class.get().is(vm.types.str_) => {
            let b = s.as_str().as_bytes();
            let n = b.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) {
                Some(vm.ascii_char(b[j as usize]))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `list[int] = v` without the protocol; false when the slow path must run.
#[inline]
fn fast_setitem(vm: &Vm, o: Value, k: Value, v: Value) -> bool {
    let (Some(i), Some(obj)) = (k.as_small_int(), o.as_obj()) else {
        return false;
    };
    match &obj.payload {
        Payload::List(l) if obj.class.get().is(vm.types.list) => {
            let n = l.len() as i64;
            let j = if i < 0 { i + n } else { i };
            (0..n).contains(&j) && l.set(j as usize, v)
        }
        _ => false,
    }
}

/// (name, value) pairs for the trailing keyword arguments of a call.
fn kw_pairs(code: &Code, vals: &[Value], kwnames: &[NameIdx]) -> Vec<(Value, Value)> {
    kwnames.iter().zip(vals).map(|(&n, &v)| (code.names[n as usize], v)).collect()
}

fn call_with_kwnames(vm: &mut Vm, code: &Code, f: Value, v: &[Value], kwnames: &[NameIdx]) -> PyResult<Value> {
    let npos = v.len() - kwnames.len();
    let kw = kw_pairs(code, &v[npos..], kwnames);
    call::call_from_loop(vm, f, &v[..npos], &kw)
}

/// `a, b, c = v`.
fn unpack(vm: &mut Vm, frame: &mut Frame, dsts: &[Slot], v: Value) -> PyResult<()> {
    let n = dsts.len();
    let exact = v.as_obj().map(|o| {
        let c = o.class.get();
        c.is(vm.types.tuple) || c.is(vm.types.list)
    });
    if exact == Some(true) {
        // Copied straight into the slots (no Python code runs meanwhile).
        let copy = |frame: &mut Frame, items: &[Value]| {
            if items.len() == n {
                for (d, x) in dsts.iter().zip(items) {
                    frame.slots[*d as usize] = *x;
                }
            }
            items.len()
        };
        let len = match &v.obj().payload {
            Payload::Tuple(t) => copy(frame, t),
            Payload::List(l) => copy(frame, &l.borrow()),
            _ => 0,
        };
        if len == n {
            return Ok(());
        }
        if len < n {
            return Err(vm.value_error(format!("not enough values to unpack (expected {n}, got {len})")));
        }
        return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.exc.type_error) && !has_iter(vm, v) => {
            return Err(vm.type_error(format!("cannot unpack non-iterable {} object", vm.type_tp_name(v))))
        }
        Err(e) => return Err(e),
    };
    let mut got = Vec::with_capacity(n);
    while got.len() < n {
        match vm.next(it)? {
            Some(x) => got.push(x),
            None => {
                return Err(vm.value_error(format!("not enough values to unpack (expected {n}, got {})", got.len())))
            }
        }
    }
    if vm.next(it)?.is_some() {
        return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
    }
    for (d, x) in dsts.iter().zip(got) {
        frame.slots[*d as usize] = x;
    }
    Ok(())
}

/// True when `type(v)` defines `__iter__` or `__getitem__` (so a TypeError from `iter`
/// came from inside it rather than from `v` not being iterable).
fn has_iter(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    let a = super::attr::names().__iter__;
    let b = super::attr::names().__getitem__;
    matches!(vm.lookup_type(t, a), Some(x) if !x.is_none()) || vm.lookup_type(t, b).is_some()
}

/// `raise`, `raise exc`, `raise exc from cause`. Returns the exception to deliver and
/// whether it is a re-raise (no new traceback entry).
fn do_raise(vm: &mut Vm, exc: Option<Value>, cause: Option<Value>) -> (PyErr, bool) {
    let Some(exc) = exc else {
        let h = vm.handled_exc.get();
        if h.is_null() || h.is_none() {
            return (vm.runtime_error("No active exception to reraise"), false);
        }
        return (PyErr(h), true);
    };
    let inst = match make_exception(vm, exc, "exceptions must derive from BaseException") {
        Ok(i) => i,
        Err(e) => return (e, false),
    };
    if let Some(c) = cause {
        let cv = if c.is_none() {
            Value::NONE
        } else {
            match make_exception(vm, c, "exception causes must derive from BaseException") {
                Ok(i) => i,
                Err(e) => return (e, false),
            }
        };
        if let Some(ed) = inst.as_obj().and_then(|o| o.as_exception()) {
            ed.cause.set(cv);
            ed.suppress_context.set(true);
        }
    }
    set_context(vm, inst);
    (PyErr(inst), false)
}

/// An exception instance from a class (instantiated with no arguments) or an instance.
pub(crate) fn make_exception(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Value> {
    let base = vm.exc.base_exception;
    if v.as_class().is_some() {
        if !vm.is_subclass(v, base) {
            return Err(vm.type_error(msg));
        }
        let inst = vm.call(v, &[], &[])?;
        if !vm.isinstance(inst, base) {
            let tr = super::function::type_repr(vm, v);
            return Err(vm.type_error(format!(
                "calling {tr} should have returned an instance of BaseException, not {}",
                vm.type_tp_name(inst)
            )));
        }
        return Ok(inst);
    }
    if vm.isinstance(v, base) {
        return Ok(v);
    }
    Err(vm.type_error(msg))
}

/// `isinstance(exc, ty)` for an `except ty:` clause.
fn exc_match(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<bool> {
    let base = vm.exc.base_exception;
    let valid = |vm: &Vm, t: Value| t.as_class().is_some() && vm.is_subclass(t, base);
    if let Some(items) = ty.as_tuple() {
        let items = items.to_vec();
        if items.iter().any(|&t| !valid(vm, t)) {
            return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        let et = vm.type_of(exc);
        return Ok(items.iter().any(|&t| vm.is_subclass(et, t)));
    }
    if !valid(vm, ty) {
        return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    Ok(vm.isinstance(exc, ty))
}

/// Everything not on the hot path.
#[inline(never)]
fn slow_op(vm: &mut Vm, frame: &mut Frame, code: &Code, op: &Op, info: &mut ErrInfo) -> PyResult<()> {
    macro_rules! rd {
        ($o:expr) => {
            match $o {
                Opnd::Slot(s) => frame.slots[s as usize],
                Opnd::Local(s) => {
                    let v = frame.slots[s as usize];
                    if v.is_null() {
                        info.narrow = Narrow::Name(s);
                        return Err(unbound_local(vm, code, s));
                    }
                    v
                }
                Opnd::Const(c) => code.consts[c as usize],
            }
        };
    }
    macro_rules! set {
        ($d:expr, $v:expr) => {{
            let v = $v;
            frame.slots[$d as usize] = v;
        }};
    }
    match op {
        Op::DeleteGlobal { name } => {
            let n = code.names[*name as usize];
            if vm.dict_del_str(frame.globals, n).is_none() {
                return Err(name_not_defined(vm, n));
            }
        }
        Op::LoadName { dst, name } => {
            let n = code.names[*name as usize];
            let v = load_name(vm, frame, n)?;
            set!(*dst, v);
        }
        Op::StoreName { name, src } => {
            let v = rd!(*src);
            let n = code.names[*name as usize];
            let locals = frame_locals(frame);
            if is_exact_dict(vm, locals) {
                vm.dict_set_str(locals, n, v);
            } else {
                vm.set_item(locals, n, v)?;
            }
        }
        Op::DeleteName { name } => {
            let n = code.names[*name as usize];
            let locals = frame_locals(frame);
            if is_exact_dict(vm, locals) {
                if vm.dict_del_str(locals, n).is_none() {
                    return Err(name_not_defined(vm, n));
                }
            } else if let Err(e) = vm.del_item(locals, n) {
                if vm.err_matches(&e, vm.exc.key_error) {
                    return Err(name_not_defined(vm, n));
                }
                return Err(e);
            }
        }
        Op::LoadClassDeref { dst, name, cell } => {
            let n = code.names[*name as usize];
            let locals = frame_locals(frame);
            let found = mapping_get(vm, locals, n)?;
            let v = match found {
                Some(v) => v,
                None => {
                    let v = cell_get(frame.slots[*cell as usize]);
                    if v.is_null() {
                        return Err(empty_cell(vm, code, *cell));
                    }
                    v
                }
            };
            set!(*dst, v);
        }
        Op::DeleteDeref { cell } => {
            let c = frame.slots[*cell as usize];
            if cell_get(c).is_null() {
                return Err(empty_cell(vm, code, *cell));
            }
            cell_set(c, Value::NULL);
        }
        Op::DeleteLocal { slot } => {
            if frame.slots[*slot as usize].is_null() {
                return Err(unbound_local(vm, code, *slot));
            }
            frame.slots[*slot as usize] = Value::NULL;
        }
        Op::LoadLocals { dst } => {
            let l = frame_locals(frame);
            set!(*dst, l);
        }
        Op::DelAttr { obj, name } => {
            let o = rd!(*obj);
            vm.del_attr(o, code.names[*name as usize])?;
        }
        Op::LoadSpecial { dst, obj, name } => {
            let o = rd!(*obj);
            let v = load_special(vm, o, code.names[*name as usize])?;
            set!(*dst, v);
        }
        Op::DelItem { obj, key } => {
            let o = rd!(*obj);
            let k = rd!(*key);
            vm.del_item(o, k)?;
        }
        Op::CallEx { dst, func, args, kwargs } => {
            let f = rd!(*func);
            let a = rd!(*args);
            let kw = match kwargs {
                Some(k) => rd!(*k),
                None => Value::NULL,
            };
            let r = call_ex(vm, f, a, kw)?;
            set!(*dst, r);
        }
        Op::BuildSet { dst, items } => {
            let mut v = Vec::with_capacity(items.len());
            for a in items.iter() {
                v.push(rd!(*a));
            }
            // CPython builds a display of more than two constants from a constant
            // frozenset, which orders the set differently from adding items one by one.
            let s = if items.iter().all(|o| matches!(o, Opnd::Const(_))) {
                crate::types::set::new_set_from_consts(vm, &v)?
            } else {
                crate::types::set::new_set(vm, &v)?
            };
            set!(*dst, s);
        }
        Op::BuildDict { dst, items } => {
            let d = vm.new_dict();
            for kv in items.chunks(2) {
                let k = rd!(kv[0]);
                let v = match kv.get(1) {
                    Some(o) => rd!(*o),
                    None => Value::NONE,
                };
                vm.dict_set(d, k, v)?;
            }
            set!(*dst, d);
        }
        Op::BuildSlice { dst, start, stop, step } => {
            let (a, b, c) = (rd!(*start), rd!(*stop), rd!(*step));
            let s = vm.alloc(vm.types.slice, Payload::Slice { start: a, stop: b, step: c });
            set!(*dst, s);
        }
        Op::BuildString { dst, parts } => {
            let mut s = String::new();
            for p in parts.iter() {
                let v = rd!(*p);
                match v.as_rstr() {
                    Some(x) => s.push_str(x),
                    None => s.push_str(&vm.str_string(v)?),
                }
            }
            set!(*dst, vm.new_string(s));
        }
        Op::FormatValue { dst, src, conv, spec } => {
            let v = rd!(*src);
            let v = match conv {
                Conversion::None => v,
                Conversion::Str => vm.str(v)?,
                Conversion::Repr => vm.repr(v)?,
                Conversion::Ascii => {
                    let r = vm.repr_string(v)?;
                    vm.new_string(ascii_escape(&r))
                }
            };
            let spec = match spec {
                Some(s) => rd!(*s),
                None => vm.empty_str,
            };
            let is_exact_str = v.as_obj().is_some_and(|o| o.class.get().is(vm.types.str_));
            let r = if is_exact_str && spec.as_rstr() == Some("") { v } else { vm.format(v, spec)? };
            set!(*dst, r);
        }
        Op::ListExtend { list, iter } => {
            let src = rd!(*iter);
            let l = frame.slots[*list as usize];
            let items = match vm.collect(src) {
                Ok(x) => x,
                Err(e) if vm.err_matches(&e, vm.exc.type_error) && !has_iter(vm, src) => {
                    let msg = match star_call_target(frame, code, *list) {
                        Some(f) => {
                            let fs = super::function::func_str(vm, f);
                            format!("{fs} argument after * must be an iterable, not {}", vm.type_name(src))
                        }
                        None => format!("Value after * must be an iterable, not {}", vm.type_name(src)),
                    };
                    return Err(vm.type_error(msg));
                }
                Err(e) => return Err(e),
            };
            match l.as_list() {
                Some(c) => c.borrow_mut().extend(items),
                None => return Err(vm.err(vm.exc.system_error, "ListExtend on a non-list")),
            }
        }
        Op::ListToTuple { dst, src } => {
            let v = rd!(*src);
            let items = match v.as_list() {
                Some(l) => l.borrow().clone(),
                None => vm.collect(v)?,
            };
            set!(*dst, vm.new_tuple(items));
        }
        Op::SetAdd { set, item } => {
            let v = rd!(*item);
            let s = frame.slots[*set as usize];
            set_add(vm, s, v)?;
        }
        Op::SetUpdate { set, iter } => {
            let src = rd!(*iter);
            let s = frame.slots[*set as usize];
            crate::types::set::update(vm, s, src)?;
        }
        Op::DictSet { dict, key, value } => {
            let k = rd!(*key);
            let v = rd!(*value);
            let d = frame.slots[*dict as usize];
            vm.dict_set(d, k, v)?;
        }
        Op::DictUpdate { dict, src } => {
            let s = rd!(*src);
            let d = frame.slots[*dict as usize];
            let items = match mapping_items(vm, s)? {
                Some(items) => items,
                None => return Err(vm.type_error(format!("'{}' object is not a mapping", vm.type_tp_name(s)))),
            };
            for (k, v) in items {
                vm.dict_set(d, k, v)?;
            }
        }
        Op::DictMerge { dict, src, func } => {
            let s = rd!(*src);
            let f = rd!(*func);
            let d = frame.slots[*dict as usize];
            let items = match mapping_items(vm, s)? {
                Some(items) => items,
                None => {
                    let fs = super::function::func_str(vm, f);
                    return Err(
                        vm.type_error(format!("{fs} argument after ** must be a mapping, not {}", vm.type_tp_name(s)))
                    );
                }
            };
            for (k, v) in items {
                if vm.dict_get(d, k)?.is_some() {
                    let ks =
                        if k.as_pystr().is_some() { k.as_rstr().unwrap_or("").to_owned() } else { vm.repr_string(k)? };
                    let fs = super::function::func_str(vm, f);
                    return Err(vm.type_error(format!("{fs} got multiple values for keyword argument '{ks}'")));
                }
                vm.dict_set(d, k, v)?;
            }
        }
        Op::MakeFunction { dst, code: idx, defaults, kwdefaults, annotations, closure } => {
            let child = code.children[*idx as usize].clone();
            let defaults = match defaults {
                Some(o) => rd!(*o),
                None => Value::NULL,
            };
            let kwdefaults = match kwdefaults {
                Some(o) => rd!(*o),
                None => Value::NULL,
            };
            let annotations = match annotations {
                Some(o) => rd!(*o),
                None => Value::NULL,
            };
            let cells: Box<[Value]> = closure.iter().map(|&s| frame.slots[s as usize]).collect();
            let f = make_function(vm, child, frame.globals, frame.builtins, defaults, kwdefaults, annotations, cells);
            set!(*dst, f);
        }
        Op::LoadBuildClass { dst } => {
            let n = vm.intern("__build_class__");
            match builtins_get(vm, frame, n) {
                Some(v) => set!(*dst, v),
                None => return Err(vm.name_error("__build_class__ not found")),
            }
        }
        Op::UnpackEx { before, star, after, src } => {
            let v = rd!(*src);
            let items = match vm.collect(v) {
                Ok(x) => x,
                Err(e) if vm.err_matches(&e, vm.exc.type_error) && !has_iter(vm, v) => {
                    return Err(vm.type_error(format!("cannot unpack non-iterable {} object", vm.type_tp_name(v))))
                }
                Err(e) => return Err(e),
            };
            let need = before.len() + after.len();
            if items.len() < need {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected at least {need}, got {})",
                    items.len()
                )));
            }
            for (d, x) in before.iter().zip(&items) {
                frame.slots[*d as usize] = *x;
            }
            let mid_end = items.len() - after.len();
            let mid = items[before.len()..mid_end].to_vec();
            frame.slots[*star as usize] = vm.new_list(mid);
            for (d, x) in after.iter().zip(&items[mid_end..]) {
                frame.slots[*d as usize] = *x;
            }
        }
        Op::Import { dst, name, fromlist, level } => {
            let fl = rd!(*fromlist);
            let m = crate::builtins::import::import_name(vm, code.names[*name as usize], frame.globals, fl, *level)?;
            set!(*dst, m);
        }
        Op::ImportFrom { dst, module, name } => {
            let m = rd!(*module);
            let v = crate::builtins::import::import_from(vm, m, code.names[*name as usize])?;
            set!(*dst, v);
        }
        Op::ImportStar { module } => {
            let m = rd!(*module);
            let target = frame_locals(frame);
            crate::builtins::import::import_star(vm, m, target)?;
        }
        Op::GetLen { dst, src } => {
            let v = rd!(*src);
            let n = vm.len(v)?;
            set!(*dst, vm.new_int(n as i64));
        }
        Op::MatchSequence { dst, src } => {
            let v = rd!(*src);
            set!(*dst, Value::bool(match_kind(vm, v, ABC_SEQUENCE)));
        }
        Op::MatchMapping { dst, src } => {
            let v = rd!(*src);
            set!(*dst, Value::bool(match_kind(vm, v, ABC_MAPPING)));
        }
        Op::MatchKeys { dst, src, keys } => {
            let s = rd!(*src);
            let k = rd!(*keys);
            let r = match_keys(vm, s, k)?;
            set!(*dst, r);
        }
        Op::MatchClass { dst, src, cls, npos, kwnames } => {
            let s = rd!(*src);
            let c = rd!(*cls);
            let names: Vec<Value> = kwnames.iter().map(|&n| code.names[n as usize]).collect();
            let r = match_class(vm, s, c, *npos as usize, &names)?;
            set!(*dst, r);
        }
        Op::CopyDictWithout { dst, src, keys } => {
            let s = rd!(*src);
            let k = rd!(*keys);
            let d = vm.new_dict();
            if let Some(items) = mapping_items(vm, s)? {
                for (a, b) in items {
                    vm.dict_set(d, a, b)?;
                }
            }
            let ks = vm.collect(k)?;
            for key in ks {
                let cell = d.as_dict().expect("fresh dict");
                crate::dict::del(vm, cell, key)?;
            }
            set!(*dst, d);
        }
        // Hot ops are handled in `run`; reaching them here is a bug in the dispatcher.
        other => {
            return Err(vm.err(vm.exc.system_error, format!("unexpected op in slow path: {other:?}")));
        }
    }
    Ok(())
}

/// When the list in slot `list` (being extended by the current statement) collects the positional
/// arguments of a `f(*args)` call, the function being called: the list becomes a tuple
/// (`ListToTuple`) passed to a `CallEx` later in the same straight-line code. Only used
/// to word an error message as CPython does.
fn star_call_target(frame: &Frame, code: &Code, list: Slot) -> Option<Value> {
    let (mut b, mut i) = (frame.block as usize, frame.stmt as usize + 1);
    let mut tuple: Option<Slot> = None;
    for _ in 0..64 {
        let block = code.blocks.get(b)?;
        while let Some(op) = block.ops.get(i) {
            match op {
                Op::ListToTuple { dst, src: Opnd::Slot(s) } if *s == list => tuple = Some(*dst),
                Op::CallEx { func, args: Opnd::Slot(a), .. } if Some(*a) == tuple => {
                    return match *func {
                        Opnd::Slot(s) | Opnd::Local(s) => frame.slots.get(s as usize).copied().filter(|v| !v.is_null()),
                        Opnd::Const(c) => code.consts.get(c as usize).copied(),
                    };
                }
                Op::Jump { target } => {
                    b = target.0 as usize;
                    i = 0;
                    break;
                }
                op if op.is_terminator() => return None,
                _ => {}
            }
            i += 1;
        }
    }
    None
}

fn frame_locals(frame: &Frame) -> Value {
    if frame.locals.is_null() {
        frame.globals
    } else {
        frame.locals
    }
}

fn is_exact_dict(vm: &Vm, v: Value) -> bool {
    v.as_obj().is_some_and(|o| o.class.get().is(vm.types.dict) && o.as_dict().is_some())
}

/// `mapping[key]`, `None` on KeyError; exact dicts without running Python code.
fn mapping_get(vm: &mut Vm, m: Value, key: Value) -> PyResult<Option<Value>> {
    if is_exact_dict(vm, m) {
        return Ok(vm.dict_get_str(m, key));
    }
    match vm.get_item(m, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, vm.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// LoadName: the locals mapping, then globals, then builtins.
fn load_name(vm: &mut Vm, frame: &Frame, n: Value) -> PyResult<Value> {
    let locals = frame_locals(frame);
    if let Some(v) = mapping_get(vm, locals, n)? {
        return Ok(v);
    }
    if !locals.is(frame.globals) {
        if let Some(v) = vm.dict_get_str(frame.globals, n) {
            return Ok(v);
        }
    }
    match builtins_get(vm, frame, n) {
        Some(v) => Ok(v),
        None => Err(name_not_defined(vm, n)),
    }
}

/// The (key, value) pairs of a mapping: dicts directly, others through `keys()` and
/// `__getitem__`. `None` when `m` is not a mapping (has no `keys`).
pub(crate) fn mapping_items(vm: &mut Vm, m: Value) -> PyResult<Option<Vec<(Value, Value)>>> {
    if let Some(d) = m.as_dict() {
        if m.obj().class.get().is(vm.types.dict) {
            return Ok(Some(d.borrow().items()));
        }
    }
    let kname = vm.intern("keys");
    let Some(keys) = vm.get_attr_opt(m, kname)? else {
        return Ok(None);
    };
    let ks = vm.call(keys, &[], &[])?;
    let ks = vm.collect(ks)?;
    let mut out = Vec::with_capacity(ks.len());
    for k in ks {
        let v = vm.get_item(m, k)?;
        out.push((k, v));
    }
    Ok(Some(out))
}

fn set_add(vm: &mut Vm, s: Value, v: Value) -> PyResult<()> {
    match crate::types::set::set_cell(s) {
        Some(cell) => crate::types::set::add(vm, cell, v),
        None => {
            vm.call_method(s, "add", &[v])?;
            Ok(())
        }
    }
}

/// `f(*args, **kwargs)` with `args` a tuple (or any iterable) and `kwargs` a dict or NULL.
fn call_ex(vm: &mut Vm, f: Value, args: Value, kwargs: Value) -> PyResult<Value> {
    let pos: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => match args.as_list() {
            Some(l) => l.borrow().clone(),
            None => match vm.collect(args) {
                Ok(v) => v,
                Err(e) if vm.err_matches(&e, vm.exc.type_error) && !has_iter(vm, args) => {
                    let fs = super::function::func_str(vm, f);
                    return Err(vm.type_error(format!(
                        "{fs} argument after * must be an iterable, not {}",
                        vm.type_tp_name(args)
                    )));
                }
                Err(e) => return Err(e),
            },
        },
    };
    if kwargs.is_null() || kwargs.is_none() {
        return call::call(vm, f, &pos, &[]);
    }
    let items = match mapping_items(vm, kwargs)? {
        Some(i) => i,
        None => {
            let fs = super::function::func_str(vm, f);
            return Err(
                vm.type_error(format!("{fs} argument after ** must be a mapping, not {}", vm.type_tp_name(kwargs)))
            );
        }
    };
    let mut kw = Vec::with_capacity(items.len());
    for (k, v) in items {
        if k.as_pystr().is_none() {
            return Err(vm.type_error("keywords must be strings"));
        }
        let k = vm.intern_value(k);
        kw.push((k, v));
    }
    call::call(vm, f, &pos, &kw)
}

/// A new function object of `code` (MakeFunction).
#[allow(clippy::too_many_arguments)]
pub(crate) fn make_function(
    vm: &mut Vm,
    code: Rc<Code>,
    globals: Value,
    builtins: Value,
    defaults: Value,
    kwdefaults: Value,
    annotations: Value,
    closure: Box<[Value]>,
) -> Value {
    let name_key = super::attr::names().__name__;
    let module = if globals.as_dict().is_some() { vm.dict_get_str(globals, name_key) } else { None };
    let defaults = if defaults.is_none() { Value::NULL } else { defaults };
    let kwdefaults = if kwdefaults.is_none() { Value::NULL } else { kwdefaults };
    let f = Function {
        name: Cell::new(code.name),
        qualname: Cell::new(code.qualname),
        doc: Cell::new(code.doc),
        module: Cell::new(module.unwrap_or(Value::NONE)),
        annotations: Cell::new(annotations),
        defaults: Cell::new(defaults),
        kwdefaults: Cell::new(kwdefaults),
        closure,
        globals,
        builtins,
        code,
    };
    vm.alloc(vm.types.function, Payload::Function(Box::new(f)))
}

/// Special-method lookup for `with`: on the type, bound to `obj`.
fn load_special(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    match vm.lookup_type(ty, name) {
        Some(m) => super::function::bind_descriptor(vm, m, obj, ty),
        None => {
            let n = name.as_rstr().unwrap_or("");
            let t = vm.type_name(obj);
            Err(match n {
                "__enter__" => vm.type_error(format!("'{t}' object does not support the context manager protocol")),
                "__exit__" => vm.type_error(format!(
                    "'{t}' object does not support the context manager protocol (missed __exit__ method)"
                )),
                "__aenter__" => {
                    vm.type_error(format!("'{t}' object does not support the asynchronous context manager protocol"))
                }
                "__aexit__" => vm.type_error(format!(
                    "'{t}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                )),
                _ => vm.attribute_error(format!("'{t}' object has no attribute '{n}'")),
            })
        }
    }
}

/// `ascii()`'s escaping of a repr: non-ASCII characters become `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

// ----- pattern matching -----

/// `collections.abc` sets these bits in `__abc_tpflags__` (as CPython's ABCs do).
const ABC_SEQUENCE: i64 = 1 << 5;
const ABC_MAPPING: i64 = 1 << 6;

/// Whether `v` is a sequence (`kind == ABC_SEQUENCE`) or a mapping for `match`.
fn match_kind(vm: &mut Vm, v: Value, kind: i64) -> bool {
    let t = vm.type_of(v);
    let builtin: &[Value] =
        if kind == ABC_SEQUENCE { &[vm.types.list, vm.types.tuple, vm.types.range] } else { &[vm.types.dict] };
    if builtin.iter().any(|&b| vm.is_subclass(t, b)) {
        return true;
    }
    if kind == ABC_SEQUENCE {
        for b in [vm.types.str_, vm.types.bytes, vm.types.bytearray] {
            if vm.is_subclass(t, b) {
                return false;
            }
        }
    }
    let extra: &[&str] = if kind == ABC_SEQUENCE {
        &["deque", "memoryview", "array"]
    } else {
        &["mappingproxy", "OrderedDict", "defaultdict"]
    };
    for name in extra {
        if let Some(&c) = vm.extra_types.get(name) {
            if vm.is_subclass(t, c) {
                return true;
            }
        }
    }
    let flags_key = vm.intern("__abc_tpflags__");
    let mro: Vec<Value> = t.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default();
    for c in mro {
        let Some(cd) = c.as_class() else { continue };
        if let Some(f) = vm.dict_get_str(cd.dict, flags_key).and_then(|f| f.as_small_int()) {
            if f & kind != 0 {
                return true;
            }
            if f & (ABC_SEQUENCE | ABC_MAPPING) != 0 {
                return false;
            }
        }
    }
    false
}

/// MatchKeys: the values of `keys` in the mapping `src` as a tuple, or None.
fn match_keys(vm: &mut Vm, src: Value, keys: Value) -> PyResult<Value> {
    let ks = vm.collect(keys)?;
    if ks.is_empty() {
        return Ok(vm.empty_tuple);
    }
    let get = vm.intern("get");
    let getter = vm.get_attr(src, get)?;
    // A fresh object no mapping can contain: "missing".
    let dummy = vm.alloc(vm.types.object, Payload::Object);
    let seen = vm.new_dict();
    let mut vals = Vec::with_capacity(ks.len());
    for k in ks {
        if vm.dict_get(seen, k)?.is_some() {
            let r = vm.repr_string(k)?;
            return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        vm.dict_set(seen, k, Value::NONE)?;
        let v = vm.call(getter, &[k, dummy], &[])?;
        if v.is(dummy) {
            return Ok(Value::NONE);
        }
        vals.push(v);
    }
    Ok(vm.new_tuple(vals))
}

/// MatchClass: the sub-pattern subjects as a tuple, or None when `src` does not match.
fn match_class(vm: &mut Vm, src: Value, cls: Value, npos: usize, kwnames: &[Value]) -> PyResult<Value> {
    if cls.as_class().is_none() {
        return Err(vm.type_error("called match pattern must be a type"));
    }
    let isinst = vm.intern("isinstance");
    let is_instance = match builtins_lookup(vm, isinst) {
        Some(f) => {
            let r = vm.call(f, &[src, cls], &[])?;
            vm.truthy(r)?
        }
        None => vm.isinstance(src, cls),
    };
    if !is_instance {
        return Ok(Value::NONE);
    }
    let cname = vm.class_name(cls);
    let mut out = Vec::with_capacity(npos + kwnames.len());
    let mut seen: Vec<Value> = Vec::new();
    if npos > 0 {
        let ma_key = vm.intern("__match_args__");
        let match_args = vm.get_attr_opt(cls, ma_key)?;
        let names: Vec<Value> = match match_args {
            Some(t) => match t.as_tuple() {
                Some(items) if vm.type_of(t).is(vm.types.tuple) || vm.isinstance(t, vm.types.tuple) => items.to_vec(),
                _ => {
                    return Err(
                        vm.type_error(format!("{cname}.__match_args__ must be a tuple (got {})", vm.type_tp_name(t)))
                    )
                }
            },
            None => {
                let self_match = [
                    vm.types.bool_,
                    vm.types.bytearray,
                    vm.types.bytes,
                    vm.types.dict,
                    vm.types.float,
                    vm.types.frozenset,
                    vm.types.int,
                    vm.types.list,
                    vm.types.set,
                    vm.types.str_,
                    vm.types.tuple,
                ]
                .iter()
                .any(|&b| vm.is_subclass(cls, b));
                if self_match {
                    if npos > 1 {
                        return Err(vm.type_error(format!("{cname}() accepts 1 positional sub-pattern ({npos} given)")));
                    }
                    out.push(src);
                    Vec::new()
                } else {
                    return Err(vm.type_error(format!("{cname}() accepts 0 positional sub-patterns ({npos} given)")));
                }
            }
        };
        if out.is_empty() {
            if npos > names.len() {
                let n = names.len();
                return Err(vm.type_error(format!(
                    "{cname}() accepts {n} positional sub-pattern{} ({npos} given)",
                    if n == 1 { "" } else { "s" }
                )));
            }
            for &name in &names[..npos] {
                if name.as_pystr().is_none() {
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        vm.type_tp_name(name)
                    )));
                }
                let name = vm.intern_value(name);
                if seen.iter().any(|s| s.is(name)) {
                    return Err(vm.type_error(format!(
                        "{cname}() got multiple sub-patterns for attribute '{}'",
                        name.as_rstr().unwrap_or("")
                    )));
                }
                seen.push(name);
                match vm.get_attr_opt(src, name)? {
                    Some(v) => out.push(v),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    for &name in kwnames {
        if seen.iter().any(|s| s.is(name)) {
            return Err(vm.type_error(format!(
                "{cname}() got multiple sub-patterns for attribute '{}'",
                name.as_rstr().unwrap_or("")
            )));
        }
        seen.push(name);
        match vm.get_attr_opt(src, name)? {
            Some(v) => out.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(vm.new_tuple(out))
}

fn builtins_lookup(vm: &Vm, name: Value) -> Option<Value> {
    vm.dict_get_str(vm.builtins_dict, name)
}

/// True when `code` is a generator's and `flags` say so (kept here so the loop and
/// `call` agree on what makes a generator).
#[inline]
pub(crate) fn is_generator_code(code: &Code) -> bool {
    code.flags & (code_flags::GENERATOR | code_flags::COROUTINE) != 0
}

/// True when `cls` (a class) customizes attribute lookup, so method-call fast paths must
/// not bypass it.
#[inline]
pub(crate) fn custom_getattr(cls: Value) -> bool {
    cls.as_class().is_none_or(|c| c.has_flag(class_flags::CUSTOM_GETATTR))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: Option<Value>) -> Option<i64> {
        v.and_then(|v| v.as_small_int())
    }

    #[test]
    fn floor_division_and_modulo_follow_python() {
        let vm = Vm::new();
        let i = |x: i64| Value::small_int(x).unwrap();
        assert_eq!(int(fast_binary(&vm, BinOp::FloorDiv, i(7), i(2))), Some(3));
        assert_eq!(int(fast_binary(&vm, BinOp::FloorDiv, i(-7), i(2))), Some(-4));
        assert_eq!(int(fast_binary(&vm, BinOp::FloorDiv, i(7), i(-2))), Some(-4));
        assert_eq!(int(fast_binary(&vm, BinOp::Mod, i(-7), i(2))), Some(1));
        assert_eq!(int(fast_binary(&vm, BinOp::Mod, i(7), i(-2))), Some(-1));
        assert!(fast_binary(&vm, BinOp::Mod, i(7), i(0)).is_none());
        assert_eq!(int(fast_binary(&vm, BinOp::RShift, i(-5), i(100))), Some(-1));
        // Past the inline range the result is a heap int, not a wrong small one; past
        // i64 the slow path (big ints) takes over.
        let big = fast_binary(&vm, BinOp::Mul, i(1 << 40), i(1 << 10)).unwrap();
        assert!(big.as_small_int().is_none() && big.is_obj());
        assert!(fast_binary(&vm, BinOp::Mul, i(1 << 40), i(1 << 40)).is_none());
    }

    #[test]
    fn mixed_int_float_comparisons_are_exact() {
        let i = |x: i64| Value::small_int(x).unwrap();
        assert_eq!(fast_compare(CmpOp::Lt, i(1), Value::float(1.5)), Some(true));
        assert_eq!(fast_compare(CmpOp::Eq, i(3), Value::float(3.0)), Some(true));
        assert_eq!(fast_compare(CmpOp::Eq, Value::float(f64::NAN), Value::float(f64::NAN)), Some(false));
        assert_eq!(fast_compare(CmpOp::Is, i(1), i(1)), None);
    }

    #[test]
    fn ascii_escapes_non_ascii() {
        assert_eq!(ascii_escape("'é日😀'"), "'\\xe9\\u65e5\\U0001f600'");
    }
}
