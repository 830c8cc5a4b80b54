//! Disassembly listings of compiled traces (iced-x86, Intel syntax), annotated with the IR
//! op each stretch of code implements. Addresses are offsets from the trace's first byte,
//! branch targets included, so listings of the same trace compare equal across runs.

use std::fmt::Write;

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// Lists `code`, printing each mark `(offset, text)` as a comment before the instruction
/// at that offset.
pub fn listing(code: &[u8], marks: &[(usize, String)]) -> String {
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    formatter.options_mut().set_first_operand_char_index(8);
    let mut out = String::new();
    let mut text = String::new();
    let mut instr = Instruction::default();
    let mut m = 0;
    while decoder.can_decode() {
        decoder.decode_out(&mut instr);
        let off = instr.ip() as usize;
        while m < marks.len() && marks[m].0 <= off {
            let _ = writeln!(out, "        ; {}", marks[m].1);
            m += 1;
        }
        text.clear();
        formatter.format(&instr, &mut text);
        let _ = writeln!(out, "{off:6x}  {text}");
    }
    out
}
