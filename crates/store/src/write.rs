//! Writing documents: one transaction per batch, one `documents` row plus
//! one row per layer item for each new document.

use crate::error::{sql_err, StoreError};
use newsgraph_doc::record::{self, RecordOptions};
use newsgraph_doc::{Doc, Span};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{OptionalExtension, ToSql, Transaction};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::OnceLock;

/// What [`crate::Store::insert_batch`] did with one document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Inserted {
    /// Stored as a new document with all its layers.
    New {
        /// The document's id.
        id: String,
        /// SHA-256 of its text, lower-case hex.
        content_hash: String,
    },
    /// A document with the same text was already stored; nothing changed.
    Duplicate {
        /// The id of the document given.
        id: String,
        /// SHA-256 of its text, lower-case hex.
        content_hash: String,
        /// The id under which that text is stored (may differ from `id`).
        existing_id: String,
    },
}

impl Inserted {
    /// Whether the document was stored now (not a duplicate).
    pub fn is_new(&self) -> bool {
        matches!(self, Inserted::New { .. })
    }

    /// The id of the document given.
    pub fn id(&self) -> &str {
        match self {
            Inserted::New { id, .. } | Inserted::Duplicate { id, .. } => id,
        }
    }

    /// SHA-256 of the document's text, lower-case hex.
    pub fn content_hash(&self) -> &str {
        match self {
            Inserted::New { content_hash, .. } | Inserted::Duplicate { content_hash, .. } => {
                content_hash
            }
        }
    }
}

/// SHA-256 of `text` as 64 lower-case hex digits: the identity of a
/// document's content in the store.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        hex.push(HEX[(b >> 4) as usize] as char);
        hex.push(HEX[(b & 15) as usize] as char);
    }
    hex
}

/// How one record layer maps onto its table: each column takes the value at
/// a path inside the layer item (one key, or `speaker` → `start`); keys no
/// column takes go into the `extra` JSON column, so fields a stage adds later
/// are kept without a schema change.
struct LayerSpec {
    table: &'static str,
    columns: &'static [(&'static str, &'static [&'static str])],
}

const SPAN: [(&str, &[&str]); 2] = [("start", &["start"]), ("end", &["end"])];

/// The record key of each layer is its table name.
const LAYERS: &[LayerSpec] = &[
    LayerSpec {
        table: "sentences",
        columns: &SPAN,
    },
    LayerSpec {
        table: "entities",
        columns: &[
            SPAN[0],
            SPAN[1],
            ("text", &["text"]),
            ("type", &["type"]),
            ("form", &["form"]),
            ("kb", &["kb"]),
            ("name", &["name"]),
        ],
    },
    LayerSpec {
        table: "timexes",
        columns: &[
            SPAN[0],
            SPAN[1],
            ("text", &["text"]),
            ("type", &["type"]),
            ("value", &["value"]),
        ],
    },
    LayerSpec {
        table: "quotes",
        columns: &[
            SPAN[0],
            SPAN[1],
            ("text", &["text"]),
            ("kind", &["kind"]),
            ("speaker_start", &["speaker", "start"]),
            ("speaker_end", &["speaker", "end"]),
            ("speaker_text", &["speaker", "text"]),
            ("speaker_kb", &["speaker", "kb"]),
            ("cue_start", &["cue", "start"]),
            ("cue_end", &["cue", "end"]),
            ("cue_text", &["cue", "text"]),
        ],
    },
    LayerSpec {
        table: "claims",
        columns: &[
            SPAN[0],
            SPAN[1],
            ("text", &["text"]),
            ("sentence", &["sentence"]),
            ("sources", &["sources"]),
            ("modality", &["modality"]),
            ("status", &["status"]),
            ("time", &["time"]),
        ],
    },
    LayerSpec {
        table: "events",
        columns: &[
            ("code", &["code"]),
            ("label", &["label"]),
            ("actor", &["actor"]),
            ("target", &["target"]),
            ("location", &["location"]),
            ("time", &["time"]),
            ("sentence", &["sentence"]),
            ("modality", &["modality"]),
        ],
    },
    LayerSpec {
        table: "flags",
        columns: &[
            SPAN[0],
            SPAN[1],
            ("text", &["text"]),
            ("kind", &["kind"]),
            ("lang", &["lang"]),
            ("phrase", &["phrase"]),
        ],
    },
];

/// The names of the layer tables, in record order.
pub(crate) fn layer_tables() -> impl Iterator<Item = &'static str> {
    LAYERS.iter().map(|l| l.table)
}

/// One `INSERT` per layer, built once from [`LAYERS`].
fn layer_sql() -> &'static [String] {
    static SQL: OnceLock<Vec<String>> = OnceLock::new();
    SQL.get_or_init(|| {
        LAYERS
            .iter()
            .map(|l| {
                let cols: Vec<&str> = l.columns.iter().map(|c| c.0).collect();
                let marks: Vec<String> = (1..=cols.len() + 3).map(|i| format!("?{i}")).collect();
                format!(
                    "INSERT INTO {} (doc, ordinal, {}, extra) VALUES ({})",
                    l.table,
                    cols.join(", "),
                    marks.join(", ")
                )
            })
            .collect()
    })
}

const INSERT_DOC: &str = "INSERT INTO documents (id, content_hash, lang, dct, title, url, source, \
     text, record, ingested_at, analyzer_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/// Stores `docs` inside `tx` (which the caller commits).
