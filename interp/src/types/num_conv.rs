//! Exact numeric conversions and CPython's numeric hash.
//!
//! Python promises that mixed int/float arithmetic behaves as if computed exactly and
//! rounded once: `int / int` is the correctly rounded quotient even for ints far beyond
//! 2**53, `float(n)` rounds a big int to nearest-even, and `1 == 1.0` compares exactly
//! (so `2**53 + 1 != float(2**53 + 1)`). All of that funnels through one primitive here,
//! [`round_parts`], which rounds `m × 2**e` (plus a sticky bit standing for any nonzero
//! bits already dropped below `m`) to the nearest double, ties to even, handling the
//! subnormal range in the same single rounding step so there is never double rounding.
//!
//! Numeric hashing follows CPython exactly so that `hash(1) == hash(1.0) == hash(1+0j)`
//! and dict/set behaviour (including iteration order of sets) matches: a rational `x`
//! hashes to `x mod P` with `P = 2**61 - 1`, carrying the sign, with `-1` mapped to `-2`.
//! Because `2**61 ≡ 1 (mod P)`, multiplying by `2**e` is a rotation by `e mod 61`.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// Bits of the numeric hash modulus.
pub const HASH_BITS: u32 = 61;
/// `P = 2**61 - 1`, the prime every numeric hash is reduced by.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `hash(float('inf'))`.
pub const HASH_INF: i64 = 314_159;
/// Multiplier of the imaginary part in `hash(complex)`.
pub const HASH_IMAG: u64 = 1_000_003;

