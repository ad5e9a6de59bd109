//! `.timer`: wall-clock time, plus user and system CPU time where the
//! platform reports them (getrusage on Linux).

use std::time::Instant;

/// A started measurement.
pub struct Timer {
    wall: Instant,
    cpu: Option<(f64, f64)>,
}

impl Timer {
    /// Starts measuring now.
    pub fn start() -> Timer {
        Timer { wall: Instant::now(), cpu: cpu_times() }
    }

    /// The line sqlite3 prints: `Run Time: real 0.001 user 0.000120 sys 0.000000`
    /// (only `real` where CPU times are not available).
    pub fn report(&self) -> String {
        let real = self.wall.elapsed().as_secs_f64();
        match (self.cpu, cpu_times()) {
            (Some((u0, s0)), Some((u1, s1))) => {
                format!("Run Time: real {real:.3} user {:.6} sys {:.6}", u1 - u0, s1 - s0)
            }
            _ => format!("Run Time: real {real:.3}"),
        }
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn cpu_times() -> Option<(f64, f64)> {
    use std::ffi::{c_int, c_long};

    #[repr(C)]
    struct Timeval {
        sec: c_long,
        usec: c_long,
    }
    #[repr(C)]
    struct Rusage {
        utime: Timeval,
        stime: Timeval,
        rest: [c_long; 14],
    }
    unsafe extern "C" {
        fn getrusage(who: c_int, usage: *mut Rusage) -> c_int;
    }
    let mut ru = std::mem::MaybeUninit::<Rusage>::zeroed();
    // SAFETY: getrusage(RUSAGE_SELF = 0) fills the struct, whose layout
    // matches Linux's struct rusage.
    let ru = unsafe {
        if getrusage(0, ru.as_mut_ptr()) != 0 {
            return None;
        }
        ru.assume_init()
    };
    let secs = |t: &Timeval| t.sec as f64 + t.usec as f64 * 1e-6;
    Some((secs(&ru.utime), secs(&ru.stime)))
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn cpu_times() -> Option<(f64, f64)> {
    None
}
