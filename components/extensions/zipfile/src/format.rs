//! The parts of the ZIP format zipfile.c reads and writes: the central
//! directory record (CDS), the local file header (LFH), the end of central
//! directory record (EOCD), the extended-timestamp extra field, and MS-DOS
//! dates, each laid out and converted exactly as zipfile.c does (so that
//! archives written here are byte-for-byte the ones it writes). No zip64,
//! no encryption, no multi-disk archives: zipfile.c has none of them.

/// First four bytes of a central directory record.
pub const SIGNATURE_CDS: u32 = 0x0201_4b50;
/// First four bytes of a local file header.
pub const SIGNATURE_LFH: u32 = 0x0403_4b50;
/// First four bytes of the end of central directory record.
pub const SIGNATURE_EOCD: u32 = 0x0605_4b50;
/// The fixed-size part of a local file header.
pub const LFH_FIXED_SIZE: usize = 30;
/// The fixed-size part of a central directory record.
pub const CDS_FIXED_SIZE: usize = 46;
/// Header id of the extended-timestamp extra field ("UT").
pub const EXTRA_TIMESTAMP: u16 = 0x5455;
/// The extra data zipfile.c writes for a new entry: one extended timestamp.
pub const NEW_EXTRA_SIZE: u16 = 9;
/// "Version made by" of new entries: Unix (3), specification 3.0 (30), as info-zip writes.
pub const NEW_MADE_BY: u16 = (3 << 8) + 30;
/// "Version needed to extract" of new entries: 2.0 (directories, deflate).
pub const NEW_REQUIRED: u16 = 20;
/// General-purpose flags of new entries: bit 11, UTF-8 names.
pub const NEW_FLAGS: u16 = 0x800;

/// POSIX file type bits, as zipfile.c defines them.
pub const S_IFDIR: u32 = 0o040000;
/// A regular file.
pub const S_IFREG: u32 = 0o100000;
/// A symbolic link.
pub const S_IFLNK: u32 = 0o120000;

/// The fixed fields of a central directory record, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cds {
    /// Version made by.
    pub made_by: u16,
    /// Version needed to extract.
    pub version_needed: u16,
    /// General-purpose bit flags.
    pub flags: u16,
    /// Compression method: 0 stored, 8 deflated.
    pub method: u16,
    /// MS-DOS modification time.
    pub dos_time: u16,
    /// MS-DOS modification date.
    pub dos_date: u16,
    /// CRC-32 of the uncompressed data.
    pub crc32: u32,
    /// Size of the stored (possibly compressed) data.
    pub compressed_size: u32,
    /// Size of the data uncompressed.
    pub uncompressed_size: u32,
    /// Length of the file name.
    pub name_len: u16,
    /// Length of the extra field.
    pub extra_len: u16,
    /// Length of the file comment.
    pub comment_len: u16,
    /// Disk number start.
    pub disk_start: u16,
    /// Internal file attributes.
    pub internal_attr: u16,
    /// External file attributes: the Unix mode in the high 16 bits.
    pub external_attr: u32,
    /// Offset of the entry's local file header.
    pub lfh_offset: u32,
}

/// The end of central directory record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Eocd {
    /// Number of this disk.
    pub disk: u16,
    /// Disk where the central directory starts.
    pub first_disk: u16,
    /// Entries in the central directory on this disk.
    pub entries: u16,
    /// Entries in the central directory.
    pub entries_total: u16,
    /// Size of the central directory.
    pub cds_size: u32,
    /// Offset of the central directory.
    pub cds_offset: u32,
}

/// A little-endian u16 at `at`.
pub fn u16_at(buf: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([buf[at], buf[at + 1]])
}

/// A little-endian u32 at `at`.
pub fn u32_at(buf: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]])
}

impl Cds {
    /// Decodes the fixed part of a CDS record (`buf` holds at least
    /// [`CDS_FIXED_SIZE`] bytes); `None` when the signature is wrong.
    pub fn parse(buf: &[u8]) -> Option<Cds> {
        if u32_at(buf, 0) != SIGNATURE_CDS {
            return None;
        }
        Some(Cds {
            made_by: u16_at(buf, 4),
            version_needed: u16_at(buf, 6),
            flags: u16_at(buf, 8),
            method: u16_at(buf, 10),
            dos_time: u16_at(buf, 12),
            dos_date: u16_at(buf, 14),
            crc32: u32_at(buf, 16),
            compressed_size: u32_at(buf, 20),
            uncompressed_size: u32_at(buf, 24),
            name_len: u16_at(buf, 28),
            extra_len: u16_at(buf, 30),
            comment_len: u16_at(buf, 32),
            disk_start: u16_at(buf, 34),
            internal_attr: u16_at(buf, 36),
            external_attr: u32_at(buf, 38),
            lfh_offset: u32_at(buf, 42),
        })
    }

