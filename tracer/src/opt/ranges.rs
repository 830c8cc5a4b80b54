//! Integer ranges: an interval `[lo, hi]` for every integer value of a loop trace, used to
//! drop overflow checks and guards that cannot fail, and by machine backends to leave out
//! the sign handling of a division or modulo whose dividend is never negative.
//!
//! `analyze` is flow-insensitive: each SSA value gets one interval that holds wherever it
//! is defined. Constants, `int_and` with a non-negative mask, `int_mod` by a positive
//! divisor, shifts and the like bound their results; arithmetic adds the bounds up, and
//! a result that might wrap around is unbounded (an overflow-checked op never wraps: it
//! leaves the trace instead, so its result is the exact sum clipped to i64).
//!
//! Loop-carried values (parameters and phis) take the union of their value on entry and
//! the value the `jump` passes back, a fixed point found by iterating: a value whose
//! interval still grows after a few rounds is unbounded. A parameter's entry value is
//! unbounded unless a guard of the preamble (before `Loop`) compares it with a constant.
//!
//! `run` makes such guards: when a carried value would have a useful interval if its
//! entry value had one (`x = (x * 75 + 74) % 65537` stays in `[0, 65536]` once it is
//! there), the preamble checks the entry value against it, leaving through the trace's
//! entry snapshot (the interpreter runs that iteration, as for guards `licm` hoists). The
//! guards have the kind named "int-range"; a trace without such a kind is left alone.
//! With the intervals, `run` then turns overflow-checked arithmetic whose result always
//! fits into plain arithmetic, and drops loop guards on integer compares that the
//! intervals decide.

use super::Rewriter;
use crate::ir::{Cond, Kind, Op, Trace, Type, ValueId};

/// A closed interval of i64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub lo: i64,
    pub hi: i64,
}

impl Range {
    pub const FULL: Range = Range { lo: i64::MIN, hi: i64::MAX };

    fn point(c: i64) -> Range {
        Range { lo: c, hi: c }
    }

    /// `[lo, hi]` if it lies in i64, else unbounded (a wrapping result).
    fn exact(lo: i128, hi: i128) -> Range {
        if lo < i64::MIN as i128 || hi > i64::MAX as i128 {
            Range::FULL
        } else {
            Range { lo: lo as i64, hi: hi as i64 }
        }
    }

    /// `[lo, hi]` clipped to i64 (the result of an op that leaves the trace on overflow).
    fn clipped(lo: i128, hi: i128) -> Range {
        let c = |x: i128| x.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        Range { lo: c(lo), hi: c(hi) }
    }

    fn join(self, o: Range) -> Range {
        Range { lo: self.lo.min(o.lo), hi: self.hi.max(o.hi) }
    }

    fn within(self, o: Range) -> bool {
        o.lo <= self.lo && self.hi <= o.hi
    }

    pub fn nonneg(self) -> bool {
        self.lo >= 0
    }

    fn is_full(self) -> bool {
        self == Range::FULL
    }
}

/// The four products of the bounds, as (min, max).
fn mul_bounds(a: Range, b: Range) -> (i128, i128) {
    let p = [
        a.lo as i128 * b.lo as i128,
        a.lo as i128 * b.hi as i128,
        a.hi as i128 * b.lo as i128,
        a.hi as i128 * b.hi as i128,
    ];
    (*p.iter().min().expect("four"), *p.iter().max().expect("four"))
}

