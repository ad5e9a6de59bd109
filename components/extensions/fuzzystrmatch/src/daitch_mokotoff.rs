//! Daitch-Mokotoff Soundex as PostgreSQL 16+ computes it: every six-digit
//! code a name can have, in PostgreSQL's order.
//!
//! Letters are read from UTF-8: ASCII letters, Latin-1 letters as their
//! base letter (ß as S), and Ą, Ę, Ţ/Ț, which have rules of their own;
//! everything else is skipped (so letters on either side of a space or
//! an apostrophe can form one sequence). The coding chart is that of
//! jewishgen.org, with the same "UE" rule as PostgreSQL's.

/// The coding chart: letter sequences (`[`, `\` and `]` standing for Ą, Ę
/// and Ţ) and their codes at the start of a name, before a vowel, and
/// elsewhere (`X`: not coded); `|` separates two alternatives.
const CHART: &[(&str, &str)] = &[
    ("AI,AJ,AY", "0,1,X"),
    ("AU", "0,7,X"),
    ("[", "X,X,6|X,X,X"),
    ("A", "0,X,X"),
    ("B", "7,7,7"),
    ("CHS", "5,54,54"),
    ("CH", "5,5,5|4,4,4"),
    ("CK", "5,5,5|45,45,45"),
    ("CZ,CS,CSZ,CZS", "4,4,4"),
    ("C", "5,5,5|4,4,4"),
    ("DRZ,DRS", "4,4,4"),
    ("DS,DSH,DSZ", "4,4,4"),
    ("DZ,DZH,DZS", "4,4,4"),
    ("D,DT", "3,3,3"),
    ("EI,EJ,EY", "0,1,X"),
    ("EU", "1,1,X"),
    ("\\", "X,X,6|X,X,X"),
    ("E", "0,X,X"),
    ("FB", "7,7,7"),
    ("F", "7,7,7"),
    ("G", "5,5,5"),
    ("H", "5,5,X"),
    ("IA,IE,IO,IU", "1,X,X"),
    ("I", "0,X,X"),
    ("J", "1,X,X|4,4,4"),
    ("KS", "5,54,54"),
    ("KH", "5,5,5"),
    ("K", "5,5,5"),
    ("L", "8,8,8"),
    ("MN", "66,66,66"),
    ("M", "6,6,6"),
    ("NM", "66,66,66"),
    ("N", "6,6,6"),
    ("OI,OJ,OY", "0,1,X"),
    ("O", "0,X,X"),
    ("P,PF,PH", "7,7,7"),
    ("Q", "5,5,5"),
    ("RZ,RS", "94,94,94|4,4,4"),
    ("R", "9,9,9"),
    ("SCHTSCH,SCHTSH,SCHTCH", "2,4,4"),
    ("SCH", "4,4,4"),
    ("SHTCH,SHCH,SHTSH", "2,4,4"),
    ("SHT,SCHT,SCHD", "2,43,43"),
    ("SH", "4,4,4"),
    ("STCH,STSCH,SC", "2,4,4"),
    ("STRZ,STRS,STSH", "2,4,4"),
    ("ST", "2,43,43"),
    ("SZCZ,SZCS", "2,4,4"),
    ("SZT,SHD,SZD,SD", "2,43,43"),
    ("SZ", "4,4,4"),
    ("S", "4,4,4"),
    ("TCH,TTCH,TTSCH", "4,4,4"),
    ("TH", "3,3,3"),
    ("TRZ,TRS", "4,4,4"),
    ("TSCH,TSH", "4,4,4"),
    ("TS,TTS,TTSZ,TC", "4,4,4"),
    ("TZ,TTZ,TZS,TSZ", "4,4,4"),
    ("]", "3,3,3|4,4,4"),
    ("T", "3,3,3"),
    ("UI,UJ,UY,UE", "0,1,X"),
    ("U", "0,X,X"),
    ("V", "7,7,7"),
    ("W", "7,7,7"),
    ("X", "5,54,54"),
    ("Y", "1,X,X"),
    ("ZDZ,ZDZH,ZHDZH", "2,4,4"),
    ("ZD,ZHD", "2,43,43"),
    ("ZH,ZS,ZSCH,ZSH", "4,4,4"),
    ("Z", "4,4,4"),
];

