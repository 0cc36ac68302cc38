//! Workshop rooms without a browser: the map as a Yjs document, two participants
//! syncing through the y-websocket protocol, undo of one's own changes, and what
//! a hostile or broken peer cannot do to the map.

use simpul::analysis::ballot;
use simpul::edit::Command;
use simpul::format;
use simpul::i18n::Lang;
use simpul::model::{Link, LinkId, Map, Score, Stakeholder, StakeholderId, Vote, VoteOn};
use simpul::room::merge::commands_towards;
use simpul::room::{MapDoc, RoomClient};
use std::sync::Arc;
use yrs::updates::encoder::Encode;
use yrs::{Map as _, Transact};

fn example() -> Map {
    let text = std::fs::read_to_string("public/examples/bali-health.en.simpul.json").expect("example map");
    format::decode(&text).expect("valid example")
}

fn clock() -> Arc<dyn Fn() -> u64 + Send + Sync> {
    Arc::new(|| 1_000)
}

fn client(id: u64) -> RoomClient {
    RoomClient::new(id, &[], clock()).expect("empty state")
}

/// Passes messages between two clients until neither has more to say, as the
/// relay would: what one sends, the other receives.
fn exchange(a: &mut RoomClient, b: &mut RoomClient, from_a: Vec<Vec<u8>>, from_b: Vec<Vec<u8>>) {
    let (mut to_b, mut to_a) = (from_a, from_b);
    for _ in 0..20 {
        if to_a.is_empty() && to_b.is_empty() {
            return;
        }
        let mut next_to_a = Vec::new();
        for message in to_b.drain(..) {
            next_to_a.extend(b.receive(&message).expect("readable").send);
        }
        let mut next_to_b = Vec::new();
        for message in to_a.drain(..) {
            next_to_b.extend(a.receive(&message).expect("readable").send);
        }
        to_a = next_to_a;
        to_b = next_to_b;
    }
    panic!("the clients never stopped talking");
}

fn connect(a: &mut RoomClient, b: &mut RoomClient) {
    let (from_a, from_b) = (a.connected().send, b.connected().send);
    exchange(a, b, from_a, from_b);
}

/// Two participants of a room that holds the example map, A having put it there.
fn two_with_the_example() -> (RoomClient, RoomClient) {
    let (mut a, mut b) = (client(1), client(2));
    let sent = a.edit(&Map::default(), &example()).send;
    exchange(&mut a, &mut b, sent, Vec::new());
    (a, b)
}

/// A and B each change `base`, to `from_a` and `from_b`, before either hears of
/// the other's change; then the relay passes both on.
fn edit_at_once(a: &mut RoomClient, b: &mut RoomClient, base: &Map, from_a: &Map, from_b: &Map) {
    let sent_a = a.edit(base, from_a).send;
    let sent_b = b.edit(base, from_b).send;
    exchange(a, b, sent_a, sent_b);
}

fn layout_free(map: &Map) -> Map {
    map.without_layout()
}

#[test]
fn a_map_written_into_a_document_reads_back_the_same() {
    let map = example();
    let mut doc = MapDoc::with_client_id(1);
    doc.write(&Map::default(), &map, "own");
    let reading = doc.read();
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    assert_eq!(reading.map, layout_free(&map));
}

#[test]
fn a_pinned_position_is_shared_and_a_laid_out_one_is_not() {
    let mut map = example();
    map.stakeholders[0].pos_in_world = Some(simpul::model::PosInWorld { x: 10.0, y: -20.5 });
    map.stakeholders[0].pinned = true;
    map.stakeholders[1].pos_in_world = Some(simpul::model::PosInWorld { x: 3.0, y: 4.0 });
    let mut doc = MapDoc::with_client_id(1);
    doc.write(&Map::default(), &map, "own");
    let read = doc.read().map;
    assert_eq!(read.stakeholders[0].pos_in_world, map.stakeholders[0].pos_in_world);
    assert!(read.stakeholders[0].pinned);
    assert_eq!(read.stakeholders[1].pos_in_world, None);
}

