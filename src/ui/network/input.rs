//! The network view's input: pointer gestures (select, drag and pin, pan, link),
//! the wheel, double clicks and keys; and the view's moves (fit, zoom, pan).

use super::*;

impl View {
    pub(super) fn fit(self) {
        self.engine.update_value(|e| e.follow = true);
        self.schedule();
    }

    pub(super) fn zoom(self, factor: f64) {
        self.engine.update_value(|e| {
            e.follow = false;
            let center =
                PosOnScreen { x: e.viewport.width_on_screen / 2.0, y: e.viewport.height_on_screen / 2.0 };
            e.viewport.zoom_at(center, factor);
        });
        self.schedule();
    }

    pub(super) fn pan(self, dx: f64, dy: f64) {
        self.engine.update_value(|e| {
            e.follow = false;
            e.viewport.pan_by(dx, dy);
        });
        self.schedule();
    }

    pub(super) fn selected_index(self) -> Option<usize> {
        let id = self.state.selected.get_untracked()?;
        self.state.map.with_untracked(|m| m.stakeholder_index(&id))
    }

    pub(super) fn select(self, index: Option<usize>) {
        let id = index
            .and_then(|i| self.state.map.with_untracked(|m| m.stakeholders.get(i).map(|s| s.id.clone())));
        self.state.selected.set(id);
        self.schedule();
    }

    /// A click on the background: the link under it goes to the inspector, or
    /// nothing is selected any more.
    pub(super) fn choose_link_at(self, p: PosOnScreen) {
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

    pub(super) fn toggle_link_mode(self) {
        let from = self.selected_index();
        let on = self.engine.try_update_value(|e| {
            e.link_from = if e.link_from.is_some() { None } else { from };
            e.link_from.is_some()
        });
        self.link_mode.set(on.unwrap_or(false));
    }

    /// In link mode, choosing another stakeholder links it to the first.
    pub(super) fn finish_link(self, to: usize) -> bool {
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

    pub(super) fn toggle_pin(self) {
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
            self.state.dispatch(simpul::edit::Command::ReplaceStakeholder(s));
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
    pub(super) fn screen_pos(self, event: &web_sys::MouseEvent) -> PosOnScreen {
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

    pub(super) fn under(self, p: PosOnScreen) -> (PosInWorld, Option<usize>) {
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

    pub(super) fn pointer_down(self, event: &web_sys::PointerEvent) {
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

    pub(super) fn pointer_move(self, event: &web_sys::PointerEvent) {
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

    pub(super) fn pointer_up(self, event: &web_sys::PointerEvent) {
        let (_, found) = self.under(self.screen_pos(event));
        self.end_gesture(Some(found));
    }

    /// Ends the gesture where the pointer was let go, over `released_on` (`None`
    /// when the browser cancelled the pointer). A drag is kept either way: the
    /// stakeholder is where the user last saw it.
    pub(super) fn end_gesture(self, released_on: Option<Option<usize>>) {
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

    pub(super) fn wheel(self, event: &web_sys::WheelEvent) {
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
            e.zooming_until = crate::ui::web::now_ms() + SETTLE_MS;
        });
        self.schedule_move();
        set_timeout(move || self.schedule(), std::time::Duration::from_millis(SETTLE_MS as u64 + 20));
    }

    pub(super) fn double_click(self, event: &web_sys::MouseEvent) {
        if let (_, Some(i)) = self.under(self.screen_pos(event)) {
            self.select(Some(i));
            self.state.focus.update(|f| *f = !*f);
        }
    }

    /// Keyboard use of the picture: arrows pan (Shift+arrows move the selected
    /// stakeholder), + and − zoom, 0 fits, [ and ] step through stakeholders,
    /// F focuses, L links, P pins, Delete deletes, Escape lets go.
    pub(super) fn key(self, event: &web_sys::KeyboardEvent) {
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
                        self.state.map.with_untracked(|m| simpul::edit::Command::delete_stakeholder(m, &id));
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
