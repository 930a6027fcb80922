//! The `kongthun` command: everything lives in `kongthun::cli`.

fn main() {
    kongthun::cli::restore_default_sigpipe();
    std::process::exit(kongthun::cli::main());
}
