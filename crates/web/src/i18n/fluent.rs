//! Formats the messages that have arguments, with one Fluent bundle per language and context.
//!
//! The bundles use the concurrent memoizer so they are `Sync` and shared by every request; they are built on first
//! use. Plain messages never come here: the build formatted them into the generated statics.

use super::generated::{LANGUAGE_CODES, SOURCES};
use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::LazyLock;

type Bundles = Vec<Vec<FluentBundle<FluentResource>>>;

/// Every bundle, by language (in `Lang` order) and context.
static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| {
    SOURCES
        .iter()
        .zip(LANGUAGE_CODES)
        .map(|(sources, code)| {
            sources
                .iter()
                .map(|source| {
                    let lang: unic_langid::LanguageIdentifier =
                        code.parse().expect("the build checked the language codes");
                    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                    // The texts go into HTML and e-mail as they are; no Unicode isolation marks around arguments.
                    bundle.set_use_isolating(false);
                    let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
                    // The build parsed every file and rejected duplicates, so this cannot fail.
                    let _ = bundle.add_resource(resource);
                    bundle
                })
                .collect()
        })
        .collect()
});

/// Formats message `id` of context `context` (its index in the generated sources) with `args`.
///
/// The build proved that the message exists in every language and formats with these variables; should it
/// still fail, the text shows the message's id rather than nothing.
pub(crate) fn format(lang: Lang, context: usize, id: &str, args: &FluentArgs<'_>) -> String {
    let bundle = &BUNDLES[lang.index()][context];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { return id.to_owned() };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
    if !errors.is_empty() {
        tracing::error!(id, ?errors, "a Fluent message did not format");
    }
    text
}
