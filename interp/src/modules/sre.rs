//! `_sre`: the module CPython's `re` package compiles patterns for. `re._compiler` turns a
//! pattern into a code list and calls `_sre.compile`; this module provides the resulting
//! `re.Pattern` objects (match, search, findall, finditer, sub, split...), `re.Match` and
//! the scanner, on top of the matching engine in `sre_engine.rs`.

use std::cell::Cell;
use std::rc::Rc;

use num_traits::ToPrimitive;

use crate::impl_native;
use crate::object::{Layout, Payload};
use crate::value::Value;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};

use super::sre_engine::{self as engine, SreError, State};
use super::{native, new_class, set, set_int, this};

// ----- subjects -----

/// The string a pattern runs over, in the width the engine needs.
#[derive(Clone)]
pub enum Text {
    /// An all-ASCII str: its UTF-8 bytes are its characters.
    AsciiStr,
    /// Any other str, as code points.
    WideStr(Rc<[u32]>),
    /// A bytes object (read in place).
    Bytes,
    /// Another bytes-like object, copied when the call began.
    BytesCopy(Rc<[u8]>),
}

pub struct Subject {
    pub string: Value,
    pub text: Text,
}

impl Subject {
    fn is_bytes(&self) -> bool {
        matches!(self.text, Text::Bytes | Text::BytesCopy(_))
    }

    fn len(&self) -> usize {
        match &self.text {
            Text::AsciiStr => self.string.as_rstr().map_or(0, str::len),
            Text::WideStr(w) => w.len(),
            Text::Bytes => bytes_of(&self.string).map_or(0, <[u8]>::len),
            Text::BytesCopy(b) => b.len(),
        }
    }

    /// The substring/bytes `[a, b)` as a Python object.
    fn slice(&self, vm: &mut Vm, a: usize, b: usize) -> Value {
        let b = b.max(a);
        match &self.text {
            Text::AsciiStr => {
                let s = self.string.as_rstr().unwrap_or("");
                if a == 0 && b == s.len() && vm.type_of(self.string).is(vm.types.str_) {
                    return self.string;
                }
                vm.new_str(s.get(a..b).unwrap_or(""))
            }
            Text::WideStr(w) => {
                if a == 0 && b == w.len() && vm.type_of(self.string).is(vm.types.str_) {
                    return self.string;
                }
                let s: String = w.get(a..b).unwrap_or(&[]).iter().filter_map(|&c| char::from_u32(c)).collect();
                vm.new_string(s)
            }
            Text::Bytes => {
                let d = bytes_of(&self.string).unwrap_or(&[]);
                if a == 0 && b == d.len() && vm.type_of(self.string).is(vm.types.bytes) {
                    return self.string;
                }
                vm.new_bytes(d.get(a..b).unwrap_or(&[]).to_vec())
            }
            Text::BytesCopy(d) => vm.new_bytes(d.get(a..b).unwrap_or(&[]).to_vec()),
        }
    }

    fn empty(&self, vm: &mut Vm) -> Value {
        if self.is_bytes() {
            vm.new_bytes(Vec::new())
        } else {
            vm.empty_str
        }
    }
}

fn bytes_of(v: &Value) -> Option<&[u8]> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Some(&b[..]),
        _ => None,
    }
}

fn ascii_of(v: &Value) -> &[u8] {
    v.as_rstr().map_or(&[], str::as_bytes)
}

/// Classifies a subject argument (CPython's `getstring`).
fn subject_of(vm: &mut Vm, string: Value) -> PyResult<Subject> {
    if let Some(s) = string.as_pystr() {
        let text = if s.is_ascii() {
            Text::AsciiStr
        } else {
            Text::WideStr(s.as_str().chars().map(|c| c as u32).collect::<Vec<_>>().into())
        };
        return Ok(Subject { string, text });
    }
    if bytes_of(&string).is_some() {
        return Ok(Subject { string, text: Text::Bytes });
    }
    if let Some(a) = native::<super::array::Array>(&string) {
        return Ok(Subject { string, text: Text::BytesCopy(a.to_bytes().into()) });
    }
    match super::bytes_like(vm, string)? {
        Some(b) => Ok(Subject { string, text: Text::BytesCopy(b.into()) }),
        None => Err(vm.type_error(format!("expected string or bytes-like object, got '{}'", vm.type_tp_name(string)))),
    }
}

