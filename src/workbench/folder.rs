//! The working folder: the data files in it, read and saved by name only.
//! A name from a request is a plain file name (no folder, no `..`, no
//! drive, nothing hidden) and, once resolved, must still be in the folder
//! (a symbolic link out of it is refused). Saves are atomic; the first
//! save of a file in a session keeps its previous content as a `.bak`; a
//! save is refused when the file changed on disk since the version the
//! clerk's edit started from.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use crate::base::error::Error;
use crate::input::files::{self, TextFile};
use crate::output::files::{Replace, write_replacing};

/// Where a bureau's reference .docx is kept, once uploaded, for every
/// .docx downloaded from the folder.
pub const REFERENCE_NAME: &str = ".zongjie-reference.docx";

/// The folder and what this session has saved in it.
#[derive(Debug)]
pub struct Folder {
    root: PathBuf,
    saved: Mutex<HashSet<String>>,
}

/// A data file as stored: its text and the version it was read at.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The text, decoded.
    pub text: String,
    /// The version: a fingerprint of the bytes on disk.
    pub version: String,
    /// How the bytes are stored (encoding, line endings).
    pub file: TextFile,
}

/// Why a name or a save was refused.
#[derive(Debug)]
pub enum Refused {
    /// The name is not a plain data file name in the folder.
    BadName(String),
    /// No such file.
    Missing(String),
    /// The file changed on disk since `base_version`: what is there now.
    Changed(Box<Stored>),
    /// Reading or writing failed.
    Failed(Error),
}

/// A fingerprint of `bytes`, as a version: FNV-1a, 64 bits.
pub fn version_of(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}-{}", bytes.len())
}

impl Folder {
    /// The folder at `path`, made when missing.
    pub fn open(path: &Path) -> Result<Folder, Error> {
        std::fs::create_dir_all(path).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
        let root = std::fs::canonicalize(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Folder {
            root,
            saved: Mutex::new(HashSet::new()),
        })
    }

    /// The folder's full path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The path of the data file `name`, if it is a plain name of one in
    /// this folder.
    pub fn data_file(&self, name: &str) -> Result<PathBuf, Refused> {
        if !is_data_file_name(name) {
            return Err(Refused::BadName(format!(
                "“{name}”不是工作文件夹里的数据文件名（只能是 .yaml 文件名，不能含路径）"
            )));
        }
        self.inside(name)
    }

    /// The path of `name` in the folder, refusing a plain name that leads
    /// out of it through a symbolic link.
    fn inside(&self, name: &str) -> Result<PathBuf, Refused> {
        let path = self.root.join(name);
        match std::fs::canonicalize(&path) {
            Ok(real) if real.parent() != Some(self.root.as_path()) => Err(Refused::BadName(
                format!("“{name}”指向工作文件夹以外的位置，不能打开"),
            )),
            _ => Ok(path),
        }
    }

    /// The data files in the folder, by name.
    pub fn data_file_names(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| is_data_file_name(name) && self.inside(name).is_ok())
            .collect();
        names.sort();
        names
    }

    /// When the file `name` was last modified, if it can be told.
    pub fn modified(&self, name: &str) -> Option<SystemTime> {
        std::fs::metadata(self.root.join(name))
            .and_then(|m| m.modified())
            .ok()
    }

    /// Reads the data file `name`.
    pub fn read(&self, name: &str) -> Result<Stored, Refused> {
        let path = self.data_file(name)?;
        if !path.exists() {
            return Err(Refused::Missing(format!("工作文件夹里没有“{name}”")));
        }
        let bytes = files::read_limited(&path, files::DATA_FILE_LIMIT).map_err(Refused::Failed)?;
        Ok(stored(&bytes))
    }

    /// Saves `text` as the data file `name`, which the clerk's edit started
    /// from at `base_version`; `None` for a new file, which must not exist.
    /// The first save of a file in this session keeps a `.bak` of it.
    pub fn save(
        &self,
        name: &str,
        text: &str,
        base_version: Option<&str>,
    ) -> Result<Saved, Refused> {
        let path = self.data_file(name)?;
        let current = match std::fs::read(&path) {
            Ok(bytes) => Some(stored(&bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => return Err(Refused::Failed(Error::Read { path, source })),
        };
        let replace = match (&current, base_version) {
            (None, _) => Replace::Never,
            (Some(current), Some(base)) if current.version == base => self.replace_mode(name),
            (Some(current), _) => return Err(Refused::Changed(Box::new(current.clone()))),
        };
        let bytes = match &current {
            Some(current) => current.file.with_line_endings(text),
            None => text.to_string(),
        };
        let written = write_replacing(&path, bytes.as_bytes(), replace).map_err(Refused::Failed)?;
        self.lock_saved().insert(name.to_string());
        Ok(Saved {
            version: version_of(bytes.as_bytes()),
            backup: written
                .backup
                .and_then(|b| b.file_name()?.to_str().map(String::from)),
        })
    }

    fn replace_mode(&self, name: &str) -> Replace {
        if self.lock_saved().contains(name) {
            Replace::Overwriting
        } else {
            Replace::KeepingBackup
        }
    }

    fn lock_saved(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.saved
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A name for a new data file from `stem` that no file in the folder
    /// has yet: `stem.yaml`, else `stem（2）.yaml`, `stem（3）.yaml`…
    pub fn free_name(&self, stem: &str) -> String {
        let stem = plain_stem(stem);
        (1..)
            .map(|n| match n {
                1 => format!("{stem}.yaml"),
                n => format!("{stem}（{n}）.yaml"),
            })
            .find(|name| !self.root.join(name).exists())
            .unwrap_or_else(|| format!("{stem}.yaml"))
    }

    /// The folder's reference .docx, when one was uploaded.
    pub fn reference(&self) -> Option<Vec<u8>> {
        let path = self.root.join(REFERENCE_NAME);
        files::read_limited(&path, files::REPORT_LIMIT).ok()
    }

    /// Keeps `bytes` as the folder's reference .docx (or forgets it).
    pub fn set_reference(&self, bytes: Option<&[u8]>) -> Result<(), Error> {
        let path = self.root.join(REFERENCE_NAME);
        match bytes {
            Some(bytes) => write_replacing(&path, bytes, Replace::Overwriting).map(|_| ()),
            None => match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(Error::Write { path, source: e })
                }
                _ => Ok(()),
            },
        }
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file's version now.
    pub version: String,
    /// The name of the backup the save kept, on the first save.
    pub backup: Option<String>,
}

fn stored(bytes: &[u8]) -> Stored {
    let file = files::text_file(bytes);
    Stored {
        text: file.text.clone(),
        version: version_of(bytes),
        file,
    }
}

/// Whether `name` is a plain name of a data file: `.yaml` or `.yml`, no
/// folder, no drive, not hidden, nothing a file system would read as more.
pub fn is_data_file_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    (lower.ends_with(".yaml") || lower.ends_with(".yml")) && is_plain_name(name)
}

