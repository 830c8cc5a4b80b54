//! Translating ruff's parse errors into the SyntaxError CPython 3.11 reports for the same
//! source: the same exception class, message, line and column.
//!
//! CPython's parser pulls tokens lazily, so it reports whichever problem it meets first
//! in token order: a tokenizer error (`tokenizer.rs`), an indentation problem (an INDENT
//! nobody expected, or a block header not followed by one), or a grammar error. After a
//! grammar error it also scans the rest of the file, and a tokenizer error found there (or
//! a bracket left open on an earlier line) replaces it. `check` follows that order; grammar
//! errors come from ruff (the earliest one) and are reworded with the help of the
//! recovered AST and the token stream: "expected ':'", "cannot assign to ...", "Perhaps you
//! forgot a comma?", and a plain "invalid syntax" at the token CPython would point at.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Mod, Stmt};
use ruff_python_parser::{
    InterpolatedStringErrorType as FsErr, LexicalErrorType as Lex, ParseError, ParseErrorType as P,
    UnsupportedSyntaxError, UnsupportedSyntaxErrorKind as U,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::fstring311;
use super::stmt::expr_kind_name;
use super::syntax_error::{CResult, CompileError, ErrKind, ErrLoc};
use super::tokenizer::{self, Tok, TokErrKind, TokKind, Tokens};
use crate::cfg::Source;

/// Fails with the SyntaxError CPython would raise for `source`, if any.
pub(crate) fn check(
    source: &Source,
    root: &Mod,
    errors: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
    warnings: &mut Vec<(u32, String)>,
) -> CResult<()> {
    check_inner(source, root, errors, unsupported, Some(warnings)).map_err(|mut e| {
        e.parser = true;
        if matches!(root, Mod::Expression(_)) {
            eval_mode_location(source, &mut e);
        }
        e
    })
}

/// In `eval` mode CPython keeps source lines as they are (no added newline), and a
/// generic error at the very end of input without a final newline gets offset 0.
fn eval_mode_location(source: &Source, e: &mut CompileError) {
    let (l, o, el, eo) = super::syntax_error::location(source, e);
    let text = source.text.as_str();
    let ls = source.line_starts.get(l.saturating_sub(1) as usize).copied().unwrap_or(0) as usize;
    let has_nl = text[ls.min(text.len())..].contains('\n');
    let at_end =
        e.loc.is_none() && u32::from(e.range.start()) as usize >= text.trim_end().len() && !text.ends_with('\n');
    let (o, eo) = if at_end && e.msg == "invalid syntax" { (0, 0) } else { (o, eo) };
    let text_override = e.loc.as_ref().and_then(|x| x.text.clone());
    e.loc = Some(ErrLoc {
        lineno: l,
        offset: o,
        end_lineno: el,
        end_offset: eo,
        text_newline: has_nl,
        text: text_override,
    });
}

fn check_inner(
    source: &Source,
    root: &Mod,
    errors: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
    warnings: Option<&mut Vec<(u32, String)>>,
) -> CResult<()> {
    let text = source.text.as_str();
    let tk = tokenizer::tokenize(text);
    if let Some(w) = warnings {
        w.extend(tk.warnings.iter().cloned());
    }
    // The common case: no error from either tokenizer or the parser and no bad f-string.
    // Nothing to report, and no need to collect the tree's nodes for messages.
    if tk.error.is_none()
        && errors.is_empty()
        && unsupported.is_empty()
        && tk
            .toks
            .iter()
            .all(|t| t.kind != TokKind::String || fstring311::check(&text[t.start as usize..t.end as usize]).is_none())
    {
        return Ok(());
    }
    let mut ctx = Ctx { src: source, text, tk: &tk, nodes: Nodes::default() };
    ctx.collect(root);

    // (position in token order, rank for ties, error, replaceable by a later tokenizer error)
    let mut cands: Vec<(u32, u8, CompileError, bool)> = Vec::new();
    if let Some(e) = tk.error.as_ref() {
        cands.push((e.pos, 0, ctx.tok_error(e), false));
    }
    if let Some((pos, e)) = ctx.fstring_errors() {
        cands.push((pos, 2, e, true));
    }
    if let Some((pos, e)) = ctx.first_parse_error(errors, unsupported) {
        // After a string, CPython's parser reads one more token (implicit concatenation),
        // so a tokenizer error right after it comes first.
        let pos = match (tk.error.as_ref(), ctx.tok_at(pos)) {
            (Some(te), Some(i))
                if tk.toks[i].kind == TokKind::String && tk.toks.get(i + 1).is_none_or(|n| n.start >= te.pos) =>
            {
                pos.max(te.pos)
            }
            _ => pos,
        };
        cands.push((pos, 2, e, true));
        if let Some((pos, e, o)) = ctx.structural() {
            cands.push((pos, 1, e, o));
        }
    }
    let Some((_, _, err, overridable)) = cands.into_iter().min_by_key(|(pos, rank, _, _)| (*pos, *rank)) else {
        return Ok(());
    };
    if overridable {
        // CPython tokenizes the rest of the file after a grammar error.
        if let Some(e) = tk.error.as_ref().filter(|e| e.raised) {
            return Err(ctx.tok_error(e));
        }
        if tk.error.is_none() {
            // An unclosed bracket before the error: CPython's parser reads on inside it
            // (newlines do not end anything there) until the end of the input.
            if let Some(&(ch, line, col)) = tk.open.last() {
                let bracket = ctx.line_start(line) as u32 + col;
                let err_pos = err.loc.as_ref().map_or(u32::from(err.range.start()), |l| {
                    ctx.line_start(l.lineno) as u32 + (l.offset.max(1) as u32 - 1)
                });
                if bracket <= err_pos && ctx.reads_to_eof(&err, line, bracket) {
                    return Err(ctx.unclosed(ch, line, col));
                }
            }
        }
    }
    Err(err)
}

/// Nodes of the recovered AST that error messages need.
#[derive(Default)]
struct Nodes<'a> {
    exprs: Vec<&'a Expr>,
    /// End offsets of the bodies of `try` statements that have no handlers.
    stmts_try_without_handlers: Vec<u32>,
    /// Assignment-like targets: (kind, the target expressions, their statement).
    targets: Vec<Target<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetKind {
    Assign,
    AugAssign,
    Annotated,
    Store,
    Del,
    Named,
}

struct Target<'a> {
    kind: TargetKind,
    exprs: Vec<&'a Expr>,
    /// For assignments: the assigned value.
    value: Option<&'a Expr>,
}

impl<'a> Visitor<'a> for Nodes<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Try(t) if t.handlers.is_empty() && t.finalbody.is_empty() => {
                if let Some(last) = t.body.last() {
                    self.stmts_try_without_handlers.push(u32::from(last.range().end()));
                }
            }
            Stmt::Assign(a) => self.targets.push(Target {
                kind: TargetKind::Assign,
                exprs: a.targets.iter().collect(),
                value: Some(&a.value),
            }),
            Stmt::AugAssign(a) => {
                self.targets.push(Target { kind: TargetKind::AugAssign, exprs: vec![&a.target], value: None })
            }
            Stmt::AnnAssign(a) => {
                self.targets.push(Target { kind: TargetKind::Annotated, exprs: vec![&a.target], value: None })
            }
            Stmt::For(f) => self.targets.push(Target { kind: TargetKind::Store, exprs: vec![&f.target], value: None }),
            Stmt::With(w) => {
                for it in &w.items {
                    if let Some(v) = &it.optional_vars {
                        self.targets.push(Target { kind: TargetKind::Store, exprs: vec![v], value: None });
                    }
                }
            }
            Stmt::Delete(d) => {
                self.targets.push(Target { kind: TargetKind::Del, exprs: d.targets.iter().collect(), value: None })
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.exprs.push(expr);
        if let Expr::Named(n) = expr {
            self.targets.push(Target { kind: TargetKind::Named, exprs: vec![&n.target], value: None });
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_comprehension(&mut self, c: &'a ast::Comprehension) {
        self.targets.push(Target { kind: TargetKind::Store, exprs: vec![&c.target], value: None });
        visitor::walk_comprehension(self, c);
    }
}

struct Ctx<'a> {
    src: &'a Source,
    text: &'a str,
    tk: &'a Tokens,
    nodes: Nodes<'a>,
}

fn keyword_header(kw: &str) -> Option<&'static str> {
    Some(match kw {
        "if" => "'if' statement",
        "elif" => "'elif' statement",
        "else" => "'else' statement",
        "for" => "'for' statement",
        "while" => "'while' statement",
        "with" => "'with' statement",
        "try" => "'try' statement",
        "except" => "'except' statement",
        "finally" => "'finally' statement",
        "match" => "'match' statement",
        "case" => "'case' statement",
        "def" => "function definition",
        "class" => "class definition",
        _ => return None,
    })
}

