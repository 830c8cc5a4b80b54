//! The `zlib` module, bound to the zlib C library itself (through `libz-sys`: the system's
//! zlib when there is one, the one CPython links too, so compressed bytes are identical;
//! otherwise zlib's own sources built with cc, as in cross builds). `gzip`, `zipfile`,
//! `tarfile` and `shutil.make_archive` import it.
//!
//! The functions follow CPython 3.11's `zlibmodule.c` step by step: the same calls into
//! zlib with the same flush modes, an output buffer grown in the block sizes of CPython's
//! `_BlocksOutputBuffer` (so zlib sees the same `avail_out` values and returns the same
//! codes), and the same error messages ("Error -3 while decompressing data: incorrect
//! header check").
//!
//! A `z_stream` holds pointers to the caller's input and output only during one call:
//! every function here points `next_in`/`next_out` at buffers it owns for the length of
//! that function and clears them again before returning (`Stream::clear_io`), so a stream
//! at rest never points at freed memory. zlib keeps a pointer back to the `z_stream` in
//! its state, so the struct lives in a `Box` and never moves.

use std::cell::{Cell, RefCell};
use std::ffi::CStr;
use std::os::raw::{c_int, c_uint, c_void};
use std::ptr;

use libz_sys as z;

use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{bytes_like, nargs, need_bytes, new_class, new_module, set, set_int, this};

const MAX_WBITS: c_int = 15;
const DEFLATED: c_int = 8;
const DEF_MEM_LEVEL: c_int = 8;
const DEF_BUF_SIZE: usize = 16 * 1024;

/// The block sizes of CPython's `_BlocksOutputBuffer`: the n-th block of an output
/// buffer has `BLOCK_SIZES[n]` bytes (the last entry repeats).
const BLOCK_SIZES: [usize; 17] = [
    32 << 10,
    64 << 10,
    256 << 10,
    1 << 20,
    4 << 20,
    8 << 20,
    16 << 20,
    16 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    64 << 20,
    64 << 20,
    128 << 20,
    128 << 20,
    256 << 20,
];

// ----- the z_stream -----

