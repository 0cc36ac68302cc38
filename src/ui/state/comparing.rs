//! Snapshots of the open map and what it is compared with (see
//! `storage::snapshots` and `analysis::compare`).

use super::*;
use crate::ui::canvas::{Ring, RingAt};
use simpul::model::Score;
use simpul::storage::Snapshot;

/// A comparison shown on the picture: what changed since the map called `since`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compared {
    pub since: String,
    /// Ids, in the open map, of the stakeholders new since.
    pub added: Vec<String>,
    /// Ids, in the open map, of the stakeholders changed since.
    pub changed: Vec<String>,
    /// The stakeholders gone since: name, where they were (if that map kept a
    /// place for them) and power (their size).
    pub removed: Vec<(String, Option<PosInWorld>, Score)>,
    /// How many findings were resolved since, and how many are new.
    pub findings_resolved: usize,
    pub findings_new: usize,
}

impl Compared {
    /// The marks on the picture: the new and the changed ringed with a word, the
    /// gone as dashed ghosts with their names, where they were.
    pub fn rings(&self, map: &Map, lang: Lang) -> Vec<Ring> {
        let ring = |id: &String, colour: &str, text: Text| {
            let i = map.stakeholder_index(&StakeholderId::new(id.as_str()))?;
            Some(Ring {
                at: RingAt::Stakeholder(i),
                colour: colour.into(),
                label: text.get(lang).into(),
                dashed: false,
            })
        };
        let mut rings: Vec<Ring> =
            self.added.iter().filter_map(|id| ring(id, "#1a7f4b", Text::MarkAdded)).collect();
        rings.extend(self.changed.iter().filter_map(|id| ring(id, "#a04f00", Text::MarkChanged)));
        rings.extend(self.removed.iter().filter_map(|(name, at, power)| {
            Some(Ring {
                at: RingAt::Ghost {
                    pos_in_world: (*at)?,
                    radius_in_world: simpul::drawing::look::radius(*power),
                },
                colour: "#5b6470".into(),
                label: Text::MarkRemoved.get(lang).replace("{}", name),
                dashed: true,
            })
        }));
        rings
    }
}

/// Where a map to compare with is kept, as the compare dialog's choices name it:
/// `s:` a snapshot, `v:` an earlier version, `m:` another stored map, then its key.
pub fn choice(kind: char, key: &str) -> String {
    format!("{kind}:{key}")
}

impl AppState {
    /// Keeps the open map as it is now, under `name`; `false` if it could not be
    /// kept (the user is told why).
    pub fn take_snapshot(&self, name: &str) -> bool {
        self.save_now();
        let Some(key) = self.open_key() else { return false };
        match store().and_then(|mut library| library.take_snapshot(&key, name, web::now_ms())) {
            Ok(snapshot) => {
                self.notify(Notice::Info(Text::SnapshotTaken, snapshot.name));
                true
            }
            Err(problem) => {
                self.notify(Notice::Storage(problem));
                false
            }
        }
    }

    /// The snapshots of the open map, newest first.
    pub fn snapshots(&self) -> Vec<Snapshot> {
        self.open_key().and_then(|key| store().ok()?.snapshots(&key).ok()).unwrap_or_default()
    }

    /// The map a [`choice`] names, and what to call it.
    pub fn map_to_compare(&self, choice: &str) -> Result<(Map, String), StorageProblem> {
        let missing = || StorageProblem::NotFound(choice.to_string());
        let (kind, key) = choice.split_once(':').ok_or_else(missing)?;
        let mut library = store()?;
        let lang = self.lang.get_untracked().code();
        match kind {
            "s" => {
                let (name, map) = library.snapshot(key)?;
                Ok((map, name))
            }
            "v" => {
                let when = self.versions().into_iter().find(|v| v.key == key).ok_or_else(missing)?.saved_ms;
                Ok((library.version_map(key)?, web::local_time(when, lang)))
            }
            "m" => {
                let map = library.load(key, web::now_ms())?.map;
                let title = map.title.clone();
                Ok((map, title))
            }
            _ => Err(missing()),
        }
    }

    /// The storage key of the open map, unless it is a preview or not stored.
    fn open_key(&self) -> Option<String> {
        self.doc.with_untracked(|d| d.as_ref().filter(|d| !d.preview).and_then(|d| d.key.clone()))
    }
}
