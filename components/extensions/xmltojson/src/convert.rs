//! The conversion: the reference's one-pass scanner builds a list of
//! elements in document order (each knowing its parent, depth, attributes
//! and text pieces), two passes number siblings and group repeated names
//! into arrays (moving separated ones together), and a printer walks the
//! list. Plain Rust over bytes; no SDK types.

/// Output past this many bytes is refused (SQLite's default length limit).
const MAX_OUTPUT: usize = 1_000_000_000;

/// One element (index 0 is the document itself).
#[derive(Default)]
struct Element {
    parent: Option<usize>,
    /// The name: a range of the input.
    name: (usize, usize),
    /// The text pieces, already escaped for JSON.
    values: Vec<Vec<u8>>,
    depth: i64,
    is_parent: bool,
    child_index: i64,
    is_last_child: bool,
    array_index: i64,
    is_array_end: bool,
    /// The next element of the list (document order, after regrouping).
    next: Option<usize>,
    /// `(name range, escaped value)` of each attribute.
    attributes: Vec<((usize, usize), Vec<u8>)>,
}

/// The reference's whitespace: space, tab, newline, form feed, return.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

struct Scanner<'a> {
    xml: &'a [u8],
}

impl Scanner<'_> {
    /// The byte at `i`, 0 past the end (the C string's terminator).
    fn at(&self, i: usize) -> u8 {
        self.xml.get(i).copied().unwrap_or(0)
    }

    fn rest(&self, i: usize) -> &[u8] {
        self.xml.get(i..).unwrap_or(&[])
    }

    /// Appends one run of plain bytes and then at most one special
    /// character (escaped for JSON) to `out`, advancing `i`.
    fn value_part(&self, i: &mut usize, out: &mut Vec<u8>, is_attr: bool) {
        let stops = |b: u8| matches!(b, b'&' | b'\x08' | b'\t' | b'\n' | b'\x0c' | b'\r' | b'"' | b'\\') || (b == b'<' && !is_attr);
        let mut j = 0;
        while self.at(*i + j) != 0 && !stops(self.at(*i + j)) {
            j += 1;
        }
        out.extend_from_slice(&self.xml[*i..*i + j]);
        *i += j;
        let escaped: &[u8] = match self.at(*i) {
            b'&' => {
                *i += 1;
                const NAMED: [(&[u8], &[u8]); 12] = [
                    (b"amp;", b"&"),
                    (b"gt;", b">"),
                    (b"lt;", b"<"),
                    (b"quot;", b"\\\""),
                    (b"apos;", b"'"),
                    (b"#8;", b"\\b"),
                    (b"#9;", b"\\t"),
                    (b"#10;", b"\\n"),
                    (b"#12;", b"\\f"),
                    (b"#13;", b"\\r"),
                    (b"#34;", b"\\\""),
                    (b"#92;", b"\\\\"),
                ];
                if let Some((name, text)) = NAMED.iter().find(|(name, _)| self.rest(*i).starts_with(name)) {
                    *i += name.len();
                    out.extend_from_slice(text);
                } else if self.at(*i) == b'#' {
                    self.code_point(i, out);
                }
                return;
            }
            b'\x08' => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\x0c' => b"\\f",
            b'\r' => b"\\r",
            b'"' if !is_attr => b"\\\"",
            b'\\' => b"\\\\",
            _ => return,
        };
        *i += 1;
        out.extend_from_slice(escaped);
    }

    /// `&#N;` at `i` (on the `#`): the reference's decimal reading (each
    /// byte minus '0', times a C `int` power of ten that wraps), written as
    /// the value's 1, 2 or 4 big-endian bytes.
    fn code_point(&self, i: &mut usize, out: &mut Vec<u8>) {
        let start = *i + 1;
        let len = self.rest(start).iter().position(|&b| b == b';').unwrap_or(self.rest(start).len());
        *i += 2 + len;
        let mut x: u64 = 0;
        let mut m: i32 = 1;
        for k in (0..len).rev() {
            // C's `char` is signed: bytes from 0x80 are negative.
            let digit = i32::from(self.xml[start + k] as i8) - 48;
            x = x.wrapping_add(digit.wrapping_mul(m) as i64 as u64);
            m = m.wrapping_mul(10);
        }
        if x < 1 << 8 {
            out.push(x as u8);
        } else if x < 1 << 16 {
            out.extend_from_slice(&[(x >> 8) as u8, x as u8]);
        } else {
            out.extend_from_slice(&[(x >> 24) as u8, (x >> 16) as u8, (x >> 8) as u8, x as u8]);
        }
    }

    /// Scans the document into the element list.
    fn elements(&self) -> Vec<Element> {
        let mut nodes = vec![Element { is_last_child: true, ..Element::default() }];
        let mut previous = 0;
        let mut current: Option<usize> = None;
        let mut depth: i64 = 0;
        let mut i = 0;
        while is_space(self.at(i)) {
            i += 1;
        }
        while self.at(i) != 0 {
            if self.at(i) == b'<' && self.at(i + 1) != b'/' {
                depth += 1;
                let mut j = 1;
                while self.at(i + j) != 0 && !is_space(self.at(i + j)) && self.at(i + j) != b'/' && self.at(i + j) != b'>' {
                    j += 1;
                }
                j -= 1;
                let name = (i + 1, i + 1 + j);
                i += j + 1;
                let mut parent = previous;
                while nodes[parent].depth >= depth {
                    match nodes[parent].parent {
                        Some(p) => parent = p,
                        None => break,
                    }
                }
                let id = nodes.len();
                nodes.push(Element { parent: Some(parent), name, depth, ..Element::default() });
                nodes[parent].is_parent = true;
                nodes[previous].next = Some(id);
                previous = id;
                current = Some(id);
                while is_space(self.at(i)) {
                    i += 1;
                }
                while self.at(i) != 0 && !matches!(self.at(i), b'/' | b'?' | b'>') {
                    let mut j = 1;
                    while self.at(i + j) != 0 && self.at(i + j) != b'=' && !is_space(self.at(i + j)) {
                        j += 1;
                    }
                    let attr_name = (i, i + j);
                    i += j;
                    let mut value = Vec::new();
                    while self.at(i) != 0 && self.at(i) != b'"' {
                        i += 1;
                    }
                    if self.at(i) != 0 {
                        i += 1;
                        let mut j = 0;
                        while self.at(i + j) != 0 && self.at(i + j) != b'"' {
                            j += 1;
                        }
                        if self.at(i + j) != 0 {
                            loop {
                                self.value_part(&mut i, &mut value, true);
                                if self.at(i) == 0 || self.at(i) == b'"' {
                                    break;
                                }
                            }
                            if self.at(i) == b'"' {
                                i += 1;
                                while is_space(self.at(i)) {
                                    i += 1;
                                }
                            }
                        }
                    }
                    nodes[id].attributes.push((attr_name, value));
                }
                if matches!(self.at(i), b'/' | b'?') {
                    current = nodes[id].parent;
                    depth -= 1;
                    while self.at(i) != 0 && self.at(i) != b'>' {
                        i += 1;
                    }
                }
            } else if self.at(i) == b'<' {
                current = current.and_then(|c| nodes[c].parent);
                depth -= 1;
                while self.at(i) != 0 && self.at(i) != b'>' {
                    i += 1;
                }
            } else {
                i += 1;
                let mut j = 0;
                while is_space(self.at(i + j)) {
                    j += 1;
                }
                // Outside every element the reference has no element here
                // (and crashes); the document takes the text.
                let node = current.unwrap_or(0);
                let next = self.at(i + j);
                if next != b'<' || (!nodes[node].is_parent && self.at(i + j + 1) == b'/') {
                    let mut value = Vec::new();
                    while self.at(i) != 0 && self.at(i) != b'<' {
                        self.value_part(&mut i, &mut value, false);
                        j = 0;
                    }
                    nodes[node].values.push(value);
                }
                i += j;
            }
        }
        nodes
    }
}

