//! What a chosen file is, told from its bytes rather than its name (a `.xml` may be
//! GraphML or anything else, a `.CSV` is a CSV): the formats Simpul reads, and the
//! ones it does not, named so that a refusal can say what to export instead.

use crate::i18n::Lang;

/// A file's format as its first bytes show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// A JSON object: a Simpul map or backup, a Kumu project or blueprint, a plain PRSM map.
    Json,
    /// A zip archive: an XLSX workbook or a zip of CSV files.
    Zip,
    GraphMl,
    Gexf,
    /// A PRSM map as PRSM 3 saves it, compressed with lz-string (`compressToUTF16`).
    PrsmCompressed,
    /// Delimited text, read as CSV.
    Csv,
    // What Simpul does not read, each refused by name.
    Gml,
    Dot,
    Pajek,
    /// An Excel workbook of Excel 97–2003 (`.xls`), or another OLE2 Office file.
    OldExcel,
    /// An OpenDocument file (`.ods`, `.odt`, …).
    OpenDocument,
    Pdf,
    /// A picture: `PNG`, `JPEG`, `GIF`, `WebP` or `SVG`.
    Picture(&'static str),
    /// An XML file of another kind, with its root element's name.
    OtherXml(String),
    /// Nothing Simpul recognises.
    Unknown,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Foreign {
    /// Tells the format of `bytes`; `name` only decides for text that could be CSV.
    pub fn of(name: &str, bytes: &[u8]) -> Self {
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        let magic: &[(&[u8], Foreign)] = &[
            (b"%PDF", Foreign::Pdf),
            (b"\x89PNG", Foreign::Picture("PNG")),
            (b"\xFF\xD8\xFF", Foreign::Picture("JPEG")),
            (b"GIF8", Foreign::Picture("GIF")),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Foreign::OldExcel),
        ];
        if let Some((_, format)) = magic.iter().find(|(start, _)| bytes.starts_with(start)) {
            return format.clone();
        }
        if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
            return Foreign::Picture("WebP");
        }
        if super::sheet::is_zip(bytes) {
            // An OpenDocument file begins with its uncompressed `mimetype` entry.
            let head = &bytes[..bytes.len().min(100)];
            let open_document = head.windows(27).any(|w| w == b"application/vnd.oasis.opend");
            return if open_document { Foreign::OpenDocument } else { Foreign::Zip };
        }
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &bytes[i..]);
        match start.first() {
            Some(b'{') | Some(b'[') => return Foreign::Json,
            Some(b'<') => return xml_kind(start),
            _ => {}
        }
        let text = String::from_utf8_lossy(&start[..start.len().min(4096)]);
        if looks_compressed(&text) || (name.to_lowercase().ends_with(".prsm") && !text.is_empty()) {
            return Foreign::PrsmCompressed;
        }
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with(['#', '%']) && !l.starts_with("//"))
            .take(3)
            .collect();
        let first = words.first().copied().unwrap_or("");
        if first.starts_with("*vertices") || first.starts_with("*network") {
            return Foreign::Pajek;
        }
        let dot_head = first.trim_start_matches("strict ");
        if (dot_head.starts_with("digraph") || dot_head.starts_with("graph")) && lower.contains('{') {
            return Foreign::Dot;
        }
        if is_gml(&lower) {
            return Foreign::Gml;
        }
        let delimited = first.contains([',', ';', '\t']);
        let csv_name = [".csv", ".tsv", ".txt"].iter().any(|ext| name.to_lowercase().ends_with(ext));
        if csv_name || delimited {
            Foreign::Csv
        } else {
            Foreign::Unknown
        }
    }

    /// Whether Simpul reads this format.
    pub fn is_read(&self) -> bool {
        matches!(
            self,
            Foreign::Json
                | Foreign::Zip
                | Foreign::GraphMl
                | Foreign::Gexf
                | Foreign::PrsmCompressed
                | Foreign::Csv
        )
    }

    /// Why a file of this format is refused, and what to export instead.
    pub fn refusal(&self, lang: Lang) -> String {
        let en = |s: &str| s.to_string();
        match (self, lang) {
            (Foreign::Gml, Lang::En) => en("This looks like a GML file, which Simpul does not read: export GraphML from your tool."),
            (Foreign::Gml, Lang::Id) => en("Ini tampaknya berkas GML, yang tidak dibaca Simpul: ekspor GraphML dari aplikasi Anda."),
            (Foreign::Dot, Lang::En) => en("This looks like a Graphviz DOT file, which Simpul does not read: export GraphML or GEXF from your tool (Gephi opens DOT files and saves GEXF)."),
            (Foreign::Dot, Lang::Id) => en("Ini tampaknya berkas DOT Graphviz, yang tidak dibaca Simpul: ekspor GraphML atau GEXF dari aplikasi Anda (Gephi membuka berkas DOT dan menyimpan GEXF)."),
            (Foreign::Pajek, Lang::En) => en("This looks like a Pajek .net file, which Simpul does not read: export GraphML from your tool (Gephi, networkx and igraph read Pajek files)."),
            (Foreign::Pajek, Lang::Id) => en("Ini tampaknya berkas Pajek .net, yang tidak dibaca Simpul: ekspor GraphML dari aplikasi Anda (Gephi, networkx dan igraph membaca berkas Pajek)."),
            (Foreign::OldExcel, Lang::En) => en("This is an old Excel workbook (.xls), which Simpul does not read: save it as .xlsx or CSV in Excel or LibreOffice."),
            (Foreign::OldExcel, Lang::Id) => en("Ini buku kerja Excel lama (.xls), yang tidak dibaca Simpul: simpan sebagai .xlsx atau CSV di Excel atau LibreOffice."),
            (Foreign::OpenDocument, Lang::En) => en("This is an OpenDocument file (such as .ods), which Simpul does not read: save it as .xlsx or CSV."),
            (Foreign::OpenDocument, Lang::Id) => en("Ini berkas OpenDocument (seperti .ods), yang tidak dibaca Simpul: simpan sebagai .xlsx atau CSV."),
            (Foreign::Pdf, Lang::En) => en("This is a PDF document: it holds a picture of a map, not its data. Export the map itself (GraphML, GEXF, XLSX, CSV or JSON) from the tool that made it."),
            (Foreign::Pdf, Lang::Id) => en("Ini dokumen PDF: isinya gambar peta, bukan datanya. Ekspor petanya sendiri (GraphML, GEXF, XLSX, CSV atau JSON) dari aplikasi pembuatnya."),
            (Foreign::Picture(kind), Lang::En) => format!("This is a {kind} picture: it holds no data Simpul can read. Export the map itself (GraphML, GEXF, XLSX, CSV or JSON) from the tool that made it."),
            (Foreign::Picture(kind), Lang::Id) => format!("Ini gambar {kind}: tidak berisi data yang dapat dibaca Simpul. Ekspor petanya sendiri (GraphML, GEXF, XLSX, CSV atau JSON) dari aplikasi pembuatnya."),
            (Foreign::OtherXml(root), Lang::En) => format!("This is an XML file whose root element is <{root}>, neither GraphML nor GEXF: export GraphML or GEXF from your tool."),
            (Foreign::OtherXml(root), Lang::Id) => format!("Ini berkas XML dengan elemen akar <{root}>, bukan GraphML maupun GEXF: ekspor GraphML atau GEXF dari aplikasi Anda."),
            (_, Lang::En) => en("Simpul does not recognise this file. It reads Simpul maps (.simpul.json), Kumu JSON, GraphML, GEXF, PRSM maps, XLSX workbooks and CSV files."),
            (_, Lang::Id) => en("Simpul tidak mengenali berkas ini. Simpul membaca peta Simpul (.simpul.json), JSON Kumu, GraphML, GEXF, peta PRSM, buku kerja XLSX dan berkas CSV."),
        }
    }
}