#[test]
fn two_participants_converge_on_one_map() {
    let (mut a, mut b) = (client(1), client(2));
    let map = example();
    let seeded = a.edit(&Map::default(), &map);
    assert!(seeded.map_changed);
    connect(&mut a, &mut b);
    assert_eq!(b.read().map, layout_free(&map));

    // Each adds a stakeholder while the other does too.
    let base = b.read().map;
    let mut from_a = base.clone();
    from_a.stakeholders.push(Stakeholder::new(StakeholderId::new("ngo-a"), "NGO A"));
    let mut from_b = base.clone();
    from_b.stakeholders.push(Stakeholder::new(StakeholderId::new("ngo-b"), "NGO B"));
    edit_at_once(&mut a, &mut b, &base, &from_a, &from_b);
    let (ma, mb) = (a.read().map, b.read().map);
    assert_eq!(ma, mb);
    assert!(ma.stakeholder(&StakeholderId::new("ngo-a")).is_some());
    assert!(ma.stakeholder(&StakeholderId::new("ngo-b")).is_some());
}

#[test]
fn links_drawn_at_the_same_moment_on_two_phones_both_stay() {
    let (mut a, mut b) = two_with_the_example();
    let base = a.read().map;
    let line = |author: &str, name: &str| {
        let entry =
            simpul::quick_entry::parse(&format!("{name} > Dinas Kesehatan Provinsi Bali")).expect("a link");
        let (command, _) = simpul::quick_entry::command(&base, &entry, author).expect("a change");
        let mut map = base.clone();
        command.apply(&mut map).expect("applies");
        map
    };
    let (from_a, from_b) = (line("aaaaaa", "Posyandu A"), line("bbbbbb", "Posyandu B"));
    edit_at_once(&mut a, &mut b, &base, &from_a, &from_b);
    let map = a.read().map;
    assert_eq!(map, b.read().map);
    assert_eq!(map.links.len(), base.links.len() + 2, "both new links are kept");
}

#[test]
fn changes_to_different_fields_of_one_stakeholder_both_stay() {
    let (mut a, mut b) = two_with_the_example();
    let base = a.read().map;
    let mut renamed = base.clone();
    renamed.stakeholders[0].name = "Renamed by A".into();
    let mut rescored = base.clone();
    rescored.stakeholders[0].power = Score::new(1).expect("in scale");
    edit_at_once(&mut a, &mut b, &base, &renamed, &rescored);
    let map = a.read().map;
    assert_eq!(map, b.read().map);
    assert_eq!(map.stakeholders[0].name, "Renamed by A");
    assert_eq!(map.stakeholders[0].power.get(), 1);
}

#[test]
fn two_renames_of_one_stakeholder_at_once_end_the_same_everywhere() {
    let (mut a, mut b) = two_with_the_example();
    let base = a.read().map;
    let (mut one, mut two) = (base.clone(), base.clone());
    one.stakeholders[0].name = "One".into();
    two.stakeholders[0].name = "Two".into();
    edit_at_once(&mut a, &mut b, &base, &one, &two);
    let (ma, mb) = (a.read().map, b.read().map);
    assert_eq!(format::encode(&ma), format::encode(&mb));
    assert!(["One", "Two"].contains(&ma.stakeholders[0].name.as_str()));
}

#[test]
fn edits_made_offline_merge_when_the_participant_is_back() {
    let (mut a, mut b) = two_with_the_example();
    // B is cut off: what B sends is lost, and so is what A sends meanwhile.
    let base = b.read().map;
    let mut offline = base.clone();
    offline.stakeholders.push(Stakeholder::new(StakeholderId::new("while-away"), "Added while away"));
    let _lost = b.edit(&base, &offline);
    let mut online = a.read().map;
    let before = online.clone();
    online.title = "Retitled while B was away".into();
    let _lost = a.edit(&before, &online);
    // B is back: a new connection's first messages carry everything.
    connect(&mut a, &mut b);
    let (ma, mb) = (a.read().map, b.read().map);
    assert_eq!(ma, mb);
    assert_eq!(ma.title, "Retitled while B was away");
    assert!(ma.stakeholder(&StakeholderId::new("while-away")).is_some());
}

#[test]
fn undo_takes_back_only_ones_own_change() {
    let (mut a, mut b) = two_with_the_example();
    let base = a.read().map;
    let mut mine = base.clone();
    mine.stakeholders[0].notes = "A's note".into();
    let mut theirs = base.clone();
    theirs.stakeholders[1].notes = "B's note".into();
    edit_at_once(&mut a, &mut b, &base, &mine, &theirs);
    assert!(a.can_undo());
    let undone = a.undo();
    assert!(undone.map_changed);
    exchange(&mut a, &mut b, undone.send, Vec::new());
    let map = b.read().map;
    assert_eq!(map.stakeholders[0].notes, base.stakeholders[0].notes);
    assert_eq!(map.stakeholders[1].notes, "B's note");
    assert!(a.can_redo());
    let redone = a.redo();
    exchange(&mut a, &mut b, redone.send, Vec::new());
    assert_eq!(b.read().map.stakeholders[0].notes, "A's note");
}

