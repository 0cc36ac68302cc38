//! The network view: a canvas the layout settles on, frame by frame. Drag a
//! stakeholder to move and pin it, drag the background to pan, wheel to zoom,
//! Shift+drag from one stakeholder to another (or L, then the other) to link them.
//! Every change goes through `AppState`, so moves undo like any edit.

mod frames;
mod input;

use crate::ui::canvas::{self, Layer, Overlay};
use crate::ui::state::AppState;
use leptos::html::Canvas;
use leptos::prelude::*;
use simpul::drawing::reveal::Shown;
use simpul::drawing::slices::{Part, Slices};
use simpul::drawing::{hit, BoundsInWorld, Emphasis, PosOnScreen, Viewport};
use simpul::i18n::Text;
use simpul::layout::MapLayout;
use simpul::model::PosInWorld;

/// How much time one frame may spend stepping the layout, in milliseconds.
const STEP_BUDGET_MS: f64 = 6.0;
/// Room left around the map when it is fitted: the floating tools over the
/// picture's edges, and the names; the projector's names are larger still.
const FIT_MARGIN_ON_SCREEN: f64 = 56.0;
const FIT_MARGIN_ON_PROJECTOR: f64 = 90.0;

enum Gesture {
    Idle,
    Pan { last: PosOnScreen, moved: bool },
    Move { index: usize, grab_x: f64, grab_y: f64, moved: bool },
    Link { from: usize, at: PosInWorld },
}

/// Everything the view keeps between frames, outside the reactive graph.
struct Engine {
    layout: Option<MapLayout>,
    opened: u64,
    viewport: Viewport,
    /// Keep fitting the picture while it settles, until the user pans or zooms.
    follow: bool,
    gesture: Gesture,
    scheduled: bool,
    emphasis: Emphasis,
    /// L was pressed: the next stakeholder chosen is linked to this one.
    link_from: Option<usize>,
    /// The last full painting and the viewport it was painted for. While the
    /// picture only pans or zooms, the canvas showing it is moved instead of
    /// painted again (a map of 5,000 takes far longer than a frame); while a
    /// stakeholder is dragged, it holds everything else.
    snapshot: Option<(web_sys::HtmlCanvasElement, Viewport)>,
    /// What the snapshot holds: everything, or everything but a dragged stakeholder.
    snapshot_layer: Layer,
    /// The snapshot shows the layout at rest (not a sketch of it moving).
    snapshot_at_rest: bool,
    /// What the others in a room have selected, ringed in their colours.
    peers: Vec<canvas::Ring>,
    /// What changed since the map compared with: the new and the changed
    /// ringed, the removed as ghosts where they were.
    changes: Vec<canvas::Ring>,
    /// Each stakeholder's fill when the picture is coloured by community.
    communities: Option<std::rc::Rc<simpul::drawing::CommunityFill>>,
    /// Something besides the viewport and the layout's motion changed since the
    /// snapshot, or since the painting under way began.
    dirty: bool,
    /// A big map's painting under way, a slice per frame; the snapshot stays on
    /// show until it is complete.
    painting: Option<Painting>,
    /// A canvas to paint the next painting on: the snapshot before last.
    spare: Option<web_sys::HtmlCanvasElement>,
    /// Until this time (ms) the wheel is zooming: frames scale the canvas.
    zooming_until: f64,
    /// The map changed since the layout was brought in step with it: a big map's
    /// layout follows in a task of its own, or at the next frame or pointer
    /// event if that comes first (see `View::sync_layout`).
    out_of_sync: bool,
}

/// A painting of a big map under way ([`Slices`]): it paints the layout as it
/// was when the painting began, in that viewport, on a canvas of its own.
struct Painting {
    image: web_sys::HtmlCanvasElement,
    ctx: web_sys::CanvasRenderingContext2d,
    viewport: Viewport,
    layer: Layer,
    at_rest: bool,
    layout: MapLayout,
    emphasis: Emphasis,
    overlay: Overlay,
    slices: Slices,
}

/// How long the slices of a painting may take in one frame, in milliseconds:
/// with the layout's step and the browser's own work, a frame stays well under
/// the 100 ms the page may freeze for. A slice sized for 30 ms took 30–43 ms to
/// rasterise at 5,000 stakeholders and 20,000 links, and the frame 50–70 ms with
/// the step: 20 ms leaves room for a machine that runs slow for a moment.
const SLICES_BUDGET_MS: f64 = 20.0;
/// How long one frame's own work (the page layout it waits for, the layout's step,
/// the slices) may take before it stops stepping and painting, in ms.
const FRAME_BUDGET_MS: f64 = 30.0;

