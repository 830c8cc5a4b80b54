//! Tracebacks: recording frames as exceptions propagate, and printing them in CPython's
//! format (chained exceptions, SyntaxError's caret).
//!
//! The text follows CPython 3.11's `PyErr_Display`: the exception chain oldest first,
//! joined by the "direct cause" / "during handling" banners; each traceback entry as
//! `File "...", line N, in name` plus the stripped source line; runs of more than three
//! identical entries collapsed into "[Previous line repeated N more times]"; the final
//! `module.Type: message` line (module omitted for `builtins` and `__main__`), then any
//! `__notes__`.

use std::collections::HashSet;

use crate::cfg::Source;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";
/// Identical consecutive entries beyond this many are summarized.
const RECURSIVE_CUTOFF: usize = 3;
/// `sys.tracebacklimit`'s default: only the innermost entries are shown.
const TRACEBACK_LIMIT: usize = 1000;

thread_local! {
    /// Source files of pure-Python modules that stand in for CPython C modules, with the
    /// qualified names of their functions that CPython implements in C (a name ending in
    /// `.` covers a class's methods; an empty list covers the whole file).
    static STAND_IN_FILES: std::cell::RefCell<Vec<(String, &'static [&'static str])>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Declares that the functions `qualnames` of the module file `file` (all of them when
/// `qualnames` is empty) are, in CPython, C code: exceptions passing through their frames
/// get no traceback entry for them, so tracebacks look as CPython's do (datetime.py for
/// `_datetime`, `asyncio.Future` for `_asyncio.Future`).
pub fn hide_stand_in_frames(file: &str, qualnames: &'static [&'static str]) {
    STAND_IN_FILES.with(|f| {
        let mut f = f.borrow_mut();
        if !f.iter().any(|(n, _)| n == file) {
            f.push((file.to_owned(), qualnames));
        }
    });
}

/// True when frames of `code` stand for C code in CPython (see `hide_stand_in_frames`).
pub fn is_stand_in_code(code: &crate::cfg::Code) -> bool {
    STAND_IN_FILES.with(|f| {
        let f = f.borrow();
        if f.is_empty() {
            return false;
        }
        let Some((_, names)) = f.iter().find(|(n, _)| *n == code.source.filename) else {
            return false;
        };
        if names.is_empty() {
            return true;
        }
        let q = code.qualname.as_rstr().unwrap_or("");
        names.iter().any(|n| if n.ends_with('.') { q.starts_with(n) } else { q == *n })
    })
}

/// How many traceback entries to print: `sys.tracebacklimit` when it is an int (0 when it
/// is not positive: then not even the "Traceback" header is printed), else the default.
fn traceback_limit(vm: &mut Vm) -> usize {
    let Some(Payload::Module(m)) = vm.sys.as_obj().map(|o| &o.payload) else {
        return TRACEBACK_LIMIT;
    };
    let d = m.dict;
    let k = vm.intern("tracebacklimit");
    let Some(v) = vm.dict_get_str(d, k) else {
        return TRACEBACK_LIMIT;
    };
    if let Some(b) = v.as_bool() {
        return usize::from(b);
    }
    if let Some(i) = v.as_small_int() {
        return usize::try_from(i).unwrap_or(0);
    }
    match v.as_bigint() {
        Some(i) if i.sign() == num_bigint::Sign::Minus => 0,
        Some(_) => usize::MAX,
        None => TRACEBACK_LIMIT,
    }
}

/// Exception groups nested deeper than this are elided.
const MAX_GROUP_DEPTH: usize = 10;
/// Only this many members of a group are shown.
const MAX_GROUP_WIDTH: usize = 15;

/// The full text CPython prints to stderr for an uncaught exception `exc` (with its
/// chain), ending in a newline.
pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut ctx = Ctx { depth: 0, need_close: false, seen: HashSet::new() };
    let mut out = String::new();
    format_chain(vm, exc, &mut ctx, &mut out);
    out
}