/// zlib's allocator: `calloc`, so zlib never reads uninitialised memory.
///
/// # Safety
/// Called by zlib only, with the contract of `alloc_func`.
unsafe extern "C" fn z_alloc(_opaque: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void {
    // SAFETY: calloc has no preconditions; it returns NULL (which zlib checks) on failure.
    unsafe { libc::calloc(items as usize, size as usize) }
}

/// zlib's deallocator, for blocks from `z_alloc`.
///
/// # Safety
/// Called by zlib only, with a pointer `z_alloc` returned.
unsafe extern "C" fn z_free(_opaque: *mut c_void, p: *mut c_void) {
    // SAFETY: `p` came from `z_alloc` (calloc) and zlib frees each block once.
    unsafe { libc::free(p) }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Deflate,
    Inflate,
}

/// One zlib stream, at a fixed address.
struct Stream {
    zs: Box<z::z_stream>,
    kind: Kind,
    /// `deflateInit2`/`inflateInit2` succeeded and `deflateEnd`/`inflateEnd` has not run.
    live: bool,
}

impl Stream {
    fn new(kind: Kind) -> Stream {
        let zs = Box::new(z::z_stream {
            next_in: ptr::null_mut(),
            avail_in: 0,
            total_in: 0,
            next_out: ptr::null_mut(),
            avail_out: 0,
            total_out: 0,
            msg: ptr::null_mut(),
            state: ptr::null_mut(),
            zalloc: z_alloc,
            zfree: z_free,
            opaque: ptr::null_mut(),
            data_type: 0,
            adler: 0,
            reserved: 0,
        });
        Stream { zs, kind, live: false }
    }

    /// `deflateInit2(level, method, wbits, memLevel, strategy)`.
    fn deflate_init(&mut self, level: c_int, method: c_int, wbits: c_int, mem_level: c_int, strategy: c_int) -> c_int {
        // SAFETY: `zs` is a fresh z_stream with valid allocator functions and no buffers;
        // the version string and struct size are those of the linked library.
        let err = unsafe {
            z::deflateInit2_(
                &mut *self.zs,
                level,
                method,
                wbits,
                mem_level,
                strategy,
                z::zlibVersion(),
                std::mem::size_of::<z::z_stream>() as c_int,
            )
        };
        self.live = err == z::Z_OK;
        err
    }

    /// `inflateInit2(wbits)`.
    fn inflate_init(&mut self, wbits: c_int) -> c_int {
        // SAFETY: as in `deflate_init`; inflateInit2 reads no input (avail_in is 0).
        let err = unsafe {
            z::inflateInit2_(&mut *self.zs, wbits, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as c_int)
        };
        self.live = err == z::Z_OK;
        err
    }

    /// One `deflate`/`inflate` step on the buffers set by `Input::start` and `Out`.
    fn step(&mut self, flush: c_int) -> c_int {
        // SAFETY: `next_in`/`avail_in` describe a slice that the calling function keeps
        // alive (or are NULL/0), and `next_out`/`avail_out` a window of that function's
        // `Out` buffer; zlib checks its own state (a stream that was ended has a NULL state
        // and gets Z_STREAM_ERROR).
        unsafe {
            match self.kind {
                Kind::Deflate => z::deflate(&mut *self.zs, flush),
                Kind::Inflate => z::inflate(&mut *self.zs, flush),
            }
        }
    }

    /// `deflateEnd`/`inflateEnd`, once.
    fn end(&mut self) -> c_int {
        self.live = false;
        // SAFETY: the stream was initialised (End on a stream whose state is NULL returns
        // Z_STREAM_ERROR without touching memory).
        unsafe {
            match self.kind {
                Kind::Deflate => z::deflateEnd(&mut *self.zs),
                Kind::Inflate => z::inflateEnd(&mut *self.zs),
            }
        }
    }

    /// A copy of this stream's whole state (`deflateCopy`/`inflateCopy`).
    fn copy(&mut self) -> (Stream, c_int) {
        let mut dest = Stream::new(self.kind);
        // SAFETY: `dest.zs` is a fresh z_stream at a fixed address and `self.zs` a stream
        // whose state is valid or NULL (then zlib returns Z_STREAM_ERROR); neither has
        // buffers attached (`clear_io` ran after the last call).
        let err = unsafe {
            match self.kind {
                Kind::Deflate => z::deflateCopy(&mut *dest.zs, &mut *self.zs),
                Kind::Inflate => z::inflateCopy(&mut *dest.zs, &mut *self.zs),
            }
        };
        dest.live = err == z::Z_OK;
        dest.clear_io();
        (dest, err)
    }

    /// `deflateSetDictionary`/`inflateSetDictionary`.
    fn set_dictionary(&mut self, dict: &[u8]) -> c_int {
        let Ok(len) = c_uint::try_from(dict.len()) else {
            return z::Z_STREAM_ERROR;
        };
        // SAFETY: `dict` is a live slice of `len` bytes, which zlib copies into its window.
        unsafe {
            match self.kind {
                Kind::Deflate => z::deflateSetDictionary(&mut *self.zs, dict.as_ptr(), len),
                Kind::Inflate => z::inflateSetDictionary(&mut *self.zs, dict.as_ptr(), len),
            }
        }
    }

    /// Detaches the input and output buffers of the call that is ending.
    fn clear_io(&mut self) {
        self.zs.next_in = ptr::null_mut();
        self.zs.avail_in = 0;
        self.zs.next_out = ptr::null_mut();
        self.zs.avail_out = 0;
    }

    /// zlib's message for the last error, if it set one.
    fn msg(&self) -> Option<String> {
        if self.zs.msg.is_null() {
            return None;
        }
        // SAFETY: a non-NULL `msg` always points at one of zlib's static NUL-terminated
        // message strings.
        let s = unsafe { CStr::from_ptr(self.zs.msg) };
        Some(s.to_string_lossy().into_owned())
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if self.live {
            self.end();
        }
    }
}

/// The input of one call: `data`, handed to zlib in chunks of at most `u32::MAX` bytes.
struct Input<'a> {
    data: &'a [u8],
    /// Bytes not yet handed to zlib.
    remains: usize,
}

impl<'a> Input<'a> {
    fn start(s: &mut Stream, data: &'a [u8]) -> Input<'a> {
        // zlib never writes through `next_in` (it is `z_const` in zlib.h).
        s.zs.next_in = data.as_ptr() as *mut u8;
        s.zs.avail_in = 0;
        Input { data, remains: data.len() }
    }

    /// CPython's `arrange_input_buffer`: the next chunk goes to zlib.
    fn arrange(&mut self, s: &mut Stream) {
        let n = self.remains.min(c_uint::MAX as usize);
        s.zs.avail_in = n as c_uint;
        self.remains -= n;
    }

    /// The input zlib has not consumed, from `next_in` to the end of `data`.
    fn left<'b>(&'b self, s: &Stream) -> &'a [u8] {
        let used = (s.zs.next_in as usize).wrapping_sub(self.data.as_ptr() as usize).min(self.data.len());
        &self.data[used..]
    }
}

/// The output of one call, grown like CPython's `_BlocksOutputBuffer` (and its `u32`
/// sliding window for a first block larger than zlib's `avail_out` can say).
struct Out {
    buf: Vec<u8>,
    /// Blocks allocated so far.
    blocks: usize,
    /// The limit of the whole output (`max_length`), if any.
    max: Option<usize>,
    /// Where the window zlib writes into starts, and its size.
    pos: usize,
    window: usize,
}

impl Out {
    fn new(max: Option<usize>) -> Out {
        Out { buf: Vec::new(), blocks: 0, max, pos: 0, window: 0 }
    }

    fn alloc(&mut self, vm: &Vm, n: usize) -> PyResult<()> {
        if self.buf.try_reserve_exact(n).is_err() {
            return Err(vm.err(vm.exc.memory_error, "Unable to allocate output buffer."));
        }
        self.buf.resize(self.buf.len() + n, 0);
        self.blocks += 1;
        Ok(())
    }

