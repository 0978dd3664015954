//! Writing results so that nothing is lost: a file is written to a
//! temporary file beside it and renamed into place; an existing file is
//! kept unless the user says `--force`; `-` is standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

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
/// rename, so a reader never sees half a file.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    if !force && path.exists() {
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
    let mut temporary = tempfile::Builder::new()
        .prefix(".zongjie-")
        .tempfile_in(directory)
        .map_err(write_error)?;
    temporary.write_all(bytes).map_err(write_error)?;
    temporary.as_file().sync_all().map_err(write_error)?;
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
