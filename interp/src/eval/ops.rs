//! Operators and the generic protocols: binary/unary/in-place operators with reflected
//! fallbacks, rich comparisons, truth, hashing, repr/str/format, iteration, items, len.

use crate::cfg::{BinOp, CmpOp, UnaryOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn binary_op(_vm: &mut Vm, _op: BinOp, _a: Value, _b: Value) -> PyResult<Value> {
    todo!("binary_op")
}
pub fn inplace_op(_vm: &mut Vm, _op: BinOp, _a: Value, _b: Value) -> PyResult<Value> {
    todo!("inplace_op")
}
pub fn unary_op(_vm: &mut Vm, _op: UnaryOp, _a: Value) -> PyResult<Value> {
    todo!("unary_op")
}
pub fn compare(_vm: &mut Vm, _op: CmpOp, _a: Value, _b: Value) -> PyResult<Value> {
    todo!("compare")
}
pub fn truthy(_vm: &mut Vm, _v: Value) -> PyResult<bool> {
    todo!("truthy")
}
pub fn hash(_vm: &mut Vm, _v: Value) -> PyResult<i64> {
    todo!("hash")
}
pub fn repr(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    todo!("repr")
}
pub fn str(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    todo!("str")
}
pub fn format(_vm: &mut Vm, _v: Value, _spec: Value) -> PyResult<Value> {
    todo!("format")
}
pub fn iter(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    todo!("iter")
}
pub fn next(_vm: &mut Vm, _it: Value) -> PyResult<Option<Value>> {
    todo!("next")
}
pub fn get_item(_vm: &mut Vm, _obj: Value, _key: Value) -> PyResult<Value> {
    todo!("get_item")
}
pub fn set_item(_vm: &mut Vm, _obj: Value, _key: Value, _value: Value) -> PyResult<()> {
    todo!("set_item")
}
pub fn del_item(_vm: &mut Vm, _obj: Value, _key: Value) -> PyResult<()> {
    todo!("del_item")
}
pub fn len(_vm: &mut Vm, _v: Value) -> PyResult<usize> {
    todo!("len")
}
pub fn contains(_vm: &mut Vm, _container: Value, _item: Value) -> PyResult<bool> {
    todo!("contains")
}
