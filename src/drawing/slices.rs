//! A painting of a big map cut into slices, each painted (and rasterised) in a
//! frame of its own, so that no frame freezes the page (PRODUCT.md §6: no task
//! over 100 ms). Painting 5,000 stakeholders and 15,000 links at once takes the
//! browser 50 to 250 ms; in slices, the picture shown changes a few times a
//! second and the page answers in between.
//!
//! The items of a painting are numbered in the order they are painted: the spokes
//! to the sector hubs, the links, the stakeholders (with the hubs), and one last
//! item for the names and the selection. A slice never crosses from one section
//! to the next, and its length follows the speed measured on its section's last
//! slice, starting from a cautious guess.

use std::ops::Range;

/// The sections of a painting, in painting order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Spokes,
    Links,
    Stakeholders,
    Names,
}

const SECTIONS: [Section; 4] = [Section::Spokes, Section::Links, Section::Stakeholders, Section::Names];

/// What one call of the painter draws: a range of each section's items (by their
/// index in the layout's memberships, the map's links and its stakeholders), and
/// whether the canvas is cleared first, the sector hubs drawn, and the names and
/// the selection drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub clear: bool,
    pub spokes: Range<usize>,
    pub links: Range<usize>,
    pub hubs: bool,
    pub stakeholders: Range<usize>,
    pub names: bool,
}

impl Part {
    /// Everything at once: a small map, or an exported picture.
    pub const WHOLE: Part = Part {
        clear: true,
        spokes: 0..usize::MAX,
        links: 0..usize::MAX,
        hubs: true,
        stakeholders: 0..usize::MAX,
        names: true,
    };
}

/// How a painting goes, slice by slice.
#[derive(Clone, Debug)]
pub struct Slices {
    /// Items in each section.
    counts: [usize; 4],
    /// Items painted so far, counted across the sections in order.
    done: usize,
    /// Items painted per millisecond in each section: a guess, then measured.
    speed: [f64; 4],
}

/// Slices never shrink below this many items, so that a painting always moves on.
const FEWEST: usize = 16;

impl Slices {
    /// A painting of this many spokes, links and stakeholders. `sketch`: the links
    /// are hairlines (a big map's layout still moving), far quicker to rasterise
    /// than the wide, dashed lines of a resting picture.
    pub fn new(spokes: usize, links: usize, stakeholders: usize, sketch: bool) -> Self {
        // Guesses on the slow side of what headless Chromium rasterises in
        // software: a slice that comes out shorter than its budget only costs a
        // frame, one that comes out longer freezes the page.
        let link_speed = if sketch { 80.0 } else { 8.0 };
        Self { counts: [spokes, links, stakeholders, 1], done: 0, speed: [80.0, link_speed, 50.0, 1.0] }
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn is_done(&self) -> bool {
        self.done >= self.total()
    }

    /// How far the painting has got, from 0 to 1.
    pub fn progress(&self) -> f64 {
        self.done as f64 / self.total().max(1) as f64
    }

    /// The section the next slice is in, and the range of its items painted so far.
    fn position(&self) -> Option<(usize, usize)> {
        let mut start = 0;
        for (s, count) in self.counts.iter().enumerate() {
            if self.done < start + count {
                return Some((s, self.done - start));
            }
            start += count;
        }
        None
    }

    /// The next slice, sized to take about `budget_ms`: `None` once all is painted.
    pub fn next(&self, budget_ms: f64) -> Option<(Section, Range<usize>)> {
        let (s, from) = self.position()?;
        let left = self.counts[s] - from;
        let wanted = (self.speed[s] * budget_ms.max(0.0)).floor() as usize;
        let take = wanted.max(FEWEST).min(left);
        Some((SECTIONS[s], from..from + take))
    }

    /// What the painter draws for a slice of `section`: the slice [`Slices::next`]
    /// gave, before it is recorded as painted.
    pub fn part(&self, section: Section, items: Range<usize>) -> Part {
        let mut part = Part {
            clear: self.done == 0,
            spokes: 0..0,
            links: 0..0,
            hubs: false,
            stakeholders: 0..0,
            names: false,
        };
        match section {
            Section::Spokes => part.spokes = items,
            Section::Links => part.links = items,
            Section::Stakeholders => {
                // Under the stakeholders: with their first slice.
                part.hubs = items.start == 0;
                part.stakeholders = items;
            }
            Section::Names => {
                part.hubs = self.counts[2] == 0;
                part.names = true;
            }
        }
        part
    }

    /// Records that a slice of `section` with `items` items was painted in
    /// `ms`, and learns the section's speed from it. The speed may at most double
    /// from one slice to the next: a slice too quick to time says little.
    pub fn painted(&mut self, section: Section, items: usize, ms: f64) {
        self.done += items;
        let s = SECTIONS.iter().position(|x| *x == section).unwrap_or(0);
        let measured = items as f64 / ms.max(0.1);
        if measured.is_finite() && measured > 0.0 {
            self.speed[s] = measured.min(2.0 * self.speed[s]);
        }
    }
}
