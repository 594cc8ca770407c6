import Crypto
import Foundation
import Testing
import WitnessLog

/// Appending must stay close to the cost of the two SHA-256 calls each entry needs
/// (leaf hash plus one node hash amortized). Target: ≥ 0.4 × (SHA-256 rate / 2).
@Suite struct AppendRateTests {
    static let count = 100_000

    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    @Test func appendKeepsUpWithSHA256() {
        // setup
        let entry = [UInt8](repeating: 0x5a, count: 64)
        var sink = UInt8(0)
        // exercise: raw SHA-256 over the same message sizes, then appends
        let shaTime = Self.seconds {
            var message = [UInt8](repeating: 0x01, count: 65)
            for i in 0..<Self.count {
                message[1] = UInt8(truncatingIfNeeded: i)
                sink ^= SHA256.hash(data: message).withUnsafeBytes { $0[0] }
            }
        }
        var range = CompactRange()
        let rangeTime = Self.seconds {
            for _ in 0..<Self.count {
                range.append(entry: entry)
            }
        }
        var tree = MerkleTree()
        let treeTime = Self.seconds {
            for _ in 0..<Self.count {
                tree.append(entry: entry)
            }
        }
        // validate
        let shaRate = Double(Self.count) / shaTime
        let rangeRate = Double(Self.count) / rangeTime
        let treeRate = Double(Self.count) / treeTime
        let rangeRatio = rangeRate / (shaRate / 2)
        let treeRatio = treeRate / (shaRate / 2)
        print("""
            SHA-256 \(Int(shaRate))/s; CompactRange \(Int(rangeRate))/s (\(rangeRatio) × SHA/2); \
            MerkleTree \(Int(treeRate))/s (\(treeRatio) × SHA/2) [sink \(sink)]
            """)
        #expect(range.rootHash == tree.rootHash)
        // Generous bound so a busy shared machine does not flake; the target is 0.4.
        #expect(rangeRatio > 0.25)
        #expect(treeRatio > 0.25)
    }
}
