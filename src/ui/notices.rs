//! Messages about storage and edits, as toasts over the workspace: errors in an
//! alert region until dismissed, news in a status region that goes away by
//! itself (`AppState::notify`); conflicts offer their two ways out.

use super::on_demand::{part, when_fetched};
use super::state::{AppState, Notice};
use leptos::prelude::*;
use simpul::i18n::Text;
use simpul::storage::StorageProblem;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let alerts = move || {
        state
            .notices
            .with(|n| n.iter().filter(|(_, n)| !matches!(n, Notice::Info(..))).cloned().collect::<Vec<_>>())
    };
    let news = move || {
        state
            .notices
            .with(|n| n.iter().filter(|(_, n)| matches!(n, Notice::Info(..))).cloned().collect::<Vec<_>>())
    };
    view! {
        <div class="toasts">
        <div class="notices" role="alert" aria-live="assertive">
            <For each=alerts key=|(id, _)| *id let:item>
                {when_fetched(notice_view(item.0, item.1))}
            </For>
        </div>
        <div class="notices news" role="status" aria-live="polite">
            <For each=news key=|(id, _)| *id let:item>
                {when_fetched(notice_view(item.0, item.1))}
            </For>
        </div>
        <super::sharing::ShareLinkResult/>
        </div>
    }
}

part!(
    panels,
    /// A notice's words and buttons come with the panels, fetched as the page
    /// starts: the regions they go in are there from the first paint, so that
    /// screen readers announce what comes into them.
    fn notice_view(id: u32, notice: Notice) => view! { <NoticeView id notice/> }
);

#[component]
fn NoticeView(id: u32, notice: Notice) -> impl IntoView {
    let state = expect_context::<AppState>();
    let is_info = matches!(notice, Notice::Info(..));
    let text = {
        let notice = notice.clone();
        move || {
            let lang = state.lang.get();
            match &notice {
                Notice::Storage(problem) => problem.message(lang),
                Notice::Edit(error) => format!("{} {}", Text::EditRefused.get(lang), error.message(lang)),
                Notice::Link(error) => format!("{} {}", Text::LinkRefused.get(lang), error.message(lang)),
                Notice::Info(template, value) | Notice::Problem(template, value) => {
                    template.get(lang).replace("{}", value)
                }
            }
        }
    };
    let conflict_key = match &notice {
        Notice::Storage(StorageProblem::Conflict { key, .. }) => Some(key.clone()),
        _ => None,
    };
    let no_room_in_trash = match &notice {
        Notice::Storage(StorageProblem::NoRoomInTrash { key, .. }) => Some(key.clone()),
        _ => None,
    };
    let offers_copy = matches!(
        notice,
        Notice::Storage(StorageProblem::Conflict { .. } | StorageProblem::DeletedElsewhere { .. })
    );
    view! {
        <div class="notice" class:info=is_info>
            <p>{text}</p>
            {conflict_key.map(|key| view! {
                <button on:click=move |_| { state.dismiss(id); state.load_theirs(&key); }>
                    {state.tr(Text::LoadOtherVersion)}
                </button>
            })}
            {no_room_in_trash.map(|key| view! {
                <button class="danger" on:click=move |_| { state.dismiss(id); state.delete_for_good(&key); }>
                    {state.tr(Text::DeleteForGoodInstead)}
                </button>
            })}
            {offers_copy.then(|| view! {
                <button on:click=move |_| { state.dismiss(id); state.keep_mine_as_copy(); }>
                    {state.tr(Text::KeepMineAsCopy)}
                </button>
            })}
            <button class="quiet" on:click=move |_| state.dismiss(id)>
                {state.tr(Text::Dismiss)}
            </button>
        </div>
    }
}
