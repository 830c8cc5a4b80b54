//! Building one `cfg::Code`: blocks, the current insertion point, constants, names and
//! frame slots.
//!
//! The lowering emits into "the current block". A block's exception handler is fixed when
//! the block is created, so code that must run under a different handler (a `try` body, a
//! `finally` copy on an exit path) starts a new block. After a terminator, further emits go
//! to a fresh block that nothing jumps to; `finish` drops every unreachable block, so
//! statements after `return` cost nothing and need no special casing.
//!
//! Temporaries are allocated as a stack: a statement takes a mark, allocates what it needs,
//! and resets to the mark when it is done. Values that must survive several statements (a
//! `for` loop's iterator, a saved exception, a pending return value) are allocated before
//! the statements that run while they are live, so nested resets never reach them.

use hashbrown::HashMap;
use std::rc::Rc;

use crate::cfg::{BlockId, Code, ConstIdx, NameIdx, Op, Opnd, Slot};
use crate::value::Value;

/// Identity of a constant, so equal literals share one entry without conflating values that
/// Python distinguishes (`0`, `0.0`, `-0.0`, `False`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    /// Never shared (tuples of constants, classes...).
    Unique(usize),
}

pub struct BlockBuf {
    pub ops: Vec<Op>,
    pub spans: Vec<(u32, u32)>,
    pub handler: Option<BlockId>,
}

impl BlockBuf {
    fn terminated(&self) -> bool {
        self.ops.last().is_some_and(|o| o.is_terminator())
    }
}

pub struct Builder {
    pub blocks: Vec<BlockBuf>,
    pub cur: BlockId,
    pub consts: Vec<Value>,
    const_map: HashMap<ConstKey, ConstIdx>,
    pub names: Vec<Value>,
    name_map: HashMap<String, NameIdx>,
    pub children: Vec<Rc<Code>>,
    /// Slots below this hold named variables; temporaries start here.
    pub nnamed: u32,
    next_temp: u32,
    max_slot: u32,
    /// Source range attached to emitted ops.
    pub span: (u32, u32),
}

impl Builder {
    pub fn new(nnamed: u32) -> Builder {
        Builder {
            blocks: vec![BlockBuf { ops: Vec::new(), spans: Vec::new(), handler: None }],
            cur: BlockId(0),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            children: Vec::new(),
            nnamed,
            next_temp: nnamed,
            max_slot: nnamed,
            span: (0, 0),
        }
    }

    // ----- blocks -----

    /// A new empty block whose ops are protected by `handler`.
    pub fn new_block(&mut self, handler: Option<BlockId>) -> BlockId {
        self.blocks.push(BlockBuf { ops: Vec::new(), spans: Vec::new(), handler });
        BlockId(self.blocks.len() as u32 - 1)
    }

    /// The handler protecting the current block.
    pub fn handler(&self) -> Option<BlockId> {
        self.blocks[self.cur.0 as usize].handler
    }

    /// A new block under the same handler as the current one.
    pub fn new_block_here(&mut self) -> BlockId {
        let h = self.handler();
        self.new_block(h)
    }

    pub fn switch_to(&mut self, b: BlockId) {
        self.cur = b;
    }

    /// True when the current block already ended (code emitted now is unreachable).
    pub fn is_terminated(&self) -> bool {
        self.blocks[self.cur.0 as usize].terminated()
    }

    pub fn emit(&mut self, op: Op) {
        if self.is_terminated() {
            let b = self.new_block_here();
            self.cur = b;
        }
        let span = self.span;
        let blk = &mut self.blocks[self.cur.0 as usize];
        blk.ops.push(op);
        blk.spans.push(span);
    }

    /// Ends the current block with a jump to `target` (unless it already ended).
    pub fn jump(&mut self, target: BlockId) {
        if !self.is_terminated() {
            self.emit(Op::Jump { target });
        }
    }

    /// Jumps to a fresh block protected by `handler` and continues there.
    pub fn continue_in_new_block(&mut self, handler: Option<BlockId>) -> BlockId {
        let b = self.new_block(handler);
        self.jump(b);
        self.cur = b;
        b
    }

    // ----- slots -----

    pub fn temp(&mut self) -> Slot {
        let s = self.next_temp;
        self.next_temp += 1;
        self.max_slot = self.max_slot.max(self.next_temp);
        s
    }

    pub fn temp_mark(&self) -> u32 {
        self.next_temp
    }

    pub fn temp_reset(&mut self, mark: u32) {
        debug_assert!(mark >= self.nnamed && mark <= self.next_temp);
        self.next_temp = mark;
    }

    // ----- constants and names -----

    pub fn add_const(&mut self, key: ConstKey, v: Value) -> ConstIdx {
        if !matches!(key, ConstKey::Unique(_)) {
            if let Some(&i) = self.const_map.get(&key) {
                return i;
            }
        }
        let i = self.consts.len() as ConstIdx;
        self.consts.push(v);
        if !matches!(key, ConstKey::Unique(_)) {
            self.const_map.insert(key, i);
        }
        i
    }