/// Tokens that can end an expression: a literal, a non-keyword name, a closing bracket.
fn ends_expression(text: &str, t: &Tok) -> bool {
    let s = &text[t.start as usize..t.end as usize];
    match t.kind {
        TokKind::Number | TokKind::String => true,
        TokKind::Name => matches!(s, "True" | "False" | "None") || !is_keyword(s),
        TokKind::Op => matches!(s, ")" | "]" | "}"),
        _ => false,
    }
}

fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "False"
            | "None"
            | "True"
            | "and"
            | "as"
            | "assert"
            | "async"
            | "await"
            | "break"
            | "class"
            | "continue"
            | "def"
            | "del"
            | "elif"
            | "else"
            | "except"
            | "finally"
            | "for"
            | "from"
            | "global"
            | "if"
            | "import"
            | "in"
            | "is"
            | "lambda"
            | "nonlocal"
            | "not"
            | "or"
            | "pass"
            | "raise"
            | "return"
            | "try"
            | "while"
            | "with"
            | "yield"
    )
}

/// Tokens that can begin an expression (for "Perhaps you forgot a comma?").
fn starts_expression(text: &str, t: &Tok) -> bool {
    let s = &text[t.start as usize..t.end as usize];
    match t.kind {
        TokKind::Number | TokKind::String => true,
        TokKind::Name => !matches!(
            s,
            "and"
                | "as"
                | "assert"
                | "async"
                | "break"
                | "class"
                | "continue"
                | "def"
                | "del"
                | "elif"
                | "else"
                | "except"
                | "finally"
                | "for"
                | "from"
                | "global"
                | "if"
                | "import"
                | "in"
                | "is"
                | "nonlocal"
                | "or"
                | "pass"
                | "raise"
                | "return"
                | "try"
                | "while"
                | "with"
                | "yield"
        ),
        TokKind::Op => matches!(s, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
        _ => false,
    }
}

impl<'a> Ctx<'a> {
    fn collect(&mut self, root: &'a Mod) {
        match root {
            Mod::Module(m) => self.nodes.visit_body(&m.body),
            Mod::Expression(e) => self.nodes.visit_expr(&e.body),
        }
    }

    fn line_start(&self, line: u32) -> usize {
        self.src.line_starts.get(line.saturating_sub(1) as usize).copied().unwrap_or(0) as usize
    }

    /// 1-based character column of byte `pos` on its line.
    fn col(&self, pos: usize) -> i64 {
        let line = self.src.line_of(pos as u32);
        let ls = self.line_start(line);
        self.text.get(ls..pos.min(self.text.len())).map_or(0, |s| s.chars().count() as i64) + 1
    }

    fn loc_err(&self, kind: ErrKind, msg: impl Into<String>, pos: usize, loc: ErrLoc) -> CompileError {
        let p = TextSize::new(pos as u32);
        CompileError {
            kind,
            msg: msg.into(),
            range: TextRange::new(p, p),
            loc: Some(loc),
            parser: true,
            tokenizer: false,
        }
    }

    fn tok_error(&self, e: &tokenizer::TokError) -> CompileError {
        let kind = match e.kind {
            TokErrKind::Syntax => ErrKind::Syntax,
            TokErrKind::Indentation => ErrKind::Indentation,
            TokErrKind::Tab => ErrKind::Tab,
        };
        let mut err = self.loc_err(
            kind,
            e.msg.clone(),
            e.pos as usize,
            ErrLoc {
                lineno: e.line,
                offset: e.offset,
                end_lineno: e.end_line,
                end_offset: e.end_offset,
                text_newline: e.text_newline,
                text: None,
            },
        );
        err.tokenizer = true;
        err
    }

    fn unclosed(&self, ch: char, line: u32, col: u32) -> CompileError {
        let pos = self.line_start(line) + col as usize;
        let offset = self.col(pos);
        let last = self.text.trim_end_matches(['\n', '\r', ' ', '\t']).len();
        let text_newline = line == self.src.line_of(last.saturating_sub(1) as u32);
        self.loc_err(
            ErrKind::Syntax,
            format!("'{ch}' was never closed"),
            pos,
            ErrLoc { lineno: line, offset, end_lineno: line, end_offset: 0, text_newline, text: None },
        )
    }

    /// The error for an unexpected INDENT or a missing block after `... :`, with whether
    /// a later tokenizer error may replace it (CPython only rescans for the latter).
    fn structural(&self) -> Option<(u32, CompileError, bool)> {
        let toks = &self.tk.toks;
        for (i, t) in toks.iter().enumerate() {
            match t.kind {
                TokKind::Indent => {
                    let after_header = i >= 2 && toks[i - 1].kind == TokKind::Newline && self.is_op(&toks[i - 2], ":");
                    if !after_header {
                        let offset = self.col(t.end as usize) - 1;
                        let e = self.loc_err(
                            ErrKind::Indentation,
                            "unexpected indent",
                            t.start as usize,
                            ErrLoc {
                                lineno: t.line,
                                offset,
                                end_lineno: t.line,
                                end_offset: -1,
                                text_newline: true,
                                text: None,
                            },
                        );
                        return Some((t.start, e, false));
                    }
                }
                TokKind::Newline if i >= 1 && self.is_op(&toks[i - 1], ":") => {
                    let next = toks.get(i + 1);
                    if next.is_some_and(|n| n.kind == TokKind::Indent) {
                        continue;
                    }
                    // First token of the header's logical line.
                    let mut j = i - 1;
                    while j > 0 && !matches!(toks[j - 1].kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent) {
                        j -= 1;
                    }
                    let mut kw = &self.text[toks[j].start as usize..toks[j].end as usize];
                    let mut kw_tok = toks[j];
                    if kw == "async" && j + 1 < i {
                        kw_tok = toks[j + 1];
                        kw = &self.text[kw_tok.start as usize..kw_tok.end as usize];
                    }
                    let desc = keyword_header(kw)?;
                    let msg = format!("expected an indented block after {desc} on line {}", kw_tok.line);
                    let e = match next {
                        Some(n)
                            if matches!(n.kind, TokKind::Name | TokKind::Number | TokKind::String | TokKind::Op) =>
                        {
                            let offset = self.col(n.start as usize);
                            let end_offset = self.col(n.end as usize);
                            self.loc_err(
                                ErrKind::Indentation,
                                msg,
                                n.start as usize,
                                ErrLoc {
                                    lineno: n.line,
                                    offset,
                                    end_lineno: n.line,
                                    end_offset,
                                    text_newline: true,
                                    text: None,
                                },
                            )
                        }
                        Some(n) if n.kind == TokKind::Dedent && (n.start as usize) < self.text.len() => {
                            let offset = self.col(n.start as usize) - 1;
                            self.loc_err(
                                ErrKind::Indentation,
                                msg,
                                n.start as usize,
                                ErrLoc {
                                    lineno: n.line,
                                    offset,
                                    end_lineno: n.line,
                                    end_offset: -1,
                                    text_newline: true,
                                    text: None,
                                },
                            )
                        }
                        _ => {
                            // End of input: CPython points past the end of the last line.
                            let last = self.text.trim_end_matches(['\n', '\r']).len();
                            let line = self.src.line_of(last.saturating_sub(1) as u32).max(1);
                            let ls = self.line_start(line);
                            let end = self.text[ls..].find('\n').map_or(self.text.len(), |k| ls + k);
                            let offset = self.col(end);
                            self.loc_err(
                                ErrKind::Indentation,
                                msg,
                                end,
                                ErrLoc {
                                    lineno: line,
                                    offset,
                                    end_lineno: line,
                                    end_offset: -1,
                                    text_newline: true,
                                    text: None,
                                },
                            )
                        }
                    };
                    // Ordered as the point where the tokenizer produces the next token, just
                    // before its line (an indentation error there comes first).
                    let pos = match next {
                        Some(n) => (self.line_start(n.line) as u32).saturating_sub(1).max(t.start),
                        None => t.start,
                    };
                    return Some((pos, e, true));
                }
                _ => {}
            }
        }
        None
    }

    fn is_op(&self, t: &Tok, s: &str) -> bool {
        t.kind == TokKind::Op && &self.text[t.start as usize..t.end as usize] == s
    }

    /// Index of the first token starting at or after `pos`.
    fn tok_at(&self, pos: u32) -> Option<usize> {
        let toks = &self.tk.toks;
        // A NEWLINE token covers its end (the newline character itself).
        let i = toks.partition_point(|t| {
            if t.kind == TokKind::Newline {
                t.end < pos
            } else {
                t.end <= pos && !(t.start == pos && t.end == pos)
            }
        });
        (i < toks.len()).then_some(i)
    }

    /// A SyntaxError over `range` (CPython's `RAISE_SYNTAX_ERROR_KNOWN_RANGE`).
    /// For `f(a, **k, *b)`: CPython reports "iterable argument unpacking follows keyword
    /// argument unpacking" over the arguments before the first `*b` that follows a `**`
    /// (`a, **k`), in the innermost call whose argument list holds `pos`.
    fn args_before_late_star(&self, pos: TextRange) -> Option<TextRange> {
        let call = self
            .nodes
            .exprs
            .iter()
            .filter_map(|e| match e {
                Expr::Call(c) if c.arguments.range.contains(pos.start()) => Some(c),
                _ => None,
            })
            .min_by_key(|c| c.arguments.range.len())?;
        let args: Vec<ast::ArgOrKeyword> = call.arguments.iter_source_order().collect();
        let mut seen_kw_unpack = false;
        for (i, a) in args.iter().enumerate() {
            match a {
                ast::ArgOrKeyword::Keyword(k) if k.arg.is_none() => seen_kw_unpack = true,
                ast::ArgOrKeyword::Arg(Expr::Starred(_)) if seen_kw_unpack && i > 0 => {
                    return Some(TextRange::new(args[0].range().start(), args[i - 1].range().end()));
                }
                _ => {}
            }
        }
        None
    }

    fn at_range(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::syntax(msg, range)
    }

    /// "invalid syntax" at the token starting at or after `pos`.
    fn generic_at(&self, pos: u32) -> CompileError {
        // After an operand, `not` may begin `not in`: CPython fails at the token after it.
        if let Some(i) = self.tok_at(pos) {
            let t = self.tk.toks[i];
            if t.start == pos && t.kind == TokKind::Name && &self.text[t.start as usize..t.end as usize] == "not" {
                let prev_operand = i.checked_sub(1).is_some_and(|k| {
                    let p = self.tk.toks[k];
                    matches!(p.kind, TokKind::Number | TokKind::String)
                        || (p.kind == TokKind::Name && starts_expression(self.text, &p))
                        || (p.kind == TokKind::Op
                            && matches!(&self.text[p.start as usize..p.end as usize], ")" | "]" | "}"))
                });
                if prev_operand {
                    if let Some(n) = self.tk.toks.get(i + 1) {
                        return self.generic_at(n.start.max(pos + 1));
                    }
                }
            }
        }
        // INDENT/DEDENT carry no text: CPython's furthest token is the next real one.
        let found = self.tok_at(pos).map(|mut i| {
            while matches!(self.tk.toks[i].kind, TokKind::Indent | TokKind::Dedent) && i + 1 < self.tk.toks.len() {
                i += 1;
            }
            i
        });
        match found {
            Some(i) => {
                let t = self.tk.toks[i];
                match t.kind {
                    // `expr:` with nothing after: CPython gave up at the `:` (an annotation
                    // needs a simple target), not at the end of the line.
                    TokKind::Newline
                        if i > 0
                            && self.is_op(&self.tk.toks[i - 1], ":")
                            && self.expr_ending_before(self.tk.toks[i - 1].start).is_some_and(|e| {
                                !matches!(e, Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_))
                            }) =>
                    {
                        let c = self.tk.toks[i - 1];
                        CompileError::syntax(
                            "invalid syntax",
                            TextRange::new(TextSize::new(c.start), TextSize::new(c.end)),
                        )
                    }
                    TokKind::Newline => CompileError::syntax(
                        "invalid syntax",
                        TextRange::new(TextSize::new(t.start), TextSize::new(t.end)),
                    ),
                    TokKind::EndMarker | TokKind::Dedent | TokKind::Indent => {
                        CompileError::syntax("invalid syntax", TextRange::empty(TextSize::new(t.start)))
                    }
                    _ => CompileError::syntax(
                        "invalid syntax",
                        TextRange::new(TextSize::new(t.start), TextSize::new(t.end)),
                    ),
                }
            }
            None => CompileError::syntax("invalid syntax", TextRange::empty(TextSize::new(pos))),
        }
    }

    fn first_parse_error(
        &self,
        errors: &[ParseError],
        unsupported: &[UnsupportedSyntaxError],
    ) -> Option<(u32, CompileError)> {
        let mut sorted: Vec<&ParseError> = errors.iter().collect();
        sorted.sort_by_key(|e| e.location.start());
        let e = sorted.iter().find(|e| !self.is_recovery_artifact(e, errors)).or(sorted.first()).copied();
        // ruff reports an unparenthesized generator argument when it finishes the call, even
        // if a plain error follows inside the arguments; CPython stops at that error.
        let e = match e {
            Some(g) if matches!(g.error, P::UnparenthesizedGeneratorExpression) => sorted
                .iter()
                .find(|o| {
                    !matches!(o.error, P::UnparenthesizedGeneratorExpression)
                        && o.location.start() >= g.location.end()
                        && self.src.line_of(u32::from(o.location.start()))
                            == self.src.line_of(u32::from(g.location.end()))
                })
                .copied()
                .or(Some(g)),
            other => other,
        };
        let u = unsupported.iter().min_by_key(|u| u.range.start());
        match (e, u) {
            (Some(e), Some(u)) if u.range.start() < e.location.start() => Some(self.map_unsupported(u)),
            (Some(e), _) => Some(self.map_error(e)),
            (None, Some(u)) => Some(self.map_unsupported(u)),
            (None, None) => None,
        }
    }

    /// An "invalid target" error caused by another error inside the target (ruff turned a
    /// broken expression into an assignment while recovering).
    fn is_recovery_artifact(&self, e: &ParseError, all: &[ParseError]) -> bool {
        let target_error = matches!(
            e.error,
            P::InvalidAssignmentTarget
                | P::InvalidAnnotatedAssignmentTarget
                | P::InvalidAugmentedAssignmentTarget
                | P::InvalidNamedAssignmentTarget
        ) || matches!(&e.error, P::OtherError(m) if m.starts_with("Only single target"));
        target_error
            && all.iter().any(|o| {
                !std::ptr::eq(o, e)
                    && o.location.start() >= e.location.start()
                    && o.location.start() <= e.location.end() + TextSize::new(2)
            })
    }

    fn map_unsupported(&self, u: &UnsupportedSyntaxError) -> (u32, CompileError) {
        let pos = u32::from(u.range.start());
        let e = match u.kind {
            U::Pep701FString(k) => {
                let msg = match format!("{k:?}").as_str() {
                    "Backslash" => "f-string expression part cannot include a backslash",
                    "Comment" => "f-string expression part cannot include '#'",
                    _ => "f-string: invalid syntax",
                };
                self.fstring_error(msg, pos)
            }
            U::UnpackingInComprehension(_) => {
                self.at_range("iterable unpacking cannot be used in comprehension", u.range)
            }
            U::TypeAliasStatement => {
                let i = self.tok_at(pos).map_or(0, |i| i + 1);
                match self.tk.toks.get(i) {
                    Some(t) => self.generic_at(t.start),
                    None => self.generic_at(pos),
                }
            }
            U::UnparenthesizedExceptionTypes => {
                self.at_range("multiple exception types must be parenthesized", u.range)
            }
            U::TypeParameterList if self.line_keyword(pos) == Some("def") => {
                let r = TextRange::new(u.range.start(), u.range.start() + TextSize::new(1));
                self.at_range("expected '('", r)
            }
            _ => self.generic_at(pos),
        };
        (pos, e)
    }

    /// f-string errors of CPython 3.11 point at the token after the string.
    fn fstring_error(&self, msg: &str, pos: u32) -> CompileError {
        let toks = &self.tk.toks;
        let Some(i) = self.tok_at(pos) else {
            return CompileError::syntax(msg, TextRange::empty(TextSize::new(pos)));
        };
        let mut k = i;
        // The string token containing `pos` (or the one starting there), then what follows
        // the run of adjacent strings.
        if k > 0 && toks[k].start > pos && toks[k - 1].kind == TokKind::String && toks[k - 1].end > pos {
            k -= 1;
        }
        while k < toks.len() && toks[k].kind == TokKind::String {
            k += 1;
        }
        match toks.get(k) {
            Some(t) if matches!(t.kind, TokKind::Newline | TokKind::EndMarker | TokKind::Dedent) => {
                CompileError::syntax(msg, TextRange::empty(TextSize::new(t.start)))
            }
            Some(t) => CompileError::syntax(msg, TextRange::new(TextSize::new(t.start), TextSize::new(t.end))),
            None => CompileError::syntax(msg, TextRange::empty(TextSize::new(pos))),
        }
    }

    /// The first f-string that CPython 3.11 rejects: (token start, error).
    fn fstring_errors(&self) -> Option<(u32, CompileError)> {
        for t in &self.tk.toks {
            if t.kind != TokKind::String {
                continue;
            }
            let tok_text = &self.text[t.start as usize..t.end as usize];
            let Some(fe) = fstring311::check(tok_text) else {
                continue;
            };
            let e = match fe {
                fstring311::FsError::Msg(m) => self.fstring_error(m, t.start),
                fstring311::FsError::Owned(m) => self.fstring_error(&m, t.start),
                fstring311::FsError::Expr { text, newlines } => self.fstring_expr_error(&text, t.line + newlines),
            };
            return Some((t.start, e));
        }
        None
    }

    /// An error in an f-string's expression: CPython parses `(expr)` on its own and reports
    /// positions in that text.
    fn fstring_expr_error(&self, expr: &str, first_line: u32) -> CompileError {
        let sub_text = format!("({expr})");
        let sub = Source::new(self.src.filename.clone(), sub_text.clone());
        let parsed =
            ruff_python_parser::parse_unchecked(&sub_text, super::parse_options(ruff_python_parser::Mode::Expression));
        let inner = check_inner(&sub, parsed.syntax(), parsed.errors(), parsed.unsupported_syntax_errors(), None)
            .err()
            .unwrap_or_else(|| CompileError::syntax("invalid syntax", TextRange::default()));
        let (l, o, el, eo) = super::syntax_error::location(&sub, &inner);
        let mut text = sub.line_text(l).to_owned();
        text.push('\n');
        CompileError {
            kind: ErrKind::Syntax,
            msg: if inner.tokenizer { inner.msg.clone() } else { format!("f-string: {}", inner.msg) },
            range: TextRange::default(),
            loc: Some(ErrLoc {
                lineno: first_line + l - 1,
                offset: o,
                end_lineno: first_line + el - 1,
                end_offset: eo,
                text_newline: !inner.tokenizer,
                text: Some(if inner.tokenizer { text.trim_end_matches('\n').to_owned() } else { text }),
            }),
            parser: true,
            tokenizer: false,
        }
    }

    fn in_fstring(&self, pos: u32) -> bool {
        self.tk.toks.iter().any(|t| {
            t.kind == TokKind::String && t.start <= pos && pos < t.end && {
                let s = &self.text[t.start as usize..t.end as usize];
                let prefix: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
                prefix.to_ascii_lowercase().contains('f')
            }
        })
    }

    fn map_error(&self, e: &ParseError) -> (u32, CompileError) {
        let pos = u32::from(e.location.start());
        let r = e.location;
        let err = match &e.error {
            P::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Newline } => {
                CompileError::syntax("expected ':'", TextRange::empty(r.start()))
            }
            P::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Rbrace | TokenKind::Comma }
                if self.in_dict(pos) =>
            {
                self.dict_key_error(pos)
            }
            P::ExpectedToken { expected: TokenKind::Colon, .. } if self.forced_colon_line(pos) => {
                self.at_token_after_or_at("expected ':'", pos)
            }
            P::ExpectedToken { expected: TokenKind::Lpar, .. } if self.line_keyword(pos) == Some("def") => {
                self.at_token_after_or_at("expected '('", pos)
            }
            P::ExpectedToken { expected: TokenKind::Else, .. } => self.if_without_else(pos),
            P::ExpectedToken { found: TokenKind::Equal, .. } => self.eq_in_condition(pos),
            P::ExpectedToken { found, .. } if is_augassign(*found) => self.aug_target_error(pos),
            P::ExpectedToken { .. } => self.forgot_comma(pos).unwrap_or_else(|| self.generic_at(pos)),
            P::OtherError(m) if m.starts_with("Cannot have both 'except' and 'except*'") => {
                // CPython points at the clause's `except` (or `except*`) keyword.
                let start = u32::from(r.start()) as usize;
                let rest = self.text.get(start + 6..).unwrap_or("");
                let ws = rest.len() - rest.trim_start().len();
                let end = if rest.trim_start().starts_with('*') { start + 6 + ws + 1 } else { start + 6 };
                let kw = TextRange::new(r.start(), ruff_text_size::TextSize::new(end as u32));
                self.at_range("cannot have both 'except' and 'except*' on the same 'try'".to_string(), kw)
            }
            P::OtherError(m) if m.starts_with("Expected a parameter name") => self.kwarg_target_error(r),
            P::OtherError(m) if m.starts_with("Only single target") => {
                // CPython's rule needs the annotation after the `:`.
                let colon = self.tk.toks.iter().position(|t| t.start >= u32::from(r.end()) && self.is_op(t, ":"));
                match colon {
                    Some(k) if self.tk.toks.get(k + 1).is_some_and(|n| starts_expression(self.text, n)) => {
                        let mut m = m.clone();
                        m.replace_range(..1, "o");
                        self.at_range(m, r)
                    }
                    Some(k) => self.generic_at(self.tk.toks[k].start),
                    None => self.generic_at(pos),
                }
            }
            P::InvalidNamedAssignmentTarget => {
                let bad = self
                    .nodes
                    .exprs
                    .iter()
                    .filter(|x| x.range().start() == r.start() && !matches!(x, Expr::Named(_)))
                    .max_by_key(|x| x.range().end());
                match bad {
                    // `*x := ...` is not an expression, and call arguments only take `name := ...`:
                    // plain invalid syntax at `:=`.
                    Some(Expr::Starred(_)) => self.generic_at(u32::from(r.end())),
                    Some(_) if self.in_call_args(pos) => self.generic_at(u32::from(r.end())),
                    Some(b) => self
                        .at_range(format!("cannot use assignment expressions with {}", expr_kind_name(b)), b.range()),
                    None => self.generic_at(pos),
                }
            }
            P::InvalidAssignmentTarget
            | P::InvalidDeleteTarget
            | P::InvalidAugmentedAssignmentTarget
            | P::InvalidAnnotatedAssignmentTarget => self.target_error(r).unwrap_or_else(|| self.generic_at(pos)),
            P::PositionalAfterKeywordArgument => {
                self.at_call_end("positional argument follows keyword argument", r.end())
            }
            P::PositionalAfterKeywordUnpacking => {
                self.at_call_end("positional argument follows keyword argument unpacking", r.end())
            }
            P::InvalidArgumentUnpackingOrder => self.at_range(
                "iterable argument unpacking follows keyword argument unpacking",
                self.args_before_late_star(r).unwrap_or(TextRange::new(r.start(), r.start() + TextSize::new(1))),
            ),
            P::NonDefaultParamAfterDefaultParam => self.at_range("non-default argument follows default argument", r),
            P::ParamAfterVarKeywordParam => self.at_range("arguments cannot follow var-keyword argument", r),
            P::ExpectedKeywordParam => {
                // CPython points at the bare `*`.
                let star = self.tk.toks.iter().rev().find(|t| t.end <= pos && self.is_op(t, "*"));
                let r = star.map_or(r, |t| TextRange::new(TextSize::new(t.start), TextSize::new(t.end)));
                self.at_range("named arguments must follow bare *", r)
            }
            P::OtherError(m) if m.starts_with("Expected `except` or `finally`") => self.try_without_handlers(pos),
            P::OtherError(m) if m.starts_with("Expected class, function definition") => {
                // A decorator followed by a dedent: CPython fails at the DEDENT.
                let first =
                    self.tok_at(pos).and_then(|i| self.tk.toks[i..].iter().find(|t| t.kind != TokKind::Newline));
                if let Some(d) = first.filter(|t| t.kind == TokKind::Dedent) {
                    self.after_block_error(ErrKind::Indentation, "unexpected unindent", d.start, 0)
                } else {
                    self.generic_at(pos)
                }
            }
            P::VarParameterWithDefault => self.generic_at(pos),
            P::UnparenthesizedGeneratorExpression => {
                if self.in_class_bases(pos) {
                    let for_tok = self.tk.toks.iter().find(|t| {
                        t.start >= pos
                            && t.kind == TokKind::Name
                            && &self.text[t.start as usize..t.end as usize] == "for"
                    });
                    match for_tok {
                        Some(t) => self.generic_at(t.start),
                        None => self.generic_at(pos),
                    }
                } else {
                    self.at_range("Generator expression must be parenthesized", r)
                }
            }
            P::IterableUnpackingInComprehension => {
                self.at_range("iterable unpacking cannot be used in comprehension", r)
            }
            P::SimpleStatementsOnSameLine => self.legacy_print(pos).unwrap_or_else(|| self.generic_at(pos)),
            P::OtherError(m) if m.starts_with("Only one '*' parameter") => self
                .at_range("* argument may appear only once", TextRange::new(r.start(), r.start() + TextSize::new(1))),
            P::OtherError(m) if m.starts_with("Only one '/' separator") => {
                self.at_range("/ may appear only once", TextRange::new(r.start(), r.start() + TextSize::new(1)))
            }
            P::FStringError(k) | P::Lexical(Lex::FStringError(k)) => self.fstring_error(fstring_msg(k), pos),
            P::ExpectedExpression if self.in_fstring(pos) => {
                let s = &self.text[pos as usize..];
                let msg = if s.starts_with('}')
                    || s.starts_with('!')
                    || s.starts_with(':')
                    || s.starts_with('"')
                    || s.starts_with('\'')
                {
                    if s.starts_with('}') {
                        "f-string: empty expression not allowed"
                    } else {
                        "f-string: expecting '}'"
                    }
                } else {
                    "f-string: invalid syntax"
                };
                self.fstring_error(msg, pos)
            }
            P::Lexical(Lex::UnicodeError) => self.unicode_error(pos),
            P::Lexical(Lex::InvalidByteLiteral) => self.bytes_error(pos),
            P::Lexical(Lex::Eof) => match self.tk.open.last() {
                Some(&(ch, line, col)) => self.unclosed(ch, line, col),
                None => self.generic_at(pos),
            },
            P::ExpectedExpression if self.dict_value_missing(pos).is_some() => {
                let c = self.dict_value_missing(pos).unwrap_or_default();
                self.at_range(
                    "expression expected after dictionary key and ':'",
                    TextRange::new(TextSize::new(c), TextSize::new(c + 1)),
                )
            }
            P::ExpectedExpression => {
                let s = &self.text[pos as usize..];
                if s.starts_with("**") && self.inside_parens(pos) {
                    self.at_range(
                        "cannot use double starred expression here",
                        TextRange::new(r.start(), r.start() + TextSize::new(2)),
                    )
                } else {
                    self.generic_at(pos)
                }
            }
            _ => self.generic_or_specific(pos),
        };
        (pos, err)
    }

    /// Whether CPython's parser, failing with `err` inside the unclosed bracket opened at
    /// byte `bracket` (line `bracket_line`), fetched tokens past the error's line: then its
    /// scan of the rest of the input ends at the open bracket and reports that instead.
    fn reads_to_eof(&self, err: &CompileError, bracket_line: u32, bracket: u32) -> bool {
        let (_, _, el, _) = super::syntax_error::location(self.src, err);
        if bracket_line < el {
            return true;
        }
        let err_start = u32::from(err.range.start());
        if err.msg == "invalid syntax" {
            let Some(i) = self.tok_at(err_start) else { return false };
            let t = self.tk.toks[i];
            let prev = i.checked_sub(1).map(|k| self.tk.toks[k]);
            let ends_expr = prev.is_some_and(|p| {
                let before =
                    i.checked_sub(2).map(|k| &self.text[self.tk.toks[k].start as usize..self.tk.toks[k].end as usize]);
                ends_expression(self.text, &p) && !matches!(before, Some("class" | "def"))
            });
            let next_starts_expr = self.tk.toks.get(i + 1).is_some_and(|n| starts_expression(self.text, n));
            // At the bracket itself after an expression: the second pass parses the bracket
            // as the next operand (and runs to the end). At `=`, it reads the value and then
            // one more token.
            if err_start == bracket {
                let at_eof = self.tk.toks.get(i + 1).is_none_or(|n| n.kind == TokKind::EndMarker);
                return ends_expr && (next_starts_expr || at_eof);
            }
            // (Not when the left side opened the bracket we are in: a slice or argument.)
            let lhs_inside = self
                .expr_ending_before(err_start)
                .is_some_and(|l| self.open_bracket_before(i).is_none_or(|b| b <= u32::from(l.range().start())));
            if self.is_op(&t, "=") && ends_expr && lhs_inside {
                return self.tk.toks.iter().any(|x| x.line > t.line && x.kind != TokKind::EndMarker);
            }
            return false;
        }
        if err.msg.contains("Perhaps you forgot a comma") || err.msg.contains("Maybe you meant") {
            // These rules look one token past the expression they end with.
            let end = u32::from(err.range.end());
            let after =
                self.tk.toks.iter().find(|t| t.start >= end && !matches!(t.kind, TokKind::Indent | TokKind::Dedent));
            return after.is_none_or(|t| t.kind == TokKind::EndMarker || t.line > el);
        }
        false
    }

    /// `{k: }`: the position of the `:` when a dict entry's value is missing at `pos`.
    fn dict_value_missing(&self, pos: u32) -> Option<u32> {
        let i = self.tok_at(pos)?;
        let t = self.tk.toks[i];
        if !(self.is_op(&t, "}") || self.is_op(&t, ",")) {
            return None;
        }
        let prev = self.tk.toks.get(i.checked_sub(1)?)?;
        if !self.is_op(prev, ":") {
            return None;
        }
        let open = self.open_bracket_before(i)?;
        let k = self.tk.toks.iter().position(|x| x.end == open)?;
        self.is_op(&self.tk.toks[k], "{").then_some(prev.start)
    }

    /// Whether `pos` is directly inside the argument list of a call.
    fn in_call_args(&self, pos: u32) -> bool {
        let Some(i) = self.tok_at(pos) else { return false };
        let Some(open) = self.open_bracket_before(i) else { return false };
        let Some(k) = self.tk.toks.iter().position(|t| t.end == open) else { return false };
        self.is_op(&self.tk.toks[k], "(") && k > 0 && ends_expression(self.text, &self.tk.toks[k - 1])
    }

    /// The first token of the logical line containing `pos` (after `async`).
    fn line_keyword(&self, pos: u32) -> Option<&str> {
        let i = self.tok_at(pos)?;
        let mut j = i;
        while j > 0 && !matches!(self.tk.toks[j - 1].kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent) {
            j -= 1;
        }
        let t = self.tk.toks.get(j)?;
        let mut w = &self.text[t.start as usize..t.end as usize];
        if w == "async" {
            let n = self.tk.toks.get(j + 1)?;
            w = &self.text[n.start as usize..n.end as usize];
        }
        Some(w)
    }

    /// Statements whose `:` CPython's grammar requires wherever it is missing (`&&':'`).
    fn forced_colon_line(&self, pos: u32) -> bool {
        matches!(self.line_keyword(pos), Some("def" | "try" | "finally" | "else"))
    }

    /// `msg` at the (real) token at `pos`.
    fn at_token_after_or_at(&self, msg: &str, pos: u32) -> CompileError {
        let mut e = self.generic_at(pos);
        e.msg = msg.into();
        e
    }

    /// `msg` at the token closing the argument list that contains byte `pos` (CPython
    /// checks the argument order once it has read all of them).
    fn at_call_end(&self, msg: &str, pos: TextSize) -> CompileError {
        let mut depth = 0i32;
        for t in self.tk.toks.iter().filter(|t| t.start >= u32::from(pos)) {
            if t.kind == TokKind::Op {
                match &self.text[t.start as usize..t.end as usize] {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" if depth == 0 => {
                        return CompileError::syntax(msg, TextRange::new(TextSize::new(t.start), TextSize::new(t.end)))
                    }
                    ")" | "]" | "}" => depth -= 1,
                    _ => {}
                }
            }
        }
        self.at_token_after(msg, pos)
    }

    /// `f(a.b=1)` and `f(True=1)`: a keyword argument whose name is not a name.
    fn kwarg_target_error(&self, r: TextRange) -> CompileError {
        let eq = self.tk.toks.iter().find(|t| t.start >= u32::from(r.end()) && self.is_op(t, "="));
        let end = eq.map_or(r.end(), |t| TextSize::new(t.end));
        let range = TextRange::new(r.start(), end);
        let target = self.text[r.start().to_usize()..r.end().to_usize()].trim();
        match target {
            "True" | "False" | "None" => self.at_range(format!("cannot assign to {target}"), range),
            _ => self.at_range("expression cannot contain assignment, perhaps you meant \"==\"?", range),
        }
    }

    /// A generic error at `pos`, unless one of CPython's specific rules covers that spot:
    /// `def name` not followed by `(`, or a conditional expression without `else`.
    fn generic_or_specific(&self, pos: u32) -> CompileError {
        if let Some(i) = self.tok_at(pos) {
            if i >= 2
                && self.tk.toks[i - 1].kind == TokKind::Name
                && &self.text[self.tk.toks[i - 2].start as usize..self.tk.toks[i - 2].end as usize] == "def"
            {
                return self.at_token_after_or_at("expected '('", pos);
            }
            let at_colon_or_else = {
                let t = self.tk.toks[i];
                self.is_op(&t, ":") || &self.text[t.start as usize..t.end as usize] == "else"
            };
            if !at_colon_or_else {
                let p = TextSize::new(pos);
                let found = self.nodes.exprs.iter().filter_map(|e| match e {
                    Expr::If(x)
                        if x.range.start() < p
                            && p <= x.range.end() + TextSize::new(1)
                            && has_error_node(&x.orelse) =>
                    {
                        let test_end = self
                            .nodes
                            .exprs
                            .iter()
                            .filter(|t| t.range().start() == x.test.range().start() && !has_error_node(t))
                            .map(|t| t.range().end())
                            .filter(|&end| end <= p)
                            .max()?;
                        Some(TextRange::new(x.body.range().start(), test_end))
                    }
                    _ => None,
                });
                if let Some(r) = found.max_by_key(|r| r.end()) {
                    return self.at_range("expected 'else' after 'if' expression", r);
                }
            }
        }
        self.generic_at(pos)
    }

    /// `msg` at the token following byte `end` (CPython's location for errors detected
    /// after reading one more token).
    fn at_token_after(&self, msg: &str, end: TextSize) -> CompileError {
        match self.tok_at(u32::from(end)) {
            Some(i) => {
                let t = self.tk.toks[i];
                let r = if matches!(t.kind, TokKind::Newline | TokKind::EndMarker | TokKind::Dedent) {
                    TextRange::empty(TextSize::new(t.start))
                } else {
                    TextRange::new(TextSize::new(t.start), TextSize::new(t.end))
                };
                CompileError::syntax(msg, r)
            }
            None => CompileError::syntax(msg, TextRange::empty(end)),
        }
    }

    /// Whether `pos` is inside the parenthesized bases of a `class` statement.
    fn in_class_bases(&self, pos: u32) -> bool {
        let Some(i) = self.tok_at(pos) else {
            return false;
        };
        let mut depth = 0i32;
        for k in (0..i).rev() {
            let t = self.tk.toks[k];
            if t.kind == TokKind::Newline {
                return false;
            }
            if t.kind == TokKind::Op {
                match &self.text[t.start as usize..t.end as usize] {
                    ")" | "]" | "}" => depth += 1,
                    "(" | "[" | "{" => {
                        if depth == 0 {
                            return k >= 2
                                && self.tk.toks[k - 1].kind == TokKind::Name
                                && &self.text[self.tk.toks[k - 2].start as usize..self.tk.toks[k - 2].end as usize]
                                    == "class";
                        }
                        depth -= 1;
                    }
                    _ => {}
                }
            }
        }
        false
    }

    /// Byte position just after the innermost bracket still open before token `i`.
    fn open_bracket_before(&self, i: usize) -> Option<u32> {
        let mut depth = 0i32;
        for k in (0..i).rev() {
            let t = self.tk.toks[k];
            if t.kind == TokKind::Newline {
                return None;
            }
            if t.kind == TokKind::Op {
                match &self.text[t.start as usize..t.end as usize] {
                    ")" | "]" | "}" => depth += 1,
                    "(" | "[" | "{" => {
                        if depth == 0 {
                            return Some(t.end);
                        }
                        depth -= 1;
                    }
                    _ => {}
                }
            }
        }
        None
    }

    /// `try:` whose block is followed by neither `except` nor `finally`: CPython points at
    /// the token after the block.
    fn try_without_handlers(&self, pos: u32) -> CompileError {
        let body_end =
            self.nodes.stmts_try_without_handlers.iter().filter(|&&end| end <= pos).max().copied().unwrap_or(pos);
        self.after_block_error(ErrKind::Syntax, "expected 'except' or 'finally' block", body_end, 1)
    }

    /// An error at the first token after the block ending at byte `block_end`. When more
    /// than `closing` DEDENTs come first (the next line is indented less than the
    /// statement), CPython stops at a DEDENT, which it places at the start of that line;
    /// at the end of the input it points past the last line.
    fn after_block_error(&self, kind: ErrKind, msg: &str, block_end: u32, closing: usize) -> CompileError {
        let after: Vec<&Tok> =
            self.tk.toks.iter().filter(|t| t.start >= block_end && t.kind != TokKind::Newline).collect();
        let dedents = after.iter().take_while(|t| t.kind == TokKind::Dedent).count();
        let next = after.iter().find(|t| !matches!(t.kind, TokKind::Indent | TokKind::Dedent));
        match next {
            Some(t) if t.kind != TokKind::EndMarker => {
                if dedents > closing {
                    let line = t.line;
                    self.loc_err(
                        kind,
                        msg,
                        t.start as usize,
                        ErrLoc {
                            lineno: line,
                            offset: self.col(t.start as usize) - 1,
                            end_lineno: line,
                            end_offset: -1,
                            text_newline: true,
                            text: None,
                        },
                    )
                } else {
                    let mut e = CompileError::syntax(msg, TextRange::new(TextSize::new(t.start), TextSize::new(t.end)));
                    e.kind = kind;
                    e
                }
            }
            _ => {
                let end = self.text.trim_end().len();
                let line = self.src.line_of(end.saturating_sub(1) as u32);
                let offset = self.col(end);
                self.loc_err(
                    kind,
                    msg,
                    end,
                    ErrLoc { lineno: line, offset, end_lineno: line, end_offset: -1, text_newline: true, text: None },
                )
            }
        }
    }

    fn inside_parens(&self, pos: u32) -> bool {
        let Some(i) = self.tok_at(pos) else {
            return false;
        };
        i > 0 && self.is_op(&self.tk.toks[i - 1], "(")
    }

    // ----- specific messages -----

    fn in_dict(&self, pos: u32) -> bool {
        self.nodes.exprs.iter().any(|e| {
            matches!(e, Expr::Dict(_))
                && e.range().start() < TextSize::new(pos)
                && TextSize::new(pos) <= e.range().end()
        })
    }

    /// "':' expected after dictionary key": CPython points at the key, with end offset 0.
    fn dict_key_error(&self, pos: u32) -> CompileError {
        // The key is the expression ending just before the offending token.
        let key = self.expr_ending_before(pos);
        let end = key.map_or(pos as usize, |k| u32::from(k.range().end()) as usize);
        let start = key.map_or(pos as usize, |k| u32::from(k.range().start()) as usize);
        let line = self.src.line_of(end.saturating_sub(1) as u32);
        let offset = self.col(end) - 1;
        self.loc_err(
            ErrKind::Syntax,
            "':' expected after dictionary key",
            start,
            ErrLoc { lineno: line, offset, end_lineno: line, end_offset: 0, text_newline: true, text: None },
        )
    }

    /// The largest expression ending right before the token at `pos` (skipping spaces).
    fn expr_ending_before(&self, pos: u32) -> Option<&'a Expr> {
        let i = self.tok_at(pos)?;
        let prev = self.tk.toks.get(i.checked_sub(1)?)?;
        let end = TextSize::new(prev.end);
        self.nodes
            .exprs
            .iter()
            .filter(|e| e.range().end() == end && !matches!(e, Expr::Tuple(t) if !t.parenthesized))
            .min_by_key(|e| e.range().start())
            .copied()
    }

    fn expr_starting_at(&self, pos: u32) -> Option<&'a Expr> {
        let start = TextSize::new(pos);
        self.nodes
            .exprs
            .iter()
            .filter(|e| e.range().start() == start && !matches!(e, Expr::Tuple(t) if !t.parenthesized))
            .max_by_key(|e| e.range().end())
            .copied()
    }

    fn if_without_else(&self, pos: u32) -> CompileError {
        let found = self.nodes.exprs.iter().filter_map(|e| match e {
            Expr::If(i) if i.test.range().end() <= TextSize::new(pos) && i.range.start() < TextSize::new(pos) => {
                Some(TextRange::new(i.body.range().start(), i.test.range().end()))
            }
            _ => None,
        });
        match found.max_by_key(|r| r.end()) {
            // CPython's rule does not fire before a ':' (`for x in a if b:`).
            Some(_) if self.tok_at(pos).is_some_and(|i| self.is_op(&self.tk.toks[i], ":")) => self.generic_at(pos),
            Some(r) => self.at_range("expected 'else' after 'if' expression", r),
            None => self.generic_at(pos),
        }
    }

    /// `if x = 1:` and friends.
    fn eq_in_condition(&self, pos: u32) -> CompileError {
        let Some(lhs) = self.expr_ending_before(pos) else {
            return self.generic_at(pos);
        };
        // Inside a bracket that the left side itself opened (`a[:k = 1`), CPython is
        // parsing a slice or an argument: plain invalid syntax.
        if let Some(i) = self.tok_at(pos) {
            if self.open_bracket_before(i).is_some_and(|b| b > u32::from(lhs.range().start())) {
                return self.generic_at(pos);
            }
        }
        let Some(i) = self.tok_at(pos) else {
            return self.generic_at(pos);
        };
        match self.tk.toks.get(i + 1) {
            Some(t) if starts_expression(self.text, t) => {}
            _ => return self.generic_at(pos),
        }
        let rhs = self.tk.toks.get(i + 1).and_then(|t| self.expr_starting_at(t.start));
        match lhs {
            Expr::Name(_) => {
                let end = rhs.map_or(TextSize::new(self.tk.toks[i].end), |r| r.range().end());
                self.at_range(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    TextRange::new(lhs.range().start(), end),
                )
            }
            Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => {
                self.generic_at(pos)
            }
            other if is_bitwise_or_level(other) => self.at_range(
                format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_kind_name(other)),
                other.range(),
            ),
            _ => self.generic_at(pos),
        }
    }

    /// `a, b += 1`: ruff stops at the operator.
    fn aug_target_error(&self, pos: u32) -> CompileError {
        let Some(i) = self.tok_at(pos) else {
            return self.generic_at(pos);
        };
        let Some(prev) = i.checked_sub(1).and_then(|k| self.tk.toks.get(k)) else {
            return self.generic_at(pos);
        };
        if prev.kind == TokKind::Op && !matches!(&self.text[prev.start as usize..prev.end as usize], ")" | "]" | "}") {
            return self.generic_at(pos);
        }
        // Inside brackets an augmented assignment cannot start: plain invalid syntax.
        if self.bracket_depth_before(i) > 0 {
            return self.generic_at(pos);
        }
        let end = TextSize::new(prev.end);
        // A top-level comma on the line before the operator makes the target a tuple.
        let mut depth = 0i32;
        let mut first = i;
        let mut comma = false;
        for k in (0..i).rev() {
            let t = self.tk.toks[k];
            if matches!(t.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent) || self.is_op(&t, ";") {
                break;
            }
            first = k;
            if t.kind == TokKind::Op {
                match &self.text[t.start as usize..t.end as usize] {
                    ")" | "]" | "}" => depth += 1,
                    "(" | "[" | "{" => depth -= 1,
                    "," if depth == 0 => comma = true,
                    _ => {}
                }
            }
        }
        if comma {
            let r = TextRange::new(TextSize::new(self.tk.toks[first].start), end);
            return self.at_range("'tuple' is an illegal expression for augmented assignment", r);
        }
        let target = self
            .nodes
            .exprs
            .iter()
            .filter(|e| e.range().end() == end)
            .min_by_key(|e| e.range().start())
            .filter(|e| !has_error_node(e));
        match target {
            Some(t) => self.at_range(
                format!("'{}' is an illegal expression for augmented assignment", expr_kind_name(t)),
                t.range(),
            ),
            None => self.generic_at(pos),
        }
    }

    /// Two expressions side by side inside brackets.
    fn forgot_comma(&self, pos: u32) -> Option<CompileError> {
        let i = self.tok_at(pos)?;
        let t = self.tk.toks[i];
        if t.start != pos || !starts_expression(self.text, &t) {
            return None;
        }
        // Inside brackets at this point?
        let depth = self.bracket_depth_before(i);
        if depth == 0 {
            return None;
        }
        let opened = self.open_bracket_before(i)?;
        let prev = *self.tk.toks.get(i.checked_sub(1)?)?;
        let a = self
            .nodes
            .exprs
            .iter()
            .filter(|e| {
                self.outer_range(e).end() == TextSize::new(prev.end)
                    && self.outer_range(e).start() >= TextSize::new(opened)
                    && !matches!(e, Expr::Tuple(t) if !t.parenthesized)
                    && (!matches!(e, Expr::If(_) | Expr::Lambda(_) | Expr::Named(_)) || self.parenthesized(e))
                    && !matches!(e, Expr::Starred(_))
                    && !matches!(e, Expr::Generator(g) if !g.parenthesized)
                    && !has_error_node(e)
            })
            .min_by_key(|e| self.outer_range(e).start())
            .copied()?;
        if matches!(a, Expr::If(_) | Expr::Lambda(_) | Expr::Named(_)) && !self.parenthesized(a) {
            return None;
        }
        // Matched with its parentheses, but CPython reports the node's own range.
        let a_range = a.range();
        // A comprehension's `in`/`if` operand is not an `expression` in CPython's grammar.
        if let Some(k) = self.tok_at(u32::from(a_range.start())) {
            if let Some(before) = k.checked_sub(1).map(|k| self.tk.toks[k]) {
                let w = &self.text[before.start as usize..before.end as usize];
                if before.kind == TokKind::Name && (w == "in" || w == "if") {
                    return None;
                }
            }
        }
        // `f"..."`-like prefixes are NAME STRING in CPython's grammar: not a missing comma.
        if let (Expr::Name(_), TokKind::String) = (a, t.kind) {
            return None;
        }
        // CPython's `b` is the longest expression there that parses without the error
        // rules (`expression_without_invalid`).
        let starting: Vec<&Expr> =
            self.nodes.exprs.iter().filter(|e| e.range().start() == TextSize::new(pos)).copied().collect();
        let b_end = match starting
            .iter()
            .filter(|e| !has_error_node(e) && !matches!(e, Expr::Generator(g) if !g.parenthesized))
            .filter(|e| !matches!(e, Expr::Starred(_)))
            .max_by_key(|e| e.range().end())
        {
            Some(b) => b.range().end(),
            None if starting.is_empty() => TextSize::new(t.end),
            None => return None,
        };
        Some(self.at_range("invalid syntax. Perhaps you forgot a comma?", TextRange::new(a_range.start(), b_end)))
    }

    fn bracket_depth_before(&self, i: usize) -> i32 {
        let mut depth = 0i32;
        for t in &self.tk.toks[..i] {
            if t.kind == TokKind::Newline {
                depth = 0;
            } else if t.kind == TokKind::Op {
                match &self.text[t.start as usize..t.end as usize] {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth -= 1,
                    _ => {}
                }
            }
        }
        depth
    }

    /// `print "x"` (Python 2 statements).
    fn legacy_print(&self, pos: u32) -> Option<CompileError> {
        let i = self.tok_at(pos)?;
        let prev = self.tk.toks.get(i.checked_sub(1)?)?;
        let name = &self.text[prev.start as usize..prev.end as usize];
        if !(name == "print" || name == "exec") || prev.kind != TokKind::Name {
            return None;
        }
        let before = i.checked_sub(2).map(|k| self.tk.toks[k]);
        if before.is_some_and(|b| !matches!(b.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent)) {
            return None;
        }
        let next = self.tk.toks[i];
        if !starts_expression(self.text, &next) || self.is_op(&next, "(") {
            return None;
        }
        // The rest of the logical line is the argument.
        let mut end = next.end;
        for t in &self.tk.toks[i..] {
            if t.kind == TokKind::Newline || self.is_op(t, ";") {
                break;
            }
            end = t.end;
        }
        Some(self.at_range(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            TextRange::new(TextSize::new(prev.start), TextSize::new(end)),
        ))
    }

    fn unicode_error(&self, pos: u32) -> CompileError {
        // The string token containing the escape, and the escape itself.
        let Some(t) = self.tk.toks.iter().find(|t| t.kind == TokKind::String && t.start <= pos && pos <= t.end) else {
            return self.generic_at(pos);
        };
        let s = &self.text[t.start as usize..t.end as usize];
        let body_start = s.find(['"', '\'']).unwrap_or(0);
        let q = &s[body_start..];
        let quote_len = if q.starts_with("\"\"\"") || q.starts_with("'''") { 3 } else { 1 };
        let body = &s[body_start + quote_len..s.len().saturating_sub(quote_len)];
        let (start, end, what) = find_bad_escape(body).unwrap_or((0, 0, "malformed escape"));
        let msg = format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}");
        // Like f-string errors, CPython points at the token after the string.
        self.fstring_error(&msg, t.start)
    }

    fn bytes_error(&self, pos: u32) -> CompileError {
        match self.tk.toks.iter().find(|t| t.kind == TokKind::String && t.start <= pos && pos <= t.end) {
            Some(t) => self.at_range(
                "bytes can only contain ASCII literal characters",
                TextRange::new(TextSize::new(t.start), TextSize::new(t.end)),
            ),
            None => self.generic_at(pos),
        }
    }

    /// Messages for invalid assignment/deletion targets, following CPython's grammar rules.
    fn target_error(&self, r: TextRange) -> Option<CompileError> {
        let contains = |e: &Expr| e.range().start() <= r.start() && r.end() <= e.range().end();
        if let Some(t) =
            self.nodes.targets.iter().find(|t| t.kind == TargetKind::AugAssign && t.exprs.iter().any(|e| contains(e)))
        {
            let whole = t.exprs[0];
            return Some(self.at_range(
                format!("'{}' is an illegal expression for augmented assignment", expr_kind_name(whole)),
                whole.range(),
            ));
        }
        let target = self.nodes.targets.iter().find(|t| t.exprs.iter().any(|e| contains(e)))?;
        let (idx, whole) = target.exprs.iter().enumerate().find(|(_, e)| contains(e))?;
        let bad = invalid_target(whole, target.kind == TargetKind::Del)?;
        let name = expr_kind_name(bad);
        Some(match target.kind {
            TargetKind::Del => self.at_range(format!("cannot delete {name}"), bad.range()),
            TargetKind::AugAssign if has_error_node(whole) => self.generic_at(u32::from(whole.range().end())),
            TargetKind::AugAssign => self.at_range(
                format!("'{}' is an illegal expression for augmented assignment", expr_kind_name(whole)),
                whole.range(),
            ),
            TargetKind::Named => self.at_range(format!("cannot use assignment expressions with {name}"), bad.range()),
            TargetKind::Annotated => match whole {
                Expr::Tuple(_) | Expr::List(_) => self.at_range(
                    format!("only single target (not {}) can be annotated", expr_kind_name(whole)),
                    whole.range(),
                ),
                _ => self.at_range("illegal target for annotation", whole.range()),
            },
            TargetKind::Store => self.at_range(format!("cannot assign to {name}"), bad.range()),
            TargetKind::Assign => {
                if let Expr::Name(n) = bad {
                    if n.id.as_str() == "__debug__" {
                        return Some(self.at_range("cannot assign to __debug__", bad.range()));
                    }
                }
                if matches!(bad, Expr::Yield(_) | Expr::YieldFrom(_)) && !self.parenthesized(bad) {
                    return Some(self.at_range("assignment to yield expression not possible", bad.range()));
                }
                if matches!(bad, Expr::Starred(_)) && std::ptr::eq(bad, *whole) {
                    return Some(self.at_range("starred assignment target must be in a list or tuple", bad.range()));
                }
                // CPython's `invalid_named_expression` looks at what stands right before a
                // single `=`: the target, or the last element of an unparenthesized tuple;
                // the value must begin with a `bitwise_or` operand.
                let value_ok = target.value.is_some_and(|v| {
                    let l = leftmost_operand(v);
                    is_bitwise_or_level(l)
                        && (!matches!(l, Expr::Yield(_) | Expr::YieldFrom(_)) || self.parenthesized(l))
                });
                if let (Expr::Tuple(tu), 1, true) = (whole, target.exprs.len(), value_ok) {
                    if !tu.parenthesized {
                        if let Some(last) = tu.elts.last() {
                            if let Expr::Name(_) = last {
                                let value_end = match target.value {
                                    Some(Expr::Tuple(v)) if !v.parenthesized => {
                                        v.elts.first().map_or(last.range().end(), |f| f.range().end())
                                    }
                                    Some(v) => v.range().end(),
                                    None => last.range().end(),
                                };
                                return Some(self.at_range(
                                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                                    TextRange::new(last.range().start(), value_end),
                                ));
                            }
                            if is_bitwise_or_level(last)
                                && !matches!(last, Expr::BooleanLiteral(_) | Expr::NoneLiteral(_))
                            {
                                return Some(self.at_range(
                                    format!(
                                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                        expr_kind_name(last)
                                    ),
                                    last.range(),
                                ));
                            }
                        }
                    }
                }
                // CPython's `invalid_named_expression`: `target = value` with one `=`.
                let single = target.exprs.len() == 1 && idx == 0 && value_ok;
                let here = single
                    && (std::ptr::eq(bad, *whole)
                        || matches!(whole, Expr::Tuple(t) if !t.parenthesized
                            && t.elts.last().is_some_and(|l| std::ptr::eq(l, bad))))
                    && is_bitwise_or_level(bad)
                    && !matches!(bad, Expr::BooleanLiteral(_) | Expr::NoneLiteral(_));
                if here {
                    self.at_range(
                        format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
                        bad.range(),
                    )
                } else {
                    self.at_range(format!("cannot assign to {name}"), bad.range())
                }
            }
        })
    }

    //// The range of `e` including one level of grouping parentheses around it.
    fn outer_range(&self, e: &Expr) -> TextRange {
        if !self.parenthesized(e) {
            return e.range();
        }
        let start = self.text[..e.range().start().to_usize()].trim_end().len() - 1;
        let after = e.range().end().to_usize();
        let close = after + self.text[after..].find(')').unwrap_or(0) + 1;
        TextRange::new(TextSize::new(start as u32), TextSize::new(close as u32))
    }

    /// Whether `e` is wrapped in grouping parentheses (not a call's).
    fn parenthesized(&self, e: &Expr) -> bool {
        let start = u32::from(e.range().start()) as usize;
        let end = u32::from(e.range().end()) as usize;
        let before = self.text[..start].trim_end();
        if !before.ends_with('(') || !self.text[end.min(self.text.len())..].trim_start().starts_with(')') {
            return false;
        }
        let paren = before.len() - 1;
        match self.tk.toks.iter().position(|t| t.start as usize == paren) {
            Some(k) if k > 0 => !ends_expression(self.text, &self.tk.toks[k - 1]),
            _ => true,
        }
    }
}