#[test]
fn a_rejoining_browser_merges_from_the_state_it_kept() {
    let (mut a, b) = two_with_the_example();
    let kept = b.saved_state();
    let mut back = RoomClient::new(2, &kept, clock()).expect("its own state");
    assert_eq!(back.read().map, a.read().map);
    assert!(RoomClient::new(3, b"not an update", clock()).is_err());
}

/// A peer that writes straight into the document, past Simpul's own checks.
/// The document's roots: meta, stakeholders, links.
struct Roots {
    meta: yrs::MapRef,
    stakeholders: yrs::MapRef,
    links: yrs::MapRef,
    votes: yrs::MapRef,
}

fn hostile_write(client: &RoomClient, write: impl FnOnce(&Roots, &mut yrs::TransactionMut)) -> Vec<Vec<u8>> {
    let doc = yrs::Doc::with_client_id(99);
    let state = client.saved_state();
    {
        let mut txn = doc.transact_mut();
        txn.apply_update(yrs::Update::decode_v1(&state).expect("state")).expect("applies");
    }
    let sv = yrs::ReadTxn::state_vector(&doc.transact());
    let roots = Roots {
        meta: doc.get_or_insert_map("meta"),
        stakeholders: doc.get_or_insert_map("stakeholders"),
        links: doc.get_or_insert_map("links"),
        votes: doc.get_or_insert_map("votes"),
    };
    {
        let mut txn = doc.transact_mut();
        write(&roots, &mut txn);
    }
    let update = yrs::ReadTxn::encode_state_as_update_v1(&doc.transact(), &sv);
    vec![yrs::sync::Message::Sync(yrs::sync::SyncMessage::Update(update)).encode_v1()]
}

use yrs::updates::decoder::Decode;

#[test]
fn a_peer_cannot_make_the_map_invalid() {
    let mut a = client(1);
    a.edit(&Map::default(), &example());
    let good = a.read().map;
    let messages = hostile_write(&a, |roots, txn| {
        let stakeholders = &roots.stakeholders;
        // Power 9 on an existing stakeholder.
        if let Some(yrs::Out::YMap(first)) = stakeholders.get(txn, "dinkes") {
            first.insert(txn, "power", 9);
        }
        // A stakeholder whose kind is not one.
        stakeholders.insert(
            txn,
            "odd",
            yrs::MapPrelim::from([("name", yrs::Any::from("Odd")), ("kind", yrs::Any::from("alien"))]),
        );
        // A link to nobody.
        roots.links.insert(
            txn,
            "dangling",
            yrs::MapPrelim::from([("from", yrs::Any::from("dinkes")), ("to", yrs::Any::from("nobody"))]),
        );
        // A title of the wrong type.
        roots.meta.insert(txn, "title", 42);
    });
    for message in messages {
        a.receive(&message).expect("a well-formed update");
    }
    let reading = a.read();
    assert!(!reading.problems.is_empty());
    let map = reading.map;
    assert_eq!(
        map.stakeholder(&StakeholderId::new("dinkes")).map(|s| s.power.get()),
        good.stakeholders.iter().find(|s| s.id.as_str() == "dinkes").map(|s| s.power.get())
    );
    assert!(map.stakeholder(&StakeholderId::new("odd")).is_none());
    assert!(map.link(&LinkId::new("dangling")).is_none());
    // A title that is not text keeps the last one, and says so.
    assert_eq!(map.title, good.title);
    assert!(reading
        .problems
        .iter()
        .any(|p| p.describe(simpul::i18n::Lang::En) == "title: should be text in quotes"));
    // Every map the room gives is one the file reader accepts.
    format::decode(&format::encode(&map)).expect("valid");
}

#[test]
fn malformed_messages_are_refused_without_harm() {
    let mut a = client(1);
    a.edit(&Map::default(), &example());
    let before = a.read().map;
    for bytes in [
        &b""[..],
        &[0, 2, 200, 1, 2][..],
        &[0, 0, 255, 255, 255, 255, 255][..],
        &[7, 7, 7][..],
        &[1, 5, 1][..],
    ] {
        let _ = a.receive(bytes);
    }
    assert_eq!(a.read().map, before);
}

