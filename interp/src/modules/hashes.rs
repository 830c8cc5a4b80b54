//! The hash modules `hashlib` falls back on when OpenSSL's `_hashlib` is missing:
//! `_md5`, `_sha1`, `_sha256` (sha224, sha256), `_sha512` (sha384, sha512), `_blake2`
//! (blake2b, blake2s) and `_sha3` (sha3_224..sha3_512, shake_128, shake_256). The
//! algorithms are written here from their specifications (RFC 1321, FIPS 180-4, RFC 7693,
//! FIPS 202).

use std::cell::RefCell;

use crate::impl_native;
use crate::object::Layout;
use crate::value::Value;
use crate::vm::{NativeFn, PyResult, Vm};

use super::{need_bytes, new_class, new_module, set, set_int, this};

// ----- the algorithms -----

/// A Merkle–Damgård hash fed in blocks.
#[derive(Clone)]
struct Md {
    kind: MdKind,
    h32: [u32; 8],
    h64: [u64; 8],
    buf: Vec<u8>,
    len: u128,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MdKind {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl MdKind {
    fn block(self) -> usize {
        match self {
            MdKind::Sha384 | MdKind::Sha512 => 128,
            _ => 64,
        }
    }
    fn digest_size(self) -> usize {
        match self {
            MdKind::Md5 => 16,
            MdKind::Sha1 => 20,
            MdKind::Sha224 => 28,
            MdKind::Sha256 => 32,
            MdKind::Sha384 => 48,
            MdKind::Sha512 => 64,
        }
    }
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
];

const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
    21,
];

impl Md {
    fn new(kind: MdKind) -> Md {
        let mut h32 = [0u32; 8];
        let mut h64 = [0u64; 8];
        match kind {
            MdKind::Md5 => h32[..4].copy_from_slice(&[0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]),
            MdKind::Sha1 => h32[..5].copy_from_slice(&[0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]),
            MdKind::Sha224 => {
                h32 = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4]
            }
            MdKind::Sha256 => {
                h32 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
            }
            MdKind::Sha384 => {
                h64 = [
                    0xcbbb9d5dc1059ed8,
                    0x629a292a367cd507,
                    0x9159015a3070dd17,
                    0x152fecd8f70e5939,
                    0x67332667ffc00b31,
                    0x8eb44a8768581511,
                    0xdb0c2e0d64f98fa7,
                    0x47b5481dbefa4fa4,
                ]
            }
            MdKind::Sha512 => {
                h64 = [
                    0x6a09e667f3bcc908,
                    0xbb67ae8584caa73b,
                    0x3c6ef372fe94f82b,
                    0xa54ff53a5f1d36f1,
                    0x510e527fade682d1,
                    0x9b05688c2b3e6c1f,
                    0x1f83d9abfb41bd6b,
                    0x5be0cd19137e2179,
                ]
            }
        }
        Md { kind, h32, h64, buf: Vec::new(), len: 0 }
    }

