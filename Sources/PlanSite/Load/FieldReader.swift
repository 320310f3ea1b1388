/// Reads a mapping against the keys a kind of file allows: unknown keys are reported (with a
/// hint for near misses), missing required keys are reported at the mapping.
struct FieldReader {
    let mapping: YAMLMapping
    let what: String

    init(_ mapping: YAMLMapping, allowed: [String], what: String, log: inout DiagnosticLog) {
        self.mapping = mapping
        self.what = what
        // By index: only an unknown key's entry is copied (see `YAMLMapping`'s subscript).
        for index in mapping.entries.indices where !allowed.contains(mapping.entries[index].key) {
            let entry = mapping.entries[index]
            let hint = Suggestions.hint(for: entry.key, among: allowed)
            log.error(
                entry.keyValue.location,
                "unknown key '\(entry.key)' in \(what)"
                    + "\(hint.isEmpty ? " (allowed: \(allowed.joined(separator: ", ")))" : hint)"
            )
        }
    }

    func optional(_ key: String) -> YAMLValue? {
        mapping[key]
    }

    func required(_ key: String, log: inout DiagnosticLog) -> YAMLValue? {
        guard let value = mapping[key] else {
            log.error(mapping.location, "missing required key '\(key)' in \(what)")
            return nil
        }
        return value
    }
}
