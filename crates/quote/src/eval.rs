//! Evaluation of the quote stage against annotated corpora.
