//! Stakeholders: quick entry by name and Enter, and the table of everyone on the map
//! with their metrics, sortable by any column. The table is the text alternative
//! to every picture of the map.

use super::fields::{score_options, stakeholder_kind_options, stance_options};
use super::later::one_task_later_in_sight;
use super::on_demand::{part, when_fetched};
use super::pager::Pager;
use super::rows_in_view::rows_in_view;
use super::sorting::{order_by, SortKey};
use super::state::AppState;
use super::web;
use super::workspace::{DrawerTab, Workspace};
use leptos::prelude::*;
use simpul::analysis::StakeholderMetrics;
use simpul::edit::Command;
use simpul::i18n::{vocabulary, Text};
use simpul::letter_case::lower;
use simpul::model::{Score, Stakeholder, StakeholderId, StakeholderKind, Stance};
use simpul::pages::Pages;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    MapOrder,
    Name,
    Kind,
    Power,
    Interest,
    Stance,
    Sectors,
    Quadrant,
    Degree,
    Betweenness,
    Closeness,
    Eigenvector,
    Community,
}

impl Column {
    /// What `s` (with its metrics) sorts by in this column; `sectors` are its sector names.
    fn key(self, s: &Stakeholder, m: &StakeholderMetrics, sectors: impl FnOnce() -> Vec<String>) -> SortKey {
        let position =
            |kinds: &[StakeholderKind]| kinds.iter().position(|k| *k == s.kind).unwrap_or_default() as f64;
        match self {
            Column::MapOrder => SortKey::Number(0.0),
            Column::Name => SortKey::Text(lower(&s.name)),
            Column::Kind => SortKey::Number(position(StakeholderKind::ALL)),
            Column::Power => SortKey::Number(f64::from(s.power.get())),
            Column::Interest => SortKey::Number(f64::from(s.interest.get())),
            Column::Stance => SortKey::Number(f64::from(s.stance.get())),
            Column::Sectors => SortKey::Texts(sectors()),
            Column::Quadrant => SortKey::Text(m.quadrant.code().to_string()),
            Column::Degree => SortKey::Number(m.degree),
            Column::Betweenness => SortKey::Number(m.betweenness),
            Column::Closeness => SortKey::Number(m.closeness),
            Column::Eigenvector => SortKey::Number(m.eigenvector),
            // Not yet analysed sorts after every community.
            Column::Community => SortKey::Number(m.community.map_or(f64::MAX, f64::from)),
        }
    }

    /// Numbers read best largest first; words, A to Z.
    fn starts_descending(self) -> bool {
        !matches!(
            self,
            Column::Name
                | Column::Kind
                | Column::Sectors
                | Column::Quadrant
                | Column::MapOrder
                | Column::Community
        )
    }
}

/// Fetched with the other tables once the first map is shown.
#[component]
pub fn StakeholdersSection() -> impl IntoView {
    when_fetched(stakeholders_section())
}

part!(panels, fn stakeholders_section() => view! { <StakeholdersSectionBody/> });

