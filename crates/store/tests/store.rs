//! Integration tests of the store, one module per topic. Every test works in
//! its own temporary folder.

use newsgraph_doc::record::{self, RecordOptions};
use newsgraph_doc::{
    Claim, ClaimSource, Doc, EntityForm, EntityMention, EntityRef, EntityType, Event, Flag,
    FlagKind, Modality, Quote, QuoteKind, Span, Status, Timex, TimexType, Token, TokenKind,
};
use newsgraph_store::{
    content_hash, Inserted, SqliteStore, Stats, Store, StoreError, SCHEMA_VERSION,
};
use std::path::{Path, PathBuf};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("news.db");
    (dir, path)
}

/// The byte span of the first `needle` in `text` at or after byte `from`.
fn find(text: &str, needle: &str, from: usize) -> Span {
    let start = from + text[from..].find(needle).unwrap();
    Span::new(start, start + needle.len())
}

/// A document with every layer filled, umlauts and emoji before the spans so
/// that byte and code point offsets differ.
fn rich_doc(id: &str) -> Doc {
    let text = "Grüße aus Köln 🎉! Olaf Scholz sagte am Montag, die Straße werde gesperrt. \
                „Wir prüfen das“, so der Sprecher laut Reuters.";
    let mut doc = Doc::new(id, text);
    doc.meta.lang = Some("de".into());
    doc.meta.dct = Some(jiff::civil::date(2024, 6, 12));
    doc.meta.title = Some("Straßensperre in Köln".into());
    doc.meta.url = Some("https://example.org/köln".into());
    doc.meta.source = Some("Beispiel-Zeitung".into());
    let s2 = find(text, "„Wir", 0).start;
    doc.set_sentences(vec![
        Span::new(0, find(text, "!", 0).end),
        Span::new(find(text, "Olaf", 0).start, s2 - 1),
        Span::new(s2, text.len()),
    ])
    .unwrap();
    let tokens = text
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            Token {
                span: Span::new(start, start + w.len()),
                kind: TokenKind::Word,
            }
        })
        .collect();
    doc.set_tokens(tokens).unwrap();
    let scholz = find(text, "Olaf Scholz", 0);
    let reuters = find(text, "Reuters", 0);
    doc.entities = Some(vec![
        EntityMention {
            span: find(text, "Köln", 0),
            label: EntityType::Loc,
            form: None,
            kb: Some("koeln".into()),
            name: Some("Köln".into()),
            score: None,
            cluster: None,
        },
        EntityMention {
            span: scholz,
            label: EntityType::Per,
            form: None,
            kb: Some("olaf-scholz".into()),
            name: Some("Olaf Scholz".into()),
            score: None,
            cluster: None,
        },
        EntityMention {
            span: reuters,
            label: EntityType::Org,
            form: Some(EntityForm::Part),
            kb: None,
            name: None,
            score: None,
            cluster: None,
        },
    ]);
    doc.timexes = Some(vec![Timex {
        span: find(text, "am Montag", 0),
        kind: TimexType::Date,
        value: Some("2024-06-10".into()),
    }]);
    doc.quotes = Some(vec![
        Quote {
            span: find(text, "Wir prüfen das", 0),
            kind: QuoteKind::Direct,
            speaker: Some(EntityRef {
                span: find(text, "der Sprecher", 0),
                entity: None,
            }),
            cue: Some(find(text, "so", s2)),
            speaker_name: None,
        },
        Quote {
            span: find(text, "die Straße werde gesperrt", 0),
            kind: QuoteKind::Indirect,
            speaker: Some(EntityRef {
                span: scholz,
                entity: Some(1),
            }),
            cue: None,
            speaker_name: Some("Olaf Scholz".into()),
        },
    ]);
    doc.claims = Some(vec![Claim {
        span: find(text, "die Straße werde gesperrt", 0),
        sentence: 1,
        sources: vec![ClaimSource {
            mention: EntityRef {
                span: scholz,
                entity: Some(1),
            },
            via: Some("laut Reuters".into()),
        }],
        modality: Modality::Probable,
        status: Status::Reported,
        time: Some("2024-06-10".into()),
    }]);
    doc.events = Some(vec![Event {
        code: "010".into(),
        label: "Make statement".into(),
        actor: Some("olaf-scholz".into()),
        target: None,
        location: Some("koeln".into()),
        time: Some("2024-06-10".into()),
        sentence: 1,
        modality: Modality::Asserted,
    }]);
    doc.flags = vec![Flag {
        span: find(text, "🎉", 0),
        kind: FlagKind::ForeignLanguage { lang: "und".into() },
    }];
    doc
}

