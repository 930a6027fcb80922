//! Fuzz target: bundle import into a province database, signed by the enrolled fund's key. The body is `kongthun::fuzz::bundle`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = kongthun::fuzz::bundle(data);
});
