//! Drawing a widget's view, and drawing it again when its model changes: Leptos's renderer
//! (tachys) builds the tree once and patches it in place with each new tree (`Render::build`,
//! `Render::rebuild`), as its own render effects do, but called by the state's change
//! (`WidgetState::change` queues one redraw per task) instead of a reactive graph that the
//! widget's one model does not need.

use crate::browser::timers::yield_now;
use crate::widget::state::WidgetState;
use leptos::tachys::view::{Mountable, Render};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;

/// A drawn view: dropping it removes the view from the page and forgets the widget's model.
pub struct Drawn {
    state: WidgetState,
    unmount: Option<Box<dyn FnOnce()>>,
}

impl Drop for Drawn {
    fn drop(&mut self) {
        self.state.dispose();
        if let Some(unmount) = self.unmount.take() {
            unmount();
        }
    }
}

/// Draws `render`'s view at the start of `parent` (an element or a shadow root) in a task of
/// its own, then again, patched in place, after each change of `state`. Its own task: the
/// widget's mounting (its configuration, its saved copy read and mapped) and its first drawing
/// are each short, where together they were the longest task of a page on a slow phone; and
/// the first drawing already shows what the mounting found (a return visit's teasers, never a
/// placeholder first).
pub fn draw<V>(parent: &Element, state: WidgetState, render: impl Fn() -> V + 'static) -> Drawn
where
    V: Render + 'static,
{
    let view: Rc<RefCell<Option<V::State>>> = Rc::new(RefCell::new(None));
    let (built, parent) = (view.clone(), parent.clone());
    wasm_bindgen_futures::spawn_local(async move {
        yield_now().await;
        if !state.is_live() {
            return;
        }
        let mut first = render().build();
        // Before the fallback content's slot, when the host has one (`dom::fallback_slot`).
        first.mount(&parent, parent.first_child().as_ref());
        *built.borrow_mut() = Some(first);
        state.set_redraw(Rc::new(move || {
            // (Never nested: a change made while the view is patched queues the next redraw.)
            if let Ok(mut view) = built.try_borrow_mut() {
                if let Some(view) = view.as_mut() {
                    render().rebuild(view);
                }
            }
        }));
    });
    let unmount = Box::new(move || {
        if let Some(view) = view.try_borrow_mut().ok().as_mut().and_then(|v| v.as_mut()) {
            view.unmount();
        }
    });
    Drawn { state, unmount: Some(unmount) }
}