fn plain_doc(id: &str, title: &str, text: &str) -> Doc {
    let mut doc = Doc::new(id, text);
    doc.meta.title = Some(title.into());
    doc.set_sentences(vec![Span::new(0, text.len())]).unwrap();
    doc
}

fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

fn ids(hits: &[newsgraph_store::Hit]) -> Vec<String> {
    hits.iter().map(|h| h.id.clone()).collect()
}

mod round_trip {
    use super::*;

    #[test]
    fn record_comes_back_exactly_by_id_and_by_hash_prefix() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        let doc = rich_doc("koeln-1");
        let expected = record::to_json(&doc, &RecordOptions::default());
        let done = store.insert_batch(std::slice::from_ref(&doc)).unwrap();
        let hash = content_hash(doc.text());
        assert_eq!(
            done,
            vec![Inserted::New {
                id: "koeln-1".into(),
                content_hash: hash.clone()
            }]
        );
        assert_eq!(store.get("koeln-1").unwrap(), Some(expected.clone()));
        assert_eq!(store.get(&hash[..8]).unwrap(), Some(expected.clone()));
        assert_eq!(
            store.get(&hash[..12].to_uppercase()).unwrap(),
            Some(expected.clone())
        );
        assert_eq!(store.get(&hash[..7]).unwrap(), None, "too short a prefix");
        assert_eq!(store.get("nope").unwrap(), None);
        let back = record::from_json(&expected).unwrap();
        assert_eq!(back.text(), doc.text());
        assert_eq!(back.entities, doc.entities);
        assert_eq!(back.timexes, doc.timexes);
        assert_eq!(back.flags, doc.flags);
    }

    #[test]
    fn layer_tables_hold_code_point_offsets() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        let doc = rich_doc("koeln-1");
        store.insert_batch(std::slice::from_ref(&doc)).unwrap();
        let conn = raw(&path);
        // substr counts characters, so code point offsets cut the same text.
        let rows: Vec<(i64, i64, String, String, String)> = conn
            .prepare(
                "SELECT e.start, e.end, e.text, substr(d.text, e.start + 1, e.end - e.start), e.type \
                 FROM entities e JOIN documents d ON d.docid = e.doc ORDER BY e.ordinal",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows[0],
            (10, 14, "Köln".into(), "Köln".into(), "LOC".into())
        );
        let chars = doc.text()[..doc.entities.as_ref().unwrap()[1].span.start]
            .chars()
            .count() as i64;
        assert_eq!(rows[1].0, chars);
        assert!(rows.iter().all(|r| r.2 == r.3));
        let quote: (String, String, Option<String>, Option<String>) = conn
            .query_row(
                "SELECT kind, speaker_text, cue_text, extra FROM quotes WHERE ordinal = 0",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(
            quote,
            (
                "direct".into(),
                "der Sprecher".into(),
                Some("so".into()),
                None
            )
        );
        let via: String = conn
            .query_row(
                "SELECT json_extract(sources, '$[0].via') FROM claims",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(via, "laut Reuters");
        let flag: (i64, i64, String, String) = conn
            .query_row("SELECT start, end, kind, lang FROM flags", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!(flag, (15, 16, "foreign_language".into(), "und".into()));
        let meta: (String, String, String, String) = conn
            .query_row(
                "SELECT dct, lang, source, analyzer_version FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(meta.0, "2024-06-12");
        assert_eq!(meta.2, "Beispiel-Zeitung");
        assert!(meta.3.starts_with("newsgraph "));
    }

    #[test]
    fn stats_and_document_list() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store.set_analyzer_version("test-pipeline 1");
        store.insert_batch(&[rich_doc("a")]).unwrap();
        store
            .insert_batch(&[plain_doc("b", "Zweiter", "Ein zweiter Text.")])
            .unwrap();
        let stats = store.stats().unwrap();
        assert_eq!(
            stats.layers(),
            [
                ("sentences", 4),
                ("entities", 3),
                ("timexes", 1),
                ("quotes", 2),
                ("claims", 1),
                ("events", 1),
                ("flags", 1)
            ]
        );
        assert_eq!(stats.documents, 2);
        let list = store.documents().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].id, "b", "newest first");
        assert_eq!(list[1].title.as_deref(), Some("Straßensperre in Köln"));
        assert_eq!(list[1].dct.as_deref(), Some("2024-06-12"));
        assert_eq!(list[1].lang.as_deref(), Some("de"));
        assert_eq!(list[0].content_hash, content_hash("Ein zweiter Text."));
        let version: String = raw(&path)
            .query_row(
                "SELECT analyzer_version FROM documents WHERE id = 'b'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(version, "test-pipeline 1");
    }

    #[test]
    fn layer_counts_of_one_document() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        let plain = plain_doc("b", "Zweiter", "Ein zweiter Text.");
        store.insert_batch(&[rich_doc("a"), plain]).unwrap();
        let a = store.document_stats("a").unwrap().unwrap();
        assert_eq!(a.documents, 1);
        assert_eq!(
            a.layers(),
            [
                ("sentences", 3),
                ("entities", 3),
                ("timexes", 1),
                ("quotes", 2),
                ("claims", 1),
                ("events", 1),
                ("flags", 1)
            ]
        );
        let hash = content_hash("Ein zweiter Text.");
        let b = store.document_stats(&hash[..10]).unwrap().unwrap();
        assert_eq!((b.documents, b.sentences, b.entities), (1, 1, 0));
        assert_eq!(store.document_stats("nope").unwrap(), None);
    }

    #[test]
    fn an_ambiguous_id_gives_the_latest_document() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .insert_batch(&[plain_doc("same", "Alt", "Erste Fassung.")])
            .unwrap();
        store
            .insert_batch(&[plain_doc("same", "Neu", "Zweite Fassung.")])
            .unwrap();
        assert_eq!(store.get("same").unwrap().unwrap()["title"], "Neu");
        let first = content_hash("Erste Fassung.");
        assert_eq!(store.get(&first[..10]).unwrap().unwrap()["title"], "Alt");
    }

    #[test]
    fn deleting_a_document_by_sql_removes_its_layers_and_index_entry() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store.insert_batch(&[rich_doc("a")]).unwrap();
        let conn = raw(&path);
        conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM documents;")
            .unwrap();
        assert_eq!(store.stats().unwrap(), Stats::default());
        assert!(store.search("Köln", 5).unwrap().is_empty());
    }
}

