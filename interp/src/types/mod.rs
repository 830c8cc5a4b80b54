//! Methods of the builtin types. Each module registers its type's methods in `init`.

pub mod float;
pub mod int;
pub mod set;
pub mod slice;
pub mod str;

use crate::vm::Vm;

pub fn init(_vm: &mut Vm) {}
