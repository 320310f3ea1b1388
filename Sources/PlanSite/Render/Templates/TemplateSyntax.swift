/// The tree a Mustache template is parsed into (`TemplateParser`), linked into a
/// `TemplateLibrary` and walked by `TemplateRenderer`. Text is held as UTF-8 bytes, ready to be
/// copied into the output.

/// Where a tag is: the template (its index in the library) and a 1-based line and column,
/// the column counted in characters as the rest of PlanSite's messages do.
struct TemplatePosition: Sendable, Equatable {
    var template: Int
    var line: Int
    var column: Int
}

/// A tag's name: `.` (the current value), `name`, or a dotted `a.b.c`.
struct TemplateName: Sendable, Equatable, CustomStringConvertible {
    /// The dotted parts; empty for `.`.
    let parts: [String]

    init(_ parts: [String]) {
        self.parts = parts
    }

    /// One name, or a dotted one split at its dots.
    init(_ text: String) {
        self.parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    var isImplicit: Bool { parts.isEmpty }

    var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}

enum TemplateNode: Sendable {
    /// Template text, copied as it is (re-indented inside an indented partial).
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(TemplateName, escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(TemplateName, inverted: Bool, body: [TemplateNode], at: TemplatePosition)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides.
    case partial(TemplatePartial)
    /// `{{$name}}default{{/name}}` outside a parent tag: a place a child template may fill.
    case block(String, defaultBody: [TemplateNode], indentation: [UInt8], at: TemplatePosition)
    /// `{{% CONTENT_TYPE: HTML }}` (escape `{{x}}` for HTML, the default) or `TEXT` (do not).
    case contentType(escapesHTML: Bool)
}

struct TemplatePartial: Sendable {
    let name: String
    /// The template's index in the library, set when the library links its templates.
    var index: Int
    /// The whitespace before a standalone tag, put before every line the partial renders.
    let indentation: [UInt8]?
    /// For a parent tag `{{<name}}`: the blocks it fills, by name.
    let overrides: [String: [TemplateNode]]?
    let at: TemplatePosition
}

/// A template that cannot be read: the message and where.
struct TemplateSyntaxError: Error, Equatable {
    /// Byte offset in the template's text.
    let offset: Int
    let message: String
}
