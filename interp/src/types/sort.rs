//! `list.sort()` and `sorted()`: CPython's timsort, reproduced step for step.
//!
//! Why not Rust's `sort_by`: Python comparisons are user code. Which pairs get compared,
//! in what order, and where items end up when `__lt__` is inconsistent (NaNs, buggy
//! classes) or raises midway are all observable, and programs print them. Following
//! CPython 3.11's algorithm exactly (run detection, binary insertion up to `minrun`, the
//! powersort merge order, galloping with an adaptive `min_gallop`) makes every one of
//! those match. Only `<` is ever used, as in CPython.
//!
//! Items are sorted as (key, value) pairs; without a key function the key is the item.
//! On a Python exception the sort stops where it is and the array is left a permutation
//! of its input, which is what CPython leaves in the list too.

use std::cell::Cell;

use crate::cfg::CmpOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Item = (Value, Value);

/// `a < b` as Python decides it, with native answers for the common homogeneous cases.
fn islt(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Ok(x < y);
    }
    if let (Some(x), Some(y)) = (a.as_pystr(), b.as_pystr()) {
        let exact = a.obj().class.get().is(vm.types.str_) && b.obj().class.get().is(vm.types.str_);
        if exact {
            // UTF-8 byte order is code point order.
            return Ok(x.as_str() < y.as_str());
        }
    }
    let counted = !SAME_TYPE_KEYS.with(Cell::get);
    let r = crate::eval::ops::rich_compare_in(vm, CmpOp::Lt, a, b, counted)?;
    vm.truthy(r)
}

thread_local! {
    /// Whether the running sort's keys are all of one type (not tuple), so that, as in
    /// CPython's `unsafe_object_compare`, `__lt__` is called without the recursion level
    /// `PyObject_RichCompare` counts. Saved and restored around each sort (they nest when
    /// `__lt__` sorts).
    static SAME_TYPE_KEYS: Cell<bool> = const { Cell::new(false) };
}