    fn update(&mut self, data: &[u8]) {
        self.len += data.len() as u128;
        let bs = self.kind.block();
        let mut data = data;
        if !self.buf.is_empty() {
            let take = (bs - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() == bs {
                let b = std::mem::take(&mut self.buf);
                self.compress(&b);
            }
        }
        while data.len() >= bs {
            self.compress(&data[..bs]);
            data = &data[bs..];
        }
        self.buf.extend_from_slice(data);
    }

    fn compress(&mut self, block: &[u8]) {
        match self.kind {
            MdKind::Md5 => self.md5_block(block),
            MdKind::Sha1 => self.sha1_block(block),
            MdKind::Sha224 | MdKind::Sha256 => self.sha256_block(block),
            MdKind::Sha384 | MdKind::Sha512 => self.sha512_block(block),
        }
    }

    fn md5_block(&mut self, b: &[u8]) {
        let m: Vec<u32> = b.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        let [mut a, mut bb, mut c, mut d] = [self.h32[0], self.h32[1], self.h32[2], self.h32[3]];
        for (i, &shift) in MD5_S.iter().enumerate() {
            let (f, g) = match i / 16 {
                0 => ((bb & c) | (!bb & d), i),
                1 => ((d & bb) | (!d & c), (5 * i + 1) % 16),
                2 => (bb ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (bb | !d), (7 * i) % 16),
            };
            let k = ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32;
            let f = f.wrapping_add(a).wrapping_add(k).wrapping_add(m[g]);
            a = d;
            d = c;
            c = bb;
            bb = bb.wrapping_add(f.rotate_left(shift));
        }
        self.h32[0] = self.h32[0].wrapping_add(a);
        self.h32[1] = self.h32[1].wrapping_add(bb);
        self.h32[2] = self.h32[2].wrapping_add(c);
        self.h32[3] = self.h32[3].wrapping_add(d);
    }

    fn sha1_block(&mut self, b: &[u8]) {
        let mut w = [0u32; 80];
        for (i, c) in b.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut bb, mut c, mut d, mut e] = [self.h32[0], self.h32[1], self.h32[2], self.h32[3], self.h32[4]];
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((bb & c) | (!bb & d), 0x5A827999),
                1 => (bb ^ c ^ d, 0x6ED9EBA1),
                2 => ((bb & c) | (bb & d) | (c & d), 0x8F1BBCDC),
                _ => (bb ^ c ^ d, 0xCA62C1D6u32),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = bb.rotate_left(30);
            bb = a;
            a = t;
        }
        for (h, v) in self.h32.iter_mut().zip([a, bb, c, d, e]) {
            *h = h.wrapping_add(v);
        }
    }

    fn sha256_block(&mut self, b: &[u8]) {
        let mut w = [0u32; 64];
        for (i, c) in b.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = self.h32;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K256[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for (h, x) in self.h32.iter_mut().zip(v) {
            *h = h.wrapping_add(x);
        }
    }

    fn sha512_block(&mut self, b: &[u8]) {
        let mut w = [0u64; 80];
        for (i, c) in b.chunks(8).enumerate() {
            w[i] = u64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = self.h64;
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for (h, x) in self.h64.iter_mut().zip(v) {
            *h = h.wrapping_add(x);
        }
    }

    fn finish(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bs = s.kind.block();
        let bits = s.len.wrapping_mul(8);
        let len_bytes = if bs == 128 { 16 } else { 8 };
        let mut pad = vec![0x80u8];
        while (s.buf.len() + pad.len()) % bs != bs - len_bytes {
            pad.push(0);
        }
        match s.kind {
            MdKind::Md5 => pad.extend_from_slice(&(bits as u64).to_le_bytes()),
            _ if bs == 128 => pad.extend_from_slice(&bits.to_be_bytes()),
            _ => pad.extend_from_slice(&(bits as u64).to_be_bytes()),
        }
        let saved_len = s.len;
        s.update(&pad);
        s.len = saved_len;
        let mut out = Vec::new();
        match s.kind {
            MdKind::Md5 => s.h32[..4].iter().for_each(|h| out.extend_from_slice(&h.to_le_bytes())),
            MdKind::Sha1 => s.h32[..5].iter().for_each(|h| out.extend_from_slice(&h.to_be_bytes())),
            MdKind::Sha224 | MdKind::Sha256 => s.h32.iter().for_each(|h| out.extend_from_slice(&h.to_be_bytes())),
            MdKind::Sha384 | MdKind::Sha512 => s.h64.iter().for_each(|h| out.extend_from_slice(&h.to_be_bytes())),
        }
        out.truncate(s.kind.digest_size());
        out
    }
}

// ----- BLAKE2 (RFC 7693) -----

const B2B_IV: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];
const B2S_IV: [u32; 8] =
    [0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19];
const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// BLAKE2b (`big`) or BLAKE2s, words widened to u64 for both.
#[derive(Clone)]
struct Blake2 {
    big: bool,
    h: [u64; 8],
    t: u128,
    buf: Vec<u8>,
    outlen: usize,
    last_node: bool,
}

struct Blake2Params<'a> {
    digest_size: usize,
    key: &'a [u8],
    salt: &'a [u8],
    person: &'a [u8],
    fanout: u8,
    depth: u8,
    leaf_size: u32,
    node_offset: u64,
    node_depth: u8,
    inner_size: u8,
    last_node: bool,
}

