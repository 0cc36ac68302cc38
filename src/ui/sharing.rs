//! Share links in the UI: the preview banner for a map opened from a link, and
//! "Copy share link" with the link's length and a warning when it is long.

use super::on_demand::{part, when_fetched};
use super::state::AppState;
use super::web;
use leptos::prelude::*;
use simpul::format::COMFORTABLE_LINK_LENGTH;
use simpul::i18n::Text;

/// Shown while a shared map is previewed: nothing is saved until the user says so.
#[component]
pub fn PreviewBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.is_preview()>
            <section class="preview-banner" aria-labelledby="preview-text">
                <p id="preview-text">{state.tr(Text::PreviewBanner)}</p>
                <button class="primary" on:click=move |_| state.save_preview()>{state.tr(Text::SaveToMyMaps)}</button>
                <button on:click=move |_| state.close_preview()>{state.tr(Text::ClosePreview)}</button>
            </section>
        </Show>
    }
}

/// *Copy share link*, in the File menu: the link goes to the clipboard and is
/// shown, with its length, by [`ShareLinkResult`].
#[component]
pub fn ShareLinkButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            let Some(link) = state.share_link().await else { return };
            let copied = web::copy_text(&link).await;
            state.shared_link.set(Some((link, copied)));
        });
    };
    let has_map = move || state.doc.with(Option::is_some);
    view! {
        <button type="button" class="menu-item" on:click=copy disabled=move || !has_map()>{state.tr(Text::CopyShareLink)}</button>
    }
}

/// The link just copied, with its length and a warning when it is long, until dismissed.
#[component]
pub fn ShareLinkResult() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div role="status" class="share-link-region">
            {move || state.shared_link.get().map(|(link, copied)| when_fetched(share_link_toast(link, copied)))}
        </div>
    }
}

part!(share, fn share_link_toast(link: String, copied: bool) => view! { <ShareLinkToast link copied/> });

#[component]
fn ShareLinkToast(link: String, copied: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let length = link.chars().count();
    let told = if copied { Text::ShareLinkCopied } else { Text::ShareLinkCopyByHand };
    view! {
        <div class="share-link toast">
            <p>{move || state.t(told).replace("{}", &length.to_string())}</p>
            {(length > COMFORTABLE_LINK_LENGTH).then(|| view! {
                <p class="warning">{move || state.t(Text::ShareLinkTooLong).replace("{}", &COMFORTABLE_LINK_LENGTH.to_string())}</p>
            })}
            <label>
                <span class="visually-hidden">{state.tr(Text::ShareLink)}</span>
                <input class="share-link-text" readonly prop:value=link.clone()
                    on:focus=|e| web::select_field(&e)/>
            </label>
            <button class="quiet" on:click=move |_| state.shared_link.set(None)>{state.tr(Text::Dismiss)}</button>
        </div>
    }
}
