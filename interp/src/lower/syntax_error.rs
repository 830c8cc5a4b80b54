//! Compile errors and their conversion to Python exceptions.
//!
//! Everything the front end rejects becomes a `CompileError` (message, kind, source range);
//! `to_exception` turns it into the `SyntaxError`/`IndentationError`/`TabError` instance
//! CPython would raise, with the `filename`, `lineno`, `offset`, `text`, `end_lineno`,
//! `end_offset` and `msg` attributes the traceback printer and Python code read. Parser
//! errors from ruff are translated to CPython 3.11's wording in `parse_errors.rs`.

use ruff_text_size::{TextRange, TextSize};

use crate::cfg::Source;
use crate::value::Value;
use crate::vm::{PyErr, Vm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrKind {
    Syntax,
    Indentation,
    Tab,
    /// A construct Krait does not implement yet (raised as NotImplementedError).
    NotImplemented,
    /// Nesting too deep to compile (RecursionError, as CPython's compiler raises).
    Recursion,
    /// A bug in the lowering (SystemError).
    Internal,
}

#[derive(Clone, Debug)]
pub struct CompileError {
    pub kind: ErrKind,
    pub msg: String,
    pub range: TextRange,
    /// CPython's exact location attributes when they do not follow from `range` (tokenizer
    /// errors use offsets such as `end_offset == -1`).
    pub loc: Option<ErrLoc>,
    /// Raised by the parser (CPython then always has the source line as `text`; errors of
    /// the compiler proper only have it when the file can be read).
    pub parser: bool,
    /// Raised by the tokenizer (f-strings report these without their "f-string: " prefix).
    pub tokenizer: bool,
}

/// An `end_offset` of None (CPython leaves it unset for some compiler errors).
pub const NO_OFFSET: i64 = i64::MIN;

/// Explicit SyntaxError location attributes (1-based lines and character columns).
#[derive(Clone, Debug)]
pub struct ErrLoc {
    pub lineno: u32,
    pub offset: i64,
    pub end_lineno: u32,
    pub end_offset: i64,
    /// Whether `text` keeps the line's newline.
    pub text_newline: bool,
    /// The `text` attribute when it is not the source line `lineno`.
    pub text: Option<String>,
}

pub type CResult<T> = Result<T, CompileError>;

impl CompileError {
    fn new(kind: ErrKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError { kind, msg: msg.into(), range, loc: None, parser: false, tokenizer: false }
    }

    pub fn syntax(msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::new(ErrKind::Syntax, msg, range)
    }

    pub fn indentation(msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::new(ErrKind::Indentation, msg, range)
    }

    pub fn not_implemented(msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::new(ErrKind::NotImplemented, msg, range)
    }

    pub fn internal(msg: impl Into<String>) -> CompileError {
        CompileError::new(ErrKind::Internal, msg, TextRange::default())
    }

    pub fn recursion(range: TextRange) -> CompileError {
        CompileError::new(ErrKind::Recursion, "maximum recursion depth exceeded during compilation", range)
    }
}

/// 1-based column (in characters, as CPython counts for `offset`) of byte offset `pos` on
/// its line.
fn col_of(source: &Source, line: u32, pos: u32) -> u32 {
    let start = source.line_starts.get(line.saturating_sub(1) as usize).copied().unwrap_or(0) as usize;
    let pos = (pos as usize).min(source.text.len()).max(start);
    let s = source.text.get(start..pos).unwrap_or("");
    s.chars().count() as u32 + 1
}

/// (lineno, offset, end_lineno, end_offset) of a syntax error, as CPython stores them.
pub fn location(source: &Source, err: &CompileError) -> (u32, i64, u32, i64) {
    if let Some(l) = &err.loc {
        return (l.lineno, l.offset, l.end_lineno, l.end_offset);
    }
    let start = u32::from(err.range.start());
    let end = u32::from(err.range.end()).max(start);
    let lineno = source.line_of(start);
    let offset = col_of(source, lineno, start) as i64;
    let end_lineno = source.line_of(end);
    let mut end_offset = col_of(source, end_lineno, end) as i64;
    if end_lineno == lineno && end_offset < offset {
        end_offset = offset;
    }
    (lineno, offset, end_lineno, end_offset)
}

/// Builds the Python exception for `err`.
pub fn to_exception(vm: &mut Vm, source: &Source, err: &CompileError) -> PyErr {
    match err.kind {
        ErrKind::NotImplemented => return vm.not_implemented_error(err.msg.clone()),
        ErrKind::Recursion => return vm.recursion_error(err.msg.clone()),
        ErrKind::Internal => return vm.err(vm.exc.system_error, format!("krait compiler bug: {}", err.msg)),
        _ => {}
    }
    let cls = match err.kind {
        ErrKind::Indentation => vm.exc.indentation_error,
        ErrKind::Tab => vm.exc.tab_error,
        _ => vm.exc.syntax_error,
    };
    let (lineno, offset, end_lineno, end_offset) = location(source, err);
    let text = match err.loc.as_ref().and_then(|l| l.text.clone()) {
        Some(t) => Some(t),
        None if !err.parser && source.filename.starts_with('<') && source.filename.ends_with('>') => None,
        None => {
            let mut t = source.line_text(lineno).to_owned();
            if err.loc.as_ref().is_none_or(|l| l.text_newline) {
                t.push('\n');
            }
            Some(t)
        }
    };
    syntax_error_value(vm, cls, &err.msg, &source.filename, lineno, offset, text.as_deref(), end_lineno, end_offset)
}

/// A SyntaxError-family instance with all its attributes set.
#[allow(clippy::too_many_arguments)]
pub fn syntax_error_value(
    vm: &mut Vm,
    cls: Value,
    msg: &str,
    filename: &str,
    lineno: u32,
    offset: i64,
    text: Option<&str>,
    end_lineno: u32,
    end_offset: i64,
) -> PyErr {
    let msg_v = vm.new_str(msg);
    let file_v = vm.new_str(filename);
    let text_v = text.map_or(Value::NONE, |t| vm.new_str(t));
    let lineno_v = vm.new_int(lineno as i64);
    let offset_v = vm.new_int(offset);
    let end_lineno_v = vm.new_int(end_lineno as i64);
    let end_offset_v = if end_offset == NO_OFFSET { Value::NONE } else { vm.new_int(end_offset) };
    let details = vm.new_tuple(vec![file_v, lineno_v, offset_v, text_v, end_lineno_v, end_offset_v]);
    let exc = vm.new_exception(cls, vec![msg_v, details]);
    let attrs = [
        ("msg", msg_v),
        ("filename", file_v),
        ("lineno", lineno_v),
        ("offset", offset_v),
        ("text", text_v),
        ("end_lineno", end_lineno_v),
        ("end_offset", end_offset_v),
        ("print_file_and_line", Value::NONE),
    ];
    for (k, v) in attrs {
        let key = vm.intern(k);
        if let Some(a) = exc.obj().attrs.as_ref() {
            a.set_slot(key, v);
        }
    }
    PyErr(exc)
}

/// A range covering `len` bytes from `start`.
pub fn range_at(start: u32, len: u32) -> TextRange {
    TextRange::new(TextSize::new(start), TextSize::new(start + len))
}
