//! Every threshold the analysis uses, in one place (PRODUCT.md §4).
//!
//! Changing a number here changes the rule everywhere: in the findings, in their
//! explanations, and in the tests that cite these constants.

/// Power or interest at or above this is "high" (Mendelow, unheard voices,
/// powerful opponents). Scale 1–5.
pub const HIGH: u8 = 4;
/// Power at or below this is "low" (unheard voices, hidden brokers).
pub const LOW_POWER: u8 = 2;
/// Interest at or above this makes a low-power stakeholder an unheard voice when
/// it has no link to anyone of high power.
pub const UNHEARD_INTEREST: u8 = HIGH;
/// A directed link from A to B is a one-way dependency when power(A) − power(B) is
/// at least this and B has no channel back.
pub const ONE_WAY_POWER_GAP: i64 = 3;
/// Stance at or below this counts as opposed (−2…+2).
pub const OPPOSED_STANCE: i8 = -1;
/// Hub dominance is only judged on maps with at least this many stakeholders.
pub const HUB_MIN_STAKEHOLDERS: usize = 5;
/// A hub dominates when it is an endpoint of more than this share of all linked
/// pairs, or holds more than this share of all betweenness.
pub const HUB_SHARE: f64 = 0.5;
/// A gatekeeper's removal must leave at least two parts of at least this many
/// stakeholders; a fragile bridge's, two sides of at least this many; a
/// disconnected group counts from this size.
pub const MIN_PART: usize = 2;
/// Hidden brokers are among the top ⌈n / this⌉ by betweenness.
pub const BROKER_TOP_DIVISOR: usize = 10;
/// Missing Pentahelix kinds are reported on maps with at least this many stakeholders.
pub const PENTAHELIX_MIN_STAKEHOLDERS: usize = 5;
/// At most this many suggested links.
pub const SUGGESTED_LINKS: usize = 5;
/// A sector is split when its linked members fall into at least this many
/// communities with no link between members of different ones (members with no
/// link at all are `isolated` findings of their own, and do not count here).
pub const SPLIT_MIN_COMMUNITIES: usize = 2;
/// Findings of one code are listed as a group of their own, with their count,
/// and the Findings panel opens on a summary, when there are more than this many
/// (of the code; of all findings).
pub const GROUP_ABOVE: usize = 10;
/// The summary over the findings has at most this many headlines.
pub const HEADLINES: usize = 7;
/// Of them, at most this many name the sectors cut off from the most others.
pub const GAP_HEADLINES: usize = 3;
