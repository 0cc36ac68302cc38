//! The legend of the network picture: what each shape, colour, dash pattern and
//! mark means, in the interface's language. One list of entries serves the
//! legend over the map, the SVG export and the PNG export, so they never disagree.

use super::communities::{CommunityFill, PALETTE};
use super::look::{self, Shape};
use crate::format::{decimal as f, escape_xml as escape};
use crate::i18n::{vocabulary, Lang, Text};
use crate::model::{LinkKind, Map, StakeholderKind, Stance};
use std::fmt::Write;

/// What an entry shows beside its words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// A stakeholder of this kind: its shape and colour.
    Kind(StakeholderKind),
    /// A stakeholder of this kind when colour says the community: its shape alone.
    Shape(StakeholderKind),
    /// A community's colour (an index into the palette; past it, the grey of the rest).
    Community(usize),
    /// A link of this kind: its dash pattern and colour.
    Link(LinkKind),
    /// An arrowhead: a one-way link.
    OneWay,
    /// A sector hub.
    Sector,
    /// A stance, printed beside the stakeholder.
    Stance(&'static str),
    /// A small and a large stakeholder: size shows power.
    Size,
}

/// One line of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub mark: Mark,
    pub label: String,
}

/// The legend of `map`: only the kinds, links and marks it has, so that a small
/// map's legend is small (the size entry always stays). Coloured by community
/// (`fill`), the kinds are told by shape alone and the communities are listed.
pub fn groups_for(map: &Map, lang: Lang, fill: Option<&CommunityFill>) -> Vec<(&'static str, Vec<Entry>)> {
    let used = |mark: &Mark| match *mark {
        Mark::Kind(kind) | Mark::Shape(kind) => map.stakeholders.iter().any(|s| s.kind == kind),
        Mark::Link(kind) => map.links.iter().any(|l| l.kind == kind),
        Mark::OneWay => map.links.iter().any(|l| l.directed),
        Mark::Sector => !map.sectors.is_empty(),
        Mark::Stance(text) => map.stakeholders.iter().any(|s| look::stance_mark(s.stance) == text),
        Mark::Size | Mark::Community(_) => true,
    };
    let mut groups: Vec<(&'static str, Vec<Entry>)> = groups(lang)
        .into_iter()
        .map(|(heading, entries)| {
            (heading, entries.into_iter().filter(|e| used(&e.mark)).collect::<Vec<_>>())
        })
        .filter(|(_, entries)| !entries.is_empty())
        .collect();
    if let Some(fill) = fill {
        for entry in groups.iter_mut().flat_map(|(_, entries)| entries.iter_mut()) {
            if let Mark::Kind(kind) = entry.mark {
                entry.mark = Mark::Shape(kind);
            }
        }
        let mut communities: Vec<Entry> = fill
            .coloured
            .iter()
            .enumerate()
            .map(|(class, (community, members))| Entry {
                mark: Mark::Community(class),
                label: Text::LegendCommunity
                    .get(lang)
                    .replacen("{}", &(community + 1).to_string(), 1)
                    .replacen("{}", &members.to_string(), 1),
            })
            .collect();
        if fill.others > 0 {
            communities.push(Entry {
                mark: Mark::Community(PALETTE.len()),
                label: Text::LegendOtherCommunities.get(lang).replace("{}", &fill.others.to_string()),
            });
        }
        groups.insert(1.min(groups.len()), (Text::LegendCommunities.get(lang), communities));
    }
    groups
}

/// The shape and fill of a mark that stands for stakeholders, if it does.
pub fn stakeholder_mark(mark: Mark) -> Option<(Shape, &'static str)> {
    match mark {
        Mark::Kind(kind) => Some(look::kind_look(kind)),
        Mark::Shape(kind) => Some((look::kind_look(kind).0, "#ffffff")),
        Mark::Community(class) => Some((Shape::Circle, CommunityFill::colour_of_class(class))),
        _ => None,
    }
}

/// The legend's groups, each a heading and its entries: everything the picture can show.
pub fn groups(lang: Lang) -> Vec<(&'static str, Vec<Entry>)> {
    let kinds = StakeholderKind::ALL
        .iter()
        .map(|&k| Entry { mark: Mark::Kind(k), label: vocabulary::stakeholder_kind(k, lang).to_string() })
        .collect();
    let mut links: Vec<Entry> = LinkKind::ALL
        .iter()
        .map(|&k| Entry { mark: Mark::Link(k), label: vocabulary::link_kind(k, lang).to_string() })
        .collect();
    links.push(Entry { mark: Mark::OneWay, label: Text::OneWay.get(lang).to_string() });
    let stances = [2, 1, -1, -2].into_iter().filter_map(Stance::new).map(|s| Entry {
        mark: Mark::Stance(look::stance_mark(s)),
        label: vocabulary::stance(s.get(), lang).to_string(),
    });
    let mut other: Vec<Entry> =
        vec![Entry { mark: Mark::Sector, label: Text::LegendSector.get(lang).to_string() }];
    other.extend(stances);
    other.push(Entry { mark: Mark::Size, label: Text::LegendSize.get(lang).to_string() });
    vec![
        (Text::LegendKinds.get(lang), kinds),
        (Text::LegendLinks.get(lang), links),
        (Text::LegendOther.get(lang), other),
    ]
}

/// Width and height of an entry's mark, in the legend's units (CSS pixels on screen).
pub const MARK_W: f64 = 28.0;
pub const MARK_H: f64 = 16.0;

/// The mark alone as a small SVG image, for the legend over the map. It holds
/// none of the user's text, only the fixed vocabulary's shapes.
pub fn mark_svg(mark: Mark) -> String {
    let mut out = String::new();
    // Written as integers: formatting a float would bring Rust's float printing into the download.
    let (w, h) = (f(MARK_W), f(MARK_H));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" aria-hidden="true" focusable="false">"#
    );
    write_mark(&mut out, mark, 0.0, 0.0);
    out.push_str("</svg>");
    out
}

