import Foundation
import XCTest

@testable import PlanSite

/// Cases made of one small valid site, `Fixtures/base`, and the file (or two) that break it,
/// kept in `Fixtures/one-file/<case>` with their paths in the site: only what differs is
/// committed. Each test writes the two together into a fresh temporary folder.
final class OneFileFixture {
    private let folder = TemporaryFolder()
    let fixture: ContentFixture

    init(_ name: String) {
        let manager = FileManager.default
        let base = Fixtures.root.appendingPathComponent("base")
        let changes = Fixtures.root.appendingPathComponent("one-file").appendingPathComponent(name)
        precondition(manager.fileExists(atPath: changes.path), "no one-file fixture named \(name)")
        let site = folder.url.appendingPathComponent("content")
        try! manager.copyItem(at: base, to: site)
        for relative in TemporaryFolder.list(changes) {
            let target = site.appendingPathComponent(relative)
            try? manager.removeItem(at: target)
            try! manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! manager.copyItem(at: changes.appendingPathComponent(relative), to: target)
        }
        fixture = ContentFixture(site)
    }

    func path(_ relative: String) -> String { fixture.path(relative) }
}
