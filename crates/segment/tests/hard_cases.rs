//! Hard cases of German and English news segmentation, one `check` per
//! phenomenon.

use newsgraph_segment::{Segmenter, TokenKind};

/// Segments `input` with the `lang` rules and compares the sentence texts.
fn check_lang(lang: &str, input: &str, expected: &[&str]) {
    let seg = Segmenter::for_lang(lang);
    let (_, sentences) = seg.segment(input);
    let got: Vec<&str> = sentences.iter().map(|s| &input[s.range()]).collect();
    assert_eq!(got, expected, "sentences of {input:?}");
}

fn check(input: &str, expected: &[&str]) {
    check_lang("de", input, expected);
}

fn check_en(input: &str, expected: &[&str]) {
    check_lang("en", input, expected);
}

/// The token texts of `input`.
fn tokens(lang: &str, input: &str) -> Vec<String> {
    Segmenter::for_lang(lang)
        .tokenize(input)
        .iter()
        .map(|t| input[t.span.range()].to_string())
        .collect()
}

// --- ordinals and dates --------------------------------------------------

#[test]
fn ordinal_dates_do_not_split() {
    check(
        "Am 12. Juni 2024 kam er an. Am 3. Oktober feiert man.",
        &["Am 12. Juni 2024 kam er an.", "Am 3. Oktober feiert man."],
    );
    check(
        "Die Wahl ist am 12.6. und nicht später.",
        &["Die Wahl ist am 12.6. und nicht später."],
    );
}

#[test]
fn ordinals_after_articles_do_not_split() {
    check(
        "Der 2. Weltkrieg endete 1945. Im 3. Quartal stieg der Umsatz zum 1. Mal.",
        &[
            "Der 2. Weltkrieg endete 1945.",
            "Im 3. Quartal stieg der Umsatz zum 1. Mal.",
        ],
    );
}

#[test]
fn number_at_sentence_end_splits() {
    check(
        "Der Verein wurde 2. Danach ging es bergab. Es war im Jahr 2024. Dann kam 2025.",
        &[
            "Der Verein wurde 2.",
            "Danach ging es bergab.",
            "Es war im Jahr 2024.",
            "Dann kam 2025.",
        ],
    );
}

#[test]
fn numbered_list_items_keep_their_number() {
    check(
        "Erstens gilt das. 2. Soziale Bewegungen sind wichtig.",
        &["Erstens gilt das.", "2. Soziale Bewegungen sind wichtig."],
    );
}

#[test]
fn ordinal_token_kind() {
    let text = "am 3. Oktober";
    let toks = Segmenter::for_lang("de").tokenize(text);
    assert_eq!(toks[1].kind, TokenKind::Ordinal);
    assert_eq!(&text[toks[1].span.range()], "3.");
}

// --- abbreviations -------------------------------------------------------

#[test]
fn german_abbreviations_do_not_split() {
    check(
        "Dr. Müller und Prof. Schmidt kamen, z. B. mit Nr. 5, u. a. nach St. Pauli. Es war ca. 10 Uhr.",
        &[
            "Dr. Müller und Prof. Schmidt kamen, z. B. mit Nr. 5, u. a. nach St. Pauli.",
            "Es war ca. 10 Uhr.",
        ],
    );
    check(
        "Er hat bzw. sie hat z.B. 3 Mio. Euro.",
        &["Er hat bzw. sie hat z.B. 3 Mio. Euro."],
    );
}

#[test]
fn sentence_final_abbreviations_split() {
    check(
        "Sie kauften Äpfel, Birnen usw. Danach gingen sie. Der Schaden beträgt 3 Mio. Die Polizei ermittelt.",
        &[
            "Sie kauften Äpfel, Birnen usw.",
            "Danach gingen sie.",
            "Der Schaden beträgt 3 Mio.",
            "Die Polizei ermittelt.",
        ],
    );
}