/// Floor division of i128s (the divisor not 0).
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// The interval of op `op` from its operands' intervals `r`.
fn transfer(op: &Op, types: &[Type], r: &dyn Fn(ValueId) -> Range) -> Range {
    use Op::*;
    let shift = |v: ValueId| {
        let s = r(v);
        (s.lo == s.hi && (0..64).contains(&s.lo)).then_some(s.lo as u32)
    };
    match *op {
        ConstInt(c) => Range::point(c),
        IntAdd(a, b) => Range::exact(r(a).lo as i128 + r(b).lo as i128, r(a).hi as i128 + r(b).hi as i128),
        IntSub(a, b) => Range::exact(r(a).lo as i128 - r(b).hi as i128, r(a).hi as i128 - r(b).lo as i128),
        IntMul(a, b) => {
            let (lo, hi) = mul_bounds(r(a), r(b));
            Range::exact(lo, hi)
        }
        IntAddOv { a, b, .. } => Range::clipped(r(a).lo as i128 + r(b).lo as i128, r(a).hi as i128 + r(b).hi as i128),
        IntSubOv { a, b, .. } => Range::clipped(r(a).lo as i128 - r(b).hi as i128, r(a).hi as i128 - r(b).lo as i128),
        IntMulOv { a, b, .. } => {
            let (lo, hi) = mul_bounds(r(a), r(b));
            Range::clipped(lo, hi)
        }
        IntNeg(a) => Range::exact(-(r(a).hi as i128), -(r(a).lo as i128)),
        IntAnd(a, b) => {
            let (x, y) = (r(a), r(b));
            match (x.nonneg(), y.nonneg()) {
                (true, true) => Range { lo: 0, hi: x.hi.min(y.hi) },
                (true, false) => Range { lo: 0, hi: x.hi },
                (false, true) => Range { lo: 0, hi: y.hi },
                (false, false) => Range::FULL,
            }
        }
        IntOr(a, b) | IntXor(a, b) => {
            let (x, y) = (r(a), r(b));
            if x.nonneg() && y.nonneg() {
                // Below the next power of two above both.
                let m = (x.hi | y.hi) as u64;
                let top = if m == 0 { 0 } else { u64::MAX >> m.leading_zeros() };
                Range { lo: 0, hi: top.min(i64::MAX as u64) as i64 }
            } else {
                Range::FULL
            }
        }
        IntShl(a, b) => match shift(b) {
            Some(s) => Range::exact((r(a).lo as i128) << s, (r(a).hi as i128) << s),
            None => Range::FULL,
        },
        IntSar(a, b) => match shift(b) {
            Some(s) => Range { lo: r(a).lo >> s, hi: r(a).hi >> s },
            None => Range::FULL,
        },
        IntShr(a, b) => match shift(b) {
            Some(0) => r(a),
            Some(s) if r(a).nonneg() => Range { lo: r(a).lo >> s, hi: r(a).hi >> s },
            Some(s) => Range { lo: 0, hi: (u64::MAX >> s) as i64 },
            None => Range::FULL,
        },
        IntFloorDiv(a, b) => {
            let (x, y) = (r(a), r(b));
            if y.lo > 0 {
                // Monotone in the dividend; extremes at the divisor's bounds.
                let c = [
                    floor_div(x.lo as i128, y.lo as i128),
                    floor_div(x.lo as i128, y.hi as i128),
                    floor_div(x.hi as i128, y.lo as i128),
                    floor_div(x.hi as i128, y.hi as i128),
                ];
                Range::exact(*c.iter().min().expect("four"), *c.iter().max().expect("four"))
            } else {
                Range::FULL
            }
        }
        IntMod(a, b) => {
            let (x, y) = (r(a), r(b));
            if y.lo > 0 {
                if x.nonneg() && x.hi < y.lo {
                    x
                } else {
                    Range { lo: 0, hi: y.hi - 1 }
                }
            } else if y.hi < 0 {
                Range { lo: y.lo + 1, hi: 0 }
            } else {
                Range::FULL
            }
        }
        IntCmp(..) | FloatCmp(..) => Range { lo: 0, hi: 1 },
        _ => match op.result_type(&[]) {
            Type::Bool => Range { lo: 0, hi: 1 },
            _ => {
                let _ = types;
                Range::FULL
            }
        },
    }
}

/// Rounds of joining before a carried value that still grows is taken as unbounded.
const ROUNDS: usize = 4;

/// The interval of every value of `t` (see the module doc). Values that are not integers
/// get `Range::FULL` (bools `[0, 1]`).
pub fn analyze(t: &Trace) -> Vec<Range> {
    analyze_with(t, &|_| None)
}

