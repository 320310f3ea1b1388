// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "PlanSite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plansite", targets: ["plansite"]),
        .library(name: "PlanSite", targets: ["PlanSite"]),
        .library(name: "PlanSiteServer", targets: ["PlanSiteServer"]),
    ],
    // `plansite serve` and the packages only it needs (Hummingbird, SwiftNIO: most of the modules a
    // release build compiles) are on by default; a build that only publishes leaves them out with
    // `swift build --product plansite --disable-default-traits`.
    traits: [
        .trait(name: "PreviewServer", description: "The `plansite serve` command."),
        .default(enabledTraits: ["PreviewServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // `plansite serve` only; service-lifecycle and log are Hummingbird's own, named for its graceful
        // shutdown and a quieter logger.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "PlanMarkdown", dependencies: ["CCmark"]),
        // libvips (issue 19): photos are decoded, resized and encoded by it and nothing else.
        // `CVipsShim` wraps the few variadic calls Swift cannot make; only `PlanMedia` imports it.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // libwebpmux (a dependency of libvips) takes the metadata out of the WebPs libvips makes.
        .target(
            name: "CVipsShim",
            dependencies: ["CVips"],
            linkerSettings: [.linkedLibrary("webpmux"), .linkedLibrary("webp")]
        ),
        .target(name: "PlanMedia", dependencies: ["CVipsShim"]),
        .target(
            name: "PlanSite",
            dependencies: [
                "PlanMarkdown",
                "PlanMedia",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The preview server: builds, serves the output folder, watches and reloads.
        .target(
            name: "PlanSiteServer",
            dependencies: [
                "PlanSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "plansite",
            dependencies: [
                "PlanSite",
                .target(name: "PlanSiteServer", condition: .when(traits: ["PreviewServer"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc replaces glibc's malloc in the release build: a build allocates millions of
            // small nodes and strings on two threads, and glibc's malloc was a quarter of the load's
            // time (README, Performance). Debug and sanitizer builds keep the system allocator.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "PlanMarkdownTests", dependencies: ["PlanMarkdown"]),
        // Assembles each invalid content case (a shared base site plus the files the case changes) for
        // both test targets below.
        .target(name: "FixtureAssembly", path: "Tests/FixtureAssembly"),
        // The tests make their pictures and read PlanMedia's output with libvips itself.
        .target(name: "CVipsTestSupport", dependencies: ["CVips"], path: "Tests/CVipsTestSupport"),
        .testTarget(name: "PlanMediaTests", dependencies: ["PlanMedia", "CVipsTestSupport"]),
        // Times PlanMedia on a folder of photos for `scripts/bench_images.py`; not a product.
        // Linked as `plansite` is (jemalloc in release), so its memory is the build's.
        .executableTarget(
            name: "bench-images",
            dependencies: ["PlanMedia"],
            path: "Benchmarks/bench-images",
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "PlanSiteTests",
            dependencies: ["PlanSite", "FixtureAssembly", "CVipsTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // Runs the built executable: exit statuses and what it prints.
        .testTarget(name: "plansiteTests", dependencies: ["plansite", "FixtureAssembly"]),
        .testTarget(name: "PlanSiteServerTests", dependencies: ["PlanSiteServer", "PlanSite"]),
    ]
)
