//! The `pyexpat` module: a non-validating XML parser with the interface of CPython's
//! binding of Expat (`ParserCreate`, handler attributes, `Parse`, `ExpatError`), written
//! here from the XML 1.0 and Namespaces specifications. It is what `xml.etree`,
//! `xml.dom.minidom`, `xml.sax` and `plistlib` parse with.
//!
//! Supported: elements, attributes, character and predefined entity references, entities
//! declared in the internal DTD subset, comments, processing instructions, CDATA sections,
//! the XML declaration, a DOCTYPE (its internal subset is read for entity declarations
//! only), namespace processing (`namespace_separator`), `buffer_text`,
//! `ordered_attributes`, `namespace_prefixes`, incremental parsing across `Parse` calls,
//! and the encodings UTF-8, UTF-16 (with a byte order mark), ISO-8859-1 and, for a whole
//! document, any codec Python knows. Errors carry Expat's codes and messages and its line
//! and column numbers for the common cases. DTD declarations other than entities are
//! skipped without being reported (`ElementDeclHandler`, `AttlistDeclHandler`... are
//! never called), and external entities are never fetched.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{native, new_class, new_module, set, set_int};

/// Expat's error messages, by code (index = code - 1).
const MESSAGES: &[&str] = &[
    "out of memory",
    "syntax error",
    "no element found",
    "not well-formed (invalid token)",
    "unclosed token",
    "partial character",
    "mismatched tag",
    "duplicate attribute",
    "junk after document element",
    "illegal parameter entity reference",
    "undefined entity",
    "recursive entity reference",
    "asynchronous entity",
    "reference to invalid character number",
    "reference to binary entity",
    "reference to external entity in attribute",
    "XML or text declaration not at start of entity",
    "unknown encoding",
    "encoding specified in XML declaration is incorrect",
    "unclosed CDATA section",
    "error in processing external entity reference",
    "document is not standalone",
    "unexpected parser state - please send a bug report",
    "entity declared in parameter entity",
    "requested feature requires XML_DTD support in Expat",
    "cannot change setting once parsing has begun",
    "unbound prefix",
    "must not undeclare prefix",
    "incomplete markup in parameter entity",
    "XML declaration not well-formed",
    "text declaration not well-formed",
    "illegal character(s) in public id",
    "parser suspended",
    "parser not suspended",
    "parsing aborted",
    "parsing finished",
    "cannot suspend in external parameter entity",
    "reserved prefix (xml) must not be undeclared or bound to another namespace name",
    "reserved prefix (xmlns) must not be declared or undeclared",
    "prefix must not be bound to one of the reserved namespace names",
    "invalid argument",
    "a successful prior call to function XML_GetBuffer is required",
    "limit on input amplification factor (from DTD and entities) breached",
];

/// The `XML_ERROR_*` names of `pyexpat.errors`, by code (index = code - 1).
const ERROR_NAMES: &[&str] = &[
    "XML_ERROR_NO_MEMORY",
    "XML_ERROR_SYNTAX",
    "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN",
    "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL",
    "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED",
    "XML_ERROR_ABORTED",
    "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE",
    "XML_ERROR_RESERVED_PREFIX_XML",
    "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI",
    "XML_ERROR_INVALID_ARGUMENT",
    "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
];

const E_SYNTAX: i64 = 2;
const E_NO_ELEMENTS: i64 = 3;
const E_INVALID_TOKEN: i64 = 4;
const E_UNCLOSED_TOKEN: i64 = 5;
const E_TAG_MISMATCH: i64 = 7;
const E_DUPLICATE_ATTRIBUTE: i64 = 8;
const E_JUNK_AFTER_DOC: i64 = 9;
const E_UNDEFINED_ENTITY: i64 = 11;
const E_BAD_CHAR_REF: i64 = 14;
const E_MISPLACED_XML_PI: i64 = 17;
const E_UNKNOWN_ENCODING: i64 = 18;
const E_UNCLOSED_CDATA: i64 = 20;
const E_UNBOUND_PREFIX: i64 = 27;
const E_XML_DECL: i64 = 30;
const E_FINISHED: i64 = 36;

const HANDLERS: &[&str] = &[
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
];

const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

#[derive(Clone, Copy, PartialEq)]
enum Enc {
    Utf8,
    Latin1,
    Utf16Le,
    Utf16Be,
}

struct OpenElem {
    /// The name as written (`p:tag`), to match the end tag.
    raw: String,
    /// The name reported to the handlers.
    reported: String,
    /// How many namespace bindings this element pushed, with their prefixes.
    ns_prefixes: Vec<Option<String>>,
}

#[derive(Default)]
struct State {
    sep: Option<String>,
    /// The encoding given to `ParserCreate`.
    forced: Option<String>,
    enc: Option<Enc>,
    /// A codec only Python knows: the whole document is decoded at the end.
    other_enc: Option<String>,
    str_input: bool,
    raw: Vec<u8>,
    /// Decoded, line-end-normalized text not yet consumed.
    buf: String,
    /// A '\r' ending the last chunk (it may be the first half of "\r\n").
    pending_cr: bool,
    /// Line and column of `buf[0]`, and the characters consumed before it.
    base_line: usize,
    base_col: usize,
    base_chars: usize,
    /// Position cache: (byte offset in `buf`, line, column, chars from doc start).
    cache: (usize, usize, usize, usize),
    consumed_any: bool,
    root_seen: bool,
    root_done: bool,
    doctype_seen: bool,
    external_dtd: bool,
    stack: Vec<OpenElem>,
    ns: Vec<(Option<String>, String)>,
    entities: HashMap<String, String>,
    finished: bool,
    error: Option<(i64, usize, usize)>,
    /// Character data waiting to be reported (`buffer_text`), with its position.
    text: String,
    text_at: (usize, usize),
}

pub struct Parser {
    st: RefCell<State>,
    line: Cell<usize>,
    col: Cell<usize>,
    index: Cell<i64>,
    err: Cell<(i64, usize, usize)>,
}

impl_native!(Parser, |_s, _visit| {});

fn error_class(vm: &Vm) -> Value {
    vm.state.borrow().get("pyexpat.ExpatError").copied().unwrap_or(vm.exc.exception)
}

fn message(code: i64) -> &'static str {
    usize::try_from(code - 1).ok().and_then(|i| MESSAGES.get(i)).copied().unwrap_or("unknown error")
}

