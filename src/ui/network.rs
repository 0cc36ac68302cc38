//! The network view: a canvas the layout settles on, frame by frame. Drag a
//! stakeholder to move and pin it, drag the background to pan, wheel to zoom,
//! Shift+drag from one stakeholder to another (or L, then the other) to link them.
//! Every change goes through `AppState`, so moves undo like any edit.

use super::canvas::{self, Layer, Overlay};
use super::state::AppState;
use crate::drawing::reveal::Shown;
use crate::drawing::slices::{Part, Slices};
use crate::drawing::{hit, BoundsInWorld, Emphasis, PosOnScreen, Viewport};
use crate::i18n::Text;
use crate::layout::MapLayout;
use crate::model::PosInWorld;
use leptos::html::Canvas;
use leptos::prelude::*;

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
                    super::web::next_task().await;
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
                super::web::next_task().await;
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
    Effect::new(move |_| {
        if state.view.get() == super::state::MapView::Network {
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
    let workspace = expect_context::<super::workspace::Workspace>();
    Effect::new(move |_| {
        workspace.library_open.track();
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
            || super::web::in_text_field(&e)
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
            <button type="button" title=state.tr(Text::Legend) aria-pressed=move || workspace.legend.get().to_string()
                on:click=move |_| workspace.legend.update(|on| *on = !*on)>
                <span class="icon" aria-hidden="true">"▤"</span><span class="tool-label">{state.tr(Text::Legend)}</span>
            </button>
        </div>
        <p class="visually-hidden" id="network-help">{state.tr(Text::NetworkHelp)}</p>
        {move || focus_status(state)}
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
        <super::legend::Legend/>
    }
}

impl View {
    /// Lays out the map opened `opened`-th, unless another was opened since or its
    /// layout is already built.
    fn build_layout(self, opened: u64) {
        let built = self.state.map.try_with_untracked(|map| {
            self.engine.try_update_value(|e| {
                if e.opened == opened && e.layout.is_none() {
                    e.layout = Some(MapLayout::new(map, opened));
                }
            })
        });
        if built.flatten().is_some() {
            self.schedule();
        }
    }

    /// Brings the layout in step with the map, if the map changed since.
    fn sync_layout(self) {
        if self.engine.try_update_value(|e| std::mem::take(&mut e.out_of_sync)) != Some(true) {
            return;
        }
        self.state.map.with_untracked(|map| {
            self.engine.update_value(|e| e.layout.as_mut().into_iter().for_each(|l| l.sync(map)));
        });
    }

    /// Asks for a frame that paints everything anew.
    fn schedule(self) {
        self.engine.update_value(|e| e.dirty = true);
        self.schedule_move();
    }

    /// Asks for a frame after only the viewport changed (a pan or a wheel zoom),
    /// unless one is already coming.
    fn schedule_move(self) {
        let already =
            self.engine.try_update_value(|e| std::mem::replace(&mut e.scheduled, true)).unwrap_or(true);
        if !already {
            request_animation_frame(move || self.frame());
        }
    }

    fn frame(self) {
        let started = super::web::now_ms();
        self.sync_layout();
        self.engine.update_value(|e| e.scheduled = false);
        if super::later::rows_handed_on() {
            // This frame lays out a list's new rows: the picture waits for the next.
            self.schedule_move();
            return;
        }
        let Some(canvas) = self.canvas.get_untracked() else { return };
        let (width, height) = (f64::from(canvas.client_width()), f64::from(canvas.client_height()));
        if width < 1.0 || height < 1.0 {
            return; // hidden: nothing to draw, and the layout waits
        }
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 3.0);
        let (pixel_w, pixel_h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
        set_size(&canvas, (pixel_w, pixel_h));
        let Some(ctx) = super::web::context_2d(&canvas) else { return };
        let style = web_sys::HtmlElement::style(&canvas);
        let selected = self.state.selected.get_untracked();
        let mut to_save = Vec::new();
        let mut again = false;
        self.engine.update_value(|e| {
            e.viewport.resize(width, height);
            let Some(layout) = e.layout.as_mut() else { return };
            // Reading the canvas's size above made the browser lay out the page
            // first, if it had changed: a frame after a new page of rows steps and
            // paints less.
            let deadline = started + FRAME_BUDGET_MS;
            if !layout.simulation().is_settled() {
                let start = super::web::now_ms();
                loop {
                    layout.simulation_mut().step();
                    let now = super::web::now_ms();
                    if layout.simulation().is_settled() || now - start > STEP_BUDGET_MS || now > deadline {
                        break;
                    }
                }
                if layout.simulation().is_settled() && matches!(e.gesture, Gesture::Idle) {
                    to_save = self.state.map.with_untracked(|m| layout.positions_to_save(m));
                    layout.saved(&to_save);
                }
            }
            let step = self.state.workshop.get_untracked();
            if e.follow {
                let (hubs, margin) = step
                    .map_or((true, FIT_MARGIN_ON_SCREEN), |s| (s.shown().sectors, FIT_MARGIN_ON_PROJECTOR));
                if let Some(bounds) = self.state.map.with_untracked(|m| bounds(m, layout, hubs)) {
                    // The legend stands at the picture's right: the map is fitted beside it.
                    e.viewport.fit_within(bounds, margin, margin.max(legend_room(&canvas)));
                }
            }
            let settled = layout.simulation().is_settled();
            let overlay = Overlay {
                sketch: !settled && step.is_none() && self.state.big_map.get_untracked(),
                shown: step.map_or(Shown::ALL, |s| s.shown()),
                theme: if step.is_some() { &canvas::Theme::PROJECTOR } else { &canvas::Theme::PAGE },
                selected: selected
                    .as_ref()
                    .and_then(|id| self.state.map.with_untracked(|m| m.stakeholder_index(id))),
                link_from: match e.gesture {
                    Gesture::Link { from, .. } => Some(from),
                    _ => None,
                },
                link_to_in_world: match e.gesture {
                    Gesture::Link { at, .. } => Some(at),
                    _ => None,
                },
            };
            // A stakeholder dragged over a resting layout is painted alone, over a
            // painting of everything else.
            let layer = match e.gesture {
                Gesture::Move { index, moved: true, .. } if settled => Layer::Without(index),
                _ => Layer::All,
            };
            let moving = matches!(e.gesture, Gesture::Pan { .. }) || super::web::now_ms() < e.zooming_until;
            let reusable = !e.dirty
                && settled
                && e.snapshot_at_rest
                && e.snapshot_layer == layer
                && (moving || layer != Layer::All);
            let big = self.state.big_map.get_untracked();
            match (&e.snapshot, reusable) {
                // A pan or zoom moves the canvas itself (a CSS transform the
                // compositor applies): drawing into it, even a copy, makes the
                // browser repaint the whole page on every move.
                (Some((_, painted_for)), true) if layer == Layer::All => {
                    move_shown(&style, painted_for, &e.viewport)
                }
                (Some((image, painted_for)), true) => {
                    canvas::shift(&ctx, dpr, image, painted_for, &e.viewport)
                }
                _ if big => self.paint_slices(
                    e,
                    &ctx,
                    &style,
                    dpr,
                    (pixel_w, pixel_h),
                    layer,
                    settled,
                    overlay,
                    deadline,
                ),
                _ => {
                    let image = e
                        .snapshot
                        .take()
                        .map(|(image, _)| image)
                        .or_else(|| e.spare.take())
                        .or_else(super::web::new_canvas);
                    let Some(image) = image else { return };
                    set_size(&image, (pixel_w, pixel_h));
                    if let Some(off) = super::web::context_2d(&image) {
                        self.state.map.with_untracked(|m| {
                            canvas::paint(
                                &off,
                                dpr,
                                m,
                                layout,
                                &e.viewport,
                                &e.emphasis,
                                &overlay,
                                layer,
                                &Part::WHOLE,
                            )
                        });
                    }
                    canvas::shift(&ctx, dpr, &image, &e.viewport, &e.viewport);
                    let _ = style.remove_property("transform");
                    e.snapshot = Some((image, e.viewport));
                    e.snapshot_layer = layer;
                    e.snapshot_at_rest = settled;
                    e.dirty = false;
                }
            }
            if let (Layer::Without(index), Some(layout)) = (layer, e.layout.as_ref()) {
                self.state.map.with_untracked(|m| {
                    canvas::paint(
                        &ctx,
                        dpr,
                        m,
                        layout,
                        &e.viewport,
                        &e.emphasis,
                        &overlay,
                        Layer::Only(index),
                        &Part::WHOLE,
                    )
                });
            }
            // Frames go on while the layout moves, while a painting is under way,
            // and until the picture shown is of the layout at rest.
            again = !settled || e.painting.is_some() || !e.snapshot_at_rest;
            // Said on the canvas for tests and benchmarks, which so need not read
            // the map out of storage to learn that the layout is at rest.
            let state_of_layout = if settled { "settled" } else { "moving" };
            if canvas.get_attribute("data-layout").as_deref() != Some(state_of_layout) {
                let _ = canvas.set_attribute("data-layout", state_of_layout);
            }
        });
        if !to_save.is_empty() && self.state.big_map.get_untracked() {
            // Saved in a task of its own: this one has painted a slice already.
            let state = self.state;
            let of = (state.opened.get_untracked(), state.map.with_untracked(|m| m.stakeholders.len()));
            leptos::task::spawn_local(async move {
                super::web::next_task().await;
                // Unless another map was opened, or the stakeholders changed, meanwhile.
                if state
                    .opened
                    .try_get_untracked()
                    .zip(state.map.try_with_untracked(|m| m.stakeholders.len()))
                    == Some(of)
                {
                    state.record_positions(&to_save);
                }
            });
        } else {
            // Nothing at all when nothing came to rest in this frame.
            self.state.record_positions(&to_save);
        }
        if again {
            self.schedule_move();
        }
    }

    /// Paints a big map: the next slices of the painting under way, or of a new
    /// one if there is none or it is out of date (the map, the emphasis, the
    /// layer or the layout's rest changed; or, at rest, the viewport). The last
    /// complete painting stays on show until the next is complete; before the
    /// first, a bar shows how far it has got.
    #[allow(clippy::too_many_arguments)]
    fn paint_slices(
        self,
        e: &mut Engine,
        ctx: &web_sys::CanvasRenderingContext2d,
        style: &web_sys::CssStyleDeclaration,
        dpr: f64,
        (pixel_w, pixel_h): (u32, u32),
        layer: Layer,
        at_rest: bool,
        overlay: Overlay,
        deadline: f64,
    ) {
        let out_of_date = |p: &Painting| {
            e.dirty || p.layer != layer || p.at_rest != at_rest || (at_rest && p.viewport != e.viewport)
        };
        if e.painting.as_ref().is_none_or(out_of_date) {
            if let Some(old) = e.painting.take() {
                e.spare = Some(old.image);
            }
            let Some(layout) = e.layout.clone() else {
                return;
            };
            let Some(image) = e.spare.take().or_else(super::web::new_canvas) else {
                return;
            };
            set_size(&image, (pixel_w, pixel_h));
            let Some(image_ctx) = super::web::context_2d_in_memory(&image) else {
                return;
            };
            let slices = self.state.map.with_untracked(|m| {
                Slices::new(layout.memberships().len(), m.links.len(), m.stakeholders.len(), overlay.sketch)
            });
            e.painting = Some(Painting {
                image,
                ctx: image_ctx,
                viewport: e.viewport,
                layer,
                at_rest,
                layout,
                emphasis: e.emphasis.clone(),
                overlay,
                slices,
            });
            e.dirty = false;
        }
        let Some(painting) = e.painting.as_mut() else {
            return;
        };
        let start = super::web::now_ms();
        self.state.map.with_untracked(|m| {
            let p = painting;
            loop {
                let left =
                    (SLICES_BUDGET_MS - (super::web::now_ms() - start)).min(deadline - super::web::now_ms());
                let Some((section, items)) = p.slices.next(left) else {
                    break;
                };
                let began = super::web::now_ms();
                let part = p.slices.part(section, items.clone());
                canvas::paint(
                    &p.ctx,
                    dpr,
                    m,
                    &p.layout,
                    &p.viewport,
                    &p.emphasis,
                    &p.overlay,
                    p.layer,
                    &part,
                );
                super::web::rasterise_now(&p.ctx);
                p.slices.painted(section, items.len(), super::web::now_ms() - began);
                if super::web::now_ms() - start > 0.8 * SLICES_BUDGET_MS || super::web::now_ms() > deadline {
                    break;
                }
            }
        });
        let complete = e.painting.as_ref().is_some_and(|p| p.slices.is_done());
        if complete {
            if let Some(done) = e.painting.take() {
                if let Some((old, _)) = e.snapshot.replace((done.image, done.viewport)) {
                    e.spare = Some(old);
                }
                e.snapshot_layer = done.layer;
                e.snapshot_at_rest = done.at_rest;
            }
        }
        match (&e.snapshot, layer) {
            (Some((image, painted_for)), Layer::All) => {
                if complete {
                    canvas::shift(ctx, dpr, image, painted_for, painted_for);
                }
                move_shown(style, painted_for, &e.viewport);
            }
            (Some((image, painted_for)), _) => {
                canvas::shift(ctx, dpr, image, painted_for, &e.viewport);
                let _ = style.remove_property("transform");
            }
            (None, _) => {
                let progress = e.painting.as_ref().map_or(0.0, |p| p.slices.progress());
                canvas::progress_bar(ctx, dpr, &e.viewport, progress);
                let _ = style.remove_property("transform");
            }
        }
    }

    fn fit(self) {
        self.engine.update_value(|e| e.follow = true);
        self.schedule();
    }

    fn zoom(self, factor: f64) {
        self.engine.update_value(|e| {
            e.follow = false;
            let center =
                PosOnScreen { x: e.viewport.width_on_screen / 2.0, y: e.viewport.height_on_screen / 2.0 };
            e.viewport.zoom_at(center, factor);
        });
        self.schedule();
    }

    fn pan(self, dx: f64, dy: f64) {
        self.engine.update_value(|e| {
            e.follow = false;
            e.viewport.pan_by(dx, dy);
        });
        self.schedule();
    }

    fn selected_index(self) -> Option<usize> {
        let id = self.state.selected.get_untracked()?;
        self.state.map.with_untracked(|m| m.stakeholder_index(&id))
    }

    fn select(self, index: Option<usize>) {
        let id = index
            .and_then(|i| self.state.map.with_untracked(|m| m.stakeholders.get(i).map(|s| s.id.clone())));
        self.state.selected.set(id);
        self.schedule();
    }

    /// A click on the background: the link under it goes to the inspector, or
    /// nothing is selected any more.
    fn choose_link_at(self, p: PosOnScreen) {
        let found = self.engine.with_value(|e| {
            let world = e.viewport.to_world(p);
            let slack = 4.0 / e.viewport.scale;
            e.layout
                .as_ref()
                .and_then(|l| self.state.map.with_untracked(|m| hit::link_at(m, l, world, slack)))
        });
        let link =
            found.and_then(|l| self.state.map.with_untracked(|m| m.links.get(l).map(|l| l.id.clone())));
        self.select(None);
        self.state.selected_link.set(link);
    }

    fn toggle_link_mode(self) {
        let from = self.selected_index();
        let on = self.engine.try_update_value(|e| {
            e.link_from = if e.link_from.is_some() { None } else { from };
            e.link_from.is_some()
        });
        self.link_mode.set(on.unwrap_or(false));
    }

    /// In link mode, choosing another stakeholder links it to the first.
    fn finish_link(self, to: usize) -> bool {
        let from = self.engine.try_update_value(|e| e.link_from.take()).flatten();
        self.link_mode.set(false);
        match from {
            Some(from) if from != to => {
                self.state.link_stakeholders(from, to);
                true
            }
            _ => false,
        }
    }

    fn toggle_pin(self) {
        let Some(i) = self.selected_index() else { return };
        let changed = self.state.map.with_untracked(|m| {
            let mut s = m.stakeholders.get(i)?.clone();
            s.pinned = !s.pinned;
            if s.pinned && s.pos_in_world.is_none() {
                s.pos_in_world =
                    self.engine.with_value(|e| e.layout.as_ref().and_then(|l| l.pos_in_world(i)));
            }
            Some(s)
        });
        if let Some(s) = changed {
            self.state.dispatch(crate::edit::Command::ReplaceStakeholder(s));
            self.engine.update_value(|e| {
                if let Some(layout) = e.layout.as_mut() {
                    layout.simulation_mut().reheat(0.2);
                }
            });
            self.schedule();
        }
    }

    /// The pointer on the frame around the canvas: the canvas itself may be
    /// moved by a pan in progress, so its own offsets would drift.
    fn screen_pos(self, event: &web_sys::MouseEvent) -> PosOnScreen {
        let frame = self.canvas.get_untracked().and_then(|c| c.parent_element());
        match frame {
            Some(frame) => {
                let rect = frame.get_bounding_client_rect();
                let border = f64::from(frame.client_left());
                let top = f64::from(frame.client_top());
                PosOnScreen {
                    x: f64::from(event.client_x()) - rect.left() - border,
                    y: f64::from(event.client_y()) - rect.top() - top,
                }
            }
            None => PosOnScreen { x: f64::from(event.offset_x()), y: f64::from(event.offset_y()) },
        }
    }

    fn under(self, p: PosOnScreen) -> (PosInWorld, Option<usize>) {
        self.sync_layout();
        self.engine.with_value(|e| {
            let world = e.viewport.to_world(p);
            let slack = 4.0 / e.viewport.scale;
            let found = e
                .layout
                .as_ref()
                .and_then(|l| self.state.map.with_untracked(|m| hit::stakeholder_at(m, l, world, slack)));
            (world, found)
        })
    }

    fn pointer_down(self, event: &web_sys::PointerEvent) {
        if event.button() != 0 {
            return;
        }
        // No text selection starts from the canvas: it would repaint the whole page
        // on every move of the pointer.
        event.prevent_default();
        let p = self.screen_pos(event);
        let (world, found) = self.under(p);
        if let Some(canvas) = self.canvas.get_untracked() {
            let _ = canvas.focus();
            let _ = canvas.set_pointer_capture(event.pointer_id());
        }
        let linking = self.engine.with_value(|e| e.link_from.is_some());
        let gesture = match found {
            Some(i) if linking => {
                self.finish_link(i);
                Gesture::Idle
            }
            Some(i) if event.shift_key() => Gesture::Link { from: i, at: world },
            Some(i) => {
                self.select(Some(i));
                let at = self
                    .engine
                    .with_value(|e| e.layout.as_ref().and_then(|l| l.pos_in_world(i)))
                    .unwrap_or(world);
                Gesture::Move { index: i, grab_x: world.x - at.x, grab_y: world.y - at.y, moved: false }
            }
            None => Gesture::Pan { last: p, moved: false },
        };
        self.engine.update_value(|e| e.gesture = gesture);
        // Pressing changes nothing on the picture by itself (a new selection
        // repaints through its own effect), so the last painting is kept.
        self.schedule_move();
    }

    fn pointer_move(self, event: &web_sys::PointerEvent) {
        let p = self.screen_pos(event);
        let mut hover = None;
        self.engine.update_value(|e| {
            let world = e.viewport.to_world(p);
            match &mut e.gesture {
                Gesture::Pan { last, moved } => {
                    e.viewport.pan_by(p.x - last.x, p.y - last.y);
                    *moved |= (p.x - last.x).abs() + (p.y - last.y).abs() > 0.0;
                    *last = p;
                    e.follow = false;
                    hover = Some(None);
                }
                Gesture::Move { index, grab_x, grab_y, moved } => {
                    if let Some(layout) = e.layout.as_mut() {
                        layout.simulation_mut().place(*index, world.x - *grab_x, world.y - *grab_y, true);
                    }
                    *moved = true;
                    e.follow = false;
                    hover = Some(None);
                }
                Gesture::Link { at, .. } => *at = world,
                Gesture::Idle => {
                    hover = Some(Some(e.layout.as_ref().is_some_and(|l| {
                        self.state
                            .map
                            .with_untracked(|m| hit::stakeholder_at(m, l, world, 4.0 / e.viewport.scale))
                            .is_some()
                    })));
                }
            }
        });
        // `Some(Some(over))`: nothing moved, only the cursor may change;
        // `Some(None)`: a pan or a drag, which the frame paints from its snapshot;
        // `None`: the picture changed.
        match hover {
            Some(Some(over)) => {
                if let Some(canvas) = self.canvas.get_untracked() {
                    let _ = web_sys::HtmlElement::style(&canvas)
                        .set_property("cursor", if over { "pointer" } else { "grab" });
                }
            }
            Some(None) => self.schedule_move(),
            None => self.schedule(),
        }
    }

    fn pointer_up(self, event: &web_sys::PointerEvent) {
        let (_, found) = self.under(self.screen_pos(event));
        self.end_gesture(Some(found));
    }

    /// Ends the gesture where the pointer was let go, over `released_on` (`None`
    /// when the browser cancelled the pointer). A drag is kept either way: the
    /// stakeholder is where the user last saw it.
    fn end_gesture(self, released_on: Option<Option<usize>>) {
        let gesture = self.engine.try_update_value(|e| std::mem::replace(&mut e.gesture, Gesture::Idle));
        match (gesture, released_on) {
            (Some(Gesture::Move { index, moved: true, .. }), _) => {
                let at = self.engine.with_value(|e| e.layout.as_ref().and_then(|l| l.pos_in_world(index)));
                if let Some(at) = at {
                    self.state.move_stakeholder(index, at);
                }
            }
            (Some(Gesture::Link { from, .. }), Some(Some(to))) => self.state.link_stakeholders(from, to),
            (Some(Gesture::Pan { last, moved: false }), Some(_)) => self.choose_link_at(last),
            _ => {}
        }
        self.schedule();
    }

    fn wheel(self, event: &web_sys::WheelEvent) {
        event.prevent_default();
        let p = self.screen_pos(event);
        // One notch of the wheel zooms by a tenth (no exponentials: they cost download).
        let factor = if event.delta_y() < 0.0 {
            1.1
        } else if event.delta_y() > 0.0 {
            1.0 / 1.1
        } else {
            1.0
        };
        // Zoom on the snapshot while the wheel turns; paint sharp once it rests.
        const SETTLE_MS: f64 = 200.0;
        self.engine.update_value(|e| {
            e.follow = false;
            e.viewport.zoom_at(p, factor);
            e.zooming_until = super::web::now_ms() + SETTLE_MS;
        });
        self.schedule_move();
        set_timeout(move || self.schedule(), std::time::Duration::from_millis(SETTLE_MS as u64 + 20));
    }

    fn double_click(self, event: &web_sys::MouseEvent) {
        if let (_, Some(i)) = self.under(self.screen_pos(event)) {
            self.select(Some(i));
            self.state.focus.update(|f| *f = !*f);
        }
    }

    /// Keyboard use of the picture: arrows pan (Shift+arrows move the selected
    /// stakeholder), + and − zoom, 0 fits, [ and ] step through stakeholders,
    /// F focuses, L links, P pins, Delete deletes, Escape lets go.
    fn key(self, event: &web_sys::KeyboardEvent) {
        // In workshop mode the keys walk through the reveal (see `workshop`).
        if event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || self.state.workshop.with_untracked(Option::is_some)
        {
            return;
        }
        self.sync_layout();
        const STEP_ON_SCREEN: f64 = 40.0;
        const MOVE_IN_WORLD: f64 = 10.0;
        let selected = self.selected_index();
        let count = self.state.map.with_untracked(|m| m.stakeholders.len());
        let arrow = match event.key().as_str() {
            "ArrowLeft" => Some((-1.0, 0.0)),
            "ArrowRight" => Some((1.0, 0.0)),
            "ArrowUp" => Some((0.0, -1.0)),
            "ArrowDown" => Some((0.0, 1.0)),
            _ => None,
        };
        let handled = match (event.key().as_str(), arrow) {
            (_, Some((dx, dy))) if event.shift_key() => {
                if let Some(i) = selected {
                    let at = self.engine.with_value(|e| e.layout.as_ref().and_then(|l| l.pos_in_world(i)));
                    if let Some(at) = at {
                        self.state.move_stakeholder(
                            i,
                            PosInWorld { x: at.x + dx * MOVE_IN_WORLD, y: at.y + dy * MOVE_IN_WORLD },
                        );
                    }
                }
                true
            }
            (_, Some((dx, dy))) => {
                self.pan(-dx * STEP_ON_SCREEN, -dy * STEP_ON_SCREEN);
                true
            }
            ("+" | "=", _) => {
                self.zoom(1.25);
                true
            }
            ("-" | "_", _) => {
                self.zoom(0.8);
                true
            }
            ("0", _) => {
                self.fit();
                true
            }
            ("]" | "[", _) if count > 0 => {
                let next = match (selected, event.key().as_str()) {
                    (None, "]") => 0,
                    (None, _) => count - 1,
                    (Some(i), "]") => (i + 1) % count,
                    (Some(i), _) => (i + count - 1) % count,
                };
                self.select(Some(next));
                true
            }
            ("Enter", _) => match selected {
                Some(i) => self.finish_link(i),
                None => false,
            },
            ("f" | "F", _) if selected.is_some() => {
                self.state.focus.update(|f| *f = !*f);
                true
            }
            ("l" | "L", _) if selected.is_some() => {
                self.toggle_link_mode();
                true
            }
            ("p" | "P", _) if selected.is_some() => {
                self.toggle_pin();
                true
            }
            ("Delete" | "Backspace", _) => match self.state.selected.get_untracked() {
                Some(id) => {
                    let command =
                        self.state.map.with_untracked(|m| crate::edit::Command::delete_stakeholder(m, &id));
                    self.state.dispatch(command);
                    true
                }
                None => false,
            },
            ("Escape", _) => {
                self.engine.update_value(|e| e.link_from = None);
                self.link_mode.set(false);
                if self.state.focus.get_untracked() {
                    self.state.focus.set(false);
                } else {
                    self.select(None);
                }
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
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
        names.sort_unstable();
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
fn bounds(map: &crate::model::Map, layout: &MapLayout, hubs: bool) -> Option<BoundsInWorld> {
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
