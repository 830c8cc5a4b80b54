//! `compile(..., ast.PyCF_ONLY_AST)` / `ast.parse`: the parser's tree converted to
//! instances of the `_ast` node classes, with CPython's field values and positions
//! (`lineno`, `col_offset`, `end_lineno`, `end_col_offset`: 1-based lines, UTF-8 byte
//! columns).
//!
//! ruff's tree differs from CPython's in a few shapes, undone here: `elif` chains become
//! nested `If` nodes, implicitly concatenated strings one `Constant` (or `JoinedStr`),
//! `async` statements their own classes, literals `Constant`, a decorated definition
//! starts at its `def`/`class` keyword, and a generator expression that is the only
//! argument of a call spans the call's parentheses.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{parse_errors, parse_options, surrogates, syntax_error, Mode};
use crate::cfg::Source;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Parses `source` and returns the `ast.Module` / `ast.Expression` / `ast.Interactive`
/// for `mode`. Syntax errors raise `SyntaxError` as `compile()` does.
pub fn parse_to_ast(vm: &mut Vm, source: Rc<Source>, mode: Mode) -> PyResult<Value> {
    let source = if source.text.contains('\r') {
        let text = source.text.replace("\r\n", "\n").replace('\r', "\n");
        Rc::new(Source::new(source.filename.clone(), text))
    } else {
        source
    };
    let text = source.text.as_str();
    let rmode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
    };
    let parsed = ruff_python_parser::parse_unchecked(text, parse_options(rmode));
    let mut warnings = Vec::new();
    let checked = parse_errors::check(
        &source,
        parsed.syntax(),
        parsed.errors(),
        parsed.unsupported_syntax_errors(),
        &mut warnings,
    )
    .and_then(|_| surrogates::check(text, parsed.syntax()));
    if let Err(e) = checked {
        return Err(syntax_error::to_exception(vm, &source, &e));
    }
    let module = crate::builtins::import::import_module(vm, "_ast")?;
    let mut c = Conv { vm, src: &source, module, classes: HashMap::new() };
    match (mode, parsed.syntax()) {
        (Mode::Eval, ast::Mod::Expression(e)) => {
            let body = c.expr(&e.body)?;
            c.node("Expression", None, &[("body", body)])
        }
        (Mode::Exec, ast::Mod::Module(m)) => {
            let body = c.stmts(&m.body)?;
            let ti = c.vm.new_list(Vec::new());
            c.node("Module", None, &[("body", body), ("type_ignores", ti)])
        }
        (Mode::Single, ast::Mod::Module(m)) => {
            let body = c.stmts(&m.body)?;
            c.node("Interactive", None, &[("body", body)])
        }
        _ => Err(c.vm.runtime_error("compile(): the parser returned a tree of the wrong kind")),
    }
}

struct Conv<'v> {
    vm: &'v mut Vm,
    src: &'v Source,
    module: Value,
    classes: HashMap<&'static str, Value>,
}