#[component]
fn StakeholdersSectionBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    let editing = RwSignal::new(None::<(StakeholderId, Column)>);
    let sort = RwSignal::new((Column::MapOrder, false));
    // The rows in table order, as positions in the map: sorting moves numbers, and
    // only the page shown clones its stakeholders.
    let order = Memo::new(move |_| {
        let (column, descending) = sort.get();
        state.content.with(|m| {
            state.analysis.with(|a| {
                if column == Column::MapOrder {
                    return (0..m.stakeholders.len()).collect();
                }
                let names: std::collections::HashMap<_, _> =
                    m.sectors.iter().map(|s| (&s.id, lower(&s.name))).collect();
                let keys: Vec<SortKey> = m
                    .stakeholders
                    .iter()
                    .zip(&a.metrics)
                    .map(|(s, metrics)| {
                        column.key(s, metrics, || {
                            s.sectors.iter().filter_map(|id| names.get(id).cloned()).collect()
                        })
                    })
                    .collect();
                order_by(&keys, descending)
            })
        })
    });
    let pages = Signal::derive(move || Pages::new(order.with(Vec::len), Pages::TABLE));
    let page = RwSignal::new(0);
    // A stakeholder chosen anywhere (the picture, a finding) is on the page shown.
    Effect::new(move |_| {
        let Some(id) = state.selected.get() else { return };
        let position = state.content.with_untracked(|m| m.stakeholders.iter().position(|s| s.id == id));
        let row = position.and_then(|p| order.with_untracked(|o| o.iter().position(|&i| i == p)));
        if let Some(row) = row {
            page.set(pages.get_untracked().page_of(row));
        }
    });
    // Built in a task of its own (see `later`).
    let rows = one_task_later_in_sight(
        move || {
            let shown = pages.get().rows(page.get());
            state.content.with(|m| {
                state.analysis.with(|a| {
                    order.with(|o| {
                        o.get(shown)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|&i| Some((m.stakeholders.get(i)?.clone(), *a.metrics.get(i)?)))
                            .collect::<Vec<_>>()
                    })
                })
            })
        },
        state.big_map,
        expect_context::<Workspace>().table_in_sight(DrawerTab::Stakeholders),
    );
    // Of a long page of a map in a room or of a big one, the rows in view are
    // built (see `rows_in_view`).
    let body = NodeRef::<leptos::html::Tbody>::new();
    let in_view = rows_in_view(
        body,
        Signal::derive(move || rows.with(Vec::len)),
        Signal::derive(move || state.big_map.get() || state.room_mark.with(Option::is_some)),
    );
    let built = Memo::new(move |_| {
        if !in_view.windowed.get() {
            return rows.get();
        }
        let range = in_view.range.get();
        rows.with(|r| {
            let end = range.end.min(r.len());
            r[range.start.min(end)..end].to_vec()
        })
    });
    // The first row's place in the whole table, its header row being the first.
    let first_index = Memo::new(move |_| pages.get().rows(page.get()).start + 2);
    let header = move |column: Column, text: Text, numeric: bool| {
        super::sorting::sortable_header(state, sort, column, text, column.starts_descending(), numeric)
    };
    view! {
        <div class="drawer-section">
            // A map just opened shows its table once the worker has its metrics.
            <Show
                when=move || !state.first_analysis_pending.get() && state.content.with(|m| !m.stakeholders.is_empty())
                fallback=move || view! {
                    <p class="hint">{move || state.t(if state.first_analysis_pending.get() { Text::OpeningMap } else { Text::NoStakeholdersYet })}</p>
                }
            >
                <div class="table-scroll">
                    <table class="data stakeholders-table" aria-rowcount=move || order.with(Vec::len) + 1>
                        <caption>{state.tr(Text::StakeholdersTable)}</caption>
                        <thead>
                            <tr aria-rowindex="1">
                                {header(Column::Name, Text::Name, false)}
                                {header(Column::Kind, Text::Kind, false)}
                                {header(Column::Power, Text::Power, true)}
                                {header(Column::Interest, Text::Interest, true)}
                                {header(Column::Stance, Text::Stance, false)}
                                {header(Column::Sectors, Text::Sectors, false)}
                                {header(Column::Quadrant, Text::Quadrant, false)}
                                {header(Column::Degree, Text::Degree, true)}
                                {header(Column::Betweenness, Text::Betweenness, true)}
                                {header(Column::Closeness, Text::Closeness, true)}
                                {header(Column::Eigenvector, Text::Eigenvector, true)}
                                {header(Column::Community, Text::Community, true)}
                            </tr>
                        </thead>
                        <tbody node_ref=body>
                            <Show when=move || in_view.windowed.get()>
                                <tr class="row-stand-in" aria-hidden="true"><td colspan="12" style:height=move || in_view.before_px()></td></tr>
                            </Show>
                            // Keyed by the stakeholder alone: a row stays while its
                            // stakeholder does, and its metrics follow each analysis in
                            // place (rebuilt whole, the rows were most of the
                            // projector's work while a room edits).
                            <For each=move || built.get() key=|row| web::row_key(&row.0) let:row>
                                {
                                    let (stakeholder, first) = row;
                                    let id = stakeholder.id.clone();
                                    let place = Memo::new({
                                        let id = id.clone();
                                        move |_| rows.with(|r| r.iter().position(|(s, _)| s.id == id))
                                    });
                                    let metrics = Memo::new(move |_| {
                                        let at = place.get();
                                        rows.with(|r| at.and_then(|i| r.get(i)).map_or(first, |(_, m)| *m))
                                    });
                                    let index = Signal::derive(move || place.get().map(|p| first_index.get() + p));
                                    view! { <StakeholderRow stakeholder metrics index editing=editing/> }
                                }
                            </For>
                            <Show when=move || in_view.windowed.get()>
                                <tr class="row-stand-in" aria-hidden="true"><td colspan="12" style:height=move || in_view.after_px()></td></tr>
                            </Show>
                        </tbody>
                    </table>
                </div>
                <Pager pages=pages page=page list=Text::StakeholdersHeading/>
                <p class="hint small">{state.tr(Text::MetricsExplained)}</p>
                <Show when=move || state.analysis.with(|a| a.map.stakeholders > 0 && !a.map.eigenvector_converged)>
                    <p class="hint small" role="note">{state.tr(Text::EigenvectorUnsettled)}</p>
                </Show>
            </Show>
        </div>
    }
}

