import ArgumentParser
import AsyncHTTPClient
import Foundation
import WitnessLog

/// Where and as whom the bidder and custodian tools talk to a platform.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The platform's address, e.g. http://127.0.0.1:8080.", valueName: "url"))
    var server: String

    @Option(help: "Your account name on the platform.")
    var username: String

    @Option(help: "Your password (default: the YIWANG_PASSWORD environment variable).")
    var password: String?

    /// Signs in; returns a client for the API and the bearer token.
    func signIn(_ http: HTTPClient) async throws -> (api: APIClient, token: String) {
        let api = APIClient(http: http, baseURL: self.server.hasSuffix("/") ? String(self.server.dropLast()) : self.server)
        guard let password = self.password ?? ProcessInfo.processInfo.environment["YIWANG_PASSWORD"] else {
            throw ValidationError("give --password or set YIWANG_PASSWORD")
        }
        return (api, try await api.login(self.username, password))
    }
}

/// The bidder tool's identity for the supervision metadata (条例40): its version and a hash of this machine's id.
enum BidderToolIdentity {
    static let version = "yiwang-cli/1"

    /// SHA-256 of /etc/machine-id (hex), so the platform can compare machines without learning the id.
    static var machineHash: String? {
        guard let text = try? String(contentsOfFile: "/etc/machine-id", encoding: .utf8) else { return nil }
        return Hash.sha256(Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)).hex
    }
}