/// An `ExpatError` for `code` at (line, column).
fn expat_error(vm: &mut Vm, code: i64, line: usize, col: usize) -> PyErr {
    let msg = vm.new_string(format!("{}: line {line}, column {col}", message(code)));
    let cls = error_class(vm);
    let e = vm.new_exception(cls, vec![msg]);
    for (k, v) in [("code", code), ("lineno", line as i64), ("offset", col as i64)] {
        let k = vm.intern(k);
        let v = vm.new_int(v);
        if vm.set_attr(e, k, v).is_err() {
            break;
        }
    }
    PyErr(e)
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic()
        || c == '_'
        || c == ':'
        || (c as u32 >= 0xC0 && !c.is_whitespace() && c != '\u{D7}' && c != '\u{F7}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || c.is_ascii_digit()
        || c == '-'
        || c == '.'
        || c == '\u{B7}'
        || (c as u32 >= 0x300 && c as u32 <= 0x36F)
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// What one step of the tokenizer did.
enum Step {
    Done,
    /// The token is not complete in the buffer: wait for more input.
    More,
}

/// One `Parse` call: the parser's state taken out of its cell while handlers run.
struct Run<'a> {
    this: Value,
    p: &'a Parser,
    st: State,
    pos: usize,
    fin: bool,
}

impl Run<'_> {
    fn rest(&self) -> &str {
        &self.st.buf[self.pos..]
    }

    /// Line and column of byte offset `off` of the buffer.
    fn loc(&mut self, off: usize) -> (usize, usize) {
        let (mut at, mut line, mut col, mut chars) = self.st.cache;
        if off < at {
            at = 0;
            line = self.st.base_line;
            col = self.st.base_col;
            chars = self.st.base_chars;
        }
        let mut off = off.min(self.st.buf.len());
        while !self.st.buf.is_char_boundary(off) {
            off -= 1;
        }
        for c in self.st.buf[at..off].chars() {
            chars += 1;
            if c == '\n' {
                line += 1;
                col = 0;
            } else {
                col += 1;
            }
        }
        self.st.cache = (off, line, col, chars);
        (line, col)
    }

    fn fail(&mut self, vm: &mut Vm, code: i64, off: usize) -> PyErr {
        let (line, col) = self.loc(off);
        self.st.error = Some((code, line, col));
        self.p.err.set((code, line, col));
        self.p.line.set(line);
        self.p.col.set(col);
        expat_error(vm, code, line, col)
    }

    fn handler(&self, vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
        let k = vm.intern(name);
        let h = vm.get_attr(self.this, k)?;
        Ok(if h.is_none() { None } else { Some(h) })
    }

    fn flag(&self, vm: &mut Vm, name: &str) -> PyResult<bool> {
        let k = vm.intern(name);
        let v = vm.get_attr(self.this, k)?;
        vm.truthy(v)
    }

    /// Calls handler `name` with `args` for an event at byte offset `off`; false when the
    /// handler is not set.
    fn emit(&mut self, vm: &mut Vm, name: &str, off: usize, args: &[Value]) -> PyResult<bool> {
        let Some(h) = self.handler(vm, name)? else { return Ok(false) };
        self.set_pos(off);
        vm.call(h, args, &[])?;
        Ok(true)
    }

    /// Records byte offset `off` of the buffer as the current position (what
    /// `CurrentLineNumber`, `ErrorLineNumber`... read while a handler runs).
    fn set_pos(&mut self, off: usize) {
        let (line, col) = self.loc(off);
        self.p.line.set(line);
        self.p.col.set(col);
        self.p.index.set(self.st.cache.3 as i64);
        self.p.err.set((0, line, col));
    }

    /// Passes `text` to the default handler, if one is set.
    fn default(&mut self, vm: &mut Vm, off: usize, text: &str) -> PyResult<()> {
        if text.is_empty() {
            return Ok(());
        }
        let h = match self.handler(vm, "DefaultHandlerExpand")? {
            Some(h) => Some(h),
            None => self.handler(vm, "DefaultHandler")?,
        };
        if let Some(h) = h {
            self.flush_text(vm)?;
            self.set_pos(off);
            let t = vm.new_str(text);
            vm.call(h, &[t], &[])?;
        }
        Ok(())
    }

    /// Character data at `off`: buffered with `buffer_text`, else reported at once (one
    /// call per line, as Expat does).
    fn text(&mut self, vm: &mut Vm, off: usize, text: &str) -> PyResult<()> {
        if text.is_empty() {
            return Ok(());
        }
        if self.handler(vm, "CharacterDataHandler")?.is_none() {
            return self.default(vm, off, text);
        }
        if self.flag(vm, "buffer_text")? {
            if self.st.text.is_empty() {
                self.st.text_at = self.loc(off);
            }
            self.st.text.push_str(text);
            return Ok(());
        }
        self.flush_text(vm)?;
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                if i > start {
                    self.emit_text(vm, off + start, &text[start..i])?;
                }
                self.emit_text(vm, off + i, "\n")?;
                start = i + 1;
            }
        }
        if start < text.len() {
            self.emit_text(vm, off + start, &text[start..])?;
        }
        Ok(())
    }

    fn emit_text(&mut self, vm: &mut Vm, off: usize, text: &str) -> PyResult<()> {
        let t = vm.new_str(text);
        self.emit(vm, "CharacterDataHandler", off, &[t])?;
        Ok(())
    }

    fn flush_text(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.st.text.is_empty() {
            return Ok(());
        }
        let text = std::mem::take(&mut self.st.text);
        if let Some(h) = self.handler(vm, "CharacterDataHandler")? {
            let (line, col) = self.st.text_at;
            self.p.line.set(line);
            self.p.col.set(col);
            let t = vm.new_string(text);
            vm.call(h, &[t], &[])?;
        }
        Ok(())
    }

    fn run(&mut self, vm: &mut Vm) -> PyResult<()> {
        while let Some(c) = self.rest().chars().next() {
            let step = if c == '<' {
                self.markup(vm)?
            } else if !self.st.stack.is_empty() {
                self.content(vm)?
            } else {
                self.outside(vm)?
            };
            if let Step::More = step {
                if self.fin {
                    return Err(self.unclosed(vm));
                }
                break;
            }
            self.st.consumed_any = true;
        }
        Ok(())
    }

    /// The error for a token still open at the end of the document.
    fn unclosed(&mut self, vm: &mut Vm) -> PyErr {
        let rest = self.rest();
        if rest.starts_with("<![CDATA[") {
            let end = self.st.buf.len();
            return self.fail(vm, E_UNCLOSED_CDATA, end);
        }
        if rest.starts_with('&') {
            let end = self.st.buf.len();
            return self.fail(vm, E_INVALID_TOKEN, end);
        }
        let at = self.pos;
        self.fail(vm, E_UNCLOSED_TOKEN, at)
    }

    /// Text outside the root element: only white space is allowed.
    fn outside(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let start = self.pos;
        let rest = self.rest();
        let n = rest.find(|c: char| !is_ws(c)).unwrap_or(rest.len());
        if n > 0 {
            let ws = rest[..n].to_string();
            self.pos += n;
            self.default(vm, start, &ws)?;
            return Ok(Step::Done);
        }
        if self.st.root_done {
            return Err(self.fail(vm, E_JUNK_AFTER_DOC, start));
        }
        // Before the root Expat reads a run of name characters as one token, which is
        // invalid where it ends.
        let rest = self.rest();
        let run = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
        if run == rest.len() && !self.fin {
            return Ok(Step::More);
        }
        Err(self.fail(vm, E_INVALID_TOKEN, start + run))
    }

    /// Character data and references inside an element.
    fn content(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let start = self.pos;
        if self.rest().starts_with('&') {
            let Some((s, len)) = self.reference(vm, start, false)? else { return Ok(Step::More) };
            self.pos += len;
            if let Some(s) = s {
                self.text(vm, start, &s)?;
            }
            return Ok(Step::Done);
        }
        let rest = self.rest();
        let mut end = rest.len();
        let mut bad = None;
        for (i, c) in rest.char_indices() {
            if c == '<' || c == '&' {
                end = i;
                break;
            }
            if !is_xml_char(c) {
                bad = Some(i);
                break;
            }
            if c == '>' && rest[..i].ends_with("]]") {
                bad = Some(i);
                break;
            }
        }
        if let Some(i) = bad {
            return Err(self.fail(vm, E_INVALID_TOKEN, start + i));
        }
        // Up to two ']' at the end of the input may begin a "]]>" the next chunk ends:
        // keep them back.
        if end == rest.len() && !self.fin {
            let kept = rest[..end].bytes().rev().take(2).take_while(|&b| b == b']').count();
            end -= kept;
            if end == 0 {
                return Ok(Step::More);
            }
        }
        let text = rest[..end].to_string();
        self.pos += end;
        self.text(vm, start, &text)?;
        Ok(Step::Done)
    }

    /// A reference `&...;` at `off`: its replacement text (None for an undefined entity
    /// passed to the default handler) and its length; None when incomplete.
    #[allow(clippy::type_complexity)]
    fn reference(&mut self, vm: &mut Vm, off: usize, in_attr: bool) -> PyResult<Option<(Option<String>, usize)>> {
        let s = &self.st.buf[off..];
        let mut it = s.char_indices().skip(1).peekable();
        let Some(&(_, c)) = it.peek() else { return Ok(None) };
        if c == '#' {
            it.next();
            let hex = matches!(it.peek(), Some(&(_, 'x')));
            if hex {
                it.next();
            }
            let mut val: u32 = 0;
            let mut digits = 0;
            for (i, c) in it {
                if c == ';' && digits > 0 {
                    let ch = char::from_u32(val).filter(|&c| is_xml_char(c));
                    return match ch {
                        Some(ch) => Ok(Some((Some(ch.to_string()), i + 1))),
                        None => Err(self.fail(vm, E_BAD_CHAR_REF, off)),
                    };
                }
                let d = if hex { c.to_digit(16) } else { c.to_digit(10) };
                match d {
                    Some(d) => {
                        val = val.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
                        digits += 1;
                    }
                    None => return Err(self.fail(vm, E_INVALID_TOKEN, off + i)),
                }
            }
            return Ok(None);
        }
        if !is_name_start(c) {
            return Err(self.fail(vm, E_INVALID_TOKEN, off + 1));
        }
        let mut end = None;
        for (i, c) in it {
            if c == ';' {
                end = Some(i);
                break;
            }
            if !is_name_char(c) {
                return Err(self.fail(vm, E_INVALID_TOKEN, off + i));
            }
        }
        let Some(end) = end else { return Ok(None) };
        let name = s[1..end].to_string();
        let name = name.as_str();
        let v = match name {
            "lt" => Some("<".to_string()),
            "gt" => Some(">".to_string()),
            "amp" => Some("&".to_string()),
            "apos" => Some("'".to_string()),
            "quot" => Some("\"".to_string()),
            _ => self.st.entities.get(name).cloned(),
        };
        match v {
            Some(v) => Ok(Some((Some(v), end + 1))),
            None if self.st.external_dtd && !in_attr => {
                let text = format!("&{name};");
                self.flush_text(vm)?;
                let name_v = vm.new_str(name);
                if !self.emit(vm, "SkippedEntityHandler", off, &[name_v, Value::bool(false)])? {
                    self.default(vm, off, &text)?;
                }
                Ok(Some((None, end + 1)))
            }
            None => Err(self.fail(vm, E_UNDEFINED_ENTITY, off)),
        }
    }

    fn markup(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let rest = self.rest();
        if rest.len() < 2 {
            return Ok(Step::More);
        }
        if rest.starts_with("<?") {
            return self.pi(vm);
        }
        if rest.starts_with("<!") {
            let b = rest.as_bytes();
            let starts = |what: &[u8]| what.starts_with(&b[..b.len().min(what.len())]);
            if starts(b"<!--") {
                return self.comment(vm);
            }
            if starts(b"<![CDATA[") {
                return self.cdata(vm);
            }
            if starts(b"<!DOCTYPE") {
                return self.doctype(vm);
            }
            let at = self.pos + 2;
            return Err(self.fail(vm, E_INVALID_TOKEN, at));
        }
        if rest.starts_with("</") {
            return self.end_tag(vm);
        }
        self.start_tag(vm)
    }

    fn pi(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let off = self.pos;
        let Some(end) = self.rest().find("?>") else { return Ok(Step::More) };
        let body = self.rest()[2..end].to_string();
        let whole = self.rest()[..end + 2].to_string();
        let tlen = body.find(|c: char| !is_name_char(c)).unwrap_or(body.len());
        if tlen == 0 || !body.chars().next().is_some_and(is_name_start) {
            return Err(self.fail(vm, E_INVALID_TOKEN, off + 2));
        }
        let target = &body[..tlen];
        let after = &body[tlen..];
        if !after.is_empty() && !after.starts_with(is_ws) {
            return Err(self.fail(vm, E_INVALID_TOKEN, off + 2 + tlen));
        }
        let data = after.trim_start_matches(is_ws).to_string();
        if target == "xml" {
            if self.st.consumed_any || self.st.base_chars > 0 {
                return Err(self.fail(vm, E_MISPLACED_XML_PI, off));
            }
            self.pos += end + 2;
            return self.xml_decl(vm, off, &data, &whole).map(|()| Step::Done);
        }
        self.pos += end + 2;
        self.flush_text(vm)?;
        let (t, d) = (vm.new_str(target), vm.new_string(data));
        if !self.emit(vm, "ProcessingInstructionHandler", off, &[t, d])? {
            self.default(vm, off, &whole)?;
        }
        Ok(Step::Done)
    }

    fn xml_decl(&mut self, vm: &mut Vm, off: usize, data: &str, whole: &str) -> PyResult<()> {
        let attrs = pseudo_attrs(data);
        let Some(attrs) = attrs.filter(|a| a.first().is_some_and(|(k, _)| k == "version")) else {
            return Err(self.fail(vm, E_XML_DECL, off));
        };
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let version = get("version").unwrap_or_default();
        let standalone = match get("standalone").as_deref() {
            Some("yes") => 1,
            Some("no") => 0,
            Some(_) => return Err(self.fail(vm, E_XML_DECL, off)),
            None => -1,
        };
        let v = vm.new_string(version);
        let e = match get("encoding") {
            Some(e) => vm.new_string(e),
            None => Value::NONE,
        };
        let s = vm.new_int(standalone);
        if !self.emit(vm, "XmlDeclHandler", off, &[v, e, s])? {
            self.default(vm, off, whole)?;
        }
        Ok(())
    }

    fn comment(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let off = self.pos;
        let rest = self.rest();
        if rest.len() < 4 {
            return Ok(Step::More);
        }
        let body_start = 4;
        let Some(dd) = rest[body_start..].find("--") else { return Ok(Step::More) };
        let dd = body_start + dd;
        if rest.len() < dd + 3 {
            return Ok(Step::More);
        }
        if rest.as_bytes()[dd + 2] != b'>' {
            return Err(self.fail(vm, E_INVALID_TOKEN, off + dd + 2));
        }
        let body = rest[body_start..dd].to_string();
        let whole = rest[..dd + 3].to_string();
        if let Some(i) = body.find(|c: char| !is_xml_char(c)) {
            return Err(self.fail(vm, E_INVALID_TOKEN, off + body_start + i));
        }
        self.pos += dd + 3;
        self.flush_text(vm)?;
        let b = vm.new_string(body);
        if !self.emit(vm, "CommentHandler", off, &[b])? {
            self.default(vm, off, &whole)?;
        }
        Ok(Step::Done)
    }

    fn cdata(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let off = self.pos;
        let rest = self.rest();
        if rest.len() < 9 {
            return Ok(Step::More);
        }
        if self.st.stack.is_empty() {
            let code = if self.st.root_done { E_JUNK_AFTER_DOC } else { E_INVALID_TOKEN };
            return Err(self.fail(vm, code, off));
        }
        let Some(end) = rest[9..].find("]]>") else { return Ok(Step::More) };
        let body = rest[9..9 + end].to_string();
        if let Some(i) = body.find(|c: char| !is_xml_char(c)) {
            return Err(self.fail(vm, E_INVALID_TOKEN, off + 9 + i));
        }
        self.pos += 9 + end + 3;
        let sections = self.handler(vm, "StartCdataSectionHandler")?.is_some()
            || self.handler(vm, "EndCdataSectionHandler")?.is_some();
        if sections {
            self.flush_text(vm)?;
            self.emit(vm, "StartCdataSectionHandler", off, &[])?;
        }
        self.text(vm, off + 9, &body)?;
        if sections {
            self.flush_text(vm)?;
            self.emit(vm, "EndCdataSectionHandler", off + 9 + end, &[])?;
        }
        Ok(Step::Done)
    }

    fn doctype(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let off = self.pos;
        let rest = self.rest().to_string();
        if rest.len() < 9 {
            return Ok(Step::More);
        }
        if self.st.root_seen || self.st.doctype_seen {
            let code = if self.st.root_done { E_JUNK_AFTER_DOC } else { E_INVALID_TOKEN };
            return Err(self.fail(vm, code, off));
        }
        // Find the end, skipping quoted strings, comments and the internal subset.
        let b = rest.as_bytes();
        let mut i = 9;
        let mut subset: Option<(usize, usize)> = None;
        let mut quote = 0u8;
        let mut depth_start = None;
        let end = loop {
            let Some(&c) = b.get(i) else { return Ok(Step::More) };
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
            } else if depth_start.is_some() {
                if b[i..].starts_with(b"<!--") {
                    match b[i + 4..].windows(3).position(|w| w == b"-->") {
                        Some(e) => i += 4 + e + 2,
                        None => return Ok(Step::More),
                    }
                } else if c == b'"' || c == b'\'' {
                    quote = c;
                } else if c == b']' {
                    subset = depth_start.map(|s| (s, i));
                    depth_start = None;
                }
            } else if c == b'"' || c == b'\'' {
                quote = c;
            } else if c == b'[' {
                depth_start = Some(i + 1);
            } else if c == b'>' {
                break i;
            }
            i += 1;
        };
        let head_end = subset.map(|(s, _)| s - 1).unwrap_or(end);
        let head = &rest[9..head_end];
        let words = split_decl(head);
        let Some(name) = words.first().cloned().filter(|w| w.chars().next().is_some_and(is_name_start)) else {
            return Err(self.fail(vm, E_SYNTAX, off + 9));
        };
        let unq = |w: &str| w.trim_matches(|c| c == '"' || c == '\'').to_string();
        let (sysid, pubid) = match words.get(1).map(String::as_str) {
            Some("SYSTEM") => (words.get(2).map(|w| unq(w)), None),
            Some("PUBLIC") => (words.get(3).map(|w| unq(w)), words.get(2).map(|w| unq(w))),
            _ => (None, None),
        };
        self.st.doctype_seen = true;
        self.st.external_dtd = sysid.is_some();
        if let Some((s, e)) = subset {
            self.read_subset(&rest[s..e]);
        }
        self.pos += end + 1;
        self.flush_text(vm)?;
        let n = vm.new_string(name.clone());
        let sv = sysid.as_ref().map_or(Value::NONE, |s| vm.new_str(s));
        let pv = pubid.as_ref().map_or(Value::NONE, |s| vm.new_str(s));
        let has_subset = Value::bool(subset.is_some());
        if self.emit(vm, "StartDoctypeDeclHandler", off, &[n, sv, pv, has_subset])? {
            self.emit(vm, "EndDoctypeDeclHandler", off + end, &[])?;
        } else {
            // Expat passes the declaration's tokens to the default handler one by one
            // (`xml.etree`'s XMLParser reassembles them).
            self.default(vm, off, "<!DOCTYPE")?;
            for w in words.iter().take(4) {
                self.default(vm, off, " ")?;
                self.default(vm, off, w)?;
            }
            self.default(vm, off + end, ">")?;
            self.emit(vm, "EndDoctypeDeclHandler", off + end, &[])?;
        }
        Ok(Step::Done)
    }

    /// Entity declarations of the internal subset (`<!ENTITY name "value">`).
    fn read_subset(&mut self, subset: &str) {
        let mut i = 0;
        while let Some(j) = subset[i..].find("<!ENTITY") {
            let start = i + j + 8;
            let Some(e) = find_decl_end(&subset[start..]) else { break };
            let words = split_decl(&subset[start..start + e]);
            i = start + e + 1;
            if words.first().map(String::as_str) == Some("%") || words.len() < 2 {
                continue;
            }
            let v = &words[1];
            if v.len() >= 2 && (v.starts_with('"') || v.starts_with('\'')) {
                let raw = v[1..v.len() - 1].to_string();
                let value = self.expand_entity_value(&raw);
                self.st.entities.entry(words[0].clone()).or_insert(value);
            }
        }
    }

    /// The replacement text of an internal entity: character references and references to
    /// entities declared before it expanded.
    fn expand_entity_value(&self, raw: &str) -> String {
        let mut out = String::new();
        let mut rest = raw;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let Some(e) = rest.find(';') else { break };
            let name = &rest[1..e];
            let rep = if let Some(num) = name.strip_prefix("#x") {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32).map(String::from)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32).map(String::from)
            } else {
                match name {
                    "lt" | "gt" | "amp" | "apos" | "quot" => None,
                    _ => self.st.entities.get(name).cloned(),
                }
            };
            match rep {
                Some(r) => out.push_str(&r),
                None => out.push_str(&rest[..e + 1]),
            }
            rest = &rest[e + 1..];
        }
        out.push_str(rest);
        out
    }

    fn read_name(&self, off: usize) -> Option<usize> {
        let s = &self.st.buf[off..];
        let first = s.chars().next()?;
        if !is_name_start(first) {
            return Some(0);
        }
        Some(s.find(|c: char| !is_name_char(c)).unwrap_or(s.len()))
    }

    fn skip_ws(&self, off: usize) -> usize {
        let s = &self.st.buf[off..];
        s.find(|c: char| !is_ws(c)).unwrap_or(s.len())
    }

    fn start_tag(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let off = self.pos;
        let n = match self.read_name(off + 1) {
            None => return Ok(Step::More),
            Some(0) => return Err(self.fail(vm, E_INVALID_TOKEN, off + 1)),
            Some(n) => n,
        };
        if off + 1 + n >= self.st.buf.len() {
            return Ok(Step::More);
        }
        let name = self.st.buf[off + 1..off + 1 + n].to_string();
        let mut i = off + 1 + n;
        let mut attrs: Vec<(String, String, usize)> = Vec::new();
        let empty;
        loop {
            let ws = self.skip_ws(i);
            i += ws;
            let Some(c) = self.st.buf[i..].chars().next() else { return Ok(Step::More) };
            if c == '>' {
                i += 1;
                empty = false;
                break;
            }
            if c == '/' {
                match self.st.buf[i + 1..].chars().next() {
                    None => return Ok(Step::More),
                    Some('>') => {
                        i += 2;
                        empty = true;
                        break;
                    }
                    Some(_) => return Err(self.fail(vm, E_INVALID_TOKEN, i + 1)),
                }
            }
            if ws == 0 || !is_name_start(c) {
                return Err(self.fail(vm, E_INVALID_TOKEN, i));
            }
            let an = match self.read_name(i) {
                Some(an) if i + an < self.st.buf.len() => an,
                _ => return Ok(Step::More),
            };
            let aname = self.st.buf[i..i + an].to_string();
            let name_at = i;
            i += an;
            i += self.skip_ws(i);
            match self.st.buf[i..].chars().next() {
                None => return Ok(Step::More),
                Some('=') => i += 1,
                Some(_) => return Err(self.fail(vm, E_INVALID_TOKEN, i)),
            }
            i += self.skip_ws(i);
            let q = match self.st.buf[i..].chars().next() {
                None => return Ok(Step::More),
                Some(q @ ('"' | '\'')) => q,
                Some(_) => return Err(self.fail(vm, E_INVALID_TOKEN, i)),
            };
            i += 1;
            let mut value = String::new();
            loop {
                let Some(c) = self.st.buf[i..].chars().next() else { return Ok(Step::More) };
                if c == q {
                    i += 1;
                    break;
                }
                match c {
                    '<' => return Err(self.fail(vm, E_INVALID_TOKEN, i)),
                    '&' => {
                        let Some((s, len)) = self.reference(vm, i, true)? else { return Ok(Step::More) };
                        value.push_str(&s.unwrap_or_default());
                        i += len;
                    }
                    '\t' | '\n' | '\r' => {
                        value.push(' ');
                        i += 1;
                    }
                    c if !is_xml_char(c) => return Err(self.fail(vm, E_INVALID_TOKEN, i)),
                    c => {
                        value.push(c);
                        i += c.len_utf8();
                    }
                }
            }
            if attrs.iter().any(|(n, _, _)| *n == aname) {
                return Err(self.fail(vm, E_DUPLICATE_ATTRIBUTE, name_at));
            }
            attrs.push((aname, value, name_at));
            // An attribute must be followed by white space, '>' or '/>'.
            match self.st.buf[i..].chars().next() {
                None => return Ok(Step::More),
                Some(c) if is_ws(c) || c == '>' || c == '/' => {}
                Some(_) => return Err(self.fail(vm, E_INVALID_TOKEN, i)),
            }
        }
        if self.st.root_done {
            return Err(self.fail(vm, E_JUNK_AFTER_DOC, off));
        }
        self.st.root_seen = true;
        self.pos = i;
        self.flush_text(vm)?;
        // Namespace processing.
        let mut ns_prefixes = Vec::new();
        let (reported, attrs) = if let Some(sep) = self.st.sep.clone() {
            let mut plain = Vec::new();
            let mut decls = Vec::new();
            for (n, v, at) in attrs {
                if n == "xmlns" {
                    decls.push((None, v));
                } else if let Some(p) = n.strip_prefix("xmlns:") {
                    decls.push((Some(p.to_string()), v));
                } else {
                    plain.push((n, v, at));
                }
            }
            for (p, uri) in decls {
                self.st.ns.push((p.clone(), uri.clone()));
                ns_prefixes.push(p.clone());
                let pv = p.as_ref().map_or(Value::NONE, |p| vm.new_str(p));
                let uv = if uri.is_empty() { Value::NONE } else { vm.new_string(uri) };
                self.emit(vm, "StartNamespaceDeclHandler", off, &[pv, uv])?;
            }
            let prefixes = self.flag(vm, "namespace_prefixes")?;
            let reported = match self.expand(&name, true, &sep, prefixes) {
                Some(r) => r,
                None => return Err(self.fail(vm, E_UNBOUND_PREFIX, off)),
            };
            let mut out = Vec::new();
            for (n, v, at) in plain {
                match self.expand(&n, false, &sep, prefixes) {
                    Some(r) => out.push((r, v, at)),
                    None => return Err(self.fail(vm, E_UNBOUND_PREFIX, off)),
                }
            }
            (reported, out)
        } else {
            (name.clone(), attrs)
        };
        let ordered = self.flag(vm, "ordered_attributes")?;
        let attr_value = if ordered {
            let mut items = Vec::with_capacity(attrs.len() * 2);
            for (n, v, _) in &attrs {
                items.push(vm.new_str(n));
                items.push(vm.new_str(v));
            }
            vm.new_list(items)
        } else {
            let d = vm.new_dict();
            for (n, v, _) in &attrs {
                let (k, v) = (vm.new_str(n), vm.new_str(v));
                vm.dict_set(d, k, v)?;
            }
            d
        };
        let rv = vm.new_str(&reported);
        self.st.stack.push(OpenElem { raw: name, reported: reported.clone(), ns_prefixes });
        if !self.emit(vm, "StartElementHandler", off, &[rv, attr_value])? {
            let whole = self.st.buf[off..i].to_string();
            self.default(vm, off, &whole)?;
        }
        if empty {
            self.close_element(vm, i)?;
        }
        Ok(Step::Done)
    }

    /// A qualified name expanded with the bindings in scope; None for an unbound prefix.
    fn expand(&self, qname: &str, element: bool, sep: &str, with_prefix: bool) -> Option<String> {
        let lookup = |p: Option<&str>| -> Option<String> {
            if p == Some("xml") {
                return Some(XML_NAMESPACE.to_string());
            }
            self.st.ns.iter().rev().find(|(q, _)| q.as_deref() == p).map(|(_, u)| u.clone())
        };
        match qname.split_once(':') {
            Some((p, local)) if !p.is_empty() && !local.is_empty() => {
                let uri = lookup(Some(p)).filter(|u| !u.is_empty())?;
                Some(if with_prefix { format!("{uri}{sep}{local}{sep}{p}") } else { format!("{uri}{sep}{local}") })
            }
            _ if element => match lookup(None).filter(|u| !u.is_empty()) {
                Some(uri) => Some(format!("{uri}{sep}{qname}")),
                None => Some(qname.to_string()),
            },
            _ => Some(qname.to_string()),
        }
    }

    fn end_tag(&mut self, vm: &mut Vm) -> PyResult<Step> {
        let off = self.pos;
        let n = match self.read_name(off + 2) {
            None => return Ok(Step::More),
            Some(0) => return Err(self.fail(vm, E_INVALID_TOKEN, off + 2)),
            Some(n) => n,
        };
        let name = self.st.buf[off + 2..off + 2 + n].to_string();
        let mut i = off + 2 + n;
        i += self.skip_ws(i);
        match self.st.buf[i..].chars().next() {
            None => return Ok(Step::More),
            Some('>') => i += 1,
            Some(_) => return Err(self.fail(vm, E_INVALID_TOKEN, i)),
        }
        match self.st.stack.last() {
            None => {
                let code = if self.st.root_done { E_JUNK_AFTER_DOC } else { E_INVALID_TOKEN };
                return Err(self.fail(vm, code, off));
            }
            Some(top) if top.raw != name => return Err(self.fail(vm, E_TAG_MISMATCH, off + 2)),
            Some(_) => {}
        }
        self.pos = i;
        self.close_element(vm, off)?;
        Ok(Step::Done)
    }

    fn close_element(&mut self, vm: &mut Vm, off: usize) -> PyResult<()> {
        self.flush_text(vm)?;
        let Some(e) = self.st.stack.pop() else { return Ok(()) };
        if self.st.stack.is_empty() {
            self.st.root_done = true;
        }
        let rv = vm.new_string(e.reported);
        if !self.emit(vm, "EndElementHandler", off, &[rv])? {
            let text = format!("</{}>", e.raw);
            self.default(vm, off, &text)?;
        }
        for p in e.ns_prefixes.iter().rev() {
            self.st.ns.pop();
            let pv = p.as_ref().map_or(Value::NONE, |p| vm.new_str(p));
            self.emit(vm, "EndNamespaceDeclHandler", off, &[pv])?;
        }
        Ok(())
    }

    /// Drops the consumed part of the buffer, keeping the position of what remains.
    fn compact(&mut self) {
        let pos = self.pos;
        let (line, col) = self.loc(pos);
        self.st.base_line = line;
        self.st.base_col = col;
        self.st.base_chars = self.st.cache.3;
        self.st.buf.drain(..pos);
        self.st.cache = (0, line, col, self.st.base_chars);
        self.pos = 0;
    }
}

