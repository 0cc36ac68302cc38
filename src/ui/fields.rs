//! Small form controls shared by the editors, each with a visible, associated label.

use super::state::AppState;
use leptos::prelude::*;
use simpul::i18n::{vocabulary, Lang, Text};
use simpul::model::{LinkKind, Score, StakeholderKind, Stance, Strength};

/// Type a name and press Enter (or the Add button): the fast way to enter things
/// while people call them out. Blank names are ignored; the field clears after.
#[component]
pub fn QuickAdd(
    #[prop(into)] id: String,
    label: Text,
    hint: Text,
    on_add: Callback<String>,
    /// The label is read by screen readers only (the placeholder says what to type).
    #[prop(optional)]
    hide_label: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(String::new());
    let add = move || {
        let name = draft.get_untracked();
        if !name.trim().is_empty() {
            on_add.run(name.trim().to_string());
            draft.set(String::new());
        }
    };
    let id = StoredValue::new(id);
    view! {
        <div class="quick-add">
            <label for=move || id.get_value() class:visually-hidden=hide_label>{state.tr(label)}</label>
            <input
                id=move || id.get_value()
                placeholder=state.tr(hint)
                prop:value=move || draft.get()
                on:input=move |e| draft.set(event_target_value(&e))
                on:keydown=move |e| if e.key() == "Enter" { add() }
            />
            <button on:click=move |_| add()>{state.tr(Text::Add)}</button>
        </div>
    }
}

/// A labelled `<select>`. `options` are `(value, label)` pairs.
#[component]
pub fn Choice(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView {
    let id = StoredValue::new(id);
    view! {
        <div class="field">
            <label for=move || id.get_value() class:visually-hidden=hide_label>{label}</label>
            // The value is a property of the select, so choosing one does not rebuild
            // the options (thousands of them in a big map's stakeholder lists); and
            // the options are keyed, so a stakeholder added (several a second while
            // a room edits) adds one option rather than touching all of them.
            <select id=move || id.get_value() prop:value=move || value.get()
                on:change=move |e| on_change.run(event_target_value(&e))>
                <For each=move || options.get() key=|option| option.clone() let:option>
                    {
                        let (v, text) = option;
                        view! { <option selected=v == value.get_untracked() value=v>{text}</option> }
                    }
                </For>
            </select>
        </div>
    }
}

/// `(value, label)` pairs for a numeric scale, each number with its meaning.
pub fn scale_options(
    values: impl Iterator<Item = i64>,
    describe: impl Fn(i64) -> String,
) -> Vec<(String, String)> {
    values.map(|v| (v.to_string(), describe(v))).collect()
}

/// The choices of a stakeholder's kind, as every editor of it lists them.
pub fn stakeholder_kind_options(lang: Lang) -> Vec<(String, String)> {
    StakeholderKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), vocabulary::stakeholder_kind(*k, lang).to_string()))
        .collect()
}

/// The choices of a 1–5 score (power, interest), each with its meaning.
pub fn score_options(lang: Lang) -> Vec<(String, String)> {
    scale_options(Score::all().map(|s| i64::from(s.get())), |v| {
        format!("{v} – {}", Text::score_word(v, lang))
    })
}

/// The choices of a stance, −2 … +2, each with its meaning.
pub fn stance_options(lang: Lang) -> Vec<(String, String)> {
    scale_options(Stance::all().map(|s| i64::from(s.get())), |v| {
        format!("{v:+} – {}", vocabulary::stance(v as i8, lang))
    })
}

/// The choices of a link's kind.
pub fn link_kind_options(lang: Lang) -> Vec<(String, String)> {
    LinkKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), vocabulary::link_kind(*k, lang).to_string()))
        .collect()
}

/// The choices of a link's 1–3 strength, each with its meaning.
pub fn strength_options(lang: Lang) -> Vec<(String, String)> {
    scale_options(Strength::all().map(|s| i64::from(s.get())), |v| {
        format!("{v} – {}", Text::strength_word(v, lang))
    })
}
