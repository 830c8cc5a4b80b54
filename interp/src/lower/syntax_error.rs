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
}

pub type CResult<T> = Result<T, CompileError>;

impl CompileError {
    pub fn syntax(msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError {
            kind: ErrKind::Syntax,
            msg: msg.into(),
            range,
        }
    }

    pub fn indentation(msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError {
            kind: ErrKind::Indentation,
            msg: msg.into(),
            range,
        }
    }

    pub fn not_implemented(msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError {
            kind: ErrKind::NotImplemented,
            msg: msg.into(),
            range,
        }
    }

    pub fn internal(msg: impl Into<String>) -> CompileError {
        CompileError {
            kind: ErrKind::Internal,
            msg: msg.into(),
            range: TextRange::default(),
        }
    }

    pub fn recursion(range: TextRange) -> CompileError {
        CompileError {
            kind: ErrKind::Recursion,
            msg: "maximum recursion depth exceeded during compilation".into(),
            range,
        }
    }
}

/// 1-based column (in characters, as CPython counts for `offset`) of byte offset `pos` on
/// its line.
fn col_of(source: &Source, line: u32, pos: u32) -> u32 {
    let start = source
        .line_starts
        .get(line.saturating_sub(1) as usize)
        .copied()
        .unwrap_or(0) as usize;
    let pos = (pos as usize).min(source.text.len()).max(start);
    let s = source.text.get(start..pos).unwrap_or("");
    s.chars().count() as u32 + 1
}

/// Builds the Python exception for `err`.
pub fn to_exception(vm: &mut Vm, source: &Source, err: &CompileError) -> PyErr {
    match err.kind {
        ErrKind::NotImplemented => return vm.not_implemented_error(err.msg.clone()),
        ErrKind::Recursion => return vm.recursion_error(err.msg.clone()),
        ErrKind::Internal => {
            return vm.err(
                vm.exc.system_error,
                format!("krait compiler bug: {}", err.msg),
            )
        }
        _ => {}
    }
    let cls = match err.kind {
        ErrKind::Indentation => vm.exc.indentation_error,
        ErrKind::Tab => vm.exc.tab_error,
        _ => vm.exc.syntax_error,
    };
    let start = u32::from(err.range.start());
    let end = u32::from(err.range.end()).max(start);
    let lineno = source.line_of(start);
    let offset = col_of(source, lineno, start);
    let end_lineno = source.line_of(end);
    let mut end_offset = col_of(source, end_lineno, end);
    if end_lineno == lineno && end_offset < offset {
        end_offset = offset;
    }
    let mut text = source.line_text(lineno).to_owned();
    text.push('\n');
    syntax_error_value(
        vm,
        cls,
        &err.msg,
        &source.filename,
        lineno,
        offset,
        &text,
        end_lineno,
        end_offset,
    )
}

/// A SyntaxError-family instance with all its attributes set.
#[allow(clippy::too_many_arguments)]
pub fn syntax_error_value(
    vm: &mut Vm,
    cls: Value,
    msg: &str,
    filename: &str,
    lineno: u32,
    offset: u32,
    text: &str,
    end_lineno: u32,
    end_offset: u32,
) -> PyErr {
    let msg_v = vm.new_str(msg);
    let file_v = vm.new_str(filename);
    let text_v = vm.new_str(text);
    let lineno_v = vm.new_int(lineno as i64);
    let offset_v = vm.new_int(offset as i64);
    let end_lineno_v = vm.new_int(end_lineno as i64);
    let end_offset_v = vm.new_int(end_offset as i64);
    let details = vm.new_tuple(vec![
        file_v,
        lineno_v,
        offset_v,
        text_v,
        end_lineno_v,
        end_offset_v,
    ]);
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
