//! The network view as a standalone SVG document: the same picture as the canvas,
//! for export and print. Every name is escaped, so markup in a name stays text.

use super::look::{self, Shape, HUB_RADIUS};
use super::Emphasis;
use crate::format::{decimal as f, escape_xml as escape};
use crate::i18n::Lang;
use crate::layout::MapLayout;
use crate::model::{Map, PosInWorld};
use std::fmt::Write;

/// Renders every stakeholder, hub and link at its layout position, framed to fit;
/// with `legend`, the legend in that language to the right of the picture.
pub fn render(map: &Map, layout: &MapLayout, emphasis: &Emphasis, legend: Option<Lang>) -> String {
    const MARGIN: f64 = 40.0;
    let stakeholder = |i: usize| layout.pos_in_world(i);
    let hub = |h: usize| layout.hub_in_world(h);
    let bounds = super::picture_bounds(map, layout);
    let (mut w, mut h) =
        (bounds.max.x - bounds.min.x + 2.0 * MARGIN, bounds.max.y - bounds.min.y + 2.0 * MARGIN);
    if let Some(lang) = legend {
        w += super::legend::BLOCK_W + MARGIN / 2.0;
        h = h.max(super::legend::block_height(map, lang) + MARGIN);
    }
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="{}" height="{}" font-family="system-ui, sans-serif"><title>{}</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs><rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
        f(bounds.min.x - MARGIN),
        f(bounds.min.y - MARGIN),
        f(w),
        f(h),
        f(w),
        f(h),
        escape(&map.title),
        f(bounds.min.x - MARGIN),
        f(bounds.min.y - MARGIN),
        f(w),
        f(h),
    );
    let dim = |lit: bool| if lit { "" } else { r#" opacity="0.2""# };

    // Memberships: thin grey spokes from each stakeholder to its sector hubs.
    for &(i, h) in layout.memberships() {
        if let (Some(a), Some(b)) = (stakeholder(i), hub(h)) {
            let lit = emphasis.stakeholder_lit(i) && emphasis.sector_lit(h);
            let _ = write!(
                out,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#c9d0da" stroke-width="1"{}/>"##,
                f(a.x),
                f(a.y),
                f(b.x),
                f(b.y),
                dim(lit)
            );
        }
    }
    for (link, ends) in map.links.iter().zip(layout.link_ends()) {
        let Some((i, j)) = *ends else { continue };
        let (Some(a), Some(b)) = (stakeholder(i), stakeholder(j)) else { continue };
        let (dash, colour) = look::link_look(link.kind);
        // End the line at the target's edge so the arrowhead shows.
        let end = shorten(a, b, look::radius(map.stakeholders[j].power) + 2.0);
        let dasharray = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{}""#, dash.iter().map(|d| f(*d)).collect::<Vec<_>>().join(" "))
        };
        let marker = if link.directed { r#" marker-end="url(#arrow)""# } else { "" };
        let lit = emphasis.stakeholder_lit(i) && emphasis.stakeholder_lit(j);
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{}"{dasharray}{marker}{}><title>{}</title></line>"#,
            f(a.x),
            f(a.y),
            f(end.x),
            f(end.y),
            f(look::link_width(link.strength)),
            dim(lit),
            escape(link.kind.code()),
        );
    }
    for (h, sector) in map.sectors.iter().enumerate() {
        let Some(p) = hub(h) else { continue };
        let colour = sector.color.as_ref().map_or("#4a5360", |c| c.as_str());
        let _ = write!(
            out,
            r##"<g{}><circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="{colour}" stroke-width="3"/><text x="{}" y="{}" font-size="13" font-weight="700" text-anchor="middle" fill="#1b1f24">{}</text></g>"##,
            dim(emphasis.sector_lit(h)),
            f(p.x),
            f(p.y),
            f(HUB_RADIUS),
            f(p.x),
            f(p.y - HUB_RADIUS - 5.0),
            escape(&sector.name),
        );
    }
    for (i, s) in map.stakeholders.iter().enumerate() {
        let Some(p) = stakeholder(i) else { continue };
        let (shape, colour) = look::kind_look(s.kind);
        let r = look::radius(s.power);
        let _ = write!(out, "<g{}>", dim(emphasis.stakeholder_lit(i)));
        match shape {
            Shape::Circle => {
                let _ = write!(out, r##"<circle cx="{}" cy="{}" r="{}""##, f(p.x), f(p.y), f(r));
            }
            _ => {
                let corners: Vec<String> = look::unit_outline(shape)
                    .iter()
                    .map(|(x, y)| format!("{},{}", f(p.x + x * r), f(p.y + y * r)))
                    .collect();
                let _ = write!(out, r#"<polygon points="{}""#, corners.join(" "));
            }
        }
        let _ = write!(
            out,
            r##" fill="{colour}" stroke="#1b1f24" stroke-width="1.5"/><text x="{}" y="{}" font-size="12" text-anchor="middle" fill="#1b1f24">{}</text>"##,
            f(p.x),
            f(p.y + r + 14.0),
            escape(&s.name),
        );
        let mark = look::stance_mark(s.stance);
        if !mark.is_empty() {
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" font-size="13" font-weight="700" fill="#1b1f24">{mark}</text>"##,
                f(p.x + r * 0.8),
                f(p.y - r * 0.8)
            );
        }
        out.push_str("</g>");
    }
    if let Some(lang) = legend {
        out.push_str(&super::legend::svg_block(
            map,
            lang,
            bounds.max.x + MARGIN,
            bounds.min.y - MARGIN / 2.0,
        ));
    }
    out.push_str("</svg>");
    out
}

/// The point `by` units before `to` on the way from `from`.
fn shorten(from: PosInWorld, to: PosInWorld, by: f64) -> PosInWorld {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length <= by * 2.0 {
        return to;
    }
    PosInWorld { x: to.x - dx / length * by, y: to.y - dy / length * by }
}