mod idempotence {
    use super::*;

    #[test]
    fn same_content_is_stored_once() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        let first = store.insert_batch(&[rich_doc("a")]).unwrap();
        assert!(first[0].is_new());
        let again = store.insert_batch(&[rich_doc("a")]).unwrap();
        let other_id = store.insert_batch(&[rich_doc("b")]).unwrap();
        assert_eq!(
            other_id[0],
            Inserted::Duplicate {
                id: "b".into(),
                content_hash: content_hash(rich_doc("a").text()),
                existing_id: "a".into()
            }
        );
        assert!(!again[0].is_new());
        assert_eq!(again[0].id(), "a");
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.entities), (1, 3));
        assert_eq!(
            store.get("b").unwrap(),
            None,
            "the duplicate's id is not stored"
        );
    }

    #[test]
    fn duplicates_inside_one_batch() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        let done = store
            .insert_batch(&[
                plain_doc("x", "T", "Gleicher Text."),
                plain_doc("y", "T", "Anderer Text."),
                plain_doc("z", "T", "Gleicher Text."),
            ])
            .unwrap();
        let new: Vec<bool> = done.iter().map(Inserted::is_new).collect();
        assert_eq!(new, [true, true, false]);
        assert_eq!(store.stats().unwrap().documents, 2);
    }
}

mod migrations {
    use super::*;

