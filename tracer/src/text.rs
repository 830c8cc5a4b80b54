//! The text form of traces: `Display` for logs, `parse_trace` for tests.
//!
//! Printing and parsing round-trip exactly (`parse_trace(&t.to_string()) == Ok(t)`), so
//! conformance cases and optimizer tests are written as text. An example:
//!
//! ```text
//! kinds: int-overflow, loop-exit
//! v0 = param 0 : int
//! v1 = param 1 : float
//! v2 = const_int 1
//! v3 = int_add_ov v0, v2 !s0 [int-overflow]
//! v4 = const_int 100
//! v5 = int_cmp lt v3, v4
//! guard_true v5 !s1 [loop-exit]      ; #6
//! v7 = load [v3 + 16] : float
//! store_indexed [v3 + v0*8 - 8], v7  ; #8
//! v9 = call_pure 0x55d0c0de(v3, v1) : int
//! jump v3, v1
//! s0 = snapshot [meta=7: 0=v0 1=v1]
//! s1 = snapshot [meta=7: 0=v3 1=v1] [meta=12: 0=v2]
//! ```
//!
//! # Grammar
//!
//! One item per line; blank lines are ignored and `;` starts a comment (the printer adds
//! `; #N` after ops without a value, so exit numbers can be read off the log).
//!
//! ```text
//! line     := kinds | entry | value_op | void_op | snapshot
//! kinds    := "kinds:" [kname ("," kname)*]
//! entry    := "entry:" "s"N
//! value_op := "v"N "=" ( "param" N ":" type
//!                      | "const_int" INT | "const_float" (FLOAT | HEX) | "const_word" (HEX | INT)
//!                      | unop v | binop v "," v | ovop v "," v exit
//!                      | ("int_cmp" | "float_cmp") cond v "," v
//!                      | "load" addr ":" type [mem] | "load_indexed" iaddr ":" type [mem] | call
//!                      | "phi" v ":" type )
//! void_op  := "store" addr "," v [mem] | "store_indexed" iaddr "," v [mem]
//!           | ("guard_true" | "guard_false") v exit | "exit" exit | call | "loop"
//!           | "jump" [v ("," v)*]
//! mem      := "mem" N                  (memory class; absent: class 0, aliases anything;
//!                                      128 and up: separate blocks, `ir::Mem`)
//! addr     := "[" v [("+" | "-") INT] "]"
//! iaddr    := "[" v "+" v "*" "8" [("+" | "-") INT] "]"
//! call     := ("call" | "call_pure") (HEX | INT) "(" [v ("," v)*] ")" [":" type]
//! exit     := "!" "s"N "[" kname "]"
//! snapshot := "s"N "=" "snapshot" ("[" "meta" "=" INT ":" (INT "=" v)* "]")* ("store" addr "," v [mem])*
//! type     := "int" | "float" | "bool" | "word" | "void"
//! cond     := "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "below" | "above_eq"
//! kname    := a name of [A-Za-z0-9_.#-] characters, or a "quoted string"
//! ```
//!
//! `vN` must be the op's index (ops without a value still take an index), and `sN` the
//! snapshot's. Params come first, as `ir` requires. Float constants print as the shortest
//! decimal that reads back to the same bits, NaNs as their bits in hex. Without a `kinds:`
//! line, kinds are numbered in order of first use (handy in hand-written tests); with one,
//! every `[kname]` must name a listed kind (`[#N]` names kind N directly; the printer uses it
//! only for kinds missing from the list).

use std::fmt;

use crate::ir::{Cond, FrameState, Kind, Mem, Op, SnapStore, Snapshot, SnapshotId, Trace, Type, ValueId};

/// The ` mem N` suffix of a load or store (nothing for `Mem::ANY`).
fn mem_text(m: Mem) -> String {
    if m == Mem::ANY {
        String::new()
    } else {
        format!(" mem {}", m.0)
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '#' | '-')
}

