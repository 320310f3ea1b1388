/// What identifies the pictures made from one source: the source's bytes (hashed by the
/// caller, with the project's one hash) and everything else that decides their bytes (the
/// recipe's fingerprint, with libvips' version, and whether a cover was made). Equal keys,
/// equal pictures: a cache keyed by it never serves pictures made another way.
public struct DerivativeKey: Hashable, Sendable, Codable {
    public let sourceDigest: String
    public let parameters: String

    public init(sourceDigest: String, recipe: ImageRecipe, makesCover: Bool) {
        self.sourceDigest = sourceDigest
        parameters = recipe.fingerprint + (makesCover ? "; with cover" : "")
    }

    /// The key as one line of text, for a file name's hash or a cache's index.
    public var text: String { "\(sourceDigest) \(parameters)" }
}
