//! Database encodings for domain types (feature `sqlx`).
//!
//! Ids are native `uuid` on PostgreSQL and hyphenated text on SQLite (readable with the `sqlite3` shell); timestamps
//! are `timestamptz` on PostgreSQL and fixed-width RFC 3339 text on SQLite, so text order is time order; enumerations
//! are their text codes on both.

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgTypeInfo, PgValueRef, Postgres};
use sqlx::sqlite::{Sqlite, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Database, Decode, Encode, Type};
use time::OffsetDateTime;

use crate::email::Email;
use crate::secret::SecretHash;
use crate::time::Timestamp;
use crate::tlp::Tlp;

/// Implements the database encodings of a UUID newtype.
macro_rules! uuid_codec {
    ($t:ty) => {
        impl sqlx::Type<sqlx::Sqlite> for $t {
            fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
                <String as sqlx::Type<sqlx::Sqlite>>::type_info()
            }
            fn compatible(ty: &sqlx::sqlite::SqliteTypeInfo) -> bool {
                <String as sqlx::Type<sqlx::Sqlite>>::compatible(ty)
            }
        }
        impl<'q> sqlx::Encode<'q, sqlx::Sqlite> for $t {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Sqlite as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <String as sqlx::Encode<'q, sqlx::Sqlite>>::encode(
                    self.as_uuid().hyphenated().to_string(),
                    buf,
                )
            }
        }
        impl<'r> sqlx::Decode<'r, sqlx::Sqlite> for $t {
            fn decode(
                value: sqlx::sqlite::SqliteValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&str as sqlx::Decode<'r, sqlx::Sqlite>>::decode(value)?;
                Ok(Self::from_uuid(uuid::Uuid::parse_str(text)?))
            }
        }
        impl sqlx::Type<sqlx::Postgres> for $t {
            fn type_info() -> sqlx::postgres::PgTypeInfo {
                <uuid::Uuid as sqlx::Type<sqlx::Postgres>>::type_info()
            }
        }
        impl<'q> sqlx::Encode<'q, sqlx::Postgres> for $t {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Postgres as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <uuid::Uuid as sqlx::Encode<'q, sqlx::Postgres>>::encode(self.as_uuid(), buf)
            }
        }
        impl<'r> sqlx::Decode<'r, sqlx::Postgres> for $t {
            fn decode(
                value: sqlx::postgres::PgValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                Ok(Self::from_uuid(<uuid::Uuid as sqlx::Decode<
                    'r,
                    sqlx::Postgres,
                >>::decode(value)?))
            }
        }
    };
}
pub(crate) use uuid_codec;

