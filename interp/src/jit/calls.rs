//! Recording calls: builtins the trace computes itself, Python functions inlined
//! (`inline.rs`), everything else through the generic helper.
//!
//! # Builtins computed in the trace
//!
//! A call whose callee is one of the builtins below, called with positional arguments of
//! the types listed, becomes IR that computes the result directly. The callee is guarded
//! by identity (a word compare; when the callee came from a constant global the compare
//! folds away, the global's namespace guards already fix it). `math.f(x)` is recorded as
//! a method call on the module: the module word, its class (exactly `module`) and the
//! version of its dict are guarded, so the attribute is a constant too.
//!
//! | call | arguments | IR |
//! |---|---|---|
//! | `len(x)` | exact list, tuple, str | the length field (`layout`) |
//! | `len(x)` | exact dict, set, frozenset, bytes, bytearray, range | a helper reading or computing the length (no allocation; a range too long for an i64 leaves the trace) |
//! | `abs(x)` | int | `(x ^ m) - m` with `m = x >> 63`, the subtraction overflow-checked (`i64::MIN`) |
//! | `abs(x)` | float | `float_abs` |
//! | `min`/`max` | 2 or 3 ints, or 2 or 3 floats | branch-free selects (below) |
//! | `min`/`max` | ints and floats mixed | exact compares, guarded to go as recorded |
//! | `isinstance(x, C)` | `C` a class of metaclass `type`, or a tuple of them | guards on `x`'s representation/class (and class version); the result is a constant |
//! | `int(x)`, `math.trunc(x)`, `math.floor(x)`, `math.ceil(x)` | float with `abs(x) < 2**51`; int (identity) | rounding with a magic constant, corrected by compares |
//! | `float(x)` | int (`int_to_float`), float (identity) | |
//! | `math.sqrt(x)` | float or int | guard `not x < 0` (the interpreter raises the `ValueError`), `float_sqrt` |
//! | `math.fabs(x)` | float or int | `float_abs` |
//! | `type(x)` | anything | the class word of an object (after a pointer-tag guard); a constant for inline values |
//! | `ord(c)` | exact str of one character | a helper reading the code point |
//! | `math.sin(x)`, `math.log(x, b)`, `math.atan2(y, x)`, ... (`MATH_FLOAT_FNS`) | floats or ints | a helper calling the function with the unboxed numbers; the float result stays unboxed, an error leaves through the exception exit |
//!
//! `min`/`max` follow the interpreter (and CPython): the running best is replaced only
//! when an argument compares strictly better, so the first of equal values wins and a NaN
//! as the first argument stays. With all ints the select is `best ^ ((best ^ k) & -c)`
//! where `c` is the comparison (0 or 1); with all floats the same select runs on the
//! floats' bits (so `-0.0` against `0.0` and NaNs keep exactly the right value). When ints
//! and floats mix, the result's type depends on the outcome, so each comparison is guarded
//! (kind "branch") to go as it went while recording; ints are compared exactly (guarded to
//! convert to floats exactly).
//!
//! `lst.append(x)` on an exact list (whose class, a builtin one, no code can change)
//! guards the class and pushes the boxed `x` through a helper that does not allocate
//! Python objects.
//!
//! Float to int rounding: for `abs(x) < 2**51`, adding `1.5 * 2**52` rounds `x` to the
//! nearest integer (ties to even) and the difference of the bit patterns is that integer;
//! comparing it back with `x` gives floor, ceiling and truncation. Larger magnitudes, NaNs
//! and infinities leave the trace (the interpreter makes big ints or raises).

use krait_tracer::{Cond, Op as IrOp, Type, ValueId};

use super::layout::{guard_class_exact, layout};
use super::layout::{MEM_HEADER, MEM_TUPLE_ITEMS, MEM_VERSION};
use super::record::{RecResult, Recorder};
use crate::cfg::{Code, Op, Opnd};
use crate::frame::Frame;
use crate::object::{class_flags, NativeKind, Payload, PyObj};
use crate::value::Value;
use crate::vm::Vm;

/// `Op::Call` and `Op::CallMethod`.
pub(super) fn call(r: &mut Recorder, vm: &mut Vm, frame: &Frame, code: &Code, op: &Op) -> RecResult<()> {
    if super::inline::call_python(r, vm, frame, code, op)? {
        return Ok(());
    }
    if builtin_call(r, vm, frame, code, op)? || list_append(r, vm, frame, code, op)? {
        return Ok(());
    }
    r.generic(op)?;
    Ok(())
}

/// The builtins the trace computes itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Builtin {
    Len,
    Abs,
    Min,
    Max,
    IsInstance,
    Int,
    Float,
    Sqrt,
    Fabs,
    Floor,
    Ceil,
    Trunc,
    /// A `math` function in `MATH_FLOAT_FNS`.
    MathFloat,
    /// `type(x)` with one argument.
    Type,
    Ord,
}

