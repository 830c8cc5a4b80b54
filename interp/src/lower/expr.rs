//! Lowering of expressions into flat statements whose results land in slots.
//!
//! `expr` returns an operand: a constant, a temporary, or a local variable read in place
//! (`Opnd::Local`). Reading a local in place is only correct if nothing evaluated after
//! it, before its consumer runs, can rebind it (a walrus) or must raise first, so
//! `eval_seq` copies such operands into temporaries unless everything after them is a
//! literal or a plain local.
//!
//! Single-op expressions accept a destination hint so `x = a + b` writes `x`'s slot
//! directly; expressions built in several steps (boolean operators, displays with `*`)
//! never write the hint, so a failure cannot leave a half-assigned variable behind.

use num_bigint::BigInt;
use num_traits::Num;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::scope::{CompKind, NameScope, ScopeKind};
use super::stmt::{binop, param_counts};
use super::syntax_error::{CResult, CompileError};
use super::{Compiler, ParamCounts};
use crate::cfg::{BlockId, CmpOp, Conversion, Op, Opnd, Slot, UnaryOp};

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

fn is_literal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> CResult<Opnd> {
        self.expr_hint(e, None)
    }

    /// Lowers `e`; single-op expressions write their result to `dst` when given.
    pub fn expr_hint(&mut self, e: &'a Expr, dst: Option<Slot>) -> CResult<Opnd> {
        self.enter_depth(e.range())?;
        let old = self.set_span(e.range());
        let r = self.expr_inner(e, dst);
        self.restore_span(old);
        self.leave_depth();
        r
    }

    /// Evaluation has no effect besides possibly raising NameError/UnboundLocalError of a
    /// local (so earlier operands may be read in place).
    pub fn is_pure(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.is_local_name(n.id.as_str()),
            other => is_literal(other),
        }
    }

    /// Evaluates `es` left to right, keeping each result stable until all are evaluated.
    pub fn eval_seq(&mut self, es: &[&'a Expr]) -> CResult<Vec<Opnd>> {
        let mut out = Vec::with_capacity(es.len());
        for (i, e) in es.iter().enumerate() {
            let o = self.expr(e)?;
            let o = if self.must_stash(o, &es[i + 1..]) { self.stash(o) } else { o };
            out.push(o);
        }
        Ok(out)
    }

    /// Whether the variable operand `o` must be copied before evaluating `later`: when
    /// one of them could raise first or rebind it (a walrus). Parameters that are never
    /// deleted are always bound, so only a walrus can change them.
    pub fn must_stash(&self, o: Opnd, later: &[&Expr]) -> bool {
        if !self.is_named(o) || later.iter().all(|x| self.is_pure(x)) {
            return false;
        }
        let slot = match o {
            Opnd::Local(s) | Opnd::Slot(s) => s,
            Opnd::Const(_) => return false,
        };
        if !self.ur().stable.contains(&slot) {
            return true;
        }
        let name = self.ur().slot_names.get(slot as usize).and_then(|v| v.as_rstr()).unwrap_or("");
        later.iter().any(|e| assigns_by_walrus(e, name))
    }

    fn dst(&mut self, d: Option<Slot>) -> Slot {
        match d {
            Some(s) => s,
            None => self.temp(),
        }
    }

    fn expr_inner(&mut self, e: &'a Expr, hint: Option<Slot>) -> CResult<Opnd> {
        match e {
            Expr::BoolOp(b) => self.bool_op(b),
            Expr::Named(n) => self.named(n),
            Expr::BinOp(b) => {
                let ops = self.eval_seq(&[&b.left, &b.right])?;
                let dst = self.dst(hint);
                self.set_span(b.range);
                self.emit(Op::Binary { dst, op: binop(b.op), a: ops[0], b: ops[1] });
                Ok(Opnd::Slot(dst))
            }
            Expr::UnaryOp(u) => {
                if let Some(c) = self.fold_const(e)? {
                    return Ok(c);
                }
                let v = self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                };
                let dst = self.dst(hint);
                self.set_span(u.range);
                self.emit(Op::Unary { dst, op, src: v });
                Ok(Opnd::Slot(dst))
            }
            Expr::Lambda(l) => self.lambda(l, hint),
            Expr::If(i) => {
                let r = self.temp();
                let t = self.b().new_block_here();
                let f = self.b().new_block_here();
                let end = self.b().new_block_here();
                self.cond(&i.test, t, f)?;
                self.b().switch_to(t);
                let v = self.expr_hint(&i.body, Some(r))?;
                self.move_to(r, v);
                self.b().jump(end);
                self.b().switch_to(f);
                let v = self.expr_hint(&i.orelse, Some(r))?;
                self.move_to(r, v);
                self.b().jump(end);
                self.b().switch_to(end);
                Ok(Opnd::Slot(r))
            }
            Expr::Dict(d) => self.dict_display(d, hint),
            Expr::Set(s) => self.set_display(&s.elts, hint),
            Expr::ListComp(c) => self.comprehension(c, CompKind::List, &c.generators, &c.elt, None, c.range, hint),
            Expr::SetComp(c) => self.comprehension(c, CompKind::Set, &c.generators, &c.elt, None, c.range, hint),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c, CompKind::Dict, &c.generators, k, Some(&c.value), c.range, hint),
                None => Err(CompileError::syntax("dict unpacking cannot be used in dict comprehension", c.range)),
            },
            Expr::Generator(c) => self.comprehension(c, CompKind::Gen, &c.generators, &c.elt, None, c.range, hint),
            Expr::Await(a) => {
                if self.in_async_function() {
                    let v = self.expr(&a.value)?;
                    let dst = self.dst(hint);
                    self.set_span(a.range);
                    self.emit_await(v, crate::eval::coro::Helper::Await, dst);
                    Ok(Opnd::Slot(dst))
                } else if self
                    .units
                    .iter()
                    .rev()
                    .find(|u| !matches!(u.kind, ScopeKind::Comprehension(_)))
                    .is_some_and(|u| u.kind.is_function())
                {
                    Err(CompileError::syntax("'await' outside async function", a.range))
                } else {
                    Err(CompileError::syntax("'await' outside function", a.range))
                }
            }
            Expr::Yield(y) => {
                if !self.ur().kind.is_function() {
                    return Err(CompileError::syntax("'yield' outside function", y.range));
                }
                let v = match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.const_none(),
                };
                let dst = self.dst(hint);
                self.set_span(y.range);
                self.emit(Op::Yield { dst, value: v });
                Ok(Opnd::Slot(dst))
            }
            Expr::YieldFrom(y) => {
                if !self.ur().kind.is_function() {
                    return Err(CompileError::syntax("'yield' outside function", y.range));
                }
                if self.in_async_function() {
                    return Err(CompileError::syntax("'yield from' inside async function", y.range));
                }
                let v = self.expr(&y.value)?;
                let it = self.temp();
                self.set_span(y.range);
                self.emit(Op::GetIter { dst: it, src: v });
                let dst = self.dst(hint);
                self.emit(Op::YieldFrom { dst, iter: Opnd::Slot(it) });
                Ok(Opnd::Slot(dst))
            }
            Expr::Compare(c) => self.compare(c, hint),
            Expr::Call(c) => self.call(c, hint),
            Expr::FString(f) => self.fstring(f, hint),
            Expr::TString(t) => Err(CompileError::syntax("invalid syntax", t.range)),
            Expr::StringLiteral(s) => {
                let bad = s.value.iter().filter_map(|p| self.surrogate_literal(p.range)).min();
                match bad {
                    Some(cp) => Ok(self.raise_not_implemented(&super::surrogates::message(cp), s.range)),
                    None => Ok(self.const_str(s.value.to_str())),
                }
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                Ok(self.const_bytes(bytes))
            }
            Expr::NumberLiteral(n) => self.number(n),
            Expr::BooleanLiteral(b) => Ok(self.const_bool(b.value)),
            Expr::NoneLiteral(_) => Ok(self.const_none()),
            Expr::EllipsisLiteral(_) => Ok(self.const_ellipsis()),
            Expr::Attribute(a) => {
                let obj = self.expr(&a.value)?;
                let name = self.mangled_name_idx(a.attr.as_str());
                let dst = self.dst(hint);
                let span = self.attr_span(a, a.range);
                self.set_span(span);
                self.emit(Op::GetAttr { dst, obj, name });
                Ok(Opnd::Slot(dst))
            }
            Expr::Subscript(s) => {
                self.check_subscript(s);
                let ops = self.eval_seq(&[&s.value, &s.slice])?;
                let dst = self.dst(hint);
                self.set_span(s.range);
                self.emit(Op::GetItem { dst, obj: ops[0], key: ops[1] });
                Ok(Opnd::Slot(dst))
            }
            Expr::Starred(s) => Err(CompileError::syntax("can't use starred expression here", s.range)),
            Expr::Name(n) => self.load_name(n.id.as_str(), hint),
            Expr::List(l) => self.list_display(&l.elts, hint),
            Expr::Tuple(t) => self.tuple_display(&t.elts, hint),
            Expr::Slice(s) => {
                let mut es: Vec<&'a Expr> = Vec::new();
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    es.push(x);
                }
                let ops = self.eval_seq(&es)?;
                let mut it = ops.into_iter();
                let none = self.const_none();
                let start = if s.lower.is_some() { it.next().unwrap_or(none) } else { none };
                let stop = if s.upper.is_some() { it.next().unwrap_or(none) } else { none };
                let step = if s.step.is_some() { it.next().unwrap_or(none) } else { none };
                let dst = self.dst(hint);
                self.set_span(s.range);
                self.emit(Op::BuildSlice { dst, start, stop, step });
                Ok(Opnd::Slot(dst))
            }
            Expr::IpyEscapeCommand(i) => Err(CompileError::syntax("invalid syntax", i.range)),
        }
    }

    pub fn move_to(&mut self, dst: Slot, v: Opnd) {
        if v != Opnd::Slot(dst) {
            self.emit(Op::Move { dst, src: v });
        }
    }

    // ----- constants -----

    fn number(&mut self, n: &ast::ExprNumberLiteral) -> CResult<Opnd> {
        match &n.value {
            ast::Number::Int(i) => match i.as_i64() {
                Some(v) => Ok(self.const_int(v)),
                None => {
                    let b = self.big_literal(n.range)?;
                    Ok(self.const_bigint(b))
                }
            },
            ast::Number::Float(f) => Ok(self.const_float(*f)),
            ast::Number::Complex { real, imag } => Ok(self.const_complex(*real, *imag)),
        }
    }

    /// Parses an integer literal too large for ruff's `u64` from the source text.
    fn big_literal(&self, r: TextRange) -> CResult<BigInt> {
        let text = self.source.text.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("");
        let clean: String = text.chars().filter(|c| *c != '_').collect::<String>().to_ascii_lowercase();
        let (digits, radix) = if let Some(d) = clean.strip_prefix("0x") {
            (d, 16)
        } else if let Some(d) = clean.strip_prefix("0o") {
            (d, 8)
        } else if let Some(d) = clean.strip_prefix("0b") {
            (d, 2)
        } else {
            (clean.as_str(), 10)
        };
        BigInt::from_str_radix(digits, radix)
            .map_err(|_| CompileError::internal(format!("cannot parse integer literal {text:?}")))
    }

    /// The constant value of a literal (or a tuple of literals, or a negated number), if it
    /// is one.
    pub fn fold_const(&mut self, e: &'a Expr) -> CResult<Option<Opnd>> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => {
                let Expr::NumberLiteral(n) = &*u.operand else {
                    return Ok(None);
                };
                Ok(Some(match &n.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => self.const_int(-v),
                        None => {
                            let b = self.big_literal(n.range)?;
                            self.const_bigint(-b)
                        }
                    },
                    ast::Number::Float(f) => self.const_float(-*f),
                    ast::Number::Complex { real, imag } => self.const_complex(-*real, -*imag),
                }))
            }
            Expr::Tuple(t) => {
                if t.elts.is_empty() {
                    let v = self.vm.empty_tuple;
                    return Ok(Some(self.const_value(v)));
                }
                if !t.elts.iter().all(is_foldable) {
                    return Ok(None);
                }
                let mut vals = Vec::with_capacity(t.elts.len());
                for x in &t.elts {
                    let Some(o) = self.fold_const(x)? else {
                        return Ok(None);
                    };
                    let Some(v) = self.const_of(o) else {
                        return Ok(None);
                    };
                    vals.push(v);
                }
                let tup = self.vm.new_tuple(vals);
                Ok(Some(self.const_value(tup)))
            }
            other if is_literal(other) => Ok(Some(self.expr(other)?)),
            _ => Ok(None),
        }
    }

    // ----- operators -----

    fn bool_op(&mut self, b: &'a ast::ExprBoolOp) -> CResult<Opnd> {
        let r = self.temp();
        let end = self.b().new_block_here();
        let n = b.values.len();
        for (i, v) in b.values.iter().enumerate() {
            let o = self.expr_hint(v, Some(r))?;
            self.move_to(r, o);
            if i + 1 == n {
                self.b().jump(end);
            } else {
                let next = self.b().new_block_here();
                self.set_span(b.range);
                let op = match b.op {
                    ast::BoolOp::And => Op::Branch { cond: Opnd::Slot(r), t: next, f: end },
                    ast::BoolOp::Or => Op::Branch { cond: Opnd::Slot(r), t: end, f: next },
                };
                self.emit(op);
                self.b().switch_to(next);
            }
        }
        self.b().switch_to(end);
        Ok(Opnd::Slot(r))
    }

    fn named(&mut self, n: &'a ast::ExprNamed) -> CResult<Opnd> {
        let Expr::Name(target) = &*n.target else {
            return Err(CompileError::syntax(
                format!("cannot use assignment expressions with {}", super::stmt::expr_kind_name(&n.target)),
                n.target.range(),
            ));
        };
        let name = target.id.as_str();
        if let Some(s) = self.local_slot(name) {
            let v = self.expr_hint(&n.value, Some(s))?;
            self.move_to(s, v);
            return Ok(Opnd::Slot(s));
        }
        let v = self.expr(&n.value)?;
        let v = if self.is_named(v) { self.stash(v) } else { v };
        self.store_name(name, v)?;
        Ok(v)
    }

    /// CPython's compile-time SyntaxWarning for `is` with a literal.
    fn check_compare(&mut self, c: &ast::ExprCompare) {
        let is_arg = |e: &Expr| {
            !is_foldable(e) || matches!(e, Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_))
        };
        let mut left = is_arg(&c.left);
        for (op, right_e) in c.ops.iter().zip(c.comparators.iter()) {
            let right = is_arg(right_e);
            if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && (!left || !right) {
                let msg = if *op == ast::CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(c.range.start(), msg);
                return;
            }
            left = right;
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare, hint: Option<Slot>) -> CResult<Opnd> {
        self.check_compare(c);
        if c.ops.len() == 1 {
            let ops = self.eval_seq(&[&c.left, &c.comparators[0]])?;
            let dst = self.dst(hint);
            self.set_span(c.range);
            self.emit(Op::Compare { dst, op: cmpop(c.ops[0]), a: ops[0], b: ops[1] });
            return Ok(Opnd::Slot(dst));
        }
        let r = self.temp();
        let end = self.b().new_block_here();
        let comps: Vec<&'a Expr> = c.comparators.iter().collect();
        let mut left = self.expr(&c.left)?;
        if self.must_stash(left, &comps) {
            left = self.stash(left);
        }
        let n = c.ops.len();
        for i in 0..n {
            let mut right = self.expr(&c.comparators[i])?;
            if i + 1 < n && self.must_stash(right, &comps[i + 1..]) {
                right = self.stash(right);
            }
            self.set_span(c.range);
            self.emit(Op::Compare { dst: r, op: cmpop(c.ops[i]), a: left, b: right });
            if i + 1 < n {
                let next = self.b().new_block_here();
                self.emit(Op::Branch { cond: Opnd::Slot(r), t: next, f: end });
                self.b().switch_to(next);
            }
            left = right;
        }
        self.b().jump(end);
        self.b().switch_to(end);
        Ok(Opnd::Slot(r))
    }

    /// Branches to `t` when `e` is true, else to `f`.
    pub fn cond(&mut self, e: &'a Expr, t: BlockId, f: BlockId) -> CResult<()> {
        self.enter_depth(e.range())?;
        let old = self.set_span(e.range());
        let r = self.cond_inner(e, t, f);
        self.restore_span(old);
        self.leave_depth();
        r
    }

    fn cond_inner(&mut self, e: &'a Expr, t: BlockId, f: BlockId) -> CResult<()> {
        match e {
            Expr::BoolOp(b) => {
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    if i + 1 == n {
                        self.cond(v, t, f)?;
                    } else {
                        let mid = self.b().new_block_here();
                        match b.op {
                            ast::BoolOp::And => self.cond(v, mid, f)?,
                            ast::BoolOp::Or => self.cond(v, t, mid)?,
                        }
                        self.b().switch_to(mid);
                    }
                }
                Ok(())
            }
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => self.cond(&u.operand, f, t),
            Expr::BooleanLiteral(b) => {
                self.b().jump(if b.value { t } else { f });
                Ok(())
            }
            Expr::NoneLiteral(_) => {
                self.b().jump(f);
                Ok(())
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.check_compare(c);
                let comps: Vec<&'a Expr> = c.comparators.iter().collect();
                let mut left = self.expr(&c.left)?;
                if self.must_stash(left, &comps) {
                    left = self.stash(left);
                }
                let n = c.ops.len();
                let r = self.temp();
                for i in 0..n {
                    let mut right = self.expr(&c.comparators[i])?;
                    if i + 1 < n && self.must_stash(right, &comps[i + 1..]) {
                        right = self.stash(right);
                    }
                    self.set_span(c.range);
                    self.emit(Op::Compare { dst: r, op: cmpop(c.ops[i]), a: left, b: right });
                    if i + 1 < n {
                        let next = self.b().new_block_here();
                        self.emit(Op::Branch { cond: Opnd::Slot(r), t: next, f });
                        self.b().switch_to(next);
                    } else {
                        self.emit(Op::Branch { cond: Opnd::Slot(r), t, f });
                    }
                    left = right;
                }
                Ok(())
            }
            _ => {
                let v = self.expr(e)?;
                self.set_span(e.range());
                self.emit(Op::Branch { cond: v, t, f });
                Ok(())
            }
        }
    }

    // ----- displays -----

    /// A tuple of the values of `es` (constant when they all are).
    pub fn tuple_of(&mut self, es: &[&'a Expr]) -> CResult<Opnd> {
        if es.iter().all(|e| is_foldable(e)) {
            let mut vals = Vec::new();
            let mut ok = true;
            for e in es {
                match self.fold_const(e)?.and_then(|o| self.const_of(o)) {
                    Some(v) => vals.push(v),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                let t = self.vm.new_tuple(vals);
                return Ok(self.const_value(t));
            }
        }
        let ops = self.eval_seq(es)?;
        let d = self.temp();
        self.emit(Op::BuildTuple { dst: d, items: ops.into_boxed_slice() });
        Ok(Opnd::Slot(d))
    }

    fn tuple_display(&mut self, elts: &'a [Expr], hint: Option<Slot>) -> CResult<Opnd> {
        if let Some(c) = self.fold_tuple_elts(elts)? {
            return Ok(c);
        }
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            let es: Vec<&'a Expr> = elts.iter().collect();
            let ops = self.eval_seq(&es)?;
            let dst = self.dst(hint);
            self.emit(Op::BuildTuple { dst, items: ops.into_boxed_slice() });
            return Ok(Opnd::Slot(dst));
        }
        let l = self.starred_list(elts)?;
        let dst = self.temp();
        self.emit(Op::ListToTuple { dst, src: Opnd::Slot(l) });
        Ok(Opnd::Slot(dst))
    }

    fn fold_tuple_elts(&mut self, elts: &'a [Expr]) -> CResult<Option<Opnd>> {
        if elts.is_empty() {
            let v = self.vm.empty_tuple;
            return Ok(Some(self.const_value(v)));
        }
        if !elts.iter().all(is_foldable) {
            return Ok(None);
        }
        let mut vals = Vec::with_capacity(elts.len());
        for x in elts {
            let Some(o) = self.fold_const(x)? else {
                return Ok(None);
            };
            let Some(v) = self.const_of(o) else {
                return Ok(None);
            };
            vals.push(v);
        }
        let t = self.vm.new_tuple(vals);
        Ok(Some(self.const_value(t)))
    }

    /// A new list holding the elements of a display with `*` items.
    fn starred_list(&mut self, elts: &'a [Expr]) -> CResult<Slot> {
        let first_star = elts.iter().position(|e| matches!(e, Expr::Starred(_))).unwrap_or(elts.len());
        let lead: Vec<&'a Expr> = elts[..first_star].iter().collect();
        let ops = self.eval_seq(&lead)?;
        let l = self.temp();
        self.emit(Op::BuildList { dst: l, items: ops.into_boxed_slice() });
        for e in &elts[first_star..] {
            match e {
                Expr::Starred(s) => {
                    let v = self.expr(&s.value)?;
                    self.set_span(s.range);
                    self.emit(Op::ListExtend { list: l, iter: v });
                }
                other => {
                    let v = self.expr(other)?;
                    self.emit(Op::ListAppend { list: l, item: v });
                }
            }
        }
        Ok(l)
    }

    fn list_display(&mut self, elts: &'a [Expr], hint: Option<Slot>) -> CResult<Opnd> {
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            let es: Vec<&'a Expr> = elts.iter().collect();
            let ops = self.eval_seq(&es)?;
            let dst = self.dst(hint);
            self.emit(Op::BuildList { dst, items: ops.into_boxed_slice() });
            return Ok(Opnd::Slot(dst));
        }
        Ok(Opnd::Slot(self.starred_list(elts)?))
    }

    fn set_display(&mut self, elts: &'a [Expr], hint: Option<Slot>) -> CResult<Opnd> {
        let first_star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        let lead_n = first_star.unwrap_or(elts.len());
        let lead: Vec<&'a Expr> = elts[..lead_n].iter().collect();
        let ops = self.eval_seq(&lead)?;
        let s = if first_star.is_none() { self.dst(hint) } else { self.temp() };
        self.emit(Op::BuildSet { dst: s, items: ops.into_boxed_slice() });
        for e in &elts[lead_n..] {
            match e {
                Expr::Starred(st) => {
                    let v = self.expr(&st.value)?;
                    self.set_span(st.range);
                    self.emit(Op::SetUpdate { set: s, iter: v });
                }
                other => {
                    let v = self.expr(other)?;
                    self.emit(Op::SetAdd { set: s, item: v });
                }
            }
        }
        Ok(Opnd::Slot(s))
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict, hint: Option<Slot>) -> CResult<Opnd> {
        let first_star = d.items.iter().position(|it| it.key.is_none());
        let lead_n = first_star.unwrap_or(d.items.len());
        let mut es: Vec<&'a Expr> = Vec::new();
        for it in &d.items[..lead_n] {
            if let Some(k) = &it.key {
                es.push(k);
            }
            es.push(&it.value);
        }
        let ops = self.eval_seq(&es)?;
        let dst = if first_star.is_none() { self.dst(hint) } else { self.temp() };
        self.set_span(d.range);
        self.emit(Op::BuildDict { dst, items: ops.into_boxed_slice() });
        for it in &d.items[lead_n..] {
            match &it.key {
                Some(k) => {
                    let ops = self.eval_seq(&[k, &it.value])?;
                    self.emit(Op::DictSet { dict: dst, key: ops[0], value: ops[1] });
                }
                None => {
                    let v = self.expr(&it.value)?;
                    self.set_span(d.range);
                    self.emit(Op::DictUpdate { dict: dst, src: v });
                }
            }
        }
        Ok(Opnd::Slot(dst))
    }

    // ----- f-strings -----

    /// The surrogate escaped by the literal at `range`, if any (the literal then raises).
    fn surrogate_literal(&mut self, range: TextRange) -> Option<u32> {
        let f = self.surrogate_literals.iter_mut().find(|f| f.0 == range)?;
        f.2 = true;
        Some(f.1)
    }

    /// The first surrogate escaped by a literal piece of the f-string `f`.
    fn fstring_surrogate(&mut self, f: &ast::ExprFString) -> Option<u32> {
        fn pieces(els: &ast::InterpolatedStringElements, out: &mut Vec<TextRange>) {
            for el in els.iter() {
                match el {
                    ast::InterpolatedStringElement::Literal(l) => out.push(l.range),
                    ast::InterpolatedStringElement::Interpolation(i) => {
                        if let Some(spec) = &i.format_spec {
                            pieces(&spec.elements, out);
                        }
                    }
                }
            }
        }
        let mut ranges = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => ranges.push(s.range),
                ast::FStringPart::FString(fs) => pieces(&fs.elements, &mut ranges),
            }
        }
        ranges.into_iter().filter_map(|r| self.surrogate_literal(r)).min()
    }

    /// Emits `raise NotImplementedError(msg)`; the returned operand stands for the (never
    /// produced) value of the expression.
    fn raise_not_implemented(&mut self, msg: &str, r: TextRange) -> Opnd {
        let cls = self.vm.exc.not_implemented_error;
        let c = self.const_value(cls);
        let m = self.const_str(msg);
        let e = self.temp();
        self.set_span(r);
        self.emit(Op::Call { dst: e, func: c, args: Box::new([m]), kwnames: Box::new([]) });
        self.emit(Op::Raise { exc: Some(Opnd::Slot(e)), cause: None });
        self.const_none()
    }

    fn fstring(&mut self, f: &'a ast::ExprFString, hint: Option<Slot>) -> CResult<Opnd> {
        if !self.surrogate_literals.is_empty() {
            if let Some(cp) = self.fstring_surrogate(f) {
                return Ok(self.raise_not_implemented(&super::surrogates::message(cp), f.range));
            }
        }
        let mut parts: Vec<Part> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => push_lit(&mut parts, s.value.as_ref()),
                ast::FStringPart::FString(fs) => self.fstring_elements(&fs.elements, &mut parts, f.range)?,
            }
        }
        self.finish_parts(parts, hint)
    }

    /// Lowers the pieces of one f-string. `whole` is the range of the whole (implicitly
    /// concatenated) string expression: CPython 3.11 locates the formatting of every
    /// replacement field there, so a failing `__format__` or `__repr__` is reported with the
    /// whole string underlined.
    fn fstring_elements(
        &mut self,
        els: &'a ast::InterpolatedStringElements,
        parts: &mut Vec<Part>,
        whole: TextRange,
    ) -> CResult<()> {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => push_lit(parts, l.value.as_ref()),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => Conversion::None,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    if let Some(dbg) = &i.debug_text {
                        push_lit(parts, dbg.as_str());
                        if conv == Conversion::None && i.format_spec.is_none() {
                            conv = Conversion::Repr;
                        }
                    }
                    let v = self.expr(&i.expression)?;
                    let v = if self.is_named(v) { self.stash(v) } else { v };
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let mut sp = Vec::new();
                            self.fstring_elements(&spec.elements, &mut sp, whole)?;
                            Some(self.finish_parts(sp, None)?)
                        }
                        None => None,
                    };
                    let dst = self.temp();
                    self.set_span(whole);
                    self.emit(Op::FormatValue { dst, src: v, conv, spec });
                    parts.push(Part::Val(Opnd::Slot(dst)));
                }
            }
        }
        Ok(())
    }

    fn finish_parts(&mut self, parts: Vec<Part>, hint: Option<Slot>) -> CResult<Opnd> {
        match parts.as_slice() {
            [] => Ok(self.const_str("")),
            [Part::Lit(s)] => Ok(self.const_str(s)),
            [Part::Val(v)] => Ok(*v),
            _ => {
                let mut ops = Vec::with_capacity(parts.len());
                for p in parts {
                    ops.push(match p {
                        Part::Lit(s) => self.const_str(&s),
                        Part::Val(v) => v,
                    });
                }
                let dst = self.dst(hint);
                self.emit(Op::BuildString { dst, parts: ops.into_boxed_slice() });
                Ok(Opnd::Slot(dst))
            }
        }
    }

    // ----- calls -----

    fn call(&mut self, c: &'a ast::ExprCall, hint: Option<Slot>) -> CResult<Opnd> {
        let args = &c.arguments;
        if let Some(t) = callable_literal_type(&c.func) {
            self.warn(c.range().start(), format!("'{t}' object is not callable; perhaps you missed a comma?"));
        }
        check_repeated_keywords(&args.keywords)?;
        if let Expr::Name(n) = &*c.func {
            if n.id.as_str() == "super" && args.args.is_empty() && args.keywords.is_empty() {
                if let Some(r) = self.super_call(c, hint)? {
                    return Ok(r);
                }
            }
        }
        let call_span = c.range();
        let has_star =
            args.args.iter().any(|a| matches!(a, Expr::Starred(_))) || args.keywords.iter().any(|k| k.arg.is_none());
        if !has_star {
            let kwnames: Vec<u32> =
                args.keywords.iter().filter_map(|k| k.arg.as_ref()).map(|a| self.name_idx(a.as_str())).collect();
            if let Expr::Attribute(at) = &*c.func {
                let mut es: Vec<&'a Expr> = vec![&at.value];
                es.extend(args.args.iter());
                es.extend(args.keywords.iter().map(|k| &k.value));
                let ops = self.eval_seq(&es)?;
                let name = self.mangled_name_idx(at.attr.as_str());
                let dst = self.dst(hint);
                let span = self.attr_span(at, call_span);
                self.set_span(span);
                self.emit(Op::CallMethod {
                    dst,
                    obj: ops[0],
                    name,
                    args: ops[1..].to_vec().into_boxed_slice(),
                    kwnames: kwnames.into_boxed_slice(),
                });
                return Ok(Opnd::Slot(dst));
            }
            let mut es: Vec<&'a Expr> = vec![&c.func];
            es.extend(args.args.iter());
            es.extend(args.keywords.iter().map(|k| &k.value));
            let ops = self.eval_seq(&es)?;
            let dst = self.dst(hint);
            self.set_span(call_span);
            self.emit(Op::Call {
                dst,
                func: ops[0],
                args: ops[1..].to_vec().into_boxed_slice(),
                kwnames: kwnames.into_boxed_slice(),
            });
            return Ok(Opnd::Slot(dst));
        }
        let func = self.expr(&c.func)?;
        let func = Opnd::Slot(self.in_slot(func));
        let dst = self.dst(hint);
        self.call_with_args(dst, func, &[], &args.args, &args.keywords, call_span)?;
        Ok(Opnd::Slot(dst))
    }

    /// The location of an attribute access (or of a method call, `whole`) as CPython
    /// 3.11 records it: when the expression starts on another line than the one where the
    /// attribute's name ends, it starts at the name (`update_start_location_to_match_attr`),
    /// so a traceback shows the line of `.name` in a chain split over several lines.
    fn attr_span(&self, a: &ast::ExprAttribute, whole: TextRange) -> TextRange {
        if self.line_of(u32::from(whole.start())) != self.line_of(u32::from(a.attr.range.end())) {
            TextRange::new(a.attr.range.start(), whole.end())
        } else {
            whole
        }
    }

    /// `dst = func(*leading, *args, **keywords)` where `args`/`keywords` may contain `*`
    /// and `**` items (used for calls and class definitions).
    pub fn call_with_args(
        &mut self,
        dst: Slot,
        func: Opnd,
        leading: &[Opnd],
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        span: TextRange,
    ) -> CResult<()> {
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_))) || keywords.iter().any(|k| k.arg.is_none());
        if !has_star {
            let mut es: Vec<&'a Expr> = args.iter().collect();
            es.extend(keywords.iter().map(|k| &k.value));
            let ops = self.eval_seq(&es)?;
            let kwnames: Vec<u32> =
                keywords.iter().filter_map(|k| k.arg.as_ref()).map(|a| self.name_idx(a.as_str())).collect();
            let mut all: Vec<Opnd> = leading.to_vec();
            all.extend(ops);
            self.set_span(span);
            self.emit(Op::Call { dst, func, args: all.into_boxed_slice(), kwnames: kwnames.into_boxed_slice() });
            return Ok(());
        }
        // Positional arguments into a list, then a tuple.
        let l = self.temp();
        self.emit(Op::BuildList { dst: l, items: leading.to_vec().into_boxed_slice() });
        for a in args {
            match a {
                Expr::Starred(s) => {
                    let v = self.expr(&s.value)?;
                    self.set_span(s.range);
                    self.emit(Op::ListExtend { list: l, iter: v });
                }
                other => {
                    let v = self.expr(other)?;
                    self.emit(Op::ListAppend { list: l, item: v });
                }
            }
        }
        let t = self.temp();
        self.emit(Op::ListToTuple { dst: t, src: Opnd::Slot(l) });
        let kwargs = if keywords.is_empty() {
            None
        } else {
            let d = self.temp();
            self.emit(Op::BuildDict { dst: d, items: Box::new([]) });
            for k in keywords {
                match &k.arg {
                    Some(name) => {
                        let key = self.const_str(name.as_str());
                        let v = self.expr(&k.value)?;
                        self.emit(Op::DictSet { dict: d, key, value: v });
                    }
                    None => {
                        let v = self.expr(&k.value)?;
                        self.set_span(k.range);
                        self.emit(Op::DictMerge { dict: d, src: v, func });
                    }
                }
            }
            Some(Opnd::Slot(d))
        };
        self.set_span(span);
        self.emit(Op::CallEx { dst, func, args: Opnd::Slot(t), kwargs });
        Ok(())
    }

    /// Zero-argument `super()`: `super(__class__, <first argument>)`. None when `super` is
    /// not the global name (then it is an ordinary call).
    fn super_call(&mut self, c: &'a ast::ExprCall, hint: Option<Slot>) -> CResult<Option<Opnd>> {
        let sc = self.table.get(self.ur().scope).scope_of(&self.mangle("super"));
        if !matches!(sc, NameScope::GlobalImplicit | NameScope::GlobalExplicit) {
            return Ok(None);
        }
        let is_fn = self.ur().kind.is_function();
        if !is_fn || self.ur().argcount == 0 {
            return Ok(Some(self.raise_runtime_error("super(): no arguments", c.range())));
        }
        let class_cell = self.ur().frees.get("__class__").copied();
        let Some(class_cell) = class_cell else {
            return Ok(Some(self.raise_runtime_error("super(): __class__ cell not found", c.range())));
        };
        let func = self.load_name("super", None)?;
        let cls = self.temp();
        self.set_span(c.range());
        self.emit(Op::LoadDeref { dst: cls, cell: class_cell });
        let first = self.table.get(self.ur().scope).params.first().cloned().unwrap_or_default();
        let first_v = if let Some(&cell) = self.ur().cells.get(&first) {
            let t = self.temp();
            self.emit(Op::LoadDeref { dst: t, cell });
            Opnd::Slot(t)
        } else {
            Opnd::Local(0)
        };
        let dst = self.dst(hint);
        self.emit(Op::Call { dst, func, args: Box::new([Opnd::Slot(cls), first_v]), kwnames: Box::new([]) });
        Ok(Some(Opnd::Slot(dst)))
    }

    /// Emits `raise RuntimeError(msg)`; the returned operand stands for the (never produced)
    /// value of the expression.
    fn raise_runtime_error(&mut self, msg: &str, r: TextRange) -> Opnd {
        let cls = self.vm.exc.runtime_error;
        let c = self.const_value(cls);
        let m = self.const_str(msg);
        let e = self.temp();
        self.set_span(r);
        self.emit(Op::Call { dst: e, func: c, args: Box::new([m]), kwnames: Box::new([]) });
        self.emit(Op::Raise { exc: Some(Opnd::Slot(e)), cause: None });
        self.const_none()
    }

    // ----- nested code -----

    fn lambda(&mut self, l: &'a ast::ExprLambda, hint: Option<Slot>) -> CResult<Opnd> {
        let empty = ast::Parameters::default();
        let (defaults, kwdefaults) = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => (None, None),
        };
        let scope = self.table.scope_for(l).ok_or_else(|| CompileError::internal("no scope for lambda"))?;
        let qualname = self.qualname_for("<lambda>", false);
        let counts = param_counts(l.parameters.as_deref().unwrap_or(&empty));
        let line = self.line_of(u32::from(l.range.start()));
        self.enter_unit(scope, "<lambda>", qualname, line, Some(counts));
        self.set_span(l.body.range());
        let v = self.expr(&l.body)?;
        self.set_span(l.body.range());
        self.emit(Op::Return { value: v });
        let code = self.leave_unit()?;
        self.set_span(l.range);
        let closure = self.closure_for(scope)?;
        let idx = self.b().children.len() as u32;
        self.b().children.push(code);
        let dst = self.dst(hint);
        self.emit(Op::MakeFunction {
            dst,
            code: idx,
            defaults,
            kwdefaults,
            annotations: None,
            closure: closure.into_boxed_slice(),
        });
        Ok(Opnd::Slot(dst))
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension<T>(
        &mut self,
        node: &'a T,
        kind: CompKind,
        gens: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        range: TextRange,
        hint: Option<Slot>,
    ) -> CResult<Opnd> {
        if let Some(g) = gens.iter().find(|g| g.is_async) {
            if !self.in_async_function() {
                return Err(CompileError::syntax(
                    "asynchronous comprehension outside of an asynchronous function",
                    g.range,
                ));
            }
        }
        let Some(first) = gens.first() else {
            return Err(CompileError::syntax("invalid syntax", range));
        };
        let scope = self.table.scope_for(node).ok_or_else(|| CompileError::internal("no scope for comprehension"))?;
        let src = self.expr(&first.iter)?;
        self.set_span(first.iter.range());
        let it = if first.is_async {
            self.emit_get_aiter(src)
        } else {
            let it = self.temp();
            self.emit(Op::GetIter { dst: it, src });
            it
        };
        let is_async = self.table.get(scope).is_async;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qualname = self.qualname_for(name, false);
        let line = self.line_of(u32::from(range.start()));
        let counts = ParamCounts { argcount: 1, posonly: 0, kwonly: 0, varargs: false, varkw: false };
        self.enter_unit(scope, name, qualname, line, Some(counts));
        self.set_span(range);
        let result = match kind {
            CompKind::Gen => None,
            _ => {
                let r = self.temp();
                let op = match kind {
                    CompKind::List => Op::BuildList { dst: r, items: Box::new([]) },
                    CompKind::Set => Op::BuildSet { dst: r, items: Box::new([]) },
                    _ => Op::BuildDict { dst: r, items: Box::new([]) },
                };
                self.emit(op);
                Some(r)
            }
        };
        let end = self.b().new_block_here();
        self.comp_generator(gens, 0, 0, kind, elt, value, result, end)?;
        self.b().switch_to(end);
        self.set_span(range);
        let rv = match result {
            Some(r) => Opnd::Slot(r),
            None => self.const_none(),
        };
        self.emit(Op::Return { value: rv });
        let code = self.leave_unit()?;
        self.set_span(range);
        let closure = self.closure_for(scope)?;
        let idx = self.b().children.len() as u32;
        self.b().children.push(code);
        let f = self.temp();
        self.emit(Op::MakeFunction {
            dst: f,
            code: idx,
            defaults: None,
            kwdefaults: None,
            annotations: None,
            closure: closure.into_boxed_slice(),
        });
        let dst = self.dst(hint);
        self.emit(Op::Call { dst, func: Opnd::Slot(f), args: Box::new([Opnd::Slot(it)]), kwnames: Box::new([]) });
        if is_async && kind != CompKind::Gen {
            self.emit_await(Opnd::Slot(dst), crate::eval::coro::Helper::Await, dst);
        }
        Ok(Opnd::Slot(dst))
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        iter: Slot,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        result: Option<Slot>,
        exit: BlockId,
    ) -> CResult<()> {
        let g = &gens[i];
        let head = self.b().new_block_here();
        let body = self.b().new_block_here();
        self.b().jump(head);
        self.b().switch_to(head);
        let direct = match &g.target {
            Expr::Name(n) => self.local_slot(n.id.as_str()),
            _ => None,
        };
        let dst = direct.unwrap_or_else(|| self.temp());
        self.set_span(g.range);
        if g.is_async {
            self.emit_async_for_next(iter, dst, body, exit);
        } else {
            self.emit(Op::ForIter { dst, iter: Opnd::Slot(iter), body, exit });
        }
        self.b().switch_to(body);
        if direct.is_none() {
            self.assign(&g.target, Opnd::Slot(dst))?;
        }
        for cond in &g.ifs {
            let next = self.b().new_block_here();
            self.cond(cond, next, head)?;
            self.b().switch_to(next);
        }
        if i + 1 < gens.len() {
            let inner = &gens[i + 1];
            let src = self.expr(&inner.iter)?;
            self.set_span(inner.iter.range());
            let it = if inner.is_async {
                self.emit_get_aiter(src)
            } else {
                let it = self.temp();
                self.emit(Op::GetIter { dst: it, src });
                it
            };
            self.comp_generator(gens, i + 1, it, kind, elt, value, result, head)?;
            return Ok(());
        }
        match (kind, result) {
            (CompKind::Gen, _) => {
                let v = self.expr(elt)?;
                let y = self.temp();
                self.set_span(elt.range());
                self.emit(Op::Yield { dst: y, value: v });
            }
            (CompKind::List, Some(r)) => {
                let v = self.expr(elt)?;
                self.emit(Op::ListAppend { list: r, item: v });
            }
            (CompKind::Set, Some(r)) => {
                let v = self.expr(elt)?;
                self.emit(Op::SetAdd { set: r, item: v });
            }
            (CompKind::Dict, Some(r)) => {
                let Some(val) = value else {
                    return Err(CompileError::internal("dict comprehension without value"));
                };
                let ops = self.eval_seq(&[elt, val])?;
                self.emit(Op::DictSet { dict: r, key: ops[0], value: ops[1] });
            }
            _ => return Err(CompileError::internal("comprehension without result")),
        }
        self.b().jump(head);
        Ok(())
    }
}