/// `base`'s stakeholder as the open map has it, changed by `change`, as one edit:
/// a row holds its stakeholder without its place on the picture (as `content`
/// has it), and an edit made from it would have unpinned it.
fn edit_stakeholder(
    state: AppState,
    base: StoredValue<Stakeholder>,
    change: impl FnOnce(Stakeholder) -> Option<Stakeholder>,
) {
    let id = base.with_value(|s| s.id.clone());
    if let Some(changed) = state.map.with_untracked(|m| m.stakeholder(&id).cloned()).and_then(change) {
        state.dispatch(Command::ReplaceStakeholder(changed));
    }
}

#[component]
fn StakeholderRow(
    stakeholder: Stakeholder,
    /// The stakeholder's metrics, as the last analysis found them.
    metrics: Memo<StakeholderMetrics>,
    /// The row's place in the whole table, from 1 (the header row).
    index: Signal<Option<usize>>,
    /// The cell open for editing in the whole table, if any.
    editing: RwSignal<Option<(StakeholderId, Column)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id: StakeholderId = stakeholder.id.clone();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| state.selected.with(|s| s.as_ref() == Some(&id)))
    };
    let highlighted = {
        let id = id.to_string();
        Memo::new(move |_| {
            state.active_finding.with(|a| a.as_ref().is_some_and(|(_, subjects)| subjects.contains(&id)))
        })
    };
    let sector_names = {
        let sectors = stakeholder.sectors.clone();
        move || {
            state.content.with(|m| {
                sectors
                    .iter()
                    .filter_map(|s| m.sector(s))
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        }
    };
    let base = StoredValue::new(stakeholder.clone());
    let number = |value: f64| web::fixed(value, 3);
    let cell = move |column: Column| view! { <EditableCell base=base column=column editing=editing/> };
    let name_id = id.clone();
    let is_editing_name = {
        let id = id.clone();
        move || editing.with(|e| e.as_ref().is_some_and(|(i, c)| *i == id && *c == Column::Name))
    };
    view! {
        <tr class:selected=selected class:highlighted=highlighted aria-rowindex=move || index.get()>
            <th scope="row">
                <Show when=is_editing_name.clone() fallback=move || {
                    let id = name_id.clone();
                    let rename = id.clone();
                    view! {
                        <button class="link-button" aria-pressed=move || selected.get().to_string()
                            on:click=move |_| {
                                // A second click on the chosen row's name edits it in place.
                                if selected.get_untracked() {
                                    editing.set(Some((id.clone(), Column::Name)));
                                } else {
                                    state.selected.set(Some(id.clone()));
                                }
                            }
                            on:keydown=move |e| if e.key() == "F2" {
                                e.prevent_default();
                                editing.set(Some((rename.clone(), Column::Name)));
                            }>
                            {base.with_value(|s| s.name.clone())}
                        </button>
                    }
                }>
                    <NameEditor base=base editing=editing/>
                </Show>
                <Show when=move || highlighted.get()>
                    <span class="marker" aria-hidden="true">" ◆"</span>
                    <span class="visually-hidden">" ("{state.tr(Text::Highlighted)}")"</span>
                </Show>
            </th>
            {cell(Column::Kind)}
            {cell(Column::Power)}
            {cell(Column::Interest)}
            {cell(Column::Stance)}
            <td class="sectors-cell">{sector_names}</td>
            <td>{move || metrics.get().quadrant.label(state.lang.get())}</td>
            <td class="num">{move || number(metrics.get().degree)}</td>
            <td class="num">{move || number(metrics.get().betweenness)}</td>
            <td class="num">{move || number(metrics.get().closeness)}</td>
            <td class="num">{move || number(metrics.get().eigenvector)}</td>
            <td class="num">{move || community_number(metrics.get().community)}</td>
        </tr>
    }
}

/// The options of an editable column, and how its value reads.
fn column_options(column: Column, lang: simpul::i18n::Lang) -> Vec<(String, String)> {
    match column {
        Column::Kind => stakeholder_kind_options(lang),
        Column::Power | Column::Interest => score_options(lang),
        _ => stance_options(lang),
    }
}

fn column_value(column: Column, s: &Stakeholder) -> String {
    match column {
        Column::Kind => s.kind.code().to_string(),
        Column::Power => s.power.get().to_string(),
        Column::Interest => s.interest.get().to_string(),
        _ => s.stance.get().to_string(),
    }
}

/// `value` (an option of `column`) set on `s`, if it is one.
fn with_value(column: Column, mut s: Stakeholder, value: &str) -> Option<Stakeholder> {
    match column {
        Column::Kind => s.kind = StakeholderKind::from_code(value)?,
        Column::Power => s.power = value.parse().ok().and_then(Score::new)?,
        Column::Interest => s.interest = value.parse().ok().and_then(Score::new)?,
        _ => s.stance = value.parse().ok().and_then(Stance::new)?,
    }
    Some(s)
}

fn column_label(column: Column) -> Text {
    match column {
        Column::Kind => Text::Kind,
        Column::Power => Text::Power,
        Column::Interest => Text::Interest,
        Column::Stance => Text::Stance,
        _ => Text::Name,
    }
}

/// A cell of a common field (kind, power, interest, stance) that reads as text and
/// becomes a list to choose from when clicked, or focused and given Enter, Space
/// or F2: a page of rows each with four lists was thousands of elements to lay
/// out. The cell itself takes the focus rather than a button in it, so that a
/// row holds one button, its stakeholder's name.
#[component]
fn EditableCell(
    base: StoredValue<Stakeholder>,
    column: Column,
    editing: RwSignal<Option<(StakeholderId, Column)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = base.with_value(|s| s.id.clone());
    let open = {
        let id = id.clone();
        Memo::new(move |_| editing.with(|e| e.as_ref().is_some_and(|(i, c)| *i == id && *c == column)))
    };
    let label = move || state.t(column_label(column));
    let shown = move || {
        let lang = state.lang.get();
        base.with_value(|s| match column {
            Column::Kind => vocabulary::stakeholder_kind(s.kind, lang).to_string(),
            Column::Stance => format!("{:+} {}", s.stance.get(), vocabulary::stance(s.stance.get(), lang)),
            _ => column_value(column, s),
        })
    };
    let editor_id = format!("cell-{}-{}", id.as_str(), column_value_key(column));
    let focus_id = editor_id.clone();
    let start = move || {
        if !open.get_untracked() {
            editing.set(Some((id.clone(), column)));
            web::focus_by_id(&focus_id);
        }
    };
    let start = StoredValue::new(start);
    let numeric = !matches!(column, Column::Kind | Column::Stance);
    view! {
        <td class="editable" class:num=numeric tabindex=move || if open.get() { "-1" } else { "0" }
            on:click=move |_| start.with_value(|s| s())
            on:keydown=move |e| if !open.get_untracked() && matches!(e.key().as_str(), "Enter" | " " | "F2") {
                e.prevent_default();
                start.with_value(|s| s());
            }>
            <Show when=move || open.get() fallback=shown>
                <select id=editor_id.clone() class="cell-editor" aria-label=label
                    on:change=move |e| {
                        let value = event_target_value(&e);
                        editing.set(None);
                        edit_stakeholder(state, base, |s| with_value(column, s, &value));
                    }
                    on:blur=move |_| editing.set(None)
                    on:keydown=move |e| if e.key() == "Escape" { e.prevent_default(); editing.set(None); }>
                    {move || {
                        let current = base.with_value(|s| column_value(column, s));
                        column_options(column, state.lang.get()).into_iter().map(|(v, text)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{text}</option> }
                        }).collect_view()
                    }}
                </select>
            </Show>
        </td>
    }
}

