//! The `kongthun-office` command: the `kongthun` command line with the PostgreSQL engine, for
//! an office whose province (or national) database is on a server.

fn main() {
    kongthun::store::province::provide_server_engine(kongthun_office::connect_engine);
    restore_default_sigpipe();
    std::process::exit(kongthun::cli::main());
}

/// As in `kongthun`: printing into a closed pipe ends the command quietly.
#[cfg(unix)]
fn restore_default_sigpipe() {
    // SAFETY: called in main before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_default_sigpipe() {}