#[derive(Clone, Copy)]
struct View {
    state: AppState,
    engine: StoredValue<Engine, LocalStorage>,
    canvas: NodeRef<Canvas>,
    link_mode: RwSignal<bool>,
}

/// Where the room's part puts the rings of what the others in the room have
/// selected ([`crate::ui::room::RoomView::PeerRings`]).
#[derive(Clone, Copy)]
pub struct PeersOnPicture(View);

impl PeersOnPicture {
    /// Rings `peers` on the picture, unless they are the rings there already (or
    /// the picture has gone).
    pub fn show(self, peers: Vec<canvas::Ring>) {
        let view = self.0;
        if view.engine.try_with_value(|e| e.peers != peers) == Some(true) {
            view.engine.update_value(|e| e.peers = peers);
            view.schedule();
        }
    }
}

#[component]
pub fn NetworkView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = View {
        state,
        engine: StoredValue::new_local(Engine {
            layout: None,
            opened: u64::MAX,
            viewport: Viewport::new(800.0, 500.0),
            follow: true,
            gesture: Gesture::Idle,
            scheduled: false,
            emphasis: Emphasis::default(),
            link_from: None,
            snapshot: None,
            snapshot_layer: Layer::All,
            snapshot_at_rest: false,
            dirty: true,
            peers: Vec::new(),
            changes: Vec::new(),
            communities: None,
            painting: None,
            spare: None,
            zooming_until: 0.0,
            out_of_sync: false,
        }),
        canvas: NodeRef::new(),
        link_mode: RwSignal::new(false),
    };

    // Follow the map: a newly opened map gets a fresh layout; an edit is synced.
    Effect::new(move |_| {
        let opened = state.opened.get();
        state.map.track();
        let fresh = view.engine.with_value(|e| e.layout.is_none() || e.opened != opened);
        if !fresh {
            view.engine.update_value(|e| e.out_of_sync = true);
            // 15 ms for 5,000 stakeholders, on top of the edit's own task.
            if state.big_map.get_untracked() {
                leptos::task::spawn_local(async move {
                    crate::ui::web::next_task().await;
                    view.sync_layout();
                });
            } else {
                view.sync_layout();
            }
            view.schedule();
            return;
        }
        view.engine.update_value(|e| {
            e.layout = None;
            e.out_of_sync = false;
            // The last map's picture is not shown over this one.
            if let Some((old, _)) = e.snapshot.take() {
                e.spare = Some(old);
            }
            e.painting = None;
            e.opened = opened;
            e.follow = true;
            e.link_from = None;
        });
        // A big map's layout is built in a task of its own: 70 ms for 5,000
        // stakeholders, on top of the task that opened the map.
        if state.big_map.get_untracked() {
            leptos::task::spawn_local(async move {
                crate::ui::web::next_task().await;
                view.build_layout(opened);
            });
        } else {
            view.build_layout(opened);
        }
    });
    // Emphasis: the chosen finding's subjects, or focus on the selected stakeholder.
    Effect::new(move |_| {
        let focus = state.focus.get();
        let selected = state.selected.get();
        let finding = state.active_finding.get();
        let emphasis = state.map.with_untracked(|map| match (focus, selected, finding) {
            (true, Some(id), _) => {
                map.stakeholder_index(&id).map_or_else(Emphasis::default, |i| Emphasis::focus(map, i))
            }
            (_, _, Some((_, subjects))) => Emphasis::subjects(map, &subjects),
            _ => Emphasis::default(),
        });
        view.engine.update_value(|e| e.emphasis = emphasis);
        view.schedule();
    });
    // Compared with an earlier map, what changed is marked, in words as well as colour.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let changes = state.compared.with(|compared| {
            let Some(compared) = compared else { return Vec::new() };
            state.map.with(|map| compared.rings(map, lang))
        });
        if view.engine.with_value(|e| e.changes != changes) {
            view.engine.update_value(|e| e.changes = changes);
            view.schedule();
        }
    });
    // Coloured by community, the fills follow each analysis.
    let workspace = expect_context::<crate::ui::workspace::Workspace>();
    Effect::new(move |_| {
        let fill = workspace.community_fill(state);
        if view.engine.with_value(|e| e.communities.as_deref() != fill.as_ref()) {
            view.engine.update_value(|e| e.communities = fill.map(std::rc::Rc::new));
            view.schedule();
        }
    });
    Effect::new(move |_| {
        if state.view.get() == crate::ui::state::MapView::Network {
            view.schedule();
        }
    });
    // Workshop mode repaints in its theme and layers, and fits the picture to the wall.
    Effect::new(move |was: Option<bool>| {
        let on = state.workshop.with(Option::is_some);
        if was.is_some_and(|w| w != on) {
            view.engine.update_value(|e| e.follow = true);
        }
        view.schedule();
        on
    });
    let _resize = window_event_listener(leptos::ev::resize, move |_| view.schedule());
    // A panel opened, closed or resized changes the picture's size.
    let workspace = expect_context::<crate::ui::workspace::Workspace>();
    Effect::new(move |_| {
        workspace.library_open.track();
        workspace.side_open.track();
        workspace.drawer_open.track();
        workspace.library_px.track();
        workspace.side_px.track();
        workspace.drawer_px.track();
        workspace.sheet.track();
        workspace.legend.track();
        view.schedule();
    });
    // In workshop mode the arrows walk the reveal, but + − 0 still zoom, from anywhere
    // outside the entry field: a zoom makes room for names left out.
    let _workshop_zoom = window_event_listener(leptos::ev::keydown, move |e| {
        if state.workshop.with_untracked(Option::is_none)
            || crate::ui::web::in_text_field(&e)
            || e.ctrl_key()
            || e.meta_key()
            || e.alt_key()
        {
            return;
        }
        match e.key().as_str() {
            "+" | "=" => view.zoom(1.25),
            "-" | "_" => view.zoom(0.8),
            "0" => view.fit(),
            _ => return,
        }
        e.prevent_default();
    });

    let tool = move |icon: &'static str, label: Text, action: fn(View)| {
        view! {
            <button type="button" title=state.tr(label) on:click=move |_| action(view)>
                <span class="icon" aria-hidden="true">{icon}</span><span class="tool-label">{state.tr(label)}</span>
            </button>
        }
    };
    let has_selection = move || state.selected.with(Option::is_some);
    view! {
        <div class="network-tools floating" role="toolbar" aria-label=state.tr(Text::NetworkTools)>
            {tool("⤢", Text::FitToScreen, |v| v.fit())}
            {tool("+", Text::ZoomIn, |v| v.zoom(1.25))}
            {tool("−", Text::ZoomOut, |v| v.zoom(0.8))}
            <button type="button" title=state.tr(Text::FocusMode) aria-pressed=move || (state.focus.get() && has_selection()).to_string()
                disabled=move || !has_selection() on:click=move |_| state.focus.update(|f| *f = !*f)>
                <span class="icon" aria-hidden="true">"◎"</span><span class="tool-label">{state.tr(Text::FocusMode)}</span>
            </button>
            <button type="button" title=state.tr(Text::LinkFromSelected) aria-pressed=move || view.link_mode.get().to_string()
                disabled=move || !has_selection() on:click=move |_| view.toggle_link_mode()>
                <span class="icon" aria-hidden="true">"↔"</span><span class="tool-label">{state.tr(Text::LinkFromSelected)}</span>
            </button>
            <button type="button" title=state.tr(Text::PinToggle) disabled=move || !has_selection() on:click=move |_| view.toggle_pin()>
                <span class="icon" aria-hidden="true">"⚲"</span><span class="tool-label">{state.tr(Text::PinToggle)}</span>
            </button>
            <button type="button" title=state.tr(Text::ColourByCommunity) aria-pressed=move || workspace.by_community.get().to_string()
                on:click=move |_| workspace.by_community.update(|on| *on = !*on)>
                <span class="icon" aria-hidden="true">"◍"</span><span class="tool-label">{state.tr(Text::ColourByCommunity)}</span>
            </button>
            <button type="button" title=state.tr(Text::Legend) aria-pressed=move || workspace.legend.get().to_string()
                on:click=move |_| workspace.legend.update(|on| *on = !*on)>
                <span class="icon" aria-hidden="true">"▤"</span><span class="tool-label">{state.tr(Text::Legend)}</span>
            </button>
        </div>
        <p class="visually-hidden" id="network-help">{state.tr(Text::NetworkHelp)}</p>
        {move || focus_status(state)}
        {move || state.compared.with(|c| c.as_ref().map(|c| c.since.clone())).map(|since| view! {
            <p class="compare-status" role="status">
                {state.t(Text::ShowingChanges).replace("{}", &since)}" "
                <button type="button" class="quiet" on:click=move |_| state.compared.set(None)>{state.tr(Text::StopShowingChanges)}</button>
            </p>
        })}
        <Show when=move || view.link_mode.get()>
            <p class="link-mode" role="status">{state.tr(Text::LinkModeOn)}</p>
        </Show>
        <div class="network-frame">
        <canvas
            class="network"
            node_ref=view.canvas
            tabindex="0"
            role="img"
            aria-label=move || {
                let (n, m) = state.content.with(|map| (map.stakeholders.len(), map.links.len()));
                state.t(Text::NetworkLabel).replacen("{}", &n.to_string(), 1).replacen("{}", &m.to_string(), 1)
            }
            aria-describedby="network-help"
            on:pointerdown=move |e| view.pointer_down(&e)
            on:pointermove=move |e| view.pointer_move(&e)
            on:pointerup=move |e| view.pointer_up(&e)
            on:pointercancel=move |_| view.end_gesture(None)
            on:wheel=move |e| view.wheel(&e)
            on:dblclick=move |e| view.double_click(&e)
            on:keydown=move |e| view.key(&e)
        ></canvas>
        </div>
        // In a room, what the others have selected is ringed in their colours.
        {crate::ui::room::room_view(state, crate::ui::room::RoomView::PeerRings(PeersOnPicture(view)))}
        <crate::ui::legend::Legend/>
    }
}

