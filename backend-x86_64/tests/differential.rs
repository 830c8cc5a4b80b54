//! Random traces, run on `RefBackend` and on x86: same exit, same exit buffer, same memory.
#![cfg(target_arch = "x86_64")]

mod common;

#[test]
fn random_small_traces() {
    for seed in 0..3000 {
        common::differential(&common::case(seed, 40), seed);
    }
}

#[test]
fn random_long_traces() {
    for seed in 10_000..10_300 {
        common::differential(&common::case(seed, 250), seed);
    }
}

#[test]
fn conformance_suite() {
    let n = krait_tracer::conformance::run_all(&mut krait_backend_x86_64::X86Backend::new())
        .unwrap_or_else(|e| panic!("{e}"));
    println!("{n} conformance cases passed");
    assert!(n > 0);
}

#[test]
fn conformance_random() {
    krait_tracer::conformance::run_random(&mut krait_backend_x86_64::X86Backend::new(), 0..3000)
        .unwrap_or_else(|e| panic!("{e}"));
}