/// Numbers siblings (`child_index` from 1, `is_last_child`).
fn number_siblings(nodes: &mut [Element]) {
    let mut current = 0;
    let mut guard = 0usize;
    while let Some(n) = nodes[current].next {
        current = n;
        guard += 1;
        if guard > nodes.len() {
            break;
        }
        if nodes[current].child_index != 0 {
            continue;
        }
        let mut k = 1;
        let mut test = Some(current);
        let mut last = None;
        let mut steps = 0usize;
        while let Some(t) = test {
            if nodes[current].parent == nodes[t].parent {
                if nodes[current].child_index == 0 {
                    nodes[current].child_index = 1;
                }
                if current != t {
                    k += 1;
                    nodes[t].child_index = k;
                }
                last = Some(t);
            }
            test = nodes[t].next.filter(|&n| nodes[n].depth >= nodes[current].depth);
            steps += 1;
            if steps > nodes.len() {
                break;
            }
        }
        if let Some(l) = last {
            nodes[l].is_last_child = true;
        }
    }
}

fn same_name(xml: &[u8], a: &Element, b: &Element) -> bool {
    xml[a.name.0..a.name.1] == xml[b.name.0..b.name.1]
}

/// Groups repeated names of one parent into arrays (`array_index` from 1,
/// `is_array_end`), moving later members next to the earlier ones.
fn group_arrays(xml: &[u8], nodes: &mut [Element]) {
    let limit = nodes.len() * 4 + 16;
    let mut current = 0;
    let mut guard = 0usize;
    while let Some(n) = nodes[current].next {
        current = n;
        guard += 1;
        if guard > limit {
            break;
        }
        if nodes[current].array_index != 0 {
            continue;
        }
        let mut k = 1;
        let mut test = current;
        let mut previous_array: Option<usize> = None;
        let mut steps = 0usize;
        while let Some(next) = nodes[test].next.filter(|_| nodes[test].depth >= nodes[current].depth) {
            steps += 1;
            if steps > limit {
                break;
            }
            test = next;
            if nodes[current].parent != nodes[test].parent || !same_name(xml, &nodes[current], &nodes[test]) {
                continue;
            }
            if nodes[current].array_index == 0 {
                nodes[current].array_index = 1;
                previous_array = Some(current);
            }
            k += 1;
            nodes[test].array_index = k;
            let pa = previous_array.unwrap_or(current);
            if nodes[test].child_index != nodes[pa].child_index + 1 {
                regroup(nodes, pa, test);
            }
            previous_array = Some(test);
        }
        if let Some(p) = previous_array {
            nodes[p].is_array_end = true;
        }
    }
}

