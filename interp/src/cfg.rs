//! The flat control-flow graph every code object is lowered to (DESIGN.md).
//!
//! ```text
//!   source ──ruff_python_parser──▶ AST ──lower::scope──▶ scopes ──lower──▶ Code (this file)
//!                                                                           │
//!                                                          eval::run_frame ◀┘ (block, stmt)
//! ```
//!
//! A `Code` is a vector of basic blocks. Each block is a list of flat statements (`Op`) that
//! read operands (`Opnd`: a frame slot or a constant) and write at most a few slots. Control
//! moves only at a block's last statement (a terminator) or when an exception transfers to
//! the block's handler. Every intermediate value lives in a slot, so a frame can be resumed
//! at any `(block, stmt)` given its slot values: generators, exception handlers, side exits
//! from compiled traces and entry into compiled loops all use that one mechanism.
//!
//! Terminology:
//! - *slot*: an entry of the frame's value array. Layout: parameters first (positional,
//!   then keyword-only, then `*args`, then `**kwargs`), then the other locals, then one slot
//!   per cell variable holding its cell object, then one per free variable holding the cell
//!   taken from the closure, then temporaries.
//! - *local*: a slot that holds a named Python variable and may be unbound (NULL); reading
//!   it through `Opnd::Local` raises `UnboundLocalError` when NULL. Temporaries are read
//!   through `Opnd::Slot`, which never checks.
//! - *terminator*: `Jump`, `Branch`, `ForIter`, `Return`, `Raise`, `Reraise`. Every block
//!   ends with exactly one; no terminator appears elsewhere in a block. `Yield` and
//!   `YieldFrom` suspend the frame but are not terminators.
//!
//! Exceptions: a block's `handler` names the block that receives control when any of its
//! statements raises. The interpreter records a traceback entry for the raising statement,
//! stores the exception in the frame (`GetException` reads it) and continues at the handler.
//! Without a handler the exception leaves the frame. `try/finally` is lowered by copying the
//! `finally` body onto every way out of the `try` (fall-through, return, break, continue,
//! exception), as CPython 3.11 does.
//!
//! Well-formedness (checked by `Code::check` in debug builds):
//! - every block is non-empty and ends in a terminator, with no terminator before the end;
//! - every block id named by a terminator or a handler exists;
//! - every slot index is < `nslots`, every const index < `consts.len()`, every name index
//!   < `names.len()`, every code index < `children.len()`.

use std::rc::Rc;

use crate::value::Value;

/// Index of a block in `Code::blocks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// Index of a frame slot.
pub type Slot = u32;
/// Index into `Code::names` (interned identifier strings).
pub type NameIdx = u32;
/// Index into `Code::consts`.
pub type ConstIdx = u32;
/// Index into `Code::children` (nested code objects).
pub type CodeIdx = u32;

/// An operand read by a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opnd {
    /// A slot that is always bound here (temporaries, freshly assigned values).
    Slot(Slot),
    /// A named local variable: reading NULL raises UnboundLocalError naming
    /// `Code::slot_names[slot]`.
    Local(Slot),
    /// `Code::consts[i]`.
    Const(ConstIdx),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

