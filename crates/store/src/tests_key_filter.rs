//! The LSH key filter is sized from the table, persisted with it, and always equals the
//! filter a full pass over the table would build.

use crosswire_cluster::Config;

use crate::Store;
use crate::key_filter::{BITS_PER_KEY, KeyFilter, log2_for};
use crate::lsh::{STORE_BANDS, flushed};
use crate::tests_scale::{article, text};

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// The filter as a store would load it, and the one a full pass over the table builds.
fn loaded_and_rebuilt(store: &mut Store) -> (KeyFilter, KeyFilter) {
    let tx = store.conn.transaction().expect("tx");
    let loaded = KeyFilter::load(&tx, flushed(&tx).expect("flushed")).expect("load");
    let rebuilt = KeyFilter::rebuild(&tx, loaded.log2()).expect("rebuild");
    (loaded, rebuilt)
}

#[test]
fn sizing_keeps_the_filter_sparse() {
    for articles in [0i64, 1, 1_000, 100_000, 1_000_000, 10_000_000] {
        let log2 = log2_for(articles);
        let keys = (articles * STORE_BANDS as i64).max(1);
        assert!(1i64 << log2 >= keys * BITS_PER_KEY, "{articles}: 2^{log2}");
        assert!(log2 == 20 || 1i64 << (log2 - 1) < keys * BITS_PER_KEY);
    }
    assert_eq!(log2_for(1_000_000), 27);
    assert_eq!(log2_for(i64::MAX), 31);
    assert_eq!(log2_for(-5), 20);
}

#[test]
fn the_persisted_filter_is_the_tables_filter() {
    let mut store = Store::open_in_memory().expect("open");
    for i in 0..30u64 {
        // A new process every few batches; a window of 4 writes keys every 2 articles.
        let mut stream = store.resume(Config::default(), 4).expect("resume");
        let a = article(&format!("a{i}"), Some("o"), 1, "t", &text(i, 80));
        store.add_batch(&[a], &mut stream).expect("add");
    }
    assert!(count(&store, "SELECT COUNT(*) FROM lsh_bands") > 0);
    // The flushes were logged, not written as whole bitmaps.
    assert!(count(&store, "SELECT COUNT(*) FROM lsh_filter_log") > 5);
    assert_eq!(count(&store, "SELECT COUNT(*) FROM lsh_filter"), 1);
    let (loaded, rebuilt) = loaded_and_rebuilt(&mut store);
    assert_eq!(loaded, rebuilt);
    assert!(loaded.fill() > 0.0);
}

#[test]
fn a_long_log_folds_and_a_dense_filter_grows() {
    let mut store = Store::open_in_memory().expect("open");
    let _ = store.resume(Config::default(), 4).expect("resume");
    {
        let tx = store.conn.transaction().expect("tx");
        let mut filter = KeyFilter::load(&tx, 0).expect("load");
        assert_eq!(filter.log2(), 20);
        // More logged key bytes than the 128 KB base: the log folds into the base.
        let mut insert = tx
            .prepare("INSERT INTO lsh_bands (band, article) VALUES (?1, 1)")
            .expect("prepare");
        let mut key = 0x1234_5678_9abc_def1u64;
        for _ in 0..40_000 {
            key = key.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            insert.execute([key as i64]).expect("insert");
            filter.insert(key as i64);
        }
        drop(insert);
        filter.persist(&tx, 1).expect("persist");
        tx.commit().expect("commit");
    }
    assert_eq!(count(&store, "SELECT COUNT(*) FROM lsh_filter_log"), 0);
    let (loaded, rebuilt) = loaded_and_rebuilt(&mut store);
    assert_eq!(loaded, rebuilt);
    assert_eq!(loaded.log2(), 20);
    {
        // Keys of a million articles: the filter doubles up to 2^27 bits, from the table.
        let tx = store.conn.transaction().expect("tx");
        let mut filter = KeyFilter::load(&tx, 1).expect("load");
        filter.persist(&tx, 1_000_000).expect("persist");
        assert_eq!(filter.log2(), 27);
        tx.commit().expect("commit");
    }
    let (loaded, rebuilt) = loaded_and_rebuilt(&mut store);
    assert_eq!((loaded.log2(), &loaded), (27, &rebuilt));
    assert_eq!(count(&store, "SELECT COUNT(*) FROM lsh_filter"), 16);
}

#[test]
fn a_store_without_a_persisted_filter_builds_and_saves_one() {
    let original = text(42, 120);
    // As a version-2 store has it (keys in the table, no filter), then damaged ones.
    for damage in [
        "DELETE FROM lsh_filter; DELETE FROM lsh_filter_log;
         DELETE FROM state WHERE key = 'lsh_filter_log2';",
        "DELETE FROM lsh_filter WHERE chunk = 0;",
        "UPDATE state SET value = 99 WHERE key = 'lsh_filter_log2';",
    ] {
        let mut store = Store::open_in_memory().expect("open");
        let mut stream = store.resume(Config::default(), 2).expect("resume");
        let first = article("orig", Some("a"), 1, "O", &original);
        store.add_batch(&[first], &mut stream).expect("add");
        for i in 0..6u64 {
            let a = article(&format!("x{i}"), Some("b"), 2, "X", &text(100 + i, 120));
            store.add_batch(&[a], &mut stream).expect("add");
        }
        store.conn.execute_batch(damage).expect("damage");
        let mut stream = store.resume(Config::default(), 2).expect("resume");
        assert_eq!(
            count(&store, "SELECT COUNT(*) FROM lsh_filter"),
            1,
            "{damage}"
        );
        let (loaded, rebuilt) = loaded_and_rebuilt(&mut store);
        assert_eq!(loaded, rebuilt, "{damage}");
        // The original, long out of the window, is still found through the filter.
        let body = format!("{original} and one more sentence");
        let copy = article("copy", Some("c"), 3, "C", &body);
        let stats = store.add_batch(&[copy], &mut stream).expect("add");
        assert_eq!(stats.copies, 1, "{damage}");
    }
}

#[test]
fn a_writer_sees_the_keys_another_writer_flushed() {
    let dir = std::env::temp_dir().join(format!("crosswire-keyfilter-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("two-writers.db");
    let _ = std::fs::remove_file(&path);
    let mut a = Store::open(&path).expect("open a");
    let mut b = Store::open(&path).expect("open b");
    let mut stream_a = a.resume(Config::default(), 2).expect("resume a");
    // B reads the filter now, before A writes any key.
    let mut stream_b = b.resume(Config::default(), 2).expect("resume b");
    let original = text(42, 120);
    a.add_batch(
        &[article("orig", Some("a"), 1, "O", &original)],
        &mut stream_a,
    )
    .expect("add");
    for i in 0..4u64 {
        let x = article(&format!("x{i}"), Some("b"), 2, "X", &text(100 + i, 120));
        a.add_batch(&[x], &mut stream_a).expect("add");
    }
    assert!(count(&a, "SELECT COUNT(*) FROM lsh_bands WHERE article = 1") > 0);
    // B's copy of the original is found on disk through the filter A extended.
    let body = format!("{original} and one more sentence");
    let copy = article("copy", Some("c"), 3, "C", &body);
    let stats = b.add_batch(&[copy], &mut stream_b).expect("add");
    assert_eq!(stats.copies, 1);
    drop((a, b));
    let _ = std::fs::remove_dir_all(dir);
}
