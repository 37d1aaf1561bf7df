//! Settings of the web server.

use std::time::Duration;

/// How the web server behaves.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// The address people use to reach Ward (`https://ward.example.org`). Invitation links are built from it; when it
    /// is `https`, cookies are `Secure` and HSTS is sent. Without it, links use the request's host.
    pub public_url: Option<url::Url>,
    /// Whether a reverse proxy in front sets `X-Forwarded-For` and `X-Forwarded-Proto` (trusted only then).
    pub trust_proxy: bool,
    /// The largest request body accepted.
    pub max_body_bytes: usize,
    /// How long a request may take.
    pub request_timeout: Duration,
    /// Whether the demo community is loaded (shows a notice on the sign-in page).
    pub demo: bool,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            public_url: None,
            trust_proxy: false,
            max_body_bytes: 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            demo: false,
        }
    }
}

impl WebConfig {
    /// Whether the public address is HTTPS.
    #[must_use]
    pub fn public_https(&self) -> bool {
        self.public_url
            .as_ref()
            .is_some_and(|u| u.scheme() == "https")
    }
}