/// Moves `test` (with its descendants) to just after the subtree of `pa`,
/// the previous member of its array, shifting the siblings between them
/// one place on. Skipped where the reference would walk off the list.
fn regroup(nodes: &mut [Element], pa: usize, test: usize) {
    let Some(first) = nodes[pa].next else { return };
    // The last node of test's subtree.
    let mut deepest = test;
    while let Some(n) = nodes[deepest].next {
        if nodes[n].depth > nodes[test].depth {
            deepest = n;
        } else {
            break;
        }
    }
    // Find the node just before test, checking the walk first.
    let mut walk = first;
    let mut path = vec![first];
    while nodes[walk].next != Some(test) {
        match nodes[walk].next {
            Some(n) if path.len() <= nodes.len() => {
                walk = n;
                path.push(n);
            }
            _ => return,
        }
    }
    let mut previous_sibling = first;
    for &n in &path {
        if nodes[pa].parent == nodes[n].parent {
            previous_sibling = n;
            nodes[n].child_index += 1;
        }
    }
    let before_test = walk;
    nodes[before_test].next = nodes[deepest].next;
    if nodes[test].is_last_child {
        nodes[previous_sibling].is_last_child = true;
        nodes[test].is_last_child = false;
    }
    nodes[test].child_index = nodes[pa].child_index + 1;
    // The first node after pa's subtree with pa's parent, found after
    // test is unlinked.
    let mut prev = pa;
    let mut next = nodes[pa].next;
    let mut seen = 0usize;
    while let Some(n) = next {
        if nodes[n].parent == nodes[pa].parent || seen > nodes.len() {
            break;
        }
        prev = n;
        next = nodes[n].next;
        seen += 1;
    }
    let Some(n) = next else {
        nodes[prev].next = Some(test);
        nodes[deepest].next = None;
        return;
    };
    nodes[prev].next = Some(test);
    nodes[deepest].next = Some(n);
}

/// The JSON text of `xml` (a C string: no NUL inside), indented by
/// `indent` spaces per level (none and no newlines when negative). None
/// when it would pass [`MAX_OUTPUT`] bytes. The text ends at its first NUL
/// byte, as the reference's C string does.
pub fn xml_to_json(xml: &[u8], indent: i32) -> Option<Vec<u8>> {
    let scanner = Scanner { xml };
    let mut nodes = scanner.elements();
    number_siblings(&mut nodes);
    group_arrays(xml, &mut nodes);
    let mut out = Printer { out: Vec::new(), indent: i64::from(indent), depth: 0 };
    out.print(xml, &nodes)?;
    let mut json = out.out;
    if let Some(nul) = json.iter().position(|&b| b == 0) {
        json.truncate(nul);
    }
    Some(json)
}

struct Printer {
    out: Vec<u8>,
    indent: i64,
    depth: i64,
}

impl Printer {
    fn spaces(&mut self, n: i64) {
        if n > 0 {
            self.out.resize(self.out.len() + n as usize, b' ');
        }
    }

    /// The spaces of the current level.
    fn pad(&mut self) {
        self.spaces(self.depth.saturating_mul(self.indent).min(MAX_OUTPUT as i64 + 1));
    }

    fn newline(&mut self) {
        if self.indent >= 0 {
            self.out.push(b'\n');
        }
    }

    /// The space after a colon: one when pretty-printing.
    fn colon(&mut self) {
        self.out.push(b':');
        if self.indent >= 0 {
            self.out.push(b' ');
        }
    }

    fn string(&mut self, s: &[u8]) {
        self.out.push(b'"');
        self.out.extend_from_slice(s);
        self.out.push(b'"');
    }

