//! The network view's layout of a map: stakeholders and sector hubs as bodies of a
//! [`Simulation`], links and memberships as springs. Keeps the simulation in step
//! with the map as it is edited, and says which positions are worth saving.
//!
//! Body order: the map's stakeholders, then its sectors (hubs). Hub positions are
//! not part of the file; they follow their members.

use crate::model::{Map, PosInWorld, Stakeholder};
use simpul_layout::{Body, Spring};
pub use simpul_layout::{Simulation, BOUND};
use std::collections::HashMap;

/// Repulsion of a stakeholder and of a sector hub (hubs need more room for their label).
const STAKEHOLDER_REPULSION: f64 = 250.0;
const HUB_REPULSION: f64 = 400.0;
/// Rest lengths in world units: a strong link is shorter than a weak one.
const LINK_LENGTH: f64 = 110.0;
const MEMBERSHIP_LENGTH: f64 = 140.0;
/// Memberships pull less than links, so sectors group people without dominating.
const MEMBERSHIP_STIFFNESS: f64 = 0.35;
/// Saved positions are rounded to this, which keeps files and share links short.
const SAVED_PRECISION: f64 = 0.1;

/// What the layout depends on: who exists and who is tied to whom.
#[derive(Clone, Debug, Default, PartialEq)]
struct Structure {
    stakeholders: Vec<String>,
    sectors: Vec<String>,
    springs: Vec<(u32, u32, u8)>,
}

/// The layout of one map, kept in step with its edits.
#[derive(Clone, Debug)]
pub struct MapLayout {
    simulation: Simulation,
    structure: Structure,
    /// Per stakeholder, its position in the map when last synchronised: a change
    /// there (undo, import, a drag saved) moves the body.
    seen_in_map: Vec<Option<PosInWorld>>,
    seed: u64,
    ends: Ends,
}

/// Indices the drawing needs on every frame, resolved once per edit.
#[derive(Clone, Debug, Default)]
struct Ends {
    /// Per link of the map, in map order: its two stakeholder indices.
    links: Vec<Option<(usize, usize)>>,
    /// (stakeholder index, sector index) per membership.
    memberships: Vec<(usize, usize)>,
}

impl Ends {
    fn of(map: &Map) -> Self {
        let index: HashMap<&str, usize> =
            map.stakeholders.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let sector: HashMap<&str, usize> =
            map.sectors.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        Self {
            links: map
                .links
                .iter()
                .map(|l| Some((*index.get(l.from.as_str())?, *index.get(l.to.as_str())?)))
                .collect(),
            memberships: map
                .stakeholders
                .iter()
                .enumerate()
                .flat_map(|(i, s)| {
                    s.sectors.iter().filter_map(|x| sector.get(x.as_str())).map(move |&h| (i, h))
                })
                .collect(),
        }
    }
}

impl MapLayout {
    /// `O(n + m)`. Stakeholders with a saved position start there, the others near
    /// their placed neighbours, or on a spiral.
    pub fn new(map: &Map, seed: u64) -> Self {
        let structure = Structure::of(map);
        let simulation = build(map, &structure, &HashMap::new(), seed);
        let seen_in_map = map.stakeholders.iter().map(|s| s.pos_in_world).collect();
        let mut layout = Self { simulation, structure, seen_in_map, seed, ends: Ends::of(map) };
        if map.stakeholders.iter().all(|s| s.pos_in_world.is_some()) {
            // A map with a saved layout opens exactly as it was left.
            layout.simulation.set_alpha(0.0);
        }
        layout
    }

    /// The layout a picture of the map shows: a map whose layout has come to rest
    /// has every position saved and opens at rest; otherwise it is settled here
    /// first (at most 1,000 steps).
    pub fn settled(map: &Map) -> Self {
        let mut layout = Self::new(map, 0);
        for _ in 0..1000 {
            if layout.simulation.is_settled() {
                break;
            }
            layout.simulation.step();
        }
        layout
    }

    pub fn simulation(&self) -> &Simulation {
        &self.simulation
    }

    pub fn simulation_mut(&mut self) -> &mut Simulation {
        &mut self.simulation
    }

    /// Index of the first sector hub among the bodies.
    pub fn first_hub(&self) -> usize {
        self.structure.stakeholders.len()
    }

