//! Links: choose two stakeholders to link them, then edit or delete each link.

use super::fields::{link_kind_options, Choice};
use super::later::one_task_later_in_sight;
use super::on_demand::{part, when_fetched};
use super::pager::Pager;
use super::sorting::{order_by, SortKey};
use super::state::AppState;
use super::web;
use super::workspace::{DrawerTab, Workspace};
use leptos::prelude::*;
use simpul::edit::Command;
use simpul::i18n::{vocabulary, Text};
use simpul::letter_case::lower;
use simpul::model::{Link, LinkKind, Map, StakeholderId, Strength};
use simpul::pages::Pages;
use std::collections::{HashMap, HashSet};

/// The option lists are memos made once for the whole table: each of its rows
/// shares them, instead of listing the kinds and strengths again.
fn kind_options(state: AppState) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| link_kind_options(state.lang.get()))
}

fn strength_options(state: AppState) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| super::fields::strength_options(state.lang.get()))
}

/// The most stakeholders the link form lists: a list of thousands of names is no
/// help to anyone, and building two lists of 500 took 40 ms. Quick entry (`A > B`) and
/// the picture's L key link stakeholders of any map.
const MOST_LISTED: usize = 250;

/// The stakeholders to link, by name. A memo: an edit that leaves the names alone
/// (a score, a position) does not rebuild the thousands of options of a big map.
fn stakeholder_options(state: AppState) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        let mut options = vec![(String::new(), state.t(Text::Choose).to_string())];
        state.content.with(|m| {
            options.extend(m.stakeholders.iter().map(|s| (s.id.to_string(), s.name.clone())));
        });
        options
    })
}

/// Fetched with the other tables once the first map is shown.
#[component]
pub fn LinksSection() -> impl IntoView {
    when_fetched(links_section())
}

part!(panels, fn links_section() => view! { <LinksSectionBody/> });

