//! String literals that spell a lone surrogate (`'\ud800'`, `'\U0000dfff'`).
//!
//! Krait's `str` is UTF-8 and cannot hold the code points U+D800..U+DFFF, and ruff's parser
//! quietly turns such escapes into U+FFFD. Rather than run a program with a wrong string,
//! such a literal raises NotImplementedError when it is evaluated (`Compiler::
//! surrogate_literal`); one the lowering does not evaluate as an expression (a docstring,
//! say) fails the compilation. The source of a literal is only re-read when its parsed
//! value holds U+FFFD, so ordinary code pays nothing.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, InterpolatedStringElement, Mod};
use ruff_text_size::TextRange;

use super::syntax_error::{CResult, CompileError};

/// A literal (part) whose source escapes a surrogate: its range, the first such code
/// point, and whether the lowering has made it raise at run time.
pub(crate) type SurrogateLiteral = (TextRange, u32, bool);

/// The non-raw string literal parts (and f-string literal pieces) of `root` that escape a
/// surrogate.
pub(crate) fn find(text: &str, root: &Mod) -> Vec<SurrogateLiteral> {
    let mut finder = Finder { text, raw: Vec::new(), found: Vec::new() };
    match root {
        Mod::Module(m) => finder.visit_body(&m.body),
        Mod::Expression(e) => finder.visit_expr(&e.body),
    }
    finder.found
}

/// Fails if a literal of `root` escapes a surrogate (for `ast.parse`, whose tree would
/// hold the literal's value).
pub(crate) fn check(text: &str, root: &Mod) -> CResult<()> {
    match find(text, root).first() {
        Some(&(range, cp, _)) => Err(CompileError::not_implemented(message(cp), range)),
        None => Ok(()),
    }
}

/// The message of the NotImplementedError for code point `cp`.
pub(crate) fn message(cp: u32) -> String {
    format!("the lone surrogate '\\u{cp:04x}' in a string literal (Krait's str cannot hold surrogates)")
}

/// The compile error for a surrogate literal the lowering did not evaluate.
pub(crate) fn unhandled(found: &[SurrogateLiteral]) -> Option<CompileError> {
    found.iter().find(|f| !f.2).map(|f| CompileError::not_implemented(message(f.1), f.0))
}

struct Finder<'s> {
    text: &'s str,
    /// Whether each enclosing f-string is raw (innermost last).
    raw: Vec<bool>,
    found: Vec<SurrogateLiteral>,
}

impl Finder<'_> {
    fn scan(&mut self, value: &str, range: TextRange) {
        if !value.contains('\u{FFFD}') {
            return;
        }
        let src = self.text.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("");
        if let Some(cp) = first_surrogate_escape(src) {
            self.found.push((range, cp, false));
        }
    }
}

/// The first `\uXXXX` or `\UXXXXXXXX` escape in `src` naming a surrogate; other escapes
/// (an escaped backslash in particular) are skipped whole.
fn first_surrogate_escape(src: &str) -> Option<u32> {
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let digits = match b.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => {
                i += 2;
                continue;
            }
        };
        let hex = src.get(i + 2..i + 2 + digits);
        if let Some(cp) = hex.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            if (0xD800..=0xDFFF).contains(&cp) {
                return Some(cp);
            }
        }
        i += 2;
    }
    None
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_string_literal(&mut self, s: &'a ast::StringLiteral) {
        if !s.flags.prefix().is_raw() {
            self.scan(&s.value, s.range);
        }
    }

    fn visit_f_string(&mut self, f: &'a ast::FString) {
        self.raw.push(f.flags.prefix().is_raw());
        visitor::walk_f_string(self, f);
        self.raw.pop();
    }

    fn visit_interpolated_string_element(&mut self, e: &'a InterpolatedStringElement) {
        match e {
            InterpolatedStringElement::Literal(lit) => {
                if !self.raw.last().copied().unwrap_or(false) {
                    self.scan(&lit.value, lit.range);
                }
            }
            InterpolatedStringElement::Interpolation(_) => visitor::walk_interpolated_string_element(self, e),
        }
    }
}
