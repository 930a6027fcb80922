//! The one integration test binary of the crate (DESIGN §1): each module tests one area
//! through the public API or the real `kongthun` binary, on real SQLite files.

mod it;