fn write_name(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    if !name.is_empty() && name.chars().all(is_name_char) {
        f.write_str(name)
    } else {
        write!(f, "\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Formats one op without its `vN =` prefix.
struct OpText<'a>(&'a Trace, &'a Op);

impl fmt::Display for OpText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Op::*;
        let OpText(trace, op) = *self;
        let exit = |f: &mut fmt::Formatter<'_>, snap: &SnapshotId, kind: &Kind| -> fmt::Result {
            write!(f, " !s{} [", snap.0)?;
            match trace.kinds.get(kind.0 as usize) {
                Some(name) => write_name(f, name)?,
                None => write!(f, "#{}", kind.0)?,
            }
            f.write_str("]")
        };
        let off = |o: i32| {
            if o < 0 {
                format!(" - {}", -(o as i64))
            } else if o > 0 {
                format!(" + {o}")
            } else {
                String::new()
            }
        };
        let name = op.name();
        match op {
            Param(i) => {
                let ty = trace.params.get(*i as usize).map_or("?", |t| t.name());
                write!(f, "{name} {i} : {ty}")
            }
            ConstInt(c) => write!(f, "{name} {c}"),
            ConstFloat(bits) => {
                let x = f64::from_bits(*bits);
                if x.is_nan() {
                    write!(f, "{name} {bits:#x}")
                } else {
                    write!(f, "{name} {x:?}")
                }
            }
            ConstWord(w) => write!(f, "{name} {w:#x}"),
            IntAdd(a, b)
            | IntSub(a, b)
            | IntMul(a, b)
            | IntAnd(a, b)
            | IntOr(a, b)
            | IntXor(a, b)
            | IntShl(a, b)
            | IntSar(a, b)
            | IntShr(a, b)
            | IntFloorDiv(a, b)
            | IntMod(a, b)
            | FloatAdd(a, b)
            | FloatSub(a, b)
            | FloatMul(a, b)
            | FloatDiv(a, b) => write!(f, "{name} {a}, {b}"),
            IntAddOv { a, b, snap, kind } | IntSubOv { a, b, snap, kind } | IntMulOv { a, b, snap, kind } => {
                write!(f, "{name} {a}, {b}")?;
                exit(f, snap, kind)
            }
            IntNeg(a) | FloatNeg(a) | FloatAbs(a) | FloatSqrt(a) | IntToFloat(a) | FloatBits(a) | BitsToFloat(a)
            | AsInt(a) | AsWord(a) => write!(f, "{name} {a}"),
            IntCmp(c, a, b) | FloatCmp(c, a, b) => write!(f, "{name} {} {a}, {b}", c.name()),
            Load { base, offset, ty, mem } => {
                write!(f, "{name} [{base}{}] : {}{}", off(*offset), ty.name(), mem_text(*mem))
            }
            Store { base, offset, value, mem } => {
                write!(f, "{name} [{base}{}], {value}{}", off(*offset), mem_text(*mem))
            }
            LoadIndexed { base, index, offset, ty, mem } => {
                write!(f, "{name} [{base} + {index}*8{}] : {}{}", off(*offset), ty.name(), mem_text(*mem))
            }
            StoreIndexed { base, index, offset, value, mem } => {
                write!(f, "{name} [{base} + {index}*8{}], {value}{}", off(*offset), mem_text(*mem))
            }
            LoadByte { base, index, offset, mem } => {
                write!(f, "{name} [{base} + {index}{}]{}", off(*offset), mem_text(*mem))
            }
            StoreByte { base, index, offset, value, mem } => {
                write!(f, "{name} [{base} + {index}{}], {value}{}", off(*offset), mem_text(*mem))
            }
            Guard { cond, snap, kind, .. } => {
                write!(f, "{name} {cond}")?;
                exit(f, snap, kind)
            }
            Exit { snap, kind } => {
                f.write_str(name)?;
                exit(f, snap, kind)
            }
            Loop => f.write_str(name),
            Phi(a, ty) => write!(f, "{name} {a} : {}", ty.name()),
            Call { func, args, ret, .. } => {
                write!(f, "{name} {func:#x}(")?;
                for (k, a) in args.iter().enumerate() {
                    write!(f, "{}{a}", if k > 0 { ", " } else { "" })?;
                }
                f.write_str(")")?;
                if *ret != Type::Void {
                    write!(f, " : {}", ret.name())?;
                }
                Ok(())
            }
            Jump(args) => {
                f.write_str(name)?;
                for (k, a) in args.iter().enumerate() {
                    write!(f, "{}{a}", if k > 0 { ", " } else { " " })?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Snapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("snapshot")?;
        for fr in &self.frames {
            write!(f, " [meta={}:", fr.meta)?;
            for (slot, v) in &fr.slots {
                write!(f, " {slot}={v}")?;
            }
            f.write_str("]")?;
        }
        for st in &self.stores {
            let o = st.offset as i64;
            let off = if o < 0 {
                format!(" - {}", -o)
            } else if o > 0 {
                format!(" + {o}")
            } else {
                String::new()
            };
            write!(f, " store [{}{off}], {}{}", st.base, st.value, mem_text(st.mem))?;
        }
        Ok(())
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.kinds.is_empty() {
            f.write_str("kinds:")?;
            for (k, name) in self.kinds.iter().enumerate() {
                f.write_str(if k > 0 { ", " } else { " " })?;
                write_name(f, name)?;
            }
            writeln!(f)?;
        }
        if let Some(e) = self.entry {
            writeln!(f, "entry: s{}", e.0)?;
        }
        for (i, op) in self.ops.iter().enumerate() {
            let ty = match op {
                Op::Param(p) => self.params.get(*p as usize).copied().unwrap_or(Type::Int),
                _ => op.result_type(&self.params),
            };
            let text = OpText(self, op);
            match op {
                Op::Jump(_) => writeln!(f, "{text}")?,
                _ if ty == Type::Void => writeln!(f, "{:<40} ; #{i}", text.to_string())?,
                _ => writeln!(f, "v{i} = {text}")?,
            }
        }
        for (k, s) in self.snapshots.iter().enumerate() {
            writeln!(f, "s{k} = {s}")?;
        }
        Ok(())
    }
}

impl Op {
    /// The op as it appears in the text IR, without the `vN =` prefix (`kinds` names the
    /// speculation kinds; pass `&[]` to print them as `#N`).
    pub fn to_text(&self, params: &[Type], kinds: &[String]) -> String {
        let t = Trace { params: params.to_vec(), kinds: kinds.to_vec(), ..Trace::default() };
        OpText(&t, self).to_string()
    }
}

// --- parsing -------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Punct(char),
}

fn tokenize(line: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == ';' {
            break;
        } else if "=,:[]()!*+".contains(c) {
            out.push(Tok::Punct(c));
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    None => return Err("unterminated string".into()),
                    Some('"') => break,
                    Some('\\') => s.push(chars.next().ok_or("unterminated string")?),
                    Some(c) => s.push(c),
                }
            }
            out.push(Tok::Str(s));
        } else {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || "=,:[]()!*+;\"".contains(c) {
                    break;
                }
                s.push(c);
                chars.next();
            }
            out.push(Tok::Word(s));
        }
    }
    Ok(out)
}