/// Expressions at CPython's `bitwise_or` level or tighter (what can stand before `=` in the
/// "Maybe you meant '=='" rule).
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::Compare(_)
            | Expr::BoolOp(_)
            | Expr::Lambda(_)
            | Expr::If(_)
            | Expr::Starred(_)
            | Expr::List(_)
            | Expr::Generator(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
        && !matches!(e, Expr::Tuple(_))
}

/// The operand an expression begins with, as the grammar sees it (`a` in `a or b`,
/// `a < b`, `a if c else d`, `a, b`).
fn leftmost_operand(e: &Expr) -> &Expr {
    match e {
        Expr::BoolOp(b) => b.values.first().map_or(e, leftmost_operand),
        Expr::Compare(c) => leftmost_operand(&c.left),
        Expr::If(i) => leftmost_operand(&i.body),
        Expr::Tuple(t) if !t.parenthesized => t.elts.first().map_or(e, leftmost_operand),
        _ => e,
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be
/// assigned to (or deleted).
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, del)),
        Expr::List(l) => l.elts.iter().find_map(|x| invalid_target(x, del)),
        Expr::Starred(s) if !del => invalid_target(&s.value, del),
        other => Some(other),
    }
}

/// Whether ruff's recovery put a placeholder (an empty name) inside `e`.
fn has_error_node(e: &Expr) -> bool {
    struct F {
        found: bool,
    }
    impl<'x> Visitor<'x> for F {
        fn visit_expr(&mut self, e: &'x Expr) {
            if let Expr::Name(n) = e {
                if n.id.is_empty() || n.ctx == ast::ExprContext::Invalid {
                    self.found = true;
                }
            }
            if !self.found {
                visitor::walk_expr(self, e);
            }
        }
    }
    let mut f = F { found: false };
    f.visit_expr(e);
    f.found
}