impl Compiler<'_> {
    /// CPython's SyntaxWarnings for subscripting a literal that cannot be subscripted (or
    /// with an index of the wrong literal type).
    fn check_subscript(&mut self, s: &ast::ExprSubscript) {
        let v = &*s.value;
        let not_subscriptable = match v {
            Expr::NumberLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) | Expr::BooleanLiteral(_) => true,
            Expr::UnaryOp(_) => is_foldable(v),
            Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_) => true,
            _ => false,
        };
        if not_subscriptable {
            if let Some(t) = infer_type(v) {
                self.warn(s.range.start(), format!("'{t}' object is not subscriptable; perhaps you missed a comma?"));
            }
            return;
        }
        let indexable = matches!(
            v,
            Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::FString(_)
        );
        if !indexable {
            return;
        }
        let Some(index_type) = infer_type(&s.slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool" | "slice") {
            return;
        }
        if let Some(t) = infer_type(v) {
            self.warn(
                s.range.start(),
                format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"),
            );
        }
    }
}

/// The type CPython's compiler infers for an expression (`infer_type`), if it can.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) | Expr::StringLiteral(_) => "str",
        Expr::BytesLiteral(_) => "bytes",
        Expr::NumberLiteral(n) => match n.value {
            ast::Number::Int(_) => "int",
            ast::Number::Float(_) => "float",
            ast::Number::Complex { .. } => "complex",
        },
        Expr::BooleanLiteral(_) => "bool",
        Expr::NoneLiteral(_) => "NoneType",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::UnaryOp(u) if is_foldable(e) => return infer_type(&u.operand),
        Expr::Slice(_) => "slice",
        _ => return None,
    })
}

