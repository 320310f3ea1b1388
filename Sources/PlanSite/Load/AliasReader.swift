import PlanMarkdown

/// `aliases: [first-slug, …]` in an item's `meta.yaml`: the slugs it was published under
/// before it was renamed, oldest first. Each must be a slug, not the item's own, and listed
/// once; whether another item owns it is checked once every item is loaded (`AliasOwnership`).
enum AliasReader {
    static let key = "aliases"

    static func read(_ value: YAMLValue?, slug: String, log: inout DiagnosticLog) -> [Alias] {
        guard let value, let listed = value.stringList(key, log: &log) else { return [] }
        var aliases: [Alias] = []
        for (alias, item) in listed {
            if !Slug.isValid(alias) {
                log.error(item.location, "alias '\(alias)' is not a valid slug: use \(Slug.rule)")
            } else if alias == slug {
                log.error(item.location, "alias '\(alias)' is this item's own slug: list only the slugs it had before")
            } else if aliases.contains(where: { $0.slug == alias }) {
                log.error(item.location, "alias '\(alias)' is listed twice")
            } else {
                aliases.append(
                    Alias(
                        slug: alias,
                        position: SourcePosition(
                            line: item.location.line,
                            column: item.location.column)))
            }
        }
        return aliases
    }
}
