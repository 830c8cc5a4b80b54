//! Lowering of statements: assignments, control flow, exception handling, `with`, imports,
//! and function and class definitions.
//!
//! Exception handling follows cfg.rs: a `try` body's blocks name an "except dispatch" block
//! as their handler. Dispatch makes the exception the handled one (`PushExcInfo`), tests
//! the clauses in order (`ExcMatch`) and runs the matching body; every way out restores
//! the previously handled exception (`PopExcInfo`), and an exception escaping a clause
//! body passes through a cleanup block that does the same (and unbinds the `as` name)
//! before re-raising. `finally` bodies are copied onto each exit: the fall-through path,
//! the exceptional path (which re-raises at the end) and every `return`/`break`/`continue`
//! that leaves the `try` (see `unwind`).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::scope::ScopeKind;
use super::syntax_error::{CResult, CompileError};
use super::{docstring, Compiler, Ctl, ParamCounts};
use crate::cfg::{BinOp, BlockId, Op, Opnd};
use crate::eval::coro::Helper;

const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

/// True when a module or class body (outside nested definitions) has an annotated
/// assignment, so the body must create `__annotations__` first.
pub(crate) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::FloorDiv => BinOp::FloorDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitAnd => BinOp::And,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
    }
}

pub(crate) fn param_counts(p: &ast::Parameters) -> ParamCounts {
    ParamCounts {
        argcount: (p.posonlyargs.len() + p.args.len()) as u32,
        posonly: p.posonlyargs.len() as u32,
        kwonly: p.kwonlyargs.len() as u32,
        varargs: p.vararg.is_some(),
        varkw: p.kwarg.is_some(),
    }
}

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_depth(s.range())?;
        let mark = self.b().temp_mark();
        let old = self.set_span(s.range());
        // On error the unit stack may be unwound part-way: leave the builders alone.
        self.stmt_inner(s)?;
        self.restore_span(old);
        self.b().temp_reset(mark);
        self.leave_depth();
        Ok(())
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        match s {
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    let v = self.expr(&e.value)?;
                    let sys = self.temp();
                    let n = self.name_idx("sys");
                    let none = self.const_none();
                    self.emit(Op::Import { dst: sys, name: n, fromlist: none, level: 0 });
                    let dh = self.name_idx("displayhook");
                    let d = self.temp();
                    self.emit(Op::CallMethod {
                        dst: d,
                        obj: Opnd::Slot(sys),
                        name: dh,
                        args: Box::new([v]),
                        kwnames: Box::new([]),
                    });
                } else {
                    let v = self.expr(&e.value)?;
                    self.discard(v);
                }
            }
            Stmt::Assign(a) => self.assign_stmt(a)?,
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::Pass(_) => {}
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Return(r) => self.return_stmt(r)?,
            Stmt::Break(b) => self.break_continue(true, b.range)?,
            Stmt::Continue(c) => self.break_continue(false, c.range)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::With(w) => {
                if w.is_async && !self.in_async_function() {
                    return Err(CompileError::syntax("'async with' outside async function", w.range));
                }
                self.with_items(&w.items, &w.body, w.range, w.is_async)?;
            }
            Stmt::Raise(r) => {
                let mut es: Vec<&'a Expr> = Vec::new();
                if let Some(e) = &r.exc {
                    es.push(e);
                }
                if let Some(c) = &r.cause {
                    es.push(c);
                }
                let ops = self.eval_seq(&es)?;
                let exc = r.exc.as_ref().map(|_| ops[0]);
                let cause = r.cause.as_ref().map(|_| ops[ops.len() - 1]);
                self.set_span(r.range);
                self.emit(Op::Raise { exc, cause });
            }
            Stmt::Assert(a) => self.assert_stmt(a)?,
            Stmt::Import(i) => self.import(i)?,
            Stmt::ImportFrom(i) => self.import_from(i)?,
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(t) => return Err(CompileError::syntax("invalid syntax", t.range)),
            Stmt::IpyEscapeCommand(i) => return Err(CompileError::syntax("invalid syntax", i.range)),
        }
        Ok(())
    }

    /// Evaluates a value only for its effects: a bare local still has to raise when unbound.
    pub fn discard(&mut self, v: Opnd) {
        if let Opnd::Local(_) = v {
            self.stash(v);
        }
    }

    // ----- assignment -----

    fn assign_stmt(&mut self, a: &'a ast::StmtAssign) -> CResult<()> {
        if a.targets.len() == 1 {
            let t = &a.targets[0];
            if let Expr::Name(n) = t {
                if let Some(s) = self.local_slot(n.id.as_str()) {
                    let v = self.expr_hint(&a.value, Some(s))?;
                    self.set_span(t.range());
                    self.store_name(n.id.as_str(), v)?;
                    return Ok(());
                }
            }
            if let (Some(telts), Some(velts)) = (seq_elts(t), seq_elts(&a.value)) {
                let starred = |es: &[Expr]| es.iter().any(|e| matches!(e, Expr::Starred(_)));
                if telts.len() == velts.len() && !starred(telts) && !starred(velts) {
                    let es: Vec<&'a Expr> = velts.iter().collect();
                    let mut ops = self.eval_seq(&es)?;
                    for o in ops.iter_mut() {
                        if self.is_named(*o) {
                            *o = self.stash(*o);
                        }
                    }
                    for (t, v) in telts.iter().zip(ops) {
                        self.assign(t, v)?;
                    }
                    return Ok(());
                }
            }
        }
        let mut v = self.expr(&a.value)?;
        if self.is_named(v) && a.targets.len() > 1 {
            v = self.stash(v);
        }
        for t in &a.targets {
            self.assign(t, v)?;
        }
        Ok(())
    }

    /// Stores `v` into an assignment target.
    pub fn assign(&mut self, t: &'a Expr, v: Opnd) -> CResult<()> {
        self.enter_depth(t.range())?;
        let old = self.set_span(t.range());
        let r = self.assign_inner(t, v);
        self.restore_span(old);
        self.leave_depth();
        r
    }

    fn assign_inner(&mut self, t: &'a Expr, v: Opnd) -> CResult<()> {
        match t {
            Expr::Name(n) => self.store_name(n.id.as_str(), v),
            Expr::Attribute(a) => {
                let v = if self.must_stash(v, &[&a.value]) { self.stash(v) } else { v };
                let obj = self.expr(&a.value)?;
                let name = self.mangled_name_idx(a.attr.as_str());
                self.set_span(t.range());
                self.emit(Op::SetAttr { obj, name, src: v });
                Ok(())
            }
            Expr::Subscript(s) => {
                let v = if self.must_stash(v, &[&s.value, &s.slice]) { self.stash(v) } else { v };
                let ops = self.eval_seq(&[&s.value, &s.slice])?;
                self.set_span(t.range());
                self.emit(Op::SetItem { obj: ops[0], key: ops[1], src: v });
                Ok(())
            }
            Expr::Tuple(tu) => self.unpack_assign(&tu.elts, v),
            Expr::List(l) => self.unpack_assign(&l.elts, v),
            Expr::Starred(s) => {
                Err(CompileError::syntax("starred assignment target must be in a list or tuple", s.range))
            }
            other => Err(CompileError::syntax(invalid_target_msg(other, "assign to"), other.range())),
        }
    }

    fn unpack_assign(&mut self, elts: &'a [Expr], v: Opnd) -> CResult<()> {
        let stars: Vec<usize> =
            elts.iter().enumerate().filter(|(_, e)| matches!(e, Expr::Starred(_))).map(|(i, _)| i).collect();
        if stars.len() > 1 {
            return Err(CompileError::syntax("multiple starred expressions in assignment", elts[stars[1]].range()));
        }
        // Plain local targets receive the items directly (Unpack writes nothing unless the
        // item count matches).
        let direct: Option<Vec<u32>> = elts
            .iter()
            .map(|e| match e {
                Expr::Name(n) => self.local_slot(n.id.as_str()),
                Expr::Starred(st) => match &*st.value {
                    Expr::Name(n) => self.local_slot(n.id.as_str()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let all_direct = direct.is_some();
        let slots: Vec<u32> = match direct {
            Some(d) => d,
            None => (0..elts.len()).map(|_| self.temp()).collect(),
        };
        match stars.first() {
            None => self.emit(Op::Unpack { dsts: slots.clone().into_boxed_slice(), src: v }),
            Some(&i) => self.emit(Op::UnpackEx {
                before: slots[..i].to_vec().into_boxed_slice(),
                star: slots[i],
                after: slots[i + 1..].to_vec().into_boxed_slice(),
                src: v,
            }),
        }
        if all_direct {
            return Ok(());
        }
        for (e, s) in elts.iter().zip(slots) {
            let target = match e {
                Expr::Starred(st) => &*st.value,
                other => other,
            };
            self.assign(target, Opnd::Slot(s))?;
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                let local = self.local_slot(n.id.as_str());
                let cur = self.load_name(n.id.as_str(), None)?;
                let cur = if self.must_stash(cur, &[&a.value]) { self.stash(cur) } else { cur };
                let v = self.expr(&a.value)?;
                self.set_span(a.range);
                let dst = local.unwrap_or_else(|| self.temp());
                self.emit(Op::InPlace { dst, op, a: cur, b: v });
                if local.is_none() {
                    self.set_span(a.target.range());
                    self.store_name(n.id.as_str(), Opnd::Slot(dst))?;
                }
            }
            Expr::Attribute(at) => {
                let obj = self.expr(&at.value)?;
                let obj = Opnd::Slot(self.in_slot(obj));
                let name = self.mangled_name_idx(at.attr.as_str());
                let cur = self.temp();
                self.set_span(a.target.range());
                self.emit(Op::GetAttr { dst: cur, obj, name });
                let v = self.expr(&a.value)?;
                let r = self.temp();
                self.set_span(a.range);
                self.emit(Op::InPlace { dst: r, op, a: Opnd::Slot(cur), b: v });
                self.set_span(a.target.range());
                self.emit(Op::SetAttr { obj, name, src: Opnd::Slot(r) });
            }
            Expr::Subscript(s) => {
                let ops = self.eval_seq(&[&s.value, &s.slice])?;
                let obj = Opnd::Slot(self.in_slot(ops[0]));
                let key = if self.is_named(ops[1]) { self.stash(ops[1]) } else { ops[1] };
                let cur = self.temp();
                self.set_span(a.target.range());
                self.emit(Op::GetItem { dst: cur, obj, key });
                let v = self.expr(&a.value)?;
                let r = self.temp();
                self.set_span(a.range);
                self.emit(Op::InPlace { dst: r, op, a: Opnd::Slot(cur), b: v });
                self.set_span(a.target.range());
                self.emit(Op::SetItem { obj, key, src: Opnd::Slot(r) });
            }
            other => {
                let what = match other {
                    Expr::Tuple(_) => "'tuple' is an illegal expression for augmented assignment".to_string(),
                    Expr::List(_) => "'list' is an illegal expression for augmented assignment".to_string(),
                    _ => format!("'{}' is an illegal expression for augmented assignment", expr_kind_name(other)),
                };
                return Err(CompileError::syntax(what, other.range()));
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        let top = matches!(self.ur().kind, ScopeKind::Module | ScopeKind::Class);
        if let Some(v) = &a.value {
            let v = self.expr(v)?;
            self.assign(&a.target, v)?;
        }
        match &*a.target {
            Expr::Name(n) => {
                if a.simple && top {
                    let ann = self.annotation(&a.annotation)?;
                    let ann = if self.is_named(ann) { self.stash(ann) } else { ann };
                    let d = self.load_name("__annotations__", None)?;
                    let key = self.mangle(n.id.as_str());
                    let k = self.const_str(&key);
                    self.set_span(a.range);
                    self.emit(Op::SetItem { obj: d, key: k, src: ann });
                } else if top {
                    let v = self.expr(&a.annotation)?;
                    self.discard(v);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    let v = self.expr(&at.value)?;
                    self.discard(v);
                }
                if top {
                    let v = self.expr(&a.annotation)?;
                    self.discard(v);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    let v = self.expr(&s.value)?;
                    self.discard(v);
                    let v = self.expr(&s.slice)?;
                    self.discard(v);
                }
                if top {
                    let v = self.expr(&a.annotation)?;
                    self.discard(v);
                }
            }
            other => {
                return Err(CompileError::syntax(
                    format!("only single target (not {}) can be annotated", seq_kind_name(other)),
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    /// The value of an annotation: evaluated, or its source text under
    /// `from __future__ import annotations`.
    fn annotation(&mut self, e: &'a Expr) -> CResult<Opnd> {
        if !self.future_annotations {
            return self.expr(e);
        }
        let text = match e {
            Expr::StringLiteral(s) => {
                let v = s.value.to_str();
                if v.contains('\'') && !v.contains('"') {
                    format!("\"{v}\"")
                } else {
                    format!("'{}'", v.replace('\'', "\\'"))
                }
            }
            _ => {
                let src = &self.source.text[e.range().start().to_usize()..e.range().end().to_usize()];
                src.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        };
        Ok(self.const_str(&text))
    }

    fn delete(&mut self, t: &'a Expr) -> CResult<()> {
        self.enter_depth(t.range())?;
        let old = self.set_span(t.range());
        let r = match t {
            Expr::Name(n) => self.delete_name(n.id.as_str()),
            Expr::Attribute(a) => {
                let obj = self.expr(&a.value)?;
                let name = self.mangled_name_idx(a.attr.as_str());
                self.set_span(t.range());
                self.emit(Op::DelAttr { obj, name });
                Ok(())
            }
            Expr::Subscript(s) => {
                let ops = self.eval_seq(&[&s.value, &s.slice])?;
                self.set_span(t.range());
                self.emit(Op::DelItem { obj: ops[0], key: ops[1] });
                Ok(())
            }
            Expr::Tuple(tu) => tu.elts.iter().try_for_each(|e| self.delete(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.delete(e)),
            other => Err(CompileError::syntax(invalid_target_msg(other, "delete"), other.range())),
        };
        self.restore_span(old);
        self.leave_depth();
        r
    }

    // ----- control flow -----

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        if !self.ur().kind.is_function() {
            return Err(CompileError::syntax("'return' outside function", r.range));
        }
        let mut v = match &r.value {
            Some(e) => self.expr(e)?,
            None => self.const_none(),
        };
        if self.ur().ctl.iter().any(|c| matches!(c, Ctl::ExceptStar)) {
            return Err(CompileError::syntax(EXCEPT_STAR_EXIT, r.range));
        }
        let has_cleanup = self.ur().ctl.iter().any(|c| !matches!(c, Ctl::Loop { .. }));
        if has_cleanup && self.is_named(v) {
            v = self.stash(v);
        }
        self.unwind(None)?;
        self.set_span(r.range);
        self.emit(Op::Return { value: v });
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, range: TextRange) -> CResult<()> {
        let found = self.ur().ctl.iter().rposition(|c| matches!(c, Ctl::Loop { .. }));
        let Some(i) = found else {
            let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(CompileError::syntax(msg, range));
        };
        let head = match &self.ur().ctl[i] {
            Ctl::Loop { head, exit, close } => (*head, *exit, *close),
            _ => return Err(CompileError::internal("loop entry expected")),
        };
        let (head, exit, close) = (head.0, head.1, head.2);
        if self.ur().ctl[i..].iter().any(|c| matches!(c, Ctl::ExceptStar)) {
            return Err(CompileError::syntax(EXCEPT_STAR_EXIT, range));
        }
        self.unwind(Some(i))?;
        self.set_span(range);
        if let (true, Some((it, fresh))) = (is_break, close) {
            self.emit_for_close(it, fresh);
        }
        self.b().jump(if is_break { exit } else { head });
        Ok(())
    }

    /// Emits the cleanup of every control-stack entry above `stop` (all entries when
    /// None), innermost first, as `return`/`break`/`continue` leave them.
    fn unwind(&mut self, stop: Option<usize>) -> CResult<()> {
        let n = self.ur().ctl.len();
        let lo = stop.map_or(0, |i| i + 1);
        for i in (lo..n).rev() {
            enum Todo<'x> {
                Nothing,
                Finally(&'x [Stmt], Option<BlockId>),
                CloseIter(u32, u32),
                Handler(u32, Option<&'x str>, Option<BlockId>),
                With(u32, Option<BlockId>, (u32, u32), bool),
            }
            let todo = match &self.ur().ctl[i] {
                Ctl::Loop { close: Some((it, fresh)), .. } => Todo::CloseIter(*it, *fresh),
                Ctl::Loop { .. } | Ctl::ExceptStar => Todo::Nothing,
                Ctl::Finally { body, outer_handler } => Todo::Finally(body, *outer_handler),
                Ctl::HandlerCleanup { save, name, outer_handler } => Todo::Handler(*save, *name, *outer_handler),
                Ctl::With { exit, outer_handler, span, is_async } => {
                    Todo::With(*exit, *outer_handler, *span, *is_async)
                }
            };
            match todo {
                Todo::Nothing => {}
                Todo::CloseIter(it, fresh) => self.emit_for_close(it, fresh),
                Todo::Finally(body, oh) => {
                    let saved = self.u().ctl.split_off(i);
                    self.b().continue_in_new_block(oh);
                    let r = self.stmts(body);
                    self.u().ctl.extend(saved);
                    r?;
                }
                Todo::Handler(save, name, oh) => {
                    self.b().continue_in_new_block(oh);
                    self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
                    if let Some(name) = name {
                        self.unbind_handler_name(name)?;
                    }
                }
                Todo::With(exit, oh, span, is_async) => {
                    self.b().continue_in_new_block(oh);
                    let old = self.b().span;
                    self.b().span = span;
                    self.call_exit_none(exit, is_async);
                    self.b().span = old;
                }
            }
        }
        Ok(())
    }

    fn call_exit_none(&mut self, exit: u32, is_async: bool) {
        let none = self.const_none();
        let d = self.temp();
        self.emit(Op::Call {
            dst: d,
            func: Opnd::Slot(exit),
            args: Box::new([none, none, none]),
            kwnames: Box::new([]),
        });
        if is_async {
            self.emit_await(Opnd::Slot(d), Helper::AwaitAexit, d);
        }
    }

    /// `name = None; del name` at the end of `except ... as name`.
    fn unbind_handler_name(&mut self, name: &str) -> CResult<()> {
        let none = self.const_none();
        self.store_name(name, none)?;
        self.delete_name(name)
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let end = self.b().new_block_here();
        let then_b = self.b().new_block_here();
        let mut else_b = self.b().new_block_here();
        self.cond(&i.test, then_b, else_b)?;
        self.b().switch_to(then_b);
        self.stmts(&i.body)?;
        self.b().jump(end);
        for c in &i.elif_else_clauses {
            self.b().switch_to(else_b);
            match &c.test {
                Some(t) => {
                    let tb = self.b().new_block_here();
                    let eb = self.b().new_block_here();
                    let old = self.set_span(c.range);
                    self.cond(t, tb, eb)?;
                    self.restore_span(old);
                    self.b().switch_to(tb);
                    self.stmts(&c.body)?;
                    self.b().jump(end);
                    else_b = eb;
                }
                None => {
                    self.stmts(&c.body)?;
                    self.b().jump(end);
                    else_b = end;
                }
            }
        }
        if else_b != end {
            self.b().switch_to(else_b);
            self.b().jump(end);
        }
        self.b().switch_to(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let head = self.b().new_block_here();
        let body = self.b().new_block_here();
        let orelse = self.b().new_block_here();
        let after = self.b().new_block_here();
        self.b().jump(head);
        self.b().switch_to(head);
        self.cond(&w.test, body, orelse)?;
        self.b().switch_to(body);
        self.u().ctl.push(Ctl::Loop { head, exit: after, close: None });
        let r = self.stmts(&w.body);
        self.u().ctl.pop();
        r?;
        self.b().jump(head);
        self.b().switch_to(orelse);
        self.stmts(&w.orelse)?;
        self.b().jump(after);
        self.b().switch_to(after);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async && !self.in_async_function() {
            return Err(CompileError::syntax("'async for' outside async function", f.range));
        }
        let src = self.expr(&f.iter)?;
        // `for x in f(...)` where the call's result is a generator that only the loop can
        // reach: the callee, to check at run time (`generator::for_fresh`).
        let callee = match (f.is_async, &*f.iter, self.last_op()) {
            (false, Expr::Call(_) | Expr::Generator(_), Some(Op::Call { dst, func, .. }))
                if src == Opnd::Slot(*dst) =>
            {
                Some((*func, None))
            }
            (false, Expr::Call(_), Some(Op::CallMethod { dst, obj, name, .. })) if src == Opnd::Slot(*dst) => {
                Some((*obj, Some(*name)))
            }
            _ => None,
        };
        // CPython attributes GET_ITER and FOR_ITER to the whole `for` statement, so a failing
        // iteration shows the header line without carets.
        self.set_span(f.range);
        let it = if f.is_async {
            self.emit_get_aiter(src)
        } else {
            let it = self.temp();
            self.emit(Op::GetIter { dst: it, src });
            it
        };
        let outer = self.b().handler();
        let close = match callee {
            Some((func, method)) => {
                let (fresh_fn, _, method_fn) = crate::eval::generator::for_helpers(self.vm);
                let fresh = self.temp();
                let (f, args): (crate::value::Value, Box<[Opnd]>) = match method {
                    None => (fresh_fn, Box::new([func, Opnd::Slot(it)])),
                    Some(n) => {
                        let name = self.ur().b.names[n as usize];
                        let nc = self.const_value(name);
                        (method_fn, Box::new([func, nc, Opnd::Slot(it)]))
                    }
                };
                let fc = self.const_value(f);
                self.emit(Op::Call { dst: fresh, func: fc, args, kwnames: Box::new([]) });
                Some((it, fresh))
            }
            None => None,
        };
        // An exception leaving the loop closes the loop's own generator on its way out.
        let loop_handler = match close {
            Some(_) => Some(self.b().new_block(outer)),
            None => outer,
        };
        let head = self.b().new_block(loop_handler);
        let body = self.b().new_block(loop_handler);
        let orelse = self.b().new_block(outer);
        let after = self.b().new_block(outer);
        self.b().jump(head);
        self.b().switch_to(head);
        let direct = match &*f.target {
            Expr::Name(n) => self.local_slot(n.id.as_str()),
            _ => None,
        };
        let dst = direct.unwrap_or_else(|| self.temp());
        self.set_span(f.range);
        if f.is_async {
            self.emit_async_for_next(it, dst, body, orelse);
        } else {
            self.emit(Op::ForIter { dst, iter: Opnd::Slot(it), body, exit: orelse });
        }
        self.b().switch_to(body);
        if direct.is_none() {
            self.assign(&f.target, Opnd::Slot(dst))?;
        }
        self.u().ctl.push(Ctl::Loop { head, exit: after, close });
        let r = self.stmts(&f.body);
        self.u().ctl.pop();
        r?;
        self.b().jump(head);
        if let (Some((it, fresh)), Some(xh)) = (close, loop_handler) {
            self.b().switch_to(xh);
            let e = self.temp();
            self.emit(Op::GetException { dst: e });
            self.emit_for_close(it, fresh);
            self.emit(Op::Reraise { exc: Opnd::Slot(e) });
        }
        self.b().switch_to(orelse);
        self.stmts(&f.orelse)?;
        self.b().jump(after);
        self.b().switch_to(after);
        Ok(())
    }

    /// Closes a `for` loop's own generator (a no-op unless `fresh` is True).
    fn emit_for_close(&mut self, it: u32, fresh: u32) {
        let (_, close_fn, _) = crate::eval::generator::for_helpers(self.vm);
        let fc = self.const_value(close_fn);
        let d = self.temp();
        self.emit(Op::Call {
            dst: d,
            func: fc,
            args: Box::new([Opnd::Slot(it), Opnd::Slot(fresh)]),
            kwnames: Box::new([]),
        });
    }

    // ----- exceptions -----

    /// The range of the `else` keyword of a `try` statement: the last `else` between the
    /// end of the body and the first statement of the `else` block.
    fn else_kw_range(&self, t: &ast::StmtTry) -> TextRange {
        let lo = t.body.last().map_or(t.range.start(), |b| b.range().end()).to_usize();
        let hi = t.orelse.first().map_or(t.range.end(), |b| b.range().start()).to_usize();
        let text = &self.source.text;
        let at = text.get(lo..hi).and_then(|seg| seg.rfind("else")).map_or(lo, |i| lo + i);
        TextRange::new(TextSize::new(at as u32), TextSize::new(at as u32 + 4))
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if let Some(i) = t.handlers.iter().position(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            h.type_.is_none()
        }) {
            if i + 1 < t.handlers.len() {
                return Err(CompileError::syntax("default 'except:' must be last", except_kw_range(&t.handlers[i])));
            }
        }
        if t.handlers.is_empty() && !t.orelse.is_empty() {
            // The parser accepts `try: ... else: ... finally: ...`; CPython rejects it.
            return Err(CompileError::syntax("expected 'except' or 'finally' block", self.else_kw_range(t)));
        }
        if t.finalbody.is_empty() {
            return if t.is_star { self.try_star(t, None) } else { self.try_except(t, None) };
        }
        let outer = self.b().handler();
        let fin_exc = self.b().new_block(outer);
        self.u().ctl.push(Ctl::Finally { body: &t.finalbody, outer_handler: outer });
        let r = if t.handlers.is_empty() {
            self.b().continue_in_new_block(Some(fin_exc));
            self.stmts(&t.body)
        } else if t.is_star {
            self.try_star(t, Some(fin_exc))
        } else {
            self.try_except(t, Some(fin_exc))
        };
        self.u().ctl.pop();
        r?;
        // Fall-through: run the finally body.
        self.b().continue_in_new_block(outer);
        self.stmts(&t.finalbody)?;
        let after = self.b().new_block(outer);
        self.b().jump(after);
        // Exceptional path: run it with the exception handled, then re-raise.
        self.b().switch_to(fin_exc);
        let exc = self.temp();
        let save = self.temp();
        self.emit(Op::GetException { dst: exc });
        self.emit(Op::PushExcInfo { save, exc: Opnd::Slot(exc) });
        let fcleanup = self.b().new_block(outer);
        self.b().continue_in_new_block(Some(fcleanup));
        self.u().ctl.push(Ctl::HandlerCleanup { save, name: None, outer_handler: outer });
        let r = self.stmts(&t.finalbody);
        self.u().ctl.pop();
        r?;
        self.b().continue_in_new_block(outer);
        self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
        self.emit(Op::Reraise { exc: Opnd::Slot(exc) });
        self.b().switch_to(fcleanup);
        self.pop_and_reraise_current(save);
        self.b().switch_to(after);
        Ok(())
    }

    /// In a cleanup block: restore the handled exception and re-raise the one in flight.
    fn pop_and_reraise_current(&mut self, save: u32) {
        let e2 = self.temp();
        self.emit(Op::GetException { dst: e2 });
        self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
        self.emit(Op::Reraise { exc: Opnd::Slot(e2) });
    }

    /// `try/except/else`; `fin_exc` is the exceptional `finally` path when there is one.
    fn try_except(&mut self, t: &'a ast::StmtTry, fin_exc: Option<BlockId>) -> CResult<()> {
        let outer = self.b().handler();
        let h1 = fin_exc.or(outer);
        let after = self.b().new_block(h1);
        let cleanup = self.b().new_block(h1);
        let eh = self.b().new_block(Some(cleanup));
        // body
        self.b().continue_in_new_block(Some(eh));
        self.stmts(&t.body)?;
        // else
        self.b().continue_in_new_block(h1);
        self.stmts(&t.orelse)?;
        self.b().jump(after);
        // dispatch
        self.b().switch_to(eh);
        let exc = self.temp();
        let save = self.temp();
        let old = self.set_span(t.handlers.first().map_or(t.range, except_kw_range));
        self.emit(Op::GetException { dst: exc });
        self.emit(Op::PushExcInfo { save, exc: Opnd::Slot(exc) });
        self.restore_span(old);
        let mut matched_all = false;
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_span(except_kw_range_h(h));
            if let Some(ty) = &h.type_ {
                let tyv = self.expr(ty)?;
                let m = self.temp();
                self.set_span(except_kw_range_h(h));
                self.emit(Op::ExcMatch { dst: m, exc: Opnd::Slot(exc), ty: tyv });
                let body_b = self.b().new_block(Some(cleanup));
                let next = self.b().new_block(Some(cleanup));
                self.emit(Op::Branch { cond: Opnd::Slot(m), t: body_b, f: next });
                self.b().switch_to(body_b);
                self.handler_body(h, exc, save, cleanup, h1, after)?;
                self.b().switch_to(next);
            } else {
                self.handler_body(h, exc, save, cleanup, h1, after)?;
                matched_all = true;
            }
            self.restore_span(old);
        }
        if !matched_all {
            self.b().continue_in_new_block(h1);
            self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
            self.emit(Op::Reraise { exc: Opnd::Slot(exc) });
        }
        self.b().switch_to(cleanup);
        self.pop_and_reraise_current(save);
        self.b().switch_to(after);
        Ok(())
    }

    /// `try/except*/else` (PEP 654); `fin_exc` as in `try_except`. Each clause splits what
    /// is left of the exception group (`exc::Helper::StarMatch`); what the handlers raise and
    /// the unmatched rest are combined at the end (`exc::Helper::StarReraise`).
    fn try_star(&mut self, t: &'a ast::StmtTry, fin_exc: Option<BlockId>) -> CResult<()> {
        let outer = self.b().handler();
        let h1 = fin_exc.or(outer);
        let after = self.b().new_block(h1);
        let cleanup = self.b().new_block(h1);
        let eh = self.b().new_block(Some(cleanup));
        self.b().continue_in_new_block(Some(eh));
        self.stmts(&t.body)?;
        self.b().continue_in_new_block(h1);
        self.stmts(&t.orelse)?;
        self.b().jump(after);
        self.b().switch_to(eh);
        let exc = self.temp();
        let save = self.temp();
        let rest = self.temp();
        let raised = self.temp();
        let old = self.set_span(t.handlers.first().map_or(t.range, except_kw_range));
        self.emit(Op::GetException { dst: exc });
        self.emit(Op::PushExcInfo { save, exc: Opnd::Slot(exc) });
        self.emit(Op::Move { dst: rest, src: Opnd::Slot(exc) });
        self.emit(Op::BuildList { dst: raised, items: Box::new([]) });
        self.restore_span(old);
        let match_fn = crate::eval::exc::helper(self.vm, crate::eval::exc::Helper::StarMatch);
        let reraise_fn = crate::eval::exc::helper(self.vm, crate::eval::exc::Helper::StarReraise);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_span(except_kw_range_h(h));
            let Some(ty) = &h.type_ else {
                return Err(CompileError::syntax("expected one or more exception types", h.range));
            };
            let tyv = self.expr(ty)?;
            let tyv = if self.is_named(tyv) { self.stash(tyv) } else { tyv };
            self.set_span(except_kw_range_h(h));
            let f = self.const_value(match_fn);
            let pair = self.temp();
            self.emit(Op::Call { dst: pair, func: f, args: Box::new([Opnd::Slot(rest), tyv]), kwnames: Box::new([]) });
            let m = self.temp();
            self.emit(Op::Unpack { dsts: Box::new([m, rest]), src: Opnd::Slot(pair) });
            let none = self.const_none();
            let is_none = self.temp();
            self.emit(Op::Compare { dst: is_none, op: crate::cfg::CmpOp::Is, a: Opnd::Slot(m), b: none });
            let body_b = self.b().new_block(Some(cleanup));
            let next = self.b().new_block(Some(cleanup));
            self.emit(Op::Branch { cond: Opnd::Slot(is_none), t: next, f: body_b });
            self.b().switch_to(body_b);
            let save2 = self.temp();
            self.emit(Op::PushExcInfo { save: save2, exc: Opnd::Slot(m) });
            let hx = self.b().new_block(Some(cleanup));
            self.b().continue_in_new_block(Some(hx));
            let name: Option<&'a str> = h.name.as_ref().map(|n| n.as_str());
            if let Some(name) = name {
                self.store_name(name, Opnd::Slot(m))?;
            }
            self.u().ctl.push(Ctl::ExceptStar);
            let r = self.stmts(&h.body);
            self.u().ctl.pop();
            r?;
            self.b().continue_in_new_block(Some(cleanup));
            self.emit(Op::PopExcInfo { saved: Opnd::Slot(save2) });
            if let Some(name) = name {
                self.unbind_handler_name(name)?;
            }
            self.b().jump(next);
            // An exception raised by the handler is collected, to be raised at the end.
            self.b().switch_to(hx);
            let e2 = self.temp();
            self.emit(Op::GetException { dst: e2 });
            self.emit(Op::ListAppend { list: raised, item: Opnd::Slot(e2) });
            self.emit(Op::PopExcInfo { saved: Opnd::Slot(save2) });
            if let Some(name) = name {
                self.unbind_handler_name(name)?;
            }
            self.b().jump(next);
            self.b().switch_to(next);
            self.restore_span(old);
        }
        let old = self.set_span(t.handlers.first().map_or(t.range, except_kw_range));
        self.emit(Op::ListAppend { list: raised, item: Opnd::Slot(rest) });
        let f = self.const_value(reraise_fn);
        let res = self.temp();
        self.emit(Op::Call {
            dst: res,
            func: f,
            args: Box::new([Opnd::Slot(exc), Opnd::Slot(raised)]),
            kwnames: Box::new([]),
        });
        let none = self.const_none();
        let is_none = self.temp();
        self.emit(Op::Compare { dst: is_none, op: crate::cfg::CmpOp::Is, a: Opnd::Slot(res), b: none });
        let handled = self.b().new_block(h1);
        let rr = self.b().new_block(h1);
        self.emit(Op::Branch { cond: Opnd::Slot(is_none), t: handled, f: rr });
        self.b().switch_to(rr);
        self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
        self.emit(Op::Reraise { exc: Opnd::Slot(res) });
        self.b().switch_to(handled);
        self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
        self.b().jump(after);
        self.restore_span(old);
        self.b().switch_to(cleanup);
        self.pop_and_reraise_current(save);
        self.b().switch_to(after);
        Ok(())
    }

    fn handler_body(
        &mut self,
        h: &'a ast::ExceptHandlerExceptHandler,
        exc: u32,
        save: u32,
        cleanup: BlockId,
        h1: Option<BlockId>,
        after: BlockId,
    ) -> CResult<()> {
        match &h.name {
            Some(name) => {
                let name: &'a str = name.as_str();
                let named_cleanup = self.b().new_block(h1);
                self.b().continue_in_new_block(Some(named_cleanup));
                self.store_name(name, Opnd::Slot(exc))?;
                self.u().ctl.push(Ctl::HandlerCleanup { save, name: Some(name), outer_handler: h1 });
                let r = self.stmts(&h.body);
                self.u().ctl.pop();
                r?;
                self.b().continue_in_new_block(h1);
                self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
                self.unbind_handler_name(name)?;
                self.b().jump(after);
                self.b().switch_to(named_cleanup);
                let e2 = self.temp();
                self.emit(Op::GetException { dst: e2 });
                self.unbind_handler_name(name)?;
                self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
                self.emit(Op::Reraise { exc: Opnd::Slot(e2) });
            }
            None => {
                self.b().continue_in_new_block(Some(cleanup));
                self.u().ctl.push(Ctl::HandlerCleanup { save, name: None, outer_handler: h1 });
                let r = self.stmts(&h.body);
                self.u().ctl.pop();
                r?;
                self.b().continue_in_new_block(h1);
                self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
                self.b().jump(after);
            }
        }
        Ok(())
    }

    fn with_items(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        range: TextRange,
        is_async: bool,
    ) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let outer = self.b().handler();
        // Like CPython, `__enter__`/`__exit__` errors are located at the whole `with` statement.
        let span = (u32::from(range.start()), u32::from(range.end()));
        let mgr = self.expr(&item.context_expr)?;
        let mgr = Opnd::Slot(self.in_slot(mgr));
        self.b().span = span;
        let enter = self.temp();
        let exit = self.temp();
        let (s_enter, s_exit) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
        let n_enter = self.name_idx(s_enter);
        let n_exit = self.name_idx(s_exit);
        self.emit(Op::LoadSpecial { dst: enter, obj: mgr, name: n_enter });
        self.emit(Op::LoadSpecial { dst: exit, obj: mgr, name: n_exit });
        let res = self.temp();
        self.emit(Op::Call { dst: res, func: Opnd::Slot(enter), args: Box::new([]), kwnames: Box::new([]) });
        if is_async {
            self.emit_await(Opnd::Slot(res), Helper::AwaitAenter, res);
        }
        let wh = self.b().new_block(outer);
        self.b().continue_in_new_block(Some(wh));
        if let Some(v) = &item.optional_vars {
            self.assign(v, Opnd::Slot(res))?;
        }
        self.u().ctl.push(Ctl::With { exit, outer_handler: outer, span, is_async });
        let r = self.with_items(rest, body, range, is_async);
        self.u().ctl.pop();
        r?;
        // Normal exit.
        self.b().continue_in_new_block(outer);
        self.b().span = span;
        self.call_exit_none(exit, is_async);
        let after = self.b().new_block(outer);
        self.b().jump(after);
        // Exceptional exit: __exit__(type, value, traceback) decides whether to suppress.
        self.b().switch_to(wh);
        let exc = self.temp();
        let save = self.temp();
        self.emit(Op::GetException { dst: exc });
        self.emit(Op::PushExcInfo { save, exc: Opnd::Slot(exc) });
        let wcleanup = self.b().new_block(outer);
        self.b().continue_in_new_block(Some(wcleanup));
        let tp = self.temp();
        let tb = self.temp();
        let n_class = self.name_idx("__class__");
        let n_tb = self.name_idx("__traceback__");
        self.emit(Op::GetAttr { dst: tp, obj: Opnd::Slot(exc), name: n_class });
        self.emit(Op::GetAttr { dst: tb, obj: Opnd::Slot(exc), name: n_tb });
        let r = self.temp();
        self.emit(Op::Call {
            dst: r,
            func: Opnd::Slot(exit),
            args: Box::new([Opnd::Slot(tp), Opnd::Slot(exc), Opnd::Slot(tb)]),
            kwnames: Box::new([]),
        });
        if is_async {
            self.emit_await(Opnd::Slot(r), Helper::AwaitAexit, r);
        }
        let sup = self.b().new_block(outer);
        let rr = self.b().new_block(outer);
        self.emit(Op::Branch { cond: Opnd::Slot(r), t: sup, f: rr });
        self.b().switch_to(rr);
        self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
        self.emit(Op::Reraise { exc: Opnd::Slot(exc) });
        self.b().switch_to(sup);
        self.emit(Op::PopExcInfo { saved: Opnd::Slot(save) });
        self.b().jump(after);
        self.b().switch_to(wcleanup);
        self.pop_and_reraise_current(save);
        self.b().switch_to(after);
        Ok(())
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> CResult<()> {
        if matches!(&*a.test, Expr::Tuple(t) if !t.elts.is_empty()) {
            self.warn(a.range.start(), "assertion is always true, perhaps remove parentheses?");
        }
        let ok = self.b().new_block_here();
        let fail = self.b().new_block_here();
        self.cond(&a.test, ok, fail)?;
        self.b().switch_to(fail);
        let cls = self.vm.exc.assertion_error;
        let ae = self.const_value(cls);
        match &a.msg {
            Some(m) => {
                let mv = self.expr(m)?;
                let e = self.temp();
                self.set_span(assert_location(&a.test).unwrap_or(a.range));
                self.emit(Op::Call { dst: e, func: ae, args: Box::new([mv]), kwnames: Box::new([]) });
                self.emit(Op::Raise { exc: Some(Opnd::Slot(e)), cause: None });
            }
            None => {
                self.set_span(assert_location(&a.test).unwrap_or(a.range));
                self.emit(Op::Raise { exc: Some(ae), cause: None });
            }
        }
        self.b().switch_to(ok);
        Ok(())
    }

    // ----- imports -----

    fn import(&mut self, i: &'a ast::StmtImport) -> CResult<()> {
        for alias in &i.names {
            let full = alias.name.as_str();
            let n = self.name_idx(full);
            let none = self.const_none();
            let m = self.temp();
            self.emit(Op::Import { dst: m, name: n, fromlist: none, level: 0 });
            match &alias.asname {
                Some(asname) => {
                    let mut cur = m;
                    for part in full.split('.').skip(1) {
                        let pn = self.name_idx(part);
                        let d = self.temp();
                        self.emit(Op::ImportFrom { dst: d, module: Opnd::Slot(cur), name: pn });
                        cur = d;
                    }
                    self.store_name(asname.as_str(), Opnd::Slot(cur))?;
                }
                None => {
                    let first = full.split('.').next().unwrap_or(full);
                    self.store_name(first, Opnd::Slot(m))?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        if i.level == 0
            && i.module.as_ref().map(|m| m.as_str()) == Some("__future__")
            && !self.future_ok.contains(&(i as *const ast::StmtImportFrom as usize))
        {
            return Err(CompileError::syntax(
                "from __future__ imports must occur at the beginning of the file",
                i.range,
            ));
        }
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        let n = self.name_idx(module);
        let names: Vec<_> = i.names.iter().map(|a| self.str_value(a.name.as_str())).collect();
        let tuple = self.vm.new_tuple(names);
        let fromlist = self.const_value(tuple);
        let m = self.temp();
        self.emit(Op::Import { dst: m, name: n, fromlist, level: i.level });
        for alias in &i.names {
            if alias.name.as_str() == "*" {
                self.emit(Op::ImportStar { module: Opnd::Slot(m) });
                continue;
            }
            let an = self.mangled_name_idx(alias.name.as_str());
            let d = self.temp();
            self.emit(Op::ImportFrom { dst: d, module: Opnd::Slot(m), name: an });
            let stored = alias.asname.as_ref().unwrap_or(&alias.name);
            self.store_name(stored.as_str(), Opnd::Slot(d))?;
        }
        Ok(())
    }

    // ----- definitions -----

    /// Span of a `def`/`class` statement's header line (where CPython reports it).
    fn def_span(&self, keyword_pos: TextSize, end: TextSize) -> TextRange {
        TextRange::new(keyword_pos, end.max(keyword_pos))
    }

    /// Offset of the `def`/`class` keyword before a definition's name.
    fn keyword_before(&self, name_start: TextSize, kw: &str) -> TextSize {
        let text = &self.source.text;
        let mut i = u32::from(name_start) as usize;
        while i > 0 && text.as_bytes()[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        if i >= kw.len() && text.get(i - kw.len()..i) == Some(kw) {
            let mut j = i - kw.len();
            // `async def`
            let mut k = j;
            while k > 0 && text.as_bytes()[k - 1].is_ascii_whitespace() {
                k -= 1;
            }
            if k >= 5 && text.get(k - 5..k) == Some("async") {
                j = k - 5;
            }
            return TextSize::new(j as u32);
        }
        name_start
    }

    fn decorators(&mut self, decos: &'a [ast::Decorator]) -> CResult<Vec<(Opnd, TextRange)>> {
        let mut out = Vec::new();
        for d in decos {
            let old = self.set_span(d.expression.range());
            let v = self.expr(&d.expression)?;
            self.restore_span(old);
            out.push((Opnd::Slot(self.in_slot(v)), d.expression.range()));
        }
        Ok(out)
    }

    /// Applies decorators innermost first; each call is reported at its decorator.
    fn apply_decorators(&mut self, decos: Vec<(Opnd, TextRange)>, f: u32) {
        for (d, range) in decos.into_iter().rev() {
            let old = self.set_span(range);
            self.emit(Op::Call { dst: f, func: d, args: Box::new([Opnd::Slot(f)]), kwnames: Box::new([]) });
            self.restore_span(old);
        }
    }

    /// Positional defaults tuple and keyword-only defaults dict of a parameter list.
    pub fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<(Option<Opnd>, Option<Opnd>)> {
        let pos: Vec<&'a Expr> = p.posonlyargs.iter().chain(&p.args).filter_map(|a| a.default.as_deref()).collect();
        let defaults = if pos.is_empty() { None } else { Some(self.tuple_of(&pos)?) };
        let kw: Vec<&'a ast::ParameterWithDefault> = p.kwonlyargs.iter().filter(|a| a.default.is_some()).collect();
        let kwdefaults = if kw.is_empty() {
            None
        } else {
            let mut items = Vec::new();
            for a in kw {
                let key = self.mangle(a.parameter.name.as_str());
                let k = self.const_str(&key);
                let Some(d) = a.default.as_deref() else {
                    continue;
                };
                let v = self.expr(d)?;
                let v = if self.is_named(v) { self.stash(v) } else { v };
                items.push(k);
                items.push(v);
            }
            let d = self.temp();
            self.emit(Op::BuildDict { dst: d, items: items.into_boxed_slice() });
            Some(Opnd::Slot(d))
        };
        Ok((defaults, kwdefaults))
    }

    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<Option<Opnd>> {
        let mut pairs: Vec<(&'a str, &'a Expr)> = Vec::new();
        for a in p.args.iter().chain(&p.posonlyargs) {
            if let Some(an) = &a.parameter.annotation {
                pairs.push((a.parameter.name.as_str(), an));
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                pairs.push((v.name.as_str(), an));
            }
        }
        for a in &p.kwonlyargs {
            if let Some(an) = &a.parameter.annotation {
                pairs.push((a.parameter.name.as_str(), an));
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(an) = &v.annotation {
                pairs.push((v.name.as_str(), an));
            }
        }
        if let Some(r) = returns {
            pairs.push(("return", r));
        }
        if pairs.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::new();
        for (name, e) in pairs {
            let key = self.mangle(name);
            let k = self.const_str(&key);
            let v = self.annotation(e)?;
            let v = if self.is_named(v) { self.stash(v) } else { v };
            items.push(k);
            items.push(v);
        }
        let d = self.temp();
        self.emit(Op::BuildDict { dst: d, items: items.into_boxed_slice() });
        Ok(Some(Opnd::Slot(d)))
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        if let Some(tp) = &f.type_params {
            return Err(CompileError::syntax("invalid syntax", tp.range));
        }
        let kw = self.keyword_before(f.name.range.start(), "def");
        let header = self.def_span(kw, f.range.end());
        let decos = self.decorators(&f.decorator_list)?;
        self.set_span(header);
        let (defaults, kwdefaults) = self.defaults(&f.parameters)?;
        let annotations = self.annotations(&f.parameters, f.returns.as_deref())?;
        let scope = self.table.scope_for(f).ok_or_else(|| CompileError::internal("no scope for def"))?;
        let name = f.name.as_str();
        let qualname = self.qualname_for(name, true);
        let first_line = match f.decorator_list.first() {
            Some(d) => self.line_of(u32::from(d.range.start())),
            None => self.line_of(u32::from(kw)),
        };
        self.enter_unit(scope, name, qualname, first_line, Some(param_counts(&f.parameters)));
        self.set_span(header);
        let mut body: &'a [Stmt] = &f.body;
        if let Some(doc) = docstring(body) {
            let d = self.const_str(&doc);
            self.u().doc = self.const_of(d).unwrap_or(crate::value::Value::NONE);
            body = &body[1..];
        }
        self.stmts(body)?;
        let none = self.const_none();
        let end = f.range.end();
        self.set_span(TextRange::empty(end));
        self.emit(Op::Return { value: none });
        let code = self.leave_unit()?;
        self.set_span(header);
        self.make_function(code, scope, defaults, kwdefaults, annotations, decos, name)
    }

    #[allow(clippy::too_many_arguments)]
    fn make_function(
        &mut self,
        code: std::rc::Rc<crate::cfg::Code>,
        scope: usize,
        defaults: Option<Opnd>,
        kwdefaults: Option<Opnd>,
        annotations: Option<Opnd>,
        decos: Vec<(Opnd, TextRange)>,
        name: &str,
    ) -> CResult<()> {
        let closure = self.closure_for(scope)?;
        let idx = self.b().children.len() as u32;
        self.b().children.push(code);
        let f = self.temp();
        self.emit(Op::MakeFunction {
            dst: f,
            code: idx,
            defaults,
            kwdefaults,
            annotations,
            closure: closure.into_boxed_slice(),
        });
        self.apply_decorators(decos, f);
        self.store_name(name, Opnd::Slot(f))
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        if let Some(tp) = &c.type_params {
            return Err(CompileError::syntax("invalid syntax", tp.range));
        }
        if let Some(a) = &c.arguments {
            super::expr::check_repeated_keywords(&a.keywords)?;
        }
        let kw = self.keyword_before(c.name.range.start(), "class");
        let header = self.def_span(kw, c.range.end());
        let decos = self.decorators(&c.decorator_list)?;
        self.set_span(header);
        let scope = self.table.scope_for(c).ok_or_else(|| CompileError::internal("no scope for class"))?;
        let name = c.name.as_str();
        let qualname = self.qualname_for(name, true);
        let first_line = match c.decorator_list.first() {
            Some(d) => self.line_of(u32::from(d.range.start())),
            None => self.line_of(u32::from(kw)),
        };
        self.enter_unit(scope, name, qualname.clone(), first_line, None);
        self.set_span(header);
        let m = self.load_name("__name__", None)?;
        self.store_name("__module__", m)?;
        let q = self.const_str(&qualname);
        self.store_name("__qualname__", q)?;
        let mut body: &'a [Stmt] = &c.body;
        if has_annotations(body) {
            self.setup_annotations()?;
        }
        if let Some(doc) = docstring(body) {
            let d = self.const_str(&doc);
            self.u().doc = self.const_of(d).unwrap_or(crate::value::Value::NONE);
            if let Some(first) = body.first() {
                self.set_span(first.range());
            }
            self.store_name("__doc__", d)?;
            body = &body[1..];
        }
        self.stmts(body)?;
        self.set_span(TextRange::empty(c.range.end()));
        if self.table.get(scope).needs_class_closure {
            let cell = self.ur().cells.get("__class__").copied();
            let Some(cell) = cell else {
                return Err(CompileError::internal("missing __class__ cell"));
            };
            let n = self.name_idx("__classcell__");
            self.emit(Op::StoreName { name: n, src: Opnd::Slot(cell) });
        }
        let none = self.const_none();
        self.emit(Op::Return { value: none });
        let code = self.leave_unit()?;
        self.set_span(header);
        // __build_class__(func, name, *bases, **keywords)
        let closure = self.closure_for(scope)?;
        let idx = self.b().children.len() as u32;
        self.b().children.push(code);
        let bc = self.temp();
        self.emit(Op::LoadBuildClass { dst: bc });
        let func = self.temp();
        self.emit(Op::MakeFunction {
            dst: func,
            code: idx,
            defaults: None,
            kwdefaults: None,
            annotations: None,
            closure: closure.into_boxed_slice(),
        });
        let name_c = self.const_str(name);
        let (bases, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        let cls = self.temp();
        self.call_with_args(cls, Opnd::Slot(bc), &[Opnd::Slot(func), name_c], bases, keywords, header)?;
        self.apply_decorators(decos, cls);
        self.store_name(name, Opnd::Slot(cls))
    }
}

/// Elements of a tuple or list expression.
fn seq_elts(e: &Expr) -> Option<&[Expr]> {
    match e {
        Expr::Tuple(t) => Some(&t.elts),
        Expr::List(l) => Some(&l.elts),
        _ => None,
    }
}

fn except_kw_range(h: &ast::ExceptHandler) -> TextRange {
    let ast::ExceptHandler::ExceptHandler(h) = h;
    except_kw_range_h(h)
}

fn except_kw_range_h(h: &ast::ExceptHandlerExceptHandler) -> TextRange {
    let end = match &h.name {
        Some(n) => n.range.end(),
        None => h.type_.as_ref().map_or(h.range.start() + TextSize::new(6), |t| t.range().end()),
    };
    TextRange::new(h.range.start(), end.max(h.range.start()))
}

/// CPython's name for an expression kind in "cannot assign to ..." messages.
pub(crate) fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Named(_) => "named expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Compare(_) => "comparison",
        Expr::Call(_) => "function call",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

fn seq_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        _ => expr_kind_name(e),
    }
}

/// "cannot assign to X" / "cannot delete X".
pub(crate) fn invalid_target_msg(e: &Expr, verb: &str) -> String {
    format!("cannot {verb} {}", expr_kind_name(e))
}

/// Where CPython 3.11 locates the AssertionError of `assert test`: at the last comparison
/// its conditional-jump compilation goes through (into `not`, `and`/`or` operands and the
/// three parts of a conditional expression), or, when there is none, at the statement.
fn assert_location(test: &Expr) -> Option<TextRange> {
    match test {
        Expr::Compare(c) => Some(c.range),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => assert_location(&u.operand),
        Expr::BoolOp(b) => b.values.iter().rev().find_map(assert_location),
        Expr::If(i) => [&i.orelse, &i.body, &i.test].into_iter().find_map(|e| assert_location(e)),
        _ => None,
    }
}
