//! Values that follow their source one task later. Opening a big map rebuilds the
//! stakeholder table, the links table and the findings; built in the one task that
//! opens the map, they froze the page for half a second. Each list reads its rows
//! through [`one_task_later`], so each is built in a task of its own and the page
//! can paint (and take input) between them. A small map's lists follow at once,
//! in the same task, as any other view does.

use leptos::prelude::*;
use std::time::Duration;

/// `rows`, recomputed when what it reads changes, and handed on in a later task
/// while `later` is true (see `AppState::big_map`), at once otherwise.
pub fn one_task_later<T>(rows: impl Fn() -> Vec<T> + Send + Sync + 'static, later: Memo<bool>) -> ReadSignal<Vec<T>>
where
    T: Clone + Send + Sync + 'static,
{
    let shown = RwSignal::new(Vec::new());
    // Only the latest rows are handed on: a change made while an earlier one waits
    // replaces it.
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        let next = rows();
        if !later.get_untracked() {
            latest.update_value(|t| *t = t.wrapping_add(1));
            shown.set(next);
            return;
        }
        let ticket = latest.get_value().wrapping_add(1);
        latest.set_value(ticket);
        set_timeout(
            move || {
                if latest.try_get_value() == Some(ticket) {
                    shown.try_set(next);
                }
            },
            Duration::ZERO,
        );
    });
    shown.read_only()
}
