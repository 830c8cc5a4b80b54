//! The heap. Objects are allocated here and never move.
//!
//! Until the garbage-collection issue lands, objects are individually boxed and never
//! freed; `alloc` is the one entry point, so the collector can replace its inside without
//! touching callers.

use crate::object::PyObj;
use crate::value::Value;

/// Moves `obj` to the heap and returns a `Value` referring to it.
pub fn alloc(obj: PyObj) -> Value {
    let p: &'static PyObj = Box::leak(Box::new(obj));
    Value::from_obj(p)
}
