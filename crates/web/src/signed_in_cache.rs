//! Who is signed in, kept for a few seconds so that a burst of page views costs one database lookup instead of one
//! each (ADR 0012).
//!
//! Safety rests on two rules. Every request that may write (any method but GET, HEAD and OPTIONS) empties the cache
//! when it is done, so a logout, a password or role change, a deactivated account or another chosen organisation
//! counts from the next request on in this process. Changes made elsewhere (the CLI, another server process) count
//! at the latest [`REUSE_FOR`] later. A lookup that started before such a clearing is not kept.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::RwLock;
use time::{Duration, OffsetDateTime};
use volkshuis_store::sessions::SignedIn;

/// How long a lookup is reused.
pub const REUSE_FOR: Duration = Duration::seconds(5);
/// At most this many sessions are kept; beyond it the stale ones go, and if none is stale, all.
const CAPACITY: usize = 10_000;

/// The cache, keyed by session token.
#[derive(Debug, Default)]
pub struct SignedInCache {
    entries: RwLock<HashMap<String, (OffsetDateTime, SignedIn)>>,
    /// Counts the clearings, so that a lookup overtaken by one is not stored.
    generation: AtomicU64,
}

/// Taken before a database lookup; hands the lookup back to [`SignedInCache::keep`].
#[derive(Debug, Clone, Copy)]
pub struct Ticket(u64);

impl SignedInCache {
    /// The signed-in user for `token` if looked up less than [`REUSE_FOR`] before `now`.
    pub fn get(&self, token: &str, now: OffsetDateTime) -> Option<SignedIn> {
        let entries = self.entries.read().ok()?;
        let (at, signed_in) = entries.get(token)?;
        is_fresh(*at, now).then(|| signed_in.clone())
    }

    /// Call before looking up in the database.
    pub fn ticket(&self) -> Ticket {
        Ticket(self.generation.load(Ordering::Acquire))
    }

    /// Keeps a lookup made at `now`, unless the cache was cleared since `ticket` was taken.
    pub fn keep(&self, ticket: Ticket, token: &str, now: OffsetDateTime, signed_in: &SignedIn) {
        let Ok(mut entries) = self.entries.write() else { return };
        // Checked under the lock: a clearing takes the same lock, so it either came before (and is seen here) or
        // comes after (and removes this entry).
        if self.generation.load(Ordering::Acquire) != ticket.0 {
            return;
        }
        if entries.len() >= CAPACITY {
            entries.retain(|_, (at, _)| is_fresh(*at, now));
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        entries.insert(token.to_owned(), (now, signed_in.clone()));
    }

    /// Forgets every lookup (after any request that may have changed who may do what).
    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            entries.clear();
        }
    }
}

/// A clock moved backwards (tests, a corrected system clock) makes an entry stale rather than eternal.
fn is_fresh(at: OffsetDateTime, now: OffsetDateTime) -> bool {
    now >= at && now - at < REUSE_FOR
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use volkshuis_store::sessions::Session;
    use volkshuis_store::users::User;

    fn signed_in(name: &str) -> SignedIn {
        let at = datetime!(2026-11-25 08:00 UTC);
        SignedIn {
            session: Session { user_id: 7, active_org_id: None, created_at: at },
            user: User {
                id: 7,
                email: "an@example.nl".into(),
                name: name.into(),
                is_platform_admin: false,
                locale: "nl".into(),
                active: true,
                created_at: at,
            },
            memberships: Vec::new(),
            unread_notices: 0,
        }
    }

    #[test]
    fn a_lookup_is_reused_for_a_few_seconds_only() {
        let cache = SignedInCache::default();
        let at = datetime!(2026-11-25 10:00 UTC);
        assert!(cache.get("token", at).is_none());
        cache.keep(cache.ticket(), "token", at, &signed_in("An"));
        assert_eq!(cache.get("token", at + Duration::seconds(4)).map(|s| s.user.name), Some("An".to_owned()));
        assert!(cache.get("token", at + REUSE_FOR).is_none(), "stale after {REUSE_FOR}");
        assert!(cache.get("token", at - Duration::seconds(1)).is_none(), "a clock moved back makes it stale");
        assert!(cache.get("other", at).is_none());
    }

    #[test]
    fn clearing_forgets_everything_and_refuses_lookups_it_overtook() {
        let cache = SignedInCache::default();
        let at = datetime!(2026-11-25 10:00 UTC);
        cache.keep(cache.ticket(), "a", at, &signed_in("An"));
        let before_logout = cache.ticket();
        cache.clear();
        assert!(cache.get("a", at).is_none());
        cache.keep(before_logout, "b", at, &signed_in("Bo"));
        assert!(cache.get("b", at).is_none(), "a lookup from before the clearing may be out of date");
        cache.keep(cache.ticket(), "b", at, &signed_in("Bo"));
        assert!(cache.get("b", at).is_some());
    }

    #[test]
    fn a_full_cache_makes_room() {
        let cache = SignedInCache::default();
        let at = datetime!(2026-11-25 10:00 UTC);
        for i in 0..CAPACITY {
            cache.keep(cache.ticket(), &format!("old{i}"), at, &signed_in("Oud"));
        }
        let later = at + REUSE_FOR;
        cache.keep(cache.ticket(), "new", later, &signed_in("Nieuw"));
        let entries = cache.entries.read().expect("lock");
        assert_eq!(entries.len(), 1, "the stale ones made room");
        assert!(entries.contains_key("new"));
    }
}