#[test]
fn the_rooms_map_becomes_commands_on_the_open_map() {
    let mut current = example();
    current.stakeholders[2].pos_in_world = Some(simpul::model::PosInWorld { x: 1.0, y: 2.0 });
    let mut room = example().without_layout();
    room.title = "New title".into();
    room.stakeholders[0].name = "Renamed".into();
    let gone = room.stakeholders.remove(1).id;
    room.links.retain(|l| !l.touches(&gone));
    room.stakeholders.push(Stakeholder::new(StakeholderId::new("new"), "New"));
    room.links.push(Link::new(
        LinkId::new("l-new"),
        StakeholderId::new("new"),
        room.stakeholders[0].id.clone(),
    ));
    let command = commands_towards(&current, &room).expect("changes");
    let mut applied = current.clone();
    command.apply(&mut applied).expect("applies in order");
    // The local layout stays where it was.
    assert_eq!(
        applied.stakeholder(&current.stakeholders[2].id).and_then(|s| s.pos_in_world),
        current.stakeholders[2].pos_in_world
    );
    assert_eq!(layout_free(&applied).title, room.title);
    let by_id = |m: &Map| {
        let mut ids: Vec<String> = m.stakeholders.iter().map(|s| format!("{}:{}", s.id, s.name)).collect();
        ids.sort();
        ids
    };
    assert_eq!(by_id(&applied), by_id(&room));
    assert_eq!(applied.links.len(), room.links.len());
    assert!(commands_towards(&applied, &room).is_none());
    let _ = Command::SetTitle(String::new());
}

#[test]
fn presence_lists_who_is_in_the_room() {
    let (mut a, mut b) = (client(1), client(2));
    let from_a = a.set_presence("Ana", "#e76f51", Some("dinkes")).send;
    let from_b = b.set_presence("Budi <script>", "not a colour", None).send;
    exchange(&mut a, &mut b, from_a, from_b);
    let people = b.people();
    assert_eq!(people.len(), 1, "a participant with a bad colour is not listed: {people:?}");
    assert_eq!(people[0].name, "Ana");
    assert_eq!(people[0].selected.as_deref(), Some("dinkes"));
    let from_b = b.set_presence("Budi", "#2a9d8f", None).send;
    exchange(&mut a, &mut b, Vec::new(), from_b);
    let people = a.people();
    assert_eq!(
        people.iter().map(|p| (p.name.as_str(), p.me)).collect::<Vec<_>>(),
        [("Ana", true), ("Budi", false)]
    );
}

#[test]
fn two_people_of_one_colour_end_with_two_colours() {
    let (mut a, mut b, mut c) = (client(1), client(2), client(3));
    let from_a = a.set_presence("Ana", "#e76f51", None).send;
    let from_b = b.set_presence("Budi", "#e76f51", Some("dinkes")).send;
    exchange(&mut a, &mut b, from_a, from_b);
    let colours = |people: Vec<simpul::room::Participant>| {
        people.into_iter().map(|p| (p.name, p.colour)).collect::<Vec<_>>()
    };
    // Ana was first in the document and keeps hers; Budi takes the first free one,
    // and keeps his selection.
    let seen_by_a = colours(a.people());
    assert_eq!(seen_by_a, [("Ana".into(), "#e76f51".into()), ("Budi".into(), "#2a9d8f".into())]);
    assert_eq!(colours(b.people()), [("Budi".into(), "#2a9d8f".into()), ("Ana".into(), "#e76f51".into())]);
    assert_eq!(a.people()[1].selected.as_deref(), Some("dinkes"));
    // Whoever comes next avoids both.
    let (from_a, from_c) = (a.renew_presence().send, c.set_presence("Citra", "#2a9d8f", None).send);
    exchange(&mut a, &mut c, from_a, from_c);
    let from_b = b.renew_presence().send;
    exchange(&mut b, &mut c, from_b, Vec::new());
    assert_eq!(c.people()[0].colour, "#8338ec");
    assert_eq!(colours(b.people())[2], ("Citra".into(), "#8338ec".into()));
}

