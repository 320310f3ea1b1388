/// The text of the files `plansite new` writes: the required keys filled in, the optional
/// ones as YAML comments an editor uncomments.
enum ScaffoldText {
    static func eventMeta(start: String, area: String?, organizers: [String]) -> String {
        var lines = ["start: \(start)"]
        lines.append("# end: \(start)                # optional, not before start")
        lines.append(
            area.map { "area: \($0)" }
                ?? "# area: SLUG                  # an area's folder name; none for a plan milestone")
        lines.append("status: planned                # planned | held | postponed | cancelled")
        lines.append("# format: in-person            # in-person | online | hybrid")
        if !organizers.isEmpty {
            lines.append("# organizers: [\(organizers.joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func documentMeta(order: Int) -> String {
        """
        order: \(order)                       # the document's place in lists
        # reference: PAR/000              # optional, the document's number
        # date: 2024-06-13                # optional, a day
        # place: {en: Astana, ru: Астана}  # optional, per language or one for all

        """
    }

    static func languageFile(kind: NewItem.Kind, title: String, sourceHash: String?) -> String {
        // Quoted, so a slug such as `null` or `yes` is still read as text.
        var lines = ["---", "title: \"\(title)\""]
        switch kind {
        case .event:
            lines += ["# location: the city, or Online", "# summary: one sentence for lists and feeds"]
        case .area:
            lines += ["# short: a shorter title for menus"]
        case .document:
            lines += ["# subtitle: a line under the title"]
        }
        if let sourceHash { lines.append("\(SourceHash.key): \(sourceHash)") }
        lines += ["---", ""]
        return lines.joined(separator: "\n")
    }

    /// `field-week-2025` -> `Field week 2025`: a title to replace, but one that builds.
    static func title(from slug: String) -> String {
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
