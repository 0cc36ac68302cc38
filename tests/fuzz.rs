//! Fuzzing every decoder that takes outside bytes: map files, share links, CSV,
//! XLSX, Kumu JSON, GraphML, GEXF, PRSM (plain and compressed), any file whose
//! format is told from its bytes, backups and stored entries. Each runs on arbitrary bytes, on
//! byte-level mutations of the seed corpus (`tests/fuzz/corpus/<decoder>/`, written
//! by `scripts/fuzz_corpus.py`) and, for JSON, on structural mutations (a node of a
//! seed replaced by another value). Every input must give a result or an error:
//! no panic, no hang, and whatever is accepted is a valid map.
//!
//! The test command runs a short seeded round (`FUZZ_CASES`, default 64 per input
//! kind per decoder; `FUZZ_SEED`, default fixed). A long run:
//! `FUZZ_CASES=100000 cargo test --release --test fuzz` (docs/storage.md, "Fuzzing").
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::Value;
use simpul::format::{self, backup};
use simpul::model::Map;
use simpul::storage::{KeyValue, Library, MemoryStore};
use std::time::{Duration, Instant};

/// Far beyond any input here (a few kilobytes): a case this slow is a hang.
const HANG: Duration = Duration::from_secs(10);

fn corpus(kind: &str) -> Vec<Vec<u8>> {
    let dir = format!("{}/tests/fuzz/corpus/{kind}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!seeds.is_empty(), "{dir} has seeds");
    seeds
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
}

/// Runs `check` on `cases()` inputs drawn from `strategy`, seeded, and fails with
/// the smallest input proptest finds that panics, hangs or breaks `check`.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), String>)
where
    S::Value: std::fmt::Debug,
{
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5149_4d50_554c);
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..8 + name.len().min(24)].copy_from_slice(&name.as_bytes()[..name.len().min(24)]);
    let config = Config { cases: cases(), failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &key));
    let started = Instant::now();
    let result = runner.run(&strategy, |input| {
        let start = Instant::now();
        check(input).map_err(TestCaseError::fail)?;
        if start.elapsed() > HANG {
            return Err(TestCaseError::fail(format!("took {:?}", start.elapsed())));
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{name}: {failure}");
    }
    eprintln!("fuzz {name}: {} cases in {:.1?}", cases(), started.elapsed());
}

/// One change to a byte string; positions wrap around its length.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(usize, u8),
    SetByte(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Bytes that matter to parsers: quotes, brackets, separators, escapes, zip magic.
    let interesting = prop_oneof![
        any::<u8>(),
        Just(b'"'),
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(b']'),
        Just(b','),
        Just(b';'),
        Just(b'\n'),
        Just(b'\\'),
        Just(0u8),
        Just(0xff),
        Just(b'='),
        Just(b'<'),
    ];
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        (any::<usize>(), interesting).prop_map(|(at, b)| Mutation::SetByte(at, b)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1usize..256, any::<usize>())
            .prop_map(|(from, n, to)| Mutation::Duplicate(from, n, to)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::FlipBit(at, bit) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= 1 << bit;
                }
            }
            Mutation::SetByte(at, v) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b = *v;
                }
            }
            Mutation::Delete(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                if start < end {
                    bytes.drain(start..end);
                }
            }
            Mutation::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Duplicate(from, n, to) => {
                let start = from % len;
                let chunk: Vec<u8> = bytes.iter().skip(start).take(*n).copied().collect();
                let to = to % (bytes.len() + 1);
                bytes.splice(to..to, chunk);
            }
            Mutation::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

/// Seeds changed by one to eight byte mutations.
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let n = seeds.len();
    (0..n, proptest::collection::vec(mutation(), 1..8)).prop_map(move |(i, ms)| apply(seeds[i].clone(), &ms))
}

