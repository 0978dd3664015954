//! One workbench at a time: a running one leaves its port and token in a
//! lock file in the user's runtime folder (or config folder), and a second
//! start opens the browser on it instead of starting another. A lock file
//! whose workbench no longer answers is stale and is replaced.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// What a running workbench leaves in its lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    /// Its port on 127.0.0.1.
    pub port: u16,
    /// Its token.
    pub token: String,
    /// Its process.
    pub pid: u32,
    /// Its working folder.
    pub folder: PathBuf,
}

impl Running {
    /// The address that opens it in a browser, logged in, at `page`
    /// (`#/edit/…`, or empty for the home page).
    pub fn url(&self, page: &str) -> String {
        format!("http://127.0.0.1:{}/?token={}{page}", self.port, self.token)
    }
}

/// Where the lock file goes: `ZONGJIE_LOCK_DIR` (for tests), else the
/// runtime folder, else the config folder, else the temporary folder.
pub fn lock_path() -> PathBuf {
    let dir = std::env::var_os("ZONGJIE_LOCK_DIR")
        .map(PathBuf::from)
        .or_else(dirs::runtime_dir)
        .or_else(dirs::config_dir)
        .unwrap_or_else(std::env::temp_dir);
    dir.join("zongjie").join("workbench.json")
}

/// The workbench the lock file at `path` names, if it still answers.
pub fn running(path: &Path) -> Option<Running> {
    let text = std::fs::read_to_string(path).ok()?;
    let running: Running = serde_json::from_str(&text).ok()?;
    answers(&running).then_some(running)
}

/// Whether a workbench answers on the lock's port with the lock's token.
fn answers(running: &Running) -> bool {
    let address = SocketAddr::from(([127, 0, 0, 1], running.port));
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!(
        "GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Zongjie-Token: {}\r\nConnection: close\r\n\r\n",
        running.port, running.token
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.starts_with("HTTP/1.1 200") && response.contains("\"zongjie\"")
}

/// Writes the lock file for `running`.
pub fn write(path: &Path, running: &Running) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string(running).map_err(std::io::Error::other)?;
    std::fs::write(path, text)
}

/// Removes the lock file if it is still `running`'s.
pub fn remove(path: &Path, running: &Running) {
    let ours = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str::<Running>(&text).ok())
        .is_some_and(|lock| lock == *running);
    if ours {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_whose_workbench_is_gone_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("zongjie/workbench.json");
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let lock = Running {
            port,
            token: "t".into(),
            pid: 1,
            folder: dir.path().to_path_buf(),
        };
        write(&path, &lock).unwrap();
        assert_eq!(running(&path), None);
        remove(&path, &lock);
        assert!(!path.exists());
    }
}
