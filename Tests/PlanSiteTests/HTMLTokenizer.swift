/// The start tags of an HTML page as a browser's tokenizer reads them (HTML Living Standard
/// §13.2.5, the states that decide what is a tag): text, character references, comments,
/// doctypes, start and end tags with their attributes, and the raw text of `script` and
/// `style` (RAWTEXT) and of `title` and `textarea` (RCDATA), which only their own end tag
/// closes. Enough to tell what markup a page holds; the injection tests walk it.
struct HTMLTokenizer {
    struct StartTag: Equatable {
        let name: String
        /// Names lowercased; values with character references decoded.
        let attributes: [(name: String, value: String)]
        /// The raw text inside a `script` or `style` element.
        var rawText: String?

        static func == (a: StartTag, b: StartTag) -> Bool {
            a.name == b.name && a.attributes.map { [$0.name, $0.value] } == b.attributes.map { [$0.name, $0.value] }
                && a.rawText == b.rawText
        }

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    static func startTags(_ html: String) -> [StartTag] {
        let s = Array(html.unicodeScalars)
        var tags: [StartTag] = []
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func isSpace(_ c: Unicode.Scalar?) -> Bool { c.map { " \t\n\r\u{0C}".unicodeScalars.contains($0) } ?? false }
        func isAlpha(_ c: Unicode.Scalar?) -> Bool { c.map { $0.isASCII && $0.properties.isAlphabetic } ?? false }
        func starts(_ text: String, at k: Int) -> Bool {
            let t = Array(text.unicodeScalars)
            return k + t.count <= s.count && String(String.UnicodeScalarView(s[k..<k + t.count])).lowercased() == text
        }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if starts("<!--", at: i) {
                i += 4
                while i < s.count && !starts("-->", at: i) { i += 1 }
                i += 3
                continue
            }
            if at(i + 1) == "!" || at(i + 1) == "?" {  // doctype, bogus comment
                while i < s.count && s[i] != ">" { i += 1 }
                i += 1
                continue
            }
            let isEnd = at(i + 1) == "/"
            let nameStart = i + (isEnd ? 2 : 1)
            guard isAlpha(at(nameStart)) else { i += 1; continue }  // `<` as text
            var k = nameStart
            while k < s.count && !isSpace(s[k]) && s[k] != "/" && s[k] != ">" { k += 1 }
            let name = String(String.UnicodeScalarView(s[nameStart..<k])).lowercased()
            var attributes: [(String, String)] = []
            while k < s.count && s[k] != ">" {
                if isSpace(s[k]) || s[k] == "/" { k += 1; continue }
                let attributeStart = k
                k += 1  // the first character may be `=` (a parse error, kept in the name)
                while k < s.count && !isSpace(s[k]) && s[k] != "/" && s[k] != ">" && s[k] != "=" { k += 1 }
                let attributeName = String(String.UnicodeScalarView(s[attributeStart..<k])).lowercased()
                while isSpace(at(k)) { k += 1 }
                var value = ""
                if at(k) == "=" {
                    k += 1
                    while isSpace(at(k)) { k += 1 }
                    if let quote = at(k), quote == "\"" || quote == "'" {
                        let valueStart = k + 1
                        k = valueStart
                        while k < s.count && s[k] != quote { k += 1 }
                        value = String(String.UnicodeScalarView(s[valueStart..<min(k, s.count)]))
                        k += 1
                    } else {
                        let valueStart = k
                        while k < s.count && !isSpace(s[k]) && s[k] != ">" { k += 1 }
                        value = String(String.UnicodeScalarView(s[valueStart..<k]))
                    }
                } else {
                    k = max(k, attributeStart + 1)
                }
                if !attributes.contains(where: { $0.0 == attributeName }) {
                    attributes.append((attributeName, decodeReferences(value)))
                }
            }
            i = k + 1
            guard !isEnd else { continue }
            var tag = StartTag(name: name, attributes: attributes.map { (name: $0.0, value: $0.1) })
            // RAWTEXT and RCDATA: nothing inside is a tag until `</name`.
            if ["script", "style", "title", "textarea"].contains(name) {
                var end = i
                while end < s.count
                    && !(starts("</" + name, at: end)
                        && (isSpace(at(end + name.count + 2)) || at(end + name.count + 2) == ">"
                            || at(end + name.count + 2) == "/"))
                {
                    end += 1
                }
                if name == "script" || name == "style" {
                    tag.rawText = String(String.UnicodeScalarView(s[i..<min(end, s.count)]))
                }
                i = end
            }
            tags.append(tag)
        }
        return tags
    }

    /// Numeric and the commonest named character references, as a browser decodes them in
    /// attribute values (`jav&#x61;script:` is `javascript:`).
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"
        ]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let body = rest.prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace && $0 != "<" }
            var replacement: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
                    String(Character($0))
                }
            } else if body.hasPrefix("#") {
                replacement = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map {
                    String(Character($0))
                }
            } else {
                replacement = named[String(body).lowercased()]
            }
            if let replacement {
                result += replacement
                rest = rest.dropFirst(body.count)
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                result += "&"
            }
        }
        return result + rest
    }
}
