import Foundation
import PlanMarkdown

/// Types each kind's `meta.yaml` and gathers its language files.
enum ItemLoaders {
    static func texts<Text>(
        _ folder: ItemFolder, log: inout DiagnosticLog,
        _ read: (LanguageFile, inout DiagnosticLog) -> Text?
    ) -> [String: Text] {
        var texts: [String: Text] = [:]
        for language in folder.languageFiles {
            if let text = read(language, &log) { texts[language.code] = text }
        }
        return texts
    }

    static func document(_ folder: ItemFolder, config: SiteConfig, log: inout DiagnosticLog) -> Document? {
        let texts = texts(folder, log: &log, TextReaders.document)
        guard let meta = folder.meta else { return nil }
        let allowed =
            ["order", "reference", "date", "place", AliasReader.key, AuthenticReader.key] + MediaFieldsReader.metaKeys
        let fields = FieldReader(meta, allowed: allowed, what: "a document's meta.yaml", log: &log)
        let order = fields.required("order", log: &log)?.int("order", log: &log)
        let reference = fields.optional("reference")?.string("reference", log: &log)
        var date: CalendarDate?
        if let value = fields.optional("date"), let time = EventTimeReader.read(value, key: "date", log: &log) {
            if time.isTimed { log.error(value.location, "'date' of a document is a day, without a time") }
            date = time.date
        }
        let place = fields.optional("place").flatMap {
            LocalizedTextReader.read($0, key: "place", languages: config.languages.map(\.code), log: &log)
        }
        let aliases = AliasReader.read(fields.optional(AliasReader.key), slug: folder.slug, log: &log)
        let authentic = AuthenticReader.read(
            fields.optional(AuthenticReader.key), folder: folder, config: config,
            log: &log)
        let media = MediaFieldsReader.read(fields, folder: folder, log: &log)
        guard let order, texts.count == folder.languageFiles.count else { return nil }
        return Document(
            slug: folder.slug, folder: folder.relative, order: order, reference: reference, date: date,
            place: place, texts: texts, aliases: aliases, authentic: authentic, media: media)
    }

    /// The area and where its number was written (for duplicate-number errors).
    static func area(_ folder: ItemFolder, config: SiteConfig, log: inout DiagnosticLog) -> (Area, SourceLocation)? {
        let texts = texts(folder, log: &log, TextReaders.area)
        guard let meta = folder.meta else { return nil }
        let fields = FieldReader(
            meta, allowed: ["number", AliasReader.key, AuthenticReader.key] + MediaFieldsReader.metaKeys,
            what: "an area's meta.yaml", log: &log)
        let aliases = AliasReader.read(fields.optional(AliasReader.key), slug: folder.slug, log: &log)
        let authentic = AuthenticReader.read(
            fields.optional(AuthenticReader.key), folder: folder, config: config,
            log: &log)
        let media = MediaFieldsReader.read(fields, folder: folder, log: &log)
        guard let numberValue = fields.required("number", log: &log),
            let number = numberValue.int("number", log: &log)
        else { return nil }
        if number < 1 {
            log.error(numberValue.location, "'number' must be 1 or more (the area's row in the plan's table)")
            return nil
        }
        guard texts.count == folder.languageFiles.count else { return nil }
        return (
            Area(
                slug: folder.slug, folder: folder.relative, number: number, texts: texts, aliases: aliases,
                authentic: authentic, media: media), numberValue.location
        )
    }

    static let eventKeys =
        [
            "start", "end", "timezone", "area", "status", "format", "organizers", "draft", "updated",
            "sequence", AliasReader.key, AuthenticReader.key
        ] + MediaFieldsReader.metaKeys

    static func event(_ folder: ItemFolder, config: SiteConfig, areaSlugs: [String], log: inout DiagnosticLog) -> Event?
    {
        let texts = texts(folder, log: &log, TextReaders.event)
        guard let meta = folder.meta else { return nil }
        let fields = FieldReader(meta, allowed: eventKeys, what: "an event's meta.yaml", log: &log)
        let start = fields.required("start", log: &log).flatMap { EventTimeReader.read($0, key: "start", log: &log) }
        var end: EventTime?
        if let value = fields.optional("end"), let parsed = EventTimeReader.read(value, key: "end", log: &log) {
            end = parsed
            if let start {
                if start.isTimed != parsed.isTimed {
                    log.error(value.location, "'end' and 'start' must both be days, or both days with a time")
                    end = nil
                } else if parsed < start {
                    log.error(value.location, "'end' (\(parsed)) is before 'start' (\(start))")
                    end = nil
                }
            }
        }
        let timezone = fields.optional("timezone").map { TimeZoneReader.read($0, log: &log) } ?? config.timezone
        var area: String?
        if let value = fields.optional("area"), let slug = value.string("area", log: &log) {
            if areaSlugs.contains(slug) {
                area = slug
            } else {
                log.error(value.location, "unknown area '\(slug)'\(Suggestions.hint(for: slug, among: areaSlugs))")
            }
        }
        let status = fields.optional("status").map {
            ChoiceReader.read($0, key: "status", as: EventStatus.self, log: &log)
        }
        let format = fields.optional("format").flatMap {
            ChoiceReader.read($0, key: "format", as: EventFormat.self, log: &log)
        }
        var organizers: [String] = []
        for (key, value) in fields.optional("organizers")?.stringList("organizers", log: &log) ?? [] {
            if config.organizations[key] != nil {
                organizers.append(key)
            } else {
                log.error(
                    value.location,
                    "unknown organizer '\(key)': list it under 'organizations' in site.yaml"
                        + "\(Suggestions.hint(for: key, among: config.organizationOrder))"
                )
            }
        }
        let draft = fields.optional("draft").map { $0.bool("draft", log: &log) } ?? false
        let updated = fields.optional("updated").flatMap { EventTimeReader.read($0, key: "updated", log: &log) }
        var sequence: Int? = 0
        if let value = fields.optional("sequence") {
            sequence = value.int("sequence", log: &log)
            if let number = sequence, number < 0 {
                log.error(
                    value.location, "'sequence' must be 0 or more (raise it by one when dates, time or place change)")
                sequence = nil
            }
        }
        LocalTimeCheck.check(
            [("start", start), ("end", end), ("updated", updated)], of: fields, in: timezone,
            log: &log)
        let aliases = AliasReader.read(fields.optional(AliasReader.key), slug: folder.slug, log: &log)
        let authentic = AuthenticReader.read(
            fields.optional(AuthenticReader.key), folder: folder, config: config,
            log: &log)
        let media = MediaFieldsReader.read(fields, folder: folder, log: &log)
        var statusKey: SourcePosition?
        for index in meta.entries.indices where meta.entries[index].key == "status" {
            let at = meta.entries[index].keyValue.location
            statusKey = SourcePosition(line: at.line, column: at.column)
        }
        guard let start, let timezone, let status = status ?? .planned, let draft, let sequence,
            texts.count == folder.languageFiles.count
        else { return nil }
        return Event(
            slug: folder.slug, folder: folder.relative, start: start, end: end, timezone: timezone, area: area,
            status: status, format: format, organizers: organizers, draft: draft, texts: texts,
            updated: updated, sequence: sequence, aliases: aliases, authentic: authentic, statusKey: statusKey,
            media: media)
    }
}
