/// `cover` and `attachments` in an item's `meta.yaml`, and `coverAlt` in its language files
/// (CONTENT.md, "Media"). Whether the files exist is checked once the folder's media are
/// known (`MediaCheck`); here only their form.
enum MediaFieldsReader {
    static let metaKeys = ["cover", "attachments"]
    static let altKey = "coverAlt"

    static func read(_ fields: FieldReader, folder: ItemFolder, log: inout DiagnosticLog) -> ItemMediaFields {
        var media = ItemMediaFields()
        if let value = fields.optional("cover"), let name = value.string("cover", log: &log) {
            media.cover = MediaMention(name: name, location: value.location)
        }
        var seen: Set<String> = []
        for (name, value) in fields.optional("attachments")?.stringList("attachments", log: &log) ?? [] {
            guard seen.insert(name).inserted else {
                log.error(value.location, "'\(name)' is listed twice in 'attachments'")
                continue
            }
            media.attachments.append(MediaMention(name: name, location: value.location))
        }
        for language in folder.languageFiles {
            guard let value = language.fields?[altKey], let alt = value.string(altKey, log: &log) else { continue }
            let trimmed = YAMLValue.trimmed(alt)
            if trimmed.isEmpty {
                log.error(
                    value.location, "'\(altKey)' is empty: say what the cover shows, for readers who cannot see it")
            } else {
                media.coverAlt[language.code] = trimmed
            }
        }
        return media
    }
}
