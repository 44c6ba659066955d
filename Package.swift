// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "guidepost",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "guidepost", targets: ["guidepost"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // C: cmark-gfm and its GFM extensions, from Debian's packages.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // C: mimalloc, the executable's allocator (Debian's libmimalloc-dev).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // C: libvips, which resizes and encodes raster images (Debian's libvips42), loaded with dlopen on first use.
        .systemLibrary(name: "CVips", providers: [.apt(["libvips-dev"])]),
        // Source locations and the typed build errors every stage reports.
        .target(name: "Diagnostics"),
        // CLDR through ICU: plural rules, quotation marks, text direction. The ICU is the one Foundation
        // carries (module _FoundationICU, library lib_FoundationICU), so dates, numbers and plurals share one CLDR.
        .target(name: "CLDR", linkerSettings: [.linkedLibrary("_FoundationICU")]),
        // Markdown to HTML through cmark-gfm, with Guidepost's AST rewrites.
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Diagnostics", "CLDR"]),
        // The content model: site config, UI strings, facts, pages.
        .target(name: "Content", dependencies: ["Markdown", "Diagnostics", "CLDR"]),
        // Raster images through libvips (resize, WebP, metadata stripped) and the SVG check.
        .target(name: "Images", dependencies: ["CVips", "Diagnostics"]),
        // Mustache templates (compiled by Guidepost's own engine) and the typed view models they render.
        .target(name: "Templates", dependencies: ["Content", "Diagnostics"]),
        // Load everything, build every page in parallel, write atomically.
        .target(name: "Site", dependencies: ["Templates", "Content", "Markdown", "Images", "Diagnostics"]),
        // The preview's HTTP/1.1 and WebSocket server, with the limits a server facing a browser needs.
        .target(name: "PreviewServer"),
        // The thin command-line front end.
        .executableTarget(
            name: "guidepost",
            dependencies: [
                "Site", "Markdown", "Diagnostics", "CMimalloc", "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "CLDRTests", dependencies: ["CLDR"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images"]),
        .testTarget(name: "SiteTests", dependencies: ["Site"], exclude: [], resources: []),
    ]
)

// The libFuzzer target exists only when fuzzing (scripts/fuzz.sh sets GUIDEPOST_FUZZ=1 and builds it with
// -sanitize=fuzzer,address into .build-fuzz/): libFuzzer supplies its main function.
if ProcessInfo.processInfo.environment["GUIDEPOST_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "GuidepostFuzz", dependencies: ["Markdown", "Content", "Diagnostics", "CLDR", "Templates"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
