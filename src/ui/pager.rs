//! The controls under a long table: which rows are shown, and buttons to the
//! first, previous, next and last page. Shown only when the list has more than one
//! page (see `simpul::pages`).

use super::state::AppState;
use leptos::prelude::*;
use simpul::i18n::Text;
use simpul::pages::Pages;

#[component]
pub fn Pager(
    /// The list's pages, which follow its length.
    #[prop(into)]
    pages: Signal<Pages>,
    /// The page shown, counted from 0.
    page: RwSignal<usize>,
    /// The list's name, for the controls' label ("Pages of …").
    list: Text,
    /// A name in place of `list`'s, for a list that has none of its own in the
    /// texts (a group of findings named by their code).
    #[prop(optional)]
    named: Option<Signal<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = move || pages.get().clamp(page.get());
    let last = move || pages.get().count() - 1;
    let shown = move || {
        let pages = pages.get();
        let rows = pages.rows(page.get());
        state
            .t(Text::PageRows)
            .replacen("{}", &(rows.start + 1).to_string(), 1)
            .replacen("{}", &rows.end.to_string(), 1)
            .replacen("{}", &pages.total.to_string(), 1)
    };
    let button = move |text: Text, to: fn(usize, usize) -> usize, at_end: fn(usize, usize) -> bool| {
        view! {
            <button type="button" class="quiet" disabled=move || at_end(current(), last())
                on:click=move |_| page.set(to(current(), last()))>
                {state.tr(text)}
            </button>
        }
    };
    view! {
        <Show when=move || pages.get().paged()>
            <nav class="pager" aria-label=move || {
                let name = named.map_or_else(|| state.t(list).to_string(), |n| n.get());
                state.t(Text::PagesOf).replace("{}", &name)
            }>
                {button(Text::PageFirst, |_, _| 0, |now, _| now == 0)}
                {button(Text::PagePrevious, |now, _| now.saturating_sub(1), |now, _| now == 0)}
                <span class="pager-rows" aria-live="polite">{shown}</span>
                {button(Text::PageNext, |now, last| (now + 1).min(last), |now, last| now >= last)}
                {button(Text::PageLast, |_, last| last, |now, last| now >= last)}
            </nav>
        </Show>
    }
}