/// The type named in "'X' object is not callable; perhaps you missed a comma?".
fn callable_literal_type(e: &Expr) -> Option<&'static str> {
    match e {
        Expr::Tuple(_)
        | Expr::List(_)
        | Expr::ListComp(_)
        | Expr::Dict(_)
        | Expr::DictComp(_)
        | Expr::Set(_)
        | Expr::SetComp(_)
        | Expr::Generator(_)
        | Expr::FString(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => infer_type(e),
        Expr::UnaryOp(_) if is_foldable(e) => infer_type(e),
        _ => None,
    }
}

/// "keyword argument repeated" (CPython's compiler rejects it for calls and class bases).
pub(crate) fn check_repeated_keywords(keywords: &[ast::Keyword]) -> CResult<()> {
    let mut seen: Vec<&str> = Vec::new();
    for k in keywords {
        if let Some(a) = &k.arg {
            if seen.contains(&a.as_str()) {
                return Err(CompileError::syntax(format!("keyword argument repeated: {}", a.as_str()), k.range));
            }
            seen.push(a.as_str());
        }
    }
    Ok(())
}

/// Whether `e` contains a walrus assigning `name` (outside nested scopes).
fn assigns_by_walrus(e: &Expr, name: &str) -> bool {
    struct Finder<'n> {
        name: &'n str,
        found: bool,
    }
    impl<'x> ruff_python_ast::visitor::Visitor<'x> for Finder<'_> {
        fn visit_expr(&mut self, e: &'x Expr) {
            if self.found {
                return;
            }
            match e {
                Expr::Named(n) => {
                    if matches!(&*n.target, Expr::Name(t) if t.id.as_str() == self.name) {
                        self.found = true;
                        return;
                    }
                }
                Expr::Lambda(_) => return,
                _ => {}
            }
            ruff_python_ast::visitor::walk_expr(self, e);
        }
    }
    let mut f = Finder { name, found: false };
    ruff_python_ast::visitor::Visitor::visit_expr(&mut f, e);
    f.found
}

enum Part {
    Lit(String),
    Val(Opnd),
}

fn push_lit(parts: &mut Vec<Part>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Part::Lit(prev)) = parts.last_mut() {
        prev.push_str(s);
    } else {
        parts.push(Part::Lit(s.to_owned()));
    }
}

/// Expressions `fold_const` turns into constants.
fn is_foldable(e: &Expr) -> bool {
    match e {
        Expr::UnaryOp(u) => u.op == ast::UnaryOp::USub && matches!(&*u.operand, Expr::NumberLiteral(_)),
        Expr::Tuple(t) => t.elts.iter().all(is_foldable),
        other => is_literal(other),
    }
}
