//! Fuzz target: typed amounts (Satang::parse, both digit sets, every sign rule). The body is `kongthun::fuzz::amount`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = kongthun::fuzz::amount(data);
});