impl Blake2 {
    fn new(big: bool, p: &Blake2Params) -> Blake2 {
        // The parameter block, little-endian.
        let n = if big { 64 } else { 32 };
        let mut pb = vec![0u8; n];
        pb[0] = p.digest_size as u8;
        pb[1] = p.key.len() as u8;
        pb[2] = p.fanout;
        pb[3] = p.depth;
        pb[4..8].copy_from_slice(&p.leaf_size.to_le_bytes());
        if big {
            pb[8..16].copy_from_slice(&p.node_offset.to_le_bytes());
            pb[16] = p.node_depth;
            pb[17] = p.inner_size;
            pb[32..32 + p.salt.len()].copy_from_slice(p.salt);
            pb[48..48 + p.person.len()].copy_from_slice(p.person);
        } else {
            pb[8..14].copy_from_slice(&p.node_offset.to_le_bytes()[..6]);
            pb[14] = p.node_depth;
            pb[15] = p.inner_size;
            pb[16..16 + p.salt.len()].copy_from_slice(p.salt);
            pb[24..24 + p.person.len()].copy_from_slice(p.person);
        }
        let mut h = [0u64; 8];
        for i in 0..8 {
            h[i] = if big {
                B2B_IV[i] ^ u64::from_le_bytes(pb[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]))
            } else {
                (B2S_IV[i] ^ u32::from_le_bytes(pb[i * 4..i * 4 + 4].try_into().unwrap_or([0; 4]))) as u64
            };
        }
        let mut s = Blake2 { big, h, t: 0, buf: Vec::new(), outlen: p.digest_size, last_node: p.last_node };
        if !p.key.is_empty() {
            let mut block = p.key.to_vec();
            block.resize(s.block(), 0);
            s.update(&block);
        }
        s
    }

    fn block(&self) -> usize {
        if self.big {
            128
        } else {
            64
        }
    }

    fn update(&mut self, data: &[u8]) {
        let bs = self.block();
        for &b in data {
            if self.buf.len() == bs {
                self.t += bs as u128;
                let blk = std::mem::take(&mut self.buf);
                self.compress(&blk, false);
            }
            self.buf.push(b);
        }
    }

    fn compress(&mut self, block: &[u8], last: bool) {
        let big = self.big;
        let mut m = [0u64; 16];
        for (i, x) in m.iter_mut().enumerate() {
            *x = if big {
                u64::from_le_bytes(block[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]))
            } else {
                u32::from_le_bytes(block[i * 4..i * 4 + 4].try_into().unwrap_or([0; 4])) as u64
            };
        }
        let mut v = [0u64; 16];
        v[..8].copy_from_slice(&self.h);
        for i in 0..8 {
            v[8 + i] = if big { B2B_IV[i] } else { B2S_IV[i] as u64 };
        }
        let mask: u64 = if big { u64::MAX } else { u32::MAX as u64 };
        let wbits = if big { 64 } else { 32 };
        v[12] ^= (self.t as u64) & mask;
        v[13] ^= ((self.t >> wbits) as u64) & mask;
        if last {
            v[14] ^= mask;
            if self.last_node {
                v[15] ^= mask;
            }
        }
        let rounds = if big { 12 } else { 10 };
        let rot = |x: u64, n: u32| -> u64 {
            if big {
                x.rotate_right(n)
            } else {
                (x as u32).rotate_right(n) as u64
            }
        };
        let (r1, r2, r3, r4) = if big { (32, 24, 16, 63) } else { (16, 12, 8, 7) };
        let add = |a: u64, b: u64| a.wrapping_add(b) & mask;
        for r in 0..rounds {
            let s = &SIGMA[r % 10];
            let mut g = |a: usize, b: usize, c: usize, d: usize, x: u64, y: u64| {
                v[a] = add(add(v[a], v[b]), x);
                v[d] = rot(v[d] ^ v[a], r1);
                v[c] = add(v[c], v[d]);
                v[b] = rot(v[b] ^ v[c], r2);
                v[a] = add(add(v[a], v[b]), y);
                v[d] = rot(v[d] ^ v[a], r3);
                v[c] = add(v[c], v[d]);
                v[b] = rot(v[b] ^ v[c], r4);
            };
            g(0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for i in 0..8 {
            self.h[i] ^= v[i] ^ v[i + 8];
        }
    }

    fn finish(&self) -> Vec<u8> {
        let mut s = self.clone();
        s.t += s.buf.len() as u128;
        let mut blk = std::mem::take(&mut s.buf);
        blk.resize(s.block(), 0);
        s.compress(&blk, true);
        let mut out = Vec::new();
        for h in s.h {
            if s.big {
                out.extend_from_slice(&h.to_le_bytes());
            } else {
                out.extend_from_slice(&(h as u32).to_le_bytes());
            }
        }
        out.truncate(s.outlen);
        out
    }
}

