//! CPython 3.11's f-string rules, for reporting f-string syntax errors.
//!
//! Before 3.12, an f-string is one string token whose replacement fields are found by
//! scanning its text (`fstring_find_expr` in CPython's `string_parser.c`), which forbids
//! backslashes and `#` in expressions and nests format specs at most two deep. ruff parses
//! f-strings with 3.12's grammar, so this module re-checks every f-string token the way
//! 3.11 does and returns the first error with its message. Errors inside an expression are
//! returned as the expression's text so the caller can parse it as CPython does
//! (`(expr)`) and report "f-string: ..." with the message for that text.

/// An error in one f-string.
pub enum FsError {
    /// A complete message ("f-string: single '}' is not allowed").
    Msg(&'static str),
    /// A message with the offending character filled in.
    Owned(String),
    /// The expression starting at byte `start` of the token text (`text` is it) must be
    /// parsed to find the error; `newlines` counts the line breaks before it in the token.
    Expr { text: String, newlines: u32 },
}

/// Checks the text of one string token (prefix and quotes included); None when it is not
/// an f-string or is valid.
pub fn check(token: &str) -> Option<FsError> {
    let prefix_len = token.find(['"', '\'']).unwrap_or(0);
    let prefix = token[..prefix_len].to_ascii_lowercase();
    if !prefix.contains('f') {
        return None;
    }
    let raw = prefix.contains('r');
    let rest = &token[prefix_len..];
    let q = if rest.starts_with("\"\"\"") || rest.starts_with("'''") { 3 } else { 1 };
    if rest.len() < 2 * q {
        return None;
    }
    let body = &rest[q..rest.len() - q];
    let mut p = Scan { b: body.as_bytes(), s: body, i: 0, raw, base: prefix_len + q, token };
    p.parse(0, false).err()
}

struct Scan<'a> {
    b: &'a [u8],
    s: &'a str,
    i: usize,
    raw: bool,
    /// Offset of the body in the token text.
    base: usize,
    token: &'a str,
}

