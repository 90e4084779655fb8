//! Behaviour of the quote stage on short German and English texts written for
//! these tests, plus the founding article's claims when `../shared` exists.

use newsgraph_doc::{Doc, EntityMention, EntityType, Modality, QuoteKind, Span, Stage, Status};
use std::sync::OnceLock;

use newsgraph_pipeline::Packs;
use newsgraph_quote::QuoteStage;
use newsgraph_segment::SegmentStage;

/// The segmenter with the shipped packs, built once.
fn segment() -> &'static SegmentStage {
    static STAGE: OnceLock<SegmentStage> = OnceLock::new();
    STAGE.get_or_init(|| SegmentStage::new(&Packs::embedded()))
}

/// The quote stage with the shipped packs, built once.
fn quote_stage() -> &'static QuoteStage {
    static STAGE: OnceLock<QuoteStage> = OnceLock::new();
    STAGE.get_or_init(|| QuoteStage::new(&Packs::embedded()))
}

/// Segments `text`, marks the given person/organisation names as entities
/// (every occurrence) and runs the quote stage.
fn analyse(lang: &str, text: &str, names: &[(&str, EntityType)]) -> Doc {
    let mut doc = Doc::new("t", text);
    doc.meta.lang = Some(lang.into());
    segment().annotate(&mut doc);
    let mut ents = Vec::new();
    for (name, label) in names {
        for (at, _) in text.match_indices(name) {
            ents.push(EntityMention {
                span: Span::new(at, at + name.len()),
                label: *label,
                form: None,
                kb: None,
                name: None,
                score: None,
                cluster: None,
            });
        }
    }
    ents.sort_by_key(|e| e.span.start);
    doc.entities = Some(ents);
    quote_stage().annotate(&mut doc);
    doc
}

/// One quote as (kind, content, speaker mention, speaker name, cue).
type Row = (
    QuoteKind,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Every quote of `doc` as a [`Row`].
fn quotes(doc: &Doc) -> Vec<Row> {
    doc.quotes
        .as_ref()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q.kind,
                doc.slice(q.span).to_string(),
                q.speaker.as_ref().map(|s| doc.slice(s.span).to_string()),
                q.speaker_name.clone(),
                q.cue.map(|c| doc.slice(c).to_string()),
            )
        })
        .collect()
}

#[test]
fn direct_quote_with_inverted_frame() {
    let doc = analyse(
        "de",
        "„Wir werden die Schulen nicht schließen“, sagte Bildungsministerin Anna Berger am Montag.",
        &[("Anna Berger", EntityType::Per)],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "Wir werden die Schulen nicht schließen");
    assert_eq!(q[0].2.as_deref(), Some("Bildungsministerin Anna Berger"));
    assert_eq!(q[0].3.as_deref(), Some("Anna Berger"));
    assert_eq!(q[0].4.as_deref(), Some("sagte"));
}

#[test]
fn direct_quote_after_colon_and_guillemets() {
    let doc = analyse(
        "de",
        "Der Bürgermeister erklärte: »Die Brücke bleibt bis Ende Mai gesperrt.«",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "Die Brücke bleibt bis Ende Mai gesperrt.");
    assert_eq!(q[0].2.as_deref(), Some("Der Bürgermeister"));
}

#[test]
fn a_quote_left_open_ends_with_its_paragraph() {
    let doc = analyse(
        "de",
        "Der Minister erklärte: „Die Brücke bleibt gesperrt. Wir prüfen alles.\n\n\
         Die Stadt plant eine Umleitung. Preise: Weizen „12, Roggen „10.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(
        q[0].1, "Die Brücke bleibt gesperrt. Wir prüfen alles",
        "the unclosed quote runs to its paragraph's end; ditto marks open nothing"
    );
    assert_eq!(q[0].2.as_deref(), Some("Der Minister"));
}

