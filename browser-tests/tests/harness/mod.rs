//! What every browser test needs: the real `zongjie serve` on a folder of
//! its own, chromedriver with headless Chromium, and the waits and looks
//! a test makes at the page. One test drives the browser at a time (the
//! machine's cores are few, and the speed test must not share them).

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// How long a test waits for the page to show what it expects.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// The workspace's root folder.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("browser-tests is in the workspace")
        .to_path_buf()
}

/// The workspace's target folder.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                workspace().join(dir)
            }
        })
        .unwrap_or_else(|| workspace().join("target"))
}

/// The zongjie binary, built once per test run so that it serves the
/// page as it is in the working tree.
pub fn zongjie() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "--bin", "zongjie", "--manifest-path"])
            .arg(workspace().join("Cargo.toml"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build --bin zongjie failed");
        let binary = target_dir()
            .join("debug")
            .join(format!("zongjie{}", std::env::consts::EXE_SUFFIX));
        assert!(binary.exists(), "{} is missing", binary.display());
        binary
    })
}

/// One browser test at a time.
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    static BROWSER: Mutex<()> = Mutex::new(());
    BROWSER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A running `zongjie serve` on a temporary folder.
pub struct Workbench {
    child: Child,
    /// The address it printed, with its token.
    pub url: String,
    /// The working folder.
    pub folder: tempfile::TempDir,
    _lock_dir: tempfile::TempDir,
}

impl Workbench {
    /// Serves a folder holding a copy of each of `examples` (file names
    /// under `examples/`).
    pub fn on_examples(examples: &[&str]) -> Workbench {
        let folder = tempfile::tempdir().expect("a temporary folder");
        for name in examples {
            std::fs::copy(
                workspace().join("examples").join(name),
                folder.path().join(name),
            )
            .expect("the example is copied");
        }
        Workbench::serve(folder)
    }

    fn serve(folder: tempfile::TempDir) -> Workbench {
        let lock_dir = tempfile::tempdir().expect("a temporary folder");
        let mut child = Command::new(zongjie())
            .arg("serve")
            .arg(folder.path())
            .arg("--no-open")
            .env("ZONGJIE_LOCK_DIR", lock_dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("zongjie serve starts");
        let stdout = child.stdout.take().expect("its output");
        let (address, printed) = std::sync::mpsc::channel();
        // The output is read to its end, so that the server never writes
        // into a closed pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some((_, rest)) = line.split_once("http://") {
                    let _ = address.send(format!("http://{}", rest.trim()));
                }
            }
        });
        let url = printed
            .recv_timeout(PATIENCE)
            .expect("zongjie serve prints its address");
        Workbench {
            child,
            url,
            folder,
            _lock_dir: lock_dir,
        }
    }

    /// The address of the workbench without the token (for a second tab,
    /// which has the cookie already).
    pub fn base(&self) -> String {
        self.url
            .split_once("/?")
            .map_or(self.url.clone(), |(base, _)| base.to_string())
    }

    /// The path of `name` in the working folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    /// The text of `name` in the working folder.
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).expect("the data file is there")
    }
}

impl Drop for Workbench {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// chromedriver, and a headless Chromium session through it; both end
/// when it is dropped, even after a failed assertion.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    /// The WebDriver session.
    pub client: Client,
    /// Where Chromium saves downloads.
    pub downloads: tempfile::TempDir,
}

/// Starts chromedriver and Chromium; `None` (after a note) when
/// chromedriver is not installed, a failure when `ZONGJIE_REQUIRE_TOOLS`
/// is set (as in CI).
pub async fn browser() -> Option<Browser> {
    let chromedriver = std::env::var_os("CHROMEDRIVER").unwrap_or_else(|| "chromedriver".into());
    let port = free_port();
    let mut driver = match Command::new(&chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(driver) => driver,
        Err(error) => {
            let note = format!(
                "chromedriver not started ({error}): install chromium and chromium-driver (scripts/install-test-tools)"
            );
            assert!(
                std::env::var_os("ZONGJIE_REQUIRE_TOOLS").is_none(),
                "{note}"
            );
            eprintln!("skipped: {note}");
            return None;
        }
    };
    let downloads = tempfile::tempdir().expect("a temporary folder");
    let client = match connect(port, downloads.path()).await {
        Ok(client) => client,
        Err(error) => {
            let _ = driver.kill();
            let _ = driver.wait();
            let note =
                format!("no Chromium session from chromedriver ({error}): is chromium installed?");
            assert!(
                std::env::var_os("ZONGJIE_REQUIRE_TOOLS").is_none(),
                "{note}"
            );
            eprintln!("skipped: {note}");
            return None;
        }
    };
    let session = client
        .session_id()
        .await
        .ok()
        .flatten()
        .expect("a WebDriver session has an id");
    Some(Browser {
        driver,
        port,
        session,
        client,
        downloads,
    })
}

