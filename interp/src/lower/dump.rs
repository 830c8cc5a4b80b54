//! A readable listing of lowered code, printed to stderr by `compile` when the
//! `KRAIT_DUMP_LOWER` environment variable is set (for debugging the front end).

use std::fmt::Write;

use crate::cfg::Code;

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
    let slots: Vec<&str> = c.slot_names.iter().map(|n| n.as_rstr().unwrap_or("?")).collect();
    let _ = writeln!(out, "  slots: {slots:?}");
    let names: Vec<&str> = c.names.iter().map(|n| n.as_rstr().unwrap_or("?")).collect();
    let _ = writeln!(out, "  names: {names:?}");
    for (i, k) in c.consts.iter().enumerate() {
        let _ = writeln!(out, "  const#{i} = {k:?}{}", k.as_rstr().map(|s| format!(" {s:?}")).unwrap_or_default());
    }
    for (bi, b) in c.blocks.iter().enumerate() {
        let _ = writeln!(out, "  B{bi}:{}", b.handler.map(|h| format!("  (handler B{})", h.0)).unwrap_or_default());
        for (op, span) in b.ops.iter().zip(&b.spans) {
            let text = format!("{op:?}");
            let _ = writeln!(out, "    {text:<100} ; line {}", c.line_of_span(*span));
        }
    }
    for ch in &c.children {
        dump_into(ch, out);
    }
}
