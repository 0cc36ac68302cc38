//! Where names go on the network picture, in the editor and on the projector:
//! each name beside its stakeholder, below it, above it, to the right or to the
//! left, wherever it does not cover a name already placed or another
//! stakeholder. A name with no free place is left out rather than drawn over
//! another (zooming in makes room); the most important names are placed first.
//!
//! Greedy, in the order given: O(n² · 4) rectangle tests for n names, a few
//! hundred thousand for the 600 names the picture draws at most.

use super::look::{self, HUB_RADIUS};
use super::reveal::Shown;
use super::{Emphasis, PosOnScreen, Viewport};
use crate::layout::MapLayout;
use crate::model::{Map, Score};

/// A name to place: the stakeholder's centre and radius, and the name's size, all
/// in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameToPlace {
    pub center: PosOnScreen,
    pub radius: f64,
    pub width: f64,
    pub height: f64,
}

impl NameToPlace {
    /// The box of the stakeholder (or hub) the name belongs to.
    pub fn disc(&self) -> Rect {
        Rect {
            left: self.center.x - self.radius,
            top: self.center.y - self.radius,
            right: self.center.x + self.radius,
            bottom: self.center.y + self.radius,
        }
    }
}

/// A placed name: the point its text is drawn from and how it is aligned there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedName {
    /// The middle of the text's baseline (`Center`), its left end (`Left`) or right end (`Right`).
    pub at: PosOnScreen,
    pub align: Align,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Room left between a stakeholder and its name, in screen pixels.
const GAP: f64 = 4.0;

/// A box on the screen, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// One place for each name, or `None` where every candidate is taken.
pub fn place(names: &[NameToPlace]) -> Vec<Option<PlacedName>> {
    place_boxes(names).into_iter().map(|p| p.map(|(_, placed)| placed)).collect()
}

/// As [`place`], with the box each placed name covers.
pub fn place_boxes(names: &[NameToPlace]) -> Vec<Option<(Rect, PlacedName)>> {
    let anywhere =
        Rect { left: f64::NEG_INFINITY, top: f64::NEG_INFINITY, right: f64::INFINITY, bottom: f64::INFINITY };
    place_among(names, &[], anywhere)
}

/// As [`place_boxes`], with `obstacles` (stakeholders whose names are not placed,
/// such as those just outside the view) that no name may cover either, and every
/// name wholly `within` a box (the view: a name cut by its edge is no name).
pub fn place_among(
    names: &[NameToPlace],
    obstacles: &[Rect],
    within: Rect,
) -> Vec<Option<(Rect, PlacedName)>> {
    // Stakeholders are obstacles too: a name must not hide one.
    let discs: Vec<Rect> = names.iter().map(NameToPlace::disc).collect();
    let mut taken: Vec<Rect> = Vec::with_capacity(names.len());
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let chosen = candidates(n).into_iter().find(|(rect, _)| {
                rect.left >= within.left
                    && rect.right <= within.right
                    && rect.top >= within.top
                    && rect.bottom <= within.bottom
                    && !taken.iter().any(|t| t.overlaps(rect))
                    && !discs.iter().enumerate().any(|(j, d)| j != i && d.overlaps(rect))
                    && !obstacles.iter().any(|o| o.overlaps(rect))
            });
            chosen.inspect(|(rect, _)| taken.push(*rect))
        })
        .collect()
}

/// The type of the names: its size in pixels, for stakeholders and for sectors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameSizes {
    pub stakeholder: f64,
    pub sector: f64,
}

impl NameSizes {
    /// The editor's names.
    pub const PAGE: NameSizes = NameSizes { stakeholder: 13.0, sector: 14.0 };
    /// The projector's: legible from the back of a room on a 1080p projector.
    pub const PROJECTOR: NameSizes = NameSizes { stakeholder: 24.0, sector: 28.0 };
}

/// Whose name a [`ScreenName`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Stakeholder(usize),
    Sector(usize),
}

/// A name placed on the screen: its text, whose it is, whether it is lit, and
/// where it goes (`None` where there is no room for it).
#[derive(Clone, Debug, PartialEq)]
pub struct ScreenName {
    pub text: String,
    pub of: Named,
    pub lit: bool,
    pub size: f64,
    pub placed: Option<(Rect, PlacedName)>,
}

