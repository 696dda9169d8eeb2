//! What an import knows of the corporation's units while it reads a file: those already stored (id, fingerprint,
//! in use) and the ids the file has brought so far, to find duplicate rows and units missing from the file.
//!
//! At national scale that is 2.3 million entries twice, so they are kept compact: the fingerprint as its 16 bytes
//! instead of 32 hex characters, ids as boxed strings, stored units read as a stream instead of all rows at once,
//! and "seen" as a line number inside a stored unit's entry instead of a second map. A re-import of the national file
//! peaked at 1.6 GB before (all rows held as read, then two maps of strings).

use crate::sql::{self, Conn};
use crate::Result;
use futures_util::TryStreamExt;
use std::collections::hash_map::Entry;

/// Maps of millions of ids: foldhash hashes a short id several times faster than the standard SipHash (still seeded
/// per process), which showed in the profile of a national import, growing and all.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A fingerprint as its bytes (stored as 32 lowercase hex characters).
pub(crate) type Print = [u8; 16];

/// Reads a stored fingerprint; `None` for anything that is not 32 hex characters (so the unit counts as changed and
/// is written again with a proper one).
pub(crate) fn print_from_hex(hex: &str) -> Option<Print> {
    if hex.len() != 32 || !hex.is_ascii() {
        return None;
    }
    let mut print = [0u8; 16];
    for (byte, pair) in print.iter_mut().zip(hex.as_bytes().chunks(2)) {
        let pair = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(print)
}

/// A unit already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stored {
    pub(crate) id: i64,
    pub(crate) print: Option<Print>,
    pub(crate) in_use: bool,
    /// The line of this file that brought it; 0 while it has not come.
    seen_on: u32,
}

/// The corporation's units before the import, and the ids of the file so far.
#[derive(Debug, Default)]
pub(crate) struct KnownUnits {
    stored: HashMap<Box<str>, Stored>,
    /// Ids of the file that were not stored yet, with the line that brought them.
    new: HashMap<Box<str>, u32>,
}

impl KnownUnits {
    /// Reads the corporation's stored units, one row at a time. `expected` (the units in use the corporation has)
    /// sizes the map up front: growing it at 2 million entries would hold the old and the new table at once.
    pub(crate) async fn load(conn: Conn<'_>, corporation_id: i64, expected: usize) -> Result<Self> {
        let mut stored = HashMap::with_capacity_and_hasher(expected, Default::default());
        let mut rows = sql::query("SELECT id, id_extern, fingerprint, in_use FROM units WHERE corporation_id = $1")
            .bind(corporation_id)
            .fetch(conn);
        while let Some(row) = rows.try_next().await? {
            let id_extern: String = row.try_get("id_extern")?;
            let unit = Stored {
                id: row.try_get("id")?,
                print: print_from_hex(&row.try_get::<String, _>("fingerprint")?),
                in_use: row.try_get::<i64, _>("in_use")? != 0,
                seen_on: 0,
            };
            stored.insert(id_extern.into_boxed_str(), unit);
        }
        Ok(Self { stored, new: HashMap::default() })
    }

    /// Notes that `line` brings `id_extern`: the stored unit it updates (`None` for a new one), or — when an earlier
    /// line of the file brought it already — `Err` with that line.
    pub(crate) fn see(&mut self, id_extern: &str, line: u64) -> std::result::Result<Option<Stored>, u64> {
        // Lines beyond four billion would be a file of hundreds of gigabytes; they are all called the last one.
        let line = u32::try_from(line).unwrap_or(u32::MAX).max(1);
        if let Some(unit) = self.stored.get_mut(id_extern) {
            if unit.seen_on != 0 {
                return Err(unit.seen_on.into());
            }
            unit.seen_on = line;
            return Ok(Some(*unit));
        }
        match self.new.entry(id_extern.into()) {
            Entry::Occupied(first) => Err((*first.get()).into()),
            Entry::Vacant(entry) => {
                entry.insert(line);
                Ok(None)
            }
        }
    }

    /// The stored units in use that the file did not bring.
    pub(crate) fn missing_in_use(&self) -> Vec<i64> {
        self.stored.values().filter(|u| u.in_use && u.seen_on == 0).map(|u| u.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(units: &[(&str, i64, bool)]) -> KnownUnits {
        let stored = units
            .iter()
            .map(|(id_extern, id, in_use)| {
                let unit = Stored { id: *id, print: Some([7; 16]), in_use: *in_use, seen_on: 0 };
                ((*id_extern).into(), unit)
            })
            .collect();
        KnownUnits { stored, new: HashMap::default() }
    }

    #[test]
    fn fingerprints_read_back_from_their_hex() {
        let hex = "00ff10a0b1c2d3e4f5061728394a5b6c";
        let print = print_from_hex(hex).expect("hex");
        assert_eq!(print[0..3], [0x00, 0xff, 0x10]);
        assert_eq!(print[15], 0x6c);
        assert_eq!(print_from_hex(&hex[..30]), None, "too short");
        assert_eq!(print_from_hex("zz".repeat(16).as_str()), None, "not hex");
        assert_eq!(print_from_hex(&"é".repeat(16)), None, "not ascii");
    }

    #[test]
    fn every_id_once_and_the_first_line_named_for_a_second() {
        let mut units = known(&[("A1", 10, true), ("A2", 11, true), ("A3", 12, false)]);
        assert_eq!(units.see("A1", 2).map(|u| u.map(|u| u.id)), Ok(Some(10)));
        assert_eq!(units.see("N1", 3), Ok(None), "a new unit");
        assert_eq!(units.see("A1", 4), Err(2), "a stored unit twice");
        assert_eq!(units.see("N1", 5), Err(3), "a new unit twice");
        assert_eq!(units.missing_in_use(), vec![11], "A2 did not come; A3 was out of use already");
    }
}
