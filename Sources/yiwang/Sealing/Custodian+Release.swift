import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOHTTP1
import SealedBid

extension Custodian {
    /// `yiwang custodian release --server URL --username U --key A.key --project P --lot L`: after the deadline,
    /// fetches every envelope of the lot, decrypts this custodian's share of each locally, and releases them.
    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "At the opening: decrypt your share of every envelope of a lot on this machine and release them to the platform."
        )

        @OptionGroup var server: ServerOptions

        @Option(name: .long, help: ArgumentHelp("Your custodian key file (NAME.key); it never leaves this machine.", valueName: "file"))
        var key: String

        @Option(help: "The project (tender) id.") var project: String
        @Option(help: "The lot id.") var lot: String

        func run() async throws {
            let keyText = try SealingFiles.readText(self.key, "custodian key")
            let custodianKey: CustodianKey
            do throws(KeyTextError) { custodianKey = try CustodianKey(text: keyText) } catch { throw CommandFailure(self.key, error) }
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let (api, token) = try await self.server.signIn(http)
                let base = "/api/v1/projects/\(self.project)/lots/\(self.lot)"
                let list = try await api.expect(200, .GET, "\(base)/envelopes", token: token)
                var text = ""
                var count = 0
                for item in (list["items"] as? [[String: Any]]) ?? [] {
                    let bytes = try await api.download(item["url"] as? String ?? "", token: token)
                    let envelope = try BidEnvelope(serialized: bytes)
                    guard envelope.sha256Hex == item["envelopeSha256"] as? String else {
                        throw CommandFailure("envelope \(item["sealedBidId"] ?? "") does not hash to what the platform listed")
                    }
                    text += try envelope.releaseShare(using: custodianKey, now: Date()).text
                    count += 1
                }
                let status = try await api.expect(200, .POST, "\(base)/shares", token: token, bytes: Array(text.utf8), contentType: "text/plain; charset=utf-8")
                print("released \(count) share(s); lot phase: \(status["phase"] ?? "?")")
                for custodian in (status["custodians"] as? [[String: Any]]) ?? [] {
                    print("  \(custodian["name"] ?? ""): \((custodian["released"] as? Bool) == true ? "released" : "pending")")
                }
                try await http.shutdown()
            } catch {
                try? await http.shutdown()
                throw error
            }
        }
    }
}