/// Splits a declaration's text into words, keeping quoted strings (with their quotes)
/// as one word.
fn split_decl(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if is_ws(c) {
            chars.next();
            continue;
        }
        let mut w = String::new();
        if c == '"' || c == '\'' {
            w.push(c);
            chars.next();
            for d in chars.by_ref() {
                w.push(d);
                if d == c {
                    break;
                }
            }
        } else {
            while let Some(&d) = chars.peek() {
                if is_ws(d) || d == '"' || d == '\'' {
                    break;
                }
                w.push(d);
                chars.next();
            }
        }
        out.push(w);
    }
    out
}

/// The offset of the '>' ending a markup declaration, skipping quoted strings.
fn find_decl_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return Some(i),
            None => {}
        }
    }
    None
}

/// The `name="value"` pairs of an XML declaration; None when malformed.
fn pseudo_attrs(s: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = s.trim_matches(is_ws);
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let name = rest[..eq].trim_matches(is_ws).to_string();
        rest = rest[eq + 1..].trim_start_matches(is_ws);
        let q = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let end = rest[1..].find(q)?;
        out.push((name, rest[1..1 + end].to_string()));
        rest = rest[end + 2..].trim_start_matches(is_ws);
    }
    Some(out)
}

fn enc_for(name: &str) -> Option<Enc> {
    match name.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" | "us-ascii" | "ascii" => Some(Enc::Utf8),
        "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" | "l1" => Some(Enc::Latin1),
        "utf-16" | "utf-16be" => Some(Enc::Utf16Be),
        "utf-16le" => Some(Enc::Utf16Le),
        _ => None,
    }
}

