import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SealedBid
import WitnessLog

extension Bidder {
    /// `yiwang bidder submit --server URL --username U --in bid.ywb`: uploads a sealed envelope and checks the receipt.
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a sealed bid; verify the platform's receipt (tlog-proof) and save it beside the envelope."
        )

        @OptionGroup var server: ServerOptions

        @Option(name: .customLong("in"), help: ArgumentHelp("The sealed bid envelope (from yiwang bidder seal).", valueName: "file"))
        var input: String

        @Option(name: .customLong("register-key"), help: ArgumentHelp("Register this bidder public key (NAME.pub) first.", valueName: "file"))
        var registerKey: String?

        func run() async throws {
            let bytes = try SealingFiles.read(self.input, "envelope")
            let envelope: BidEnvelope
            do { envelope = try BidEnvelope(serialized: bytes) } catch { throw CommandFailure(self.input, error) }
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let (api, token) = try await self.server.signIn(http)
                if let registerKey {
                    let text = try SealingFiles.readText(registerKey, "bidder public key")
                    try await api.expect(200, .PUT, "/api/v1/me/bidder-key", token: token, json: ["publicKey": text])
                    print("registered bidder key \(registerKey)")
                }
                let binding = envelope.binding
                let path = "/api/v1/projects/\(binding.tenderID)/lots/\(binding.lotID)/sealed-bids"
                var headers = ["X-Yiwang-Tool": BidderToolIdentity.version]
                if let machine = BidderToolIdentity.machineHash { headers["X-Yiwang-Machine"] = machine }
                let receipt = try await api.expect(201, .POST, path, token: token, bytes: bytes, headers: headers)
                let sha = receipt["envelopeSha256"] as? String ?? ""
                guard sha == envelope.sha256Hex else {
                    throw CommandFailure("the platform recorded envelope \(sha), not this file's \(envelope.sha256Hex)")
                }
                let key = try NoteVerifier(vkey: String(decoding: try await api.download("/log/key"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                let proof = try TlogProof(parsing: receipt["receipt"] as? String ?? "")
                let checkpoint = try proof.verify(log: key, witnesses: [], minWitnesses: 0)
                let receiptPath = self.input + ".tlog-proof"
                try SealingFiles.publish(proof.bytes, to: receiptPath, mode: 0o644)
                print("received at \(receipt["receivedAt"] ?? "") — envelope SHA-256 \(sha)")
                print("receipt verified: log entry \(proof.index) in the signed tree of \(checkpoint.size) entries; saved to \(receiptPath)")
                try await http.shutdown()
            } catch {
                try? await http.shutdown()
                throw error
            }
        }
    }
}
