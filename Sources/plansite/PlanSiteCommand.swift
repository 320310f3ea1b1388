import ArgumentParser

struct PlanSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Builds the CICA–SCO Action Plan site from Markdown content.",
        subcommands: [BuildCommand.self, CheckCommand.self] + previewCommands + [NewCommand.self, StatusCommand.self]
    )

    /// `serve`, with the PreviewServer trait (Package.swift): on unless a build turns default traits off.
    private static var previewCommands: [any ParsableCommand.Type] {
        #if PreviewServer
            [ServeCommand.self]
        #else
            []
        #endif
    }
}

/// Options shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: "The theme folder (templates, UI strings, CSS).")
    var theme: String = "theme"
}
