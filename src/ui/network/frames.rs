//! The network view's frames: the layout stepped while the frame has time, and the
//! picture painted whole, or a slice per frame for a big map.

use super::*;

impl View {
    /// Lays out the map opened `opened`-th, unless another was opened since or its
    /// layout is already built.
    pub(super) fn build_layout(self, opened: u64) {
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
    pub(super) fn sync_layout(self) {
        if self.engine.try_update_value(|e| std::mem::take(&mut e.out_of_sync)) != Some(true) {
            return;
        }
        self.state.map.with_untracked(|map| {
            self.engine.update_value(|e| e.layout.as_mut().into_iter().for_each(|l| l.sync(map)));
        });
    }

    /// Asks for a frame that paints everything anew.
    pub(super) fn schedule(self) {
        self.engine.update_value(|e| e.dirty = true);
        self.schedule_move();
    }

    /// Asks for a frame after only the viewport changed (a pan or a wheel zoom),
    /// unless one is already coming.
    pub(super) fn schedule_move(self) {
        let already =
            self.engine.try_update_value(|e| std::mem::replace(&mut e.scheduled, true)).unwrap_or(true);
        if !already {
            request_animation_frame(move || self.frame());
        }
    }

    pub(super) fn frame(self) {
        let started = crate::ui::web::now_ms();
        self.sync_layout();
        self.engine.update_value(|e| e.scheduled = false);
        if crate::ui::later::rows_handed_on() {
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
        let Some(ctx) = crate::ui::web::context_2d(&canvas) else { return };
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
                let start = crate::ui::web::now_ms();
                loop {
                    layout.simulation_mut().step();
                    let now = crate::ui::web::now_ms();
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
                communities: e.communities.clone(),
            };
            // A stakeholder dragged over a resting layout is painted alone, over a
            // painting of everything else.
            let layer = match e.gesture {
                Gesture::Move { index, moved: true, .. } if settled => Layer::Without(index),
                _ => Layer::All,
            };
            let moving =
                matches!(e.gesture, Gesture::Pan { .. }) || crate::ui::web::now_ms() < e.zooming_until;
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
                    overlay.clone(),
                    deadline,
                ),
                _ => {
                    let image = e
                        .snapshot
                        .take()
                        .map(|(image, _)| image)
                        .or_else(|| e.spare.take())
                        .or_else(crate::ui::web::new_canvas);
                    let Some(image) = image else { return };
                    set_size(&image, (pixel_w, pixel_h));
                    if let Some(off) = crate::ui::web::context_2d(&image) {
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
                            );
                            canvas::paint_rings(&off, dpr, m, layout, &e.viewport, &e.changes);
                            canvas::paint_rings(&off, dpr, m, layout, &e.viewport, &e.peers);
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
                crate::ui::web::next_task().await;
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
    pub(super) fn paint_slices(
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
            let Some(image) = e.spare.take().or_else(crate::ui::web::new_canvas) else {
                return;
            };
            set_size(&image, (pixel_w, pixel_h));
            let Some(image_ctx) = crate::ui::web::context_2d_in_memory(&image) else {
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
        let start = crate::ui::web::now_ms();
        self.state.map.with_untracked(|m| {
            let p = painting;
            loop {
                let left = (SLICES_BUDGET_MS - (crate::ui::web::now_ms() - start))
                    .min(deadline - crate::ui::web::now_ms());
                let Some((section, items)) = p.slices.next(left) else {
                    break;
                };
                let began = crate::ui::web::now_ms();
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
                crate::ui::web::rasterise_now(&p.ctx);
                p.slices.painted(section, items.len(), crate::ui::web::now_ms() - began);
                if crate::ui::web::now_ms() - start > 0.8 * SLICES_BUDGET_MS
                    || crate::ui::web::now_ms() > deadline
                {
                    break;
                }
            }
        });
        let complete = e.painting.as_ref().is_some_and(|p| p.slices.is_done());
        if complete {
            if let Some(done) = e.painting.take() {
                // Others' selections in a room go over the finished painting.
                self.state.map.with_untracked(|m| {
                    canvas::paint_rings(&done.ctx, dpr, m, &done.layout, &done.viewport, &e.changes);
                    canvas::paint_rings(&done.ctx, dpr, m, &done.layout, &done.viewport, &e.peers)
                });
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
}
