//! Dead code elimination: a pure op whose value nothing needs goes.
//!
//! Needed are the ops that are not pure (stores, guards, overflow checks, calls with side
//! effects, the jump), and, transitively, the values they read, including the values named
//! by the snapshots they can leave through. One backward walk finds them all, since every
//! operand is defined before its reader. Params always stay: they are the trace's inputs.

use super::Rewriter;
use crate::ir::Trace;

pub fn run(src: &Trace) -> Trace {
    let n = src.ops.len();
    let mut live = vec![false; n];
    for i in (0..n).rev() {
        let op = &src.ops[i];
        if !op.is_pure() {
            live[i] = true;
        }
        if !live[i] {
            continue;
        }
        for v in op.operands() {
            live[v.index()] = true;
        }
        if let Some(s) = op.snapshot() {
            for v in src.snapshots[s.0 as usize].reads() {
                live[v.index()] = true;
            }
        }
    }
    let mut r = Rewriter::new(src);
    for (i, &keep) in live.iter().enumerate().skip(src.params.len()) {
        if keep {
            let op = r.renamed(i);
            r.keep(i, op);
        }
    }
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::assert_pass;

    #[test]
    fn removes_unused_pure_ops_and_keeps_what_exits_need() {
        assert_pass(
            run,
            "
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add v0, v2
v4 = int_mul v3, v3
v5 = int_add_ov v1, v2 !s0 [ov]
v6 = call_pure 0x10(v4) : int
v7 = call 0x10(v4) : int
v8 = load [v0] : int
v9 = int_cmp lt v3, v1
guard_true v9 !s1 [k]
v11 = int_sub v0, v2
jump v3, v1
s0 = snapshot [meta=0: 0=v4]
s1 = snapshot [meta=0: 0=v3 1=v3]
",
            "
kinds: ov, k
v0 = param 0 : int
v1 = param 1 : int
v2 = const_int 1
v3 = int_add v0, v2
v4 = int_mul v3, v3
v5 = int_add_ov v1, v2 !s0 [ov]
v6 = call 0x10(v4) : int
v7 = int_cmp lt v3, v1
guard_true v7 !s1 [k]
jump v3, v1
s0 = snapshot [meta=0: 0=v4]
s1 = snapshot [meta=0: 0=v3 1=v3]
",
        );
    }
}
