//! Stakeholders coloured by their community (Louvain, see
//! `analysis::communities`) instead of their kind: the shape still says the kind,
//! the fill says who clusters with whom. The biggest communities get a colour
//! each; smaller ones, lone stakeholders and those not yet analysed are grey, so
//! that nine colours stay told apart on a map of hundreds of communities.

/// The communities' colours, biggest community first (Tableau 10 without its
/// grey): apart from each other, and from the grey of the rest.
pub const PALETTE: [&str; 9] =
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];
/// The fill of everyone in a community without a colour of its own.
pub const OTHER: &str = "#d3d7dc";

/// The fill of each stakeholder by community, and what the legend says of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommunityFill {
    /// By stakeholder, in map order: an index into [`PALETTE`], or
    /// `PALETTE.len()` for [`OTHER`].
    class_of: Vec<u8>,
    /// The communities with a colour, in the palette's order: each one's number
    /// (from 0, as the analysis counts) and its members.
    pub coloured: Vec<(u32, usize)>,
    /// How many stakeholders are grey.
    pub others: usize,
}

impl CommunityFill {
    /// From each stakeholder's community (`None` until the analysis has placed
    /// it): the [`PALETTE`]'s colours go to the biggest communities of at least
    /// two, ties to the lower number. `O(n + c)` for `c` communities.
    pub fn new(community_of: &[Option<u32>]) -> Self {
        // Communities are numbered from 0 (in the order of their first member),
        // so their sizes fit a list by number; no sort, which would add its code
        // to the page for nine picks.
        // (A number past the stakeholders' count is none the analysis gives.)
        let mut size_of: Vec<usize> = vec![0; community_of.len()];
        for c in community_of.iter().flatten() {
            if let Some(n) = size_of.get_mut(*c as usize) {
                *n += 1;
            }
        }
        let mut coloured: Vec<(u32, usize)> = Vec::new();
        while coloured.len() < PALETTE.len() {
            // The biggest left, the lower number first among equals.
            let mut best: Option<(usize, usize)> = None;
            for (c, &n) in size_of.iter().enumerate() {
                if n >= 2 && best.is_none_or(|(_, most)| n > most) {
                    best = Some((c, n));
                }
            }
            let Some((c, n)) = best else { break };
            size_of[c] = 0;
            coloured.push((c as u32, n));
        }
        let class_of: Vec<u8> = community_of
            .iter()
            .map(|c| {
                let class =
                    c.and_then(|c| coloured.iter().position(|(x, _)| *x == c)).unwrap_or(PALETTE.len());
                class as u8
            })
            .collect();
        let others = class_of.iter().filter(|&&c| usize::from(c) == PALETTE.len()).count();
        Self { class_of, coloured, others }
    }

    /// The fill the analysis's communities give, by stakeholder in map order.
    pub fn from_metrics(metrics: &[crate::analysis::StakeholderMetrics]) -> Self {
        Self::new(&metrics.iter().map(|m| m.community).collect::<Vec<_>>())
    }

    /// Stakeholder `i`'s fill ([`OTHER`] for one it does not know).
    pub fn colour(&self, i: usize) -> &'static str {
        Self::colour_of_class(self.class(i))
    }

    /// Stakeholder `i`'s class: an index into [`PALETTE`], or `PALETTE.len()`.
    pub fn class(&self, i: usize) -> usize {
        self.class_of.get(i).map_or(PALETTE.len(), |&c| usize::from(c))
    }

    /// The fill of a class.
    pub fn colour_of_class(class: usize) -> &'static str {
        PALETTE.get(class).copied().unwrap_or(OTHER)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_biggest_communities_get_the_colours_and_the_rest_is_grey() {
        // Community 3 has three members, 0 and 1 two each, 2 one; one is unplaced.
        let of = [Some(0), Some(3), Some(1), Some(3), Some(0), Some(2), Some(3), Some(1), None];
        let fill = CommunityFill::new(&of);
        assert_eq!(fill.coloured, [(3, 3), (0, 2), (1, 2)]);
        assert_eq!(fill.colour(1), PALETTE[0]);
        assert_eq!(fill.colour(0), PALETTE[1]);
        assert_eq!(fill.colour(2), PALETTE[2]);
        assert_eq!((fill.colour(5), fill.colour(8), fill.colour(99)), (OTHER, OTHER, OTHER));
        assert_eq!(fill.others, 2);
    }

    #[test]
    fn past_the_palette_communities_are_grey() {
        let of: Vec<Option<u32>> = (0..30).map(|i| Some(i / 2)).collect();
        let fill = CommunityFill::new(&of);
        assert_eq!(fill.coloured.len(), PALETTE.len());
        assert_eq!(fill.others, 30 - 2 * PALETTE.len());
        assert_eq!(fill.colour(29), OTHER);
    }
}