fn column_value_key(column: Column) -> &'static str {
    match column {
        Column::Kind => "kind",
        Column::Power => "power",
        Column::Interest => "interest",
        Column::Stance => "stance",
        _ => "name",
    }
}

/// The name of a stakeholder edited in its row: Enter or leaving the field keeps
/// it, Escape leaves it as it was.
#[component]
fn NameEditor(
    base: StoredValue<Stakeholder>,
    editing: RwSignal<Option<(StakeholderId, Column)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let editor_id = format!("cell-{}-name", base.with_value(|s| s.id.to_string()));
    web::focus_by_id(&editor_id);
    let commit = move |value: String| {
        if editing.get_untracked().is_none() {
            return;
        }
        editing.set(None);
        let name = value.trim();
        if !name.is_empty() && base.with_value(|s| s.name != name) {
            edit_stakeholder(state, base, |mut s| {
                s.name = name.to_string();
                Some(s)
            });
        }
    };
    view! {
        <input id=editor_id class="cell-editor name-editor" aria-label=move || state.t(Text::Name)
            prop:value=base.with_value(|s| s.name.clone())
            on:keydown=move |e| match e.key().as_str() {
                "Enter" => commit(event_target_value(&e)),
                "Escape" => { e.prevent_default(); editing.set(None); }
                _ => {}
            }
            on:blur=move |e| commit(event_target_value(&e))/>
    }
}

/// A community as people count them, from 1; "–" until the analysis has placed it.
pub fn community_number(community: Option<u32>) -> String {
    community.map_or_else(|| "–".to_string(), |c| (c + 1).to_string())
}