    /// Appends the fixed part of the record (name and extra follow it).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&SIGNATURE_CDS.to_le_bytes());
        for v in [self.made_by, self.version_needed, self.flags, self.method, self.dos_time, self.dos_date] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [self.crc32, self.compressed_size, self.uncompressed_size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [self.name_len, self.extra_len, self.comment_len, self.disk_start, self.internal_attr] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.external_attr.to_le_bytes());
        out.extend_from_slice(&self.lfh_offset.to_le_bytes());
    }

    /// Appends the local file header zipfile.c writes for a new entry: the
    /// CDS's fields, the name, and a 9-byte extended timestamp of `mtime`.
    pub fn write_lfh(&self, name: &[u8], mtime: u32, out: &mut Vec<u8>) {
        out.extend_from_slice(&SIGNATURE_LFH.to_le_bytes());
        for v in [self.version_needed, self.flags, self.method, self.dos_time, self.dos_date] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [self.crc32, self.compressed_size, self.uncompressed_size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.name_len.to_le_bytes());
        out.extend_from_slice(&NEW_EXTRA_SIZE.to_le_bytes());
        out.extend_from_slice(&name[..self.name_len as usize]);
        write_timestamp_extra(mtime, out);
    }
}

/// Appends an extended-timestamp extra field holding only the modification time.
pub fn write_timestamp_extra(mtime: u32, out: &mut Vec<u8>) {
    out.extend_from_slice(&EXTRA_TIMESTAMP.to_le_bytes());
    out.extend_from_slice(&5u16.to_le_bytes());
    out.push(0x01);
    out.extend_from_slice(&mtime.to_le_bytes());
}

/// The name length and extra length of a local file header (`buf` holds at
/// least [`LFH_FIXED_SIZE`] bytes); `None` when the signature is wrong.
pub fn parse_lfh_lengths(buf: &[u8]) -> Option<(u16, u16)> {
    (u32_at(buf, 0) == SIGNATURE_LFH).then(|| (u16_at(buf, 26), u16_at(buf, 28)))
}

impl Eocd {
    /// Finds the record in the last bytes of an archive (`tail`, at most
    /// 64 KiB), scanning back for its signature as zipfile.c does; `None`
    /// when there is none.
    pub fn find(tail: &[u8]) -> Option<Eocd> {
        let last = tail.len().checked_sub(20)?;
        let at = (0..=last).rev().find(|&i| tail[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])? + 4;
        Some(Eocd {
            disk: u16_at(tail, at),
            first_disk: u16_at(tail, at + 2),
            entries: u16_at(tail, at + 4),
            entries_total: u16_at(tail, at + 6),
            cds_size: u32_at(tail, at + 8),
            cds_offset: u32_at(tail, at + 12),
        })
    }

    /// Appends the record, with an empty comment.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&SIGNATURE_EOCD.to_le_bytes());
        for v in [self.disk, self.first_disk, self.entries, self.entries_total] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.cds_size.to_le_bytes());
        out.extend_from_slice(&self.cds_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
    }
}

/// The modification time of an extended-timestamp field among `extra`
/// fields, if one has it. Fields whose declared size runs past the end are
/// not read (zipfile.c reads past them).
pub fn extra_mtime(extra: &[u8]) -> Option<u32> {
    let mut rest = extra;
    let mut found = None;
    while rest.len() >= 4 {
        let (id, size) = (u16_at(rest, 0), u16_at(rest, 2) as usize);
        let Some(data) = rest.get(4..4 + size) else { break };
        // The last such field wins, as in zipfile.c's scan.
        if id == EXTRA_TIMESTAMP && data.first().is_some_and(|flags| flags & 0x01 != 0) && data.len() >= 5 {
            found = Some(u32_at(data, 1));
        }
        rest = &rest[4 + size..];
    }
    found
}

/// A Unix time as an MS-DOS (time, date) pair, with zipfile.c's Julian-day
/// arithmetic; (0, 0) before 1980.
pub fn unix_to_dos(unix: u32) -> (u16, u16) {
    let jd: i64 = 2_440_588 + i64::from(unix / 86_400);
    let a = ((jd as f64 - 1_867_216.25) / 36_524.25) as i32;
    let a = (jd + 1 + i64::from(a) - i64::from(a / 4)) as i32;
    let b = a + 1524;
    let c = ((f64::from(b) - 122.1) / 365.25) as i32;
    let d = (36_525 * (c & 32_767)) / 100;
    let e = (f64::from(b - d) / 30.6001) as i32;
    let day = b - d - (30.6001 * f64::from(e)) as i32;
    let month = if e < 14 { e - 1 } else { e - 13 };
    let year = if month > 2 { c - 4716 } else { c - 4715 };
    let hour = (unix % 86_400) / 3600;
    let minute = (unix % 3600) / 60;
    let second = unix % 60;
    if year >= 1980 {
        let date = (day + (month << 5) + ((year - 1980) << 9)) as u16;
        let time = (second / 2 + (minute << 5) + (hour << 11)) as u16;
        (time, date)
    } else {
        (0, 0)
    }
}