impl Scan<'_> {
    /// Literal text and replacement fields until the end (or, inside a format spec, until
    /// the closing `}`, which is left unconsumed).
    fn parse(&mut self, lvl: u32, in_spec: bool) -> Result<(), FsError> {
        while self.i < self.b.len() {
            let ch = self.b[self.i];
            if !self.raw && ch == b'\\' && self.i + 1 < self.b.len() {
                let n = self.b[self.i + 1];
                self.i += 2;
                if n == b'N' && self.b.get(self.i) == Some(&b'{') {
                    while self.i < self.b.len() {
                        self.i += 1;
                        if self.b[self.i - 1] == b'}' {
                            break;
                        }
                    }
                }
                continue;
            }
            if ch == b'{' || ch == b'}' {
                if in_spec && ch == b'}' {
                    return Ok(());
                }
                if lvl == 0 && self.b.get(self.i + 1) == Some(&ch) {
                    self.i += 2;
                    continue;
                }
                if ch == b'}' {
                    return Err(FsError::Msg("f-string: single '}' is not allowed"));
                }
                self.field(lvl)?;
                continue;
            }
            self.i += 1;
        }
        Ok(())
    }

    /// A replacement field starting at `{`.
    fn field(&mut self, lvl: u32) -> Result<(), FsError> {
        if lvl >= 2 {
            return Err(FsError::Msg("f-string: expressions nested too deeply"));
        }
        self.i += 1;
        let start = self.i;
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: u8 = 0;
        let mut triple = false;
        while self.i < self.b.len() {
            let ch = self.b[self.i];
            if ch == b'\\' {
                return Err(FsError::Msg("f-string expression part cannot include a backslash"));
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if self.b.get(self.i + 1) == Some(&quote) && self.b.get(self.i + 2) == Some(&quote) {
                            self.i += 3;
                            quote = 0;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
                self.i += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    triple = self.b.get(self.i + 1) == Some(&ch) && self.b.get(self.i + 2) == Some(&ch);
                    quote = ch;
                    self.i += if triple { 3 } else { 1 };
                    continue;
                }
                b'[' | b'(' | b'{' => {
                    if stack.len() >= 200 {
                        return Err(FsError::Msg("f-string: too many nested parenthesis"));
                    }
                    stack.push(ch);
                }
                b'#' => return Err(FsError::Msg("f-string expression part cannot include '#'")),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    let next = self.b.get(self.i + 1).copied();
                    if next == Some(b'=') && ch != b':' && ch != b'}' {
                        self.i += 2;
                        continue;
                    }
                    if ch == b'>' || ch == b'<' {
                        self.i += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return Err(FsError::Owned(format!("f-string: unmatched '{}'", ch as char)));
                    };
                    let ok = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        return Err(FsError::Owned(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        )));
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        if quote != 0 {
            return Err(FsError::Msg("f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(FsError::Owned(format!("f-string: unmatched '{}'", open as char)));
        }
        if self.i >= self.b.len() {
            return Err(FsError::Msg("f-string: expecting '}'"));
        }
        let expr = &self.s[start..self.i];
        if expr.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty() {
            return Err(match self.b[self.i] {
                b':' => FsError::Msg("f-string: expression required before ':'"),
                b'!' => FsError::Msg("f-string: expression required before '!'"),
                b'=' => FsError::Msg("f-string: expression required before '='"),
                _ => FsError::Msg("f-string: empty expression not allowed"),
            });
        }
        if !expr_parses(expr) {
            let newlines = self.token[..self.base + start].matches('\n').count() as u32;
            return Err(FsError::Expr { text: expr.to_owned(), newlines });
        }
        if self.b[self.i] == b'=' {
            self.i += 1;
            while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
            if self.i >= self.b.len() {
                return Err(FsError::Msg("f-string: expecting '}'"));
            }
        }
        if self.b[self.i] == b'!' {
            self.i += 1;
            let Some(&conv) = self.b.get(self.i) else {
                return Err(FsError::Msg("f-string: expecting '}'"));
            };
            self.i += 1;
            if !matches!(conv, b's' | b'r' | b'a') {
                return Err(FsError::Msg("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
            }
        }
        if self.i >= self.b.len() {
            return Err(FsError::Msg("f-string: expecting '}'"));
        }
        if self.b[self.i] == b':' {
            self.i += 1;
            if self.i >= self.b.len() {
                return Err(FsError::Msg("f-string: expecting '}'"));
            }
            self.parse(lvl + 1, true)?;
        }
        if self.i >= self.b.len() || self.b[self.i] != b'}' {
            return Err(FsError::Msg("f-string: expecting '}'"));
        }
        self.i += 1;
        Ok(())
    }
}

/// Whether `(expr)` parses as an expression.
fn expr_parses(expr: &str) -> bool {
    let text = format!("({expr})");
    ruff_python_parser::parse_expression(&text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(tok: &str) -> Option<String> {
        check(tok).map(|e| match e {
            FsError::Msg(m) => m.to_owned(),
            FsError::Owned(m) => m,
            FsError::Expr { text, .. } => format!("expr:{text}"),
        })
    }

    #[test]
    fn fstrings_like_3_11() {
        assert_eq!(msg("f'{x}'"), None);
        assert_eq!(msg("f'{x!r:>{w}} {{}} {y=} {a!=b}'"), None);
        assert_eq!(msg("'{'"), None);
        assert_eq!(msg("f'{x'"), Some("f-string: expecting '}'".into()));
        assert_eq!(msg("f'{}'"), Some("f-string: empty expression not allowed".into()));
        assert_eq!(msg("f'}'"), Some("f-string: single '}' is not allowed".into()));
        assert_eq!(msg("f'{x!z}'"), Some("f-string: invalid conversion character: expected 's', 'r', or 'a'".into()));
        assert_eq!(msg("f'{x:{y:{z}}}'"), Some("f-string: expressions nested too deeply".into()));
        assert_eq!(msg("f'{x\\n}'"), Some("f-string expression part cannot include a backslash".into()));
        assert_eq!(msg("f'{x #}'"), Some("f-string expression part cannot include '#'".into()));
        assert_eq!(msg("f'{a b}'"), Some("expr:a b".into()));
    }
}
