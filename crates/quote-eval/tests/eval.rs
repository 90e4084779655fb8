//! The evaluation readers and scorers: inline fixtures for each corpus,
//! scoring arithmetic on hand-made predictions, clear errors on bad input,
//! and the instance counts of the real corpora when ../shared exists.

use std::path::Path;
use std::sync::OnceLock;

use newsgraph_pack::Packs;

use newsgraph_doc::{Doc, EntityRef, Quote, QuoteKind, Span, Stage};
use newsgraph_quote_eval::{news, redewiedergabe, spkatt, EvalError, Prf};

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn quote(kind: QuoteKind, span: Span, speaker: Option<Span>, cue: Option<Span>) -> Quote {
    Quote {
        span,
        kind,
        speaker: speaker.map(|span| EntityRef { span, entity: None }),
        cue,
        speaker_name: None,
    }
}

/// Segments `doc` with the shipped packs (the stage built once).
fn segmented(doc: &mut Doc) {
    static SEGMENT: OnceLock<newsgraph_segment::SegmentStage> = OnceLock::new();
    SEGMENT
        .get_or_init(|| newsgraph_segment::SegmentStage::new(&Packs::embedded()))
        .annotate(doc);
}

/// Runs the quote stage with the shipped packs (the stage built once).
fn quoted(doc: &mut Doc) {
    static QUOTE: OnceLock<newsgraph_quote::QuoteStage> = OnceLock::new();
    QUOTE
        .get_or_init(|| newsgraph_quote::QuoteStage::new(&Packs::embedded()))
        .annotate(doc);
}

fn prf(p: Prf) -> (usize, usize, usize) {
    (p.true_positives, p.predicted, p.gold)
}

mod news_corpus {
    use super::*;

    // Offsets are code points: "Müller" is 0..6 although "ü" takes two bytes.
    const TEXT: &str =
        "Müller sagte: „Wir schaffen das.“ Die Lösung sei nah, hieß es. Er forderte Geduld.";

