//! Bytes into text: the encodings clerks' files come in (UTF-8 with or
//! without a byte-order mark, UTF-16, GBK/GB18030), and whether bytes are
//! a Word document rather than text.

/// Whether the input is a Word document: a zip archive, or named .docx.
pub fn is_docx(path: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || path.to_ascii_lowercase().ends_with(".docx")
}

/// The encodings a clerk's text files come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with no byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Windows Notepad's).
    Utf8WithMark,
    /// UTF-16 with a byte-order mark.
    Utf16,
    /// GB18030, which GBK and GB2312 are subsets of.
    Gb18030,
}

impl TextEncoding {
    /// Its name as a clerk knows it.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8WithMark => "带 BOM 的 UTF-8",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Gb18030 => "GBK",
        }
    }
}

/// Text in UTF-8 (with or without a byte-order mark), UTF-16 with a mark,
/// or else GB18030, which GBK and GB2312 are subsets of. A byte-order mark
/// anywhere else is invisible junk from pasting, and goes too.
pub fn decode(bytes: &[u8]) -> String {
    decode_detecting(bytes).0
}

/// [`decode`], also saying which encoding the bytes were in.
pub fn decode_detecting(bytes: &[u8]) -> (String, TextEncoding) {
    let (text, encoding) = if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let which = if encoding == encoding_rs::UTF_8 {
            TextEncoding::Utf8WithMark
        } else {
            TextEncoding::Utf16
        };
        (
            encoding.decode_with_bom_removal(bytes).0.into_owned(),
            which,
        )
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), TextEncoding::Utf8),
            Err(_) => (
                encoding_rs::GB18030
                    .decode_without_bom_handling(bytes)
                    .0
                    .into_owned(),
                TextEncoding::Gb18030,
            ),
        }
    };
    (text.replace('\u{feff}', ""), encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_text_is_decoded() {
        let (bytes, _, _) = encoding_rs::GBK.encode("一、工作情况（一）加强建设");
        assert_eq!(decode(&bytes), "一、工作情况（一）加强建设");
    }

    #[test]
    fn byte_order_marks_are_removed() {
        assert_eq!(decode("\u{feff}标题".as_bytes()), "标题");
        assert_eq!(decode(" \u{feff}标\u{feff}题".as_bytes()), " 标题");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("标题".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), "标题");
    }
}