/// The mark drawn in a box of `MARK_W` × `MARK_H` whose top left is (x, y).
fn write_mark(out: &mut String, mark: Mark, x: f64, y: f64) {
    let (cx, cy) = (x + MARK_W / 2.0, y + MARK_H / 2.0);
    match mark {
        Mark::Kind(_) | Mark::Shape(_) | Mark::Community(_) => {
            let Some((shape, colour)) = stakeholder_mark(mark) else { return };
            let r = 6.0;
            if shape == Shape::Circle {
                let _ = write!(
                    out,
                    r##"<circle cx="{}" cy="{}" r="{}" fill="{colour}" stroke="#1b1f24" stroke-width="1"/>"##,
                    f(cx),
                    f(cy),
                    f(r)
                );
            } else {
                let points: Vec<String> = look::unit_outline(shape)
                    .iter()
                    .map(|(px, py)| format!("{},{}", f(cx + px * r), f(cy + py * r)))
                    .collect();
                let _ = write!(
                    out,
                    r##"<polygon points="{}" fill="{colour}" stroke="#1b1f24" stroke-width="1"/>"##,
                    points.join(" ")
                );
            }
        }
        Mark::Link(kind) => {
            let (dash, colour) = look::link_look(kind);
            let dasharray = if dash.is_empty() {
                String::new()
            } else {
                // The picture's world-unit dashes, at the legend's scale of about a half.
                format!(
                    r#" stroke-dasharray="{}""#,
                    dash.iter().map(|d| f(d * 0.6)).collect::<Vec<_>>().join(" ")
                )
            };
            let _ = write!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="2.5"{dasharray}/>"#,
                f(x + 2.0),
                f(cy),
                f(x + MARK_W - 2.0),
                f(cy)
            );
        }
        Mark::OneWay => {
            let _ = write!(
                out,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#4a5360" stroke-width="2"/><path d="M{},{}L{},{}L{},{}z" fill="#4a5360"/>"##,
                f(x + 2.0),
                f(cy),
                f(x + MARK_W - 8.0),
                f(cy),
                f(x + MARK_W - 2.0),
                f(cy),
                f(x + MARK_W - 10.0),
                f(cy - 4.5),
                f(x + MARK_W - 10.0),
                f(cy + 4.5),
            );
        }
        Mark::Sector => {
            let _ = write!(
                out,
                r##"<circle cx="{}" cy="{}" r="5" fill="#ffffff" stroke="#4a5360" stroke-width="3"/>"##,
                f(cx),
                f(cy)
            );
        }
        Mark::Size => {
            let _ = write!(
                out,
                r##"<circle cx="{}" cy="{}" r="3" fill="#8c8c8c"/><circle cx="{}" cy="{}" r="7" fill="#8c8c8c"/>"##,
                f(x + 6.0),
                f(cy),
                f(x + MARK_W - 9.0),
                f(cy),
            );
        }
        Mark::Stance(text) => {
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" font-size="12" font-weight="700" text-anchor="middle" fill="#1b1f24">{}</text>"##,
                f(cx),
                f(cy + 4.0),
                escape(text)
            );
        }
    }
}

/// Height of one line of the legend, and of a group's heading.
const LINE_H: f64 = 20.0;
/// Width of the legend block in the exported pictures.
pub const BLOCK_W: f64 = 200.0;

/// The height of `map`'s legend block in the exported pictures.
pub fn block_height(map: &Map, lang: Lang, fill: Option<&CommunityFill>) -> f64 {
    let groups = groups_for(map, lang, fill);
    let lines: usize = groups.iter().map(|(_, entries)| entries.len() + 1).sum();
    lines as f64 * LINE_H + 16.0
}

