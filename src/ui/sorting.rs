//! Column headers that sort a table: the first click sorts by the column
//! (numbers largest first, words A to Z), the next reverses it.

use super::state::AppState;
use leptos::prelude::*;
use simpul::i18n::Text;

/// A `<th>` whose button sorts by `column`; `aria-sort` says how the table is sorted.
pub fn sortable_header<C>(
    state: AppState,
    sort: RwSignal<(C, bool)>,
    column: C,
    text: Text,
    starts_descending: bool,
    numeric: bool,
) -> impl IntoView
where
    C: Copy + PartialEq + Send + Sync + 'static,
{
    let aria_sort = move || {
        let (current, descending) = sort.get();
        if current != column {
            "none"
        } else if descending {
            "descending"
        } else {
            "ascending"
        }
    };
    let arrow = move || match aria_sort() {
        "ascending" => " ▲",
        "descending" => " ▼",
        _ => "",
    };
    view! {
        <th scope="col" class:num=numeric aria-sort=aria_sort>
            <button class="sort" on:click=move |_| sort.update(|(current, descending)| {
                if *current == column {
                    *descending = !*descending;
                } else {
                    *current = column;
                    *descending = starts_descending;
                }
            })>
                {move || state.t(text)}<span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// What a row sorts by in one column. Both tables sort through [`order_by`], so
/// the download holds one sort, not one per column type.
#[derive(Clone, Debug, PartialEq)]
pub enum SortKey {
    Number(f64),
    Text(String),
    /// Several words, compared in order (a stakeholder's sectors).
    Texts(Vec<String>),
}

impl SortKey {
    fn compare(&self, other: &SortKey) -> std::cmp::Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.total_cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Texts(a), SortKey::Texts(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        }
    }
}

/// The rows' positions in table order: by `keys`, largest first if `descending`;
/// ties keep the map's order.
pub fn order_by(keys: &[SortKey], descending: bool) -> Vec<usize> {
    simpul::order::positions_in_order(keys.len(), &|a, b| {
        let by = keys[a].compare(&keys[b]);
        if descending {
            by.reverse()
        } else {
            by
        }
    })
}
