//! A tokenizer with CPython 3.11's error behaviour, used only to report syntax errors.
//!
//! ruff's lexer accepts or recovers from things CPython's tokenizer rejects, and it words
//! and places its complaints differently. CPython reports tokenizer errors (unterminated
//! strings, unbalanced brackets, bad number literals, invalid characters, inconsistent
//! indentation) with specific messages and positions, and those are among the errors
//! programs most often contain, so this module re-tokenizes the source the way
//! `Parser/tokenizer.c` does and records the first error with CPython's exact message and
//! location. The token stream (with INDENT/DEDENT/NEWLINE) also lets `parse_errors.rs`
//! find indentation errors and the tokens that generic errors point at.

/// Token kinds, as far as error reporting needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Name,
    Number,
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub kind: TokKind,
    /// Byte range in the source.
    pub start: u32,
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
}

/// A tokenizer error with CPython's location conventions: `offset`/`end_offset` are the
/// 1-based character columns CPython stores on the SyntaxError (`end_offset` may be 0 or
/// -1 exactly as CPython leaves it).
#[derive(Clone, Debug)]
pub struct TokError {
    pub kind: TokErrKind,
    pub msg: String,
    pub line: u32,
    pub offset: i64,
    pub end_line: u32,
    pub end_offset: i64,
    /// Whether CPython's `text` attribute keeps the line's newline.
    pub text_newline: bool,
    /// Byte position used to order this error against parser errors.
    pub pos: u32,
    /// Raised by CPython's tokenizer as an exception (strings, numbers, characters,
    /// brackets): such errors also replace a generic "invalid syntax" found earlier.
    pub raised: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokErrKind {
    Syntax,
    Indentation,
    Tab,
}

pub struct Tokens {
    pub toks: Vec<Tok>,
    pub error: Option<TokError>,
    /// Brackets still open where tokenizing stopped: (char, 1-based line, byte column).
    pub open: Vec<(char, u32, u32)>,
    /// SyntaxWarnings the tokenizer issues: (line, message).
    pub warnings: Vec<(u32, String)>,
}

const TABSIZE: u32 = 8;
const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;

struct Lexer<'s> {
    src: &'s str,
    b: &'s [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    toks: Vec<Tok>,
    open: Vec<(char, u32, u32)>,
    indstack: Vec<u32>,
    altindstack: Vec<u32>,
    warnings: Vec<(u32, String)>,
}

fn is_id_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_id_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// Characters allowed in identifiers (an approximation of `str.isidentifier` that is
/// exact for ASCII and accepts letters, marks and digits elsewhere).
fn is_xid_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_xid_continue(c: char) -> bool {
    is_xid_start(c) || c.is_alphanumeric() || is_combining_mark(c) || c == '\u{00B7}'
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || matches!(c as u32, 0x0900..=0x0DFF) && !c.is_alphabetic()
}

fn is_printable(c: char) -> bool {
    !(c.is_control()
        || matches!(c as u32, 0x00A0 | 0x00AD | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x206F | 0x3000 | 0xFEFF))
}

impl<'s> Lexer<'s> {
    fn peek(&self, k: usize) -> Option<u8> {
        self.b.get(self.pos + k).copied()
    }

    fn chars_between(&self, from: usize, to: usize) -> i64 {
        let to = to.min(self.src.len());
        let from = from.min(to);
        self.src.get(from..to).map_or((to - from) as i64, |s| s.chars().count() as i64)
    }

    /// The error CPython's `syntaxerror()` makes with the cursor at byte `cur`.
    fn err_at_cursor(&self, msg: impl Into<String>, cur: usize) -> TokError {
        let off = self.chars_between(self.line_start, cur);
        TokError {
            kind: TokErrKind::Syntax,
            msg: msg.into(),
            line: self.line,
            offset: off,
            end_line: self.line,
            end_offset: off,
            text_newline: false,
            pos: cur.saturating_sub(1) as u32,
            raised: true,
        }
    }

    fn push(&mut self, kind: TokKind, start: usize, end: usize, line: u32) {
        self.toks.push(Tok { kind, start: start as u32, end: end as u32, line });
    }