fn is_augassign(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::PercentEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::AtEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
    )
}

fn fstring_msg(k: &FsErr) -> &'static str {
    match k {
        FsErr::UnclosedLbrace => "f-string: expecting '}'",
        FsErr::SingleRbrace => "f-string: single '}' is not allowed",
        FsErr::InvalidConversionFlag | FsErr::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        FsErr::UnterminatedString | FsErr::UnterminatedTripleQuotedString => "f-string: expecting '}'",
        FsErr::LambdaWithoutParentheses => "f-string: invalid syntax",
        FsErr::NewlineInFormatSpec => "f-string: newlines are not allowed in format specifiers",
    }
}

/// The first malformed escape in a string body: (byte start, byte end inclusive, reason).
fn find_bad_escape(body: &str) -> Option<(usize, usize, &'static str)> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(&c) = b.get(i + 1) else {
            return Some((i, i, "\\ at end of string"));
        };
        let hex_run = |from: usize, n: usize| {
            (0..n).take_while(|k| b.get(from + k).is_some_and(|c| c.is_ascii_hexdigit())).count()
        };
        match c {
            b'x' | b'u' | b'U' => {
                let n = match c {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let got = hex_run(i + 2, n);
                if got < n {
                    let what = match c {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Some((i, i + 1 + got, what));
                }
                i += 2 + n;
            }
            b'N' => {
                if b.get(i + 2) != Some(&b'{') {
                    return Some((i, i + 1, "malformed \\N character escape"));
                }
                match body[i + 3..].find('}') {
                    Some(k) => {
                        let end = i + 3 + k;
                        // Named escapes ruff rejected are unknown names.
                        return Some((i, end, "unknown Unicode character name"));
                    }
                    None => return Some((i, b.len() - 1, "malformed \\N character escape")),
                }
            }
            _ => i += 2,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn err(src: &str) -> (String, u32, i64, i64) {
        let source = Rc::new(Source::new("<t>".into(), src.into()));
        let parsed =
            ruff_python_parser::parse_unchecked(src, super::super::parse_options(ruff_python_parser::Mode::Module));
        let e = check(&source, parsed.syntax(), parsed.errors(), parsed.unsupported_syntax_errors(), &mut Vec::new())
            .unwrap_err();
        let (l, o, _, eo) = super::super::syntax_error::location(&source, &e);
        (e.msg, l, o, eo)
    }

    #[test]
    fn cpython_messages() {
        assert_eq!(err("if x > 5\n    pass\n"), ("expected ':'".into(), 1, 9, 9));
        assert_eq!(err("def f():\nreturn 1\n").0, "expected an indented block after function definition on line 1");
        assert_eq!(err("x = (1 + 2\ny = 3\n"), ("'(' was never closed".into(), 1, 5, 0));
        assert_eq!(err("1 = x\n").0, "cannot assign to literal here. Maybe you meant '==' instead of '='?");
        assert_eq!(err("(a, 1) = x\n"), ("cannot assign to literal".into(), 1, 5, 6));
        assert_eq!(err("x = [1 2 3]\n"), ("invalid syntax. Perhaps you forgot a comma?".into(), 1, 6, 9));
        assert_eq!(err("x = 1 2\n"), ("invalid syntax".into(), 1, 7, 8));
        assert_eq!(err("  x = 1\n"), ("unexpected indent".into(), 1, 2, -1));
        assert_eq!(err("print 'a'\n").0, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        assert_eq!(err("f(a=1, 2)\n").0, "positional argument follows keyword argument");
        assert_eq!(err("x = \"abc\n").0, "unterminated string literal (detected at line 1)");
    }
}
