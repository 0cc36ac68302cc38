//! The legend over the network picture: shapes and colours by kind, dashes by
//! kind of link, the one-way arrow, sector hubs, stance marks and size. Toggled
//! from the picture's tools and remembered; shown, it goes into the SVG and PNG
//! exports too.

use super::state::AppState;
use super::workspace::Workspace;
use leptos::prelude::*;
use simpul::drawing::legend;
use simpul::i18n::Text;

#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let workspace = expect_context::<Workspace>();
    // Coloured by community, the legend lists the communities as the analysis found them.
    let fill = Memo::new(move |_| workspace.community_fill(state));
    let groups = move || {
        let lang = state.lang.get();
        fill.with(|fill| state.content.with(|m| legend::groups_for(m, lang, fill.as_ref())))
            .into_iter()
            .map(|(heading, entries)| {
                view! {
                    <div class="legend-group">
                        <h3>{heading}</h3>
                        <ul>
                            {entries.into_iter().map(|entry| view! {
                                // The mark is the fixed vocabulary's shape, never the user's text.
                                <li><span class="legend-mark" inner_html=legend::mark_svg(entry.mark)></span>{entry.label}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || workspace.legend.get()>
            <section class="legend floating" aria-labelledby="legend-heading">
                <h2 id="legend-heading" class="visually-hidden">{state.tr(Text::Legend)}</h2>
                {groups}
            </section>
        </Show>
    }
}
