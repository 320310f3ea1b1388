import Foundation
import XCTest
@testable import PlanSite

/// A JSON value from a spec case, as the templates see it: an object is a view whose fields are
/// its keys, an array a list, null a nil optional. A number with a fraction is shown as the
/// spec writes it (`1.21`): the engine has no decimal values, as no view holds one.
private indirect enum SpecValue: TemplateField, Decodable {
    case object(SpecObject)
    case array([SpecValue])
    case string(String)
    case integer(Int)
    case decimal(String)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let double = try? container.decode(Double.self) {
            self = .decimal("\(double)")
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([SpecValue].self) {
            self = .array(array)
        } else {
            self = .object(SpecObject(fields: try container.decode([String: SpecValue].self)))
        }
    }

    var templateValue: TemplateValue? {
        switch self {
        case .object(let object): return .view(object)
        case .array(let array): return .list(array)
        case .string(let string): return .text(string)
        case .integer(let integer): return .number(integer)
        case .decimal(let decimal): return .text(decimal)
        case .bool(let bool): return .bool(bool)
        case .null: return nil
        }
    }

    func templateValue(of name: TemplateName, at depth: Int) -> TemplateValue? {
        switch self {
        case .object(let object): return object.value(of: name, at: depth) ?? .nothing
        case .null: return nil
        default: return .nothing
        }
    }
}

private struct SpecObject: TemplateView {
    let fields: [String: SpecValue]

    func value(of name: TemplateName, at depth: Int) -> TemplateValue? {
        guard let field = fields[name.parts[depth]] else { return nil }
        return name.answer(field, at: depth)
    }
}

/// Every case of the Mustache spec's required modules (and the optional inheritance module),
/// rendered by the template engine and compared byte for byte. A failure names the file and
/// the case, with the template, the expected output and what the engine made.
final class MustacheSpecTests: XCTestCase {
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// Spec cases that a deliberate PlanSite rule answers otherwise, with the error the engine
    /// gives instead (checked, so each entry must still hold). A partial or parent that names no
    /// template is an error at its tag, so a misspelt name fails the build instead of leaving a
    /// hole in every page; the spec says such a partial SHOULD render as nothing.
    static let deliberateDeviations: [String: String] = [
        "partials.json: Failed Lookup":
            "main.mustache:1:2: error: template 'main' uses the partial 'text', which does not exist"
    ]

    private struct SpecFile: Decodable {
        let tests: [SpecCase]
    }

    private struct SpecCase: Decodable {
        var file = ""
        let name: String
        let template: String
        let partials: [String: String]?
        let data: SpecValue
        let expected: String

        var key: String { "\(file): \(name)" }

        private enum CodingKeys: String, CodingKey { case name, template, partials, data, expected }
    }

    private func cases(of module: String) throws -> [SpecCase] {
        let file = "\(module).json"
        let url = Fixtures.root.appendingPathComponent("mustache-spec").appendingPathComponent(file)
        return try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url)).tests.map { test in
            var test = test
            test.file = file
            return test
        }
    }

    /// What the engine makes of a case: the output, or its error messages.
    private func render(_ specCase: SpecCase) -> Result<String, SpecFailure> {
        let sources =
            [TemplateLibrary.Source(name: "main", path: "main.mustache", text: specCase.template)]
            + (specCase.partials ?? [:]).sorted { $0.key < $1.key }
            .map { TemplateLibrary.Source(name: $0.key, path: "\($0.key).mustache", text: $0.value) }
        let (library, problems) = TemplateLibrary.compile(sources)
        guard let library else { return .failure(SpecFailure(problems.map(\.description).joined(separator: "\n"))) }
        guard case .object(let root) = specCase.data else {
            return .failure(SpecFailure("the case's data is not an object"))
        }
        do {
            return .success(String(decoding: try library.render(root, template: "main"), as: UTF8.self))
        } catch {
            return .failure(SpecFailure("\(error)"))
        }
    }

    private struct SpecFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    func testEveryCaseOfTheRequiredModules() throws {
        var counts: [String] = []
        var seenDeviations = Set<String>()
        for module in Self.modules {
            let all = try cases(of: module)
            var passed = 0
            var deviating = 0
            for specCase in all {
                let result = render(specCase)
                if let deviation = Self.deliberateDeviations[specCase.key] {
                    seenDeviations.insert(specCase.key)
                    if case .failure(let failure) = result, failure.description == deviation {
                        deviating += 1
                        continue
                    }
                    XCTFail(
                        "\(specCase.key): expected the deliberate error \(deviation.debugDescription), "
                            + "got \(result)")
                    continue
                }
                switch result {
                case .success(let output) where output == specCase.expected:
                    passed += 1
                case .success(let output):
                    XCTFail(
                        """
                        \(specCase.key)
                          template: \(specCase.template.debugDescription)
                          expected: \(specCase.expected.debugDescription)
                          rendered: \(output.debugDescription)
                        """)
                case .failure(let failure):
                    XCTFail("\(specCase.key)\n  template: \(specCase.template.debugDescription)\n  error: \(failure)")
                }
            }
            let byDesign = deviating > 0 ? ", \(deviating) answered otherwise by design" : ""
            counts.append("\(module): \(passed) of \(all.count) pass\(byDesign)")
        }
        XCTAssertEqual(seenDeviations, Set(Self.deliberateDeviations.keys), "a listed deviation names no spec case")
        print("Mustache spec: " + counts.joined(separator: "; "))
    }
}
