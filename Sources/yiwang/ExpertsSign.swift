import ArgumentParser
import Crypto
import Foundation

/// `yiwang experts keygen --out NAME` — a committee member's Ed25519 signing key for evaluation reports: NAME.key
/// (the 32-byte private seed in hex, mode 0600) and NAME.pub (the public key in hex, for `PUT /api/v1/me/expert-key`).
struct ExpertsKeygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an expert's report-signing key: NAME.key stays on your machine, NAME.pub is registered with the platform."
    )

    @Option(name: .long, help: ArgumentHelp("Path and name of the key files, without extension.", valueName: "name"))
    var out: String

    func run() throws {
        let key = Curve25519.Signing.PrivateKey()
        let keyPath = self.out + ".key"
        let pubPath = self.out + ".pub"
        guard !FileManager.default.fileExists(atPath: keyPath) else { throw ValidationError("\(keyPath) exists; not overwritten (文件已存在)") }
        guard FileManager.default.createFile(atPath: keyPath, contents: Data((ExpertsSign.hex(key.rawRepresentation) + "\n").utf8), attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(atPath: pubPath, contents: Data((ExpertsSign.hex(key.publicKey.rawRepresentation) + "\n").utf8))
        else { throw ValidationError("cannot write \(keyPath) / \(pubPath) (无法写入)") }
        print("private key: \(keyPath) (mode 0600; never share it / 私钥，切勿外传)")
        print("public key:  \(pubPath) (register it: PUT /api/v1/me/expert-key / 在平台登记)")
    }
}

/// `yiwang experts sign --key NAME.key --sha256 HEX` — signs an evaluation report's SHA-256 (as shown on the
/// workspace page) and prints the signature in hex, to paste into the signing form.
struct ExpertsSign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign an evaluation report's SHA-256 with your expert key; prints the Ed25519 signature in hex."
    )

    @Option(name: .long, help: "The private key file written by `yiwang experts keygen`.")
    var key: String

    @Option(name: .long, help: "The report's SHA-256 (64 hex digits) from the workspace page.")
    var sha256: String

    func run() throws {
        guard let text = try? String(contentsOfFile: self.key, encoding: .utf8), let seed = Self.bytes(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        else { throw ValidationError("\(self.key) is not an expert key (不是专家签名私钥)") }
        guard let digest = Self.bytes(self.sha256.lowercased()), digest.count == 32 else {
            throw ValidationError("--sha256 must be 64 hex digits (应为64位十六进制)")
        }
        print(Self.hex(try key.signature(for: digest)))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(_ hex: String) -> [UInt8]? {
        guard hex.count % 2 == 0, hex.allSatisfy(\.isHexDigit) else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
