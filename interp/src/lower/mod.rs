//! Lowering: Python source to flat-CFG code objects (see `cfg.rs`).
//!
//! ```text
//!   source ─ruff_python_parser─▶ AST ─scope.rs─▶ ScopeTable ─stmt.rs/expr.rs/pattern.rs─▶ Code
//!                        │                                         (builder.rs per code object)
//!                        └─ parse errors ─ parse_errors.rs ─▶ SyntaxError (syntax_error.rs)
//! ```
//!
//! One `Unit` per code object being built (module, class body, function, lambda,
//! comprehension); nested definitions push a unit, lower their body and pop it, leaving a
//! child `Code` in the parent. Names are resolved once by the scope pass, so emitting a name
//! access is a table lookup: function locals are frame slots, captured variables go
//! through cell slots, module and class bodies use the locals mapping (`LoadName`), and
//! everything else is a global.
//!
//! `try/finally`, `with` and loops keep a control stack (`Ctl`) in the unit, so that
//! `return`, `break` and `continue` can run the cleanup of every construct they leave
//! (copies of `finally` bodies, `__exit__` calls, restoring the handled exception) before
//! they jump.

mod builder;
pub mod dump;
mod expr;
mod fstring311;
mod parse_errors;
mod pattern;
pub mod scope;
mod stmt;
mod surrogates;
pub mod syntax_error;
pub mod to_ast;
pub mod tokenizer;

use hashbrown::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_parser::ParseOptions;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::cfg::{code_flags, BlockId, Code, NameIdx, Op, Opnd, Slot, Source};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use builder::{Builder, ConstKey};
use scope::{NameScope, ScopeId, ScopeKind, ScopeTable};
use syntax_error::{CResult, CompileError};

/// What the source is compiled as (`compile()`'s mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` string.
    Exec,
    /// A single expression (`eval`); the code returns its value.
    Eval,
    /// One interactive statement: expression statements print their value (`sys.displayhook`).
    Single,
}

/// Parses and lowers `source`. Syntax errors come back as a `SyntaxError` (or subclass)
/// exception whose `filename`, `lineno`, `offset`, `text` and `msg` attributes follow
/// CPython.
pub fn compile(vm: &mut Vm, source: Rc<Source>, mode: Mode) -> PyResult<Rc<Code>> {
    // Universal newlines, as CPython's tokenizer applies to files and strings alike.
    let source = if source.text.contains('\r') {
        let text = source.text.replace("\r\n", "\n").replace('\r', "\n");
        Rc::new(Source::new(source.filename.clone(), text))
    } else {
        source
    };
    let mut warnings = Vec::new();
    let r = compile_inner(vm, &source, mode, &mut warnings);
    emit_warnings(vm, &source, &warnings)?;
    match r {
        Ok(c) => {
            if std::env::var_os("KRAIT_DUMP_LOWER").is_some() {
                eprint!("{}", dump::dump(&c));
            }
            Ok(c)
        }
        Err(e) => Err(syntax_error::to_exception(vm, &source, &e)),
    }
}

fn parse_options(mode: ruff_python_parser::Mode) -> ParseOptions {
    ParseOptions::from(mode).with_target_version(ruff_python_ast::PythonVersion::PY311)
}

/// Prints compile-time SyntaxWarnings to `sys.stderr` the way `warnings.showwarning` does.
fn emit_warnings(vm: &mut Vm, source: &Source, warnings: &[(u32, String)]) -> PyResult<()> {
    if vm.sys.is_null() {
        return Ok(());
    }
    for (line, msg) in warnings {
        let mut text = format!("{}:{line}: SyntaxWarning: {msg}\n", source.filename);
        let from_file = !(source.filename.starts_with('<') && source.filename.ends_with('>'));
        let src_line = source.line_text(*line).trim();
        if from_file && !src_line.is_empty() {
            text.push_str(&format!("  {src_line}\n"));
        }
        crate::builtins::sys::write_to_sys_stream(vm, "stderr", &text)?;
    }
    Ok(())
}

