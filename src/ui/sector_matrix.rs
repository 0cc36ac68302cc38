//! The sector matrix: for each pair of sectors, how many linked pairs of
//! stakeholders join them. Empty cells between sectors with members are the
//! cross-sector gaps, marked in words as well as colour. Choosing a cell lists
//! its links, or explains the gap.

use super::pager::Pager;
use super::state::AppState;
use leptos::prelude::*;
use simpul::analysis::findings::Code;
use simpul::i18n::{vocabulary, Text};
use simpul::model::Map;
use simpul::pages::Pages;

#[component]
pub fn SectorMatrixView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = RwSignal::new(None::<(usize, usize)>);
    let size = move || state.content.with(|m| m.sectors.len());
    // A block of the matrix at a time: 200 sectors are 40,000 cells, seconds of
    // the page's time to build and more than anyone reads at once.
    let pages = Signal::derive(move || Pages::new(size(), Pages::MATRIX));
    let (row_page, column_page) = (RwSignal::new(0usize), RwSignal::new(0usize));
    let is_gap = move |i: usize, j: usize| {
        state.analysis.with(|a| {
            let m = &a.sector_matrix;
            i != j && m.members(i) > 0 && m.members(j) > 0 && m.shared(i, j) == 0 && m.links(i, j) == 0
        })
    };
    let sector_name =
        move |i: usize| state.content.with(|m| m.sectors.get(i).map(|s| s.name.clone()).unwrap_or_default());
    // One closure draws the whole table from a snapshot: the matrix changes as a
    // whole after each edit, and one closure is far less code to download than a
    // reactive closure per cell.
    let table = move || {
        let names: Vec<String> = (0..size()).map(sector_name).collect();
        let (down, across) = (pages.get().rows(row_page.get()), pages.get().rows(column_page.get()));
        let picked = chosen.get();
        let (gap_text, count_text, gap_word) =
            (state.t(Text::MatrixGapCell), state.t(Text::MatrixCountCell), state.t(Text::Gap));
        let rows = down
            .map(|i| {
                let cells = across
                    .clone()
                    .map(|j| {
                        let count = state.analysis.with(|a| a.sector_matrix.links(i, j));
                        let gap = is_gap(i, j);
                        let label = if gap { gap_text } else { count_text }
                            .replacen("{}", &count.to_string(), 1)
                            .replacen("{}", &names[i], 1)
                            .replacen("{}", &names[j], 1);
                        let class = match (gap, i == j, count) {
                            (true, _, _) => "gap",
                            (_, true, _) => "diagonal",
                            (_, _, 0) => "empty",
                            _ => "",
                        };
                        let text = if gap { gap_word.to_string() } else { count.to_string() };
                        view! {
                            <td class=class>
                                <button type="button" class="cell-button" aria-label=label
                                    aria-pressed=(picked == Some((i, j))).to_string()
                                    on:click=move |_| chosen.set(Some((i, j)))>{text}</button>
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{names[i].clone()}</th>{cells}</tr> }
            })
            .collect_view();
        let header = names[across].iter().map(|n| view! { <th scope="col">{n.clone()}</th> }).collect_view();
        view! {
            <table class="data matrix">
                <caption>{state.t(Text::MatrixCaption)}</caption>
                <thead><tr><td></td>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    view! {
        <Show when=move || size() != 0 fallback=move || view! { <p class="hint">{state.tr(Text::MatrixNeedsSectors)}</p> }>
            <p class="hint small">{state.tr(Text::MatrixHelp)}</p>
            <Pager pages=pages page=row_page list=Text::MatrixRowSectors/>
            <Pager pages=pages page=column_page list=Text::MatrixColumnSectors/>
            <div class="table-scroll">{table}</div>
            <div class="matrix-detail" aria-live="polite">
                {move || chosen.get().filter(|&(i, j)| i.max(j) < size()).map(|(i, j)| {
                    let heading = state.t(Text::MatrixDetailHeading).replacen("{}", &sector_name(i), 1).replacen("{}", &sector_name(j), 1);
                    let body = if is_gap(i, j) {
                        gap_explanation(state, i, j).into_any()
                    } else {
                        let links = state.content.with(|m| links_between(m, i, j));
                        let lang = state.lang.get();
                        if links.is_empty() {
                            view! { <p>{state.t(Text::MatrixNoLinks)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="matrix-links">
                                    {links.into_iter().map(|(from, to, kinds)| {
                                        let kinds: Vec<&str> = kinds.iter().map(|&k| vocabulary::link_kind(k, lang)).collect();
                                        view! { <li>{format!("{from} — {to} ({})", kinds.join(", "))}</li> }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    };
                    view! { <h3>{heading}</h3>{body} }
                })}
            </div>
        </Show>
    }
}

/// The gap finding for sectors `i` and `j`, explained as in the findings panel.
fn gap_explanation(state: AppState, i: usize, j: usize) -> impl IntoView {
    let explanation = state.content.with(|m| {
        let (a, b) = (m.sectors.get(i)?.id.to_string(), m.sectors.get(j)?.id.to_string());
        state.analysis.with(|an| {
            an.findings
                .iter()
                .find(|f| {
                    f.code == Code::CrossSectorGap
                        && (f.subjects == [a.clone(), b.clone()] || f.subjects == [b.clone(), a.clone()])
                })
                .map(|f| f.explain(m, state.lang.get()))
        })
    });
    explanation.map(|e| {
        view! {
            <div class="finding" data-finding="cross-sector-gap">
                <p><strong>{e.title}</strong></p>
                <p>{e.message}</p>
                <p class="finding-action"><span class="label">{state.t(Text::Suggestion)}</span>" "{e.action}</p>
            </div>
        }
    })
}

/// The linked pairs the cell `(i, j)` counts (`analysis::sector_matrix::pairs_between`):
/// their ends' names and the kinds of the links between them.
fn links_between(map: &Map, i: usize, j: usize) -> Vec<(String, String, Vec<simpul::model::LinkKind>)> {
    simpul::analysis::sector_matrix::pairs_between(map, i, j)
        .into_iter()
        .filter_map(|p| {
            Some((map.stakeholder(&p.from)?.name.clone(), map.stakeholder(&p.to)?.name.clone(), p.kinds))
        })
        .collect()
}
