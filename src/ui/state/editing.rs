//! Every edit of the open map: one Command through the History, then the same
//! path for all (autosave, the worker's analysis, the undo buttons).

use super::*;

impl AppState {
    /// Applies one change to the open map, records it for undo and autosaves.
    pub fn dispatch(&self, command: Command) {
        let before = self.in_room().then(|| self.map.get_untracked());
        let mut result = Ok(());
        self.map.update(|map| {
            result = self.history.try_update_value(|h| h.apply(map, command)).unwrap_or(Ok(()));
        });
        match result {
            Ok(()) => {
                if let Some(before) = before {
                    self.send_edit(before);
                }
                self.after_change();
            }
            Err(error) => self.notify(Notice::Edit(error)),
        }
    }

    /// Writes positions the layout settled on. Not an edit: it is not undone, but
    /// it is saved, so the map reopens as it was left.
    pub fn record_positions(&self, positions: &[(usize, PosInWorld)]) {
        if positions.is_empty() {
            return;
        }
        self.map.update(|map| {
            for &(i, p) in positions {
                if let Some(s) = map.stakeholders.get_mut(i) {
                    s.pos_in_world = Some(p);
                }
            }
        });
        self.autosave();
    }

    /// Moves a stakeholder and pins it there (an undoable edit).
    pub fn move_stakeholder(&self, index: usize, to: PosInWorld) {
        let moved = self.map.with_untracked(|m| {
            m.stakeholders.get(index).map(|s| {
                let mut s = s.clone();
                s.pos_in_world = Some(simpul::layout::rounded(to));
                s.pinned = true;
                s
            })
        });
        if let Some(s) = moved {
            self.dispatch(Command::ReplaceStakeholder(s));
        }
    }

    /// One line of quick entry: a name, or a link such as `A > B` (see
    /// [`simpul::quick_entry`]). Selects the stakeholder it names; says whether the
    /// line was a link.
    pub fn enter_line(&self, line: &str) -> bool {
        let Some(entry) = simpul::quick_entry::parse(line) else { return false };
        let author = self.link_author();
        let Some((command, id)) =
            self.map.with_untracked(|m| simpul::quick_entry::command(m, &entry, &author))
        else {
            return false;
        };
        self.dispatch(command);
        self.selected.set(Some(id));
        matches!(entry, simpul::quick_entry::Entry::Link { .. })
    }

    /// Links two stakeholders with a partnership (the most common kind; the links
    /// table edits it further). Ignores a stakeholder linked to itself.
    pub fn link_stakeholders(&self, a: usize, b: usize) {
        let author = self.link_author();
        let command = self.map.with_untracked(|m| {
            let (from, to) = (m.stakeholders.get(a)?, m.stakeholders.get(b)?);
            (a != b).then(|| Command::InsertLink {
                index: m.links.len(),
                link: Link::new(m.fresh_link_id_by(&author), from.id.clone(), to.id.clone()),
            })
        });
        if let Some(command) = command {
            self.dispatch(command);
        }
    }

    pub fn undo(&self) {
        if self.in_room() {
            return self.room_step("undo");
        }
        let mut changed = false;
        self.map.update(|map| changed = self.history.try_update_value(|h| h.undo(map)).unwrap_or(false));
        if changed {
            self.after_change();
        }
    }

    pub fn redo(&self) {
        if self.in_room() {
            return self.room_step("redo");
        }
        let mut changed = false;
        self.map.update(|map| changed = self.history.try_update_value(|h| h.redo(map)).unwrap_or(false));
        if changed {
            self.after_change();
        }
    }

    pub(super) fn after_change(&self) {
        self.sync_history_flags();
        self.forget_gone_selection();
        self.autosave();
    }

    /// After a room's change of the map.
    pub(super) fn after_room_change(&self) {
        self.forget_gone_selection();
        self.save_in_coming_tasks();
    }

    /// A deleted stakeholder cannot stay selected.
    fn forget_gone_selection(&self) {
        let gone = self.selected.with_untracked(|s| {
            s.as_ref().is_some_and(|id| self.map.with_untracked(|m| m.stakeholder(id).is_none()))
        });
        if gone {
            self.selected.set(None);
        }
    }

    pub(super) fn reset_history(&self) {
        self.history.set_value(History::default());
        self.opened.update(|n| *n += 1);
        self.focus.set(false);
        self.selected.set(None);
        self.selected_link.set(None);
        self.active_finding.set(None);
        self.compared.set(None);
        self.sync_history_flags();
    }

    pub(super) fn sync_history_flags(&self) {
        // In a room, undo is the room's, and so are its flags.
        if self.in_room() {
            return;
        }
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }
}