/// The encoding named in an XML declaration at the start of `raw`: Ok(None) when there
/// is none, Err(()) when the declaration is not complete yet.
fn declared_encoding(raw: &[u8]) -> Result<Option<String>, ()> {
    if !raw.starts_with(b"<?xml") {
        if b"<?xml".starts_with(raw) {
            return Err(());
        }
        return Ok(None);
    }
    let Some(end) = raw.windows(2).position(|w| w == b"?>") else { return Err(()) };
    let decl = String::from_utf8_lossy(&raw[5..end]).into_owned();
    Ok(pseudo_attrs(&decl).and_then(|a| a.into_iter().find(|(k, _)| k == "encoding").map(|(_, v)| v)))
}

/// Appends `s` to the buffer with line ends normalized to '\n'.
fn push_normalized(st: &mut State, s: &str, fin: bool) {
    let mut s = s;
    if st.pending_cr {
        st.pending_cr = false;
        st.buf.push('\n');
        if let Some(r) = s.strip_prefix('\n') {
            s = r;
        }
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            match chars.peek() {
                Some('\n') => {
                    chars.next();
                    st.buf.push('\n');
                }
                Some(_) => st.buf.push('\n'),
                None if fin => st.buf.push('\n'),
                None => st.pending_cr = true,
            }
        } else {
            st.buf.push(c);
        }
    }
}