    fn role(spans: &[(usize, usize)]) -> String {
        let s: Vec<String> = spans
            .iter()
            .map(|(a, b)| format!(r#"{{"begin":0,"end":0,"charBegin":{a},"charEnd":{b}}}"#))
            .collect();
        format!(r#"{{"text":"","tokenIds":[],"spans":[{}]}}"#, s.join(","))
    }

    fn annotation(
        kind: &str,
        q: (usize, usize),
        speaker: &[(usize, usize)],
        cue: &[(usize, usize)],
    ) -> String {
        format!(
            r#"{{"type":"{kind}","medium":"Speech","quote":{},"speaker":{},"cue":{},"frame":{},"addressee":{},"isNested":false,"hasNested":false,"id":0}}"#,
            role(&[q]),
            role(speaker),
            role(cue),
            role(&[]),
            role(&[])
        )
    }

    fn line() -> String {
        let anns = [
            annotation("Direct", (14, 33), &[(0, 6)], &[(7, 12)]),
            annotation("Indirect", (34, 52), &[], &[(54, 61)]),
            annotation("Reported", (66, 81), &[(63, 65)], &[]),
        ];
        format!(
            r#"{{"originalText":{},"annotations":[{}],"sentences":[],"file":"1 - Test (2020-07-26)","wikinews_id":"1","title":"Test","date":"2020-07-26"}}"#,
            serde_json::to_string(TEXT).unwrap(),
            anns.join(",")
        )
    }

    #[test]
    fn code_point_offsets_become_byte_spans() {
        let a = news::parse(&line()).unwrap();
        assert_eq!(a.id, "1 - Test (2020-07-26)");
        assert_eq!(a.dct, "2020-07-26".parse().ok());
        let texts: Vec<&str> = a
            .quotes
            .iter()
            .map(|q| &a.text[q.spans[0].range()])
            .collect();
        assert_eq!(
            texts,
            [
                "„Wir schaffen das.“",
                "Die Lösung sei nah",
                "forderte Geduld"
            ]
        );
        assert_eq!(&a.text[a.quotes[0].speaker[0].range()], "Müller");
        assert_eq!(&a.text[a.quotes[1].cue[0].range()], "hieß es");
        assert!(a.quotes[1].speaker.is_empty());
        assert_eq!(a.quotes[2].kind, news::GoldType::Reported);
        let doc = a.doc();
        assert_eq!(doc.meta.lang.as_deref(), Some("de"));
        assert_eq!(doc.text(), TEXT);
    }

    #[test]
    fn hand_made_predictions_are_scored() {
        let a = news::parse(&line()).unwrap();
        let mut doc = a.doc();
        segmented(&mut doc);
        doc.quotes = Some(vec![
            quote(
                QuoteKind::Direct,
                span_of(TEXT, "Wir schaffen das"),
                Some(span_of(TEXT, "Müller")),
                Some(span_of(TEXT, "sagte")),
            ),
            // Mixed counts as indirect; shares "Lösung sei nah" with the gold.
            quote(
                QuoteKind::Mixed,
                span_of(TEXT, "Lösung sei nah, hieß es"),
                None,
                None,
            ),
            // A direct quote where there is none.
            quote(QuoteKind::Direct, span_of(TEXT, "Müller"), None, None),
        ]);
        let s = news::score(&a, &doc);
        // Words: direct gold {Wir schaffen das}, predicted + {Müller}.
        assert_eq!(prf(s.tokens.direct), (3, 4, 3));
        // Indirect gold {Die Lösung sei nah}, predicted {Lösung sei nah hieß es}.
        assert_eq!(prf(s.tokens.indirect), (3, 5, 4));
        assert_eq!(prf(s.tokens.any), (6, 9, 7));
        assert!((s.tokens.indirect.f1() - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-9);
        assert_eq!(prf(s.instances.direct), (1, 2, 1));
        assert_eq!(prf(s.instances.indirect), (1, 1, 1));
        assert_eq!(prf(s.instances.any), (2, 3, 2));
        // Speaker: right on the direct pair, both absent on the indirect one.
        assert_eq!(
            (
                s.speaker.pairs,
                s.speaker.correct,
                s.speaker.gold_present,
                s.speaker.found
            ),
            (2, 2, 1, 1)
        );
        // Cue: right on the direct pair, missed on the indirect one.
        assert_eq!(
            (s.cue.pairs, s.cue.correct, s.cue.gold_present, s.cue.found),
            (2, 1, 2, 1)
        );
        // Reported is not targeted: 2 words, none covered.
        assert_eq!(
            (s.reported.instances, s.reported.tokens, s.reported.covered),
            (1, 2, 0)
        );
        assert_eq!(s.gold.total(), 3);
        assert_eq!(s.predicted.total(), 3);
        let table = s.to_string();
        assert!(
            table.contains("indirect") && table.contains("speaker"),
            "{table}"
        );
    }

    #[test]
    fn a_continuation_speaker_may_be_named_instead_of_pointed_at() {
        let text = "Präsident Kennedy sagte, er komme. Er sei müde.";
        let line = format!(
            r#"{{"originalText":{},"file":"k","annotations":[{},{}]}}"#,
            serde_json::to_string(text).unwrap(),
            annotation("Indirect", (25, 33), &[(0, 17)], &[(18, 23)]),
            annotation("IndirectFreeIndirect", (35, 46), &[(0, 17)], &[]),
        );
        let a = news::parse(&line).unwrap();
        let mut doc = a.doc();
        segmented(&mut doc);
        let mut continuation = quote(
            QuoteKind::Indirect,
            span_of(text, "Er sei müde"),
            None,
            None,
        );
        continuation.speaker_name = Some("John F. Kennedy".into());
        doc.quotes = Some(vec![
            quote(
                QuoteKind::Indirect,
                span_of(text, "er komme"),
                Some(span_of(text, "Kennedy")),
                Some(span_of(text, "sagte")),
            ),
            continuation,
        ]);
        let s = news::score(&a, &doc);
        assert_eq!(prf(s.instances.indirect), (2, 2, 2));
        assert_eq!((s.speaker.correct, s.speaker.gold_present), (1, 2));
        assert_eq!((s.speaker_or_name.correct, s.speaker_or_name.found), (2, 2));
        assert_eq!((s.cue.correct, s.cue.pairs), (2, 2));
    }

    #[test]
    fn no_predictions_score_zero_and_count_failures() {
        let a = news::parse(&line()).unwrap();
        let s = news::evaluate_articles(std::slice::from_ref(&a), |d: &mut Doc| {
            segmented(d);
            Err::<(), _>("stage broke")
        });
        assert_eq!((s.run.docs, s.run.failed), (1, 1));
        assert!(s
            .run
            .first_failure
            .as_deref()
            .unwrap()
            .contains("stage broke"));
        assert_eq!(prf(s.tokens.direct), (0, 0, 3));
        assert_eq!(s.instances.any.recall(), 0.0);
    }

    #[test]
    fn bad_files_are_errors_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.jsonl");
        let e = news::read(&missing).unwrap_err();
        assert!(matches!(e, EvalError::Io { .. }));
        assert!(e.to_string().contains("missing.jsonl"), "{e}");

        let bad = dir.path().join("bad.jsonl");
        std::fs::write(&bad, format!("{}\n{{\"annotations\": []}}\n", line())).unwrap();
        let e = news::read(&bad).unwrap_err().to_string();
        assert!(
            e.contains("bad.jsonl") && e.contains("line 2") && e.contains("originalText"),
            "{e}"
        );

        let out_of_text = line().replace(
            r#""charBegin":66,"charEnd":81"#,
            r#""charBegin":66,"charEnd":900"#,
        );
        let e = news::parse(&out_of_text).unwrap_err();
        assert!(e.contains("annotation 2") && e.contains("66..900"), "{e}");

        let empty = dir.path().join("empty.jsonl");
        std::fs::write(&empty, "\n").unwrap();
        assert!(matches!(news::read(&empty), Err(EvalError::Empty { .. })));
    }
}

mod redewiedergabe_corpus {
    use super::*;

    const HEADER: &str =
        "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote\n";

    fn row(tok: &str, stwr: &str) -> String {
        format!("{tok}\t{tok}\t-\t-\t-\tno\t{stwr}\t-\t-\t-\t-\n")
    }

    fn sample() -> String {
        let rows = [
            ("Müller", "-"),
            ("sagte", "-"),
            (":", "-"),
            ("»", "direct.speech.1"),
            ("Schön", "direct.speech.1"),
            ("ist", "direct.speech.1|reported.speech writing.2.nonfact"),
            ("es", "direct.speech.1"),
            (".", "direct.speech.1"),
            ("«", "direct.speech.1"),
            ("Er", "indirect freeIndirect.speech.3"),
            ("sei", "indirect freeIndirect.speech.3"),
            ("müde", "indirect freeIndirect.speech.3"),
            (".", "-"),
        ];
        let mut s = HEADER.to_string();
        for (t, a) in rows {
            s.push_str(&row(t, a));
        }
        s
    }

    #[test]
    fn text_is_rebuilt_and_instances_read() {
        let s = redewiedergabe::parse("x", &sample()).unwrap();
        assert_eq!(s.text, "Müller sagte: »Schön ist es.« Er sei müde.");
        assert_eq!(&s.text[s.tokens[4].range()], "Schön");
        assert_eq!(&s.text[s.tokens[11].range()], "müde");
        assert_eq!(s.instances.len(), 3);
        let [direct, reported, indirect] = &s.instances[..] else {
            panic!("three instances")
        };
        assert_eq!(direct.target(), redewiedergabe::Target::Direct);
        assert_eq!(direct.tokens, (3..9).collect::<Vec<_>>());
        assert!(direct.is_plain());
        assert_eq!(reported.target(), redewiedergabe::Target::Reported);
        assert_eq!(reported.media, ["speech", "writing"]);
        assert!(!reported.is_plain());
        assert_eq!(indirect.target(), redewiedergabe::Target::Indirect);
        assert_eq!(indirect.types, ["indirect", "freeIndirect"]);
    }

    #[test]
    fn gold_classes_follow_the_pipeline_tokens() {
        let s = redewiedergabe::parse("x", &sample()).unwrap();
        let mut doc = s.doc();
        segmented(&mut doc);
        let spans = newsgraph_quote_eval::learn::token_spans(&doc);
        let classes = redewiedergabe::gold_classes(&s, &spans);
        let words: Vec<(&str, Option<bool>)> = spans
            .iter()
            .map(|t| &s.text[t.range()])
            .zip(classes)
            .collect();
        assert_eq!(
            words,
            [
                ("Müller", None),
                ("sagte", None),
                (":", None),
                ("»", Some(true)),
                ("Schön", Some(true)),
                ("ist", Some(true)),
                ("es", Some(true)),
                (".", Some(true)),
                ("«", Some(true)),
                ("Er", Some(false)),
                ("sei", Some(false)),
                ("müde", Some(false)),
                (".", None),
            ]
        );
    }

    #[test]
    fn tokens_are_scored_by_class() {
        let s = redewiedergabe::parse("x", &sample()).unwrap();
        let mut doc = s.doc();
        doc.quotes = Some(vec![
            quote(
                QuoteKind::Direct,
                span_of(&s.text, "Schön ist es."),
                None,
                None,
            ),
            quote(QuoteKind::Indirect, span_of(&s.text, "sagte"), None, None),
        ]);
        let sc = redewiedergabe::score(&s, &doc);
        assert_eq!(prf(sc.token_scores.direct), (3, 3, 3));
        assert_eq!(prf(sc.token_scores.indirect), (0, 1, 3));
        assert_eq!(
            (
                sc.reported.instances,
                sc.reported.tokens,
                sc.reported.covered
            ),
            (1, 1, 1)
        );
        assert_eq!(
            (sc.gold.direct, sc.gold.indirect, sc.gold.reported),
            (1, 1, 1)
        );
        assert_eq!(sc.scored_tokens, 8);
    }

    #[test]
    fn bad_files_are_errors_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let e = redewiedergabe::read(&dir.path().join("nope"), false).unwrap_err();
        assert!(e.to_string().contains("nope"), "{e}");
        assert!(matches!(
            redewiedergabe::read(dir.path(), false),
            Err(EvalError::Empty { .. })
        ));

        let f = dir.path().join("bad.tsv");
        std::fs::write(&f, format!("{HEADER}Er\tEr\n")).unwrap();
        let e = redewiedergabe::read_file(&f).unwrap_err().to_string();
        assert!(e.contains("bad.tsv") && e.contains("line 2"), "{e}");

        std::fs::write(&f, format!("{HEADER}{}", row("Er", "quoted.speech.1"))).unwrap();
        let e = redewiedergabe::read_file(&f).unwrap_err().to_string();
        assert!(
            e.contains("unknown stwr type") && e.contains("quoted"),
            "{e}"
        );

        std::fs::write(&f, "tok\tlemma\nEr\ter\n").unwrap();
        let e = redewiedergabe::read_file(&f).unwrap_err().to_string();
        assert!(e.contains("stwr"), "{e}");
    }
}

mod spkatt_corpus {
    use super::*;

    const SPEECH: &str = r#"{"Sentences": [
        {"SentenceId": 0, "Tokens": ["Frau", "Präsidentin", "!"]},
        {"SentenceId": 1, "Tokens": ["Die", "Ministerin", "hat", "gesagt", ",", "dass", "es", "schön", "wäre", "."]}],
      "Annotations": [{"Cue": ["1:3"], "PTC": [], "Source": ["1:0", "1:1"],
        "Message": ["1:5", "1:6", "1:7", "1:8"], "Addr": [], "Topic": [], "Medium": [], "Evidence": []}]}"#;