#[test]
fn abbreviation_tokens() {
    assert_eq!(
        tokens("de", "z. B. Dr. Mio. u.a."),
        ["z.", "B.", "Dr.", "Mio.", "u.a."]
    );
}

#[test]
fn english_abbreviations() {
    check_en(
        "Mr. Smith went to the U.S. Army base on Jan. 5. The talks ended.",
        &[
            "Mr. Smith went to the U.S. Army base on Jan. 5.",
            "The talks ended.",
        ],
    );
    check_en(
        "He moved to the U.S. The move was a success.",
        &["He moved to the U.S.", "The move was a success."],
    );
}

// --- times and numbers ---------------------------------------------------

#[test]
fn numbers_stay_whole() {
    assert_eq!(
        tokens("de", "Um 12.30 Uhr stiegen 15.000 Aktien um 3,5 %."),
        ["Um", "12.30", "Uhr", "stiegen", "15.000", "Aktien", "um", "3,5", "%", "."]
    );
    assert_eq!(
        tokens("en", "about 1.5 million"),
        ["about", "1.5", "million"]
    );
    check(
        "Um 12.30 Uhr stiegen sie um 3,5 %. Dann fielen sie.",
        &["Um 12.30 Uhr stiegen sie um 3,5 %.", "Dann fielen sie."],
    );
}

#[test]
fn prices_and_emoticons_are_one_token() {
    assert_eq!(
        tokens("de", "für 14.-- € :-) toll;)"),
        ["für", "14.--", "€", ":-)", "toll", ";)"]
    );
    check(
        "Es kostet 14.-- € pro Person. Gut so.",
        &["Es kostet 14.-- € pro Person.", "Gut so."],
    );
}

// --- quotations ----------------------------------------------------------

#[test]
fn sentence_ending_inside_quotes_splits_after_the_quote() {
    check(
        "„Beziehungen sind entstanden.“ Aus einer Bindung wurde mehr.",
        &[
            "„Beziehungen sind entstanden.“",
            "Aus einer Bindung wurde mehr.",
        ],
    );
    check(
        "»Wir gehen.« Dann gingen sie.",
        &["»Wir gehen.«", "Dann gingen sie."],
    );
    check(
        "«Wir gehen.» Dann gingen sie.",
        &["«Wir gehen.»", "Dann gingen sie."],
    );
    check(
        "\"Wir gehen.\" Dann gingen sie.",
        &["\"Wir gehen.\"", "Dann gingen sie."],
    );
    check(
        "Er sagte: ‚Wir gehen.‘ Dann gingen sie.",
        &["Er sagte: ‚Wir gehen.‘", "Dann gingen sie."],
    );
    check_en("'We go.' Then they went.", &["'We go.'", "Then they went."]);
}

#[test]
fn quote_followed_by_reporting_clause_does_not_split() {
    check(
        "„Wir kommen“, sagte er. Dann kam er.",
        &["„Wir kommen“, sagte er.", "Dann kam er."],
    );
    check(
        "„Kommst du?“, fragte sie. Er nickte.",
        &["„Kommst du?“, fragte sie.", "Er nickte."],
    );
    check("„Kommst du?“ fragte sie.", &["„Kommst du?“ fragte sie."]);
}

#[test]
fn quotes_are_tokens() {
    assert_eq!(
        tokens("de", "„Ja“, »nein«"),
        ["„", "Ja", "“", ",", "»", "nein", "«"]
    );
    assert_eq!(tokens("de", "``Ja''"), ["``", "Ja", "''"]);
}

// --- headlines, datelines, line breaks -----------------------------------

#[test]
fn headline_and_dateline_lines_are_sentences() {
    check(
        "12. Juni 2024\nKim empfängt Putin in Pjöngjang\nPutin könnte Nordkorea besuchen.",
        &[
            "12. Juni 2024",
            "Kim empfängt Putin in Pjöngjang",
            "Putin könnte Nordkorea besuchen.",
        ],
    );
}

