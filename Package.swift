// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kompeten",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kompeten", targets: ["kompeten"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        // XLSX import/export (zip container); on Linux it links the system zlib.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Operations: request, job and database metrics in the Prometheus text format at /metrics.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // COIN-OR CBC (MIP) through its C interface, for the annual plan's exact solutions and
        // bounds (Debian: coinor-libcbc-dev). Only `CbcMIPSolver` touches it.
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        // The domain: regulation rules and domain types as pure Swift. Must never import Vapor or
        // Fluent, nor the formats or the demo.
        .target(
            name: "KompetenCore",
            dependencies: ["CCbc"],
            // Optimised in debug builds too: the plan optimiser is a hot loop that runs 20–50 times
            // slower unoptimised, which made the test server's annual plan take 50 s. The domain
            // has no debugger-only code paths to lose.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // File formats around the rules: CSV/XLSX reading and writing, SVG charts, the QR code.
        // Not optimised in debug: measured (December 2026, serial) the XLSX suites take 3.95 s
        // against 3.57 s with -O (zlib and ZIPFoundation dominate, unoptimised either way) and the
        // QR suite 1.8 s against 0.2 s, mostly its version-40 reference matrices; the app encodes
        // one short URL per poster. Release builds are optimised as always.
        .target(
            name: "KompetenFormats",
            dependencies: ["KompetenCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The demo generator (a city of several instansi with their history), for the app's demo
        // command and the tests only. Optimised in debug builds for the same reason as the core:
        // generating the demo city is a hot loop.
        .target(
            name: "KompetenDemo",
            dependencies: ["KompetenCore"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "App",
            dependencies: [
                "KompetenCore",
                "KompetenFormats",
                "KompetenDemo",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "kompeten", dependencies: ["App"]),
        // KompetenCoreTests uses the demo's seeded generator (`DemoRandom`) for its plan instances.
        .testTarget(name: "KompetenCoreTests", dependencies: ["KompetenCore", "KompetenDemo"]),
        .testTarget(
            name: "KompetenFormatsTests", dependencies: ["KompetenCore", "KompetenFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "KompetenDemoTests", dependencies: ["KompetenCore", "KompetenDemo"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            // Reviewed page snapshots, read by path (HTMLSnapshot), not bundled.
            exclude: ["__Snapshots__"]
        ),
    ]
)