/// Conversion in an f-string replacement field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// One flat statement.
#[derive(Clone, Debug)]
pub enum Op {
    // ----- data movement -----
    /// `dst = src`
    Move {
        dst: Slot,
        src: Opnd,
    },
    /// Globals dict, then builtins; NameError when absent.
    LoadGlobal {
        dst: Slot,
        name: NameIdx,
    },
    StoreGlobal {
        name: NameIdx,
        src: Opnd,
    },
    DeleteGlobal {
        name: NameIdx,
    },
    /// Name lookup through the frame's locals mapping (class bodies, module-level
    /// `exec`), then globals, then builtins.
    LoadName {
        dst: Slot,
        name: NameIdx,
    },
    StoreName {
        name: NameIdx,
        src: Opnd,
    },
    DeleteName {
        name: NameIdx,
    },
    /// In a class body, a free variable: the locals mapping first, then the cell in `cell`.
    LoadClassDeref {
        dst: Slot,
        name: NameIdx,
        cell: Slot,
    },
    /// Contents of the cell object held in slot `cell`; NameError (free variable) or
    /// UnboundLocalError (cell variable) when empty.
    LoadDeref {
        dst: Slot,
        cell: Slot,
    },
    StoreDeref {
        cell: Slot,
        src: Opnd,
    },
    DeleteDeref {
        cell: Slot,
    },
    /// `del x` for a local: UnboundLocalError when already unbound.
    DeleteLocal {
        slot: Slot,
    },
    /// The frame's locals mapping (class body namespace) as a value.
    LoadLocals {
        dst: Slot,
    },

    // ----- operators -----
    Unary {
        dst: Slot,
        op: UnaryOp,
        src: Opnd,
    },
    Binary {
        dst: Slot,
        op: BinOp,
        a: Opnd,
        b: Opnd,
    },
    /// `a op= b`: tries `__iop__` first.
    InPlace {
        dst: Slot,
        op: BinOp,
        a: Opnd,
        b: Opnd,
    },
    Compare {
        dst: Slot,
        op: CmpOp,
        a: Opnd,
        b: Opnd,
    },
    /// `dst = bool(src)` as a Python bool.
    Truth {
        dst: Slot,
        src: Opnd,
    },

    // ----- attributes and items -----
    GetAttr {
        dst: Slot,
        obj: Opnd,
        name: NameIdx,
    },
    SetAttr {
        obj: Opnd,
        name: NameIdx,
        src: Opnd,
    },
    DelAttr {
        obj: Opnd,
        name: NameIdx,
    },
    /// Special-method lookup on the type (bypassing the instance), bound to `obj`;
    /// AttributeError when missing (used by `with`).
    LoadSpecial {
        dst: Slot,
        obj: Opnd,
        name: NameIdx,
    },
    GetItem {
        dst: Slot,
        obj: Opnd,
        key: Opnd,
    },
    SetItem {
        obj: Opnd,
        key: Opnd,
        src: Opnd,
    },
    DelItem {
        obj: Opnd,
        key: Opnd,
    },

    // ----- calls -----
    /// `dst = func(*args[..n-k], **{kwnames[i]: args[n-k+i]})` where k = kwnames.len().
    Call {
        dst: Slot,
        func: Opnd,
        args: Box<[Opnd]>,
        kwnames: Box<[NameIdx]>,
    },
    /// `dst = obj.name(args...)` without materializing the bound method when possible.
    CallMethod {
        dst: Slot,
        obj: Opnd,
        name: NameIdx,
        args: Box<[Opnd]>,
        kwnames: Box<[NameIdx]>,
    },
    /// `dst = func(*args, **kwargs)`; `args` is a tuple, `kwargs` a dict or NULL const.
    CallEx {
        dst: Slot,
        func: Opnd,
        args: Opnd,
        kwargs: Option<Opnd>,
    },

