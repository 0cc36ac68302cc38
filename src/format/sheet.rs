//! Spreadsheet files as grids of text: a CSV file, each worksheet of an XLSX
//! workbook, or each CSV inside a zip. No meaning is given to the cells here; that
//! is `spreadsheet`'s work.

use super::import_error::ImportError;

/// One table of text cells. `rows[0]` is the header row; `rows[i]` is row `i + 1`
/// of the spreadsheet, as people count rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The worksheet's name, or the file's name for a CSV.
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// Whether these bytes are a zip archive (an XLSX workbook is one).
pub fn is_zip(bytes: &[u8]) -> bool {
    // A local file header, or the end record alone of an empty archive.
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Reads a CSV file: UTF-8 (with or without a byte order mark) or, failing that,
/// Windows-1252, which Excel uses for "CSV" on many Windows machines. The separator
/// is the one the header row uses most of: comma, semicolon (Excel where the
/// decimal mark is a comma, as in Indonesia) or tab.
pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Sheet, ImportError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string(),
        Err(_) => windows_1252(bytes),
    };
    let first_line = text.lines().next().unwrap_or("");
    let separator = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&s| (first_line.bytes().filter(|&b| b == s).count(), s == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| ImportError::Csv { file: file.into(), row: i + 1, detail: e.to_string() })?;
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(Sheet { name: file.into(), rows })
}

/// Windows-1252 to text: Latin-1 except for 0x80–0x9F, which hold typographic marks.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The spreadsheet name of a column: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The column index of a cell reference such as `AB12` (`None` without letters).
pub fn column_of(reference: &str) -> Option<usize> {
    let mut index = 0_usize;
    let mut any = false;
    for c in reference.chars().take_while(char::is_ascii_alphabetic) {
        index = index.checked_mul(26)?.checked_add(usize::from(c.to_ascii_uppercase() as u8 - b'A') + 1)?;
        any = true;
    }
    any.then(|| index - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_and_references_agree() {
        for i in [0, 1, 25, 26, 27, 51, 52, 701, 702, 16383] {
            assert_eq!(column_of(&format!("{}7", column_letter(i))), Some(i), "{i}");
        }
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16383), "XFD");
        assert_eq!(column_of("12"), None);
    }

    #[test]
    fn semicolons_and_windows_1252_are_read() {
        let sheet = read_csv("a.csv", b"Label;Type\r\nCaf\xe9 \x93Kopi\x94;Business\r\n").unwrap();
        assert_eq!(sheet.rows, [["Label", "Type"], ["Café “Kopi”", "Business"]]);
    }
}
