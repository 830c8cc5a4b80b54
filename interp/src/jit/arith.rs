//! Recording arithmetic, comparisons, truth tests and branches.
//!
//! Small ints are unboxed to i64 and stay unboxed (sums of 48-bit ints may leave the
//! inline range; only boxing checks it). `+ - *` use the overflowing ops, which leave
//! through the statement's snapshot so the interpreter redoes it with big ints. Floats are
//! unboxed; mixing an int into float arithmetic converts it with round-to-nearest, which is
//! what Python's `float(int)` does. Comparisons of an int with a float are exact in Python,
//! so the int is guarded to convert exactly first. Anything else, including bools
//! (Python's `True + 1`), runs through the generic helper.

use krait_tracer::{Cond, Op as IrOp, Type, ValueId};

use super::helpers;
use super::record::{RecResult, Recorder};
use crate::cfg::{BinOp, CmpOp, Code, Op, Opnd, Slot, UnaryOp};
use crate::frame::Frame;
use crate::value::Value;
use crate::vm::Vm;

#[allow(clippy::too_many_arguments)]
pub(super) fn binary(
    r: &mut Recorder,
    vm: &mut Vm,
    frame: &Frame,
    code: &Code,
    op: &Op,
    dst: Slot,
    bop: BinOp,
    a: Opnd,
    b: Opnd,
) -> RecResult<()> {
    let (xs, ys) = (Recorder::observe(frame, code, a), Recorder::observe(frame, code, b));
    let (xi, yi) = (r.int_seen(a, xs), r.int_seen(b, ys));
    if let (Some(_), Some(y_seen), true) = (xi, yi, r.spec_int) {
        if let Some(v) = int_binary(r, frame, code, bop, a, b, xs, ys, y_seen) {
            r.write(dst, v);
            return Ok(());
        }
    } else if bop == BinOp::Pow && xs.is_float() && ys.is_float() && r.spec_float {
        // `x ** y` through the interpreter's own function, without flushing the frame.
        let (xv, _) = r.read(frame, code, a);
        let (yv, _) = r.read(frame, code, b);
        if let (Some(x), Some(y)) = (r.float_of(xv, xs), r.float_of(yv, ys)) {
            let seen = crate::types::float::float_pow(vm, xs.float_unchecked(), ys.float_unchecked()).ok();
            let xb = r.push(IrOp::FloatBits(x));
            let yb = r.push(IrOp::FloatBits(y));
            let ctx = r.ctx;
            let w = r.call(helpers::jit_float_pow as *const () as usize, vec![ctx, xb, yb]);
            r.guard_not_raised(w);
            let w = r.push(IrOp::AsWord(w));
            let v = match seen {
                Some(f) if f.is_float() => r.float_of(w, f).unwrap_or(w),
                _ => w,
            };
            r.write(dst, v);
            return Ok(());
        }
    } else if (xi.is_some() || xs.is_float())
        && (yi.is_some() || ys.is_float())
        && (xs.is_float() || ys.is_float())
        && r.spec_float
    {
        // (Two ints are never float arithmetic, even with int speculation off.)
        if let Some(v) = float_binary(r, frame, code, bop, a, b, xs, ys) {
            r.write(dst, v);
            return Ok(());
        }
    }
    r.generic(op).map(|_| ())
}

