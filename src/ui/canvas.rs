//! Paints the network view on a 2D canvas, in world coordinates under the
//! viewport's transform. Strokes and fills are batched by look (one path per link
//! kind and strength, one per stakeholder kind), so a 5,000-stakeholder map costs
//! a few hundred canvas calls plus one shape per visible stakeholder.

use simpul::drawing::communities::PALETTE;
use simpul::drawing::labels::{self, Align, NameSizes, Named};
use simpul::drawing::look::{self, Shape, HUB_RADIUS};
use simpul::drawing::reveal::Shown;
use simpul::drawing::slices::Part;
use simpul::drawing::{CommunityFill, Emphasis, Viewport};
use simpul::layout::MapLayout;
use simpul::model::{LinkKind, Map, PosInWorld, Score, StakeholderKind};
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d as Context;

const DIMMED: f64 = 0.18;

/// The colours and type of a painting: the page's, or the projector's.
pub struct Theme {
    /// Outlines and text.
    ink: &'static str,
    /// Around text, so it reads over lines: the background's colour.
    halo: &'static str,
    halo_width: f64,
    spoke: &'static str,
    hub_fill: &'static str,
    hub_ring: &'static str,
    accent: &'static str,
    on_dark: bool,
    /// Fonts for names and sector names, drawn at a fixed size on the screen
    /// whatever the zoom, and their sizes in pixels.
    fonts: (&'static str, &'static str),
    sizes: NameSizes,
}