    #[test]
    fn text_is_rebuilt_and_roles_resolved() {
        let s = spkatt::parse("x", SPEECH).unwrap();
        assert_eq!(
            s.text,
            "Frau Präsidentin! Die Ministerin hat gesagt, dass es schön wäre."
        );
        assert_eq!(s.sentences, 2);
        assert_eq!(s.events.len(), 1);
        let words = |ix: &[usize]| {
            ix.iter()
                .map(|&i| &s.text[s.tokens[i].range()])
                .collect::<Vec<_>>()
        };
        assert_eq!(words(&s.events[0].source), ["Die", "Ministerin"]);
        assert_eq!(words(&s.events[0].message), ["dass", "es", "schön", "wäre"]);
        assert_eq!(words(&s.events[0].cue), ["gesagt"]);
    }

    #[test]
    fn roles_are_scored_per_token() {
        let s = spkatt::parse("x", SPEECH).unwrap();
        let mut doc = s.doc();
        doc.quotes = Some(vec![quote(
            QuoteKind::Indirect,
            span_of(&s.text, "es schön wäre"),
            Some(span_of(&s.text, "Ministerin")),
            Some(span_of(&s.text, "gesagt")),
        )]);
        let sc = spkatt::score(&s, &doc);
        assert_eq!(prf(sc.message), (3, 3, 4));
        assert_eq!(prf(sc.source), (1, 1, 2));
        assert_eq!(prf(sc.cue), (1, 1, 1));
        assert_eq!(sc.scored_tokens, 10);
    }

