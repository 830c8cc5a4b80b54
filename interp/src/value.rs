//! `Value`: one 64-bit word for every Python value.
//!
//! Krait NaN-boxes. A float is stored as its own IEEE-754 bits; every NaN a program produces
//! is canonicalized to `0x7FF8_0000_0000_0000`, which frees the other NaN payloads for tags:
//!
//! ```text
//!  bits >> 48   meaning
//!  ----------   -------------------------------------------------------------
//!  0xFFF9       small int: signed 48-bit payload (|n| < 2^47), never allocates
//!  0xFFFA       pointer to a heap `PyObj` (48-bit address)
//!  0xFFFB       special: NULL (unset slot), None, False, True, NotImplemented,
//!               Ellipsis
//!  otherwise    a float
//! ```
//!
//! Why NaN-boxing rather than low-bit pointer tagging: floats are the values numeric loops
//! churn through, and this way they never allocate, while ints still get 48 bits inline —
//! the sum of two inline ints always fits an `i64`, so overflow checks are one range test.
//! Ints outside the inline range live in a heap big int; Python never sees the difference
//! (`Vm::new_int` and friends pick the representation).

use crate::object::PyObj;

const TAG_SHIFT: u32 = 48;
const TAG_INT: u64 = 0xFFF9;
const TAG_PTR: u64 = 0xFFFA;
const TAG_SPECIAL: u64 = 0xFFFB;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Largest int stored inline.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;
/// Smallest int stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    /// "No value": an unbound local, an unset attribute slot, a missing optional argument.
    /// Never visible to Python code.
    pub const NULL: Value = Value(TAG_SPECIAL << TAG_SHIFT);
    pub const NONE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 1);
    pub const FALSE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 2);
    pub const TRUE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 3);
    pub const NOT_IMPLEMENTED: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 4);
    pub const ELLIPSIS: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 5);

    #[inline]
    pub fn bits(self) -> u64 {
        self.0
    }

    /// # Safety
    /// `bits` must have come from `Value::bits` of a value that is still alive.
    #[inline]
    pub unsafe fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    #[inline]
    fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    // ----- floats -----

    #[inline]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            Value(CANONICAL_NAN)
        } else {
            Value(f.to_bits())
        }
    }

    #[inline]
    pub fn is_float(self) -> bool {
        self.0 < (TAG_INT << TAG_SHIFT)
    }

    #[inline]
    pub fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    /// The float of a value known to be a float.
    #[inline]
    pub fn float_unchecked(self) -> f64 {
        debug_assert!(self.is_float());
        f64::from_bits(self.0)
    }

    // ----- small ints -----

    /// An inline int, or `None` when `i` is outside the inline range (the caller then
    /// allocates a big int; `Vm::new_int` does that).
    #[inline]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }

    #[inline]
    pub fn is_small_int(self) -> bool {
        self.tag() == TAG_INT
    }

    #[inline]
    pub fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.small_int_unchecked())
        } else {
            None
        }
    }

    #[inline]
    pub fn small_int_unchecked(self) -> i64 {
        debug_assert!(self.is_small_int());
        // Sign-extend the 48-bit payload.
        ((self.0 << 16) as i64) >> 16
    }

    // ----- specials -----

    #[inline]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }

    #[inline]
    pub fn is_none(self) -> bool {
        self == Value::NONE
    }

    #[inline]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }

    #[inline]
    pub fn as_bool(self) -> Option<bool> {
        if self == Value::TRUE {
            Some(true)
        } else if self == Value::FALSE {
            Some(false)
        } else {
            None
        }
    }

    #[inline]
    pub fn is_special(self) -> bool {
        self.tag() == TAG_SPECIAL
    }

    // ----- heap objects -----

    /// Wraps a pointer to a live heap object.
    #[inline]
    pub fn from_obj(p: *const PyObj) -> Value {
        let a = p as u64;
        debug_assert!(a & !PAYLOAD_MASK == 0, "heap address above 48 bits");
        Value((TAG_PTR << TAG_SHIFT) | a)
    }

    #[inline]
    pub fn is_obj(self) -> bool {
        self.tag() == TAG_PTR
    }

    #[inline]
    pub fn obj_ptr(self) -> *const PyObj {
        (self.0 & PAYLOAD_MASK) as *const PyObj
    }

    /// The heap object behind this value, if it is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&PyObj> {
        if self.is_obj() {
            // SAFETY: a pointer-tagged Value is only ever made by `from_obj` from a live
            // heap object, and heap objects are never freed while a Value referring to them
            // is reachable (the heap is non-moving and, until the GC issue lands, never
            // frees; the GC will treat every Value in frames and native stacks as a root).
            Some(unsafe { &*self.obj_ptr() })
        } else {
            None
        }
    }

    /// The heap object behind a value known to be one.
    #[inline]
    pub fn obj(&self) -> &PyObj {
        debug_assert!(self.is_obj());
        // SAFETY: as in `as_obj`; callers only use this on pointer-tagged values.
        unsafe { &*self.obj_ptr() }
    }

    /// Python `is`.
    #[inline]
    pub fn is(self, other: Value) -> bool {
        self.0 == other.0
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(x) = self.as_float() {
            write!(f, "Float({x})")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if self.is_obj() {
            write!(f, "Obj({:#x})", self.0 & PAYLOAD_MASK)
        } else {
            let name = match *self {
                Value::NULL => "NULL",
                Value::NONE => "None",
                Value::TRUE => "True",
                Value::FALSE => "False",
                Value::NOT_IMPLEMENTED => "NotImplemented",
                Value::ELLIPSIS => "Ellipsis",
                _ => "?",
            };
            f.write_str(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_round_trip_and_range() {
        for i in [0, 1, -1, 42, SMALL_INT_MAX, SMALL_INT_MIN, -123456789] {
            let v = Value::small_int(i).unwrap();
            assert!(v.is_small_int() && !v.is_float() && !v.is_obj());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_round_trip_and_nan_is_canonical() {
        for x in [0.0, -0.0, 1.5, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, 1e308] {
            let v = Value::float(x);
            assert!(v.is_float());
            assert_eq!(v.as_float().unwrap().to_bits(), x.to_bits());
        }
        let n = Value::float(f64::from_bits(0xFFFA_0000_0000_1234));
        assert!(n.is_float() && n.as_float().unwrap().is_nan());
    }

    #[test]
    fn specials_are_distinct() {
        let all = [Value::NULL, Value::NONE, Value::TRUE, Value::FALSE, Value::NOT_IMPLEMENTED, Value::ELLIPSIS];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_small_int() && !a.is_obj());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
