//! Small form controls shared by the editors, each with a visible, associated label.

use leptos::prelude::*;

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
            <select id=move || id.get_value() on:change=move |e| on_change.run(event_target_value(&e))>
                {move || {
                    let current = value.get();
                    options.get().into_iter().map(|(v, text)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

/// `(value, label)` pairs for a numeric scale, each number with its meaning.
pub fn scale_options(values: impl Iterator<Item = i64>, describe: impl Fn(i64) -> String) -> Vec<(String, String)> {
    values.map(|v| (v.to_string(), describe(v))).collect()
}