/// One alternative: codes at the start, before a vowel, and elsewhere.
type Codes = [&'static str; 3];

/// The codes of a letter sequence: one or two alternatives.
type Coding = Vec<Codes>;

/// The chart as a map from letter sequences (and, as None, the prefixes
/// of longer ones) to their codings, made once.
fn chart() -> &'static std::collections::HashMap<&'static str, Option<Coding>> {
    static CHART_MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, Option<Coding>>> =
        std::sync::OnceLock::new();
    CHART_MAP.get_or_init(make_chart)
}

fn make_chart() -> std::collections::HashMap<&'static str, Option<Coding>> {
    let mut map = std::collections::HashMap::new();
    for (letters, codes) in CHART {
        let coding: Coding = codes
            .split('|')
            .map(|alt| {
                let mut it = alt.split(',');
                [it.next().unwrap(), it.next().unwrap(), it.next().unwrap()]
            })
            .collect();
        for seq in letters.split(',') {
            for end in 1..seq.len() {
                map.entry(&seq[..end]).or_insert(None);
            }
            map.insert(seq, Some(coding.clone()));
        }
    }
    map
}

/// Latin-1 letters (from U+00C0) as the upper-case ASCII letter they are
/// read as; `*` and `/` (× and ÷) are not letters.
const LATIN1: &[u8; 64] = b"AAAAAAECEEEEIIIIDNOOOOO*OUUUUYDSAAAAAAECEEEEIIIIDNOOOOO/OUUUUYDY";

/// A character as the chart reads it: `A`-`Z`, `[`, `\`, `]`, or None.
fn letter(c: char) -> Option<u8> {
    let b = match c as u32 {
        0x41..=0x5A => c as u8,
        0x61..=0x7A => c as u8 - 32,
        0xC0..=0xFF => LATIN1[(c as u32 - 0xC0) as usize],
        0x104 | 0x105 => b'[',
        0x118 | 0x119 => b'\\',
        0x162 | 0x163 | 0x21A | 0x21B => b']',
        _ => return None,
    };
    (b.is_ascii_uppercase() || matches!(b, b'[' | b'\\' | b']')).then_some(b)
}

/// The next letter sequence from `letters[*ix..]`: the longest the chart
/// codes, and its coding.
fn read_sequence(letters: &[u8], ix: &mut usize, longest: usize) -> Option<Coding> {
    let chart = chart();
    let start = *ix;
    let first = std::str::from_utf8(letters.get(start..start + 1)?).ok()?;
    let mut coding = chart.get(first)?.clone()?;
    *ix = start + 1;
    let mut end = start + 1;
    while end < letters.len() && end - start < longest {
        end += 1;
        let seq = std::str::from_utf8(&letters[start..end]).ok()?;
        match chart.get(seq) {
            None => break,
            Some(None) => {}
            Some(Some(c)) => {
                coding = c.clone();
                *ix = end;
            }
        }
    }
    Some(coding)
}

/// A node of the tree of codes: a code so far and what the last letter
/// added to it.
#[derive(Clone)]
struct Node {
    soundex: [u8; 6],
    length: usize,
    is_leaf: bool,
    last_update: usize,
    prev_digits: [u8; 2],
    next_digits: [u8; 2],
    prev_index: u8,
    next_index: u8,
    children: [Option<usize>; 10],
    next: [Option<usize>; 2],
}

const START: Node = Node {
    soundex: *b"000000",
    length: 0,
    is_leaf: false,
    last_update: 0,
    prev_digits: [0; 2],
    next_digits: [0; 2],
    prev_index: 0,
    next_index: 0,
    children: [None; 10],
    next: [None; 2],
};

/// The tree, its lists of leaves (alternating per letter) and the codes
/// completed so far, in the order they were completed.
struct Tree {
    nodes: Vec<Node>,
    first: [Option<usize>; 2],
    last: [Option<usize>; 2],
    done: Vec<String>,
}

impl Tree {
    fn initialize(&mut self, n: usize, letter_no: usize) {
        let node = &mut self.nodes[n];
        if node.last_update < letter_no {
            node.prev_digits = node.next_digits;
            node.next_digits = [0; 2];
            node.prev_index = node.next_index;
            node.next_index = 0;
            node.is_leaf = false;
            node.last_update = letter_no;
        }
    }

    fn add_next_digit(&mut self, n: usize, index: u8, digit: u8) {
        let node = &mut self.nodes[n];
        node.next_index |= index;
        if node.next_digits[0] == 0 {
            node.next_digits[0] = digit;
        } else if node.next_digits[0] != digit {
            node.next_digits[1] = digit;
        }
    }

    fn set_leaf(&mut self, n: usize, ix: usize) {
        if !self.nodes[n].is_leaf {
            self.nodes[n].is_leaf = true;
            match self.last[ix] {
                None => self.first[ix] = Some(n),
                Some(l) => self.nodes[l].next[ix] = Some(n),
            }
            self.last[ix] = Some(n);
            self.nodes[n].next[ix] = None;
        }
    }