/// `analyze`, with `extra(k)` an interval assumed for the entry value of carried value `k`
/// (parameter index, or op index of a phi) on top of what the preamble's guards show.
fn analyze_with(t: &Trace, extra: &dyn Fn(usize) -> Option<Range>) -> Vec<Range> {
    let types = t.types();
    let n = t.ops.len();
    let Some(shape) = t.loop_shape() else {
        return straight(t, &types, &vec![None; n]);
    };
    let carried: Vec<usize> = (0..shape.params).chain(shape.phis.iter().copied()).collect();
    // What the preamble's guards show about the parameters' entry values.
    let mut entry: Vec<Range> = vec![Range::FULL; n];
    for k in 0..shape.params {
        if types[k] != Type::Int {
            continue;
        }
        let f = preamble_facts(t, shape.header, ValueId(k as u32));
        // Contradicting guards (the loop is never reached): nothing to learn.
        entry[k] = if f.lo <= f.hi { f } else { Range::FULL };
    }
    for &k in &carried {
        if let Some(e) = extra(k) {
            let both = Range { lo: entry[k].lo.max(e.lo), hi: entry[k].hi.min(e.hi) };
            if both.lo <= both.hi {
                entry[k] = both;
            }
        }
    }
    // Carried values start at their entry interval (a phi's is its first value's, which
    // the preamble computes) and grow by what the jump passes back until nothing grows.
    let mut assumed: Vec<Option<Range>> = vec![None; n];
    for &k in &carried {
        assumed[k] = Some(if types[k] == Type::Int && k < shape.params { entry[k] } else { Range::FULL });
    }
    let first = straight(t, &types, &assumed);
    for &k in &shape.phis {
        if let (Op::Phi(f, _), Type::Int) = (&t.ops[k], types[k]) {
            let e = first[f.index()];
            assumed[k] = Some(Range { lo: e.lo.max(entry[k].lo), hi: e.hi.min(entry[k].hi) });
        }
    }
    for round in 0.. {
        let rs = straight(t, &types, &assumed);
        let mut changed = false;
        for &k in &carried {
            let cur = assumed[k].expect("carried");
            let next = shape.next(ValueId(k as u32)).map(|v| rs[v.index()]).unwrap_or(Range::FULL);
            if types[k] == Type::Int && !next.within(cur) {
                assumed[k] = Some(if round >= ROUNDS { Range::FULL } else { cur.join(next) });
                changed = true;
            }
        }
        if !changed {
            return rs;
        }
    }
    unreachable!("the loop returns once every carried value is unbounded or stable")
}

/// One pass over the ops with `assumed` intervals for carried values.
fn straight(t: &Trace, types: &[Type], assumed: &[Option<Range>]) -> Vec<Range> {
    let mut rs: Vec<Range> = Vec::with_capacity(t.ops.len());
    for (i, op) in t.ops.iter().enumerate() {
        let v = if let Some(a) = assumed[i] {
            a
        } else if matches!(op, Op::Param(_) | Op::Phi(..)) {
            Range::FULL
        } else {
            transfer(op, types, &|v: ValueId| rs[v.index()])
        };
        rs.push(v);
    }
    rs
}

/// The interval the guards of the preamble (ops before `header`) give value `v`: compares
/// with constants only.
fn preamble_facts(t: &Trace, header: usize, v: ValueId) -> Range {
    let mut r = Range::FULL;
    for op in &t.ops[..header] {
        let Op::Guard { cond, expect, .. } = *op else { continue };
        let Op::IntCmp(c, a, b) = t.ops[cond.index()] else { continue };
        let (c, k) = match (a == v, b == v, &t.ops[a.index()], &t.ops[b.index()]) {
            (true, false, _, Op::ConstInt(k)) => (c, *k),
            (false, true, Op::ConstInt(k), _) => match c.swapped() {
                Some(s) => (s, *k),
                None => continue,
            },
            _ => continue,
        };
        let c = if expect { c } else { c.negated() };
        r = match c {
            Cond::Ge => Range { lo: r.lo.max(k), ..r },
            Cond::Gt if k < i64::MAX => Range { lo: r.lo.max(k + 1), ..r },
            Cond::Le => Range { hi: r.hi.min(k), ..r },
            Cond::Lt if k > i64::MIN => Range { hi: r.hi.min(k - 1), ..r },
            Cond::Eq => Range { lo: r.lo.max(k), hi: r.hi.min(k) },
            Cond::Below if k >= 0 => Range { lo: r.lo.max(0), hi: r.hi.min(k.saturating_sub(1)) },
            _ => r,
        };
    }
    r
}

/// Whether compare `c` of intervals `a` and `b` always gives `Some(result)`.
fn decide(c: Cond, a: Range, b: Range) -> Option<bool> {
    let lt = a.hi < b.lo;
    let ge = a.lo >= b.hi;
    let le = a.hi <= b.lo;
    let gt = a.lo > b.hi;
    match c {
        Cond::Lt => lt.then_some(true).or(ge.then_some(false)),
        Cond::Ge => ge.then_some(true).or(lt.then_some(false)),
        Cond::Le => le.then_some(true).or(gt.then_some(false)),
        Cond::Gt => gt.then_some(true).or(le.then_some(false)),
        Cond::Eq => (lt || gt).then_some(false),
        Cond::Ne => (lt || gt).then_some(true),
        // Unsigned compares agree with signed ones when both sides are non-negative.
        Cond::Below if a.nonneg() && b.nonneg() => decide(Cond::Lt, a, b),
        Cond::AboveEq if a.nonneg() && b.nonneg() => decide(Cond::Ge, a, b),
        Cond::Below | Cond::AboveEq => None,
    }
}

