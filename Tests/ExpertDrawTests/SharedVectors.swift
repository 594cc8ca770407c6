import Foundation
import Testing

/// Finds shared/vectors without hard-coding a path: `$YIWANG_SHARED/vectors` if set, else the
/// first `A/shared/vectors` among the ancestors A of this file.
enum SharedVectors {
    static func directory(filePath: String = #filePath) -> URL? {
        let fileManager = FileManager.default
        if let shared = ProcessInfo.processInfo.environment["YIWANG_SHARED"], !shared.isEmpty {
            let candidate = URL(fileURLWithPath: shared).appendingPathComponent("vectors")
            if fileManager.fileExists(atPath: candidate.path) { return candidate }
        }
        var ancestor = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while ancestor.path != "/" {
            let candidate = ancestor.appendingPathComponent("shared").appendingPathComponent("vectors")
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return nil
    }

    /// The bytes of `relativePath` under shared/vectors; records an issue when it cannot be found.
    static func data(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        let directory = try #require(
            Self.directory(),
            "shared/vectors not found above \(#filePath); set YIWANG_SHARED",
            sourceLocation: sourceLocation
        )
        return try Data(contentsOf: directory.appendingPathComponent(relativePath))
    }

    /// The vector file parsed as untyped JSON (independent of the package's Codable types).
    static func json(_ relativePath: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Self.data(relativePath)) as? [String: Any])
    }
}

extension Array where Element == UInt8 {
    /// Bytes from a hex string.
    init(hex: String) {
        var bytes: [UInt8] = []
        var iterator = hex.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(UInt8(String([high, low]), radix: 16)!)
        }
        self = bytes
    }
}
