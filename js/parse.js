// The only place feed text becomes a document. DOMParser is a Trusted Types sink, so when the
// host enforces Trusted Types the text goes through a policy named "news-widget". The policy
// passes the text through unchanged: the document DOMParser makes is inert (no script runs, no
// resource loads), and the sanitizer builds fresh nodes from it with an allow-list.
let policy;

function trusted(text) {
  if (policy === undefined) {
    policy = null;
    const tt = globalThis.trustedTypes;
    if (tt && tt.createPolicy) {
      try {
        policy = tt.createPolicy("news-widget", { createHTML: (s) => s });
      } catch (_) {
        // The host's CSP does not allow this policy name: parsing will report it.
      }
    }
  }
  return policy ? policy.createHTML(text) : text;
}

export function parseDocument(text, type) {
  return new DOMParser().parseFromString(trusted(text), type);
}