#[allow(clippy::too_many_arguments)]
fn int_binary(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    bop: BinOp,
    a: Opnd,
    b: Opnd,
    xs: Value,
    ys: Value,
    y_seen: i64,
) -> Option<ValueId> {
    let supported = match bop {
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor => true,
        BinOp::FloorDiv | BinOp::Mod | BinOp::TrueDiv => y_seen != 0 && (bop != BinOp::TrueDiv || r.spec_float),
        BinOp::LShift | BinOp::RShift => (0..64).contains(&y_seen),
        _ => false,
    };
    if !supported {
        return None;
    }
    let (xv, _) = r.read(frame, code, a);
    let (yv, _) = r.read(frame, code, b);
    let x = r.int_of(xv, xs)?;
    let y = r.int_of(yv, ys)?;
    Some(match bop {
        BinOp::Add => r.int_ov(b'+', x, y),
        BinOp::Sub => r.int_ov(b'-', x, y),
        BinOp::Mul => r.int_ov(b'*', x, y),
        BinOp::And => r.push(IrOp::IntAnd(x, y)),
        BinOp::Or => r.push(IrOp::IntOr(x, y)),
        BinOp::Xor => r.push(IrOp::IntXor(x, y)),
        BinOp::FloorDiv | BinOp::Mod => {
            // A constant divisor (`v % 10`) is known: never 0 here (`supported`), and only
            // -1 can overflow (`i64::MIN // -1`), so the guards go for the others.
            let const_divisor = matches!(b, Opnd::Const(_)) && ys.as_small_int() == Some(y_seen);
            if !const_divisor {
                let zero = r.cint(0);
                let nz = r.push(IrOp::IntCmp(Cond::Ne, y, zero));
                r.guard_here(nz, true, "zero-div");
            }
            if !const_divisor || y_seen == -1 {
                let min = r.cint(i64::MIN);
                let ok = r.push(IrOp::IntCmp(Cond::Ne, x, min));
                r.guard_here(ok, true, "int-overflow");
            }
            if bop == BinOp::FloorDiv {
                r.push(IrOp::IntFloorDiv(x, y))
            } else {
                r.push(IrOp::IntMod(x, y))
            }
        }
        BinOp::TrueDiv => {
            let zero = r.cint(0);
            let nz = r.push(IrOp::IntCmp(Cond::Ne, y, zero));
            r.guard_here(nz, true, "zero-div");
            r.guard_exact_float(x);
            r.guard_exact_float(y);
            let fx = r.push(IrOp::IntToFloat(x));
            let fy = r.push(IrOp::IntToFloat(y));
            r.push(IrOp::FloatDiv(fx, fy))
        }
        BinOp::LShift => {
            let lim = r.cint(64);
            let ok = r.push(IrOp::IntCmp(Cond::Below, y, lim));
            r.guard_here(ok, true, "int-overflow");
            let v = r.push(IrOp::IntShl(x, y));
            let back = r.push(IrOp::IntSar(v, y));
            let same = r.push(IrOp::IntCmp(Cond::Eq, back, x));
            r.guard_here(same, true, "int-overflow");
            v
        }
        BinOp::RShift => {
            let lim = r.cint(64);
            let ok = r.push(IrOp::IntCmp(Cond::Below, y, lim));
            r.guard_here(ok, true, "int-overflow");
            r.push(IrOp::IntSar(x, y))
        }
        _ => return None,
    })
}

#[allow(clippy::too_many_arguments)]
fn float_binary(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    bop: BinOp,
    a: Opnd,
    b: Opnd,
    xs: Value,
    ys: Value,
) -> Option<ValueId> {
    match bop {
        BinOp::Add | BinOp::Sub | BinOp::Mul => {}
        BinOp::TrueDiv if ys.as_float() != Some(0.0) && ys.as_small_int() != Some(0) => {}
        _ => return None,
    }
    let (xv, _) = r.read(frame, code, a);
    let (yv, _) = r.read(frame, code, b);
    let x = r.float_of(xv, xs)?;
    let y = r.float_of(yv, ys)?;
    Some(match bop {
        BinOp::Add => r.push(IrOp::FloatAdd(x, y)),
        BinOp::Sub => r.push(IrOp::FloatSub(x, y)),
        BinOp::Mul => r.push(IrOp::FloatMul(x, y)),
        _ => {
            let zero = r.cfloat(0.0);
            let nz = r.push(IrOp::FloatCmp(Cond::Ne, y, zero));
            r.guard_here(nz, true, "zero-div");
            r.push(IrOp::FloatDiv(x, y))
        }
    })
}