    fn set_window(&mut self, s: &mut Stream) {
        self.window = (self.buf.len() - self.pos).min(c_uint::MAX as usize);
        s.zs.next_out = self.buf[self.pos..].as_mut_ptr();
        s.zs.avail_out = self.window as c_uint;
    }

    /// `_BlocksOutputBuffer_InitAndGrow`: a first block of 32 KiB, or `max` if smaller.
    fn init_and_grow(&mut self, vm: &Vm, s: &mut Stream) -> PyResult<()> {
        let n = match self.max {
            Some(m) if m < BLOCK_SIZES[0] => m,
            _ => BLOCK_SIZES[0],
        };
        self.alloc(vm, n)?;
        self.set_window(s);
        Ok(())
    }

    /// `_BlocksOutputBuffer_InitWithSize`: a first block of `n` bytes.
    fn init_with_size(&mut self, vm: &Vm, s: &mut Stream, n: usize) -> PyResult<()> {
        self.alloc(vm, n)?;
        self.set_window(s);
        Ok(())
    }

    /// Called when zlib filled the window (`avail_out == 0`): the rest of a large first
    /// block, or a new block.
    fn grow(&mut self, vm: &Vm, s: &mut Stream) -> PyResult<()> {
        self.pos += self.window;
        if self.pos == self.buf.len() {
            let mut n = BLOCK_SIZES[self.blocks.min(BLOCK_SIZES.len() - 1)];
            if let Some(m) = self.max {
                n = n.min(m.saturating_sub(self.buf.len()));
            }
            self.alloc(vm, n)?;
        }
        self.set_window(s);
        Ok(())
    }

    /// The bytes written so far.
    fn size(&self, s: &Stream) -> usize {
        self.pos + self.window - s.zs.avail_out as usize
    }

    fn finish(mut self, s: &Stream) -> Vec<u8> {
        let n = self.size(s);
        self.buf.truncate(n);
        self.buf
    }
}

// ----- errors and arguments -----

fn error_class(vm: &Vm) -> Value {
    vm.state.borrow().get("zlib.error").copied().unwrap_or(vm.exc.exception)
}

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.err(error_class(vm), msg)
}

/// CPython's `zlib_error`: "Error CODE MSG: ZLIB-MESSAGE".
fn zlib_error(vm: &Vm, s: &Stream, err: c_int, msg: &str) -> PyErr {
    let zmsg = if err == z::Z_VERSION_ERROR {
        Some("library version mismatch".to_string())
    } else {
        s.msg().or_else(|| {
            match err {
                z::Z_BUF_ERROR => Some("incomplete or truncated stream"),
                z::Z_STREAM_ERROR => Some("inconsistent stream state"),
                z::Z_DATA_ERROR => Some("invalid input data"),
                _ => None,
            }
            .map(str::to_string)
        })
    };
    match zmsg {
        Some(m) => {
            let m: String = m.chars().take(200).collect();
            error(vm, format!("Error {err} {msg}: {m}"))
        }
        None => error(vm, format!("Error {err} {msg}")),
    }
}

