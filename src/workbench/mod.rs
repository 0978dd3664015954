//! The workbench: zongjie as a local web application. The binary serves a
//! page on 127.0.0.1 and opens the clerk's browser on it; the clerk starts
//! from last year's report, fills the figures, edits the text, sees the
//! report in pages as it will print, fixes what is flagged and downloads
//! the .docx. The data file on disk stays the single source of truth, in
//! the format the command line reads.
//!
//! | what | module |
//! |---|---|
//! | starting, the lock file of a running workbench, stopping | here, `lock` |
//! | who may ask (token, cookie, Host, Origin, headers) | `security` |
//! | the working folder: names, reads, saves, versions | `folder` |
//! | the JSON API | `api` |
//! | its errors, as answers | `error` |
//! | what the editor shows: problems, pages, outline, figures | `preview` |
//! | the live channel of file changes | `events` |
//! | the page, its script and style, embedded | `assets` |

mod api;
mod assets;
mod error;
mod events;
mod folder;
mod lock;
mod preview;
mod security;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::DefaultBodyLimit;

use crate::base::error::Error;
use crate::output::render::{RenderOptions, Renderer};

pub use preview::{Preview, preview};

/// How to start the workbench.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The working folder, made when missing.
    pub folder: PathBuf,
    /// A data file in it to open at once.
    pub file: Option<String>,
    /// The port on 127.0.0.1; a free one when `None`.
    pub port: Option<u16>,
    /// Whether to open the browser.
    pub open_browser: bool,
}

/// What every request shares.
pub struct App {
    folder: folder::Folder,
    token: String,
    port: u16,
    renderer: Mutex<Renderer<'static>>,
    events: events::Events,
}

impl App {
    /// The renderer; the templates are compiled once for the session.
    fn renderer(&self) -> MutexGuard<'_, Renderer<'static>> {
        self.renderer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Runs the workbench until Ctrl-C or the console closes; when one is
/// already running, opens the browser on it instead.
pub fn serve(options: ServeOptions) -> Result<(), Error> {
    let page = options
        .file
        .as_ref()
        .map_or(String::new(), |name| format!("#/edit/{}", url_escape(name)));
    let lock_path = lock::lock_path();
    if let Some(running) = lock::running(&lock_path) {
        let url = running.url(&page);
        println!(
            "zongjie 工作台已经在运行（工作文件夹 {}），在浏览器中打开：",
            running.folder.display()
        );
        println!("{url}");
        if options.open_browser {
            open_browser(&url);
        }
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::Serve)?;
    runtime.block_on(run(options, page, lock_path))
}

async fn run(options: ServeOptions, page: String, lock_path: PathBuf) -> Result<(), Error> {
    let folder = folder::Folder::open(&options.folder)?;
    let address = SocketAddr::from(([127, 0, 0, 1], options.port.unwrap_or(0)));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| bind_error(error, options.port))?;
    let port = listener.local_addr().map_err(Error::Serve)?.port();
    let token = security::new_token().map_err(|e| Error::Serve(std::io::Error::other(e)))?;
    let app = Arc::new(App {
        folder,
        token: token.clone(),
        port,
        renderer: Mutex::new(Renderer::new(&RenderOptions::default())?),
        events: events::Events::default(),
    });
    let running = lock::Running {
        port,
        token,
        pid: std::process::id(),
        folder: app.folder.root().to_path_buf(),
    };
    if let Err(error) = lock::write(&lock_path, &running) {
        eprintln!(
            "说明：无法写入 {}（{error}），再次启动时会另开一个工作台",
            lock_path.display()
        );
    }
    let url = running.url(&page);
    println!("zongjie 工作台：{url}");
    println!("工作文件夹：{}", app.folder.root().display());
    println!("关闭此窗口即退出（或按 Ctrl+C）。");
    if options.open_browser {
        open_browser(&url);
    }
    tokio::spawn(events::watch_folder(app.clone()));
    let served = axum::serve(listener, router(app.clone()))
        .with_graceful_shutdown(stopped(app))
        .await;
    lock::remove(&lock_path, &running);
    served.map_err(Error::Serve)
}

/// The whole application: the routes behind the security guard.
pub fn router(app: Arc<App>) -> axum::Router {
    api::routes()
        .layer(DefaultBodyLimit::max(security::UPLOAD_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            security::guard,
        ))
        .with_state(app)
}

/// An application on `folder` for request tests: no listener, no lock.
pub fn test_app(folder: &std::path::Path, port: u16, token: &str) -> Result<Arc<App>, Error> {
    Ok(Arc::new(App {
        folder: folder::Folder::open(folder)?,
        token: token.to_string(),
        port,
        renderer: Mutex::new(Renderer::new(&RenderOptions::default())?),
        events: events::Events::default(),
    }))
}

fn bind_error(error: std::io::Error, port: Option<u16>) -> Error {
    match port {
        Some(port) if error.kind() == std::io::ErrorKind::AddrInUse => Error::Usage(format!(
            "端口 {port} 已被占用；换一个 --port，或不写 --port 让 zongjie 自己找一个空闲的端口"
        )),
        _ => Error::Serve(error),
    }
}

/// Resolves when the workbench is to stop: Ctrl-C, the console closed
/// (SIGHUP, or CTRL_CLOSE on Windows), or SIGTERM. Live channels are
/// ended so that the server can stop at once.
async fn stopped(app: Arc<App>) {
    stop_signal().await;
    println!("工作台已退出。");
    app.events.close();
}

#[cfg(unix)]
async fn stop_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut hangup = signal(SignalKind::hangup()).ok();
    let mut terminate = signal(SignalKind::terminate()).ok();
    let hangup = async {
        match hangup.as_mut() {
            Some(s) => s.recv().await,
            None => std::future::pending().await,
        }
    };
    let terminate = async {
        match terminate.as_mut() {
            Some(s) => s.recv().await,
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = hangup => {}
        _ = terminate => {}
    }
}

#[cfg(windows)]
async fn stop_signal() {
    let mut close = tokio::signal::windows::ctrl_close().ok();
    let close = async {
        match close.as_mut() {
            Some(s) => s.recv().await,
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = close => {}
    }
}

fn open_browser(url: &str) {
    if let Err(error) = webbrowser::open(url) {
        eprintln!("无法自动打开浏览器（{error}）；请把上面的地址复制到浏览器中打开");
    }
}

/// `text` escaped for the fragment of a URL.
fn url_escape(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
