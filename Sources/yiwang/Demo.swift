import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Logging
import Server
import Storage
import SealedBid
import TradingCore
import WitnessLog

/// `yiwang demo [--database PATH]` — one whole tender (notice → 3 bids → opening → result → award) through the
/// HTTP API of an in-process server on a fresh database, with a simulated clock that runs the statutory periods.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run one whole tender through the HTTP API and print each step.")

    @Option(help: "Database (SQLite path or postgres:// URL); a temporary SQLite database when omitted.")
    var database: String?

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "yiwang-demo")
        logger.logLevel = .warning
        let clock = ManualClock(Date())
        let configuration = AppConfiguration(
            databaseURL: self.database ?? directory.appendingPathComponent("demo.sqlite").path, dataDirectory: directory.path, bcryptCost: 8, sessionHours: 24 * 90, schedulerSeconds: 0
        )
        let platform = try await PlatformBootstrap.open(configuration, clock: clock, logger: logger)
        _ = try await PlatformBootstrap.ensureOperator(platform, password: DemoData.password)
        let server = try await LiveServer.start(platform: platform)
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await Self.tender(APIClient(http: http, baseURL: server.baseURL), clock: clock)
            try await http.shutdown()
            await server.stop()
            await platform.engine.shutdown()
        } catch {
            try? await http.shutdown()
            await server.stop()
            await platform.engine.shutdown()
            throw error
        }
    }

    static func step(_ clock: ManualClock, _ text: String) {
        print("[\(StatutoryChecks.localText(clock.now()))] \(text)")
    }

    static func tender(_ api: APIClient, clock: ManualClock) async throws {
        step(clock, "server at \(api.baseURL)")
        try await api.expect(201, .POST, "/api/v1/enterprises", json: [
            "name": "演示市政建设中心", "creditCode": CreditCode.completing("9135020016600001")!, "username": "demo-tenderer", "password": DemoData.password, "role": "tenderer",
        ])
        let tenderer = try await api.login("demo-tenderer", DemoData.password)
        var bidders: [String] = []
        var parties: [String] = []
        for index in 1...3 {
            let registered = try await api.expect(201, .POST, "/api/v1/enterprises", json: [
                "name": "演示投标企业\(index)有限公司", "creditCode": CreditCode.completing("913502001660001\(index)")!,
                "username": "demo-bidder\(index)", "password": DemoData.password, "role": "bidder",
            ])
            let party = registered["party"] as? [String: Any]
            parties.append(party?["id"] as? String ?? "")
            step(clock, "registered 演示投标企业\(index)有限公司, credit code \(party?["creditCode"] ?? "") (\(party?["creditStatus"] ?? ""))")
            bidders.append(try await api.login("demo-bidder\(index)", DemoData.password))
        }
        let project = try await api.expect(201, .POST, "/api/v1/projects", token: tenderer, json: [
            "title": "演示：滨海公园景观提升工程施工", "catalogCode": "engineering.open-tender", "region": "厦门市",
            "lots": [["title": "施工", "estimateFen": 800_000_000, "depositFen": 16_000_000]],
        ])
        let projectID = project["id"] as? String ?? ""
        let lotID = ((project["lots"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
        let lot = "/api/v1/projects/\(projectID)/lots/\(lotID)"
        step(clock, "project created: \(project["dealCode"] ?? "") (draft)")
        try await api.expect(201, .POST, "/api/v1/projects/\(projectID)/documents?kind=tender&filename=%E6%8B%9B%E6%A0%87%E6%96%87%E4%BB%B6.pdf", token: tenderer, bytes: Array("演示招标文件".utf8))
        let custodians = try await Self.custodianPanel(api, projectID: projectID, tenderer: tenderer, clock: clock)
        let today = LocalDate(clock.now())
        try await api.expect(200, .POST, "/api/v1/projects/\(projectID)/announce", token: tenderer, json: [
            "bidDeadline": "\(today.adding(days: 22))T09:30:00+08:00", "documentsUntil": "\(today.adding(days: 7))T17:00:00+08:00",
        ])
        step(clock, "tender notice published; bid deadline \(today.adding(days: 22)) 09:30 (法24: ≥ 20 days)")
        clock.advance(by: 3 * 86_400)
        let deadline = Timestamps.parse("\(today.adding(days: 22))T09:30:00+08:00")!
        var firstEnvelope: [UInt8] = []
        for (index, price) in [Int64(765_000_000), 748_800_000, 779_900_000].enumerated() {
            try await api.expect(201, .POST, "\(lot)/registrations", token: bidders[index], json: ["deposit": "guarantee"])
            // the bidder seals on its own machine: the price goes inside the envelope, the key is split among the custodians
            let key = BidderKey()
            try await api.expect(200, .PUT, "/api/v1/me/bidder-key", token: bidders[index], json: ["publicKey": key.publicKey.text])
            let envelope = try BidEnvelope.seal(
                payload: BidPayload(openingSheet: OpeningSheet(priceFen: price, durationDays: 365), fileName: "投标文件.pdf", fileBytes: Array("演示投标文件\(index + 1)".utf8)),
                binding: BidBinding(tenderID: projectID, lotID: lotID, bidderID: parties[index], deadline: deadline),
                panel: try CustodianPanel(custodians: custodians.map(\.key.publicKey), threshold: 2), signingKey: key.signingKey
            )
            let receipt = try await api.expect(201, .POST, "\(lot)/sealed-bids", token: bidders[index], bytes: envelope.serialized, headers: ["X-Yiwang-Tool": "yiwang-demo"])
            if index == 0 { firstEnvelope = envelope.serialized }
            step(clock, "sealed bid \(index + 1) received at \(receipt["receivedAt"] ?? ""), envelope SHA-256 \(String(describing: receipt["envelopeSha256"] ?? "").prefix(16))…, log index \(receipt["logIndex"] ?? "")")
            if index == 0, let text = receipt["receipt"] as? String {
                let proof = try TlogProof(parsing: text)
                let checkpoint = try proof.verify(log: try NoteVerifier(vkey: try await Self.logKey(api)), witnesses: [], minWitnesses: 0)
                step(clock, "  its tlog-proof receipt verifies offline: entry \(proof.index) is in the signed tree of \(checkpoint.size) entries")
            }
        }
        let drawPath = try await Self.drawCommittee(api, lot: lot, tenderer: tenderer, clock: clock)
        clock.advance(by: 20 * 86_400)
        let refused = try await api.call(.POST, "\(lot)/sealed-bids", token: bidders[0], bytes: firstEnvelope)
        step(clock, "an envelope uploaded after the deadline is refused: \(refused.status) \(refused.json["zh"] ?? "")")
        let closed = try await api.expect(200, .POST, "\(lot)/open", token: tenderer)
        step(clock, "deadline: the set of sealed bids is frozen in the log; lot is \((closed["lots"] as? [[String: Any]])?.first?["phaseZh"] ?? "") — waiting for 2 of 3 custodians")
        for custodian in [custodians[0], custodians[2]] {
            let list = try await api.expect(200, .GET, "\(lot)/envelopes", token: custodian.token)
            var shares = ""
            for item in (list["items"] as? [[String: Any]]) ?? [] {
                let envelope = try BidEnvelope(serialized: try await api.download(item["url"] as? String ?? "", token: custodian.token))
                shares += try envelope.releaseShare(using: custodian.key, now: clock.now()).text
            }
            let status = try await api.expect(200, .POST, "\(lot)/shares", token: custodian.token, bytes: Array(shares.utf8), contentType: "text/plain")
            step(clock, "custodian \(custodian.name) released its shares on its own machine; lot phase: \(status["phase"] ?? "")")
        }
        let opened = try await api.expect(200, .GET, "/api/v1/projects/\(projectID)")
        step(clock, "opened: lot is \((opened["lots"] as? [[String: Any]])?.first?["phaseZh"] ?? "") — every envelope decrypted with 2 of 3 key shares")
        try await Self.verifyDraw(api, drawPath: drawPath, clock: clock)
        let record = try await api.expect(200, .GET, "/api/v1/notices?kind=opening-record&projectId=\(projectID)")
        for line in (((record["items"] as? [[String: Any]])?.first?["body"] as? String) ?? "").split(separator: "\n") { print("    \(line)") }
        clock.advance(by: 86_400)
        try await Self.evaluate(api, lot: lot, clock: clock)
        let ranked = ((try await api.expect(200, .GET, "/api/v1/projects/\(projectID)", token: tenderer)["lots"] as? [[String: Any]])?.first?["candidates"] as? [[String: Any]]) ?? []
        step(clock, "evaluation result recorded from the signed report: \(ranked.count) ranked candidates (条例53: ≤ 3)")
        try await api.expect(200, .POST, "\(lot)/publicity", token: tenderer, json: ["until": "\(LocalDate(clock.now()).adding(days: 3))T18:00:00+08:00"])
        step(clock, "candidates published for 3 days (条例54)")
        clock.advance(by: 4 * 86_400)
        let awarded = try await api.expect(200, .POST, "\(lot)/award", token: tenderer, json: ["rank": 1])
        let award = (awarded["lots"] as? [[String: Any]])?.first?["award"] as? [String: Any]
        step(clock, "awarded to the first candidate; contract due by \(award?["contractDue"] ?? "") (法46)")
        let result = try await api.expect(200, .GET, "/api/v1/notices?kind=result&projectId=\(projectID)")
        for line in (((result["items"] as? [[String: Any]])?.first?["body"] as? String) ?? "").split(separator: "\n") { print("    \(line)") }
        clock.advance(by: 7 * 86_400)
        try await api.expect(200, .POST, "\(lot)/contract", token: tenderer)
        let log = try await api.expect(200, .GET, "/api/v1/log/entries?limit=1")
        step(clock, "contract signed; the witness log holds \(log["size"] ?? 0) entries")
        try await Self.verifyCertificate(api, projectID: projectID, clock: clock)
        print("demo: ok")
    }

    /// 开标密钥保管人: the tenderer, the regulator and a notary each make an X25519 key on their own machine; 2 of 3 open.
    static func custodianPanel(_ api: APIClient, projectID: String, tenderer: String, clock: ManualClock) async throws -> [(name: String, key: CustodianKey, token: String)] {
        let admin = try await api.login("admin", DemoData.password)
        for (username, name) in [("demo-regulator", "演示监管部门"), ("demo-notary", "演示公证处")] {
            try await api.expect(201, .POST, "/api/v1/accounts", token: admin, json: [
                "username": username, "password": DemoData.password, "role": "regulator", "displayName": name,
            ])
        }
        let members = [("招标人", "demo-tenderer"), ("监管部门", "demo-regulator"), ("公证处", "demo-notary")]
        let keys = members.map { _ in CustodianKey() }
        try await api.expect(200, .PUT, "/api/v1/projects/\(projectID)/custodians", token: tenderer, json: [
            "threshold": 2,
            "custodians": zip(members, keys).map { member, key in ["name": member.0, "username": member.1, "publicKey": key.publicKey.text] as [String: Any] },
        ])
        step(clock, "custodian panel: 招标人, 监管部门, 公证处 — any 2 of 3 open the bids; their public keys go into the log with the notice")
        var panel: [(name: String, key: CustodianKey, token: String)] = []
        for (member, key) in zip(members, keys) { panel.append((member.0, key, try await api.login(member.1, DemoData.password))) }
        return panel
    }

    static func logKey(_ api: APIClient) async throws -> String {
        String(decoding: try await api.download("/log/key"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Downloads the project's witness certificate (电子见证书) and verifies it as `yiwang verify certificate` does.
    static func verifyCertificate(_ api: APIClient, projectID: String, clock: ManualClock) async throws {
        let key = try NoteVerifier(vkey: try await Self.logKey(api))
        let certificate = try WitnessCertificate(json: try await api.download("/projects/\(projectID)/certificate.json"))
        let verdict = certificate.verify(log: key, witnesses: [], minWitnesses: 0)
        guard verdict.isValid else {
            throw APIClient.Failure(description: "the demo project's certificate does not verify: \(verdict.checkpoint.failure ?? verdict.firstFailure?.description ?? "?")")
        }
        step(clock, "witness certificate /projects/\(projectID)/certificate: \(certificate.events.count) events, every inclusion proof verifies against the signed checkpoint of \(verdict.checkpoint.checkpoint?.size ?? 0) entries (log key \(key.vkey.prefix(40))…)")
    }
}