/// Binds arguments as CPython's argument clinic does for `f(a, b, /, c=..., d=...)`:
/// the first `posonly` names are positional-only, of which the first `minpos` are
/// required; every parameter may be given by position.
fn clinic<const N: usize>(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    names: [&str; N],
    posonly: usize,
    minpos: usize,
) -> PyResult<[Value; N]> {
    let total = args.len() + kw.len();
    if total > N {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({total} given)",
            if args.is_empty() { "keyword " } else { "" },
            if N == 1 { "" } else { "s" }
        )));
    }
    if args.len() < minpos {
        return Err(vm.type_error(format!(
            "{fname}() takes {} {minpos} positional argument{} ({} given)",
            if minpos < N { "at least" } else { "exactly" },
            if minpos == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut out = [Value::NULL; N];
    out[..args.len()].copy_from_slice(args);
    for (k, v) in kw {
        let kname = k.as_rstr().unwrap_or("");
        match names.iter().skip(posonly).position(|n| *n == kname).map(|i| i + posonly) {
            Some(i) if out[i].is_null() => out[i] = *v,
            Some(i) => {
                return Err(
                    vm.type_error(format!("argument for {fname}() given by name ('{kname}') and position ({})", i + 1))
                )
            }
            None => return Err(vm.type_error(format!("'{kname}' is an invalid keyword argument for {fname}()"))),
        }
    }
    Ok(out)
}

/// A C `int` argument (`_PyLong_AsInt`), `default` when not given.
fn c_int_arg(vm: &mut Vm, v: Value, default: c_int) -> PyResult<c_int> {
    if v.is_null() {
        return Ok(default);
    }
    let n = crate::types::int::index_value(vm, v)?;
    c_int::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// A `Py_ssize_t` argument, `default` when not given.
fn ssize_arg(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        return Ok(default);
    }
    vm.to_index(v)
}

/// An `unsigned int` argument converted bitwise (`PyLong_AsUnsignedLongMask`).
fn u32_mask_arg(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    let Some(&v) = v else {
        return Ok(default);
    };
    let n = crate::types::int::index_value(vm, v)?;
    let m: num_bigint::BigInt = n & num_bigint::BigInt::from(u32::MAX);
    Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
}

// ----- one-shot functions -----

/// `zlib.compress(data, /, level=-1, wbits=15)`.
fn z_compress(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, level, wbits] = clinic(vm, "compress", args, kw, ["data", "level", "wbits"], 1, 1)?;
    let data = need_bytes(vm, data)?;
    let level = c_int_arg(vm, level, z::Z_DEFAULT_COMPRESSION)?;
    let wbits = c_int_arg(vm, wbits, MAX_WBITS)?;
    let mut s = Stream::new(Kind::Deflate);
    let r = compress_all(vm, &mut s, &data, level, wbits);
    s.clear_io();
    let out = r?;
    Ok(vm.new_bytes(out))
}

fn compress_all(vm: &Vm, s: &mut Stream, data: &[u8], level: c_int, wbits: c_int) -> PyResult<Vec<u8>> {
    let mut out = Out::new(None);
    out.init_and_grow(vm, s)?;
    let mut input = Input::start(s, data);
    match s.deflate_init(level, DEFLATED, wbits, DEF_MEM_LEVEL, z::Z_DEFAULT_STRATEGY) {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(vm.err(vm.exc.memory_error, "Out of memory while compressing data")),
        z::Z_STREAM_ERROR => return Err(error(vm, "Bad compression level")),
        err => {
            s.end();
            return Err(zlib_error(vm, s, err, "while compressing data"));
        }
    }
    loop {
        input.arrange(s);
        let flush = if input.remains == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            if s.zs.avail_out == 0 {
                out.grow(vm, s)?;
            }
            let err = s.step(flush);
            if err == z::Z_STREAM_ERROR {
                s.end();
                return Err(zlib_error(vm, s, err, "while compressing data"));
            }
            if s.zs.avail_out != 0 {
                break;
            }
        }
        if flush == z::Z_FINISH {
            break;
        }
    }
    let err = s.end();
    if err != z::Z_OK {
        return Err(zlib_error(vm, s, err, "while finishing compression"));
    }
    Ok(out.finish(s))
}

/// `zlib.decompress(data, /, wbits=15, bufsize=DEF_BUF_SIZE)`.
fn z_decompress(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [data, wbits, bufsize] = clinic(vm, "decompress", args, kw, ["data", "wbits", "bufsize"], 1, 1)?;
    let data = need_bytes(vm, data)?;
    let wbits = c_int_arg(vm, wbits, MAX_WBITS)?;
    let bufsize = ssize_arg(vm, bufsize, DEF_BUF_SIZE as i64)?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let mut s = Stream::new(Kind::Inflate);
    let r = decompress_all(vm, &mut s, &data, wbits, (bufsize as usize).max(1));
    s.clear_io();
    let out = r?;
    Ok(vm.new_bytes(out))
}

fn decompress_all(vm: &Vm, s: &mut Stream, data: &[u8], wbits: c_int, bufsize: usize) -> PyResult<Vec<u8>> {
    let mut out = Out::new(None);
    out.init_with_size(vm, s, bufsize)?;
    let mut input = Input::start(s, data);
    match s.inflate_init(wbits) {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(vm.err(vm.exc.memory_error, "Out of memory while decompressing data")),
        err => {
            s.end();
            return Err(zlib_error(vm, s, err, "while preparing to decompress data"));
        }
    }
    let mut err;
    loop {
        input.arrange(s);
        let flush = if input.remains == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            if s.zs.avail_out == 0 {
                out.grow(vm, s)?;
            }
            err = s.step(flush);
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                z::Z_MEM_ERROR => {
                    s.end();
                    return Err(vm.err(vm.exc.memory_error, "Out of memory while decompressing data"));
                }
                _ => {
                    s.end();
                    return Err(zlib_error(vm, s, err, "while decompressing data"));
                }
            }
            if s.zs.avail_out != 0 {
                break;
            }
        }
        if err == z::Z_STREAM_END || input.remains == 0 {
            break;
        }
    }
    if err != z::Z_STREAM_END {
        s.end();
        return Err(zlib_error(vm, s, err, "while decompressing data"));
    }
    let err = s.end();
    if err != z::Z_OK {
        return Err(zlib_error(vm, s, err, "while finishing decompression"));
    }
    Ok(out.finish(s))
}

/// `zlib.crc32(data, value=0, /)`.
fn z_crc32(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("zlib.crc32() takes no keyword arguments"));
    }
    nargs(vm, "crc32", args, kw, 1, 2)?;
    let data = need_bytes(vm, args[0])?;
    let mut value = u32_mask_arg(vm, args.get(1), 0)? as z::uLong;
    for chunk in data.chunks(c_uint::MAX as usize) {
        // SAFETY: `chunk` is a live slice whose length fits the `uInt` length argument.
        value = unsafe { z::crc32(value, chunk.as_ptr(), chunk.len() as c_uint) };
    }
    Ok(vm.new_int((value & 0xffff_ffff) as i64))
}

