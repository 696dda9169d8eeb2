//! Enums with a stable text code, as stored in the database and sent by forms.

/// Declares a `Copy` enum whose variants each have a stable code, with `ALL`, `code()` and `parse()`, serialised
/// as its code.
///
/// `parse` trims its input and answers [`crate::text::TextError::Required`] for nothing and
/// [`crate::text::TextError::Format`] for an unknown code, so forms show the usual messages.
#[macro_export]
macro_rules! coded_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every variant, in the order the UI lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code stored in the database and used in forms.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// Parses a stable code (see `code`).
            pub fn parse(code: &str) -> Result<Self, $crate::text::TextError> {
                let code = code.trim();
                if code.is_empty() {
                    return Err($crate::text::TextError::Required);
                }
                Self::ALL.iter().copied().find(|v| v.code() == code).ok_or($crate::text::TextError::Format)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Self::parse(&code).map_err(|_| serde::de::Error::custom(format!("unknown code {code}")))
            }
        }
    };
}
