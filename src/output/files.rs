//! Writing results so that nothing is lost: a file is written to a
//! temporary file beside it and renamed into place; an existing file is
//! kept unless the user says `--force`, and then its previous content is
//! kept as a `.bak` beside it; an output that is one of the command's own
//! inputs, however its path is spelled, is refused; `-` is standard output.

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

    /// Refuses a file that is one of `inputs`: the same file through
    /// another path, `./`, a symbolic link or a hard link.
    pub fn refuse_inputs(&self, inputs: &[&Path]) -> Result<(), Error> {
        let Destination::File(output) = self else {
            return Ok(());
        };
        // A file that does not exist yet is no input; this spares a batch
        // of new outputs a comparison with every input.
        if std::fs::symlink_metadata(output).is_err() {
            return Ok(());
        }
        match inputs
            .iter()
            .find(|input| same_file::is_same_file(input, output).unwrap_or(false))
        {
            Some(input) => Err(Error::SameFile {
                input: input.to_path_buf(),
                output: output.clone(),
            }),
            None => Ok(()),
        }
    }
}

/// What writing did: the backup it made of a replaced file, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Where the replaced file's previous content now is.
    pub backup: Option<PathBuf>,
}

/// Writes `bytes` to `destination`, refusing to replace an existing file
/// unless `force` is set.
pub fn write(destination: &Destination, bytes: &[u8], force: bool) -> Result<Written, Error> {
    match destination {
        Destination::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|source| Error::Write {
                    path: PathBuf::from("-"),
                    source,
                })?;
            Ok(Written::default())
        }
        Destination::File(path) => write_file(path, bytes, force),
    }
}

/// What writing does to a file that is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Refuses to replace it.
    Never,
    /// Replaces it, first keeping its content as a `.bak`.
    KeepingBackup,
    /// Replaces it: for a file whose previous content is already kept
    /// (the workbench's saves after the first of a session).
    Overwriting,
}

/// Writes a file atomically: a temporary file in the same directory, then a
/// rename, so a reader never sees half a file. A file replaced (only with
/// `force`) first has its content kept as `name.bak`, or `.bak.1`, `.bak.2`…
/// when that exists; the new text is synced to disk before the rename, so a
/// crash cannot lose both. A new file keeps the usual permissions
/// (rw-r--r--), a replaced one its own.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<Written, Error> {
    let replace = if force {
        Replace::KeepingBackup
    } else {
        Replace::Never
    };
    write_replacing(path, bytes, replace)
}

/// Writes a file atomically as [`write_file`] does, doing to an existing
/// one what `replace` says.
pub fn write_replacing(path: &Path, bytes: &[u8], replace: Replace) -> Result<Written, Error> {
    let existing = std::fs::metadata(path).ok();
    if replace == Replace::Never && existing.is_some() {
        return Err(Error::OutputExists(path.to_path_buf()));
    }
    let backup = match &existing {
        Some(metadata) if metadata.is_file() && replace == Replace::KeepingBackup => {
            Some(keep_backup(path)?)
        }
        _ => None,
    };
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
    let persisted = if replace != Replace::Never {
        temporary.persist(path)
    } else {
        temporary.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(Written { backup }),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::OutputExists(path.to_path_buf()))
        }
        Err(e) => Err(write_error(e.error)),
    }
}

/// Copies the file at `path` to the first free `.bak` name beside it.
fn keep_backup(path: &Path) -> Result<PathBuf, Error> {
    let original = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let backup = (0..)
        .map(|n| match n {
            0 => path.with_file_name(format!("{name}.bak")),
            n => path.with_file_name(format!("{name}.bak.{n}")),
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.bak")));
    write_file(&backup, &original, false)?;
    Ok(backup)
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
    fn refuses_to_overwrite_without_force_and_keeps_a_backup_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_file(&path, b"first", false).unwrap();
        let error = write_file(&path, b"second", false).unwrap_err();
        assert!(matches!(error, Error::OutputExists(_)));
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        let written = write_file(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let backup = written.backup.unwrap();
        assert_eq!(backup, dir.path().join("out.md.bak"));
        assert_eq!(std::fs::read(&backup).unwrap(), b"first");
        let again = write_file(&path, b"third", true).unwrap();
        assert_eq!(again.backup.unwrap(), dir.path().join("out.md.bak.1"));
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

    #[cfg(unix)]
    #[test]
    fn an_input_is_refused_through_any_path_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("data.yaml");
        std::fs::write(&input, "x").unwrap();
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let hard = dir.path().join("hard.yaml");
        std::fs::hard_link(&input, &hard).unwrap();
        let dotted = dir.path().join(".").join("data.yaml");
        for output in [&input, &link, &hard, &dotted] {
            let destination = Destination::File(output.clone());
            assert!(matches!(
                destination.refuse_inputs(&[&input]),
                Err(Error::SameFile { .. })
            ));
        }
        let other = Destination::File(dir.path().join("other.yaml"));
        assert!(other.refuse_inputs(&[&input]).is_ok());
    }
}