/// `zlib.adler32(data, value=1, /)`.
fn z_adler32(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("zlib.adler32() takes no keyword arguments"));
    }
    nargs(vm, "adler32", args, kw, 1, 2)?;
    let data = need_bytes(vm, args[0])?;
    let mut value = u32_mask_arg(vm, args.get(1), 1)? as z::uLong;
    for chunk in data.chunks(c_uint::MAX as usize) {
        // SAFETY: `chunk` is a live slice whose length fits the `uInt` length argument.
        value = unsafe { z::adler32(value, chunk.as_ptr(), chunk.len() as c_uint) };
    }
    Ok(vm.new_int((value & 0xffff_ffff) as i64))
}

// ----- Compress objects -----

/// A `zlib.Compress` object (from `compressobj`).
struct Comp {
    s: RefCell<Stream>,
}
impl_native!(Comp, |s, visit| {});

/// A `zlib.Decompress` object (from `decompressobj`). The Python values live in cells
/// outside the stream's `RefCell`, so the collector can trace them during a call.
struct Decomp {
    s: RefCell<Stream>,
    unused_data: Cell<Value>,
    unconsumed_tail: Cell<Value>,
    /// The `zdict` argument (NULL when not given).
    zdict: Cell<Value>,
    eof: Cell<bool>,
}
impl_native!(Decomp, |s, visit| {
    visit(s.unused_data.get());
    visit(s.unconsumed_tail.get());
    let z = s.zdict.get();
    if !z.is_null() {
        visit(z);
    }
});

fn stream_busy(vm: &Vm) -> PyErr {
    vm.runtime_error("zlib stream is already in use")
}

fn comp_class(vm: &Vm) -> Value {
    vm.state.borrow().get("zlib.Compress").copied().unwrap_or(vm.types.object)
}

fn decomp_class(vm: &Vm) -> Value {
    vm.state.borrow().get("zlib.Decompress").copied().unwrap_or(vm.types.object)
}

/// `zlib.compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
/// strategy=Z_DEFAULT_STRATEGY, zdict=None)`.
fn z_compressobj(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [level, method, wbits, mem_level, strategy, zdict] =
        clinic(vm, "compressobj", args, kw, ["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0, 0)?;
    let level = c_int_arg(vm, level, z::Z_DEFAULT_COMPRESSION)?;
    let method = c_int_arg(vm, method, DEFLATED)?;
    let wbits = c_int_arg(vm, wbits, MAX_WBITS)?;
    let mem_level = c_int_arg(vm, mem_level, DEF_MEM_LEVEL)?;
    let strategy = c_int_arg(vm, strategy, z::Z_DEFAULT_STRATEGY)?;
    let zdict = match super::opt(zdict) {
        Some(v) => Some(need_bytes(vm, v)?),
        None => None,
    };
    if zdict.as_ref().is_some_and(|d| d.len() > c_uint::MAX as usize) {
        return Err(vm.overflow_error("zdict length does not fit in an unsigned int"));
    }
    let mut s = Stream::new(Kind::Deflate);
    match s.deflate_init(level, method, wbits, mem_level, strategy) {
        z::Z_OK => {
            if let Some(d) = zdict {
                match s.set_dictionary(&d) {
                    z::Z_OK => {}
                    z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid dictionary")),
                    _ => return Err(vm.value_error("deflateSetDictionary()")),
                }
            }
        }
        z::Z_MEM_ERROR => return Err(vm.err(vm.exc.memory_error, "Can't allocate memory for compression object")),
        z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid initialization option")),
        err => return Err(zlib_error(vm, &s, err, "while creating compression object")),
    }
    let cls = comp_class(vm);
    Ok(vm.new_native(cls, Comp { s: RefCell::new(s) }))
}

/// `Compress.compress(data, /)`.
fn comp_compress(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Comp>(vm, args, "compress", "zlib.Compress")?;
    let [data] = clinic(vm, "compress", &args[1..], kw, ["data"], 1, 1)?;
    let data = need_bytes(vm, data)?;
    let c = this::<Comp>(vm, args, "compress", "zlib.Compress")?;
    let Ok(mut s) = c.s.try_borrow_mut() else {
        return Err(stream_busy(vm));
    };
    let r = comp_compress_run(vm, &mut s, &data);
    s.clear_io();
    let out = r?;
    Ok(vm.new_bytes(out))
}

fn comp_compress_run(vm: &Vm, s: &mut Stream, data: &[u8]) -> PyResult<Vec<u8>> {
    let mut input = Input::start(s, data);
    let mut out = Out::new(None);
    out.init_and_grow(vm, s)?;
    loop {
        input.arrange(s);
        loop {
            if s.zs.avail_out == 0 {
                out.grow(vm, s)?;
            }
            let err = s.step(z::Z_NO_FLUSH);
            if err == z::Z_STREAM_ERROR {
                return Err(zlib_error(vm, s, err, "while compressing data"));
            }
            if s.zs.avail_out != 0 {
                break;
            }
        }
        if input.remains == 0 {
            break;
        }
    }
    Ok(out.finish(s))
}

/// `Compress.flush(mode=Z_FINISH, /)`.
fn comp_flush(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Comp>(vm, args, "flush", "zlib.Compress")?;
    let [mode] = clinic(vm, "flush", &args[1..], kw, ["mode"], 1, 0)?;
    let mode = c_int_arg(vm, mode, z::Z_FINISH)?;
    if mode == z::Z_NO_FLUSH {
        return Ok(vm.new_bytes(Vec::new()));
    }
    let c = this::<Comp>(vm, args, "flush", "zlib.Compress")?;
    let Ok(mut s) = c.s.try_borrow_mut() else {
        return Err(stream_busy(vm));
    };
    let r = comp_flush_run(vm, &mut s, mode);
    s.clear_io();
    let out = r?;
    Ok(vm.new_bytes(out))
}

fn comp_flush_run(vm: &Vm, s: &mut Stream, mode: c_int) -> PyResult<Vec<u8>> {
    s.zs.avail_in = 0;
    let mut out = Out::new(None);
    out.init_and_grow(vm, s)?;
    let mut err;
    loop {
        if s.zs.avail_out == 0 {
            out.grow(vm, s)?;
        }
        err = s.step(mode);
        if err == z::Z_STREAM_ERROR {
            return Err(zlib_error(vm, s, err, "while flushing"));
        }
        if s.zs.avail_out != 0 {
            break;
        }
    }
    if err == z::Z_STREAM_END && mode == z::Z_FINISH {
        let err = s.end();
        if err != z::Z_OK {
            return Err(zlib_error(vm, s, err, "while finishing compression"));
        }
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(vm, s, err, "while flushing"));
    }
    Ok(out.finish(s))
}

/// A copy of a (`what` = "compression" or "decompression") stream, with CPython's errors.
fn copy_stream(vm: &mut Vm, cell: &RefCell<Stream>, what: &str) -> PyResult<Stream> {
    let Ok(mut s) = cell.try_borrow_mut() else {
        return Err(stream_busy(vm));
    };
    let (dest, err) = s.copy();
    match err {
        z::Z_OK => Ok(dest),
        z::Z_STREAM_ERROR => Err(vm.value_error("Inconsistent stream state")),
        z::Z_MEM_ERROR => Err(vm.err(vm.exc.memory_error, format!("Can't allocate memory for {what} object"))),
        err => Err(zlib_error(vm, &s, err, &format!("while copying {what} object"))),
    }
}

/// `Compress.copy()` (also `__copy__` and `__deepcopy__(memo)`).
fn comp_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = this::<Comp>(vm, args, "copy", "zlib.Compress")?;
    let dest = copy_stream(vm, &c.s, "compression")?;
    let cls = vm.type_of(args[0]);
    Ok(vm.new_native(cls, Comp { s: RefCell::new(dest) }))
}