// ----- Pattern -----

pub struct PatternObj {
    /// The source pattern (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    pub code: Rc<[u32]>,
    /// Number of capturing groups.
    pub groups: usize,
    pub groupindex: Value,
    pub indexgroup: Value,
    /// None: unknown (compiled from a parsed pattern without source).
    pub isbytes: Option<bool>,
}
impl_native!(PatternObj, |s, visit| {
    visit(s.pattern);
    visit(s.groupindex);
    visit(s.indexgroup);
});

const POWNER: &str = "re.Pattern";

fn sre_error(vm: &Vm, e: SreError) -> PyErr {
    match e {
        SreError::State | SreError::Illegal => vm.runtime_error("internal error in regular expression engine"),
    }
}

fn check_kind(vm: &Vm, p: &PatternObj, subj: &Subject) -> PyResult<()> {
    match (p.isbytes, subj.is_bytes()) {
        (Some(false), true) => Err(vm.type_error("cannot use a string pattern on a bytes-like object")),
        (Some(true), false) => Err(vm.type_error("cannot use a bytes pattern on a string-like object")),
        _ => Ok(()),
    }
}

/// A position argument (`Py_ssize_t`), clamped into `0..=len`.
fn pos_arg(vm: &mut Vm, v: Value, default: usize, len: usize) -> PyResult<usize> {
    if v.is_null() {
        return Ok(default.min(len));
    }
    let i = super::helpers_b::ssize_arg(vm, v)?;
    Ok(if i < 0 { 0 } else { (i as usize).min(len) })
}

/// What one engine run found.
struct Found {
    start: usize,
    end: usize,
    /// Spans of groups 1.. (None when the group did not participate).
    groups: Vec<Option<(usize, usize)>>,
    lastindex: isize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// The engine over a subject: runs one attempt from `start` and reports the match.
struct Runner<'a> {
    code: &'a [u32],
    ngroups: usize,
    pos: usize,
    end: usize,
}

fn collect_found<T: Copy + Into<u32>>(st: &State<T>, ngroups: usize) -> Found {
    let mut groups = Vec::with_capacity(ngroups);
    for g in 1..=ngroups {
        groups.push(st.group_span(g));
    }
    Found { start: st.start, end: st.ptr, groups, lastindex: st.lastindex }
}

impl Runner<'_> {
    fn run_on<T: Copy + Into<u32>>(
        &self,
        s: &[T],
        start: usize,
        must_advance: bool,
        mode: Mode,
    ) -> Result<Option<Found>, SreError> {
        let mut st = State::new(s, self.code, start, self.end);
        st.must_advance = must_advance;
        let ok = match mode {
            Mode::Search => st.search()?,
            Mode::Match => st.do_match()?,
            Mode::FullMatch => {
                st.match_all = true;
                st.do_match()?
            }
        };
        if !ok {
            return Ok(None);
        }
        Ok(Some(collect_found(&st, self.ngroups)))
    }

    fn run(&self, subj: &Subject, start: usize, must_advance: bool, mode: Mode) -> Result<Option<Found>, SreError> {
        match &subj.text {
            Text::AsciiStr => self.run_on(ascii_of(&subj.string), start, must_advance, mode),
            Text::WideStr(w) => self.run_on(&w[..], start, must_advance, mode),
            Text::Bytes => self.run_on(bytes_of(&subj.string).unwrap_or(&[]), start, must_advance, mode),
            Text::BytesCopy(b) => self.run_on(&b[..], start, must_advance, mode),
        }
    }
}

pub struct MatchObj {
    pub pattern: Value,
    pub string: Value,
    pub text: Text,
    /// Spans: index 0 is the whole match; -1 for groups that did not participate.
    pub marks: Vec<(isize, isize)>,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: isize,
}
impl_native!(MatchObj, |s, visit| {
    visit(s.pattern);
    visit(s.string);
});

fn new_match(vm: &mut Vm, pattern: Value, subj: &Subject, f: &Found, pos: usize, endpos: usize) -> Value {
    let mut marks = vec![(f.start as isize, f.end as isize)];
    for g in &f.groups {
        marks.push(match g {
            Some((a, b)) => (*a as isize, *b as isize),
            None => (-1, -1),
        });
    }
    let cls = vm.state.borrow().get("re.Match").copied().unwrap_or(vm.types.object);
    vm.new_native(
        cls,
        MatchObj { pattern, string: subj.string, text: subj.text.clone(), marks, pos, endpos, lastindex: f.lastindex },
    )
}

