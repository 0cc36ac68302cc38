//! Writing XML (GraphML, GEXF, SVG) safely: names and notes are data, never markup.

use std::fmt::Write;

/// Escapes text for XML content and attributes. Control characters below U+0020
/// other than tab and line breaks are not allowed in XML 1.0 and are dropped, so a
/// hostile name can neither inject markup nor make the file unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // As references, so that readers keep them exactly (parsers turn a
            // raw tab or newline inside an attribute into a space).
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            // C0 controls are not allowed in XML 1.0; DEL and the C1 controls are,
            // as references, which keep them exactly.
            c if u32::from(c) < 0x20 => {}
            c if c.is_control() => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            // Noncharacters are not allowed either.
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number with at most one decimal ("12", "-0.5"), written with integer
/// arithmetic: Rust's float formatting would add 8 KB to the download, and one
/// decimal is plenty for positions on a page.
pub fn decimal(v: f64) -> String {
    let tenths = if v.is_finite() { (v * 10.0).round() as i64 } else { 0 };
    let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
    let sign = if tenths < 0 && whole == 0 { "-" } else { "" };
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// A number written so that reading it back gives the same number exactly
/// (positions in exports that Simpul reads back); `0` if it is not finite.
pub fn exact(v: f64) -> String {
    serde_json::Number::from_f64(v).map_or_else(|| "0".into(), |n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_match_rounded_floats() {
        for v in [0.0, 1.94, 1.96, -0.5, -0.04, -12.35, 1e6, -1e6, 123456.75] {
            let rounded = (v * 10.0_f64).round() / 10.0;
            let expected = if rounded == 0.0 { "0".to_string() } else { format!("{rounded}") };
            assert_eq!(decimal(v), expected, "{v}");
        }
        assert_eq!(decimal(f64::NAN), "0");
    }

    #[test]
    fn markup_and_control_characters_stay_out() {
        assert_eq!(
            escape("<a href=\"x\">&'</a>\u{0}\u{7}\t"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;&#9;"
        );
    }
}