    // ----- building values -----
    BuildTuple {
        dst: Slot,
        items: Box<[Opnd]>,
    },
    BuildList {
        dst: Slot,
        items: Box<[Opnd]>,
    },
    BuildSet {
        dst: Slot,
        items: Box<[Opnd]>,
    },
    /// `items` alternate key, value.
    BuildDict {
        dst: Slot,
        items: Box<[Opnd]>,
    },
    BuildSlice {
        dst: Slot,
        start: Opnd,
        stop: Opnd,
        step: Opnd,
    },
    /// Concatenates str parts (f-strings).
    BuildString {
        dst: Slot,
        parts: Box<[Opnd]>,
    },
    /// `format(conv(src), spec)`; `spec` absent means "".
    FormatValue {
        dst: Slot,
        src: Opnd,
        conv: Conversion,
        spec: Option<Opnd>,
    },
    ListAppend {
        list: Slot,
        item: Opnd,
    },
    /// `list.extend(iterable)` (star-unpacking in displays and calls).
    ListExtend {
        list: Slot,
        iter: Opnd,
    },
    ListToTuple {
        dst: Slot,
        src: Opnd,
    },
    SetAdd {
        set: Slot,
        item: Opnd,
    },
    SetUpdate {
        set: Slot,
        iter: Opnd,
    },
    DictSet {
        dict: Slot,
        key: Opnd,
        value: Opnd,
    },
    /// `{**src}` in a display: any mapping, later keys win.
    DictUpdate {
        dict: Slot,
        src: Opnd,
    },
    /// `f(**src)`: any mapping, TypeError on a repeated keyword (names `func` in the message).
    DictMerge {
        dict: Slot,
        src: Opnd,
        func: Opnd,
    },

    // ----- functions and classes -----
    /// A new function of `children[code]`. `defaults` is a tuple, `kwdefaults` a dict,
    /// `annotations` a dict; `closure` lists the slots holding the cells to capture, in the
    /// child's `freevars` order.
    MakeFunction {
        dst: Slot,
        code: CodeIdx,
        defaults: Option<Opnd>,
        kwdefaults: Option<Opnd>,
        annotations: Option<Opnd>,
        closure: Box<[Slot]>,
    },
    /// `builtins.__build_class__` (then called like CPython's LOAD_BUILD_CLASS).
    LoadBuildClass {
        dst: Slot,
    },

    // ----- iteration -----
    GetIter {
        dst: Slot,
        src: Opnd,
    },
    /// `a, b, c = src`: exactly `dsts.len()` items or ValueError.
    Unpack {
        dsts: Box<[Slot]>,
        src: Opnd,
    },
    /// `a, *b, c = src`: `before` items, the middle as a list into `star`, `after` items.
    UnpackEx {
        before: Box<[Slot]>,
        star: Slot,
        after: Box<[Slot]>,
        src: Opnd,
    },

    // ----- generators -----
    /// Suspends the frame yielding `value`; on resume, `dst` holds the sent value (or the
    /// thrown exception is raised at this statement).
    Yield {
        dst: Slot,
        value: Opnd,
    },
    /// Delegates to the iterator in `iter` (`yield from`). Re-executed on each resume; when
    /// the sub-iterator finishes, `dst` receives its return value and execution continues.
    YieldFrom {
        dst: Slot,
        iter: Opnd,
    },

    // ----- exceptions -----
    /// The exception being handled (set when control reached a handler block).
    GetException {
        dst: Slot,
    },
    /// Makes `exc` the "currently handled" exception (`sys.exc_info()`), saving the
    /// previous one into `save`.
    PushExcInfo {
        save: Slot,
        exc: Opnd,
    },
    /// Restores the handled exception saved by `PushExcInfo`.
    PopExcInfo {
        saved: Opnd,
    },
    /// `dst = isinstance(exc, ty)` for an `except ty:` clause; TypeError when `ty` is not an
    /// exception class or a tuple of them.
    ExcMatch {
        dst: Slot,
        exc: Opnd,
        ty: Opnd,
    },

    // ----- imports -----
    /// `__import__(names[name], globals, None, fromlist, level)`.
    Import {
        dst: Slot,
        name: NameIdx,
        fromlist: Opnd,
        level: u32,
    },
    /// `from module import name` (falls back to `sys.modules["pkg.name"]`).
    ImportFrom {
        dst: Slot,
        module: Opnd,
        name: NameIdx,
    },
    ImportStar {
        module: Opnd,
    },

