//! Names on the network picture never overlap, in the editor and on the
//! projector: the placed label boxes are read from the pure drawing module, for
//! real example maps and a crowded generated one, at several window sizes and
//! zooms, and checked against each other and against every stakeholder's shape.

use simpul::drawing::labels::{names_on_screen, NameSizes, Named, Rect, ScreenName};
use simpul::drawing::reveal::Shown;
use simpul::drawing::{look, BoundsInWorld, Emphasis, PosOnScreen, Viewport};
use simpul::layout::MapLayout;
use simpul::model::*;

/// A text's width at `size` px, as a proportional sans serif sets it: about 0.6
/// of the size per character, so a long name is wide.
fn estimated_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

fn settled(map: &Map) -> MapLayout {
    let mut layout = MapLayout::new(map, 1);
    for _ in 0..600 {
        if layout.simulation().is_settled() {
            break;
        }
        layout.simulation_mut().step();
    }
    layout
}

fn example(stem: &str) -> Map {
    let path = format!("{}/public/examples/{stem}.en.simpul.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    simpul::format::decode(&text).expect("the example is a valid map")
}

/// Forty stakeholders with long names in four tight sectors: the crowding a
/// workshop produces.
fn crowded() -> Map {
    let mut map = Map::new("Crowded");
    for s in 0..4 {
        map.sectors.push(Sector {
            id: SectorId::new(format!("s{s}")),
            name: format!("Sector number {s}"),
            color: None,
        });
    }
    for i in 0..40 {
        let mut st =
            Stakeholder::new(StakeholderId::new(format!("p{i}")), format!("Dinas Kesehatan Kabupaten {i}"));
        st.sectors.push(SectorId::new(format!("s{}", i % 4)));
        st.power = Score::new((i % 5 + 1) as i64).expect("1–5");
        st.stance = Stance::new((i % 5) as i64 - 2).expect("−2…2");
        map.stakeholders.push(st);
    }
    for i in 0..40 {
        let (a, b) = (i, (i * 7 + 3) % 40);
        if a != b {
            map.links.push(Link::new(
                LinkId::new(format!("l{i}")),
                StakeholderId::new(format!("p{a}")),
                StakeholderId::new(format!("p{b}")),
            ));
        }
    }
    map
}

fn fitted(map: &Map, layout: &MapLayout, (w, h): (f64, f64), zoom: f64) -> Viewport {
    let mut viewport = Viewport::new(w, h);
    let points = (0..map.stakeholders.len()).filter_map(|i| Some((layout.pos_in_world(i)?, 30.0)));
    let hubs = (0..map.sectors.len()).filter_map(|h| Some((layout.hub_in_world(h)?, 30.0)));
    let bounds = BoundsInWorld::around(points.chain(hubs)).expect("something is placed");
    viewport.fit(bounds, 56.0);
    viewport.zoom_at(PosOnScreen { x: w / 2.0, y: h / 2.0 }, zoom);
    viewport
}

/// Every placed box inside the view, against every other, and against every
/// stakeholder's disc but its own; returns how many names were placed.
fn assert_no_overlap(
    map: &Map,
    layout: &MapLayout,
    viewport: &Viewport,
    names: &[ScreenName],
    shown: Shown,
    what: &str,
) -> usize {
    let boxes: Vec<(Named, Rect)> = names.iter().filter_map(|n| Some((n.of, n.placed?.0))).collect();
    for (i, (a_of, a)) in boxes.iter().enumerate() {
        assert!(a.right > a.left && a.bottom > a.top, "{what}: an empty box {a:?}");
        assert!(
            a.left >= 0.0
                && a.top >= 0.0
                && a.right <= viewport.width_on_screen
                && a.bottom <= viewport.height_on_screen,
            "{what}: the name of {a_of:?} {a:?} is cut by the edge of the view"
        );
        for (b_of, b) in &boxes[i + 1..] {
            assert!(!a.overlaps(b), "{what}: the name of {a_of:?} {a:?} overlaps that of {b_of:?} {b:?}");
        }
        for (j, st) in map.stakeholders.iter().enumerate() {
            if *a_of == Named::Stakeholder(j) {
                continue;
            }
            let Some(p) = layout.pos_in_world(j) else { continue };
            let c = viewport.to_screen(p);
            let r = look::radius(shown.drawn_power(st.power)) * viewport.scale;
            let disc = Rect { left: c.x - r, top: c.y - r, right: c.x + r, bottom: c.y + r };
            assert!(!a.overlaps(&disc), "{what}: the name of {a_of:?} {a:?} covers stakeholder {j}");
        }
    }
    boxes.len()
}

#[test]
fn names_never_overlap_in_the_editor_at_the_workspace_sizes() {
    let maps = [example("jakarta-waste"), example("madani-mch"), example("smart-city"), crowded()];
    for map in &maps {
        let layout = settled(map);
        // The picture's size in the workspace at 1280×720, 1366×768, 1920×1080, and on a phone.
        for size in [(922.0, 520.0), (986.0, 560.0), (1320.0, 820.0), (390.0, 370.0)] {
            for zoom in [0.5, 1.0, 2.5] {
                let viewport = fitted(map, &layout, size, zoom);
                let names = names_on_screen(
                    map,
                    &layout,
                    &viewport,
                    &Emphasis::default(),
                    Shown::ALL,
                    None,
                    NameSizes::PAGE,
                    estimated_width,
                );
                let what = format!("{} at {size:?} ×{zoom}", map.title);
                let placed = assert_no_overlap(map, &layout, &viewport, &names, Shown::ALL, &what);
                assert!(placed > 0, "{what}: no name placed");
            }
        }
    }
}

#[test]
fn the_projector_places_its_large_names_without_overlap_and_leaves_out_what_has_no_room() {
    let map = crowded();
    let layout = settled(&map);
    let count = |zoom: f64| {
        let viewport = fitted(&map, &layout, (1920.0, 756.0), zoom);
        let names = names_on_screen(
            &map,
            &layout,
            &viewport,
            &Emphasis::default(),
            Shown::ALL,
            Some(3),
            NameSizes::PROJECTOR,
            estimated_width,
        );
        assert_no_overlap(&map, &layout, &viewport, &names, Shown::ALL, &format!("projector ×{zoom}"))
    };
    let (far, near) = (count(1.0), count(3.0));
    assert!(
        far < map.stakeholders.len() + map.sectors.len(),
        "a crowded map leaves names out at the fitted zoom: {far}"
    );
    // Zoomed in, names come back as there is room for them.
    assert!(near > 0, "{near}");
}

#[test]
fn the_selected_and_lit_stakeholders_get_their_names_first() {
    let map = crowded();
    let layout = settled(&map);
    let viewport = fitted(&map, &layout, (986.0, 560.0), 0.5);
    let emphasis = Emphasis::focus(&map, 17);
    let names = names_on_screen(
        &map,
        &layout,
        &viewport,
        &emphasis,
        Shown::ALL,
        Some(17),
        NameSizes::PAGE,
        estimated_width,
    );
    let selected =
        names.iter().find(|n| n.of == Named::Stakeholder(17)).expect("the selected one is in view");
    assert!(selected.placed.is_some(), "the selected stakeholder's name is placed even at a distant zoom");
    // After the sectors, the lit ones come first.
    let first_person = names.iter().position(|n| matches!(n.of, Named::Stakeholder(_))).expect("people");
    assert!(names[first_person..].iter().take_while(|n| n.lit).count() >= 2);
    assert!(
        names[first_person..].iter().skip_while(|n| n.lit).all(|n| !n.lit),
        "lit names are listed before dimmed ones"
    );
}