    fn newline(&mut self, at: usize) {
        self.line += 1;
        self.line_start = at;
    }

    fn run(&mut self) -> Option<TokError> {
        let mut atbol = true;
        // Whether the current logical line has produced a token (else it is blank and
        // produces no NEWLINE).
        let mut content = false;
        let mut comment_start: Option<usize> = None;
        loop {
            if atbol {
                atbol = false;
                let mut col = 0u32;
                let mut altcol = 0u32;
                let mut cont_line_col = 0u32;
                loop {
                    match self.peek(0) {
                        Some(b' ') => {
                            col += 1;
                            altcol += 1;
                            self.pos += 1;
                        }
                        Some(b'\t') => {
                            col = (col / TABSIZE + 1) * TABSIZE;
                            altcol += 1;
                            self.pos += 1;
                        }
                        Some(0x0c) => {
                            col = 0;
                            altcol = 0;
                            self.pos += 1;
                        }
                        Some(b'\\') if !matches!(self.peek(1), Some(b'\n') | Some(b'\r') | None) => {
                            // A backslash in the indentation must end the line.
                            let off = self.chars_between(self.line_start, self.pos + 1) + 1;
                            return Some(TokError {
                                kind: TokErrKind::Syntax,
                                msg: "unexpected character after line continuation character".into(),
                                line: self.line,
                                offset: off,
                                end_line: self.line,
                                end_offset: 0,
                                text_newline: true,
                                pos: self.pos as u32,
                                raised: false,
                            });
                        }
                        Some(b'\\') if matches!(self.peek(1), Some(b'\n') | Some(b'\r')) => {
                            if cont_line_col == 0 {
                                cont_line_col = col;
                            }
                            self.pos += 1;
                            if self.peek(0) == Some(b'\r') {
                                self.pos += 1;
                            }
                            if self.peek(0) == Some(b'\n') {
                                self.pos += 1;
                            }
                            self.newline(self.pos);
                        }
                        _ => break,
                    }
                }
                let c = self.peek(0);
                let blank = matches!(c, Some(b'#') | Some(b'\n') | Some(b'\r') | None);
                if !blank && self.open.is_empty() {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = *self.indstack.last().unwrap_or(&0);
                    let alttop = *self.altindstack.last().unwrap_or(&0);
                    if col == top {
                        if altcol != alttop {
                            return Some(
                                self.indent_error(
                                    TokErrKind::Tab,
                                    "inconsistent use of tabs and spaces in indentation",
                                ),
                            );
                        }
                    } else if col > top {
                        if self.indstack.len() >= MAXINDENT {
                            return Some(self.indent_error(TokErrKind::Indentation, "too many levels of indentation"));
                        }
                        if altcol <= alttop {
                            return Some(
                                self.indent_error(
                                    TokErrKind::Tab,
                                    "inconsistent use of tabs and spaces in indentation",
                                ),
                            );
                        }
                        self.indstack.push(col);
                        self.altindstack.push(altcol);
                        let p = self.pos;
                        self.push(TokKind::Indent, self.line_start, p, self.line);
                    } else {
                        while self.indstack.len() > 1 && col < *self.indstack.last().unwrap_or(&0) {
                            self.indstack.pop();
                            self.altindstack.pop();
                            let p = self.pos;
                            self.push(TokKind::Dedent, p, p, self.line);
                        }
                        if col != *self.indstack.last().unwrap_or(&0) {
                            let line_end =
                                self.src[self.line_start..].find('\n').map_or(self.src.len(), |i| self.line_start + i);
                            let off = self.chars_between(self.line_start, line_end) + 1;
                            return Some(TokError {
                                kind: TokErrKind::Indentation,
                                msg: "unindent does not match any outer indentation level".into(),
                                line: self.line,
                                offset: off,
                                end_line: self.line,
                                end_offset: -1,
                                text_newline: true,
                                pos: self.line_start.saturating_sub(1) as u32,
                                raised: false,
                            });
                        }
                        if altcol != *self.altindstack.last().unwrap_or(&0) {
                            return Some(
                                self.indent_error(
                                    TokErrKind::Tab,
                                    "inconsistent use of tabs and spaces in indentation",
                                ),
                            );
                        }
                    }
                }
            }
            // Skip spaces within a line.
            while matches!(self.peek(0), Some(b' ') | Some(b'\t') | Some(0x0c)) {
                self.pos += 1;
            }
            let start = self.pos;
            let ntoks = self.toks.len();
            let Some(c) = self.peek(0) else {
                // End of input: an implicit NEWLINE, DEDENTs, ENDMARKER.
                if !self.open.is_empty() {
                    return None;
                }
                if content {
                    self.push(TokKind::Newline, start, start, self.line);
                }
                while self.indstack.len() > 1 {
                    self.indstack.pop();
                    self.push(TokKind::Dedent, start, start, self.line);
                }
                self.push(TokKind::EndMarker, start, start, self.line);
                return None;
            };
            match c {
                b'#' => {
                    // CPython's NEWLINE token starts at a comment that ends the line.
                    comment_start = Some(self.pos);
                    while !matches!(self.peek(0), None | Some(b'\n') | Some(b'\r')) {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    let nl_start = self.pos;
                    if c == b'\r' && self.peek(1) == Some(b'\n') {
                        self.pos += 1;
                    }
                    self.pos += 1;
                    if self.open.is_empty() && content {
                        let l = self.line;
                        self.push(TokKind::Newline, comment_start.unwrap_or(nl_start), nl_start, l);
                        content = false;
                    }
                    comment_start = None;
                    self.newline(self.pos);
                    atbol = true;
                }
                b'\\' => {
                    // Line continuation.
                    self.pos += 1;
                    match self.peek(0) {
                        Some(b'\n') | Some(b'\r') => {
                            if self.peek(0) == Some(b'\r') {
                                self.pos += 1;
                            }
                            if self.peek(0) == Some(b'\n') {
                                self.pos += 1;
                            }
                            self.newline(self.pos);
                            if self.peek(0).is_none() {
                                return Some(self.eof_in_continuation());
                            }
                        }
                        None => return Some(self.eof_in_continuation()),
                        Some(_) => {
                            let off = self.chars_between(self.line_start, self.pos) + 1;
                            return Some(TokError {
                                kind: TokErrKind::Syntax,
                                msg: "unexpected character after line continuation character".into(),
                                line: self.line,
                                offset: off,
                                end_line: self.line,
                                end_offset: 0,
                                text_newline: true,
                                pos: start as u32,
                                raised: false,
                            });
                        }
                    }
                }
                c if is_id_start(c) => {
                    if let Some(e) = self.name_or_string(start) {
                        return Some(e);
                    }
                }
                b'0'..=b'9' => {
                    if let Some(e) = self.number(start) {
                        return Some(e);
                    }
                }
                b'.' if matches!(self.peek(1), Some(b'0'..=b'9')) => {
                    if let Some(e) = self.number(start) {
                        return Some(e);
                    }
                }
                b'"' | b'\'' => {
                    if let Some(e) = self.string(start, self.pos) {
                        return Some(e);
                    }
                }
                b'(' | b'[' | b'{' => {
                    if self.open.len() >= MAXLEVEL {
                        return Some(self.err_at_cursor("too many nested parentheses", self.pos + 1));
                    }
                    self.open.push((c as char, self.line, (start - self.line_start) as u32));
                    self.pos += 1;
                    self.push(TokKind::Op, start, self.pos, self.line);
                }
                b')' | b']' | b'}' => {
                    self.pos += 1;
                    let Some((open, oline, _)) = self.open.pop() else {
                        return Some(self.err_at_cursor(format!("unmatched '{}'", c as char), self.pos));
                    };
                    let ok = matches!((open, c), ('(', b')') | ('[', b']') | ('{', b'}'));
                    if !ok {
                        let msg = if oline != self.line {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{open}' on line {oline}",
                                c as char
                            )
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{open}'", c as char)
                        };
                        return Some(self.err_at_cursor(msg, self.pos));
                    }
                    self.push(TokKind::Op, start, self.pos, self.line);
                }
                _ => {
                    if c >= 128 {
                        // A non-ASCII character that cannot start an identifier.
                        if let Some(e) = self.name_or_string(start) {
                            return Some(e);
                        }
                    } else {
                        let len = self.op_len();
                        self.pos += len;
                        self.push(TokKind::Op, start, self.pos, self.line);
                    }
                }
            }
            if self.toks.len() > ntoks && self.toks[ntoks..].iter().any(|t| t.kind != TokKind::Newline) {
                content = true;
            }
        }
    }

