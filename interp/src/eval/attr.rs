//! Attribute access: the descriptor protocol, instance attributes in hidden-class slots,
//! `__getattr__`/`__getattribute__`/`__setattr__`/`__delattr__`, class attribute lookup.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn get_attr(_vm: &mut Vm, _obj: Value, _name: Value) -> PyResult<Value> {
    todo!("get_attr")
}

pub fn set_attr(_vm: &mut Vm, _obj: Value, _name: Value, _value: Value) -> PyResult<()> {
    todo!("set_attr")
}

pub fn del_attr(_vm: &mut Vm, _obj: Value, _name: Value) -> PyResult<()> {
    todo!("del_attr")
}

/// `name` along the MRO of `cls`, without binding.
pub fn lookup_type(vm: &Vm, cls: Value, name: Value) -> Option<Value> {
    let c = cls.as_class()?;
    for k in c.mro.borrow().iter() {
        let d = k.as_class()?.dict;
        if let Some(v) = vm.dict_get_str(d, name) {
            return Some(v);
        }
    }
    None
}
