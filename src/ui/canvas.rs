//! Paints the network view on a 2D canvas, in world coordinates under the
//! viewport's transform. Strokes and fills are batched by look (one path per link
//! kind and strength, one per stakeholder kind), so a 5,000-stakeholder map costs
//! a few hundred canvas calls plus one shape per visible stakeholder.

use crate::drawing::look::{self, Shape, HUB_RADIUS};
use crate::drawing::{Emphasis, Viewport};
use crate::layout::MapLayout;
use crate::model::{LinkKind, Map, PosInWorld, StakeholderKind};
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d as Context;

const INK: &str = "#1b1f24";
const ACCENT: &str = "#1d4e89";
const DIMMED: f64 = 0.18;
/// Names are drawn only when they would be legible and not a wall of text.
const MIN_LABEL_SCALE: f64 = 0.55;
const MAX_LABELS: usize = 600;
/// Below this zoom a dash would be under a few pixels long, too short to read and
/// costly to rasterise, so links are drawn solid (their colour still tells them apart).
const MIN_DASH_SCALE: f64 = 0.35;

/// Which part of the map a painting covers. While a stakeholder is dragged on a
/// resting layout, everything else is painted once ([`Layer::Without`]) and each
/// frame copies that and paints only the dragged one with its lines ([`Layer::Only`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layer {
    All,
    Without(usize),
    Only(usize),
}

impl Layer {
    fn has_stakeholder(self, i: usize) -> bool {
        match self {
            Layer::All => true,
            Layer::Without(x) => i != x,
            Layer::Only(x) => i == x,
        }
    }

    /// A line between two stakeholders (or a stakeholder and a hub, `j == None`).
    fn has_line(self, i: usize, j: Option<usize>) -> bool {
        match self {
            Layer::All => true,
            Layer::Without(x) => i != x && j != Some(x),
            Layer::Only(x) => i == x || j == Some(x),
        }
    }
}

/// What is drawn over the map: the selection ring and a link being drawn.
pub struct Overlay {
    pub selected: Option<usize>,
    pub link_from: Option<usize>,
    pub link_to_in_world: Option<PosInWorld>,
}

