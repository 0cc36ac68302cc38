//! The notices the page shows: news that goes by itself, problems that stay until
//! dismissed or resolved.

use super::*;

impl AppState {
    pub fn notify(&self, notice: Notice) {
        // News of a map just opened ("Imported … as a new map") comes with its
        // findings: it waits for the map's first analysis.
        if matches!(notice, Notice::Info(..)) && self.first_analysis_pending.get_untracked() {
            self.news_waiting.update_value(|waiting| waiting.push(notice));
            return;
        }
        let already = self.notices.with_untracked(|n| n.iter().any(|(_, existing)| existing == &notice));
        if already {
            return;
        }
        let id = self
            .next_notice
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default();
        // News goes away by itself; problems stay until dismissed.
        if matches!(notice, Notice::Info(..)) {
            let state = *self;
            set_timeout(move || state.dismiss(id), std::time::Duration::from_millis(NEWS_SHOWN_MS));
        }
        self.notices.update(|n| n.push((id, notice)));
    }

    /// The worker could not analyse the map: one lasting alert, however often it
    /// fails, since the findings shown are now those of an earlier map.
    pub(super) fn analysis_failed(&self, reason: String) {
        let shown = self.notices.with_untracked(|n| n.iter().any(|(_, n)| is_analysis_problem(n)));
        if !shown {
            self.notify(Notice::Problem(Text::AnalysisUnavailable, reason));
        }
    }

    /// The worker answered again: the findings are the map's own, the alert goes.
    pub(super) fn analysis_recovered(&self) {
        if self.notices.with_untracked(|n| n.iter().any(|(_, n)| is_analysis_problem(n))) {
            self.notices.update(|n| n.retain(|(_, n)| !is_analysis_problem(n)));
        }
    }

    /// The map just opened has its analysis, or is closed: its news can be told.
    pub(super) fn first_analysis_done(&self) {
        self.first_analysis_pending.set(false);
        let waiting = self.news_waiting.try_update_value(std::mem::take).unwrap_or_default();
        for notice in waiting {
            self.notify(notice);
        }
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|(i, _)| *i != id));
    }

    /// Conflicts concern the map that was open; once another map is open, or a
    /// copy is kept, they are settled. Other storage warnings stay until dismissed.
    pub(super) fn clear_conflict_notices(&self) {
        self.notices.update(|n| {
            n.retain(|(_, notice)| {
                !matches!(
                    notice,
                    Notice::Storage(
                        StorageProblem::Conflict { .. } | StorageProblem::DeletedElsewhere { .. }
                    )
                )
            })
        });
    }

    // ----- library -------------------------------------------------------------
}

fn is_analysis_problem(notice: &Notice) -> bool {
    matches!(notice, Notice::Problem(Text::AnalysisUnavailable, _))
}
