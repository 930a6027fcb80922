//! Starts Xvfb, WebKitWebDriver and the app binary for one test, with a fresh data folder
//! and a fixed clock; helpers to find, fill, click, wait and take screenshots; poppler
//! helpers to read the PDFs the app saved. Processes are killed when the session ends,
//! also when a step fails.
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The app's clock in the tests: 22 November 2569, 10:00 in Thailand.
pub const NOW: &str = "2026-11-22T03:00:00Z";

pub struct Session {
    client: Option<Client>,
    children: Vec<Child>,
    pub dir: PathBuf,
    _tmp: tempfile::TempDir,
    shots: PathBuf,
    /// When the WebDriver session (which launches the app) was asked for.
    pub launched_at: Instant,
}

pub fn free_display() -> u32 {
    // Tests of one run start at the same moment: each takes its own slot of displays.
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let slot = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let base = 90 + (std::process::id() % 200) * 4 + slot * 1000;
    (base..base + 200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .expect("a free X display")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn wait_until(what: &str, limit: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < limit, "{what} did not start within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Session {
    pub async fn start() -> Session {
        Session::start_in(tempfile::tempdir().unwrap()).await
    }

    /// Start the app with `tmp` as its data folder (KONGTHUN_DATA_DIR).
    pub async fn start_in(tmp: tempfile::TempDir) -> Session {
        Session::start_with(tmp, None).await
    }

    /// Start the app on `db` (KONGTHUN_DB) instead of the data folder's own book.
    pub async fn start_with(tmp: tempfile::TempDir, db: Option<PathBuf>) -> Session {
        let display = free_display();
        let xvfb = Command::new("Xvfb")
            .args([
                format!(":{display}"),
                "-screen".into(),
                "0".into(),
                "1024x768x24".into(),
                "-nolisten".into(),
                "tcp".into(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (Debian package xvfb) must be installed");
        let mut children = vec![xvfb];
        wait_until("Xvfb", Duration::from_secs(20), || {
            Path::new(&format!("/tmp/.X11-unix/X{display}")).exists()
        });
        // A stand-in for CUPS's `lp` on the app's PATH: it records what it was asked to print.
        let bin = tmp.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let lp = bin.join("lp");
        std::fs::write(
            &lp,
            "#!/bin/sh\nprintf '%s\\n' \"$@\" >> \"$KONGTHUN_DATA_DIR/printed.txt\"\necho 'request id is fake-7 (1 file(s))'\n",
        )
        .unwrap();
        std::fs::set_permissions(&lp, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let port = free_port();
        let driver = Command::new("WebKitWebDriver")
            .arg(format!("--port={port}"))
            .env("DISPLAY", format!(":{display}"))
            .env("KONGTHUN_DATA_DIR", tmp.path())
            .env("KONGTHUN_NOW", NOW)
            .env("PATH", &path)
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            // The webview's own storage (the language switch) starts empty each time.
            .env("XDG_DATA_HOME", tmp.path().join("xdg-data"))
            .env("XDG_CONFIG_HOME", tmp.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", tmp.path().join("xdg-cache"))
            .env_remove("KONGTHUN_DB")
            .envs(db.iter().map(|d| ("KONGTHUN_DB", d.clone())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("WebKitWebDriver (Debian package webkit2gtk-driver) must be installed");
        children.push(driver);
        wait_until("WebKitWebDriver", Duration::from_secs(20), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        let mut caps = serde_json::Map::new();
        caps.insert(
            "webkitgtk:browserOptions".into(),
            serde_json::json!({"binary": env!("CARGO_BIN_EXE_kongthun-app"), "args": []}),
        );
        let launched_at = Instant::now();
        // The driver has been seen to reset the first connection while it was still coming
        // up on a loaded machine (once in a full CI run): try the session three times.
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(e) if attempt < 3 => {
                    eprintln!("WebDriver session, attempt {attempt}: {e}; trying again");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => panic!("a WebDriver session with the app: {e}"),
            }
        };
        let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e-screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        Session {
            client: Some(client),
            children,
            dir: tmp.path().to_path_buf(),
            _tmp: tmp,
            shots,
            launched_at,
        }
    }

    fn c(&self) -> &Client {
        self.client.as_ref().expect("session open")
    }

    pub async fn css(&self, css: &str) -> Element {
        self.c().find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"))
    }

    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.c().find_all(Locator::Css(css)).await.unwrap()
    }

    pub async fn wait_css(&self, css: &str, seconds: u64) -> Element {
        match self
            .c()
            .wait()
            .at_most(Duration::from_secs(seconds))
            .every(Duration::from_millis(100))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(el) => el,
            Err(e) => {
                // Keep what the window showed, to see why.
                if let Ok(png) = self.c().screenshot().await {
                    let _ = std::fs::write(self.shots.join("failed.png"), png);
                }
                let main = self
                    .c()
                    .execute("return document.getElementById('main').innerText", vec![])
                    .await
                    .ok();
                panic!("waited {seconds} s for {css}: {e}; the screen said: {main:?}")
            }
        }
    }

    /// An element's rendered text (innerText, as the treasurer reads it); None if the
    /// element went away meanwhile.
    async fn inner_text(&self, el: &Element) -> Option<String> {
        let v = self
            .c()
            .execute("return arguments[0].innerText;", vec![serde_json::to_value(el).unwrap()])
            .await
            .ok()?;
        v.as_str().map(str::to_string)
    }

    pub async fn text(&self, css: &str) -> String {
        let el = self.css(css).await;
        self.inner_text(&el).await.unwrap_or_default()
    }

    /// Wait for an element with some text, and return the text.
    pub async fn wait_text(&self, css: &str, seconds: u64) -> String {
        self.wait_text_containing(css, "", seconds).await
    }

    pub async fn wait_text_containing(&self, css: &str, needle: &str, seconds: u64) -> String {
        let start = Instant::now();
        loop {
            if let Ok(el) = self.c().find(Locator::Css(css)).await {
                if let Some(text) = self.inner_text(&el).await {
                    if !text.trim().is_empty() && text.contains(needle) {
                        return text;
                    }
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(seconds),
                "waited {seconds} s for '{needle}' in {css}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn wait_page_containing(&self, needle: &str, seconds: u64) {
        self.wait_text_containing("#main", needle, seconds).await;
    }

    pub async fn click(&self, css: &str) {
        self.wait_css(css, 10).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Type into the field named `name` in the current screen (cleared first).
    pub async fn fill(&self, name: &str, value: &str) {
        self.fill_css(&format!("#main [name=\"{name}\"]"), value).await;
    }

    pub async fn fill_css(&self, css: &str, value: &str) {
        let el = self.wait_css(css, 10).await;
        el.clear().await.unwrap();
        el.send_keys(value).await.unwrap();
        let typed = el.prop("value").await.unwrap().unwrap_or_default();
        if typed != value && !value.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
            // Some Thai marks typed one key at a time come out reordered by the input
            // method; set the value as a paste would.
            self.c()
                .execute("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", vec![serde_json::to_value(&el).unwrap(), value.into()])
                .await
                .unwrap();
        }
    }

    /// Choose a month (`2569-10`) in the month picker of the form matched by `form`.
    pub async fn pick_month(&self, form: &str, key: &str) {
        let (year, month) = key.split_once('-').expect("YYYY-MM");
        self.wait_css(&format!("{form} [data-test=month-month]"), 10)
            .await
            .select_by_value(month)
            .await
            .unwrap();
        self.fill_css(&format!("{form} [data-test=month-year]"), year).await;
    }

    pub async fn select(&self, name: &str, value: &str) {
        self.wait_css(&format!("#main [name=\"{name}\"]"), 10)
            .await
            .select_by_value(value)
            .await
            .unwrap();
    }

    pub async fn go(&self, hash: &str) {
        self.c()
            .execute(
                "location.hash = arguments[0];",
                vec![format!("#{}", hash.trim_start_matches('#')).into()],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    pub async fn hash(&self) -> String {
        self.eval::<String>("return location.hash.slice(1)").await
    }

    pub async fn eval<T: serde::de::DeserializeOwned>(&self, script: &str) -> T {
        serde_json::from_value(self.c().execute(script, vec![]).await.unwrap()).unwrap()
    }

    /// A PNG of the window after two animation frames (WebKit may show an older frame).
    pub async fn shot(&self, name: &str) {
        self.c().execute_async("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));", vec![]).await.unwrap();
        let png = self.c().screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{name}.png")), png).unwrap();
    }

    /// The processes of the app: the binary (a child of WebKitWebDriver) and WebKit's web
    /// and network processes under it.
    pub fn app_processes(&self) -> Vec<u32> {
        let driver = self.children[1].id();
        let mut out = Vec::new();
        let mut queue = vec![driver];
        while let Some(pid) = queue.pop() {
            let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
                .unwrap_or_default();
            for child in children.split_whitespace().filter_map(|c| c.parse::<u32>().ok()) {
                out.push(child);
                queue.push(child);
            }
        }
        out
    }

    pub async fn finish(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { vec!["-"] } else { vec![] })
        .output()
        .expect("poppler-utils installed");
    assert!(
        out.status.success(),
        "{tool} {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn pdftotext(pdf: &Path) -> String {
    poppler("pdftotext", &["-layout"], pdf)
}

pub fn pdffonts(pdf: &Path) -> String {
    poppler("pdffonts", &[], pdf)
}

pub fn pdf_pages(pdf: &Path) -> u32 {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}