fn comp_copy_method(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "copy", args.get(1..).unwrap_or(&[]), kw, 0, 0)?;
    comp_copy(vm, args, kw)
}

fn comp_deepcopy(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [_memo] = clinic(vm, "__deepcopy__", args.get(1..).unwrap_or(&[]), kw, ["memo"], 1, 1)?;
    comp_copy(vm, args, kw)
}

// ----- Decompress objects -----

/// `zlib.decompressobj(wbits=MAX_WBITS, zdict=b'')`.
fn z_decompressobj(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [wbits, zdict] = clinic(vm, "decompressobj", args, kw, ["wbits", "zdict"], 0, 0)?;
    let wbits = c_int_arg(vm, wbits, MAX_WBITS)?;
    let dict = if zdict.is_null() {
        None
    } else {
        match bytes_like(vm, zdict)? {
            Some(d) => Some(d),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        }
    };
    let mut s = Stream::new(Kind::Inflate);
    match s.inflate_init(wbits) {
        z::Z_OK => {
            if let (Some(d), true) = (&dict, wbits < 0) {
                set_inflate_zdict(vm, &mut s, d)?;
            }
        }
        z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid initialization option")),
        z::Z_MEM_ERROR => return Err(vm.err(vm.exc.memory_error, "Can't allocate memory for decompression object")),
        err => return Err(zlib_error(vm, &s, err, "while creating decompression object")),
    }
    let empty = vm.new_bytes(Vec::new());
    let d = Decomp {
        s: RefCell::new(s),
        unused_data: Cell::new(empty),
        unconsumed_tail: Cell::new(empty),
        zdict: Cell::new(zdict),
        eof: Cell::new(false),
    };
    let cls = decomp_class(vm);
    Ok(vm.new_native(cls, d))
}

fn set_inflate_zdict(vm: &Vm, s: &mut Stream, dict: &[u8]) -> PyResult<()> {
    if dict.len() > c_uint::MAX as usize {
        return Err(vm.overflow_error("zdict length does not fit in an unsigned int"));
    }
    let err = s.set_dictionary(dict);
    if err != z::Z_OK {
        return Err(zlib_error(vm, s, err, "while setting zdict"));
    }
    Ok(())
}

