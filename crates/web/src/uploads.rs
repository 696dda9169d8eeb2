//! Multipart forms with documents: the text fields as typed, and files checked for size and type (by name and by
//! their first bytes, so a renamed executable is refused).
//!
//! Files arrive in a temporary file, not in memory, and text fields are read up to the size of a whole ordinary form,
//! so a body larger than its route takes costs disk for a moment, never memory (ADR 0027). Only a form that arrived
//! whole and within its limit has its accepted documents read, to be stored.

use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::OverlegTexts;
use axum::extract::multipart::Field;
use axum::extract::Multipart;
use std::collections::HashMap;
use tokio::io::{AsyncReadExt as _, AsyncSeekExt as _, AsyncWriteExt as _};

/// The largest document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// The largest whole form (several documents and the text).
pub const MAX_FORM_BYTES: usize = 45 * 1024 * 1024;
/// The largest stock file taken through the web (a corporation's is tens of megabytes; a national file goes through
/// the command line).
pub const MAX_STOCK_FILE_BYTES: usize = 100 * 1024 * 1024;
/// The largest contact list (a name and an e-mail address per unit).
pub const MAX_CONTACTS_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The largest text field of a multipart form: as large as a whole URL-encoded form may be.
pub const MAX_TEXT_FIELD_BYTES: usize = crate::csrf::MAX_FORM_BYTES;

/// A file as it arrived, in a temporary file that is gone when this is dropped (it has no name on disk).
#[derive(Debug)]
pub struct Spooled {
    file: tokio::fs::File,
    /// Its size in bytes (up to `max` when it was cut off).
    pub len: u64,
    /// Its first bytes, for recognising its kind.
    pub head: Vec<u8>,
    /// Whether it was larger than the `max` it was read with (the rest was read and dropped).
    pub truncated: bool,
}

/// Receives a file field into a temporary file, keeping at most `max` bytes. The route's body limit ends a longer
/// body with a 413.
pub async fn spool(field: &mut Field<'_>, max: u64) -> Result<Spooled, AppError> {
    let file = tokio::task::spawn_blocking(tempfile::tempfile)
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("creating a temporary file for an upload")))?;
    let mut spooled = Spooled { file: tokio::fs::File::from_std(file), len: 0, head: Vec::new(), truncated: false };
    let write_failed = |e: std::io::Error| AppError::Internal(anyhow::Error::new(e).context("writing an upload"));
    while let Some(chunk) = field.chunk().await? {
        if spooled.head.len() < 16 {
            spooled.head.extend(chunk.iter().take(16 - spooled.head.len()));
        }
        let room = usize::try_from(max.saturating_sub(spooled.len)).unwrap_or(usize::MAX);
        if chunk.len() > room {
            spooled.truncated = true;
        }
        let kept = &chunk[..chunk.len().min(room)];
        spooled.file.write_all(kept).await.map_err(write_failed)?;
        spooled.len += kept.len() as u64;
    }
    spooled.file.flush().await.map_err(write_failed)?;
    spooled.file.rewind().await.map_err(write_failed)?;
    Ok(spooled)
}

impl Spooled {
    /// The whole content, read back.
    pub async fn read_all(mut self) -> Result<Vec<u8>, AppError> {
        let mut content = Vec::with_capacity(usize::try_from(self.len).unwrap_or_default());
        self.file
            .read_to_end(&mut content)
            .await
            .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("reading an upload back")))?;
        Ok(content)
    }

    /// The file, for reading on a blocking thread.
    pub async fn into_std(self) -> std::fs::File {
        self.file.into_std().await
    }
}

