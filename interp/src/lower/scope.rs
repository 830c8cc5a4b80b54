//! Scope analysis: which names are local, cell, free or global in every scope, following
//! CPython 3.11's `symtable.c` so that programs resolve names exactly as there.
//!
//! Two passes. `Collector` walks the AST once and records, per scope (module, class,
//! function, lambda, comprehension), every name with how it is used (assigned, parameter,
//! imported, declared global/nonlocal, read) and reports the declaration errors CPython's
//! symbol table reports. `analyze` then resolves each name top-down, passing the names
//! bound by enclosing functions to nested scopes and bubbling free variables up, which
//! turns captured locals into cells. Class scopes are skipped by nested functions (their
//! names live in a dict at run time), but a class body can still read an enclosing
//! function's variable (free in the class) and carries the `__class__` cell that
//! zero-argument `super()` needs.
//!
//! Scopes are keyed by the address of their AST node, which is stable while the tree lives.

use hashbrown::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::syntax_error::{CResult, CompileError};

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    /// Function-like scopes keep their variables in frame slots.
    pub fn is_function(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_))
    }
}

pub mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    /// A class-level name that a method also uses as a free variable of an enclosing
    /// function: the class body must pass the cell through.
    pub const DEF_FREE_CLASS: u32 = 32;
    pub const DEF_IMPORT: u32 = 64;
    pub const DEF_ANNOT: u32 = 128;
    /// Bound as a comprehension iteration variable.
    pub const DEF_COMP_ITER: u32 = 256;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flags::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

#[derive(Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: NameScope,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// `def`/`class` name, `<lambda>`, `<listcomp>`... (unmangled).
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Where each global/nonlocal declaration was made (for errors found in analysis).
    directives: HashMap<String, TextRange>,
    /// Parameter names (mangled) in slot order: positional-only, positional, keyword-only,
    /// `*args`, `**kwargs`.
    pub params: Vec<String>,
    pub is_generator: bool,
    pub is_async: bool,
    /// Names that may become unbound again (`del x`, `except ... as x`).
    pub deleted: HashSet<String>,
    /// A class body whose methods use `__class__`/`super`: it owns a `__class__` cell.
    pub needs_class_closure: bool,
    /// Class name used for private-name mangling inside this scope.
    pub private: Option<String>,
    pub range: TextRange,
    /// Counts nesting inside comprehension iterable expressions (walrus is banned there).
    comp_iter_expr: u32,
    comp_iter_target: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: String, parent: Option<ScopeId>, private: Option<String>, range: TextRange) -> Scope {
        Scope {
            kind,
            name,
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            directives: HashMap::new(),
            params: Vec::new(),
            is_generator: false,
            is_async: false,
            deleted: HashSet::new(),
            needs_class_closure: false,
            private,
            range,
            comp_iter_expr: 0,
            comp_iter_target: false,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// Resolved scope of a (mangled) name; names never seen are global.
    pub fn scope_of(&self, name: &str) -> NameScope {
        self.lookup(name).map_or(NameScope::GlobalImplicit, |s| s.scope)
    }

    /// Cell variables, in symbol order (plus `__class__` for classes that need it).
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.symbols.iter().filter(|s| s.scope == NameScope::Cell).map(|s| s.name.clone()).collect();
        if self.kind == ScopeKind::Class && self.needs_class_closure {
            v.push("__class__".into());
        }
        v
    }

    /// Free variables, in symbol order (for classes, also class-local names whose cells
    /// methods need).
    pub fn freevars(&self) -> Vec<String> {
        self.symbols
            .iter()
            .filter(|s| s.scope == NameScope::Free || (self.kind == ScopeKind::Class && s.flags & DEF_FREE_CLASS != 0))
            .map(|s| s.name.clone())
            .collect()
    }

    fn add(&mut self, name: &str, flag: u32) -> u32 {
        let flag = if flag & DEF_LOCAL != 0 && self.comp_iter_target { flag | DEF_COMP_ITER } else { flag };
        match self.index.get(name) {
            Some(&i) => {
                self.symbols[i].flags |= flag;
                self.symbols[i].flags
            }
            None => {
                self.index.insert(name.to_owned(), self.symbols.len());
                self.symbols.push(Symbol { name: name.to_owned(), flags: flag, scope: NameScope::GlobalImplicit });
                flag
            }
        }
    }
}

