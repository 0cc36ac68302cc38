//! Findings about who is missing: sectors that never talk, sectors split inside,
//! absent helices.

use super::{Code, Context, Detail, Finding};
use crate::analysis::pentahelix;
use crate::analysis::thresholds::{PENTAHELIX_MIN_STAKEHOLDERS, SPLIT_MIN_COMMUNITIES};

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

/// `sector-split`: a sector whose linked members fall into at least
/// [`SPLIT_MIN_COMMUNITIES`] communities, with no link between members of different
/// ones: a coordination gap inside the sector. One finding per sector; its detail
/// is the number of members in each community, largest first.
/// `O(n + Σ over members of their links)`.
pub fn sector_splits(cx: &Context, out: &mut Vec<Finding>) {
    let community = &cx.communities.of;
    for (sector, all_members) in cx.map.sectors.iter().zip(&cx.network.sector_members) {
        // The sector's linked members, in map order, each once.
        let mut members: Vec<usize> =
            all_members.iter().map(|&v| v as usize).filter(|&v| cx.graph.degree(v) > 0).collect();
        members.dedup();
        let mut sizes: Vec<(u32, usize)> = Vec::new();
        for &v in &members {
            match sizes.iter_mut().find(|(c, _)| *c == community[v]) {
                Some((_, n)) => *n += 1,
                None => sizes.push((community[v], 1)),
            }
        }
        if sizes.len() < SPLIT_MIN_COMMUNITIES {
            continue;
        }
        let in_sector = |w: usize| members.binary_search(&w).is_ok();
        let bridged = members.iter().any(|&v| {
            cx.graph
                .neighbors(v)
                .iter()
                .any(|&w| in_sector(w as usize) && community[w as usize] != community[v])
        });
        if !bridged {
            let mut parts: Vec<usize> = sizes.into_iter().map(|(_, n)| n).collect();
            parts.sort_unstable_by(|a, b| b.cmp(a));
            out.push(Finding::new(Code::SectorSplit, vec![sector.id.to_string()], Detail::Parts(parts)));
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
