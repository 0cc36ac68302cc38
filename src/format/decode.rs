//! Reads a `.simpul.json` file into a [`Map`], reporting every problem with its path.
//!
//! The file is parsed to a JSON tree first and then read field by field, so that one
//! bad value never hides the next: a facilitator fixes a file in one pass.

use super::problem::{Expected, Invalid, Problem, ProblemKind};
use super::{CURRENT_VERSION, FORMAT_NAME, MAX_FILE_BYTES};
use crate::model::{
    Color, Link, LinkId, LinkKind, Map, MapPart, OverLimit, PosInWorld, Resource, Score, Sector, SectorId,
    Stakeholder, StakeholderId, StakeholderKind, Stance, Strength, Vote, VoteOn, VoteOption, VoteProblem,
};
use serde_json::{Map as Object, Value};
use std::collections::HashMap;

/// Parses and validates a map file. An `Err` lists every problem found.
pub fn decode(text: &str) -> Result<Map, Invalid> {
    decode_value(&parse_json(text)?)
}

/// Parses a file's text as JSON, refusing it first if it is too large or empty.
/// Shared with the importers of other JSON formats (Kumu).
pub fn parse_json(text: &str) -> Result<Value, Invalid> {
    let fail = |kind| Invalid { problems: vec![Problem::new("", kind)] };
    serde_json::from_str(json_body(text).map_err(fail)?)
        .map_err(|e| fail(ProblemKind::Syntax { line: e.line(), column: e.column(), ends_early: e.is_eof() }))
}

/// The JSON a file's text holds (without a byte order mark), or why it is refused
/// before parsing: too large, or empty.
pub(super) fn json_body(text: &str) -> Result<&str, ProblemKind> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge { bytes: text.len(), limit: MAX_FILE_BYTES });
    }
    if text.trim().is_empty() {
        return Err(ProblemKind::Empty);
    }
    Ok(text.trim_start_matches('\u{feff}'))
}

/// Validates an already parsed JSON tree (used by share links and backups too).
pub fn decode_value(root: &Value) -> Result<Map, Invalid> {
    Decoding::new(root).finish()
}

/// The top-level lists, in the order they are read.
const LISTS: [&str; 3] = ["sectors", "stakeholders", "links"];

/// A map file's JSON tree read a slice of elements at a time ([`decode_value`] in
/// steps), so that checking a big file never holds the page for long: checking
/// 5,000 stakeholders and 15,000 links at once took the page about 100 ms.
pub struct Decoding<'v> {
    reader: Reader,
    /// `None` when the file is not a Simpul map of a version this Simpul reads.
    obj: Option<&'v Object<String, Value>>,
    title: String,
    description: String,
    sectors: Vec<Sector>,
    stakeholders: Vec<Stakeholder>,
    links: Vec<Link>,
    /// The list being read (an index in [`LISTS`]) and its next element.
    at: (usize, usize),
}

impl<'v> Decoding<'v> {
    /// Checks the file's format and version, and reads its title and description.
    pub fn new(root: &'v Value) -> Self {
        let mut reader = Reader::default();
        let obj = reader.header(root);
        let mut text =
            |key| obj.and_then(|obj| reader.text(obj, key, Path::top(key), false)).unwrap_or_default();
        let (title, description) = (text("title"), text("description"));
        Decoding {
            reader,
            obj,
            title,
            description,
            sectors: Vec::new(),
            stakeholders: Vec::new(),
            links: Vec::new(),
            at: (0, 0),
        }
    }

    /// Refuses a map that holds more than a map may ([`MapPart::limit`]): a map
    /// from outside. Checked on the lists' lengths, before any element is read.
    /// Not for maps already stored, which open whatever their size.
    pub fn within_limits(mut self) -> Self {
        let Some(obj) = self.obj else { return self };
        let count = |part: MapPart| obj.get(part.file_key()).and_then(Value::as_array).map_or(0, Vec::len);
        if let Some((part, count)) = MapPart::first_over(count) {
            self.reader.report(Path::top(part.file_key()), ProblemKind::TooMany(OverLimit { part, count }));
            self.obj = None;
        }
        self
    }