fn compile_inner(vm: &mut Vm, source: &Rc<Source>, mode: Mode, warnings: &mut Vec<(u32, String)>) -> CResult<Rc<Code>> {
    let text = source.text.as_str();
    match mode {
        Mode::Exec | Mode::Single => {
            let parsed = ruff_python_parser::parse_unchecked(text, parse_options(ruff_python_parser::Mode::Module));
            parse_errors::check(
                source,
                parsed.syntax(),
                parsed.errors(),
                parsed.unsupported_syntax_errors(),
                warnings,
            )?;
            let surrogate_literals = surrogates::find(text, parsed.syntax());
            let Some(module) = parsed.syntax().as_module() else {
                return Err(CompileError::internal("parser did not return a module"));
            };
            if mode == Mode::Single {
                single_statement_check(source, &module.body)?;
            }
            let table = scope::build_module(&module.body, module.range)?;
            let mut c = Compiler::new(vm, source.clone(), table, mode == Mode::Single);
            c.surrogate_literals = surrogate_literals;
            let r = c.module(&module.body, module.range);
            if c.pending.is_none() {
                c.pending = surrogates::unhandled(&c.surrogate_literals);
            }
            warnings.append(&mut c.warnings);
            match (r, c.pending.take()) {
                (Ok(_), Some(e)) => Err(e),
                (r, _) => r,
            }
        }
        Mode::Eval => {
            let parsed = ruff_python_parser::parse_unchecked(text, parse_options(ruff_python_parser::Mode::Expression));
            parse_errors::check(
                source,
                parsed.syntax(),
                parsed.errors(),
                parsed.unsupported_syntax_errors(),
                warnings,
            )?;
            let surrogate_literals = surrogates::find(text, parsed.syntax());
            let Some(e) = parsed.syntax().as_expression() else {
                return Err(CompileError::internal("parser did not return an expression"));
            };
            let table = scope::build_expression(&e.body, e.range)?;
            let mut c = Compiler::new(vm, source.clone(), table, false);
            c.surrogate_literals = surrogate_literals;
            let r = c.expression_mode(&e.body, e.range);
            if c.pending.is_none() {
                c.pending = surrogates::unhandled(&c.surrogate_literals);
            }
            warnings.append(&mut c.warnings);
            match (r, c.pending.take()) {
                (Ok(_), Some(e)) => Err(e),
                (r, _) => r,
            }
        }
    }
}

/// An entry of a unit's control stack: what `return`/`break`/`continue` must undo when
/// they leave it.
pub(crate) enum Ctl<'ast> {
    Loop {
        head: BlockId,
        exit: BlockId,
        /// A `for` loop over a call that may create its own generator: (iterator slot,
        /// slot of the "fresh generator" flag); leaving the loop early closes it.
        close: Option<(Slot, Slot)>,
    },
    /// Inside the `try` body (or `except`/`else` clauses) of a `try/finally`: leaving runs a
    /// copy of `body`.
    Finally { body: &'ast [Stmt], outer_handler: Option<BlockId> },
    /// Inside an `except` clause (or a `finally` body run for an exception): leaving restores
    /// the previously handled exception from `save` and unbinds the `as` name.
    HandlerCleanup { save: Slot, name: Option<&'ast str>, outer_handler: Option<BlockId> },
    /// Inside an `except*` handler: `break`, `continue` and `return` may not leave it.
    ExceptStar,
    /// Inside a `with` body: leaving calls `exit(None, None, None)` (and awaits it for `async with`).
    With { exit: Slot, outer_handler: Option<BlockId>, span: (u32, u32), is_async: bool },
}

pub(crate) struct Unit<'ast> {
    pub b: Builder,
    pub scope: ScopeId,
    pub kind: ScopeKind,
    /// Names go through the locals mapping (module and class bodies).
    pub name_lookup: bool,
    /// Slots of plain local variables (function scopes).
    pub locals: HashMap<String, Slot>,
    /// Parameter slots that can never be unbound (no `del`): reading them cannot raise.
    pub stable: Vec<Slot>,
    /// Slots holding cell objects, by variable name (cell and free variables).
    pub cells: HashMap<String, Slot>,
    pub frees: HashMap<String, Slot>,
    pub slot_names: Vec<Value>,
    pub cellvars: Vec<(Value, Slot, Option<Slot>)>,
    pub freevars: Vec<(Value, Slot)>,
    pub name: String,
    pub qualname: String,
    pub private: Option<String>,
    pub ctl: Vec<Ctl<'ast>>,
    pub flags: u32,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub doc: Value,
}