fn show(t: Option<&Tok>) -> String {
    match t {
        None => "end of line".into(),
        Some(Tok::Word(w)) => format!("`{w}`"),
        Some(Tok::Str(s)) => format!("\"{s}\""),
        Some(Tok::Punct(c)) => format!("`{c}`"),
    }
}

fn parse_u64(w: &str) -> Option<u64> {
    match w.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => w.parse().ok(),
    }
}

fn parse_i64(w: &str) -> Option<i64> {
    if w.starts_with("0x") {
        parse_u64(w).map(|x| x as i64)
    } else {
        w.parse().ok()
    }
}

fn parse_type(w: &str) -> Option<Type> {
    Some(match w {
        "int" => Type::Int,
        "float" => Type::Float,
        "bool" => Type::Bool,
        "word" => Type::Word,
        "void" => Type::Void,
        _ => return None,
    })
}

/// A cursor over one line's tokens.
struct Line<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl Line<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Option<&Tok> {
        let t = self.toks.get(self.pos);
        self.pos += 1;
        t
    }

    fn is_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }

    fn punct(&mut self, c: char) -> Result<(), String> {
        match self.next() {
            Some(Tok::Punct(d)) if *d == c => Ok(()),
            t => Err(format!("expected `{c}`, found {}", show(t))),
        }
    }

    fn word(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Tok::Word(w)) => Ok(w.clone()),
            t => Err(format!("expected a word, found {}", show(t))),
        }
    }

    fn keyword(&mut self, k: &str) -> Result<(), String> {
        match self.next() {
            Some(Tok::Word(w)) if w == k => Ok(()),
            t => Err(format!("expected `{k}`, found {}", show(t))),
        }
    }

    fn name(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Tok::Word(w)) | Some(Tok::Str(w)) => Ok(w.clone()),
            t => Err(format!("expected a name, found {}", show(t))),
        }
    }

    fn numbered(&mut self, prefix: char) -> Result<u32, String> {
        let w = self.word()?;
        w.strip_prefix(prefix).and_then(|n| n.parse().ok()).ok_or_else(|| format!("expected `{prefix}N`, found `{w}`"))
    }

    fn value(&mut self) -> Result<ValueId, String> {
        self.numbered('v').map(ValueId)
    }

    fn u64(&mut self) -> Result<u64, String> {
        let w = self.word()?;
        parse_u64(&w).ok_or_else(|| format!("expected an unsigned number, found `{w}`"))
    }

    fn i64(&mut self) -> Result<i64, String> {
        let w = self.word()?;
        parse_i64(&w).ok_or_else(|| format!("expected an integer, found `{w}`"))
    }

    /// An optional `mem N` suffix.
    fn mem(&mut self) -> Result<Mem, String> {
        if self.peek() != Some(&Tok::Word("mem".into())) {
            return Ok(Mem::ANY);
        }
        self.next();
        let n = self.u64()?;
        u8::try_from(n).map(Mem).map_err(|_| format!("memory class {n} too large"))
    }

    fn ty(&mut self) -> Result<Type, String> {
        let w = self.word()?;
        parse_type(&w).ok_or_else(|| format!("expected a type, found `{w}`"))
    }

    fn comma_values(&mut self) -> Result<Vec<ValueId>, String> {
        let mut out = vec![];
        if matches!(self.peek(), Some(Tok::Word(_))) {
            out.push(self.value()?);
            while self.is_punct(',') {
                self.next();
                out.push(self.value()?);
            }
        }
        Ok(out)
    }

    fn two(&mut self) -> Result<(ValueId, ValueId), String> {
        let a = self.value()?;
        self.punct(',')?;
        Ok((a, self.value()?))
    }

    fn cond(&mut self) -> Result<Cond, String> {
        let w = self.word()?;
        Cond::ALL.into_iter().find(|c| c.name() == w).ok_or_else(|| format!("unknown condition `{w}`"))
    }

    /// `[v]`, `[v + N]`, `[v - N]`, and with `indexed` `[v + v*8 ...]`.
    /// `[base + index +/- offset]` of the byte accesses (index not scaled).
    fn byte_addr(&mut self) -> Result<(ValueId, ValueId, i32), String> {
        let (base, index, offset) = self.addr_scaled(true, false)?;
        let index = index.ok_or("a byte access needs an index")?;
        Ok((base, index, offset))
    }

    fn addr(&mut self, indexed: bool) -> Result<(ValueId, Option<ValueId>, i32), String> {
        self.addr_scaled(indexed, true)
    }

    fn addr_scaled(&mut self, indexed: bool, scaled: bool) -> Result<(ValueId, Option<ValueId>, i32), String> {
        self.punct('[')?;
        let base = self.value()?;
        let mut index = None;
        if indexed {
            self.punct('+')?;
            index = Some(self.value()?);
            if scaled {
                self.punct('*')?;
                self.keyword("8")?;
            }
        }
        let mut offset = 0i64;
        if self.is_punct('+') {
            self.next();
            offset = self.i64()?;
        } else if matches!(self.peek(), Some(Tok::Word(w)) if w == "-") {
            self.next();
            offset = -self.i64()?;
        }
        self.punct(']')?;
        let offset = i32::try_from(offset).map_err(|_| format!("offset {offset} does not fit in i32"))?;
        Ok((base, index, offset))
    }

    fn end(&self) -> Result<(), String> {
        match self.peek() {
            None => Ok(()),
            t => Err(format!("unexpected {} at end of line", show(t))),
        }
    }
}

