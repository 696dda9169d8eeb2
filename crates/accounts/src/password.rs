//! Password hashing with argon2id (the crate's defaults follow OWASP's recommendation), off the async threads.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;

/// Why a password could not be hashed or checked. Either is a fault of the machine, not of the password typed.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// argon2 refused (it does not for its default parameters and a fresh salt).
    #[error("argon2: {0}")]
    Argon2(argon2::password_hash::Error),
    /// The blocking task that hashes was cancelled or panicked.
    #[error("{what} task")]
    Task {
        /// Hashing or verifying.
        what: &'static str,
        /// The task's failure.
        #[source]
        source: tokio::task::JoinError,
    },
}

/// Hashes a password into a PHC string.
pub async fn hash(password: String) -> Result<String, PasswordError> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|source| PasswordError::Task { what: "hashing", source })?
}

/// Hashes a password on the current thread (for the command line).
pub fn hash_now(password: &str) -> Result<String, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    let phc = Argon2::default().hash_password(password.as_bytes(), &salt).map_err(PasswordError::Argon2)?;
    Ok(phc.to_string())
}

/// Checks a password against a stored hash. Without a stored hash (unknown account) it checks against a dummy,
/// so that a wrong address takes as long as a wrong password and accounts cannot be discovered by timing.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, PasswordError> {
    tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| dummy_hash().to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok()
    })
    .await
    .map_err(|source| PasswordError::Task { what: "verifying", source })
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("no account has this password").unwrap_or_default())
}

/// A hash that no password matches, for accounts that must choose their first password through a mailed link.
pub fn unusable() -> String {
    "!unusable".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_only_their_password() {
        let phc = hash("correct horse battery".into()).await.expect("hash");
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify("correct horse battery".into(), Some(phc.clone())).await.expect("verify"));
        assert!(!verify("wrong horse battery".into(), Some(phc)).await.expect("verify"));
        assert!(!verify("anything".into(), None).await.expect("verify"));
        assert!(!verify("!unusable".into(), Some(unusable())).await.expect("verify"));
    }
}