/// Implements the database encodings of an enumeration stored as its text code.
macro_rules! text_codec {
    ($t:ty) => {
        crate::sql::text_codec!(@engine $t, sqlx::Sqlite, sqlx::sqlite::SqliteTypeInfo, sqlx::sqlite::SqliteValueRef<'r>);
        crate::sql::text_codec!(@engine $t, sqlx::Postgres, sqlx::postgres::PgTypeInfo, sqlx::postgres::PgValueRef<'r>);
    };
    (@engine $t:ty, $db:ty, $info:ty, $value:ty) => {
        impl sqlx::Type<$db> for $t {
            fn type_info() -> $info {
                <String as sqlx::Type<$db>>::type_info()
            }
            fn compatible(ty: &$info) -> bool {
                <String as sqlx::Type<$db>>::compatible(ty)
            }
        }
        impl<'q> sqlx::Encode<'q, $db> for $t {
            fn encode_by_ref(
                &self,
                buf: &mut <$db as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&str as sqlx::Encode<'q, $db>>::encode(self.code(), buf)
            }
        }
        impl<'r> sqlx::Decode<'r, $db> for $t {
            fn decode(value: $value) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&str as sqlx::Decode<'r, $db>>::decode(value)?;
                Ok(text.parse::<$t>()?)
            }
        }
    };
}
pub(crate) use text_codec;

impl Type<Sqlite> for Timestamp {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for Timestamp {
    fn encode_by_ref(
        &self,
        buf: &mut <Sqlite as Database>::ArgumentBuffer,
    ) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Sqlite>>::encode(self.to_fixed_string(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Timestamp {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<'r, Sqlite>>::decode(value)?;
        Ok(Self::parse_rfc3339(text)?)
    }
}

impl Type<Postgres> for Timestamp {
    fn type_info() -> PgTypeInfo {
        <OffsetDateTime as Type<Postgres>>::type_info()
    }
}

impl<'q> Encode<'q, Postgres> for Timestamp {
    fn encode_by_ref(
        &self,
        buf: &mut <Postgres as Database>::ArgumentBuffer,
    ) -> Result<IsNull, BoxDynError> {
        <OffsetDateTime as Encode<'q, Postgres>>::encode(self.as_datetime(), buf)
    }
}

impl<'r> Decode<'r, Postgres> for Timestamp {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Self::from_datetime(<OffsetDateTime as Decode<
            'r,
            Postgres,
        >>::decode(value)?))
    }
}

/// TLP is stored as its lower-case code. A stored value that is not a known label decodes as RED: a corrupted or
/// foreign marking must fail closed, never open.
macro_rules! tlp_codec {
    ($db:ty, $info:ty, $value:ty) => {
        impl Type<$db> for Tlp {
            fn type_info() -> $info {
                <String as Type<$db>>::type_info()
            }
            fn compatible(ty: &$info) -> bool {
                <String as Type<$db>>::compatible(ty)
            }
        }
        impl<'q> Encode<'q, $db> for Tlp {
            fn encode_by_ref(
                &self,
                buf: &mut <$db as Database>::ArgumentBuffer,
            ) -> Result<IsNull, BoxDynError> {
                <&str as Encode<'q, $db>>::encode(self.code(), buf)
            }
        }
        impl<'r> Decode<'r, $db> for Tlp {
            fn decode(value: $value) -> Result<Self, BoxDynError> {
                let text = <&str as Decode<'r, $db>>::decode(value)?;
                Ok(Tlp::from_stored(text))
            }
        }
    };
}
tlp_codec!(Sqlite, SqliteTypeInfo, SqliteValueRef<'r>);
tlp_codec!(Postgres, PgTypeInfo, PgValueRef<'r>);

/// Implements the database encodings of a newtype over text, read back through a parsing constructor.
macro_rules! str_codec {
    ($t:ty, $as_str:ident, $parse:path, $db:ty, $info:ty, $value:ty) => {
        impl Type<$db> for $t {
            fn type_info() -> $info {
                <String as Type<$db>>::type_info()
            }
            fn compatible(ty: &$info) -> bool {
                <String as Type<$db>>::compatible(ty)
            }
        }
        impl<'q> Encode<'q, $db> for $t {
            fn encode_by_ref(
                &self,
                buf: &mut <$db as Database>::ArgumentBuffer,
            ) -> Result<IsNull, BoxDynError> {
                <&str as Encode<'q, $db>>::encode(self.$as_str(), buf)
            }
        }
        impl<'r> Decode<'r, $db> for $t {
            fn decode(value: $value) -> Result<Self, BoxDynError> {
                Ok($parse(<&str as Decode<'r, $db>>::decode(value)?)?)
            }
        }
    };
    ($t:ty, $as_str:ident, $parse:path) => {
        str_codec!(
            $t,
            $as_str,
            $parse,
            Sqlite,
            SqliteTypeInfo,
            SqliteValueRef<'r>
        );
        str_codec!($t, $as_str, $parse, Postgres, PgTypeInfo, PgValueRef<'r>);
    };
}

fn parse_email(text: &str) -> Result<Email, crate::email::InvalidEmail> {
    text.parse()
}

fn stored_hash(text: &str) -> Result<SecretHash, std::convert::Infallible> {
    Ok(SecretHash::from_stored(text))
}

str_codec!(Email, as_str, parse_email);
str_codec!(SecretHash, as_str, stored_hash);
