// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "paperwork",
    products: [
        .library(name: "Paperwork", targets: ["PaperworkOOXML", "PaperworkTemplate"]),
        .executable(name: "paperwork", targets: ["PaperworkCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]),
        .target(name: "PaperworkOOXML", dependencies: ["CLibXML2", "CLibZip"]),
        .target(name: "PaperworkTemplate", dependencies: ["PaperworkOOXML"]),
        .executableTarget(
            name: "PaperworkCLI",
            dependencies: [
                "PaperworkOOXML", "PaperworkTemplate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .testTarget(
            name: "PaperworkOOXMLTests", dependencies: ["PaperworkOOXML"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "PaperworkTemplateTests", dependencies: ["PaperworkTemplate", "PaperworkOOXML"],
            resources: [.copy("Fixtures")]),
    ]
)
