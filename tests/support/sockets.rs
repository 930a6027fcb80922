//! Which of the C library's network functions a built binary imports (by `nm -D`), shared
//! by the library's and the app's no-network tests.

/// Functions of the C library a program needs to talk over a network.
const SOCKET_FUNCTIONS: &[&str] = &[
    "socket",
    "connect",
    "bind",
    "listen",
    "accept",
    "accept4",
    "getaddrinfo",
    "gethostbyname",
    "sendto",
    "recvfrom",
];

pub fn socket_imports(binary: &str) -> Vec<String> {
    let out = std::process::Command::new("nm")
        .args(["-D", "--undefined-only", binary])
        .output()
        .expect("nm (binutils)");
    assert!(out.status.success(), "nm {binary}");
    let symbols = String::from_utf8(out.stdout).unwrap();
    assert!(symbols.lines().count() > 20, "nm printed too little for {binary}:\n{symbols}");
    symbols
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .map(|s| s.split('@').next().unwrap_or(s).to_string())
        .filter(|s| SOCKET_FUNCTIONS.contains(&s.as_str()))
        .collect()
}
