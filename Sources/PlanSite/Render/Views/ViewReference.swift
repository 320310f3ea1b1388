import Mustache

/// A view in a class, as the views answer the views they hold (`ViewLookup.swift`).
/// swift-mustache casts every object on its context stack to two protocols on each key lookup,
/// and casting a struct copies all of it (every string retained and released again); casting
/// a class copies one reference. With the page's view and its chrome as structs, those copies
/// were most of the time spent rendering templates.
final class ViewReference: MustacheParent, @unchecked Sendable {
    /// The view, held once.
    let view: any MustacheParent

    init(_ view: any MustacheParent) {
        self.view = view
    }

    func child(named name: String) -> Any? {
        view.child(named: name)
    }
}
