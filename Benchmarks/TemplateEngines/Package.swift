// swift-tools-version:6.0
// Renders every page of a site with PlanSite's template engine and with swift-mustache, from the
// same views, and compares time and bytes. Its own package, so PlanSite never depends on
// swift-mustache. Run it with scripts/bench_template_engines (docs/ARCHITECTURE.md, "Templates").
import Foundation
import PackageDescription

// A path dependency is named by its folder, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let package = Package(
    name: "TemplateEngineBench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: root.path),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "TemplateEngineBench",
            dependencies: [
                .product(name: "PlanSite", package: root.lastPathComponent),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
    ]
)
