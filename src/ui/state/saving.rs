//! Saving the open map: at once for a small map, a slice per task for a big one,
//! one save after another; and what another tab's save means for this one.

use super::*;

/// A big map's saves, made in tasks after its changes (see `AppState::autosave`).
#[derive(Default)]
pub(super) struct Saving {
    /// A change is not saved yet, nor is a save of it under way.
    pending: bool,
    /// The save being written out, a slice per task.
    under_way: Option<SaveUnderWay>,
    /// A task chain is making the saves.
    running: bool,
}

/// A save of a snapshot of the open map, written out a slice per task.
struct SaveUnderWay {
    /// Where the map lives, when the snapshot was taken.
    doc: OpenDoc,
    /// Which opening of a map the snapshot is of (`AppState::opened`).
    opened: u64,
    text: format::Encoding<Map>,
}

impl AppState {
    /// Saves the open map after a change: at once, or for a big map a few tasks
    /// later. The change's own task updates the analysis, the tables and the
    /// picture; a big map's save is written out in tasks of its own, a slice per
    /// task (writing 5,000 stakeholders in one go froze the page). Changes made
    /// meanwhile are saved together, by the next save.
    pub(super) fn autosave(&self) {
        if self.big_map.get_untracked() {
            self.save_in_coming_tasks();
        } else {
            self.persist();
        }
    }

    /// Saves the open map in tasks after this one, with the changes that come
    /// meanwhile: for a big map, and for a room's changes, which come several times
    /// a second while a room edits (saved in the task that applied them, they made
    /// the projector's longest tasks).
    pub(super) fn save_in_coming_tasks(&self) {
        let start = self.saving.try_update_value(|saving| {
            saving.pending = true;
            !std::mem::replace(&mut saving.running, true)
        });
        if start == Some(true) {
            self.save_in_tasks();
        }
    }

    /// The task chain that makes a big map's saves: takes a snapshot of the map,
    /// writes it out a slice per task and stores it, then starts again while
    /// changes are waiting.
    pub(super) fn save_in_tasks(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            loop {
                web::next_task().await;
                let Some(under_way) = state.saving.try_with_value(|s| s.under_way.is_some()) else { return };
                if under_way {
                    let done = state.saving.try_update_value(|s| {
                        s.under_way.as_mut().is_none_or(|u| u.text.write(ELEMENTS_PER_TASK))
                    });
                    if done == Some(true) {
                        state.finish_save_under_way();
                    }
                } else if !state.start_save() {
                    state.saving.update_value(|s| s.running = false);
                    return;
                }
            }
        });
    }

    /// Takes a snapshot of the open map for a save written out in tasks, if a
    /// change waits to be saved; `false` when there is nothing to save.
    pub(super) fn start_save(&self) -> bool {
        if self.saving.try_update_value(|s| std::mem::take(&mut s.pending)) != Some(true) {
            return false;
        }
        // A preview is never written.
        let Some(doc) = self.doc.get_untracked().filter(|d| !d.preview) else { return true };
        // The version this save keeps, if one is due, is copied now rather than in
        // the task that writes the map: each copies megabytes.
        if let (Some(key), Ok(mut library)) = (&doc.key, store()) {
            library.keep_version_before_save(key, doc.revision, web::now_ms());
        }
        let text = format::Encoding::new(self.map.get_untracked());
        let opened = self.opened.get_untracked();
        self.saving.update_value(|s| s.under_way = Some(SaveUnderWay { doc, opened, text }));
        true
    }

    /// Writes out and stores the rest of the save under way, if there is one.
    pub(super) fn finish_save_under_way(&self) {
        let Some(save) = self.saving.try_update_value(|s| s.under_way.take()).flatten() else { return };
        let SaveUnderWay { doc, opened, text } = save;
        let (map, text) = text.finish_with_map();
        let now = web::now_ms();
        let result = store().and_then(|mut library| match &doc.key {
            Some(key) => library.save_written(key, &map, &text, doc.revision, now),
            None => library.create_written(&map, &text, now),
        });
        self.saved(result, self.opened.get_untracked() == opened);
    }

    /// Makes the open map's saves that wait for their tasks now: before another
    /// map replaces it, before storage is read for the map it is, and before the
    /// page is closed or hidden.
    pub fn save_now(&self) {
        self.finish_save_under_way();
        if self.saving.try_update_value(|s| std::mem::take(&mut s.pending)) == Some(true) {
            self.persist();
        }
    }

    /// Autosave: writes the open map, creating its entry if it has none yet. A
    /// preview is never written. A save under way is stored first, so the
    /// revisions follow each other.
    pub(super) fn persist(&self) {
        self.finish_save_under_way();
        let Some(doc) = self.doc.get_untracked().filter(|d| !d.preview) else { return };
        let now = web::now_ms();
        let result = self.map.with_untracked(|map| {
            store().and_then(|mut library| match &doc.key {
                Some(key) => library.save(key, map, doc.revision, now),
                None => library.create(map, now),
            })
        });
        self.saved(result, true);
    }

    /// After a save: the open doc's new revision (when the map saved is still
    /// the one open), the library's list, and the user told of a failure.
    pub(super) fn saved(
        &self,
        result: Result<simpul::storage::MapSummary, StorageProblem>,
        still_open: bool,
    ) {
        match result {
            Ok(summary) => {
                if still_open {
                    self.doc.set(Some(OpenDoc {
                        key: Some(summary.key.clone()),
                        revision: summary.revision,
                        preview: false,
                    }));
                }
                // The save worked, so earlier save failures are over.
                self.notices.update(|n| {
                    n.retain(|(_, notice)| {
                        !matches!(
                            notice,
                            Notice::Storage(
                                StorageProblem::Full
                                    | StorageProblem::Unavailable(_)
                                    | StorageProblem::Failed(_)
                            )
                        )
                    })
                });
                self.catalogue.update(|c| match c.maps.iter_mut().find(|m| m.key == summary.key) {
                    Some(existing) => *existing = summary,
                    None => c.maps.push(summary),
                });
            }
            Err(problem) => self.notify(Notice::Storage(problem)),
        }
    }

    /// After a conflict: drop this tab's unsaved change and load the stored version.
    pub fn load_theirs(&self, key: &str) {
        self.open(key);
        self.refresh_catalogue();
    }

    /// After a conflict: keep this tab's version as a new map beside the other.
    pub fn keep_mine_as_copy(&self) {
        let mut map = self.map.get_untracked();
        map.title = format!("{} ({})", map.title, self.t(Text::CopySuffix));
        self.clear_conflict_notices();
        self.start(map);
    }

    /// Another tab wrote storage: refresh the list, and warn if it was our map.
    /// `changed_key` is `None` when the other tab cleared all storage.
    pub fn on_storage_changed(&self, changed_key: Option<String>) {
        self.refresh_catalogue();
        let Some(OpenDoc { key: Some(key), revision, .. }) = self.doc.get_untracked() else { return };
        let entry = format!("{ENTRY_PREFIX}{key}");
        if changed_key.is_some_and(|k| k != entry) {
            return;
        }
        let Ok(library) = store() else { return };
        let title = self.map.with_untracked(|m| m.title.clone());
        match library.stored_revision(&key) {
            StoredRevision::At(stored) if stored != revision => {
                self.notify(Notice::Storage(StorageProblem::Conflict { key, title }))
            }
            StoredRevision::Missing => {
                self.notify(Notice::Storage(StorageProblem::DeletedElsewhere { key, title }))
            }
            StoredRevision::At(_) | StoredRevision::Unreadable => {}
        }
    }

    // ----- files ---------------------------------------------------------------
}
