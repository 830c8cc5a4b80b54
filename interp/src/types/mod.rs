//! Methods of the builtin types. Each module registers its type's methods in `init`.

pub mod bytes;
pub mod complex;
pub mod dict;
pub mod float;
pub mod format;
pub mod int;
pub mod iter;
pub mod list;
pub mod num_conv;
pub mod num_parse;
pub mod range;
pub mod set;
pub mod slice;
pub mod sort;
pub mod str;
pub mod str_codec;
pub mod str_unicode;
pub mod tuple;

use crate::vm::Vm;

pub fn init(vm: &mut Vm) {
    int::init(vm);
    float::init(vm);
    complex::init(vm);
    list::init(vm);
    tuple::init(vm);
    dict::init(vm);
    set::init(vm);
    range::init(vm);
    slice::init(vm);
    iter::init(vm);
    str::init(vm);
    bytes::init(vm);
    str_codec::init(vm);
}
