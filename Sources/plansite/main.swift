import ArgumentParser
import Foundation

// Exit status (CONTENT.md): 0 built, 1 the content or theme has errors, 2 wrong usage.
// ArgumentParser's own usage errors exit 64, so parsing is done here to map them to 2.
do {
    var command = try PlanSiteCommand.parseAsRoot()
    if let asyncCommand = command as? AsyncParsableCommand {
        try await runAsync(asyncCommand)
    } else {
        try command.run()
    }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = PlanSiteCommand.exitCode(for: error)
    let message = PlanSiteCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(2)
}

/// `serve` runs async; opened as a generic so `run()` is the async requirement, not the sync one
/// every command also has.
func runAsync<Command: AsyncParsableCommand>(_ command: Command) async throws {
    var command = command
    try await command.run()
}
