//! A small macro for enums stored and exchanged as short text codes.

/// Declares a fieldless enum whose variants have stable text codes, with `ALL`, `code()`, `FromStr`, `Display`,
/// serde as the code, an OpenAPI schema listing the codes, and (with the `sqlx` feature) database text encoding.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];

            /// The stable text code.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $( Self::$variant => $code ),+ }
            }

            /// The variant for a text code, if any.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some(Self::$variant), )+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::error::UnknownCode;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_code(s.trim()).ok_or_else(|| crate::error::UnknownCode {
                    what: stringify!($name),
                    value: s.to_owned(),
                    expected: &[ $( $code ),+ ],
                })
            }
        }

        #[cfg(feature = "sqlx")]
        crate::sql::text_codec!($name);
    };
}

pub(crate) use text_enum;
