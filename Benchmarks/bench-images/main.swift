// Makes, for every JPEG in a folder, what PlanMedia publishes for a photo (the widths 480, 960
// and 1600 in WebP and JPEG) and writes the files into another folder, as `floor_vips.sh` does
// with `vipsthumbnail`: `scripts/bench_images.py` times the two.
// Usage: bench-images PHOTO_DIR OUT_DIR
import Foundation
import PlanMedia

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: bench-images PHOTO_DIR OUT_DIR\n".utf8))
    exit(2)
}
let photos = URL(fileURLWithPath: arguments[1]), output = URL(fileURLWithPath: arguments[2])
try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
let names = try FileManager.default.contentsOfDirectory(atPath: photos.path).filter { $0.hasSuffix(".jpg") }.sorted()

// As a build would: each file read and its header probed, its bytes let go until it is processed.
var jobs: [ImageJob] = []
for name in names {
    let path = photos.appendingPathComponent(name).path
    let header = try ImageProbe.header(of: try ImageProbe.read(path: path))
    jobs.append(ImageJob(source: .file(path: path), header: header, makesCover: false))
}

// Each photo's files written as soon as they are made, as a build would write them.
let totals = Totals()
ImageProcessor.processEach(jobs) { index, result in
    let stem = String(names[index].dropLast(4))
    guard case .success(let image) = result else {
        FileHandle.standardError.write(Data("\(names[index]): \(result)\n".utf8))
        exit(1)
    }
    for variant in image.variants {
        for file in [variant.modern, variant.fallback] {
            let url = output.appendingPathComponent("\(stem)-\(variant.width).\(file.encoding.fileExtension)")
            do { try file.bytes.write(to: url) } catch { fatalError("\(url.path): \(error)") }
            totals.add(bytes: file.bytes.count)
        }
    }
}
print("bench-images: \(names.count) photos, \(totals.files) files, \(totals.bytes) bytes")

final class Totals: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files = 0, bytes = 0

    func add(bytes count: Int) {
        lock.lock()
        files += 1
        bytes += count
        lock.unlock()
    }
}
