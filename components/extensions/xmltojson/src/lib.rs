//! XML to JSON, compatible with jakethaw/xml_to_json (commit b522f4c):
//! same name, arguments and results, byte for byte.
//!
//! `xml_to_json(xml[, indent])` turns each element into a key: an element
//! with only text is its text (`{"x": "hello"}`), an empty one `""`
//! (`<x></x>`) or `null` (`<x/>`); attributes are `"@name"` keys and the
//! text beside them or beside child elements is `"#text"` (an array when
//! there are several pieces); repeated elements of one parent are grouped
//! into an array, moved together where other elements separate them. The
//! indent is the number of spaces per level of pretty-printed output; -1
//! (the default, also for NULL) prints it minified. `xml_to_json(NULL)` is
//! NULL; a number is read as its text, and the text ends at its first NUL.
//!
//! Like the reference, the input is not validated, and the output is what
//! the reference's own scanner makes of it, quirks included: only
//! double-quoted attribute values are read; `<?xml ...?>`, comments and
//! other `<!...>` markup become elements (`"?xml"`, `"!--"`); whitespace
//! between elements is dropped; only `&amp; &gt; &lt; &quot; &apos;` and
//! decimal `&#N;` references are decoded, the last as the bytes of N's value
//! (one byte below 256, two below 65536, else four: `&#233;` is the single
//! byte E9, not UTF-8), and the output ends at a NUL byte so made; control
//! characters `\b \t \n \f \r`, `"` (in text) and `\` are escaped, others
//! are not. Malformed input can give output that is not JSON.
//!
//! Differences, only where the reference's behaviour is undefined (it
//! reads uninitialised memory, loops forever or crashes): text before the
//! first element, or after the outermost one closes, belongs to the
//! document and is not shown; `&` followed by anything else is dropped; a
//! `&#` reference without a `;` runs to the end of the input; `<` inside an
//! attribute value is kept as it is; and a regrouping of array elements
//! that would walk off the element list is skipped. Output longer than
//! 1,000,000,000 bytes is the error `string or blob too big`.

#[allow(dead_code)]
#[path = "../../fileio/src/args.rs"]
mod args;
mod convert;

/// xml_to_json: XML documents as JSON text.
#[sqlink_sdk::extension(name = "xmltojson")]
mod xmltojson_ext {
    use sqlink_sdk::prelude::*;

    /// The JSON of an XML text, pretty-printed with `indent` spaces per
    /// level, or minified when it is -1, negative, NULL or not given; NULL
    /// for a NULL document; `''` when the text has no element. The error
    /// `string or blob too big` past 1,000,000,000 bytes of output.
    #[function(deterministic, innocuous)]
    fn xml_to_json(xml: &Value, #[optional] indent: Option<&Value>) -> Result<Value> {
        let Some(bytes) = crate::args::c_text(xml) else { return Ok(Value::Null) };
        let indent = match indent {
            None | Some(Value::Null) => -1,
            Some(v) => crate::args::int(v),
        };
        let json = crate::convert::xml_to_json(&bytes, indent).ok_or_else(|| Error::with_code(Error::TOOBIG, "string or blob too big"))?;
        Ok(Value::Text(json))
    }
}

#[cfg(test)]
mod tests {
    use crate::xmltojson_ext::sqlink_test::call;
    use sqlink_sdk::Value;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    /// Every vector of testdata/vectors.tsv (the reference's answers, made
    /// by testdata/gen.sh).
    #[test]
    fn matches_reference_vectors() {
        let vectors = include_str!("../testdata/vectors.tsv");
        let mut n = 0;
        for line in vectors.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let indent: i64 = f[0].parse().unwrap();
            let got = call("xml_to_json", &[Value::Text(hex(f[1])), Value::Integer(indent)]).unwrap();
            assert_eq!(got, Value::Text(hex(f.get(2).copied().unwrap_or(""))), "xml {:?} indent {indent}", String::from_utf8_lossy(&hex(f[1])));
            n += 1;
        }
        assert!(n > 150);
    }

    #[test]
    fn null_and_defaults() {
        assert_eq!(call("xml_to_json", &[Value::Null]).unwrap(), Value::Null);
        assert_eq!(call("xml_to_json", &[Value::text("<x>1</x>")]).unwrap(), Value::text("{\"x\":\"1\"}"));
        assert_eq!(call("xml_to_json", &[Value::text("<x>1</x>"), Value::Null]).unwrap(), Value::text("{\"x\":\"1\"}"));
        assert_eq!(call("xml_to_json", &[Value::text("")]).unwrap(), Value::text(""));
    }
}
