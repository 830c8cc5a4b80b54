//! Machine code memory: one mapped region per trace, never writable and executable at once.
//!
//! dynasm-rs assembles into a `Vec` (`VecAssembler`), whose code is position independent
//! (internal jumps are relative; helpers are called through an absolute address in a
//! register). `CodeRegion::new` maps fresh read-write pages, copies the code in and turns the
//! pages read-execute. Later changes (a guard's jump retargeted to a bridge) go through
//! `CodeRegion::writer`, which flips the region to read-write for the lifetime of a
//! `Writer` and back to read-execute when it is dropped; since every trace owns its region,
//! flipping it never affects code of another trace. Bridges must land within ±2 GiB of the
//! guard (a `jcc rel32`), which the future bridge arena will guarantee by reserving one large
//! range and carving regions out of it.

use std::ptr;

/// Executable memory holding one trace's code.
pub struct CodeRegion {
    ptr: *mut u8,
    mapped: usize,
    len: usize,
}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p <= 0 {
        4096
    } else {
        p as usize
    }
}

impl CodeRegion {
    /// Maps a region holding `code`, read-execute.
    pub fn new(code: &[u8]) -> Result<CodeRegion, String> {
        let page = page_size();
        let mapped = code.len().max(1).div_ceil(page) * page;
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing aliases
        // no Rust object; the result is checked against MAP_FAILED.
        let p = unsafe {
            libc::mmap(
                ptr::null_mut(),
                mapped,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(format!("mmap of {mapped} bytes for code failed: {}", std::io::Error::last_os_error()));
        }
        let region = CodeRegion { ptr: p as *mut u8, mapped, len: code.len() };
        // SAFETY: the mapping is `mapped >= code.len()` bytes, writable, and owned by `region`.
        unsafe { ptr::copy_nonoverlapping(code.as_ptr(), region.ptr, code.len()) };
        region.protect(libc::PROT_READ | libc::PROT_EXEC)?;
        Ok(region)
    }

    fn protect(&self, prot: libc::c_int) -> Result<(), String> {
        // SAFETY: `ptr..ptr + mapped` is exactly the mapping this region owns.
        let r = unsafe { libc::mprotect(self.ptr as *mut libc::c_void, self.mapped, prot) };
        if r != 0 {
            return Err(format!("mprotect of code failed: {}", std::io::Error::last_os_error()));
        }
        Ok(())
    }

    /// Address of the first byte of code.
    pub fn start(&self) -> *const u8 {
        self.ptr
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The code bytes (readable in either protection state).
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were initialized in `new` and the mapping is always
        // readable; writes only happen through a `Writer`, which borrows `self` mutably.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    /// Makes the region writable (and not executable) until the writer is dropped.
    pub fn writer(&mut self) -> Result<Writer<'_>, String> {
        self.protect(libc::PROT_READ | libc::PROT_WRITE)?;
        Ok(Writer { region: self })
    }
}

impl Drop for CodeRegion {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping created in `new`; no code of it runs any more
        // because the owning trace is being dropped.
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.mapped) };
    }
}

/// Write access to a region's code; the region is read-execute again when this drops.
pub struct Writer<'a> {
    region: &'a mut CodeRegion,
}

impl Writer<'_> {
    /// Overwrites code at `offset`.
    pub fn write(&mut self, offset: usize, bytes: &[u8]) -> Result<(), String> {
        let end = offset.checked_add(bytes.len()).filter(|&e| e <= self.region.len);
        if end.is_none() {
            return Err(format!("patch at {offset}+{} outside {} bytes of code", bytes.len(), self.region.len));
        }
        // SAFETY: the range is inside the region (checked above), which is writable while
        // this writer exists, and no reference to its bytes is alive (we borrow it mutably).
        unsafe { ptr::copy_nonoverlapping(bytes.as_ptr(), self.region.ptr.add(offset), bytes.len()) };
        Ok(())
    }
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        // Failing to restore execute permission would make the next run fault rather than
        // run writable code; there is no better recovery in a destructor.
        let _ = self.region.protect(libc::PROT_READ | libc::PROT_EXEC);
    }
}
