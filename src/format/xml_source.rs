//! Reading another tool's XML file (GraphML, GEXF): parsed with `roxmltree`, forgiving
//! what real files get wrong (a prefix such as `viz:` used without its namespace
//! declared), and refusing what cannot be read with the line where it stopped.

use super::import_error::ImportError;
use roxmltree::{Document, Node, ParsingOptions};

/// Elements a file may hold: far more than a map may have (a node or edge is a few
/// elements), few enough that a hostile file cannot exhaust memory.
const MAX_XML_NODES: u32 = 2_000_000;

/// Parses `bytes` as XML and hands the document to `read`. `format` names the
/// format in messages ("GraphML").
pub fn with_document<T>(
    file: &str,
    format: &'static str,
    bytes: &[u8],
    read: impl FnOnce(&Document) -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    let bad = |line: u32, detail: String| ImportError::BadXml { file: file.into(), format, line, detail };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        bad(line, "the text is not UTF-8".into())
    })?;
    let mut text = text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string();
    let options = ParsingOptions { allow_dtd: true, nodes_limit: MAX_XML_NODES };
    // Each prefix used without its declaration is declared on the root element, then
    // the file parsed again; a handful at most (GEXF files use `viz:` alone).
    for _ in 0..4 {
        match Document::parse_with_options(&text, options) {
            Ok(document) => return read(&document),
            Err(roxmltree::Error::UnknownNamespace(prefix, pos)) => match declare(&text, &prefix) {
                Some(declared) => text = declared,
                None => return Err(bad(pos.row, format!("the prefix {prefix}: is not declared"))),
            },
            Err(error) => return Err(bad(error.pos().row, error.to_string())),
        }
    }
    Err(bad(1, "too many undeclared prefixes".into()))
}

/// `text` with `xmlns:prefix` declared on its root element.
fn declare(text: &str, prefix: &str) -> Option<String> {
    if prefix.is_empty() || !prefix.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.') {
        return None;
    }
    let mut at = 0;
    loop {
        let start = at + text[at..].find('<')?;
        let next = text[start + 1..].chars().next()?;
        if next == '?' || next == '!' {
            at = start + 1;
            continue;
        }
        let name_end = start + text[start..].find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let mut declared = String::with_capacity(text.len() + 64);
        declared.push_str(&text[..name_end]);
        declared.push_str(&format!(" xmlns:{prefix}=\"urn:simpul:undeclared:{prefix}\""));
        declared.push_str(&text[name_end..]);
        return Some(declared);
    }
}

/// The line of an element, as an editor counts lines.
pub fn line_of(document: &Document, node: Node) -> u32 {
    document.text_pos_at(node.range().start).row
}

/// The child elements of `node` whose local name is `name`, whatever their namespace.
pub fn children<'a, 'input>(node: Node<'a, 'input>, name: &'a str) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |c| c.is_element() && c.tag_name().name().eq_ignore_ascii_case(name))
}

/// The first child element named `name`.
pub fn child<'a, 'input>(node: Node<'a, 'input>, name: &'a str) -> Option<Node<'a, 'input>> {
    children(node, name).next()
}

/// An attribute by its local name, whatever its namespace.
pub fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value())
}

/// The text inside an element, its parts joined (text split by comments or CDATA).
pub fn text_of(node: Node) -> String {
    node.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect()
}

/// A colour as `#rrggbb` from red, green and blue of 0–255.
pub fn hex_colour(r: f64, g: f64, b: f64) -> String {
    // A float's cast to an integer saturates (and NaN is 0): no clamp needed, whose
    // assertion would bring float formatting along.
    let channel = |v: f64| v.round() as u8;
    format!("#{:02x}{:02x}{:02x}", channel(r), channel(g), channel(b))
}

/// A colour as `#rrggbb` from `#rgb`, `#rrggbb` or `#rrggbbaa` (any case); `None` otherwise.
pub fn normal_colour(raw: &str) -> Option<String> {
    let hex = raw.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let hex = hex.to_ascii_lowercase();
    match hex.len() {
        3 => Some(hex.chars().flat_map(|c| [c, c]).fold(String::from("#"), |mut s, c| {
            s.push(c);
            s
        })),
        6 | 8 => Some(format!("#{}", &hex[..6])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undeclared_prefix_is_declared_and_read() {
        let gexf = br#"<?xml version="1.0"?><gexf version="1.3"><graph><nodes><node id="a"><viz:size value="3"/></node></nodes></graph></gexf>"#;
        let size = with_document("a.gexf", "GEXF", gexf, |doc| {
            Ok(doc
                .descendants()
                .find(|n| n.tag_name().name() == "size")
                .and_then(|n| n.attribute("value"))
                .map(String::from))
        });
        assert_eq!(size, Ok(Some("3".to_string())));
    }

    #[test]
    fn broken_xml_is_refused_with_its_line() {
        let result =
            with_document("a.graphml", "GraphML", b"<graphml>\n<graph>\n<node id='a'>\n</graphml>", |_| {
                Ok(())
            });
        match result {
            Err(ImportError::BadXml { line, format, .. }) => assert_eq!((line, format), (4, "GraphML")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn colours_are_normalised() {
        assert_eq!(normal_colour("#FFcc00").as_deref(), Some("#ffcc00"));
        assert_eq!(normal_colour("#abc").as_deref(), Some("#aabbcc"));
        assert_eq!(normal_colour("#11223344").as_deref(), Some("#112233"));
        assert_eq!(normal_colour("red"), None);
        assert_eq!(hex_colour(255.0, 0.0, 16.4), "#ff0010");
    }
}