    /// A backslash continuation at the end of the input.
    fn eof_in_continuation(&self) -> TokError {
        // CPython reports it on the line holding the backslash, past its end.
        let end = self.src[..self.pos].trim_end_matches(['\n', '\r']).len();
        let line_start = self.src[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = self.src[..line_start].matches('\n').count() as u32 + 1;
        TokError {
            kind: TokErrKind::Syntax,
            msg: "unexpected EOF while parsing".into(),
            line,
            offset: self.chars_between(line_start, end) + 1,
            end_line: line,
            end_offset: -1,
            text_newline: true,
            pos: end.saturating_sub(1) as u32,
            raised: false,
        }
    }

    fn indent_error(&self, kind: TokErrKind, msg: &str) -> TokError {
        TokError {
            kind,
            msg: msg.into(),
            line: self.line,
            offset: 1,
            end_line: self.line,
            end_offset: 0,
            text_newline: true,
            pos: self.line_start.saturating_sub(1) as u32,
            raised: false,
        }
    }

    fn op_len(&self) -> usize {
        const THREE: [&[u8]; 5] = [b"**=", b"//=", b">>=", b"<<=", b"..."];
        const TWO: [&[u8]; 19] = [
            b"!=", b"%=", b"&=", b"**", b"*=", b"+=", b"-=", b"->", b"//", b"/=", b":=", b"<<", b"<=", b"==", b">=",
            b">>", b"@=", b"^=", b"|=",
        ];
        let rest = &self.b[self.pos..];
        if THREE.iter().any(|o| rest.starts_with(o)) {
            3
        } else if TWO.iter().any(|o| rest.starts_with(o)) || rest.starts_with(b"<>") {
            2
        } else {
            1
        }
    }

    fn name_or_string(&mut self, start: usize) -> Option<TokError> {
        // String prefixes.
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut p = self.pos;
        while let Some(&c) = self.b.get(p) {
            let lc = c.to_ascii_lowercase();
            if lc == b'b' && !(saw_b || saw_u || saw_f) {
                saw_b = true;
            } else if lc == b'u' && !(saw_b || saw_u || saw_r || saw_f) {
                saw_u = true;
            } else if lc == b'r' && !(saw_r || saw_u) {
                saw_r = true;
            } else if lc == b'f' && !(saw_f || saw_b || saw_u) {
                saw_f = true;
            } else {
                break;
            }
            p += 1;
            if matches!(self.b.get(p), Some(b'"') | Some(b'\'')) {
                return self.string(start, p);
            }
        }
        while let Some(&c) = self.b.get(self.pos) {
            if is_id_char(c) {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos == start {
            // A lone non-ASCII byte sequence that is not an identifier character at all.
            let ch = self.src[start..].chars().next().unwrap_or('?');
            self.pos += ch.len_utf8();
        }
        let ident = &self.src[start..self.pos];
        if !ident.is_ascii() {
            let mut chars = ident.char_indices();
            let mut bad = None;
            if let Some((_, c0)) = chars.next() {
                if !is_xid_start(c0) {
                    bad = Some((0, c0));
                }
            }
            if bad.is_none() {
                bad = chars.find(|(_, c)| !is_xid_continue(*c));
            }
            if let Some((i, ch)) = bad {
                let cur = start + i + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Some(self.err_at_cursor(msg, cur));
            }
        }
        self.push(TokKind::Name, start, self.pos, self.line);
        None
    }

    /// A string literal starting at `start` (prefix included) whose quote is at `q`.
    fn string(&mut self, start: usize, q: usize) -> Option<TokError> {
        let quote = self.b[q];
        let triple = self.b.get(q + 1) == Some(&quote) && self.b.get(q + 2) == Some(&quote);
        let first_line = self.line;
        let first_line_start = self.line_start;
        let mut p = if triple { q + 3 } else { q + 1 };
        loop {
            let Some(&c) = self.b.get(p) else {
                return Some(self.unterminated(start, first_line, first_line_start, triple));
            };
            if c == b'\\' {
                p += 1;
                match self.b.get(p) {
                    Some(b'\r') => {
                        p += 1;
                        if self.b.get(p) == Some(&b'\n') {
                            p += 1;
                        }
                        self.newline(p);
                    }
                    Some(b'\n') => {
                        p += 1;
                        self.newline(p);
                    }
                    Some(_) => p += 1,
                    None => {}
                }
                continue;
            }
            if c == b'\n' || c == b'\r' {
                if !triple {
                    return Some(self.unterminated(start, first_line, first_line_start, triple));
                }
                p += 1;
                if c == b'\r' && self.b.get(p) == Some(&b'\n') {
                    p += 1;
                }
                self.newline(p);
                continue;
            }
            if c == quote {
                if !triple {
                    p += 1;
                    break;
                }
                if self.b.get(p + 1) == Some(&quote) && self.b.get(p + 2) == Some(&quote) {
                    p += 3;
                    break;
                }
            }
            p += 1;
        }
        self.pos = p;
        self.push(TokKind::String, start, p, first_line);
        None
    }

    fn unterminated(&self, start: usize, first_line: u32, first_line_start: usize, triple: bool) -> TokError {
        // At the end of the input CPython has not started a line after a final newline.
        let detected = if triple && self.src.ends_with('\n') { self.line.saturating_sub(1).max(1) } else { self.line };
        let off = self.chars_between(first_line_start, start) + 1;
        let msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        TokError {
            kind: TokErrKind::Syntax,
            msg,
            line: first_line,
            offset: off,
            end_line: first_line,
            end_offset: off,
            text_newline: false,
            pos: start as u32,
            raised: true,
        }
    }

    fn digits(&mut self, ok: impl Fn(u8) -> bool) {
        while let Some(&c) = self.b.get(self.pos) {
            if ok(c) {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// Digits with single underscores between them (CPython's `tok_decimal_tail`).
    fn decimal_tail(&mut self) -> Result<(), TokError> {
        loop {
            self.digits(|c| c.is_ascii_digit());
            if self.peek(0) != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !matches!(self.peek(0), Some(b'0'..=b'9')) {
                return Err(self.err_at_cursor("invalid decimal literal", self.pos));
            }
        }
    }

    /// CPython's `verify_end_of_number`: a literal directly followed by a name character.
    fn end_of_number(&mut self, kind: &str) -> Result<(), TokError> {
        let Some(c) = self.peek(0) else { return Ok(()) };
        let rest = &self.b[self.pos..];
        // A keyword that may follow a number in valid code (`1if x else y`): CPython only
        // warns, when the keyword is not itself followed by a name character.
        let word = |w: &[u8]| rest.starts_with(w) && !rest.get(w.len()).is_some_and(|&x| is_id_char(x));
        let kw_ok = match c {
            b'a' => word(b"and"),
            b'e' => word(b"else"),
            b'f' => word(b"for"),
            b'i' => matches!(rest.get(1), Some(b'f') | Some(b'n') | Some(b's')),
            b'o' => word(b"or"),
            b'n' => word(b"not"),
            _ => false,
        };
        if kw_ok {
            self.warnings.push((self.line, format!("invalid {kind} literal")));
            return Ok(());
        }
        // (Only ASCII name characters: CPython 3.11 lets `1é` tokenize as two tokens.)
        if c.is_ascii_alphanumeric() || c == b'_' {
            return Err(self.err_at_cursor(format!("invalid {kind} literal"), self.pos));
        }
        Ok(())
    }

    fn radix(&mut self, valid: impl Fn(u8) -> bool, name: &str, digit_err: bool) -> Result<(), TokError> {
        loop {
            if self.peek(0) == Some(b'_') {
                self.pos += 1;
            }
            match self.peek(0) {
                Some(c) if valid(c) => {}
                Some(c) if digit_err && c.is_ascii_digit() => {
                    return Err(
                        self.err_at_cursor(format!("invalid digit '{}' in {name} literal", c as char), self.pos + 1)
                    )
                }
                _ => return Err(self.err_at_cursor(format!("invalid {name} literal"), self.pos)),
            }
            self.digits(&valid);
            if self.peek(0) != Some(b'_') {
                break;
            }
        }
        if digit_err {
            if let Some(c) = self.peek(0) {
                if c.is_ascii_digit() {
                    return Err(
                        self.err_at_cursor(format!("invalid digit '{}' in {name} literal", c as char), self.pos + 1)
                    );
                }
            }
        }
        self.end_of_number(name)
    }

    fn number(&mut self, start: usize) -> Option<TokError> {
        let r = self.number_inner(start);
        match r {
            Ok(()) => {
                self.push(TokKind::Number, start, self.pos, self.line);
                None
            }
            Err(e) => Some(e),
        }
    }

    fn number_inner(&mut self, start: usize) -> Result<(), TokError> {
        let c = self.b[self.pos];
        if c == b'.' {
            self.pos += 1;
            return self.fraction();
        }
        if c == b'0' {
            self.pos += 1;
            match self.peek(0).map(|c| c.to_ascii_lowercase()) {
                Some(b'x') => {
                    self.pos += 1;
                    return self.radix(|c| c.is_ascii_hexdigit(), "hexadecimal", false);
                }
                Some(b'o') => {
                    self.pos += 1;
                    return self.radix(|c| (b'0'..=b'7').contains(&c), "octal", true);
                }
                Some(b'b') => {
                    self.pos += 1;
                    return self.radix(|c| c == b'0' || c == b'1', "binary", true);
                }
                _ => {}
            }
            // Leading zeros: only zeros are allowed before anything that is not a float.
            loop {
                if self.peek(0) == Some(b'_') {
                    self.pos += 1;
                    if !matches!(self.peek(0), Some(b'0'..=b'9')) {
                        return Err(self.err_at_cursor("invalid decimal literal", self.pos));
                    }
                }
                if self.peek(0) != Some(b'0') {
                    break;
                }
                self.pos += 1;
            }
            let zeros_end = self.pos;
            let mut nonzero = false;
            if matches!(self.peek(0), Some(b'0'..=b'9')) {
                nonzero = true;
                self.decimal_tail()?;
            }
            match self.peek(0) {
                Some(b'.') => {
                    self.pos += 1;
                    return self.fraction();
                }
                Some(b'e') | Some(b'E') => return self.exponent(),
                Some(b'j') | Some(b'J') => {
                    self.pos += 1;
                    return self.end_of_number("imaginary");
                }
                _ => {}
            }
            if nonzero {
                let off = self.chars_between(self.line_start, start) + 1;
                let end = self.chars_between(self.line_start, zeros_end);
                return Err(TokError {
                    kind: TokErrKind::Syntax,
                    msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                        .into(),
                    line: self.line,
                    offset: off,
                    end_line: self.line,
                    end_offset: end + 1,
                    text_newline: false,
                    pos: start as u32,
                    raised: true,
                });
            }
            return self.end_of_number("decimal");
        }
        self.decimal_tail()?;
        match self.peek(0) {
            Some(b'.') => {
                self.pos += 1;
                self.fraction()
            }
            Some(b'e') | Some(b'E') => self.exponent(),
            Some(b'j') | Some(b'J') => {
                self.pos += 1;
                self.end_of_number("imaginary")
            }
            _ => self.end_of_number("decimal"),
        }
    }

    fn fraction(&mut self) -> Result<(), TokError> {
        if matches!(self.peek(0), Some(b'0'..=b'9')) {
            self.decimal_tail()?;
        }
        match self.peek(0) {
            Some(b'e') | Some(b'E') => self.exponent(),
            Some(b'j') | Some(b'J') => {
                self.pos += 1;
                self.end_of_number("imaginary")
            }
            _ => self.end_of_number("decimal"),
        }
    }

    fn exponent(&mut self) -> Result<(), TokError> {
        let e_pos = self.pos;
        self.pos += 1;
        match self.peek(0) {
            Some(b'+') | Some(b'-') => {
                self.pos += 1;
                if !matches!(self.peek(0), Some(b'0'..=b'9')) {
                    return Err(self.err_at_cursor("invalid decimal literal", self.pos));
                }
            }
            Some(b'0'..=b'9') => {}
            _ => {
                self.pos = e_pos;
                return self.end_of_number("decimal");
            }
        }
        self.decimal_tail()?;
        if matches!(self.peek(0), Some(b'j') | Some(b'J')) {
            self.pos += 1;
            return self.end_of_number("imaginary");
        }
        self.end_of_number("decimal")
    }
}

/// Tokenizes `src` like CPython, stopping at the first error.
pub fn tokenize(src: &str) -> Tokens {
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        toks: Vec::new(),
        open: Vec::new(),
        indstack: vec![0],
        altindstack: vec![0],
        warnings: Vec::new(),
    };
    // A UTF-8 byte order mark is skipped, as CPython does.
    if src.starts_with('\u{feff}') {
        lx.pos = 3;
        lx.line_start = 3;
    }
    let error = lx.run();
    Tokens { toks: lx.toks, error, open: lx.open, warnings: lx.warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> (String, u32, i64, i64) {
        let t = tokenize(src);
        let e = t.error.expect("an error");
        (e.msg, e.line, e.offset, e.end_offset)
    }

    #[test]
    fn valid_code_has_no_error() {
        for src in [
            "x = 1\n",
            "def f(a, b=2):\n    '''doc\n    string'''\n    return a + b  # comment\n\n\n",
            "s = 'a\\\nb'\nt = r'\\''\nu = b\"x\" f'{y!r}'\n",
            "if x:\n\tpass\nelse:\n\tpass\n",
            "x = [\n  1,\n    2]\n",
            "n = 0x_ff + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + 2j + .5 + 00 + 0.0\n",
            "x = 1 if y else 2\nprint(1if y else 2)\n",
            "é = 1\nnaïve = 2\n",
            "class A:\n    def f(self):\n        pass\n\n    # comment at other indent\n  # more\n    def g(self): pass\n",
        ] {
            let t = tokenize(src);
            assert!(t.error.is_none(), "{src:?}: {:?}", t.error);
        }
    }

    #[test]
    fn cpython_errors() {
        assert_eq!(err("x = \"abc\n"), ("unterminated string literal (detected at line 1)".into(), 1, 5, 5));
        assert_eq!(
            err("s = \"\"\"abc\ndef"),
            ("unterminated triple-quoted string literal (detected at line 2)".into(), 1, 5, 5)
        );
        assert_eq!(err("x = )"), ("unmatched ')'".into(), 1, 5, 5));
        assert_eq!(
            err("x = (1,\n  2]"),
            ("closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(), 2, 4, 4)
        );
        assert_eq!(
            err("def f():\n    if True:\n        x = 1\n      y = 2\n"),
            ("unindent does not match any outer indentation level".into(), 4, 12, -1)
        );
        assert_eq!(err("x = 1abc"), ("invalid decimal literal".into(), 1, 5, 5));
        assert_eq!(err("x = 0o8"), ("invalid digit '8' in octal literal".into(), 1, 7, 7));
        assert_eq!(err("x = 0x"), ("invalid hexadecimal literal".into(), 1, 6, 6));
        assert_eq!(err("x = 1__0"), ("invalid decimal literal".into(), 1, 6, 6));
        assert_eq!(err("x = 1j2"), ("invalid imaginary literal".into(), 1, 6, 6));
        assert_eq!(err("x = €"), ("invalid character '€' (U+20AC)".into(), 1, 5, 5));
        assert_eq!(err("if True:\n        x = 1\n\ty = 2\n").0, "inconsistent use of tabs and spaces in indentation");
        assert_eq!(
            err("x = 0777").0,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
        );
    }
}
