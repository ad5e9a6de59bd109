//! Process signals: Ctrl-C interrupts running SQL (three presses exit),
//! and a closed output pipe ends the program quietly as it does sqlite3.

use sqlink_shell::Interrupt;
use std::sync::atomic::{AtomicI32, Ordering};

/// Write end of the self-pipe the SIGINT handler signals through.
static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_sigint(_: libc::c_int) {
    let fd = PIPE_WRITE.load(Ordering::Relaxed);
    if fd >= 0 {
        // SAFETY: write(2) is async-signal-safe; the buffer is a local byte.
        unsafe { libc::write(fd, [1u8].as_ptr().cast(), 1) };
    }
}

/// Restores the default SIGPIPE action (Rust ignores it by default).
pub fn restore_sigpipe() {
    // SAFETY: setting a standard disposition for SIGPIPE.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
}

/// On Ctrl-C: record it in `interrupt` and call `interrupter` (which asks
/// SQLite to stop). A third pending press exits the process.
pub fn on_ctrl_c(interrupt: Interrupt, interrupter: Box<dyn Fn() + Send + Sync>) {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: pipe(2) fills two descriptors.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
        return;
    }
    PIPE_WRITE.store(fds[1], Ordering::Relaxed);
    let read_fd = fds[0];
    std::thread::spawn(move || {
        let mut byte = 0u8;
        // SAFETY: reading one byte from our own pipe.
        while unsafe { libc::read(read_fd, (&mut byte as *mut u8).cast(), 1) } == 1 {
            if interrupt.raise() > 2 {
                std::process::exit(1);
            }
            interrupter();
        }
    });
    // SAFETY: installing a handler that only calls write(2).
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as *const () as usize;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}