/// A text field, read up to [`MAX_TEXT_FIELD_BYTES`] (a larger one is a 413).
pub async fn small_text(mut field: Field<'_>) -> Result<String, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await? {
        if bytes.len() + chunk.len() > MAX_TEXT_FIELD_BYTES {
            return Err(AppError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    let text = String::from_utf8(bytes).map_err(|_| AppError::BadRequest)?;
    // As in every url-encoded form (`csrf::protect`): no field of a page may hold a NUL.
    if text.contains('\0') {
        return Err(AppError::NulInForm);
    }
    Ok(text)
}

/// An accepted file.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file name as uploaded, without any path.
    pub file_name: String,
    /// The content type that belongs to its kind.
    pub content_type: &'static str,
    /// The content.
    pub content: Vec<u8>,
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Not a PDF or Office document.
    WrongType(String),
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge(String),
}

impl FileProblem {
    /// The message for the user, naming the file.
    pub fn message(&self, ov: &OverlegTexts) -> String {
        match self {
            FileProblem::WrongType(name) => ov.err_file_type(name),
            FileProblem::TooLarge(name) => ov.err_file_size(name),
        }
    }
}

/// A multipart form, read completely.
#[derive(Debug, Default)]
pub struct MultipartForm {
    fields: HashMap<String, String>,
    /// The accepted files.
    pub files: Vec<Upload>,
    /// The refused files.
    pub problems: Vec<FileProblem>,
}

impl MultipartForm {
    /// Reads every field; files come from fields named `documents`. A body larger than the route's limit, or a text
    /// field larger than [`MAX_TEXT_FIELD_BYTES`], is a 413 and nothing is kept.
    pub async fn read(multipart: Multipart) -> Result<Self, AppError> {
        Self::read_kinds(multipart, KINDS).await
    }

    /// As [`MultipartForm::read`], for a form whose files are photos (JPEG or PNG), not documents.
    pub async fn read_photos(multipart: Multipart) -> Result<Self, AppError> {
        Self::read_kinds(multipart, PHOTO_KINDS).await
    }

    async fn read_kinds(mut multipart: Multipart, kinds: &[Kind]) -> Result<Self, AppError> {
        let mut form = Self::default();
        let mut accepted = Vec::new();
        while let Some(mut field) = multipart.next_field().await? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == "documents" {
                let file_name = field.file_name().map(base_name).unwrap_or_default();
                let spooled = spool(&mut field, MAX_DOCUMENT_BYTES as u64).await?;
                if file_name.is_empty() && spooled.len == 0 {
                    continue; // The file input was left empty.
                }
                match check_kind_in(kinds, &file_name, &spooled.head) {
                    Ok(_) if spooled.truncated => form.problems.push(FileProblem::TooLarge(file_name)),
                    Ok(content_type) => accepted.push((file_name, content_type, spooled)),
                    Err(problem) => form.problems.push(problem),
                }
            } else {
                // A name given several times (the ticked boxes of a picker) keeps every value, joined by commas,
                // as a picker's text of codes would hold them.
                let text = small_text(field).await?;
                match form.fields.get_mut(&name) {
                    Some(earlier) => {
                        earlier.push_str(", ");
                        earlier.push_str(&text);
                    }
                    None => {
                        form.fields.insert(name, text);
                    }
                }
            }
        }
        // The whole body arrived within its limit: only now are the documents read, to be stored.
        for (file_name, content_type, spooled) in accepted {
            form.files.push(Upload { file_name, content_type, content: spooled.read_all().await? });
        }
        Ok(form)
    }

    /// Every text field as typed.
    pub fn fields(&self) -> &HashMap<String, String> {
        &self.fields
    }

    /// Puts the first refused file on the `documents` field, with the advice to choose the files again.
    pub fn report_problems(&self, ov: &OverlegTexts, errors: &mut FieldErrors) {
        if let Some(problem) = self.problems.first() {
            errors.add("documents", format!("{} {}", problem.message(ov), ov.err_files_again));
        }
    }

    /// A text field as typed (empty when absent).
    pub fn text(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

fn base_name(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    // No direction override either: "factuur\u{202e}fdp.exe" shows as "factuurexe.pdf".
    let shown = |c: &char| !c.is_control() && *c != '"' && !volkshuis_domain::text::turns_text_around(*c);
    name.chars().filter(shown).take(200).collect::<String>().trim().to_owned()
}

/// A kind of file: extension, content type, and the magic bytes the file must start with.
type Kind = (&'static str, &'static str, &'static [u8]);

/// Photos (an initiative's outcome): JPEG and PNG, recognised by their first bytes.
const PHOTO_KINDS: &[Kind] = &[
    ("jpg", "image/jpeg", b"\xFF\xD8\xFF"),
    ("jpeg", "image/jpeg", b"\xFF\xD8\xFF"),
    ("png", "image/png", b"\x89PNG\r\n\x1A\n"),
];

/// The accepted documents: extension, content type, and the magic bytes the file must start with.
const KINDS: &[Kind] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", b"PK\x03\x04"),
    ("odt", "application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet", b"PK\x03\x04"),
    ("odp", "application/vnd.oasis.opendocument.presentation", b"PK\x03\x04"),
    ("doc", "application/msword", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
    ("xls", "application/vnd.ms-excel", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
    ("ppt", "application/vnd.ms-powerpoint", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
];

/// Checks a document by name and content; returns its content type.
#[cfg(test)]
fn check_file(file_name: &str, content: &[u8]) -> Result<&'static str, FileProblem> {
    let content_type = check_kind(file_name, content)?;
    if content.len() > MAX_DOCUMENT_BYTES {
        return Err(FileProblem::TooLarge(file_name.to_owned()));
    }
    Ok(content_type)
}

/// Checks a document's kind by its name and first bytes; returns its content type.
#[cfg(test)]
fn check_kind(file_name: &str, head: &[u8]) -> Result<&'static str, FileProblem> {
    check_kind_in(KINDS, file_name, head)
}

/// Checks a file's kind among `kinds` by its name and first bytes; returns its content type.
fn check_kind_in(kinds: &[Kind], file_name: &str, head: &[u8]) -> Result<&'static str, FileProblem> {
    let extension = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let kind = kinds.iter().find(|(ext, _, magic)| *ext == extension && head.starts_with(magic));
    let Some((_, content_type, _)) = kind else { return Err(FileProblem::WrongType(file_name.to_owned())) };
    Ok(content_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_checked_by_name_and_content() {
        assert_eq!(check_kind_in(PHOTO_KINDS, "Opening.JPG", b"\xFF\xD8\xFF\xE0"), Ok("image/jpeg"));
        assert_eq!(check_kind_in(PHOTO_KINDS, "zaal.png", b"\x89PNG\r\n\x1A\n..."), Ok("image/png"));
        assert!(check_kind_in(PHOTO_KINDS, "zaal.png", b"%PDF-").is_err(), "a PDF renamed");
        assert!(check_kind_in(PHOTO_KINDS, "plan.pdf", b"%PDF-").is_err(), "a document is no photo");
        assert!(check_kind_in(KINDS, "zaal.jpg", b"\xFF\xD8\xFF").is_err(), "a photo is no document");
    }

    #[test]
    fn documents_are_checked_by_name_and_content() {
        assert_eq!(check_file("Plan.PDF", b"%PDF-1.7 ..."), Ok("application/pdf"));
        assert!(check_file("begroting.xlsx", b"PK\x03\x04rest").is_ok());
        assert_eq!(check_file("plan.pdf", b"MZ\x90\x00"), Err(FileProblem::WrongType("plan.pdf".into())));
        assert_eq!(check_file("tool.exe", b"%PDF-"), Err(FileProblem::WrongType("tool.exe".into())));
        let big = [b"%PDF-".as_slice(), &vec![b'x'; MAX_DOCUMENT_BYTES]].concat();
        assert_eq!(check_file("big.pdf", &big), Err(FileProblem::TooLarge("big.pdf".into())));
    }

    #[test]
    fn paths_and_quotes_are_dropped_from_names() {
        assert_eq!(base_name("C:\\Users\\x\\brief \"1\".pdf"), "brief 1.pdf");
        assert_eq!(base_name("../../etc/passwd"), "passwd");
        assert_eq!(base_name("factuur\u{202e}fdp.exe"), "factuurfdp.exe", "no direction override");
    }
}