pub(super) fn unary(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    op: &Op,
    dst: Slot,
    uop: UnaryOp,
    src: Opnd,
) -> RecResult<()> {
    let seen = Recorder::observe(frame, code, src);
    let result = if uop == UnaryOp::Not {
        let (v, _) = r.read(frame, code, src);
        truth(r, v, seen).map(|t| {
            let zero = r.cint(0);
            r.push(IrOp::IntCmp(Cond::Eq, t, zero))
        })
    } else if r.int_seen(src, seen).is_some() && r.spec_int {
        let (v, _) = r.read(frame, code, src);
        r.int_of(v, seen).map(|x| match uop {
            UnaryOp::Neg => {
                let zero = r.cint(0);
                r.int_ov(b'-', zero, x)
            }
            UnaryOp::Invert => {
                let m1 = r.cint(-1);
                r.push(IrOp::IntXor(x, m1))
            }
            _ => x,
        })
    } else if seen.is_float() && r.spec_float && uop != UnaryOp::Invert {
        let (v, _) = r.read(frame, code, src);
        r.float_of(v, seen).map(|x| if uop == UnaryOp::Neg { r.push(IrOp::FloatNeg(x)) } else { x })
    } else {
        None
    };
    match result {
        Some(v) => {
            r.write(dst, v);
            Ok(())
        }
        None => r.generic(op).map(|_| ()),
    }
}

fn int_cond(c: CmpOp) -> Option<Cond> {
    Some(match c {
        CmpOp::Lt => Cond::Lt,
        CmpOp::Le => Cond::Le,
        CmpOp::Eq => Cond::Eq,
        CmpOp::Ne => Cond::Ne,
        CmpOp::Gt => Cond::Gt,
        CmpOp::Ge => Cond::Ge,
        _ => return None,
    })
}

#[allow(clippy::too_many_arguments)]
pub(super) fn compare(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    op: &Op,
    dst: Slot,
    cop: CmpOp,
    a: Opnd,
    b: Opnd,
) -> RecResult<()> {
    let (xs, ys) = (Recorder::observe(frame, code, a), Recorder::observe(frame, code, b));
    let (xi, yi) = (r.int_seen(a, xs), r.int_seen(b, ys));
    let result = match (cop, int_cond(cop)) {
        (_, Some(c)) if xi.is_some() && yi.is_some() && r.spec_int => {
            let (xv, _) = r.read(frame, code, a);
            let (yv, _) = r.read(frame, code, b);
            match (r.int_of(xv, xs), r.int_of(yv, ys)) {
                (Some(x), Some(y)) => Some(r.push(IrOp::IntCmp(c, x, y))),
                _ => None,
            }
        }
        (_, Some(c)) if (xi.is_some() || xs.is_float()) && (yi.is_some() || ys.is_float()) && r.spec_float => {
            let (xv, _) = r.read(frame, code, a);
            let (yv, _) = r.read(frame, code, b);
            let x = exact_float(r, xv, xs);
            let y = exact_float(r, yv, ys);
            match (x, y) {
                (Some(x), Some(y)) => Some(r.push(IrOp::FloatCmp(c, x, y))),
                _ => None,
            }
        }
        (CmpOp::Is | CmpOp::IsNot, _) => {
            let (xv, _) = r.read(frame, code, a);
            let (yv, _) = r.read(frame, code, b);
            if r.ty(xv) == Type::Word && r.ty(yv) == Type::Word {
                let c = if cop == CmpOp::Is { Cond::Eq } else { Cond::Ne };
                Some(r.push(IrOp::IntCmp(c, xv, yv)))
            } else {
                None
            }
        }
        _ => None,
    };
    match result {
        Some(v) => {
            r.write(dst, v);
            Ok(())
        }
        None => r.generic(op).map(|_| ()),
    }
}

/// A number as a float that compares exactly like the Python value.
fn exact_float(r: &mut Recorder, v: ValueId, seen: Value) -> Option<ValueId> {
    if seen.is_small_int() || r.ty(v) == Type::Int {
        let i = r.int_of(v, seen)?;
        r.guard_exact_float(i);
        Some(r.push(IrOp::IntToFloat(i)))
    } else {
        r.float_of(v, seen)
    }
}

