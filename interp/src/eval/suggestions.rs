//! "Did you mean" suggestions for NameError and AttributeError in tracebacks.
//!
//! The rules follow CPython 3.11's `Python/suggestions.c` (reimplemented here): candidates
//! are compared with a Levenshtein distance over UTF-8 bytes where a substitution that
//! only changes ASCII case costs 1 and every other edit costs 2, after trimming a common
//! prefix and suffix. A candidate qualifies when at most about a third of the characters
//! involved change; the closest candidate wins, the first one on ties. Lists of 750 or
//! more candidates and names longer than 40 bytes (after trimming) are not searched.
//! Only exact `NameError`/`AttributeError` instances get suggestions, and only in the
//! printed traceback (`str(exc)` has none).

use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) && a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
        return CASE_COST;
    }
    MOVE_COST
}

/// Edit distance between `a` and `b`, or `max_cost + 1` when it is certainly larger.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the distance matrix, updated in place: row[i] = cost(b[..j], a[..i+1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut distance = j * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name` among `dir` (str values), if any qualifies. `None` also
/// when a candidate is not a str (CPython gives up on the error).
fn calculate(dir: &[Value], name: &str) -> Option<Value> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<Value> = None;
    let mut best_distance = usize::MAX;
    for &item in dir {
        let s = item.as_rstr()?;
        if s == name {
            continue;
        }
        let max_distance = ((name.len() + s.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), s.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best
}

fn exc_attr(vm: &mut Vm, exc: Value, name: &str) -> Value {
    super::exc::slot_get(vm, exc, name)
}

/// The suggestion for an uncaught exception, as CPython's `_Py_Offer_Suggestions`.
pub fn offer(vm: &mut Vm, exc: Value) -> Option<String> {
    let ty = vm.type_of(exc);
    let saved = vm.handled_exc.get();
    let r = if ty.is(vm.exc.attribute_error) {
        for_attribute_error(vm, exc)
    } else if ty.is(vm.exc.name_error) {
        for_name_error(vm, exc)
    } else {
        None
    };
    vm.handled_exc.set(saved);
    r.and_then(|v| v.as_rstr().map(str::to_owned))
}

fn for_attribute_error(vm: &mut Vm, exc: Value) -> Option<Value> {
    let name = exc_attr(vm, exc, "name");
    let obj = exc_attr(vm, exc, "obj");
    let name_s = name.as_rstr()?.to_owned();
    if obj.is_null() {
        return None;
    }
    let dir = crate::builtins::functions::dir(vm, &[obj], &[]).ok()?;
    let items = vm.collect(dir).ok()?;
    calculate(&items, &name_s)
}

fn for_name_error(vm: &mut Vm, exc: Value) -> Option<Value> {
    let name = exc_attr(vm, exc, "name");
    let name_s = name.as_rstr()?.to_owned();
    let mut tb = exc.as_obj().and_then(|o| o.as_exception()).map(|e| e.traceback.get())?;
    // The innermost entry: the frame where the name was looked up.
    loop {
        let Some(Payload::Traceback(t)) = tb.as_obj().map(|o| &o.payload) else {
            return None;
        };
        let next = t.next.get();
        if matches!(next.as_obj().map(|o| &o.payload), Some(Payload::Traceback(_))) {
            tb = next;
        } else {
            break;
        }
    }
    let Some(Payload::Traceback(t)) = tb.as_obj().map(|o| &o.payload) else {
        return None;
    };
    let code = t.code.clone();
    let frame = t.frame;
    let varnames = super::function::varnames(&code);
    if let Some(s) = calculate(&varnames, &name_s) {
        return Some(s);
    }
    let globals = frame.as_obj().and_then(|o| o.native::<super::function::FrameInfo>()).map(|f| f.globals)?;
    let gkeys = globals.as_dict().map(|d| d.borrow().keys())?;
    if let Some(s) = calculate(&gkeys, &name_s) {
        return Some(s);
    }
    let builtins = super::builtins_of(vm, globals);
    let bkeys = builtins.as_dict().map(|d| d.borrow().keys())?;
    calculate(&bkeys, &name_s)
}