/// A's map with an open vote on its stakeholders, in the room.
fn two_voting() -> (RoomClient, RoomClient, Map) {
    let (mut a, mut b) = two_with_the_example();
    let base = a.read().map;
    let vote = ballot::new_vote(
        &base,
        VoteOn::Stakeholders,
        ballot::stakeholders_ballot(&base),
        3,
        "aaaaaa",
        Lang::En,
    );
    let mut voting = base.clone();
    Command::start_vote(&base, vote).apply(&mut voting).expect("a valid vote");
    let sent = a.edit(&base, &voting).send;
    exchange(&mut a, &mut b, sent, Vec::new());
    let map = b.read().map;
    assert_eq!(map.votes, voting.votes, "the vote reached B whole");
    (a, b, map)
}

fn place(map: &Map, voter: &str, keys: &[&str]) -> Map {
    let mut vote = map.open_vote().expect("open").clone();
    for key in keys {
        vote = vote.with_dot(voter, key).expect("a dot left");
    }
    let mut after = map.clone();
    Command::PutVote { index: 0, vote }.apply(&mut after).expect("valid");
    after
}

#[test]
fn dots_placed_at_the_same_moment_on_two_phones_all_count() {
    let (mut a, mut b, base) = two_voting();
    let (first, second) = (base.stakeholders[0].id.to_string(), base.stakeholders[1].id.to_string());
    let from_a = place(&base, "aaaaaa", &[&first, &first]);
    let from_b = place(&base, "bbbbbb", &[&first, &second, &second]);
    edit_at_once(&mut a, &mut b, &base, &from_a, &from_b);
    let (ma, mb) = (a.read().map, b.read().map);
    assert_eq!(format::encode(&ma), format::encode(&mb));
    let vote = ma.open_vote().expect("still open");
    let tallies: Vec<(String, usize, usize)> =
        vote.tallies().iter().take(2).map(|t| (t.option.key.clone(), t.dots, t.voters)).collect();
    assert_eq!(tallies, [(first, 3, 2), (second, 2, 1)]);
    // Undo takes back only A's dots.
    let undone = a.undo();
    exchange(&mut a, &mut b, undone.send, Vec::new());
    let vote = b.read().map.open_vote().cloned().expect("open");
    assert!(vote.dots_of("aaaaaa").is_empty());
    assert_eq!(vote.dots_of("bbbbbb").len(), 3);
}

#[test]
fn a_peer_cannot_place_more_dots_than_each_has_or_dots_on_nothing() {
    let (mut a, _b, base) = two_voting();
    // As the room worker does after every change: the last valid map is known.
    assert_eq!(a.read().map.votes, base.votes);
    let vote_id = base.votes[0].id.clone();
    let first = base.stakeholders[0].id.to_string();
    let messages = hostile_write(&a, |roots, txn| {
        if let Some(yrs::Out::YMap(vote)) = roots.votes.get(txn, &vote_id) {
            let many: Vec<yrs::Any> = (0..5).map(|_| yrs::Any::from(first.as_str())).collect();
            vote.insert(txn, "dot:evil", yrs::Any::from(many));
        }
        roots.votes.insert(
            txn,
            "v-bad",
            yrs::MapPrelim::from([("question", yrs::Any::from("?")), ("dots_each", yrs::Any::from(99))]),
        );
    });
    for message in messages {
        a.receive(&message).expect("well-formed");
    }
    let reading = a.read();
    assert!(reading.problems.iter().any(|p| p.path.starts_with("votes[")), "{:?}", reading.problems);
    assert_eq!(reading.map.votes, base.votes, "the vote keeps its last valid state");
    format::decode(&format::encode(&reading.map)).expect("valid");
}

#[test]
fn a_vote_from_the_room_becomes_commands_and_a_closed_one_takes_no_dots() {
    let (_a, _b, room) = two_voting();
    let mut current = room.clone();
    current.votes.clear();
    let command = commands_towards(&current, &room).expect("the vote is new here");
    command.apply(&mut current).expect("applies");
    assert_eq!(current.votes, room.votes);
    let mut closed = room.votes[0].clone();
    closed.open = false;
    assert!(closed.with_dot("x", &room.stakeholders[0].id.to_string()).is_none());
    let mut later = room.clone();
    Command::start_vote(&room, Vote { id: "v2".into(), ..room.votes[0].clone() })
        .apply(&mut later)
        .expect("ok");
    assert_eq!(later.votes.iter().filter(|v| v.open).count(), 1, "one vote open at a time");
    assert_eq!(later.open_vote().map(|v| v.id.as_str()), Some("v2"));
}
