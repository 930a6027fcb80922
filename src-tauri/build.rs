//! Tauri's build step: reads tauri.conf.json and the capabilities, embeds ui/ and the icons.
fn main() {
    tauri_build::build()
}