/// Any JSON value, nested a little: what a node of a file might be replaced by.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(Value::from(u64::MAX)),
        ".{0,40}".prop_map(Value::String),
        Just(Value::String("x".repeat(100_000))),
        Just(Value::String("<script>alert(1)</script>=HYPERLINK(\"x\")\u{0}\u{202e}".into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec(("[a-z_]{1,8}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Every node of `value`, as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out))
        }
        Value::Object(fields) => fields
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
}

/// JSON seeds with one to four nodes replaced, or removed from their object or list.
fn json_mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = String> {
    let seeds: Vec<Value> = seeds.iter().map(|s| serde_json::from_slice(s).expect("JSON seed")).collect();
    let n = seeds.len();
    (0..n, proptest::collection::vec((any::<usize>(), any::<bool>(), json_value()), 1..4)).prop_map(
        move |(i, edits)| {
            let mut root = seeds[i].clone();
            for (which, remove, replacement) in edits {
                let mut all = Vec::new();
                pointers(&root, String::new(), &mut all);
                let target = all[which % all.len()].clone();
                if remove && !target.is_empty() {
                    let (parent, last) = target.rsplit_once('/').unwrap_or(("", ""));
                    match root.pointer_mut(parent) {
                        Some(Value::Object(fields)) => {
                            fields.remove(&last.replace("~1", "/").replace("~0", "~"));
                        }
                        Some(Value::Array(items)) => {
                            if let Ok(i) = last.parse::<usize>() {
                                if i < items.len() {
                                    items.remove(i);
                                }
                            }
                        }
                        _ => {}
                    }
                } else if let Some(node) = root.pointer_mut(&target) {
                    *node = replacement;
                }
            }
            serde_json::to_string(&root).unwrap_or_default()
        },
    )
}

fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..512)
}

/// Text inputs: arbitrary, byte-mutated and structurally mutated.
fn texts(kind: &str) -> impl Strategy<Value = String> {
    let seeds = corpus(kind);
    prop_oneof![
        any_bytes().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        mutated(seeds.clone()).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        json_mutated(seeds),
    ]
}

/// What every accepted map must be: valid, and the same after a round trip.
fn valid(map: &Map) -> Result<(), String> {
    let text = format::encode(map);
    match format::decode(&text) {
        Ok(back) if back == *map => Ok(()),
        Ok(_) => Err("the accepted map changes in a round trip".into()),
        Err(invalid) => Err(format!("an accepted map is invalid: {invalid}")),
    }
}

#[test]
fn every_seed_is_accepted() {
    for seed in corpus("map") {
        format::decode(std::str::from_utf8(&seed).unwrap()).expect("map seed");
    }
    for seed in corpus("share") {
        format::decode_fragment(std::str::from_utf8(&seed).unwrap().trim()).expect("share seed");
    }
    for seed in corpus("backup") {
        backup::decode(&serde_json::from_slice(&seed).unwrap()).expect("backup seed");
    }
    for seed in corpus("storage") {
        let store = MemoryStore::new();
        store.plant("simpul.map.x", std::str::from_utf8(&seed).unwrap());
        Library::new(store).load("x", 0.0).expect("storage seed");
    }
    // An entry as Simpul writes it is read in steps by the page.
    let store = MemoryStore::new();
    store.plant(
        "simpul.map.x",
        std::str::from_utf8(
            &std::fs::read(format!(
                "{}/tests/fuzz/corpus/storage/entry-as-written.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        )
        .unwrap(),
    );
    assert!(matches!(support::read_as_the_page_does(&mut Library::new(store), "x", 2), (Ok(_), Some(_))));
    for (kind, name) in [
        ("csv", "people.csv"),
        ("xlsx", "book.xlsx"),
        ("kumu", "kumu.json"),
        ("graphml", "network.graphml"),
        ("gexf", "network.gexf"),
        ("prsm", "map.prsm"),
    ] {
        for seed in corpus(kind) {
            simpul::format::import::read_files(&[(name.into(), seed)]).expect("sheet seed");
        }
    }
}

#[test]
fn map_files() {
    fuzz("map files", texts("map"), |text| match format::decode(&text) {
        Ok(map) => valid(&map),
        Err(invalid) if invalid.problems.is_empty() => Err("refused without a problem".into()),
        Err(_) => Ok(()),
    });
}

/// As the app reads a big file: parsed and then checked a few elements per step.
/// The answer must be the one `decode` gives at once.
#[test]
fn map_files_read_in_steps() {
    fuzz("map files in steps", texts("map"), |text| {
        let mut parsing = format::Parsing::new(&text);
        while !parsing.read(3) {}
        let in_steps = parsing.finish().and_then(|root| {
            let mut decoding = format::Decoding::new(&root);
            while !decoding.read(3) {}
            decoding.finish()
        });
        if in_steps == format::decode(&text) {
            Ok(())
        } else {
            Err("reading in steps gave another answer".into())
        }
    });
}

#[test]
fn share_links() {
    let seeds = corpus("share");
    // Links are text: arbitrary text, mutated links, and links to mutated maps.
    let maps = corpus("map");
    let strategy = prop_oneof![
        ".{0,300}".prop_map(|s| format!("#m={s}")),
        mutated(seeds).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        json_mutated(maps).prop_map(|json| {
            let map = format::decode(&json).ok();
            map.map_or_else(|| "#m=".to_string() + &json, |m| format::encode_fragment(&m))
        }),
    ];
    fuzz("share links", strategy, |link| match format::decode_fragment(link.trim()) {
        Ok(map) => valid(&map),
        Err(_) => Ok(()),
    });
}

/// A spreadsheet read gives a draft whose map is valid, or an error.
fn sheet_check(name: &'static str) -> impl Fn(Vec<u8>) -> Result<(), String> {
    move |bytes| match simpul::format::import::read_files(&[(name.to_string(), bytes)]) {
        Ok(draft) => valid(&draft.build(&Default::default(), &Default::default())),
        Err(_) => Ok(()),
    }
}

#[test]
fn csv_files() {
    let strategy = prop_oneof![any_bytes(), mutated(corpus("csv"))];
    fuzz("CSV", strategy, sheet_check("people.csv"));
}

/// The parts of a zip, by name, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip seed");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut content).unwrap();
            (file.name().map(|n| n.to_string()).unwrap_or_default(), content)
        })
        .collect()
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zipped = Vec::new();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zipped));
    for (name, bytes) in parts {
        writer.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut writer, bytes).unwrap();
    }
    writer.finish().unwrap();
    zipped
}

