import Crypto
import Foundation

/// 投标人身份承诺 — how a bidder appears in the public witness log before the opening.
///
/// The log is public (anyone can mirror its tiles), but before the opening nobody may learn who registered or bid
/// (招标投标法实施条例 22). Bidder events therefore carry `SHA-256("yiwang/bidder/v1\n" ‖ salt ‖ "\n" ‖ party id)`
/// with a random per-registration salt; the opening record reveals each salt so anyone can check the commitments.
public enum BidderCommitment {
    /// The commitment for `partyID` under `salt` (hex).
    public static func make(partyID: String, salt: String) -> String {
        let digest = SHA256.hash(data: Array("yiwang/bidder/v1\n\(salt)\n\(partyID)".utf8))
        return "bidder:" + digest.map { String(format: "%02x", $0) }.joined()
    }

    /// A new random salt (128 bits, hex).
    public static func newSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
