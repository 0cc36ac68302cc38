//! Long lists a page at a time. A map of thousands of stakeholders has thousands
//! of table rows; building them all at once froze the page for seconds (issue 7:
//! never more than 100 ms), so the tables show one page of rows and move between
//! pages.

use std::ops::Range;

/// The pages of a list of `total` rows, `size` rows to a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pages {
    pub total: usize,
    pub size: usize,
}

impl Pages {
    /// Rows per page in the app's tables: a whole workshop map, and one page
    /// builds in about 50–150 ms on a slow machine.
    pub const TABLE: usize = 100;
    /// Findings per page in each group: read one by one, and with their
    /// explanations and suggestions, far longer to lay out than a table's rows.
    pub const FINDINGS: usize = 25;
    /// Findings of one code in a group of their own: fewer a page, so that a map
    /// whose every severity has groups (a map of 5,000 has seven) lists about as
    /// many findings at once as the severities alone did (the page's longest
    /// task after an edit stays under the 100 ms bar).
    pub const FINDING_GROUP: usize = 10;
    /// Rows of the sectors list, each with a colour picker and a name field.
    pub const SECTORS: usize = 50;
    /// Sectors down and across the sector matrix: 400 cells, readable on a wall.
    pub const MATRIX: usize = 20;

    pub fn new(total: usize, size: usize) -> Self {
        Pages { total, size: size.max(1) }
    }

    /// How many pages there are; an empty list still has one (empty) page.
    pub fn count(&self) -> usize {
        self.total.div_ceil(self.size).max(1)
    }

    /// `page` (counted from 0) moved inside the list, for when rows have gone.
    pub fn clamp(&self, page: usize) -> usize {
        page.min(self.count() - 1)
    }

    /// The positions of the rows on `page`, clamped to the list.
    pub fn rows(&self, page: usize) -> Range<usize> {
        let start = self.clamp(page) * self.size;
        start..(start + self.size).min(self.total)
    }

    /// The page on which the row at `position` is.
    pub fn page_of(&self, position: usize) -> usize {
        self.clamp(position / self.size)
    }

    /// Whether the list needs more than one page (and so the page controls).
    pub fn paged(&self) -> bool {
        self.total > self.size
    }
}

/// The rows of a list of `total` rows, each `row_px` high, that lie between
/// `top_px` and `bottom_px` (measured from the list's top), with `beyond` more on
/// each side: the rows a long table builds (the others are stand-ins of their
/// height). A height that is not a positive number builds every row.
pub fn rows_between(top_px: f64, bottom_px: f64, row_px: f64, beyond: usize, total: usize) -> Range<usize> {
    if row_px.is_nan() || row_px <= 0.0 || !top_px.is_finite() || !bottom_px.is_finite() {
        return 0..total;
    }
    // Float to integer casts saturate: a view far above the list is row 0. A view
    // below its end (heights measured since the list was laid out) keeps its last
    // rows.
    let first = ((top_px.max(0.0) / row_px).floor() as usize)
        .saturating_sub(beyond)
        .min(total.saturating_sub(beyond.max(1)));
    let end = ((bottom_px.max(0.0) / row_px).ceil() as usize).saturating_add(beyond).min(total);
    first..end.max(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_between_covers_the_view_and_a_margin() {
        // Rows of 30 px; the view shows 100–400 px of the list: rows 3 to 13.
        assert_eq!(rows_between(100.0, 400.0, 30.0, 0, 100), 3..14);
        assert_eq!(rows_between(100.0, 400.0, 30.0, 5, 100), 0..19);
        // The view above the list's top, as when a caption is in view.
        assert_eq!(rows_between(-200.0, 100.0, 30.0, 2, 100), 0..6);
        // Scrolled past the end, and a view taller than the list.
        assert_eq!(rows_between(5_000.0, 5_300.0, 30.0, 4, 100), 96..100);
        assert_eq!(rows_between(0.0, 10_000.0, 30.0, 4, 100), 0..100);
        assert_eq!(rows_between(0.0, 300.0, 30.0, 4, 0), 0..0);
    }

    #[test]
    fn rows_between_builds_everything_when_it_cannot_measure() {
        assert_eq!(rows_between(0.0, 300.0, 0.0, 4, 50), 0..50);
        assert_eq!(rows_between(0.0, 300.0, f64::NAN, 4, 50), 0..50);
        assert_eq!(rows_between(f64::NAN, 300.0, 30.0, 4, 50), 0..50);
    }

    #[test]
    fn rows_cover_the_list_once_in_order() {
        for (total, size) in [(0, 100), (1, 100), (100, 100), (101, 100), (5_000, 100), (7, 3)] {
            let pages = Pages::new(total, size);
            let listed: Vec<usize> = (0..pages.count()).flat_map(|p| pages.rows(p)).collect();
            assert_eq!(listed, (0..total).collect::<Vec<_>>(), "{total} rows, {size} a page");
            assert!((0..pages.count()).all(|p| pages.rows(p).len() <= size));
        }
    }

    #[test]
    fn a_page_past_the_end_shows_the_last_page() {
        let pages = Pages::new(250, 100);
        assert_eq!(pages.count(), 3);
        assert_eq!(pages.rows(9), 200..250);
        assert_eq!(Pages::new(0, 100).rows(4), 0..0);
    }

    #[test]
    fn page_of_finds_the_page_that_lists_a_row() {
        let pages = Pages::new(5_000, 100);
        for position in [0, 99, 100, 2_345, 4_999] {
            assert!(pages.rows(pages.page_of(position)).contains(&position));
        }
    }

    #[test]
    fn one_page_needs_no_controls_and_a_zero_size_is_one() {
        assert!(!Pages::new(100, 100).paged());
        assert!(Pages::new(101, 100).paged());
        assert_eq!(Pages::new(3, 0).count(), 3);
    }
}