/// Ops whose work the intervals `rs` save: overflow checks that cannot fail, loop guards
/// they decide, and divisions and modulos by a constant of a non-negative dividend.
fn savings(t: &Trace, rs: &[Range], header: usize) -> usize {
    t.ops
        .iter()
        .enumerate()
        .skip(header)
        .filter(|&(_, op)| match *op {
            Op::IntAddOv { .. } | Op::IntSubOv { .. } | Op::IntMulOv { .. } => !ov_fits(op, rs),
            Op::Guard { cond, expect, .. } => decided(t, rs, cond) == Some(expect),
            Op::IntMod(a, b) | Op::IntFloorDiv(a, b) => rs[a.index()].nonneg() && rs[b.index()].lo > 0,
            _ => false,
        })
        .count()
}

/// For an overflow-checked op: whether the exact result may leave i64 (`false`: it fits).
fn ov_fits(op: &Op, rs: &[Range]) -> bool {
    let r = |v: ValueId| rs[v.index()];
    let (lo, hi) = match *op {
        Op::IntAddOv { a, b, .. } => (r(a).lo as i128 + r(b).lo as i128, r(a).hi as i128 + r(b).hi as i128),
        Op::IntSubOv { a, b, .. } => (r(a).lo as i128 - r(b).hi as i128, r(a).hi as i128 - r(b).lo as i128),
        Op::IntMulOv { a, b, .. } => mul_bounds(r(a), r(b)),
        _ => return true,
    };
    lo < i64::MIN as i128 || hi > i64::MAX as i128
}

/// The value an integer compare always has, if the intervals decide it.
fn decided(t: &Trace, rs: &[Range], cond: ValueId) -> Option<bool> {
    let Op::IntCmp(c, a, b) = t.ops[cond.index()] else { return None };
    let types = |v: ValueId| t.ops[v.index()].result_type(&t.params);
    if types(a) != Type::Int || types(b) != Type::Int {
        return None;
    }
    decide(c, rs[a.index()], rs[b.index()])
}

