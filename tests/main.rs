//! The one integration test binary of the crate (DESIGN §1): each module tests one area
//! through the public API or the real `kongthun` binary, on real SQLite files.

// Amounts in satang are written `1_234_50` (baht, then two digits of satang) on purpose.
#![allow(clippy::inconsistent_digit_grouping)]

mod it;
