/// `plansite status` output: one line per item and language, then a count of each state.
extension TranslationReport {
    public var lines: [String] {
        let width = entries.map(\.item.count).max() ?? 0
        return entries.map { entry in
            entry.item.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.language + "  "
                + entry.description
        }
    }

    public var summary: String {
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.state.word, default: 0] += 1 }
        let parts = ["current", "stale", "unrecorded", "missing"].map { "\(counts[$0, default: 0]) \($0)" }
        let translations = entries.count - counts["source", default: 0]
        return "\(translations) translations: " + parts.joined(separator: ", ")
    }
}

extension TranslationStatusEntry {
    public var description: String {
        switch state {
        case .source: return "source"
        case .current: return "current"
        case .stale(let recorded, let now):
            return "stale: \(sourceLanguage).md changed since this translation (recorded \(recorded), now \(now))"
        case .unrecorded:
            return "unrecorded: records no sourceHash"
        case .missing(let fallback):
            return "missing: readers get \(fallback)"
        }
    }
}

extension TranslationState {
    var word: String {
        switch self {
        case .source: return "source"
        case .current: return "current"
        case .stale: return "stale"
        case .unrecorded: return "unrecorded"
        case .missing: return "missing"
        }
    }
}
