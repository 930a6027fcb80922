//! Progress of long work (import, yearly export, bundles, the demo fund) as `progress`
//! events the window shows as a bar: `{task, done, total, th, en}`.
use serde::Serialize;
use tauri::{AppHandle, Emitter};

pub const EVENT: &str = "progress";

#[derive(Clone, Serialize)]
struct ProgressEvent<'a> {
    task: &'a str,
    done: u32,
    total: u32,
    th: &'a str,
    en: &'a str,
}

pub struct Progress {
    app: AppHandle,
    task: &'static str,
    done: u32,
    total: u32,
}

impl Progress {
    /// Announce a task of `total` steps (shown at 0).
    pub fn start(app: &AppHandle, task: &'static str, total: u32, th: &str, en: &str) -> Progress {
        let p = Progress { app: app.clone(), task, done: 0, total };
        p.emit(th, en);
        p
    }

    /// One step done; `th`/`en` say what comes next.
    pub fn step(&mut self, th: &str, en: &str) {
        self.done = (self.done + 1).min(self.total);
        self.emit(th, en);
    }

    /// Set the count directly (work that reports `done` of `total` itself).
    pub fn set(&mut self, done: u32, total: u32, th: &str, en: &str) {
        self.done = done.min(total);
        self.total = total;
        self.emit(th, en);
    }

    /// All done (also on failure, so the bar never hangs).
    pub fn finish(mut self) {
        self.done = self.total;
        self.emit("เสร็จ", "done");
    }

    fn emit(&self, th: &str, en: &str) {
        // A window that is gone cannot show progress; the work itself goes on.
        let _ = self.app.emit(
            EVENT,
            ProgressEvent { task: self.task, done: self.done, total: self.total, th, en },
        );
    }
}
