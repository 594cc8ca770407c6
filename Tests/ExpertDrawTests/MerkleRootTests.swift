import Crypto
@testable import ExpertDraw
import Foundation
import Testing
import YiwangTestSupport

/// The local RFC 6962 root equals the published roots (shared/vectors/merkle/rfc6962_classic.json).
@Suite struct MerkleRootTests {
    @Test func rootsForEveryPrefixMatchRFC6962() throws {
        // setup
        let json = try SharedVectors.json("merkle/rfc6962_classic.json")
        let leaves = try #require(json["leaf_inputs_hex"] as? [String]).map { [UInt8](hex: $0) }
        let roots = try #require(json["root_for_size_hex"] as? [String])
        #expect(roots.count == leaves.count + 1)
        for size in 0...leaves.count {
            // exercise / validate
            #expect(MerkleRoot.of(leaves.prefix(size).map { $0 }).hex == roots[size], "size \(size)")
        }
    }
}

/// The ticket key's RFC 2104 construction over SHA-256 equals swift-crypto's HMAC<SHA256>.
@Suite struct TicketKeyTests {
    @Test(arguments: ["", "E001", "专家-007", String(repeating: "x", count: 200)])
    func ticketEqualsHMACSHA256(id: String) throws {
        // setup
        let seed = try #require(DrawDigest(hex: "01166bfb62d45d5f506df743f23290bc35ad53e2f1db39ccfe638100da77b086"))
        for category in ["tech", "经济", String(repeating: "c", count: 70)] {
            var message = LengthPrefixed.bytes(category)
            message += LengthPrefixed.bytes(id)
            let expected = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: seed.bytes))
            // exercise
            let ticket = ExpertDraw.ticket(seed: seed, category: category, id: id)
            // validate
            #expect(ticket.bytes == Array(expected), "category \(category)")
        }
    }
}