    #[test]
    fn bad_files_are_errors_naming_file_and_problem() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("speech.json");
        std::fs::write(&f, SPEECH.replace("\"1:8\"", "\"1:99\"")).unwrap();
        let e = spkatt::read_file(&f).unwrap_err().to_string();
        assert!(
            e.contains("speech.json") && e.contains("1:99") && e.contains("10 tokens"),
            "{e}"
        );
        std::fs::write(&f, "{\"Sentences\": 3}").unwrap();
        let e = spkatt::read(dir.path()).unwrap_err().to_string();
        assert!(e.contains("speech.json") && e.contains("Sentences"), "{e}");
        let e = spkatt::read(&dir.path().join("none"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("none"), "{e}");
    }
}

/// The real corpora parse into the instance counts that
/// ../shared/data/README.md gives. Tagger quality is not asserted.
mod shared_corpora {
    use super::*;

    #[test]
    fn news_counts() {
        let Some(dir) = newsgraph_testkit::shared_dir("data/german-news-quotes") else {
            return;
        };
        for (file, articles, quotes) in [("dev.jsonl", 150, 653), ("train.jsonl", 700, 2877)] {
            let a = news::read(&dir.join(file)).unwrap();
            assert_eq!(a.len(), articles, "{file}");
            assert_eq!(
                a.iter().map(|a| a.quotes.len()).sum::<usize>(),
                quotes,
                "{file}"
            );
        }
        // A few articles through segmentation and the quote stage: every gold
        // quote is counted, whatever the tagger finds.
        let dev = news::read(&dir.join("dev.jsonl")).unwrap();
        let some = &dev[..10];
        let s = news::evaluate_articles(some, |d: &mut Doc| {
            segmented(d);
            quoted(d);
            Ok::<(), String>(())
        });
        assert_eq!(s.run.docs, 10);
        assert_eq!(
            s.gold.total(),
            some.iter().map(|a| a.quotes.len()).sum::<usize>()
        );
    }