/// Maps the reserved hash value -1 to -2, as every CPython hash does.
#[inline]
pub fn fix_hash(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(i)` for an int that fits an i64.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    fix_hash(if i < 0 { -m } else { m })
}

/// `hash(n)` for a big int.
pub fn hash_bigint(n: &BigInt) -> i64 {
    let m = (n.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0) as i64;
    fix_hash(if n.sign() == Sign::Minus { -m } else { m })
}

/// `hash(x)` for a float. NaN hashes by object identity in CPython 3.10+; inline floats
/// have no identity, so every NaN hashes to 0 (still consistent: NaN != NaN anyway).
pub fn hash_f64(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    let (neg, m, e) = decompose(x);
    // m < 2**53 < P, so m mod P is m; then multiply by 2**e mod P.
    let rot = e.rem_euclid(HASH_BITS as i32) as u32;
    let h = (((m as u128) << rot) % HASH_MODULUS as u128) as i64;
    fix_hash(if neg { -h } else { h })
}

/// `hash(complex(re, im))`: CPython combines the part hashes in unsigned arithmetic.
pub fn hash_complex(re: f64, im: f64) -> i64 {
    let hr = hash_f64(re) as u64;
    let hi = hash_f64(im) as u64;
    fix_hash(hr.wrapping_add(HASH_IMAG.wrapping_mul(hi)) as i64)
}

/// Splits a finite nonzero-or-zero float into (negative, m, e) with `|x| = m × 2**e`
/// exactly, `m < 2**53`.
pub fn decompose(x: f64) -> (bool, u64, i32) {
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    if exp_bits == 0 {
        (neg, frac, -1074)
    } else {
        (neg, frac | (1 << 52), exp_bits - 1075)
    }
}

/// The exact power of two `2**k` for `-1074 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    debug_assert!((-1074..=1023).contains(&k));
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// Rounds `m × 2**e` to the nearest double, ties to even; `sticky` says that nonzero bits
/// below `m`'s last bit were already discarded (the true value is slightly above
/// `m × 2**e`). When `sticky` is set, `m` must carry at least two bits below the final
/// rounding position, which holds whenever it has 55 or more significant bits. Returns
/// `None` when the result overflows the double range. The result is nonnegative.
pub fn round_parts(m: u64, e: i64, sticky: bool) -> Option<f64> {
    if m == 0 {
        return Some(0.0);
    }
    let nb = 64 - m.leading_zeros() as i64;
    let top = nb - 1 + e;
    if top > 1023 {
        return None;
    }
    if top < -1076 {
        // Below half the smallest subnormal: rounds to zero.
        return Some(0.0);
    }
    let ulp_exp = (top - 52).max(-1074);
    let drop = ulp_exp - e;
    let q = if drop <= 0 {
        // Exact: m fits the significand at this exponent.
        return Some(m as f64 * pow2(e));
    } else if drop >= 64 {
        // Everything is below the rounding point; m < 2**64 <= half an ulp unless
        // drop == 64 exactly, where half an ulp is 2**63.
        let half_up = drop == 64 && (m > 1 << 63 || (m == 1 << 63 && sticky));
        u64::from(half_up)
    } else {
        let q = m >> drop;
        let rem = m & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        if rem > half || (rem == half && (sticky || q & 1 == 1)) {
            q + 1
        } else {
            q
        }
    };
    // q <= 2**53, exactly representable; the product is exact unless it overflows.
    let r = q as f64 * pow2(ulp_exp);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// `float(n)` for a big int, correctly rounded; `None` on overflow.
pub fn biguint_to_f64(n: &BigUint) -> Option<f64> {
    let bits = n.bits();
    if bits <= 64 {
        return Some(n.to_u64().unwrap_or(0) as f64);
    }
    let shift = bits - 64;
    let m = (n >> shift).to_u64().unwrap_or(0);
    let sticky = n.trailing_zeros().is_some_and(|tz| tz < shift);
    round_parts(m, shift as i64, sticky)
}

/// `float(n)` for a signed big int, correctly rounded; `None` on overflow.
pub fn bigint_to_f64(n: &BigInt) -> Option<f64> {
    let f = biguint_to_f64(n.magnitude())?;
    Some(if n.sign() == Sign::Minus { -f } else { f })
}

/// The correctly rounded value of `a / b` for `b != 0`; `None` on overflow.
pub fn ratio_to_f64(a: &BigUint, b: &BigUint) -> Option<f64> {
    if a.is_zero() {
        return Some(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(0.0);
    }
    // Scale so the integer quotient has 63 or 64 bits: enough to round with.
    let s = diff - 63;
    let (q, r) = if s >= 0 { a.div_rem(&(b << s as u64)) } else { (a << (-s) as u64).div_rem(b) };
    round_parts(q.to_u64().unwrap_or(u64::MAX), s, !r.is_zero())
}

/// Signed `a / b` correctly rounded (b != 0); `None` on overflow.
pub fn bigint_ratio_to_f64(a: &BigInt, b: &BigInt) -> Option<f64> {
    let f = ratio_to_f64(a.magnitude(), b.magnitude())?;
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    Some(if neg { -f } else { f })
}

/// The integer part of a finite float (truncation toward zero).
pub fn f64_trunc_to_bigint(x: f64) -> BigInt {
    let (neg, m, e) = decompose(x);
    let mag = if e >= 0 {
        BigUint::from(m) << e as u64
    } else if e > -64 {
        BigUint::from(m >> (-e) as u64)
    } else {
        BigUint::zero()
    };
    BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, mag)
}

/// `x.as_integer_ratio()` for a finite float, in lowest terms.
pub fn f64_as_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::zero(), BigInt::one());
    }
    let (neg, mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros() as i32;
    m >>= tz;
    e += tz;
    let sign = if neg { Sign::Minus } else { Sign::Plus };
    if e >= 0 {
        (BigInt::from_biguint(sign, BigUint::from(m) << e as u64), BigInt::one())
    } else {
        (BigInt::from_biguint(sign, BigUint::from(m)), BigInt::one() << (-e) as u64)
    }
}

/// Exact ordering of an int (given as i64) and a float; `None` when `x` is NaN.
pub fn cmp_i64_f64(i: i64, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if i.unsigned_abs() <= 1 << 53 {
        return (i as f64).partial_cmp(&x);
    }
    // |i| > 2**53: compare with the float's integer part, then its fraction.
    const TWO_63: f64 = (1u64 << 63) as f64;
    if x >= TWO_63 {
        return Some(Ordering::Less);
    }
    if x < -TWO_63 {
        return Some(Ordering::Greater);
    }
    let t = x.trunc();
    match i.cmp(&(t as i64)) {
        Ordering::Equal => 0.0.partial_cmp(&(x - t)),
        o => Some(o),
    }
}

