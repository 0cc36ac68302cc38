//! The picture's pure parts: emphasis (finding subjects, focus), hit testing, and
//! the SVG rendering read back by a real XML parser, hostile names included.

use simpul::drawing::{hit, svg, Emphasis};
use simpul::layout::MapLayout;
use simpul::model::*;

const HOSTILE: &str = r#"<script>alert("x")</script> & <img src=x onerror=alert(1)> ' ]]>"#;

fn map() -> Map {
    let mut map = Map::new(HOSTILE);
    map.sectors.push(Sector {
        id: SectorId::new("env"),
        name: format!("Env {HOSTILE}"),
        color: Color::parse("#2a9d8f"),
    });
    map.sectors.push(Sector { id: SectorId::new("edu"), name: "Education".into(), color: None });
    for (id, kind) in [
        ("a", StakeholderKind::Government),
        ("b", StakeholderKind::Community),
        ("c", StakeholderKind::Donor),
        ("d", StakeholderKind::Media),
    ] {
        let mut s = Stakeholder::new(StakeholderId::new(id), format!("{id} {HOSTILE}"));
        s.kind = kind;
        map.stakeholders.push(s);
    }
    map.stakeholders[0].sectors.push(SectorId::new("env"));
    map.stakeholders[3].sectors.push(SectorId::new("edu"));
    map.stakeholders[1].stance = Stance::new(2).unwrap();
    let mut l = Link::new(LinkId::new("l1"), StakeholderId::new("a"), StakeholderId::new("b"));
    l.directed = true;
    l.kind = LinkKind::Funding;
    map.links.push(l);
    map.links.push(Link::new(LinkId::new("l2"), StakeholderId::new("b"), StakeholderId::new("c")));
    map
}

fn settled(map: &Map) -> MapLayout {
    let mut layout = MapLayout::new(map, 5);
    for _ in 0..300 {
        layout.simulation_mut().step();
    }
    layout
}

#[test]
fn focus_lights_the_stakeholder_its_neighbours_and_its_sectors() {
    let map = map();
    let focus = Emphasis::focus(&map, 1); // b: linked to a and c
    let lit: Vec<bool> = (0..4).map(|i| focus.stakeholder_lit(i)).collect();
    assert_eq!(lit, [true, true, true, false]);
    assert!(!focus.sector_lit(0) && !focus.sector_lit(1), "b belongs to no sector");
    let focus = Emphasis::focus(&map, 0);
    assert_eq!((0..4).map(|i| focus.stakeholder_lit(i)).collect::<Vec<_>>(), [true, true, false, false]);
    assert!(focus.sector_lit(0) && !focus.sector_lit(1));
}

#[test]
fn a_finding_about_sectors_lights_the_sectors_and_their_members() {
    let map = map();
    let e = Emphasis::subjects(&map, &["edu".to_string()]);
    assert_eq!((0..4).map(|i| e.stakeholder_lit(i)).collect::<Vec<_>>(), [false, false, false, true]);
    assert!(e.sector_lit(1) && !e.sector_lit(0));
    assert!(!Emphasis::default().is_active() && Emphasis::default().stakeholder_lit(3));
}

#[test]
fn the_pointer_finds_the_stakeholder_under_it() {
    let map = map();
    let layout = settled(&map);
    for i in 0..4 {
        let p = layout.pos_in_world(i).unwrap();
        assert_eq!(
            hit::stakeholder_at(&map, &layout, PosInWorld { x: p.x + 3.0, y: p.y - 3.0 }, 2.0),
            Some(i)
        );
    }
    assert_eq!(hit::stakeholder_at(&map, &layout, PosInWorld { x: 1e5, y: 1e5 }, 2.0), None);
}

#[test]
fn the_svg_is_well_formed_and_names_stay_text() {
    let map = map();
    let layout = settled(&map);
    let text = svg::render(&map, &layout, &Emphasis::focus(&map, 0), None, None);
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert!(doc.descendants().all(|n| !matches!(n.tag_name().name(), "script" | "img" | "foreignObject")));
    assert!(doc.descendants().all(|n| n.attributes().all(|a| !a.name().starts_with("on"))));
    let texts: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
    assert!(texts.contains(&format!("a {HOSTILE}").as_str()), "names come back as the same text");
    assert!(texts.contains(&format!("Env {HOSTILE}").as_str()));
    assert!(texts.contains(&"++"), "stance is printed");
    let title = root.children().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
    assert_eq!(title, Some(HOSTILE));
    // One shape per stakeholder: the community member is a circle, the others polygons.
    let shapes = doc.descendants().filter(|n| n.has_tag_name("polygon")).count();
    assert_eq!(shapes, 3);
    let lines: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("line")).collect();
    assert_eq!(lines.len(), 2 + 2, "two memberships and two links");
    let funding =
        lines.iter().find(|l| l.attribute("marker-end").is_some()).expect("the directed link has an arrow");
    assert_eq!(funding.attribute("stroke-dasharray"), Some("10 4"));
    // Focus on a: d and its sector are dimmed.
    let dimmed =
        doc.descendants().filter(|n| n.has_tag_name("g") && n.attribute("opacity") == Some("0.2")).count();
    assert_eq!(dimmed, 3, "d, c, and the edu hub");
}