    fn user_version(path: &Path) -> i64 {
        raw(path)
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn an_empty_file_is_migrated_and_reopens_with_its_data() {
        let (_dir, path) = temp_db();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"").unwrap();
        let mut store = SqliteStore::open(&path).unwrap();
        store.insert_batch(&[rich_doc("a")]).unwrap();
        drop(store);
        assert_eq!(user_version(&path), SCHEMA_VERSION);
        let mode: String = raw(&path)
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.stats().unwrap().documents, 1);
        assert_eq!(store.get("a").unwrap().unwrap()["id"], "a");
        assert_eq!(user_version(&path), SCHEMA_VERSION);
    }

    #[test]
    fn open_creates_missing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/c/news.db");
        SqliteStore::open(&path).unwrap();
        assert!(path.is_file());
    }

    #[test]
    fn a_newer_schema_is_refused_untouched() {
        let (_dir, path) = temp_db();
        SqliteStore::open(&path).unwrap();
        raw(&path)
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        let err = SqliteStore::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found, known, .. }
            if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION));
        let msg = err.to_string();
        assert!(
            msg.contains("news.db") && msg.contains("upgrade newsgraph"),
            "{msg}"
        );
        assert_eq!(user_version(&path), SCHEMA_VERSION + 1);
    }

    #[test]
    fn another_programs_database_is_refused() {
        let (_dir, path) = temp_db();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        raw(&path)
            .execute_batch("CREATE TABLE notes (body TEXT)")
            .unwrap();
        let err = SqliteStore::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    }

    #[test]
    fn a_text_file_is_not_a_database() {
        let (_dir, path) = temp_db();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "Köln ist schön, aber keine Datenbank.\n".repeat(200)).unwrap();
        let err = SqliteStore::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
        assert!(err.to_string().contains("--db"));
    }

    #[test]
    fn a_folder_cannot_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let err = SqliteStore::open(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::CannotOpen { .. }), "{err}");
    }
}

mod search {
    use super::*;

    fn store_with_news() -> (tempfile::TempDir, SqliteStore) {
        let (dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .insert_batch(&[
                plain_doc(
                    "koeln",
                    "Köln sperrt die Domplatte",
                    "Die Stadt Köln sperrt die Straße vor dem Dom. Der Verkehr wird umgeleitet.",
                ),
                plain_doc(
                    "duesseldorf",
                    "Rheinufer",
                    "In Düsseldorf blieb es ruhig. Aus KÖLN kamen Besucher über die Brücke.",
                ),
                plain_doc(
                    "berlin",
                    "Haushalt",
                    "Der Bundestag berät in Berlin über den Haushalt: 3,5 Mrd. Euro fehlen.",
                ),
            ])
            .unwrap();
        (dir, store)
    }

    #[test]
    fn diacritics_and_case_are_folded_but_not_transliterated() {
        let (_dir, store) = store_with_news();
        for q in ["Köln", "koln", "KOLN", "köln"] {
            let mut found = ids(&store.search(q, 10).unwrap());
            found.sort();
            assert_eq!(found, ["duesseldorf", "koeln"], "query {q}");
        }
        // remove_diacritics folds ö to o, it does not spell it oe, and ß is a
        // letter of its own.
        assert!(store.search("koeln", 10).unwrap().is_empty());
        assert!(store.search("strasse", 10).unwrap().is_empty());
        assert_eq!(
            ids(&store.search("STRASSE", 10).unwrap()),
            Vec::<&str>::new()
        );
        assert_eq!(ids(&store.search("Straße", 10).unwrap()), ["koeln"]);
        assert_eq!(
            ids(&store.search("dusseldorf", 10).unwrap()),
            ["duesseldorf"]
        );
    }

    #[test]
    fn title_matches_rank_first_and_snippets_mark_matches() {
        let (_dir, store) = store_with_news();
        let hits = store.search("koln", 10).unwrap();
        assert_eq!(hits[0].id, "koeln");
        assert!(hits[0].score > hits[1].score);
        assert_eq!(hits[0].title.as_deref(), Some("Köln sperrt die Domplatte"));
        assert!(hits[1].snippet.contains("[KÖLN]"), "{}", hits[1].snippet);
        assert_eq!(hits[1].dct, None);
        assert_eq!(store.search("koln", 1).unwrap().len(), 1);
        assert!(store.search("koln", 0).unwrap().is_empty());
    }

    #[test]
    fn words_are_anded_and_phrases_and_prefixes_work() {
        let (_dir, store) = store_with_news();
        assert_eq!(ids(&store.search("Köln Dom", 10).unwrap()), ["koeln"]);
        assert_eq!(
            ids(&store.search("\"vor dem Dom\"", 10).unwrap()),
            ["koeln"]
        );
        assert!(store.search("\"dem vor Dom\"", 10).unwrap().is_empty());
        assert_eq!(ids(&store.search("Bundes*", 10).unwrap()), ["berlin"]);
        assert_eq!(ids(&store.search("\"den Haus\"*", 10).unwrap()), ["berlin"]);
        // Bundes is inside Bundestag: a part-of-word hit (trigram index).
        assert_eq!(ids(&store.search("Bundes", 10).unwrap()), ["berlin"]);
    }

    #[test]
    fn fts_syntax_other_than_operators_is_text_not_an_error() {
        let (_dir, store) = store_with_news();
        let queries = [
            "\"Köln",
            "Köln\"",
            "\"\"Köln\"\"",
            "Köln*",
            "*Köln",
            "-Köln",
            "Köln -Dom",
            "NEAR(Köln",
            "title:Köln",
            "text:Köln",
            "Köln:",
            "(Köln)",
            "^Köln",
            "Köln + Dom",
            "Köln'; DROP TABLE documents; --",
            "3,5 Mrd.",
            "{title text}: Köln",
            "Köln 🎉",
        ];
        for q in queries {
            if let Err(e) = store.search(q, 10) {
                panic!("query {q:?} failed: {e}");
            }
        }
        assert_eq!(ids(&store.search("\"Köln", 10).unwrap()).len(), 2);
        assert_eq!(
            ids(&store.search("-Köln", 10).unwrap()).len(),
            2,
            "no negation"
        );
        assert_eq!(
            ids(&store.search("NEAR(Köln Dom", 10).unwrap()),
            Vec::<&str>::new()
        );
        assert_eq!(ids(&store.search("3,5 Mrd.", 10).unwrap()), ["berlin"]);
        assert_eq!(store.stats().unwrap().documents, 3);
    }

    #[test]
    fn queries_without_words_are_a_clear_error() {
        let (_dir, store) = store_with_news();
        for q in ["", "   ", "\"", "\"\"", "*", "-", "( )", "🎉", ":"] {
            let err = store.search(q, 10).unwrap_err();
            assert!(matches!(err, StoreError::EmptyQuery { .. }), "{q:?}: {err}");
            assert!(err.to_string().contains("give at least one word"));
        }
    }
}

/// Issue 18: boolean operators, compounds, filters, upgrade of old databases.
mod search_issue18 {
    use super::*;
    use newsgraph_store::SearchFilter;

