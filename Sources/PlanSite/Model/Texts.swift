import PlanMarkdown

/// Where one language's text of an item came from, for diagnostics and relative links.
public struct TextSource: Sendable {
    /// The `LANG.md` file as shown in diagnostics.
    public let path: String
    /// The item's folder relative to the content root (`documents/plan`), where relative links start.
    public let folder: String
    /// The `sourceHash` the file records: the source-language version it was translated from.
    public var sourceHash: String? = nil
}

/// The home page's intro in one language.
public struct HomeText: Sendable {
    public let title: String
    public let body: Body
    public let source: TextSource
}

/// A signatory in a document's approval block.
public struct Signatory: Sendable, Equatable {
    public let name: String
    public let office: String
}

/// A document's approval block ("APPROVED", then each signatory's name and office).
public struct Approval: Sendable, Equatable {
    public let heading: String
    public let signatories: [Signatory]
}

/// The column headings of the plan's numbered table of areas, in the document's language.
public struct AreasTableHeader: Sendable, Equatable {
    public let number: String
    public let title: String
}

/// A document in one language.
public struct DocumentText: Sendable {
    public let title: String
    public let subtitle: String?
    public let issuer: String?
    public let addressee: String?
    public let enclosure: String?
    public let approval: Approval?
    /// Present when the document shows the table of areas after its body.
    public let areasTable: AreasTableHeader?
    public let body: Body
    public let source: TextSource
}

/// An area of the plan in one language.
public struct AreaText: Sendable {
    public let title: String
    public let short: String?
    public let body: Body
    public let source: TextSource
}

/// An event in one language.
public struct EventText: Sendable {
    public let title: String
    public let location: String?
    public let summary: String?
    public let body: Body
    public let source: TextSource
}
