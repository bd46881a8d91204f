//! Leptos components: they read a widget's state and call its actions; they neither fetch
//! nor parse. The rules below are much of why the module is half its first size; each has a test
//! that fails when it is broken.
//!
//! 1. **No reactive primitives.** No `signal`, `Memo`, `Effect`, `Show`, `For` or reactive
//!    attribute closure: the whole view is one function ([`widget::news_widget`]) that reads
//!    the model into a [`widget::Frame`] and returns a plain, statically typed tree, which
//!    [`draw`] builds once and patches in place after each change of the model. Each signal
//!    type and each reactive node costs its own copy of Leptos's reactive machinery: one
//!    render effect instead of one per attribute, per `Show`, a keyed `For` and a memo per
//!    teaser measured −17.3 KiB gzip, one model signal instead of several −10.6 KiB, and no
//!    signal at all (the redraw queued by the state's change) −7.7 KiB (BENCHMARKS.md, "What
//!    moved the size"). Guarded by `make size` (the ceiling in tools/size.mjs) and the figure
//!    in BENCHMARKS.md.
//! 2. **Positional patching.** When the frame changes, Leptos patches the new tree over the old
//!    one *by position*: the third `<li>` stays the third `<li>` element with new text. So an
//!    element is not an item: focus, an `<img>` being loaded and an open article's body belong
//!    to a position, not to a story. Therefore (a) focus is restored by item id after a refresh
//!    (`WidgetState::refocus_after_render`), guarded by `tests/e2e/widget.test.mjs` ("a refresh
//!    that inserts items above an open, focused article"); (b) an open article lives inside its
//!    teaser's `<li>`, so when a refresh moves the open item the article is built afresh at its
//!    new position: its image loads again, and a broken one hides through its own `error`
//!    handler (readers.test.mjs, "images"); (c) a body is filled by item id
//!    (`dom::fill_once`): a re-render of the same item leaves its nodes (and the reader's
//!    selection) alone, another item at that position replaces them (faults.test.mjs, "a
//!    refresh never closes the article being read").
//! 3. **Every `view!` carries the `nw` class prefix** (`view! { class="nw", … }`). Without it,
//!    Leptos compiles a view's static parts to an HTML string set through `innerHTML`, a
//!    Trusted Types sink that a strict page (`require-trusted-types-for 'script'`) refuses,
//!    and the widget would break there. With it, every node is created with `createElement`.
//!    Guarded by guest.test.mjs ("under a strict CSP with Trusted Types …", no violation) and
//!    stable.test.mjs (the same page for dist-stable/).
//! 4. **No event delegation.** Leptos's `delegation` feature listens on the document, which
//!    never sees events from inside a closed shadow root; handlers are bound on the elements
//!    themselves (`on:click` without delegation). Guarded by every test that clicks or types.

pub mod article;
pub mod draw;
pub mod teaser;
pub mod widget;
