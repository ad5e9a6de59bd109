//! Per-group state of aggregate functions.

use std::cell::RefCell;
use std::collections::HashMap;

/// The running states of one aggregate, keyed by the host's group number.
/// Generated code keeps one per aggregate in a `thread_local!`.
pub struct Groups<T> {
    states: RefCell<HashMap<u64, T>>,
}

impl<T: Default> Groups<T> {
    pub fn new() -> Self {
        Groups { states: RefCell::new(HashMap::new()) }
    }

    /// Runs `f` on the group's state, creating it on first use.
    pub fn with<R>(&self, group: u64, f: impl FnOnce(&mut T) -> R) -> R {
        f(self.states.borrow_mut().entry(group).or_default())
    }

    /// Runs `f` on the group's state without keeping a new one.
    pub fn peek<R>(&self, group: u64, f: impl FnOnce(&T) -> R) -> R {
        match self.states.borrow().get(&group) {
            Some(state) => f(state),
            None => f(&T::default()),
        }
    }

    /// Removes the group's state (a fresh one if it was never stepped).
    pub fn take(&self, group: u64) -> T {
        self.states.borrow_mut().remove(&group).unwrap_or_default()
    }
}

impl<T: Default> Default for Groups<T> {
    fn default() -> Self {
        Self::new()
    }
}
