import Crypto
import Foundation

/// Machine baselines measured in the same run as a benchmark, so results can be read relative to this machine.
struct Baseline {
    /// Files of the bid size written and fsync'd per second (what the file store does for each bid).
    var fsyncWritesPerSecond: Double
    /// SHA-256 digests of the bid size per second.
    var sha256PerSecond: Double

    static func measure(size: Int, count: Int, directory: URL) throws -> Baseline {
        let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let folder = directory.appendingPathComponent("baseline")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let writeStart = ContinuousClock.now
        for index in 0..<count {
            let url = folder.appendingPathComponent("\(index)")
            try bytes.write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            try handle.synchronize()
            try handle.close()
        }
        let writes = Self.seconds(ContinuousClock.now - writeStart)
        let hashStart = ContinuousClock.now
        var sink: UInt8 = 0
        for _ in 0..<count { sink ^= SHA256.hash(data: bytes).first(where: { _ in true }) ?? 0 }
        let hashes = Self.seconds(ContinuousClock.now - hashStart)
        _ = sink
        try? FileManager.default.removeItem(at: folder)
        return Baseline(fsyncWritesPerSecond: Double(count) / writes, sha256PerSecond: Double(count) / hashes)
    }

    /// The value at fraction `p` of ascending `sorted` (the element at ⌊count × p⌋, the last for p = 1); nil when empty.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        sorted.isEmpty ? nil : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
