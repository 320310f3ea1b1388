import Foundation

/// What an SVG attribute or stylesheet may not say: the rules of `SVGCheck`, on decoded text.
enum SVGRules {
    /// The problems of one attribute (`name` as written, with its prefix) of `element`.
    static func problems(attribute name: String, value: String, element: String) -> [String] {
        let local = (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
        var found: [String] = []
        if local.hasPrefix("on") { found.append("event handler '\(name)' is not allowed") }
        if local == "href" && !value.trimmed.hasPrefix("#") {
            found.append("'\(name)' refers to another file or host ('\(value.shortened)'): only '#id' inside the image")
        }
        if local == "src" { found.append("'\(name)' refers to another file or host ('\(value.shortened)')") }
        // <set attributeName="href" to="javascript:…"> changes a link after the checks.
        if local == "attributename"
            && ["set", "animate", "animatemotion", "animatetransform", "animatecolor"]
                .contains(element)
        {
            let target = (value.split(separator: ":").last.map(String.init) ?? value).trimmed.lowercased()
            if target == "href" || target == "src" || target.hasPrefix("on") {
                found.append("animating '\(value)' is not allowed")
            }
        }
        if local == "style" { return found + styleProblems(value) }
        return found + urlProblems(value)
    }

    /// The problems of CSS text (a `<style>` element, a `style` attribute, a presentation
    /// attribute such as `fill="url(#gradient)"`).
    static func styleProblems(_ text: String) -> [String] {
        var found: [String] = []
        let lowered = text.lowercased()
        if lowered.contains("@import") { found.append("'@import' loads another file: not allowed") }
        // An escape can spell `url` or `@import` past the checks above, and SVG needs none.
        if text.contains("\\") { found.append("CSS escapes ('\\') are not allowed") }
        return found + urlProblems(text)
    }

    private static func urlProblems(_ text: String) -> [String] {
        urls(in: text).filter { !$0.hasPrefix("#") }.map { reference in
            "url(\(reference.shortened)) refers to another file or host: only url(#id) inside the image"
        }
    }

    /// The arguments of every `url(…)`, quotes and spaces removed.
    private static func urls(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "url(", options: .caseInsensitive) {
            let after = rest[start.upperBound...]
            let close = after.firstIndex(of: ")") ?? after.endIndex
            let argument = after[..<close].trimmingCharacters(in: .whitespacesAndNewlines)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).trimmed
            found.append(argument)
            rest = after[close...]
        }
        return found
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    /// At most 60 characters, for a message.
    fileprivate var shortened: String { count <= 60 ? self : prefix(57) + "…" }
}