    fn plain(samples: &[redewiedergabe::Sample], kind: &str, medium: &str) -> usize {
        samples
            .iter()
            .flat_map(|s| &s.instances)
            .filter(|i| i.is_plain() && i.types == [kind] && i.media == [medium])
            .count()
    }

    #[test]
    fn redewiedergabe_counts() {
        let Some(dir) = newsgraph_testkit::shared_dir("data/redewiedergabe") else {
            return;
        };
        // files, tokens, direct.speech, indirect.speech, reported.speech, reported.writing
        for (fiction, want) in [
            (false, [354, 193_465, 256, 311, 693, 340]),
            (true, [395, 243_449, 2_807, 469, 1_051, 87]),
        ] {
            let s = redewiedergabe::read(&dir, fiction).unwrap();
            let got = [
                s.len(),
                s.iter().map(|s| s.tokens.len()).sum(),
                plain(&s, "direct", "speech"),
                plain(&s, "indirect", "speech"),
                plain(&s, "reported", "speech"),
                plain(&s, "reported", "writing"),
            ];
            assert_eq!(got, want, "fiction: {fiction}");
        }
    }

    #[test]
    fn spkatt_counts() {
        let Some(dir) = newsgraph_testkit::shared_dir("data/spkatt2023") else {
            return;
        };
        let s = spkatt::read(&dir).unwrap();
        assert_eq!(s.len(), 177);
        assert_eq!(s.iter().map(|s| s.sentences).sum::<usize>(), 9_093);
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 148_254);
        assert_eq!(s.iter().map(|s| s.events.len()).sum::<usize>(), 5_399);
    }

    #[test]
    fn folder_given_directly_is_read_too() {
        let Some(dir) = newsgraph_testkit::shared_dir("data/spkatt2023/train") else {
            return;
        };
        assert_eq!(spkatt::read(Path::new(&dir)).unwrap().len(), 177);
    }
}