// ----- SHA-3 (FIPS 202) -----

const KECCAK_RC: [u64; 24] = [
    0x0000000000000001,
    0x0000000000008082,
    0x800000000000808A,
    0x8000000080008000,
    0x000000000000808B,
    0x0000000080000001,
    0x8000000080008081,
    0x8000000000008009,
    0x000000000000008A,
    0x0000000000000088,
    0x0000000080008009,
    0x000000008000000A,
    0x000000008000808B,
    0x800000000000008B,
    0x8000000000008089,
    0x8000000000008003,
    0x8000000000008002,
    0x8000000000000080,
    0x000000000000800A,
    0x800000008000000A,
    0x8000000080008081,
    0x8000000000008080,
    0x0000000080000001,
    0x8000000080008008,
];
const KECCAK_ROT: [u32; 25] =
    [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

fn keccak_f(a: &mut [u64; 25]) {
    for rc in KECCAK_RC {
        let mut c = [0u64; 5];
        for x in 0..5 {
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = a[x + 5 * y].rotate_left(KECCAK_ROT[x + 5 * y]);
            }
        }
        for x in 0..5 {
            for y in 0..5 {
                a[x + 5 * y] = b[x + 5 * y] ^ (!b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        a[0] ^= rc;
    }
}

#[derive(Clone)]
struct Sha3 {
    state: [u64; 25],
    rate: usize,
    buf: Vec<u8>,
    /// Digest size in bytes; 0 for the SHAKEs.
    outlen: usize,
    suffix: u8,
}

impl Sha3 {
    fn new(bits: usize, shake: bool) -> Sha3 {
        let rate = 200 - 2 * (bits / 8);
        Sha3 {
            state: [0; 25],
            rate,
            buf: Vec::new(),
            outlen: if shake { 0 } else { bits / 8 },
            suffix: if shake { 0x1F } else { 0x06 },
        }
    }

    fn absorb_block(&mut self, block: &[u8]) {
        for (i, c) in block.chunks(8).enumerate() {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            self.state[i] ^= u64::from_le_bytes(w);
        }
        keccak_f(&mut self.state);
    }

    fn update(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
        while self.buf.len() >= self.rate {
            let blk: Vec<u8> = self.buf.drain(..self.rate).collect();
            self.absorb_block(&blk);
        }
    }

    fn finish(&self, n: usize) -> Vec<u8> {
        let mut s = self.clone();
        let mut blk = std::mem::take(&mut s.buf);
        blk.resize(s.rate, 0);
        let len = self.buf.len();
        blk[len] ^= s.suffix;
        blk[s.rate - 1] ^= 0x80;
        s.absorb_block(&blk);
        let mut out = Vec::with_capacity(n);
        loop {
            for w in &s.state[..s.rate / 8] {
                out.extend_from_slice(&w.to_le_bytes());
            }
            if out.len() >= n {
                break;
            }
            keccak_f(&mut s.state);
        }
        out.truncate(n);
        out
    }
}

// ----- the Python objects -----

#[derive(Clone)]
enum State {
    Md(Md),
    Blake(Blake2),
    Sha3(Sha3),
}

pub struct HashObj {
    name: &'static str,
    state: RefCell<State>,
}
impl_native!(HashObj, |s, visit| {});

impl HashObj {
    fn digest_size(&self) -> usize {
        match &*self.state.borrow() {
            State::Md(m) => m.kind.digest_size(),
            State::Blake(b) => b.outlen,
            State::Sha3(s) => s.outlen,
        }
    }
    fn block_size(&self) -> usize {
        match &*self.state.borrow() {
            State::Md(m) => m.kind.block(),
            State::Blake(b) => b.block(),
            State::Sha3(s) => s.rate,
        }
    }
    fn update(&self, data: &[u8]) {
        match &mut *self.state.borrow_mut() {
            State::Md(m) => m.update(data),
            State::Blake(b) => b.update(data),
            State::Sha3(s) => s.update(data),
        }
    }
    fn digest(&self, n: Option<usize>) -> Vec<u8> {
        match &*self.state.borrow() {
            State::Md(m) => m.finish(),
            State::Blake(b) => b.finish(),
            State::Sha3(s) => s.finish(n.unwrap_or(s.outlen)),
        }
    }
    fn is_shake(&self) -> bool {
        matches!(&*self.state.borrow(), State::Sha3(s) if s.outlen == 0)
    }
}

fn hash_of<'a>(vm: &Vm, args: &'a [Value], m: &str) -> PyResult<&'a HashObj> {
    this::<HashObj>(vm, args, m, "hash")
}

fn h_update(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    hash_of(vm, args, "update")?;
    super::nargs(vm, "update", &args[1..], kw, 1, 1)?;
    let data = data_arg(vm, args[1])?;
    hash_of(vm, args, "update")?.update(&data);
    Ok(Value::NONE)
}

fn shake_len(vm: &mut Vm, h: &HashObj, args: &[Value], kw: &[(Value, Value)], fname: &str) -> PyResult<Option<usize>> {
    if !h.is_shake() {
        super::nargs(vm, fname, &args[1..], kw, 0, 0)?;
        return Ok(None);
    }
    let [n] = vm.bind_args(fname, &args[1..], kw, ["length"], 1)?;
    let n = vm.to_index(n)?;
    if n < 0 {
        return Err(vm.value_error("length must be non-negative"));
    }
    Ok(Some(n as usize))
}

fn h_digest(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = hash_of(vm, args, "digest")?;
    let n = shake_len(vm, h, args, kw, "digest")?;
    Ok(vm.new_bytes(h.digest(n)))
}

fn h_hexdigest(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = hash_of(vm, args, "hexdigest")?;
    let n = shake_len(vm, h, args, kw, "hexdigest")?;
    let d = h.digest(n);
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_string(s))
}

