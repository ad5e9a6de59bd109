/// Greetings, repetition, the longest text of a group, and a count.
#[sqlink_sdk::extension(name = "hello")]
mod hello {
    use sqlink_sdk::prelude::*;

    /// Greets someone.
    #[function(deterministic)]
    fn hello(name: &str) -> String {
        format!("Hello, {name}!")
    }

    /// Repeats text n times, joined by an optional separator.
    #[function(deterministic)]
    fn repeat_text(text: &str, n: i64, #[optional] sep: Option<&str>) -> Result<String> {
        if n < 0 {
            return Err(Error::new("repeat_text(): n must not be negative"));
        }
        Ok(vec![text; n as usize].join(sep.unwrap_or("")))
    }

    /// The longest text of a group.
    #[aggregate(deterministic)]
    #[derive(Default)]
    struct Longest(Option<String>);

    impl Longest {
        fn step(&mut self, text: &str) {
            if self.0.as_ref().is_none_or(|l| text.chars().count() > l.chars().count()) {
                self.0 = Some(text.to_string());
            }
        }
        fn finalize(self) -> Option<String> {
            self.0
        }
    }

    /// The numbers from `start` up to `stop`, as a table.
    #[table(columns = "n")]
    fn upto(start: i64, stop: i64) -> impl Iterator<Item = i64> {
        start..=stop
    }
}
