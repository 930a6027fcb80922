//! How an error crosses to the window: `{code, params, th, en, rows}`. The code and params
//! come from the library's error (the UI may word them itself); `th` and `en` are the
//! library's own messages, shown as they are; `rows` lists an import's bad rows.
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct UiError {
    pub code: String,
    pub params: serde_json::Value,
    pub th: String,
    pub en: String,
    pub rows: Vec<kongthun::error::RowError>,
}

impl From<kongthun::Error> for UiError {
    fn from(e: kongthun::Error) -> Self {
        let rows = match &e {
            kongthun::Error::ImportRejected { rows, .. } => rows.clone(),
            _ => vec![],
        };
        UiError { code: e.code(), params: e.params(), th: e.message_th(), en: e.message_en(), rows }
    }
}

impl UiError {
    /// A shell-level refusal (no fund open, a file chooser that failed).
    pub fn shell(code: &str, th: impl Into<String>, en: impl Into<String>) -> UiError {
        UiError {
            code: code.into(),
            params: serde_json::Value::Null,
            th: th.into(),
            en: en.into(),
            rows: vec![],
        }
    }
}

pub type UiResult<T> = Result<T, UiError>;
