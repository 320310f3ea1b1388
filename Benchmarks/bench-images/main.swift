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

var written = 0, bytes = 0
for (name, result) in zip(names, ImageProcessor.processAll(jobs)) {
    let stem = String(name.dropLast(4))
    for variant in try result.get().variants {
        for file in [variant.modern, variant.fallback] {
            let url = output.appendingPathComponent("\(stem)-\(variant.width).\(file.encoding.fileExtension)")
            try file.bytes.write(to: url)
            written += 1
            bytes += file.bytes.count
        }
    }
}
print("bench-images: \(names.count) photos, \(written) files, \(bytes) bytes")
