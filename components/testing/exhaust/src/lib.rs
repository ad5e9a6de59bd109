//! Test fixture: an extension that runs into every limit it can, for the
//! tests of resource exhaustion: deep recursion, a huge result, an
//! aggregate whose state never stops growing, and a commit hook that
//! spins when told to.

use std::sync::atomic::AtomicBool;

/// Whether the commit hook spins.
static SPIN_ON_COMMIT: AtomicBool = AtomicBool::new(false);

#[sqlink_sdk::extension(name = "exhaust")]
mod exhaust {
    use std::sync::atomic::Ordering;

    /// Recurses `depth` calls deep; returns the depth reached.
    #[function]
    fn exhaust_recurse(depth: i64) -> i64 {
        #[inline(never)]
        fn down(n: i64) -> i64 {
            if n <= 0 {
                return 0;
            }
            std::hint::black_box(down(std::hint::black_box(n - 1))) + 1
        }
        down(depth)
    }

    /// A text of `mb` MiB of 'x'.
    #[function]
    fn exhaust_text(mb: i64) -> String {
        "x".repeat((mb.max(0) as usize) << 20)
    }

    /// Keeps every value of the group (as text, 1 KiB each) and returns
    /// how many: its state grows with the group.
    #[aggregate]
    #[derive(Default)]
    struct ExhaustKeep(Vec<String>);

    impl ExhaustKeep {
        fn step(&mut self, value: i64) {
            self.0.push(format!("{value:01024}"));
        }
        fn finalize(self) -> i64 {
            self.0.len() as i64
        }
    }

    /// Makes the commit hook spin (1) or not (0).
    #[function]
    fn exhaust_spin_on_commit(on: i64) -> i64 {
        crate::SPIN_ON_COMMIT.store(on != 0, Ordering::Relaxed);
        on
    }

    /// Spins forever when told to; otherwise lets the commit through.
    #[on_commit]
    fn committing() -> bool {
        while crate::SPIN_ON_COMMIT.load(Ordering::Relaxed) {
            std::hint::spin_loop();
        }
        false
    }
}
