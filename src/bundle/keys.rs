//! The fund's signing key. The secret lives in a file beside the database (the app data
//! folder for the default database) with 0600 rights; its public half is in the database and
//! in every bundle. The secret type is not Clone or Serialize, redacts its Debug, and is
//! zeroised on drop (ed25519-dalek's `zeroize` feature).

use crate::error::{Error, Result};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

pub struct FundSecret(SigningKey);

impl std::fmt::Debug for FundSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FundSecret(<redacted>, public {})", fingerprint(&self.public()))
    }
}

impl FundSecret {
    pub fn generate() -> FundSecret {
        FundSecret(SigningKey::generate(&mut rand_core::OsRng))
    }

    pub fn public(&self) -> [u8; 32] {
        self.0.verifying_key().to_bytes()
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }

    /// Read a key file: 64 hex characters of the secret.
    pub fn load(path: &Path) -> Result<FundSecret> {
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| Error::file(path, e))?);
        let mut bytes = Zeroizing::new([0u8; 32]);
        hex::decode_to_slice(text.trim(), &mut bytes[..])
            .map_err(|_| Error::file(path, "is not a Kongthun key file"))?;
        Ok(FundSecret(SigningKey::from_bytes(&bytes)))
    }

    /// Write the key file with 0600 rights (created that way, never widened).
    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
        }
        let text = Zeroizing::new(hex::encode(self.0.to_bytes()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut f = options.open(path).map_err(|e| Error::file(path, e))?;
        std::io::Write::write_all(&mut f, text.as_bytes()).map_err(|e| Error::file(path, e))?;
        f.sync_all().map_err(|e| Error::file(path, e))?;
        Ok(())
    }
}

/// Where a fund's key file lives: `keys/<fund code>.ed25519` beside the database.
pub fn key_path(db_path: &Path, fund_code: &str) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("keys").join(format!("{fund_code}.ed25519"))
}

/// A fingerprint a person can read aloud: SHA-256 of the public key, first 10 bytes, in
/// five groups of four hex digits.
pub fn fingerprint(public: &[u8; 32]) -> String {
    crate::domain::chain::key_fingerprint(public)
}

pub fn verify(public: &[u8; 32], message: &[u8], signature: &[u8]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(public) else { return false };
    let Ok(sig) = Signature::from_slice(signature) else { return false };
    key.verify_strict(message, &sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sign_verify_and_stay_private() {
        let dir = tempfile_dir();
        let path = dir.join("k.ed25519");
        let k = FundSecret::generate();
        k.save(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let again = FundSecret::load(&path).unwrap();
        assert_eq!(again.public(), k.public());
        let sig = k.sign(b"manifest");
        assert!(verify(&k.public(), b"manifest", &sig));
        assert!(!verify(&k.public(), b"manifesT", &sig));
        assert!(!format!("{k:?}").contains(&hex::encode(k.0.to_bytes())));
        assert!(k.save(&path).is_err(), "never overwrites a key");
        assert_eq!(fingerprint(&k.public()).len(), 24);
    }

    fn tempfile_dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("kongthun-key-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
