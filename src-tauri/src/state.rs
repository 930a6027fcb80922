//! What the window has open: nothing yet (first run), a fund's book, or a province database;
//! where the files live; and the clock (fixed by `KONGTHUN_NOW` in tests).
use crate::error::{UiError, UiResult};
use kongthun::ops::Ctx;
use kongthun::store::province::ProvinceStore;
use kongthun::store::Store;
use std::path::PathBuf;
use std::sync::Mutex;

pub enum Session {
    Closed,
    /// Made by `Session::fund`, which sets the window's page cache.
    Fund(Box<Store>),
    Province(Box<ProvinceStore>),
    /// The fund file exists but could not be opened; the error is shown with the newest backup.
    Broken(UiError),
}

pub struct Paths {
    pub data_dir: PathBuf,
    pub fund_db: PathBuf,
    pub province_db: PathBuf,
    pub backups: PathBuf,
}

/// The window's page cache, in MiB: one screen at a time needs few pages in memory (the OS
/// keeps the file's pages anyway); the library's 32 are for batches of 10,000.
const WINDOW_CACHE_MIB: u32 = 8;

impl Session {
    /// An open fund, with the window's page cache.
    pub fn fund(mut store: Store) -> Session {
        // a cache that cannot be set is the library's default, not an error to show
        let _ = store.limit_cache(WINDOW_CACHE_MIB);
        Session::Fund(Box::new(store))
    }
}

impl Paths {
    /// `KONGTHUN_DATA_DIR` (tests, a second fund) or the user data folder; `KONGTHUN_DB`
    /// names the fund file itself, as for the command line.
    pub fn from_env() -> Paths {
        let data_dir =
            std::env::var_os("KONGTHUN_DATA_DIR").map(PathBuf::from).unwrap_or_else(|| {
                dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("kongthun")
            });
        let fund_db = std::env::var_os("KONGTHUN_DB")
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("kongthun.sqlite"));
        Paths {
            province_db: data_dir.join("province.sqlite"),
            backups: data_dir.join("backups"),
            fund_db,
            data_dir,
        }
    }
}

pub struct AppState {
    pub session: Mutex<Session>,
    pub paths: Paths,
    /// Fixed time for tests (`KONGTHUN_NOW`, RFC 3339); the real clock otherwise.
    pub fixed_now: Option<chrono::DateTime<chrono::Utc>>,
}

pub const DEFAULT_RECORDER: &str = "เหรัญญิก";

impl AppState {
    pub fn new(paths: Paths) -> AppState {
        let fixed_now = std::env::var("KONGTHUN_NOW")
            .ok()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&chrono::Utc));
        AppState { session: Mutex::new(Session::Closed), paths, fixed_now }
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.fixed_now.unwrap_or_else(chrono::Utc::now)
    }

    /// The context of a write: who records (the fund's saved recorder name) and when.
    pub fn ctx(&self, store: &Store) -> UiResult<Ctx> {
        let by = store
            .read()
            .setting("recorder")?
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_RECORDER.into());
        Ok(Ctx::new(by, self.now())?)
    }

    pub fn lock(&self) -> std::sync::MutexGuard<'_, Session> {
        // A panic inside one command must not lock the treasurer out of her books.
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Run `f` on the open fund, or refuse when no fund is open.
    pub fn with_fund<T>(
        &self,
        f: impl FnOnce(&mut Store, &AppState) -> UiResult<T>,
    ) -> UiResult<T> {
        match &mut *self.lock() {
            Session::Fund(store) => f(store, self),
            _ => Err(no_fund()),
        }
    }

    /// Run a write on the open fund with its context (who records, now).
    pub fn with_fund_ctx<T>(
        &self,
        f: impl FnOnce(&mut Store, &Ctx, &AppState) -> UiResult<T>,
    ) -> UiResult<T> {
        self.with_fund(|store, state| {
            let ctx = state.ctx(store)?;
            f(store, &ctx, state)
        })
    }

    pub fn with_province<T>(
        &self,
        f: impl FnOnce(&mut ProvinceStore, &AppState) -> UiResult<T>,
    ) -> UiResult<T> {
        match &mut *self.lock() {
            Session::Province(store) => f(store, self),
            _ => Err(UiError::shell(
                "no_province",
                "ยังไม่ได้เปิดโหมดจังหวัด",
                "province mode is not open",
            )),
        }
    }
}

pub fn no_fund() -> UiError {
    UiError::shell("no_fund", "ยังไม่ได้เปิดสมุดบัญชีของกองทุน", "no fund is open")
}