/// Decodes as much of `st.raw` as possible into the buffer. Err((code, invalid offset))
/// for undecodable input.
fn decode(vm: &mut Vm, st: &mut State, fin: bool) -> PyResult<Result<(), i64>> {
    if st.enc.is_none() && st.other_enc.is_none() {
        let name = if let Some(f) = st.forced.clone() {
            Some(f)
        } else if st.raw.starts_with(&[0xEF, 0xBB, 0xBF]) {
            st.raw.drain(..3);
            Some("utf-8".to_string())
        } else if st.raw.starts_with(&[0xFF, 0xFE]) {
            st.raw.drain(..2);
            Some("utf-16le".to_string())
        } else if st.raw.starts_with(&[0xFE, 0xFF]) {
            st.raw.drain(..2);
            Some("utf-16be".to_string())
        } else {
            match declared_encoding(&st.raw) {
                Ok(e) => e,
                Err(()) if !fin => return Ok(Ok(())),
                Err(()) => None,
            }
        };
        match name {
            None => st.enc = Some(Enc::Utf8),
            Some(n) => match enc_for(&n) {
                Some(e) => st.enc = Some(e),
                None => st.other_enc = Some(n),
            },
        }
    }
    if let Some(name) = st.other_enc.clone() {
        if !fin {
            return Ok(Ok(()));
        }
        let raw = std::mem::take(&mut st.raw);
        let b = vm.new_bytes(raw);
        let n = vm.new_str(&name);
        let d = match vm.call_method(b, "decode", &[n]) {
            Ok(d) => d,
            Err(_) => return Ok(Err(E_UNKNOWN_ENCODING)),
        };
        let s = d.as_pystr().map(|s| s.as_str().to_string()).unwrap_or_default();
        push_normalized(st, &s, fin);
        return Ok(Ok(()));
    }
    match st.enc.unwrap_or(Enc::Utf8) {
        Enc::Utf8 => {
            let raw = std::mem::take(&mut st.raw);
            match std::str::from_utf8(&raw) {
                Ok(s) => push_normalized(st, s, fin),
                Err(e) => {
                    let good = e.valid_up_to();
                    // SAFETY: `from_utf8` checked the bytes up to `valid_up_to`.
                    let s = unsafe { std::str::from_utf8_unchecked(&raw[..good]) };
                    push_normalized(st, s, fin);
                    if e.error_len().is_some() || fin {
                        return Ok(Err(E_INVALID_TOKEN));
                    }
                    st.raw = raw[good..].to_vec();
                }
            }
        }
        Enc::Latin1 => {
            let raw = std::mem::take(&mut st.raw);
            let s: String = raw.iter().map(|&b| b as char).collect();
            push_normalized(st, &s, fin);
        }
        Enc::Utf16Le | Enc::Utf16Be => {
            let le = st.enc == Some(Enc::Utf16Le);
            let n = st.raw.len() / 2 * 2;
            let units: Vec<u16> = st.raw[..n]
                .chunks(2)
                .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
                .collect();
            let mut keep = n;
            let mut units = units;
            if units.last().is_some_and(|&u| (0xD800..0xDC00).contains(&u)) && !fin {
                units.pop();
                keep -= 2;
            }
            match String::from_utf16(&units) {
                Ok(s) => push_normalized(st, &s, fin),
                Err(_) => return Ok(Err(E_INVALID_TOKEN)),
            }
            st.raw.drain(..keep);
        }
    }
    Ok(Ok(()))
}

