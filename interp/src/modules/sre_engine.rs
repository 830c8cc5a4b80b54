//! The SRE matching engine: a backtracking interpreter for the code lists that CPython's
//! `re._compiler` emits (see `Lib/re/_constants.py` for the opcodes). It follows the
//! semantics of CPython's `sre_lib.h` — marks, `lastmark`/`lastindex` bookkeeping, repeat
//! contexts, zero-width-match protection — but is written from scratch as an explicit state
//! machine: every "recursive" match runs on a heap stack of contexts, so patterns like
//! `(a|b)*` over long strings need no native stack.
//!
//! The engine is generic over the character width: `u8` for bytes and ASCII strings, `u32`
//! for other strings (code points). Positions are indexes into that slice.

pub const MAXREPEAT: u32 = u32::MAX;
pub const MAXGROUPS: u32 = (i32::MAX / 2) as u32;
pub const MAGIC: u32 = 20220615;

pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const SUBPATTERN: u32 = 25;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

const INFO_PREFIX: u32 = 1;
const INFO_LITERAL: u32 = 2;
const INFO_CHARSET: u32 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// The code is malformed (a repeat operator without its repeat context...).
    State,
    /// An opcode the engine does not know.
    Illegal,
}

// ----- character predicates -----

fn is_linebreak(c: u32) -> bool {
    c == b'\n' as u32
}

fn ascii_is_digit(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_digit()
}

fn ascii_is_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

fn ascii_is_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

fn to_char(c: u32) -> Option<char> {
    char::from_u32(c)
}

fn uni_is_digit(c: u32) -> bool {
    to_char(c).is_some_and(crate::types::str_unicode::is_decimal)
}

fn uni_is_space(c: u32) -> bool {
    to_char(c).is_some_and(crate::types::str_unicode::is_space)
}

fn uni_is_word(c: u32) -> bool {
    c == b'_' as u32 || to_char(c).is_some_and(crate::types::str_unicode::is_alnum)
}