/// CPython's `save_unconsumed_input`: input left after the end of the stream goes to
/// `unused_data`; input left because the output limit was reached goes to
/// `unconsumed_tail` (which is cleared once all input was consumed).
fn save_unconsumed_input(vm: &Vm, d: &Decomp, s: &mut Stream, input: &Input, err: c_int) {
    if err == z::Z_STREAM_END && s.zs.avail_in > 0 {
        let mut data = crate::types::bytes::bytes_data(d.unused_data.get()).unwrap_or_default();
        data.extend_from_slice(input.left(s));
        d.unused_data.set(vm.new_bytes(data));
        s.zs.avail_in = 0;
    }
    let tail_len = crate::types::bytes::bytes_data(d.unconsumed_tail.get()).map_or(0, |t| t.len());
    if s.zs.avail_in > 0 || tail_len > 0 {
        d.unconsumed_tail.set(vm.new_bytes(input.left(s).to_vec()));
    }
}

/// The bytes of the `zdict` of `d`, read now (as CPython reads the buffer when it needs it).
fn zdict_bytes(vm: &mut Vm, d: &Decomp) -> PyResult<Option<Vec<u8>>> {
    let z = d.zdict.get();
    if z.is_null() {
        return Ok(None);
    }
    need_bytes(vm, z).map(Some)
}

/// `Decompress.decompress(data, /, max_length=0)`.
fn decomp_decompress(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Decomp>(vm, args, "decompress", "zlib.Decompress")?;
    let [data, max_length] = clinic(vm, "decompress", &args[1..], kw, ["data", "max_length"], 1, 1)?;
    let data = need_bytes(vm, data)?;
    let max_length = ssize_arg(vm, max_length, 0)?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let max = if max_length == 0 { None } else { Some(max_length as usize) };
    let d = this::<Decomp>(vm, args, "decompress", "zlib.Decompress")?;
    let dict = zdict_bytes(vm, d)?;
    let Ok(mut s) = d.s.try_borrow_mut() else {
        return Err(stream_busy(vm));
    };
    let r = decomp_decompress_run(vm, d, &mut s, &data, max, dict.as_deref());
    s.clear_io();
    let out = r?;
    Ok(vm.new_bytes(out))
}

fn decomp_decompress_run(
    vm: &Vm,
    d: &Decomp,
    s: &mut Stream,
    data: &[u8],
    max: Option<usize>,
    dict: Option<&[u8]>,
) -> PyResult<Vec<u8>> {
    let mut input = Input::start(s, data);
    let mut out = Out::new(max);
    out.init_and_grow(vm, s)?;
    let mut err = z::Z_OK;
    'outer: loop {
        input.arrange(s);
        loop {
            if s.zs.avail_out == 0 {
                if Some(out.size(s)) == max {
                    break 'outer;
                }
                out.grow(vm, s)?;
            }
            err = s.step(z::Z_SYNC_FLUSH);
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                z::Z_NEED_DICT if dict.is_some() => set_inflate_zdict(vm, s, dict.unwrap_or_default())?,
                _ => break 'outer,
            }
            if s.zs.avail_out != 0 && err != z::Z_NEED_DICT {
                break;
            }
        }
        if err == z::Z_STREAM_END || input.remains == 0 {
            break;
        }
    }
    save_unconsumed_input(vm, d, s, &input, err);
    if err == z::Z_STREAM_END {
        d.eof.set(true);
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(vm, s, err, "while decompressing data"));
    }
    Ok(out.finish(s))
}

/// `Decompress.flush(length=DEF_BUF_SIZE, /)`.
fn decomp_flush(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Decomp>(vm, args, "flush", "zlib.Decompress")?;
    let [length] = clinic(vm, "flush", &args[1..], kw, ["length"], 1, 0)?;
    let length = ssize_arg(vm, length, DEF_BUF_SIZE as i64)?;
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let d = this::<Decomp>(vm, args, "flush", "zlib.Decompress")?;
    let data = crate::types::bytes::bytes_data(d.unconsumed_tail.get()).unwrap_or_default();
    let Ok(mut s) = d.s.try_borrow_mut() else {
        return Err(stream_busy(vm));
    };
    let r = decomp_flush_run(vm, d, &mut s, &data, length as usize);
    s.clear_io();
    let out = r?;
    Ok(vm.new_bytes(out))
}

fn decomp_flush_run(vm: &Vm, d: &Decomp, s: &mut Stream, data: &[u8], length: usize) -> PyResult<Vec<u8>> {
    let mut input = Input::start(s, data);
    let mut out = Out::new(None);
    out.init_with_size(vm, s, length)?;
    let mut err;
    'outer: loop {
        input.arrange(s);
        let flush = if input.remains == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            if s.zs.avail_out == 0 {
                out.grow(vm, s)?;
            }
            err = s.step(flush);
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                _ => break 'outer,
            }
            if s.zs.avail_out != 0 {
                break;
            }
        }
        if err == z::Z_STREAM_END || input.remains == 0 {
            break;
        }
    }
    save_unconsumed_input(vm, d, s, &input, err);
    if err == z::Z_STREAM_END {
        d.eof.set(true);
        let err = s.end();
        if err != z::Z_OK {
            return Err(zlib_error(vm, s, err, "while finishing decompression"));
        }
    }
    Ok(out.finish(s))
}