    /// The child for one more digit; None when that code is complete.
    fn child(&mut self, parent: usize, digit: u8) -> Option<usize> {
        let d = (digit - b'0') as usize;
        if let Some(c) = self.nodes[parent].children[d] {
            return (self.nodes[c].length < 6).then_some(c);
        }
        let mut node = START.clone();
        node.soundex = self.nodes[parent].soundex;
        node.length = self.nodes[parent].length;
        node.soundex[node.length] = digit;
        node.length += 1;
        let complete = node.length == 6;
        let code = String::from_utf8(node.soundex.to_vec()).expect("digits");
        self.nodes.push(node);
        let c = self.nodes.len() - 1;
        self.nodes[parent].children[d] = Some(c);
        if complete {
            self.done.push(code);
            None
        } else {
            Some(c)
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn update(
        &mut self,
        n: usize,
        ix: usize,
        letter_no: usize,
        prev_index: u8,
        next_index: u8,
        digits: &[u8],
        digit_no: usize,
    ) {
        self.initialize(n, letter_no);
        let (node_prev_index, prev_digits) = (self.nodes[n].prev_index, self.nodes[n].prev_digits);
        if node_prev_index != 0 && node_prev_index & prev_index == 0 {
            // This letter's sound (vowel or consonant) does not fit how the
            // previous letter was coded.
            return;
        }
        let digit = digits.get(digit_no).copied().unwrap_or(0);
        let mut dirty = Vec::with_capacity(2);
        if digit == b'X' || (digit_no == 0 && (prev_digits[0] == digit || prev_digits[1] == digit))
        {
            dirty.push(n);
        }
        if digit != b'X'
            && (digit_no > 0 || prev_digits[0] != digit || prev_digits[1] != 0)
            && let Some(c) = self.child(n, digit)
        {
            self.initialize(c, letter_no);
            dirty.push(c);
        }
        // As in PostgreSQL, the digit position moves on once per node
        // (a second node sees the position after the first's).
        let mut pos = digit_no;
        for d in dirty {
            self.add_next_digit(d, next_index, digit);
            pos += 1;
            if digits.get(pos).is_some_and(|&b| b != 0) {
                self.update(d, ix, letter_no, prev_index, next_index, digits, pos);
            } else {
                self.set_leaf(d, ix);
            }
        }
    }

    fn update_leaves(&mut self, ix: &mut usize, letter_no: usize, coding: &Coding, next: &Coding) {
        let nx = (*ix + 1) & 1;
        self.first[nx] = None;
        self.last[nx] = None;
        let mut cur = self.first[*ix];
        while let Some(n) = cur {
            for codes in coding {
                let prev_index = if codes[0].as_bytes()[0] > b'1' { 2 } else { 1 };
                for next_codes in next {
                    let index = if letter_no == 0 {
                        0
                    } else if next_codes[0].as_bytes()[0] <= b'1' {
                        1
                    } else {
                        2
                    };
                    self.update(
                        n,
                        nx,
                        letter_no,
                        prev_index,
                        index,
                        codes[index as usize].as_bytes(),
                        0,
                    );
                }
            }
            cur = self.nodes[n].next[*ix];
        }
        *ix = nx;
    }
}

/// Every Daitch-Mokotoff code of `text`, in PostgreSQL's order; None when
/// it has no letter to code.
pub fn daitch_mokotoff(text: &str) -> Option<Vec<String>> {
    let longest = CHART
        .iter()
        .flat_map(|(l, _)| l.split(','))
        .map(str::len)
        .max()
        .unwrap_or(1);
    let letters: Vec<u8> = text
        .chars()
        .take_while(|&c| c != '\0')
        .filter_map(letter)
        .collect();
    let mut i = 0;
    let mut coding = read_sequence(&letters, &mut i, longest)?;
    let end: Coding = vec![["X", "X", "X"]];
    let mut tree = Tree {
        nodes: vec![START.clone()],
        first: [Some(0), None],
        last: [None, None],
        done: Vec::new(),
    };
    let mut ix = 0;
    let mut letter_no = 0;
    loop {
        if tree.first[ix].is_none() {
            break;
        }
        let next = if i < letters.len() {
            read_sequence(&letters, &mut i, longest)
        } else {
            None
        };
        tree.update_leaves(&mut ix, letter_no, &coding, next.as_ref().unwrap_or(&end));
        letter_no += 1;
        match next {
            Some(n) => coding = n,
            None => break,
        }
    }
    let mut out = tree.done;
    let mut cur = tree.first[ix];
    while let Some(n) = cur {
        out.push(String::from_utf8(tree.nodes[n].soundex.to_vec()).expect("digits"));
        cur = tree.nodes[n].next[ix];
    }
    Some(out)
}