/// State of the exception-group box drawing (CPython's `_ExceptionPrintContext`).
struct Ctx {
    depth: usize,
    need_close: bool,
    seen: HashSet<u64>,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text` with every line prefixed by the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// `exc` with the exceptions it was chained from, oldest first. Nested exception groups
/// recurse, at most `MAX_GROUP_DEPTH` deep; the chain itself is walked iteratively.
fn format_chain(vm: &mut Vm, exc: Value, ctx: &mut Ctx, out: &mut String) {
    let mut chain: Vec<(Value, Option<&'static str>)> = Vec::new();
    let mut cur = exc;
    let mut link = None;
    loop {
        ctx.seen.insert(cur.bits());
        chain.push((cur, link));
        let Some(ed) = cur.as_obj().and_then(|o| o.as_exception()) else {
            break;
        };
        let cause = ed.cause.get();
        let context = ed.context.get();
        if is_exception(cause) {
            if ctx.seen.contains(&cause.bits()) {
                break;
            }
            cur = cause;
            link = Some(CAUSE_MESSAGE);
            continue;
        }
        if ed.suppress_context.get() || !is_exception(context) || ctx.seen.contains(&context.bits()) {
            break;
        }
        cur = context;
        link = Some(CONTEXT_MESSAGE);
    }
    // chain[i + 1] is what chain[i] was chained from, through the link stored with
    // chain[i + 1]; print oldest first, each followed by the banner leading to the next
    // newer one.
    for i in (0..chain.len()).rev() {
        let e = chain[i].0;
        match group_members(vm, e) {
            None => {
                let mut text = String::new();
                format_single(vm, e, &mut text);
                ctx.emit(out, &text, '|');
            }
            Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                ctx.emit(out, &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
            }
            Some(members) => format_group(vm, e, &members, ctx, out),
        }
        if i > 0 {
            if let Some(m) = chain[i].1 {
                ctx.emit(out, m, '|');
            }
        }
    }
}

/// The members of an exception group, or None for other exceptions.
fn group_members(vm: &mut Vm, exc: Value) -> Option<Vec<Value>> {
    if !vm.isinstance(exc, vm.exc.base_exception_group) {
        return None;
    }
    let m = super::exc::slot_get(vm, exc, "exceptions");
    m.as_tuple().map(|t| t.to_vec())
}

/// An exception group: its own traceback and message, then each member in a box.
fn format_group(vm: &mut Vm, exc: Value, members: &[Value], ctx: &mut Ctx, out: &mut String) {
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    let tb = exc.as_obj().and_then(|o| o.as_exception()).map(|e| e.traceback.get()).unwrap_or(Value::NONE);
    let limit = traceback_limit(vm);
    if limit > 0 && tb.as_obj().is_some_and(|o| matches!(o.payload, Payload::Traceback(_))) {
        let margin = if toplevel { '+' } else { '|' };
        ctx.emit(out, "Exception Group Traceback (most recent call last):\n", margin);
        let mut text = String::new();
        format_tb(tb, limit, &mut text);
        ctx.emit(out, &text, '|');
    }
    let mut text = String::new();
    format_exception_only(vm, exc, &mut text);
    ctx.emit(out, &text, '|');
    let n = if members.len() <= MAX_GROUP_WIDTH { members.len() } else { MAX_GROUP_WIDTH + 1 };
    ctx.need_close = false;
    for i in 0..n {
        let last = i + 1 == n;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_owned() } else { (i + 1).to_string() };
        out.push_str(&ctx.indent());
        out.push_str(if i == 0 { "+-" } else { "  " });
        out.push_str(&format!("+---------------- {title} ----------------\n"));
        ctx.depth += 1;
        if truncated {
            let remaining = members.len() - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            ctx.emit(out, &format!("and {remaining} more exception{plural}\n"), '|');
        } else {
            format_chain(vm, members[i], ctx, out);
        }
        if last && ctx.need_close {
            out.push_str(&ctx.indent());
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

fn is_exception(v: Value) -> bool {
    v.as_obj().and_then(|o| o.as_exception()).is_some()
}

/// One exception: its traceback, then its final line(s).
/// One exception with its traceback and no chained exceptions: what CPython's default
/// `sys.unraisablehook` prints after "Exception ignored in: ...".
pub fn format_unraisable(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    format_single(vm, exc, &mut out);
    out
}

fn format_single(vm: &mut Vm, exc: Value, out: &mut String) {
    let tb = exc.as_obj().and_then(|o| o.as_exception()).map(|e| e.traceback.get()).unwrap_or(Value::NONE);
    let limit = traceback_limit(vm);
    if limit > 0 && tb.as_obj().is_some_and(|o| matches!(o.payload, Payload::Traceback(_))) {
        out.push_str("Traceback (most recent call last):\n");
        format_tb(tb, limit, out);
    }
    format_exception_only(vm, exc, out);
}

/// The entries of a traceback chain, oldest first (only the innermost `limit`).
fn format_tb(tb: Value, limit: usize, out: &mut String) {
    let mut entries: Vec<Value> = Vec::new();
    let mut cur = tb;
    while let Some(Payload::Traceback(t)) = cur.as_obj().map(|o| &o.payload) {
        let next = t.next.get();
        entries.push(cur);
        cur = next;
    }
    let skip = entries.len().saturating_sub(limit);
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    let mut file_cache: Option<(String, bool)> = None;
    for tv in &entries[skip..] {
        let Some(Payload::Traceback(t)) = tv.as_obj().map(|o| &o.payload) else {
            continue;
        };
        let key = (t.code.filename().to_owned(), t.lineno, t.code.name.as_rstr().unwrap_or("?").to_owned());
        if last.as_ref() != Some(&key) {
            if count > RECURSIVE_CUTOFF {
                repeated(out, count - RECURSIVE_CUTOFF);
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                t.code.filename(),
                t.lineno,
                t.code.name.as_rstr().unwrap_or("?")
            ));
            let line = t.code.source.line_text(t.lineno);
            let stripped = line.trim();
            if !stripped.is_empty() && source_file_exists(&mut file_cache, t.code.filename()) {
                out.push_str("    ");
                out.push_str(stripped);
                out.push('\n');
                if let Some(c) = caret_line(&t.code.source, t.lineno, t.span) {
                    out.push_str(&c);
                }
            }
        }
    }
    if count > RECURSIVE_CUTOFF {
        repeated(out, count - RECURSIVE_CUTOFF);
    }
}

/// Whether a frame's source line can be shown: CPython reads it from the file named by the
/// code object, so code from `exec`/`compile` of a string (`<string>`, a dataclass's generated
/// `__init__`, a made-up filename) prints no source line. `cache` remembers the last answer.
fn source_file_exists(cache: &mut Option<(String, bool)>, filename: &str) -> bool {
    if let Some((name, exists)) = cache {
        if name == filename {
            return *exists;
        }
    }
    let exists = std::path::Path::new(filename).is_file();
    *cache = Some((filename.to_owned(), exists));
    exists
}

/// The 3.11 location markers under a source line: `^` under the failing expression, or
/// `~~~^^^~~~` for binary operators and subscripts (the operator or index in `^`). None
/// when the expression covers the whole line, as CPython then prints no markers.
fn caret_line(source: &Source, lineno: u32, span: (u32, u32)) -> Option<String> {
    let (s, e) = span;
    if e <= s {
        return None;
    }
    let line = source.line_text(lineno);
    let line_start = *source.line_starts.get(lineno.checked_sub(1)? as usize)? as usize;
    let colno = (s as usize).checked_sub(line_start)?;
    let end_line = source.line_of(e.saturating_sub(1).max(s));
    let char_col = |bytes: usize| line.get(..bytes.min(line.len())).map(|p| p.chars().count());
    let start_col = char_col(colno)?;
    let line_chars = line.chars().count();
    let mut anchors = None;
    let end_col = if end_line == lineno {
        let end_col = char_col((e as usize).checked_sub(line_start)?)?;
        let seg_start = line.char_indices().nth(start_col).map(|(i, _)| i)?;
        let seg_end = line.char_indices().nth(end_col).map(|(i, _)| i).unwrap_or(line.len());
        anchors = segment_anchors(line.get(seg_start..seg_end)?);
        end_col
    } else {
        line_chars
    };
    let stripped = line.trim();
    let leading = line.chars().take_while(|c| c.is_whitespace()).count();
    let width = end_col.checked_sub(start_col)?;
    let stripped_len = stripped.chars().count();
    let show = width < stripped_len || anchors.is_some_and(|(l, r)| r > l);
    if !show {
        return None;
    }
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(start_col.saturating_sub(leading)));
    match anchors {
        Some((l, r)) => {
            let (l, r) = (l.min(width), r.min(width));
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r.saturating_sub(l)));
            out.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    out.push('\n');
    Some(out)
}

/// The text of `span` in `source`, if it is a valid range.
fn span_text(source: &Source, span: (u32, u32)) -> Option<&str> {
    source.text.get(span.0 as usize..span.1 as usize)
}

/// For a method call `obj.name(...)` at `span`, the span of `obj.name`.
pub(crate) fn narrow_to_callee(source: &Source, span: (u32, u32)) -> (u32, u32) {
    use ruff_python_ast::Expr;
    use ruff_text_size::Ranged;
    let Some(seg) = span_text(source, span) else {
        return span;
    };
    let Ok(parsed) = ruff_python_parser::parse_expression(seg) else {
        return span;
    };
    match &*parsed.syntax().body {
        Expr::Call(c) => {
            let r = c.func.range();
            (span.0 + u32::from(r.start()), span.0 + u32::from(r.end()))
        }
        _ => span,
    }
}

/// The span of the first load of the variable `name` inside `span` (where reading it
/// found it unbound), or `span` itself.
pub(crate) fn narrow_to_name(source: &Source, span: (u32, u32), name: &str) -> (u32, u32) {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    use ruff_python_ast::{Expr, ExprContext};
    use ruff_text_size::{Ranged, TextRange};
    struct Find<'n> {
        name: &'n str,
        found: Option<TextRange>,
        /// The first store of the name: the target of `name += ...`, which reads it first.
        stored: Option<TextRange>,
    }
    impl<'a> Visitor<'a> for Find<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.found.is_some() {
                return;
            }
            if let Expr::Name(n) = expr {
                if n.id.as_str() == self.name {
                    match n.ctx {
                        ExprContext::Load => {
                            self.found = Some(n.range());
                            return;
                        }
                        ExprContext::Store if self.stored.is_none() => self.stored = Some(n.range()),
                        _ => {}
                    }
                }
            }
            walk_expr(self, expr);
        }
    }
    let Some(seg) = span_text(source, span) else {
        return span;
    };
    let Ok(parsed) = ruff_python_parser::parse_module(seg) else {
        return span;
    };
    let mut f = Find { name, found: None, stored: None };
    for st in &parsed.syntax().body {
        f.visit_stmt(st);
    }
    match f.found.or(f.stored) {
        Some(r) => (span.0 + u32::from(r.start()), span.0 + u32::from(r.end())),
        None => span,
    }
}

/// For a source segment that is a binary operation or a subscript, the character range
/// of its operator or index part, like CPython's `_extract_caret_anchors_from_line_segment`.
fn segment_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(st) = &body[0] else {
        return None;
    };
    let chars = |b: usize| segment.get(..b.min(segment.len())).map(|p| p.chars().count());
    match &*st.value {
        Expr::BinOp(b) => {
            let left_end = usize::from(b.left.range().end());
            let right_start = usize::from(b.right.range().start());
            let op_str = segment.get(left_end..right_start)?;
            let op_offset = op_str.len() - op_str.trim_start().len();
            let left = left_end + op_offset;
            let mut right = left + 1;
            if op_str.as_bytes().get(op_offset + 1).is_some_and(|c| !c.is_ascii_whitespace()) {
                right += 1;
            }
            Some((chars(left)?, chars(right)?))
        }
        // CPython parses the segment and runs its AST optimizer before looking for
        // anchors: a subscript it folds into a constant (`"abc"[0] = "x"` fails on the
        // store, but the load would fold) gets plain carets.
        Expr::Subscript(sub) if subscript_folds(sub) => None,
        Expr::Subscript(sub) => {
            let l = usize::from(sub.value.range().end());
            let r = usize::from(sub.slice.range().end()) + 1;
            Some((chars(l)?, chars(r)?))
        }
        _ => None,
    }
}

/// Whether CPython 3.11's AST optimizer folds the subscript `sub` into a constant: a
/// str, bytes or tuple literal indexed by an in-range int literal.
fn subscript_folds(sub: &ruff_python_ast::ExprSubscript) -> bool {
    use ruff_python_ast::{Expr, Number, UnaryOp};
    fn int_const(e: &Expr) -> Option<i64> {
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => i.as_i64(),
                _ => None,
            },
            Expr::BooleanLiteral(b) => Some(i64::from(b.value)),
            Expr::UnaryOp(u) if u.op == UnaryOp::USub => int_const(&u.operand)?.checked_neg(),
            Expr::UnaryOp(u) if u.op == UnaryOp::UAdd => int_const(&u.operand),
            _ => None,
        }
    }
    fn is_const(e: &Expr) -> bool {
        match e {
            Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => true,
            Expr::UnaryOp(u) if matches!(u.op, UnaryOp::USub | UnaryOp::UAdd) => {
                matches!(&*u.operand, Expr::NumberLiteral(_))
            }
            Expr::Tuple(t) => t.elts.iter().all(is_const),
            _ => false,
        }
    }
    let len = match &*sub.value {
        Expr::StringLiteral(s) => s.value.chars().count(),
        Expr::BytesLiteral(b) => b.value.len(),
        Expr::Tuple(t) if t.elts.iter().all(is_const) => t.elts.len(),
        _ => return false,
    };
    // A slice is no constant node, so slicing is never folded.
    int_const(&sub.slice).is_some_and(|i| {
        let n = i64::try_from(len).unwrap_or(i64::MAX);
        (-n..n).contains(&i)
    })
}

fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
}

/// An attribute of `v`, or None when looking it up fails for any reason.
fn attr_or_none(vm: &mut Vm, v: Value, name: &str) -> Value {
    let k = vm.intern(name);
    vm.get_attr(v, k).unwrap_or(Value::NONE)
}

/// `module.Qualname: message` (and a SyntaxError's location block before it).
fn format_exception_only(vm: &mut Vm, exc: Value, out: &mut String) {
    let ty = vm.type_of(exc);
    if vm.isinstance(exc, vm.exc.syntax_error) {
        format_syntax_error_location(vm, exc, out);
    }
    let module = attr_or_none(vm, ty, "__module__");
    match module.as_rstr() {
        Some("builtins") | Some("__main__") => {}
        Some(m) => {
            out.push_str(m);
            out.push('.');
        }
        None => out.push_str("<unknown>."),
    }
    let qual = ty.as_class().and_then(|c| c.qualname.get().as_rstr().map(str::to_owned)).unwrap_or_else(|| "?".into());
    out.push_str(&qual);
    let msg = if vm.isinstance(exc, vm.exc.syntax_error) {
        // CPython prints only `msg` here: the location is in the block above.
        let m = attr_or_none(vm, exc, "msg");
        if m.is_none() {
            vm.str_string(exc).ok()
        } else {
            vm.str_string(m).ok()
        }
    } else {
        vm.str_string(exc).ok()
    };
    match msg {
        Some(m) if m.is_empty() => {}
        Some(m) => {
            out.push_str(": ");
            out.push_str(&m);
        }
        None => out.push_str(": <exception str() failed>"),
    }
    if let Some(s) = super::suggestions::offer(vm, exc) {
        out.push_str(". Did you mean: '");
        out.push_str(&s);
        out.push_str("'?");
    }
    out.push('\n');
    let notes = attr_or_none(vm, exc, "__notes__");
    if !notes.is_none() {
        match vm.collect(notes) {
            Ok(items) if notes.as_pystr().is_none() => {
                for n in items {
                    let s = if n.as_pystr().is_some() {
                        n.as_rstr().unwrap_or("").to_owned()
                    } else {
                        vm.str_string(n).unwrap_or_else(|_| "<note str() failed>".into())
                    };
                    out.push_str(&s);
                    out.push('\n');
                }
            }
            _ => {
                let r = vm.repr_string(notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                out.push_str(&r);
                out.push('\n');
            }
        }
    }
}

/// The `  File "x.py", line N` block of a SyntaxError with its source line and carets.
fn format_syntax_error_location(vm: &mut Vm, exc: Value, out: &mut String) {
    let filename = attr_or_none(vm, exc, "filename");
    let lineno = attr_or_none(vm, exc, "lineno");
    let offset = attr_or_none(vm, exc, "offset");
    let end_offset = attr_or_none(vm, exc, "end_offset");
    let end_lineno = attr_or_none(vm, exc, "end_lineno");
    let text = attr_or_none(vm, exc, "text");
    let fname = match filename.as_rstr() {
        Some(f) => f.to_owned(),
        None if filename.is_none() => "<string>".to_owned(),
        None => vm.str_string(filename).unwrap_or_default(),
    };
    let Some(line) = lineno.as_small_int() else {
        return;
    };
    out.push_str(&format!("  File \"{fname}\", line {line}\n"));
    let Some(text) = text.as_rstr() else { return };
    let offset = offset.as_small_int();
    let mut end = end_offset.as_small_int();
    if !vm.type_of(exc).is(vm.exc.syntax_error) {
        // CPython's printer uses the end position of SyntaxError itself only: its
        // subclasses (IndentationError, TabError) get a single caret.
        end = None;
    } else if end_lineno.as_small_int().is_some_and(|el| el > line) {
        // An error spanning lines is highlighted to the end of its first line.
        end = Some(text.len() as i64);
    } else if end_lineno.as_small_int().is_some_and(|el| el != line) {
        end = None;
    }
    out.push_str(&syntax_error_text(text, offset, end));
}

/// CPython's `print_error_text`: the offending line without its indentation and a caret
/// line under `offset..end_offset` (1-based character columns).
fn syntax_error_text(text: &str, offset: Option<i64>, end_offset: Option<i64>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0usize;
    let mut offset = offset.map(|o| o - 1);
    let mut end_offset = end_offset.map(|o| o - 1);
    // Only the last line of a multi-line text is shown.
    let body: Vec<char> = {
        let mut lines: Vec<&[char]> = chars.split(|&c| c == '\n').collect();
        while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        let mut consumed = 0i64;
        let mut idx = 0;
        if let Some(off) = offset {
            for (i, l) in lines.iter().enumerate() {
                if i + 1 == lines.len() || consumed + (l.len() as i64) >= off {
                    idx = i;
                    break;
                }
                consumed += l.len() as i64 + 1;
            }
        } else {
            idx = lines.len().saturating_sub(1);
        }
        offset = offset.map(|o| o - consumed);
        end_offset = end_offset.map(|o| o - consumed);
        lines.get(idx).map(|l| l.to_vec()).unwrap_or_default()
    };
    while start < body.len() && matches!(body[start], ' ' | '\t' | '\x0c') {
        start += 1;
    }
    let shown: String = body[start..].iter().collect::<String>().trim_end_matches(['\n', '\r']).to_owned();
    let mut s = format!("    {shown}\n");
    let Some(off) = offset else { return s };
    let len = shown.chars().count() as i64;
    let col = (off - start as i64).min(len);
    if col < 0 {
        return s;
    }
    let mut width = 1;
    if let Some(e) = end_offset {
        let e = (e - start as i64).min(len + 1);
        if e > col {
            width = (e - col) as usize;
        }
    }
    s.push_str("    ");
    s.push_str(&" ".repeat(col as usize));
    s.push_str(&"^".repeat(width));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::syntax_error_text;

    #[test]
    fn caret_under_offset() {
        assert_eq!(syntax_error_text("x = (1 +\n", Some(5), Some(6)), "    x = (1 +\n        ^\n");
        assert_eq!(syntax_error_text("    foo bar\n", Some(9), Some(12)), "    foo bar\n        ^^^\n");
    }
}

#[cfg(test)]
mod caret_tests {
    use super::{caret_line, segment_anchors};
    use crate::cfg::Source;

    fn src(text: &str) -> Source {
        Source::new("t.py".into(), text.into())
    }

    #[test]
    fn anchors_for_binop_and_subscript() {
        assert_eq!(segment_anchors("a + b"), Some((2, 3)));
        assert_eq!(segment_anchors("a ** b"), Some((2, 4)));
        assert_eq!(segment_anchors("d['k']"), Some((1, 6)));
        assert_eq!(segment_anchors("f(x)"), None);
    }

    #[test]
    fn carets_only_when_span_is_narrower_than_line() {
        let s = src("x = 1\n    print(foo(1))\n");
        // `foo(1)` on line 2.
        let start = s.text.find("foo").unwrap() as u32;
        let c = caret_line(&s, 2, (start, start + 6)).unwrap();
        assert_eq!(c, "          ^^^^^^\n");
        // The whole statement: no markers.
        let st = s.text.find("print").unwrap() as u32;
        assert_eq!(caret_line(&s, 2, (st, st + 13)), None);
    }

    #[test]
    fn binop_markers() {
        let s = src("y = a + b\n");
        let start = s.text.find('a').unwrap() as u32;
        assert_eq!(caret_line(&s, 1, (start, start + 5)).unwrap(), "        ~~^~~\n");
    }
}
