//! `set` and `frozenset`.

/// Storage of a set: for now the compact dict with None values.
pub type SetData = crate::dict::DictData;
