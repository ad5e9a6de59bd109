/// {{name}}: one line saying what this extension is for.
#[sqlink_sdk::extension(name = "{{name}}")]
mod {{name}} {
    use sqlink_sdk::prelude::*;

    /// Greets someone.
    #[function(deterministic)]
    fn hello(name: &str) -> Result<String> {
        if name.is_empty() {
            return Err(Error::new("hello(): name must not be empty"));
        }
        Ok(format!("Hello, {name}!"))
    }

    /// The numbers from `start` up to `stop`, as a table.
    #[table(columns = "n")]
    fn upto(start: i64, stop: i64) -> impl Iterator<Item = i64> {
        start..=stop
    }
}

#[cfg(test)]
mod tests {
    use super::{{name}}::sqlink_test::call;
    use sqlink_sdk::Value;

    #[test]
    fn hello_greets() {
        let out = call("hello", &[Value::text("world")]).unwrap();
        assert!(matches!(out, Value::Text(t) if t == b"Hello, world!"));
    }
}
