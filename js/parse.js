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

// The text of HTML as a reader sees it (see the core's text module): `dropped` elements are
// left out with their content, and each of `blocks` ends a word. The HTML is parsed into a
// template of a document with no window: nothing in it runs or loads, and one template parsed
// again costs a fraction of a new document each time.
let template;

export function htmlText(text, dropped, blocks) {
  template ||= document.implementation.createHTMLDocument("").createElement("template");
  template.innerHTML = trusted(text);
  const content = template.content;
  for (const el of content.querySelectorAll(dropped)) el.remove();
  for (const el of content.querySelectorAll(blocks)) el.before(" "), el.after(" ");
  return content.textContent;
}