/// Exact ordering of a big int and a float; `None` when `x` is NaN.
pub fn cmp_bigint_f64(n: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let t = x.trunc();
    match n.cmp(&f64_trunc_to_bigint(t)) {
        Ordering::Equal => 0.0.partial_cmp(&(x - t)),
        o => Some(o),
    }
}

/// `10**k` as a big unsigned int.
pub fn pow10(k: u32) -> BigUint {
    BigUint::from(10u32).pow(k)
}

/// Rounds `num / den` to the nearest integer, ties to even (den > 0).
pub fn div_round_half_even(num: &BigUint, den: &BigUint) -> BigUint {
    let (q, r) = num.div_rem(den);
    let twice: BigUint = r << 1u32;
    match twice.cmp(den) {
        Ordering::Greater => q + 1u32,
        Ordering::Equal if q.bit(0) => q + 1u32,
        _ => q,
    }
}

/// `round(x, nd)` for a finite float, correctly rounded like CPython (which rounds the
/// exact binary value half-to-even at decimal digit `nd`, then converts back with
/// correct rounding). `None` when the result is too large for a float.
pub fn round_f64_digits(x: f64, nd: i64) -> Option<f64> {
    // Beyond these, rounding cannot change a double / always gives zero (CPython's
    // NDIGITS_MAX and NDIGITS_MIN).
    if !x.is_finite() || x == 0.0 || nd > 323 {
        return Some(x);
    }
    if nd < -308 {
        return Some(0.0 * x);
    }
    let (neg, m, e) = decompose(x);
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    let p = pow10(nd.unsigned_abs() as u32);
    if nd >= 0 {
        num *= &p;
    } else {
        den *= &p;
    }
    let k = div_round_half_even(&num, &den);
    let r = if nd >= 0 { ratio_to_f64(&k, &p)? } else { biguint_to_f64(&(k * p))? };
    Some(if neg { -r } else { r })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64((1 << 61) - 1), 0);
        assert_eq!(hash_i64(-(1 << 61)), -2);
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(-0.5), -1152921504606846976);
        assert_eq!(hash_f64(1e100), 1822893315824342674);
        assert_eq!(hash_f64(f64::INFINITY), 314159);
        assert_eq!(hash_f64(2.0), 2);
        assert_eq!(hash_complex(1.0, 2.0), 2000007);
        assert_eq!(hash_complex(0.0, 1.5), 3458764513821540931);
        // python3.11 -c "print(hash(10**30), hash(-10**30), hash(2**64))"
        assert_eq!(hash_bigint(&big("1000000000000000000000000000000")), 465258685558744706);
        assert_eq!(hash_bigint(&big("-1000000000000000000000000000000")), -465258685558744706);
        assert_eq!(hash_bigint(&big("18446744073709551616")), 8);
    }

    #[test]
    fn big_to_float_rounds_correctly() {
        // 2**53 + 1 is a tie between 2**53 and 2**53 + 2: rounds to even.
        assert_eq!(bigint_to_f64(&big("9007199254740993")), Some(9007199254740992.0));
        assert_eq!(bigint_to_f64(&big("9007199254740995")), Some(9007199254740996.0));
        // Just above the tie (sticky bit far below) rounds up.
        let n: BigInt = (BigInt::from(1) << 100u32) + (BigInt::from(1) << 47u32) + 1;
        assert_eq!(bigint_to_f64(&n), Some(2f64.powi(100) + 2f64.powi(48)));
        let max = (BigInt::from(1) << 1024u32) - (BigInt::from(1) << 970u32);
        assert_eq!(bigint_to_f64(&(&max - 1)), Some(f64::MAX));
        assert_eq!(bigint_to_f64(&max), None);
        assert_eq!(bigint_to_f64(&-big("12345")), Some(-12345.0));
    }

    #[test]
    fn ratios_round_correctly() {
        let r = |a: &str, b: &str| bigint_ratio_to_f64(&big(a), &big(b));
        assert_eq!(r("1", "3"), Some(1.0 / 3.0));
        assert_eq!(r("-7", "2"), Some(-3.5));
        let ten400 = BigInt::from(10).pow(400);
        let ten399 = BigInt::from(10).pow(399);
        assert_eq!(bigint_ratio_to_f64(&ten400, &ten399), Some(10.0));
        assert_eq!(bigint_ratio_to_f64(&BigInt::from(1), &ten400), Some(0.0));
        assert_eq!(bigint_ratio_to_f64(&ten400, &BigInt::from(1)), None);
        // Subnormal results: 1 / 2**1074 is the smallest subnormal; 3 / 2**1075 ties to 2**-1073.
        assert_eq!(bigint_ratio_to_f64(&BigInt::from(1), &(BigInt::from(1) << 1074u32)), Some(5e-324));
        assert_eq!(bigint_ratio_to_f64(&BigInt::from(3), &(BigInt::from(1) << 1075u32)), Some(1e-323));
        assert_eq!(bigint_ratio_to_f64(&BigInt::from(1), &(BigInt::from(1) << 1075u32)), Some(0.0));
        // python3.11 -c "print(repr(10**30 / 7))"
        assert_eq!(bigint_ratio_to_f64(&BigInt::from(10).pow(30), &BigInt::from(7)), Some(1.4285714285714285e29));
    }

    #[test]
    fn float_rounding_to_digits() {
        assert_eq!(round_f64_digits(2.675, 2), Some(2.67));
        assert_eq!(round_f64_digits(0.125, 2), Some(0.12));
        assert_eq!(round_f64_digits(0.375, 2), Some(0.38));
        assert_eq!(round_f64_digits(12345.678, -2), Some(12300.0));
        assert_eq!(round_f64_digits(1e308, -308), Some(1e308));
        assert_eq!(round_f64_digits(1.7976931348623157e308, -307), None);
        assert_eq!(round_f64_digits(5e-324, 400), Some(5e-324));
        assert!(round_f64_digits(-0.4, 0).unwrap().is_sign_negative());
        assert_eq!(round_f64_digits(2.5, 0), Some(2.0));
        assert_eq!(round_f64_digits(-2.5, 0), Some(-2.0));
    }

    #[test]
    fn exact_comparisons() {
        assert_eq!(cmp_i64_f64(1, 1.0), Some(Ordering::Equal));
        assert_eq!(cmp_i64_f64((1 << 53) + 1, 9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(cmp_i64_f64(i64::MAX, i64::MAX as f64), Some(Ordering::Less));
        assert_eq!(cmp_i64_f64(3, f64::NAN), None);
        let n = (BigInt::from(1) << 60u32) + 1;
        assert_eq!(cmp_bigint_f64(&n, 2f64.powi(60)), Some(Ordering::Greater));
        assert_eq!(cmp_bigint_f64(&-n, -(2f64.powi(60))), Some(Ordering::Less));
        assert_eq!(cmp_bigint_f64(&big("5"), 5.5), Some(Ordering::Less));
        assert_eq!(cmp_bigint_f64(&big("-5"), -5.5), Some(Ordering::Greater));
        assert_eq!(cmp_bigint_f64(&big("5"), f64::INFINITY), Some(Ordering::Less));
    }

    #[test]
    fn ratio_of_floats() {
        assert_eq!(f64_as_ratio(1.5), (big("3"), big("2")));
        assert_eq!(f64_as_ratio(-0.75), (big("-3"), big("4")));
        assert_eq!(f64_as_ratio(1e20), (big("100000000000000000000"), big("1")));
        assert_eq!(f64_trunc_to_bigint(-3.99), big("-3"));
        assert_eq!(f64_trunc_to_bigint(1e20), big("100000000000000000000"));
    }
}
