// swift-tools-version:6.0
import PackageDescription

// One target per stage; dependencies point one way:
// Diagnostics <- Syntax <- Semantics <- Plan <- Engine <- Tally (session) <- tally (CLI, REPL)
//                Data   <-´                   <- SQL <- Postgres <-´

// A release binary maps less of itself: the functions questions run are laid out together (the list
// is written by scripts/link-order.sh), and its relocations are packed (`-z pack-relative-relocs`, read
// by glibc 2.36 and later). Each question then holds about 6 MiB fewer pages of the binary.
let leanRelease = LinkerSetting.unsafeFlags(
    [
        "-use-ld=lld",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/tally/link-order.txt",
        "-Xlinker", "--no-warn-symbol-ordering",
        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    ],
    .when(platforms: [.linux], configuration: .release)
)

let package = Package(
    name: "Tally",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "Tally", targets: ["Tally"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .target(name: "TallyDiagnostics"),
        .target(name: "TallySyntax", dependencies: ["TallyDiagnostics"]),
        // Reads gzip-compressed data files as a stream.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The CSV scanner's byte compares (SSE2), a header only.
        .systemLibrary(name: "CByteMasks"),
        .target(name: "TallyData", dependencies: ["TallyDiagnostics", "CZlib", "CByteMasks"]),
        .target(name: "TallySemantics", dependencies: ["TallyDiagnostics", "TallySyntax", "TallyData"]),
        // The lowered plan: the time axis, placements, and the evaluator every engine's cells go through.
        .target(name: "TallyPlan", dependencies: ["TallySemantics", "TallyData", "TallyDiagnostics"]),
        .target(name: "TallyEngine", dependencies: ["TallyPlan", "TallySemantics", "TallyData"]),
        .target(name: "TallyRender", dependencies: ["TallyData", "TallyDiagnostics"]),
        // Bound query -> SQL syntax tree -> SQL text; never imports the native engine.
        .target(name: "TallySQL", dependencies: ["TallyPlan", "TallySemantics", "TallyData", "TallyDiagnostics"]),
        // libpq's header; the library itself is opened on the first connection (see shim.h).
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        // Runs compiled queries on PostgreSQL through libpq, and copies datasets into it.
        .target(name: "TallyPostgres", dependencies: ["CLibPQ", "TallyPlan", "TallySQL", "TallySemantics", "TallyData", "TallyDiagnostics"]),
        .target(
            name: "Tally",
            dependencies: [
                "TallyDiagnostics", "TallySyntax", "TallyData", "TallySemantics", "TallyPlan", "TallyEngine", "TallyRender", "TallySQL",
                "TallyPostgres",
            ],
            resources: [.copy("Library/crm.tally")]
        ),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Signal handlers for the prompt must be C; it calls libedit, linked through CLibEdit.
        .target(name: "CTerminal", dependencies: ["CLibEdit"]),
        .executableTarget(
            name: "tally",
            dependencies: [
                "Tally", "CLibEdit", "CTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["link-order.txt"],
            linkerSettings: [leanRelease]
        ),
        .executableTarget(name: "crmgen", dependencies: ["TallyData"]),
        .testTarget(name: "TallySyntaxTests", dependencies: ["TallySyntax"]),
        .testTarget(name: "TallyDataTests", dependencies: ["TallyData"]),
        .testTarget(name: "TallySemanticsTests", dependencies: ["TallySemantics", "TallySyntax", "TallyData"]),
        .testTarget(name: "TallyPlanTests", dependencies: ["TallyPlan", "TallySemantics", "TallyData"]),
        .testTarget(name: "TallyEngineTests", dependencies: ["TallyEngine", "TallyPlan", "TallySemantics", "TallySyntax", "TallyData"]),
        .testTarget(name: "TallyRenderTests", dependencies: ["TallyRender", "TallyData", "TallyDiagnostics"]),
        .testTarget(name: "TallySQLTests", dependencies: ["TallySQL", "TallyPlan", "TallySemantics", "TallySyntax", "TallyData"]),
        .testTarget(name: "GoldenTests", dependencies: ["Tally", "TallyPlan", "TallyRender", "TallyDiagnostics", "TallyData", "TallySQL", "TallySemantics", "TallySyntax", "TallyPostgres"], exclude: ["cases", "fixtures", "examples", "sql"]),
        .testTarget(name: "TallyTests", dependencies: ["Tally", "TallySyntax", "TallyDiagnostics"]),
        .testTarget(name: "TallyCLITests", dependencies: ["Tally", "TallySyntax"], exclude: ["repl_driver.py", "png_stats.py"]),
    ],
    swiftLanguageModes: [.v6]
)