struct Parser {
    trace: Trace,
    /// Whether a `kinds:` line fixed the kinds, or they are collected on first use.
    kinds_fixed: bool,
    kinds_used: bool,
    snapshots_seen: usize,
}

impl Parser {
    fn kind(&mut self, l: &mut Line) -> Result<Kind, String> {
        l.punct('[')?;
        let name = l.name()?;
        l.punct(']')?;
        self.kinds_used = true;
        let k = match self.trace.kinds.iter().position(|k| *k == name) {
            Some(k) => k,
            None => match name.strip_prefix('#').and_then(|n| n.parse::<u8>().ok()) {
                Some(k) => k as usize,
                None if self.kinds_fixed => return Err(format!("unknown kind `{name}`")),
                None => {
                    self.trace.kinds.push(name);
                    self.trace.kinds.len() - 1
                }
            },
        };
        u8::try_from(k).map(Kind).map_err(|_| "more than 256 kinds".into())
    }

    fn exit(&mut self, l: &mut Line) -> Result<(SnapshotId, Kind), String> {
        l.punct('!')?;
        let s = SnapshotId(l.numbered('s')?);
        Ok((s, self.kind(l)?))
    }

    fn call(&mut self, l: &mut Line, pure: bool) -> Result<Op, String> {
        let func = l.u64()?;
        l.punct('(')?;
        let args = l.comma_values()?;
        l.punct(')')?;
        let mut ret = Type::Void;
        if l.is_punct(':') {
            l.next();
            ret = l.ty()?;
        }
        Ok(Op::Call { func, args, ret, pure })
    }

