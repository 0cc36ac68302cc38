//! Findings about who is missing: sectors that never talk, absent helices.

use super::{Code, Context, Detail, Finding};
use crate::analysis::pentahelix;
use crate::analysis::thresholds::PENTAHELIX_MIN_STAKEHOLDERS;

/// `cross-sector-gap`: both sectors have members, none is in both, and no link
/// joins a member of one to a member of the other. One finding per pair of sectors.
pub fn cross_sector_gaps(cx: &Context, out: &mut Vec<Finding>) {
    let matrix = cx.sector_matrix;
    for i in 0..matrix.size() {
        for j in (i + 1)..matrix.size() {
            if matrix.members(i) > 0
                && matrix.members(j) > 0
                && matrix.shared(i, j) == 0
                && matrix.links(i, j) == 0
            {
                let subjects = vec![cx.map.sectors[i].id.to_string(), cx.map.sectors[j].id.to_string()];
                out.push(Finding::new(Code::CrossSectorGap, subjects, Detail::None));
            }
        }
    }
}

/// `missing-pentahelix`: on maps of enough stakeholders, one finding per helix
/// (government, business, community, academia, media) with nobody of that kind.
pub fn missing_pentahelix(cx: &Context, out: &mut Vec<Finding>) {
    if cx.map.stakeholders.len() < PENTAHELIX_MIN_STAKEHOLDERS {
        return;
    }
    let (_, missing) = pentahelix::coverage(cx.map);
    for kind in missing {
        out.push(Finding::new(Code::MissingPentahelix, vec![kind.code().to_string()], Detail::None));
    }
}
