/// A short text given per language in YAML (`{en: CICA, ru: СВМДА}`), or once for all.
public struct LocalizedText: Sendable, Equatable {
    public let values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The text in the first language of the chain that has one.
    public func value(in chain: [String]) -> (text: String, language: String)? {
        for code in chain {
            if let text = values[code] { return (text, code) }
        }
        return nil
    }
}
