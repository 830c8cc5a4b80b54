//! `krait-tracer`: the language-neutral trace IR, recorder, snapshots, optimizer and
//! `Backend` trait (see `../shared/DESIGN.md`). It is filled in by the tracing-JIT issue;
//! for now it only holds what the workspace needs to build.