    /// Brings the layout in step with an edited map. `O(n + m)`; cheap when only
    /// fields other than positions changed.
    pub fn sync(&mut self, map: &Map) {
        let structure = Structure::of(map);
        if structure != self.structure {
            let mut known: HashMap<String, (f64, f64)> = HashMap::new();
            for (i, id) in self.structure.stakeholders.iter().enumerate() {
                if let Some(p) = self.simulation.position(i) {
                    known.insert(format!("s:{id}"), p);
                }
            }
            let hubs = self.first_hub();
            for (i, id) in self.structure.sectors.iter().enumerate() {
                if let Some(p) = self.simulation.position(hubs + i) {
                    known.insert(format!("h:{id}"), p);
                }
            }
            // A stakeholder whose saved position changed takes the saved one.
            let seen: HashMap<&str, Option<PosInWorld>> = self
                .structure
                .stakeholders
                .iter()
                .map(String::as_str)
                .zip(self.seen_in_map.iter().copied())
                .collect();
            for s in &map.stakeholders {
                if seen.get(s.id.as_str()).is_some_and(|before| *before != s.pos_in_world) {
                    known.remove(&format!("s:{}", s.id));
                }
            }
            let added =
                map.stakeholders.iter().filter(|s| !known.contains_key(&format!("s:{}", s.id))).count();
            self.simulation = build(map, &structure, &known, self.seed);
            self.simulation.set_alpha(if added * 4 > map.stakeholders.len().max(1) { 1.0 } else { 0.3 });
            self.structure = structure;
        } else {
            for (i, s) in map.stakeholders.iter().enumerate() {
                if self.seen_in_map.get(i).copied().flatten() != s.pos_in_world {
                    if let Some(p) = s.pos_in_world {
                        self.simulation.place(i, p.x, p.y, s.pinned);
                        self.simulation.reheat(0.1);
                    }
                }
                self.simulation.set_pinned(i, s.pinned);
            }
        }
        self.seen_in_map = map.stakeholders.iter().map(|s| s.pos_in_world).collect();
        self.ends = Ends::of(map);
    }

    /// Per link of the map, in map order: the indices of its two stakeholders.
    pub fn link_ends(&self) -> &[Option<(usize, usize)>] {
        &self.ends.links
    }

    /// Every membership as (stakeholder index, sector index).
    pub fn memberships(&self) -> &[(usize, usize)] {
        &self.ends.memberships
    }

    /// Sector hub `h`'s position now.
    pub fn hub_in_world(&self, h: usize) -> Option<PosInWorld> {
        self.simulation.position(self.first_hub() + h).map(|(x, y)| PosInWorld { x, y })
    }

    /// Stakeholder `index`'s position now.
    pub fn pos_in_world(&self, index: usize) -> Option<PosInWorld> {
        self.simulation.position(index).map(|(x, y)| PosInWorld { x, y })
    }

    /// Positions that differ from the map's by more than the saved precision,
    /// rounded, as `(stakeholder index, position)`: what to write back once settled.
    pub fn positions_to_save(&self, map: &Map) -> Vec<(usize, PosInWorld)> {
        map.stakeholders
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let now = rounded(self.pos_in_world(i)?);
                let moved = s
                    .pos_in_world
                    .is_none_or(|p| (p.x - now.x).abs() + (p.y - now.y).abs() > SAVED_PRECISION);
                moved.then_some((i, now))
            })
            .collect()
    }

    /// Records that the map now holds these positions, so `sync` does not treat
    /// them as someone else's change.
    pub fn saved(&mut self, saved: &[(usize, PosInWorld)]) {
        for &(i, p) in saved {
            if let Some(seen) = self.seen_in_map.get_mut(i) {
                *seen = Some(p);
            }
        }
    }
}

/// Rounds to the saved precision.
pub fn rounded(p: PosInWorld) -> PosInWorld {
    // Multiply then divide: gives the double nearest to the decimal, so files show "1.9".
    let round = |v: f64| (v / SAVED_PRECISION).round() / (1.0 / SAVED_PRECISION);
    PosInWorld { x: round(p.x), y: round(p.y) }
}