/// Paints `layer` of the map. Every layer but [`Layer::Only`] clears the canvas first.
#[allow(clippy::too_many_arguments)]
pub fn paint(ctx: &Context, dpr: f64, map: &Map, layout: &MapLayout, viewport: &Viewport, emphasis: &Emphasis, overlay: &Overlay, layer: Layer) {
    if !matches!(layer, Layer::Only(_)) {
        let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, viewport.width_on_screen, viewport.height_on_screen);
    }
    let s = viewport.scale * dpr;
    let origin = viewport.to_screen(PosInWorld { x: 0.0, y: 0.0 });
    let _ = ctx.set_transform(s, 0.0, 0.0, s, origin.x * dpr, origin.y * dpr);
    let visible = viewport.visible();
    let pos = |i: usize| layout.pos_in_world(i);
    let hub = |h: usize| layout.hub_in_world(h);
    let hairline = 1.0 / viewport.scale;

    // Memberships: grey spokes to the sector hubs, lit ones then dimmed ones.
    for lit in [true, false] {
        ctx.begin_path();
        for &(i, h) in layout.memberships() {
            if !layer.has_line(i, None) || (emphasis.stakeholder_lit(i) && emphasis.sector_lit(h)) != lit {
                continue;
            }
            if let (Some(a), Some(b)) = (pos(i), hub(h)) {
                if visible.contains(a, 200.0) || visible.contains(b, 200.0) {
                    ctx.move_to(a.x, a.y);
                    ctx.line_to(b.x, b.y);
                }
            }
        }
        ctx.set_global_alpha(if lit { 1.0 } else { DIMMED });
        ctx.set_line_width(hairline.max(0.8));
        ctx.set_stroke_style_str("#c9d0da");
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        ctx.stroke();
    }

    // Links, one path per (kind, strength, lit); arrowheads filled in the same colour.
    let kinds = LinkKind::ALL.len();
    let mut buckets: Vec<Vec<(PosInWorld, PosInWorld, f64, bool)>> = vec![Vec::new(); kinds * 3 * 2];
    for (link, ends) in map.links.iter().zip(layout.link_ends()) {
        let Some((i, j)) = *ends else { continue };
        if !layer.has_line(i, Some(j)) {
            continue;
        }
        let (Some(a), Some(b)) = (pos(i), pos(j)) else { continue };
        if !visible.contains(a, 300.0) && !visible.contains(b, 300.0) {
            continue;
        }
        let lit = emphasis.stakeholder_lit(i) && emphasis.stakeholder_lit(j);
        let kind = LinkKind::ALL.iter().position(|k| *k == link.kind).unwrap_or(0);
        let strength = (link.strength.get() as usize).clamp(1, 3) - 1;
        let target_radius = look::radius(map.stakeholders[j].power);
        buckets[(kind * 3 + strength) * 2 + usize::from(!lit)].push((a, b, target_radius, link.directed));
    }
    for (b, lines) in buckets.iter().enumerate() {
        if lines.is_empty() {
            continue;
        }
        let (kind, strength, lit) = (LinkKind::ALL[b / 6], (b / 2) % 3 + 1, b % 2 == 0);
        let (dash, colour) = look::link_look(kind);
        let width = 1.5 * strength as f64;
        ctx.set_global_alpha(if lit { 1.0 } else { DIMMED });
        ctx.set_stroke_style_str(colour);
        ctx.set_fill_style_str(colour);
        ctx.set_line_width(width);
        let pattern = js_sys::Array::new();
        if viewport.scale >= MIN_DASH_SCALE {
            for d in dash {
                pattern.push(&JsValue::from_f64(*d));
            }
        }
        let _ = ctx.set_line_dash(&pattern);
        ctx.begin_path();
        for (a, b, _, _) in lines {
            ctx.move_to(a.x, a.y);
            ctx.line_to(b.x, b.y);
        }
        ctx.stroke();
        ctx.begin_path();
        for &(a, b, r, directed) in lines {
            if directed {
                arrowhead(ctx, a, b, r + 2.0, 6.0 + 2.0 * width);
            }
        }
        ctx.fill();
    }
    let _ = ctx.set_line_dash(&js_sys::Array::new());

    // Sector hubs; a lifted stakeholder's hubs again, over its spokes.
    let hub_in_layer = |h: usize| match layer {
        Layer::Only(x) => layout.memberships().iter().any(|&(i, g)| i == x && g == h),
        _ => true,
    };
    for (h, sector) in map.sectors.iter().enumerate() {
        let Some(p) = hub(h).filter(|_| hub_in_layer(h)) else { continue };
        ctx.set_global_alpha(if emphasis.sector_lit(h) { 1.0 } else { DIMMED });
        ctx.begin_path();
        let _ = ctx.arc(p.x, p.y, HUB_RADIUS, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str("#ffffff");
        ctx.fill();
        ctx.set_line_width(3.0);
        ctx.set_stroke_style_str(sector.color.as_ref().map_or("#4a5360", |c| c.as_str()));
        ctx.stroke();
    }

    // Stakeholders, one path per (kind, lit).
    let outlines: Vec<(Shape, &str, &[(f64, f64)])> = StakeholderKind::ALL
        .iter()
        .map(|k| {
            let (shape, colour) = look::kind_look(*k);
            (shape, colour, look::unit_outline(shape))
        })
        .collect();
    for (k, kind) in StakeholderKind::ALL.iter().enumerate() {
        let (shape, colour, outline) = &outlines[k];
        for lit in [true, false] {
            ctx.begin_path();
            let mut any = false;
            for (i, st) in map.stakeholders.iter().enumerate() {
                if st.kind != *kind || !layer.has_stakeholder(i) || emphasis.stakeholder_lit(i) != lit {
                    continue;
                }
                let Some(p) = pos(i) else { continue };
                let r = look::radius(st.power);
                if !visible.contains(p, r) {
                    continue;
                }
                any = true;
                if *shape == Shape::Circle {
                    ctx.move_to(p.x + r, p.y);
                    let _ = ctx.arc(p.x, p.y, r, 0.0, std::f64::consts::TAU);
                } else {
                    for (c, (x, y)) in outline.iter().enumerate() {
                        if c == 0 {
                            ctx.move_to(p.x + x * r, p.y + y * r);
                        } else {
                            ctx.line_to(p.x + x * r, p.y + y * r);
                        }
                    }
                    ctx.close_path();
                }
            }
            if any {
                ctx.set_global_alpha(if lit { 1.0 } else { DIMMED });
                ctx.set_fill_style_str(colour);
                ctx.fill();
                ctx.set_line_width(1.5);
                ctx.set_stroke_style_str(INK);
                ctx.stroke();
            }
        }
    }
    ctx.set_global_alpha(1.0);

    // The selection ring, and a link being drawn.
    let ring = overlay.selected.filter(|i| layer.has_stakeholder(*i));
    if let Some(p) = ring.and_then(|i| Some((pos(i)?, look::radius(map.stakeholders[i].power)))) {
        ctx.begin_path();
        let _ = ctx.arc(p.0.x, p.0.y, p.1 + 6.0, 0.0, std::f64::consts::TAU);
        ctx.set_line_width(4.0 * hairline.max(0.75));
        ctx.set_stroke_style_str(ACCENT);
        ctx.stroke();
    }
    if let (Some(a), Some(b), false) = (overlay.link_from.and_then(pos), overlay.link_to_in_world, matches!(layer, Layer::Only(_))) {
        ctx.begin_path();
        ctx.move_to(a.x, a.y);
        ctx.line_to(b.x, b.y);
        ctx.set_line_width(3.0 * hairline.max(0.75));
        let pattern = js_sys::Array::of2(&JsValue::from_f64(8.0), &JsValue::from_f64(6.0));
        let _ = ctx.set_line_dash(&pattern);
        ctx.set_stroke_style_str(ACCENT);
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }

    // Names, stance marks and sector labels, when legible.
    if viewport.scale >= MIN_LABEL_SCALE * 0.5 {
        ctx.set_text_align("center");
        ctx.set_line_join("round");
        ctx.set_font("700 14px system-ui, sans-serif");
        for (h, sector) in map.sectors.iter().enumerate() {
            if let Some(p) = hub(h).filter(|p| hub_in_layer(h) && visible.contains(*p, 100.0)) {
                ctx.set_global_alpha(if emphasis.sector_lit(h) { 1.0 } else { DIMMED });
                halo_text(ctx, &sector.name, p.x, p.y - HUB_RADIUS - 6.0);
            }
        }
    }
    // Counted over the whole map, so that every layer agrees on showing names.
    let shown = map
        .stakeholders
        .iter()
        .enumerate()
        .filter(|(i, st)| pos(*i).is_some_and(|p| visible.contains(p, look::radius(st.power))))
        .count();
    if viewport.scale >= MIN_LABEL_SCALE && shown <= MAX_LABELS {
        ctx.set_font("12px system-ui, sans-serif");
        for (i, st) in map.stakeholders.iter().enumerate() {
            let Some(p) = pos(i).filter(|_| layer.has_stakeholder(i)) else { continue };
            let r = look::radius(st.power);
            if !visible.contains(p, r + 40.0) {
                continue;
            }
            ctx.set_global_alpha(if emphasis.stakeholder_lit(i) { 1.0 } else { DIMMED });
            ctx.set_text_align("center");
            halo_text(ctx, &short(&st.name), p.x, p.y + r + 14.0);
            let mark = look::stance_mark(st.stance);
            if !mark.is_empty() {
                ctx.set_text_align("left");
                halo_text(ctx, mark, p.x + r * 0.8, p.y - r * 0.8);
            }
        }
    }
    ctx.set_global_alpha(1.0);
}

