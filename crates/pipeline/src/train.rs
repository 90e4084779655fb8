//! Training, as `newsgraph train` runs it, re-exported here so that the
//! binary depends on this crate alone.

pub use newsgraph_ner::{
    cross_validate, train as train_ner, NerPack, TrainOptions as NerTrainOptions,
    TrainReport as NerTrainReport,
};