fn match_common(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str, mode: Mode) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, name, POWNER)?;
    let [string, pos, endpos] = vm.bind_args(name, &args[1..], kw, ["string", "pos", "endpos"], 1)?;
    let subj = subject_of(vm, string)?;
    check_kind(vm, p, &subj)?;
    let len = subj.len();
    let pos = pos_arg(vm, pos, 0, len)?;
    let endpos = pos_arg(vm, endpos, usize::MAX, len)?;
    let r = Runner { code: &p.code, ngroups: p.groups, pos, end: endpos };
    let found = r.run(&subj, pos, false, mode).map_err(|e| sre_error(vm, e))?;
    Ok(match found {
        Some(f) => new_match(vm, args[0], &subj, &f, r.pos, endpos),
        None => Value::NONE,
    })
}

fn pattern_match(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    match_common(vm, args, kw, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    match_common(vm, args, kw, "fullmatch", Mode::FullMatch)
}

fn pattern_search(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    match_common(vm, args, kw, "search", Mode::Search)
}

/// Group `g` (1-based) of a found match as a Python value; `empty` gives "" for groups
/// that did not participate, else None.
fn group_value(vm: &mut Vm, subj: &Subject, f: &Found, g: usize, empty: bool) -> Value {
    match f.groups.get(g - 1).copied().flatten() {
        Some((a, b)) => subj.slice(vm, a, b),
        None if empty => subj.empty(vm),
        None => Value::NONE,
    }
}

fn pattern_findall(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, "findall", POWNER)?;
    let [string, pos, endpos] = vm.bind_args("findall", &args[1..], kw, ["string", "pos", "endpos"], 1)?;
    let subj = subject_of(vm, string)?;
    check_kind(vm, p, &subj)?;
    let len = subj.len();
    let pos = pos_arg(vm, pos, 0, len)?;
    let endpos = pos_arg(vm, endpos, usize::MAX, len)?;
    let r = Runner { code: &p.code, ngroups: p.groups, pos, end: endpos };
    let mut out = Vec::new();
    let mut start = pos;
    let mut must_advance = false;
    while start <= endpos {
        let Some(f) = r.run(&subj, start, must_advance, Mode::Search).map_err(|e| sre_error(vm, e))? else {
            break;
        };
        let item = match p.groups {
            0 => subj.slice(vm, f.start, f.end),
            1 => group_value(vm, &subj, &f, 1, true),
            n => {
                let items: Vec<Value> = (1..=n).map(|g| group_value(vm, &subj, &f, g, true)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
        must_advance = f.end == f.start;
        start = f.end;
    }
    Ok(vm.new_list(out))
}

// ----- scanner and finditer -----

pub struct Scanner {
    pub pattern: Value,
    pub subject: Subject,
    /// None once exhausted.
    pub start: Cell<Option<usize>>,
    pub must_advance: Cell<bool>,
    pub pos: usize,
    pub endpos: usize,
    pub executing: Cell<bool>,
}
impl_native!(Scanner, |s, visit| {
    visit(s.pattern);
    visit(s.subject.string);
});

fn make_scanner(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, name, POWNER)?;
    let [string, pos, endpos] = vm.bind_args(name, &args[1..], kw, ["string", "pos", "endpos"], 1)?;
    let subj = subject_of(vm, string)?;
    check_kind(vm, p, &subj)?;
    let len = subj.len();
    let pos = pos_arg(vm, pos, 0, len)?;
    let endpos = pos_arg(vm, endpos, usize::MAX, len)?;
    let cls = vm.state.borrow().get("_sre.SRE_Scanner").copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(
        cls,
        Scanner {
            pattern: args[0],
            subject: subj,
            start: Cell::new(Some(pos)),
            must_advance: Cell::new(false),
            pos,
            endpos,
            executing: Cell::new(false),
        },
    ))
}

fn pattern_scanner(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    make_scanner(vm, args, kw, "scanner")
}

fn pattern_finditer(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let sc = make_scanner(vm, args, kw, "finditer")?;
    let n = vm.intern("search");
    let search = vm.get_attr(sc, n)?;
    crate::builtins::functions::iter(vm, &[search, Value::NONE], &[])
}

fn scanner_step(vm: &mut Vm, args: &[Value], mode: Mode, name: &str) -> PyResult<Value> {
    let sc = this::<Scanner>(vm, args, name, "_sre.SRE_Scanner")?;
    let Some(start) = sc.start.get() else { return Ok(Value::NONE) };
    if sc.executing.get() {
        return Err(vm.value_error("regular expression scanner already executing"));
    }
    let Some(p) = native::<PatternObj>(&sc.pattern) else { return Ok(Value::NONE) };
    let r = Runner { code: &p.code, ngroups: p.groups, pos: sc.pos, end: sc.endpos };
    sc.executing.set(true);
    let found = r.run(&sc.subject, start, sc.must_advance.get(), mode);
    sc.executing.set(false);
    let found = found.map_err(|e| sre_error(vm, e))?;
    match found {
        None => {
            sc.start.set(None);
            Ok(Value::NONE)
        }
        Some(f) => {
            sc.must_advance.set(f.end == f.start);
            sc.start.set(Some(f.end));
            Ok(new_match(vm, sc.pattern, &sc.subject, &f, sc.pos, sc.endpos))
        }
    }
}

fn scanner_match(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    scanner_step(vm, args, Mode::Match, "match")
}

fn scanner_search(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    scanner_step(vm, args, Mode::Search, "search")
}

fn scanner_pattern(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Scanner>(vm, args, "pattern", "_sre.SRE_Scanner")?.pattern)
}