    /// Reads up to `elements` more sectors, stakeholders and links, in that order;
    /// `true` once every one is read. Elements with problems are reported and left out.
    pub fn read(&mut self, elements: usize) -> bool {
        let Some(obj) = self.obj else { return true };
        let mut left = elements;
        while let Some(&key) = LISTS.get(self.at.0) {
            let items: &[Value] = match obj.get(key) {
                None | Some(Value::Null) => &[],
                Some(Value::Array(items)) => items,
                Some(_) => {
                    self.reader.report(Path::top(key), ProblemKind::WrongType(Expected::List));
                    &[]
                }
            };
            while let Some(item) = items.get(self.at.1) {
                if left == 0 {
                    return false;
                }
                let path = Path::top(key).index(self.at.1);
                match self.at.0 {
                    0 => self.sectors.extend(self.reader.sector(item, path)),
                    1 => self.stakeholders.extend(self.reader.stakeholder(item, path)),
                    _ => self.links.extend(self.reader.link(item, path)),
                }
                self.at.1 += 1;
                left -= 1;
            }
            self.at = (self.at.0 + 1, 0);
        }
        true
    }

    /// Reads what is left, checks ids and references, and gives the map or every
    /// problem found.
    pub fn finish(mut self) -> Result<Map, Invalid> {
        self.read(usize::MAX);
        if self.obj.is_some() {
            self.reader.check_references();
        }
        let votes = self.obj.map(|obj| self.reader.votes(obj)).unwrap_or_default();
        match self.obj {
            Some(_) if self.reader.problems.is_empty() => Ok(Map {
                title: self.title,
                description: self.description,
                sectors: self.sectors,
                stakeholders: self.stakeholders,
                links: self.links,
                votes,
            }),
            _ => Err(Invalid { problems: self.reader.problems }),
        }
    }
}

/// Where a value is in the file, such as `stakeholders[3].sectors[1]`: written out
/// only when a problem is reported there (writing out every path of a map of
/// 5,000 stakeholders took longer than reading the map).
#[derive(Clone, Copy, Debug)]
struct Path {
    /// A top-level field (`title`, `stakeholders`…), or `""` for the file itself.
    top: &'static str,
    /// The element of a top-level list.
    index: Option<usize>,
    /// A field of that element.
    field: Option<&'static str>,
    /// The element of that field's list.
    item: Option<usize>,
}

impl Path {
    const FILE: Path = Path::top("");

    const fn top(top: &'static str) -> Self {
        Path { top, index: None, field: None, item: None }
    }

    fn index(self, i: usize) -> Self {
        Path { index: Some(i), ..self }
    }

    fn field(self, key: &'static str) -> Self {
        Path { field: Some(key), ..self }
    }

    fn item(self, j: usize) -> Self {
        Path { item: Some(j), ..self }
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.top)?;
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        if let Some(key) = self.field {
            if !self.top.is_empty() {
                f.write_str(".")?;
            }
            f.write_str(key)?;
        }
        if let Some(j) = self.item {
            write!(f, "[{j}]")?;
        }
        Ok(())
    }
}