impl Theme {
    pub const PAGE: Theme = Theme {
        ink: "#1b1f24",
        halo: "#ffffff",
        halo_width: 3.0,
        spoke: "#c9d0da",
        hub_fill: "#ffffff",
        hub_ring: "#4a5360",
        accent: "#1d4e89",
        on_dark: false,
        fonts: ("600 13px system-ui, sans-serif", "700 14px system-ui, sans-serif"),
        sizes: NameSizes::PAGE,
    };
    /// White on black, names at 24 px and sector names at 28 px on the screen:
    /// legible from the back of a room on a 1080p projector.
    pub const PROJECTOR: Theme = Theme {
        ink: "#ffffff",
        halo: "#000000",
        halo_width: 5.0,
        spoke: "#8a94a3",
        hub_fill: "#000000",
        hub_ring: "#ffffff",
        accent: "#ffd400",
        on_dark: true,
        fonts: ("600 24px system-ui, sans-serif", "700 28px system-ui, sans-serif"),
        sizes: NameSizes::PROJECTOR,
    };
}
/// Names are drawn only when so few stakeholders are in view that placing them is cheap.
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

    /// A sector hub: in a layer of one stakeholder, only that stakeholder's hubs.
    fn has_hub(self, h: usize, layout: &MapLayout) -> bool {
        match self {
            Layer::Only(x) => layout.memberships().iter().any(|&(i, g)| i == x && g == h),
            _ => true,
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

/// What is drawn over the map (the selection ring and a link being drawn), which
/// layers of it the workshop's reveal shows, in which theme and with which fills.
#[derive(Clone)]
pub struct Overlay {
    pub selected: Option<usize>,
    pub link_from: Option<usize>,
    pub link_to_in_world: Option<PosInWorld>,
    pub shown: Shown,
    pub theme: &'static Theme,
    /// A sketch while the layout of a big map moves: links as plain hairlines with
    /// no dashes or arrowheads, and no names. Wide and dashed lines and outlined
    /// text are what the browser rasterises slowest (3,000 lines: 15 ms as
    /// hairlines, 130 ms at 2.5 px); the whole picture is painted once it rests.
    pub sketch: bool,
    /// Stakeholders filled by community instead of by kind (their shape stays
    /// the kind's).
    pub communities: Option<std::rc::Rc<CommunityFill>>,
}

/// A kind of stakeholder's shape, colour and outline of unit size.
type KindOutline = (Shape, &'static str, &'static [(f64, f64)]);

/// Paints `layer` of the map. Every layer but [`Layer::Only`] clears the canvas first.
#[allow(clippy::too_many_arguments)]
pub fn paint(
    ctx: &Context,
    dpr: f64,
    map: &Map,
    layout: &MapLayout,
    viewport: &Viewport,
    emphasis: &Emphasis,
    overlay: &Overlay,
    layer: Layer,
    part: &Part,
) {
    if part.clear && !matches!(layer, Layer::Only(_)) {
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
    let (theme, shown) = (overlay.theme, overlay.shown);
    let radius = |power: Score| look::radius(shown.drawn_power(power));

    // Memberships: grey spokes to the sector hubs, lit ones then dimmed ones.
    let spokes = layout
        .memberships()
        .get(part.spokes.start..part.spokes.end.min(layout.memberships().len()))
        .unwrap_or_default();
    for lit in [true, false].into_iter().filter(|_| shown.sectors && !spokes.is_empty()) {
        ctx.begin_path();
        for &(i, h) in spokes {
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
        ctx.set_stroke_style_str(theme.spoke);
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        ctx.stroke();
    }

    // Links, one path per (kind, strength, lit); arrowheads filled in the same colour.
    let kinds = LinkKind::ALL.len();
    let mut buckets: Vec<Vec<(PosInWorld, PosInWorld, f64, bool)>> = vec![Vec::new(); kinds * 3 * 2];
    let links = map.links.iter().zip(layout.link_ends()).skip(part.links.start).take(part.links.len());
    for (link, ends) in links.filter(|_| shown.links) {
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
        let target_radius = map.stakeholders.get(j).map_or(0.0, |st| radius(st.power));
        buckets[(kind * 3 + strength) * 2 + usize::from(!lit)].push((a, b, target_radius, link.directed));
    }
    for (b, lines) in buckets.iter().enumerate() {
        if lines.is_empty() {
            continue;
        }
        let (kind, strength, lit) = (LinkKind::ALL[b / 6], (b / 2) % 3 + 1, b % 2 == 0);
        let (dash, colour) = look::link_look(kind);
        let colour = if theme.on_dark { look::link_colour_on_dark(kind) } else { colour };
        let width = if overlay.sketch { hairline } else { 1.5 * strength as f64 };
        ctx.set_global_alpha(if lit { 1.0 } else { DIMMED });
        ctx.set_stroke_style_str(colour);
        ctx.set_fill_style_str(colour);
        ctx.set_line_width(width);
        let pattern = js_sys::Array::new();
        if viewport.scale >= MIN_DASH_SCALE && !overlay.sketch {
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
            if directed && !overlay.sketch {
                arrowhead(ctx, a, b, r + 2.0, 6.0 + 2.0 * width);
            }
        }
        ctx.fill();
    }
    let _ = ctx.set_line_dash(&js_sys::Array::new());

    // Sector hubs; a lifted stakeholder's hubs again, over its spokes.
    let hub_in_layer = |h: usize| shown.sectors && layer.has_hub(h, layout);
    for (h, sector) in map.sectors.iter().enumerate().filter(|_| part.hubs) {
        let Some(p) = hub(h).filter(|_| hub_in_layer(h)) else {
            continue;
        };
        ctx.set_global_alpha(if emphasis.sector_lit(h) { 1.0 } else { DIMMED });
        ctx.begin_path();
        let _ = ctx.arc(p.x, p.y, HUB_RADIUS, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str(theme.hub_fill);
        ctx.fill();
        ctx.set_line_width(3.0);
        ctx.set_stroke_style_str(sector.color.as_ref().map_or(theme.hub_ring, |c| c.as_str()));
        ctx.stroke();
    }

    // Stakeholders, one path per (kind, fill, lit): a fill per kind, or each
    // community's. Sorted into their paths in one pass, as the links are.
    let outlines: Vec<KindOutline> = StakeholderKind::ALL
        .iter()
        .map(|k| {
            let (shape, colour) = look::kind_look(*k);
            (shape, colour, look::unit_outline(shape))
        })
        .collect();
    let fills = overlay.communities.as_deref();
    let classes = fills.map_or(1, |_| PALETTE.len() + 1);
    let mut paths: Vec<Vec<(PosInWorld, f64)>> = vec![Vec::new(); StakeholderKind::ALL.len() * classes * 2];
    let stakeholders =
        map.stakeholders.iter().enumerate().skip(part.stakeholders.start).take(part.stakeholders.len());
    for (i, st) in stakeholders {
        if !layer.has_stakeholder(i) {
            continue;
        }
        let Some(p) = pos(i) else { continue };
        let r = radius(st.power);
        if !visible.contains(p, r) {
            continue;
        }
        let kind = StakeholderKind::ALL.iter().position(|k| *k == st.kind).unwrap_or(0);
        let class = fills.map_or(0, |f| f.class(i));
        paths[(kind * classes + class) * 2 + usize::from(!emphasis.stakeholder_lit(i))].push((p, r));
    }
    for (b, shapes) in paths.iter().enumerate().filter(|(_, shapes)| !shapes.is_empty()) {
        let (kind, class, lit) = (b / (2 * classes), (b / 2) % classes, b % 2 == 0);
        let (shape, kind_colour, outline) = &outlines[kind];
        let colour = fills.map_or(*kind_colour, |_| CommunityFill::colour_of_class(class));
        ctx.begin_path();
        for &(p, r) in shapes {
            if *shape == Shape::Circle {
                ctx.move_to(p.x + r, p.y);
                let _ = ctx.arc(p.x, p.y, r, 0.0, std::f64::consts::TAU);
            } else {
                // Closed by going round to the second corner again, not by
                // `closePath`: Chromium's closePath costs time in the length of
                // the whole path, 100 ms for 5,000 shapes against 1 ms this way,
                // and the corner where the outline starts still gets its join.
                for (c, (x, y)) in outline.iter().chain(outline.iter().take(2)).enumerate() {
                    if c == 0 {
                        ctx.move_to(p.x + x * r, p.y + y * r);
                    } else {
                        ctx.line_to(p.x + x * r, p.y + y * r);
                    }
                }
            }
        }
        ctx.set_global_alpha(if lit { 1.0 } else { DIMMED });
        ctx.set_fill_style_str(colour);
        ctx.fill();
        ctx.set_line_width(1.5);
        ctx.set_stroke_style_str(theme.ink);
        ctx.stroke();
    }
    ctx.set_global_alpha(1.0);
    if !part.names {
        return;
    }

    // The selection ring, and a link being drawn.
    let ring = overlay.selected.filter(|i| layer.has_stakeholder(*i));
    if let Some(p) = ring.and_then(|i| Some((pos(i)?, radius(map.stakeholders.get(i)?.power)))) {
        ctx.begin_path();
        let _ = ctx.arc(p.0.x, p.0.y, p.1 + 6.0, 0.0, std::f64::consts::TAU);
        ctx.set_line_width(4.0 * hairline.max(0.75));
        ctx.set_stroke_style_str(theme.accent);
        ctx.stroke();
    }
    if let (Some(a), Some(b), false) =
        (overlay.link_from.and_then(pos), overlay.link_to_in_world, matches!(layer, Layer::Only(_)))
    {
        ctx.begin_path();
        ctx.move_to(a.x, a.y);
        ctx.line_to(b.x, b.y);
        ctx.set_line_width(3.0 * hairline.max(0.75));
        let pattern = js_sys::Array::of2(&JsValue::from_f64(8.0), &JsValue::from_f64(6.0));
        let _ = ctx.set_line_dash(&pattern);
        ctx.set_stroke_style_str(theme.accent);
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }

    // Counted over the whole map, so that every layer agrees on showing names.
    let shown_names = map
        .stakeholders
        .iter()
        .enumerate()
        .filter(|(i, st)| pos(*i).is_some_and(|p| visible.contains(p, radius(st.power))))
        .count();
    ctx.set_line_join("round");
    if overlay.sketch {
        ctx.set_global_alpha(1.0);
        return;
    }
    if shown_names <= MAX_LABELS {
        let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        paint_names_on_screen(ctx, theme, map, layout, viewport, emphasis, overlay, layer);
    }
    ctx.set_global_alpha(1.0);
}

/// Names at a fixed size on the screen, each placed around its stakeholder or
/// sector where it covers no other name and no stakeholder
/// ([`labels::names_on_screen`]). A name with no room is left out until a zoom
/// makes some. Expects the canvas transform to be the screen's.
#[allow(clippy::too_many_arguments)]
fn paint_names_on_screen(
    ctx: &Context,
    theme: &Theme,
    map: &Map,
    layout: &MapLayout,
    viewport: &Viewport,
    emphasis: &Emphasis,
    overlay: &Overlay,
    layer: Layer,
) {
    let (name_font, sector_font) = theme.fonts;
    let font = |size: f64| if size == theme.sizes.sector { sector_font } else { name_font };
    let width = |text: &str, size: f64| {
        ctx.set_font(font(size));
        ctx.measure_text(text).map_or(0.0, |m| m.width())
    };
    let names = labels::names_on_screen(
        map,
        layout,
        viewport,
        emphasis,
        overlay.shown,
        overlay.selected,
        theme.sizes,
        width,
    );
    for name in names {
        let in_layer = match name.of {
            Named::Stakeholder(i) => layer.has_stakeholder(i),
            Named::Sector(h) => layer.has_hub(h, layout),
        };
        let Some((_, place)) = name.placed.filter(|_| in_layer) else { continue };
        ctx.set_font(font(name.size));
        ctx.set_global_alpha(if name.lit { 1.0 } else { DIMMED });
        ctx.set_text_align(match place.align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        });
        halo_text(ctx, theme, &name.text, place.at.x, place.at.y);
    }
}

/// How a painting made for viewport `painted_for` must be moved, in CSS pixels,
/// to show viewport `now`: `(dx, dy, k)` for a translation then a scale by `k`.
pub fn shift_between(painted_for: &Viewport, now: &Viewport) -> (f64, f64, f64) {
    let k = now.scale / painted_for.scale;
    let dx = now.width_on_screen / 2.0 * (1.0 - k)
        + (painted_for.center_in_world.x - now.center_in_world.x) * now.scale;
    let dy = now.height_on_screen / 2.0 * (1.0 - k)
        + (painted_for.center_in_world.y - now.center_in_world.y) * now.scale;
    (dx, dy, k)
}

/// Copies `image`, painted for viewport `painted_for`, onto `ctx` as viewport `now`
/// shows it: shifted by the pan, scaled by the zoom. What the image did not cover
/// stays blank until the next full painting.
pub fn shift(
    ctx: &Context,
    dpr: f64,
    image: &web_sys::HtmlCanvasElement,
    painted_for: &Viewport,
    now: &Viewport,
) {
    let (dx, dy, k) = shift_between(painted_for, now);
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, now.width_on_screen * dpr, now.height_on_screen * dpr);
    let (w, h) = (f64::from(image.width()), f64::from(image.height()));
    let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(image, dx * dpr, dy * dpr, w * k, h * k);
}

/// A thin bar along the top of an empty canvas, `progress` (0 to 1) of its width:
/// the first painting of a big map is under way.
pub fn progress_bar(ctx: &Context, dpr: f64, viewport: &Viewport, progress: f64) {
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, viewport.width_on_screen, viewport.height_on_screen);
    ctx.set_global_alpha(1.0);
    ctx.set_fill_style_str(Theme::PAGE.accent);
    ctx.fill_rect(0.0, 0.0, viewport.width_on_screen * progress.clamp(0.0, 1.0), 4.0);
}

/// Text with an outline in the background's colour, legible over lines.
fn halo_text(ctx: &Context, theme: &Theme, text: &str, x: f64, y: f64) {
    ctx.set_line_width(theme.halo_width);
    ctx.set_stroke_style_str(theme.halo);
    let _ = ctx.stroke_text(text, x, y);
    ctx.set_fill_style_str(theme.ink);
    let _ = ctx.fill_text(text, x, y);
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
    // Filled only, so left open: `fill` closes it, and Chromium's `closePath` is slow
    // on long paths (see the stakeholder shapes).
    ctx.line_to(base.0 + uy * half, base.1 - ux * half);
}

/// The legend block (see [`legend`](simpul::drawing::legend)) with its top left at
/// (x, y) in the context's units, on white: the PNG export's legend.
pub fn paint_legend(
    ctx: &Context,
    map: &Map,
    lang: simpul::i18n::Lang,
    fill: Option<&CommunityFill>,
    x: f64,
    y: f64,
) {
    use simpul::drawing::legend::{self, Mark, MARK_H, MARK_W};
    ctx.set_global_alpha(1.0);
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(x, y, legend::BLOCK_W, legend::block_height(map, lang, fill));
    ctx.set_line_width(1.0);
    ctx.set_stroke_style_str("#c9d0da");
    ctx.stroke_rect(x, y, legend::BLOCK_W, legend::block_height(map, lang, fill));
    ctx.set_text_align("left");
    for (top, line) in legend::block_lines(map, lang, fill) {
        let (mx, cy) = (x + 8.0, y + top + 2.0 + MARK_H / 2.0);
        let entry = match line {
            Ok(heading) => {
                ctx.set_font("700 12px system-ui, sans-serif");
                ctx.set_fill_style_str("#4a5360");
                let _ = ctx.fill_text(heading, x + 10.0, y + top + 14.0);
                continue;
            }
            Err(entry) => entry,
        };
        ctx.begin_path();
        match entry.mark {
            Mark::Kind(_) | Mark::Shape(_) | Mark::Community(_) => {
                let Some((shape, colour)) = legend::stakeholder_mark(entry.mark) else { continue };
                let (cx, r) = (mx + MARK_W / 2.0, 6.0);
                if shape == Shape::Circle {
                    let _ = ctx.arc(cx, cy, r, 0.0, std::f64::consts::TAU);
                } else {
                    for (c, (px, py)) in look::unit_outline(shape).iter().enumerate() {
                        if c == 0 {
                            ctx.move_to(cx + px * r, cy + py * r)
                        } else {
                            ctx.line_to(cx + px * r, cy + py * r)
                        }
                    }
                    ctx.close_path();
                }
                ctx.set_fill_style_str(colour);
                ctx.fill();
                ctx.set_stroke_style_str("#1b1f24");
                ctx.stroke();
            }
            Mark::Link(kind) => {
                let (dash, colour) = look::link_look(kind);
                let pattern = js_sys::Array::new();
                for d in dash {
                    pattern.push(&JsValue::from_f64(d * 0.6));
                }
                let _ = ctx.set_line_dash(&pattern);
                ctx.move_to(mx + 2.0, cy);
                ctx.line_to(mx + MARK_W - 2.0, cy);
                ctx.set_line_width(2.5);
                ctx.set_stroke_style_str(colour);
                ctx.stroke();
                let _ = ctx.set_line_dash(&js_sys::Array::new());
                ctx.set_line_width(1.0);
            }
            Mark::OneWay => {
                ctx.move_to(mx + 2.0, cy);
                ctx.line_to(mx + MARK_W - 8.0, cy);
                ctx.set_line_width(2.0);
                ctx.set_stroke_style_str("#4a5360");
                ctx.stroke();
                ctx.begin_path();
                arrowhead(
                    ctx,
                    PosInWorld { x: mx, y: cy },
                    PosInWorld { x: mx + MARK_W - 2.0, y: cy },
                    0.0,
                    9.0,
                );
                ctx.set_fill_style_str("#4a5360");
                ctx.fill();
                ctx.set_line_width(1.0);
            }
            Mark::Sector => {
                let _ = ctx.arc(mx + MARK_W / 2.0, cy, 5.0, 0.0, std::f64::consts::TAU);
                ctx.set_fill_style_str("#ffffff");
                ctx.fill();
                ctx.set_line_width(3.0);
                ctx.set_stroke_style_str("#4a5360");
                ctx.stroke();
                ctx.set_line_width(1.0);
            }
            Mark::Size => {
                let _ = ctx.arc(mx + 6.0, cy, 3.0, 0.0, std::f64::consts::TAU);
                ctx.move_to(mx + MARK_W - 2.0, cy);
                let _ = ctx.arc(mx + MARK_W - 9.0, cy, 7.0, 0.0, std::f64::consts::TAU);
                ctx.set_fill_style_str("#8c8c8c");
                ctx.fill();
            }
            Mark::Stance(text) => {
                ctx.set_font("700 12px system-ui, sans-serif");
                ctx.set_text_align("center");
                ctx.set_fill_style_str("#1b1f24");
                let _ = ctx.fill_text(text, mx + MARK_W / 2.0, cy + 4.0);
                ctx.set_text_align("left");
            }
        }
        ctx.set_font("12px system-ui, sans-serif");
        ctx.set_fill_style_str("#1b1f24");
        let _ = ctx.fill_text(&entry.label, mx + 4.0 + MARK_W, y + top + 14.0);
    }
}

/// Where a ring over the picture goes: around a stakeholder, or around where one
/// was (a ghost, in the map compared with).
#[derive(Clone, Debug, PartialEq)]
pub enum RingAt {
    Stakeholder(usize),
    Ghost { pos_in_world: PosInWorld, radius_in_world: f64 },
}

/// A ring over the picture with its words above it: what another in a room has
/// selected (their colour and name), or what changed since a map compared with.
#[derive(Clone, Debug, PartialEq)]
pub struct Ring {
    pub at: RingAt,
    pub colour: String,
    pub label: String,
    /// Dashed, for what is not there any more.
    pub dashed: bool,
}

/// `rings` over the picture, each with its words above (a participant's own
/// selection is the accent ring, painted with the map). Drawn in screen pixels,
/// so the words keep one size at every zoom; several on one stakeholder are
/// nested one outside the next.
pub fn paint_rings(
    ctx: &Context,
    dpr: f64,
    map: &Map,
    layout: &MapLayout,
    viewport: &Viewport,
    rings: &[Ring],
) {
    if rings.is_empty() {
        return;
    }
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.set_global_alpha(1.0);
    ctx.set_line_width(3.0);
    // A constant font: formatting a float into it would bring float formatting
    // into the page (6 to 9 KB gzip).
    ctx.set_font("700 13px sans-serif");
    ctx.set_text_align("center");
    let dash: JsValue = js_sys::Array::of2(&JsValue::from_f64(6.0), &JsValue::from_f64(4.0)).into();
    let solid: JsValue = js_sys::Array::new().into();
    let mut rings_at: Vec<usize> = Vec::new();
    for ring in rings {
        let (p, radius, nth) = match ring.at {
            RingAt::Stakeholder(i) => {
                let (Some(p), Some(st)) = (layout.pos_in_world(i), map.stakeholders.get(i)) else { continue };
                let nth = rings_at.iter().filter(|x| **x == i).count() as f64;
                rings_at.push(i);
                (p, look::radius(st.power), nth)
            }
            RingAt::Ghost { pos_in_world, radius_in_world } => (pos_in_world, radius_in_world, 0.0),
        };
        let p = viewport.to_screen(p);
        let r = radius * viewport.scale + 8.0 + nth * 5.0;
        let pattern: &JsValue = if ring.dashed { &dash } else { &solid };
        let _ = ctx.set_line_dash(pattern);
        ctx.begin_path();
        let _ = ctx.arc(p.x, p.y, r, 0.0, std::f64::consts::TAU);
        ctx.set_stroke_style_str(&ring.colour);
        ctx.stroke();
        ctx.set_fill_style_str(&ring.colour);
        let _ = ctx.fill_text(&ring.label, p.x, p.y - r - 4.0 - nth * 15.0);
    }
    let _ = ctx.set_line_dash(&solid);
}