/// `map`'s legend as an SVG group whose top left is (x, y), for the SVG export.
pub fn svg_block(map: &Map, lang: Lang, fill: Option<&CommunityFill>, x: f64, y: f64) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<g class="legend"><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="#ffffff" stroke="#c9d0da"/>"##,
        f(x),
        f(y),
        f(BLOCK_W),
        f(block_height(map, lang, fill)),
    );
    let mut line_y = y + 8.0;
    for (heading, entries) in groups_for(map, lang, fill) {
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" font-size="12" font-weight="700" fill="#4a5360">{}</text>"##,
            f(x + 10.0),
            f(line_y + 14.0),
            escape(heading)
        );
        line_y += LINE_H;
        for entry in entries {
            write_mark(&mut out, entry.mark, x + 8.0, line_y + 2.0);
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" font-size="12" fill="#1b1f24">{}</text>"##,
                f(x + 12.0 + MARK_W),
                f(line_y + 14.0),
                escape(&entry.label)
            );
            line_y += LINE_H;
        }
    }
    out.push_str("</g>");
    out
}

/// Where each line of the legend block goes (for painters other than SVG): the
/// heading or entry, and the top of its line, from the block's top.
pub fn block_lines(
    map: &Map,
    lang: Lang,
    fill: Option<&CommunityFill>,
) -> Vec<(f64, Result<&'static str, Entry>)> {
    let mut lines = Vec::new();
    let mut line_y = 8.0;
    for (heading, entries) in groups_for(map, lang, fill) {
        lines.push((line_y, Ok(heading)));
        line_y += LINE_H;
        for entry in entries {
            lines.push((line_y, Err(entry)));
            line_y += LINE_H;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_link_kind_is_explained_in_both_languages() {
        for lang in [Lang::En, Lang::Id] {
            let groups = groups(lang);
            let marks: Vec<Mark> = groups.iter().flat_map(|(_, e)| e.iter().map(|e| e.mark)).collect();
            for kind in StakeholderKind::ALL {
                assert!(marks.contains(&Mark::Kind(*kind)), "{kind:?}");
            }
            for kind in LinkKind::ALL {
                assert!(marks.contains(&Mark::Link(*kind)), "{kind:?}");
            }
            assert!(groups.iter().all(|(h, e)| !h.is_empty() && e.iter().all(|e| !e.label.is_empty())));
        }
        assert_ne!(groups(Lang::En)[0].0, groups(Lang::Id)[0].0);
    }

    fn small_map() -> Map {
        use crate::model::{Link, LinkId, Stakeholder, StakeholderId};
        let mut map = Map::new("m");
        let mut a = Stakeholder::new(StakeholderId::new("a"), "A");
        a.kind = StakeholderKind::Government;
        a.stance = Stance::new(-2).expect("in range");
        map.stakeholders.push(a);
        map.stakeholders.push(Stakeholder::new(StakeholderId::new("b"), "B"));
        let mut link = Link::new(LinkId::new("l"), StakeholderId::new("a"), StakeholderId::new("b"));
        link.kind = LinkKind::Funding;
        map.links.push(link);
        map
    }

    #[test]
    fn a_maps_legend_lists_what_the_map_has() {
        let map = small_map();
        let marks: Vec<Mark> =
            groups_for(&map, Lang::En, None).iter().flat_map(|(_, e)| e.iter().map(|e| e.mark)).collect();
        assert_eq!(
            marks,
            [
                Mark::Kind(StakeholderKind::Government),
                Mark::Kind(StakeholderKind::Other),
                Mark::Link(LinkKind::Funding),
                Mark::Stance("−−"),
                Mark::Size
            ]
        );
    }

    #[test]
    fn the_exported_block_is_as_tall_as_its_lines() {
        let map = small_map();
        let lines = block_lines(&map, Lang::En, None);
        let last_top = lines.last().map_or(0.0, |(y, _)| *y);
        assert!(last_top + LINE_H <= block_height(&map, Lang::En, None));
        let svg = svg_block(&map, Lang::Id, None, 10.0, 20.0);
        assert!(svg.contains("Pemerintah") && svg.contains("Pendanaan"), "{svg}");
        assert!(!svg.contains("Kemitraan"), "no partnership on this map");
        assert_eq!(svg.matches("<text").count(), lines.len() + 1, "a text per line, and the stance mark");
    }

    #[test]
    fn coloured_by_community_the_kinds_are_shapes_and_the_communities_are_listed() {
        let map = small_map();
        let fill = CommunityFill::new(&[Some(0), Some(0)]);
        let groups = groups_for(&map, Lang::En, Some(&fill));
        let marks: Vec<Mark> = groups.iter().flat_map(|(_, e)| e.iter().map(|e| e.mark)).collect();
        assert!(marks.contains(&Mark::Shape(StakeholderKind::Government)));
        assert!(!marks.iter().any(|m| matches!(m, Mark::Kind(_))));
        assert_eq!(groups[1].0, "Communities");
        assert_eq!(groups[1].1.iter().map(|e| e.label.as_str()).collect::<Vec<_>>(), ["Community 1 (2)"]);
        let lone = CommunityFill::new(&[Some(0), None]);
        let id = groups_for(&map, Lang::Id, Some(&lone));
        assert_eq!(id[1].1.iter().map(|e| e.label.as_str()).collect::<Vec<_>>(), ["Komunitas lain (2)"]);
        assert!(svg_block(&map, Lang::En, Some(&fill), 0.0, 0.0).contains(PALETTE[0]));
    }
}