    // ----- pattern matching -----
    /// `dst = len(src)` as an int (any sized object).
    GetLen {
        dst: Slot,
        src: Opnd,
    },
    /// `dst = True` when `src` is a sequence for `match` (not str/bytes/bytearray).
    MatchSequence {
        dst: Slot,
        src: Opnd,
    },
    /// `dst = True` when `src` is a mapping for `match`.
    MatchMapping {
        dst: Slot,
        src: Opnd,
    },
    /// Values of `keys` (a tuple) in the mapping `src` as a tuple, or None if any missing.
    MatchKeys {
        dst: Slot,
        src: Opnd,
        keys: Opnd,
    },
    /// Class pattern: a tuple of the `npos` positional (via `__match_args__`) and the
    /// keyword attributes `kwnames`, or None when `src` is not an instance or lacks one.
    MatchClass {
        dst: Slot,
        src: Opnd,
        cls: Opnd,
        npos: u32,
        kwnames: Box<[NameIdx]>,
    },
    /// Copy of the mapping `src` without `keys` (a tuple), as a dict (`**rest`).
    CopyDictWithout {
        dst: Slot,
        src: Opnd,
        keys: Opnd,
    },

    /// Does nothing (keeps a block non-empty or carries a line position).
    Nop,

    // ----- terminators -----
    Jump {
        target: BlockId,
    },
    Branch {
        cond: Opnd,
        t: BlockId,
        f: BlockId,
    },
    /// Advances the iterator in `iter`: its next value into `dst` and go to `body`, or go to
    /// `exit` when exhausted.
    ForIter {
        dst: Slot,
        iter: Opnd,
        body: BlockId,
        exit: BlockId,
    },
    Return {
        value: Opnd,
    },
    /// `raise exc from cause`; `exc` None means bare `raise` (re-raise the handled
    /// exception or RuntimeError).
    Raise {
        exc: Option<Opnd>,
        cause: Option<Opnd>,
    },
    /// Re-raises `exc` keeping its traceback (end of `finally`/unmatched `except`).
    Reraise {
        exc: Opnd,
    },
}

impl Op {
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Op::Jump { .. }
                | Op::Branch { .. }
                | Op::ForIter { .. }
                | Op::Return { .. }
                | Op::Raise { .. }
                | Op::Reraise { .. }
        )
    }
}

#[derive(Clone)]
pub struct Block {
    pub ops: Vec<Op>,
    /// Byte range in the source of the Python statement/expression each op came from,
    /// parallel to `ops` (tracebacks and line numbers).
    pub spans: Vec<(u32, u32)>,
    /// Where control goes when an op of this block raises.
    pub handler: Option<BlockId>,
    /// Set by the JIT when the loop this block heads is blacklisted: its back edges then
    /// skip the JIT's loop table.
    pub jit_cold: std::cell::Cell<bool>,
    /// Set by the JIT when that loop was given up because its runs are too short (about
    /// one trip each): traces of other loops then record through its iterations instead
    /// of ending at its header.
    pub jit_unroll: std::cell::Cell<bool>,
}

/// Source text of a file, shared by all code objects lowered from it.
pub struct Source {
    pub filename: String,
    pub text: String,
    /// Byte offset where each line starts.
    pub line_starts: Vec<u32>,
}

impl Source {
    pub fn new(filename: String, text: String) -> Source {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Source { filename, text, line_starts }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// Text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = line.saturating_sub(1) as usize;
        let start = self.line_starts.get(i).copied().unwrap_or(self.text.len() as u32) as usize;
        let end = self.line_starts.get(i + 1).map(|&e| e as usize).unwrap_or(self.text.len());
        self.text[start.min(self.text.len())..end.min(self.text.len())].trim_end_matches(['\n', '\r'])
    }
}

