//! `import` of a plain-text or Markdown report in any encoding. The first
//! byte picks the file name and an encoding to write the rest in (as
//! given, GBK, GB18030, UTF-16 LE or BE with a BOM, UTF-8 with a BOM);
//! the data file written passes `check` without errors and stays within
//! the caps.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie_fuzz::{assert_checks, assert_within_caps};

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut bytes = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let path = ["report.txt", "report.md", "报告", "report.TXT"][usize::from(choice & 3)];
    let bytes: Vec<u8> = match (choice >> 2) % 6 {
        0 => rest.to_vec(),
        encoding => match std::str::from_utf8(rest) {
            Ok(text) => match encoding {
                1 => encoding_rs::GBK.encode(text).0.into_owned(),
                2 => encoding_rs::GB18030.encode(text).0.into_owned(),
                3 => utf16(text, true),
                4 => utf16(text, false),
                _ => [&[0xEF, 0xBB, 0xBF][..], rest].concat(),
            },
            Err(_) => rest.to_vec(),
        },
    };
    match zongjie::import(path, &bytes) {
        Ok(imported) => {
            assert_within_caps("import", &bytes, imported.data_file.len());
            assert_checks("import", &imported.data_file);
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