fn this_parser(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(&v) if native::<Parser>(&v).is_some() => Ok(v),
        _ => Err(vm.type_error("descriptor requires a 'pyexpat.xmlparser' object")),
    }
}

fn x_parse(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = this_parser(vm, args)?;
    let [data, isfinal] = vm.bind_args("Parse", &args[1..], kw, ["data", "isfinal"], 1)?;
    let fin = !isfinal.is_null() && vm.truthy(isfinal)?;
    parse_chunk(vm, this, data, fin)
}

fn parse_chunk(vm: &mut Vm, this: Value, data: Value, fin: bool) -> PyResult<Value> {
    let Some(p) = native::<Parser>(&this) else { return Err(vm.type_error("not an xmlparser")) };
    let bytes = if let Some(s) = data.as_pystr() {
        Some((s.as_str().as_bytes().to_vec(), true))
    } else {
        super::bytes_like(vm, data)?.map(|b| (b, false))
    };
    let Some((bytes, is_str)) = bytes else {
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_tp_name(data))));
    };
    let mut st = std::mem::take(&mut *p.st.borrow_mut());
    if let Some((code, line, col)) = st.error {
        *p.st.borrow_mut() = st;
        return Err(expat_error(vm, code, line, col));
    }
    if st.finished {
        *p.st.borrow_mut() = st;
        let (_, line, col) = p.err.get();
        return Err(expat_error(vm, E_FINISHED, line, col));
    }
    if is_str && !st.consumed_any && st.buf.is_empty() && st.raw.is_empty() {
        st.str_input = true;
        if st.enc.is_none() {
            st.enc = Some(Enc::Utf8);
        }
    }
    st.raw.extend_from_slice(&bytes);
    let mut run = Run { this, p, st, pos: 0, fin };
    let r = (|| -> PyResult<()> {
        if let Err(code) = decode(vm, &mut run.st, fin)? {
            let end = run.st.buf.len();
            return Err(run.fail(vm, code, end));
        }
        run.run(vm)?;
        run.flush_text(vm)?;
        if fin {
            if !run.st.root_seen || !run.st.stack.is_empty() {
                let end = run.st.buf.len();
                return Err(run.fail(vm, E_NO_ELEMENTS, end));
            }
            run.st.finished = true;
            let end = run.st.buf.len();
            let (line, col) = run.loc(end);
            p.err.set((0, line, col));
            p.line.set(line);
            p.col.set(col);
        }
        Ok(())
    })();
    // Whatever was consumed stays consumed; after a handler raised, a later Parse call goes
    // on from there (Expat would refuse it: a rare case).
    run.compact();
    let st = run.st;
    *p.st.borrow_mut() = st;
    r?;
    Ok(vm.new_int(1))
}