fn h_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = hash_of(vm, args, "copy")?;
    let st = h.state.borrow().clone();
    let cls = vm.type_of(args[0]);
    Ok(vm.new_native(cls, HashObj { name: h.name, state: RefCell::new(st) }))
}

fn h_name(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = hash_of(vm, args, "name")?;
    Ok(vm.new_str(h.name))
}

fn h_digest_size(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = hash_of(vm, args, "digest_size")?;
    Ok(vm.new_int(h.digest_size() as i64))
}

fn h_block_size(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = hash_of(vm, args, "block_size")?;
    Ok(vm.new_int(h.block_size() as i64))
}

/// Hash input: bytes-like only ("Strings must be encoded before hashing").
fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if v.as_pystr().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    need_bytes(vm, v)
}

fn hash_class(vm: &mut Vm, module: &str, name: &'static str) -> Value {
    let key: &'static str = Box::leak(format!("hash.{module}.{name}").into_boxed_str());
    if let Some(&c) = vm.state.borrow().get(key) {
        return c;
    }
    let c = new_class(vm, module, name, vm.types.object, Layout::Other, 0);
    vm.add_method(c, "update", h_update);
    vm.add_method(c, "digest", h_digest);
    vm.add_method(c, "hexdigest", h_hexdigest);
    vm.add_method(c, "copy", h_copy);
    vm.add_getter(c, "name", h_name);
    vm.add_getter(c, "digest_size", h_digest_size);
    vm.add_getter(c, "block_size", h_block_size);
    vm.state.borrow_mut().insert(key, c);
    c
}

/// `name(string=b'', *, usedforsecurity=True)` (3.11 also accepts `data=`).
fn make_hash(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    module: &str,
    name: &'static str,
    state: State,
) -> PyResult<Value> {
    let kw: Vec<(Value, Value)> = kw.iter().filter(|(k, _)| k.as_rstr() != Some("usedforsecurity")).copied().collect();
    let [data, string] = vm.bind_args(name, args, &kw, ["data", "string"], 0)?;
    let cls = hash_class(vm, module, name);
    let h = HashObj { name, state: RefCell::new(state) };
    let init = if !data.is_null() { data } else { string };
    if !init.is_null() {
        let b = data_arg(vm, init)?;
        h.update(&b);
    }
    Ok(vm.new_native(cls, h))
}

