// swift-tools-version: 6.0
// The app's logic as a local Swift package: no UIKit or SwiftUI, so its tests run with
// `swift test` in seconds, without a simulator. The app target links the AppCore library.
import PackageDescription

let package = Package(
    name: "AppCore",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "AppCore", targets: ["AppCore"]),
    ],
    targets: [
        .target(name: "AppCore"),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore"]),
    ]
)