/// The kind of an XML file, by its root element's name (any namespace or prefix,
/// since real files carry wrong or missing namespace URLs).
fn xml_kind(text: &[u8]) -> Foreign {
    let root = root_element(text);
    match root.as_deref().map(str::to_lowercase).as_deref() {
        Some("graphml") => Foreign::GraphMl,
        Some("gexf") => Foreign::Gexf,
        Some("svg") => Foreign::Picture("SVG"),
        Some(_) => Foreign::OtherXml(root.unwrap_or_default()),
        None => Foreign::Unknown,
    }
}

/// The local name of the first element, past the declaration, comments and doctype.
fn root_element(text: &[u8]) -> Option<String> {
    let mut rest = text;
    loop {
        let at = rest.iter().position(|&b| b == b'<')?;
        rest = &rest[at + 1..];
        let skip_to =
            |rest: &[u8], end: &[u8]| rest.windows(end.len()).position(|w| w == end).map(|i| i + end.len());
        match rest.first()? {
            b'?' => rest = &rest[skip_to(rest, b"?>")?..],
            b'!' if rest.starts_with(b"!--") => rest = &rest[skip_to(rest, b"-->")?..],
            b'!' => rest = &rest[skip_to(rest, b">")?..],
            _ => {
                let name: Vec<u8> = rest
                    .iter()
                    .take_while(|&&b| !b.is_ascii_whitespace() && b != b'>' && b != b'/')
                    .copied()
                    .collect();
                let name = String::from_utf8_lossy(&name).into_owned();
                let local = name.rsplit(':').next().unwrap_or("").to_string();
                return (!local.is_empty()).then_some(local);
            }
        }
    }
}