    /// A constant that is never shared with another entry.
    pub fn add_unique_const(&mut self, v: Value) -> ConstIdx {
        let k = ConstKey::Unique(self.consts.len());
        self.add_const(k, v)
    }

    pub fn none(&mut self) -> Opnd {
        Opnd::Const(self.add_const(ConstKey::None, Value::NONE))
    }

    /// Index of an interned name (`interned` must be the interned str for `s`).
    pub fn add_name(&mut self, s: &str, interned: Value) -> NameIdx {
        if let Some(&i) = self.name_map.get(s) {
            return i;
        }
        let i = self.names.len() as NameIdx;
        self.names.push(interned);
        self.name_map.insert(s.to_owned(), i);
        i
    }

    // ----- finishing -----

    /// Total frame slots.
    pub fn nslots(&self) -> u32 {
        self.max_slot
    }

    /// Final block list: jumps to blocks that only jump elsewhere are redirected to the
    /// final target, unreachable blocks are dropped, and the rest are numbered in reverse
    /// postorder from the entry (block 0), so loop headers precede their bodies and every
    /// back edge goes to a block numbered no higher than its source. Fails when a
    /// reachable block does not end in a terminator, which is a lowering bug.
    pub fn finish_blocks(&mut self) -> Result<Vec<crate::cfg::Block>, String> {
        let n = self.blocks.len();
        // Jump threading.
        let forward = |blocks: &[BlockBuf], mut b: BlockId| -> BlockId {
            for _ in 0..n {
                let blk = &blocks[b.0 as usize];
                match blk.ops.as_slice() {
                    [Op::Jump { target }] if *target != b => b = *target,
                    _ => break,
                }
            }
            b
        };
        for i in 0..n {
            let mut last = self.blocks[i].ops.pop();
            if let Some(op) = last.as_mut() {
                match op {
                    Op::Jump { target } => *target = forward(&self.blocks, *target),
                    Op::Branch { t, f, .. } => {
                        *t = forward(&self.blocks, *t);
                        *f = forward(&self.blocks, *f);
                    }
                    Op::ForIter { body, exit, .. } => {
                        *body = forward(&self.blocks, *body);
                        *exit = forward(&self.blocks, *exit);
                    }
                    _ => {}
                }
            }
            if let Some(op) = last {
                self.blocks[i].ops.push(op);
            }
        }
        let succs = |b: &BlockBuf| -> Vec<usize> {
            let mut v = Vec::new();
            if let Some(last) = b.ops.last() {
                match last {
                    Op::Jump { target } => v.push(target.0 as usize),
                    Op::Branch { t, f, .. } => {
                        v.push(t.0 as usize);
                        v.push(f.0 as usize)
                    }
                    Op::ForIter { body, exit, .. } => {
                        v.push(body.0 as usize);
                        v.push(exit.0 as usize)
                    }
                    _ => {}
                }
            }
            if let Some(h) = b.handler {
                v.push(h.0 as usize);
            }
            v
        };
        // Postorder by an explicit-stack DFS (Python controls the nesting depth).
        let mut visited = vec![false; n];
        let mut post: Vec<usize> = Vec::with_capacity(n);
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(0, succs(&self.blocks[0]))];
        visited[0] = true;
        while let Some((b, rest)) = stack.last_mut() {
            let b = *b;
            if rest.is_empty() {
                post.push(b);
                stack.pop();
                continue;
            }
            let next = rest.remove(0);
            if !visited[next] {
                visited[next] = true;
                let s = succs(&self.blocks[next]);
                stack.push((next, s));
            }
        }
        post.reverse();
        let mut remap = vec![u32::MAX; n];
        for (new, &old) in post.iter().enumerate() {
            remap[old] = new as u32;
        }
        let fix = |b: &mut BlockId| b.0 = remap[b.0 as usize];
        let mut taken: Vec<Option<BlockBuf>> = std::mem::take(&mut self.blocks).into_iter().map(Some).collect();
        let mut out = Vec::with_capacity(post.len());
        for &old in &post {
            let Some(blk) = taken[old].take() else {
                return Err(format!("block {old} visited twice"));
            };
            if !blk.terminated() {
                return Err(format!("reachable block {old} does not end in a terminator"));
            }
            let mut ops = blk.ops;
            if let Some(last) = ops.last_mut() {
                match last {
                    Op::Jump { target } => fix(target),
                    Op::Branch { t, f, .. } => {
                        fix(t);
                        fix(f)
                    }
                    Op::ForIter { body, exit, .. } => {
                        fix(body);
                        fix(exit)
                    }
                    _ => {}
                }
            }
            let handler = blk.handler.map(|mut h| {
                fix(&mut h);
                h
            });
            out.push(crate::cfg::Block {
                ops,
                spans: blk.spans,
                handler,
                jit_cold: Default::default(),
                jit_unroll: Default::default(),
            });
        }
        Ok(out)
    }
}
