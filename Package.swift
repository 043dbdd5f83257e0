// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Wasim",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Wasim", targets: ["Wasim"]),
        .executable(name: "wasim", targets: ["wasim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The thin C boundary over the system ICU (regex, calendars). Nothing but
        // `Sources/Wasim/ICU/` talks to it.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        .target(name: "Wasim", dependencies: ["CICU"]),
        .executableTarget(
            name: "wasim",
            dependencies: ["Wasim", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "WasimTests",
            dependencies: ["Wasim", "wasim"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