impl Structure {
    fn of(map: &Map) -> Self {
        let index: HashMap<&str, u32> =
            map.stakeholders.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u32)).collect();
        let hub: HashMap<&str, u32> = map
            .sectors
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), (map.stakeholders.len() + i) as u32))
            .collect();
        let mut springs = Vec::with_capacity(map.links.len());
        for link in &map.links {
            if let (Some(&a), Some(&b)) = (index.get(link.from.as_str()), index.get(link.to.as_str())) {
                if a != b {
                    springs.push((a.min(b), a.max(b), link.strength.get()));
                }
            }
        }
        // Parallel links pull as one, at the strength of the strongest.
        crate::order::sort_with(&mut springs, &|x, y| {
            (x.0, x.1, std::cmp::Reverse(x.2)).cmp(&(y.0, y.1, std::cmp::Reverse(y.2)))
        });
        springs.dedup_by_key(|s| (s.0, s.1));
        for (i, s) in map.stakeholders.iter().enumerate() {
            for sector in &s.sectors {
                if let Some(&h) = hub.get(sector.as_str()) {
                    springs.push((i as u32, h, 0));
                }
            }
        }
        Self {
            stakeholders: map.stakeholders.iter().map(|s| s.id.to_string()).collect(),
            sectors: map.sectors.iter().map(|s| s.id.to_string()).collect(),
            springs,
        }
    }
}

fn build(map: &Map, structure: &Structure, known: &HashMap<String, (f64, f64)>, seed: u64) -> Simulation {
    let n = map.stakeholders.len();
    let mut bodies: Vec<Body> = map
        .stakeholders
        .iter()
        .map(|s| Body {
            pos: known_at(known, "s:", s.id.as_str()).or_else(|| saved(s)),
            pinned: s.pinned && s.pos_in_world.is_some(),
            repulsion: STAKEHOLDER_REPULSION,
        })
        .collect();
    // Newcomers start beside their placed neighbours, so adding one does not
    // scramble the picture.
    let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b, kind) in &structure.springs {
        if kind > 0 {
            neighbours[a as usize].push(b);
            neighbours[b as usize].push(a);
        }
    }
    for i in 0..n {
        if bodies[i].pos.is_none() {
            let placed: Vec<(f64, f64)> =
                neighbours[i].iter().filter_map(|&j| bodies[j as usize].pos).collect();
            if !placed.is_empty() {
                let (x, y) = centroid(&placed);
                let (dx, dy) = simpul_layout::initial_position(i, seed);
                bodies[i].pos = Some((x + dx * 0.2, y + dy * 0.2));
            }
        }
    }
    // Hubs start at the centre of their placed members, summed in one pass over
    // the memberships (in stakeholder order): a pass over every stakeholder per
    // sector took 30 ms of the page for 200 sectors and 5,000 stakeholders.
    let mut members = vec![(0.0, 0.0, 0usize); map.sectors.len()];
    for &(a, hub, kind) in &structure.springs {
        let sum = (hub as usize).checked_sub(n).and_then(|h| members.get_mut(h));
        if let (0, Some(sum), Some((x, y))) = (kind, sum, bodies[a as usize].pos) {
            *sum = (sum.0 + x, sum.1 + y, sum.2 + 1);
        }
    }
    for (sector, (x, y, count)) in map.sectors.iter().zip(members) {
        let pos = known_at(known, "h:", sector.id.as_str())
            .or_else(|| (count > 0).then(|| (x / count as f64, y / count as f64)));
        bodies.push(Body { pos, pinned: false, repulsion: HUB_REPULSION });
    }
    let springs: Vec<Spring> = structure
        .springs
        .iter()
        .map(|&(a, b, strength)| match strength {
            0 => Spring { a, b, length: MEMBERSHIP_LENGTH, stiffness: MEMBERSHIP_STIFFNESS },
            s => Spring { a, b, length: LINK_LENGTH * (1.3 - 0.15 * f64::from(s)), stiffness: 1.0 },
        })
        .collect();
    Simulation::new(&bodies, &springs, seed)
}

/// A body's position from before an edit (`known` is keyed `s:<id>` and `h:<id>`);
/// nothing to look up in a new layout.
fn known_at(known: &HashMap<String, (f64, f64)>, prefix: &str, id: &str) -> Option<(f64, f64)> {
    if known.is_empty() {
        return None;
    }
    known.get(&format!("{prefix}{id}")).copied()
}

fn saved(s: &Stakeholder) -> Option<(f64, f64)> {
    s.pos_in_world.map(|p| (p.x, p.y))
}

fn centroid(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len().max(1) as f64;
    let (x, y) = points.iter().fold((0.0, 0.0), |(x, y), p| (x + p.0, y + p.1));
    (x / n, y / n)
}