    /// The op after `vN =` or at the start of a line.
    fn op(&mut self, l: &mut Line) -> Result<Op, String> {
        use Op::*;
        let name = l.word()?;
        let op = match name.as_str() {
            "param" => {
                let i = l.u64()? as u32;
                l.punct(':')?;
                let ty = l.ty()?;
                if i as usize != self.trace.params.len() || self.trace.ops.len() != self.trace.params.len() {
                    return Err(format!("param {i} out of order (params come first, numbered from 0)"));
                }
                self.trace.params.push(ty);
                Param(i)
            }
            "const_int" => ConstInt(l.i64()?),
            "const_float" => {
                let w = l.word()?;
                if w.starts_with("0x") {
                    ConstFloat(parse_u64(&w).ok_or_else(|| format!("bad float bits `{w}`"))?)
                } else {
                    ConstFloat(w.parse::<f64>().map_err(|_| format!("bad float `{w}`"))?.to_bits())
                }
            }
            "const_word" => ConstWord(l.u64()?),
            "int_add_ov" | "int_sub_ov" | "int_mul_ov" => {
                let (a, b) = l.two()?;
                let (snap, kind) = self.exit(l)?;
                match name.as_str() {
                    "int_add_ov" => IntAddOv { a, b, snap, kind },
                    "int_sub_ov" => IntSubOv { a, b, snap, kind },
                    _ => IntMulOv { a, b, snap, kind },
                }
            }
            "int_cmp" | "float_cmp" => {
                let c = l.cond()?;
                let (a, b) = l.two()?;
                if name == "int_cmp" {
                    IntCmp(c, a, b)
                } else {
                    FloatCmp(c, a, b)
                }
            }
            "load" | "load_indexed" => {
                let (base, index, offset) = l.addr(name == "load_indexed")?;
                l.punct(':')?;
                let ty = l.ty()?;
                let mem = l.mem()?;
                match index {
                    Some(index) => LoadIndexed { base, index, offset, ty, mem },
                    None => Load { base, offset, ty, mem },
                }
            }
            "store" | "store_indexed" => {
                let (base, index, offset) = l.addr(name == "store_indexed")?;
                l.punct(',')?;
                let value = l.value()?;
                let mem = l.mem()?;
                match index {
                    Some(index) => StoreIndexed { base, index, offset, value, mem },
                    None => Store { base, offset, value, mem },
                }
            }
            "load_byte" => {
                let (base, index, offset) = l.byte_addr()?;
                let mem = l.mem()?;
                LoadByte { base, index, offset, mem }
            }
            "store_byte" => {
                let (base, index, offset) = l.byte_addr()?;
                l.punct(',')?;
                let value = l.value()?;
                let mem = l.mem()?;
                StoreByte { base, index, offset, value, mem }
            }
            "guard_true" | "guard_false" => {
                let cond = l.value()?;
                let (snap, kind) = self.exit(l)?;
                Guard { cond, expect: name == "guard_true", snap, kind }
            }
            "exit" => {
                let (snap, kind) = self.exit(l)?;
                Exit { snap, kind }
            }
            "call" => self.call(l, false)?,
            "call_pure" => self.call(l, true)?,
            "jump" => Jump(l.comma_values()?),
            "loop" => Loop,
            "phi" => {
                let a = l.value()?;
                l.punct(':')?;
                Phi(a, l.ty()?)
            }
            _ => {
                let bin: Option<fn(ValueId, ValueId) -> Op> = match name.as_str() {
                    "int_add" => Some(IntAdd),
                    "int_sub" => Some(IntSub),
                    "int_mul" => Some(IntMul),
                    "int_and" => Some(IntAnd),
                    "int_or" => Some(IntOr),
                    "int_xor" => Some(IntXor),
                    "int_shl" => Some(IntShl),
                    "int_sar" => Some(IntSar),
                    "int_shr" => Some(IntShr),
                    "int_floordiv" => Some(IntFloorDiv),
                    "int_mod" => Some(IntMod),
                    "float_add" => Some(FloatAdd),
                    "float_sub" => Some(FloatSub),
                    "float_mul" => Some(FloatMul),
                    "float_div" => Some(FloatDiv),
                    _ => None,
                };
                let un: Option<fn(ValueId) -> Op> = match name.as_str() {
                    "int_neg" => Some(IntNeg),
                    "float_neg" => Some(FloatNeg),
                    "float_abs" => Some(FloatAbs),
                    "float_sqrt" => Some(FloatSqrt),
                    "int_to_float" => Some(IntToFloat),
                    "float_bits" => Some(FloatBits),
                    "bits_to_float" => Some(BitsToFloat),
                    "as_int" => Some(AsInt),
                    "as_word" => Some(AsWord),
                    _ => None,
                };
                if let Some(mk) = bin {
                    let (a, b) = l.two()?;
                    mk(a, b)
                } else if let Some(mk) = un {
                    mk(l.value()?)
                } else {
                    return Err(format!("unknown op `{name}`"));
                }
            }
        };
        l.end()?;
        Ok(op)
    }