mod meantime_corpus {
    use super::*;
    use newsgraph_quote_eval::meantime;

    /// Title, dateline, one body sentence: *Smith said `` We won . ''* with
    /// *said* a SPEECH_COGNITIVE mention (Arg0 *Smith*, SLINK to *won*) and
    /// *announced* one with an Arg1 (*the plan*).
    const XML: &str = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test" lang="en" url="http://x?a=&quot;b&quot;">
<token number="0" sentence="0" t_id="1">Test</token>
<token number="1" sentence="1" t_id="2">May</token>
<token number="2" sentence="1" t_id="3">1</token>
<token number="3" sentence="2" t_id="4">Smith</token>
<token number="4" sentence="2" t_id="5">said</token>
<token number="5" sentence="2" t_id="6">``</token>
<token number="6" sentence="2" t_id="7">We</token>
<token number="7" sentence="2" t_id="8">won</token>
<token number="8" sentence="2" t_id="9">.</token>
<token number="9" sentence="2" t_id="10">''</token>
<token number="10" sentence="3" t_id="11">Jones</token>
<token number="11" sentence="3" t_id="12">announced</token>
<token number="12" sentence="3" t_id="13">the</token>
<token number="13" sentence="3" t_id="14">plan</token>
<token number="14" sentence="3" t_id="15">&amp;</token>
<token number="15" sentence="3" t_id="16">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM">
<token_anchor t_id="4"/>
</ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NOM">
<token_anchor t_id="13"/>
<token_anchor t_id="14"/>
</ENTITY_MENTION>
<EVENT_MENTION m_id="3" pos="VERB">
<token_anchor t_id="5"/>
</EVENT_MENTION>
<EVENT_MENTION m_id="4" pos="VERB">
<token_anchor t_id="8"/>
</EVENT_MENTION>
<EVENT_MENTION m_id="5" pos="VERB">
<token_anchor t_id="12"/>
</EVENT_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="6" type="DATE" value="2009-05-01">
</TIMEX3>
<EVENT class="SPEECH_COGNITIVE" instance_id="SPE1" m_id="7"/><EVENT class="OTHER" instance_id="OTH1" m_id="8"/>
</Markables>
<Relations>
<REFERS_TO r_id="1">
<source m_id="3"/>
<source m_id="5"/>
<target m_id="7"/>
</REFERS_TO>
<REFERS_TO r_id="2">
<source m_id="4"/>
<target m_id="8"/>
</REFERS_TO>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0" sem_role_framework="PROPBANK">
<source m_id="3"/>
<target m_id="1"/>
</HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="4" sem_role="Arg1" sem_role_framework="PROPBANK">
<source m_id="5"/>
<target m_id="2"/>
</HAS_PARTICIPANT>
<SLINK r_id="5">
<source m_id="3"/>
<target m_id="4"/>
</SLINK>
</Relations>
</Document>
"#;

    #[test]
    fn cat_xml_is_read_into_text_and_speech_mentions() {
        let a = meantime::parse("1_Test", XML).unwrap();
        assert_eq!(
            a.text,
            "Test\n\nMay 1\n\nSmith said “We won.” Jones announced the plan &."
        );
        assert_eq!(a.tokens.len(), 16);
        assert_eq!(a.sentences, 4);
        assert_eq!(a.title.as_deref(), Some("Test"));
        assert_eq!(a.dct.map(|d| d.to_string()).as_deref(), Some("2009-05-01"));
        assert_eq!(a.annotated, 16);
        // Token indices are 0-based positions in the file.
        assert_eq!(a.mentions.len(), 2);
        let said = &a.mentions[0];
        assert_eq!(
            (said.tokens.clone(), said.arg0.clone()),
            (vec![4], vec![vec![3]])
        );
        assert_eq!(said.complement, vec![7]);
        assert!(said.arg1.is_empty());
        let announced = &a.mentions[1];
        assert_eq!(announced.tokens, vec![11]);
        assert_eq!(announced.arg1, vec![12, 13]);
        let doc = a.doc();
        assert_eq!(doc.meta.lang.as_deref(), Some("en"));
    }

