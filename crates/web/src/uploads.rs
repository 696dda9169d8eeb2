//! Multipart forms with documents: the text fields as typed, and files checked for size and type (by name and by
//! their first bytes, so a renamed executable is refused).

use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::OverlegTexts;
use axum::extract::Multipart;
use std::collections::HashMap;

/// The largest document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// The largest whole form (several documents and the text).
pub const MAX_FORM_BYTES: usize = 45 * 1024 * 1024;

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
    /// Reads every field; files come from fields named `documents`.
    pub async fn read(mut multipart: Multipart) -> Result<Self, AppError> {
        let mut form = Self::default();
        while let Some(field) = multipart.next_field().await.map_err(|e| AppError::Internal(e.into()))? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == "documents" {
                let file_name = field.file_name().map(base_name).unwrap_or_default();
                let bytes = field.bytes().await.map_err(|e| AppError::Internal(e.into()))?;
                if file_name.is_empty() && bytes.is_empty() {
                    continue; // The file input was left empty.
                }
                match check_file(&file_name, &bytes) {
                    Ok(content_type) => form.files.push(Upload { file_name, content_type, content: bytes.to_vec() }),
                    Err(problem) => form.problems.push(problem),
                }
            } else {
                let value = field.text().await.map_err(|e| AppError::Internal(e.into()))?;
                form.fields.insert(name, value);
            }
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
    name.chars().filter(|c| !c.is_control() && *c != '"').take(200).collect::<String>().trim().to_owned()
}

/// The accepted kinds: extension, content type, and the magic bytes the file must start with.
const KINDS: &[(&str, &str, &[u8])] = &[
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
pub fn check_file(file_name: &str, content: &[u8]) -> Result<&'static str, FileProblem> {
    let extension = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let kind = KINDS.iter().find(|(ext, _, magic)| *ext == extension && content.starts_with(magic));
    let Some((_, content_type, _)) = kind else { return Err(FileProblem::WrongType(file_name.to_owned())) };
    if content.len() > MAX_DOCUMENT_BYTES {
        return Err(FileProblem::TooLarge(file_name.to_owned()));
    }
    Ok(content_type)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
