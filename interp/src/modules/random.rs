//! `_random`: the `Random` base class of `random.Random`, a Mersenne Twister (MT19937)
//! seeded exactly like CPython's, so `random.seed(n)` yields CPython's sequences through
//! the library's own `random.py`.

use std::cell::RefCell;
use std::io::Read;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{new_class, set, this};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words and the position of the next one.
pub struct Mt {
    pub state: [u32; N],
    pub index: usize,
}

impl Mt {
    pub fn new() -> Mt {
        let mut m = Mt { state: [0; N], index: N + 1 };
        m.init_genrand(5489);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Seeds from a key of 32-bit words (the reference `init_by_array`).
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        let mut k = N.max(len);
        while k > 0 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            let kj = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_664_525)).wrapping_add(kj).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
    }

    /// The next 32-bit output.
    pub fn genrand_u32(&mut self) -> u32 {
        let mag01 = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Seeds from a non-negative integer: its 32-bit chunks, least significant first.
    pub fn seed_bigint(&mut self, n: &BigInt) {
        let mag = n.magnitude();
        let mut key: Vec<u32> = mag.to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }
}

impl Default for Mt {
    fn default() -> Self {
        Mt::new()
    }
}

/// Bytes of OS entropy, or None when /dev/urandom is unavailable.
pub fn os_random_bytes(n: usize) -> Option<Vec<u8>> {
    let mut f = std::fs::File::open("/dev/urandom").ok()?;
    let mut buf = vec![0u8; n];
    f.read_exact(&mut buf).ok()?;
    Some(buf)
}

pub struct RandomState {
    pub mt: RefCell<Mt>,
}
impl_native!(RandomState, |s, visit| {});

const OWNER: &str = "_random.Random";

fn random_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if cls.is(random_class(vm)) && !kw.is_empty() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let obj = vm.new_native(cls, RandomState { mt: RefCell::new(Mt::new()) });
    Ok(obj)
}

fn random_class(vm: &Vm) -> Value {
    vm.state.borrow().get("_random.Random").copied().unwrap_or(Value::NULL)
}

fn random_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<RandomState>(vm, args, "__init__", OWNER)?;
    let ty = vm.type_of(args[0]);
    if ty.is(random_class(vm)) && !kw.is_empty() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed_impl(vm, r, args.get(1).copied().unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

fn seed_impl(vm: &mut Vm, r: &RandomState, arg: Value) -> PyResult<()> {
    if arg.is_none() || arg.is_null() {
        let key: Vec<u32> = match os_random_bytes(N * 4) {
            Some(b) => b.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
            None => {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                let pid = std::process::id();
                vec![t as u32, (t >> 32) as u32, (t >> 64) as u32, pid]
            }
        };
        r.mt.borrow_mut().init_by_array(&key);
        return Ok(());
    }
    let n: BigInt = match vm.int_value(arg) {
        Some(i) => i.abs(),
        None => {
            let h = vm.hash(arg)?;
            BigInt::from(h as u64)
        }
    };
    r.mt.borrow_mut().seed_bigint(&n);
    Ok(())
}

fn random_seed(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<RandomState>(vm, args, "seed", OWNER)?;
    super::nargs(vm, "seed", &args[1..], kw, 0, 1)?;
    seed_impl(vm, r, args.get(1).copied().unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

fn random_random(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<RandomState>(vm, args, "random", OWNER)?;
    super::nargs(vm, "random", &args[1..], kw, 0, 0)?;
    let x = r.mt.borrow_mut().random();
    Ok(Value::float(x))
}

fn random_getrandbits(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<RandomState>(vm, args, "getrandbits", OWNER)?;
    super::nargs(vm, "getrandbits", &args[1..], kw, 1, 1)?;
    let kv = args[1];
    if vm.int_value(kv).is_none() {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_tp_name(kv))));
    }
    let k = match vm.int_value(kv).and_then(|b| b.to_i64()) {
        Some(k) => k,
        None => return Err(vm.overflow_error("Python int too large to convert to C int")),
    };
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as i64 {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    let mut mt = r.mt.borrow_mut();
    if k <= 32 {
        let v = mt.genrand_u32() >> (32 - k);
        drop(mt);
        return Ok(vm.new_int(v as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut digits = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut w = mt.genrand_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        digits.push(w);
        left -= 32;
    }
    drop(mt);
    Ok(vm.new_bigint(BigInt::from_slice(Sign::Plus, &digits)))
}

fn random_getstate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<RandomState>(vm, args, "getstate", OWNER)?;
    super::nargs(vm, "getstate", &args[1..], kw, 0, 0)?;
    let mt = r.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| vm.new_int(w as i64)).collect();
    items.push(vm.new_int(mt.index as i64));
    drop(mt);
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<RandomState>(vm, args, "setstate", OWNER)?;
    super::nargs(vm, "setstate", &args[1..], kw, 1, 1)?;
    let Some(t) = args[1].as_tuple() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if t.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (i, &v) in t[..N].iter().enumerate() {
        let Some(b) = vm.int_value(v) else {
            return Err(vm.type_error("an integer is required"));
        };
        if b.is_negative() {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let Some(w) = b.to_u64() else {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        };
        state[i] = w as u32;
    }
    let Some(idx) = vm.int_value(t[N]) else {
        return Err(vm.type_error("an integer is required"));
    };
    let idx = idx.to_i64().unwrap_or(-1);
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.value_error("invalid state"));
    }
    let mut mt = r.mt.borrow_mut();
    mt.state = state;
    mt.index = idx as usize;
    Ok(Value::NONE)
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = vm.new_module("_random");
    let c = new_class(vm, "_random", "Random", vm.types.object, Layout::Other, class_flags::BASETYPE);
    vm.add_staticmethod(c, "__new__", random_new);
    vm.add_method(c, "__init__", random_init);
    vm.add_method(c, "seed", random_seed);
    vm.add_method(c, "random", random_random);
    vm.add_method(c, "getrandbits", random_getrandbits);
    vm.add_method(c, "getstate", random_getstate);
    vm.add_method(c, "setstate", random_setstate);
    let doc = vm.new_str("Random() -> create a random number generator with its own internal state.");
    set(vm, c, "__doc__", doc);
    set(vm, m, "Random", c);
    vm.state.borrow_mut().insert("_random.Random", c);
    Ok(m)
}