/// Workbooks whose zip is sound but one part (sheet, shared strings, workbook
/// XML…) is mutated, so the fuzzer reaches the XML and cell readers.
fn workbooks_with_a_mutated_part() -> impl Strategy<Value = Vec<u8>> {
    let books: Vec<Vec<(String, Vec<u8>)>> = corpus("xlsx").iter().map(|b| unzip(b)).collect();
    let n = books.len();
    (0..n, any::<usize>(), proptest::collection::vec(mutation(), 1..6)).prop_map(move |(i, part, ms)| {
        let mut parts = books[i].clone();
        let at = part % parts.len();
        parts[at].1 = apply(std::mem::take(&mut parts[at].1), &ms);
        zip_parts(&parts)
    })
}

#[test]
fn xlsx_workbooks() {
    let strategy = prop_oneof![
        any_bytes().prop_map(|b| [b"PK\x03\x04".as_slice(), &b].concat()),
        mutated(corpus("xlsx")),
        workbooks_with_a_mutated_part(),
        workbooks_with_a_mutated_part(),
    ];
    fuzz("XLSX", strategy, sheet_check("book.xlsx"));
}

#[test]
fn kumu_json() {
    let strategy = texts("kumu").prop_map(String::into_bytes);
    fuzz("Kumu JSON", strategy, sheet_check("project.json"));
}

/// XML inputs: arbitrary text after an XML declaration and root, and byte-mutated seeds.
fn xml_files(kind: &str, root: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any_bytes().prop_map(move |b| [format!("<?xml version=\"1.0\"?><{root}>").as_bytes(), &b].concat()),
        mutated(corpus(kind)),
        mutated(corpus(kind)),
    ]
}

#[test]
fn graphml_files() {
    fuzz("GraphML", xml_files("graphml", "graphml"), sheet_check("network.graphml"));
}

#[test]
fn gexf_files() {
    fuzz("GEXF", xml_files("gexf", "gexf"), sheet_check("network.gexf"));
}

#[test]
fn prsm_files() {
    // Compressed text is characters of 15 bits offset by 32: arbitrary ones reach
    // every branch of the decompressor; mutated seeds and JSON reach the reader.
    let compressed = proptest::collection::vec(32u32..0x8020, 0..300)
        .prop_map(|units| units.into_iter().filter_map(char::from_u32).collect::<String>().into_bytes());
    let json_seeds: Vec<Vec<u8>> =
        corpus("prsm").into_iter().filter(|s| serde_json::from_slice::<Value>(s).is_ok()).collect();
    let strategy = prop_oneof![
        compressed,
        mutated(corpus("prsm")),
        json_mutated(json_seeds).prop_map(String::into_bytes),
    ];
    fuzz("PRSM", strategy, sheet_check("map.prsm"));
}