#[test]
fn a_text_cut_off_inside_a_quote_keeps_the_quote() {
    // An excerpt that stops mid-sentence inside a quotation opened after a
    // colon; the inner quoted name is paired and does not spoil it.
    let doc = analyse(
        "de",
        "Die Zeitung meldet: „Der Zug fuhr auf die Brücke von „Wappingers Creek“ und stürzte in den",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert!(
        q[0].1.starts_with("Der Zug fuhr") && q[0].1.ends_with("stürzte in den"),
        "{q:?}"
    );

    // A dash after a sentence's end starts the next item: a mark forgotten
    // there ends the quote.
    let doc = analyse(
        "de",
        "Das Wochenblatt meldet: „Die Russen sind abgezogen. — Bern. Der Rat tagt heute mit „allen“ Mitgliedern bis spät in die",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q[0].1, "Die Russen sind abgezogen.", "{q:?}");
}

#[test]
fn a_pronoun_names_the_nearest_person_it_agrees_with() {
    let doc = analyse(
        "de",
        "Innenminister Markus Kramer legte den Entwurf vor. Die Abgeordnete Petra Lange kritisierte \
         ihn im Ausschuss. Er sagte, das Gesetz sei verfassungsgemäß. Sie warf ihm vor, die Rechte \
         der Bürger zu missachten. Die Grünen lehnten ab. Sie erklärten, der Entwurf gehe zu weit.",
        &[
            ("Markus Kramer", EntityType::Per),
            ("Petra Lange", EntityType::Per),
        ],
    );
    let q = quotes(&doc);
    let name_of = |content: &str| {
        q.iter()
            .find(|r| r.1.contains(content))
            .unwrap_or_else(|| panic!("no quote with {content:?}: {q:?}"))
            .3
            .clone()
    };
    assert_eq!(
        name_of("verfassungsgemäß").as_deref(),
        Some("Markus Kramer")
    );
    assert_eq!(name_of("missachten").as_deref(), Some("Petra Lange"));
    assert_eq!(
        name_of("zu weit"),
        None,
        "plural sie (erklärten) names no person: {q:?}"
    );
}

#[test]
fn a_konjunktiv_clause_after_a_content_noun_is_the_report() {
    let doc = analyse(
        "de",
        "Die Partei bekräftigte ihre Hoffnung, der Minister werde bald zurücktreten.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "der Minister werde bald zurücktreten", "{q:?}");
}

#[test]
fn so_frames_with_attached_phrases_and_inside_the_sentence() {
    let doc = analyse(
        "de",
        "Die Inszenierung lenke von der Oper ab, so Karl Harb von den Salzburger Nachrichten. \
         Der Präsident sei, so Gamkrelidse, schuld an der Niederlage.",
        &[
            ("Karl Harb", EntityType::Per),
            ("Gamkrelidse", EntityType::Per),
        ],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "Die Inszenierung lenke von der Oper ab");
    assert_eq!(
        q[0].2.as_deref(),
        Some("Karl Harb von den Salzburger Nachrichten")
    );
    assert_eq!(q[0].3.as_deref(), Some("Karl Harb"));
    assert_eq!(
        q[1].1,
        "Der Präsident sei, so Gamkrelidse, schuld an der Niederlage"
    );
    assert_eq!(q[1].3.as_deref(), Some("Gamkrelidse"));
}

#[test]
fn a_frame_inside_a_konjunktiv_sentence_reports_all_of_it() {
    let doc = analyse(
        "de",
        "Der Präsident sei, sagte er, schuld an der Niederlage. \
         Die Regierung werde, wie der Sprecher mitteilte, das Gesetz ändern. \
         Alle Gebiete seien unter Kontrolle, sagte Charles Bouchard, kanadischer General.",
        &[("Charles Bouchard", EntityType::Per)],
    );
    let q = quotes(&doc);
    let texts: Vec<&str> = q.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Der Präsident sei, sagte er, schuld an der Niederlage",
            "Die Regierung werde, wie der Sprecher mitteilte, das Gesetz ändern",
            "Alle Gebiete seien unter Kontrolle",
        ],
        "an apposition after the speaker is not more report: {q:?}"
    );
}

