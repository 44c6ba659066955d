// swift-tools-version:6.0
import Foundation
import PackageDescription

// The release executable is linked by lld with the functions a build runs placed side by side, in the order of
// linker/guidepost.order (made by scripts/order-file.sh): a build then touches, and keeps resident, far fewer pages of
// code (README, Performance). A stale list costs memory, never correctness.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let orderedLink: LinkerSetting = .unsafeFlags(
    [
        "-use-ld=lld", "-Xlinker", "--symbol-ordering-file=\(packageRoot)/linker/guidepost.order",
        "-Xlinker", "--no-warn-symbol-ordering",
        // The start-up's relative relocations packed (DT_RELR, glibc 2.36): 1.8 MiB of them read at every start otherwise.
        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    ], .when(platforms: [.linux], configuration: .release))

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
        // Linked by the Markdown target (below), not by the module map or pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // C: mimalloc, the executable's allocator (Debian's libmimalloc-dev).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // C: libvips, which resizes and encodes raster images (Debian's libvips42), loaded with dlopen on first use.
        .systemLibrary(name: "CVips", providers: [.apt(["libvips-dev"])]),
        // Source locations, source text, and the one shape (Diagnostic) every stage's typed errors convert to.
        .target(name: "Diagnostics"),
        // CLDR through ICU: plural rules, quotation marks, text direction. The ICU is the one Foundation
        // carries (module _FoundationICU, library lib_FoundationICU), so dates, numbers and plurals share one CLDR.
        .target(name: "CLDR", linkerSettings: [.linkedLibrary("_FoundationICU")]),
        // C: a per-thread arena that cmark-gfm allocates a document from, given back in one step. DWARF 4:
        // Debian's valgrind (3.19) cannot read the DWARF 5 clang writes by default, and gives up on the binary.
        .target(name: "CCmarkArena", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // Markdown to HTML through cmark-gfm, with Guidepost's AST rewrites.
        // On Linux cmark-gfm is linked from Debian's static archives (the extensions first: they call the core):
        // calls into it are then direct, not through the PLT, and the two shared libraries are not loaded at start.
        .target(
            name: "Markdown", dependencies: ["CCmarkGFM", "CCmarkArena", "Diagnostics", "CLDR"],
            linkerSettings: [
                .linkedLibrary(":libcmark-gfm-extensions.a", .when(platforms: [.linux])),
                .linkedLibrary(":libcmark-gfm.a", .when(platforms: [.linux])),
                .linkedLibrary("cmark-gfm-extensions", .when(platforms: [.macOS])),
                .linkedLibrary("cmark-gfm", .when(platforms: [.macOS])),
            ]),
        // The content model: site config, UI strings, facts, pages.
        .target(name: "Content", dependencies: ["Diagnostics", "CLDR"]),
        // Raster images through libvips (resize, WebP, metadata stripped) and the SVG check.
        .target(name: "Images", dependencies: ["CVips", "Diagnostics"]),
        // Mustache templates (compiled by Guidepost's own engine) and the typed view models they render.
        .target(name: "Templates", dependencies: ["Markdown", "Diagnostics"]),
        // The code that can destroy data: the output folder's guard, lock, atomic exchange and writer.
        .target(name: "Output", dependencies: ["Diagnostics"]),
        // Load everything, build every page in parallel, publish (feeds, search), and hand the files to Output.
        .target(name: "Site", dependencies: ["Templates", "Content", "Markdown", "Images", "Output", "Diagnostics"]),
        // The preview's HTTP/1.1 and WebSocket server, with the limits a server facing a browser needs.
        .target(name: "PreviewServer"),
        // The thin command-line front end.
        .executableTarget(
            name: "guidepost",
            dependencies: [
                "Site", "Markdown", "Diagnostics", "CMimalloc", "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The preview's browser files, embedded in the executable (no bundle to install beside it).
            resources: [
                .embedInCode("Resources/livereload.js"), .embedInCode("Resources/fixed-now.js"), .embedInCode("Resources/overlay.css"),
                .embedInCode("Resources/search-off.js"), .embedInCode("Resources/search-off.css"),
                .embedInCode("Resources/error-page.html"), .embedInCode("Resources/search-indexing.js"),
            ],
            linkerSettings: [orderedLink]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "CLDRTests", dependencies: ["CLDR"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Diagnostics"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "Diagnostics"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "Markdown", "Content", "Diagnostics"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images", "Diagnostics"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "Diagnostics"]),
        .testTarget(name: "guidepostTests", dependencies: ["guidepost", "Site", "Diagnostics"]),
        .testTarget(
            name: "SiteTests", dependencies: ["Site", "Content", "Images", "Output", "Diagnostics"], exclude: [], resources: []),
    ]
)

// The libFuzzer target exists only when fuzzing (scripts/fuzz.sh sets GUIDEPOST_FUZZ=1 and builds it with
// -sanitize=fuzzer,address into .build-fuzz/): libFuzzer supplies its main function.
if ProcessInfo.processInfo.environment["GUIDEPOST_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "GuidepostFuzz", dependencies: ["Markdown", "Content", "Diagnostics", "Templates"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
