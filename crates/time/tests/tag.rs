//! Recognition and normalisation, one `check` per case: the expected
//! (text, type, value) triples of a snippet with a given document date.

use jiff::civil::{date, Date};
use newsgraph_time::{tag, DocType};

fn run(text: &str, lang: &str, dct: Date, doctype: DocType) -> Vec<(String, String, String)> {
    tag(text, Some(lang), Some(dct), doctype)
        .into_iter()
        .map(|t| {
            (
                text[t.span.range()].to_string(),
                t.kind.as_str().to_string(),
                t.value.unwrap_or_else(|| "null".into()),
            )
        })
        .collect()
}

/// Asserts that tagging `text` (news, dct `dct`) gives exactly `expected`.
fn check_lang(lang: &str, text: &str, dct: Date, expected: &[(&str, &str, &str)]) {
    let got = run(text, lang, dct, DocType::News);
    let want: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

fn check(text: &str, dct: Date, expected: &[(&str, &str, &str)]) {
    check_lang("de", text, dct, expected);
}

fn check_en(text: &str, dct: Date, expected: &[(&str, &str, &str)]) {
    check_lang("en", text, dct, expected);
}

const D: Date = date(2024, 6, 12); // a Wednesday

#[test]
fn user_requested_german_forms() {
    check(
        "Er kommt übernächste Woche.",
        D,
        &[("übernächste Woche", "DATE", "2024-W26")],
    );
    check(
        "Das war vor zwei Wochen.",
        D,
        &[("vor zwei Wochen", "DATE", "2024-W22")],
    );
    check(
        "Am Montagabend sprach er.",
        D,
        &[("Montagabend", "TIME", "2024-06-10TEV")],
    );
    check(
        "Er landet in zwei Stunden.",
        D,
        &[("zwei Stunden", "DATE", "2024-06-12")],
    );
    check(
        "Am 3. Mai traf er ein, tags darauf reiste er ab.",
        D,
        &[
            ("3. Mai", "DATE", "2024-05-03"),
            ("tags darauf", "DATE", "2024-05-04"),
        ],
    );
}

#[test]
fn german_absolute_dates() {
    check(
        "Am 12. Juni 2024 begann es.",
        D,
        &[("12. Juni 2024", "DATE", "2024-06-12")],
    );
    check(
        "Stand: 12.06.2024",
        D,
        &[("12.06.2024", "DATE", "2024-06-12")],
    );
    check(
        "Bis zum 2024-06-30 gilt das.",
        D,
        &[("2024-06-30", "DATE", "2024-06-30")],
    );
    check(
        "Im Juni 2024 stieg der Preis.",
        D,
        &[("Juni 2024", "DATE", "2024-06")],
    );
    check(
        "In den 1990er Jahren wuchs die Stadt.",
        D,
        &[("den 1990er Jahren", "DATE", "199")],
    );
    check(
        "Das geschah im 19. Jahrhundert.",
        D,
        &[("19. Jahrhundert", "DATE", "18")],
    );
    check(
        "Anfang 2023 wurde gewählt.",
        D,
        &[("Anfang 2023", "DATE", "2023")],
    );
    check(
        "Mitte Juni 2023 war es heiß.",
        D,
        &[("Mitte Juni 2023", "DATE", "2023-06")],
    );
    check(
        "Im Jahr 1939 begann der Krieg.",
        D,
        &[("Jahr 1939", "DATE", "1939")],
    );
    check(
        "Die Schlacht fand 480 v. Chr. statt.",
        D,
        &[("480 v. Chr.", "DATE", "BC0480")],
    );
    check(
        "Im dritten Quartal 2024 sank der Umsatz.",
        D,
        &[("dritten Quartal 2024", "DATE", "2024-Q3")],
    );
    check(
        "Im Frühjahr 2023 wurde gebaut.",
        D,
        &[("Frühjahr 2023", "DATE", "2023-SP")],
    );
    check(
        "Der Umsatz im Q3 2023 stieg.",
        D,
        &[("Q3 2023", "DATE", "2023-Q3")],
    );
}

#[test]
fn german_relative_dates() {
    check("Heute regnet es.", D, &[("Heute", "DATE", "2024-06-12")]);
    check(
        "Gestern regnete es.",
        D,
        &[("Gestern", "DATE", "2024-06-11")],
    );
    check(
        "Vorgestern regnete es.",
        D,
        &[("Vorgestern", "DATE", "2024-06-10")],
    );
    check("Er kommt morgen.", D, &[("morgen", "DATE", "2024-06-13")]);
    check(
        "Er kommt übermorgen.",
        D,
        &[("übermorgen", "DATE", "2024-06-14")],
    );
    check(
        "Wir sehen uns heute Abend.",
        D,
        &[("heute Abend", "TIME", "2024-06-12TEV")],
    );
    check(
        "Nächste Woche wird gewählt.",
        D,
        &[("Nächste Woche", "DATE", "2024-W25")],
    );
    check(
        "Letzte Woche wurde gewählt.",
        D,
        &[("Letzte Woche", "DATE", "2024-W23")],
    );
    check(
        "Diese Woche ist heiß.",
        D,
        &[("Diese Woche", "DATE", "2024-W24")],
    );
    check(
        "Im vergangenen Monat stieg der Preis.",
        D,
        &[("vergangenen Monat", "DATE", "2024-05")],
    );
    check(
        "Im vergangenen Jahr stieg der Preis.",
        D,
        &[("vergangenen Jahr", "DATE", "2023")],
    );
    check(
        "Im September letzten Jahres traf er ihn.",
        D,
        &[("September letzten Jahres", "DATE", "2023-09")],
    );
    check(
        "Er kommt in zehn Tagen.",
        D,
        &[("zehn Tagen", "DATE", "2024-06-22")],
    );
    check(
        "Vor drei Jahren begann es.",
        D,
        &[("Vor drei Jahren", "DATE", "2021")],
    );
    check(
        "Kommenden Freitag wird gewählt.",
        D,
        &[("Kommenden Freitag", "DATE", "2024-06-14")],
    );
}

#[test]
fn german_tense_decides_underspecified_dates() {
    check(
        "Im September besuchte er Moskau.",
        D,
        &[("September", "DATE", "2023-09")],
    );
    check(
        "Im September wird er Moskau besuchen.",
        D,
        &[("September", "DATE", "2024-09")],
    );
    check(
        "Putin könnte im Juli Pjöngjang besuchen.",
        D,
        &[("Juli", "DATE", "2024-07")],
    );
    check(
        "Am Freitag hat er das Gesetz unterschrieben.",
        D,
        &[("Freitag", "DATE", "2024-06-07")],
    );
    check(
        "Am Freitag soll das Gesetz beschlossen werden.",
        D,
        &[("Freitag", "DATE", "2024-06-14")],
    );
    check(
        "Er sagte im Mai, der Besuch sei geplant.",
        D,
        &[("Mai", "DATE", "2024-05")],
    );
}

#[test]
fn german_times_durations_sets() {
    check(
        "Um 12.30 Uhr begann die Sitzung.",
        D,
        &[("12.30 Uhr", "TIME", "2024-06-12T12:30")],
    );
    check(
        "Um 8 Uhr morgens fuhr er los.",
        D,
        &[("8 Uhr morgens", "TIME", "2024-06-12T08:00")],
    );
    check(
        "Um 8 Uhr abends fuhr er los.",
        D,
        &[("8 Uhr abends", "TIME", "2024-06-12T20:00")],
    );
    check(
        "Gegen 14.00 Uhr Ortszeit explodierte es.",
        D,
        &[("14.00 Uhr Ortszeit", "TIME", "2024-06-12T14:00")],
    );
    check(
        "Der Krieg dauerte drei Jahre.",
        D,
        &[("drei Jahre", "DURATION", "P3Y")],
    );
    check(
        "Binnen 48 Stunden war alles vorbei.",
        D,
        &[("48 Stunden", "DURATION", "PT48H")],
    );
    check(
        "Das dauerte mehrere Wochen.",
        D,
        &[("mehrere Wochen", "DURATION", "PXW")],
    );
    check(
        "Er lebt seit drei Jahren dort.",
        D,
        &[("drei Jahren", "DURATION", "P3Y")],
    );
    check(
        "Er kommt jeden Montag.",
        D,
        &[("jeden Montag", "SET", "XXXX-WXX-1")],
    );
    check(
        "Die Zeitung erscheint täglich.",
        D,
        &[("täglich", "SET", "P1D")],
    );
    check(
        "Der Bericht erscheint jährlich.",
        D,
        &[("jährlich", "SET", "P1Y")],
    );
    check(
        "Jetzt ist es zu spät.",
        D,
        &[("Jetzt", "DATE", "PRESENT_REF")],
    );
}

#[test]
fn german_holidays() {
    check(
        "Ostern 2024 fiel früh.",
        D,
        &[("Ostern 2024", "DATE", "2024-03-31")],
    );
    check(
        "An Karfreitag 2025 ist frei.",
        D,
        &[("Karfreitag 2025", "DATE", "2025-04-18")],
    );
    check(
        "Pfingsten 2024 war verregnet.",
        D,
        &[("Pfingsten 2024", "DATE", "2024-05-19")],
    );
    check(
        "An Christi Himmelfahrt 2024 war frei.",
        D,
        &[("Christi Himmelfahrt 2024", "DATE", "2024-05-09")],
    );
    check(
        "An Weihnachten wird gefeiert.",
        D,
        &[("Weihnachten", "DATE", "2024-12-25")],
    );
    check(
        "Zu Silvester gab es Streit.",
        D,
        &[("Silvester", "DATE", "2023-12-31")],
    );
    check(
        "Am Tag der Deutschen Einheit wird gefeiert.",
        D,
        &[("Tag der Deutschen Einheit", "DATE", "2024-10-03")],
    );
    check(
        "Zum russischen Nationalfeiertag gratulierte er.",
        D,
        &[("Nationalfeiertag", "DATE", "2024-06-12")],
    );
}

#[test]
fn german_non_timexes() {
    check("Der 45-Jährige wurde verhaftet.", D, &[]);
    check("Covid-19 breitete sich aus.", D, &[]);
    check("Es kamen 1370 Soldaten.", D, &[]);
    check("Er zahlte 2000 Euro.", D, &[]);
    // Issue 18: numbers of things are not years.
    check("Die Behörde erhielt mehr als 1000 Unterlagen.", D, &[]);
}

#[test]
fn austrian_heuer_is_this_year() {
    // Issue 18: Austrian news writes "heuer" for "this year".
    check(
        "Die Reform soll noch heuer kommen.",
        D,
        &[("heuer", "DATE", "2024")],
    );
    check(
        "Heuer gab es weniger Touristen.",
        D,
        &[("Heuer", "DATE", "2024")],
    );
}

#[test]
fn narrative_anchors_to_the_last_date() {
    let text = "Am 25. Juni 1950 begann der Krieg. Zwei Tage später fiel Seoul. Im September landeten die Truppen. Am selben Tag fiel die Stadt.";
    let got = run(text, "de", date(2011, 2, 16), DocType::Narrative);
    let values: Vec<&str> = got.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(values, ["1950-06-25", "1950-06-27", "1950-09", "1950-09"]);
    let got = run(
        "Bis heute gibt es keinen Vertrag.",
        "de",
        date(2011, 2, 16),
        DocType::Narrative,
    );
    assert_eq!(got[0].2, "PRESENT_REF");
}

#[test]
fn narrative_sections_return_to_their_heading_year() {
    // A look ahead to 1866 inside the 1864 section must not move the next
    // section off 1864; a month opening a range takes the closing year.
    let text = "Verlauf\n\n1864\n\nIm März begann der Feldzug. Das Gesetz galt ab dem 1. Mai 1866.\n\nFlottenkrieg\n\nIm Juli lief die Flotte aus.\n\nBelagerung der Stadt Oktober/November 1865\n\nIm Oktober begann die Belagerung.";
    let got = run(text, "de", date(2011, 2, 16), DocType::Narrative);
    let values: Vec<&str> = got.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(
        values,
        [
            "1864",
            "1864-03",
            "1866-05-01",
            "1864-07",
            "1865-10",
            "1865-11",
            "1865-10"
        ]
    );
}

#[test]
fn announced_days_point_forward() {
    let d = date(2025, 3, 4); // a Tuesday
    check(
        "Die Gewerkschaft hat für Donnerstag einen Warnstreik angekündigt.",
        d,
        &[("Donnerstag", "DATE", "2025-03-06")],
    );
    check(
        "Der Verband hat die Sitzung für den 12. März angesetzt.",
        d,
        &[("12. März", "DATE", "2025-03-12")],
    );
    check(
        "Die Fahrer haben einen Ausstand am Freitag angekündigt.",
        d,
        &[("Freitag", "DATE", "2025-03-07")],
    );
    // Without an announcement the perfect still points back.
    check(
        "Die Polizei hat am Freitag die Halle geräumt.",
        d,
        &[("Freitag", "DATE", "2025-02-28")],
    );
}

#[test]
fn clock_times_take_the_day_named_before_them() {
    let d = date(2025, 3, 4); // a Tuesday
    check(
        "Der Ausstand soll am Donnerstag beginnen und bis Freitag um 2.00 Uhr dauern.",
        d,
        &[
            ("Donnerstag", "DATE", "2025-03-06"),
            ("Freitag", "DATE", "2025-03-07"),
            ("2.00 Uhr", "TIME", "2025-03-07T02:00"),
        ],
    );
    check(
        "Die Verhandlung wird am Montag, 14 Uhr, fortgesetzt.",
        d,
        &[
            ("Montag", "DATE", "2025-03-10"),
            ("14 Uhr", "TIME", "2025-03-10T14:00"),
        ],
    );
    check(
        "Gestern um 14 Uhr begann die Sitzung.",
        d,
        &[
            ("Gestern", "DATE", "2025-03-03"),
            ("14 Uhr", "TIME", "2025-03-03T14:00"),
        ],
    );
}

#[test]
fn english_forms() {
    let d = date(1998, 2, 13); // a Friday
    check_en(
        "It happened on June 12, 2024.",
        d,
        &[("June 12, 2024", "DATE", "2024-06-12")],
    );
    check_en(
        "Prices rose in March 1997.",
        d,
        &[("March 1997", "DATE", "1997-03")],
    );
    check_en(
        "He arrived yesterday.",
        d,
        &[("yesterday", "DATE", "1998-02-12")],
    );
    check_en(
        "The vote is next week.",
        d,
        &[("next week", "DATE", "1998-W08")],
    );
    check_en(
        "It fell two weeks ago.",
        d,
        &[("two weeks ago", "DATE", "1998-W05")],
    );
    check_en(
        "Sales fell in the third quarter.",
        d,
        &[("the third quarter", "DATE", "1998-Q3")],
    );
    check_en(
        "The talks lasted three days.",
        d,
        &[("three days", "DURATION", "P3D")],
    );
    check_en(
        "He said on Tuesday he would resign.",
        d,
        &[("Tuesday", "DATE", "1998-02-10")],
    );
    check_en(
        "He will resign on Tuesday.",
        d,
        &[("Tuesday", "DATE", "1998-02-17")],
    );
    check_en(
        "It was built in the 1990s.",
        d,
        &[("the 1990s", "DATE", "199")],
    );
    check_en(
        "The meeting starts at 8:30 p.m.",
        d,
        &[("8:30 p.m.", "TIME", "1998-02-13T20:30")],
    );
    check_en(
        "He calls every Monday.",
        d,
        &[("every Monday", "SET", "XXXX-WXX-1")],
    );
    check_en("It was founded in 1939.", d, &[("1939", "DATE", "1939")]);
}

#[test]
fn founding_article_gives_the_seed_values() {
    let Some(path) = newsgraph_testkit::shared_dir("samples/de-kim-putin-2024-06-12.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("sample readable");
    let got = run(&text, "de", D, DocType::News);
    let want = [
        ("12. Juni 2024", "2024-06-12"),
        ("nächste Woche", "2024-W25"),
        ("Mittwoch", "2024-06-12"),
        ("Nationalfeiertags", "2024-06-12"),
        ("September letzten Jahres", "2023-09"),
        ("vergangenen Jahr", "2023"),
        ("Mittwoch", "2024-06-12"),
        ("nächste Woche", "2024-W25"),
        ("Mai", "2024-05"),
        ("September", "2023-09"),
        ("September", "2023-09"),
        ("vergangenen Monat", "2024-05"),
    ];
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(t, _, v)| (t.as_str(), v.as_str()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn stage_writes_the_timex_layer() {
    use newsgraph_doc::{Doc, Stage};
    let mut doc = Doc::new("t", "Gestern kam er an.");
    doc.meta.lang = Some("de".into());
    doc.meta.dct = Some(D);
    let stage = newsgraph_time::TimexStage::new(&newsgraph_pack::Packs::embedded());
    stage.annotate(&mut doc);
    let t = doc.timexes.as_ref().expect("layer set");
    assert_eq!(t[0].value.as_deref(), Some("2024-06-11"));
    // Unknown language: the fallback pack (German) reads it.
    doc.meta.lang = None;
    doc.timexes = None;
    stage.annotate(&mut doc);
    let t = doc
        .timexes
        .as_ref()
        .expect("layer set by the fallback pack");
    assert_eq!(t[0].value.as_deref(), Some("2024-06-11"));
    // A language without a pack: the layer stays absent.
    let mut doc = Doc::new("t", "Bonjour.");
    doc.meta.lang = Some("fr".into());
    stage.annotate(&mut doc);
    assert_eq!(doc.timexes, None);
}

#[test]
fn wikiwars_untouched_documents_beat_heideltime_on_spans() {
    let Some(dir) = newsgraph_testkit::shared_dir("data/wikiwarsde") else {
        return;
    };
    let s = newsgraph_time::eval::eval_wikiwars_split(&dir).expect("corpus loads");
    assert!(s.untouched.strict_prf().2 >= 0.877, "{s}");
    assert!(s.tuned.value_accuracy() >= 0.885, "{s}");
}