/// Any bytes under any name: the format is told from the bytes, then read or refused.
#[test]
fn any_file() {
    let names = proptest::sample::select(vec!["a.xml", "a.CSV", "a", "a.json", "a.prsm", "a.gexf", "a.net"]);
    let seeds: Vec<Vec<u8>> =
        ["graphml", "gexf", "prsm", "csv", "kumu"].iter().flat_map(|k| corpus(k)).collect();
    let bytes = prop_oneof![any_bytes(), mutated(seeds)];
    fuzz("any file", (names, bytes), |(name, bytes)| sheet_check(name)(bytes));
}

#[test]
fn backups() {
    fuzz("backups", texts("backup"), |text| {
        let Ok(root) = format::parse_json(&text) else { return Ok(()) };
        match backup::decode(&root) {
            Ok(maps) => maps.iter().try_for_each(valid),
            Err(invalid) if invalid.problems.is_empty() => Err("refused without a problem".into()),
            Err(_) => Ok(()),
        }
    });
}

#[test]
fn stored_entries_read_in_steps() {
    // The page reads a big stored map in steps; whatever it reads so must be what
    // `load` reads from the same entry, and what it cannot read is left to `load`.
    // Besides the storage seeds: entries of any valid map as Simpul writes them,
    // whole or changed by a byte mutation or two.
    let written =
        (support::any_map(8), proptest::collection::vec(mutation(), 0..3)).prop_map(|(map, mutations)| {
            let store = MemoryStore::new();
            let key = Library::new(store.clone()).create(&map, 1.0).map(|s| s.key).unwrap_or_default();
            let entry = store.raw(&format!("simpul.map.{key}")).unwrap_or_default();
            String::from_utf8_lossy(&apply(entry.into_bytes(), &mutations)).into_owned()
        });
    let strategy = (prop_oneof![texts("storage"), written], 1usize..5);
    let read_in_steps = std::sync::atomic::AtomicUsize::new(0);
    fuzz("stored entries read in steps", strategy, |(entry, elements)| {
        let store = MemoryStore::new();
        let mut library = Library::new(store.clone());
        store.plant("simpul.map.x", &entry);
        let (read, in_steps) = support::read_as_the_page_does(&mut library, "x", elements);
        if in_steps.is_none() {
            return Ok(());
        }
        read_in_steps.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let other = MemoryStore::new();
        other.plant("simpul.map.x", &entry);
        let loaded = Library::new(other).load("x", 5.0);
        if read == loaded {
            Ok(())
        } else {
            Err(format!("read in steps {read:?}, but load read {loaded:?}"))
        }
    });
    eprintln!("  of which read in steps: {}", read_in_steps.into_inner());
}

#[test]
fn stored_entries_and_index() {
    // Whatever another program or a crash left in storage, the library reads the
    // rest, and a good map beside it is never lost.
    let strategy = (texts("storage"), texts("storage"), any::<bool>());
    fuzz("stored entries", strategy, |(entry, index, as_trash)| {
        let store = MemoryStore::new();
        let mut library = Library::new(store.clone());
        let good = library.create(&simpul::model::Map::new("Good"), 0.0).map_err(|e| e.to_string())?;
        let key = if as_trash { "simpul.trash.x" } else { "simpul.map.x" };
        store.plant(key, &entry);
        store.plant("simpul.history.x.5", &entry);
        let _ = library.catalogue(1.0);
        let _ = library.load("x", 2.0);
        let _ = library.versions("x");
        let _ = library.version_map("simpul.history.x.5");
        if as_trash {
            let _ = library.restore(key, 3.0);
        }
        store.plant("simpul.index", &index);
        let catalogue = library.catalogue(4.0);
        if !catalogue.maps.iter().any(|m| m.key == good.key) {
            return Err("the good map left the list".into());
        }
        match library.load(&good.key, 5.0) {
            Ok(loaded) if loaded.map.title == "Good" => Ok(()),
            other => Err(format!("the good map was lost: {other:?}")),
        }
        .and_then(|()| if store.keys().is_ok() { Ok(()) } else { Err("store broke".into()) })
    });
}