fn x_parse_file(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = this_parser(vm, args)?;
    let [file] = vm.bind_args("ParseFile", &args[1..], kw, ["file"], 1)?;
    let k = vm.intern("read");
    let Some(read) = vm.get_attr_opt(file, k)? else {
        return Err(vm.type_error("argument must have 'read' attribute"));
    };
    let n = vm.new_int(2048);
    loop {
        let chunk = vm.call(read, &[n], &[])?;
        let empty = match chunk.as_pystr() {
            Some(s) => s.as_str().is_empty(),
            None => match crate::types::bytes::bytes_data(chunk) {
                Some(b) => b.is_empty(),
                None => {
                    return Err(vm
                        .type_error(format!("read() did not return a bytes object (type={})", vm.type_tp_name(chunk))))
                }
            },
        };
        parse_chunk(vm, this, chunk, empty)?;
        if empty {
            return Ok(vm.new_int(1));
        }
    }
}

fn x_getter(vm: &mut Vm, args: &[Value], f: impl Fn(&Parser) -> i64) -> PyResult<Value> {
    let this = this_parser(vm, args)?;
    let p = native::<Parser>(&this).map(f).unwrap_or(0);
    Ok(vm.new_int(p))
}

fn x_error_code(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    x_getter(vm, args, |p| p.err.get().0)
}
fn x_error_line(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    x_getter(vm, args, |p| p.err.get().1 as i64)
}
fn x_error_col(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    x_getter(vm, args, |p| p.err.get().2 as i64)
}
fn x_line(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    x_getter(vm, args, |p| p.line.get() as i64)
}
fn x_col(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    x_getter(vm, args, |p| p.col.get() as i64)
}
fn x_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    x_getter(vm, args, |p| p.index.get())
}