#[test]
fn a_quoted_newspaper_after_the_cue_is_the_addressee() {
    let doc = analyse(
        "de",
        "Der Staatssekretär sagte der „Berliner Zeitung“, dass die Steuer sinken solle.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].1, "dass die Steuer sinken solle");
    assert_eq!(q[0].2.as_deref(), Some("Der Staatssekretär"));
}

#[test]
fn a_subject_with_its_apposition_is_no_report() {
    let doc = analyse(
        "de",
        "Elon Musk, der Milliardär hinter der Firma, kündigte einen Pickup an. \
         Das Geschäft wachse stark, sagte Edmon Chung, CEO von DotAsia.",
        &[
            ("Elon Musk", EntityType::Per),
            ("Edmon Chung", EntityType::Per),
        ],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Das Geschäft wachse stark");
    assert_eq!(q[0].3.as_deref(), Some("Edmon Chung"));
}

#[test]
fn any_verbs_konjunktiv_continues_a_report_but_nouns_and_instructions_do_not() {
    let doc = analyse(
        "de",
        "Die Ministerin äußerte sich kritisch über die Autoindustrie. Sie rate zum Kauf \
         sparsamer Autos. Die Frage bleibt offen. Man nehme nur den neuesten Jahrgang zur Hand.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Sie rate zum Kauf sparsamer Autos");
}

#[test]
fn a_pronoun_prefers_a_person_named_after_the_last_speaker() {
    let doc = analyse(
        "de",
        "„Wir bleiben hart“, sagte Kanzler Markus Kramer. Am Abend traf Innenminister Jonas Weber \
         die Gewerkschaften. Er sagte, die Verhandlungen würden fortgesetzt.",
        &[
            ("Markus Kramer", EntityType::Per),
            ("Jonas Weber", EntityType::Per),
        ],
    );
    let q = quotes(&doc);
    let last = q.last().expect("quotes");
    assert_eq!(last.1, "die Verhandlungen würden fortgesetzt", "{q:?}");
    assert_eq!(last.3.as_deref(), Some("Jonas Weber"), "{q:?}");
}

#[test]
fn a_feminine_role_noun_names_no_man() {
    let doc = analyse(
        "de",
        "Wirtschaftsminister Peter Brandt lobte den Plan. Die Bundeskanzlerin sagte, \
         die Regierung werde das Gesetz prüfen.",
        &[("Peter Brandt", EntityType::Per)],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Die Bundeskanzlerin"));
    assert_eq!(q[0].3.as_deref(), Some("Bundeskanzlerin"), "{q:?}");
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    let doc = analyse(
        "de",
        "Der Konzern trifft seinen „Partner“ nur selten. Im Kino läuft der Film „Das Boot“.",
        &[],
    );
    assert!(quotes(&doc).is_empty(), "{:?}", quotes(&doc));
}

#[test]
fn indirect_speech_in_konjunktiv_and_dass_clauses() {
    let doc = analyse(
        "de",
        "Die Polizei teilte am Abend mit, der Verdächtige sei gefasst worden. \
         Ein Sprecher des Ministeriums sagte, dass die Gespräche weitergingen.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].1, "der Verdächtige sei gefasst worden");
    assert_eq!(q[0].2.as_deref(), Some("Die Polizei"));
    assert_eq!(q[0].4.as_deref(), Some("teilte"));
    assert_eq!(q[1].1, "dass die Gespräche weitergingen");
    assert_eq!(q[1].2.as_deref(), Some("Ein Sprecher des Ministeriums"));
}

#[test]
fn source_markers_frame_a_clause() {
    let doc = analyse(
        "de",
        "Laut Reuters wurden drei Menschen verletzt. Nach Angaben der Feuerwehr brach das Feuer \
         im Keller aus. Den Behörden zufolge ist die Lage stabil.",
        &[("Reuters", EntityType::Org)],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0].1, "wurden drei Menschen verletzt");
    assert_eq!(q[0].3.as_deref(), Some("Reuters"));
    assert_eq!(q[1].1, "brach das Feuer im Keller aus");
    assert_eq!(q[1].2.as_deref(), Some("Angaben der Feuerwehr"));
    assert_eq!(q[2].1, "ist die Lage stabil");
    assert_eq!(q[2].2.as_deref(), Some("Den Behörden"));
}

#[test]
fn konjunktiv_continuation_keeps_the_speaker() {
    let doc = analyse(
        "de",
        "Müller sagte, die Firma habe keine Fehler gemacht. Sie stehe zu ihren Mitarbeitern. \
         Das Wetter war gut.",
        &[("Müller", EntityType::Per)],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, QuoteKind::Indirect);
    assert_eq!(q[1].1, "Sie stehe zu ihren Mitarbeitern");
    assert_eq!(
        q[1].2, None,
        "an unframed continuation has no speaker mention"
    );
    assert_eq!(q[1].3.as_deref(), Some("Müller"));
    assert_eq!(q[1].4, None);
}

#[test]
fn konjunktiv_two_continues_only_right_after_a_report() {
    let doc = analyse(
        "de",
        "Die Sprecherin sagte, die Firma habe keine Fehler gemacht. Ein Rückruf wäre zu teuer \
         gewesen. Das Wetter war gut. Ein Rückruf wäre teuer gewesen. Meier sagte, der Plan sei \
         gut. Wenn es regnete, wäre das Fest vorbei.",
        &[("Meier", EntityType::Per)],
    );
    let q = quotes(&doc);
    let texts: Vec<&str> = q.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        texts,
        [
            "die Firma habe keine Fehler gemacht",
            "Ein Rückruf wäre zu teuer gewesen",
            "der Plan sei gut"
        ],
        "Konjunktiv II after a report continues it; alone or in a condition it does not"
    );
}

#[test]
fn more_frames_and_markers() {
    let doc = analyse(
        "de",
        "Der Bürgermeister Hans Berger hat angekündigt, von seinem Amt zurückzutreten. \
         Die Lage bleibe ernst, so Anna Roth, die Leiterin des Amtes. \
         Laut einer am Montag veröffentlichten Mitteilung des Ministeriums wurden zwei Dämme \
         verstärkt. Es gibt einen Bericht der Zeitung, wonach der Damm gebrochen sein soll. \
         Laut „Kurier“ ist die Straße gesperrt. Nach einer ersten Analyse der Behörde brach der \
         Damm an zwei Stellen.",
        &[
            ("Hans Berger", EntityType::Per),
            ("Anna Roth", EntityType::Per),
        ],
    );
    let q = quotes(&doc);
    let rows: Vec<(&str, Option<&str>)> =
        q.iter().map(|r| (r.1.as_str(), r.2.as_deref())).collect();
    assert_eq!(
        rows,
        [
            (
                "von seinem Amt zurückzutreten",
                Some("Der Bürgermeister Hans Berger")
            ),
            ("Die Lage bleibe ernst", Some("Anna Roth")),
            (
                "wurden zwei Dämme verstärkt",
                Some("einer am Montag veröffentlichten Mitteilung des Ministeriums")
            ),
            (
                "der Damm gebrochen sein soll",
                Some("einen Bericht der Zeitung")
            ),
            ("ist die Straße gesperrt", Some("„Kurier“")),
            (
                "brach der Damm an zwei Stellen",
                Some("einer ersten Analyse der Behörde")
            ),
        ]
    );
}

#[test]
fn speakers_in_a_speech_first_person_address_and_roles() {
    let text = "Finanzminister Olaf Scholz hat im Ausschuss gesprochen. Danach redete Anna Weber. \
                Ich sage Ihnen, dass wir diesen Antrag ablehnen. Ich glaube, die Regierung \
                hat versagt. Frau Ministerin, Sie haben \
                gesagt, dass die Mittel reichen. Der Bundesfinanzminister hat behauptet, die \
                Rente sei sicher.";
    let mut doc = Doc::new("t", text);
    doc.meta.lang = Some("de".into());
    doc.meta.author = Some("Max Jung".into());
    segment().annotate(&mut doc);
    let ents = ["Olaf Scholz", "Anna Weber"]
        .iter()
        .map(|name| {
            let at = text.find(name).unwrap();
            EntityMention {
                span: Span::new(at, at + name.len()),
                label: EntityType::Per,
                form: None,
                kb: None,
                name: None,
                score: None,
                cluster: None,
            }
        })
        .collect();
    doc.entities = Some(ents);
    quote_stage().annotate(&mut doc);
    let rows: Vec<(String, Option<String>)> = quotes(&doc)
        .into_iter()
        .map(|r| (r.2.unwrap_or_default(), r.3))
        .collect();
    assert_eq!(
        rows,
        [
            ("Ich".to_string(), Some("Max Jung".to_string())),
            ("Ich".to_string(), Some("Max Jung".to_string())),
            ("Sie".to_string(), None),
            (
                "Der Bundesfinanzminister".to_string(),
                Some("Olaf Scholz".to_string())
            ),
        ],
        "ich is the author, formal Sie is nobody named, a role noun is who held that role, \
         not the nearest person"
    );
}

#[test]
fn mixed_quote_and_pronoun_speaker() {
    let doc = analyse(
        "de",
        "Kanzlerin Petra Lang besuchte das Werk. Sie sagte, man werde „jeden Arbeitsplatz retten“.",
        &[("Petra Lang", EntityType::Per)],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Mixed);
    assert_eq!(q[0].1, "man werde „jeden Arbeitsplatz retten“");
    assert_eq!(q[0].2.as_deref(), Some("Sie"));
    assert_eq!(q[0].3.as_deref(), Some("Petra Lang"));
}

#[test]
fn claims_carry_modality_and_a_later_denial() {
    let doc = analyse(
        "de",
        "Ermittler gehen davon aus, dass die Firma Daten verkauft habe. \
         Das Unternehmen bestreitet die Vorwürfe.",
        &[],
    );
    let claims = doc.claims.as_ref().unwrap();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].modality, Modality::Probable);
    assert_eq!(claims[0].status, Status::Denied);
    assert_eq!(doc.slice(claims[0].sources[0].mention.span), "Ermittler");
}