#[test]
fn blank_line_always_splits() {
    check(
        "Ein Satz ohne Punkt\n\nnoch einer",
        &["Ein Satz ohne Punkt", "noch einer"],
    );
}

#[test]
fn line_that_continues_does_not_split() {
    check(
        "Er kam mit Freunden,\nHund und Katze\nund blieb lange.",
        &["Er kam mit Freunden,\nHund und Katze\nund blieb lange."],
    );
}

#[test]
fn hard_wrapped_text_joins_lines() {
    let text = "Die Regierung hat am Mittwoch neue Pläne für die Reform der\n\
                Rente vorgestellt, die nach Angaben des Ministeriums im kommenden\n\
                Jahr in Kraft treten sollen. Kritiker bemängeln die hohen Kosten\n\
                Die Opposition kündigte Widerstand an und verlangt eine Debatte\n\
                im Bundestag über die Finanzierung der geplanten Maßnahmen.";
    check(
        text,
        &[
            "Die Regierung hat am Mittwoch neue Pläne für die Reform der\n\
             Rente vorgestellt, die nach Angaben des Ministeriums im kommenden\n\
             Jahr in Kraft treten sollen.",
            "Kritiker bemängeln die hohen Kosten\n\
             Die Opposition kündigte Widerstand an und verlangt eine Debatte\n\
             im Bundestag über die Finanzierung der geplanten Maßnahmen.",
        ],
    );
}

// --- words ---------------------------------------------------------------

#[test]
fn gender_forms_are_one_token() {
    assert_eq!(
        tokens(
            "de",
            "Kund:innen, Lehrer*innen und Lehrer_innen sowie Bürger/innen"
        ),
        [
            "Kund:innen",
            ",",
            "Lehrer*innen",
            "und",
            "Lehrer_innen",
            "sowie",
            "Bürger/innen"
        ]
    );
}

#[test]
fn hyphenated_names_are_one_token() {
    assert_eq!(
        tokens(
            "de",
            "auf dem Kim-Il-Sung-Platz, der UN-Sicherheitsrat, Ein- und Ausgang"
        ),
        [
            "auf",
            "dem",
            "Kim-Il-Sung-Platz",
            ",",
            "der",
            "UN-Sicherheitsrat",
            ",",
            "Ein-",
            "und",
            "Ausgang"
        ]
    );
}

#[test]
fn urls_and_emails_are_one_token() {
    let text = "Siehe https://www.tagesschau.de/inland/a-1.html. Mail an presse@example.org, oder www.spiegel.de!";
    let seg = Segmenter::for_lang("de");
    let toks = seg.tokenize(text);
    let kinds: Vec<(String, TokenKind)> = toks
        .iter()
        .map(|t| (text[t.span.range()].to_string(), t.kind))
        .filter(|(_, k)| matches!(k, TokenKind::Url | TokenKind::Email))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "https://www.tagesschau.de/inland/a-1.html".to_string(),
                TokenKind::Url
            ),
            ("presse@example.org".to_string(), TokenKind::Email),
            ("www.spiegel.de".to_string(), TokenKind::Url),
        ]
    );
    check(
        text,
        &[
            "Siehe https://www.tagesschau.de/inland/a-1.html.",
            "Mail an presse@example.org, oder www.spiegel.de!",
        ],
    );
}

#[test]
fn bare_domains_are_one_token_and_end_no_sentence() {
    let text =
        "Laut n-tv.de und faz.net kam er am Montag.Das berichtete Spiegel.de. Er kam z.B. spät.";
    let seg = Segmenter::for_lang("de");
    let toks = seg.tokenize(text);
    let urls: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Url)
        .map(|t| &text[t.span.range()])
        .collect();
    assert_eq!(urls, ["n-tv.de", "faz.net", "Spiegel.de"]);
    assert!(
        toks.iter().any(|t| &text[t.span.range()] == "Montag"),
        "a capitalised word after a dot is no domain"
    );
}

