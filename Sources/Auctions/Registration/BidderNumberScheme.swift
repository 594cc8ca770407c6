import Crypto
import Foundation

/// How the bidder numbers (竞买号) of one auction are drawn: deterministic for whoever holds the auction's secret,
/// unpredictable for everyone else, and independent of the order in which parties register.
///
/// Candidate k of registration r is `HMAC-SHA256(secret, "yiwang/bidder-number/v1\n" ‖ lp(r) ‖ u32be(k))`; its
/// first 8 bytes, read big-endian, modulo 10^digits, written with `digits` digits. lp(x) = u32be(byte length) ‖
/// UTF-8 bytes. Candidate 0 is the number unless another registration of the auction already holds it; then
/// candidates 1, 2, … up to `hashedAttempts - 1`, and after those the next free number counting up (with wrap-around)
/// from the last candidate, so that a number is always found while any is left.
///
/// The secret is drawn by the server (32 random bytes) when the auction is created and kept with it; this module
/// never draws randomness itself.
public struct BidderNumberScheme: Hashable, Codable, Sendable, CustomStringConvertible, CustomReflectable {
    /// Secrets shorter than this are refused.
    public static let minimumSecretLength = 16
    /// Hashed candidates tried before counting up.
    public static let hashedAttempts: UInt32 = 64
    static let domain = Array("yiwang/bidder-number/v1\n".utf8)

    private let secret: [UInt8]
    /// Length of every number (default 6).
    public let digits: Int

    /// A scheme keyed with the auction's `secret` (≥ 16 bytes) giving numbers of `digits` digits (1…18).
    public init(secret: [UInt8], digits: Int = 6) throws(RegistrationError) {
        guard secret.count >= Self.minimumSecretLength else {
            throw .secretTooShort(minimum: Self.minimumSecretLength)
        }
        guard (1...18).contains(digits) else { throw .numberLengthOutOfRange(digits) }
        self.secret = secret
        self.digits = digits
    }

    /// How many distinct numbers there are (10^digits).
    public var capacity: UInt64 {
        (0..<self.digits).reduce(1) { value, _ in value * 10 }
    }

    /// Candidate number `attempt` for `registration` (attempt 0 is its first choice).
    public func candidate(for registration: RegistrationID, attempt: UInt32) -> BidderNumber {
        var message = Self.domain
        let id = Array(registration.rawValue.utf8)
        message += Self.bigEndian(UInt32(truncatingIfNeeded: id.count)) + id + Self.bigEndian(attempt)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: self.secret))
        let value = Array(mac).prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        return BidderNumber(value: value % self.capacity, length: self.digits)
    }

    /// The number `registration` gets when the numbers in `taken` are already held; nil when none is left. Pass a
    /// collection with a fast `contains` (a set, or a dictionary's keys).
    public func number(
        for registration: RegistrationID,
        avoiding taken: some Collection<BidderNumber>
    ) -> BidderNumber? {
        guard UInt64(taken.count) < self.capacity else { return nil }
        var last = self.candidate(for: registration, attempt: 0)
        for attempt in 0..<Self.hashedAttempts {
            last = self.candidate(for: registration, attempt: attempt)
            if !taken.contains(last) { return last }
        }
        var value = UInt64(last.digits) ?? 0
        for _ in 0..<self.capacity {
            value = (value + 1) % self.capacity
            let number = BidderNumber(value: value, length: self.digits)
            if !taken.contains(number) { return number }
        }
        return nil
    }

    /// Never shows the secret.
    public var description: String {
        "BidderNumberScheme(digits: \(self.digits), secret: redacted)"
    }

    /// Never shows the secret to `dump` or a debugger.
    public var customMirror: Mirror {
        Mirror(self, children: ["digits": self.digits])
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
