import Content
import Diagnostics
import Foundation
import Images
import Output

extension SiteLoader {
    /// Image formats that carry the place a photo was taken and that browsers do not all show: refused.
    static let refusedImageExtensions: Set<String> = ["heic", "heif", "tif", "tiff"]

    /// Reads every file that is not Markdown (`files`: every file under the language folders, articles
    /// included, as language and path; `staticFiles`: under `static/`), assigns each to its page, checks
    /// SVGs and processes raster images in parallel through `cache`.
    static func loadBundles(
        _ content: FileTree, files: [(language: String, relative: String)], staticFiles: [String],
        settings: ImageSettings, cache: ImageCache, errors: inout DiagnosticCollector
    ) -> BundleIndex {
        var index = BundleIndex()
        index.contentRoot = content.root
        // Every article's folder, drafts included (a draft's files are then published with nothing).
        var folders: [String: String] = ["": "index.md"]
        for file in files where file.relative.hasSuffix(".md") && folders[BundleIndex.folder(of: file.relative)] == nil {
            folders[BundleIndex.folder(of: file.relative)] = file.relative
        }
        var paths = staticFiles
        for file in files where !file.relative.hasSuffix(".md") {
            guard let (page, name) = BundleIndex.owner(of: file.relative, folders: folders) else { continue }
            let path = "\(file.language)/\(file.relative)"
            guard name != "index.html" else {
                errors.append(
                    SiteError.unusableImage(
                        SourceLocation(path: content.path(path)),
                        detail: "a file named index.html in a page's folder would replace the page itself; rename it"))
                continue
            }
            index.owned[Router.PageID(language: file.language, relativePath: page), default: [:]][name] = path
            paths.append(path)
        }
        // Read and hashed in parallel (the hash is the cache key of an image, the version of any other file).
        // An image whose file status is unchanged since its key was recorded, and whose processed form is in
        // the cache, is not read at all.
        let memo = ImageKeyMemo(cache: cache, settings: settings)
        let read = parallelMap(paths) {
            path -> Result<(path: String, bytes: [UInt8], key: String, status: String?, cached: ProcessedImage?), SiteError> in
            let status = RasterFormat(fileName: path) != nil ? ImageKeyMemo.status(of: content.path(path)) : nil
            if let status, let key = memo.key(content.path(path), status: status), let image = cache.load(key) {
                return .success((path, [], key, status, image))
            }
            do throws(SiteError) {
                let bytes = try content.read(path)
                let key =
                    RasterFormat(fileName: path).map { ImageCache.key(bytes, format: $0, settings: settings) } ?? ImageCache.hash(bytes)
                return .success((path, bytes, key, status, nil))
            } catch { return .failure(error) }
        }
        var rasters: [(path: String, bytes: [UInt8], format: RasterFormat, key: String)] = []
        var statuses: [String: (status: String, key: String)] = [:]
        for result in read {
            let (path, bytes, hash): (String, [UInt8], String)
            switch result {
            case .success(let file):
                (path, bytes, hash) = (file.path, file.bytes, file.key)
                if let status = file.status { statuses[content.path(path)] = (status, file.key) }
                if let image = file.cached {
                    index.entries[path] = .init(path: path, asset: .raster(image), hash: hash)
                    continue
                }
            case .failure(let error):
                errors.append(error)
                continue
            }
            let location = SourceLocation(path: content.path(path))
            let ext =
                path.split(separator: "/").last.flatMap { name in
                    name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() }
                } ?? ""
            if let format = RasterFormat(fileName: path) {
                rasters.append((path, bytes, format, hash))
            } else if ext == "svg" {
                if let problem = SVGCheck.problem(in: bytes) {
                    // Still indexed, so that references to it are not also reported missing (the error stops the build).
                    errors.append(SiteError.unsafeSVG(problem.position.located(in: location.path), found: problem.found))
                }
                let size = SVGCheck.size(of: bytes)
                index.entries[path] = .init(
                    path: path, asset: .svg(bytes: bytes, width: size?.width, height: size?.height),
                    hash: hash)
            } else if refusedImageExtensions.contains(ext) {
                index.unusable.insert(path)
                errors.append(
                    SiteError.unusableImage(
                        location,
                        detail:
                            "Guidepost publishes PNG, JPEG, WebP and SVG images, and this is a \(ext.uppercased()) file (such files often hold the place a photo was taken); convert it to PNG or JPEG"
                    ))
            } else {
                index.entries[path] = .init(path: path, asset: .file(bytes), hash: hash)
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
            if case .success(let image) = result { return .success(cache.store(keys[position], image)) }
            return result
        }
        let results = Dictionary(uniqueKeysWithValues: zip(keys, processed))
        for raster in rasters {
            switch results[raster.key]! {
            case .success(let image):
                index.entries[raster.path] = .init(path: raster.path, asset: .raster(image), hash: raster.key)
            case .failure(let failure):
                index.unusable.insert(raster.path)
                errors.append(SiteError.unusableImage(SourceLocation(path: content.path(raster.path)), detail: failure.detail))
                statuses[content.path(raster.path)] = nil
            }
        }
        memo.save(statuses)
        return index
    }
}