#[test]
fn the_svg_carries_the_legend_when_asked_and_only_then() {
    let map = map();
    let layout = settled(&map);
    let plain = svg::render(&map, &layout, &Emphasis::default(), None, None);
    let with_legend = svg::render(&map, &layout, &Emphasis::default(), Some(simpul::i18n::Lang::Id), None);
    assert!(!plain.contains("class=\"legend\""));
    let doc = roxmltree::Document::parse(&with_legend).expect("well-formed SVG");
    let legend = doc.descendants().find(|n| n.attribute("class") == Some("legend")).expect("a legend group");
    let words: Vec<&str> =
        legend.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
    for word in ["Pemerintah", "Kelompok masyarakat", "Donor", "Media", "Kemitraan", "Pendanaan", "Satu arah"]
    {
        assert!(words.contains(&word), "{word} in {words:?}");
    }
    // Only what the map has: it has no business and no conflict.
    assert!(!words.contains(&"Dunia usaha") && !words.contains(&"Konflik"), "{words:?}");
    // The picture is widened for the legend, not drawn over.
    let width = |text: &str| {
        roxmltree::Document::parse(text)
            .ok()
            .and_then(|d| d.root_element().attribute("width").and_then(|w| w.parse::<f64>().ok()))
    };
    assert!(width(&with_legend) > width(&plain).map(|w| w + 150.0));
}

#[test]
fn coloured_by_community_each_stakeholder_wears_its_communitys_fill_and_keeps_its_shape() {
    use simpul::drawing::communities::{CommunityFill, OTHER, PALETTE};
    let map = map();
    let layout = settled(&map);
    // a and b together, c alone, d not yet analysed.
    let fill = CommunityFill::new(&[Some(1), Some(1), Some(0), None]);
    let text = svg::render(&map, &layout, &Emphasis::default(), Some(simpul::i18n::Lang::En), Some(&fill));
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    let fills: Vec<&str> = doc
        .descendants()
        .filter(|n| {
            (n.has_tag_name("polygon") || n.has_tag_name("circle"))
                && n.attribute("stroke") == Some("#1b1f24")
        })
        .filter(|n| n.ancestors().all(|a| a.attribute("class") != Some("legend")))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert_eq!(fills, [PALETTE[0], PALETTE[0], OTHER, OTHER]);
    // The kinds keep their shapes: as many polygons (squares, stars, hexagons)
    // in the picture as when filled by kind.
    let plain = svg::render(&map, &layout, &Emphasis::default(), None, None);
    assert_eq!(picture_polygons(&text), picture_polygons(&plain));
    assert_eq!(picture_polygons(&plain), 3);
    let words: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::to_string)
        .collect();
    assert!(
        words.contains(&"Community 2 (2)".to_string())
            && words.contains(&"Other communities (2)".to_string()),
        "{words:?}"
    );
}

/// Polygons of an SVG outside its legend: stakeholders of the kinds not drawn as circles.
fn picture_polygons(text: &str) -> usize {
    roxmltree::Document::parse(text).map_or(0, |d| {
        d.descendants()
            .filter(|n| {
                n.has_tag_name("polygon") && n.ancestors().all(|a| a.attribute("class") != Some("legend"))
            })
            .count()
    })
}

#[test]
fn a_click_on_a_line_finds_its_link_and_one_beside_it_finds_none() {
    let map = map();
    let layout = settled(&map);
    let (a, b) = (layout.pos_in_world(0).unwrap(), layout.pos_in_world(1).unwrap());
    let middle = PosInWorld { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 };
    assert_eq!(hit::link_at(&map, &layout, middle, 2.0), Some(0));
    // Well off the line (perpendicular to it), nothing.
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length = (dx * dx + dy * dy).sqrt();
    let off = PosInWorld { x: middle.x - dy / length * 40.0, y: middle.y + dx / length * 40.0 };
    assert_ne!(hit::link_at(&map, &layout, off, 2.0), Some(0));
}

/// The boxes of the names an SVG export draws (its `<text>` with an anchor), sized
/// as the SVG writer estimates them.
fn name_boxes(svg_text: &str) -> Vec<(String, [f64; 4])> {
    let doc = roxmltree::Document::parse(svg_text).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor").is_some())
        .map(|n| {
            let number = |name: &str| n.attribute(name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
            let (x, y, size) = (number("x"), number("y"), number("font-size"));
            let text = n.text().unwrap_or_default().to_string();
            let width = text.chars().count() as f64 * size * 0.6;
            let left = match n.attribute("text-anchor") {
                Some("start") => x,
                Some("end") => x - width,
                _ => x - width / 2.0,
            };
            // As the placement sizes a name: 1.2 of the type, a fifth of it below the baseline.
            (text, [left, y - size * 0.96, left + width, y + size * 0.24])
        })
        .collect()
}

#[test]
fn the_svg_export_places_names_where_they_cover_no_other_name() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/public/examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".en.simpul.json") {
            continue;
        }
        let map = simpul::format::decode(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = svg::render(&map, &MapLayout::settled(&map), &Emphasis::default(), None, None);
        let boxes = name_boxes(&text);
        assert_eq!(boxes.len(), map.stakeholders.len() + map.sectors.len(), "every name is in the export");
        for (i, (a, ra)) in boxes.iter().enumerate() {
            for (b, rb) in &boxes[i + 1..] {
                let overlap = ra[0] < rb[2] && rb[0] < ra[2] && ra[1] < rb[3] && rb[1] < ra[3];
                assert!(!overlap, "{}: “{a}” and “{b}” overlap", path.display());
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 6, "the six example maps");
}