#[derive(Debug)]
pub struct ScopeTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl ScopeTable {
    /// The scope created by the AST node at `node` (function def, class def, lambda,
    /// comprehension).
    pub fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    pub fn get(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }
}

/// Private-name mangling (`__x` inside `class C` is `_C__x`).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(p) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = p.trim_start_matches('_');
            if !stripped.is_empty() {
                return format!("_{stripped}{name}");
            }
        }
    }
    name.to_owned()
}

/// Maximum AST nesting the analysis and lowering follow before reporting RecursionError
/// (keeps Rust recursion bounded on pathological input).
pub const MAX_DEPTH: u32 = 2980;

struct Collector {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    cur: ScopeId,
    depth: u32,
}

/// Builds and resolves the scopes of a module (or of a single expression for `eval`).
pub fn build_module(body: &[Stmt], range: TextRange) -> CResult<ScopeTable> {
    let mut c = Collector::start(range);
    c.stmts(body)?;
    c.finish()
}

pub fn build_expression(e: &Expr, range: TextRange) -> CResult<ScopeTable> {
    let mut c = Collector::start(range);
    c.expr(e)?;
    c.finish()
}

const GLOBAL_PARAM: &str = "name '{}' is parameter and global";
const GLOBAL_AFTER_USE: &str = "name '{}' is used prior to global declaration";
const GLOBAL_ANNOT: &str = "annotated name '{}' can't be global";
const GLOBAL_AFTER_ASSIGN: &str = "name '{}' is assigned to before global declaration";
const NONLOCAL_PARAM: &str = "name '{}' is parameter and nonlocal";
const NONLOCAL_AFTER_USE: &str = "name '{}' is used prior to nonlocal declaration";
const NONLOCAL_ANNOT: &str = "annotated name '{}' can't be nonlocal";
const NONLOCAL_AFTER_ASSIGN: &str = "name '{}' is assigned to before nonlocal declaration";

fn fmt1(tmpl: &str, name: &str) -> String {
    tmpl.replacen("{}", name, 1)
}

impl Collector {
    fn start(range: TextRange) -> Collector {
        Collector {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>".into(), None, None, range)],
            by_node: HashMap::new(),
            cur: 0,
            depth: 0,
        }
    }

    fn finish(mut self) -> CResult<ScopeTable> {
        let mut global = HashSet::new();
        let mut free = HashSet::new();
        analyze_block(&mut self.scopes, 0, None, &mut free, &mut global)?;
        Ok(ScopeTable { scopes: self.scopes, by_node: self.by_node })
    }