/// An MS-DOS (time, date) pair as a Unix time, read as UTC, with zipfile.c's
/// arithmetic (and its wrapping to 32 bits).
pub fn dos_to_unix(time: u16, date: u16) -> u32 {
    let mut year = 1980 + i32::from((date >> 9) & 0x7f);
    let mut month = i32::from((date >> 5) & 0x0f);
    let day = i32::from(date & 0x1f);
    let second = i64::from(time & 0x1f) * 2;
    let minute = i64::from((time >> 5) & 0x3f);
    let hour = i64::from((time >> 11) & 0x1f);
    if month <= 2 {
        year -= 1;
        month += 12;
    }
    let x1 = 36_525 * (year + 4716) / 100;
    let x2 = 306_001 * (month + 1) / 10_000;
    let a = year / 100;
    let b = 2 - a + a / 4;
    let jd_seconds = ((f64::from(x1 + x2 + day + b) - 1524.5) * 86_400.0) as i64 + hour * 3600 + minute * 60 + second;
    (jd_seconds - 24_405_875 * 8640) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dos_times_round_trip_to_the_even_second_from_1980() {
        // 2001-09-09 01:46:40 UTC: the 0x2b29 0x0dd4 zipfile.c writes for it.
        assert_eq!(unix_to_dos(1_000_000_000), (0x0dd4, 0x2b29));
        assert_eq!(dos_to_unix(0x0dd4, 0x2b29), 1_000_000_000);
        for unix in [315_532_800u32, 315_532_801, 951_782_400, 1_700_000_001, 4_000_000_000] {
            let (t, d) = unix_to_dos(unix);
            assert_eq!(dos_to_unix(t, d), unix - unix % 2, "{unix}");
        }
        // Before 1980 there is no DOS date.
        assert_eq!(unix_to_dos(0), (0, 0));
        assert_eq!(unix_to_dos(315_532_799), (0, 0));
    }

    #[test]
    fn a_zero_dos_date_reads_as_zipfile_c_reads_it() {
        // Day 0 of month 0 of 1980: 1979-11-30 in zipfile.c's arithmetic.
        assert_eq!(dos_to_unix(0, 0), 312_768_000);
    }

    #[test]
    fn the_timestamp_extra_field_is_found_among_others() {
        let mut extra = vec![0x0a, 0x00, 0x02, 0x00, 0xaa, 0xbb];
        write_timestamp_extra(1234, &mut extra);
        assert_eq!(extra_mtime(&extra), Some(1234));
        // Without the modification-time flag, or cut short: none.
        assert_eq!(extra_mtime(&[0x55, 0x54, 0x05, 0x00, 0x00, 1, 2, 3, 4]), None);
        assert_eq!(extra_mtime(&[0x55, 0x54, 0x05, 0x00, 0x01, 1, 2]), None);
        assert_eq!(extra_mtime(&[]), None);
    }

    #[test]
    fn records_read_back_what_was_written() {
        let cds = Cds { made_by: NEW_MADE_BY, method: 8, crc32: 7, name_len: 3, extra_len: 9, external_attr: 0o100644 << 16, lfh_offset: 99, ..Cds::default() };
        let mut out = Vec::new();
        cds.write(&mut out);
        assert_eq!(out.len(), CDS_FIXED_SIZE);
        assert_eq!(Cds::parse(&out), Some(cds.clone()));
        out.clear();
        cds.write_lfh(b"abc", 5, &mut out);
        assert_eq!(out.len(), LFH_FIXED_SIZE + 3 + 9);
        assert_eq!(parse_lfh_lengths(&out), Some((3, 9)));
        let eocd = Eocd { entries: 2, entries_total: 2, cds_size: 10, cds_offset: 20, ..Eocd::default() };
        out.clear();
        out.extend_from_slice(b"junk");
        eocd.write(&mut out);
        assert_eq!(out.len(), 4 + 22);
        assert_eq!(Eocd::find(&out), Some(eocd));
        assert_eq!(Eocd::find(&out[..20]), None);
    }
}