#[test]
fn hedged_report_not_confirmed() {
    let doc = analyse(
        "de",
        "Medienberichten zufolge könnte der Minister schon morgen zurücktreten. \
         Die Regierung hat das nicht bestätigt.",
        &[],
    );
    let claims = doc.claims.as_ref().unwrap();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].modality, Modality::Possible);
    assert_eq!(claims[0].status, Status::Unconfirmed);
}

#[test]
fn hedged_statements_are_unsourced_claims() {
    let doc = analyse(
        "de",
        "Der mutmaßliche Täter floh nach Polen. Die Polizei sucht ihn.",
        &[],
    );
    let claims = doc.claims.as_ref().unwrap();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(
        doc.slice(claims[0].span),
        "Der mutmaßliche Täter floh nach Polen"
    );
    assert!(claims[0].sources.is_empty());
    assert_eq!(claims[0].modality, Modality::Probable);
}

#[test]
fn english_reported_speech() {
    let doc = analyse(
        "en",
        "“We will not give up,” the mayor said. The company said that profits fell. \
         According to Reuters, the talks failed.",
        &[("Reuters", EntityType::Org)],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "We will not give up,");
    assert_eq!(q[0].2.as_deref(), Some("the mayor"));
    assert_eq!(q[1].1, "that profits fell");
    assert_eq!(q[2].1, "the talks failed");
    assert_eq!(q[2].3.as_deref(), Some("Reuters"));
}

