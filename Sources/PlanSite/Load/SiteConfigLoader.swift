import Foundation

/// Reads and checks `site.yaml`.
enum SiteConfigLoader {
    static let keys = ["title", "languages", "baseURL", "timezone", "period", "organizations"]

    static func load(_ tree: ContentTree, log: inout DiagnosticLog) -> SiteConfig? {
        guard tree.exists("site.yaml") else {
            log.error(
                SourceLocation(path: tree.display("site.yaml")), "missing site.yaml: every content folder needs one")
            return nil
        }
        guard let file = tree.read("site.yaml", log: &log) else { return nil }
        guard let yaml = YAMLValue.parse(file.text, file: file, lineOffset: 0, log: &log) else {
            if !log.hasErrors { log.error(file.location(line: 1, column: 1), "site.yaml is empty") }
            return nil
        }
        guard let mapping = yaml.mapping("site.yaml", log: &log) else { return nil }
        let fields = FieldReader(mapping, allowed: keys, what: "site.yaml", log: &log)

        let languages = fields.required("languages", log: &log).flatMap { readLanguages($0, log: &log) } ?? []
        let codes = languages.map(\.code)
        let title = fields.required("title", log: &log).flatMap {
            LocalizedTextReader.read($0, key: "title", languages: codes, log: &log)
        }
        let baseURL = fields.required("baseURL", log: &log).flatMap { readBaseURL($0, log: &log) }
        let timezone =
            fields.optional("timezone").map { TimeZoneReader.read($0, log: &log) } ?? TimeZone(identifier: "UTC")
        let period = fields.optional("period").flatMap { readPeriod($0, log: &log) }
        var organizationOrder: [String] = []
        var organizations: [String: LocalizedText] = [:]
        if let value = fields.optional("organizations"), let map = value.mapping("'organizations'", log: &log) {
            for entry in map.entries {
                if let text = LocalizedTextReader.read(entry.value, key: entry.key, languages: codes, log: &log) {
                    organizationOrder.append(entry.key)
                    organizations[entry.key] = text
                }
            }
        }
        guard !languages.isEmpty, let title, let baseURL, let timezone else { return nil }
        return SiteConfig(
            title: title, languages: languages, baseURL: baseURL, timezone: timezone,
            period: period ?? 2024...2029, organizationOrder: organizationOrder,
            organizations: organizations)
    }

    private static func readLanguages(_ value: YAMLValue, log: inout DiagnosticLog) -> [Language]? {
        guard let list = value.sequence("languages", log: &log) else { return nil }
        if list.isEmpty {
            log.error(value.location, "'languages' is empty: list at least one language")
            return nil
        }
        var languages: [(Language, [(String, YAMLValue)])] = []
        for item in list {
            guard let map = item.mapping("a language", log: &log) else { continue }
            let fields = FieldReader(
                map, allowed: ["code", "name", "fallback", "locale"], what: "a language", log: &log)
            guard let codeValue = fields.required("code", log: &log), let code = codeValue.string("code", log: &log),
                let name = fields.required("name", log: &log)?.string("name", log: &log)
            else { continue }
            guard LanguageCode.isValid(code) else {
                log.error(
                    codeValue.location, "'\(code)' is not a language code (use a BCP 47 code such as en, ru or kk)")
                continue
            }
            guard code.utf8.count <= LanguageCode.maximumLength else {
                log.error(
                    codeValue.location,
                    "language code '\(code)' is longer than \(LanguageCode.maximumLength) characters")
                continue
            }
            if languages.contains(where: { $0.0.code == code }) {
                log.error(codeValue.location, "language '\(code)' is listed twice")
                continue
            }
            let fallback = fields.optional("fallback")?.stringList("fallback", log: &log) ?? []
            let locale = fields.optional("locale")?.string("locale", log: &log)
            languages.append((Language(code: code, name: name, fallback: fallback.map(\.0), locale: locale), fallback))
        }
        let codes = languages.map(\.0.code)
        for (_, fallback) in languages {
            for (code, value) in fallback where !codes.contains(code) {
                log.error(
                    value.location,
                    "fallback language '\(code)' is not listed in 'languages'"
                        + "\(Suggestions.hint(for: code, among: codes))"
                )
            }
        }
        return languages.map(\.0)
    }

    private static func readBaseURL(_ value: YAMLValue, log: inout DiagnosticLog) -> String? {
        guard let text = value.string("baseURL", log: &log) else { return nil }
        return BaseURL.normalized(text)
            ?? {
                log.error(
                    value.location, "'baseURL' must be an absolute http or https URL, such as https://example.org/plan/"
                )
                return nil
            }()
    }

    private static func readPeriod(_ value: YAMLValue, log: inout DiagnosticLog) -> ClosedRange<Int>? {
        guard let map = value.mapping("'period'", log: &log) else { return nil }
        let fields = FieldReader(map, allowed: ["start", "end"], what: "'period'", log: &log)
        guard let startValue = fields.required("start", log: &log), let start = startValue.int("start", log: &log),
            let endValue = fields.required("end", log: &log), let end = endValue.int("end", log: &log)
        else { return nil }
        // The calendar shows every year of the period: a typo (20299) must not make it endless.
        var inRange = true
        let years = [("start", start, startValue), ("end", end, endValue)]
        for (key, year, value) in years where !YearBounds.years.contains(year) {
            log.error(value.location, "'\(key)' of 'period' must be a year from \(YearBounds.description), not \(year)")
            inRange = false
        }
        guard inRange else { return nil }
        guard start <= end else {
            log.error(endValue.location, "'period' ends (\(end)) before it starts (\(start))")
            return nil
        }
        guard end - start < YearBounds.longestPeriod else {
            let span = "\(end - start + 1) years (\(start)-\(end))"
            log.error(endValue.location, "'period' spans \(span); it may span at most \(YearBounds.longestPeriod)")
            return nil
        }
        return start...end
    }
}

/// BCP 47-shaped codes: a 2-3 letter primary tag, optional subtags.
enum LanguageCode {
    /// RFC 5646 (4.4.1) finds 35 characters enough for any useful tag. A code names files kept
    /// beside the output folder, whose names the file system limits (`OutputSiblings`).
    static let maximumLength = 35

    static func isValid(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
            primary.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count)
                && part.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
                }
        }
    }
}

/// The site's base URL, made to end in `/`.
public enum BaseURL {
    public static func normalized(_ text: String) -> String? {
        // Foundation would percent-encode a space or a quote; either in a base URL is a typo.
        guard !text.unicodeScalars.contains(where: isRefused),
            let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// Spaces, control characters, quotes and the other characters RFC 3986 never allows.
    private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || "\"'<>\\^`{|}".unicodeScalars.contains(scalar)
    }
}
