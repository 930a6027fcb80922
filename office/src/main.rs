//! The `kongthun-office` command: the `kongthun` command line with the PostgreSQL engine, for
//! an office whose province (or national) database is on a server.

fn main() {
    kongthun::store::province::provide_server_engine(kongthun_office::connect_engine);
    kongthun::cli::restore_default_sigpipe();
    std::process::exit(kongthun::cli::main());
}
