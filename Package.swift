// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "paperwork",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Paperwork", targets: ["PaperworkOOXML", "PaperworkTemplate", "PaperworkForms"]),
        .executable(name: "paperwork", targets: ["PaperworkCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation` (DocC); a command plugin, not linked into anything.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPosix"),
        .target(name: "PaperworkOOXML", dependencies: ["CLibXML2", "CLibZip", "CZlib", "CPosix"]),
        .target(name: "PaperworkTemplate", dependencies: ["PaperworkOOXML"]),
        .target(
            name: "PaperworkForms",
            dependencies: ["PaperworkTemplate", "PaperworkOOXML", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "PaperworkCommands",
            dependencies: [
                "PaperworkOOXML", "PaperworkTemplate", "PaperworkForms",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "PaperworkCLI", dependencies: ["PaperworkCommands"]),
        .executableTarget(
            name: "readme-example", dependencies: ["PaperworkForms", "PaperworkTemplate"], path: "Examples/Readme"),
        .executableTarget(
            name: "docx-fill-bench", dependencies: ["PaperworkTemplate", "PaperworkForms"], path: "Benchmarks/DocxFill"),
        .target(
            name: "PaperworkFuzzTargets", dependencies: ["PaperworkForms", "PaperworkTemplate", "PaperworkOOXML"],
            path: "Fuzz/Targets"),
        .systemLibrary(name: "CFuzzer", path: "Fuzz/CFuzzer"),
        .executableTarget(name: "paperwork-fuzz", dependencies: ["PaperworkFuzzTargets", "CFuzzer"], path: "Fuzz/Entry"),
        .target(
            name: "PaperworkTestSupport", dependencies: ["PaperworkOOXML", .product(name: "Yams", package: "Yams")],
            path: "Tests/Support"),
        .testTarget(
            name: "PaperworkOOXMLTests", dependencies: ["PaperworkOOXML", "PaperworkTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "PaperworkCLITests",
            dependencies: ["PaperworkCLI", "PaperworkCommands", "PaperworkTestSupport", "PaperworkFuzzTargets", "readme-example", "PaperworkForms", "PaperworkOOXML", "PaperworkTemplate"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "PaperworkFormsTests",
            dependencies: ["PaperworkForms", "PaperworkTemplate", "PaperworkTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures", "Collect/Fixtures"]),
        .testTarget(
            name: "PaperworkTemplateTests", dependencies: ["PaperworkTemplate", "PaperworkOOXML", "PaperworkTestSupport"],
            resources: [.copy("Fixtures")]),
    ]
)
