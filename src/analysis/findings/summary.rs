//! The summary over the findings. A map of thousands of stakeholders can have tens
//! of thousands of findings, nearly all of one or two codes; nobody reads that
//! list. The summary says what it adds up to in at most [`HEADLINES`] headlines,
//! each standing for a set of the findings (which stay as they are, one each).
//!
//! Built in the worker with the analysis; `O(f)` in the number of findings, plus
//! a sort of the sectors by their gaps.

use super::{Code, Finding, Severity};
use crate::analysis::thresholds::{GAP_HEADLINES, GROUP_ABOVE, HEADLINES};
use serde::Serialize;
use std::collections::HashMap;

/// One line of the summary: every finding of `code`, or those of them about one
/// subject (`about`), e.g. "Health never reaches 37 of 199 sectors".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Headline {
    pub code: Code,
    /// The sector the headline is about (a sector's gaps); `None` for every
    /// finding of its code.
    pub about: Option<String>,
    /// How many findings it stands for.
    pub count: usize,
    /// Its reach: how many distinct stakeholders and sectors those findings name.
    pub reach: usize,
    /// Out of how many: for a sector's gaps, the other sectors that have members
    /// (0 where it means nothing).
    pub of: usize,
}

impl Headline {
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether `finding` is one of those this headline stands for.
    pub fn covers(&self, finding: &Finding) -> bool {
        finding.code == self.code && self.about.as_ref().is_none_or(|about| finding.subjects.contains(about))
    }
}

/// At most [`HEADLINES`] headlines over `findings`, the most severe first and,
/// within a severity, the widest reach first: one per code found, and when the
/// cross-sector gaps are more than [`GROUP_ABOVE`], also the [`GAP_HEADLINES`]
/// sectors cut off from the most others (`sectors` is how many sectors have
/// members). Ties keep the rule order.
pub fn summarise(findings: &[Finding], sectors: usize) -> Vec<Headline> {
    let mut headlines: Vec<Headline> = Vec::new();
    for code in Code::ALL {
        let of_code: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
        if of_code.is_empty() {
            continue;
        }
        let mut named: HashMap<&str, usize> = HashMap::new();
        for subject in of_code.iter().flat_map(|f| &f.subjects) {
            *named.entry(subject.as_str()).or_default() += 1;
        }
        headlines.push(Headline { code, about: None, count: of_code.len(), reach: named.len(), of: 0 });
        if code == Code::CrossSectorGap && of_code.len() > GROUP_ABOVE {
            let cut_off = most_cut_off(&of_code, sectors);
            // One sector in every gap: its headline says all, and says more.
            if cut_off.first().is_some_and(|h| h.count == of_code.len()) {
                headlines.pop();
            }
            headlines.extend(cut_off);
        }
    }
    // Stable: equal ranks keep the rule order, and a code's own headline stays
    // before those about one of its subjects.
    headlines.sort_by_key(|h| (h.severity(), std::cmp::Reverse(h.reach)));
    headlines.truncate(HEADLINES);
    headlines
}

/// The sectors with the most gaps (at least two each), most first and then in the
/// order they are first named.
fn most_cut_off(gaps: &[&Finding], sectors: usize) -> Vec<Headline> {
    let mut tally: Vec<(&str, usize)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for sector in gaps.iter().flat_map(|f| &f.subjects) {
        let i = *at.entry(sector.as_str()).or_insert_with(|| {
            tally.push((sector.as_str(), 0));
            tally.len() - 1
        });
        tally[i].1 += 1;
    }
    tally.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    tally
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .take(GAP_HEADLINES)
        .map(|(sector, n)| Headline {
            code: Code::CrossSectorGap,
            about: Some(sector.to_string()),
            count: n,
            reach: n + 1,
            of: sectors.saturating_sub(1),
        })
        .collect()
}