/// In focus mode, says in words who is lit: the picture's text alternative.
fn focus_status(state: AppState) -> Option<impl IntoView> {
    if !state.focus.get() {
        return None;
    }
    let id = state.selected.get()?;
    let text = state.content.with(|m| {
        let me = m.stakeholder(&id)?;
        let mut names: Vec<&str> = m
            .links
            .iter()
            .filter_map(|l| match (l.from == id, l.to == id) {
                (true, false) => m.stakeholder(&l.to),
                (false, true) => m.stakeholder(&l.from),
                _ => None,
            })
            .map(|s| s.name.as_str())
            .collect();
        simpul::order::sort_with(&mut names, &Ord::cmp);
        names.dedup();
        let list = if names.is_empty() { state.t(Text::Nobody).to_string() } else { names.join(", ") };
        Some(state.t(Text::FocusStatus).replacen("{}", &me.name, 1).replacen("{}", &list, 1))
    })?;
    Some(view! { <p class="focus-status" role="status">{text}</p> })
}

/// The room the legend takes at the picture's right edge, with its gaps, in CSS
/// pixels (none while it is hidden).
fn legend_room(canvas: &web_sys::HtmlCanvasElement) -> f64 {
    const GAPS: f64 = 24.0;
    let legend = canvas
        .closest(".map-views")
        .ok()
        .flatten()
        .and_then(|views| views.query_selector(".legend").ok().flatten());
    legend.map_or(0.0, |l| {
        let width = f64::from(l.client_width());
        if width > 0.0 {
            width + GAPS
        } else {
            0.0
        }
    })
}

