//! Writing results so that nothing is lost: a file is written to a
//! temporary file beside it and renamed into place; an existing file is
//! kept unless the user says `--force`; `-` is standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::base::error::Error;

/// Where a command's result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Destination {
    /// `-` or no path means standard output.
    pub fn from_arg(path: Option<&Path>) -> Destination {
        match path {
            None => Destination::Stdout,
            Some(p) if p.as_os_str() == "-" => Destination::Stdout,
            Some(p) => Destination::File(p.to_path_buf()),
        }
    }
}

/// Writes `bytes` to `destination`, refusing to replace an existing file
/// unless `force` is set.
pub fn write(destination: &Destination, bytes: &[u8], force: bool) -> Result<(), Error> {
    match destination {
        Destination::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|source| Error::Write {
                    path: PathBuf::from("-"),
                    source,
                })
        }
        Destination::File(path) => write_file(path, bytes, force),
    }
}

/// Writes a file atomically: a temporary file in the same directory, then a
/// rename, so a reader never sees half a file. Replacing a file, the new
/// text is synced to disk before the rename, so a crash cannot lose what
/// was there; a new file keeps the usual permissions (rw-r--r--), a
/// replaced one its own.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    let existing = std::fs::metadata(path).ok();
    if !force && existing.is_some() {
        return Err(Error::OutputExists(path.to_path_buf()));
    }
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".zongjie-");
    #[cfg(unix)]
    builder.permissions(
        existing
            .as_ref()
            .map_or_else(new_file_permissions, |m| m.permissions()),
    );
    let mut temporary = builder.tempfile_in(directory).map_err(write_error)?;
    temporary.write_all(bytes).map_err(write_error)?;
    if existing.is_some() {
        temporary.as_file().sync_all().map_err(write_error)?;
    }
    let persisted = if force {
        temporary.persist(path)
    } else {
        temporary.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::OutputExists(path.to_path_buf()))
        }
        Err(e) => Err(write_error(e.error)),
    }
}

/// rw-r--r--, what a new file gets under the usual umask; a temporary
/// file would otherwise keep its private rw-------.
#[cfg(unix)]
fn new_file_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_file(&path, b"first", false).unwrap();
        let error = write_file(&path, b"second", false).unwrap_err();
        assert!(matches!(error, Error::OutputExists(_)));
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_file(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_replaced_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_file(&path, b"first", false).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_file(&path, b"second", true).unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn leaves_no_temporary_files_behind() {
        let dir = tempfile::tempdir().unwrap();
        write_file(&dir.path().join("a.txt"), b"x", false).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.txt"]);
    }

    #[test]
    fn dash_is_stdout() {
        assert_eq!(
            Destination::from_arg(Some(Path::new("-"))),
            Destination::Stdout
        );
        assert_eq!(Destination::from_arg(None), Destination::Stdout);
    }
}
