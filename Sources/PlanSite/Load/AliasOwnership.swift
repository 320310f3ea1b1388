/// An old address leads to one item only: an alias that another item of the same kind has as
/// its slug, or as an alias of its own, is an error at the alias (CONTENT.md, "Renamed items").
/// Two items that list one alias are each told of the other: neither owns it more than the
/// other. Kinds do not meet: a document and an area live under different paths.
enum AliasOwnership {
    struct Owner {
        let slug: String
        /// The item's folder under the content root.
        let folder: String
        let aliases: [Alias]
    }

    /// - Parameter slugs: every slug of the kind and its folder, loaded or not (a folder whose
    ///   item has errors still owns its name).
    static func check(_ owners: [Owner], slugs: [String: String], tree: ContentTree, log: inout DiagnosticLog) {
        var claims: [String: [(folder: String, at: SourceLocation)]] = [:]
        for owner in owners {
            for alias in owner.aliases {
                let at = SourceLocation(
                    path: tree.display(owner.folder + "/meta.yaml"), line: alias.position.line,
                    column: alias.position.column)
                if let other = slugs[alias.slug], other != owner.folder {
                    log.error(
                        at,
                        "alias '\(alias.slug)' is the slug of \(tree.display(other)): "
                            + "an old address can lead to one item only")
                } else {
                    claims[alias.slug, default: []].append((owner.folder, at))
                }
            }
        }
        for (alias, claimants) in claims where claimants.count > 1 {
            for claimant in claimants {
                let others = claimants.filter { $0.folder != claimant.folder }
                    .map { "\(tree.display($0.folder)) (\($0.at.description))" }.sorted()
                log.error(
                    claimant.at,
                    "alias '\(alias)' is also an alias of \(others.joined(separator: ", ")): "
                        + "an old address can lead to one item only")
            }
        }
    }
}