/// `math` functions whose result for int and float arguments is a float or an error, with
/// the numbers of arguments the trace passes them.
const MATH_FLOAT_FNS: &[(&str, usize)] = &[
    ("sin", 1),
    ("cos", 1),
    ("tan", 1),
    ("asin", 1),
    ("acos", 1),
    ("atan", 1),
    ("sinh", 1),
    ("cosh", 1),
    ("tanh", 1),
    ("asinh", 1),
    ("acosh", 1),
    ("atanh", 1),
    ("exp", 1),
    ("exp2", 1),
    ("expm1", 1),
    ("log", 1),
    ("log", 2),
    ("log2", 1),
    ("log10", 1),
    ("log1p", 1),
    ("erf", 1),
    ("erfc", 1),
    ("gamma", 1),
    ("lgamma", 1),
    ("cbrt", 1),
    ("degrees", 1),
    ("radians", 1),
    ("atan2", 2),
    ("hypot", 2),
    ("pow", 2),
    ("copysign", 2),
    ("fmod", 2),
];

/// Which builtin `f` is, if it is one of ours.
fn identify(vm: &Vm, f: Value) -> Option<Builtin> {
    if f.is(vm.types.int) {
        return Some(Builtin::Int);
    }
    if f.is(vm.types.float) {
        return Some(Builtin::Float);
    }
    if f.is(vm.types.type_) {
        return Some(Builtin::Type);
    }
    let Payload::NativeFunction(nf) = &f.as_obj()?.payload else {
        return None;
    };
    if nf.kind != NativeKind::Function || !nf.bound.is_null() {
        return None;
    }
    let module = match &nf.owner.as_obj()?.payload {
        Payload::Module(m) => m.name.as_rstr()?,
        _ => return None,
    };
    let f = nf.f as usize;
    use crate::builtins::functions as b;
    Some(match (module, nf.name) {
        ("builtins", "len") if f == b::len as *const () as usize => Builtin::Len,
        ("builtins", "abs") if f == b::c_level::abs as *const () as usize => Builtin::Abs,
        ("builtins", "min") if f == b::c_level::min as *const () as usize => Builtin::Min,
        ("builtins", "max") if f == b::c_level::max as *const () as usize => Builtin::Max,
        ("builtins", "isinstance") if f == b::isinstance as *const () as usize => Builtin::IsInstance,
        ("builtins", "ord") if f == b::c_level::ord as *const () as usize => Builtin::Ord,
        ("math", "sqrt") => Builtin::Sqrt,
        ("math", "fabs") => Builtin::Fabs,
        ("math", "floor") => Builtin::Floor,
        ("math", "ceil") => Builtin::Ceil,
        ("math", "trunc") => Builtin::Trunc,
        ("math", name) if MATH_FLOAT_FNS.iter().any(|(n, _)| *n == name) => Builtin::MathFloat,
        _ => return None,
    })
}

/// Where the callee of a call comes from.
enum Callee {
    /// The operand holding the function.
    Opnd(Opnd),
    /// `module.name(...)`: the module operand and the module.
    Module(Opnd, Value),
}

/// `m.name` when `m` is a plain module (exactly of class `module`) whose dict holds
/// `name` and whose type defines nothing of that name: what `m.name` evaluates to.
fn module_attr(vm: &mut Vm, m: Value, key: Value) -> Option<Value> {
    let obj = m.as_obj()?;
    let Payload::Module(md) = &obj.payload else {
        return None;
    };
    if !obj.class.get().is(vm.types.module) {
        return None;
    }
    if vm.lookup_type(vm.types.module, key).is_some() {
        return None;
    }
    md.dict.as_dict()?;
    vm.dict_get_str(md.dict, key)
}

