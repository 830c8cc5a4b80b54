//! What every heap object refers to: `trace_obj` calls `t.value` on each `Value` a `PyObj`
//! holds, and `t.code` on each code object it holds (`Rc<Code>`, whose constants and names
//! are `Value`s too).
//!
//! The matches below destructure every struct and enum exhaustively (no `..`, no `_`), so
//! adding a field or a `Payload` variant is a compile error here until it is traced.

use std::cell::RefCell;
use std::rc::Rc;

use crate::cfg::Code;
use crate::frame::Frame;
use crate::object::{
    Attrs, ClassData, ExcData, Function, GenState, ModuleData, NativeFunction, Payload, PyObj, PyStr, TracebackData,
};
use crate::value::Value;

/// Receives what an object refers to.
pub trait Tracer {
    fn value(&mut self, v: Value);
    fn code(&mut self, c: &Rc<Code>);
    /// Every value of a slice (list and tuple items), in order.
    #[inline(always)]
    fn values(&mut self, vs: &[Value]) {
        for &v in vs {
            self.value(v);
        }
    }
}

/// Reads a `RefCell` for tracing even if it is mutably borrowed.
///
/// A mutable borrow can only be held by a Rust activation suspended further up this
/// thread's stack (collections happen at safepoints, on the one thread objects live on);
/// that code is not running while we read, so reading the contents is a plain read of
/// memory that is not being written.
#[inline]
pub(crate) fn read<T>(c: &RefCell<T>) -> &T {
    // SAFETY (Ok case): no mutable borrow exists now, and none is created while we trace
    // (the collector runs no Python code and mutates no object during marking).
    match unsafe { c.try_borrow_unguarded() } {
        Ok(r) => r,
        // SAFETY: see the function's comment: the mutable borrower is suspended.
        Err(_) => unsafe { &*c.as_ptr() },
    }
}

/// The values of one frame (registered running frames and suspended generator frames).
pub fn trace_frame<T: Tracer + ?Sized>(f: &Frame, t: &mut T) {
    let Frame { code: c, slots, globals, builtins, locals, func, block: _, stmt: _, exc, sent, throw_in: _ } = f;
    t.code(c);
    for &v in slots {
        t.value(v);
    }
    t.value(*globals);
    t.value(*builtins);
    t.value(*locals);
    t.value(*func);
    t.value(*exc);
    t.value(*sent);
}

/// Every `Value` a code object holds (not its children: `code` is called for those).
pub fn trace_code<T: Tracer + ?Sized>(c: &Code, t: &mut T) {
    t.value(c.name);
    t.value(c.qualname);
    t.value(c.doc);
    for &v in &c.slot_names {
        t.value(v);
    }
    for &(n, _, _) in &c.cellvars {
        t.value(n);
    }
    for &(n, _) in &c.freevars {
        t.value(n);
    }
    for &v in &c.names {
        t.value(v);
    }
    for &v in &c.consts {
        t.value(v);
    }
    for ch in &c.children {
        t.code(ch);
    }
}

#[inline(always)]
fn trace_attrs<T: Tracer + ?Sized>(a: &Attrs, t: &mut T) {
    let Attrs { map, slots, dict } = a;
    for &n in &map.get().names {
        t.value(n);
    }
    for &v in read(slots) {
        t.value(v);
    }
    t.value(dict.get());
}

/// Calls `visit` on every `Value` held by `o`, and `code` on every code object.
///
/// Generic over the tracer so the collector's marker is inlined into the walk (no dynamic
/// call per value); `&mut dyn Tracer` works too.
pub fn trace_obj<T: Tracer + ?Sized>(o: &PyObj, t: &mut T) {
    let PyObj { class, gc: _, attrs, payload } = o;
    t.value(class.get());
    if let Some(a) = attrs {
        trace_attrs(a, t);
    }
    match payload {
        Payload::Object
        | Payload::Int(_)
        | Payload::Float(_)
        | Payload::Complex(_, _)
        | Payload::Bytes(_)
        | Payload::ByteArray(_) => {}
        Payload::Str(PyStr { s: _, char_len: _, hash: _ }) => {}
        Payload::List(l) => t.values(read(l.values_raw()).as_slice()),
        Payload::Tuple(items) => t.values(items),
        Payload::Dict(d) => {
            for (k, v) in read(d).iter() {
                t.value(k);
                t.value(v);
            }
        }
        Payload::Set(s) | Payload::FrozenSet(s) => read(s).trace(&mut |v| t.value(v)),
        Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => {
            t.value(*start);
            t.value(*stop);
            t.value(*step);
        }
        Payload::Class(c) => {
            let ClassData { name, qualname, bases, mro, dict, version: _, layout: _, flags: _, slots, subclasses } =
                &**c;
            t.value(name.get());
            t.value(qualname.get());
            for &v in read(bases) {
                t.value(v);
            }
            for &v in read(mro) {
                t.value(v);
            }
            t.value(*dict);
            if let Some(s) = read(slots) {
                for &v in s {
                    t.value(v);
                }
            }
            for &v in read(subclasses) {
                t.value(v);
            }
        }
        Payload::Function(f) => {
            let Function {
                code: c,
                globals,
                builtins,
                defaults,
                kwdefaults,
                closure,
                name,
                qualname,
                doc,
                module,
                annotations,
            } = &**f;
            t.code(c);
            t.value(*globals);
            t.value(*builtins);
            t.value(defaults.get());
            t.value(kwdefaults.get());
            for &v in closure.iter() {
                t.value(v);
            }
            t.value(name.get());
            t.value(qualname.get());
            t.value(doc.get());
            t.value(module.get());
            t.value(annotations.get());
        }
        Payload::NativeFunction(nf) => {
            let NativeFunction { name: _, f: _, kind: _, bound, owner, data } = &**nf;
            t.value(*bound);
            t.value(*owner);
            t.value(*data);
        }
        Payload::BoundMethod { func, obj } => {
            t.value(*func);
            t.value(*obj);
        }
        Payload::Cell(c) => t.value(c.get()),
        Payload::Code(c) => t.code(c),
        Payload::Module(m) => {
            let ModuleData { name, dict } = &**m;
            t.value(*name);
            t.value(*dict);
        }
        Payload::Generator(g) => {
            let GenState {
                frame,
                running: _,
                name,
                qualname,
                exc_state,
                kind: _,
                code,
                running_async: _,
                closed: _,
                hooks_inited: _,
            } = read(g);
            if let Some(f) = frame {
                trace_frame(f, t);
            }
            t.code(code);
            t.value(*name);
            t.value(*qualname);
            t.value(*exc_state);
        }
        Payload::Exception(e) => {
            let ExcData { args, traceback, cause, context, suppress_context: _ } = &**e;
            t.value(args.get());
            t.value(traceback.get());
            t.value(cause.get());
            t.value(context.get());
        }
        Payload::Traceback(tb) => {
            let TracebackData { next, code: c, lineno: _, span: _, frame } = &**tb;
            t.value(next.get());
            t.code(c);
            t.value(*frame);
        }
        Payload::Property { fget, fset, fdel, doc } => {
            t.value(fget.get());
            t.value(fset.get());
            t.value(fdel.get());
            t.value(doc.get());
        }
        Payload::StaticMethod(c) | Payload::ClassMethod(c) => t.value(c.get()),
        Payload::Super { ty, obj, obj_type } => {
            t.value(*ty);
            t.value(*obj);
            t.value(*obj_type);
        }
        Payload::Native(n) => n.trace(&mut |v| t.value(v)),
    }
}