type Fields<'f> = &'f [(&'static str, Value)];

impl Conv<'_> {
    fn class(&mut self, name: &'static str) -> PyResult<Value> {
        if let Some(&c) = self.classes.get(name) {
            return Ok(c);
        }
        let k = self.vm.intern(name);
        let c = self.vm.get_attr(self.module, k)?;
        self.classes.insert(name, c);
        Ok(c)
    }

    /// (lineno, col_offset) of a byte offset.
    fn pos(&self, off: u32) -> (i64, i64) {
        let line = self.src.line_of(off);
        let start = self.src.line_starts.get(line as usize - 1).copied().unwrap_or(0);
        (line as i64, off.saturating_sub(start) as i64)
    }

    /// A node of class `name` with `fields`, and the four position attributes when
    /// `range` is given.
    fn node(&mut self, name: &'static str, range: Option<TextRange>, fields: Fields) -> PyResult<Value> {
        let cls = self.class(name)?;
        let mut kw: Vec<(Value, Value)> = Vec::with_capacity(fields.len() + 4);
        for &(k, v) in fields {
            kw.push((self.vm.intern(k), v));
        }
        if let Some(r) = range {
            let (l0, c0) = self.pos(r.start().into());
            let (l1, c1) = self.pos(r.end().into());
            for (k, v) in [("lineno", l0), ("col_offset", c0), ("end_lineno", l1), ("end_col_offset", c1)] {
                kw.push((self.vm.intern(k), self.vm.new_int(v)));
            }
        }
        self.vm.call(cls, &[], &kw)
    }

    /// A node without fields or positions (`Load()`, `Add()`, ...).
    fn leaf(&mut self, name: &'static str) -> PyResult<Value> {
        self.node(name, None, &[])
    }

    fn str(&mut self, s: &str) -> Value {
        self.vm.new_str(s)
    }

    fn opt_str(&mut self, s: Option<&ast::Identifier>) -> Value {
        match s {
            Some(s) => self.vm.new_str(s.as_str()),
            None => Value::NONE,
        }
    }

    fn int(&mut self, i: i64) -> Value {
        self.vm.new_int(i)
    }

    fn list(&mut self, items: Vec<Value>) -> Value {
        self.vm.new_list(items)
    }

    fn names(&mut self, ids: &[ast::Identifier]) -> Value {
        let items: Vec<Value> = ids.iter().map(|i| self.vm.new_str(i.as_str())).collect();
        self.list(items)
    }

    fn stmts(&mut self, body: &[Stmt]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(body.len());
        for s in body {
            items.push(self.stmt(s)?);
        }
        Ok(self.list(items))
    }

    fn exprs<'e>(&mut self, es: impl IntoIterator<Item = &'e Expr>) -> PyResult<Value> {
        let mut items = Vec::new();
        for e in es {
            items.push(self.expr(e)?);
        }
        Ok(self.list(items))
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> PyResult<Value> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(Value::NONE),
        }
    }

    fn ctx(&mut self, c: ast::ExprContext) -> PyResult<Value> {
        self.leaf(match c {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            ast::ExprContext::Load | ast::ExprContext::Invalid => "Load",
        })
    }

    fn operator(&mut self, op: ast::Operator) -> PyResult<Value> {
        use ast::Operator as O;
        self.leaf(match op {
            O::Add => "Add",
            O::Sub => "Sub",
            O::Mult => "Mult",
            O::MatMult => "MatMult",
            O::Div => "Div",
            O::Mod => "Mod",
            O::Pow => "Pow",
            O::LShift => "LShift",
            O::RShift => "RShift",
            O::BitOr => "BitOr",
            O::BitXor => "BitXor",
            O::BitAnd => "BitAnd",
            O::FloorDiv => "FloorDiv",
        })
    }

    fn cmpop(&mut self, op: ast::CmpOp) -> PyResult<Value> {
        use ast::CmpOp as C;
        self.leaf(match op {
            C::Eq => "Eq",
            C::NotEq => "NotEq",
            C::Lt => "Lt",
            C::LtE => "LtE",
            C::Gt => "Gt",
            C::GtE => "GtE",
            C::Is => "Is",
            C::IsNot => "IsNot",
            C::In => "In",
            C::NotIn => "NotIn",
        })
    }

    /// The start of a definition's `def`/`async`/`class` keyword: after its decorators.
    fn def_range(&self, range: TextRange, decorators: &[ast::Decorator]) -> TextRange {
        let Some(last) = decorators.last() else {
            return range;
        };
        let text = self.src.text.as_bytes();
        let mut i = usize::from(last.range.end());
        // Skip the rest of the decorator line, blank lines and comments.
        let mut in_comment = false;
        while i < text.len() {
            match text[i] {
                b'#' => in_comment = true,
                b'\n' => in_comment = false,
                b' ' | b'\t' | b'\x0c' | b'\\' | b'\r' => {}
                _ if in_comment => {}
                _ => break,
            }
            i += 1;
        }
        let start = (i as u32).min(u32::from(range.end()));
        TextRange::new(start.into(), range.end())
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult<Value> {
        let r = Some(s.range());
        match s {
            Stmt::FunctionDef(f) => {
                let args = self.parameters(Some(&f.parameters))?;
                let body = self.stmts(&f.body)?;
                let decos = self.exprs(f.decorator_list.iter().map(|d| &d.expression))?;
                let returns = self.opt_expr(f.returns.as_deref())?;
                let name = self.str(f.name.as_str());
                let cls = if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" };
                let range = self.def_range(f.range, &f.decorator_list);
                self.node(
                    cls,
                    Some(range),
                    &[
                        ("name", name),
                        ("args", args),
                        ("body", body),
                        ("decorator_list", decos),
                        ("returns", returns),
                        ("type_comment", Value::NONE),
                    ],
                )
            }
            Stmt::ClassDef(c) => {
                let (bases, keywords) = match &c.arguments {
                    Some(a) => self.arguments(a)?,
                    None => (self.list(Vec::new()), self.list(Vec::new())),
                };
                let body = self.stmts(&c.body)?;
                let decos = self.exprs(c.decorator_list.iter().map(|d| &d.expression))?;
                let name = self.str(c.name.as_str());
                let range = self.def_range(c.range, &c.decorator_list);
                self.node(
                    "ClassDef",
                    Some(range),
                    &[
                        ("name", name),
                        ("bases", bases),
                        ("keywords", keywords),
                        ("body", body),
                        ("decorator_list", decos),
                    ],
                )
            }
            Stmt::Return(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Return", r, &[("value", v)])
            }
            Stmt::Delete(d) => {
                let t = self.exprs(&d.targets)?;
                self.node("Delete", r, &[("targets", t)])
            }
            Stmt::TypeAlias(t) => Err(self.vm.not_implemented_error(format!(
                "ast.parse: the 'type' statement (Python 3.12) at offset {}",
                u32::from(t.range.start())
            ))),
            Stmt::Assign(a) => {
                let t = self.exprs(&a.targets)?;
                let v = self.expr(&a.value)?;
                self.node("Assign", r, &[("targets", t), ("value", v), ("type_comment", Value::NONE)])
            }
            Stmt::AugAssign(a) => {
                let t = self.expr(&a.target)?;
                let op = self.operator(a.op)?;
                let v = self.expr(&a.value)?;
                self.node("AugAssign", r, &[("target", t), ("op", op), ("value", v)])
            }
            Stmt::AnnAssign(a) => {
                let t = self.expr(&a.target)?;
                let ann = self.expr(&a.annotation)?;
                let v = self.opt_expr(a.value.as_deref())?;
                let simple = self.int(a.simple as i64);
                self.node("AnnAssign", r, &[("target", t), ("annotation", ann), ("value", v), ("simple", simple)])
            }
            Stmt::For(f) => {
                let t = self.expr(&f.target)?;
                let it = self.expr(&f.iter)?;
                let body = self.stmts(&f.body)?;
                let orelse = self.stmts(&f.orelse)?;
                let cls = if f.is_async { "AsyncFor" } else { "For" };
                self.node(
                    cls,
                    r,
                    &[("target", t), ("iter", it), ("body", body), ("orelse", orelse), ("type_comment", Value::NONE)],
                )
            }
            Stmt::While(w) => {
                let t = self.expr(&w.test)?;
                let body = self.stmts(&w.body)?;
                let orelse = self.stmts(&w.orelse)?;
                self.node("While", r, &[("test", t), ("body", body), ("orelse", orelse)])
            }
            Stmt::If(i) => {
                // Build the `elif`/`else` chain from the end: each `elif` is an `If` in the
                // `orelse` of the one before, spanning from its keyword to the chain's end.
                let end = s.range().end();
                let mut orelse = self.list(Vec::new());
                for clause in i.elif_else_clauses.iter().rev() {
                    let body = self.stmts(&clause.body)?;
                    match &clause.test {
                        None => orelse = body,
                        Some(test) => {
                            let t = self.expr(test)?;
                            let range = TextRange::new(clause.range.start(), end);
                            let n = self.node("If", Some(range), &[("test", t), ("body", body), ("orelse", orelse)])?;
                            orelse = self.list(vec![n]);
                        }
                    }
                }
                let t = self.expr(&i.test)?;
                let body = self.stmts(&i.body)?;
                self.node("If", r, &[("test", t), ("body", body), ("orelse", orelse)])
            }
            Stmt::With(w) => {
                let mut items = Vec::new();
                for it in &w.items {
                    let ce = self.expr(&it.context_expr)?;
                    let ov = self.opt_expr(it.optional_vars.as_deref())?;
                    items.push(self.node("withitem", None, &[("context_expr", ce), ("optional_vars", ov)])?);
                }
                let items = self.list(items);
                let body = self.stmts(&w.body)?;
                let cls = if w.is_async { "AsyncWith" } else { "With" };
                self.node(cls, r, &[("items", items), ("body", body), ("type_comment", Value::NONE)])
            }
            Stmt::Match(m) => {
                let subject = self.expr(&m.subject)?;
                let mut cases = Vec::new();
                for c in &m.cases {
                    let p = self.pattern(&c.pattern)?;
                    let g = self.opt_expr(c.guard.as_deref())?;
                    let body = self.stmts(&c.body)?;
                    cases.push(self.node("match_case", None, &[("pattern", p), ("guard", g), ("body", body)])?);
                }
                let cases = self.list(cases);
                self.node("Match", r, &[("subject", subject), ("cases", cases)])
            }
            Stmt::Raise(x) => {
                let e = self.opt_expr(x.exc.as_deref())?;
                let c = self.opt_expr(x.cause.as_deref())?;
                self.node("Raise", r, &[("exc", e), ("cause", c)])
            }
            Stmt::Try(t) => {
                let body = self.stmts(&t.body)?;
                let mut handlers = Vec::new();
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let ty = self.opt_expr(h.type_.as_deref())?;
                    let name = self.opt_str(h.name.as_ref());
                    let hb = self.stmts(&h.body)?;
                    handlers.push(self.node(
                        "ExceptHandler",
                        Some(h.range),
                        &[("type", ty), ("name", name), ("body", hb)],
                    )?);
                }
                let handlers = self.list(handlers);
                let orelse = self.stmts(&t.orelse)?;
                let fin = self.stmts(&t.finalbody)?;
                let cls = if t.is_star { "TryStar" } else { "Try" };
                self.node(cls, r, &[("body", body), ("handlers", handlers), ("orelse", orelse), ("finalbody", fin)])
            }
            Stmt::Assert(a) => {
                let t = self.expr(&a.test)?;
                let m = self.opt_expr(a.msg.as_deref())?;
                self.node("Assert", r, &[("test", t), ("msg", m)])
            }
            Stmt::Import(i) => {
                let names = self.aliases(&i.names)?;
                self.node("Import", r, &[("names", names)])
            }
            Stmt::ImportFrom(i) => {
                let module = self.opt_str(i.module.as_ref());
                let names = self.aliases(&i.names)?;
                let level = self.int(i.level as i64);
                self.node("ImportFrom", r, &[("module", module), ("names", names), ("level", level)])
            }
            Stmt::Global(g) => {
                let names = self.names(&g.names);
                self.node("Global", r, &[("names", names)])
            }
            Stmt::Nonlocal(g) => {
                let names = self.names(&g.names);
                self.node("Nonlocal", r, &[("names", names)])
            }
            Stmt::Expr(e) => {
                let v = self.expr(&e.value)?;
                self.node("Expr", r, &[("value", v)])
            }
            Stmt::Pass(_) => self.node("Pass", r, &[]),
            Stmt::Break(_) => self.node("Break", r, &[]),
            Stmt::Continue(_) => self.node("Continue", r, &[]),
            Stmt::IpyEscapeCommand(_) => Err(self.vm.runtime_error("ast.parse: IPython escape command in the tree")),
        }
    }

    fn aliases(&mut self, names: &[ast::Alias]) -> PyResult<Value> {
        let mut items = Vec::new();
        for a in names {
            let n = self.str(a.name.as_str());
            let asn = self.opt_str(a.asname.as_ref());
            items.push(self.node("alias", Some(a.range), &[("name", n), ("asname", asn)])?);
        }
        Ok(self.list(items))
    }

    /// Call arguments: (positional list, keyword list).
    fn arguments(&mut self, a: &ast::Arguments) -> PyResult<(Value, Value)> {
        let sole_genexp = a.args.len() == 1 && a.keywords.is_empty();
        let mut args = Vec::new();
        for e in a.args.iter() {
            match e {
                Expr::Generator(g) if sole_genexp && !g.parenthesized => {
                    args.push(self.generator(g, a.range)?);
                }
                _ => args.push(self.expr(e)?),
            }
        }
        let mut kws = Vec::new();
        for k in a.keywords.iter() {
            let name = self.opt_str(k.arg.as_ref());
            let v = self.expr(&k.value)?;
            kws.push(self.node("keyword", Some(k.range), &[("arg", name), ("value", v)])?);
        }
        Ok((self.list(args), self.list(kws)))
    }

    fn arg(&mut self, p: &ast::Parameter) -> PyResult<Value> {
        let name = self.str(p.name.as_str());
        let ann = self.opt_expr(p.annotation.as_deref())?;
        // CPython's `arg` spans the name and annotation, not a leading `*` or `**`.
        let range = TextRange::new(p.name.range.start(), p.range.end());
        self.node("arg", Some(range), &[("arg", name), ("annotation", ann), ("type_comment", Value::NONE)])
    }

    fn parameters(&mut self, p: Option<&ast::Parameters>) -> PyResult<Value> {
        let mut posonly = Vec::new();
        let mut args = Vec::new();
        let mut defaults = Vec::new();
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        let (mut vararg, mut kwarg) = (Value::NONE, Value::NONE);
        if let Some(p) = p {
            for (list, params) in [(&mut posonly, &p.posonlyargs), (&mut args, &p.args)] {
                for pd in params.iter() {
                    list.push(self.arg(&pd.parameter)?);
                    if let Some(d) = &pd.default {
                        defaults.push(self.expr(d)?);
                    }
                }
            }
            for pd in p.kwonlyargs.iter() {
                kwonly.push(self.arg(&pd.parameter)?);
                kw_defaults.push(self.opt_expr(pd.default.as_deref())?);
            }
            if let Some(v) = &p.vararg {
                vararg = self.arg(v)?;
            }
            if let Some(k) = &p.kwarg {
                kwarg = self.arg(k)?;
            }
        }
        let fields = [
            ("posonlyargs", self.list(posonly)),
            ("args", self.list(args)),
            ("vararg", vararg),
            ("kwonlyargs", self.list(kwonly)),
            ("kw_defaults", self.list(kw_defaults)),
            ("kwarg", kwarg),
            ("defaults", self.list(defaults)),
        ];
        self.node("arguments", None, &fields)
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> PyResult<Value> {
        let mut items = Vec::new();
        for g in gens {
            let t = self.expr(&g.target)?;
            let it = self.expr(&g.iter)?;
            let ifs = self.exprs(&g.ifs)?;
            let is_async = self.int(g.is_async as i64);
            items.push(self.node(
                "comprehension",
                None,
                &[("target", t), ("iter", it), ("ifs", ifs), ("is_async", is_async)],
            )?);
        }
        Ok(self.list(items))
    }

    fn generator(&mut self, g: &ast::ExprGenerator, range: TextRange) -> PyResult<Value> {
        let elt = self.expr(&g.elt)?;
        let gens = self.comprehensions(&g.generators)?;
        self.node("GeneratorExp", Some(range), &[("elt", elt), ("generators", gens)])
    }

    fn constant(&mut self, v: Value, kind: Value, range: TextRange) -> PyResult<Value> {
        self.node("Constant", Some(range), &[("value", v), ("kind", kind)])
    }

    /// An integer literal's value (ruff keeps only those that fit 64 bits).
    fn int_literal(&mut self, i: &ast::Int, range: TextRange) -> PyResult<Value> {
        if let Some(v) = i.as_i64() {
            return Ok(self.vm.new_int(v));
        }
        let text = self.src.text.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("");
        let clean: String = text.chars().filter(|c| *c != '_').collect::<String>().to_ascii_lowercase();
        let (digits, radix) = match clean.get(..2) {
            Some("0x") => (&clean[2..], 16),
            Some("0o") => (&clean[2..], 8),
            Some("0b") => (&clean[2..], 2),
            _ => (clean.as_str(), 10),
        };
        match BigInt::parse_bytes(digits.as_bytes(), radix) {
            Some(b) => Ok(self.vm.new_bigint(b)),
            None => Err(self.vm.value_error(format!("cannot parse integer literal {text:?}"))),
        }
    }

    fn expr(&mut self, e: &Expr) -> PyResult<Value> {
        let r = Some(e.range());
        match e {
            Expr::BoolOp(b) => {
                let op = self.leaf(if b.op == ast::BoolOp::And { "And" } else { "Or" })?;
                let vals = self.exprs(&b.values)?;
                self.node("BoolOp", r, &[("op", op), ("values", vals)])
            }
            Expr::Named(n) => {
                let t = self.expr(&n.target)?;
                let v = self.expr(&n.value)?;
                self.node("NamedExpr", r, &[("target", t), ("value", v)])
            }
            Expr::BinOp(b) => {
                let l = self.expr(&b.left)?;
                let op = self.operator(b.op)?;
                let rr = self.expr(&b.right)?;
                self.node("BinOp", r, &[("left", l), ("op", op), ("right", rr)])
            }
            Expr::UnaryOp(u) => {
                let op = self.leaf(match u.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                })?;
                let v = self.expr(&u.operand)?;
                self.node("UnaryOp", r, &[("op", op), ("operand", v)])
            }
            Expr::Lambda(l) => {
                let args = self.parameters(l.parameters.as_deref())?;
                let body = self.expr(&l.body)?;
                self.node("Lambda", r, &[("args", args), ("body", body)])
            }
            Expr::If(i) => {
                let t = self.expr(&i.test)?;
                let b = self.expr(&i.body)?;
                let o = self.expr(&i.orelse)?;
                self.node("IfExp", r, &[("test", t), ("body", b), ("orelse", o)])
            }
            Expr::Dict(d) => {
                let mut keys = Vec::new();
                let mut vals = Vec::new();
                for item in &d.items {
                    keys.push(self.opt_expr(item.key.as_ref())?);
                    vals.push(self.expr(&item.value)?);
                }
                let (k, v) = (self.list(keys), self.list(vals));
                self.node("Dict", r, &[("keys", k), ("values", v)])
            }
            Expr::Set(s) => {
                let elts = self.exprs(&s.elts)?;
                self.node("Set", r, &[("elts", elts)])
            }
            Expr::ListComp(c) => {
                let elt = self.expr(&c.elt)?;
                let g = self.comprehensions(&c.generators)?;
                self.node("ListComp", r, &[("elt", elt), ("generators", g)])
            }
            Expr::SetComp(c) => {
                let elt = self.expr(&c.elt)?;
                let g = self.comprehensions(&c.generators)?;
                self.node("SetComp", r, &[("elt", elt), ("generators", g)])
            }
            Expr::DictComp(c) => {
                let k = self.opt_expr(c.key.as_deref())?;
                let v = self.expr(&c.value)?;
                let g = self.comprehensions(&c.generators)?;
                self.node("DictComp", r, &[("key", k), ("value", v), ("generators", g)])
            }
            Expr::Generator(g) => self.generator(g, g.range),
            Expr::Await(a) => {
                let v = self.expr(&a.value)?;
                self.node("Await", r, &[("value", v)])
            }
            Expr::Yield(y) => {
                let v = self.opt_expr(y.value.as_deref())?;
                self.node("Yield", r, &[("value", v)])
            }
            Expr::YieldFrom(y) => {
                let v = self.expr(&y.value)?;
                self.node("YieldFrom", r, &[("value", v)])
            }
            Expr::Compare(c) => {
                let l = self.expr(&c.left)?;
                let mut ops = Vec::new();
                for op in c.ops.iter() {
                    ops.push(self.cmpop(*op)?);
                }
                let ops = self.list(ops);
                let comps = self.exprs(c.comparators.iter())?;
                self.node("Compare", r, &[("left", l), ("ops", ops), ("comparators", comps)])
            }
            Expr::Call(c) => {
                let f = self.expr(&c.func)?;
                let (args, kws) = self.arguments(&c.arguments)?;
                self.node("Call", r, &[("func", f), ("args", args), ("keywords", kws)])
            }
            Expr::FString(f) => self.fstring(f),
            Expr::TString(t) => Err(self.vm.not_implemented_error(format!(
                "ast.parse: t-string (Python 3.14) at offset {}",
                u32::from(t.range.start())
            ))),
            Expr::StringLiteral(s) => {
                let v = self.vm.new_str(s.value.to_str());
                let kind = if s.value.is_unicode() { self.str("u") } else { Value::NONE };
                self.constant(v, kind, s.range)
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                let v = self.vm.new_bytes(bytes);
                self.constant(v, Value::NONE, b.range)
            }
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => self.int_literal(i, n.range)?,
                    ast::Number::Float(f) => Value::float(*f),
                    ast::Number::Complex { real, imag } => {
                        self.vm.alloc(self.vm.types.complex, Payload::Complex(*real, *imag))
                    }
                };
                self.constant(v, Value::NONE, n.range)
            }
            Expr::BooleanLiteral(b) => {
                let v = if b.value { Value::TRUE } else { Value::FALSE };
                self.constant(v, Value::NONE, b.range)
            }
            Expr::NoneLiteral(n) => self.constant(Value::NONE, Value::NONE, n.range),
            Expr::EllipsisLiteral(n) => self.constant(Value::ELLIPSIS, Value::NONE, n.range),
            Expr::Attribute(a) => {
                let v = self.expr(&a.value)?;
                let attr = self.str(a.attr.as_str());
                let ctx = self.ctx(a.ctx)?;
                self.node("Attribute", r, &[("value", v), ("attr", attr), ("ctx", ctx)])
            }
            Expr::Subscript(s) => {
                let v = self.expr(&s.value)?;
                let sl = self.expr(&s.slice)?;
                let ctx = self.ctx(s.ctx)?;
                self.node("Subscript", r, &[("value", v), ("slice", sl), ("ctx", ctx)])
            }
            Expr::Starred(s) => {
                let v = self.expr(&s.value)?;
                let ctx = self.ctx(s.ctx)?;
                self.node("Starred", r, &[("value", v), ("ctx", ctx)])
            }
            Expr::Name(n) => {
                let id = self.str(n.id.as_str());
                let ctx = self.ctx(n.ctx)?;
                self.node("Name", r, &[("id", id), ("ctx", ctx)])
            }
            Expr::List(l) => {
                let elts = self.exprs(&l.elts)?;
                let ctx = self.ctx(l.ctx)?;
                self.node("List", r, &[("elts", elts), ("ctx", ctx)])
            }
            Expr::Tuple(t) => {
                let elts = self.exprs(&t.elts)?;
                let ctx = self.ctx(t.ctx)?;
                self.node("Tuple", r, &[("elts", elts), ("ctx", ctx)])
            }
            Expr::Slice(s) => {
                let lo = self.opt_expr(s.lower.as_deref())?;
                let up = self.opt_expr(s.upper.as_deref())?;
                let st = self.opt_expr(s.step.as_deref())?;
                self.node("Slice", r, &[("lower", lo), ("upper", up), ("step", st)])
            }
            Expr::IpyEscapeCommand(_) => Err(self.vm.runtime_error("ast.parse: IPython escape command in the tree")),
        }
    }

    // ----- f-strings -----

    /// An f-string (with any implicitly concatenated parts) as a `JoinedStr`: adjacent
    /// literal text merged into one `Constant`, each replacement field a `FormattedValue`.
    /// As in CPython 3.11, the parts carry the position of the whole string.
    fn fstring(&mut self, f: &ast::ExprFString) -> PyResult<Value> {
        let mut parts: Vec<FPart> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => push_text(&mut parts, s.value.as_ref()),
                ast::FStringPart::FString(fs) => collect_elements(&fs.elements, fs.range, &mut parts),
            }
        }
        self.joined(parts, f.range, f.range)
    }

    /// A `JoinedStr` spanning `own`, its parts spanning `range`.
    fn joined(&mut self, parts: Vec<FPart>, own: TextRange, range: TextRange) -> PyResult<Value> {
        let mut values = Vec::new();
        for p in parts {
            match p {
                FPart::Text(s) => {
                    let v = self.vm.new_str(&s);
                    values.push(self.constant(v, Value::NONE, range)?);
                }
                FPart::Field(i, part_range) => {
                    let v = self.expr(&i.expression)?;
                    let conv = match i.conversion {
                        ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => b'r' as i64,
                        ast::ConversionFlag::None => -1,
                        ast::ConversionFlag::Str => b's' as i64,
                        ast::ConversionFlag::Repr => b'r' as i64,
                        ast::ConversionFlag::Ascii => b'a' as i64,
                    };
                    let conv = self.int(conv);
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let mut sp = Vec::new();
                            collect_elements(&spec.elements, part_range, &mut sp);
                            // CPython 3.11 spans a format spec over its own f-string part.
                            self.joined(sp, part_range, range)?
                        }
                        None => Value::NONE,
                    };
                    values.push(self.node(
                        "FormattedValue",
                        Some(range),
                        &[("value", v), ("conversion", conv), ("format_spec", spec)],
                    )?);
                }
            }
        }
        let values = self.list(values);
        self.node("JoinedStr", Some(own), &[("values", values)])
    }

    // ----- patterns -----

    fn patterns(&mut self, ps: &[Pattern]) -> PyResult<Value> {
        let mut items = Vec::new();
        for p in ps {
            items.push(self.pattern(p)?);
        }
        Ok(self.list(items))
    }

    fn pattern(&mut self, p: &Pattern) -> PyResult<Value> {
        let r = Some(p.range());
        match p {
            Pattern::MatchValue(v) => {
                let e = self.expr(&v.value)?;
                self.node("MatchValue", r, &[("value", e)])
            }
            Pattern::MatchSingleton(s) => {
                let v = match s.value {
                    ast::Singleton::None => Value::NONE,
                    ast::Singleton::True => Value::TRUE,
                    ast::Singleton::False => Value::FALSE,
                };
                self.node("MatchSingleton", r, &[("value", v)])
            }
            Pattern::MatchSequence(s) => {
                let ps = self.patterns(&s.patterns)?;
                self.node("MatchSequence", r, &[("patterns", ps)])
            }
            Pattern::MatchMapping(m) => {
                let keys = self.exprs(m.keys.iter())?;
                let ps = self.patterns(&m.patterns)?;
                let rest = self.opt_str(m.rest.as_ref());
                self.node("MatchMapping", r, &[("keys", keys), ("patterns", ps), ("rest", rest)])
            }
            Pattern::MatchClass(c) => {
                let cls = self.expr(&c.cls)?;
                let ps = self.patterns(&c.arguments.patterns)?;
                let attrs: Vec<Value> = c.arguments.keywords.iter().map(|k| self.vm.new_str(k.attr.as_str())).collect();
                let attrs = self.list(attrs);
                let mut kps = Vec::new();
                for k in &c.arguments.keywords {
                    kps.push(self.pattern(&k.pattern)?);
                }
                let kps = self.list(kps);
                self.node(
                    "MatchClass",
                    r,
                    &[("cls", cls), ("patterns", ps), ("kwd_attrs", attrs), ("kwd_patterns", kps)],
                )
            }
            Pattern::MatchStar(s) => {
                let name = self.opt_str(s.name.as_ref());
                self.node("MatchStar", r, &[("name", name)])
            }
            Pattern::MatchAs(a) => {
                let pat = match &a.pattern {
                    Some(p) => self.pattern(p)?,
                    None => Value::NONE,
                };
                let name = self.opt_str(a.name.as_ref());
                self.node("MatchAs", r, &[("pattern", pat), ("name", name)])
            }
            Pattern::MatchOr(o) => {
                let ps = self.patterns(&o.patterns)?;
                self.node("MatchOr", r, &[("patterns", ps)])
            }
        }
    }
}

/// A piece of a `JoinedStr`: literal text or a replacement field.
enum FPart<'a> {
    Text(String),
    /// The field and the range of the f-string part holding it.
    Field(&'a ast::InterpolatedElement, TextRange),
}

fn push_text(parts: &mut Vec<FPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Text(t)) = parts.last_mut() {
        t.push_str(s);
    } else {
        parts.push(FPart::Text(s.to_owned()));
    }
}

fn collect_elements<'a>(els: &'a ast::InterpolatedStringElements, part: TextRange, parts: &mut Vec<FPart<'a>>) {
    for el in els.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => push_text(parts, l.value.as_ref()),
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(dbg) = &i.debug_text {
                    push_text(parts, dbg.as_str());
                }
                parts.push(FPart::Field(i, part));
            }
        }
    }
}