/// `Decompress.copy()` (also `__copy__` and `__deepcopy__(memo)`).
fn decomp_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = this::<Decomp>(vm, args, "copy", "zlib.Decompress")?;
    let dest = copy_stream(vm, &d.s, "decompression")?;
    let copy = Decomp {
        s: RefCell::new(dest),
        unused_data: Cell::new(d.unused_data.get()),
        unconsumed_tail: Cell::new(d.unconsumed_tail.get()),
        zdict: Cell::new(d.zdict.get()),
        eof: Cell::new(d.eof.get()),
    };
    let cls = vm.type_of(args[0]);
    Ok(vm.new_native(cls, copy))
}

fn decomp_copy_method(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    nargs(vm, "copy", args.get(1..).unwrap_or(&[]), kw, 0, 0)?;
    decomp_copy(vm, args, kw)
}

fn decomp_deepcopy(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [_memo] = clinic(vm, "__deepcopy__", args.get(1..).unwrap_or(&[]), kw, ["memo"], 1, 1)?;
    decomp_copy(vm, args, kw)
}

fn decomp_unused_data(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Decomp>(vm, args, "unused_data", "zlib.Decompress")?.unused_data.get())
}

fn decomp_unconsumed_tail(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Decomp>(vm, args, "unconsumed_tail", "zlib.Decompress")?.unconsumed_tail.get())
}

fn decomp_eof(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::bool(this::<Decomp>(vm, args, "eof", "zlib.Decompress")?.eof.get()))
}

// ----- the module -----

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "zlib",
        &[
            ("adler32", z_adler32),
            ("compress", z_compress),
            ("compressobj", z_compressobj),
            ("crc32", z_crc32),
            ("decompress", z_decompress),
            ("decompressobj", z_decompressobj),
        ],
    );
    use class_flags::*;
    let err = new_class(vm, "zlib", "error", vm.exc.exception, Layout::Exception, BASETYPE | HAS_DICT | EXCEPTION);
    vm.state.borrow_mut().insert("zlib.error", err);
    set(vm, m, "error", err);

    let comp = new_class(vm, "zlib", "Compress", vm.types.object, Layout::Other, 0);
    vm.add_method(comp, "compress", comp_compress);
    vm.add_method(comp, "flush", comp_flush);
    vm.add_method(comp, "copy", comp_copy_method);
    vm.add_method(comp, "__copy__", comp_copy_method);
    vm.add_method(comp, "__deepcopy__", comp_deepcopy);
    vm.state.borrow_mut().insert("zlib.Compress", comp);

    let decomp = new_class(vm, "zlib", "Decompress", vm.types.object, Layout::Other, 0);
    vm.add_method(decomp, "decompress", decomp_decompress);
    vm.add_method(decomp, "flush", decomp_flush);
    vm.add_method(decomp, "copy", decomp_copy_method);
    vm.add_method(decomp, "__copy__", decomp_copy_method);
    vm.add_method(decomp, "__deepcopy__", decomp_deepcopy);
    vm.add_getter(decomp, "unused_data", decomp_unused_data);
    vm.add_getter(decomp, "unconsumed_tail", decomp_unconsumed_tail);
    vm.add_getter(decomp, "eof", decomp_eof);
    vm.state.borrow_mut().insert("zlib.Decompress", decomp);

    let ints: [(&str, c_int); 20] = [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", DEFLATED),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as c_int),
        ("Z_NO_COMPRESSION", z::Z_NO_COMPRESSION),
        ("Z_BEST_SPEED", z::Z_BEST_SPEED),
        ("Z_BEST_COMPRESSION", z::Z_BEST_COMPRESSION),
        ("Z_DEFAULT_COMPRESSION", z::Z_DEFAULT_COMPRESSION),
        ("Z_FILTERED", z::Z_FILTERED),
        ("Z_HUFFMAN_ONLY", z::Z_HUFFMAN_ONLY),
        ("Z_RLE", z::Z_RLE),
        ("Z_FIXED", z::Z_FIXED),
        ("Z_DEFAULT_STRATEGY", z::Z_DEFAULT_STRATEGY),
        ("Z_NO_FLUSH", z::Z_NO_FLUSH),
        ("Z_PARTIAL_FLUSH", z::Z_PARTIAL_FLUSH),
        ("Z_SYNC_FLUSH", z::Z_SYNC_FLUSH),
        ("Z_FULL_FLUSH", z::Z_FULL_FLUSH),
        ("Z_FINISH", z::Z_FINISH),
        ("Z_BLOCK", z::Z_BLOCK),
        ("Z_TREES", z::Z_TREES),
    ];
    for (name, n) in ints {
        set_int(vm, m, name, n.into());
    }
    // The version of the library linked in serves as both: Krait has no separate header.
    // SAFETY: zlibVersion returns a pointer to a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(z::zlibVersion()) }.to_string_lossy().into_owned();
    let v = vm.new_str(&version);
    set(vm, m, "ZLIB_VERSION", v);
    let v = vm.new_str(&version);
    set(vm, m, "ZLIB_RUNTIME_VERSION", v);
    let v = vm.new_str("1.0");
    set(vm, m, "__version__", v);
    Ok(m)
}