// ----- sub and split -----

/// Joins the pieces of a `sub` result (str or bytes), with `str.join`'s errors.
fn join_pieces(vm: &mut Vm, pieces: &[Value], isbytes: bool) -> PyResult<Value> {
    if isbytes {
        let mut out = Vec::new();
        for (i, &p) in pieces.iter().enumerate() {
            match super::bytes_like(vm, p)? {
                Some(b) => out.extend_from_slice(&b),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {} found",
                        vm.type_tp_name(p)
                    )))
                }
            }
        }
        return Ok(vm.new_bytes(out));
    }
    let mut out = String::new();
    for (i, &p) in pieces.iter().enumerate() {
        match p.as_rstr() {
            Some(s) => out.push_str(s),
            None => {
                return Err(
                    vm.type_error(format!("sequence item {i}: expected str instance, {} found", vm.type_tp_name(p)))
                )
            }
        }
    }
    Ok(vm.new_string(out))
}

fn subx(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str, subn: bool) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, name, POWNER)?;
    let [repl, string, count] = vm.bind_args(name, &args[1..], kw, ["repl", "string", "count"], 2)?;
    let count = if count.is_null() { 0 } else { super::helpers_b::ssize_arg(vm, count)? };
    // The replacement: a callable, a literal, or a template compiled by `re._subx`.
    let (filter, callable) = if crate::builtins::functions::is_callable(vm, repl) {
        (repl, true)
    } else {
        let literal = if let Some(s) = repl.as_rstr() {
            !s.contains('\\')
        } else {
            match super::bytes_like(vm, repl) {
                Ok(Some(b)) => !b.contains(&b'\\'),
                _ => false,
            }
        };
        if literal {
            (repl, false)
        } else {
            let re = crate::builtins::import::import_module(vm, "re")?;
            let n = vm.intern("_subx");
            let f = vm.get_attr(re, n)?;
            let filter = vm.call(f, &[args[0], repl], &[])?;
            let c = crate::builtins::functions::is_callable(vm, filter);
            (filter, c)
        }
    };
    let subj = subject_of(vm, string)?;
    check_kind(vm, p, &subj)?;
    let len = subj.len();
    let r = Runner { code: &p.code, ngroups: p.groups, pos: 0, end: len };
    let mut pieces = Vec::new();
    let (mut n, mut i) = (0isize, 0usize);
    let mut start = 0;
    let mut must_advance = false;
    while count == 0 || n < count {
        let Some(f) = r.run(&subj, start, must_advance, Mode::Search).map_err(|e| sre_error(vm, e))? else {
            break;
        };
        if i < f.start {
            pieces.push(subj.slice(vm, i, f.start));
        }
        let item = if callable {
            let m = new_match(vm, args[0], &subj, &f, 0, len);
            vm.call(filter, &[m], &[])?
        } else {
            filter
        };
        if !item.is_none() {
            pieces.push(item);
        }
        i = f.end;
        n += 1;
        must_advance = f.end == f.start;
        start = f.end;
    }
    if i < len {
        pieces.push(subj.slice(vm, i, len));
    }
    let result = if pieces.is_empty() { subj.slice(vm, 0, 0) } else { join_pieces(vm, &pieces, subj.is_bytes())? };
    if subn {
        let nv = vm.new_int(n as i64);
        return Ok(vm.new_tuple(vec![result, nv]));
    }
    Ok(result)
}

