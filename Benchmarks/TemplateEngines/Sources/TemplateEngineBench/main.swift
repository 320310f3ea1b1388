import Foundation
import Mustache
import PlanMarkdown
@testable import PlanSite

/// swift-mustache reads a view through `MustacheParent`: each name is answered by the view's own
/// lookup (`ViewLookup.swift`), as PlanSite's views answered swift-mustache before the engine of
/// its own. A list is handed over as a sequence that bridges each item as it is reached.
struct MustacheView: MustacheParent {
    let view: any TemplateView

    func child(named name: String) -> Any? {
        view.value(of: TemplateName([name]), at: 0).flatMap(bridge)
    }
}

func bridge(_ value: TemplateValue) -> Any? {
    switch value {
    case .text(let text): return text
    case .html(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .number(let number): return number
    case .bool(let bool): return bool
    case .view(let view): return MustacheView(view: view)
    case .list(let list): return BridgedList(list: list)
    case .nothing: return nil
    }
}

struct BridgedList: MustacheSequence {
    let list: any TemplateList

    func makeIterator() -> AnyIterator<Any> {
        var index = 0
        return AnyIterator {
            guard index < list.count else { return nil }
            defer { index += 1 }
            return bridge(list.templateValue(at: index)) ?? ""
        }
    }
}

/// The same escaping as PlanSite's engine (and as the theme had with swift-mustache).
struct PlanHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: TemplateEngineBench CONTENT_DIR THEME_DIR [ROUNDS]")
    exit(2)
}
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
let site = try ContentLoader.load(contentDirectory: URL(fileURLWithPath: arguments[1])).get()
let themeURL = URL(fileURLWithPath: arguments[2])
let theme = try Theme.load(directory: themeURL, languages: site.config.languages.map(\.code)).get()
let context = RenderContext(site: site, theme: theme, today: CalendarDate(year: 2025, month: 4, day: 1))
// The views are made once; only the templates are timed.
var pages: [(template: String, view: any TemplateView)] = []
for page in context.plan(index: CalendarIndex(events: site.events, period: site.config.period)) {
    guard case .page(let template, let view) = page.content else { continue }
    pages.append((template, try view(context)))
}
MustacheContentTypes.register(PlanHTML(), named: "HTML")
let mustache = try await MustacheLibrary(directory: themeURL.appendingPathComponent("templates").path)

var own: [[UInt8]] = []
var theirs: [String] = []
var ownTimes: [Double] = []
var theirTimes: [Double] = []
for _ in 0..<rounds {
    ownTimes.append(
        try seconds {
            own = try pages.map { try theme.render($0.view, template: $0.template) }
        })
    theirTimes.append(
        seconds {
            theirs = pages.map { mustache.render(MustacheView(view: $0.view), withTemplate: $0.template) ?? "" }
        })
}
let differing = zip(own, theirs).filter { $0.0 != Array($0.1.utf8) }.count
let bytes = own.reduce(0) { $0 + $1.count }
func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }
print("pages: \(pages.count), \(bytes / 1024) KiB of HTML, \(rounds) rounds, one thread")
print(String(format: "PlanSite engine: median %.3f s (min %.3f)", median(ownTimes), ownTimes.min()!))
print(String(format: "swift-mustache:  median %.3f s (min %.3f)", median(theirTimes), theirTimes.min()!))
print(String(format: "ratio swift-mustache / PlanSite: %.1fx", median(theirTimes) / median(ownTimes)))
print("pages whose bytes differ between the engines: \(differing)")
if let index = own.indices.first(where: { own[$0] != Array(theirs[$0].utf8) }) {
    let mine = String(decoding: own[index], as: UTF8.self)
    let diverge = zip(mine, theirs[index]).prefix { $0 == $1 }.count
    print("first: \(pages[index].template) at character \(diverge):")
    print("  PlanSite:       \(mine.dropFirst(max(0, diverge - 40)).prefix(120).debugDescription)")
    print("  swift-mustache: \(theirs[index].dropFirst(max(0, diverge - 40)).prefix(120).debugDescription)")
}
