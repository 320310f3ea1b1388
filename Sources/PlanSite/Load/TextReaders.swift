/// Types each kind's `LANG.md` front matter.
enum TextReaders {
    static func home(_ language: LanguageFile, log: inout DiagnosticLog) -> HomeText? {
        guard let map = language.fields else { return nil }
        let fields = FieldReader(
            map, allowed: ["title", SourceHash.key], what: "the home page's front matter", log: &log)
        let title = fields.required("title", log: &log)?.string("title", log: &log)
        let sourceHash = fields.sourceHash(log: &log)
        guard let title else { return nil }
        return HomeText(title: title, body: language.heldBody, source: language.source(sourceHash: sourceHash))
    }

    static let documentKeys = ["title", "subtitle", "issuer", "addressee", "enclosure", "approval", "areasTable"]

    static func document(_ language: LanguageFile, log: inout DiagnosticLog) -> DocumentText? {
        guard let map = language.fields else { return nil }
        let fields = FieldReader(
            map, allowed: documentKeys + [SourceHash.key, MediaFieldsReader.altKey], what: "a document's front matter",
            log: &log)
        let title = fields.required("title", log: &log)?.string("title", log: &log)
        func text(_ key: String) -> String? { fields.optional(key)?.string(key, log: &log) }
        let subtitle = text("subtitle"), issuer = text("issuer"), addressee = text("addressee"),
            enclosure = text("enclosure")
        let approval = fields.optional("approval").flatMap { readApproval($0, log: &log) }
        let table = fields.optional("areasTable").flatMap { readAreasTable($0, log: &log) }
        let sourceHash = fields.sourceHash(log: &log)
        guard let title else { return nil }
        return DocumentText(
            title: title, subtitle: subtitle, issuer: issuer, addressee: addressee, enclosure: enclosure,
            approval: approval, areasTable: table, body: language.heldBody,
            source: language.source(sourceHash: sourceHash))
    }

    static func area(_ language: LanguageFile, log: inout DiagnosticLog) -> AreaText? {
        guard let map = language.fields else { return nil }
        let fields = FieldReader(
            map, allowed: ["title", "short", SourceHash.key, MediaFieldsReader.altKey], what: "an area's front matter",
            log: &log)
        let title = fields.required("title", log: &log)?.string("title", log: &log)
        let short = fields.optional("short")?.string("short", log: &log)
        let sourceHash = fields.sourceHash(log: &log)
        guard let title else { return nil }
        return AreaText(
            title: title, short: short, body: language.heldBody, source: language.source(sourceHash: sourceHash))
    }

    static func event(_ language: LanguageFile, log: inout DiagnosticLog) -> EventText? {
        guard let map = language.fields else { return nil }
        let fields = FieldReader(
            map, allowed: ["title", "location", "summary", SourceHash.key, MediaFieldsReader.altKey],
            what: "an event's front matter", log: &log)
        let title = fields.required("title", log: &log)?.string("title", log: &log)
        let location = fields.optional("location")?.string("location", log: &log)
        let summary = fields.optional("summary")?.string("summary", log: &log)
        let sourceHash = fields.sourceHash(log: &log)
        guard let title else { return nil }
        return EventText(
            title: title, location: location, summary: summary, body: language.rereadBody,
            source: language.source(sourceHash: sourceHash))
    }

    private static func readApproval(_ value: YAMLValue, log: inout DiagnosticLog) -> Approval? {
        guard let map = value.mapping("'approval'", log: &log) else { return nil }
        let fields = FieldReader(map, allowed: ["heading", "signatories"], what: "'approval'", log: &log)
        let heading = fields.required("heading", log: &log)?.string("heading", log: &log)
        var signatories: [Signatory] = []
        for item in fields.required("signatories", log: &log)?.sequence("signatories", log: &log) ?? [] {
            guard let entry = item.mapping("a signatory", log: &log) else { continue }
            let person = FieldReader(entry, allowed: ["name", "office"], what: "a signatory", log: &log)
            if let name = person.required("name", log: &log)?.string("name", log: &log),
                let office = person.required("office", log: &log)?.string("office", log: &log)
            {
                signatories.append(Signatory(name: name, office: office))
            }
        }
        guard let heading else { return nil }
        return Approval(heading: heading, signatories: signatories)
    }

    private static func readAreasTable(_ value: YAMLValue, log: inout DiagnosticLog) -> AreasTableHeader? {
        guard let map = value.mapping("'areasTable'", log: &log) else { return nil }
        let fields = FieldReader(map, allowed: ["number", "title"], what: "'areasTable'", log: &log)
        guard let number = fields.required("number", log: &log)?.string("number", log: &log),
            let title = fields.required("title", log: &log)?.string("title", log: &log)
        else { return nil }
        return AreasTableHeader(number: number, title: title)
    }
}
