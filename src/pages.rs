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

#[cfg(test)]
mod tests {
    use super::*;

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