/// Every name of the picture in `viewport` placed where it covers no other name
/// and no stakeholder, and lies wholly in the view: sector names first, then lit stakeholders, the selected
/// one, and the most powerful. `width` measures a text at a size in pixels
/// (the canvas measures it; tests estimate it). Names of things outside the
/// viewport are not placed at all.
#[allow(clippy::too_many_arguments)]
pub fn names_on_screen(
    map: &Map,
    layout: &MapLayout,
    viewport: &Viewport,
    emphasis: &Emphasis,
    shown: Shown,
    selected: Option<usize>,
    sizes: NameSizes,
    width: impl Fn(&str, f64) -> f64,
) -> Vec<ScreenName> {
    let radius = |power: Score| look::radius(shown.drawn_power(power)) * viewport.scale;
    let visible = viewport.visible();
    let mut names: Vec<ScreenName> = Vec::new();
    let mut to_place: Vec<NameToPlace> = Vec::new();
    for (h, sector) in map.sectors.iter().enumerate().filter(|_| shown.sectors) {
        let Some(p) = layout.hub_in_world(h).filter(|p| visible.contains(*p, 100.0)) else { continue };
        let text = short(&sector.name);
        let w = width(&text, sizes.sector);
        to_place.push(NameToPlace {
            center: viewport.to_screen(p),
            radius: HUB_RADIUS * viewport.scale,
            width: w,
            height: sizes.sector * 1.2,
        });
        names.push(ScreenName {
            text,
            of: Named::Sector(h),
            lit: emphasis.sector_lit(h),
            size: sizes.sector,
            placed: None,
        });
    }
    let mut people: Vec<usize> = (0..map.stakeholders.len())
        .filter(|&i| layout.pos_in_world(i).is_some_and(|p| visible.contains(p, 40.0)))
        .collect();
    let power = |i: usize| shown.drawn_power(map.stakeholders[i].power);
    let rank = |i: usize| (!emphasis.stakeholder_lit(i), selected != Some(i), std::cmp::Reverse(power(i)), i);
    crate::order::sort_with(&mut people, &|&a, &b| rank(a).cmp(&rank(b)));
    for i in people {
        let (Some(p), st) = (layout.pos_in_world(i), &map.stakeholders[i]) else { continue };
        // The stance mark follows the name, so that the two never collide.
        let mark = look::stance_mark(st.stance);
        let text =
            if mark.is_empty() { short(&st.name) } else { [short(&st.name).as_str(), " ", mark].concat() };
        let w = width(&text, sizes.stakeholder);
        to_place.push(NameToPlace {
            center: viewport.to_screen(p),
            radius: radius(st.power),
            width: w,
            height: sizes.stakeholder * 1.2,
        });
        names.push(ScreenName {
            text,
            of: Named::Stakeholder(i),
            lit: emphasis.stakeholder_lit(i),
            size: sizes.stakeholder,
            placed: None,
        });
    }
    // Stakeholders just outside the view are obstacles: a name near the edge
    // reaches out of the view, and must not cover one there either.
    let reach = sizes.sector.max(sizes.stakeholder) * 24.0 / viewport.scale;
    let obstacles: Vec<Rect> = (0..map.stakeholders.len())
        .filter_map(|i| {
            let p = layout.pos_in_world(i)?;
            (!visible.contains(p, 40.0) && visible.contains(p, reach)).then(|| {
                let (c, r) = (viewport.to_screen(p), radius(map.stakeholders[i].power));
                Rect { left: c.x - r, top: c.y - r, right: c.x + r, bottom: c.y + r }
            })
        })
        .collect();
    let view =
        Rect { left: 0.0, top: 0.0, right: viewport.width_on_screen, bottom: viewport.height_on_screen };
    for (name, placed) in names.iter_mut().zip(place_among(&to_place, &obstacles, view)) {
        name.placed = placed;
    }
    names
}

/// Long names (of stakeholders and sectors) are cut on the picture; the tables
/// and the inspector show them whole.
pub fn short(name: &str) -> String {
    const MAX: usize = 28;
    if name.chars().count() <= MAX {
        name.to_string()
    } else {
        let mut cut: String = name.chars().take(MAX - 1).collect();
        cut.push('…');
        cut
    }
}

