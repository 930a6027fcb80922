// The one bridge to Rust: Tauri's invoke (exposed by withGlobalTauri) and its events.
export const invoke = (name, args) => window.__TAURI__.core.invoke(name, args);
export const listen = (event, handler) => window.__TAURI__.event.listen(event, handler);