    fn sc(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.scopes[self.cur].private.as_deref(), name)
    }

    fn add_def(&mut self, name: &str, flag: u32) -> u32 {
        let m = self.mangled(name);
        self.sc().add(&m, flag)
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind, name: &str, range: TextRange) -> ScopeId {
        let private =
            if kind == ScopeKind::Class { Some(name.to_owned()) } else { self.scopes[self.cur].private.clone() };
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name.to_owned(), Some(self.cur), private, range));
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.cur = id;
        id
    }

    fn leave(&mut self) {
        self.cur = self.scopes[self.cur].parent.unwrap_or(0);
    }

    fn deeper(&mut self, range: TextRange) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion(range));
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params_defaults(&mut self, p: &ast::Parameters) -> CResult<()> {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn params_annotations(&mut self, p: &ast::Parameters) -> CResult<()> {
        for a in p.posonlyargs.iter().chain(&p.args) {
            if let Some(an) = &a.parameter.annotation {
                self.expr(an)?;
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                self.expr(an)?;
            }
        }
        for a in &p.kwonlyargs {
            if let Some(an) = &a.parameter.annotation {
                self.expr(an)?;
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(an) = &v.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    /// Defines the parameters in the current (new) scope.
    fn define_params(&mut self, p: &ast::Parameters) -> CResult<()> {
        let mut names: Vec<&ast::Identifier> = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            names.push(&a.parameter.name);
        }
        for a in &p.kwonlyargs {
            names.push(&a.parameter.name);
        }
        let mut order: Vec<&ast::Identifier> = names.clone();
        // Slot order puts *args before keyword-only parameters? No: cfg.rs says
        // positional, then keyword-only, then *args, then **kwargs.
        if let Some(v) = &p.vararg {
            order.push(&v.name);
        }
        if let Some(v) = &p.kwarg {
            order.push(&v.name);
        }
        // Duplicates are reported in source order (vararg sits between positional and
        // keyword-only parameters in the source).
        let mut source_order: Vec<&ast::Identifier> = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            source_order.push(&a.parameter.name);
        }
        if let Some(v) = &p.vararg {
            source_order.push(&v.name);
        }
        for a in &p.kwonlyargs {
            source_order.push(&a.parameter.name);
        }
        if let Some(v) = &p.kwarg {
            source_order.push(&v.name);
        }
        let mut seen = HashSet::new();
        for id in &source_order {
            if id.as_str() == "__debug__" {
                return Err(CompileError::syntax("cannot assign to __debug__", id.range));
            }
            let m = self.mangled(id.as_str());
            if !seen.insert(m) {
                return Err(CompileError::syntax(
                    format!("duplicate argument '{}' in function definition", id.as_str()),
                    id.range,
                ));
            }
        }
        for id in order {
            let m = self.mangled(id.as_str());
            self.sc().add(&m, DEF_PARAM);
            self.sc().params.push(m);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.deeper(s.range())?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(f.name.as_str(), DEF_LOCAL);
                self.params_defaults(&f.parameters)?;
                self.params_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(f, ScopeKind::Function, f.name.as_str(), f.range);
                self.sc().is_async = f.is_async;
                self.define_params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                self.add_def(c.name.as_str(), DEF_LOCAL);
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(c, ScopeKind::Class, c.name.as_str(), c.range);
                self.stmts(&c.body)?;
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => {
                return Err(CompileError::syntax("invalid syntax", t.range));
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.expr(t)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.scopes[self.cur].flags_of(&self.mangled(n.id.as_str()));
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur != 0 && a.simple {
                        let t = if cur & DEF_GLOBAL != 0 { GLOBAL_ANNOT } else { NONLOCAL_ANNOT };
                        return Err(CompileError::syntax(fmt1(t, n.id.as_str()), s.range()));
                    }
                    if a.simple {
                        self.add_def(n.id.as_str(), DEF_ANNOT | DEF_LOCAL);
                    } else if a.value.is_some() {
                        self.add_def(n.id.as_str(), DEF_LOCAL);
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.expr(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n.as_str(), DEF_LOCAL);
                        let m = self.mangled(n.as_str());
                        self.sc().deleted.insert(m);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let stored = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.as_str().split('.').next().unwrap_or(""),
                    };
                    self.add_def(stored, DEF_IMPORT);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.scopes[self.cur].kind != ScopeKind::Module {
                            return Err(CompileError::syntax("import * only allowed at module level", a.range));
                        }
                        continue;
                    }
                    let stored = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(stored.as_str(), DEF_IMPORT);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let name = self.mangled(n.as_str());
                    let cur = self.scopes[self.cur].flags_of(&name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let t = if cur & DEF_PARAM != 0 {
                            GLOBAL_PARAM
                        } else if cur & USE != 0 {
                            GLOBAL_AFTER_USE
                        } else if cur & DEF_ANNOT != 0 {
                            GLOBAL_ANNOT
                        } else {
                            GLOBAL_AFTER_ASSIGN
                        };
                        return Err(CompileError::syntax(fmt1(t, n.as_str()), s.range()));
                    }
                    self.sc().add(&name, DEF_GLOBAL);
                    self.sc().directives.entry(name).or_insert(s.range());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let name = self.mangled(n.as_str());
                    let cur = self.scopes[self.cur].flags_of(&name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let t = if cur & DEF_PARAM != 0 {
                            NONLOCAL_PARAM
                        } else if cur & USE != 0 {
                            NONLOCAL_AFTER_USE
                        } else if cur & DEF_ANNOT != 0 {
                            NONLOCAL_ANNOT
                        } else {
                            NONLOCAL_AFTER_ASSIGN
                        };
                        return Err(CompileError::syntax(fmt1(t, n.as_str()), s.range()));
                    }
                    if self.cur == 0 {
                        return Err(CompileError::syntax(
                            "nonlocal declaration not allowed at module level",
                            s.range(),
                        ));
                    }
                    self.sc().add(&name, DEF_NONLOCAL);
                    self.sc().directives.entry(name).or_insert(s.range());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(e) => return Err(CompileError::syntax("invalid syntax", e.range)),
        }
        Ok(())
    }

    fn pattern(&mut self, p: &ast::Pattern) -> CResult<()> {
        use ast::Pattern as P;
        self.deeper(p.range())?;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for q in &m.patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r.as_str(), DEF_LOCAL);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in &c.arguments.patterns {
                    self.pattern(q)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n.as_str(), DEF_LOCAL);
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n.as_str(), DEF_LOCAL);
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        self.deeper(e.range())?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn exprs(&mut self, es: &[Expr]) -> CResult<()> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::Named(n) => {
                if self.scopes[self.cur].comp_iter_expr > 0 {
                    return Err(CompileError::syntax(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                if matches!(self.scopes[self.cur].kind, ScopeKind::Comprehension(_)) {
                    self.extend_namedexpr_scope(&n.target)?;
                }
                self.expr(&n.value)?;
                self.expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.params_defaults(p)?;
                }
                self.enter(l, ScopeKind::Lambda, "<lambda>", l.range);
                if let Some(p) = &l.parameters {
                    self.define_params(p)?;
                }
                self.expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k)?;
                    }
                    self.expr(&it.value)?;
                }
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::ListComp(c) => self.comprehension(c, CompKind::List, &c.generators, &c.elt, None, c.range)?,
            Expr::SetComp(c) => self.comprehension(c, CompKind::Set, &c.generators, &c.elt, None, c.range)?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c, CompKind::Dict, &c.generators, k, Some(&c.value), c.range)?,
                None => {
                    return Err(CompileError::syntax("dict unpacking cannot be used in dict comprehension", c.range))
                }
            },
            Expr::Generator(c) => self.comprehension(c, CompKind::Gen, &c.generators, &c.elt, None, c.range)?,
            Expr::Await(a) => {
                self.expr(&a.value)?;
                // An `await` makes a comprehension a coroutine (CPython's ste_coroutine).
                if matches!(self.sc().kind, ScopeKind::Comprehension(_)) {
                    self.sc().is_async = true;
                }
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
                self.mark_yield(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.mark_yield(y.range)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(CompileError::syntax("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => {
                    self.add_def(n.id.as_str(), USE);
                    if n.id.as_str() == "super" && self.scopes[self.cur].kind.is_function() {
                        self.sc().add("__class__", USE);
                    }
                }
                ctx => {
                    if n.id.as_str() == "__debug__" {
                        let verb = if ctx == ast::ExprContext::Del { "delete" } else { "assign to" };
                        return Err(CompileError::syntax(format!("cannot {verb} __debug__"), n.range));
                    }
                    self.add_def(n.id.as_str(), DEF_LOCAL);
                    if ctx == ast::ExprContext::Del {
                        let m = self.mangled(n.id.as_str());
                        self.sc().deleted.insert(m);
                    }
                }
            },
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            Expr::IpyEscapeCommand(i) => return Err(CompileError::syntax("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> CResult<()> {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, range: TextRange) -> CResult<()> {
        let sc = &mut self.scopes[self.cur];
        sc.is_generator = true;
        if let ScopeKind::Comprehension(k) = sc.kind {
            let what = match k {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Gen => "generator expression",
            };
            return Err(CompileError::syntax(format!("'yield' inside {what}"), range));
        }
        Ok(())
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        kind: CompKind,
        gens: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        range: TextRange,
    ) -> CResult<()> {
        let Some(first) = gens.first() else {
            return Err(CompileError::syntax("invalid syntax", range));
        };
        self.sc().comp_iter_expr += 1;
        let r = self.expr(&first.iter);
        self.sc().comp_iter_expr -= 1;
        r?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        self.enter(node, ScopeKind::Comprehension(kind), name, range);
        if kind == CompKind::Gen {
            self.sc().is_generator = true;
        }
        if gens.iter().any(|g| g.is_async) {
            self.sc().is_async = true;
        }
        self.sc().add(".0", DEF_PARAM);
        self.sc().params.push(".0".into());
        for (i, g) in gens.iter().enumerate() {
            self.sc().comp_iter_target = true;
            let r = self.expr(&g.target);
            self.sc().comp_iter_target = false;
            r?;
            if i > 0 {
                self.sc().comp_iter_expr += 1;
                let r = self.expr(&g.iter);
                self.sc().comp_iter_expr -= 1;
                r?;
            }
            self.exprs(&g.ifs)?;
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let inner_async = self.sc().is_async && kind != CompKind::Gen;
        self.leave();
        // 3.11: a comprehension containing an asynchronous comprehension becomes
        // asynchronous itself (it awaits the inner one).
        if inner_async && matches!(self.sc().kind, ScopeKind::Comprehension(_)) {
            self.sc().is_async = true;
        }
        Ok(())
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function (or the
    /// module), not in the comprehension.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> CResult<()> {
        let Expr::Name(n) = target else { return Ok(()) };
        let name = self.mangled(n.id.as_str());
        let mut i = self.cur;
        loop {
            let sc = &self.scopes[i];
            match sc.kind {
                ScopeKind::Comprehension(_) => {
                    if sc.flags_of(&name) & DEF_COMP_ITER != 0 {
                        return Err(CompileError::syntax(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{}'",
                                n.id.as_str()
                            ),
                            n.range,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let in_target = sc.flags_of(&name);
                    if in_target & DEF_GLOBAL != 0 {
                        self.sc().add(&name, DEF_GLOBAL);
                    } else {
                        self.sc().add(&name, DEF_NONLOCAL);
                    }
                    let r = n.range;
                    self.sc().directives.entry(name.clone()).or_insert(r);
                    self.scopes[i].add(&name, DEF_LOCAL);
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.sc().add(&name, DEF_GLOBAL);
                    let r = n.range;
                    self.sc().directives.entry(name.clone()).or_insert(r);
                    self.scopes[i].add(&name, DEF_GLOBAL);
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(CompileError::syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
            }
            match sc.parent {
                Some(p) => i = p,
                None => return Ok(()),
            }
        }
    }
}

/// CPython's `analyze_block`: resolves the names of scope `id` given the names bound by
/// enclosing functions (`bound`, None at module level) and declared global (`global`);
/// adds the scope's free variables to `free`.
fn analyze_block(
    scopes: &mut Vec<Scope>,
    id: ScopeId,
    mut bound: Option<&mut HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> CResult<()> {
    let kind = scopes[id].kind;
    let mut local: HashSet<String> = HashSet::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }
    let n = scopes[id].symbols.len();
    let mut resolved: Vec<NameScope> = Vec::with_capacity(n);
    for i in 0..n {
        let (name, fl) = {
            let s = &scopes[id].symbols[i];
            (s.name.clone(), s.flags)
        };
        let directive = || scopes[id].directives.get(&name).copied().unwrap_or(scopes[id].range);
        let sc = if fl & DEF_GLOBAL != 0 {
            if fl & DEF_NONLOCAL != 0 {
                return Err(CompileError::syntax(format!("name '{name}' is nonlocal and global"), directive()));
            }
            global.insert(name.clone());
            if let Some(b) = bound.as_deref_mut() {
                b.remove(&name);
            }
            NameScope::GlobalExplicit
        } else if fl & DEF_NONLOCAL != 0 {
            match bound.as_deref() {
                None => {
                    return Err(CompileError::syntax("nonlocal declaration not allowed at module level", directive()))
                }
                Some(b) if !b.contains(&name) => {
                    return Err(CompileError::syntax(format!("no binding for nonlocal '{name}' found"), directive()))
                }
                Some(_) => {}
            }
            free.insert(name.clone());
            NameScope::Free
        } else if fl & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(&name);
            NameScope::Local
        } else if bound.as_deref().is_some_and(|b| b.contains(&name)) {
            free.insert(name.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.push(sc);
    }
    if kind != ScopeKind::Class {
        if kind.is_function() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".into());
    }
    let children = scopes[id].children.clone();
    let mut allfree: HashSet<String> = HashSet::new();
    for c in children {
        let mut tb = newbound.clone();
        let mut tf = newfree.clone();
        let mut tg = newglobal.clone();
        analyze_block(scopes, c, Some(&mut tb), &mut tf, &mut tg)?;
        allfree.extend(tf);
    }
    newfree.extend(allfree);
    if kind.is_function() {
        for (i, r) in resolved.iter_mut().enumerate() {
            if *r == NameScope::Local && newfree.remove(&scopes[id].symbols[i].name) {
                *r = NameScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        scopes[id].needs_class_closure = true;
    }
    // update_symbols
    for (i, r) in resolved.into_iter().enumerate() {
        scopes[id].symbols[i].scope = r;
    }
    let mut extra: Vec<String> = newfree.iter().cloned().collect();
    extra.sort();
    for name in extra {
        if let Some(&i) = scopes[id].index.get(&name) {
            if kind == ScopeKind::Class && scopes[id].symbols[i].flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                scopes[id].symbols[i].flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound.as_deref() {
            if !b.contains(&name) {
                continue;
            }
        }
        let sc = &mut scopes[id];
        sc.index.insert(name.clone(), sc.symbols.len());
        sc.symbols.push(Symbol { name, flags: 0, scope: NameScope::Free });
    }
    free.extend(newfree);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> ScopeTable {
        let parsed = ruff_python_parser::parse_module(src).expect("parse");
        let m = parsed.syntax();
        build_module(&m.body, m.range).expect("scopes")
    }

    fn find<'a>(t: &'a ScopeTable, name: &str) -> &'a Scope {
        t.scopes.iter().find(|s| s.name == name).expect("scope")
    }

    #[test]
    fn locals_cells_frees() {
        let t = table("def f(a):\n    b = 1\n    def g():\n        return a + c\n    return g\nc = 2\n");
        let f = find(&t, "f");
        assert_eq!(f.scope_of("a"), NameScope::Cell);
        assert_eq!(f.scope_of("b"), NameScope::Local);
        assert_eq!(f.scope_of("g"), NameScope::Local);
        let g = find(&t, "g");
        assert_eq!(g.scope_of("a"), NameScope::Free);
        assert_eq!(g.scope_of("c"), NameScope::GlobalImplicit);
        assert_eq!(f.cellvars(), vec!["a".to_string()]);
        assert_eq!(g.freevars(), vec!["a".to_string()]);
    }

    #[test]
    fn class_scope_is_skipped_and_class_cell() {
        let t = table("def outer():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x, super()\n    return C\n");
        let c = find(&t, "C");
        assert_eq!(c.scope_of("x"), NameScope::Local);
        assert!(c.flags_of("x") & DEF_FREE_CLASS != 0);
        assert!(c.needs_class_closure);
        assert_eq!(c.cellvars(), vec!["__class__".to_string()]);
        let m = find(&t, "m");
        assert_eq!(m.scope_of("x"), NameScope::Free);
        assert_eq!(m.scope_of("__class__"), NameScope::Free);
        let o = find(&t, "outer");
        assert_eq!(o.scope_of("x"), NameScope::Cell);
    }

    #[test]
    fn global_and_nonlocal() {
        let t =
            table("def f():\n    global g\n    g = 1\n    n = 0\n    def h():\n        nonlocal n\n        n += 1\n");
        let f = find(&t, "f");
        assert_eq!(f.scope_of("g"), NameScope::GlobalExplicit);
        assert_eq!(f.scope_of("n"), NameScope::Cell);
        assert_eq!(find(&t, "h").scope_of("n"), NameScope::Free);
    }

    #[test]
    fn declaration_errors() {
        let src = "def f():\n    x = 1\n    global x\n";
        let parsed = ruff_python_parser::parse_module(src).expect("parse");
        let e = build_module(&parsed.syntax().body, parsed.syntax().range).unwrap_err();
        assert_eq!(e.msg, "name 'x' is assigned to before global declaration");
        let src = "def f():\n    nonlocal y\n";
        let parsed = ruff_python_parser::parse_module(src).expect("parse");
        let e = build_module(&parsed.syntax().body, parsed.syntax().range).unwrap_err();
        assert_eq!(e.msg, "no binding for nonlocal 'y' found");
    }

    #[test]
    fn walrus_in_comprehension_binds_outside() {
        let t = table("def f(xs):\n    [y := v for v in xs]\n    return y\n");
        let f = find(&t, "f");
        assert_eq!(f.scope_of("y"), NameScope::Cell);
        let c = find(&t, "<listcomp>");
        assert_eq!(c.scope_of("y"), NameScope::Free);
        assert_eq!(c.scope_of("v"), NameScope::Local);
        assert_eq!(c.scope_of("xs"), NameScope::GlobalImplicit);
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