    fn snapshot(&mut self, l: &mut Line) -> Result<Snapshot, String> {
        l.keyword("snapshot")?;
        let mut snap = Snapshot::default();
        while l.peek().is_some() {
            if l.peek() == Some(&Tok::Word("store".into())) {
                l.next();
                let (base, _, offset) = l.addr(false)?;
                l.punct(',')?;
                let value = l.value()?;
                let mem = l.mem()?;
                snap.stores.push(SnapStore { base, offset, value, mem });
                continue;
            }
            if !snap.stores.is_empty() {
                return Err("a snapshot's stores come after its frames".into());
            }
            l.punct('[')?;
            l.keyword("meta")?;
            l.punct('=')?;
            let meta = l.u64()?;
            l.punct(':')?;
            let mut frame = FrameState { meta, slots: vec![] };
            while !l.is_punct(']') {
                let slot = l.u64()?;
                let slot = u32::try_from(slot).map_err(|_| format!("slot {slot} too large"))?;
                l.punct('=')?;
                frame.slots.push((slot, l.value()?));
            }
            l.punct(']')?;
            snap.frames.push(frame);
        }
        Ok(snap)
    }

    fn line(&mut self, toks: &[Tok]) -> Result<(), String> {
        let mut l = Line { toks, pos: 0 };
        if toks.get(1) == Some(&Tok::Punct(':')) && toks[0] == Tok::Word("kinds".into()) {
            if self.kinds_fixed || self.kinds_used {
                return Err("`kinds:` must come once, before any guard".into());
            }
            l.pos = 2;
            self.kinds_fixed = true;
            if l.peek().is_some() {
                self.trace.kinds.push(l.name()?);
                while l.is_punct(',') {
                    l.next();
                    self.trace.kinds.push(l.name()?);
                }
            }
            return l.end();
        }
        if toks.get(1) == Some(&Tok::Punct(':')) && toks[0] == Tok::Word("entry".into()) {
            l.pos = 2;
            self.trace.entry = Some(SnapshotId(l.numbered('s')?));
            return l.end();
        }
        if toks.get(1) == Some(&Tok::Punct('=')) {
            let w = l.word()?;
            l.next();
            if let Some(n) = w.strip_prefix('s') {
                let n: usize = n.parse().map_err(|_| format!("bad snapshot name `{w}`"))?;
                if n != self.snapshots_seen {
                    return Err(format!("expected s{}, found {w}", self.snapshots_seen));
                }
                let s = self.snapshot(&mut l)?;
                self.trace.snapshots.push(s);
                self.snapshots_seen += 1;
                return Ok(());
            }
            let n: usize =
                w.strip_prefix('v').and_then(|n| n.parse().ok()).ok_or_else(|| format!("bad value `{w}`"))?;
            if n != self.trace.ops.len() {
                return Err(format!("expected v{}, found {w} (a value is its op's index)", self.trace.ops.len()));
            }
        }
        let op = self.op(&mut l)?;
        self.trace.ops.push(op);
        Ok(())
    }
}