pub(crate) fn insert_all(
    tx: &Transaction<'_>,
    path: &Path,
    docs: &[Doc],
    analyzer_version: &str,
) -> Result<Vec<Inserted>, StoreError> {
    let err = |e| sql_err(path, e);
    let now = jiff::Timestamp::now().to_string();
    let mut find = tx
        .prepare_cached("SELECT id FROM documents WHERE content_hash = ?1")
        .map_err(err)?;
    let mut insert_doc = tx.prepare_cached(INSERT_DOC).map_err(err)?;
    let mut out = Vec::with_capacity(docs.len());
    let mut json: Vec<u8> = Vec::new();
    for doc in docs {
        let hash = content_hash(doc.text());
        let existing: Option<String> = find
            .query_row([&hash], |r| r.get(0))
            .optional()
            .map_err(err)?;
        if let Some(existing_id) = existing {
            out.push(Inserted::Duplicate {
                id: doc.meta.id.clone(),
                content_hash: hash,
                existing_id,
            });
            continue;
        }
        check_spans(path, doc)?;
        let rec = record::to_json(doc, &RecordOptions::default());
        // Serialising into a reused buffer skips the `fmt::Write` layer of
        // `to_string` and an allocation per document.
        json.clear();
        serde_json::to_writer(&mut json, &rec).expect("a JSON value serialises into memory");
        let meta = &doc.meta;
        insert_doc
            .execute(rusqlite::params![
                meta.id,
                hash,
                meta.lang,
                meta.dct.map(|d| d.to_string()),
                meta.title,
                meta.url,
                meta.source,
                doc.text(),
                ToSqlOutput::Borrowed(ValueRef::Text(&json)),
                now,
                analyzer_version,
            ])
            .map_err(err)?;
        let docid = tx.last_insert_rowid();
        for (spec, sql) in LAYERS.iter().zip(layer_sql()) {
            let Some(items) = rec[spec.table].as_array() else {
                continue;
            };
            if items.is_empty() {
                continue;
            }
            let mut stmt = tx.prepare_cached(sql).map_err(err)?;
            for (ordinal, item) in items.iter().enumerate() {
                insert_item(&mut stmt, spec, docid, ordinal, item).map_err(err)?;
            }
        }
        out.push(Inserted::New {
            id: meta.id.clone(),
            content_hash: hash,
        });
    }
    Ok(out)
}

fn insert_item(
    stmt: &mut rusqlite::Statement<'_>,
    spec: &LayerSpec,
    docid: i64,
    ordinal: usize,
    item: &Value,
) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(1, docid)?;
    stmt.raw_bind_parameter(2, ordinal as i64)?;
    for (i, (_, path)) in spec.columns.iter().enumerate() {
        let v = path.iter().try_fold(item, |v, k| v.get(*k));
        stmt.raw_bind_parameter(i + 3, Cell(v))?;
    }
    let extra = item.as_object().and_then(|obj| {
        let rest: Map<String, Value> = obj
            .iter()
            // A null says nothing a missing key does not.
            .filter(|(k, v)| !v.is_null() && !spec.columns.iter().any(|(_, p)| p[0] == k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        (!rest.is_empty()).then(|| Value::Object(rest).to_string())
    });
    stmt.raw_bind_parameter(spec.columns.len() + 3, extra)?;
    stmt.raw_execute()?;
    Ok(())
}

/// A JSON value bound as the SQL value a user would expect: strings and
/// numbers as themselves, lists and objects as JSON text.
struct Cell<'a>(Option<&'a Value>);

impl ToSql for Cell<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0 {
            None | Some(Value::Null) => ToSqlOutput::Borrowed(ValueRef::Null),
            Some(Value::Bool(b)) => ToSqlOutput::Owned(i64::from(*b).into()),
            Some(Value::Number(n)) => match n.as_i64() {
                Some(i) => ToSqlOutput::Owned(i.into()),
                None => ToSqlOutput::Owned(n.as_f64().unwrap_or(f64::NAN).into()),
            },
            Some(Value::String(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Some(v) => ToSqlOutput::Owned(v.to_string().into()),
        })
    }
}

/// Rejects a document whose layers hold a span outside its text, which
/// building the record would otherwise panic on. (Sentences and tokens are
/// checked by `Doc` when set.)
fn check_spans(path: &Path, doc: &Doc) -> Result<(), StoreError> {
    let text = doc.text();
    let mut spans: Vec<(&'static str, Span)> = Vec::new();
    for e in doc.entities.as_deref().unwrap_or_default() {
        spans.push(("entities", e.span));
    }
    for t in doc.timexes.as_deref().unwrap_or_default() {
        spans.push(("timexes", t.span));
    }
    for q in doc.quotes.as_deref().unwrap_or_default() {
        spans.push(("quotes", q.span));
        spans.extend(q.speaker.as_ref().map(|s| ("quotes", s.span)));
        spans.extend(q.cue.map(|c| ("quotes", c)));
    }
    for c in doc.claims.as_deref().unwrap_or_default() {
        spans.push(("claims", c.span));
        spans.extend(c.sources.iter().map(|s| ("claims", s.mention.span)));
    }
    for f in &doc.flags {
        spans.push(("flags", f.span));
    }
    match spans.into_iter().find(|(_, s)| !s.is_valid_in(text)) {
        None => Ok(()),
        Some((layer, s)) => Err(StoreError::InvalidSpan {
            path: path.to_path_buf(),
            id: doc.meta.id.clone(),
            layer,
            start: s.start,
            end: s.end,
            len: text.len(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_sha256_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn layer_sql_lists_every_column_once() {
        let sql = &layer_sql()[1];
        assert_eq!(
            sql,
            "INSERT INTO entities (doc, ordinal, start, end, text, type, form, kb, name, extra) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        );
    }
}