    fn news() -> (tempfile::TempDir, SqliteStore) {
        let (dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        let mut bahn = plain_doc(
            "bahn",
            "Warnstreik bei der Bahn",
            "Die Gewerkschaft ruft zum Warnstreik auf. Züge fallen aus.",
        );
        bahn.meta.lang = Some("de".into());
        bahn.meta.dct = Some(jiff::civil::date(2025, 3, 4));
        let mut luft = plain_doc(
            "lufthansa",
            "Lufthansa",
            "Bei der Lufthansa streiken die Piloten.\nFlüge fallen aus.",
        );
        luft.meta.lang = Some("de-AT".into());
        luft.meta.dct = Some(jiff::civil::date(2024, 11, 20));
        let mut en = plain_doc("strike", "Strike", "Rail workers strike in Britain.");
        en.meta.lang = Some("en".into());
        store
            .insert_batch(&[bahn, luft, en, rich_doc("koeln")])
            .unwrap();
        (dir, store)
    }

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    fn filtered(store: &SqliteStore, q: &str, f: SearchFilter) -> Vec<String> {
        sorted(ids(&store.search_with(q, &f, 10).unwrap()))
    }

    #[test]
    fn and_or_not_and_phrases_are_fts5_operators() {
        let (_dir, store) = news();
        assert_eq!(
            sorted(ids(&store.search("Bahn OR Lufthansa", 10).unwrap())),
            ["bahn", "lufthansa"]
        );
        assert_eq!(ids(&store.search("fallen AND Züge", 10).unwrap()), ["bahn"]);
        assert_eq!(
            ids(&store.search("fallen NOT Züge", 10).unwrap()),
            ["lufthansa"]
        );
        assert_eq!(
            ids(&store.search("(Bahn OR Lufthansa) NOT Piloten", 10).unwrap()),
            ["bahn"]
        );
        assert_eq!(
            ids(&store.search("\"streiken die Piloten\"", 10).unwrap()),
            ["lufthansa"]
        );
        assert!(store
            .search("\"Piloten die streiken\"", 10)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn unparsable_query_is_an_error_naming_it_and_saying_what_to_write() {
        let (_dir, store) = news();
        for q in [
            "Bahn AND", "OR Bahn", "NOT Bahn", "(Bahn", "Bahn)", "Bahn NOT",
        ] {
            let err = store.search(q, 10).unwrap_err();
            assert!(matches!(err, StoreError::BadQuery { .. }), "{q:?}: {err}");
            let msg = err.to_string();
            assert!(msg.contains(&format!("{q:?}")), "{msg}");
            assert!(msg.contains("AND, OR, NOT"), "{msg}");
        }
    }

    #[test]
    fn streik_finds_warnstreik_by_its_part() {
        let (_dir, store) = news();
        // Warnstreik (title and text) and streiken: both hold the part.
        let hits = store.search("Streik", 10).unwrap();
        assert_eq!(ids(&hits), ["bahn", "lufthansa"]);
        assert!(
            hits[0].snippet.to_lowercase().contains("[streik]"),
            "{}",
            hits[0].snippet
        );
        // Whole-word hits come before part-of-word hits.
        assert_eq!(ids(&store.search("strike", 10).unwrap()), ["strike"]);
        // Piloten is a whole word of lufthansa; Streik only a part in bahn.
        let both = ids(&store.search("Piloten OR Streik", 10).unwrap());
        assert_eq!(both, ["lufthansa", "bahn"]);
        // Part of a word inside a phrase with a whole word.
        assert_eq!(
            ids(&store.search("Gewerkschaft streik", 10).unwrap()),
            ["bahn"]
        );
    }

    #[test]
    fn filters_by_entity_speaker_date_and_language() {
        let (_dir, store) = news();
        let f = |entity: Option<&str>, speaker: Option<&str>| SearchFilter {
            entity: entity.map(Into::into),
            speaker: speaker.map(Into::into),
            ..SearchFilter::default()
        };
        assert_eq!(
            filtered(&store, "", f(Some("olaf-scholz"), None)),
            ["koeln"]
        );
        assert_eq!(
            filtered(&store, "Köln", f(Some("Olaf Scholz"), None)),
            ["koeln"]
        );
        assert_eq!(filtered(&store, "", f(Some("Reuters"), None)), ["koeln"]);
        assert!(filtered(&store, "Bahn", f(Some("olaf-scholz"), None)).is_empty());
        assert_eq!(filtered(&store, "", f(None, Some("Scholz"))), ["koeln"]);
        assert_eq!(
            filtered(&store, "", f(None, Some("olaf scholz"))),
            ["koeln"]
        );
        assert_eq!(filtered(&store, "", f(None, Some("Sprecher"))), ["koeln"]);
        assert!(filtered(&store, "", f(None, Some("Merz"))).is_empty());

        let dates = |from: Option<&str>, to: Option<&str>| SearchFilter {
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..SearchFilter::default()
        };
        assert_eq!(
            filtered(&store, "fallen", dates(Some("2025-01-01"), None)),
            ["bahn"]
        );
        assert_eq!(
            filtered(&store, "", dates(Some("2024"), Some("2024-11"))),
            ["koeln", "lufthansa"]
        );
        assert_eq!(
            filtered(&store, "", dates(Some("2024-11-20"), Some("2024-11-20"))),
            ["lufthansa"]
        );
        let err = store
            .search_with("", &dates(Some("4.3.2025"), None), 10)
            .unwrap_err();
        assert!(matches!(err, StoreError::BadFilter { .. }), "{err}");
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");

        let lang = |l: &str| SearchFilter {
            lang: Some(l.into()),
            ..SearchFilter::default()
        };
        assert_eq!(
            filtered(&store, "", lang("de")),
            ["bahn", "koeln", "lufthansa"]
        );
        assert_eq!(filtered(&store, "", lang("en")), ["strike"]);
        // A filter-only hit's snippet is the start of the text on one line.
        let hits = store.search_with("", &lang("en"), 10).unwrap();
        assert_eq!(hits[0].snippet, "Rail workers strike in Britain.");
        let hits = store.search_with("", &lang("de-AT"), 10).unwrap();
        assert!(!hits[0].snippet.contains('\n'));
        assert_eq!(filtered(&store, "fallen", lang("de-AT")), ["lufthansa"]);
        // An empty query without a filter is still an error.
        assert!(matches!(
            store.search_with("", &SearchFilter::default(), 10),
            Err(StoreError::EmptyQuery { .. })
        ));
    }

    #[test]
    fn version_1_database_upgrades_and_finds_compound_parts() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .insert_batch(&[plain_doc("bahn", "Bahn", "Der Warnstreik beginnt.")])
            .unwrap();
        drop(store);
        // Make it a database as version 1 wrote it.
        let conn = raw(&path);
        conn.execute_batch(
            "DROP TRIGGER documents_tri_insert; DROP TRIGGER documents_tri_delete; \
             DROP TRIGGER documents_tri_update; DROP TABLE documents_tri; \
             PRAGMA user_version = 1;",
        )
        .unwrap();
        drop(conn);
        let mut store = SqliteStore::open(&path).unwrap();
        assert_eq!(ids(&store.search("streik", 10).unwrap()), ["bahn"]);
        store
            .insert_batch(&[plain_doc("luft", "Luft", "Ein Pilotenstreik.")])
            .unwrap();
        assert_eq!(
            sorted(ids(&store.search("streik", 10).unwrap())),
            ["bahn", "luft"]
        );
        let v: i64 = raw(&path)
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
    }

    #[test]
    fn a_reader_of_a_version_1_database_upgrades_it_and_finds_compound_parts() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .insert_batch(&[plain_doc("bahn", "Bahn", "Der Warnstreik beginnt.")])
            .unwrap();
        drop(store);
        raw(&path)
            .execute_batch(
                "DROP TRIGGER documents_tri_insert; DROP TRIGGER documents_tri_delete; \
                 DROP TRIGGER documents_tri_update; DROP TABLE documents_tri; \
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        let store = SqliteStore::open_read_only(&path).unwrap();
        assert_eq!(ids(&store.search("streik", 10).unwrap()), ["bahn"]);
    }
}

mod atomicity {
    use super::*;

    #[test]
    fn a_bad_span_mid_batch_stores_nothing_of_the_batch() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .insert_batch(&[plain_doc("earlier", "T", "Ein früherer Text.")])
            .unwrap();
        let mut bad = plain_doc("bad", "T", "Kurz.");
        bad.timexes = Some(vec![Timex {
            span: Span::new(2, 40),
            kind: TimexType::Date,
            value: None,
        }]);
        let err = store
            .insert_batch(&[
                rich_doc("good"),
                plain_doc("good2", "T", "Noch einer."),
                bad,
            ])
            .unwrap_err();
        assert!(
            matches!(err, StoreError::InvalidSpan { ref id, layer: "timexes", .. } if id == "bad")
        );
        assert!(err.to_string().contains("nothing of this batch was stored"));
        let stats = store.stats().unwrap();
        assert_eq!(
            (stats.documents, stats.sentences, stats.entities),
            (1, 1, 0)
        );
        assert_eq!(store.get("good").unwrap(), None);
        assert!(store.search("Köln", 5).unwrap().is_empty());
        // The store stays usable after a failed batch.
        assert!(store.insert_batch(&[rich_doc("good")]).unwrap()[0].is_new());
    }

    #[test]
    fn a_constraint_failure_after_some_rows_rolls_back_everything() {
        let (_dir, path) = temp_db();
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .insert_batch(&[plain_doc("earlier", "T", "Ein früherer Text.")])
            .unwrap();
        // Fails on the claim of the second document, after its documents row,
        // sentences, entities, timexes and quotes (and the whole first
        // document) were written.
        raw(&path)
            .execute_batch(
                "CREATE TRIGGER poison BEFORE INSERT ON claims
                 WHEN (SELECT id FROM documents WHERE docid = new.doc) = 'poisoned'
                 BEGIN SELECT RAISE(ABORT, 'poisoned claim'); END;",
            )
            .unwrap();
        let mut poisoned = rich_doc("poisoned");
        poisoned.meta.title = Some("anderer Text".into());
        let poisoned = Doc::with_meta(
            poisoned.meta.clone(),
            format!("{} Nachtrag.", poisoned.text()),
        )
        .tap_layers_from(&poisoned);
        let err = store
            .insert_batch(&[
                rich_doc("fine"),
                poisoned,
                plain_doc("after", "T", "Danach."),
            ])
            .unwrap_err();
        assert!(err.to_string().contains("poisoned claim"), "{err}");
        let stats = store.stats().unwrap();
        assert_eq!(
            stats.layers().iter().map(|l| l.1).sum::<u64>() + stats.documents,
            2,
            "only the earlier document and its sentence: {stats:?}"
        );
        assert!(store.documents().unwrap().iter().all(|d| d.id == "earlier"));
    }

    /// Copies the layers of `from` (whose text is a prefix of this one's).
    trait TapLayers {
        fn tap_layers_from(self, from: &Doc) -> Doc;
    }

    impl TapLayers for Doc {
        fn tap_layers_from(mut self, from: &Doc) -> Doc {
            self.set_sentences(from.sentences().unwrap().to_vec())
                .unwrap();
            self.entities = from.entities.clone();
            self.timexes = from.timexes.clone();
            self.quotes = from.quotes.clone();
            self.claims = from.claims.clone();
            self.events = from.events.clone();
            self.flags = from.flags.clone();
            self
        }
    }

    /// Set in the child process of [`a_killed_writer_leaves_only_whole_documents`].
    const CHILD_DB: &str = "NEWSGRAPH_STORE_TEST_CHILD_DB";

    fn numbered_batch(b: usize, per_batch: usize) -> Vec<Doc> {
        (0..per_batch)
            .map(|i| {
                let base = rich_doc(&format!("d{b}-{i}"));
                let text = format!("{} Nr. {b}-{i}.", base.text());
                Doc::with_meta(base.meta.clone(), text).tap_layers_from(&base)
            })
            .collect()
    }

    /// Checks that every layer has exactly the rows of whole `rich_doc`s.
    fn assert_whole(s: &Stats, per_batch: u64) {
        assert_eq!(s.documents % per_batch, 0, "part of a batch: {s:?}");
        let per_doc = [3, 3, 1, 2, 1, 1, 1];
        for ((name, n), k) in s.layers().into_iter().zip(per_doc) {
            assert_eq!(n, k * s.documents, "{name} of a partial document: {s:?}");
        }
    }

    /// Runs itself as a child process that writes batches until it is
    /// killed with SIGKILL, then checks what the child left.
    #[test]
    fn a_killed_writer_leaves_only_whole_documents() {
        const PER_BATCH: usize = 20;
        if let Some(path) = std::env::var_os(CHILD_DB) {
            // Child: write until killed (bounded, in case the parent dies).
            let mut store = SqliteStore::open(Path::new(&path)).unwrap();
            for b in 0..100_000 {
                store.insert_batch(&numbered_batch(b, PER_BATCH)).unwrap();
            }
            return;
        }
        let (_dir, path) = temp_db();
        SqliteStore::open(&path).unwrap();
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "atomicity::a_killed_writer_leaves_only_whole_documents",
                "--exact",
                "--nocapture",
            ])
            .env(CHILD_DB, &path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let reader = SqliteStore::open(&path).unwrap();
        let mut polls = 0;
        while reader.stats().unwrap().documents < 5 * PER_BATCH as u64 {
            polls += 1;
            assert!(polls < 6000, "the child wrote nothing within a minute");
            assert!(child.try_wait().unwrap().is_none(), "the child ended early");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        drop(reader);
        let store = SqliteStore::open(&path).unwrap();
        let stats = store.stats().unwrap();
        assert!(stats.documents >= 5 * PER_BATCH as u64);
        assert_whole(&stats, PER_BATCH as u64);
        let check: String = raw(&path)
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let list = store.documents().unwrap();
        assert_eq!(list.len() as u64, stats.documents);
        let rec = store.get(&list[0].content_hash).unwrap().unwrap();
        assert_eq!(rec["quotes"].as_array().unwrap().len(), 2);
        assert_eq!(store.search("Reuters", 1000).unwrap().len(), list.len());
    }

    #[test]
    fn a_reader_during_writes_sees_only_whole_batches() {
        let (_dir, path) = temp_db();
        SqliteStore::open(&path).unwrap();
        const BATCHES: usize = 30;
        const PER_BATCH: usize = 20;
        let writer_path = path.clone();
        let writer = std::thread::spawn(move || {
            let mut store = SqliteStore::open(&writer_path).unwrap();
            for b in 0..BATCHES {
                store.insert_batch(&numbered_batch(b, PER_BATCH)).unwrap();
            }
        });
        let reader = SqliteStore::open(&path).unwrap();
        let mut seen = Vec::new();
        loop {
            let done = writer.is_finished();
            let s = reader.stats().unwrap();
            assert_whole(&s, PER_BATCH as u64);
            if let Some(latest) = reader.documents().unwrap().first() {
                let rec = reader.get(&latest.content_hash).unwrap().unwrap();
                assert_eq!(rec["entities"].as_array().unwrap().len(), 3);
            }
            seen.push(s.documents);
            if done {
                break;
            }
        }
        writer.join().unwrap();
        assert_eq!(*seen.last().unwrap(), (BATCHES * PER_BATCH) as u64);
    }
}
