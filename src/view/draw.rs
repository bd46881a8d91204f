//! Drawing a widget's view, and drawing it again when its model changes: Leptos's renderer
//! (tachys) builds the tree once and patches it in place with each new tree (`Render::build`,
//! `Render::rebuild`), as its own render effects do, but called by the state's change
//! (`WidgetState::change` queues one redraw per task) instead of a reactive graph that the
//! widget's one model does not need.

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

/// Draws `render`'s view at the end of `parent` (an element or a shadow root), and again,
/// patched in place, after each change of `state`.
pub fn draw<V>(parent: &Element, state: WidgetState, render: impl Fn() -> V + 'static) -> Drawn
where
    V: Render + 'static,
{
    let mut built = render().build();
    built.mount(parent, None);
    let built = Rc::new(RefCell::new(built));
    let drawn = built.clone();
    state.set_redraw(Rc::new(move || {
        // (Never nested: a change made while the view is patched queues the next redraw.)
        if let Ok(mut view) = drawn.try_borrow_mut() {
            render().rebuild(&mut view);
        }
    }));
    let unmount = Box::new(move || {
        if let Ok(mut view) = built.try_borrow_mut() {
            view.unmount();
        }
    });
    Drawn { state, unmount: Some(unmount) }
}
