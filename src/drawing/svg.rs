//! The network view as a standalone SVG document: the same picture as the canvas,
//! for export and print. Every name is escaped, so markup in a name stays text.

use super::labels::{self, Align, NameToPlace, PlacedName, Rect};
use super::look::{self, Shape, HUB_RADIUS};
use super::{CommunityFill, Emphasis, PosOnScreen};
use crate::format::{decimal as f, escape_xml as escape};
use crate::i18n::Lang;
use crate::layout::MapLayout;
use crate::model::{Map, PosInWorld};
use std::fmt::Write;

/// Renders every stakeholder, hub and link at its layout position, framed to fit;
/// with `legend`, the legend in that language to the right of the picture. With
/// `fill`, stakeholders are coloured by their community instead of their kind.
pub fn render(
    map: &Map,
    layout: &MapLayout,
    emphasis: &Emphasis,
    legend: Option<Lang>,
    fill: Option<&CommunityFill>,
) -> String {
    const MARGIN: f64 = 40.0;
    let stakeholder = |i: usize| layout.pos_in_world(i);
    let hub = |h: usize| layout.hub_in_world(h);
    let bounds = super::picture_bounds(map, layout);
    let (mut w, mut h) =
        (bounds.max.x - bounds.min.x + 2.0 * MARGIN, bounds.max.y - bounds.min.y + 2.0 * MARGIN);
    if let Some(lang) = legend {
        w += super::legend::BLOCK_W + MARGIN / 2.0;
        h = h.max(super::legend::block_height(map, lang, fill) + MARGIN);
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
    let frame = Rect {
        left: bounds.min.x - MARGIN,
        top: bounds.min.y - MARGIN,
        right: bounds.max.x + MARGIN,
        bottom: bounds.max.y + MARGIN,
    };
    let places = name_places(map, layout, frame);
    for (h, sector) in map.sectors.iter().enumerate() {
        let Some(p) = hub(h) else { continue };
        let colour = sector.color.as_ref().map_or("#4a5360", |c| c.as_str());
        let (x, y, anchor) = placed_or(places.sectors.get(h).copied().flatten(), p.x, p.y - HUB_RADIUS - 5.0);
        let _ = write!(
            out,
            r##"<g{}><circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="{colour}" stroke-width="3"/><text x="{}" y="{}" font-size="{SECTOR_SIZE}" font-weight="700" text-anchor="{anchor}" fill="#1b1f24">{}</text></g>"##,
            dim(emphasis.sector_lit(h)),
            f(p.x),
            f(p.y),
            f(HUB_RADIUS),
            f(x),
            f(y),
            escape(&sector.name),
        );
    }
    for (i, s) in map.stakeholders.iter().enumerate() {
        let Some(p) = stakeholder(i) else { continue };
        let (shape, colour) = look::kind_look(s.kind);
        let colour = fill.map_or(colour, |fill| fill.colour(i));
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
        let (x, y, anchor) = placed_or(places.stakeholders.get(i).copied().flatten(), p.x, p.y + r + 14.0);
        let _ = write!(
            out,
            r##" fill="{colour}" stroke="#1b1f24" stroke-width="1.5"/><text x="{}" y="{}" font-size="{STAKEHOLDER_SIZE}" text-anchor="{anchor}" fill="#1b1f24">{}</text>"##,
            f(x),
            f(y),
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
            fill,
            bounds.max.x + MARGIN,
            bounds.min.y - MARGIN / 2.0,
        ));
    }
    out.push_str("</svg>");
    out
}

/// The type of the names, in picture units.
const STAKEHOLDER_SIZE: f64 = 12.0;
const SECTOR_SIZE: f64 = 13.0;

/// Where each name goes in the SVG.
struct NamePlaces {
    sectors: Vec<Option<PlacedName>>,
    stakeholders: Vec<Option<PlacedName>>,
}

/// Every name placed as on screen ([`labels::place_among`]): beside its
/// stakeholder or hub where it covers no other name and no stakeholder; sector
/// names first, then the most powerful stakeholders. The picture is in world units
/// at scale 1, and no font is at hand to measure: a character is taken as 0.6 of
/// the type size, which system sans-serif faces rarely exceed. Names stay inside
/// the picture's `frame`. A name with no free place beside its stakeholder is
/// tried further out, up to five lines away; one with none at all keeps the default place (an export
/// shows every name).
fn name_places(map: &Map, layout: &MapLayout, frame: Rect) -> NamePlaces {
    let width = |text: &str, size: f64| text.chars().count() as f64 * size * 0.6;
    let mut to_place = Vec::new();
    let mut owners = Vec::new();
    for (h, sector) in map.sectors.iter().enumerate() {
        let Some(p) = layout.hub_in_world(h) else { continue };
        to_place.push(NameToPlace {
            center: PosOnScreen { x: p.x, y: p.y },
            radius: HUB_RADIUS,
            width: width(&sector.name, SECTOR_SIZE),
            height: SECTOR_SIZE * 1.2,
        });
        owners.push((true, h));
    }
    let mut people: Vec<usize> =
        (0..map.stakeholders.len()).filter(|&i| layout.pos_in_world(i).is_some()).collect();
    people.sort_by_key(|&i| std::cmp::Reverse(map.stakeholders[i].power));
    for i in people {
        let Some(p) = layout.pos_in_world(i) else { continue };
        let s = &map.stakeholders[i];
        to_place.push(NameToPlace {
            center: PosOnScreen { x: p.x, y: p.y },
            radius: look::radius(s.power),
            width: width(&s.name, STAKEHOLDER_SIZE),
            height: STAKEHOLDER_SIZE * 1.2,
        });
        owners.push((false, i));
    }
    let mut places = NamePlaces {
        sectors: vec![None; map.sectors.len()],
        stakeholders: vec![None; map.stakeholders.len()],
    };
    // No name may cover a stakeholder or hub, whichever pass places it, nor a
    // name placed by an earlier pass.
    let mut taken: Vec<Rect> = to_place.iter().map(NameToPlace::disc).collect();
    let mut waiting: Vec<usize> = (0..to_place.len()).collect();
    // A name with no room beside its stakeholder is tried a little further out,
    // up to five lines away, before it falls back to its default place.
    for ring in 0..6 {
        let names: Vec<NameToPlace> = waiting
            .iter()
            .map(|&k| NameToPlace {
                radius: to_place[k].radius + ring as f64 * to_place[k].height,
                ..to_place[k]
            })
            .collect();
        let placed_now = labels::place_among(&names, &taken, frame);
        let mut still = Vec::new();
        for (k, placed) in waiting.iter().copied().zip(placed_now) {
            let Some((rect, name)) = placed else {
                still.push(k);
                continue;
            };
            taken.push(rect);
            let (sector, index) = owners[k];
            let slot =
                if sector { places.sectors.get_mut(index) } else { places.stakeholders.get_mut(index) };
            if let Some(slot) = slot {
                *slot = Some(name);
            }
        }
        waiting = still;
        if waiting.is_empty() {
            break;
        }
    }
    places
}

/// The text's point and anchor: where it was placed, or else the default point.
fn placed_or(placed: Option<PlacedName>, x: f64, y: f64) -> (f64, f64, &'static str) {
    match placed {
        Some(PlacedName { at, align }) => {
            let anchor = match align {
                Align::Left => "start",
                Align::Center => "middle",
                Align::Right => "end",
            };
            (at.x, at.y, anchor)
        }
        None => (x, y, "middle"),
    }
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
