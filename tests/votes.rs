//! Votes in the map file: kept by the optional `votes` list, absent when there
//! are none (so older readers see the same file), checked as strictly as the rest.

use simpul::analysis::ballot;
use simpul::edit::{Command, EditError};
use simpul::format;
use simpul::i18n::Lang;
use simpul::model::{Map, Vote, VoteOn, VoteProblem};

fn example() -> Map {
    let text = std::fs::read_to_string("public/examples/bali-health.en.simpul.json").expect("example map");
    format::decode(&text).expect("valid example")
}

fn with_a_vote() -> Map {
    let mut map = example();
    let vote = ballot::new_vote(
        &map,
        VoteOn::Stakeholders,
        ballot::stakeholders_ballot(&map),
        3,
        "abc123",
        Lang::En,
    );
    let key = vote.options[1].key.clone();
    let vote = vote.with_dot("abc123", &key).and_then(|v| v.with_dot("def456", &key)).expect("dots");
    Command::start_vote(&map, vote).apply(&mut map).expect("valid");
    map
}

#[test]
fn a_map_without_votes_writes_no_votes_field() {
    assert!(!format::encode(&example()).contains("\"votes\""));
    let mut encoding = format::Encoding::new(example());
    encoding.write(usize::MAX);
    assert!(!encoding.finish().contains("\"votes\""));
}

#[test]
fn votes_travel_in_the_file_both_ways_it_is_written() {
    let map = with_a_vote();
    let pretty = format::encode(&map);
    assert_eq!(format::decode(&pretty).expect("valid"), map);
    let compact = format::Encoding::new(map.clone()).finish();
    assert_eq!(format::decode(&compact).expect("valid"), map);
    assert_eq!(serde_json::to_string(&format::as_file(&map)).expect("json"), compact);
    let tallies = map.votes[0].tallies();
    assert_eq!((tallies[0].option.key.as_str(), tallies[0].dots), (map.stakeholders[1].id.as_str(), 2));
}

#[test]
fn a_bad_vote_in_a_file_is_named_where_it_is() {
    let map = with_a_vote();
    let mut value: serde_json::Value = serde_json::from_str(&format::encode(&map)).expect("json");
    value["votes"][0]["dots"]["abc123"] = serde_json::json!(["nobody"]);
    let problems = format::decode_value(&value).expect_err("invalid").problems;
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "votes[0]");
    assert_eq!(problems[0].kind, format::ProblemKind::BadVote(VoteProblem::UnknownOption("nobody".into())));
    assert!(problems[0].describe(Lang::Id).contains("bukan pilihan"));
    value["votes"][0]["dots"]["abc123"] = serde_json::json!([]);
    value["votes"][0]["dots_each"] = serde_json::json!("three");
    value["votes"][0]["options"][2] = serde_json::json!({ "label": "no key" });
    let problems: Vec<String> = format::decode_value(&value)
        .expect_err("invalid")
        .problems
        .iter()
        .map(|p| p.describe(Lang::En))
        .collect();
    assert_eq!(
        problems,
        [
            "votes[0].dots_each: should be a whole number",
            "votes[0].options[2]: should be an option { \"key\": …, \"label\": … }"
        ]
    );
    value["votes"] = serde_json::json!({});
    assert_eq!(format::decode_value(&value).expect_err("invalid").problems[0].path, "votes");
}

#[test]
fn an_edit_cannot_make_a_vote_invalid_and_undo_takes_a_dot_back() {
    let mut map = with_a_vote();
    let mut vote = map.votes[0].clone();
    vote.dots.push(("zz-greedy".into(), vec![vote.options[0].key.clone(); 4]));
    let refused = Command::PutVote { index: 0, vote }.apply(&mut map);
    assert_eq!(refused, Err(EditError::BadVote(VoteProblem::TooManyDots("zz-greedy".into()))));
    let before = map.clone();
    let dotted = map.votes[0].with_dot("ghi789", &map.votes[0].options[0].key.clone()).expect("a dot");
    let inverse = Command::PutVote { index: 0, vote: dotted }.apply(&mut map).expect("valid");
    assert_eq!(map.votes[0].total_dots(), 3);
    inverse.apply(&mut map).expect("undo");
    assert_eq!(map, before);
}

#[test]
fn a_vote_on_findings_offers_each_finding_once_with_whom_it_is_about() {
    let map = example();
    let analysis = simpul::analysis::analyze(&map);
    assert!(!analysis.findings.is_empty());
    let options = ballot::findings_ballot(&map, &analysis.findings, Lang::Id);
    assert_eq!(options.len(), analysis.findings.len());
    let first = &analysis.findings[0];
    assert_eq!(options[0].subjects, first.subjects);
    assert!(options[0].label.starts_with(&first.explain(&map, Lang::Id).title));
    let vote = ballot::new_vote(&map, VoteOn::Findings, options, 3, "abc123", Lang::Id);
    assert!(vote.problem().is_none());
    assert!(vote.question.starts_with("Temuan"));
    assert_eq!(vote.id, "v-abc123");
    assert_eq!(Vote::DEFAULT_DOTS, 3);
}
