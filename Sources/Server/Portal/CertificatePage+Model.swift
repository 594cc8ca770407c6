import Foundation
import Storage
import TradingCore
import WitnessLog

/// `/projects/{id}/certificate` — 电子见证书: the project's logged events, the checkpoint they are proven against,
/// its witnesses, and how to verify the bundle offline.
struct CertificatePageModel: Sendable {
    struct EventModel: Sendable {
        var index: UInt64
        var time: String
        var typeZh: String
        var type: String
        var actor: String
        var documents: [String]
        var hasDocuments: Bool
    }

    var page: PageChrome
    var title: String
    var projectURL: String
    var bundleURL: String
    var origin: String
    var logKey: String
    var size: UInt64
    var rootHash: String
    var witnesses: [String]
    var hasWitnesses: Bool
    var events: [EventModel]
    var checkpoint: String

    init(_ certificate: WitnessCertificate, chrome: PageChrome) throws {
        let signed = try SignedNote(parsing: certificate.checkpoint)
        let checkpoint = try Checkpoint(text: signed.text)
        self.page = chrome
        self.title = certificate.title
        self.projectURL = "/projects/\(certificate.project)"
        self.bundleURL = "/projects/\(certificate.project)/certificate.json"
        self.origin = certificate.origin
        self.logKey = certificate.logKey
        self.size = checkpoint.size
        self.rootHash = checkpoint.rootHash.base64
        self.witnesses = signed.signatures.map(\.name).filter { $0 != certificate.origin }
        self.hasWitnesses = !self.witnesses.isEmpty
        self.checkpoint = certificate.checkpoint
        self.events = certificate.events.map { event in
            let object = (try? JSONSerialization.jsonObject(with: Data(event.entry.utf8))) as? [String: Any] ?? [:]
            let type = object["type"] as? String ?? "?"
            let documents = object["documents"] as? [String] ?? []
            let time = (object["time"] as? String).flatMap(Timestamps.parse).map(StatutoryChecks.localText) ?? ""
            return EventModel(
                index: event.index, time: time, typeZh: Self.eventNames[type] ?? type, type: type,
                actor: Self.actorLabel(object["actor"] as? String ?? ""), documents: documents, hasDocuments: !documents.isEmpty
            )
        }
    }

    static func actorLabel(_ actor: String) -> String {
        if actor == "system" { return "系统" }
        if actor.hasPrefix("bidder:") { return "投标人（承诺值 " + actor.dropFirst(7).prefix(12) + "…）" }
        return "账号 " + actor.prefix(8)
    }

    static let eventNames: [String: String] = [
        "project.created": "项目登记", "project.announced": "发布招标公告", "project.clarified": "澄清或修改",
        "project.terminated": "终止招标", "document.attached": "上传文件", "bidder.registered": "投标人报名",
        "bid.submitted": "递交投标文件", "bid.withdrawn": "撤回投标文件", "lot.opened": "开标",
        "lot.result-recorded": "记录评标结果", "lot.candidates-published": "中标候选人公示", "lot.awarded": "定标",
        "lot.contract-signed": "签订合同", "lot.archived": "归档", "lot.retendered": "重新招标",
    ]
}
