import Content
import Diagnostics
import Foundation
import Images

extension SiteLoader {
    /// Image formats that carry the place a photo was taken and that browsers do not all show: refused.
    static let refusedImageExtensions: Set<String> = ["heic", "heif", "tif", "tiff"]

    /// Reads every file that is not Markdown (`files`: under language folders, as language and path;
    /// `staticFiles`: under `static/`), assigns each to its page, checks SVGs and processes raster images
    /// in parallel through `cache`.
    static func loadBundles(_ content: FileTree, files: [(language: String, relative: String)], staticFiles: [String],
                            pages: [Page], settings: ImageSettings, cache: ImageCache, errors: inout [BuildError]) -> BundleIndex {
        var index = BundleIndex()
        index.contentRoot = content.root
        guard !files.isEmpty || !staticFiles.isEmpty else { return index }
        var folders: [String: String] = ["": "index.md"]
        for page in pages where folders[BundleIndex.folder(of: page.relativePath)] == nil {
            folders[BundleIndex.folder(of: page.relativePath)] = page.relativePath
        }
        var paths = staticFiles
        for file in files {
            guard let (page, name) = BundleIndex.owner(of: file.relative, folders: folders) else { continue }
            let path = "\(file.language)/\(file.relative)"
            index.owned[Router.PageID(language: file.language, relativePath: page), default: [:]][name] = path
            paths.append(path)
        }
        let read = parallelMap(paths) { path -> Result<(String, [UInt8]), BuildError> in
            do throws(BuildError) { return .success((path, try content.read(path))) } catch { return .failure(error) }
        }
        var rasters: [(path: String, bytes: [UInt8], format: RasterFormat, key: String)] = []
        for result in read {
            let (path, bytes): (String, [UInt8])
            switch result {
            case .success(let file): (path, bytes) = file
            case .failure(let error): errors.append(error); continue
            }
            let location = SourceLocation(path: content.path(path))
            let ext = path.split(separator: "/").last.flatMap { name in name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } } ?? ""
            if let format = RasterFormat(fileName: path) {
                rasters.append((path, bytes, format, ImageCache.key(bytes, format: format, settings: settings)))
            } else if ext == "svg" {
                if let problem = SVGCheck.problem(in: bytes) {
                    errors.append(.unsafeSVG(problem.position.located(in: location.path), found: problem.found))
                    continue
                }
                let size = SVGCheck.size(of: bytes)
                index.entries[path] = .init(path: path, asset: .svg(bytes: bytes, width: size?.width, height: size?.height),
                                            hash: ContentHash.hex(bytes))
            } else if refusedImageExtensions.contains(ext) {
                errors.append(.unusableImage(location, detail: "Guidepost publishes PNG, JPEG, WebP and SVG images, and this is a \(ext.uppercased()) file (such files often hold the place a photo was taken); convert it to PNG or JPEG"))
            } else {
                index.entries[path] = .init(path: path, asset: .file(bytes), hash: ContentHash.hex(bytes))
            }
        }
        // Each distinct image once (a screenshot copied into several languages is encoded once), in parallel.
        var unique: [String: (bytes: [UInt8], format: RasterFormat)] = [:]
        for raster in rasters where unique[raster.key] == nil { unique[raster.key] = (raster.bytes, raster.format) }
        let keys = unique.keys.sorted()
        let inputs = keys.map { unique[$0]! }
        let processed = parallelMap(Array(keys.indices)) { position -> Result<ProcessedImage, VipsCodec.Failure> in
            if let cached = cache.load(keys[position]) { return .success(cached) }
            let result = VipsCodec.process(inputs[position].bytes, format: inputs[position].format, settings: settings)
            if case .success(let image) = result { cache.store(keys[position], image) }
            return result
        }
        let results = Dictionary(uniqueKeysWithValues: zip(keys, processed))
        for raster in rasters {
            switch results[raster.key]! {
            case .success(let image):
                index.entries[raster.path] = .init(path: raster.path, asset: .raster(image), hash: raster.key)
            case .failure(let failure):
                errors.append(.unusableImage(SourceLocation(path: content.path(raster.path)), detail: failure.detail))
            }
        }
        return index
    }
}
