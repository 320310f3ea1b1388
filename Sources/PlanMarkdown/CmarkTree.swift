import CCmark

/// A body parsed by cmark, freed with the last document that holds it. The tree is only read
/// once parsed (see `CmarkNode`), so it is shared between threads as it is.
final class CmarkTree: @unchecked Sendable {
    let root: CmarkNode

    init(root: OpaquePointer) {
        self.root = CmarkNode(pointer: root)
    }

    deinit {
        cmark_node_free(root.pointer)
    }
}