/// Records the call as a builtin computed in the trace; Ok(false) when it is not one.
fn builtin_call(r: &mut Recorder, vm: &mut Vm, frame: &Frame, code: &Code, op: &Op) -> RecResult<bool> {
    let (dst, args, callee, f) = match op {
        Op::Call { dst, func, args, kwnames } if kwnames.is_empty() => {
            (*dst, args, Callee::Opnd(*func), Recorder::observe(frame, code, *func))
        }
        Op::CallMethod { dst, obj, name, args, kwnames } if kwnames.is_empty() => {
            let m = Recorder::observe(frame, code, *obj);
            let Some(f) = module_attr(vm, m, code.names[*name as usize]) else {
                return Ok(false);
            };
            (*dst, args, Callee::Module(*obj, m), f)
        }
        _ => return Ok(false),
    };
    let Some(which) = identify(vm, f) else {
        return Ok(false);
    };
    let fname = match &f.obj().payload {
        Payload::NativeFunction(nf) => nf.name,
        _ => "",
    };
    let seen: Vec<Value> = args.iter().map(|a| Recorder::observe(frame, code, *a)).collect();
    if !applicable(r, vm, which, fname, &seen) {
        return Ok(false);
    }
    if !guard_callee(r, frame, code, callee, f) {
        return Ok(false);
    }
    match emit(r, vm, frame, code, which, f, args, &seen) {
        Some(v) => {
            r.write(dst, v);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// `lst.append(x)` for an exact list `lst`.
fn list_append(r: &mut Recorder, vm: &mut Vm, frame: &Frame, code: &Code, op: &Op) -> RecResult<bool> {
    let Op::CallMethod { dst, obj, name, args, kwnames } = op else {
        return Ok(false);
    };
    if !kwnames.is_empty() || args.len() != 1 || code.names[*name as usize].as_rstr() != Some("append") {
        return Ok(false);
    }
    let o = Recorder::observe(frame, code, *obj);
    let Some(l) = layout() else {
        return Ok(false);
    };
    let cls = vm.types.list;
    if !o.as_obj().is_some_and(|x| x.class.get().is(cls) && x.as_list().is_some()) {
        return Ok(false);
    }
    let (w, _) = r.read(frame, code, *obj);
    if r.ty(w) != Type::Word {
        return Ok(false);
    }
    let (v, _) = r.read(frame, code, args[0]);
    append_to(r, &l, w, v, cls);
    let none = r.cword(Value::NONE);
    r.write(*dst, none);
    Ok(true)
}

/// Appends value `v` to the exact list in word `w`, guarding its class.
fn append_to(r: &mut Recorder, l: &super::layout::Layout, w: ValueId, v: ValueId, cls: Value) {
    let p = guard_class_exact(r, l, w, cls);
    let snap = r.snap();
    let vw = r.boxed(v, snap);
    let res = r.push(IrOp::Call {
        func: jit_list_append as *const () as u64,
        args: vec![p, vw],
        ret: Type::Int,
        pure: false,
    });
    let zero = r.cint(0);
    let ok = r.push(IrOp::IntCmp(Cond::Eq, res, zero));
    r.guard_here(ok, true, "type");
}

/// The `ListAppend` statement of a list comprehension (or display): the helper appends
/// directly; any other case runs through the interpreter.
pub(super) fn list_append_op(
    r: &mut Recorder,
    vm: &mut Vm,
    frame: &Frame,
    code: &Code,
    op: &Op,
    list: crate::cfg::Slot,
    item: crate::cfg::Opnd,
) -> RecResult<()> {
    let o = Recorder::observe(frame, code, crate::cfg::Opnd::Slot(list));
    let cls = vm.types.list;
    let exact = o.as_obj().is_some_and(|x| x.class.get().is(cls) && x.as_list().is_some());
    if let (Some(l), true) = (layout(), exact) {
        let (w, _) = r.read(frame, code, crate::cfg::Opnd::Slot(list));
        if r.ty(w) == Type::Word {
            let (v, _) = r.read(frame, code, item);
            append_to(r, &l, w, v, cls);
            return Ok(());
        }
    }
    r.generic(op)?;
    Ok(())
}

/// Appends the value word `w` to the list at address `p`; 0, or 1 when the list is being
/// changed elsewhere (the exit lets the interpreter do the call).
extern "C" fn jit_list_append(p: u64, w: u64) -> u64 {
    // SAFETY: the trace passes the address of a live object it guarded to be exactly a
    // list (held in a frame slot), and a live value word (in a frame slot or inline).
    let o = unsafe { &*(p as *const PyObj) };
    let v = unsafe { Value::from_bits(w) };
    match o.as_list_data() {
        Some(d) if d.values_raw().try_borrow_mut().is_ok() && d.raw_storage().try_borrow_mut().is_ok() => {
            d.push(v);
            0
        }
        _ => 1,
    }
}

/// Guards that the callee is `f`; false when the trace holds it unboxed (it cannot be).
fn guard_callee(r: &mut Recorder, frame: &Frame, code: &Code, callee: Callee, f: Value) -> bool {
    match callee {
        Callee::Opnd(o) => {
            let (fv, _) = r.read(frame, code, o);
            if r.ty(fv) != Type::Word {
                return false;
            }
            let want = r.cword(f);
            let same = r.push(IrOp::IntCmp(Cond::Eq, fv, want));
            r.guard_here(same, true, "type");
            true
        }
        Callee::Module(o, m) => {
            let (Some(l), Some(Payload::Module(md))) = (layout(), m.as_obj().map(|x| &x.payload)) else {
                return false;
            };
            let Some(d) = md.dict.as_dict() else {
                return false;
            };
            let (mv, _) = r.read(frame, code, o);
            if r.ty(mv) != Type::Word {
                return false;
            }
            let want = r.cword(m);
            let same = r.push(IrOp::IntCmp(Cond::Eq, mv, want));
            r.guard_here(same, true, "type");
            let module_cls = m.obj().class.get();
            guard_class_exact(r, &l, want, module_cls);
            // The module (a trace constant) keeps its dict alive.
            r.consts.push(md.dict);
            let ver = d.borrow().version;
            // SAFETY: only the address of the field is taken.
            let addr = unsafe { std::ptr::addr_of!((*d.as_ptr()).version) } as i64;
            let a = r.cint(addr);
            let cur = r.push(IrOp::Load { base: a, offset: 0, ty: Type::Int, mem: MEM_VERSION });
            let seen = r.cint(ver as i64);
            let same = r.push(IrOp::IntCmp(Cond::Eq, cur, seen));
            r.guard_here(same, true, "global");
            true
        }
    }
}

/// Largest magnitude of an int that converts to a float exactly, and of a float the
/// rounding trick handles.
const EXACT_INT: i64 = 1 << 53;
const ROUND_LIMIT: f64 = (1u64 << 51) as f64;

fn is_num(r: &Recorder, v: Value) -> bool {
    (v.is_small_int() && r.spec_int) || (v.is_float() && r.spec_float)
}

/// Whether the trace can compute `which` for arguments seen as `seen`.
fn applicable(r: &Recorder, vm: &Vm, which: Builtin, fname: &str, seen: &[Value]) -> bool {
    let one = seen.len() == 1;
    let x = seen.first().copied().unwrap_or(Value::NULL);
    let roundable = |x: Value| {
        (x.is_small_int() && r.spec_int)
            || (r.spec_float && r.spec_int && x.as_float().is_some_and(|f| f.abs() < ROUND_LIMIT))
    };
    match which {
        Builtin::Len => {
            one && layout().is_some() && {
                let cls = x.as_obj().map(|o| o.class.get()).unwrap_or(Value::NULL);
                let t = &vm.types;
                [t.list, t.tuple, t.str_, t.dict, t.set, t.frozenset, t.bytes, t.bytearray, t.range]
                    .iter()
                    .any(|c| c.is(cls))
            }
        }
        Builtin::Abs => one && is_num(r, x),
        Builtin::Min | Builtin::Max => {
            (2..=3).contains(&seen.len()) && seen.iter().all(|v| is_num(r, *v)) && {
                let ints = seen.iter().filter(|v| v.is_small_int()).count();
                let mixed = ints != 0 && ints != seen.len();
                !mixed || seen.iter().all(|v| v.as_small_int().is_none_or(|i| i.abs() <= EXACT_INT))
            }
        }
        Builtin::IsInstance => seen.len() == 2 && isinstance_plan(vm, seen[0], seen[1]).is_some(),
        Builtin::Int | Builtin::Floor | Builtin::Ceil | Builtin::Trunc => one && roundable(x),
        Builtin::Float => one && is_num(r, x) && r.spec_float,
        Builtin::Sqrt => {
            one && is_num(r, x) && r.spec_float && !x.as_float().is_some_and(|f| f < 0.0) && {
                x.as_small_int().is_none_or(|i| i >= 0)
            }
        }
        Builtin::Fabs => one && is_num(r, x) && r.spec_float,
        Builtin::Type => {
            one && layout().is_some() && (x.is_obj() || x.is_small_int() || x.is_float() || x.is_bool() || x.is_none())
        }
        Builtin::Ord => {
            one && layout().is_some()
                && x.as_obj()
                    .is_some_and(|o| o.class.get().is(vm.types.str_) && o.as_str().is_some_and(|s| s.char_len == 1))
        }
        Builtin::MathFloat => {
            r.spec_float
                && MATH_FLOAT_FNS.iter().any(|(n, k)| *n == fname && *k == seen.len())
                && seen.iter().all(|v| is_num(r, *v))
        }
    }
}

/// A numeric argument in the trace: an unboxed int or float.
#[derive(Clone, Copy)]
enum Num {
    I(ValueId),
    F(ValueId),
}

fn num(r: &mut Recorder, frame: &Frame, code: &Code, a: Opnd, seen: Value) -> Option<Num> {
    let (v, _) = r.read(frame, code, a);
    if seen.is_small_int() {
        r.int_of(v, seen).map(Num::I)
    } else if seen.is_float() {
        r.float_of(v, seen).map(Num::F)
    } else {
        None
    }
}

/// The argument as an unboxed float (ints converted).
fn as_float(r: &mut Recorder, n: Num) -> ValueId {
    match n {
        Num::I(i) => r.push(IrOp::IntToFloat(i)),
        Num::F(f) => f,
    }
}

#[allow(clippy::too_many_arguments)]
fn emit(
    r: &mut Recorder,
    vm: &Vm,
    frame: &Frame,
    code: &Code,
    which: Builtin,
    f: Value,
    args: &[Opnd],
    seen: &[Value],
) -> Option<ValueId> {
    match which {
        Builtin::Len => emit_len(r, vm, frame, code, args[0], seen[0]),
        Builtin::Abs => match num(r, frame, code, args[0], seen[0])? {
            Num::I(x) => {
                let sixty_three = r.cint(63);
                let m = r.push(IrOp::IntSar(x, sixty_three));
                let t = r.push(IrOp::IntXor(x, m));
                // Overflows exactly for i64::MIN, whose absolute value is a big int.
                Some(r.int_ov(b'-', t, m))
            }
            Num::F(x) => Some(r.push(IrOp::FloatAbs(x))),
        },
        Builtin::Min | Builtin::Max => emit_min_max(r, frame, code, args, seen, which == Builtin::Max),
        Builtin::IsInstance => emit_isinstance(r, vm, frame, code, args, seen),
        Builtin::Int | Builtin::Trunc | Builtin::Floor | Builtin::Ceil => {
            match num(r, frame, code, args[0], seen[0])? {
                Num::I(x) => Some(x),
                Num::F(x) => Some(round_to_int(r, x, which)),
            }
        }
        Builtin::Float => match num(r, frame, code, args[0], seen[0])? {
            Num::I(x) => Some(r.push(IrOp::IntToFloat(x))),
            Num::F(x) => Some(x),
        },
        Builtin::Sqrt => {
            let n = num(r, frame, code, args[0], seen[0])?;
            let x = as_float(r, n);
            let zero = r.cfloat(0.0);
            let neg = r.push(IrOp::FloatCmp(Cond::Lt, x, zero));
            r.guard_here(neg, false, "branch");
            Some(r.push(IrOp::FloatSqrt(x)))
        }
        Builtin::Fabs => {
            let n = num(r, frame, code, args[0], seen[0])?;
            let x = as_float(r, n);
            Some(r.push(IrOp::FloatAbs(x)))
        }
        Builtin::Type => emit_type(r, vm, frame, code, args[0], seen[0]),
        Builtin::Ord => {
            let l = layout()?;
            let (w, _) = r.read(frame, code, args[0]);
            if r.ty(w) != Type::Word {
                return None;
            }
            let p = guard_class_exact(r, &l, w, vm.types.str_);
            let c =
                r.push(IrOp::Call { func: jit_ord as *const () as u64, args: vec![p], ret: Type::Int, pure: false });
            let bad = r.cint(-1);
            let ok = r.push(IrOp::IntCmp(Cond::Ne, c, bad));
            r.guard_here(ok, true, "type");
            Some(c)
        }
        Builtin::MathFloat => {
            // The helper gets the numbers unboxed, with a bit per argument telling floats.
            let mut call_args = vec![r.ctx, r.cword(f)];
            let mut nums = Vec::with_capacity(args.len());
            let mut meta = (args.len() as i64) << 8;
            for (i, (a, s)) in args.iter().zip(seen).enumerate() {
                match num(r, frame, code, *a, *s)? {
                    Num::I(x) => nums.push(x),
                    Num::F(x) => {
                        meta |= 1 << i;
                        nums.push(r.push(IrOp::FloatBits(x)));
                    }
                }
            }
            call_args.push(r.cint(meta));
            call_args.extend(nums);
            while call_args.len() < 5 {
                call_args.push(r.cint(0));
            }
            let bits = r.call(jit_math_call as *const () as usize, call_args);
            r.guard_not_raised(bits);
            Some(r.push(IrOp::BitsToFloat(bits)))
        }
    }
}

/// Calls the `math` function `f` (a `MATH_FLOAT_FNS` one) as the interpreter does, with
/// `meta >> 8` numbers given unboxed (bit `i` of `meta` set: argument `i` is a float's
/// bits, else an int). Returns the float result's bits, or `SENTINEL` with the exception
/// parked in the context; also `SENTINEL` with nothing parked if the result is not a
/// float (the exit then runs the call again in the interpreter, harmless for a pure
/// function of numbers).
extern "C" fn jit_math_call(ctx: u64, f: u64, meta: u64, a0: u64, a1: u64) -> u64 {
    // SAFETY: traces pass their own context (parameter 0), which points to the running
    // VM; `f` is a native function word the trace keeps alive as a constant.
    let c = unsafe { &mut *(ctx as *mut super::exit::Ctx) };
    let vm = unsafe { &mut *c.vm };
    let f = unsafe { Value::from_bits(f) };
    let Some(Payload::NativeFunction(nf)) = f.as_obj().map(|o| &o.payload) else {
        return super::helpers::SENTINEL;
    };
    let nf_f = nf.f;
    let nargs = ((meta >> 8) as usize).min(2);
    let mut all = [Value::NONE; 2];
    for (i, bits) in [a0, a1].into_iter().enumerate().take(nargs) {
        all[i] = if meta & (1 << i) != 0 { Value::float(f64::from_bits(bits)) } else { vm.new_int(bits as i64) };
    }
    match nf_f(vm, &all[..nargs], &[]) {
        Ok(v) if v.is_float() => v.bits(),
        Ok(_) => super::helpers::SENTINEL,
        Err(e) => {
            c.pending = Some((e, Default::default()));
            super::helpers::SENTINEL
        }
    }
}

/// `len(x)` of an exact list, tuple, str, dict, set or frozenset.
fn emit_len(r: &mut Recorder, vm: &Vm, frame: &Frame, code: &Code, a: Opnd, seen: Value) -> Option<ValueId> {
    let l = layout()?;
    let (w, _) = r.read(frame, code, a);
    if r.ty(w) != Type::Word {
        return None;
    }
    let cls = seen.as_obj()?.class.get();
    let p = guard_class_exact(r, &l, w, cls);
    let t = &vm.types;
    let off = if cls.is(t.list) {
        let mode = seen.as_obj().and_then(|o| o.as_list_data())?.mode_raw().get();
        super::layout::guard_list_mode(r, &l, p, mode);
        return Some(super::layout::list_len(r, &l, p, mode));
    } else if cls.is(t.tuple) {
        l.tuple_len
    } else if cls.is(t.str_) {
        l.str_len
    } else {
        let n = r.push(IrOp::Call {
            func: jit_container_len as *const () as u64,
            args: vec![p],
            ret: Type::Int,
            pure: false,
        });
        let bad = r.cint(-1);
        let ok = r.push(IrOp::IntCmp(Cond::Ne, n, bad));
        r.guard_here(ok, true, "type");
        return Some(n);
    };
    Some(r.push(IrOp::Load { base: p, offset: off, ty: Type::Int, mem: MEM_HEADER }))
}

/// The length of the dict, set, frozenset, bytes, bytearray or range at address `p`, or -1
/// when it cannot be read here (another kind of object, contents being changed, a range
/// with big-int bounds).
extern "C" fn jit_container_len(p: u64) -> u64 {
    // SAFETY: the trace passes the address of a live object whose class it has guarded to
    // be exactly one of the classes above (held in a frame slot).
    let o = unsafe { &*(p as *const PyObj) };
    let n = match &o.payload {
        Payload::Dict(d) => d.try_borrow().map(|d| d.len()).ok(),
        Payload::Set(s) | Payload::FrozenSet(s) => s.try_borrow().map(|s| s.len()).ok(),
        Payload::Bytes(b) => Some(b.len()),
        Payload::ByteArray(b) => b.try_borrow().map(|b| b.len()).ok(),
        Payload::Range { start, stop, step } => small_range_len(*start, *stop, *step),
        _ => None,
    };
    n.map(|n| n as u64).unwrap_or(u64::MAX)
}

/// `type(x)`: a constant for values that are not heap objects (after guarding their
/// representation), the class word of an object otherwise.
fn emit_type(r: &mut Recorder, vm: &Vm, frame: &Frame, code: &Code, a: Opnd, x: Value) -> Option<ValueId> {
    let l = layout()?;
    let (v, _) = r.read(frame, code, a);
    let t = &vm.types;
    let cls = match r.ty(v) {
        Type::Int => t.int,
        Type::Float => t.float,
        Type::Bool => t.bool_,
        _ if x.is_small_int() => {
            r.int_of(v, x)?;
            t.int
        }
        _ if x.is_float() => {
            r.float_of(v, x)?;
            t.float
        }
        _ if x.is_bool() => {
            let one = r.cint(1);
            let or = r.push(IrOp::IntOr(v, one));
            let tv = r.cword(Value::TRUE);
            let is_bool = r.push(IrOp::IntCmp(Cond::Eq, or, tv));
            r.guard_here(is_bool, true, "type");
            t.bool_
        }
        _ if x.is_none() => {
            let n = r.cword(Value::NONE);
            let is_none = r.push(IrOp::IntCmp(Cond::Eq, v, n));
            r.guard_here(is_none, true, "type");
            t.none_type
        }
        _ => {
            let sh = r.cint(48);
            let tag = r.push(IrOp::IntShr(v, sh));
            let pt = r.cint(super::layout::PTR_TAG);
            let is_obj = r.push(IrOp::IntCmp(Cond::Eq, tag, pt));
            r.guard_here(is_obj, true, "type");
            let mask = r.cint(super::layout::PAYLOAD_MASK);
            let p = r.push(IrOp::IntAnd(v, mask));
            return Some(r.push(IrOp::Load { base: p, offset: l.class, ty: Type::Word, mem: MEM_HEADER }));
        }
    };
    Some(r.cword(cls))
}

/// The code point of the one-character str at address `p`, or -1 when it is not one.
extern "C" fn jit_ord(p: u64) -> u64 {
    // SAFETY: the trace passes the address of a live object it guarded to be exactly a
    // str (held in a frame slot).
    let o = unsafe { &*(p as *const PyObj) };
    match o.as_str() {
        Some(s) if s.char_len == 1 => s.as_str().chars().next().map(|c| c as u64).unwrap_or(u64::MAX),
        _ => u64::MAX,
    }
}

/// The length of `range(start, stop, step)` when all three are small ints.
fn small_range_len(start: Value, stop: Value, step: Value) -> Option<usize> {
    let (a, b, s) = (start.as_small_int()? as i128, stop.as_small_int()? as i128, step.as_small_int()? as i128);
    let n = if s > 0 && a < b {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / (-s) + 1
    } else {
        0
    };
    usize::try_from(n).ok().filter(|n| *n <= i64::MAX as usize)
}

/// `min`/`max` of 2 or 3 numbers (see the module docs).
fn emit_min_max(
    r: &mut Recorder,
    frame: &Frame,
    code: &Code,
    args: &[Opnd],
    seen: &[Value],
    is_max: bool,
) -> Option<ValueId> {
    let mut nums = Vec::with_capacity(args.len());
    for (a, s) in args.iter().zip(seen) {
        nums.push(num(r, frame, code, *a, *s)?);
    }
    let cond = if is_max { Cond::Gt } else { Cond::Lt };
    let all_int = nums.iter().all(|n| matches!(n, Num::I(_)));
    let all_float = nums.iter().all(|n| matches!(n, Num::F(_)));
    if all_int || all_float {
        let bits = |r: &mut Recorder, n: Num| match n {
            Num::I(i) => i,
            Num::F(f) => r.push(IrOp::FloatBits(f)),
        };
        let mut best = nums[0];
        let mut best_bits = bits(r, best);
        for &k in &nums[1..] {
            let better = match (k, best) {
                (Num::I(a), Num::I(b)) => r.push(IrOp::IntCmp(cond, a, b)),
                (Num::F(a), Num::F(b)) => r.push(IrOp::FloatCmp(cond, a, b)),
                _ => return None,
            };
            let k_bits = bits(r, k);
            // mask = -better: all ones when k is better, else zero.
            let b = r.push(IrOp::AsInt(better));
            let zero = r.cint(0);
            let mask = r.push(IrOp::IntSub(zero, b));
            let diff = r.push(IrOp::IntXor(best_bits, k_bits));
            let pick = r.push(IrOp::IntAnd(diff, mask));
            best_bits = r.push(IrOp::IntXor(best_bits, pick));
            best = if all_int { Num::I(best_bits) } else { Num::F(r.push(IrOp::BitsToFloat(best_bits))) };
        }
        return Some(match best {
            Num::I(i) | Num::F(i) => i,
        });
    }
    // Mixed ints and floats: exact comparisons, each guarded to go as it went.
    let mut exact = Vec::with_capacity(nums.len());
    for &n in &nums {
        exact.push(match n {
            Num::I(i) => {
                r.guard_exact_float(i);
                r.push(IrOp::IntToFloat(i))
            }
            Num::F(f) => f,
        });
    }
    let value = |v: Value| v.as_small_int().map(|i| i as f64).or(v.as_float()).unwrap_or(f64::NAN);
    let mut best = 0;
    for k in 1..nums.len() {
        let (a, b) = (value(seen[k]), value(seen[best]));
        let better = if is_max { a > b } else { a < b };
        let c = r.push(IrOp::FloatCmp(cond, exact[k], exact[best]));
        r.guard_here(c, better, "branch");
        if better {
            best = k;
        }
    }
    Some(match nums[best] {
        Num::I(i) | Num::F(i) => i,
    })
}

/// Floor, ceiling or truncation (`which`) of the float `x` as an int, guarded to
/// `abs(x) < 2**51` (see the module docs).
fn round_to_int(r: &mut Recorder, x: ValueId, which: Builtin) -> ValueId {
    let ax = r.push(IrOp::FloatAbs(x));
    let lim = r.cfloat(ROUND_LIMIT);
    let small = r.push(IrOp::FloatCmp(Cond::Lt, ax, lim));
    r.guard_here(small, true, "int-overflow");
    let magic = 1.5 * (1u64 << 52) as f64;
    let m = r.cfloat(magic);
    let y = r.push(IrOp::FloatAdd(x, m));
    let yb = r.push(IrOp::FloatBits(y));
    let mb = r.cint(magic.to_bits() as i64);
    let n = r.push(IrOp::IntSub(yb, mb));
    let nf = r.push(IrOp::IntToFloat(n));
    // Rounded up past x (floor and truncation of positives go one down) or down past it.
    let above = r.push(IrOp::FloatCmp(Cond::Gt, nf, x));
    let below = r.push(IrOp::FloatCmp(Cond::Lt, nf, x));
    let (down, up) = match which {
        Builtin::Floor => (Some(above), None),
        Builtin::Ceil => (None, Some(below)),
        _ => {
            let zero = r.cfloat(0.0);
            let pos = r.push(IrOp::FloatCmp(Cond::Ge, x, zero));
            let neg = r.push(IrOp::FloatCmp(Cond::Lt, x, zero));
            let (a, p) = (r.push(IrOp::AsInt(above)), r.push(IrOp::AsInt(pos)));
            let (b, q) = (r.push(IrOp::AsInt(below)), r.push(IrOp::AsInt(neg)));
            let d = r.push(IrOp::IntAnd(a, p));
            let u = r.push(IrOp::IntAnd(b, q));
            let t = r.push(IrOp::IntSub(n, d));
            return r.push(IrOp::IntAdd(t, u));
        }
    };
    let mut out = n;
    if let Some(d) = down {
        let d = r.push(IrOp::AsInt(d));
        out = r.push(IrOp::IntSub(out, d));
    }
    if let Some(u) = up {
        let u = r.push(IrOp::AsInt(u));
        out = r.push(IrOp::IntAdd(out, u));
    }
    out
}

/// What `isinstance(x, c)` needs: the classes to test, whether `x`'s class version must be
/// guarded, and the result. None when the result may depend on more than `x`'s class.
struct IsInstancePlan {
    classes: Vec<Value>,
    version: bool,
    result: bool,
}

fn isinstance_plan(vm: &Vm, x: Value, c: Value) -> Option<IsInstancePlan> {
    let plain_class = |k: Value| k.as_class().is_some() && vm.type_of(k).is(vm.types.type_);
    let classes: Vec<Value> = if plain_class(c) {
        vec![c]
    } else if c.as_obj().is_some_and(|o| o.class.get().is(vm.types.tuple)) {
        let items = c.as_tuple()?;
        if items.is_empty() || items.len() > 4 || !items.iter().all(|k| plain_class(*k)) {
            return None;
        }
        items.to_vec()
    } else {
        return None;
    };
    if x.is_null() || (!x.is_obj() && !x.is_small_int() && !x.is_float() && !x.is_bool() && !x.is_none()) {
        return None;
    }
    let t = vm.type_of(x);
    let tc = t.as_class()?;
    let result = classes.iter().any(|k| vm.is_subclass(t, *k));
    // `type(x) is classes[0]` decides alone; anything else depends on t's MRO and on
    // `x.__class__` being `type(x)`.
    let version = !classes[0].is(t);
    if version {
        if tc.has_flag(class_flags::CUSTOM_GETATTR) {
            return None;
        }
        let k = crate::eval::attr::names().__class__;
        let mine = vm.lookup_type(t, k);
        let object_s = vm.lookup_type(vm.types.object, k);
        if mine.is_none() || mine.map(|v| v.bits()) != object_s.map(|v| v.bits()) {
            return None;
        }
    }
    Some(IsInstancePlan { classes, version: version && tc.has_flag(class_flags::HEAPTYPE), result })
}

fn emit_isinstance(
    r: &mut Recorder,
    vm: &Vm,
    frame: &Frame,
    code: &Code,
    args: &[Opnd],
    seen: &[Value],
) -> Option<ValueId> {
    let (x, c) = (seen[0], seen[1]);
    let plan = isinstance_plan(vm, x, c)?;
    let l = layout()?;
    // The classes operand.
    let (cv, _) = r.read(frame, code, args[1]);
    if r.ty(cv) != Type::Word {
        return None;
    }
    if c.as_class().is_some() || matches!(args[1], Opnd::Const(_)) {
        let want = r.cword(c);
        let same = r.push(IrOp::IntCmp(Cond::Eq, cv, want));
        r.guard_here(same, true, "type");
    } else {
        // A tuple built anew each time: its items, not its identity.
        let p = guard_class_exact(r, &l, cv, vm.types.tuple);
        let n = r.push(IrOp::Load { base: p, offset: l.tuple_len, ty: Type::Int, mem: MEM_HEADER });
        let want = r.cint(plan.classes.len() as i64);
        let same = r.push(IrOp::IntCmp(Cond::Eq, n, want));
        r.guard_here(same, true, "type");
        let buf = r.push(IrOp::Load { base: p, offset: l.tuple_ptr, ty: Type::Int, mem: MEM_HEADER });
        for (i, k) in plan.classes.iter().enumerate() {
            let item = r.push(IrOp::Load { base: buf, offset: (i * 8) as i32, ty: Type::Word, mem: MEM_TUPLE_ITEMS });
            let want = r.cword(*k);
            let same = r.push(IrOp::IntCmp(Cond::Eq, item, want));
            r.guard_here(same, true, "type");
        }
    }
    // The class of x.
    let (xv, _) = r.read(frame, code, args[0]);
    match r.ty(xv) {
        Type::Int | Type::Float | Type::Bool => {}
        _ if x.is_small_int() => {
            r.int_of(xv, x)?;
        }
        _ if x.is_float() => {
            r.float_of(xv, x)?;
        }
        _ if x.is_bool() => {
            let one = r.cint(1);
            let or = r.push(IrOp::IntOr(xv, one));
            let t = r.cword(Value::TRUE);
            let is_bool = r.push(IrOp::IntCmp(Cond::Eq, or, t));
            r.guard_here(is_bool, true, "type");
        }
        _ if x.is_none() => {
            let n = r.cword(Value::NONE);
            let is_none = r.push(IrOp::IntCmp(Cond::Eq, xv, n));
            r.guard_here(is_none, true, "type");
        }
        _ => {
            let t = x.as_obj()?.class.get();
            let p = guard_class_exact(r, &l, xv, t);
            let _ = p;
            if plan.version {
                let cd = t.as_class()?;
                let vaddr = r.cint(&cd.version as *const _ as i64);
                let ver = r.push(IrOp::Load { base: vaddr, offset: 0, ty: Type::Int, mem: MEM_VERSION });
                let want = r.cint(cd.version.get() as i64);
                let same = r.push(IrOp::IntCmp(Cond::Eq, ver, want));
                r.guard_here(same, true, "type");
            }
        }
    }
    Some(r.cword(Value::bool(plan.result)))
}