fn pattern_sub(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    subx(vm, args, kw, "sub", false)
}

fn pattern_subn(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    subx(vm, args, kw, "subn", true)
}

fn pattern_split(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, "split", POWNER)?;
    let [string, maxsplit] = vm.bind_args("split", &args[1..], kw, ["string", "maxsplit"], 1)?;
    let maxsplit = if maxsplit.is_null() { 0 } else { super::helpers_b::ssize_arg(vm, maxsplit)? };
    let subj = subject_of(vm, string)?;
    check_kind(vm, p, &subj)?;
    let len = subj.len();
    let r = Runner { code: &p.code, ngroups: p.groups, pos: 0, end: len };
    let mut out = Vec::new();
    let mut n = 0isize;
    let mut last = 0;
    let mut start = 0;
    let mut must_advance = false;
    while maxsplit == 0 || n < maxsplit {
        let Some(f) = r.run(&subj, start, must_advance, Mode::Search).map_err(|e| sre_error(vm, e))? else {
            break;
        };
        out.push(subj.slice(vm, last, f.start));
        for g in 1..=p.groups {
            out.push(group_value(vm, &subj, &f, g, false));
        }
        n += 1;
        must_advance = f.end == f.start;
        last = f.end;
        start = f.end;
    }
    out.push(subj.slice(vm, last, len));
    Ok(vm.new_list(out))
}

// ----- Pattern attributes, repr, equality -----

fn pattern_pattern(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<PatternObj>(vm, args, "pattern", POWNER)?.pattern)
}

fn pattern_flags(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = this::<PatternObj>(vm, args, "flags", POWNER)?.flags;
    Ok(vm.new_int(f))
}

fn pattern_groups(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let g = this::<PatternObj>(vm, args, "groups", POWNER)?.groups;
    Ok(vm.new_int(g as i64))
}

fn pattern_groupindex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, "groupindex", POWNER)?;
    let d = vm.new_dict();
    if let Some(src) = p.groupindex.as_dict() {
        let items = src.borrow().items();
        for (k, v) in items {
            vm.dict_set(d, k, v)?;
        }
    }
    Ok(crate::types::dict::new_mappingproxy(vm, d))
}

/// `repr` truncated to `n` characters (CPython's `%.nR`).
fn repr_trunc(vm: &mut Vm, v: Value, n: usize) -> PyResult<String> {
    let r = vm.repr_string(v)?;
    Ok(r.chars().take(n).collect())
}

const FLAG_NAMES: [(&str, i64); 9] = [
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

fn pattern_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, "__repr__", POWNER)?;
    let mut flags = p.flags;
    if p.pattern.as_pystr().is_some() && (flags & (4 | 32 | 256)) == 32 {
        flags &= !32;
    }
    let mut names: Vec<String> = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_owned());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    let pr = repr_trunc(vm, p.pattern, 200)?;
    let s =
        if names.is_empty() { format!("re.compile({pr})") } else { format!("re.compile({pr}, {})", names.join("|")) };
    Ok(vm.new_string(s))
}

fn pattern_eq_impl(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let p = this::<PatternObj>(vm, args, "__eq__", POWNER)?;
    let other = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(q) = native::<PatternObj>(&other) else { return Ok(None) };
    if args[0].is(other) {
        return Ok(Some(true));
    }
    if p.flags != q.flags || p.isbytes != q.isbytes || p.code[..] != q.code[..] {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq(p.pattern, q.pattern)?))
}

