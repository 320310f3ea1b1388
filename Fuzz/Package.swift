// swift-tools-version:6.0
// The libFuzzer target, in its own package so a plain `swift build` / `swift test` of PlanSite
// never sees `-sanitize=fuzzer`. Build and run it with `scripts/fuzz` (README: "Fuzzing").
import Foundation
import PackageDescription

// A path dependency is named by its folder, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "PlanSiteFuzz",
    dependencies: [
        .package(path: root.path),
    ],
    targets: [
        .executableTarget(
            name: "PlanSiteFuzz",
            dependencies: [.product(name: "PlanSite", package: root.lastPathComponent)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