    fn print(&mut self, xml: &[u8], nodes: &[Element]) -> Option<()> {
        let mut current = 0;
        let mut visited = 0usize;
        while let Some(n) = nodes[current].next {
            current = n;
            visited += 1;
            if visited > nodes.len() || self.out.len() > MAX_OUTPUT {
                return if self.out.len() > MAX_OUTPUT { None } else { Some(()) };
            }
            self.element(xml, nodes, current);
        }
        (self.out.len() <= MAX_OUTPUT).then_some(())
    }

    fn element(&mut self, xml: &[u8], nodes: &[Element], id: usize) {
        let c = &nodes[id];
        let parent = &nodes[c.parent.unwrap_or(0)];
        let has_attrs = !c.attributes.is_empty();
        let has_values = !c.values.is_empty();
        // Opening bracket.
        if (c.child_index == 1 && parent.attributes.is_empty() && parent.values.is_empty()) || nodes[0].next == Some(id) {
            if parent.array_index > 1 {
                self.pad();
            }
            self.out.push(b'{');
            self.newline();
            self.depth += 1;
        }
        // Name.
        if c.array_index <= 1 {
            self.pad();
            self.string(&xml[c.name.0..c.name.1]);
            self.colon();
        }
        // Attributes.
        if has_attrs {
            if c.array_index == 1 {
                self.depth += 1;
                self.out.push(b'[');
                self.newline();
            }
            if c.array_index != 0 {
                self.pad();
            }
            self.out.push(b'{');
            self.newline();
            self.depth += 1;
            for (k, (name, value)) in c.attributes.iter().enumerate() {
                self.pad();
                self.out.extend_from_slice(b"\"@");
                self.out.extend_from_slice(&xml[name.0..name.1]);
                self.out.push(b'"');
                self.colon();
                self.string(value);
                if k + 1 < c.attributes.len() || has_values || c.is_parent {
                    self.out.push(b',');
                    self.newline();
                }
            }
            if !has_values && !c.is_parent {
                self.depth -= 1;
                self.newline();
                self.pad();
                self.out.push(b'}');
            }
        }
        // #text.
        if has_values && (has_attrs || c.is_parent) {
            if c.array_index != 0 {
                self.pad();
            }
            if c.is_parent && !has_attrs {
                self.out.push(b'{');
                self.newline();
                self.depth += 1;
            }
            if !(has_attrs && c.array_index != 0) {
                self.pad();
            }
            self.out.extend_from_slice(b"\"#text\"");
            self.colon();
            if c.values.len() > 1 {
                self.out.push(b'[');
                self.newline();
                for (k, value) in c.values.iter().enumerate() {
                    self.spaces((self.depth + 1).saturating_mul(self.indent).min(MAX_OUTPUT as i64 + 1));
                    self.string(value);
                    if k + 1 < c.values.len() {
                        self.out.push(b',');
                        self.newline();
                    } else {
                        self.newline();
                        self.pad();
                        self.out.push(b']');
                    }
                }
            }
        }
        // Array start.
        if c.array_index == 1 && !has_attrs {
            self.depth += 1;
            self.out.push(b'[');
            self.newline();
            if c.is_parent {
                self.pad();
            }
        }
        // null.
        if !has_values && !c.is_parent && !has_attrs {
            if c.array_index != 0 {
                self.pad();
            }
            self.out.extend_from_slice(b"null");
        }
        // One value.
        if c.values.len() == 1 {
            if c.array_index != 0 && !c.is_parent && !has_attrs {
                self.pad();
            }
            self.string(&c.values[0]);
            if has_attrs && !c.is_parent {
                self.depth -= 1;
                self.newline();
                self.pad();
                self.out.push(b'}');
            }
        }
        // Comma.
        if (!c.is_last_child && !c.is_array_end && !c.is_parent) || (c.is_parent && has_values) {
            self.out.push(b',');
            self.newline();
        }
        // Closing brackets up to the next element's parent.
        if (c.is_last_child || c.is_array_end) && !c.is_parent {
            let next_parent = c.next.map(|n| nodes[n].parent);
            let mut p = id;
            let mut steps = 0usize;
            while p != 0 && next_parent != Some(Some(p)) && steps <= nodes.len() {
                steps += 1;
                let node = &nodes[p];
                if node.is_array_end {
                    self.depth -= 1;
                    self.newline();
                    self.pad();
                    self.out.push(b']');
                    if !node.is_last_child {
                        self.out.push(b',');
                    }
                }
                if node.is_last_child {
                    self.depth -= 1;
                    self.newline();
                    self.pad();
                    self.out.push(b'}');
                    let up = &nodes[node.parent.unwrap_or(0)];
                    if !up.is_last_child && !up.is_array_end {
                        self.out.push(b',');
                    }
                }
                match node.parent {
                    Some(up) => p = up,
                    None => break,
                }
            }
            self.newline();
        }
    }
}
