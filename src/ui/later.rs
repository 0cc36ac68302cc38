//! Values that follow their source one task later. Opening a big map rebuilds the
//! stakeholder table, the links table, the sectors and the findings; built in the
//! one task that opens the map, they froze the page for half a second. Each list reads its rows
//! through [`one_task_later`], so each is built in a task of its own and the page
//! can paint (and take input) between them. A small map's lists follow at once,
//! in the same task, as any other view does.

use leptos::prelude::*;
use std::cell::Cell;
use std::time::Duration;

thread_local! {
    /// Rows were handed on since the picture's last frame (see [`rows_handed_on`]).
    static HANDED_ON: Cell<bool> = const { Cell::new(false) };
}

/// Whether a list was handed new rows since the last call. The browser lays out a
/// big map's new rows in its next frame (40–60 ms for a page of them), so the
/// picture leaves that frame to it and paints in the one after.
pub fn rows_handed_on() -> bool {
    HANDED_ON.with(|h| h.replace(false))
}

/// How many rows of a big map's new page come first, a task before the rest.
const FIRST_ROWS: usize = 25;

/// `rows`, recomputed when what it reads changes, and handed on in a later task
/// while `later` is true (see `AppState::big_map`), at once otherwise.
pub fn one_task_later<T>(
    rows: impl Fn() -> Vec<T> + Send + Sync + 'static,
    later: Memo<bool>,
) -> ReadSignal<Vec<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    one_task_later_in_sight(rows, later, Signal::stored(true))
}

/// [`one_task_later`] for a list that can be out of sight (a table in the folded
/// drawer, or behind another tab): its rows stay as they were until it is in sight
/// again. While a room edits, the map changes several times a second, and the
/// folded tables' rows, rebuilt each time, were a large part of the projector's work.
pub fn one_task_later_in_sight<T>(
    rows: impl Fn() -> Vec<T> + Send + Sync + 'static,
    later: Memo<bool>,
    in_sight: Signal<bool>,
) -> ReadSignal<Vec<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let shown = RwSignal::new(Vec::new());
    // Only the latest rows are handed on: a change made while an earlier one waits
    // replaces it.
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        if !in_sight.get() {
            return;
        }
        let next = rows();
        if !later.get_untracked() {
            latest.update_value(|t| *t = t.wrapping_add(1));
            shown.set(next);
            return;
        }
        let ticket = latest.get_value().wrapping_add(1);
        latest.set_value(ticket);
        // Rows that are mostly new (another page, another map) come in two
        // pieces, a task each: laying out a hundred new rows at once took the
        // browser over 50 ms.
        let changed = shown.with_untracked(|old: &Vec<T>| {
            next.iter().enumerate().filter(|(i, row)| old.get(*i) != Some(*row)).count()
        });
        let first = (changed > 2 * FIRST_ROWS).then(|| next[..FIRST_ROWS].to_vec());
        // Hands rows on unless later ones have come meanwhile.
        let hand_on = move |rows: Vec<T>| {
            if latest.try_get_value() == Some(ticket) {
                shown.try_set(rows);
                HANDED_ON.with(|h| h.set(true));
            }
        };
        set_timeout(
            move || match first {
                Some(first) => {
                    hand_on(first);
                    set_timeout(move || hand_on(next), Duration::ZERO);
                }
                None => hand_on(next),
            },
            Duration::ZERO,
        );
    });
    shown.read_only()
}
