//! Code only some attributes ask for, each a later part of the module: the scan of an item's
//! body for its picture (`data-thumbnails`: `split_pictures.wasm`) and the parameters added to
//! links (`data-link-params`: `split_links.wasm`). A page without those attributes never
//! downloads them. The loader requests the parts a widget's attributes ask for with the module,
//! and the widget mounts once they came (`partsFirst`, as for its words); one given such an
//! attribute later fetches the part then and is drawn again. Should a part never come, pictures
//! are the items' own images and the fallback image, and links are as the feed wrote them.

use crate::parts::{self, Missing};
use news_widget_core::{Config, Layout};
use std::cell::Cell;

/// An item's body → the addresses of its images that may be its picture, in order.
pub type BodyImages = fn(&str) -> Vec<String>;
/// A link and `data-link-params` → the link with the parameters.
pub type WithParams = fn(&str, &str) -> String;

thread_local! {
    static BODY_IMAGES: Cell<Option<BodyImages>> = const { Cell::new(None) };
    static WITH_PARAMS: Cell<Option<WithParams>> = const { Cell::new(None) };
}

/// The pictures' body scan, once its part is here.
pub fn body_images() -> Option<BodyImages> {
    BODY_IMAGES.get()
}

/// The links' parameters, once their part is here.
pub fn with_params() -> Option<WithParams> {
    WITH_PARAMS.get()
}

/// The parts a widget's configuration asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    pictures: bool,
    links: bool,
}

impl Needs {
    pub fn of(config: &Config) -> Needs {
        Needs { pictures: config.thumbnails && config.layout != Layout::Compact, links: config.link_params.is_some() }
    }

    /// Whether every part asked for is here.
    pub fn ready(self) -> bool {
        (!self.pictures || BODY_IMAGES.get().is_some()) && (!self.links || WITH_PARAMS.get().is_some())
    }

    /// Fetches the parts asked for that are not here; `Err` when one cannot come.
    pub async fn fetch(self) -> Result<(), Missing> {
        let mut result = Ok(());
        if self.pictures && BODY_IMAGES.get().is_none() {
            match parts::body_images_code().await {
                Ok(code) => BODY_IMAGES.set(Some(code)),
                Err(missing) => result = Err(missing),
            }
        }
        if self.links && WITH_PARAMS.get().is_none() {
            match parts::with_params_code().await {
                Ok(code) => WITH_PARAMS.set(Some(code)),
                Err(missing) => result = Err(missing),
            }
        }
        result
    }
}
