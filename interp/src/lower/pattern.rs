//! Lowering of `match` statements (PEP 634) with CPython 3.11's semantics.
//!
//! Each pattern is lowered as a test that falls through on success and jumps to a failure
//! block otherwise. Captured values are collected in temporaries and bound to their names
//! only once the whole pattern has matched (before the guard runs), so a failed pattern
//! leaves no partial bindings. The alternatives of an or-pattern each move their captures
//! into one shared set of temporaries.

use hashbrown::HashSet;

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::syntax_error::{CResult, CompileError};
use super::Compiler;
use crate::cfg::{BinOp, BlockId, CmpOp, Op, Opnd, Slot};

/// Captures made by a pattern: (name, temporary holding the value), in binding order.
type Binds<'a> = Vec<(&'a str, Slot)>;

/// Why a pattern always matches (for "makes remaining patterns unreachable").
fn irrefutable(p: &Pattern) -> Option<String> {
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => Some(match &a.name {
            Some(n) => format!("name capture '{}'", n.as_str()),
            None => "wildcard".into(),
        }),
        Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        let subj = self.expr(&m.subject)?;
        let subj = Opnd::Slot(self.in_slot(subj));
        let end = self.b().new_block_here();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            if i + 1 < n && case.guard.is_none() {
                if let Some(why) = irrefutable(&case.pattern) {
                    return Err(CompileError::syntax(
                        format!("{why} makes remaining patterns unreachable"),
                        case.pattern.range(),
                    ));
                }
            }
            let old = self.set_span(case.pattern.range());
            let next = self.b().new_block_here();
            let mut binds: Binds<'a> = Vec::new();
            self.pattern(&case.pattern, subj, next, &mut binds)?;
            for (name, slot) in &binds {
                self.store_name(name, Opnd::Slot(*slot))?;
            }
            if let Some(g) = &case.guard {
                let body = self.b().new_block_here();
                self.cond(g, body, next)?;
                self.b().switch_to(body);
            }
            self.restore_span(old);
            self.stmts(&case.body)?;
            self.b().jump(end);
            self.b().switch_to(next);
        }
        self.b().jump(end);
        self.b().switch_to(end);
        Ok(())
    }

    fn bind(&mut self, binds: &mut Binds<'a>, name: &'a str, v: Opnd, range: TextRange) -> CResult<()> {
        if binds.iter().any(|(n, _)| *n == name) {
            return Err(CompileError::syntax(format!("multiple assignments to name '{name}' in pattern"), range));
        }
        let t = self.temp();
        self.emit(Op::Move { dst: t, src: v });
        binds.push((name, t));
        Ok(())
    }

    /// Branches to `fail` unless `cond` (a slot holding a bool-like value) is true.
    fn guard(&mut self, cond: Slot, fail: BlockId) {
        let ok = self.b().new_block_here();
        self.emit(Op::Branch { cond: Opnd::Slot(cond), t: ok, f: fail });
        self.b().switch_to(ok);
    }

    fn pattern(&mut self, p: &'a Pattern, subj: Opnd, fail: BlockId, binds: &mut Binds<'a>) -> CResult<()> {
        self.enter_depth(p.range())?;
        let old = self.set_span(p.range());
        let r = self.pattern_inner(p, subj, fail, binds);
        self.restore_span(old);
        self.leave_depth();
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, subj: Opnd, fail: BlockId, binds: &mut Binds<'a>) -> CResult<()> {
        match p {
            Pattern::MatchValue(v) => {
                let val = self.expr(&v.value)?;
                let c = self.temp();
                self.set_span(v.range);
                self.emit(Op::Compare { dst: c, op: CmpOp::Eq, a: subj, b: val });
                self.guard(c, fail);
            }
            Pattern::MatchSingleton(s) => {
                let val = match s.value {
                    ast::Singleton::None => self.const_none(),
                    ast::Singleton::True => self.const_bool(true),
                    ast::Singleton::False => self.const_bool(false),
                };
                let c = self.temp();
                self.emit(Op::Compare { dst: c, op: CmpOp::Is, a: subj, b: val });
                self.guard(c, fail);
            }
            Pattern::MatchAs(a) => {
                if let Some(sub) = &a.pattern {
                    self.pattern(sub, subj, fail, binds)?;
                }
                if let Some(n) = &a.name {
                    self.bind(binds, n.as_str(), subj, n.range)?;
                }
            }
            Pattern::MatchStar(s) => {
                return Err(CompileError::syntax("can't use starred name here", s.range));
            }
            Pattern::MatchOr(o) => self.or_pattern(o, subj, fail, binds)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(s, subj, fail, binds)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, subj, fail, binds)?,
            Pattern::MatchClass(c) => self.class_pattern(c, subj, fail, binds)?,
        }
        Ok(())
    }

    fn or_pattern(
        &mut self,
        o: &'a ast::PatternMatchOr,
        subj: Opnd,
        fail: BlockId,
        binds: &mut Binds<'a>,
    ) -> CResult<()> {
        let success = self.b().new_block_here();
        let n = o.patterns.len();
        let mut common: Option<Binds<'a>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            if i + 1 < n {
                if let Some(why) = irrefutable(alt) {
                    return Err(CompileError::syntax(
                        format!("{why} makes remaining patterns unreachable"),
                        alt.range(),
                    ));
                }
            }
            let next = if i + 1 == n { fail } else { self.b().new_block_here() };
            let mut alt_binds: Binds<'a> = Vec::new();
            self.pattern(alt, subj, next, &mut alt_binds)?;
            let com = match &common {
                Some(c) => c.clone(),
                None => {
                    let c: Binds<'a> = alt_binds.iter().map(|(nm, _)| (*nm, self.temp())).collect();
                    common = Some(c.clone());
                    c
                }
            };
            let names_a: HashSet<&str> = com.iter().map(|(nm, _)| *nm).collect();
            let names_b: HashSet<&str> = alt_binds.iter().map(|(nm, _)| *nm).collect();
            if names_a != names_b {
                return Err(CompileError::syntax("alternative patterns bind different names", alt.range()));
            }
            for (nm, slot) in &alt_binds {
                if let Some((_, dst)) = com.iter().find(|(c, _)| c == nm) {
                    self.emit(Op::Move { dst: *dst, src: Opnd::Slot(*slot) });
                }
            }
            self.b().jump(success);
            if i + 1 < n {
                self.b().switch_to(next);
            }
        }
        self.b().switch_to(success);
        for (nm, slot) in common.unwrap_or_default() {
            if binds.iter().any(|(b, _)| *b == nm) {
                return Err(CompileError::syntax(format!("multiple assignments to name '{nm}' in pattern"), o.range));
            }
            binds.push((nm, slot));
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        subj: Opnd,
        fail: BlockId,
        binds: &mut Binds<'a>,
    ) -> CResult<()> {
        let stars: Vec<usize> =
            s.patterns.iter().enumerate().filter(|(_, p)| matches!(p, Pattern::MatchStar(_))).map(|(i, _)| i).collect();
        if stars.len() > 1 {
            return Err(CompileError::syntax("multiple starred names in sequence pattern", s.range));
        }
        let ok = self.temp();
        self.emit(Op::MatchSequence { dst: ok, src: subj });
        self.guard(ok, fail);
        let n = s.patterns.len();
        let len = self.temp();
        self.emit(Op::GetLen { dst: len, src: subj });
        let c = self.temp();
        match stars.first() {
            None => {
                let k = self.const_int(n as i64);
                self.emit(Op::Compare { dst: c, op: CmpOp::Eq, a: Opnd::Slot(len), b: k });
            }
            Some(_) => {
                let k = self.const_int(n as i64 - 1);
                self.emit(Op::Compare { dst: c, op: CmpOp::Ge, a: Opnd::Slot(len), b: k });
            }
        }
        self.guard(c, fail);
        if n == 0 {
            return Ok(());
        }
        let all_wild = s.patterns.iter().all(|p| match p {
            Pattern::MatchAs(a) => a.pattern.is_none() && a.name.is_none(),
            Pattern::MatchStar(st) => st.name.is_none(),
            _ => false,
        });
        if all_wild {
            return Ok(());
        }
        let star_wild =
            stars.first().is_some_and(|&i| matches!(&s.patterns[i], Pattern::MatchStar(st) if st.name.is_none()));
        if let (true, Some(&star)) = (star_wild, stars.first()) {
            // `[x, *_, y]`: as CPython, index the subject (items after the star counted from
            // its length) instead of iterating it, so a sequence whose `__getitem__` never
            // raises IndexError still matches.
            for (i, p) in s.patterns.iter().enumerate() {
                let wild = match p {
                    Pattern::MatchAs(a) => a.pattern.is_none() && a.name.is_none(),
                    Pattern::MatchStar(_) => true,
                    _ => false,
                };
                if wild || i == star {
                    continue;
                }
                let key = if i < star {
                    self.const_int(i as i64)
                } else {
                    let back = self.const_int((n - i) as i64);
                    let idx = self.temp();
                    self.emit(Op::Binary { dst: idx, op: BinOp::Sub, a: Opnd::Slot(len), b: back });
                    Opnd::Slot(idx)
                };
                let item = self.temp();
                self.emit(Op::GetItem { dst: item, obj: subj, key });
                self.pattern(p, Opnd::Slot(item), fail, binds)?;
            }
            return Ok(());
        }
        let slots: Vec<Slot> = (0..n).map(|_| self.temp()).collect();
        match stars.first() {
            None => self.emit(Op::Unpack { dsts: slots.clone().into_boxed_slice(), src: subj }),
            Some(&i) => self.emit(Op::UnpackEx {
                before: slots[..i].to_vec().into_boxed_slice(),
                star: slots[i],
                after: slots[i + 1..].to_vec().into_boxed_slice(),
                src: subj,
            }),
        }
        for (p, slot) in s.patterns.iter().zip(slots) {
            match p {
                Pattern::MatchStar(st) => {
                    if let Some(nm) = &st.name {
                        self.bind(binds, nm.as_str(), Opnd::Slot(slot), nm.range)?;
                    }
                }
                other => self.pattern(other, Opnd::Slot(slot), fail, binds)?,
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        subj: Opnd,
        fail: BlockId,
        binds: &mut Binds<'a>,
    ) -> CResult<()> {
        let ok = self.temp();
        self.emit(Op::MatchMapping { dst: ok, src: subj });
        self.guard(ok, fail);
        let nkeys = m.keys.len();
        if nkeys == 0 && m.rest.is_none() {
            return Ok(());
        }
        // Literal keys must be distinct.
        let mut seen: Vec<String> = Vec::new();
        for k in &m.keys {
            if let Some(text) = literal_key_text(self, k) {
                if seen.contains(&text) {
                    return Err(CompileError::syntax(
                        format!("mapping pattern checks duplicate key ({text})"),
                        k.range(),
                    ));
                }
                seen.push(text);
            } else if !matches!(k, Expr::Attribute(_)) {
                return Err(CompileError::syntax(
                    "mapping pattern keys may only match literals and attribute lookups",
                    k.range(),
                ));
            }
        }
        let keys: Vec<&'a Expr> = m.keys.iter().collect();
        let keys_t = self.tuple_of(&keys)?;
        if nkeys > 0 {
            let len = self.temp();
            self.emit(Op::GetLen { dst: len, src: subj });
            let k = self.const_int(nkeys as i64);
            let c = self.temp();
            self.emit(Op::Compare { dst: c, op: CmpOp::Ge, a: Opnd::Slot(len), b: k });
            self.guard(c, fail);
            let vals = self.temp();
            self.emit(Op::MatchKeys { dst: vals, src: subj, keys: keys_t });
            let none = self.const_none();
            let isnone = self.temp();
            self.emit(Op::Compare { dst: isnone, op: CmpOp::IsNot, a: Opnd::Slot(vals), b: none });
            self.guard(isnone, fail);
            let slots: Vec<Slot> = (0..nkeys).map(|_| self.temp()).collect();
            self.emit(Op::Unpack { dsts: slots.clone().into_boxed_slice(), src: Opnd::Slot(vals) });
            for (p, slot) in m.patterns.iter().zip(slots) {
                self.pattern(p, Opnd::Slot(slot), fail, binds)?;
            }
        }
        if let Some(rest) = &m.rest {
            let r = self.temp();
            self.emit(Op::CopyDictWithout { dst: r, src: subj, keys: keys_t });
            self.bind(binds, rest.as_str(), Opnd::Slot(r), rest.range)?;
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        c: &'a ast::PatternMatchClass,
        subj: Opnd,
        fail: BlockId,
        binds: &mut Binds<'a>,
    ) -> CResult<()> {
        let cls = self.expr(&c.cls)?;
        let npos = c.arguments.patterns.len();
        let mut names: Vec<&str> = Vec::new();
        for k in &c.arguments.keywords {
            if names.contains(&k.attr.as_str()) {
                return Err(CompileError::syntax(
                    format!("attribute name repeated in class pattern: {}", k.attr.as_str()),
                    k.attr.range,
                ));
            }
            names.push(k.attr.as_str());
        }
        let kwnames: Vec<u32> = names.iter().map(|n| self.name_idx(n)).collect();
        let r = self.temp();
        self.set_span(c.range);
        self.emit(Op::MatchClass { dst: r, src: subj, cls, npos: npos as u32, kwnames: kwnames.into_boxed_slice() });
        let none = self.const_none();
        let ok = self.temp();
        self.emit(Op::Compare { dst: ok, op: CmpOp::IsNot, a: Opnd::Slot(r), b: none });
        self.guard(ok, fail);
        let total = npos + names.len();
        if total == 0 {
            return Ok(());
        }
        let slots: Vec<Slot> = (0..total).map(|_| self.temp()).collect();
        self.emit(Op::Unpack { dsts: slots.clone().into_boxed_slice(), src: Opnd::Slot(r) });
        let subpats = c.arguments.patterns.iter().chain(c.arguments.keywords.iter().map(|k| &k.pattern));
        for (p, slot) in subpats.zip(slots) {
            self.pattern(p, Opnd::Slot(slot), fail, binds)?;
        }
        Ok(())
    }
}

/// A printable identity of a literal mapping-pattern key (for the duplicate-key check), as
/// CPython shows it with `repr`.
fn literal_key_text(c: &Compiler<'_>, k: &Expr) -> Option<String> {
    match k {
        Expr::StringLiteral(s) => Some(format!("'{}'", s.value.to_str())),
        Expr::BytesLiteral(_) | Expr::NumberLiteral(_) | Expr::UnaryOp(_) | Expr::BinOp(_) => {
            let t = c.source.text.get(k.range().start().to_usize()..k.range().end().to_usize())?;
            Some(t.to_owned())
        }
        Expr::NoneLiteral(_) => Some("None".into()),
        Expr::BooleanLiteral(b) => Some(if b.value { "True".into() } else { "False".into() }),
        _ => None,
    }
}