#[test]
fn odd_text_gives_no_quotes_and_no_panic() {
    for text in [
        "",
        "„",
        "“ „ » « \" ' ‚ ‘",
        "sagte, sagte, sagte:",
        "„„„ “““",
    ] {
        let doc = analyse("de", text, &[]);
        assert!(doc.quotes.is_some());
    }
}

#[test]
fn founding_article_claims() {
    let Some(dir) = newsgraph_testkit::shared_dir("samples") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("de-kim-putin-2024-06-12.txt")).unwrap();
    let pipeline = newsgraph_pipeline::standard(&newsgraph_pipeline::Packs::embedded()).unwrap();
    let mut doc = Doc::new("kim", text);
    doc.meta.dct = Some(jiff::civil::date(2024, 6, 12));
    pipeline.run(&mut doc).unwrap();
    let claims = doc.claims.as_ref().unwrap();
    let find = |needle: &str| {
        claims
            .iter()
            .find(|c| doc.slice(c.span).contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle:?}: {claims:#?}"))
    };
    let visit = find("besuchen könnte");
    assert_eq!(visit.modality, Modality::Possible);
    assert_eq!(visit.status, Status::Unconfirmed);
    assert_eq!(visit.time.as_deref(), Some("2024-W25"));
    // Each source points at the entity mention that names it; ids are the
    // linking stage's to give.
    let named: Vec<_> = visit
        .sources
        .iter()
        .filter_map(|s| Some(doc.slice(doc.entities.as_ref()?[s.mention.entity?].span)))
        .collect();
    assert_eq!(named, ["NHK", "Yonhap"]);
    assert!(visit.sources[0]
        .via
        .as_deref()
        .unwrap_or("")
        .contains("diplomatische Quellen"));
    let weapons = find("Artillerie und Raketen");
    assert_eq!(weapons.modality, Modality::Probable);
    assert_eq!(weapons.status, Status::Denied);
    assert!(doc
        .slice(weapons.sources[0].mention.span)
        .contains("Geheimdienste"));
    let quotes = doc.quotes.as_ref().unwrap();
    // Every *Kim* is linked to the fullest form of the name the entity layer
    // found (*Kim Jong Un*, or *Kim Jong* when the model cuts it short).
    let kim = quotes
        .iter()
        .filter(|q| {
            q.speaker_name
                .as_deref()
                .is_some_and(|n| n.starts_with("Kim Jong"))
        })
        .count();
    assert!(
        kim >= 3,
        "Kim's direct, indirect and mixed quotes: {quotes:#?}"
    );
}

