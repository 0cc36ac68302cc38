//! The keyboard help (`?` anywhere outside a text field, or the top bar's button):
//! every shortcut of the app in one table.

use super::on_demand::{part, when_fetched};
use super::state::AppState;
use leptos::prelude::*;
use simpul::i18n::Text;

/// (keys, what they do), in the order shown.
const SHORTCUTS: &[(&str, Text)] = &[
    ("?", Text::KeyHelp),
    ("Ctrl+Z", Text::KeyUndo),
    ("Ctrl+Shift+Z, Ctrl+Y", Text::KeyRedo),
    ("Enter", Text::KeyAdd),
    ("← →", Text::KeyTabs),
    ("[ ]", Text::KeyNextStakeholder),
    ("← ↑ → ↓", Text::KeyPan),
    ("Shift + ← ↑ → ↓", Text::KeyMove),
    ("+ − 0", Text::KeyZoom),
    ("F", Text::KeyFocus),
    ("L, Enter", Text::KeyLink),
    ("P", Text::KeyPin),
    ("Delete", Text::KeyDelete),
    ("↑ ↓ ← →", Text::KeyRescore),
    ("W", Text::KeyWorkshop),
    ("→ ←", Text::KeyWorkshopSteps),
    ("N", Text::KeyWorkshopAdd),
    ("Esc", Text::KeyEscape),
];

#[component]
pub fn KeyboardHelp() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || state.help.get().then(|| when_fetched(help_dialog()))
}

part!(help, fn help_dialog() => view! { <HelpDialog/> });

#[component]
fn HelpDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    super::web::focus_by_id("help-close");
    let rows = SHORTCUTS
        .iter()
        .map(|&(keys, what)| view! { <tr><th scope="row"><kbd>{keys}</kbd></th><td>{state.tr(what)}</td></tr> })
        .collect_view();
    view! {
        <div class="help-backdrop">
            <div class="help card" role="dialog" aria-modal="true" aria-labelledby="help-heading">
                <h2 id="help-heading">{state.tr(Text::KeyboardShortcuts)}</h2>
                <table class="data">
                    <caption class="visually-hidden">{state.tr(Text::KeyboardShortcuts)}</caption>
                    <thead><tr><th scope="col">{state.tr(Text::Keys)}</th><th scope="col">{state.tr(Text::Action)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <button id="help-close" on:click=move |_| state.help.set(false)>{state.tr(Text::Close)}</button>
            </div>
        </div>
    }
}
