//! The parts of cwalk v1.2.6 (commit 08e7520) that sqlite-path calls, in
//! cwalk's unix style (the only one sqlite-path sets): the same walk over
//! segments, step for step, on byte strings. A path ends at its first NUL,
//! as the C string sqlite-path hands cwalk does; callers cut it there.
//!
//! A segment is a run of bytes between `/`s after the root (`/` when the
//! path starts with one). `.` is a "current" segment, `..` a "back" one,
//! anything else "normal". Joining and normalizing drop current segments,
//! a normal segment that a later back segment cancels, and back segments
//! right after the root of an absolute path.

/// A segment of one path: its bytes are `path[begin..end]`, and the
/// segments (after the root) start at `segments`.
#[derive(Clone, Copy, Debug)]
pub struct Segment<'a> {
    pub path: &'a [u8],
    pub segments: usize,
    pub begin: usize,
    pub end: usize,
}

/// cwalk's `enum cwk_segment_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentType {
    Normal,
    Current,
    Back,
}

fn is_separator(path: &[u8], i: usize) -> bool {
    path.get(i) == Some(&b'/')
}

/// `*c == '\0'`: the end of the string.
fn at_end(path: &[u8], i: usize) -> bool {
    i >= path.len()
}

fn find_next_stop(path: &[u8], mut c: usize) -> usize {
    while !at_end(path, c) && !is_separator(path, c) {
        c += 1;
    }
    c
}

fn find_previous_stop(path: &[u8], begin: usize, mut c: usize) -> usize {
    while c > begin && !is_separator(path, c) {
        c -= 1;
    }
    if is_separator(path, c) { c + 1 } else { c }
}

/// `cwk_path_get_root` (unix): 1 when the path starts with `/`, else 0.
pub fn root_length(path: &[u8]) -> usize {
    usize::from(is_separator(path, 0))
}

fn is_root_absolute(path: &[u8], length: usize) -> bool {
    length != 0 && is_separator(path, length - 1)
}

/// `cwk_path_is_absolute`.
pub fn is_absolute(path: &[u8]) -> bool {
    is_root_absolute(path, root_length(path))
}

impl<'a> Segment<'a> {
    pub fn bytes(&self) -> &'a [u8] {
        &self.path[self.begin..self.end]
    }

    fn size(&self) -> usize {
        self.end - self.begin
    }

    /// `cwk_path_get_first_segment_without_root`: on failure the segment
    /// is still set (empty, at `segments`), as in C.
    fn first_without_root(path: &'a [u8], segments: usize) -> (bool, Segment<'a>) {
        let mut s = Segment { path, segments, begin: segments, end: segments };
        let mut c = segments;
        if at_end(path, c) {
            return (false, s);
        }
        while is_separator(path, c) {
            c += 1;
            if at_end(path, c) {
                return (false, s);
            }
        }
        s.begin = c;
        s.end = find_next_stop(path, c);
        (true, s)
    }

    /// `cwk_path_get_first_segment`.
    pub fn first(path: &'a [u8]) -> (bool, Segment<'a>) {
        Self::first_without_root(path, root_length(path))
    }

    /// `cwk_path_get_last_segment`.
    pub fn last(path: &'a [u8]) -> (bool, Segment<'a>) {
        let (found, mut s) = Self::first(path);
        if found {
            while s.next_segment() {}
        }
        (found, s)
    }

    fn last_without_root(path: &'a [u8]) -> (bool, Segment<'a>) {
        let (found, mut s) = Self::first_without_root(path, 0);
        if found {
            while s.next_segment() {}
        }
        (found, s)
    }

    /// `cwk_path_get_next_segment`.
    pub fn next_segment(&mut self) -> bool {
        let mut c = self.begin + self.size();
        if at_end(self.path, c) {
            return false;
        }
        debug_assert!(is_separator(self.path, c));
        loop {
            c += 1;
            if !is_separator(self.path, c) {
                break;
            }
        }
        if at_end(self.path, c) {
            return false;
        }
        self.begin = c;
        self.end = find_next_stop(self.path, c);
        true
    }

    /// `cwk_path_get_previous_segment`.
    pub fn previous_segment(&mut self) -> bool {
        let mut c = self.begin as isize;
        let segments = self.segments as isize;
        if c <= segments {
            return false;
        }
        loop {
            c -= 1;
            if c < segments {
                return false;
            }
            if !is_separator(self.path, c as usize) {
                break;
            }
        }
        self.end = c as usize + 1;
        self.begin = find_previous_stop(self.path, self.segments, c as usize);
        true
    }

    /// `cwk_path_get_segment_type`.
    pub fn kind(&self) -> SegmentType {
        match self.bytes() {
            b"." => SegmentType::Current,
            b".." => SegmentType::Back,
            _ => SegmentType::Normal,
        }
    }
}

/// `struct cwk_segment_joined`: the segments of several paths as one path.
/// `paths` ends where C's array has its NULL.
#[derive(Clone, Copy)]
struct Joined<'p, 'a> {
    segment: Segment<'a>,
    paths: &'p [&'a [u8]],
    index: usize,
}