/// Walks the JSON tree, collecting problems. Ids and references are recorded as
/// they are read, even in elements that have other problems, so that every
/// duplicate and dangling reference is reported in the same pass.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    /// `(list, path of the element, id)` for every readable id.
    ids: Vec<(List, Path, String)>,
    /// `(list referred to, path of the reference, id)`.
    references: Vec<(List, Path, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum List {
    Sectors,
    Stakeholders,
    Links,
}

impl Reader {
    fn report(&mut self, path: Path, kind: ProblemKind) {
        self.problems.push(Problem::new(path.to_string(), kind));
    }

    /// The file's top-level object, once its format and version are checked.
    fn header<'v>(&mut self, root: &'v Value) -> Option<&'v Object<String, Value>> {
        let Some(obj) = root.as_object() else {
            self.report(Path::FILE, ProblemKind::NotSimpulMap);
            return None;
        };
        if obj.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
            self.report(Path::FILE, ProblemKind::NotSimpulMap);
            return None;
        }
        match obj.get("version") {
            None => {
                self.report(Path::top("version"), ProblemKind::Missing);
                return None;
            }
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) if v == CURRENT_VERSION => {}
                Some(v) if v > CURRENT_VERSION => {
                    self.report(
                        Path::top("version"),
                        ProblemKind::NewerVersion { found: v, supported: CURRENT_VERSION },
                    );
                    return None;
                }
                // Version 1 is the first format: there is nothing older to migrate yet.
                // A future version 2 adds its migration from 1 here.
                _ => {
                    self.report(Path::top("version"), ProblemKind::UnknownVersion { found: n.to_string() });
                    return None;
                }
            },
            Some(other) => {
                self.report(Path::top("version"), ProblemKind::UnknownVersion { found: other.to_string() });
                return None;
            }
        }

        Some(obj)
    }

    fn object<'v>(&mut self, value: &'v Value, path: Path) -> Option<&'v Object<String, Value>> {
        let obj = value.as_object();
        if obj.is_none() {
            self.report(path, ProblemKind::WrongType(Expected::Object));
        }
        obj
    }

    fn sector(&mut self, value: &Value, path: Path) -> Option<Sector> {
        let obj = self.object(value, path)?;
        let id = self.id(obj, path, List::Sectors);
        let name = self.name(obj, path);
        let color = match obj.get("color") {
            None | Some(Value::Null) => None,
            Some(Value::String(raw)) => {
                let color = Color::parse(raw);
                if color.is_none() {
                    self.report(path.field("color"), ProblemKind::BadColor { value: raw.clone() });
                }
                color
            }
            Some(_) => {
                self.report(path.field("color"), ProblemKind::WrongType(Expected::Text));
                None
            }
        };
        Some(Sector { id: SectorId::new(id?), name: name?, color })
    }

    fn stakeholder(&mut self, value: &Value, path: Path) -> Option<Stakeholder> {
        let obj = self.object(value, path)?;
        let id = self.id(obj, path, List::Stakeholders);
        let name = self.name(obj, path);
        let kind = self.code(obj, "kind", path, true, StakeholderKind::ALL, StakeholderKind::code);
        let sectors = self.string_set(obj, "sectors", path);
        if let Some(Value::Array(items)) = obj.get("sectors") {
            for (j, item) in items.iter().enumerate() {
                if let Some(sector) = item.as_str().filter(|s| !s.trim().is_empty()) {
                    self.references.push((List::Sectors, path.field("sectors").item(j), sector.to_string()));
                }
            }
        }
        let power = self.bounded(obj, "power", path, Score::new, Score::MIN, Score::MAX);
        let interest = self.bounded(obj, "interest", path, Score::new, Score::MIN, Score::MAX);
        let stance = self.bounded(obj, "stance", path, Stance::new, Stance::MIN, Stance::MAX);
        let resources = self.code_set(obj, "resources", path, Resource::ALL, Resource::code);
        let notes = self.text(obj, "notes", path.field("notes"), false);
        let pos_in_world = self.position(obj, path);
        let pinned = self.flag(obj, "pinned", path);
        Some(Stakeholder {
            id: StakeholderId::new(id?),
            name: name?,
            kind: kind??,
            sectors: sectors?.into_iter().map(SectorId::new).collect(),
            power: power?.unwrap_or_default(),
            interest: interest?.unwrap_or_default(),
            stance: stance?.unwrap_or_default(),
            resources: resources?,
            notes: notes.unwrap_or_default(),
            pos_in_world: pos_in_world?,
            pinned: pinned?,
        })
    }

    fn link(&mut self, value: &Value, path: Path) -> Option<Link> {
        let obj = self.object(value, path)?;
        let id = self.id(obj, path, List::Links);
        let from = self.endpoint(obj, "from", path);
        let to = self.endpoint(obj, "to", path);
        let kind = self.code(obj, "kind", path, true, LinkKind::ALL, LinkKind::code);
        let directed = self.flag(obj, "directed", path);
        let strength = self.bounded(obj, "strength", path, Strength::new, Strength::MIN, Strength::MAX);
        let notes = self.text(obj, "notes", path.field("notes"), false);
        Some(Link {
            id: LinkId::new(id?),
            from: StakeholderId::new(from?),
            to: StakeholderId::new(to?),
            kind: kind??,
            directed: directed?,
            strength: strength?.unwrap_or_default(),
            notes: notes.unwrap_or_default(),
        })
    }

    /// The optional list of a room's votes, each checked by [`Vote::problem`].
    fn votes(&mut self, obj: &Object<String, Value>) -> Vec<Vote> {
        let path = Path::top("votes");
        let items = match obj.get("votes") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.report(path, ProblemKind::WrongType(Expected::List));
                return Vec::new();
            }
        };
        if items.len() > Vote::MAX_VOTES {
            self.report(path, ProblemKind::BadVote(VoteProblem::TooManyVotes));
            return Vec::new();
        }
        let mut votes: Vec<Vote> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = path.index(i);
            let Some(vote) = self.vote(item, path) else { continue };
            let problem = if votes.iter().any(|v| v.id == vote.id) {
                Some(VoteProblem::DuplicateId(vote.id))
            } else {
                vote.problem().or_else(|| {
                    votes.push(vote);
                    None
                })
            };
            if let Some(problem) = problem {
                self.report(path, ProblemKind::BadVote(problem));
            }
        }
        votes
    }

    /// One vote's fields, each reported where it is wrong (read by hand, as the
    /// rest of the file is: a derived reader would add to the page's download).
    fn vote(&mut self, value: &Value, path: Path) -> Option<Vote> {
        let obj = self.object(value, path)?;
        let id = self.non_blank(obj, "id", path);
        let question = self.text(obj, "question", path.field("question"), false);
        let on = self.code(obj, "on", path, true, &VoteOn::ALL, VoteOn::code);
        let most = i64::from(Vote::MAX_DOTS);
        let dots_each =
            self.bounded(obj, "dots_each", path, |n| u8::try_from(n).ok().filter(|d| *d >= 1), 1, most);
        let dots_each = dots_each.map(|d| d.filter(|d| *d <= Vote::MAX_DOTS).unwrap_or(Vote::DEFAULT_DOTS));
        let open = self.flag(obj, "open", path);
        let options = match obj.get("options") {
            Some(Value::Array(items)) => {
                let options: Vec<Option<VoteOption>> = items
                    .iter()
                    .enumerate()
                    .map(|(j, item)| {
                        let option = vote_option(item);
                        if option.is_none() {
                            self.report(
                                path.field("options").item(j),
                                ProblemKind::BadVote(VoteProblem::BadOption),
                            );
                        }
                        option
                    })
                    .collect();
                options.into_iter().collect::<Option<Vec<_>>>()
            }
            _ => {
                self.report(path.field("options"), ProblemKind::WrongType(Expected::List));
                None
            }
        };
        let dots = match obj.get("dots") {
            None | Some(Value::Null) => Some(Default::default()),
            Some(Value::Object(voters)) => voters
                .iter()
                .try_fold(
                    Vec::with_capacity(voters.len()),
                    |mut dots: Vec<(String, Vec<String>)>, (voter, keys)| {
                        // Kept sorted by voter, as `Vote` holds them.
                        let at = dots.partition_point(|(v, _)| v < voter);
                        dots.insert(at, (voter.clone(), strings(keys)?));
                        Some(dots)
                    },
                )
                .or_else(|| {
                    self.report(path.field("dots"), ProblemKind::WrongType(Expected::VoterDots));
                    None
                }),
            Some(_) => {
                self.report(path.field("dots"), ProblemKind::WrongType(Expected::VoterDots));
                None
            }
        };
        Some(Vote {
            id: id?,
            question: question?,
            on: on??,
            dots_each: dots_each?,
            open: open?,
            options: options?,
            dots: dots?,
        })
    }

    /// A text field. `None` after reporting when it is required and absent, or not text.
    fn text(&mut self, obj: &Object<String, Value>, key: &str, path: Path, required: bool) -> Option<String> {
        match obj.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) if !required => Some(String::new()),
            None | Some(Value::Null) => {
                self.report(path, ProblemKind::Missing);
                None
            }
            Some(_) => {
                self.report(path, ProblemKind::WrongType(Expected::Text));
                None
            }
        }
    }

    /// A required, non-blank text field.
    fn non_blank(&mut self, obj: &Object<String, Value>, key: &'static str, path: Path) -> Option<String> {
        let path = path.field(key);
        let value = self.text(obj, key, path, true)?;
        if value.trim().is_empty() {
            self.report(path, ProblemKind::Blank);
            return None;
        }
        Some(value)
    }

    fn id(&mut self, obj: &Object<String, Value>, path: Path, list: List) -> Option<String> {
        let id = self.non_blank(obj, "id", path)?;
        self.ids.push((list, path, id.clone()));
        Some(id)
    }

    fn name(&mut self, obj: &Object<String, Value>, path: Path) -> Option<String> {
        self.non_blank(obj, "name", path)
    }

    fn endpoint(&mut self, obj: &Object<String, Value>, key: &'static str, path: Path) -> Option<String> {
        let id = self.non_blank(obj, key, path)?;
        self.references.push((List::Stakeholders, path.field(key), id.clone()));
        Some(id)
    }

    /// An optional boolean, `false` when absent. `None` after reporting a wrong type.
    fn flag(&mut self, obj: &Object<String, Value>, key: &'static str, path: Path) -> Option<bool> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                self.report(path.field(key), ProblemKind::WrongType(Expected::TrueOrFalse));
                None
            }
        }
    }

    /// An optional whole number inside `min..=max`: `Some(None)` when absent,
    /// `None` after reporting a bad value.
    fn bounded<T>(
        &mut self,
        obj: &Object<String, Value>,
        key: &'static str,
        path: Path,
        make: fn(i64) -> Option<T>,
        min: i64,
        max: i64,
    ) -> Option<Option<T>> {
        let path = path.field(key);
        let number = match obj.get(key) {
            None | Some(Value::Null) => return Some(None),
            Some(Value::Number(n)) => n,
            Some(_) => {
                self.report(path, ProblemKind::WrongType(Expected::WholeNumber));
                return None;
            }
        };
        let whole = number
            .as_i64()
            .or_else(|| number.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15).map(|f| f as i64));
        match whole {
            None if number.as_f64().is_some_and(|f| f.fract() != 0.0) => {
                self.report(path, ProblemKind::WrongType(Expected::WholeNumber));
                None
            }
            Some(v) if make(v).is_some() => Some(make(v)),
            _ => {
                self.report(path, ProblemKind::OutOfRange { value: number.to_string(), min, max });
                None
            }
        }
    }

    /// A code from a closed vocabulary: `Some(Some(v))`, `Some(None)` when optional and
    /// absent, `None` after reporting.
    fn code<T: Copy>(
        &mut self,
        obj: &Object<String, Value>,
        key: &'static str,
        path: Path,
        required: bool,
        all: &'static [T],
        code: fn(T) -> &'static str,
    ) -> Option<Option<T>> {
        let path = path.field(key);
        let raw = self.text(obj, key, path, required)?;
        if raw.is_empty() && !required {
            return Some(None);
        }
        match all.iter().copied().find(|v| code(*v) == raw) {
            Some(v) => Some(Some(v)),
            None => {
                self.report(
                    path,
                    ProblemKind::NotAllowed { value: raw, allowed: all.iter().map(|v| code(*v)).collect() },
                );
                None
            }
        }
    }

    /// An optional list of distinct, non-blank strings.
    fn string_set(
        &mut self,
        obj: &Object<String, Value>,
        key: &'static str,
        path: Path,
    ) -> Option<Vec<String>> {
        let path = path.field(key);
        let items = match obj.get(key) {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.report(path, ProblemKind::WrongType(Expected::List));
                return None;
            }
        };
        let mut seen = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.item(i);
            match item {
                Value::String(s) if s.trim().is_empty() => {
                    self.report(item_path, ProblemKind::Blank);
                    ok = false;
                }
                Value::String(s) if seen.contains(s) => {
                    self.report(item_path, ProblemKind::Repeated { value: s.clone() });
                    ok = false;
                }
                Value::String(s) => seen.push(s.clone()),
                _ => {
                    self.report(item_path, ProblemKind::WrongType(Expected::Text));
                    ok = false;
                }
            }
        }
        ok.then_some(seen)
    }

    /// An optional list of distinct codes from a closed vocabulary.
    fn code_set<T: Copy + PartialEq>(
        &mut self,
        obj: &Object<String, Value>,
        key: &'static str,
        path: Path,
        all: &'static [T],
        code: fn(T) -> &'static str,
    ) -> Option<Vec<T>> {
        let raw = self.string_set(obj, key, path)?;
        let mut ok = true;
        let mut values = Vec::with_capacity(raw.len());
        for (i, s) in raw.into_iter().enumerate() {
            match all.iter().copied().find(|v| code(*v) == s) {
                Some(v) => values.push(v),
                None => {
                    self.report(
                        path.field(key).item(i),
                        ProblemKind::NotAllowed { value: s, allowed: all.iter().map(|v| code(*v)).collect() },
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(values)
    }

    /// Optional `x` and `y`: both or neither.
    fn position(&mut self, obj: &Object<String, Value>, path: Path) -> Option<Option<PosInWorld>> {
        let coordinate = |reader: &mut Self, key: &'static str| -> Option<Option<f64>> {
            match obj.get(key) {
                None | Some(Value::Null) => Some(None),
                Some(Value::Number(n)) => Some(n.as_f64()),
                Some(_) => {
                    reader.report(path.field(key), ProblemKind::WrongType(Expected::Number));
                    None
                }
            }
        };
        let x = coordinate(self, "x");
        let y = coordinate(self, "y");
        match (x?, y?) {
            (Some(x), Some(y)) => Some(Some(PosInWorld { x, y })),
            (None, None) => Some(None),
            (Some(_), None) => {
                self.report(path.field("y"), ProblemKind::HalfPosition);
                None
            }
            (None, Some(_)) => {
                self.report(path.field("x"), ProblemKind::HalfPosition);
                None
            }
        }
    }

    /// Unique ids in each list, and every reference resolving.
    fn check_references(&mut self) {
        let mut first_at: HashMap<(List, &str), Path> = HashMap::new();
        let mut problems = Vec::new();
        for (list, path, id) in &self.ids {
            match first_at.get(&(*list, id.as_str())) {
                Some(first) => problems.push(Problem::new(
                    path.field("id").to_string(),
                    ProblemKind::DuplicateId { id: id.clone(), first: first.to_string() },
                )),
                None => {
                    first_at.insert((*list, id), *path);
                }
            }
        }
        for (list, path, id) in &self.references {
            if !first_at.contains_key(&(*list, id.as_str())) {
                let kind = match list {
                    List::Sectors => ProblemKind::UnknownSector { id: id.clone() },
                    _ => ProblemKind::UnknownStakeholder { id: id.clone() },
                };
                problems.push(Problem::new(path.to_string(), kind));
            }
        }
        self.problems.extend(problems);
    }
}

/// `{ "key": …, "label": …, "subjects": [ … ] }`, or `None`.
fn vote_option(value: &Value) -> Option<VoteOption> {
    let obj = value.as_object()?;
    let text = |key: &str| obj.get(key).and_then(Value::as_str).map(str::to_string);
    let subjects = match obj.get("subjects") {
        None | Some(Value::Null) => Vec::new(),
        Some(list) => strings(list)?,
    };
    Some(VoteOption { key: text("key")?, label: text("label")?, subjects })
}

/// A list of strings, or `None`.
fn strings(value: &Value) -> Option<Vec<String>> {
    value.as_array()?.iter().map(|item| item.as_str().map(str::to_string)).collect()
}
