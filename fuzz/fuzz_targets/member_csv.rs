//! Fuzz target: the CSV member import, whole and good-rows-only. The body is `kongthun::fuzz::member_csv`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = kongthun::fuzz::member_csv(data);
});
