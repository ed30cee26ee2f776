// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Descent",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "descent", targets: ["descent"]),
        .library(name: "Optimizers", targets: ["Optimizers"]),
        .library(name: "TensorCore", targets: ["TensorCore"]),
        .library(name: "Parallelism", targets: ["Parallelism"]),
        .library(name: "NN", targets: ["NN"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Landscapes", targets: ["Landscapes"]),
        .library(name: "Plot", targets: ["Plot"]),
        .library(name: "Lab", targets: ["Lab"]),
        .library(name: "Explorer", targets: ["Explorer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "_CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
        .systemLibrary(name: "_CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "_CKernels"),
        .target(name: "_CThreads"),
        .target(name: "Parallelism", dependencies: ["_CThreads"]),
        .target(name: "Optimizers", dependencies: ["_CKernels", "Parallelism"]),
        .target(name: "TensorCore", dependencies: ["_CBLAS", "Parallelism"]),
        .target(name: "NN", dependencies: ["TensorCore", "Optimizers", "Datasets", "Parallelism"]),
        .target(name: "Datasets", dependencies: ["TensorCore", "_CZlib", "Parallelism"]),
        .target(name: "Landscapes", dependencies: ["Optimizers"]),
        .target(name: "Plot"),
        .target(name: "Lab", dependencies: ["Optimizers", "Landscapes", "Plot", "NN", "Datasets", "TensorCore"]),
        .target(name: "Explorer", dependencies: [
            "Optimizers", "Landscapes", "Plot",
            .product(name: "Hummingbird", package: "hummingbird"),
        ], resources: [.copy("Resources")]),
        .executableTarget(name: "descent", dependencies: [
            "Optimizers", "Landscapes", "Plot", "Lab", "Explorer", "NN", "Datasets", "TensorCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "OptimizersTests", dependencies: ["Optimizers"]),
        .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore", "Parallelism"]),
        .testTarget(name: "NNTests", dependencies: ["NN", "TensorCore", "Optimizers", "Datasets"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TensorCore", "Parallelism"]),
        .testTarget(name: "LandscapesTests", dependencies: ["Landscapes", "Optimizers"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], exclude: ["Snapshots"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "Landscapes", "Optimizers", "Plot", "NN", "Datasets", "TensorCore"]),
        .testTarget(name: "ExplorerTests", dependencies: [
            "Explorer", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "CLITests", dependencies: ["descent"]),
    ],
    swiftLanguageModes: [.v5]
)
