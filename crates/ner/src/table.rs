//! A read-only map from feature hash to its sparse `(label, weight)` list,
//! laid out for tagging speed: one open-addressing array of keys and ranges
//! and one array of interleaved label/weight pairs, so a lookup touches about
//! two cache lines instead of a `HashMap` bucket plus two separate arrays.

/// One slot of the open-addressing array. `meta` is `len | label << 8`;
/// `meta == 0` marks an empty slot (features without weights are never
/// stored). A single-weight feature keeps its weight's bits in `data`, so the
/// lookup needs no second memory access; otherwise `data` is the offset of
/// its entries.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Slot {
    key: u64,
    data: u32,
    meta: u32,
}

/// One non-zero weight of a feature. Packed: five bytes instead of eight
/// saves several megabytes on the shipped model.
#[derive(Debug, Clone, Copy)]
#[repr(C, packed)]
pub(crate) struct Entry {
    pub(crate) weight: f32,
    pub(crate) label: u8,
}

/// Feature hash → non-zero label weights.
#[derive(Debug, Clone, Default)]
pub(crate) struct FeatureTable {
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    len: usize,
}

impl FeatureTable {
    /// An empty table sized for `n` features with `entries` weights in all.
    pub(crate) fn with_capacity(n: usize, entries: usize) -> FeatureTable {
        // Load factor at most 0.75 keeps linear-probing runs short; any
        // size works, as the home slot is not taken from a bit mask.
        let cap = (n + n / 3 + 1).max(16);
        FeatureTable {
            slots: vec![Slot::default(); cap],
            entries: Vec::with_capacity(entries),
            len: 0,
        }
    }

    /// Number of features.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Number of weights stored outside the slots.
    pub(crate) fn num_entries(&self) -> usize {
        self.entries.len()
    }

    /// The first slot to probe: the key scaled to the table size, so keys
    /// inserted in sorted order (as model files list them) fill the array
    /// front to back.
    #[inline]
    fn home(&self, key: u64) -> usize {
        ((u128::from(key) * self.slots.len() as u128) >> 64) as usize
    }

    #[inline]
    fn next(&self, i: usize) -> usize {
        if i + 1 == self.slots.len() {
            0
        } else {
            i + 1
        }
    }

    /// Adds a feature that is not in the table yet; an empty list is not
    /// stored (it would add nothing to any score).
    pub(crate) fn insert_new(&mut self, key: u64, ws: impl IntoIterator<Item = Entry>) {
        let off = self.entries.len();
        self.entries.extend(ws);
        let len = self.entries.len() - off;
        let slot = match len {
            0 => return,
            1 => {
                let e = self.entries.pop().expect("one entry was just added");
                Slot {
                    key,
                    data: e.weight.to_bits(),
                    meta: 1 | u32::from(e.label) << 8,
                }
            }
            _ => Slot {
                key,
                data: off as u32,
                meta: len as u32,
            },
        };
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        self.place(slot);
        self.len += 1;
    }

    fn place(&mut self, slot: Slot) {
        let mut i = self.home(slot.key);
        while self.slots[i].meta != 0 {
            debug_assert_ne!(self.slots[i].key, slot.key, "feature inserted twice");
            i = self.next(i);
        }
        self.slots[i] = slot;
    }

    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); cap]);
        for s in old.into_iter().filter(|s| s.meta != 0) {
            self.place(s);
        }
    }

    /// The slot of feature `key`, `None` when it has no weights.
    #[inline]
    pub(crate) fn find(&self, key: u64) -> Option<Slot> {
        let mut i = self.home(key);
        loop {
            let s = self.slots[i];
            if s.meta == 0 {
                return None;
            }
            if s.key == key {
                return Some(s);
            }
            i = self.next(i);
        }
    }

    /// Adds the weights of a slot found by [`FeatureTable::find`] to a score
    /// row indexed by label.
    #[inline]
    pub(crate) fn add_to(&self, s: Slot, row: &mut [f32]) {
        let len = (s.meta & 0xff) as usize;
        if len == 1 {
            if let Some(x) = row.get_mut((s.meta >> 8) as usize) {
                *x += f32::from_bits(s.data);
            }
        } else {
            let off = s.data as usize;
            for e in &self.entries[off..off + len] {
                if let Some(x) = row.get_mut(e.label as usize) {
                    *x += e.weight;
                }
            }
        }
    }

    /// The weights of feature `key` (empty when it has none).
    pub(crate) fn get(&self, key: u64) -> Entries<'_> {
        match self.find(key) {
            Some(s) => self.entries_of(s),
            None => Entries::Many(&[]),
        }
    }

    fn entries_of(&self, s: Slot) -> Entries<'_> {
        let len = (s.meta & 0xff) as usize;
        if len == 1 {
            Entries::One(Entry {
                weight: f32::from_bits(s.data),
                label: (s.meta >> 8) as u8,
            })
        } else {
            Entries::Many(&self.entries[s.data as usize..s.data as usize + len])
        }
    }

    /// All features, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, Entries<'_>)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.meta != 0)
            .map(|s| (s.key, self.entries_of(*s)))
    }
}

/// The weights of one feature.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Entries<'a> {
    /// A single weight (stored inside the slot).
    One(Entry),
    /// Several weights.
    Many(&'a [Entry]),
}

impl Entries<'_> {
    /// The weights as a slice.
    pub(crate) fn as_slice(&self) -> &[Entry] {
        match self {
            Entries::One(e) => std::slice::from_ref(e),
            Entries::Many(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(label: u8, weight: f32) -> Entry {
        Entry { weight, label }
    }

    #[test]
    fn finds_inserted_keys_and_grows() {
        let mut t = FeatureTable::with_capacity(2, 0);
        // Keys sharing their top bits collide and must still be told apart.
        for k in 0..100u64 {
            t.insert_new(k << 32 | 7, [e((k % 25) as u8, k as f32)]);
        }
        t.insert_new(5, []);
        t.insert_new(1 << 40, [e(3, 0.5), e(4, 0.25)]);
        assert_eq!(t.len(), 101);
        for k in 0..100u64 {
            let got = t.get(k << 32 | 7);
            let got = got.as_slice();
            assert_eq!(
                (got.len(), got[0].label, got[0].weight),
                (1, (k % 25) as u8, k as f32)
            );
        }
        assert!(t.get(5).as_slice().is_empty());
        assert!(t.get(8).as_slice().is_empty());
        assert_eq!(t.iter().count(), 101);
        // Keys at the very top wrap around to the first slots.
        let mut w = FeatureTable::with_capacity(3, 0);
        for k in 0..10u64 {
            w.insert_new(u64::MAX - k, [e(1, 1.0), e(2, k as f32)]);
        }
        for k in 0..10u64 {
            let got = { w.get(u64::MAX - k).as_slice()[1].weight };
            assert_eq!(got, k as f32);
        }
        let mut row = [0f32; 25];
        t.add_to(t.find(1 << 40).unwrap(), &mut row);
        t.add_to(t.find(3 << 32 | 7).unwrap(), &mut row);
        assert_eq!(row[..5], [0.0, 0.0, 0.0, 3.5, 0.25]);
    }
}
