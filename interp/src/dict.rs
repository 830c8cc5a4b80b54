//! The compact, insertion-ordered dict (DESIGN.md): a dense vector of entries in insertion
//! order plus a `hashbrown::HashTable` of indices into it.
//!
//! Equality of keys may run Python code (`__eq__`), which may mutate this very dict. So the
//! Python-level operations (`get`, `set`, `del`) never hold the `RefCell` borrow across such
//! a call: they collect the candidate entries under the borrow, release it, compare, and
//! start over if the dict's `version` moved meanwhile. Keys whose equality Krait decides
//! natively (identical words, ints, floats, strs) never leave the borrow.
//!
//! `version` is bumped by every mutation; the JIT will guard on it (globals, class dicts).

use std::cell::RefCell;

use hashbrown::HashTable;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// NULL marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictData {
    entries: Vec<Entry>,
    index: HashTable<u32>,
    used: usize,
    pub version: u64,
}

/// Spreads a Python hash over all 64 bits before it reaches the index table. Python's
/// hashes of small ints are the ints themselves, so their high bits are all zero; hashbrown
/// takes its 7-bit control tags from the top of the hash, and without mixing every small-int
/// key would share one tag and lookups would degrade into linear scans.
#[inline]
fn mix(hash: i64) -> u64 {
    let x = (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// Result of a lookup that did not need Python.
enum Probe {
    Found(usize),
    Absent,
    /// Entries with the same hash whose equality needs `__eq__`.
    Ask(Vec<usize>),
}

/// Key equality Krait can decide without running Python code, or `None`.
#[inline]
pub fn native_key_eq(a: Value, b: Value) -> Option<bool> {
    if a.bits() == b.bits() {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(x == y);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_float()) {
        return Some(x as f64 == y && (x as f64) as i64 == x);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_small_int()) {
        return Some(y as f64 == x && (y as f64) as i64 == y);
    }
    match (a.as_pystr(), b.as_pystr()) {
        (Some(x), Some(y)) => {
            // Only exact strs decide natively; str subclasses may override __eq__, but
            // their payload is still Str: we accept that Python-level `__eq__` overrides on
            // str subclasses are not consulted for dict keys of exact strs.
            Some(x.s == y.s)
        }
        (Some(_), None) if b.is_small_int() || b.is_float() || b.is_special() => Some(false),
        (None, Some(_)) if a.is_small_int() || a.is_float() || a.is_special() => Some(false),
        _ => None,
    }
}

impl DictData {
    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        DictData { entries: Vec::with_capacity(n), index: HashTable::with_capacity(n), used: 0, version: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Live (key, value) pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().collect()
    }

    /// Number of raw entry positions (live and deleted), for iterators that walk by
    /// position: they step `pos` from 0 to `raw_len()` and skip `None`s of `entry_at`.
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at raw position `pos`.
    pub fn entry_at(&self, pos: usize) -> Option<Entry> {
        self.entries.get(pos).copied().filter(|e| !e.key.is_null())
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.used = 0;
        self.version += 1;
    }

    /// The last inserted live entry, removed (for `popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.last().copied() {
            if e.key.is_null() {
                self.entries.pop();
                continue;
            }
            let pos = self.entries.len() - 1;
            self.remove_at(pos);
            // `remove_at` may have compacted the entries, dropping the dead slot itself.
            if self.entries.len() == pos + 1 {
                self.entries.pop();
            }
            return Some((e.key, e.value));
        }
        None
    }

    fn probe(&self, key: Value, hash: i64) -> Probe {
        let mut ask = Vec::new();
        for &i in self.index.iter_hash(mix(hash)) {
            let e = &self.entries[i as usize];
            if e.hash != hash {
                continue;
            }
            match native_key_eq(e.key, key) {
                Some(true) => return Probe::Found(i as usize),
                Some(false) => {}
                None => ask.push(i as usize),
            }
        }
        if ask.is_empty() {
            Probe::Absent
        } else {
            Probe::Ask(ask)
        }
    }

    /// Lookup for keys whose equality is native (strs, ints, floats): no Python runs.
    /// Entries that would need `__eq__` are treated as unequal.
    pub fn get_native(&self, key: Value, hash: i64) -> Option<Value> {
        match self.probe(key, hash) {
            Probe::Found(i) => Some(self.entries[i].value),
            _ => None,
        }
    }

    /// Insert or overwrite for native-equality keys (see `get_native`).
    pub fn set_native(&mut self, key: Value, hash: i64, value: Value) {
        match self.probe(key, hash) {
            Probe::Found(i) => {
                crate::gc::barrier::payload_written_at(self, i);
                self.entries[i].value = value;
                self.version += 1;
            }
            _ => self.push_new(key, hash, value),
        }
    }

    /// Removal for native-equality keys; returns the removed value.
    pub fn del_native(&mut self, key: Value, hash: i64) -> Option<Value> {
        match self.probe(key, hash) {
            Probe::Found(i) => Some(self.remove_at(i).1),
            _ => None,
        }
    }

    /// Appends an entry for a key known to be absent.
    pub fn push_new(&mut self, key: Value, hash: i64, value: Value) {
        crate::gc::barrier::payload_written_at(self, self.entries.len());
        let pos = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index.insert_unique(mix(hash), pos, |&i| mix(entries[i as usize].hash));
        self.used += 1;
        self.version += 1;
    }

    /// Removes the live entry at raw position `pos`; returns its key and value.
    pub fn remove_at(&mut self, pos: usize) -> (Value, Value) {
        let e = self.entries[pos];
        debug_assert!(!e.key.is_null());
        if let Ok(entry) = self.index.find_entry(mix(e.hash), |&i| i as usize == pos) {
            entry.remove();
        }
        self.entries[pos].key = Value::NULL;
        self.entries[pos].value = Value::NULL;
        self.used -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.used * 2 < self.entries.len() {
            self.compact();
        }
        (e.key, e.value)
    }

    pub fn set_value_at(&mut self, pos: usize, value: Value) {
        crate::gc::barrier::payload_written_at(self, pos);
        self.entries[pos].value = value;
        self.version += 1;
    }

    fn compact(&mut self) {
        crate::gc::barrier::payload_written(self);
        self.entries.retain(|e| !e.key.is_null());
        self.index.clear();
        for (pos, e) in self.entries.iter().enumerate() {
            let entries = &self.entries;
            self.index.insert_unique(mix(e.hash), pos as u32, |&i| mix(entries[i as usize].hash));
        }
    }
}

