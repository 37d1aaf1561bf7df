//! Static files compiled into the binary: the stylesheet, htmx (pinned, 0BSD) and icons.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The pinned htmx release served at `/static/htmx-2.0.11.min.js`.
pub const HTMX: &str = "htmx-2.0.11.min.js";

struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "ward.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../static/ward.css"),
    },
    Asset {
        name: HTMX,
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/htmx-2.0.11.min.js"),
    },
    Asset {
        name: "ward.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/ward.js"),
    },
    Asset {
        name: "favicon.svg",
        content_type: "image/svg+xml",
        bytes: include_bytes!("../static/favicon.svg"),
    },
    Asset {
        name: "ward-mark.svg",
        content_type: "image/svg+xml",
        bytes: include_bytes!("../static/ward-mark.svg"),
    },
    Asset {
        name: "htmx-LICENSE.txt",
        content_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("../static/htmx-LICENSE.txt"),
    },
];

/// `GET /static/{name}`.
pub async fn serve(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(asset) => (
            [
                (header::CONTENT_TYPE, asset.content_type),
                // The htmx file name carries its version; the rest changes only with a new release of Ward.
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            asset.bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
