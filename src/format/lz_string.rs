//! lz-string's `decompressFromUTF16`, the compression PRSM 3 saves its maps with,
//! written against lz-string's published format with a bound on what it produces.
//!
//! The format is LZW over 16-bit code units: codes of 3 bits and growing, where 0
//! and 1 bring a new 8- or 16-bit character, 2 ends the text, and any other code is
//! a dictionary entry; each character of the compressed text carries 15 bits (its
//! code minus 32). Each dictionary entry is kept as its prefix entry and last unit,
//! not as a whole string (as the `lz-str` crate keeps it): a crafted file of 90 KB
//! would otherwise make the reader allocate gigabytes. Time and memory are linear in
//! the output, which stops at `limit` code units.

/// Why compressed text could not be decompressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LzError {
    /// The text ends before its end code, or refers to an entry that does not exist.
    Damaged,
    /// The text decompresses to more than the limit.
    TooLarge,
}

/// One dictionary entry: the entry it extends (`NONE` for a single unit), its last
/// unit, and its first (kept so that `w + entry[0]` costs nothing).
#[derive(Clone, Copy)]
struct Entry {
    prefix: u32,
    last: u16,
    first: u16,
}

const NONE: u32 = u32::MAX;

/// The 15-bit values of compressed text, read a bit at a time as lz-string writes them.
struct Bits<I: Iterator<Item = u16>> {
    values: I,
    value: u16,
    /// The next bit of `value` to read; 0 when a new value is needed.
    mask: u16,
}

impl<I: Iterator<Item = u16>> Bits<I> {
    /// `n` bits, least significant first; `None` past the end of the text.
    fn read(&mut self, n: u32) -> Option<u32> {
        let mut bits = 0;
        for power in 0..n {
            if self.mask == 0 {
                self.value = self.values.next()?;
                self.mask = 1 << 14;
            }
            if self.value & self.mask != 0 {
                bits |= 1 << power;
            }
            self.mask >>= 1;
        }
        Some(bits)
    }
}

/// Decompresses text made by lz-string's `compressToUTF16` into UTF-16 code units,
/// at most `limit` of them.
pub fn decompress_from_utf16(compressed: &str, limit: usize) -> Result<Vec<u16>, LzError> {
    // Each character holds 15 bits, offset by 32 so that the text is printable.
    let values = compressed.encode_utf16().map(|unit| unit.wrapping_sub(32) & 0x7FFF);
    let mut bits = Bits { values, value: 0, mask: 0 };
    let mut dictionary: Vec<Entry> = vec![Entry { prefix: NONE, last: 0, first: 0 }; 3];
    let mut out: Vec<u16> = Vec::new();
    let literal = |bits: &mut Bits<_>, code: u32| -> Result<u16, LzError> {
        let width = if code == 0 { 8 } else { 16 };
        bits.read(width).map(|unit| unit as u16).ok_or(LzError::Damaged)
    };
    let first = match bits.read(2) {
        None => return Ok(Vec::new()),
        Some(2) => return Ok(Vec::new()),
        Some(code @ (0 | 1)) => literal(&mut bits, code)?,
        Some(_) => return Err(LzError::Damaged),
    };
    dictionary.push(Entry { prefix: NONE, last: first, first });
    out.push(first);
    let mut w = dictionary.len() - 1;
    let mut width: u32 = 3;
    let mut enlarge_in: u64 = 4;
    let grow = |enlarge_in: &mut u64, width: &mut u32| {
        *enlarge_in -= 1;
        if *enlarge_in == 0 {
            *enlarge_in = 1 << *width;
            *width += 1;
        }
    };
    loop {
        if width > 32 {
            return Err(LzError::Damaged);
        }
        let mut code = bits.read(width).ok_or(LzError::Damaged)?;
        match code {
            0 | 1 => {
                let unit = literal(&mut bits, code)?;
                dictionary.push(Entry { prefix: NONE, last: unit, first: unit });
                code = (dictionary.len() - 1) as u32;
                grow(&mut enlarge_in, &mut width);
            }
            2 => return Ok(out),
            _ => {}
        }
        let code = code as usize;
        let entry = if code < dictionary.len() && code >= 3 {
            let first = dictionary[code].first;
            dictionary.push(Entry { prefix: w as u32, last: first, first: dictionary[w].first });
            code
        } else if code == dictionary.len() {
            // The entry being defined: w followed by w's own first unit.
            let first = dictionary[w].first;
            dictionary.push(Entry { prefix: w as u32, last: first, first });
            code
        } else {
            return Err(LzError::Damaged);
        };
        write_entry(&dictionary, entry, &mut out, limit)?;
        grow(&mut enlarge_in, &mut width);
        w = entry;
    }
}

/// Appends an entry's units to `out`, walking its prefixes back to front.
fn write_entry(
    dictionary: &[Entry],
    mut index: usize,
    out: &mut Vec<u16>,
    limit: usize,
) -> Result<(), LzError> {
    let start = out.len();
    loop {
        let entry = dictionary[index];
        if out.len() >= limit {
            return Err(LzError::TooLarge);
        }
        out.push(entry.last);
        if entry.prefix == NONE {
            break;
        }
        index = entry.prefix as usize;
    }
    out[start..].reverse();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dangling_code_is_damage_not_a_panic() {
        for text in ["\u{7fff}\u{7fff}\u{7fff}", "!", "\u{20}\u{20}\u{20}\u{20}\u{20}"] {
            let _ = decompress_from_utf16(text, 1000);
        }
    }

    #[test]
    fn the_limit_stops_a_growing_text() {
        // "a" repeated compresses to codes that each extend the last entry.
        let compressed = "ღ弹⭀ ";
        assert_eq!(decompress_from_utf16(compressed, 1000).map(|u| u.len()), Ok(40));
        assert_eq!(decompress_from_utf16(compressed, 10), Err(LzError::TooLarge));
    }
}
