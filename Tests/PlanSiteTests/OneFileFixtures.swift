import Foundation
import XCTest

@testable import PlanSite

/// A case of `Fixtures/invalid`: the shared base site with the file (or two) that make the case
/// (`Fixtures.invalid`), assembled into a fresh temporary folder.
final class OneFileFixture {
    let fixture: ContentFixture

    init(_ name: String) {
        fixture = Fixtures.invalid(name)
    }

    func path(_ relative: String) -> String { fixture.path(relative) }
}
