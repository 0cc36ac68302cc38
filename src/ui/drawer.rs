//! The bottom drawer under the map: the data tables (Stakeholders, Links,
//! Sectors) behind tabs. It folds down to its tab strip and its top edge drags
//! to resize; both are remembered (see `workspace`).

use super::links::LinksSection;
use super::sectors::SectorsSection;
use super::splitter::Splitter;
use super::stakeholders::StakeholdersSection;
use super::state::AppState;
use super::workspace::{DrawerTab, Panel, Workspace};
use leptos::prelude::*;
use simpul::i18n::Text;

const TABS: [(DrawerTab, Text, &str); 3] = [
    (DrawerTab::Stakeholders, Text::StakeholdersHeading, "drawer-stakeholders"),
    (DrawerTab::Links, Text::LinksHeading, "drawer-links"),
    (DrawerTab::Sectors, Text::SectorsHeading, "drawer-sectors"),
];

#[component]
pub fn Drawer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let workspace = expect_context::<Workspace>();
    let tab = workspace.drawer_tab;
    let open = workspace.drawer_open;
    let shown = move |t: DrawerTab| tab.get() == t;
    let count = move |t: DrawerTab| {
        state.content.with(|m| match t {
            DrawerTab::Stakeholders => m.stakeholders.len(),
            DrawerTab::Links => m.links.len(),
            DrawerTab::Sectors => m.sectors.len(),
        })
    };
    let choose = move |t: DrawerTab| {
        tab.set(t);
        if !open.get_untracked() {
            open.set(true);
        }
    };
    view! {
        <section class="drawer" class:folded=move || !open.get() aria-label=state.tr(Text::DataTables)>
            <Splitter panel=Panel::Drawer/>
            <div class="drawer-bar">
                <div role="tablist" class="tabs drawer-tabs" aria-label=state.tr(Text::DataTables)>
                    {TABS.into_iter().map(|(t, label, id)| view! {
                        <button type="button" role="tab" id=format!("{id}-tab") aria-controls=id
                            aria-selected=move || (shown(t) && open.get()).to_string()
                            tabindex=move || if shown(t) { "0" } else { "-1" }
                            on:click=move |_| choose(t)
                            on:keydown=move |e| {
                                let step = match e.key().as_str() { "ArrowRight" => 1, "ArrowLeft" => 2, _ => 0 };
                                if step > 0 {
                                    let at = TABS.iter().position(|x| x.0 == t).unwrap_or(0);
                                    let next = TABS[(at + step) % TABS.len()];
                                    choose(next.0);
                                    // At once: the next key press goes to the tab it moved to.
                                    super::web::focus_now(&format!("{}-tab", next.2));
                                }
                            }>
                            {state.tr(label)}
                            <span class="count">{move || count(t)}</span>
                        </button>
                    }).collect_view()}
                </div>
                <button type="button" class="quiet fold" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▴ " }}</span>
                    {move || state.t(if open.get() { Text::HideTables } else { Text::ShowTables })}
                </button>
            </div>
            <div class="drawer-body" hidden=move || !open.get()>
                <div role="tabpanel" id="drawer-stakeholders" aria-labelledby="drawer-stakeholders-tab" class="drawer-panel"
                    hidden=move || !shown(DrawerTab::Stakeholders)>
                    <StakeholdersSection/>
                </div>
                <div role="tabpanel" id="drawer-links" aria-labelledby="drawer-links-tab" class="drawer-panel"
                    hidden=move || !shown(DrawerTab::Links)>
                    <LinksSection/>
                </div>
                <div role="tabpanel" id="drawer-sectors" aria-labelledby="drawer-sectors-tab" class="drawer-panel"
                    hidden=move || !shown(DrawerTab::Sectors)>
                    <SectorsSection/>
                </div>
            </div>
        </section>
    }
}
