//! The `kongthun` command: everything lives in `kongthun::cli`.

fn main() {
    std::process::exit(kongthun::cli::main());
}