pub mod code_flags {
    pub const GENERATOR: u32 = 1;
    pub const COROUTINE: u32 = 2;
    /// Has `*args`.
    pub const VARARGS: u32 = 4;
    /// Has `**kwargs`.
    pub const VARKEYWORDS: u32 = 8;
    /// Names are resolved through a locals mapping (module top level run by exec with a
    /// separate locals dict, and class bodies): uses LoadName/StoreName.
    pub const NAME_LOOKUP: u32 = 16;
    /// A class body (creates `__class__` cell handling, returns the namespace).
    pub const CLASS_BODY: u32 = 32;
    /// Module top level.
    pub const MODULE: u32 = 64;
    /// A generator usable in `await` (CPython's CO_ITERABLE_COROUTINE, set by
    /// `types.coroutine`). GENERATOR|COROUTINE together mean an async generator.
    pub const ITERABLE_COROUTINE: u32 = 128;
}

/// A lowered code object.
#[derive(Clone)]
pub struct Code {
    pub name: Value,
    pub qualname: Value,
    pub source: Rc<Source>,
    /// 1-based line of the `def`/`class`/module start.
    pub first_line: u32,
    pub flags: u32,
    /// Number of positional parameters, positional-only ones included.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Total slots in a frame.
    pub nslots: u32,
    /// Name of each named slot (parameters, locals, cell variables, free variables), by
    /// slot index; temporaries past the end have no name.
    pub slot_names: Vec<Value>,
    /// Cell variables: (name, slot holding the cell, parameter slot whose value seeds the
    /// cell at frame entry or None).
    pub cellvars: Vec<(Value, Slot, Option<Slot>)>,
    /// Free variables: (name, slot receiving the closure's cell), in closure order.
    pub freevars: Vec<(Value, Slot)>,
    pub names: Vec<Value>,
    pub consts: Vec<Value>,
    pub children: Vec<Rc<Code>>,
    pub blocks: Vec<Block>,
    /// Docstring or None.
    pub doc: Value,
}

impl Code {
    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }

    pub fn filename(&self) -> &str {
        &self.source.filename
    }

    pub fn line_of_span(&self, span: (u32, u32)) -> u32 {
        self.source.line_of(span.0)
    }

    /// Checks the well-formedness rules of the module docs; returns the first violation.
    pub fn check(&self) -> Result<(), String> {
        let nb = self.blocks.len() as u32;
        let ok_block = |b: BlockId| b.0 < nb;
        let ok_opnd = |o: &Opnd| match *o {
            Opnd::Slot(s) | Opnd::Local(s) => s < self.nslots,
            Opnd::Const(c) => (c as usize) < self.consts.len(),
        };
        for (bi, b) in self.blocks.iter().enumerate() {
            let Some(last) = b.ops.last() else { return Err(format!("block {bi} is empty")) };
            if !last.is_terminator() {
                return Err(format!("block {bi} does not end in a terminator: {last:?}"));
            }
            if b.ops.len() != b.spans.len() {
                return Err(format!("block {bi}: spans do not match ops"));
            }
            if let Some(h) = b.handler {
                if !ok_block(h) {
                    return Err(format!("block {bi}: handler {h:?} out of range"));
                }
            }
            for (i, op) in b.ops.iter().enumerate() {
                if i + 1 < b.ops.len() && op.is_terminator() {
                    return Err(format!("block {bi}: terminator {op:?} before the end"));
                }
                let targets: &[BlockId] = match op {
                    Op::Jump { target } => &[*target],
                    Op::Branch { t, f, .. } => &[*t, *f],
                    Op::ForIter { body, exit, .. } => &[*body, *exit],
                    _ => &[],
                };
                if let Some(t) = targets.iter().find(|t| !ok_block(**t)) {
                    return Err(format!("block {bi}: target {t:?} out of range"));
                }
                let mut bad = None;
                visit_opnds(op, &mut |o| {
                    if !ok_opnd(o) {
                        bad = Some(*o);
                    }
                });
                if let Some(o) = bad {
                    return Err(format!("block {bi}: operand {o:?} out of range in {op:?}"));
                }
            }
        }
        Ok(())
    }
}