    #[test]
    fn hand_made_predictions_are_scored() {
        let a = meantime::parse("1_Test", XML).unwrap();
        let t = a.text.clone();
        let mut doc = a.doc();
        segmented(&mut doc);
        doc.quotes = Some(vec![
            // Right cue and speaker, span over the complement event.
            quote(
                QuoteKind::Direct,
                span_of(&t, "We won."),
                Some(span_of(&t, "Smith")),
                Some(span_of(&t, "said")),
            ),
            // Right cue, span over half the Arg1 plus a word outside it.
            quote(
                QuoteKind::Indirect,
                span_of(&t, "plan &"),
                None,
                Some(span_of(&t, "announced")),
            ),
            // A cue that is no gold mention.
            quote(
                QuoteKind::Indirect,
                span_of(&t, "May"),
                None,
                Some(span_of(&t, "Test")),
            ),
        ]);
        let s = meantime::score(&a, &doc);
        assert_eq!(prf(s.cue), (2, 3, 2));
        assert_eq!(
            (s.speaker.found, s.speaker.right, s.speaker.none),
            (1, 1, 0)
        );
        // "&" is punctuation: only "plan" is scored, against "the plan".
        assert_eq!(prf(s.message), (1, 1, 2));
        assert_eq!((s.complement.instances, s.complement.covered), (1, 1));
        assert!(s.to_string().contains("meantime: 1 documents"));
    }

    #[test]
    fn bad_files_are_errors_naming_file_and_problem() {
        assert!(meantime::parse("x", "<Document></Document>")
            .unwrap_err()
            .contains("not a MEANTIME"));
        let bad = XML.replace(
            r#"<token_anchor t_id="13"/>"#,
            r#"<token_anchor t_id="99"/>"#,
        );
        assert!(meantime::parse("x", &bad).unwrap_err().contains("99"));
        let dir = tempfile::tempdir().unwrap();
        let e = meantime::read(dir.path()).unwrap_err();
        assert!(matches!(e, EvalError::Empty { .. }), "{e}");
    }

    /// The real corpus through segmentation and the quote stage (no NER, as
    /// in `eval quotes --no-ner`). Measured 2026-11: 247 gold mentions in the
    /// scored sentences, cue P 0.92 R 0.35, speaker 60/75 = 0.80; the floors
    /// leave a margin for rule changes.
    #[test]
    fn meantime_scores_are_sane() {
        let Some(dir) = newsgraph_testkit::shared_dir("data/meantime_en") else {
            return;
        };
        let articles = meantime::read(&dir).unwrap();
        assert_eq!(articles.len(), 96);
        assert_eq!(
            articles.iter().map(|a| a.tokens.len()).sum::<usize>(),
            32_289
        );
        let s = meantime::evaluate_articles(&articles, |d: &mut Doc| {
            segmented(d);
            quoted(d);
            Ok::<(), String>(())
        });
        assert_eq!((s.run.docs, s.run.failed), (96, 0));
        assert!(s.cue.gold > 200 && s.cue.predicted > 0 && s.predicted > 0);
        assert!(s.speaker.found > 0 && s.message.gold > 0 && s.complement.tokens > 0);
        for x in [
            s.cue.precision(),
            s.cue.recall(),
            s.message.precision(),
            s.message.recall(),
            s.complement.recall(),
            s.speaker.accuracy(),
        ] {
            assert!((0.0..=1.0).contains(&x), "{x}");
        }
        assert!(s.cue.precision() > 0.8, "{s}");
        assert!(s.cue.recall() > 0.25, "{s}");
        assert!(s.speaker.accuracy() > 0.7, "{s}");
    }
}