macro_rules! md_ctor {
    ($f:ident, $module:literal, $name:literal, $kind:expr) => {
        fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            make_hash(vm, args, kw, $module, $name, State::Md(Md::new($kind)))
        }
    };
}

md_ctor!(new_md5, "_md5", "md5", MdKind::Md5);
md_ctor!(new_sha1, "_sha1", "sha1", MdKind::Sha1);
md_ctor!(new_sha224, "_sha256", "sha224", MdKind::Sha224);
md_ctor!(new_sha256, "_sha256", "sha256", MdKind::Sha256);
md_ctor!(new_sha384, "_sha512", "sha384", MdKind::Sha384);
md_ctor!(new_sha512, "_sha512", "sha512", MdKind::Sha512);

macro_rules! sha3_ctor {
    ($f:ident, $name:literal, $bits:expr, $shake:expr) => {
        fn $f(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            make_hash(vm, args, kw, "_sha3", $name, State::Sha3(Sha3::new($bits, $shake)))
        }
    };
}

sha3_ctor!(new_sha3_224, "sha3_224", 224, false);
sha3_ctor!(new_sha3_256, "sha3_256", 256, false);
sha3_ctor!(new_sha3_384, "sha3_384", 384, false);
sha3_ctor!(new_sha3_512, "sha3_512", 512, false);
sha3_ctor!(new_shake_128, "shake_128", 128, true);
sha3_ctor!(new_shake_256, "shake_256", 256, true);

fn blake2(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], big: bool) -> PyResult<Value> {
    let name = if big { "blake2b" } else { "blake2s" };
    let (max_digest, max_key, salt_size) = if big { (64, 64, 16) } else { (32, 32, 8) };
    let kw: Vec<(Value, Value)> = kw.iter().filter(|(k, _)| k.as_rstr() != Some("usedforsecurity")).copied().collect();
    if args.len() > 1 {
        return Err(vm.type_error(format!("{name}() takes at most 1 positional argument ({} given)", args.len())));
    }
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node] =
        vm.bind_args(
            name,
            args,
            &kw,
            [
                "data",
                "digest_size",
                "key",
                "salt",
                "person",
                "fanout",
                "depth",
                "leaf_size",
                "node_offset",
                "node_depth",
                "inner_size",
                "last_node",
            ],
            0,
        )?;
    let int_or = |vm: &mut Vm, v: Value, d: i64| -> PyResult<i64> {
        if v.is_null() {
            Ok(d)
        } else {
            vm.to_index(v)
        }
    };
    let bytes_or = |vm: &mut Vm, v: Value| -> PyResult<Vec<u8>> {
        if v.is_null() {
            Ok(Vec::new())
        } else {
            need_bytes(vm, v)
        }
    };
    let ds = int_or(vm, digest_size, max_digest)?;
    if !(1..=max_digest).contains(&ds) {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max_digest} bytes")));
    }
    let key = bytes_or(vm, key)?;
    if key.len() > max_key as usize {
        return Err(vm.value_error(format!("maximum key length is {max_key} bytes")));
    }
    let salt = bytes_or(vm, salt)?;
    if salt.len() > salt_size {
        return Err(vm.value_error(format!("maximum salt length is {salt_size} bytes")));
    }
    let person = bytes_or(vm, person)?;
    if person.len() > salt_size {
        return Err(vm.value_error(format!("maximum person length is {salt_size} bytes")));
    }
    let fanout = int_or(vm, fanout, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    let depth = int_or(vm, depth, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let leaf_size = int_or(vm, leaf_size, 0)?;
    if !(0..=u32::MAX as i64).contains(&leaf_size) {
        return Err(vm.overflow_error("leaf_size is too large"));
    }
    let node_offset = int_or(vm, node_offset, 0)?;
    let node_depth = int_or(vm, node_depth, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int_or(vm, inner_size, 0)?;
    if !(0..=max_digest).contains(&inner_size) {
        return Err(vm.value_error(format!("inner_size must be between 0 and is {max_digest}")));
    }
    let last_node = if last_node.is_null() { false } else { vm.truthy(last_node)? };
    let p = Blake2Params {
        digest_size: ds as usize,
        key: &key,
        salt: &salt,
        person: &person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf_size as u32,
        node_offset: node_offset.max(0) as u64,
        node_depth: node_depth as u8,
        inner_size: inner_size as u8,
        last_node,
    };
    let state = State::Blake(Blake2::new(big, &p));
    let d = if data.is_null() { Vec::new() } else { vec![data] };
    make_hash(vm, &d, &[], "_blake2", name, state)
}

fn new_blake2b(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    blake2(vm, args, kw, true)
}

fn new_blake2s(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    blake2(vm, args, kw, false)
}

fn module(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)]) -> Value {
    new_module(vm, name, funcs)
}

