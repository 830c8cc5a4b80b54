//! Unit tests of the lowering: well-formedness of the produced code and a few golden
//! decisions (slots, flags, names).

use std::rc::Rc;

use super::{compile, Mode};
use crate::cfg::{code_flags, Code, Op, Source};
use crate::vm::Vm;

fn lower(src: &str) -> Rc<Code> {
    let mut vm = Vm::new();
    let source = Rc::new(Source::new("<test>".into(), src.into()));
    match compile(&mut vm, source, Mode::Exec) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {:?}", e.0.obj().as_exception().map(|x| x.args.get())),
    }
}

fn all_checked(c: &Code) {
    c.check().expect("well-formed");
    for ch in &c.children {
        all_checked(ch);
    }
}

fn child<'c>(c: &'c Code, name: &str) -> &'c Code {
    c.children.iter().find(|ch| ch.name.as_rstr() == Some(name)).expect("child code")
}

#[test]
fn lowers_a_variety_of_statements() {
    let src = r#"
import sys
from os import path as p
x = 1
a, *b, c = [1, 2, 3, 4]
def f(a, b=2, *args, c, d=4, **kw):
    """doc"""
    global x
    x += a
    try:
        for i in range(3):
            if i == 1:
                continue
            elif i == 2:
                break
        else:
            pass
    except (ValueError, TypeError) as e:
        return e
    finally:
        print("done")
    with open("f") as fh, open("g"):
        return [y for y in args if y]
    while a < b < c:
        a = a + 1
    return lambda q: q + a
class C(object, metaclass=type):
    z: int = 3
    def m(self):
        return super().m()
match x:
    case [1, *rest] if rest:
        pass
    case {"k": v, **kw}:
        pass
    case C(z=1) | C(z=2):
        pass
    case _:
        pass
print(f"{x!r:>{10}} {x=}")
assert x, "msg"
del x
"#;
    let c = lower(src);
    all_checked(&c);
    assert!(c.flags & code_flags::MODULE != 0);
    let f = child(&c, "f");
    assert_eq!(f.argcount, 2);
    assert_eq!(f.kwonlyargcount, 2);
    assert!(f.flags & code_flags::VARARGS != 0 && f.flags & code_flags::VARKEYWORDS != 0);
    assert_eq!(f.doc.as_rstr(), Some("doc"));
    let names: Vec<&str> = f.slot_names.iter().map(|v| v.as_rstr().unwrap_or("?")).collect();
    assert_eq!(&names[..6], &["a", "b", "c", "d", "args", "kw"]);
    let cls = child(&c, "C");
    assert!(cls.flags & code_flags::CLASS_BODY != 0);
    assert_eq!(cls.cellvars.len(), 1);
    let m = child(cls, "m");
    assert_eq!(m.qualname.as_rstr(), Some("C.m"));
    assert_eq!(m.freevars.len(), 1);
}

#[test]
fn closures_and_qualnames() {
    let c = lower("def outer(a):\n    def inner():\n        return a\n    return inner\n");
    all_checked(&c);
    let o = child(&c, "outer");
    assert_eq!(o.cellvars.len(), 1);
    assert_eq!(o.cellvars[0].2, Some(0));
    let i = child(o, "inner");
    assert_eq!(i.qualname.as_rstr(), Some("outer.<locals>.inner"));
    assert!(i.blocks.iter().any(|b| b.ops.iter().any(|op| matches!(op, Op::LoadDeref { .. }))));
}

#[test]
fn generators_are_flagged() {
    let c = lower("def g():\n    yield 1\n    yield from [2]\nx = (i for i in range(3))\n");
    all_checked(&c);
    assert!(child(&c, "g").is_generator());
    assert!(child(&c, "<genexpr>").is_generator());
}

fn syntax_error(src: &str) -> String {
    let mut vm = Vm::new();
    let source = Rc::new(Source::new("<test>".into(), src.into()));
    match compile(&mut vm, source, Mode::Exec) {
        Ok(_) => panic!("expected a SyntaxError for {src:?}"),
        Err(e) => {
            let args = e.0.obj().as_exception().expect("exception").args.get();
            let t = args.as_tuple().expect("args tuple");
            t[0].as_rstr().unwrap_or("").to_owned()
        }
    }
}

#[test]
fn compiler_syntax_errors() {
    assert_eq!(syntax_error("return 1\n"), "'return' outside function");
    assert_eq!(syntax_error("break\n"), "'break' outside loop");
    assert_eq!(syntax_error("continue\n"), "'continue' not properly in loop");
    assert_eq!(syntax_error("yield 1\n"), "'yield' outside function");
    assert_eq!(syntax_error("def f(a, a): pass\n"), "duplicate argument 'a' in function definition");
    assert_eq!(syntax_error("def f():\n    from m import *\n"), "import * only allowed at module level");
    assert_eq!(syntax_error("nonlocal x\n"), "nonlocal declaration not allowed at module level");
    assert_eq!(syntax_error("f(a=1, a=2)\n"), "keyword argument repeated: a");
}

#[test]
fn async_functions_are_coroutine_code() {
    let c = lower("async def f():\n    await g()\nasync def h():\n    yield 1\n");
    all_checked(&c);
    let f = child(&c, "f");
    assert!(f.flags & crate::cfg::code_flags::COROUTINE != 0 && !f.is_generator());
    let h = child(&c, "h");
    assert!(h.flags & crate::cfg::code_flags::COROUTINE != 0 && h.is_generator());
    assert!(f.blocks.iter().flat_map(|b| &b.ops).any(|op| matches!(op, Op::YieldFrom { .. })));
    assert_eq!(syntax_error("async def f():\n    pass\nawait x\n"), "'await' outside function");
    assert_eq!(
        syntax_error("def f():\n    try: pass\n    except* E: return 1\n"),
        "'break', 'continue' and 'return' cannot appear in an except* block"
    );
}

#[test]
fn future_annotations_and_future_errors() {
    let c = lower("from __future__ import annotations\ndef f(x: List[int]) -> 'str': pass\n");
    all_checked(&c);
    let strs: Vec<&str> = c.consts.iter().filter_map(|v| v.as_rstr()).collect();
    assert!(strs.contains(&"List[int]") && strs.contains(&"'str'"), "{strs:?}");
    assert_eq!(
        syntax_error("x = 1\nfrom __future__ import annotations\n"),
        "from __future__ imports must occur at the beginning of the file"
    );
    assert_eq!(syntax_error("from __future__ import braces\n"), "not a chance");
}

#[test]
fn unpacking_into_locals_is_direct() {
    let c = lower("def f(t):\n    a, b = t\n    return a\n");
    let f = child(&c, "f");
    let direct =
        f.blocks.iter().flat_map(|b| &b.ops).any(|op| matches!(op, Op::Unpack { dsts, .. } if dsts[..] == [1, 2]));
    assert!(direct);
}
