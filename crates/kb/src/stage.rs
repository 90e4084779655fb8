//! [`LinkStage`]: the linker as a pipeline stage.

use crate::link::{LinkRules, Linker, Mention};
use crate::Kb;
use newsgraph_doc::{Doc, Layer, Stage};
use newsgraph_pack::{Packs, PerPack};

/// Fills each entity mention's `kb`, `name`, `score` and `cluster`. A
/// document whose language pack has no `[link]` section is left as it is.
pub struct LinkStage {
    kb: &'static Kb,
    rules: PerPack<Option<LinkRules>>,
}

impl std::fmt::Debug for LinkStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkStage")
            .field("entries", &self.kb.len())
            .field("packs", &self.rules)
            .finish()
    }
}

impl LinkStage {
    /// A stage linking to `kb` with the `[link]` rules of `packs` (each
    /// pack's compiled on first use).
    pub fn new(packs: &Packs, kb: &'static Kb) -> LinkStage {
        LinkStage {
            kb,
            rules: PerPack::new(packs, move |pack| LinkRules::from_pack(pack, kb)),
        }
    }
}

impl Stage for LinkStage {
    fn name(&self) -> &'static str {
        "link"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }

    fn writes(&self) -> &'static [Layer] {
        &[]
    }

    fn annotate(&self, doc: &mut Doc) {
        let Some(Some(rules)) = self.rules.for_lang(doc.meta.lang.as_deref()) else {
            return;
        };
        let Some(entities) = doc.entities.as_ref() else {
            return;
        };
        let mentions: Vec<Mention> = entities
            .iter()
            .map(|e| Mention {
                text: doc.slice(e.span),
                label: e.label,
                form: e.form,
            })
            .collect();
        let dct = doc.meta.dct.map(|d| d.to_string());
        let linked = Linker::new(self.kb, rules).link(&mentions, dct.as_deref());
        let entities = doc.entities.as_mut().expect("checked above");
        for (mention, link) in entities.iter_mut().zip(linked) {
            mention.kb = link.entry.map(|i| self.kb.entries()[i].id.clone());
            mention.name = link.name;
            mention.score = link.score;
            mention.cluster = Some(link.cluster);
        }
    }
}
