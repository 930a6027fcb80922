//! Security pass (issue 7): the app carries no network code of its own. Checked two ways:
//! no crate in its normal dependency tree (nor the library's) is a network client, server,
//! TLS stack or D-Bus client (which can speak TCP), and tokio is built without `net`; and the
//! built binaries import none of the C library's socket or name-lookup functions. (WebKitGTK,
//! a shared library, has its own network process; the page's CSP allows no remote source,
//! see contract.rs.)

use std::process::Command;

/// Crates that open network connections or listen, speak TLS, or resolve names.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "h2",
    "h3",
    "quinn",
    "rustls",
    "native-tls",
    "openssl",
    "tokio-native-tls",
    "tokio-rustls",
    "tungstenite",
    "tokio-tungstenite",
    "async-tungstenite",
    "surf",
    "attohttpc",
    "socket2",
    "zbus",
    "hickory-resolver",
    "trust-dns-resolver",
    "tiny_http",
    "axum",
    "warp",
    "actix-web",
    "tauri-plugin-http",
    "tauri-plugin-updater",
    "tauri-plugin-websocket",
    "tauri-plugin-upload",
    "tauri-plugin-localhost",
    "tauri-plugin-opener",
    "tauri-plugin-shell",
];

// `nm -D` reads an ELF binary's dynamic imports: the check runs where the binary is ELF
// (the dependency check above holds on every system).
#[cfg(target_os = "linux")]
#[path = "../../tests/support/sockets.rs"]
mod sockets;

fn cargo(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo");
    assert!(out.status.success(), "cargo {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn no_network_crate_in_the_app_or_the_library() {
    for package in ["kongthun-app", "kongthun"] {
        let tree = cargo(&[
            "tree",
            "-e",
            "normal",
            "-p",
            package,
            "--prefix",
            "none",
            "--format",
            "{p}",
            "--locked",
            "--offline",
        ]);
        let crates: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
        assert!(crates.len() > 20, "cargo tree printed too little for {package}:\n{tree}");
        let found: Vec<&&str> = NETWORK_CRATES.iter().filter(|c| crates.contains(c)).collect();
        assert!(found.is_empty(), "{package} depends on network crates {found:?}");
        if crates.contains(&"tokio") {
            let features = cargo(&[
                "tree",
                "-e",
                "normal,features",
                "-p",
                package,
                "-i",
                "tokio",
                "--locked",
                "--offline",
            ]);
            assert!(
                features.contains("tokio feature \"rt\""),
                "cargo tree printed no tokio features:\n{features}"
            );
            assert!(
                !features.contains("tokio feature \"net\""),
                "tokio is built with net for {package}"
            );
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn the_app_binary_imports_no_socket_functions() {
    let found = sockets::socket_imports(env!("CARGO_BIN_EXE_kongthun-app"));
    assert!(found.is_empty(), "the app imports {found:?}");
}