#[component]
fn LinksSectionBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new(LinkKind::default().code().to_string());
    let directed = RwSignal::new(false);
    let strength = RwSignal::new(Strength::DEFAULT.get().to_string());
    let add = move |_| {
        let (from_id, to_id) = (from.get_untracked(), to.get_untracked());
        if from_id.is_empty() || to_id.is_empty() {
            return;
        }
        let author = state.link_author();
        let mut link = state.map.with_untracked(|m| {
            Link::new(m.fresh_link_id_by(&author), StakeholderId::new(from_id), StakeholderId::new(to_id))
        });
        link.kind = LinkKind::from_code(&kind.get_untracked()).unwrap_or_default();
        link.directed = directed.get_untracked();
        link.strength = strength.get_untracked().parse().ok().and_then(Strength::new).unwrap_or_default();
        let index = state.map.with_untracked(|m| m.links.len());
        state.dispatch(Command::InsertLink { index, link });
        to.set(String::new());
    };
    let stakeholders = stakeholder_options(state);
    let open_row = RwSignal::new(None::<String>);
    let kinds = kind_options(state);
    let strengths = strength_options(state);
    let can_link = move || state.content.with(|m| m.stakeholders.len() >= 2);
    let listable = move || state.content.with(|m| m.stakeholders.len() <= MOST_LISTED);
    let sort = RwSignal::new((LinkColumn::MapOrder, false));
    // The rows in table order, as positions in the map (see the stakeholders table).
    let order = Memo::new(move |_| {
        let (column, descending) = sort.get();
        state.content.with(|m| {
            if column == LinkColumn::MapOrder {
                return (0..m.links.len()).collect();
            }
            let between = if column == LinkColumn::Between { between(m, &m.links) } else { Vec::new() };
            let keys: Vec<SortKey> =
                m.links.iter().enumerate().map(|(i, l)| column.key(l, between.get(i))).collect();
            order_by(&keys, descending)
        })
    });
    let pages = Signal::derive(move || Pages::new(state.content.with(|m| m.links.len()), Pages::TABLE));
    let page = RwSignal::new(0);
    // A link chosen elsewhere (the picture) is on the page shown.
    Effect::new(move |_| {
        let Some(id) = state.selected_link.get() else { return };
        let position = state.content.with_untracked(|m| m.links.iter().position(|l| l.id == id));
        if let Some(row) = position.and_then(|p| order.with_untracked(|o| o.iter().position(|&i| i == p))) {
            page.set(pages.get_untracked().page_of(row));
        }
    });
    // Built in a task of its own (see `later`).
    let rows = one_task_later_in_sight(
        move || {
            let shown = pages.get().rows(page.get());
            state.content.with(|m| {
                order.with(|o| {
                    let links: Vec<Link> = o
                        .get(shown)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|&i| m.links.get(i).cloned())
                        .collect();
                    let names = between(m, &links);
                    links.into_iter().zip(names).collect::<Vec<_>>()
                })
            })
        },
        state.big_map,
        expect_context::<Workspace>().table_in_sight(DrawerTab::Links),
    );
    let header = move |column: LinkColumn, text: Text| {
        super::sorting::sortable_header(state, sort, column, text, column.starts_descending(), false)
    };
    view! {
        <div class="drawer-section">
            <Show when=can_link fallback=move || view! { <p class="hint">{state.tr(Text::NeedTwoStakeholders)}</p> }>
            <Show when=listable fallback=move || view! { <p class="hint">{state.tr(Text::TooManyToList)}</p> }>
                <div class="link-form" role="group" aria-label=state.tr(Text::AddLink)>
                    <Choice id="link-from" label=Signal::derive(move || state.t(Text::From).to_string())
                        options=stakeholders value=from on_change=Callback::new(move |v| from.set(v))/>
                    <Choice id="link-to" label=Signal::derive(move || state.t(Text::To).to_string())
                        options=stakeholders value=to on_change=Callback::new(move |v| to.set(v))/>
                    <Choice id="link-kind" label=Signal::derive(move || state.t(Text::LinkKind).to_string())
                        options=kinds value=kind on_change=Callback::new(move |v| kind.set(v))/>
                    <Choice id="link-strength" label=Signal::derive(move || state.t(Text::Strength).to_string())
                        options=strengths value=strength on_change=Callback::new(move |v| strength.set(v))/>
                    <label class="check">
                        <input type="checkbox" prop:checked=directed on:change=move |e| directed.set(event_target_checked(&e))/>
                        {state.tr(Text::Directed)}
                    </label>
                    <button on:click=add disabled=move || from.get().is_empty() || to.get().is_empty()>
                        {state.tr(Text::AddLink)}
                    </button>
                </div>
            </Show>
            </Show>
            <Show when=move || state.content.with(|m| !m.links.is_empty())>
                <table class="data">
                    <caption>{state.tr(Text::LinksTable)}</caption>
                    <thead>
                        <tr>
                            {header(LinkColumn::Between, Text::Between)}
                            {header(LinkColumn::Kind, Text::LinkKind)}
                            {header(LinkColumn::Strength, Text::Strength)}
                            {header(LinkColumn::Directed, Text::Directed)}
                            {header(LinkColumn::Notes, Text::Notes)}
                            <th scope="col"><span class="visually-hidden">{state.tr(Text::Actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=web::row_key let:row>
                            <LinkRow link=row.0 between=row.1 kinds=kinds strengths=strengths open=open_row/>
                        </For>
                    </tbody>
                </table>
                <Pager pages=pages page=page list=Text::LinksHeading/>
            </Show>
        </div>
    }
}

/// The columns the links table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LinkColumn {
    MapOrder,
    Between,
    Kind,
    Strength,
    Directed,
    Notes,
}

impl LinkColumn {
    /// What `link` sorts by in this column; `between` is what the table shows it is between.
    fn key(self, link: &Link, between: Option<&String>) -> SortKey {
        match self {
            LinkColumn::MapOrder => SortKey::Number(0.0),
            LinkColumn::Between => SortKey::Text(between.map(|b| lower(b)).unwrap_or_default()),
            LinkColumn::Kind => {
                SortKey::Number(LinkKind::ALL.iter().position(|k| *k == link.kind).unwrap_or_default() as f64)
            }
            LinkColumn::Strength => SortKey::Number(f64::from(link.strength.get())),
            LinkColumn::Directed => SortKey::Number(if link.directed { 1.0 } else { 0.0 }),
            LinkColumn::Notes => SortKey::Text(lower(&link.notes)),
        }
    }

    /// Numbers read best largest first; words, A to Z.
    fn starts_descending(self) -> bool {
        matches!(self, LinkColumn::Strength | LinkColumn::Directed)
    }
}

/// What each of `links` is between, as the table (and the inspector) shows it ("A → B", or "A — B"
/// when undirected): the names are found in one pass over the stakeholders.
pub(super) fn between(map: &Map, links: &[Link]) -> Vec<String> {
    let ends: HashSet<&StakeholderId> = links.iter().flat_map(|l| [&l.from, &l.to]).collect();
    let names: HashMap<&StakeholderId, &str> =
        map.stakeholders.iter().filter(|s| ends.contains(&s.id)).map(|s| (&s.id, s.name.as_str())).collect();
    let name = |id: &StakeholderId| names.get(id).copied().unwrap_or_default();
    links
        .iter()
        .map(|l| format!("{} {} {}", name(&l.from), if l.directed { "→" } else { "—" }, name(&l.to)))
        .collect()
}

