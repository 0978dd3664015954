//! Writing the zip of a .docx: every part stored as it is, dated
//! 1980-01-01, so the same report gives the same bytes.
//!
//! A stored zip is three fixed records per part and one at the end, which
//! is less code than driving the `zip` crate's writer, and quicker: its
//! CRC-32 asks the CPU for its features on each run, which on a virtual
//! machine (where `cpuid` traps) costs more than the rest of the zip.
//! Reading a .docx, which Word deflates, stays with the `zip` crate.

use super::DocxError;
use super::package::Part;

/// The DOS date of 1980-01-01 (day 1, month 1, year 0 from 1980), 00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Version 2.0 of the format, as Word writes it.
const VERSION: u16 = 20;
const STORED: u16 = 0;
/// General-purpose flag bit 11: the name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;

/// The zip of `parts`, in order.
pub fn write(parts: &[Part]) -> Result<Vec<u8>, DocxError> {
    let count = u16::try_from(parts.len()).map_err(|_| too_large("条目"))?;
    let size: usize = parts
        .iter()
        .map(|p| p.bytes.len() + 2 * p.name.len() + 76)
        .sum();
    let mut zip = Vec::with_capacity(size + 22);
    let mut directory = Vec::new();
    let mut names = std::collections::HashSet::new();
    for part in parts {
        if !names.insert(part.name.as_ref()) {
            return Err(DocxError::Zip(format!(
                "部件 {} 重复 (duplicate part name)",
                part.name
            )));
        }
        let entry = Entry::of(part, offset(zip.len())?)?;
        entry.local_header(&mut zip, &part.name);
        zip.extend_from_slice(&part.bytes);
        entry.directory_header(&mut directory, &part.name);
    }
    let directory_offset = offset(zip.len())?;
    let directory_size = offset(directory.len())?;
    zip.extend_from_slice(&directory);
    put32(&mut zip, 0x0605_4b50);
    put16(&mut zip, 0); // this disk
    put16(&mut zip, 0); // the disk the directory starts on
    put16(&mut zip, count);
    put16(&mut zip, count);
    put32(&mut zip, directory_size);
    put32(&mut zip, directory_offset);
    put16(&mut zip, 0); // comment length
    Ok(zip)
}

/// What the local and the central header of a part share.
struct Entry {
    flags: u16,
    crc: u32,
    size: u32,
    name_length: u16,
    offset: u32,
}

impl Entry {
    fn of(part: &Part, offset: u32) -> Result<Entry, DocxError> {
        Ok(Entry {
            flags: if part.name.is_ascii() { 0 } else { UTF8_NAME },
            crc: crc32(&part.bytes),
            size: u32::try_from(part.bytes.len()).map_err(|_| too_large(&part.name))?,
            name_length: u16::try_from(part.name.len()).map_err(|_| too_large(&part.name))?,
            offset,
        })
    }

    fn local_header(&self, out: &mut Vec<u8>, name: &str) {
        put32(out, 0x0403_4b50);
        put16(out, VERSION);
        self.common(out);
        out.extend_from_slice(name.as_bytes());
    }

    fn directory_header(&self, out: &mut Vec<u8>, name: &str) {
        put32(out, 0x0201_4b50);
        put16(out, VERSION); // made by
        put16(out, VERSION); // needed
        self.common(out);
        put16(out, 0); // comment length
        put16(out, 0); // disk
        put16(out, 0); // internal attributes
        put32(out, 0); // external attributes
        put32(out, self.offset);
        out.extend_from_slice(name.as_bytes());
    }

    /// From the flags to the extra field's length, alike in both headers.
    fn common(&self, out: &mut Vec<u8>) {
        put16(out, self.flags);
        put16(out, STORED);
        put16(out, DOS_TIME);
        put16(out, DOS_DATE);
        put32(out, self.crc);
        put32(out, self.size); // compressed
        put32(out, self.size); // uncompressed
        put16(out, self.name_length);
        put16(out, 0); // extra field length
    }
}

fn offset(length: usize) -> Result<u32, DocxError> {
    u32::try_from(length).map_err(|_| too_large("压缩包"))
}

fn too_large(what: &str) -> DocxError {
    DocxError::Zip(format!(
        "{what}超出 zip 格式的 4 GiB 上限 (too large for a zip without zip64)"
    ))
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// CRC-32 tables for eight bytes at a time (slicing-by-8), made at
/// compile time.
const CRC_TABLES: [[u32; 256]; 8] = crc_tables();

const fn crc_tables() -> [[u32; 256]; 8] {
    let mut tables = [[0u32; 256]; 8];
    let mut byte = 0;
    while byte < 256 {
        let mut crc = byte as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                0xEDB8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
            bit += 1;
        }
        tables[0][byte] = crc;
        byte += 1;
    }
    let mut byte = 0;
    while byte < 256 {
        let mut slice = 1;
        while slice < 8 {
            let previous = tables[slice - 1][byte];
            tables[slice][byte] = (previous >> 8) ^ tables[0][(previous & 0xFF) as usize];
            slice += 1;
        }
        byte += 1;
    }
    tables
}

/// The CRC-32 (IEEE 802.3, as zip uses) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let t = &CRC_TABLES;
    let mut crc = !0u32;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let low = crc ^ u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        let high = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
        crc = t[7][(low & 0xFF) as usize]
            ^ t[6][((low >> 8) & 0xFF) as usize]
            ^ t[5][((low >> 16) & 0xFF) as usize]
            ^ t[4][(low >> 24) as usize]
            ^ t[3][(high & 0xFF) as usize]
            ^ t[2][((high >> 8) & 0xFF) as usize]
            ^ t[1][((high >> 16) & 0xFF) as usize]
            ^ t[0][(high >> 24) as usize];
    }
    for &byte in chunks.remainder() {
        crc = t[0][((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn the_zip_crate_reads_back_every_part_with_its_checksum() {
        let long: String = "总结".repeat(5000);
        let parts = [
            Part::text("[Content_Types].xml", "<Types/>"),
            Part::text("word/document.xml", long.as_str()),
            Part::text("empty.xml", ""),
        ];
        let bytes = write(&parts).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), parts.len());
        for part in &parts {
            let mut file = archive.by_name(&part.name).unwrap();
            assert_eq!(file.compression(), zip::CompressionMethod::Stored);
            assert_eq!(
                file.last_modified().map(|d| (d.year(), d.month(), d.day())),
                Some((1980, 1, 1))
            );
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            assert_eq!(content, part.bytes.as_ref(), "{}", part.name);
        }
    }

    #[test]
    fn a_name_beyond_ascii_is_marked_utf8() {
        let bytes = write(&[Part::text("word/页脚1.xml", "<w:ftr/>")]).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(
            archive.by_index(0).unwrap().name().unwrap(),
            "word/页脚1.xml"
        );
    }

    #[test]
    fn a_name_twice_is_an_error() {
        let parts = [Part::text("a.xml", "<a/>"), Part::text("a.xml", "<b/>")];
        assert!(matches!(write(&parts), Err(DocxError::Zip(_))));
    }

    #[test]
    fn the_same_parts_give_the_same_bytes() {
        let parts = [Part::text("a.xml", "<a/>")];
        assert_eq!(write(&parts).unwrap(), write(&parts).unwrap());
    }
}