fn pattern_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match pattern_eq_impl(vm, args)? {
        Some(b) => Value::bool(b),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn pattern_ne(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match pattern_eq_impl(vm, args)? {
        Some(b) => Value::bool(!b),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn pattern_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = this::<PatternObj>(vm, args, "__hash__", POWNER)?;
    let mut h = vm.hash(p.pattern)?;
    let mut bytes = Vec::with_capacity(p.code.len() * 4);
    for w in p.code.iter() {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    h ^= crate::types::str::siphash13(&bytes) as i64;
    h ^= p.flags ^ (p.isbytes == Some(true)) as i64 ^ p.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(vm.new_int(h))
}

fn return_self(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

// ----- Match -----

const MOWNER: &str = "re.Match";

fn m_this<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a MatchObj> {
    this::<MatchObj>(vm, args, name, MOWNER)
}

impl MatchObj {
    fn subject(&self) -> Subject {
        Subject { string: self.string, text: self.text.clone() }
    }
}

/// The group number of `g` (an int or a group name), or IndexError "no such group".
fn group_index(vm: &mut Vm, m: &MatchObj, g: Value) -> PyResult<usize> {
    let ngroups = m.marks.len();
    let i: Option<i64> = if crate::types::slice::has_index(vm, g) {
        crate::types::slice::index_of(vm, g)?.and_then(|b| b.to_i64())
    } else {
        let gi = native::<PatternObj>(&m.pattern).map(|p| p.groupindex).unwrap_or(Value::NONE);
        match gi.as_dict() {
            Some(_) => match vm.dict_get(gi, g) {
                Ok(Some(v)) => vm.int_value(v).and_then(|b| b.to_i64()),
                Ok(None) => None,
                Err(e) if vm.err_matches(&e, vm.exc.type_error) => None,
                Err(e) => return Err(e),
            },
            None => None,
        }
    };
    match i {
        Some(i) if i >= 0 && (i as usize) < ngroups => Ok(i as usize),
        _ => Err(vm.index_error("no such group")),
    }
}

fn group_slice(vm: &mut Vm, m: &MatchObj, i: usize, default: Value) -> Value {
    let (a, b) = m.marks[i];
    if a < 0 {
        return default;
    }
    m.subject().slice(vm, a as usize, b as usize)
}

fn match_group(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = m_this(vm, args, "group")?;
    match args.len() {
        1 => Ok(group_slice(vm, m, 0, Value::NONE)),
        2 => {
            let i = group_index(vm, m, args[1])?;
            Ok(group_slice(vm, m, i, Value::NONE))
        }
        _ => {
            let mut out = Vec::with_capacity(args.len() - 1);
            for &g in &args[1..] {
                let i = group_index(vm, m, g)?;
                out.push(group_slice(vm, m, i, Value::NONE));
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "__getitem__", &args[1..], kw, 1, 1)?;
    let m = m_this(vm, args, "__getitem__")?;
    let i = group_index(vm, m, args[1])?;
    Ok(group_slice(vm, m, i, Value::NONE))
}

fn match_groups(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = m_this(vm, args, "groups")?;
    let [default] = vm.bind_args("groups", &args[1..], kw, ["default"], 0)?;
    let default = if default.is_null() { Value::NONE } else { default };
    let items: Vec<Value> = (1..m.marks.len()).map(|i| group_slice(vm, m, i, default)).collect();
    Ok(vm.new_tuple(items))
}

fn match_groupdict(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = m_this(vm, args, "groupdict")?;
    let [default] = vm.bind_args("groupdict", &args[1..], kw, ["default"], 0)?;
    let default = if default.is_null() { Value::NONE } else { default };
    let d = vm.new_dict();
    let gi = native::<PatternObj>(&m.pattern).map(|p| p.groupindex).unwrap_or(Value::NONE);
    let items = gi.as_dict().map(|c| c.borrow().items()).unwrap_or_default();
    for (k, _) in items {
        let i = group_index(vm, m, k)?;
        let v = group_slice(vm, m, i, default);
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

fn span_of(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str) -> PyResult<(isize, isize)> {
    let m = m_this(vm, args, name)?;
    super::nargs(vm, name, &args[1..], kw, 0, 1)?;
    let i = match args.get(1) {
        Some(&g) => group_index(vm, m, g)?,
        None => 0,
    };
    Ok(m.marks[i])
}

fn match_start(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (a, _) = span_of(vm, args, kw, "start")?;
    Ok(vm.new_int(a as i64))
}

fn match_end(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (_, b) = span_of(vm, args, kw, "end")?;
    Ok(vm.new_int(b as i64))
}

fn match_span(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (a, b) = span_of(vm, args, kw, "span")?;
    let (a, b) = (vm.new_int(a as i64), vm.new_int(b as i64));
    Ok(vm.new_tuple(vec![a, b]))
}

fn match_expand(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = m_this(vm, args, "expand")?;
    let [template] = vm.bind_args("expand", &args[1..], kw, ["template"], 1)?;
    let re = crate::builtins::import::import_module(vm, "re")?;
    let n = vm.intern("_expand");
    let f = vm.get_attr(re, n)?;
    vm.call(f, &[m.pattern, args[0], template], &[])
}

fn match_regs(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = m_this(vm, args, "regs")?;
    let items: Vec<Value> = m
        .marks
        .iter()
        .map(|&(a, b)| {
            let (a, b) = (vm.new_int(a as i64), vm.new_int(b as i64));
            vm.new_tuple(vec![a, b])
        })
        .collect();
    Ok(vm.new_tuple(items))
}

fn match_string(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(m_this(vm, args, "string")?.string)
}

fn match_re(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(m_this(vm, args, "re")?.pattern)
}

fn match_pos(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = m_this(vm, args, "pos")?.pos;
    Ok(vm.new_int(p as i64))
}

fn match_endpos(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let p = m_this(vm, args, "endpos")?.endpos;
    Ok(vm.new_int(p as i64))
}

fn match_lastindex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let li = m_this(vm, args, "lastindex")?.lastindex;
    Ok(if li < 0 { Value::NONE } else { vm.new_int(li as i64) })
}

fn match_lastgroup(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = m_this(vm, args, "lastgroup")?;
    let ig = native::<PatternObj>(&m.pattern).map(|p| p.indexgroup).unwrap_or(Value::NONE);
    if m.lastindex >= 0 {
        if let Some(t) = ig.as_tuple() {
            if let Some(&v) = t.get(m.lastindex as usize) {
                return Ok(v);
            }
        }
    }
    Ok(Value::NONE)
}

fn match_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = m_this(vm, args, "__repr__")?;
    let (a, b) = m.marks[0];
    let g = group_slice(vm, m, 0, Value::NONE);
    let r = repr_trunc(vm, g, 50)?;
    Ok(vm.new_string(format!("<re.Match object; span=({a}, {b}), match={r}>")))
}

// ----- module functions -----

fn sre_compile(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [pattern, flags, code, groups, groupindex, indexgroup] =
        vm.bind_args("compile", args, kw, ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6)?;
    let flags = super::helpers_b::ssize_arg(vm, flags)? as i64;
    let Some(list) = code.as_list() else {
        return Err(vm.type_error(format!("compile() argument 'code' must be list, not {}", vm.arg_type_name(code))));
    };
    let items = list.borrow().clone();
    let mut words = Vec::with_capacity(items.len());
    for v in items {
        let Some(b) = vm.int_value(v) else {
            return Err(vm.type_error(format!("an integer is required (got type {})", vm.type_tp_name(v))));
        };
        match b.to_u32() {
            Some(w) => words.push(w),
            None => return Err(vm.overflow_error("regular expression code size limit exceeded")),
        }
    }
    let groups = super::helpers_b::ssize_arg(vm, groups)?.max(0) as usize;
    if groupindex.as_dict().is_none() {
        return Err(vm.type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            vm.arg_type_name(groupindex)
        )));
    }
    if indexgroup.as_tuple().is_none() {
        return Err(vm.type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            vm.arg_type_name(indexgroup)
        )));
    }
    let isbytes = if pattern.is_none() {
        None
    } else if pattern.as_pystr().is_some() {
        Some(false)
    } else if subject_of(vm, pattern).is_ok() {
        Some(true)
    } else {
        return Err(vm.type_error(format!("expected string or bytes-like object, got '{}'", vm.type_tp_name(pattern))));
    };
    let cls = vm.state.borrow().get("re.Pattern").copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, PatternObj { pattern, flags, code: words.into(), groups, groupindex, indexgroup, isbytes }))
}

