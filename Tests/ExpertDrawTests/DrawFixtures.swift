import ExpertDraw
import Foundation
import Testing
import YiwangTestSupport

/// The reference vector and small generated draws the tests share.
enum DrawFixtures {
    static let vectorPath = "draw/expert_draw_v1.json"

    /// The vector decoded as a bundle.
    static func vectorBundle() throws -> DrawBundle {
        try JSONDecoder().decode(DrawBundle.self, from: SharedVectors.data(Self.vectorPath))
    }

    /// The vector's inputs, read without the package's Codable types.
    struct Inputs {
        var drawID: String
        var pool: [PoolEntry]
        var exclusions: [Exclusion]
        var rules: DrawRules
        var randomness: DrawRandomness
    }

    static func vectorInputs() throws -> Inputs {
        let json = try SharedVectors.json(Self.vectorPath)
        let pool = try #require(json["pool"] as? [[String: String]]).map { PoolEntry(id: $0["id"]!, category: $0["category"]!, org: $0["org"]!) }
        let exclusions = try #require(json["excluded"] as? [[String: String]]).map { Exclusion(id: $0["id"]!, reason: $0["reason"]!) }
        let rules = try #require(json["rules"] as? [String: Any])
        let beacon = try #require(json["beacon"] as? [String: Any])
        let contributions = try #require(json["contributions"] as? [[String: String]])
        return Inputs(
            drawID: try #require(json["draw_id"] as? String), pool: pool, exclusions: exclusions,
            rules: DrawRules(
                order: try #require(rules["order"] as? [String]), quota: try #require(rules["quota"] as? [String: Int]),
                maxPerOrganisation: try #require(rules["max_per_org"] as? Int), reserve: try #require(rules["reserve"] as? Int)
            ),
            randomness: DrawRandomness(
                beacon: BeaconOutput(
                    network: try #require(beacon["network"] as? String), round: try #require(beacon["round"] as? UInt64),
                    randomness: [UInt8](hex: try #require(beacon["randomness"] as? String))
                ),
                contributions: contributions.map {
                    RevealedContribution(party: $0["party"]!, value: [UInt8](hex: $0["value"]!), commitment: DrawDigest(hex: $0["commitment"]!)!)
                }
            )
        )
    }

    /// A deterministic generator (SplitMix64) for generated pools and randomness.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            self.state &+= 0x9E37_79B9_7F4A_7C15
            var z = self.state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomBytes(_ count: Int, using generator: inout SplitMix) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Randomness with a generated beacon output and two contributions.
    static func randomness(using generator: inout SplitMix, round: UInt64 = 1000) -> DrawRandomness {
        DrawRandomness(
            beacon: BeaconOutput(network: "drand quicknet", round: round, randomness: Self.randomBytes(32, using: &generator)),
            contributions: [
                RevealedContribution(party: "regulator", value: Self.randomBytes(32, using: &generator)),
                RevealedContribution(party: "tenderer", value: Self.randomBytes(32, using: &generator)),
            ]
        )
    }

    /// A pool of `count` experts over `categories` and `organisations`, ids `X0000`….
    static func pool(count: Int, categories: [String], organisations: Int, using generator: inout SplitMix) -> [PoolEntry] {
        (0..<count).map { index in
            PoolEntry(
                id: "X" + String(format: "%05d", index), category: categories[Int.random(in: 0..<categories.count, using: &generator)],
                org: "ORG\(Int.random(in: 0..<organisations, using: &generator))"
            )
        }
    }
}
