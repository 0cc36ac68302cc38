//! Stakeholders: quick entry by name and Enter, and the table of everyone on the map
//! with their metrics, sortable by any column. The table is the text alternative
//! to every picture of the map.

use super::fields::QuickAdd;
use super::later::one_task_later;
use super::pager::Pager;
use super::state::AppState;
use super::web;
use crate::analysis::StakeholderMetrics;
use crate::i18n::{vocabulary, Text};
use crate::model::{Stakeholder, StakeholderId};
use crate::pages::Pages;
use leptos::prelude::*;
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    MapOrder,
    Name,
    Kind,
    Power,
    Interest,
    Stance,
    Quadrant,
    Degree,
    Betweenness,
    Closeness,
    Eigenvector,
}

impl Column {
    fn compare(self, a: (&Stakeholder, &StakeholderMetrics), b: (&Stakeholder, &StakeholderMetrics)) -> Ordering {
        match self {
            Column::MapOrder => Ordering::Equal,
            Column::Name => a.0.name.to_lowercase().cmp(&b.0.name.to_lowercase()),
            Column::Kind => a.0.kind.cmp(&b.0.kind),
            Column::Power => a.0.power.cmp(&b.0.power),
            Column::Interest => a.0.interest.cmp(&b.0.interest),
            Column::Stance => a.0.stance.cmp(&b.0.stance),
            Column::Quadrant => a.1.quadrant.code().cmp(b.1.quadrant.code()),
            Column::Degree => a.1.degree.total_cmp(&b.1.degree),
            Column::Betweenness => a.1.betweenness.total_cmp(&b.1.betweenness),
            Column::Closeness => a.1.closeness.total_cmp(&b.1.closeness),
            Column::Eigenvector => a.1.eigenvector.total_cmp(&b.1.eigenvector),
        }
    }

    /// Numbers read best largest first; words, A to Z.
    fn starts_descending(self) -> bool {
        !matches!(self, Column::Name | Column::Kind | Column::Quadrant | Column::MapOrder)
    }
}

#[component]
pub fn StakeholdersSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A name, or a link typed as "A > B" / "A -- B" (see quick_entry).
    let add = Callback::new(move |line: String| {
        state.enter_line(&line);
    });
    let sort = RwSignal::new((Column::MapOrder, false));
    // The rows in table order, as positions in the map: sorting moves numbers, and
    // only the page shown clones its stakeholders.
    let order = Memo::new(move |_| {
        state.content.with(|m| {
            state.analysis.with(|a| {
                let rows: Vec<(&Stakeholder, &StakeholderMetrics)> = m.stakeholders.iter().zip(&a.metrics).collect();
                let mut order: Vec<usize> = (0..rows.len()).collect();
                let (column, descending) = sort.get();
                // Stable: ties keep map order.
                order.sort_by(|&a, &b| {
                    if descending {
                        column.compare(rows[b], rows[a])
                    } else {
                        column.compare(rows[a], rows[b])
                    }
                });
                order
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
    let rows = one_task_later(move || {
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
    }, state.big_map);
    let header = move |column: Column, text: Text, numeric: bool| {
        let aria_sort = move || {
            let (current, descending) = sort.get();
            if current != column {
                "none"
            } else if descending {
                "descending"
            } else {
                "ascending"
            }
        };
        let arrow = move || match aria_sort() {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria_sort>
                <button class="sort" on:click=move |_| sort.update(|(current, descending)| {
                    if *current == column {
                        *descending = !*descending;
                    } else {
                        *current = column;
                        *descending = column.starts_descending();
                    }
                })>
                    {move || state.t(text)}<span aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    view! {
        <section class="card" aria-labelledby="stakeholders-heading">
            <h2 id="stakeholders-heading">{state.tr(Text::StakeholdersHeading)}</h2>
            <QuickAdd id="add-stakeholder" label=Text::AddStakeholder hint=Text::AddStakeholderHint on_add=add/>
            <Show
                when=move || state.content.with(|m| !m.stakeholders.is_empty())
                fallback=move || view! { <p class="hint">{state.tr(Text::NoStakeholdersYet)}</p> }
            >
                <div class="table-scroll">
                    <table class="data">
                        <caption>{state.tr(Text::StakeholdersTable)}</caption>
                        <thead>
                            <tr>
                                {header(Column::Name, Text::Name, false)}
                                {header(Column::Kind, Text::Kind, false)}
                                {header(Column::Power, Text::Power, true)}
                                {header(Column::Interest, Text::Interest, true)}
                                {header(Column::Stance, Text::Stance, false)}
                                <th scope="col">{state.tr(Text::Sectors)}</th>
                                {header(Column::Quadrant, Text::Quadrant, false)}
                                {header(Column::Degree, Text::Degree, true)}
                                {header(Column::Betweenness, Text::Betweenness, true)}
                                {header(Column::Closeness, Text::Closeness, true)}
                                {header(Column::Eigenvector, Text::Eigenvector, true)}
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|row| web::row_key(row) let:row>
                                <StakeholderRow stakeholder=row.0 metrics=row.1/>
                            </For>
                        </tbody>
                    </table>
                </div>
                <Pager pages=pages page=page list=Text::StakeholdersHeading/>
                <p class="hint small">{state.tr(Text::MetricsExplained)}</p>
            </Show>
        </section>
    }
}

#[component]
fn StakeholderRow(stakeholder: Stakeholder, metrics: StakeholderMetrics) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id: StakeholderId = stakeholder.id.clone();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| state.selected.with(|s| s.as_ref() == Some(&id)))
    };
    let highlighted = {
        let id = id.to_string();
        Memo::new(move |_| state.active_finding.with(|a| a.as_ref().is_some_and(|(_, subjects)| subjects.contains(&id))))
    };
    let sector_names = {
        let sectors = stakeholder.sectors.clone();
        move || {
            state.content.with(|m| {
                sectors.iter().filter_map(|s| m.sector(s)).map(|s| s.name.clone()).collect::<Vec<_>>().join(", ")
            })
        }
    };
    let kind = stakeholder.kind;
    let stance = stakeholder.stance.get();
    let name = stakeholder.name.clone();
    let number = |value: f64| web::fixed(value, 3);
    view! {
        <tr class:selected=selected class:highlighted=highlighted>
            <th scope="row">
                <button class="link-button" aria-pressed=move || selected.get().to_string()
                    on:click=move |_| state.selected.set(Some(id.clone()))>
                    {name}
                </button>
                <Show when=move || highlighted.get()>
                    <span class="marker" aria-hidden="true">" ◆"</span>
                    <span class="visually-hidden">" ("{state.tr(Text::Highlighted)}")"</span>
                </Show>
            </th>
            <td>{move || vocabulary::stakeholder_kind(kind, state.lang.get())}</td>
            <td class="num">{stakeholder.power.get()}</td>
            <td class="num">{stakeholder.interest.get()}</td>
            <td>{move || format!("{stance:+} {}", vocabulary::stance(stance, state.lang.get()))}</td>
            <td>{sector_names}</td>
            <td>{move || metrics.quadrant.label(state.lang.get())}</td>
            <td class="num">{number(metrics.degree)}</td>
            <td class="num">{number(metrics.betweenness)}</td>
            <td class="num">{number(metrics.closeness)}</td>
            <td class="num">{number(metrics.eigenvector)}</td>
        </tr>
    }
}
