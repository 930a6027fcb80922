//! Security pass: the command-line program imports none of the C library's network
//! functions (the app's own check, and the dependency check, are in src-tauri/tests).

// `nm -D` reads an ELF binary's dynamic imports: the check runs where the binary is ELF.
#[cfg(target_os = "linux")]
#[path = "../support/sockets.rs"]
mod sockets;

#[cfg(target_os = "linux")]
#[test]
fn the_cli_binary_imports_no_socket_functions() {
    let found = sockets::socket_imports(env!("CARGO_BIN_EXE_kongthun"));
    assert!(found.is_empty(), "kongthun imports {found:?}");
}