/// Whether text looks like lz-string's `compressToUTF16` output: mostly characters
/// beyond ASCII (each holds 15 bits, offset by 32), with no line breaks.
fn looks_compressed(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(64).collect();
    let wide = sample.iter().filter(|&&c| u32::from(c) >= 0x80).count();
    sample.len() >= 4 && wide * 2 > sample.len() && !sample.contains(&'\n')
}

/// GML: `graph [` as the first or second key, as networkx, igraph, yEd and Cytoscape write it.
fn is_gml(lower: &str) -> bool {
    let tokens: Vec<&str> = lower.split_whitespace().take(40).collect();
    tokens.windows(2).any(|w| w[0] == "graph" && w[1].starts_with('['))
        || tokens.iter().any(|t| t.starts_with("graph["))
}

/// Whether a JSON tree is another tool's map (a Kumu project or blueprint, a PRSM
/// map), for the import preview rather than the map-file reader.
pub fn is_other_tools_json(root: &serde_json::Value) -> bool {
    super::kumu::is_kumu(root) || super::prsm::is_prsm(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_from_bytes() {
        let cases: &[(&str, &[u8], Foreign)] = &[
            ("a.json", b"  {\"format\": \"simpul-map\"}", Foreign::Json),
            ("a.xml", b"<?xml version=\"1.0\"?>\n<!-- yEd --><graphml xmlns=\"x\">", Foreign::GraphMl),
            ("a.gexf", b"\xEF\xBB\xBF<gexf version=\"1.3\">", Foreign::Gexf),
            ("a.xml", b"<?xml version=\"1.0\"?><!DOCTYPE x><y:things>", Foreign::OtherXml("things".into())),
            ("a.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\">", Foreign::Picture("SVG")),
            ("a.gml", b"Creator \"igraph\"\ngraph\n[\n  directed 0\n", Foreign::Gml),
            ("a.dot", b"// made by hand\nstrict digraph G {\n a -> b\n}", Foreign::Dot),
            ("a.net", b"% Pajek\n*Vertices 3\n1 \"a\"\n", Foreign::Pajek),
            ("a.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", Foreign::OldExcel),
            ("a.pdf", b"%PDF-1.7\n", Foreign::Pdf),
            ("a.png", b"\x89PNG\r\n\x1a\n", Foreign::Picture("PNG")),
            ("a.CSV", b"Label,Type\nA,NGO\n", Foreign::Csv),
            ("a.txt", b"Label\nA\n", Foreign::Csv),
            ("notes", b"just some words", Foreign::Unknown),
            ("a.xlsx", b"PK\x03\x04rest", Foreign::Zip),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(&Foreign::of(name, bytes), expected, "{name}");
        }
    }

    #[test]
    fn every_refusal_names_its_format_in_both_languages() {
        for format in [Foreign::Gml, Foreign::Dot, Foreign::Pajek, Foreign::OldExcel, Foreign::Pdf] {
            let (en, id) = (format.refusal(Lang::En), format.refusal(Lang::Id));
            assert_ne!(en, id);
            let name = match format {
                Foreign::Gml => "GML",
                Foreign::Dot => "DOT",
                Foreign::Pajek => "Pajek",
                Foreign::OldExcel => ".xls",
                _ => "PDF",
            };
            assert!(en.contains(name) && id.contains(name), "{en} / {id}");
        }
    }
}
