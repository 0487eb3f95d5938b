//! Where ingest time goes: cumulative CPU time of this thread per phase of
//! [`crate::Store::add_batch`] and a few counters, kept only when `CROSSWIRE_PROFILE` is set
//! (`crosswire ingest` then prints the report). CPU time, not wall time, so that other work
//! on the machine does not blur the shares.

use std::collections::BTreeMap;
use std::time::Duration;

/// A phase of adding a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Shingles, content hash and MinHash signature of the text.
    Fingerprint,
    /// Is the article stored already (URL, content hash)?
    Lookup,
    /// Is it a copy? The in-memory window, then (older articles) the on-disk LSH table,
    /// and the live story of the original.
    StoreLsh,
    /// Dedup against the recent window + story clustering ([`crosswire_cluster::StoryStream`]).
    Cluster,
    /// Story rows: new stories, merges, updated times, counts.
    Stories,
    /// The article row and its index entries.
    Insert,
    /// The copy row.
    Copies,
    /// Band keys of articles leaving the in-memory window, written to disk.
    LshFlush,
    /// Draining the clusterer's changes.
    TakeChanges,
    /// The clusterer's changes logged (and folded into the base tables now and then).
    SaveClusterer,
    /// The transaction's commit (WAL append, fsync, checkpoints).
    Commit,
    /// [`crate::Store::resume`] reading the LSH key filter (building and saving it when
    /// the store has none yet).
    ResumeKeyFilter,
}

/// Cumulative phase times and counters.
#[derive(Debug, Default)]
pub struct Profile {
    enabled: bool,
    times: BTreeMap<Phase, Duration>,
    counts: BTreeMap<&'static str, u64>,
}

impl Profile {
    /// A profile that records when `CROSSWIRE_PROFILE` is set, and is free otherwise.
    pub fn from_env() -> Profile {
        Profile {
            enabled: std::env::var_os("CROSSWIRE_PROFILE").is_some(),
            ..Profile::default()
        }
    }

    /// The thread's CPU time (zero when disabled): the start of a phase.
    pub fn now(&self) -> Duration {
        if self.enabled {
            thread_cpu_time()
        } else {
            Duration::ZERO
        }
    }

    /// Add the CPU time since `start` (from [`Profile::now`]) to `phase`.
    pub fn add(&mut self, phase: Phase, start: Duration) {
        if self.enabled {
            *self.times.entry(phase).or_default() += thread_cpu_time().saturating_sub(start);
        }
    }

    pub fn count(&mut self, name: &'static str, n: u64) {
        if self.enabled {
            *self.counts.entry(name).or_default() += n;
        }
    }

    /// One line per phase (seconds and share of the total measured), then the counters.
    pub fn report(&self) -> String {
        let total: f64 = self.times.values().map(Duration::as_secs_f64).sum();
        let mut out = format!("store phases ({total:.2}s measured):\n");
        for (phase, d) in &self.times {
            let s = d.as_secs_f64();
            let share = if total > 0.0 { 100.0 * s / total } else { 0.0 };
            let name = format!("{phase:?}");
            out.push_str(&format!("  {name:<16} {s:9.2}s {share:5.1}%\n"));
        }
        for (name, n) in &self.counts {
            out.push_str(&format!("  {name}: {n}\n"));
        }
        out
    }
}

fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant Linux knows.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}
