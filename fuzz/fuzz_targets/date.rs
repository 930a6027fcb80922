//! Fuzz target: typed dates and months (CE/BE, Thai digits). The body is `kongthun::fuzz::date`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = kongthun::fuzz::date(data);
});
