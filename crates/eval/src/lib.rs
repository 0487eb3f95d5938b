//! crosswire-eval: evaluation of crosswire's outputs against references.
//!
//! The principal type is [`rouge::Evaluator`]: built from a [`rouge::RougeConfig`] (ROUGE-1.5.5
//! options, DUC settings by default) and the reference clusters parsed by
//! [`rouge::input::parse_references`], it prepares every reference once and then scores
//! system outputs ([`rouge::input::parse_system`]) cluster by cluster, averaging with ROUGE's
//! bootstrap. [`rouge::score`] is the one-call version; [`rouge::report`] renders the results.
//!
//! The numbers are ROUGE-1.5.5's, digit for digit: its tokenization and truncation, its Porter
//! stemmer with the WordNet 2.0 exception lists (embedded from `data/`, under the WordNet
//! license in `data/WORDNET-LICENSE.txt`), n-gram pooling over references (`-f A`) or the best
//! reference (`-f B`), union-LCS ROUGE-L, and the srand(i)/drand48 bootstrap.

pub mod rouge;
