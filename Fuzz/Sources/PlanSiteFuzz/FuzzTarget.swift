import Foundation
import PlanSite

/// The site and theme every input is run against, loaded once: the content folder and theme
/// come from `PLANSITE_FUZZ_CONTENT` and `PLANSITE_FUZZ_THEME` (`scripts/fuzz` sets them).
private let probe: ItemProbe = {
    let environment = ProcessInfo.processInfo.environment
    guard let content = environment["PLANSITE_FUZZ_CONTENT"], let theme = environment["PLANSITE_FUZZ_THEME"] else {
        fatalError("set PLANSITE_FUZZ_CONTENT and PLANSITE_FUZZ_THEME (scripts/fuzz does)")
    }
    do {
        return try ItemProbe(content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme))
    } catch {
        fatalError("the base site does not load: \(error)")
    }
}()

/// libFuzzer calls this with each input: an event's meta.yaml and en.md separated by a line
/// `%%%`, or an en.md alone. Diagnostics are the expected outcome; a crash, a hang or a
/// sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let result = probe.run(input)
    // Every diagnostic must name a place in the input's two files and say something.
    for diagnostic in result.diagnostics {
        precondition(diagnostic.location.path.hasPrefix("fuzz/") && !diagnostic.message.isEmpty, "\(diagnostic)")
    }
    return 0
}
