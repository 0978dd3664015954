//! The live channel (server-sent events on `/api/events`): each time a data
//! file in the folder changes, whether saved by a tab of the workbench or
//! by another editor, every open page hears its name and new version, and
//! the one editing it with another version can offer to reload. The
//! folder is looked at once a second; saves are told at once.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use serde::Serialize;
use tokio::sync::{broadcast, watch};

use super::App;
use super::folder::version_of;

/// A data file that changed: its new version, or none when it is gone.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Change {
    /// The file's name.
    pub name: String,
    /// Its version now; `None` when it was removed.
    pub version: Option<String>,
}

/// What a file looked like when last seen.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    modified: Option<SystemTime>,
    size: u64,
    version: String,
}

/// The channel and what the folder held when last looked at.
#[derive(Debug)]
pub struct Events {
    sender: broadcast::Sender<Change>,
    closing: watch::Sender<bool>,
    seen: Mutex<HashMap<String, Seen>>,
}

impl Default for Events {
    fn default() -> Events {
        Events {
            sender: broadcast::channel(64).0,
            closing: watch::channel(false).0,
            seen: Mutex::new(HashMap::new()),
        }
    }
}

impl Events {
    /// Tells every page that the workbench saved `name` at `version`.
    pub fn saved(&self, name: &str, version: &str) {
        self.seen_mut().remove(name);
        let _ = self.sender.send(Change {
            name: name.to_string(),
            version: Some(version.to_string()),
        });
    }

    /// Ends every live channel, so that the server can stop.
    pub fn close(&self) {
        let _ = self.closing.send(true);
    }

    fn seen_mut(&self) -> std::sync::MutexGuard<'_, HashMap<String, Seen>> {
        self.seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Looks at the folder and tells of every file that changed since the
    /// last look (nothing on the first).
    pub fn look(&self, app: &App, tell: bool) {
        let mut now = HashMap::new();
        for name in app.folder.data_file_names() {
            let path = app.folder.root().join(&name);
            let Ok(metadata) = std::fs::metadata(&path) else {
                continue;
            };
            let (modified, size) = (metadata.modified().ok(), metadata.len());
            let previous = self.seen_mut().get(&name).cloned();
            let seen = match previous {
                Some(seen) if seen.modified == modified && seen.size == size => seen,
                _ => {
                    let Ok(bytes) = std::fs::read(&path) else {
                        continue;
                    };
                    Seen {
                        modified,
                        size,
                        version: version_of(&bytes),
                    }
                }
            };
            now.insert(name, seen);
        }
        let before = std::mem::replace(&mut *self.seen_mut(), now.clone());
        if !tell {
            return;
        }
        for (name, seen) in &now {
            if before
                .get(name)
                .is_none_or(|old| old.version != seen.version)
            {
                let _ = self.sender.send(Change {
                    name: name.clone(),
                    version: Some(seen.version.clone()),
                });
            }
        }
        for name in before.keys().filter(|name| !now.contains_key(*name)) {
            let _ = self.sender.send(Change {
                name: name.clone(),
                version: None,
            });
        }
    }
}

/// Looks at the folder once a second until the workbench stops.
pub async fn watch_folder(app: Arc<App>) {
    app.events.look(&app, false);
    let mut closing = app.events.closing.subscribe();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            _ = tick.tick() => app.events.look(&app, true),
            _ = closing.changed() => return,
        }
    }
}

/// `GET /api/events`: a `change` event for every change, until the
/// workbench stops.
pub async fn stream(
    State(app): State<Arc<App>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = app.events.sender.subscribe();
    let closing = app.events.closing.subscribe();
    let changes = futures_util::stream::unfold(
        (receiver, closing),
        |(mut receiver, mut closing)| async move {
            loop {
                tokio::select! {
                    received = receiver.recv() => match received {
                        Ok(change) => {
                            let event = Event::default().event("change").json_data(&change).unwrap_or_default();
                            return Some((Ok(event), (receiver, closing)));
                        }
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                    _ = closing.changed() => return None,
                }
            }
        },
    );
    Sse::new(changes).keep_alive(KeepAlive::default())
}
