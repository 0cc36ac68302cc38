//! The power–interest grid (Mendelow): power 5 at the top, interest 5 on the
//! right, the four quadrants labelled. Drag a stakeholder to another cell, or
//! focus it and use the arrow keys, to re-score it (an undoable edit).

use super::state::AppState;
use leptos::html::Div;
use leptos::prelude::*;
use simpul::analysis::mendelow::Quadrant;
use simpul::edit::Command;
use simpul::i18n::{vocabulary, Text};
use simpul::model::{Score, Stakeholder};

/// Scores 1–5 on both axes.
const LEVELS: i64 = 5;
/// A drag shorter than this (in pixels) is a click: it selects.
const CLICK_SLOP: f64 = 4.0;

#[derive(Clone, Copy)]
struct Drag {
    index: usize,
    start_x: f64,
    start_y: f64,
}

#[component]
pub fn PowerGrid() -> impl IntoView {
    let state = expect_context::<AppState>();
    let grid = NodeRef::<Div>::new();
    let drag = StoredValue::new(None::<Drag>);

    // Which cell (power, interest) a point of the page falls in.
    let cell_at = move |x: f64, y: f64| -> Option<(i64, i64)> {
        let rect = grid.get_untracked()?.get_bounding_client_rect();
        let (col, row) = ((x - rect.left()) / rect.width(), (y - rect.top()) / rect.height());
        if !(0.0..1.0).contains(&col) || !(0.0..1.0).contains(&row) {
            return None;
        }
        let interest = 1 + (col * LEVELS as f64) as i64;
        let power = LEVELS - (row * LEVELS as f64) as i64;
        Some((power, interest))
    };
    let rescore = move |index: usize, power: i64, interest: i64| {
        let changed = state.map.with_untracked(|m| {
            let s = m.stakeholders.get(index)?;
            let (power, interest) = (Score::new(power)?, Score::new(interest)?);
            (s.power != power || s.interest != interest).then(|| Stakeholder { power, interest, ..s.clone() })
        });
        if let Some(s) = changed {
            state.dispatch(Command::ReplaceStakeholder(s));
            super::web::focus_by_id(&format!("chip-{index}"));
        }
    };

    let chip = move |index: usize, s: &Stakeholder| {
        let (name, power, interest, kind) =
            (s.name.clone(), i64::from(s.power.get()), i64::from(s.interest.get()), s.kind);
        let id = s.id.clone();
        let label = {
            let name = name.clone();
            move || {
                let lang = state.lang.get();
                state
                    .t(Text::GridChipLabel)
                    .replacen("{}", &name, 1)
                    .replacen("{}", vocabulary::stakeholder_kind(kind, lang), 1)
                    .replacen("{}", &power.to_string(), 1)
                    .replacen("{}", &interest.to_string(), 1)
            }
        };
        let selected = {
            let id = id.clone();
            move || state.selected.with(|s| s.as_ref() == Some(&id))
        };
        view! {
            <button type="button" class=format!("chip kind-{}", kind.code()) id=format!("chip-{index}")
                class:selected=selected aria-label=label data-id=id.to_string()
                on:pointerdown=move |e| {
                    if e.button() == 0 {
                        if let Some(target) = e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                            let _ = target.set_pointer_capture(e.pointer_id());
                        }
                        drag.set_value(Some(Drag { index, start_x: f64::from(e.client_x()), start_y: f64::from(e.client_y()) }));
                    }
                }
                on:pointermove=move |e| {
                    if let (Some(d), Some(el)) = (drag.get_value(), e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())) {
                        let (dx, dy) = (f64::from(e.client_x()) - d.start_x, f64::from(e.client_y()) - d.start_y);
                        let _ = el.style().set_property("transform", &format!("translate({}px, {}px)", dx.round() as i64, dy.round() as i64));
                    }
                }
                on:pointerup=move |e| {
                    let Some(d) = drag.get_value() else { return };
                    drag.set_value(None);
                    if let Some(el) = e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()) {
                        let _ = el.style().remove_property("transform");
                    }
                    let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
                    if (x - d.start_x).abs() + (y - d.start_y).abs() < CLICK_SLOP {
                        state.selected.set(state.map.with_untracked(|m| m.stakeholders.get(d.index).map(|s| s.id.clone())));
                    } else if let Some((p, i)) = cell_at(x, y) {
                        rescore(d.index, p, i);
                    }
                }
                on:pointercancel=move |_| drag.set_value(None)
                on:keydown=move |e| {
                    let (dp, di) = match e.key().as_str() {
                        "ArrowUp" => (1, 0),
                        "ArrowDown" => (-1, 0),
                        "ArrowRight" => (0, 1),
                        "ArrowLeft" => (0, -1),
                        _ => return,
                    };
                    e.prevent_default();
                    rescore(index, (power + dp).clamp(1, LEVELS), (interest + di).clamp(1, LEVELS));
                }>
                <span class="glyph" aria-hidden="true"></span>
                {name}
            </button>
        }
    };

    let cells = (1..=LEVELS).rev().flat_map(|power| (1..=LEVELS).map(move |interest| (power, interest)));
    let quadrants = [
        (Quadrant::KeepSatisfied, "q-satisfy"),
        (Quadrant::ManageClosely, "q-manage"),
        (Quadrant::Monitor, "q-monitor"),
        (Quadrant::KeepInformed, "q-inform"),
    ];
    view! {
        <p class="hint small" id="grid-help">{state.tr(Text::GridHelp)}</p>
        <div class="grid-frame">
            <div class="axis axis-power" aria-hidden="true">{state.tr(Text::Power)}" →"</div>
            <div class="power-grid" node_ref=grid aria-describedby="grid-help">
                {quadrants.into_iter().map(|(q, class)| view! {
                    <div class=format!("quadrant {class}") aria-hidden="true">
                        <span>{move || q.label(state.lang.get())}</span>
                    </div>
                }).collect_view()}
                {cells.map(|(power, interest)| {
                    let quadrant = if power >= 4 && interest >= 4 { "in-manage" } else if power >= 4 { "in-satisfy" } else if interest >= 4 { "in-inform" } else { "in-monitor" };
                    view! {
                        <div class=format!("cell {quadrant} p{power} i{interest}") role="group" data-power=power data-interest=interest
                            aria-label=move || state.t(Text::GridCellLabel).replacen("{}", &power.to_string(), 1).replacen("{}", &interest.to_string(), 1)>
                            {move || state.content.with(|m| {
                                m.stakeholders.iter().enumerate()
                                    .filter(|(_, s)| i64::from(s.power.get()) == power && i64::from(s.interest.get()) == interest)
                                    .map(|(i, s)| chip(i, s))
                                    .collect_view()
                            })}
                        </div>
                    }
                }).collect_view()}
            </div>
            <div class="axis axis-interest" aria-hidden="true">{state.tr(Text::Interest)}" →"</div>
        </div>
    }
}