/// A session of headless Chromium, once chromedriver listens on `port`.
async fn connect(port: u16, downloads: &Path) -> Result<Client, String> {
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000", "--lang=zh-CN"],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        },
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!("the capabilities are an object")
    };
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > PATIENCE {
            return Err(format!("chromedriver did not listen on port {port}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut builder = ClientBuilder::new(HttpConnector::new());
    builder.capabilities(capabilities);
    builder
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|error| error.to_string())
}

impl Drop for Browser {
    fn drop(&mut self) {
        end_session(self.port, &self.session);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Ends a WebDriver session, so that chromedriver closes Chromium: a
/// plain blocking request, as a drop cannot wait for the async client.
fn end_session(port: u16, session: &str) {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!(
        "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        let _ = stream.read_to_end(&mut Vec::new());
    }
}

impl Browser {
    /// Runs `script` (a function body; `arguments` are `args`) and returns its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|error| panic!("script failed: {error}\n{script}"))
    }

    /// Waits until `condition` (an expression) is truthy; returns its value.
    /// A condition that throws (an element not drawn yet) is not yet true;
    /// its last error is shown if the wait runs out.
    pub async fn until(&self, what: &str, condition: &str) -> Value {
        let script = format!(
            "try {{ return ({condition}) || null; }} catch (error) {{ window.__untilError = String(error); return null; }}"
        );
        let started = Instant::now();
        loop {
            let value = self.js(&script, vec![]).await;
            if !value.is_null() {
                return value;
            }
            if started.elapsed() > PATIENCE {
                let shown = self
                    .js("return [window.__untilError || '', document.body.innerText.slice(0, 3000)];", vec![])
                    .await;
                panic!(
                    "waited {PATIENCE:?} for {what} ({condition}); last error {}; the page shows:\n{}",
                    shown[0], shown[1]
                );
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// The element `css`, once it is there.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("no element {css}: {error}"))
    }

    /// Clicks the button whose text starts with `label` (within `scope`, a CSS selector).
    pub async fn click_button(&self, scope: &str, label: &str) {
        self.until(
            &format!("a button “{label}”"),
            &format!("[...document.querySelectorAll({scope:?} + ' button')].find(b => b.textContent.trim().startsWith({label:?}) && !b.disabled)"),
        )
        .await;
        self.js(
            "[...document.querySelectorAll(arguments[0] + ' button')].find(b => b.textContent.trim().startsWith(arguments[1]) && !b.disabled).click();",
            vec![json!(scope), json!(label)],
        )
        .await;
    }

    /// Opens the workbench (the address with its token) and then `hash`.
    pub async fn open(&self, workbench: &Workbench, hash: &str) {
        self.client
            .goto(&workbench.url)
            .await
            .expect("the workbench opens");
        self.until("the home page", "document.querySelector('.home, .editor')")
            .await;
        if !hash.is_empty() {
            self.client
                .goto(&format!("{}/{hash}", workbench.base()))
                .await
                .expect("the page opens");
        }
    }

    /// Opens data file `name` in the editor and waits for its preview.
    pub async fn edit(&self, workbench: &Workbench, name: &str) {
        self.open(workbench, &format!("#/edit/{name}")).await;
        self.until("the preview", "document.querySelector('.sheet')")
            .await;
    }

    /// The preview's text: every row of every sheet, joined.
    pub async fn preview_text(&self) -> String {
        text(
            self.js(
                "return document.querySelector('.sheets').textContent;",
                vec![],
            )
            .await,
        )
    }

    /// Waits until the preview contains `wanted`.
    pub async fn preview_shows(&self, wanted: &str) {
        self.until(
            &format!("the preview to show “{wanted}”"),
            &format!("document.querySelector('.sheets') && document.querySelector('.sheets').textContent.includes({wanted:?})"),
        )
        .await;
    }

    /// Selects tab `label` (结构, 数据, YAML).
    pub async fn tab(&self, label: &str) {
        self.click_button(".tab-list", label).await;
    }

    /// Replaces what input `css` holds with `value`, as a clerk selects
    /// the old value (Ctrl+A) and types over it.
    pub async fn type_into(&self, css: &str, value: &str) {
        let input = self.find(css).await;
        let select_all = format!("{}a", fantoccini::key::Key::Control);
        input
            .send_keys(&select_all)
            .await
            .expect("the value is selected");
        input.send_keys(value).await.expect("the keys are typed");
    }

    /// The save status the editor shows.
    pub async fn saved(&self) -> String {
        text(
            self.until(
                "the edit to be saved",
                "document.querySelector('.save-status').dataset.kind === 'saved' && document.querySelector('.save-status').textContent.includes('已保存') && document.querySelector('.save-status').textContent",
            )
                .await,
        )
    }

    /// Saves a PNG of the window as `name` under `target/workbench-screenshots/`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let folder = target_dir().join("workbench-screenshots");
        std::fs::create_dir_all(&folder).expect("the screenshot folder");
        let path = folder.join(name);
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(&path, png).expect("the screenshot is written");
        path
    }
}

/// A JSON string's text.
pub fn text(value: Value) -> String {
    value.as_str().map(str::to_string).unwrap_or_default()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// Waits until `condition` holds of the file system.
pub async fn until_on_disk(what: &str, condition: impl Fn() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(
            started.elapsed() < PATIENCE,
            "waited {PATIENCE:?} for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