#[test]
fn english_frame_after_and_addressees() {
    let doc = analyse(
        "en",
        "Talks broke down late on Wednesday, the dockers' union said. \
         The negotiator told reporters outside the terminal. The mayor said the port stays open.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "Talks broke down late on Wednesday");
    assert_eq!(q[0].4.as_deref(), Some("said"));
    assert_eq!(q[1].1, "the port stays open");
    assert_eq!(q[1].2.as_deref(), Some("The mayor"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces quote detection reacts to.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "„",
            "“",
            "”",
            "»",
            "«",
            "\"",
            "'",
            "‚",
            "‘",
            "’",
            ",",
            ".",
            ":",
            "\n\n",
            " ",
            "sagte",
            "sei",
            "laut",
            "zufolge",
            "Berichten",
            "nach",
            "Angaben",
            "der",
            "Polizei",
            "Kim",
            "er",
            "dass",
            "bestritt",
            "die",
            "Vorwürfe",
            "so",
            "wie",
            "könnte",
            "Müller",
            "ü",
            "😀",
            "said",
            "according",
            "to",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
    }

    proptest! {
        #[test]
        fn every_span_is_inside_the_text_on_char_boundaries(text in pieces(), english in any::<bool>()) {
            let doc = analyse(if english { "en" } else { "de" }, &text, &[("Kim", EntityType::Per)]);
            let t = doc.text();
            let ok = |s: Span| s.start <= s.end && s.end <= t.len()
                && t.is_char_boundary(s.start) && t.is_char_boundary(s.end);
            for q in doc.quotes.as_ref().unwrap() {
                prop_assert!(ok(q.span) && !q.span.is_empty());
                if let Some(s) = &q.speaker { prop_assert!(ok(s.span)); }
                if let Some(c) = q.cue { prop_assert!(ok(c)); }
            }
            for c in doc.claims.as_ref().unwrap() {
                prop_assert!(ok(c.span));
                prop_assert!(c.sentence < doc.sentences().unwrap().len().max(1));
                for s in &c.sources { prop_assert!(ok(s.mention.span)); }
            }
        }
    }
}

#[test]
fn english_adverbials_before_that_and_possessive_subjects() {
    let doc = analyse(
        "en",
        "The ministry announced on Wednesday that the bridge will reopen. The mayor added, \
         however, that repairs cost more. The company's chief executive said sales fell sharply.",
        &[],
    );
    let q = quotes(&doc);
    let rows: Vec<(&str, Option<&str>)> =
        q.iter().map(|r| (r.1.as_str(), r.2.as_deref())).collect();
    assert_eq!(
        rows,
        [
            ("that the bridge will reopen", Some("The ministry")),
            ("that repairs cost more", Some("The mayor")),
            ("sales fell sharply", Some("The company's chief executive")),
        ]
    );
}

#[test]
fn a_framed_direct_quote_inside_a_konjunktiv_sentence_stays_direct() {
    let doc = analyse(
        "de",
        "Die Sprecherin sagte, die Firma habe keine Fehler gemacht. Die Lage sei ernst: \
         „Wir tun alles.“",
        &[],
    );
    let q = quotes(&doc);
    let rows: Vec<(QuoteKind, &str)> = q.iter().map(|r| (r.0, r.1.as_str())).collect();
    assert_eq!(
        rows,
        [
            (QuoteKind::Indirect, "die Firma habe keine Fehler gemacht"),
            (QuoteKind::Indirect, "Die Lage sei ernst"),
            (QuoteKind::Direct, "Wir tun alles."),
        ]
    );
}

#[test]
fn a_konjunktiv_only_in_a_dass_clause_reports_that_clause() {
    let doc = analyse(
        "de",
        "Die Nachbarn merkten bald, dass der neue Besitzer nicht gewillt sei, das Haus zu verkaufen.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1,
        "dass der neue Besitzer nicht gewillt sei, das Haus zu verkaufen"
    );
}

#[test]
fn an_impersonal_marker_before_a_colon_frames_the_quotation() {
    let doc = analyse(
        "de",
        "Und da heißt es u. a.: „Brüder, scheut nicht zurück vor der Sünde. Liebet die ganze \
         Schöpfung.“",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert!(
        q[0].1.starts_with("Brüder") && q[0].1.ends_with("Schöpfung."),
        "{q:?}"
    );
}

#[test]
fn comparisons_and_idioms_in_konjunktiv_are_no_report_and_semicolons_part_clauses() {
    let doc = analyse(
        "de",
        "Der Regen fiel, als sei der Himmel offen. Wir kommen morgen, es sei denn, es regnet. \
         Die Kammer tagte lange; der Antrag sei abgelehnt; dann ging man heim.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].1, "der Antrag sei abgelehnt");
}

#[test]
fn a_marker_report_ends_at_a_colon_that_opens_a_quotation() {
    let doc = analyse(
        "de",
        "Den neuesten Blättern zufolge wurde im Senat folgende Resolution angenommen: \
         „Beschlossen, dass der Präsident ersucht werde, mit Großbritannien zu verhandeln.“ \
         „Verlässt die Bank Straßburg“, heißt es weiter, „so geht es um viel Geld.“",
        &[],
    );
    let q = quotes(&doc);
    let kinds: Vec<(QuoteKind, &str)> = q.iter().map(|r| (r.0, r.1.as_str())).collect();
    assert_eq!(
        kinds[..2],
        [
            (
                QuoteKind::Indirect,
                "wurde im Senat folgende Resolution angenommen"
            ),
            (
                QuoteKind::Direct,
                "Beschlossen, dass der Präsident ersucht werde, mit Großbritannien zu verhandeln."
            ),
        ]
    );
    assert_eq!(kinds[3], (QuoteKind::Direct, "so geht es um viel Geld."));
}

#[test]
fn a_finite_verb_after_a_dass_clause_resumes_the_main_clause() {
    let doc = analyse(
        "de",
        "Wer sagt, dass er nichts tun könne, ist hilflos.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "dass er nichts tun könne");
}

#[test]
fn unmarked_direct_speech_after_a_cue_and_colon_needs_the_speakers_own_voice() {
    let doc = analyse(
        "de",
        "Er sagt: Wir haben Beobachterstatus. Die Ministerin sagte: Ich komme morgen. \
         Der Schaffner berichtet: Der Zug fiel aus. Die Namen lauten: Anna, Berta und Clara.",
        &[],
    );
    let q = quotes(&doc);
    let rows: Vec<(QuoteKind, &str)> = q.iter().map(|r| (r.0, r.1.as_str())).collect();
    assert_eq!(
        rows,
        [
            (QuoteKind::Direct, "Wir haben Beobachterstatus"),
            (QuoteKind::Direct, "Ich komme morgen"),
        ]
    );
}

#[test]
fn a_publication_reporting_after_a_colon_reprints_a_passage_to_the_end_of_its_paragraph() {
    let doc = analyse(
        "de",
        "Die Neue Berliner Zeitung berichtet: Die Cholera ist in der Stadt aufgetreten. \
         Das Hospital wurde eröffnet.\n\nIn Köln blieb es ruhig. Der Bürgermeister \
         erzählt folgende Geschichte: Ein Knecht ging in den Stall. Dort fand er ein Pferd.",
        &[],
    );
    let q = quotes(&doc);
    let rows: Vec<(QuoteKind, &str)> = q.iter().map(|r| (r.0, r.1.as_str())).collect();
    assert_eq!(
        rows,
        [
            (
                QuoteKind::Direct,
                "Die Cholera ist in der Stadt aufgetreten. Das Hospital wurde eröffnet"
            ),
            (
                QuoteKind::Direct,
                "Ein Knecht ging in den Stall. Dort fand er ein Pferd"
            ),
        ]
    );
    assert_eq!(
        q[0].2.as_deref(),
        Some("Die Neue Berliner Zeitung"),
        "{q:?}"
    );
}

#[test]
fn a_reprinted_passage_in_running_text_ends_at_a_dateline_or_a_new_item() {
    // The whole pipeline: a dateline is told by its timex.
    let mut doc = Doc::new(
        "t",
        "Die Zeitung schreibt: Wir bemerken, dass die Cholera aufgetreten ist. Es gibt \
         viele Kranke. Köln 12. September. Gestern gab es Unruhen. Das Blatt meldet: \
         Der Zug fiel aus. — Die St. Galler wollen eine Bahn bauen.",
    );
    doc.meta.lang = Some("de".into());
    doc.meta.dct = Some(jiff::civil::date(1850, 9, 13));
    newsgraph_pipeline::standard(&newsgraph_pipeline::Packs::embedded())
        .unwrap()
        .run(&mut doc)
        .unwrap();
    let q = quotes(&doc);
    let rows: Vec<&str> = q.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        rows,
        [
            "Wir bemerken, dass die Cholera aufgetreten ist. Es gibt viele Kranke",
            "Der Zug fiel aus"
        ],
        "{q:?}"
    );
}

#[test]
fn a_dass_clause_after_a_noun_of_belief_is_what_is_believed() {
    let doc = analyse(
        "de",
        "Ich bin der Meinung, dass die Steuer zu hoch ist. Der Zeuge bezeugte, dass er \
         dort war. Die Meinung der Leute ist geteilt, weil das Wetter schlecht ist.",
        &[],
    );
    let q = quotes(&doc);
    let rows: Vec<(QuoteKind, &str)> = q.iter().map(|r| (r.0, r.1.as_str())).collect();
    assert_eq!(
        rows,
        [
            (QuoteKind::Indirect, "dass die Steuer zu hoch ist"),
            (QuoteKind::Indirect, "dass er dort war"),
        ]
    );
}

#[test]
fn the_name_after_a_role_noun_names_the_speaker_even_untagged() {
    let doc = analyse(
        "de",
        "Peter Altmaier kam spät. Bundesminister Altmaier sagte, das sei gut. \
         CSU-Generalsekretär Blume meint, die Erhöhung sei falsch.",
        &[("Peter Altmaier", EntityType::Per)],
    );
    let q = quotes(&doc);
    let names: Vec<Option<&str>> = q.iter().map(|r| r.3.as_deref()).collect();
    assert_eq!(names, [Some("Peter Altmaier"), Some("Blume")], "{q:?}");
}

#[test]
fn demnach_is_the_mention_of_the_last_source() {
    let doc = analyse(
        "de",
        "Der Sprecher Hans Meier sagte, der Bericht sei fertig. Demnach sind drei Menschen \
         gestorben.",
        &[("Hans Meier", EntityType::Per)],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "sind drei Menschen gestorben");
    assert_eq!(q[1].2.as_deref(), Some("Demnach"));
    assert_eq!(q[1].3.as_deref(), Some("Hans Meier"));
}

#[test]
fn an_unknown_frame_before_a_konjunktiv_main_clause_is_left_out() {
    let doc = analyse(
        "de",
        "Die Wahlkommission hatte den Standpunkt vertreten, das Gericht sei dafür nicht \
         zuständig. Der Versuch der Regierung, an der Macht zu bleiben, werfe einen Schatten.",
        &[],
    );
    let q = quotes(&doc);
    let texts: Vec<&str> = q.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        texts,
        [
            "das Gericht sei dafür nicht zuständig",
            "Der Versuch der Regierung, an der Macht zu bleiben, werfe einen Schatten"
        ]
    );
}

#[test]
fn an_als_phrase_is_not_the_speaker_when_a_subject_follows() {
    let doc = analyse(
        "de",
        "Als Begründung gab die Stadt an, die Bürger nutzten immer kleinere Tonnen.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("die Stadt"), "{q:?}");
}

#[test]
fn a_dative_addressee_after_the_cue_is_not_the_speaker() {
    let doc = analyse(
        "de",
        "Es habe Betrug gegeben, sagte er Reportern. Die Lage sei ruhig, sagte der \
         Nachrichtenagentur Reuters ein Augenzeuge.",
        &[("Reuters", EntityType::Org)],
    );
    let q = quotes(&doc);
    let speakers: Vec<Option<&str>> = q.iter().map(|r| r.2.as_deref()).collect();
    assert_eq!(speakers, [Some("er"), Some("ein Augenzeuge")], "{q:?}");
}

#[test]
fn the_writers_own_request_in_konjunktiv_is_no_report() {
    let doc = analyse(
        "de",
        "Das Buch sei allen Lesern bestens empfohlen. Der Kalender sei bereits verkauft worden.",
        &[],
    );
    let q = quotes(&doc);
    let texts: Vec<&str> = q.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(texts, ["Der Kalender sei bereits verkauft worden"]);
}

#[test]
fn english_subjects_appositions_participles_and_unread_sources() {
    let doc = analyse(
        "en",
        "WASHINGTON (Reuters) - The White House said on Tuesday that it would not comment. \
         \"It's a disaster,\" said John Smith, a senior analyst at Capital Economics. \
         The company denied the allegations, saying they were baseless. \
         According to two officials familiar with the matter, the talks stalled. \
         The minister told colleagues he would resign.",
        &[
            ("Reuters", EntityType::Org),
            ("John Smith", EntityType::Per),
        ],
    );
    let q = quotes(&doc);
    let rows: Vec<(&str, Option<&str>)> =
        q.iter().map(|r| (r.1.as_str(), r.2.as_deref())).collect();
    assert_eq!(
        rows,
        [
            ("that it would not comment", Some("The White House")),
            ("It's a disaster,", Some("John Smith")),
            ("they were baseless", Some("The company")),
            (
                "the talks stalled",
                Some("two officials familiar with the matter")
            ),
            ("he would resign", Some("The minister")),
        ]
    );
}

#[test]
fn english_would_in_reported_speech_is_no_hedge() {
    let doc = analyse(
        "en",
        "The White House said that it would not comment. Officials said the plan may fail.",
        &[],
    );
    let claims = doc.claims.as_ref().unwrap();
    let modalities: Vec<Modality> = claims.iter().map(|c| c.modality).collect();
    assert_eq!(
        modalities,
        [Modality::Asserted, Modality::Possible],
        "{claims:?}"
    );
}

#[test]
fn a_semicolon_ends_the_clause_of_a_cue() {
    let doc = analyse(
        "de",
        "Dasselbe muss ich von ihm sagen; menschlich betrachtet, gewinnt man ihn lieb.",
        &[],
    );
    let q = quotes(&doc);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn english_role_nouns_before_a_name_are_not_the_name() {
    let doc = analyse(
        "en",
        "\"We have been patient,\" union negotiator Niek Stam told reporters.",
        &[],
    );
    let q = quotes(&doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("Niek Stam"), "{q:?}");
}
