//! The bytes the CSV reader gets: the file, then two newlines, and never more than [`MAX_RECORD_BYTES`] for one
//! record.
//!
//! The `csv` crate reads a whole record before it hands it over, however large: a header of two million columns
//! took 415 MB, and a 150 MB value came back whole. This reader stops it instead: once the record being read has
//! taken [`MAX_RECORD_BYTES`], the next read fails with [`RecordTooLarge`], which the stock reader turns into an
//! error naming the line. Memory per record is therefore bounded whatever the file holds.
//!
//! The two newlines after the file do two things. The first ends a last line that has none, so every record ends in a
//! newline and the reader's line count after it tells where it began. The second tells an unterminated quote apart:
//! a record that is still open at the end of the file swallows both, so it ends two bytes after the file, where any
//! record that was closed ends at most one byte after it (see [`Input::swallowed_the_end`]).

use std::io::{self, Read};

/// The most bytes one record (the header or a row) may take. A row of the 28 known columns at their longest is
/// about 2 KB; an ERP export with a few hundred columns of its own stays far below a megabyte.
pub const MAX_RECORD_BYTES: u64 = 1 << 20;

/// The most columns a header may have: as many as an Excel sheet can have (column `XFD`).
pub const MAX_COLUMNS: usize = 16_384;

/// What follows the file (see the module's documentation).
const SUFFIX: &[u8] = b"\n\n";

/// The error a read returns when the current record has taken [`MAX_RECORD_BYTES`].
#[derive(Debug)]
pub(super) struct RecordTooLarge;

impl std::fmt::Display for RecordTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a record is larger than {MAX_RECORD_BYTES} bytes")
    }
}

impl std::error::Error for RecordTooLarge {}

/// Whether the CSV reader stopped because a record was too large.
pub(super) fn is_too_large(error: &csv::Error) -> bool {
    matches!(error.kind(), csv::ErrorKind::Io(e) if e.get_ref().is_some_and(|e| e.is::<RecordTooLarge>()))
}

/// The file as the CSV reader reads it.
pub(super) struct Input<R> {
    inner: R,
    /// Bytes handed to the CSV reader so far.
    handed: u64,
    /// Where the file ended, once it has.
    end: Option<u64>,
    /// What is left to hand over of [`SUFFIX`].
    suffix: &'static [u8],
    /// The reader may be handed bytes up to here (set at the start of every record).
    limit: u64,
}

impl<R: Read> Input<R> {
    pub(super) fn new(inner: R) -> Self {
        Self { inner, handed: 0, end: None, suffix: SUFFIX, limit: MAX_RECORD_BYTES }
    }

    /// A record starts at byte `start`: it may take [`MAX_RECORD_BYTES`] from there.
    pub(super) fn record_starts_at(&mut self, start: u64) {
        self.limit = start.saturating_add(MAX_RECORD_BYTES);
    }

    /// Whether a record that began at `start` and ended at `end` (byte offsets) ran on past the end of the file: it
    /// had a quote that was never closed.
    pub(super) fn swallowed_the_end(&self, start: u64, end: u64) -> bool {
        self.end.is_some_and(|file_end| start < file_end && end > file_end + 1)
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.handed >= self.limit {
            return Err(io::Error::other(RecordTooLarge));
        }
        let room = usize::try_from(self.limit - self.handed).unwrap_or(usize::MAX).min(buf.len());
        let mut n = 0;
        if self.end.is_none() {
            n = self.inner.read(&mut buf[..room])?;
            if n == 0 && room > 0 {
                self.end = Some(self.handed);
            }
        }
        if self.end.is_some() {
            n = room.min(self.suffix.len());
            buf[..n].copy_from_slice(&self.suffix[..n]);
            self.suffix = &self.suffix[n..];
        }
        self.handed += n as u64;
        Ok(n)
    }
}
