//! The join link as a QR code, drawn as SVG, to scan from the back of a room.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of `link`'s QR code (medium error correction: a projector's glare and
/// a phone held far away both cost modules), or `None` if it is too long for one.
pub fn svg_of(link: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .min_dimensions(256, 256)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_join_link_fits_a_code() {
        let link = format!(
            "http://192.168.100.200:8080/?relay=ws%3A%2F%2F192.168.100.200%3A1234#room={}",
            "a".repeat(32)
        );
        let svg = super::svg_of(&link).unwrap_or_default();
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