/// Parses the text form (see the module doc). Only the syntax and the numbering are checked;
/// call `Trace::check` for the rest.
pub fn parse_trace(src: &str) -> Result<Trace, String> {
    let mut p = Parser { trace: Trace::default(), kinds_fixed: false, kinds_used: false, snapshots_seen: 0 };
    for (n, line) in src.lines().enumerate() {
        let toks = tokenize(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        if toks.is_empty() {
            continue;
        }
        p.line(&toks).map_err(|e| format!("line {}: {e}: {}", n + 1, line.trim()))?;
    }
    Ok(p.trace)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "
kinds: int-overflow, loop-exit, \"odd name, really\"
v0 = param 0 : int
v1 = param 1 : float
v2 = param 2 : word
v3 = const_int -9223372036854775808
v4 = int_add_ov v0, v3 !s0 [int-overflow]
v5 = int_cmp below v4, v0
guard_false v5 !s1 [loop-exit]
v7 = const_float -0.0
v8 = const_float 0x7ff8000000000001
v9 = float_cmp ne v1, v8
guard_true v9 !s1 [\"odd name, really\"]
v11 = load [v0 + 16] : float
v12 = load_indexed [v0 + v4*8 - 8] : word
store [v0], v11
store_indexed [v0 + v4*8 + 2147483647], v12
v15 = call_pure 0xdeadbeef(v0, v1, v2) : int
call 0x10()
v17 = const_word 0xfff9000000000000
v18 = as_int v17
v19 = int_sar v18, v0
v20 = float_sqrt v1
v21 = float_add v20, v7
jump v19, v21, v17
s0 = snapshot [meta=7: 0=v0 1=v1] [meta=12:]
s1 = snapshot [meta=7: 0=v4 1=v1 2=v4] [meta=3: 5=v3]
s2 = snapshot
";

    #[test]
    fn round_trips() {
        let t = parse_trace(SAMPLE).unwrap();
        t.check().unwrap();
        t.check_types().unwrap();
        assert_eq!(t.params, vec![Type::Int, Type::Float, Type::Word]);
        assert_eq!(t.ops[8], Op::ConstFloat(0x7ff8000000000001));
        assert_eq!(
            t.ops[12],
            Op::LoadIndexed {
                base: ValueId(0),
                index: ValueId(4),
                offset: -8,
                ty: Type::Word,
                mem: crate::ir::Mem::ANY
            }
        );
        let printed = t.to_string();
        let again = parse_trace(&printed).unwrap();
        assert_eq!(t, again, "{printed}");
        assert_eq!(printed, again.to_string());
    }

    #[test]
    fn kinds_collected_without_a_kinds_line() {
        let t = parse_trace(
            "v0 = param 0 : bool\nguard_true v0 !s0 [b]\nguard_false v0 !s0 [a]\nguard_true v0 !s0 [b]\njump v0\ns0 = snapshot",
        )
        .unwrap();
        assert_eq!(t.kinds, vec!["b".to_string(), "a".to_string()]);
        assert_eq!(t.ops[3].kind(), Some(Kind(0)));
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse_trace("v0 = param 0 : int\nv2 = int_add v0, v0\njump v0").unwrap_err();
        assert!(e.starts_with("line 2: expected v1"), "{e}");
        let e = parse_trace("v0 = param 0 : int\nv1 = int_frob v0\njump v0").unwrap_err();
        assert!(e.contains("unknown op"), "{e}");
        let e = parse_trace("kinds: a\nv0 = param 0 : bool\nguard_true v0 !s0 [b]\njump v0").unwrap_err();
        assert!(e.contains("unknown kind"), "{e}");
    }
}
