//! Kongthun for a provincial or national office: the library's province side with one more
//! engine, a PostgreSQL server that several officers share (`engine`). The fund's own program
//! and the app are built without it and keep no network code; this program is the same
//! command line (`kongthun::cli`) with the server engine provided, so `--db` may name a
//! `postgresql://` URL as well as a file.

pub mod engine;

use kongthun::store::province::{ProvinceEngine, ProvinceStore};

/// The server engine, as the library takes it (`provide_server_engine`).
pub fn connect_engine(url: &str) -> kongthun::Result<Box<dyn ProvinceEngine>> {
    Ok(Box::new(engine::PostgresProvince::connect(url)?))
}

/// A province (or national) database on a PostgreSQL server.
pub fn connect(url: &str) -> kongthun::Result<ProvinceStore> {
    Ok(ProvinceStore::from_engine(connect_engine(url)?))
}