fn uni_is_linebreak(c: u32) -> bool {
    matches!(c, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

pub fn lower_ascii(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

fn upper_ascii(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// The simple (one character) lowercase mapping.
pub fn lower_unicode(c: u32) -> u32 {
    if c < 128 {
        return lower_ascii(c);
    }
    let Some(ch) = to_char(c) else { return c };
    let mut it = ch.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l as u32,
        // U+0130 is the only character whose full lowercase has two characters; its
        // simple mapping is the first of them.
        (Some(l), Some(_)) => l as u32,
        _ => c,
    }
}

/// The simple (one character) uppercase mapping: characters whose only uppercase form has
/// several characters map to themselves.
pub fn upper_unicode(c: u32) -> u32 {
    if c < 128 {
        return upper_ascii(c);
    }
    let Some(ch) = to_char(c) else { return c };
    let mut it = ch.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u as u32,
        _ => c,
    }
}

pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

pub fn unicode_iscased(c: u32) -> bool {
    c != lower_unicode(c) || c != upper_unicode(c)
}

/// Lowercase in the "C" locale Krait runs with: ASCII only.
fn lower_locale(c: u32) -> u32 {
    if c < 256 {
        lower_ascii(c)
    } else {
        c
    }
}

fn upper_locale(c: u32) -> u32 {
    if c < 256 {
        upper_ascii(c)
    } else {
        c
    }
}

fn char_loc_ignore(pattern: u32, c: u32) -> bool {
    c == pattern || lower_locale(c) == pattern || upper_locale(c) == pattern
}

fn category(code: u32, c: u32) -> bool {
    match code {
        0 => ascii_is_digit(c),
        1 => !ascii_is_digit(c),
        2 => ascii_is_space(c),
        3 => !ascii_is_space(c),
        4 => ascii_is_word(c),
        5 => !ascii_is_word(c),
        6 => is_linebreak(c),
        7 => !is_linebreak(c),
        8 => ascii_is_word(c),
        9 => !ascii_is_word(c),
        10 => uni_is_digit(c),
        11 => !uni_is_digit(c),
        12 => uni_is_space(c),
        13 => !uni_is_space(c),
        14 => uni_is_word(c),
        15 => !uni_is_word(c),
        16 => uni_is_linebreak(c),
        17 => !uni_is_linebreak(c),
        _ => false,
    }
}

// ----- state -----

struct RepeatCtx {
    count: isize,
    /// Position of the REPEAT operands (`<skip> <min> <max> item...`).
    pattern: usize,
    prev: Option<usize>,
    last_ptr: Option<usize>,
}

enum Saved {
    Marks(Vec<Option<usize>>),
    LastPtr(Option<usize>),
}

pub struct State<'a, T> {
    pub s: &'a [T],
    code: &'a [u32],
    /// Where the current match attempt started.
    pub start: usize,
    /// The end of the searched slice (`endpos`).
    pub end: usize,
    /// Where the last match ended.
    pub ptr: usize,
    pub marks: Vec<Option<usize>>,
    pub lastmark: isize,
    pub lastindex: isize,
    repeat: Option<usize>,
    repeats: Vec<RepeatCtx>,
    free_repeats: Vec<usize>,
    pub match_all: bool,
    pub must_advance: bool,
    data: Vec<Saved>,
    /// The context stack, kept between runs to reuse its allocation.
    stack: Vec<Ctx>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One activation of the matcher (CPython's `match_context`).
struct Ctx {
    /// The position of the opcode's operands being worked on (or the next opcode while
    /// dispatching).
    pc: usize,
    ptr: usize,
    /// For POSSESSIVE_REPEAT: the position before the current iteration (None = NULL).
    ptr_opt: Option<usize>,
    toplevel: bool,
    jump: Jump,
    count: isize,
    lastmark: isize,
    lastindex: isize,
    /// The repeat context (REPEAT/UNTIL) or the literal that must follow (REPEAT_ONE).
    aux: usize,
    /// Whether a MARK_PUSH was made (`state->repeat` was set at the time).
    pushed: bool,
}

impl Ctx {
    fn new(pc: usize, toplevel: bool, jump: Jump) -> Ctx {
        Ctx { pc, ptr: 0, ptr_opt: None, toplevel, jump, count: 0, lastmark: -1, lastindex: -1, aux: 0, pushed: false }
    }
}

enum Flow {
    /// Start the context on top of the stack (check INFO, then dispatch).
    Enter,
    /// Execute the opcode at the top context's `pc`.
    Dispatch,
    /// The top context returns.
    Return(bool),
}

impl<'a, T: Copy + Into<u32>> State<'a, T> {
    pub fn new(s: &'a [T], code: &'a [u32], pos: usize, endpos: usize) -> State<'a, T> {
        let len = s.len();
        let start = pos.min(len);
        let end = endpos.min(len);
        State {
            s,
            code,
            start,
            end,
            ptr: start,
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            repeat: None,
            repeats: Vec::new(),
            free_repeats: Vec::new(),
            match_all: false,
            must_advance: false,
            data: Vec::new(),
            stack: Vec::new(),
        }
    }

    /// Clears the captures between two match attempts (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.marks.clear();
        self.data.clear();
        self.repeats.clear();
        self.free_repeats.clear();
    }

    #[inline]
    fn c(&self, i: usize) -> u32 {
        self.code.get(i).copied().unwrap_or(op::FAILURE)
    }

    /// The character at `i`; 0 past the end (where CPython reads its terminating NUL).
    #[inline]
    fn ch(&self, i: usize) -> u32 {
        self.s.get(i).map_or(0, |&c| c.into())
    }

    /// The span of group `g` (0-based group number, 1 = first group) if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = (g - 1) * 2;
        if (i as isize) >= self.lastmark {
            return None;
        }
        match (self.marks.get(i).copied().flatten(), self.marks.get(i + 1).copied().flatten()) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        }
    }

    fn set_mark(&mut self, i: usize, v: Option<usize>) {
        if self.marks.len() <= i {
            self.marks.resize(i + 1, None);
        }
        self.marks[i] = v;
    }

    fn mark(&self, i: usize) -> Option<usize> {
        self.marks.get(i).copied().flatten()
    }

    // MARK_PUSH / MARK_POP family: the saved marks are those up to `lastmark`.
    fn mark_push(&mut self, lastmark: isize) {
        let n = (lastmark + 1).max(0) as usize;
        let mut v: Vec<Option<usize>> = self.marks.iter().take(n).copied().collect();
        v.resize(n, None);
        self.data.push(Saved::Marks(v));
    }

    fn mark_restore(&mut self, discard: bool) {
        let saved = if discard { self.data.pop() } else { None };
        let restore = |st: &mut Self, v: &[Option<usize>]| {
            for (i, m) in v.iter().enumerate() {
                st.set_mark(i, *m);
            }
        };
        match saved {
            Some(Saved::Marks(v)) => restore(self, &v),
            Some(other) => self.data.push(other),
            None => {
                if let Some(Saved::Marks(v)) = self.data.last() {
                    let v = v.clone();
                    restore(self, &v);
                }
            }
        }
    }

    fn mark_pop(&mut self) {
        self.mark_restore(true);
    }

    fn mark_pop_keep(&mut self) {
        self.mark_restore(false);
    }

    fn mark_pop_discard(&mut self) {
        self.data.pop();
    }

    fn new_repeat(&mut self, pattern: usize) -> usize {
        let r = RepeatCtx { count: -1, pattern, prev: self.repeat, last_ptr: None };
        match self.free_repeats.pop() {
            Some(i) => {
                self.repeats[i] = r;
                i
            }
            None => {
                self.repeats.push(r);
                self.repeats.len() - 1
            }
        }
    }

    // ----- sets and single characters -----

    fn in_charset(&self, mut set: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            let o = self.c(set);
            set += 1;
            match o {
                op::FAILURE => return !ok,
                op::LITERAL => {
                    if ch == self.c(set) {
                        return ok;
                    }
                    set += 1;
                }
                op::CATEGORY => {
                    if category(self.c(set), ch) {
                        return ok;
                    }
                    set += 1;
                }
                op::CHARSET => {
                    if ch < 256 && self.c(set + (ch / 32) as usize) & (1u32 << (ch & 31)) != 0 {
                        return ok;
                    }
                    set += 8;
                }
                op::RANGE => {
                    if self.c(set) <= ch && ch <= self.c(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                op::RANGE_UNI_IGNORE => {
                    if self.c(set) <= ch && ch <= self.c(set + 1) {
                        return ok;
                    }
                    let uch = upper_unicode(ch);
                    if self.c(set) <= uch && uch <= self.c(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                op::NEGATE => ok = !ok,
                op::BIGCHARSET => {
                    let count = self.c(set) as usize;
                    set += 1;
                    let block: Option<usize> = if ch < 0x10000 {
                        let byte_index = (ch >> 8) as usize;
                        let word = self.c(set + byte_index / 4);
                        Some(((word >> ((byte_index % 4) * 8)) & 0xff) as usize)
                    } else {
                        None
                    };
                    set += 64;
                    if let Some(b) = block {
                        let bit = b * 256 + (ch & 255) as usize;
                        if self.c(set + bit / 32) & (1u32 << (ch & 31)) != 0 {
                            return ok;
                        }
                    }
                    set += count * 8;
                }
                _ => return false,
            }
        }
    }

    fn in_charset_loc_ignore(&self, set: usize, ch: u32) -> bool {
        let lo = lower_locale(ch);
        if self.in_charset(set, lo) {
            return true;
        }
        let up = upper_locale(ch);
        up != lo && self.in_charset(set, up)
    }

    /// Whether the one-character item at `pc` matches `ch` (the items REPEAT_ONE and
    /// friends repeat).
    fn item_matches(&self, pc: usize, ch: u32) -> Result<bool, SreError> {
        let a = self.c(pc + 1);
        Ok(match self.c(pc) {
            op::IN => self.in_charset(pc + 2, ch),
            op::ANY => !is_linebreak(ch),
            op::ANY_ALL => true,
            op::LITERAL => ch == a,
            op::LITERAL_IGNORE => lower_ascii(ch) == a,
            op::LITERAL_UNI_IGNORE => lower_unicode(ch) == a,
            op::LITERAL_LOC_IGNORE => char_loc_ignore(a, ch),
            op::NOT_LITERAL => ch != a,
            op::NOT_LITERAL_IGNORE => lower_ascii(ch) != a,
            op::NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != a,
            op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(a, ch),
            op::IN_IGNORE => self.in_charset(pc + 2, lower_ascii(ch)),
            op::IN_UNI_IGNORE => self.in_charset(pc + 2, lower_unicode(ch)),
            op::IN_LOC_IGNORE => self.in_charset_loc_ignore(pc + 2, ch),
            op::CATEGORY => category(a, ch),
            _ => return Err(SreError::Illegal),
        })
    }

    /// How many times (up to `maxcount`) the one-character item at `pc` matches from
    /// `self.ptr` (CPython's `SRE(count)`).
    fn count(&self, pc: usize, maxcount: u32) -> Result<usize, SreError> {
        let ptr = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(ptr) {
            end = ptr + maxcount as usize;
        }
        let mut p = ptr;
        match self.c(pc) {
            op::ANY_ALL => p = end.max(ptr),
            op::LITERAL => {
                let c = self.c(pc + 1);
                while p < end && self.ch(p) == c {
                    p += 1;
                }
            }
            op::NOT_LITERAL => {
                let c = self.c(pc + 1);
                while p < end && self.ch(p) != c {
                    p += 1;
                }
            }
            op::ANY => {
                while p < end && !is_linebreak(self.ch(p)) {
                    p += 1;
                }
            }
            _ => {
                while p < end && self.item_matches(pc, self.ch(p))? {
                    p += 1;
                }
            }
        }
        Ok(p.saturating_sub(ptr))
    }

    fn at(&self, ptr: usize, code: u32) -> bool {
        let beginning = 0usize;
        let word_at = |f: fn(u32) -> bool| {
            let that = ptr > beginning && f(self.ch(ptr - 1));
            let this = ptr < self.end && f(self.ch(ptr));
            (this, that)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == beginning,
            at::BEGINNING_LINE => ptr == beginning || is_linebreak(self.ch(ptr - 1)),
            at::END => (self.end == ptr + 1 && is_linebreak(self.ch(ptr))) || ptr == self.end,
            at::END_LINE => ptr == self.end || is_linebreak(self.ch(ptr)),
            at::END_STRING => ptr == self.end,
            at::BOUNDARY | at::LOC_BOUNDARY => {
                if self.end == beginning {
                    return false;
                }
                let (a, b) = word_at(ascii_is_word);
                a != b
            }
            at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => {
                if self.end == beginning {
                    return false;
                }
                let (a, b) = word_at(ascii_is_word);
                a == b
            }
            at::UNI_BOUNDARY => {
                if self.end == beginning {
                    return false;
                }
                let (a, b) = word_at(uni_is_word);
                a != b
            }
            at::UNI_NON_BOUNDARY => {
                if self.end == beginning {
                    return false;
                }
                let (a, b) = word_at(uni_is_word);
                a == b
            }
            _ => false,
        }
    }

    /// Matches a backreference to group `g` at `ptr` with the case mapping `f`; the end
    /// position on success.
    fn groupref(&self, g: u32, ptr: usize, f: fn(u32) -> u32) -> Option<usize> {
        let gi = g as usize * 2;
        if gi as isize >= self.lastmark {
            return None;
        }
        let (p, e) = (self.mark(gi)?, self.mark(gi + 1)?);
        if e < p {
            return None;
        }
        let mut q = ptr;
        for i in p..e {
            if q >= self.end || f(self.ch(q)) != f(self.ch(i)) {
                return None;
            }
            q += 1;
        }
        Some(q)
    }

    // ----- the matcher -----

    /// Matches the code at `pc` against the string from `self.ptr` (`SRE(match)`). On
    /// success `self.ptr` is where the match ended.
    pub fn run(&mut self, pc: usize, toplevel: bool) -> Result<bool, SreError> {
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push(Ctx::new(pc, toplevel, Jump::None));
        let r = self.run_on(&mut stack);
        self.stack = stack;
        r
    }

    fn run_on(&mut self, stack: &mut Vec<Ctx>) -> Result<bool, SreError> {
        let mut flow = Flow::Enter;
        loop {
            flow = match flow {
                Flow::Enter => {
                    let ptr = self.ptr;
                    let Some(ctx) = stack.last_mut() else { return Ok(false) };
                    ctx.ptr = ptr;
                    if self.code.get(ctx.pc).copied() == Some(op::INFO) {
                        let min = self.c(ctx.pc + 3) as usize;
                        if min != 0 && self.end.saturating_sub(ptr) < min {
                            Flow::Return(false)
                        } else {
                            ctx.pc += self.c(ctx.pc + 1) as usize + 1;
                            Flow::Dispatch
                        }
                    } else {
                        Flow::Dispatch
                    }
                }
                Flow::Dispatch => self.dispatch(stack)?,
                Flow::Return(r) => {
                    let Some(done) = stack.pop() else { return Ok(r) };
                    if stack.is_empty() {
                        return Ok(r);
                    }
                    self.resume(stack, done.jump, r)?
                }
            };
        }
    }

    /// Saves the parent's position and starts a child context at `pc`.
    fn push(stack: &mut Vec<Ctx>, pc: usize, jump: Jump, toplevel: Option<bool>) -> Flow {
        let tl = match toplevel {
            Some(t) => t,
            None => stack.last().is_some_and(|c| c.toplevel),
        };
        stack.push(Ctx::new(pc, tl, jump));
        Flow::Enter
    }

    fn dispatch(&mut self, stack: &mut Vec<Ctx>) -> Result<Flow, SreError> {
        let n = stack.len();
        let ctx = &mut stack[n - 1];
        let mut pc = ctx.pc;
        let mut ptr = ctx.ptr;
        let end = self.end;
        loop {
            let o = self.c(pc);
            let p = pc + 1;
            macro_rules! fail {
                () => {{
                    ctx.pc = pc;
                    ctx.ptr = ptr;
                    return Ok(Flow::Return(false));
                }};
            }
            match o {
                op::MARK => {
                    let i = self.c(p) as usize;
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.lastmark {
                        let mut j = (self.lastmark + 1) as usize;
                        while j < i {
                            self.set_mark(j, None);
                            j += 1;
                        }
                        self.lastmark = i as isize;
                    }
                    self.set_mark(i, Some(ptr));
                    pc = p + 1;
                }
                op::LITERAL => {
                    if ptr >= end || self.ch(ptr) != self.c(p) {
                        fail!();
                    }
                    pc = p + 1;
                    ptr += 1;
                }
                op::NOT_LITERAL => {
                    if ptr >= end || self.ch(ptr) == self.c(p) {
                        fail!();
                    }
                    pc = p + 1;
                    ptr += 1;
                }
                op::SUCCESS => {
                    if ctx.toplevel && ((self.match_all && ptr != self.end) || (self.must_advance && ptr == self.start))
                    {
                        fail!();
                    }
                    self.ptr = ptr;
                    return Ok(Flow::Return(true));
                }
                op::AT => {
                    if !self.at(ptr, self.c(p)) {
                        fail!();
                    }
                    pc = p + 1;
                }
                op::CATEGORY => {
                    if ptr >= end || !category(self.c(p), self.ch(ptr)) {
                        fail!();
                    }
                    pc = p + 1;
                    ptr += 1;
                }
                op::ANY => {
                    if ptr >= end || is_linebreak(self.ch(ptr)) {
                        fail!();
                    }
                    pc = p;
                    ptr += 1;
                }
                op::ANY_ALL => {
                    if ptr >= end {
                        fail!();
                    }
                    pc = p;
                    ptr += 1;
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    if ptr >= end {
                        fail!();
                    }
                    let ch = self.ch(ptr);
                    let ok = match o {
                        op::IN => self.in_charset(p + 1, ch),
                        op::IN_IGNORE => self.in_charset(p + 1, lower_ascii(ch)),
                        op::IN_UNI_IGNORE => self.in_charset(p + 1, lower_unicode(ch)),
                        _ => self.in_charset_loc_ignore(p + 1, ch),
                    };
                    if !ok {
                        fail!();
                    }
                    pc = p + self.c(p) as usize;
                    ptr += 1;
                }
                op::LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE => {
                    if ptr >= end || !self.item_matches(pc, self.ch(ptr))? {
                        fail!();
                    }
                    pc = p + 1;
                    ptr += 1;
                }
                op::JUMP | op::INFO => {
                    pc = p + self.c(p) as usize;
                }
                op::BRANCH => {
                    ctx.lastmark = self.lastmark;
                    ctx.lastindex = self.lastindex;
                    ctx.pushed = self.repeat.is_some();
                    if ctx.pushed {
                        self.mark_push(ctx.lastmark);
                    }
                    ctx.ptr = ptr;
                    ctx.pc = p;
                    return Ok(self.branch_next(stack));
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    let min = self.c(p + 1) as usize;
                    if min > end.saturating_sub(ptr) {
                        fail!();
                    }
                    self.ptr = ptr;
                    if o == op::MIN_REPEAT_ONE {
                        let count = if min == 0 {
                            0
                        } else {
                            let c = self.count(p + 3, min as u32)?;
                            if c < min {
                                fail!();
                            }
                            c
                        };
                        ptr += count;
                        ctx.count = count as isize;
                        let tail = p + self.c(p) as usize;
                        if self.c(tail) == op::SUCCESS
                            && !(ctx.toplevel
                                && ((self.match_all && ptr != self.end) || (self.must_advance && ptr == self.start)))
                        {
                            self.ptr = ptr;
                            return Ok(Flow::Return(true));
                        }
                        ctx.lastmark = self.lastmark;
                        ctx.lastindex = self.lastindex;
                        ctx.pushed = self.repeat.is_some();
                        if ctx.pushed {
                            self.mark_push(ctx.lastmark);
                        }
                        ctx.pc = p;
                        ctx.ptr = ptr;
                        return Ok(self.min_repeat_one_next(stack));
                    }
                    let count = self.count(p + 3, self.c(p + 2))?;
                    ptr += count;
                    if count < min {
                        fail!();
                    }
                    let tail = p + self.c(p) as usize;
                    if o == op::POSSESSIVE_REPEAT_ONE {
                        pc = tail;
                        if self.c(pc) == op::SUCCESS
                            && ptr == self.end
                            && !(ctx.toplevel && self.must_advance && ptr == self.start)
                        {
                            self.ptr = ptr;
                            return Ok(Flow::Return(true));
                        }
                        continue;
                    }
                    ctx.count = count as isize;
                    if self.c(tail) == op::SUCCESS
                        && ptr == self.end
                        && !(ctx.toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return Ok(Flow::Return(true));
                    }
                    ctx.lastmark = self.lastmark;
                    ctx.lastindex = self.lastindex;
                    ctx.pushed = self.repeat.is_some();
                    if ctx.pushed {
                        self.mark_push(ctx.lastmark);
                    }
                    ctx.pc = p;
                    ctx.ptr = ptr;
                    if self.c(tail) == op::LITERAL {
                        ctx.aux = self.c(tail + 1) as usize;
                        return Ok(self.repeat_one_lit_next(stack));
                    }
                    return Ok(self.repeat_one_next(stack));
                }
                op::REPEAT => {
                    let r = self.new_repeat(p);
                    self.repeat = Some(r);
                    self.ptr = ptr;
                    ctx.aux = r;
                    ctx.pc = p;
                    ctx.ptr = ptr;
                    let target = p + self.c(p) as usize;
                    return Ok(Self::push(stack, target, Jump::Repeat, None));
                }
                op::MAX_UNTIL | op::MIN_UNTIL => {
                    let Some(r) = self.repeat else { return Err(SreError::State) };
                    self.ptr = ptr;
                    let count = self.repeats[r].count + 1;
                    ctx.aux = r;
                    ctx.count = count;
                    ctx.pc = p;
                    ctx.ptr = ptr;
                    let rp = self.repeats[r].pattern;
                    let (min, max) = (self.c(rp + 1), self.c(rp + 2));
                    if count < min as isize {
                        self.repeats[r].count = count;
                        let j = if o == op::MAX_UNTIL { Jump::MaxUntil1 } else { Jump::MinUntil1 };
                        return Ok(Self::push(stack, rp + 3, j, None));
                    }
                    if o == op::MAX_UNTIL {
                        if (count < max as isize || max == MAXREPEAT) && Some(self.ptr) != self.repeats[r].last_ptr {
                            self.repeats[r].count = count;
                            ctx.lastmark = self.lastmark;
                            ctx.lastindex = self.lastindex;
                            self.mark_push(ctx.lastmark);
                            let lp = self.repeats[r].last_ptr;
                            self.data.push(Saved::LastPtr(lp));
                            self.repeats[r].last_ptr = Some(self.ptr);
                            return Ok(Self::push(stack, rp + 3, Jump::MaxUntil2, None));
                        }
                        self.repeat = self.repeats[r].prev;
                        return Ok(Self::push(stack, p, Jump::MaxUntil3, None));
                    }
                    // MIN_UNTIL: see if the tail matches first.
                    self.repeat = self.repeats[r].prev;
                    ctx.lastmark = self.lastmark;
                    ctx.lastindex = self.lastindex;
                    ctx.pushed = self.repeat.is_some();
                    if ctx.pushed {
                        self.mark_push(ctx.lastmark);
                    }
                    return Ok(Self::push(stack, p, Jump::MinUntil2, None));
                }
                op::POSSESSIVE_REPEAT => {
                    self.ptr = ptr;
                    ctx.count = 0;
                    ctx.pc = p;
                    ctx.ptr = ptr;
                    return Ok(self.poss_repeat_next(stack));
                }
                op::ATOMIC_GROUP => {
                    self.ptr = ptr;
                    ctx.pc = p;
                    ctx.ptr = ptr;
                    return Ok(Self::push(stack, p + 1, Jump::AtomicGroup, Some(false)));
                }
                op::GROUPREF | op::GROUPREF_IGNORE | op::GROUPREF_UNI_IGNORE | op::GROUPREF_LOC_IGNORE => {
                    let f: fn(u32) -> u32 = match o {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_IGNORE => lower_ascii,
                        op::GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    match self.groupref(self.c(p), ptr, f) {
                        Some(q) => ptr = q,
                        None => fail!(),
                    }
                    pc = p + 1;
                }
                op::GROUPREF_EXISTS => {
                    let g = self.c(p) as usize * 2;
                    let exists = (g as isize) < self.lastmark
                        && matches!((self.mark(g), self.mark(g + 1)), (Some(a), Some(b)) if a <= b);
                    if exists {
                        pc = p + 2;
                    } else {
                        pc = p + self.c(p + 1) as usize;
                    }
                }
                op::ASSERT => {
                    let back = self.c(p + 1) as usize;
                    if ptr < back {
                        fail!();
                    }
                    self.ptr = ptr - back;
                    ctx.pc = p;
                    ctx.ptr = ptr;
                    return Ok(Self::push(stack, p + 2, Jump::Assert, Some(false)));
                }
                op::ASSERT_NOT => {
                    let back = self.c(p + 1) as usize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        ctx.lastmark = self.lastmark;
                        ctx.lastindex = self.lastindex;
                        ctx.pushed = self.repeat.is_some();
                        if ctx.pushed {
                            self.mark_push(ctx.lastmark);
                        }
                        ctx.pc = p;
                        ctx.ptr = ptr;
                        return Ok(Self::push(stack, p + 2, Jump::AssertNot, Some(false)));
                    }
                    pc = p + self.c(p) as usize;
                }
                op::FAILURE => fail!(),
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// Restores the state after a failed alternative (LASTMARK_RESTORE).
    fn lastmark_restore(&mut self, lastmark: isize, lastindex: isize) {
        self.lastmark = lastmark;
        self.lastindex = lastindex;
    }

    /// Tries the next alternative of a BRANCH whose operands start at `ctx.pc` (pointing
    /// at the skip word of the alternative to try).
    fn branch_next(&mut self, stack: &mut Vec<Ctx>) -> Flow {
        let n = stack.len();
        let end = self.end;
        let (mut p, ptr) = (stack[n - 1].pc, stack[n - 1].ptr);
        while self.c(p) != 0 {
            let skip = self.c(p) as usize;
            let first = self.c(p + 1);
            if first == op::LITERAL && (ptr >= end || self.ch(ptr) != self.c(p + 2)) {
                p += skip;
                continue;
            }
            if first == op::IN && (ptr >= end || !self.in_charset(p + 3, self.ch(ptr))) {
                p += skip;
                continue;
            }
            self.ptr = ptr;
            stack[n - 1].pc = p;
            return Self::push(stack, p + 1, Jump::Branch, None);
        }
        if stack[n - 1].pushed {
            self.mark_pop_discard();
        }
        Flow::Return(false)
    }

    fn repeat_one_lit_next(&mut self, stack: &mut Vec<Ctx>) -> Flow {
        let n = stack.len();
        let end = self.end;
        let ctx = &mut stack[n - 1];
        let p = ctx.pc;
        let min = self.c(p + 1) as isize;
        let chr = ctx.aux as u32;
        while ctx.count >= min && (ctx.ptr >= end || self.ch(ctx.ptr) != chr) {
            ctx.ptr = ctx.ptr.wrapping_sub(1);
            ctx.count -= 1;
        }
        if ctx.count < min {
            if ctx.pushed {
                self.mark_pop_discard();
            }
            return Flow::Return(false);
        }
        self.ptr = ctx.ptr;
        let tail = p + self.c(p) as usize;
        Self::push(stack, tail, Jump::RepeatOne1, None)
    }

    fn repeat_one_next(&mut self, stack: &mut Vec<Ctx>) -> Flow {
        let n = stack.len();
        let ctx = &mut stack[n - 1];
        let p = ctx.pc;
        let min = self.c(p + 1) as isize;
        if ctx.count >= min {
            self.ptr = ctx.ptr;
            let tail = p + self.c(p) as usize;
            return Self::push(stack, tail, Jump::RepeatOne2, None);
        }
        if ctx.pushed {
            self.mark_pop_discard();
        }
        Flow::Return(false)
    }

    fn min_repeat_one_next(&mut self, stack: &mut Vec<Ctx>) -> Flow {
        let n = stack.len();
        let ctx = &mut stack[n - 1];
        let p = ctx.pc;
        let max = self.c(p + 2);
        if max == MAXREPEAT || ctx.count <= max as isize {
            self.ptr = ctx.ptr;
            let tail = p + self.c(p) as usize;
            return Self::push(stack, tail, Jump::MinRepeatOne, None);
        }
        if ctx.pushed {
            self.mark_pop_discard();
        }
        Flow::Return(false)
    }

    fn poss_repeat_next(&mut self, stack: &mut Vec<Ctx>) -> Flow {
        let n = stack.len();
        let ctx = &mut stack[n - 1];
        let p = ctx.pc;
        let (min, max) = (self.c(p + 1), self.c(p + 2));
        if ctx.count < min as isize {
            return Self::push(stack, p + 3, Jump::PossRepeat1, Some(false));
        }
        // Now as many more as possible, never backtracking into them.
        self.poss_repeat_more(stack, max)
    }

    fn poss_repeat_more(&mut self, stack: &mut Vec<Ctx>, max: u32) -> Flow {
        let n = stack.len();
        let ctx = &mut stack[n - 1];
        let p = ctx.pc;
        if (ctx.count < max as isize || max == MAXREPEAT) && Some(self.ptr) != ctx.ptr_opt {
            ctx.lastmark = self.lastmark;
            ctx.lastindex = self.lastindex;
            self.mark_push(ctx.lastmark);
            ctx.ptr_opt = Some(self.ptr);
            return Self::push(stack, p + 3, Jump::PossRepeat2, Some(false));
        }
        self.poss_repeat_tail(stack)
    }

    fn poss_repeat_tail(&mut self, stack: &mut [Ctx]) -> Flow {
        let n = stack.len();
        let ctx = &mut stack[n - 1];
        let p = ctx.pc;
        ctx.pc = p + self.c(p) as usize + 1;
        ctx.ptr = self.ptr;
        Flow::Dispatch
    }

    /// Continues the context on top of `stack` after a child started with `jump` returned
    /// `ret`.
    fn resume(&mut self, stack: &mut Vec<Ctx>, jump: Jump, ret: bool) -> Result<Flow, SreError> {
        let n = stack.len();
        let ctx = &mut stack[n - 1];
        Ok(match jump {
            Jump::None => Flow::Return(ret),
            Jump::Branch => {
                if ret {
                    if ctx.pushed {
                        self.mark_pop_discard();
                    }
                    return Ok(Flow::Return(true));
                }
                if ctx.pushed {
                    self.mark_pop_keep();
                }
                let (lm, li) = (ctx.lastmark, ctx.lastindex);
                self.lastmark_restore(lm, li);
                ctx.pc += self.c(ctx.pc) as usize;
                self.branch_next(stack)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if ctx.pushed {
                        self.mark_pop_discard();
                    }
                    return Ok(Flow::Return(true));
                }
                if ctx.pushed {
                    self.mark_pop_keep();
                }
                let (lm, li) = (ctx.lastmark, ctx.lastindex);
                self.lastmark_restore(lm, li);
                let ctx = &mut stack[n - 1];
                ctx.ptr = ctx.ptr.wrapping_sub(1);
                ctx.count -= 1;
                if jump == Jump::RepeatOne1 {
                    self.repeat_one_lit_next(stack)
                } else {
                    self.repeat_one_next(stack)
                }
            }
            Jump::MinRepeatOne => {
                if ret {
                    if ctx.pushed {
                        self.mark_pop_discard();
                    }
                    return Ok(Flow::Return(true));
                }
                if ctx.pushed {
                    self.mark_pop_keep();
                }
                let (lm, li) = (ctx.lastmark, ctx.lastindex);
                self.lastmark_restore(lm, li);
                let ctx = &mut stack[n - 1];
                self.ptr = ctx.ptr;
                let c = self.count(ctx.pc + 3, 1)?;
                let ctx = &mut stack[n - 1];
                if c == 0 {
                    if ctx.pushed {
                        self.mark_pop_discard();
                    }
                    return Ok(Flow::Return(false));
                }
                ctx.ptr += 1;
                ctx.count += 1;
                self.min_repeat_one_next(stack)
            }
            Jump::Repeat => {
                let r = ctx.aux;
                self.repeat = self.repeats[r].prev;
                self.free_repeats.push(r);
                Flow::Return(ret)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Flow::Return(true));
                }
                let r = ctx.aux;
                self.repeats[r].count = ctx.count - 1;
                self.ptr = ctx.ptr;
                Flow::Return(false)
            }
            Jump::MaxUntil2 => {
                let r = ctx.aux;
                if let Some(Saved::LastPtr(lp)) = self.data.pop() {
                    self.repeats[r].last_ptr = lp;
                }
                if ret {
                    self.mark_pop_discard();
                    return Ok(Flow::Return(true));
                }
                self.mark_pop();
                let (lm, li) = (ctx.lastmark, ctx.lastindex);
                self.lastmark_restore(lm, li);
                self.repeats[r].count = ctx.count - 1;
                self.ptr = ctx.ptr;
                // Cannot match more repeated items here: make sure the tail matches.
                self.repeat = self.repeats[r].prev;
                let pc = ctx.pc;
                Self::push(stack, pc, Jump::MaxUntil3, None)
            }
            Jump::MaxUntil3 => {
                self.repeat = Some(ctx.aux);
                if ret {
                    return Ok(Flow::Return(true));
                }
                self.ptr = ctx.ptr;
                Flow::Return(false)
            }
            Jump::MinUntil2 => {
                let repeat_of_tail = self.repeat.is_some();
                let r = ctx.aux;
                self.repeat = Some(r);
                if ret {
                    if repeat_of_tail {
                        self.mark_pop_discard();
                    }
                    return Ok(Flow::Return(true));
                }
                if repeat_of_tail {
                    self.mark_pop();
                }
                let (lm, li) = (ctx.lastmark, ctx.lastindex);
                self.lastmark_restore(lm, li);
                self.ptr = ctx.ptr;
                let rp = self.repeats[r].pattern;
                let max = self.c(rp + 2);
                if (ctx.count >= max as isize && max != MAXREPEAT) || Some(self.ptr) == self.repeats[r].last_ptr {
                    return Ok(Flow::Return(false));
                }
                self.repeats[r].count = ctx.count;
                let lp = self.repeats[r].last_ptr;
                self.data.push(Saved::LastPtr(lp));
                self.repeats[r].last_ptr = Some(self.ptr);
                Self::push(stack, rp + 3, Jump::MinUntil3, None)
            }
            Jump::MinUntil3 => {
                let r = ctx.aux;
                if let Some(Saved::LastPtr(lp)) = self.data.pop() {
                    self.repeats[r].last_ptr = lp;
                }
                if ret {
                    return Ok(Flow::Return(true));
                }
                self.repeats[r].count = ctx.count - 1;
                self.ptr = ctx.ptr;
                Flow::Return(false)
            }
            Jump::PossRepeat1 => {
                if ret {
                    ctx.count += 1;
                    return Ok(self.poss_repeat_next(stack));
                }
                self.ptr = ctx.ptr;
                Flow::Return(false)
            }
            Jump::PossRepeat2 => {
                let max = self.c(ctx.pc + 2);
                if ret {
                    self.mark_pop_discard();
                    ctx.count += 1;
                    return Ok(self.poss_repeat_more(stack, max));
                }
                self.mark_pop();
                let (lm, li) = (ctx.lastmark, ctx.lastindex);
                self.lastmark_restore(lm, li);
                self.ptr = ctx.ptr_opt.unwrap_or(ctx.ptr);
                self.poss_repeat_tail(stack)
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ctx.ptr;
                    return Ok(Flow::Return(false));
                }
                ctx.pc += self.c(ctx.pc) as usize;
                ctx.ptr = self.ptr;
                Flow::Dispatch
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Flow::Return(false));
                }
                ctx.pc += self.c(ctx.pc) as usize;
                Flow::Dispatch
            }
            Jump::AssertNot => {
                if ret {
                    if ctx.pushed {
                        self.mark_pop_discard();
                    }
                    return Ok(Flow::Return(false));
                }
                if ctx.pushed {
                    self.mark_pop();
                }
                let (lm, li) = (ctx.lastmark, ctx.lastindex);
                self.lastmark_restore(lm, li);
                ctx.pc += self.c(ctx.pc) as usize;
                Flow::Dispatch
            }
        })
    }

    /// `pattern.match` from `self.start`.
    pub fn do_match(&mut self) -> Result<bool, SreError> {
        self.ptr = self.start;
        self.run(0, true)
    }

    /// Finds the leftmost match at or after `self.start` (`SRE(search)`); on success
    /// `self.start`/`self.ptr` delimit it.
    pub fn search(&mut self) -> Result<bool, SreError> {
        let mut ptr = self.start;
        let end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut min = 0usize;
        let mut prefix: &[u32] = &[];
        let mut charset: Option<usize> = None;
        let mut literal_only = false;
        if self.c(0) == op::INFO {
            let flags = self.c(2);
            min = self.c(3) as usize;
            if min > 0 && end - ptr < min {
                return Ok(false);
            }
            if flags & INFO_PREFIX != 0 {
                let len = self.c(5) as usize;
                prefix = self.code.get(7..7 + len).unwrap_or(&[]);
                literal_only = flags & INFO_LITERAL != 0;
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
        }
        // The last position where a match of the minimum width could start.
        let last = end - min.min(end - ptr);
        if !prefix.is_empty() {
            let plen = prefix.len();
            if plen > end - ptr {
                return Ok(false);
            }
            let first = prefix[0];
            while ptr + plen <= end {
                if self.ch(ptr) != first {
                    ptr += 1;
                    continue;
                }
                if (1..plen).all(|k| self.ch(ptr + k) == prefix[k]) {
                    self.start = ptr;
                    if literal_only {
                        self.ptr = ptr + plen;
                        return Ok(true);
                    }
                    self.ptr = ptr;
                    self.must_advance = false;
                    if self.run(0, false)? {
                        return Ok(true);
                    }
                    self.reset();
                }
                ptr += 1;
            }
            return Ok(false);
        }
        if let Some(cs) = charset {
            self.must_advance = false;
            while ptr < end {
                if !self.in_charset(cs, self.ch(ptr)) {
                    ptr += 1;
                    continue;
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(0, false)? {
                    return Ok(true);
                }
                self.reset();
                ptr += 1;
            }
            return Ok(false);
        }
        // General case: the first position honours must_advance, the others cannot
        // produce the same empty match.
        self.start = ptr;
        self.ptr = ptr;
        if self.run(0, true)? {
            return Ok(true);
        }
        self.must_advance = false;
        let body_op = if self.c(0) == op::INFO { 1 + self.c(1) as usize } else { 0 };
        if self.c(body_op) == op::AT && matches!(self.c(body_op + 1), at::BEGINNING | at::BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while ptr < last {
            ptr += 1;
            self.reset();
            self.start = ptr;
            self.ptr = ptr;
            if self.run(0, false)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
