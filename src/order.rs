//! One sort for the whole page.
//!
//! Each `sort_by` of another element type or comparator is another copy of the
//! standard library's sort in the compiled code, 2 to 3 KB of the page's first
//! download each. The lists the page sorts (names to label, its maps, their
//! versions, the layout's springs) go through [`sort_with`] instead, which sorts
//! positions with one comparator behind a reference: one copy of the sort, however
//! many lists. The computing code in the worker keeps its own sorts, for speed.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them; positions that
/// compare equal keep their order (a stable sort).
///
/// O(n log n) comparisons, each a call through `compare`.
pub fn positions_in_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Ties broken by position make the order total, so the unstable sort (less
    // code than the stable one) gives the stable result.
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `items` by `compare`, stably, as `slice::sort_by` does.
///
/// O(n log n) comparisons, then n swaps.
pub fn sort_with<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = positions_in_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    // Position k takes the item at order[k]: follow each cycle of the permutation,
    // swapping each item into place once.
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_names() {
        let mut names = vec!["Waste bank", "Agency", "NGO", "Agency"];
        sort_with(&mut names, &|a, b| a.cmp(b));
        assert_eq!(names, ["Agency", "Agency", "NGO", "Waste bank"]);
    }
}