/// How a painting made for viewport `painted_for` must be moved, in CSS pixels,
/// to show viewport `now`: `(dx, dy, k)` for a translation then a scale by `k`.
pub fn shift_between(painted_for: &Viewport, now: &Viewport) -> (f64, f64, f64) {
    let k = now.scale / painted_for.scale;
    let dx = now.width_on_screen / 2.0 * (1.0 - k) + (painted_for.center_in_world.x - now.center_in_world.x) * now.scale;
    let dy = now.height_on_screen / 2.0 * (1.0 - k) + (painted_for.center_in_world.y - now.center_in_world.y) * now.scale;
    (dx, dy, k)
}

/// Copies `image`, painted for viewport `painted_for`, onto `ctx` as viewport `now`
/// shows it: shifted by the pan, scaled by the zoom. What the image did not cover
/// stays blank until the next full painting.
pub fn shift(ctx: &Context, dpr: f64, image: &web_sys::HtmlCanvasElement, painted_for: &Viewport, now: &Viewport) {
    let (dx, dy, k) = shift_between(painted_for, now);
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, now.width_on_screen * dpr, now.height_on_screen * dpr);
    let (w, h) = (f64::from(image.width()), f64::from(image.height()));
    let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(image, dx * dpr, dy * dpr, w * k, h * k);
}

/// Text with a white outline, legible over lines.
fn halo_text(ctx: &Context, text: &str, x: f64, y: f64) {
    ctx.set_line_width(3.0);
    ctx.set_stroke_style_str("#ffffff");
    let _ = ctx.stroke_text(text, x, y);
    ctx.set_fill_style_str(INK);
    let _ = ctx.fill_text(text, x, y);
}

/// Long names are cut on the picture (the table and panel show them whole).
fn short(name: &str) -> String {
    const MAX: usize = 28;
    if name.chars().count() <= MAX {
        name.to_string()
    } else {
        let mut cut: String = name.chars().take(MAX - 1).collect();
        cut.push('…');
        cut
    }
}

/// A filled triangle whose tip touches the target's edge.
fn arrowhead(ctx: &Context, from: PosInWorld, to: PosInWorld, gap: f64, size: f64) {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length <= gap + size {
        return;
    }
    let (ux, uy) = (dx / length, dy / length);
    let tip = (to.x - ux * gap, to.y - uy * gap);
    let base = (tip.0 - ux * size, tip.1 - uy * size);
    let half = size * 0.5;
    ctx.move_to(tip.0, tip.1);
    ctx.line_to(base.0 - uy * half, base.1 + ux * half);
    ctx.line_to(base.0 + uy * half, base.1 - ux * half);
    ctx.close_path();
}