fn x_set_param_entity_parsing(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this_parser(vm, args)?;
    Ok(vm.new_int(1))
}

fn x_use_foreign_dtd(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this_parser(vm, args)?;
    Ok(Value::NONE)
}

fn x_set_base(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = this_parser(vm, args)?;
    let base = args.get(1).copied().unwrap_or(Value::NONE);
    let k = vm.intern("_base");
    vm.set_attr(this, k, base)?;
    Ok(Value::NONE)
}

fn x_get_base(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = this_parser(vm, args)?;
    let k = vm.intern("_base");
    Ok(vm.get_attr_opt(this, k)?.unwrap_or(Value::NONE))
}

fn x_external_entity_parser_create(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.not_implemented_error("pyexpat: external entities (ExternalEntityParserCreate) are not supported yet"))
}

fn parser_create(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [encoding, sep, intern] =
        vm.bind_args("ParserCreate", args, kw, ["encoding", "namespace_separator", "intern"], 0)?;
    let mut st = State { base_line: 1, cache: (0, 1, 0, 0), ..State::default() };
    if let Some(e) = super::opt(encoding) {
        match e.as_pystr() {
            Some(s) => st.forced = Some(s.as_str().to_string()),
            None => {
                return Err(vm.type_error(format!(
                    "ParserCreate() argument 'encoding' must be str or None, not {}",
                    vm.type_tp_name(e)
                )))
            }
        }
    }
    if let Some(s) = super::opt(sep) {
        match s.as_pystr() {
            Some(s) if s.char_len <= 1 => st.sep = Some(s.as_str().to_string()),
            Some(_) => {
                return Err(vm.value_error("namespace_separator must be at most one character, omitted, or None"))
            }
            None => {
                return Err(vm.type_error(format!(
                    "ParserCreate() argument 'namespace_separator' must be str or None, not {}",
                    vm.type_tp_name(s)
                )))
            }
        }
    }
    let cls = vm.state.borrow().get("pyexpat.xmlparser").copied().unwrap_or(vm.types.object);
    let p = Parser {
        st: RefCell::new(st),
        line: Cell::new(1),
        col: Cell::new(0),
        index: Cell::new(-1),
        err: Cell::new((0, 1, 0)),
    };
    let obj = vm.new_native(cls, p);
    let intern = if intern.is_null() { vm.new_dict() } else { intern };
    let k = vm.intern("intern");
    vm.set_attr(obj, k, intern)?;
    Ok(obj)
}

fn error_string(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "ErrorString", args, kw, 1, 1)?;
    let code = vm.to_index(args[0])?;
    if code <= 0 || code as usize > MESSAGES.len() {
        return Ok(Value::NONE);
    }
    Ok(vm.new_str(message(code)))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(vm, "pyexpat", &[("ParserCreate", parser_create), ("ErrorString", error_string)]);
    use class_flags::*;
    let err = new_class(
        vm,
        "xml.parsers.expat",
        "ExpatError",
        vm.exc.exception,
        Layout::Exception,
        BASETYPE | HAS_DICT | EXCEPTION,
    );
    vm.state.borrow_mut().insert("pyexpat.ExpatError", err);
    set(vm, m, "ExpatError", err);
    set(vm, m, "error", err);

    let cls = new_class(vm, "pyexpat", "xmlparser", vm.types.object, Layout::Other, HAS_DICT);
    vm.state.borrow_mut().insert("pyexpat.xmlparser", cls);
    for (name, f) in [
        ("Parse", x_parse as crate::vm::NativeFn),
        ("ParseFile", x_parse_file),
        ("SetParamEntityParsing", x_set_param_entity_parsing),
        ("UseForeignDTD", x_use_foreign_dtd),
        ("SetBase", x_set_base),
        ("GetBase", x_get_base),
        ("ExternalEntityParserCreate", x_external_entity_parser_create),
    ] {
        vm.add_method(cls, name, f);
    }
    for (name, f) in [
        ("ErrorCode", x_error_code as crate::vm::NativeFn),
        ("ErrorLineNumber", x_error_line),
        ("ErrorColumnNumber", x_error_col),
        ("ErrorByteIndex", x_index),
        ("CurrentLineNumber", x_line),
        ("CurrentColumnNumber", x_col),
        ("CurrentByteIndex", x_index),
    ] {
        vm.add_getter(cls, name, f);
    }
    for h in HANDLERS {
        set(vm, cls, h, Value::NONE);
    }
    for f in ["buffer_text", "ordered_attributes", "specified_attributes", "namespace_prefixes"] {
        set(vm, cls, f, Value::bool(false));
    }
    set_int(vm, cls, "buffer_size", 8192);
    set_int(vm, cls, "buffer_used", 0);
    set(vm, m, "XMLParserType", cls);

    let major = vm.new_int(2);
    let minor = vm.new_int(5);
    let micro = vm.new_int(0);
    let vi = vm.new_tuple(vec![major, minor, micro]);
    set(vm, m, "version_info", vi);
    let ev = vm.new_str("expat_2.5.0");
    set(vm, m, "EXPAT_VERSION", ev);
    let ne = vm.new_str("UTF-8");
    set(vm, m, "native_encoding", ne);
    let feats = vm.new_list(vec![]);
    set(vm, m, "features", feats);
    set_int(vm, m, "XML_PARAM_ENTITY_PARSING_NEVER", 0);
    set_int(vm, m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", 1);
    set_int(vm, m, "XML_PARAM_ENTITY_PARSING_ALWAYS", 2);

    // pyexpat.errors
    let errors = vm.new_module("pyexpat.errors");
    let codes = vm.new_dict();
    let messages = vm.new_dict();
    for (i, (name, msg)) in ERROR_NAMES.iter().zip(MESSAGES).enumerate() {
        let mv = vm.new_str(msg);
        set(vm, errors, name, mv);
        let code = vm.new_int(i as i64 + 1);
        vm.dict_set(codes, mv, code)?;
        vm.dict_set(messages, code, mv)?;
    }
    set(vm, errors, "codes", codes);
    set(vm, errors, "messages", messages);
    set(vm, m, "errors", errors);

    // pyexpat.model
    let model = vm.new_module("pyexpat.model");
    for (name, v) in [
        ("XML_CTYPE_EMPTY", 1),
        ("XML_CTYPE_ANY", 2),
        ("XML_CTYPE_MIXED", 3),
        ("XML_CTYPE_NAME", 4),
        ("XML_CTYPE_CHOICE", 5),
        ("XML_CTYPE_SEQ", 6),
        ("XML_CQUANT_NONE", 0),
        ("XML_CQUANT_OPT", 1),
        ("XML_CQUANT_REP", 2),
        ("XML_CQUANT_PLUS", 3),
    ] {
        set_int(vm, model, name, v);
    }
    set(vm, m, "model", model);
    Ok(m)
}
