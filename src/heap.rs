//! The live heap, counted: a wrapper around the system allocator that keeps the bytes
//! allocated and not yet freed, the most there have been, and the footprint of what is live
//! (each allocation as the allocator sizes its chunk, with its header and rounding). The benchmarks read it for
//! memory per rep-period, since a wasm memory's size only ever grows and so shows the peak
//! of every passing buffer rather than what is kept. Compiled only with the `heap-stats`
//! feature, which the benchmarks' own build turns on; the npm package is built without it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static FOOTPRINT: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
    FOOTPRINT.fetch_add(chunk(by), Relaxed);
}

fn shrank(by: usize) {
    LIVE.fetch_sub(by, Relaxed);
    FOOTPRINT.fetch_sub(chunk(by), Relaxed);
}

/// The chunk dlmalloc (Rust's allocator in wasm) takes for `size` bytes: a word of header,
/// rounded up to two words, at least four words (16 bytes in wasm, 32 natively, as glibc's
/// malloc sizes them too).
fn chunk(size: usize) -> usize {
    const WORD: usize = std::mem::size_of::<usize>();
    (size + WORD).next_multiple_of(2 * WORD).max(4 * WORD)
}

// SAFETY: every call goes to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated and not freed now.
pub fn live_bytes() -> usize {
    LIVE.load(Relaxed)
}

/// The bytes the allocator's chunks for what is live take: [`live_bytes`] with each
/// allocation's header and rounding, as dlmalloc sizes a fresh chunk. A lower bound: a chunk
/// reused from a larger free one, or shrunk in place, may keep up to 15 bytes more, and
/// natively glibc's page rounding of large allocations is left out (dlmalloc in wasm has none).
pub fn footprint_bytes() -> usize {
    FOOTPRINT.load(Relaxed)
}

/// The most bytes live at once since the last [`reset_peak`] (or the start).
pub fn peak_bytes() -> usize {
    PEAK.load(Relaxed)
}

/// Starts a new peak from what is live now.
pub fn reset_peak() {
    PEAK.store(live_bytes(), Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests here measure one global counter: one at a time.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[test]
    fn loading_a_file_peaks_near_what_its_data_keeps() {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let text = crate::data::dataset_csv(&crate::data::synthetic_monthly(5_000, 2, 42));
        reset_peak();
        let before = live_bytes();
        let loaded = crate::load_csv(&text).unwrap();
        let (kept, peak) = (live_bytes() - before, peak_bytes() - before);
        assert_eq!(loaded.dataset.row_count(), 10_000);
        // Rows are added as they are read: the file is never held as records of strings
        // (which peaked at about 4 times what the data keeps).
        assert!(peak < kept * 2, "peak {peak} bytes for {kept} kept");
    }

    #[test]
    fn a_chunk_has_a_header_and_is_rounded_up() {
        let word = std::mem::size_of::<usize>();
        assert_eq!(chunk(1), 4 * word);
        assert_eq!(chunk(3 * word), 4 * word);
        assert_eq!(chunk(3 * word + 1), 6 * word);
        assert_eq!(chunk(1000 * word), 1002 * word);
    }

    #[test]
    fn counts_what_is_kept_and_the_peak() {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        // Other tests allocate on other threads: compare with margins, not exactly.
        reset_peak();
        let before = live_bytes();
        let kept = vec![0u8; 8 << 20];
        let passing = vec![0u8; 16 << 20];
        drop(passing);
        let live = live_bytes();
        assert!(live >= before + (8 << 20) - (4 << 20) && live < before + (16 << 20), "live {live}, before {before}");
        assert!(peak_bytes() >= before + (24 << 20) - (4 << 20), "peak {}", peak_bytes());
        drop(kept);
    }
}
