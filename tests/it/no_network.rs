//! Security pass: the command-line program imports none of the C library's network
//! functions (the app's own check, and the dependency check, are in src-tauri/tests).

#[path = "../support/sockets.rs"]
mod sockets;

#[test]
fn the_cli_binary_imports_no_socket_functions() {
    let found = sockets::socket_imports(env!("CARGO_BIN_EXE_kongthun"));
    assert!(found.is_empty(), "kongthun imports {found:?}");
}
