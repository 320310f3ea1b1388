import ArgumentParser
import Foundation
import PlanSite

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new item's folder: meta.yaml and one LANG.md per language, ready to fill in.",
        subcommands: [NewEventCommand.self, NewAreaCommand.self, NewDocumentCommand.self]
    )
}

/// Options every `new` command takes.
struct NewItemOptions: ParsableArguments {
    @Argument(help: "The folder name: lowercase letters, digits and hyphens.")
    var slug: String

    @Option(help: "The languages to write, comma-separated (default: every language of site.yaml).")
    var languages: String?

    @Option(help: "The content folder.")
    var content: String = "content"

    func write(_ kind: NewItem.Kind) throws {
        let languageList = languages.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let item = NewItem(kind: kind, slug: slug, languages: languageList, content: URL(fileURLWithPath: content))
        try Report.finish(ItemScaffold.write(item), then: { files in files.forEach { print("wrote \($0)") } })
    }
}

struct NewEventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "A new event, under events/YEAR/SLUG.")

    @OptionGroup var item: NewItemOptions

    @Option(help: "The first day, with a time if it has one: 2025-03-12 or '2025-03-12 10:00'.")
    var start: String

    @Option(help: "The area's folder name; leave out for a plan milestone.")
    var area: String?

    func run() throws { try item.write(.event(start: start, area: area)) }
}

struct NewAreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "area", abstract: "A new area of the plan's table.")

    @OptionGroup var item: NewItemOptions

    @Option(help: "The area's row in the plan's table (1 or more, not used by another area).")
    var number: Int

    func run() throws { try item.write(.area(number: number)) }
}

struct NewDocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "document", abstract: "A new document.")

    @OptionGroup var item: NewItemOptions

    @Option(help: "The document's place in lists.")
    var order: Int

    func run() throws { try item.write(.document(order: order)) }
}