pub fn run(src: &Trace) -> Trace {
    let Some(kind) = src.kinds.iter().position(|k| k == "int-range") else { return src.clone() };
    let Some(entry) = src.entry else { return src.clone() };
    let Some(shape) = src.loop_shape() else { return src.clone() };
    let header = shape.header;
    let params = shape.params;
    let types = src.types();

    // Candidate intervals for the entry values of unbounded integer parameters: the one
    // the loop's own update gives (`x = (...) % 65537`), then "never negative" (`v //= 10`
    // keeps `v >= 0`). Each is kept when the intervals it leads to (a sound fixed point
    // given the guards kept) save more than without it: greedy, one parameter at a time.
    let plain = analyze(src);
    let with = |gs: &[(usize, Range)]| analyze_with(src, &|k| gs.iter().find(|g| g.0 == k).map(|g| g.1));
    let mut guards: Vec<(usize, Range)> = Vec::new();
    let mut best = savings(src, &plain, header);
    for k in 0..params {
        if types[k] != Type::Int || !plain[k].is_full() {
            continue;
        }
        let Some(next) = shape.next(ValueId(k as u32)) else { continue };
        if next.index() == k {
            continue;
        }
        let mut options = vec![];
        if !plain[next.index()].is_full() {
            options.push(plain[next.index()]);
        }
        options.push(Range { lo: 0, hi: i64::MAX });
        for w in options {
            let mut trial = guards.clone();
            trial.push((k, w));
            let s = savings(src, &with(&trial), header);
            if s > best {
                guards = trial;
                best = s;
                break;
            }
        }
    }
    if best == 0 {
        return src.clone();
    }
    let rs = with(&guards);

    let mut r = Rewriter::new(src);
    let n = src.ops.len();
    for i in params..n {
        let op = r.renamed(i);
        if i == header {
            for &(k, w) in &guards {
                let v = r.get(ValueId(k as u32));
                for (cond, bound) in [(Cond::Ge, w.lo), (Cond::Le, w.hi)] {
                    if (cond == Cond::Ge && bound == i64::MIN) || (cond == Cond::Le && bound == i64::MAX) {
                        continue;
                    }
                    let c = r.emit(Op::ConstInt(bound));
                    let ok = r.emit(Op::IntCmp(cond, v, c));
                    r.emit(Op::Guard { cond: ok, expect: true, snap: entry, kind: Kind(kind as u8) });
                }
            }
        }
        if i < header {
            r.keep(i, op);
            continue;
        }
        match (&src.ops[i], op) {
            (orig @ (Op::IntAddOv { .. } | Op::IntSubOv { .. } | Op::IntMulOv { .. }), op) if !ov_fits(orig, &rs) => {
                let plain = match op {
                    Op::IntAddOv { a, b, .. } => Op::IntAdd(a, b),
                    Op::IntSubOv { a, b, .. } => Op::IntSub(a, b),
                    Op::IntMulOv { a, b, .. } => Op::IntMul(a, b),
                    _ => unreachable!("matched above"),
                };
                r.keep(i, plain);
            }
            (Op::Guard { cond, expect, .. }, _) if decided(src, &rs, *cond) == Some(*expect) => {}
            (_, op) => {
                r.keep(i, op);
            }
        }
    }
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::{analyze, run, Range};
    use crate::ir::Op;

    const HIST: &str = "
kinds: int-overflow, int-range
entry: s1
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 75
v3 = const_int 74
v4 = const_int 65537
v5 = const_int 1
loop
v7 = int_mul_ov v0, v2 !s0 [int-overflow]
v8 = int_add_ov v7, v3 !s0 [int-overflow]
v9 = int_mod v8, v4
v10 = int_add_ov v1, v5 !s0 [int-overflow]
jump v9, v10
s0 = snapshot [meta=1: 0=v0 1=v1]
s1 = snapshot [meta=0: 0=v0 1=v1]
";

    #[test]
    fn a_modulo_bounds_its_loop_carried_value_behind_a_preamble_guard() {
        let t = crate::text::parse_trace(HIST).unwrap();
        // Without a guard, the parameter's entry value is unbounded.
        let plain = analyze(&t);
        assert_eq!(plain[0], Range::FULL);
        assert_eq!(plain[9], Range { lo: 0, hi: 65536 });
        let out = run(&t);
        let rs = analyze(&out);
        assert_eq!(rs[0], Range { lo: 0, hi: 65536 });
        // Two guards in the preamble; the multiply and add no longer check overflow; the
        // counter keeps its check (it grows without bound).
        let guards = out.ops.iter().filter(|op| matches!(op, Op::Guard { .. })).count();
        assert_eq!(guards, 2);
        let ov = out.ops.iter().filter(|op| matches!(op, Op::IntAddOv { .. } | Op::IntMulOv { .. })).count();
        assert_eq!(ov, 1);
        let kept: Vec<bool> =
            out.ops.iter().map(|op| matches!(op, Op::IntMul(..) | Op::IntAdd(..))).filter(|&b| b).collect();
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn without_the_kind_or_a_preamble_nothing_changes() {
        let t = crate::text::parse_trace(&HIST.replace(", int-range", "")).unwrap();
        assert_eq!(run(&t), t);
        let t = crate::text::parse_trace(&HIST.replace("loop\n", "v6 = const_int 2\n")).unwrap();
        assert_eq!(run(&t), t);
    }

    #[test]
    fn growing_values_are_unbounded_and_wrapping_ops_lose_their_bounds() {
        let t = crate::text::parse_trace(
            "
entry: s1
v0 = param 0 : int
v1 = const_int 1
v2 = const_int 4611686018427387904
loop
v4 = int_add v0, v1
v5 = int_mul v2, v2
v6 = int_and v4, v1
v7 = int_shr v4, v1
jump v4
s0 = snapshot [meta=1: 0=v0]
s1 = snapshot [meta=0: 0=v0]
",
        )
        .unwrap();
        let rs = analyze(&t);
        assert_eq!(rs[0], Range::FULL);
        assert_eq!(rs[5], Range::FULL);
        assert_eq!(rs[6], Range { lo: 0, hi: 1 });
        assert_eq!(rs[7], Range { lo: 0, hi: i64::MAX });
    }
}
