//! `krait-backend-x86_64`: trace IR to x86-64 machine code with dynasm-rs. Filled in by
//! the tracing-JIT issue; empty until then.