pub fn init_md5(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(module(vm, "_md5", &[("md5", new_md5)]))
}

pub fn init_sha1(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(module(vm, "_sha1", &[("sha1", new_sha1)]))
}

pub fn init_sha256(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(module(vm, "_sha256", &[("sha224", new_sha224), ("sha256", new_sha256)]))
}

pub fn init_sha512(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(module(vm, "_sha512", &[("sha384", new_sha384), ("sha512", new_sha512)]))
}

pub fn init_sha3(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = module(
        vm,
        "_sha3",
        &[
            ("sha3_224", new_sha3_224),
            ("sha3_256", new_sha3_256),
            ("sha3_384", new_sha3_384),
            ("sha3_512", new_sha3_512),
            ("shake_128", new_shake_128),
            ("shake_256", new_shake_256),
        ],
    );
    let k = vm.new_str("generic 64-bit optimized implementation (lane complementing, all rounds unrolled)");
    set(vm, m, "implementation", k);
    set_int(vm, m, "keccakopt", 64);
    Ok(m)
}

pub fn init_blake2(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = module(vm, "_blake2", &[("blake2b", new_blake2b), ("blake2s", new_blake2s)]);
    for (n, v) in [
        ("BLAKE2B_SALT_SIZE", 16),
        ("BLAKE2B_PERSON_SIZE", 16),
        ("BLAKE2B_MAX_KEY_SIZE", 64),
        ("BLAKE2B_MAX_DIGEST_SIZE", 64),
        ("BLAKE2S_SALT_SIZE", 8),
        ("BLAKE2S_PERSON_SIZE", 8),
        ("BLAKE2S_MAX_KEY_SIZE", 32),
        ("BLAKE2S_MAX_DIGEST_SIZE", 32),
    ] {
        set_int(vm, m, n, v);
    }
    Ok(m)
}

// ----- pbkdf2_hmac -----

/// The hash state for a `hashlib` name, for `pbkdf2_hmac`.
fn state_for(name: &str) -> Option<State> {
    Some(match name.to_ascii_lowercase().as_str() {
        "md5" => State::Md(Md::new(MdKind::Md5)),
        "sha1" => State::Md(Md::new(MdKind::Sha1)),
        "sha224" => State::Md(Md::new(MdKind::Sha224)),
        "sha256" => State::Md(Md::new(MdKind::Sha256)),
        "sha384" => State::Md(Md::new(MdKind::Sha384)),
        "sha512" => State::Md(Md::new(MdKind::Sha512)),
        "sha3_224" => State::Sha3(Sha3::new(224, false)),
        "sha3_256" => State::Sha3(Sha3::new(256, false)),
        "sha3_384" => State::Sha3(Sha3::new(384, false)),
        "sha3_512" => State::Sha3(Sha3::new(512, false)),
        _ => return None,
    })
}

/// HMAC (RFC 2104) over a hash whose initial state is `init`: the keyed inner and outer
/// states, fed once, then cloned for every message.
struct Hmac {
    inner: HashObj,
    outer: HashObj,
}

impl Hmac {
    fn new(init: &State, key: &[u8]) -> Hmac {
        let fresh = || HashObj { name: "", state: RefCell::new(init.clone()) };
        let h = fresh();
        let block = h.block_size();
        let mut k = if key.len() > block {
            h.update(key);
            h.digest(None)
        } else {
            key.to_vec()
        };
        k.resize(block, 0);
        let (inner, outer) = (fresh(), fresh());
        inner.update(&k.iter().map(|b| b ^ 0x36).collect::<Vec<u8>>());
        outer.update(&k.iter().map(|b| b ^ 0x5c).collect::<Vec<u8>>());
        Hmac { inner, outer }
    }