/// Calls `f` on every operand an op reads.
pub fn visit_opnds(op: &Op, f: &mut dyn FnMut(&Opnd)) {
    use Op::*;
    let many = |xs: &[Opnd], f: &mut dyn FnMut(&Opnd)| xs.iter().for_each(&mut *f);
    match op {
        Move { src, .. } | StoreGlobal { src, .. } | StoreName { src, .. } | StoreDeref { src, .. } => f(src),
        Unary { src, .. } | Truth { src, .. } | GetIter { src, .. } | Unpack { src, .. } | UnpackEx { src, .. } => {
            f(src)
        }
        Binary { a, b, .. } | InPlace { a, b, .. } | Compare { a, b, .. } => {
            f(a);
            f(b)
        }
        GetAttr { obj, .. } | DelAttr { obj, .. } | LoadSpecial { obj, .. } => f(obj),
        SetAttr { obj, src, .. } => {
            f(obj);
            f(src)
        }
        GetItem { obj, key, .. } | DelItem { obj, key } => {
            f(obj);
            f(key)
        }
        SetItem { obj, key, src } => {
            f(obj);
            f(key);
            f(src)
        }
        Call { func, args, .. } => {
            f(func);
            many(args, f)
        }
        CallMethod { obj, args, .. } => {
            f(obj);
            many(args, f)
        }
        CallEx { func, args, kwargs, .. } => {
            f(func);
            f(args);
            if let Some(k) = kwargs {
                f(k)
            }
        }
        BuildTuple { items, .. } | BuildList { items, .. } | BuildSet { items, .. } | BuildDict { items, .. } => {
            many(items, f)
        }
        BuildString { parts, .. } => many(parts, f),
        BuildSlice { start, stop, step, .. } => {
            f(start);
            f(stop);
            f(step)
        }
        FormatValue { src, spec, .. } => {
            f(src);
            if let Some(s) = spec {
                f(s)
            }
        }
        ListAppend { item, .. } | SetAdd { item, .. } => f(item),
        ListExtend { iter, .. } | SetUpdate { iter, .. } => f(iter),
        ListToTuple { src, .. } => f(src),
        DictSet { key, value, .. } => {
            f(key);
            f(value)
        }
        DictUpdate { src, .. } => f(src),
        DictMerge { src, func, .. } => {
            f(src);
            f(func)
        }
        MakeFunction { defaults, kwdefaults, annotations, .. } => {
            for o in [defaults, kwdefaults, annotations].into_iter().flatten() {
                f(o)
            }
        }
        Yield { value, .. } => f(value),
        YieldFrom { iter, .. } => f(iter),
        PushExcInfo { exc, .. } => f(exc),
        PopExcInfo { saved } => f(saved),
        ExcMatch { exc, ty, .. } => {
            f(exc);
            f(ty)
        }
        Import { fromlist, .. } => f(fromlist),
        ImportFrom { module, .. } | ImportStar { module } => f(module),
        GetLen { src, .. } | MatchSequence { src, .. } | MatchMapping { src, .. } => f(src),
        MatchKeys { src, keys, .. } | CopyDictWithout { src, keys, .. } => {
            f(src);
            f(keys)
        }
        MatchClass { src, cls, .. } => {
            f(src);
            f(cls)
        }
        Branch { cond, .. } => f(cond),
        ForIter { iter, .. } => f(iter),
        Return { value } => f(value),
        Raise { exc, cause } => {
            for o in [exc, cause].into_iter().flatten() {
                f(o)
            }
        }
        Reraise { exc } => f(exc),
        LoadGlobal { .. }
        | DeleteGlobal { .. }
        | LoadName { .. }
        | DeleteName { .. }
        | LoadClassDeref { .. }
        | LoadDeref { .. }
        | DeleteDeref { .. }
        | DeleteLocal { .. }
        | LoadLocals { .. }
        | LoadBuildClass { .. }
        | GetException { .. }
        | Nop
        | Jump { .. } => {}
    }
}