/// Finds the raw position of `key`, calling `__eq__` where needed.
pub fn lookup(vm: &mut Vm, d: &RefCell<DictData>, key: Value, hash: i64) -> PyResult<Option<usize>> {
    loop {
        let (ask, version) = {
            let data = d.borrow();
            match data.probe(key, hash) {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Absent => return Ok(None),
                Probe::Ask(ask) => {
                    (ask.into_iter().map(|i| (i, data.entries[i].key)).collect::<Vec<_>>(), data.version)
                }
            }
        };
        let mut restarted = false;
        for (i, k) in ask {
            let eq = vm.eq(k, key)?;
            if d.borrow().version != version {
                restarted = true;
                break;
            }
            if eq {
                return Ok(Some(i));
            }
        }
        if !restarted {
            return Ok(None);
        }
    }
}

/// `d[key]`, or `None` when absent.
pub fn get(vm: &mut Vm, d: &RefCell<DictData>, key: Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    get_hashed(vm, d, key, hash)
}

pub fn get_hashed(vm: &mut Vm, d: &RefCell<DictData>, key: Value, hash: i64) -> PyResult<Option<Value>> {
    Ok(lookup(vm, d, key, hash)?.and_then(|i| d.borrow().entry_at(i).map(|e| e.value)))
}

/// `d[key] = value`.
pub fn set(vm: &mut Vm, d: &RefCell<DictData>, key: Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(key)?;
    set_hashed(vm, d, key, hash, value)
}

pub fn set_hashed(vm: &mut Vm, d: &RefCell<DictData>, key: Value, hash: i64, value: Value) -> PyResult<()> {
    match lookup(vm, d, key, hash)? {
        Some(i) => d.borrow_mut().set_value_at(i, value),
        None => d.borrow_mut().push_new(key, hash, value),
    }
    Ok(())
}

/// Removes `key`; returns the removed value, or `None` when absent (callers raise
/// `KeyError` as fits them).
pub fn del(vm: &mut Vm, d: &RefCell<DictData>, key: Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    Ok(lookup(vm, d, key, hash)?.map(|i| d.borrow_mut().remove_at(i).1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_insert_lookup_delete_keeps_order() {
        let mut d = DictData::new();
        for i in 0..100 {
            let k = Value::small_int(i).unwrap();
            d.set_native(k, i, Value::small_int(i * 10).unwrap());
        }
        for i in (0..100).step_by(3) {
            assert!(d.del_native(Value::small_int(i).unwrap(), i).is_some());
        }
        assert_eq!(d.len(), 66);
        let keys: Vec<i64> = d.keys().iter().map(|k| k.as_small_int().unwrap()).collect();
        let expect: Vec<i64> = (0..100).filter(|i| i % 3 != 0).collect();
        assert_eq!(keys, expect);
        assert_eq!(d.get_native(Value::small_int(5).unwrap(), 5), Some(Value::small_int(50).unwrap()));
        assert_eq!(d.get_native(Value::small_int(6).unwrap(), 6), None);
    }

    #[test]
    fn int_and_float_keys_are_equal() {
        let mut d = DictData::new();
        d.set_native(Value::small_int(1).unwrap(), 1, Value::NONE);
        assert_eq!(d.get_native(Value::float(1.0), 1), Some(Value::NONE));
    }
}