/// Everything on the picture (the sector hubs only if `hubs`), grown by the room
/// labels need.
fn bounds(map: &simpul::model::Map, layout: &MapLayout, hubs: bool) -> Option<BoundsInWorld> {
    let stakeholders = (0..map.stakeholders.len()).filter_map(|i| Some((layout.pos_in_world(i)?, 30.0)));
    let hubs = (0..map.sectors.len()).filter(|_| hubs).filter_map(|h| Some((layout.hub_in_world(h)?, 30.0)));
    BoundsInWorld::around(stakeholders.chain(hubs))
}

/// Moves the canvas, which shows a painting made for `painted_for`, to where that
/// painting belongs in the viewport `now`, by a CSS transform: the compositor
/// applies it without painting anything again.
fn move_shown(style: &web_sys::CssStyleDeclaration, painted_for: &Viewport, now: &Viewport) {
    let (dx, dy, k) = canvas::shift_between(painted_for, now);
    // Numbers written by the browser: Rust's float formatting costs 8 KB of download.
    let number = |v: f64, digits: u8| {
        String::from(js_sys::Number::from(v).to_fixed(digits).unwrap_or_else(|_| "0".into()))
    };
    let moved =
        ["translate(", &number(dx, 1), "px,", &number(dy, 1), "px) scale(", &number(k, 4), ")"].concat();
    let _ = style.set_property("transform", &moved);
}

/// Gives a canvas this size in pixels, unless it has it already: setting a canvas's
/// size clears it, even to the same size.
fn set_size(canvas: &web_sys::HtmlCanvasElement, (width, height): (u32, u32)) {
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
}
