import Foundation

/// `{en: …, ru: …}` per language, or one text for every language.
enum LocalizedTextReader {
    static func read(_ value: YAMLValue, key: String, languages: [String], log: inout DiagnosticLog) -> LocalizedText? {
        if case .scalar = value.node {
            guard let text = value.string(key, log: &log) else { return nil }
            return LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, text) }))
        }
        guard let map = value.mapping("'\(key)'", log: &log) else { return nil }
        var values: [String: String] = [:]
        for entry in map.entries {
            guard languages.isEmpty || languages.contains(entry.key) else {
                log.error(
                    entry.keyValue.location,
                    "'\(entry.key)' in '\(key)' is not a language listed in site.yaml"
                        + "\(Suggestions.hint(for: entry.key, among: languages))"
                )
                continue
            }
            if let text = entry.value.string("\(key).\(entry.key)", log: &log) { values[entry.key] = text }
        }
        if values.isEmpty {
            log.error(value.location, "'\(key)' gives no text")
            return nil
        }
        return LocalizedText(values)
    }
}

enum TimeZoneReader {
    static func read(_ value: YAMLValue, log: inout DiagnosticLog) -> TimeZone? {
        guard let name = value.string("timezone", log: &log) else { return nil }
        // IANA names only: abbreviations such as "EST" are ambiguous and Foundation guesses.
        guard name.contains("/") || name == "UTC", let zone = TimeZone(identifier: name) else {
            let hint = Suggestions.hint(for: name, among: TimeZone.knownTimeZoneIdentifiers)
            log.error(value.location, "unknown time zone '\(name)': use an IANA name such as Asia/Almaty\(hint)")
            return nil
        }
        return zone
    }
}

enum EventTimeReader {
    static func read(_ value: YAMLValue, key: String, log: inout DiagnosticLog) -> EventTime? {
        guard let text = value.string(key, log: &log) else { return nil }
        return read(text, key: key, at: value.location, log: &log)
    }

    /// The same check for a date given elsewhere (`plansite new event --start`).
    static func read(_ text: String, key: String, at location: SourceLocation, log: inout DiagnosticLog) -> EventTime? {
        switch EventTime.parse(text) {
        case .success(let time) where !YearBounds.years.contains(time.date.year):
            log.error(location, "'\(key)' must be a date from \(YearBounds.description), not '\(text)'")
        case .success(let time): return time
        case .failure(.malformed):
            log.error(location, "'\(key)' must be a date such as 2025-03-12 or 2025-03-12 10:00, not '\(text)'")
        case .failure(.impossible(let why)):
            log.error(location, "impossible date '\(text)' in '\(key)': \(why)")
        }
        return nil
    }
}

/// One of a fixed set of words, with a hint for near misses.
enum ChoiceReader {
    static func read<Choice: RawRepresentable & CaseIterable>(
        _ value: YAMLValue, key: String, as: Choice.Type,
        log: inout DiagnosticLog
    ) -> Choice? where Choice.RawValue == String {
        guard let text = value.string(key, log: &log) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let allowed = Choice.allCases.map(\.rawValue)
        let hint = Suggestions.hint(for: text, among: allowed)
        log.error(value.location, "unknown \(key) '\(text)' (allowed: \(allowed.joined(separator: ", ")))\(hint)")
        return nil
    }
}
