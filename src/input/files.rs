//! Reading the files a clerk hands zongjie, safely: a regular file only (a
//! FIFO or a device would be read forever), never more than a limit, and a
//! data file in whatever encoding and line endings it was saved with.

use std::io::Read;
use std::path::Path;

use crate::base::error::Error;
use crate::input::encoding::{self, TextEncoding};

/// The largest data file read: 16 MiB, far beyond any year's report.
pub const DATA_FILE_LIMIT: u64 = 16 << 20;

/// The largest report (.docx, text, Markdown) read: 64 MiB.
pub const REPORT_LIMIT: u64 = 64 << 20;

/// The bytes of the regular file at `path`, refused past `limit`.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if !metadata.is_file() {
        return Err(Error::NotAFile(path.to_path_buf()));
    }
    if metadata.len() > limit {
        return Err(too_large(path, metadata.len(), limit));
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: u64, limit: u64) -> Error {
    Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    }
}

/// A data file's text as zongjie works on it (decoded, lines ending in
/// `\n`), and how the file stores it.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// The text, with `\n` line endings.
    pub text: String,
    /// The encoding the file is in.
    pub encoding: TextEncoding,
    /// Whether the file's lines end in `\r\n`.
    pub crlf: bool,
}

impl TextFile {
    /// Text written for this file's place (rollover's next year, lint's
    /// fixes) with the file's own line endings, so no file ends up with
    /// two kinds.
    pub fn with_line_endings(&self, text: &str) -> String {
        if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text.to_string()
        }
    }
}

/// The text of `bytes`, read from `path`: decoded, `\r\n` made `\n`.
pub fn text_file(bytes: &[u8]) -> TextFile {
    let (text, encoding) = encoding::decode_detecting(bytes);
    let crlf = text.contains("\r\n");
    let text = if crlf || text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    TextFile {
        text,
        encoding,
        crlf,
    }
}

/// The data file at `path`: refused when it is empty or is a report (a
/// .docx, or a .txt or .md file), which `import` reads instead.
pub fn read_data_file(path: &Path) -> Result<TextFile, Error> {
    let bytes = read_limited(path, DATA_FILE_LIMIT)?;
    let shown = path.display().to_string();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let report_extension = matches!(
        extension.as_deref(),
        Some("txt" | "md" | "markdown" | "doc" | "docx" | "wps" | "pdf")
    );
    if encoding::is_docx(&shown, &bytes) || report_extension {
        return Err(Error::NotADataFile(path.to_path_buf()));
    }
    let file = text_file(&bytes);
    if file.text.trim().is_empty() {
        return Err(Error::EmptyDataFile(path.to_path_buf()));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_is_read_as_lf_and_written_back() {
        let file = text_file("年度: 2025\r\n类型: 工作总结\r\n".as_bytes());
        assert!(file.crlf);
        assert_eq!(file.text, "年度: 2025\n类型: 工作总结\n");
        assert_eq!(file.with_line_endings("a\nb\n"), "a\r\nb\r\n");
    }

    #[test]
    fn a_limit_is_a_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        std::fs::write(&path, vec![b'a'; 11]).unwrap();
        assert!(matches!(
            read_limited(&path, 10),
            Err(Error::TooLarge { .. })
        ));
        assert_eq!(read_limited(&path, 11).unwrap().len(), 11);
    }

    #[test]
    fn a_directory_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_limited(dir.path(), 10),
            Err(Error::NotAFile(_))
        ));
    }
}
