//! `krait-interp`: parsing, lowering, the object model, the heap, builtins and native
//! modules, and the interpreter over the flat CFG (see `../shared/DESIGN.md`).
//!
//! ```text
//!  lower/      source -> AST (ruff_python_parser) -> scopes -> flat CFG (cfg.rs)
//!  eval/       runs CFG frames; calls, attributes, operators, classes, generators,
//!              exceptions and tracebacks
//!  types/      methods of the builtin types (int, float, str, list, dict, ...)
//!  builtins/   the builtins module, sys, imports, exec/eval/compile
//!  modules/    the standard library's native modules (math, posix, _io, ...)
//!  value.rs    the 64-bit Value word; object.rs heap objects; dict.rs the compact dict
//!  vm.rs       the Vm context and the object-protocol entry points
//! ```

pub mod builtins;
pub mod cfg;
pub mod dict;
pub mod eval;
pub mod exceptions;
pub mod frame;
pub mod gc;
pub mod heap;
pub mod jit;
pub mod lower;
pub mod modules;
pub mod object;
pub mod threads;
pub mod types;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::{PyErr, PyResult, Vm};
