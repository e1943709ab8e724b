// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kompeten",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kompeten", targets: ["kompeten"]),
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
        // The domain: regulation rules as pure Swift. Must never import Vapor or Fluent.
        .target(
            name: "KompetenCore",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation"), "CCbc"],
            // Optimised in debug builds too: the plan optimiser and the demo generator are hot
            // loops that run 20–50 times slower unoptimised, which made the test server's annual
            // plan take 50 s. The domain has no debugger-only code paths to lose.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "App",
            dependencies: [
                "KompetenCore",
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
        .testTarget(name: "KompetenCoreTests", dependencies: ["KompetenCore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