/// The truth of `v` (observed as `seen`) as a Bool, for values whose truth needs no
/// Python code; None otherwise.
fn truth(r: &mut Recorder, v: ValueId, seen: Value) -> Option<ValueId> {
    match r.ty(v) {
        Type::Bool => Some(v),
        Type::Int => {
            let zero = r.cint(0);
            Some(r.push(IrOp::IntCmp(Cond::Ne, v, zero)))
        }
        Type::Float => {
            let zero = r.cfloat(0.0);
            Some(r.push(IrOp::FloatCmp(Cond::Ne, v, zero)))
        }
        _ if seen.is_bool() => {
            // True and False differ in the low bit only.
            let one = r.cint(1);
            let or = r.push(IrOp::IntOr(v, one));
            let t = r.cword(Value::TRUE);
            let is_bool = r.push(IrOp::IntCmp(Cond::Eq, or, t));
            r.guard_here(is_bool, true, "type");
            Some(r.push(IrOp::IntCmp(Cond::Eq, v, t)))
        }
        _ if seen.is_none() => {
            let n = r.cword(Value::NONE);
            let is_none = r.push(IrOp::IntCmp(Cond::Eq, v, n));
            r.guard_here(is_none, true, "type");
            Some(r.push(IrOp::IntCmp(Cond::Ne, v, n)))
        }
        _ if seen.is_small_int() => {
            let i = r.int_of(v, seen)?;
            let zero = r.cint(0);
            Some(r.push(IrOp::IntCmp(Cond::Ne, i, zero)))
        }
        _ if seen.is_float() => {
            let f = r.float_of(v, seen)?;
            let zero = r.cfloat(0.0);
            Some(r.push(IrOp::FloatCmp(Cond::Ne, f, zero)))
        }
        _ => None,
    }
}

/// The truth the interpreter will compute for `seen`, when no Python code is involved.
fn seen_truth(seen: Value) -> Option<bool> {
    if let Some(b) = seen.as_bool() {
        Some(b)
    } else if seen.is_none() {
        Some(false)
    } else if let Some(i) = seen.as_small_int() {
        Some(i != 0)
    } else {
        seen.as_float().map(|f| f != 0.0)
    }
}

pub(super) fn truth_stmt(r: &mut Recorder, frame: &Frame, code: &Code, op: &Op, dst: Slot, src: Opnd) -> RecResult<()> {
    let (v, seen) = r.read(frame, code, src);
    match truth(r, v, seen) {
        Some(t) => {
            r.write(dst, t);
            Ok(())
        }
        None => r.generic(op).map(|_| ()),
    }
}

pub(super) fn branch(
    r: &mut Recorder,
    _vm: &mut Vm,
    frame: &Frame,
    code: &Code,
    cond: Opnd,
    t: u32,
    f: u32,
) -> RecResult<()> {
    let (v, seen) = r.read(frame, code, cond);
    if let (Some(dir), Some(tv)) = (seen_truth(seen), truth(r, v, seen)) {
        // When the guard fails the branch goes the other way: resume at that target, where
        // the condition's temporary is dead (so the exit need not hold it, and a bridge
        // starts at the block the interpreter takes).
        let other = if dir { f } else { t };
        let snap = r.snap_at(other, 0);
        r.guard(tv, dir, "branch", snap);
        r.set_expect(if dir { t } else { f });
        return Ok(());
    }
    // Truth through the interpreter (it may run `__bool__`/`__len__`): the helper's
    // result decides, and the direction guard follows once the interpreter has gone.
    r.flush_all();
    let (w, _) = r.read(frame, code, cond);
    let w = if r.ty(w) == Type::Word { w } else { return Err("branch on an unboxed value") };
    let ctx = r.ctx;
    let res = r.call(helpers::jit_truth as *const () as usize, vec![ctx, w]);
    r.guard_not_raised(res);
    let one = r.cint(1);
    let tv = r.push(IrOp::IntCmp(Cond::Eq, res, one));
    r.defer_branch(tv, t, f);
    Ok(())
}
