//! Criterion micro-benchmarks of the interpreter's hot paths: dispatch, attribute load and
//! store, dict get/set, calls, allocation.
//!
//!   cargo bench --manifest-path benches/criterion/Cargo.toml
//!   cargo bench --manifest-path benches/criterion/Cargo.toml -- 'py/'      # Python-level only
//!   cargo bench --manifest-path benches/criterion/Cargo.toml -- --quick    # fewer samples
//!
//! Two groups:
//! - `py/*`: a Python function compiled once (see `krait_criterion::PYTHON`) and called
//!   with a work size N per iteration; throughput is N operations per call, so criterion's
//!   "elem/s" is Python-level operations per second through the eval loop.
//! - `api/*`: one call of krait-interp's public API per iteration (`Vm::dict_get`,
//!   `Vm::get_attr`, `Vm::call`, `Vm::new_list`, ...), without the eval loop around it.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use krait_criterion::{Session, PYTHON};

/// Operations per call of a `py/*` function: large enough that the call itself is noise.
const N: i64 = 10_000;

fn python_level(c: &mut Criterion, s: &mut Session) {
    let p = s.global("P");
    let mut g = c.benchmark_group("py");
    g.throughput(Throughput::Elements(N as u64));
    // (benchmark name, function, whether it takes the Point3 instance first)
    let cases: &[(&str, &str, bool)] = &[
        ("dispatch", "dispatch", false),
        ("attr_load", "attr_load", true),
        ("attr_store", "attr_store", true),
        ("dict_int_get_set", "dict_get_set", false),
        ("dict_str_get_set", "dict_str_keys", false),
        ("call_function", "call_function", false),
        ("call_method", "call_method", true),
        ("call_kwargs", "call_kwargs", false),
        ("alloc_objects", "alloc", false),
        ("float_arith", "alloc_float", false),
    ];
    for &(name, func, with_p) in cases {
        let f = s.global(func);
        let n = s.int(N);
        g.bench_function(name, |b| {
            b.iter(|| {
                let r = if with_p { s.call(f, &[p, n]) } else { s.call(f, &[n]) };
                black_box(r)
            })
        });
    }
    g.finish();
}

fn api_level(c: &mut Criterion, s: &mut Session) {
    let mut g = c.benchmark_group("api");
    g.throughput(Throughput::Elements(1));

    // dict: int keys and interned str keys, in a dict of 1024 entries
    let d = s.vm.new_dict();
    let key_name = s.vm.intern("D");
    s.vm.dict_set_str(s.globals, key_name, d);
    for i in 0..1024 {
        let (k, v) = (s.int(i), s.int(i * 2));
        s.vm.dict_set(d, k, v).expect("dict_set");
    }
    let mut i = 0i64;
    g.bench_function("dict_get_int", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            let k = s.vm.new_int(i);
            black_box(s.vm.dict_get(d, k).expect("dict_get"))
        })
    });
    g.bench_function("dict_set_int", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            let k = s.vm.new_int(i);
            s.vm.dict_set(d, k, k).expect("dict_set");
        })
    });
    let names: Vec<_> = (0..64).map(|k| s.vm.intern(&format!("name{k}"))).collect();
    for &k in &names {
        s.vm.dict_set(d, k, k).expect("dict_set");
    }
    let mut j = 0usize;
    g.bench_function("dict_get_str", |b| {
        b.iter(|| {
            j = (j + 1) & 63;
            black_box(s.vm.dict_get(d, names[j]).expect("dict_get"))
        })
    });

    // attributes of an instance with three slots, and a method found on its class
    let p = s.global("P");
    let x = s.vm.intern("x");
    let z = s.vm.intern("z");
    let total = s.vm.intern("total");
    g.bench_function("get_attr_instance", |b| b.iter(|| black_box(s.vm.get_attr(p, x).expect("get_attr"))));
    g.bench_function("get_attr_last_slot", |b| b.iter(|| black_box(s.vm.get_attr(p, z).expect("get_attr"))));
    g.bench_function("get_attr_bound_method", |b| b.iter(|| black_box(s.vm.get_attr(p, total).expect("get_attr"))));
    let one = s.int(1);
    g.bench_function("set_attr_instance", |b| b.iter(|| s.vm.set_attr(p, x, one).expect("set_attr")));

    // calls from Rust: a Python function, a bound method, a builtin
    let leaf = s.global("leaf");
    let (a1, a2) = (s.int(3), s.int(4));
    g.bench_function("call_python_function", |b| b.iter(|| black_box(s.call(leaf, &[a1, a2]))));
    let bound = s.vm.get_attr(p, total).expect("get_attr");
    g.bench_function("call_bound_method", |b| b.iter(|| black_box(s.call(bound, &[]))));
    let len_name = s.vm.intern("len");
    let len = s.vm.dict_get_str(s.vm.builtins_dict, len_name).expect("builtins.len");
    g.bench_function("call_builtin_len", |b| b.iter(|| black_box(s.call(len, &[d]))));

    // allocation: small containers, dropped at once (the collector reclaims them)
    g.bench_function("new_list_2", |b| b.iter(|| black_box(s.vm.new_list(vec![a1, a2]))));
    g.bench_function("new_tuple_2", |b| b.iter(|| black_box(s.vm.new_tuple(vec![a1, a2]))));
    g.bench_function("new_dict", |b| b.iter(|| black_box(s.vm.new_dict())));
    let point = s.global("Point");
    g.bench_function("new_instance", |b| b.iter(|| black_box(s.call(point, &[a1, a2]))));
    g.bench_function("new_str_16", |b| b.iter(|| black_box(s.vm.new_str(black_box("sixteen bytes!!!")))));
    g.finish();
}

fn all(c: &mut Criterion) {
    // One VM for everything: krait-interp's collector runs only while one VM exists.
    let mut s = Session::new();
    if let Err(e) = s.exec(PYTHON).and_then(|_| s.exec("P = Point3(1, 2, 3)")) {
        panic!("the benchmark source failed under Krait:\n{e}");
    }
    python_level(c, &mut s);
    api_level(c, &mut s);
}

criterion_group! {
    name = benches;
    // Shorter than criterion's defaults (3 s warm-up, 5 s measurement, 100 samples): the
    // whole run takes about 2 minutes on a 2-core machine.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = all
}
criterion_main!(benches);
