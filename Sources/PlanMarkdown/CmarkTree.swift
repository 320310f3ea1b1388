import CCmark

/// A body parsed by cmark, freed with the last document that holds it. The tree is only read
/// once parsed (see `CmarkNode`), so it is shared between threads as it is.
final class CmarkTree: @unchecked Sendable {
    let root: CmarkNode
    /// The link and image nodes, in document order (`MarkdownParser.parse` finds them).
    let links: [CmarkNode]

    init(root: OpaquePointer, links: [CmarkNode]) {
        self.root = CmarkNode(pointer: root)
        self.links = links
    }

    deinit {
        cmark_node_free(root.pointer)
    }
}