#[test]
fn english_clitics_split() {
    assert_eq!(
        tokens("en", "Don't go, it's Kim's."),
        ["Do", "n't", "go", ",", "it", "'s", "Kim", "'s", "."]
    );
    assert_eq!(tokens("de", "Wie geht's?"), ["Wie", "geht's", "?"]);
}

// --- brackets, ellipses, ?! ----------------------------------------------

#[test]
fn brackets() {
    check(
        "Er kam (wie erwartet) spät. (Das war klar.) Dann ging er.",
        &[
            "Er kam (wie erwartet) spät.",
            "(Das war klar.)",
            "Dann ging er.",
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "Und dann … nichts. Wir warten... Die Zeit vergeht.",
        &["Und dann … nichts.", "Wir warten...", "Die Zeit vergeht."],
    );
    check("Das war ... Unsinn.", &["Das war ... Unsinn."]);
    assert_eq!(tokens("de", "warten...Die"), ["warten", "...", "Die"]);
    check(
        "Es war so weit... Herr Weber kam.",
        &["Es war so weit...", "Herr Weber kam."],
    );
    check(
        "Er sagte … Frau Weber sei da.",
        &["Er sagte … Frau Weber sei da."],
    );
}

#[test]
fn question_and_exclamation_runs() {
    check(
        "Wirklich?! Ja! Was? Nein.",
        &["Wirklich?!", "Ja!", "Was?", "Nein."],
    );
    assert_eq!(tokens("de", "Wirklich?!"), ["Wirklich", "?!"]);
}

#[test]
fn english_hard_wrapped_text_and_headline_lists() {
    check_en(
        "The storm hit the coast on Monday night and caused damage\n\
         across three counties, officials said. More than 20,000 homes\n\
         were without power on Tuesday morning, according to the utility\n\
         company. Repairs could take days.\nSchools remain closed\n\nNext story",
        &[
            "The storm hit the coast on Monday night and caused damage\n\
             across three counties, officials said.",
            "More than 20,000 homes\n\
             were without power on Tuesday morning, according to the utility\n\
             company.",
            "Repairs could take days.",
            "Schools remain closed",
            "Next story",
        ],
    );
    check(
        "Nachrichten im Überblick\nBörse schließt mit Gewinnen\nWetter: Sonne\nBahnstreik beendet",
        &[
            "Nachrichten im Überblick",
            "Börse schließt mit Gewinnen",
            "Wetter: Sonne",
            "Bahnstreik beendet",
        ],
    );
}

#[test]
fn hyphenated_abbreviations_and_final_title_words() {
    check_en(
        "Gavin Newsom, D-Calif., disagreed. The answer was No.",
        &["Gavin Newsom, D-Calif., disagreed.", "The answer was No."],
    );
    assert_eq!(tokens("en", "was No."), ["was", "No", "."]);
    // Compound abbreviations split at the hyphen, as in UD German.
    assert_eq!(
        tokens("de", "Dipl.-Ing. Weber"),
        ["Dipl.", "-", "Ing.", "Weber"]
    );
}

#[test]
fn english_quotes_and_times() {
    check_en(
        "\"We will come,\" he said. At 5 p.m. on Oct. 3 the talks began.",
        &[
            "\"We will come,\" he said.",
            "At 5 p.m. on Oct. 3 the talks began.",
        ],
    );
}

#[test]
fn soft_hyphens_stay_inside_words_even_at_their_start() {
    // Text taken from hyphenated print carries soft hyphens, even before the
    // first letter of a word.
    assert_eq!(
        tokens(
            "de",
            "Frank \u{ad}S\u{ad}chäffler und die Bundes\u{ad}regierung"
        ),
        [
            "Frank",
            "\u{ad}S\u{ad}chäffler",
            "und",
            "die",
            "Bundes\u{ad}regierung"
        ]
    );
    // A soft hyphen alone is no word.
    assert_eq!(tokens("de", "a \u{ad} b"), ["a", "\u{ad}", "b"]);
}