fn sre_getcodesize(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.new_int(4))
}

fn char_arg(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str) -> PyResult<u32> {
    super::nargs(vm, name, args, kw, 1, 1)?;
    let c = super::helpers_b::ssize_arg(vm, args[0])?;
    Ok(c as u32)
}

fn sre_ascii_iscased(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = char_arg(vm, args, kw, "ascii_iscased")?;
    Ok(Value::bool(engine::ascii_iscased(c)))
}

fn sre_unicode_iscased(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = char_arg(vm, args, kw, "unicode_iscased")?;
    Ok(Value::bool(engine::unicode_iscased(c)))
}

fn sre_ascii_tolower(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = char_arg(vm, args, kw, "ascii_tolower")?;
    Ok(vm.new_int(engine::lower_ascii(c) as i64))
}

fn sre_unicode_tolower(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = char_arg(vm, args, kw, "unicode_tolower")?;
    Ok(vm.new_int(engine::lower_unicode(c) as i64))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = super::new_module(
        vm,
        "_sre",
        &[
            ("compile", sre_compile),
            ("getcodesize", sre_getcodesize),
            ("ascii_iscased", sre_ascii_iscased),
            ("unicode_iscased", sre_unicode_iscased),
            ("ascii_tolower", sre_ascii_tolower),
            ("unicode_tolower", sre_unicode_tolower),
        ],
    );
    set_int(vm, m, "MAGIC", engine::MAGIC as i64);
    set_int(vm, m, "CODESIZE", 4);
    set_int(vm, m, "MAXREPEAT", engine::MAXREPEAT as i64);
    set_int(vm, m, "MAXGROUPS", engine::MAXGROUPS as i64);
    let c = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    set(vm, m, "copyright", c);

    let obj = vm.types.object;
    let p = new_class(vm, "re", "Pattern", obj, Layout::Other, 0);
    let pm: &[(&'static str, NativeFn)] = &[
        ("match", pattern_match),
        ("fullmatch", pattern_fullmatch),
        ("search", pattern_search),
        ("findall", pattern_findall),
        ("finditer", pattern_finditer),
        ("scanner", pattern_scanner),
        ("sub", pattern_sub),
        ("subn", pattern_subn),
        ("split", pattern_split),
        ("__repr__", pattern_repr),
        ("__eq__", pattern_eq),
        ("__ne__", pattern_ne),
        ("__hash__", pattern_hash),
        ("__copy__", return_self),
        ("__deepcopy__", return_self),
    ];
    for &(n, f) in pm {
        vm.add_method(p, n, f);
    }
    vm.add_getter(p, "pattern", pattern_pattern);
    vm.add_getter(p, "flags", pattern_flags);
    vm.add_getter(p, "groups", pattern_groups);
    vm.add_getter(p, "groupindex", pattern_groupindex);
    vm.add_classmethod(p, "__class_getitem__", crate::eval::descr::class_getitem_generic);
    vm.state.borrow_mut().insert("re.Pattern", p);

    let mt = new_class(vm, "re", "Match", obj, Layout::Other, 0);
    let mm: &[(&'static str, NativeFn)] = &[
        ("group", match_group),
        ("__getitem__", match_getitem),
        ("groups", match_groups),
        ("groupdict", match_groupdict),
        ("start", match_start),
        ("end", match_end),
        ("span", match_span),
        ("expand", match_expand),
        ("__repr__", match_repr),
        ("__copy__", return_self),
        ("__deepcopy__", return_self),
    ];
    for &(n, f) in mm {
        vm.add_method(mt, n, f);
    }
    for (n, f) in [
        ("regs", match_regs as NativeFn),
        ("string", match_string),
        ("re", match_re),
        ("pos", match_pos),
        ("endpos", match_endpos),
        ("lastindex", match_lastindex),
        ("lastgroup", match_lastgroup),
    ] {
        vm.add_getter(mt, n, f);
    }
    vm.add_classmethod(mt, "__class_getitem__", crate::eval::descr::class_getitem_generic);
    vm.state.borrow_mut().insert("re.Match", mt);

    let sc = new_class(vm, "_sre", "SRE_Scanner", obj, Layout::Other, 0);
    vm.add_method(sc, "match", scanner_match);
    vm.add_method(sc, "search", scanner_search);
    vm.add_getter(sc, "pattern", scanner_pattern);
    vm.state.borrow_mut().insert("_sre.SRE_Scanner", sc);
    Ok(m)
}
