/// A language the site is published in, as `site.yaml` lists it.
public struct Language: Sendable, Equatable, Hashable {
    /// The code used in paths and `lang` attributes (`en`, `ru`, `kk`).
    public let code: String
    /// The language's own name for itself, shown in the language switcher.
    public let name: String
    /// Languages to try, in order, when an item lacks this one.
    public let fallback: [String]
    /// The ICU locale for dates (`en-GB` writes "25 June 2024"); defaults to the code.
    public let locale: String

    public init(code: String, name: String, fallback: [String] = [], locale: String? = nil) {
        self.code = code
        self.name = name
        self.fallback = fallback
        self.locale = locale ?? code
    }
}
