//! `krait-backend-aarch64`: trace IR to AArch64 machine code with dynasm-rs. Filled in by
//! a later issue; empty until then.
