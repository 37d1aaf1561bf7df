//! Facts about the connection: the client address, whether it arrived over TLS, and the request id.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// The request's connection facts, available to every handler as an extension.
#[derive(Clone, Debug)]
pub struct RequestCtx {
    /// The client address (from the socket, or from the trusted proxy's `X-Forwarded-For`).
    pub ip: Option<String>,
    /// Whether the client reached us over HTTPS (directly or through a proxy that says so).
    pub secure: bool,
    /// The request id (also in the `x-request-id` response header and every log line).
    pub request_id: String,
    /// The scheme and host the client used, for links.
    pub origin: String,
}

fn forwarded_ip(headers: &HeaderMap) -> Option<IpAddr> {
    // The proxy appends the address it saw; the last entry is the one our proxy vouches for.
    let value = headers.get("x-forwarded-for")?.to_str().ok()?;
    value
        .rsplit(',')
        .map(str::trim)
        .find(|s| !s.is_empty())?
        .parse()
        .ok()
}

fn forwarded_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// Middleware: works out [`RequestCtx`] and stores it in the request's extensions.
pub async fn request_context(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let config = state.config();
    let socket = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let headers = req.headers();
    let ip = if config.trust_proxy {
        forwarded_ip(headers).or(socket)
    } else {
        socket
    };
    let secure = config.public_https() || (config.trust_proxy && forwarded_https(headers));
    let request_id = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let origin = match &config.public_url {
        Some(url) => url.origin().ascii_serialization(),
        None => {
            let host = headers
                .get("host")
                .and_then(|v| v.to_str().ok())
                .filter(|h| {
                    h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".:-[]".contains(c))
                })
                .unwrap_or("localhost");
            format!("{}://{host}", if secure { "https" } else { "http" })
        }
    };
    req.extensions_mut().insert(RequestCtx {
        ip: ip.map(|i| i.to_string()),
        secure,
        request_id,
        origin,
    });
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_forwarded_address_counts() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.2".parse().unwrap(),
        );
        assert_eq!(forwarded_ip(&h), Some("198.51.100.2".parse().unwrap()));
        h.insert("x-forwarded-for", "not an ip".parse().unwrap());
        assert_eq!(forwarded_ip(&h), None);
    }
}
