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
                on:click=move |e| {
                    page.set(to(current(), last()));
                    back_to_the_top(&e);
                }>
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

/// A new page is read from its first row: the list the pager was clicked under
/// (the pager's parent holds both) is brought back into view from its top, if its
/// top had scrolled out of sight.
fn back_to_the_top(event: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let list = event
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest(".pager").ok().flatten())
        .and_then(|pager| pager.parent_element());
    if let Some(list) = list.filter(|l| l.get_bounding_client_rect().top() < 0.0 || above_its_scroller(l)) {
        list.scroll_into_view_with_bool(true);
    }
}

/// Whether `element`'s top is above the top of the panel that scrolls it.
fn above_its_scroller(element: &web_sys::Element) -> bool {
    let top = element.get_bounding_client_rect().top();
    let mut parent = element.parent_element();
    while let Some(p) = parent {
        if p.scroll_height() > p.client_height() && p.scroll_top() > 0 {
            return top < p.get_bounding_client_rect().top();
        }
        parent = p.parent_element();
    }
    false
}