    fn mac(&self, msg: &[u8]) -> Vec<u8> {
        let i = HashObj { name: "", state: RefCell::new(self.inner.state.borrow().clone()) };
        i.update(msg);
        let o = HashObj { name: "", state: RefCell::new(self.outer.state.borrow().clone()) };
        o.update(&i.digest(None));
        o.digest(None)
    }
}

/// `hashlib.pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)` (RFC 8018),
/// as OpenSSL's `_hashlib` gives it (the pure-Python fallback of `hashlib` warns that it
/// is deprecated).
pub fn pbkdf2_hmac(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [name, password, salt, iterations, dklen] =
        vm.bind_args("pbkdf2_hmac", args, kw, ["hash_name", "password", "salt", "iterations", "dklen"], 4)?;
    let Some(name) = name.as_rstr().map(str::to_owned) else {
        return Err(
            vm.type_error(format!("pbkdf2_hmac() argument 'hash_name' must be str, not {}", vm.type_tp_name(name)))
        );
    };
    let password = need_bytes(vm, password)?;
    let salt = need_bytes(vm, salt)?;
    let iterations = vm.to_index(iterations)?;
    if iterations < 1 {
        return Err(vm.value_error("iteration value must be greater than 0."));
    }
    if iterations > i64::from(i32::MAX) {
        return Err(vm.overflow_error("iteration value is too great."));
    }
    let Some(init) = state_for(&name) else {
        // OpenSSL 3's message, which CPython 3.11 passes on.
        return Err(vm.value_error("[digital envelope routines] unsupported"));
    };
    let hsize = HashObj { name: "", state: RefCell::new(init.clone()) }.digest_size();
    let dklen = if dklen.is_null() || dklen.is_none() { hsize as i64 } else { vm.to_index(dklen)? };
    if dklen < 1 {
        return Err(vm.value_error("key length must be greater than 0."));
    }
    if dklen > i64::from(i32::MAX) {
        return Err(vm.overflow_error("key length is too great."));
    }
    let mac = Hmac::new(&init, &password);
    let mut out = Vec::with_capacity(dklen as usize);
    let mut block: u32 = 1;
    while out.len() < dklen as usize {
        let mut msg = salt.clone();
        msg.extend_from_slice(&block.to_be_bytes());
        let mut u = mac.mac(&msg);
        let mut t = u.clone();
        for _ in 1..iterations {
            u = mac.mac(&u);
            t.iter_mut().zip(&u).for_each(|(a, b)| *a ^= b);
        }
        out.extend_from_slice(&t);
        block = block.wrapping_add(1);
    }
    out.truncate(dklen as usize);
    Ok(vm.new_bytes(out))
}

/// Once the standard library's `hashlib` has run without `_hashlib` (so with its
/// deprecated pure-Python `pbkdf2_hmac`), gives it the native one.
pub fn apply_hashlib(vm: &mut Vm, module: Value, d: Value) {
    let k = vm.intern("_hashlib");
    if vm.dict_get_str(d, k).is_some_and(|v| !v.is_none()) {
        return;
    }
    vm.add_function(module, "pbkdf2_hmac", pbkdf2_hmac);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    fn md(kind: MdKind, data: &[u8]) -> String {
        let mut m = Md::new(kind);
        m.update(data);
        hex(&m.finish())
    }

    #[test]
    fn known_answers() {
        assert_eq!(md(MdKind::Md5, b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(md(MdKind::Sha1, b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(md(MdKind::Sha256, b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(md(MdKind::Sha224, b""), "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f");
        assert_eq!(
            md(MdKind::Sha512, b"abc"),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        let mut s = Sha3::new(256, false);
        s.update(b"abc");
        assert_eq!(hex(&s.finish(32)), "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
        let p = Blake2Params {
            digest_size: 64,
            key: b"",
            salt: b"",
            person: b"",
            fanout: 1,
            depth: 1,
            leaf_size: 0,
            node_offset: 0,
            node_depth: 0,
            inner_size: 0,
            last_node: false,
        };
        let mut b = Blake2::new(true, &p);
        b.update(b"abc");
        assert_eq!(
            hex(&b.finish()),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        );
    }
}
