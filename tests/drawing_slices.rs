//! A big map's painting in slices (`drawing::slices`): every item painted exactly
//! once, in painting order, and slices that learn to fit the time they are given.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use simpul::drawing::slices::{Part, Section, Slices};
use std::ops::Range;

/// Paints a whole painting as the network view does, one slice per call, with a
/// browser that paints `speed` items per millisecond in each section. Returns the
/// parts painted and the milliseconds each took.
fn paint_all(mut slices: Slices, budget_ms: f64, speed: [f64; 4]) -> Vec<(Part, f64)> {
    let mut painted = Vec::new();
    while let Some((section, items)) = slices.next(budget_ms) {
        let part = slices.part(section, items.clone());
        let ms = items.len() as f64 / speed[section as usize];
        slices.painted(section, items.len(), ms);
        painted.push((part, ms));
        assert!(painted.len() < 100_000, "the painting never ends");
    }
    assert!(slices.is_done());
    assert_eq!(slices.progress(), 1.0);
    painted
}

/// The ranges of one section's items, in the order painted, joined end to end.
fn joined(ranges: impl Iterator<Item = Range<usize>>) -> Vec<usize> {
    ranges.flatten().collect()
}

proptest! {
    #[test]
    fn every_item_is_painted_once_in_order(
        spokes in 0usize..3000,
        links in 0usize..20000,
        stakeholders in 0usize..6000,
        sketch in any::<bool>(),
        budget in 1.0f64..60.0,
        speed in prop::array::uniform4(1.0f64..2000.0),
    ) {
        let painted = paint_all(Slices::new(spokes, links, stakeholders, sketch), budget, speed);
        let parts: Vec<&Part> = painted.iter().map(|(p, _)| p).collect();
        prop_assert_eq!(joined(parts.iter().map(|p| p.spokes.clone())), (0..spokes).collect::<Vec<_>>());
        prop_assert_eq!(joined(parts.iter().map(|p| p.links.clone())), (0..links).collect::<Vec<_>>());
        prop_assert_eq!(joined(parts.iter().map(|p| p.stakeholders.clone())), (0..stakeholders).collect::<Vec<_>>());
        // Only the first part clears the canvas; the hubs and the names come once,
        // the names last.
        prop_assert!(parts[0].clear);
        prop_assert_eq!(parts.iter().filter(|p| p.clear).count(), 1);
        prop_assert_eq!(parts.iter().filter(|p| p.hubs).count(), 1);
        prop_assert_eq!(parts.iter().filter(|p| p.names).count(), 1);
        prop_assert!(parts.last().is_some_and(|p| p.names));
        // A slice stays inside one section, and sections come in painting order.
        let section = |p: &Part| [!p.spokes.is_empty(), !p.links.is_empty(), !p.stakeholders.is_empty(), p.names];
        let mut last = 0;
        for p in &parts {
            let s = section(p);
            prop_assert_eq!(s.iter().filter(|x| **x).count(), 1, "{:?}", p);
            let at = s.iter().position(|x| *x).unwrap_or(0);
            prop_assert!(at >= last);
            last = at;
        }
        // The hubs are painted under the stakeholders: with their first slice.
        if stakeholders > 0 {
            let hubs = parts.iter().position(|p| p.hubs);
            let first = parts.iter().position(|p| !p.stakeholders.is_empty());
            prop_assert_eq!(hubs, first);
        }
    }
}

#[test]
fn slices_learn_to_fit_their_budget() {
    // A browser far slower at links than the first guess, far quicker at spokes.
    let speed = [2000.0, 10.0, 40.0, 1.0];
    let painted = paint_all(Slices::new(5000, 15000, 5000, true), 30.0, speed);
    let links: Vec<f64> = painted.iter().filter(|(p, _)| !p.links.is_empty()).map(|(_, ms)| *ms).collect();
    // The first slice of links, on the guess, overshoots; every later one fits
    // (but the last, which is what is left).
    assert!(links[0] > 30.0, "{links:?}");
    for ms in &links[1..links.len() - 1] {
        assert!((29.0..=30.5).contains(ms), "{links:?}");
    }
    // Quick spokes make longer slices, but a slice only doubles at most.
    let spokes: Vec<usize> =
        painted.iter().filter(|(p, _)| !p.spokes.is_empty()).map(|(p, _)| p.spokes.len()).collect();
    for pair in spokes.windows(2).take(spokes.len().saturating_sub(2)) {
        assert!(pair[1] <= 2 * pair[0] + 1, "{spokes:?}");
    }
    assert!(spokes.len() < 5000 / 16, "spokes were painted a few at a time: {spokes:?}");
}

#[test]
fn the_first_guesses_keep_a_slice_of_a_big_map_short() {
    // What headless Chromium measured in software on 5,000 stakeholders and
    // 15,000 links (items per ms): long hairlines while the layout moves,
    // 2.5 px dashed lines at rest, filled and outlined shapes.
    for (sketch, links_per_ms) in [(true, 160.0), (false, 23.0)] {
        let slices = Slices::new(5000, 15000, 5000, sketch);
        let mut all = slices.clone();
        all.painted(Section::Spokes, 5000, 10.0);
        let Some((Section::Links, links)) = all.next(30.0) else { panic!("links come after the spokes") };
        assert!(links.len() as f64 / links_per_ms < 30.0, "first slice of links: {} items", links.len());
        let Some((Section::Spokes, spokes)) = slices.next(30.0) else { panic!("spokes come first") };
        assert!(spokes.len() as f64 / 160.0 < 30.0);
    }
}

#[test]
fn a_painting_of_nothing_still_clears_and_draws_the_hubs() {
    let painted = paint_all(Slices::new(0, 0, 0, false), 30.0, [1.0; 4]);
    assert_eq!(painted.len(), 1);
    let part = &painted[0].0;
    assert!(part.clear && part.hubs && part.names);
}

#[test]
fn a_whole_painting_draws_everything() {
    let whole = Part::WHOLE;
    assert!(whole.clear && whole.hubs && whole.names);
    assert!(
        whole.spokes.contains(&0) && whole.links.contains(&1_000_000) && whole.stakeholders.contains(&5000)
    );
}