#[component]
fn LinkRow(
    link: Link,
    /// The row's stakeholders, from [`between`].
    between: String,
    kinds: Memo<Vec<(String, String)>>,
    strengths: Memo<Vec<(String, String)>>,
    /// The id of the row open for editing, if any.
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = StoredValue::new(between);
    let label = move |what: Text| names.with_value(|n| format!("{} ({n})", state.t(what)));
    let base = StoredValue::new(link.clone());
    let replace = move |change: Box<dyn FnOnce(&mut Link)>| {
        let mut link = base.get_value();
        change(&mut link);
        state.dispatch(Command::ReplaceLink(link));
    };
    let row = link.id.to_string();
    let id = link.id.clone();
    // A row reads as text until the user edits it: a page of rows each with two
    // drop-down lists, a check box and a field was thousands of elements to style
    // and lay out, and the slowest part of opening a big map.
    // Which row is open is kept by the table: an edit rebuilds the row, which stays open.
    let editing = {
        let id = link.id.to_string();
        Memo::new(move |_| open.with(|o| o.as_deref() == Some(id.as_str())))
    };
    let (kind, strength, directed, notes) =
        (link.kind, link.strength.get(), link.directed, link.notes.clone());
    let controls = move || {
        let notes = notes.clone();
        view! {
            <td>
                <Choice id=format!("link-{row}-kind") hide_label=true
                    label=Signal::derive(move || label(Text::LinkKind))
                    options=kinds value=kind.code().to_string()
                    on_change=Callback::new(move |v: String| if let Some(k) = LinkKind::from_code(&v) {
                        replace(Box::new(move |l| l.kind = k));
                    })/>
            </td>
            <td>
                <Choice id=format!("link-{row}-strength") hide_label=true
                    label=Signal::derive(move || label(Text::Strength))
                    options=strengths value=strength.to_string()
                    on_change=Callback::new(move |v: String| if let Some(s) = v.parse().ok().and_then(Strength::new) {
                        replace(Box::new(move |l| l.strength = s));
                    })/>
            </td>
            <td>
                <input type="checkbox" prop:checked=directed aria-label=move || label(Text::Directed)
                    on:change=move |e| { let on = event_target_checked(&e); replace(Box::new(move |l| l.directed = on)); }/>
            </td>
            <td>
                <input class="notes-input" prop:value=notes aria-label=move || label(Text::Notes)
                    on:change=move |e| { let notes = event_target_value(&e); replace(Box::new(move |l| l.notes = notes)); }/>
            </td>
        }
    };
    let text = {
        let notes = link.notes.clone();
        move || {
            let notes = notes.clone();
            view! {
                <td>{move || vocabulary::link_kind(kind, state.lang.get())}</td>
                <td>{move || format!("{strength} – {}", Text::strength_word(i64::from(strength), state.lang.get()))}</td>
                <td>{move || state.t(if directed { Text::OneWay } else { Text::BothWays })}</td>
                <td>{notes}</td>
            }
        }
    };
    let chosen = {
        let id = link.id.clone();
        Memo::new(move |_| state.selected_link.with(|s| s.as_ref() == Some(&id)))
    };
    let choose = {
        let id = link.id.clone();
        move |_| {
            state.selected.set(None);
            state.selected_link.set(Some(id.clone()));
        }
    };
    view! {
        <tr class:selected=chosen>
            <th scope="row">
                <button type="button" class="link-button" aria-pressed=move || chosen.get().to_string() on:click=choose>
                    {names.get_value()}
                </button>
            </th>
            <Show when=move || editing.get() fallback=text>{controls.clone()}</Show>
            <td class="row-actions">
                <button class="quiet" aria-expanded=move || editing.get().to_string() aria-label=move || label(if editing.get() { Text::DoneEditing } else { Text::EditLink })
                    on:click={
                        let id = link.id.to_string();
                        move |_| open.set((!editing.get_untracked()).then(|| id.clone()))
                    }>
                    {move || state.t(if editing.get() { Text::DoneEditing } else { Text::EditLink })}
                </button>
                <button class="quiet danger" aria-label=move || label(Text::Delete)
                    on:click=move |_| state.dispatch(Command::RemoveLink(id.clone()))>
                    {state.tr(Text::Delete)}
                </button>
            </td>
        </tr>
    }
}