pub(crate) struct Compiler<'a> {
    pub vm: &'a mut Vm,
    pub source: Rc<Source>,
    pub table: ScopeTable,
    pub units: Vec<Unit<'a>>,
    pub depth: u32,
    pub interactive: bool,
    /// SyntaxWarnings found while lowering: (line, message).
    pub warnings: Vec<(u32, String)>,
    /// An unsupported construct found while lowering, reported after the whole source
    /// compiled (so that SyntaxErrors anywhere take precedence, as in CPython).
    pub pending: Option<CompileError>,
    /// String literals escaping lone surrogates (see `surrogates.rs`).
    pub(crate) surrogate_literals: Vec<surrogates::SurrogateLiteral>,
    /// `from __future__ import annotations` is in effect: annotations are kept as strings.
    pub future_annotations: bool,
    /// The `from __future__` statements allowed where they stand (by node address).
    pub future_ok: Vec<usize>,
}

/// Parameter information for building a function unit.
pub(crate) struct ParamCounts {
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
}

impl<'a> Compiler<'a> {
    fn new(vm: &'a mut Vm, source: Rc<Source>, table: ScopeTable, interactive: bool) -> Compiler<'a> {
        Compiler {
            vm,
            source,
            table,
            units: Vec::new(),
            depth: 0,
            interactive,
            warnings: Vec::new(),
            pending: None,
            surrogate_literals: Vec::new(),
            future_annotations: false,
            future_ok: Vec::new(),
        }
    }

    // ----- units -----

    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no current unit")
    }

    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("no current unit")
    }

    pub fn b(&mut self) -> &mut Builder {
        &mut self.u().b
    }

    pub fn line_of(&self, pos: u32) -> u32 {
        self.source.line_of(pos)
    }

    /// Starts the code object of scope `scope`, laying out its slots.
    pub fn enter_unit(
        &mut self,
        scope: ScopeId,
        name: &str,
        qualname: String,
        first_line: u32,
        params: Option<ParamCounts>,
    ) {
        let sc = self.table.get(scope);
        let kind = sc.kind;
        let name_lookup = !kind.is_function();
        let mut slot_names: Vec<String> = Vec::new();
        let mut locals = HashMap::new();
        let mut param_slots: HashMap<String, Slot> = HashMap::new();
        if kind.is_function() {
            for p in &sc.params {
                let s = slot_names.len() as Slot;
                slot_names.push(p.clone());
                param_slots.insert(p.clone(), s);
                if sc.scope_of(p) == NameScope::Local {
                    locals.insert(p.clone(), s);
                }
            }
            for sym in &sc.symbols {
                if sym.scope == NameScope::Local && !param_slots.contains_key(&sym.name) {
                    locals.insert(sym.name.clone(), slot_names.len() as Slot);
                    slot_names.push(sym.name.clone());
                }
            }
        }
        let mut cells = HashMap::new();
        let mut cellvars_s = Vec::new();
        for c in sc.cellvars() {
            let s = slot_names.len() as Slot;
            slot_names.push(c.clone());
            cells.insert(c.clone(), s);
            cellvars_s.push((c.clone(), s, param_slots.get(&c).copied()));
        }
        let mut frees = HashMap::new();
        let mut freevars_s = Vec::new();
        for f in sc.freevars() {
            let s = slot_names.len() as Slot;
            slot_names.push(f.clone());
            frees.insert(f.clone(), s);
            freevars_s.push((f, s));
        }
        let private = sc.private.clone();
        let mut flags = 0;
        if sc.is_generator {
            flags |= code_flags::GENERATOR;
        }
        if sc.is_async && matches!(kind, ScopeKind::Function | ScopeKind::Comprehension(_)) {
            flags |= code_flags::COROUTINE;
        }
        match kind {
            ScopeKind::Module => flags |= code_flags::MODULE | code_flags::NAME_LOOKUP,
            ScopeKind::Class => flags |= code_flags::CLASS_BODY | code_flags::NAME_LOOKUP,
            _ => {}
        }
        let (argcount, posonly, kwonly) = match &params {
            Some(p) => {
                if p.varargs {
                    flags |= code_flags::VARARGS;
                }
                if p.varkw {
                    flags |= code_flags::VARKEYWORDS;
                }
                (p.argcount, p.posonly, p.kwonly)
            }
            None => (0, 0, 0),
        };
        let slot_vals: Vec<Value> = slot_names.iter().map(|n| self.vm.intern(n)).collect();
        let cellvars = cellvars_s.into_iter().map(|(n, s, p)| (self.vm.intern(&n), s, p)).collect();
        let freevars = freevars_s.into_iter().map(|(n, s)| (self.vm.intern(&n), s)).collect();
        let stable: Vec<Slot> = if kind.is_function() {
            sc.params.iter().filter(|p| !sc.deleted.contains(*p)).filter_map(|p| locals.get(p).copied()).collect()
        } else {
            Vec::new()
        };
        let unit = Unit {
            stable,
            b: Builder::new(slot_vals.len() as u32),
            scope,
            kind,
            name_lookup,
            locals,
            cells,
            frees,
            slot_names: slot_vals,
            cellvars,
            freevars,
            name: name.to_owned(),
            qualname,
            private,
            ctl: Vec::new(),
            flags,
            first_line,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            doc: Value::NONE,
        };
        self.units.push(unit);
    }

    /// Finishes the current unit into a `Code`.
    pub fn leave_unit(&mut self) -> CResult<Rc<Code>> {
        let mut u = self.units.pop().ok_or_else(|| CompileError::internal("unit stack empty"))?;
        let blocks = u.b.finish_blocks().map_err(CompileError::internal)?;
        let name = self.vm.intern(&u.name);
        let qualname = self.vm.new_str(&u.qualname);
        let code = Code {
            name,
            qualname,
            source: self.source.clone(),
            first_line: u.first_line,
            flags: u.flags,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            nslots: u.b.nslots(),
            slot_names: u.slot_names,
            cellvars: u.cellvars,
            freevars: u.freevars,
            names: std::mem::take(&mut u.b.names),
            consts: std::mem::take(&mut u.b.consts),
            children: std::mem::take(&mut u.b.children),
            blocks,
            doc: u.doc,
        };
        if cfg!(debug_assertions) {
            if let Err(e) = code.check() {
                return Err(CompileError::internal(format!("ill-formed code for {}: {e}", u.qualname)));
            }
        }
        let code = Rc::new(code);
        crate::gc::register_code(&code);
        Ok(code)
    }

    /// The qualified name of a definition named `name` made in the current unit.
    pub fn qualname_for(&self, name: &str, is_def: bool) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_owned();
        };
        if parent.kind == ScopeKind::Module {
            return name.to_owned();
        }
        if is_def {
            let m = scope::mangle(parent.private.as_deref(), name);
            if self.table.get(parent.scope).scope_of(&m) == NameScope::GlobalExplicit {
                return name.to_owned();
            }
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{}", parent.qualname, name)
            }
            _ => format!("{}.{}", parent.qualname, name),
        }
    }

    /// Whether the innermost function around the current code (comprehensions count as
    /// part of their function) is `async def`.
    pub fn in_async_function(&self) -> bool {
        self.units
            .iter()
            .rev()
            .find(|u| !matches!(u.kind, ScopeKind::Comprehension(_)))
            .is_some_and(|u| u.kind == ScopeKind::Function && self.table.get(u.scope).is_async)
    }

    /// `dst = await v`: the awaitable's iterator from the hidden helper `h`, then a
    /// `YieldFrom` delegating to it (see `eval::coro`).
    pub fn emit_await(&mut self, v: Opnd, h: crate::eval::coro::Helper, dst: Slot) {
        let f = crate::eval::coro::helper(self.vm, h);
        let fc = self.const_value(f);
        let t = self.temp();
        self.emit(Op::Call { dst: t, func: fc, args: Box::new([v]), kwnames: Box::new([]) });
        self.emit(Op::YieldFrom { dst, iter: Opnd::Slot(t) });
    }

    /// The step of an `async for` loop, emitted at its head: `dst = await anext(it)` and on
    /// to `body`; `StopAsyncIteration` goes to `exit`, any other exception propagates.
    pub fn emit_async_for_next(&mut self, it: Slot, dst: Slot, body: BlockId, exit: BlockId) {
        let outer = self.b().handler();
        let stop = self.b().new_block(outer);
        self.b().continue_in_new_block(Some(stop));
        let f = crate::eval::coro::helper(self.vm, crate::eval::coro::Helper::GetAnext);
        let fc = self.const_value(f);
        let t = self.temp();
        self.emit(Op::Call { dst: t, func: fc, args: Box::new([Opnd::Slot(it)]), kwnames: Box::new([]) });
        self.emit(Op::YieldFrom { dst, iter: Opnd::Slot(t) });
        self.b().jump(body);
        self.b().switch_to(stop);
        let e = self.temp();
        let m = self.temp();
        let sai = self.vm.exc.stop_async_iteration;
        let ty = self.const_value(sai);
        self.emit(Op::GetException { dst: e });
        self.emit(Op::ExcMatch { dst: m, exc: Opnd::Slot(e), ty });
        let reraise = self.b().new_block(outer);
        self.emit(Op::Branch { cond: Opnd::Slot(m), t: exit, f: reraise });
        self.b().switch_to(reraise);
        self.emit(Op::Reraise { exc: Opnd::Slot(e) });
    }

    /// `aiter(v)` for `async for` (with its TypeErrors) into a new temporary.
    pub fn emit_get_aiter(&mut self, v: Opnd) -> Slot {
        let f = crate::eval::coro::helper(self.vm, crate::eval::coro::Helper::GetAiter);
        let fc = self.const_value(f);
        let t = self.temp();
        self.emit(Op::Call { dst: t, func: fc, args: Box::new([v]), kwnames: Box::new([]) });
        t
    }

    /// Records a SyntaxWarning at the line of `pos`.
    pub fn warn(&mut self, pos: TextSize, msg: impl Into<String>) {
        let line = self.line_of(u32::from(pos));
        self.warnings.push((line, msg.into()));
    }

    // ----- spans and depth -----

    pub fn set_span(&mut self, r: TextRange) -> (u32, u32) {
        let old = self.b().span;
        self.b().span = (u32::from(r.start()), u32::from(r.end()));
        old
    }

    pub fn restore_span(&mut self, old: (u32, u32)) {
        self.b().span = old;
    }

    pub fn enter_depth(&mut self, r: TextRange) -> CResult<()> {
        self.depth += 1;
        if self.depth > scope::MAX_DEPTH {
            return Err(CompileError::recursion(r));
        }
        Ok(())
    }

    pub fn leave_depth(&mut self) {
        self.depth -= 1;
    }

    // ----- constants and names -----

    pub fn name_idx(&mut self, s: &str) -> NameIdx {
        let v = self.vm.intern(s);
        self.b().add_name(s, v)
    }

    /// Index of an attribute-like name after private-name mangling.
    pub fn mangled_name_idx(&mut self, s: &str) -> NameIdx {
        let m = scope::mangle(self.ur().private.as_deref(), s);
        self.name_idx(&m)
    }

    pub fn mangle(&self, s: &str) -> String {
        scope::mangle(self.ur().private.as_deref(), s)
    }

    pub fn const_none(&mut self) -> Opnd {
        self.b().none()
    }

    pub fn const_bool(&mut self, b: bool) -> Opnd {
        let (k, v) = if b { (ConstKey::True, Value::TRUE) } else { (ConstKey::False, Value::FALSE) };
        Opnd::Const(self.b().add_const(k, v))
    }

    pub fn const_ellipsis(&mut self) -> Opnd {
        Opnd::Const(self.b().add_const(ConstKey::Ellipsis, Value::ELLIPSIS))
    }

    pub fn const_int(&mut self, i: i64) -> Opnd {
        let v = self.vm.new_int(i);
        Opnd::Const(self.b().add_const(ConstKey::Int(i), v))
    }

    pub fn const_bigint(&mut self, i: BigInt) -> Opnd {
        let key = ConstKey::BigInt(i.to_string());
        let v = self.vm.new_bigint(i);
        Opnd::Const(self.b().add_const(key, v))
    }

    pub fn const_float(&mut self, f: f64) -> Opnd {
        let v = Value::float(f);
        Opnd::Const(self.b().add_const(ConstKey::Float(f.to_bits()), v))
    }

    pub fn const_complex(&mut self, re: f64, im: f64) -> Opnd {
        let v = self.vm.alloc(self.vm.types.complex, Payload::Complex(re, im));
        Opnd::Const(self.b().add_const(ConstKey::Complex(re.to_bits(), im.to_bits()), v))
    }

    /// A str constant; identifier-like strings are interned as CPython does.
    pub fn const_str(&mut self, s: &str) -> Opnd {
        let v = self.str_value(s);
        Opnd::Const(self.b().add_const(ConstKey::Str(s.to_owned()), v))
    }

    pub fn str_value(&mut self, s: &str) -> Value {
        if s.len() <= 64 && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
            self.vm.intern(s)
        } else {
            self.vm.new_str(s)
        }
    }

    pub fn const_bytes(&mut self, b: Vec<u8>) -> Opnd {
        let v = self.vm.new_bytes(b.clone());
        Opnd::Const(self.b().add_const(ConstKey::Bytes(b), v))
    }

    pub fn const_value(&mut self, v: Value) -> Opnd {
        Opnd::Const(self.b().add_unique_const(v))
    }

    /// The value of a constant operand (for folding).
    pub fn const_of(&self, o: Opnd) -> Option<Value> {
        match o {
            Opnd::Const(i) => self.ur().b.consts.get(i as usize).copied(),
            _ => None,
        }
    }

    // ----- slots -----

    pub fn temp(&mut self) -> Slot {
        self.b().temp()
    }

    /// True for operands naming a variable (whose value a later assignment could change).
    pub fn is_named(&self, o: Opnd) -> bool {
        match o {
            Opnd::Local(_) => true,
            Opnd::Slot(s) => s < self.ur().b.nnamed,
            Opnd::Const(_) => false,
        }
    }

    /// Copies a variable operand into a temporary (reading it now, so an unbound local
    /// raises here).
    pub fn stash(&mut self, o: Opnd) -> Opnd {
        let t = self.temp();
        self.b().emit(Op::Move { dst: t, src: o });
        Opnd::Slot(t)
    }

    /// `o` as a slot (copying constants and variables into a temporary).
    pub fn in_slot(&mut self, o: Opnd) -> Slot {
        match o {
            Opnd::Slot(s) if !self.is_named(o) => s,
            _ => {
                let t = self.temp();
                self.b().emit(Op::Move { dst: t, src: o });
                t
            }
        }
    }

    /// The last statement emitted into the current block, if any.
    pub fn last_op(&self) -> Option<&Op> {
        let b = &self.ur().b;
        b.blocks[b.cur.0 as usize].ops.last()
    }

    pub fn emit(&mut self, op: Op) {
        self.b().emit(op)
    }

    // ----- name resolution -----

    fn resolve(&self, name: &str) -> (String, NameScope) {
        let m = self.mangle(name);
        let sc = self.table.get(self.ur().scope).scope_of(&m);
        (m, sc)
    }

    /// Emits a load of variable `name`; `dst` is a preferred destination.
    pub fn load_name(&mut self, name: &str, dst: Option<Slot>) -> CResult<Opnd> {
        let (m, sc) = self.resolve(name);
        let u = self.ur();
        if u.name_lookup {
            match sc {
                NameScope::GlobalExplicit => {
                    let n = self.name_idx(&m);
                    let d = dst.unwrap_or_else(|| self.temp());
                    self.emit(Op::LoadGlobal { dst: d, name: n });
                    Ok(Opnd::Slot(d))
                }
                NameScope::Free => {
                    let cell = self.free_or_cell_slot(&m)?;
                    let n = self.name_idx(&m);
                    let d = dst.unwrap_or_else(|| self.temp());
                    self.emit(Op::LoadClassDeref { dst: d, name: n, cell });
                    Ok(Opnd::Slot(d))
                }
                _ => {
                    let n = self.name_idx(&m);
                    let d = dst.unwrap_or_else(|| self.temp());
                    self.emit(Op::LoadName { dst: d, name: n });
                    Ok(Opnd::Slot(d))
                }
            }
        } else {
            match sc {
                NameScope::Local => match u.locals.get(&m) {
                    Some(&s) => Ok(Opnd::Local(s)),
                    None => Err(CompileError::internal(format!("no slot for local {m}"))),
                },
                NameScope::Cell | NameScope::Free => {
                    let cell = self.free_or_cell_slot(&m)?;
                    let d = dst.unwrap_or_else(|| self.temp());
                    self.emit(Op::LoadDeref { dst: d, cell });
                    Ok(Opnd::Slot(d))
                }
                NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                    let n = self.name_idx(&m);
                    let d = dst.unwrap_or_else(|| self.temp());
                    self.emit(Op::LoadGlobal { dst: d, name: n });
                    Ok(Opnd::Slot(d))
                }
            }
        }
    }

    fn free_or_cell_slot(&self, m: &str) -> CResult<Slot> {
        let u = self.ur();
        u.cells
            .get(m)
            .or_else(|| u.frees.get(m))
            .copied()
            .ok_or_else(|| CompileError::internal(format!("no cell slot for {m}")))
    }

    /// The local slot a store to `name` writes directly, if it is a plain local.
    pub fn local_slot(&self, name: &str) -> Option<Slot> {
        let (m, sc) = self.resolve(name);
        let u = self.ur();
        if !u.name_lookup && sc == NameScope::Local {
            u.locals.get(&m).copied()
        } else {
            None
        }
    }

    /// True when reading `name` has no effect besides possibly raising (a plain local).
    pub fn is_local_name(&self, name: &str) -> bool {
        self.local_slot(name).is_some()
    }

    pub fn store_name(&mut self, name: &str, v: Opnd) -> CResult<()> {
        let (m, sc) = self.resolve(name);
        let name_lookup = self.ur().name_lookup;
        match sc {
            NameScope::Cell | NameScope::Free => {
                let cell = self.free_or_cell_slot(&m)?;
                self.emit(Op::StoreDeref { cell, src: v });
            }
            NameScope::Local | NameScope::GlobalImplicit if name_lookup => {
                let n = self.name_idx(&m);
                self.emit(Op::StoreName { name: n, src: v });
            }
            NameScope::Local => {
                let s = self.ur().locals.get(&m).copied();
                match s {
                    Some(s) => {
                        if v != Opnd::Slot(s) && v != Opnd::Local(s) {
                            self.emit(Op::Move { dst: s, src: v });
                        }
                    }
                    None => return Err(CompileError::internal(format!("no slot for local {m}"))),
                }
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                let n = self.name_idx(&m);
                self.emit(Op::StoreGlobal { name: n, src: v });
            }
        }
        Ok(())
    }

    pub fn delete_name(&mut self, name: &str) -> CResult<()> {
        let (m, sc) = self.resolve(name);
        let name_lookup = self.ur().name_lookup;
        match sc {
            NameScope::Cell | NameScope::Free => {
                let cell = self.free_or_cell_slot(&m)?;
                self.emit(Op::DeleteDeref { cell });
            }
            NameScope::Local | NameScope::GlobalImplicit if name_lookup => {
                let n = self.name_idx(&m);
                self.emit(Op::DeleteName { name: n });
            }
            NameScope::Local => {
                let s = self.ur().locals.get(&m).copied();
                match s {
                    Some(slot) => self.emit(Op::DeleteLocal { slot }),
                    None => return Err(CompileError::internal(format!("no slot for local {m}"))),
                }
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                let n = self.name_idx(&m);
                self.emit(Op::DeleteGlobal { name: n });
            }
        }
        Ok(())
    }

    /// Slots of the current unit holding the cells a child code object captures, in the
    /// child's free-variable order.
    pub fn closure_for(&self, child: ScopeId) -> CResult<Vec<Slot>> {
        let u = self.ur();
        let mut out = Vec::new();
        for name in self.table.get(child).freevars() {
            let s = if u.kind == ScopeKind::Class && name == "__class__" {
                u.cells.get("__class__").copied()
            } else {
                u.cells.get(&name).or_else(|| u.frees.get(&name)).copied()
            };
            match s {
                Some(s) => out.push(s),
                None => return Err(CompileError::internal(format!("no cell to capture for {name}"))),
            }
        }
        Ok(out)
    }

    // ----- top-level units -----

    fn module(&mut self, body: &'a [Stmt], range: TextRange) -> CResult<Rc<Code>> {
        self.enter_unit(0, "<module>", "<module>".into(), 1, None);
        self.set_span(TextRange::empty(range.start()));
        let mut body = body;
        // CPython creates `__annotations__` before storing the docstring.
        if stmt::has_annotations(body) {
            self.setup_annotations()?;
        }
        if !self.interactive {
            if let Some(doc) = docstring(body) {
                let d = self.const_str(&doc);
                let dv = self.const_of(d).unwrap_or(Value::NONE);
                self.u().doc = dv;
                if let Some(first) = body.first() {
                    self.set_span(first.range());
                }
                self.store_name("__doc__", d)?;
                body = &body[1..];
            }
        }
        self.future_imports(body)?;
        self.stmts(body)?;
        let none = self.const_none();
        self.set_span(TextRange::empty(range.end()));
        self.emit(Op::Return { value: none });
        self.leave_unit()
    }

    /// Validates the `from __future__ import ...` statements at the top of a module (after
    /// the docstring) and records the features that change compilation.
    fn future_imports(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            let Stmt::ImportFrom(i) = s else { break };
            if i.level != 0 || i.module.as_ref().map(|m| m.as_str()) != Some("__future__") {
                break;
            }
            self.future_ok.push(i as *const ast::StmtImportFrom as usize);
            for a in &i.names {
                match a.name.as_str() {
                    "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
                    | "print_function" | "unicode_literals" | "barry_as_FLUFL" | "generator_stop" => {}
                    "annotations" => self.future_annotations = true,
                    "braces" => return Err(self.future_error("not a chance".into(), i)),
                    other => return Err(self.future_error(format!("future feature {other} is not defined"), i)),
                }
            }
        }
        Ok(())
    }

    /// Errors of `from __future__` statements carry no end column in CPython.
    fn future_error(&self, msg: String, i: &ast::StmtImportFrom) -> CompileError {
        let line = self.line_of(u32::from(i.range.start()));
        let mut e = CompileError::syntax(msg, i.range);
        e.loc = Some(syntax_error::ErrLoc {
            lineno: line,
            offset: 1,
            end_lineno: line,
            end_offset: syntax_error::NO_OFFSET,
            text_newline: true,
            text: None,
        });
        e
    }

    fn expression_mode(&mut self, e: &'a Expr, range: TextRange) -> CResult<Rc<Code>> {
        self.enter_unit(0, "<module>", "<module>".into(), 1, None);
        self.set_span(range);
        let v = self.expr(e)?;
        self.set_span(e.range());
        self.emit(Op::Return { value: v });
        self.leave_unit()
    }

    pub fn setup_annotations(&mut self) -> CResult<()> {
        let d = self.temp();
        self.emit(Op::BuildDict { dst: d, items: Box::new([]) });
        self.store_name("__annotations__", Opnd::Slot(d))
    }
}

