//! Bytes into text: the encodings clerks' files come in (UTF-8 with or
//! without a byte-order mark, UTF-16, GBK/GB18030), and whether bytes are
//! a Word document rather than text.

/// Whether the input is a Word document: a zip archive, or named .docx.
pub fn is_docx(path: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || path.to_ascii_lowercase().ends_with(".docx")
}

/// Text in UTF-8 (with or without a byte-order mark), UTF-16 with a mark,
/// or else GB18030, which GBK and GB2312 are subsets of. A byte-order mark
/// anywhere else is invisible junk from pasting, and goes too.
pub fn decode(bytes: &[u8]) -> String {
    let text = if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        encoding.decode_with_bom_removal(bytes).0.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => encoding_rs::GB18030
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        }
    };
    text.replace('\u{feff}', "")
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
