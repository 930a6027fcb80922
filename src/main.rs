//! The `kongthun` command: everything lives in `kongthun::cli`.

fn main() {
    restore_default_sigpipe();
    std::process::exit(kongthun::cli::main());
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`kongthun journal | head`) fails and
/// `println!` panics with a backtrace. A command-line tool should stop quietly when its
/// reader has gone, as `cat` and `grep` do: give SIGPIPE back its default action. Only the
/// output pipe is affected; a write to the book is one transaction, which SQLite rolls back
/// if the process stops before it commits.
#[cfg(unix)]
fn restore_default_sigpipe() {
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_default_sigpipe() {}
