import Foundation
import PlanMarkdown

/// An entry's record in the load cache: the event, then the warnings its files gave.
extension LoadCache {
    static func writeRecord(_ event: Event, warnings: [Diagnostic], to writer: inout ByteWriter) {
        write(event, to: &writer)
        writer.write(warnings.count)
        for warning in warnings {
            writer.write(warning.location.path)
            writer.write(warning.location.line)
            writer.write(warning.location.column)
            writer.write(warning.message)
        }
    }

    static func readRecord(_ reader: inout ByteReader, tree: ContentTree) throws -> (Event, [Diagnostic]) {
        let event = try readEvent(&reader, tree: tree)
        var warnings: [Diagnostic] = []
        for _ in 0..<(try reader.readCount()) {
            let location = SourceLocation(
                path: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
            warnings.append(Diagnostic(.warning, at: location, try reader.readString()))
        }
        return (event, warnings)
    }

    private static func write(_ time: EventTime, to writer: inout ByteWriter) {
        writer.write(time.date.year)
        writer.write(time.date.month)
        writer.write(time.date.day)
        writer.write(time.minuteOfDay)
    }

    private static func readTime(_ reader: inout ByteReader) throws -> EventTime {
        let date = CalendarDate(year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt())
        return EventTime(date: date, minuteOfDay: try reader.readOptionalInt())
    }

    private static func write(_ event: Event, to writer: inout ByteWriter) {
        writer.write(event.slug)
        writer.write(event.folder)
        write(event.start, to: &writer)
        writer.write(event.end != nil)
        if let end = event.end { write(end, to: &writer) }
        writer.write(event.timezone.identifier)
        writer.write(event.area)
        writer.write(event.status.rawValue)
        writer.write(event.format?.rawValue)
        writer.write(event.organizers.count)
        event.organizers.forEach { writer.write($0) }
        writer.write(event.draft)
        writer.write(event.updated != nil)
        if let updated = event.updated { write(updated, to: &writer) }
        writer.write(event.sequence)
        writer.write(event.aliases.count)
        for alias in event.aliases {
            writer.write(alias.slug)
            writer.write(alias.position.line)
            writer.write(alias.position.column)
        }
        writer.write(event.authentic.count)
        event.authentic.forEach { writer.write($0) }
        writer.write(event.statusKey?.line)
        writer.write(event.statusKey?.column)
        write(event.media, to: &writer)
        writer.write(event.texts.count)
        for code in event.texts.keys.sorted() {
            let text = event.texts[code]!
            writer.write(code)
            writer.write(text.title)
            writer.write(text.location)
            writer.write(text.summary)
            // The file's path, its path as shown and the text's source are those of the
            // folder's `CODE.md`, made again from the tree when read.
            writer.write(text.source.sourceHash)
            let facts = text.body.facts
            writer.write(facts.firstParagraph)
            writer.write(facts.links.count)
            for link in facts.links {
                writer.write(link.url)
                writer.write(link.position.line)
                writer.write(link.position.column)
            }
            let file = text.body.file!
            writer.write(Int(file.stamp.size))
            writer.write(Int(file.stamp.modified))
            writer.write(Int(file.stamp.modifiedNanoseconds))
        }
    }

    private static func readEvent(_ reader: inout ByteReader, tree: ContentTree) throws -> Event {
        let slug = try reader.readString(), folder = try reader.readString()
        let start = try readTime(&reader)
        let end = try reader.readBool() ? try readTime(&reader) : nil
        guard let timezone = TimeZone(identifier: try reader.readString()) else { throw ByteReader.Malformed() }
        let area = try reader.readOptionalString()
        guard let status = EventStatus(rawValue: try reader.readString()) else { throw ByteReader.Malformed() }
        let format = try reader.readOptionalString().map { raw -> EventFormat in
            guard let format = EventFormat(rawValue: raw) else { throw ByteReader.Malformed() }
            return format
        }
        var organizers: [String] = []
        for _ in 0..<(try reader.readCount()) { organizers.append(try reader.readString()) }
        let draft = try reader.readBool()
        let updated = try reader.readBool() ? try readTime(&reader) : nil
        let sequence = try reader.readInt()
        var aliases: [Alias] = []
        for _ in 0..<(try reader.readCount()) {
            let alias = try reader.readString()
            let position = SourcePosition(line: try reader.readInt(), column: try reader.readInt())
            aliases.append(Alias(slug: alias, position: position))
        }
        var authentic: [String] = []
        for _ in 0..<(try reader.readCount()) { authentic.append(try reader.readString()) }
        let statusLine = try reader.readOptionalInt(), statusColumn = try reader.readOptionalInt()
        let statusKey = statusLine.flatMap { line in statusColumn.map { SourcePosition(line: line, column: $0) } }
        let media = try readMedia(&reader)
        var texts: [String: EventText] = [:]
        for _ in 0..<(try reader.readCount()) {
            let code = try reader.readString()
            let title = try reader.readString(), location = try reader.readOptionalString(),
                summary = try reader.readOptionalString()
            let relative = folder + "/" + code + ".md"
            let source = TextSource(
                path: tree.display(relative), folder: folder, sourceHash: try reader.readOptionalString())
            let firstParagraph = try reader.readOptionalString()
            var links: [(url: String, position: SourcePosition)] = []
            for _ in 0..<(try reader.readCount()) {
                let url = try reader.readString()
                links.append((url, SourcePosition(line: try reader.readInt(), column: try reader.readInt())))
            }
            let stamp = FileStamp(
                size: Int64(try reader.readInt()), modified: Int64(try reader.readInt()),
                modifiedNanoseconds: Int64(try reader.readInt()))
            let body = Body(
                text: .file(path: tree.path(relative), displayPath: source.path, stamp: stamp),
                facts: BodyFacts(links: links, firstParagraph: firstParagraph))
            texts[code] = EventText(title: title, location: location, summary: summary, body: body, source: source)
        }
        return Event(
            slug: slug, folder: folder, start: start, end: end, timezone: timezone, area: area, status: status,
            format: format, organizers: organizers, draft: draft, texts: texts, updated: updated,
            sequence: sequence, aliases: aliases, authentic: authentic, statusKey: statusKey, media: media)
    }

    private static func write(_ media: ItemMediaFields, to writer: inout ByteWriter) {
        let mentions = (media.cover.map { [$0] } ?? []) + media.attachments
        writer.write(media.cover != nil)
        writer.write(mentions.count)
        for mention in mentions {
            writer.write(mention.name)
            writer.write(mention.location.path)
            writer.write(mention.location.line)
            writer.write(mention.location.column)
        }
        writer.write(media.coverAlt.count)
        for code in media.coverAlt.keys.sorted() {
            writer.write(code)
            writer.write(media.coverAlt[code]!)
        }
    }

    private static func readMedia(_ reader: inout ByteReader) throws -> ItemMediaFields {
        let hasCover = try reader.readBool()
        var mentions: [MediaMention] = []
        for _ in 0..<(try reader.readCount()) {
            let name = try reader.readString()
            let location = SourceLocation(
                path: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
            mentions.append(MediaMention(name: name, location: location))
        }
        if hasCover && mentions.isEmpty { throw ByteReader.Malformed() }
        var media = ItemMediaFields(
            cover: hasCover ? mentions.first : nil, attachments: Array(mentions.dropFirst(hasCover ? 1 : 0)))
        for _ in 0..<(try reader.readCount()) { media.coverAlt[try reader.readString()] = try reader.readString() }
        return media
    }
}
