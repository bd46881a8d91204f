//! Fetching a feed: gloo-net, a 15-second limit, and the body decoded in its own encoding
//! into a JavaScript string (the module reads only how it begins).

use gloo_net::http::Request;
use js_sys::{JsString, Promise, Reflect, Uint8Array};
use news_widget_core::format::declared_encoding;
use news_widget_core::FeedError;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, TextDecoderOptions};

#[wasm_bindgen]
extern "C" {
    /// The browser's `TextDecoder`, bound here because web-sys's `decode` copies the text into
    /// the module: this one's stays a JavaScript string, handed to `JSON.parse` as it is.
    #[wasm_bindgen(js_name = TextDecoder)]
    type Decoder;
    #[wasm_bindgen(constructor, js_class = TextDecoder, catch)]
    fn new(label: &str, options: &TextDecoderOptions) -> Result<Decoder, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn decode(this: &Decoder, input: &Uint8Array) -> Result<JsString, JsValue>;

    /// The loader's feed request for `url`, started while the module downloaded: a promise of
    /// a Response, or undefined. Without the loader (a bundler's page) `NewsWidget` is not
    /// there: the error is caught, and the module fetches the feed itself.
    #[wasm_bindgen(catch, js_namespace = NewsWidget, js_name = _take)]
    fn take_prefetched(url: &str) -> Result<JsValue, JsValue>;
}

/// A feed that has not answered within this time is an error (contract §2).
pub const TIMEOUT_SECONDS: u32 = 15;

/// Fetches `url` and returns its text, as a JavaScript string. `cross_origin` only words the error: to a page, a CORS
/// refusal and a dead server look the same. `relay` is the URL when `url` is the feed relay's:
/// its failures name it, with the sentence of its JSON error body. A request the loader started
/// while the module downloaded (`NewsWidget._take`) is taken instead of a second one: same URL,
/// same 15-second limit (counted from its start), same errors.
pub async fn fetch_feed(url: &str, cross_origin: bool, relay: Option<&str>) -> Result<JsString, FeedError> {
    // AbortSignal.timeout aborts with a DOMException named TimeoutError, an Error: gloo-net
    // handles it without panicking.
    let timeout = AbortSignal::timeout_with_u32(TIMEOUT_SECONDS * 1000);
    let relay_host =
        relay.map(|r| crate::browser::url::resolve(r, &crate::browser::url::page_base()).map(|u| u.host()).unwrap_or_default());
    let failed = |e: Option<&JsValue>| {
        let name = e.and_then(|e| Reflect::get(e, &"name".into()).ok()).and_then(|n| n.as_string());
        match &relay_host {
            _ if timeout.aborted() || name.as_deref() == Some("TimeoutError") => FeedError::Timeout { seconds: TIMEOUT_SECONDS },
            Some(relay) => FeedError::Relay { relay: relay.clone(), status: None, reason: String::new() },
            None => FeedError::Network { cross_origin },
        }
    };
    let prefetched = take_prefetched(url).ok().filter(|p| relay.is_none() && p.is_instance_of::<Promise>());
    let response: web_sys::Response = match prefetched {
        Some(answer) => {
            let answer: JsValue = JsFuture::from(Promise::unchecked_from_js(answer)).await.map_err(|e| failed(Some(&e)))?;
            answer.unchecked_into()
        }
        None => {
            // The request is built here rather than with gloo's builder, which appends a stray "&" to
            // a URL that already has a query string (gloo-net 0.6), changing signed or cached URLs.
            let init = RequestInit::new();
            init.set_signal(Some(&timeout));
            let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(|e| failed(Some(&e)))?;
            Request::from(request).send().await.map_err(|_| failed(None))?.into()
        }
    };
    let read = |body: Result<Promise, JsValue>| async { JsFuture::from(body?).await };
    if !response.ok() {
        let status = response.status();
        let Some(relay) = relay_host.clone() else { return Err(FeedError::Http { status }) };
        // The relay says why in `{"error": "..."}`: its sentence, as text, at most 300 characters.
        let body = read(response.text()).await.ok().and_then(|b| b.as_string()).unwrap_or_default();
        let reason = js_sys::JSON::parse(&body).ok().and_then(|v| Reflect::get(&v, &"error".into()).ok());
        let reason = reason.and_then(|r| r.as_string()).map(|r| r.chars().take(300).collect()).unwrap_or_default();
        return Err(FeedError::Relay { relay, status: Some(status), reason });
    }
    let content_type = response.headers().get("content-type").ok().flatten().unwrap_or_default();
    let bytes = Uint8Array::new(&read(response.array_buffer()).await.map_err(|e| failed(Some(&e)))?);
    Ok(decode(&bytes, &content_type))
}

/// Decodes the body in the encoding it declares (XML declaration, then HTTP charset), else
/// UTF-8; a body that is not valid UTF-8 and declares nothing is read as windows-1252, the
/// usual encoding of such feeds.
fn decode(bytes: &Uint8Array, content_type: &str) -> JsString {
    let head_len = bytes.length().min(512);
    let head = bytes.subarray(0, head_len).to_vec();
    let declared = declared_encoding(&head, content_type);
    let label = declared.as_deref().unwrap_or("utf-8");
    let strict = declared.is_none();
    decode_with(bytes, label, strict).or_else(|| decode_with(bytes, "windows-1252", false)).unwrap_or_else(|| JsString::from(""))
}

fn decode_with(bytes: &Uint8Array, label: &str, fatal: bool) -> Option<JsString> {
    let options = TextDecoderOptions::new();
    options.set_fatal(fatal);
    let decoder = Decoder::new(label, &options).or_else(|_| Decoder::new("utf-8", &options)).ok()?;
    decoder.decode(bytes).ok()
}