/// Whether `name` names a file right in a folder and nothing more.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 120
        && !name.starts_with(['.', ' '])
        && !name.ends_with([' ', '.'])
        && !name.chars().any(|c| {
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
}

/// `stem` with whatever cannot be in a plain file name replaced, for names
/// made from what a clerk typed or uploaded.
fn plain_stem(stem: &str) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let short: String = trimmed.chars().take(100).collect();
    if short.is_empty() {
        "数据文件".to_string()
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, Folder) {
        let dir = tempfile::tempdir().unwrap();
        let folder = Folder::open(dir.path()).unwrap();
        (dir, folder)
    }

    #[test]
    fn only_plain_data_file_names_are_accepted() {
        let (_dir, folder) = folder();
        for bad in [
            "../x.yaml",
            "a/b.yaml",
            "a\\b.yaml",
            "C:x.yaml",
            ".hidden.yaml",
            "x.txt",
            "",
            "x.yaml ",
        ] {
            assert!(
                matches!(folder.data_file(bad), Err(Refused::BadName(_))),
                "{bad}"
            );
        }
        assert!(folder.data_file("2025年工作总结.yaml").is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_refused() {
        let (dir, folder) = folder();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.yaml"),
            dir.path().join("link.yaml"),
        )
        .unwrap();
        assert!(matches!(folder.read("link.yaml"), Err(Refused::BadName(_))));
        assert!(folder.data_file_names().is_empty());
    }

    #[test]
    fn saves_keep_one_backup_a_session_and_refuse_a_stale_version() {
        let (dir, folder) = folder();
        std::fs::write(dir.path().join("a.yaml"), "年度: 2025\r\n").unwrap();
        let first = folder.read("a.yaml").unwrap();
        let saved = folder
            .save("a.yaml", "年度: 2026\n", Some(&first.version))
            .unwrap();
        assert_eq!(saved.backup.as_deref(), Some("a.yaml.bak"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.yaml")).unwrap(),
            "年度: 2026\r\n"
        );
        let again = folder
            .save("a.yaml", "年度: 2027\n", Some(&saved.version))
            .unwrap();
        assert_eq!(again.backup, None);
        assert!(!dir.path().join("a.yaml.bak.1").exists());
        match folder.save("a.yaml", "年度: 2028\n", Some(&first.version)) {
            Err(Refused::Changed(current)) => assert_eq!(current.text, "年度: 2027\n"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            folder.save("a.yaml", "x", None),
            Err(Refused::Changed(_))
        ));
    }

    #[test]
    fn free_names_do_not_clash() {
        let (dir, folder) = folder();
        assert_eq!(folder.free_name("2026年"), "2026年.yaml");
        std::fs::write(dir.path().join("2026年.yaml"), "").unwrap();
        assert_eq!(folder.free_name("2026年"), "2026年（2）.yaml");
        assert_eq!(folder.free_name("../a/b"), "_a_b.yaml");
    }
}
