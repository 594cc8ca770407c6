import Crypto
import Foundation
import WitnessLog

/// Random secrets and their stored digests: session tokens, platform push keys (`ywp_`), webhook secrets (`whsec_`).
enum Secrets {
    /// `prefix` and 256 random bits, base64url without padding.
    static func make(prefix: String = "") -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        return prefix + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The lower-case hex SHA-256 of `text`'s UTF-8: what is stored of a secret, and the hash logged for a text.
    static func sha256(_ text: String) -> String {
        Hash.sha256(Array(text.utf8)).hex
    }
}
