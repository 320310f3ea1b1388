import Foundation
import PlanMarkdown
import XCTest
@testable import PlanSite

/// A view made of named fields, for cases in the style of the Mustache spec.
private struct Fields: TemplateView {
    let fields: [String: any TemplateField]

    init(_ fields: [String: any TemplateField] = [:]) {
        self.fields = fields
    }

    func value(of name: TemplateName, at depth: Int) -> TemplateValue? {
        guard let field = fields[name.parts[depth]] else { return nil }
        return name.answer(field, at: depth)
    }
}

/// The template engine (`Render/Templates`): the spec's cases for each feature the theme may use,
/// swift-mustache's behaviour where the theme relied on it, and errors with line and column.
final class TemplateEngineTests: XCTestCase {
    /// The template `main`, with `partials` beside it, rendered with `data`.
    private func render(
        _ template: String, _ data: [String: any TemplateField] = [:], partials: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) -> String? {
        let sources =
            [TemplateLibrary.Source(name: "main", path: "main.mustache", text: template)]
            + partials.sorted { $0.key < $1.key }.map {
                TemplateLibrary.Source(name: $0.key, path: "\($0.key).mustache", text: $0.value)
            }
        let (library, problems) = TemplateLibrary.compile(sources)
        guard let library else {
            XCTFail("\(problems)", file: file, line: line)
            return nil
        }
        do {
            return String(decoding: try library.render(Fields(data), template: "main"), as: UTF8.self)
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    private func check(
        _ template: String, _ data: [String: any TemplateField] = [:], partials: [String: String] = [:],
        _ expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(
            render(template, data, partials: partials, file: file, line: line), expected, file: file, line: line)
    }

    private func check(_ template: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        check(template, [:], expected, file: file, line: line)
    }

    /// The problems `compile` reports, as `path:line:column: error: message`.
    private func problems(_ template: String, partials: [String: String] = [:]) -> [String] {
        let sources =
            [TemplateLibrary.Source(name: "main", path: "main.mustache", text: template)]
            + partials.map { TemplateLibrary.Source(name: $0.key, path: "\($0.key).mustache", text: $0.value) }
        return TemplateLibrary.compile(sources).problems.map(\.description)
    }

    /// The error rendering reports.
    private func renderError(_ template: String, _ data: [String: any TemplateField], partials: [String: String] = [:])
        -> String?
    {
        let sources =
            [TemplateLibrary.Source(name: "main", path: "main.mustache", text: template)]
            + partials.map { TemplateLibrary.Source(name: $0.key, path: "\($0.key).mustache", text: $0.value) }
        guard let library = TemplateLibrary.compile(sources).library else { return "did not compile" }
        do {
            _ = try library.render(Fields(data), template: "main")
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: - Variables

    func testVariables() {
        check("Hello from {Mustache}!\n", "Hello from {Mustache}!\n")
        check("Hello, {{subject}}!\n", ["subject": "world"], "Hello, world!\n")
        check("{{ subject }}|{{{ subject }}}|{{& subject }}", ["subject": "a"], "a|a|a")
        check("({{missing}})({{{missing}}})", "()()")
        check("{{n}} {{zero}} {{yes}} {{no}}", ["n": 85, "zero": 0, "yes": true, "no": false], "85 0 true false")
        // Never standalone: the whitespace around a variable alone on its line stays.
        check("  {{string}}\n", ["string": "---"], "  ---\n")
        check("  {{{string}}}\n", ["string": "---"], "  ---\n")
    }

    func testEscaping() {
        let forbidden = "& \" < > ' é"
        check("{{forbidden}}", ["forbidden": forbidden], "&amp; &quot; &lt; &gt; &#39; é")
        check("{{{forbidden}}}", ["forbidden": forbidden], forbidden)
        check("{{&forbidden}}", ["forbidden": forbidden], forbidden)
        // The same rules as HTMLEscaping.escape, which the rest of the site uses.
        let mixed = "a&b<c>\"d\"'e'&amp;🙂"
        check("{{mixed}}", ["mixed": mixed], HTMLEscaping.escape(mixed))
    }

    func testContentTypePragma() {
        check("{{% CONTENT_TYPE: TEXT }}\n{{x}}", ["x": "<b>"], "<b>")
        check("{{% CONTENT_TYPE: HTML }}\n{{x}}", ["x": "<b>"], "&lt;b&gt;")
        // A partial escapes for HTML unless it says otherwise, whatever includes it.
        check("{{% CONTENT_TYPE: TEXT }}{{x}}{{>p}}{{x}}", ["x": "<"], partials: ["p": "{{x}}"], "<&lt;<")
        // It holds to the end of the section it is in.
        check("{{#a}}{{% CONTENT_TYPE: TEXT }}{{x}}{{/a}}{{x}}", ["a": true, "x": "<"], "<&lt;")
    }

    func testDottedNames() {
        let person = Fields(["name": "Joe"])
        check("{{person.name}} == {{#person}}{{name}}{{/person}}", ["person": person], "Joe == Joe")
        check("{{{person.name}}}", ["person": person], "Joe")
        let deep = Fields(["b": Fields(["c": Fields(["d": Fields(["e": Fields(["name": "Phil"])])])])])
        check("{{a.b.c.d.e.name}}", ["a": deep], "Phil")
        // A broken chain is empty, and is not resolved against the enclosing views.
        check("{{a.b.c}}", ["a": Fields()], "")
        check("{{a.b.c.name}}", ["a": Fields(["b": Fields()]), "c": Fields(["name": "Jim"])], "")
        // The first part is looked up outwards, the rest inside what it found.
        check(
            "{{#a}}{{b.c.d.e.name}}{{/a}}",
            [
                "a": Fields(["b": Fields(["c": Fields(["d": Fields(["e": Fields(["name": "Phil"])])])])]),
                "b": Fields(["c": Fields(["d": Fields(["e": Fields(["name": "Wrong"])])])])
            ], "Phil")
        check("{{#a}}{{b.c}}{{/a}}", ["a": Fields(["b": Fields()]), "b": Fields(["c": "ERROR"])], "")
        // Text has no fields.
        check("[{{title.length}}]", ["title": "x", "length": "wrong"], "[]")
        check("{{#list}}{{.}}{{/list}}|{{#x}}{{.}}{{/x}}", ["list": ["<a>", "b"], "x": "&"], "&lt;a&gt;b|&amp;")
    }

    func testANilValueIsLookedUpInTheEnclosingViews() {
        // As swift-mustache did: the views give every `…Lang` a value for this reason.
        let item = Fields(["lang": String?.none, "title": "T"])
        check("{{#item}}{{title}} {{lang}}{{/item}}", ["item": item, "lang": "en"], "T en")
        check("{{#item}}{{#lang}}yes{{/lang}}{{/item}}", ["item": item], "")
    }

    // MARK: - Sections

    func testSectionsOnEachKindOfValue() {
        check("{{#b}}yes{{/b}}|{{#f}}no{{/f}}", ["b": true, "f": false], "yes|")
        check("{{#missing}}no{{/missing}}", "")
        check("{{#nil}}no{{/nil}}", ["nil": String?.none], "")
        check("{{#view}}{{name}}{{/view}}", ["view": Fields(["name": "Joe"])], "Joe")
        check("{{#view}}{{name}}{{/view}}", ["view": Fields?.none], "")
        check("{{#list}}{{item}},{{/list}}", ["list": [Fields(["item": "1"]), Fields(["item": "2"])]], "1,2,")
        check("{{#list}}no{{/list}}", ["list": [Fields]()], "")
        check("{{#list}}({{.}}){{/list}}", ["list": [1, 2, 3]], "(1)(2)(3)")
        // swift-mustache's truth, which the theme's `{{#summary}}` on optional text relies on:
        // present text, even empty, and any number, even 0, render the section with the value.
        check("{{#s}}[{{.}}]{{/s}}|{{#e}}[{{.}}]{{/e}}|{{#z}}[{{.}}]{{/z}}", ["s": "x", "e": "", "z": 0], "[x]|[]|[0]")
        check("{{#list}}{{#.}}{{.}}{{/.}}{{/list}}", ["list": [["a", "b"], ["c"]]], "abc")
    }

    func testSectionContextsAndTheStack() {
        let data: [String: any TemplateField] = [
            "a": Fields(["one": 1]), "b": Fields(["two": 2]),
            "c": Fields(["three": 3, "d": Fields(["four": 4, "five": 5])])
        ]
        check(
            "{{#a}}{{one}}{{#b}}{{one}}{{two}}{{#c}}{{one}}{{two}}{{three}}"
                + "{{#d}}{{five}}{{one}}{{/d}}{{/c}}{{/b}}{{/a}}",
            data, "1121235" + "1")
        check(
            "{{#list}}{{name}} of {{site}};{{/list}}",
            ["site": "S", "list": [Fields(["name": "A"]), Fields(["name": "B"])]], "A of S;B of S;")
        check("{{#b}}{{#b}}{{#b}}deep{{/b}}{{/b}}{{/b}}", ["b": true], "deep")
        check("{{#a.b}}{{c}}{{/a.b}}", ["a": Fields(["b": Fields(["c": "inner"])])], "inner")
    }

    func testInvertedSections() {
        check("{{^f}}yes{{/f}}|{{^t}}no{{/t}}", ["f": false, "t": true], "yes|")
        check("{{^missing}}yes{{/missing}}|{{^nil}}yes{{/nil}}", ["nil": String?.none], "yes|yes")
        check("{{^list}}empty{{/list}}|{{^full}}no{{/full}}", ["list": [String](), "full": ["x"]], "empty|")
        check("{{^s}}no{{/s}}{{^e}}no{{/e}}{{^v}}no{{/v}}", ["s": "x", "e": "", "v": Fields()], "")
        check("{{#b}}+{{/b}}{{^b}}-{{/b}}", ["b": false], "-")
        check("| This Is\n{{^b}}\n|\n{{/b}}\n| A Line\n", ["b": false], "| This Is\n|\n| A Line\n")
    }

    func testStandaloneLines() {
        let t: [String: any TemplateField] = ["boolean": true]
        check("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", t, "| This Is\n|\n| A Line\n")
        check("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", t, "| This Is\n|\n| A Line\n")
        check("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", t, "|\r\n|")
        check("  {{#boolean}}\n#{{/boolean}}\n/", t, "#\n/")
        check("#{{#boolean}}\n/\n  {{/boolean}}", t, "#\n/\n")
        check(" {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", t, " YES\n GOOD\n")
        check(" | {{#boolean}}\t|\t{{/boolean}} | \n", t, " | \t|\t | \n")
        check(" {{#boolean}}{{! Important Whitespace }}\n {{/boolean}} \n", t, " \n")
        // Trailing spaces on the last line stay.
        check("a\n  ", "a\n  ")
    }

    // MARK: - Comments and delimiters

    func testComments() {
        check("12345{{! Comment Block! }}67890", "1234567890")
        check("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", "1234567890\n")
        check("Begin.\n{{! Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n")
        check("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n")
        check("|\r\n{{! Standalone Comment }}\r\n|", "|\r\n|")
        check("!\n  {{! I'm Still Standalone }}", "!\n")
        check("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", "Begin.\nEnd.\n")
        check("  12 {{! 34 }}\n", "  12 \n")
        check("12345 {{! Comment Block! }} 67890", "12345  67890")
        check("  {{! c }}x\n", "  x\n")
    }

    func testSetDelimiters() {
        check("{{=<% %>=}}(<%text%>)", ["text": "Hey!"], "(Hey!)")
        check("({{=[ ]=}}[text])", ["text": "It worked!"], "(It worked!)")
        check(
            "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n"
                + "|/section|\n]\n",
            ["section": true, "data": "I got interpolated."],
            "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n")
        check("{{=<% %>=}}<%{x}%> <%&x%>", ["x": "<"], "< <")
        // Delimiters set in a template hold in it only: not in its partials, nor back in it from them.
        check(
            "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", ["value": "yes"], partials: ["include": ".{{value}}."],
            "[ .yes. ]\n[ .yes. ]\n")
        check(
            "[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n", ["value": "yes"],
            partials: ["include": ".{{value}}. {{= | | =}} .|value|."],
            "[ .yes.  .yes. ]\n[ .yes.  .|value|. ]\n")
        check("Begin.\n{{=@ @=}}\nEnd.\n", "Begin.\nEnd.\n")
        check("Begin.\n  {{=@ @=}}\nEnd.\n", "Begin.\nEnd.\n")
        check("|\r\n{{= @ @ =}}\r\n|", "|\r\n|")
        check("  {{=@ @=}}\n=", "=")
        check("| {{=@ @=}} |", "|  |")
    }

    // MARK: - Partials

    func testPartials() {
        check("\"{{>text}}\"", partials: ["text": "from partial"], "\"from partial\"")
        check("\"{{>partial}}\"", ["text": "content"], partials: ["partial": "*{{text}}*"], "\"*content*\"")
        check(
            "{{>node}}", ["content": "X", "nodes": [Fields(["content": "Y", "nodes": [Fields]()])]],
            partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"], "X<Y<>>")
        check("| {{>partial}} |", partials: ["partial": "\t|\t"], "| \t|\t |")
        check("  {{data}}  {{> partial}}\n", ["data": "|"], partials: ["partial": ">\n>"], "  |  >\n>\n")
        check("|\r\n{{>partial}}\r\n|", partials: ["partial": ">"], "|\r\n>|")
        check("|{{> partial }}|", partials: ["partial": "[]"], "|[]|")
    }

    func testStandalonePartialsAreIndented() {
        check("  {{>partial}}\n>", partials: ["partial": ">\n>"], "  >\n  >>")
        check(">\n  {{>partial}}", partials: ["partial": ">\n>"], ">\n  >\n  >")
        // Each line of the partial is indented; the lines of a value it prints are not.
        check(
            "\\\n {{>partial}}\n/\n", ["content": "<\n->"], partials: ["partial": "|\n{{{content}}}\n|\n"],
            "\\\n |\n <\n->\n |\n/\n")
        // Lines rendered by a section inside it too, and partials inside it add their own.
        check(
            "<ul>\n  {{>items}}\n</ul>\n", ["list": ["a", "b"]],
            partials: ["items": "{{#list}}\n<li>{{.}}</li>\n{{/list}}\n"],
            "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        check(
            "  {{>outer}}\n", partials: ["outer": "a\n  {{>inner}}\nb\n", "inner": "x\ny\n"], "  a\n    x\n    y\n  b\n"
        )
    }

    // MARK: - Inheritance

    func testBlocksAndParents() {
        check("{{$title}}Default title{{/title}}\n", "Default title\n")
        check("{{$foo}}default {{bar}} content{{/foo}}\n", ["bar": "baz"], "default baz content\n")
        check("{{$foo}}default {{^bar}}{{baz}}{{/bar}} content{{/foo}}\n", ["baz": "three"], "default three content\n")
        check("{{<include}}{{/include}}\n", partials: ["include": "{{$foo}}default content{{/foo}}"], "default content")
        check(
            "{{<super}}{{$title}}sub template title{{/title}}{{/super}}",
            partials: ["super": "...{{$title}}Default title{{/title}}..."],
            "...sub template title...")
        check(
            "{{<include}}{{$var}}var in template{{/var}}{{/include}}", ["var": "var in data"],
            partials: ["include": "{{$var}}var in include{{/var}}"], "var in template")
        check(
            "test {{<parent}}{{$stuff}}override{{/stuff}}{{/parent}}", partials: ["parent": "{{$stuff}}...{{/stuff}}"],
            "test override")
        check(
            "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} "
                + "{{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n",
            partials: ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"],
            "test |override1 default| |override2 default|\n")
        check(
            "{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}",
            partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"], "peaked\n\n:(\n")
        check(
            "{{<parent}}{{$stuff2}}override two{{/stuff2}}{{/parent}}",
            partials: ["parent": "{{$stuff}}new default one{{/stuff}}, {{$stuff2}}new default two{{/stuff2}}"],
            "new default one, override two")
        check(
            "{{>parent}}|{{<parent}}{{/parent}}", partials: ["parent": "{{$foo}}default content{{/foo}}"],
            "default content|default content")
        check(
            "{{<parent}} asdfasd {{$foo}}hmm{{/foo}} asdfasdfasdf {{/parent}}",
            partials: ["parent": "{{$foo}}default content{{/foo}}"], "hmm")
        // The block renders where the parent places it, with the parent's context.
        check(
            "{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}",
            ["fruit": "apples", "nested": Fields(["fruit": "bananas"])],
            partials: ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"], "I say bananas.")
    }

    func testInheritanceAcrossLevels() {
        let levels = [
            "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
            "grandParent": "{{$a}}g{{/a}}"
        ]
        check("{{<parent}}{{$a}}c{{/a}}{{/parent}}", partials: levels, "c")
        check("{{<parent}}{{/parent}}", partials: levels, "p")
        check(
            "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}",
            partials: [
                "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
                "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}"
            ],
            "override override override don't recurse")
    }

    func testInheritanceWhitespace() {
        check(
            "{{<parent}}{{$nineties}}hammer time{{/nineties}}{{/parent}}",
            partials: ["parent": "stop:\n  {{$nineties}}collaborate and listen{{/nineties}}\n"],
            "stop:\n  hammer time\n")
        check("Hi,\n  {{<parent}}{{/parent}}\n", partials: ["parent": "one\ntwo\n"], "Hi,\n  one\n  two\n")
        check(
            "{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n",
            partials: ["parent": "Hi,\n  {{$block}}{{/block}}\n"], "Hi,\n  one\n  two\n")
        check(
            "{{<parent}}{{$block}}\n    one\n    two\n{{/block}}{{/parent}}\n",
            partials: ["parent": "Hi,\n  {{$block}}\n  {{/block}}\n"],
            "Hi,\n  one\n  two\n")
        // A standalone block with default content is indented as that content is, not as its tag.
        let parent = ["parent": "Hi,\n  {{$b}}\n    x\n  {{/b}}\nEnd\n"]
        check("{{>parent}}", partials: parent, "Hi,\n    x\nEnd\n")
        check("{{<parent}}{{$b}}\ny\nz\n{{/b}}{{/parent}}", partials: parent, "Hi,\n    y\n    z\nEnd\n")
        // Its lines are taken away whole: an empty block leaves no whitespace behind.
        check("{{<parent}}{{$b}}{{/b}}{{/parent}}", partials: parent, "Hi,\nEnd\n")
        check("{{>parent}}", partials: ["parent": "Hi,\n  {{$b}}\n  {{/b}}\nEnd\n"], "Hi,\nEnd\n")
    }

    /// The theme's own pattern: a page template fills the layout's `content` block.
    func testTheThemesLayoutPattern() {
        let page =
            "{{% CONTENT_TYPE: HTML }}\n{{<layout}}\n{{$content}}\n<h1>{{title}}</h1>\n{{#items}}\n{{>item}}\n"
            + "{{/items}}\n{{/content}}\n{{/layout}}\n"
        let layout = "{{% CONTENT_TYPE: HTML }}\n<title>{{title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"
        let item = "{{% CONTENT_TYPE: HTML }}\n<li>{{name}}{{#note}} <i>{{note}}</i>{{/note}}</li>\n"
        check(
            page, ["title": "A & B", "items": [Fields(["name": "one", "note": "n"]), Fields(["name": "two"])]],
            partials: ["layout": layout, "item": item],
            "<title>A &amp; B</title>\n<main>\n<h1>A &amp; B</h1>\n<li>one <i>n</i></li>\n<li>two</li>\n\n</main>\n")
    }

    // MARK: - Errors

    func testSyntaxErrorsHaveLineAndColumn() {
        XCTAssertEqual(
            problems("a\n{{#items}}\nx\n"),
            ["main.mustache:2:1: error: template syntax error: {{#items}} is never closed: {{/items}} is missing"])
        XCTAssertEqual(
            problems("{{#a}}\n{{^b}}\n  {{/a}}\n"),
            [
                "main.mustache:3:6: error: template syntax error: "
                    + "a section is closed with another name than it was opened with: {{/a}} closes {{^b}} of line 2"
            ])
        XCTAssertEqual(
            problems("x\n {{/a}}"),
            ["main.mustache:2:2: error: template syntax error: {{/a}} closes no section: none is open here"])
        XCTAssertEqual(
            problems("é {{#a}}"),
            ["main.mustache:1:3: error: template syntax error: {{#a}} is never closed: {{/a}} is missing"])
        XCTAssertEqual(
            problems("ab {{name"), ["main.mustache:1:4: error: template syntax error: a tag is not closed with }}"])
        XCTAssertEqual(
            problems("{{!never closed"),
            ["main.mustache:1:1: error: template syntax error: a comment is not closed with }}"])
        XCTAssertEqual(problems("{{}}"), ["main.mustache:1:1: error: template syntax error: a tag needs a name"])
        XCTAssertEqual(
            problems("{{a b}}"),
            [
                "main.mustache:1:5: error: template syntax error: a tag holds one name, closed with }}; "
                    + "this is not expected here"
            ])
        XCTAssertEqual(
            problems("{{{a}}"), ["main.mustache:1:1: error: template syntax error: a tag is not closed with }}}"])
    }

    /// What the engine does not support is an error at its tag, never rendered as nothing.
    func testUnsupportedFormsAreErrors() {
        let cases: [(String, String)] = [
            ("x {{@index}}", "1:5: error: template syntax error: '@index' is not a name"),
            (
                "{{ #a }}{{/a}}",
                "1:4: error: template syntax error: '#a' is not a name: a tag's sign (such as # or /) "
                    + "must follow {{ directly"
            ),
            (
                "{{upper(name)}}",
                "1:3: error: template syntax error: 'upper(name)': transforms such as name(value) are not supported"
            ),
            ("{{#first()}}{{/first()}}", "1:4: error: template syntax error: 'first()': transforms"),
            (
                "{{>*dynamic}}",
                "1:4: error: template syntax error: dynamic partial names ({{>*dynamic}}) are not supported"
            ),
            ("{{<*dynamic}}{{/*dynamic}}", "1:4: error: template syntax error: dynamic partial names"),
            ("{{*name}}", "1:3: error: template syntax error: '*name' is not a name"),
            (
                "{{a..b}}",
                "1:3: error: template syntax error: 'a..b' is not a name: "
                    + "a dotted name has a name on each side of every dot"
            ),
            ("{{.a}}", "1:3: error: template syntax error: '.a' is not a name"),
            ("{{% FILTERS }}", "1:1: error: template syntax error: a pragma reads {{% CONTENT_TYPE: HTML }} (or TEXT)"),
            ("{{% ANCHORED-CSS: yes }}", "1:1: error: template syntax error: unknown pragma 'ANCHORED-CSS'"),
            ("{{% CONTENT_TYPE: XML }}", "1:1: error: template syntax error: unknown content type 'XML'"),
            ("{{=<% =}}", "1:1: error: template syntax error: a set-delimiters tag reads {{=<% %>=}}"),
            (
                "{{<layout}}\n{{title}}\n{{/layout}}",
                "2:1: error: template syntax error: only blocks ({{$name}}…{{/name}}) "
                    + "may stand inside a parent tag {{<layout}}"
            ),
            (
                "{{<layout}}{{$a}}{{/a}}{{$a}}{{/a}}{{/layout}}",
                "1:24: error: template syntax error: the block 'a' is given twice in {{<layout}}"
            )
        ]
        for (template, expected) in cases {
            let found = problems(template, partials: ["layout": "x"])
            XCTAssertEqual(found.count, 1, template)
            XCTAssertTrue(found.first?.hasPrefix("main.mustache:" + expected) ?? false, "\(template): \(found)")
        }
    }

    func testAMissingPartialOrParentIsAnErrorAtItsTag() {
        XCTAssertEqual(
            problems("a\n  {{>nope}}\n{{<gone}}{{/gone}}\n"),
            [
                "main.mustache:2:3: error: template 'main' uses the partial 'nope', which does not exist",
                "main.mustache:3:1: error: template 'main' uses the partial 'gone', which does not exist"
            ])
        // Inside blocks and sections too.
        XCTAssertEqual(problems("{{#a}}{{$b}}{{>nope}}{{/b}}{{/a}}").count, 1)
    }

    func testRenderErrorsNameTheTag() {
        XCTAssertEqual(
            renderError("a\n {{list}}", ["list": ["x"]]),
            "main.mustache:2:2: error: {{list}} is a list, which cannot be printed: "
                + "repeat a part of the page for each item with {{#list}}…{{/list}}"
        )
        XCTAssertEqual(
            renderError("{{>p}}", ["view": Fields()], partials: ["p": "\n{{{view}}}"]),
            "p.mustache:2:1: error: {{view}} is a group of values, which cannot be printed: "
                + "print one of them ({{view.NAME}}) or use {{#view}}…{{/view}}"
        )
        XCTAssertEqual(
            renderError("{{>p}}", [:], partials: ["p": "{{>p}}"]),
            "p.mustache:1:1: error: partials are nested more than 100 deep: does 'p' include itself without end?")
        XCTAssertNil(renderError("{{list.x}}{{#list}}{{/list}}", ["list": ["x"]]))
    }
}