const MIN_GALLOP: usize = 7;
const MAX_MINRUN: usize = 64;

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState {
    min_gallop: usize,
    listlen: usize,
    pending: Vec<Run>,
    tmp: Vec<Item>,
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MAX_MINRUN {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Length of the run at the start of `a`, and whether it is strictly descending.
fn count_run(vm: &mut Vm, a: &[Item]) -> PyResult<(usize, bool)> {
    if a.len() == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if islt(vm, a[1].0, a[0].0)? {
        while n < a.len() && islt(vm, a[n].0, a[n - 1].0)? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while n < a.len() && !islt(vm, a[n].0, a[n - 1].0)? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// Binary insertion sort of `a`, whose first `start` items are already sorted.
fn binarysort(vm: &mut Vm, a: &mut [Item], mut start: usize) -> PyResult<()> {
    if start == 0 {
        start = 1;
    }
    while start < a.len() {
        let pivot = a[start];
        let (mut l, mut r) = (0, start);
        loop {
            let p = l + ((r - l) >> 1);
            if islt(vm, pivot.0, a[p].0)? {
                r = p;
            } else {
                l = p + 1;
            }
            if l >= r {
                break;
            }
        }
        a.copy_within(l..start, l + 1);
        a[l] = pivot;
        start += 1;
    }
    Ok(())
}

/// The k in 0..=n with a[k-1] < key <= a[k], searched from `hint`.
fn gallop_left(vm: &mut Vm, key: Value, a: &[Item], hint: usize) -> PyResult<usize> {
    let n = a.len();
    let mut lastofs: isize;
    let mut ofs: isize;
    if islt(vm, a[hint].0, key)? {
        // a[hint] < key: gallop right.
        let maxofs = (n - hint) as isize;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if islt(vm, a[hint + ofs as usize].0, key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint as isize;
        ofs += hint as isize;
    } else {
        // key <= a[hint]: gallop left.
        let maxofs = hint as isize + 1;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if islt(vm, a[hint - ofs as usize].0, key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint as isize - ofs;
        ofs = hint as isize - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if islt(vm, a[m as usize].0, key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// The k in 0..=n with a[k-1] <= key < a[k], searched from `hint`.
fn gallop_right(vm: &mut Vm, key: Value, a: &[Item], hint: usize) -> PyResult<usize> {
    let n = a.len();
    let mut lastofs: isize;
    let mut ofs: isize;
    if islt(vm, key, a[hint].0)? {
        // key < a[hint]: gallop left.
        let maxofs = hint as isize + 1;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if islt(vm, key, a[hint - ofs as usize].0)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint as isize - ofs;
        ofs = hint as isize - k;
    } else {
        // a[hint] <= key: gallop right.
        let maxofs = (n - hint) as isize;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if islt(vm, key, a[hint + ofs as usize].0)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint as isize;
        ofs += hint as isize;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if islt(vm, key, a[m as usize].0)? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

/// The node "power" of the run boundary between a run at `s1` of length `n1` and the
/// following run of length `n2` (Munro and Wild's powersort).
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// How a merge loop ended.
enum End {
    Succeed,
    /// merge_lo: one item of A left, it goes last. merge_hi: one item of B, it goes first.
    CopyRest,
}

impl MergeState {
    /// Merges the `na` items at `pa` with the `nb` items after them; na <= nb, and
    /// a[pa] > b[0] and a[last] > b[last] already hold.
    fn merge_lo(&mut self, vm: &mut Vm, v: &mut [Item], pa: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&v[pa..pa + na]);
        let mut ia = 0; // into tmp
        let mut ib = pa + na; // into v
        let mut d = pa; // into v
        let mut min_gallop = self.min_gallop;

        let r: PyResult<End> = (|| {
            v[d] = v[ib];
            d += 1;
            ib += 1;
            nb -= 1;
            if nb == 0 {
                return Ok(End::Succeed);
            }
            if na == 1 {
                return Ok(End::CopyRest);
            }
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                // Straightforward merging until one run wins consistently.
                loop {
                    if islt(vm, v[ib].0, self.tmp[ia].0)? {
                        v[d] = v[ib];
                        d += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(End::Succeed);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        v[d] = self.tmp[ia];
                        d += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(End::CopyRest);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                // Galloping.
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = gallop_right(vm, v[ib].0, &self.tmp[ia..ia + na], 0)?;
                    acount = k;
                    if k > 0 {
                        v[d..d + k].copy_from_slice(&self.tmp[ia..ia + k]);
                        d += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            return Ok(End::CopyRest);
                        }
                        // Possible only with an inconsistent comparison.
                        if na == 0 {
                            return Ok(End::Succeed);
                        }
                    }
                    v[d] = v[ib];
                    d += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(End::Succeed);
                    }
                    let k = gallop_left(vm, self.tmp[ia].0, &v[ib..ib + nb], 0)?;
                    bcount = k;
                    if k > 0 {
                        v.copy_within(ib..ib + k, d);
                        d += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(End::Succeed);
                        }
                    }
                    v[d] = self.tmp[ia];
                    d += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(End::CopyRest);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match r {
            Ok(End::CopyRest) => {
                v.copy_within(ib..ib + nb, d);
                v[d + nb] = self.tmp[ia];
                Ok(())
            }
            Ok(End::Succeed) | Err(_) => {
                if na > 0 {
                    v[d..d + na].copy_from_slice(&self.tmp[ia..ia + na]);
                }
                r.map(|_| ())
            }
        }
    }

    /// Like `merge_lo`, merging from the right end; na >= nb.
    fn merge_hi(&mut self, vm: &mut Vm, v: &mut [Item], pa: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
        let pb = pa + na;
        self.tmp.clear();
        self.tmp.extend_from_slice(&v[pb..pb + nb]);
        // Cursors point at the last unmerged item of each run and the last free slot.
        let mut d = (pb + nb - 1) as isize;
        let mut ia = (pa + na - 1) as isize; // into v
        let mut ib = (nb - 1) as isize; // into tmp
        let mut min_gallop = self.min_gallop;

        let r: PyResult<End> = (|| {
            v[d as usize] = v[ia as usize];
            d -= 1;
            ia -= 1;
            na -= 1;
            if na == 0 {
                return Ok(End::Succeed);
            }
            if nb == 1 {
                return Ok(End::CopyRest);
            }
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    if islt(vm, self.tmp[ib as usize].0, v[ia as usize].0)? {
                        v[d as usize] = v[ia as usize];
                        d -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(End::Succeed);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        v[d as usize] = self.tmp[ib as usize];
                        d -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(End::CopyRest);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = gallop_right(vm, self.tmp[ib as usize].0, &v[pa..pa + na], na - 1)?;
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        d -= k as isize;
                        ia -= k as isize;
                        let (src, dst) = ((ia + 1) as usize, (d + 1) as usize);
                        v.copy_within(src..src + k, dst);
                        na -= k;
                        if na == 0 {
                            return Ok(End::Succeed);
                        }
                    }
                    v[d as usize] = self.tmp[ib as usize];
                    d -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(End::CopyRest);
                    }
                    let k = gallop_left(vm, v[ia as usize].0, &self.tmp[0..nb], nb - 1)?;
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        d -= k as isize;
                        ib -= k as isize;
                        let (src, dst) = ((ib + 1) as usize, (d + 1) as usize);
                        v[dst..dst + k].copy_from_slice(&self.tmp[src..src + k]);
                        nb -= k;
                        if nb == 1 {
                            return Ok(End::CopyRest);
                        }
                        // Possible only with an inconsistent comparison.
                        if nb == 0 {
                            return Ok(End::Succeed);
                        }
                    }
                    v[d as usize] = v[ia as usize];
                    d -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        return Ok(End::Succeed);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match r {
            Ok(End::CopyRest) => {
                // The first item of B goes before everything left of A.
                let dst = (d + 1) as usize - na;
                let src = (ia + 1) as usize - na;
                v.copy_within(src..src + na, dst);
                v[dst - 1] = self.tmp[ib as usize];
                Ok(())
            }
            Ok(End::Succeed) | Err(_) => {
                if nb > 0 {
                    let dst = (d + 1) as usize - nb;
                    v[dst..dst + nb].copy_from_slice(&self.tmp[0..nb]);
                }
                r.map(|_| ())
            }
        }
    }

    /// Merges pending runs i and i+1.
    fn merge_at(&mut self, vm: &mut Vm, v: &mut [Item], i: usize) -> PyResult<()> {
        let a = self.pending[i];
        let b = self.pending[i + 1];
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        // Items of A already <= B's first stay where they are.
        let k = gallop_right(vm, v[b.base].0, &v[a.base..a.base + a.len], 0)?;
        let pa = a.base + k;
        let na = a.len - k;
        if na == 0 {
            return Ok(());
        }
        // Items of B already >= A's last stay too.
        let nb = gallop_left(vm, v[pa + na - 1].0, &v[b.base..b.base + b.len], b.len - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(vm, v, pa, na, nb)
        } else {
            self.merge_hi(vm, v, pa, na, nb)
        }
    }

    /// Merges as the powersort invariant demands before pushing a new run of `n2` items.
    fn found_new_run(&mut self, vm: &mut Vm, v: &mut [Item], n2: usize) -> PyResult<()> {
        if let Some(top) = self.pending.last().copied() {
            let power = powerloop(top.base, top.len, n2, self.listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                let i = self.pending.len() - 2;
                self.merge_at(vm, v, i)?;
            }
            if let Some(t) = self.pending.last_mut() {
                t.power = power;
            }
        }
        Ok(())
    }

    fn force_collapse(&mut self, vm: &mut Vm, v: &mut [Item]) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(vm, v, n)?;
        }
        Ok(())
    }
}

/// Stable-sorts `v` by the keys (`.0`) with Python `<`.
fn timsort(vm: &mut Vm, v: &mut [Item]) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState { min_gallop: MIN_GALLOP, listlen: n, pending: Vec::new(), tmp: Vec::new() };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = count_run(vm, &v[lo..lo + remaining])?;
        if descending {
            v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            binarysort(vm, &mut v[lo..lo + force], run)?;
            run = force;
        }
        ms.found_new_run(vm, v, run)?;
        ms.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
        remaining -= run;
    }
    ms.force_collapse(vm, v)
}

/// Builds the (key, item) pairs. Every key is also pushed onto the `roots` list object:
/// while Python code runs (key functions, `__lt__`), the keys and items live only in Rust
/// vectors, and a list held in a local `Value` is what keeps them visible to the
/// collector.
fn keyed(vm: &mut Vm, items: &[Value], key: Value, roots: Value) -> PyResult<Vec<Item>> {
    if key.is_none() || key.is_null() {
        return Ok(items.iter().map(|&x| (x, x)).collect());
    }
    let mut out = Vec::with_capacity(items.len());
    for &x in items {
        let k = vm.call(key, &[x], &[])?;
        if let Some(r) = roots.as_list() {
            r.borrow_mut().push(k);
        }
        out.push((k, x));
    }
    Ok(out)
}

fn sort_pairs(vm: &mut Vm, pairs: &mut [Item], reverse: bool) -> PyResult<()> {
    // Reversing before and after a stable sort keeps equal items in their original order.
    if reverse {
        pairs.reverse();
    }
    let first = pairs.first().map(|p| vm.type_of(p.0));
    let same = first.is_some_and(|t| !t.is(vm.types.tuple) && pairs.iter().all(|p| vm.type_of(p.0).is(t)));
    let saved = SAME_TYPE_KEYS.with(|c| c.replace(same));
    let r = timsort(vm, pairs);
    SAME_TYPE_KEYS.with(|c| c.set(saved));
    if reverse {
        pairs.reverse();
    }
    r
}

/// Sorts `items` in place like `sorted()`: `key` is None/NULL or a callable, and equal
/// items keep their order (also with `reverse`). On an exception `items` holds some
/// permutation of its input.
pub fn sort_values(vm: &mut Vm, items: &mut [Value], key: Value, reverse: bool) -> PyResult<()> {
    let roots = vm.new_list(items.to_vec());
    let mut pairs = keyed(vm, items, key, roots)?;
    let r = sort_pairs(vm, &mut pairs, reverse);
    std::hint::black_box(roots);
    for (slot, p) in items.iter_mut().zip(pairs) {
        *slot = p.1;
    }
    r
}

/// `list.sort(key=key, reverse=reverse)` on a list object. While sorting, the list looks
/// empty to Python code; changing it meanwhile raises "list modified during sort".
pub fn sort_list(vm: &mut Vm, list: Value, key: Value, reverse: bool) -> PyResult<()> {
    let Some(cell) = list.as_list() else {
        return Err(vm.type_error("sort_list on a non-list"));
    };
    let saved = std::mem::take(&mut *cell.borrow_mut());
    // The list looks empty now; `roots` keeps its items (and the keys) alive.
    let roots = vm.new_list(saved.clone());
    let mut pairs = match keyed(vm, &saved, key, roots) {
        Ok(p) => p,
        Err(e) => {
            let _ = std::mem::replace(&mut *cell.borrow_mut(), saved);
            return Err(e);
        }
    };
    let r = sort_pairs(vm, &mut pairs, reverse);
    std::hint::black_box(roots);
    // A list that was appended to (even if emptied again) has a buffer now.
    let modified = {
        let cur = cell.borrow();
        !cur.is_empty() || cur.capacity() != 0
    };
    let mut items = saved;
    for (slot, p) in items.iter_mut().zip(pairs) {
        *slot = p.1;
    }
    let _ = std::mem::replace(&mut *cell.borrow_mut(), items);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::small_int(i).unwrap()
    }

    /// A deterministic pseudo-random sequence (xorshift).
    fn pseudo_random(n: usize, modulo: i64, seed: u64) -> Vec<i64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % modulo as u64) as i64
            })
            .collect()
    }

    #[test]
    fn sorts_and_is_stable() {
        let mut vm = Vm::new();
        for (n, m) in [(0, 1), (1, 5), (10, 3), (63, 10), (64, 10), (65, 7), (500, 20), (3000, 50), (20000, 1000)] {
            let keys = pseudo_random(n, m, 0x9E37_79B9_7F4A_7C15 ^ n as u64);
            // Values carry the original positions so stability can be checked.
            let mut pairs: Vec<Item> = keys.iter().enumerate().map(|(i, &k)| (int(k), int(i as i64))).collect();
            timsort(&mut vm, &mut pairs).unwrap();
            let mut expect: Vec<(i64, i64)> = keys.iter().enumerate().map(|(i, &k)| (k, i as i64)).collect();
            expect.sort_by_key(|p| p.0);
            let got: Vec<(i64, i64)> =
                pairs.iter().map(|p| (p.0.as_small_int().unwrap(), p.1.as_small_int().unwrap())).collect();
            assert_eq!(got, expect, "n={n} m={m}");
        }
    }

    #[test]
    fn structured_inputs() {
        let mut vm = Vm::new();
        let n = 5000i64;
        let shapes: Vec<Vec<i64>> = vec![
            (0..n).collect(),
            (0..n).rev().collect(),
            (0..n).map(|i| i % 7).collect(),
            (0..n).map(|i| if i < n / 2 { i } else { n - i }).collect(),
            (0..n).map(|i| (i * 7919) % 1000 + if i % 100 == 0 { 5000 } else { 0 }).collect(),
        ];
        for keys in shapes {
            let mut pairs: Vec<Item> = keys.iter().enumerate().map(|(i, &k)| (int(k), int(i as i64))).collect();
            timsort(&mut vm, &mut pairs).unwrap();
            let mut expect: Vec<(i64, i64)> = keys.iter().enumerate().map(|(i, &k)| (k, i as i64)).collect();
            expect.sort_by_key(|p| p.0);
            let got: Vec<(i64, i64)> =
                pairs.iter().map(|p| (p.0.as_small_int().unwrap(), p.1.as_small_int().unwrap())).collect();
            assert_eq!(got, expect);
        }
    }

    #[test]
    fn reverse_keeps_equal_items_in_order() {
        let mut vm = Vm::new();
        let keys = [3, 1, 3, 2, 1, 3];
        let mut pairs: Vec<Item> = keys.iter().enumerate().map(|(i, &k)| (int(k), int(i as i64))).collect();
        sort_pairs(&mut vm, &mut pairs, true).unwrap();
        let got: Vec<i64> = pairs.iter().map(|p| p.1.as_small_int().unwrap()).collect();
        assert_eq!(got, vec![0, 2, 5, 3, 1, 4]);
    }

    #[test]
    fn minrun_matches_cpython() {
        assert_eq!(compute_minrun(63), 63);
        assert_eq!(compute_minrun(64), 32);
        assert_eq!(compute_minrun(65), 33);
        assert_eq!(compute_minrun(2112), 33);
    }
}