impl<'p, 'a> Joined<'p, 'a> {
    fn first(paths: &'p [&'a [u8]]) -> (bool, Joined<'p, 'a>) {
        let mut j = Joined { segment: Segment { path: b"", segments: 0, begin: 0, end: 0 }, paths, index: 0 };
        let mut found = false;
        while j.index < paths.len() {
            let (f, s) = Segment::first(paths[j.index]);
            j.segment = s;
            found = f;
            if found {
                break;
            }
            j.index += 1;
        }
        (found, j)
    }

    fn next(&mut self) -> bool {
        if self.index >= self.paths.len() {
            return false;
        }
        if self.segment.next_segment() {
            return true;
        }
        loop {
            self.index += 1;
            if self.index >= self.paths.len() {
                return false;
            }
            let (found, s) = Segment::first_without_root(self.paths[self.index], 0);
            self.segment = s;
            if found {
                return true;
            }
        }
    }

    fn previous(&mut self) -> bool {
        if self.paths.is_empty() {
            return false;
        }
        if self.segment.previous_segment() {
            return true;
        }
        loop {
            if self.index == 0 {
                return false;
            }
            self.index -= 1;
            let (found, s) =
                if self.index == 0 { Segment::last(self.paths[0]) } else { Segment::last_without_root(self.paths[self.index]) };
            self.segment = s;
            if found {
                return true;
            }
        }
    }

    fn back_will_be_removed(mut self) -> bool {
        let mut counter = 0i32;
        while self.previous() {
            match self.segment.kind() {
                SegmentType::Normal => {
                    counter += 1;
                    if counter > 0 {
                        return true;
                    }
                }
                SegmentType::Back => counter -= 1,
                SegmentType::Current => {}
            }
        }
        false
    }

    fn normal_will_be_removed(mut self) -> bool {
        let mut counter = 0i32;
        while self.next() {
            match self.segment.kind() {
                SegmentType::Normal => counter += 1,
                SegmentType::Back => {
                    counter -= 1;
                    if counter < 0 {
                        return true;
                    }
                }
                SegmentType::Current => {}
            }
        }
        false
    }

    fn will_be_removed(&self, absolute: bool) -> bool {
        match self.segment.kind() {
            SegmentType::Current => true,
            SegmentType::Back if absolute => true,
            SegmentType::Back => self.back_will_be_removed(),
            SegmentType::Normal => self.normal_will_be_removed(),
        }
    }

    fn skip_invisible(&mut self, absolute: bool) -> bool {
        while self.will_be_removed(absolute) {
            if !self.next() {
                return false;
            }
        }
        true
    }
}

/// `cwk_path_join_and_normalize_multiple` (what `cwk_path_join` and
/// `cwk_path_normalize` are), without a buffer limit.
pub fn join_and_normalize(paths: &[&[u8]]) -> Vec<u8> {
    let first = paths.first().copied().unwrap_or(b"");
    let pos = root_length(first);
    let absolute = is_root_absolute(first, pos);
    let mut out = first[..pos].to_vec();
    let (found, mut j) = Joined::first(paths);
    if !found {
        return out;
    }
    let mut has_segment_output = false;
    loop {
        if !j.will_be_removed(absolute) {
            if has_segment_output {
                out.push(b'/');
            }
            has_segment_output = true;
            out.extend_from_slice(j.segment.bytes());
        }
        if !j.next() {
            break;
        }
    }
    if !has_segment_output && out.is_empty() {
        out.push(b'.');
    }
    out
}

/// `cwk_path_get_intersection`: the length of the leading part of `base`
/// that `other` shares, segment by segment after normalizing.
pub fn intersection(base: &[u8], other: &[u8]) -> usize {
    let base_root = root_length(base);
    let other_root = root_length(other);
    if base_root != other_root || base[..base_root] != other[..other_root] {
        return 0;
    }
    let (base_paths, other_paths) = ([base], [other]);
    let (fb, mut b) = Joined::first(&base_paths);
    let (fo, mut o) = Joined::first(&other_paths);
    if !fb || !fo {
        return base_root;
    }
    let absolute = is_root_absolute(base, base_root);
    let mut end = base_root;
    loop {
        if !b.skip_invisible(absolute) || !o.skip_invisible(absolute) {
            break;
        }
        if b.segment.bytes() != o.segment.bytes() {
            return end;
        }
        end = b.segment.end;
        if !(b.next() && o.next()) {
            break;
        }
    }
    end
}

/// `cwk_path_get_dirname`: the length of the path before its last segment
/// (0 when it has none).
pub fn dirname_length(path: &[u8]) -> usize {
    match Segment::last(path) {
        (true, s) => s.begin,
        (false, _) => 0,
    }
}

/// `cwk_path_get_extension`: from the last `.` of the last segment to its
/// end (a leading `.` counts: `.bashrc` is all extension).
pub fn extension(path: &[u8]) -> Option<&[u8]> {
    let (found, s) = Segment::last(path);
    if !found {
        return None;
    }
    s.bytes().iter().rposition(|&c| c == b'.').map(|i| &path[s.begin + i..s.end])
}