/// Below, above, right, left: the rectangle each would cover and where its text starts.
fn candidates(n: &NameToPlace) -> [(Rect, PlacedName); 4] {
    let (x, y, r, w, h) = (n.center.x, n.center.y, n.radius, n.width, n.height);
    // Text sits on its baseline; descenders take about a fifth of the height.
    let descent = h * 0.2;
    let below_top = y + r + GAP;
    let above_bottom = y - r - GAP;
    let side_baseline = y + h / 2.0 - descent;
    [
        (
            Rect { left: x - w / 2.0, top: below_top, right: x + w / 2.0, bottom: below_top + h },
            PlacedName { at: PosOnScreen { x, y: below_top + h - descent }, align: Align::Center },
        ),
        (
            Rect { left: x - w / 2.0, top: above_bottom - h, right: x + w / 2.0, bottom: above_bottom },
            PlacedName { at: PosOnScreen { x, y: above_bottom - descent }, align: Align::Center },
        ),
        (
            Rect { left: x + r + GAP, top: y - h / 2.0, right: x + r + GAP + w, bottom: y + h / 2.0 },
            PlacedName { at: PosOnScreen { x: x + r + GAP, y: side_baseline }, align: Align::Left },
        ),
        (
            Rect { left: x - r - GAP - w, top: y - h / 2.0, right: x - r - GAP, bottom: y + h / 2.0 },
            PlacedName { at: PosOnScreen { x: x - r - GAP, y: side_baseline }, align: Align::Right },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(x: f64, y: f64, width: f64) -> NameToPlace {
        NameToPlace { center: PosOnScreen { x, y }, radius: 10.0, width, height: 30.0 }
    }

    /// The rectangle a placed name covers, rebuilt from where it is drawn.
    fn covered(n: &NameToPlace, p: &PlacedName) -> Rect {
        let left = match p.align {
            Align::Left => p.at.x,
            Align::Center => p.at.x - n.width / 2.0,
            Align::Right => p.at.x - n.width,
        };
        let top = p.at.y + n.height * 0.2 - n.height;
        Rect { left, top, right: left + n.width, bottom: top + n.height }
    }

    #[test]
    fn a_name_alone_goes_below_its_stakeholder() {
        let placed = place(&[name(100.0, 100.0, 80.0)]);
        assert_eq!(
            placed,
            [Some(PlacedName { at: PosOnScreen { x: 100.0, y: 138.0 }, align: Align::Center })]
        );
    }

    #[test]
    fn crowded_names_move_aside_and_never_overlap() {
        // Three stakeholders in a column, 50 px apart: below is taken for the
        // upper two, so they go to the sides or above.
        let names = [name(100.0, 100.0, 120.0), name(100.0, 150.0, 120.0), name(100.0, 200.0, 120.0)];
        let placed = place(&names);
        let rects: Vec<Rect> =
            names.iter().zip(&placed).filter_map(|(n, p)| Some(covered(n, p.as_ref()?))).collect();
        assert_eq!(rects.len(), 3, "{placed:?}");
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_name_never_hides_another_stakeholder() {
        // B sits right under A, where A's name would go.
        let names = [name(100.0, 100.0, 60.0), name(100.0, 140.0, 60.0)];
        let placed = place(&names);
        let a = covered(&names[0], placed[0].as_ref().expect("A has a place"));
        let b_disc = Rect { left: 90.0, top: 130.0, right: 110.0, bottom: 150.0 };
        assert!(!a.overlaps(&b_disc), "{a:?}");
    }

    #[test]
    fn names_with_no_room_left_are_left_out_and_the_first_listed_wins() {
        // Twenty stakeholders on one spot, with names wider than the spot: below
        // and above go to the first two listed (the sides would touch those), the
        // first one below.
        let many: Vec<NameToPlace> = (0..20).map(|_| name(300.0, 300.0, 200.0)).collect();
        let placed = place(&many);
        assert_eq!(placed[0].map(|p| p.align), Some(Align::Center));
        assert!(placed[0].is_some_and(|p| p.at.y > 300.0));
        assert!(placed[1].is_some_and(|p| p.at.y < 300.0), "{placed:?}");
        assert!(placed[2..].iter().all(Option::is_none), "{placed:?}");
    }
}