/// `compile(..., "single")` accepts one statement (several simple ones on one line).
fn single_statement_check(source: &Source, body: &[Stmt]) -> CResult<()> {
    let Some(first) = body.first() else { return Ok(()) };
    let first_end_line = source.line_of(u32::from(first.range().end()));
    let Some(next) = body.iter().find(|s| source.line_of(u32::from(s.range().start())) > first_end_line) else {
        return Ok(());
    };
    let compound = matches!(
        first,
        Stmt::If(_)
            | Stmt::For(_)
            | Stmt::While(_)
            | Stmt::Try(_)
            | Stmt::With(_)
            | Stmt::FunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::Match(_)
    );
    if compound {
        let start = next.range().start();
        let tok_end = source.text[start.to_usize()..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(source.text.len(), |k| start.to_usize() + k)
            .max(start.to_usize() + 1);
        let mut e = CompileError::syntax("invalid syntax", TextRange::new(start, TextSize::new(tok_end as u32)));
        e.parser = true;
        return Err(e);
    }
    // CPython points at the end of the first statement's line.
    let end = first.range().end();
    let line_end = source.text[end.to_usize()..].find('\n').map_or(source.text.len(), |k| end.to_usize() + k);
    let mut e = CompileError::syntax(
        "multiple statements found while compiling a single statement",
        TextRange::empty(TextSize::new(line_end as u32)),
    );
    e.parser = true;
    Err(e)
}

/// The docstring of a body: its first statement when that is a plain string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_owned()),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests;
