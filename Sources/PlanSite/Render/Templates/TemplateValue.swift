/// What a template sees of the views: each view answers a name directly (`ViewLookup.swift`,
/// generated), with no reflection and no dynamic casts, and follows a dotted name
/// (`page.t.eventDate`) through the views it holds without copying them.

/// A value as the renderer uses it.
enum TemplateValue {
    case text(String)
    /// HTML the builder made (a rendered body), kept as the bytes it was made as.
    case html([UInt8])
    case number(Int)
    case bool(Bool)
    case view(any TemplateView)
    case list(any TemplateList)
    /// A dotted name whose first part was found but not the rest (`{{title.length}}`): nothing
    /// is printed, and the name is not looked for in the enclosing views.
    case nothing
}

/// A type a view's field can have: text, a number, a yes/no, a view, a list of these, or an
/// optional of any of them.
protocol TemplateField {
    /// This value; nil for a nil optional, which Mustache looks up in the enclosing views.
    var templateValue: TemplateValue? { get }
    /// The value of the dotted name's parts from `depth` on, inside this one: `.nothing`
    /// where there is none (text has no fields), nil only for a nil optional.
    func templateValue(of name: TemplateName, at depth: Int) -> TemplateValue?
}

extension TemplateField {
    func templateValue(of name: TemplateName, at depth: Int) -> TemplateValue? { .nothing }
}

/// A view: a struct whose stored properties the templates name.
protocol TemplateView: TemplateField {
    /// The value of `name.parts[depth]` (followed through the rest of a dotted name), or nil
    /// when this view has no such field or it holds nil.
    func value(of name: TemplateName, at depth: Int) -> TemplateValue?
}

extension TemplateView {
    var templateValue: TemplateValue? { .view(self) }

    func templateValue(of name: TemplateName, at depth: Int) -> TemplateValue? {
        value(of: name, at: depth) ?? .nothing
    }
}

/// A list a section repeats its content for.
protocol TemplateList {
    var count: Int { get }
    func templateValue(at index: Int) -> TemplateValue
}

extension TemplateName {
    /// A view's answer for its field `value`, named by `parts[depth]`: the value itself when it
    /// is the last part, else what it holds under the rest of the name.
    @inline(__always)
    func answer<Field: TemplateField>(_ value: Field, at depth: Int) -> TemplateValue? {
        depth + 1 == parts.count ? value.templateValue : value.templateValue(of: self, at: depth + 1)
    }
}

extension String: TemplateField {
    var templateValue: TemplateValue? { .text(self) }
}

/// HTML the builder itself made (a body rendered from Markdown), for `{{{…}}}`: as bytes,
/// because making a String of a rendered body checks every byte again.
struct RenderedHTML: TemplateField {
    let utf8: [UInt8]

    var templateValue: TemplateValue? { .html(utf8) }
}

extension Int: TemplateField {
    var templateValue: TemplateValue? { .number(self) }
}

extension Bool: TemplateField {
    var templateValue: TemplateValue? { .bool(self) }
}

extension Optional: TemplateField where Wrapped: TemplateField {
    var templateValue: TemplateValue? {
        switch self {
        case .some(let wrapped): return wrapped.templateValue
        case .none: return nil
        }
    }

    func templateValue(of name: TemplateName, at depth: Int) -> TemplateValue? {
        switch self {
        case .some(let wrapped): return wrapped.templateValue(of: name, at: depth)
        case .none: return nil
        }
    }
}

extension Array: TemplateField where Element: TemplateField {
    var templateValue: TemplateValue? { .list(self) }
}

extension Array: TemplateList where Element: TemplateField {
    func templateValue(at index: Int) -> TemplateValue {
        self[index].templateValue ?? .nothing
    }
}
